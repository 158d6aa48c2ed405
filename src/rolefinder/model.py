"""The catalogue as frozen dataclasses: what the engine scores and the renderer shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from rolefinder.i18n import LANGS, Lang, t

__all__ = [
    "LANGS",
    "LEVELS",
    "OUTLOOKS",
    "SKIP",
    "Catalogue",
    "Lang",
    "Option",
    "Question",
    "Role",
    "Text",
]

LEVELS: tuple[str, ...] = ("entry", "mid", "senior")
# How sure people are themselves that they want a job in this field (the outlook question).
OUTLOOKS: tuple[str, ...] = ("sure", "torn", "exploring")
SKIP = "skip"  # the answer "doesn't apply" that every question accepts; it counts for nothing


def as_percentages(shares: Mapping[str, float]) -> dict[str, int]:
    """Whole percentages that add up to exactly 100 (largest-remainder rounding)."""
    total = sum(shares.values())
    if total <= 0:
        return dict.fromkeys(shares, 0)
    exact = {key: 100 * value / total for key, value in shares.items()}
    whole = {key: int(value) for key, value in exact.items()}
    shortfall = 100 - sum(whole.values())
    # Hand the missing points to the largest remainders; ties go to the earlier key.
    order = sorted(exact, key=lambda key: -(exact[key] - whole[key]))
    for key in order[:shortfall]:
        whole[key] += 1
    return whole


@dataclass(frozen=True, slots=True)
class Text:
    """A human-readable text in English and Indonesian."""

    en: str
    id: str

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return self.id if lang == "id" else self.en


@dataclass(frozen=True, slots=True)
class Trait:
    """One axis of the profile (creative, strategic, analytical, ...)."""

    id: str
    name: Text
    description: Text


@dataclass(frozen=True, slots=True)
class Years:
    """Years of experience a role usually asks for, where the sources give them."""

    min: int
    max: int | None = None

    def __str__(self) -> str:
        return f"{self.min}+" if self.max is None else f"{self.min}-{self.max}"


@dataclass(frozen=True, slots=True)
class Role:
    """A social-media job: what it does and which traits it draws on."""

    id: str
    name: Text
    summary: Text
    duties: tuple[Text, ...]
    skills: tuple[Text, ...]
    level: str
    profile: Mapping[str, float]  # trait id -> share, summing to 1
    related: tuple[str, ...]
    years: Years | None = None
    note: Text | None = None

    def level_label(self, lang: Lang) -> str:
        """The level in words, with its years where known: 'senior, 3-5 yrs'."""
        label = t(f"level_{self.level}", lang)
        if self.years is not None:
            label += ", " + t("years", lang, years=str(self.years))
        return label

    @property
    def main_trait(self) -> str:
        """The trait with the largest share (the first one on a tie)."""
        return max(self.profile, key=lambda trait: self.profile[trait])

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """A JSON-ready view of the role, with texts in ``lang``."""
        return {
            "id": self.id,
            "name": self.name.get(lang),
            "summary": self.summary.get(lang),
            "level": self.level,
            "years": str(self.years) if self.years else None,
            "main_trait": self.main_trait,
            "profile": as_percentages(self.profile),
            "duties": [duty.get(lang) for duty in self.duties],
            "skills": [skill.get(lang) for skill in self.skills],
            "related": list(self.related),
            "note": self.note.get(lang) if self.note else None,
        }


@dataclass(frozen=True, slots=True)
class Option:
    """One answer to a question.

    ``weights`` add to the user's traits (the profile they see); ``fits`` names the roles
    whose people typically pick this answer over the question's others (the evidence).
    """

    id: str
    text: Text
    weights: Mapping[str, float] = field(default_factory=dict)
    level: str | None = None  # only on the experience question
    fits: tuple[str, ...] = ()
    years: Years | None = None  # only on the experience question: the band of years it means
    outlook: str | None = None  # only on the outlook question: sure, torn or exploring


@dataclass(frozen=True, slots=True)
class Question:
    """A forced-choice scenario question (or the experience question)."""

    id: str
    prompt: Text
    options: tuple[Option, ...]
    kind: Literal["trait", "experience", "outlook"] = "trait"
    short: Text | None = None  # a few words naming the question, for the review screen

    @property
    def label(self) -> Text:
        """The question's short name, or its prompt when it has none."""
        return self.short or self.prompt

    def option(self, option_id: str) -> Option | None:
        """The option with this id, or None."""
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Catalogue:
    """Traits, roles and questions, in the order the file gives them."""

    traits: tuple[Trait, ...]
    roles: tuple[Role, ...]
    questions: tuple[Question, ...]
    source: str = "<catalogue>"
    version: str | None = None

    @cached_property
    def trait_ids(self) -> tuple[str, ...]:
        """Trait ids in catalogue order: the order of every profile vector."""
        return tuple(trait.id for trait in self.traits)

    @cached_property
    def role_vectors(self) -> tuple[tuple[float, ...], ...]:
        """Each role's profile as shares in trait order (computed once, used by every ranking)."""
        return tuple(tuple(role.profile.get(t, 0.0) for t in self.trait_ids) for role in self.roles)

    @cached_property
    def bank(self) -> tuple[Question, ...]:
        """The scenario questions the adaptive quiz chooses from (all but experience)."""
        return tuple(q for q in self.questions if q.kind == "trait")

    @cached_property
    def experience(self) -> Question | None:
        """The experience question, if the catalogue has one."""
        return next((q for q in self.questions if q.kind == "experience"), None)

    @cached_property
    def outlook(self) -> Question | None:
        """The question that asks how sure people are about the field, if there is one."""
        return next((q for q in self.questions if q.kind == "outlook"), None)

    @cached_property
    def _roles_by_id(self) -> dict[str, Role]:
        return {role.id: role for role in self.roles}

    def role(self, role_id: str) -> Role | None:
        """The role with this id, or None."""
        return self._roles_by_id.get(role_id)

    def trait(self, trait_id: str) -> Trait | None:
        """The trait with this id, or None."""
        return next((t for t in self.traits if t.id == trait_id), None)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        return next((q for q in self.questions if q.id == question_id), None)
