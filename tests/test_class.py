"""`rolefinder class` and `questions --form`: form exports as Google Forms and Microsoft Forms
write them, answer sheets, code files; results, notes, failures and the output folder."""

from __future__ import annotations

import csv
import io
import json
import random
import tracemalloc
import zipfile
from pathlib import Path

import pytest
import yaml

from rolefinder.assess.codes import decode, encode
from rolefinder.assess.engine import rank
from rolefinder.assess.explain import band, flags
from rolefinder.catalogue.model import SKIP
from rolefinder.classroom.batch import score_class
from rolefinder.classroom.forms import read
from rolefinder.classroom.matching import normal
from rolefinder.classroom.records import Row
from rolefinder.classroom.scoring import Scorer
from rolefinder.classroom.timing import sitting_seconds
from rolefinder.present import report
from rolefinder.present.report import form_text
from rolefinder.words.i18n import t

NAMES = ["Budi Santoso", "Siti Nurhaliza", "Dewi Lestari", "Agus Salim", "Rina Wulandari"]
GOOGLE_KEPT = {
    "en": ["Timestamp", "Email Address", "Name"],
    "id": ["Stempel waktu", "Alamat email", "Nama"],
}
SKIP_TEXT = {"en": "Doesn't apply to me", "id": "Lewati pertanyaan ini"}
CURLY = "\u2019"  # a typographic apostrophe
MICROSOFT_KEPT = {
    "en": ["ID", "Start time", "Completion time", "Email", "Name"],
    "id": ["ID", "Waktu mulai", "Waktu penyelesaian", "Email", "Nama"],
}


def sheets(catalogue, count, seed=7):
    """Random answer sheets to every question (a few skipped)."""
    rng = random.Random(seed)
    return [
        {
            q.id: rng.choice([*(o.id for o in q.options), SKIP])
            if rng.random() < 0.1
            else rng.choice(q.options).id
            for q in catalogue.questions
        }
        for _ in range(count)
    ]


def smart(text):
    """Typographic quotes, as a phone keyboard or a word processor types them."""
    return text.replace("'", CURLY)


def export(catalogue, answers, lang, tool="google", path=None, delimiter=",", extra=True):
    """A form export as the tool writes it: its own kept columns, questions as headers (in
    ``lang``), option texts as cells (with smart quotes), a blank row, a byte-order mark for
    Microsoft's "CSV UTF-8", CRLF line ends, an extra column."""
    kept = (GOOGLE_KEPT if tool == "google" else MICROSOFT_KEPT)[lang]
    questions = list(catalogue.questions)
    header = [*kept, *(q.prompt.get(lang) for q in questions)] + (["Catatan"] if extra else [])
    out = io.StringIO()
    quoting = csv.QUOTE_ALL if tool == "google" else csv.QUOTE_MINIMAL
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerow(header)
    for n, sheet in enumerate(answers):
        name = NAMES[n % len(NAMES)] + f" {n}"
        email = f"s{n}@sekolah.sch.id"
        values = {
            "Timestamp": "2026/11/24 9:00:00 AM GMT+7",
            "Stempel waktu": "24/11/2026 09.00.00",
            "ID": str(n + 1),
            "Start time": "11/24/26 9:00:00",
            "Waktu mulai": "24/11/26 9.00",
            "Completion time": "11/24/26 9:09:00",
            "Waktu penyelesaian": "24/11/26 9.09",
            "Email Address": email,
            "Alamat email": email,
            "Email": email,
            "Name": name,
            "Nama": name,
        }
        cells = [values[column] for column in kept]
        for q in questions:
            chosen = sheet.get(q.id, SKIP)
            option = q.option(chosen)
            text = option.text.get(lang) if option else SKIP_TEXT[lang]
            cells.append(smart(text))
        writer.writerow(cells + (["datang telat"] if extra else []))
        if n == 1:
            writer.writerow([""] * len(header))  # a blank row, as a deleted response leaves
    data = out.getvalue().encode("utf-8")
    if tool == "microsoft":
        data = b"\xef\xbb\xbf" + data
    if path is not None:
        path.write_bytes(data)
    return data


