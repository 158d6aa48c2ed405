"""The commands about the catalogue: ``roles`` and ``show`` (its roles), ``questions`` (its
questions, as a list, an answer sheet template or a form), ``schema`` (its format) and
``validate`` (checking a catalogue, and --audit); and completing role and trait ids in a shell.

No ``from __future__ import annotations`` here, as in every module of the command line:
typer reads the annotations at start-up, and string ones would make it compile and evaluate each.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rolefinder.cli.base import lang_of, load_for_run, plain_of, reported, tell, world_of
from rolefinder.cli.command import help_text
from rolefinder.cli.options import (
    FILE,
    CatalogueOption,
    LangOption,
    LazyChoice,
    LevelChoice,
    PlainOutputOption,
    catalogue_option,
    form_tools,
    json_option,
)
from rolefinder.errors import EXIT_DATA, RolefinderError, UnknownTraitError
from rolefinder.words.i18n import choice_list, t

if TYPE_CHECKING:
    from rolefinder.catalogue.model import Catalogue


def schema_command(ctx: typer.Context) -> None:
    """Print the catalogue's JSON Schema."""
    from rolefinder.catalogue.schema import json_schema
    from rolefinder.terminal.render import render_json

    render_json(world_of(ctx).out(), json_schema())


def questions_command(
    ctx: typer.Context,
    as_json: Annotated[bool, json_option("questions")] = False,
    template: Annotated[bool, typer.Option("--template", help=help_text("opt_template"))] = False,
    form: Annotated[
        str | None,
        typer.Option(
            "--form",
            metavar=help_text("metavar_form"),
            help=help_text("opt_form"),
            show_default=False,
            click_type=LazyChoice(form_tools),
        ),
    ] = None,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """List every question with its id and its options' ids, for answer sheets."""
    from rolefinder.present.report import answer_template, questions_list
    from rolefinder.terminal.lists import render_questions
    from rolefinder.terminal.render import render_json

    world, language = world_of(ctx), lang_of(ctx, lang)
    with reported(world, language):
        loaded = load_for_run(catalogue)
        if form is not None:
            from rolefinder.classroom.formbuild import form_document

            typer.echo(form_document(form, loaded, language), nl=False)
            if form == "microsoft":  # on stderr: not part of the document a file keeps
                tell(world.err(), t("form_microsoft_steps", language))
        elif template:
            typer.echo(answer_template(loaded, language), nl=False)
        elif as_json:
            render_json(world.out(), questions_list(loaded, language))
        else:
            render_questions(world.out(), loaded, language)


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


def roles_command(
    ctx: typer.Context,
    trait: Annotated[
        str | None,
        typer.Option(
            "--trait",
            "-t",
            metavar=help_text("metavar_trait"),
            help=help_text("opt_trait"),
            show_default=False,
            autocompletion=_complete_traits,
        ),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            metavar=help_text("metavar_level"),
            help=help_text("opt_level"),
            show_default=False,
            click_type=LevelChoice(),
        ),
    ] = None,
    as_json: Annotated[bool, json_option("roles")] = False,
    plain: PlainOutputOption = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """List every role: name, main trait, level and a one-line summary."""
    from rolefinder.catalogue.lookup import filter_roles, find_trait
    from rolefinder.present.report import role_dict
    from rolefinder.terminal.lists import render_roles
    from rolefinder.terminal.render import render_json

    world, language = world_of(ctx), lang_of(ctx, lang)
    with reported(world, language):
        loaded = load_for_run(catalogue)
        try:
            trait_id = None if trait is None else find_trait(loaded, trait).id
        except UnknownTraitError:  # told as click tells a bad value: usage, exit 2
            names = [known.name.get(language).casefold() for known in loaded.traits]
            told = t("unknown_trait", language, trait=trait, known=choice_list(names, language))
            raise typer.BadParameter(told, param_hint="'--trait'") from None
        chosen = filter_roles(loaded, trait_id, level)
        if as_json:
            render_json(world.out(), [role_dict(role, language) for role in chosen])
        elif chosen:
            render_roles(world.out(), loaded, chosen, language, plain_of(ctx, plain))
        else:
            tell(world.out(), t("no_roles", language))


def show_command(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Argument(
            metavar=help_text("metavar_role"),
            help=help_text("arg_role"),
            show_default=False,
            autocompletion=_complete_roles,
        ),
    ],
    as_json: Annotated[bool, json_option("show")] = False,
    plain: PlainOutputOption = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Show one role's duties, skills, profile, level and related roles."""
    from rolefinder.catalogue.lookup import find_role
    from rolefinder.present.report import role_dict
    from rolefinder.terminal.lists import render_role
    from rolefinder.terminal.render import render_json

    world, language = world_of(ctx), lang_of(ctx, lang)
    with reported(world, language):
        loaded = load_for_run(catalogue)
        found = find_role(loaded, role)
        if as_json:
            render_json(world.out(), role_dict(found, language))
        else:
            render_role(world.out(), loaded, found, language, plain_of(ctx, plain))


def validate_command(
    ctx: typer.Context,
    path: Annotated[
        Path | None, typer.Argument(metavar=FILE, help=help_text("arg_path"), show_default=False)
    ] = None,
    audit: Annotated[bool, typer.Option("--audit", help=help_text("opt_audit"))] = False,
    lang: LangOption = None,
    catalogue: Annotated[Path | None, catalogue_option("opt_catalogue_validate")] = None,
) -> None:
    """Check a catalogue and list every problem, each with its line and column."""
    from rolefinder.catalogue.load import check_catalogue
    from rolefinder.terminal.render import render_problems

    world, language = world_of(ctx), lang_of(ctx, lang)
    with reported(world, language):
        report = check_catalogue(path or catalogue)
        # The report is what was asked for, so all of it goes to stdout, as linters do: what
        # stops the catalogue loading first, then what is only worth a look.
        render_problems(world.out(), report.source, report.problems, language)
        render_problems(world.out(), report.source, report.warnings, language, warning=True)
        if report.catalogue is None:
            count = len(report.problems)
            tell(world.out(), t("invalid", language, source=report.source, count=count))
            raise typer.Exit(EXIT_DATA)
        sizes = {"roles": len(report.catalogue.roles), "questions": len(report.catalogue.questions)}
        tell(world.out(), t("valid", language, source=report.source, **sizes))
        if audit:
            from rolefinder.assess.audit import audit as run_audit
            from rolefinder.terminal.auditview import render_audit

            findings = run_audit(report.catalogue)
            plain = plain_of(ctx, False)
            render_audit(world.out(), report.catalogue, findings, language, plain)
            if not findings.passed:
                raise typer.Exit(EXIT_DATA)
