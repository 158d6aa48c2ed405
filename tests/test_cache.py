"""The parsed-catalogue cache: used when sound, skipped when not, never a reason to fail, and
never a way for what another user put in a folder to run code or change a catalogue."""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import field, fields, is_dataclass, make_dataclass, replace
from pathlib import Path
from typing import get_args, get_origin, get_type_hints

import pytest

import rolefinder.catalogue.yamlfile as yamlfile
from rolefinder import load_catalogue
from rolefinder.catalogue import cache, model
from rolefinder.catalogue.load import check_catalogue
from rolefinder.errors import Phrase, Problem
from rolefinder.words.languages import LANGS

SHIPPED = Path(__file__).resolve().parents[1] / "data" / "roles.yaml"
POSIX = pytest.mark.skipif(
    os.open not in os.supports_dir_fd, reason="no cache where files cannot be opened in a folder"
)
pytestmark = POSIX
ROOT = pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() != 0, reason="only root can act as another user"
)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    path = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(path))
    return path


@pytest.fixture
def copy(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_bytes(SHIPPED.read_bytes())
    return path


@pytest.fixture
def parses(monkeypatch):
    """How many times a catalogue was parsed (not taken from the cache)."""
    count = []
    real = yamlfile.read_yaml
    monkeypatch.setattr(yamlfile, "read_yaml", lambda text: count.append(1) or real(text))
    return count


def kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalogue-*.json")) if folder.exists() else []


def entry_for(path: Path) -> str:
    return f"catalogue-{cache.key(path.read_bytes())}.json"


def test_a_second_load_comes_from_the_cache(folder, copy, parses):
    first = load_catalogue(copy)
    assert len(kept(folder)) == 1 and parses == [1]
    second = load_catalogue(copy)
    assert parses == [1]
    assert second == first and second.source == str(copy)


def test_warnings_come_back_from_the_cache_too(folder, tmp_path, parses):
    path = tmp_path / "one-language.yaml"
    path.write_text(SHIPPED.read_text("utf-8").replace(", id: Kreatif}", "}", 1), "utf-8")
    first, second = check_catalogue(path), check_catalogue(path)
    assert parses == [1] and first.warnings and second.warnings == first.warnings


def test_a_changed_file_is_parsed_again(folder, copy):
    load_catalogue(copy)
    text = copy.read_text("utf-8").replace("Social Media Admin", "Social Media Admins")
    copy.write_text(text, "utf-8")
    assert load_catalogue(copy).role("social-media-admin").name.get("en") == "Social Media Admins"
    assert len(kept(folder)) == 2


@pytest.mark.parametrize(
    "damage",
    [b"", b"not json", b'{"key": "x"}', b"[1, 2]", pickle.dumps(("a", "tuple"))],
    ids=["empty", "not JSON", "another key", "a list", "a pickle"],
)
def test_a_damaged_entry_is_ignored_and_replaced(folder, copy, parses, damage):
    load_catalogue(copy)
    (entry,) = kept(folder)
    entry.write_bytes(damage)
    assert len(load_catalogue(copy).roles) == 10
    assert parses == [1, 1]
    assert json.loads(entry.read_bytes())["key"] in entry.name


def test_a_pickle_is_never_loaded(folder, copy, tmp_path):
    # An entry of 1.1's kind, made to run a command when unpickled, at the new entry's name.
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    folder.mkdir(mode=0o700)
    (folder / entry_for(copy)).write_bytes(pickle.dumps(Payload()))
    assert len(load_catalogue(copy).roles) == 10
    assert not marker.exists()
    code = "import rolefinder.catalogue.load as c, sys; c.load_catalogue()\n"
    code += "print('pickle' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"


def test_an_entry_renamed_onto_another_is_refused(folder, copy, tmp_path, parses):
    other = tmp_path / "other.yaml"
    other.write_text(copy.read_text("utf-8").replace("Social Media Admin", "Renamed"), "utf-8")
    load_catalogue(copy)
    load_catalogue(other)
    # The other catalogue's entry put where this one's is looked for.
    os.replace(folder / entry_for(other), folder / entry_for(copy))
    assert load_catalogue(copy).role("social-media-admin").name.get("en") == "Social Media Admin"
    assert parses == [1, 1, 1]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners")
@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda entry: entry.chmod(0o666), id="entry writable by others"),
        pytest.param(lambda entry: entry.chmod(0o620), id="entry writable by the group"),
        pytest.param(lambda entry: entry.parent.chmod(0o777), id="folder writable by others"),
        pytest.param(lambda entry: entry.parent.chmod(0o1777), id="folder shared like /tmp"),
        pytest.param(
            lambda entry: os.chown(entry, 4321, -1), id="entry of another user", marks=ROOT
        ),
        pytest.param(
            lambda entry: os.chown(entry.parent, 4321, -1), id="folder of another user", marks=ROOT
        ),
    ],
)
def test_an_entry_others_could_have_changed_is_not_trusted(folder, copy, parses, change):
    load_catalogue(copy)
    (entry,) = kept(folder)
    change(entry)
    assert len(load_catalogue(copy).roles) == 10
    assert parses == [1, 1]  # parsed again instead of trusting what others could have changed


