"""Result codes: a short code that holds the catalogue's identity and the answers. Pure: no I/O.

Layout 5, in Crockford base32 (digits and letters without I, L, O, U; case does not matter, O
reads as 0 and I or L as 1, spaces and hyphens are ignored; a hyphen every four characters makes
it easy to read out):

    5  FFFFFFFF  L  AAAA...A  CC

one character of format version ("5"), eight of catalogue fingerprint (40 bits of BLAKE2b over
every fact of the catalogue, see fingerprint), one for the language the quiz was taken in (its
place in LANGS), the answers as one number (each question a digit: 0 not asked, 1 + the
option's position, or one past the last option for "skip") written with as many characters as
the largest such number of the catalogue needs, and two check characters. An adaptive sitting
leaves most of the bank unasked; those digits are 0. Every code of a catalogue has the same
length: 29 characters for the shipped one (seven groups of four and one).

What is refused, by construction rather than by luck (tests/test_codes.py checks each):
- any code whose length is not the catalogue's, so every deleted or added character;
- every wrong character and every swap of two different neighbours (each check character is a
  Damm check on its own, see _step); with codes of at most 31 characters, as the shipped
  catalogue's are, also every pair of wrong characters and every swap at any distance (the two
  together make a Reed-Solomon code of distance 3, see _check_digits);
- a code made with another catalogue, or with an edit of this one beyond its wording: the
  fingerprint then differs, except by a 1-in-a-trillion (2**-40) coincidence;
- codes of the older layouts (1.1's without a version character, "2" and "3"): they are
  recognised and reported as old, not read.

Layout 4 (1.2's codes) is layout 5 with a fingerprint over fewer facts: it left out the years of
roles and answers, related roles, sources and outlooks (see _fingerprint_4). Its codes are still
read, checked against that older fingerprint, so every code saved keeps opening; such a code
cannot notice an edit of only those facts. Every new code is written in layout 5.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from rolefinder.catalogue.model import SKIP, Catalogue, QuestionKind, Text
from rolefinder.errors import CodeError
from rolefinder.words.languages import LANGS, Lang

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})
FINGERPRINT_LENGTH = 8  # 40 bits, 5 bytes of BLAKE2b
VERSION = "5"  # 1.1's codes had no version character; a future layout takes the next one
PREVIOUS = "4"  # 1.2's layout: still read, with its own fingerprint (_fingerprint_4)
OLD_VERSIONS = ("2", "3")  # the 1.2 development layouts: recognised, no longer read

# The fields of the model that the fingerprint leaves out, each with the reason: nothing here
# changes which roles a result lists, their fits or what it advises. Every other field counts,
# so a field added to the model counts unless it is added here (tests/test_codes.py checks
# that every field the engine, explain and report read counts, and that each one does). Texts
# are wording: a field holding a text, or a tuple of them, is left out, and an optional one
# counts only by being there (a role's junior form makes its readiness "junior"), so a reworded
# or translated catalogue keeps its codes.
DISPLAY_ONLY: Mapping[str, str] = {
    "Catalogue.source": "where the file was read from, not what it says",
    "Catalogue.version": "the author's label for the file, shown beside a result, never scored",
}
CHECK_LENGTH = 2


class Decoded(NamedTuple):
    """What a result code holds."""

    answers: dict[str, str]
    lang: Lang  # the language the quiz was taken in


def fingerprint(catalogue: Catalogue) -> str:
    """Eight characters (40 bits) that change whenever any fact of the catalogue changes: every
    field of every trait, role, question and option but its wording and DISPLAY_ONLY, in order.

    A field at its default is left out, so a release that adds a field with a default keeps
    the codes of every catalogue that does not use it. Field names go in with their values, so
    a value moved from one field to another is a change too.
    """
    return _digest(_facts(catalogue))


def fingerprints(catalogue: Catalogue) -> tuple[str, str]:
    """The catalogue's fingerprint now and as layout 4 made it: a result kept by 1.2 holds the
    latter, and still belongs to this catalogue when it matches."""
    return fingerprint(catalogue), _fingerprint_4(catalogue)


def _facts(value: object) -> object:
    """``value`` as plain tuples, strings and numbers whose repr changes with every fact.

    Exact types first: a start pays for this once per catalogue (about 1,500 values)."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, (tuple, list)):
        return tuple([_facts(item) for item in value])
    if isinstance(value, (dict, Mapping)):  # in order: a tie goes to the first trait
        return tuple([(key, _facts(item)) for key, item in value.items()])
    if isinstance(value, QuestionKind):
        return value.name  # kinds are the program's, named in the file
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        facts: list[object] = [type(value).__name__]
        for name, default, presence in _counted_fields(type(value)):
            item = getattr(value, name)
            if presence:
                item = item is not None
            if default is _REQUIRED or item != default:
                facts.append((name, _facts(item)))
        return tuple(facts)
    # A new kind of value must be taught here: a repr could hold a memory address.
    raise TypeError(f"the fingerprint cannot read a {type(value).__name__}")


