"""The help screens: whole, wrapped between words at any width, one placeholder style, click's
words in the reader's language, every option's text true for its command, and every example
runs as shown.

The help's language is fixed when the CLI module loads, so help_pages() renders every page in a
process of its own, once a language; COLUMNS sets the width, as a terminal does."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from conftest import PLAIN_ENV, SheetPrompter
from helpers import MESSAGES, app_commands, help_pages
from personas import PERSONAS
from rolefinder.assess.codes import encode, fingerprint
from rolefinder.assess.engine import rank
from rolefinder.catalogue.load import shipped_catalogue_path
from rolefinder.catalogue.model import LEVELS
from rolefinder.cli.app import app
from rolefinder.cli.base import World
from rolefinder.history import store as history
from rolefinder.words.languages import LANGS

NAMES = ["app", *sorted(app_commands())]  # "app": rolefinder's own --help
WIDE = 1000  # wide enough that nothing is wrapped: the words as written
WIDTHS = (50, 80, 120, WIDE)
HEADINGS = {lang: f"{MESSAGES['examples'][lang]}:" for lang in LANGS}
# Metavars that end in "..." (one or more): not a cut-off.
MANY = {"FILE...", "[ARGS]...", "[ARGUMEN]..."}


@pytest.fixture(scope="module")
def pages() -> dict[str, dict[tuple[str, int], str]]:
    return {lang: help_pages(lang, WIDTHS) for lang in LANGS}


def words(text: str) -> set[str]:
    return set(text.split()) - {"\\"}  # "\": an example's shell line break


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", LANGS)
def test_no_text_is_cut_off(pages, lang, width):
    for name in NAMES:
        cut = [w for w in words(pages[lang][name, width]) if w.endswith("...") and w not in MANY]
        assert not cut, f"{name} --help at {width} columns ({lang}): {cut}"


@pytest.mark.parametrize("width", [50, 80, 120])
@pytest.mark.parametrize("lang", LANGS)
def test_the_command_list_gives_each_description_whole(pages, lang, width):
    listing = " ".join(pages[lang]["app", width].split())
    for name in NAMES[1:]:
        description = pages[lang][name, WIDE].split("\n\n")[1]
        assert f" {name} {' '.join(description.split())} " in listing, (name, width)


@pytest.mark.parametrize("width", [50, 80, 120])
@pytest.mark.parametrize("lang", LANGS)
def test_help_is_wrapped_to_the_width_between_words(pages, lang, width):
    for name in NAMES:
        text = pages[lang][name, width]
        too_wide = [line for line in text.splitlines() if len(line) > width]
        assert not too_wide, f"{name} --help at {width} columns ({lang})"
        # A word cut at a line's end ("tab-" / "completion") is no word of the unwrapped text.
        split = words(text) - words(pages[lang][name, WIDE])
        assert not split, f"{name} --help at {width} columns ({lang}): {sorted(split)}"


# What click and typer write in English by themselves, and our own English words for a help
# page: none of it may be left in a page of another language.
CLICK_ENGLISH = (
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "[env var",
    "[default",
    "[required]",
    "x>=",
    "<int",
    "TEXT",
    "INTEGER",
    "PATH",
    "COMMAND",
    "OPTIONS",
    "Show this message",
    "TITLE",  # the placeholders that were English in every language before 2.1
    "LEVEL",
    "TOOL",
)
HELP_KEYS = ("_help", "opt_", "arg_", "metavar_", "click_", "examples")


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_no_english_is_left_in_another_languages_help(pages, lang):
    english = {
        text.strip()
        for key, texts in MESSAGES.items()
        if key.startswith(HELP_KEYS) or key.endswith(HELP_KEYS)
        for text in (texts["en"],)
        if text.strip() != texts[lang].strip()
    }
    for name in NAMES:
        page = pages[lang][name, WIDE]
        flat = " ".join(page.split())
        left = [w for w in CLICK_ENGLISH if w in page]
        left += [
            e
            for e in english
            if len(e) > 3 and re.search(rf"(?<![\w-]){re.escape(e)}(?![\w-])", flat)
        ]
        assert not left, f"{name} --help ({lang}) shows English: {left}"


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_are_upper_case_everywhere(pages, lang):
    for name in NAMES:
        text = pages[lang][name, WIDE]
        assert not re.findall(r"\{\w+\}|<[\w |]+>", text), name
        usage = text.splitlines()[0].split(":", 1)[1].split()
        command = ["rolefinder"] if name == "app" else ["rolefinder", name]
        pieces = usage[len(command) :]
        assert usage[: len(command)] == command
        assert all(re.fullmatch(r"\[?[A-Z][A-Z.]*\]?(\.\.\.)?", p) for p in pieces), usage
        terms = re.findall(r"^  -(?:\w, )?-?[\w-]+ (\S+)", text, flags=re.M)  # option metavars
        assert all(re.fullmatch(r"[A-Z]+", term) for term in terms), (name, terms)


def test_click_words_are_indonesian_in_indonesian_help(pages):
    english = ["Usage", "Options", "Arguments", "Commands", "Examples", "[env var", "[default"]
    english += ["[required]", "x>=", "int range", "Show this message", "[OPTIONS]", "COMMAND"]
    for name in NAMES:
        text = pages["id"][name, 80]
        assert not [word for word in english if word in text], name


@pytest.mark.parametrize("lang", LANGS)
def test_the_catalogue_variable_is_named_once(pages, lang):
    for name in NAMES[1:]:
        text = pages[lang][name, 80]
        assert text.count("ROLEFINDER_CATALOGUE") == ("--catalogue" in text), name


def options(text: str) -> dict[str, str]:
    """An --help page's options (at WIDE: one line each): each long name with its text."""
    found = re.findall(r"^  (?:-\w, )?(--[\w-]+)(?: [A-Z]+)? {2,}(.+)$", text, flags=re.M)
    return dict(found)


