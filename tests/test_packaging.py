"""The wheel carries the catalogue and the translation files, so an installed rolefinder finds
them from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_contains_the_catalogue_and_the_translations(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("rolefinder-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("rolefinder/data/roles.yaml")
        names = archive.namelist()
        words = {name: archive.read(name) for name in names if name.endswith(".po")}
    assert shipped == (ROOT / "data" / "roles.yaml").read_bytes()
    folder = ROOT / "src" / "rolefinder" / "words"
    assert words == {f"rolefinder/words/{p.name}": p.read_bytes() for p in folder.glob("*.po")}
    assert len(words) >= 2
    # every module of every part ships (a part is a folder: a missing one would fail only on import)
    modules = {p.relative_to(ROOT / "src").as_posix() for p in (ROOT / "src").rglob("*.py")}
    assert "rolefinder/cli/app.py" in modules and modules <= set(names)
    assert not [n for n in names if n.startswith("tests/")]


def test_the_installed_command_finds_its_catalogue_from_another_folder(tmp_path):
    command = Path(sys.executable).parent / "rolefinder"
    out = subprocess.run(
        [str(command), "roles", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "", "LANG": "C.UTF-8"},
    )
    assert out.stdout.count('"id"') == 10
