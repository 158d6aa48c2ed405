"""The result history: what is kept and when, the layout and its migrations, two writers at
once, damaged or unwritable files, `rolefinder history`, and hostile rows.

Every test points ROLEFINDER_HISTORY at a file of its own (the ``kept`` fixture); the session's
file (conftest.private_history) is never touched here.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PLAIN_ENV, SheetPrompter
from helpers import no_hang
from personas import PERSONAS
from rolefinder.assess.codes import encode, fingerprint
from rolefinder.assess.engine import rank
from rolefinder.cli.app import app
from rolefinder.cli.base import World
from rolefinder.errors import HistoryError
from rolefinder.history import places
from rolefinder.history import rows as row_shape
from rolefinder.history import store as history
from rolefinder.words.i18n import t

V1_LAYOUT = [  # layout 1 as rolefinder wrote it, by hand: not history.MIGRATIONS
    "PRAGMA application_id = 1383033926",  # 0x526F6C46, "RolF"
    "CREATE TABLE results (id INTEGER PRIMARY KEY AUTOINCREMENT, taken TEXT NOT NULL,"
    " lang TEXT NOT NULL, fingerprint TEXT NOT NULL, answers TEXT NOT NULL, top TEXT NOT NULL)",
    "PRAGMA user_version = 1",
]
ESCAPE = "\x1b]0;owned\x07\x1b[2J"
PARTIAL = {"experience": "none", "monday": "layouts"}  # a sheet the quiz goes on from


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own history file (not made yet)."""
    path = tmp_path / "data" / "history.sqlite3"
    monkeypatch.setenv(history.HISTORY_ENV, str(path))
    return path


def sitting(catalogue, sheet: dict[str, str] | None = None) -> World:
    """A terminal whose user answers from ``sheet`` (the designer's by default)."""
    prompter = SheetPrompter(catalogue, PERSONAS["graphic-designer"] if sheet is None else sheet)
    return World(prompter=prompter, interactive=True)


def keep(catalogue, sheet: dict[str, str], lang: str = "en", **changes) -> str | None:
    """Record ``sheet``'s result as the quiz does; ``changes`` replace what it would record."""
    result = rank(catalogue, sheet)
    data = {
        "lang": lang,
        "fingerprint": fingerprint(catalogue),
        "answers": result.answers,
        "top": [(m.id, m.fit) for m in result.listed[:3]],
        "code": encode(catalogue, result.answers, lang),
        **changes,
    }
    return history.record(**data)


def rows(path: Path, query: str = "SELECT * FROM results ORDER BY id") -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def user_version(path: Path) -> int:
    return rows(path, "PRAGMA user_version")[0][0]


def make_database(path: Path, statements: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        connection.execute(statement)
    connection.close()


def insert_raw(path: Path, *values) -> None:
    """A row as another program (or a damaged disk) might have written it."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(
        "INSERT INTO results (taken, lang, fingerprint, answers, top, code) VALUES (?,?,?,?,?,?)",
        values,
    )
    connection.close()


def shown_result(lang: str) -> str:
    """What starts the best fit's line under a result: 'Best fit:'."""
    return t("best_match", lang, name="").strip()


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


# Where it lives --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "off", "OFF", "No", "false", " False "])
def test_the_history_can_be_turned_off(monkeypatch, value):
    monkeypatch.setenv(history.HISTORY_ENV, value)
    assert history.location() is None


def test_by_default_it_lives_in_the_data_folder(monkeypatch):
    import platformdirs

    monkeypatch.delenv(history.HISTORY_ENV)
    assert history.location() == Path(platformdirs.user_data_dir("rolefinder")) / "history.sqlite3"
    monkeypatch.setenv(history.HISTORY_ENV, "")
    assert history.location() == Path(platformdirs.user_data_dir("rolefinder")) / "history.sqlite3"


def test_the_folder_and_the_file_are_private(kept, catalogue):
    umask = os.umask(0o022)
    try:
        assert keep(catalogue, PERSONAS["graphic-designer"]) is None
    finally:
        os.umask(umask)
    assert kept.parent.stat().st_mode & 0o777 == 0o700
    assert kept.stat().st_mode & 0o777 == 0o600


def test_importing_the_command_line_does_not_load_sqlite():
    code = "import sys, rolefinder.cli.app; print(sorted(m for m in sys.modules if 'sqlite' in m))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# What is kept, and when -----------------------------------------------------------------------


def test_an_interactive_quiz_is_kept_with_what_it_showed(kept, runner, catalogue):
    before = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    done = runner.invoke(app, ["quiz", "--lang", "id"], obj=sitting(catalogue))
    after = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    assert done.exit_code == 0, done.output
    assert done.stderr == ""
    (entry,) = history.entries()
    result = rank(catalogue, entry.answers)
    assert entry.number == 1 and entry.lang == "id"
    assert entry.fingerprint == fingerprint(catalogue)
    assert entry.code in done.stdout  # the code the result showed
    assert entry.code == encode(catalogue, entry.answers, "id")
    assert entry.top == tuple((m.id, m.fit) for m in result.listed[:3])  # what it listed
    assert entry.top[0] == ("graphic-designer", result.best.fit)
    assert all(type(fit) is int and 0 <= fit <= 100 for _, fit in entry.top)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry.taken)
    assert before <= entry.taken <= after  # the time it was taken, in UTC


