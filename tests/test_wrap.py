"""What a terminal shows: every line wrapped by words to its width, a command to copy never
split, the questions in columns, and plain output (--plain, TERM=dumb) in words.

The screens are rendered on a rich Console that is a terminal of a given width; a line longer
than the width is then folded as a terminal folds it, so a split the program leaves to the
terminal is caught too.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from helpers import SECOND_ROLE, SHEET_ROLE, edit, result_code
from personas import PERSONAS
from rolefinder.cli.app import app
from rolefinder.cli.base import World
from rolefinder.terminal.render import COMMAND, wrap_lines
from rolefinder.words.i18n import t

WIDTHS = (40, 50, 80, 120)
LANGS = ("en", "id")
NOT_DUMB = {"TERM": "xterm"}  # the runner's TERM=dumb asks for plain output

# A bad catalogue with one problem (line 9) and one warning (a text only in English, line 6).
BAD_CATALOGUE = edit("level: entry", "level: junior").replace(
    "{en: Draws, id: Menggambar}", "{en: Draws}"
)
FEW = dict(list(PERSONAS[SHEET_ROLE].items())[:5])  # too few answers to rank

# Every non-interactive screen and message: its name and its words after `rolefinder`.
SCREENS = {
    "roles": ["roles"],
    "roles, plain": ["roles", "--plain"],
    "show": ["show", "social-media-analyst"],
    "show, plain": ["show", "head-of-marketing", "--plain"],
    "questions": ["questions"],
    "history": ["history"],
    "quiz --answers": ["quiz", "--answers", "sheet.json"],
    "quiz --answers, plain": ["quiz", "--answers", "sheet.json", "--plain"],
    "result --explain": ["result", "{code}", "--explain"],
    "result, a beginner": ["result", "{beginner}"],
    "compare": ["compare", "{code}", "{code2}"],
    "validate": ["validate"],
    "validate, problems": ["validate", "bad.yaml"],
    "error: unknown role": ["show", "analyts"],
    "error: bad code": ["result", "NOT-A-CODE"],
    "error: too few answers": ["quiz", "--answers", "few.json"],
    "error: no terminal": ["quiz"],
    "error: bad catalogue": ["roles", "--catalogue", "bad.yaml"],
}


def terminal(width: int) -> Console:
    """A terminal ``width`` columns wide, tall enough that --explain needs no pager."""
    return Console(
        file=io.StringIO(),
        width=width,
        height=10_000,
        force_terminal=True,
        color_system=None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the screens read, under short names (the screens run in this folder)."""
    path = tmp_path_factory.mktemp("wrap")
    (path / "sheet.json").write_text(json.dumps(PERSONAS[SHEET_ROLE]), "utf-8")
    (path / "few.json").write_text(json.dumps(FEW), "utf-8")
    (path / "bad.yaml").write_text(BAD_CATALOGUE, "utf-8")
    return path


def screen(runner, folder, monkeypatch, args: list[str], width: int, lang: str) -> str:
    """What ``rolefinder --lang LANG ARGS`` shows on a terminal ``width`` columns wide:
    standard output, then standard error."""
    codes = {
        "{code}": result_code(PERSONAS[SHEET_ROLE]),
        "{code2}": result_code(PERSONAS[SECOND_ROLE]),
        "{beginner}": result_code({**PERSONAS["head-of-marketing"], "experience": "none"}),
    }
    args = [codes.get(arg, arg) for arg in args]
    out, err = terminal(width), terminal(width)
    world = World(interactive=False, console=out, err_console=err)
    monkeypatch.chdir(folder)
    done = runner.invoke(app, ["--lang", lang, *args], obj=world, env=NOT_DUMB)
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    return out.file.getvalue() + err.file.getvalue()  # type: ignore[attr-defined]


def seen_words(shown: str, width: int) -> set[str]:
    """The words on the screen after the terminal folds every line longer than ``width``.

    What no wrapping can help is left out: a word, or a command on a line of its own, longer
    than the whole line (the terminal folds it, and a copy of it is still one line).
    """

    def hidden(found: re.Match[str]) -> str:
        return "#" * len(found.group()) if len(found.group()) > width else found.group()

    words: set[str] = set()
    for line in shown.splitlines():
        masked = re.sub(r"\S+", hidden, COMMAND.sub(hidden, line))
        for start in range(0, len(masked), width):
            words.update(re.findall(r"\w+", masked[start : start + width]))
    return words


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", SCREENS)
def test_no_line_is_split_inside_a_word(runner, folder, monkeypatch, name, width, lang):
    args = SCREENS[name]
    whole = set(re.findall(r"\w+", screen(runner, folder, monkeypatch, args, 1000, lang)))
    shown = screen(runner, folder, monkeypatch, args, width, lang)
    split = seen_words(shown, width) - whole
    assert not split, f"pieces of words at {width} columns: {sorted(split)}\n{shown}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "args, command",
    [
        (["quiz", "--answers", "sheet.json"], "rolefinder result {code} --explain"),
        (["result", "{code}", "--explain"], "rolefinder result {code}"),
    ],
    ids=["summary", "explain"],
)
def test_the_command_to_see_a_result_again_is_one_line_of_its_own(
    runner, folder, monkeypatch, lang, args, command
):
    shown = screen(runner, folder, monkeypatch, args, 50, lang)
    if args[0] == "result":  # the code as typed (English), with the language it is shown in
        code = result_code(PERSONAS[SHEET_ROLE])
        wanted = command.format(code=code) + ("" if lang == "en" else f" --lang {lang}")
    else:  # a sitting's own code, in its language
        wanted = command.format(code=result_code(PERSONAS[SHEET_ROLE], lang))
    assert wanted in [line.strip() for line in shown.splitlines()], shown


