"""The console and what every screen shares: the only place a console is made.

``make_console`` gives the console every command prints on, and ``say`` prints a message
wrapped between words, never inside a command the user may copy. The pieces several screens
draw (a bar per trait, bulleted lists, headings), errors and catalogue problems, and JSON output
are here too. Each command's screen has a module of its own in this part: ``result`` (the quiz
result), ``lists`` (roles, show, questions, history, compare), ``classview`` (``rolefinder
class``) and ``auditview`` (``validate --audit``).

Catalogue texts are always wrapped in ``Text`` so that brackets in them are shown as typed,
never read as Rich markup.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from rolefinder.catalogue.model import Catalogue
from rolefinder.errors import Problem
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

__all__ = ["Console", "make_console", "say"]

BAR_WIDTH = 20
NARROW = 60  # below this many columns, tables become stacked lists


def make_console(stderr: bool = False) -> Console:
    """A console on stdout (or stderr) that honours NO_COLOR, FORCE_COLOR and TERM=dumb.

    No emoji codes: nothing here writes ``:smile:`` on purpose, and leaving them out spares
    loading rich's table of 4,000 emoji names.
    Never markup: no text of a file, a path or a user is read as ``[bold]``. COLUMNS=0 or
    LINES=0 (set by some shells and CI systems) count as unset, not as a screen of no size,
    which would silence every message. rich takes a dumb terminal to be 80x25 whatever its
    size, so a dumb terminal's size is asked for as any other's.
    """
    width = height = None
    dumb = os.environ.get("TERM", "").lower() in ("dumb", "unknown")  # as rich reads it
    columns, lines = _zero(os.environ.get("COLUMNS")), _zero(os.environ.get("LINES"))
    if dumb or columns or lines:
        size = shutil.get_terminal_size()  # it treats 0 as unset already
        width = size.columns if dumb or columns else None
        height = size.lines if dumb or lines else None
    return _Console(
        stderr=stderr, highlight=False, emoji=False, markup=False, width=width, height=height
    )


# Spaces at the end of a line, with any colour codes among or after them (FORCE_COLOR on a pipe).
_TRAILING_SPACES = re.compile(r"(?:[ ]|\x1b\[[0-9;]*m)*?[ ](?:[ ]|\x1b\[[0-9;]*m)*(?=\n|$)")
_SGR = re.compile(r"\x1b\[[0-9;]*m")


class _Console(Console):
    """rich's console, but a closed pipe is left to the command line (not a silent exit), and
    output for a file or a pipe has no spaces at the ends of its lines."""

    def on_broken_pipe(self) -> None:
        """rich's own answer is SystemExit(1); the command line ends the process instead."""
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        """rich pads every table cell to its column's width: harmless on a screen, but noise
        in a file, a diff or ``grep ' $'``. The one place all output passes, so tables, wrapped
        text alike lose it; a terminal keeps rich's own output, colours and all."""
        text = super()._render_buffer(buffer)
        if _is_tty(self.file):  # FORCE_COLOR makes rich draw for a terminal on a pipe too
            return text
        if "\x1b" not in text:  # the usual pipe or file: no colours, a line at a time
            return "\n".join(line.rstrip(" ") for line in text.split("\n"))
        # Tried at every space, the pattern costs time in the length of each run of spaces
        # (35 ms for one role's page): only coloured output (FORCE_COLOR) needs it.
        return _TRAILING_SPACES.sub(lambda found: "".join(_SGR.findall(found[0])), text)


def _is_tty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # no such method, or a closed stream
        return False


def _zero(setting: str | None) -> bool:
    return setting is not None and setting.strip().isdigit() and int(setting) == 0


# A command the user may copy, as the messages write one: "rolefinder COMMAND" and what
# follows that reads as its arguments (options, PLACEHOLDERS, ids and file names, which have
# a hyphen, dot or slash inside, and a language after --lang); a plain word ends it. A line
# is never broken inside it.
COMMAND = re.compile(
    r"rolefinder (?:quiz|result|compare|history|schema|questions|class|roles|show|validate)\b"
    r"(?: (?:--lang [a-z]{2}\b|--?[\w-]+|\{\w+\}|[A-Z][A-Z-]*\b|[\w-]+(?:[./-][\w-]+)+|>))*"
)


