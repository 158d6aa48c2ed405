"""The history in a place a neighbour could have prepared: a predictable data folder under a
shared, sticky folder like /tmp, where another user made a folder, a file or a link first.

Every case must cost the quiz only its line ("not kept", naming the place and what is wrong),
make `history` exit 1 with the same reason, and write nothing anywhere: the whole tree is the
same before and after. The other user is uid 65534 (nobody); making files theirs needs root,
so those cases are skipped elsewhere.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SheetPrompter
from personas import PERSONAS
from rolefinder.cli.app import app
from rolefinder.cli.base import World
from rolefinder.history import places
from rolefinder.history import store as history

NEIGHBOUR = 65534  # nobody: another user on the same machine
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False
needs_root = pytest.mark.skipif(not ROOT, reason="making a file another user's needs root")
pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")


def sitting(catalogue) -> World:
    """A terminal whose user answers as the graphic designer."""
    return World(prompter=SheetPrompter(catalogue, PERSONAS["graphic-designer"]), interactive=True)


def tree(top: Path) -> dict[str, tuple]:
    """Everything under ``top`` as lstat sees it, with each file's bytes: what must not change."""
    found: dict[str, tuple] = {}
    for folder, names, files in os.walk(top):
        for name in names + files:
            place = Path(folder, name)
            status = os.lstat(place)
            data = place.read_bytes() if place.is_file() and not place.is_symlink() else None
            found[str(place.relative_to(top))] = (status.st_mode, status.st_uid, data)
    return found


def neighbours(place: Path, mode: int) -> Path:
    """``place`` (a folder made now if missing) made the neighbour's, with ``mode``."""
    if not place.exists():
        place.mkdir()
    os.chmod(place, mode)
    os.chown(place, NEIGHBOUR, NEIGHBOUR)
    return place


def private_file(place: Path) -> Path:
    """A real history file of the neighbour's: the target a link would send results to."""
    place.parent.mkdir(parents=True, exist_ok=True)
    sqlite3.connect(place).close()
    return place


# Each case prepares the shared folder and gives the history path, the place the message
# must name, and what it must say is wrong there.
Case = Callable[[Path], tuple[Path, Path, str]]


def folder_made_by_a_neighbour(shared: Path) -> tuple[Path, Path, str]:
    folder = neighbours(shared / "data", 0o777)
    return folder / "history.sqlite3", folder, "belongs to another user (uid 65534)"


def folder_above_made_by_a_neighbour(shared: Path) -> tuple[Path, Path, str]:
    above = neighbours(shared / "xdg", 0o777)  # XDG_DATA_HOME=/tmp/xdg, made first
    return above / "rolefinder" / "history.sqlite3", above, "belongs to another user"


def private_folder_of_a_neighbour(shared: Path) -> tuple[Path, Path, str]:
    folder = neighbours(shared / "data", 0o700)  # root reads it; the user it is made for not
    return folder / "history.sqlite3", folder, "belongs to another user"


def own_folder_anyone_can_write(shared: Path) -> tuple[Path, Path, str]:
    folder = shared / "data"
    folder.mkdir()
    folder.chmod(0o777)
    return folder / "history.sqlite3", folder, "can be changed by other users"


def own_folder_above_anyone_can_write(shared: Path) -> tuple[Path, Path, str]:
    above = shared / "xdg"
    above.mkdir()
    above.chmod(0o777)  # not sticky: anyone may rename the folder in it
    (above / "rolefinder").mkdir(mode=0o700)
    return above / "rolefinder" / "history.sqlite3", above, "can be changed by other users"


def file_anyone_can_write(shared: Path) -> tuple[Path, Path, str]:
    folder = shared / "data"
    folder.mkdir(mode=0o700)
    file = private_file(folder / "history.sqlite3")
    file.chmod(0o666)
    return file, file, "can be changed by other users"


def file_of_a_neighbour(shared: Path) -> tuple[Path, Path, str]:
    folder = shared / "data"
    folder.mkdir(mode=0o700)
    file = neighbours(private_file(folder / "history.sqlite3"), 0o644)
    return file, file, "belongs to another user"


def folder_is_a_link(shared: Path) -> tuple[Path, Path, str]:
    target = shared / "theirs"
    target.mkdir(mode=0o700)  # even one that would pass every other check
    (shared / "data").symlink_to(target)
    return shared / "data" / "history.sqlite3", shared / "data", "is a symbolic link"


def file_is_a_link(shared: Path) -> tuple[Path, Path, str]:
    folder = shared / "data"
    folder.mkdir(mode=0o700)
    target = private_file(shared / "theirs" / "history.sqlite3")
    (folder / "history.sqlite3").symlink_to(target)
    return folder / "history.sqlite3", folder / "history.sqlite3", "is a symbolic link"


def file_is_a_dangling_link(shared: Path) -> tuple[Path, Path, str]:
    folder = shared / "data"
    folder.mkdir(mode=0o700)
    (folder / "history.sqlite3").symlink_to(shared / "theirs.sqlite3")  # made if followed
    return folder / "history.sqlite3", folder / "history.sqlite3", "is a symbolic link"


def link_above_made_by_a_neighbour(shared: Path) -> tuple[Path, Path, str]:
    target = shared / "theirs"
    target.mkdir(mode=0o700)
    (target / "rolefinder").mkdir(mode=0o700)
    link = shared / "xdg"
    link.symlink_to(target)
    os.lchown(link, NEIGHBOUR, NEIGHBOUR)  # theirs: in a sticky folder, they can change it
    return link / "rolefinder" / "history.sqlite3", link, "belongs to another user"


