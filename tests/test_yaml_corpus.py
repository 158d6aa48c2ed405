"""Every case of the public YAML test suite, fed to the loader as a catalogue.

Each must load or raise CatalogueError, promptly; any other exception is a bug. The suite is
odd input, not an oracle: PyYAML and the suite disagree on some cases, and it does not matter
here which way a case goes, only that it ends cleanly.

The suite's folder is ROLEFINDER_YAML_SUITE, by default the one beside this checkout
(../shared/corpus/yaml-test-suite). Without it these tests are skipped, except under CI (see
helpers.ci_is_set), where they fail: a green CI run has been through every case.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import ci_is_set, no_hang
from rolefinder import CatalogueError, load_catalogue

SUITE_ENV = "ROLEFINDER_YAML_SUITE"
BESIDE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "yaml-test-suite"
SUITE = Path(os.environ[SUITE_ENV]).expanduser() if os.environ.get(SUITE_ENV) else BESIDE
CASES = sorted(SUITE.rglob("in.yaml")) if SUITE.is_dir() else []


def test_the_corpus_is_there():
    if not SUITE.is_dir():
        message = f"no YAML test suite at {SUITE} (set {SUITE_ENV} to its folder)"
        if ci_is_set():
            pytest.fail(f"{message}: under CI every case of the suite must be run")
        pytest.skip(message)
    assert len(CASES) == 402, f"{SUITE} holds {len(CASES)} cases, not the 402 of the suite"


@pytest.mark.parametrize("case", CASES, ids=lambda p: str(p.parent.relative_to(SUITE)))
def test_a_case_loads_or_is_refused_cleanly(case):
    with no_hang(2):
        try:
            load_catalogue(case)
        except CatalogueError as error:
            assert error.problems, "a CatalogueError must say what is wrong"
            assert all(p.text("en") and p.text("id") for p in error.problems)
