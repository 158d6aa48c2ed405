"""Any terminal renders: colour settings, widths, pipes and encodings never break a command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = {
    "roles": (["roles"], "Specialist"),
    "show": (["show", "social-media-analyst"], "Analyst"),
    "help": (["--help"], "Usage"),
}
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


@pytest.mark.parametrize("terminal", TERMINALS, ids=str)
@pytest.mark.parametrize("command", COMMANDS, ids=str)
def test_command_renders(command, terminal):
    args, word = COMMANDS[command]
    env = TERMINALS[terminal]
    result = run(args, env)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    out = result.stdout
    if env.get("PYTHONIOENCODING") == "ascii":
        assert out.isascii()
    text = out.decode("utf-8")
    if "FORCE_COLOR" in env and command != "help":  # help is plain text, for speed
        assert "\x1b[" in text  # colour was asked for
    else:
        assert "\x1b[" not in text  # output to a pipe carries no escape codes
    if env.get("ROLEFINDER_LANG") != "id" or command != "help":
        assert word in text.replace("\n", "")


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
