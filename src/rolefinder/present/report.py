"""A result in words, in either language: reasons, notes, what-if, paths, and the JSON shape.

The layer between the explanation (plain data) and the renderers: the terminal part draws these
sentences, save writes them; nothing below this module writes a sentence.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from rolefinder.assess.codes import encode
from rolefinder.catalogue.model import SKIP, Catalogue, Question, Role, as_percentages
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

if TYPE_CHECKING:  # types only: `roles` and `show` need no engine
    from rolefinder.assess.engine import Match, Result
    from rolefinder.assess.explain import Explanation, Reasons, WhatIf
    from rolefinder.catalogue.model import Text
    from rolefinder.history.rows import Entry


def level_text(role: Role, lang: Lang) -> str:
    """A role's level in words, with its years where known: 'senior, 3-5 yrs'."""
    label = t(f"level_{role.level}", lang)
    if role.years is not None:
        label += ", " + t("years", lang, years=str(role.years).replace("-", "\N{EN DASH}"))
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
        "way_in": role.way_in.get(lang),
        "junior": role.junior.get(lang) if role.junior else None,
        "source": role.source,
    }


def points_text(points: float, lang: Lang) -> str:
    """'1 point', '7 points' (the size; the sentence says which way)."""
    size = max(1, round(abs(points)))
    return t("points_one", lang) if size == 1 else t("points_many", lang, n=size)


def fit_text(fit: int) -> str:
    """A fit as a mark out of 100: '82/100' (a mark, so nobody reads it as odds)."""
    return f"{fit}/100"


def ready_text(match: Match, lang: Lang) -> str:
    """How ready the user is for a role, in a few words for a table cell."""
    if match.ready == "unknown":  # no experience answered: what the role asks, said so
        return t("ready_unknown_short", lang, level=level_text(match.role, lang))
    if match.ready == "later":
        return t("ready_later_short", lang, level=level_text(match.role, lang))
    return t(f"ready_{match.ready}_short", lang)


def ready_lines(
    match: Match,
    adjacent: bool,
    route: tuple[Role, ...],
    lang: Lang,
    plain: bool = False,
    left_out: Collection[str] = (),
) -> list[str]:
    """Whether the user can apply for a role now, what it usually asks, the way up (a role for
    later), the way in and the credit for related experience (``plain``: the way up in words,
    see path_line). ``left_out`` may name "way_up", "way_in", "way_in_with_way_up" (the way in
    of a role whose way up is shown) and "credit": a summary cut to fit a screen."""
    role = match.role
    junior = _text(role.junior, lang)
    lines = [t(f"ready_{match.ready}", lang, level=level_text(role, lang), junior=junior)]
    way_up = match.ready == "later" and len(route) > 1 and "way_up" not in left_out
    if way_up:
        lines.append(path_line(route, lang, plain))
    if "way_in" not in left_out and not (way_up and "way_in_with_way_up" in left_out):
        lines.append(t("way_in", lang, text=role.way_in.get(lang)))
    if adjacent and match.ready != "now" and "credit" not in left_out:
        lines.append(t("ready_adjacent", lang))
    return lines


def _text(text: Text | None, lang: Lang) -> str:
    return text.get(lang) if text is not None else ""


def sure_text(sure: float) -> str:
    """How sure, as a whole percentage between 1% and 99%: a model is never certain."""
    return f"{min(99, max(1, round(100 * sure)))}%"


def reason_lines(
    catalogue: Catalogue, why: Reasons, lang: Lang, points: bool = False, student: bool = False
) -> list[str]:
    """The reasons in plain words: the answers that point most to the role, the trait it
    shares with the user, then what counted against it. ``points`` adds each one's points
    (for --explain; the summary speaks only in answers and traits). ``student``: told to a
    teacher about a student ("the student chose"), not to the one who answered ("you chose")."""
    person = "_student" if student else ""
    lines = []
    for key, traits, answers in (
        ("up", why.traits_for, why.raised),
        ("down", why.traits_against, why.lowered),
    ):
        for answer in answers:
            text = answer_text(catalogue, answer.question, answer.option, lang).rstrip(".")
            chose = t(f"reason_{key}{person}", lang, answer=text)
            if text.endswith(("?", "!")):  # 'chose "Why not?"', not 'chose "Why not?".'
                chose = chose.removesuffix(".")
            lines.append(chose + _points(answer.points, points, lang))
        for pull in traits:  # a trait's name inside a sentence is a common noun: lower case
            name = _trait_name(catalogue, pull.trait, lang).lower()
            values = {"trait": name, "you": pull.you, "role": pull.role}
            lines.append(
                t(f"reason_trait_{key}{person}", lang, **values)
                + _points(pull.points, points, lang)
            )
    return lines