def class_rows(path, catalogue, lang="en"):
    return [r for r in read([path], catalogue, lang) if isinstance(r, Row)]


@pytest.mark.parametrize("tool", ["google", "microsoft"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_form_export_is_read_back_to_the_answers_given(catalogue, tmp_path, tool, lang):
    given = sheets(catalogue, 12)
    path = tmp_path / "answers.csv"
    export(
        catalogue,
        given,
        lang,
        tool,
        path,
        delimiter=";" if (tool, lang) == ("microsoft", "id") else ",",
    )
    rows = class_rows(path, catalogue)
    assert len(rows) == 12  # the blank row is nobody
    for row, sheet in zip(rows, given, strict=True):
        assert row.problem is None
        assert row.answers == {q: o for q, o in sheet.items()}
        assert row.lang == lang
        assert row.label.startswith(tuple(NAMES))
        assert "Catatan" not in row.kept  # a column the class does not need: ignored
    assert rows[2].row == 5  # header row 1, students 2 and 3, the blank row 4


def test_the_class_scores_each_student_as_the_quiz_would(catalogue):
    scorer = Scorer(catalogue, "en")
    for sheet in sheets(catalogue, 60, seed=11):
        student = scorer.score(Row("s", 2, {}, "x", "id", sheet))
        if student.status == "too_few":
            continue
        result = rank(catalogue, sheet)
        assert student.top == tuple((m.id, m.fit) for m in result.listed[:3])
        assert (student.sure, student.ready) == (result.best.sure, result.best.ready)
        assert student.way_in == result.best.role.way_in.get("en")  # the class's language
        assert student.band == band(result)
        assert student.flags[: len(flags(result))] == flags(result)
        assert not student.rushed  # a sheet has no times
        assert student.profile == result.profile
        assert student.code == encode(catalogue, sheet, "id")
        assert decode(catalogue, student.code).answers == {q: o for q, o in sheet.items()}


def run_class(runner, args, lang="en"):
    from rolefinder.cli.app import app

    return runner.invoke(app, ["class", *map(str, args), "--lang", lang])


@pytest.mark.parametrize("lang", ["en", "id"])
def test_an_other_answer_in_a_duplicate_column_costs_nothing(runner, catalogue, tmp_path, lang):
    given = sheets(catalogue, 6, seed=3)
    data = export(catalogue, given, lang, "google").decode()
    lines = data.split("\r\n")
    first = catalogue.questions[0]
    # The teacher added the first question twice; the fourth student typed "Other: ..." in the
    # first of them: the second column answers the question, and a note names the first.
    header = next(csv.reader([lines[0]]))
    column = header.index(first.prompt.get(lang))
    rows = [next(csv.reader([line])) if line else [] for line in lines[1:]]
    header.append(header[column])
    for cells in rows:
        if cells:
            cells.append(cells[column])
    rows[3][column] = "Lainnya: bikin konten sendiri"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([header, *rows])
    path = tmp_path / "form.csv"
    path.write_text(out.getvalue(), "utf-8")
    result = run_class(runner, [path, "--out", tmp_path / "out"], lang)
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Lainnya: bikin konten sendiri") == 1
    assert f'"{first.prompt.get(lang)[:20]}' in result.stderr  # the column is named
    table, _ = results_table(tmp_path / "out")
    assert len(table) == 6  # every student has a row
    codes = t("class_col_code", lang)
    assert sum(1 for cells in table if cells[codes]) == 6  # six result codes
    listing = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))
    assert listing["summary"]["failed"] == 0 and listing["summary"]["students"] == 6
    assert listing["students"][3]["answered"] == listing["students"][3]["asked"]
    assert (tmp_path / "out" / "summary.html").read_text("utf-8").count("<svg") >= 2


