"""The command line: the only module that imports typer.

Commands parse options, call the library, render, and turn RolefinderError into one message
on stderr and its exit code. Rendering, YAML and the quiz prompts are imported inside the
commands that need them, so ``--help`` and ``--version`` stay cheap.

No ``from __future__ import annotations`` here: typer reads every command's annotations at
start-up, and string annotations would make it compile and evaluate each one (about 6% of
``--help``'s instructions). Names imported only for type checking are quoted instead.
"""

import gc
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from rolefinder import __version__
from rolefinder.errors import (
    EXIT_DATA,
    EXIT_INTERRUPTED,
    CatalogueError,
    NoTerminalError,
    QuizCancelled,
    RolefinderError,
)
from rolefinder.i18n import LANG_ENV, Lang, detect_lang, t

if TYPE_CHECKING:
    from rolefinder.model import Catalogue
    from rolefinder.quiz import Prompter
    from rolefinder.render import Console

CATALOGUE_ENV = "ROLEFINDER_CATALOGUE"
HELP_LANG = detect_lang()  # --help follows ROLEFINDER_LANG / the locale


def _help(key: str) -> str:
    return t(key, HELP_LANG)


class Level(str, Enum):
    """Experience levels, lowest first."""

    entry = "entry"
    mid = "mid"
    senior = "senior"


class Language(str, Enum):
    """The languages every text comes in."""

    en = "en"
    id = "id"


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

    def is_interactive(self) -> bool:
        """Whether a quiz can be asked here."""
        if self.interactive is not None:
            return self.interactive
        return sys.stdin.isatty() and sys.stdout.isatty()

    def out(self) -> "Console":
        """The console for results."""
        from rolefinder.render import make_console

        if self.console is None:
            self.console = make_console()
        return self.console

    def err(self) -> "Console":
        """The console for error messages (stderr)."""
        from rolefinder.render import make_console

        if self.err_console is None:
            self.err_console = make_console(stderr=True)
        return self.err_console


LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        "-l",
        envvar=LANG_ENV,
        show_envvar=True,
        help=_help("opt_lang"),
        show_default=False,
    ),
]
CatalogueOption = Annotated[
    Path | None,
    typer.Option(
        "--catalogue",
        envvar=CATALOGUE_ENV,
        show_envvar=True,
        help=_help("opt_catalogue"),
        dir_okay=True,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help=_help("opt_json"))]
SaveOption = Annotated[
    Path | None,
    typer.Option("--save", "-s", metavar="PATH", help=_help("opt_save"), show_default=False),
]
ForceOption = Annotated[bool, typer.Option("--force", help=_help("opt_force"))]
TopOption = Annotated[int, typer.Option("--top", "-n", min=1, help=_help("opt_top"))]
ExplainOption = Annotated[bool, typer.Option("--explain", "-e", help=_help("opt_explain"))]

app = typer.Typer(
    name="rolefinder",
    help=_help("app_help"),
    pretty_exceptions_show_locals=False,
    # Plain help: Rich-formatted help costs ~130 ms more to start; plain help reads as well.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _world(ctx: typer.Context) -> World:
    root = ctx.find_root()
    if not isinstance(root.obj, World):
        root.obj = World()
    return root.obj


def _lang(lang: Language | None) -> Lang:
    """The --lang choice, or the language of the environment."""
    if lang is None:
        return detect_lang()
    return "id" if lang is Language.id else "en"


@contextmanager
def _reported(world: World, lang: Lang) -> Iterator[None]:
    """Turn a RolefinderError into its message on stderr and its exit code."""
    try:
        yield
    except CatalogueError as error:
        from rolefinder.render import render_problems

        render_problems(world.err(), error.source, error.problems, lang)
        raise typer.Exit(error.exit_code) from None
    except QuizCancelled as error:  # the user's choice, not an error: no "Error:" label
        world.err().print(error.describe(lang))
        raise typer.Exit(error.exit_code) from None
    except RolefinderError as error:
        from rolefinder.render import render_error

        render_error(world.err(), error.describe(lang), lang)
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        world.err().print(t("interrupted", lang))
        raise typer.Exit(EXIT_INTERRUPTED) from None


def _load(path: Path | None) -> "Catalogue":
    from rolefinder.catalogue import load_catalogue

    catalogue = load_catalogue(path)
    # A one-shot process keeps the catalogue to the end: move it out of the collector's way,
    # or every later collection re-scans it (10,000 roles: most of a second).
    gc.freeze()
    return catalogue


def _version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", help=_help("opt_version"), callback=_version, is_eager=True),
    ] = False,
) -> None:
    """Started alone, rolefinder runs the quiz in a terminal and prints this help elsewhere."""
    if ctx.invoked_subcommand is not None:
        return
    if _world(ctx).is_interactive():
        _quiz(ctx, lang=None, catalogue=None)
    else:
        typer.echo(ctx.get_help())


