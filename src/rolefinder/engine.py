"""The scoring engine: answers -> evidence for every role -> a ranking with its certainty. Pure.

The model is a plain likelihood model. A person in role R picks option O of a question with
probability P(O | R) proportional to exp(affinity(O, R)), where the affinity is

    FIT_EVIDENCE  if R is among the option's ``fits`` (people in R typically pick it), plus
    TRAIT_EVIDENCE x the role's share of the option's trait (the creative/strategic/... spine).

The experience question works the same way, with an affinity from how far the user's level is
from the role's. Each answer's *contribution* to a role is log P(answer | role) minus its mean
over all roles, in points (POINTS_PER_NAT per natural-log unit), so contributions are signed,
add up exactly to the role's score, and explanations need no leave-one-out guessing. The
chance shown is the posterior over the roles the user can start in, softened by TEMPERATURE
because answers to neighbouring questions are not independent.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import add, sub
from typing import NamedTuple

from rolefinder.errors import MAX_PROBLEMS, AnswersError
from rolefinder.model import LEVELS, SKIP, Catalogue, Option, Question, Role, as_percentages

Answers = Mapping[str, str]  # question id -> option id (or SKIP)

FIT_EVIDENCE = 1.5  # log-odds lift of an option for the roles whose people typically pick it
TRAIT_EVIDENCE = 1.5  # log-odds per unit of the role's share of the option's trait
# Affinity of an experience answer for a role, by (user level - role level): starting out
# below a role's level is unlikely in it; far above an entry role is somewhat unlikely too.
LEVEL_AFFINITY = {-2: -2.0, -1: -1.0, 0: 0.0, 1: -0.4, 2: -0.8}
# Where the role and the answer both give years (the manager's 3-5), a band wholly outside
# the role's years is a little less typical of it.
YEARS_OUTSIDE = -0.7
POINTS_PER_NAT = 10.0
TEMPERATURE = 1.6  # the answers are correlated: the raw posterior would be overconfident

MIN_ANSWERS = 8  # fewer real answers (not skipped) give no ranking
SITTING_MIN, SITTING_MAX = 12, 16  # questions in one adaptive sitting, experience included
CLEAR_LEAD = 0.90  # the sitting may stop early once the leader's chance reaches this


class Match(NamedTuple):
    """One role's place in the ranking."""

    role: Role
    score: float  # points of evidence (the sum of the answers' contributions)
    chance: float | None  # 0-1 among the roles the user can start in; None for a stretch role
    stretch: bool  # the role asks for more experience than the user has

    @property
    def id(self) -> str:
        """The role's id."""
        return self.role.id


@dataclass(frozen=True)
class Result:
    """The outcome of a quiz as plain data: profile, ranking and every answer's contribution.

    ``matches`` lists the roles the user can start in first (best first), then the stretch
    roles (best first). ``contributions`` maps question id -> role id -> points.
    """

    profile: Mapping[str, int]  # trait id -> percent, summing to 100
    matches: tuple[Match, ...]
    answers: Mapping[str, str]
    level: str | None  # from the experience question, if answered
    outlook: str | None  # from the outlook question, if answered
    contributions: Mapping[str, Mapping[str, float]]

    @property
    def best(self) -> Match:
        """The top match among the roles the user can start in."""
        return self.matches[0]

    @property
    def reachable(self) -> tuple[Match, ...]:
        """The matches the user can start in, best first."""
        return tuple(m for m in self.matches if not m.stretch)

    @property
    def goals(self) -> tuple[Match, ...]:
        """Stretch roles that would be in the top two with the experience: goals for later."""
        reachable = self.reachable
        bar = reachable[1].score if len(reachable) > 1 else reachable[0].score
        return tuple(m for m in self.matches if m.stretch and m.score > bar)

    def score_of(self, role_id: str) -> float:
        """A role's score in points."""
        return next(m.score for m in self.matches if m.id == role_id)


