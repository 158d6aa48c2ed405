"""The options several commands share, and the parameter types behind them: a choice whose
values are loaded only when needed (languages, levels, form tools), and a count of 1 or more.

No ``from __future__ import annotations`` here, as in every module of the command line:
typer reads the annotations at start-up, and string ones would make it compile and evaluate each.
"""

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.core import Context as ClickContext
from typer._click.core import Parameter
from typer._click.types import IntParamType
from typer._types import TyperChoice

from rolefinder.cli.command import HELP_LANG, help_text
from rolefinder.words.i18n import choice_list, t
from rolefinder.words.languages import LANGS, parse_lang

CATALOGUE_ENV = "ROLEFINDER_CATALOGUE"


def form_tools() -> tuple[str, ...]:
    """The values of ``questions --form``: the form tools the form builder knows."""
    from rolefinder.classroom.formbuild import FORM_TOOLS  # only once --form's values are needed

    return FORM_TOOLS


class LazyChoice(TyperChoice[str]):
    """One of the values ``load`` gives, in any case, as for an Enum: listed in --help, completed
    by the shell, refused with click's "'x' is not one of ..." (which cli.command translates).
    ``load`` is called when the values are first needed: declaring an option imports nothing."""

    def __init__(self, load: Callable[[], Sequence[str]]) -> None:
        self.load, self.case_sensitive = load, False

    @functools.cached_property
    def choices(self) -> Sequence[str]:  # type: ignore[override]
        return tuple(self.load())


class LangChoice(LazyChoice):
    """One of LANGS, in any case, or a name parse_lang knows ('Indonesian', 'id_ID.UTF-8')."""

    def __init__(self) -> None:
        super().__init__(lambda: LANGS)

    def convert(self, value: object, param: "Parameter | None", ctx: "ClickContext | None") -> str:
        found = parse_lang(value) if isinstance(value, str) else None
        return found if found is not None else super().convert(value, param, ctx)


class LevelChoice(LazyChoice):
    """A level by the catalogue's id or by the word the screens show in either language
    ('entry', 'entry-level', 'junior'), in any case; converted to the level's id."""

    def __init__(self) -> None:
        super().__init__(lambda: tuple(_level_words()))

    def convert(self, value: object, param: "Parameter | None", ctx: "ClickContext | None") -> str:
        found = _level_words().get(str(value).casefold()) if isinstance(value, str) else None
        if found is None:  # told in the screens' words, not as click's list of every spelling
            from rolefinder.catalogue.model import LEVELS

            known = choice_list([t(f"level_{level}", HELP_LANG) for level in LEVELS], HELP_LANG)
            self.fail(t("unknown_level", HELP_LANG, value=value, known=known), param, ctx)
        return found


def _level_words() -> dict[str, str]:
    from rolefinder.catalogue.lookup import level_words  # imported only once a level is needed

    return level_words()


class AtLeastOne(IntParamType):
    """A whole number, 1 or more. --top's help says so in words, where click's IntRange would
    add "[x>=1]" (English in either language), and a smaller one is refused in HELP_LANG."""

    name = "integer"

    def convert(self, value: object, param: "Parameter | None", ctx: "ClickContext | None") -> int:
        number = int(super().convert(value, param, ctx))
        if number < 1:
            self.fail(t("click_too_small", HELP_LANG, value=number, least=1), param, ctx)
        return number


# Placeholders are upper case, in HELP_LANG where the word differs (ROLE, PROFESI; the
# metavar_* messages), as in usage lines, errors ("Missing argument 'ROLE'") and the texts
# that name them. FILE and FOLDER are the same words in Indonesian.
FILE, FOLDER = "FILE", "FOLDER"


def lang_option(key: str = "opt_lang") -> Any:
    """--lang with the help ``key``: the language's default differs between commands."""
    # ROLEFINDER_LANG is read by detect_lang, not as the option's envvar: an unknown value
    # there is warned about and passed over, where an envvar would make every command a
    # usage error.
    return typer.Option(
        "--lang",
        "-l",
        metavar=help_text("metavar_lang"),
        help=help_text(key, langs=", ".join(LANGS)),
        show_default=False,
        click_type=LangChoice(),
    )


def catalogue_option(key: str = "opt_catalogue") -> Any:
    """--catalogue with the help ``key``, which names the environment variable itself."""
    return typer.Option(
        "--catalogue",
        envvar=CATALOGUE_ENV,
        show_envvar=False,
        metavar=FILE,
        help=help_text(key),
        dir_okay=True,
        show_default=False,
    )


def json_option(command: str) -> Any:
    """--json, saying what it prints for ``command``."""
    return typer.Option("--json", help=help_text(f"opt_json_{command}"))


LangOption = Annotated[str | None, lang_option()]
CatalogueOption = Annotated[Path | None, catalogue_option()]
SaveOption = Annotated[
    Path | None,
    typer.Option("--save", "-s", metavar=FILE, help=help_text("opt_save"), show_default=False),
]
ForceOption = Annotated[bool, typer.Option("--force", help=help_text("opt_force"))]
TopOption = Annotated[
    int,
    typer.Option(
        "--top",
        "-n",
        metavar="N",
        click_type=AtLeastOne(),
        help=help_text("opt_top"),
        show_default=False,
    ),
]
ExplainOption = Annotated[bool, typer.Option("--explain", "-e", help=help_text("opt_explain"))]
PlainOption = Annotated[bool, typer.Option("--plain", help=help_text("opt_plain"))]
# The same flag on the commands that only show something: there is no prompt to make plain.
PlainOutputOption = Annotated[bool, typer.Option("--plain", help=help_text("opt_plain_output"))]
