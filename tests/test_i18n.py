"""Every key the code asks for exists, and the language is found and numbers written as the
user's language does (the translation files themselves: tests/test_translations.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import MESSAGES
from rolefinder.words.languages import detect_lang

SRC = Path(__file__).resolve().parents[1] / "src" / "rolefinder"
USED = sorted(
    {
        key
        for path in SRC.rglob("*.py")
        for key in re.findall(r"""\bt\(\s*["']([a-z_]+)["']""", path.read_text("utf-8"))
    }
)


def test_the_code_uses_message_keys():
    # the test below is parametrized over USED: were the search to find none, it would skip
    assert len(USED) > 40, USED


@pytest.mark.parametrize("key", USED)
def test_every_key_the_code_uses_exists(key):
    assert key in MESSAGES


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "en"),
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "id"}, "id"),
        ({"LANG": "en_ID"}, "en"),
        ({"LC_ALL": "C", "LANG": "id_ID"}, "en"),
        ({"ROLEFINDER_LANG": "ID"}, "id"),
        ({"ROLEFINDER_LANG": "fr", "LANG": "id_ID"}, "id"),
        ({"ROLEFINDER_LANG": "id_ID.UTF-8"}, "id"),
        ({"LANGUAGE": "fr:id:en", "LANG": "en_US.UTF-8"}, "id"),  # gettext's list comes first
        ({"LANGUAGE": "fr", "LANG": "id_ID.UTF-8"}, "id"),  # none we have: on to the locale
    ],
)
def test_language_detection(env, expected):
    assert detect_lang(env) == expected


@pytest.mark.parametrize(
    ("system", "expected"),
    [("Indonesian_Indonesia", "id"), ("id_ID", "id"), ("English_United States", "en"), ("", "en")],
)
def test_the_platform_locale_counts_when_the_environment_says_nothing(system, expected):
    assert detect_lang({}, system) == expected


@pytest.mark.parametrize(
    ("value", "digits", "en", "id_"),
    [
        (10000, 0, "10,000", "10.000"),
        (19.64, 1, "19.6", "19,6"),
        (1234567.5, 1, "1,234,567.5", "1.234.567,5"),
    ],
)
def test_numbers_are_written_the_way_each_language_writes_them(value, digits, en, id_):
    from rolefinder.words.languages import number

    assert number(value, "en", digits) == en
    assert number(value, "id", digits) == id_
