"""Everything rolefinder shows on a terminal: the only module that imports rich.

Catalogue texts are always wrapped in ``Text`` so that brackets in them are shown as typed,
never read as Rich markup.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from rolefinder.catalogue.model import Catalogue, Role, as_percentages
from rolefinder.errors import Problem
from rolefinder.present.report import (
    band_text,
    fit_text,
    flag_lines,
    level_text,
    ready_lines,
    ready_text,
    reason_lines,
    result_code,
    summary_reason,
    what_if_line,
)
from rolefinder.words.i18n import t, visible
from rolefinder.words.languages import Lang, number

if TYPE_CHECKING:  # results and audits are imported where drawn: `show` and `roles` skip them
    from rolefinder.assess.audit import AuditReport, Recovery
    from rolefinder.assess.engine import Match, Result
    from rolefinder.assess.explain import Explanation
    from rolefinder.classroom.records import Note, Row
    from rolefinder.classroom.scoring import Summary
    from rolefinder.history.rows import Entry
    from rolefinder.present.compare import Comparison

__all__ = ["Console", "make_console", "say"]

BAR_WIDTH = 20
SCREEN_ROWS = 24  # a result's summary fits an 80x24 screen, its first line blank
# What a summary too tall for the screen leaves out, one more at a time until it fits: all of
# it is in --explain (the history's place: in `rolefinder history`, and the README).
LEFT_OUT_TO_FIT = (
    "legend",  # the fit's legend under the ranking
    "way_in_with_way_up",  # the way in, where the way up is shown
    "credit",  # the credit for related experience
    "way_in",
    "trait",  # the shared trait in the Why
    "kept_where",  # where the history keeps the result (its short form stays)
    "way_up",
    "gap",  # the blank line above the best fit
    "profile_gap",  # the blank line under the profile
)
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


def _unicode(console: Console) -> bool:
    return console.encoding.lower().startswith("utf")


def _bullet(console: Console) -> str:
    return "•" if _unicode(console) else "-"


def _bars(
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
    full, empty = ("█", "░") if _unicode(console) else ("#", ".")
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


def _bullets(console: Console, items: Sequence[str], plain: bool = False) -> Table:
    """A bulleted list whose wrapped lines hang under the text, not the bullet. ``plain``
    (screen readers): the items indented, with no bullet to be read out as a symbol."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row(Text(" " if plain else " " + _bullet(console)), Text(item))
    return grid


def _heading(key: str, lang: Lang, **values: object) -> Text:
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


def render_audit(
    console: Console, catalogue: Catalogue, report: AuditReport, lang: Lang, plain: bool = False
) -> None:
    """Simulated respondents per role, model and setting; calibration; random and one-position
    sittings; the most confused pairs; and whether the catalogue meets every target.
    ``plain`` (screen readers, TERM=dumb): the table has no rule under its head."""
    from rolefinder.assess.audit import (
        CAREFUL_FLAGGED_MAX,
        RANDOM_CONFIDENT_MAX,
        RANDOM_WARNED_MIN,
        TARGETS,
    )

    def pct(value: float) -> str:
        return f"{number(round(100 * value), lang)}%"

    def figures(recovery: Recovery) -> str:
        return f"{pct(recovery.top1)} / {pct(recovery.retake)} / {pct(recovery.flagged)}"

    title = t(
        "audit_title",
        lang,
        people=number(report.people, lang),
        samples=number(report.samples, lang),
    )
    rule = None if plain else box.SIMPLE_HEAD
    table = Table(title=title, title_justify="left", title_style="bold", box=rule)
    table.add_column(t("col_role", lang))
    columns = [(model, setting) for model in report.recovery for setting in TARGETS]
    for model, setting in columns:
        table.add_column(f"{model}\n{t(f'audit_{setting}', lang)}", justify="right")
    for role_id in [*(role.id for role in catalogue.roles), "all"]:
        name = t("audit_all", lang) if role_id == "all" else _role_name(catalogue, role_id, lang)
        cells = [figures(report.recovery[m][s][role_id]) for m, s in columns]
        table.add_row(Text(name, style="bold" if role_id == "all" else ""), *cells)
    console.print(table)
    say(console, t("audit_columns", lang), style="dim")
    targets = {
        "careful": pct(TARGETS["careful"][0]),
        "noisy": pct(TARGETS["noisy"][0]),
        "retake": pct(TARGETS["noisy"][1]),
        "flagged": pct(CAREFUL_FLAGGED_MAX),
    }
    say(console, t("audit_targets", lang, **targets))
    for model, bins in report.calibration.items():
        shown = ", ".join(
            f"{pct(b.low)}-{pct(b.high)}: {number(b.count, lang)} x {pct(b.sure)} -> {pct(b.right)}"
            for b in bins
        )
        say(console, t("audit_calibration", lang, model=model, bins=shown))
    for model, settings in report.by_level.items():
        careful, noisy = settings["careful"], settings["noisy"]
        levels = ", ".join(f"{lv} {pct(careful[lv])} / {pct(noisy[lv])}" for lv in careful)
        say(console, t("audit_levels", lang, model=model, levels=levels))
    random_line = t(
        "audit_random",
        lang,
        confident=pct(report.random_confident),
        confident_max=pct(RANDOM_CONFIDENT_MAX),
        warned=pct(report.random_warned),
        warned_min=pct(RANDOM_WARNED_MIN),
        caught=pct(report.same_position_caught),
    )
    say(console, random_line)
    mean, fewest, most = report.lengths
    console.print(t("audit_lengths", lang, mean=number(mean, lang, 1), low=fewest, high=most))
    if report.confused:
        pairs = ", ".join(
            f"{_role_name(catalogue, a, lang)} -> {_role_name(catalogue, b, lang)} ({count})"
            for a, b, count in report.confused
        )
        say(console, t("audit_confused", lang, pairs=pairs))
    if report.passed:
        say(console, t("audit_passed", lang), style="green")
    else:
        missed = ", ".join(report.missed)
        say(console, t("audit_failed", lang, missed=missed), style="red")


