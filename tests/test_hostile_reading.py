"""A class's files written by someone hostile, or broken by a disk (issue 24, items 1, 8, 9).

A row is a record, never a line: a student's free-text answer can hold lines shaped like rows,
and none of them is ever read as a student. A folder of sheets reports each odd entry on its
own. A very wide header or row is refused or fails alone, and its notes stay short.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
from pathlib import Path

import pytest

from rolefinder.catalogue.model import Catalogue
from rolefinder.classroom import tables
from rolefinder.classroom.forms import read
from rolefinder.classroom.records import Note, Row

FILLER = "x" * (128 * 1024 + 10)  # just over the csv module's field limit


def header(catalogue: Catalogue) -> list[str]:
    """A Google Forms header: its own columns, every question, a free-text question."""
    return ["Timestamp", "Name", *(q.prompt.get("en") for q in catalogue.questions), "Notes"]


def answers(catalogue: Catalogue) -> list[str]:
    """Each question's first option, as the form writes it."""
    return [q.options[0].text.get("en") for q in catalogue.questions]


def student(catalogue: Catalogue, name: str, notes: str = "") -> list[str]:
    return ["2026/11/24 9:00:00 AM GMT+7", name, *answers(catalogue), notes]


def export(rows: list[list[str]]) -> str:
    """Rows as Google Forms writes them: every cell quoted, quotes in a cell doubled."""
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def row_shaped(catalogue: Catalogue, names: list[str]) -> str:
    """Lines a student types into a free-text answer, each shaped like a form's row."""
    return "".join(
        ",".join(['"2026/11/24 9:00:00 AM GMT+7"', f'"{name}"', *answers(catalogue), '""']) + "\n"
        for name in names
    )


def read_rows(path: Path, catalogue: Catalogue) -> tuple[list[Row], list[Note]]:
    items = list(read([path], catalogue, "en"))
    return [i for i in items if isinstance(i, Row)], [i for i in items if isinstance(i, Note)]


INJECTED = ["Injected One", "Injected Two"]


# --- Item 1: a row is a record, never a line ------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        # Filler over the limit, rows, then a line with a quote: the old reader read both
        # rows as students and every later real row intact.
        pytest.param(lambda rows: FILLER + "\n" + rows + '"\n', id="with-a-closing-quote"),
        pytest.param(lambda rows: FILLER + "\n" + rows, id="without-a-closing-quote"),
        pytest.param(lambda rows: FILLER + rows, id="filler-on-the-first-line"),
        pytest.param(lambda rows: rows + FILLER, id="filler-after-the-rows"),
    ],
)
def test_a_student_cannot_add_students(catalogue, tmp_path, typed):
    hostile = typed(row_shaped(catalogue, INJECTED))
    rows = [
        header(catalogue),
        student(catalogue, "Ana"),
        student(catalogue, "Mallory", hostile),
        student(catalogue, "Budi"),
        student(catalogue, "Citra"),
    ]
    path = tmp_path / "form.csv"
    path.write_text(export(rows), "utf-8")
    read_back, _ = read_rows(path, catalogue)
    # The row over the limit fails, named by its row; every later real row is intact.
    expected = [(2, True), (3, False), (4, True), (5, True)]
    assert [(r.row, r.problem is None) for r in read_back] == expected
    assert [r.label for r in read_back if r.problem is None] == ["Ana", "Budi", "Citra"]
    assert "131,072 characters" in (read_back[1].problem or "")
    labels = " ".join(r.label for r in read_back)
    assert not any(name in labels for name in INJECTED)


def test_a_quote_never_closed_swallows_the_rest_and_adds_nobody(catalogue, tmp_path):
    # A file written by hand (or cut short): a quote opens a cell and nothing closes it.
    text = export([header(catalogue), student(catalogue, "Ana")])
    cells = ",".join(f'"{c}"' for c in student(catalogue, "Mallory")[:-1])
    ids = ",".join(q.options[0].id for q in catalogue.questions)  # rows with no quote at all
    shaped = "".join(f"2026/11/24 9:00,{name},{ids},\n" for name in INJECTED)
    text += cells + ',"' + FILLER[:100] + "\n" + shaped
    path = tmp_path / "form.csv"
    path.write_text(text, "utf-8")
    read_back, _ = read_rows(path, catalogue)
    assert [(r.row, r.problem is None) for r in read_back] == [(2, True), (3, False)]
    assert "nothing closes it" in (read_back[1].problem or "")


