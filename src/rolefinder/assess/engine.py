"""The scoring engine: answers -> how well they fit every role, how sure the best fit is. Pure.

Why it stays whole (about 600 lines): it is one model. The evidence, the fit, how sure, no
clear pattern, the ranking and the next question all read the same affinities and the same
constants, and a change to one (TEMPERATURE, say) changes what the others mean; split, a reader
would hold two files to follow one formula. What only reads the model lives beside it
(explain.py, audit.py).

The model is a plain likelihood model over the questions about the work (the bank). Someone in
role R picks option O of a question with probability P(O | R) proportional to
exp(affinity(O, R)), where the affinity is

    FIT_EVIDENCE     if R is among the option's ``fits`` (people in R typically pick it),
  - AGAINST_EVIDENCE if R is among the option's ``against`` (the work it rules out is R's),
  + TRAIT_EVIDENCE x the role's share of the option's trait (the creative/strategic/... spine).

An answer's **evidence** for R is log P(O | R) - log P(O | someone answering at random), in
nats: positive when the answer is more typical of R than of a random click. The sum over the
answers says how well they fit R, and it alone ranks the roles: experience never enters it
(readiness is told beside the fit, see ``readiness``). The **fit** shown is that sum as a
share of the most any role could get from the same questions (0-100), so it compares across
roles and sittings. **How sure** is the posterior of the best role against every other role,
softened by TEMPERATURE because neighbouring questions are not independent. When even the best
role beats random clicking by less than NO_PATTERN_NATS, the answers show no clear pattern.
Each answer's *contribution* (points) is its evidence minus the mean over roles, times
POINTS_PER_NAT: signed, and summing exactly to the role's score, so explanations need no
leave-one-out guessing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import add, neg, sub
from typing import NamedTuple

from rolefinder.catalogue.model import (
    LEVELS,
    SKIP,
    Catalogue,
    Option,
    Question,
    Role,
    as_percentages,
)
from rolefinder.errors import MAX_PROBLEMS, AnswersError, closest

Answers = Mapping[str, str]  # question id -> option id (or SKIP)

FIT_EVIDENCE = 1.5  # log-odds lift of an option for the roles whose people typically pick it
AGAINST_EVIDENCE = 1.5  # log-odds drop of an option that rules out the role's work
TRAIT_EVIDENCE = 1.5  # log-odds per unit of the role's share of the option's trait
POINTS_PER_NAT = 10.0
# The answers are correlated (neighbouring questions ask about the same work), so the raw
# posterior would be overconfident; calibrated on both respondent models of the audit.
TEMPERATURE = 0.8
# No clear pattern: the answers are less than e^4.5 (about 90) times likelier from the best role
# than from clicking at random. Set so that random sittings are rarely called clear while the
# audit's careful rules-model respondents almost never fall below it (README, How it was checked).
NO_PATTERN_NATS = 4.5
LISTED_MIN_FIT = 20  # a runner-up below this fit is not listed as a match
LISTED_GAP = 60  # nor one more than this far below the best fit
# A run of answers in one option position (or a short repeating cycle of positions) is a
# pattern of clicking, not of preferences: caught when it covers this share of the answers.
POSITION_RUN = 0.75
MIN_ANSWERS = 8  # fewer real answers (not skipped) give no ranking
SITTING_MIN, SITTING_MAX = 12, 16  # questions about the work in one adaptive sitting
CLEAR_LEAD = 0.90  # the sitting may stop early once the leader is this sure
CLEAR_MARGIN = 2.0  # ... and its evidence clears the no-pattern bar by this much (nats)


class Match(NamedTuple):
    """One role's place in the ranking."""

    role: Role
    score: float  # points of evidence (the sum of the answers' contributions)
    fit: int  # 0-100: how well the answers fit the role, comparable across roles and sittings
    sure: float  # 0-1: how likely this role is the person's rather than another (calibrated)
    ready: str  # one of READINESS
    listed: bool  # the answers point to it: shown as a match

    @property
    def id(self) -> str:
        """The role's id."""
        return self.role.id


# How ready someone is for a role, from their experience answer:
#   now      they can apply now (their level is the role's, or above);
#   junior   the role has a junior or internship form they can apply for now;
#   later    it usually asks for more years: the way in is a starting role that leads there;
#   unknown  the experience question was skipped.
READINESS: tuple[str, ...] = ("now", "junior", "later", "unknown")

