"""The questionary prompter: the only module that imports questionary, and only when asked."""

from __future__ import annotations

from collections.abc import Sequence

from rolefinder.errors import NoTerminalError, QuizCancelled
from rolefinder.quiz import Choice


class QuestionaryPrompter:
    """Arrow-key select prompts in a real terminal."""

    def select(
        self, message: str, choices: Sequence[Choice], default: str, instruction: str
    ) -> str:
        """Ask one select question; Ctrl-C or Ctrl-D raise QuizCancelled."""
        import questionary  # ~100 ms with prompt_toolkit: only the quiz pays for it

        try:
            # Built inside the try: on Windows, creating the prompt is what finds no console.
            question = questionary.select(
                message,
                choices=[questionary.Choice(c.title, value=c.value) for c in choices],
                default=default,
                instruction=instruction or " ",  # questionary shows its own hint for ""
                qmark="?",
            )
            # unsafe_ask lets Ctrl-C through; ask() would swallow it and return None.
            answer = question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise QuizCancelled() from None
        except Exception as error:
            # prompt_toolkit's NoConsoleScreenBufferError, matched by name: Windows has it only.
            if type(error).__name__ == "NoConsoleScreenBufferError":
                raise NoTerminalError("windows_console") from None
            raise
        if answer is None:
            raise QuizCancelled()
        return str(answer)
