"""The scoring engine: profiles, match figures, order, stretch, errors."""

from __future__ import annotations

import pytest

from rolefinder import rank
from rolefinder.engine import match_percent, next_steps, trait_shares
from rolefinder.errors import AnswersError
from rolefinder.model import as_percentages


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        ({"a": 1, "b": 1, "c": 1}, {"a": 34, "b": 33, "c": 33}),
        ({"a": 2, "b": 1}, {"a": 67, "b": 33}),
        ({"a": 0.125, "b": 0.125, "c": 0.75}, {"a": 13, "b": 12, "c": 75}),  # tie: earlier key
        ({"a": 5}, {"a": 100}),
        ({"a": 0, "b": 3}, {"a": 0, "b": 100}),
    ],
)
def test_percentages_are_whole_and_sum_to_100(shares, expected):
    result = as_percentages(shares)
    assert result == expected
    assert sum(result.values()) == 100


@pytest.mark.parametrize(
    ("user", "role", "expected"),
    [
        ({"x": 0.5, "y": 0.5}, {"x": 0.5, "y": 0.5}, 100.0),  # identical
        ({"x": 1.0, "y": 0.0}, {"x": 0.0, "y": 1.0}, 0.0),  # opposite corners
        # 10 points on the wrong trait -> 90% (the README's worked example)
        ({"c": 0.5, "s": 0.3, "a": 0.2}, {"c": 0.4, "s": 0.4, "a": 0.2}, 90.0),
    ],
)
def test_match_is_100_minus_the_share_that_would_have_to_move(user, role, expected):
    assert match_percent(user, role) == pytest.approx(expected)


def test_every_role_is_ranked_best_first_with_figures_between_0_and_100(catalogue):
    answers = {q.id: q.options[1].id for q in catalogue.questions}
    result = rank(catalogue, answers)
    assert sorted(m.id for m in result.matches) == sorted(r.id for r in catalogue.roles)
    figures = [m.match for m in result.matches]
    assert figures == sorted(figures, reverse=True)
    assert all(0 <= f <= 100 for f in figures)
    assert sum(result.profile.values()) == 100


def test_profile_follows_the_chosen_options(catalogue):
    # "monday: numbers" is purely analytical: answering only that gives 100% analytical.
    result = rank(catalogue, {"monday": "numbers"})
    assert result.profile == {"creative": 0, "strategic": 0, "analytical": 100, "people": 0}
    assert result.best.id == "social-media-analyst"


def test_no_trait_answers_give_a_flat_profile_and_catalogue_order_breaks_ties(catalogue):
    result = rank(catalogue, {})
    assert set(result.profile.values()) == {25}
    shares = trait_shares(catalogue, {})
    ties = [r for r in catalogue.roles if match_percent(shares, r.profile) == result.best.match]
    assert result.best.id == ties[0].id  # the earliest of the equally good roles


def test_equal_scores_keep_catalogue_order(catalogue):
    # Two roles with identical profiles must come out in the order the catalogue lists them.
    from dataclasses import replace

    twin = replace(catalogue.roles[0], id="zz-twin")
    doubled = replace(catalogue, roles=(twin, *catalogue.roles))
    order = [m.id for m in rank(doubled, {"monday": "carousel"}).matches]
    assert order.index("zz-twin") == order.index(catalogue.roles[0].id) - 1


def test_roles_above_your_experience_are_kept_and_marked_stretch(catalogue):
    newcomer = rank(catalogue, {"monday": "calendar", "experience": "new"})
    by_id = {m.id: m for m in newcomer.matches}
    assert len(by_id) == len(catalogue.roles)
    assert by_id["head-of-marketing"].stretch and by_id["social-media-manager"].stretch
    assert by_id["social-media-strategist"].stretch  # mid level is above entry
    assert not by_id["social-media-admin"].stretch

    seasoned = rank(catalogue, {"monday": "calendar", "experience": "seasoned"})
    assert not any(m.stretch for m in seasoned.matches)
    # Experience changes the stretch marks only, never the order or the figures.
    assert [(m.id, m.match) for m in seasoned.matches] == [
        (m.id, m.match) for m in newcomer.matches
    ]


def test_without_an_experience_answer_nothing_is_a_stretch(catalogue):
    assert not any(m.stretch for m in rank(catalogue, {"monday": "calendar"}).matches)


def test_unknown_question_and_option_ids_are_all_named(catalogue):
    with pytest.raises(AnswersError) as caught:
        rank(catalogue, {"nope": "x", "monday": "sleep"})
    assert "Unknown question 'nope'" in caught.value.message
    assert "Question 'monday' has no option 'sleep'" in caught.value.message
    assert "Pertanyaan 'monday' tidak punya pilihan 'sleep'" in caught.value.describe("id")


def test_to_dict_is_what_json_prints(catalogue):
    data = rank(catalogue, {"monday": "inbox", "experience": "new"}).to_dict("id")
    assert data["language"] == "id"
    assert sum(data["profile"].values()) == 100
    first = data["matches"][0]
    assert set(first) == {"id", "name", "match", "level", "stretch", "reasons", "path"}
    assert data["catalogue"] == {"source": "roles.yaml", "version": "1.0"}
    assert data["answers"] == {"monday": "inbox", "experience": "new"}
    assert data["matches"][0]["name"] == catalogue.role(first["id"]).name.id


def test_next_steps_are_related_roles_at_a_higher_level(catalogue):
    steps = [r.id for r in next_steps(catalogue, catalogue.role("social-media-specialist"))]
    assert steps == ["social-media-strategist", "marketing-consultant"]
    assert next_steps(catalogue, catalogue.role("head-of-marketing")) == ()