class Evidence:
    """log P(option | role) for every question, option and role, computed once per question.

    Build one per catalogue and reuse it: the adaptive quiz asks it after every answer.
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._rows: dict[str, dict[str, list[float]]] = {}
        self._index = {role.id: i for i, role in enumerate(catalogue.roles)}
        self._trait_index = {trait: i for i, trait in enumerate(catalogue.trait_ids)}
        self._leans: dict[str, list[float]] = {}
        self._points: dict[str, dict[str, list[float]]] = {}

    def log_likelihoods(self, question: Question) -> dict[str, list[float]]:
        """Option id -> log P(option | role) for every role, in catalogue order."""
        rows = self._rows.get(question.id)
        if rows is None:
            rows = self._rows[question.id] = self._compute(question)
        return rows

    def _compute(self, question: Question) -> dict[str, list[float]]:
        # Whole rows of roles at a time, with map() over operator functions so the loops run
        # in C: the scaled benchmark's 10,000 roles make this the engine's hot loop.
        affinities = [self._affinities(question, option) for option in question.options]
        # Affinities stay within a few units, so exp() needs no shifting to stay finite.
        totals = list(map(math.exp, affinities[0]))
        for row in affinities[1:]:
            totals = list(map(add, totals, map(math.exp, row)))
        norms = list(map(math.log, totals))
        return {
            option.id: list(map(sub, row, norms))
            for option, row in zip(question.options, affinities, strict=True)
        }

    def _affinities(self, question: Question, option: Option) -> list[float]:
        """affinity(option, role) for every role, in catalogue order."""
        roles = self.catalogue.roles
        if not question.kind.adaptive:  # experience and outlook: see _affinity
            return [_affinity(question, option, role) for role in roles]
        values = [0.0] * len(roles)
        total = sum(option.weights.values())
        for trait, weight in option.weights.items() if total > 0 else ():
            factor = weight / total
            values = list(map(add, values, (factor * share for share in self._lean(trait))))
        for role_id in option.fits:
            if role_id in self._index:
                values[self._index[role_id]] += FIT_EVIDENCE
        return values

    def _lean(self, trait: str) -> list[float]:
        """TRAIT_EVIDENCE x every role's share of ``trait``, computed once per trait."""
        lean = self._leans.get(trait)
        if lean is None:
            column = self._trait_index[trait]
            vectors = self.catalogue.role_vectors
            lean = self._leans[trait] = [TRAIT_EVIDENCE * shares[column] for shares in vectors]
        return lean

    def contribution(self, question: Question, option_id: str) -> list[float]:
        """Each role's points from this answer: its log-likelihood minus the roles' mean."""
        return self.answer_points(question)[option_id]

    def answer_points(self, question: Question) -> dict[str, list[float]]:
        """Option id -> each role's points from that answer, computed once per question and
        shared: callers must not change the lists."""
        points = self._points.get(question.id)
        if points is None:
            points = self._points[question.id] = {}
            for option_id, row in self.log_likelihoods(question).items():
                mean = sum(row) / len(row)
                points[option_id] = [POINTS_PER_NAT * (value - mean) for value in row]
        return points


def _affinity(question: Question, option: Option, role: Role) -> float:
    """The affinity of a non-scenario answer for a role: for experience, how far the user's
    level (and years) are from the role's; the outlook question says nothing about roles."""
    if option.level is None:  # only the experience question's options have a level
        return 0.0
    gap = LEVELS.index(option.level) - LEVELS.index(role.level)
    return LEVEL_AFFINITY.get(gap, 0.0) + _years_outside(option, role)


def _years_outside(option: Option, role: Role) -> float:
    have, want = option.years, role.years
    if have is None or want is None:
        return 0.0
    above = want.max is not None and have.min > want.max
    below = have.max is not None and have.max < want.min
    return YEARS_OUTSIDE if above or below else 0.0


def check_answers(catalogue: Catalogue, answers: Answers) -> None:
    """Raise AnswersError naming every unknown question or option id."""
    problems: list[tuple[str, dict[str, str]]] = []
    for question_id, option_id in answers.items():
        question = catalogue.question(question_id)
        if question is None:
            known = ", ".join(q.id for q in catalogue.questions)
            problems.append(("unknown_question", {"question": question_id, "known": known}))
        elif option_id != SKIP and question.option(option_id) is None:
            known = ", ".join([*(o.id for o in question.options), SKIP])
            values = {"question": question_id, "option": option_id, "known": known}
            problems.append(("unknown_option", values))
    if len(problems) > MAX_PROBLEMS:  # like a catalogue's: more help nobody
        more = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], ("problem_more", {"count": str(more)})]
    if problems:
        raise AnswersError(problems)


def answered(catalogue: Catalogue, answers: Answers) -> int:
    """How many trait questions have a real answer (not skipped)."""
    return sum(1 for q in catalogue.bank if answers.get(q.id, SKIP) != SKIP)


def needed_answers(catalogue: Catalogue) -> int:
    """The fewest real answers that give a ranking (fewer when the bank itself is small)."""
    return min(MIN_ANSWERS, len(catalogue.bank))


def check_enough(catalogue: Catalogue, answers: Answers) -> None:
    """Raise AnswersError saying how many more answers are needed, if there are too few."""
    have, need = answered(catalogue, answers), needed_answers(catalogue)
    if have < need:
        values = {"have": str(have), "need": str(need), "more": str(need - have)}
        raise AnswersError([("too_few_answers", values)])


