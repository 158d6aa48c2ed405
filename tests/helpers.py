"""Helpers shared by the test modules, which import from here and never from one another.

What is here: when CI is set, a guard against hangs, the table of bad catalogues that several
modules check (built by editing ``catalogues.MINIMAL``), every UI string as each language's
translation file has it, and the app's own list of commands with one way to run each of them
without a prompt.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from catalogues import MINIMAL
from conftest import PLAIN_ENV
from personas import PERSONAS
from rolefinder.catalogue.load import MAX_BYTES
from rolefinder.words.i18n import PO_FOLDER, PoEntry, PoError, read_po
from rolefinder.words.languages import LANGS

# CI -------------------------------------------------------------------------------------------


def ci_is_set() -> bool:
    """Whether this is a CI run: the CI variable is set, and not empty, "0" or "false".

    Under CI a test that cannot run here (no Chromium, no YAML test suite) fails instead of
    skipping, so that a green run means the test really ran.
    """
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false")


# Hangs ----------------------------------------------------------------------------------------


@contextmanager
def no_hang(seconds: int = 5) -> Iterator[None]:
    """Fail (not wait forever) if loading hangs; a guard, not a timing."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# Bad catalogues -------------------------------------------------------------------------------

# MINIMAL, numbered, for reading the rows below:
#  1 traits:
#  2   - {id: creative, name: {en: Creative, id: Kreatif}, description: {...}}
#  3 roles:
#  4   - id: designer
#  5     name: {en: Designer, id: Desainer}
#  6     summary: {en: Draws, id: Menggambar}
#  7     duties: [{en: Draw, id: Menggambar}]
#  8     skills: []
#  9     level: entry
# 10     profile: {creative: 1}
# 11     related: []
# 12     way_in: {en: A portfolio, id: Portofolio}
# 13 questions:
# 14   - id: q1
# 15     prompt: {en: Pick, id: Pilih}
# 16     options:
# 17       - {id: a, text: {en: A, id: A}, weights: {creative: 1}}
# 18       - {id: b, text: {en: B, id: B}, weights: {creative: 2}}


def edit(old: str, new: str) -> str:
    """MINIMAL with the first ``old`` replaced by ``new``; ``old`` must be there."""
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


OPTION_B = "      - {id: b, text: {en: B, id: B}, weights: {creative: 2}}\n"
EXTRA_QUESTION = (
    "  - id: q1\n    prompt: {en: P, id: P}\n    options:\n"
    "      - {id: a, text: {en: A, id: A}, weights: {creative: 1}}\n"
    "      - {id: b, text: {en: B, id: B}, weights: {creative: 1}}\n"
)

