"""The class summary's HTML pages: ``summary.html`` (the counts, charts, parts and students to
talk to, then the roster and a page a student) and ``class.html`` (the class picture without
names, to project), written from the facts summary.py gathers (``ClassFacts``).

Apart from the facts and the Markdown because a page changes with its look (the stylesheet,
the charts' geometry, the print layout) and the facts with what a teacher is told: one is
checked in a browser, the other against the scoring. Every text that comes from outside is
made safe in summary.py and escaped here for HTML. The page is self-contained: charts are
inline SVG, drawn once with their figures as labels, a title and a description for screen
readers; no script, nothing fetched, system fonts, WCAG AA colours, a print layout and no
sideways scrolling on a 360-pixel phone.
"""

from __future__ import annotations

import html

from rolefinder.classroom.summary import Chart, ClassFacts, Part, StudentPage
from rolefinder.present.cards import PAGE_CSS

__all__ = ["class_view_html", "html_summary"]

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
    display: grid; grid-template-columns: minmax(0, 1fr) 4.75rem 4.75rem; gap: 0 0.5rem;
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