@pytest.mark.parametrize("width", (40, 50))
def test_a_message_is_wrapped_by_words_on_a_terminal(runner, folder, monkeypatch, width):
    shown = screen(runner, folder, monkeypatch, ["show", "analyts"], width, "en")
    lines = shown.splitlines()
    assert len(lines) > 1 and all(len(line) <= width for line in lines), shown
    assert "'rolefinder roles'" in shown  # the command in it stays whole


def test_a_message_stays_one_line_where_the_output_is_not_a_terminal(runner):
    # for grep and log files: nothing to wrap for
    done = runner.invoke(app, ["show", "analyts"], env={"COLUMNS": "40"})
    assert done.stderr.count("\n") == 1 and "every role." in done.stderr


@pytest.mark.parametrize(
    "text, width, indent, expected",
    [
        ("one two three four", 9, 0, ["one two", "three", "four"]),
        ("one two three", 9, 2, ["one two", "  three"]),
        ("  indented text here", 12, 0, ["  indented", "  text here"]),
        ("a verylongwordindeed b", 6, 0, ["a", "verylongwordindeed", "b"]),
        ("Run 'rolefinder roles' to list", 12, 0, ["Run", "'rolefinder roles'", "to list"]),
        ("read (rolefinder show ROLE), not", 20, 0, ["read", "(rolefinder show ROLE),", "not"]),
        (
            "then: rolefinder quiz --answers FILE",
            20,
            0,
            ["then:", "rolefinder quiz --answers FILE"],
        ),
        ("another rolefinder kept it busy", 14, 0, ["another", "rolefinder", "kept it busy"]),
        ("a rolefinder history, so it is", 20, 0, ["a", "rolefinder history,", "so it is"]),
        ("first\nsecond line", 6, 0, ["first", "second", "line"]),
    ],
)
def test_wrap_lines_breaks_at_spaces_outside_commands(text, width, indent, expected):
    assert [line.plain for line in wrap_lines(Text(text), width, indent)] == expected


def test_wrap_lines_keeps_the_styles():
    text = Text.assemble(("Error: ", "bold red"), "one two three")
    first, second = wrap_lines(text, 14)
    assert first.plain == "Error: one two" and second.plain == "three"
    assert [(span.start, span.end, span.style) for span in first.spans] == [(0, 7, "bold red")]
    assert second.spans == []


# --- rolefinder questions ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", (40, 50))
def test_questions_keep_their_columns_when_wrapped(
    runner, folder, monkeypatch, catalogue, width, lang
):
    shown = screen(runner, folder, monkeypatch, ["questions"], width, lang)
    question_ids = {question.id for question in catalogue.questions}
    option_ids = {option.id for question in catalogue.questions for option in question.options}
    body = shown.split("\n\n")[:-1]  # the footer is a paragraph of its own
    for block in body:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        head = lines[0].split()[0]
        assert head in question_ids, block
        text_column = lines[0].index(lines[0].split()[1])
        for line in lines[1:]:
            indent = len(line) - len(line.lstrip())
            if indent == 2:  # an option: its id first
                assert line.split()[0] in {*option_ids, "skip"}, block
            else:  # a wrapped line hangs beside the id column, never under it
                assert indent >= min(text_column, 4) and indent != 0, block


def test_questions_are_listed_in_the_order_the_quiz_asks_them(runner, catalogue):
    from rolefinder.assess.engine import next_question

    first = [next_question(catalogue, {}).question]
    first.append(next_question(catalogue, {first[0].id: first[0].options[0].id}).question)
    asked = [question.id for question in first if question is not None]
    assert asked == ["experience", "outlook"]  # the quiz's first two, as the README says
    listed = runner.invoke(app, ["questions"]).stdout
    ids = re.findall(r"^(\S+)  ", listed, flags=re.M)
    assert ids[:2] == asked and sorted(ids) == sorted(q.id for q in catalogue.questions)
    template = runner.invoke(app, ["questions", "--template"]).stdout
    answered = re.findall(r"^([\w-]+): skip$", template, flags=re.M)
    assert answered[:2] == asked


# --- validate ----------------------------------------------------------------------------------


def test_validate_lists_problems_then_warnings_on_stdout(runner, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_CATALOGUE, "utf-8")
    done = runner.invoke(app, ["validate", str(path)])
    assert done.exit_code == 1 and done.stderr == ""
    lines = done.stdout.splitlines()
    problem = next(i for i, line in enumerate(lines) if line.startswith(f"{path}:9:"))
    warning = next(i for i, line in enumerate(lines) if line.startswith(f"warning: {path}:6:"))
    assert problem < warning < len(lines) - 1 and "1 problem(s)" in lines[-1]


