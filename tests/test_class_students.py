"""`rolefinder class`: the right student in each row, each student once, and the files a
teacher opens (results.csv and results.xlsx).

Each case is a small form export built here, shaped as Google Forms, Microsoft Forms or a
teacher's own spreadsheet writes it, with the students, names, classes and notes expected."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from rolefinder.classroom.batch import score_class
from rolefinder.classroom.records import Row
from rolefinder.classroom.scoring import Submissions, repeats
from rolefinder.words.i18n import t

ANSWER = 1  # every student answers each question with its second option: all are scored


def form(catalogue, columns, rows, lang="en"):
    """A form export: ``columns`` (the kept ones) then every question; each row gives the
    kept cells, and every question gets its second option's text."""
    questions = list(catalogue.questions)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*columns, *(q.prompt.get(lang) for q in questions)])
    for cells in rows:
        writer.writerow([*cells, *(q.options[ANSWER].text.get(lang) for q in questions)])
    return out.getvalue()


MS = ["ID", "Start time", "Completion time", "Email", "Name"]
START, END = "11/24/26 9:00:00", "11/24/26 9:09:00"

# (id, {file name: (columns, rows)}, extra arguments, [(name, class, sent twice)] in the
# order results.csv lists them, [words each of the notes about files holds])
CASES = [
    (
        "microsoft-anonymous-name-before-nama-siswa",
        {
            "ms.csv": (
                [*MS, "Nama siswa"],
                [
                    ["1", START, END, "anonymous", "anonymous", "Budi Santoso"],
                    ["2", START, END, "anonymous", "anonymous", "Siti Nurhaliza"],
                ],
            )
        },
        [],
        [("Budi Santoso", "", False), ("Siti Nurhaliza", "", False)],
        [],
    ),
    (
        "nama-sekolah-before-nama-siswa",
        {
            "f.csv": (
                ["Timestamp", "Nama Sekolah", "Nama Siswa"],
                [
                    ["2026/11/24 9:00:00", "SMK Negeri 1", "Agus Salim"],
                    ["2026/11/24 9:01:00", "SMK Negeri 1", "Rina Wulandari"],
                ],
            )
        },
        [],
        [("Agus Salim", "", False), ("Rina Wulandari", "", False)],
        [],
    ),
    (
        "the-generated-forms-name-question-wins",
        {
            "f.csv": (
                ["Nama guru", "Nama lengkap", "Full name"],
                [["Bu Ani", "Dewi", "Dewi Lestari"]],
            )
        },
        [],
        [("Dewi", "", False)],
        [],
    ),
    (
        "a-double-submission-by-e-mail-keeps-the-later-one",
        {
            "f.csv": (
                ["Timestamp", "Email Address", "Your name"],
                [
                    ["2026/11/24 9:00:00", "budi@sekolah.id", "Budi"],
                    ["2026/11/24 9:05:00", "siti@sekolah.id", "Siti"],
                    ["2026/11/24 9:30:00", "BUDI@sekolah.id ", "Budi S."],
                ],
            )
        },
        [],
        [("Siti", "", False), ("Budi S.", "", True)],
        [["f.csv row 2", "Budi", "f.csv row 4"]],
    ),
    (
        "a-double-submission-by-name-keeps-the-latest-time-not-the-last-row",
        {
            "f.csv": (
                ["Timestamp", "Name"],
                [
                    ["24/11/2026 10.00.00", "Budi  Santoso"],
                    ["24/11/2026 09.00.00", "budi santoso"],
                    ["24/11/2026 09.10.00", "Siti"],
                ],
            )
        },
        [],
        [("Budi  Santoso", "", True), ("Siti", "", False)],
        [["f.csv row 3", "budi santoso", "f.csv row 2"]],
    ),
    (
        "a-kelas-column-is-kept",
        {
            "f.csv": (
                ["Nama", "Kelas", "No. Absen"],
                [["Budi", "9A", "1"], ["Siti", "9B", "2"], ["Dewi", "9A", "3"]],
            )
        },
        [],
        [("Budi", "9A", False), ("Siti", "9B", False), ("Dewi", "9A", False)],
        [],
    ),
    (
        "two-class-files",
        {
            "9A.csv": (["Nama lengkap"], [["Budi"], ["Siti"]]),
            "9B.csv": (["Nama lengkap"], [["Dewi"]]),
        },
        [],
        [("Budi", "", False), ("Siti", "", False), ("Dewi", "", False)],
        [],
    ),
    (
        "the-same-name-in-two-classes-is-two-students",
        {
            "9A.csv": (["Nama"], [["Budi"]]),
            "9B.csv": (["Nama"], [["Budi"]]),
            "9C.csv": (["Nama", "Kelas"], [["Budi", "9C"], ["Budi", "9D"]]),
        },
        [],
        [("Budi", "", False), ("Budi", "", False), ("Budi", "9C", False), ("Budi", "9D", False)],
        [],
    ),
    (
        "name-column-given",
        {"f.csv": (["Siapa kamu?", "Nama Sekolah"], [["Agus", "SMK 1"], ["Rina", "SMK 1"]])},
        ["Siapa kamu?"],
        [("Agus", "", False), ("Rina", "", False)],
        [],
    ),
    (
        "name-column-not-found",
        {"f.csv": (["Nama lengkap"], [["Agus"]])},
        ["Nama panggilan"],
        [("Agus", "", False)],
        [["f.csv", "Nama panggilan"]],
    ),
]


