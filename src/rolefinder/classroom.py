"""A whole class scored at once: each student's standing, and the class's summary. No I/O.

Rows come from forms.py (form exports, answer sheets, result codes), already matched to
question and option ids. Each is scored with one shared Evidence, so every answer's points
are computed once for the class, not once a student; the tally keeps counts and sums, and at
most TALK_FIRST_MAX students to talk to first, so memory does not grow with the class.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from rolefinder.codes import Coder
from rolefinder.engine import Evidence, answered, needed_answers, standing, trait_shares
from rolefinder.explain import band, flags
from rolefinder.forms import Note, Row
from rolefinder.i18n import t
from rolefinder.languages import Lang, number
from rolefinder.model import Catalogue, as_percentages
from rolefinder.report import percent

TOP = 3  # roles kept for each student
TALK_FIRST_MAX = 200  # students listed to talk to first; the rest are counted
# Why a student is worth a word first, most pressing first: too few answers gave no result; an
# unsure result, a student still exploring the field, or a near tie means the first role
# should not be read alone.
TALK_REASONS = ("too_few", "unsure", "exploring", "near_tie")

Status = Literal["scored", "too_few", "failed"]


@dataclass(frozen=True)
class Student:
    """One student's row and what came of it."""

    source: str  # the file it came from, as given
    row: int  # its row (a form, counting the header as 1) or line (a code file); 0: a sheet file
    kept: Mapping[str, str]  # the columns kept as they are: timestamp, name, e-mail, id
    label: str  # how to name the student: the name, else the e-mail, else file and row
    lang: Lang  # the language the answers were given in
    status: Status
    answered: int = 0  # real answers to the scenario questions
    top: tuple[tuple[str, float | None], ...] = ()  # (role id, chance) of the first TOP roles
    band: str | None = None  # strong, good or unsure
    flags: tuple[str, ...] = ()  # unsure, near_tie, torn, exploring
    profile: Mapping[str, int] = field(default_factory=dict)  # trait id -> percent
    code: str | None = None  # the result code, to see the whole result again
    problem: str | None = None  # why a failed row could not be scored, in words

    @property
    def talk_reasons(self) -> tuple[str, ...]:
        """Which of TALK_REASONS apply to this student (none for a failed row: it is listed
        with the failures)."""
        if self.status == "too_few":
            return ("too_few",)
        return tuple(reason for reason in TALK_REASONS if reason in self.flags)  # flags: explain


@dataclass(frozen=True)
class TalkTo:
    """A student to talk to first, and why."""

    student: Student
    reasons: tuple[str, ...]  # from TALK_REASONS, most pressing first


@dataclass
class Summary:
    """The class as a whole: counts, the #1 roles, the average profile, who to talk to first."""

    catalogue: Catalogue
    lang: Lang  # the language of the summary
    sources: list[str] = field(default_factory=list)
    students: int = 0  # every row read, failed ones included
    scored: int = 0
    too_few: int = 0
    failed: int = 0
    unsure: int = 0  # scored results whose band is unsure
    first: dict[str, int] = field(default_factory=dict)  # role id -> students with it first
    profile_total: dict[str, float] = field(default_factory=dict)  # trait id -> sum of shares
    # The students to talk to first, by their most pressing reason, each list at most
    # TALK_FIRST_MAX long: however many near ties come first, no student with too few
    # answers is crowded out (see talk_order).
    talk_first: dict[str, list[TalkTo]] = field(default_factory=dict)
    talk_count: int = 0  # every student with a reason to talk to first
    notes: list[Note] = field(default_factory=list)  # about whole files: columns ignored, ...

    @property
    def profile(self) -> dict[str, int]:
        """The class's average profile: trait id -> whole percent, summing to 100 (all 0 when
        nobody was scored)."""
        return as_percentages(self.profile_total)

    @property
    def first_roles(self) -> list[tuple[str, int]]:
        """(role id, students with it first), most first, then in catalogue order; every role
        of the catalogue, so a chart shows the roles nobody got too."""
        order = {role.id: i for i, role in enumerate(self.catalogue.roles)}
        counts = [(role.id, self.first.get(role.id, 0)) for role in self.catalogue.roles]
        return sorted(counts, key=lambda item: (-item[1], order[item[0]]))

    def add(self, student: Student) -> None:
        """Count one student in."""
        self.students += 1
        if student.status == "failed":
            self.failed += 1
            return
        if student.status == "too_few":
            self.too_few += 1
        else:
            self.scored += 1
            first = student.top[0][0]
            self.first[first] = self.first.get(first, 0) + 1
            self.unsure += student.band == "unsure"
            for trait, percent in student.profile.items():
                self.profile_total[trait] = self.profile_total.get(trait, 0.0) + percent
        reasons = student.talk_reasons
        if reasons:
            self.talk_count += 1
            listed = self.talk_first.setdefault(reasons[0], [])
            if len(listed) < TALK_FIRST_MAX:
                listed.append(TalkTo(student, reasons))

    def talk_order(self) -> list[TalkTo]:
        """The first TALK_FIRST_MAX students to talk to: the most pressing reason first, then
        as read."""
        ordered = [e for reason in TALK_REASONS for e in self.talk_first.get(reason, ())]
        return ordered[:TALK_FIRST_MAX]

    @property
    def talk_more(self) -> int:
        """Students to talk to first left off talk_order (results.csv names them all)."""
        return self.talk_count - len(self.talk_order())


