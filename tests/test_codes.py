"""Result codes: short, reproduce the result, refuse typos, old codes and other catalogues."""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogues import MINIMAL
from personas import PERSONAS
from rolefinder import load_catalogue
from rolefinder.assess.codes import (
    ALPHA,
    ALPHABET,
    CHECK_CONSTANTS,
    VERSION,
    _damm,
    _step,
    _times,
    code_length,
    decode,
    encode,
    fingerprint,
)
from rolefinder.catalogue.model import SKIP, Text
from rolefinder.cli.app import app
from rolefinder.cli.base import World
from rolefinder.errors import CodeError
from rolefinder.words.languages import LANGS

NO_TERMINAL = World(interactive=False)


@pytest.mark.parametrize("role_id", sorted(PERSONAS))
def test_result_reproduces_the_matches_of_the_run_that_printed_the_code(runner, tmp_path, role_id):
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text(yaml.safe_dump(PERSONAS[role_id]), "utf-8")
    first = json.loads(
        runner.invoke(app, ["quiz", "-a", str(sheet), "--json"], obj=NO_TERMINAL).stdout
    )
    again = runner.invoke(app, ["result", first["code"], "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["matches"] == first["matches"]


def refusal(catalogue, code: str) -> str:
    """The CodeError key decoding ``code`` gives (the test fails if it decodes)."""
    with pytest.raises(CodeError) as refused:
        decode(catalogue, code)
    return refused.value.key


def test_every_code_of_a_catalogue_has_the_same_length(catalogue):
    chooser = random.Random(11)
    sheets = [
        {},
        {q.id: SKIP for q in catalogue.questions},
        {q.id: q.options[0].id for q in catalogue.questions},
        {q.id: q.options[-1].id for q in catalogue.questions},
        *PERSONAS.values(),
        *(
            {q.id: chooser.choice([*(o.id for o in q.options), SKIP]) for q in catalogue.questions}
            for _ in range(50)
        ),
    ]
    for sheet, lang in itertools.product(sheets, LANGS):
        code = encode(catalogue, sheet, lang)
        # Version, catalogue, language, the answers to the whole bank, two check characters.
        assert len(code.replace("-", "")) == code_length(catalogue)
        assert all(len(group) == 4 for group in code.split("-")[:-1])
        assert not set(code) & set("ILOU")
    # Up to 31 characters, two wrong characters anywhere are caught too (see codes._check_digits).
    assert code_length(catalogue) <= 31


def test_partial_sheets_round_trip(catalogue):
    chooser = random.Random(3)
    for _ in range(200):
        sheet = {
            q.id: chooser.choice(q.options).id
            for q in catalogue.questions
            if chooser.random() < 0.6
        }
        assert decode(catalogue, encode(catalogue, sheet, "id")) == (sheet, "id")


def test_codes_forgive_case_spaces_and_look_alike_letters(catalogue):
    sheet = PERSONAS["community-manager"]
    code = encode(catalogue, sheet, "en")
    assert decode(catalogue, code.lower().replace("-", " ")).answers == sheet
    assert decode(catalogue, code.replace("0", "O").replace("1", "l")).answers == sheet


def one_character_edits(code: str):
    """Every code one wrong, missing, added or swapped character away from ``code``."""
    for position, char in itertools.product(range(len(code)), ALPHABET):
        if char != code[position]:
            yield code[:position] + char + code[position + 1 :]
    for position in range(len(code)):
        yield code[:position] + code[position + 1 :]
    for position, char in itertools.product(range(len(code) + 1), ALPHABET):
        yield code[:position] + char + code[position:]
    for position in range(len(code) - 1):
        if code[position] != code[position + 1]:
            yield code[:position] + code[position + 1] + code[position] + code[position + 2 :]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_every_single_typo_is_refused(catalogue, data):
    sheet = {}
    for question in catalogue.questions:
        answer = data.draw(st.sampled_from([None, *(o.id for o in question.options), SKIP]))
        if answer is not None:
            sheet[question.id] = answer
    lang = data.draw(st.sampled_from(LANGS))
    code = encode(catalogue, sheet, lang).replace("-", "")
    assert decode(catalogue, code) == (sheet, lang)
    edits = 0
    for edited in one_character_edits(code):
        with pytest.raises(CodeError):
            decode(catalogue, edited)
        edits += 1
    length = len(code)
    assert edits >= 31 * length + length + 32 * (length + 1)  # substitutions, deletions, insertions


def test_two_wrong_characters_anywhere_are_caught(catalogue):
    length = code_length(catalogue)

    def syndrome(digits: list[int]) -> tuple[int, ...]:
        return tuple(_damm(a, digits) for a in CHECK_CONSTANTS)

    # The checks are linear (XOR): what an error does to them does not depend on the code.
    chooser = random.Random(5)
    for _ in range(500):
        x, y = ([chooser.randrange(32) for _ in range(length)] for _ in range(2))
        both = syndrome([p ^ q for p, q in zip(x, y, strict=True)])
        assert both == tuple(s ^ t for s, t in zip(syndrome(x), syndrome(y), strict=True))
    # So every pair of wrong characters, exhaustively: changing position i by e and j by f
    # passes only if e's effect at i equals f's effect at j.
    effects = [
        {syndrome([e if k == i else 0 for k in range(length)]) for e in range(1, 32)}
        for i in range(length)
    ]
    for i, effect in enumerate(effects):
        assert len(effect) == 31 and (0, 0) not in effect  # each single error caught, distinctly
        for other in effects[i + 1 :]:
            assert not effect & other
    # And on a real code, a sample of them through decode.
    code = encode(catalogue, PERSONAS["graphic-designer"], "id").replace("-", "")
    for _ in range(3000):
        i, j = sorted(chooser.sample(range(length), 2))
        a, b = (
            chooser.choice(ALPHABET.replace(code[i], "")),
            chooser.choice(ALPHABET.replace(code[j], "")),
        )
        with pytest.raises(CodeError):
            decode(catalogue, code[:i] + a + code[i + 1 : j] + b + code[j + 1 :])


def test_the_field_and_the_damm_quasigroups_are_what_the_proof_needs():
    elements = range(32)
    # GF(32): multiplication is commutative, associative, distributes over XOR, has inverses,
    # and the powers of ALPHA run through all 31 non-zero elements.
    for x, y in itertools.product(elements, repeat=2):
        assert _times(x, y) == _times(y, x)
    for x, y, z in itertools.product(elements, repeat=3):
        assert _times(_times(x, y), z) == _times(x, _times(y, z))
        assert _times(x, y ^ z) == _times(x, y) ^ _times(x, z)
    assert all(any(_times(x, y) == 1 for y in elements) for x in range(1, 32))
    powers = list(itertools.accumulate(range(30), lambda power, _: _times(power, ALPHA), initial=1))
    assert sorted(powers) == list(range(1, 32))
    assert (ALPHA, _times(ALPHA, ALPHA)) == CHECK_CONSTANTS
    for a in CHECK_CONSTANTS:
        assert a not in (0, 1)
        table = [[_step(a, x, y) for y in elements] for x in elements]
        # A Latin square: every row and every column holds each digit once.
        assert all(sorted(row) == list(elements) for row in table)
        assert all(sorted(column) == list(elements) for column in zip(*table, strict=True))
        # Totally anti-symmetric: (c*x)*y = (c*y)*x only when x = y.
        for c, x, y in itertools.product(elements, repeat=3):
            if x != y:
                assert table[table[c][x]][y] != table[table[c][y]][x]


def test_a_valid_code_ends_both_checks_at_zero(catalogue):
    code = encode(catalogue, PERSONAS["community-manager"], "en").replace("-", "")
    digits = [ALPHABET.index(char) for char in code]
    assert [_damm(a, digits) for a in CHECK_CONSTANTS] == [0, 0]
    assert code[0] == VERSION and code[1:9] == fingerprint(catalogue)


@pytest.mark.parametrize("code", ["", "hello", "DJB", "!!!!-????", "DJBC-WGK7-ZW-ZZZZ"])
def test_a_mangled_code_is_a_clear_error(runner, code):
    result = runner.invoke(app, ["result", code])
    assert result.exit_code == 1
    assert "is not a valid result code" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: code.split("-"),  # rolefinder result 4EZ2 4R0S ... (groups, no quotes)
        lambda code: [code.replace("-", " ")],  # in quotes, with spaces
        lambda code: [code[:13], code[13:]],  # cut anywhere: 4EZ2-4R0S-600 9-3XQJ-...
    ],
    ids=["groups", "quoted", "two halves"],
)
def test_a_code_typed_in_words_is_one_code(runner, catalogue, typed):
    code = encode(catalogue, PERSONAS["social-media-analyst"], "en")
    shown = runner.invoke(app, ["result", *typed(code), "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["code"] == code


def test_a_code_from_another_catalogue_is_refused(runner, tmp_path, catalogue):
    other = tmp_path / "other.yaml"
    other.write_text(MINIMAL, "utf-8")
    code = encode(catalogue, PERSONAS["social-media-admin"], "en")
    result = runner.invoke(app, ["result", code, "--catalogue", str(other)])
    assert result.exit_code == 1
    assert "made with another catalogue" in result.stderr


def test_the_code_is_shown_under_the_result_and_in_json(runner, tmp_path, catalogue):
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text(yaml.safe_dump(PERSONAS["head-of-marketing"]), "utf-8")
    screen = runner.invoke(app, ["quiz", "-a", str(sheet)], obj=NO_TERMINAL).stdout
    code = encode(catalogue, PERSONAS["head-of-marketing"], "en")
    assert f"Result code {code}" in screen and f"rolefinder result {code} --explain" in screen


def test_result_speaks_indonesian_and_saves(runner, tmp_path, catalogue):
    code = encode(catalogue, PERSONAS["graphic-designer"], "en")
    target = tmp_path / "card.md"
    result = runner.invoke(app, ["result", code, "--lang", "id", "--save", str(target)])
    assert result.exit_code == 0
    assert "Paling cocok: Graphic Designer" in result.stdout  # job titles stay in English
    assert "Paling cocok: Graphic Designer" in target.read_text("utf-8")


def test_a_result_comes_back_in_the_language_it_was_taken_in(runner, catalogue):
    code = encode(catalogue, PERSONAS["graphic-designer"], "id")
    assert "Paling cocok" in runner.invoke(app, ["result", code]).stdout
    assert (
        "Best fit: Graphic Designer" in runner.invoke(app, ["result", code, "--lang", "en"]).stdout
    )
    assert (
        "Best fit: Graphic Designer" in runner.invoke(app, ["--lang", "en", "result", code]).stdout
    )


@pytest.mark.parametrize(("taken", "shown"), [("id", "en"), ("en", "id")])
@pytest.mark.parametrize("output", ["screen", "json", "card"])
def test_a_code_shown_in_another_language_reprints_as_typed(
    runner, tmp_path, catalogue, taken, shown, output
):
    code = encode(catalogue, PERSONAS["graphic-designer"], taken)
    card = tmp_path / "card.md"
    extra = {"screen": [], "json": ["--json"], "card": ["--save", str(card)]}[output]
    result = runner.invoke(app, ["result", code, "--lang", shown, *extra])
    assert result.exit_code == 0, result.output
    printed = {
        "screen": lambda: result.stdout,
        "json": lambda: json.loads(result.stdout)["code"],
        "card": lambda: card.read_text("utf-8"),
    }[output]()
    assert code in printed
    assert encode(catalogue, PERSONAS["graphic-designer"], shown) not in printed
    if output != "json":  # the command shown keeps the code and passes the language
        assert f"rolefinder result {code} --lang {shown}" in printed


# Codes of the shipped catalogue in the layouts before 4, as printed then (they cannot be made
# any more): 1.2 development layouts 2 and 3 (recorded by blind personas, and the README's old
# sample), and 1.1's, which had no version character.
OLD_CODES = [
    "2THE-1XV4-7CH9-RPAG-VCC2-1",
    "3THE-11XV-47CH-9RPA-GVCC-2N",
    "3THE-01V8-HVFR-5QK1-5504-39",
    "3the 01v8 hvfr 5qk1 5504 39",
    "DJBN-4W11-QJ",
]


@pytest.mark.parametrize("code", OLD_CODES)
def test_codes_of_older_layouts_are_refused_as_old(catalogue, code):
    assert refusal(catalogue, code) == "code_old_version"


def test_an_old_code_tells_the_user_to_take_the_quiz_again(runner):
    result = runner.invoke(app, ["result", OLD_CODES[0]])
    assert result.exit_code == 1
    assert "comes from an older rolefinder" in result.stderr


def test_a_new_code_with_a_wrong_first_character_is_a_typo_not_an_old_code(catalogue):
    code = encode(catalogue, PERSONAS["graphic-designer"], "en")
    for char in ("2", "3", "D", "Z"):
        assert refusal(catalogue, char + code[1:]) == "code_mangled"


def test_an_edit_that_changes_scoring_refuses_the_old_codes(catalogue):
    assert len(fingerprint(catalogue)) == 8 and set(fingerprint(catalogue)) <= set(ALPHABET)
    sheet = PERSONAS["graphic-designer"]
    code = encode(catalogue, sheet, "en")
    role = catalogue.roles[0]
    first, second, *_ = role.profile  # five points of share moved from one trait to another
    profile = {
        **role.profile,
        first: role.profile[first] - 0.05,
        second: role.profile[second] + 0.05,
    }
    question = catalogue.questions[0]
    option = question.options[0]
    trait = next(iter(option.weights))
    weights = {**option.weights, trait: option.weights[trait] + 0.5}
    edits = [
        dataclasses.replace(
            catalogue,
            roles=(dataclasses.replace(role, profile=profile), *catalogue.roles[1:]),
        ),
        dataclasses.replace(
            catalogue,
            questions=(
                dataclasses.replace(
                    question,
                    options=(dataclasses.replace(option, weights=weights), *question.options[1:]),
                ),
                *catalogue.questions[1:],
            ),
        ),
    ]
    for edited in edits:
        assert fingerprint(edited) != fingerprint(catalogue)
        assert refusal(edited, code) == "code_other_catalogue"
        assert decode(edited, encode(edited, sheet, "en")).answers == sheet
    # Wording is not scoring: a renamed role keeps the codes.
    renamed = dataclasses.replace(role, name=Text({**role.name.texts, "en": "Someone Else"}))
    reworded = dataclasses.replace(catalogue, roles=(renamed, *catalogue.roles[1:]))
    assert decode(reworded, code).answers == sheet


def test_a_code_of_a_smaller_catalogue_is_another_catalogue_not_a_typo(tmp_path, catalogue):
    other = tmp_path / "other.yaml"
    other.write_text(MINIMAL, "utf-8")
    code = encode(load_catalogue(other), {}, "en")
    assert len(code.replace("-", "")) != code_length(catalogue)  # the fingerprint is read first
    assert refusal(catalogue, code) == "code_other_catalogue"


def test_the_readme_shows_codes_that_read(catalogue):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    codes = set(re.findall(rf"(?<![-0-9A-Z]){VERSION}[0-9A-Z]{{3}}(?:-[0-9A-Z]{{1,4}})+\b", readme))
    assert codes, "the README shows no result code of the current layout"
    for code in codes:
        assert len(code.replace("-", "")) == code_length(catalogue)
        decode(catalogue, code)
