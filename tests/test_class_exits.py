"""How `rolefinder class` ends: a disk that fills part-way, SIGTERM, SIGHUP and SIGINT, a killed
helper process, a killed main process. Whatever happens, the output folder holds the six new
files or is exactly as it was (no new folder), no temporary file is left, and no process the
run started is left running."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import class_export, descendants, running
from rolefinder import files
from rolefinder.classroom.batch import HELPER_BYTES, OUT_FILES, score_class
from rolefinder.cli.app import app

FULL = "the disk is full. Nothing was changed."


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]] | None:
    """Every entry of ``folder`` with its bytes and permissions; None if there is no folder."""
    if not folder.exists():
        return None
    return {
        entry.name: (entry.read_bytes(), stat.S_IMODE(entry.lstat().st_mode))
        for entry in folder.iterdir()
    }


def temporaries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{files.PREFIX}*{files.SUFFIX}")) if folder.exists() else []


@pytest.fixture
def small_class(catalogue, tmp_path) -> Path:
    """60 students, one of whom sent the form twice: the files are written twice."""
    path = tmp_path / "class.csv"
    class_export(path, catalogue, 60)
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]), "utf-8")
    return path


@pytest.fixture
def last_term(catalogue, tmp_path) -> Path:
    """A folder with last term's six files (0640, as a teacher may keep them) and a file of the
    teacher's own, for ``class --force``."""
    old = tmp_path / "old.csv"
    class_export(old, catalogue, 25, seed=11)
    folder = tmp_path / "last-term"
    score_class(catalogue, [old], folder, "en", helper=False)
    for name in OUT_FILES:
        (folder / name).chmod(0o640)
    (folder / "notes.txt").write_text("my own notes", "utf-8")
    return folder


# --- A disk that fills part-way (item 2) -------------------------------------------------------


class Disk:
    """A disk with ``free`` bytes left: a write past them fails as a full disk's does."""

    def __init__(self, free: int) -> None:
        self.free = free

    def fdopen(self, real: Callable[..., object]) -> Callable[..., object]:
        def opened(handle: int, mode: str = "r", *args: object, **kwargs: object) -> object:
            stream = real(handle, mode, *args, **kwargs)
            return Filling(stream, self) if "w" in mode else stream

        return opened


class Filling:
    """A file on a Disk: its writes take the disk's free bytes."""

    def __init__(self, stream, disk: Disk) -> None:
        self.stream, self.disk = stream, disk

    def write(self, data) -> int:
        size = memoryview(data).nbytes
        if size > self.disk.free:
            self.disk.free = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.disk.free -= size
        return self.stream.write(data)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)

    def __enter__(self) -> Filling:
        return self

    def __exit__(self, *error: object) -> None:
        self.stream.close()


