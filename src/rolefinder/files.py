"""Writing a file all or nothing: the one place rolefinder puts a file in place (--save, the cache),
or moves one aside (a damaged history).

Readers see the old file or the whole new one. Errors are the system's OSError (FileExistsError
when the name is taken); each caller words them its own way.

The cache writes here through a path (its folder joined with the entry's name) once it has
checked that folder on a descriptor, as tempfile has no descriptor form: what it writes is
harmless wherever it lands, and what it reads is still opened relative to the descriptor and
checked on its own (see cache.py).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


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
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rolefinder-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            os.chmod(temporary, _mode_for(path) if mode is None else mode)
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
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