def test_a_link_at_the_entrys_name_is_not_followed(folder, copy, tmp_path, parses):
    load_catalogue(copy)
    (entry,) = kept(folder)
    elsewhere = tmp_path / "elsewhere.json"
    os.replace(entry, elsewhere)
    entry.symlink_to(elsewhere)
    assert len(load_catalogue(copy).roles) == 10
    assert parses == [1, 1]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_at_the_entrys_name_does_not_hang(folder, copy):
    folder.mkdir(mode=0o700)
    os.mkfifo(folder / entry_for(copy), 0o600)
    code = f"from rolefinder import load_catalogue; print(len(load_catalogue({str(copy)!r}).roles))"
    env = {**os.environ, cache.CACHE_ENV: str(folder)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "10", done.stderr


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="no /dev/fd")
def test_a_catalogue_from_a_pipe_is_read_once(folder):
    # As `rolefinder validate <(cat roles.yaml)`: the bytes can be read only once.
    reading, writing = os.pipe()

    def feed():
        with os.fdopen(writing, "wb") as stream:
            stream.write(SHIPPED.read_bytes())

    feeder = threading.Thread(target=feed)
    feeder.start()
    try:
        report = check_catalogue(f"/dev/fd/{reading}")
    finally:
        feeder.join()
        os.close(reading)
    assert report.problems == [] and len(report.catalogue.roles) == 10


