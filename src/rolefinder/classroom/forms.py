"""A class's answers, read as a stream: form exports, answer sheets and files of result codes.

- **Form exports** from Google Forms or Microsoft Forms, as they come (``.csv``, ``.tsv``,
  Excel's tab-separated ``.txt``, ``.xlsx``, Google's ``.zip``: opened in classroom/tables.py):
  a header row of question texts, in either language, and one row per student whose cells hold
  option texts. Texts are matched ignoring case, spacing, punctuation and the kind of quotes
  (see ``normal``); a question number typed before a question ("3. ...") is ignored, and so are
  question ids. A cell a small typo away from one option, and from no other, is read as that
  option; a cell that is no one option (a typed "Other", several boxes ticked) leaves that
  question unanswered. Either way, one note per column at the file's end says what to fix in the
  form. Timestamp, name, e-mail, id, class and roll-number columns are kept as they are; any
  other column is ignored, with a note. The student's name is chosen as NAME_QUESTIONS and
  STUDENT_NAMES say (or --name-column), and each row carries what finds a second submission
  (``Row.key``, ``Row.when``) and the student's class (``Row.group``). Where the export has a
  start and a completion time (Microsoft Forms), each row says how long the sitting took (see
  ``sitting_seconds``).
- **Answer sheets** (``.yaml``, ``.yml``, ``.json``: question id -> option id) and folders of
  them.
- **Result codes**, one a line, optionally after a name and a tab, comma, semicolon or colon;
  blank lines and lines starting with ``#`` are skipped.

Rows are matched once per distinct cell text (a class repeats the same few texts), and read
one at a time, so memory does not grow with the number of rows. Nothing here scores.
"""

from __future__ import annotations

import csv
import datetime
import errno
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

from rolefinder.assess.codes import Coder
from rolefinder.assess.engine import check_answers
from rolefinder.catalogue.load import load_answers
from rolefinder.catalogue.model import SKIP, Catalogue
from rolefinder.classroom.tables import (
    DAMAGED,
    ExportRefused,
    Table,
    Unreadable,
    file_key,
    tables,
    text_stream,
)
from rolefinder.classroom.workbook import column_letters
from rolefinder.errors import MAX_PROBLEMS, RolefinderError, read_problem
from rolefinder.words.i18n import t, visible
from rolefinder.words.languages import LANGS, Lang
from rolefinder.words.languages import number as written

FORM_SUFFIXES = (".csv", ".tsv")
SHEET_SUFFIXES = (".yaml", ".yml", ".json")
SPREADSHEET_SUFFIXES = (".xls", ".ods", ".numbers")  # refused, with what to do
MAX_CODE_LINE = 4096
SHOWN_TEXT = 60  # characters of a header quoted in a message
SHOWN_WHOLE = 300  # characters of a cell quoted whole in a note (a hostile one is cut)
SHOWN_SPELLINGS = 5  # near spellings of options named in a column's note, at most
SHOWN_EXAMPLES = 3  # answers that are no option quoted in a column's note, at most
SHOWN_COLUMNS = 5  # columns of a question given in several named in its note, at most
MAX_COLUMNS = 16_384  # columns of a header (a spreadsheet's most): a wider file is no form
MAX_KEPT = 64  # columns kept as they are (name, e-mail, class, times...): a form has about ten

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
    unread: tuple[str, ...] = ()  # questions left unanswered: their cell was no one option
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


# How a cell was matched: the third item of a Match.
EXACT = 0  # the option's text (case, spacing, punctuation and quotes aside), or blank
NEAR = 1  # the nearest option, a space inside a word or a letter or two away: worth a note
UNKNOWN = 2  # no option: a typed "Other" answer, a question changed in the form
SEVERAL = 3  # several options in one cell: a checkbox question
Match = tuple[str, "Lang | None", int]  # (option id or SKIP, "" when none; language; how)
BLANK: Match = ("", None, EXACT)  # an empty cell: the question not answered

