"""The parsed-catalogue cache: a catalogue that checked clean, kept as JSON in the user's cache.

Reading an entry can never run code, whoever wrote the folder:

- Entries are JSON, turned back into the model's dataclasses field by field. No pickle.
- The folder is opened once and checked on its descriptor: a folder, owned by this user,
  writable by nobody else. Where that cannot be done (a shared folder, or a system that cannot
  open files relative to a folder) there is no cache: catalogues are parsed every time.
- An entry is opened relative to that descriptor, without following a link and without waiting
  (a FIFO is refused at once), and checked on its own descriptor: a regular file, this user's,
  writable by nobody else, within the size cap. It is read once.
- Each entry holds its own key, so an entry renamed onto another's name is refused.
- Entries are written to a temporary file and renamed into place. Temporary files left by a
  killed process are removed after an hour; at most MAX_ENTRIES entries and MAX_TOTAL bytes are
  kept, the least recently used going first.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import stat
import time
from collections.abc import Iterator, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from rolefinder.errors import Phrase, Problem, Value
from rolefinder.i18n import LANGS
from rolefinder.model import Catalogue, Option, Question, Role, Text, Trait, Years

CACHE_ENV = "ROLEFINDER_CACHE"  # a folder for the cache, or "off"
FORMAT = "rolefinder-cache-2"  # 1: pickle (1.1); 2: JSON
MAX_ENTRIES = 8
MAX_ENTRY = 96 * 1024 * 1024  # the largest catalogue (32 MiB of YAML) takes about 60 MiB
MAX_TOTAL = 128 * 1024 * 1024
STALE_SECONDS = 3600  # a temporary file this old belongs to a process that is gone

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

Kept = tuple[Catalogue, list[Problem]]


def folder() -> Path | None:
    """The cache folder (``ROLEFINDER_CACHE``, else the platform's), or None when it is off."""
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("rolefinder"))


def key(raw: bytes) -> str:
    """The key of a catalogue's bytes: they, this version and the model's layout, hashed."""
    try:  # hashlib.blake2b itself, without hashlib loading OpenSSL first (2-3 ms of every start)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without its own BLAKE2
        from hashlib import blake2b

    from rolefinder import __version__

    digest = blake2b(f"{FORMAT} {__version__} {_model_layout()}".encode(), digest_size=20)
    digest.update(raw)
    return digest.hexdigest()


def get(entry_key: str) -> Kept | None:
    """The catalogue kept under this key, or None if there is none that can be trusted."""
    with _folder(create=False) as handle:
        if handle is None:
            return None
        name = _name(entry_key)
        try:
            data = _read_private(name, handle)
        except OSError:
            return None
        if data is None:
            return None
        try:
            kept = _decode(data, entry_key)
        except Exception:  # damaged, renamed or from another layout: a miss, and made again
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=handle)
            return None
        return kept


def put(entry_key: str, catalogue: Catalogue, warnings: list[Problem]) -> None:
    """Keep a checked catalogue under its key; a cache that cannot be written is skipped."""
    data = json.dumps(
        {"key": entry_key, "catalogue": _catalogue(catalogue), "warnings": warnings},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()  # problems and phrases are named tuples: they become lists
    if len(data) > MAX_ENTRY:
        return
    with _folder(create=True) as handle:
        if handle is None:
            return
        temporary = f".catalogue-{os.getpid()}-{os.urandom(4).hex()}.tmp"
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC
            with os.fdopen(os.open(temporary, flags, 0o600, dir_fd=handle), "wb") as stream:
                stream.write(data)
            os.replace(temporary, _name(entry_key), src_dir_fd=handle, dst_dir_fd=handle)
            _prune(handle)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=handle)


def _name(entry_key: str) -> str:
    return f"catalogue-{entry_key}.json"