def test_codes_sheets_and_folders(runner, catalogue, tmp_path):
    given = sheets(catalogue, 4, seed=5)
    codes = tmp_path / "codes.txt"
    first, second = encode(catalogue, given[0], "id"), encode(catalogue, given[1], "en")
    lines = ["# kelas 9A", "", f"Budi: {first}", second, "Siti, 4ZZZ-ZZZZ"]
    codes.write_text("\n".join(lines) + "\n", "utf-8")
    folder = tmp_path / "sheets"
    folder.mkdir()
    for n, sheet in enumerate(given[2:]):
        (folder / f"student{n}.json").write_text(json.dumps(sheet), "utf-8")
    (folder / "broken.yaml").write_text("monday: [", "utf-8")
    result = run_class(runner, [codes, folder, "-o", tmp_path / "out"])
    assert result.exit_code == 1
    listing = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))
    students = listing["students"]
    statuses = ["scored", "scored", "failed", "failed", "scored", "scored"]
    assert [s["status"] for s in students] == statuses
    assert students[0]["label"] == "Budi" and students[0]["language"] == "id"
    assert students[2]["row"] == 5 and students[2]["kept"] == {"name": "Siti"}


def test_an_existing_folder_is_refused_before_anything_is_read(runner, catalogue, tmp_path):
    path = tmp_path / "a.csv"
    export(catalogue, sheets(catalogue, 3), "en", path=path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", "utf-8")
    result = run_class(runner, [path, "--out", out])
    assert result.exit_code == 1 and "--force" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    result = run_class(runner, [path, "--out", out, "--force"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [
            "keep.txt",
            "results.csv",
            "results.xlsx",
            "results.json",
            "summary.md",
            "summary.html",
            "class.html",
        ]
    )
    assert not [p for p in out.iterdir() if p.name.startswith(".rolefinder-")]


def test_hostile_names_reach_neither_the_terminal_nor_a_spreadsheet_as_code(
    runner, catalogue, tmp_path
):
    given = sheets(catalogue, 2)
    data = export(catalogue, given, "en").decode()
    hostile = ['=HYPERLINK("http://x","click")', "[bold red]Budi[/] \x1b[31mred\x1b[0m"]
    lines = data.split("\r\n")
    for n, name in enumerate(hostile, start=1):
        cells = next(csv.reader([lines[n]]))
        cells[2] = name
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="").writerow(cells)
        lines[n] = buffer.getvalue()
    path = tmp_path / "f.csv"
    path.write_text("\r\n".join(lines), "utf-8")
    result = run_class(runner, [path, "-o", tmp_path / "o"])
    assert "\x1b" not in result.output
    table = list(csv.reader((tmp_path / "o" / "results.csv").read_text("utf-8-sig").splitlines()))
    assert table[1][0] == "'" + hostile[0]  # the name, first, shown as text by a spreadsheet


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("class.xlsx", b"PK\x03\x04", "damaged"),
        ("empty.csv", b"", "empty"),
        ("other.csv", b"a,b,c\n1,2,3\n", "questions --form"),
        ("latin.csv", b"\xff\xfe\x00", ""),
    ],
)
def test_files_that_are_not_a_class(runner, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    result = run_class(runner, [path, "-o", tmp_path / "o"])
    assert result.exit_code == 1, result.output
    assert words in result.stderr
    assert "Traceback" not in result.output


def test_the_printed_form_is_what_the_class_reads(runner, catalogue, tmp_path):
    from rolefinder.cli.app import app

    for lang in ("en", "id"):
        text = runner.invoke(app, ["questions", "--form", "--lang", lang]).stdout
        blocks = [b for b in text.split("\n\n")[2:] if b.strip()]
        assert len(blocks) == len(catalogue.questions)
        header, cells = ["Nama"], ["Dewi"]
        for block in blocks:
            title, *options = block.strip().splitlines()
            header.append(title)  # with its number: "3. ..."
            cells.append(options[0].removeprefix("   - ").strip())
        path = tmp_path / f"form-{lang}.csv"
        lines = [",".join(f'"{text}"' for text in texts) for texts in (header, cells)]
        path.write_text("\n".join(lines) + "\n", "utf-8")
        (row,) = class_rows(path, catalogue)
        assert row.answers == {q.id: q.options[0].id for q in catalogue.questions}


def test_texts_match_whatever_the_case_spacing_punctuation_and_quotes():
    assert normal(f"  Doesn{CURLY}t   APPLY to me!! ") == normal("doesnt apply to me")
    assert normal("\u201cData\u201d\u2014first\u2026") == normal('"data" first')


def test_memory_does_not_grow_with_the_class(catalogue, tmp_path):
    def peak(count):
        path = tmp_path / f"c{count}.csv"
        export(catalogue, sheets(catalogue, count, seed=count), "id", path=path)
        tracemalloc.start()
        # In this process: the helper process (taken for a file of HELPER_BYTES or more, which
        # 4000 rows of the Indonesian form pass) holds IN_FLIGHT chunks by design.
        score_class(catalogue, [path], tmp_path / f"o{count}", "id", helper=False)
        size = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return size

    # Both past the 200 students listed to talk to first, the one list that grows to a cap.
    small, large = peak(1000), peak(4000)
    assert large < 1.2 * small, (small, large)  # four times the rows, not four times the memory


def test_a_helper_process_gives_the_same_files(catalogue, tmp_path):
    path = tmp_path / "big.csv"
    export(catalogue, sheets(catalogue, 2500, seed=9), "id", "microsoft", path, delimiter=";")
    with path.open("a", encoding="utf-8") as stream:  # a row cut short fails, after a chunk
        stream.write(";".join(["x"] * 5) + "\r\n")
    one = score_class(catalogue, [path], tmp_path / "one", "id", helper=False)
    two = score_class(catalogue, [path], tmp_path / "two", "id", helper=True)
    assert (one.students, one.failed) == (two.students, two.failed) == (2501, 1)
    names = ("results.csv", "results.xlsx", "results.json", "summary.md", "summary.html")
    for name in (*names, "class.html"):  # no file holds a date: results.xlsx's parts neither
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    with zipfile.ZipFile(tmp_path / "one" / "results.xlsx") as book:
        assert {info.date_time for info in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_an_interrupted_class_leaves_no_folder_and_no_temporary_file(catalogue, tmp_path):
    path = tmp_path / "long.csv"
    export(catalogue, sheets(catalogue, 1100), "en", path=path)

    def stop(file, done):
        raise KeyboardInterrupt

    for out, existed in ((tmp_path / "new", False), (tmp_path / "old", True)):
        if existed:
            out.mkdir()
            (out / "results.csv").write_text("last term's", "utf-8")
        with pytest.raises(KeyboardInterrupt):
            score_class(catalogue, [path], out, "en", force=True, progress=stop, helper=False)
        if existed:  # the old results are as they were; nothing half-written is left
            assert [p.name for p in out.iterdir()] == ["results.csv"]
            assert (out / "results.csv").read_text("utf-8") == "last term's"
        else:
            assert not out.exists()


def test_the_most_pressing_students_are_never_crowded_off_the_list(catalogue):
    from rolefinder.classroom.scoring import TALK_FIRST_MAX, Student, Summary

    def student(row, **figures):
        return Student("c.txt", row, {}, f"S{row}", "en", **figures)

    summary = Summary(catalogue, "en")
    tie = {"status": "scored", "top": (("graphic-designer", 61), ("social-media-admin", 58))}
    for row in range(1, TALK_FIRST_MAX + 51):
        summary.add(student(row, **tie, sure=0.8, band="good", flags=("near_tie",)))
    explorer = student(900, status="scored", top=(("graphic-designer", 70),), band="unsure")
    summary.add(Student(**{**explorer.__dict__, "flags": ("exploring",)}))
    summary.add(student(901, status="too_few", answered=3))
    order = summary.talk_order()
    assert [entry.student.row for entry in order[:2]] == [901, 900]
    assert (len(order), summary.talk_more) == (TALK_FIRST_MAX, 52)
    assert summary.unsure == 1  # the explorer: unsure, and listed


def test_a_freshly_loaded_catalogue_scores_the_same_in_the_helper(tmp_path):
    import pickle

    from rolefinder import load_catalogue

    fresh = load_catalogue()  # nothing cached on it yet: what the helper process is sent
    copy = pickle.loads(pickle.dumps(fresh))
    assert copy.experience is not None and copy.outlook is not None
    path = tmp_path / "c.csv"
    export(fresh, sheets(fresh, 300, seed=4), "en", path=path)
    score_class(fresh, [path], tmp_path / "helped", "en", helper=True)
    score_class(load_catalogue(), [path], tmp_path / "alone", "en", helper=False)
    for name in ("results.csv", "results.json"):
        assert (tmp_path / "helped" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes()


def test_a_windows_1252_export_is_read_whole(catalogue, tmp_path):
    data = export(catalogue, sheets(catalogue, 60), "id").decode("utf-8")
    lines = data.split("\r\n")
    cells = next(csv.reader([lines[50]]))
    cells[2] = "André Café"  # far past the first 64 KiB, the only accented name
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="").writerow(cells)
    lines[50] = buffer.getvalue()
    path = tmp_path / "ansi.csv"
    path.write_bytes("\r\n".join(lines).replace(CURLY, "'").encode("cp1252"))
    rows = class_rows(path, catalogue)
    assert len(rows) == 60 and all(row.problem is None for row in rows)
    assert "André Café" in [row.label for row in rows]


def test_one_broken_row_costs_that_row_only(runner, catalogue, tmp_path):
    data = export(catalogue, sheets(catalogue, 5), "en").decode("utf-8")
    lines = data.split("\r\n")
    cells = next(csv.reader([lines[2]]))
    cells[2] = "x" * 200_000  # over the csv module's field limit
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    lines[2] = buffer.getvalue()
    path = tmp_path / "f.csv"
    path.write_text("\r\n".join(lines), "utf-8")
    result = run_class(runner, [path, "-o", tmp_path / "o"])
    assert result.exit_code == 1 and "row 3" in result.stderr
    listing = json.loads((tmp_path / "o" / "results.json").read_text("utf-8"))
    assert [s["status"] for s in listing["students"]] == ["scored", "failed", *["scored"] * 3]


def test_odd_inputs_and_outputs(runner, catalogue, tmp_path):
    import os

    path = tmp_path / "a.csv"
    export(catalogue, sheets(catalogue, 3), "en", path=path)
    # A file name that is not UTF-8, the same file twice: read once, named safely.
    odd = tmp_path / os.fsdecode(b"kelas-\xff.csv")
    odd.write_bytes(path.read_bytes())
    result = run_class(runner, [odd, odd, "-o", tmp_path / "o"])
    assert result.exit_code == 0, result.output
    assert "kelas-\ufffd.csv" in (tmp_path / "o" / "results.csv").read_text("utf-8-sig")
    assert (
        json.loads((tmp_path / "o" / "results.json").read_text("utf-8"))["summary"]["students"] == 3
    )
    # Nothing that exists: one line, and no folder made.
    result = run_class(runner, [tmp_path / "nosuch.csv", "-o", tmp_path / "none"])
    assert result.exit_code == 1 and "nosuch.csv" in result.stderr
    assert not (tmp_path / "none").exists()
    # The output folder may not be an input.
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "s.json").write_text(json.dumps(sheets(catalogue, 1)[0]), "utf-8")
    result = run_class(runner, [folder, "-o", folder, "--force"])
    assert result.exit_code == 1 and "--out" in result.stderr
    # A header alone is no class.
    header = tmp_path / "header.csv"
    header.write_text(path.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    result = run_class(runner, [header, "-o", tmp_path / "h"])
    assert result.exit_code == 1


def test_a_pipe_is_refused_not_waited_on(runner, catalogue, tmp_path):
    import os

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result = run_class(runner, [fifo, "-o", tmp_path / "o"])
    assert result.exit_code == 1 and "pipe.csv" in result.stderr


def test_a_header_given_twice_keeps_both_columns(catalogue, tmp_path):
    data = export(catalogue, sheets(catalogue, 2), "en", extra=False).decode("utf-8")
    lines = [line for line in data.split("\r\n") if line]
    rows = [next(csv.reader([line])) for line in lines]
    rows[0].append("Name")
    for n, cells in enumerate(rows[1:], start=1):
        cells.append(f"nickname {n}")
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "twice.csv"
    path.write_text(buffer.getvalue(), "utf-8")
    first, second = [row for row in class_rows(path, catalogue) if row.answers]
    assert first.kept["Name"].startswith(tuple(NAMES))
    assert [key for key in first.kept if key.startswith("Name (")] != []
    assert "nickname 1" in first.kept.values() and "nickname 2" in second.kept.values()


# --- What results.csv says of each student ---------------------------------------------------

DATA = Path(__file__).parent / "data"


def printed_form(catalogue, lang):
    """(question id, header, {option id: text}) for every question, from the form as
    `questions --form` prints it for a teacher to type into Google Forms (report.form_text):
    the headers such a form exports are its question lines, "3. ..." numbers and all."""
    text = form_text(catalogue, lang)
    blocks = [b for b in text.split("\n\n")[2:] if b.strip()]
    first = [q for q in (catalogue.experience, catalogue.outlook) if q is not None]
    ordered = [*first, *(q for q in catalogue.questions if q not in first)]
    assert len(blocks) == len(ordered)
    found = []
    for question, block in zip(ordered, blocks, strict=True):
        title, *options = block.strip().splitlines()
        assert " ".join(question.prompt.get(lang).split()) in title
        texts = [option.removeprefix("   - ").strip() for option in options[:-1]]  # no skip
        ids = [option.id for option in question.options]
        found.append((question.id, title, dict(zip(ids, texts, strict=True))))
    return found


def google_export(catalogue, students, lang, path):
    """A Google Forms export of the printed form: its kept columns, the question lines as
    headers, the option texts as cells (every cell quoted), a blank cell for no answer."""
    form = printed_form(catalogue, lang)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([*GOOGLE_KEPT[lang], *(title for _, title, _ in form)])
    for n, (name, answers) in enumerate(students):
        kept = [f"2026/11/24 9:{n:02d}:00 AM GMT+7", f"s{n}@sekolah.sch.id", name]
        cells = [options.get(answers.get(question, ""), "") for question, _, options in form]
        writer.writerow(kept + cells)
    path.write_text(out.getvalue(), "utf-8")


def results_table(out):
    """results.csv as a list of {header: cell}, and the header (separated by commas, or by
    semicolons for an Indonesian class)."""
    lines = (out / "results.csv").read_text("utf-8-sig").splitlines()
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    rows = list(csv.reader(lines, delimiter=delimiter))
    return [dict(zip(rows[0], cells, strict=True)) for cells in rows[1:]], rows[0]


def column(key, lang, **values):
    return t(f"class_col_{key}", lang, **values)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_class_with_no_experience_gets_the_roles_its_students_wrote(catalogue, tmp_path, lang):
    """Thirty students who all answered "None yet" to the experience question, each of them
    answering as someone of one role's type would (tests/data/class-none-yet.yaml: three for
    each role, some careless about an answer or two): nearly all get that role as their best
    fit, and results.csv tells each the way in and whether they can apply now."""
    students = yaml.safe_load((DATA / "class-none-yet.yaml").read_text("utf-8"))
    assert len(students) == 30 and all(s["answers"]["experience"] == "none" for s in students)
    assert {s["role"] for s in students} == {role.id for role in catalogue.roles}
    path = tmp_path / "class.csv"
    google_export(catalogue, [(s["name"], s["answers"]) for s in students], lang, path)
    summary = score_class(catalogue, [path], tmp_path / "out", lang)
    assert (summary.students, summary.scored, summary.failed) == (30, 30, 0)
    table, _ = results_table(tmp_path / "out")
    by_name = {role.name.get(lang): role for role in catalogue.roles}
    wrong = []
    for student, row in zip(students, table, strict=True):
        assert row[GOOGLE_KEPT[lang][2]] == student["name"]
        best = by_name[row[column("best", lang)]]
        if best.id != student["role"]:
            wrong.append((student["name"], student["role"], best.id))
        # the way in, whatever the best fit: the role's own, in the class's language
        assert row[column("way_in", lang)] == best.way_in.get(lang) != ""
        # nobody has experience: a senior role is for later, its way in says how to get there
        level = report.level_text(best, lang)
        expected = {
            "entry": t("ready_now_short", lang),
            "mid": t("ready_junior_short", lang)
            if best.junior
            else t("ready_later_short", lang, level=level),
            "senior": t("ready_later_short", lang, level=level),
        }[best.level]
        assert row[column("ready", lang)] == expected
        assert 0 < int(row[column("fit", lang)]) <= 100
        assert 1 <= int(row[column("sure", lang)]) <= 99
        assert row[column("no_pattern", lang)] == t("class_no", lang)
        assert row[column("rushed", lang)] == ""  # Google Forms has no start time
        assert row[column("incomplete", lang)] == t("class_no", lang)
    assert len(wrong) <= 2, wrong  # at least 28 of 30
    listing = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))
    assert len(listing["students"]) == 30
    for entry in listing["students"]:
        best = catalogue.role(entry["matches"][0]["id"])
        assert entry["way_in"] == best.way_in.get(lang)
        junior = "junior" if best.junior else "later"
        assert entry["ready"] == {"entry": "now", "mid": junior, "senior": "later"}[best.level]
        assert entry["rushed"] is None and entry["seconds"] is None
    # nobody rushed or skipped: the summary says nothing of rushing without the times
    assert t("summary_rushed", lang) not in (tmp_path / "out" / "summary.md").read_text("utf-8")


