"""The simulated-respondent audit: the shipped catalogue meets its targets; a bad one fails."""

from __future__ import annotations

import pytest

from rolefinder.audit import (
    EVERY_ROLE_CAREFUL,
    HIGHEST_SHARE,
    LOWEST_SHARE,
    TARGETS,
    audit,
)
from rolefinder.cli import app


@pytest.fixture(scope="module")
def report(catalogue):
    return audit(catalogue)


def test_the_shipped_catalogue_meets_every_audit_target(catalogue, report):
    for setting, (top1, top3, retake) in TARGETS.items():
        overall = report.recovery[setting]["all"]
        assert overall.top1 >= top1, (setting, overall)
        assert overall.top3 >= top3, (setting, overall)
        assert overall.retake >= retake, (setting, overall)
    careful = report.recovery["careful"]
    assert set(careful) == {role.id for role in catalogue.roles} | {"all"}, careful
    assert all(r.top1 >= EVERY_ROLE_CAREFUL for r in careful.values()), careful
    assert all(LOWEST_SHARE <= s <= HIGHEST_SHARE for s in report.shares.values()), report.shares
    assert report.passed


def test_the_audit_is_repeatable(catalogue):
    assert audit(catalogue, people=5, samples=50) == audit(catalogue, people=5, samples=50)
    assert audit(catalogue, people=5, samples=50, seed=1) != audit(catalogue, people=5, samples=50)


def test_every_bank_question_carries_information(catalogue, report):
    assert set(report.information) == {question.id for question in catalogue.bank}
    assert all(bits > 0.3 for bits in report.information.values()), report.information


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
