"""quiz --answers: answer sheets from files or standard input, and --json."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import ScriptedPrompter
from personas import PERSONAS
from rolefinder.cli import World, app
from rolefinder.quiz import CONFIRM

NO_TERMINAL = World(interactive=False)
ANALYST = PERSONAS["social-media-analyst"]


def run(runner, args, sheet_text=None, world=NO_TERMINAL):
    return runner.invoke(app, ["quiz", *args], input=sheet_text, obj=world)


@pytest.fixture
def sheet(tmp_path):
    def write(answers, name="sheet.yaml"):
        path = tmp_path / name
        text = json.dumps(answers) if name.endswith(".json") else yaml.safe_dump(answers)
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def check_document(data, catalogue):
    assert sum(data["profile"].values()) == 100
    figures = [m["match"] for m in data["matches"]]
    assert figures == sorted(figures, reverse=True)
    assert all(0 <= f <= 100 for f in figures)
    assert sorted(m["id"] for m in data["matches"]) == sorted(r.id for r in catalogue.roles)
    for match in data["matches"]:
        assert set(match) >= {"id", "name", "match", "level", "stretch"}
    assert data["catalogue"] == {"source": "roles.yaml", "version": "1.0"}
    assert data["language"] in ("en", "id")


@pytest.mark.parametrize("name", ["sheet.yaml", "sheet.json"])
def test_a_sheet_file_gives_the_documented_json(runner, catalogue, sheet, name):
    result = run(runner, ["--answers", sheet(ANALYST, name), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    check_document(data, catalogue)
    assert data["matches"][0]["id"] == "social-media-analyst"
    assert data["answers"] == ANALYST


def test_a_sheet_on_standard_input(runner, catalogue):
    result = run(runner, ["--answers", "-", "--json"], yaml.safe_dump(ANALYST))
    assert result.exit_code == 0, result.output
    check_document(json.loads(result.stdout), catalogue)


def test_a_sheet_gives_the_same_result_as_answering_interactively(runner, catalogue, sheet):
    scripted = World(
        prompter=ScriptedPrompter([*(ANALYST[q.id] for q in catalogue.questions), CONFIRM]),
        interactive=True,
    )
    asked = runner.invoke(app, ["quiz", "--json"], obj=scripted)
    given = run(runner, ["--answers", sheet(ANALYST), "--json"])
    assert json.loads(asked.stdout) == json.loads(given.stdout)


@pytest.mark.parametrize("role_id", sorted(PERSONAS))
def test_every_persona_sheet_through_the_cli(runner, sheet, role_id):
    result = run(runner, ["--answers", sheet(PERSONAS[role_id]), "--json"])
    assert json.loads(result.stdout)["matches"][0]["id"] == role_id


def test_unknown_ids_are_each_named(runner, sheet):
    result = run(runner, ["--answers", sheet({**ANALYST, "monday": "sleep", "nope": "x"})])
    assert result.exit_code == 1
    assert "Question 'monday' has no option 'sleep' (choose one of: calendar" in result.stderr
    assert "Unknown question 'nope'" in result.stderr
    assert "Traceback" not in result.output


def test_missing_answers_without_a_terminal_are_listed(runner, sheet):
    partial = {k: v for k, v in ANALYST.items() if k not in ("future", "experience")}
    result = run(runner, ["--answers", sheet(partial)])
    assert result.exit_code == 1
    assert "The answer sheet leaves out: future, experience." in result.stderr


def test_missing_answers_on_a_terminal_are_asked_and_only_those(runner, catalogue, sheet):
    partial = {k: v for k, v in ANALYST.items() if k not in ("future", "experience")}
    prompter = ScriptedPrompter(["advisor", "some", CONFIRM])
    result = run(
        runner,
        ["--answers", sheet(partial), "--json"],
        world=World(prompter=prompter, interactive=True),
    )
    assert result.exit_code == 0, result.output
    asked = [a.message.splitlines()[0] for a in prompter.asked]
    assert asked[:2] == ["Question 1 of 2", "Question 2 of 2"]
    assert len(asked) == 3 and prompter.asked[2].default == CONFIRM  # then the review
    assert json.loads(result.stdout)["answers"] == ANALYST


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- monday\n- numbers\n", "an answer sheet maps question ids to option ids"),
        ("monday: [numbers\n", "YAML syntax error"),
        ("monday: 1\n", "the answer to 'monday' must be an option id, found 1; put it in quotes"),
        ("monday: &a numbers\nflop: *a\n", "anchors (&a) are not allowed"),
    ],
    ids=["list", "syntax", "number", "anchor"],
)
def test_a_bad_sheet_is_explained(runner, text, message):
    result = run(runner, ["--answers", "-"], text)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_sheet_file(runner, tmp_path):
    result = run(runner, ["--answers", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert "file not found" in result.stderr


def test_json_and_messages_in_indonesian(runner, sheet):
    data = json.loads(run(runner, ["--answers", sheet(ANALYST), "--json", "--lang", "id"]).stdout)
    assert data["language"] == "id"
    bad = run(runner, ["--answers", sheet({"monday": "tidur"}), "--lang", "id"])
    assert "Pertanyaan 'monday' tidak punya pilihan 'tidur'" in bad.stderr