_PLAIN = frozenset({str, int, float, bool, type(None)})
_REQUIRED = object()  # the default of a field that has none: it always counts


@functools.cache
def _counted_fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """The fields of model class ``cls`` that the fingerprint reads, by name (so the order of
    the declarations does not matter): each with its default (_REQUIRED when it has none) and
    whether only its presence counts (an optional text). Texts that are always there, alone
    or in a tuple, are wording and left out, as DISPLAY_ONLY is."""
    hints = typing.get_type_hints(cls)
    counted = []
    for field in dataclasses.fields(cls):
        hint = hints[field.name]
        if f"{cls.__name__}.{field.name}" in DISPLAY_ONLY or hint in _WORDING:
            continue
        presence = hint == Text | None
        default: Any = _REQUIRED
        if field.default is not dataclasses.MISSING:
            default = (field.default is not None) if presence else field.default
        elif field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        counted.append((field.name, default, presence))
    return tuple(sorted(counted, key=lambda entry: str(entry[0])))


_WORDING = (Text, tuple[Text, ...])  # a field of either type is a text to show


def _fingerprint_4(catalogue: Catalogue) -> str:
    """The fingerprint of layout 4 (1.2), kept as it was to read that layout's codes and
    history entries: it leaves out years, related roles, sources and outlooks."""
    scoring = (
        [t.id for t in catalogue.traits],
        [(r.id, r.level, sorted(r.profile.items()), r.junior is not None) for r in catalogue.roles],
        [
            (
                q.id,
                q.kind.name,
                [
                    (o.id, sorted(o.weights.items()), o.level, o.fits, o.against, o.adjacent)
                    for o in q.options
                ],
            )
            for q in catalogue.questions
        ],
    )
    return _digest(scoring)


