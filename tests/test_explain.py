"""Reasons, confidence flags, what-if, skipping, paths, the audit, and the review screen."""

from __future__ import annotations

import json
import random
from itertools import pairwise

import pytest

from personas import MIXED, PERSONAS
from rolefinder import rank
from rolefinder.audit import audit
from rolefinder.cli import app
from rolefinder.codes import decode, encode
from rolefinder.explain import NEAR_TIE_POINTS
from rolefinder.model import LEVELS, SKIP

ANALYST = PERSONAS["social-media-analyst"]


def find_sheet(catalogue, wanted, tries=20_000, skip_share=0.0):
    """A random (seeded) answer sheet whose result satisfies ``wanted``."""
    chooser = random.Random(11)
    for _ in range(tries):
        sheet = {
            q.id: (SKIP if chooser.random() < skip_share else chooser.choice(q.options).id)
            for q in catalogue.questions
        }
        result = rank(catalogue, sheet)
        if wanted(result):
            return sheet, result
    raise AssertionError("no such sheet found")


def test_every_match_carries_reasons_and_the_result_flags_and_a_what_if(catalogue):
    data = rank(catalogue, ANALYST).to_dict("en")
    assert isinstance(data["flags"], list) and "what_if" in data
    for match in data["matches"]:
        reasons = match["reasons"]
        assert set(reasons) == {"close", "apart", "answers", "text"}
        assert reasons["text"], match["id"]
        for gap in reasons["close"] + reasons["apart"]:
            assert f"you {gap['you']}%, this role {gap['role']}%" in " ".join(reasons["text"])


def test_reasons_are_in_both_languages(catalogue):
    english = rank(catalogue, ANALYST).to_dict("en")["matches"][0]["reasons"]["text"]
    indonesian = rank(catalogue, ANALYST).to_dict("id")["matches"][0]["reasons"]["text"]
    assert len(english) == len(indonesian)
    assert all("kamu" in line or "Jawabanmu" in line for line in indonesian)
    assert english != indonesian


def test_the_answers_named_as_reasons_really_moved_the_match(catalogue):
    result = rank(catalogue, ANALYST)
    for pull in result.reasons["social-media-analyst"].pulls:
        without = {k: v for k, v in ANALYST.items() if k != pull.question}
        before = next(
            m.match for m in rank(catalogue, without).matches if m.id == "social-media-analyst"
        )
        assert result.best.match - before == pytest.approx(pull.points, abs=0.11)


def test_a_near_tie_is_flagged_and_names_both_roles(catalogue):
    _, result = find_sheet(catalogue, lambda r: r.matches[0].match - r.matches[1].match < 1)
    assert "near_tie" in result.flags
    note = result.to_dict("en")["notes"][0]
    assert result.matches[0].role.name.en in note and result.matches[1].role.name.en in note
    assert "fit you almost equally" in note


def test_a_clear_lead_is_not_a_near_tie(catalogue):
    result = rank(catalogue, ANALYST)
    assert result.matches[0].match - result.matches[1].match > NEAR_TIE_POINTS
    assert "near_tie" not in result.flags


def test_skipping_all_but_one_question_still_ranks(catalogue):
    sheet = {q.id: SKIP for q in catalogue.questions} | {"monday": "numbers"}
    result = rank(catalogue, sheet)
    assert len(result.matches) == len(catalogue.roles)
    assert result.profile == {"creative": 0, "strategic": 0, "analytical": 100, "people": 0}
    assert "few_answers" in result.flags


def test_skipped_questions_do_not_move_the_profile(catalogue):
    answered = {k: v for k, v in ANALYST.items() if k in ("monday", "flop", "client")}
    skipped = answered | {q.id: SKIP for q in catalogue.questions if q.id not in answered}
    assert rank(catalogue, skipped).profile == rank(catalogue, answered).profile
    # ...and do not pull it towards the middle: these three answers are mostly analytical.
    assert rank(catalogue, skipped).profile["analytical"] > 80


