"""The quiz flow with a scripted prompter, and the real questionary prompter on a pipe."""

from __future__ import annotations

import re

import pytest

from conftest import ScriptedPrompter, pick_default
from rolefinder.assess.engine import SITTING_MAX, SITTING_MIN
from rolefinder.catalogue.model import SKIP
from rolefinder.errors import AnswersError, QuizCancelled
from rolefinder.quiz.sitting import BACK, CONFIRM, ask_questions, sitting_most, take_quiz

ENOUGH = 40  # more steps than any sitting needs; a script may end with some unused


def first_lines(prompter):
    return [a.message.splitlines()[0] for a in prompter.asked if a.default != CONFIRM]


@pytest.mark.parametrize("step", [pick_default, SKIP], ids=["first options", "all skipped"])
def test_a_sitting_asks_experience_and_outlook_first_and_its_bound_holds(catalogue, step):
    def answer(asked):  # skips what can be skipped, so the sitting runs past its usual bound
        offered = [c.value for c in asked.choices]
        return step if step in offered else pick_default(asked)

    prompter = ScriptedPrompter([answer] * ENOUGH)
    answers = ask_questions(catalogue, prompter, "en")
    assert list(answers)[:2] == ["experience", "outlook"]
    most = sitting_most(catalogue)
    lines = first_lines(prompter)
    numbers = [int(re.match(r"Question (\d+)", line)[1]) for line in lines]
    assert numbers == list(range(1, len(answers) + 1))
    for number, line in zip(numbers, lines, strict=True):
        # One steady bound, never an estimate that jumps; past it only when answers were skipped.
        if number <= most:
            assert line == f"Question {number} of at most {most}"
        else:
            assert step == SKIP and "some answers were skipped" in line
    if step == SKIP:
        assert len(answers) > most
    else:
        assert SITTING_MIN + 2 <= len(answers) <= most == SITTING_MAX + 2
    assert prompter.asked[-1].default == CONFIRM  # the review screen comes last


def test_nothing_is_highlighted_as_if_answered_until_it_was(catalogue):
    prompter = ScriptedPrompter([pick_default] * ENOUGH)
    ask_questions(catalogue, prompter, "en")
    for asked in prompter.asked[:-1]:  # the questions: no made-up earlier answer
        assert asked.default is None
    assert prompter.asked[-1].default == CONFIRM


def test_experience_and_outlook_offer_no_skip_and_the_work_questions_do(catalogue):
    prompter = ScriptedPrompter([pick_default] * ENOUGH)
    ask_questions(catalogue, prompter, "en")
    offered = [{c.value for c in asked.choices} for asked in prompter.asked[:-1]]
    assert SKIP not in offered[0] | offered[1]  # everyone has an experience and an outlook
    assert all(SKIP in choices for choices in offered[2:])


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
    assert asked.message.startswith(
        f"Pertanyaan 2 (paling banyak {sitting_most(catalogue)} pertanyaan)"
    )
    assert catalogue.outlook.prompt.get("id") in asked.message
    assert asked.choices[-1].title == "(kembali ke pertanyaan sebelumnya)"


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

    from rolefinder.quiz.prompts import KeyPrompter

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
    back_on_second = DOWN * len(catalogue.outlook.options) + ENTER  # Back is last
    keys = ENTER + back_on_second + DOWN + DOWN + ENTER + ENTER * ENOUGH
    answers = run_real(catalogue, keys)
    # Back returned to question 1 with option 1 highlighted; two downs moved to option 3.
    assert answers["experience"] == catalogue.experience.options[2].id


class HintedKeys:
    """The real prompt, each question typed as its hint says: a number, then Enter.

    The keys go into one pipe for the whole sitting just before each prompt, as a user types
    them, so a key one prompt leaves unread reaches the next: an answer that lands anywhere
    but where it was meant shows in the answers.
    """

    def __init__(self, inp, typed):
        from rolefinder.quiz.prompts import KeyPrompter

        self.inp, self.typed, self.prompter = inp, typed, KeyPrompter()
        self.meant: dict[str, str] = {}

    def select(self, message, choices, default, instruction):
        assert "number" in instruction and "then Enter" in instruction  # what is typed here
        keys = self.typed(message, choices)
        self.inp.send_text(keys)
        if keys.rstrip(ENTER).isdigit():
            self.meant[message] = choices[int(keys.rstrip(ENTER)) - 1].value
        return self.prompter.select(message, choices, default, instruction)


def test_a_number_then_enter_answers_each_question_where_meant(catalogue):
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output import DummyOutput

    def typed(message, choices):
        if choices[-1].value == CONFIRM:  # the review: reopen answer 2 once, then confirm
            reopened.append(message)
            return "2" + ENTER if len(reopened) == 1 else str(len(choices)) + ENTER
        number = 3 if len(choices) >= 3 else 1
        return f"{number}{ENTER}"

    reopened: list[str] = []
    with pipe.create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        prompter = HintedKeys(inp, typed)
        answers = ask_questions(catalogue, prompter, "en")
    assert len(reopened) == 2  # the review came twice: once to reopen, once to confirm
    for question in catalogue.questions:
        if question.id in answers:
            meant = [v for m, v in prompter.meant.items() if question.prompt.get("en") in m]
            assert meant and answers[question.id] == meant[-1], question.id
    assert answers["outlook"] == catalogue.outlook.options[2].id  # answer 2, changed to 3


def test_running_out_of_keys_cancels_instead_of_hanging(catalogue):
    with pytest.raises(QuizCancelled):
        run_real(catalogue, ENTER)


def test_ctrl_c_cancels_the_quiz(catalogue):
    with pytest.raises(QuizCancelled):
        run_real(catalogue, ENTER + CTRL_C)
