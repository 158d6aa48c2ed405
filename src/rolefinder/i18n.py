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
from collections.abc import Mapping
from typing import NamedTuple

from rolefinder.languages import FALLBACK, Lang

# The translation files, shipped inside the package.
PO_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "words")

_STRING = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'  # one quoted piece: "text with \" and \n escapes"
_STRINGS = rf"{_STRING}(?:[ \t]*\n[ \t]*{_STRING})*"  # pieces on following lines, joined
_SPACE = r"(?:[ \t]*\#[^\n]*(?:\n|\Z)|[ \t]*\n)*"  # comment lines and blank lines
# One entry and the lines before it. rolefinder uses no plural forms, so an entry is an
# optional msgctxt, a msgid and a msgstr, each on its line and the lines after, in that order.
_ENTRY = rf"""(?P<comments>{_SPACE})
    (?:msgctxt[ \t]+(?P<key>{_STRINGS})[ \t]*\n[ \t]*)?
    msgid[ \t]+(?P<english>{_STRINGS})[ \t]*\n[ \t]*
    msgstr[ \t]+(?P<text>{_STRINGS})[ \t]*(?:\n|\Z)"""
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


class PoError(ValueError):
    """A translation file that is not a .po file rolefinder can read."""


class Entry(NamedTuple):
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


def _unquote(pieces: str) -> str:
    """The text of ``"piece"`` lines (as _STRINGS matched them), joined, escapes read: KeyError
    for an unknown escape."""
    text = "".join(piece.strip()[1:-1] for piece in pieces.split("\n"))
    if "\\" not in text:  # the usual case
        return text
    return re.sub(r"\\(.)", lambda found: _ESCAPES[found[1]], text)


def read_po(text: str, source: str = "<po>") -> list[Entry]:
    """The entries of a .po file's ``text``, in order: PoError, naming ``source`` and the
    line, if it holds anything else."""
    entry = re.compile(_ENTRY, re.VERBOSE)
    entries: list[Entry] = []
    position = 0
    while found := entry.match(text, position):
        try:
            key = None if found["key"] is None else _unquote(found["key"])
            english, translated = _unquote(found["english"]), _unquote(found["text"])
        except KeyError as error:
            line = text.count("\n", 0, found.end("comments")) + 1
            raise PoError(f"{source}:{line}: unknown escape \\{error.args[0]}") from None
        entries.append(Entry(key, english, translated, found["comments"]))
        position = found.end()
    rest = re.compile(_SPACE).match(text, position)
    if rest is not None and rest.end() < len(text):  # (it always matches, maybe nothing)
        line = text.count("\n", 0, rest.end()) + 1
        raise PoError(f"{source}:{line}: not a msgctxt, msgid and msgstr, nor a comment")
    return entries


_LOADED: dict[Lang, dict[str, str]] = {}


def messages(lang: Lang) -> Mapping[str, str]:
    """Every UI string of ``lang`` by its key, read from its .po file on the first call.

    A text not translated yet (empty, or marked fuzzy) is its English one, as gettext does;
    tests/test_i18n.py fails on any in the shipped files.
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
