"""The facts every readable result card shows (HTML page, SVG image, Markdown report),
gathered once from present/report.py's sentences in the chosen language, so the three say the
same thing; and ``clean``, which puts an outside text on one line for any format.

Apart from the writers (cards.py, svgcard.py) because what a card says changes with the
result's sentences, and how it is laid out with each format.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from rolefinder.present.report import (
    band_text,
    fit_text,
    flag_lines,
    path_line,
    ready_lines,
    ready_text,
    reason_lines,
    result_code,
)
from rolefinder.present.report import what_if_line as what_if_text
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

if TYPE_CHECKING:  # the engine and the sentences are imported when a card is written
    from rolefinder.assess.engine import Match, Result
    from rolefinder.assess.explain import Explanation
    from rolefinder.catalogue.model import Catalogue

__all__ = [
    "CONTROL_CHARACTERS",
    "Facts",
    "Listed",
    "clean",
    "facts",
]


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
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` on one line: control characters and runs of whitespace become one space, and
    it is trimmed. Not escaped yet: each format escapes it in its own way."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", text).split())


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
