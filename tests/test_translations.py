"""The translation files: one gettext .po file a language, complete, consistent and all used.

Each language of LANGS has ``words/<lang>.po``: every message English has, translated (not
empty, not marked fuzzy), with the same ``{placeholders}`` as its English text, and no message
the code never asks for. Each check is a function run on the shipped files and on small broken
ones, so that a test shows it would catch what it looks for. The reader itself (i18n.read_po)
and t()'s use of it are tested last.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import string
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.main import get_command

from helpers import PO_FILES, ci_is_set, po_entries
from rolefinder.cli.app import app
from rolefinder.words import i18n
from rolefinder.words.i18n import PoEntry, PoError, read_po
from rolefinder.words.languages import LANGS

SRC = Path(__file__).resolve().parents[1] / "src" / "rolefinder"
COMMANDS = "|".join(["app", *get_command(app).commands])  # type: ignore[attr-defined]

# Keys the code builds rather than writes whole: (how the f-string starts, the keys it can
# build, why). A key is used if it is a string in the source or matches one of these.
BUILT = [
    ("*_help", f"({COMMANDS})_help", "each command's help, by its name (cli/app.py)"),
    ("examples_", f"examples_({COMMANDS})", "each command's --help examples, by its name"),
    ("opt_json_", f"opt_json_({COMMANDS})", "--json's help, saying what each command prints"),
    ("opt_", "opt_(install|show)_completion", "typer's own completion options, helped anew"),
    ("click_", "click_(options|arguments|commands)", "click's headings in a help page"),
    ("level_", "level_(entry|mid|senior)", "a role's level, as the catalogue writes it"),
    ("ready_", "ready_(now|junior|later|unknown)(_short)?", "whether you can start yet"),
    ("band_", "band_(strong|good|unsure)", "how sure the ranking is, in words"),
    ("flag_", "flag_(torn|exploring)", "the result's flags, told when raised"),
    ("flag_no_pattern_", "flag_no_pattern_(random|position)", "the answers' pattern"),
    ("reason_", "reason_(up|down)(_student)?", "an answer that moved a role up or down"),
    ("reason_trait_", "reason_trait_(up|down)(_student)?", "a trait that moved a role"),
    ("audit_", "audit_(careful|noisy)", "the audit's columns, one a setting"),
    ("source_", "source_(job-ads|articles)", "where a role's level and years come from"),
    ("class_col_", "class_col_(answered|no_pattern|rushed|incomplete|duplicate)", "flags"),
    ("summary_reason_", "summary_reason_(unsure|exploring)", "why to talk to a student"),
    (
        "summary_mark_",
        "summary_mark_(too_few|no_pattern|rushed|half_empty|unsure|exploring|near_tie)",
        "the same reasons, in a few words each",
    ),
    ("problem_lang_", f"problem_lang_({'|'.join(LANGS)})", "a language's name in a problem"),
]


def fields(text: str) -> set[str]:
    """The names of ``text``'s {placeholders}."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def strings_in(folder: Path) -> tuple[set[str], set[str]]:
    """Every string constant in the package's source, and how its f-strings start (or, for
    one that starts with a value, how it ends, after a "*")."""
    constants: set[str] = set()
    heads: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant):
                heads.add(str(node.values[0].value))
            elif isinstance(node, ast.JoinedStr) and isinstance(node.values[-1], ast.Constant):
                heads.add("*" + str(node.values[-1].value))  # f"{name}_help": how it ends
    return constants, heads


CONSTANTS, HEADS = strings_in(SRC)


# The checks ---------------------------------------------------------------------------------


def keyed(entries: list[PoEntry]) -> dict[str, PoEntry]:
    return {entry.key: entry for entry in entries if entry.key is not None}


def missing(english: list[PoEntry], other: list[PoEntry]) -> list[str]:
    """The keys of English's messages that ``other`` lacks, leaves empty or marks fuzzy."""
    have = keyed(other)
    return [
        key
        for key in keyed(english)
        if key not in have or not have[key].text.strip() or have[key].fuzzy
    ]


def unknown(english: list[PoEntry], other: list[PoEntry]) -> list[str]:
    """The keys of ``other`` that English lacks, or whose msgid is not English's text: a
    translation tool shows the msgid as the text to translate."""
    source = keyed(english)
    return [k for k, e in keyed(other).items() if k not in source or source[k].english != e.english]


