"""A class's files opened by what they hold, not by their names: rows of cells, header first.

Why it stays whole (about 520 lines): it is the one place that decides what a file holds from
its bytes, and its three readers share that decision, its refusals and its limits (MAX_ROW,
MAX_CELL, the zip's); it is also the only module that imports openpyxl (tests/test_layers.py).

- **Text** (``.csv``, ``.tsv``, Excel's tab-separated ``.txt``): UTF-8 (a byte-order mark is
  fine), UTF-16 with a byte-order mark (Excel's "Unicode Text"), else Windows-1252; the
  separator (comma, semicolon or tab) is read from the header. A row is a record, never a
  line (see Records): one that cannot be read fails alone, and nothing typed in a cell is
  ever read as a row.
- **An Excel workbook** (``.xlsx``, Microsoft Forms' download): its first sheet, read with
  openpyxl in read-only mode, values as last saved: no formula is ever worked out, and a cell
  starting with "=" is text. openpyxl is imported here only, when a workbook is read.
- **A zip** (``.zip``, Google Forms' "Download responses"): the one CSV inside, read from the
  archive as a stream, never unpacked to disk (a name inside it is only ever shown).

A file whose content is not what its name says (a zip or a workbook named .csv, binary data)
is refused, saying what it holds and what to do; so is an archive that would unpack to too
much or holds more files than a form's download. Nothing here knows the quiz.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import functools
import io
import itertools
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO

from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

# What a file holds, from its first bytes (and, for a zip, the names inside it).
TEXT, ZIP, WORKBOOK, OLD_WORKBOOK = "text", "zip", "xlsx", "xls"
OPEN_DOCUMENT, BINARY, BROKEN = "ods", "binary", "broken"  # BROKEN: a zip that cannot be opened
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
ZIP_SUFFIXES = (".zip",)
TABLE_SUFFIXES = (".csv", ".tsv", ".txt")  # the table a zip may hold
SNIFF = 8192  # bytes looked at to tell text from binary data
ZIP_FILES = 10  # files in a form's zip (Google Forms' holds one CSV)
WORKBOOK_FILES = 1000  # parts of a workbook (Microsoft Forms' has about ten)
MAX_UNPACKED = 1 << 30  # bytes an archive may unpack to...
MAX_RATIO = 400  # ...and, past RATIO_FROM, this many times its packed size (a class: 10-180)
RATIO_FROM = 16 << 20
MAX_HEADER = 1 << 22  # characters of a header row: a longer one is no form export's
MAX_ROW = 1 << 20  # characters of any other row: a longer one fails alone, memory stays flat
MAX_CELL = 128 * 1024  # characters of one cell (the csv module's own limit): over it, the row fails
PIECE = 1 << 16  # characters read at a time while a row is split off

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and other old Office files
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # never in text, save by mistake


class ExportRefused(Exception):
    """A whole file is not read: ``text`` says why and what to do, in the reader's language."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class Damaged(Exception):
    """The rest of a file cannot be read (a workbook or zip cut short or tampered with)."""


class Unreadable(csv.Error):
    """One row that cannot be read: ``key`` names the message that says why, with ``size``."""

    def __init__(self, key: str, size: int = 0) -> None:
        super().__init__(key)
        self.key = key
        self.size = size


# What reading a table's rows can raise, besides csv.Error for one bad row: the rest is lost.
DAMAGED = (Damaged, zipfile.BadZipFile, zlib.error, EOFError)


@dataclass(frozen=True)
class Table:
    """One table of a file: its rows of cells (the header first; csv.Error for one row that
    cannot be read, DAMAGED when the rest cannot), and how many bytes of the file are read."""

    source: str
    rows: Iterator[list[str]]
    done: Callable[[], int]


def tables(
    path: Path, source: str, stream: BinaryIO, lang: Lang, is_form: Callable[[list[str]], bool]
) -> Iterator[Table | None]:
    """The table a file holds, or None for a text file that is no form export (a list of
    codes: read it from the start). ``is_form(header)`` tells the two apart for a file not
    named .csv or .tsv. Raises ExportRefused, before anything is given, for a file that cannot be
    read; a name ending that says one thing while the content is another is refused too."""
    suffix = path.suffix.lower()
    named = WORKBOOK if suffix in WORKBOOK_SUFFIXES else ZIP if suffix in ZIP_SUFFIXES else TEXT
    found = content(stream)
    if found == BROKEN:  # a download cut short, whatever it was meant to be
        raise ExportRefused(
            t("form_damaged", lang, source=source, reason=t("form_not_whole", lang))
        )
    if found != named:
        raise ExportRefused(mismatch(source, named, found, lang))
    try:
        if found == WORKBOOK:
            yield _workbook(source, stream, lang)
        elif found == ZIP:
            yield from _zipped(source, stream, lang)
        else:
            text = text_stream(stream, file_key(stream))
            records = _records(text, suffix)
            if suffix in (".csv", ".tsv") or is_form(records.header()):
                yield Table(source, records, stream.tell)
            else:
                text.detach()  # the stream stays open for the codes, read from the start
                stream.seek(0)
                yield None
    except (*DAMAGED, RuntimeError, NotImplementedError) as error:  # encrypted, unknown packing
        raise ExportRefused(t("form_damaged", lang, source=source, reason=_reason(error))) from None