# One row a bad catalogue: name, file content, exit code, line (None: no position), message.
BAD = [
    ("top-level typo", edit("roles:", "rolez:"), 1, 3, "unknown field 'rolez'"),
    (
        "unknown role field",
        edit("    level: entry\n", "    level: entry\n    colour: red\n"),
        1,
        10,
        "unknown field 'colour'",
    ),
    ("missing field", edit("    level: entry\n", ""), 1, 4, "missing required field 'level'"),
    (
        "wrong type",
        edit("skills: []", "skills: Draw"),
        1,
        8,
        "skills: expected a list, found a text",
    ),
    (
        "empty roles",
        MINIMAL.split("roles:")[0] + "roles: []\nquestions:" + MINIMAL.split("questions:")[1],
        1,
        3,
        "roles: needs at least 1 item(s), found 0",
    ),
    (
        "empty questions",
        MINIMAL.split("questions:")[0] + "questions: []\n",
        1,
        13,
        "questions: needs at least 1 item(s), found 0",
    ),
    (
        "unknown trait in a profile",
        edit("profile: {creative: 1}", "profile: {creatve: 1}"),
        1,
        10,
        "unknown trait 'creatve'",
    ),
    (
        "unknown trait in weights",
        edit("weights: {creative: 1}", "weights: {creativ: 1}"),
        1,
        17,
        "unknown trait 'creativ'",
    ),
    (
        "negative weight",
        edit("weights: {creative: 2}", "weights: {creative: -2}"),
        1,
        18,
        "must be a finite number of 0 or more",
    ),
    (
        "NaN weight",
        edit("weights: {creative: 2}", "weights: {creative: .nan}"),
        1,
        18,
        "must be a finite number of 0 or more, found nan",
    ),
    (
        "infinite weight",
        edit("weights: {creative: 2}", "weights: {creative: .inf}"),
        1,
        18,
        "must be a finite number of 0 or more, found inf",
    ),
    (
        "weight not a number",
        edit("weights: {creative: 2}", "weights: {creative: lots}"),
        1,
        18,
        "expected a number, found a text",
    ),
    (
        "zero profile",
        edit("profile: {creative: 1}", "profile: {creative: 0}"),
        1,
        10,
        "needs at least one trait with a weight above 0",
    ),
    ("id read as false", edit("id: q1", "id: no"), 1, 14, "expected a text, found true/false"),
    (
        "text read as a date",
        edit("{en: Draws,", "{en: 2024-02-30,"),
        1,
        6,
        "expected a text, found a date (2024-02-30); put it in quotes",
    ),
    (
        "version read as 1.1",
        "version: 1.10\n" + MINIMAL,
        1,
        1,
        "version: expected a text, found a number (1.1); put it in quotes",
    ),
    ("reserved option id", edit("{id: b,", "{id: skip,"), 1, 18, "'skip' is reserved"),
    (
        "unknown related role",
        edit("related: []", "related: [writer]"),
        1,
        11,
        "unknown role 'writer'",
    ),
    ("too few options", MINIMAL.replace(OPTION_B, ""), 1, 16, "needs at least 2 item(s), found 1"),
    ("duplicate option id", edit("{id: b,", "{id: a,"), 1, 18, "duplicate option id 'a'"),
    ("duplicate question id", MINIMAL + EXTRA_QUESTION, 1, 19, "duplicate question id 'q1'"),
    (
        "duplicate trait id",
        edit(
            "roles:",
            "  - {id: creative, name: {en: C, id: K}, description: {en: D, id: D}}\nroles:",
        ),
        1,
        3,
        "duplicate trait id 'creative'",
    ),
    (
        "duplicate key",
        edit("    level: entry\n", "    level: entry\n    level: mid\n"),
        1,
        10,
        "duplicate key 'level' (first on line 9)",
    ),
    (
        "anchor",
        edit("profile: {creative: 1}", "profile: &p {creative: 1}"),
        1,
        10,
        "anchors (&p) are not allowed",
    ),
    (
        "alias",
        edit("profile: {creative: 1}", "profile: &p {creative: 1}").replace(
            "weights: {creative: 1}", "weights: *p"
        ),
        1,
        17,
        "alias bomb",
    ),
    (
        "python tag",
        edit(
            "summary: {en: Draws, id: Menggambar}",
            "summary: !!python/object/apply:os.system [echo pwned]",
        ),
        1,
        6,
        "tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed",
    ),
    (
        "custom tag",
        edit("{en: Draws,", "{en: !shout Draws,"),
        1,
        6,
        "tags (!shout) are not allowed",
    ),
    (
        "escape sequence",
        edit("{en: Draws,", '{en: "\\e[2J\\e[HDraws",'),
        1,
        6,
        "contains the invisible or control character U+001B",
    ),
    (
        "clipboard write (OSC 52)",
        edit("{en: Draws,", '{en: "\\e]52;c;aGk=\\a",'),
        1,
        6,
        "contains the invisible or control character U+001B",
    ),
    (
        "bell",
        edit("{en: Draws,", '{en: "Draws\\a",'),
        1,
        6,
        "contains the invisible or control character U+0007",
    ),
    (
        "bidi override",
        edit("{en: Draws,", '{en: "Draws \u202etxt.exe",'),
        1,
        6,
        "contains the invisible or control character U+202E",
    ),
    (
        "zero-width space",
        edit("{en: Draws,", '{en: "Dr\u200baws",'),
        1,
        6,
        "contains the invisible or control character U+200B",
    ),
    ("non-text key", "1: one\n" + MINIMAL, 1, 1, "keys must be plain text"),
    ("too deep", "traits: " + "[" * 40 + "]" * 40 + "\n", 1, 1, "nested more than 16 levels deep"),
    ("two documents", MINIMAL + "---\nmore: 1\n", 1, 19, "only one YAML document is allowed"),
    ("a list, not a mapping", "- just\n- a list\n", 1, 1, "expected a mapping, found a list"),
    ("empty file", "", 1, None, "expected a mapping, found empty"),
    ("comments only", "# nothing here\n", 1, None, "expected a mapping, found empty"),
    ("syntax error", "traits: [unclosed\n", 1, 2, "YAML syntax error"),
    ("bad indentation", "traits:\n  - id: a\n - id: b\n", 1, 3, "YAML syntax error"),
    ("tab indentation", "traits:\n\t- id: a\n", 1, 2, "YAML syntax error"),
]