NEAR_EDITS = 2  # letters added, dropped or changed that a near match allows at most...
NEAR_LETTERS = 6  # ...and one for each this many letters of the option: short ones exactly
NEAR_MARGIN = 2  # edits the second-nearest option must be further away: never a guess
NEAR_LONGEST = 300  # letters of a cell worth comparing: a longer one is no option's typo
NEAR_TRIES = 20_000  # different texts compared per class: a file of noise costs no more


@dataclass
class Matcher:
    """A catalogue's question and option texts, normalised once, in every language."""

    catalogue: Catalogue
    questions: dict[str, str] = field(default_factory=dict)  # header -> question id
    options: dict[str, dict[str, tuple[str, Lang | None]]] = field(default_factory=dict)
    # question id -> (text without spaces, option id, language), for near matches
    letters: dict[str, list[tuple[str, str, Lang | None]]] = field(default_factory=dict)
    seen: dict[str, dict[str, Match]] = field(default_factory=dict)
    tries: int = NEAR_TRIES

    def __post_init__(self) -> None:
        skips = {normal(t(key, lang)): lang for key in ("skip", "form_skip") for lang in LANGS}
        for question in self.catalogue.questions:
            texts = [question.id, *(question.prompt.get(lang) for lang in LANGS)]
            texts += [question.label.get(lang) for lang in LANGS]
            for text in texts:
                self.questions.setdefault(normal(text), question.id)
            known: dict[str, tuple[str, Lang | None]] = {normal(SKIP): (SKIP, None)}
            known.update({text: (SKIP, lang) for text, lang in skips.items()})
            worded = [(text, SKIP, lang) for text, lang in skips.items()]
            for option in question.options:
                known[normal(option.id)] = (option.id, None)
                for lang in LANGS:
                    text = normal(option.text.get(lang))
                    known[text] = (option.id, lang)
                    worded.append((text, option.id, lang))
            self.options[question.id] = known
            self.letters[question.id] = [
                (text.replace(" ", ""), o, lang) for text, o, lang in worded
            ]
            self.seen[question.id] = {}

    def is_form(self, header: list[str]) -> bool:
        """Whether a header row names a question of the quiz: a form export, not codes."""
        return any(self.question(title) for title in header)

    def question(self, header: str) -> str | None:
        """The id of the question a column's header names, if any."""
        text = normal(header)
        return self.questions.get(text) or self.questions.get(normal(_NUMBERED.sub("", header)))

    def option(self, question_id: str, cell: str) -> Match:
        """How a cell answers a question: (option id or SKIP, the language of the text, EXACT
        or NEAR); BLANK for an empty cell; ("", None, UNKNOWN or SEVERAL) when it is no one
        option. Each distinct cell text is matched once."""
        seen = self.seen[question_id]
        found = seen.get(cell)
        if found is not None:
            return found
        if len(seen) > 10_000:  # a hostile file of all-different texts: stay bounded
            seen.clear()
        text = normal(cell)
        exact = self.options[question_id].get(text) if text else ("", None)
        match = seen[cell] = (*exact, EXACT) if exact else self._nearest(question_id, text)
        return match

    def _nearest(self, question_id: str, text: str) -> Match:
        """The one option ``text`` is a small typo of (spaces inside words cost nothing), when
        no other option comes close; else whether it holds several options."""
        squeezed = text.replace(" ", "")
        if self.tries > 0 and len(squeezed) <= NEAR_LONGEST:
            self.tries -= 1
            limit = NEAR_EDITS + NEAR_MARGIN
            # option -> (edits to it, edits it allows, the language of its text)
            nearest: dict[str, tuple[int, int, Lang | None]] = {}
            for letters, option, lang in self.letters[question_id]:
                edits = _distance(squeezed, letters, limit)
                if edits < nearest.get(option, (limit + 1,))[0]:
                    nearest[option] = (edits, min(NEAR_EDITS, len(letters) // NEAR_LETTERS), lang)
            ranked = sorted((*found, option) for option, found in nearest.items())
            if ranked and ranked[0][0] <= ranked[0][1]:
                second = ranked[1][0] if len(ranked) > 1 else limit + 1
                if second >= ranked[0][0] + NEAR_MARGIN:
                    return (ranked[0][3], ranked[0][2], NEAR)
        padded = f" {text} "
        within = {o for words, o, _ in self._worded(question_id) if f" {words} " in padded}
        return ("", None, SEVERAL if len(within) > 1 else UNKNOWN)

    def _worded(self, question_id: str) -> Iterator[tuple[str, str, Lang | None]]:
        """The question's option texts (normalised), "doesn't apply" aside."""
        for text, (option, lang) in self.options[question_id].items():
            if option != SKIP and lang is not None:
                yield text, option, lang

    def text(self, question_id: str, option_id: str, lang: Lang) -> str:
        """An option's text as the catalogue words it (SKIP: "doesn't apply")."""
        if option_id == SKIP:
            return t("form_skip", lang)
        question = self.catalogue.question(question_id)
        option = question.option(option_id) if question else None
        return option.text.get(lang) if option else option_id


def _distance(one: str, other: str, limit: int) -> int:
    """How many letters must be added, dropped or changed to make one text the other (the
    Levenshtein distance), or ``limit + 1`` when more: only a band ``limit`` wide either side
    of the diagonal is worked out, so a long text costs little."""
    if abs(len(one) - len(other)) > limit:
        return limit + 1
    if one == other:
        return 0
    over = limit + 1
    previous = [j if j <= limit else over for j in range(len(other) + 1)]
    for i, char in enumerate(one, start=1):
        low, high = max(1, i - limit), min(len(other), i + limit)
        current = [over] * (len(other) + 1)
        current[0] = i if i <= limit else over
        for j in range(low, high + 1):
            changed = previous[j - 1] + (char != other[j - 1])
            current[j] = min(changed, previous[j] + 1, current[j - 1] + 1, over)
        if min(current[low - 1 : high + 1]) > limit:  # every way on is already too far
            return over
        previous = current
    return previous[len(other)]


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
                    yield from _form(table, matcher, lang, progress, name_column)
        except ExportRefused as refused:
            yield Note(source, refused.text, True)


# --- Answer sheets ---------------------------------------------------------------------------


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
        problem = "; ".join(error.describe(lang).splitlines())
        return Row(source, 0, {}, name, lang, None, problem)
    return Row(source, 0, {}, name, lang, answers)


# --- Result codes ----------------------------------------------------------------------------

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
    kept: dict[int, str]  # column -> its header, kept as it is (MAX_KEPT at most)
    names: tuple[int, ...]  # the columns that can name the student, best first
    email: int | None
    width: int  # the header's number of columns
    asked: int  # questions about the work among the columns
    start: int | None = None  # the columns of the sitting's start and completion times
    end: int | None = None
    group: int | None = None  # the student's class or group
    sent: int | None = None  # when the form was sent: the completion time, else the timestamp
    named: bool = True  # False: the --name-column asked for is not in the header
    dropped: int = 0  # columns that would be kept, past MAX_KEPT: ignored


def _form(
    table: Table, matcher: Matcher, lang: Lang, progress: Progress, name_column: str | None = None
) -> Iterator[Row | Note]:
    source, reader = table.source, table.rows
    try:
        header = next(reader, None)
    except csv.Error as error:
        where = t("form_where", lang, source=source, row=1)
        yield Note(source, t("form_broken", lang, where=where, reason=_why(error, lang)), True)
        return
    if header is None:
        yield Note(source, t("form_empty", lang, source=source), True)
        return
    if len(header) > MAX_COLUMNS:  # no spreadsheet holds it: a broken or hostile file
        wide = {"count": written(len(header), lang), "most": written(MAX_COLUMNS, lang)}
        yield Note(source, t("form_too_wide", lang, source=source, **wide), True)
        return
    columns = _columns(header, matcher, name_column)
    if not columns.named:
        wanted = visible(name_column or "")
        yield Note(source, t("form_no_name_column", lang, source=source, column=wanted))
    yield from _header_notes(source, header, columns, matcher, lang)
    if not columns.questions:
        return
    students = 0
    tally: dict[int, _Column] = {}
    for number in itertools.count(2):
        if number % 1024 == 0:
            progress(table.done())
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:  # one row: the reader goes on with the next
            where = t("form_where", lang, source=source, row=number)
            problem = t("form_bad_row", lang, reason=_why(error, lang))
            students += 1
            yield Row(source, number, {}, where, lang, None, problem)
            continue
        except UnicodeDecodeError:  # a UTF-16 file cut in the middle of a character
            where = t("form_where", lang, source=source, row=number)
            yield Note(source, t("form_encoding", lang, where=where), True)
            break
        except DAMAGED as error:  # a workbook or zip cut short: what was read still counts
            where = t("form_where", lang, source=source, row=number)
            yield Note(source, t("form_damaged_at", lang, where=where, reason=str(error)), True)
            break
        if not "".join(cells).strip():
            continue  # a blank row: nobody
        students += 1
        yield _form_row(source, number, cells, columns, header, matcher, tally, lang)
    yield from _column_notes(source, header, tally, matcher, lang)
    if not students:
        yield Note(source, t("form_no_rows", lang, source=source), True)
    progress(table.done())


def _why(error: csv.Error, lang: Lang) -> str:
    """Why a row cannot be read, in the reader's language where this program says it."""
    if isinstance(error, Unreadable):
        return t(error.key, lang, size=written(error.size, lang))
    return str(error)


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
                return list(_columns(header, matcher, name_column).kept.values())
    except (OSError, UnicodeDecodeError, csv.Error, ExportRefused, *DAMAGED):
        pass
    return []


def front_column(title: str) -> bool:
    """Whether a kept column is a class, group or roll-number column: the results show these
    beside the name."""
    return normal(title) in GROUP_HEADERS | ROLL_HEADERS


def roll_number_column(title: str) -> bool:
    """Whether a kept column holds a roll number that sorts as a number ("No. Absen": 1, 2,
    ... 35); NIS and NISN are identity numbers, kept as written with their leading zeros."""
    return normal(title) in ROLL_HEADERS - {"nis", "nisn"}


def _columns(header: Sequence[str], matcher: Matcher, name_column: str | None = None) -> _Columns:
    questions: dict[str, list[int]] = {}
    kept: dict[int, str] = {}
    titles: set[str] = set()  # the kept headers, to tell a repeated one apart at once
    dropped = 0
    email = start = end = group = stamp = None
    tiers: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
    wanted = normal(name_column) if name_column is not None else None
    for index, title in enumerate(header):
        text = normal(title)
        asked_for = wanted is not None and text == wanted
        if not asked_for and (question := matcher.question(title)) is not None:
            questions.setdefault(question, []).append(index)
            continue
        if len(kept) >= MAX_KEPT:  # a hostile header's thousands of "Nama" columns
            dropped += int(asked_for or _keeps(text))
            continue
        if asked_for:
            tiers[0].append(index)  # asked for by name: never a question
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
            if not asked_for:
                continue
        elif text in START_HEADERS:
            start = index if start is None else start
        elif text in END_HEADERS:
            end = index if end is None else end
        elif text in TIMESTAMP_HEADERS:
            stamp = index if stamp is None else stamp
        kept_as = title.strip().lstrip("\ufeff") or f"#{index + 1}"
        if kept_as in titles:  # a header given twice: both columns kept, told apart
            kept_as = f"{kept_as} ({column_letters(index)})"
        kept[index] = kept_as
        titles.add(kept_as)
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
        dropped=dropped,
    )


def _keeps(text: str) -> bool:
    """Whether a header (normalised) names a column that is kept as it is (see _columns)."""
    words = set(text.split())
    kinds = GROUP_HEADERS | ROLL_HEADERS | TIMESTAMP_HEADERS | ID_HEADERS
    return bool(words & (NAME_WORDS | EMAIL_WORDS)) or text in kinds


def _header_notes(
    source: str, header: Sequence[str], columns: _Columns, matcher: Matcher, lang: Lang
) -> Iterator[Note]:
    """What the header says about the file: no questions at all (a failure), extra columns
    ignored, a question in two columns, questions the form leaves out."""
    if not columns.questions:
        yield Note(source, t("form_no_questions", lang, source=source), True)
        return
    used = {i for indexes in columns.questions.values() for i in indexes} | set(columns.kept)
    ignored = [i for i in range(len(header)) if i not in used]
    if ignored:
        shown = ", ".join(_column_name(i, header[i]) for i in ignored[:10])
        shown += " …" if len(ignored) > 10 else ""
        yield Note(
            source, t("form_ignored", lang, source=source, count=len(ignored), columns=shown)
        )
    # Questions are named as the quiz's review screen names them, in the reader's language:
    # a teacher knows "Monday morning", not the catalogue's id.
    labels = {q.id: f'"{q.label.get(lang)}"' for q in matcher.catalogue.questions}
    if columns.dropped:
        values = {"count": written(columns.dropped, lang), "most": written(MAX_KEPT, lang)}
        yield Note(source, t("form_kept_many", lang, source=source, **values))
    for question, indexes in columns.questions.items():
        if len(indexes) > 1:
            names = ", ".join(_column_name(i, header[i]) for i in indexes[:SHOWN_COLUMNS])
            if len(indexes) > SHOWN_COLUMNS:
                more = written(len(indexes) - SHOWN_COLUMNS, lang)
                names += " " + t("form_columns_more", lang, count=more)
            label = labels[question]
            yield Note(
                source, t("form_duplicate", lang, source=source, question=label, columns=names)
            )
    missing = [labels[q.id] for q in matcher.catalogue.questions if q.id not in columns.questions]
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
    tally: dict[int, _Column],
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
    unread: list[str] = []
    for question, indexes in columns.questions.items():
        if len(indexes) == 1 and indexes[0] < width:  # the usual case, kept short
            cell = cells[indexes[0]]
            found = matcher.seen[question].get(cell) or matcher.option(question, cell)
            if found[0] and found[2] == EXACT:
                answers[question] = found[0]
                languages.append(found[1])
                continue
        chosen = _answer(question, indexes, cells, header, matcher, problems, tally, lang)
        if chosen is None:
            continue
        if chosen[0]:
            answers[question] = chosen[0]
            languages.append(chosen[1])
        else:  # no one option: this question alone is left unanswered
            unread.append(question)
    label = label or t("form_where", lang, source=source, row=number)
    counts = sorted((languages.count(code), code) for code in LANGS)
    tie = len(counts) > 1 and counts[-1][0] == counts[-2][0]
    row_lang = lang if tie else counts[-1][1]
    if problems:
        problem = "; ".join(problems[:MAX_PROBLEMS])
        failed = (source, number, kept, label, row_lang, None, problem, None, None, ())
        return Row(*failed, *extra)
    begun, ended, seconds = columns.start, columns.end, None
    if begun is not None and ended is not None and max(begun, ended) < width:
        seconds = sitting_seconds(cells[begun], cells[ended])
    where = (source, number, kept, label, row_lang, answers, None, columns.asked, seconds)
    return Row(*where, tuple(unread), *extra)


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
    tally: dict[int, _Column],
    lang: Lang,
) -> Match | None:
    """A question's answer from its columns (one, or more when the header repeats it): the
    first option given; else a cell that is no one option ("", None, UNKNOWN or SEVERAL);
    None when every cell is blank. A near match, or a cell that is no option, is counted for
    its column's note; a missing cell, or two columns that disagree, go to ``problems``."""
    chosen: Match | None = None
    unread: Match | None = None
    chosen_at = 0
    for index in indexes:
        if index >= len(cells):
            problems.append(t("form_cell_missing", lang, column=_column_name(index, header[index])))
            continue
        found = matcher.option(question, cells[index])
        if found[2] != EXACT:
            tally.setdefault(index, _Column(question)).count(cells[index], found)
        if not found[0]:
            unread = unread or (found if found[2] != EXACT else None)
        elif chosen is None:
            chosen, chosen_at = found, index
        elif chosen[0] != found[0]:
            named = [_column_name(i, header[i]) for i in (chosen_at, index)]
            problems.append(t("form_disagree", lang, columns=", ".join(named)))
    return chosen or unread


