"""Finding a role by what a user typed."""

from __future__ import annotations

import difflib
import re

from rolefinder.errors import NotFoundError
from rolefinder.model import Catalogue, Role

_SEPARATORS = re.compile(r"[\s_\-]+")


def normalise(query: str) -> str:
    """Lower-case, with spaces, underscores and hyphens all turned into one hyphen."""
    return _SEPARATORS.sub("-", query.strip().casefold()).strip("-")


def _aliases(catalogue: Catalogue) -> dict[str, list[str]]:
    """Every spelling a role answers to (id, names, the words of its id) -> role ids."""
    aliases: dict[str, list[str]] = {}
    for role in catalogue.roles:
        spellings = {role.id, normalise(role.name.en), normalise(role.name.id)}
        spellings.update(role.id.split("-"))  # lets "analyts" find "analyst"
        for spelling in spellings:
            aliases.setdefault(spelling, []).append(role.id)
    return aliases


def find_role(catalogue: Catalogue, query: str) -> Role:
    """The role whose id or name (in either language, any case) is ``query``.

    Raises NotFoundError with the closest role ids as suggestions.
    """
    wanted = normalise(query)
    for role in catalogue.roles:
        if wanted in (role.id, normalise(role.name.en), normalise(role.name.id)):
            return role
    aliases = _aliases(catalogue)
    suggestions: list[str] = []
    for close in difflib.get_close_matches(wanted, aliases, n=3, cutoff=0.75):
        suggestions.extend(i for i in aliases[close] if i not in suggestions)
    raise NotFoundError(f"unknown role '{query}'", query=query, suggestions=suggestions[:3])
