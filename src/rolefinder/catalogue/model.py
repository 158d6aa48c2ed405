"""The catalogue as frozen dataclasses: what the engine scores and the renderer shows.

These classes are also the catalogue file's format. Each field read from the file carries
its shape in ``metadata`` (see ``file_field``); catalogue/schema.py reads them to check a
file and to write the JSON Schema, so the model, the checker and the schema cannot drift
apart. A field without a default is required; a question kind says which option fields it
requires.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rolefinder.words.languages import LANGS, Lang

__all__ = [
    "EXPERIENCE",
    "LEVELS",
    "OUTLOOK",
    "OUTLOOKS",
    "QUESTION_KINDS",
    "SKIP",
    "SOURCES",
    "TRAIT",
    "Catalogue",
    "Option",
    "Question",
    "QuestionKind",
    "Role",
    "Text",
    "file_field",
]

LEVELS: tuple[str, ...] = ("entry", "mid", "senior")
# Where a role's readiness facts (level, years, way in) come from: the source articles, or
# what job ads commonly ask (said so, since the articles are silent).
SOURCES: tuple[str, ...] = ("articles", "job-ads")
# How sure people are themselves that they want a job in this field (the outlook question).
OUTLOOKS: tuple[str, ...] = ("sure", "torn", "exploring")
SKIP = "skip"  # the answer "doesn't apply" that every question accepts; it counts for nothing


def file_field(shape: str, default: Any = ..., min_items: int = 0, factory: Any = None) -> Any:
    """A dataclass field read from the catalogue file, as ``shape`` (a name that
    catalogue/schema.py knows: id, ids, text, texts, string, weights, level, outlook, years,
    kind, or a record list). Without a default it is required in the file."""
    metadata = {"shape": shape, "min_items": min_items}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    if default is ...:
        return field(metadata=metadata)
    return field(default=default, metadata=metadata)


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
    """A human-readable text in every language of LANGS: ``Text({"en": ..., "id": ...})``."""

    texts: Mapping[Lang, str]

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return self.texts[lang]

    @classmethod
    def same(cls, text: str) -> Text:
        """The same text in every language (names, test data)."""
        return cls(dict.fromkeys(LANGS, text))


@dataclass(frozen=True, slots=True)
class Trait:
    """One axis of the profile (creative, strategic, analytical, ...)."""

    id: str = file_field("id")
    name: Text = file_field("text")
    description: Text = file_field("text")


@dataclass(frozen=True, slots=True)
class Years:
    """Years of experience a role usually asks for, where the sources give them."""

    min: int  # read by schema's "years" shape: whole numbers, min <= max
    max: int | None = None

    def __str__(self) -> str:
        return f"{self.min}+" if self.max is None else f"{self.min}-{self.max}"


@dataclass(frozen=True, slots=True)
class Role:
    """A social-media job: what it does and which traits it draws on."""

    id: str = file_field("id")
    name: Text = file_field("text")
    summary: Text = file_field("text")
    duties: tuple[Text, ...] = file_field("texts", min_items=1)
    skills: tuple[Text, ...] = file_field("texts")
    level: str = file_field("level")
    profile: Mapping[str, float] = file_field("profile")  # trait id -> share, summing to 1
    related: tuple[str, ...] = file_field("ids")
    way_in: Text = file_field("text")  # how people usually get into the job (see below)
    years: Years | None = file_field("years", None)
    note: Text | None = file_field("text", None)
    # Readiness, beside level, years and way_in: the name of the job's junior or internship
    # form where one is commonly advertised, and where the level, years and way in come from.
    junior: Text | None = file_field("text", None)
    source: str = file_field("source", "articles")

    @property
    def main_trait(self) -> str:
        """The trait with the largest share (the first one on a tie)."""
        return max(self.profile, key=lambda trait: self.profile[trait])


@dataclass(frozen=True, slots=True)
class Option:
    """One answer to a question.

    ``weights`` add to the user's traits (the profile they see); ``fits`` names the roles
    whose people typically pick this answer over the question's others (the evidence).
    """

    id: str = file_field("option-id")
    text: Text = file_field("text")
    # Which of the fields below an option has depends on its question's kind.
    weights: Mapping[str, float] = file_field("weights", factory=dict)
    level: str | None = file_field("level", None)  # the experience question's
    fits: tuple[str, ...] = file_field("ids", ())
    years: Years | None = file_field("years", None)  # the band of years an experience answer means
    outlook: str | None = file_field("outlook", None)  # sure, torn or exploring
    against: tuple[str, ...] = file_field("ids", ())  # roles whose work this answer rules out
    # An experience answer that names related experience (volunteering, an own channel,
    # customer service...): credited in the advice, never counted as years in the job.
    adjacent: bool = file_field("flag", False)


@dataclass(frozen=True)
class QuestionKind:
    """A kind of question: the fields its options have, and how the quiz treats it."""

    name: str
    option_fields: tuple[str, ...]  # required in each option, beyond id and text
    optional_option_fields: tuple[str, ...]
    adaptive: bool  # in the bank the adaptive quiz picks from, scored by weights and fits
    about_roles: bool  # its answers are evidence about the roles, not about the user's certainty
    single: bool  # at most one question of this kind in a catalogue, asked before the bank

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Kinds are compared by identity: a pickled catalogue (the class's helper process
        gets one) must come back with the same kind objects, not equal copies."""
        return (_kind, (self.name,))


