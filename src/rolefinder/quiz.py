"""The quiz flow: which question comes next, going back, progress. The prompter is injected."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from rolefinder.i18n import t
from rolefinder.model import SKIP, Catalogue, Lang, Question

BACK = "<back>"  # cannot clash with an option id: ids are lower-case letters, digits, hyphens
CONFIRM = "<confirm>"


@dataclass(frozen=True)
class Choice:
    """One line of a select prompt."""

    value: str
    title: str


class Prompter(Protocol):
    """Asks the user to pick one of several choices (questionary in real use, a script in tests)."""

    def select(
        self, message: str, choices: Sequence[Choice], default: str, instruction: str
    ) -> str:
        """Show ``choices`` with ``default`` highlighted; return the chosen value."""
        ...


def ask_questions(
    catalogue: Catalogue, prompter: Prompter, lang: Lang, given: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Ask the questions ``given`` does not answer yet, in order; return question id -> option id.

    Every question after the first asked offers a way back; the highlighted default is always
    an answer (the earlier one when going back), never "back".
    """
    answers = dict(given or {})
    questions = [q for q in catalogue.questions if q.id not in answers]
    index = 0
    while index < len(questions):
        question = questions[index]
        place = (index + 1, len(questions))
        value = _ask(prompter, lang, question, answers, place, back=index > 0, hint=index == 0)
        if value == BACK:
            index -= 1
            continue
        answers[question.id] = value
        index += 1
    return review(catalogue, prompter, lang, answers)


def review(
    catalogue: Catalogue, prompter: Prompter, lang: Lang, answers: dict[str, str]
) -> dict[str, str]:
    """List every answer; the user may reopen any of them, then confirms (the default)."""
    while True:
        choices = [Choice(CONFIRM, t("review_confirm", lang))]
        for number, question in enumerate(catalogue.questions, start=1):
            chosen = answers.get(question.id, SKIP)
            option = question.option(chosen)
            answer = option.text.get(lang) if option else t("skip", lang)
            choices.append(Choice(question.id, f"{number:>2}. {answer}"))
        value = prompter.select(t("review_title", lang), choices, CONFIRM, t("review_hint", lang))
        if value == CONFIRM:
            return answers
        number, question = next(
            (n, q) for n, q in enumerate(catalogue.questions, 1) if q.id == value
        )
        place = (number, len(catalogue.questions))  # numbered as on the review screen
        answers[question.id] = _ask(
            prompter, lang, question, answers, place, back=False, hint=False
        )


def _ask(
    prompter: Prompter,
    lang: Lang,
    question: Question,
    answers: dict[str, str],
    place: tuple[int, int],
    back: bool,
    hint: bool,
) -> str:
    """One question: its options, "doesn't apply", and (after the first) a way back."""
    choices = [Choice(option.id, option.text.get(lang)) for option in question.options]
    choices.append(Choice(SKIP, t("skip", lang)))
    if back:
        choices.append(Choice(BACK, t("back", lang)))
    default = answers.get(question.id, question.options[0].id)
    progress = t("progress", lang, n=place[0], total=place[1])
    message = f"{progress}\n  {question.prompt.get(lang)}"
    instruction = t("instruction", lang) if hint else ""  # learnt once; saves a wrapped line
    return prompter.select(message, choices, default, instruction)
