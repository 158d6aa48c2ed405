"""What a row of the history holds, and how it is read back: checked against its shape.

A row holds when (UTC), the language, the catalogue's fingerprint, the answers, the roles the
result listed (at most three: role id, fit 0-100), the result code and the rolefinder version
that kept it. Answers and the top three are JSON text, read back checked against their shape (no
pickle, no eval, no converters: nothing read from the file can run code); a row that does not
check out is skipped and its number reported, never a crash. Texts holding a control or other
hidden character (see i18n.hidden_character) do not check out, so none can reach a terminal,
even through JSON.

Rows kept before 2.0 hold a chance (a float from 0 to 1, or null) where a fit (an int from 0 to
100) is now: the layout is the same, and JSON keeps the two apart (a chance is always written
with a decimal point), so such a row reads back with no figure (None) rather than a chance
shown as a fit. Anything else in that place (a fit above 100, a chance above 1, text, true)
does not check out. (The other way round, a rolefinder before 2.0 skips a row kept by 2.0,
with a note, since a fit above 1 is no chance to it.)

The row's shape changes with what a result is; store.py, which keeps and finds rows, changes
with SQLite. No sqlite3 here: ROWS is the query's text.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rolefinder.words.i18n import hidden_character
from rolefinder.words.languages import LANGS, Lang

# What a row may hold, at most: more is not a result rolefinder wrote.
MAX_ANSWERS = 1000
MAX_TOP = 20
MAX_TEXT = 200
# JSON text longer than this is not parsed: the largest answers rolefinder writes (MAX_ANSWERS
# pairs of MAX_TEXT-long texts, each character written as at most two) fit with room to spare.
MAX_JSON = 1_000_000
_TAKEN = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
# What a listing reads of each row. A text longer than it may be (MAX_TEXT, MAX_JSON) is not
# even fetched (NULL, which does not check out): a row of a hostile or damaged file costs no
# more memory than the largest one rolefinder writes.
ROWS = (
    "SELECT id,"
    + ",".join(
        f" CASE WHEN length({column}) <= {most} THEN {column} END"
        for column, most in (
            ("taken", MAX_TEXT),
            ("lang", MAX_TEXT),
            ("fingerprint", MAX_TEXT),
            ("answers", MAX_JSON),
            ("top", MAX_JSON),
            ("code", MAX_TEXT),
        )
    )
    + " FROM results"
)


@dataclass(frozen=True)
class Entry:
    """One kept result."""

    number: int  # the row's id, as `rolefinder history` shows it; never given twice
    taken: str  # ISO 8601 in UTC, e.g. "2026-11-24T09:30:00Z"
    lang: Lang
    fingerprint: str  # codes.fingerprint(catalogue) at the time
    answers: dict[str, str]
    # (role id, fit 0-100) of the roles listed at the time, at most three; the fit is None in a
    # row kept before 2.0, which kept a chance there instead
    top: tuple[tuple[str, int | None], ...]
    code: str  # the result code; "" for a row kept by layout 1, which had none


def entry_from_row(row: Sequence[Any]) -> Entry | None:
    """A row as an Entry, or None if any part of it is not what rolefinder writes."""
    number, taken, lang, fingerprint, answers, top, code = row
    try:
        kept_answers = _json(answers)
        kept_top = _json(top)
    except ValueError:
        return None
    texts_ok = all(_text(value) for value in (taken, fingerprint, code))
    if not (isinstance(number, int) and texts_ok and lang in LANGS and _TAKEN.fullmatch(taken)):
        return None
    try:
        time.strptime(taken, "%Y-%m-%dT%H:%M:%SZ")  # a real date and time, not 2026-13-45
    except ValueError:
        return None
    if not _answers_ok(kept_answers) or not _top_ok(kept_top):
        return None
    language: Lang = LANGS[LANGS.index(lang)]
    # A fit is an int; a float (or null) is a chance from before 2.0: no figure to show.
    pairs = tuple((role, figure if type(figure) is int else None) for role, figure in kept_top)
    return Entry(number, taken, language, fingerprint, dict(kept_answers), pairs, code)


def _json(value: object) -> Any:
    """JSON text parsed, with NaN and infinities refused (ValueError for anything wrong: a
    text over MAX_JSON is not parsed, and one nested too deep to parse is refused too)."""
    if not isinstance(value, str):
        raise ValueError("not a text")
    if len(value) > MAX_JSON:
        raise ValueError("too long")

    def refuse(constant: str) -> None:
        raise ValueError(constant)

    try:
        return json.loads(value, parse_constant=refuse)
    except RecursionError:  # "[[[[..." deeper than the parser goes: nothing rolefinder wrote
        raise ValueError("nested too deep") from None


def _text(value: object) -> bool:
    """A short text with nothing a terminal could act on or hide."""
    return isinstance(value, str) and len(value) <= MAX_TEXT and hidden_character(value) is None


def _answers_ok(answers: object) -> bool:
    return (
        isinstance(answers, dict)
        and len(answers) <= MAX_ANSWERS
        and all(_text(key) and _text(value) for key, value in answers.items())
    )


def _top_ok(top: object) -> bool:
    return (
        isinstance(top, list)
        and len(top) <= MAX_TOP
        and all(
            isinstance(pair, list) and len(pair) == 2 and _text(pair[0]) and _figure_ok(pair[1])
            for pair in top
        )
    )


def _figure_ok(figure: object) -> bool:
    """A fit (an int from 0 to 100), or what a row kept before 2.0 holds in its place: a chance
    (a float from 0 to 1) or null. type(), not isinstance(): JSON's true is a bool, which
    isinstance() would take for the int 1."""
    if type(figure) is int:
        return 0 <= figure <= 100
    if type(figure) is float:
        return 0 <= figure <= 1
    return figure is None
