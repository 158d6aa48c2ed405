"""Names, file names and paths from hostile hands, in every output mode: shown as text, never
obeyed. A student's name in a class file, a file or folder name, a catalogue's path: each goes
through every command that shows it, in rich (colours on), plain and JSON output, and no
escape sequence, C1 control, bidi override or zero-width character it holds reaches stdout or
stderr; the JSON still holds it, equal in value. The class's progress bar shows a file name as
text, not markup.

(test_hostile.py does the same for every failure message; this file is about the outputs
that succeed, which show the most.)
"""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from helpers import SHEET_ROLE
from personas import PERSONAS
from rolefinder.assess.codes import encode
from rolefinder.cli.app import app
from rolefinder.words.i18n import HIDDEN_CATEGORIES

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="such file names are POSIX's")

SHIPPED = Path(__file__).resolve().parents[1] / "data" / "roles.yaml"

# Each hostile text as a student could type it into a form or a neighbour name a file (no "/").
HOSTILE = {
    "rich markup": "[link=mailto:x]Click me[conceal] x",
    "OSC 8 hyperlink": "\x1b]8;;mailto:x\x07Click\x1b]8;;\x07",
    "CSI": "\x1b[2J\x1b[H\x1b[32mvalid",
    "C1 CSI": "a\x9b2Jb",  # U+009B: an xterm reads it as ESC [
    "C1 OSC": "\x9d0;owned\x9c",
    "bidi": "\u202egnp.exe\u2066x\u2069",
    "zero-width": "A\u200bd\u200di\u2060\ufeff",
    "DEL and line separator": "a\x7fb\u2028c",
}
# What rich writes itself on a terminal (FORCE_COLOR): colours (SGR), and for the progress bar
# a carriage return, hiding and showing the cursor, clearing a line and going up one.
OWN_SEQUENCES = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\x1b\[2K|\x1b\[[0-9]*A|\r")
MODES = {
    "rich": ([], {"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": ""}),
    "plain": (["--plain"], {}),
    "json": (["--json"], {}),
}


def leaks(text: str) -> list[str]:
    """Every hidden character in ``text`` (line breaks aside) once rich's own sequences are
    taken out: an ESC left is a sequence from the data."""
    bare = OWN_SEQUENCES.sub("", text)
    return sorted(
        {
            f"U+{ord(c):04X}"
            for c in bare
            if c != "\n" and unicodedata.category(c) in HIDDEN_CATEGORIES
        }
    )


def sheet_file(folder: Path) -> Path:
    path = folder / "sheet.yaml"
    path.write_text(yaml.safe_dump(PERSONAS[SHEET_ROLE]), "utf-8")
    return path


def hostile_catalogue(folder: Path, text: str) -> Path:
    path = folder / f"{text}.yaml"
    shutil.copyfile(SHIPPED, path)
    return path


def code(catalogue) -> str:
    return encode(catalogue, PERSONAS[SHEET_ROLE], "en")


# Each command: how to run it with ``text`` in a name or path, given a folder and the shipped
# catalogue; and the modes it has (every command with --json is here with it).
Command = Callable[[Path, str, object], tuple[list[str], dict[str, str]]]
COMMANDS: dict[str, tuple[Command, tuple[str, ...]]] = {
    "class: a student's name": (  # scored, to talk to first (too few answers), failed
        lambda tmp, text, cat: (
            _class_file(
                tmp,
                "codes.txt",
                f"{text}\t{code(cat)}\n{text} 2\t{encode(cat, {}, 'en')}\n{text} 3\tNOT-A-CODE\n",
            ),
            {},
        ),
        ("rich", "plain", "json"),
    ),
    "class: the file's name": (  # with a second file, so the summary counts by file
        lambda tmp, text, cat: (
            [
                *_class_file(tmp, f"{text}.txt", f"Ann\t{encode(cat, {}, 'en')}\nx\ty\n"),
                *_class_file(tmp, "more.txt", f"Bo\t{code(cat)}\n")[1:2],
            ],
            {},
        ),
        ("rich", "plain", "json"),
    ),
    "class: the folder written": (
        lambda tmp, text, cat: (
            [*_class_file(tmp, "codes.txt", f"Ann\t{code(cat)}\n"), "--out", str(tmp / text)],
            {},
        ),
        ("rich", "plain", "json"),
    ),
    "quiz: the catalogue's path": (
        lambda tmp, text, cat: (
            ["quiz", "-a", str(sheet_file(tmp)), "--catalogue", str(hostile_catalogue(tmp, text))],
            {},
        ),
        ("rich", "plain", "json"),
    ),
    "quiz: the file saved": (
        lambda tmp, text, cat: (
            ["quiz", "-a", str(sheet_file(tmp)), "--save", str(tmp / f"{text}.md")],
            {},
        ),
        ("rich", "plain", "json"),
    ),
    "result: the catalogue's path": (
        lambda tmp, text, cat: (
            ["result", code(cat), "--catalogue", str(hostile_catalogue(tmp, text))],
            {},
        ),
        ("rich", "plain", "json"),
    ),
    "compare: the catalogue's path": (
        lambda tmp, text, cat: (
            ["compare", code(cat), code(cat), "--catalogue", str(hostile_catalogue(tmp, text))],
            {},
        ),
        ("rich", "plain", "json"),
    ),
    "roles: the catalogue's path": (
        lambda tmp, text, cat: (["roles", "--catalogue", str(hostile_catalogue(tmp, text))], {}),
        ("rich", "plain", "json"),
    ),
    "show: the catalogue's path": (
        lambda tmp, text, cat: (
            ["show", SHEET_ROLE, "--catalogue", str(hostile_catalogue(tmp, text))],
            {},
        ),
        ("rich", "plain", "json"),
    ),
    "questions: the catalogue's path": (
        lambda tmp, text, cat: (
            ["questions", "--catalogue", str(hostile_catalogue(tmp, text))],
            {},
        ),
        ("rich", "json"),
    ),
    "history: its file's path": (
        lambda tmp, text, cat: (["history"], {"ROLEFINDER_HISTORY": str(tmp / f"{text}.db")}),
        ("rich", "plain", "json"),
    ),
    "validate: the catalogue's path": (
        lambda tmp, text, cat: (["validate", str(hostile_catalogue(tmp, text))], {}),
        ("rich",),
    ),
}


def _class_file(folder: Path, name: str, content: str) -> list[str]:
    path = folder / name
    path.write_text(content, "utf-8")
    return ["class", str(path), "--out", str(folder / "out")]


CASES = [
    (command, mode, kind)
    for command, (_, modes) in COMMANDS.items()
    for mode in modes
    for kind in HOSTILE
]


@pytest.mark.parametrize(("command", "mode", "kind"), CASES)
def test_no_hidden_character_from_a_name_or_path_reaches_the_terminal(
    runner, tmp_path, catalogue, monkeypatch, command, mode, kind
):
    monkeypatch.setenv("ROLEFINDER_HISTORY", str(tmp_path / "history.db"))
    text = HOSTILE[kind]
    make, _ = COMMANDS[command]
    args, env = make(tmp_path, text, catalogue)
    flags, mode_env = MODES[mode]
    # color=True: click writes as to a terminal, so nothing here relies on its stripping.
    done = runner.invoke(app, [*args, *flags], env={**mode_env, **env}, color=True)
    assert done.exit_code in (0, 1), done.output
    assert "Traceback" not in done.stderr
    assert leaks(done.stdout) == [] and leaks(done.stderr) == []
    if mode == "json":
        json.loads(done.stdout)  # still JSON (the test below checks the values)


def test_class_json_escapes_hostile_names_and_keeps_their_value(runner, tmp_path, catalogue):
    """Names to talk to first and file names, each escaped as \\uXXXX: the same value."""
    names = list(HOSTILE.values())
    lines = "".join(f"{name}\t{encode(catalogue, {}, 'en')}\n" for name in names)
    other = tmp_path / f"{HOSTILE['C1 CSI']}.txt"
    other.write_text(f"Ann\t{code(catalogue)}\n", "utf-8")
    args = [*_class_file(tmp_path, "codes.txt", lines), str(other), "--json"]
    done = runner.invoke(app, args, color=True)
    assert done.exit_code == 0, done.output
    assert leaks(done.stdout) == []
    assert "\\u009b" in done.stdout and "\\u202e" in done.stdout and "\\u200b" in done.stdout
    data = json.loads(done.stdout)
    assert [entry["label"] for entry in data["talk_first"]] == names
    assert str(other) in data["files"]
    written = (tmp_path / "out" / "results.json").read_text("utf-8")  # the file, too
    assert leaks(written) == [] and "\\u009b" in written
    assert [s["label"] for s in json.loads(written)["students"]][: len(names)] == names


def test_the_progress_bar_shows_a_file_name_as_text():
    """The bar of a long class file, drawn on a terminal: a name such as
    ``[link=mailto:x]Click me[conceal] x.csv`` is its characters, not a link and hidden text."""
    from rich.console import Console

    from rolefinder.terminal.classview import ClassProgress

    name = "[link=mailto:x]Click me[conceal] x.csv"
    screen = io.StringIO()
    console = Console(
        file=screen, force_terminal=True, width=100, markup=False, highlight=False, emoji=False
    )
    with ClassProgress(console, {name: 1000}, "en") as bar:
        bar.update(name, 500)
        bar.progress.refresh()
    drawn = screen.getvalue()
    cursor = re.compile(r"\x1b\[\??[0-9;]*[A-Za-z]")  # the bar's own colours and cursor moves
    assert "\x1b" not in cursor.sub("", drawn), repr(drawn)  # no OSC 8 link
    assert "\x1b[8m" not in drawn and ";8m" not in drawn  # nothing concealed
    assert name in cursor.sub("", drawn)
