"""A whole class's results for its teacher: ``summary.md``, ``summary.html`` and ``class.html``.

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
hidden characters written out as i18n.t writes them, and escaped for its format. The page is
self-contained: charts are inline SVG, drawn once with their figures as labels, a title and
a description for screen readers; no script, nothing fetched, system fonts, WCAG AA
colours, a print layout and no sideways scrolling on a 360-pixel phone.
"""

from __future__ import annotations

import html
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
from rolefinder.present.cards import PAGE_CSS, clean, markdown_escape
from rolefinder.present.report import fit_text, summary_reason, sure_text
from rolefinder.version import __version__
from rolefinder.words.i18n import t, visible
from rolefinder.words.languages import Lang, number

__all__ = [
    "ClassFacts",
    "class_facts",
    "class_view_html",
    "html_summary",
    "markdown_summary",
    "share_text",
]

MD_BAR = 20  # characters in a Markdown bar: one for each 5%


def _text(text: str) -> str:
    """An outside text made safe to show, not yet escaped: one line, no control characters
    (cards.clean), other hidden characters (bidi overrides, zero-width spaces) written out as
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


def _roster_row(student: Student, catalogue: Catalogue, lang: Lang) -> RosterRow:
    label = _text(student.label) or _where(student, lang)
    if not student.top:
        none = t("summary_no_result", lang)
        return RosterRow(label, none, "", "", "", _marks(student, lang))
    role, fit = student.top[0]
    sure = sure_text(student.sure or 0.0)
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
        why = summary_reason(self.catalogue, reasons(self.catalogue, result, result.best.id), lang)
        return _text(why)


def _page(student: Student, catalogue: Catalogue, lang: Lang, why: _Why) -> StudentPage:
    label = _text(student.label) or _where(student, lang)
    where = _where(student, lang)
    note = _text(student_note(student, catalogue, lang))
    if not student.top:  # too few answers, or a row that could not be read: the note says
        return StudentPage(label, where, note, "", "", (), "", ())
    role, fit = student.top[0]
    best = t(
        "summary_student_best",
        lang,
        name=_role_name(catalogue, role, lang),
        fit=fit_text(fit),
        sure=sure_text(student.sure or 0.0),
    )
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


# --- HTML ------------------------------------------------------------------------------------

# The result card's palette (present/cards.py): every text colour meets WCAG AA (4.5:1) on its
# background, and the bars 3:1 against the page. Sizes are in rem, so the reader's own font
# size is honoured, but for the charts' text, which is laid out in pixels with its bars.
_CSS = (
    PAGE_CSS
    + """\
