"""The command line, through typer's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from catalogues import ROLE_IDS
from conftest import SheetPrompter
from helpers import app_commands, one_shot, result_code
from rolefinder import __version__
from rolefinder.catalogue.model import LEVELS
from rolefinder.cli.app import app
from rolefinder.cli.base import World
from rolefinder.words.i18n import t
from rolefinder.words.languages import LANGS

# The normal screen: the runner's TERM=dumb asks for plain output.
NOT_DUMB = {"TERM": "xterm"}


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"rolefinder {__version__}\n"


@pytest.mark.parametrize(
    "command",
    [[], *([name] for name in sorted(app_commands()))],
    ids=lambda command: " ".join(command) or "rolefinder",
)
def test_every_command_has_help(runner, command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith(" ".join(["Usage: rolefinder", *command, ""]))
    # every command but schema takes --lang, as the README says, and so does rolefinder itself
    assert ("--lang" in result.stdout) == (command != ["schema"])


def test_help_lists_every_command(runner):
    text = runner.invoke(app, ["--help"]).stdout
    commands = text[text.index("Commands:") :].split("\n\n")[0]
    listed = re.findall(r"^  ([a-z-]+)  ", commands, flags=re.M)
    assert sorted(listed) == sorted(app_commands())


def test_help_follows_the_locale():
    # The help text is chosen when the CLI module loads, so it needs a fresh interpreter.
    import subprocess
    import sys

    env = {"LANG": "id_ID.UTF-8", "COLUMNS": "100", "NO_COLOR": "1", "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-m", "rolefinder", "roles", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert "Tampilkan semua profesi di katalog." in out


def test_roles_json_lists_the_ten_roles(runner):
    result = runner.invoke(app, ["roles", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [r["id"] for r in data] == ROLE_IDS
    assert all(r["name"] for r in data)


def test_roles_table_shows_name_trait_level_and_summary(runner, catalogue):
    result = runner.invoke(app, ["roles"])
    assert result.exit_code == 0
    for role in catalogue.roles:
        assert role.id in result.stdout
        assert role.name.get("en") in result.stdout
    assert "senior, 3\N{EN DASH}5 yrs" in result.stdout  # social media manager


@pytest.mark.parametrize(
    ("trait", "expected"),
    [
        ("analytical", ["social-media-analyst"]),
        ("People-facing", ["social-media-admin", "community-manager"]),  # a name works too
        ("people_facing", ["social-media-admin", "community-manager"]),  # spelt as for show
        ("Analitis", ["social-media-analyst"]),  # the Indonesian name
        ("CREATIVE", ["social-media-specialist", "graphic-designer", "social-media-influencer"]),
    ],
)
def test_roles_filtered_by_main_trait(runner, trait, expected):
    result = runner.invoke(app, ["roles", "--trait", trait, "--json"])
    assert result.exit_code == 0
    assert [r["id"] for r in json.loads(result.stdout)] == expected


def test_trait_and_level_filters_combine(runner, catalogue):
    result = runner.invoke(app, ["roles", "--trait", "creative", "--level", "ENTRY", "--json"])
    assert result.exit_code == 0
    expected = [r.id for r in catalogue.roles if r.main_trait == "creative" and r.level == "entry"]
    assert [r["id"] for r in json.loads(result.stdout)] == expected != []


# Every word a screen shows for a level, in each language, and the catalogue's ids.
LEVEL_WORDS = [
    *((t(f"level_{level}", lang), level) for level in LEVELS for lang in LANGS),
    *((level, level) for level in LEVELS),
    ("Mid-Level", "mid"),
]


@pytest.mark.parametrize(("word", "level"), LEVEL_WORDS, ids=[word for word, _ in LEVEL_WORDS])
def test_level_takes_the_words_the_screens_show(runner, catalogue, word, level):
    result = runner.invoke(app, ["roles", "--level", word, "--json"])
    assert result.exit_code == 0, result.output
    expected = [role.id for role in catalogue.roles if role.level == level]
    assert [r["id"] for r in json.loads(result.stdout)] == expected != []


@pytest.mark.parametrize(("lang", "word"), [("en", "mid-level"), ("id", "menengah")])
def test_the_level_shown_is_clear_and_one_the_level_option_takes(runner, lang, word):
    shown = runner.invoke(app, ["show", "social-media-strategist", "--lang", lang]).stdout
    assert word in shown  # not the bare "mid" a tester found unclear
    listed = runner.invoke(app, ["roles", "--level", word, "--json", "--lang", lang])
    assert "social-media-strategist" in listed.stdout


def flat(text: str) -> str:
    """Words only: no box borders, no line breaks from wrapping."""
    return " ".join(text.replace("│", " ").split())


def test_unknown_trait_is_a_usage_error(runner):
    result = runner.invoke(app, ["roles", "--trait", "musical"])
    assert result.exit_code == 2
    assert (
        "Unknown trait 'musical'. Choose one of: creative, strategic, analytical or people-facing."
        in flat(result.stderr)
    )


def test_show_in_english_and_indonesian(runner, catalogue):
    analyst = catalogue.role("social-media-analyst")
    english = runner.invoke(app, ["show", "social-media-analyst", "--lang", "en"])
    indonesian = runner.invoke(app, ["show", "social-media-analyst", "--lang", "id"])
    assert english.exit_code == indonesian.exit_code == 0
    assert "Duties" in english.stdout and "Tugas" in indonesian.stdout
    for duty in analyst.duties:
        assert duty.get("en") in flat(english.stdout)
    for duty in analyst.duties:
        assert duty.get("id") in flat(indonesian.stdout)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "id_ID.UTF-8"}, "Tugas"),
        ({"LANG": "en_US.UTF-8"}, "Duties"),
        ({"LC_ALL": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, "Tugas"),  # LC_ALL wins
        ({"ROLEFINDER_LANG": "id", "LANG": "en_US.UTF-8"}, "Tugas"),
        ({"ROLEFINDER_LANG": "en", "LANG": "id_ID.UTF-8"}, "Duties"),
    ],
)
def test_language_from_the_environment(runner, env, expected):
    result = runner.invoke(app, ["show", "graphic-designer"], env=env)
    assert result.exit_code == 0
    assert expected in result.stdout


@pytest.mark.parametrize(
    "query", ["Social Media Analyst", "SOCIAL-MEDIA-ANALYST", "social_media_analyst"]
)
def test_show_finds_a_role_by_name_or_id_in_any_case(runner, query):
    result = runner.invoke(app, ["show", query, "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "social-media-analyst"


def test_show_finds_a_role_by_its_indonesian_name(runner, tmp_path):
    # The shipped job titles are English in both languages, as Indonesian job ads write them;
    # a catalogue that gives a role an Indonesian name finds the role by it.
    from catalogues import MINIMAL

    path = tmp_path / "roles.yaml"
    path.write_text(MINIMAL.replace("id: Desainer}", "id: Desainer Grafis}"), "utf-8")
    result = runner.invoke(app, ["show", "desainer grafis", "--json", "--catalogue", str(path)])
    assert json.loads(result.stdout)["id"] == "designer"


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("analyts", "social-media-analyst"),
        ("influenser", "social-media-influencer"),
        ("comunity-manager", "community-manager"),
    ],
)
def test_unknown_role_suggests_and_exits_1(runner, query, suggestion):
    result = runner.invoke(app, ["show", query])
    assert result.exit_code == 1
    assert f"Unknown role '{query}'" in result.stderr
    assert f"Did you mean {suggestion}" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_role_in_indonesian(runner):
    result = runner.invoke(app, ["show", "analyts", "--lang", "id"])
    assert result.exit_code == 1
    assert (
        "Profesi 'analyts' tidak ditemukan. Mungkin maksudmu social-media-analyst?" in result.stderr
    )


def test_a_bad_catalogue_exits_1_with_its_problems(runner, tmp_path):
    bad = tmp_path / "roles.yaml"
    bad.write_text("traits: []\nroles: []\nquestions: []\nrolez: 1\n", encoding="utf-8")
    result = runner.invoke(app, ["roles", "--catalogue", str(bad)])
    assert result.exit_code == 1
    assert "unknown field 'rolez'" in result.stderr
    assert "Traceback" not in result.output
    via_env = runner.invoke(app, ["roles"], env={"ROLEFINDER_CATALOGUE": str(bad)})
    assert via_env.exit_code == 1 and "rolez" in via_env.stderr


def test_an_invalid_language_is_a_usage_error(runner):
    result = runner.invoke(app, ["roles", "--lang", "fr"])
    assert result.exit_code == 2
    assert "Invalid value for '--lang' / '-l': 'fr' is not one of 'en', 'id'." in result.stderr


@pytest.mark.parametrize("value", ["ID", "Indonesian", "id_ID.UTF-8"])
def test_lang_takes_what_rolefinder_lang_takes(runner, value):
    result = runner.invoke(app, ["show", "social-media-analyst", "--lang", value])
    assert result.exit_code == 0
    assert "Tugas" in result.stdout


def test_quiz_without_a_terminal_exits_2_and_says_why(runner):
    result = runner.invoke(app, ["quiz"], obj=World(interactive=False))
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr


def test_bare_rolefinder_without_a_terminal_prints_help(runner):
    result = runner.invoke(app, [], obj=World(interactive=False))
    assert result.exit_code == 0
    assert "Usage: rolefinder" in result.stdout


def scripted_world(catalogue, answers: dict[str, str] | None = None) -> tuple[World, SheetPrompter]:
    """A terminal whose user answers from ``answers`` (first options where it is silent)."""
    prompter = SheetPrompter(catalogue, answers or {})
    return World(prompter=prompter, interactive=True), prompter


def test_quiz_shows_profile_top_roles_and_best_match(runner, catalogue):
    from personas import PERSONAS

    world, _ = scripted_world(catalogue, PERSONAS["social-media-analyst"])
    result = runner.invoke(app, ["quiz", "--top", "4"], obj=world, env=NOT_DUMB)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Your profile" in out and "Analytical" in out and "%" in out
    assert "Best fit: Social Media Analyst" in out
    ranks = re.findall(r"^(\d+)\s+([A-Z][A-Za-z ]+?)\s+(\d+)/100", out, flags=re.M)
    assert ranks and [int(place) for place, _, _ in ranks] == list(range(1, len(ranks) + 1))
    assert ranks[0][1] == "Social Media Analyst"
    fits = [int(p) for _, _, p in ranks]
    assert fits == sorted(fits, reverse=True)
    assert "How sure the quiz is of your best fit: high" in out
    assert "Can you start now?" in out  # readiness beside the fit
    assert "--explain" in out  # the duties and every reason are one option away
    # the result (under the quiz's opening lines, and with where the history keeps it), with
    # the shell's prompt, fits an 80x24 screen
    assert len(out[out.index("Your profile") :].splitlines()) <= 23
    explained = runner.invoke(app, ["quiz", "--top", "4", "--explain"], obj=world)
    assert "Next step up: Social Media Manager" in explained.stdout


def test_explain_lists_the_roles_in_rank_order_after_the_summary(runner, catalogue):
    from personas import PERSONAS

    world, _ = scripted_world(catalogue, PERSONAS["social-media-analyst"])
    out = runner.invoke(app, ["quiz", "--explain"], obj=world, env=NOT_DUMB).stdout
    ranking = re.findall(r"^(\d)\. (.+?)  ", out, flags=re.M)
    assert [place for place, _ in ranking] == [str(n) for n in range(1, len(ranking) + 1)]
    assert ranking[0][1] == "Social Media Analyst"
    assert out.index("Your profile") < out.index("1. Social Media Analyst")


def test_a_beginner_who_fits_a_senior_role_gets_it_with_the_way_up(runner, catalogue):
    from personas import PERSONAS

    sheet = {**PERSONAS["head-of-marketing"], "experience": "none"}
    world, _ = scripted_world(catalogue, sheet)
    result = runner.invoke(app, ["quiz"], obj=world, env=NOT_DUMB)
    out = " ".join(result.stdout.split())  # the sentences wrap at the terminal's width
    assert "Best fit: Head of Marketing" in out  # the fit decides, whatever the experience
    assert "Can you start now? Not yet" in out
    assert re.search(r"Way up: .* -> Head of Marketing\.", out)


def test_bare_rolefinder_on_a_terminal_starts_the_quiz(runner, catalogue):
    world, prompter = scripted_world(catalogue)
    result = runner.invoke(app, [], obj=world)
    assert result.exit_code == 0
    assert 14 <= len(prompter.asked) <= 18  # one adaptive sitting, then the review screen
    assert "Best fit:" in result.stdout


def test_quiz_result_in_indonesian(runner, catalogue):
    world, _ = scripted_world(catalogue)
    result = runner.invoke(app, ["quiz", "--lang", "id"], obj=world)
    assert "Profilmu" in result.stdout and "Paling cocok:" in result.stdout


@pytest.mark.parametrize("command", [["show", "designer"], ["roles"]])
def test_catalogue_text_is_shown_literally_not_as_markup_or_emoji(runner, tmp_path, command):
    from catalogues import MINIMAL

    path = tmp_path / "roles.yaml"
    typed = "[bold]Draws[/] [link=x]now :thumbs_up:"
    path.write_text(MINIMAL.replace("{en: Draws,", f"{{en: '{typed}',"), "utf-8")
    result = runner.invoke(app, [*command, "--catalogue", str(path)])
    assert result.exit_code == 0
    assert typed in result.stdout


def test_a_missing_windows_console_gets_a_hint_not_a_traceback(runner, catalogue, monkeypatch):
    import rolefinder.quiz.prompts
    from rolefinder.quiz.prompts import KeyPrompter

    class NoConsoleScreenBufferError(Exception):  # what prompt_toolkit raises on Windows
        pass

    def broken(*args, **kwargs):
        raise NoConsoleScreenBufferError("No Windows console found")

    monkeypatch.setattr(rolefinder.quiz.prompts, "select_application", broken)
    world = World(prompter=KeyPrompter(), interactive=True)
    result = runner.invoke(app, ["quiz"], obj=world)
    assert result.exit_code == 2
    assert "Windows Terminal" in result.stderr and "winpty" in result.stderr
    assert "Traceback" not in result.output


def test_ctrl_c_outside_the_quiz_exits_130(runner, monkeypatch):
    import rolefinder.catalogue.load

    def interrupted(path=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(rolefinder.catalogue.load, "load_catalogue", interrupted)
    result = runner.invoke(app, ["roles"])
    assert result.exit_code == 130
    assert "Interrupted." in result.stderr


@pytest.mark.parametrize("show_locals", [False, True], ids=["as shipped", "control: locals on"])
def test_tracebacks_never_show_local_variables(show_locals):
    """A bug (an unexpected exception) ends in typer's traceback, which must not print the
    values of local variables (paths, answers, whatever a frame holds). The control run turns
    typer's locals on, to show that this test sees them when they are printed."""
    import os
    import subprocess
    import sys

    code = (
        "import sys, rolefinder.catalogue.load\n"
        "from rolefinder.cli import app as cli\n"
        "def broken(path=None):\n"
        "    kept_in_a_local = 'pass' + 'word-' + str(6 * 7)  # not in the source as printed\n"
        "    raise RuntimeError('a bug')\n"
        "rolefinder.catalogue.load.load_catalogue = broken\n"
        f"if {show_locals}: cli.app.pretty_exceptions_show_locals = True\n"
        "sys.argv = ['rolefinder', 'roles']\n"
        "cli.run()\n"
    )
    env = {k: v for k, v in os.environ.items() if "TYPER" not in k}
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "ROLEFINDER_LANG": "en"})
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 1
    assert "RuntimeError" in done.stderr and "a bug" in done.stderr  # the traceback was printed
    assert ("password-42" in done.stderr) == show_locals, done.stderr


