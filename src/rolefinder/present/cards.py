"""The result as a file for ``--save``: an HTML page, an SVG image, a Markdown report or JSON.

``CARDS`` maps each file extension to its writer; ``save.FORMATS`` is read from it, so the
check made before the quiz and the writing afterwards cannot disagree.

The three readable cards are written from one set of facts, gathered once from present/report.py's
sentences in the chosen language, so they say the same thing. They are written by hand rather
than recorded from a terminal: real headings, a real table, text that can be copied and read
aloud, nothing fetched from the network, and every catalogue text escaped for its format.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from rolefinder.errors import SaveFormatError
from rolefinder.present.report import (
    band_text,
    fit_text,
    flag_lines,
    path_line,
    ready_lines,
    ready_text,
    reason_lines,
    result_code,
    result_dict,
)
from rolefinder.present.report import what_if_line as what_if_text
from rolefinder.words.i18n import json_visible, t
from rolefinder.words.languages import Lang

if TYPE_CHECKING:  # the engine and the sentences are imported when a card is written
    from rolefinder.assess.engine import Match, Result
    from rolefinder.assess.explain import Explanation
    from rolefinder.catalogue.model import Catalogue

__all__ = [
    "CARDS",
    "PAGE_CSS",
    "Facts",
    "Writer",
    "as_json",
    "clean",
    "facts",
    "html_card",
    "html_page",
    "json_card",
    "markdown_card",
    "markdown_escape",
    "markdown_report",
    "result_file",
    "svg_card",
    "svg_image",
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


SVG_DUTIES = 4  # the image stays a card; the page and the report list every duty


def as_json(data: Any, ascii_only: bool = False) -> str:
    """The JSON text rolefinder prints and saves, hidden characters escaped (json_visible)."""
    return json_visible(json.dumps(data, ensure_ascii=ascii_only, indent=2)) + "\n"


# --- The facts every readable card shows -----------------------------------------------------


class Listed(NamedTuple):
    """One role the answers point to, in its place, with the reasons for it."""

    place: int
    name: str
    fit: str  # '82/100'
    ready: str  # whether the user can apply now, in a few words ('junior posts, now')
    reasons: tuple[str, ...]


class Facts(NamedTuple):
    """A result in words, in one language: every text a card shows, not yet escaped."""

    lang: Lang
    kicker: str
    title: str  # the document's title
    heading: str  # 'Best fit: NAME'
    summary: str
    band: str  # 'How sure: high (about 87%)'
    unsure: bool
    notes: tuple[str, ...]  # the most specific flag's note, then the what-if line
    why_heading: str
    why: tuple[str, ...]  # the best fit's reasons
    matches_heading: str
    columns: tuple[str, str, str, str]  # '#', 'Role', 'Fit', 'Can you apply?'
    matches: tuple[Listed, ...]  # the roles the answers point to, best fit first
    ready_heading: str
    ready: tuple[str, ...]  # whether the user can apply for the best fit, the way in
    duties_heading: str
    duties: tuple[str, ...]
    onward: tuple[str, str] | None  # ('Next step', 'NAMES') or ('Related roles', 'NAMES')
    more: str  # a sentence holding `show`
    show: str  # 'rolefinder show ID'
    profile_heading: str
    profile: tuple[tuple[str, int], ...]  # trait name, percent
    code_heading: str
    code: str
    replay: str  # a sentence holding `command`
    command: str  # 'rolefinder result CODE'
    description: str  # the result in two sentences
    footer: str


# Control characters are not allowed in XML and make no sense in a card; runs of whitespace
# (a newline inside a role's name) would break a Markdown table row or an SVG line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` on one line: control characters and runs of whitespace become one space, and
    it is trimmed. Not escaped yet: each format escapes it in its own way."""
    return " ".join(_CONTROL.sub(" ", text).split())


_clean = clean  # the name this module's own writers use


