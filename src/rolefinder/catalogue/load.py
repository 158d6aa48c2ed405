"""Loading a catalogue file: read, check, and keep the parsed result in the user's cache.

A catalogue that checked clean once comes back from the cache on later loads, without PyYAML or
the checks being imported at all; catalogue/yamlfile.py parses the YAML when it must.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, NoReturn

from rolefinder.catalogue import collector
from rolefinder.catalogue.model import Catalogue
from rolefinder.errors import (
    MAX_PROBLEMS,
    AnswersError,
    BadSheetError,
    CatalogueError,
    Problem,
    Refused,
    read_problem,
)

MAX_BYTES = 32 * 1024 * 1024  # the benchmark's 10,000 bilingual roles take about 20 MiB
MAX_SHEET_BYTES = 1024 * 1024  # a sheet for the shipped catalogue takes under 2 KiB
_PACKAGED = Path(__file__).parents[1] / "data" / "roles.yaml"  # where the wheel puts it
_CHECKOUT = Path(__file__).parents[3] / "data" / "roles.yaml"  # a source checkout


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
    with collector.paused():
        return _check(path)


def _check(path: str | os.PathLike[str] | None) -> Report:
    file = Path(path) if path is not None else shipped_catalogue_path()
    source = os.fspath(path) if path is not None else file.name
    try:
        raw = _read_bytes(file)  # read once: a pipe gives its bytes only once
    except Refused as refused:
        return Report(source, None, [refused.problem])
    from rolefinder.catalogue import cache

    entry = cache.key(raw)
    kept = cache.get(entry)
    if kept is not None:
        return Report(source, replace(kept[0], source=source), [], kept[1])
    try:
        report = _parse(source, _decode(raw))
    except Refused as refused:
        return Report(source, None, [refused.problem])
    if report.catalogue is not None:
        cache.put(entry, report.catalogue, report.warnings)
    return report


def _parse(source: str, text: str) -> Report:
    """Parse and check catalogue text, placing every problem at its line and column."""
    from rolefinder.catalogue import yamlfile
    from rolefinder.catalogue.schema import build_catalogue

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


def load_answers(
    spec: str, stdin: BinaryIO | None = None, opened: BinaryIO | None = None
) -> dict[str, str]:
    """Read an answer sheet (YAML or JSON: question id -> option id) from a file, or '-' for
    ``stdin`` (bytes; None when standard input is closed). ``opened``: the file ``spec``
    names, already opened and checked by the caller (a folder's sheet), read as it is.

    Raises AnswersError saying what is wrong with it.
    """
    source = "<stdin>" if spec == "-" else spec
    try:
        if spec == "-" or opened is not None:
            raw = _read_stream(stdin if spec == "-" else opened)
        else:
            raw = _read_bytes(Path(spec), MAX_SHEET_BYTES)
        text = _decode(raw)
        from rolefinder.catalogue.yamlfile import read_yaml

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
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            # `monday: 5` or `monday: "5"` alike: the answers check says what is allowed.
            data[key] = value = str(value)
        if not isinstance(value, str):
            values = {"question": str(key), "value": repr(value)}
            _refuse_sheet(source, Problem("problem_answer_not_text", values))
    return dict(data)


def _read_stream(stdin: BinaryIO | None) -> bytes:
    """Standard input's bytes, as capped as a sheet file's."""
    if stdin is None:
        raise Refused(Problem("problem_no_stdin"))
    try:
        raw = stdin.read(MAX_SHEET_BYTES + 1)
    except OSError as error:
        reason = str(error.strerror or error)
        raise Refused(Problem("problem_unreadable", {"reason": reason})) from None
    if len(raw) > MAX_SHEET_BYTES:
        raise _too_large(MAX_SHEET_BYTES)
    return raw


def _refuse_sheet(source: str, problem: Problem) -> NoReturn:
    raise BadSheetError(source, problem)


def _read_bytes(file: Path, limit: int = MAX_BYTES) -> bytes:
    with _reading(file) as stream:
        raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise _too_large(limit)
    return raw


@contextlib.contextmanager
def _reading(file: Path) -> Iterator[io.BufferedReader]:
    """Open a file to read its bytes; every way that fails becomes a Refused with a reason."""
    try:
        with file.open("rb") as stream:
            yield stream
    except OSError as error:
        raise Refused(read_problem(error)) from None


def _too_large(limit: int) -> Refused:
    return Refused(Problem("problem_too_large", {"limit": _size(limit)}))


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MiB" if count >= 1024 * 1024 else f"{count // 1024} KiB"


def _decode(raw: bytes) -> str:
    """UTF-8 text, with or without a byte-order mark; UTF-16 with one (Windows Notepad's
    "Unicode", PowerShell's redirection) is read too."""
    encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return raw.decode(encoding)
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
