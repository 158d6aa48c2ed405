"""Catalogue problems are data (a message key and its values), told in the user's language.

Every problem key exists in English and Indonesian with the same placeholders; `validate`,
`--catalogue` and `quiz --answers` tell problems in Indonesian with `--lang id`, keeping the
``SOURCE:LINE:COLUMN: path:`` prefix exactly as in English.
"""

from __future__ import annotations

import errno
import io
import json
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

import rolefinder.catalogue.yamlfile as yamlfile
from catalogues import MINIMAL, write
from helpers import BAD, MESSAGES, UNREADABLE, edit
from rolefinder import CatalogueError, load_catalogue
from rolefinder.catalogue import cache
from rolefinder.catalogue.load import check_catalogue, load_answers
from rolefinder.catalogue.schema import build_catalogue
from rolefinder.cli.app import app
from rolefinder.cli.base import World
from rolefinder.errors import AnswersError, Phrase, Problem, Refused
from rolefinder.words.languages import LANGS

SRC = Path(__file__).resolve().parents[1] / "src" / "rolefinder"
KEY = re.compile(r"""["'](problem_[a-z0-9_]+)["']""")
USED = sorted(
    {
        key
        for path in SRC.rglob("*.py")
        if path.name != "i18n.py"
        for key in KEY.findall(path.read_text("utf-8"))
    }
    # The name of each language, built as f"problem_lang_{lang}" by the text checks.
    | {f"problem_lang_{lang}" for lang in LANGS}
)
PROBLEM_KEYS = sorted(key for key in MESSAGES if key.startswith("problem_"))


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_the_code_uses_problem_keys():
    assert len(USED) > 40, USED


@pytest.mark.parametrize("key", USED)
def test_every_problem_key_exists_in_both_languages_with_the_same_placeholders(key):
    assert key in MESSAGES
    english, indonesian = MESSAGES[key]["en"], MESSAGES[key]["id"]
    assert english.strip() and indonesian.strip()
    assert placeholders(english) == placeholders(indonesian)
    # t(key, lang, **values) would take these two for its own arguments
    assert not placeholders(english) & {"key", "lang"}


def test_every_problem_message_is_used():
    assert PROBLEM_KEYS == USED


def keys_of(value: Problem | Phrase) -> Iterator[tuple[str, set[str]]]:
    """Each key in a problem, with the names of the values given for it, phrases included."""
    yield value.key, set(value.values)
    for inner in value.values.values():
        if isinstance(inner, Phrase):
            yield from keys_of(inner)


def every_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    """The problems of every bad catalogue and answer sheet in these tests, and of the ways
    a file cannot be read at all."""
    found: list[Problem] = []
    path = tmp_path / "roles.yaml"
    for _, text, *_ in [*BAD, *TOLD, *MORE]:
        path.write_text(text, encoding="utf-8")
        report = check_catalogue(path)
        found += report.problems + report.warnings
    for _, data, _ in UNREADABLE:
        path.write_bytes(data)
        found += check_catalogue(path).problems
    found += check_catalogue(tmp_path / "nope.yaml").problems + check_catalogue(tmp_path).problems
    found += build_catalogue({"traits": (), "roles": [], "questions": []})[1]
    for stdin in (io.BytesIO(b"monday: yes\n"), io.BytesIO(b"monday: [numbers\n"), None):
        with pytest.raises(AnswersError) as caught:
            load_answers("-", stdin)
        found.append(caught.value.problem)
    for error in (PermissionError(), OSError(errno.EIO, "Input/output error")):
        with monkeypatch.context() as patch:
            patch.setattr(Path, "open", refusing(error))
            found += check_catalogue(path).problems
    with monkeypatch.context() as patch:
        patch.setattr(yamlfile, "SafeLoader", Unparsable)
        with pytest.raises(Refused) as refused:
            yamlfile.read_yaml("traits: []\n")
        found.append(refused.value.problem)
    return found


def refusing(error: OSError):
    """An ``open`` that fails with ``error``."""

    def open_(*args, **kwargs):
        raise error

    return open_


class Unparsable:
    """A YAML loader that fails without saying why, as PyYAML can."""

    def __init__(self, text: str) -> None:
        pass

    def check_event(self) -> bool:
        raise yaml.MarkedYAMLError()

    def dispose(self) -> None:
        pass


