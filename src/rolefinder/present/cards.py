"""The result as a file for ``--save``: an HTML page, an SVG image, a Markdown report or JSON.

``CARDS`` maps each file extension to its writer; ``save.FORMATS`` is read from it, so the
check made before the quiz and the writing afterwards cannot disagree.

The three readable cards are written from one set of facts (cardfacts.py), gathered once from
present/report.py's sentences in the chosen language, so they say the same thing; the SVG image
is drawn in svgcard.py, the HTML page and the Markdown report here. They are written by hand rather
than recorded from a terminal: real headings, a real table, text that can be copied and read
aloud, nothing fetched from the network, and every catalogue text escaped for its format.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from rolefinder.errors import SaveFormatError
from rolefinder.present.cardfacts import CONTROL_CHARACTERS, Facts, facts
from rolefinder.present.report import (
    result_dict,
)
from rolefinder.present.svgcard import svg_card
from rolefinder.words.i18n import json_visible, t
from rolefinder.words.languages import Lang

if TYPE_CHECKING:  # the engine and the sentences are imported when a card is written
    from rolefinder.assess.engine import Result
    from rolefinder.assess.explain import Explanation
    from rolefinder.catalogue.model import Catalogue

__all__ = [
    "CARDS",
    "PAGE_CSS",
    "Writer",
    "as_json",
    "html_card",
    "html_page",
    "json_card",
    "markdown_card",
    "markdown_escape",
    "markdown_report",
    "result_file",
]


class Writer(Protocol):
    """A card writer: the result as the text of one kind of file; ``taken``, the language
    the quiz was taken in, when it is shown in another (its code keeps the sitting's)."""

    def __call__(
        self,
        catalogue: Catalogue,
        result: Result,
        explanation: Explanation,
        lang: Lang,
        top: int,
        *,
        taken: Lang | None = None,
    ) -> str: ...


def as_json(data: Any, ascii_only: bool = False) -> str:
    """The JSON text rolefinder prints and saves, hidden characters escaped (json_visible)."""
    return json_visible(json.dumps(data, ensure_ascii=ascii_only, indent=2)) + "\n"


# Colours meet WCAG AA (4.5:1) for their text on their background; sizes are in rem so the
# reader's own font size is honoured; nothing here loads a font, script or image.
PAGE_CSS = """\
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; padding: 1.5rem 0.75rem; background: #eef1f5; color: #1b1f24;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue",
    Arial, sans-serif;
  overflow-wrap: anywhere;
}
main {
  max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.5rem 1rem; background: #ffffff;
  border: 1px solid #d0d7de; border-radius: 0.75rem;
}
.kicker {
  margin: 0 0 0.25rem; color: #4a5563; font-size: 0.875rem; font-weight: 600;
  letter-spacing: 0.04em; text-transform: uppercase;
}
h1 { margin: 0 0 0.75rem; color: #0b3d62; font-size: 1.75rem; line-height: 1.2; }
h2 {
  margin: 1.75rem 0 0.5rem; padding-top: 1.25rem; border-top: 1px solid #d0d7de;
  font-size: 1.25rem; line-height: 1.3;
}
p { margin: 0.5rem 0; }
ul { margin: 0.5rem 0; padding-left: 1.25rem; }
"""  # the page around a card and a class summary alike


_CSS = (
    PAGE_CSS
    + """\
h3 { margin: 1.25rem 0 0.25rem; font-size: 1rem; }
li { margin: 0.3rem 0; }
.summary { font-size: 1.125rem; }
.band {
  display: inline-block; padding: 0.25rem 0.75rem; border-radius: 1rem;
  background: #e3f4e8; color: #14532d; font-weight: 600;
}
.band.unsure { background: #fff1d6; color: #6b3a00; }
.notes { padding: 0; list-style: none; }
.notes li {
  margin: 0.5rem 0; padding: 0.5rem 0.75rem; border-left: 0.25rem solid #b45309;
  border-radius: 0.25rem; background: #fff8eb; color: #3d2a00;
}
table { width: 100%; border-collapse: collapse; }
th, td {
  padding: 0.4rem 0.5rem; border-bottom: 1px solid #d0d7de; text-align: left;
  vertical-align: top;
}
thead th { background: #f1f4f7; font-size: 0.875rem; }
tbody th { font-weight: 600; }
/* Headers and readiness are the program's own short words: never cut one in two to narrow a
   column (catalogue names may still break anywhere, so the table always fits). */
thead th, .ready { overflow-wrap: normal; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.best th, .best td { background: #eaf2fa; font-weight: 700; }
.bars { margin: 0.75rem 0; padding: 0; list-style: none; }
.bars li {
  display: grid; grid-template-columns: minmax(0, 10rem) minmax(0, 1fr) 3.5rem;
  gap: 0.75rem; align-items: center;
}
.bars svg { display: block; width: 100%; height: 0.75rem; }
code {
  padding: 0.1rem 0.3rem; border-radius: 0.25rem; background: #f1f4f7;
  font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 0.95em;
}
.code code { font-size: 1.2rem; font-weight: 600; }
footer { margin-top: 2rem; color: #4a5563; font-size: 0.875rem; }
@media (max-width: 30rem) {
  body { padding: 0; }
  main { padding: 1.25rem 1rem 1rem; border: 0; border-radius: 0; }
  th, td { padding: 0.4rem 0.3rem; }
  .bars li { grid-template-columns: minmax(0, 1fr) 3.5rem; gap: 0.25rem 0.75rem; }
  .bars svg { grid-row: 2; grid-column: 1 / -1; }
}
@media print {
  body { padding: 0; background: #ffffff; font-size: 11pt; }
  main { max-width: none; padding: 0; border: 0; }
  h2, h3 { break-after: avoid; }
  li, tr { break-inside: avoid; }
  .band, .notes li, .best th, .best td, thead th, .bars svg { print-color-adjust: exact; }
}
"""
)


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _around(sentence: str, command: str) -> tuple[str, str]:
    """The parts of ``sentence`` before and after ``command`` (which it holds once)."""
    before, _, after = sentence.partition(command)
    return before, after


def _with_code(sentence: str, command: str) -> str:
    """The escaped sentence with ``command`` set as code."""
    before, after = _around(sentence, command)
    return f"{_h(before)}<code>{_h(command)}</code>{_h(after)}"


def _html_list(items: Iterable[str], css: str = "") -> list[str]:
    opening = f'<ul class="{css}">' if css else "<ul>"
    return [opening, *(f"<li>{_h(item)}</li>" for item in items), "</ul>"]


def _html_bar(percent: int) -> str:
    # Drawn, not a <meter>: a meter's look differs in every browser and is lost in print.
    # Hidden from screen readers, which read the percentage beside it.
    return (
        '<svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" '
        'focusable="false"><rect width="100" height="10" rx="2" fill="#dfe3e8"/>'
        f'<rect width="{percent}" height="10" rx="2" fill="#1f5f99"/></svg>'
    )


def html_card(
    catalogue: Catalogue,
    result: Result,
    explanation: Explanation,
    lang: Lang,
    top: int,
    *,
    taken: Lang | None = None,
) -> str:
    """The result as a self-contained HTML5 page that reads well on a phone and in print."""
    return html_page(facts(catalogue, result, explanation, lang, top, taken=taken))


def html_page(card: Facts) -> str:
    """The HTML page for these facts."""
    band_class = "band unsure" if card.unsure else "band"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{card.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light">',
        f'<meta name="description" content="{_h(card.description)}">',
        f"<title>{_h(card.title)}</title>",
        f"<style>\n{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f'<p class="kicker">{_h(card.kicker)}</p>',
        f"<h1>{_h(card.heading)}</h1>",
        f'<p class="summary">{_h(card.summary)}</p>',
        f'<p class="{band_class}">{_h(card.band)}</p>',
    ]
    if card.notes:
        out += _html_list(card.notes, "notes")
    out.append("</header>")
    if card.why:
        out += ["<section>", f"<h2>{_h(card.why_heading)}</h2>", *_html_list(card.why)]
        out.append("</section>")
    out += ["<section>", f"<h2>{_h(card.ready_heading)}</h2>", *_html_list(card.ready)]
    out.append("</section>")
    out += ["<section>", f"<h2>{_h(card.matches_heading)}</h2>", "<table>", "<thead><tr>"]
    rank, role, fit, ready = map(_h, card.columns)
    out += [
        f'<th scope="col" class="num">{rank}</th><th scope="col">{role}</th>'
        f'<th scope="col" class="num">{fit}</th><th scope="col">{ready}</th>',
        "</tr></thead>",
        "<tbody>",
    ]
    for row in card.matches:
        css = ' class="best"' if row.place == 1 else ""
        out.append(
            f'<tr{css}><td class="num">{row.place}</td><th scope="row">{_h(row.name)}</th>'
            f'<td class="num">{_h(row.fit)}</td><td class="ready">{_h(row.ready)}</td></tr>'
        )
    out += ["</tbody>", "</table>"]
    for row in card.matches[1:]:
        if row.reasons:
            why = t("card_why_role", card.lang, name=row.name)
            out += [f"<h3>{_h(why)}</h3>", *_html_list(row.reasons)]
    out.append("</section>")
    out += ["<section>", f"<h2>{_h(card.duties_heading)}</h2>", *_html_list(card.duties)]
    if card.onward is not None:
        label, names = card.onward
        out.append(f"<p><strong>{_h(label)}:</strong> {_h(names)}</p>")
    out += [f"<p>{_with_code(card.more, card.show)}</p>", "</section>"]
    out += ["<section>", f"<h2>{_h(card.profile_heading)}</h2>", '<ul class="bars">']
    for name, percent in card.profile:
        out.append(
            f"<li><span>{_h(name)}</span>{_html_bar(percent)}"
            f'<span class="num">{percent}%</span></li>'
        )
    out += ["</ul>", "</section>"]
    out += [
        "<section>",
        f"<h2>{_h(card.code_heading)}</h2>",
        f'<p class="code"><code>{_h(card.code)}</code></p>',
        f"<p>{_with_code(card.replay, card.command)}</p>",
        "</section>",
        f"<footer><p>{_h(card.footer)}</p></footer>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


# What could be markup in a text, each matched in the text as it was given, to be written with a
# backslash before its last character (CommonMark shows an escaped punctuation mark as itself):
_MD_SPECIAL = re.compile(
    r"""
      [\\`*_\[\]<>|\#~$]  # markup wherever it stands: escapes, code, emphasis, links and
                        # images, raw HTML and autolinks, table cells, headings (and their
                        # closing #s), strike-through, GitHub's $math$
    | !(?=\[)           # an image's mark (harmless once its [ is escaped, but plainly so)
    | &(?=[\#A-Za-z])   # an entity or character reference: &amp; &#60; (a lone & is text)
    | :(?=//)           # GitHub links a bare http:// https:// ftp:// URL
    | (?<=[Ww]{3})\.    # ... and www.; a backslash in either keeps the text unlinked
    | ^\ ?(?:[-+=]|\d{1,9}[.)](?=\ |$))  # where a text starts a line: a list item, a
                        # thematic break, a heading's underline, a numbered item (1. or 1\))
    """,
    re.VERBOSE,
)


_WHITESPACE = re.compile(r"\s+")


def markdown_escape(text: str) -> str:
    """``text`` as Markdown that renders as exactly this text, on one line, in any CommonMark
    renderer (GitHub's too): never HTML, a link, an image, a heading, a list, a quote, a rule,
    emphasis, a code span, a table break or a line break, wherever the card puts it.

    Newlines, tabs and other control characters become spaces, and each run of whitespace one
    space (so no text can start a block, indent code or end in a hard line break; a space at
    either end is kept for the sentence around it, so a text set in bold must come trimmed,
    as facts() gives them); every mark that could be markup where it stands gets a backslash.
    Letters, digits, spaces, commas, full stops, apostrophes, hyphens, colons, parentheses, a
    lone ``&`` or ``!`` stay as they are, so ordinary text reads the same in the file.

    (GitHub still links a bare e-mail address, to ``mailto:`` that very address, and shows
    ``:smile:`` as an emoji: it finds both in the rendered text, where no escape reaches.)
    """
    text = _WHITESPACE.sub(" ", CONTROL_CHARACTERS.sub(" ", text))
    return _MD_SPECIAL.sub(lambda mark: f"{mark[0][:-1]}\\{mark[0][-1]}", text)


def markdown_card(
    catalogue: Catalogue,
    result: Result,
    explanation: Explanation,
    lang: Lang,
    top: int,
    *,
    taken: Lang | None = None,
) -> str:
    """The result as a readable Markdown report."""
    return markdown_report(facts(catalogue, result, explanation, lang, top, taken=taken))


def markdown_report(card: Facts) -> str:
    """The Markdown report for these facts."""
    md = markdown_escape

    def bullets(items: Iterable[str]) -> list[str]:
        return [f"- {md(item)}" for item in items]

    lines = [f"# {md(card.heading)}", "", md(card.summary), "", f"**{md(card.band)}**", ""]
    for note in card.notes:
        lines += [f"> {md(note)}", ""]
    if card.why:
        lines += [f"## {md(card.why_heading)}", "", *bullets(card.why), ""]
    lines += [f"## {md(card.ready_heading)}", "", *bullets(card.ready), ""]
    lines += [f"## {md(card.matches_heading)}", ""]
    lines += ["| " + " | ".join(map(md, card.columns)) + " |", "| ---: | --- | ---: | --- |"]
    for row in card.matches:
        cells = (str(row.place), row.name, row.fit, row.ready)
        lines.append("| " + " | ".join(map(md, cells)) + " |")
    for row in card.matches[1:]:
        if row.reasons:
            why = t("card_why_role", card.lang, name=row.name)
            lines += ["", f"### {md(why)}", "", *bullets(row.reasons)]
    lines.append("")
    lines += [f"## {md(card.duties_heading)}", "", *bullets(card.duties), ""]
    if card.onward is not None:
        label, names = card.onward
        lines += [f"**{md(label)}:** {md(names)}", ""]
    lines += [f"## {md(card.profile_heading)}", ""]
    lines += [f"- {md(name)}: {percent}%" for name, percent in card.profile]
    lines += ["", f"## {md(card.code_heading)}", "", f"`{card.code}`", ""]
    before, after = _around(card.replay, card.command)
    lines += [f"{md(before)}`{card.command}`{md(after)}", ""]
    lines.append(f"*{md(card.footer)}*")
    return "\n".join(lines) + "\n"


def json_card(
    catalogue: Catalogue,
    result: Result,
    explanation: Explanation,
    lang: Lang,
    top: int,
    *,
    taken: Lang | None = None,
) -> str:
    """The ``--json`` document (every match, not only the top ``top``)."""

    return as_json(result_dict(catalogue, result, explanation, lang, taken=taken))


CARDS: dict[str, Writer] = {
    ".json": json_card,
    ".md": markdown_card,
    ".html": html_card,
    ".svg": svg_card,
}


def result_file(
    catalogue: Catalogue,
    result: Result,
    explanation: Explanation,
    lang: Lang,
    top: int,
    kind: str,
    *,
    taken: Lang | None = None,
) -> str:
    """The result as the text of a ``kind`` file ('.json', '.md', '.html' or '.svg'); ``taken``
    as for a Writer.

    Any other kind is refused rather than written in some default format.
    """
    writer = CARDS.get(kind.lower())
    if writer is None:
        raise SaveFormatError("save_format", path=kind, formats=", ".join(CARDS))
    return writer(catalogue, result, explanation, lang, top, taken=taken)
