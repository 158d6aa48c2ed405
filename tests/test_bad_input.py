"""Every bad catalogue gets a clear message with its line, exit code 1, and never a traceback."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from catalogues import MINIMAL
from rolefinder import CatalogueError, load_catalogue
from rolefinder.catalogue import MAX_BYTES
from rolefinder.cli import app

# MINIMAL, numbered, for reading the rows below:
#  1 traits:
#  2   - {id: creative, name: {en: Creative, id: Kreatif}, description: {...}}
#  3 roles:
#  4   - id: designer
#  5     name: {en: Designer, id: Desainer}
#  6     summary: {en: Draws, id: Menggambar}
#  7     duties: [{en: Draw, id: Menggambar}]
#  8     skills: []
#  9     level: entry
# 10     profile: {creative: 1}
# 11     related: []
# 12 questions:
# 13   - id: q1
# 14     prompt: {en: Pick, id: Pilih}
# 15     options:
# 16       - {id: a, text: {en: A, id: A}, weights: {creative: 1}}
# 17       - {id: b, text: {en: B, id: B}, weights: {creative: 2}}


def edit(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


OPTION_B = "      - {id: b, text: {en: B, id: B}, weights: {creative: 2}}\n"
EXTRA_QUESTION = (
    "  - id: q1\n    prompt: {en: P, id: P}\n    options:\n"
    "      - {id: a, text: {en: A, id: A}, weights: {creative: 1}}\n"
    "      - {id: b, text: {en: B, id: B}, weights: {creative: 1}}\n"
)

# One row a bad catalogue: name, file content, exit code, line (None: no position), message.
BAD = [
    ("top-level typo", edit("roles:", "rolez:"), 1, 3, "unknown field 'rolez'"),
    (
        "unknown role field",
        edit("    level: entry\n", "    level: entry\n    colour: red\n"),
        1,
        10,
        "unknown field 'colour'",
    ),
    ("missing field", edit("    level: entry\n", ""), 1, 4, "missing required field 'level'"),
    (
        "wrong type",
        edit("skills: []", "skills: Draw"),
        1,
        8,
        "skills: expected a list, found a text",
    ),
    (
        "empty roles",
        MINIMAL.split("roles:")[0] + "roles: []\nquestions:" + MINIMAL.split("questions:")[1],
        1,
        3,
        "roles: needs at least 1 item(s), found 0",
    ),
    (
        "empty questions",
        MINIMAL.split("questions:")[0] + "questions: []\n",
        1,
        12,
        "questions: needs at least 1 item(s), found 0",
    ),
    (
        "unknown trait in a profile",
        edit("profile: {creative: 1}", "profile: {creatve: 1}"),
        1,
        10,
        "unknown trait 'creatve'",
    ),
    (
        "unknown trait in weights",
        edit("weights: {creative: 1}", "weights: {creativ: 1}"),
        1,
        16,
        "unknown trait 'creativ'",
    ),
    (
        "negative weight",
        edit("weights: {creative: 2}", "weights: {creative: -2}"),
        1,
        17,
        "must be a finite number of 0 or more",
    ),
    (
        "NaN weight",
        edit("weights: {creative: 2}", "weights: {creative: .nan}"),
        1,
        17,
        "must be a finite number of 0 or more, found nan",
    ),
    (
        "infinite weight",
        edit("weights: {creative: 2}", "weights: {creative: .inf}"),
        1,
        17,
        "must be a finite number of 0 or more, found inf",
    ),
    (
        "weight not a number",
        edit("weights: {creative: 2}", "weights: {creative: lots}"),
        1,
        17,
        "expected a number, found a text",
    ),
    (
        "zero profile",
        edit("profile: {creative: 1}", "profile: {creative: 0}"),
        1,
        10,
        "needs at least one trait with a weight above 0",
    ),
    ("id read as false", edit("id: q1", "id: no"), 1, 13, "expected a text, found true/false"),
    (
        "text read as a date",
        edit("{en: Draws,", "{en: 2024-02-30,"),
        1,
        6,
        "expected a text, found a date (2024-02-30); put it in quotes",
    ),
    (
        "version read as 1.1",
        "version: 1.10\n" + MINIMAL,
        1,
        1,
        "version: expected a text, found a float (1.1); put it in quotes",
    ),
    ("reserved option id", edit("{id: b,", "{id: skip,"), 1, 17, "'skip' is reserved"),
    (
        "unknown related role",
        edit("related: []", "related: [writer]"),
        1,
        11,
        "unknown role 'writer'",
    ),
    ("too few options", MINIMAL.replace(OPTION_B, ""), 1, 15, "needs at least 2 item(s), found 1"),
    ("duplicate option id", edit("{id: b,", "{id: a,"), 1, 17, "duplicate option id 'a'"),
    ("duplicate question id", MINIMAL + EXTRA_QUESTION, 1, 18, "duplicate question id 'q1'"),
    (
        "duplicate trait id",
        edit(
            "roles:",
            "  - {id: creative, name: {en: C, id: K}, description: {en: D, id: D}}\nroles:",
        ),
        1,
        3,
        "duplicate trait id 'creative'",
    ),
    (
        "duplicate key",
        edit("    level: entry\n", "    level: entry\n    level: mid\n"),
        1,
        10,
        "duplicate key 'level' (first on line 9)",
    ),
    (
        "anchor",
        edit("profile: {creative: 1}", "profile: &p {creative: 1}"),
        1,
        10,
        "anchors (&p) are not allowed",
    ),
    (
        "alias",
        edit("profile: {creative: 1}", "profile: &p {creative: 1}").replace(
            "weights: {creative: 1}", "weights: *p"
        ),
        1,
        16,
        "alias bomb",
    ),
    (
        "python tag",
        edit(
            "summary: {en: Draws, id: Menggambar}",
            "summary: !!python/object/apply:os.system [echo pwned]",
        ),
        1,
        6,
        "tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed",
    ),
    (
        "custom tag",
        edit("{en: Draws,", "{en: !shout Draws,"),
        1,
        6,
        "tags (!shout) are not allowed",
    ),
    (
        "escape sequence",
        edit("{en: Draws,", '{en: "\\e[2J\\e[HDraws",'),
        1,
        6,
        "contains the invisible or control character U+001B",
    ),
    (
        "clipboard write (OSC 52)",
        edit("{en: Draws,", '{en: "\\e]52;c;aGk=\\a",'),
        1,
        6,
        "contains the invisible or control character U+001B",
    ),
    (
        "bell",
        edit("{en: Draws,", '{en: "Draws\\a",'),
        1,
        6,
        "contains the invisible or control character U+0007",
    ),
    (
        "bidi override",
        edit("{en: Draws,", '{en: "Draws \u202etxt.exe",'),
        1,
        6,
        "contains the invisible or control character U+202E",
    ),
    (
        "zero-width space",
        edit("{en: Draws,", '{en: "Dr\u200baws",'),
        1,
        6,
        "contains the invisible or control character U+200B",
    ),
    ("non-text key", "1: one\n" + MINIMAL, 1, 1, "keys must be plain text"),
    ("too deep", "traits: " + "[" * 40 + "]" * 40 + "\n", 1, 1, "nested more than 16 levels deep"),
    ("two documents", MINIMAL + "---\nmore: 1\n", 1, 18, "only one YAML document is allowed"),
    ("a list, not a mapping", "- just\n- a list\n", 1, 1, "expected a mapping, found a list"),
    ("empty file", "", 1, None, "expected a mapping, found empty"),
    ("comments only", "# nothing here\n", 1, None, "expected a mapping, found empty"),
    ("syntax error", "traits: [unclosed\n", 1, 2, "YAML syntax error"),
    ("bad indentation", "traits:\n  - id: a\n - id: b\n", 1, 3, "YAML syntax error"),
    ("tab indentation", "traits:\n\t- id: a\n", 1, 2, "YAML syntax error"),
]

# Files that cannot be read as text at all: name, bytes, message.
UNREADABLE = [
    ("not UTF-8", b"traits: caf\xe9\n", "is not UTF-8 text (bad byte at offset 11)"),
    ("UTF-16 without its mark", "traits: [café]\n".encode("utf-16-le"), "is not UTF-8 text"),
    ("over 32 MiB", b"# " + b"x" * MAX_BYTES + b"\n", "is larger than 32 MiB"),
]


@contextmanager
def no_hang(seconds: int = 5) -> Iterator[None]:
    """Fail (not wait forever) if loading hangs; a guard, not a timing."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def problem_line(output: str, message: str) -> str:
    lines = [line for line in output.splitlines() if message in line]
    assert lines, f"no line says {message!r} in:\n{output}"
    return lines[0]


