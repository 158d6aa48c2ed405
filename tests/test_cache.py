"""The parsed-catalogue cache: used when sound, skipped when not, never a reason to fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import rolefinder.catalogue as catalogue_module
import rolefinder.yamlfile as yamlfile
from rolefinder import load_catalogue

SHIPPED = Path(__file__).resolve().parents[1] / "data" / "roles.yaml"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(catalogue_module.CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def copy(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_bytes(SHIPPED.read_bytes())
    return path


def kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalogue-*.pickle")) if folder.exists() else []


def test_a_second_load_comes_from_the_cache(cache, copy, monkeypatch):
    first = load_catalogue(copy)
    assert len(kept(cache)) == 1

    def no_parsing(text):
        raise AssertionError("parsed again despite the cache")

    monkeypatch.setattr(yamlfile, "read_yaml", no_parsing)
    second = load_catalogue(copy)
    assert second == first and second.source == str(copy)


def test_a_changed_file_is_parsed_again(cache, copy):
    load_catalogue(copy)
    copy.write_text(
        copy.read_text("utf-8").replace("Social Media Admin", "Social Media Admins"), "utf-8"
    )
    assert load_catalogue(copy).role("social-media-admin").name.en == "Social Media Admins"
    assert len(kept(cache)) == 2


def test_a_damaged_cache_file_is_ignored_and_replaced(cache, copy):
    load_catalogue(copy)
    (damaged,) = kept(cache)
    damaged.write_bytes(b"not a pickle")
    assert len(load_catalogue(copy).roles) == 10
    assert damaged.read_bytes() != b"not a pickle"


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_cache_file_others_can_write_is_not_trusted(cache, copy, monkeypatch):
    load_catalogue(copy)
    (entry,) = kept(cache)
    entry.chmod(0o666)
    loaded = []
    real = yamlfile.read_yaml
    monkeypatch.setattr(yamlfile, "read_yaml", lambda text: loaded.append(1) or real(text))
    load_catalogue(copy)
    assert loaded == [1]  # parsed again instead of unpickling a file others could have changed


def test_the_cache_can_be_turned_off(tmp_path, copy, monkeypatch):
    monkeypatch.setenv(catalogue_module.CACHE_ENV, "off")
    load_catalogue(copy)
    assert not list(tmp_path.rglob("*.pickle"))


def test_an_unwritable_cache_folder_is_no_problem(tmp_path, copy, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv(catalogue_module.CACHE_ENV, str(blocker / "cache"))
    assert len(load_catalogue(copy).roles) == 10


def test_a_change_to_the_catalogue_classes_makes_old_entries_unused(cache, copy, monkeypatch):
    load_catalogue(copy)
    monkeypatch.setattr(catalogue_module, "_model_layout", lambda: "id name renamed_field")
    loaded = []
    real = yamlfile.read_yaml
    monkeypatch.setattr(yamlfile, "read_yaml", lambda text: loaded.append(1) or real(text))
    assert len(load_catalogue(copy).roles) == 10
    assert loaded == [1] and len(kept(cache)) == 2


def test_an_entry_is_keyed_by_the_bytes_that_were_parsed(cache, copy, monkeypatch):
    # As if the file changed between being hashed and being read: the entry written must be
    # found by the bytes actually parsed, never by the stale hash.
    real = catalogue_module._pieces
    monkeypatch.setattr(catalogue_module, "_pieces", lambda file: [b"what the file held before"])
    stale = catalogue_module._digest([b"what the file held before"])
    load_catalogue(copy)
    monkeypatch.setattr(catalogue_module, "_pieces", real)
    assert not any(stale in entry.name for entry in kept(cache))
    monkeypatch.setattr(yamlfile, "read_yaml", lambda text: pytest.fail("parsed again"))
    assert len(load_catalogue(copy).roles) == 10