def facts(
    catalogue: Catalogue,
    result: Result,
    explanation: Explanation,
    lang: Lang,
    top: int,
    *,
    taken: Lang | None = None,
) -> Facts:
    """Everything the readable cards show, in ``lang``: present/report.py's sentences, cleaned; the
    code is the sitting's, taken in ``taken`` (None: ``lang``)."""
    from rolefinder.assess.engine import next_steps
    from rolefinder.version import __version__

    def reasons(match: Match) -> tuple[str, ...]:
        why = explanation.reasons.get(match.id)
        return tuple(map(_clean, reason_lines(catalogue, why, lang))) if why else ()

    best = result.best
    role = best.role
    name = _clean(role.name.get(lang))
    notes = flag_lines(result, explanation, lang)
    if explanation.what_if is not None:
        notes.append(what_if_text(catalogue, explanation.what_if, lang))
    route = explanation.paths.get(best.id, ())
    ready = ready_lines(best, result.adjacent, route, lang)
    if route:
        # report.path_line's sentence with a real arrow: a card is UTF-8, and "->" can break
        # between its two characters when a line wraps
        arrow = t("path", lang, steps=" → ".join(_clean(step.name.get(lang)) for step in route))
        ready = [arrow if line == path_line(route, lang) else line for line in ready]
    steps = next_steps(catalogue, role)
    key, shown = (
        ("next_step", steps) if steps else ("related", tuple(map(catalogue.role, role.related)))
    )
    names = ", ".join(r.name.get(lang) for r in shown if r is not None)
    code, again = result_code(catalogue, result.answers, lang, taken)
    command = f"rolefinder result {again}"
    band = _clean(band_text(explanation, result, lang))
    heading = _clean(t("best_match", lang, name=name))
    return Facts(
        lang=lang,
        kicker=t("card_kicker", lang),
        title=_clean(t("card_title", lang, name=name)),
        heading=heading,
        summary=_clean(role.summary.get(lang)),
        band=band,
        unsure=explanation.band == "unsure",
        notes=tuple(map(_clean, notes)),
        why_heading=t("why", lang),
        why=reasons(best),
        matches_heading=t("your_matches", lang),
        columns=(
            t("col_rank", lang),
            t("col_role", lang),
            t("col_match", lang),
            t("col_ready", lang),
        ),
        matches=tuple(
            Listed(
                place,
                _clean(match.role.name.get(lang)),
                fit_text(match.fit),
                _clean(ready_text(match, lang)),
                reasons(match),
            )
            for place, match in enumerate(result.listed[:top], start=1)
        ),
        ready_heading=t("card_ready", lang),
        ready=tuple(map(_clean, ready)),
        duties_heading=_clean(t("card_duties", lang, name=name)),
        duties=tuple(_clean(duty.get(lang)) for duty in role.duties),
        onward=(t(key, lang), _clean(names)) if names else None,
        more=_clean(t("more_about", lang, id=role.id)),
        show=_clean(f"rolefinder show {role.id}"),
        profile_heading=t("your_profile", lang),
        profile=tuple(
            (_clean(trait.name.get(lang)), result.profile.get(trait.id, 0))
            for trait in catalogue.traits
        ),
        code_heading=t("card_code", lang),
        code=code,
        replay=t("card_replay", lang, command=command),
        command=command,
        description=_clean(t("card_desc", lang, best=heading, band=band)),
        footer=t("card_footer", lang, version=__version__),
    )


# --- HTML ------------------------------------------------------------------------------------

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


# --- SVG -------------------------------------------------------------------------------------

SVG_WIDTH = 800
_MARGIN = 48
_FONTS = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif"
)
_MONO = "ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace"
_INK, _MUTED, _ACCENT, _GOOD, _WARN = "#1b1f24", "#4a5563", "#0b3d62", "#14532d", "#6b3a00"
# Average glyph widths as a share of the font size, on the wide side for the common sans
# fonts, so that a line wrapped by counting characters still fits without font metrics.
_REGULAR, _BOLD = 0.56, 0.62


def _chars(width: float, size: float, bold: bool = False) -> int:
    return max(8, int(width / (size * (_BOLD if bold else _REGULAR))))


def _wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    # Whole words; only a word longer than the line is cut.
    return textwrap.wrap(text, _chars(width, size, bold), break_on_hyphens=False) or [""]


class _Cell(NamedTuple):
    """A table cell in the image: its text, where its column starts and how wide it is."""

    text: str
    x: float
    width: float
    right: bool  # right-aligned (numbers)
    bold: bool


