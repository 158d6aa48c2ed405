"""Writing a file all or nothing: the one place rolefinder puts a file in place (--save, the cache,
a class's set of files), or moves one aside (a damaged history).

Readers see the old file or the whole new one. Errors are the system's OSError (FileExistsError
when the name is taken); each caller words them its own way. A temporary file is readable by
its owner alone while it is written (a class's results hold names and e-mails); it gets the
file's own permissions only when it is whole.

A set of files (FileSet) is written to temporaries first and put in place only when
every one is whole: all of them, or none. SIGINT, SIGTERM and SIGHUP end a command cleanly
(stop_on_signals): they wait while files are being moved or removed (held), so that a signal
never leaves half a set in place or a temporary behind.

The cache writes here through a path (its folder joined with the entry's name) once it has
checked that folder on a descriptor, as tempfile has no descriptor form: what it writes is
harmless wherever it lands, and what it reads is still opened relative to the descriptor and
checked on its own (see catalogue/cache.py).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any, BinaryIO

from rolefinder.errors import Stopped

PREFIX, SUFFIX = ".rolefinder-", ".tmp"  # every temporary file's name: .rolefinder-*.tmp
STALE_SECONDS = 3600  # a temporary file this old belongs to a process that is gone


def write_atomically(path: Path, data: bytes, *, replace: bool, mode: int | None = None) -> None:
    """Write ``data`` to ``path``: a temporary file beside it, flushed and synced, then moved.

    Without ``replace`` an existing name (even a dangling link) is never overwritten: the file
    is hard-linked into place, which fails if the name was taken meanwhile (FileExistsError).
    ``mode`` is the file's permissions; by default a replaced file keeps its own and a new one
    gets what the umask allows. Nothing is left behind on any error.
    """
    with open_atomically(path, replace=replace, mode=mode) as stream:
        stream.write(data)


@contextlib.contextmanager
def open_atomically(path: Path, *, replace: bool, mode: int | None = None) -> Iterator[BinaryIO]:
    """A binary stream that becomes ``path`` when the block ends without an error, as
    write_atomically: for files written a piece at a time. On an error inside the block the
    temporary file is removed and ``path`` is left as it was."""
    # A short name of its own: the file's name plus a suffix could pass the 255-byte limit.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=PREFIX, suffix=SUFFIX)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp's 0600 until now: nobody else reads a file while it is written
        os.chmod(temporary, _mode_for(path) if mode is None else mode)
        if replace:
            os.replace(temporary, path)
            return
        try:
            os.link(temporary, path)  # fails if the file appeared meanwhile: no clobbering
        except FileExistsError:
            raise
        except OSError:  # a filesystem without hard links
            if os.path.lexists(path):
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
            os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _mode_for(path: Path) -> int:
    """A replaced file's own permissions; a new file's as the umask says (not mkstemp's 0600)."""
    with contextlib.suppress(OSError):
        status = os.lstat(path)
        if stat.S_ISREG(status.st_mode):
            return stat.S_IMODE(status.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def rename_new(source: Path, target: Path) -> None:
    """Give ``source`` the name ``target``, never over an existing name (FileExistsError).

    A hard link then an unlink, so the name cannot be taken between a check and the move; on
    a filesystem without hard links, a rename after checking that the name is free.
    """
    try:
        os.link(source, target)
    except (FileExistsError, FileNotFoundError):
        raise
    except OSError:  # a filesystem without hard links
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.rename(source, target)
        return
    os.unlink(source)


# --- A set of files, all or none ---------------------------------------------------------------


class FileSet:
    """Files written into one folder and put in place together: all of them, or none.

    ``open`` gives a stream to a temporary file of the folder (mode 0600 while it is written),
    kept, flushed and synced, when its block ends without an error. ``commit`` moves every kept
    file to its name: a file already there is first moved aside, and if any move fails, the
    moves made are undone and the error raised, so that the folder is as it was. ``discard``
    removes every temporary file left (after a commit there is none): call it in a
    ``finally``.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.kept: dict[str, str] = {}  # a file's name -> its temporary, whole and synced
        self.temporaries: set[str] = set()  # every temporary file made and still there
        self.committed = False

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        """A stream that becomes ``name`` at the commit (a later one of the same name wins)."""
        temporary, handle = self._temporary()
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        with held():
            earlier = self.kept.get(name)
            self.kept[name] = temporary
        if earlier is not None:
            self._remove(earlier)

    def write(self, name: str, data: bytes) -> None:
        """``data`` as the file ``name``, at the commit."""
        with self.open(name) as stream:
            stream.write(data)

    def commit(self) -> None:
        """Every kept file to its name, each with the permissions of the file it replaces (a
        new one: as the umask says); on any error, the folder as it was."""
        targets = {name: self.folder / name for name in self.kept}
        with held():
            for name, temporary in self.kept.items():
                os.chmod(temporary, _mode_for(targets[name]))
            # The names to move the old files to, taken before anything moves: a full disk
            # stops here, with nothing changed.
            aside = {
                name: self._reserved()
                for name, target in targets.items()
                if os.path.lexists(target)
            }
            moved: list[str] = []  # names whose new file is in place
            try:
                for name, temporary in self.kept.items():
                    if name in aside:
                        os.replace(targets[name], aside[name])
                    moved.append(name)
                    os.replace(temporary, targets[name])
                    self.temporaries.discard(temporary)
            except BaseException:
                self._undo(moved, targets, aside)
                raise
            self.committed = True
            for old in aside.values():
                self._remove(old)

    def remove_stale(self) -> None:
        """Remove the temporary files a killed process left in the folder (SIGKILL, the OOM
        killer, a power cut): yours, regular files, over STALE_SECONDS old, so that one still
        being written by another run is never touched."""
        now, user = time.time(), getattr(os, "getuid", lambda: None)()
        with contextlib.suppress(OSError), os.scandir(self.folder) as entries:
            for entry in entries:
                if not (entry.name.startswith(PREFIX) and entry.name.endswith(SUFFIX)):
                    continue
                with contextlib.suppress(OSError):
                    status = entry.stat(follow_symlinks=False)
                    mine = user is None or status.st_uid == user  # Windows: no owners
                    old = now - status.st_mtime > STALE_SECONDS
                    if stat.S_ISREG(status.st_mode) and mine and old:
                        os.unlink(entry.path)

    def discard(self) -> None:
        """Remove every temporary file still there."""
        with held():
            for temporary in list(self.temporaries):
                self._remove(temporary)
            self.kept.clear()

    def _temporary(self) -> tuple[str, int]:
        """A new temporary file of the folder, and its open descriptor."""
        with held():  # a signal between the two lines would leave the file unknown
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=PREFIX, suffix=SUFFIX)
            self.temporaries.add(temporary)
        return temporary, handle

    def _reserved(self) -> str:
        """A name of the folder that nothing else can take (an empty temporary file)."""
        temporary, handle = self._temporary()
        os.close(handle)
        return temporary

    def _undo(self, moved: list[str], targets: dict[str, Path], aside: dict[str, str]) -> None:
        """Put back the old file of each name in ``moved``, over the new one if it got there;
        a name that had no file loses the new one."""
        for name in reversed(moved):
            with contextlib.suppress(OSError):
                if name in aside:
                    os.replace(aside[name], targets[name])
                elif not os.path.lexists(self.kept[name]):  # the new file got to its name
                    os.unlink(targets[name])

    def _remove(self, temporary: str) -> None:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        self.temporaries.discard(temporary)


# --- Signals ---------------------------------------------------------------------------------
#
# Python raises KeyboardInterrupt for SIGINT wherever the program is, so every `finally` runs;
# SIGTERM (kill, a system shutting down) and SIGHUP (a closed terminal) kill the process on the
# spot, leaving temporary files, a helper process and a hidden cursor. stop_on_signals makes
# the three alike, and held keeps them waiting while files are moved or removed.


class _Signals:
    """The state the handlers share: how deep in held blocks, and a signal held back."""

    depth = 0
    pending: int | None = None
    stopping = False  # one signal ends the command: those after it are ignored
    handled: tuple[int, ...] = tuple(
        getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
    )


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """While the block runs, SIGINT raises KeyboardInterrupt and SIGTERM or SIGHUP raise
    errors.Stopped, wherever the program is but inside ``held``, where they wait for its end.
    Only the first counts: the cleanup it starts is not cut short by another. The previous
    handlers come back at the end (nothing changes outside the main thread, where Python
    handles no signal)."""
    previous: dict[int, Any] = {}
    try:
        for signum in _Signals.handled:
            previous[signum] = signal.signal(signum, _stop)
    except ValueError:  # not the main thread
        pass
    _Signals.stopping, _Signals.pending = False, None
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _Signals.stopping, _Signals.pending = False, None


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Signals wait for the end of the block (see stop_on_signals), then stop the command."""
    _Signals.depth += 1
    try:
        yield
    finally:
        _Signals.depth -= 1
        if _Signals.depth == 0 and _Signals.pending is not None:
            signum, _Signals.pending = _Signals.pending, None
            _raise(signum)


def _stop(signum: int, frame: FrameType | None) -> None:
    if _Signals.stopping:
        return
    _Signals.stopping = True
    if _Signals.depth:
        _Signals.pending = signum
        return
    _raise(signum)


def _raise(signum: int) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Stopped(signum)
