"""A student at a shared computer is told where the quiz kept the result and how to keep
nothing, within the result's 80x24 screen."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from conftest import SheetPrompter
from personas import PERSONAS
from rolefinder.cli.app import app
from rolefinder.cli.base import World
from rolefinder.history import store as history
from rolefinder.words.i18n import t


def notice(path: str, lang: str) -> str:
    return t("history_kept_here", lang, path=path, env=history.HISTORY_ENV)


def sitting(catalogue) -> World:
    prompter = SheetPrompter(catalogue, PERSONAS["graphic-designer"])
    return World(prompter=prompter, interactive=True)


def one_line(text: str) -> str:
    """The output as one line, however it was wrapped."""
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_kept_result_says_where_and_how_to_keep_nothing(runner, catalogue, tmp_path, lang):
    path = tmp_path / "shared" / "history.sqlite3"
    done = runner.invoke(
        app,
        ["quiz", "--lang", lang],
        obj=sitting(catalogue),
        env={history.HISTORY_ENV: str(path)},
    )
    assert done.exit_code == 0, done.output
    assert path.exists()
    assert one_line(notice(str(path), lang)) in one_line(done.stdout)
    assert "--no-history" in notice("", lang) and f"{history.HISTORY_ENV}=off" in notice("", lang)


def test_a_history_in_the_home_folder_is_named_from_there(runner, catalogue, monkeypatch):
    home = Path.home()
    path = home / ".rolefinder-test-never-made" / "history.sqlite3"
    monkeypatch.setattr(history, "record", lambda **_: None)  # nothing written in $HOME
    done = runner.invoke(
        app, ["quiz"], obj=sitting(catalogue), env={history.HISTORY_ENV: str(path)}
    )
    assert done.exit_code == 0, done.output
    assert "~/.rolefinder-test-never-made/history.sqlite3" in one_line(done.stdout)
    assert str(home) not in done.stdout


@pytest.mark.parametrize(
    "args, env",
    [(["quiz", "--no-history"], {}), (["quiz"], {history.HISTORY_ENV: "off"})],
    ids=["--no-history", "off"],
)
def test_nothing_kept_nothing_said(runner, catalogue, tmp_path, args, env):
    env = {history.HISTORY_ENV: str(tmp_path / "h.sqlite3"), **env}
    done = runner.invoke(app, args, obj=sitting(catalogue), env=env)
    assert done.exit_code == 0, done.output
    said = notice("PATH", "en").split("(")[0].strip()
    assert said not in done.stdout


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_notice_keeps_the_screen_to_24_rows(catalogue, lang):
    """Mixed sittings (half one role's answers, half another's), some of them taller than
    the others: the notice is always there, whole where the screen has room, and the screen
    stays within 24 rows (what --explain also says makes way, then the notice's short form)."""
    from rich.console import Console

    from rolefinder.assess.engine import Evidence, rank
    from rolefinder.assess.explain import explain
    from rolefinder.terminal.result import render_result

    evidence, chooser = Evidence(catalogue), random.Random(5)
    personas = list(PERSONAS.values())
    kept = notice("~/.local/share/rolefinder/history.sqlite3", lang)
    short = t("history_kept_short", lang)
    made_way = 0
    for _ in range(150):
        one, other = chooser.sample(personas, 2)
        sheet = {**one, **{key: value for key, value in other.items() if chooser.random() < 0.5}}
        sheet["experience"] = chooser.choice(catalogue.experience.options).id
        result = rank(catalogue, sheet, evidence)
        explanation = explain(catalogue, result, [m.id for m in result.listed[:3]], evidence)
        screens = []
        for lines in ((), (kept, short)):
            console = Console(file=io.StringIO(), width=80, no_color=True)
            render_result(console, catalogue, result, explanation, lang, 3, kept=lines)
            screens.append(console.file.getvalue())
        without, with_notice = screens
        assert one_line(kept) in one_line(with_notice) or one_line(short) in one_line(with_notice)
        rows, before = with_notice.count("\n"), without.count("\n")
        assert rows <= 24
        if before + 2 <= 24:  # room for its two rows: nothing else changes
            assert with_notice.startswith(without) and one_line(kept) in one_line(with_notice)
        else:  # something --explain also says made way
            made_way += 1
    assert made_way  # the case was seen
