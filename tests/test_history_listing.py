"""`rolefinder history` on a long history: the latest results on screen unless --limit or
--all, every one in JSON, read a page at a time and drawn as they are read."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from rich.console import Console

from rolefinder.assess.codes import fingerprint
from rolefinder.cli.app import app
from rolefinder.history import store as history
from rolefinder.terminal.lists import render_history
from rolefinder.terminal.render import render_json, render_json_list

TAKEN = "2026-11-24T09:30:00Z"


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own history file (not made yet)."""
    path = tmp_path / "data" / "history.sqlite3"
    monkeypatch.setenv(history.HISTORY_ENV, str(path))
    return path


def keep_many(how_many: int, mark: str = "F") -> None:
    for number in range(1, how_many + 1):
        kept = history.record(
            lang="en", fingerprint=mark, answers={}, top=[], code=f"C{number}", taken=TAKEN
        )
        assert kept is None


def numbers(listing: str) -> list[int]:
    """The result numbers a plain listing shows ("7. 2026-11-24 16:30  en")."""
    return [int(line.split(".")[0]) for line in listing.splitlines() if ". 2026-" in line]


@pytest.mark.parametrize(
    ("args", "shown", "note"),
    [
        ([], list(range(6, 26)), True),  # the latest 20, oldest first: the newest by the prompt
        (["--limit", "3"], [23, 24, 25], True),
        (["--limit", "25"], list(range(1, 26)), False),
        (["--limit", "999999999999999999999"], list(range(1, 26)), False),  # beyond SQLite's
        (["--all"], list(range(1, 26)), False),
    ],
)
def test_the_screen_lists_the_latest_unless_told(kept, runner, args, shown, note):
    keep_many(25)
    done = runner.invoke(app, ["history", "--plain", *args])
    assert done.exit_code == 0, done.output
    assert numbers(done.stdout) == shown
    latest = f"These are the latest {len(shown)} of your 25 saved results"
    assert (latest in done.stdout) is note


@pytest.mark.parametrize(
    ("args", "shown"), [([], list(range(1, 26))), (["--limit", "2"], [24, 25])]
)
def test_json_lists_every_one_unless_limited(kept, runner, args, shown):
    keep_many(25)
    done = runner.invoke(app, ["history", "--json", *args])
    assert done.exit_code == 0, done.output
    assert [item["number"] for item in json.loads(done.stdout)] == shown


@pytest.mark.parametrize(
    "args",
    [
        ["--limit", "0"],
        ["--limit", "-3"],
        ["--limit", "x"],
        ["--limit", "3", "--all"],
        ["--forget", "--all"],
        ["--forget", "--limit", "3"],
    ],
)
def test_a_limit_that_makes_no_sense_is_a_usage_error(kept, runner, args):
    done = runner.invoke(app, ["history", *args])
    assert done.exit_code == 2, done.output
    assert "Traceback" not in done.output
    assert not kept.exists()


@pytest.mark.parametrize("count", [0, 1, 3])
@pytest.mark.parametrize("unicode", [True, False])
def test_a_json_list_written_item_by_item_is_the_same_text(count, unicode):
    items = [
        {"n": n, "name": "Désainer \u202e", "nested": {"a": [1, {"b": None}]}} for n in range(count)
    ]
    encoding = "utf-8" if unicode else "ascii"  # an ASCII stream gets \u escapes
    texts = []
    for draw, given in ((render_json, items), (render_json_list, iter(items))):
        out = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
        draw(Console(file=out, force_terminal=False), given)
        out.flush()
        texts.append(out.buffer.getvalue())  # type: ignore[attr-defined]
    whole, streamed = texts
    assert streamed == whole
    assert json.loads(streamed) == items


def test_the_list_is_drawn_while_it_is_read(catalogue):
    # A history far longer than a table holds: the first results are on screen before the
    # last are read, and no more than a batch is held at a time.
    out = io.StringIO()
    console = Console(file=out, width=80, force_terminal=False)
    today = fingerprint(catalogue)
    held: list[int] = []

    def read():
        for number in range(1, 2001):
            if number == 1500:
                held.append(number - len(numbers(out.getvalue())))  # read, not yet drawn
            yield history.Entry(number, TAKEN, "en", today, {}, (), f"C{number}")

    assert render_history(console, catalogue, read(), "en", "here", plain=False)
    assert numbers(out.getvalue()) == list(range(1, 2001))
    assert held and held[0] <= 2 * 100  # the first 100 wait for the table check, then a batch


def test_a_page_holds_no_lock_between_pages(kept, monkeypatch):
    # A quiz ending while a long list is read (or sits in a pager) is kept at once, and shows
    # up at the end of the same listing.
    keep_many(5)
    monkeypatch.setattr(history, "PAGE", 2)
    listing = history.each()
    assert next(listing).code == "C1"
    writer = sqlite3.connect(kept, timeout=0, isolation_level=None)
    try:
        writer.execute(
            "INSERT INTO results (taken, lang, fingerprint, answers, top, code)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (TAKEN, "en", "F", "{}", "[]", "LATE"),
        )
    finally:
        writer.close()
    assert [entry.code for entry in listing] == ["C2", "C3", "C4", "C5", "LATE"]


def test_the_latest_skips_and_notes_an_unreadable_row(kept, runner):
    keep_many(3)
    connection = sqlite3.connect(kept, isolation_level=None)
    connection.execute("UPDATE results SET answers = ? WHERE id = 3", ("x" * 2_000_000,))
    connection.close()
    done = runner.invoke(app, ["history", "--plain", "--limit", "2"])
    assert done.exit_code == 0, done.output
    assert numbers(done.stdout) == [2]
    assert "Saved result 3 could not be read and was skipped." in done.stderr
    assert history.find("last").number == 2  # the newest that reads back well
    with pytest.raises(history.HistoryError, match="cannot be read"):
        history.find("3")
