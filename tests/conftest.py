"""Shared fixtures: the shipped catalogue, a CLI runner with a predictable terminal, prompters."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rolefinder import load_catalogue
from rolefinder.catalogue.model import Catalogue
from rolefinder.quiz.sitting import PromptChoice

ROOT = Path(__file__).resolve().parents[1]

# Plain, fixed-width output so assertions do not depend on the developer's terminal.
PLAIN_ENV = {
    "NO_COLOR": "1",
    "TERM": "dumb",
    "COLUMNS": "100",
    "LANG": "C.UTF-8",
    "LC_ALL": "",
    "LC_MESSAGES": "",
    "LANGUAGE": "",
    "ROLEFINDER_LANG": "",
    "ROLEFINDER_CATALOGUE": "",
}


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the tests' parsed-catalogue cache out of the user's real cache folder."""
    os.environ["ROLEFINDER_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True, scope="session")
def private_history(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the results of the tests' quizzes out of the user's real history, in a file that
    starts with one result (the graphic designer's, helpers.SHEET_ROLE), so that `history`
    run as helpers.ONE_SHOT runs it always has a row to show, whichever tests ran before.
    Tests that look at the history itself point ROLEFINDER_HISTORY at a file of their own."""
    from helpers import SHEET_ROLE
    from personas import PERSONAS
    from rolefinder.assess.codes import encode, fingerprint
    from rolefinder.assess.engine import rank
    from rolefinder.history import store as history

    os.environ[history.HISTORY_ENV] = str(tmp_path_factory.mktemp("history") / "history.sqlite3")
    shipped = load_catalogue()
    result = rank(shipped, PERSONAS[SHEET_ROLE])
    problem = history.record(
        lang="en",
        fingerprint=fingerprint(shipped),
        answers=result.answers,
        top=[(match.id, match.fit) for match in result.listed[:3]],
        code=encode(shipped, result.answers, "en"),
    )
    assert problem is None, problem


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env=PLAIN_ENV)


@dataclass
class Asked:
    message: str
    choices: list[PromptChoice]
    default: str | None
    instruction: str


@dataclass
class ScriptedPrompter:
    """Answers select prompts from a script; runs out loudly instead of hanging.

    Each step is an option id, BACK, or a function of the prompt that returns one.
    """

    script: list[str | Callable[[Asked], str]]
    asked: list[Asked] = field(default_factory=list)

    def select(
        self, message: str, choices: Sequence[PromptChoice], default: str | None, instruction: str
    ) -> str:
        asked = Asked(message, list(choices), default, instruction)
        self.asked.append(asked)
        if not self.script:
            raise AssertionError(f"prompter ran out of answers at: {message!r}")
        step = self.script.pop(0)
        value = step(asked) if callable(step) else step
        assert value in [c.value for c in choices], f"{value!r} is not offered at {message!r}"
        return value


def pick_default(asked: Asked) -> str:
    """What pressing Enter does: take the highlighted choice (the first, or an earlier answer)."""
    return asked.default if asked.default is not None else asked.choices[0].value


@dataclass
class SheetPrompter:
    """Answers each question from an answer sheet, whatever order the quiz asks them in.

    A question the sheet leaves out gets its first option; the review screen is confirmed.
    """

    catalogue: Catalogue
    sheet: dict[str, str]
    asked: list[str] = field(default_factory=list)  # question ids, in the order asked
    limit: int = 60

    def select(
        self, message: str, choices: Sequence[PromptChoice], default: str | None, instruction: str
    ) -> str:
        from rolefinder.quiz.sitting import CONFIRM

        if len(self.asked) >= self.limit:
            raise AssertionError(f"the quiz asked more than {self.limit} questions")
        if default == CONFIRM:
            return CONFIRM
        values = {c.value for c in choices}
        question = next(
            q
            for q in self.catalogue.questions
            if q.prompt.get("en") in message or q.prompt.get("id") in message
            if {o.id for o in q.options} <= values
        )
        self.asked.append(question.id)
        return self.sheet.get(question.id, question.options[0].id)
