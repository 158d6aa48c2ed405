"""``rolefinder class``: a class's files read, every student scored, six files written.

Into the output folder go ``results.csv`` and ``results.xlsx`` (one row per student: the name
first, then the class and roll-number columns, the best fit with its fit, how sure, whether the
student can apply and the way in, the next roles listed with their fits, the questions
answered, the flags no clear pattern, rushed, incomplete and duplicate, the result code and any
note, then where the row came from and the other kept columns), ``results.json`` (the same,
with ids and numbers), ``summary.md``, ``summary.html`` (printed: a roster, then a page a
student) and ``class.html`` (the class picture without names, to project). The results files
are written as the rows are read, so memory does not grow with the class, into temporary files
that take their names together at the end, all six or none (files.FileSet): a full disk, an
error, Ctrl-C, SIGTERM or SIGHUP leave the folder as it was, with no temporary file, and a
folder made for the run is taken away again. When no row can be read at all, no folder is made.
The results files' columns, cells and JSON shapes are classroom/resultfiles.py's.

A student who sent the form twice (the same e-mail, else the same name) counts once: the
latest answers. Finding them costs nothing while nobody did (classroom.Submissions); when
somebody did, the files are read once more to find which rows to keep, and then written again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from concurrent.futures import BrokenExecutor, Executor, Future
from contextlib import ExitStack
from pathlib import Path

from rolefinder import files
from rolefinder.catalogue.model import Catalogue
from rolefinder.classroom.forms import path_text, read, read_header
from rolefinder.classroom.pages import class_view_html, html_summary
from rolefinder.classroom.records import Note, Row
from rolefinder.classroom.resultfiles import CsvWriter, JsonWriter, ResultsTable, shown
from rolefinder.classroom.scoring import (
    Figures,
    Repeats,
    Scorer,
    Student,
    Submissions,
    Summary,
    repeats,
    student_note,
)
from rolefinder.classroom.summary import class_facts, markdown_summary
from rolefinder.classroom.workbook import SheetWriter
from rolefinder.errors import InputError, SaveError, Stopped
from rolefinder.present.save import failed_save
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

RESULTS_CSV, RESULTS_XLSX, RESULTS_JSON = "results.csv", "results.xlsx", "results.json"
SUMMARY_MD, SUMMARY_HTML = "summary.md", "summary.html"
CLASS_HTML = "class.html"  # the class picture without names, to project
OUT_FILES = (RESULTS_CSV, RESULTS_XLSX, RESULTS_JSON, SUMMARY_MD, SUMMARY_HTML, CLASS_HTML)
PROGRESS_EVERY = 1024  # rows between two progress reports


def default_out(paths: Sequence[Path]) -> Path:
    """Where the files go without --out: "<first file's name>-results" in this folder."""
    first = paths[0]
    return Path(f"{first.stem or first.name or 'class'}-results")


def check_out(out: Path, force: bool, paths: Sequence[Path] = ()) -> None:
    """Before any row is read, so that a mistake costs nothing and leaves no folder behind:
    refuse an output folder that exists (unless ``force``) or is one of the inputs, and a
    class of which no file exists at all."""
    if paths and not any(os.path.exists(path) for path in paths):
        sources = ", ".join(path_text(path) for path in paths)
        raise InputError("class_no_input", sources=sources)
    if any(_same(out, path) for path in paths):
        raise SaveError("class_out_is_input", path=path_text(out))
    if os.path.lexists(out):
        if not out.is_dir():
            raise SaveError("class_out_not_folder", path=str(out))
        if not force:
            raise SaveError("class_out_exists", path=str(out))
        for name in OUT_FILES:
            if (out / name).is_dir():
                raise SaveError("save_is_folder", path=str(out / name))


def _same(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist
        return False


def score_class(
    catalogue: Catalogue,
    paths: Sequence[Path],
    out: Path,
    lang: Lang,
    *,
    force: bool = False,
    told: Callable[[Row | Note], None] | None = None,
    progress: Callable[[Path, int], None] | None = None,
    helper: bool | None = None,
    name_column: str | None = None,
) -> Summary:
    """Read ``paths``, score every student, write the six files into ``out``; the summary.

    The six files are put in place together, or none of them (files.FileSet). ``told`` gets
    every failed row and every note about a file, as they come; ``progress`` gets (file, bytes
    read) now and then; ``helper`` scores in a second process (None: when it pays, see
    _helped); ``name_column`` is the title of the column naming the students (None: found from
    the headers). Raises SaveError when the folder cannot be written, with the folder as it
    was. When no row can be read at all, nothing is written and no folder made: the files'
    notes say why.
    """
    check_out(out, force, paths)
    reading = _Reading(catalogue, paths, lang, progress, name_column)
    with contextlib.closing(reading.rows()) as items:  # the files it holds open, if it stops
        ahead = _until_a_row(items)
        if not ahead or not isinstance(ahead[-1], Row):  # nothing read: no --force next time
            summary = Summary(catalogue, lang, sources=[path_text(path) for path in paths])
            for note in ahead:
                summary.notes.append(note)  # type: ignore[arg-type]
                if told is not None:
                    told(note)
            return summary
        return _make_and_score(reading, itertools.chain(ahead, items), out, told, helper)


def _make_and_score(
    reading: _Reading,
    rows: Iterator[Row | Note],
    out: Path,
    told: Callable[[Row | Note], None] | None,
    helper: bool | None,
) -> Summary:
    """Make the folder (taken away again if nothing comes of it), and score ``rows`` into it:
    the six files are put in place together at the end, or none of them."""
    made = _missing(out)  # the folders to make, the deepest first
    fileset = files.FileSet(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        fileset.remove_stale()  # what a killed run left, long ago
        try:
            summary = _score_into(reading, rows, fileset, told, helper)
            fileset.commit()
        finally:
            fileset.discard()
        return summary
    except Stopped as stop:  # held back while the files were moved, it may come after them
        stop.written = fileset.committed
        raise
    except OSError as error:  # nothing was changed: the message says so
        raise failed_save(out, error) from None
    finally:
        if not fileset.committed:  # a folder made for nothing (Ctrl-C, a full disk) would
            with files.held():  # ask for --force next time
                for folder in made:
                    with contextlib.suppress(OSError):
                        folder.rmdir()  # only if empty


def _missing(out: Path) -> list[Path]:
    """The folders that do not exist on the way to ``out``, ``out`` first."""
    missing: list[Path] = []
    for folder in (out, *out.parents):
        if os.path.lexists(folder):
            break
        missing.append(folder)
    return missing


def _until_a_row(items: Iterator[Row | Note]) -> list[Row | Note]:
    """The notes before the first row, and that row (none if there is no row)."""
    ahead: list[Row | Note] = []
    for item in items:
        ahead.append(item)
        if isinstance(item, Row):
            break
    return ahead


@dataclasses.dataclass(frozen=True)
class _Reading:
    """What to read, and how."""

    catalogue: Catalogue
    paths: Sequence[Path]
    lang: Lang
    progress: Callable[[Path, int], None] | None
    name_column: str | None

    def rows(self) -> Generator[Row | Note, None, None]:
        """Every row and note of the files, from the start (closed, it closes the files)."""
        yield from read(self.paths, self.catalogue, self.lang, self.progress, self.name_column)


def _score_into(
    reading: _Reading,
    rows: Iterator[Row | Note],
    out: files.FileSet,
    told: Callable[[Row | Note], None] | None,
    helper: bool | None,
) -> Summary:
    """Score ``rows`` (the files' first reading) into the results files; if a student may have
    sent the form twice, read the files again to keep only the latest. Then the summaries.
    Every file goes into ``out``, to be put in place by its commit."""
    scorer = Scorer(reading.catalogue, reading.lang)
    helped = _helped(reading.paths) if helper is None else helper
    sent = Submissions()
    summary = _score_rows(reading, rows, scorer, out, told, helped, sent, Repeats(), [])
    if sent.again:  # maybe a student sent the form twice: which rows, and the files again
        with contextlib.closing(reading.rows()) as again:
            twice = repeats(again, sent.again)
        if twice.replaced:
            notes: list[Note] = []
            with contextlib.closing(reading.rows()) as again:
                summary = _score_rows(
                    reading, again, scorer, out, None, helped, Submissions(), twice, notes
                )
            if told is not None:  # the rest was told the first time
                for note in notes:
                    told(note)
    facts = class_facts(summary)  # once for the three: each student's why is worked out again
    out.write(SUMMARY_MD, markdown_summary(facts).encode())
    out.write(SUMMARY_HTML, html_summary(facts).encode())
    out.write(CLASS_HTML, class_view_html(facts).encode())
    return summary


def _score_rows(
    reading: _Reading,
    items: Iterator[Row | Note],
    scorer: Scorer,
    out: files.FileSet,
    told: Callable[[Row | Note], None] | None,
    helped: bool,
    sent: Submissions,
    twice: Repeats,
    twice_notes: list[Note],
) -> Summary:
    """Score and write every student of ``items`` into the results files; the summary. Rows that
    ``twice`` says a later submission replaces are left out, each with a note (also added to
    ``twice_notes``)."""
    catalogue, lang, paths = reading.catalogue, reading.lang, reading.paths
    summary = Summary(catalogue, lang, sources=[path_text(path) for path in paths])
    table = ResultsTable(_kept_columns(reading), catalogue, lang)
    with ExitStack() as stack:
        csv_file = stack.enter_context(out.open(RESULTS_CSV))
        xlsx_file = stack.enter_context(out.open(RESULTS_XLSX))
        json_file = stack.enter_context(out.open(RESULTS_JSON))
        text = CsvWriter(csv_file, table)
        sheet = SheetWriter(xlsx_file, t("class_sheet", lang), table.header, table.widths)
        stack.callback(sheet.abandon)  # after close: nothing left to do
        listing = JsonWriter(json_file, catalogue, lang)
        rows = _kept(items, sent, twice, lang, twice_notes)
        # closed on the way out whatever happens: the helper process ends then, not later
        scored = stack.enter_context(contextlib.closing(_scored(scorer, rows, helped)))
        for item, student in scored:
            if student is None:
                summary.notes.append(item)  # type: ignore[arg-type]
                if told is not None:
                    told(item)
                continue
            if student.status == "failed" and told is not None:
                told(item)
            if (student.source, student.row) in twice.kept:
                student = dataclasses.replace(student, flags=(*student.flags, "duplicate"))
            summary.add(student)
            said = student_note(student, catalogue, lang)
            cells = [
                shown(cell) if isinstance(cell, str) else cell
                for cell in table.cells(student, said)
            ]
            text.write(cells)
            sheet.write(cells)
            listing.write(student, said)
        listing.close(summary)
        text.flush()
        sheet.close()
    return summary


def _kept(
    items: Iterator[Row | Note], sent: Submissions, twice: Repeats, lang: Lang, notes: list[Note]
) -> Iterator[Row | Note]:
    """The items read, each row counted into ``sent``; a row that ``twice`` says a later
    submission replaces becomes a note saying so, also added to ``notes``."""
    for item in items:
        if isinstance(item, Row):
            sent.add(item)
            kept = twice.replaced.get((item.source, item.row))
            if kept is not None:
                where = t("form_where", lang, source=item.source, row=item.row)
                instead = t("form_where", lang, source=kept[0], row=kept[1])
                text = t("class_twice", lang, where=where, name=item.label, kept=instead)
                notes.append(Note(item.source, text))
                yield notes[-1]
                continue
        yield item


HELPER_BYTES = 8 * 1024 * 1024  # about 8,000 rows of the shipped catalogue's form
CHUNK = 2000  # rows sent to the helper at a time
IN_FLIGHT = 4  # chunks on their way: memory stays bounded
_HELPER_SCORER: Scorer | None = None  # the helper process's own scorer


def _helped(paths: Sequence[Path]) -> bool:
    """Whether to score in a helper process: two cores or more, and a long input."""
    size = sum(path.stat().st_size for path in paths if path.is_file())
    return (os.cpu_count() or 1) > 1 and size >= HELPER_BYTES


def _scored(
    scorer: Scorer, items: Iterator[Row | Note], helper: bool
) -> Generator[tuple[Row | Note, Student | None], None, None]:
    """Each item read, in order, with its Student (None for a note)."""
    if not helper:
        for item in items:
            yield item, scorer.score(item) if isinstance(item, Row) else None
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # "spawn" everywhere: a fresh interpreter, the same on every system, and no fork of a
    # process whose progress bar runs a thread.
    start = (scorer.catalogue, scorer.lang)
    _start_tracker()
    pool = ProcessPoolExecutor(1, get_context("spawn"), _start_helper, start)
    try:
        pending: deque[tuple[list[Row | Note], Future[list[Figures]] | None]] = deque()
        chunk: list[Row | Note] = []
        for item in items:
            chunk.append(item)
            if len(chunk) == CHUNK:
                pending.append((chunk, _send(pool, chunk)))
                chunk = []
                while len(pending) > IN_FLIGHT:
                    yield from _received(scorer, *pending.popleft())
        pending.append((chunk, _send(pool, chunk)))
        while pending:
            yield from _received(scorer, *pending.popleft())
    finally:
        with files.held():  # a signal waits for the helper to end, not leaving it running
            pool.shutdown(wait=True, cancel_futures=True)


def _start_tracker() -> None:
    """Start multiprocessing's resource tracker with SIGHUP blocked, for good: it ignores SIGINT
    and SIGTERM itself, but a closed terminal hangs up the whole process group, and a tracker
    that dies is started again by multiprocessing, which then prints tracebacks."""
    if os.name != "posix":  # pragma: no cover - no resource tracker there
        return
    from multiprocessing import resource_tracker

    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP})
    try:  # the tracker inherits the mask; here, a SIGHUP meanwhile waits for the unblock
        resource_tracker.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _send(pool: Executor, chunk: list[Row | Note]) -> Future[list[Figures]] | None:
    work = [(r.answers, r.lang) for r in chunk if isinstance(r, Row) and r.answers is not None]
    try:
        return pool.submit(_score_in_helper, work) if work else None
    except RuntimeError:  # the helper is gone: see _received
        return None


def _received(
    scorer: Scorer, chunk: list[Row | Note], future: Future[list[Figures]] | None
) -> Iterator[tuple[Row | Note, Student | None]]:
    """A chunk's items with their Students: the helper's figures, or this process's own
    scoring if the helper failed (a killed process, no memory left)."""
    figures: Iterator[Figures] | None = None  # None: no helper for this chunk, score it here
    try:
        if future is not None:
            figures = iter(future.result())
    except (BrokenExecutor, OSError):
        pass
    for item in chunk:
        if not isinstance(item, Row):
            yield item, None
        elif item.answers is None or figures is None:
            yield item, scorer.score(item)
        else:
            yield item, scorer.student(item, next(figures))


def _start_helper(catalogue: Catalogue, lang: Lang) -> None:
    """In the helper process: Ctrl-C is the main process's to handle; one scorer for all; and
    an end with the main process, however it ends (SIGKILL, the OOM killer): left waiting for
    work, the helper and multiprocessing's resource tracker would run on for ever."""
    import multiprocessing
    import threading

    global _HELPER_SCORER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _HELPER_SCORER = Scorer(catalogue, lang)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), daemon=True).start()


def _end_with(sentinel: int) -> None:
    """Wait until the main process has ended (its sentinel is ready), then end this one."""
    from multiprocessing.connection import wait

    wait([sentinel])
    os._exit(0)


def _score_in_helper(work: list[tuple[Mapping[str, str], Lang]]) -> list[Figures]:
    assert _HELPER_SCORER is not None
    return [_HELPER_SCORER.figures(answers, lang) for answers, lang in work]


def _kept_columns(reading: _Reading) -> list[str]:
    """The kept columns of every file, in order of first appearance: the results' columns."""
    catalogue, lang = reading.catalogue, reading.lang
    columns: dict[str, None] = {}
    for path in reading.paths:
        header = read_header(path, catalogue, lang, reading.name_column) if path.is_file() else None
        if header is not None:  # a form export, whatever its kind
            columns.update(dict.fromkeys(header))
        elif not path.is_dir() and path.suffix.lower() not in (".yaml", ".yml", ".json"):
            columns[t("form_name_column", lang)] = None  # a code file: an optional name
    return list(columns)
