"""The catalogue and the history, browsed: ``roles``, ``show``, ``questions``, ``history`` and
``compare``'s two results side by side.

Each screen is a table where the terminal is wide enough and a list where it is narrow or the
output is plain (screen readers, TERM=dumb).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from rolefinder.catalogue.model import Catalogue, Role, as_percentages
from rolefinder.present.report import fit_text, level_text
from rolefinder.terminal.render import (
    BAR_WIDTH,
    NARROW,
    bold_heading,
    bullet_list,
    is_unicode,
    say,
    trait_bars,
)
from rolefinder.words.i18n import t, visible
from rolefinder.words.languages import Lang

if TYPE_CHECKING:  # imported where drawn: `show` and `roles` skip them
    from rolefinder.history.rows import Entry
    from rolefinder.present.compare import Comparison


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
    role = catalogue.role(role_id)  # None for a role today's catalogue no longer has
    name = visible(role.name.get(lang) if role else role_id) if role_id else "-"
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
        parts += [bold_heading("note", lang), Text(role.note.get(lang), style="italic"), Text()]
    parts += [
        bold_heading("duties", lang),
        bullet_list(console, [d.get(lang) for d in role.duties], plain),
        Text(),
    ]
    if role.skills:
        skills = [skill.get(lang) for skill in role.skills]
        parts += [bold_heading("skills", lang), bullet_list(console, skills, plain), Text()]
    parts += [
        bold_heading("profile", lang),
        trait_bars(console, catalogue, as_percentages(role.profile), lang, inset=4, plain=plain),
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

    parts: list[Any] = [Text(), bold_heading("compare_title", lang)]
    for (letter, style), side in zip(SIDES, (comparison.a, comparison.b), strict=True):
        parts.append(Text(f"{letter}  ", style=f"bold {style}") + Text(visible(side.label)))
    parts += [Text(), bold_heading("compare_profiles", lang)]
    parts += [_paired_bars(console, catalogue, comparison, lang, plain), Text()]
    parts += [_compare_tops(console, catalogue, comparison, lang), Text()]
    parts += [bold_heading("compare_what_moved", lang)]
    moved = moved_lines(catalogue, comparison, lang, plain)
    parts.append(bullet_list(console, moved, plain) if comparison.moved else Text(moved[0]))
    why = why_line(comparison, lang)
    if why is not None:
        parts.append(Text(why, style="bold"))
        parts.append(bullet_list(console, difference_lines(catalogue, comparison, lang), plain))
    for part in parts:
        console.print(part)


def _paired_bars(
    console: Console, catalogue: Catalogue, comparison: Comparison, lang: Lang, plain: bool
) -> Table:
    """Per trait, A's bar over B's, each labelled and with its percentage; B's row also gives
    the change in percentage points. The bars shrink on a narrow terminal, as in trait_bars;
    ``plain`` leaves them out (a screen reader would read every block aloud)."""
    full, empty = ("█", "░") if is_unicode(console) else ("#", ".")
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
    title = bold_heading("compare_matches", lang)
    if console.width < max(NARROW, needed):
        return Group(title, columns[0], Text(), columns[1])
    table = Table.grid(padding=(0, GAP))
    table.add_row(*columns)
    return Group(title, table)
