"""`rolefinder class` reads every export as it comes (tests/exports.py makes them): Google's
CSV and zip, Microsoft's workbook, Excel's CSV in its encodings and separators, its tab .txt,
a .tsv; options typed with a typo, an "Other" answer and a checkbox question; and refuses what
is not an export, whatever its name says."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exports import (
    BINARY_EXPORTS,
    CHECKBOX,
    EXPORTS,
    OTHER,
    STUDENTS,
    TEXT_EXPORTS,
    TYPO_LETTER,
    TYPO_SPACE,
    choices,
    microsoft,
    workbook,
    zipped,
)
from rolefinder.classroom.forms import read
from rolefinder.classroom.matching import EXACT, NEAR, SEVERAL, UNKNOWN, Matcher, _distance
from rolefinder.classroom.records import Note, Row
from rolefinder.classroom.tables import MAX_UNPACKED, ZIP_FILES

NAMES = [name for name, _ in STUDENTS]


def run_class(runner, args, lang="en"):
    from rolefinder.cli.app import app

    return runner.invoke(app, ["class", *map(str, args), "--lang", lang])


def made(catalogue, name, folder):
    """An export of the corpus: a kept text file, or a binary one made now into ``folder``."""
    if name in TEXT_EXPORTS:
        return EXPORTS / name
    path = folder / name
    path.write_bytes(BINARY_EXPORTS[name](catalogue))
    return path


def typed(position, students, text):
    """The note's words for a near spelling of an option: the whole text as Google exports it
    (a typographic apostrophe), and how many rows had it."""
    return ['"' + text.replace("'", "\u2019") + '"', f"({len(students)} row(s))"]


# Each export: (file, language of its texts, the cells that are no one option (student ->
# question's position), whether it has start and completion times, words each in one note).
READ = [
    ("google.csv", "en", {}, False, []),
    ("google-id.csv", "id", {}, False, []),
    ("google.zip", "id", {}, False, []),
    ("microsoft.xlsx", "en", {}, True, []),
    ("excel-utf8-bom.csv", "en", {}, True, []),
    ("excel-semicolon-1252.csv", "id", {}, True, []),
    ("excel-unicode.txt", "id", {}, True, []),
    ("excel-tab.txt", "en", {}, True, []),
    ("class.tsv", "en", {}, False, []),
    ("typo.csv", "en", {}, False, [typed(*TYPO_SPACE), typed(*TYPO_LETTER)]),
    ("other.csv", "id", {3: OTHER[0]}, False, [[f'"{OTHER[2]}"', "1 answer(s)", '"Other"']]),
    (
        "checkbox.csv",
        "en",
        {2: CHECKBOX[0], 1: CHECKBOX[0]},
        False,
        [["2 answer(s)", "checkboxes"]],
    ),
]


@pytest.mark.parametrize(
    ("name", "lang", "unread", "timed", "notes"), READ, ids=[r[0] for r in READ]
)
def test_every_export_gives_the_class_and_one_note_per_column(
    catalogue, tmp_path, name, lang, unread, timed, notes
):
    items = list(read([made(catalogue, name, tmp_path)], catalogue, "en"))
    rows = [item for item in items if isinstance(item, Row)]
    said = [item for item in items if isinstance(item, Note)]
    assert [row.label for row in rows] == NAMES
    assert [row.row for row in rows] == [2, 3, 4, 5]  # the header is row 1
    for n, (row, chosen) in enumerate(zip(rows, choices(catalogue), strict=True)):
        lost = catalogue.questions[unread[n]].id if n in unread else None
        assert row.problem is None
        assert row.answers == {q: o for q, o in chosen.items() if q != lost}
        assert row.unread == ((lost,) if lost else ())
        assert row.lang == lang
        assert row.seconds == (360 if timed else None)  # six minutes, where the export says
    assert not [note for note in said if note.failed]
    column_notes = [note.text for note in said if "column" in note.text]
    assert len(column_notes) == len(notes), column_notes
    for words, text in zip(notes, column_notes, strict=True):
        for word in words:
            assert word in text, (word, text)


def test_a_near_spelling_is_quoted_whole_with_the_option_it_was_read_as(catalogue):
    path = EXPORTS / "typo.csv"
    (first, second) = [n.text for n in read([path], catalogue, "en") if isinstance(n, Note)]
    question = catalogue.questions[TYPO_SPACE[0]]
    option = question.option(choices(catalogue)[0][question.id]).text.get("en")
    as_typed = TYPO_SPACE[2].replace("'", "\u2019")  # the doubled space too
    assert f'"{as_typed}" was read as "{option}" (2 row(s))' in first
    assert "Correct the option in the form" in first and '"Get the team' in second


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("zip-named.csv", {"en": "holds a zip file", "id": "isinya file zip"}),
        ("xlsx-named.csv", {"en": "holds an Excel workbook", "id": "isinya file Excel"}),
        ("binary.csv", {"en": "binary data", "id": "data biner"}),
    ],
)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_file_that_is_not_what_its_name_says_is_refused_clearly(
    runner, catalogue, tmp_path, name, words, lang
):
    path = made(catalogue, name, tmp_path)
    result = run_class(runner, [path, "-o", tmp_path / "out"], lang)
    assert result.exit_code == 1, result.output
    assert words[lang] in result.stderr and name in result.stderr
    assert "Traceback" not in result.output
    assert all(ch.isprintable() or ch == "\n" for ch in result.output)  # no byte of the file
    assert not (tmp_path / "out").exists()  # nothing read: no folder to block the rerun


def test_a_refused_file_leaves_no_folder_and_the_rerun_needs_no_force(runner, catalogue, tmp_path):
    bad = made(catalogue, "xlsx-named.csv", tmp_path)
    out = tmp_path / "kelas-results"
    result = run_class(runner, [bad, "-o", out])
    assert result.exit_code == 1 and "Nothing could be read" in result.stdout
    assert not out.exists()
    good = tmp_path / "microsoft.xlsx"
    good.write_bytes(bad.read_bytes())
    result = run_class(runner, [good, "-o", out])
    assert result.exit_code == 0, result.output
    listing = json.loads((out / "results.json").read_text("utf-8"))
    assert [s["label"] for s in listing["students"]] == NAMES
    assert listing["students"][0]["kept"]["Start time"] == "2026-11-24 09:00:00"


def test_class_json_names_the_folder_only_when_it_was_written(runner, catalogue, tmp_path):
    bad = made(catalogue, "xlsx-named.csv", tmp_path)
    result = run_class(runner, [bad, "-o", tmp_path / "none", "--json"])
    assert result.exit_code == 1 and json.loads(result.stdout)["out"] is None
    good = tmp_path / "microsoft.xlsx"
    good.write_bytes(bad.read_bytes())
    result = run_class(runner, [good, "-o", tmp_path / "some", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["out"] == str(tmp_path / "some")


def test_the_kept_exports_are_what_the_script_writes(catalogue, tmp_path):
    from exports import write

    write(catalogue, tmp_path)
    for name in TEXT_EXPORTS:
        assert (EXPORTS / name).read_bytes() == (tmp_path / name).read_bytes(), (
            f"{name}: run python tests/exports.py"
        )


# --- Hostile files -----------------------------------------------------------------------------


def refused(catalogue, path):
    items = list(read([path], catalogue, "en"))
    assert not [item for item in items if isinstance(item, Row)]
    (note,) = items
    assert note.failed
    return note.text


def bomb(size):
    """A zip whose one CSV unpacks to ``size`` bytes of zeros (about 1,000 times smaller)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("answers.csv", "w", force_zip64=True) as member,
    ):
        for _ in range(size >> 20):
            member.write(b"0" * (1 << 20))
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (lambda c: bomb(64 << 20), "far more than its own size"),
        (
            lambda c: zipped({f"{n}.csv": b"x" for n in range(ZIP_FILES + 1)}),
            f"holds {ZIP_FILES + 1} files",
        ),
        (lambda c: zipped({"a.csv": b"x", "b.csv": b"y"}), "holds 2 CSV files"),
        (lambda c: zipped({"readme.md": b"x"}), "holds 0 CSV files"),
        (lambda c: zipped({"answers.csv": b"x"})[:-30], "damaged"),  # cut short
    ],
    ids=["bomb", "many", "two", "none", "cut"],
)
def test_a_hostile_or_broken_zip_is_refused(catalogue, tmp_path, data, words):
    path = tmp_path / "answers.zip"
    path.write_bytes(data(catalogue))
    assert words in refused(catalogue, path)
    assert MAX_UNPACKED >= 1 << 30  # a real class's zip is far below it


