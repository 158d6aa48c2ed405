"""The results files of ``rolefinder class``, a student at a time: the columns of
``results.csv`` and ``results.xlsx`` and each student's cells in them (ResultsTable), the CSV
and JSON writers, and the JSON shapes of a student and of the class's summary.

Apart from the run (batch.py: reading, scoring, the helper process, writing all six files or
none) because the files' columns and shapes change with what a teacher is shown, and the run
with how it is made safe and quick. Every text is written as ``shown`` shows it (hidden
characters spelled out), and a CSV cell that a spreadsheet would read as a formula is written
as text.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Mapping, Sequence
from typing import IO, Any

from rolefinder.catalogue.model import Catalogue
from rolefinder.classroom.columns import front_column, roll_number_column
from rolefinder.classroom.scoring import (
    TOP,
    Student,
    Summary,
    Tally,
    ready_words,
    sure_percent,
)
from rolefinder.classroom.workbook import Cell
from rolefinder.words.i18n import json_visible, t, visible
from rolefinder.words.languages import Lang

# results.csv's separator, by the class's language: Excel splits a CSV file at the list
# separator of the computer's regional settings, a comma in English ones and a semicolon in
# Indonesian ones (where the comma is the decimal mark). Google Sheets and LibreOffice find
# either by themselves.
CSV_SEPARATORS: dict[str, str] = {"en": ",", "id": ";"}


# A spreadsheet reads a cell starting with one of these as a formula ("=HYPERLINK(...)" as a
# student's name): such cells are written with a leading apostrophe, which shows them as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _names(catalogue: Catalogue, lang: Lang) -> dict[str, str]:
    """Role id -> its name in ``lang``."""
    return {role.id: role.name.get(lang) for role in catalogue.roles}


def _formula_safe(text: str) -> str:
    """A text for a CSV cell, never read as a formula (the text as shown shows it)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


@functools.lru_cache(maxsize=4096)  # a class repeats its roles, ways in, flags and notes
def shown(text: str) -> str:
    """A text for a results file, with any control or invisible character spelled out (a
    name with an escape sequence cannot replay it when the file is printed in a terminal)."""
    return visible(text)


class ResultsTable:
    """The columns of results.csv and results.xlsx, and each student's cells in them: the
    name first, then the class and roll-number columns; the best fit with its fit (a whole
    number out of 100), how sure (a whole percent, 1-99), whether the student can apply and
    the way in; the next listed roles with their fits; the questions answered; the flags,
    each "yes", "no" or empty where not known (rushed needs start and completion times; no
    result, no pattern to judge); the result code and the note; then where the row came from
    and the other kept columns (timestamp, e-mail, the name as given, ...)."""

    def __init__(self, kept: list[str], catalogue: Catalogue, lang: Lang) -> None:
        self.front = [column for column in kept if front_column(column)]
        self.rolls = {column for column in self.front if roll_number_column(column)}
        self.back = [column for column in kept if not front_column(column)]
        self.names, self.catalogue, self.lang = _names(catalogue, lang), catalogue, lang
        self.yes_no = (t("class_no", lang), t("class_yes", lang))
        # (header, width in characters): widths fit the header and the usual cell
        columns = [(t("class_col_name", lang), 28), *((c, 10) for c in self.front)]
        columns += [(t("class_col_best", lang), 26), (t("class_col_fit", lang), 10)]
        columns += [(t("class_col_sure", lang), 10), (t("class_col_ready", lang), 22)]
        columns.append((t("class_col_way_in", lang), 40))
        for n in range(2, TOP + 1):
            columns += [(t("class_col_role", lang, n=n), 26), (t("class_col_fit_n", lang, n=n), 8)]
        flags = ("answered", "no_pattern", "rushed", "incomplete", "duplicate")
        columns += [(t(f"class_col_{key}", lang), 8) for key in flags]
        columns += [(t("class_col_code", lang), 24), (t("class_col_note", lang), 60)]
        columns += [(t("class_col_source", lang), 20), (t("class_col_row", lang), 6)]
        columns += [(column, 20) for column in self.back]
        self.header = [header for header, _ in columns]
        self.widths = [max(width, min(len(header) + 3, 40)) for header, width in columns]

    def cells(self, student: Student, note: str) -> list[Cell]:
        """A student's row: numbers as numbers, an empty cell as None."""
        places: list[Cell] = []
        for n in range(TOP):
            if n < len(student.top):
                role, fit = student.top[n]
                places += [self.names.get(role, role), fit]
            else:
                places += [None, None]
        sure = sure_percent(student)
        scored, read = student.status == "scored", student.status != "failed"
        cells: list[Cell] = [student.label]
        for column in self.front:
            value = student.kept.get(column, "")
            short = value.isascii() and value.isdigit() and len(value) <= 4
            cells.append(int(value) if short and column in self.rolls else value)
        cells += [*places[:2], int(sure) if sure else None]
        cells += [ready_words(student, self.catalogue, self.lang), student.way_in, *places[2:]]
        cells += [
            student.answered if read else None,
            self._flag(student.no_pattern, scored),
            self._flag(student.rushed, read and student.seconds is not None),
            self._flag(student.incomplete, read),
            self._flag(student.duplicate, True),
            student.code,
            note,
            student.source,
            student.row or None,
            *(student.kept.get(column, "") for column in self.back),
        ]
        return cells

    def _flag(self, value: bool, known: bool) -> str:
        return self.yes_no[value] if known else ""


