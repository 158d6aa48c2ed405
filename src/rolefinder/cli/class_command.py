"""``class``: a whole class scored from its exported answers, its results and summary written
into a folder, with progress and problems told on stderr as they come.

No ``from __future__ import annotations`` here, as in every module of the command line:
typer reads the annotations at start-up, and string ones would make it compile and evaluate each.
"""

from pathlib import Path
from typing import Annotated

import typer

from rolefinder.cli.base import lang_of, load_for_run, plain_of, reported, tell, world_of
from rolefinder.cli.command import help_text
from rolefinder.cli.options import FILE, FOLDER, CatalogueOption, LangOption, json_option
from rolefinder.errors import EXIT_DATA, Stopped
from rolefinder.words.i18n import t


def class_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(metavar=f"{FILE}...", help=help_text("arg_class_files"), show_default=False),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar=FOLDER, help=help_text("opt_out"), show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=help_text("opt_force_class"))] = False,
    name_column: Annotated[
        str | None,
        typer.Option(
            metavar=help_text("metavar_title"),
            help=help_text("opt_name_column"),
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, json_option("class")] = False,
    plain: Annotated[bool, typer.Option("--plain", help=help_text("opt_plain_class"))] = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Score a whole class and write its results and summary into a folder."""
    from rolefinder.classroom.batch import check_out, default_out, score_class
    from rolefinder.classroom.forms import path_text
    from rolefinder.classroom.resultfiles import summary_dict
    from rolefinder.files import stop_on_signals
    from rolefinder.terminal.classview import ClassProblems, ClassProgress, render_class
    from rolefinder.terminal.render import render_json

    world, language = world_of(ctx), lang_of(ctx, lang)
    folder = out if out is not None else default_out(paths)
    with reported(world, language):
        check_out(folder, force, paths)  # before any row is read: a mistake costs nothing
        loaded = load_for_run(catalogue)
        told = ClassProblems(world.err(), language)
        sizes = {path_text(path): _size(path) for path in paths}
        try:  # a signal ends the run cleanly: no temporary file, helper or hidden cursor left
            with stop_on_signals(), ClassProgress(world.err(), sizes, language) as bar:
                summary = score_class(
                    loaded,
                    paths,
                    folder,
                    language,
                    force=force,
                    told=told,
                    progress=lambda path, done: bar.update(path_text(path), done),
                    name_column=name_column,
                )
        except Stopped as stop:
            key = "class_stopped_written" if stop.written else "class_stopped"
            tell(world.err(), t(key, language, signal=stop.signal, path=str(folder)))
            raise typer.Exit(stop.exit_code) from None
        told.finish()
        if as_json:
            written = str(folder) if summary.students else None  # nothing read: no folder
            render_json(world.out(), {"out": written, **summary_dict(summary)})
        else:
            render_class(world.out(), summary, str(folder), language, plain=plain_of(ctx, plain))
        if summary.failed or any(note.failed for note in summary.notes):
            raise typer.Exit(EXIT_DATA)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
