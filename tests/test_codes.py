"""Result codes: short, reproduce the result, refuse typos and other catalogues."""

from __future__ import annotations

import json
import random

import pytest
import yaml

from catalogues import MINIMAL
from personas import PERSONAS
from rolefinder.cli import World, app
from rolefinder.codes import ALPHABET, decode, encode
from rolefinder.errors import CodeError

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


def test_codes_are_short_and_easy_to_read_out(catalogue):
    for sheet in PERSONAS.values():
        code = encode(catalogue, sheet)
        # Version, catalogue, the answers to a bank of 25 questions, a check character.
        assert len(code.replace("-", "")) <= 21
        assert not set(code) & set("ILOU")


def test_partial_sheets_round_trip(catalogue):
    chooser = random.Random(3)
    for _ in range(200):
        sheet = {
            q.id: chooser.choice(q.options).id
            for q in catalogue.questions
            if chooser.random() < 0.6
        }
        assert decode(catalogue, encode(catalogue, sheet)) == sheet


def test_codes_forgive_case_spaces_and_look_alike_letters(catalogue):
    sheet = PERSONAS["community-manager"]
    code = encode(catalogue, sheet)
    assert decode(catalogue, code.lower().replace("-", " ")) == sheet
    assert decode(catalogue, code.replace("0", "O").replace("1", "l")) == sheet


def test_almost_every_typo_is_caught(catalogue):
    code = encode(catalogue, PERSONAS["graphic-designer"]).replace("-", "")
    caught = tried = 0
    for position in range(len(code)):
        for char in ALPHABET:
            if char == code[position]:
                continue
            tried += 1
            try:
                decode(catalogue, code[:position] + char + code[position + 1 :])
            except CodeError:
                caught += 1
    assert caught / tried > 0.99


@pytest.mark.parametrize("code", ["", "hello", "DJB", "!!!!-????", "DJBC-WGK7-ZW-ZZZZ"])
def test_a_mangled_code_is_a_clear_error(runner, code):
    result = runner.invoke(app, ["result", code])
    assert result.exit_code == 1
    assert "is not a valid result code" in result.stderr
    assert "Traceback" not in result.output


def test_a_code_from_another_catalogue_is_refused(runner, tmp_path, catalogue):
    other = tmp_path / "other.yaml"
    other.write_text(MINIMAL, "utf-8")
    code = encode(catalogue, PERSONAS["social-media-admin"])
    result = runner.invoke(app, ["result", code, "--catalogue", str(other)])
    assert result.exit_code == 1
    assert "made with another catalogue" in result.stderr


def test_the_code_is_shown_under_the_result_and_in_json(runner, tmp_path, catalogue):
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text(yaml.safe_dump(PERSONAS["head-of-marketing"]), "utf-8")
    screen = runner.invoke(app, ["quiz", "-a", str(sheet)], obj=NO_TERMINAL).stdout
    code = encode(catalogue, PERSONAS["head-of-marketing"])
    assert f"Result code: {code}" in screen and f"rolefinder result {code}" in screen


def test_result_speaks_indonesian_and_saves(runner, tmp_path, catalogue):
    code = encode(catalogue, PERSONAS["graphic-designer"])
    target = tmp_path / "card.md"
    result = runner.invoke(app, ["result", code, "--lang", "id", "--save", str(target)])
    assert result.exit_code == 0
    assert "Paling cocok: Desainer Grafis" in result.stdout
    assert "Desainer Grafis" in target.read_text("utf-8")
