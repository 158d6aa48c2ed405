"""A class's answers, read as a stream: form exports, answer sheets and files of result codes.

- **Form exports** (``.csv``, ``.tsv``) from Google Forms or Microsoft Forms (via Excel's "CSV
  UTF-8"): a header row of question texts, in either language, and one row per student whose
  cells hold option texts. Texts are matched ignoring case, spacing, punctuation and the kind
  of quotes (see ``normal``); a question number typed before a question ("3. ...") is ignored,
  and so are question ids. Timestamp, name, e-mail, id, class and roll-number columns are
  kept as they are; any other column is ignored, with a note. The student's name is chosen
  as NAME_QUESTIONS and STUDENT_NAMES say (or --name-column), and each row carries what finds
  a second submission (``Row.key``, ``Row.when``) and the student's class (``Row.group``).
  Where the export has a start and a completion time (Microsoft Forms), each row says how
  long the sitting took (see ``sitting_seconds``). The separator (comma, semicolon as Excel
  writes in Indonesian settings, or tab) is read from the header; the encoding is UTF-8 (a
  byte-order mark is fine), UTF-16 with a byte-order mark, or else Windows-1252.
- **Answer sheets** (``.yaml``, ``.yml``, ``.json``: question id -> option id) and folders of
  them.
- **Result codes**, one a line, optionally after a name and a tab, comma, semicolon or colon;
  blank lines and lines starting with ``#`` are skipped.

Rows are matched once per distinct cell text (a class repeats the same few texts), and read
one at a time, so memory does not grow with the number of rows. Nothing here scores.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import functools
import io
import itertools
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from rolefinder.catalogue import load_answers
from rolefinder.codes import Coder
from rolefinder.engine import check_answers
from rolefinder.errors import MAX_PROBLEMS, RolefinderError, read_problem
from rolefinder.i18n import t, visible
from rolefinder.languages import LANGS, Lang
from rolefinder.model import SKIP, Catalogue

FORM_SUFFIXES = (".csv", ".tsv")
SHEET_SUFFIXES = (".yaml", ".yml", ".json")
SPREADSHEET_SUFFIXES = (".xlsx", ".xls", ".ods", ".numbers")  # refused, with what to do
MAX_CODE_LINE = 4096
SHOWN_TEXT = 60  # characters of an unknown cell quoted in a message

# Header texts, normalised, of the columns kept as they are: Google Forms and Microsoft Forms
# in English and Indonesian, and what teachers commonly name their own columns.
TIMESTAMP_HEADERS = frozenset(
    {
        "timestamp",
        "stempel waktu",
        "start time",
        "completion time",
        "last modified time",
        "waktu mulai",
        "waktu selesai",
        "waktu penyelesaian",
        "waktu modifikasi terakhir",
        "end time",
        "date",
        "tanggal",
    }
)
# Of those, the columns that say when a student started and finished the form (Microsoft
# Forms' own, in English and Indonesian): together they give how long the sitting took.
START_HEADERS = frozenset({"start time", "waktu mulai"})
END_HEADERS = frozenset({"completion time", "waktu penyelesaian", "waktu selesai", "end time"})
NAME_WORDS = frozenset({"name", "nama"})  # "Full name", "Nama lengkap", "Nama siswa"
# Which column names the student, best first: the name question of the form `questions --form`
# builds (and "Name" alone), then a column that can only hold a student's name. Any other
# column with a name word names the student only when it is the one such column and says
# nothing of a school, a teacher or a parent ("Nama Sekolah" before "Nama Siswa").
NAME_QUESTIONS = frozenset({"your name", "nama kamu", "name", "nama"})
STUDENT_NAMES = frozenset(
    {
        "student name",
        "students name",
        "nama siswa",
        "nama murid",
        "nama peserta didik",
        "nama lengkap",
        "nama lengkap siswa",
        "full name",
    }
)
NOT_STUDENT_WORDS = frozenset(
    {"school", "sekolah", "teacher", "guru", "wali", "parent", "orang", "ayah", "ibu", "kelas"}
)
# What Microsoft Forms writes in its own Name column when the form does not ask who answers.
ANONYMOUS = frozenset({"anonymous", "anonim"})
# Columns kept for the teacher: a student's class or group (the summary gives a breakdown by
# it), and their roll number.
GROUP_HEADERS = frozenset({"class", "kelas", "group", "kelompok", "rombel", "rombongan belajar"})
ROLL_HEADERS = frozenset(
    {"no absen", "nomor absen", "absen", "no", "nis", "nisn", "roll number", "roll no"}
)
EMAIL_WORDS = frozenset({"email", "mail", "surel"})  # "Email Address", "Alamat email", "E-mail"
ID_HEADERS = frozenset({"id"})  # Microsoft Forms' response number

# Typographic quotes (left, right, low and reversed single and double ones) as typed ones.
_QUOTES = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b", "'") | dict.fromkeys("\u201c\u201d\u201e", '"')
)
_NUMBERED = re.compile(r"^\s*(?:(?:q|no|nomor|soal|question|pertanyaan)\.?\s*)?\d{1,3}\s*[.):]\s*")


def normal(text: str) -> str:
    """``text`` as compared with the catalogue: Unicode-normalised (NFKC), case-folded, smart
    quotes made plain and apostrophes dropped, every other character that is not a letter or
    digit made a space, spaces collapsed. So "Doesn't  apply!" and "doesnt apply" are the
    same (whatever the apostrophe), and so are "data-first" and "data first"."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().replace("'", "")
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text).split())


