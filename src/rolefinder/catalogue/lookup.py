"""Finding roles and traits by what a user typed, and choosing roles by trait and level."""

from __future__ import annotations

import re

from rolefinder.catalogue.model import LEVELS, Catalogue, Role, Text, Trait
from rolefinder.errors import NotFoundError, UnknownTraitError, closest
from rolefinder.words.i18n import t
from rolefinder.words.languages import LANGS

_SEPARATORS = re.compile(r"[\s_\-]+")


def normalise(query: str) -> str:
    """Lower-case, with spaces, underscores and hyphens all turned into one hyphen."""
    return _SEPARATORS.sub("-", query.strip().casefold()).strip("-")


def _spellings(id_: str, name: Text) -> set[str]:
    """What a role or trait answers to: its id and its name in every language, normalised."""
    return {id_, *(normalise(text) for text in name.texts.values())}


def _aliases(catalogue: Catalogue) -> dict[str, list[str]]:
    """Every spelling a role answers to (id, names, the words of its id) -> role ids."""
    aliases: dict[str, list[str]] = {}
    for role in catalogue.roles:
        spellings = _spellings(role.id, role.name)
        spellings.update(role.id.split("-"))  # lets "analyts" find "analyst"
        for spelling in spellings:
            aliases.setdefault(spelling, []).append(role.id)
    return aliases


def find_role(catalogue: Catalogue, query: str) -> Role:
    """The role whose id or name (in any language, any case) is ``query``.

    Raises NotFoundError with the closest role ids as suggestions.
    """
    wanted = normalise(query)
    for role in catalogue.roles:
        if wanted in _spellings(role.id, role.name):
            return role
    aliases = _aliases(catalogue)
    suggestions: list[str] = []
    for close in closest(wanted, aliases):
        suggestions.extend(i for i in aliases[close] if i not in suggestions)
    raise NotFoundError(f"unknown role '{query}'", query=query, suggestions=suggestions[:3])


def find_trait(catalogue: Catalogue, query: str) -> Trait:
    """The trait whose id or name (in any language, any case) is ``query``, spelt as for
    find_role: spaces, underscores and hyphens alike.

    Raises UnknownTraitError, which lists every trait's id.
    """
    wanted = normalise(query)
    for trait in catalogue.traits:
        if wanted in _spellings(trait.id, trait.name):
            return trait
    raise UnknownTraitError(query, catalogue.trait_ids)


def level_words() -> dict[str, str]:
    """Every word a level answers to, lower-case -> the catalogue's level id: its id
    (``entry``) and the word the screens show for it in each language (``entry-level``,
    ``junior``), so what a user reads on a screen is what ``--level`` takes."""
    words = {level: level for level in LEVELS}
    words["junior"] = "entry"  # the word job ads use, and the Indonesian screens' before 2.1
    for level in LEVELS:
        for lang in LANGS:
            words.setdefault(t(f"level_{level}", lang).casefold(), level)
    return words


def filter_roles(
    catalogue: Catalogue, trait_id: str | None = None, level: str | None = None
) -> list[Role]:
    """The roles, in catalogue order, whose main trait is ``trait_id`` and whose level is
    ``level`` (either left out: any)."""
    return [
        role
        for role in catalogue.roles
        if (trait_id is None or role.main_trait == trait_id)
        and (level is None or role.level == level)
    ]
