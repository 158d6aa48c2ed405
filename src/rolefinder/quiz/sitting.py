"""The quiz flow: whether to ask, which question comes next, going back, progress. The
prompter is injected.

The questions come from engine.next_question, which picks, after every answer, the bank
question that best separates the roles still in contention, and says when to stop.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from rolefinder.assess.engine import (
    SITTING_MAX,
    SITTING_MIN,
    Evidence,
    answered,
    check_answers,
    needed_answers,
    next_question,
)
from rolefinder.catalogue.model import SKIP, Catalogue, Question
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

BACK = "<back>"  # cannot clash with an option id: ids are lower-case letters, digits, hyphens
CONFIRM = "<confirm>"


@dataclass(frozen=True)
class PromptChoice:
    """One choice of a select prompt."""

    value: str
    title: str


class Prompter(Protocol):
    """Asks the user to pick one of several choices (questionary in real use, a script in tests)."""

    def select(
        self, message: str, choices: Sequence[PromptChoice], default: str | None, instruction: str
    ) -> str:
        """Show ``choices`` with ``default`` (an earlier answer, or None) highlighted; return
        the chosen value."""
        ...


def take_quiz(
    catalogue: Catalogue,
    given: Mapping[str, str],
    prompter: Callable[[], Prompter] | None,
    lang: Lang,
    all_questions: bool = False,
    show: Callable[[str], None] | None = None,
    width: int = 80,
) -> dict[str, str]:
    """The answers to score: ``given`` (an answer sheet's, or none), checked, then as many more
    as the result needs.

    ``prompter`` makes the prompter, and is called only once a question is to be asked (so the
    prompt libraries load only then); None when nobody can be asked, and ``given`` is scored
    as it is (rank() says how many more answers a short sheet needs). ``show`` gets the intro,
    wrapped to ``width`` columns, before the first question of a quiz started from nothing.
    Raises AnswersError for an unknown question or option id in ``given``.
    """
    check_answers(catalogue, given)
    if prompter is None:
        return dict(given)
    evidence = Evidence(catalogue)
    if next_question(catalogue, given, evidence, all_questions).question is None:
        return dict(given)  # nothing left to ask: no review screen either
    if show is not None and not given:
        show(intro(catalogue, lang, width))
    return ask_questions(catalogue, prompter(), lang, given, all_questions, evidence)


def ask_questions(
    catalogue: Catalogue,
    prompter: Prompter,
    lang: Lang,
    given: Mapping[str, str] | None = None,
    all_questions: bool = False,
    evidence: Evidence | None = None,
) -> dict[str, str]:
    """Ask questions until the engine says the result is clear; return question id -> option id.

    Answers in ``given`` count and are not asked again. Every question after the first asked
    offers a way back; an answer taken back is highlighted when its question comes again. The
    review screen follows; a sheet with too few real answers goes on asking while the bank has
    questions left.
    """
    answers = dict(given or {})
    evidence = evidence or Evidence(catalogue)
    asked: list[str] = []  # this sitting's questions, in order, for "back"
    earlier: dict[str, str] = {}  # answers taken back, shown highlighted when asked again
    most = sitting_most(catalogue, all_questions)
    while True:
        step = next_question(catalogue, answers, evidence, all_questions)
        if step.question is None:
            answers = review(catalogue, prompter, lang, answers, asked)
            if answered(catalogue, answers) >= needed_answers(catalogue) or not _unasked(
                catalogue, answers
            ):
                return answers
            continue  # too few real answers after the review: ask more
        question = step.question
        defaults = {question.id: earlier[question.id]} if question.id in earlier else {}
        progress = _progress(step.number, most, lang)
        value = _ask(prompter, lang, question, defaults, progress, back=bool(asked))
        if value == BACK:
            # The engine's choice depends only on the answers so far, so taking the last one
            # back makes it ask that same question again next.
            previous = asked.pop()
            earlier[previous] = answers.pop(previous)
            continue
        answers[question.id] = value
        asked.append(question.id)


def intro(catalogue: Catalogue, lang: Lang, width: int) -> str:
    """The lines shown before the first question, wrapped to ``width`` columns.

    Plain text, not rich: the first question appears sooner without loading rich first.
    """
    import textwrap

    extra = len(catalogue.opening)
    low, high = min(SITTING_MIN + extra, len(catalogue.questions)), sitting_most(catalogue)
    return textwrap.fill(t("intro", lang, low=low, high=high), max(width - 1, 20))


def sitting_most(catalogue: Catalogue, all_questions: bool = False) -> int:
    """The most questions a sitting asks, unless skipped answers leave too few to score."""
    if all_questions:
        return len(catalogue.questions)
    extra = len(catalogue.opening)
    return min(SITTING_MAX + extra, len(catalogue.questions))


def _unasked(catalogue: Catalogue, answers: Mapping[str, str]) -> bool:
    return any(q.id not in answers for q in catalogue.bank)


def _question(catalogue: Catalogue, question_id: str) -> Question:
    question = catalogue.question(question_id)
    assert question is not None, question_id
    return question


def _progress(number: int, most: int, lang: Lang) -> str:
    """ "Question 7 of at most 18": a bound that holds, not an estimate that jumps. Only
    skipped answers take a sitting past it, and then it says why."""
    if number > most:
        return t("progress_extra", lang, n=number)
    return t("progress", lang, n=number, most=most)


def review(
    catalogue: Catalogue,
    prompter: Prompter,
    lang: Lang,
    answers: dict[str, str],
    order: Sequence[str] = (),
) -> dict[str, str]:
    """List every answer; the user may reopen any of them, then confirms (the default)."""
    shown = [*order, *(q.id for q in catalogue.questions if q.id in answers and q.id not in order)]
    while True:
        # Numbered as the questions were, so "3" reopens question 3; confirming comes last.
        choices = []
        for question_id in shown:
            question = _question(catalogue, question_id)
            option = question.option(answers.get(question_id, SKIP))
            answer = option.text.get(lang) if option else t("skipped", lang)
            # A dash, not a colon: an answer may hold a colon of its own.
            label = f"{question.label.get(lang)} \N{EM DASH} {answer}"
            choices.append(PromptChoice(question_id, label))
        choices.append(PromptChoice(CONFIRM, t("review_confirm", lang)))
        value = prompter.select(t("review_title", lang), choices, CONFIRM, t("review_hint", lang))
        if value == CONFIRM:
            return answers
        number = shown.index(value) + 1
        progress = t("progress_review", lang, n=number, total=len(shown))
        question = _question(catalogue, value)
        answers[value] = _ask(prompter, lang, question, answers, progress, back=False)


def _ask(
    prompter: Prompter,
    lang: Lang,
    question: Question,
    answers: Mapping[str, str],
    progress: str,
    back: bool,
) -> str:
    """One question: its options, "doesn't apply" (for a question about the work), and
    (after the first) a way back. Everyone has an experience and an outlook: those two offer
    no skip."""
    choices = [PromptChoice(option.id, option.text.get(lang)) for option in question.options]
    if question.kind.adaptive:
        choices.append(PromptChoice(SKIP, t("skip", lang)))
    if back:
        choices.append(PromptChoice(BACK, t("back", lang)))
    message = f"{progress}\n  {question.prompt.get(lang)}"
    return prompter.select(message, choices, answers.get(question.id), t("instruction", lang))