def test_the_cache_can_be_turned_off(tmp_path, copy, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    load_catalogue(copy)
    assert not list(tmp_path.rglob("catalogue-*"))


def test_a_tilde_in_the_setting_is_the_home_folder(tmp_path, copy, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv(cache.CACHE_ENV, "~/rf-cache")
    monkeypatch.chdir(tmp_path)
    load_catalogue(copy)
    assert kept(tmp_path / "home" / "rf-cache")
    assert not (tmp_path / "~").exists()


def test_an_unwritable_cache_folder_is_no_problem(tmp_path, copy, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    assert len(load_catalogue(copy).roles) == 10


def test_a_change_to_the_catalogue_classes_makes_old_entries_unused(folder, copy, monkeypatch):
    load_catalogue(copy)
    monkeypatch.setattr(cache, "_model_layout", lambda: "id name renamed_field")
    assert len(load_catalogue(copy).roles) == 10
    assert len(kept(folder)) == 2


@pytest.mark.parametrize(
    ("extra", "same"),
    [([], True), ([("extra", "int", field(default=0))], False)],
    ids=["the same fields", "a field added"],
)
def test_a_field_added_to_a_model_class_changes_the_key(monkeypatch, extra, same):
    before = cache.key(b"catalogue")
    copied = [(f.name, f.type, field(default=None)) for f in fields(model.Role)]
    try:
        with monkeypatch.context() as patch:
            patch.setattr(model, "Role", make_dataclass("Role", [*copied, *extra]))
            cache._model_layout.cache_clear()
            assert (cache.key(b"catalogue") == before) is same
    finally:
        cache._model_layout.cache_clear()


# The codec is led by the model's own fields: a sample catalogue where every field of every
# model class holds a value of its type other than its default must come back equal.

MODEL_CLASSES = {c for c in vars(model).values() if isinstance(c, type) and is_dataclass(c)}
NOT_STORED = {(model.Catalogue, "source")}  # not read from the file: the loader sets it


def sample(hint, n: int, reached: set[type]):
    """A value of type ``hint``, different for each ``n``."""
    args = get_args(hint)
    if hint is model.QuestionKind:
        reached.add(hint)
        kinds = list(model.QUESTION_KINDS.values())
        return kinds[n % len(kinds)]
    if hint is model.Text:
        reached.add(hint)
        return model.Text({lang: f"{lang} text {n}" for lang in LANGS})
    if isinstance(hint, type) and is_dataclass(hint):
        return build(hint, n, reached)
    if get_origin(hint) is tuple:
        return tuple(sample(args[0], n * 10 + i, reached) for i in range(3))
    if type(None) in args:
        (inner,) = (arg for arg in args if arg is not type(None))
        return sample(inner, n, reached)
    if get_origin(hint) is Mapping:
        return {f"key{n}": 0.25 + n, f"other{n}": 1}  # a whole number too
    if hint is bool:
        return True  # every bool field defaults to False: True is the value to keep
    if hint in (str, int, float):
        return hint(n + 7)
    raise AssertionError(f"no sample for {hint!r}: teach sample() this type")


def build(cls: type, n: int, reached: set[type]):
    reached.add(cls)
    hints = get_type_hints(cls)
    values = {}
    for i, f in enumerate(fields(cls)):  # never the default: a field dropped must show
        tries = (sample(hints[f.name], n * 7 + i + 1000 * shift, reached) for shift in range(4))
        values[f.name] = next(value for value in tries if value != f.default)
    return cls(**values)


def round_trip(catalogue, warnings=()):
    data = cache._encode({"key": "k", "catalogue": catalogue, "warnings": list(warnings)})
    return cache._decode(data, "k")


def test_the_codec_keeps_every_field_of_every_model_class():
    reached: set[type] = set()
    catalogue = build(model.Catalogue, 1, reached)
    assert reached == MODEL_CLASSES  # the sample reaches every class of the model
    back, _ = round_trip(catalogue)

    def compare(original, decoded, where):
        if not is_dataclass(original) or isinstance(original, model.Text):
            assert decoded == original, where
            return
        assert type(decoded) is type(original), where
        for f in fields(original):
            if (type(original), f.name) in NOT_STORED:
                assert getattr(decoded, f.name) == f.default, f"{where}.{f.name}"
                continue
            mine, theirs = getattr(original, f.name), getattr(decoded, f.name)
            if isinstance(mine, tuple):
                assert len(theirs) == len(mine), f"{where}.{f.name}"
                for i, (a, b) in enumerate(zip(mine, theirs, strict=True)):
                    compare(a, b, f"{where}.{f.name}[{i}]")
            else:
                compare(mine, theirs, f"{where}.{f.name}")

    compare(catalogue, back, "catalogue")
    assert back == replace(catalogue, source=model.Catalogue.source)


def test_the_codec_keeps_defaults_and_absent_fields(catalogue):
    bare = model.Role(
        id="r",
        name=model.Text.same("R"),
        summary=model.Text.same("S"),
        duties=(model.Text.same("D"),),
        skills=(),
        level="entry",
        profile={"creative": 1.0},
        related=(),
        way_in=model.Text.same("W"),
        years=model.Years(2),  # no upper bound
    )
    shipped = replace(catalogue, roles=(*catalogue.roles, bare), source="<catalogue>")
    back, _ = round_trip(shipped)
    assert back == shipped
    assert back.role("r").note is None and back.role("r").years == model.Years(2, None)
    assert back.role("r").junior is None and back.role("r").source == "articles"
    assert back.questions[0].kind is shipped.questions[0].kind  # the very same kind


def test_warnings_and_their_phrases_round_trip(catalogue):
    warning = Problem(
        "problem_one_language",
        {"have": Phrase("problem_lang_en"), "lacking": Phrase("problem_lang_id")},
        "roles[0].name",
        3,
        7,
    )
    _, warnings = round_trip(catalogue, [warning])
    assert warnings == [warning] and isinstance(warnings[0].values["have"], Phrase)


def test_an_entry_is_plain_json_keyed_by_field_and_language(folder, copy):
    load_catalogue(copy)
    (entry,) = kept(folder)
    kept_catalogue = json.loads(entry.read_bytes())["catalogue"]
    assert "source" not in kept_catalogue  # where it was read from is not kept
    role = kept_catalogue["roles"][0]
    assert set(role["name"]) == set(LANGS)
    assert kept_catalogue["questions"][0]["kind"] in model.QUESTION_KINDS


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text.replace('"en":', '"xx":', 1),  # a text without every language
        lambda text: text.replace('"kind":"trait"', '"kind":"riddle"', 1),  # an unknown kind
        lambda text: text.replace('"level":"', '"level":7,"x":"', 1),  # a number for a string
        lambda text: text.replace('"roles":[', '"roles":[1,', 1),  # a number for a role
        lambda text: text.replace('"years":[', '"years":["3",', 1),  # a string for a number
    ],
    ids=["a language missing", "an unknown kind", "a wrong type", "not a role", "wrong years"],
)
def test_an_entry_of_the_wrong_shape_is_a_miss(folder, copy, parses, damage):
    load_catalogue(copy)
    (entry,) = kept(folder)
    damaged = damage(entry.read_text("utf-8"))
    assert damaged != entry.read_text("utf-8")
    entry.write_text(damaged, "utf-8")
    assert len(load_catalogue(copy).roles) == 10
    assert parses == [1, 1]


def test_stale_temporary_files_and_old_entries_are_removed(folder, copy):
    folder.mkdir(mode=0o700)
    stale, fresh = folder / ".rolefinder-dead.tmp", folder / ".rolefinder-live.tmp"
    old_pickle = folder / "catalogue-abc-1.1.0-py311.pickle"
    for path in (stale, fresh, old_pickle):
        path.write_bytes(b"x")
    hours_ago = time.time() - 2 * cache.STALE_SECONDS
    os.utime(stale, (hours_ago, hours_ago))
    load_catalogue(copy)
    assert not stale.exists() and not old_pickle.exists()
    assert fresh.exists()  # another process may be writing it right now


def test_the_cache_keeps_at_most_max_entries_the_least_recently_used_going(
    folder, copy, monkeypatch
):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    text = copy.read_text("utf-8")
    paths = []
    for number in range(5):
        path = copy.with_name(f"roles-{number}.yaml")
        path.write_text(text.replace("Social Media Admin", f"Admin {number}"), "utf-8")
        paths.append(path)
    for when, path in enumerate(paths[:3]):
        load_catalogue(path)
        os.utime(folder / entry_for(path), (1000 + when, 1000 + when))
    load_catalogue(paths[0])  # used again: now the most recent
    load_catalogue(paths[3])
    load_catalogue(paths[4])
    names = {entry.name for entry in kept(folder)}
    assert names == {entry_for(paths[n]) for n in (0, 3, 4)}


def test_the_cache_is_bounded_in_bytes(folder, copy, monkeypatch):
    load_catalogue(copy)
    (entry,) = kept(folder)
    monkeypatch.setattr(cache, "MAX_TOTAL", entry.stat().st_size + 10)
    other = copy.with_name("other.yaml")
    other.write_text(copy.read_text("utf-8").replace("Social Media Admin", "Other"), "utf-8")
    load_catalogue(other)
    assert [e.name for e in kept(folder)] == [entry_for(other)]  # the newest is always kept


def test_entries_are_private(folder, copy):
    load_catalogue(copy)
    (entry,) = kept(folder)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0


# The race 1.1 lost: another user swapping the entry between its check and its loading. Both
# users are real accounts here; it needs root to start them and a folder both can reach.
ATTACKER = """
import os, sys, time
folder, name, payload = sys.argv[1], sys.argv[2], sys.argv[3].encode()
os.makedirs(folder, exist_ok=True)
os.chmod(folder, 0o777)
end = time.time() + float(sys.argv[4])
n = 0
while time.time() < end:
    target = os.path.join(folder, name)
    tmp = os.path.join(folder, f".swap{n % 2}")
    try:
        if n % 3 == 0:
            with open(tmp, "wb") as f:
                f.write(payload)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        elif n % 3 == 1:
            if os.path.lexists(tmp):
                os.unlink(tmp)
            os.symlink("/etc/hostname", tmp)
            os.replace(tmp, target)
        else:
            if os.path.lexists(tmp):
                os.unlink(tmp)
            os.mkfifo(tmp)
            os.replace(tmp, target)
    except OSError:
        pass
    n += 1
"""

VICTIM = """
import sys
from rolefinder import load_catalogue
for _ in range(int(sys.argv[2])):
    role = load_catalogue(sys.argv[1]).role("social-media-admin")
    assert role.name.get("en") == "Social Media Admin"
print("ok")
"""


@ROOT
def test_two_users_sharing_a_cache_folder_cannot_run_code_or_swap_a_catalogue():
    with tempfile.TemporaryDirectory() as where:  # the system's, reachable by every user
        shared = Path(where) / "shared"
        shared.mkdir()
        shared.chmod(0o1777)  # like /tmp itself
        Path(where).chmod(0o755)
        two_users_race(shared)


def runnable_by_others(path: Path) -> bool:
    """Whether every user can run this file (it and every folder above it open to all)."""
    path = path.resolve()
    return all(p.stat().st_mode & 0o001 for p in [path, *path.parents])


def python_for_others() -> tuple[str, dict[str, str]]:
    """An interpreter another user can run, and the PYTHONPATH that finds rolefinder with it."""
    if runnable_by_others(Path(sys.executable)):
        return sys.executable, {}
    import platformdirs
    import yaml

    import rolefinder

    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for folder in ("/usr/bin", "/usr/local/bin"):
        candidate = Path(folder) / version
        if candidate.exists() and runnable_by_others(candidate):
            found = {str(Path(m.__file__).parents[1]) for m in (rolefinder, yaml, platformdirs)}
            return str(candidate), {"PYTHONPATH": os.pathsep.join(sorted(found))}
    pytest.skip(f"no {version} that another user can run")


def two_users_race(shared: Path) -> None:
    catalogue = shared / "roles.yaml"
    catalogue.write_bytes(SHIPPED.read_bytes())
    catalogue.chmod(0o644)
    marker = shared / "ran"
    # What the attacker puts at the entry's name: the right key, a wrong catalogue, a pickle.
    payload = json.dumps({"key": cache.key(SHIPPED.read_bytes()), "catalogue": "evil"})
    payload += pickle.dumps((os.system, (f"touch {marker}",))).hex()
    folder = shared / "cache"
    python, paths = python_for_others()
    attacker = subprocess.Popen(
        [python, "-c", ATTACKER, str(folder), entry_for(catalogue), payload, "20"],
        user=4321,
        group=4321,
    )
    try:
        time.sleep(0.5)  # the attacker makes the folder first, open to all
        env = {**os.environ, **paths, cache.CACHE_ENV: str(folder), "HOME": str(shared)}
        victim = subprocess.run(
            [python, "-c", VICTIM, str(catalogue), "200"],
            user=4322,
            group=4322,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        attacker.kill()
        attacker.wait()
    assert victim.stdout.strip() == "ok", victim.stderr
    assert not marker.exists()
    # The victim wrote nothing into a folder others can change either.
    assert all(entry.lstat().st_uid != 4322 for entry in folder.iterdir())