def written_bytes(catalogue, small_class, tmp_path) -> int:
    """What the six files take on disk for ``small_class``."""
    score_class(catalogue, [small_class], tmp_path / "measured", "en", helper=False)
    return sum(path.stat().st_size for path in (tmp_path / "measured").iterdir())


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")  # no traceback
@pytest.mark.parametrize("into", ["new", "last term"])
@pytest.mark.parametrize("filled_at", [0.0, 0.2, 0.45, 0.7, 0.9, 0.99, 0.9999])
def test_a_disk_that_fills_part_way_changes_nothing(
    runner, catalogue, small_class, last_term, tmp_path, monkeypatch, into, filled_at
):
    total = written_bytes(catalogue, small_class, tmp_path)
    folder = tmp_path / "new" / "results" if into == "new" else last_term
    before = snapshot(folder)
    monkeypatch.setattr(os, "fdopen", Disk(int(total * filled_at)).fdopen(os.fdopen))
    args = ["class", str(small_class), "--out", str(folder), "--force", "--lang", "en"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert FULL in result.stderr and "Traceback" not in result.output
    assert snapshot(folder) == before  # not one file replaced, no temporary file left
    assert not (tmp_path / "new").exists()  # and no folder made on the way


# The moves: six into a new folder; twelve into last term's, each old file moved aside first.
@pytest.mark.parametrize(
    ("into", "failing"),
    [("new", 1), ("new", 4), ("new", 6), *(("last term", n) for n in (1, 2, 7, 12))],
)
def test_a_move_that_fails_puts_every_file_back(
    runner, catalogue, small_class, last_term, tmp_path, monkeypatch, into, failing
):
    """Each file to its name is one move, and one more to move the old file aside: should any
    of them fail (a disk full to its last directory block), the moves made are undone."""
    folder = tmp_path / "results" if into == "new" else last_term
    before = snapshot(folder)
    real, calls = os.replace, []

    def replace(source, target):
        calls.append(target)
        if len(calls) == failing:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(source))
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    args = ["class", str(small_class), "--out", str(folder), "--force", "--lang", "en"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and FULL in result.stderr, result.output
    assert snapshot(folder) == before


def test_a_full_disk_is_told_in_indonesian_too(runner, small_class, tmp_path, monkeypatch):
    monkeypatch.setattr(os, "fdopen", Disk(1000).fdopen(os.fdopen))
    folder = tmp_path / "hasil"
    result = runner.invoke(app, ["class", str(small_class), "--out", str(folder), "--lang", "id"])
    assert result.exit_code == 1
    assert "disknya penuh. Tidak ada yang diubah." in result.stderr
    assert not folder.exists()


def test_the_files_keep_their_permissions_and_are_private_while_written(
    catalogue, small_class, last_term, tmp_path
):
    score_class(catalogue, [small_class], last_term, "en", force=True, helper=False)
    assert {stat.S_IMODE((last_term / name).stat().st_mode) for name in OUT_FILES} == {0o640}
    seen: list[int] = []

    def watch(path, done):  # while the rows are written: every temporary file is 0600
        seen.extend(stat.S_IMODE(p.stat().st_mode) for p in temporaries(tmp_path / "fresh"))

    umask = os.umask(0)
    os.umask(umask)
    score_class(catalogue, [small_class], tmp_path / "fresh", "en", progress=watch, helper=False)
    assert seen and set(seen) == {0o600}
    new = {stat.S_IMODE((tmp_path / "fresh" / name).stat().st_mode) for name in OUT_FILES}
    assert new == {0o666 & ~umask}


def test_temporary_files_a_killed_run_left_long_ago_are_removed(
    catalogue, small_class, last_term, tmp_path
):
    old, fresh, link = (last_term / f"{files.PREFIX}{n}{files.SUFFIX}" for n in "ofl")
    old.write_bytes(b"names and e-mails")
    fresh.write_bytes(b"another run, still writing")
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not ours to remove", "utf-8")
    link.symlink_to(elsewhere)
    long_ago = time.time() - 2 * files.STALE_SECONDS
    for path in (old, link):
        os.utime(path, (long_ago, long_ago), follow_symlinks=False)
    score_class(catalogue, [small_class], last_term, "en", force=True, helper=False)
    assert not old.exists()
    assert fresh.exists() and link.is_symlink() and elsewhere.exists()


# --- A signal while the files are put in place -------------------------------------------------


@pytest.mark.parametrize("into", ["new", "last term"])
def test_a_signal_while_the_files_move_waits_for_the_whole_set(
    runner, small_class, last_term, tmp_path, monkeypatch, into
):
    folder = tmp_path / "results" if into == "new" else last_term
    real = os.replace

    def replace(source, target):  # SIGTERM as each file moves: the first one counts
        os.kill(os.getpid(), signal.SIGTERM)
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    handler = signal.getsignal(signal.SIGTERM)
    args = ["class", str(small_class), "--out", str(folder), "--force", "--lang", "en"]
    result = runner.invoke(app, args)
    assert result.exit_code == 143, result.output
    assert "Stopped (SIGTERM) just after the results were written into" in result.stderr
    assert not temporaries(folder)
    students = json.loads((folder / "results.json").read_text("utf-8"))["students"]
    assert len(students) == 60  # the new class, whole (one sent the form twice)
    assert "Siswa 59" in (folder / "results.csv").read_text("utf-8-sig")
    assert signal.getsignal(signal.SIGTERM) == handler  # as it was before


# --- Signals and killed processes, in real processes (item 5) ----------------------------------

pexpect = pytest.importorskip("pexpect", reason="pexpect drives a pseudo-terminal")
needs_proc = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
two_cores = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the helper needs two cores")

# rolefinder as installed, but with chunks of 200 rows for the helper (many of them in a short
# class), and stopped at its first student's row until a file appears: the results files are
# begun, the helper process has chunks to score and more are to be sent, the progress bar is
# on screen.
PAUSED = """
import sys, time
from pathlib import Path
from rolefinder.classroom import batch, resultfiles
paused, go, at = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
write, count = resultfiles.CsvWriter.write, [0]
batch.CHUNK = 200

def paused_write(self, cells):
    count[0] += 1
    if count[0] == at:
        paused.touch()
        while not go.exists():
            time.sleep(0.02)
    write(self, cells)

resultfiles.CsvWriter.write = paused_write
from rolefinder.cli.app import run
sys.argv = ["rolefinder", *sys.argv[4:]]
run()
"""
HIDE, SHOW = "\x1b[?25l", "\x1b[?25h"


@pytest.fixture(scope="module")
def long_class(tmp_path_factory, catalogue) -> Path:
    """A class long enough for the helper process."""
    path = tmp_path_factory.mktemp("long") / "long.csv"
    class_export(path, catalogue, 4400)
    assert path.stat().st_size >= HELPER_BYTES
    return path


class Run:
    """rolefinder class on a pseudo-terminal, paused half-way (PAUSED)."""

    def __init__(self, tmp_path: Path, source: Path, out: Path, *more: str) -> None:
        self.paused, self.go = tmp_path / "paused", tmp_path / "go"
        args = [str(self.paused), str(self.go), "1", "class", str(source), "-o", str(out)]
        env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8"}
        env.pop("NO_COLOR", None)
        self.child = pexpect.spawn(
            sys.executable,
            ["-c", PAUSED, *args, *more, "--lang", "en"],
            env=env,
            encoding="utf-8",
            dimensions=(24, 80),
            timeout=120,
        )
        self.screen = ""
        self.until(self.paused.exists)
        self.started = descendants(self.child.pid)

    def until(self, condition: Callable[[], bool]) -> None:
        """Read the screen until ``condition`` holds (a guard against a hang, not a timing)."""
        deadline = time.monotonic() + 120
        while not condition():
            assert time.monotonic() < deadline, self.screen
            with contextlib.suppress(pexpect.TIMEOUT):
                self.child.expect(pexpect.EOF, timeout=0.05)
            self.screen += self.child.before or ""

    def end(self) -> int:
        """The rest of the screen; the exit status (128 + the signal if one killed it)."""
        self.child.expect(pexpect.EOF)
        self.screen += self.child.before or ""
        self.child.close()
        return (
            self.child.exitstatus
            if self.child.exitstatus is not None
            else 128 + (self.child.signalstatus or 0)
        )

    def helper(self) -> int:
        (pid,) = [pid for pid, command in self.started.items() if "spawn_main" in command]
        return pid


@needs_proc
@two_cores
@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("SIGTERM", 143, "Stopped (SIGTERM) before the results were written"),
        ("SIGHUP", 129, "Stopped (SIGHUP) before the results were written"),
        ("SIGINT", 130, "Interrupted."),
    ],
)
@pytest.mark.parametrize("into", ["new", "last term"])
def test_a_signal_leaves_nothing_behind(long_class, last_term, tmp_path, name, code, words, into):
    folder = tmp_path / "results" if into == "new" else last_term
    before = snapshot(folder)
    run = Run(tmp_path, long_class, folder, "--force")
    commands = " ".join(run.started.values())
    assert "spawn_main" in commands and "resource_tracker" in commands, run.started
    half = temporaries(folder)
    assert half and {stat.S_IMODE(path.stat().st_mode) for path in half} == {0o600}
    assert HIDE in run.screen  # the progress bar is on screen, the cursor hidden
    os.kill(run.child.pid, getattr(signal, name))
    assert run.end() == code, run.screen
    assert words in run.screen and "Traceback" not in run.screen, run.screen
    assert run.screen.rfind(SHOW) > run.screen.rfind(HIDE)  # the cursor is back
    assert snapshot(folder) == before  # no temporary file, no new folder, the old files kept
    run.until(lambda: not any(running(pid) for pid in run.started))  # helper, tracker: gone