@dataclass
class _Column:
    """What one form column held that was not exactly an option, for its note."""

    question: str
    near: dict[str, tuple[Match, int]] = field(default_factory=dict)  # cell -> (read as, rows)
    unknown: dict[str, None] = field(default_factory=dict)  # the first few texts, in order
    several: dict[str, None] = field(default_factory=dict)
    unknown_rows: int = 0
    several_rows: int = 0

    def count(self, cell: str, found: Match) -> None:
        """One more row with this cell."""
        if found[2] == NEAR:
            if cell in self.near:
                self.near[cell] = (found, self.near[cell][1] + 1)
            elif len(self.near) < 1000:  # a hostile file's many spellings: not all kept
                self.near[cell] = (found, 1)
        elif found[2] == UNKNOWN:
            self.unknown_rows += 1
            if len(self.unknown) < SHOWN_EXAMPLES:
                self.unknown.setdefault(cell)
        else:
            self.several_rows += 1
            if len(self.several) < SHOWN_EXAMPLES:
                self.several.setdefault(cell)


def _column_notes(
    source: str, header: Sequence[str], tally: dict[int, _Column], matcher: Matcher, lang: Lang
) -> Iterator[Note]:
    """One note for each column that held near spellings of options, or answers that are no
    one option: the whole texts, what they were read as, and what to fix in the form."""
    for index in sorted(tally):
        column = tally[index]
        parts = []
        if column.near:
            spellings = []
            for cell, (found, rows) in itertools.islice(column.near.items(), SHOWN_SPELLINGS):
                read_as = matcher.text(column.question, found[0], found[1] or lang)
                values = {"typed": _whole(cell), "option": read_as, "rows": written(rows, lang)}
                spellings.append(t("form_near", lang, **values))
            more = len(column.near) - SHOWN_SPELLINGS
            if more > 0:
                spellings.append(t("form_near_more", lang, count=written(more, lang)))
            parts.append(t("form_near_fix", lang, spellings="; ".join(spellings)))
        for key, shown, rows in (
            ("form_unread_unknown", column.unknown, column.unknown_rows),
            ("form_unread_several", column.several, column.several_rows),
        ):
            if rows:
                examples = ", ".join(f'"{_whole(cell)}"' for cell in shown)
                parts.append(t(key, lang, rows=written(rows, lang), examples=examples))
        title = _column_name(index, header[index])
        text = t("form_column", lang, source=source, column=title, parts=" ".join(parts))
        yield Note(source, text)


def _whole(text: str) -> str:
    """A cell's text quoted whole in a note (spaces as typed: a doubled one may be the typo),
    hidden characters spelled out; only a hostile length is cut."""
    text = visible(text.strip())
    return text if len(text) <= SHOWN_WHOLE else text[: SHOWN_WHOLE - 1] + "…"


def _column_name(index: int, title: str) -> str:
    """A column as a spreadsheet names it, with the start of its header: 'D ("Nama")'."""
    return f'{column_letters(index)} ("{_shown(title)}")'


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
