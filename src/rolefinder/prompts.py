"""The quiz's prompters: the only module that imports questionary and prompt_toolkit (lazily).

``KeyPrompter`` is the arrow-key select of a real terminal. questionary draws each choice on
one line and clips it at the window's edge, so the select is a small prompt_toolkit
application of its own, run as a questionary ``Question`` and drawn in questionary's style:
every text is wrapped at word boundaries with a hanging indent, for the window's width at each
redraw (so a resize redraws cleanly), and number keys, Esc, q and Ctrl-D work as people expect.

``PlainPrompter`` is for screen readers, ``TERM=dumb`` and anything that cannot move a cursor:
numbered lines, a typed number and Enter, no colour.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from rolefinder.errors import NoTerminalError, QuizCancelled, QuizStopped
from rolefinder.i18n import t
from rolefinder.languages import Lang
from rolefinder.quiz import Choice

if TYPE_CHECKING:
    from prompt_toolkit.application import Application
    from prompt_toolkit.formatted_text import StyleAndTextTuples

POINTER = "»"
ESCAPE_WAIT = 0.05  # seconds to tell a lone Esc from the start of an arrow key's sequence


def wrap(text: str, width: int, first: str, rest: str | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words.

    The first line starts with ``first``; the others are indented to line up under the text
    (a hanging indent), or start with ``rest`` when it is given.
    """
    indent = " " * len(first) if rest is None else rest
    width = max(width, len(first) + 10)  # a sliver of a window still shows whole words
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(
            paragraph,
            width,
            initial_indent=first if not lines else indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        ) or [first.rstrip()]
    return lines


def _label(number: int, count: int) -> str:
    return f"{number:>{len(str(count))}}. "


class SelectState:
    """What a select prompt shows and where its pointer is; the key handlers change it."""

    def __init__(self, message: str, choices: Sequence[Choice], default: str, hint: str) -> None:
        self.message = message
        self.choices = list(choices)
        self.hint = hint
        values = [choice.value for choice in self.choices]
        self.index = values.index(default) if default in values else 0
        self.typed = ""  # digits typed so far, for lists of ten or more
        self.chosen: Choice | None = None

    def move(self, step: int) -> None:
        """Move the pointer, wrapping round at either end."""
        self.index = (self.index + step) % len(self.choices)
        self.typed = ""

    def digit(self, key: str) -> bool:
        """Point at the choice numbered by the digits typed; True when that settles it."""
        typed = self.typed + key
        if not 1 <= int(typed) <= len(self.choices):
            typed = key  # "3" after "2" in a list of nine starts afresh
            if not 1 <= int(typed) <= len(self.choices):
                self.typed = ""
                return False
        self.index = int(typed) - 1
        # Settled unless a longer number could still follow ("1" in a list of twelve).
        self.typed = typed if int(typed) * 10 <= len(self.choices) else ""
        return not self.typed

    def lines(self, width: int) -> StyleAndTextTuples:
        """The prompt as styled text, wrapped for a window ``width`` columns wide."""
        usable = width - 1  # never the last column: some terminals wrap there on their own
        out: StyleAndTextTuples = []
        head, _, body = self.message.partition("\n")
        if self.chosen is not None:
            # What stays in the scrollback: the question and the answer, nothing else.
            if not self.chosen.echo:
                return []  # "back" leaves no trace: it is not an answer
            shown = body.strip() or head
            for line in wrap(shown, usable, "? "):
                out += [("class:question", line), ("", "\n")]
            for line in wrap(self.chosen.title, usable, f"  {POINTER} "):
                out += [("class:answer", line), ("", "\n")]
            return out[:-1]
        out += [("class:qmark", "? "), ("class:question", head), ("", "\n")]
        if body.strip():
            for line in wrap(body.strip(), usable, "  "):
                out += [("class:question", line), ("", "\n")]
        if self.hint:
            for line in wrap(self.hint, usable, "  "):
                out += [("class:instruction", line), ("", "\n")]
        for number, choice in enumerate(self.choices, start=1):
            here = number - 1 == self.index
            first = f"{POINTER if here else ' '} {_label(number, len(self.choices))}"
            style = "class:highlighted" if here else "class:text"
            for row, line in enumerate(wrap(choice.title, usable, first)):
                if here and row == 0:
                    out.append(("[SetCursorPosition]", ""))  # keeps the pointer in view
                out += [("class:pointer" if here and row == 0 else style, line), ("", "\n")]
        return out[:-1]


