"""Loading a catalogue file: read, check, and keep the parsed result in the user's cache.

A catalogue that checked clean once comes back from the cache on later loads, without PyYAML or
the checks being imported at all; yamlfile.py parses the YAML when it must.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import NoReturn

from rolefinder.errors import (
    MAX_PROBLEMS,
    AnswersError,
    BadSheetError,
    CatalogueError,
    Phrase,
    Problem,
    Refused,
)
from rolefinder.i18n import LANGS
from rolefinder.model import Catalogue, Option, Question, Role, Text, Trait, Years

MAX_BYTES = 32 * 1024 * 1024  # the benchmark's 10,000 bilingual roles take about 20 MiB
_PACKAGED = Path(__file__).parent / "data" / "roles.yaml"  # where the wheel puts it
_CHECKOUT = Path(__file__).parents[2] / "data" / "roles.yaml"  # a source checkout


def shipped_catalogue_path() -> Path:
    """The catalogue that comes with rolefinder."""
    return _PACKAGED if _PACKAGED.is_file() else _CHECKOUT


@dataclass(frozen=True)
class Report:
    """What checking a catalogue file found: the catalogue if valid, problems, warnings."""

    source: str
    catalogue: Catalogue | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def load_catalogue(path: str | os.PathLike[str] | None = None) -> Catalogue:
    """Load and check a catalogue (the shipped one when ``path`` is None).

    Raises CatalogueError listing every problem found, each with its line and column.
    """
    report = check_catalogue(path)
    if report.catalogue is None:
        raise CatalogueError(report.source, report.problems)
    return report.catalogue


def check_catalogue(path: str | os.PathLike[str] | None = None) -> Report:
    """Check a catalogue file and report every problem and warning, never raising for bad data.

    A catalogue that checked clean once is kept, parsed, in the user's cache folder, keyed
    by its content, so the next load skips parsing and checking it again.
    """
    with _collector_paused():
        return _check(path)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a catalogue is built.

    Building creates many objects and no cycles; left running, the collector re-scans them
    over and over, which made 10,000 roles load in 988 ms instead of 330 ms.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check(path: str | os.PathLike[str] | None) -> Report:
    file = Path(path) if path is not None else shipped_catalogue_path()
    source = os.fspath(path) if path is not None else file.name
    folder = _cache_folder()
    try:
        if folder is not None:  # hashed piece by piece: the whole file is read only on a miss
            kept = _load_kept(_cache_file(folder, _digest(_pieces(file))))
            if kept is not None:
                return Report(source, replace(kept[0], source=source), [], kept[1])
        raw = _read_bytes(file)
        report = _parse(source, _decode(raw))
    except Refused as refused:
        return Report(source, None, [refused.problem])
    if folder is not None and report.catalogue is not None:
        # Keyed by the bytes that were parsed, even if the file changed since it was hashed.
        _keep(_cache_file(folder, _digest([raw])), report.catalogue, report.warnings)
    return report


def _parse(source: str, text: str) -> Report:
    """Parse and check catalogue text, placing every problem at its line and column."""
    from rolefinder import yamlfile
    from rolefinder.schema import build_catalogue

    data, positions, problems = yamlfile.read_yaml(text)
    if len(problems) >= MAX_PROBLEMS:  # read_yaml stopped early: the data is incomplete
        return Report(source, None, problems)
    catalogue, schema_problems, warnings = build_catalogue(data, source)
    problems += [_locate(p, positions) for p in schema_problems]
    warnings = [_locate(w, positions) for w in warnings[:MAX_PROBLEMS]]
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], Problem("problem_more", {"count": more})]
    return Report(source, None if problems else catalogue, problems, warnings)


CACHE_ENV = "ROLEFINDER_CACHE"  # a folder for the cache, or "off"


def _cache_folder() -> Path | None:
    """The folder for the cache, or None when caching is off."""
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting)
    import platformdirs

    return Path(platformdirs.user_cache_dir("rolefinder"))


def _cache_file(folder: Path, digest: str) -> Path:
    """Where the parsed form of the catalogue whose bytes have this digest is kept."""
    import sys

    from rolefinder import __version__

    python = f"py{sys.version_info.major}{sys.version_info.minor}"
    return folder / f"catalogue-{digest}-{__version__}-{python}.pickle"


def _digest(pieces: Iterable[bytes | memoryview]) -> str:
    """A BLAKE2 hash of a catalogue's bytes and of the layout of the classes it is parsed into."""
    try:  # hashlib.blake2b itself, without hashlib loading OpenSSL first (2-3 ms of every start)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without its own BLAKE2
        from hashlib import blake2b

    digest = blake2b(_model_layout().encode(), digest_size=20)
    for piece in pieces:
        digest.update(piece)
    return digest.hexdigest()