def _private(status: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


@contextlib.contextmanager
def _folder(create: bool) -> Iterator[int | None]:
    """A descriptor of the cache folder if it is this user's private folder, else None."""
    path = folder()
    if path is None or os.open not in os.supports_dir_fd or not hasattr(os, "getuid"):
        yield None
        return
    if create:
        with contextlib.suppress(OSError):
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    except OSError:
        yield None
        return
    try:
        status = os.fstat(handle)
        yield handle if stat.S_ISDIR(status.st_mode) and _private(status) else None
    finally:
        os.close(handle)


def _read_private(name: str, folder_handle: int) -> bytes | None:
    """The bytes of a regular file of this user's that nobody else can write, read once."""
    flags = os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC
    with os.fdopen(os.open(name, flags, dir_fd=folder_handle), "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or not _private(status):
            return None
        if status.st_size > MAX_ENTRY:
            return None
        data = stream.read(MAX_ENTRY + 1)
        if os.utime in os.supports_fd:  # recently used: kept longest when pruning
            with contextlib.suppress(OSError):
                os.utime(stream.fileno())
    return data if len(data) <= MAX_ENTRY else None


def _prune(folder_handle: int) -> None:
    """Remove stale temporary files, entries of older formats, and the least used entries."""
    now = time.time()
    entries: list[tuple[float, int, str]] = []
    with os.scandir(folder_handle) as listing:
        for item in listing:
            status = item.stat(follow_symlinks=False)
            name = item.name
            stale = name.endswith(".tmp") and now - status.st_mtime > STALE_SECONDS
            if stale or (name.startswith("catalogue-") and not name.endswith(".json")):
                with contextlib.suppress(OSError):
                    os.unlink(name, dir_fd=folder_handle)
            elif name.startswith("catalogue-"):
                entries.append((status.st_mtime, status.st_size, name))
    entries.sort(reverse=True)  # the most recently used first
    total = 0
    for place, (_, size, name) in enumerate(entries):
        total += size
        if place >= MAX_ENTRIES or (place and total > MAX_TOTAL):
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=folder_handle)


@functools.cache
def _model_layout() -> str:
    """How the catalogue's classes are laid out: a change makes every old entry unused.

    The version number does not move in a development checkout; an entry decoded into a class
    that gained a field with a default would load without error and still be wrong.
    """
    classes = (Text, Trait, Years, Role, Option, Question, Catalogue)
    layouts = [f"{cls.__name__}:" + ",".join(f.name for f in fields(cls)) for cls in classes]
    layouts += [f"{named.__name__}:" + ",".join(named._fields) for named in (Problem, Phrase)]
    return " ".join(layouts)


# The model as JSON and back: texts are [en, id] pairs, absent optional fields are null.


def _catalogue(catalogue: Catalogue) -> dict[str, Any]:
    return {
        "traits": [[t.id, _text(t.name), _text(t.description)] for t in catalogue.traits],
        "roles": [_role(role) for role in catalogue.roles],
        "questions": [_question(question) for question in catalogue.questions],
        "version": catalogue.version,
    }


def _text(text: Text | None) -> list[str] | None:
    return None if text is None else [text.en, text.id]


def _years(years: Years | None) -> list[int | None] | None:
    return None if years is None else [years.min, years.max]


def _role(role: Role) -> list[Any]:
    return [
        role.id,
        _text(role.name),
        _text(role.summary),
        [_text(duty) for duty in role.duties],
        [_text(skill) for skill in role.skills],
        role.level,
        dict(role.profile),
        list(role.related),
        _years(role.years),
        _text(role.note),
    ]


def _question(question: Question) -> list[Any]:
    options = [
        [o.id, _text(o.text), dict(o.weights), o.level, list(o.fits), _years(o.years), o.outlook]
        for o in question.options
    ]
    return [question.id, _text(question.prompt), options, question.kind, _text(question.short)]


def _decode(data: bytes, entry_key: str) -> Kept:
    kept = json.loads(data)
    if kept["key"] != entry_key:
        raise ValueError("an entry under another entry's name")
    raw = kept["catalogue"]
    catalogue = Catalogue(
        traits=tuple(Trait(i, _read_text(n), _read_text(d)) for i, n, d in raw["traits"]),
        roles=tuple(_read_role(role) for role in raw["roles"]),
        questions=tuple(_read_question(question) for question in raw["questions"]),
        version=raw["version"],
    )
    warnings = [_read_problem(item) for item in kept["warnings"]]
    for warning in warnings:  # told now, so that a stale one fails here, not when shown
        for lang in LANGS:
            warning.describe(catalogue.source, lang)
    return catalogue, warnings


def _read_text(pair: list[str]) -> Text:
    en, id_ = pair
    if not isinstance(en, str) or not isinstance(id_, str):
        raise TypeError("a text that is not two strings")
    return Text(en, id_)


def _maybe_text(pair: list[str] | None) -> Text | None:
    return None if pair is None else _read_text(pair)


def _read_years(pair: list[int | None] | None) -> Years | None:
    return None if pair is None else Years(*pair)  # type: ignore[arg-type]


def _read_role(item: list[Any]) -> Role:
    ident, name, summary, duties, skills, level, profile, related, years, note = item
    return Role(
        id=ident,
        name=_read_text(name),
        summary=_read_text(summary),
        duties=tuple(_read_text(duty) for duty in duties),
        skills=tuple(_read_text(skill) for skill in skills),
        level=level,
        profile=profile,
        related=tuple(related),
        years=_read_years(years),
        note=_maybe_text(note),
    )


def _read_question(item: list[Any]) -> Question:
    ident, prompt, options, kind, short = item
    return Question(
        id=ident,
        prompt=_read_text(prompt),
        options=tuple(
            Option(
                id=o_id,
                text=_read_text(text),
                weights=weights,
                level=level,
                fits=tuple(fits),
                years=_read_years(years),
                outlook=outlook,
            )
            for o_id, text, weights, level, fits, years, outlook in options
        ),
        kind=kind,
        short=_maybe_text(short),
    )


def _read_problem(item: list[Any]) -> Problem:
    problem_key, values, path, line, column = item
    return Problem(problem_key, _read_values(values), path, line, column)


def _read_values(values: Mapping[str, Any]) -> dict[str, Value]:
    """A problem's values: strings and numbers as they are; a phrase is a [key, values] list."""
    return {
        name: Phrase(value[0], _read_values(value[1])) if isinstance(value, list) else value
        for name, value in values.items()
    }