class _Svg:
    """An SVG image built top to bottom: one <text> per line of real text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.y = float(_MARGIN)

    def text(
        self,
        text: str,
        size: float = 16,
        bold: bool = False,
        fill: str = _INK,
        x: float = _MARGIN,
        width: float = SVG_WIDTH - 2 * _MARGIN,
        before: float = 0,
        mono: bool = False,
    ) -> None:
        """``text`` wrapped at word boundaries, one <text> a line."""
        self.y += before
        for line in _wrap(text, width, size, bold or mono):
            self.y += size * 1.4
            self.parts.append(self._line(line, x, self.y, size, bold, fill, mono))

    @staticmethod
    def _line(
        line: str, x: float, y: float, size: float, bold: bool, fill: str, mono: bool = False
    ) -> str:
        weight = ' font-weight="700"' if bold else ""
        family = f' font-family="{_MONO}"' if mono else ""
        return (
            f'<text x="{x:g}" y="{y:.0f}" font-size="{size:g}"{weight}{family} '
            f'fill="{fill}">{_h(line)}</text>'
        )

    def heading(self, text: str) -> None:
        """A section heading, with a rule above it."""
        self.y += 22
        self.parts.append(
            f'<rect x="{_MARGIN}" y="{self.y:.0f}" width="{SVG_WIDTH - 2 * _MARGIN}" '
            'height="1" fill="#d0d7de"/>'
        )
        self.text(text, size=19, bold=True, before=8)
        self.y += 4

    def bullets(self, items: Iterable[str]) -> None:
        """A list: a dot (drawn, so it is not copied), then the text hanging beside it."""
        for item in items:
            top = self.y
            self.text(item, x=_MARGIN + 20, width=SVG_WIDTH - 2 * _MARGIN - 20)
            self.parts.append(
                f'<circle cx="{_MARGIN + 6}" cy="{top + 17:.0f}" r="3" fill="{_INK}"/>'
            )
            self.y += 4

    def row(self, cells: Sequence[_Cell], size: float = 16) -> None:
        """One table row, each cell wrapped in its column.

        Each line is one <text> and its cells <tspan>s, with a space between them inside the
        spans, so copying a line gives its cells as words.
        """
        columns = [_wrap(cell.text, cell.width, size, cell.bold) for cell in cells]
        for number in range(max(map(len, columns))):
            self.y += size * 1.4
            shown = [
                (cell, lines[number])
                for cell, lines in zip(cells, columns, strict=True)
                if number < len(lines)
            ]
            spans = []
            for index, (cell, line) in enumerate(shown):
                place = (
                    f'x="{cell.x + cell.width:g}" text-anchor="end"'
                    if cell.right
                    else f'x="{cell.x:g}"'
                )
                bold = ' font-weight="700"' if cell.bold else ""
                gap = " " if index < len(shown) - 1 else ""
                spans.append(f"<tspan {place}{bold}>{_h(line)}{gap}</tspan>")
            self.parts.append(
                f'<text y="{self.y:.0f}" font-size="{size:g}" fill="{_INK}">{"".join(spans)}</text>'
            )
        self.y += 6


def _svg_frame(height: int, radius: int = 16, strip: int = 8) -> list[str]:
    """The card's white face with rounded corners, under an accent strip along its top."""
    # Where the strip's lower edge meets the rounded corners: the face starts on the same arc.
    inset = radius - (radius**2 - (radius - strip) ** 2) ** 0.5
    w, r = SVG_WIDTH, radius
    face = (
        f"M{inset:.2f} {strip} H{w - inset:.2f} A{r} {r} 0 0 1 {w} {r} V{height - r} "
        f"A{r} {r} 0 0 1 {w - r} {height} H{r} A{r} {r} 0 0 1 0 {height - r} V{r} "
        f"A{r} {r} 0 0 1 {inset:.2f} {strip} Z"
    )
    return [
        f'<rect width="{w}" height="{height}" rx="{r}" fill="{_ACCENT}"/>',
        f'<path d="{face}" fill="#ffffff"/>',
        f'<rect x="0.5" y="0.5" width="{w - 1}" height="{height - 1}" rx="{r}" fill="none" '
        'stroke="#d0d7de"/>',
    ]


def svg_card(
    catalogue: Catalogue,
    result: Result,
    explanation: Explanation,
    lang: Lang,
    top: int,
    *,
    taken: Lang | None = None,
) -> str:
    """The result as an SVG image, drawn 800 wide and scaled to its container: system fonts,
    real text lines, drawn bars."""
    return svg_image(facts(catalogue, result, explanation, lang, top, taken=taken))


