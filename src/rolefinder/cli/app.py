"""The command line: the only module that imports typer.

Commands parse options, call the library, render, and turn RolefinderError into one message
on stderr and its exit code. Rendering, YAML and the quiz prompts are imported inside the
commands that need them, so ``--help`` and ``--version`` stay cheap.

No ``from __future__ import annotations`` here: typer reads every command's annotations at
start-up, and string annotations would make it compile and evaluate each one (about 6% of
``--help``'s instructions). Names imported only for type checking are quoted instead.
"""

import contextlib
import functools
import io
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

# typer vendors click (0.26+); its exceptions and parameter types are reached through typer.
from typer._click.core import Command as ClickCommand
from typer._click.core import Context as ClickContext
from typer._click.core import Parameter
from typer._click.exceptions import ClickException, UsageError
from typer._click.formatting import HelpFormatter
from typer._click.types import IntParamType
from typer._click.utils import PacifyFlushWrapper
from typer._types import TyperChoice
from typer.core import TyperCommand, TyperGroup, TyperOption

from rolefinder.catalogue import collector
from rolefinder.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_DATA,
    EXIT_INTERRUPTED,
    CatalogueError,
    NoTerminalError,
    QuizCancelled,
    QuizStopped,
    RolefinderError,
    Stopped,
    UnknownTraitError,
)
from rolefinder.version import __version__
from rolefinder.words.i18n import CLICK_TEXTS, EXTRA_ARGUMENTS, t, visible
from rolefinder.words.languages import LANG_ENV, LANGS, Lang, detect_lang, parse_lang, unknown_lang

if TYPE_CHECKING:
    from rolefinder.assess.engine import Result
    from rolefinder.catalogue.model import Catalogue
    from rolefinder.quiz.sitting import Prompter
    from rolefinder.terminal.render import Console

CATALOGUE_ENV = "ROLEFINDER_CATALOGUE"


