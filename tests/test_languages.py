"""Both languages all the way: --lang anywhere, click's own words, the environment's choice."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import PLAIN_ENV
from helpers import app_commands
from rolefinder.cli.app import app


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """rolefinder in a process of its own: help texts are fixed when the module loads."""
    environ = {**os.environ, **PLAIN_ENV, **env}
    command = [sys.executable, "-m", "rolefinder", *args]
    return subprocess.run(command, capture_output=True, text=True, env=environ, timeout=60)


@pytest.mark.parametrize(
    "args", [["--lang", "id", "show", "--help"], ["show", "--help", "-l", "id"]]
)
def test_help_is_indonesian_with_lang_before_or_after_the_command(args):
    out = run(*args).stdout
    assert out.startswith("Penggunaan: rolefinder show [OPSI]")
    for english in ("Usage:", "Options:", "Show this message", "[required]", "Arguments:"):
        assert english not in out
    assert "Opsi:" in out and "Tampilkan bantuan ini lalu keluar." in out and "Contoh:" in out


@pytest.mark.parametrize(
    ("args", "indonesian"),
    [
        (["roles", "--level", "x"], "Nilai '--level' tidak valid: jenjang 'x' tidak dikenal"),
        (["roles", "--bogus"], "Opsi --bogus tidak dikenal."),
        (["show"], "Argumen 'PROFESI' belum diisi."),
        (["nope"], "Perintah 'nope' tidak dikenal."),
        (["roles", "--top"], "Opsi --top tidak dikenal."),
        (["quiz", "--top", "0"], "'--top' / '-n' tidak valid: 0 terlalu kecil (minimal 1)."),
        (["quiz", "--top", "many"], "'many' bukan bilangan bulat."),
    ],
)
def test_usage_errors_are_told_in_indonesian(args, indonesian):
    done = run("--lang", "id", *args)
    assert done.returncode == 2
    assert indonesian in done.stderr
    assert "Ketik 'rolefinder" in done.stderr and "Error: Invalid" not in done.stderr


@pytest.mark.parametrize(
    "args", [["show", "head", "of", "marketing"], ["compare", "4EZ2", "4R0S", "last"]], ids=" ".join
)
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            ["Got unexpected extra argument", "goes in quotes, as one argument: rolefinder show"],
        ),
        ("id", ["Ada argumen tambahan yang tidak dikenal", "diapit tanda kutip, sebagai satu"]),
    ],
)
def test_words_left_over_get_the_hint_to_quote_them(args, lang, said):
    done = run("--lang", lang, *args)
    assert done.returncode == 2
    for words in said:
        assert words in done.stderr, done.stderr


def test_usage_errors_stay_english_in_english():
    done = run("roles", "--level", "x")
    assert done.returncode == 2
    assert (
        "Error: Invalid value for '--level': unknown level 'x'. Choose one of: entry-level"
        in done.stderr
    )


@pytest.mark.parametrize("name", ["app", *sorted(app_commands())])
def test_every_command_has_examples_in_its_help(runner, name):
    args = ["--help"] if name == "app" else [name, "--help"]
    out = runner.invoke(app, args).stdout
    examples = out[out.index("Examples:") :]
    assert "rolefinder" in examples


def test_an_unknown_language_is_told_once_and_english_is_used():
    done = run("roles", ROLEFINDER_LANG="fr")
    assert done.returncode == 0
    assert done.stderr.count("ROLEFINDER_LANG=fr") == 1
    assert "Social media roles" in done.stdout


def test_upper_case_and_locale_style_values_work_everywhere():
    assert "Tugas" in run("show", "social-media-analyst", ROLEFINDER_LANG="ID").stdout
    assert "Tugas" in run("show", "social-media-analyst", ROLEFINDER_LANG="id_ID.UTF-8").stdout
    assert "Tugas" in run("show", "social-media-analyst", LANGUAGE="id:en").stdout


def test_version_has_a_short_flag(runner):
    from rolefinder import __version__

    for flag in ("-V", "--version"):
        assert runner.invoke(app, [flag]).stdout.strip() == f"rolefinder {__version__}"


def test_lang_before_the_command_reaches_the_command(runner):
    out = runner.invoke(app, ["--lang", "id", "show", "social-media-analyst"]).stdout
    assert "Tugas" in out
    # The command's own --lang is nearer, so it wins.
    out = runner.invoke(app, ["--lang", "id", "show", "social-media-analyst", "-l", "en"]).stdout
    assert "Duties" in out