def test_a_long_problem_hangs_under_its_position_on_a_terminal(runner, folder, monkeypatch):
    shown = screen(runner, folder, monkeypatch, ["validate", "bad.yaml"], 40, "en")
    lines = shown.splitlines()
    assert lines[0].startswith("bad.yaml:9:") and lines[1].startswith("  ") and len(lines) > 3


# --- plain output ------------------------------------------------------------------------------

BOX_DRAWING = re.compile("[\u2500-\u257f]")
SYMBOLS = re.compile(r"[\u2580-\u259f\u2190-\u21ff\u2022\u00b7*#]|->|<-|(^|\s)!\s")
PLAIN = {"--plain": (["--plain"], {}), "TERM=dumb": ([], {"TERM": "dumb"})}


@pytest.mark.parametrize("how", PLAIN)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "args",
    [
        ["show", "head-of-marketing"],
        ["roles"],
        ["quiz", "--answers", "sheet.json", "--explain"],
        ["result", "{beginner}", "--explain"],  # the way up, in words
        ["result", "{torn}", "--explain"],  # a note
        ["compare", "{code}", "{code2}"],  # places in words, not "#1"
    ],
    ids=["show", "roles", "result", "way up", "note", "compare"],
)
@pytest.mark.parametrize("width", (50, 100))
def test_plain_output_has_words_not_symbols_or_borders(
    runner, folder, monkeypatch, how, lang, args, width
):
    flags, env = PLAIN[how]
    codes = {
        "{code}": result_code(PERSONAS[SHEET_ROLE]),
        "{code2}": result_code(PERSONAS[SECOND_ROLE]),
        "{beginner}": result_code({**PERSONAS["head-of-marketing"], "experience": "none"}),
        "{torn}": result_code({**PERSONAS[SHEET_ROLE], "outlook": "torn"}),
    }
    monkeypatch.chdir(folder)
    done = runner.invoke(
        app,
        ["--lang", lang, *(codes.get(arg, arg) for arg in args), *flags],
        env={"COLUMNS": str(width), "TERM": "xterm", **env},
    )
    assert done.exit_code == 0, done.output
    out = done.stdout
    assert not BOX_DRAWING.search(out), out
    assert not SYMBOLS.search(out), out
    if args[0] in ("quiz", "result"):
        best = t("best_match", lang, name="").rstrip(": ")
        assert out.index(best) < out.index(t("your_profile", lang)), out
    if "{torn}" in args:
        assert f"{t('note', lang)}: " in out  # the note is said in words


def test_the_normal_result_keeps_its_symbols_and_the_profile_first(runner, folder, monkeypatch):
    # the check above is not vacuous: without plain, the same screen has them
    monkeypatch.chdir(folder)
    code = result_code({**PERSONAS["head-of-marketing"], "experience": "none"})
    out = runner.invoke(app, ["result", code, "--explain"], env=NOT_DUMB).stdout
    assert SYMBOLS.search(out) and out.index("Your profile") < out.index("Best fit")


@pytest.mark.parametrize("width", (40, 100))
def test_show_puts_the_name_and_each_part_on_lines_of_their_own(runner, width):
    done = runner.invoke(
        app, ["show", "social-media-analyst", "--plain"], env={"COLUMNS": str(width)}
    )
    lines = done.stdout.splitlines()
    assert lines[0] == "Social Media Analyst" and lines[1] == "", done.stdout


# --- usage errors (click's, told in the user's language) ---------------------------------------

USAGE_ERRORS = {
    "unknown trait": ["roles", "--trait", "nonexistent"],
    "out of range": ["quiz", "--top", "0"],
    "unknown language": ["--lang", "xx", "roles"],
    "no such option": ["show", "--colour", "x"],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", (40, 50))
@pytest.mark.parametrize("name", USAGE_ERRORS)
def test_a_usage_error_is_wrapped_by_words_on_a_terminal(runner, name, width, lang):
    def told(columns: int) -> str:
        # FORCE_COLOR: stderr counts as a terminal; NO_COLOR keeps it free of escape codes
        env = {"COLUMNS": str(columns), "FORCE_COLOR": "1", "ROLEFINDER_LANG": lang}
        done = runner.invoke(app, USAGE_ERRORS[name], env=env)
        assert done.exit_code == 2 and "\x1b" not in done.stderr, done.stderr
        return done.stderr

    split = seen_words(told(width), width) - set(re.findall(r"\w+", told(1000)))
    assert not split, f"pieces of words at {width} columns: {sorted(split)}\n{told(width)}"


@pytest.mark.parametrize("term", ["dumb", "xterm"])
def test_a_dumb_terminal_is_as_wide_as_it_says(monkeypatch, term):
    from rolefinder.terminal.render import make_console

    monkeypatch.setenv("TERM", term)
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("LINES", "30")
    assert make_console().width == 40  # rich alone would take a dumb one to be 80 wide
