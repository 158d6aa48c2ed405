"""A whole class's results for its teacher: ``summary.md``, ``summary.html`` and ``class.html``.

Why it stays whole (just over 500 lines): the facts are what every summary file says, and the
Markdown is their plainest writing, kept beside them so that a fact added is seen written at
once; the HTML pages, which change with their look, are pages.py's.

``rolefinder class responses.csv --out DIR`` writes them beside results.csv and results.json.
Both are written from one set of facts, gathered once from classroom.Summary in the summary's
language, so they say the same thing: the counts (how many results are unsure, show no clear
pattern, and, where the export has start and completion times, how many students rushed), what
unsure means, the best fits and the class's average profile as charts, the class broken down
by its class or group column and by file (where there is more than one), and the students to
talk to first with their reasons (fits, how sure). summary.html also has the roster (every
student on one line) and a page for each student, and prints as the roster on page 1, then a
page a student; class.html is the class picture without names (nor file names), to project.
Nothing in them depends on the date or the machine, so the same answers always give the same
files.

As with the result cards (present/cards.py), every text that comes from outside (student labels,
file names, catalogue names) is put on one line without control characters, its other
hidden characters written out as i18n.t writes them, and escaped for its format.

This module owns the facts (``class_facts``: what the files say, in the summary's language) and
``summary.md``; the HTML pages are drawn from the same facts in pages.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rolefinder.assess.codes import Coder
from rolefinder.assess.engine import Evidence, rank
from rolefinder.assess.explain import reasons
from rolefinder.catalogue.model import Catalogue
from rolefinder.classroom.scoring import (
    Student,
    Summary,
    TalkTo,
    Tally,
    ready_words,
    reason_text,
    student_note,
)
from rolefinder.errors import AnswersError, CodeError
from rolefinder.present.cardfacts import clean
from rolefinder.present.cards import markdown_escape
from rolefinder.present.report import fit_text, summary_reason, sure_text
from rolefinder.version import __version__
from rolefinder.words.i18n import t, visible
from rolefinder.words.languages import Lang, number

__all__ = [
    "ClassFacts",
    "class_facts",
    "markdown_summary",
    "share_text",
]

MD_BAR = 20  # characters in a Markdown bar: one for each 5%


def _text(text: str) -> str:
    """An outside text made safe to show, not yet escaped: one line, no control characters
    (cardfacts.clean), other hidden characters (bidi overrides, zero-width spaces) written out as
    i18n.t writes the values it is given, so a name reads the same in a sentence and alone."""
    return visible(clean(text))


def share_text(count: float, total: float) -> str:
    """``count`` as a whole percentage of ``total``: '23%'; '<1%' and '>99%' rather than a
    '0%' or '100%' that is not quite true; '0%' when ``total`` is 0."""
    if count <= 0 or total <= 0:
        return "0%"
    if count >= total:
        return "100%"
    whole = int(100 * count / total + 0.5)  # half up, the way a teacher would round
    if whole == 0:
        return "<1%"
    return ">99%" if whole == 100 else f"{whole}%"


# --- The facts both files show -----------------------------------------------------------------


class CountRow(NamedTuple):
    """One row of the class's counts: its label and its figure, written for the language."""

    label: str
    value: str
    warn: bool  # worth the teacher's attention: too few answers, rows that failed, unsure


class Bar(NamedTuple):
    """One bar of a chart."""

    name: str  # the role's or trait's name
    share: float  # the bar's length, 0 to 1
    figures: tuple[str, ...]  # what the table shows beside the name: (students,) share
    label: str  # the figures as the chart writes them at the bar's end: '5 (23%)'


class Chart(NamedTuple):
    """A horizontal bar chart, with the table of its figures."""

    slug: str  # for the page's element ids
    heading: str
    intro: str
    columns: tuple[str, ...]  # the table's header: name, then one per figure
    bars: tuple[Bar, ...]
    description: str  # every bar in words, for the image's <desc>


class Part(NamedTuple):
    """The class broken down (by class or group, or by file): a table of counts and the
    first roles of each part."""

    slug: str
    heading: str
    columns: tuple[str, str, str, str]  # part, students, scored, best fits
    rows: tuple[tuple[str, str, str, str], ...]