# Every command with a --json option, and schema, which prints JSON (a JSON Schema) as it is.
JSON_COMMANDS = sorted(
    name
    for name, command in app_commands().items()
    if name == "schema" or any("--json" in getattr(param, "opts", ()) for param in command.params)
)


@pytest.mark.parametrize("name", JSON_COMMANDS)
def test_json_commands_print_valid_json(runner, name, tmp_path):
    args = one_shot(name, tmp_path) + ([] if name == "schema" else ["--json"])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)
    assert "\x1b[" not in result.stdout


def test_the_early_version_answer_matches_the_cli_one():
    import subprocess
    import sys

    from rolefinder.cli.app import version_line

    early = subprocess.run(
        [sys.executable, "-m", "rolefinder", "--version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert early == version_line() + "\n"


def blind_sheets():
    """The answers of every persona taken blind (tests/blind): real people's sittings."""
    import yaml

    folder = Path(__file__).parent / "blind"
    return [yaml.safe_load(path.read_text("utf-8"))["answers"] for path in sorted(folder.iterdir())]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_result_fits_an_80_by_24_screen(catalogue, lang):
    """The summary never takes more than 24 lines at 80 columns (the first one is blank, so
    the shell's prompt pushes only that off), whatever the answers: random ones (mostly no
    clear pattern, short) and every blind tester's sitting at every experience and outlook
    answer (the tallest: a role for later, its way up, related experience, a note)."""
    import io
    import random

    from rich.console import Console

    from rolefinder.assess.engine import Evidence, rank
    from rolefinder.assess.explain import explain
    from rolefinder.terminal.result import render_result

    evidence, chooser = Evidence(catalogue), random.Random(11)
    sheets = [{q.id: chooser.choice(q.options).id for q in catalogue.questions} for _ in range(200)]
    for sheet in blind_sheets():
        for experience in catalogue.experience.options:
            for outlook in catalogue.outlook.options:
                sheets.append({**sheet, "experience": experience.id, "outlook": outlook.id})
    heights = []
    for sheet in sheets:
        result = rank(catalogue, sheet, evidence)
        listed = [m.id for m in result.listed[:3]]
        explanation = explain(catalogue, result, listed, evidence)
        console = Console(file=io.StringIO(), width=80, no_color=True)
        render_result(console, catalogue, result, explanation, lang, 3)
        screen = console.file.getvalue()
        assert screen.startswith("\n")
        heights.append(screen.count("\n"))
    assert 15 <= max(heights) <= 24
    assert sum(height >= 23 for height in heights) > 100  # tall sittings were among them


def test_a_summary_cut_to_fit_keeps_the_way_in_for_explain(catalogue, runner):
    """What the summary leaves out to fit a screen is still said with --explain."""
    from personas import PERSONAS

    sheet = {**PERSONAS["social-media-manager"], "experience": "related", "outlook": "torn"}
    code = result_code(sheet, "id")
    way_in = catalogue.role("social-media-manager").way_in.get("id")
    summary = runner.invoke(app, ["result", code], env={"COLUMNS": "80", "TERM": "xterm"})
    explained = runner.invoke(
        app, ["result", code, "--explain"], env={"COLUMNS": "80", "TERM": "xterm"}
    )
    assert summary.exit_code == explained.exit_code == 0
    assert len(summary.stdout.splitlines()) <= 24
    said = " ".join(way_in.split())
    assert said not in " ".join(summary.stdout.split())  # left out, to fit...
    assert said in " ".join(explained.stdout.split())  # ...and said here


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_explain_pager_says_how_to_leave_it(catalogue, lang, monkeypatch):
    import io
    import pydoc

    from rich.console import Console

    from personas import PERSONAS
    from rolefinder.assess.engine import Evidence, rank
    from rolefinder.assess.explain import explain
    from rolefinder.terminal.result import render_result

    paged: list[str] = []
    monkeypatch.setattr(pydoc, "pager", paged.append)  # what rich's system pager calls
    monkeypatch.setenv("LESS", "-FRX")
    evidence = Evidence(catalogue)
    result = rank(catalogue, PERSONAS["social-media-strategist"], evidence)
    explanation = explain(catalogue, result, [m.id for m in result.listed[:3]], evidence)
    console = Console(file=io.StringIO(), width=80, height=24, force_terminal=True, no_color=True)
    render_result(console, catalogue, result, explanation, lang, 3, explain=True)
    assert len(paged) == 1, "the explanation is taller than 24 lines: it goes through the pager"
    first = re.sub(r"\x1b\[[0-9;]*m", "", paged[0].splitlines()[0])  # less -R shows styles
    assert first == t("pager_hint", lang)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_traits_are_explained_one_key_away(runner, tmp_path, catalogue, lang):
    from personas import PERSONAS

    sheet = tmp_path / "sheet.json"
    sheet.write_text(json.dumps(PERSONAS["community-manager"]), "utf-8")
    args = ["quiz", "--answers", str(sheet), "--lang", lang]
    screen = flat(runner.invoke(app, args, obj=World(interactive=False)).stdout)
    explained = flat(runner.invoke(app, [*args, "--explain"], obj=World(interactive=False)).stdout)
    assert t("traits_where", lang) in screen  # the screen says where, the traits' words...
    for trait in catalogue.traits:
        description = " ".join(trait.description.get(lang).split())
        assert description not in screen  # ...would not fit in 24 lines...
        assert f"{trait.name.get(lang)}: {description}" in explained  # ...--explain has them


@pytest.mark.parametrize(
    ("role_id", "junior", "source"),
    [("social-media-analyst", True, "job ads"), ("social-media-manager", False, "articles")],
)
def test_show_tells_the_way_in_and_where_it_comes_from(runner, catalogue, role_id, junior, source):
    role = catalogue.role(role_id)
    out = " ".join(runner.invoke(app, ["show", role_id]).stdout.replace("│", " ").split())
    assert "Way in: " + " ".join(role.way_in.get("en").split()) in out
    assert ("Junior or internship posts:" in out) == junior
    assert source in out