def _argv_lang(argv: list[str]) -> Lang | None:
    """The --lang/-l value on the command line, wherever it stands, or None."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg in ("--lang", "-l") and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        elif arg.startswith("-l") and len(arg) > 2:
            value = arg[2:]
        if value is not None:
            return parse_lang(value)
    return None


# Help texts are fixed when the commands are declared, before any option is parsed, so the
# language of --help (and of usage errors) is read from the command line and environment here.
HELP_LANG: Lang = _argv_lang(sys.argv[1:]) or detect_lang()


def _help(key: str) -> str:
    return t(key, HELP_LANG)


def _examples(command: str) -> str:
    """The examples of a command's --help, as written in i18n: command lines, and comments
    (lines starting with "#") saying what the next line does. Shown by _write_examples."""
    return t(f"examples_{command}", HELP_LANG)


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """``text``'s paragraphs wrapped to ``width`` between words only: a hyphenated or long word
    (an id, a variable's name) is never cut, as click's wrapping would cut it."""
    import textwrap  # only help needs it: every other run starts without it

    lines: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        if lines:
            lines.append("")
        lines += textwrap.wrap(
            " ".join(paragraph.split()),
            width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return lines


class _Formatter(HelpFormatter):
    """click's help layout over the terminal's whole width (click stops at 80 columns), wrapped
    between words only."""

    def __init__(
        self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None
    ) -> None:
        # 2 columns short of the edge, as click leaves them; below 40 no layout reads well.
        columns = width if width is not None else shutil.get_terminal_size().columns
        super().__init__(indent_increment, max(columns - 2, 40))

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write("\n".join(_wrap(text, self.width, indent)) + "\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        indent = " " * self.current_indent
        first_col = min(max((len(term) for term, _ in rows), default=0), col_max) + col_spacing
        text_width = max(self.width - self.current_indent - first_col, 10)
        pad = indent + " " * first_col
        for term, text in rows:
            lines = _wrap(text, text_width)
            if len(term) + col_spacing > first_col or not lines:  # a long term: text below it
                self.write(f"{indent}{term}\n")
            else:
                self.write(f"{indent}{term.ljust(first_col)}{lines.pop(0)}\n")
            self.write("".join(f"{pad}{line}\n" if line else "\n" for line in lines))


def _write_examples(formatter: HelpFormatter, examples: str) -> None:
    """Each comment wrapped between words, each "# "; each command as it is, or, if it is
    wider than the screen, broken between words with a shell's " \\" so it still runs."""
    indent = " " * formatter.current_indent
    width = formatter.width - formatter.current_indent
    for line in examples.splitlines():
        if line.startswith("#"):
            lines = _wrap(line.lstrip("# "), width, "# ")
        else:  # a quoted argument ("graphic designer") and "> file" are one word here
            words = re.findall(r'"[^"]*"|> \S+|\S+', line)
            lines = [""]
            for word in words:
                if lines[-1] and len(lines[-1]) + 1 + len(word) + 2 > width:
                    lines[-1] += " \\"
                    lines.append("  " + word)
                else:
                    lines[-1] = f"{lines[-1]} {word}" if lines[-1] else word
        formatter.write("".join(f"{indent}{text}\n" for text in lines))


class _Context(ClickContext):
    formatter_class = _Formatter


def _translated(text: str) -> str:
    """click's own words in a help text ("Options:", "[required]") in HELP_LANG."""
    if HELP_LANG == "en":
        return text
    for heading in ("Options", "Arguments", "Commands"):
        text = re.sub(
            rf"^{heading}:", t(f"click_{heading.lower()}", HELP_LANG) + ":", text, flags=re.M
        )
    return text.replace("[required]", t("click_required", HELP_LANG))


def _usage_piece(piece: str) -> str:
    """One piece of a usage line in HELP_LANG, and a required argument bare (ROLE), not in
    typer's braces ({ROLE}): one placeholder style, upper case, [ ] for what may be left out."""
    for english, key in (
        ("[OPTIONS]", "click_options_metavar"),
        ("COMMAND [ARGS]...", "click_command_metavar"),
    ):
        if piece == english:
            return t(key, HELP_LANG)
    return re.sub(r"^\{(.*)\}$", r"\1", piece)


def _click_message(message: str) -> str:
    """A usage error's message from click, in HELP_LANG (click's own texts are English), with
    any control character in what the user typed spelled out, line by line."""
    if HELP_LANG != "en":
        for pattern, key in CLICK_TEXTS:
            found = re.match(pattern, message, flags=re.S)
            if found:
                values = {name: _click_message(value) for name, value in found.groupdict().items()}
                return t(key, HELP_LANG, **values)
    return "\n".join(visible(line) for line in message.split("\n"))


class _Translated(ClickCommand):
    """click's own words in HELP_LANG, for the commands and the group alike; help wrapped to
    the terminal (_Formatter), examples under a heading of their own."""

    context_class = _Context

    def get_help_option(self, ctx: ClickContext) -> "TyperOption | None":
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _help("opt_help")
        return option

    def format_usage(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        """The usage line, translated before it is wrapped to the width."""
        pieces = [_usage_piece(piece) for piece in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), _help("click_usage") + ": ")

    def get_help(self, ctx: ClickContext) -> str:
        # click leaves a space where it breaks a narrow usage line: no line ends in one.
        text = _translated(super().get_help(ctx))
        return "\n".join(line.rstrip() for line in text.split("\n"))

    def get_short_help_str(self, limit: int = 45) -> str:
        """The whole help: the command list wraps it rather than cutting it with "..."."""
        return " ".join((self.help or "").split())

    def format_epilog(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        if self.epilog:  # a section as "Options" is, under a heading of its own
            with formatter.section(_help("examples")):
                _write_examples(formatter, self.epilog)


class Command(_Translated, TyperCommand):
    """A rolefinder command: typer's, with click's own words translated."""

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _bare_values(args))


# Options that may be given without their value, and the value they then take: `--form`
# alone (its only form before it took a value) is `--form text`. typer's click has no
# optional option values, so the missing value is put in before parsing.
BARE_VALUES = {"--form": "text"}


def _bare_values(args: list[str]) -> list[str]:
    """``args`` with the value of each BARE_VALUES option given alone (last, or before another
    option) put in after it; nothing after ``--`` is an option."""
    given = []
    for index, arg in enumerate(args):
        given.append(arg)
        if arg == "--":
            return given + args[index + 1 :]
        following = args[index + 1] if index + 1 < len(args) else "-"
        if arg in BARE_VALUES and following.startswith("-"):
            given.append(BARE_VALUES[arg])
    return given


def _form_tools() -> tuple[str, ...]:
    from rolefinder.classroom.formbuild import (
        FORM_TOOLS,  # imported only once --form's values are needed
    )

    return FORM_TOOLS


class Group(_Translated, TyperGroup):
    """The rolefinder group: click's words translated, usage errors told in the same language."""

    def get_params(self, ctx: ClickContext) -> "list[Parameter]":
        params = super().get_params(ctx)
        for param in params:
            if isinstance(param, TyperOption) and param.name in (
                "install_completion",
                "show_completion",
            ):
                param.help = _help(f"opt_{param.name}")
        return params

    def main(  # type: ignore[override]
        self,
        args: "list[str] | None" = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: object,
    ) -> object:
        """Run the command; a usage error is told as click would, in HELP_LANG."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)  # type: ignore[arg-type]
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)  # type: ignore[arg-type]
        except UsageError as error:
            _show_usage_error(error)
            sys.exit(error.exit_code)
        except ClickException as error:
            _echo_error(f"{_help('error')}: {_click_message(error.format_message())}")
            sys.exit(error.exit_code)
        except typer.Abort:
            typer.echo(_help("interrupted"), err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)


def _show_usage_error(error: "UsageError") -> None:
    ctx = error.ctx
    if ctx is not None:
        _echo_error(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            hint = t(
                "click_try", HELP_LANG, command=ctx.command_path, option=ctx.help_option_names[0]
            )
            _echo_error(hint)
        typer.echo(err=True)
    message = error.format_message()
    _echo_error(f"{_help('error')}: {_click_message(message)}")
    if re.match(EXTRA_ARGUMENTS, message):  # `show head of marketing`: the quotes were left out
        _echo_error(_help("click_extra_quotes"))


def _echo_error(message: str) -> None:
    """A usage error's line on stderr, wrapped by words on a terminal like every message."""
    from rolefinder.terminal.render import make_console, say

    say(make_console(stderr=True), message)


class Choice(TyperChoice[str]):
    """One of the values ``load`` gives, in any case, as for an Enum: listed in --help, completed
    by the shell, refused with click's "'x' is not one of ..." (which _click_message translates).
    ``load`` is called when the values are first needed: declaring an option imports nothing."""

    def __init__(self, load: Callable[[], Sequence[str]]) -> None:
        self.load, self.case_sensitive = load, False

    @functools.cached_property
    def choices(self) -> Sequence[str]:  # type: ignore[override]
        return tuple(self.load())


class LangChoice(Choice):
    """One of LANGS, in any case, or a name parse_lang knows ('Indonesian', 'id_ID.UTF-8')."""

    def __init__(self) -> None:
        super().__init__(lambda: LANGS)

    def convert(self, value: object, param: "Parameter | None", ctx: "ClickContext | None") -> str:
        found = parse_lang(value) if isinstance(value, str) else None
        return found if found is not None else super().convert(value, param, ctx)


class LevelChoice(Choice):
    """A level by the catalogue's id or by the word the screens show in either language
    ('entry', 'entry-level', 'junior'), in any case; converted to the level's id."""

    def __init__(self) -> None:
        super().__init__(lambda: tuple(_level_words()))

    def convert(self, value: object, param: "Parameter | None", ctx: "ClickContext | None") -> str:
        return _level_words()[str(super().convert(value, param, ctx)).casefold()]


def _level_words() -> dict[str, str]:
    from rolefinder.catalogue.lookup import level_words  # imported only once a level is needed

    return level_words()


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


class Count(IntParamType):
    """A whole number, 1 or more. --top's help says so in words, where click's IntRange would
    add "[x>=1]" (English in either language), and a smaller one is refused in HELP_LANG."""

    name = "integer"

    def convert(self, value: object, param: "Parameter | None", ctx: "ClickContext | None") -> int:
        number = int(super().convert(value, param, ctx))
        if number < 1:
            self.fail(t("click_too_small", HELP_LANG, value=number, least=1), param, ctx)
        return number


# Placeholders are upper case, in HELP_LANG where the word differs (ROLE, PROFESI), as in
# usage lines, errors ("Missing argument 'ROLE'") and the texts that name them.
FILE, FOLDER, TITLE = "FILE", "FOLDER", "TITLE"


def _lang_option(key: str = "opt_lang") -> Any:
    """--lang with the help ``key``: the language's default differs between commands."""
    # ROLEFINDER_LANG is read by detect_lang, not as the option's envvar: an unknown value
    # there is warned about and passed over, where an envvar would make every command a
    # usage error.
    return typer.Option(
        "--lang",
        "-l",
        metavar=_help("metavar_lang"),
        help=_help(key),
        show_default=False,
        click_type=LangChoice(),
    )


def _catalogue_option(key: str = "opt_catalogue") -> Any:
    """--catalogue with the help ``key``, which names the environment variable itself."""
    return typer.Option(
        "--catalogue",
        envvar=CATALOGUE_ENV,
        show_envvar=False,
        metavar=FILE,
        help=_help(key),
        dir_okay=True,
        show_default=False,
    )


def _json_option(command: str) -> Any:
    """--json, saying what it prints for ``command``."""
    return typer.Option("--json", help=_help(f"opt_json_{command}"))


LangOption = Annotated[str | None, _lang_option()]
CatalogueOption = Annotated[Path | None, _catalogue_option()]
SaveOption = Annotated[
    Path | None,
    typer.Option("--save", "-s", metavar=FILE, help=_help("opt_save"), show_default=False),
]
ForceOption = Annotated[bool, typer.Option("--force", help=_help("opt_force"))]
TopOption = Annotated[
    int,
    typer.Option(
        "--top", "-n", metavar="N", click_type=Count(), help=_help("opt_top"), show_default=False
    ),
]
ExplainOption = Annotated[bool, typer.Option("--explain", "-e", help=_help("opt_explain"))]

app = typer.Typer(
    name="rolefinder",
    cls=Group,
    help=_help("app_help"),
    epilog=_examples("app"),
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


def _lang(ctx: typer.Context, lang: str | None) -> Lang:
    """The command's --lang, else the one before the command, else the environment's."""
    chosen = None if lang is None else parse_lang(lang)  # LangChoice has checked it
    if chosen is not None:
        return chosen
    world = _world(ctx)
    if world.lang is not None:
        return world.lang
    unknown = unknown_lang()
    if unknown is not None and not world.warned:
        world.warned = True
        _say(world.err(), t("unknown_lang", "en", value=unknown, env=LANG_ENV))
    return detect_lang()


@contextmanager
def _reported(world: World, lang: Lang) -> Iterator[None]:
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
            _say(world.err(), error.describe(lang))
        raise typer.Exit(error.exit_code) from None
    except RolefinderError as error:
        from rolefinder.terminal.render import render_error

        render_error(world.err(), error.describe(lang), lang)
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        _say(world.err(), t("interrupted", lang))
        raise typer.Exit(EXIT_INTERRUPTED) from None


def _load(path: Path | None) -> "Catalogue":
    from rolefinder.catalogue.load import load_catalogue

    catalogue = load_catalogue(path)
    collector.freeze()  # a one-shot process keeps the catalogue to the end
    return catalogue


def _version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


PlainOption = Annotated[bool, typer.Option("--plain", help=_help("opt_plain"))]
# The same flag on the commands that only show something: there is no prompt to make plain.
PlainOutputOption = Annotated[bool, typer.Option("--plain", help=_help("opt_plain_output"))]


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help=_help("opt_version"), callback=_version, is_eager=True
        ),
    ] = False,
    lang: LangOption = None,
    plain: PlainOption = False,
) -> None:
    """Started alone, rolefinder runs the quiz in a terminal and prints this help elsewhere."""
    world = _world(ctx)
    if lang is not None:
        world.lang = _lang(ctx, lang)
    world.plain = plain
    if ctx.invoked_subcommand is not None:
        return
    if world.is_interactive():
        _quiz(ctx, None, None, options=ResultOptions(plain=_plain(ctx, plain)))
    else:
        typer.echo(ctx.get_help())


