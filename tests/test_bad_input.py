"""Every bad catalogue gets a clear message with its line, exit code 1, and never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import BAD, UNREADABLE, edit, no_hang
from rolefinder import CatalogueError, load_catalogue
from rolefinder.cli.app import app

# The tables of bad catalogues (BAD, UNREADABLE) are in helpers.py: test_problem_messages.py
# tells the same problems in Indonesian.


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


# Every way a command reads a file the user names; "{missing}" is a path that does not exist,
# "{sheet}" a real answer sheet (so `class` has one file it can read beside the missing one).
READERS = [
    ["quiz", "--answers", "{missing}"],
    ["roles", "--catalogue", "{missing}"],
    ["validate", "{missing}"],
    ["class", "{missing}", "--out", "{out}"],
    ["class", "{sheet}", "{missing}", "--out", "{out}"],
]
NOT_FOUND = {"en": "file not found", "id": "file tidak ditemukan"}  # not "cannot be read"


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_a_missing_file_is_said_to_be_missing(runner, tmp_path, args, lang):
    from personas import PERSONAS

    sheet = tmp_path / "sheet.json"
    sheet.write_text(json.dumps(PERSONAS["graphic-designer"]), "utf-8")
    places = {"{missing}": str(tmp_path / "nope.csv"), "{sheet}": str(sheet)}
    places["{out}"] = str(tmp_path / "out")
    result = runner.invoke(app, [*(places.get(arg, arg) for arg in args), "--lang", lang])
    assert result.exit_code == 1
    output = result.output.lower()
    assert NOT_FOUND[lang] in output and "nope.csv" in output, result.output
    assert "cannot be read" not in output and "bisa dibaca" not in output, result.output


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
        (19, "unknown field 'rolez'"),
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
    assert "valid, 10 roles and 27 questions" in result.stdout
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
