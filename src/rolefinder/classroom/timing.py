"""How long a sitting took, from a form export's start and completion times.

Form tools and spreadsheets write times in many ways: "11/24/26 9:00:00", "24/11/2026 09.00",
"2026-11-24T09:00:00+07:00", "Nov 24, 2026 9:00:00 AM", "24 Mei 2026 9.00", or a
spreadsheet's own number (days since 1899-12-30). ``sitting_seconds`` reads them all, and
gives None for what it cannot read: a bad time costs the flag it would give, never the row.

Apart from reading the files (forms.py) because it changes with the ways of writing a date,
not with the ways of laying out a form.
"""

from __future__ import annotations

import datetime
import re

RESPONSE_TIME_MAX = 80  # characters of a time cell worth reading: longer is no time
# Month names as form tools and spreadsheets abbreviate them, in English and Indonesian.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan",),
            ("feb", "peb"),
            ("mar",),
            ("apr",),
            ("may", "mei"),
            ("jun",),
            ("jul",),
            ("aug", "agu", "agt"),
            ("sep",),
            ("oct", "okt"),
            ("nov", "nop"),
            ("dec", "des"),
        ),
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,4})[-/.](\d{1,2})[-/.](\d{4}|\d{1,2})(?!\d)")
_NAMED_DATE = re.compile(r"(?<!\d)(\d{1,2})[\s.-]*([a-z]{3,})\.?[\s.,-]*(\d{4}|\d{2})(?!\d)")
_MONTH_FIRST = re.compile(r"\b([a-z]{3,})\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})(?!\d)")
_TIME = re.compile(
    r"(?<![\d.])(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?(?!\d)\s*(?:([ap])\.?\s?m\b\.?)?"
)
_WORD = re.compile(r"[a-z]{3}")  # a month's name could be there
_ZONE = re.compile(r"([+-])(\d{1,2})(?::?(\d{2}))?$")
_SERIAL = re.compile(r"(\d{5})[.,](\d+)")  # a spreadsheet's own number: days since 1899-12-30
_SERIAL_EPOCH = datetime.date(1899, 12, 30).toordinal()


def sitting_seconds(start: str, end: str) -> float | None:
    """How long a sitting took, in seconds, from its start and completion times as a form
    export writes them: "11/24/26 9:00:00", "24/11/2026 09.00", "2026-11-24T09:00:00+07:00",
    "Nov 24, 2026 9:00:00 AM", "24 Mei 2026 9.00", or a spreadsheet's own number. None when
    either is no time this can read, or the completion comes before the start (a bad time
    costs the flag it would give, never the row). Times without seconds count the longest the
    sitting could have been (59 seconds more than the minutes say), so rounding never makes a
    student look rushed. Where day and month could be either way round (03/04/26), both
    times are read the same way round, and the shortest sitting that does not end before it
    starts is taken."""
    took: float | None = None
    for order, begun, exact in _moments(start):
        for other, ended, also_exact in _moments(end):
            length = ended - begun
            if length < 0 or (order and other and order != other):
                continue
            length += 0 if exact and also_exact else 59
            took = length if took is None else min(took, length)
    return took


def _moments(text: str) -> list[tuple[str, float, bool]]:
    """Every reading of a date and time as (which way round the day and month were read, ''
    when that is not in doubt; seconds on one scale; whether to the second): two where day
    and month could be either way round, none where it is no date and time."""
    text = " ".join(text.casefold().split())
    if not text or len(text) > RESPONSE_TIME_MAX:
        return []
    serial = _SERIAL.fullmatch(text)
    if serial:
        days = float(f"{serial.group(1)}.{serial.group(2)}")
        return [("", (_SERIAL_EPOCH + days) * 86400, True)]
    dates, rest = _dates(text)
    clock = _TIME.search(rest)
    if not dates or clock is None:
        return []
    hour, minute = int(clock.group(1)), int(clock.group(2))
    second = int(clock.group(3) or 0)
    if clock.group(4):  # 12-hour clock: 12 AM is midnight, 12 PM noon
        if not 1 <= hour <= 12:
            return []
        hour = hour % 12 + (12 if clock.group(4) == "p" else 0)
    if hour > 23 or minute > 59 or second > 60:
        return []
    offset = 0
    zone = _ZONE.search((rest[: clock.start()] + rest[clock.end() :]).strip())
    if zone:
        offset = (int(zone.group(2)) * 60 + int(zone.group(3) or 0)) * 60
        offset = -offset if zone.group(1) == "-" else offset
    moment = hour * 3600 + minute * 60 + min(second, 59) - offset
    found = []
    for order, (year, month, day) in dates:
        try:
            ordinal = datetime.date(year, month, day).toordinal()
        except ValueError:  # 31/02, month 13: not this reading
            continue
        found.append((order, ordinal * 86400.0 + moment, clock.group(3) is not None))
    if len(found) == 2 and found[0][1] == found[1][1]:  # 05/05: both ways round the same
        return [("", *found[0][1:])]
    return found


def _dates(text: str) -> tuple[list[tuple[str, tuple[int, int, int]]], str]:
    """The readings of the date in ``text`` as (which way round, (year, month, day)), and the
    text without it. Month names first: a time such as 09.10.11 looks like a date too."""
    named_patterns = ((_NAMED_DATE, 1, 2), (_MONTH_FIRST, 2, 1)) if _WORD.search(text) else ()
    for pattern, day_at, month_at in named_patterns:
        for named in pattern.finditer(text):
            month = _MONTHS.get(named.group(month_at)[:3], 0)
            if month:
                rest = text[: named.start()] + " " + text[named.end() :]
                day = int(named.group(day_at))
                return [("", (_year(named.group(3)), month, day))], rest
    numeric = _NUMERIC_DATE.search(text)
    if numeric is None:
        return [], text
    first, second, third = numeric.groups()
    rest = text[: numeric.start()] + " " + text[numeric.end() :]
    if len(first) == 4:  # 2026-11-24: year first
        return [("", (int(first), int(second), int(third)))], rest
    if len(first) > 2:
        return [], rest
    year, one, two = _year(third), int(first), int(second)
    return [("dmy", (year, two, one)), ("mdy", (year, one, two))], rest


def _year(text: str) -> int:
    """A year as written: two digits are this century's."""
    return int(text) + (2000 if len(text) <= 2 else 0)