class ResultOptions(NamedTuple):
    """How to show a result: shared by quiz and result."""

    top: int = 3
    as_json: bool = False
    save: Path | None = None
    force: bool = False
    explain: bool = False
    plain: bool = False  # no colour, no bars, no pager: screen readers and TERM=dumb


DEFAULT_OPTIONS = ResultOptions()


@app.command(cls=Command, help=_help("quiz_help"), epilog=_examples("quiz"))
def quiz(
    ctx: typer.Context,
    top: TopOption = 3,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers", "-a", metavar=FILE, help=_help("opt_answers"), show_default=False
        ),
    ] = None,
    explain: ExplainOption = False,
    as_json: Annotated[bool, _json_option("result")] = False,
    save: SaveOption = None,
    force: ForceOption = False,
    all_questions: Annotated[
        bool, typer.Option("--all-questions", help=_help("opt_all_questions"))
    ] = False,
    plain: PlainOption = False,
    no_history: Annotated[bool, typer.Option("--no-history", help=_help("opt_no_history"))] = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Take the quiz and see the roles that fit you, ranked."""
    options = ResultOptions(top, as_json, save, force, explain, _plain(ctx, plain))
    _quiz(ctx, lang, catalogue, answers, options, all_questions, keep=not no_history)


def _plain(ctx: typer.Context, plain: bool) -> bool:
    """--plain here or before the command, or a terminal that says it cannot do more."""
    world = _world(ctx)
    world.plain = world.plain or plain
    return world.plain or os.environ.get("TERM") == "dumb"


def _quiz(
    ctx: typer.Context,
    lang: str | None,
    catalogue: Path | None,
    sheet: str | None = None,
    options: ResultOptions = DEFAULT_OPTIONS,
    all_questions: bool = False,
    keep: bool = True,
) -> None:
    """The quiz flow; ``keep``: a result reached by asking in this sitting goes to the
    history (a sheet scored without a question is not a sitting, and is not kept)."""
    from rolefinder.catalogue.load import load_answers
    from rolefinder.quiz.sitting import take_quiz

    world, language = _world(ctx), _lang(ctx, lang)
    with _reported(world, language):
        # --plain asked for by name reads typed numbers from any input, a pipe included.
        if sheet is None and not (world.is_interactive() or world.plain):
            raise NoTerminalError()
        _check_save(options)  # before any question: a bad path must not cost a quiz
        loaded = _load(catalogue)
        stdin = sys.stdin.buffer if sys.stdin is not None else None  # None: closed (<&-)
        given = load_answers(sheet, stdin) if sheet is not None else {}
        # A sheet is scored as it is; on a terminal the quiz goes on from it.
        asking = sheet is None or world.is_interactive()
        asked = False  # whether a question was asked: take_quiz makes the prompter only then

        def prompter() -> "Prompter":
            nonlocal asked
            asked = True
            return world.ask(language, options.plain)

        show = None if options.as_json else typer.echo
        width = shutil.get_terminal_size().columns
        answers = take_quiz(
            loaded, given, prompter if asking else None, language, all_questions, show, width
        )
        _show_result(world, loaded, answers, language, options, keep=keep and asked)


def _check_save(options: ResultOptions) -> None:
    """Refuse a --save path that cannot work, before any other work is done."""
    if options.save is not None:
        from rolefinder.present.save import check_target

        check_target(options.save, options.force)


def _show_result(
    world: World,
    catalogue: "Catalogue",
    answers: dict[str, str],
    lang: Lang,
    options: ResultOptions,
    keep: bool = False,
    taken: Lang | None = None,
) -> None:
    """Rank, print (as a screen or JSON), save if asked, and keep it in the history if
    ``keep`` (after it is shown: the history never costs a result or changes the exit code).
    ``taken``: the language the answers were taken in, when shown in another: the code
    printed stays the sitting's."""
    from rolefinder.assess.engine import Evidence, rank
    from rolefinder.assess.explain import explain
    from rolefinder.present.cards import result_file
    from rolefinder.present.report import result_dict
    from rolefinder.present.save import save_result
    from rolefinder.terminal.render import render_json
    from rolefinder.terminal.result import render_result

    evidence = Evidence(catalogue)
    result = rank(catalogue, answers, evidence)
    listed = [m.id for m in result.listed[: options.top]]
    explanation = explain(catalogue, result, listed, evidence)
    if options.save is not None:  # first: a closed or broken output must not lose the file
        kind = options.save.suffix.lower()  # checked before any work: see _check_save
        text = result_file(catalogue, result, explanation, lang, options.top, kind, taken=taken)
        save_result(options.save, text, options.force)
    # Kept before it is shown, so the screen says "kept" only of a result that was: a history
    # refused (someone else's folder) or a full disk says why below the result instead.
    problem = _keep(catalogue, result, lang) if keep else None
    if options.as_json:
        render_json(world.out(), result_dict(catalogue, result, explanation, lang, taken=taken))
    else:
        render_result(
            world.out(),
            catalogue,
            result,
            explanation,
            lang,
            options.top,
            options.explain,
            plain=options.plain,
            taken=taken,
            kept=_kept_lines(lang) if keep and problem is None else (),
        )
    if options.save is not None:
        _say(world.err(), t("saved", lang, path=options.save))
    if problem is not None:
        _say(world.err(), problem)