class Scorer:
    """Scores students against one catalogue, sharing the per-catalogue work between them."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.evidence = Evidence(catalogue)
        self.coder = Coder(catalogue)
        self.needed = needed_answers(catalogue)

    def score(self, row: Row) -> Student:
        """One student: their standing, from a row whose answers were read (ids the catalogue
        knows), or the row's problem."""
        if row.answers is None:
            where = (row.source, row.row, row.kept, row.label, row.lang)
            return Student(*where, status="failed", problem=row.problem)
        return student(row, self.figures(row.answers, row.lang))

    def figures(self, answers: Mapping[str, str], lang: Lang) -> Figures:
        """What scoring says of a student's answers: all of a Student but the row (what a
        helper process sends back, see batch.py)."""
        catalogue = self.catalogue
        count = answered(catalogue, answers)
        if count < self.needed:
            return ("too_few", count, (), None, (), {}, None)
        ranked = standing(catalogue, answers, self.evidence)
        top = tuple((m.id, m.chance) for m in ranked.reachable[:TOP])
        profile = as_percentages(trait_shares(catalogue, answers))
        code = self.coder.encode(answers, lang)
        return ("scored", count, top, band(ranked), flags(ranked), profile, code)


# A student's figures: status, answered, top, band, flags, profile, code (Student's fields).
Figures = tuple[
    Status,
    int,
    tuple[tuple[str, float | None], ...],
    str | None,
    tuple[str, ...],
    dict[str, int],
    str | None,
]


def student(row: Row, figures: Figures) -> Student:
    """The Student for a row and its figures."""
    return Student(row.source, row.row, row.kept, row.label, row.lang, *figures)


def student_note(student: Student, catalogue: Catalogue, lang: Lang) -> str:
    """What to know about a student's result, in words ('' when nothing): why the row failed,
    or each reason to talk to them first, and whether they are torn about the field."""
    if student.status == "failed":
        return student.problem or ""
    notes = [reason_text(student, reason, catalogue, lang) for reason in student.talk_reasons]
    if "torn" in student.flags:
        notes.append(t("class_note_torn", lang))
    return " ".join(notes)


def reason_text(student: Student, reason: str, catalogue: Catalogue, lang: Lang) -> str:
    """One of TALK_REASONS for this student in words, with the roles and chances it is about
    (the screen, results.csv and the summaries all say it so)."""
    if reason == "too_few":
        need = number(needed_answers(catalogue), lang)
        return t("summary_reason_too_few", lang, have=number(student.answered, lang), need=need)
    names = [_name(catalogue, role, lang) for role, _ in student.top]
    chances = [percent(chance) for _, chance in student.top]
    if reason == "near_tie" and len(names) > 1:
        values = {"a": names[0], "x": chances[0], "b": names[1], "y": chances[1]}
        return t("summary_reason_near_tie", lang, **values)
    return t(f"summary_reason_{reason}", lang, name=names[0], chance=chances[0])


def _name(catalogue: Catalogue, role_id: str, lang: Lang) -> str:
    role = catalogue.role(role_id)
    return role.name.get(lang) if role else role_id