def test_a_flat_profile_is_flagged(catalogue):
    _, result = find_sheet(
        catalogue, lambda r: max(r.profile.values()) - min(r.profile.values()) <= 4
    )
    assert "flat_profile" in result.flags
    assert "all-rounder" in result.to_dict("en")["notes"][-1] or any(
        "all-rounder" in n for n in result.to_dict("en")["notes"]
    )


def test_what_if_is_true_when_applied(catalogue):
    sheet, result = find_sheet(catalogue, lambda r: r.what_if is not None)
    change = result.what_if
    assert change.role == result.matches[1].id
    changed = rank(catalogue, {**sheet, change.question: change.new})
    assert changed.best.id == change.role
    text = result.to_dict("en")["what_if"]["text"]
    assert text.startswith("Had you chosen") and changed.best.role.name.en in text


def test_a_stretch_role_shows_a_path_up_from_your_level(catalogue):
    sheet = {**PERSONAS["head-of-marketing"], "experience": "new"}
    result = rank(catalogue, sheet)
    assert result.best.stretch
    route = result.path(result.best)
    assert route[0].level == "entry" and route[-1].id == "head-of-marketing"
    for here, step in pairwise(route):
        assert step.id in here.related or here.id in step.related
        assert LEVELS.index(step.level) >= LEVELS.index(here.level)
    assert result.to_dict("en")["matches"][0]["path"] == [r.id for r in route]


def test_skips_survive_the_result_code(catalogue):
    sheet = {q.id: SKIP for q in catalogue.questions} | {"monday": "numbers"}
    assert decode(catalogue, encode(catalogue, sheet)) == sheet


def test_the_shipped_catalogue_passes_the_audit(catalogue):
    report = audit(catalogue)
    print("\n#1 share over", report.samples, "random sheets:")
    for role, share in sorted(report.shares.items(), key=lambda item: -item[1]):
        print(f"  {role:26} {share:5.1f}%")
    assert report.unreachable == []
    assert all(2 <= share <= 25 for share in report.shares.values()), report.shares


def test_validate_audit_prints_the_table(runner):
    result = runner.invoke(app, ["validate", "--audit"])
    assert result.exit_code == 0
    assert "Audit passed" in result.stdout and "Head of Marketing" in result.stdout


def test_validate_audit_fails_an_unbalanced_catalogue(runner, tmp_path):
    from test_catalogue import MINIMAL

    designer = MINIMAL[MINIMAL.index("  - id: designer") : MINIMAL.index("questions:")]
    twin = designer.replace("id: designer", "id: twin")  # the same profile: it can never win
    two_roles = MINIMAL.replace("questions:", twin + "questions:")
    path = tmp_path / "roles.yaml"
    path.write_text(two_roles, "utf-8")
    result = runner.invoke(app, ["validate", "--audit", str(path)])
    assert result.exit_code == 1
    assert "Audit failed" in result.stdout and "no answer sheet puts it first" in result.stdout


@pytest.mark.parametrize("name", sorted(MIXED))
def test_mixed_personas_get_two_sensible_roles(catalogue, name):
    sheet, sensible = MIXED[name]
    top_two = {m.id for m in rank(catalogue, sheet).matches[:2]}
    assert top_two <= sensible, top_two


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
    from rolefinder.cli import World

    plain = runner.invoke(
        app, ["quiz", "-a", str(sheet), "--top", "3"], obj=World(interactive=False)
    )
    explained = runner.invoke(
        app, ["quiz", "-a", str(sheet), "--top", "3", "--explain"], obj=World(interactive=False)
    )
    assert plain.stdout.count("this role") < explained.stdout.count("this role")
    for place, match in enumerate(rank(catalogue, ANALYST).matches[1:3], start=2):
        assert f"{place}. {match.role.name.en}" in explained.stdout
    assert "Why" in plain.stdout  # the best match always explains itself
