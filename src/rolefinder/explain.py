"""Why a result came out as it did, how far to trust it, and what would change it. Pure."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from typing import NamedTuple

from rolefinder.engine import Result, match_all, match_percent, trait_shares
from rolefinder.i18n import t
from rolefinder.model import LEVELS, SKIP, Catalogue, Lang, Role, as_percentages

# One different answer moves some role's match by about 8 points (median over 2,000 random
# sheets; at least 5.6 in 90% of them), so a lead under 3 points says little.
NEAR_TIE_POINTS = 3.0
FLAT_SPREAD_POINTS = 10  # strongest minus weakest trait, in whole percents
FEW_ANSWERS_SHARE = 1 / 3  # more than this share of trait questions skipped or unanswered
MEANINGFUL_POINTS = 0.5  # smaller pulls are noise, not reasons


class TraitGap(NamedTuple):
    """A trait where the user and a role are close or far apart, in whole percents."""

    trait: str
    you: int
    role: int


class Pull(NamedTuple):
    """An answer that moved a role's match: positive pulled it up."""

    question: str
    option: str
    points: float


class Reasons(NamedTuple):
    """Why a role matched as it did."""

    close: tuple[TraitGap, ...]
    apart: tuple[TraitGap, ...]
    pulls: tuple[Pull, ...]


class WhatIf(NamedTuple):
    """The single answer change that most easily puts the runner-up on top."""

    question: str
    old: str | None
    new: str
    role: str
    match: float


