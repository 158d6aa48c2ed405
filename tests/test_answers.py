"""quiz --answers: answer sheets from files or standard input, and --json."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import SheetPrompter
from personas import PERSONAS
from rolefinder.cli.app import app
from rolefinder.cli.base import World

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
    fits = [m["fit"] for m in data["matches"]]
    assert fits == sorted(fits, reverse=True)  # every role, best fit first
    assert all(0 <= fit <= 100 for fit in fits)
    assert sum(m["sure"] for m in data["matches"]) == pytest.approx(1, abs=0.01)
    assert sorted(m["id"] for m in data["matches"]) == sorted(r.id for r in catalogue.roles)
    for match in data["matches"]:
        assert set(match) >= {"id", "name", "score", "fit", "sure", "listed", "ready", "level"}
        assert match["ready"] in ("now", "junior", "later", "unknown")
        assert ("readiness" in match) == match["listed"]
    assert data["best"] == data["matches"][0]["id"]
    assert data["sure"] == data["matches"][0]["sure"]
    assert set(data["experience"]) == {"level", "related"}
    assert data["band"] in ("strong", "good", "unsure")
    assert data["pattern"] in (None, "random", "same_position", "repeating")
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
    prompter = SheetPrompter(catalogue, ANALYST)
    asked = runner.invoke(app, ["quiz", "--json"], obj=World(prompter=prompter, interactive=True))
    assert asked.exit_code == 0, asked.output
    answers = json.loads(asked.stdout)["answers"]
    assert list(answers) == prompter.asked  # the sitting's own order, nothing more
    given = run(runner, ["--answers", sheet(answers), "--json"])
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


MONDAY = "calendar, inbox, captions, layouts, numbers, standup, skip"


# A mistaken answer: what the sheet says, then what the error says in English and Indonesian.
MISTAKES = [
    (
        "monday: nums",
        f"Question 'monday' has no option 'nums'. Did you mean numbers? (Choose one of: {MONDAY}.)",
        "Pertanyaan 'monday' tidak punya jawaban 'nums'. Mungkin maksudmu numbers?",
    ),
    (
        "flp: data",
        "Unknown question 'flp'. Did you mean flop? (The questions are: monday, flop,",
        "Pertanyaan 'flp' tidak dikenal. Mungkin maksudmu flop?",
    ),
    (
        "monday: 5",
        "Question 'monday' has no option '5': answer with an option's id, not its number. "
        f"Choose one of: {MONDAY}.",
        "jawab dengan ID jawaban, bukan nomornya. Pilih salah satu: calendar,",
    ),
    (  # in quotes it is the same mistake, told the same way: quoting was never the fix
        'monday: "5"',
        "Question 'monday' has no option '5': answer with an option's id, not its number.",
        "Pertanyaan 'monday' tidak punya jawaban '5': jawab dengan ID jawaban",
    ),
    (
        "monday: 1.5",
        f"Question 'monday' has no option '1.5' (choose one of: {MONDAY}).",
        "Pertanyaan 'monday' tidak punya jawaban '1.5' (pilih salah satu: calendar,",
    ),
    (  # nothing close: no guess, the ids allowed
        "monday: xyzzy",
        f"Question 'monday' has no option 'xyzzy' (choose one of: {MONDAY}).",
        "(pilih salah satu: calendar,",
    ),
]


@pytest.mark.parametrize(("line", "english", "indonesian"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_mistaken_answer_gets_the_closest_id_and_the_ids_allowed(
    runner, line, english, indonesian
):
    text = "\n".join([f"{q}: {o}" for q, o in ANALYST.items() if q != "monday"] + [line]) + "\n"
    for lang, said in (("en", english), ("id", indonesian)):
        result = run(runner, ["--answers", "-", "--lang", lang], text)
        assert result.exit_code == 1
        assert said in result.stderr, result.stderr
        assert "quotes" not in result.stderr and "kutip" not in result.stderr


def test_a_partial_sheet_is_scored_as_it_is_without_a_terminal(runner, sheet):
    partial = dict(list(ANALYST.items())[:9])
    result = run(runner, ["--answers", sheet(partial), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answers"] == partial


def test_a_sheet_with_too_few_answers_says_how_many_more(runner, sheet):
    partial = dict(list(ANALYST.items())[:5])
    result = run(runner, ["--answers", sheet(partial)])
    assert result.exit_code == 1
    assert "Too few answers to rank the roles: 5 of the 8 needed" in result.stderr
    assert "answer 3 more" in result.stderr
    assert "Traceback" not in result.output


def test_a_partial_sheet_on_a_terminal_goes_on_from_where_it_stops(runner, catalogue, sheet):
    partial = dict(list(ANALYST.items())[:5])
    prompter = SheetPrompter(catalogue, {})
    result = run(
        runner,
        ["--answers", sheet(partial), "--json"],
        world=World(prompter=prompter, interactive=True),
    )
    assert result.exit_code == 0, result.output
    answers = json.loads(result.stdout)["answers"]
    assert answers.items() >= partial.items()  # given answers are kept, not asked again
    assert not set(prompter.asked) & set(partial)
    assert len(answers) >= 12


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- monday\n- numbers\n", "an answer sheet maps question ids to option ids"),
        ("monday: [numbers\n", "YAML syntax error"),
        ("monday: true\n", "the answer to 'monday' must be an option id, found True; put it in"),
        ("monday: &a numbers\nflop: *a\n", "anchors (&a) are not allowed"),
    ],
    ids=["list", "syntax", "true", "anchor"],
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
    assert "Pertanyaan 'monday' tidak punya jawaban 'tidur'" in bad.stderr
