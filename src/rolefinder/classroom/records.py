"""What reading a class's files gives: a Row for each student, a Note for each thing worth
saying about a whole file. Every reader (form exports, answer sheets, code files) gives these,
and scoring, the summaries and the screen read them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rolefinder.words.languages import Lang


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


def name_key(name: str, source: str, group: str = "") -> str:
    """A name as it identifies a student, case and spacing aside, within one file and class
    (two classes may each have a Budi; an e-mail is one person's anywhere); '' for no name."""
    if not name.strip():
        return ""
    return "\0".join(("#", source, group, " ".join(name.casefold().split())))
