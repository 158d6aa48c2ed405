"""A class's answers, read as a stream: form exports, answer sheets and files of result codes.

- **Form exports** from Google Forms or Microsoft Forms, as they come (``.csv``, ``.tsv``,
  Excel's tab-separated ``.txt``, ``.xlsx``, Google's ``.zip``: opened in classroom/tables.py):
  a header row of question texts, in either language, and one row per student whose cells hold
  option texts: read in classroom/exports.py, its columns found in classroom/columns.py, its
  texts matched to options in classroom/matching.py, its times read in classroom/timing.py.
- **Answer sheets** (``.yaml``, ``.yml``, ``.json``: question id -> option id) and folders of
  them.
- **Result codes**, one a line, optionally after a name and a tab, comma, semicolon or colon;
  blank lines and lines starting with ``#`` are skipped.

This module finds what each file is and reads the answer sheets and code files itself; every
reader gives Rows and Notes (classroom/records.py), one at a time, so memory does not grow with
the number of rows. Nothing here scores.
"""

from __future__ import annotations

import csv
import errno
import functools
import io
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from rolefinder.assess.codes import Coder
from rolefinder.assess.engine import check_answers
from rolefinder.catalogue.load import load_answers
from rolefinder.catalogue.model import Catalogue
from rolefinder.classroom.columns import columns_of
from rolefinder.classroom.exports import form_rows
from rolefinder.classroom.matching import Matcher
from rolefinder.classroom.records import Note, Progress, Row, name_key
from rolefinder.classroom.tables import (
    DAMAGED,
    ExportRefused,
    file_key,
    tables,
    text_stream,
)
from rolefinder.errors import RolefinderError, read_problem
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

FORM_SUFFIXES = (".csv", ".tsv")
SHEET_SUFFIXES = (".yaml", ".yml", ".json")
SPREADSHEET_SUFFIXES = (".xls", ".ods", ".numbers")  # refused, with what to do
MAX_CODE_LINE = 4096


def read(
    paths: Sequence[Path],
    catalogue: Catalogue,
    lang: Lang,
    progress: Callable[[Path, int], None] | None = None,
    name_column: str | None = None,
) -> Iterator[Row | Note]:
    """Every student of every file (folders: their sheets, by name), in order, and notes.
    A file given twice (or also inside a folder given) is read once.

    ``progress(path, bytes)`` is called now and then with how far into a file reading is;
    ``name_column`` is the title of the column that names the students (--name-column),
    chosen from the headers when None.
    """
    matcher = Matcher(catalogue)
    coder = Coder(catalogue)
    seen: set[tuple[int, int]] = set()  # (device, inode) of every file read
    for path in paths:
        tell: Progress = functools.partial(progress, path) if progress else _ignore
        source = path_text(path)
        suffix = path.suffix.lower()
        try:
            status = path.stat()
            if stat.S_ISDIR(status.st_mode):
                yield from _folder(path, catalogue, lang, seen)
            elif not stat.S_ISREG(status.st_mode):  # a FIFO or a device would never end
                yield Note(source, t("form_not_file", lang, source=source), True)
            elif (status.st_dev, status.st_ino) in seen:
                yield Note(source, t("form_again", lang, source=source))
            elif suffix in SPREADSHEET_SUFFIXES:
                yield Note(source, t("form_spreadsheet", lang, source=source), True)
            else:
                seen.add((status.st_dev, status.st_ino))
                if suffix in SHEET_SUFFIXES:
                    yield _sheet(path, catalogue, lang)
                else:
                    yield from _file(path, matcher, coder, lang, tell, name_column)
        except OSError as error:
            yield Note(source, read_problem(error).describe(source, lang), True)
        except UnicodeDecodeError:
            yield Note(source, t("form_encoding", lang, where=source), True)


def path_text(path: Path) -> str:
    """A path as text for messages and files: bytes that are not UTF-8 (a name made on another
    system) become U+FFFD instead of stopping the writing of results.csv."""
    return os.fsencode(path).decode("utf-8", "replace")


def _ignore(done: int) -> None:
    """No progress to show."""


def _file(
    path: Path,
    matcher: Matcher,
    coder: Coder,
    lang: Lang,
    progress: Progress,
    name_column: str | None = None,
) -> Iterator[Row | Note]:
    """A form export or a file of codes, by what it holds (see classroom/tables.py)."""
    source = path_text(path)
    with _opened(path) as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # swapped since it was looked at
            yield Note(source, t("form_not_file", lang, source=source), True)
            return
        try:
            for table in tables(path, source, stream, lang, matcher.is_form):
                if table is None:
                    yield from _codes(source, stream, coder, lang, progress)
                else:
                    yield from form_rows(table, matcher, lang, progress, name_column)
        except ExportRefused as refused:
            yield Note(source, refused.text, True)