# Why a result shows no clear pattern: its answers are about as likely from random clicking as
# from any role, or they follow option positions rather than their texts.
PATTERNS: tuple[str, ...] = ("random", "same_position", "repeating")


@dataclass(frozen=True)
class Standing:
    """Where every role stands for one set of answers: the ranking without the per-answer
    detail. Enough for how sure a result is and for a class summary; rank() adds the detail."""

    matches: tuple[Match, ...]  # every role, best fit first
    level: str | None  # from the experience question, if answered
    adjacent: bool  # the experience answer names related experience (volunteering, ...)
    outlook: str | None  # from the outlook question, if answered
    pattern: str | None  # one of PATTERNS when the answers point nowhere

    @property
    def best(self) -> Match:
        """The best fit."""
        return self.matches[0]

    @property
    def listed(self) -> tuple[Match, ...]:
        """The roles the answers point to, best fit first (the best always)."""
        return tuple(m for m in self.matches if m.listed)


@dataclass(frozen=True)
class Result(Standing):
    """The outcome of a quiz as plain data: the standing, the profile, every answer's
    contribution. ``contributions`` maps question id -> role id -> points."""

    profile: Mapping[str, int]  # trait id -> percent, summing to 100
    answers: Mapping[str, str]
    contributions: Mapping[str, Mapping[str, float]]

    def score_of(self, role_id: str) -> float:
        """A role's score in points."""
        return next(m.score for m in self.matches if m.id == role_id)


class Picked(NamedTuple):
    """What one real answer about the work brings, worked out once per catalogue and option:
    shared, callers must not change the lists."""

    question: str  # its question's id
    option: Option
    position: int  # where the option stands in its question, 0 first
    points: list[float]  # each role's points (see Evidence.answer_points)
    versus: list[float]  # each role's evidence against answering at random, in nats
    ceiling: list[float]  # each role's largest evidence from any answer to the question


