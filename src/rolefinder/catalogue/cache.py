"""The parsed-catalogue cache: a catalogue that checked clean, kept as JSON in the user's cache.

Reading an entry can never run code, whoever wrote the folder:

- Entries are JSON, turned back into the model's dataclasses as their fields' types say. No pickle.
- The folder is opened once and checked on its descriptor: a folder, owned by this user,
  writable by nobody else. Where that cannot be done (a shared folder, or a system that cannot
  open files relative to a folder) there is no cache: catalogues are parsed every time.
- An entry is opened relative to that descriptor, without following a link and without waiting
  (a FIFO is refused at once), and checked on its own descriptor: a regular file, this user's,
  writable by nobody else, within the size cap. It is read once.
- Each entry holds its own key, so an entry renamed onto another's name is refused.
- Entries are written by files.write_atomically, into the folder once it has been checked.
  Temporary files left by a killed process are removed after an hour; at most MAX_ENTRIES
  entries and MAX_TOTAL bytes are kept, the least recently used going first.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import stat
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import Field, fields, is_dataclass
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from rolefinder.catalogue import model
from rolefinder.catalogue.model import QUESTION_KINDS, Catalogue, QuestionKind, Text, Years
from rolefinder.errors import Phrase, Problem, Value
from rolefinder.words.languages import LANGS

CACHE_ENV = "ROLEFINDER_CACHE"  # a folder for the cache, or "off"
FORMAT = "rolefinder-cache-3"  # 1: pickle (1.1); 2: JSON; 3: JSON objects, texts by language
MAX_ENTRIES = 8
MAX_ENTRY = 96 * 1024 * 1024  # the largest catalogue (32 MiB of YAML) takes about 60 MiB
MAX_TOTAL = 128 * 1024 * 1024
STALE_SECONDS = 3600  # a temporary file this old belongs to a process that is gone

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

Kept = tuple[Catalogue, list[Problem]]
_LANGS = frozenset(LANGS)


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
    # hashlib.blake2b itself, without hashlib loading OpenSSL first: importing it takes 0.3 ms,
    # hashlib 4.1 ms (python -X importtime, medians of 15, Python 3.11)
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without its own BLAKE2
        from hashlib import blake2b

    from rolefinder.version import __version__

    digest = blake2b(f"{FORMAT} {__version__} {_model_layout()}".encode(), digest_size=20)
    digest.update(raw)
    return digest.hexdigest()


def get(entry_key: str) -> Kept | None:
    """The catalogue kept under this key, or None if there is none that can be trusted."""
    with _folder(create=False) as place:
        if place is None:
            return None
        _, handle = place
        name = _name(entry_key)
        try:
            data = _read_private(name, handle)
        except OSError:
            return None
        if data is None:
            return None
        try:
            return _decode(data, entry_key)
        except Exception:  # damaged, renamed or from another layout: a miss, and made again
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=handle)
            return None


def put(entry_key: str, catalogue: Catalogue, warnings: list[Problem]) -> None:
    """Keep a checked catalogue under its key; a cache that cannot be written is skipped."""
    data = _encode({"key": entry_key, "catalogue": catalogue, "warnings": warnings})
    if len(data) > MAX_ENTRY:
        return
    from rolefinder import files  # only on a miss: it imports tempfile

    with _folder(create=True) as place, contextlib.suppress(OSError):
        if place is None:
            return
        path, handle = place
        files.write_atomically(path / _name(entry_key), data, replace=True, mode=0o600)
        _prune(handle)


def _name(entry_key: str) -> str:
    return f"catalogue-{entry_key}.json"


def _private(status: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


@contextlib.contextmanager
def _folder(create: bool) -> Iterator[tuple[Path, int] | None]:
    """The cache folder and a descriptor of it if it is this user's private folder, else None."""
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
        yield (path, handle) if stat.S_ISDIR(status.st_mode) and _private(status) else None
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
    """How the model's classes are laid out, and the languages of a text: a change makes every
    old entry unused.

    The version number does not move in a development checkout; an entry decoded into a class
    that gained a field with a default would load without error and still be wrong.
    """
    classes = [c for c in vars(model).values() if isinstance(c, type) and is_dataclass(c)]
    layouts = [
        f"{c.__name__}:" + ",".join(f"{f.name} {f.type}" for f in fields(c)) for c in classes
    ]
    layouts += [f"{named.__name__}:" + ",".join(named._fields) for named in (Problem, Phrase)]
    return " ".join([*sorted(layouts), "languages:" + ",".join(LANGS)])