class Talk(NamedTuple):
    """A student to talk to first: who, where their answers are, and why."""

    label: str
    where: str
    reasons: tuple[str, ...]


class RosterRow(NamedTuple):
    """One student's line on the roster."""

    label: str
    best: str  # the best fit, or that there is no result
    fit: str  # '82/100', or ''
    sure: str  # '95%', or ''
    ready: str  # whether they can apply, in a few words, or ''
    talk: str  # why to talk to them first, in a few words, or ''


class StudentPage(NamedTuple):
    """A student's own page: the result in a few sentences, for the teacher or the student."""

    label: str
    where: str  # the file and row
    best: str  # the best fit with its fit and how sure; or why there is no result
    ready: str  # 'Can apply? junior posts, now.', or ''
    way_in: str  # 'Way in: ...', or ''
    roles: tuple[str, ...]  # the listed roles with their fits, best first
    why: str  # why the best fit, in one or two sentences, or ''
    notes: tuple[str, ...]  # what to know: the reasons to talk first, torn, or a clear result


class ClassFacts(NamedTuple):
    """A class summary in words, in one language: every text the files show, not yet escaped."""

    lang: Lang
    kicker: str
    title: str  # the page's heading
    page_title: str  # the document's title: the heading and the files read
    sources: str  # 'Read from: a.csv, b.csv', or '' when no file is named
    file_notes: tuple[str, ...]  # about whole files (columns ignored, a file unread), in words
    file_notes_heading: str
    counts: tuple[CountRow, ...]
    note: str  # what the counts mean: how many results are unsure, or why there are no charts
    failed_note: str  # where to find why rows failed, or '' when none did
    charts: tuple[Chart, ...]  # none when nobody was scored
    parts: tuple[Part, ...]  # by class, by file: where the class has more than one
    talk_heading: str
    talk_intro: str
    talk: tuple[Talk, ...]
    talk_none: str  # said when nobody is to be talked to first
    talk_more: str  # '... and 3 more: see results.csv.', or ''
    show_talk: bool  # whether to have a "talk to" section at all (not for an empty class)
    roster_heading: str
    roster_intro: str
    roster_columns: tuple[str, ...]
    roster: tuple[RosterRow, ...]  # the first ROSTER_MAX students, as read
    roster_more: str  # '... and 3 more: see results.csv.', or ''
    class_view: str  # where the class picture without names is
    pages_heading: str
    pages: tuple[StudentPage, ...]  # one for each student on the roster
    roles_heading: str
    notes_heading: str
    view_title: str  # the class view's heading
    view_description: str
    description: str
    footer: str


def _role_name(catalogue: Catalogue, role_id: str, lang: Lang) -> str:
    role = catalogue.role(role_id)
    return _text(role.name.get(lang)) if role is not None else _text(role_id)


def _reasons(entry: TalkTo, catalogue: Catalogue, lang: Lang) -> tuple[str, ...]:
    """Each of a student's reasons in words, most pressing first."""
    return tuple(_text(reason_text(entry.student, r, catalogue, lang)) for r in entry.reasons)


def _talk(entry: TalkTo, catalogue: Catalogue, lang: Lang) -> Talk:
    student = entry.student
    where = _where(student, lang)
    # a label made only of control characters cleans to nothing: name the row instead
    return Talk(_text(student.label) or where, where, _reasons(entry, catalogue, lang))


def _chart(
    slug: str, heading: str, intro: str, columns: tuple[str, ...], bars: Sequence[Bar], lang: Lang
) -> Chart:
    figures = "; ".join(f"{bar.name} {bar.label}" for bar in bars)
    description = t("summary_chart_desc", lang, figures=figures)
    return Chart(slug, heading, intro, columns, tuple(bars), description)


def _where(student: Student, lang: Lang) -> str:
    source = _text(student.source)
    return t("summary_where_row", lang, source=source, row=student.row) if student.row else source


