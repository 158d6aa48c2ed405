"""Why a result came out as it did, how far to trust it, and what would change it. Pure data.

Everything here reads the engine's exact per-answer contributions: a reason that says an
answer raised a role is an answer whose contribution to that role is positive. Sentences are
written in present/report.py.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping
from operator import add, sub
from typing import NamedTuple

from rolefinder.assess.engine import Evidence, Result, Standing, standing
from rolefinder.catalogue.model import LEVELS, SKIP, Catalogue, Role, as_percentages

MEANINGFUL_POINTS = 1.0  # smaller contributions are noise, not reasons
STRONG, GOOD = 0.90, 0.75  # how sure the best fit must be for the bands strong / good
NEAR_TIE_FIT = 5  # a listed runner-up this close in fit makes a near tie
TRAIT_FLOOR = 15  # percent of the user's answers a trait needs before it is cited as a fit
CITED_TRAITS = 2  # only the user's strongest traits are cited, so a reason never contradicts
# the profile shown beside it


class TraitPull(NamedTuple):
    """What the answers of one trait did to a role: points, and both sides' shares (percent)."""

    trait: str
    you: int
    role: int
    points: float


class Pull(NamedTuple):
    """One answer's exact contribution to a role's score: positive raised it."""

    question: str
    option: str
    points: float


class Reasons(NamedTuple):
    """Why a role scored as it did: traits and answers for it, and what counted against it."""

    traits_for: tuple[TraitPull, ...]
    traits_against: tuple[TraitPull, ...]
    raised: tuple[Pull, ...]
    lowered: tuple[Pull, ...]
    named: int = 0  # how many of the answers name the role's own work (its ``fits``)
    answered: int = 0  # of how many real answers about the work
    # The answer to quote for it: the first, in the order given, that names this role alone
    # (else the first that names it): a typical answer, not the most unusual one.
    example: Pull | None = None


class WhatIf(NamedTuple):
    """One changed answer that really puts the runner-up first."""

    question: str
    old: str
    new: str
    role: str
    sure: float  # how sure the result would be of the runner-up after the change


class Explanation(NamedTuple):
    """Reasons for the roles asked about, how sure the result is, and what would change it."""

    reasons: Mapping[str, Reasons]
    band: str  # strong, good or unsure: how sure the best fit is (see band)
    flags: tuple[str, ...]  # see flags
    what_if: WhatIf | None
    paths: Mapping[str, tuple[Role, ...]]  # role id -> a way in through related roles


def explain(
    catalogue: Catalogue,
    result: Result,
    roles: Iterable[str] = (),
    evidence: Evidence | None = None,
) -> Explanation:
    """The explanation of ``result``: reasons for ``roles`` (the best match always).

    Pass the Evidence that ranked the result to reuse its likelihoods.
    """
    wanted = dict.fromkeys([result.best.id, *roles])
    later = {m.id: m.role for m in result.matches if m.ready == "later"}
    for_later = [later[role_id] for role_id in wanted if role_id in later]
    paths: dict[str, tuple[Role, ...]] = {}
    if for_later:
        ways = _Ways(catalogue, result.level, {m.id: m.score for m in result.matches})
        paths = {role.id: ways.up_to(role) for role in for_later}  # one graph for all of them
    return Explanation(
        reasons={role_id: reasons(catalogue, result, role_id) for role_id in wanted},
        band=band(result),
        flags=flags(result),
        what_if=what_if(catalogue, result, evidence),
        paths=paths,
    )


