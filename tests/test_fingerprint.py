"""The catalogue fingerprint in result codes: every fact counts, wording does not, and the codes
and history entries of layout 4 (1.2) keep opening.

The fields come from the model itself (every field of every class a catalogue holds), so a
field added later is checked here without anyone listing it.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import typing
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from personas import PERSONAS
from rolefinder.assess.codes import (
    ALPHABET,
    DISPLAY_ONLY,
    PREVIOUS,
    VERSION,
    Coder,
    _fingerprint_4,
    decode,
    encode,
    fingerprint,
)
from rolefinder.assess.engine import rank
from rolefinder.catalogue.model import EXPERIENCE, TRAIT, Catalogue, QuestionKind, Text, Years
from rolefinder.cli.app import app
from rolefinder.errors import CodeError
from rolefinder.history import store as history
from rolefinder.words.languages import LANGS, Lang

SOURCE = Path(__file__).resolve().parents[1] / "src" / "rolefinder"
WORDING = (Text, tuple[Text, ...])  # a text to show, alone or as a list: never scored
OPTIONAL_TEXT = Text | None  # counts only by being there (a role's junior form)


def model_classes() -> list[type]:
    """Every dataclass a catalogue holds, found from Catalogue's type hints down."""
    found: list[type] = []
    todo: list[Any] = [Catalogue]
    while todo:
        hint = todo.pop(0)
        todo += typing.get_args(hint)
        if (
            isinstance(hint, type)
            and dataclasses.is_dataclass(hint)
            and hint not in (Text, QuestionKind, *found)
        ):
            found.append(hint)
            todo += typing.get_type_hints(hint).values()
    return found


FIELDS = [
    (cls, field.name, typing.get_type_hints(cls)[field.name])
    for cls in model_classes()
    for field in dataclasses.fields(cls)
]


def another(value: Any, hint: Any) -> Any:
    """A value of type ``hint`` that differs from ``value``."""
    if value is None:  # an optional field left out: give it one
        kind = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        return {Years: Years(1, 2), Text: Text.same("x"), str: "sure", int: 9}[kind]
    if hint == OPTIONAL_TEXT:
        return None  # there, then gone: the presence is what counts
    if isinstance(value, Text):
        return Text({lang: text + " (reworded)" for lang, text in value.texts.items()})
    if isinstance(value, QuestionKind):
        return EXPERIENCE if value is TRAIT else TRAIT
    if isinstance(value, Years):
        return dataclasses.replace(value, min=value.min + 1)
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + "-x"
    if isinstance(value, Mapping):
        return {**value, "x": 0.25}
    if isinstance(value, tuple):
        element = typing.get_args(hint)[0]
        return (*value, value[-1] if value else {str: "x", Text: Text.same("x")}[element])
    raise AssertionError(f"teach another() a {type(value).__name__}")


def edited(value: Any, cls: type, change: Callable[[Any], Any]) -> tuple[Any, bool]:
    """``value`` with the first ``cls`` in it (depth first, in file order) replaced by
    ``change`` of it, and whether there was one."""
    if isinstance(value, cls):
        return change(value), True
    if isinstance(value, tuple):
        for place, item in enumerate(value):
            new, found = edited(item, cls, change)
            if found:
                return (*value[:place], new, *value[place + 1 :]), True
    elif dataclasses.is_dataclass(value) and not isinstance(value, (type, Text, QuestionKind)):
        for field in dataclasses.fields(value):
            new, found = edited(getattr(value, field.name), cls, change)
            if found:
                return dataclasses.replace(value, **{field.name: new}), True
    return value, False


def counts(cls: type, name: str, hint: Any) -> bool:
    """Whether changing this field must change the fingerprint."""
    return f"{cls.__name__}.{name}" not in DISPLAY_ONLY and hint not in WORDING


def test_the_model_is_walked_whole():
    names = {cls.__name__ for cls in model_classes()}
    assert names == {"Catalogue", "Trait", "Role", "Years", "Question", "Option"}
    fields = {f"{cls.__name__}.{name}" for cls, name, _ in FIELDS}
    assert set(DISPLAY_ONLY) <= fields  # no reason kept for a field that is gone