def trait_shares(catalogue: Catalogue, answers: Answers) -> dict[str, float]:
    """The user's traits as shares summing to 1 (equal shares when nothing was weighted)."""
    totals = dict.fromkeys(catalogue.trait_ids, 0.0)
    for question in catalogue.bank:
        chosen = catalogue.answer(question.id, answers.get(question.id))
        if chosen is not None:
            for trait_id, weight in chosen.weights.items():
                totals[trait_id] += weight
    grand_total = sum(totals.values())
    if grand_total <= 0:
        return {trait_id: 1 / len(totals) for trait_id in totals}
    return {trait_id: value / grand_total for trait_id, value in totals.items()}


def _chosen(question: Question | None, answers: Answers) -> Option | None:
    """The option the user chose for ``question``, if it was asked and not skipped."""
    if question is None or question.id not in answers:
        return None
    return question.option(answers[question.id])


def user_outlook(catalogue: Catalogue, answers: Answers) -> str | None:
    """How sure the user said they are about the field (sure, torn, exploring), if asked."""
    option = _chosen(catalogue.outlook, answers)
    return option.outlook if option else None


def user_level(catalogue: Catalogue, answers: Answers) -> str | None:
    """The experience level the user chose, if the catalogue asks and they answered."""
    option = _chosen(catalogue.experience, answers)
    return option.level if option else None


def contributions(
    catalogue: Catalogue, answers: Answers, evidence: Evidence | None = None
) -> dict[str, list[float]]:
    """Question id -> each role's points from that answer, for every real answer."""
    evidence = evidence or Evidence(catalogue)
    found = {}
    for question in catalogue.questions:
        if not question.kind.about_roles:  # how sure the user is: no evidence about any role
            continue
        option_id = answers.get(question.id, SKIP)
        points = evidence.answer_points(question).get(option_id)  # None: skipped or unknown
        if points is not None:
            found[question.id] = points
    return found


def scores(catalogue: Catalogue, answers: Answers, evidence: Evidence | None = None) -> list[float]:
    """Every role's score in points (the sum of its contributions), in catalogue order."""
    return _total(contributions(catalogue, answers, evidence).values(), len(catalogue.roles))


def _total(rows: Iterable[Sequence[float]], size: int) -> list[float]:
    """Row-wise sum of every role's points (added in row order, as sum() does)."""
    columns = list(zip(*rows, strict=True))
    return list(map(sum, columns)) if columns else [0.0] * size


def reachable_mask(catalogue: Catalogue, level: str | None) -> list[bool]:
    """Which roles the user can start in: at or below their level (all when unknown)."""
    ceiling = LEVELS.index(level) if level is not None else len(LEVELS)
    return [LEVELS.index(role.level) <= ceiling for role in catalogue.roles]


def posterior(points: Sequence[float], mask: Sequence[bool]) -> list[float]:
    """The chance that each role is the best fit, among the roles ``mask`` keeps (others 0)."""
    scale = POINTS_PER_NAT * TEMPERATURE
    kept = [p / scale for p, keep in zip(points, mask, strict=True) if keep]
    if not kept:
        return [0.0] * len(points)
    top = max(kept)
    weights = [
        math.exp(p / scale - top) if keep else 0.0 for p, keep in zip(points, mask, strict=True)
    ]
    total = sum(weights)
    return [weight / total for weight in weights]


class Standing(NamedTuple):
    """Where every role stands for one set of answers: the ranking without the per-answer
    detail that explanations read. Enough for how sure a result is (explain.band, flags) and
    for a class summary; rank() adds the detail."""

    matches: tuple[Match, ...]  # as Result.matches
    level: str | None
    outlook: str | None

    @property
    def best(self) -> Match:
        """The top match among the roles the user can start in."""
        return self.matches[0]

    @property
    def reachable(self) -> tuple[Match, ...]:
        """The matches the user can start in, best first."""
        return tuple(m for m in self.matches if not m.stretch)


def standing(catalogue: Catalogue, answers: Answers, evidence: Evidence) -> Standing:
    """The ranking of checked answers (see rank), with ``evidence``'s shared per-answer points:
    scoring a whole class pays for each answer's points once, not once a student."""
    return _standing(catalogue, answers, contributions(catalogue, answers, evidence))


def _standing(
    catalogue: Catalogue, answers: Answers, parts: Mapping[str, Sequence[float]]
) -> Standing:
    points = _total(parts.values(), len(catalogue.roles))
    level = user_level(catalogue, answers)
    mask = reachable_mask(catalogue, level)
    chances = posterior(points, mask)
    # Rounding the key makes float noise in equal scores fall back to catalogue order.
    pairs = enumerate(zip(points, mask, strict=True))
    keys = [(not keep, -round(p, 9), i) for i, (p, keep) in pairs]
    roles = catalogue.roles
    matches = tuple(  # Match(role, score, chance, stretch), built positionally: a class is big
        Match(roles[i], points[i], chances[i] if mask[i] else None, not mask[i])
        for _, _, i in sorted(keys)
    )
    return Standing(matches, level, user_outlook(catalogue, answers))


