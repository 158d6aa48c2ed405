"""`rolefinder questions --form google|microsoft|text`: the form built for the teacher.

The Google Apps Script runs under node with a recording stand-in for FormApp (formapp.js):
the form it builds must have exactly the catalogue's questions and options, required, in the
order the quiz asks them, in either language, whatever a text holds. Then an export of that
form, written from the recorded form's own texts as Google Forms writes it, must be scored to
the last student by `rolefinder class`. Without node these tests skip, except under CI
(helpers.ci_is_set), where they fail.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import ci_is_set
from rolefinder.assess.codes import decode
from rolefinder.catalogue.model import SKIP, Text
from rolefinder.classroom.batch import score_class
from rolefinder.classroom.formbuild import google_script, javascript, microsoft_document
from rolefinder.cli.app import app
from rolefinder.present.report import form_text

FORMAPP = Path(__file__).parent / "formapp.js"
NODE = shutil.which("node") or shutil.which("nodejs")
RUN = "createRolefinderForm"  # the script's one function, which the editor's Run button runs
# The name question's title, as `class` recognises it, and the "doesn't apply" option.
NAME_QUESTION = {"en": "Your name", "id": "Nama lengkap"}
SKIP_TEXT = {"en": "Doesn't apply to me", "id": "Lewati pertanyaan ini"}
TIMESTAMP = {"en": "Timestamp", "id": "Stempel waktu"}  # Google's own first column
NAMES = ["Budi Santoso", "Siti Nur'aini", "Dewi \U0001f338 Lestari", "Agus Salim", "Rina W."]
LANGS = ["en", "id"]

# Texts that would break out of a JavaScript string, a line, a comment or an HTML script
# block if pasted in as they are.
HOSTILE = [
    "He said \"stop\" and 'go'",
    "</script><script>Logger.log('injected')</script>",
    "back\\slash \\u0041 \\n \\",
    "two\nlines",
    "line\u2028separator\u2029paragraph",
    '"); Logger.log("injected"); ("',
    "${FORM.title} `tick` */ // <!--",
]


def built(script: str, tmp_path: Path) -> dict:
    """What the script does, as formapp.js records it: {"forms", "logs", "calls"}. Skips
    without node (fails under CI: the script must be run to be trusted)."""
    if NODE is None:
        message = "no node here (Debian package 'nodejs')"
        if ci_is_set():
            pytest.fail(f"{message}: under CI the Google Apps Script must be run")
        pytest.skip(message)
    path = tmp_path / "form.gs"
    path.write_text(script, "utf-8")
    done = subprocess.run(
        [NODE, str(FORMAPP), str(path), RUN],
        capture_output=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def quiz_order(catalogue):
    first = [q for q in (catalogue.experience, catalogue.outlook) if q is not None]
    return [*first, *(q for q in catalogue.questions if q not in first)]


def expected_items(catalogue, lang):
    """The form's items as they must be: the name question, then every question as the quiz
    asks them, required, with its options' exact texts and "doesn't apply" last."""
    name = {"type": "text", "title": NAME_QUESTION[lang], "helpText": "", "required": True}
    return [name] + [
        {
            "type": "multipleChoice",
            "title": question.prompt.get(lang),
            "helpText": "",
            "required": True,
            "choices": [*(option.text.get(lang) for option in question.options), SKIP_TEXT[lang]],
            "other": False,
        }
        for question in quiz_order(catalogue)
    ]


def google_export(catalogue, form, lang, path, seed=3):
    """Responses to the recorded ``form`` as Google Forms exports them (every cell quoted, the
    timestamp first, then each item's title as a header and each cell one choice's text),
    one row per name in NAMES; the answers each student gave, by question id."""
    rng = random.Random(seed)
    questions = quiz_order(catalogue)
    name_item, *items = form["items"]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([TIMESTAMP[lang], name_item["title"], *(item["title"] for item in items)])
    given = []
    for n, name in enumerate(NAMES):
        picks = [rng.randrange(len(item["choices"])) for item in items]
        writer.writerow(
            [f"2026/11/24 9:{n:02d}:00 AM GMT+7", name]
            + [item["choices"][pick] for item, pick in zip(items, picks, strict=True)]
        )
        given.append(
            {
                q.id: q.options[pick].id if pick < len(q.options) else SKIP
                for q, pick in zip(questions, picks, strict=True)
            }
        )
    path.write_text(out.getvalue(), "utf-8")
    return given


