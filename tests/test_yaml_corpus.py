"""Every case of the public YAML test suite, fed to the loader as a catalogue.

Each must load or raise CatalogueError, promptly; any other exception is a bug. The suite is
odd input, not an oracle: PyYAML and the suite disagree on some cases, and it does not matter
here which way a case goes, only that it ends cleanly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rolefinder import CatalogueError, load_catalogue
from test_bad_input import no_hang

SUITE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "yaml-test-suite"
CASES = sorted(SUITE.rglob("in.yaml")) if SUITE.is_dir() else []


def test_the_corpus_is_there():
    if not SUITE.is_dir():
        pytest.skip(f"the YAML test suite is not beside this checkout ({SUITE})")
    assert len(CASES) == 402


@pytest.mark.parametrize("case", CASES, ids=lambda p: str(p.parent.relative_to(SUITE)))
def test_a_case_loads_or_is_refused_cleanly(case):
    with no_hang(2):
        try:
            load_catalogue(case)
        except CatalogueError as error:
            assert error.problems, "a CatalogueError must say what is wrong"
            assert all(p.text("en") and p.text("id") for p in error.problems)