def content(stream: BinaryIO) -> str:
    """What a file holds, from its first bytes: TEXT, ZIP, WORKBOOK, OLD_WORKBOOK,
    OPEN_DOCUMENT, BINARY, or BROKEN for a zip that cannot be opened. The stream is left at
    its start."""
    start = stream.read(SNIFF)
    stream.seek(0)
    if start.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
                kind = archive.open("mimetype").read(64) if "mimetype" in names else b""
        except (*DAMAGED, RuntimeError, NotImplementedError, KeyError):
            return BROKEN
        finally:
            stream.seek(0)
        if "xl/workbook.xml" in names:
            return WORKBOOK
        return OPEN_DOCUMENT if kind.startswith(b"application/vnd.oasis") else ZIP
    if start.startswith(_OLE):
        return OLD_WORKBOOK
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return TEXT
    # Text never holds NUL; a few stray control characters are a student's, not binary data.
    if b"\x00" in start or len(_CONTROL.findall(start)) > len(start) // 20:
        return BINARY
    return TEXT


def mismatch(source: str, named: str, found: str, lang: Lang) -> str:
    """Why a file is refused: what its name says, what it holds, and what to do."""
    return t(
        "form_mismatch",
        lang,
        source=source,
        named=t(_NAMED[named], lang),
        found=t(_FOUND[found], lang),
        fix=t(_FIX[found], lang),
    )


_NAMED = {TEXT: "form_named_text", ZIP: "form_named_zip", WORKBOOK: "form_named_xlsx"}
_FOUND = {
    TEXT: "form_found_text",
    ZIP: "form_found_zip",
    WORKBOOK: "form_found_xlsx",
    OLD_WORKBOOK: "form_found_xls",
    OPEN_DOCUMENT: "form_found_ods",
    BINARY: "form_found_binary",
}
_FIX = {
    TEXT: "form_fix_text",
    ZIP: "form_fix_zip",
    WORKBOOK: "form_fix_xlsx",
    OLD_WORKBOOK: "form_fix_old",
    OPEN_DOCUMENT: "form_fix_old",
    BINARY: "form_fix_binary",
}


def _reason(error: BaseException) -> str:
    return str(error) or type(error).__name__


# --- Text ------------------------------------------------------------------------------------


def _records(text: IO[str], suffix: str) -> Records:
    """The rows of a CSV text, its separator read from its first line."""
    first = text.readline(PIECE)
    return Records(text, first, delimiter(first, suffix))


