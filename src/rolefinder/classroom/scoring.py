"""A whole class scored at once: each student's standing, and the class's summary. No I/O.

Rows come from classroom/forms.py (form exports, answer sheets, result codes), already matched to
question and option ids. Each is scored with one shared Evidence, so every answer's points
are computed once for the class, not once a student; the tally keeps counts and sums, and at
most TALK_FIRST_MAX students to talk to first, so memory does not grow with the class.

A student keeps what the quiz would show first: the roles the answers point to with their fit,
how sure the best fit is, how ready the student is for it and its way in, and the flags of
explain.flags (no clear pattern, unsure, near tie, torn, exploring). Two more flags say how the
form was filled in: *rushed* where the export has start and completion times and the sitting
took less than RUSHED_SECONDS for each question answered, and *half-empty* where fewer than
half of the questions about the work put to the student got a real answer. A last one,
*duplicate*, marks the latest answers of a student who sent the form more than once (see
Submissions and repeats: the earlier ones are not counted). The tally also breaks the class
down by its class or group column and by file (Tally), at most MAX_PARTS parts each.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from rolefinder.assess.codes import Coder
from rolefinder.assess.engine import (
    Evidence,
    Match,
    answered,
    needed_answers,
    shares_of,
    standing,
)
from rolefinder.assess.explain import band, flags
from rolefinder.catalogue.model import Catalogue, as_percentages
from rolefinder.classroom.records import Note, Row
from rolefinder.classroom.timing import sitting_seconds
from rolefinder.present.report import fit_text, ready_text, sure_text
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang, number

TOP = 3  # listed roles kept for each student, best fit first
TALK_FIRST_MAX = 200  # students listed to talk to first; the rest are counted
ROSTER_MAX = 200  # students on the summary's roster and its pages, as read; the rest counted
RUSHED_SECONDS = 3  # a sitting quicker than this for each question answered was not read
HALF_EMPTY = 0.5  # a result from real answers to fewer than this share of the questions put
# Why a student is worth a word first, most pressing first: too few answers gave no result;
# answers with no clear pattern, a rushed sitting or a half-empty form give a result not to be
# taken as it stands; an unsure result, a student still exploring the field, or a near tie
# means the first role should not be read alone.
TALK_REASONS = ("too_few", "no_pattern", "rushed", "half_empty", "unsure", "exploring", "near_tie")
# Reasons about the ranking, which say nothing when the answers show no clear pattern.
_RANKING_REASONS = ("unsure", "near_tie")

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
    answered: int = 0  # real answers to the questions about the work
    top: tuple[tuple[str, int], ...] = ()  # (role id, fit 0-100) of the first TOP listed roles
    sure: float | None = None  # how sure the best fit is, 0-1
    ready: str | None = None  # how ready the student is for the best fit (engine.READINESS)
    way_in: str = ""  # the best fit's typical way in, in the class's language
    band: str | None = None  # strong, good or unsure
    flags: tuple[str, ...] = ()  # explain.flags, then rushed and half_empty where they apply
    profile: Mapping[str, int] = field(default_factory=dict)  # trait id -> percent
    code: str | None = None  # the result code, to see the whole result again
    problem: str | None = None  # why a failed row could not be scored, in words
    asked: int = 0  # questions about the work put to the student
    seconds: float | None = None  # how long the sitting took, where the export says
    group: str = ""  # the student's class or group, where the export has such a column

    @property
    def duplicate(self) -> bool:
        """Whether the student sent the form more than once (this is the latest)."""
        return "duplicate" in self.flags

    @property
    def no_pattern(self) -> bool:
        """Whether the answers show no clear pattern (random clicks, or by position)."""
        return "no_pattern" in self.flags

    @property
    def rushed(self) -> bool:
        """Whether the sitting was too quick for the questions to have been read."""
        return "rushed" in self.flags

    @property
    def incomplete(self) -> bool:
        """Too few answers for a result, or a result from a half-empty form."""
        return self.status == "too_few" or "half_empty" in self.flags

    @property
    def talk_reasons(self) -> tuple[str, ...]:
        """Which of TALK_REASONS apply to this student (none for a failed row: it is listed
        with the failures). With no clear pattern, what the ranking says is left out."""
        if self.status == "failed":
            return ()
        found = {*self.flags, *(("too_few",) if self.status == "too_few" else ())}
        if self.no_pattern:
            found -= set(_RANKING_REASONS)
        return tuple(reason for reason in TALK_REASONS if reason in found)


@dataclass
class Tally:
    """A part of the class (a class or group, or a file): how many, and their first roles."""

    students: int = 0
    scored: int = 0
    first: dict[str, int] = field(default_factory=dict)  # role id -> students with it first

    def add(self, student: Student) -> None:
        """Count one student in."""
        self.students += 1
        if student.status == "scored":
            self.scored += 1
            role = student.top[0][0]
            self.first[role] = self.first.get(role, 0) + 1

    def first_roles(self) -> list[tuple[str, int]]:
        """(role id, students with it first), most first, ties by id."""
        return sorted(self.first.items(), key=lambda item: (-item[1], item[0]))


MAX_PARTS = 100  # classes or files broken down; a file of thousands of classes is no class


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
    no_pattern: int = 0  # scored results whose answers show no clear pattern
    half_empty: int = 0  # scored results from a half-empty form
    timed: int = 0  # students whose sitting's length the export gives
    rushed: int = 0  # of those, the ones who rushed
    first: dict[str, int] = field(default_factory=dict)  # role id -> students with it first
    profile_total: dict[str, float] = field(default_factory=dict)  # trait id -> sum of shares
    # The students to talk to first, by their most pressing reason, each list at most
    # TALK_FIRST_MAX long: however many near ties come first, no student with too few
    # answers is crowded out (see talk_order).
    talk_first: dict[str, list[TalkTo]] = field(default_factory=dict)
    talk_count: int = 0  # every student with a reason to talk to first
    notes: list[Note] = field(default_factory=list)  # about whole files: columns ignored, ...
    # The first ROSTER_MAX students as read, for the printed roster and a page each: a class
    # is a few dozen, and a file of a million rows must not hold a million students.
    roster: list[Student] = field(default_factory=list)
    # The class broken down, at most MAX_PARTS parts each: by the class or group column
    # ('' for students whose cell is empty), and by file.
    groups: dict[str, Tally] = field(default_factory=dict)
    files: dict[str, Tally] = field(default_factory=dict)
    duplicates: int = 0  # students who sent the form more than once (their latest is counted)

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
        if len(self.roster) < ROSTER_MAX:
            self.roster.append(student)
        self.duplicates += student.duplicate
        parts = (self.groups, student.group), (self.files, student.source)
        for tallies, part in parts if len(self.sources) > 1 else parts[:1]:
            tally = tallies.get(part)
            if tally is None and len(tallies) < MAX_PARTS:
                tally = tallies[part] = Tally()
            if tally is not None:
                tally.add(student)
        if student.status == "failed":
            self.failed += 1
            return
        self.timed += student.seconds is not None
        self.rushed += student.rushed
        if student.status == "too_few":
            self.too_few += 1
        else:
            self.scored += 1
            first = student.top[0][0]
            self.first[first] = self.first.get(first, 0) + 1
            self.unsure += student.band == "unsure"
            self.no_pattern += student.no_pattern
            self.half_empty += "half_empty" in student.flags
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
    def roster_more(self) -> int:
        """Students left off the roster (results.csv names them all)."""
        return self.students - len(self.roster)

    @property
    def by_group(self) -> bool:
        """Whether to break the class down by class or group: some student has one."""
        return any(self.groups.keys() - {""})

    @property
    def by_file(self) -> bool:
        """Whether to break the class down by file: students came from more than one file
        given."""
        return 1 < len(self.files) <= len(self.sources)  # not a folder's sheets, one by one

    @property
    def talk_more(self) -> int:
        """Students to talk to first left off talk_order (results.csv names them all)."""
        return self.talk_count - len(self.talk_order())


class Figures(NamedTuple):
    """What scoring says of a student's answers: the Student's fields that come from the
    answers alone (what a helper process sends back, see classroom/batch.py)."""

    status: Status
    answered: int
    top: tuple[tuple[str, int], ...]
    sure: float | None
    ready: str | None
    way_in: str
    band: str | None
    flags: tuple[str, ...]
    profile: dict[str, int]
    code: str | None


class Scorer:
    """Scores students against one catalogue, sharing the per-catalogue work between them.
    ``lang`` is the class's language, the one the ways in are kept in."""

    def __init__(self, catalogue: Catalogue, lang: Lang) -> None:
        self.catalogue, self.lang = catalogue, lang
        self.evidence = Evidence(catalogue)
        self.coder = Coder(catalogue)
        self.needed = needed_answers(catalogue)
        self.way_in = {role.id: role.way_in.get(lang) for role in catalogue.roles}
        self.bank = frozenset(question.id for question in catalogue.bank)

    def score(self, row: Row) -> Student:
        """One student: their standing, from a row whose answers were read (ids the catalogue
        knows), or the row's problem."""
        if row.answers is None:
            return failed(row)
        return self.student(row, self.figures(row.answers, row.lang))

    def figures(self, answers: Mapping[str, str], lang: Lang) -> Figures:
        """What scoring says of a student's answers (``lang``: the language of the code)."""
        catalogue = self.catalogue
        count = answered(catalogue, answers)
        if count < self.needed:
            return Figures("too_few", count, (), None, None, "", None, (), {}, None)
        picks = self.evidence.picked(answers)
        ranked = standing(catalogue, answers, self.evidence, picks)
        best = ranked.best
        return Figures(
            status="scored",
            answered=count,
            top=tuple((m.id, m.fit) for m in ranked.listed[:TOP]),
            sure=best.sure,
            ready=best.ready,
            way_in=self.way_in[best.id],
            band=band(ranked),
            flags=flags(ranked),
            profile=as_percentages(shares_of(catalogue, [pick.option for pick in picks])),
            code=self.coder.encode(answers, lang),
        )

    def student(self, row: Row, figures: Figures) -> Student:
        """The Student for a row whose answers were read, and their figures: with the flags
        of how the form was filled in (rushed, half-empty)."""
        answers = row.answers or {}
        asked = row.asked
        if asked is None:  # a sheet or a code: the questions it holds were the ones put
            asked = sum(1 for question in answers if question in self.bank)
        extra: list[str] = []
        if row.seconds is not None and row.seconds < RUSHED_SECONDS * len(answers):
            extra.append("rushed")  # every question answered counts, "doesn't apply" too
        if figures.status == "scored" and figures.answered < HALF_EMPTY * asked:
            extra.append("half_empty")
        values = figures._asdict()
        values["flags"] = (*figures.flags, *extra)
        where = (row.source, row.row, row.kept, row.label, row.lang)
        return Student(*where, **values, asked=asked, seconds=row.seconds, group=row.group)


