"""The result history: every interactive quiz result, kept in a private SQLite database.

Why it stays whole (over 500 lines): opening, migrating, writing, listing and keeping a
damaged file aside are one conversation with SQLite, sharing its connection, its errors and
the damage they may reveal at any step; and this is the only module that imports ``sqlite3``
(tests/test_layers.py). What does not speak to SQLite lives beside it: places.py, rows.py.

The only module that imports ``sqlite3``, and only inside functions: commands that never touch
the history do not pay for loading it.

Where: ``ROLEFINDER_HISTORY`` names the database file; ``0``, ``off``, ``no`` or ``false`` (any
case) turn the history off; unset or empty, it is ``history.sqlite3`` in the user's data folder
(platformdirs). A folder made here is 0700 and the file 0600: a private record. Whose
place it may be in, and the checks on the way to it, are places.py's; what a row holds and how
it is read back, rows.py's.

Listing: ``each`` reads the rows a page (PAGE rows) at a time, each page a query of its own,
so a long history lists in time in step with its rows, in flat memory, and holds no lock
between pages.

The layout is versioned by ``PRAGMA user_version`` and marked as rolefinder's by ``PRAGMA
application_id``. Opening brings an older layout up to date step by step (MIGRATIONS) inside the
write transaction; a layout from a newer rolefinder, or another program's database, is left as
it is. Writes take ``BEGIN IMMEDIATE`` and wait up to BUSY_SECONDS for another writer, so two
quizzes ending at the same moment both land.

Damage: a file that starts with SQLite's header and that SQLite reports as not a database, or
malformed, is renamed aside as ``<name>.damaged-YYYYMMDD-HHMMSS`` (never deleted, never over
another kept file) with any journal beside it; a new history is started. A file that is not
SQLite at all (someone's notes, given by mistake) is no history, damaged or not: it is left
where and as it is, and refused like every other failure (no permission, a read-only or full
disk, a folder that cannot be made, a file that is not a regular file), which costs only the
recording: ``record`` returns one line to show, in the result's language. An empty file is a new
database.

References: ``parse_ref`` alone says what names a kept result ("3", "#3", "last"), for ``find``
and for the command line alike.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rolefinder import files
from rolefinder.errors import HistoryError, Phrase, Value
from rolefinder.history import places
from rolefinder.history.places import HistoryRefused
from rolefinder.history.rows import ROWS, Entry, entry_from_row
from rolefinder.version import __version__
from rolefinder.words.languages import Lang

if TYPE_CHECKING:
    import sqlite3

HISTORY_ENV = "ROLEFINDER_HISTORY"  # the database file, or one of OFF
OFF = frozenset({"0", "off", "no", "false"})
FILE_NAME = "history.sqlite3"
BUSY_SECONDS = 10  # how long a write waits for another process's write to finish
APPLICATION_ID = 0x526F6C46  # "RolF" in the database header: the file is rolefinder's

# Journal mode: SQLite's default rollback journal, not WAL. WAL lets readers go on while one
# process writes, which a history written once a quiz never needs, and it costs two more files
# beside the database at all times (-wal, -shm), shared memory that network folders (an NFS
# home) do not support, and a damaged history that is three files to keep aside instead of
# one. Writers queue on the busy timeout either way.

# Each step brings the layout from version N to N + 1, in one transaction with the rest of the
# write that found it older; user_version is the number of steps applied.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the first layout. AUTOINCREMENT: a number is never given twice, even after --forget.
    (
        f"PRAGMA application_id = {APPLICATION_ID}",
        "CREATE TABLE results ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " taken TEXT NOT NULL,"  # ISO 8601, UTC: 2026-11-24T09:30:00Z
        " lang TEXT NOT NULL,"
        " fingerprint TEXT NOT NULL,"  # codes.fingerprint of the catalogue
        " answers TEXT NOT NULL,"  # JSON: {question id: option id}
        " top TEXT NOT NULL)",  # JSON: [[role id, fit 0-100], ...] (before 2.0: chance or null)
    ),
    # 2: the result code (to show a result again without the catalogue of the day) and the
    # version of rolefinder that kept the row (to tell later migrations what wrote it). Rows of
    # layout 1 get an empty code and no version.
    (
        "ALTER TABLE results ADD COLUMN code TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE results ADD COLUMN version TEXT",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

PAGE = 256  # rows read at a time when listing
LATEST = 20  # the results `history` lists on screen unless told how many (--limit, --all)
MAX_NUMBER = 2**63 - 1  # the largest row number SQLite gives

# A reference names a kept result by its number, of at most this many digits: shorter than the
# shortest result code (13 characters: version, fingerprint, language, answers, check), so
# something as long as a code is always read as one.
MAX_REF_DIGITS = 12


# SQLite's primary result codes (the low byte of an extended one), as sqlite3 reports them.
_CORRUPT, _NOTADB = 11, 26
_SQLITE_REASONS = {
    3: "why_cannot_write",  # SQLITE_PERM
    8: "why_cannot_write",  # SQLITE_READONLY
    14: "why_cannot_write",  # SQLITE_CANTOPEN: often a folder the journal cannot be made in
    23: "why_cannot_write",  # SQLITE_AUTH
    5: "why_busy",  # SQLITE_BUSY
    6: "why_busy",  # SQLITE_LOCKED
    13: "why_full",  # SQLITE_FULL
}
_OS_REASONS = {
    errno.EACCES: "why_denied",
    errno.EPERM: "why_denied",
    errno.EROFS: "why_read_only",
    errno.ENOSPC: "why_full",
    getattr(errno, "EDQUOT", errno.ENOSPC): "why_full",
    errno.EISDIR: "why_not_file",
    errno.ENOTDIR: "why_no_folder",
    errno.EEXIST: "why_no_folder",  # a file where the folder should be
    errno.ENOENT: "why_no_folder",  # a folder that cannot be made (under /proc, say)
}


class _Damaged(Exception):
    """SQLite found the file is not a database, or a malformed one."""

    def __init__(self, identity: tuple[int, int]) -> None:
        super().__init__("damaged")
        self.identity = identity  # (device, inode) of the file found damaged


def location() -> Path | None:
    """The database file (``ROLEFINDER_HISTORY``, else the data folder's), or None when off."""
    setting = os.environ.get(HISTORY_ENV, "")
    if setting.strip().lower() in OFF:
        return None
    if setting:
        return Path(setting).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("rolefinder")) / FILE_NAME