def timed_export(catalogue, times, lang, path):
    """A Microsoft Forms export (start and completion times) of the same careful student,
    once for each (start, completion) pair."""
    answers = yaml.safe_load((DATA / "class-none-yet.yaml").read_text("utf-8"))[0]["answers"]
    data = export(catalogue, [answers] * len(times), lang, "microsoft").decode("utf-8-sig")
    rows = [next(csv.reader([line])) for line in data.split("\r\n") if line.strip(",")]
    for cells, (start, end) in zip(rows[1:], times, strict=True):
        cells[1:3] = [start, end]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


@pytest.mark.parametrize(
    ("lang", "times"),
    [
        (
            "en",
            [
                ("11/24/26 9:00:00", "11/24/26 9:00:40"),
                ("11/24/26 9:00:00", "11/24/26 9:06:00"),
                ("11/24/26 9:00:00", "soon"),
            ],
        ),
        (
            "id",
            [
                ("24/11/2026 09.00.00", "24/11/2026 09.00.40"),
                ("24/11/2026 09.00.00", "24/11/2026 09.06.00"),
                ("24/11/2026 09.10.00", "24/11/2026 09.00.00"),  # ends before it starts
            ],
        ),
    ],
)
def test_a_forty_second_sitting_is_rushed_and_a_six_minute_one_is_not(
    catalogue, tmp_path, lang, times
):
    path = tmp_path / "ms.csv"
    timed_export(catalogue, times, lang, path)
    summary = score_class(catalogue, [path], tmp_path / "out", lang)
    assert (summary.scored, summary.timed, summary.rushed) == (3, 2, 1)
    table, _ = results_table(tmp_path / "out")
    rushed = [row[column("rushed", lang)] for row in table]
    assert rushed == [t("class_yes", lang), t("class_no", lang), ""]  # a bad time: no flag
    reason = t("summary_reason_rushed", lang, seconds=40, limit=3)
    assert reason in table[0][column("note", lang)]
    assert all(reason not in row[column("note", lang)] for row in table[1:])
    students = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))["students"]
    assert [s["seconds"] for s in students] == [40, 360, None]
    assert [s["rushed"] for s in students] == [True, False, None]
    assert students[0]["flags"][-1] == "rushed"
    # the student to talk to first, and why; the count the summary shows
    listing = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))["summary"]
    assert [e["reasons"] for e in listing["talk_first"]] == [["rushed"]]
    report_md = (tmp_path / "out" / "summary.md").read_text("utf-8")
    assert f"- {t('summary_rushed', lang)}: 1\n" in report_md
    assert reason in report_md.replace("\\", "")


