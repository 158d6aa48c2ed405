"""Turn parsed catalogue data (plain dicts and lists) into a Catalogue, or list every problem.

Why it stays whole (about 580 lines): each shape's check and its JSON Schema are written side
by side from the same declaration, so that they cannot drift apart (tests/test_format.py checks
they refuse the same mistakes); split into "checks" and "schema", a new shape would be half
done in one file and forgotten in the other.

The format is declared once, in catalogue/model.py: each field read from the file names its shape.
This module gives every shape its check (``_SHAPES``) and its JSON Schema (``_schema``), reads
records field by field from the model's declaration, and then checks what a shape cannot say
alone: unique ids, links to other roles, one question of a single kind.
No I/O and no YAML here: catalogue/load.py parses the file.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING as NO_DEFAULT
from dataclasses import dataclass, fields
from typing import Any, NamedTuple, TypeVar

from rolefinder.catalogue.model import (
    LEVELS,
    OUTLOOKS,
    QUESTION_KINDS,
    SKIP,
    SOURCES,
    TRAIT,
    Catalogue,
    Option,
    Question,
    QuestionKind,
    Role,
    Text,
    Trait,
    Years,
)
from rolefinder.errors import Phrase, Problem, Value
from rolefinder.words.i18n import hidden_character, messages
from rolefinder.words.languages import FALLBACK, LANGS

T = TypeVar("T")

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RESERVED_OPTION_IDS = frozenset({SKIP})  # every question offers it already


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


def _language_name(code: str) -> Value:
    """A language's name as a phrase; a language whose name no .po file has yet (one being
    added) is named by its code."""
    key = f"problem_lang_{code}"
    return Phrase(key) if key in messages(FALLBACK) else code


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
        self.traits: set[str] = set()  # the file's trait ids, once its traits are read

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
        """A text in every language; a missing language is a warning, and FALLBACK's text (or
        the first one given) stands in for it."""
        if value is MISSING:
            return None
        data = self.mapping(value, path, required=(), optional=LANGS)
        if data is None:
            return None
        given = {lang: self.string(data[lang], f"{path}.{lang}") for lang in LANGS if lang in data}
        lacking = [lang for lang in LANGS if lang not in data]
        if not given:
            self.problems.add(path, "problem_no_text")
            return None
        if lacking:
            self.problems.warn(
                path,
                "problem_one_language",
                have=_language_name(next(iter(given))),
                lacking=_language_name(lacking[0]),
            )
        texts = {lang: text for lang, text in given.items() if text is not None}
        if len(texts) < len(given):
            return None
        stand_in = texts.get(FALLBACK) or next(iter(texts.values()))
        return Text({lang: texts.get(lang, stand_in) for lang in LANGS})

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


class Spec(NamedTuple):
    """One field of a record as the file has it, from the model's declaration."""

    name: str
    shape: str
    min_items: int
    required: bool


@functools.cache
def specs(cls: type) -> tuple[Spec, ...]:
    """The file fields of a model class, in declaration order (read once per class)."""
    return tuple(
        Spec(f.name, f.metadata["shape"], f.metadata["min_items"], _required(f))
        for f in fields(cls)
        if "shape" in f.metadata
    )


def _required(item: Any) -> bool:
    return item.default is NO_DEFAULT and item.default_factory is NO_DEFAULT


def build_catalogue(
    data: object, source: str = "<catalogue>"
) -> tuple[Catalogue | None, list[Problem], list[Problem]]:
    """Check parsed catalogue data.

    Returns the Catalogue (None when there are problems), every problem and every warning.
    """
    problems = Problems()
    read = _Reader(problems)
    values = _record(read, Catalogue, data, "")
    if isinstance(data, dict):
        _check_links(problems, data)
    questions = values["questions"] if values else []
    for kind in (kind for kind in QUESTION_KINDS.values() if kind.single):
        for index in [i for i, q in enumerate(questions) if q.kind is kind][1:]:
            problems.add(f"questions[{index}].kind", "problem_one_of_kind", kind=kind.name)
    if problems.items or values is None:
        return None, problems.items, problems.warnings
    return Catalogue(**values, source=source), [], problems.warnings