def off_setting() -> str:
    """What ``ROLEFINDER_HISTORY`` says when it turns the history off (for messages)."""
    return os.environ.get(HISTORY_ENV, "")


def record(
    *,
    lang: Lang,
    fingerprint: str,
    answers: Mapping[str, str],
    top: Sequence[tuple[str, int]],
    code: str,
    taken: str | None = None,
) -> str | None:
    """Keep one result: ``top`` is the roles it lists (at most three) with their fits, 0-100.
    None when it was kept quietly (or the history is off); otherwise one line in ``lang`` to
    show: why it was not kept, or that a damaged history was kept aside and a new one started
    with this result. Never raises for a database or disk problem."""
    import sqlite3

    path = location()
    if path is None:
        return None
    row = (
        taken or time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        lang,
        fingerprint,
        json.dumps(dict(answers), ensure_ascii=False, allow_nan=False),
        json.dumps([[role, fit] for role, fit in top], allow_nan=False),
        code,
        __version__,
    )
    try:
        try:
            _insert(path, row)
        except _Damaged as damaged:
            kept = _keep_aside(path, damaged.identity)
            _insert(path, row)
            return Phrase("history_damaged_kept", {"path": str(path), "kept": str(kept)}).text(lang)
    except _Damaged:  # damaged again at once: not a history this process can mend
        return _not_kept(path, Phrase("why_damaged"), lang)
    except HistoryRefused as refused:
        return _not_kept(path, refused.why, lang)
    except (sqlite3.Error, OSError, ValueError) as error:
        return _not_kept(path, _why(error), lang)
    return None