CASES: dict[str, tuple[Case, bool]] = {  # the case, and whether it needs another user
    "folder made by a neighbour": (folder_made_by_a_neighbour, True),
    "folder above made by a neighbour": (folder_above_made_by_a_neighbour, True),
    "private folder of a neighbour": (private_folder_of_a_neighbour, True),
    "own folder anyone can write": (own_folder_anyone_can_write, False),
    "own folder above anyone can write": (own_folder_above_anyone_can_write, False),
    "file anyone can write": (file_anyone_can_write, False),
    "file of a neighbour": (file_of_a_neighbour, True),
    "folder is a link": (folder_is_a_link, False),
    "file is a link": (file_is_a_link, False),
    "file is a dangling link": (file_is_a_dangling_link, False),
    "link above made by a neighbour": (link_above_made_by_a_neighbour, True),
}


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A folder like /tmp: anyone may make things in it, only their owner may remove them."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    folder.chmod(0o1777)
    return folder


def prepared(name: str, shared: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    case, two_users = CASES[name]
    if two_users and not ROOT:
        pytest.skip("another user's files need root")
    path, place, wrong = case(shared)
    monkeypatch.setenv(history.HISTORY_ENV, str(path))
    return place, wrong


@pytest.mark.parametrize("name", CASES)
def test_the_quiz_shows_its_result_and_keeps_it_nowhere(
    name, shared, monkeypatch, runner, catalogue
):
    place, wrong = prepared(name, shared, monkeypatch)
    before = tree(shared)
    done = runner.invoke(app, ["quiz"], obj=sitting(catalogue))
    assert done.exit_code == 0, done.output
    assert "Best fit" in done.stdout
    assert "Kept in this computer's history" not in done.stdout  # it says so only when it was
    (line,) = done.stderr.splitlines()
    assert line.startswith("This result was not kept in your history:"), line
    assert f"{place} {wrong}" in line
    assert "Traceback" not in done.output
    assert tree(shared) == before  # nothing made, nothing written, no journal


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize(
    "args", [["history"], ["history", "--json"], ["history", "--forget", "-y"]]
)
def test_listing_or_forgetting_refuses_and_exits_1(name, args, shared, monkeypatch, runner):
    place, wrong = prepared(name, shared, monkeypatch)
    before = tree(shared)
    done = runner.invoke(app, args)
    assert done.exit_code == 1, done.output
    (line,) = done.stderr.splitlines()
    assert line.startswith("Error: Cannot read your history") and f"{place} {wrong}" in line
    assert "Traceback" not in done.output
    assert tree(shared) == before


def test_in_a_shared_folder_a_history_of_ones_own_is_made_private(shared, monkeypatch, catalogue):
    # /tmp/xdg/rolefinder/history.sqlite3 with nothing there yet: made, each folder 0700.
    path = shared / "xdg" / "rolefinder" / "history.sqlite3"
    monkeypatch.setenv(history.HISTORY_ENV, str(path))
    umask = os.umask(0)  # the modes are rolefinder's, not the umask's
    try:
        assert history.record(lang="en", fingerprint="F", answers={}, top=[], code="C") is None
    finally:
        os.umask(umask)
    assert [e.code for e in history.entries()] == ["C"]
    for made in (path.parent.parent, path.parent):
        assert made.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_link_of_ones_own_above_the_folder_is_followed(tmp_path, monkeypatch):
    # Links above the folder are everyday (a home on another disk): one of yours, in a folder
    # only you can change, is followed; the history lands in the real folder.
    real = tmp_path / "disk"
    real.mkdir(mode=0o700)
    (tmp_path / "home").symlink_to(real)
    path = tmp_path / "home" / "data" / "history.sqlite3"
    monkeypatch.setenv(history.HISTORY_ENV, str(path))
    assert history.record(lang="en", fingerprint="F", answers={}, top=[], code="C") is None
    assert (real / "data" / "history.sqlite3").is_file()
    assert [e.code for e in history.entries()] == ["C"]


def swap_file(path: Path, target: Path) -> None:
    path.unlink()
    path.symlink_to(target)


def swap_folder(path: Path, target: Path) -> None:
    path.parent.rename(path.parent.with_name("moved"))
    path.parent.symlink_to(target.parent)


@pytest.mark.parametrize("swap", [swap_file, swap_folder])
def test_a_link_swapped_in_after_the_checks_is_caught_before_a_byte_is_read(
    swap, tmp_path, monkeypatch
):
    # Only the user (or root) can swap anything in a folder that passes the checks; if that
    # happens between the checks and SQLite's own open, SQLite's file is not the one checked.
    path = tmp_path / "data" / "history.sqlite3"
    monkeypatch.setenv(history.HISTORY_ENV, str(path))
    assert history.record(lang="en", fingerprint="F", answers={}, top=[], code="MINE") is None
    target = private_file(tmp_path / "theirs" / "history.sqlite3")
    planted = target.read_bytes()
    checked = places.opened_file

    def then_swapped(*args):
        status = checked(*args)
        swap(path, target)
        return status

    monkeypatch.setattr(places, "opened_file", then_swapped)
    line = history.record(lang="en", fingerprint="F", answers={}, top=[], code="LEAK")
    assert line is not None and "it was replaced while it was being opened" in line
    assert target.read_bytes() == planted
    assert sorted(p.name for p in target.parent.iterdir()) == ["history.sqlite3"]  # no journal
