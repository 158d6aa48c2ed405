"""rolefinder: a command-line career quiz for social-media jobs, in English and Indonesian."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rolefinder.version import __version__

__all__ = ["CatalogueError", "__version__", "load_catalogue", "rank"]

if TYPE_CHECKING:
    from rolefinder.assess.engine import rank
    from rolefinder.catalogue.load import load_catalogue
    from rolefinder.errors import CatalogueError

_LAZY = {
    "load_catalogue": "rolefinder.catalogue.load",
    "rank": "rolefinder.assess.engine",
    "CatalogueError": "rolefinder.errors",
}


def __getattr__(name: str) -> Any:
    # Lazy so that `rolefinder --version` does not pay for YAML and the engine.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'rolefinder' has no attribute {name!r}")
