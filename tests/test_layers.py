"""Each library has one owner module, and one-shot commands never load the prompt libraries."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "rolefinder"

OWNERS = {
    "typer": "cli.py",
    "rich": "render.py",
    "questionary": "prompts.py",
    "prompt_toolkit": "prompts.py",
    "yaml": "yamlfile.py",
}
PURE = ["engine.py", "model.py", "schema.py", "quiz.py", "lookup.py", "i18n.py", "errors.py"]


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", sorted(SRC.glob("*.py")), ids=lambda p: p.name)
def test_only_the_owner_imports_each_library(path):
    for library in imported_roots(path) & OWNERS.keys():
        assert OWNERS[library] == path.name, f"{path.name} imports {library}"


@pytest.mark.parametrize("name", PURE)
def test_the_core_does_no_io(name):
    tree = ast.parse((SRC / name).read_text("utf-8"))
    calls = {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert not calls & {"print", "open", "input"}
    assert not imported_roots(SRC / name) & {"sys", "subprocess", "pathlib", "shutil"}


@pytest.mark.parametrize(
    "args",
    [
        ["schema"],
        ["validate"],
        ["roles"],
        ["show", "social-media-analyst"],
        ["--help"],
        ["--version"],
        ["roles", "--json"],
        ["quiz", "--answers", "{sheet}", "--json"],
    ],
)
def test_one_shot_commands_never_import_the_prompt_libraries(args, tmp_path):
    from personas import PERSONAS

    sheet = tmp_path / "sheet.json"
    sheet.write_text(json.dumps(PERSONAS["graphic-designer"]), "utf-8")
    args = [str(sheet) if arg == "{sheet}" else arg for arg in args]
    code = (
        "import sys; from rolefinder.cli import app\n"
        f"try: app({args!r}, prog_name='rolefinder')\n"
        "except SystemExit: pass\n"
        "prompt_libraries = ('questionary', 'prompt_toolkit')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in prompt_libraries)\n"
        "print('LOADED', bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "LOADED []" in out.stdout


def test_yaml_is_parsed_with_the_c_loader_when_present():
    import yaml

    from rolefinder import yamlfile

    if getattr(yaml, "__with_libyaml__", False):
        assert yamlfile.SafeLoader is yaml.CSafeLoader
    else:
        assert yamlfile.SafeLoader is yaml.SafeLoader


@pytest.mark.parametrize("args", [["roles"], ["show", "social-media-analyst"]])
def test_a_cached_catalogue_is_loaded_without_pyyaml_the_checks_or_openssl(args, tmp_path):
    code = (
        "import sys; from rolefinder.cli import app\n"
        f"try: app({args!r}, prog_name='rolefinder')\n"
        "except SystemExit: pass\n"
        "watched = ('yaml', 'rolefinder.schema', '_hashlib')  # _hashlib: OpenSSL, 2-3 ms\n"
        "print('LOADED', sorted(m for m in sys.modules if m in watched))\n"
    )
    env = {**os.environ, "ROLEFINDER_CACHE": str(tmp_path / "cache")}
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    assert "LOADED ['rolefinder.schema', 'yaml']" in runs[0].stdout  # the first run parses
    assert "LOADED []" in runs[1].stdout  # the second finds it in the cache
    assert runs[0].stdout.split("LOADED")[0] == runs[1].stdout.split("LOADED")[0]
