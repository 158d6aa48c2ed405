"""``history``: the results kept on this computer, listed a page at a time (or as JSON), or
all forgotten after a yes typed on the terminal.

No ``from __future__ import annotations`` here, as in every module of the command line:
typer reads the annotations at start-up, and string ones would make it compile and evaluate each.
"""

import sys
from pathlib import Path
from typing import Annotated, NamedTuple

import typer

from rolefinder.cli.base import World, lang_of, load_for_run, plain_of, reported, tell, world_of
from rolefinder.cli.command import help_text
from rolefinder.cli.options import (
    AtLeastOne,
    CatalogueOption,
    LangOption,
    PlainOutputOption,
    json_option,
)
from rolefinder.errors import NoTerminalError
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang


def history_command(
    ctx: typer.Context,
    as_json: Annotated[bool, json_option("history")] = False,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            metavar="N",
            click_type=AtLeastOne(),
            help=help_text("opt_history_limit"),
            show_default=False,
        ),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help=help_text("opt_history_all"))] = False,
    forget: Annotated[bool, typer.Option("--forget", help=help_text("opt_forget"))] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=help_text("opt_yes"))] = False,
    plain: PlainOutputOption = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """List the results kept on this computer, or delete them all (--forget).

    On screen the latest LATEST results unless --limit or --all says otherwise; with --json
    every one unless --limit does. Either way they are read and shown one page at a time.

    Exit 0 when listed (or empty, or off), forgotten or declined; 1 when the history cannot
    be read (a damaged one is kept aside first); 2 for --forget with --json, --limit or --all,
    --limit with --all, or --forget with no terminal to ask on and no --yes.
    """
    from rolefinder.history.store import HISTORY_ENV, LATEST, location, off_setting

    world, language = world_of(ctx), lang_of(ctx, lang)
    with reported(world, language):
        if forget and (as_json or limit is not None or every):
            if as_json:
                raise typer.BadParameter(t("history_forget_json", language), param_hint="'--json'")
            option = "--all" if every else "--limit"
            message = t("history_forget_list", language, option=option)
            raise typer.BadParameter(message, param_hint=f"'{option}'")
        if limit is not None and every:
            raise typer.BadParameter(t("history_limit_and_all", language), param_hint="'--all'")
        where = location()
        if where is None:
            off = t("history_off", language, env=HISTORY_ENV, value=off_setting())
            tell(world.err() if as_json else world.out(), off)
            if as_json:
                from rolefinder.terminal.render import render_json

                render_json(world.out(), [])
        elif forget:
            _forget(world, language, yes)
        else:
            shown = limit if limit is not None or every or as_json else LATEST
            listing = Listing(str(where), catalogue, as_json, plain_of(ctx, plain), shown)
            _show_history(world, language, listing)


class Listing(NamedTuple):
    """What `history` lists and how."""

    where: str  # the history file, as the user named it
    catalogue: Path | None
    as_json: bool
    plain: bool
    limit: int | None  # the latest this many; None: every one


def _show_history(world: World, lang: Lang, listing: Listing) -> None:
    """The kept results, streamed as they are read: a note on standard error for each row that
    does not read back well, then (on screen, when some were left out) how to see more."""
    from rolefinder.history.store import count, each
    from rolefinder.terminal.lists import render_history
    from rolefinder.terminal.render import render_json_list
    from rolefinder.words.languages import number

    def skipped(row: int) -> None:
        tell(world.err(), t("history_skipped", lang, number=row))

    kept = each(listing.limit, skipped)
    loaded = load_for_run(listing.catalogue)
    if listing.as_json:
        from rolefinder.assess.codes import fingerprints
        from rolefinder.present.report import history_items

        render_json_list(world.out(), history_items(kept, fingerprints(loaded)))
        return
    if not render_history(world.out(), loaded, kept, lang, listing.where, listing.plain):
        tell(world.out(), t("history_empty", lang))
        return
    if listing.limit is not None:
        total = count()
        if total > listing.limit:
            shown = number(listing.limit, lang)
            tell(world.out(), t("history_latest", lang, shown=shown, count=number(total, lang)))


def _forget(world: World, lang: Lang, yes: bool) -> None:
    """Delete every kept result, after a yes typed on the terminal (or --yes)."""
    from rolefinder.history.store import count, forget
    from rolefinder.words.languages import number

    kept = count()
    if not kept:
        tell(world.out(), t("history_forget_none", lang))
        return
    if not yes:
        if not world.is_interactive():
            raise NoTerminalError("history_forget_no_terminal")
        key = "history_forget_ask_one" if kept == 1 else "history_forget_ask"
        typer.echo(t(key, lang, count=number(kept, lang)), nl=False)
        reply = sys.stdin.readline() if sys.stdin is not None else ""  # "": Ctrl-D, a no
        if reply.strip().lower() not in ("y", "yes", "ya"):
            tell(world.out(), t("history_forget_kept", lang))
            return
    deleted = forget()
    key = "history_forgot_one" if deleted == 1 else "history_forgot"
    tell(world.out(), t(key, lang, count=number(deleted, lang)))