class ResultOptions(NamedTuple):
    """How to show a result: shared by quiz and result."""

    top: int = 3
    as_json: bool = False
    save: Path | None = None
    force: bool = False
    explain: bool = False


DEFAULT_OPTIONS = ResultOptions()


@app.command(help=_help("quiz_help"))
def quiz(
    ctx: typer.Context,
    top: TopOption = 3,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers", "-a", metavar="FILE", help=_help("opt_answers"), show_default=False
        ),
    ] = None,
    explain: ExplainOption = False,
    as_json: JsonOption = False,
    save: SaveOption = None,
    force: ForceOption = False,
    all_questions: Annotated[
        bool, typer.Option("--all-questions", help=_help("opt_all_questions"))
    ] = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Take the quiz and see the roles that fit you, ranked."""
    options = ResultOptions(top, as_json, save, force, explain)
    _quiz(ctx, lang, catalogue, answers, options, all_questions)


def _quiz(
    ctx: typer.Context,
    lang: Language | None,
    catalogue: Path | None,
    sheet: str | None = None,
    options: ResultOptions = DEFAULT_OPTIONS,
    all_questions: bool = False,
) -> None:
    from rolefinder.catalogue import load_answers
    from rolefinder.engine import check_answers, next_question

    world, language = _world(ctx), _lang(lang)
    with _reported(world, language):
        if sheet is None and not world.is_interactive():
            raise NoTerminalError()
        _check_save(options)  # before any question: a bad path must not cost a quiz
        loaded = _load(catalogue)
        given = load_answers(sheet, sys.stdin.read) if sheet is not None else {}
        check_answers(loaded, given)
        # A sheet is scored as it is (rank() says how many more answers a short one needs);
        # on a terminal the quiz goes on from it until the result is clear.
        more = sheet is None or (
            world.is_interactive()
            and next_question(loaded, given, all_questions=all_questions).question is not None
        )
        if more:
            from rolefinder.quiz import ask_questions
            from rolefinder.render import render_intro

            prompter = world.prompter
            if prompter is None:
                from rolefinder.prompts import QuestionaryPrompter

                prompter = QuestionaryPrompter()
            if not given and not options.as_json:
                render_intro(world.out(), loaded, language)
            given = ask_questions(loaded, prompter, language, given, all_questions)
        _show_result(world, loaded, given, language, options)


def _check_save(options: ResultOptions) -> None:
    """Refuse a --save path that cannot work, before any other work is done."""
    if options.save is not None:
        from rolefinder.save import check_target

        check_target(options.save, options.force)


def _show_result(
    world: World,
    catalogue: "Catalogue",
    answers: dict[str, str],
    lang: Lang,
    options: ResultOptions,
) -> None:
    """Rank, print (as a screen or JSON), and save if asked."""
    from rolefinder.engine import Evidence, rank
    from rolefinder.explain import explain
    from rolefinder.render import render_json, render_result, result_file
    from rolefinder.report import result_dict
    from rolefinder.save import write_atomically

    evidence = Evidence(catalogue)
    result = rank(catalogue, answers, evidence)
    listed = [m.id for m in result.reachable[: options.top]] + [m.id for m in result.goals[:2]]
    explanation = explain(catalogue, result, listed, evidence)
    if options.as_json:
        render_json(world.out(), result_dict(catalogue, result, explanation, lang))
    else:
        render_result(
            world.out(), catalogue, result, explanation, lang, options.top, options.explain
        )
    if options.save is not None:  # the path was checked before any work: see _check_save
        kind = options.save.suffix.lower()
        text = result_file(catalogue, result, explanation, lang, options.top, kind)
        write_atomically(options.save, text, options.force)
        world.err().print(t("saved", lang, path=options.save), soft_wrap=True)


@app.command(help=_help("result_help"))
def result(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help=_help("arg_code"), show_default=False)],
    top: TopOption = 3,
    explain: ExplainOption = False,
    as_json: JsonOption = False,
    save: SaveOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Show again the result a result code stands for."""
    from rolefinder.codes import decode

    world, language = _world(ctx), _lang(lang)
    options = ResultOptions(top, as_json, save, force, explain)
    with _reported(world, language):
        _check_save(options)
        loaded = _load(catalogue)
        _show_result(world, loaded, decode(loaded, code), language, options)


@app.command(help=_help("schema_help"))
def schema(ctx: typer.Context) -> None:
    """Print the catalogue's JSON Schema."""
    from rolefinder.render import render_json
    from rolefinder.schema import json_schema

    render_json(_world(ctx).out(), json_schema())