def each(
    limit: int | None = None, skipped: Callable[[int], object] | None = None
) -> Iterator[Entry]:
    """The kept results that read back well, oldest first, as they are read: all of them, or
    those among the latest ``limit`` rows; none when the history is off or not made yet. The
    number of each row that does not read back well is given to ``skipped``.

    The rows are read PAGE at a time, each page a query of its own that starts where the last
    one ended (by number, so each is found in the table's index): time grows with the rows
    read, memory does not, and no lock is held between pages, so a quiz ending meanwhile is
    kept, however slowly the list is read.

    Raises HistoryError when the history cannot be read; a damaged one is kept aside first.
    """
    path = location()
    if path is None:
        return
    with _reading(path) as connection:
        if connection is None:
            return
        start = 0
        if limit is not None and limit <= MAX_NUMBER:
            row = connection.execute(
                "SELECT id FROM results ORDER BY id DESC LIMIT 1 OFFSET ?", (limit - 1,)
            ).fetchone()
            start = row[0] if row else 0
        while True:
            page = connection.execute(ROWS + " WHERE id >= ? ORDER BY id LIMIT ?", (start, PAGE))
            rows = page.fetchall()  # the whole page: the statement ends, and its read lock
            for row in rows:
                entry = entry_from_row(row)
                if entry is not None:
                    yield entry
                elif skipped is not None:
                    skipped(row[0])
            if len(rows) < PAGE:
                return
            start = rows[-1][0] + 1


def entries(skipped: list[int] | None = None) -> list[Entry]:
    """Every kept result that reads back well, oldest first, in a list (see ``each``, which
    reads them one by one); the numbers of those that do not are added to ``skipped``."""
    return list(each(skipped=None if skipped is None else skipped.append))


def parse_ref(text: str) -> int | Literal["last"] | None:
    """What ``text`` names in the history: a number ("3", "#3", up to MAX_REF_DIGITS ASCII
    digits), "last" ("last", "#last", any case), or None when it names no kept result (a
    result code among those). Spaces around it do not count."""
    wanted = text.strip().removeprefix("#")
    if wanted.lower() == "last":
        return "last"
    if wanted.isascii() and wanted.isdigit() and len(wanted) <= MAX_REF_DIGITS:
        return int(wanted)
    return None


def find(ref: str) -> Entry:
    """The kept result ``ref`` names (see ``parse_ref``).

    Raises HistoryError when there is no such result, ``ref`` is not a reference, the history
    is off, or it cannot be read.
    """
    if location() is None:
        raise HistoryError("history_off", env=HISTORY_ENV, value=off_setting())
    wanted = parse_ref(ref)
    if wanted is None:
        raise HistoryError("history_bad_ref", ref=ref)
    path = location()
    assert path is not None  # on, as checked above
    with _reading(path) as connection:
        if wanted == "last":  # the newest that reads back well, looked for from the end
            rows = connection.execute(ROWS + " ORDER BY id DESC") if connection else ()
            found = next((e for e in map(entry_from_row, rows) if e is not None), None)
            if found is None:
                raise HistoryError("history_none_to_open")
            return found
        row = (
            connection.execute(ROWS + " WHERE id = ?", (wanted,)).fetchone() if connection else None
        )
    if row is None:
        raise HistoryError("history_no_entry", ref=ref)
    entry = entry_from_row(row)
    if entry is None:
        raise HistoryError("history_entry_unreadable", number=wanted)
    return entry


def count() -> int:
    """How many results are kept (those that read back well or not); 0 when off or not made.

    Raises HistoryError as ``entries`` does.
    """
    path = location()
    if path is None:
        return 0
    with _reading(path) as connection:
        return 0 if connection is None else int(_one(connection, "SELECT count(*) FROM results"))


def forget() -> int:
    """Delete every kept result; return how many there were. Deleted rows are overwritten
    (``secure_delete``), not just unlinked from the table.

    Raises HistoryError as ``entries`` does; a damaged history is kept aside, not deleted.
    """
    import sqlite3

    path = location()
    if path is None:
        return 0
    try:
        with _connected(path, create=False) as connection:
            if connection is None:
                return 0
            connection.execute("PRAGMA secure_delete = ON")
            with _writing(connection):
                return connection.execute("DELETE FROM results").rowcount
    except _Damaged as damaged:
        raise _damaged_error(path, damaged) from None
    except HistoryRefused as refused:
        raise HistoryError("history_unreadable", path=str(path), why=refused.why) from None
    except (sqlite3.Error, OSError, ValueError) as error:
        raise HistoryError("history_unreadable", path=str(path), why=_why(error)) from None