@pytest.mark.parametrize(
    ("start", "end", "seconds"),
    [
        ("11/24/26 9:00:00", "11/24/26 9:09:00", 540),  # Microsoft Forms, English
        ("24/11/26 9.00", "24/11/26 9.09", 599),  # Indonesian, minutes only: the longest
        ("24/11/26 9.00", "24/11/26 9.00", 59),
        ("2026-11-24T09:00:00+07:00", "2026-11-24T02:00:40Z", 40),  # time zones
        ("Nov 24, 2026 9:00:00 AM", "Nov 24, 2026 9:00:40 AM", 40),
        ("24-Nov-26 11:59:50 PM", "25-Nov-26 12:00:30 AM", 40),  # over midnight
        ("05/06/26 23:59:50", "06/06/26 00:00:30", 40),  # day first
        ("11/12/26 23:59:50", "11/13/26 00:00:30", 40),  # month first, as the end shows
        ("Selasa, 24 November 2026 09.00.00", "Selasa, 24 November 2026 09.06.00", 360),
        ("24 Mei 2026 9.00.00", "24 Mei 2026 9.00.30", 30),
        ("2026/11/24 9:00:00\u202fAM", "2026/11/24 9:00:40\u202fAM", 40),
        ("24.11.2026 09:00:00", "24.11.2026 09:06:00", 360),
        ("46350.375", "46350.3755", 43),  # a spreadsheet's own number
        ("05/06/2026 23:59:50", "05/06/2026 00:00:30", None),  # ends before it starts
        ("31/02/26 9:00", "31/02/26 9:01", None),  # no such day
        ("11/24/2026 13:00:00 PM", "11/24/2026 13:01:00", None),
        ("", "11/24/26 9:00", None),
        ("yesterday", "today", None),
        ("=1+1", "9:00", None),
        ("9" * 200, "9", None),
    ],
)
def test_start_and_completion_times_in_common_formats(start, end, seconds):
    found = sitting_seconds(start, end)
    assert (None if found is None else round(found)) == seconds