class Evidence:
    """Each answer's evidence for every role, computed once per question.

    Build one per catalogue and reuse it: the adaptive quiz asks it after every answer, and a
    class shares one for every student.
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._rows: dict[str, dict[str, list[float]]] = {}
        self._index = {role.id: i for i, role in enumerate(catalogue.roles)}
        self._trait_index = {trait: i for i, trait in enumerate(catalogue.trait_ids)}
        self._leans: dict[str, list[float]] = {}
        self._points: dict[str, dict[str, list[float]]] = {}
        self._versus: dict[str, dict[str, list[float]]] = {}
        self._ceilings: dict[str, list[float]] = {}
        self._picks: dict[tuple[str, str], Picked] | None = None
        self._ready: dict[str | None, tuple[list[str], list[int]]] = {}

    def log_likelihoods(self, question: Question) -> dict[str, list[float]]:
        """Option id -> log P(option | role) for every role, in catalogue order."""
        rows = self._rows.get(question.id)
        if rows is None:
            rows = self._rows[question.id] = self._compute(question)
        return rows

    def _compute(self, question: Question) -> dict[str, list[float]]:
        # Whole rows of roles at a time, with map() over operator functions so the loops run
        # in C: the scaled benchmark's 10,000 roles make this the engine's hot loop.
        affinities = [self._affinities(option) for option in question.options]
        # Affinities stay within a few units, so exp() needs no shifting to stay finite.
        totals = list(map(math.exp, affinities[0]))
        for row in affinities[1:]:
            totals = list(map(add, totals, map(math.exp, row)))
        norms = list(map(math.log, totals))
        return {
            option.id: list(map(sub, row, norms))
            for option, row in zip(question.options, affinities, strict=True)
        }

    def _affinities(self, option: Option) -> list[float]:
        """affinity(option, role) for every role, in catalogue order."""
        values = [0.0] * len(self.catalogue.roles)
        total = sum(option.weights.values())
        for trait, weight in option.weights.items() if total > 0 else ():
            factor = weight / total
            values = list(map(add, values, (factor * share for share in self._lean(trait))))
        for role_ids, lift in ((option.fits, FIT_EVIDENCE), (option.against, -AGAINST_EVIDENCE)):
            for role_id in role_ids:
                if role_id in self._index:
                    values[self._index[role_id]] += lift
        return values

    def _lean(self, trait: str) -> list[float]:
        """TRAIT_EVIDENCE x every role's share of ``trait``, computed once per trait."""
        lean = self._leans.get(trait)
        if lean is None:
            column = self._trait_index[trait]
            vectors = self.catalogue.role_vectors
            lean = self._leans[trait] = [TRAIT_EVIDENCE * shares[column] for shares in vectors]
        return lean

    def versus_random(self, question: Question) -> dict[str, list[float]]:
        """Option id -> each role's evidence from that answer against answering at random
        (log P(option | role) + log of the number of options), in nats; shared, do not change."""
        rows = self._versus.get(question.id)
        if rows is None:
            base = math.log(len(question.options))
            rows = self._versus[question.id] = {
                option_id: [value + base for value in row]
                for option_id, row in self.log_likelihoods(question).items()
            }
        return rows

    def ceiling(self, question: Question) -> list[float]:
        """Each role's largest evidence from any answer to ``question``, in nats."""
        top = self._ceilings.get(question.id)
        if top is None:
            top = self._ceilings[question.id] = list(
                map(max, *self.versus_random(question).values())
            )
        return top

    def contribution(self, question: Question, option_id: str) -> list[float]:
        """Each role's points from this answer: its evidence minus the roles' mean."""
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

    def readiness(self, level: str | None) -> tuple[list[str], list[int]]:
        """Every role's readiness for someone at ``level`` (see readiness), and each one's
        place in READINESS: the same for everyone at that level."""
        found = self._ready.get(level)
        if found is None:
            ready = [readiness(role, level) for role in self.catalogue.roles]
            found = self._ready[level] = (ready, [READINESS.index(word) for word in ready])
        return found

    def picked(self, answers: Answers) -> list[Picked]:
        """The real answers about the work (no skips, no unknown ids), in bank order: one
        look-up an answer, for everything the ranking reads of it."""
        picks = self._picks
        if picks is None:
            picks = self._picks = {
                (question.id, option.id): Picked(
                    question.id,
                    option,
                    position,
                    self.answer_points(question)[option.id],
                    self.versus_random(question)[option.id],
                    self.ceiling(question),
                )
                for question in self.catalogue.bank
                for position, option in enumerate(question.options)
            }
        found = []
        for question in self.catalogue.bank:
            pick = picks.get((question.id, answers.get(question.id, SKIP)))
            if pick is not None:
                found.append(pick)
        return found


def check_answers(catalogue: Catalogue, answers: Answers) -> None:
    """Raise AnswersError naming every unknown question or option id, with the closest id
    where one is close (a typo: ``monday: nums``), and the ids allowed. A number is not an
    answer: options are named by id, which stays right when a catalogue reorders them."""
    problems: list[tuple[str, dict[str, str]]] = []
    for question_id, option_id in answers.items():
        question = catalogue.question(question_id)
        if question is None:
            questions = [q.id for q in catalogue.questions]
            values = {"question": question_id, "known": ", ".join(questions)}
            near = closest(str(question_id), questions, cutoff=0.6)[:1]
            key = "unknown_question_near" if near else "unknown_question"
            problems.append((key, {**values, "near": "".join(near)}))
        elif option_id != SKIP and question.option(option_id) is None:
            options = [*(o.id for o in question.options), SKIP]
            values = {"question": question_id, "option": option_id, "known": ", ".join(options)}
            near = [] if option_id.isdigit() else closest(option_id, options, cutoff=0.6)[:1]
            key = "unknown_option_number" if option_id.isdigit() else "unknown_option"
            key = "unknown_option_near" if near else key
            problems.append((key, {**values, "near": "".join(near)}))
    if len(problems) > MAX_PROBLEMS:  # like a catalogue's: more help nobody
        more = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], ("problem_more", {"count": str(more)})]
    if problems:
        raise AnswersError(problems)


def answered(catalogue: Catalogue, answers: Answers) -> int:
    """How many questions about the work have a real answer (not skipped)."""
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
    chosen = (catalogue.answer(q.id, answers.get(q.id)) for q in catalogue.bank)
    return shares_of(catalogue, [option for option in chosen if option is not None])


def shares_of(catalogue: Catalogue, options: Iterable[Option]) -> dict[str, float]:
    """The traits of the options chosen as shares summing to 1 (see trait_shares)."""
    totals = dict.fromkeys(catalogue.trait_ids, 0.0)
    for option in options:
        for trait_id, weight in option.weights.items():
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