# Files that cannot be read as text at all: name, bytes, message.
UNREADABLE = [
    ("not UTF-8", b"traits: caf\xe9\n", "is not UTF-8 text (bad byte at offset 11)"),
    ("UTF-16 without its mark", "traits: [café]\n".encode("utf-16-le"), "is not UTF-8 text"),
    ("over 32 MiB", b"# " + b"x" * MAX_BYTES + b"\n", "is larger than 32 MiB"),
]


# Messages -------------------------------------------------------------------------------------

PO_FILES = {lang: Path(PO_FOLDER) / f"{lang}.po" for lang in LANGS}


def po_entries(lang: str) -> list[PoEntry]:
    """The entries of ``lang``'s translation file, its header first, as the app reads them."""
    return read_po(PO_FILES[lang].read_text("utf-8"), str(PO_FILES[lang]))


def _messages() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        try:
            entries = po_entries(lang)
        except PoError:  # a test fails on it (test_translations), not every module's import
            continue
        for entry in entries:
            if entry.key is not None and entry.text and not entry.fuzzy:
                table.setdefault(entry.key, {})[lang] = entry.text
    return table


# Every UI string, {key: {language: text}}: the texts each language's file translates, so a
# message some language lacks (or has only as a guess marked fuzzy) lacks that language here.
MESSAGES = _messages()


# Commands -------------------------------------------------------------------------------------


def app_commands() -> dict[str, Any]:
    """The app's own commands, by name (click commands): what "every command" means in a test."""
    from typer.main import get_command

    from rolefinder.cli.app import app

    return dict(get_command(app).commands)  # type: ignore[attr-defined]


def help_pages(lang: str, widths: Sequence[int]) -> dict[tuple[str, int], str]:
    """Every command's --help (and rolefinder's own, as "app") at each width (COLUMNS), in
    ``lang`` as the locale gives it (LANG): in one fresh process, since the help's language is
    fixed when the CLI loads."""
    script = (
        "import json, sys\n"
        "from typer.main import get_command\n"
        "from typer.testing import CliRunner\n"
        "from rolefinder.cli.app import app\n"
        "names = ['app', *get_command(app).commands]\n"
        "pages = {}\n"
        "for width in json.loads(sys.argv[1]):\n"
        "    for name in names:\n"
        "        args = ['--help'] if name == 'app' else [name, '--help']\n"
        "        done = CliRunner().invoke(app, args, env={'COLUMNS': str(width)})\n"
        "        assert done.exit_code == 0, (name, done.output)\n"
        "        pages[f'{name} {width}'] = done.stdout\n"
        "print(json.dumps(pages))\n"
    )
    env = {**os.environ, **PLAIN_ENV, "LANG": f"{lang}.UTF-8"}  # the locale names the language
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(list(widths))],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    pages = json.loads(done.stdout)
    return {(key.split()[0], int(key.split()[1])): text for key, text in pages.items()}


# One way to run each command to the end with nothing to ask: the words after its name.
# "{sheet}" is the graphic designer's answer sheet (PERSONAS) and "{code}" the result code of
# that sheet, both made by one_shot(); "{code2}" is the code of SECOND_ROLE's sheet. test_layers
# checks that every command has a row.
ONE_SHOT: dict[str, list[str]] = {
    "quiz": ["--answers", "{sheet}"],
    "result": ["{code}"],
    "compare": ["{code}", "{code2}"],
    "schema": [],
    "questions": [],
    "roles": [],
    "show": ["social-media-analyst"],
    "validate": [],
    "history": [],  # conftest.private_history starts the tests' history with SHEET_ROLE's result
    "class": ["{sheet}", "--out", "{out}", "--force"],
}
SHEET_ROLE = "graphic-designer"  # whose sheet "{sheet}" and "{code}" stand for
SECOND_ROLE = "social-media-analyst"  # whose sheet "{code2}" stands for


