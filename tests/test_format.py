"""The catalogue format is declared once (model.py's fields): the checker and the JSON Schema
must say the same thing about every field of it.

The cases are made from the declaration itself, so a field added to the model is covered here
without a new test: each is taken away, given a value of the wrong kind, or joined by a field
the format does not have, and both the checker and the JSON Schema must refuse the file.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from rolefinder.catalogue.model import QUESTION_KINDS, Catalogue, Option, Question, Role, Trait
from rolefinder.catalogue.schema import _SHAPES, build_catalogue, json_schema, specs

jsonschema = pytest.importorskip("jsonschema")

SHIPPED = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "data" / "roles.yaml").read_text("utf-8")
)
RECORDS = (Catalogue, Trait, Role, Question, Option)


def schema_accepts(data: Any) -> bool:
    return jsonschema.Draft202012Validator(json_schema()).is_valid(data)


def checker_accepts(data: Any) -> bool:
    catalogue, problems, _ = build_catalogue(data)
    return catalogue is not None and not problems


def places(data: dict[str, Any]) -> Iterator[tuple[str, type, dict[str, Any], tuple[str, ...]]]:
    """(name, class, the record in ``data``, the fields it may have) for one record of each
    class, and one question and one option of each kind."""
    every = tuple(spec.name for spec in specs(Catalogue))
    yield "catalogue", Catalogue, data, every
    yield "trait", Trait, data["traits"][0], tuple(s.name for s in specs(Trait))
    yield "role", Role, data["roles"][0], tuple(s.name for s in specs(Role))
    for kind in QUESTION_KINDS.values():
        question = next(q for q in data["questions"] if q.get("kind", "trait") == kind.name)
        yield f"{kind.name} question", Question, question, tuple(s.name for s in specs(Question))
        fields = ("id", "text", *kind.option_fields, *kind.optional_option_fields)
        yield f"{kind.name} option", Option, question["options"][0], fields


def cases() -> Iterator[Any]:
    for index, (name, cls, _, allowed) in enumerate(places(SHIPPED)):
        required = {spec.name for spec in specs(cls) if spec.required}
        if cls is Option:
            kind = QUESTION_KINDS[name.split()[0]]
            required = {"id", "text", *kind.option_fields}
        for field in allowed:
            if field in required:
                yield pytest.param(index, "drop", field, id=f"{name}-without-{field}")
            yield pytest.param(index, "wrong", field, id=f"{name}-{field}-wrong-kind")
        every = {spec.name for spec in specs(cls)}
        for field in sorted(every - set(allowed)) or ["colour"]:
            yield pytest.param(index, "add", field, id=f"{name}-with-{field}")


def wrong_value(value: Any) -> Any:
    """A value of another kind than ``value``'s (a list for a scalar or a mapping, ...)."""
    if isinstance(value, list):
        return {"not": "a list"}
    if isinstance(value, dict):
        return ["not", "a mapping"]
    return [value]


def shipped_value(field: str) -> Any:
    """A value ``field`` has somewhere in the shipped catalogue, to be made the wrong kind: a
    field a record leaves out may be a list (an option's ``against``), not a text."""
    records = [*SHIPPED["roles"], *SHIPPED["questions"]]
    records += [o for q in SHIPPED["questions"] for o in q["options"]]
    return next((r[field] for r in records if field in r), "text")


@pytest.mark.parametrize(("index", "change", "field"), list(cases()))
def test_the_checker_and_the_schema_refuse_the_same_shapes(index, change, field):
    data = copy.deepcopy(SHIPPED)
    name, _, record, _ = list(places(data))[index]
    if change == "drop":
        del record[field]
    elif change == "wrong":
        record[field] = wrong_value(record[field] if field in record else shipped_value(field))
    else:
        record[field] = record.get(field, "x") if field in record else "x"
    assert not checker_accepts(data), f"the checker takes {name} after {change} {field}"
    assert not schema_accepts(data), f"the JSON Schema takes {name} after {change} {field}"


def test_both_take_the_shipped_catalogue():
    assert checker_accepts(SHIPPED)
    assert schema_accepts(SHIPPED)


def test_a_trait_option_needs_weights_in_both():
    data = copy.deepcopy(SHIPPED)
    question = next(q for q in data["questions"] if "kind" not in q)
    del question["options"][0]["weights"]
    assert not checker_accepts(data)
    assert not schema_accepts(data)


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_every_declared_shape_has_a_check_and_a_schema(cls):
    declared = specs(cls)
    assert declared, f"{cls.__name__} declares no file fields"
    for spec in declared:
        assert spec.shape in _SHAPES, f"{cls.__name__}.{spec.name}: unknown shape {spec.shape}"
    properties = {f.name for f in dataclasses.fields(cls) if "shape" in f.metadata}
    assert properties == {spec.name for spec in declared}


def test_the_schema_lists_exactly_the_declared_fields():
    schema = json_schema()
    assert set(schema["properties"]) == {spec.name for spec in specs(Catalogue)}
    assert set(schema["required"]) == {spec.name for spec in specs(Catalogue) if spec.required}
    role = schema["properties"]["roles"]["items"]
    assert set(role["properties"]) == {spec.name for spec in specs(Role)}
    variants = schema["properties"]["questions"]["items"]["oneOf"]
    assert [v["properties"]["kind"]["const"] for v in variants] == list(QUESTION_KINDS)
