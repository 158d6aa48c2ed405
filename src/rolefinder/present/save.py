"""Writing a result file safely: all or nothing, never over a file unless asked, never a traceback.

Every way a write can fail (no folder, no permission, a read-only or full disk, a name too long,
a link where the file should be) is a SaveError with a one-line message. What can be known before
the quiz is checked then (check_target), so that a bad path never costs a whole quiz.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from rolefinder import files
from rolefinder.errors import SaveError, SaveFormatError
from rolefinder.present.cards import CARDS

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
        raise failed_save(path, error) from None
    if not is_folder:
        raise SaveError("save_no_folder", path=str(path), folder=str(folder))
    if len(os.fsencode(path.name)) > _name_max(folder):
        raise failed_save(path, OSError(errno.ENAMETOOLONG, ""))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise failed_save(path, OSError(errno.EROFS if _read_only(folder) else errno.EACCES, ""))
    try:
        status = os.lstat(path)  # the name itself: a link, even a dangling one, counts
    except FileNotFoundError:
        return suffix
    except OSError as error:
        raise failed_save(path, error) from None
    if stat.S_ISDIR(status.st_mode):
        raise SaveError("save_is_folder", path=str(path))
    if not force:
        raise SaveError("save_exists", path=str(path))
    return suffix


def save_result(path: Path, text: str, force: bool) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one.

    Never over an existing file unless ``force`` (a replaced file keeps its permissions); nothing
    is left behind on any error. See files.write_atomically.
    """
    check_target(path, force)
    try:
        files.write_atomically(path, text.encode("utf-8"), replace=force)
    except FileExistsError:  # it appeared since it was checked
        raise SaveError("save_exists", path=str(path)) from None
    except OSError as error:
        raise failed_save(path, error) from None


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


def failed_save(path: Path, error: OSError) -> SaveError:
    """The SaveError for an OSError: the common reasons in words, others as the system says."""
    key = _REASONS.get(error.errno or 0)
    if key is not None:
        return SaveError(key, path=str(path))
    return SaveError("save_failed", path=str(path), reason=error.strerror or str(error))
