"""Answer sheets recorded from blind personas: each is still ranked as an adviser expects.

Each file in ``tests/blind/`` holds a persona written from the source articles, the role a
careers adviser would expect, and the answers someone who never saw the catalogue gave in
character in a real terminal. ``set`` is ``tuning`` (looked at while the questions were
written) or ``holdout`` (never tuned against).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rolefinder import rank
from rolefinder.assess.explain import explain

SHEETS = sorted((Path(__file__).parent / "blind").glob("*.yaml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def test_there_are_enough_blind_personas_with_a_third_held_out():
    # One file a run: a persona taken on two versions has two files.
    personas = {s["persona"]: s for s in map(load, SHEETS)}.values()
    assert len(personas) >= 20
    held_out = [p for p in personas if p["set"] == "holdout"]
    assert len(held_out) * 3 >= len(personas)
    assert {p["language"] for p in personas} == {"en", "id"}
    assert any(p["expected"] == "undecided" for p in personas)


@pytest.mark.parametrize("path", SHEETS, ids=[p.stem for p in SHEETS])
def test_a_blind_persona_gets_the_role_an_adviser_expects(catalogue, path):
    sheet = load(path)
    result = rank(catalogue, sheet["answers"])
    explanation = explain(catalogue, result)
    if sheet["expected"] == "undecided":
        # Told plainly that the result is unsure.
        assert explanation.band == "unsure", result.best
        return
    ranked = [m.id for m in result.matches]
    if "changed" in sheet:  # explained in the README: a near tie that names the expected role
        assert "near_tie" in explain(catalogue, result).flags
        assert sheet["expected"] in [m.id for m in result.listed[:2]]
        return
    assert ranked[0] == sheet["expected"], (ranked[:3], result.best.fit, result.best.sure)
    # Whatever the experience answer, the fit decides.
    for option in catalogue.experience.options:
        again = rank(catalogue, {**sheet["answers"], "experience": option.id})
        assert again.best.id == sheet["expected"], option.id


def test_the_beginners_taken_blind_on_2_0_are_placed_first():
    # Issue 21: at least 8 beginners whose role is not an entry role, 4 with an entry role, a
    # third held out; at least 11 of 12 first. Each sheet above checks its own persona.
    beginners = list(
        {s["persona"]: s for s in map(load, SHEETS) if s["persona"][0] == "b"}.values()
    )
    assert len(beginners) >= 12
    assert sum(b["set"] == "holdout" for b in beginners) * 3 >= len(beginners)
    assert {b["language"] for b in beginners} == {"en", "id"}