def test_no_clear_pattern_half_empty_and_too_few_are_flagged(catalogue, tmp_path):
    careful = yaml.safe_load((DATA / "class-none-yet.yaml").read_text("utf-8"))[3]["answers"]
    bank = [q.id for q in catalogue.bank]
    first = {q.id: q.options[0].id for q in catalogue.questions}  # always the first option
    half = {q: careful[q] for q in ["experience", *bank[:9]]}  # 9 of the 25: scored, half-empty
    few = {q: careful[q] for q in bank[:4]}
    students = [("Clicker", first), ("Half", half), ("Few", few), ("Careful", careful)]
    path = tmp_path / "c.csv"
    google_export(catalogue, students, "en", path)
    summary = score_class(catalogue, [path], tmp_path / "out", "en")
    assert (summary.scored, summary.too_few, summary.no_pattern, summary.half_empty) == (3, 1, 1, 1)
    table, _ = results_table(tmp_path / "out")
    flags_shown = [
        [row[column(key, "en")] for key in ("no_pattern", "incomplete")] for row in table
    ]
    assert flags_shown == [["yes", "no"], ["no", "yes"], ["", "yes"], ["no", "no"]]
    listing = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))
    assert listing["students"][1]["asked"] == len(bank)
    reasons = {e["label"]: e["reasons"] for e in listing["summary"]["talk_first"]}
    assert reasons["Few"] == ["too_few"] and reasons["Half"][0] == "half_empty"
    assert reasons["Clicker"][0] == "no_pattern"
    assert "unsure" not in reasons["Clicker"] and "near_tie" not in reasons["Clicker"]
    assert "Careful" not in reasons
    assert t("summary_reason_no_pattern", "en") in table[0][column("note", "en")]
    have = t("summary_reason_half_empty", "en", have=9, asked=len(bank))
    assert have in table[1][column("note", "en")]


def test_the_results_columns_in_order(catalogue, tmp_path):
    path = tmp_path / "a.csv"
    export(catalogue, sheets(catalogue, 3), "en", path=path)
    score_class(catalogue, [path], tmp_path / "o", "en")
    _, header = results_table(tmp_path / "o")
    assert header == [
        "name",
        "best fit",
        "fit (of 100)",
        "how sure (%)",
        "can start now?",
        "way in",
        "role 2",
        "fit 2",
        "role 3",
        "fit 3",
        "answered",
        "no clear pattern",
        "rushed",
        "half-empty",
        "sent twice",
        "result code",
        "note",
        "source",
        "row",
        *GOOGLE_KEPT["en"],
    ]