def placeholders_differ(entries: list[PoEntry]) -> list[str]:
    """The keys whose text has other {placeholders} than their English one."""
    return [e.key for e in entries if e.key and e.text and fields(e.text) != fields(e.english)]


def unflagged(entries: list[PoEntry]) -> list[str]:
    """The keys with placeholders whose entry does not say so to translation tools."""
    return [
        e.key
        for e in entries
        if e.key and fields(e.english) and "python-brace-format" not in e.comments
    ]


def unused(entries: list[PoEntry], constants: set[str]) -> list[str]:
    """The keys the source neither writes as a string nor builds as one of BUILT."""
    built = re.compile("|".join(pattern for _, pattern, _ in BUILT))
    return [
        e.key for e in entries if e.key and e.key not in constants and not built.fullmatch(e.key)
    ]


def header(entries: list[PoEntry]) -> dict[str, str]:
    """The header entry's fields ({"Language": "id", ...}): it comes first, with no key."""
    first = entries[0]
    assert first.key is None and first.english == "", "a .po file starts with its header"
    return dict(line.split(": ", 1) for line in first.text.splitlines() if ": " in line)


# On the shipped files -----------------------------------------------------------------------


def test_every_language_has_a_file_and_every_file_a_language():
    shipped = {path.stem for path in Path(i18n.PO_FOLDER).glob("*.po")}
    assert shipped == set(LANGS), "a language is its .po file and its row in languages.py"


@pytest.mark.parametrize("lang", LANGS)
def test_the_header_says_the_language_and_the_encoding(lang):
    fields_ = header(po_entries(lang))
    assert fields_["Language"] == lang
    assert fields_["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields_["Plural-Forms"].startswith("nplurals=")


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang):
    english, other = po_entries("en"), po_entries(lang)
    assert missing(english, other) == [], f"{lang}.po lacks these, or has them empty or fuzzy"
    assert unknown(english, other) == [], f"{lang}.po has these, not in en.po or with other msgids"
    assert len(keyed(other)) == len(other) - 1, "one entry a key, and the header"


def test_english_is_its_own_translation():
    assert [e.key for e in po_entries("en") if e.key and e.text != e.english] == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_has_its_english_placeholders(lang):
    assert placeholders_differ(po_entries(lang)) == []
    assert unflagged(po_entries(lang)) == [], "mark them '#, python-brace-format'"


def test_every_message_is_used():
    assert unused(po_entries("en"), CONSTANTS) == [], "not asked for by the code: remove them"


@pytest.mark.parametrize(("head", "pattern", "why"), BUILT, ids=[b[0] for b in BUILT])
def test_the_code_still_builds_each_key_family(head, pattern, why):
    assert head in HEADS, f"no f-string starts with {head!r}: drop its row from BUILT"
    assert any(re.fullmatch(pattern, key) for key in keyed(po_entries("en")))


@pytest.mark.parametrize("lang", LANGS)
def test_gettext_itself_reads_the_file(lang, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if ci_is_set():
            pytest.fail("msgfmt (GNU gettext) is needed under CI")
        pytest.skip("msgfmt (GNU gettext) is not installed")
    checked = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / f"{lang}.mo"), str(PO_FILES[lang])],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0 and not checked.stderr, checked.stderr


# The checks catch what they look for ---------------------------------------------------------

HEADER = 'msgid ""\nmsgstr ""\n"Language: xx\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def po(*entries: str) -> list[PoEntry]:
    """A small .po file's entries: a header and ``entries`` (each 'key|english|text[|fuzzy]')."""
    lines = [HEADER]
    for entry in entries:
        key, english, text, *fuzzy = entry.split("|")
        flags = ["python-brace-format"] * ("{" in english) + fuzzy
        comment = f"#, {', '.join(flags)}\n" if flags else ""
        lines.append(f'\n{comment}msgctxt "{key}"\nmsgid "{english}"\nmsgstr "{text}"\n')
    return read_po("".join(lines))


ENGLISH = po("hello|Hello, {name}.|Hello, {name}.", "bye|Goodbye.|Goodbye.")


