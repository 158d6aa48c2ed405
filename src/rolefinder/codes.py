"""Result codes: a short code that holds the catalogue's identity and the answers. Pure: no I/O.

Layout, in Crockford base32 (digits and letters without I, L, O, U; case does not matter):
one character of format version, three characters of catalogue fingerprint, one character for
the language the quiz was taken in (its place in LANGS; version 2 had none), the answers as
one number (each question a digit: 0 not asked, 1 + the option's position, or one past the
last option for "skip"), and one check character. Hyphens every four characters make it easy
to read out. An adaptive sitting leaves most of the bank unasked; those digits are 0.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from typing import NamedTuple

from rolefinder.errors import CodeError
from rolefinder.i18n import LANGS, Lang
from rolefinder.model import SKIP, Catalogue

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})
FINGERPRINT_LENGTH = 3
VERSION = "3"  # 1.1's codes had no version character; a future layout takes the next one
WITHOUT_LANGUAGE = "2"  # the layout before the language character: still read


class Decoded(NamedTuple):
    """What a result code holds."""

    answers: dict[str, str]
    lang: Lang | None  # the quiz's language; None for codes made before codes kept it


def fingerprint(catalogue: Catalogue) -> str:
    """Three characters that change whenever anything that scoring reads changes."""
    scoring = (
        [t.id for t in catalogue.traits],
        [(r.id, r.level, sorted(r.profile.items())) for r in catalogue.roles],
        [
            (q.id, q.kind, [(o.id, sorted(o.weights.items()), o.level, o.fits) for o in q.options])
            for q in catalogue.questions
        ],
    )
    # A checksum is enough: the code needs to notice another catalogue, not resist forgery.
    return _to_base32(zlib.crc32(repr(scoring).encode()))[-FINGERPRINT_LENGTH:].rjust(3, "0")


def encode(catalogue: Catalogue, answers: Mapping[str, str], lang: Lang) -> str:
    """The code for these answers to this catalogue, taken in ``lang``."""
    number = 0
    for question in reversed(catalogue.questions):
        chosen = answers.get(question.id)
        ids = [*(option.id for option in question.options), SKIP]
        digit = ids.index(chosen) + 1 if chosen in ids else 0
        number = number * (len(ids) + 1) + digit
    body = VERSION + fingerprint(catalogue) + ALPHABET[LANGS.index(lang)] + _to_base32(number)
    raw = body + ALPHABET[_check(body)]
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def decode(catalogue: Catalogue, code: str) -> Decoded:
    """The answers and language a code holds; CodeError if it is mangled or from another
    catalogue."""
    raw = "".join(code.split()).replace("-", "").upper().translate(_ALIASES)
    if len(raw) < FINGERPRINT_LENGTH + 3 or any(char not in ALPHABET for char in raw):
        raise CodeError("code_mangled", code=code)
    body, check = raw[:-1], raw[-1]
    if ALPHABET[_check(body)] != check:
        raise CodeError("code_mangled", code=code)
    if body[0] not in (VERSION, WITHOUT_LANGUAGE):
        raise CodeError("code_old_version", code=code)
    if body[1 : 1 + FINGERPRINT_LENGTH] != fingerprint(catalogue):
        raise CodeError("code_other_catalogue", code=code)
    rest = body[1 + FINGERPRINT_LENGTH :]
    lang: Lang | None = None
    if body[0] == VERSION:
        index = ALPHABET.index(rest[0])
        if index >= len(LANGS) or len(rest) < 2:
            raise CodeError("code_mangled", code=code)
        lang, rest = LANGS[index], rest[1:]
    number = _from_base32(rest)
    answers: dict[str, str] = {}
    for question in catalogue.questions:
        ids = [*(option.id for option in question.options), SKIP]
        number, digit = divmod(number, len(ids) + 1)
        if digit:
            answers[question.id] = ids[digit - 1]
    if number:
        raise CodeError("code_mangled", code=code)
    return Decoded(answers, lang)


def _check(body: str) -> int:
    """A weighted sum mod 31: catches almost every single wrong character or swap of two."""
    return sum((i + 1) * ALPHABET.index(c) for i, c in enumerate(body)) % 31


def _to_base32(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 32)
        digits = ALPHABET[digit] + digits
        if not number:
            return digits


def _from_base32(text: str) -> int:
    number = 0
    for char in text:
        number = number * 32 + ALPHABET.index(char)
    return number
