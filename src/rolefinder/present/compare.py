"""Two results side by side: both profiles, the roles each lists, what moved and why. Pure.

``compare_results`` ranks two answer mappings on one catalogue (last term and now, you and a friend)
and says which roles moved and which of the answers that differ moved them; the sentences and
the JSON shape are here too, so the renderer only draws them.

What each side shows is what its result screen shows: the roles it lists (the roles its
answers point to, best fit first, at most TOP), each with its place in that list and its fit
(0-100), and how sure the result is of its best (assess/engine.py, explain.band). A role one
side does not list has no place there ("off the list"), but still its fit.

Why an answer counts as a reason, and how much. Every answer about the work adds to every role's
score its exact contribution (assess/engine.py), and nothing else does (experience and outlook
say how ready and how sure, not which work fits), so the scores of A and B differ only through
the answers that differ. What puts one role above another is the *gap* between their two scores:
within one result a role's fit is its evidence over one ceiling shared by every role, and its
score is that evidence less an amount the same for every role, so the fits are in the order of
the scores (bar rounding to whole marks), and how sure the result is of its best (a softmax of
the evidence) depends on the gaps alone. So the question "why did B's #1 come out ahead of A's
#1?" has an exact answer in points: the gap between the two moved from A to B by the sum, over
the answers that differ, of how much each changed it. ``Difference.points`` is that change for
one answer; the reasons are the differences with the largest ones, either way, and together the
differences add up to the whole move (tests/test_compare.py checks it).

The pair of roles is B's #1 against A's #1 when they differ. When both have the same #1, the
pair is that role against the other role either side lists whose fit changed most (when
neither lists another, the role in second place on either side whose fit changed most), so the
reasons say what widened or narrowed the leader's lead where it changed most. The choice is
symmetric: comparing B with A names the same pair and the same answers, with opposite signs.

Measures left out on purpose: the change in a fit per answer (a fit is measured against the
most any role could get from the questions answered, so one answer given or skipped moves the
scale of every fit, and the parts would not add up); the change in how sure per answer (a
softmax is not additive: an answer's effect depends on which other answers were changed first,
so the parts would not add up and their order would be arbitrary); the change in the winning
role's score alone (a score is measured from the mean of all roles, so a rise says nothing
about the role it overtook); summing the changes over every role that moved (it counts one
answer several times, with signs that cancel).

The JSON shape (``compare_dict``) changed in 2.0 with the result's own (report.result_dict):
each side gives ``experience`` (``level``, ``related``) in place of ``level``, and ``best``,
``sure``, ``band`` and ``pattern`` as a result does in place of ``confidence``; its ``top``
lists the roles it lists, each with ``fit`` (0-100) in place of ``chance``; a move's
``before`` and ``after`` are ``{place, fit}`` (``place`` null off the list) in place of
``{place, chance, stretch}``. Every other key is as it was.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from rolefinder.assess.engine import Evidence, Result, rank
from rolefinder.assess.explain import MEANINGFUL_POINTS, band
from rolefinder.catalogue.model import SKIP, Catalogue
from rolefinder.errors import AnswersError, SideError
from rolefinder.present.report import answer_text, fit_text, points_text, sure_text
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

TOP = 3  # roles listed for each side, at most
MOVED_SHOWN = 3  # roles named under "what moved"
REASONS_SHOWN = 3  # changed answers named as reasons


class Placed(NamedTuple):
    """A role's place in one side's result."""

    id: str
    place: int | None  # 1-based among the roles this side lists (as its screen numbers them)
    fit: int  # 0-100: how well this side's answers fit the role


class Side(NamedTuple):
    """One of the two results."""

    label: str  # what the user gave ("#3, 2026-11-24", a result code)
    answers: Mapping[str, str]
    result: Result
    band: str  # strong, good or unsure: how sure this side's #1 is (explain.band)
    top: tuple[Placed, ...]  # the roles this side lists, at most TOP

    @property
    def profile(self) -> Mapping[str, int]:
        """Trait id -> percent, summing to 100."""
        return self.result.profile


class Move(NamedTuple):
    """A role whose place or fit differs between A and B."""

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
    moved: tuple[Move, ...]  # at most MOVED_SHOWN, the largest change of fit first
    ahead: str | None  # B's #1, or the #1 of both
    behind: str | None  # A's #1, or the role whose fit changed most (see the docstring)
    differences: tuple[Difference, ...]  # every answer that differs, largest |points| first

    @property
    def reasons(self) -> tuple[Difference, ...]:
        """The differences that moved the pair by a point or more, at most REASONS_SHOWN."""
        meaningful = [d for d in self.differences if abs(d.points) >= MEANINGFUL_POINTS]
        return tuple(meaningful[:REASONS_SHOWN])


def compare_results(
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
    changes = _moves(first, second, {p.id for p in (*first.top, *second.top)}, order)
    moved = sorted(
        (m for m in changes if _shown(m.before) != _shown(m.after)),
        key=lambda m: (-_fit_change(m), -_place_change(m), order[m.id]),
    )
    ahead, behind = _pair(first, second, changes, order)
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
    top = tuple(_placed_in(result, m.id) for m in result.listed[:TOP])
    return Side(label, dict(answers), result, band(result), top)


def _which_side(error: AnswersError, letter: str, label: str) -> AnswersError:
    """``error`` told for one side: "Result B (#3, 2026-11-24) has too few answers ...", or
    "Result B (...) cannot be ranked: ..." before each problem ``rank`` found. Not "answer N more":
    a result already taken cannot be answered further."""
    who = letter if label == letter else f"{letter} ({label})"
    if len(error.problems) == 1 and error.problems[0][0] == "too_few_answers":
        values = error.problems[0][1]
        return AnswersError(
            [("compare_too_few", {"who": who, "have": values["have"], "need": values["need"]})]
        )
    return SideError(who, error.problems)


def _placed_in(result: Result, role_id: str) -> Placed:
    listed = [m.id for m in result.listed]
    place = listed.index(role_id) + 1 if role_id in listed else None
    return Placed(role_id, place, next(m.fit for m in result.matches if m.id == role_id))


def _placed(side: Side, role_id: str) -> Placed:
    return _placed_in(side.result, role_id)


def _moves(
    first: Side, second: Side, role_ids: Iterable[str], order: Mapping[str, int]
) -> list[Move]:
    """Each role's place in A and in B, in catalogue order."""
    ordered = sorted(set(role_ids), key=order.__getitem__)
    return [Move(role, _placed(first, role), _placed(second, role)) for role in ordered]