def readiness(role: Role, level: str | None) -> str:
    """How ready someone at ``level`` is for ``role`` (one of READINESS)."""
    if level is None:
        return "unknown"
    if LEVELS.index(level) >= LEVELS.index(role.level):
        return "now"
    return "junior" if role.junior is not None else "later"


def contributions(
    catalogue: Catalogue, answers: Answers, evidence: Evidence | None = None
) -> dict[str, list[float]]:
    """Question id -> each role's points from that answer, for every real answer about the
    work (experience and outlook say nothing about which work fits)."""
    evidence = evidence or Evidence(catalogue)
    found = {}
    for question in catalogue.bank:
        option_id = answers.get(question.id, SKIP)
        points = evidence.answer_points(question).get(option_id)  # None: skipped or unknown
        if points is not None:
            found[question.id] = points
    return found


def _total(rows: Iterable[Sequence[float]], size: int) -> list[float]:
    """Row-wise sum of every role's values (added in row order, as sum() does)."""
    columns = list(zip(*rows, strict=True))
    return list(map(sum, columns)) if columns else [0.0] * size


def fit_evidence(
    catalogue: Catalogue, answers: Answers, evidence: Evidence
) -> tuple[list[float], float]:
    """Each role's evidence against answering at random (nats, catalogue order), and the most
    any role could have had from the same questions (the fit's 100)."""
    rows, ceilings = [], []
    for question in catalogue.bank:
        option_id = answers.get(question.id, SKIP)
        row = evidence.versus_random(question).get(option_id)
        if row is not None:
            rows.append(row)
            ceilings.append(evidence.ceiling(question))
    size = len(catalogue.roles)
    return _total(rows, size), max(_total(ceilings, size), default=0.0)


def posterior(nats: Sequence[float]) -> list[float]:
    """How likely each role is the person's, from each role's evidence (softened by
    TEMPERATURE; equal prior odds)."""
    scaled = [value / TEMPERATURE for value in nats]
    top = max(scaled)
    weights = [math.exp(value - top) for value in scaled]
    total = sum(weights)
    return [weight / total for weight in weights]


def fits(nats: Sequence[float], ceiling: float) -> list[int]:
    """The fit, 0-100, of every role: its evidence as a share of the most any role could get."""
    if ceiling <= 0:
        return [0] * len(nats)
    return [max(0, min(100, round(100 * value / ceiling))) for value in nats]


def click_pattern(catalogue: Catalogue, answers: Answers) -> str | None:
    """same_position or repeating when the answers to the work questions follow the options'
    positions (always the first, or 1-2-1-2...) rather than their texts; else None."""
    found = (catalogue.position(q.id, answers.get(q.id)) for q in catalogue.bank)
    return position_pattern([p for p in found if p is not None], needed_answers(catalogue))


def position_pattern(positions: Sequence[int], needed: int) -> str | None:
    """click_pattern from the options' positions, in the order answered (``needed``: the
    fewest answers that can show a pattern)."""
    if len(positions) < needed:
        return None
    most = max(positions.count(p) for p in set(positions))
    if most >= POSITION_RUN * len(positions):
        return "same_position"
    for period in (2, 3):
        pairs = list(zip(positions, positions[period:], strict=False))
        repeats = sum(a == b for a, b in pairs)
        if len(set(positions)) > 1 and repeats >= POSITION_RUN * len(pairs):
            return "repeating"
    return None


