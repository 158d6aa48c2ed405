"""The quiz flow with a scripted prompter, and the real questionary prompter on a pipe."""

from __future__ import annotations

import re

import pytest

from conftest import ScriptedPrompter, pick_default
from rolefinder.engine import SITTING_MAX, SITTING_MIN
from rolefinder.errors import AnswersError, QuizCancelled
from rolefinder.quiz import BACK, CONFIRM, ask_questions, take_quiz

ENOUGH = 40  # more steps than any sitting needs; a script may end with some unused


def first_lines(prompter):
    return [a.message.splitlines()[0] for a in prompter.asked if a.default != CONFIRM]


def test_a_sitting_asks_experience_and_outlook_first_then_counts_down(catalogue):
    prompter = ScriptedPrompter([pick_default] * ENOUGH)
    answers = ask_questions(catalogue, prompter, "en")
    assert list(answers)[:2] == ["experience", "outlook"]
    assert SITTING_MIN + 2 <= len(answers) <= SITTING_MAX + 2  # experience and outlook on top
    lines = first_lines(prompter)
    numbers = [int(re.match(r"Question (\d+)", line)[1]) for line in lines]
    assert numbers == list(range(1, len(answers) + 1))
    left = [int(m[1]) if (m := re.search(r"about (\d+) left", line)) else 0 for line in lines]
    assert left == sorted(left, reverse=True)  # the count of questions left never goes up
    assert prompter.asked[-1].default == CONFIRM  # the review screen comes last


def test_the_highlighted_default_is_always_an_answer_never_back(catalogue):
    prompter = ScriptedPrompter([pick_default] * ENOUGH)
    ask_questions(catalogue, prompter, "en")
    for asked in prompter.asked:
        assert asked.default != BACK
        assert asked.default in [c.value for c in asked.choices]


def test_back_is_offered_from_the_second_question_and_keeps_the_earlier_answer(catalogue):
    first = catalogue.experience
    prompter = ScriptedPrompter([first.options[2].id, BACK, *[pick_default] * ENOUGH])
    answers = ask_questions(catalogue, prompter, "en")
    assert BACK not in [c.value for c in prompter.asked[0].choices]
    assert prompter.asked[1].choices[-1].value == BACK
    # After going back, the first question is asked again with the earlier answer highlighted.
    assert prompter.asked[2].message == prompter.asked[0].message
    assert prompter.asked[2].default == first.options[2].id
    assert answers[first.id] == first.options[2].id


def test_the_review_screen_reopens_an_answer(catalogue):
    def reopen_experience(asked):
        return "experience"

    confirmed = []

    def confirm_second_time(asked):
        confirmed.append(asked)
        return CONFIRM

    script = [pick_default] * (SITTING_MAX + 3)  # experience, outlook, the work, the review
    prompter = ScriptedPrompter(script)
    answers = ask_questions(catalogue, prompter, "en")  # first a plain sitting, to count it
    sitting = len(prompter.asked) - 1
    prompter = ScriptedPrompter(
        [*[pick_default] * sitting, reopen_experience, "long", confirm_second_time]
    )
    answers = ask_questions(catalogue, prompter, "en")
    assert answers["experience"] == "long"
    assert confirmed and "experience" in [c.value for c in confirmed[0].choices]


def test_the_quiz_speaks_indonesian(catalogue):
    prompter = ScriptedPrompter([pick_default] * ENOUGH)
    ask_questions(catalogue, prompter, "id")
    asked = prompter.asked[1]
    assert asked.message.startswith("Pertanyaan 2, kira-kira")
    assert catalogue.outlook.prompt.get("id") in asked.message
    assert asked.choices[-1].title.startswith("<- Kembali")


def test_all_questions_asks_the_whole_bank(catalogue):
    prompter = ScriptedPrompter([pick_default] * (len(catalogue.questions) + 1))
    answers = ask_questions(catalogue, prompter, "en", all_questions=True)
    assert set(answers) == {q.id for q in catalogue.questions}


def full_sheet(catalogue):
    return {q.id: q.options[0].id for q in catalogue.questions}


def test_a_quiz_from_nothing_shows_the_intro_then_asks(catalogue):
    shown: list[str] = []
    prompter = ScriptedPrompter([pick_default] * ENOUGH)
    answers = take_quiz(catalogue, {}, lambda: prompter, "en", show=shown.append, width=60)
    assert len(shown) == 1 and "no wrong answers" in " ".join(shown[0].split())
    assert max(len(line) for line in shown[0].splitlines()) <= 59
    assert prompter.asked[-1].default == CONFIRM
    assert SITTING_MIN + 2 <= len(answers) <= SITTING_MAX + 2  # experience and outlook on top


def test_a_sheet_is_scored_as_it_is_when_nobody_can_be_asked(catalogue):
    sheet = {"experience": catalogue.experience.options[0].id}
    assert take_quiz(catalogue, sheet, None, "en") == sheet


def test_a_short_sheet_goes_on_without_the_intro(catalogue):
    shown: list[str] = []
    sheet = {"experience": catalogue.experience.options[0].id}
    prompter = ScriptedPrompter([pick_default] * ENOUGH)
    answers = take_quiz(catalogue, sheet, lambda: prompter, "en", show=shown.append)
    assert not shown
    assert answers["experience"] == sheet["experience"] and len(answers) > 1
    experience = catalogue.experience.prompt.get("en")
    assert all(experience not in asked.message for asked in prompter.asked)


def test_a_full_sheet_asks_nothing_and_makes_no_prompter(catalogue):
    def no_prompter():
        raise AssertionError("a prompter was made for a sheet with nothing left to ask")

    shown: list[str] = []
    sheet = full_sheet(catalogue)
    assert take_quiz(catalogue, sheet, no_prompter, "en", show=shown.append) == sheet
    assert not shown


def test_unknown_ids_in_a_sheet_are_refused_before_any_question(catalogue):
    with pytest.raises(AnswersError):
        take_quiz(catalogue, {"nope": "x"}, lambda: ScriptedPrompter([]), "en")


# The real prompt, fed keys through a pipe with no terminal.
pipe = pytest.importorskip("prompt_toolkit.input")
DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"


def run_real(catalogue, keys: str):
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output import DummyOutput

    from rolefinder.prompts import KeyPrompter

    with pipe.create_pipe_input() as inp:
        inp.send_text(keys)
        inp.close()  # a missing key then ends the prompt (cancelled) instead of hanging
        with create_app_session(input=inp, output=DummyOutput()):
            return ask_questions(catalogue, KeyPrompter(), "en")


def test_arrow_keys_and_enter_answer_the_real_prompt(catalogue):
    answers = run_real(catalogue, DOWN + ENTER + ENTER * ENOUGH)  # the review: Enter confirms
    assert answers["experience"] == catalogue.experience.options[1].id
    assert answers["outlook"] == catalogue.outlook.options[0].id


def test_going_back_with_the_real_prompt(catalogue):
    back_on_second = DOWN * (len(catalogue.outlook.options) + 1) + ENTER  # Back is last
    keys = ENTER + back_on_second + DOWN + DOWN + ENTER + ENTER * ENOUGH
    answers = run_real(catalogue, keys)
    # Back returned to question 1 with option 1 highlighted; two downs moved to option 3.
    assert answers["experience"] == catalogue.experience.options[2].id


def test_running_out_of_keys_cancels_instead_of_hanging(catalogue):
    with pytest.raises(QuizCancelled):
        run_real(catalogue, ENTER)


def test_ctrl_c_cancels_the_quiz(catalogue):
    with pytest.raises(QuizCancelled):
        run_real(catalogue, ENTER + CTRL_C)