def _record(
    read: _Reader, cls: type, value: object, path: str, kind: QuestionKind | None = None
) -> dict[str, Any] | None:
    """The fields of one ``cls`` record, checked shape by shape; None if any is wrong.

    An option's fields depend on its question's ``kind``.
    """
    declared = specs(cls)
    required = [spec.name for spec in declared if spec.required]
    optional = [spec.name for spec in declared if not spec.required]
    if kind is not None:
        required += kind.option_fields
        optional = list(kind.optional_option_fields)
    data = read.mapping(value, path, required=required, optional=optional)
    if data is None:
        return None
    allowed = {*required, *optional}
    values: dict[str, Any] = {}
    complete = all(name in data for name in required)
    # A question's kind decides its options' fields, so it is read first.
    for spec in sorted(declared, key=lambda spec: spec.shape != "kind"):
        if spec.name not in data or spec.name not in allowed:
            continue
        if spec.shape == "options" and "kind" in data and "kind" not in values:
            complete = False  # an unknown kind: its options cannot be checked
            continue
        where = f"{path}.{spec.name}" if path else spec.name
        found = _SHAPES[spec.shape](read, data[spec.name], where, spec, values)
        if found is None:
            complete = False
        else:
            values[spec.name] = found
    return values if complete else None


Shape = Callable[["_Reader", object, str, Spec, Mapping[str, Any]], Any]


def _records(cls: type, item: str) -> Shape:
    """The shape of a list of ``cls`` records whose ids must be unique (``item`` names one)."""

    def read_list(
        read: _Reader, value: object, path: str, spec: Spec, near: Mapping[str, Any]
    ) -> tuple[Any, ...]:
        kind = near.get("kind", TRAIT) if cls is Option else None
        records = read.items(
            value, path, lambda v, p: _build(read, cls, v, p, kind), spec.min_items
        )
        read.unique(value, path, item)
        if cls is Trait:  # weights and profiles name these
            read.traits = {trait.id for trait in records}
        return tuple(records)

    return read_list


def _build(read: _Reader, cls: type, value: object, path: str, kind: QuestionKind | None) -> Any:
    values = _record(read, cls, value, path, kind)
    return None if values is None else cls(**values)


def _option_id(
    read: _Reader, value: object, path: str, spec: Spec, near: Mapping[str, Any]
) -> str | None:
    ident = read.identifier(value, path)
    if ident in RESERVED_OPTION_IDS:
        read.problems.add(path, "problem_reserved_id", id=ident)
        return None
    return ident


def _profile(
    read: _Reader, value: object, path: str, spec: Spec, near: Mapping[str, Any]
) -> dict[str, float] | None:
    """A role's trait weights, as shares summing to 1."""
    weights = read.weights(value, path, read.traits)
    if weights is None:
        return None
    total = sum(weights.values())
    if total <= 0:
        read.problems.add(path, "problem_zero_profile")
        return None
    return {trait: weight / total for trait, weight in weights.items()}


def _one_of(allowed: tuple[str, ...]) -> Shape:
    def choice(
        read: _Reader, value: object, path: str, spec: Spec, near: Mapping[str, Any]
    ) -> str | None:
        if value in allowed:
            return str(value)
        found = repr(value)
        read.problems.add(path, "problem_one_of_found", allowed=", ".join(allowed), value=found)
        return None

    return choice


def _kind_of(
    read: _Reader, value: object, path: str, spec: Spec, near: Mapping[str, Any]
) -> QuestionKind | None:
    kind = QUESTION_KINDS.get(value) if isinstance(value, str) else None
    if kind is None:
        read.problems.add(path, "problem_one_of", allowed=", ".join(QUESTION_KINDS))
    return kind


def _years(
    read: _Reader, value: object, path: str, spec: Spec, near: Mapping[str, Any]
) -> Years | None:
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


def _flag(
    read: _Reader, value: object, path: str, spec: Spec, near: Mapping[str, Any]
) -> bool | None:
    if isinstance(value, bool):
        return value
    read.problems.add(path, "problem_one_of_found", allowed="true, false", value=repr(value))
    return None


# Every shape a model field may declare, and how it is checked.
def _method(name: str) -> Shape:
    return lambda read, value, path, spec, near: getattr(read, name)(value, path)


def _each_method(name: str) -> Shape:
    return lambda read, value, path, spec, near: tuple(
        read.items(value, path, getattr(read, name), spec.min_items)
    )


_SHAPES: dict[str, Shape] = {
    "id": _method("identifier"),
    "option-id": _option_id,
    "ids": _each_method("identifier"),
    "string": _method("string"),
    "text": _method("text"),
    "texts": _each_method("text"),
    "weights": lambda read, value, path, spec, near: read.weights(value, path, read.traits),
    "profile": _profile,
    "level": _one_of(LEVELS),
    "outlook": _one_of(OUTLOOKS),
    "source": _one_of(SOURCES),
    "flag": _flag,
    "years": _years,
    "kind": _kind_of,
    "traits": _records(Trait, "problem_item_trait"),
    "roles": _records(Role, "problem_item_role"),
    "questions": _records(Question, "problem_item_question"),
    "options": _records(Option, "problem_item_option"),
}