def assert_every_student_scored(catalogue, listing, given, names=NAMES):
    """Every student of ``listing`` (results.json) scored, with the answers they gave."""
    students = listing["students"]
    assert [s["status"] for s in students] == ["scored"] * len(given)
    for student, answers in zip(students, given, strict=True):
        assert decode(catalogue, student["code"]).answers == answers
    if names is not None:
        assert [s["label"] for s in students] == names


@pytest.mark.parametrize("lang", LANGS)
def test_the_google_script_builds_the_whole_form_and_the_class_reads_it(
    runner, catalogue, tmp_path, lang
):
    result = runner.invoke(app, ["questions", "--form", "google", "--lang", lang])
    assert result.exit_code == 0, result.output
    recorded = built(result.stdout, tmp_path)
    (form,) = recorded["forms"]
    assert form["items"] == expected_items(catalogue, lang)
    assert form["title"] and SKIP_TEXT[lang] in form["description"]
    edit, send = recorded["logs"]  # both links, each after its words
    assert edit.endswith("/stand-in-form-1/edit") and send.endswith("/stand-in-form-1/viewform")
    assert {call["on"].split("#")[0] for call in recorded["calls"]} == {
        "FormApp",
        "Form",
        "text",
        "multipleChoice",
        "Logger",
    }

    path = tmp_path / "responses.csv"
    given = google_export(catalogue, form, lang, path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["class", str(path), "--out", str(out), "--lang", lang])
    assert result.exit_code == 0, result.output
    listing = json.loads((out / "results.json").read_text("utf-8"))
    assert_every_student_scored(catalogue, listing, given)


def hostile_catalogue(catalogue):
    """The shipped catalogue with one question's prompt and every one of its options made of
    HOSTILE texts (the checker refuses U+2028, so it is set here, past the checker)."""
    question = catalogue.bank[0]
    options = tuple(
        dataclasses.replace(option, text=Text.same(f"{HOSTILE[n % len(HOSTILE)]} {n}"))
        for n, option in enumerate(question.options)
    )
    prompt = Text.same(" ".join(HOSTILE))
    changed = dataclasses.replace(question, prompt=prompt, options=options)
    questions = tuple(changed if q is question else q for q in catalogue.questions)
    return dataclasses.replace(catalogue, questions=questions)


@pytest.mark.parametrize("lang", LANGS)
def test_a_hostile_text_stays_exactly_its_text(catalogue, tmp_path, lang):
    hostile = hostile_catalogue(catalogue)
    script = google_script(hostile, lang)
    assert script.isascii()  # no U+2028 in the script, nothing for a terminal to act on
    recorded = built(script, tmp_path)
    (form,) = recorded["forms"]
    assert form["items"] == expected_items(hostile, lang)
    assert len(recorded["logs"]) == 2 and not any("injected" in log for log in recorded["logs"])

    # Its export, with a newline and U+2028 in a header and in cells, is read back whole.
    path = tmp_path / "responses.csv"
    given = google_export(hostile, form, lang, path, seed=11)
    score_class(hostile, [path], tmp_path / "out", lang)
    listing = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))
    assert_every_student_scored(hostile, listing, given)


@pytest.mark.parametrize("text", [*HOSTILE, "", "plain", "caf\u00e9 \U0001f338", "\x1b[31m"])
def test_a_text_in_the_script_is_data_in_json(text):
    literal = javascript({"title": text, "options": [text]})
    assert literal.isascii()
    assert not any(char in literal for char in "<>&\u2028\u2029")
    assert json.loads(literal) == {"title": text, "options": [text]}