class Records:
    """The rows of a CSV text, a record at a time: a record, never a line. A cell in quotes
    may hold line breaks, and a student may type lines shaped like rows into one; so where
    a row cannot be read, the rest of it is found by following its quotes as the csv module
    reads them (a quote opens a cell only at the cell's start; two in a row inside are one).

    A row over MAX_ROW characters (MAX_HEADER for the header), with a cell over MAX_CELL, or
    with a quote that nothing closes raises csv.Error (Unreadable) for that row alone: the
    next call reads on from the record after it, so nothing typed inside a cell is ever read
    as a row. At most a row is held in memory.
    """

    def __init__(self, text: IO[str], first: str, separator: str) -> None:
        self._text = text
        self._first = first  # the start of the first line, read to find the separator
        self._separator = separator
        self._reader = csv.reader(iter(self._line, ""), delimiter=separator)
        self._ahead: list[str] | csv.Error | None = None  # the header, when looked at first
        self._started = False
        self._limit = MAX_HEADER
        self._record: list[str] = []  # the lines of the row being read
        self._size = 0  # ...and their length
        self._over = False  # the row is over the limit: the rest of it was skipped
        self._open = False  # the file ended inside the row's quotes
        self._return = False  # the last line ended with a carriage return

    def __iter__(self) -> Records:
        return self

    def header(self) -> list[str]:
        """The first row's cells, read ahead (none if it cannot be read): to tell a form
        export from a list of codes. The next call still gives it."""
        if self._ahead is None and not self._started:
            try:
                self._ahead = self.__next__()
            except csv.Error as error:
                self._ahead = error
            except StopIteration:
                self._ahead = []
        return self._ahead if isinstance(self._ahead, list) else []

    def __next__(self) -> list[str]:
        ahead, self._ahead = self._ahead, None
        if isinstance(ahead, csv.Error):
            raise ahead
        if ahead is not None:
            return ahead
        self._limit = MAX_ROW if self._started else MAX_HEADER
        self._started = True
        self._record, self._size = [], 0
        try:
            row = next(self._reader)
        except csv.Error as error:  # the reader stops inside the row: read on to its end
            self._skip_rest()
            if "field limit" in str(error):
                raise Unreadable("form_cell_long", MAX_CELL) from None
            raise
        if self._over:
            self._over = False
            raise Unreadable("form_row_long", self._limit)
        if self._open:  # cut short, or a student's quote: the rest of the file was its cell
            self._open = False
            raise Unreadable("form_quote_open")
        return row

    def _line(self) -> str:
        """The next line for the csv reader ('' at the end). Past the row's limit, the rest
        of the row is skipped and the reader given what ends it."""
        inside = bool(self._record)  # the reader asks for more of a row only inside quotes
        pieces: list[str] = []
        size = self._size
        while True:
            piece = self._read(not pieces and not inside)
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
            if size > self._limit:
                self._over = True
                self._follow(pieces, inside)
                return '"\n' if inside else "\n"  # closes the reader's cell, ends its row
            if piece[-1] in "\r\n" or len(piece) < PIECE:  # a whole line, or the last
                break
        if not pieces:
            self._open = inside
            return ""
        line = pieces[0] if len(pieces) == 1 else "".join(pieces)
        self._record.append(line)
        self._size = size
        self._return = line[-1] == "\r"
        return line

    def _read(self, first: bool) -> str:
        """The next piece of the text: a line, or PIECE characters of a longer one."""
        if self._first:
            piece, self._first = self._first, ""
        else:
            piece = self._text.readline(PIECE)
        if first and self._return and piece.startswith("\n"):
            piece = piece[1:] or self._text.readline(PIECE)  # a "\r\n" cut in two: one end
        self._return = False
        return piece

    def _skip_rest(self) -> None:
        """After the reader stopped inside a row: read on to the end of that row."""
        state = (False, False, True)
        for line in self._record:
            state = _scan(line, self._separator, *state)
        if state[0]:
            self._follow([], True)

    def _follow(self, pieces: list[str], quoted: bool) -> None:
        """Read on to the end of the row: ``pieces`` (the start of a line, already read),
        then the lines after them, followed by their quotes and not kept. ``quoted``: the
        line starts inside a cell in quotes."""
        state = (quoted, False, not quoted)
        rest = iter(functools.partial(self._read, False), "")
        for piece in itertools.chain(pieces, rest):
            state = _scan(piece, self._separator, *state)
            if not state[0] and piece[-1] in "\r\n":  # a line break outside quotes
                self._return = piece[-1] == "\r"
                return


def _scan(
    piece: str, separator: str, quoted: bool, pending: bool, start: bool
) -> tuple[bool, bool, bool]:
    """Where a piece of a CSV text leaves its quotes, as the csv module reads them: whether
    inside a cell in quotes; whether the piece ended with a quote inside one (a closing or a
    doubled one: the next piece says which); whether the next character starts a cell."""
    at, end = 0, len(piece)
    if pending:
        pending = False
        if piece[:1] == '"':  # "" inside quotes: one quote, still inside
            at = 1
        else:
            quoted, start = False, False
    while at < end:
        if quoted:  # past every other character and doubled quote inside
            at = _INSIDE.match(piece, at).end()  # type: ignore[union-attr]  # always matches
            if at == end:
                break
            if at + 1 == end:  # the piece was cut right after a quote: the next says
                return True, True, False
            quoted, at = False, at + 1
        elif start and piece[at] == '"':  # a quote at a cell's start opens it
            quoted, at = True, at + 1
        else:  # elsewhere a quote is a character: only one after a separator opens a cell
            found = piece.find(separator + '"', at)
            if found < 0:
                break
            quoted, at = True, found + 2
        start = False
    return quoted, False, (not quoted and piece[-1:] == separator) if end else start


# Inside a cell in quotes: everything up to a quote that is not doubled.
_INSIDE = re.compile(r'[^"]*(?:""[^"]*)*')