def _kept_lines(lang: Lang) -> tuple[str, ...]:
    """Where the history keeps a result, and how to keep nothing (a student at a shared
    computer should know that the next one can list it), then the same in one short line for
    a full screen. Nothing when the history is off."""
    from rolefinder.history.store import HISTORY_ENV, location

    path = location()
    if path is None:
        return ()
    home = Path.home()
    shown = f"~{os.sep}{path.relative_to(home)}" if path.is_relative_to(home) else str(path)
    return (
        t("history_kept_here", lang, path=shown, env=HISTORY_ENV),
        t("history_kept_short", lang),
    )


def _keep(catalogue: "Catalogue", result: "Result", lang: Lang) -> str | None:
    """Keep a result in the history: the top 3 listed roles and their fits, the code, the
    catalogue's fingerprint. None when it was kept quietly, else one line in ``lang`` to show
    (why it was not kept; or that a damaged history was set aside, the result kept anew)."""
    from rolefinder.assess.codes import encode, fingerprint
    from rolefinder.history.store import record

    return record(
        lang=lang,
        fingerprint=fingerprint(catalogue),
        answers=result.answers,
        top=[(match.id, match.fit) for match in result.listed[:3]],
        code=encode(catalogue, result.answers, lang),
    )


@app.command(cls=Command, help=_help("result_help"), epilog=_examples("result"))
def result(
    ctx: typer.Context,
    # Several words: a code typed in its groups with spaces and no quotes is still one code.
    code: Annotated[
        list[str],
        typer.Argument(metavar=_help("metavar_code"), help=_help("arg_code"), show_default=False),
    ],
    top: TopOption = 3,
    explain: ExplainOption = False,
    as_json: Annotated[bool, _json_option("result")] = False,
    save: SaveOption = None,
    force: ForceOption = False,
    plain: PlainOutputOption = False,
    lang: Annotated[str | None, _lang_option("opt_lang_result")] = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Show again the result a result code stands for."""
    from rolefinder.assess.codes import decode

    world = _world(ctx)
    options = ResultOptions(top, as_json, save, force, explain, _plain(ctx, plain))
    with _reported(world, _lang(ctx, lang)):
        _check_save(options)
        loaded = _load(catalogue)
        decoded = decode(loaded, " ".join(code))
        # A result comes back in the language it was taken in, unless --lang says otherwise.
        chosen = lang is not None or world.lang is not None
        language = _lang(ctx, lang) if chosen else decoded.lang
        _show_result(world, loaded, decoded.answers, language, options, taken=decoded.lang)


@app.command(cls=Command, help=_help("compare_help"), epilog=_examples("compare"))
def compare(
    ctx: typer.Context,
    first: Annotated[
        str, typer.Argument(metavar="A", help=_help("arg_compare_a"), show_default=False)
    ],
    second: Annotated[
        str, typer.Argument(metavar="B", help=_help("arg_compare_b"), show_default=False)
    ],
    as_json: Annotated[bool, _json_option("compare")] = False,
    plain: PlainOutputOption = False,
    lang: Annotated[str | None, _lang_option("opt_lang_compare")] = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Put two results side by side: profiles, top 3, what moved and why."""
    from rolefinder.present.compare import compare_dict, compare_results
    from rolefinder.terminal.lists import render_compare
    from rolefinder.terminal.render import render_json

    world = _world(ctx)
    with _reported(world, _lang(ctx, lang)):
        loaded = _load(catalogue)
        a, b = _resolve(loaded, first), _resolve(loaded, second)
        # --lang, else the language A was taken in.
        chosen = lang is not None or world.lang is not None
        language = _lang(ctx, lang) if chosen else a.lang
        comparison = compare_results(loaded, a.answers, b.answers, (a.label, b.label))
        if as_json:
            render_json(world.out(), compare_dict(loaded, comparison, language))
        else:
            render_compare(world.out(), loaded, comparison, language, _plain(ctx, plain))


class Resolved(NamedTuple):
    """A result given on the command line: its answers, language and how to call it."""

    answers: dict[str, str]
    lang: Lang
    label: str  # the code, or "#3, 2026-11-24" for a history entry


def _resolve(catalogue: "Catalogue", ref: str) -> Resolved:
    """A result code, or a history entry: its number as ``rolefinder history`` lists it ("3",
    "#3") or ``last``, as history.parse_ref reads them. Anything else is read as a code, and so
    is a number as long as a code. CodeError or HistoryError (exit 1) when it names nothing; an
    entry taken with another catalogue cannot be scored again."""
    from rolefinder.assess.codes import decode, encode, fingerprints
    from rolefinder.errors import HistoryError
    from rolefinder.history.store import find, parse_ref

    text = ref.strip()
    if parse_ref(text) is None:
        decoded = decode(catalogue, text)
        label = encode(catalogue, decoded.answers, decoded.lang)  # as printed: canonical
        return Resolved(decoded.answers, decoded.lang, label)
    entry = find(text)
    if entry.fingerprint not in fingerprints(catalogue):  # a 1.2 entry holds the older one
        raise HistoryError("history_other_catalogue", number=entry.number)
    return Resolved(dict(entry.answers), entry.lang, f"#{entry.number}, {entry.taken[:10]}")


@app.command(cls=Command, help=_help("schema_help"), epilog=_examples("schema"))
def schema(ctx: typer.Context) -> None:
    """Print the catalogue's JSON Schema."""
    from rolefinder.catalogue.schema import json_schema
    from rolefinder.terminal.render import render_json

    render_json(_world(ctx).out(), json_schema())


@app.command(cls=Command, help=_help("questions_help"), epilog=_examples("questions"))
def questions(
    ctx: typer.Context,
    as_json: Annotated[bool, _json_option("questions")] = False,
    template: Annotated[bool, typer.Option("--template", help=_help("opt_template"))] = False,
    form: Annotated[
        str | None,
        typer.Option(
            "--form",
            metavar=_help("metavar_form"),
            help=_help("opt_form"),
            show_default=False,
            click_type=Choice(_form_tools),
        ),
    ] = None,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """List every question with its id and its options' ids, for answer sheets."""
    from rolefinder.present.report import answer_template, questions_list
    from rolefinder.terminal.lists import render_questions
    from rolefinder.terminal.render import render_json

    world, language = _world(ctx), _lang(ctx, lang)
    with _reported(world, language):
        loaded = _load(catalogue)
        if form is not None:
            from rolefinder.classroom.formbuild import form_document

            typer.echo(form_document(form, loaded, language), nl=False)
            if form == "microsoft":  # on stderr: not part of the document a file keeps
                _say(world.err(), t("form_microsoft_steps", language))
        elif template:
            typer.echo(answer_template(loaded, language), nl=False)
        elif as_json:
            render_json(world.out(), questions_list(loaded, language))
        else:
            render_questions(world.out(), loaded, language)


@app.command("class", cls=Command, help=_help("class_help"), epilog=_examples("class"))
def class_(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(metavar=f"{FILE}...", help=_help("arg_class_files"), show_default=False),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar=FOLDER, help=_help("opt_out"), show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=_help("opt_force_class"))] = False,
    name_column: Annotated[
        str | None,
        typer.Option(metavar=TITLE, help=_help("opt_name_column"), show_default=False),
    ] = None,
    as_json: Annotated[bool, _json_option("class")] = False,
    plain: Annotated[bool, typer.Option("--plain", help=_help("opt_plain_class"))] = False,
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

    world, language = _world(ctx), _lang(ctx, lang)
    folder = out if out is not None else default_out(paths)
    with _reported(world, language):
        check_out(folder, force, paths)  # before any row is read: a mistake costs nothing
        loaded = _load(catalogue)
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
            _say(world.err(), t(key, language, signal=stop.signal, path=str(folder)))
            raise typer.Exit(stop.exit_code) from None
        told.finish()
        if as_json:
            written = str(folder) if summary.students else None  # nothing read: no folder
            render_json(world.out(), {"out": written, **summary_dict(summary)})
        else:
            render_class(world.out(), summary, str(folder), language, plain=_plain(ctx, plain))
        if summary.failed or any(note.failed for note in summary.notes):
            raise typer.Exit(EXIT_DATA)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _complete_roles(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role ids for shell completion, from the catalogue in use."""
    return [r.id for r in _completion_catalogue(ctx).roles if r.id.startswith(incomplete)]


def _complete_traits(ctx: typer.Context, incomplete: str) -> list[str]:
    """Trait ids for shell completion."""
    return [t.id for t in _completion_catalogue(ctx).traits if t.id.startswith(incomplete)]


def _completion_catalogue(ctx: typer.Context) -> "Catalogue":
    from rolefinder.catalogue.load import load_catalogue
    from rolefinder.catalogue.model import Catalogue

    try:
        return load_catalogue(ctx.params.get("catalogue"))
    except RolefinderError:  # completion must never print an error into the shell
        return Catalogue((), (), ())


@app.command(cls=Command, help=_help("roles_help"), epilog=_examples("roles"))
def roles(
    ctx: typer.Context,
    trait: Annotated[
        str | None,
        typer.Option(
            "--trait",
            "-t",
            metavar=_help("metavar_trait"),
            help=_help("opt_trait"),
            show_default=False,
            autocompletion=_complete_traits,
        ),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            metavar="LEVEL",
            help=_help("opt_level"),
            show_default=False,
            click_type=LevelChoice(),
        ),
    ] = None,
    as_json: Annotated[bool, _json_option("roles")] = False,
    plain: PlainOutputOption = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """List every role: name, main trait, level and a one-line summary."""
    from rolefinder.catalogue.lookup import filter_roles, find_trait
    from rolefinder.present.report import role_dict
    from rolefinder.terminal.lists import render_roles
    from rolefinder.terminal.render import render_json

    world, language = _world(ctx), _lang(ctx, lang)
    with _reported(world, language):
        loaded = _load(catalogue)
        try:
            trait_id = None if trait is None else find_trait(loaded, trait).id
        except UnknownTraitError as error:  # told as click tells a bad value: usage, exit 2
            raise typer.BadParameter(error.describe(language), param_hint="'--trait'") from None
        chosen = filter_roles(loaded, trait_id, level)
        if as_json:
            render_json(world.out(), [role_dict(role, language) for role in chosen])
        elif chosen:
            render_roles(world.out(), loaded, chosen, language, _plain(ctx, plain))
        else:
            _say(world.out(), t("no_roles", language))


@app.command(cls=Command, help=_help("show_help"), epilog=_examples("show"))
def show(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Argument(
            metavar=_help("metavar_role"),
            help=_help("arg_role"),
            show_default=False,
            autocompletion=_complete_roles,
        ),
    ],
    as_json: Annotated[bool, _json_option("show")] = False,
    plain: PlainOutputOption = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Show one role's duties, skills, profile, level and related roles."""
    from rolefinder.catalogue.lookup import find_role
    from rolefinder.present.report import role_dict
    from rolefinder.terminal.lists import render_role
    from rolefinder.terminal.render import render_json

    world, language = _world(ctx), _lang(ctx, lang)
    with _reported(world, language):
        loaded = _load(catalogue)
        found = find_role(loaded, role)
        if as_json:
            render_json(world.out(), role_dict(found, language))
        else:
            render_role(world.out(), loaded, found, language, _plain(ctx, plain))


@app.command(cls=Command, help=_help("history_help"), epilog=_examples("history"))
def history(
    ctx: typer.Context,
    as_json: Annotated[bool, _json_option("history")] = False,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            metavar="N",
            click_type=Count(),
            help=_help("opt_history_limit"),
            show_default=False,
        ),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help=_help("opt_history_all"))] = False,
    forget: Annotated[bool, typer.Option("--forget", help=_help("opt_forget"))] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_help("opt_yes"))] = False,
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

    world, language = _world(ctx), _lang(ctx, lang)
    with _reported(world, language):
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
            _say(world.err() if as_json else world.out(), off)
            if as_json:
                from rolefinder.terminal.render import render_json

                render_json(world.out(), [])
        elif forget:
            _forget(world, language, yes)
        else:
            shown = limit if limit is not None or every or as_json else LATEST
            listing = Listing(str(where), catalogue, as_json, _plain(ctx, plain), shown)
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
        _say(world.err(), t("history_skipped", lang, number=row))

    kept = each(listing.limit, skipped)
    loaded = _load(listing.catalogue)
    if listing.as_json:
        from rolefinder.assess.codes import fingerprints
        from rolefinder.present.report import history_items

        render_json_list(world.out(), history_items(kept, fingerprints(loaded)))
        return
    if not render_history(world.out(), loaded, kept, lang, listing.where, listing.plain):
        _say(world.out(), t("history_empty", lang))
        return
    if listing.limit is not None:
        total = count()
        if total > listing.limit:
            shown = number(listing.limit, lang)
            _say(world.out(), t("history_latest", lang, shown=shown, count=number(total, lang)))