.sources { color: #4a5563; }
.counts {
  display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: 0.5rem;
  margin: 1rem 0;
}
.counts div {
  padding: 0.5rem 0.75rem; border: 1px solid #d0d7de; border-radius: 0.5rem;
  background: #f6f8fa;
}
.counts dt { color: #4a5563; font-size: 0.875rem; line-height: 1.3; }
.counts dd {
  margin: 0.25rem 0 0; font-size: 1.5rem; font-weight: 700; line-height: 1.2;
  font-variant-numeric: tabular-nums;
}
.counts .warn { border-color: #e8c58a; background: #fff1d6; }
.counts .warn dt, .counts .warn dd { color: #6b3a00; }
.note {
  margin: 0.75rem 0; padding: 0.5rem 0.75rem; border-left: 0.25rem solid #b45309;
  border-radius: 0.25rem; background: #fff8eb; color: #3d2a00;
}
figure { margin: 0.75rem 0; }
.chart { display: block; width: 100%; }
table { width: 100%; margin: 0.5rem 0 0; border-collapse: collapse; font-size: 0.9375rem; }
th, td {
  padding: 0.3rem 0.5rem; border-bottom: 1px solid #d0d7de; text-align: left;
  vertical-align: top;
}
thead th { background: #f1f4f7; font-size: 0.875rem; overflow-wrap: normal; }
tbody th { font-weight: 400; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.talk { margin: 0.75rem 0; padding-left: 1.75rem; }
.talk > li { margin: 0 0 0.75rem; }
.where { color: #4a5563; }
.talk ul { margin: 0.25rem 0 0; padding-left: 1.1rem; }
.talk ul li { margin: 0.15rem 0; }
footer { margin-top: 2rem; color: #4a5563; font-size: 0.875rem; }
@media (max-width: 30rem) {
  body { padding: 0; }
  main { padding: 1.25rem 1rem 1rem; border: 0; border-radius: 0; }
  th, td { padding: 0.3rem 0.3rem; }
}
.roster table { font-size: 0.875rem; }
.roster td, .roster th { padding: 0.2rem 0.35rem; }
.roster tbody th { font-weight: 600; }
/* the program's own short words: never cut in two to narrow a column */
.roster thead th, .roster .ready, .roster .talk-mark { overflow-wrap: normal; }
.roster .talk-mark { color: #6b3a00; font-weight: 600; }
.student { margin: 1.5rem 0 0; }
.student h2 { margin-bottom: 0; }
.student h3 { margin: 0.75rem 0 0.25rem; font-size: 1rem; }
.student p, .student ol, .student ul { margin: 0.25rem 0; }
@media (max-width: 30rem) {
  /* Six columns do not fit a phone: each row becomes a small block, the name on a line of
     its own, the best fit with its figures under it, then whether they can apply and why to
     talk to them first. The header row is laid out the same way, so it still labels them. */
  .roster table, .roster thead, .roster tbody { display: block; }
  .roster tr {
    display: grid; grid-template-columns: minmax(0, 1fr) 4.75rem 3.75rem; gap: 0 0.5rem;
    padding: 0.35rem 0; border-bottom: 1px solid #d0d7de;
  }
  .roster thead tr { background: #f1f4f7; }
  .roster th, .roster td { padding: 0; border: 0; }
  .roster thead .num { white-space: normal; }
  .roster tr > :nth-child(1) { grid-column: 1 / -1; }
  .roster tr > :nth-child(5) { grid-column: 1; }
  .roster tr > :nth-child(6) { grid-column: 2 / -1; text-align: right; }
}
/* Printed, summary.html is a roster on page 1, then a page for each student; the class
   picture (counts, charts, whom to talk to first) prints from class.html, without names.
   The root's size sets every rem: 10pt type, 9pt in the roster's table, so that a class of
   35 fits one A4 page. No heading is left alone at a page's foot. */
@page { size: A4 portrait; margin: 12mm 12mm 14mm; }
@media print {
  html { font-size: 10pt; }
  body { padding: 0; background: #ffffff; }
  main { max-width: none; padding: 0; border: 0; }
  h1 { margin: 0 0 0.25rem; font-size: 1.5rem; }
  h1, h2, h3, .kicker { break-after: avoid; }
  figure, tr, .talk > li, .counts div, .note, .student ol, .student ul { break-inside: avoid; }
  .counts div, .note, thead th, .chart { print-color-adjust: exact; }
  .summary .picture, .pages-heading, footer { display: none; }
  header { margin: 0; }
  h2 { margin: 0.75rem 0 0.25rem; padding-top: 0.5rem; }
  .roster table { font-size: 0.9rem; line-height: 1.25; }
  .roster td, .roster th { padding: 0.15rem 0.3rem; }
  /* The page's width is known: fixed columns, so that a long name does not squeeze the
     others (a name breaks between words, and inside one only when it must). */
  .roster table { table-layout: fixed; }
  .roster thead th { white-space: normal; }
  .roster thead th:nth-child(1) { width: 22%; }
  .roster thead th:nth-child(2) { width: 24%; }
  .roster thead th:nth-child(3) { width: 11%; }
  .roster thead th:nth-child(4) { width: 9%; }
  .roster thead th:nth-child(5) { width: 16%; }
  .roster tbody th { overflow-wrap: break-word; }
  .student { margin: 0; break-before: page; }
  .student h2 { margin: 0; padding: 0; border: 0; font-size: 1.5rem; }
}
"""
)

# The charts: one row a bar, the name on the left and the figures on the right of one line,
# the bar under them across the whole width. The image has no viewBox, so its text keeps its
# size at any width (a scaled image would shrink it below 12 px on a phone); the bars are in
# percent of the width.
_ROW = 44  # pixels from one bar's row to the next
_FONT = 15  # the charts' text, in pixels
_INK, _MUTED, _BAR, _TRACK = "#1b1f24", "#4a5563", "#1f5f99", "#dfe3e8"
_NARROWEST = 328  # the chart's width on a 360-pixel phone (the page's margins taken off)
_GLYPH = 0.6  # a wide average glyph, as a share of the font size


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _fit(name: str, label: str) -> str:
    """``name`` cut with '…' where it would run into ``label`` on the narrowest phone (the
    image's description gives it in full)."""
    room = int((_NARROWEST - 16) / (_FONT * _GLYPH)) - len(label)
    return name if len(name) <= room else name[: max(room - 1, 1)].rstrip() + "…"


def _svg_chart(chart: Chart) -> str:
    """The chart as an inline SVG image, its title and description first."""
    height = _ROW * len(chart.bars)
    out = [
        f'<svg class="chart" role="img" aria-labelledby="{chart.slug}-title {chart.slug}-desc" '
        f'width="100%" height="{height}" focusable="false">',
        f'<title id="{chart.slug}-title">{_h(chart.heading)}</title>',
        f'<desc id="{chart.slug}-desc">{_h(chart.description)}</desc>',
    ]
    for index, bar in enumerate(chart.bars):
        top = index * _ROW
        ink = _INK if bar.share > 0 else _MUTED
        width = 0.0 if bar.share <= 0 else max(bar.share * 100, 1.0)  # seen, if only one
        out += [
            f'<text x="0" y="{top + 17}" font-size="{_FONT}" fill="{ink}">'
            f"{_h(_fit(bar.name, bar.label))}</text>",
            f'<text x="100%" y="{top + 17}" font-size="{_FONT}" fill="{ink}" text-anchor="end" '
            f'font-weight="600">{_h(bar.label)}</text>',
            f'<rect x="0" y="{top + 25}" width="100%" height="10" rx="3" fill="{_TRACK}"/>',
        ]
        if width:
            out.append(
                f'<rect x="0" y="{top + 25}" width="{width:.2f}%" height="10" rx="3" '
                f'fill="{_BAR}"/>'
            )
    out.append("</svg>")
    return "\n".join(out)


def _chart_section(chart: Chart) -> list[str]:
    """A chart under its heading: drawn once, with its figures as the bars' labels; the
    image's title and description give every figure to a screen reader."""
    return [
        '<section class="picture">',
        f"<h2>{_h(chart.heading)}</h2>",
        f"<p>{_h(chart.intro)}</p>",
        "<figure>",
        _svg_chart(chart),
        "</figure>",
        "</section>",
    ]


def _html_part(part: Part) -> list[str]:
    """A breakdown as a section with its table: the counts are numbers, right-aligned."""
    name, students, scored, first = map(_h, part.columns)
    head = (
        f'<th scope="col">{name}</th><th scope="col" class="num">{students}</th>'
        f'<th scope="col" class="num">{scored}</th><th scope="col">{first}</th>'
    )
    out = [f'<section id="{part.slug}">', f"<h2>{_h(part.heading)}</h2>", "<table>"]
    out += [f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    for cells in part.rows:
        one, two, three, four = map(_h, cells)
        out.append(
            f'<tr><th scope="row">{one}</th><td class="num">{two}</td>'
            f'<td class="num">{three}</td><td>{four}</td></tr>'
        )
    return [*out, "</tbody>", "</table>", "</section>"]


def _roster(facts: ClassFacts) -> list[str]:
    """The roster: one table, a row a student, as read."""
    name, best, fit, sure, ready, talk = map(_h, facts.roster_columns)
    head = (
        f'<th scope="col">{name}</th><th scope="col">{best}</th>'
        f'<th scope="col" class="num">{fit}</th><th scope="col" class="num">{sure}</th>'
        f'<th scope="col">{ready}</th><th scope="col">{talk}</th>'
    )
    out = [
        '<section class="roster">',
        f"<h2>{_h(facts.roster_heading)}</h2>",
        f"<p>{_h(facts.roster_intro)}</p>",
        "<table>",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
    ]
    for row in facts.roster:
        out.append(
            f'<tr><th scope="row">{_h(row.label)}</th><td class="best">{_h(row.best)}</td>'
            f'<td class="num">{_h(row.fit)}</td><td class="num">{_h(row.sure)}</td>'
            f'<td class="ready">{_h(row.ready)}</td><td class="talk-mark">{_h(row.talk)}</td></tr>'
        )
    out += ["</tbody>", "</table>"]
    if facts.roster_more:
        out.append(f"<p><strong>{_h(facts.roster_more)}</strong></p>")
    out += [f"<p>{_h(facts.class_view)}</p>", "</section>"]
    return out


def _student_page(page: StudentPage, facts: ClassFacts) -> list[str]:
    """A student's page: printed, it starts on a page of its own."""
    out = [
        '<article class="student">',
        f"<h2>{_h(page.label)}</h2>",
        f'<p class="where">{_h(page.where)}</p>',
        f"<p>{_h(page.best)}</p>",
    ]
    out += [f"<p>{_h(text)}</p>" for text in (page.ready, page.way_in) if text]
    if page.roles:
        out.append(f"<h3>{_h(facts.roles_heading)}</h3>")
        out += ["<ol>", *(f"<li>{_h(role)}</li>" for role in page.roles), "</ol>"]
    if page.why:
        out.append(f"<p>{_h(page.why)}</p>")
    if page.notes:
        out.append(f"<h3>{_h(facts.notes_heading)}</h3>")
        out += ["<ul>", *(f"<li>{_h(note)}</li>" for note in page.notes), "</ul>"]
    out.append("</article>")
    return out


def _head(facts: ClassFacts, title: str, description: str) -> list[str]:
    return [
        "<!DOCTYPE html>",
        f'<html lang="{facts.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light">',
        f'<meta name="description" content="{_h(description)}">',
        f"<title>{_h(title)}</title>",
        f"<style>\n{_CSS}</style>",
        "</head>",
    ]


def _counts(facts: ClassFacts) -> list[str]:
    out = ['<dl class="counts">']
    for count in facts.counts:
        css = ' class="warn"' if count.warn else ""
        out.append(f"<div{css}><dt>{_h(count.label)}</dt><dd>{_h(count.value)}</dd></div>")
    return [*out, "</dl>", f'<p class="note">{_h(facts.note)}</p>']


def html_summary(facts: ClassFacts) -> str:
    """The HTML page for these facts: on screen the counts, the roster, the charts, whom to
    talk to first and each student's page; printed, the roster and the students' pages."""
    out = [
        *_head(facts, facts.page_title, facts.description),
        '<body class="summary">',
        "<main>",
        "<header>",
        f'<p class="kicker">{_h(facts.kicker)}</p>',
        f"<h1>{_h(facts.title)}</h1>",
    ]
    if facts.sources:
        out.append(f'<p class="sources">{_h(facts.sources)}</p>')
    out.append("</header>")
    out += ['<div class="picture">', *_counts(facts)]
    if facts.failed_note:
        out.append(f"<p>{_h(facts.failed_note)}</p>")
    if facts.file_notes:
        out.append(f"<p>{_h(facts.file_notes_heading)}</p>")
        out += ["<ul>", *(f"<li>{_h(note)}</li>" for note in facts.file_notes), "</ul>"]
    out.append("</div>")
    if facts.roster:
        out += _roster(facts)
    for chart in facts.charts:
        out += _chart_section(chart)
    if facts.parts:  # the class picture: on screen, not in print (class.html prints it)
        out.append('<div class="picture">')
        for part in facts.parts:
            out += _html_part(part)
        out.append("</div>")
    if facts.show_talk:
        out += ['<section class="picture">', f"<h2>{_h(facts.talk_heading)}</h2>"]
        if facts.talk:
            out += [f"<p>{_h(facts.talk_intro)}</p>", '<ol class="talk">']
            for talk in facts.talk:
                reasons = "".join(f"<li>{_h(reason)}</li>" for reason in talk.reasons)
                out.append(
                    f'<li><strong>{_h(talk.label)}</strong> <span class="where">'
                    f"({_h(talk.where)})</span><ul>{reasons}</ul></li>"
                )
            out.append("</ol>")
        else:
            out.append(f"<p>{_h(facts.talk_none)}</p>")
        if facts.talk_more:
            out.append(f"<p><strong>{_h(facts.talk_more)}</strong></p>")
        out.append("</section>")
    if facts.pages:
        out += [
            '<section class="pages">',
            f'<h2 class="pages-heading">{_h(facts.pages_heading)}</h2>',
        ]
        for page in facts.pages:
            out += _student_page(page, facts)
        out.append("</section>")
    out += [
        f"<footer><p>{_h(facts.footer)}</p></footer>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def class_view_html(facts: ClassFacts) -> str:
    """The page without names for these facts."""
    out = [
        *_head(facts, facts.view_title, facts.view_description),
        '<body class="class-view">',
        "<main>",
        "<header>",
        f'<p class="kicker">{_h(facts.kicker)}</p>',
        f"<h1>{_h(facts.view_title)}</h1>",
        "</header>",
        *_counts(facts),
    ]
    for chart in facts.charts:
        out += _chart_section(chart)
    for part in facts.parts:  # by class; not by file: a file's name could be a student's
        if part.slug != "files":
            out += _html_part(part)
    out += [
        f"<footer><p>{_h(facts.footer)}</p></footer>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
