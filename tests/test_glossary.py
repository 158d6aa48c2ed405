"""Every Indonesian text keeps to the glossary (data/glossary.yaml): one term for each idea.

The texts are every UI string of words/id.po (helpers.MESSAGES) and every `id:` text of
the shipped catalogue (names, summaries, duties, skills, notes, traits, prompts, short
labels and options). A word from a term's `avoid` list fails the test, as a whole word in any
case, bare or with -ku, -mu, -nya, -lah, -kah or -pun; so does an Indonesian text left the
same as its English one, unless the glossary keeps that term in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from helpers import MESSAGES

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "data" / "glossary.yaml"
CATALOGUE = ROOT / "data" / "roles.yaml"

ENCLITICS = r"(?:ku|mu|nya|lah|kah|pun)?"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
GLOSS = re.compile(r"\(([^()]{1,40})\)")  # "(public relations)" after "kehumasan"


def load_terms() -> list[dict[str, Any]]:
    return yaml.safe_load(GLOSSARY.read_text("utf-8"))["terms"]


@cache
def pattern(word: str) -> re.Pattern[str]:
    """``word`` as a whole word (or phrase), in any case, with an optional enclitic."""
    return re.compile(rf"(?<!\w){re.escape(word)}{ENCLITICS}(?!\w)", re.IGNORECASE)


def avoided_in(text: str, terms: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(avoided word, the term to use instead) for every avoided word ``text`` contains.

    Two things are not words of the text: a name the glossary keeps in English ("Head of
    Marketing" holds "Marketing"), and an avoided English term in brackets as a gloss after
    its Indonesian one ("kehumasan (public relations)")."""
    plain = PLACEHOLDER.sub(" ", text)  # {trait}, {role}: names in code, not words
    for name in kept_in_english(terms):
        plain = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", plain, flags=re.IGNORECASE)
    glosses = {word.casefold() for term in terms for word in term["avoid"]}
    plain = GLOSS.sub(lambda m: " " if m[1].strip().casefold() in glosses else m[0], plain)
    return [
        (word, term["id"])
        for term in terms
        for word in term["avoid"]
        if pattern(word).search(plain)
    ]


def catalogue_texts(node: Any, where: str = "roles.yaml") -> Iterator[tuple[str, str, str]]:
    """(where, English, Indonesian) for every bilingual text in the catalogue's YAML."""
    if isinstance(node, dict):
        if isinstance(node.get("en"), str) and isinstance(node.get("id"), str):
            yield where, node["en"], node["id"]
            return
        for key, value in node.items():
            yield from catalogue_texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            name = item.get("id", index) if isinstance(item, dict) else index
            yield from catalogue_texts(item, f"{where}[{name}]")


def all_texts() -> list[tuple[str, str, str]]:
    """(where, English, Indonesian) for every UI string and every catalogue text."""
    texts = [(f"MESSAGES[{key!r}]", m["en"], m["id"]) for key, m in MESSAGES.items()]
    catalogue = yaml.safe_load(CATALOGUE.read_text("utf-8"))
    return texts + list(catalogue_texts(catalogue))


def kept_in_english(terms: list[dict[str, Any]]) -> set[str]:
    """The terms the glossary keeps in English: "id" is "en" without its "(explanation)"."""
    return {
        term["id"].casefold()
        for term in terms
        if term["id"].casefold() == re.sub(r"\s*\(.*\)$", "", term["en"]).casefold()
    }


def untranslated(english: str, indonesian: str, kept: set[str]) -> bool:
    """Whether an Indonesian text is its English text left as it was, and not on purpose."""
    if english.strip() != indonesian.strip():
        return False
    if not re.search(r"[^\W\d_]", PLACEHOLDER.sub("", indonesian)):
        return False  # no words: "#", "{problem}"
    lines = [line.strip() for line in indonesian.splitlines() if line.strip()]
    if all(line.startswith("rolefinder ") for line in lines):
        return False  # command examples, typed the same in either language
    return indonesian.strip().casefold() not in kept