def check_everywhere(runner, path: Path, code: int, line: int | None, message: str) -> None:
    where = f"{path}:{line}:" if line is not None else f"{path}: "
    with no_hang():
        with pytest.raises(CatalogueError) as caught:
            load_catalogue(path)
        validated = runner.invoke(app, ["validate", str(path)])
        listed = runner.invoke(app, ["roles", "--catalogue", str(path)])
    assert problem_line(caught.value.message, message).startswith(where)
    assert validated.exit_code == listed.exit_code == code
    assert problem_line(validated.stdout, message).startswith(where)
    assert problem_line(listed.stderr, message).startswith(where)
    for result in (validated, listed):
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("text", "code", "line", "message"), [r[1:] for r in BAD], ids=[r[0] for r in BAD]
)
def test_bad_catalogue(runner, tmp_path, text, code, line, message):
    path = tmp_path / "roles.yaml"
    path.write_text(text, encoding="utf-8")
    check_everywhere(runner, path, code, line, message)


@pytest.mark.parametrize(
    ("data", "message"), [r[1:] for r in UNREADABLE], ids=[r[0] for r in UNREADABLE]
)
def test_unreadable_catalogue(runner, tmp_path, data, message):
    path = tmp_path / "roles.yaml"
    path.write_bytes(data)
    check_everywhere(runner, path, 1, None, message)