@pytest.mark.parametrize(
    ("other", "found"),
    [
        (po("hello|Hello, {name}.|Halo, {name}.", "bye|Goodbye.|Sampai jumpa."), []),
        (po("hello|Hello, {name}.|Halo, {name}."), ["bye"]),
        (po("hello|Hello, {name}.|Halo, {name}.", "bye|Goodbye.|"), ["bye"]),
        (po("hello|Hello, {name}.|Halo, {name}.", "bye|Goodbye.| "), ["bye"]),
        (po("hello|Hello, {name}.|Halo, {name}.|fuzzy", "bye|Goodbye.|Dah."), ["hello"]),
    ],
)
def test_a_message_missing_in_a_language_is_found(other, found):
    assert missing(ENGLISH, other) == found


@pytest.mark.parametrize(
    ("other", "found"),
    [
        (po("hello|Hello, {name}.|Halo, {name}."), []),
        (po("hello|Hello, {name}.|Halo, {name}.", "extra|Extra.|Lagi."), ["extra"]),
        (po("hello|Hello, {who}.|Halo, {who}."), ["hello"]),  # the English changed only here
    ],
)
def test_a_message_english_lacks_is_found(other, found):
    assert unknown(ENGLISH, other) == found


@pytest.mark.parametrize(
    ("entries", "found"),
    [
        (po("hello|Hello, {name}.|Halo, {name}!"), []),
        (po("hello|Hello, {name}.|Halo, {nama}."), ["hello"]),
        (po("hello|Hello, {name}.|Halo."), ["hello"]),
        (po("bye|Goodbye.|Dah, {name}."), ["bye"]),
        (po("hello|Hello, {name}.|Halo, {name} {name}."), []),  # twice is the same field
    ],
)
def test_a_placeholder_that_differs_is_found(entries, found):
    assert placeholders_differ(entries) == found


def test_a_placeholder_without_its_flag_is_found():
    entries = read_po(HEADER + '\nmsgctxt "hello"\nmsgid "Hi {name}"\nmsgstr "Hi {name}"\n')
    assert unflagged(entries) == ["hello"]


@pytest.mark.parametrize(
    ("key", "used"),
    [
        ("valid", True),  # t("valid", ...)
        ("problem_no_text", True),  # a problem's key, given to Problems.add
        ("examples_quiz", True),  # built: f"examples_{command}"
        ("level_senior", True),  # built: f"level_{role.level}"
        ("level_expert", False),  # no such level
        ("examples_nosuch", False),  # no such command
        ("never_asked_for", False),
    ],
)
def test_an_unused_message_is_found(key, used):
    entries = po(f"{key}|Text.|Text.")
    assert unused(entries, CONSTANTS) == ([] if used else [key])


# The reader ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('msgctxt "k"\nmsgid "A"\nmsgstr "B"\n', ("k", "A", "B")),
        ('msgctxt "k"\nmsgid "A"\nmsgstr "B"', ("k", "A", "B")),  # no newline at the end
        ('msgctxt "k"\nmsgid ""\n"A "\n"b"\nmsgstr ""\n"C"\n"d"\n', ("k", "A b", "Cd")),
        (r'msgctxt "k"' + '\nmsgid "\\"q\\" \\\\ \\n\\t"\nmsgstr ""\n', ("k", '"q" \\ \n\t', "")),
        ('msgctxt "k"\nmsgid "\\\\"\n"n"\nmsgstr "x"\n', ("k", "\\n", "x")),  # a \ then an n
        ('# note\n#. for translators\n#, fuzzy\n\n\nmsgctxt "k"\nmsgid "A"\nmsgstr "B"\n', None),
        ('msgctxt "k"\nmsgid "A"\nmsgstr "B"\n\n#~ msgctxt "old"\n#~ msgid "gone"\n', None),
        ('msgctxt  "k"  \n  msgid\t"A"\nmsgstr "B" \n', ("k", "A", "B")),
        ('msgctxt "k"\nmsgid "Ünïcödé ✓"\nmsgstr "ya"\n', ("k", "Ünïcödé ✓", "ya")),
    ],
)
def test_the_reader_reads_what_translation_tools_write(text, expected):
    (entry,) = read_po(text)
    assert (entry.key, entry.english, entry.text) == (expected or ("k", "A", "B"))


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('msgctxt "k"\nmsgid "A"\nmsgstr "B"\nhello\n', 4),
        ('msgctxt "k"\nmsgid "A"\n', 3),  # no msgstr
        ('msgctxt "k"\nmsgid "A\nmsgstr "B"\n', 2),  # a quote left open
        ('# one\n\nmsgctxt "k"\nmsgstr "B"\nmsgid "A"\n', 4),  # out of order
        ('msgctxt "k"\nmsgid "A"\nmsgid_plural "As"\nmsgstr[0] "B"\n', 3),  # no plural forms
        ('msgctxt "k"\nmsgid "A"\nmsgstr "B"\n\n#, fuzzy\nmsgctxt "j"\nmsgid "\\q"\nmsgstr ""', 7),
        ('msgctxt "k"\nmsgid "A"\nmsgstr "B" "C"\n', 3),  # pieces go one a line
        ('\ufeffmsgid ""\nmsgstr ""\n', 1),  # a byte-order mark is the file reader's to drop
        ('msgctxt "k"\nmsgctxt "j"\nmsgid "A"\nmsgstr "B"\n', 2),  # two keys
        ('msgctxt "k"\nmsgid "A"\n\nmsgstr "B"\n', 3),  # a blank line inside
        ('msgctxt "k"\nmsgid "A"\n#. note\nmsgstr "B"\n', 3),  # a comment inside
        ('msgctxt "k"\nmsgid\nmsgstr "B"\n', 2),  # a keyword without its text
        ('msgctxt "k"\nmsgid ""\n"A\nmsgstr "B"\n', 3),  # a piece left open
        ('"A"\nmsgctxt "k"\nmsgid "A"\nmsgstr "B"\n', 1),  # a piece of nothing
    ],
)
def test_a_file_that_does_not_parse_says_where(text, line):
    with pytest.raises(PoError, match=rf"^ms\.po:{line}: "):
        read_po(text, "ms.po")