def _check_links(problems: Problems, top: dict[str, Any]) -> None:
    """Every related role and every fitting role must be a role of the file; checked on the raw
    data, so that a role refused for some other problem still counts and is still checked."""
    raw_roles = _listed(top.get("roles"))
    ids = (r.get("id") for r in raw_roles if isinstance(r, dict))
    known = {ident for ident in ids if isinstance(ident, str)}  # a list as an id: reported already
    for index, role in enumerate(raw_roles):
        related = role.get("related") if isinstance(role, dict) else None
        for position, other in enumerate(_listed(related)):
            where = f"roles[{index}].related[{position}]"
            if isinstance(other, str) and other not in known:
                problems.add(where, "problem_unknown_role", role=other)
            elif other == role.get("id"):
                problems.add(where, "problem_related_to_itself")
    for qi, raw_q in enumerate(_listed(top.get("questions"))):
        raw_options = raw_q.get("options") if isinstance(raw_q, dict) else None
        for oi, raw_o in enumerate(_listed(raw_options)):
            for key in ("fits", "against"):
                roles = raw_o.get(key) if isinstance(raw_o, dict) else None
                for fi, other in enumerate(_listed(roles)):
                    if isinstance(other, str) and other not in known:
                        where = f"questions[{qi}].options[{oi}].{key}[{fi}]"
                        problems.add(where, "problem_unknown_role", role=other)


def _listed(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def json_schema() -> dict[str, Any]:
    """The catalogue format as a JSON Schema (draft 2020-12), for editors to check as you type.

    Written from the same declaration as the checks above. It describes the shape; the checks
    also cover what a schema cannot say (unique ids, related roles and weights that name real
    ones, hidden characters, one question of a single kind).
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "rolefinder catalogue",
        **_object(Catalogue),
    }


def _object(cls: type, kind: QuestionKind | None = None) -> dict[str, Any]:
    """A record's schema; ``kind`` is the question's kind for a question and its options."""
    declared = specs(cls)
    required = [spec.name for spec in declared if spec.required]
    allowed = [spec.name for spec in declared]
    if cls is Option and kind is not None:
        required += kind.option_fields
        allowed = [*required, *kind.optional_option_fields]
    if cls is Question and kind is not None and kind is not _default(Question, "kind"):
        required.append("kind")  # only the default kind may go unnamed
    return {
        "type": "object",
        "properties": {spec.name: _schema(spec, kind) for spec in declared if spec.name in allowed},
        "required": required,
        "additionalProperties": False,
    }


def _schema(spec: Spec, kind: QuestionKind | None = None) -> dict[str, Any]:
    """The JSON Schema of one field (of a question of ``kind``, or its options)."""
    ident = {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$"}
    text = {
        "type": "object",
        "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGS},
        "minProperties": 1,
        "additionalProperties": False,
    }
    weights = {"type": "object", "additionalProperties": {"type": "number", "minimum": 0}}

    def array(items: dict[str, Any]) -> dict[str, Any]:
        bound = {"minItems": spec.min_items} if spec.min_items else {}
        return {"type": "array", "items": items, **bound}

    records = {
        "traits": lambda: array(_object(Trait)),
        "roles": lambda: array(_object(Role)),
        # One variant per kind: the kind decides its options' fields.
        "questions": lambda: array(
            {"oneOf": [_object(Question, k) for k in QUESTION_KINDS.values()]}
        ),
        "options": lambda: array(_object(Option, kind)),
    }
    if spec.shape in records:
        return records[spec.shape]()
    simple: dict[str, dict[str, Any]] = {
        "id": ident,
        "option-id": {**ident, "not": {"enum": sorted(RESERVED_OPTION_IDS)}},
        "ids": array(ident),
        "string": {"type": "string"},
        "text": text,
        "texts": array(text),
        "weights": weights,
        "profile": weights,
        "level": {"enum": list(LEVELS)},
        "outlook": {"enum": list(OUTLOOKS)},
        "source": {"enum": list(SOURCES)},
        "flag": {"type": "boolean"},
        "kind": {"const": kind.name} if kind else {"enum": list(QUESTION_KINDS)},
        "years": {
            "type": "object",
            "properties": {
                "min": {"type": "integer", "minimum": 0},
                "max": {"type": "integer", "minimum": 0},
            },
            "required": ["min"],
            "additionalProperties": False,
        },
    }
    return simple[spec.shape]


def _default(cls: type, name: str) -> Any:
    return next(f.default for f in fields(cls) if f.name == name)