def summary_reason(
    catalogue: Catalogue, why: Reasons, lang: Lang, trait: bool = True, student: bool = False
) -> str:
    """The summary's one reason: how many answers about the work name the role's own work,
    with a typical one, and (``trait``) the trait the user shares with it (each only where it
    exists). ``student`` as for reason_lines."""
    up = reason_lines(catalogue, why._replace(traits_against=(), lowered=()), lang, student=student)
    first_trait = up[len(why.raised) : len(why.raised) + 1] if trait else []
    if why.example is not None:
        example = why.example
        answer = answer_text(catalogue, example.question, example.option, lang).rstrip(".")
        values = {"n": why.named, "m": why.answered, "answer": answer}
        named = t("why_named_student" if student else "why_named", lang, **values)
        return " ".join([named, *first_trait])
    return " ".join([*up[: min(1, len(why.raised))], *first_trait])


def _points(points: float, shown: bool, lang: Lang) -> str:
    if not shown:
        return ""
    sign = "+" if points >= 0 else "-"
    return " " + t("points_suffix", lang, points=sign + points_text(points, lang))


def band_text(explanation: Explanation, result: Result, lang: Lang) -> str:
    """'How sure: high (about 93%)'."""
    if "no_pattern" in explanation.flags:
        return t("how_sure_no_pattern", lang)
    if "exploring" in explanation.flags:
        return t("how_sure_exploring", lang)
    band = t(f"band_{explanation.band}", lang)
    return t("how_sure", lang, band=band, sure=sure_text(result.best.sure))


# The flags all say "look wider than the first role"; one note says it, the most specific.
NOTE_ORDER = ("no_pattern", "exploring", "unsure", "torn", "near_tie")


def flag_lines(result: Result, explanation: Explanation, lang: Lang) -> list[str]:
    """The note for the result's most specific flag (none without flags). Every flag stays in
    the data (``explanation.flags``); the notes all ask for a wider look, so one is enough."""
    first, *others = result.listed
    name = first.role.name.get(lang)
    for flag in NOTE_ORDER:
        if flag not in explanation.flags:
            continue
        if flag == "no_pattern":
            kind = "random" if result.pattern == "random" else "position"
            return [t(f"flag_no_pattern_{kind}", lang)]
        if flag == "unsure":
            return [t("flag_unsure", lang, name=name, x=sure_text(first.sure))]
        if flag == "near_tie" and others:
            names = {"a": name, "b": others[0].role.name.get(lang)}
            figures = {"x": fit_text(first.fit), "y": fit_text(others[0].fit)}
            return [t("flag_near_tie", lang, **names, **figures)]
        if flag == "torn" and not others:  # one role listed: nothing else on the list to read
            return [t("flag_torn_one", lang, name=name)]
        if flag in ("torn", "exploring"):
            return [t(f"flag_{flag}", lang, name=name)]
    return []


def what_if_line(catalogue: Catalogue, change: WhatIf, lang: Lang) -> str:
    """'Had you chosen "...", ROLE would come first.'"""
    answer = answer_text(catalogue, change.question, change.new, lang).rstrip(".")
    role = catalogue.role(change.role)
    name = role.name.get(lang) if role else change.role
    return t("what_if", lang, answer=answer, role=name)


def path_line(route: tuple[Role, ...], lang: Lang, plain: bool = False) -> str:
    """'Way up: A -> B -> C.'; ``plain`` (screen readers): 'Way up: A, then B, then C.'"""
    between = t("path_then", lang) if plain else " -> "
    return t("path", lang, steps=between.join(role.name.get(lang) for role in route))


def answer_text(catalogue: Catalogue, question_id: str, option_id: str, lang: Lang) -> str:
    """The text of an answer, or its id when the catalogue has no such option."""
    question = catalogue.question(question_id)
    option = question.option(option_id) if question else None
    return option.text.get(lang) if option else option_id


def _trait_name(catalogue: Catalogue, trait_id: str, lang: Lang) -> str:
    trait = catalogue.trait(trait_id)
    return trait.name.get(lang) if trait else trait_id


def result_code(
    catalogue: Catalogue, answers: Mapping[str, str], lang: Lang, taken: Lang | None = None
) -> tuple[str, str]:
    """The result code to print, and the words after ``rolefinder result`` that show this
    result again.

    A code holds the language the quiz was taken in (``taken``; None: ``lang``). A result shown
    in another language (``rolefinder result CODE --lang en``) keeps the code as typed, and
    the command passes the language as the option: one code per sitting, whatever language
    it is read in.
    """
    code = encode(catalogue, answers, taken or lang)
    return code, code if (taken or lang) == lang else f"{code} --lang {lang}"