def test_a_name_inside_a_zip_is_only_ever_shown(catalogue, tmp_path):
    inner = tmp_path / "inner"
    inner.mkdir()
    path = inner / "answers.zip"
    path.write_bytes(zipped({"../../evil.csv": TEXT_EXPORTS["google.csv"](catalogue)}))
    rows = [row for row in read([path], catalogue, "en") if isinstance(row, Row)]
    assert [row.label for row in rows] == NAMES
    assert rows[0].source.endswith("answers.zip/../../evil.csv")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["answers.zip", "inner"]


def test_a_workbook_gives_its_values_never_a_formula_worked_out(catalogue, tmp_path):
    rows = microsoft(catalogue, "en")
    rows[1][4] = "=1+1"  # typed as a name: text
    rows[2][4] = '=HYPERLINK("http://x","click")'  # a formula, saved without its value
    path = tmp_path / "f.xlsx"
    data = workbook(rows, text_cells=[(2, 5)])
    path.write_bytes(data)
    labels = [row.label for row in read([path], catalogue, "en") if isinstance(row, Row)]
    assert labels[:2] == ["=1+1", STUDENTS[1][1]]  # no value: the e-mail names the student
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    assert "damaged" in refused(catalogue, cut)


def test_a_list_of_codes_named_txt_is_still_read_as_codes(catalogue, tmp_path):
    from rolefinder.assess.codes import encode

    path = tmp_path / "codes.txt"
    path.write_text(f"Budi\t{encode(catalogue, choices(catalogue)[0], 'en')}\n", "utf-8")
    (row,) = [r for r in read([path], catalogue, "en") if isinstance(r, Row)]
    assert row.label == "Budi" and row.answers == choices(catalogue)[0]