def test_missing_file_and_folder(runner, tmp_path):
    check_everywhere(runner, tmp_path / "nope.yaml", 1, None, "file not found")
    check_everywhere(runner, tmp_path, 1, None, "is a folder, not a catalogue file")


def test_no_code_runs_from_the_file(runner, tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "roles.yaml"
    path.write_text(
        edit(
            "summary: {en: Draws, id: Menggambar}",
            f"summary: !!python/object/apply:os.system ['touch {marker}']",
        ),
        "utf-8",
    )
    runner.invoke(app, ["validate", str(path)])
    assert not marker.exists()


def test_every_problem_is_reported_at_once(runner, tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        edit("level: entry", "level: junior")
        .replace("related: []", "related: [x]")
        .replace("roles:", "roles:", 1)
        + "rolez: 1\n",
        "utf-8",
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    for line, message in [
        (9, "must be one of entry, mid, senior"),
        (11, "unknown role 'x'"),
        (18, "unknown field 'rolez'"),
    ]:
        assert problem_line(result.stdout, message).startswith(f"{path}:{line}:")
    assert "3 problem(s)" in result.stdout


def test_one_language_is_a_warning_and_falls_back(runner, tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(edit("{en: Draws, id: Menggambar}", "{en: Draws}"), "utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0
    assert problem_line(result.stdout, "only in English").startswith(f"warning: {path}:6:")
    shown = runner.invoke(app, ["show", "designer", "--lang", "id", "--catalogue", str(path)])
    assert "Draws" in shown.stdout


def test_a_usage_error_exits_2(runner):
    result = runner.invoke(app, ["validate", "a.yaml", "b.yaml"])
    assert result.exit_code == 2
    assert runner.invoke(app, ["roles", "--catalogue"]).exit_code == 2


def test_the_shipped_catalogue_validates(runner):
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert "valid, 10 roles and 26 questions" in result.stdout
    assert "warning" not in result.stdout


def test_a_copy_with_a_bom_and_crlf_validates(runner, tmp_path):
    shipped = (Path(__file__).resolve().parents[1] / "data" / "roles.yaml").read_text("utf-8")
    copy = tmp_path / "windows.yaml"
    copy.write_bytes(b"\xef\xbb\xbf" + shipped.replace("\n", "\r\n").encode("utf-8"))
    result = runner.invoke(app, ["validate", str(copy)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["roles", "--catalogue", str(copy), "--json"]).exit_code == 0


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_copy_with_its_mark_validates(runner, tmp_path, encoding):
    # Windows Notepad's "Unicode" and PowerShell's redirection write UTF-16 with a mark.
    shipped = (Path(__file__).resolve().parents[1] / "data" / "roles.yaml").read_text("utf-8")
    copy = tmp_path / "notepad.yaml"
    data = shipped.encode(encoding)
    copy.write_bytes(data if encoding == "utf-16" else b"\xfe\xff" + data)
    result = runner.invoke(app, ["validate", str(copy)])
    assert result.exit_code == 0, result.output


def test_a_flood_of_problems_is_cut_short(runner, tmp_path):
    flood = "x: &x {en: a, id: b}\ntraits:\n" + "".join(
        f"  - {{id: t{i}, name: *x, description: *x}}\n" for i in range(2000)
    )
    path = tmp_path / "roles.yaml"
    path.write_text(flood, encoding="utf-8")
    with no_hang():
        result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "stopped reading after 100 problems; fix these first" in result.stdout
    assert len(result.stdout.splitlines()) <= 102
