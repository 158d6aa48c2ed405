"""Whose place the history is in: the checks that keep it private, apart from the store.

The path is walked from the root before anything there is made, read or written (see
trusted_folder). Every folder on the way must be root's or this user's and writable by nobody
else (or sticky, as /tmp is), every link on the way root's or this user's; the history's own
folder and file must be this user's, writable by nobody else, and no link. Anything else (a
neighbour's folder under a predictable XDG_DATA_HOME in /tmp, a world-writable file, a link) is
refused (HistoryRefused), naming the place and what is wrong. The file is opened in the checked
folder without following a link, and SQLite, which opens by name, is given the path with every
link resolved; the file it opened must be the one checked (``identity``). A file that is not
SQLite's at all is refused too (``check_sqlite``): it is nobody's history, damaged or not.

These checks change with the threats to a private file (links, other users, odd file types),
the store with SQLite and the rows it keeps: store.py calls them, and they know nothing of
SQLite but its files' first bytes. No sqlite3 here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from rolefinder.errors import Phrase

SQLITE_HEADER = b"SQLite format 3\x00"  # how every SQLite database file starts

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_LINK_ERRORS = (errno.ELOOP, getattr(errno, "EMLINK", errno.ELOOP))  # O_NOFOLLOW met a link
MAX_LINKS = 40  # links followed above the history's folder, as many as Linux follows in a path


class HistoryRefused(Exception):
    """The database cannot be used, for a reason told as a Phrase; nothing was changed."""

    def __init__(self, why: Phrase) -> None:
        super().__init__(why.key)
        self.why = why


@contextlib.contextmanager
def trusted_folder(path: Path, create: bool) -> Iterator[tuple[Path, int | None] | None]:
    """The history's folder with every link above it resolved, once it is known that nobody
    but this user (and root) can change anything on the way to it: each folder passed through
    belongs to root or this user and is writable by nobody else (or sticky, as /tmp is), each
    link above it too belongs to one of them, and the folder itself is this user's, writable by
    nobody else, and no link. Missing folders are made 0700 when ``create``; otherwise None
    when one is missing (nothing is kept yet). HistoryRefused names the place at fault. With the
    folder comes a descriptor of it, to open the file in the very folder checked.

    Where there are no owners to compare (Windows), the folder is only made."""
    absolute = Path(os.path.abspath(path)).parent
    if not hasattr(os, "getuid") or os.open not in os.supports_dir_fd:  # pragma: no cover
        if create:
            absolute.mkdir(mode=0o700, parents=True, exist_ok=True)
        yield (absolute, None) if absolute.is_dir() else None
        return
    here = _walk(absolute.parent, create)
    if here is None:
        yield None
        return
    folder = here / absolute.name
    if create:
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, 0o700)
    try:
        handle = os.open(folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC)
    except FileNotFoundError:
        yield None
        return
    except OSError as error:
        if error.errno in _LINK_ERRORS or os.path.islink(folder):
            raise HistoryRefused(Phrase("why_link", {"place": str(folder)})) from None
        raise
    try:
        status = os.fstat(handle)
        if not stat.S_ISDIR(status.st_mode):
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
        _check_private(folder, status)
        yield folder, handle
    finally:
        os.close(handle)


def _walk(folder: Path, create: bool) -> Path | None:
    """``folder`` (absolute) resolved from the root down, each folder passed through and each
    link met checked (see trusted_folder) before anything in it is looked at or made; None
    when a part is missing and not ``create``."""
    uid = os.getuid()
    here = Path(folder.anchor)
    _check_passage(here, os.lstat(here), uid)
    pending = list(reversed(folder.parts[1:]))  # the names still to go, the next one last
    links = 0
    while pending:
        name = pending.pop()
        if name == "..":
            here = here.parent
            continue
        place = here / name
        try:
            status = os.lstat(place)
        except FileNotFoundError:
            if not create:
                return None
            with contextlib.suppress(FileExistsError):
                os.mkdir(place, 0o700)
            status = os.lstat(place)
        if stat.S_ISLNK(status.st_mode):
            _check_owner(place, status, uid)
            links += 1
            if links > MAX_LINKS:
                raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(place))
            target = Path(os.readlink(place))
            if target.is_absolute():
                here = Path(target.anchor)
            pending.extend(reversed([part for part in target.parts if part not in ("/", ".")]))
            continue
        if not stat.S_ISDIR(status.st_mode):
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(place))
        _check_passage(place, status, uid)
        here = place
    return here


def _check_owner(place: Path, status: os.stat_result, uid: int) -> None:
    if status.st_uid not in (0, uid):
        raise HistoryRefused(Phrase("why_owner", {"place": str(place), "owner": status.st_uid}))


def _check_passage(place: Path, status: os.stat_result, uid: int) -> None:
    """A folder on the way: root's or this user's, and nobody else can rename what is in it
    (not writable by others, or sticky: then only an entry's owner can)."""
    _check_owner(place, status, uid)
    if status.st_mode & 0o022 and not status.st_mode & stat.S_ISVTX:
        raise HistoryRefused(Phrase("why_others_write", {"place": str(place)}))


def _check_private(place: Path, status: os.stat_result) -> None:
    """The history's own folder or file: this user's, and nobody else can write it."""
    if status.st_uid != os.getuid():
        raise HistoryRefused(Phrase("why_owner", {"place": str(place), "owner": status.st_uid}))
    if status.st_mode & 0o022:
        raise HistoryRefused(Phrase("why_others_write", {"place": str(place)}))


def opened_file(path: Path, create: bool, folder: int | None) -> os.stat_result:
    """Open the history file in the folder ``folder`` is a descriptor of (if any) without
    following a link (made 0600 when missing and ``create``) and without waiting (a FIFO would
    make SQLite wait forever), and check it: a regular file, private (see _check_private),
    empty or SQLite's. Its status; HistoryRefused otherwise."""
    flags = (os.O_RDWR | os.O_CREAT if create else os.O_RDONLY) | _NOFOLLOW | _NONBLOCK | _CLOEXEC
    try:
        if folder is None:  # pragma: no cover - Windows
            handle = os.open(path, flags, 0o600)
        else:
            handle = os.open(path.name, flags, 0o600, dir_fd=folder)
    except OSError as error:
        if error.errno in _LINK_ERRORS or os.path.islink(path):
            raise HistoryRefused(Phrase("why_link", {"place": str(path)})) from None
        raise
    try:
        if hasattr(os, "getuid") and stat.S_ISREG(os.fstat(handle).st_mode):
            _check_private(path, os.fstat(handle))
        return check_sqlite(handle)
    finally:
        os.close(handle)


def identity_of(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the regular file at ``path`` itself (a link is not followed)."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISREG(status.st_mode) else None


def check_sqlite(handle: int) -> os.stat_result:
    """The open file's status, if it is a regular file that is empty or starts as every SQLite
    database does; HistoryRefused otherwise: anything else is not a history, damaged or not, and is
    left as it is (nothing may be renamed aside that SQLite did not write)."""
    status = os.fstat(handle)
    if not stat.S_ISREG(status.st_mode):
        raise HistoryRefused(Phrase("why_not_file"))
    # Just opened, so read from the start (os.pread is not on Windows).
    if status.st_size and os.read(handle, len(SQLITE_HEADER)) != SQLITE_HEADER:
        raise HistoryRefused(Phrase("why_not_sqlite"))
    return status


def status_if_sqlite(path: Path, identity: tuple[int, int]) -> os.stat_result | None:
    """The status of the file at ``path`` (None when there is none); HistoryRefused when it is the
    file ``identity`` names but no SQLite file (see check_sqlite)."""
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except FileNotFoundError:
        return None
    try:
        status = os.fstat(handle)
        if (status.st_dev, status.st_ino) == identity:
            check_sqlite(handle)
        return status
    finally:
        os.close(handle)