# --- Forgiving matching ------------------------------------------------------------------------

MONDAY = "Draft next month's content calendar from the trends I researched last week."
KINDS = {"exact": EXACT, "near": NEAR, "unknown": UNKNOWN, "several": SEVERAL, "blank": EXACT}


@pytest.mark.parametrize(
    ("cell", "how"),
    [
        (MONDAY, "exact"),
        ("  draft NEXT month's content calendar, from the trends i researched last week", "exact"),
        ("Draft next month's content calen dar from the trends I researched last week.", "near"),
        ("Draft next month's contnet calendar from the trends I researched last week.", "near"),
        ("Draft next mnth's content calendar from the trends I researched last wek.", "near"),
        ("Draft next mnth's content calndar from the trends I researchd last wek.", "unknown"),
        ("Menyusun kalender konten bulan depan berdasarkan tren yang kuriset minggu lalu", "exact"),
        ("Menyusun kalender konten bulan depan berdasarkan tren yg kuriset minggu lalu", "near"),
        ("Doesnt aply to me", "near"),
        ("Lainnya: bikin konten sendiri", "unknown"),
        (f"{MONDAY}, Reply to every comment and DM that came in over the weekend.", "several"),
        ("", "blank"),
    ],
)
def test_a_cell_is_matched_exactly_near_or_not_at_all(catalogue, cell, how):
    option, _, kind = Matcher(catalogue).option("monday", cell)
    assert kind == KINDS[how]
    assert bool(option) == (how in ("exact", "near"))


def test_a_near_match_needs_a_margin_over_the_second_nearest_option(catalogue):
    matcher = Matcher(catalogue)  # two options a letter apart: a cell between them is neither
    matcher.letters["monday"] = [("postingschedule", "a", "en"), ("postingschedules", "b", "en")]
    assert matcher.option("monday", "Postng schedule")[2] == UNKNOWN  # 1 from a, 2 from b
    assert matcher.option("monday", "Posting schedulez")[2] == UNKNOWN  # 1 from each
    matcher = Matcher(catalogue)
    matcher.letters["monday"] = [("postingschedule", "a", "en"), ("bannerdesigns", "b", "en")]
    assert matcher.option("monday", "Postng schedule")[:3:2] == ("a", NEAR)


def test_a_file_of_noise_is_compared_a_bounded_number_of_times(catalogue):
    from rolefinder.classroom.matching import NEAR_TRIES

    matcher = Matcher(catalogue)
    for n in range(NEAR_TRIES + 50):
        matcher.option("monday", f"noise {n}")
    assert matcher.tries == 0
    assert matcher.option("monday", MONDAY[:-3] + "xx.")[2] == UNKNOWN  # no longer searched


def levenshtein(one, other):
    """The edit distance, the whole table worked out: what the banded one must agree with."""
    previous = list(range(len(other) + 1))
    for i, char in enumerate(one, start=1):
        current = [i]
        for j, theirs in enumerate(other, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != theirs))
            )
        previous = current
    return previous[-1]


@given(st.text("abc ", max_size=12), st.text("abc ", max_size=12), st.integers(0, 4))
def test_the_banded_distance_is_the_edit_distance_up_to_its_limit(one, other, limit):
    assert _distance(one, other, limit) == min(levenshtein(one, other), limit + 1)