@pytest.mark.parametrize("lang", LANGS)
def test_every_shipped_file_parses(lang):
    assert len(po_entries(lang)) > 100


# t() and the files ---------------------------------------------------------------------------


@pytest.fixture
def words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder of translation files t() reads instead of the shipped ones, read afresh."""
    monkeypatch.setattr(i18n, "PO_FOLDER", str(tmp_path))
    monkeypatch.setattr(i18n, "_LOADED", {})
    (tmp_path / "en.po").write_text(
        HEADER + '\nmsgctxt "hello"\nmsgid "Hello, {name}."\nmsgstr "Hello, {name}."\n'
        '\nmsgctxt "bye"\nmsgid "Goodbye."\nmsgstr "Goodbye."\n',
        "utf-8",
    )
    yield tmp_path


@pytest.mark.parametrize(
    ("id_po", "expected"),
    [
        ('msgctxt "hello"\nmsgid "Hello, {name}."\nmsgstr "Halo, {name}."\n', "Halo, Ana."),
        ('msgctxt "hello"\nmsgid "Hello, {name}."\nmsgstr ""\n', "Hello, Ana."),  # not yet
        (
            '#, fuzzy\nmsgctxt "hello"\nmsgid "Hello, {name}."\nmsgstr "Hai, {name}."\n',
            "Hello, Ana.",
        ),
        ('msgctxt "bye"\nmsgid "Goodbye."\nmsgstr "Dah."\n', "Hello, Ana."),  # hello lacking
        ('msgctxt "hello"\r\nmsgid "Hello, {name}."\r\nmsgstr "Halo, {name}."\r\n', "Halo, Ana."),
        ('\ufeffmsgctxt "hello"\nmsgid "Hello, {name}."\nmsgstr "Halo, {name}."\n', "Halo, Ana."),
    ],
    ids=["translated", "empty", "fuzzy", "lacking", "crlf", "bom"],
)
def test_t_reads_the_language_asked_for_and_falls_back_to_english(words, id_po, expected):
    (words / "id.po").write_bytes(id_po.encode("utf-8"))
    assert i18n.t("hello", "id", name="Ana") == expected
    with pytest.raises(KeyError):
        i18n.t("nosuch", "id")


def test_t_reads_only_the_language_asked_for(words):
    (words / "id.po").write_text("this is not a .po file\n", "utf-8")
    assert i18n.t("bye", "en") == "Goodbye."
    assert list(i18n._LOADED) == ["en"]
    with pytest.raises(PoError, match=re.escape(os.path.join(str(words), "id.po")) + ":1: "):
        i18n.t("bye", "id")
