"""A result in words, in either language: reasons, notes, what-if, paths, and the JSON shape.

The layer between the explanation (plain data) and the renderers: render.py draws these
sentences, save writes them; nothing below this module writes a sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rolefinder.codes import encode
from rolefinder.i18n import t
from rolefinder.languages import Lang
from rolefinder.model import SKIP, Catalogue, Role, as_percentages

if TYPE_CHECKING:  # types only: `roles` and `show` need no engine
    from rolefinder.engine import Match, Result
    from rolefinder.explain import Explanation, Reasons, WhatIf
    from rolefinder.history import Entry


def level_text(role: Role, lang: Lang) -> str:
    """A role's level in words, with its years where known: 'senior, 3-5 yrs'."""
    label = t(f"level_{role.level}", lang)
    if role.years is not None:
        label += ", " + t("years", lang, years=str(role.years))
    return label


def role_dict(role: Role, lang: Lang) -> dict[str, Any]:
    """A JSON-ready view of a role, with its texts in ``lang``."""
    return {
        "id": role.id,
        "name": role.name.get(lang),
        "summary": role.summary.get(lang),
        "level": role.level,
        "years": str(role.years) if role.years else None,
        "main_trait": role.main_trait,
        "profile": as_percentages(role.profile),
        "duties": [duty.get(lang) for duty in role.duties],
        "skills": [skill.get(lang) for skill in role.skills],
        "related": list(role.related),
        "note": role.note.get(lang) if role.note else None,
    }


def points_text(points: float, lang: Lang) -> str:
    """'1 point', '7 points' (the size; the sentence says which way)."""
    size = max(1, round(abs(points)))
    return t("points_one", lang) if size == 1 else t("points_many", lang, n=size)


def percent(chance: float | None) -> str:
    """A chance as a whole percentage ('64%', '<1%'), or '-' when there is none."""
    if chance is None:
        return "-"
    if chance > 0.995:  # a model's chance is never a certainty: no "100%"
        return ">99%"
    return "<1%" if 0 < chance < 0.005 else f"{round(100 * chance)}%"


def reason_lines(catalogue: Catalogue, why: Reasons, lang: Lang) -> list[str]:
    """The reasons in plain words: what raised the role, then what counted against it."""
    lines = []
    for key, traits, answers in (
        ("up", why.traits_for, why.raised),
        ("down", why.traits_against, why.lowered),
    ):
        for pull in traits:
            name = _trait_name(catalogue, pull.trait, lang)
            points = points_text(pull.points, lang)
            values = {"trait": name, "points": points, "you": pull.you, "role": pull.role}
            lines.append(t(f"reason_trait_{key}", lang, **values))
        for answer in answers:
            text = answer_text(catalogue, answer.question, answer.option, lang)
            points = points_text(answer.points, lang)
            lines.append(t(f"reason_{key}", lang, answer=text, points=points))
    return lines


def band_text(explanation: Explanation, result: Result, lang: Lang) -> str:
    """'How sure: strong (78%)'."""
    if "exploring" in explanation.flags:
        return t("how_sure_exploring", lang, chance=percent(result.best.chance))
    band = t(f"band_{explanation.band}", lang)
    return t("how_sure", lang, band=band, chance=percent(result.best.chance))


# The flags all say "look wider than the first role"; one note says it, the most specific.
NOTE_ORDER = ("exploring", "unsure", "torn", "near_tie")


def flag_lines(result: Result, explanation: Explanation, lang: Lang) -> list[str]:
    """The note for the result's most specific flag (none without flags). Every flag stays in
    the data (``explanation.flags``); the notes all ask for a wider look, so one is enough."""
    first, *others = result.reachable
    name = first.role.name.get(lang)
    for flag in NOTE_ORDER:
        if flag not in explanation.flags:
            continue
        if flag == "unsure":
            return [t("flag_unsure", lang, name=name, x=percent(first.chance))]
        if flag == "near_tie" and others:
            names = {"a": name, "b": others[0].role.name.get(lang)}
            figures = {"x": percent(first.chance), "y": percent(others[0].chance)}
            return [t("flag_near_tie", lang, **names, **figures)]
        if flag in ("torn", "exploring"):
            return [t(f"flag_{flag}", lang, name=name)]
    return []


def what_if_line(catalogue: Catalogue, change: WhatIf, lang: Lang) -> str:
    """'Had you chosen "...", ROLE would come first.'"""
    answer = answer_text(catalogue, change.question, change.new, lang)
    role = catalogue.role(change.role)
    name = role.name.get(lang) if role else change.role
    return t("what_if", lang, answer=answer, role=name)


def path_line(route: tuple[Role, ...], lang: Lang) -> str:
    """'Path: A -> B -> C.'"""
    return t("path", lang, steps=" -> ".join(role.name.get(lang) for role in route))


def answer_text(catalogue: Catalogue, question_id: str, option_id: str, lang: Lang) -> str:
    """The text of an answer, or its id when the catalogue has no such option."""
    question = catalogue.question(question_id)
    option = question.option(option_id) if question else None
    return option.text.get(lang) if option else option_id


def _trait_name(catalogue: Catalogue, trait_id: str, lang: Lang) -> str:
    trait = catalogue.trait(trait_id)
    return trait.name.get(lang) if trait else trait_id