def _marks(student: Student, lang: Lang) -> str:
    """Why to talk to a student first, in a few words each ('unsure, near tie')."""
    if student.status == "failed":
        return t("summary_mark_failed", lang)
    return ", ".join(t(f"summary_mark_{reason}", lang) for reason in student.talk_reasons)


def _sure(student: Student, lang: Lang) -> str:
    """How sure the best fit is, as the quiz's result screen says it: no figure when the
    answers show no clear pattern (the share is then the best of noise, not a certainty), and
    "low" for a student still exploring the field, whatever the answers' share."""
    if student.no_pattern:
        return ""
    if "exploring" in student.flags:
        return t("band_unsure", lang)
    return sure_text(student.sure or 0.0)


def _roster_row(student: Student, catalogue: Catalogue, lang: Lang) -> RosterRow:
    label = _text(student.label) or _where(student, lang)
    if not student.top:
        none = t("summary_no_result", lang)
        return RosterRow(label, none, "", "", "", _marks(student, lang))
    role, fit = student.top[0]
    sure = _sure(student, lang)
    ready = _text(ready_words(student, catalogue, lang))
    best = _role_name(catalogue, role, lang)
    return RosterRow(label, best, fit_text(fit), sure, ready, _marks(student, lang))


class _Why:
    """Why each student's best fit fits, in the summary's words: their answers, read back
    from the result code, ranked again. Only the roster's students are asked for, so this
    costs at most ROSTER_MAX rankings, whatever the size of the class."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.evidence = Evidence(catalogue)
        self.coder = Coder(catalogue)

    def __call__(self, student: Student, lang: Lang) -> str:
        if student.code is None or not student.top:
            return ""
        try:
            answers = self.coder.decode(student.code).answers
            result = rank(self.catalogue, answers, self.evidence)
        except (CodeError, AnswersError):  # a code from elsewhere: the page does without
            return ""
        why = reasons(self.catalogue, result, result.best.id)
        return _text(summary_reason(self.catalogue, why, lang, student=True))


def _page(student: Student, catalogue: Catalogue, lang: Lang, why: _Why) -> StudentPage:
    label = _text(student.label) or _where(student, lang)
    where = _where(student, lang)
    note = _text(student_note(student, catalogue, lang))
    if not student.top:  # too few answers, or a row that could not be read: the note says
        return StudentPage(label, where, note, "", "", (), "", ())
    role, fit = student.top[0]
    name, fit_shown = _role_name(catalogue, role, lang), fit_text(fit)
    if student.no_pattern:
        best = t("summary_student_best_no_pattern", lang, name=name, fit=fit_shown)
    elif "exploring" in student.flags:
        band = _sure(student, lang)
        best = t("summary_student_best_band", lang, name=name, fit=fit_shown, band=band)
    else:
        best = t("summary_student_best", lang, name=name, fit=fit_shown, sure=_sure(student, lang))
    ready = _text(ready_words(student, catalogue, lang))
    way_in = _text(student.way_in)
    notes = tuple(
        _text(reason_text(student, reason, catalogue, lang)) for reason in student.talk_reasons
    )
    if "torn" in student.flags:
        notes += (_text(t("class_note_torn", lang)),)
    if student.duplicate:
        notes += (_text(t("class_note_twice", lang)),)
    return StudentPage(
        label,
        where,
        best,
        t("summary_student_ready", lang, ready=ready) if ready else "",
        t("way_in", lang, text=way_in) if way_in else "",
        tuple(f"{_role_name(catalogue, r, lang)}: {fit_text(f)}" for r, f in student.top),
        t("summary_student_why", lang, text=text) if (text := why(student, lang)) else "",
        notes or (t("summary_student_none", lang),),
    )


def _part(slug: str, parts: dict[str, Tally], summary: Summary, heading: str, column: str) -> Part:
    """A breakdown's table: each part with its counts and its first roles, most first."""
    lang, catalogue = summary.lang, summary.catalogue
    rows = []
    for name, part in sorted(parts.items(), key=lambda item: (item[0] == "", item[0])):
        roles = ", ".join(
            f"{_role_name(catalogue, role, lang)} {number(count, lang)}"
            for role, count in part.first_roles()
        )
        shown = _text(name) or t("summary_no_group", lang)
        rows.append((shown, number(part.students, lang), number(part.scored, lang), roles))
    columns = (
        column,
        t("summary_students", lang),
        t("summary_scored", lang),
        t("summary_col_first", lang),
    )
    return Part(slug, heading, columns, tuple(rows))


