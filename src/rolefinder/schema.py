"""Turn parsed catalogue data (plain dicts and lists) into a Catalogue, or list every problem.

No I/O and no YAML here: catalogue.py parses the file, this module checks its shape.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from rolefinder.errors import Phrase, Problem, Value
from rolefinder.i18n import hidden_character
from rolefinder.model import (
    LEVELS,
    OUTLOOKS,
    SKIP,
    Catalogue,
    Option,
    Question,
    Role,
    Text,
    Trait,
    Years,
)

T = TypeVar("T")

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RESERVED_OPTION_IDS = frozenset({SKIP})  # every question offers it already
TOP_LEVEL_KEYS = ("version", "traits", "roles", "questions")
QUESTION_KINDS = ("trait", "experience", "outlook")


@dataclass(frozen=True)
class Date:
    """A value YAML 1.1 reads as a date (``2024-02-30``); kept as written, never converted."""

    text: str

    def __repr__(self) -> str:
        return self.text


class Problems:
    """Collects problems and warnings instead of stopping at the first."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, path: str, key: str, **values: Value) -> None:
        """Record one problem at ``path`` (e.g. ``roles[2].profile``): a MESSAGES key and the
        values of its placeholders, told in the user's language when shown."""
        self.items.append(Problem(key, values, path))

    def warn(self, path: str, key: str, **values: Value) -> None:
        """Record something that works but is worth fixing."""
        self.warnings.append(Problem(key, values, path))


_KINDS = {
    dict: "problem_kind_mapping",
    list: "problem_kind_list",
    str: "problem_kind_text",
    bool: "problem_kind_bool",
    Date: "problem_kind_date",
    int: "problem_kind_int",
    float: "problem_kind_float",
}


def _kind(value: object) -> Phrase:
    """What a value is ("a list", "empty"), as words told in the reader's language."""
    if value is None:
        return Phrase("problem_kind_empty")
    key = _KINDS.get(type(value))
    if key is None:
        return Phrase("problem_kind_other", {"name": type(value).__name__})
    return Phrase(key)


def _control_character(text: str) -> str | None:
    """The first character that could steer a terminal (ESC, BEL, ...) or hide in a text (a bidi
    override, a zero-width space or joiner), if any. Newlines and tabs are a text's own."""
    return hidden_character(text, allowed="\n\t")


MISSING: Any = object()  # a required field that is absent: already reported, check nothing more


class _Fields(dict[str, Any]):
    """A mapping whose absent keys read as MISSING, so the type checks skip them."""

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key, MISSING if default is None else default)