def result_dict(
    catalogue: Catalogue, result: Result, explanation: Explanation, lang: Lang
) -> dict[str, Any]:
    """A JSON-ready view of the result, with names and sentences in ``lang``.

    Reasons and paths are given for the roles the explanation covers (the listed ones).
    """
    change = explanation.what_if
    return {
        "profile": dict(result.profile),
        "level": result.level,
        "confidence": {"band": explanation.band, "chance": _round(result.best.chance)},
        "matches": [_match_dict(catalogue, explanation, m, lang) for m in result.matches],
        "goals": [m.id for m in result.goals],
        "flags": list(explanation.flags),
        "notes": flag_lines(result, explanation, lang),
        "what_if": None
        if change is None
        else {
            "question": change.question,
            "from": change.old,
            "to": change.new,
            "role": change.role,
            "chance": _round(change.chance),
            "text": what_if_line(catalogue, change, lang),
        },
        "answers": dict(result.answers),
        "contributions": {
            question: {role: round(points, 2) for role, points in row.items()}
            for question, row in result.contributions.items()
        },
        "language": lang,
        "catalogue": {"source": catalogue.source, "version": catalogue.version},
        "code": encode(catalogue, result.answers, lang),
    }


def _round(chance: float | None) -> float | None:
    return None if chance is None else round(chance, 3)


def history_list(entries: list[Entry], today: str) -> list[dict[str, Any]]:
    """The kept results as JSON-ready objects, oldest first; ``today`` is the fingerprint of
    the catalogue in use, to say which were taken with it."""
    return [
        {
            "number": entry.number,
            "taken": entry.taken,
            "language": entry.lang,
            "catalogue": {"fingerprint": entry.fingerprint, "current": entry.fingerprint == today},
            "answers": dict(entry.answers),
            "top": [{"id": role, "chance": _round(chance)} for role, chance in entry.top],
            "code": entry.code,
        }
        for entry in entries
    ]


def _match_dict(
    catalogue: Catalogue, explanation: Explanation, match: Match, lang: Lang
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": match.id,
        "name": match.role.name.get(lang),
        "score": round(match.score, 1),
        "chance": _round(match.chance),
        "level": match.role.level,
        "stretch": match.stretch,
    }
    why = explanation.reasons.get(match.id)
    if why is not None:
        entry["reasons"] = {
            "traits_for": [{**p._asdict(), "points": round(p.points, 1)} for p in why.traits_for],
            "traits_against": [
                {**p._asdict(), "points": round(p.points, 1)} for p in why.traits_against
            ],
            "raised": [{**p._asdict(), "points": round(p.points, 1)} for p in why.raised],
            "lowered": [{**p._asdict(), "points": round(p.points, 1)} for p in why.lowered],
            "text": reason_lines(catalogue, why, lang),
        }
    if match.id in explanation.paths:
        entry["path"] = [role.id for role in explanation.paths[match.id]]
    return entry


def questions_list(catalogue: Catalogue, lang: Lang) -> list[dict[str, Any]]:
    """Every question with its option ids and texts, in catalogue order (for ``--json``)."""
    return [
        {
            "id": question.id,
            "kind": question.kind.name,
            "prompt": question.prompt.get(lang),
            "short": question.label.get(lang),
            "options": [
                {"id": option.id, "text": option.text.get(lang)} for option in question.options
            ],
        }
        for question in catalogue.questions
    ]


def answer_template(catalogue: Catalogue, lang: Lang) -> str:
    """An answer sheet to fill in: every question and its options as comments, each answer
    ``skip`` until replaced by an option id. Written by hand, not by a YAML library, because
    the comments are the point; ids are plain YAML keys by the catalogue's own rules."""

    def comment(text: str) -> str:
        return " ".join(text.split())  # a text on one line can never end the comment

    lines = [f"# {line}" for line in t("template_intro", lang, skip=SKIP).splitlines()]
    for question in catalogue.questions:
        lines += ["", f"# {comment(question.prompt.get(lang))}"]
        width = max(len(option.id) for option in question.options)
        lines += [
            f"#   {option.id:<{width}}  {comment(option.text.get(lang))}"
            for option in question.options
        ]
        lines.append(f"{question.id}: {SKIP}")
    return "\n".join(lines) + "\n"


def form_text(catalogue: Catalogue, lang: Lang) -> str:
    """The quiz as a teacher types it into a form tool: a name question, then every question
    (the experience and outlook ones first, as the quiz asks them) with its options' texts in
    order and "doesn't apply" last. Plain text: no ids, nothing to escape."""

    def line(text: str) -> str:
        return " ".join(text.split())

    first = [q for q in (catalogue.experience, catalogue.outlook) if q is not None]
    ordered = [*first, *(q for q in catalogue.questions if q not in first)]
    lines = [t("form_intro", lang, count=len(ordered)), "", t("form_name_question", lang)]
    for number, question in enumerate(ordered, start=1):
        lines += ["", f"{number}. {line(question.prompt.get(lang))}"]
        lines += [f"   - {line(option.text.get(lang))}" for option in question.options]
        lines.append(f"   - {t('form_skip', lang)}")
    return "\n".join(lines) + "\n"
