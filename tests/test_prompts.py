"""The prompts people see: wrapped to any width, the keys they try, and the plain mode."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys

import pytest

from conftest import PLAIN_ENV
from rolefinder.cli.app import app
from rolefinder.cli.base import World
from rolefinder.errors import QuizCancelled
from rolefinder.quiz.prompts import PlainPrompter, SelectState, wrap
from rolefinder.quiz.sitting import BACK, PromptChoice
from rolefinder.words.languages import LANGS

WIDTHS = (40, 50, 80, 100, 120, 200)


def states(catalogue):
    """A select state for every question, as the quiz builds it, in both languages."""
    for lang in LANGS:
        for question in catalogue.questions:
            choices = [PromptChoice(o.id, o.text.get(lang)) for o in question.options]
            message = f"Question 3 of at most 18\n  {question.prompt.get(lang)}"
            yield SelectState(message, choices, choices[0].value, "(arrow keys, then Enter)")


def shown(state, width):
    return "".join(text for _, text in state.lines(width)).split("\n")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_option_is_shown_whole_at_every_width(catalogue, width):
    for state in states(catalogue):
        lines = shown(state, width)
        assert all(len(line) <= width - 1 for line in lines), max(lines, key=len)
        words = " ".join(lines).split()
        for choice in state.choices:  # every word of every option, in order
            assert " ".join(choice.title.split()) in " ".join(words)


def test_wrapped_lines_hang_under_the_text_not_the_number():
    lines = wrap("one two three four five six seven eight nine ten", 20, "» 1. ")
    assert lines[0].startswith("» 1. one")
    assert all(line.startswith("     ") and line[5] != " " for line in lines[1:])
    assert all(len(line) <= 20 for line in lines)


def test_a_word_longer_than_the_window_is_broken_not_lost():
    lines = wrap("x" * 100, 40, "  ")
    assert "".join(line.strip() for line in lines) == "x" * 100


def test_number_keys_point_and_two_digits_reach_a_long_lists_end():
    state = SelectState("q", [PromptChoice(str(n), f"option {n}") for n in range(1, 13)], "1", "")
    state.digit("3")
    assert state.index == 2
    state.digit("1")  # 1 could become 10, 11 or 12
    assert state.index == 0
    state.digit("2")  # ... and 12 it is
    assert state.index == 11
    state.digit("0")
    assert state.index == 11  # no option 0: nothing moves


def test_arrows_wrap_round():
    state = SelectState("q", [PromptChoice("a", "A"), PromptChoice("b", "B")], "a", "")
    state.move(-1)
    assert state.index == 1
    state.move(1)
    assert state.index == 0


def test_the_heading_and_the_choices_are_drawn_apart():
    state = SelectState(
        "Question 2\n  Why?", [PromptChoice("a", "A"), PromptChoice(BACK, "Back")], None, ""
    )
    head = "".join(text for _, text in state.head(80))
    body = "".join(text for _, text in state.body(80))
    assert head == "? Question 2\n  Why?"
    assert body == "» 1. A\n  2. Back"  # with nothing answered before, the first is pointed at


# The real prompt, with keys through a pipe.
pipe = pytest.importorskip("prompt_toolkit.input")


def ask_real(keys: str, count: int = 4) -> str:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output import DummyOutput

    from rolefinder.quiz.prompts import KeyPrompter

    choices = [PromptChoice(f"c{n}", f"choice {n}") for n in range(1, count + 1)]
    with pipe.create_pipe_input() as inp:
        inp.send_text(keys)
        inp.close()
        with create_app_session(input=inp, output=DummyOutput()):
            return KeyPrompter().select("Question 1\n  Which?", choices, "c1", "")


def test_a_number_key_points_and_enter_answers():
    assert ask_real("3\r") == "c3"
    assert ask_real("3\x1b[A\r") == "c2"  # pointing is not answering: arrows still move


def test_a_number_alone_answers_nothing():
    with pytest.raises(QuizCancelled):  # the keys run out before any Enter
        ask_real("3")


def test_arrows_and_j_k_move_and_wrap():
    assert ask_real("\x1b[A\r") == "c4"  # up from the first goes round to the last
    assert ask_real("jjk\r") == "c2"


@pytest.mark.parametrize("key", ["\x1b", "q", "\x04", "\x03"], ids=["esc", "q", "ctrl-d", "ctrl-c"])
def test_esc_q_and_ctrl_d_cancel_like_ctrl_c(key):
    with pytest.raises(QuizCancelled):
        ask_real(key)


# The plain prompter: numbers typed, no cursor movement.


def plain(typed: str, lang="en"):
    out = io.StringIO()
    prompter = PlainPrompter(lang, io.StringIO(typed), out)
    choices = [PromptChoice("a", "Apple"), PromptChoice("b", "Banana"), PromptChoice("c", "Cherry")]
    return prompter, out, lambda: prompter.select("Question 1\n  Fruit?", choices, "b", "")


def test_plain_mode_numbers_the_choices_and_reads_a_number():
    _, out, ask = plain("3\n")
    assert ask() == "c"
    assert re.search(r"^1\. Apple\n2\. Banana\n3\. Cherry$", out.getvalue(), flags=re.M)
    assert "\x1b" not in out.getvalue()  # no colour, no cursor movement


def test_plain_mode_asks_again_after_a_wrong_entry_or_a_bare_enter():
    _, out, ask = plain("7\nbanana\n\n2\n")
    assert ask() == "b"
    assert out.getvalue().count("Please type a number from 1 to 3.") == 3  # Enter chose nothing
    assert "Your earlier answer was 2." in out.getvalue()  # the default, said in words


@pytest.mark.parametrize("typed", ["q\n", ""], ids=["q", "end of input"])
def test_plain_mode_q_or_end_of_input_cancels(typed):
    _, _, ask = plain(typed)
    with pytest.raises(QuizCancelled):
        ask()


# Lines that are no answer: each is asked again, once, and the "2" after it answers. Most of
# them ended in a traceback that lost the sitting, or were taken for another number.
HOSTILE_LINES = {
    "superscript two": "²",  # str.isdigit() says yes, int() says no
    "circled one": "①",
    "fullwidth two": "\uff12",  # int() reads it as 2
    "arabic-indic three": "٣",  # int() reads it as 3
    "4,301 digits": "1" * 4301,  # over int()'s limit for a string
    "a megabyte of digits": "7" * 1_000_000,
    "a long line ending in a number": " " * 100 + "2",  # cut at the limit, never half read
    "nul": "2\x00",
    "a sign": "+2",
    "underscores": "0_2",  # int() takes them
}


def bytes_in(data: bytes, errors: str = "strict") -> io.TextIOWrapper:
    """Standard input as a terminal or a pipe gives it: text over bytes, UTF-8, strict."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors=errors)