class CsvWriter:
    """results.csv, a row at a time: UTF-8 with a byte-order mark, so Excel reads it right,
    separated as Excel expects in the class's language (CSV_SEPARATORS)."""

    def __init__(self, stream: IO[bytes], table: ResultsTable) -> None:
        self.text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=False)
        self.writer = csv.writer(self.text, delimiter=CSV_SEPARATORS.get(table.lang, ","))
        self.writer.writerow([_formula_safe(shown(text)) for text in table.header])

    def write(self, cells: Sequence[Cell]) -> None:
        """One student's row (its texts already shown as shown shows them)."""
        self.writer.writerow(
            [
                ("'" + c if c.startswith(_FORMULA_START) else c)  # _formula_safe, inline
                if isinstance(c, str)
                else ""
                if c is None
                else c
                for c in cells
            ]
        )

    def flush(self) -> None:
        self.text.flush()
        self.text.detach()  # the stream itself is closed by open_atomically


class JsonWriter:
    """results.json, a student at a time: {"language", "catalogue", "students": [...],
    "summary"}; the summary comes last, once every student is counted."""

    def __init__(self, stream: IO[bytes], catalogue: Catalogue, lang: Lang) -> None:
        self.stream, self.names = stream, _names(catalogue, lang)
        self.first = True
        about = {"source": catalogue.source, "version": catalogue.version}
        head = f'{{\n  "language": {json.dumps(lang)},\n  "catalogue": {_json(about)},\n'
        self.stream.write(f'{head}  "students": ['.encode())

    def write(self, student: Student, note: str) -> None:
        entry = student_dict(student, self.names, note)
        separator = b"\n    " if self.first else b",\n    "
        self.first = False
        self.stream.write(separator + _json(entry).encode())

    def close(self, summary: Summary) -> None:
        tail = json_visible(
            json.dumps(summary_dict(summary), ensure_ascii=False, indent=2)
        ).replace("\n", "\n  ")
        self.stream.write(b'\n  ],\n  "summary": ' + tail.encode() + b"\n}\n")


def student_dict(student: Student, names: Mapping[str, str], note: str) -> dict[str, Any]:
    """One student in results.json (``names``: role id -> name in the class's language). The
    flags no_pattern, rushed and incomplete are null where not known, as in results.csv."""
    scored, read = student.status == "scored", student.status != "failed"
    timed = read and student.seconds is not None
    return {
        "source": student.source,
        "row": student.row,
        "kept": dict(student.kept),
        "label": student.label,
        "language": student.lang,
        "status": student.status,
        "answered": student.answered,
        "asked": student.asked,
        "seconds": None if student.seconds is None else round(student.seconds),
        "matches": [
            {"id": role, "name": names.get(role, role), "fit": fit} for role, fit in student.top
        ],
        "sure": None if student.sure is None else round(student.sure, 3),
        "band": student.band,
        "ready": student.ready,
        "way_in": student.way_in or None,
        "flags": list(student.flags),
        "group": student.group or None,
        "duplicate": student.duplicate,
        "no_pattern": student.no_pattern if scored else None,
        "rushed": student.rushed if timed else None,
        "incomplete": student.incomplete if read else None,
        "profile": dict(student.profile),
        "code": student.code,
        "note": note or None,
    }


def summary_dict(summary: Summary) -> dict[str, Any]:
    """The class as a whole, in results.json."""
    return {
        "students": summary.students,
        "scored": summary.scored,
        "too_few_answers": summary.too_few,
        "failed": summary.failed,
        "unsure": summary.unsure,
        "no_pattern": summary.no_pattern,
        "half_empty": summary.half_empty,
        "timed": summary.timed,
        "rushed": summary.rushed,
        "first_roles": dict(summary.first_roles),
        "profile": summary.profile,
        "talk_first": [
            {
                "source": e.student.source,
                "row": e.student.row,
                "label": e.student.label,
                "reasons": list(e.reasons),
            }
            for e in summary.talk_order()
        ],
        "talk_first_more": summary.talk_more,
        "duplicates": summary.duplicates,
        "groups": _tallies(summary.groups) if summary.by_group else {},
        "files": _tallies(summary.files) if summary.by_file else {},
    }


def _tallies(parts: Mapping[str, Tally]) -> dict[str, Any]:
    """A breakdown of the class (by class or by file) in results.json."""
    return {
        name: {"students": part.students, "scored": part.scored, "first_roles": part.first}
        for name, part in parts.items()
    }


# One encoder for every student (json.dumps would make one a call); the data is plain dicts
# and lists made here, never circular.
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def _json(data: Any) -> str:
    """One compact JSON value, hidden characters escaped (json_visible), as every JSON
    rolefinder writes."""
    return json_visible(_ENCODER.encode(data))
