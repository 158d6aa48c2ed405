"""The quiz result on a terminal: the profile, the ranking, the best match and its why, made to
fit an 80x24 screen (LEFT_OUT_TO_FIT says what gives way, in order), or every listed role in
full with ``--explain``, through a pager when it is taller than the screen.

It changes with what a result says (``present/report.py``) and with the promise of one screen.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from rolefinder.catalogue.model import Catalogue
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
from rolefinder.terminal.render import (
    NARROW,
    bold_heading,
    bullet_list,
    is_unicode,
    say,
    trait_bars,
)
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

if TYPE_CHECKING:
    from rolefinder.assess.engine import Match, Result
    from rolefinder.assess.explain import Explanation

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
    heading = bold_heading("your_profile", lang)
    if not explain:  # the traits' descriptions would not fit a screen: say where they are
        heading += Text("  " + t("traits_where", lang), style="dim")
    profile: list[Any] = [
        heading,
        trait_bars(console, catalogue, result.profile, lang, plain=plain),
    ]
    if explain:
        profile += [Text(), _trait_legend(catalogue, lang)]
    if "profile_gap" not in left_out:
        profile.append(Text())
    ranking: list[Any] = [_matches(console, result, lang, top, plain)]
    if "legend" not in left_out:
        ranking.append(Text(t("fit_legend", lang), style="dim"))
    style = "yellow" if explanation.band == "unsure" else "bold green"
    line = Text(t("best_match", lang, name=name), style=style)
    between = ". " if plain else " · " if is_unicode(console) else " - "
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
    level = f"{t('col_level', lang)}: {level_text(role, lang)}"
    heading += Text(f"  {t('col_match', lang)} {fit_text(match.fit)}  {level}")
    parts: list[Any] = [heading, Text(role.summary.get(lang))]
    parts += [bold_heading("why", lang), _why(console, catalogue, explanation, match, lang, plain)]
    duties = [d.get(lang) for d in role.duties]
    parts += [bold_heading("duties", lang), bullet_list(console, duties, plain)]
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
    if result.pattern is not None:  # no clear pattern: nothing here is advice yet
        heading = t("your_matches_no_pattern", lang)
    else:
        heading = t("your_matches" if len(result.listed) > 1 else "your_match_one", lang)
    if plain or console.width < NARROW:
        title = Text(heading, style="bold")
        lines = [
            Text(f"{p}. ") + name + Text(f"  {pct}  ", style="bold") + ready
            for p, name, pct, ready in rows
        ]
        if plain:  # read aloud without the table's column heads: each figure says what it is
            match, start = t("col_match", lang), t("col_ready", lang)
            lines = [
                Text(f"{p}. ") + name + Text(f": {match} {pct}; {start} ") + ready
                for p, name, pct, ready in rows
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
    return bullet_list(
        console, reason_lines(catalogue, why, lang, points=True) if why else [], plain
    )