def plain_on(stdin) -> tuple[io.StringIO, object]:
    out = io.StringIO()
    prompter = PlainPrompter("en", stdin, out)
    choices = [PromptChoice("a", "Apple"), PromptChoice("b", "Banana"), PromptChoice("c", "Cherry")]
    return out, lambda: prompter.select("Question 1\n  Fruit?", choices, None, "")


@pytest.mark.parametrize("line", HOSTILE_LINES.values(), ids=HOSTILE_LINES.keys())
@pytest.mark.parametrize("stream", ["text", "bytes"])
def test_plain_mode_asks_again_after_anything_but_ascii_digits(line, stream):
    typed = f"{line}\n2\n"
    out, ask = plain_on(io.StringIO(typed) if stream == "text" else bytes_in(typed.encode()))
    assert ask() == "b"
    assert out.getvalue().count("Please type a number from 1 to 3.") == 1


@pytest.mark.parametrize("data", [b"\xff\xfe\n2\n", b"\xe2\x91\n2\n", b"\xc2\xb2\n2\n"])
def test_plain_mode_reads_bytes_that_are_not_utf8_as_no_answer(data):
    out, ask = plain_on(bytes_in(data))  # strict UTF-8 raised UnicodeDecodeError
    assert ask() == "b"
    assert out.getvalue().count("Please type a number from 1 to 3.") == 1


def test_plain_mode_reads_a_long_line_in_bounded_pieces():
    asked = []

    class Recording(io.StringIO):
        def readline(self, size=-1):
            asked.append(size)
            return super().readline(size)

    _, ask = plain_on(Recording("9" * 1_000_000 + "\n3\n"))
    assert ask() == "c"
    assert asked and all(0 < size <= 1 << 16 for size in asked)  # never "the whole line"


def test_plain_mode_takes_a_line_that_never_ends_as_the_end_of_input():
    class Zeros(io.RawIOBase):  # what `< /dev/zero` gives: NULs, no line end, no end at all
        given = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            # A guard, so a prompter that reads on does not fill the memory: it fails here.
            assert self.given < 8 << 20, "read on into the 9th MiB of one line"
            buffer[:] = bytes(len(buffer))
            self.given += len(buffer)
            return len(buffer)

    stdin = io.TextIOWrapper(io.BufferedReader(Zeros()), encoding="utf-8")
    _, ask = plain_on(stdin)
    with pytest.raises(QuizCancelled):
        ask()


@pytest.mark.parametrize(
    "error", [KeyboardInterrupt, OSError(5, "Input/output error"), ValueError("closed file")]
)
def test_plain_mode_ctrl_c_or_a_failed_read_cancels(error):
    class Failing(io.StringIO):
        def readline(self, size=-1):
            raise error

    _, ask = plain_on(Failing())
    try:
        ask()
    except QuizCancelled:
        pass
    except BaseException as escaped:  # KeyboardInterrupt too: it would stop pytest itself
        pytest.fail(f"{escaped!r} escaped the prompter")
    else:
        pytest.fail("no QuizCancelled")