def test_the_glossary_is_well_formed():
    terms = load_terms()
    assert terms, "the glossary has no terms"
    problems = []
    for number, term in enumerate(terms):
        label = f"terms[{number}] ({term.get('en') if isinstance(term, dict) else term!r})"
        if not isinstance(term, dict) or not {"en", "id", "avoid"} <= set(term):
            problems.append(f"{label}: needs en, id and avoid")
            continue
        if set(term) - {"en", "id", "avoid", "note"}:
            problems.append(
                f"{label}: unknown fields {sorted(set(term) - {'en', 'id', 'avoid', 'note'})}"
            )
        for field in ("en", "id"):
            if not isinstance(term[field], str) or not term[field].strip():
                problems.append(f"{label}: {field} must be a non-empty text")
        avoid = term["avoid"]
        if not isinstance(avoid, list) or not all(isinstance(w, str) and w.strip() for w in avoid):
            problems.append(f"{label}: avoid must be a list of non-empty texts")
    assert not problems, "\n".join(problems)
    english = [term["en"].casefold() for term in terms]
    assert len(english) == len(set(english)), "a term is listed twice"
    # A chosen term must never trip the test itself.
    for term in terms:
        for word in term["avoid"]:
            for other in terms:
                assert not avoided_in(other["id"], [term, other]), (
                    f"{word!r} is avoided for {term['en']!r} but is (part of) the term chosen "
                    f"for {other['en']!r}: {other['id']!r}"
                )


def test_the_check_finds_an_avoided_word():
    terms = load_terms()
    found = [word for word, _ in avoided_in("Peran yang paling cocok untukmu", terms)]
    assert "peran" in found
    for text in ("Lihat perannya dulu", "jumlah followers-nya", "Error: file tidak ada"):
        assert avoided_in(text, terms), text
    # Slang in brackets is still slang; an English term as a gloss in brackets is not.
    assert avoided_in("(tidak relevan buatku: lewati)", terms)
    assert not avoided_in("Kehumasan (public relations)", terms)
    assert not avoided_in("Head of Marketing dan Marketing Consultant", terms)
    assert avoided_in("tim marketing", terms)
    # Whole words only: "perangkat" and "diposisikan" are not "peran" and "posisi".
    assert not avoided_in("Perangkat yang diposisikan di meja", terms)
    assert not avoided_in("Jawaban bertipe {trait}; profesi ini {role}% {trait}.", terms)
    kept = kept_in_english(terms)
    assert {"senior", "caption", "graphic designer"} <= kept and "profesi" not in kept
    assert untranslated("Duties", "Duties", kept)
    assert untranslated("Error", "Error", kept)
    assert not untranslated("Caption", "Caption", kept)
    assert not untranslated("{problem}", "{problem}", kept)
    assert not untranslated("rolefinder roles --json", "rolefinder roles --json", kept)


def test_no_indonesian_text_uses_an_avoided_word():
    terms = load_terms()
    hits = [
        f"{where}: {word!r} (use {instead!r}) in {indonesian!r}"
        for where, _, indonesian in all_texts()
        for word, instead in avoided_in(indonesian, terms)
    ]
    assert not hits, "words the glossary avoids:\n" + "\n".join(hits)


def test_no_indonesian_text_is_left_in_english_unless_the_glossary_keeps_it():
    kept = kept_in_english(load_terms())
    left = [
        f"{where}: {indonesian!r}"
        for where, english, indonesian in all_texts()
        if untranslated(english, indonesian, kept)
    ]
    assert not left, "the same in both languages and not kept in English by the glossary:\n" + (
        "\n".join(left)
    )


def test_every_text_of_the_loaded_catalogue_is_checked():
    from rolefinder.catalogue.load import load_catalogue

    catalogue = load_catalogue(CATALOGUE)
    loaded = [trait.name for trait in catalogue.traits] + [role.summary for role in catalogue.roles]
    for question in catalogue.questions:
        loaded += [question.prompt, *(o.text for o in question.options)]
        loaded += [question.short] if question.short else []
    checked = {indonesian for _, _, indonesian in all_texts()}
    assert {text.get("id") for text in loaded} <= checked
    assert all(question.short for question in catalogue.questions), "a question has no short"
