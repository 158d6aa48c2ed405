"""A form export read a row at a time: each student's cells matched to options, the file's
notes (its header, then one per column that held near spellings or answers that are no option).

A cell a small typo away from one option, and from no other, is read as that option; a cell
that is no one option (a typed "Other", several boxes ticked) leaves that question unanswered.
Either way, one note per column at the file's end says what to fix in the form. Each row
carries what finds a second submission (``Row.key``, ``Row.when``), the student's class
(``Row.group``) and, where the export has a start and a completion time (Microsoft Forms), how
long the sitting took. Rows are read one at a time and each distinct cell text matched once, so
memory does not grow with the rows.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from rolefinder.classroom.columns import (
    ANONYMOUS,
    MAX_COLUMNS,
    MAX_KEPT,
    Columns,
    column_name,
    columns_of,
)
from rolefinder.classroom.matching import EXACT, NEAR, UNKNOWN, Match, Matcher
from rolefinder.classroom.records import Note, Progress, Row, name_key
from rolefinder.classroom.tables import DAMAGED, Table, Unreadable
from rolefinder.classroom.timing import sitting_seconds
from rolefinder.errors import MAX_PROBLEMS
from rolefinder.words.i18n import t, visible
from rolefinder.words.languages import LANGS, Lang
from rolefinder.words.languages import number as written

SHOWN_WHOLE = 300  # characters of a cell quoted whole in a note (a hostile one is cut)
SHOWN_SPELLINGS = 5  # near spellings of options named in a column's note, at most
SHOWN_EXAMPLES = 3  # answers that are no option quoted in a column's note, at most
SHOWN_COLUMNS = 5  # columns of a question given in several named in its note, at most


def form_rows(
    table: Table, matcher: Matcher, lang: Lang, progress: Progress, name_column: str | None = None
) -> Iterator[Row | Note]:
    source, reader = table.source, table.rows
    try:
        header = next(reader, None)
    except csv.Error as error:
        where = t("form_where", lang, source=source, row=1)
        yield Note(source, t("form_broken", lang, where=where, reason=_why(error, lang)), True)
        return
    if header is None:
        yield Note(source, t("form_empty", lang, source=source), True)
        return
    if len(header) > MAX_COLUMNS:  # no spreadsheet holds it: a broken or hostile file
        wide = {"count": written(len(header), lang), "most": written(MAX_COLUMNS, lang)}
        yield Note(source, t("form_too_wide", lang, source=source, **wide), True)
        return
    columns = columns_of(header, matcher, name_column)
    if not columns.named:
        wanted = visible(name_column or "")
        yield Note(source, t("form_no_name_column", lang, source=source, column=wanted))
    yield from _header_notes(source, header, columns, matcher, lang)
    if not columns.questions:
        return
    students = 0
    tally: dict[int, _Column] = {}
    for number in itertools.count(2):
        if number % 1024 == 0:
            progress(table.done())
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:  # one row: the reader goes on with the next
            where = t("form_where", lang, source=source, row=number)
            problem = t("form_bad_row", lang, reason=_why(error, lang))
            students += 1
            yield Row(source, number, {}, where, lang, None, problem)
            continue
        except UnicodeDecodeError:  # a UTF-16 file cut in the middle of a character
            where = t("form_where", lang, source=source, row=number)
            yield Note(source, t("form_encoding", lang, where=where), True)
            break
        except DAMAGED as error:  # a workbook or zip cut short: what was read still counts
            where = t("form_where", lang, source=source, row=number)
            yield Note(source, t("form_damaged_at", lang, where=where, reason=str(error)), True)
            break
        if not "".join(cells).strip():
            continue  # a blank row: nobody
        students += 1
        yield _form_row(source, number, cells, columns, header, matcher, tally, lang)
    yield from _column_notes(source, header, tally, matcher, lang)
    if not students:
        yield Note(source, t("form_no_rows", lang, source=source), True)
    progress(table.done())


def _why(error: csv.Error, lang: Lang) -> str:
    """Why a row cannot be read, in the reader's language where this program says it."""
    if isinstance(error, Unreadable):
        return t(error.key, lang, size=written(error.size, lang))
    return str(error)


