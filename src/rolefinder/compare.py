"""Two results side by side: both profiles, both top 3, what moved and why. Pure, plain data.

``compare`` ranks two answer mappings on one catalogue (last term and now, you and a friend)
and says which roles moved and which of the answers that differ moved them; the sentences and
the JSON shape are here too, so the renderer only draws them.

Why an answer counts as a reason, and how much. Every answer adds to every role's score its
exact contribution (engine.py), and nothing else does, so the scores of A and B differ only
through the answers that differ. What puts one role above another, and what sets its chance
beside the other's, is the *gap* between their two scores: the ranking sorts by it, and the
softmax of the chances depends on it alone (the mean over all roles, which every
contribution is measured from, cancels out of a gap). So the question "why did B's #1 come
out ahead of A's #1?" has an exact answer in points: the gap between the two moved from A to
B by the sum, over the answers that differ, of how much each changed it. ``Difference.points``
is that change for one answer; the reasons are the differences with the largest ones, either
way, and together the differences add up to the whole move (tests/test_compare.py checks it).

The pair of roles is B's #1 against A's #1 when they differ. When both have the same #1, the
pair is that role against the role of either top 3 whose chance changed most, so the reasons
say what widened or narrowed the leader's lead where it changed most. The choice is symmetric:
comparing B with A names the same pair and the same answers, with opposite signs.

Measures left out on purpose: the change in a chance per answer (the softmax is not additive:
an answer's effect on a chance depends on which other answers were changed first, so the parts
would not add up and their order would be arbitrary); the change in the winning role's score
alone (a score is measured from the mean of all roles, so a rise says nothing about the role
it overtook); summing the changes over every role that moved (it counts one answer several
times, with signs that cancel).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from rolefinder.engine import Evidence, Result, rank
from rolefinder.errors import AnswersError
from rolefinder.explain import MEANINGFUL_POINTS, band
from rolefinder.i18n import t
from rolefinder.languages import Lang
from rolefinder.model import SKIP, Catalogue
from rolefinder.report import answer_text, percent, points_text

TOP = 3  # roles listed for each side
MOVED_SHOWN = 3  # roles named under "what moved"
REASONS_SHOWN = 3  # changed answers named as reasons


class Placed(NamedTuple):
    """A role's place in one side's ranking."""

    id: str
    place: int  # 1-based, in the whole ranking (the roles one can start in come first)
    chance: float | None  # None for a stretch role
    stretch: bool  # the role needs more experience than this side has


class Side(NamedTuple):
    """One of the two results."""

    label: str  # what the user gave ("#3, 2026-11-24", a result code)
    answers: Mapping[str, str]
    result: Result
    band: str  # strong, good or unsure: how sure this side's #1 is (explain.band)
    top: tuple[Placed, ...]  # the first TOP roles this side can start in

    @property
    def profile(self) -> Mapping[str, int]:
        """Trait id -> percent, summing to 100."""
        return self.result.profile


class Move(NamedTuple):
    """A role whose place or shown chance differs between A and B."""

    id: str
    before: Placed  # in A
    after: Placed  # in B


class Difference(NamedTuple):
    """A question answered differently by A and B, and how much that moved the pair.

    ``points``: how much the change (A's answer to B's) moved the gap between ``ahead`` and
    ``behind`` in ``ahead``'s favour; negative where it worked the other way.
    """

    question: str
    a: str | None  # the option id, SKIP, or None when the question was not asked
    b: str | None
    points: float


class Comparison(NamedTuple):
    """A against B as plain data; see the module's docstring for ``differences``."""

    a: Side
    b: Side
    same: bool  # the same answers (a skipped question counts as not asked): the same result
    moved: tuple[Move, ...]  # at most MOVED_SHOWN, the largest change of chance first
    ahead: str | None  # B's #1, or the #1 of both
    behind: str | None  # A's #1, or the role of either top 3 whose chance changed most
    differences: tuple[Difference, ...]  # every answer that differs, largest |points| first

    @property
    def reasons(self) -> tuple[Difference, ...]:
        """The differences that moved the pair by a point or more, at most REASONS_SHOWN."""
        meaningful = [d for d in self.differences if abs(d.points) >= MEANINGFUL_POINTS]
        return tuple(meaningful[:REASONS_SHOWN])


