"""Reasons that add up, confidence from the model, what-if, paths, and --explain."""

from __future__ import annotations

import json
import random
import statistics
import sys
from collections.abc import Callable
from itertools import pairwise

import pytest

from personas import MIXED, PERSONAS
from rolefinder import rank
from rolefinder.assess.engine import Result
from rolefinder.assess.explain import GOOD, NEAR_TIE_FIT, explain
from rolefinder.catalogue.model import (
    EXPERIENCE,
    LEVELS,
    SKIP,
    Catalogue,
    Option,
    Question,
    Role,
    Text,
    Trait,
)
from rolefinder.cli.app import app
from rolefinder.cli.base import World
from rolefinder.errors import AnswersError
from rolefinder.present.report import reason_lines, result_dict

ANALYST = PERSONAS["social-media-analyst"]


def random_sheets(catalogue, count, seed):
    """``count`` seeded random sheets: 8-16 random answers, a few skips, any experience."""
    chooser = random.Random(seed)
    bank = list(catalogue.bank)
    for _ in range(count):
        questions = chooser.sample(bank, chooser.randint(10, 16))
        sheet = {
            q.id: SKIP if index >= 8 and chooser.random() < 0.1 else chooser.choice(q.options).id
            for index, q in enumerate(questions)
        }
        sheet[catalogue.experience.id] = chooser.choice(catalogue.experience.options).id
        yield sheet


def test_no_cited_reason_points_the_wrong_way_over_10000_random_sheets(catalogue):
    for sheet in random_sheets(catalogue, 10_000, seed=10):
        result = rank(catalogue, sheet)
        best = result.best.id
        why = explain(catalogue, result).reasons[best]
        for pull in why.raised:
            assert pull.points > 0
            assert pull.points == result.contributions[pull.question][best]
        for pull in why.lowered:
            assert pull.points < 0
            assert pull.points == result.contributions[pull.question][best]
        assert all(t.points > 0 for t in why.traits_for)
        # A cited trait is one of the user's strongest two: it never contradicts the profile.
        strongest = sorted(result.profile.values(), reverse=True)[:2]
        assert all(result.profile[t.trait] >= min(strongest) for t in why.traits_for)
        assert all(t.points < 0 for t in why.traits_against)
        # The answers named as raising it are the ones that raised it most.
        if why.raised:
            others = [
                row[best]
                for q, row in result.contributions.items()
                if q not in {p.question for p in why.raised}
            ]
            assert min(p.points for p in why.raised) >= max(others, default=float("-inf"))


def test_the_what_if_line_really_moves_the_ranking_as_stated(catalogue):
    checked = 0
    for sheet in random_sheets(catalogue, 1_000, seed=11):
        result = rank(catalogue, sheet)
        change = explain(catalogue, result).what_if
        if change is None:
            continue
        assert change.role == result.matches[1].id
        assert sheet[change.question] == change.old != change.new
        changed = rank(catalogue, {**sheet, change.question: change.new})
        assert changed.best.id == change.role
        assert changed.best.sure == pytest.approx(change.sure)
        checked += 1
    assert checked > 500


def test_flags_and_band_come_from_the_same_figures(catalogue):
    for sheet in random_sheets(catalogue, 2_000, seed=12):
        result = rank(catalogue, sheet)
        explanation = explain(catalogue, result)
        assert ("unsure" in explanation.flags) == (result.best.sure < GOOD)
        assert ("no_pattern" in explanation.flags) == (result.pattern is not None)
        if "unsure" in explanation.flags or "no_pattern" in explanation.flags:
            assert explanation.band == "unsure"
        listed = result.listed
        tie = len(listed) > 1 and listed[0].fit - listed[1].fit <= NEAR_TIE_FIT
        assert ("near_tie" in explanation.flags) == tie


def test_random_answers_are_less_sure_than_clear_personas(catalogue):
    randoms = [rank(catalogue, s) for s in random_sheets(catalogue, 500, 13)]
    personas = [rank(catalogue, s) for s in PERSONAS.values()]
    assert statistics.median(r.best.fit for r in randoms) < min(p.best.fit for p in personas)
    told = sum(1 for r in randoms if r.pattern is not None or r.best.sure < GOOD)
    assert told > len(randoms) * 3 / 4  # random clicking is told so, or that it is unsure
    assert all(p.pattern is None for p in personas)


def test_an_all_skipped_sheet_gets_no_ranking(catalogue):
    sheet = {q.id: SKIP for q in catalogue.questions}
    with pytest.raises(AnswersError, match="answer 8 more"):
        rank(catalogue, sheet)