def _header_notes(
    source: str, header: Sequence[str], columns: Columns, matcher: Matcher, lang: Lang
) -> Iterator[Note]:
    """What the header says about the file: no questions at all (a failure), extra columns
    ignored, a question in two columns, questions the form leaves out."""
    if not columns.questions:
        yield Note(source, t("form_no_questions", lang, source=source), True)
        return
    used = {i for indexes in columns.questions.values() for i in indexes} | set(columns.kept)
    ignored = [i for i in range(len(header)) if i not in used]
    if ignored:
        shown = ", ".join(column_name(i, header[i]) for i in ignored[:10])
        shown += " …" if len(ignored) > 10 else ""
        yield Note(
            source, t("form_ignored", lang, source=source, count=len(ignored), columns=shown)
        )
    # Questions are named as the quiz's review screen names them, in the reader's language:
    # a teacher knows "Monday morning", not the catalogue's id.
    labels = {q.id: f'"{q.label.get(lang)}"' for q in matcher.catalogue.questions}
    if columns.dropped:
        values = {"count": written(columns.dropped, lang), "most": written(MAX_KEPT, lang)}
        yield Note(source, t("form_kept_many", lang, source=source, **values))
    for question, indexes in columns.questions.items():
        if len(indexes) > 1:
            names = ", ".join(column_name(i, header[i]) for i in indexes[:SHOWN_COLUMNS])
            if len(indexes) > SHOWN_COLUMNS:
                more = written(len(indexes) - SHOWN_COLUMNS, lang)
                names += " " + t("form_columns_more", lang, count=more)
            label = labels[question]
            yield Note(
                source, t("form_duplicate", lang, source=source, question=label, columns=names)
            )
    missing = [labels[q.id] for q in matcher.catalogue.questions if q.id not in columns.questions]
    if missing:
        yield Note(
            source,
            t(
                "form_missing",
                lang,
                source=source,
                count=len(missing),
                questions=", ".join(missing),
            ),
        )


def _form_row(
    source: str,
    number: int,
    cells: Sequence[str],
    columns: Columns,
    header: Sequence[str],
    matcher: Matcher,
    tally: dict[int, _Column],
    lang: Lang,
) -> Row:
    width = len(cells)
    kept = {title: cells[i] if i < width else "" for i, title in columns.kept.items()}
    name = ""
    for index in columns.names:  # Microsoft Forms' "anonymous" never names anyone
        text = cells[index].strip() if index < width else ""
        if text and text.casefold() not in ANONYMOUS:
            name = text
            break
    email = columns.email
    address = cells[email].strip() if email is not None and email < width else ""
    address = "" if address.casefold() in ANONYMOUS else address  # Microsoft's, for everyone
    label = name or address
    group = columns.group
    group_text = " ".join(cells[group].split()) if group is not None and group < width else ""
    key = "@" + address.casefold() if address else name_key(name, source, group_text)
    sent = columns.sent
    when = cells[sent].strip() if sent is not None and sent < width else ""
    extra = (group_text, key, when)
    answers: dict[str, str] = {}
    languages: list[Lang | None] = []
    problems: list[str] = []
    unread: list[str] = []
    for question, indexes in columns.questions.items():
        if len(indexes) == 1 and indexes[0] < width:  # the usual case, kept short
            cell = cells[indexes[0]]
            found = matcher.seen[question].get(cell) or matcher.option(question, cell)
            if found[0] and found[2] == EXACT:
                answers[question] = found[0]
                languages.append(found[1])
                continue
        chosen = _answer(question, indexes, cells, header, matcher, problems, tally, lang)
        if chosen is None:
            continue
        if chosen[0]:
            answers[question] = chosen[0]
            languages.append(chosen[1])
        else:  # no one option: this question alone is left unanswered
            unread.append(question)
    label = label or t("form_where", lang, source=source, row=number)
    counts = sorted((languages.count(code), code) for code in LANGS)
    tie = len(counts) > 1 and counts[-1][0] == counts[-2][0]
    row_lang = lang if tie else counts[-1][1]
    if problems:
        problem = "; ".join(problems[:MAX_PROBLEMS])
        failed = (source, number, kept, label, row_lang, None, problem, None, None, ())
        return Row(*failed, *extra)
    begun, ended, seconds = columns.start, columns.end, None
    if begun is not None and ended is not None and max(begun, ended) < width:
        seconds = sitting_seconds(cells[begun], cells[ended])
    where = (source, number, kept, label, row_lang, answers, None, columns.asked, seconds)
    return Row(*where, tuple(unread), *extra)


