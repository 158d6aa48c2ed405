"""Matching a form's texts to the catalogue: a header to its question, a cell to its option.

Texts are compared as ``normal`` makes them: Unicode-normalised, case-folded, quotes and
punctuation aside, spaces collapsed; a question number typed before a question ("3. ...") is
ignored, and so are question ids. A cell a small typo away from one option, and from no other
(NEAR_EDITS, NEAR_MARGIN), is read as that option (NEAR); a cell that is no one option is
UNKNOWN, or SEVERAL when it holds more than one (a checkbox question). Each distinct text is
matched once per class (``Matcher.seen``), and near matches are tried at most NEAR_TRIES times,
so a file of noise costs no more than a real one.

Apart from reading the files (forms.py) because this changes with the quiz's texts and how
people mistype them, and that with the files form tools write.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from rolefinder.catalogue.model import SKIP, Catalogue
from rolefinder.words.i18n import t
from rolefinder.words.languages import LANGS, Lang

# Typographic quotes (left, right, low and reversed single and double ones) as typed ones.
_QUOTES = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b", "'") | dict.fromkeys("\u201c\u201d\u201e", '"')
)
_NUMBERED = re.compile(r"^\s*(?:(?:q|no|nomor|soal|question|pertanyaan)\.?\s*)?\d{1,3}\s*[.):]\s*")


def normal(text: str) -> str:
    """``text`` as compared with the catalogue: Unicode-normalised (NFKC), case-folded, smart
    quotes made plain and apostrophes dropped, every other character that is not a letter or
    digit made a space, spaces collapsed. So "Doesn't  apply!" and "doesnt apply" are the
    same (whatever the apostrophe), and so are "data-first" and "data first"."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().replace("'", "")
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text).split())


# How a cell was matched: the third item of a Match.
EXACT = 0  # the option's text (case, spacing, punctuation and quotes aside), or blank
NEAR = 1  # the nearest option, a space inside a word or a letter or two away: worth a note
UNKNOWN = 2  # no option: a typed "Other" answer, a question changed in the form
SEVERAL = 3  # several options in one cell: a checkbox question
Match = tuple[str, "Lang | None", int]  # (option id or SKIP, "" when none; language; how)
BLANK: Match = ("", None, EXACT)  # an empty cell: the question not answered

NEAR_EDITS = 2  # letters added, dropped or changed that a near match allows at most...
NEAR_LETTERS = 6  # ...and one for each this many letters of the option: short ones exactly
NEAR_MARGIN = 2  # edits the second-nearest option must be further away: never a guess
NEAR_LONGEST = 300  # letters of a cell worth comparing: a longer one is no option's typo
NEAR_TRIES = 20_000  # different texts compared per class: a file of noise costs no more