def _role_name(catalogue: Catalogue, role_id: str, lang: Lang) -> str:
    role = catalogue.role(role_id)
    return role.name.get(lang) if role else role_id


def render_json(console: Console, data: Any) -> None:
    """Plain JSON, no colour or markup; non-ASCII kept readable where the stream allows."""
    from rolefinder.present.cards import as_json  # the same text --save writes

    console.file.write(as_json(data, ascii_only=not _unicode(console)))


def render_json_list(console: Console, items: Iterable[Any]) -> None:
    """A JSON list written an item at a time, as each comes: the very text render_json gives
    the whole list, with one item in memory at a time."""
    from rolefinder.present.cards import as_json

    ascii_only = not _unicode(console)
    write = console.file.write
    opening = "[\n  "
    for item in items:
        # Each line of an item one level further in (JSON strings hold no raw newline).
        write(opening + as_json(item, ascii_only).rstrip("\n").replace("\n", "\n  "))
        opening = ",\n  "
    write("[]\n" if opening == "[\n  " else "\n]\n")


def render_roles(
    console: Console, catalogue: Catalogue, roles: Sequence[Role], lang: Lang, plain: bool = False
) -> None:
    """A table of roles: name and id, main trait and level, one-line summary; a list when
    narrow or ``plain`` (screen readers, TERM=dumb: no table rules)."""
    if plain or console.width < NARROW:
        _render_roles_stacked(console, catalogue, roles, lang)
        return
    table = Table(
        title=t("roles_title", lang),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_lines=True,  # a blank line between roles: each row spans two or three lines
    )
    table.add_column(t("col_role", lang), max_width=26)
    table.add_column(t("col_trait_level", lang), max_width=16)
    table.add_column(t("col_summary", lang), ratio=1)
    for role in roles:
        trait = catalogue.trait(role.main_trait)
        table.add_row(
            Text(role.name.get(lang), style="bold") + Text("\n") + Text(role.id, style="cyan"),
            Text(trait.name.get(lang) if trait else role.main_trait)
            + Text("\n")
            + Text(level_text(role, lang), style="dim"),
            Text(role.summary.get(lang)),
        )
    console.print(table)


def render_questions(console: Console, catalogue: Catalogue, lang: Lang) -> None:
    """Every question with its id, and each option's id beside its text, for answer sheets;
    in the order the quiz asks from. Ids stand in a column of their own: a wrapped question
    or option hangs beside its id, never under it."""
    from rolefinder.catalogue.model import SKIP
    from rolefinder.present.report import quiz_order

    for question in quiz_order(catalogue):
        console.print()
        heading = Table.grid(padding=(0, 2))
        heading.add_column(no_wrap=True, style="bold cyan")
        heading.add_column()
        heading.add_row(Text(question.id), Text(question.prompt.get(lang)))
        console.print(heading)
        grid = Table.grid(padding=(0, 2), pad_edge=True)
        grid.add_column(no_wrap=True, style="cyan")
        grid.add_column()
        for option in question.options:
            grid.add_row(Text(option.id), Text(option.text.get(lang)))
        grid.add_row(Text(SKIP), Text(t("skip", lang)))
        console.print(grid)
    console.print()
    say(console, t("questions_footer", lang))


