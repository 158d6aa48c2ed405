"""What every command shares: the World (the consoles, the prompter, whether a terminal is
there), the language and --plain of a run, the one mapping of RolefinderError to a message on
stderr and an exit code (``reported``), and loading the catalogue for a run.

Rendering and the quiz prompts are imported inside the functions that need them, so ``--help``
and ``--version`` stay cheap.
"""

import contextlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from rolefinder.catalogue import collector
from rolefinder.errors import (
    EXIT_INTERRUPTED,
    CatalogueError,
    QuizCancelled,
    QuizStopped,
    RolefinderError,
)
from rolefinder.words.i18n import t
from rolefinder.words.languages import (
    LANG_ENV,
    LANGS,
    Lang,
    detect_lang,
    parse_lang,
    unknown_lang,
)

if TYPE_CHECKING:
    from rolefinder.catalogue.model import Catalogue
    from rolefinder.quiz.sitting import Prompter
    from rolefinder.terminal.render import Console


class World:
    """What the commands touch outside the program. Tests pass their own as CliRunner's obj=."""

    def __init__(
        self,
        prompter: "Prompter | None" = None,  # None: questionary in the real terminal
        interactive: bool | None = None,  # None: ask whether stdin and stdout are terminals
        console: "Console | None" = None,
        err_console: "Console | None" = None,
    ) -> None:
        self.prompter = prompter
        self.interactive = interactive
        self.console = console
        self.err_console = err_console
        self.lang: Lang | None = None  # --lang given before the command
        self.plain = False  # --plain given by name, before or after the command
        self.warned = False  # an unknown ROLEFINDER_LANG is told once a run

    def is_interactive(self) -> bool:
        """Whether a quiz can be asked here."""
        if self.interactive is not None:
            return self.interactive
        streams = (sys.stdin, sys.stdout)  # None where closed (<&-, >&-)
        return all(stream is not None and stream.isatty() for stream in streams)

    def ask(self, lang: Lang, plain: bool) -> "Prompter":
        """The prompter: the one given, else typed numbers with --plain, else keys."""
        if self.prompter is not None:
            return self.prompter
        from rolefinder.quiz.prompts import KeyPrompter, PlainPrompter

        return PlainPrompter(lang) if plain else KeyPrompter()

    def out(self) -> "Console":
        """The console for results."""
        from rolefinder.terminal.render import make_console

        if self.console is None:
            self.console = make_console()
        return self.console

    def err(self) -> "Console":
        """The console for error messages (stderr)."""
        from rolefinder.terminal.render import make_console

        if self.err_console is None:
            self.err_console = make_console(stderr=True)
        return self.err_console


def world_of(ctx: typer.Context) -> World:
    """The run's World: the one a test passed as ``obj``, else a real one, made once."""
    root = ctx.find_root()
    if not isinstance(root.obj, World):
        root.obj = World()
    return root.obj


def lang_of(ctx: typer.Context, lang: str | None) -> Lang:
    """The command's --lang, else the one before the command, else the environment's."""
    chosen = None if lang is None else parse_lang(lang)  # LangChoice has checked it
    if chosen is not None:
        return chosen
    world = world_of(ctx)
    if world.lang is not None:
        return world.lang
    unknown = unknown_lang()
    if unknown is not None and not world.warned:
        world.warned = True
        tell(
            world.err(),
            t("unknown_lang", "en", value=unknown, env=LANG_ENV, langs=", ".join(LANGS)),
        )
    return detect_lang()


@contextmanager
def reported(world: World, lang: Lang) -> Iterator[None]:
    """Turn a RolefinderError into its message on stderr and its exit code."""
    try:
        yield
    except CatalogueError as error:
        from rolefinder.terminal.render import render_problems

        render_problems(world.err(), error.source, error.problems, lang)
        raise typer.Exit(error.exit_code) from None
    except (QuizCancelled, QuizStopped) as error:  # not an error: no "Error:" label
        # Told if it can be: after a hangup (SIGHUP) the terminal is gone, and the status
        # stays the signal's, not that of an output that failed.
        with contextlib.suppress(OSError):
            tell(world.err(), error.describe(lang))
        raise typer.Exit(error.exit_code) from None
    except RolefinderError as error:
        from rolefinder.terminal.render import render_error

        render_error(world.err(), error.describe(lang), lang)
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        tell(world.err(), t("interrupted", lang))
        raise typer.Exit(EXIT_INTERRUPTED) from None


def load_for_run(path: Path | None) -> "Catalogue":
    """The catalogue at ``path`` (None: the one in use), kept by the run to its end."""
    from rolefinder.catalogue.load import load_catalogue

    catalogue = load_catalogue(path)
    collector.freeze()  # a one-shot process keeps the catalogue to the end
    return catalogue


def plain_of(ctx: typer.Context, plain: bool) -> bool:
    """--plain here or before the command, or a terminal that says it cannot do more."""
    world = world_of(ctx)
    world.plain = world.plain or plain
    return world.plain or os.environ.get("TERM") == "dumb"


def tell(console: "Console", line: str) -> None:
    """A message as it is (never read as markup, highlighting or emoji codes), wrapped by
    words on a terminal."""
    from rolefinder.terminal.render import say

    say(console, line)
