"""The import graph: data flows one way, from the words and the catalogue up to the command line.

The package is cut into parts (subpackages, and three small modules every part shares), and
PARTS lists them from the bottom up, each with the parts it may import (the README's map of the
house, in the same order). Every import of a rolefinder module counts, at the top of a file,
inside a function or under TYPE_CHECKING. A module may import from its own part and from the
parts its part may import; the graph of modules has no cycle. A new module or part must be
placed here, or this test fails.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "rolefinder"

# part -> the parts below it that it may import (its own part it may always import)
PARTS: dict[str, set[str]] = {
    "version": set(),
    "words": set(),
    "errors": {"words"},
    "files": {"errors", "words"},
    "catalogue": {"version", "words", "errors", "files"},
    "history": {"version", "words", "errors", "files"},
    "assess": {"words", "errors", "catalogue"},
    "present": {"version", "words", "errors", "files", "catalogue", "history", "assess"},
    "classroom": {"version", "words", "errors", "files", "catalogue", "assess", "present"},
    "quiz": {"words", "errors", "catalogue", "assess"},
    "terminal": {"words", "errors", "catalogue", "history", "assess", "present", "classroom"},
    "cli": {
        "version",
        "words",
        "errors",
        "files",
        "catalogue",
        "history",
        "assess",
        "present",
        "classroom",
        "quiz",
        "terminal",
    },
    "__init__": {"version", "errors", "catalogue", "assess"},  # the package's public names
    "__main__": {"__init__", "cli"},
}


def modules() -> list[str]:
    """Every module as a dotted name under rolefinder ("catalogue.model", "errors")."""
    return sorted(".".join(p.relative_to(SRC).with_suffix("").parts) for p in SRC.rglob("*.py"))


def part(module: str) -> str:
    """The part a module belongs to: its subpackage, or the module itself at the top."""
    return module.split(".")[0]


def path(module: str) -> Path:
    return SRC.joinpath(*module.split(".")).with_suffix(".py")


def imports(module: str) -> set[str]:
    """The rolefinder modules that ``module`` imports, wherever in the file."""
    tree = ast.parse(path(module).read_text("utf-8"))
    known = set(modules())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] != "rolefinder":
                continue
            base = ".".join(parts[1:]) or "__init__"
            for alias in node.names:  # from rolefinder.catalogue import model: a submodule
                sub = f"{base}.{alias.name}" if base != "__init__" else alias.name
                found.add(sub if sub in known else base if base in known else f"{base}.__init__")
        elif isinstance(node, ast.Import):
            found |= {
                a.name.removeprefix("rolefinder.")
                for a in node.names
                if a.name.startswith("rolefinder.")
            }
    return found - {module}


def test_every_module_has_its_part():
    assert {part(name) for name in modules()} == set(PARTS)


def test_every_subpackage_says_what_it_owns_and_holds_no_code():
    for folder in sorted(p for p in SRC.iterdir() if p.is_dir() and p.name != "__pycache__"):
        tree = ast.parse((folder / "__init__.py").read_text("utf-8"))
        doc = ast.get_docstring(tree)
        assert doc and "May import" in doc, (
            f"{folder.name}/__init__.py: say what it owns and may import"
        )
        assert len(tree.body) == 1, (
            f"{folder.name}/__init__.py holds code: importing a part runs it"
        )
        for other in PARTS[folder.name]:
            assert other in doc, f"{folder.name}/__init__.py: its docstring should name {other}"


@pytest.mark.parametrize("module", modules())
def test_a_module_imports_only_from_the_parts_below_its_own(module):
    allowed = PARTS[part(module)] | {part(module)}
    upward = sorted(name for name in imports(module) if part(name) not in allowed)
    assert not upward, f"{module} imports {upward}: {part(module)} may import {sorted(allowed)}"


def test_the_parts_are_listed_bottom_up():
    order = list(PARTS)
    for name, below in PARTS.items():
        assert all(order.index(other) < order.index(name) for other in below), name


def test_the_readme_map_lists_every_module_part_by_part():
    readme = (SRC.parents[1] / "README.md").read_text("utf-8")
    section = readme[readme.index("### A map of the house") : readme.index("### Where to add")]
    rows = re.findall(r"^\|[^|]*\| ([^|]+) \|", section, flags=re.M)  # the module column
    listed = [
        name.replace("/", ".")
        for row in rows
        for name in re.findall(r"`([a-z0-9_]+(?:/[a-z0-9_]+)?)\.py`", row)
    ]
    expected = [m for m in modules() if not m.endswith("__init__") and m != "__main__"]
    assert sorted(listed) == expected  # every module once
    parts = [part(name) for name in listed]
    assert parts == sorted(parts, key=list(PARTS).index)  # part by part, bottom up


def test_the_import_graph_has_no_cycle():
    graph = {name: imports(name) for name in modules()}
    seen: dict[str, str] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if seen.get(name) == "done":
            return
        assert seen.get(name) != "open", " -> ".join((*trail, name))
        seen[name] = "open"
        for other in sorted(graph.get(name, ())):
            visit(other, (*trail, name))
        seen[name] = "done"

    for name in graph:
        visit(name, ())