def test_a_sheet_continued_on_a_terminal_is_kept(kept, runner, catalogue, tmp_path):
    sheet = tmp_path / "sheet.json"
    sheet.write_text(json.dumps(PARTIAL), "utf-8")
    done = runner.invoke(app, ["quiz", "--answers", str(sheet)], obj=sitting(catalogue))
    assert done.exit_code == 0, done.output
    (entry,) = history.entries()
    assert entry.answers["monday"] == "layouts"


@pytest.mark.parametrize(
    "args, env",
    [
        (["quiz", "--no-history"], {}),
        (["quiz"], {"ROLEFINDER_HISTORY": "0"}),
        (["quiz"], {"ROLEFINDER_HISTORY": "off"}),
    ],
    ids=["--no-history", "ROLEFINDER_HISTORY=0", "ROLEFINDER_HISTORY=off"],
)
def test_nothing_is_kept_when_asked_not_to(kept, runner, catalogue, args, env):
    done = runner.invoke(app, args, obj=sitting(catalogue), env=env)
    assert done.exit_code == 0, done.output
    assert shown_result("en") in done.stdout and done.stderr == ""
    assert not kept.exists() and not kept.parent.exists()


@pytest.mark.parametrize("as_json", [False, True], ids=["screen", "json"])
def test_a_sheet_scored_without_a_question_is_not_kept(kept, runner, tmp_path, as_json):
    sheet = tmp_path / "sheet.json"
    sheet.write_text(json.dumps(PERSONAS["graphic-designer"]), "utf-8")
    args = ["quiz", "--answers", str(sheet), *(["--json"] if as_json else [])]
    done = runner.invoke(app, args, obj=World(interactive=False))
    assert done.exit_code == 0, done.output
    assert not kept.exists()


def test_showing_a_code_again_is_not_kept(kept, runner, catalogue):
    code = encode(catalogue, PERSONAS["graphic-designer"], "en")
    done = runner.invoke(app, ["result", code], obj=World(interactive=True))
    assert done.exit_code == 0, done.output
    assert not kept.exists()