def _answer(
    question: str,
    indexes: Sequence[int],
    cells: Sequence[str],
    header: Sequence[str],
    matcher: Matcher,
    problems: list[str],
    tally: dict[int, _Column],
    lang: Lang,
) -> Match | None:
    """A question's answer from its columns (one, or more when the header repeats it): the
    first option given; else a cell that is no one option ("", None, UNKNOWN or SEVERAL);
    None when every cell is blank. A near match, or a cell that is no option, is counted for
    its column's note; a missing cell, or two columns that disagree, go to ``problems``."""
    chosen: Match | None = None
    unread: Match | None = None
    chosen_at = 0
    for index in indexes:
        if index >= len(cells):
            problems.append(t("form_cell_missing", lang, column=column_name(index, header[index])))
            continue
        found = matcher.option(question, cells[index])
        if found[2] != EXACT:
            tally.setdefault(index, _Column(question)).count(cells[index], found)
        if not found[0]:
            unread = unread or (found if found[2] != EXACT else None)
        elif chosen is None:
            chosen, chosen_at = found, index
        elif chosen[0] != found[0]:
            named = [column_name(i, header[i]) for i in (chosen_at, index)]
            problems.append(t("form_disagree", lang, columns=", ".join(named)))
    return chosen or unread


@dataclass
class _Column:
    """What one form column held that was not exactly an option, for its note."""

    question: str
    near: dict[str, tuple[Match, int]] = field(default_factory=dict)  # cell -> (read as, rows)
    unknown: dict[str, None] = field(default_factory=dict)  # the first few texts, in order
    several: dict[str, None] = field(default_factory=dict)
    unknown_rows: int = 0
    several_rows: int = 0

    def count(self, cell: str, found: Match) -> None:
        """One more row with this cell."""
        if found[2] == NEAR:
            if cell in self.near:
                self.near[cell] = (found, self.near[cell][1] + 1)
            elif len(self.near) < 1000:  # a hostile file's many spellings: not all kept
                self.near[cell] = (found, 1)
        elif found[2] == UNKNOWN:
            self.unknown_rows += 1
            if len(self.unknown) < SHOWN_EXAMPLES:
                self.unknown.setdefault(cell)
        else:
            self.several_rows += 1
            if len(self.several) < SHOWN_EXAMPLES:
                self.several.setdefault(cell)


def _column_notes(
    source: str, header: Sequence[str], tally: dict[int, _Column], matcher: Matcher, lang: Lang
) -> Iterator[Note]:
    """One note for each column that held near spellings of options, or answers that are no
    one option: the whole texts, what they were read as, and what to fix in the form."""
    for index in sorted(tally):
        column = tally[index]
        parts = []
        if column.near:
            spellings = []
            for cell, (found, rows) in itertools.islice(column.near.items(), SHOWN_SPELLINGS):
                read_as = matcher.text(column.question, found[0], found[1] or lang)
                values = {"typed": _whole(cell), "option": read_as, "rows": written(rows, lang)}
                spellings.append(t("form_near", lang, **values))
            more = len(column.near) - SHOWN_SPELLINGS
            if more > 0:
                spellings.append(t("form_near_more", lang, count=written(more, lang)))
            parts.append(t("form_near_fix", lang, spellings="; ".join(spellings)))
        for key, shown, rows in (
            ("form_unread_unknown", column.unknown, column.unknown_rows),
            ("form_unread_several", column.several, column.several_rows),
        ):
            if rows:
                examples = ", ".join(f'"{_whole(cell)}"' for cell in shown)
                parts.append(t(key, lang, rows=written(rows, lang), examples=examples))
        title = column_name(index, header[index])
        text = t("form_column", lang, source=source, column=title, parts=" ".join(parts))
        yield Note(source, text)


def _whole(text: str) -> str:
    """A cell's text quoted whole in a note (spaces as typed: a doubled one may be the typo),
    hidden characters spelled out; only a hostile length is cut."""
    text = visible(text.strip())
    return text if len(text) <= SHOWN_WHOLE else text[: SHOWN_WHOLE - 1] + "…"
