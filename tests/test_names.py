"""Modules a reader can hold: no two modules of the package define a public function or class
of the same name, so a name read anywhere (in code, a test, the README) says which thing it is
(private ``_names`` may repeat: they are never read outside their module); and a module over
about 500 lines says at its top why it stays whole."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "rolefinder"


def public_definitions(source: str) -> set[str]:
    """The public functions and classes a module defines at its top level (also those defined
    under an ``if``, such as TYPE_CHECKING or a platform check; imports are not definitions)."""
    names: set[str] = set()
    pending = list(ast.parse(source).body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if not node.name.startswith("_"):
                names.add(node.name)
        elif isinstance(node, ast.If | ast.Try):
            pending += [*node.body, *node.orelse, *getattr(node, "finalbody", [])]
            pending += [
                child for handler in getattr(node, "handlers", []) for child in handler.body
            ]
    return names


def test_public_definitions_finds_what_a_module_defines():
    source = (
        "from os import path\n"
        "def shown(): pass\n"
        "async def fetched(): pass\n"
        "class Thing:\n"
        "    def method(self): pass\n"
        "def _hidden(): pass\n"
        "if True:\n"
        "    def guarded(): pass\n"
        "try:\n"
        "    def tried(): pass\n"
        "except ImportError:\n"
        "    def fallback(): pass\n"
    )
    assert public_definitions(source) == {
        "shown",
        "fetched",
        "Thing",
        "guarded",
        "tried",
        "fallback",
    }


def test_no_two_modules_define_the_same_public_name():
    owners: dict[str, list[str]] = defaultdict(list)
    for path in sorted(SRC.rglob("*.py")):
        for name in public_definitions(path.read_text("utf-8")):
            owners[name].append(path.relative_to(SRC).as_posix())
    assert len(owners) > 100, "the package's names were not found"
    shared = {name: where for name, where in owners.items() if len(where) > 1}
    assert not shared, f"one name, two things: rename one, or merge them if they are one: {shared}"


# "About 500 lines": a module past this says at the top of its docstring why it stays whole.
LONG = 500
WHY_WHOLE = "Why it stays whole"
# Split on their own branches of the same release (the command line, the screen, the messages
# moving to .po files); this set empties when those land.
SPLIT_ELSEWHERE: set[str] = set()  # none left: every long module says why it stays whole


def test_a_long_module_says_why_it_stays_whole():
    long = {}
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        text = path.read_text("utf-8")
        lines = text.count("\n")
        if lines > LONG and name not in SPLIT_ELSEWHERE:
            doc = ast.get_docstring(ast.parse(text)) or ""
            # the reason comes right after the docstring's first line, where a reader starts
            if WHY_WHOLE not in "\n".join(doc.split("\n\n")[:2]):
                long[name] = lines
    assert not long, f"split these, or say why each stays whole ({WHY_WHOLE!r}): {long}"