def leave_one_out(catalogue: Catalogue, answers: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """Question id -> the user's shares without that answer, for every answered trait question."""
    return {
        q.id: trait_shares(catalogue, {k: v for k, v in answers.items() if k != q.id})
        for q in catalogue.questions
        if q.kind == "trait" and answers.get(q.id, SKIP) != SKIP
    }


def reasons(
    catalogue: Catalogue,
    answers: Mapping[str, str],
    profile: Mapping[str, int],
    role: Role,
    shares: Mapping[str, float],
    without: Mapping[str, Mapping[str, float]],
) -> Reasons:
    """The closest and furthest traits, and the answers that pulled ``role`` most.

    ``shares`` are the user's, ``without`` comes from leave_one_out: both are computed once
    per result and shared by every role.
    """
    own = as_percentages(role.profile)
    gaps = [TraitGap(t.id, profile.get(t.id, 0), own.get(t.id, 0)) for t in catalogue.traits]
    by_gap = sorted(gaps, key=lambda g: abs(g.you - g.role))
    close = tuple(g for g in by_gap if max(g.you, g.role) >= 10 and abs(g.you - g.role) < 10)[:2]
    apart = tuple(g for g in reversed(by_gap) if abs(g.you - g.role) >= 10)[:2]
    base = match_percent(shares, role.profile)
    pulls = []
    for question_id, shares in without.items():
        points = base - match_percent(shares, role.profile)
        if abs(points) >= MEANINGFUL_POINTS:
            pulls.append(Pull(question_id, answers[question_id], round(points, 1)))
    pulls.sort(key=lambda p: -abs(p.points))
    return Reasons(close, apart, tuple(pulls[:3]))


def flags(
    catalogue: Catalogue,
    answers: Mapping[str, str],
    profile: Mapping[str, int],
    figures: list[float],
) -> list[str]:
    """Warnings about how far to trust the result: near_tie, flat_profile, few_answers."""
    found = []
    if len(figures) > 1 and figures[0] - figures[1] < NEAR_TIE_POINTS:
        found.append("near_tie")
    if profile and max(profile.values()) - min(profile.values()) <= FLAT_SPREAD_POINTS:
        found.append("flat_profile")
    missing, asked = skipped_questions(catalogue, answers)
    if asked and missing / asked > FEW_ANSWERS_SHARE:
        found.append("few_answers")
    return found


def skipped_questions(catalogue: Catalogue, answers: Mapping[str, str]) -> tuple[int, int]:
    """How many trait questions were skipped or left unanswered, and how many there are."""
    asked = [q for q in catalogue.questions if q.kind == "trait"]
    return sum(1 for q in asked if answers.get(q.id, SKIP) == SKIP), len(asked)


def what_if(catalogue: Catalogue, answers: Mapping[str, str], runner_up: str) -> WhatIf | None:
    """The one changed answer that gives ``runner_up`` the biggest lead, or None if none can."""
    target = next(i for i, role in enumerate(catalogue.roles) if role.id == runner_up)
    best: tuple[float, WhatIf] | None = None
    for question in catalogue.questions:
        if question.kind != "trait":
            continue
        for option in question.options:
            if answers.get(question.id) == option.id:
                continue
            scores = match_all(
                catalogue, trait_shares(catalogue, {**answers, question.id: option.id})
            )
            mine = scores[target]
            scores[target] = -1.0  # out of the way of max(), which then runs at C speed
            lead = mine - max(scores)
            if lead > 0 and (best is None or lead > best[0]):
                old = answers.get(question.id)
                best = (lead, WhatIf(question.id, old, option.id, runner_up, round(mine, 1)))
    return best[1] if best else None


def path_to(
    catalogue: Catalogue, target: Role, level: str | None, matches: Mapping[str, float]
) -> tuple[Role, ...]:
    """A way up to ``target`` along related roles, never stepping down a level.

    It starts from the best-matching role at the user's level (entry when unknown); empty when
    no such way exists.
    """
    rank_of = {name: index for index, name in enumerate(LEVELS)}
    ceiling = rank_of.get(level or "", 0)
    neighbours: dict[str, set[str]] = {r.id: set() for r in catalogue.roles}
    for role in catalogue.roles:
        for other in role.related:
            neighbours[role.id].add(other)
            neighbours.setdefault(other, set()).add(role.id)
    starts = [r for r in catalogue.roles if rank_of[r.level] <= ceiling and r.id != target.id]
    starts.sort(key=lambda r: -matches.get(r.id, 0))
    for start in starts:
        route = _shortest(catalogue, neighbours, start, target, rank_of)
        if route:
            return route
    return ()


def _shortest(
    catalogue: Catalogue,
    neighbours: Mapping[str, set[str]],
    start: Role,
    target: Role,
    rank_of: Mapping[str, int],
) -> tuple[Role, ...]:
    came_from: dict[str, str | None] = {start.id: None}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        if here.id == target.id:
            route = [here]
            while (previous := came_from[route[-1].id]) is not None:
                route.append(catalogue.role(previous))  # type: ignore[arg-type]
            return tuple(reversed(route))
        for name in sorted(neighbours.get(here.id, ())):
            step = catalogue.role(name)
            level_ok = step and rank_of[here.level] <= rank_of[step.level] <= rank_of[target.level]
            if step and level_ok and name not in came_from:
                came_from[name] = here.id
                queue.append(step)
    return ()


def reason_lines(catalogue: Catalogue, why: Reasons, lang: Lang) -> list[str]:
    """The reasons in plain words."""
    lines = []
    for key, gaps in (("reason_close", why.close), ("reason_apart", why.apart)):
        for gap in gaps:
            trait = catalogue.trait(gap.trait)
            name = trait.name.get(lang) if trait else gap.trait
            lines.append(t(key, lang, trait=name, you=gap.you, role=gap.role))
    for pull in why.pulls:
        number, answer = _answer_text(catalogue, pull.question, pull.option, lang)
        key = "reason_up" if pull.points > 0 else "reason_down"
        size = round(abs(pull.points))
        points = t("points_one", lang) if size == 1 else t("points_many", lang, n=size)
        lines.append(t(key, lang, answer=answer, n=number, points=points))
    return lines


def flag_lines(result: Result, lang: Lang) -> list[str]:
    """A short note for each of the result's flags."""
    lines = []
    for flag in result.flags:
        if flag == "near_tie":
            first, second = result.matches[:2]
            names = {"a": first.role.name.get(lang), "b": second.role.name.get(lang)}
            figures = {"x": f"{first.match:.0f}", "y": f"{second.match:.0f}"}
            lines.append(t("flag_near_tie", lang, **names, **figures))
        elif flag == "flat_profile":
            lines.append(t("flag_flat_profile", lang))
        elif flag == "few_answers":
            skipped, asked = skipped_questions(result.catalogue, result.answers)
            lines.append(t("flag_few_answers", lang, n=skipped, total=asked))
    return lines


def what_if_line(catalogue: Catalogue, change: WhatIf, lang: Lang) -> str:
    """'Had you chosen ... in question N, ROLE would lead.'"""
    number, answer = _answer_text(catalogue, change.question, change.new, lang)
    role = catalogue.role(change.role)
    name = role.name.get(lang) if role else change.role
    return t("what_if", lang, answer=answer, n=number, role=name)


def path_line(route: tuple[Role, ...], start_match: float, lang: Lang) -> str:
    """'Path: A -> B -> C. Start as A (82% match).'"""
    steps = " -> ".join(role.name.get(lang) for role in route)
    return t("path", lang, steps=steps, start=route[0].name.get(lang), match=f"{start_match:.0f}")


def _answer_text(
    catalogue: Catalogue, question_id: str, option_id: str, lang: Lang
) -> tuple[int, str]:
    for number, question in enumerate(catalogue.questions, start=1):
        if question.id == question_id:
            option = question.option(option_id)
            return number, option.text.get(lang) if option else option_id
    return 0, option_id