def _complete_roles(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role ids for shell completion, from the catalogue in use."""
    return [r.id for r in _completion_catalogue(ctx).roles if r.id.startswith(incomplete)]


def _complete_traits(ctx: typer.Context, incomplete: str) -> list[str]:
    """Trait ids for shell completion."""
    return [t.id for t in _completion_catalogue(ctx).traits if t.id.startswith(incomplete)]


def _completion_catalogue(ctx: typer.Context) -> "Catalogue":
    from rolefinder.catalogue import load_catalogue
    from rolefinder.model import Catalogue

    try:
        return load_catalogue(ctx.params.get("catalogue"))
    except RolefinderError:  # completion must never print an error into the shell
        return Catalogue((), (), ())


@app.command(help=_help("roles_help"))
def roles(
    ctx: typer.Context,
    trait: Annotated[
        str | None,
        typer.Option(
            "--trait",
            "-t",
            help=_help("opt_trait"),
            show_default=False,
            autocompletion=_complete_traits,
        ),
    ] = None,
    level: Annotated[
        Level | None, typer.Option("--level", help=_help("opt_level"), show_default=False)
    ] = None,
    as_json: JsonOption = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """List every role: name, main trait, level and a one-line summary."""
    from rolefinder.render import render_json, render_roles

    world, language = _world(ctx), _lang(lang)
    with _reported(world, language):
        loaded = _load(catalogue)
        chosen = list(loaded.roles)
        if trait is not None:
            trait_id = _trait_id(loaded, trait, language)
            chosen = [role for role in chosen if role.main_trait == trait_id]
        if level is not None:
            chosen = [role for role in chosen if role.level == level.value]
        if as_json:
            render_json(world.out(), [role.to_dict(language) for role in chosen])
        elif chosen:
            render_roles(world.out(), loaded, chosen, language)
        else:
            world.out().print(t("no_roles", language))


def _trait_id(catalogue: "Catalogue", wanted: str, lang: Lang) -> str:
    """The id of the trait named by ``wanted`` (its id or name, any case)."""
    key = wanted.strip().casefold()
    for trait in catalogue.traits:
        if key in (trait.id, trait.name.en.casefold(), trait.name.id.casefold()):
            return trait.id
    known = ", ".join(trait.id for trait in catalogue.traits)
    raise typer.BadParameter(
        t("unknown_trait", lang, trait=wanted, known=known), param_hint="'--trait'"
    )


@app.command(help=_help("show_help"))
def show(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Argument(help=_help("arg_role"), show_default=False, autocompletion=_complete_roles),
    ],
    as_json: JsonOption = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Show one role's duties, skills, profile, level and related roles."""
    from rolefinder.lookup import find_role
    from rolefinder.render import render_json, render_role

    world, language = _world(ctx), _lang(lang)
    with _reported(world, language):
        loaded = _load(catalogue)
        found = find_role(loaded, role)
        if as_json:
            render_json(world.out(), found.to_dict(language))
        else:
            render_role(world.out(), loaded, found, language)


@app.command(help=_help("validate_help"))
def validate(
    ctx: typer.Context,
    path: Annotated[Path | None, typer.Argument(help=_help("arg_path"), show_default=False)] = None,
    audit: Annotated[bool, typer.Option("--audit", help=_help("opt_audit"))] = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Check a catalogue and list every problem, each with its line and column."""
    from rolefinder.catalogue import check_catalogue
    from rolefinder.render import render_problems

    world, language = _world(ctx), _lang(lang)
    with _reported(world, language):
        report = check_catalogue(path or catalogue)
        render_problems(world.out(), report.source, report.warnings, language, warning=True)
        render_problems(world.out(), report.source, report.problems, language)
        if report.catalogue is None:
            count = len(report.problems)
            world.out().print(
                t("invalid", language, source=report.source, count=count), soft_wrap=True
            )
            raise typer.Exit(EXIT_DATA)
        sizes = {"roles": len(report.catalogue.roles), "questions": len(report.catalogue.questions)}
        world.out().print(t("valid", language, source=report.source, **sizes), soft_wrap=True)
        if audit:
            from rolefinder.audit import audit as run_audit
            from rolefinder.render import render_audit

            findings = run_audit(report.catalogue)
            render_audit(world.out(), report.catalogue, findings, language)
            if not findings.passed:
                raise typer.Exit(EXIT_DATA)


def _tolerate_unencodable_output() -> None:
    """On a stream that cannot encode every character (PYTHONIOENCODING=ascii, an old code
    page), show '?' for what it cannot encode instead of stopping with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if isinstance(stream, io.TextIOWrapper) and not encoding.startswith("utf"):
            stream.reconfigure(errors="replace")


def main() -> None:
    """The ``rolefinder`` console script."""
    _tolerate_unencodable_output()
    try:
        app(prog_name="rolefinder")
    finally:
        # The process ends here. Python's last garbage collection at exit would scan every
        # object still alive (typer's command tree, rich, the catalogue) for cycles that the
        # operating system is about to reclaim anyway; frozen, they are skipped (--help: 9%
        # fewer instructions). Files are still flushed and closed as usual.
        gc.freeze()


def version_line() -> str:
    """What ``rolefinder --version`` prints."""
    return f"rolefinder {__version__}"