def run(catalogue, tmp_path, files, name_column, lang="en"):
    paths = []
    for name, (columns, rows) in files.items():
        path = tmp_path / name
        path.write_text(form(catalogue, columns, rows), "utf-8")
        paths.append(path)
    out = tmp_path / "out"
    column = name_column[0] if name_column else None
    summary = score_class(catalogue, paths, out, lang, name_column=column)
    listing = json.loads((out / "results.json").read_text("utf-8"))
    return summary, listing, out


@pytest.mark.parametrize(
    ("files", "extra", "students", "notes"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_right_students_once_each(catalogue, tmp_path, files, extra, students, notes):
    summary, listing, _ = run(catalogue, tmp_path, files, extra)
    found = [
        (s["label"].replace(str(tmp_path) + "/", ""), s["group"] or "", s["duplicate"])
        for s in listing["students"]
    ]
    assert found == students
    assert summary.students == len(students)
    said = [note.text.replace(str(tmp_path) + "/", "") for note in summary.notes]
    for words in notes:  # each expected note, once
        assert sum(all(w in text for w in words) for text in said) == 1, (words, said)
    twice = [s for s in listing["students"] if s["duplicate"]]
    assert listing["summary"]["duplicates"] == len(twice)
    for student in twice:
        assert t("class_note_twice", "en") in student["note"]


def test_a_microsoft_workbook_gives_the_right_students_once_each(catalogue, tmp_path):
    """The same choices for an .xlsx export as Microsoft Forms downloads it (read through
    tables.py), and the second reading that finds who sent twice reads the workbook again."""
    text = form(catalogue, [*MS, "Nama Sekolah", "Nama siswa", "Kelas"], [])
    header = next(csv.reader(io.StringIO(text)))
    answers = [q.options[ANSWER].text.get("en") for q in catalogue.questions]
    late = "11/24/26 10:09:00"
    rows = [
        ["1", START, late, "anonymous", "anonymous", "SMA 1", "Budi", "9A", *answers],
        ["2", START, END, "anonymous", "anonymous", "SMA 1", "Siti", "9A", *answers],
        ["3", START, END, "anonymous", "anonymous", "SMA 1", "budi ", "9A", *answers],
    ]
    book = openpyxl.Workbook()
    for cells in [header, *rows]:
        book.active.append(cells)
    path = tmp_path / "ms.xlsx"
    book.save(path)
    out = tmp_path / "out"
    summary = score_class(catalogue, [path], out, "en")
    listing = json.loads((out / "results.json").read_text("utf-8"))
    found = [(s["label"], s["group"], s["duplicate"]) for s in listing["students"]]
    assert found == [("Budi", "9A", True), ("Siti", "9A", False)]  # row 2 is the later one
    assert summary.duplicates == 1
    assert [n.text for n in summary.notes if "row 4" in n.text and "row 2" in n.text]
    sheet = openpyxl.load_workbook(out / "results.xlsx").active
    assert [c.value for c in sheet[1]][:2] == [t("class_col_name", "en"), "Kelas"]


def test_a_double_submission_is_told_once_on_screen(runner, catalogue, tmp_path):
    from rolefinder.cli.app import app

    path = tmp_path / "f.csv"
    rows = [["a@x.id", "Budi"], ["b@x.id", "Siti"], ["a@x.id", "Budi"]]
    path.write_text(form(catalogue, ["Email", "Name"], rows), "utf-8")
    result = runner.invoke(app, ["class", str(path), "-o", str(tmp_path / "o"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("sent the form again") == 1
    assert "results.xlsx" in result.stdout


def test_a_class_column_and_files_give_a_breakdown(catalogue, tmp_path):
    files = {
        "9A.csv": (["Nama", "Kelas"], [["Budi", "9A"], ["Siti", "9A"], ["Dewi", ""]]),
        "9B.csv": (["Nama", "Kelas"], [["Agus", "9B"]]),
    }
    _, listing, out = run(catalogue, tmp_path, files, [])
    role = catalogue.role(listing["students"][0]["matches"][0]["id"])
    first = role.name.get("en")
    assert {g: v["students"] for g, v in listing["summary"]["groups"].items()} == {
        "9A": 2,
        "9B": 1,
        "": 1,
    }
    assert len(listing["summary"]["files"]) == 2
    markdown = (out / "summary.md").read_text("utf-8")
    assert "## By class" in markdown and "## By file" in markdown
    assert f"| 9A | 2 | 2 | {first} 2 |" in markdown  # every student answers alike: one role
    assert "| (no class given) | 1 | 1 |" in markdown
    page = (out / "summary.html").read_text("utf-8")
    assert '<section id="groups">' in page and '<section id="files">' in page
    view = (out / "class.html").read_text("utf-8")  # projected: by class, never a file's name
    assert '<section id="groups">' in view and '<section id="files">' not in view
    assert "9A.csv" not in view and "Budi" not in view


def test_one_file_without_a_class_column_has_no_breakdown(catalogue, tmp_path):
    _, listing, out = run(catalogue, tmp_path, {"f.csv": (["Nama"], [["Budi"]])}, [])
    assert listing["summary"]["groups"] == {} and listing["summary"]["files"] == {}
    assert "## By" not in (out / "summary.md").read_text("utf-8")


# --- The files a teacher opens ------------------------------------------------------------

TEACHER_FORM = (
    [
        "Timestamp",
        "Email Address",
        "Nama",
        "Kelas",
        "No. Absen",
        "NISN",
        "Start time",
        "Completion time",
    ],
    [
        ["2026/11/24 9:00:00", "a@x.id", "=HYPERLINK(1)", "9A", "02", "0051234567", START, END],
        [
            "2026/11/24 9:01:00",
            "b@x.id",
            "Siti",
            "9B",
            "10",
            "0051234568",
            START,
            "11/24/26 9:00:30",
        ],
    ],
)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_results_xlsx_opens_ready_to_sort_and_filter(catalogue, tmp_path, lang):
    run(catalogue, tmp_path, {"f.csv": TEACHER_FORM}, [], lang)
    book = openpyxl.load_workbook(tmp_path / "out" / "results.xlsx")
    sheet = book.active
    assert sheet.title == t("class_sheet", lang)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(sheet.max_column)}3"
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == [t("class_col_name", lang), "Kelas", "No. Absen", "NISN"]
    assert all(cell.font.b for cell in sheet[1])
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    assert [row[header[0]] for row in rows] == ["=HYPERLINK(1)", "Siti"]
    assert sheet["A2"].data_type == "s" and sheet["A2"].quotePrefix  # text, never a formula
    assert [row["No. Absen"] for row in rows] == [2, 10]  # sorts as a number
    assert [row["NISN"] for row in rows] == ["0051234567", "0051234568"]  # an id: as written
    for key in ("fit", "sure", "answered"):  # fit 2 is empty where one role is listed
        name = t(f"class_col_{key}", lang, n=2)
        assert all(isinstance(row[name], int) for row in rows), name
    assert rows[1][t("class_col_rushed", lang)] == t("class_yes", lang)
    assert rows[0][t("class_col_duplicate", lang)] == t("class_no", lang)
    assert all(sheet.column_dimensions[letter].width >= 8 for letter in "ABCDEFGH")
    assert sheet.column_dimensions["A"].width == 28


@pytest.mark.parametrize(("lang", "separator"), [("en", ","), ("id", ";")])
def test_results_csv_has_names_first_and_numbers_as_numbers(catalogue, tmp_path, lang, separator):
    run(catalogue, tmp_path, {"f.csv": TEACHER_FORM}, [], lang)
    text = (tmp_path / "out" / "results.csv").read_text("utf-8-sig")
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    header, rows = table[0], [dict(zip(table[0], r, strict=True)) for r in table[1:]]
    assert header[:4] == [t("class_col_name", lang), "Kelas", "No. Absen", "NISN"]
    assert header[-7:] == [
        t("class_col_source", lang),
        t("class_col_row", lang),
        "Timestamp",
        "Email Address",
        "Nama",
        "Start time",
        "Completion time",
    ]
    assert [row[header[0]] for row in rows] == ["'=HYPERLINK(1)", "Siti"]
    for key in ("fit", "sure", "answered"):  # fit 2 is empty where one role is listed
        name = t(f"class_col_{key}", lang, n=2)
        assert all(0 <= int(row[name]) <= 100 for row in rows), name


def test_the_filters_false_alarm_replaces_nobody_and_a_real_second_submission_is_found():
    class Tiny(Submissions):
        BITS = 8  # a filter that soon takes every key for one it has seen

    rows = [Row("f.csv", n, {}, f"s{n}", "en", {}, key=f"@s{n}") for n in range(2, 30)]
    rows.append(Row("f.csv", 30, {}, "s5 again", "en", {}, key="@s5"))
    sent = Tiny()
    for row in rows:
        sent.add(row)
    assert len(sent.again) > 2  # false alarms, and the real one
    found = repeats(rows, sent.again)
    assert found.replaced == {("f.csv", 5): ("f.csv", 30)}
    assert found.kept == {("f.csv", 30)}