def microsoft_questions(document):
    """The questions of a Quick import document read in its numbered layout: (title, options)
    for each block after the form's title, a block being a numbered question line and its
    options on the lines below."""
    title, *blocks = document.rstrip("\n").split("\n\n")
    assert title and "\n" not in title
    found = []
    for number, block in enumerate(blocks, start=1):
        first, *options = block.split("\n")
        assert first.startswith(f"{number}. "), first
        found.append((first.removeprefix(f"{number}. "), options))
    return found


def one_line(text):
    return " ".join(text.split())


@pytest.mark.parametrize("numbered", [True, False], ids=["numbers-kept", "numbers-dropped"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_microsoft_document_is_the_form_in_its_numbered_layout(
    runner, catalogue, tmp_path, lang, numbered
):
    result = runner.invoke(app, ["questions", "--form", "microsoft", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert "Quick import" in result.stderr and "Quick import" not in result.stdout
    questions = microsoft_questions(result.stdout)
    expected = [
        (one_line(item["title"]), [one_line(choice) for choice in item.get("choices", [])])
        for item in expected_items(catalogue, lang)
    ]
    assert questions == expected

    # Microsoft Forms' export of that form: its own columns (the Name it fills in with
    # "anonymous"), then the questions, with their numbers if the import kept them.
    rng = random.Random(5)
    headers = [f"{n}. {title}" if numbered else title for n, (title, _) in enumerate(questions, 1)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["ID", "Start time", "Completion time", "Email", "Name", *headers])
    given = []
    for n, name in enumerate(NAMES, start=1):
        picks = [rng.randrange(len(options)) for _, options in questions[1:]]
        kept = [str(n), "11/24/26 9:00:00", "11/24/26 9:09:00", "anonymous", "anonymous"]
        cells = [options[p] for (_, options), p in zip(questions[1:], picks, strict=True)]
        writer.writerow([*kept, name, *cells])
        given.append(
            {
                q.id: q.options[p].id if p < len(q.options) else SKIP
                for q, p in zip(quiz_order(catalogue), picks, strict=True)
            }
        )
    path = tmp_path / "microsoft.csv"
    path.write_text(out.getvalue(), "utf-8-sig")
    score_class(catalogue, [path], tmp_path / "out", lang)
    listing = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))
    # Which column names the student (Microsoft's "anonymous" Name or the name question's)
    # is the class reader's choice, checked with it; here every student is scored.
    assert_every_student_scored(catalogue, listing, given, names=None)


@pytest.mark.parametrize(
    "args",
    [
        ["--form"],
        ["--form", "text"],
        ["--form", "TEXT"],
        ["--form", "--lang", "LANG"],  # --form alone before another option
        ["--lang", "LANG", "--form"],  # --form alone, last
        ["--form=text"],
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("lang", LANGS)
def test_form_alone_is_the_text_as_before(runner, catalogue, args, lang):
    args = [lang if arg == "LANG" else arg for arg in args]
    if "--lang" not in args:
        args += ["--lang", lang]
    result = runner.invoke(app, ["questions", *args])
    assert result.exit_code == 0, result.output
    assert result.stdout == form_text(catalogue, lang)
    assert f"\n{NAME_QUESTION[lang]}\n" in result.stdout


@pytest.mark.parametrize(
    ("tool", "made_by"),
    [("google", google_script), ("GOOGLE", google_script), ("Microsoft", microsoft_document)],
)
def test_each_tool_by_its_name_in_any_case(runner, catalogue, tool, made_by):
    result = runner.invoke(app, ["questions", "--form", tool, "--lang", "id"])
    assert result.exit_code == 0, result.output
    assert result.stdout == made_by(catalogue, "id")


@pytest.mark.parametrize("value", ["excel", "goggle"])
def test_an_unknown_tool_is_a_usage_error_naming_the_tools(runner, value):
    result = runner.invoke(app, ["questions", "--form", value])
    assert result.exit_code == 2, result.output
    assert all(tool in result.stderr for tool in ("google", "microsoft", "text"))
    assert "Traceback" not in result.output