def reasons(catalogue: Catalogue, result: Result, role_id: str) -> Reasons:
    """The traits and answers that raised ``role_id`` most, and the ones that lowered it."""
    role = catalogue.role(role_id)
    assert role is not None, role_id
    own = as_percentages(role.profile)
    by_trait = dict.fromkeys((t.id for t in catalogue.traits), 0.0)
    pulls = []
    for question_id, row in result.contributions.items():
        points = row[role_id]
        option_id = result.answers[question_id]
        pulls.append(Pull(question_id, option_id, points))
        question = catalogue.question(question_id)
        option = question.option(option_id) if question else None
        weights = option.weights if option else {}
        total = sum(weights.values())
        for trait, weight in weights.items():
            by_trait[trait] += points * weight / total
    traits = [
        TraitPull(trait, result.profile.get(trait, 0), own.get(trait, 0), points)
        for trait, points in by_trait.items()
    ]
    # A trait is cited only where the user really leans on it (one of their strongest, and a
    # fair share of their answers), never for a stray answer the profile beside it hides.
    strongest = sorted(result.profile, key=lambda trait: -result.profile[trait])[:CITED_TRAITS]
    traits_for = sorted(
        (
            t
            for t in traits
            if t.points >= MEANINGFUL_POINTS and t.you >= TRAIT_FLOOR and t.trait in strongest
        ),
        key=lambda t: -t.points,
    )
    traits_against = sorted(
        (t for t in traits if t.points <= -MEANINGFUL_POINTS), key=lambda t: t.points
    )
    # The answers cited first are the ones that name the role's own work (its ``fits``), then
    # the rest, each by how much it raised the role: a reason a person recognises.
    named = {(q.id, o.id) for q in catalogue.bank for o in q.options if role_id in o.fits}
    raised = sorted(
        (p for p in pulls if p.points >= MEANINGFUL_POINTS),
        key=lambda p: ((p.question, p.option) not in named, -p.points),
    )
    lowered = sorted((p for p in pulls if p.points <= -MEANINGFUL_POINTS), key=lambda p: p.points)
    by_answer = {(p.question, p.option): p for p in pulls}
    given = [by_answer[item] for item in result.answers.items() if item in by_answer]  # as asked
    naming = [p for p in given if (p.question, p.option) in named]
    alone = [p for p in naming if _fits(catalogue, p) == (role_id,)]
    return Reasons(
        tuple(traits_for[:2]),
        tuple(traits_against[:1]),
        tuple(raised[:3]),
        tuple(lowered[:1]),
        named=len(naming),
        answered=len(pulls),
        example=next(iter(alone or naming), None),
    )


def _fits(catalogue: Catalogue, pull: Pull) -> tuple[str, ...]:
    option = catalogue.answer(pull.question, pull.option)
    return option.fits if option else ()


def band(result: Result | Standing) -> str:
    """strong, good or unsure: how sure the best fit is. Unsure whatever the figure when the
    answers show no clear pattern, or for someone who said they are still exploring, since
    answers cannot show lukewarm interest."""
    if result.pattern is not None or result.outlook == "exploring":
        return "unsure"
    sure = result.best.sure
    return "strong" if sure >= STRONG else "good" if sure >= GOOD else "unsure"


def flags(result: Result | Standing) -> tuple[str, ...]:
    """How far to trust the result: no_pattern (the answers point nowhere), unsure, near_tie
    (a listed runner-up fits about as well); torn, exploring (what the user said)."""
    found = []
    if result.pattern is not None:
        found.append("no_pattern")
    if result.best.sure < GOOD:
        found.append("unsure")
    listed = result.listed
    if len(listed) > 1 and listed[0].fit - listed[1].fit <= NEAR_TIE_FIT:
        found.append("near_tie")
    if result.outlook in ("torn", "exploring"):
        found.append(result.outlook)
    return tuple(found)


