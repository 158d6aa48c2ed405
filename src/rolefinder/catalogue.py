"""Reading a catalogue file: the only module that touches YAML."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from rolefinder.errors import CatalogueError
from rolefinder.model import Catalogue
from rolefinder.schema import build_catalogue

try:  # libyaml's C parser is several times faster; fall back to pure Python without it
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

_PACKAGED = Path(__file__).parent / "data" / "roles.yaml"  # where the wheel puts it
_CHECKOUT = Path(__file__).parents[2] / "data" / "roles.yaml"  # a source checkout


def shipped_catalogue_path() -> Path:
    """The catalogue that comes with rolefinder."""
    return _PACKAGED if _PACKAGED.is_file() else _CHECKOUT


def load_catalogue(path: str | os.PathLike[str] | None = None) -> Catalogue:
    """Load and check a catalogue (the shipped one when ``path`` is None).

    Raises CatalogueError listing every problem found.
    """
    file = Path(path) if path is not None else shipped_catalogue_path()
    source = str(path) if path is not None else file.name
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CatalogueError(source, ["file not found"]) from None
    except IsADirectoryError:
        raise CatalogueError(source, ["is a folder, not a catalogue file"]) from None
    except UnicodeDecodeError as error:
        raise CatalogueError(
            source, [f"is not UTF-8 text (bad byte at offset {error.start}); save it as UTF-8"]
        ) from None
    except OSError as error:
        raise CatalogueError(source, [f"cannot be read: {error.strerror or error}"]) from None
    loader = SafeLoader(text)  # the safe loader only: plain data, never Python objects
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = error.problem or error.context or "invalid YAML"
        raise CatalogueError(source, [f"{where}YAML syntax error: {problem}"]) from None
    except yaml.YAMLError as error:
        raise CatalogueError(source, [f"YAML error: {error}"]) from None
    finally:
        loader.dispose()
    catalogue, problems = build_catalogue(data, source)
    if catalogue is None:
        raise CatalogueError(source, problems)
    return catalogue