def standing(
    catalogue: Catalogue,
    answers: Answers,
    evidence: Evidence,
    picks: Sequence[Picked] | None = None,
) -> Standing:
    """The ranking of checked answers (see rank), with ``evidence``'s shared per-answer values:
    scoring a whole class pays for each answer's evidence once, not once a student.
    ``picks``: evidence.picked(answers), if the caller has it already."""
    if picks is None:
        picks = evidence.picked(answers)
    roles = catalogue.roles
    size = len(roles)
    points = _total([pick.points for pick in picks], size)
    nats = _total([pick.versus for pick in picks], size)
    ceiling = max(_total([pick.ceiling for pick in picks], size), default=0.0)
    shares = posterior(nats)
    fit = fits(nats, ceiling)
    level = user_level(catalogue, answers)
    ready, ranks = evidence.readiness(level)
    # Fit first; readiness only orders equal fits; float noise falls back to catalogue order.
    nearly = [-round(value, 9) for value in nats]
    keys = sorted(zip(map(neg, fit), ranks, nearly, range(size), strict=True))
    order = [key[-1] for key in keys]
    best = order[0]
    pointed = {role_id for pick in picks for role_id in pick.option.fits}
    floor = max(LISTED_MIN_FIT, fit[best] - LISTED_GAP)
    matches = tuple(
        Match(
            roles[i],
            points[i],
            fit[i],
            shares[i],
            ready[i],
            i == best or (roles[i].id in pointed and fit[i] >= floor),
        )
        for i in order
    )
    pattern = position_pattern([pick.position for pick in picks], needed_answers(catalogue))
    if pattern is None and max(nats) < NO_PATTERN_NATS:
        pattern = "random"
    option = _chosen(catalogue.experience, answers)
    adjacent = bool(option and option.adjacent)
    return Standing(matches, level, adjacent, user_outlook(catalogue, answers), pattern)


def rank(catalogue: Catalogue, answers: Answers, evidence: Evidence | None = None) -> Result:
    """Score every role against the user's answers, best fit first.

    Experience does not move the ranking (it says how ready the user is for each role); it
    only orders roles whose fit is equal. Ties keep catalogue order. Raises AnswersError for
    unknown ids and for too few answers.
    """
    check_answers(catalogue, answers)
    check_enough(catalogue, answers)
    evidence = evidence or Evidence(catalogue)
    picks = evidence.picked(answers)
    parts = {pick.question: pick.points for pick in picks}
    ranked = standing(catalogue, answers, evidence, picks)
    role_ids = [role.id for role in catalogue.roles]
    return Result(
        matches=ranked.matches,
        level=ranked.level,
        adjacent=ranked.adjacent,
        outlook=ranked.outlook,
        pattern=ranked.pattern,
        profile=as_percentages(shares_of(catalogue, [pick.option for pick in picks])),
        answers=dict(answers),
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

    The experience question comes first, then the outlook question (how sure the user is);
    neither counts towards the sitting's length. A sitting asks at least SITTING_MIN and at
    most SITTING_MAX questions about the work, stopping in between once the leader's share
    reaches CLEAR_LEAD; it goes on past the maximum while there are too few real answers and
    questions remain. ``all_questions`` asks the whole bank.
    """
    evidence = evidence or Evidence(catalogue)
    number = sum(1 for q in catalogue.questions if q.id in answers) + 1
    asked = sum(1 for q in catalogue.bank if q.id in answers)
    pending = [q for q in catalogue.opening if q.id not in answers]
    if pending:  # asked first; the ones still to come are counted on top of the work's
        left = _estimate_left(catalogue, asked, 0.0, all_questions) + len(pending) - 1
        return Progress(pending[0], number, left)
    open_questions = [q for q in catalogue.bank if q.id not in answers]
    if not open_questions:
        return Progress(None, number, 0)
    nats, _ = fit_evidence(catalogue, answers, evidence)
    chances = posterior(nats)
    leader = max(chances)
    enough = answered(catalogue, answers) >= needed_answers(catalogue)
    # Stop early only when the leader is clear of the others and of random clicking too: a
    # weak but real pattern gets the questions it needs to show itself.
    clear = leader >= CLEAR_LEAD and max(nats) >= NO_PATTERN_NATS + CLEAR_MARGIN
    done = asked >= SITTING_MAX or (asked >= SITTING_MIN and clear)
    if done and enough and not all_questions:
        return Progress(None, number, 0)
    best = max(open_questions, key=lambda q: _information(evidence, q, chances))
    left = _estimate_left(catalogue, asked + 1, leader, all_questions)
    return Progress(best, number, min(left, len(open_questions) - 1))


def _estimate_left(catalogue: Catalogue, asked: int, leader: float, everything: bool) -> int:
    """At most how many questions about the work follow, with ``asked`` of them asked or being
    asked: to the minimum once the leader is clear, to the maximum otherwise."""
    if everything:
        return len(catalogue.bank) - asked
    return max(0, (SITTING_MIN if leader >= CLEAR_LEAD else SITTING_MAX) - asked)


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
