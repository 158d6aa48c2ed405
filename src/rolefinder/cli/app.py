"""The ``rolefinder`` command line: the typer app, its commands in the order --help lists
them, the options given before a command, and ``main``, the console script, which turns an
output that failed (a closed pipe, a full disk) into one line and its exit code.

The command line is the only part that imports typer. Its modules: ``command`` (click's
classes, in the user's language), ``options`` (the shared options and their types), ``base``
(what every command shares: the World, the language, errors to exit codes), and the commands
by what they serve: ``result_commands``, ``history_command``, ``catalogue_commands``,
``class_command``. No module of the command line imports ``app``.

No ``from __future__ import annotations`` here, as in every module of the command line:
typer reads the annotations at start-up, and string ones would make it compile and evaluate each.
"""

import contextlib
import io
import os
import sys
from collections.abc import Callable
from typing import Annotated

import typer
from typer._click.utils import PacifyFlushWrapper

from rolefinder.catalogue import collector
from rolefinder.cli import catalogue_commands, class_command, history_command, result_commands
from rolefinder.cli.base import lang_of, plain_of, world_of
from rolefinder.cli.command import HELP_LANG, Command, Group, examples_text, help_text
from rolefinder.cli.options import LangOption, PlainOption
from rolefinder.cli.result_commands import ResultOptions, run_quiz
from rolefinder.errors import EXIT_BROKEN_PIPE, EXIT_DATA
from rolefinder.version import __version__
from rolefinder.words.i18n import t

app = typer.Typer(
    name="rolefinder",
    cls=Group,
    help=help_text("app_help"),
    epilog=examples_text("app"),
    pretty_exceptions_show_locals=False,
    # Plain help: Rich-formatted help costs ~130 ms more to start; plain help reads as well.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    """--version among other arguments (alone, ``__main__`` answers it before typer loads)."""
    if value:
        typer.echo(version_line())
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help=help_text("opt_version"), callback=_version, is_eager=True
        ),
    ] = False,
    lang: LangOption = None,
    plain: PlainOption = False,
) -> None:
    """Started alone, rolefinder runs the quiz in a terminal and prints this help elsewhere."""
    world = world_of(ctx)
    if lang is not None:
        world.lang = lang_of(ctx, lang)
    world.plain = plain
    if ctx.invoked_subcommand is not None:
        return
    if world.is_interactive():
        run_quiz(ctx, None, None, options=ResultOptions(plain=plain_of(ctx, plain)))
    else:
        typer.echo(ctx.get_help())


# The commands, in the order --help lists them; each one's help is "<name>_help" and its
# examples "examples_<name>" in the messages.
COMMANDS: tuple[tuple[str, Callable[..., None]], ...] = (
    ("quiz", result_commands.quiz_command),
    ("result", result_commands.result_command),
    ("compare", result_commands.compare_command),
    ("schema", catalogue_commands.schema_command),
    ("questions", catalogue_commands.questions_command),
    ("class", class_command.class_command),
    ("roles", catalogue_commands.roles_command),
    ("show", catalogue_commands.show_command),
    ("history", history_command.history_command),
    ("validate", catalogue_commands.validate_command),
)
for _name, _command in COMMANDS:
    _help, _examples = help_text(f"{_name}_help"), examples_text(_name)
    app.command(_name, cls=Command, help=_help, epilog=_examples)(_command)


def _tolerate_unencodable_output() -> None:
    """On a stream that cannot encode every character (PYTHONIOENCODING=ascii, an old code
    page), show '?' for what it cannot encode instead of stopping with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if isinstance(stream, io.TextIOWrapper) and not encoding.startswith("utf"):
            stream.reconfigure(errors="replace")


def run() -> None:
    """The ``rolefinder`` console script."""
    _tolerate_unencodable_output()
    if sys.stdout is None:  # started with stdout closed (>&-): nothing can be shown
        sys.exit(_output_failed(t("output_closed", HELP_LANG)))
    try:
        app(prog_name="rolefinder")
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        if isinstance(sys.stdout, PacifyFlushWrapper):  # click's sign of a broken pipe
            code = _output_failed(None)
    except OSError as error:  # writing the output failed: a closed pipe, a full disk
        code = _output_failed(_output_error(error))
    finally:
        # The process ends here: Python's last collection would scan everything still alive
        # for cycles the operating system is about to reclaim anyway. Files are still flushed.
        collector.freeze()
    try:  # what is still buffered, now, while a failure can still be told
        sys.stdout.flush()
    except OSError as error:
        code = _output_failed(_output_error(error))
    sys.exit(code)


def _output_error(error: OSError) -> str | None:
    """What to say about an output that failed; None for a broken pipe, which is no error."""
    if isinstance(error, BrokenPipeError):
        return None
    return t("output_failed", HELP_LANG, reason=error.strerror or str(error))


def _output_failed(message: str | None) -> int:
    """One line on stderr (if it still works) for an output that failed, and exit code 1.

    ``message`` None: the reader of a pipe left early (``| head``). Like every Unix tool,
    rolefinder then stops without a word, with the status of a tool ended by SIGPIPE.
    """
    # Anything still buffered for stdout would fail again when Python exits: send it nowhere.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    if message is None:
        return EXIT_BROKEN_PIPE
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"rolefinder: {message}\n")
        sys.stderr.flush()
    return EXIT_DATA


def version_line() -> str:
    """What ``rolefinder --version`` prints."""
    return f"rolefinder {__version__}"
