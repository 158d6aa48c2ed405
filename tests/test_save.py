"""quiz --save: every format, no clobbering, atomic writes, nothing written on cancel."""

from __future__ import annotations

import ast
import errno
import html
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ScriptedPrompter, pick_default
from personas import PERSONAS
from rolefinder import files
from rolefinder.cli.app import app
from rolefinder.cli.base import World
from rolefinder.errors import QuizCancelled
from rolefinder.present.cards import CARDS

ANALYST = PERSONAS["social-media-analyst"]
TOP_ROLE = "Social Media Analyst"


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "sheet.yaml"
    path.write_text(yaml.safe_dump(ANALYST), "utf-8")
    return str(path)


def save(runner, sheet, target, *extra):
    return runner.invoke(
        app,
        ["quiz", "--answers", sheet, "--save", str(target), *extra],
        obj=World(interactive=False),
    )


@pytest.mark.parametrize("suffix", [".json", ".md", ".html", ".svg"])
def test_each_format_is_written_and_names_the_top_role(runner, tmp_path, sheet, suffix):
    target = tmp_path / f"result{suffix}"
    result = save(runner, sheet, target)
    assert result.exit_code == 0, result.output
    text = html.unescape(target.read_text("utf-8")).replace("\xa0", " ")
    assert TOP_ROLE in text
    assert f"Saved to {target}" in result.stderr
    # nothing but the sheet and the result: no temporary file left beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["sheet.yaml", target.name])
    if suffix == ".json":
        assert json.loads(text)["matches"][0]["id"] == "social-media-analyst"


def test_a_saved_file_gets_normal_permissions(runner, tmp_path, sheet):
    target = tmp_path / "result.md"
    save(runner, sheet, target)
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_no_replacing_without_force(runner, tmp_path, sheet):
    target = tmp_path / "result.md"
    target.write_text("my notes", "utf-8")
    refused = save(runner, sheet, target)
    assert refused.exit_code == 1
    assert "already exists; use --force" in refused.stderr
    assert target.read_text("utf-8") == "my notes"
    forced = save(runner, sheet, target, "--force")
    assert forced.exit_code == 0
    assert TOP_ROLE in target.read_text("utf-8")


def test_a_crash_mid_write_keeps_the_old_file_and_leaves_no_temporary(
    runner, tmp_path, sheet, monkeypatch
):
    target = tmp_path / "result.json"
    target.write_text('{"old": true}', "utf-8")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = save(runner, sheet, target, "--force")
    assert result.exit_code == 1
    assert "Cannot write" in result.stderr and "the disk is full" in result.stderr
    assert target.read_text("utf-8") == '{"old": true}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.json", "sheet.yaml"]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("target", "code", "message"),
    [
        ("missing-folder/result.md", 1, "the folder"),
        ("result.pdf", 2, f"use a file ending in {', '.join(CARDS)}"),
        (".", 2, "use a file ending in"),
    ],
)
def test_a_bad_target_is_refused_before_any_question(runner, tmp_path, target, code, message):
    prompter = ScriptedPrompter([])
    result = runner.invoke(
        app,
        ["quiz", "--save", str(tmp_path / target)],
        obj=World(prompter=prompter, interactive=True),
    )
    assert result.exit_code == code
    assert message in result.stderr
    assert prompter.asked == []  # the user did not answer a quiz for nothing


def test_a_cancelled_quiz_writes_nothing(runner, tmp_path, catalogue):
    def cancel(asked):
        raise QuizCancelled()

    prompter = ScriptedPrompter(["none", "sure", pick_default, cancel])
    target = tmp_path / "result.md"
    result = runner.invoke(
        app, ["quiz", "--save", str(target)], obj=World(prompter=prompter, interactive=True)
    )
    assert result.exit_code == 130
    assert list(tmp_path.iterdir()) == []


def test_the_real_command_leaves_its_output_and_file_complete(tmp_path, sheet):
    # Through the console entry point, which freezes the collector on the way out.
    target = tmp_path / "result.json"
    env = {**os.environ, "ROLEFINDER_LANG": "en", "ROLEFINDER_CACHE": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "rolefinder", "quiz", "--answers", sheet, "--json"]
    done = subprocess.run([*command, "--save", str(target)], capture_output=True, env=env)
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed == json.loads(target.read_text("utf-8"))
    assert printed["matches"][0]["name"] == TOP_ROLE


# One writer: --save and the catalogue cache both put their files in place through files.py.

SRC = Path(__file__).resolve().parents[1] / "src" / "rolefinder"
PLACING = {("os", "replace"), ("os", "rename"), ("os", "link"), ("tempfile", "mkstemp")}
PLACING |= {("tempfile", "NamedTemporaryFile"), ("shutil", "move")}


def placing_calls(source: str) -> list[str]:
    """The calls in ``source`` that create a file and move it into place, or import them."""
    named = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            named.append((node.value.id, node.attr))  # os.replace(...)
        elif isinstance(node, ast.ImportFrom):
            named += [(node.module, alias.name) for alias in node.names]  # from os import link
    return sorted(f"{module}.{name}" for module, name in named if (module, name) in PLACING)


def test_files_py_is_the_only_place_a_file_is_moved_into_place():
    found = {
        path.relative_to(SRC).as_posix(): placing_calls(path.read_text("utf-8"))
        for path in SRC.rglob("*.py")
    }
    assert {name for name, calls in found.items() if calls} == {"files.py"}, found


def test_the_result_file_and_the_cache_entry_use_the_same_writer(
    runner, tmp_path, sheet, monkeypatch
):
    written = []
    real = files.write_atomically

    def recording(path, data, **options):
        written.append(Path(path))
        real(path, data, **options)

    monkeypatch.setattr(files, "write_atomically", recording)
    monkeypatch.setenv("ROLEFINDER_CACHE", str(tmp_path / "cache"))  # empty: a miss, then a put
    target = tmp_path / "result.md"
    result = save(runner, sheet, target)
    assert result.exit_code == 0, result.output
    assert [path.parent.name for path in written] == ["cache", tmp_path.name]
    assert written[1] == target and written[0].is_file()


def test_the_writer_never_replaces_unless_asked(tmp_path):
    target = tmp_path / "kept.txt"
    target.write_text("old", "utf-8")
    with pytest.raises(FileExistsError):
        files.write_atomically(target, b"new", replace=False)
    assert target.read_text("utf-8") == "old"
    files.write_atomically(target, b"new", replace=True, mode=0o600)
    assert target.read_bytes() == b"new"
    if os.name != "nt":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt"]


def test_without_hard_links_the_writer_still_never_clobbers(tmp_path, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    fresh, taken = tmp_path / "fresh.txt", tmp_path / "taken.txt"
    taken.write_text("old", "utf-8")
    files.write_atomically(fresh, b"new", replace=False)
    with pytest.raises(FileExistsError):
        files.write_atomically(taken, b"new", replace=False)
    assert fresh.read_bytes() == b"new" and taken.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.txt", "taken.txt"]