def what_if(
    catalogue: Catalogue, result: Result, evidence: Evidence | None = None
) -> WhatIf | None:
    """The one changed answer that gives the runner-up the biggest lead, or None if none can.

    Each candidate is scored exactly: the old answer's contribution out, the new one's in.
    """
    if len(result.matches) < 2:
        return None
    runner_up = result.matches[1].id
    evidence = evidence or Evidence(catalogue)
    role_ids = [role.id for role in catalogue.roles]
    target = role_ids.index(runner_up)
    scores = {m.id: m.score for m in result.matches}
    base = [scores[role_id] for role_id in role_ids]
    # -inf keeps the runner-up itself out of max(), which then runs in C (map over operator
    # functions): 10,000 roles x every changed answer stays well under 1 s.
    others = [-math.inf if i == target else 0.0 for i in range(len(role_ids))]
    best: tuple[float, str, str, str] | None = None
    for question in catalogue.bank:
        old = result.answers.get(question.id, SKIP)
        if old == SKIP or question.id not in result.contributions:
            continue
        without = list(map(sub, base, map(result.contributions[question.id].__getitem__, role_ids)))
        for option in question.options:
            if option.id == old:
                continue
            points = list(map(add, without, evidence.contribution(question, option.id)))
            lead = points[target] - max(map(add, points, others))
            if lead > 0 and (best is None or lead > best[0]):
                best = (lead, question.id, old, option.id)
    if best is None:
        return None
    _, question_id, old, new = best
    changed = standing(catalogue, {**result.answers, question_id: new}, evidence)
    sure = next(m.sure for m in changed.matches if m.id == runner_up)
    return WhatIf(question_id, old, new, runner_up, sure)


def path_to(
    catalogue: Catalogue, target: Role, level: str | None, scores: Mapping[str, float]
) -> tuple[Role, ...]:
    """A way up to ``target`` along related roles, never stepping down a level.

    It starts from the best-scoring role at the user's level (entry when unknown); empty when
    no such way exists.
    """
    return _Ways(catalogue, level, scores).up_to(target)


class _Ways:
    """The related roles as a graph, and the starting points best first: built once, then
    each way up costs one pass over the roles (not one per starting point)."""

    def __init__(
        self, catalogue: Catalogue, level: str | None, scores: Mapping[str, float]
    ) -> None:
        self.rank_of = {name: index for index, name in enumerate(LEVELS)}
        ceiling = self.rank_of.get(level or "", 0)
        linked: dict[str, set[str]] = {r.id: set() for r in catalogue.roles}
        for role in catalogue.roles:
            for other in role.related:
                linked[role.id].add(other)
                linked.setdefault(other, set()).add(role.id)
        # Each role's neighbours in id order (the order the search tries them), known roles only.
        self.neighbours = {
            name: [step for step in map(catalogue.role, sorted(others)) if step is not None]
            for name, others in linked.items()
        }
        self.starts = sorted(
            (r for r in catalogue.roles if self.rank_of[r.level] <= ceiling),
            key=lambda r: -scores.get(r.id, 0),
        )

    def up_to(self, target: Role) -> tuple[Role, ...]:
        """The shortest way up to ``target`` from the first start that has one, or ()."""
        # Every role a failed search reached is a dead end: none of them leads to the target.
        # Later searches leave them out, which changes no route (a dead end only ever leads to
        # other dead ends) but walks each role at most once however many starts fail.
        dead: set[str] = set()
        for start in self.starts:
            if start.id != target.id and start.id not in dead:
                route = self._shortest(start, target, dead)
                if route:
                    return route
        return ()

    def _shortest(self, start: Role, target: Role, dead: set[str]) -> tuple[Role, ...]:
        """Breadth first from ``start``; on failure, every role it reached joins ``dead``."""
        rank_of, top = self.rank_of, self.rank_of[target.level]
        came_from: dict[str, Role | None] = {start.id: None}
        queue = deque([start])
        while queue:
            here = queue.popleft()
            if here.id == target.id:
                route = [here]
                while (previous := came_from[route[-1].id]) is not None:
                    route.append(previous)
                return tuple(reversed(route))
            for step in self.neighbours.get(here.id, ()):
                level_ok = rank_of[here.level] <= rank_of[step.level] <= top
                if level_ok and step.id not in came_from and step.id not in dead:
                    came_from[step.id] = here
                    queue.append(step)
        dead.update(came_from)
        return ()
