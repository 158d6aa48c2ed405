"""The quiz's prompters: the only module that imports questionary and prompt_toolkit (lazily).

``KeyPrompter`` is the arrow-key select of a real terminal. questionary draws each choice on
one line and clips it at the window's edge, so the select is a small prompt_toolkit
application of its own, run as a questionary ``Question`` and drawn in questionary's style:
every text is wrapped at word boundaries with a hanging indent, for the window's size at each
redraw (so a resize redraws cleanly); the heading stays put while a long list scrolls; a number
key points and Enter answers; Esc, q and Ctrl-D stop.

``PlainPrompter`` is for screen readers, ``TERM=dumb`` and anything that cannot move a cursor:
numbered lines, a typed number and Enter, no colour, no symbols.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from rolefinder.errors import NoTerminalError, QuizCancelled, QuizStopped
from rolefinder.quiz.sitting import CONFIRM, PromptChoice
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

if TYPE_CHECKING:
    from prompt_toolkit.application import Application
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.layout import Margin, WindowRenderInfo
    from prompt_toolkit.layout.controls import UIContent

POINTER = "»"
ESCAPE_WAIT = 0.05  # seconds to tell a lone Esc from the start of an arrow key's sequence
# Signals that end the quiz at a question. SIGINT is what Ctrl-C sends, and `kill -INT` too.
STOPPING = ("SIGINT", "SIGTERM", "SIGHUP")
# A plain answer is ASCII digits, a few of them: "²" and "①" pass str.isdigit() but int()
# refuses them, and int() refuses a number of over 4,300 digits.
ANSWER = re.compile(r"[0-9]{1,9}")
LINE_MOST = 64  # characters of a typed line kept: "12", "q" or "keluar" many times over
DRAIN = 1 << 16  # the rest of a longer line is read in pieces this long, and dropped
ENDLESS = 1 << 20  # a line still going after this is nobody typing (< /dev/zero): input ends


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
    """What a select prompt shows and where its pointer is; the key handlers change it.

    A number key only points (as arrows do) and Enter answers, as the hint says: a number that
    answered at once left the hint's Enter to answer the next question unseen.
    """

    def __init__(
        self, message: str, choices: Sequence[PromptChoice], default: str | None, hint: str
    ) -> None:
        self.message = message
        self.choices = list(choices)
        self.hint = hint
        values = [choice.value for choice in self.choices]
        self.index = values.index(default) if default in values else 0
        self.typed = ""  # digits typed so far, for lists of ten or more

    def move(self, step: int) -> None:
        """Move the pointer, wrapping round at either end."""
        self.index = (self.index + step) % len(self.choices)
        self.typed = ""

    def digit(self, key: str) -> None:
        """Point at the choice numbered by the digits typed ("1", "2" is 12 in a long list)."""
        typed = self.typed + key
        if not 1 <= int(typed) <= len(self.choices):
            typed = key  # "3" after "2" in a list of nine starts afresh
            if not 1 <= int(typed) <= len(self.choices):
                self.typed = ""
                return
        self.index = int(typed) - 1
        # Kept while a longer number could still follow ("1" in a list of twelve).
        self.typed = typed if int(typed) * 10 <= len(self.choices) else ""

    def head(self, width: int) -> StyleAndTextTuples:
        """The question and the hint, wrapped for a window ``width`` columns wide."""
        usable = width - 1  # never the last column: some terminals wrap there on their own
        top, _, body = self.message.partition("\n")
        out: StyleAndTextTuples = []
        for row, line in enumerate(wrap(top, usable, "? ")):
            out += [("class:qmark" if row == 0 else "class:question", line), ("", "\n")]
        if body.strip():
            for line in wrap(body.strip(), usable, "  "):
                out += [("class:question", line), ("", "\n")]
        if self.hint:
            for line in wrap(self.hint, usable, "  "):
                out += [("class:instruction", line), ("", "\n")]
        return out[:-1]

    def body(self, width: int) -> StyleAndTextTuples:
        """The numbered choices, wrapped with a hanging indent; the pointer's row is marked
        with the cursor, so a window too short for them all scrolls to keep it in view."""
        usable = width - 1
        out: StyleAndTextTuples = []
        for number, choice in enumerate(self.choices, start=1):
            here = number - 1 == self.index
            first = f"{POINTER if here else ' '} {_label(number, len(self.choices))}"
            style = "class:highlighted" if here else "class:text"
            for row, line in enumerate(wrap(choice.title, usable, first)):
                if here and row == 0:
                    out.append(("[SetCursorPosition]", ""))
                out += [("class:pointer" if here and row == 0 else style, line), ("", "\n")]
        return out[:-1]

    def lines(self, width: int) -> StyleAndTextTuples:
        """The whole prompt, as one column of text (what a tall enough window shows)."""
        return [*self.head(width), ("", "\n"), *self.body(width)]


def _rows(text: StyleAndTextTuples) -> int:
    return sum(fragment[1].count("\n") for fragment in text) + 1


def select_application(
    state: SelectState, size: Callable[[], tuple[int, int]], caught: list[int] | None = None
) -> Application[str]:
    """The prompt_toolkit application that runs one select prompt.

    ``size`` gives the window's (columns, rows) at each redraw. The question and hint stay at
    the top; when the choices do not fit under them, their list scrolls, never the heading,
    and an arrow shows where more is hidden. The prompt is erased when answered: the next
    question, or the same one again after "back", takes its place. SIGINT, SIGTERM and SIGHUP
    end it (see ``_stop``); each one received is added to ``caught``.
    """
    from prompt_toolkit.application import Application
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
    from prompt_toolkit.layout import (
        ConditionalMargin,
        HSplit,
        Layout,
        ScrollOffsets,
        Window,
    )
    from prompt_toolkit.layout.controls import FormattedTextControl
    from prompt_toolkit.layout.dimension import Dimension
    from questionary.constants import DEFAULT_STYLE

    keys = KeyBindings()

    def finish(event: KeyPressEvent) -> None:
        event.app.exit(result=state.choices[state.index].value)

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
        keys.add(digit)(lambda event, digit=digit: state.digit(digit))
    keys.add("<any>")(lambda event: None)  # every other key does nothing

    def head_rows() -> int:
        columns, rows = size()
        return min(_rows(state.head(columns)), max(rows - 3, 1))  # three rows of choices at least

    def list_width() -> int:
        return size()[0] - 1  # a column for the arrows that show more

    def overflows() -> bool:
        return _rows(state.body(list_width())) > size()[1] - head_rows() - 1

    def list_height() -> Dimension:
        # One row short of the window: a prompt as tall as the window scrolls the terminal
        # when drawn, and a copy of it stays in the scrollback after it is erased.
        rows = min(_rows(state.body(list_width())), max(size()[1] - head_rows() - 1, 1))
        return Dimension(min=1, max=rows, preferred=rows)

    more = _more_margin()
    head = Window(
        FormattedTextControl(lambda: state.head(size()[0])),
        height=lambda: Dimension.exact(head_rows()),
        wrap_lines=False,
    )
    choices = Window(
        FormattedTextControl(lambda: state.body(list_width()), show_cursor=False),
        height=list_height,
        wrap_lines=False,
        always_hide_cursor=True,
        scroll_offsets=ScrollOffsets(top=1, bottom=2),  # a wrapped choice shows whole
        right_margins=[ConditionalMargin(more, filter=Condition(overflows))],
    )
    application: Application[str] = Application(
        layout=Layout(HSplit([head, choices])),
        key_bindings=keys,
        style=DEFAULT_STYLE,
        erase_when_done=True,
    )
    application.ttimeoutlen = ESCAPE_WAIT
    # prompt_toolkit's own notice, in English, above every question of a terminal that does
    # not answer cursor position queries (a serial console): the prompt draws well without.
    application.renderer.cpr_not_supported_callback = None
    signals = [] if caught is None else caught
    application.pre_run_callables.append(lambda: _stop_on_signals(application, signals))
    return application


def _more_margin() -> Margin:
    """A column beside a list that scrolls: an arrow on its first row while answers are hidden
    above, on its last while some are hidden below, nothing at either end (a scroll bar's
    arrows stay even when there is no more to see)."""
    from prompt_toolkit.layout import Margin

    class More(Margin):
        def get_width(self, get_ui_content: Callable[[], UIContent]) -> int:
            return 1

        def create_margin(
            self, window_render_info: WindowRenderInfo, width: int, height: int
        ) -> StyleAndTextTuples:
            rows = [" "] * height
            if height and not window_render_info.top_visible:
                rows[0] = "↑"
            if height and not window_render_info.bottom_visible:
                rows[-1] = "↓"
            return [("class:instruction", "\n".join(rows))]

    return More()


def _stop_on_signals(application: Application[str], caught: list[int]) -> None:
    """End the prompt cleanly on SIGINT, SIGTERM or SIGHUP: prompt_toolkit then puts the
    terminal back (cooked mode, cursor shown) before the process ends. Left to the default
    action, SIGTERM or SIGHUP killed the process with the terminal still raw and the cursor
    hidden; prompt_toolkit's own SIGINT handler sends a key that no binding here takes, so
    `kill -INT` did nothing. This runs after prompt_toolkit sets that handler, so it takes its
    place; prompt_toolkit removes it (and puts Python's back) when the prompt ends, and the
    others go with the prompt's event loop when it closes."""
    import asyncio
    import signal

    loop = asyncio.get_running_loop()
    for name in STOPPING:
        signum = getattr(signal, name, None)
        if signum is None:  # pragma: no cover - Windows has no SIGHUP
            continue
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, _stop, application, signum, caught)


