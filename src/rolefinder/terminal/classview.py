"""What ``rolefinder class`` shows on a terminal: a progress bar while the files are read,
failed rows as they come, then the class's summary (counts, the #1 roles as bars, the average
profile, the students to talk to first).

It changes with the class toolkit (``classroom/``); the files it writes are drawn there.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rolefinder.catalogue.model import Catalogue
from rolefinder.present.compare import role_name
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
from rolefinder.words.languages import Lang, number

if TYPE_CHECKING:
    from rolefinder.classroom.records import Note, Row
    from rolefinder.classroom.scoring import Summary


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
    console.print(bold_heading("class_title", lang))
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
        console.print(bold_heading("class_first_roles", lang))
        console.print(_counts(console, catalogue, summary.first_roles, summary.scored, lang, plain))
        console.print()
        console.print(bold_heading("class_profile", lang))
        console.print(trait_bars(console, catalogue, summary.profile, lang, plain=plain))
    else:
        console.print(Text(t("class_nobody", lang)))
    talk = summary.talk_order()
    if talk:
        console.print()
        console.print(bold_heading("class_talk_first", lang))
        shown = talk[:10]
        items = [
            visible(f"{entry.student.label}: {student_note(entry.student, catalogue, lang)}")
            for entry in shown
        ]
        console.print(bullet_list(console, items, plain))
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
    full, empty = ("█", "░") if is_unicode(console) else ("#", ".")
    names = [role_name(catalogue, role, lang) for role, _ in counts]
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
