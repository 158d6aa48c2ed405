"""The languages rolefinder speaks, and choosing one.

Everything that differs between languages is data here or in a table keyed by these codes:
the UI strings (one gettext file a language, ``words/<code>.po``, read by i18n), the
catalogue's texts (model.Text), how numbers are written. Adding a language is adding its code
to Lang and LANGS, a row to each table below, its .po file (a copy of another one, translated),
its name to every .po file (``problem_lang_<code>``) and its texts to the catalogue; until
then its missing texts are English ones. tests/test_registry.py and tests/test_translations.py
say what is missing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

Lang = Literal["en", "id"]
LANGS: tuple[Lang, ...] = ("en", "id")  # the order of result codes' language character
FALLBACK: Lang = "en"  # when nothing says which language to use

LANG_ENV = "ROLEFINDER_LANG"

# Names a locale or a user may give a language by, beyond its code.
ALIASES: Mapping[str, Lang] = {
    "english": "en",
    "eng": "en",
    "indonesian": "id",
    "in": "id",  # Java's old code for Indonesian
    "ind": "id",
}

# How numbers are written: (thousands separator, decimal mark).
NUMBER_MARKS: Mapping[Lang, tuple[str, str]] = {"en": (",", "."), "id": (".", ",")}


def _language(value: str) -> str:
    """The language part of a locale name: 'id_ID.UTF-8' -> 'id', 'Indonesian_Indonesia' -> 'id'."""
    name = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].strip().lower()
    return ALIASES.get(name, name)


def parse_lang(value: str) -> Lang | None:
    """``value`` as one of LANGS ('ID', 'id_ID.UTF-8' and 'Indonesian' are all 'id'), or None."""
    language = _language(value)
    return next((lang for lang in LANGS if lang == language), None)


def unknown_lang(environ: Mapping[str, str] | None = None) -> str | None:
    """ROLEFINDER_LANG's value when it names no language rolefinder has, else None."""
    env = os.environ if environ is None else environ
    chosen = env.get(LANG_ENV, "").strip()
    return chosen if chosen and parse_lang(chosen) is None else None


def detect_lang(environ: Mapping[str, str] | None = None, system: str | None = None) -> Lang:
    """The language to use when none is given.

    ROLEFINDER_LANG first (an unknown value is passed over: see unknown_lang), then the
    locale as gettext reads it: LANGUAGE (a list, the first language we have wins), LC_ALL,
    LC_MESSAGES, LANG; then the platform's own setting (Windows keeps it outside the
    environment); FALLBACK when nothing says otherwise. ``system`` stands in for the
    platform's setting in tests.
    """
    env = os.environ if environ is None else environ
    chosen = parse_lang(env.get(LANG_ENV, ""))
    if chosen is not None:
        return chosen
    for entry in env.get("LANGUAGE", "").split(":"):
        found = parse_lang(entry)
        if found is not None:
            return found
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value:  # the first one set wins, as in POSIX
            return parse_lang(value) or FALLBACK
    if system is None and environ is None and os.name == "nt":  # pragma: no cover - Windows
        import locale

        system = locale.getlocale()[0] or ""
    return parse_lang(system or "") or FALLBACK


def number(value: float, lang: Lang, digits: int = 0) -> str:
    """``value`` written the way readers of ``lang`` write numbers: 10,000.5 or 10.000,5."""
    thousands, decimal = NUMBER_MARKS[lang]
    return f"{value:,.{digits}f}".translate(str.maketrans(",.", thousands + decimal))