def _shown(placed: Placed) -> tuple[int | None, int]:
    """What the screen shows of a place: the place (or off the list) and the fit."""
    return placed.place, placed.fit


def _fit_change(move: Move) -> int:
    return abs(move.after.fit - move.before.fit)


def _place_change(move: Move) -> float:
    """How far a role moved in the lists: joining or leaving one counts as more than any move
    within one."""
    before, after = move.before.place, move.after.place
    if before is None or after is None:
        return 0 if before == after else math.inf
    return abs(after - before)


def _pair(
    first: Side, second: Side, changes: Sequence[Move], order: Mapping[str, int]
) -> tuple[str | None, str | None]:
    """The two roles whose gap the reasons explain (see the module's docstring)."""
    leader_a, leader_b = first.result.best.id, second.result.best.id
    if leader_a != leader_b:
        return leader_b, leader_a
    others = [m for m in changes if m.id != leader_a]  # in catalogue order: max keeps the first
    if not others:  # neither side lists another role: the runners-up of both
        runners_up = [s.result.matches[1].id for s in (first, second) if len(s.result.matches) > 1]
        others = _moves(first, second, runners_up, order)
    if not others:
        return leader_a, None
    return leader_a, max(others, key=_fit_change).id


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
    """'How sure: high (about 97%)', for one side's #1, as under its result (report.band_text):
    'not at all' when its answers show no clear pattern, low while exploring."""
    result = side.result
    if result.pattern is not None:
        return t("how_sure_no_pattern", lang)
    sure = sure_text(result.best.sure)
    if result.outlook == "exploring":
        return t("how_sure_exploring_side", lang, sure=sure)
    return t("how_sure", lang, band=t(f"band_{side.band}", lang), sure=sure)