def svg_image(card: Facts) -> str:
    """The SVG image for these facts."""
    svg = _Svg()
    svg.y += 8  # below the accent strip
    svg.text(card.kicker.upper(), size=13, bold=True, fill=_MUTED)
    svg.text(card.heading, size=28, bold=True, fill=_ACCENT, before=4)
    svg.text(card.summary, size=17, before=6)
    svg.text(card.band, bold=True, fill=_WARN if card.unsure else _GOOD, before=10)
    for note in card.notes:
        top = svg.y + 8
        svg.text(
            note, size=15, fill=_WARN, x=_MARGIN + 14, width=SVG_WIDTH - 2 * _MARGIN - 14, before=8
        )
        height = svg.y - top + 6
        svg.parts.append(
            f'<rect x="{_MARGIN}" y="{top:.0f}" width="4" height="{height:.0f}" fill="#b45309"/>'
        )
    if card.why:
        svg.heading(card.why_heading)
        svg.bullets(card.why)
    svg.heading(card.ready_heading)
    svg.bullets(card.ready)
    svg.heading(card.matches_heading)
    content = SVG_WIDTH - 2 * _MARGIN
    layout = (  # x and width of each column: rank, role, fit, readiness
        (_MARGIN, 28.0),
        (_MARGIN + 36, content * 0.50),
        (_MARGIN + 40 + content * 0.50, 80.0),
        (_MARGIN + 140 + content * 0.50, content * 0.50 - 140),
    )

    def cells(texts: Sequence[str], bold: bool) -> list[_Cell]:
        return [
            _Cell(text, x, width, column in (0, 2), bold)  # rank and fit are numbers
            for column, (text, (x, width)) in enumerate(zip(texts, layout, strict=True))
        ]

    svg.row(cells(card.columns, bold=True), size=14)
    for row in card.matches:
        texts = (f"{row.place}.", row.name, row.fit, row.ready)
        svg.row(cells(texts, bold=row.place == 1))
    svg.heading(card.profile_heading)
    for name, percent in card.profile:
        top = svg.y
        svg.text(name, width=200)
        bar_y = top + 10
        track = content - 220 - 64
        svg.parts += [
            f'<rect x="{_MARGIN + 220}" y="{bar_y:.0f}" width="{track:g}" height="14" rx="3" '
            'fill="#dfe3e8"/>',
            f'<rect x="{_MARGIN + 220}" y="{bar_y:.0f}" width="{track * percent / 100:.1f}" '
            'height="14" rx="3" fill="#1f5f99"/>',
            f'<text x="{SVG_WIDTH - _MARGIN}" y="{top + 22.4:.0f}" font-size="16" '
            f'text-anchor="end" fill="{_INK}">{percent}%</text>',
        ]
        svg.y += 6
    svg.heading(card.duties_heading)
    svg.bullets(card.duties[:SVG_DUTIES])
    svg.heading(card.code_heading)
    svg.text(card.code, size=20, mono=True, bold=True)
    svg.text(card.replay, size=15, fill=_MUTED, before=4)
    svg.text(card.footer, size=13, fill=_MUTED, before=18)
    height = round(svg.y + _MARGIN)
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        # As wide as its container, up to its own width, and as tall as that makes it: a
        # phone shows it whole, scaled down. Top-aligned where height: auto is not known.
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" '
        f'style="max-width: {SVG_WIDTH}px; height: auto" viewBox="0 0 {SVG_WIDTH} {height}" '
        'preserveAspectRatio="xMidYMin meet" role="img" aria-labelledby="title desc" '
        # preserve: a line's spaces are its own, kept exactly (between <tspan>s too)
        f'xml:space="preserve" font-family="{_FONTS}">',
        f'<title id="title">{_h(card.title)}</title>',
        f'<desc id="desc">{_h(card.description)}</desc>',
        *_svg_frame(height),
    ]
    return "\n".join([*head, *svg.parts, "</svg>"]) + "\n"


# --- Markdown --------------------------------------------------------------------------------

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
    text = _WHITESPACE.sub(" ", _CONTROL.sub(" ", text))
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


# --- JSON and the table of writers -----------------------------------------------------------


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