def test_plain_mode_with_stdin_closed_cancels(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)  # what Python gives for <&-
    _, ask = plain_on(None)
    with pytest.raises(QuizCancelled):
        ask()


def test_a_closed_stdin_cancels_a_plain_quiz_without_a_traceback():
    done = subprocess.run(
        [sys.executable, "-m", "rolefinder", "--plain", "quiz"],
        env={**os.environ, **PLAIN_ENV, "ROLEFINDER_LANG": "en"},
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.close(0),  # in the child only, before it starts: <&-
        timeout=60,
    )
    assert done.returncode == 130, done.stderr
    assert "Quiz cancelled." in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("line", HOSTILE_LINES.values(), ids=HOSTILE_LINES.keys())
def test_a_hostile_line_before_each_answer_loses_no_answer(runner, catalogue, line):
    clean = runner.invoke(
        app, ["--plain", "quiz", "--all-questions", "--json"], input=typed_sitting(catalogue, 1)
    )
    hostile = "".join(
        f"{line}\n{answer}" for answer in typed_sitting(catalogue, 1).splitlines(True)
    )
    result = runner.invoke(
        app,
        ["--plain", "quiz", "--all-questions", "--json"],
        input=hostile,
        obj=World(interactive=False),
    )
    assert result.exit_code == 0, result.output[-500:]
    assert json.loads(result.stdout[result.stdout.index("{") :]) == json.loads(
        clean.stdout[clean.stdout.index("{") :]
    )


def typed_sitting(catalogue, number: int) -> str:
    """Every question of an --all-questions sitting answered with ``number``, then the review
    confirmed (its last number): what a person or a script types, line by line."""
    count = len(catalogue.questions)
    return f"{number}\n" * count + f"{count + 1}\n"


def test_plain_quiz_runs_through_a_pipe_and_shows_no_bars(runner, catalogue):
    result = runner.invoke(
        app,
        ["--plain", "quiz", "--all-questions"],
        input=typed_sitting(catalogue, 1),
        obj=World(interactive=False),
    )
    assert result.exit_code == 0, result.output
    assert "Best fit:" in result.stdout
    assert "Your earlier answer" not in result.stdout  # nothing was asked twice
    assert "█" not in result.stdout and "\x1b" not in result.stdout
    assert re.search(r"^1\. ", result.stdout, flags=re.M)


def test_plain_quiz_in_indonesian(runner, catalogue):
    result = runner.invoke(
        app,
        ["quiz", "--plain", "--lang", "id", "--all-questions"],
        input=typed_sitting(catalogue, 2),
        obj=World(interactive=False),
    )
    assert result.exit_code == 0, result.output
    assert "Ketik angka (1\N{EN DASH}" in result.stdout and "Paling cocok" in result.stdout


def test_plain_enter_alone_answers_nothing(runner, catalogue):
    result = runner.invoke(app, ["--plain", "quiz"], input="\n" * 40, obj=World(interactive=False))
    assert result.exit_code == 130  # the input ended with nothing answered: stopped, no result
    assert "Best fit:" not in result.stdout
    assert result.stdout.count("Please type a number from 1 to") == 40


def test_review_shows_each_question_beside_its_answer(catalogue):
    from rolefinder.quiz.sitting import review

    seen = []

    class Recorder:
        def select(self, message, choices, default, instruction):
            seen.extend(choices)
            return default

    answers = {"monday": "numbers", "flop": "data"}
    review(catalogue, Recorder(), "en", answers, ["monday", "flop"])
    monday = catalogue.question("monday")
    assert seen[0].title.startswith(monday.label.get("en") + " \N{EM DASH} ")
    assert seen[-1].value == "<confirm>"  # numbered as asked; confirming comes last


@pytest.mark.parametrize("lang", LANGS)
def test_a_whole_plain_sitting_reads_as_words(runner, catalogue, lang):
    """Every prompt and the result of a sitting under --plain: no box-drawing character, no
    arrow, pointer or "!" for a screen reader to read out, and the best fit before the profile."""
    result = runner.invoke(
        app,
        ["--plain", "quiz", "--all-questions", "--lang", lang],
        input=typed_sitting(catalogue, 2),
        obj=World(interactive=False),
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert not re.search("[\u2500-\u257f\u2580-\u259f]", out)  # box drawing, block bars
    for symbol in ("<-", "->", "»", "•", "!"):
        assert symbol not in out, symbol
    best = "Best fit:" if lang == "en" else "Paling cocok:"
    profile = "Your profile" if lang == "en" else "Profilmu"
    assert out.index(best) < out.index(profile)