def place_text(placed: Placed, lang: Lang, plain: bool = False) -> str:
    """'#2 (82/100)' ('place 2 (82/100)' when ``plain``: a screen reader reads "#" as a
    symbol), or 'off the list (12/100)' for a role that side does not list."""
    if placed.place is None:
        return t("compare_off_list", lang, fit=fit_text(placed.fit))
    key = "compare_place_plain" if plain else "compare_place"
    return t(key, lang, place=placed.place, fit=fit_text(placed.fit))


def moved_line(catalogue: Catalogue, move: Move, lang: Lang, plain: bool = False) -> str:
    """'Social Media Analyst: from off the list (3/100) to #1 (87/100)'."""
    before, after = place_text(move.before, lang, plain), place_text(move.after, lang, plain)
    return t("compare_moved", lang, role=role_name(catalogue, move.id, lang), a=before, b=after)


def _choice(catalogue: Catalogue, question_id: str, option_id: str | None, lang: Lang) -> str:
    if option_id is None:
        return t("compare_not_asked", lang)
    if option_id == SKIP:
        return t("compare_skipped", lang)
    return t(
        "compare_chose",
        lang,
        answer=answer_text(catalogue, question_id, option_id, lang).rstrip("."),
    )


def difference_line(
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


def moved_lines(
    catalogue: Catalogue, comparison: Comparison, lang: Lang, plain: bool = False
) -> list[str]:
    """What moved, one line a role; or one sentence that it is the same result, or that
    nothing among the roles listed moved."""
    if comparison.same:
        return [t("compare_same", lang)]
    lines = [moved_line(catalogue, move, lang, plain) for move in comparison.moved]
    return lines or [t("compare_nothing_moved", lang)]


def why_line(comparison: Comparison, lang: Lang) -> str | None:
    """How many answers differ, before the reasons (None for the same result)."""
    count = len(comparison.differences)
    if count == 0:
        return None
    if comparison.reasons:
        return t("compare_why_one" if count == 1 else "compare_why_many", lang, count=count)
    return t("compare_why_one_small" if count == 1 else "compare_why_many_small", lang, count=count)


def difference_lines(catalogue: Catalogue, comparison: Comparison, lang: Lang) -> list[str]:
    """The changed answers that counted most, one sentence each."""
    return [difference_line(catalogue, comparison, d, lang) for d in comparison.reasons]


def compare_dict(catalogue: Catalogue, comparison: Comparison, lang: Lang) -> dict[str, Any]:
    """A JSON-ready view of the comparison, with names and sentences in ``lang`` (the shape is
    in the module's docstring)."""
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
                    "text": difference_line(catalogue, comparison, d, lang),
                }
                for d in comparison.differences
            ],
        },
        "text": [
            *moved_lines(catalogue, comparison, lang),
            *filter(None, [why_line(comparison, lang)]),
            *difference_lines(catalogue, comparison, lang),
        ],
        "language": lang,
        "catalogue": {"source": catalogue.source, "version": catalogue.version},
    }


def _side_dict(catalogue: Catalogue, side: Side, lang: Lang) -> dict[str, Any]:
    result = side.result
    return {
        "label": side.label,
        "profile": dict(side.profile),
        "experience": {"level": result.level, "related": result.adjacent},
        "best": result.best.id,
        "sure": round(result.best.sure, 3),
        "band": side.band,
        "pattern": result.pattern,
        "top": [
            {
                "id": placed.id,
                "name": role_name(catalogue, placed.id, lang),
                "place": placed.place,
                "fit": placed.fit,
            }
            for placed in side.top
        ],
        "answers": dict(side.answers),
    }


def _placed_dict(placed: Placed) -> dict[str, Any]:
    return {"place": placed.place, "fit": placed.fit}
