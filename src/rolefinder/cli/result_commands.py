"""The commands about one's own results: ``quiz`` (taking it, or scoring an answer sheet),
``result`` (a result code shown again) and ``compare`` (two results side by side). Each shows
a result the same way: on screen or as JSON, saved with --save, kept in the history.

No ``from __future__ import annotations`` here, as in every module of the command line:
typer reads the annotations at start-up, and string ones would make it compile and evaluate each.
"""

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from rolefinder.cli.base import World, lang_of, load_for_run, plain_of, reported, tell, world_of
from rolefinder.cli.command import help_text
from rolefinder.cli.options import (
    FILE,
    CatalogueOption,
    ExplainOption,
    ForceOption,
    LangOption,
    PlainOption,
    PlainOutputOption,
    SaveOption,
    TopOption,
    json_option,
    lang_option,
)
from rolefinder.errors import NoTerminalError
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

if TYPE_CHECKING:
    from rolefinder.assess.engine import Result
    from rolefinder.catalogue.model import Catalogue
    from rolefinder.quiz.sitting import Prompter


class ResultOptions(NamedTuple):
    """How to show a result: shared by quiz and result."""

    top: int = 3
    as_json: bool = False
    save: Path | None = None
    force: bool = False
    explain: bool = False
    plain: bool = False  # no colour, no bars, no pager: screen readers and TERM=dumb


DEFAULT_OPTIONS = ResultOptions()


def quiz_command(
    ctx: typer.Context,
    top: TopOption = 3,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers", "-a", metavar=FILE, help=help_text("opt_answers"), show_default=False
        ),
    ] = None,
    explain: ExplainOption = False,
    as_json: Annotated[bool, json_option("result")] = False,
    save: SaveOption = None,
    force: ForceOption = False,
    all_questions: Annotated[
        bool, typer.Option("--all-questions", help=help_text("opt_all_questions"))
    ] = False,
    plain: PlainOption = False,
    no_history: Annotated[
        bool, typer.Option("--no-history", help=help_text("opt_no_history"))
    ] = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Take the quiz and see the roles that fit you, ranked."""
    options = ResultOptions(top, as_json, save, force, explain, plain_of(ctx, plain))
    run_quiz(ctx, lang, catalogue, answers, options, all_questions, keep=not no_history)


def run_quiz(
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

    world, language = world_of(ctx), lang_of(ctx, lang)
    with reported(world, language):
        # --plain asked for by name reads typed numbers from any input, a pipe included.
        if sheet is None and not (world.is_interactive() or world.plain):
            raise NoTerminalError()
        _check_save(options)  # before any question: a bad path must not cost a quiz
        loaded = load_for_run(catalogue)
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
        tell(world.err(), t("saved", lang, path=options.save))
    if problem is not None:
        tell(world.err(), problem)


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


def result_command(
    ctx: typer.Context,
    # Several words: a code typed in its groups with spaces and no quotes is still one code.
    code: Annotated[
        list[str],
        typer.Argument(
            metavar=help_text("metavar_code"), help=help_text("arg_code"), show_default=False
        ),
    ],
    top: TopOption = 3,
    explain: ExplainOption = False,
    as_json: Annotated[bool, json_option("result")] = False,
    save: SaveOption = None,
    force: ForceOption = False,
    plain: PlainOutputOption = False,
    lang: Annotated[str | None, lang_option("opt_lang_result")] = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Show again the result a result code stands for."""
    from rolefinder.assess.codes import decode

    world = world_of(ctx)
    options = ResultOptions(top, as_json, save, force, explain, plain_of(ctx, plain))
    with reported(world, lang_of(ctx, lang)):
        _check_save(options)
        loaded = load_for_run(catalogue)
        decoded = decode(loaded, " ".join(code))
        # A result comes back in the language it was taken in, unless --lang says otherwise.
        chosen = lang is not None or world.lang is not None
        language = lang_of(ctx, lang) if chosen else decoded.lang
        _show_result(world, loaded, decoded.answers, language, options, taken=decoded.lang)


def compare_command(
    ctx: typer.Context,
    first: Annotated[
        str, typer.Argument(metavar="A", help=help_text("arg_compare_a"), show_default=False)
    ],
    second: Annotated[
        str, typer.Argument(metavar="B", help=help_text("arg_compare_b"), show_default=False)
    ],
    as_json: Annotated[bool, json_option("compare")] = False,
    plain: PlainOutputOption = False,
    lang: Annotated[str | None, lang_option("opt_lang_compare")] = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Put two results side by side: profiles, top 3, what moved and why."""
    from rolefinder.present.compare import compare_dict, compare_results
    from rolefinder.terminal.lists import render_compare
    from rolefinder.terminal.render import render_json

    world = world_of(ctx)
    with reported(world, lang_of(ctx, lang)):
        loaded = load_for_run(catalogue)
        a, b = _resolve(loaded, first), _resolve(loaded, second)
        # --lang, else the language A was taken in.
        chosen = lang is not None or world.lang is not None
        language = lang_of(ctx, lang) if chosen else a.lang
        comparison = compare_results(loaded, a.answers, b.answers, (a.label, b.label))
        if as_json:
            render_json(world.out(), compare_dict(loaded, comparison, language))
        else:
            render_compare(world.out(), loaded, comparison, language, plain_of(ctx, plain))


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