# The most kept results drawn as a table: a table is measured whole before it is drawn, so a
# longer listing (history --all) is a list, drawn a result at a time as they are read.
HISTORY_TABLE_MOST = 100


def render_history(
    console: Console,
    catalogue: Catalogue,
    entries: Iterable[Entry],
    lang: Lang,
    where: str,
    plain: bool = False,
) -> bool:
    """The kept results as ``entries`` gives them (oldest first): number, date (local time),
    language, the best match of the day (named from today's catalogue, marked * when the
    result was taken with another catalogue or version), its fit ("82/100"; "-" for a result
    kept before 2.0, which kept a chance instead) and the result code; then where the history
    is kept. A table where it fits whole (codes are never cut, so they can be copied) and holds
    at most HISTORY_TABLE_MOST results, else a list, each result drawn as it comes (memory stays
    flat however long the history); always a list when ``plain`` (screen readers, TERM=dumb),
    the mark said in words. False, and nothing drawn, when there are none.

    Everything read from the history is shown as Text with hidden characters spelled out, so
    no stored value can act on the terminal or be read as markup.
    """
    from itertools import chain, islice

    from rich.measure import Measurement

    from rolefinder.assess.codes import fingerprints

    today = fingerprints(catalogue)  # a result kept by 1.2 holds the older one
    rest = iter(entries)
    first = list(islice(rest, HISTORY_TABLE_MOST + 1))
    if not first:
        return False
    if not plain and len(first) <= HISTORY_TABLE_MOST:
        table = _history_table(catalogue, first, lang, today)
        unbounded = console.options.update_width(10**6)  # its own width, not the screen's
        if Measurement.get(console, unbounded, table).maximum <= console.width:
            console.print(table)
            _history_footer(
                console, lang, where, plain, any(e.fingerprint not in today for e in first)
            )
            return True
    console.print(Text(t("history_title", lang), style="bold"))
    other = False
    entries_left = chain(first, rest)
    # HISTORY_TABLE_MOST results to a print: rich's work for each print, not for each result
    while batch := list(islice(entries_left, HISTORY_TABLE_MOST)):
        lines = Text()
        for entry in batch:
            other = other or entry.fingerprint not in today
            number_, date, name, shown, code = _history_row(catalogue, entry, lang, today, plain)
            lines.append("\n")
            lines.append(f"{number_}. ", "bold")
            lines.append(f"{date}  {entry.lang}\n")
            lines.append(name, "bold")
            lines.append(f"  {shown}\n")
            lines.append(code, "cyan")
            lines.append("\n")
        lines.rstrip()  # the last line's end is the print's own
        console.print(lines)
    console.print()
    _history_footer(console, lang, where, plain, other)
    return True


def _history_row(
    catalogue: Catalogue, entry: Entry, lang: Lang, today: Collection[str], plain: bool
) -> tuple[str, str, str, str, str]:
    """One kept result in words: number, local date and time, best match (marked when taken
    with another catalogue), its fit, the code."""
    role_id, fit = entry.top[0] if entry.top else ("", None)
    name = visible(_role_name(catalogue, role_id, lang)) if role_id else "-"
    other = entry.fingerprint not in today
    mark = "" if not other else f" ({t('history_other', lang)})" if plain else " *"
    code = visible(entry.code) or "-"
    shown = "-" if fit is None else fit_text(fit)
    return str(entry.number), _local_time(entry.taken), name + mark, shown, code


def _history_table(
    catalogue: Catalogue, entries: Sequence[Entry], lang: Lang, today: Collection[str]
) -> Table:
    table = Table(
        title=t("history_title", lang),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_lines=True,  # each row is two lines: the date over the time, the name over the code
    )
    table.add_column(t("col_rank", lang), justify="right", no_wrap=True)
    table.add_column(t("col_date", lang), no_wrap=True)
    table.add_column(t("col_lang", lang), no_wrap=True)
    table.add_column(t("col_best", lang), no_wrap=True)
    table.add_column(t("col_match", lang), justify="right", no_wrap=True)
    for entry in entries:
        number_, date, name, shown, code = _history_row(catalogue, entry, lang, today, False)
        best = Text(name, style="bold") + Text("\n") + Text(code)
        table.add_row(number_, date.replace(" ", "\n", 1), entry.lang, best, shown)
    return table