def select_application(state: SelectState, width: Callable[[], int]) -> Application[str]:
    """The prompt_toolkit application that runs one select prompt."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
    from prompt_toolkit.layout import Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl
    from questionary.constants import DEFAULT_STYLE

    keys = KeyBindings()

    def finish(event: KeyPressEvent) -> None:
        state.chosen = state.choices[state.index]
        event.app.exit(result=state.chosen.value)

    def cancel(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    for key in ("up", "k", "s-tab"):
        keys.add(key)(lambda event: state.move(-1))
    for key in ("down", "j", "tab"):
        keys.add(key)(lambda event: state.move(1))
    keys.add("home")(lambda event: state.move(-state.index))
    keys.add("end")(lambda event: state.move(len(state.choices) - 1 - state.index))
    keys.add("enter")(finish)
    for key in ("c-c", "c-d", "escape", "q", "Q"):
        keys.add(key, eager=True)(cancel)
    for digit in "0123456789":

        def pick(event: KeyPressEvent, digit: str = digit) -> None:
            if state.digit(digit):
                finish(event)

        keys.add(digit)(pick)
    keys.add("<any>")(lambda event: None)  # every other key does nothing

    control = FormattedTextControl(lambda: state.lines(width()), show_cursor=False)
    application: Application[str] = Application(
        layout=Layout(Window(control, wrap_lines=False, always_hide_cursor=True)),
        key_bindings=keys,
        style=DEFAULT_STYLE,
        erase_when_done=False,
    )
    application.ttimeoutlen = ESCAPE_WAIT
    application.pre_run_callables.append(lambda: _stop_on_signals(application))
    return application


def _stop_on_signals(application: Application[str]) -> None:
    """End the prompt cleanly on SIGTERM or SIGHUP, as on Ctrl-C: prompt_toolkit then puts the
    terminal back (cooked mode, cursor shown) before the process ends. Left to the default
    action, either signal killed the process with the terminal still raw and the cursor hidden.
    The handlers go with the prompt's event loop when it closes."""
    import asyncio
    import signal

    loop = asyncio.get_running_loop()
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:  # pragma: no cover - Windows has no SIGHUP
            continue
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, _stop, application, signum)


def _stop(application: Application[str], signum: int) -> None:
    application.exit(exception=QuizStopped(signum), style="class:aborting")


class KeyPrompter:
    """Arrow keys, number keys and Enter, in a terminal that can move its cursor."""

    def select(
        self, message: str, choices: Sequence[Choice], default: str, instruction: str
    ) -> str:
        """Ask one select question; Ctrl-C, Ctrl-D, Esc or q raise QuizCancelled."""
        import questionary  # ~100 ms with prompt_toolkit: only the quiz pays for it
        from prompt_toolkit.application import get_app

        try:
            # Built inside the try: on Windows, creating the application finds no console.
            state = SelectState(message, choices, default, instruction)
            application = select_application(state, lambda: get_app().output.get_size().columns)
            # unsafe_ask lets Ctrl-C through; ask() would swallow it and return None.
            answer = questionary.Question(application).unsafe_ask()
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


class PlainPrompter:
    """Numbered choices and a typed number: no cursor movement, no colour, one line at a time.

    For screen readers, ``TERM=dumb`` terminals and programs that drive the quiz through a pipe.
    """

    def __init__(
        self, lang: Lang, stdin: TextIO | None = None, stdout: TextIO | None = None
    ) -> None:
        self.lang = lang
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout

    def select(
        self, message: str, choices: Sequence[Choice], default: str, instruction: str
    ) -> str:
        """Print the question and its numbered choices; read numbers until one is valid."""
        width = max(shutil.get_terminal_size().columns - 1, 20)
        values = [choice.value for choice in choices]
        chosen = values.index(default) + 1 if default in values else 1
        lines = [
            "",
            *(line for part in message.split("\n") for line in wrap(part.strip(), width, "")),
        ]
        for number, choice in enumerate(choices, start=1):
            lines += wrap(choice.title, width, _label(number, len(choices)))
        self._write("\n".join(lines) + "\n")
        ask = t("plain_ask", self.lang, count=len(choices), default=chosen)
        while True:
            self._write(ask + " ")
            line = self.stdin.readline()
            if not line:  # end of input: Ctrl-D, or the pipe closed
                self._write("\n")
                raise QuizCancelled()
            typed = line.strip().casefold()
            if typed in ("q", "quit", "keluar"):
                raise QuizCancelled()
            if not typed:
                return values[chosen - 1]
            if typed.isdigit() and 1 <= int(typed) <= len(choices):
                return values[int(typed) - 1]
            self._write(t("plain_again", self.lang, count=len(choices)) + "\n")

    def _write(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()