@pytest.mark.parametrize(
    ("cls", "name", "hint"), FIELDS, ids=[f"{c.__name__}.{n}" for c, n, _ in FIELDS]
)
def test_every_fact_of_the_catalogue_changes_the_fingerprint(catalogue, cls, name, hint):
    """Each field of the model, changed in the first object that has it: the fingerprint
    changes, unless the field is wording or DISPLAY_ONLY. On 1.2 the years (a role's, an
    answer's), related roles, sources and outlook answers did not change it."""

    def change(found: Any) -> Any:
        return dataclasses.replace(found, **{name: another(getattr(found, name), hint)})

    changed, found = edited(catalogue, cls, change)
    assert found, f"the shipped catalogue has no {cls.__name__}"
    assert (fingerprint(changed) != fingerprint(catalogue)) is counts(cls, name, hint)


def fields_read(module: str) -> set[str]:
    """The names of every attribute ``module`` reads (model fields among them)."""
    tree = ast.parse((SOURCE / f"{module}.py").read_text("utf-8"))
    return {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}


@pytest.mark.parametrize("module", ["assess/engine", "assess/explain"])
def test_scoring_reads_only_fields_the_fingerprint_counts(module):
    """What the engine and the explanations read decides a result: each such field counts
    (an optional text by its presence). Reading a DISPLAY_ONLY field or wording here would
    make an edit the fingerprint cannot see change a result."""
    read = fields_read(module)
    uncounted = [
        f"{cls.__name__}.{name}"
        for cls, name, hint in FIELDS
        if name in read and not counts(cls, name, hint)
    ]
    assert uncounted == []


def test_the_result_shows_no_fact_the_fingerprint_leaves_out():
    """The result's words (report, compare) may show wording and what DISPLAY_ONLY names,
    and nothing else the fingerprint leaves out: the years a result shows count."""
    read = fields_read("present/report") | fields_read("present/compare")
    assert {"years", "source", "related", "outlook"} <= read  # the test sees what it checks
    shown = {f"{cls.__name__}.{name}" for cls, name, hint in FIELDS if name in read}
    left_out = {f"{c.__name__}.{n}" for c, n, h in FIELDS if not counts(c, n, h)}
    wording = {f"{c.__name__}.{n}" for c, n, h in FIELDS if h in WORDING}
    assert shown & left_out <= wording | set(DISPLAY_ONLY)


def years_edited(catalogue: Catalogue) -> Catalogue:
    """The catalogue with only the years of its first role that gives them changed."""
    role = next(role for role in catalogue.roles if role.years is not None)
    more = dataclasses.replace(role, years=Years(role.years.min + 4, None))
    roles = tuple(more if r is role else r for r in catalogue.roles)
    return dataclasses.replace(catalogue, roles=roles)


def test_an_edit_of_only_years_refuses_the_codes_made_before_it(catalogue):
    code = encode(catalogue, PERSONAS["graphic-designer"], "en")
    with pytest.raises(CodeError) as refused:
        decode(years_edited(catalogue), code)
    assert refused.value.key == "code_other_catalogue"


def layout_4(catalogue: Catalogue, sheet: Mapping[str, str], lang: Lang = "en") -> str:
    """The code 1.2 printed for ``sheet``: layout 5 with the version and fingerprint of 4 (the
    check characters worked out over them, as 1.2 did)."""
    coder = Coder(catalogue)
    coder._head = [ALPHABET.index(char) for char in PREVIOUS + _fingerprint_4(catalogue)]
    return coder.encode(sheet, lang)


OLD_README_CODE = "4EZ2-4R0S-6002-8ZDW-G3B0-9TKA-9HCT-8"  # the README's sample in 1.2


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role_id", sorted(PERSONAS))
def test_every_code_1_2_printed_reads_as_it_did(catalogue, role_id, lang):
    decoded = decode(catalogue, layout_4(catalogue, PERSONAS[role_id], lang))
    assert decoded.answers == PERSONAS[role_id] and decoded.lang == lang


