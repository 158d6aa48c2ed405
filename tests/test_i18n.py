"""Every UI string exists in both languages, and every key the code asks for exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from rolefinder.i18n import MESSAGES, detect_lang

SRC = Path(__file__).resolve().parents[1] / "src" / "rolefinder"
USED = sorted(
    {
        key
        for path in SRC.glob("*.py")
        for key in re.findall(r"""\bt\(\s*["']([a-z_]+)["']""", path.read_text("utf-8"))
    }
)


@pytest.mark.parametrize("key", USED)
def test_every_key_the_code_uses_exists(key):
    assert key in MESSAGES


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_have_the_same_placeholders(key):
    english, indonesian = MESSAGES[key]
    assert english.strip() and indonesian.strip()

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert fields(english) == fields(indonesian)


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
    ],
)
def test_language_detection(env, expected):
    assert detect_lang(env) == expected
