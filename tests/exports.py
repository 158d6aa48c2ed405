"""One class of four, exported as Google Forms and Microsoft Forms give it to a teacher, in every
shape `rolefinder class` reads (tests/test_exports.py).

The text exports are kept in tests/data/exports/, to read and to open in a spreadsheet; after a
change to the catalogue's texts, write them again with `python tests/exports.py` (a test checks
they are what this file writes). The binary ones (.xlsx, .zip, Excel's UTF-16 "Unicode Text")
are made by the test from the same table, with openpyxl and zipfile.

Students 0 and 1 give the same answers, and so do students 2 and 3, so that a typo in one
option's text reaches two rows, as a typo in a real form reaches everyone who chose it.
"""

from __future__ import annotations

import csv
import datetime
import io
import random
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

EXPORTS = Path(__file__).parent / "data" / "exports"
STUDENTS = [
    ("Budi Santoso", "budi@sekolah.sch.id"),
    ("Siti Nurhaliza", "siti@sekolah.sch.id"),
    ("André Wijaya", "andre@sekolah.sch.id"),
    ("Dewi Lestari", "dewi@sekolah.sch.id"),
]
GOOGLE_KEPT = {
    "en": ["Timestamp", "Email Address", "Name"],
    "id": ["Stempel waktu", "Alamat email", "Nama"],
}
MICROSOFT_KEPT = {
    "en": ["ID", "Start time", "Completion time", "Email", "Name"],
    "id": ["ID", "Waktu mulai", "Waktu penyelesaian", "Email", "Nama"],
}

# The form's mistakes, each (question's position, students, what the cells hold instead).
# A space inside a word and a doubled space (students 0 and 1), one letter wrong (2 and 3):
TYPO_SPACE = (
    0,
    (0, 1),
    "Draft next month's content calen dar from the trends I researched  last week.",
)
TYPO_LETTER = (1, (2, 3), "Get the team together, reset the KPIs and share out the fixs.")
OTHER = (2, (3,), "Lainnya: bikin konten sendiri")  # a typed "Other" answer
# Two options ticked, as Google Forms (", ") and Microsoft Forms (";") export checkboxes.
CHECKBOX = (3, (2, 1), "{first}, {second}|{first};{second};")