def _folder(
    folder: Path, catalogue: Catalogue, lang: Lang, seen: set[tuple[int, int]]
) -> Iterator[Row | Note]:
    """The answer sheets in a folder, by name. An entry that cannot be read (a link to
    nothing, a loop of links, a pipe or a device named x.yaml) gets a note of its own, and
    every other sheet is still read."""
    sheets = sorted(p for p in folder.iterdir() if p.suffix.lower() in SHEET_SUFFIXES)
    for sheet in sheets:
        source = path_text(sheet)
        try:
            if not stat.S_ISREG(sheet.stat().st_mode):  # a pipe would never end: not opened
                yield Note(source, t("form_not_sheet", lang, source=source), True)
                continue
            with _opened(sheet) as stream:  # checked again: it may have changed since
                status = os.fstat(stream.fileno())
                if not stat.S_ISREG(status.st_mode):
                    yield Note(source, t("form_not_sheet", lang, source=source), True)
                elif (status.st_dev, status.st_ino) in seen:
                    yield Note(source, t("form_again", lang, source=source))
                else:
                    seen.add((status.st_dev, status.st_ino))
                    yield _sheet(sheet, catalogue, lang, stream)
        except OSError as error:  # a link to nothing, a loop of links: this entry alone
            link = _LINK_PROBLEMS.get(error.errno or 0) if sheet.is_symlink() else None
            text = t(link, lang, source=source) if link else None
            yield Note(source, text or read_problem(error).describe(source, lang), True)
    if not sheets:
        source = path_text(folder)
        yield Note(source, t("form_empty_folder", lang, source=source), True)


_LINK_PROBLEMS = {errno.ENOENT: "form_link_nowhere", errno.ELOOP: "form_link_loop"}


def _opened(path: Path) -> BinaryIO:
    """A file opened to read without waiting: a pipe with nobody writing to it (one put in
    a file's place since it was looked at) opens at once, to be told apart from a file by
    its descriptor, where a plain open would block."""
    descriptor = os.open(path, os.O_RDONLY | _NO_WAIT)
    return os.fdopen(descriptor, "rb")


# Opened without waiting, never as a controlling terminal (Windows has neither: binary there).
_NO_WAIT = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _sheet(path: Path, catalogue: Catalogue, lang: Lang, stream: BinaryIO | None = None) -> Row:
    source, name = path_text(path), path_text(Path(path.name))
    try:
        answers = load_answers(str(path), opened=stream)
        check_answers(catalogue, answers)
    except RolefinderError as error:
        problem = "; ".join(line.rstrip(".") for line in error.describe(lang).splitlines()) + "."
        return Row(source, 0, {}, name, lang, None, problem)
    return Row(source, 0, {}, name, lang, answers)


_NAME_SEPARATOR = re.compile(r"^(.*)[\t,;:]\s*([^\t,;:]*)$")


def _codes(
    source: str, stream: BinaryIO, coder: Coder, lang: Lang, progress: Progress
) -> Iterator[Row | Note]:
    text = text_stream(stream, file_key(stream))
    done = 0
    for number, line in enumerate(_lines(text), start=1):
        done += len(line)
        if number % 1024 == 0:
            progress(done)
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        found = _NAME_SEPARATOR.match(line)
        name, code = (found.group(1).strip(), found.group(2)) if found else ("", line)
        kept = {t("form_name_column", lang): name} if name else {}
        label = name or t("form_where", lang, source=source, row=number)
        key = name_key(name, source)
        try:
            decoded = coder.decode(code)
        except RolefinderError as error:
            problem = error.describe(lang)
            yield Row(source, number, kept, label, lang, None, problem, key=key)
            continue
        yield Row(source, number, kept, label, decoded.lang, decoded.answers, key=key)


def _lines(text: io.TextIOBase) -> Iterator[str]:
    """The lines of a code file, each cut at MAX_CODE_LINE characters (a file without line
    breaks is not read whole)."""
    while True:
        line = text.readline(MAX_CODE_LINE)
        if not line:
            return
        if len(line) == MAX_CODE_LINE and not line.endswith("\n"):
            while True:  # the rest of an over-long line
                rest = text.readline(MAX_CODE_LINE)
                if not rest or rest.endswith("\n"):
                    break
        yield line


def read_header(
    path: Path, catalogue: Catalogue, lang: Lang, name_column: str | None = None
) -> list[str] | None:
    """The kept columns of a form export; None for a file that is no form export (answer
    sheets, a file of codes), none if it cannot be read (reading it says why)."""
    if path.suffix.lower() in SHEET_SUFFIXES:
        return None
    matcher = Matcher(catalogue)
    try:
        with path.open("rb") as stream:
            for table in tables(path, path_text(path), stream, lang, matcher.is_form):
                if table is None:
                    return None
                header = next(table.rows, [])
                return list(columns_of(header, matcher, name_column).kept.values())
    except (OSError, UnicodeDecodeError, csv.Error, ExportRefused, *DAMAGED):
        pass
    return []