@dataclass(frozen=True)
class Row:
    """One student as read: the kept columns and the answers, or why they cannot be read."""

    source: str
    row: int  # the spreadsheet row (the header is row 1), the line of a code file, 0 for a sheet
    kept: Mapping[str, str]
    label: str  # the name, else the e-mail, else where the row is
    lang: Lang  # the language most of the answers' texts are in (the class's otherwise)
    answers: Mapping[str, str] | None  # question id -> option id; None when it cannot be read
    problem: str | None = None  # what is wrong with the row, in the class's language
    asked: int | None = None  # questions about the work the form put (None: those in answers)
    seconds: float | None = None  # how long the sitting took, where the export says
    group: str = ""  # the student's class or group, where a column says
    key: str = ""  # who answered, to find a second submission: e-mail, else name; '' unknown
    when: str = ""  # when the form was sent, as the export writes it ('' unknown)


@dataclass(frozen=True)
class Note:
    """Something about a whole file: worth saying, and a failure when ``failed``."""

    source: str
    text: str
    failed: bool = False


Progress = Callable[[int], None]  # bytes read so far, in the current file


BLANK: tuple[str, Lang | None] = ("", None)  # an empty cell: the question not answered
_UNSEEN = object()  # a cell text not met before


@dataclass
class Matcher:
    """A catalogue's question and option texts, normalised once, in every language."""

    catalogue: Catalogue
    questions: dict[str, str] = field(default_factory=dict)  # header -> question id
    options: dict[str, dict[str, tuple[str, Lang | None]]] = field(default_factory=dict)
    seen: dict[str, dict[str, tuple[str, Lang | None] | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        skips = {normal(t(key, lang)): lang for key in ("skip", "form_skip") for lang in LANGS}
        for question in self.catalogue.questions:
            texts = [question.id, *(question.prompt.get(lang) for lang in LANGS)]
            texts += [question.label.get(lang) for lang in LANGS]
            for text in texts:
                self.questions.setdefault(normal(text), question.id)
            known: dict[str, tuple[str, Lang | None]] = {normal(SKIP): (SKIP, None)}
            known.update({text: (SKIP, lang) for text, lang in skips.items()})
            for option in question.options:
                known[normal(option.id)] = (option.id, None)
                for lang in LANGS:
                    known[normal(option.text.get(lang))] = (option.id, lang)
            self.options[question.id] = known
            self.seen[question.id] = {}

    def question(self, header: str) -> str | None:
        """The id of the question a column's header names, if any."""
        text = normal(header)
        return self.questions.get(text) or self.questions.get(normal(_NUMBERED.sub("", header)))

    def option(self, question_id: str, cell: str) -> tuple[str, Lang | None] | None:
        """(option id or SKIP, the language of the text) for a cell; BLANK for an empty
        cell; None when no option of the question has this text. Each distinct cell text is
        normalised once."""
        seen = self.seen[question_id]
        found = seen.get(cell, _UNSEEN)
        if found is not _UNSEEN:
            return found  # type: ignore[return-value]
        if len(seen) > 10_000:  # a hostile file of all-different texts: stay bounded
            seen.clear()
        text = normal(cell)
        match = seen[cell] = self.options[question_id].get(text) if text else BLANK
        return match


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
                if suffix in FORM_SUFFIXES:
                    yield from _form(path, matcher, lang, tell, name_column)
                elif suffix in SHEET_SUFFIXES:
                    yield _sheet(path, catalogue, lang)
                else:
                    yield from _codes(path, coder, lang, tell)
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


# --- Answer sheets ---------------------------------------------------------------------------


def _folder(
    folder: Path, catalogue: Catalogue, lang: Lang, seen: set[tuple[int, int]]
) -> Iterator[Row | Note]:
    sheets = sorted(p for p in folder.iterdir() if p.suffix.lower() in SHEET_SUFFIXES)
    found = False
    for sheet in sheets:
        status = sheet.stat()
        if not stat.S_ISREG(status.st_mode):  # a folder named x.json, a FIFO: not a sheet
            continue
        found = True
        if (status.st_dev, status.st_ino) in seen:
            yield Note(path_text(sheet), t("form_again", lang, source=path_text(sheet)))
            continue
        seen.add((status.st_dev, status.st_ino))
        yield _sheet(sheet, catalogue, lang)
    if not found:
        source = path_text(folder)
        yield Note(source, t("form_empty_folder", lang, source=source), True)


def _sheet(path: Path, catalogue: Catalogue, lang: Lang) -> Row:
    source, name = path_text(path), path_text(Path(path.name))
    try:
        answers = load_answers(str(path))
        check_answers(catalogue, answers)
    except RolefinderError as error:
        problem = "; ".join(error.describe(lang).splitlines())
        return Row(source, 0, {}, name, lang, None, problem)
    return Row(source, 0, {}, name, lang, answers)


# --- Result codes ----------------------------------------------------------------------------

_NAME_SEPARATOR = re.compile(r"^(.*)[\t,;:]\s*([^\t,;:]*)$")


def _codes(path: Path, coder: Coder, lang: Lang, progress: Progress) -> Iterator[Row | Note]:
    source = path_text(path)
    with path.open("rb") as stream:
        text = _text_stream(stream, path, lang)
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
            key = _name_key(name, source)
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


# --- Form exports ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    """What each column of a form export holds."""

    questions: dict[str, list[int]]  # question id -> its columns (more than one: a duplicate)
    kept: dict[int, str]  # column -> its header, kept as it is
    names: tuple[int, ...]  # the columns that can name the student, best first
    email: int | None
    width: int  # the header's number of columns
    asked: int  # questions about the work among the columns
    start: int | None = None  # the columns of the sitting's start and completion times
    end: int | None = None
    group: int | None = None  # the student's class or group
    sent: int | None = None  # when the form was sent: the completion time, else the timestamp
    named: bool = True  # False: the --name-column asked for is not in the header


def _form(
    path: Path, matcher: Matcher, lang: Lang, progress: Progress, name_column: str | None
) -> Iterator[Row | Note]:
    source = path_text(path)
    with path.open("rb") as stream:
        text = _text_stream(stream, path, lang)
        first = text.readline()
        delimiter = _delimiter(first, path)
        reader = csv.reader(itertools.chain([first], text), delimiter=delimiter)
        try:
            header = next(reader, None)
        except csv.Error as error:
            where = t("form_where", lang, source=source, row=1)
            yield Note(source, t("form_broken", lang, where=where, reason=str(error)), True)
            return
        if header is None:
            yield Note(source, t("form_empty", lang, source=source), True)
            return
        columns = _columns(header, matcher, name_column)
        if not columns.named:
            wanted = visible(name_column or "")
            yield Note(source, t("form_no_name_column", lang, source=source, column=wanted))
        yield from _header_notes(source, header, columns, matcher, lang)
        if not columns.questions:
            return
        students = 0
        for number in itertools.count(2):
            if number % 1024 == 0:
                progress(stream.tell())
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:  # one row: the reader goes on with the next
                where = t("form_where", lang, source=source, row=number)
                problem = t("form_bad_row", lang, reason=str(error))
                students += 1
                yield Row(source, number, {}, where, lang, None, problem)
                continue
            except UnicodeDecodeError:  # a UTF-16 file cut in the middle of a character
                where = t("form_where", lang, source=source, row=number)
                yield Note(source, t("form_encoding", lang, where=where), True)
                return
            if not "".join(cells).strip():
                continue  # a blank row: nobody
            students += 1
            yield _form_row(source, number, cells, columns, header, matcher, lang)
        if not students:
            yield Note(source, t("form_no_rows", lang, source=source), True)
        progress(stream.tell())


def read_header(
    path: Path, catalogue: Catalogue, lang: Lang, name_column: str | None = None
) -> list[str]:
    """The kept columns of a form export (none if it cannot be read: reading it says why)."""
    try:
        with path.open("rb") as stream:
            first = _text_stream(stream, path, lang).readline()
            header = next(csv.reader([first], delimiter=_delimiter(first, path)), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return []
    return list(_columns(header, Matcher(catalogue), name_column).kept.values())


def front_column(title: str) -> bool:
    """Whether a kept column is a class, group or roll-number column: the results show these
    beside the name."""
    return normal(title) in GROUP_HEADERS | ROLL_HEADERS


def roll_number_column(title: str) -> bool:
    """Whether a kept column holds a roll number that sorts as a number ("No. Absen": 1, 2,
    ... 35); NIS and NISN are identity numbers, kept as written with their leading zeros."""
    return normal(title) in ROLL_HEADERS - {"nis", "nisn"}


def _delimiter(line: str, path: Path) -> str:
    """The separator of a form export, from its header: the one of tab, semicolon and comma
    found most often outside quotes (a tab for a .tsv file)."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {sep: outside.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _columns(header: Sequence[str], matcher: Matcher, name_column: str | None = None) -> _Columns:
    questions: dict[str, list[int]] = {}
    kept: dict[int, str] = {}
    email = start = end = group = stamp = None
    tiers: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
    wanted = normal(name_column) if name_column is not None else None
    for index, title in enumerate(header):
        text = normal(title)
        if wanted is not None and text == wanted:
            tiers[0].append(index)  # asked for by name: never a question
        elif (question := matcher.question(title)) is not None:
            questions.setdefault(question, []).append(index)
            continue
        words = set(text.split())
        if words & NAME_WORDS:
            tier = 1 if text in NAME_QUESTIONS else 2 if text in STUDENT_NAMES else 3
            if tier < 3 or not words & NOT_STUDENT_WORDS:
                tiers[tier].append(index)
        elif words & EMAIL_WORDS:
            email = index if email is None else email
        elif text in GROUP_HEADERS:
            group = index if group is None else group
        elif text in ROLL_HEADERS:
            pass
        elif text not in TIMESTAMP_HEADERS | ID_HEADERS:
            if index not in tiers[0]:
                continue
        elif text in START_HEADERS:
            start = index if start is None else start
        elif text in END_HEADERS:
            end = index if end is None else end
        elif text in TIMESTAMP_HEADERS:
            stamp = index if stamp is None else stamp
        kept_as = title.strip().lstrip("\ufeff") or f"#{index + 1}"
        if kept_as in kept.values():  # a header given twice: both columns kept, told apart
            kept_as = f"{kept_as} ({_letters(index)})"
        kept[index] = kept_as
    asked = sum(1 for q in matcher.catalogue.bank if q.id in questions)
    # With --name-column, that column alone (if the file has it); else the name question's,
    # then a student's name column, then the one other column with a name word (two such:
    # neither is sure).
    names = tiers[0] or tiers[1] + tiers[2] + (tiers[3] if len(tiers[3]) == 1 else [])
    return _Columns(
        questions,
        kept,
        tuple(names),
        email,
        len(header),
        asked,
        start,
        end,
        group,
        end if end is not None else stamp,
        named=wanted is None or bool(tiers[0]),
    )


def _header_notes(
    source: str, header: Sequence[str], columns: _Columns, matcher: Matcher, lang: Lang
) -> Iterator[Note]:
    """What the header says about the file: no questions at all (a failure), extra columns
    ignored, a question in two columns, questions the form leaves out."""
    if not columns.questions:
        yield Note(source, t("form_no_questions", lang, source=source), True)
        return
    used = {i for indexes in columns.questions.values() for i in indexes} | set(columns.kept)
    ignored = [_column_name(i, header[i]) for i in range(len(header)) if i not in used]
    if ignored:
        shown = ", ".join(ignored[:10]) + (" …" if len(ignored) > 10 else "")
        yield Note(
            source, t("form_ignored", lang, source=source, count=len(ignored), columns=shown)
        )
    for question, indexes in columns.questions.items():
        if len(indexes) > 1:
            names = ", ".join(_column_name(i, header[i]) for i in indexes)
            yield Note(
                source, t("form_duplicate", lang, source=source, question=question, columns=names)
            )
    missing = [q.id for q in matcher.catalogue.questions if q.id not in columns.questions]
    if missing:
        yield Note(
            source,
            t(
                "form_missing",
                lang,
                source=source,
                count=len(missing),
                questions=", ".join(missing),
            ),
        )


def _form_row(
    source: str,
    number: int,
    cells: Sequence[str],
    columns: _Columns,
    header: Sequence[str],
    matcher: Matcher,
    lang: Lang,
) -> Row:
    width = len(cells)
    kept = {title: cells[i] if i < width else "" for i, title in columns.kept.items()}
    name = ""
    for index in columns.names:  # Microsoft Forms' "anonymous" never names anyone
        text = cells[index].strip() if index < width else ""
        if text and text.casefold() not in ANONYMOUS:
            name = text
            break
    email = columns.email
    address = cells[email].strip() if email is not None and email < width else ""
    address = "" if address.casefold() in ANONYMOUS else address  # Microsoft's, for everyone
    label = name or address
    group = columns.group
    group_text = " ".join(cells[group].split()) if group is not None and group < width else ""
    key = "@" + address.casefold() if address else _name_key(name, source, group_text)
    sent = columns.sent
    when = cells[sent].strip() if sent is not None and sent < width else ""
    extra = (group_text, key, when)
    answers: dict[str, str] = {}
    languages: list[Lang | None] = []
    problems: list[str] = []
    for question, indexes in columns.questions.items():
        if len(indexes) == 1 and indexes[0] < width:  # the usual case, kept short
            cell = cells[indexes[0]]
            found = matcher.seen[question].get(cell) or matcher.option(question, cell)
            if found is not None and found is not BLANK:
                answers[question] = found[0]
                languages.append(found[1])
                continue
        chosen = _answer(question, indexes, cells, header, matcher, problems, lang)
        if chosen is not None:
            answers[question] = chosen[0]
            languages.append(chosen[1])
    label = label or t("form_where", lang, source=source, row=number)
    counts = sorted((languages.count(code), code) for code in LANGS)
    tie = len(counts) > 1 and counts[-1][0] == counts[-2][0]
    row_lang = lang if tie else counts[-1][1]
    if problems:
        problem = "; ".join(problems[:MAX_PROBLEMS])
        return Row(source, number, kept, label, row_lang, None, problem, None, None, *extra)
    begun, ended, seconds = columns.start, columns.end, None
    if begun is not None and ended is not None and max(begun, ended) < width:
        seconds = sitting_seconds(cells[begun], cells[ended])
    where = (source, number, kept, label, row_lang, answers, None, columns.asked, seconds)
    return Row(*where, *extra)


def _name_key(name: str, source: str, group: str = "") -> str:
    """A name as it identifies a student, case and spacing aside, within one file and class
    (two classes may each have a Budi; an e-mail is one person's anywhere); '' for no name."""
    if not name.strip():
        return ""
    return "\0".join(("#", source, group, " ".join(name.casefold().split())))


def _answer(
    question: str,
    indexes: Sequence[int],
    cells: Sequence[str],
    header: Sequence[str],
    matcher: Matcher,
    problems: list[str],
    lang: Lang,
) -> tuple[str, Lang | None] | None:
    """A question's answer from its columns (one, or more when the header repeats it): the
    first one given; a missing cell, a text that is no option, or two columns that disagree
    are added to ``problems``."""
    chosen: tuple[str, Lang | None] | None = None
    chosen_at = 0
    for index in indexes:
        if index >= len(cells):
            problems.append(t("form_cell_missing", lang, column=_column_name(index, header[index])))
            continue
        found = matcher.option(question, cells[index])
        if found is BLANK:
            continue
        if found is None:
            column = _column_name(index, header[index])
            problems.append(
                t("form_unknown_answer", lang, column=column, text=_shown(cells[index]))
            )
        elif chosen is None:
            chosen, chosen_at = found, index
        elif chosen[0] != found[0]:
            named = [_column_name(i, header[i]) for i in (chosen_at, index)]
            problems.append(t("form_disagree", lang, columns=", ".join(named)))
    return chosen


def _column_name(index: int, title: str) -> str:
    """A column as a spreadsheet names it, with the start of its header: 'D ("Nama")'."""
    return f'{_letters(index)} ("{_shown(title)}")'


def _letters(index: int) -> str:
    """A column's letters, as a spreadsheet names it: A, ..., Z, AA, ..."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _shown(text: str) -> str:
    """A cell's text for a message: on one line, hidden characters spelled out, at most
    SHOWN_TEXT characters."""
    text = visible(" ".join(text.split()))
    return text if len(text) <= SHOWN_TEXT else text[: SHOWN_TEXT - 1] + "…"


# --- How long a sitting took ----------------------------------------------------------------

RESPONSE_TIME_MAX = 80  # characters of a time cell worth reading: longer is no time
# Month names as form tools and spreadsheets abbreviate them, in English and Indonesian.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan",),
            ("feb", "peb"),
            ("mar",),
            ("apr",),
            ("may", "mei"),
            ("jun",),
            ("jul",),
            ("aug", "agu", "agt"),
            ("sep",),
            ("oct", "okt"),
            ("nov", "nop"),
            ("dec", "des"),
        ),
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,4})[-/.](\d{1,2})[-/.](\d{4}|\d{1,2})(?!\d)")
_NAMED_DATE = re.compile(r"(?<!\d)(\d{1,2})[\s.-]*([a-z]{3,})\.?[\s.,-]*(\d{4}|\d{2})(?!\d)")
_MONTH_FIRST = re.compile(r"\b([a-z]{3,})\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})(?!\d)")
_TIME = re.compile(
    r"(?<![\d.])(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?(?!\d)\s*(?:([ap])\.?\s?m\b\.?)?"
)
_WORD = re.compile(r"[a-z]{3}")  # a month's name could be there
_ZONE = re.compile(r"([+-])(\d{1,2})(?::?(\d{2}))?$")
_SERIAL = re.compile(r"(\d{5})[.,](\d+)")  # a spreadsheet's own number: days since 1899-12-30
_SERIAL_EPOCH = datetime.date(1899, 12, 30).toordinal()


def sitting_seconds(start: str, end: str) -> float | None:
    """How long a sitting took, in seconds, from its start and completion times as a form
    export writes them: "11/24/26 9:00:00", "24/11/2026 09.00", "2026-11-24T09:00:00+07:00",
    "Nov 24, 2026 9:00:00 AM", "24 Mei 2026 9.00", or a spreadsheet's own number. None when
    either is no time this can read, or the completion comes before the start (a bad time
    costs the flag it would give, never the row). Times without seconds count the longest the
    sitting could have been (59 seconds more than the minutes say), so rounding never makes a
    student look rushed. Where day and month could be either way round (03/04/26), both
    times are read the same way round, and the shortest sitting that does not end before it
    starts is taken."""
    took: float | None = None
    for order, begun, exact in _moments(start):
        for other, ended, also_exact in _moments(end):
            length = ended - begun
            if length < 0 or (order and other and order != other):
                continue
            length += 0 if exact and also_exact else 59
            took = length if took is None else min(took, length)
    return took


def _moments(text: str) -> list[tuple[str, float, bool]]:
    """Every reading of a date and time as (which way round the day and month were read, ''
    when that is not in doubt; seconds on one scale; whether to the second): two where day
    and month could be either way round, none where it is no date and time."""
    text = " ".join(text.casefold().split())
    if not text or len(text) > RESPONSE_TIME_MAX:
        return []
    serial = _SERIAL.fullmatch(text)
    if serial:
        days = float(f"{serial.group(1)}.{serial.group(2)}")
        return [("", (_SERIAL_EPOCH + days) * 86400, True)]
    dates, rest = _dates(text)
    clock = _TIME.search(rest)
    if not dates or clock is None:
        return []
    hour, minute = int(clock.group(1)), int(clock.group(2))
    second = int(clock.group(3) or 0)
    if clock.group(4):  # 12-hour clock: 12 AM is midnight, 12 PM noon
        if not 1 <= hour <= 12:
            return []
        hour = hour % 12 + (12 if clock.group(4) == "p" else 0)
    if hour > 23 or minute > 59 or second > 60:
        return []
    offset = 0
    zone = _ZONE.search((rest[: clock.start()] + rest[clock.end() :]).strip())
    if zone:
        offset = (int(zone.group(2)) * 60 + int(zone.group(3) or 0)) * 60
        offset = -offset if zone.group(1) == "-" else offset
    moment = hour * 3600 + minute * 60 + min(second, 59) - offset
    found = []
    for order, (year, month, day) in dates:
        try:
            ordinal = datetime.date(year, month, day).toordinal()
        except ValueError:  # 31/02, month 13: not this reading
            continue
        found.append((order, ordinal * 86400.0 + moment, clock.group(3) is not None))
    if len(found) == 2 and found[0][1] == found[1][1]:  # 05/05: both ways round the same
        return [("", *found[0][1:])]
    return found


def _dates(text: str) -> tuple[list[tuple[str, tuple[int, int, int]]], str]:
    """The readings of the date in ``text`` as (which way round, (year, month, day)), and the
    text without it. Month names first: a time such as 09.10.11 looks like a date too."""
    named_patterns = ((_NAMED_DATE, 1, 2), (_MONTH_FIRST, 2, 1)) if _WORD.search(text) else ()
    for pattern, day_at, month_at in named_patterns:
        for named in pattern.finditer(text):
            month = _MONTHS.get(named.group(month_at)[:3], 0)
            if month:
                rest = text[: named.start()] + " " + text[named.end() :]
                day = int(named.group(day_at))
                return [("", (_year(named.group(3)), month, day))], rest
    numeric = _NUMERIC_DATE.search(text)
    if numeric is None:
        return [], text
    first, second, third = numeric.groups()
    rest = text[: numeric.start()] + " " + text[numeric.end() :]
    if len(first) == 4:  # 2026-11-24: year first
        return [("", (int(first), int(second), int(third)))], rest
    if len(first) > 2:
        return [], rest
    year, one, two = _year(third), int(first), int(second)
    return [("dmy", (year, two, one)), ("mdy", (year, one, two))], rest


def _year(text: str) -> int:
    """A year as written: two digits are this century's."""
    return int(text) + (2000 if len(text) <= 2 else 0)


# --- Bytes to text ---------------------------------------------------------------------------


def _text_stream(stream: BinaryIO, path: Path, lang: Lang) -> io.TextIOWrapper:
    """The file as text: UTF-8 or UTF-16 by their byte-order marks, else UTF-8 if the whole
    file is UTF-8, else Windows-1252 (what Excel's plain "CSV" writes on Windows; its five
    unused bytes become U+FFFD, so no row is lost)."""
    status = os.fstat(stream.fileno())
    key = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
    encoding = _ENCODINGS.get(key)
    if encoding is None:  # the header is read first on its own (batch.py): decide once
        start = stream.read(4)
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        elif start.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        else:
            encoding = "utf-8" if _all_utf8(stream, start) else "cp1252"
        _ENCODINGS[key] = encoding
        stream.seek(0)
    errors = "replace" if encoding == "cp1252" else "strict"
    return io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline="")


_ENCODINGS: dict[tuple[int, int, int, int], str] = {}  # a file (as it is now) -> its encoding


def _all_utf8(stream: BinaryIO, start: bytes) -> bool:
    """Whether the rest of ``stream``, after ``start``, is UTF-8 (read through once, a MiB at
    a time: one accented name far down the file decides it)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(start)
        while chunk := stream.read(1 << 20):
            if not chunk.isascii() or decoder.getstate()[0]:  # ASCII is UTF-8: 20 times faster
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True