@needs_proc
@two_cores
@pytest.mark.parametrize(
    ("how", "code"), [("SIGHUP", 129), ("SIGTERM", 143), ("Ctrl-C", 130)], ids=str
)
def test_a_signal_to_the_whole_process_group_leaves_nothing_behind(long_class, tmp_path, how, code):
    """A closed terminal hangs up every process of the group, the helper and multiprocessing's
    resource tracker too; a tracker killed by it would be started again, with tracebacks."""
    folder = tmp_path / "results"
    run = Run(tmp_path, long_class, folder)
    if how == "Ctrl-C":
        run.child.sendcontrol("c")  # the terminal's own SIGINT, to the whole group
    else:
        os.killpg(run.child.pid, getattr(signal, how))
    assert run.end() == code, run.screen
    assert "Traceback" not in run.screen and "Warning" not in run.screen, run.screen
    assert not folder.exists()
    run.until(lambda: not any(running(pid) for pid in run.started))


@needs_proc
@two_cores
@pytest.mark.parametrize("name", ["SIGKILL", "SIGTERM"])
def test_a_killed_helper_is_replaced_by_scoring_here(catalogue, long_class, tmp_path, name):
    score_class(catalogue, [long_class], tmp_path / "alone", "en", helper=False)
    folder = tmp_path / "helped"
    run = Run(tmp_path, long_class, folder)
    helper = run.helper()
    os.kill(helper, getattr(signal, name))
    run.until(lambda: not running(helper))
    run.go.touch()
    assert run.end() == 0, run.screen
    assert "Traceback" not in run.screen and "StopIteration" not in run.screen, run.screen
    for file in OUT_FILES:  # every student scored, as without the helper
        assert (folder / file).read_bytes() == (tmp_path / "alone" / file).read_bytes(), file
    assert not temporaries(folder)
    run.until(lambda: not any(running(pid) for pid in run.started))


@needs_proc
@two_cores
def test_a_killed_main_process_takes_its_helper_with_it(long_class, tmp_path):
    """SIGKILL (the OOM killer) cannot be caught: the helper and the resource tracker still end,
    and the temporary files it cannot remove are readable by their owner alone."""
    folder = tmp_path / "results"
    run = Run(tmp_path, long_class, folder)
    assert len(run.started) == 2, run.started
    os.kill(run.child.pid, signal.SIGKILL)
    assert run.end() == 128 + signal.SIGKILL
    run.until(lambda: not any(running(pid) for pid in run.started))
    left = temporaries(folder)
    assert left and {stat.S_IMODE(path.stat().st_mode) for path in left} == {0o600}
