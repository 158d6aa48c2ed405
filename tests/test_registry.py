"""What is registered in more than one place is registered in all of them.

Output formats (cards.CARDS), languages (languages.LANGS) and commands (cli.app) each have one
table in the code, and everything that can be derived from it is. What cannot (the README, the
messages a translator writes, the formats' first bytes) is checked here, so that adding a
writer, a language or a command in only one place fails with a message naming the others.
The README's "Where to add things" walks through each addition.
"""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from helpers import MESSAGES
from rolefinder.assess.codes import ALPHABET
from rolefinder.catalogue.load import check_catalogue, shipped_catalogue_path
from rolefinder.cli.app import app
from rolefinder.present.cards import CARDS
from rolefinder.words.languages import ALIASES, FALLBACK, LANGS, NUMBER_MARKS, Lang

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
COMMANDS = get_command(app).commands  # type: ignore[attr-defined]

# The first characters of each format's file: a new writer needs a row here too.
SIGNATURES = {".json": "{", ".md": "# ", ".html": "<!DOCTYPE html>", ".svg": "<?xml"}


# Output formats -----------------------------------------------------------------------------


def test_every_writer_has_a_signature_here():
    assert set(SIGNATURES) == set(CARDS), "add the new format's first characters to SIGNATURES"


@pytest.mark.parametrize("kind", sorted(CARDS))
def test_every_writer_writes_its_format(kind, tmp_path, runner):
    from personas import PERSONAS

    sheet = tmp_path / "sheet.json"
    sheet.write_text(json.dumps(PERSONAS["graphic-designer"]), "utf-8")
    target = tmp_path / f"result{kind}"
    done = runner.invoke(app, ["quiz", "--answers", str(sheet), "--save", str(target)])
    assert done.exit_code == 0, done.output
    assert target.read_text("utf-8").startswith(SIGNATURES[kind])


def test_the_readme_names_every_writer():
    saving = README[README.index("**Saving a result.**") :].split("\n\n")[0]
    named = set(re.findall(r"`(\.[a-z]+)`", saving))
    assert named == set(CARDS), "the README's 'Saving a result' paragraph lists the formats"


def test_the_save_help_names_every_writer(runner):
    shown = runner.invoke(app, ["quiz", "--help"]).stdout
    for kind in CARDS:
        assert kind in shown


# Languages ----------------------------------------------------------------------------------


def test_the_language_type_and_list_agree():
    assert set(typing.get_args(Lang)) == set(LANGS)
    assert FALLBACK in LANGS
    assert set(NUMBER_MARKS) == set(LANGS), "languages.NUMBER_MARKS needs the new language"
    assert set(ALIASES.values()) <= set(LANGS)
    assert len(LANGS) <= len(ALPHABET), "a result code keeps the language in one character"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_is_in_every_language(key):
    assert set(MESSAGES[key]) == set(LANGS), f"MESSAGES[{key!r}] needs a text for each of LANGS"
    assert all(text.strip() for text in MESSAGES[key].values())


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_its_name_in_problems(lang):
    assert f"problem_lang_{lang}" in MESSAGES


def test_a_language_being_added_is_named_by_its_code_until_it_has_a_name(monkeypatch, tmp_path):
    # Adding a language, its code comes before its name in the .po files: the checker's warning
    # about texts that lack it must name it by the code, not fail.
    from rolefinder.catalogue import schema

    monkeypatch.setattr(schema, "LANGS", (*LANGS, "xx"))
    copy = tmp_path / "roles.yaml"  # not the cached file: this one is checked
    copy.write_text(shipped_catalogue_path().read_text("utf-8") + "\n# a copy\n", "utf-8")
    report = check_catalogue(copy)
    missing = [w for w in report.warnings if w.key == "problem_one_language"]
    assert missing, "every text lacks the new language"
    for lang in LANGS:
        assert missing[0].text(lang).count("xx") == 1, missing[0].text(lang)


def test_every_catalogue_text_is_in_every_language():
    report = check_catalogue()
    one_language = [w for w in report.warnings if w.key == "problem_one_language"]
    assert report.catalogue is not None
    assert not one_language, "data/roles.yaml needs the new language's text"


@pytest.mark.parametrize("command", ["quiz", "result", "compare"])
def test_the_lang_help_names_every_language(command, runner: CliRunner):
    option = next(p for p in COMMANDS[command].params if p.name == "lang")
    assert all(re.search(rf"\b{lang}\b", option.help) for lang in LANGS), option.help


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_can_be_chosen(lang, runner: CliRunner):
    shown = runner.invoke(app, ["--lang", lang, "show", "graphic-designer"])
    assert shown.exit_code == 0, shown.output
    assert MESSAGES["col_level"][lang] in shown.stdout


# Commands -----------------------------------------------------------------------------------


def _named(prefix: str, suffix: str) -> set[str]:
    return {
        k[len(prefix) : len(k) - len(suffix)]
        for k in MESSAGES
        if k.startswith(prefix) and k.endswith(suffix)
    }


def test_every_command_has_its_help_and_examples():
    helps = _named("", "_help") - {"app", "opt"}
    examples = _named("examples_", "") - {"app"}
    assert helps == set(COMMANDS), "each command has '<name>_help' in every words/*.po, no more"
    assert examples == set(COMMANDS), "each command has 'examples_<name>' in every words/*.po"


def test_the_readme_table_lists_exactly_the_commands():
    table = README[README.index("## Commands") : README.index("```console")]
    listed = set(re.findall(r"^\| `rolefinder ([a-z]+)", table, flags=re.M))
    assert listed == set(COMMANDS), "the README's commands table has one row per command"
