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
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

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


HELPER_BYTES = 8 * 1024 * 1024  # about 4,000 rows of the shipped form (2 KiB a row)
CHUNK = 2000  # rows sent to the helper at a time
IN_FLIGHT = 4  # chunks on their way: memory stays bounded


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
    _start_tracker()
    process = _Helper(scorer)
    try:
        pending: deque[tuple[list[Row | Note], bool]] = deque()  # a chunk, and if it was sent
        chunk: list[Row | Note] = []
        for item in items:
            chunk.append(item)
            if len(chunk) == CHUNK:
                pending.append((chunk, process.send(chunk)))
                chunk = []
                while len(pending) > IN_FLIGHT:
                    yield from _received(scorer, process, *pending.popleft())
        pending.append((chunk, process.send(chunk)))
        while pending:
            yield from _received(scorer, process, *pending.popleft())
    finally:
        with files.held():  # a signal waits for the helper to end, not leaving it running
            process.stop()


class _Helper:
    """The helper process and its two one-way pipes: chunks of answers go out, their figures
    come back in order. Each process keeps only its own ends, so a helper that dies (killed,
    out of memory) is an end of file here, never a wait for ever; and the main process's end,
    however it comes, is an end of file there, so the helper ends with it. A chunk is larger
    than a pipe holds, so a thread sends them: this process is free to read the figures while
    a chunk is on its way, and neither process can wait on the other's full pipe."""

    def __init__(self, scorer: Scorer) -> None:
        import queue
        import threading
        from multiprocessing import get_context

        # "spawn" everywhere: a fresh interpreter, the same on every system, and no fork of a
        # process whose progress bar runs a thread.
        context = get_context("spawn")
        work_in, self.work = context.Pipe(duplex=False)
        self.results, results_out = context.Pipe(duplex=False)
        start = (scorer.catalogue, scorer.lang, work_in, results_out)
        self.process = context.Process(target=_helper_main, args=start, daemon=True)
        self.process.start()
        work_in.close()  # the helper's ends are the helper's alone
        results_out.close()
        self.alive = True
        self.outbox: queue.SimpleQueue[list[tuple[Mapping[str, str], Lang]] | None]
        self.outbox = queue.SimpleQueue()
        self.sender = threading.Thread(target=self._send_all, daemon=True)
        self.sender.start()

    def _send_all(self) -> None:
        """The sending thread: each chunk in turn, until None or the helper is gone."""
        while (work := self.outbox.get()) is not None:
            try:
                self.work.send(work)
            except (OSError, ValueError):  # the helper is gone, or this end was closed
                return

    def send(self, chunk: list[Row | Note]) -> bool:
        """Send a chunk's answers to be scored; False if it holds none, or the helper is gone
        (the chunk is then scored here, see figures)."""
        work = [(r.answers, r.lang) for r in chunk if isinstance(r, Row) and r.answers is not None]
        if work and self.alive:
            self.outbox.put(work)
            return True
        return False

    def figures(self) -> list[Figures] | None:
        """The figures of the oldest chunk sent, or None once the helper is gone."""
        if self.alive:
            try:
                found: list[Figures] = self.results.recv()
                return found
            except (EOFError, OSError):  # it ended, whatever the cause, or its data did
                self.alive = False
        return None

    def stop(self) -> None:
        """End the helper and wait for it: no more work (it ends once it has none), or, if it
        is busy with a chunk nobody will read, ended at once."""
        self.outbox.put(None)
        self.sender.join(1)
        self.results.close()
        if self.sender.is_alive():  # still sending to a helper that stopped reading
            self.process.kill()
        else:
            self.work.close()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.sender.join()
        self.work.close()


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


def _received(
    scorer: Scorer, process: _Helper, chunk: list[Row | Note], sent: bool
) -> Iterator[tuple[Row | Note, Student | None]]:
    """A chunk's items with their Students: the helper's figures, or this process's own
    scoring if the chunk was not sent or the helper failed (killed, no memory left)."""
    found = process.figures() if sent else None
    figures = iter(found) if found is not None else None
    for item in chunk:
        if not isinstance(item, Row):
            yield item, None
        elif item.answers is None or figures is None:
            yield item, scorer.score(item)
        else:
            yield item, scorer.student(item, next(figures))


def _helper_main(catalogue: Catalogue, lang: Lang, work: Connection, results: Connection) -> None:
    """The helper process: score each chunk of answers that comes, until the main process
    closes its end (or ends, however it ends). Ctrl-C and a hang-up are the main process's to
    handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    scorer = Scorer(catalogue, lang)
    while True:
        try:
            chunk: list[tuple[Mapping[str, str], Lang]] = work.recv()
        except (EOFError, OSError):  # the main process is done with us
            return
        try:
            results.send([scorer.figures(answers, code) for answers, code in chunk])
        except OSError:  # the main process stopped reading
            return


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