TRAIT = QuestionKind("trait", ("weights",), ("fits", "against"), True, True, False)
EXPERIENCE = QuestionKind(
    "experience", ("level",), ("weights", "years", "adjacent"), False, False, True
)
OUTLOOK = QuestionKind("outlook", ("outlook",), (), False, False, True)
QUESTION_KINDS: Mapping[str, QuestionKind] = {k.name: k for k in (TRAIT, EXPERIENCE, OUTLOOK)}


def _kind(name: str) -> QuestionKind:
    """The question kind called ``name`` (unpickling)."""
    return QUESTION_KINDS[name]


@dataclass(frozen=True, slots=True)
class Question:
    """A forced-choice scenario question (or the experience question)."""

    id: str = file_field("id")
    prompt: Text = file_field("text")
    options: tuple[Option, ...] = file_field("options", min_items=2)
    kind: QuestionKind = file_field("kind", TRAIT)
    short: Text | None = file_field("text", None)  # a few words naming it, for the review screen

    @property
    def label(self) -> Text:
        """The question's short name, or its prompt when it has none."""
        return self.short or self.prompt

    def option(self, option_id: str) -> Option | None:
        """The option with this id, or None."""
        for option in self.options:  # a handful: a plain loop beats a dict or a generator
            if option.id == option_id:
                return option
        return None


@dataclass(frozen=True)
class Catalogue:
    """Traits, roles and questions, in the order the file gives them."""

    traits: tuple[Trait, ...] = file_field("traits", min_items=1)
    roles: tuple[Role, ...] = file_field("roles", min_items=1)
    questions: tuple[Question, ...] = file_field("questions", min_items=1)
    source: str = "<catalogue>"  # where it was read from: not in the file
    version: str | None = file_field("string", None)

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
        return tuple(q for q in self.questions if q.kind.adaptive)

    @cached_property
    def opening(self) -> tuple[Question, ...]:
        """The questions asked before the bank, one of each single kind in QUESTION_KINDS
        order (experience, then outlook); none of them counts towards a sitting's length."""
        kinds = [kind for kind in QUESTION_KINDS.values() if kind.single]
        return tuple(q for kind in kinds for q in self.questions if q.kind is kind)

    @cached_property
    def experience(self) -> Question | None:
        """The experience question, if the catalogue has one."""
        return next((q for q in self.questions if q.kind is EXPERIENCE), None)

    @cached_property
    def outlook(self) -> Question | None:
        """The question that asks how sure people are about the field, if there is one."""
        return next((q for q in self.questions if q.kind is OUTLOOK), None)

    @cached_property
    def _roles_by_id(self) -> dict[str, Role]:
        return {role.id: role for role in self.roles}

    def role(self, role_id: str) -> Role | None:
        """The role with this id, or None."""
        return self._roles_by_id.get(role_id)

    def trait(self, trait_id: str) -> Trait | None:
        """The trait with this id, or None."""
        return next((t for t in self.traits if t.id == trait_id), None)

    @cached_property
    def _questions_by_id(self) -> dict[str, Question]:
        return {question.id: question for question in self.questions}

    def question(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        return self._questions_by_id.get(question_id)

    @cached_property
    def _options_by_id(self) -> dict[tuple[str, str], Option]:
        return {(q.id, option.id): option for q in self.questions for option in q.options}

    def answer(self, question_id: str, option_id: str | None) -> Option | None:
        """The option ``option_id`` of question ``question_id``, or None (no such question or
        option, or None given): one look-up, for scoring every answer of a class."""
        return self._options_by_id.get((question_id, option_id)) if option_id else None

    @cached_property
    def _positions(self) -> dict[tuple[str, str], int]:
        return {(q.id, o.id): n for q in self.questions for n, o in enumerate(q.options)}

    def position(self, question_id: str, option_id: str | None) -> int | None:
        """Where option ``option_id`` stands in question ``question_id`` (0 first), or None (a
        skip, an unknown id, or None given)."""
        return self._positions.get((question_id, option_id)) if option_id else None