def failed(row: Row) -> Student:
    """The Student for a row whose answers could not be read."""
    where = (row.source, row.row, row.kept, row.label, row.lang)
    return Student(*where, status="failed", problem=row.problem, group=row.group)


# --- Students who sent the form twice ---------------------------------------------------------

Place = tuple[str, int]  # (source, row): where a row was read


class Submissions:
    """Who has sent the form, to find a student who sent it more than once, in memory that
    does not grow with the class: every key (e-mail, else name) goes into a Bloom filter of
    BITS bits, and only a key the filter has seen before is kept, with where and when it came.
    So ``again`` holds every second (or later) submission, and, rarely, a first one that the
    filter took for seen (``repeats`` tells them apart on a second reading)."""

    BITS = 1 << 25  # 4 MiB: at 100,000 students, about one chance in a million of a false alarm
    HASHES = 3

    def __init__(self) -> None:
        self.bits = bytearray(self.BITS // 8)
        self.again: dict[str, list[tuple[Place, str]]] = {}

    def add(self, row: Row) -> None:
        """Count one row in (rows without a key are nobody in particular)."""
        if not row.key:
            return
        # Python's own hash, the same all through one process (all this needs), as two
        # 32-bit halves that make each of the HASHES bit positions (Kirsch and Mitzenmacher).
        number = hash(row.key) & 0xFFFF_FFFF_FFFF_FFFF
        first, step = number & 0xFFFF_FFFF, number >> 32 | 1
        seen = True
        for n in range(self.HASHES):
            bit = (first + n * step) % self.BITS
            mask = 1 << (bit & 7)
            seen = seen and bool(self.bits[bit >> 3] & mask)
            self.bits[bit >> 3] |= mask
        if seen:
            self.again.setdefault(row.key, []).append(((row.source, row.row), row.when))


@dataclass
class Repeats:
    """Which rows another, later submission of the same student replaces."""

    replaced: dict[Place, Place] = field(default_factory=dict)  # a row -> the row kept instead
    kept: set[Place] = field(default_factory=set)  # the rows kept of a student who sent twice


def repeats(rows: Iterable[Row | Note], keys: Iterable[str]) -> Repeats:
    """Every row of the students whose ``keys`` came more than once: for each, the latest one
    (by the time the export gives, else the later row) is kept and the others replaced."""
    wanted = set(keys)
    found: dict[str, list[tuple[Place, str]]] = {}
    for row in rows:
        if isinstance(row, Row) and row.key in wanted:
            found.setdefault(row.key, []).append(((row.source, row.row), row.when))
    result = Repeats()
    for sent in found.values():
        if len(sent) < 2:
            continue  # the Bloom filter's false alarm
        latest = sent[-1]
        for other in reversed(sent[:-1]):  # the later row wins a tie or an unreadable time
            if _later(other[1], latest[1]):
                latest = other
        result.kept.add(latest[0])
        result.replaced.update({place: latest[0] for place, _ in sent if place != latest[0]})
    return result


def _later(one: str, other: str) -> bool:
    """Whether the time ``one`` is surely after ``other`` (both as the export writes them)."""
    # sitting_seconds is None when its end comes before its start or either is no time
    return sitting_seconds(other, one) is not None and sitting_seconds(one, other) is None


def ready_words(student: Student, catalogue: Catalogue, lang: Lang) -> str:
    """How ready a scored student is for their best fit, in a few words ('yes, now', 'junior
    posts, now', 'later (senior, 3-5 yrs)'), as the quiz's table says it; '' without one."""
    role = catalogue.role(student.top[0][0]) if student.top else None
    if role is None or student.ready is None:
        return ""
    fit, sure = student.top[0][1], student.sure or 0.0
    return ready_text(Match(role, 0.0, fit, sure, student.ready, True), lang)


def sure_percent(student: Student) -> str:
    """How sure the best fit is, as a whole number of percent (1-99) for a number column; ''
    without a result."""
    return "" if student.sure is None else sure_text(student.sure).rstrip("%")


def student_note(student: Student, catalogue: Catalogue, lang: Lang) -> str:
    """What to know about a student's result, in words ('' when nothing): why the row failed,
    or each reason to talk to them first, and whether they are torn about the field; then
    whether they sent the form more than once."""
    twice = [t("class_note_twice", lang)] if student.duplicate else []
    if student.status == "failed":
        return " ".join([*([student.problem] if student.problem else []), *twice])
    notes = [reason_text(student, reason, catalogue, lang) for reason in student.talk_reasons]
    if "torn" in student.flags:
        notes.append(t("class_note_torn", lang))
    return " ".join([*notes, *twice])


def reason_text(student: Student, reason: str, catalogue: Catalogue, lang: Lang) -> str:
    """One of TALK_REASONS for this student in words, with the roles, fits and how sure it is
    about (the screen, results.csv and the summaries all say it so)."""
    if reason == "too_few":
        need = number(needed_answers(catalogue), lang)
        return t("summary_reason_too_few", lang, have=number(student.answered, lang), need=need)
    if reason == "rushed":
        seconds = number(round(student.seconds or 0), lang)
        return t("summary_reason_rushed", lang, seconds=seconds, limit=RUSHED_SECONDS)
    if reason == "half_empty":
        values = {"have": number(student.answered, lang), "asked": number(student.asked, lang)}
        return t("summary_reason_half_empty", lang, **values)
    if reason == "no_pattern":
        return t("summary_reason_no_pattern", lang)
    names = [_name(catalogue, role, lang) for role, _ in student.top]
    fits = [fit_text(fit) for _, fit in student.top]
    if reason == "near_tie" and len(names) > 1:
        values = {"a": names[0], "x": fits[0], "b": names[1], "y": fits[1]}
        return t("summary_reason_near_tie", lang, **values)
    sure = sure_text(student.sure or 0.0)
    return t(f"summary_reason_{reason}", lang, name=names[0], fit=fits[0], sure=sure)


def _name(catalogue: Catalogue, role_id: str, lang: Lang) -> str:
    role = catalogue.role(role_id)
    return role.name.get(lang) if role else role_id