def delimiter(line: str, suffix: str) -> str:
    """The separator of a form export, from its header: the one of tab, semicolon and comma
    found most often outside quotes (a tab for a .tsv file)."""
    if suffix == ".tsv":
        return "\t"
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {sep: outside.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


FileKey = tuple[int, int, int, int]


def file_key(stream: BinaryIO) -> FileKey:
    """A file as it is now (device, inode, size, time changed): its encoding is found once."""
    status = os.fstat(stream.fileno())
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def text_stream(stream: IO[bytes], key: FileKey | None = None) -> io.TextIOWrapper:
    """The file as text: UTF-8 or UTF-16 by their byte-order marks, else UTF-8 if the whole
    file is UTF-8, else Windows-1252 (what Excel's plain "CSV" writes on Windows; its five
    unused bytes become U+FFFD, so no row is lost). ``key``: remember the file's encoding."""
    encoding = _ENCODINGS.get(key) if key else None
    if encoding is None:  # the header is read first on its own (classroom/batch.py): decide once
        start = stream.read(4)
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        elif start.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        else:
            encoding = "utf-8" if _all_utf8(stream, start) else "cp1252"
        if key:
            _ENCODINGS[key] = encoding
        stream.seek(0)
    errors = "replace" if encoding == "cp1252" else "strict"
    return io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline="")


_ENCODINGS: dict[FileKey, str] = {}  # a file (as it is now) -> its encoding


def _all_utf8(stream: IO[bytes], start: bytes) -> bool:
    """Whether the rest of ``stream``, after ``start``, is UTF-8 (read through once, a MiB at
    a time: one accented name far down the file decides it)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(start)
        while chunk := stream.read(1 << 20):
            if not chunk.isascii() or decoder.getstate()[0]:  # ASCII is UTF-8: 20 times faster
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


# --- Archives --------------------------------------------------------------------------------


def _check(source: str, members: list[zipfile.ZipInfo], most: int, lang: Lang) -> None:
    """Refuse an archive with more files than a form's download, or that would unpack to
    too much (a zip bomb): the sizes it declares bound what reading it can give."""
    if len(members) > most:
        raise ExportRefused(t("form_zip_many", lang, source=source, count=len(members), most=most))
    total = 0
    for member in members:
        total += member.file_size
        swollen = member.file_size > max(RATIO_FROM, MAX_RATIO * member.compress_size)
        if total > MAX_UNPACKED or swollen:
            raise ExportRefused(t("form_zip_big", lang, source=source))


def _zipped(source: str, stream: BinaryIO, lang: Lang) -> Iterator[Table]:
    """The one CSV in a zip, read straight from the archive."""
    with zipfile.ZipFile(stream) as archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        _check(source, members, ZIP_FILES, lang)
        found = [m for m in members if _is_table(m.filename)]
        if len(found) != 1:
            raise ExportRefused(t("form_zip_tables", lang, source=source, count=len(found)))
        member = found[0]
        suffix = Path(member.filename).suffix.lower()
        with archive.open(member) as inner:
            records = _records(text_stream(inner), suffix)
            yield Table(f"{source}/{member.filename}", records, stream.tell)


def _is_table(name: str) -> bool:
    """Whether a name in a zip is a table's, not a folder's or a Mac's resource file's."""
    base = name.rsplit("/", 1)[-1]
    return name.lower().endswith(TABLE_SUFFIXES) and not (
        base.startswith("._") or name.startswith("__MACOSX/")
    )


def _workbook(source: str, stream: BinaryIO, lang: Lang) -> Table:
    """The first sheet of an Excel workbook, a row at a time."""
    with zipfile.ZipFile(stream) as archive:
        _check(source, archive.infolist(), WORKBOOK_FILES, lang)
    stream.seek(0)
    import warnings

    # Imported only when a workbook is read: about 100 ms no other command should pay.
    import openpyxl  # type: ignore[import-untyped]  # no type hints of its own

    # openpyxl warns about styles and extensions it skips: nothing a teacher can act on.
    warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
    try:
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True, keep_links=False)
        sheet = book.worksheets[0]
    except Exception as error:  # a damaged or hostile workbook: openpyxl raises many kinds
        raise Damaged(_reason(error)) from None
    return Table(source, _sheet_rows(book, sheet), stream.tell)


def _sheet_rows(book: Any, sheet: Any) -> Iterator[list[str]]:
    """A sheet's rows as text, every row as wide as the header (a workbook leaves out empty
    cells at a row's end, a CSV does not), the header's empty cells at its end left out."""
    try:
        sheet.reset_dimensions()  # the size a workbook states can be wrong
        header = next(sheet.iter_rows(max_row=1, values_only=True), ())
        cells = [_text(value) for value in header]
        while cells and not cells[-1].strip():
            cells.pop()
        yield cells
        width = len(cells)
        if not width:
            return
        rows = sheet.iter_rows(min_row=2, max_col=width, values_only=True)
        for values in rows:
            row = [_text(value) for value in values]
            yield row + [""] * (width - len(row))
    except Exception as error:  # a damaged or hostile workbook: openpyxl raises many kinds
        raise Damaged(_reason(error)) from None
    finally:
        book.close()


def _text(value: object) -> str:
    """A workbook cell's value as a CSV export writes it: a whole number without ".0", a time
    as 2026-11-24 09:05:00, nothing for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)