def test_every_kind_of_cut_row_fails_alone_in_the_results(runner, catalogue, tmp_path):
    hostile = FILLER + "\n" + row_shaped(catalogue, INJECTED) + '"\n'
    rows = [header(catalogue), student(catalogue, "Ana"), student(catalogue, "Mallory", hostile)]
    rows += [student(catalogue, "Budi")]
    path = tmp_path / "form.csv"
    path.write_text(export(rows), "utf-8")
    from rolefinder.cli.app import app

    out = tmp_path / "out"
    result = runner.invoke(app, ["class", str(path), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 1 and "row 3" in result.stderr
    listing = json.loads((out / "results.json").read_text("utf-8"))
    assert [s["status"] for s in listing["students"]] == ["scored", "failed", "scored"]
    assert listing["summary"]["students"] == 3
    for name in ("results.csv", "results.json", "summary.md"):
        assert not any(i in (out / name).read_text("utf-8-sig") for i in INJECTED)


def test_a_row_over_the_row_limit_fails_alone(catalogue, tmp_path):
    text = export([header(catalogue), student(catalogue, "Ana")])
    text += "Wide" + "," * (tables.MAX_ROW + 5) + "\r\n"  # cells all small: the row is long
    text += export([student(catalogue, "Budi")])
    path = tmp_path / "form.csv"
    path.write_text(text, "utf-8")
    read_back, _ = read_rows(path, catalogue)
    assert [(r.row, r.problem is None) for r in read_back] == [(2, True), (3, False), (4, True)]
    assert read_back[2].label == "Budi"


def test_a_row_of_many_long_cells_in_quotes_fails_alone(catalogue, tmp_path):
    # Each cell under the cell limit, with line breaks and rows typed in it; together over
    # the row limit: the row stops being read inside a cell, and the rest of it is skipped.
    cell = "y" * 100_000 + "\n" + row_shaped(catalogue, INJECTED)
    cells = [cell] * (tables.MAX_ROW // len(cell) + 2)
    rows = [header(catalogue), student(catalogue, "Ana"), student(catalogue, "Mallory") + cells]
    rows += [student(catalogue, "Budi")]
    path = tmp_path / "form.csv"
    path.write_text(export(rows), "utf-8")
    read_back, _ = read_rows(path, catalogue)
    assert [(r.row, r.problem is None) for r in read_back] == [(2, True), (3, False), (4, True)]
    assert "1,048,576 characters" in (read_back[1].problem or "")
    assert read_back[2].label == "Budi"


def records(text: str, separator: str) -> list[list[str] | str]:
    """Every row the record reader gives, or the error it raises for it."""
    reader = tables.Records(io.StringIO(text, newline=""), "", separator)
    found: list[list[str] | str] = []
    while True:
        try:
            found.append(next(reader))
        except StopIteration:
            return found
        except csv.Error as error:
            found.append(str(error))


def lines(text: str, separator: str) -> list[list[str] | str]:
    """What the csv module reads from the whole text, line by line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    found: list[list[str] | str] = []
    while True:
        try:
            found.append(next(reader))
        except StopIteration:
            return found
        except csv.Error as error:  # pragma: no cover - no cell here is over the limit
            found.append(str(error))


@pytest.mark.parametrize("piece", [1, 2, 3, 7, 1 << 16])
def test_records_split_as_the_csv_module_reads_them(monkeypatch, piece):
    # Texts of separators, quotes, line breaks (\r, \n, \r\n) and letters, read in pieces
    # of every size: a piece may end inside a cell, on a quote, between \r and \n.
    monkeypatch.setattr(tables, "PIECE", piece)
    rng = random.Random(piece)
    for _ in range(3000):
        separator = rng.choice(",;\t")
        text = "".join(rng.choice(f'a {separator}{separator}""\n\r') for _ in range(16))
        mine, theirs = records(text, separator), lines(text, separator)
        if mine != theirs:  # only a quote left open at the end reads differently: refused
            assert mine[:-1] == theirs[:-1] and mine[-1] == "form_quote_open", repr(text)


# --- Item 8: a folder of sheets reports each odd entry on its own ----------------------------


def sheet_text(catalogue: Catalogue) -> str:
    return json.dumps({q.id: q.options[0].id for q in catalogue.questions})


@pytest.mark.parametrize(
    ("odd", "words"),
    [
        pytest.param(lambda p: p.symlink_to(p.parent / "nowhere.yaml"), "not there", id="dangling"),
        pytest.param(lambda p: p.symlink_to(p), "loop", id="loop-to-itself"),
        pytest.param(
            lambda p: (p.symlink_to(p.parent / "c2.yaml"), (p.parent / "c2.yaml").symlink_to(p)),
            "loop",
            id="loop-of-two",
        ),
        pytest.param(lambda p: os.mkfifo(p), "pipe", id="fifo"),
        pytest.param(lambda p: p.mkdir(), "folder", id="folder"),
    ],
)
def test_an_odd_entry_in_a_folder_costs_that_entry_alone(catalogue, tmp_path, odd, words):
    folder = tmp_path / "sheets"
    folder.mkdir()
    for name in ("a.json", "z.json"):  # read before and after the odd one
        (folder / name).write_text(sheet_text(catalogue), "utf-8")
    odd(folder / "c.yaml")
    items = list(read([folder], catalogue, "en"))
    rows = [i for i in items if isinstance(i, Row)]
    notes = [i for i in items if isinstance(i, Note)]
    assert [(Path(r.source).name, r.problem) for r in rows] == [("a.json", None), ("z.json", None)]
    odd_notes = [n for n in notes if n.failed]
    assert odd_notes and all(Path(n.source).name in ("c.yaml", "c2.yaml") for n in odd_notes)
    assert words in odd_notes[0].text
    assert not any(n.source == str(folder) for n in notes)  # the folder itself is not blamed


def test_a_device_named_as_a_sheet_is_reported_not_opened(catalogue, tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "a.json").write_text(sheet_text(catalogue), "utf-8")
    (folder / "tty.yaml").symlink_to("/dev/tty")  # opening a terminal could take it over
    items = list(read([folder], catalogue, "en"))
    assert [type(i).__name__ for i in items] == ["Row", "Note"]
    assert items[1].failed and "device" in items[1].text


def test_an_odd_sheet_is_named_in_indonesian_too(catalogue, tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "c.yaml").symlink_to(folder / "nowhere.yaml")
    (notes,) = list(read([folder], catalogue, "id"))
    assert isinstance(notes, Note) and "tautan ke file yang tidak ada" in notes.text


# --- Item 9: wide headers and rows ----------------------------------------------------------


def test_a_header_wider_than_a_spreadsheet_is_refused(catalogue, tmp_path):
    from rolefinder.classroom.columns import MAX_COLUMNS

    path = tmp_path / "wide.csv"
    wide = header(catalogue) + ["x"] * MAX_COLUMNS
    path.write_text(export([wide, student(catalogue, "Ana")]), "utf-8")
    rows, notes = read_rows(path, catalogue)
    assert not rows and len(notes) == 1 and notes[0].failed
    assert "16,384" in notes[0].text and len(notes[0].text) < 300


def test_a_header_over_the_size_limit_is_refused(catalogue, tmp_path):
    path = tmp_path / "long.csv"
    title = "Notes " + "x" * 100_000
    wide = header(catalogue) + [title] * (tables.MAX_HEADER // len(title) + 1)
    path.write_text(export([wide, student(catalogue, "Ana")]), "utf-8")
    rows, notes = read_rows(path, catalogue)
    assert not rows and len(notes) == 1 and notes[0].failed
    assert "4,194,304 characters" in notes[0].text


def test_a_question_in_many_columns_is_named_in_a_short_note(catalogue, tmp_path):
    path = tmp_path / "repeated.csv"
    first = catalogue.questions[0].prompt.get("en")
    wide = header(catalogue) + [first] * 5000
    path.write_text(export([wide, student(catalogue, "Ana") + [""] * 5000]), "utf-8")
    rows, notes = read_rows(path, catalogue)
    assert [r.problem for r in rows] == [None]
    (repeated,) = [n for n in notes if "more than one column" in n.text]
    assert "and 4,996 more" in repeated.text and len(repeated.text) < 1000


def test_kept_columns_are_capped_with_a_note(catalogue, tmp_path):
    from rolefinder.classroom.columns import MAX_KEPT

    path = tmp_path / "names.csv"
    names = [f"Nama {n}" for n in range(MAX_KEPT + 100)]
    wide = header(catalogue) + names
    path.write_text(export([wide, student(catalogue, "Ana") + ["n"] * len(names)]), "utf-8")
    rows, notes = read_rows(path, catalogue)
    assert len(rows) == 1 and len(rows[0].kept) == MAX_KEPT
    assert rows[0].label == "Ana"  # the name question still names the student
    (capped,) = [n for n in notes if "were ignored" in n.text]
    assert "102 more column" in capped.text  # Timestamp and Name are kept, then 62 names


def by_record(text: str, separator: str, cell: int, row: int) -> list[list[str] | str]:
    """The rows of a text as the csv module splits its records, each one "error" where a
    cell is over ``cell`` characters, the record over ``row``, or a quote never closes."""
    lines = io.StringIO(text, newline="").readlines()
    given = 0
    ended = False

    def feed():  # the lines, counted: a row's lines are the ones fed since the last row
        nonlocal given, ended
        for line in lines:
            given += 1
            yield line
        ended = True

    found: list[list[str] | str] = []
    used = 0
    for cells in csv.reader(feed(), delimiter=separator):
        size = sum(map(len, lines[used:given]))
        bad = ended or size > row or any(len(c) > cell for c in cells)
        found.append("error" if bad else cells)
        used = given
    return found


@pytest.mark.parametrize("seed", range(4))
def test_a_row_that_cannot_be_read_costs_that_record_alone(monkeypatch, seed):
    # Tiny limits, so that rows fail everywhere: inside quotes, across lines, at the start.
    # Whatever fails, the rows after it are the csv module's own records.
    monkeypatch.setattr(tables, "MAX_ROW", 14)
    monkeypatch.setattr(tables, "MAX_HEADER", 14)
    rng = random.Random(seed)
    previous = csv.field_size_limit()
    try:
        for _ in range(2000):
            separator = rng.choice(",;")
            text = "".join(rng.choice(f'ab {separator}{separator}""\n\r') for _ in range(30))
            expected = by_record(text, separator, 5, 14)
            csv.field_size_limit(5)
            try:
                mine = records(text, separator)
            finally:
                csv.field_size_limit(previous)
            shown = [r if isinstance(r, list) else "error" for r in mine]
            assert shown == expected, repr(text)
    finally:
        csv.field_size_limit(previous)