def rank(catalogue: Catalogue, answers: Answers, evidence: Evidence | None = None) -> Result:
    """Score every role against the user's answers.

    Roles the user can start in come first, best first; roles that need more experience
    follow as stretch roles. Ties keep catalogue order. Raises AnswersError for unknown ids
    and for too few answers.
    """
    check_answers(catalogue, answers)
    check_enough(catalogue, answers)
    parts = contributions(catalogue, answers, evidence or Evidence(catalogue))
    ranked = _standing(catalogue, answers, parts)
    role_ids = [role.id for role in catalogue.roles]
    return Result(
        profile=as_percentages(trait_shares(catalogue, answers)),
        matches=ranked.matches,
        answers=dict(answers),
        level=ranked.level,
        outlook=ranked.outlook,
        contributions={q: dict(zip(role_ids, row, strict=True)) for q, row in parts.items()},
    )


def next_steps(catalogue: Catalogue, role: Role) -> tuple[Role, ...]:
    """Related roles one level or more above ``role``, closest level first."""
    here = LEVELS.index(role.level)
    above = [r for r in map(catalogue.role, role.related) if r and LEVELS.index(r.level) > here]
    return tuple(sorted(above, key=lambda r: LEVELS.index(r.level)))


# --- The adaptive sitting --------------------------------------------------------------------


class Progress(NamedTuple):
    """Where a sitting stands: the next question (None when done) and about how many remain."""

    question: Question | None
    number: int  # the next question's number in this sitting
    left: int  # about how many questions remain after this one


def next_question(
    catalogue: Catalogue,
    answers: Answers,
    evidence: Evidence | None = None,
    all_questions: bool = False,
) -> Progress:
    """The question that best separates the roles still in contention, or None to stop.

    The experience question comes first, then the outlook question (how sure the user is).
    A sitting asks at least SITTING_MIN and at most SITTING_MAX questions about the work (the
    outlook question comes on top), stopping in between once the leader's chance reaches
    CLEAR_LEAD; it goes on past the maximum while there are too few real answers and questions
    remain. ``all_questions`` asks the whole bank.
    """
    evidence = evidence or Evidence(catalogue)
    number = sum(1 for q in catalogue.questions if q.id in answers) + 1
    # The sitting's length counts the questions about the work (the bank and experience);
    # the outlook question is about the user's own certainty and comes on top.
    asked = sum(1 for q in catalogue.questions if q.id in answers and q.kind.about_roles)
    for first in (catalogue.experience, catalogue.outlook):
        if first is not None and first.id not in answers:
            return Progress(first, number, _estimate_left(catalogue, number, 0.0, all_questions))
    open_questions = [q for q in catalogue.bank if q.id not in answers]
    if not open_questions:
        return Progress(None, number, 0)
    mask = reachable_mask(catalogue, user_level(catalogue, answers))
    chances = posterior(scores(catalogue, answers, evidence), mask)
    leader = max(chances)
    enough = answered(catalogue, answers) >= needed_answers(catalogue)
    done = asked >= SITTING_MAX or (asked >= SITTING_MIN and leader >= CLEAR_LEAD)
    if done and enough and not all_questions:
        return Progress(None, number, 0)
    best = max(open_questions, key=lambda q: _information(evidence, q, chances))
    left = _estimate_left(catalogue, number, leader, all_questions)
    return Progress(best, number, min(left, len(open_questions) - 1))


def _estimate_left(catalogue: Catalogue, number: int, leader: float, everything: bool) -> int:
    """At most how many questions follow question ``number``, as things stand: to the
    minimum once the leader is clear, to the maximum otherwise (plus the outlook question)."""
    if everything:
        return len(catalogue.questions) - number
    extra = 1 if catalogue.outlook is not None else 0
    return max(0, (SITTING_MIN if leader >= CLEAR_LEAD else SITTING_MAX) + extra - number)


def _information(evidence: Evidence, question: Question, chances: Sequence[float]) -> float:
    """The expected drop in uncertainty about the role (in nats) from asking ``question``."""
    gain = _entropy(chances)
    for row in evidence.log_likelihoods(question).values():
        joint = [c * math.exp(value) for c, value in zip(chances, row, strict=True)]
        p_option = sum(joint)
        if p_option > 0:
            gain -= p_option * _entropy([j / p_option for j in joint])
    return gain


def _entropy(chances: Sequence[float]) -> float:
    return -sum(c * math.log(c) for c in chances if c > 0)