def class_facts(summary: Summary) -> ClassFacts:
    """Everything the summary files show, in ``summary.lang``, cleaned but not escaped."""
    lang, catalogue, scored = summary.lang, summary.catalogue, summary.scored
    sources = ", ".join(_text(source) for source in summary.sources)
    title = t("summary_title", lang)
    counts = [
        CountRow(t("summary_students", lang), number(summary.students, lang), False),
        CountRow(t("summary_scored", lang), number(scored, lang), False),
        CountRow(t("summary_too_few", lang), number(summary.too_few, lang), summary.too_few > 0),
        CountRow(t("summary_failed", lang), number(summary.failed, lang), summary.failed > 0),
        CountRow(t("summary_unsure", lang), number(summary.unsure, lang), summary.unsure > 0),
    ]
    pattern = summary.no_pattern
    counts.append(CountRow(t("summary_no_pattern", lang), number(pattern, lang), pattern > 0))
    if summary.duplicates:
        twice = number(summary.duplicates, lang)
        counts.append(CountRow(t("summary_duplicates", lang), twice, True))
    if summary.timed:  # without start and completion times, nobody can be seen to rush
        rushed = summary.rushed
        counts.append(CountRow(t("summary_rushed", lang), number(rushed, lang), rushed > 0))
    if scored:
        share = share_text(summary.unsure, scored)
        note = f"{t('summary_unsure_share', lang, share=share)} {t('summary_unsure_meaning', lang)}"
    elif summary.students:
        note = t("summary_none_scored", lang)
    else:
        note = t("summary_none_read", lang)
    charts: list[Chart] = []
    if scored:
        first = [
            Bar(
                _role_name(catalogue, role, lang),
                count / scored,
                (number(count, lang), share_text(count, scored)),
                f"{number(count, lang)} ({share_text(count, scored)})",
            )
            for role, count in summary.first_roles
        ]
        charts.append(
            _chart(
                "first",
                t("summary_first_heading", lang),
                t("summary_first_intro", lang, scored=number(scored, lang)),
                (
                    t("summary_col_role", lang),
                    t("summary_students", lang),
                    t("summary_col_share", lang),
                ),
                first,
                lang,
            )
        )
        profile = summary.profile
        traits = []
        for trait in catalogue.traits:
            percent = profile.get(trait.id, 0)
            name = _text(trait.name.get(lang))
            traits.append(Bar(name, percent / 100, (f"{percent}%",), f"{percent}%"))
        charts.append(
            _chart(
                "profile",
                t("summary_profile_heading", lang),
                t("summary_profile_intro", lang, scored=number(scored, lang)),
                (t("summary_col_trait", lang), t("summary_col_share", lang)),
                traits,
                lang,
            )
        )
    parts = []
    if summary.by_group:
        heading = t("summary_groups_heading", lang)
        column = t("summary_col_group", lang)
        parts.append(_part("groups", summary.groups, summary, heading, column))
    if summary.by_file:
        heading, column = t("summary_files_heading", lang), t("summary_col_file", lang)
        parts.append(_part("files", summary.files, summary, heading, column))
    more = t("summary_talk_more", lang, count=number(summary.talk_more, lang))
    roster_more = t("summary_talk_more", lang, count=number(summary.roster_more, lang))
    why = _Why(catalogue)
    return ClassFacts(
        lang=lang,
        kicker=t("summary_kicker", lang),
        title=title,
        page_title=f"{title}: {sources}" if sources else title,
        sources=t("summary_sources", lang, files=sources) if sources else "",
        file_notes=tuple(_text(note.text) for note in summary.notes),
        file_notes_heading=t("summary_file_notes", lang),
        counts=tuple(counts),
        note=note,
        failed_note=t("summary_failed_note", lang) if summary.failed else "",
        charts=tuple(charts),
        parts=tuple(parts),
        talk_heading=t("summary_talk_heading", lang),
        talk_intro=t("summary_talk_intro", lang),
        talk=tuple(_talk(entry, catalogue, lang) for entry in summary.talk_order()),
        talk_none=t("summary_talk_none", lang),
        talk_more=more if summary.talk_more > 0 else "",
        show_talk=summary.students > 0,
        roster_heading=t("summary_roster_heading", lang),
        roster_intro=t("summary_roster_intro", lang),
        roster_columns=(
            t("summary_col_name", lang),
            t("summary_col_best", lang),
            t("summary_col_fit", lang),
            t("summary_col_sure", lang),
            t("summary_col_ready", lang),
            t("summary_col_talk", lang),
        ),
        roster=tuple(_roster_row(student, catalogue, lang) for student in summary.roster),
        roster_more=roster_more if summary.roster_more > 0 else "",
        class_view=t("summary_class_view", lang),
        pages_heading=t("summary_pages_heading", lang),
        pages=tuple(_page(student, catalogue, lang, why) for student in summary.roster),
        roles_heading=t("summary_student_roles", lang),
        notes_heading=t("summary_student_notes", lang),
        view_title=t("class_view_title", lang),
        view_description=t(
            "class_view_desc",
            lang,
            students=number(summary.students, lang),
            scored=number(scored, lang),
        ),
        description=t(
            "summary_desc",
            lang,
            students=number(summary.students, lang),
            scored=number(scored, lang),
        ),
        footer=t("summary_footer", lang, version=__version__),
    )