def test_reasons_are_in_both_languages_and_name_real_contributions(catalogue):
    result = rank(catalogue, ANALYST)
    why = explain(catalogue, result).reasons[result.best.id]
    english, indonesian = (reason_lines(catalogue, why, lang) for lang in ("en", "id"))
    assert len(english) == len(indonesian) and english != indonesian
    top = catalogue.question(why.raised[0].question).option(why.raised[0].option)
    assert f'You chose "{top.text.get("en").rstrip(".")}"' in " ".join(english)
    assert f'Kamu memilih "{top.text.get("id").rstrip(".")}"' in " ".join(indonesian)
    # Points are for --explain only.
    assert "point" not in " ".join(english)
    shown = reason_lines(catalogue, why, "en", points=True)
    assert f"(+{round(why.raised[0].points)} points of evidence)" in " ".join(shown)


def test_what_counted_against_the_best_match_is_labelled_as_such(catalogue):
    sheet = dict(ANALYST)
    sheet["monday"] = "layouts"  # a designer's answer in an analyst's sheet
    result = rank(catalogue, sheet)
    assert result.best.id == "social-media-analyst"
    why = explain(catalogue, result).reasons[result.best.id]
    assert any(p.question == "monday" for p in why.lowered)
    lines = reason_lines(catalogue, why, "en")
    layouts = catalogue.question("monday").option("layouts").text.get("en")
    assert any(line.startswith("Against it") and layouts.rstrip(".") in line for line in lines)


def test_a_near_tie_note_names_both_roles(catalogue):
    halves = [
        {**dict(list(PERSONAS[a].items())[::2]), **dict(list(PERSONAS[b].items())[1::2])}
        for a in PERSONAS
        for b in PERSONAS
        if a != b
    ]
    for sheet in halves:
        result = rank(catalogue, sheet)
        explanation = explain(catalogue, result)
        if explanation.flags == ("near_tie",):
            notes = result_dict(catalogue, result, explanation, "en")["notes"]
            first, second = result.listed[:2]
            assert any(
                first.role.name.get("en") in n and second.role.name.get("en") in n for n in notes
            )
            return
    raise AssertionError("no near tie in sheets drawn half from one role, half from another")


def test_one_note_speaks_for_the_flags_the_most_specific_first(catalogue):
    seen = set()
    for sheet in random_sheets(catalogue, 2_000, seed=15):
        result = rank(catalogue, sheet)
        explanation = explain(catalogue, result)
        notes = result_dict(catalogue, result, explanation, "en")["notes"]
        assert len(notes) == (1 if explanation.flags else 0)
        if len(explanation.flags) > 1:
            seen.add(tuple(explanation.flags))
            if "no_pattern" in explanation.flags:
                assert notes[0].startswith("No clear pattern")
            elif "exploring" in explanation.flags:
                assert notes[0].startswith("You said you are still exploring")
            elif "unsure" in explanation.flags:
                assert notes[0].startswith("Unsure:")
    assert seen  # random sheets do raise several flags at once


def test_a_role_for_later_shows_a_way_up_from_your_level(catalogue):
    sheet = {**PERSONAS["head-of-marketing"], "experience": "none"}
    result = rank(catalogue, sheet)
    assert result.best.id == "head-of-marketing" and result.best.ready == "later"
    explanation = explain(catalogue, result)
    route = explanation.paths["head-of-marketing"]
    assert route[0].level == "entry" and route[-1].id == "head-of-marketing"
    for here, step in pairwise(route):
        assert step.id in here.related or here.id in step.related
        assert LEVELS.index(step.level) >= LEVELS.index(here.level)


def chain_catalogue(size: int) -> Catalogue:
    """``size`` roles on which a careless search for a way up walks size x size roles: entry
    roles related in one long chain, the answers liking each less than the one before; a senior
    goal no role relates to; and a senior goal related only to the entry role liked least."""

    def text(words: str) -> Text:
        return Text.same(words)

    def role(role_id: str, level: str, share: float, related: list[str]) -> Role:
        profile = {"a": share, "b": 1 - share}
        return Role(
            role_id, text(role_id), text(role_id), (), (), level, profile, tuple(related), text("")
        )

    chain = [f"entry-{n}" for n in range(size - 3)]
    roles = [
        *(
            role(name, "entry", 0.5 * (1 - n / len(chain)), chain[n + 1 : n + 2])
            for n, name in enumerate(chain)
        ),
        role("entry-far", "entry", 0.0, ["goal-far"]),
        role("goal-far", "senior", 1.0, []),
        role("goal-lone", "senior", 1.0, []),
    ]
    up = Option("up", text("up"), {"a": 1}, fits=("goal-far", "goal-lone"))
    down = Option("down", text("down"), {"b": 1})
    bank = [Question(f"q{n}", text("?"), (up, down)) for n in range(4)]
    levels = (Option("new", text("new"), level="entry"), Option("old", text("old"), level="senior"))
    experience = Question("experience", text("?"), levels, kind=EXPERIENCE)
    traits = tuple(Trait(trait, text(trait), text(trait)) for trait in ("a", "b"))
    return Catalogue(traits, tuple(roles), (*bank, experience))