# --- Opening, writing, reading ------------------------------------------------------------


@contextlib.contextmanager
def _connected(path: Path, create: bool) -> Iterator[sqlite3.Connection | None]:
    """A connection to the database at ``path`` (None if there is none and ``create`` is
    false), with the layout brought up to date. SQLite's "not a database" and "malformed"
    become _Damaged, wherever they happen inside the block."""
    import sqlite3

    with places.trusted_folder(path, create) as place:
        if place is None:
            yield None  # nothing kept there (yet)
            return
        folder, handle = place
        real = folder / path.name  # every link above the folder resolved: SQLite follows none
        try:
            status = places.opened_file(real, create, handle)
        except (FileNotFoundError, NotADirectoryError):
            if create:
                raise
            yield None
            return
    identity = (status.st_dev, status.st_ino)
    # A URI, so that reading never makes a file: mode=rw opens an existing one (read-only when
    # it cannot be written); the file was made above, 0600, if it was missing. No detect_types:
    # no converter runs on what is read.
    uri = f"{real.as_uri()}?mode=rw"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, isolation_level=None)
    except sqlite3.DatabaseError as error:
        if _is_damage(error):
            raise _Damaged(identity) from None
        raise
    try:
        # SQLite opens by name and follows links: the file it opened must be the one checked,
        # before it reads a byte (a swap needs a folder only its owner can write, but still).
        if places.identity_of(real) != identity:
            raise HistoryRefused(Phrase("why_swapped"))
        connection.execute("PRAGMA trusted_schema = OFF")  # the file's schema runs no functions
        _bring_up_to_date(connection)
        yield connection
    except sqlite3.DatabaseError as error:
        if _is_damage(error):
            raise _Damaged(identity) from None
        raise
    finally:
        connection.close()


