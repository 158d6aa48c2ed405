"""Is the quiz consistent, calibrated and hard to fool? Simulated respondents. Pure.

Two respondent models of different form take the adaptive quiz as a person would, twice (a
retake: same person, fresh choices), each with an experience answer drawn at random (the fit
must not depend on it), skipping 5% of questions:

* ``likelihood``: trait shares drawn from a Dirichlet around the role's profile; each option
  is picked with probability proportional to exp(sharpness x (RESPONDENT_FIT if it fits the
  role, plus RESPONDENT_TRAIT x their share of its trait)). The scoring model's own form.
* ``rules``: no likelihood at all. With probability ``attention`` the respondent looks for
  their role's option and takes it; failing that, a neighbouring role's (one of the role's
  related roles, fixed per person) half the time, else an option of their role's main trait,
  else any option; otherwise (not paying attention) they pick uniformly at random. Asked
  what they would rather not do, an attentive one never names their own role's work.

Careful and noisy respondents differ in sharpness or attention. Random sittings answer
every question uniformly at random; one-position sittings always take the same option.
This measures consistency and calibration, not validity: blind personas do that.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from rolefinder.assess.engine import Evidence, Result, answered, needed_answers, next_question, rank
from rolefinder.catalogue.model import EXPERIENCE, OUTLOOK, SKIP, Catalogue, Question, Role

SEED = 2026  # fixed, so the audit of one catalogue always prints the same table
PEOPLE_PER_ROLE = 100  # simulated respondents per role, model and setting
RANDOM_SHEETS = 2_000
CONCENTRATION = 20.0  # Dirichlet concentration around the role's profile
SKIP_RATE = 0.05
MODELS = ("likelihood", "rules")
# Choice sharpness (likelihood model) and attention (rules model) per setting.
SHARPNESS = {"careful": 1.0, "noisy": 0.75}
ATTENTION = {"careful": 0.8, "noisy": 0.5}
# What a respondent values, fixed here and not taken from the engine, so that tuning the
# scoring cannot quietly retune the respondents it is measured against.
RESPONDENT_FIT, RESPONDENT_TRAIT = 2.0, 2.0
TARGETS = {"careful": (0.95, 0.75), "noisy": (0.85, 0.75)}  # own role first, same #1 on retake
RANDOM_CONFIDENT_MAX = 0.02  # random sittings given a strong or good result
RANDOM_WARNED_MIN = 0.95  # random sittings told "no clear pattern" or "unsure"
CAREFUL_FLAGGED_MAX = 0.03  # careful respondents wrongly told "no clear pattern"
BINS = (0.0, 0.3, 0.5, 0.7, 0.9, 1.0001)  # how-sure bins of the calibration table


@dataclass(frozen=True)
class Recovery:
    """How often respondents of one role (or all) got it back, in one model and setting."""

    top1: float
    retake: float  # same #1 on two independent sittings
    sure: float  # the mean "how sure" shown: compare with top1 for calibration
    flagged: float  # told there is no clear pattern


@dataclass(frozen=True)
class Calibration:
    """One bin of shown "how sure" figures: how many results, their mean, and how many right."""

    low: float
    high: float
    count: int
    sure: float
    right: float


@dataclass(frozen=True)
class AuditReport:
    """Recovery, calibration and careless sittings, per respondent model and setting."""

    # model -> setting -> role id (or "all") -> figures
    recovery: Mapping[str, Mapping[str, Mapping[str, Recovery]]]
    # model -> setting -> experience answer -> own role first, every sitting re-ranked with that
    # answer (the questions asked never depend on it)
    by_level: Mapping[str, Mapping[str, Mapping[str, float]]]
    calibration: Mapping[str, tuple[Calibration, ...]]  # model -> bins (both settings pooled)
    confused: list[tuple[str, str, int]]  # (true role, given role, count), most common first
    random_confident: float  # random sittings given a strong or good result
    random_warned: float  # random sittings told no clear pattern, or unsure
    same_position_caught: float  # one-position sittings told no clear pattern
    lengths: tuple[float, int, int]  # questions per sitting: mean, fewest, most
    people: int
    samples: int

    @property
    def missed(self) -> list[str]:
        """The targets missed, as short names."""
        names = []
        for model, settings in self.recovery.items():
            for setting, (top1, retake) in TARGETS.items():
                overall = settings[setting]["all"]
                if overall.top1 < top1:
                    names.append(f"{model} {setting} top-1")
                if setting == "noisy" and overall.retake < retake:
                    names.append(f"{model} {setting} retake")
            # The likelihood model's careful people may be flagged more: its noise is the
            # scoring model's own, and the bar is set to keep random sittings out.
            if model == "rules" and settings["careful"]["all"].flagged > CAREFUL_FLAGGED_MAX:
                names.append(f"{model} careful flagged")
        if self.random_confident > RANDOM_CONFIDENT_MAX:
            names.append("random confident")
        if self.random_warned < RANDOM_WARNED_MIN:
            names.append("random warned")
        if self.same_position_caught < 1.0:
            names.append("same position")
        return names

    @property
    def passed(self) -> bool:
        """Every target met."""
        return not self.missed


Chooser = Callable[[random.Random, Question], str]


def audit(
    catalogue: Catalogue,
    people: int = PEOPLE_PER_ROLE,
    samples: int = RANDOM_SHEETS,
    seed: int = SEED,
) -> AuditReport:
    """Run every simulated respondent and random sitting; the same seed gives the same report."""
    from rolefinder.assess.explain import band  # the bands a person is shown

    rng = random.Random(seed)
    evidence = Evidence(catalogue)
    recovery: dict[str, dict[str, dict[str, Recovery]]] = {}
    by_level: dict[str, dict[str, dict[str, float]]] = {}
    calibration: dict[str, tuple[Calibration, ...]] = {}
    confused: Counter[tuple[str, str]] = Counter()
    lengths: list[int] = []
    experience = catalogue.experience
    # Without an experience question there is one "level": the answers as they are.
    levels = [o.id for o in experience.options] if experience else [SKIP]
    for model in MODELS:
        recovery[model] = {}
        pairs: list[tuple[float, bool]] = []
        by_level[model] = {}
        for setting in TARGETS:
            level_hits: Counter[str] = Counter()
            per_role: dict[str, Recovery] = {}
            totals = [0.0, 0.0, 0.0, 0.0]
            for role in catalogue.roles:
                hits = [0.0, 0.0, 0.0, 0.0]
                for person in range(people):
                    choose = _respondent(catalogue, rng, model, setting, role)
                    level = levels[person % len(levels)]
                    first = _sitting(catalogue, evidence, rng, choose, level)
                    second = _sitting(catalogue, evidence, rng, choose, level)
                    lengths.append(sum(1 for q in catalogue.bank if q.id in first.answers))
                    right = first.best.id == role.id
                    hits[0] += right
                    hits[1] += first.best.id == second.best.id
                    hits[2] += first.best.sure
                    hits[3] += first.pattern is not None
                    pairs.append((first.best.sure, right))
                    for other in levels:  # the same answers at every experience answer
                        given = {experience.id: other} if experience else {}
                        again = rank(catalogue, {**first.answers, **given}, evidence)
                        level_hits[other] += again.best.id == role.id
                    if not right:
                        confused[(role.id, first.best.id)] += 1
                per_role[role.id] = Recovery(*(h / people for h in hits))
                totals = [a + b for a, b in zip(totals, hits, strict=True)]
            count = people * len(catalogue.roles)
            per_role["all"] = Recovery(*(h / count for h in totals))
            recovery[model][setting] = per_role
            by_level[model][setting] = {lv: level_hits[lv] / count for lv in levels}
        calibration[model] = _calibrate(pairs)
    confident = warned = 0
    for _ in range(samples):
        result = _sitting(catalogue, evidence, rng, _at_random, levels[0], skips=False)
        shown = band(result)
        confident += shown in ("strong", "good")
        warned += result.pattern is not None or shown == "unsure"
    caught = 0
    positions = range(max((len(q.options) for q in catalogue.bank), default=1))
    for position in positions:
        result = _sitting(catalogue, evidence, rng, _always(position), levels[0], skips=False)
        caught += result.pattern is not None
    return AuditReport(
        recovery=recovery,
        by_level=by_level,
        calibration=calibration,
        confused=[(a, b, n) for (a, b), n in confused.most_common(5)],
        random_confident=confident / samples,
        random_warned=warned / samples,
        same_position_caught=caught / len(positions),
        lengths=(sum(lengths) / len(lengths), min(lengths), max(lengths)),
        people=people,
        samples=samples,
    )


def _calibrate(pairs: list[tuple[float, bool]]) -> tuple[Calibration, ...]:
    bins = []
    for low, high in pairwise(BINS):
        inside = [(sure, right) for sure, right in pairs if low <= sure < high]
        if inside:
            mean = sum(s for s, _ in inside) / len(inside)
            right = sum(r for _, r in inside) / len(inside)
            bins.append(Calibration(low, min(high, 1.0), len(inside), mean, right))
    return tuple(bins)


def _respondent(
    catalogue: Catalogue, rng: random.Random, model: str, setting: str, role: Role
) -> Chooser:
    """One simulated person of ``role``: how they choose an option in any question."""
    if model == "likelihood":
        traits = _dirichlet(rng, catalogue, role)
        sharpness = SHARPNESS[setting]
        return lambda chooser, question: _by_likelihood(chooser, question, role, traits, sharpness)
    attention = ATTENTION[setting]
    neighbour = rng.choice(role.related) if role.related else role.id
    return lambda chooser, question: _by_rules(chooser, question, role, neighbour, attention)


def _dirichlet(rng: random.Random, catalogue: Catalogue, role: Role) -> dict[str, float]:
    draws = {
        t.id: rng.gammavariate(max(CONCENTRATION * role.profile.get(t.id, 0.0), 0.05), 1.0)
        for t in catalogue.traits
    }
    total = sum(draws.values()) or 1.0
    return {trait: value / total for trait, value in draws.items()}


def _by_likelihood(
    chooser: random.Random,
    question: Question,
    role: Role,
    traits: Mapping[str, float],
    sharpness: float,
) -> str:
    utilities = []
    for option in question.options:
        total = sum(option.weights.values()) or 1.0
        lean = sum(w * traits.get(t, 0.0) for t, w in option.weights.items()) / total
        fit = RESPONDENT_FIT if role.id in option.fits else 0.0
        fit -= RESPONDENT_FIT if role.id in option.against else 0.0
        utilities.append(math.exp(sharpness * (fit + RESPONDENT_TRAIT * lean)))
    return chooser.choices([o.id for o in question.options], weights=utilities)[0]


def _by_rules(
    chooser: random.Random, question: Question, role: Role, neighbour: str, attention: float
) -> str:
    options = question.options
    if chooser.random() >= attention:
        return chooser.choice(options).id
    if any(o.against for o in options):  # what they would rather not do: not their own work
        return chooser.choice([o for o in options if role.id not in o.against] or options).id
    own = [o for o in options if role.id in o.fits]
    near = [o for o in options if neighbour in o.fits]
    trait = [o for o in options if o.weights.get(role.main_trait, 0) > 0]
    if not own and near and chooser.random() < 0.5:
        own = near
    return chooser.choice(own or trait or options).id


def _at_random(chooser: random.Random, question: Question) -> str:
    return chooser.choice(question.options).id


def _always(position: int) -> Chooser:
    def choose(chooser: random.Random, question: Question) -> str:
        return question.options[min(position, len(question.options) - 1)].id

    return choose


def _sitting(
    catalogue: Catalogue,
    evidence: Evidence,
    rng: random.Random,
    choose: Chooser,
    level: str,
    skips: bool = True,
) -> Result:
    """One adaptive sitting: experience ``level``, sure about the field, then the bank
    (a person skips SKIP_RATE of it; random and one-position sittings answer every question)."""
    answers: dict[str, str] = {}
    while (question := next_question(catalogue, answers, evidence).question) is not None:
        if question.kind is EXPERIENCE:
            answers[question.id] = level
        elif question.kind is OUTLOOK:  # simulated people know they want the field
            sure = [o.id for o in question.options if o.outlook == "sure"]
            answers[question.id] = (sure or [question.options[0].id])[0]
        elif skips and rng.random() < SKIP_RATE and _can_skip(catalogue, answers):
            answers[question.id] = SKIP
        else:
            answers[question.id] = choose(rng, question)
    return rank(catalogue, answers, evidence)


def _can_skip(catalogue: Catalogue, answers: Mapping[str, str]) -> bool:
    """Whether a skip still leaves enough questions to reach the answers a ranking needs."""
    left = sum(1 for q in catalogue.bank if q.id not in answers) - 1
    return left >= needed_answers(catalogue) - answered(catalogue, answers)