def calls_made(work: Callable[..., object], *args: object) -> int:
    """How many functions, Python and built-in, ``work(*args)`` calls: a measure of the work
    done that, unlike a clock, is the same on every machine and every run."""
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        calls += event in ("call", "c_call")

    previous = sys.getprofile()
    sys.setprofile(count)
    try:
        work(*args)
    finally:
        sys.setprofile(previous)
    return calls


def as_json(catalogue: Catalogue, result: Result, listed: list[str]) -> dict[str, object]:
    """What `quiz --json` prints, explanation and all."""
    return result_dict(catalogue, result, explain(catalogue, result, listed), "en")


def test_explaining_a_result_takes_work_in_line_with_the_catalogue():
    work = {}
    for size in (100, 400):
        catalogue = chain_catalogue(size)
        result = rank(catalogue, {**{q.id: "up" for q in catalogue.bank}, "experience": "new"})
        later = [m.id for m in result.matches if m.ready == "later"]
        assert later == ["goal-far", "goal-lone"]
        # As `quiz --top N` lists them, N as large as the catalogue.
        listed = [m.id for m in result.matches]
        explanation = explain(catalogue, result, listed)
        assert [role.id for role in explanation.paths["goal-far"]] == ["entry-far", "goal-far"]
        assert explanation.paths["goal-lone"] == ()
        work[size] = calls_made(as_json, catalogue, result, listed)
    # Four times the roles: about four times the work (sixteen if every role walked them all).
    assert work[400] <= 6 * work[100], work


@pytest.mark.parametrize("name", sorted(MIXED))
def test_mixed_sheets_get_a_sensible_first_role(catalogue, name):
    sheet, sensible = MIXED[name]
    assert rank(catalogue, sheet).best.id in sensible


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("senior", ["social-media-manager", "head-of-marketing", "marketing-consultant"]),
        ("mid", ["social-media-strategist", "social-media-analyst", "community-manager"]),
    ],
)
def test_roles_filtered_by_level(runner, level, expected):
    result = runner.invoke(app, ["roles", "--level", level, "--json"])
    assert [r["id"] for r in json.loads(result.stdout)] == expected


def test_explain_lists_reasons_for_every_listed_role(runner, catalogue, tmp_path):
    import yaml

    sheet = tmp_path / "sheet.yaml"
    sheet.write_text(yaml.safe_dump(ANALYST), "utf-8")
    args = ["quiz", "-a", str(sheet), "--top", "3"]
    plain = runner.invoke(app, args, obj=World(interactive=False))
    explained = runner.invoke(app, [*args, "--explain"], obj=World(interactive=False))
    assert plain.stdout.count("You chose") < explained.stdout.count("You chose")
    assert "points of evidence)" in explained.stdout and "points" not in plain.stdout
    for place, match in enumerate(rank(catalogue, ANALYST).listed[1:3], start=2):
        assert f"{place}. {match.role.name.get('en')}" in explained.stdout
    assert "Why" in plain.stdout  # the best match always explains itself


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_torn_student_with_one_role_listed_is_not_sent_to_read_the_list(catalogue, lang):
    """ "Read every role listed" would point at a list of one: the note sends them to the
    roles near it instead."""
    from rolefinder.assess.engine import rank
    from rolefinder.assess.explain import explain
    from rolefinder.present.report import flag_lines

    sheet = {**PERSONAS["social-media-specialist"], "outlook": "torn"}
    result = rank(catalogue, sheet)
    assert len(result.listed) == 1 and result.pattern is None
    explanation = explain(catalogue, result, [result.best.id])
    assert "torn" in explanation.flags
    note = " ".join(flag_lines(result, explanation, lang))
    assert "rolefinder roles" in note and "rolefinder show" not in note