@contextlib.contextmanager
def _writing(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once (BEGIN IMMEDIATE: another writer is waited for,
    never deadlocked with), the layout brought up to date inside it; rolled back on error."""
    import sqlite3

    connection.execute("BEGIN IMMEDIATE")
    committed = False
    try:
        version = _one(connection, "PRAGMA user_version")  # again: another may have migrated
        _check_layout(connection, version)
        for step in MIGRATIONS[version:]:
            for statement in step:
                connection.execute(statement)
            version += 1
            connection.execute(f"PRAGMA user_version = {version}")
        yield
        connection.execute("COMMIT")
        committed = True
    finally:
        if not committed:  # any error, Ctrl-C included: nothing half-done stays
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")


def _bring_up_to_date(connection: sqlite3.Connection) -> None:
    """Migrate an older layout (in a write transaction of its own); refuse one not ours."""
    import sqlite3

    connection.execute("BEGIN")  # one snapshot: another process may be migrating meanwhile
    try:
        version = _one(connection, "PRAGMA user_version")
        _check_layout(connection, version)
    finally:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("COMMIT")  # nothing was written: this only ends the snapshot
    if version < SCHEMA_VERSION:
        with _writing(connection):
            pass


def _check_layout(connection: sqlite3.Connection, version: int) -> None:
    """Refuse a layout from a newer rolefinder, and another program's database."""
    if version > SCHEMA_VERSION:
        raise HistoryRefused(Phrase("why_newer", {"found": version, "ours": SCHEMA_VERSION}))
    application = _one(connection, "PRAGMA application_id")
    empty = version == 0 and not _one(connection, "SELECT count(*) FROM sqlite_master")
    if application != APPLICATION_ID and not empty:
        raise HistoryRefused(Phrase("why_not_ours"))


def _insert(path: Path, row: tuple[str, ...]) -> None:
    with _connected(path, create=True) as connection:
        assert connection is not None  # made when missing
        with _writing(connection):
            connection.execute(
                "INSERT INTO results (taken, lang, fingerprint, answers, top, code, version)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A connection for reading, with every failure a HistoryError (a damaged history kept
    aside first)."""
    import sqlite3

    try:
        with _connected(path, create=False) as connection:
            yield connection
    except _Damaged as damaged:
        raise _damaged_error(path, damaged) from None
    except HistoryRefused as refused:
        raise HistoryError("history_unreadable", path=str(path), why=refused.why) from None
    except (sqlite3.Error, OSError, ValueError) as error:
        raise HistoryError("history_unreadable", path=str(path), why=_why(error)) from None


def _one(connection: sqlite3.Connection, query: str) -> int:
    value = connection.execute(query).fetchone()[0]
    return value if isinstance(value, int) else 0


# --- Damage -------------------------------------------------------------------------------


def _is_damage(error: Exception) -> bool:
    """Whether SQLite says the file is not a database, or a malformed one (not: locked,
    read-only, cannot be opened, which say nothing about the file's bytes)."""
    import sqlite3

    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in (_CORRUPT, _NOTADB)
    return type(error) is sqlite3.DatabaseError  # what sqlite3 raises for those two codes


def _keep_aside(path: Path, identity: tuple[int, int]) -> Path:
    """Rename the damaged file (and any journal beside it) to ``<name>.damaged-<local time>``,
    never over another kept file; return the new name.

    If another process has kept it aside already, the file at ``path`` is not the one found
    damaged (or is gone): it is left alone, and the latest kept file is named. If it is the one,
    but no longer starts as SQLite's files do (written over meanwhile), it is refused
    (HistoryRefused) and left where it is.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for attempt in range(1, 1000):
        aside = path.with_name(f"{path.name}.damaged-{stamp}" + (f"-{attempt}" * (attempt > 1)))
        status = places.status_if_sqlite(path, identity)
        if status is None or (status.st_dev, status.st_ino) != identity:
            kept = [
                name
                for name in path.parent.glob(f"{glob.escape(path.name)}.damaged-*")
                if re.fullmatch(r"\d{8}-\d{6}(-\d+)?", name.name.rpartition(".damaged-")[2])
            ]
            return max(kept, key=_kept_order) if kept else aside
        try:
            files.rename_new(path, aside)  # never over an earlier kept file
        except FileExistsError:
            continue
        # What SQLite left beside it (it deletes a journal it finds empty or plays one back
        # before it reads the file) goes along: no journal may meet the new history.
        for companion in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                files.rename_new(Path(f"{path}{companion}"), Path(f"{aside}{companion}"))
        return aside
    raise OSError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))


def _kept_order(name: Path) -> tuple[str, int]:
    """Kept files in the order they were kept: by time, then by their -2, -3 suffix."""
    day, moment, *attempt = name.name.rpartition(".damaged-")[2].split("-")
    return f"{day}{moment}", int(attempt[0]) if attempt else 1


def _damaged_error(path: Path, damaged: _Damaged) -> HistoryError:
    """The error that says a damaged history was kept aside (or why it could not be)."""
    try:
        kept = _keep_aside(path, damaged.identity)
    except HistoryRefused as refused:
        return HistoryError("history_unreadable", path=str(path), why=refused.why)
    except OSError as error:
        return HistoryError("history_unreadable", path=str(path), why=_why(error))
    return HistoryError("history_damaged", path=str(path), kept=str(kept))


# --- Messages -----------------------------------------------------------------------------


def _not_kept(path: Path, why: Phrase, lang: Lang) -> str:
    return Phrase("history_not_kept", {"path": str(path), "why": why}).text(lang)


def _why(error: Exception) -> Phrase:
    """Why a database or file operation failed, in words that can be told in any language."""
    if isinstance(error, OSError):
        key = _OS_REASONS.get(error.errno or 0)
        reason = error.strerror or str(error)
    else:
        code = getattr(error, "sqlite_errorcode", None)
        key = None if code is None else _SQLITE_REASONS.get(code & 0xFF)
        reason = str(error)
    values: dict[str, Value] = {"seconds": BUSY_SECONDS} if key == "why_busy" else {}
    return Phrase(key, values) if key else Phrase("why_other", {"reason": reason})