def test_a_sheet_in_a_real_process_is_not_kept(kept, tmp_path):
    sheet = tmp_path / "sheet.json"
    sheet.write_text(json.dumps(PERSONAS["graphic-designer"]), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "rolefinder", "quiz", "--answers", str(sheet)],
        capture_output=True,
        text=True,
        env={**os.environ, **PLAIN_ENV, history.HISTORY_ENV: str(kept)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert not kept.exists()


# Two writers at once --------------------------------------------------------------------------

WRITER = """
import sys
from rolefinder.history import store as history
name = sys.argv[1]
print("ready", flush=True)
sys.stdin.readline()  # both start together
problems = [
    history.record(
        lang="en",
        fingerprint="FPRINT00",
        answers={"writer": name, "n": str(n)},
        top=[(f"role-{name}", n % 101), ("other", 0)],
        code=f"{name}-{n}",
    )
    for n in range(200)
]
print("problems", [p for p in problems if p is not None], flush=True)
"""


def test_two_processes_writing_at_once_both_land_every_result(kept):
    env = {**os.environ, history.HISTORY_ENV: str(kept)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("a", "b")
    ]
    for writer in writers:  # both are up, with sqlite3 and rolefinder loaded, before either writes
        assert writer.stdout.readline() == "ready\n"
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        assert out == "problems []\n", out + err
    kept_entries = history.entries()
    assert len(kept_entries) == 400 == len(rows(kept))
    assert len({entry.number for entry in kept_entries}) == 400
    seen = {(entry.answers["writer"], int(entry.answers["n"])) for entry in kept_entries}
    assert seen == {(name, n) for name in ("a", "b") for n in range(200)}
    for entry in kept_entries:
        name, n = entry.answers["writer"], int(entry.answers["n"])
        assert entry.code == f"{name}-{n}"
        assert entry.top == ((f"role-{name}", n % 101), ("other", 0))
        assert entry.fingerprint == "FPRINT00" and entry.lang == "en"
    assert user_version(kept) == history.SCHEMA_VERSION


# The layout and its migrations ----------------------------------------------------------------


def test_a_layout_1_history_is_migrated_and_its_rows_read_back(kept, catalogue):
    make_database(kept, V1_LAYOUT)
    old_answers = {"monday": "layouts", "experience": "none"}
    old_top = [["graphic-designer", 0.75], ["social-media-specialist", 0.2]]
    for taken in ("2025-01-02T03:04:05Z", "2025-06-07T08:09:10Z"):
        connection = sqlite3.connect(kept, isolation_level=None)
        connection.execute(
            "INSERT INTO results (taken, lang, fingerprint, answers, top) VALUES (?,?,?,?,?)",
            (taken, "id", "OLDPRINT", json.dumps(old_answers), json.dumps(old_top)),
        )
        connection.close()
    first, second = history.entries()
    assert user_version(kept) == history.SCHEMA_VERSION == 2
    assert (first.number, first.taken, second.taken) == (
        1,
        "2025-01-02T03:04:05Z",
        "2025-06-07T08:09:10Z",
    )
    assert first.lang == "id" and first.fingerprint == "OLDPRINT"
    assert first.answers == old_answers
    # a chance kept before 2.0 is no fit: the roles are kept, with no figure
    assert first.top == (("graphic-designer", None), ("social-media-specialist", None))
    assert first.code == ""  # layout 1 kept no code
    columns = [row[1] for row in rows(kept, "PRAGMA table_info(results)")]
    assert columns[-2:] == ["code", "version"]
    assert keep(catalogue, PERSONAS["graphic-designer"]) is None
    newest = history.find("last")
    assert newest.number == 3 and newest.code
    assert rows(kept, "SELECT version FROM results WHERE id = 3") == [(history.__version__,)]


def test_a_result_kept_before_2_0_shows_no_figure_rather_than_its_chance(kept, runner, catalogue):
    # rolefinder 1.x wrote this same layout, with each listed role's chance (a float from 0 to
    # 1, or null for a role that needed more experience) where the fit (0-100) is now.
    assert keep(catalogue, PERSONAS["graphic-designer"]) is None
    sheet = PERSONAS["social-media-analyst"]
    old_top = [["social-media-analyst", 0.987], ["social-media-strategist", 0.0], ["x", None]]
    connection = sqlite3.connect(kept, isolation_level=None)
    connection.execute(
        "INSERT INTO results (taken, lang, fingerprint, answers, top, code, version)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            "2026-05-02T08:00:00Z",
            "en",
            fingerprint(catalogue),
            json.dumps(sheet),
            json.dumps(old_top),
            encode(catalogue, sheet, "en"),
            "1.2.0",
        ),
    )
    connection.close()
    new, old = history.entries()
    assert old.top == (
        ("social-media-analyst", None),
        ("social-media-strategist", None),
        ("x", None),
    )
    assert new.top[0] == (
        "graphic-designer",
        rank(catalogue, PERSONAS["graphic-designer"]).best.fit,
    )
    for columns, row in (
        ("100", r"^\s+2\s+\S+\s+en\s+Social Media Analyst\s+-\s*$"),  # a table: "-" for the fit
        ("40", r"^Social Media Analyst  -$"),  # a list
    ):
        done = runner.invoke(app, ["history"], env={"COLUMNS": columns, "TERM": "xterm"})
        assert done.exit_code == 0 and done.stderr == "", done.output
        assert re.search(row, done.stdout, flags=re.M), done.stdout
        assert f"Graphic Designer  {new.top[0][1]}/100" in done.stdout or columns == "100"
        assert not re.search(r"\d%|0\.987", done.stdout)  # no chance passed off as a fit
    listed = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    assert listed[1]["top"] == [
        {"id": "social-media-analyst", "fit": None},
        {"id": "social-media-strategist", "fit": None},
        {"id": "x", "fit": None},
    ]
    assert listed[0]["top"][0] == {"id": "graphic-designer", "fit": new.top[0][1]}
    # its answers are whole: it can be compared like any other
    done = runner.invoke(app, ["compare", "2", "1", "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["a"]["best"] == "social-media-analyst"


def test_a_migration_that_fails_half_way_changes_nothing(kept, catalogue):
    # a layout 1 file that somehow has a "version" column: step 2 adds "code", then fails
    make_database(kept, [*V1_LAYOUT, "ALTER TABLE results ADD COLUMN version TEXT"])
    before = [row[1] for row in rows(kept, "PRAGMA table_info(results)")]
    problem = keep(catalogue, PERSONAS["graphic-designer"])
    assert problem is not None and "not kept" in problem and "version" in problem
    assert user_version(kept) == 1
    assert [row[1] for row in rows(kept, "PRAGMA table_info(results)")] == before  # no "code"
    assert rows(kept) == []


def test_a_newer_layout_is_left_untouched(kept, runner, catalogue):
    make_database(
        kept,
        [
            "PRAGMA application_id = 1383033926",
            "CREATE TABLE results (id INTEGER PRIMARY KEY, everything TEXT)",
            "PRAGMA user_version = 3",
        ],
    )
    before = kept.read_bytes()
    done = runner.invoke(app, ["quiz"], obj=sitting(catalogue))
    assert done.exit_code == 0 and shown_result("en") in done.stdout
    line = one_line(done.stderr)
    assert "not kept" in line and "newer rolefinder" in line and "layout 3" in line
    assert kept.read_bytes() == before
    listed = runner.invoke(app, ["history"])
    assert listed.exit_code == 1
    assert "newer rolefinder" in one_line(listed.stderr)
    with pytest.raises(HistoryError):
        history.forget()
    assert kept.read_bytes() == before
    assert sorted(p.name for p in kept.parent.iterdir()) == ["history.sqlite3"]


def test_another_programs_database_is_left_untouched(kept, catalogue):
    make_database(kept, ["CREATE TABLE results (id INTEGER PRIMARY KEY, other TEXT)"])
    before = kept.read_bytes()
    problem = keep(catalogue, PERSONAS["graphic-designer"])
    assert problem is not None and "another program" in problem
    assert kept.read_bytes() == before


# Damage -------------------------------------------------------------------------------------


def truncated_history(path: Path, catalogue) -> bytes:
    """The first half of a real history of 300 results."""
    assert keep(catalogue, PERSONAS["graphic-designer"]) is None
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    for n in range(300):
        connection.execute(
            "INSERT INTO results (taken, lang, fingerprint, answers, top, code)"
            " SELECT taken, lang, fingerprint, answers, top, ? FROM results WHERE id = 1",
            (f"copy-{n}",),
        )
    connection.execute("COMMIT")
    connection.close()
    whole = path.read_bytes()
    return whole[: len(whole) // 2]


SQLITE_HEADER = b"SQLite format 3\x00"
DAMAGE = {
    "random bytes after the header": lambda path, catalogue: SQLITE_HEADER + os.urandom(20_000),
    "text after the header": lambda path, catalogue: SQLITE_HEADER + b"not a page\n" * 100,
    "truncated database": truncated_history,
}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_damaged_history_is_kept_aside_and_the_result_still_shown(
    kept, runner, catalogue, damage, lang
):
    kept.parent.mkdir(parents=True, exist_ok=True)
    damaged = DAMAGE[damage](kept, catalogue)
    kept.write_bytes(damaged)
    done = runner.invoke(app, ["quiz", "--lang", lang], obj=sitting(catalogue))
    assert done.exit_code == 0, done.output
    assert shown_result(lang) in done.stdout
    line = one_line(done.stderr)
    (aside,) = kept.parent.glob("history.sqlite3.damaged-*")
    assert re.fullmatch(r"history\.sqlite3\.damaged-\d{8}-\d{6}", aside.name)
    assert str(aside) in line
    assert ("was damaged" if lang == "en" else "rusak") in line
    assert aside.read_bytes() == damaged  # kept as it was, byte for byte
    (entry,) = history.entries()  # a new history, with this result
    assert entry.code in done.stdout


def test_listing_a_damaged_history_keeps_it_aside_and_exits_1(kept, runner):
    kept.parent.mkdir(parents=True)
    kept.write_bytes(SQLITE_HEADER + b"\x00garbage" * 1000)
    done = runner.invoke(app, ["history"])
    assert done.exit_code == 1
    line = one_line(done.stderr)
    assert line.startswith("Error: Your history") and "kept aside" in line
    assert not kept.exists()
    (aside,) = kept.parent.glob("history.sqlite3.damaged-*")
    assert aside.read_bytes() == SQLITE_HEADER + b"\x00garbage" * 1000
    assert runner.invoke(app, ["history"]).exit_code == 0  # and it starts again


def test_a_journal_left_beside_a_damaged_file_goes_aside_with_it(kept):
    # SQLite deletes a journal it finds empty, or plays one back, before it reads the file;
    # what it leaves must not meet the new history.
    kept.parent.mkdir(parents=True)
    kept.write_bytes(SQLITE_HEADER + b"damaged")
    kept.with_name("history.sqlite3-journal").write_bytes(b"journal")
    status = kept.stat()
    aside = history._keep_aside(kept, (status.st_dev, status.st_ino))
    assert aside.read_bytes() == SQLITE_HEADER + b"damaged"
    assert Path(f"{aside}-journal").read_bytes() == b"journal"
    assert sorted(p.name for p in kept.parent.iterdir()) == [aside.name, f"{aside.name}-journal"]


def test_a_kept_file_is_never_replaced(kept, catalogue):
    kept.parent.mkdir(parents=True)
    first, second = SQLITE_HEADER + b"first damage" * 100, SQLITE_HEADER + b"second" * 100
    kept.write_bytes(first)
    assert "damaged" in keep(catalogue, PERSONAS["graphic-designer"])
    kept.write_bytes(second)  # damaged again, within the same second or not
    assert "damaged" in keep(catalogue, PERSONAS["graphic-designer"])
    asides = sorted(kept.parent.glob("history.sqlite3.damaged-*"))
    assert sorted(path.read_bytes() for path in asides) == sorted([first, second])


NOT_SQLITE = {
    "notes": b"Careers evening: bring the portfolio.\n" * 50,
    "random bytes": os.urandom(20_000),
    "nearly the header": SQLITE_HEADER[:-1] + b"\x01" + os.urandom(1000),
    "a few bytes": b"SQL",
}


@pytest.mark.parametrize("content", NOT_SQLITE)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_file_that_is_not_sqlite_is_left_alone_and_the_result_still_shown(
    kept, runner, catalogue, content, lang
):
    kept.parent.mkdir(parents=True)
    kept.write_bytes(NOT_SQLITE[content])
    before = kept.stat()
    done = runner.invoke(app, ["quiz", "--lang", lang], obj=sitting(catalogue))
    assert done.exit_code == 0, done.output
    assert shown_result(lang) in done.stdout
    line = one_line(done.stderr)
    assert str(kept) in line
    if lang == "en":
        assert line.startswith("This result was not kept in your history:")
        assert "it holds something else, not a rolefinder history" in line
    else:
        assert line.startswith("Hasil ini tidak disimpan di riwayatmu:")
        assert "isinya bukan riwayat rolefinder" in line
    assert "damaged" not in line and "rusak" not in line
    assert kept.read_bytes() == NOT_SQLITE[content]  # where and as it was
    assert (kept.stat().st_ino, kept.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert [path.name for path in kept.parent.iterdir()] == [kept.name]  # nothing beside it


@pytest.mark.parametrize(
    "args", [["history"], ["history", "--json"], ["history", "--forget", "--yes"]]
)
def test_listing_a_file_that_is_not_sqlite_leaves_it_alone_and_exits_1(kept, runner, args):
    kept.parent.mkdir(parents=True)
    kept.write_bytes(NOT_SQLITE["notes"])
    done = runner.invoke(app, args)
    assert done.exit_code == 1, done.output
    line = one_line(done.stderr)
    assert line.startswith(f"Error: Cannot read your history {kept}: it holds something else")
    assert "Traceback" not in done.output
    assert kept.read_bytes() == NOT_SQLITE["notes"]
    assert [path.name for path in kept.parent.iterdir()] == [kept.name]
    with pytest.raises(HistoryError, match="holds something else"):
        history.find("last")


def test_an_empty_file_starts_a_new_history(kept, runner, catalogue):
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"")
    assert runner.invoke(app, ["history"]).exit_code == 0
    assert keep(catalogue, PERSONAS["graphic-designer"]) is None
    (entry,) = history.entries()
    assert entry.top[0][0] == "graphic-designer"
    assert kept.read_bytes().startswith(SQLITE_HEADER)


def test_a_file_replaced_by_notes_before_it_is_kept_aside_is_left_alone(kept):
    kept.parent.mkdir(parents=True)
    kept.write_bytes(NOT_SQLITE["notes"])  # found damaged, then overwritten in place
    status = kept.stat()
    with pytest.raises(places.HistoryRefused):
        history._keep_aside(kept, (status.st_dev, status.st_ino))
    assert [path.name for path in kept.parent.iterdir()] == [kept.name]


# Files that cannot be written ---------------------------------------------------------------


def unwritable(case: str, tmp_path: Path) -> Path:
    """A history path that cannot be written, even by root."""
    if case == "folder is a file":
        blocker = tmp_path / "data"
        blocker.write_text("a file where the folder should be", "utf-8")
        return blocker / "history.sqlite3"
    if case == "under /proc":
        if not Path("/proc/self").is_dir():
            pytest.skip("no /proc here")
        return Path("/proc/rolefinder-history-test/history.sqlite3")
    if case == "read-only folder":
        if os.geteuid() == 0:
            pytest.skip("root writes anywhere: a 0500 folder stops nobody (the other cases do)")
        folder = tmp_path / "data"
        folder.mkdir(mode=0o500)
        return folder / "history.sqlite3"
    if case == "path is a folder":
        (tmp_path / "data").mkdir()
        return tmp_path / "data"
    if case == "path is a FIFO":
        os.mkfifo(tmp_path / "fifo")
        return tmp_path / "fifo"
    raise AssertionError(case)


UNWRITABLE = {
    "folder is a file": "its folder cannot be made there",
    "under /proc": "its folder cannot be made there",
    "read-only folder": "permission denied",
    "path is a folder": "it is not a regular file",
    "path is a FIFO": "it is not a regular file",
}


@pytest.mark.parametrize("case", UNWRITABLE)
def test_an_unwritable_history_costs_one_line_not_the_result(
    case, tmp_path, runner, catalogue, monkeypatch
):
    path = unwritable(case, tmp_path)
    monkeypatch.setenv(history.HISTORY_ENV, str(path))
    with no_hang(60):  # a FIFO must be refused, not waited on
        done = runner.invoke(app, ["quiz"], obj=sitting(catalogue))
    assert done.exit_code == 0, done.output
    assert shown_result("en") in done.stdout
    line = one_line(done.stderr)
    assert line.startswith("This result was not kept in your history:"), line
    assert UNWRITABLE[case] in line
    assert "Traceback" not in done.output


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_systems_own_reason_is_shown_alike_in_both_languages(kept, catalogue, lang):
    error = sqlite3.OperationalError("disk I/O error")
    why = history._why(error)
    assert why.key == "why_other"
    assert why.text(lang) == "disk I/O error"  # as the system said it, quoted in neither
    line = history._not_kept(kept, why, lang)
    assert line.endswith(": disk I/O error.") and '"' not in line


def test_a_busy_history_costs_one_line(kept, catalogue, monkeypatch):
    assert keep(catalogue, PERSONAS["graphic-designer"]) is None
    holder = sqlite3.connect(kept, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of its write
    monkeypatch.setattr(history, "BUSY_SECONDS", 0)  # give up at once instead of waiting
    try:
        problem = keep(catalogue, PERSONAS["graphic-designer"], lang="id")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert problem is not None and "rolefinder lain memakainya" in problem
    assert len(history.entries()) == 1


# rolefinder history -------------------------------------------------------------------------


def test_history_json_shape(kept, runner, catalogue):
    assert keep(catalogue, PERSONAS["graphic-designer"], taken="2026-11-24T09:30:00Z") is None
    other = {"fingerprint": "ZZZZZZZZ", "code": "OLD-CODE", "taken": "2026-11-25T10:00:00Z"}
    assert keep(catalogue, PERSONAS["social-media-analyst"], lang="id", **other) is None
    done = runner.invoke(app, ["history", "--json"])
    assert done.exit_code == 0, done.output
    first, second = json.loads(done.stdout)
    keys = {"number", "taken", "language", "catalogue", "answers", "top", "code"}
    assert set(first) == set(second) == keys
    assert first["number"] == 1 and second["number"] == 2
    assert first["taken"] == "2026-11-24T09:30:00Z"
    assert (first["language"], second["language"]) == ("en", "id")
    assert first["catalogue"] == {"fingerprint": fingerprint(catalogue), "current": True}
    assert second["catalogue"] == {"fingerprint": "ZZZZZZZZ", "current": False}
    assert first["answers"] == rank(catalogue, PERSONAS["graphic-designer"]).answers
    listed = rank(catalogue, PERSONAS["graphic-designer"]).listed[:3]
    assert first["top"] == [{"id": m.id, "fit": m.fit} for m in listed]
    assert first["top"][0]["id"] == "graphic-designer" and 0 < first["top"][0]["fit"] <= 100
    assert first["code"] == encode(catalogue, PERSONAS["graphic-designer"], "en")
    assert second["code"] == "OLD-CODE"


def test_history_lists_in_local_time_and_marks_another_catalogue(
    kept, runner, catalogue, monkeypatch
):
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX")
    assert keep(catalogue, PERSONAS["graphic-designer"], taken="2026-11-24T09:30:00Z") is None
    assert keep(catalogue, PERSONAS["social-media-analyst"], fingerprint="ZZZZZZZZ") is None
    with monkeypatch.context() as local:
        local.setenv("TZ", "Asia/Jakarta")  # UTC+7, no summer time
        time.tzset()
        # not TERM=dumb, whose plain output is always a list
        done = runner.invoke(app, ["history"], env={"COLUMNS": "100", "TERM": "xterm"})
        indonesian = runner.invoke(
            app, ["history", "--lang", "id"], env={"COLUMNS": "100", "TERM": "xterm"}
        )
    time.tzset()
    assert done.exit_code == 0, done.output
    out = done.stdout
    assert "Your saved results" in out
    code = encode(catalogue, PERSONAS["graphic-designer"], "en")
    fit = f"{rank(catalogue, PERSONAS['graphic-designer']).best.fit}/100"
    assert re.search(rf"^\s+1\s+2026-11-24\s+en\s+Graphic Designer\s+{fit}", out, flags=re.M)
    assert re.search(rf"^\s+16:30\s+{code}\s*$", out, flags=re.M)  # 09:30 UTC, in Jakarta
    assert "Social Media Analyst *" in out
    assert "* taken with another catalogue" in out
    assert "Graphic Designer *" not in out
    assert str(kept) in out
    assert "Hasil tersimpanmu" in indonesian.stdout and "Waktu" in indonesian.stdout
    narrow = runner.invoke(app, ["history"], env={"COLUMNS": "40"})
    assert f"Graphic Designer  {fit}" in narrow.stdout  # a list when a table does not fit


def test_an_empty_history_says_so(kept, runner):
    done = runner.invoke(app, ["history"])
    assert done.exit_code == 0
    assert "No saved results yet" in one_line(done.stdout)
    assert not kept.exists()  # looking makes no file
    assert json.loads(runner.invoke(app, ["history", "--json"]).stdout) == []


def test_a_history_that_is_off_says_so(runner, monkeypatch):
    monkeypatch.setenv(history.HISTORY_ENV, "false")
    done = runner.invoke(app, ["history"])
    assert done.exit_code == 0
    assert "The history is off (ROLEFINDER_HISTORY=false)" in one_line(done.stdout)
    as_json = runner.invoke(app, ["history", "--json"])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout) == []
    assert "off" in one_line(as_json.stderr)
    with pytest.raises(HistoryError, match="off"):
        history.find("last")


def test_find_by_number_or_last(kept, catalogue):
    for persona in ("graphic-designer", "social-media-analyst"):
        assert keep(catalogue, PERSONAS[persona]) is None
    assert history.find("1").top[0][0] == "graphic-designer"
    assert history.find("#2") == history.find("last") == history.find(" LAST ")
    assert history.find("last").top[0][0] == "social-media-analyst"
    for ref, message in [("3", "no saved result '3'"), ("two", "does not name a saved result")]:
        with pytest.raises(HistoryError, match=message):
            history.find(ref)


REFS = {
    "3": 3,
    "#3": 3,
    " #12 ": 12,
    "007": 7,
    "last": "last",
    " LAST ": "last",
    "#last": "last",
    "#Last": "last",
    "123456789012": 123456789012,  # the longest number: one shorter than the shortest code
    "1234567890123": None,  # as long as a result code: a code
    "#1234567890123": None,
    "": None,
    "#": None,
    "##3": None,
    "-3": None,
    "3.0": None,
    "+3": None,
    "\u0663": None,  # an Arabic-Indic three
    "lastly": None,
    "4NGT-ASKV-B006-D100-2Z4K-TKA9-HCNH": None,
}


@pytest.mark.parametrize("text", REFS)
def test_one_parser_reads_a_reference(text):
    assert history.parse_ref(text) == REFS[text]


def test_every_code_is_longer_than_a_reference(catalogue):
    from rolefinder.assess.codes import CHECK_LENGTH, FINGERPRINT_LENGTH, code_length

    shortest = 1 + FINGERPRINT_LENGTH + 1 + 1 + CHECK_LENGTH  # version, catalogue, language
    assert history.MAX_REF_DIGITS < shortest <= code_length(catalogue)


@pytest.mark.parametrize("text", REFS)
def test_find_and_compare_agree_on_what_is_a_reference(kept, runner, catalogue, text):
    for persona in ("graphic-designer", "social-media-analyst"):
        assert keep(catalogue, PERSONAS[persona]) is None
    try:
        history.find(text)
        found = True
    except HistoryError as error:
        found = False
        assert (error.key == "history_bad_ref") == (REFS[text] is None), error.key
    assert found == (REFS[text] in (1, 2, "last"))
    done = runner.invoke(app, ["compare", "--json", "--", text, "1"])
    if REFS[text] is None:  # read as a code: a valid one, or one line saying it is not
        assert done.exit_code == 0 or "result code" in one_line(done.stderr), done.output
        if done.exit_code == 0:
            assert json.loads(done.stdout)["a"]["label"] == text
    elif found:
        assert done.exit_code == 0, done.output
        assert json.loads(done.stdout)["a"]["label"].startswith("#")
    else:
        assert done.exit_code == 1
        assert "There is no saved result" in one_line(done.stderr)


def test_finding_in_an_empty_history(kept):
    with pytest.raises(HistoryError, match="no saved result to open yet"):
        history.find("last")


# Forgetting -----------------------------------------------------------------------------------


def two_kept(catalogue) -> None:
    marker = {**PERSONAS["graphic-designer"], "zz-private-marker": "zz-private-answer"}
    assert keep(catalogue, PERSONAS["graphic-designer"], answers=marker) is None
    assert keep(catalogue, PERSONAS["social-media-analyst"]) is None


@pytest.mark.parametrize("reply", ["y\n", "yes\n", "Y\n", "ya\n"])
def test_forget_after_a_yes(kept, runner, catalogue, reply):
    two_kept(catalogue)
    done = runner.invoke(app, ["history", "--forget"], obj=World(interactive=True), input=reply)
    assert done.exit_code == 0, done.output
    assert "Delete all 2 saved results? [y/N]" in done.stdout
    assert "Deleted 2 saved results." in done.stdout
    assert history.entries() == []
    # Overwritten, not just unlinked: secure_delete is on by default in some builds of SQLite
    # (Debian's) and off in others; history.forget turns it on for all of them.
    assert b"zz-private-answer" not in kept.read_bytes()
    assert keep(catalogue, PERSONAS["graphic-designer"]) is None
    assert history.find("last").number == 3  # a number is never given twice


@pytest.mark.parametrize("reply", ["n\n", "\n", "", "nope\n"], ids=["n", "Enter", "EOF", "nope"])
def test_forget_declined_deletes_nothing(kept, runner, catalogue, reply):
    two_kept(catalogue)
    args = ["history", "--forget", "--lang", "id"]
    done = runner.invoke(app, args, obj=World(interactive=True), input=reply)
    assert done.exit_code == 0, done.output
    assert "Hapus semua hasil tersimpan (2 hasil)? Ketik y untuk menghapus [y/N]" in done.stdout
    assert "Tidak ada yang dihapus." in done.stdout
    assert len(history.entries()) == 2


def test_forget_without_a_terminal_needs_yes(kept, runner, catalogue):
    two_kept(catalogue)
    refused = runner.invoke(app, ["history", "--forget"], obj=World(interactive=False))
    assert refused.exit_code == 2
    assert "--yes" in one_line(refused.stderr)
    assert len(history.entries()) == 2
    done = runner.invoke(app, ["history", "--forget", "--yes"], obj=World(interactive=False))
    assert done.exit_code == 0
    assert "Deleted 2 saved results." in done.stdout
    assert history.entries() == []
    again = runner.invoke(app, ["history", "--forget"], obj=World(interactive=False))
    assert again.exit_code == 0 and "no saved results to delete" in again.stdout


def test_forget_does_not_go_with_json(kept, runner, catalogue):
    two_kept(catalogue)
    done = runner.invoke(app, ["history", "--forget", "--yes", "--json"])
    assert done.exit_code == 2
    assert len(history.entries()) == 2


# Hostile rows ---------------------------------------------------------------------------------


def test_markup_in_a_stored_role_or_code_is_shown_as_typed(kept, runner, catalogue):
    assert keep(catalogue, PERSONAS["graphic-designer"]) is None
    markup = "[bold red]boss[/] [link=http://x]y"
    top = json.dumps([[markup, 50]])
    insert_raw(kept, "2026-01-01T00:00:00Z", "en", "ZZ", "{}", top, "[blink]CODE[/blink]")
    for columns in ("100", "30"):
        done = runner.invoke(app, ["history"], env={"COLUMNS": columns})
        assert done.exit_code == 0, done.output
        flat = "".join(done.stdout.split())
        assert "".join(markup.split()) in flat and "[blink]CODE[/blink]" in flat
    as_json = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    assert as_json[1]["top"][0]["id"] == markup


BAD_ROWS = {
    "escape in the code": ("2026-01-01T00:00:00Z", "en", "ZZ", "{}", "[]", ESCAPE),
    "escape in a role id": (
        "2026-01-01T00:00:00Z",
        "en",
        "ZZ",
        "{}",
        json.dumps([[ESCAPE, 1]]),
        "",
    ),
    "bidi in an answer": ("2026-01-01T00:00:00Z", "en", "ZZ", '{"q": "\u202eexe"}', "[]", ""),
    "C1 control": ("2026-01-01T00:00:00Z", "en", "ZZ", '{"q": "\u009b2J"}', "[]", ""),
    "answers not JSON": ("2026-01-01T00:00:00Z", "en", "ZZ", "{'q': 'a'}", "[]", ""),
    "a pickle": ("2026-01-01T00:00:00Z", "en", "ZZ", b"\x80\x04\x95cos\nsystem\n", "[]", ""),
    "answers a list": ("2026-01-01T00:00:00Z", "en", "ZZ", '["q"]', "[]", ""),
    "NaN fit": ("2026-01-01T00:00:00Z", "en", "ZZ", "{}", '[["r", NaN]]', ""),
    "fit above 100": ("2026-01-01T00:00:00Z", "en", "ZZ", "{}", '[["r", 101]]', ""),
    "negative fit": ("2026-01-01T00:00:00Z", "en", "ZZ", "{}", '[["r", -1]]', ""),
    "fit as text": ("2026-01-01T00:00:00Z", "en", "ZZ", "{}", '[["r", "82"]]', ""),
    "fit as true": ("2026-01-01T00:00:00Z", "en", "ZZ", "{}", '[["r", true]]', ""),
    "old chance above 1": ("2026-01-01T00:00:00Z", "en", "ZZ", "{}", '[["r", 7.0]]', ""),
    "old chance below 0": ("2026-01-01T00:00:00Z", "en", "ZZ", "{}", '[["r", -0.1]]', ""),
    "unknown language": ("2026-01-01T00:00:00Z", "fr", "ZZ", "{}", "[]", ""),
    "no such date": ("2026-13-45T99:00:00Z", "en", "ZZ", "{}", "[]", ""),
    "bytes for a code": ("2026-01-01T00:00:00Z", "en", "ZZ", "{}", "[]", b"CODE"),
    "a huge code": ("2026-01-01T00:00:00Z", "en", "ZZ", "{}", "[]", "X" * 100_000),
    "deeply nested answers": (
        "2026-01-01T00:00:00Z",
        "en",
        "ZZ",
        "[" * 100_000 + "]" * 100_000,
        "[]",
        "",
    ),
    "deeply nested top": ("2026-01-01T00:00:00Z", "en", "ZZ", "{}", '{"a":' * 100_000, ""),
    "answers too long to read": (
        "2026-01-01T00:00:00Z",
        "en",
        "ZZ",
        '{"q": "a"' + " " * 2_000_000 + "}",  # well-formed, but longer than MAX_JSON
        "[]",
        "",
    ),
}


def test_the_largest_row_rolefinder_could_write_reads_back(kept, catalogue):
    # Every text at its longest, and made of the characters JSON writes as two.
    answers = {
        f"{n:04d}" + '"' * (row_shape.MAX_TEXT - 4): "\\" * row_shape.MAX_TEXT
        for n in range(row_shape.MAX_ANSWERS)
    }
    top = [("r" * row_shape.MAX_TEXT, 100)] * row_shape.MAX_TOP
    assert keep(catalogue, PERSONAS["graphic-designer"], answers=answers, top=top) is None
    (entry,) = history.entries()
    assert entry.answers == answers and len(entry.top) == row_shape.MAX_TOP
    assert row_shape.MAX_JSON < 2_000_000  # the row of "answers too long to read" is refused


@pytest.mark.parametrize("case", BAD_ROWS)
def test_a_row_that_does_not_check_out_is_skipped_with_a_note(kept, runner, catalogue, case):
    assert keep(catalogue, PERSONAS["graphic-designer"]) is None
    insert_raw(kept, *BAD_ROWS[case])
    assert keep(catalogue, PERSONAS["social-media-analyst"]) is None
    assert [entry.number for entry in history.entries()] == [1, 3]
    for args in (["history"], ["history", "--json"]):
        done = runner.invoke(app, args)
        assert done.exit_code == 0, done.output
        assert one_line(done.stderr) == "Saved result 2 could not be read and was skipped."
        for text in (done.stdout, done.stderr):
            assert "\x1b" not in text and "\u202e" not in text and "\u009b" not in text
            assert "Traceback" not in text
    with pytest.raises(HistoryError, match="Saved result 2 cannot be read"):
        history.find("2")
    done = runner.invoke(app, ["compare", "1", "last"])
    assert done.exit_code == 0, done.output
    done = runner.invoke(app, ["compare", "2", "last"])
    assert done.exit_code == 1
    assert one_line(done.stderr) == "Error: Saved result 2 cannot be read."
