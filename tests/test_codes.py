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
        code = encode(catalogue, sheet, "en")
        # Version, catalogue, language, the answers to the whole bank, a check character.
        assert len(code.replace("-", "")) <= 22
        assert not set(code) & set("ILOU")


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


def test_almost_every_typo_is_caught(catalogue):
    code = encode(catalogue, PERSONAS["graphic-designer"], "en").replace("-", "")
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
    assert "Best match" in runner.invoke(app, ["result", code, "--lang", "en"]).stdout
    assert "Best match" in runner.invoke(app, ["--lang", "en", "result", code]).stdout


def test_codes_from_before_the_language_character_still_read(catalogue):
    # 2THE-...: a version-2 code of the shipped catalogue, recorded by a blind persona.
    decoded = decode(catalogue, "2THE-1XV4-7CH9-RPAG-VCC2-1")
    assert decoded.lang is None and decoded.answers["monday"] == "inbox"