def _digest(facts: object) -> str:
    """Eight base32 characters of BLAKE2b over the repr of ``facts``."""
    try:  # hashlib.blake2b itself, without hashlib loading OpenSSL first (2-3 ms of every start)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without its own BLAKE2
        from hashlib import blake2b

    # Not to resist forgery: 40 bits make an edited catalogue that keeps old codes "valid" a
    # 1-in-a-trillion coincidence instead of the 1 in 32,768 of layout 3's 15-bit checksum.
    digest = blake2b(repr(facts).encode(), digest_size=FINGERPRINT_LENGTH * 5 // 8).digest()
    return _to_base32(int.from_bytes(digest, "big"), FINGERPRINT_LENGTH)


def code_length(catalogue: Catalogue) -> int:
    """How many characters, without hyphens, every code of this catalogue has."""
    return 1 + FINGERPRINT_LENGTH + 1 + _answers_length(catalogue) + CHECK_LENGTH


def encode(catalogue: Catalogue, answers: Mapping[str, str], lang: Lang) -> str:
    """The code for these answers to this catalogue, taken in ``lang``."""
    return Coder(catalogue).encode(answers, lang)


def decode(catalogue: Catalogue, code: str) -> Decoded:
    """The answers and language a code holds; CodeError if it is mangled, old or from another
    catalogue."""
    return Coder(catalogue).decode(code)


class Coder:
    """Result codes for one catalogue: its fingerprint, lengths and option positions worked
    out once, so a class of codes (or of answers to encode) pays for them once."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.fingerprint = fingerprint(catalogue)
        self.length = code_length(catalogue)
        self._answers_length = _answers_length(catalogue)
        # Each question's id and its answers' ids in digit order (digit - 1), skip last.
        self._ids = [
            (q.id, [*(option.id for option in q.options), SKIP]) for q in catalogue.questions
        ]
        # For encoding, last question first: (id, its digits' base, option id -> digit).
        self._reversed = [
            (question, len(ids) + 1, {option: i + 1 for i, option in enumerate(ids)})
            for question, ids in reversed(self._ids)
        ]
        self._head = [ALPHABET.index(char) for char in VERSION + self.fingerprint]

    @functools.cached_property
    def previous(self) -> str:
        """The catalogue's fingerprint as layout 4 made it, for that layout's codes."""
        return _fingerprint_4(self.catalogue)

    def encode(self, answers: Mapping[str, str], lang: Lang) -> str:
        """The code for these answers, taken in ``lang``."""
        number = 0
        for question, base, digits in self._reversed:
            chosen = answers.get(question)
            number = number * base + (digits.get(chosen, 0) if chosen is not None else 0)
        body = [*self._head, LANGS.index(lang), *_base32_digits(number, self._answers_length)]
        raw = "".join([ALPHABET[d] for d in (*body, *_check_digits(body))])
        return "-".join([raw[i : i + 4] for i in range(0, len(raw), 4)])

    def decode(self, code: str) -> Decoded:
        """The answers and language a code holds; CodeError if it is mangled, old or from
        another catalogue.

        The order of the checks picks the most useful message: an old layout is told apart
        from a typo in a new code's first character; the check characters come before the
        fingerprint, so a typo is not blamed on another catalogue; the fingerprint comes
        before the length, which only this catalogue fixes (another catalogue's codes have
        their own length).
        """
        raw = "".join(code.split()).replace("-", "").upper().translate(_ALIASES)
        if not raw or any(char not in ALPHABET for char in raw):
            raise CodeError("code_mangled", code=code)
        digits = [ALPHABET.index(char) for char in raw]
        if raw[0] not in (VERSION, PREVIOUS):
            mistyped = any(
                _checks_pass([ALPHABET.index(version), *digits[1:]])
                for version in (VERSION, PREVIOUS)
            )
            old = len(raw) >= 5 and (raw[0] in OLD_VERSIONS or _old_check_passes(digits))
            key = "code_old_version" if old and not mistyped else "code_mangled"
            raise CodeError(key, code=code)
        if len(raw) < 1 + FINGERPRINT_LENGTH + 2 + CHECK_LENGTH or not _checks_pass(digits):
            raise CodeError("code_mangled", code=code)
        expected = self.fingerprint if raw[0] == VERSION else self.previous
        if raw[1 : 1 + FINGERPRINT_LENGTH] != expected:
            raise CodeError("code_other_catalogue", code=code)
        language = digits[1 + FINGERPRINT_LENGTH]
        if len(raw) != self.length or language >= len(LANGS):
            raise CodeError("code_mangled", code=code)
        number = _from_base32(raw[2 + FINGERPRINT_LENGTH : -CHECK_LENGTH])
        answers: dict[str, str] = {}
        for question, ids in self._ids:
            number, digit = divmod(number, len(ids) + 1)
            if digit:
                answers[question] = ids[digit - 1]
        if number:  # more than the largest answers number of this catalogue
            raise CodeError("code_mangled", code=code)
        return Decoded(answers, LANGS[language])


def _answers_length(catalogue: Catalogue) -> int:
    """Base32 digits for the largest answers number: every question at its largest digit."""
    largest = 1
    for question in catalogue.questions:
        largest *= len(question.options) + 2  # not asked, each option, skip
    return max(1, -(-(largest - 1).bit_length() // 5))


# The check characters. Digits are elements of GF(32): polynomials over GF(2) of degree < 5 (bit
# i the coefficient of x**i), added with XOR and multiplied modulo x**5 + x**2 + 1, which is
# irreducible, so every non-zero element has an inverse. As 31 is prime, it is also primitive:
# the powers of ALPHA (the element x) run through all 31 non-zero elements before repeating.
_MODULUS = 0b100101  # x**5 + x**2 + 1
ALPHA = 2  # x
CHECK_CONSTANTS = (ALPHA, 4)  # ALPHA and ALPHA**2: one Damm quasigroup per check character


def _times(x: int, y: int) -> int:
    """x·y in GF(32): multiplication without carries, reduced modulo x**5 + x**2 + 1."""
    product = 0
    while y:
        if y & 1:
            product ^= x
        y >>= 1
        x <<= 1
        if x & 0b100000:
            x ^= _MODULUS
    return product


def _step(a: int, interim: int, digit: int) -> int:
    """One step of a Damm check: the quasigroup x*y = a·x XOR y over GF(32), for a not 0 or 1.

    Damm's algorithm runs interim = interim * digit over the digits from interim 0, and a valid
    code ends at 0. This * is a Latin square: y -> a·x XOR y is a bijection for every x, and
    x -> a·x XOR y for every y as a is not 0; so one wrong digit changes the interim there and,
    each later step being a bijection of the interim, the end. It is totally anti-symmetric:
    (c*x)*y = a²·c XOR a·x XOR y equals (c*y)*x only if (a XOR 1)·(x XOR y) = 0, that is only
    if x = y, as a is not 1; so a swap of two different neighbours changes the end too.
    """
    return _times(a, interim) ^ digit


def _damm(a: int, digits: Sequence[int]) -> int:
    """The interim digit after running the Damm check with constant ``a`` over ``digits``:
    _step, with a's 32 products looked up (a class of codes runs this thousands of times)."""
    times_a = _products(a)
    interim = 0
    for digit in digits:
        interim = times_a[interim] ^ digit
    return interim


@functools.cache
def _products(a: int) -> tuple[int, ...]:
    """a·x for every x of GF(32), in order of x."""
    return tuple(_times(a, x) for x in range(32))


def _checks_pass(digits: Sequence[int]) -> bool:
    return all(_damm(a, digits) == 0 for a in CHECK_CONSTANTS)


def _check_digits(body: Sequence[int]) -> tuple[int, int]:
    """The two check digits c, d that bring both Damm checks of body + [c, d] to 0.

    Running the check with constant a over two more digits ends at a²·h XOR a·c XOR d, h being
    its interim after the body; so c and d solve that for a = ALPHA and a = ALPHA²:
    c = (ALPHA²·h1 XOR ALPHA⁴·h2) / (ALPHA XOR ALPHA²), d = ALPHA²·h1 XOR ALPHA·c.

    Why two: one would already catch every wrong character and neighbour swap. With both, the
    interim of a check is the code read as a polynomial over GF(32) evaluated at its constant
    (the steps are Horner's rule), so a valid code is a multiple of (x - ALPHA)(x - ALPHA²): a
    Reed-Solomon code of distance 3 while its length is at most 31. Errors e, f at places whose
    weights are ALPHA**i and ALPHA**j escape only if e·ALPHA**i = f·ALPHA**j and
    e·ALPHA**2i = f·ALPHA**2j, that is ALPHA**i = ALPHA**j, impossible for i != j below 31.
    So any two wrong characters are caught as well, and a mangled code passes by chance 1 time
    in 1,024 instead of 32, which keeps typos from being reported as another catalogue.
    """
    a, b = CHECK_CONSTANTS
    ha = _times(_times(a, a), _damm(a, body))
    hb = _times(_times(b, b), _damm(b, body))
    first = _times(ha ^ hb, _inverse(a ^ b))
    return first, ha ^ _times(a, first)


@functools.cache
def _inverse(x: int) -> int:
    return next(y for y in range(1, 32) if _times(x, y) == 1)


def _old_check_passes(digits: Sequence[int]) -> bool:
    """Whether the last digit is the check of the layouts before 4 (1.1's, "2" and "3")."""
    body, check = digits[:-1], digits[-1]
    return bool(body) and sum((i + 1) * d for i, d in enumerate(body)) % 31 == check


def _to_base32(number: int, width: int) -> str:
    """``number`` in exactly ``width`` base32 digits (callers make sure it fits)."""
    return "".join([ALPHABET[digit] for digit in _base32_digits(number, width)])


def _base32_digits(number: int, width: int) -> list[int]:
    """``number``'s ``width`` base32 digits, most significant first."""
    return [(number >> (5 * place)) & 31 for place in range(width - 1, -1, -1)]


def _from_base32(text: str) -> int:
    number = 0
    for char in text:
        number = number * 32 + ALPHABET.index(char)
    return number