@dataclass
class Matcher:
    """A catalogue's question and option texts, normalised once, in every language."""

    catalogue: Catalogue
    questions: dict[str, str] = field(default_factory=dict)  # header -> question id
    options: dict[str, dict[str, tuple[str, Lang | None]]] = field(default_factory=dict)
    # question id -> (text without spaces, option id, language), for near matches
    letters: dict[str, list[tuple[str, str, Lang | None]]] = field(default_factory=dict)
    seen: dict[str, dict[str, Match]] = field(default_factory=dict)
    tries: int = NEAR_TRIES

    def __post_init__(self) -> None:
        skips = {normal(t(key, lang)): lang for key in ("skip", "form_skip") for lang in LANGS}
        for question in self.catalogue.questions:
            texts = [question.id, *(question.prompt.get(lang) for lang in LANGS)]
            texts += [question.label.get(lang) for lang in LANGS]
            for text in texts:
                self.questions.setdefault(normal(text), question.id)
            known: dict[str, tuple[str, Lang | None]] = {normal(SKIP): (SKIP, None)}
            known.update({text: (SKIP, lang) for text, lang in skips.items()})
            worded = [(text, SKIP, lang) for text, lang in skips.items()]
            for option in question.options:
                known[normal(option.id)] = (option.id, None)
                for lang in LANGS:
                    text = normal(option.text.get(lang))
                    known[text] = (option.id, lang)
                    worded.append((text, option.id, lang))
            self.options[question.id] = known
            self.letters[question.id] = [
                (text.replace(" ", ""), o, lang) for text, o, lang in worded
            ]
            self.seen[question.id] = {}

    def is_form(self, header: list[str]) -> bool:
        """Whether a header row names a question of the quiz: a form export, not codes."""
        return any(self.question(title) for title in header)

    def question(self, header: str) -> str | None:
        """The id of the question a column's header names, if any."""
        text = normal(header)
        return self.questions.get(text) or self.questions.get(normal(_NUMBERED.sub("", header)))

    def option(self, question_id: str, cell: str) -> Match:
        """How a cell answers a question: (option id or SKIP, the language of the text, EXACT
        or NEAR); BLANK for an empty cell; ("", None, UNKNOWN or SEVERAL) when it is no one
        option. Each distinct cell text is matched once."""
        seen = self.seen[question_id]
        found = seen.get(cell)
        if found is not None:
            return found
        if len(seen) > 10_000:  # a hostile file of all-different texts: stay bounded
            seen.clear()
        text = normal(cell)
        exact = self.options[question_id].get(text) if text else ("", None)
        match = seen[cell] = (*exact, EXACT) if exact else self._nearest(question_id, text)
        return match

    def _nearest(self, question_id: str, text: str) -> Match:
        """The one option ``text`` is a small typo of (spaces inside words cost nothing), when
        no other option comes close; else whether it holds several options."""
        squeezed = text.replace(" ", "")
        if self.tries > 0 and len(squeezed) <= NEAR_LONGEST:
            self.tries -= 1
            limit = NEAR_EDITS + NEAR_MARGIN
            # option -> (edits to it, edits it allows, the language of its text)
            nearest: dict[str, tuple[int, int, Lang | None]] = {}
            for letters, option, lang in self.letters[question_id]:
                edits = _distance(squeezed, letters, limit)
                if edits < nearest.get(option, (limit + 1,))[0]:
                    nearest[option] = (edits, min(NEAR_EDITS, len(letters) // NEAR_LETTERS), lang)
            ranked = sorted((*found, option) for option, found in nearest.items())
            if ranked and ranked[0][0] <= ranked[0][1]:
                second = ranked[1][0] if len(ranked) > 1 else limit + 1
                if second >= ranked[0][0] + NEAR_MARGIN:
                    return (ranked[0][3], ranked[0][2], NEAR)
        padded = f" {text} "
        within = {o for words, o, _ in self._worded(question_id) if f" {words} " in padded}
        return ("", None, SEVERAL if len(within) > 1 else UNKNOWN)

    def _worded(self, question_id: str) -> Iterator[tuple[str, str, Lang | None]]:
        """The question's option texts (normalised), "doesn't apply" aside."""
        for text, (option, lang) in self.options[question_id].items():
            if option != SKIP and lang is not None:
                yield text, option, lang

    def text(self, question_id: str, option_id: str, lang: Lang) -> str:
        """An option's text as the catalogue words it (SKIP: "doesn't apply")."""
        if option_id == SKIP:
            return t("form_skip", lang)
        question = self.catalogue.question(question_id)
        option = question.option(option_id) if question else None
        return option.text.get(lang) if option else option_id


def _distance(one: str, other: str, limit: int) -> int:
    """How many letters must be added, dropped or changed to make one text the other (the
    Levenshtein distance), or ``limit + 1`` when more: only a band ``limit`` wide either side
    of the diagonal is worked out, so a long text costs little."""
    if abs(len(one) - len(other)) > limit:
        return limit + 1
    if one == other:
        return 0
    over = limit + 1
    previous = [j if j <= limit else over for j in range(len(other) + 1)]
    for i, char in enumerate(one, start=1):
        low, high = max(1, i - limit), min(len(other), i + limit)
        current = [over] * (len(other) + 1)
        current[0] = i if i <= limit else over
        for j in range(low, high + 1):
            changed = previous[j - 1] + (char != other[j - 1])
            current[j] = min(changed, previous[j] + 1, current[j - 1] + 1, over)
        if min(current[low - 1 : high + 1]) > limit:  # every way on is already too far
            return over
        previous = current
    return previous[len(other)]