def _history_footer(console: Console, lang: Lang, where: str, plain: bool, other: bool) -> None:
    if other:
        key = "history_marked_other_plain" if plain else "history_marked_other"
        say(console, t(key, lang), style="dim")
    say(console, t("history_where", lang, path=where), style="dim")


def _local_time(taken: str) -> str:
    """An ISO 8601 UTC time ("2026-11-24T09:30:00Z") in local time, "2026-11-24 16:30"."""
    from datetime import datetime, timezone

    try:
        moment = datetime.strptime(taken, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")
    except (ValueError, OverflowError, OSError):  # a time the platform cannot convert
        return visible(taken)


def _render_roles_stacked(
    console: Console, catalogue: Catalogue, roles: Sequence[Role], lang: Lang
) -> None:
    console.print(Text(t("roles_title", lang), style="bold"))
    for role in roles:
        trait = catalogue.trait(role.main_trait)
        console.print()
        console.print(Text(role.name.get(lang), style="bold"))
        console.print(Text(role.id, style="cyan"))
        trait_name = trait.name.get(lang) if trait else role.main_trait
        console.print(Text(f"{trait_name}, {level_text(role, lang)}", style="dim"))
        console.print(Text(role.summary.get(lang)))


def render_role(
    console: Console, catalogue: Catalogue, role: Role, lang: Lang, plain: bool = False
) -> None:
    """One role in full: summary, duties, skills, profile, level, its junior form and way in,
    and related roles. ``plain`` (screen readers, TERM=dumb): no frame, bullets or bars."""
    parts: list[Any] = [Text(role.summary.get(lang)), Text()]
    if role.note is not None:
        parts += [_heading("note", lang), Text(role.note.get(lang), style="italic"), Text()]
    parts += [
        _heading("duties", lang),
        _bullets(console, [d.get(lang) for d in role.duties], plain),
        Text(),
    ]
    if role.skills:
        skills = [skill.get(lang) for skill in role.skills]
        parts += [_heading("skills", lang), _bullets(console, skills, plain), Text()]
    parts += [
        _heading("profile", lang),
        _bars(console, catalogue, as_percentages(role.profile), lang, inset=4, plain=plain),
        Text(),
        Text(f"{t('col_level', lang)}: ", style="bold") + Text(level_text(role, lang)),
    ]
    if role.junior is not None:
        parts.append(Text(t("junior_form", lang, junior=role.junior.get(lang))))
    way_in = t("way_in", lang, text=role.way_in.get(lang))
    parts.append(Text(way_in) + Text(" " + t(f"source_{role.source}", lang), style="dim"))
    related = [r for r in map(catalogue.role, role.related) if r is not None]
    if related:
        names = ", ".join(f"{r.name.get(lang)} ({r.id})" for r in related)
        parts.append(Text(f"{t('related', lang)}: ", style="bold") + Text(names))
    title = Text(role.name.get(lang), style="bold")
    if plain or console.width < NARROW:  # a frame would crop the name and waste two columns
        for part in (title, Text(), *parts):  # one at a time: print(*parts) joins texts
            console.print(part)
    else:
        console.print(Panel(Group(*parts), title=title, title_align="left", expand=False))


def render_result(
    console: Console,
    catalogue: Catalogue,
    result: Result,
    explanation: Explanation,
    lang: Lang,
    top: int,
    explain: bool = False,
    plain: bool = False,
    *,
    taken: Lang | None = None,
    kept: Sequence[str] = (),
) -> None:
    """The quiz result, made to fit an 80x24 screen: the profile, the ranking, the best match
    with its one-line why, notes, and the result code (of the sitting, taken in ``taken``;
    None: ``lang``), then ``kept``, where the history keeps it, if it does (the line, then a
    shorter form for a screen that has no room for it).

    With ``explain``, every listed role follows in rank order with its full reasons and
    duties; on a terminal that output goes through a pager when it is taller than the screen,
    and stays on screen after the pager closes. ``plain`` (screen readers, TERM=dumb): the
    best match first, then the ranking and the profile as figures; words for every symbol
    (no bars, bullets, arrows or "!"), and no pager.
    """

    def summary(left_out: Sequence[str]) -> list[Any]:
        parts = _result_summary(
            console, catalogue, result, explanation, lang, top, explain, plain, taken, left_out
        )
        if kept:
            parts.append(Text(kept[-1] if "kept_where" in left_out else kept[0], style="dim"))
        return parts

    parts = summary(())
    if not explain and not plain:  # one screen: the details wait in --explain
        steps = 0
        while steps < len(LEFT_OUT_TO_FIT) and _height(console, parts) > SCREEN_ROWS:
            steps += 1
            parts = summary(LEFT_OUT_TO_FIT[:steps])
    if explain:
        for place, match in enumerate(result.listed[:top], start=1):
            details = _role_details(
                console, catalogue, result, explanation, match, place, lang, plain
            )
            parts += [Text(), *details]
    if not plain and explain and console.is_terminal and _height(console, parts) > console.height:
        # -R: colours as colours; -X: the text stays on screen after q; -F: no pager for a
        # screenful. The user's own LESS wins.
        os.environ.setdefault("LESS", "-FRX")
        with console.pager(styles="R" in os.environ["LESS"]):
            # The pager shows no word of its own: its first line says how to leave it.
            _print_parts(console, [Text(t("pager_hint", lang), style="dim"), *parts])
        return
    _print_parts(console, parts)


class Said(Text):
    """A part of a screen printed with ``say``: wrapped by words, a command never split."""


SCREEN_ROWS = 24  # the result's promise: it fits an 80x24 screen


def _print_parts(console: Console, parts: Sequence[Any]) -> None:
    for part in parts:
        if isinstance(part, Said):
            say(console, part)
        else:
            console.print(part)


def _height(console: Console, parts: Sequence[Any]) -> int:
    """How many lines ``parts`` take on this console."""
    with console.capture() as captured:
        _print_parts(console, parts)
    return captured.get().count("\n")


def _result_summary(
    console: Console,
    catalogue: Catalogue,
    result: Result,
    explanation: Explanation,
    lang: Lang,
    top: int,
    explain: bool,
    plain: bool,
    taken: Lang | None,
    left_out: Sequence[str] = (),
) -> list[Any]:
    """The result's summary, without the parts ``left_out`` names (see LEFT_OUT_TO_FIT)."""
    best = result.best
    name = best.role.name.get(lang)
    # A note is marked "!" on screen; plain output says "Note:" (a screen reader reads "!").
    mark = f"{t('note', lang)}: " if plain else "! "
    notes = flag_lines(result, explanation, lang)
    first: list[Any] = []
    if result.pattern is not None:  # said first: nothing below is advice yet
        first = [Text(mark + note, style="bold yellow") for note in notes] + [Text()]
        notes = []
    heading = _heading("your_profile", lang)
    if not explain:  # the traits' descriptions would not fit a screen: say where they are
        heading += Text("  " + t("traits_where", lang), style="dim")
    profile: list[Any] = [heading, _bars(console, catalogue, result.profile, lang, plain=plain)]
    if explain:
        profile += [Text(), _trait_legend(catalogue, lang)]
    if "profile_gap" not in left_out:
        profile.append(Text())
    ranking: list[Any] = [_matches(console, result, lang, top, plain)]
    if "legend" not in left_out:
        ranking.append(Text(t("fit_legend", lang), style="dim"))
    style = "yellow" if explanation.band == "unsure" else "bold green"
    line = Text(t("best_match", lang, name=name), style=style)
    between = ". " if plain else " · " if _unicode(console) else " - "
    verdict: list[Any] = [line + Text(between) + band_text(explanation, result, lang)]
    why = explanation.reasons.get(best.id)
    reason = summary_reason(catalogue, why, lang, "trait" not in left_out) if why else ""
    if reason and result.pattern is None:  # no reasons or readiness for what is not advice
        verdict.append(Text(f"{t('why', lang)}: ", style="bold") + Text(reason))
    if result.pattern is None or explain:
        route = explanation.paths.get(best.id, ())
        ready = ready_lines(best, result.adjacent, route, lang, plain, left_out)
        verdict.append(Text(" ".join(ready)))
    verdict += [Text(mark + note, style="yellow") for note in notes]
    if plain:  # read top to bottom: the answer first, then what it rests on
        parts: list[Any] = [Text(), *first, *verdict, Text(), *ranking, Text(), *profile]
    else:  # seen at a glance: the verdict last, just above the prompt, where the eye is
        gap = [] if "gap" in left_out else [Text()]
        parts = [Text(), *first, *profile, *ranking, *gap, *verdict]
    if explain and explanation.what_if is not None:  # a detail: the summary stays one screen
        parts.append(Text(what_if_line(catalogue, explanation.what_if, lang), style="italic"))
    code, again = result_code(catalogue, result.answers, lang, taken)
    key = "result_code" if explain else "result_more"
    # Its command is never split.
    parts.append(Said(t(key, lang, code=code, again=again), style="dim"))
    return parts


def _trait_legend(catalogue: Catalogue, lang: Lang) -> Table:
    """What each trait of the profile means, one a row: its name, then its description."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(style="dim")
    for trait in catalogue.traits:
        grid.add_row(Text(trait.name.get(lang) + ":"), Text(trait.description.get(lang)))
    return grid


def _role_details(
    console: Console,
    catalogue: Catalogue,
    result: Result,
    explanation: Explanation,
    match: Match,
    place: int,
    lang: Lang,
    plain: bool = False,
) -> list[Any]:
    """One listed role in full: summary, every reason, duties, readiness and way in, the next
    step up (``plain``: no bullets or arrows)."""
    from rolefinder.assess.engine import next_steps

    role = match.role
    heading = Text(f"{place}. {role.name.get(lang)}", style="bold")
    heading += Text(f"  {t('col_match', lang)} {fit_text(match.fit)}  {level_text(role, lang)}")
    parts: list[Any] = [heading, Text(role.summary.get(lang))]
    parts += [_heading("why", lang), _why(console, catalogue, explanation, match, lang, plain)]
    duties = [d.get(lang) for d in role.duties]
    parts += [_heading("duties", lang), _bullets(console, duties, plain)]
    route = explanation.paths.get(match.id, ())
    parts.append(Text(" ".join(ready_lines(match, result.adjacent, route, lang, plain))))
    steps = next_steps(catalogue, role)
    if steps:
        names = ", ".join(r.name.get(lang) for r in steps)
        parts.append(Text(f"{t('next_step', lang)}: ", style="bold") + Text(names))
    return parts


def _matches(console: Console, result: Result, lang: Lang, top: int, plain: bool = False) -> Group:
    """The roles the answers point to, best fit first, with how ready the user is for each:
    a table, or lines when narrow or ``plain`` (a "#" column head is read out as a symbol)."""

    rows = [
        (
            str(place),
            Text(match.role.name.get(lang)),
            fit_text(match.fit),
            Text(ready_text(match, lang)),
        )
        for place, match in enumerate(result.listed[:top], start=1)
    ]
    heading = t("your_matches" if len(result.listed) > 1 else "your_match_one", lang)
    if plain or console.width < NARROW:
        title = Text(heading, style="bold")
        lines = [
            Text(f"{p}. ") + name + Text(f"  {pct}  ", style="bold") + level
            for p, name, pct, level in rows
        ]
        return Group(title, *lines)
    table = Table(  # the heading stands above it: a title would wrap at the table's width
        box=None,
        header_style="dim",
        pad_edge=False,
    )
    table.add_column(t("col_rank", lang), justify="right")
    table.add_column(t("col_role", lang), style="bold")
    table.add_column(t("col_match", lang), justify="right")
    table.add_column(t("col_ready", lang))
    for row in rows:
        table.add_row(*row)
    return Group(Text(heading, style="bold"), table)


def _why(
    console: Console,
    catalogue: Catalogue,
    explanation: Explanation,
    match: Match,
    lang: Lang,
    plain: bool = False,
) -> Table:
    """A match's reasons as bullets."""

    why = explanation.reasons.get(match.id)
    return _bullets(console, reason_lines(catalogue, why, lang, points=True) if why else [], plain)


SIDES = (("A", "cyan"), ("B", "magenta"))  # each result's letter and colour, in every part
GAP = 4  # columns between the two top 3 lists when they stand side by side


def render_compare(
    console: Console,
    catalogue: Catalogue,
    comparison: Comparison,
    lang: Lang,
    plain: bool = False,
) -> None:
    """Two results side by side: which is A and which B, both profiles as paired bars, the
    roles each lists with their fit (side by side, stacked when narrow), then what moved and the
    answers that moved it.

    ``plain`` (screen readers, TERM=dumb): the profiles as figures without bars, no bullets.
    """
    from rolefinder.present.compare import difference_lines, moved_lines, why_line

    parts: list[Any] = [Text(), _heading("compare_title", lang)]
    for (letter, style), side in zip(SIDES, (comparison.a, comparison.b), strict=True):
        parts.append(Text(f"{letter}  ", style=f"bold {style}") + Text(visible(side.label)))
    parts += [Text(), _heading("compare_profiles", lang)]
    parts += [_paired_bars(console, catalogue, comparison, lang, plain), Text()]
    parts += [_compare_tops(console, catalogue, comparison, lang), Text()]
    parts += [_heading("compare_what_moved", lang)]
    moved = moved_lines(catalogue, comparison, lang, plain)
    parts.append(_bullets(console, moved, plain) if comparison.moved else Text(moved[0]))
    why = why_line(comparison, lang)
    if why is not None:
        parts.append(Text(why, style="bold"))
        parts.append(_bullets(console, difference_lines(catalogue, comparison, lang), plain))
    for part in parts:
        console.print(part)


def _paired_bars(
    console: Console, catalogue: Catalogue, comparison: Comparison, lang: Lang, plain: bool
) -> Table:
    """Per trait, A's bar over B's, each labelled and with its percentage; B's row also gives
    the change in percentage points. The bars shrink on a narrow terminal, as in _bars;
    ``plain`` leaves them out (a screen reader would read every block aloud)."""
    full, empty = ("█", "░") if _unicode(console) else ("#", ".")
    names = [visible(trait.name.get(lang)) for trait in catalogue.traits]
    # name, letter, bar, "100%", "+100", and four gaps of two
    room = console.width - max(map(len, names), default=0) - 1 - 4 - 4 - 8
    width = max(3, min(BAR_WIDTH, room))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(overflow="fold")
    grid.add_column(no_wrap=True)
    if not plain:
        grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(justify="right", no_wrap=True, style="dim")
    for trait, name in zip(catalogue.traits, names, strict=True):
        before = comparison.a.profile.get(trait.id, 0)
        after = comparison.b.profile.get(trait.id, 0)
        for (letter, style), value in zip(SIDES, (before, after), strict=True):
            filled = round(width * value / 100)
            bar = Text(full * filled, style=style) + Text(empty * (width - filled), style="dim")
            change = f"{after - before:+d}" if letter == "B" and after != before else ""
            label = Text(name) if letter == "A" else Text()
            cells = (label, Text(letter, style=f"bold {style}"), *([] if plain else [bar]))
            grid.add_row(*cells, f"{value}%", change)
    return grid


def _compare_tops(
    console: Console, catalogue: Catalogue, comparison: Comparison, lang: Lang
) -> Group:
    """The roles each side lists (3 at most) with their fit, and how sure its #1 is: side by
    side, or one under the other when the terminal is narrow or the two lists would not fit
    beside each other unwrapped."""
    from rich.measure import Measurement

    from rolefinder.present.compare import how_sure, role_name

    columns, needed = [], GAP
    for (letter, style), side in zip(SIDES, (comparison.a, comparison.b), strict=True):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_column(justify="right", no_wrap=True)
        for placed in side.top:
            name = Text(visible(role_name(catalogue, placed.id, lang)), style="bold")
            grid.add_row(str(placed.place), name, fit_text(placed.fit))
        needed += Measurement.get(console, console.options, grid).maximum
        sure = Text(how_sure(side, lang), style="dim")
        columns.append(Group(Text(letter, style=f"bold {style}"), grid, sure))
    title = _heading("compare_matches", lang)
    if console.width < max(NARROW, needed):
        return Group(title, columns[0], Text(), columns[1])
    table = Table.grid(padding=(0, GAP))
    table.add_row(*columns)
    return Group(title, table)


# --- rolefinder class ------------------------------------------------------------------------


class ClassProgress:
    """A progress bar on stderr while a long file is read; nothing where stderr is not a
    terminal (a log or a pipe gets the summary alone)."""

    def __init__(self, console: Console, sizes: Mapping[str, int], lang: Lang) -> None:
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

        self.sizes, self.lang = sizes, lang
        self.progress = Progress(
            # The description holds a file name: text, never markup (the console's markup=False
            # does not reach a column, which reads its text as markup by default).
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            TaskProgressColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> ClassProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *error: object) -> None:
        self.progress.__exit__(None, None, None)

    def update(self, source: str, done: int) -> None:
        """``done`` bytes of ``source`` read."""
        task = self.tasks.get(source)
        if task is None:
            description = visible(t("class_reading", self.lang, source=os.path.basename(source)))
            total = self.sizes.get(source) or None
            task = self.tasks[source] = self.progress.add_task(description, total=total)
        self.progress.update(task, completed=done)


class ClassProblems:
    """Failed rows and notes about files on stderr as they come, one line each, hidden
    characters spelled out; MAX_PROBLEMS at most, then how many more (finish)."""

    def __init__(self, console: Console, lang: Lang) -> None:
        self.console, self.lang, self.count = console, lang, 0

    def __call__(self, item: Row | Note) -> None:
        """Tell one failed row or note."""
        from rolefinder.classroom.records import Note
        from rolefinder.errors import MAX_PROBLEMS

        self.count += 1
        if self.count > MAX_PROBLEMS:
            return
        if isinstance(item, Note):
            line = item.text
        else:
            where = t("form_where", self.lang, source=item.source, row=item.row)
            where = item.source if item.row == 0 else where  # a sheet file: the whole file
            line = t("class_failed_row", self.lang, where=where, problem=item.problem or "")
        say(self.console, visible(line))

    def finish(self) -> None:
        """Say how many were not told."""
        from rolefinder.errors import MAX_PROBLEMS

        if self.count > MAX_PROBLEMS:
            more = number(self.count - MAX_PROBLEMS, self.lang)
            self.console.print(Text(t("class_more_problems", self.lang, count=more)))


def render_class(
    console: Console, summary: Summary, out: str, lang: Lang, plain: bool = False
) -> None:
    """The class's summary: counts, the #1 roles as bars, the average profile, the students
    to talk to first (ten at most; the files list them all)."""
    from rolefinder.classroom.scoring import student_note

    catalogue = summary.catalogue
    console.print(_heading("class_title", lang))
    values = {
        "students": number(summary.students, lang),
        "scored": number(summary.scored, lang),
        "too_few": number(summary.too_few, lang),
        "failed": number(summary.failed, lang),
    }
    console.print(Text(t("class_students", lang, **values)))
    if summary.scored:
        unsure = {"unsure": number(summary.unsure, lang), "scored": number(summary.scored, lang)}
        console.print(Text(t("class_unsure", lang, **unsure)))
        if summary.no_pattern:
            count = number(summary.no_pattern, lang)
            scored = number(summary.scored, lang)
            console.print(Text(t("class_no_pattern", lang, count=count, scored=scored)))
    if summary.rushed:  # only where the export has start and completion times
        rushed = {"count": number(summary.rushed, lang), "timed": number(summary.timed, lang)}
        console.print(Text(t("class_rushed", lang, **rushed)))
    if summary.scored:
        console.print()
        console.print(_heading("class_first_roles", lang))
        console.print(_counts(console, catalogue, summary.first_roles, summary.scored, lang, plain))
        console.print()
        console.print(_heading("class_profile", lang))
        console.print(_bars(console, catalogue, summary.profile, lang, plain=plain))
    else:
        console.print(Text(t("class_nobody", lang)))
    talk = summary.talk_order()
    if talk:
        console.print()
        console.print(_heading("class_talk_first", lang))
        shown = talk[:10]
        items = [
            visible(f"{entry.student.label}: {student_note(entry.student, catalogue, lang)}")
            for entry in shown
        ]
        console.print(_bullets(console, items, plain))
        more = len(talk) - len(shown) + summary.talk_more
        if more:
            console.print(Text(t("class_talk_more", lang, count=number(more, lang))))
    console.print()
    written = "class_written" if summary.students else "class_not_written"  # nothing read
    say(console, t(written, lang, path=visible(out)))


def _counts(
    console: Console,
    catalogue: Catalogue,
    counts: Sequence[tuple[str, int]],
    total: int,
    lang: Lang,
    plain: bool,
) -> Table:
    """One bar per role: how many students have it first, and what share of the class."""
    full, empty = ("█", "░") if _unicode(console) else ("#", ".")
    names = [_role_name(catalogue, role, lang) for role, _ in counts]
    narrow = console.width < NARROW  # each name on a line of its own, its figures under it
    room = console.width - (4 if narrow else max(map(len, names), default=0)) - 16
    width = max(3, min(BAR_WIDTH, room))
    if narrow:
        stacked = Table.grid(padding=(0, 2))
        stacked.add_column()
        for (_, count), name in zip(counts, names, strict=True):
            share = count / total if total else 0.0
            filled = round(width * share)
            drawn = "" if plain else full * filled + empty * (width - filled) + "  "
            stacked.add_row(Text(name))
            stacked.add_row(Text(f"  {drawn}{number(count, lang)}  {round(100 * share)}%"))
        return stacked
    grid = Table.grid(padding=(0, 2))
    grid.add_column(overflow="fold")
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    for (_, count), name in zip(counts, names, strict=True):
        share = count / total if total else 0.0
        filled = round(width * share)
        bar = (
            Text()
            if plain
            else Text(full * filled, style="cyan") + Text(empty * (width - filled), style="dim")
        )
        grid.add_row(Text(name), bar, number(count, lang), f"{round(100 * share)}%")
    return grid