def one_shot(name: str, folder: Path) -> list[str]:
    """The command line for ``name`` from ONE_SHOT, with its sheet written into ``folder``."""
    args = [name, *ONE_SHOT[name]]
    sheet = folder / "one-shot-sheet.json"
    if "{sheet}" in args:
        sheet.write_text(json.dumps(PERSONAS[SHEET_ROLE]), "utf-8")
    codes = {"{code}": SHEET_ROLE, "{code2}": SECOND_ROLE}
    args = [result_code(PERSONAS[codes[arg]]) if arg in codes else arg for arg in args]
    places = {"{sheet}": str(sheet), "{out}": str(folder / "class-results")}
    return [places.get(arg, arg) for arg in args]


def result_code(sheet: dict[str, str], lang: str = "en") -> str:
    """The result code of ``sheet`` on the shipped catalogue, as the quiz prints it."""
    from rolefinder import load_catalogue
    from rolefinder.assess.codes import encode

    return encode(load_catalogue(), sheet, lang)


# --- Long classes and the processes they start -----------------------------------------------


def class_export(path: Path, catalogue: Any, rows: int, seed: int = 5) -> None:
    """A Google Forms export of ``rows`` students of ``catalogue`` (each answering every
    question at random, in Indonesian or English), written a row at a time."""
    import csv
    import random

    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        prompts = [q.prompt.get("id") for q in catalogue.questions]
        writer.writerow(["Stempel waktu", "Alamat email", "Nama", *prompts])
        for n in range(rows):
            lang = "en" if n % 3 == 0 else "id"
            answers = [rng.choice(q.options).text.get(lang) for q in catalogue.questions]
            writer.writerow(["24/11/2026 09.00.00", f"s{n}@sekolah.sch.id", f"Siswa {n}", *answers])


def descendants(pid: int) -> dict[int, str]:
    """The processes below ``pid`` (Linux's /proc), each with its command line."""
    found: dict[int, str] = {}
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            for child in map(int, (task / "children").read_text().split()):
                command = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
                found[child] = command.decode(errors="replace")
                found.update(descendants(child))
    return found


def running(pid: int) -> bool:
    """Whether ``pid`` is a process still running (a zombie, ended but not yet reaped by its
    new parent, is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


# --- Headless Chromium, for the result cards and the class summary ---------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium_runner(profile: Path, what: str) -> Any:
    """A function that runs headless Chromium with ``profile``, no network and the given
    arguments, and returns its stdout; skips without Chromium (fails under CI: ``what`` must
    be checked in a browser)."""
    import pytest

    if CHROMIUM is None:
        message = "no Chromium here (Debian package 'chromium')"
        if ci_is_set():
            pytest.fail(f"{message}: under CI {what} must be checked in a browser")
        pytest.skip(message)

    def run(*args: str) -> str:
        command = [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--allow-file-access-from-files",  # the measuring page reads the page in its frame
            "--host-resolver-rules=MAP * ~NOTFOUND",  # a page that fetched would show it
            f"--user-data-dir={profile}",
            *args,
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    return run


def measured(chromium: Any, frame: Path, width: int, height: int) -> dict[str, Any]:
    """What the measuring page ``frame`` wrote into its <pre id="measure">, as JSON."""
    dom = chromium(
        f"--window-size={max(width, 500)},{height}",
        "--virtual-time-budget=5000",
        "--dump-dom",
        frame.as_uri(),
    )
    found = re.search(r'<pre id="measure">(.+?)</pre>', dom, flags=re.S)
    assert found, "the measuring page wrote nothing:\n" + dom[-1000:]
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


def check_screenshot(shot: Path, width: int) -> None:
    """A real PNG screenshot, ``width`` pixels wide, not a blank page."""
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == width
    assert len(data) > 10_000  # a blank page compresses to a few hundred bytes


def luminance(colour: str) -> float:
    """WCAG relative luminance of a CSS rgb() colour."""
    channels = [int(value) / 255 for value in re.findall(r"[\d.]+", colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