# --- Markdown --------------------------------------------------------------------------------


def _md_bar(share: float) -> str:
    """A bar of MD_BAR characters: █ for each 5%, ░ for the rest; a thin ▏ for a share too
    small for a whole █, so that no student counted is drawn as nobody."""
    full = min(MD_BAR, int(share * MD_BAR + 0.5))
    if full == 0 and share > 0:
        return "▏" + "░" * (MD_BAR - 1)
    return "█" * full + "░" * (MD_BAR - full)


def markdown_summary(facts: ClassFacts) -> str:
    """The Markdown summary for these facts."""
    md = markdown_escape

    def row(cells: Iterable[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    lines = [f"# {md(facts.title)}", ""]
    if facts.sources:
        lines += [md(facts.sources), ""]
    lines += [f"- {md(count.label)}: {md(count.value)}" for count in facts.counts]
    lines.append("")
    lines += [md(facts.note), ""]
    if facts.failed_note:
        lines += [md(facts.failed_note), ""]
    if facts.file_notes:  # after a paragraph, so that the two lists stay two
        lines += [md(facts.file_notes_heading), ""]
        lines += [f"- {md(note)}" for note in facts.file_notes]
        lines.append("")
    for chart in facts.charts:
        name, *figures = chart.columns
        lines += [f"## {md(chart.heading)}", "", md(chart.intro), ""]
        lines.append(row([md(name), " ", *map(md, figures)]))
        lines.append(row(["---", "---", *["---:"] * len(figures)]))
        for bar in chart.bars:
            lines.append(row([md(bar.name), _md_bar(bar.share), *map(md, bar.figures)]))
        lines.append("")
    for part in facts.parts:
        lines += [f"## {md(part.heading)}", ""]
        lines.append(row(map(md, part.columns)))
        lines.append(row(["---", "---:", "---:", "---"]))
        lines += [row(map(md, cells)) for cells in part.rows]
        lines.append("")
    if facts.show_talk:
        lines += [f"## {md(facts.talk_heading)}", ""]
        if facts.talk:
            lines += [md(facts.talk_intro), ""]
            for place, talk in enumerate(facts.talk, start=1):
                why = " ".join(map(md, talk.reasons))
                lines.append(f"{place}. **{md(talk.label)}** ({md(talk.where)}): {why}")
            lines.append("")
        else:
            lines += [md(facts.talk_none), ""]
        if facts.talk_more:
            lines += [md(facts.talk_more), ""]
    lines.append(f"*{md(facts.footer)}*")
    return "\n".join(lines) + "\n"