def compare(
    catalogue: Catalogue,
    a: Mapping[str, str],
    b: Mapping[str, str],
    labels: tuple[str, str] = ("A", "B"),
    evidence: Evidence | None = None,
) -> Comparison:
    """Rank both answer mappings and compare them. Raises AnswersError as ``rank`` does,
    saying which side (A or B, and its label) cannot be ranked."""
    evidence = evidence or Evidence(catalogue)
    first, second = (
        _side(catalogue, answers, label, evidence, letter)
        for answers, label, letter in zip((a, b), labels, "AB", strict=True)
    )
    order = {role.id: index for index, role in enumerate(catalogue.roles)}
    listed = sorted({p.id for p in (*first.top, *second.top)}, key=order.__getitem__)
    changes = [Move(role, _placed(first, role), _placed(second, role)) for role in listed]
    moved = sorted(
        (m for m in changes if _shown(m.before) != _shown(m.after)),
        key=lambda m: (-_chance_change(m), -abs(m.after.place - m.before.place), order[m.id]),
    )
    ahead, behind = _pair(first, second, changes)
    differences = [
        Difference(q.id, a.get(q.id), b.get(q.id), _gap_change(first, second, q.id, ahead, behind))
        for q in catalogue.questions
        if a.get(q.id) != b.get(q.id) and not _both_unanswered(a, b, q.id)
    ]
    differences.sort(key=lambda d: -abs(d.points))  # stable: catalogue order on a tie
    return Comparison(
        a=first,
        b=second,
        same=not differences,
        moved=tuple(moved[:MOVED_SHOWN]),
        ahead=ahead,
        behind=behind,
        differences=tuple(differences),
    )


def _side(
    catalogue: Catalogue, answers: Mapping[str, str], label: str, evidence: Evidence, letter: str
) -> Side:
    try:
        result = rank(catalogue, answers, evidence)
    except AnswersError as error:
        raise _which_side(error, letter, label) from None
    top = tuple(_placed_in(result, m.id) for m in result.reachable[:TOP])
    return Side(label, dict(answers), result, band(result), top)


def _which_side(error: AnswersError, letter: str, label: str) -> AnswersError:
    """``error`` told for one side: "Result B (#3, 2026-11-24) has too few answers ...", or
    "Result B (...) cannot be ranked:" above the problems ``rank`` found. Not "answer N more":
    a result already taken cannot be answered further."""
    who = letter if label == letter else f"{letter} ({label})"
    if len(error.problems) == 1 and error.problems[0][0] == "too_few_answers":
        values = error.problems[0][1]
        return AnswersError(
            [("compare_too_few", {"who": who, "have": values["have"], "need": values["need"]})]
        )
    return AnswersError([("compare_cannot_rank", {"who": who}), *error.problems])


def _placed_in(result: Result, role_id: str) -> Placed:
    place, match = next((i, m) for i, m in enumerate(result.matches, start=1) if m.id == role_id)
    return Placed(role_id, place, match.chance, match.stretch)


def _placed(side: Side, role_id: str) -> Placed:
    return _placed_in(side.result, role_id)


def _shown(placed: Placed) -> tuple[int, str, bool]:
    """What the screen shows of a place: a change below what it shows is no move."""
    return placed.place, percent(placed.chance), placed.stretch


def _chance_change(move: Move) -> float:
    return abs((move.after.chance or 0.0) - (move.before.chance or 0.0))


def _pair(first: Side, second: Side, changes: Sequence[Move]) -> tuple[str | None, str | None]:
    """The two roles whose gap the reasons explain (see the module's docstring)."""
    leader_a, leader_b = first.result.best.id, second.result.best.id
    if leader_a != leader_b:
        return leader_b, leader_a
    others = [m for m in changes if m.id != leader_a]  # in catalogue order: max keeps the first
    if not others:
        return leader_a, None
    return leader_a, max(others, key=_chance_change).id


def _both_unanswered(a: Mapping[str, str], b: Mapping[str, str], question_id: str) -> bool:
    """Skipped and not asked are the same answer: no answer (they count for nothing)."""
    return a.get(question_id, SKIP) == SKIP and b.get(question_id, SKIP) == SKIP


def _gap_change(
    first: Side, second: Side, question_id: str, ahead: str | None, behind: str | None
) -> float:
    """How much B's answer to ``question_id``, in place of A's, moved ``ahead`` against
    ``behind``: its contribution to the gap in B minus its contribution in A."""
    if ahead is None or behind is None:
        return 0.0

    def gap(side: Side) -> float:
        row = side.result.contributions.get(question_id)
        return row[ahead] - row[behind] if row is not None else 0.0

    return gap(second) - gap(first)


# --- In words ---------------------------------------------------------------------------------


def role_name(catalogue: Catalogue, role_id: str, lang: Lang) -> str:
    """A role's name in ``lang``, or its id when the catalogue has no such role."""
    role = catalogue.role(role_id)
    return role.name.get(lang) if role else role_id


def how_sure(side: Side, lang: Lang) -> str:
    """'How sure: a strong fit (97%)', for one side's #1 (as under a result)."""
    chance = percent(side.result.best.chance)
    if side.result.outlook == "exploring":
        return t("how_sure_exploring", lang, chance=chance)
    return t("how_sure", lang, band=t(f"band_{side.band}", lang), chance=chance)


def place_text(placed: Placed, lang: Lang) -> str:
    """'#2 (31%)', or '#9 (needs more experience)' for a stretch role."""
    if placed.stretch:
        return t("compare_stretch", lang, place=placed.place)
    return t("compare_place", lang, place=placed.place, chance=percent(placed.chance))