def test_every_problem_key_is_reached_and_given_exactly_its_values(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    reached: set[str] = set()
    for problem in every_problem(tmp_path, monkeypatch):
        for key, names in keys_of(problem):
            reached.add(key)
            assert names == placeholders(MESSAGES[key]["en"]), (key, problem)
        assert problem.text("id") != problem.text("en"), problem
    assert reached == set(PROBLEM_KEYS)


# One row a case: name, catalogue, "LINE:COLUMN: path: " (or ""), English and Indonesian message.
# The English is what rolefinder has always said; the Indonesian follows the same prefix.
TOLD = [
    (
        "unknown trait",
        edit("profile: {creative: 1}", "profile: {creatve: 1}"),
        "10:15: roles[0].profile.creatve: ",
        "unknown trait 'creatve' (known: creative)",
        "tipe 'creatve' tidak dikenal (yang ada: creative)",
    ),
    (
        "wrong kind",
        edit("skills: []", "skills: Draw"),
        "8:5: roles[0].skills: ",
        "expected a list, found a text",
        "seharusnya berupa list, tetapi isinya teks",
    ),
    (
        "number for a text",
        edit("{en: Draws,", "{en: 5,"),
        "6:15: roles[0].summary.en: ",
        "expected a text, found a number (5); put it in quotes",
        "seharusnya berupa teks, tetapi isinya angka (5); apit dengan tanda kutip",
    ),
    (
        "missing field",
        edit("    level: entry\n", ""),
        "4:5: roles[0]: ",
        "missing required field 'level'",
        "kunci wajib 'level' belum ada",
    ),
    (
        "duplicate option id",
        edit("{id: b,", "{id: a,"),
        "18:10: questions[0].options[1].id: ",
        "duplicate option id 'a'",
        "id pilihan 'a' muncul lebih dari sekali",
    ),
    (
        "level",
        edit("level: entry", "level: junior"),
        "9:5: roles[0].level: ",
        "must be one of entry, mid, senior, found 'junior'",
        "harus salah satu dari entry, mid, senior, tetapi isinya 'junior'",
    ),
    (
        "duplicate key",
        edit("    level: entry\n", "    level: entry\n    level: mid\n"),
        "10:5: roles[0].level: ",
        "duplicate key 'level' (first on line 9); "
        "YAML would silently keep only the last one: merge or rename them",
        "kunci 'level' muncul lebih dari sekali (pertama di baris 9); "
        "YAML diam-diam hanya akan menyimpan yang terakhir: gabungkan atau ganti namanya",
    ),
    (
        # PyYAML's own phrase stays as it is, quoted in Indonesian
        "syntax error",
        "traits: [unclosed\n",
        "2:1: ",
        "YAML syntax error: did not find expected ',' or ']'",
        "kesalahan sintaks YAML (pesan asli dalam bahasa Inggris: "
        "\"did not find expected ',' or ']'\")",
    ),
    (
        "empty file",
        "",
        "",
        "expected a mapping, found empty",
        "seharusnya berupa mapping, tetapi isinya kosong",
    ),
]

OUTLOOK = (
    "  - id: {id}\n    kind: outlook\n    prompt: {{en: P, id: P}}\n    options:\n"
    "      - {{id: a, text: {{en: A, id: A}}, outlook: sure}}\n"
    "      - {{id: b, text: {{en: B, id: B}}, outlook: torn}}\n"
)
ROLE = (
    "  - {id: designer, name: {en: D, id: D}, summary: {en: S, id: S}, duties: [{en: D, id: D}],"
    " skills: [], level: entry, profile: {creative: 1}, related: []}\n"
)

# More bad catalogues, for problems no other table here reaches.
MORE = [
    ("years below 0", edit("    level: entry\n", "    level: entry\n    years: {min: -1}\n")),
    (
        "max below min",
        edit("    level: entry\n", "    level: entry\n    years: {min: 3, max: 1}\n"),
    ),
    ("related to itself", edit("related: []", "related: [designer]")),
    ("unknown kind", edit("  - id: q1\n", "  - id: q1\n    kind: weird\n")),
    ("two outlook questions", MINIMAL + OUTLOOK.format(id="o1") + OUTLOOK.format(id="o2")),
    ("a mapping for a list", edit("skills: []", "skills: {a: b}")),
    ("duplicate role id", edit("questions:", ROLE + "questions:")),
    ("no text at all", edit("{en: Draws, id: Menggambar}", "{}")),
    ("empty text", edit("{en: Draws, id: Menggambar}", "{en: ' ', id: x}")),
    ("only Indonesian", edit("{en: Draws, id: Menggambar}", "{id: Menggambar}")),
    ("only English", edit("{en: Draws, id: Menggambar}", "{en: Draws}")),
    ("weights as a list", edit("weights: {creative: 1}", "weights: [1]")),
    ("bad id", edit("id: designer", "id: Designer")),
    ("two missing fields", edit("    level: entry\n    profile: {creative: 1}\n", "")),
    ("key not text", "null: 1\n" + MINIMAL),
    ("list as a key", "? [a]\n: 1\n" + MINIMAL),
    ("a NUL character", "traits: \x00\n"),
    ("aliases everywhere", "x: &x 1\n" + "".join(f"t{i}: [*x, *x]\n" for i in range(60))),
    (
        "too many problems",
        "traits:\n" + "".join(f"  - {{id: T{i}, name: x, description: y}}\n" for i in range(40)),
    ),
]


@pytest.mark.parametrize(
    ("text", "where", "english", "indonesian"), [r[1:] for r in TOLD], ids=[r[0] for r in TOLD]
)
def test_validate_tells_problems_in_the_users_language(
    runner, tmp_path, text, where, english, indonesian
):
    path = write(tmp_path, text)
    told = runner.invoke(app, ["validate", str(path)])
    translated = runner.invoke(app, ["validate", str(path), "--lang", "id"])
    assert told.exit_code == translated.exit_code == 1
    prefix = f"{path}:{where}" if where else f"{path}: "
    assert f"{prefix}{english}" in told.stdout.splitlines()
    assert f"{prefix}{indonesian}" in translated.stdout.splitlines()
    assert english not in translated.stdout


def test_every_problem_line_keeps_its_place_in_indonesian(runner, tmp_path):
    for name, text, *_ in BAD:
        path = write(tmp_path, text)
        report = check_catalogue(path)
        told = runner.invoke(app, ["validate", str(path)]).stdout.splitlines()
        translated = runner.invoke(app, ["validate", str(path), "--lang", "id"]).stdout
        for problem in report.problems:
            english = problem.describe(str(path), "en")
            indonesian = problem.describe(str(path), "id")
            assert english in told, name
            assert indonesian in translated.splitlines(), name
            prefix = english[: len(english) - len(problem.text("en"))]
            assert indonesian == prefix + problem.text("id"), name


def test_a_warning_is_told_in_indonesian(runner, tmp_path):
    path = write(tmp_path, edit("{en: Draws, id: Menggambar}", "{en: Draws}"))
    result = runner.invoke(app, ["validate", str(path), "--lang", "id"])
    assert result.exit_code == 0
    assert (
        f"peringatan: {path}:6:5: roles[0].summary: hanya dalam bahasa Inggris; "
        "pembaca berbahasa Indonesia akan melihat teks bahasa Inggris"
    ) in result.stdout.splitlines()


def test_a_bad_catalogue_option_follows_the_language_of_the_environment(runner, tmp_path):
    path = write(tmp_path, edit("profile: {creative: 1}", "profile: {creatve: 1}"))
    result = runner.invoke(app, ["roles", "--catalogue", str(path)], env={"ROLEFINDER_LANG": "id"})
    assert result.exit_code == 1
    assert (
        f"{path}:10:15: roles[0].profile.creatve: tipe 'creatve' tidak dikenal (yang ada: creative)"
    ) in result.stderr
    missing = runner.invoke(
        app, ["roles", "--catalogue", str(tmp_path / "nope.yaml"), "--lang", "id"]
    )
    assert f"{tmp_path / 'nope.yaml'}: file tidak ditemukan; periksa lokasinya" in missing.stderr


@pytest.mark.parametrize(
    ("text", "english", "indonesian"),
    [
        (
            "monday: false\n",
            "<stdin>: the answer to 'monday' must be an option id, found False; put it in quotes",
            "<stdin>: jawaban untuk 'monday' harus berupa id pilihan, tetapi isinya False; "
            "apit dengan tanda kutip",
        ),
        (
            "monday: &a numbers\n",
            "<stdin>:1:9: monday: anchors (&a) are not allowed; write each value out in full",
            "<stdin>:1:9: monday: anchor (&a) tidak diizinkan; tulis setiap nilai secara lengkap",
        ),
    ],
    ids=["false", "anchor"],
)
def test_a_bad_answer_sheet_is_told_in_indonesian(runner, text, english, indonesian):
    world = World(interactive=False)
    told = runner.invoke(app, ["quiz", "--answers", "-"], input=text, obj=world)
    translated = runner.invoke(
        app, ["quiz", "--answers", "-", "--lang", "id"], input=text, obj=World(interactive=False)
    )
    assert told.exit_code == translated.exit_code == 1
    assert english in told.stderr
    assert indonesian in translated.stderr


def test_a_stale_cache_entry_is_parsed_again_not_a_crash(tmp_path, monkeypatch):
    # Warnings are kept beside the catalogue. An entry whose warning cannot be told (a message
    # key from another version) is dropped when it is read, not when the warning is shown.
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    path = write(tmp_path, edit("{en: Draws, id: Menggambar}", "{en: Draws}"))
    first = check_catalogue(path)
    (entry,) = folder.glob("catalogue-*.json")
    kept = json.loads(entry.read_bytes())
    kept["warnings"][0][0] = "problem_from_another_version"
    entry.write_text(json.dumps(kept), "utf-8")
    again = check_catalogue(path)
    assert again.warnings == first.warnings
    assert again.warnings[0].describe("roles.yaml", "id").startswith("roles.yaml:6:5: ")


def test_a_problem_still_has_its_english_message(tmp_path):
    # README: each problem of a CatalogueError has .path, .line, .column and .message
    path = write(tmp_path, edit("profile: {creative: 1}", "profile: {creatve: 1}"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    (problem,) = [p for p in caught.value.problems if p.key == "problem_unknown_trait"]
    assert problem.message == "unknown trait 'creatve' (known: creative)"
    assert (problem.path, problem.line, problem.column) == ("roles[0].profile.creatve", 10, 15)
    assert (
        f"{path}:10:15: roles[0].profile.creatve: tipe 'creatve' tidak dikenal (yang ada: creative)"
    ) in caught.value.describe("id").splitlines()
