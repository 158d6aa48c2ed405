"""End to end: the installed console script in a real pseudo-terminal, driven by keys."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect drives a pseudo-terminal (not on Windows)")

pytestmark = pytest.mark.pty

DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]")


def script() -> str:
    """The rolefinder command installed beside this Python, as a user would run it."""
    found = Path(sys.executable).parent / ("rolefinder.exe" if os.name == "nt" else "rolefinder")
    assert found.exists(), f"install rolefinder first (pip install -e '.[test]'); no {found}"
    return str(found)


def spawn(cwd: Path, *args: str):
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "COLUMNS": "100",
        "LINES": "40",
        "ROLEFINDER_LANG": "en",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }  # pexpect, unlike a terminal, never answers CPR
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        script(),
        ["quiz", *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=20,
    )


def answer(child, first_keys: str = ENTER, confirm: bool = True) -> int:
    """Answer each question of the sitting (Enter), then confirm the review; return the count."""
    number = 0
    # Each answered question is echoed again, so wait for the next number, not any number.
    while child.expect([f"Question {number + 1},", "Your answers"]) == 0:
        number += 1
        child.send(first_keys if number == 1 else ENTER)
    if confirm:
        child.send(ENTER)  # confirm: the highlighted choice on the review screen
    return number


def test_answering_every_question_shows_a_ranked_result(tmp_path, catalogue):
    child = spawn(tmp_path)
    asked = answer(child, first_keys=DOWN + ENTER)  # arrow down once, then Enter
    assert 13 <= asked <= 17
    child.expect("Your best matches")
    above = child.before  # the best-match card comes first
    child.expect(pexpect.EOF)
    child.close()
    screen = ANSI.sub("", above + child.before)
    assert child.exitstatus == 0
    assert re.search(r"1\s+\W\s+[A-Z][\w ]+\s+\W\s+\d+%", screen), screen
    assert "Best match:" in screen
    assert list(tmp_path.iterdir()) == []  # the quiz writes nothing


@pytest.mark.parametrize("at_question", [1, 5])
def test_ctrl_c_cancels_with_exit_130_and_no_traceback(tmp_path, catalogue, at_question):
    child = spawn(tmp_path)
    for number in range(1, at_question):
        child.expect(f"Question {number},")
        child.send(ENTER)
    child.expect(f"Question {at_question},")
    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    output = ANSI.sub("", child.before)
    assert child.exitstatus == 130, output
    assert "Quiz cancelled." in output
    assert "Error" not in output  # cancelling is the user's choice, not an error
    assert "Traceback" not in output
    assert list(tmp_path.iterdir()) == []


def test_the_review_screen_changes_an_earlier_answer(tmp_path, catalogue):
    child = spawn(tmp_path, "--json")
    answer(child, confirm=False)  # the first option everywhere; the review screen is up
    child.send(DOWN + ENTER)  # the line for question 1
    child.expect("Answer 1 of")
    child.send(DOWN + ENTER)  # its second option
    child.expect("Your answers")
    child.send(ENTER)  # confirm
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    output = ANSI.sub("", child.before)
    document = json.loads(output[output.index("{") : output.rindex("}") + 1])
    first, second = catalogue.experience, catalogue.outlook
    assert document["answers"][first.id] == first.options[1].id
    assert document["answers"][second.id] == second.options[0].id
