"""Which column of a form export holds what, from its header row: the questions (matched as
classroom/matching.py says), and the columns kept as they are, which name the student, give an
e-mail, a class or group, a roll number, or the start and completion times. The student's name
is chosen as NAME_QUESTIONS and STUDENT_NAMES say (or --name-column); any other column is
ignored, with a note.

Header texts are those Google Forms and Microsoft Forms write, in English and Indonesian, and
those teachers commonly give their own columns. They change with the form tools and with how
schools name things, not with how rows are read (classroom/exports.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rolefinder.classroom.matching import Matcher, normal
from rolefinder.classroom.workbook import column_letters
from rolefinder.words.i18n import visible

SHOWN_TEXT = 60  # characters of a header quoted in a message
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
NAME_QUESTIONS = frozenset({"your name", "nama lengkap", "nama kamu", "name", "nama"})


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


@dataclass(frozen=True)
class Columns:
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


def front_column(title: str) -> bool:
    """Whether a kept column is a class, group or roll-number column: the results show these
    beside the name."""
    return normal(title) in GROUP_HEADERS | ROLL_HEADERS


def roll_number_column(title: str) -> bool:
    """Whether a kept column holds a roll number that sorts as a number ("No. Absen": 1, 2,
    ... 35); NIS and NISN are identity numbers, kept as written with their leading zeros."""
    return normal(title) in ROLL_HEADERS - {"nis", "nisn"}


def columns_of(header: Sequence[str], matcher: Matcher, name_column: str | None = None) -> Columns:
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
    return Columns(
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
    """Whether a header (normalised) names a column that is kept as it is (see columns_of)."""
    words = set(text.split())
    kinds = GROUP_HEADERS | ROLL_HEADERS | TIMESTAMP_HEADERS | ID_HEADERS
    return bool(words & (NAME_WORDS | EMAIL_WORDS)) or text in kinds


def column_name(index: int, title: str) -> str:
    """A column as a spreadsheet names it, with the start of its header: 'D ("Nama")'."""
    return f'{column_letters(index)} ("{_shown(title)}")'


def _shown(text: str) -> str:
    """A cell's text for a message: on one line, hidden characters spelled out, at most
    SHOWN_TEXT characters."""
    text = visible(" ".join(text.split()))
    return text if len(text) <= SHOWN_TEXT else text[: SHOWN_TEXT - 1] + "…"