def _pieces(file: Path) -> Iterator[memoryview]:
    """A file's bytes a megabyte at a time, so hashing a large file never copies it whole."""
    piece = bytearray(1024 * 1024)
    view = memoryview(piece)
    size = 0
    with _reading(file) as stream:
        while count := stream.readinto(piece):
            size += count
            if size > MAX_BYTES:
                raise _too_large()
            yield view[:count]


@functools.cache
def _model_layout() -> str:
    """How the catalogue's classes are laid out (fields, their types, slots or not).

    A change to any of it makes old entries unused even where the version number has not
    moved (a development checkout): unpickled into a changed class, an entry could load
    without error and still be wrong. The warnings kept beside the catalogue are Problems
    (named tuples), so their layout counts too.
    """
    classes = (Text, Trait, Years, Role, Option, Question, Catalogue)
    layouts = [
        f"{cls.__name__}{'/slots' if hasattr(cls, '__slots__') else ''}:"
        + ",".join(f"{f.name}={f.type}" for f in fields(cls))
        for cls in classes
    ]
    for named in (Problem, Phrase):
        types = named.__annotations__
        layouts.append(f"{named.__name__}:" + ",".join(f"{n}={types[n]}" for n in named._fields))
    return " ".join(layouts)


def _load_kept(cache: Path) -> tuple[Catalogue, list[Problem]] | None:
    """The kept catalogue, if the file is this user's own, private and sound; else None."""
    import pickle

    try:
        status = cache.stat()
    except OSError:
        return None
    # Unpickling runs code: load only what this user wrote and nobody else can change.
    foreign = hasattr(os, "getuid") and status.st_uid != os.getuid()
    if foreign or status.st_mode & 0o022:
        return None
    try:
        with cache.open("rb") as stream:
            kept = pickle.load(stream)
        if isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], Catalogue):
            warnings = list(kept[1])
            for warning in warnings:  # told now, so that a stale one fails here, not when shown
                for lang in LANGS:
                    warning.describe(kept[0].source, lang)
            return kept[0], warnings
    except Exception:
        pass
    with contextlib.suppress(OSError):
        cache.unlink()
    return None


def _keep(cache: Path, catalogue: Catalogue, warnings: list[Problem]) -> None:
    """Write the parsed catalogue atomically; a cache that cannot be written is skipped."""
    import pickle
    import tempfile

    try:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((catalogue, warnings), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, cache)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    except OSError:
        pass


def load_answers(spec: str, read_stdin: Callable[[], str]) -> dict[str, str]:
    """Read an answer sheet (YAML or JSON: question id -> option id) from a file, or '-' for stdin.

    Raises AnswersError saying what is wrong with it.
    """
    source = "<stdin>" if spec == "-" else spec
    try:
        text = read_stdin() if spec == "-" else _decode(_read_bytes(Path(spec)))
        from rolefinder.yamlfile import read_yaml

        data, _, problems = read_yaml(text)
    except Refused as refused:
        return _refuse_sheet(source, refused.problem)
    if problems:
        return _refuse_sheet(source, problems[0])
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise AnswersError([("sheet_not_mapping", {"source": source})])
    for key, value in data.items():
        if not isinstance(value, str):
            values = {"question": str(key), "value": repr(value)}
            _refuse_sheet(source, Problem("problem_answer_not_text", values))
    return dict(data)


def _refuse_sheet(source: str, problem: Problem) -> NoReturn:
    raise BadSheetError(source, problem)


def _read_bytes(file: Path) -> bytes:
    with _reading(file) as stream:
        raw = stream.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise _too_large()
    return raw


@contextlib.contextmanager
def _reading(file: Path) -> Iterator[io.BufferedReader]:
    """Open a file to read its bytes; every way that fails becomes a Refused with a reason."""
    try:
        with file.open("rb") as stream:
            yield stream
    except FileNotFoundError:
        raise Refused(Problem("problem_not_found")) from None
    except IsADirectoryError:
        raise Refused(Problem("problem_is_folder")) from None
    except PermissionError:
        raise Refused(Problem("problem_permission")) from None
    except OSError as error:  # the system's own words for the reason, passed on as they are
        reason = str(error.strerror or error)
        raise Refused(Problem("problem_unreadable", {"reason": reason})) from None


def _too_large() -> Refused:
    limit = MAX_BYTES // (1024 * 1024)
    return Refused(Problem("problem_too_large", {"limit": limit}))


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")  # a byte-order mark is fine
    except UnicodeDecodeError as error:
        raise Refused(Problem("problem_not_utf8", {"offset": error.start})) from None


def _locate(problem: Problem, positions: dict[str, tuple[int, int]]) -> Problem:
    """Give a schema problem the position of its path, or of the nearest enclosing one."""
    path = problem.path
    while path not in positions and path:
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    line, column = positions.get(path, (None, None))
    return problem._replace(line=line, column=column)
