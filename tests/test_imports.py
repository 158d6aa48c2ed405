"""The import graph: data flows one way, from the model up to the command line.

Every import of a rolefinder module counts, at the top of a file, inside a function or under
TYPE_CHECKING: a module may import only from modules before it in LAYERS (the README's map of
the house, in the same order). So there is no cycle, and a newcomer can read the house from
the bottom up. A new module must be placed in LAYERS, or this test fails.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "rolefinder"

LAYERS = [
    "version",
    "languages",
    "i18n",
    "errors",
    "model",
    "schema",
    "yamlfile",
    "collector",
    "files",
    "cache",
    "history",
    "catalogue",
    "engine",
    "explain",
    "codes",
    "report",
    "formbuild",
    "compare",
    "cards",
    "save",
    "workbook",  # a spreadsheet's cells and columns; imports nothing of ours
    "tables",
    "forms",
    "classroom",
    "summary",
    "batch",
    "quiz",
    "prompts",
    "lookup",
    "audit",
    "render",
    "cli",
    "__init__",  # the package's names (load_catalogue, rank, ...), loaded lazily
    "__main__",
]


def imports(name: str) -> set[str]:
    """The rolefinder modules that module ``name`` imports, wherever in the file."""
    tree = ast.parse((SRC / f"{name}.py").read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] != "rolefinder":
                continue
            if len(parts) > 1:
                found.add(parts[1])
            else:  # from rolefinder import x: a submodule, or a name of the package itself
                found |= {
                    a.name if (SRC / f"{a.name}.py").exists() else "__init__" for a in node.names
                }
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("rolefinder.")}
    return found - {name}


def test_every_module_has_its_place():
    assert sorted(LAYERS) == sorted(path.stem for path in SRC.glob("*.py"))


def test_the_readme_map_lists_every_module_in_this_order():
    readme = (SRC.parents[1] / "README.md").read_text("utf-8")
    section = readme[readme.index("### A map of the house") : readme.index("### Where to add")]
    rows = re.findall(r"^\| ([^|]+) \|", section, flags=re.M)
    listed = [name for row in rows for name in re.findall(r"`([a-z0-9_]+)\.py`", row)]
    assert listed == [name for name in LAYERS if not name.startswith("__")]


@pytest.mark.parametrize("name", LAYERS)
def test_a_module_imports_only_from_below(name):
    below = set(LAYERS[: LAYERS.index(name)])
    upward = imports(name) - below
    assert not upward, f"{name} imports {sorted(upward)}, which come after it in LAYERS"


def test_the_import_graph_has_no_cycle():
    graph = {name: imports(name) for name in LAYERS}
    seen: dict[str, str] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if seen.get(name) == "done":
            return
        assert seen.get(name) != "open", " -> ".join((*trail, name))
        seen[name] = "open"
        for other in sorted(graph[name]):
            visit(other, (*trail, name))
        seen[name] = "done"

    for name in LAYERS:
        visit(name, ())
