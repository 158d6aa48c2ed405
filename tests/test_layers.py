"""Each library has one owner (a module, or the folder of a part), one-shot commands never
load the prompt libraries, and no test module imports another."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ONE_SHOT, app_commands, one_shot

SRC = Path(__file__).resolve().parents[1] / "src" / "rolefinder"
TESTS = Path(__file__).resolve().parent

# The owner of each library: a module, or a part (a folder, "cli/") whose modules all may.
OWNERS = {
    "typer": "cli/",
    "rich": "terminal/",  # a folder: every module of the terminal part
    "questionary": "quiz/prompts.py",
    "prompt_toolkit": "quiz/prompts.py",
    "yaml": "catalogue/yamlfile.py",
    "openpyxl": "classroom/tables.py",
    "sqlite3": "history/store.py",
}
# words/i18n.py is not among them: it reads its translation files (see i18n.messages).
PURE = [
    "assess/engine.py",
    "catalogue/model.py",
    "catalogue/schema.py",
    "quiz/sitting.py",
    "catalogue/lookup.py",
    "errors.py",
]


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def owns(owner: str, name: str) -> bool:
    """Whether the module ``name`` ("terminal/lists.py") is ``owner``, or is in it when
    ``owner`` is a folder ("terminal/")."""
    return name.startswith(owner) if owner.endswith("/") else name == owner


@pytest.mark.parametrize(
    ("owner", "name", "expected"),
    [
        ("terminal/", "terminal/render.py", True),
        ("terminal/", "terminal/lists.py", True),
        ("terminal/", "present/cards.py", False),
        ("terminal/", "terminal.py", False),
        ("cli/app.py", "cli/app.py", True),
        ("cli/app.py", "cli/other.py", False),
    ],
)
def test_an_owner_is_a_module_or_a_folder(owner, name, expected):
    assert owns(owner, name) is expected


@pytest.mark.parametrize(
    "path", sorted(SRC.rglob("*.py")), ids=lambda p: p.relative_to(SRC).as_posix()
)
def test_only_the_owner_imports_each_library(path):
    name = path.relative_to(SRC).as_posix()
    for library in imported_roots(path) & OWNERS.keys():
        assert owns(OWNERS[library], name), f"{name} imports {library}"


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


def test_every_command_has_a_one_shot_row():
    assert set(ONE_SHOT) == set(app_commands()), "helpers.ONE_SHOT needs a row for each command"


# Every command, run as in helpers.ONE_SHOT; then the options answered before any command, and
# JSON output (the words after a command's name are added to its ONE_SHOT run).
ALSO = [["--help"], ["--version"], ["roles", "--json"], ["quiz", "--json"]]


@pytest.mark.parametrize("args", [[name] for name in sorted(app_commands())] + ALSO, ids=" ".join)
def test_one_shot_commands_never_import_the_prompt_libraries(args, tmp_path):
    name, *more = args
    if not name.startswith("-"):
        args = [*one_shot(name, tmp_path), *more]
    code = (
        "import sys; from rolefinder.cli.app import app\n"
        "code = 0\n"
        f"try: app({args!r}, prog_name='rolefinder')\n"
        "except SystemExit as exit: code = exit.code or 0\n"
        "prompt_libraries = ('questionary', 'prompt_toolkit')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in prompt_libraries)\n"
        "print('EXIT', code, 'LOADED', bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # a command that stopped with an error has not shown that it runs without them
    assert "EXIT 0 LOADED []" in out.stdout, out.stdout[-500:] + out.stderr[-2000:]


def test_yaml_is_parsed_with_the_c_loader_when_present():
    import yaml

    from rolefinder.catalogue import yamlfile

    if getattr(yaml, "__with_libyaml__", False):
        assert yamlfile.SafeLoader is yaml.CSafeLoader
    else:
        assert yamlfile.SafeLoader is yaml.SafeLoader


@pytest.mark.parametrize("args", [["roles"], ["show", "social-media-analyst"]])
def test_a_cached_catalogue_is_loaded_without_pyyaml_the_checks_or_openssl(args, tmp_path):
    code = (
        "import sys; from rolefinder.cli.app import app\n"
        f"try: app({args!r}, prog_name='rolefinder')\n"
        "except SystemExit: pass\n"
        "watched = ('yaml', 'rolefinder.catalogue.schema', '_hashlib')  # _hashlib: OpenSSL\n"
        "print('LOADED', sorted(m for m in sys.modules if m in watched))\n"
    )
    env = {**os.environ, "ROLEFINDER_CACHE": str(tmp_path / "cache")}
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    assert (
        "LOADED ['rolefinder.catalogue.schema', 'yaml']" in runs[0].stdout
    )  # the first run parses
    assert "LOADED []" in runs[1].stdout  # the second finds it in the cache
    assert runs[0].stdout.split("LOADED")[0] == runs[1].stdout.split("LOADED")[0]


def imported_test_modules(source: str, test_modules: set[str]) -> set[str]:
    """The test modules that ``source`` imports, however it names them."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        else:
            continue
        found |= {part for name in names for part in name.split(".")} & test_modules
    return found


def test_no_test_module_imports_another():
    """Shared code and data live in helpers.py, catalogues.py, personas.py and conftest.py."""
    paths = sorted(TESTS.rglob("*.py"))
    test_modules = {path.stem for path in paths if path.stem.startswith("test_")}
    assert Path(__file__).stem in test_modules and len(test_modules) > 20, test_modules
    for example in ("from test_cli import app", "import tests.test_cli", "from . import test_cli"):
        assert imported_test_modules(example, test_modules) == {"test_cli"}, example
    importers = {
        str(path.relative_to(TESTS)): sorted(imported)
        for path in paths
        if (imported := imported_test_modules(path.read_text("utf-8"), test_modules))
    }
    assert not importers, f"move what these share into tests/helpers.py: {importers}"


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (["roles"], False),
        (["show", "social-media-analyst"], False),
        (["--help"], False),
        (["class", "{csv}", "-o", "{out}"], False),
        (["class", "{xlsx}", "-o", "{out}"], True),
    ],
    ids=["roles", "show", "help", "class-csv", "class-xlsx"],
)
def test_only_reading_a_workbook_imports_openpyxl(args, loaded, tmp_path):
    from exports import EXPORTS, microsoft, workbook
    from rolefinder import load_catalogue

    xlsx = tmp_path / "class.xlsx"
    xlsx.write_bytes(workbook(microsoft(load_catalogue(), "en")))
    places = {
        "{csv}": str(EXPORTS / "google.csv"),
        "{xlsx}": str(xlsx),
        "{out}": str(tmp_path / "o"),
    }
    args = [places.get(arg, arg) for arg in args]
    code = (
        "import sys; from rolefinder.cli.app import app\n"
        "code = 0\n"
        f"try: app({args!r}, prog_name='rolefinder')\n"
        "except SystemExit as exit: code = exit.code or 0\n"
        "print('EXIT', code, 'LOADED', 'openpyxl' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert f"EXIT 0 LOADED {loaded}" in out.stdout, out.stdout[-500:] + out.stderr[-2000:]