def choices(catalogue):
    """Each student's option id for every question, in the catalogue's order: picked at random
    (the same every run), as a real class answers, but for the two options the form's typos
    below are made in."""
    rng = random.Random(23)
    pairs = [{q.id: rng.choice(q.options).id for q in catalogue.questions} for _ in range(2)]
    for (position, students, _), index in ((TYPO_SPACE, 0), (TYPO_LETTER, 2)):
        question = catalogue.questions[position]
        pairs[students[0] // 2][question.id] = question.options[index].id
    return [dict(pairs[k // 2]) for k in range(len(STUDENTS))]


def _cells(catalogue, lang, edits):
    """Each student's answer texts, in question order, with ``edits`` made."""
    table = []
    for answers in choices(catalogue):
        table.append([q.option(answers[q.id]).text.get(lang) for q in catalogue.questions])
    for position, students, text in edits:
        question = catalogue.questions[position]
        for n, student in enumerate(students):
            if "|" in text:  # one form per student: Google's way, then Microsoft's
                first, second = (option.text.get(lang) for option in question.options[:2])
                table[student][position] = text.split("|")[n].format(first=first, second=second)
            else:
                table[student][position] = text
    return table


def google(catalogue, lang, edits=()):
    """Google Forms' "Download responses (.csv)": a timestamp, e-mail and name, then the
    questions as the form words them (a typographic apostrophe, as a phone types it)."""
    rows = [[*GOOGLE_KEPT[lang], *(q.prompt.get(lang) for q in catalogue.questions)]]
    for n, ((name, email), cells) in enumerate(
        zip(STUDENTS, _cells(catalogue, lang, edits), strict=True)
    ):
        stamp = f"2026/11/24 9:{n:02d}:00 AM GMT+7"
        rows.append([stamp, email, name, *(cell.replace("'", "\u2019") for cell in cells)])
    return rows


def microsoft(catalogue, lang, edits=()):
    """Microsoft Forms' columns (a number, start and completion times, e-mail, name), the
    times as a workbook holds them."""
    rows = [[*MICROSOFT_KEPT[lang], *(q.prompt.get(lang) for q in catalogue.questions)]]
    for n, ((name, email), cells) in enumerate(
        zip(STUDENTS, _cells(catalogue, lang, edits), strict=True)
    ):
        start = datetime.datetime(2026, 11, 24, 9, n)
        rows.append([n + 1, start, start + datetime.timedelta(minutes=6), email, name, *cells])
    return rows


def as_text(rows, delimiter=",", quote_all=False):
    """Rows as a spreadsheet program writes them: CRLF line ends, times as day/month/year."""
    out = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    for row in rows:
        writer.writerow(
            [
                c.strftime("%d/%m/%Y %H:%M:%S") if isinstance(c, datetime.datetime) else c
                for c in row
            ]
        )
    return out.getvalue()


# The kept text exports: name -> its bytes, from the catalogue.
TEXT_EXPORTS: dict[str, Callable] = {
    "google.csv": lambda c: as_text(google(c, "en"), quote_all=True).encode("utf-8"),
    "google-id.csv": lambda c: as_text(google(c, "id"), quote_all=True).encode("utf-8"),
    # Excel's "CSV UTF-8" of Microsoft's workbook: a byte-order mark.
    "excel-utf8-bom.csv": lambda c: b"\xef\xbb\xbf" + as_text(microsoft(c, "en")).encode("utf-8"),
    # Excel's plain "CSV" with Indonesian settings: Windows-1252 and semicolons.
    "excel-semicolon-1252.csv": lambda c: as_text(microsoft(c, "id"), ";").encode("cp1252"),
    "class.tsv": lambda c: as_text(google(c, "en"), "\t").encode("utf-8"),
    # Excel's "Text (Tab delimited)": Windows-1252 and tabs, saved as .txt.
    "excel-tab.txt": lambda c: as_text(microsoft(c, "en"), "\t").encode("cp1252"),
    "typo.csv": lambda c: as_text(google(c, "en", [TYPO_SPACE, TYPO_LETTER])).encode("utf-8"),
    "other.csv": lambda c: as_text(google(c, "id", [OTHER])).encode("utf-8"),
    "checkbox.csv": lambda c: as_text(google(c, "en", [CHECKBOX])).encode("utf-8"),
}


def workbook(rows, text_cells=()):
    """An Excel workbook holding ``rows`` on its one sheet, as Microsoft Forms downloads it;
    ``text_cells`` (row, column), from 1, hold text even where it starts with "="."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Form1"
    for row in rows:
        sheet.append(row)
    for row, column in text_cells:
        sheet.cell(row, column).data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zipped(members):
    """A zip of ``members`` (name -> bytes), as Google Forms' download packs its CSV."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


# The binary exports, made at test time: name -> its bytes, from the catalogue.
BINARY_EXPORTS: dict[str, Callable] = {
    "google.zip": lambda c: zipped({"Kelas 9A (Jawaban).csv": TEXT_EXPORTS["google-id.csv"](c)}),
    "microsoft.xlsx": lambda c: workbook(microsoft(c, "en")),
    # Excel's "Unicode Text": UTF-16 with a byte-order mark, tabs, saved as .txt.
    "excel-unicode.txt": lambda c: as_text(microsoft(c, "id"), "\t").encode("utf-16"),
    "zip-named.csv": lambda c: BINARY_EXPORTS["google.zip"](c),
    "xlsx-named.csv": lambda c: workbook(microsoft(c, "en")),
    "binary.csv": lambda c: bytes(range(256)) * 8,
}


def write(catalogue, folder=EXPORTS):
    """Write the text exports into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in TEXT_EXPORTS.items():
        (folder / name).write_bytes(make(catalogue))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parents[1] / "src"))
    from rolefinder import load_catalogue

    write(load_catalogue(str(Path(__file__).parents[1] / "data" / "roles.yaml")))
