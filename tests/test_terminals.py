"""Any terminal renders: colour settings, widths, pipes and encodings never break a command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import app_commands, one_shot

# Every command runs as in helpers.ONE_SHOT. Its row: a word its output holds in either
# language (role names and ids are the same in both), and whether FORCE_COLOR colours it (JSON
# and validate's one line stay plain). --help is plain text too, for speed.
SHOWN = {
    "quiz": ("Designer", True),
    "result": ("Designer", True),
    "compare": ("Analyst", True),
    "history": ("Designer", True),
    "schema": ('"$schema"', False),
    "questions": ("monday", True),
    "roles": ("Specialist", True),
    "show": ("Analyst", True),
    "validate": ("roles.yaml", False),
    "class": ("Designer", True),
}
TRAILING_SPACE = re.compile(r"^.*[ ](?:\x1b\[[0-9;]*m)*$", re.M)
TERMINALS = {
    "NO_COLOR": {"NO_COLOR": "1"},
    "FORCE_COLOR": {"FORCE_COLOR": "1"},
    "TERM=dumb": {"TERM": "dumb"},
    "20 columns": {"COLUMNS": "20"},
    "250 columns": {"COLUMNS": "250"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "Indonesian, ascii, 30 columns": {
        "PYTHONIOENCODING": "ascii",
        "COLUMNS": "30",
        "ROLEFINDER_LANG": "id",
    },
}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    base.update({"LANG": "C.UTF-8", "TERM": "xterm-256color", "ROLEFINDER_LANG": "en", **env})
    return subprocess.run(
        [sys.executable, "-m", "rolefinder", *args], capture_output=True, env=base
    )


def test_every_command_has_a_row():
    assert set(SHOWN) == set(app_commands()), "test_terminals.SHOWN needs a row for each command"


@pytest.mark.parametrize("terminal", TERMINALS, ids=str)
@pytest.mark.parametrize("command", [*sorted(app_commands()), "--help"], ids=str)
def test_command_renders(command, terminal, tmp_path):
    env = TERMINALS[terminal]
    if command == "--help":
        args, coloured = ["--help"], False
        word = "Penggunaan" if env.get("ROLEFINDER_LANG") == "id" else "Usage"
    else:
        args, (word, coloured) = one_shot(command, tmp_path), SHOWN[command]
    result = run(args, env)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    out = result.stdout
    if env.get("PYTHONIOENCODING") == "ascii":
        assert out.isascii()
    text = out.decode("utf-8")
    if "FORCE_COLOR" in env and coloured:
        assert "\x1b[" in text  # colour was asked for
    else:
        assert "\x1b[" not in text  # output to a pipe carries no escape codes
    assert word in text.replace("\n", "")
    # rich pads table cells; a pipe gets no line that ends in spaces (colour codes aside)
    assert not TRAILING_SPACE.findall(text), TRAILING_SPACE.findall(text)[:3]


def test_text_the_stream_cannot_encode_is_replaced_not_fatal(tmp_path):
    catalogue = Path(__file__).resolve().parents[1] / "data" / "roles.yaml"
    accented = tmp_path / "roles.yaml"
    accented.write_text(
        catalogue.read_text("utf-8").replace("Turns content", "Turns café"), "utf-8"
    )
    shown = run(
        ["show", "graphic-designer", "--catalogue", str(accented)], {"PYTHONIOENCODING": "ascii"}
    )
    assert shown.returncode == 0 and b"Turns caf? " in shown.stdout
    as_json = run(
        ["show", "graphic-designer", "--json", "--catalogue", str(accented)],
        {"PYTHONIOENCODING": "ascii"},
    )
    assert as_json.returncode == 0 and b"caf\\u00e9" in as_json.stdout