def _stop(application: Application[str], signum: int, caught: list[int]) -> None:
    """Ask the prompt to end with the signal's error; note the signal for ``KeyPrompter``.

    Never raises: an error here would go to prompt_toolkit's handler, which prints it and waits
    for Enter. A second signal, or one after the answer, finds the prompt already ending, so
    it is only noted (the caller still stops the quiz).
    """
    from prompt_toolkit.renderer import CPR_Support

    caught.append(signum)
    if application.future is None or application.future.done():
        return
    # A terminal that has not answered the cursor position query by now is not going to:
    # ending, prompt_toolkit would wait for that answer (up to a second) before letting go.
    application.renderer.cpr_support = CPR_Support.NOT_SUPPORTED
    application.exit(exception=_ended_by(signum), style="class:aborting")


def _ended_by(signum: int) -> QuizCancelled | QuizStopped:
    """SIGINT cancels the quiz as Ctrl-C does (exit 130); SIGTERM and SIGHUP stop it with
    128 + the signal, as shells report it."""
    import signal

    return QuizCancelled() if signum == signal.SIGINT else QuizStopped(signum)


@contextlib.contextmanager
def _signals_stop_the_quiz() -> Iterator[None]:
    """While a plain question waits for its line, SIGTERM and SIGHUP raise QuizStopped, which
    ends the quiz with its message and 128 + the signal, as at an arrow-key question, where
    the default action ended it without a word. (SIGINT is Python's KeyboardInterrupt.)"""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise QuizStopped(signum)

    previous = []
    for name in STOPPING[1:]:
        signum = getattr(signal, name, None)
        if signum is None:  # pragma: no cover - Windows has no SIGHUP
            continue
        with contextlib.suppress(ValueError):  # not the main thread: left as they are
            previous.append((signum, signal.signal(signum, stop)))
    try:
        yield
    finally:
        for signum, handler in previous:
            signal.signal(signum, handler)