def test_a_code_saved_by_1_2_still_opens(catalogue):
    assert VERSION != PREVIOUS == OLD_README_CODE[0]
    assert layout_4(catalogue, PERSONAS["graphic-designer"]) == OLD_README_CODE
    decoded = decode(catalogue, OLD_README_CODE)
    assert decoded.answers == PERSONAS["graphic-designer"] and decoded.lang == "en"
    new = encode(catalogue, decoded.answers, "en")
    assert new[0] == VERSION and new != OLD_README_CODE
    # 1.2's fingerprint is kept as it was: it still refuses what it always refused.
    first = catalogue.roles[0]
    profile = dict(reversed(list(first.profile.items())))
    profile = {trait: 1.0 if i == 0 else 0.0 for i, trait in enumerate(profile)}
    rescored = dataclasses.replace(first, profile=profile)
    other = dataclasses.replace(catalogue, roles=(rescored, *catalogue.roles[1:]))
    with pytest.raises(CodeError) as refused:
        decode(other, OLD_README_CODE)
    assert refused.value.key == "code_other_catalogue"
    # The limit the README states: an edit of only years is not seen by a 1.2 code.
    assert decode(years_edited(catalogue), OLD_README_CODE).answers == decoded.answers


def test_a_1_2_code_with_a_typo_is_still_a_typo(catalogue):
    for typo in ("5" + OLD_README_CODE[1:], OLD_README_CODE[:-1] + "9"):
        with pytest.raises(CodeError) as refused:
            decode(catalogue, typo)
        assert refused.value.key == "code_mangled"


def test_result_and_compare_read_codes_of_both_layouts(runner, catalogue):
    new = encode(catalogue, PERSONAS["social-media-analyst"], "en")
    shown = runner.invoke(app, ["result", OLD_README_CODE, "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.stdout)
    assert data["matches"][0]["id"] == "graphic-designer"
    assert data["code"] == encode(catalogue, PERSONAS["graphic-designer"], "en")  # its new code
    compared = runner.invoke(app, ["compare", OLD_README_CODE, new, "--json"])
    assert compared.exit_code == 0, compared.output
    sides = json.loads(compared.stdout)
    assert sides["a"]["answers"] == PERSONAS["graphic-designer"]
    assert sides["b"]["answers"] == PERSONAS["social-media-analyst"]


@pytest.fixture
def kept_by_1_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue) -> Iterator[None]:
    """A history whose #1 was kept by 1.2 (its fingerprint and code) and #2 by now."""
    monkeypatch.setenv(history.HISTORY_ENV, str(tmp_path / "history.sqlite3"))
    for sheet, mark, code in [
        (PERSONAS["graphic-designer"], _fingerprint_4(catalogue), OLD_README_CODE),
        (
            PERSONAS["social-media-analyst"],
            fingerprint(catalogue),
            encode(catalogue, PERSONAS["social-media-analyst"], "en"),
        ),
    ]:
        top = [(m.id, m.fit) for m in rank(catalogue, sheet).listed[:3]]
        problem = history.record(lang="en", fingerprint=mark, answers=sheet, top=top, code=code)
        assert problem is None
    yield


def test_history_entries_kept_by_1_2_still_belong_to_the_catalogue(runner, kept_by_1_2):
    listed = runner.invoke(app, ["history", "--json"])
    assert listed.exit_code == 0, listed.output
    assert [entry["catalogue"]["current"] for entry in json.loads(listed.stdout)] == [True, True]
    table = runner.invoke(app, ["history"], env={"COLUMNS": "100", "TERM": "xterm"})
    assert table.exit_code == 0, table.output
    assert "*" not in table.stdout and "another catalogue" not in table.stdout
    compared = runner.invoke(app, ["compare", "1", "last", "--json"])
    assert compared.exit_code == 0, compared.output
    assert json.loads(compared.stdout)["a"]["answers"] == PERSONAS["graphic-designer"]
