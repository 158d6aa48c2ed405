"""The commands' and the group's click classes: click's own words ("Usage", "Options", its
usage errors) in the language of the help, help wrapped to the terminal's width between words,
examples under a heading of their own, and options that may be given without their value.

The language of --help and of usage errors, HELP_LANG, is read here from the command line and
the environment, before typer parses anything: help texts are fixed when commands are declared.
"""

import re
import shutil
import sys
from collections.abc import Sequence

import typer

# typer vendors click (0.26+); its exceptions and parameter types are reached through typer.
from typer._click.core import Command as ClickCommand
from typer._click.core import Context as ClickContext
from typer._click.core import Parameter
from typer._click.exceptions import ClickException, UsageError
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand, TyperGroup, TyperOption

from rolefinder.errors import EXIT_INTERRUPTED
from rolefinder.words.i18n import CLICK_TEXTS, EXTRA_ARGUMENTS, t, visible
from rolefinder.words.languages import Lang, detect_lang, parse_lang


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


def help_text(key: str, **values: object) -> str:
    return t(key, HELP_LANG, **values)


def examples_text(command: str) -> str:
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
            option.help = help_text("opt_help")
        return option

    def format_usage(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        """The usage line, translated before it is wrapped to the width."""
        pieces = [_usage_piece(piece) for piece in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), help_text("click_usage") + ": ")

    def get_help(self, ctx: ClickContext) -> str:
        # click leaves a space where it breaks a narrow usage line: no line ends in one.
        text = _translated(super().get_help(ctx))
        return "\n".join(line.rstrip() for line in text.split("\n"))

    def get_short_help_str(self, limit: int = 45) -> str:
        """The whole help: the command list wraps it rather than cutting it with "..."."""
        return " ".join((self.help or "").split())

    def format_epilog(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        if self.epilog:  # a section as "Options" is, under a heading of its own
            with formatter.section(help_text("examples")):
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


class Group(_Translated, TyperGroup):
    """The rolefinder group: click's words translated, usage errors told in the same language."""

    def get_params(self, ctx: ClickContext) -> "list[Parameter]":
        params = super().get_params(ctx)
        for param in params:
            if isinstance(param, TyperOption) and param.name in (
                "install_completion",
                "show_completion",
            ):
                param.help = help_text(f"opt_{param.name}")
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
            _echo_error(f"{help_text('error')}: {_click_message(error.format_message())}")
            sys.exit(error.exit_code)
        except typer.Abort:
            typer.echo(help_text("interrupted"), err=True)
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
    _echo_error(f"{help_text('error')}: {_click_message(message)}")
    if re.match(EXTRA_ARGUMENTS, message):  # `show head of marketing`: the quotes were left out
        _echo_error(help_text("click_extra_quotes"))


def _echo_error(message: str) -> None:
    """A usage error's line on stderr, wrapped by words on a terminal like every message."""
    from rolefinder.terminal.render import make_console, say

    say(make_console(stderr=True), message)
