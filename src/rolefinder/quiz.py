"""The quiz flow: which question comes next, going back, progress. The prompter is injected."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from rolefinder.i18n import t
from rolefinder.model import Catalogue, Lang

BACK = "<back>"  # cannot clash with an option id: ids are lower-case letters, digits, hyphens


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
    total = len(questions)
    index = 0
    while index < total:
        question = questions[index]
        choices = [Choice(option.id, option.text.get(lang)) for option in question.options]
        if index > 0:
            choices.append(Choice(BACK, t("back", lang)))
        default = answers.get(question.id, question.options[0].id)
        progress = t("progress", lang, n=index + 1, total=total)
        message = f"{progress}\n  {question.prompt.get(lang)}"
        hint = t("instruction", lang) if index == 0 else ""  # learnt once; saves a wrapped line
        value = prompter.select(message, choices, default, hint)
        if value == BACK:
            index -= 1
            continue
        answers[question.id] = value
        index += 1
    return answers
