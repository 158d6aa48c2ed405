"""The quiz as people see it: a real terminal (tmux) at 40x15, 50x24, 80x24 and 120x40.

Each sitting is typed the way the hint says (a number, then Enter) and checked screen by
screen: the question's heading is in view, going back leaves one copy of the question, the
review keeps its heading while its list scrolls, and every answer lands where it was meant.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import ci_is_set

pytestmark = pytest.mark.pty

TMUX = shutil.which("tmux")
if TMUX is None and not ci_is_set():
    pytest.skip("tmux is not installed", allow_module_level=True)

SIZES = [(40, 15), (50, 24), (80, 24), (120, 40)]
HEADING = {
    "en": r"\? Question (\d+) of at most (\d+)",
    "id": r"\? Pertanyaan (\d+) \(paling banyak",
}
REVIEW = {"en": "? Your answers.", "id": "? Berikut jawabanmu."}
SERVERS = itertools.count()


class Terminal:
    """One tmux window of a fixed size on a private server, running one command."""

    def __init__(self, folder: Path, columns: int, rows: int, command: str) -> None:
        assert TMUX is not None, "tmux is needed for these tests (CI installs it)"
        # A server of its own, named once: a name used again can meet the last one's server
        # still shutting down, and the new session then fails to start.
        self.tmux = [TMUX, "-u", "-L", f"rolefinder-test-{os.getpid()}-{next(SERVERS)}"]
        env = {"LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": str(folder)}
        env_words = " ".join(f"{k}={v}" for k, v in env.items())
        self.run(
            "new-session", "-d", "-x", str(columns), "-y", str(rows),
            f"env {env_words} {command}; echo EXIT=$?; sleep 60",
        )  # fmt: skip

    def run(self, *args: str) -> str:
        done = subprocess.run([*self.tmux, *args], capture_output=True, text=True, check=True)
        return done.stdout

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "0", *keys)

    def screen(self) -> list[str]:
        """The window's rows, down to the last one with anything on it."""
        return self.run("capture-pane", "-p", "-t", "0").rstrip("\n").split("\n")

    def wait(self, ready: Callable[[list[str]], bool], what: str) -> list[str]:
        """The screen once ``ready`` says so; fails after 20 s rather than hanging."""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            screen = self.screen()
            if ready(screen):
                time.sleep(0.05)  # let a redraw in progress finish, then look again
                screen = self.screen()
                if ready(screen):
                    return screen
            time.sleep(0.05)
        raise AssertionError(f"waited for {what}; the screen:\n" + "\n".join(self.screen()))

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


def script() -> str:
    found = Path(sys.executable).parent / "rolefinder"
    assert found.exists(), f"install rolefinder first (pip install -e '.[test]'); no {found}"
    return str(found)


def heading(screen: list[str], lang: str) -> int | None:
    """The number of the question on screen, from its heading (None if no heading shows)."""
    found = [m for line in screen if (m := re.match(HEADING[lang], line))]
    assert len(found) <= 1, "\n".join(screen)  # one question on screen, never two
    return int(found[0][1]) if found else None


def choices(screen: list[str]) -> int:
    """How many numbered choices the question on screen offers (from the last number shown)."""
    numbers = [int(m[1]) for line in screen if (m := re.match(r"[» ] +(\d+)\. ", line))]
    return max(numbers)


@pytest.fixture
def terminal(request, tmp_path):
    made: list[Terminal] = []

    def make(columns: int, rows: int, lang: str) -> Terminal:
        command = f"{script()} quiz --lang {lang} --no-history --save {tmp_path / 'out.json'}"
        made.append(Terminal(tmp_path, columns, rows, command))
        return made[-1]

    yield make
    for each in made:
        each.close()


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_sitting_typed_as_the_hint_says(terminal, tmp_path, size, lang):
    columns, rows = size
    term = terminal(columns, rows, lang)
    meant: dict[int, int] = {}  # question number -> the number typed for it
    went_back = False
    last: int | None = None  # the question answered last: wait for the screen to move on
    while True:
        screen = term.wait(
            lambda s, last=last: (
                heading(s, lang) not in (None, last) or any(REVIEW[lang] in line for line in s)
            ),
            "the next question",
        )
        assert all(len(line) <= columns for line in screen)
        if any(REVIEW[lang] in line for line in screen):
            break
        number = heading(screen, lang)
        assert number is not None
        if number == 3 and not went_back:
            # Back is the last choice: the list scrolls to it; the heading stays.
            term.keys(str(choices_after_scrolling(term)), "Enter")
            term.wait(lambda s: heading(s, lang) == 2, "question 2 again")  # one copy only
            went_back, last = True, 3
            continue
        typed = 2 if number % 2 else 1
        meant[number] = typed
        term.keys(str(typed), "Enter")
        last = number
    # At the top of the list, the heading is still there (the list scrolls, not the screen).
    term.keys("Home")
    top = term.wait(lambda s: any(re.match(r"» +1\. ", line) for line in s), "answer 1")
    assert any(REVIEW[lang] in line for line in top), "\n".join(top)
    term.keys("End", "Enter")  # confirm, the last line
    term.wait(lambda s: any(line.startswith("EXIT=") for line in s), "the result")
    # Every prompt was erased once answered, scrollback included: no copy of a question or of
    # the review stays above the result (a prompt as tall as the window used to leave one).
    history = term.run("capture-pane", "-p", "-t", "0", "-S", "-").split("\n")
    assert heading(history, lang) is None
    assert not any(REVIEW[lang] in line for line in history)
    saved = json.loads((tmp_path / "out.json").read_text("utf-8"))
    answers = saved["answers"]  # in the order asked
    assert len(answers) == len(meant), (answers, meant)
    for number, question_id in enumerate(answers, start=1):
        options = option_ids(question_id)
        assert answers[question_id] == options[meant[number] - 1], (number, question_id)


def choices_after_scrolling(term: Terminal) -> int:
    """The number of the last choice, shown once the list is scrolled to its end."""
    term.keys("End")
    screen = term.wait(lambda s: any(line.startswith("» ") for line in s[-4:]), "the list's end")
    return choices(screen)


def option_ids(question_id: str) -> list[str]:
    from rolefinder.catalogue.load import load_catalogue

    question = load_catalogue().question(question_id)
    assert question is not None
    return [option.id for option in question.options]
