"""Every UI string in every language (see languages.py), and making values safe to show.

The strings live in gettext ``.po`` files, one a language (``words/en.po``, ``words/id.po``),
which translation tools (Poedit, Weblate, Crowdin) open: each entry has the message's key as
``msgctxt``, the English text as ``msgid`` and the language's text as ``msgstr``. A language's
file is read the first time one of its strings is asked for, by the small reader below (the
standard library's gettext reads only compiled ``.mo`` files).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from rolefinder.words.languages import FALLBACK, Lang

# The translation files, shipped inside the package.
PO_FOLDER = os.path.dirname(os.path.abspath(__file__))  # the .po files sit beside this module

# One quoted piece of a text, "with \" and \n escapes"; a text may go on over the next lines.
_PIECE = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
# rolefinder uses no plural forms, so an entry is an optional msgctxt, a msgid and a msgstr,
# in that order, each keyword followed by its text: what each keyword may follow ("" for none).
_AFTER = {"msgctxt": ("",), "msgid": ("", "msgctxt"), "msgstr": ("msgid",)}


class PoError(ValueError):
    """A translation file that is not a .po file rolefinder can read."""


class PoEntry(NamedTuple):
    """One entry of a .po file: ``key`` is its msgctxt (None in the header entry)."""

    key: str | None
    english: str  # the msgid
    text: str  # the msgstr: "" while not translated
    comments: str  # the lines before it: translators' notes (#.), flags (#,), ...

    @property
    def fuzzy(self) -> bool:
        """Whether a tool or a translator marked the text as a guess still to be checked."""
        if "fuzzy" not in self.comments:  # the usual case
            return False
        return re.search(r"^#,.*\bfuzzy\b", self.comments, re.MULTILINE) is not None


def _piece(line: str) -> str:
    """The text of one quoted piece, escapes read: ValueError if ``line`` is not one."""
    inner = line[1:-1]
    if line[-1:] == '"' and '"' not in inner and "\\" not in inner:  # the usual case
        return inner
    if len(line) < 2 or not re.fullmatch(_PIECE, line):
        raise ValueError("not a quoted text")
    return re.sub(r"\\(.)", lambda found: _ESCAPES[found[1]], inner)  # KeyError: unknown


def read_po(text: str, source: str = "<po>") -> list[PoEntry]:
    """The entries of a .po file's ``text``, in order: PoError, naming ``source`` and the
    line, if it holds anything else.

    Read a line at a time, as simply as the format allows: a language's file (about 3,200
    lines) takes 2 to 3 ms, where importing the Python table it replaced took 0.3 ms.
    """
    entries: list[PoEntry] = []
    comments: list[str] = []
    texts: dict[str, list[str]] = {}  # keyword -> the pieces of its text, in the entry read
    last = ""  # the keyword read last in the entry, whose text may go on in the next lines
    for number, line in enumerate([*text.split("\n"), ""], 1):  # a blank line ends the last
        line = line.strip()
        first = line[:1]
        try:
            if first == '"' and last:
                texts[last].append(_piece(line))
                continue
            if last == "msgstr":  # whatever comes next, the entry is whole
                key = "".join(texts["msgctxt"]) if "msgctxt" in texts else None
                english, translated = "".join(texts["msgid"]), "".join(texts["msgstr"])
                entries.append(PoEntry(key, english, translated, "\n".join(comments)))
                comments, texts, last = [], {}, ""
            if not first or first == "#":
                if last:
                    raise ValueError("an entry ends before its msgstr")
                if first:
                    comments.append(line)
                continue
            keyword, *rest = line.split(None, 1)
            if last not in _AFTER.get(keyword, ()):
                raise ValueError(f"{keyword} is not a msgctxt, msgid or msgstr where one is due")
            texts[keyword] = [_piece("".join(rest))]
            last = keyword
        except (ValueError, KeyError) as error:
            why = f"unknown escape \\{error.args[0]}" if isinstance(error, KeyError) else error
            raise PoError(f"{source}:{number}: {why}") from None
    return entries


_LOADED: dict[Lang, dict[str, str]] = {}


def messages(lang: Lang) -> Mapping[str, str]:
    """Every UI string of ``lang`` by its key, read from its .po file on the first call.

    A text not translated yet (empty, or marked fuzzy) is its English one, as gettext does;
    tests/test_translations.py fails on any in the shipped files.
    """
    table = _LOADED.get(lang)
    if table is None:
        path = os.path.join(PO_FOLDER, f"{lang}.po")
        with open(path, encoding="utf-8-sig") as file:
            entries = read_po(file.read(), path)
        table = _LOADED[lang] = {
            entry.key: entry.text if entry.text and not entry.fuzzy else entry.english
            for entry in entries
            if entry.key is not None
        }
    return table


# click's own messages (English in typer's vendored click), matched whole and told again in
# the user's language: (pattern, key). Groups are values, translated in their turn.
# click's words for arguments left over (older clicks: "argument"/"arguments", typer's:
# "argument(s)").
EXTRA_ARGUMENTS = r"Got unexpected extra argument(?:s|\(s\))?"
CLICK_TEXTS: tuple[tuple[str, str], ...] = (
    (r"Invalid value for (?P<param>.+?): (?P<message>.*)$", "click_invalid_for"),
    (r"Invalid value: (?P<message>.*)$", "click_invalid"),
    (r"(?P<value>.+) is not one of (?P<choices>.+)\.$", "click_not_one_of"),
    (r"(?P<value>.+) is not in the range (?P<range>.+)\.$", "click_not_in_range"),
    (r"(?P<value>.+) is not a valid (?:integer|int range)\.$", "click_not_integer"),
    (r"(?P<value>.+) is not a valid (?P<kind>[\w ]+)\.$", "click_not_valid"),
    (r"No such option: (?P<option>\S+) Did you mean (?P<hint>.+)\?$", "click_no_such_option_hint"),
    (r"No such option: (?P<option>\S+) \(Possible options: (?P<hint>.+)\)$", "click_possible"),
    (r"No such option: (?P<option>\S+)$", "click_no_such_option"),
    (r"Missing argument (?P<name>.+)\.$", "click_missing_argument"),
    (r"Missing option (?P<name>.+)\.$", "click_missing_option"),
    (EXTRA_ARGUMENTS + r" \((?P<args>.*)\)$", "click_extra"),
    (r"No such command (?P<name>.+?)\. Did you mean (?P<hint>.+)\?$", "click_no_such_command_hint"),
    (r"No such command (?P<name>.+)\.$", "click_no_such_command"),
    (r"Option (?P<option>.+) requires an argument\.$", "click_needs_value"),
    (r"Option (?P<option>.+) does not take a value\.$", "click_takes_no_value"),
    (r"Missing command\.$", "click_missing_command"),
)


def t(key: str, lang: Lang, **values: object) -> str:
    """The UI string ``key`` in ``lang``, with ``{placeholders}`` filled in.

    Every value is made visible first (see visible): names from a file, a path, the command
    line or the environment can never reach the terminal as a control sequence.
    """
    template = messages(lang).get(key)
    if template is None:  # a message the language's file lacks yet: the English one
        template = messages(FALLBACK)[key]
    if not values:
        return template
    return template.format(**{name: visible(str(value)) for name, value in values.items()})


def choice_list(items: Sequence[str], lang: Lang) -> str:
    """Items as a sentence lists them, in ``lang``: 'a, b or c', 'a, b, atau c'."""
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2:
        return t("list_two", lang, a=items[0], b=items[1])
    return t("list_many", lang, rest=", ".join(items[:-1]), last=items[-1])


# What a terminal could act on or a reader could not see: controls (ESC, BEL, newline, ...),
# format characters (bidi overrides, zero-width spaces and joiners, the byte-order mark), line
# and paragraph separators, lone surrogates (undecodable bytes in a file name), unassigned ones.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"})


def hidden_character(text: str, allowed: str = "") -> str | None:
    """The first character of ``text`` in HIDDEN_CATEGORIES and not in ``allowed``, if any."""
    if text.isprintable():  # the usual case, decided in C: no such character at all
        return None
    import unicodedata

    for char in text:
        if char not in allowed and unicodedata.category(char) in HIDDEN_CATEGORIES:
            return char
    return None


def json_visible(text: str) -> str:
    """JSON text with every hidden character written as a ``\\u`` escape, as JSON allows in a
    string: the same value, nothing a terminal acts on or a reader cannot see.

    json.dumps escapes only the C0 controls; DEL, the C1 controls (U+009B starts a CSI),
    bidi overrides, zero-width characters and lone surrogates it writes as they are. Outside
    strings JSON holds only spaces and the line breaks of its indent, which are kept.
    """
    if all(line.isprintable() for line in text.split("\n")):  # the usual case, decided in C
        return text
    import re
    import unicodedata

    def escaped(found: re.Match[str]) -> str:
        char = found[0]
        if unicodedata.category(char) not in HIDDEN_CATEGORIES:
            return char
        code = ord(char)
        if code > 0xFFFF:  # JSON writes it as its UTF-16 surrogate pair
            code -= 0x10000
            return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
        return f"\\u{code:04x}"

    return re.sub(r"[^\n\x20-\x7e]", escaped, text)  # what is not plain ASCII, line breaks kept


def visible(text: str) -> str:
    """``text`` with every hidden character written out as an escape (ESC as ``\\x1b``)."""
    if hidden_character(text) is None:
        return text
    import unicodedata

    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in HIDDEN_CATEGORIES
        else char
        for char in text
    )
