"""Hostile files, paths and streams: no escape sequence reaches the terminal, no markup is read,
every failure is one line and an exit code, and a result file is never lost.

Most cases run the real console script in a subprocess, because they are about the process:
its streams, its exit code, what bytes it writes. The cache is its own (see test_cache.py),
result codes theirs (test_codes.py), Markdown cards theirs (test_cards.py).
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import PLAIN_ENV, ScriptedPrompter
from helpers import app_commands, one_shot
from personas import PERSONAS
from rolefinder.cli.app import app
from rolefinder.cli.base import World

SHIPPED = Path(__file__).resolve().parents[1] / "data" / "roles.yaml"
# What must never reach a terminal from data: C0 and C1 controls but newline, bidi embeddings,
# overrides and isolates, zero-width characters, the word joiner, the byte-order mark.
HIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
ESCAPE = "\x1b]0;owned\x07\x1b[2J\x1b[H\x1b[32mvalid\x1b[0m"  # sets the title, clears, fakes
BIDI = "\u202ecod.exe\u200b"


def run(args, *, env=None, stdin=None, input=None, stdout=subprocess.PIPE, cwd=None):
    """The console script as a user runs it: exit code, stdout and stderr as text."""
    environment = {**os.environ, **PLAIN_ENV, "ROLEFINDER_LANG": "en", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "rolefinder", *args],
        env=environment,
        stdin=stdin,
        input=input,
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=cwd,
        timeout=120,
    )
    decode = lambda data: (data or b"").decode("utf-8", "replace")  # noqa: E731
    return done.returncode, decode(done.stdout), decode(done.stderr)


def assert_one_clear_failure(code, out, err, exit_code=1):
    assert code == exit_code, (out, err)
    assert "Traceback" not in err and "Exception" not in err, err
    assert not HIDDEN.search(out + err), repr(out + err)


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "sheet.yaml"
    path.write_text(yaml.safe_dump(PERSONAS["social-media-analyst"]), "utf-8")
    return path


def catalogue_with(tmp_path, edit) -> Path:
    path = tmp_path / "untrusted.yaml"
    path.write_text(edit(SHIPPED.read_text("utf-8")), "utf-8")
    return path


def quoted(text: str) -> str:
    return json.dumps(text)  # a YAML double-quoted string with every escape spelled out


# Each case: a name, and a function of tmp_path giving the command's arguments and environment.
ESCAPES = {
    "unknown field's key": lambda tmp: (
        [
            "validate",
            str(
                catalogue_with(
                    tmp, lambda t: t.replace("traits:", f"{quoted(ESCAPE)}: 1\ntraits:", 1)
                )
            ),
        ],
        {},
    ),
    "duplicate key": lambda tmp: (
        [
            "validate",
            str(
                catalogue_with(
                    tmp,
                    lambda t: t.replace(
                        "traits:", f"{quoted(ESCAPE)}: 1\n{quoted(ESCAPE)}: 2\ntraits:", 1
                    ),
                )
            ),
        ],
        {},
    ),
    "unknown trait in a profile": lambda tmp: (
        [
            "validate",
            str(
                catalogue_with(
                    tmp,
                    lambda t: re.sub(
                        r"profile: \{",
                        lambda m: "profile: {" + quoted(ESCAPE) + ": 1, ",
                        t,
                        count=1,
                    ),
                )
            ),
        ],
        {},
    ),
    "bidi in a key": lambda tmp: (
        [
            "validate",
            str(
                catalogue_with(
                    tmp, lambda t: t.replace("traits:", f"{quoted(BIDI)}: 1\ntraits:", 1)
                )
            ),
        ],
        {},
    ),
    "bidi in a text": lambda tmp: (
        [
            "validate",
            str(
                catalogue_with(
                    tmp,
                    lambda t: t.replace(
                        "{en: Creative,", "{en: " + quoted("Creative" + BIDI) + ",", 1
                    ),
                )
            ),
        ],
        {},
    ),
    "file name": lambda tmp: (["validate", str(tmp / f"{ESCAPE}.yaml")], {}),
    "answer sheet's question id": lambda tmp: (
        ["quiz", "--answers", str(write_sheet(tmp, {ESCAPE: "x"}))],
        {},
    ),
    "answer sheet's option id": lambda tmp: (
        ["quiz", "--answers", str(write_sheet(tmp, {"monday": ESCAPE}))],
        {},
    ),
    "answer sheet's key, not text": lambda tmp: (
        ["quiz", "--answers", str(write_sheet(tmp, {"monday": [ESCAPE]}))],
        {},
    ),
    "role asked for": lambda tmp: (["show", ESCAPE], {}),
    "result code": lambda tmp: (["result", ESCAPE], {}),
    "--trait": lambda tmp: (["roles", "--trait", ESCAPE], {}),
    "--level (click's own message)": lambda tmp: (["roles", "--level", ESCAPE], {}),
    "unknown command": lambda tmp: ([ESCAPE], {}),
    "--save folder": lambda tmp: (
        ["quiz", "--answers", "x.yaml", "--save", f"{tmp}/{ESCAPE}/r.md"],
        {},
    ),
    "ROLEFINDER_LANG": lambda tmp: (["show", "nobody"], {"ROLEFINDER_LANG": ESCAPE}),
    "ROLEFINDER_CATALOGUE": lambda tmp: (["roles"], {"ROLEFINDER_CATALOGUE": f"{tmp}/{ESCAPE}"}),
}


def write_sheet(tmp: Path, answers) -> Path:
    path = tmp / "sheet.json"
    path.write_text(json.dumps(answers), "utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("case", ESCAPES, ids=list(ESCAPES))
def test_nothing_from_data_reaches_the_terminal_as_a_control_sequence(tmp_path, case, lang):
    args, env = ESCAPES[case](tmp_path)
    # --lang, unless the case is about the language setting (which --lang would override).
    command = args if args[0] == ESCAPE or "ROLEFINDER_LANG" in env else [*args, "--lang", lang]
    code, out, err = run(command, env={"ROLEFINDER_LANG": lang, **env})
    assert code in (1, 2), (out, err)
    assert_one_clear_failure(code, out, err, code)
    # Shown spelled out (or named by its code point), never obeyed.
    assert re.search(r"\\x1b|\\u202e|U\+202E|U\+001B", out + err), out + err
    assert not re.search(r"^valid", out + err, flags=re.M)


@pytest.mark.parametrize("case", ESCAPES, ids=list(ESCAPES))
def test_nothing_reaches_a_terminal_either(runner, tmp_path, case):
    # click strips escape sequences from what it writes to a pipe, never to a terminal:
    # color=True makes it write as to a terminal, so nothing here relies on that stripping.
    args, env = ESCAPES[case](tmp_path)
    result = runner.invoke(app, args, env={"ROLEFINDER_LANG": "en", **env}, color=True)
    assert result.exit_code in (1, 2), result.output
    assert isinstance(result.exception, SystemExit)
    assert not HIDDEN.search(result.stdout + result.stderr), repr(result.stderr)


@pytest.mark.parametrize(
    "name", ["[draft] result.md", "a[/]b.md", "[bold red]loud[/].md", "[link=file:///x]y.md"]
)
def test_a_path_is_never_read_as_markup(tmp_path, sheet, name):
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)  # "a[/]b.md" is in "a["
    code, _, err = run(["quiz", "--answers", str(sheet), "--save", name], cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / name).is_file()
    assert str(Path(name)) in err  # "Saved to [draft] result.md", every character of it


def test_a_role_query_is_never_read_as_markup(runner):
    result = runner.invoke(app, ["show", "[bold]x[/]"])
    assert result.exit_code == 1
    assert "[bold]x[/]" in result.stderr


# --save: every way a write can fail is one line and exit 1, before any question is asked.


def ask_nothing(asked):
    raise AssertionError("a question was asked although --save could not work")


def simulate(monkeypatch, error: int):
    """As if the system refused to create the file with ``error`` (a read-only or full disk)."""
    import tempfile

    def refusing(*args, **kwargs):
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(tempfile, "mkstemp", refusing)


SAVE_FAILURES = {
    # name: (prepare(tmp_path, monkeypatch) -> path, message, before any question)
    "name over 255 bytes": (lambda tmp, mp: tmp / ("n" * 260 + ".md"), "too long", True),
    "no such folder": (lambda tmp, mp: tmp / "none" / "r.md", "does not exist", True),
    "a file where the folder should be": (
        lambda tmp, mp: (tmp / "file").touch() or tmp / "file" / "r.md",
        "does not exist",
        True,
    ),
    "a dangling link": (
        lambda tmp, mp: (tmp / "r.md").symlink_to(tmp / "gone") or tmp / "r.md",
        "already exists",
        True,
    ),
    "a folder at the name": (
        lambda tmp, mp: (tmp / "r.md").mkdir() or tmp / "r.md",
        "folder",
        True,
    ),
    "read-only folder": (
        lambda tmp, mp: mp.setattr(os, "access", lambda *a, **k: False) or tmp / "r.md",
        "permission denied",
        True,
    ),
    "unsearchable parent": (
        lambda tmp, mp: refuse_stat(mp, tmp / "locked") or tmp / "locked" / "r.md",
        "permission denied",
        True,
    ),
    "read-only file system": (
        lambda tmp, mp: simulate(mp, errno.EROFS) or tmp / "r.md",
        "read-only",
        False,
    ),
    "no free inodes": (
        lambda tmp, mp: simulate(mp, errno.ENOSPC) or tmp / "r.md",
        "the disk is full",
        False,
    ),
    "an unusual failure": (
        lambda tmp, mp: simulate(mp, errno.EIO) or tmp / "r.md",
        os.strerror(errno.EIO),
        False,
    ),
}


def refuse_stat(monkeypatch, folder: Path):
    folder.mkdir()
    real = os.stat

    def stat_refusing(path, *args, **kwargs):
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_refusing)


@pytest.mark.parametrize("case", SAVE_FAILURES, ids=list(SAVE_FAILURES))
def test_every_save_failure_is_one_line(runner, tmp_path, monkeypatch, sheet, case):
    prepare, message, up_front = SAVE_FAILURES[case]
    target = prepare(tmp_path, monkeypatch)
    if up_front:  # the interactive quiz is not even started
        world = World(prompter=ScriptedPrompter([ask_nothing]), interactive=True)
        result = runner.invoke(app, ["quiz", "--save", str(target)], obj=world)
    else:
        result = runner.invoke(app, ["quiz", "--answers", str(sheet), "--save", str(target)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # not a traceback
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.glob(".rolefinder-*")), "a temporary file was left behind"


def test_a_243_byte_name_can_be_saved(tmp_path, sheet, runner):
    target = tmp_path / ("n" * 240 + ".md")
    assert len(target.name.encode()) == 243
    result = runner.invoke(app, ["quiz", "--answers", str(sheet), "--save", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.is_file()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_force_keeps_the_files_mode(tmp_path, sheet, runner):
    target = tmp_path / "private.md"
    target.write_text("old", "utf-8")
    target.chmod(0o600)
    result = runner.invoke(app, ["quiz", "--answers", str(sheet), "--save", str(target), "--force"])
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text("utf-8") != "old"


@pytest.mark.skipif(os.name == "nt" or os.getuid() == 0, reason="root writes anywhere")
def test_a_really_read_only_folder(tmp_path, sheet):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    code, out, err = run(["quiz", "--answers", str(sheet), "--save", str(folder / "r.md")])
    assert_one_clear_failure(code, out, err)
    assert "permission denied" in err


# Standard input and output.


def test_the_result_file_is_written_before_a_broken_pipe(tmp_path, sheet):
    reading, writing = os.pipe()
    os.close(reading)  # the reader is gone before anything is written, like `| head -0`
    target = tmp_path / "r.md"
    try:
        code, _, err = run(
            ["quiz", "--answers", str(sheet), "--save", str(target), "--explain"], stdout=writing
        )
    finally:
        os.close(writing)
    assert (code, err) == (141, "")
    assert "Social Media Analyst" in target.read_text("utf-8")


@pytest.mark.parametrize(
    "args", [["--version"], ["--help"], *([name] for name in sorted(app_commands()))], ids=" ".join
)
def test_a_reader_that_leaves_early_ends_every_command_quietly(args, tmp_path):
    # The reader is gone before the first byte, so every command's first write fails: what
    # `rolefinder ... | head` does once head has its lines. No word, and SIGPIPE's status (141).
    if not args[0].startswith("-"):
        args = one_shot(args[0], tmp_path)
    reading, writing = os.pipe()
    os.close(reading)
    try:
        code, _, err = run(args, stdout=writing)
    finally:
        os.close(writing)
    assert (code, err) == (141, "")


@pytest.mark.skipif(not hasattr(__import__("fcntl"), "F_SETPIPE_SZ"), reason="Linux pipes only")
@pytest.mark.parametrize("args", [["questions"], ["schema"]], ids=" ".join)
def test_head_reads_one_line_and_closes(args):
    import fcntl

    reading, writing = os.pipe()
    # The smallest pipe (a page) holds less than any of these outputs, so rolefinder is
    # still writing when the reader closes: the broken pipe cannot be dodged by a big buffer.
    fcntl.fcntl(writing, fcntl.F_SETPIPE_SZ, 4096)
    environment = {**os.environ, **PLAIN_ENV, "ROLEFINDER_LANG": "en"}
    process = subprocess.Popen(
        [sys.executable, "-m", "rolefinder", *args],
        env=environment,
        stdout=writing,
        stderr=subprocess.PIPE,
    )
    os.close(writing)
    with os.fdopen(reading, "rb", buffering=0) as stream:
        while stream.read(1) not in (b"\n", b""):  # one line, a byte at a time, like head -1
            pass
    err = process.stderr.read() if process.stderr else b""
    # 141 once a write fails; 0 when the last write was cut short as the reader left (the
    # system then reports the bytes it took, not an error): either way, not a word.
    assert (process.wait(timeout=120) in (0, 141), err) == (True, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "args", [["--version"], ["--help"], *([name] for name in sorted(app_commands()))], ids=" ".join
)
def test_a_full_disk_on_stdout_is_one_line(args, tmp_path):
    if not args[0].startswith("-"):
        args = one_shot(args[0], tmp_path)  # each command as helpers.ONE_SHOT runs it
    with open("/dev/full", "wb") as full:
        code, _, err = run(args, stdout=full)
    assert_one_clear_failure(code, "", err)
    assert err.strip().count("\n") == 0 and "could not be written" in err


def run_with_closed(fd: int, args: list[str]) -> tuple[int, bytes, bytes]:
    """The console script started with stdin (0) or stdout (1) closed, as by <&- or >&-."""
    done = subprocess.run(
        [sys.executable, "-m", "rolefinder", *args],
        env={**os.environ, **PLAIN_ENV, "ROLEFINDER_LANG": "en"},
        stdout=None if fd == 1 else subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(fd),  # in the child only, before it starts
        timeout=60,
    )
    return done.returncode, done.stdout or b"", done.stderr


def test_a_closed_stdout_is_an_error_not_silence():
    code, _, err = run_with_closed(1, ["roles"])
    assert_one_clear_failure(code, "", err.decode())
    assert b"Standard output is closed" in err


def test_a_closed_stdin_is_no_problem_where_it_is_not_read():
    code, out, err = run_with_closed(0, ["roles"])
    assert code == 0, err
    assert b"Social Media Analyst" in out


def test_a_closed_stdin_for_a_sheet_is_one_line():
    code, out, err = run_with_closed(0, ["quiz", "--answers", "-"])
    assert_one_clear_failure(code, out.decode(), err.decode())
    assert b"standard input is closed" in err


@pytest.mark.parametrize(
    "data, message",
    [
        (b"monday: caf\xe9\n", "is not UTF-8"),
        (b"y\n" * 600_000, "is larger than 1 MiB"),  # `yes | rolefinder quiz --answers -`
        ("monday: x\n".encode("utf-16-le"), "YAML error"),  # NULs: not a sheet
    ],
    ids=["Latin-1", "endless", "UTF-16 without its mark"],
)
def test_bad_bytes_on_stdin_are_one_line(data, message):
    code, out, err = run(["quiz", "--answers", "-"], input=data)
    assert_one_clear_failure(code, out, err)
    assert message in err


def test_a_utf16_sheet_on_stdin_is_read(sheet):
    # What PowerShell sends down a pipe: UTF-16 with its byte-order mark.
    code, out, err = run(
        ["quiz", "--answers", "-"], input=sheet.read_text("utf-8").encode("utf-16")
    )
    assert code == 0, err
    assert "Social Media Analyst" in out


def test_sheet_problems_stop_at_100(tmp_path):
    path = write_sheet(tmp_path, {f"nope-{n}": "x" for n in range(5000)})
    code, out, err = run(["quiz", "--answers", str(path)])
    assert_one_clear_failure(code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 101 and "4900 more" in lines[-1]


@pytest.mark.parametrize("setting", ["COLUMNS", "LINES"])
def test_a_zero_screen_size_does_not_silence_messages(setting):
    code, out, err = run(["show", "nobody"], env={setting: "0"})
    assert code == 1 and "Unknown role" in err
    code, out, err = run(["roles"], env={setting: "0"})
    assert code == 0 and "Social Media Analyst" in out


def test_an_upper_case_language_setting_works_everywhere():
    code, out, err = run(["show", "social-media-analyst"], env={"ROLEFINDER_LANG": "ID"})
    assert code == 0 and "Tugas" in out, err
    code, out, err = run(["roles", "--json"], env={"ROLEFINDER_LANG": "ID"})
    assert code == 0, err