def _size(size: Size) -> tuple[int, int]:
    return size.columns, size.rows


class KeyPrompter:
    """Arrow keys, number keys and Enter, in a terminal that can move its cursor."""

    def select(
        self, message: str, choices: Sequence[PromptChoice], default: str | None, instruction: str
    ) -> str:
        """Ask one select question; Ctrl-C, Ctrl-D, Esc, q or SIGINT raise QuizCancelled,
        SIGTERM or SIGHUP QuizStopped."""
        import questionary  # ~100 ms with prompt_toolkit: only the quiz pays for it
        from prompt_toolkit.application import get_app

        def size() -> tuple[int, int]:
            return _size(get_app().output.get_size())

        caught: list[int] = []  # the signals received while the question was up
        try:
            # Built inside the try: on Windows, creating the application finds no console.
            state = SelectState(message, choices, default, instruction)
            application = select_application(state, size, caught)
            # unsafe_ask lets Ctrl-C through; ask() would swallow it and return None.
            answer = questionary.Question(application).unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise QuizCancelled() from None
        except Exception as error:
            if caught:  # what failed after a signal is its doing: a hangup's EIO, say
                raise _ended_by(caught[0]) from None
            # prompt_toolkit's NoConsoleScreenBufferError, matched by name: Windows has it only.
            if type(error).__name__ == "NoConsoleScreenBufferError":
                raise NoTerminalError("windows_console") from None
            raise
        if caught:  # a signal as the answer came: the answer is not taken
            raise _ended_by(caught[0])
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
        self.stdin: TextIO | None = stdin or sys.stdin  # None: closed (<&-)
        self.stdout = stdout or sys.stdout

    def select(
        self, message: str, choices: Sequence[PromptChoice], default: str | None, instruction: str
    ) -> str:
        """Print the question and its numbered choices; read numbers until one is valid.

        Enter alone chooses nothing: it asks again, so no answer is given unheard. An earlier
        answer (``default``, when the question comes back) is said in words. Only a number
        of ASCII digits answers; anything else is asked again. The end of the input (Ctrl-D, a
        pipe that closes, no input at all) and Ctrl-C cancel the quiz; SIGTERM and SIGHUP stop
        it, as at an arrow-key question.
        """
        with _signals_stop_the_quiz():
            try:
                return self._ask(message, choices, default)
            except KeyboardInterrupt:  # Ctrl-C: as at an arrow-key question
                raise QuizCancelled() from None

    def _ask(self, message: str, choices: Sequence[PromptChoice], default: str | None) -> str:
        width = max(shutil.get_terminal_size().columns - 1, 20)
        values = [choice.value for choice in choices]
        lines = [
            "",
            *(line for part in message.split("\n") for line in wrap(part.strip(), width, "")),
        ]
        for number, choice in enumerate(choices, start=1):
            lines += wrap(choice.title, width, _label(number, len(choices)))
        if default in values and default != CONFIRM:  # the review's "confirm" was never an answer
            lines += wrap(t("plain_earlier", self.lang, n=values.index(default) + 1), width, "")
        self._write("\n".join(lines) + "\n")
        ask = t("plain_ask", self.lang, count=len(choices))
        while True:
            self._write(ask + " ")
            line = self._line()
            if line is None:  # end of input: Ctrl-D, or the pipe closed
                self._write("\n")
                raise QuizCancelled()
            typed = line.strip().casefold()
            if typed in ("q", "quit", "keluar"):
                raise QuizCancelled()
            if ANSWER.fullmatch(typed) and 1 <= int(typed) <= len(choices):
                return values[int(typed) - 1]
            self._write(t("plain_again", self.lang, count=len(choices)) + "\n")

    def _line(self) -> str | None:
        """The next line typed, or None when the input has ended (or cannot be read).

        Bytes are read where there are bytes (a terminal, a pipe) and decoded as ASCII, any
        other byte becoming U+FFFD: no input can fail to decode, and none of it is a digit
        to ``int()``. At most LINE_MOST characters are kept; the rest of a longer line is
        read and dropped, in pieces, and the line comes back empty (no answer): a line takes
        bounded memory and is asked again once. One longer than ENDLESS ends the input.
        """
        if self.stdin is None:
            return None
        size, dropped = LINE_MOST, 0
        try:
            line = piece = self._read(size)
            while len(piece) == size and not piece.endswith("\n"):
                if dropped > ENDLESS:
                    return None
                size = DRAIN
                piece = self._read(size)
                dropped += len(piece)
        except (OSError, ValueError):  # a terminal hung up (EIO); a stream closed under us
            return None
        if not line:
            return None
        return "" if size == DRAIN else line  # a line cut short is no answer

    def _read(self, size: int) -> str:
        """At most ``size`` characters of the line, as ``readline(size)`` reads them."""
        assert self.stdin is not None
        source = getattr(self.stdin, "buffer", None)
        if source is None:  # a text stream with no bytes under it (tests pass StringIO)
            return self.stdin.readline(size)
        return bytes(source.readline(size)).decode("ascii", "replace")

    def _write(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()
