"""The quiz flow with a scripted prompter, and the real questionary prompter on a pipe."""

from __future__ import annotations

import pytest

from conftest import ScriptedPrompter, pick_default
from rolefinder.errors import QuizCancelled
from rolefinder.quiz import BACK, CONFIRM, ask_questions


def test_every_question_is_asked_in_order_with_progress(catalogue):
    prompter = ScriptedPrompter([pick_default] * (len(catalogue.questions) + 1))
    answers = ask_questions(catalogue, prompter, "en")
    total = len(catalogue.questions)
    assert [a.message.splitlines()[0] for a in prompter.asked[:-1]] == [
        f"Question {n} of {total}" for n in range(1, total + 1)
    ]
    assert prompter.asked[-1].default == CONFIRM  # the review screen comes last
    assert answers == {q.id: q.options[0].id for q in catalogue.questions}


def test_the_highlighted_default_is_always_an_answer_never_back(catalogue):
    prompter = ScriptedPrompter([pick_default] * (len(catalogue.questions) + 1))
    ask_questions(catalogue, prompter, "en")
    for asked in prompter.asked:
        assert asked.default != BACK
        assert asked.default in [c.value for c in asked.choices]


def test_back_is_offered_from_the_second_question_and_keeps_the_earlier_answer(catalogue):
    first, second = catalogue.questions[0], catalogue.questions[1]
    rest = [pick_default] * (len(catalogue.questions) - 1)
    prompter = ScriptedPrompter(
        [first.options[2].id, BACK, pick_default, second.options[3].id, *rest[1:], CONFIRM]
    )
    answers = ask_questions(catalogue, prompter, "en")
    assert BACK not in [c.value for c in prompter.asked[0].choices]
    assert prompter.asked[1].choices[-1].value == BACK
    # After going back, the first question is asked again with the earlier answer highlighted.
    assert prompter.asked[2].message == prompter.asked[0].message
    assert prompter.asked[2].default == first.options[2].id
    assert answers[first.id] == first.options[2].id
    assert answers[second.id] == second.options[3].id


def test_the_quiz_speaks_indonesian(catalogue):
    prompter = ScriptedPrompter([pick_default] * (len(catalogue.questions) + 1))
    ask_questions(catalogue, prompter, "id")
    asked = prompter.asked[1]
    assert asked.message.startswith(f"Pertanyaan 2 dari {len(catalogue.questions)}")
    assert catalogue.questions[1].prompt.id in asked.message
    assert asked.choices[-1].title.startswith("<- Kembali")


# The real questionary prompt, fed keys through a pipe with no terminal.
pipe = pytest.importorskip("prompt_toolkit.input")
DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"


def run_real(catalogue, keys: str):
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output import DummyOutput

    from rolefinder.prompts import QuestionaryPrompter

    with pipe.create_pipe_input() as inp:
        inp.send_text(keys)
        inp.close()  # a missing key then ends the prompt (cancelled) instead of hanging
        with create_app_session(input=inp, output=DummyOutput()):
            return ask_questions(catalogue, QuestionaryPrompter(), "en")


def test_arrow_keys_and_enter_answer_the_real_prompt(catalogue):
    total = len(catalogue.questions)
    answers = run_real(catalogue, DOWN + ENTER + ENTER * (total - 1) + ENTER)  # last: confirm
    assert answers[catalogue.questions[0].id] == catalogue.questions[0].options[1].id
    assert answers[catalogue.questions[1].id] == catalogue.questions[1].options[0].id


def test_going_back_with_the_real_prompt(catalogue):
    first = catalogue.questions[0]
    back_on_second = DOWN * (len(catalogue.questions[1].options) + 1) + ENTER  # Back is last
    rest = ENTER * (len(catalogue.questions) - 1)
    keys = ENTER + back_on_second + DOWN + DOWN + ENTER + rest + ENTER  # last: confirm
    answers = run_real(catalogue, keys)
    # Back returned to question 1 with option 1 highlighted; two downs moved to option 3.
    assert answers[first.id] == first.options[2].id


def test_running_out_of_keys_cancels_instead_of_hanging(catalogue):
    with pytest.raises(QuizCancelled):
        run_real(catalogue, ENTER)


def test_ctrl_c_cancels_the_quiz(catalogue):
    with pytest.raises(QuizCancelled):
        run_real(catalogue, ENTER + CTRL_C)
