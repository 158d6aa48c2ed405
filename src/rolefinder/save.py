"""Writing a result file safely: all or nothing, and never over a file unless asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from rolefinder.cards import CARDS
from rolefinder.errors import SaveError, SaveFormatError

FORMATS = tuple(CARDS)  # the extensions a card can be written for


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def check_target(path: Path, force: bool) -> str:
    """Check ``path`` before any work is done; return its format (the extension)."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise SaveFormatError("save_format", path=str(path), formats=", ".join(FORMATS))
    if not path.parent.is_dir():
        raise SaveError("save_no_folder", path=str(path), folder=str(path.parent))
    if path.is_dir():
        raise SaveError("save_is_folder", path=str(path))
    if path.exists() and not force:
        raise SaveError("save_exists", path=str(path))
    return suffix


def write_atomically(path: Path, text: str, force: bool) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one.

    A temporary file in the same folder is written, flushed and synced, then renamed over
    ``path`` (only where nothing is there yet, unless ``force``). It is removed on any error.
    """
    check_target(path, force)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a saved file is not
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
                if path.exists():
                    raise SaveError("save_exists", path=str(path)) from None
                os.replace(temporary, path)
    except PermissionError:
        raise SaveError("save_denied", path=str(path)) from None
    except OSError as error:
        raise SaveError(
            "save_failed", path=str(path), reason=error.strerror or str(error)
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
