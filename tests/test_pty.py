"""End to end: the installed console script in a real pseudo-terminal, driven by keys."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import sys
from pathlib import Path

import pytest

from helpers import no_hang

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
    # A question is redrawn as keys arrive, so wait for the next number, not any number.
    while child.expect([f"Question {number + 1} of", "Your answers"]) == 0:
        number += 1
        child.send(first_keys if number == 1 else ENTER)
    if confirm:
        child.send(ENTER)  # confirm: the highlighted choice on the review screen
    return number


def test_answering_every_question_shows_a_ranked_result(tmp_path, catalogue):
    child = spawn(tmp_path)
    asked = answer(child, first_keys=DOWN + ENTER)  # arrow down once, then Enter
    assert 14 <= asked <= 18
    child.expect(
        ["Roles your answers fit", "The role your answers fit", "The roles that fit best so far"]
    )
    above = child.before  # the profile comes first
    child.expect(pexpect.EOF)
    child.close()
    screen = ANSI.sub("", above + child.before)
    assert child.exitstatus == 0
    assert "Your profile" in above
    assert re.search(r"^\s*1\s+[A-Z][\w ]+?\s+\d+/100", screen, flags=re.M), screen
    assert "Best fit:" in screen
    assert list(tmp_path.iterdir()) == []  # the quiz writes nothing


@pytest.mark.parametrize(
    ("at_question", "key"),
    [(1, CTRL_C), (5, CTRL_C), (2, "\x1b"), (2, "q"), (2, "\x04")],
    ids=["ctrl-c-1", "ctrl-c-5", "esc", "q", "ctrl-d"],
)
def test_cancelling_exits_130_with_no_traceback(tmp_path, catalogue, at_question, key):
    child = spawn(tmp_path)
    for number in range(1, at_question):
        child.expect(f"Question {number} of")
        child.send(ENTER)
    child.expect(f"Question {at_question} of")
    child.send(key)
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
    child.expect("Changing answer 1 of")
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


def test_term_dumb_gets_numbered_prompts_with_no_escape_sequences(tmp_path, catalogue):
    child = spawn(tmp_path)  # for its environment
    child.close(force=True)
    env = {**child.env, "TERM": "dumb"}
    child = pexpect.spawn(
        script(), ["quiz"], cwd=str(tmp_path), env=env, encoding="utf-8", timeout=20
    )
    child.logfile_read = everything = io.StringIO()
    asked = 0
    ask = r"Type a number \(1-(\d+)\) and press Enter, or q to stop: "
    while child.expect([ask, "Best fit"]) == 0:
        asked += 1
        review = "Your answers" in child.before
        child.sendline(child.match.group(1) if review else "2")  # the review: confirm, last
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert 14 <= asked <= 19  # experience, outlook, 12-16 about the work, the review screen
    assert "\x1b" not in everything.getvalue()


# How the quiz ends on each signal: its exit status (128 + the signal for SIGTERM and SIGHUP, as
# shells report them; 130 for SIGINT, as for Ctrl-C) and its message.
SIGNALS = {
    "SIGINT": (130, "Quiz cancelled."),
    "SIGTERM": (143, "Quiz stopped (SIGTERM); nothing was saved."),
    "SIGHUP": (129, "Quiz stopped (SIGHUP); nothing was saved."),
}


def signalled(tmp_path: Path, env: dict[str, str], names: list[str]) -> str:
    """The quiz in a shell, sent the signals ``names`` at its first question; what the shell
    shows after it: the exit status and whether the terminal is still raw (icanon, echo)."""
    report = (
        "echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '"
    )
    child = pexpect.spawn(
        "bash",
        # The inner shell tells its process id, then becomes the quiz (same id, same terminal).
        ["-c", f"bash -c 'echo PID=$$; exec {script()} quiz'; {report}; echo END"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=20,
    )
    child.expect(r"PID=(\d+)")
    pid = int(child.match.group(1))
    child.expect(["Question 1 of", "or q to stop: "])
    for name in names:
        os.kill(pid, getattr(signal, name))
    child.expect("END", timeout=5)  # a bound for a hang, not a timing: it takes well under 1 s
    return child.before


def quiz_env(**changes: str | None) -> dict[str, str]:
    child = spawn(Path.cwd())  # for its environment
    child.close(force=True)
    env = dict(child.env)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def assert_put_back(after: str) -> None:
    assert "icanon" in after.split() and "echo" in after.split(), after  # not -icanon, -echo
    assert "Traceback" not in after and "Unhandled exception" not in after, after
    assert "Press ENTER" not in after, after  # prompt_toolkit's wait after an error
    hidden, shown = after.rfind("\x1b[?25l"), after.rfind("\x1b[?25h")
    assert shown > hidden, "the cursor was left hidden"


@pytest.mark.parametrize("cpr", ["never answered", "not asked"])
@pytest.mark.parametrize("name", list(SIGNALS))
def test_a_signal_at_a_question_ends_the_quiz_and_restores_the_terminal(tmp_path, name, cpr):
    # A pexpect pty never answers a cursor position query (CPR); PROMPT_TOOLKIT_NO_CPR=1
    # keeps prompt_toolkit from asking, as on a terminal it knows does not answer.
    env = quiz_env(PROMPT_TOOLKIT_NO_CPR=None if cpr == "never answered" else "1")
    after = signalled(tmp_path, env, [name])
    code, message = SIGNALS[name]
    assert f"EXIT={code}" in after, after
    assert message in after
    assert_put_back(after)


@pytest.mark.parametrize("names", [["SIGTERM", "SIGHUP"], ["SIGINT", "SIGTERM"]], ids="+".join)
def test_a_second_signal_while_the_quiz_ends_shows_no_error(tmp_path, names):
    # The first signal ends the question; the second found it ending, and prompt_toolkit
    # showed the error of ending it twice and waited for Enter. (Two different signals: two
    # of the same one sent at once arrive as one.) A second signal that comes once the
    # question is gone ends the process by its default action, the terminal already put back.
    after = signalled(tmp_path, quiz_env(PROMPT_TOOLKIT_NO_CPR=None), names)
    codes = [SIGNALS[name][0] for name in names]
    assert re.search(f"EXIT=({codes[0]}|{codes[1]})\\b", after), after
    assert_put_back(after)


@pytest.mark.parametrize("name", list(SIGNALS))
def test_a_signal_at_a_plain_question_ends_the_quiz_with_its_message(tmp_path, name):
    after = signalled(tmp_path, quiz_env(TERM="dumb"), [name])
    code, message = SIGNALS[name]
    assert f"EXIT={code}" in after, after
    assert message in after
    assert "Traceback" not in after


def test_a_terminal_that_never_answers_cursor_queries_gets_no_english_warning(tmp_path):
    # prompt_toolkit printed "WARNING: your terminal doesn't support cursor position requests
    # (CPR)." above every question, two seconds after it was drawn, in English.
    env = quiz_env(PROMPT_TOOLKIT_NO_CPR=None, ROLEFINDER_LANG="id")
    child = pexpect.spawn(
        script(), ["quiz"], cwd=str(tmp_path), env=env, encoding="utf-8", dimensions=(40, 100)
    )
    child.expect("Pertanyaan 1 ", timeout=20)
    # Past prompt_toolkit's two seconds: a wait for the warning, not a timing of the quiz.
    assert child.expect(["WARNING", "CPR", pexpect.TIMEOUT], timeout=4) == 2, child.before
    child.send(ENTER)
    child.expect("Pertanyaan 2 ", timeout=20)
    child.send(CTRL_C)
    child.expect(pexpect.EOF, timeout=20)
    child.close()
    assert child.exitstatus == 130
    assert "WARNING" not in child.before


@pytest.mark.parametrize("term", ["xterm-256color", "dumb"])
def test_a_terminal_that_hangs_up_at_a_question_ends_the_quiz_with_129(tmp_path, term):
    # The terminal closes (a dropped ssh session, a closed window): SIGHUP comes, and every
    # write to the terminal fails. Putting it back, or telling why, failing too made it
    # "the output could not be written" and exit 1.
    env = quiz_env(TERM=term, PROMPT_TOOLKIT_NO_CPR=None)
    child = pexpect.spawn(
        script(), ["quiz"], cwd=str(tmp_path), env=env, encoding="utf-8", dimensions=(40, 100)
    )
    child.expect(["Question 1 of", "or q to stop: "], timeout=20)
    pid = child.pid
    os.close(child.child_fd)  # the terminal's side of the pty gone: a hangup
    child.child_fd = -1
    child.closed = True
    with no_hang(10):
        _, status = os.waitpid(pid, 0)
    child.terminated = True  # reaped here, not by pexpect
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 129, status
