"""The audit: both respondent models meet their targets, random and one-position sittings are
caught, the figures shown are calibrated; a catalogue that cannot tell two roles apart fails."""

from __future__ import annotations

import pytest

from rolefinder.assess.audit import (
    CAREFUL_FLAGGED_MAX,
    MODELS,
    RANDOM_CONFIDENT_MAX,
    RANDOM_WARNED_MIN,
    TARGETS,
    audit,
)
from rolefinder.cli.app import app


@pytest.fixture(scope="module")
def report(catalogue):
    return audit(catalogue)


def test_the_shipped_catalogue_meets_every_audit_target(catalogue, report):
    assert set(report.recovery) == set(MODELS)
    for model, settings in report.recovery.items():
        for setting, (top1, retake) in TARGETS.items():
            overall = settings[setting]["all"]
            assert overall.top1 >= top1, (model, setting, overall)
            if setting == "noisy":
                assert overall.retake >= retake, (model, setting, overall)
        assert set(settings["careful"]) == {role.id for role in catalogue.roles} | {"all"}
    assert report.recovery["rules"]["careful"]["all"].flagged <= CAREFUL_FLAGGED_MAX
    assert report.random_confident <= RANDOM_CONFIDENT_MAX
    assert report.random_warned >= RANDOM_WARNED_MIN
    assert report.same_position_caught == 1.0
    assert report.passed, report.missed


def test_every_experience_answer_meets_the_targets(report):
    # Experience never enters the fit: the same sittings, re-ranked with each experience answer
    # (beginners included), meet the targets at every one.
    for model in MODELS:
        for setting, (top1, _) in TARGETS.items():
            figures = report.by_level[model][setting]
            assert min(figures.values()) >= top1, (model, setting, figures)


def test_results_shown_as_very_sure_are_right_about_that_often(report):
    for model in MODELS:
        top = report.calibration[model][-1]  # shown as 90% sure or more
        assert top.count > 100
        assert abs(top.right - top.sure) <= 0.05, (model, top)


def test_the_audit_is_repeatable(catalogue):
    assert audit(catalogue, people=3, samples=30) == audit(catalogue, people=3, samples=30)
    assert audit(catalogue, people=3, samples=30, seed=1) != audit(catalogue, people=3, samples=30)


def test_validate_audit_prints_the_tables(runner):
    result = runner.invoke(app, ["validate", "--audit"])
    assert result.exit_code == 0, result.stdout
    assert "Audit passed" in result.stdout and "Head of Marketing" in result.stdout


def test_validate_audit_fails_a_catalogue_that_cannot_tell_two_roles_apart(runner, tmp_path):
    from catalogues import MINIMAL

    designer = MINIMAL[MINIMAL.index("  - id: designer") : MINIMAL.index("questions:")]
    twin = designer.replace("id: designer", "id: twin")  # the same profile and no evidence
    path = tmp_path / "roles.yaml"
    path.write_text(MINIMAL.replace("questions:", twin + "questions:"), "utf-8")
    result = runner.invoke(app, ["validate", "--audit", str(path)])
    assert result.exit_code == 1
    assert "Audit failed" in result.stdout