class _Reader:
    """Typed getters that record a problem and return None when a value is wrong."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems

    def mapping(
        self, value: object, path: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Any] | None:
        if value is MISSING:
            return None
        if not isinstance(value, dict):
            self.problems.add(path, "problem_expected_mapping", kind=_kind(value))
            return None
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                where = f"{path}.{key}" if path else str(key)  # points at the key's own line
                self.problems.add(where, "problem_unknown_field", field=str(key), allowed=hint)
        missing = [key for key in required if key not in value]
        if missing:
            names = ", ".join(f"'{key}'" for key in missing)
            several = len(missing) > 1
            which = "problem_missing_fields" if several else "problem_missing_field"
            self.problems.add(path, which, names=names)
        return _Fields(value)

    def string(self, value: object, path: str) -> str | None:
        if value is MISSING:
            return None
        if not isinstance(value, str):
            self.problems.add(path, "problem_expected_text", kind=_kind(value), value=repr(value))
            return None
        if not value.strip():
            self.problems.add(path, "problem_empty")
            return None
        bad = _control_character(value)
        if bad is not None:
            self.problems.add(path, "problem_control_character", code=f"{ord(bad):04X}")
            return None
        return value

    def identifier(self, value: object, path: str) -> str | None:
        text = self.string(value, path)
        if text is not None and not ID_PATTERN.fullmatch(text):
            self.problems.add(path, "problem_bad_id", id=text)
            return None
        return text

    def text(self, value: object, path: str) -> Text | None:
        """A bilingual text; one language alone is a warning and stands in for the other."""
        if value is MISSING:
            return None
        data = self.mapping(value, path, required=(), optional=("en", "id"))
        if data is None:
            return None
        en = self.string(data["en"], f"{path}.en") if "en" in data else None
        id_ = self.string(data["id"], f"{path}.id") if "id" in data else None
        if "en" not in data and "id" not in data:
            self.problems.add(path, "problem_no_text")
        elif "en" not in data or "id" not in data:
            english, indonesian = Phrase("problem_lang_en"), Phrase("problem_lang_id")
            have, lacking = (english, indonesian) if "en" in data else (indonesian, english)
            self.problems.warn(path, "problem_one_language", have=have, lacking=lacking)
        if (en is None and "en" in data) or (id_ is None and "id" in data):
            return None
        if en is None and id_ is None:
            return None
        return Text(en=en or id_ or "", id=id_ or en or "")

    def number(self, value: object, path: str) -> float | None:
        if value is MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problems.add(path, "problem_expected_number", kind=_kind(value), value=repr(value))
            return None
        if not math.isfinite(value) or value < 0:
            self.problems.add(path, "problem_bad_number", value=repr(value))
            return None
        return float(value)

    def items(
        self, value: object, path: str, read: Callable[[object, str], T | None], min_items: int = 0
    ) -> list[T]:
        if value is MISSING:
            return []
        if not isinstance(value, list):
            self.problems.add(path, "problem_expected_list", kind=_kind(value))
            return []
        if len(value) < min_items:
            self.problems.add(path, "problem_too_few_items", need=min_items, found=len(value))
        results = [read(item, f"{path}[{index}]") for index, item in enumerate(value)]
        return [item for item in results if item is not None]

    def weights(self, value: object, path: str, traits: set[str]) -> dict[str, float] | None:
        if value is MISSING:
            return None
        if not isinstance(value, dict):
            self.problems.add(path, "problem_expected_weights", kind=_kind(value))
            return None
        result: dict[str, float] = {}
        for key, raw in value.items():
            if key not in traits:
                known = ", ".join(sorted(traits))
                self.problems.add(
                    f"{path}.{key}", "problem_unknown_trait", trait=str(key), known=known
                )
                continue
            number = self.number(raw, f"{path}.{key}")
            if number is not None:
                result[key] = number
        return result

    def unique(self, raw: object, path: str, what: str) -> None:
        """Record every item of the raw list ``raw`` whose ``id`` repeats an earlier one.

        ``what`` is the key of the items' name: problem_item_trait, _role, _question, _option.
        """
        seen: set[str] = set()
        for index, item in enumerate(raw if isinstance(raw, list) else []):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str):
                continue
            if ident in seen:
                self.problems.add(
                    f"{path}[{index}].id",
                    "problem_duplicate_id",
                    what=Phrase(what),
                    id=ident,
                )
            seen.add(ident)


def build_catalogue(
    data: object, source: str = "<catalogue>"
) -> tuple[Catalogue | None, list[Problem], list[Problem]]:
    """Check parsed catalogue data.

    Returns the Catalogue (None when there are problems), every problem and every warning.
    """
    problems = Problems()
    read = _Reader(problems)
    top = read.mapping(data, "", required=("traits", "roles", "questions"), optional=TOP_LEVEL_KEYS)
    if top is None:
        return None, problems.items, problems.warnings
    if "version" in top:
        read.string(top["version"], "version")

    traits = read.items(top.get("traits"), "traits", lambda v, p: _trait(read, v, p), 1)
    read.unique(top.get("traits"), "traits", "problem_item_trait")
    trait_ids = {t.id for t in traits}

    raw_roles = top.get("roles")
    roles = read.items(raw_roles, "roles", lambda v, p: _role(read, v, p, trait_ids), 1)
    read.unique(raw_roles, "roles", "problem_item_role")
    _check_related(problems, raw_roles if isinstance(raw_roles, list) else [])

    raw_questions = top.get("questions")
    questions = read.items(
        raw_questions, "questions", lambda v, p: _question(read, v, p, trait_ids), 1
    )
    read.unique(raw_questions, "questions", "problem_item_question")
    # Checked against the raw role ids, so a role refused for another problem still counts.
    role_ids = (
        {r.get("id") for r in raw_roles if isinstance(r, dict)}
        if isinstance(raw_roles, list)
        else set()
    )
    for qi, raw_q in enumerate(raw_questions if isinstance(raw_questions, list) else []):
        raw_options = raw_q.get("options") if isinstance(raw_q, dict) else None
        for oi, raw_o in enumerate(raw_options if isinstance(raw_options, list) else []):
            fits = raw_o.get("fits") if isinstance(raw_o, dict) else None
            for fi, other in enumerate(fits if isinstance(fits, list) else []):
                if isinstance(other, str) and other not in role_ids:
                    where = f"questions[{qi}].options[{oi}].fits[{fi}]"
                    problems.add(where, "problem_unknown_role", role=other)
    for kind in ("experience", "outlook"):
        for index in [i for i, q in enumerate(questions) if q.kind == kind][1:]:
            problems.add(f"questions[{index}].kind", "problem_one_of_kind", kind=kind)

    if problems.items:
        return None, problems.items, problems.warnings
    version = top.get("version") if isinstance(top.get("version"), str) else None
    catalogue = Catalogue(tuple(traits), tuple(roles), tuple(questions), source, version)
    return catalogue, [], problems.warnings


def _check_related(problems: Problems, raw_roles: list[Any]) -> None:
    """Every related id must name another role; checked on the raw data, so that a role
    refused for some other problem still has its links checked."""
    raw = [r for r in raw_roles if isinstance(r, dict)]
    known = {r.get("id") for r in raw}
    for index, role in enumerate(raw_roles):
        related = role.get("related") if isinstance(role, dict) else None
        for position, other in enumerate(related if isinstance(related, list) else []):
            where = f"roles[{index}].related[{position}]"
            if isinstance(other, str) and other not in known:
                problems.add(where, "problem_unknown_role", role=other)
            elif other == role.get("id"):
                problems.add(where, "problem_related_to_itself")


def _trait(read: _Reader, value: object, path: str) -> Trait | None:
    data = read.mapping(value, path, required=("id", "name", "description"))
    if data is None:
        return None
    ident = read.identifier(data.get("id"), f"{path}.id")
    name = read.text(data.get("name"), f"{path}.name")
    description = read.text(data.get("description"), f"{path}.description")
    if ident is None or name is None or description is None:
        return None
    return Trait(ident, name, description)


ROLE_FIELDS = ("id", "name", "summary", "duties", "skills", "level", "profile", "related")


def _role(read: _Reader, value: object, path: str, traits: set[str]) -> Role | None:
    data = read.mapping(value, path, required=ROLE_FIELDS, optional=("years", "note"))
    if data is None:
        return None
    ident = read.identifier(data.get("id"), f"{path}.id")
    name = read.text(data.get("name"), f"{path}.name")
    summary = read.text(data.get("summary"), f"{path}.summary")
    duties = read.items(data.get("duties"), f"{path}.duties", read.text, 1)
    skills = read.items(data.get("skills"), f"{path}.skills", read.text)
    level = data.get("level")
    if level is not MISSING and level not in LEVELS:
        read.problems.add(
            f"{path}.level", "problem_one_of_found", allowed=", ".join(LEVELS), value=repr(level)
        )
    profile = read.weights(data.get("profile"), f"{path}.profile", traits)
    if profile is not None and "profile" in data and sum(profile.values()) <= 0:
        read.problems.add(f"{path}.profile", "problem_zero_profile")
        profile = None
    related = read.items(data.get("related", []), f"{path}.related", read.identifier)
    years = _years(read, data["years"], f"{path}.years") if "years" in data else None
    note = read.text(data["note"], f"{path}.note") if "note" in data else None
    if None in (ident, name, summary, profile) or level not in LEVELS:
        return None
    if ("years" in data and years is None) or ("note" in data and note is None):
        return None
    assert ident is not None and name is not None and summary is not None and profile is not None
    total = sum(profile.values())
    shares = {trait: weight / total for trait, weight in profile.items()}
    return Role(
        id=ident,
        name=name,
        summary=summary,
        duties=tuple(duties),
        skills=tuple(skills),
        level=str(level),
        profile=shares,
        related=tuple(related),
        years=years,
        note=note,
    )


def _years(read: _Reader, value: object, path: str) -> Years | None:
    data = read.mapping(value, path, required=("min",), optional=("max",))
    if data is None:
        return None
    low, high = data.get("min"), data.get("max")
    if high is MISSING:  # "max" is optional: an open band such as "6 years or more"
        high = None
    if isinstance(low, bool) or not isinstance(low, int) or low < 0:
        read.problems.add(f"{path}.min", "problem_bad_min", value=repr(low))
        return None
    if high is not None and (isinstance(high, bool) or not isinstance(high, int) or high < low):
        read.problems.add(f"{path}.max", "problem_bad_max", low=low, value=repr(high))
        return None
    return Years(low, high)


def _question(read: _Reader, value: object, path: str, traits: set[str]) -> Question | None:
    data = read.mapping(
        value, path, required=("id", "prompt", "options"), optional=("kind", "short")
    )
    if data is None:
        return None
    ident = read.identifier(data.get("id"), f"{path}.id")
    prompt = read.text(data.get("prompt"), f"{path}.prompt")
    short = read.text(data["short"], f"{path}.short") if "short" in data else None
    kind = data.get("kind", "trait")
    if kind not in QUESTION_KINDS:
        read.problems.add(f"{path}.kind", "problem_one_of", allowed=", ".join(QUESTION_KINDS))
        return None
    options = read.items(
        data.get("options"), f"{path}.options", lambda v, p: _option(read, v, p, traits, kind), 2
    )
    read.unique(data.get("options"), f"{path}.options", "problem_item_option")
    if ident is None or prompt is None or "options" not in data:
        return None
    return Question(ident, prompt, tuple(options), kind, short)


def _option(read: _Reader, value: object, path: str, traits: set[str], kind: str) -> Option | None:
    required, optional = {
        "trait": (("id", "text", "weights"), ("fits",)),
        "experience": (("id", "text", "level"), ("weights", "years")),
        "outlook": (("id", "text", "outlook"), ()),
    }[kind]
    data = read.mapping(value, path, required=required, optional=optional)
    if data is None:
        return None
    ident = read.identifier(data.get("id"), f"{path}.id")
    if ident in RESERVED_OPTION_IDS:
        read.problems.add(f"{path}.id", "problem_reserved_id", id=ident)
        ident = None
    text = read.text(data.get("text"), f"{path}.text")
    weights = read.weights(data.get("weights", {}), f"{path}.weights", traits)
    fits = read.items(data.get("fits", []), f"{path}.fits", read.identifier)
    years = _years(read, data["years"], f"{path}.years") if "years" in data else None
    level = _choice(read, data, "level", LEVELS, path) if kind == "experience" else None
    outlook = _choice(read, data, "outlook", OUTLOOKS, path) if kind == "outlook" else None
    if (kind == "experience" and level is None) or (kind == "outlook" and outlook is None):
        return None
    if ident is None or text is None or weights is None or ("years" in data and years is None):
        return None
    return Option(ident, text, weights, level, tuple(fits), years, outlook)


def _choice(
    read: _Reader, data: dict[str, Any], key: str, allowed: tuple[str, ...], path: str
) -> str | None:
    """A value that must be one of ``allowed``; None (reported unless absent) otherwise."""
    value = data.get(key)
    if value in allowed:
        return str(value)
    if value is not MISSING:
        read.problems.add(
            f"{path}.{key}", "problem_one_of_found", allowed=", ".join(allowed), value=repr(value)
        )
    return None


def json_schema() -> dict[str, Any]:
    """The catalogue format as a JSON Schema (draft 2020-12), for editors to check as you type.

    It describes the shape; the checks above also cover what a schema cannot say (unique ids,
    related roles and weights that name real ones, control characters).
    """
    ident = {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$"}
    text = {
        "type": "object",
        "properties": {
            "en": {"type": "string", "minLength": 1},
            "id": {"type": "string", "minLength": 1},
        },
        "minProperties": 1,
        "additionalProperties": False,
    }
    weights = {"type": "object", "additionalProperties": {"type": "number", "minimum": 0}}
    level = {"enum": list(LEVELS)}
    years = {
        "type": "object",
        "properties": {
            "min": {"type": "integer", "minimum": 0},
            "max": {"type": "integer", "minimum": 0},
        },
        "required": ["min"],
        "additionalProperties": False,
    }

    def strict(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    trait = strict({"id": ident, "name": text, "description": text}, ["id", "name", "description"])
    role = strict(
        {
            "id": ident,
            "name": text,
            "summary": text,
            "duties": {"type": "array", "items": text, "minItems": 1},
            "skills": {"type": "array", "items": text},
            "level": level,
            "years": years,
            "profile": weights,
            "related": {"type": "array", "items": ident},
            "note": text,
        },
        list(ROLE_FIELDS),
    )
    option = strict(
        {
            "id": {**ident, "not": {"enum": sorted(RESERVED_OPTION_IDS)}},
            "text": text,
            "weights": weights,
            "level": level,
            "fits": {"type": "array", "items": ident},
            "years": years,
            "outlook": {"enum": list(OUTLOOKS)},
        },
        ["id", "text"],
    )
    question = strict(
        {
            "id": ident,
            "prompt": text,
            "short": text,
            "kind": {"enum": list(QUESTION_KINDS)},
            "options": {"type": "array", "items": option, "minItems": 2},
        },
        ["id", "prompt", "options"],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "rolefinder catalogue",
        **strict(
            {
                "version": {"type": "string"},
                "traits": {"type": "array", "items": trait, "minItems": 1},
                "roles": {"type": "array", "items": role, "minItems": 1},
                "questions": {"type": "array", "items": question, "minItems": 1},
            },
            ["traits", "roles", "questions"],
        ),
    }