def result_dict(
    catalogue: Catalogue,
    result: Result,
    explanation: Explanation,
    lang: Lang,
    *,
    taken: Lang | None = None,
) -> dict[str, Any]:
    """A JSON-ready view of the result, with names and sentences in ``lang`` (shape 2);
    ``code`` is the code of the sitting, taken in ``taken`` (None: ``lang``).

    Every role is in ``matches``, best fit first; ``listed`` marks the ones the answers point
    to. Reasons and ways in are given for the roles the explanation covers (the listed ones).
    """
    change = explanation.what_if
    return {
        "profile": dict(result.profile),
        "experience": {"level": result.level, "related": result.adjacent},
        "best": result.best.id,
        "sure": round(result.best.sure, 3),
        "band": explanation.band,
        "pattern": result.pattern,
        "flags": list(explanation.flags),
        "notes": flag_lines(result, explanation, lang),
        "matches": [_match_dict(catalogue, result, explanation, m, lang) for m in result.matches],
        "what_if": None
        if change is None
        else {
            "question": change.question,
            "from": change.old,
            "to": change.new,
            "role": change.role,
            "sure": round(change.sure, 3),
            "text": what_if_line(catalogue, change, lang),
        },
        "answers": dict(result.answers),
        "contributions": {
            question: {role: round(points, 2) for role, points in row.items()}
            for question, row in result.contributions.items()
        },
        "language": lang,
        "catalogue": {"source": catalogue.source, "version": catalogue.version},
        "code": result_code(catalogue, result.answers, lang, taken)[0],
    }


def history_items(entries: Iterable[Entry], today: Collection[str]) -> Iterator[dict[str, Any]]:
    """The kept results as JSON-ready objects, in the order given, one at a time; ``today``
    holds the fingerprints of the catalogue in use (codes.fingerprints), to say which were
    taken with it."""
    for entry in entries:
        yield {
            "number": entry.number,
            "taken": entry.taken,
            "language": entry.lang,
            "catalogue": {"fingerprint": entry.fingerprint, "current": entry.fingerprint in today},
            "answers": dict(entry.answers),
            "top": [{"id": role, "fit": fit} for role, fit in entry.top],
            "code": entry.code,
        }


def _match_dict(
    catalogue: Catalogue, result: Result, explanation: Explanation, match: Match, lang: Lang
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": match.id,
        "name": match.role.name.get(lang),
        "fit": match.fit,
        "sure": round(match.sure, 3),
        "listed": match.listed,
        "ready": match.ready,
        "score": round(match.score, 1),
        "level": match.role.level,
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
        route = explanation.paths.get(match.id, ())
        entry["readiness"] = ready_lines(match, result.adjacent, route, lang)
    if match.id in explanation.paths:
        entry["path"] = [role.id for role in explanation.paths[match.id]]
    return entry


def quiz_order(catalogue: Catalogue) -> list[Question]:
    """Every question in the order the quiz asks from: the experience and outlook questions
    first, as it asks them, then the bank in catalogue order."""
    first = catalogue.opening
    return [*first, *(q for q in catalogue.questions if q not in first)]


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
    """An answer sheet to fill in: every question (in quiz order) and its options as comments,
    each answer ``skip`` until replaced by an option id. Written by hand, not by a YAML
    library, because the comments are the point; ids are plain YAML keys by the catalogue's
    own rules."""

    def comment(text: str) -> str:
        return " ".join(text.split())  # a text on one line can never end the comment

    lines = [f"# {line}" for line in t("template_intro", lang, skip=SKIP).splitlines()]
    for question in quiz_order(catalogue):
        lines += ["", f"# {comment(question.prompt.get(lang))}"]
        width = max(len(option.id) for option in question.options)
        lines += [
            f"#   {option.id:<{width}}  {comment(option.text.get(lang))}"
            for option in question.options
        ]
        lines.append(f"{question.id}: {SKIP}")
    return "\n".join(lines) + "\n"


def form_questions(catalogue: Catalogue, lang: Lang) -> list[tuple[str, list[str]]]:
    """(question, its options) for every question of the quiz as a form, in the order the quiz
    asks them, with "doesn't apply" last: the texts exactly as the catalogue has them, which
    are what ``rolefinder class`` matches a form export's headers and cells against."""
    skip = t("form_skip", lang)
    return [
        (question.prompt.get(lang), [*(option.text.get(lang) for option in question.options), skip])
        for question in quiz_order(catalogue)
    ]


def form_text(catalogue: Catalogue, lang: Lang) -> str:
    """The quiz as a teacher types it into a form tool: a name question, then every question
    (the experience and outlook ones first, as the quiz asks them) with its options' texts in
    order and "doesn't apply" last. Plain text: no ids, nothing to escape."""

    def line(text: str) -> str:
        return " ".join(text.split())

    questions = form_questions(catalogue, lang)
    lines = [t("form_intro", lang, count=len(questions)), "", t("form_name_question", lang)]
    for number, (title, options) in enumerate(questions, start=1):
        lines += ["", f"{number}. {line(title)}"]
        lines += [f"   - {line(option)}" for option in options]
    return "\n".join(lines) + "\n"