def wrap_lines(text: Text, width: int, indent: int = 0) -> list[Text]:
    """``text`` broken into lines of at most ``width`` cells, at spaces only: never inside a
    word or a command (COMMAND). Each line of ``text`` keeps its own leading spaces; the lines
    a long one is broken into hang ``indent`` columns further in. A word or command longer
    than a line gets a line of its own, whole: the terminal soft-wraps it, so a copy of it is
    still one line."""
    lines: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        plain = line.plain
        lead = len(plain) - len(plain.lstrip(" "))
        hang = " " * (lead + indent)
        glued = [match.span() for match in COMMAND.finditer(plain)]
        gaps = [
            gap.span()
            for gap in re.finditer(r" +", plain)
            if gap.start() > lead and not any(a < gap.start() < b for a, b in glued)
        ]
        start, first = 0, True
        for index, (gap_start, gap_end) in enumerate(gaps):
            upto = gaps[index + 1][0] if index + 1 < len(gaps) else len(plain)
            used = cell_len(plain[start:upto]) + (0 if first else len(hang))
            if used > width and start < gap_start:  # the next word goes on a new line
                lines.append(line[start:gap_start] if first else Text(hang) + line[start:gap_start])
                start, first = gap_end, False
        lines.append(line[start:] if first else Text(hang) + line[start:])
    return lines


def say(console: Console, message: str | Text, style: str = "", indent: int = 0) -> None:
    """Print a message wrapped by words to the terminal's width (see wrap_lines), never read
    as markup. Where the output is not a terminal (a pipe, a log file) each line stays whole,
    for grep and for editors that read ``PATH:LINE:COLUMN`` lines."""
    text = message if isinstance(message, Text) else Text(message, style=style)
    lines = wrap_lines(text, console.width, indent) if console.is_terminal else [text]
    for line in lines:
        # soft_wrap: rich neither breaks nor crops the line; the terminal wraps what is longer
        console.print(line, soft_wrap=True, markup=False, highlight=False, emoji=False)


def is_unicode(console: Console) -> bool:
    """Whether the console's stream takes UTF-8: else bars, bullets and JSON keep to ASCII."""
    return console.encoding.lower().startswith("utf")


def _bullet(console: Console) -> str:
    return "•" if is_unicode(console) else "-"


def trait_bars(
    console: Console,
    catalogue: Catalogue,
    percents: Mapping[str, int],
    lang: Lang,
    inset: int = 0,
    plain: bool = False,
) -> Table:
    """One bar per trait; the bars shrink on a narrow terminal so the percentages still show.

    ``plain`` leaves the bars out: a screen reader would read every block aloud.
    """
    full, empty = ("█", "░") if is_unicode(console) else ("#", ".")
    names = [trait.name.get(lang) for trait in catalogue.traits]
    room = console.width - inset - max(map(len, names), default=0) - 9  # gaps and "100%"
    width = max(3, min(BAR_WIDTH, room))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(overflow="fold")
    if not plain:
        grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    for trait, name in zip(catalogue.traits, names, strict=True):
        percent = percents.get(trait.id, 0)
        filled = round(width * percent / 100)
        bar = Text(full * filled, style="cyan") + Text(empty * (width - filled), style="dim")
        grid.add_row(Text(name), *([] if plain else [bar]), f"{percent}%")
    return grid


def bullet_list(console: Console, items: Sequence[str], plain: bool = False) -> Table:
    """A bulleted list whose wrapped lines hang under the text, not the bullet. ``plain``
    (screen readers): the items indented, with no bullet to be read out as a symbol."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row(Text(" " if plain else " " + _bullet(console)), Text(item))
    return grid


def bold_heading(key: str, lang: Lang, **values: object) -> Text:
    """The message ``key`` in bold, as every screen heads a part."""
    return Text(t(key, lang, **values), style="bold")


def render_error(console: Console, message: str, lang: Lang) -> None:
    """One problem per line on stderr, each prefixed 'Error:'."""
    for line in message.splitlines() or [message]:
        say(console, Text.assemble((f"{t('error', lang)}: ", "bold red"), line))


def render_problems(
    console: Console, source: str, problems: Sequence[Problem], lang: Lang, warning: bool = False
) -> None:
    """Catalogue problems, one a line as ``SOURCE:LINE:COLUMN: path: message``, the message
    in ``lang`` (the position and path stay as they are, for editors and grep)."""
    label = (f"{t('warning', lang)}: ", "yellow") if warning else ""
    for problem in problems:
        # On a terminal a long problem hangs under its position; elsewhere it is one line.
        say(console, Text.assemble(label, problem.describe(source, lang)), indent=2)


def render_json(console: Console, data: Any) -> None:
    """Plain JSON, no colour or markup; non-ASCII kept readable where the stream allows."""
    from rolefinder.present.cards import as_json  # the same text --save writes

    console.file.write(as_json(data, ascii_only=not is_unicode(console)))


def render_json_list(console: Console, items: Iterable[Any]) -> None:
    """A JSON list written an item at a time, as each comes: the very text render_json gives
    the whole list, with one item in memory at a time."""
    from rolefinder.present.cards import as_json

    ascii_only = not is_unicode(console)
    write = console.file.write
    opening = "[\n  "
    for item in items:
        # Each line of an item one level further in (JSON strings hold no raw newline).
        write(opening + as_json(item, ascii_only).rstrip("\n").replace("\n", "\n  "))
        opening = ",\n  "
    write("[]\n" if opening == "[\n  " else "\n]\n")