def _forget(world: World, lang: Lang, yes: bool) -> None:
    """Delete every kept result, after a yes typed on the terminal (or --yes)."""
    from rolefinder.history.store import count, forget
    from rolefinder.words.languages import number

    kept = count()
    if not kept:
        _say(world.out(), t("history_forget_none", lang))
        return
    if not yes:
        if not world.is_interactive():
            raise NoTerminalError("history_forget_no_terminal")
        key = "history_forget_ask_one" if kept == 1 else "history_forget_ask"
        typer.echo(t(key, lang, count=number(kept, lang)), nl=False)
        reply = sys.stdin.readline() if sys.stdin is not None else ""  # "": Ctrl-D, a no
        if reply.strip().lower() not in ("y", "yes", "ya"):
            _say(world.out(), t("history_forget_kept", lang))
            return
    deleted = forget()
    key = "history_forgot_one" if deleted == 1 else "history_forgot"
    _say(world.out(), t(key, lang, count=number(deleted, lang)))


def _say(console: "Console", line: str) -> None:
    """A message as it is (never read as markup, highlighting or emoji codes), wrapped by
    words on a terminal."""
    from rolefinder.terminal.render import say

    say(console, line)


@app.command(cls=Command, help=_help("validate_help"), epilog=_examples("validate"))
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None, typer.Argument(metavar=FILE, help=_help("arg_path"), show_default=False)
    ] = None,
    audit: Annotated[bool, typer.Option("--audit", help=_help("opt_audit"))] = False,
    lang: LangOption = None,
    catalogue: Annotated[Path | None, _catalogue_option("opt_catalogue_validate")] = None,
) -> None:
    """Check a catalogue and list every problem, each with its line and column."""
    from rolefinder.catalogue.load import check_catalogue
    from rolefinder.terminal.render import render_problems

    world, language = _world(ctx), _lang(ctx, lang)
    with _reported(world, language):
        report = check_catalogue(path or catalogue)
        # The report is what was asked for, so all of it goes to stdout, as linters do: what
        # stops the catalogue loading first, then what is only worth a look.
        render_problems(world.out(), report.source, report.problems, language)
        render_problems(world.out(), report.source, report.warnings, language, warning=True)
        if report.catalogue is None:
            count = len(report.problems)
            _say(world.out(), t("invalid", language, source=report.source, count=count))
            raise typer.Exit(EXIT_DATA)
        sizes = {"roles": len(report.catalogue.roles), "questions": len(report.catalogue.questions)}
        _say(world.out(), t("valid", language, source=report.source, **sizes))
        if audit:
            from rolefinder.assess.audit import audit as run_audit
            from rolefinder.terminal.auditview import render_audit

            findings = run_audit(report.catalogue)
            plain = _plain(ctx, False)
            render_audit(world.out(), report.catalogue, findings, language, plain)
            if not findings.passed:
                raise typer.Exit(EXIT_DATA)


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