# The model as JSON and back, led by the dataclasses' own fields and their types: a field added
# to the model needs no change here. What the file gives is kept (the fields with a shape, see
# model.file_field: not Catalogue.source). A Text is {lang: text}, a question kind its name,
# Years [min, max], a tuple a list; problems and phrases are named tuples, so lists too.


def _stored(cls: type) -> tuple[Field[Any], ...]:
    """The fields of a class that the catalogue file gives."""
    return tuple(f for f in fields(cls) if "shape" in f.metadata)


def _plain(value: Any) -> Any:
    """A model object as JSON can hold it (json.dumps asks for each one it cannot write)."""
    if isinstance(value, Text):
        return dict(value.texts)
    if isinstance(value, QuestionKind):
        return value.name
    if isinstance(value, Years):
        return [value.min, value.max]
    if isinstance(value, Mapping):
        return dict(value)
    return {f.name: getattr(value, f.name) for f in _stored(type(value))}


def _encode(kept: dict[str, Any]) -> bytes:
    return json.dumps(kept, default=_plain, ensure_ascii=False, separators=(",", ":")).encode()


def _decode(data: bytes, entry_key: str) -> Kept:
    kept = json.loads(data)
    if kept["key"] != entry_key:
        raise ValueError("an entry under another entry's name")
    catalogue: Catalogue = _reader(Catalogue)(kept["catalogue"])
    warnings = [_problem(item) for item in kept["warnings"]]
    for warning in warnings:  # told now, so that a stale one fails here, not when shown
        for lang in LANGS:
            warning.describe(catalogue.source, lang)
    return catalogue, warnings


@functools.cache
def _reader(hint: Any) -> Callable[[Any], Any]:
    """What turns JSON back into a value of the type ``hint``; JSON of another shape raises."""
    if hint is Text:
        return _text
    if hint is QuestionKind:
        return QUESTION_KINDS.__getitem__
    if hint is Years:  # [min, max]
        read_min, read_max = map(_reader, get_type_hints(Years).values())
        return lambda pair: Years(read_min(pair[0]), read_max(pair[1]))
    if isinstance(hint, type) and is_dataclass(hint):
        hints = get_type_hints(hint)
        readers = {f.name: _reader(hints[f.name]) for f in _stored(hint)}
        return lambda data: hint(**{name: read(data[name]) for name, read in readers.items()})
    args = get_args(hint)
    if get_origin(hint) is tuple:  # tuple[X, ...]
        item = _reader(args[0])
        return lambda items: tuple(map(item, items))
    if type(None) in args:  # X | None
        (inner,) = (_reader(arg) for arg in args if arg is not type(None))
        return lambda value: None if value is None else inner(value)
    if get_origin(hint) is Mapping:
        read_key, read_value = map(_reader, args)
        return lambda items: {read_key(k): read_value(v) for k, v in items.items()}
    kinds = (int, float) if hint is float else (hint,)  # a whole number is a float too

    def leaf(value: Any) -> Any:
        if type(value) in kinds:
            return value
        raise TypeError(f"{value!r} is not a {hint.__name__}")

    return leaf


def _text(texts: Any) -> Text:
    """A string in every language and no other: the JSON object itself becomes the mapping."""
    if texts.keys() != _LANGS:
        raise KeyError(f"languages {sorted(texts)}, not {sorted(_LANGS)}")
    for text in texts.values():
        if type(text) is not str:
            raise TypeError(f"{text!r} is not a text")
    return Text(texts)


def _problem(item: list[Any]) -> Problem:
    problem = Problem._make(item)
    return problem._replace(values=_values(problem.values))


def _values(values: Mapping[str, Any]) -> dict[str, Value]:
    """A problem's values: strings and numbers as they are; a phrase is a [key, values] list."""
    return {
        name: Phrase(value[0], _values(value[1])) if isinstance(value, list) else value
        for name, value in values.items()
    }