def moved_line(catalogue: Catalogue, move: Move, lang: Lang) -> str:
    """'Social Media Analyst: from #4 (<1%) to #1 (87%)'."""
    before, after = place_text(move.before, lang), place_text(move.after, lang)
    return t("compare_moved", lang, role=role_name(catalogue, move.id, lang), a=before, b=after)


def _choice(catalogue: Catalogue, question_id: str, option_id: str | None, lang: Lang) -> str:
    if option_id is None:
        return t("compare_not_asked", lang)
    if option_id == SKIP:
        return t("compare_skipped", lang)
    return t("compare_chose", lang, answer=answer_text(catalogue, question_id, option_id, lang))


def reason_line(
    catalogue: Catalogue, comparison: Comparison, difference: Difference, lang: Lang
) -> str:
    """'Monday's first task: A chose "...", B chose "...", which gives X 12 points more than
    Y.' The role the change favoured comes first, whichever way that was."""
    question = catalogue.question(difference.question)
    values = {
        "question": question.label.get(lang) if question else difference.question,
        "a": _choice(catalogue, difference.question, difference.a, lang),
        "b": _choice(catalogue, difference.question, difference.b, lang),
    }
    ahead, behind = comparison.ahead, comparison.behind
    if ahead is None or behind is None or abs(difference.points) < MEANINGFUL_POINTS:
        return t("compare_reason_even", lang, **values)
    if difference.points < 0:
        ahead, behind = behind, ahead
    return t(
        "compare_reason",
        lang,
        **values,
        points=points_text(difference.points, lang),
        ahead=role_name(catalogue, ahead, lang),
        behind=role_name(catalogue, behind, lang),
    )


def moved_lines(catalogue: Catalogue, comparison: Comparison, lang: Lang) -> list[str]:
    """What moved, one line a role; or one sentence that it is the same result, or that
    nothing in the top TOP moved."""
    if comparison.same:
        return [t("compare_same", lang)]
    lines = [moved_line(catalogue, move, lang) for move in comparison.moved]
    return lines or [t("compare_nothing_moved", lang, top=TOP)]


def why_line(comparison: Comparison, lang: Lang) -> str | None:
    """How many answers differ, before the reasons (None for the same result)."""
    count = len(comparison.differences)
    if count == 0:
        return None
    if comparison.reasons:
        return t("compare_why_one" if count == 1 else "compare_why_many", lang, count=count)
    return t("compare_why_one_small" if count == 1 else "compare_why_many_small", lang, count=count)


def reason_lines(catalogue: Catalogue, comparison: Comparison, lang: Lang) -> list[str]:
    """The changed answers that counted most, one sentence each."""
    return [reason_line(catalogue, comparison, d, lang) for d in comparison.reasons]


def compare_dict(catalogue: Catalogue, comparison: Comparison, lang: Lang) -> dict[str, Any]:
    """A JSON-ready view of the comparison, with names and sentences in ``lang``."""
    return {
        "same": comparison.same,
        "a": _side_dict(catalogue, comparison.a, lang),
        "b": _side_dict(catalogue, comparison.b, lang),
        "moved": [
            {
                "id": move.id,
                "name": role_name(catalogue, move.id, lang),
                "before": _placed_dict(move.before),
                "after": _placed_dict(move.after),
                "text": moved_line(catalogue, move, lang),
            }
            for move in comparison.moved
        ],
        "why": {
            "ahead": comparison.ahead,
            "behind": comparison.behind,
            "differences": [
                {
                    "question": d.question,
                    "a": d.a,
                    "b": d.b,
                    "points": round(d.points, 1),
                    "text": reason_line(catalogue, comparison, d, lang),
                }
                for d in comparison.differences
            ],
        },
        "text": [
            *moved_lines(catalogue, comparison, lang),
            *filter(None, [why_line(comparison, lang)]),
            *reason_lines(catalogue, comparison, lang),
        ],
        "language": lang,
        "catalogue": {"source": catalogue.source, "version": catalogue.version},
    }


def _side_dict(catalogue: Catalogue, side: Side, lang: Lang) -> dict[str, Any]:
    return {
        "label": side.label,
        "profile": dict(side.profile),
        "level": side.result.level,
        "confidence": {"band": side.band, "chance": _round(side.result.best.chance)},
        "top": [
            {
                "id": placed.id,
                "name": role_name(catalogue, placed.id, lang),
                "place": placed.place,
                "chance": _round(placed.chance),
            }
            for placed in side.top
        ],
        "answers": dict(side.answers),
    }


def _placed_dict(placed: Placed) -> dict[str, Any]:
    return {"place": placed.place, "chance": _round(placed.chance), "stretch": placed.stretch}


def _round(chance: float | None) -> float | None:
    return None if chance is None else round(chance, 3)
