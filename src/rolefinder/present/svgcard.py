"""The result as an SVG image (``--save result.svg``): a card drawn from the facts
(cardfacts.py), laid out by hand, since SVG has no text flow: lines wrapped by an estimate of
the glyphs' width, rows placed one under another, the fit drawn as bars.

Apart from the other writers (cards.py) because it changes with the drawing's geometry (widths,
margins, fonts), which nothing else shares.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from rolefinder.words.languages import Lang

if TYPE_CHECKING:  # the engine and the sentences are imported when a card is written
    from rolefinder.assess.engine import Result
    from rolefinder.assess.explain import Explanation
    from rolefinder.catalogue.model import Catalogue

__all__ = [
    "SVG_DUTIES",
    "svg_card",
    "svg_image",
]
from rolefinder.present.cardfacts import Facts, facts


def _h(text: str) -> str:
    return html.escape(text, quote=True)


SVG_DUTIES = 4  # the image stays a card; the page and the report list every duty
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