@pytest.mark.parametrize("lang", LANGS)
def test_an_option_names_only_options_of_its_own_command(pages, lang):
    # e.g. class --force once replaced "the --save file", and class has no --save
    for name in NAMES:
        own = options(pages[lang][name, WIDE])
        assert own, name
        for option, text in own.items():
            named = set(re.findall(r"(?<![\w-])--[a-z][\w-]*", text))
            assert named <= own.keys(), f"{name} {option}: {named - own.keys()}"


@pytest.mark.parametrize(
    ("name", "option", "absent"),
    [
        ("class", "--force", "--save"),
        ("class", "--plain", "prompt"),
        ("class", "--json", "table"),
        ("show", "--json", "table"),
        ("result", "--lang", "ROLEFINDER_LANG"),  # a result keeps the language it was taken in
        ("compare", "--lang", "ROLEFINDER_LANG"),
    ],
)
def test_shared_options_say_what_they_do_for_each_command(pages, name, option, absent):
    assert absent not in options(pages["en"][name, WIDE])[option]


@pytest.mark.parametrize("lang", LANGS)
def test_the_choices_are_named_in_the_option_texts(pages, lang):
    roles = options(pages[lang]["roles", WIDE])
    assert all(level in roles["--level"] for level in LEVELS)
    assert all(language in roles["--lang"] for language in LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_the_main_help_names_every_trait(pages, catalogue, lang):
    description = pages[lang]["app", WIDE].split("\n\n")[1].lower()
    for trait in catalogue.traits:
        assert trait.name.get(lang).lower() in description, trait.id


def test_a_top_below_one_is_refused_in_words(runner):
    result = runner.invoke(app, ["quiz", "--top", "0"])
    assert result.exit_code == 2
    assert "'--top' / '-n': 0 is less than 1." in result.stderr


# --- every example runs ----------------------------------------------------------------------


# Examples run elsewhere, too slow to run again here (minutes): only parsed.
RUN_ELSEWHERE = {
    "rolefinder validate --audit": "test_audit.py's test_validate_audit_prints_the_tables",
}


def parses(args: list[str]) -> None:
    """Parse a command line as rolefinder would, without running it: a usage error raises."""
    group = get_command(app)
    with group.make_context("rolefinder", list(args)) as ctx:
        # _protected_args: the command name and what follows it, as click keeps them
        name, command, rest = group.resolve_command(ctx, [*ctx._protected_args, *ctx.args])
        assert command is not None, args
        command.make_context(name, rest, parent=ctx).close()


def examples(text: str, lang: str) -> list[tuple[str, int]]:
    """An --help page's example command lines, each with the exit code its comment documents
    ("(exit 1)", "(kode keluar 1)"; 0 unless stated)."""
    lines = text[text.index(HEADINGS[lang]) :].splitlines()[1:]
    joined = re.sub(r" \\\n\s+", " ", "\n".join(lines))  # the shell's line continuations
    found, code = [], 0
    for line in (line.strip() for line in joined.splitlines()):
        if line.startswith("#"):
            stated = re.search(r"\((?:exit|kode keluar) (\d+)\)", line)
            code = int(stated.group(1)) if stated else 0
        elif line:
            found.append((line, code))
            code = 0
    return found


def form_export(catalogue, sheet: dict[str, str], lang: str) -> str:
    """A one-student form export: the questions as headers, the chosen options as cells."""
    questions = list(catalogue.questions)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(q.prompt.get(lang) for q in questions)
    writer.writerow(
        q.option(sheet[q.id]).text.get(lang) if q.id in sheet else "" for q in questions
    )
    return out.getvalue()


def example_files(catalogue, folder, lang: str) -> None:
    """The files the examples name, under the names they give them in ``lang``."""
    sheet = PERSONAS["graphic-designer"]
    names = {
        "en": ("answers", "codes.txt", "sheets", "my-roles.yaml"),
        "id": ("jawaban", "kode.txt", "lembar", "katalogku.yaml"),
    }
    answers, codes, sheets, own = names[lang]
    (folder / f"{answers}.yaml").write_text(json.dumps(sheet), "utf-8")
    (folder / f"{answers}.csv").write_text(form_export(catalogue, sheet, lang), "utf-8")
    (folder / codes).write_text(encode(catalogue, PERSONAS["social-media-analyst"], lang) + "\n")
    (folder / sheets).mkdir()
    (folder / sheets / "one.yaml").write_text(json.dumps(PERSONAS["community-manager"]))
    (folder / own).write_bytes(shipped_catalogue_path().read_bytes())


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_example_runs_as_documented(pages, catalogue, tmp_path, monkeypatch, lang, name):
    found = examples(pages[lang][name, WIDE], lang)
    assert found, f"{name} --help has no examples"
    # Broken over lines at 50 columns, they are the same commands.
    assert examples(pages[lang][name, 50], lang) == found
    for n, (line, code) in enumerate(found):
        folder = tmp_path / str(n)
        folder.mkdir()
        example_files(catalogue, folder, lang)
        monkeypatch.chdir(folder)
        monkeypatch.setenv("HOME", str(folder))
        monkeypatch.setenv(history.HISTORY_ENV, str(folder / "history.sqlite3"))
        for role in ("graphic-designer", "social-media-analyst"):  # saved results 1 and 2
            result = rank(catalogue, PERSONAS[role])
            history.record(
                lang=lang,
                fingerprint=fingerprint(catalogue),
                answers=result.answers,
                top=[(match.id, match.fit) for match in result.listed[:3]],
                code=encode(catalogue, result.answers, lang),
            )
        args = shlex.split(line)
        assert args[0] == "rolefinder", line
        if line in RUN_ELSEWHERE:
            parses(args[1:])
            continue
        target = None
        if ">" in args:  # the shell's redirection: the output goes to that file
            args, target = args[: args.index(">")], args[args.index(">") + 1]
        # A terminal is played by a prompter that answers as a graphic designer would, and
        # by a "y" typed where history --forget asks.
        world = World(SheetPrompter(catalogue, PERSONAS["graphic-designer"]), interactive=True)
        env = {**PLAIN_ENV, "LANG": "id_ID.UTF-8" if lang == "id" else "C.UTF-8"}
        result = CliRunner(env=env).invoke(app, args[1:], obj=world, input="y\n")
        assert result.exit_code == code, f"{line}\n{result.stdout}\n{result.stderr}"
        if target is not None:
            assert result.stdout.strip(), line
            (folder / target).write_text(result.stdout, "utf-8")
