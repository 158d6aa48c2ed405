"""Writing a result file safely: all or nothing, never over a file unless asked, never a traceback.

Every way a write can fail (no folder, no permission, a read-only or full disk, a name too long,
a link where the file should be) is a SaveError with a one-line message. What can be known before
the quiz is checked then (check_target), so that a bad path never costs a whole quiz.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from rolefinder.cards import CARDS
from rolefinder.errors import SaveError, SaveFormatError

FORMATS = tuple(CARDS)  # the extensions a card can be written for
NAME_MAX = 255  # bytes in one file name, where the system does not say

# The system's reasons, in the user's language where they are common.
_REASONS = {
    errno.EROFS: "save_read_only",
    errno.ENOSPC: "save_full",
    getattr(errno, "EDQUOT", errno.ENOSPC): "save_full",
    errno.ENAMETOOLONG: "save_name_too_long",
    errno.EACCES: "save_denied",
    errno.EPERM: "save_denied",
}


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def check_target(path: Path, force: bool) -> str:
    """Check ``path`` before any work is done; return its format (the extension)."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise SaveFormatError("save_format", path=str(path), formats=", ".join(FORMATS))
    folder = path.parent
    try:
        is_folder = stat.S_ISDIR(os.stat(folder).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        is_folder = False
    except OSError as error:  # an unsearchable parent, say
        raise _failed(path, error) from None
    if not is_folder:
        raise SaveError("save_no_folder", path=str(path), folder=str(folder))
    if len(os.fsencode(path.name)) > _name_max(folder):
        raise _failed(path, OSError(errno.ENAMETOOLONG, ""))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _failed(path, OSError(errno.EROFS if _read_only(folder) else errno.EACCES, ""))
    try:
        status = os.lstat(path)  # the name itself: a link, even a dangling one, counts
    except FileNotFoundError:
        return suffix
    except OSError as error:
        raise _failed(path, error) from None
    if stat.S_ISDIR(status.st_mode):
        raise SaveError("save_is_folder", path=str(path))
    if not force:
        raise SaveError("save_exists", path=str(path))
    return suffix


def write_atomically(path: Path, text: str, force: bool) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one.

    A temporary file in the same folder is written, flushed and synced, then renamed over
    ``path`` (only where nothing is there yet, unless ``force``; a replaced file keeps its
    permissions). Nothing is left behind on any error.
    """
    check_target(path, force)
    temporary = None
    try:
        # A short name of its own: the file's name plus a suffix could pass the 255-byte limit.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rolefinder-", suffix=".tmp")
        os.chmod(temporary, _mode_for(path))
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if force:
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)  # fails if the file appeared meanwhile: no clobbering
            except FileExistsError:
                raise SaveError("save_exists", path=str(path)) from None
            except OSError:  # a filesystem without hard links
                if os.path.lexists(path):
                    raise SaveError("save_exists", path=str(path)) from None
                os.replace(temporary, path)
    except OSError as error:
        raise _failed(path, error) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _mode_for(path: Path) -> int:
    """A replaced file's own permissions; a new file's as the umask says (not mkstemp's 0600)."""
    with contextlib.suppress(OSError):
        status = os.lstat(path)
        if stat.S_ISREG(status.st_mode):
            return stat.S_IMODE(status.st_mode)
    return 0o666 & ~_umask()


def _read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # not known here (or not on this system)
        return NAME_MAX


def _failed(path: Path, error: OSError) -> SaveError:
    """The SaveError for an OSError: the common reasons in words, others as the system says."""
    key = _REASONS.get(error.errno or 0)
    if key is not None:
        return SaveError(key, path=str(path))
    return SaveError("save_failed", path=str(path), reason=error.strerror or str(error))
