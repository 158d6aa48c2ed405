"""The scoring engine: contributions, order, chances, experience, too few answers, the sitting."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from personas import PERSONAS
from rolefinder import rank
from rolefinder.engine import (
    SITTING_MAX,
    SITTING_MIN,
    Evidence,
    next_question,
    next_steps,
    scores,
)
from rolefinder.errors import AnswersError
from rolefinder.model import SKIP, as_percentages


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


def random_sheet(catalogue, chooser, answers=12, skips=0):
    """A sheet of ``answers`` random real answers and ``skips`` skipped bank questions."""
    questions = chooser.sample(list(catalogue.bank), answers + skips)
    sheet = {q.id: chooser.choice(q.options).id for q in questions[:answers]}
    sheet |= {q.id: SKIP for q in questions[answers:]}
    sheet[catalogue.experience.id] = chooser.choice(catalogue.experience.options).id
    return sheet


def test_contributions_add_up_to_each_roles_score(catalogue):
    chooser = random.Random(3)
    for _ in range(50):
        sheet = random_sheet(catalogue, chooser, skips=2)
        result = rank(catalogue, sheet)
        for match in result.matches:
            total = sum(row[match.id] for row in result.contributions.values())
            assert total == pytest.approx(match.score)
        # Skipped questions give no contribution at all.
        assert not {q for q, a in sheet.items() if a == SKIP} & set(result.contributions)


def test_roles_you_can_start_in_come_first_best_first_with_chances_summing_to_1(catalogue):
    chooser = random.Random(4)
    for _ in range(50):
        result = rank(catalogue, random_sheet(catalogue, chooser))
        stretch = [m.stretch for m in result.matches]
        assert stretch == sorted(stretch)  # every stretch role after every reachable one
        for group in (result.reachable, [m for m in result.matches if m.stretch]):
            figures = [m.score for m in group]
            assert figures == sorted(figures, reverse=True)
        assert sum(m.chance for m in result.reachable) == pytest.approx(1.0)
        assert all(m.chance is None for m in result.matches if m.stretch)


def test_a_beginners_first_match_is_always_a_role_they_can_start_in(catalogue):
    chooser = random.Random(5)
    beginner = next(o.id for o in catalogue.experience.options if o.level == "entry")
    for _ in range(200):
        sheet = random_sheet(catalogue, chooser) | {catalogue.experience.id: beginner}
        result = rank(catalogue, sheet)
        assert result.best.role.level == "entry"
        for goal in result.goals:
            assert goal.stretch and goal.score > result.reachable[1].score


@pytest.mark.parametrize("role_id", sorted(PERSONAS))
def test_answering_consistently_like_a_role_scores_it_higher_than_a_mixed_sheet(catalogue, role_id):
    consistent = PERSONAS[role_id]
    chooser = random.Random(role_id)
    for _ in range(20):
        mixed = dict(consistent)
        for question_id in chooser.sample(sorted(q for q in consistent if q != "experience"), 6):
            others = [o.id for o in catalogue.question(question_id).options]
            mixed[question_id] = chooser.choice([o for o in others if o != consistent[question_id]])
        assert rank(catalogue, consistent).score_of(role_id) > rank(catalogue, mixed).score_of(
            role_id
        )


def test_a_consistent_creative_sheet_is_not_punished_for_its_consistency(catalogue):
    # 1.1 gave a 91%-creative student a lower designer match than a mixed one.
    designer = PERSONAS["graphic-designer"]
    result = rank(catalogue, designer)
    assert result.profile["creative"] >= 80
    assert result.best.id == "graphic-designer"
    assert result.best.chance > 0.9


def test_equal_scores_keep_catalogue_order(catalogue):
    # Two roles alike in everything but the id score the same: the one listed first wins.
    first, second = (replace(catalogue.roles[0], id=name) for name in ("zz-b", "zz-a"))
    doubled = replace(catalogue, roles=(first, *catalogue.roles, second))
    result = rank(doubled, PERSONAS["social-media-admin"])
    order = [m.id for m in result.matches]
    assert result.score_of("zz-b") == pytest.approx(result.score_of("zz-a"))
    assert order.index("zz-a") == order.index("zz-b") + 1


def test_roles_above_your_experience_are_kept_and_marked_stretch(catalogue):
    sheet = PERSONAS["social-media-strategist"]
    newcomer = rank(catalogue, sheet | {"experience": "none"})
    by_id = {m.id: m for m in newcomer.matches}
    assert len(by_id) == len(catalogue.roles)
    assert by_id["head-of-marketing"].stretch and by_id["social-media-manager"].stretch
    assert by_id["social-media-strategist"].stretch  # mid level is above entry
    assert not by_id["social-media-admin"].stretch
    # The strategist's own answers still point there: it is a goal, with the way up to it.
    assert "social-media-strategist" in [m.id for m in newcomer.goals]

    seasoned = rank(catalogue, sheet | {"experience": "long"})
    assert not any(m.stretch for m in seasoned.matches)
    assert seasoned.best.id == "social-media-strategist"


def test_without_an_experience_answer_nothing_is_a_stretch(catalogue):
    sheet = {k: v for k, v in PERSONAS["social-media-analyst"].items() if k != "experience"}
    assert not any(m.stretch for m in rank(catalogue, sheet).matches)


@pytest.mark.parametrize("real", [0, 3, 7])
def test_too_few_answers_give_no_ranking_and_say_how_many_more(catalogue, real):
    sheet = dict(list(PERSONAS["social-media-analyst"].items())[:real])
    sheet |= {q.id: SKIP for q in catalogue.bank if q.id not in sheet}  # skipping is no answer
    with pytest.raises(AnswersError) as caught:
        rank(catalogue, sheet)
    assert f"answer {8 - real} more" in caught.value.message
    assert f"jawab {8 - real} pertanyaan lagi" in caught.value.describe("id")


def test_unknown_question_and_option_ids_are_all_named(catalogue):
    with pytest.raises(AnswersError) as caught:
        rank(catalogue, {"nope": "x", "monday": "sleep"})
    assert "Unknown question 'nope'" in caught.value.message
    assert "Question 'monday' has no option 'sleep'" in caught.value.message
    assert "Pertanyaan 'monday' tidak punya pilihan 'sleep'" in caught.value.describe("id")


def test_next_steps_are_related_roles_at_a_higher_level(catalogue):
    steps = [r.id for r in next_steps(catalogue, catalogue.role("social-media-specialist"))]
    assert steps == ["social-media-strategist", "marketing-consultant"]
    assert next_steps(catalogue, catalogue.role("head-of-marketing")) == ()


def take_sitting(catalogue, pick, all_questions=False):
    """Run a sitting, answering with ``pick(question)``; return the answers in order."""
    answers: dict[str, str] = {}
    evidence = Evidence(catalogue)
    while (step := next_question(catalogue, answers, evidence, all_questions)).question:
        answers[step.question.id] = pick(step.question)
    return answers


def test_the_sitting_asks_experience_first_and_stops_between_the_minimum_and_maximum(catalogue):
    chooser = random.Random(8)
    lengths = set()
    for _ in range(40):
        answers = take_sitting(catalogue, lambda q: chooser.choice(q.options).id)
        assert next(iter(answers)) == catalogue.experience.id
        work = [q for q in answers if q != catalogue.outlook.id]  # the outlook comes on top
        assert SITTING_MIN <= len(work) <= SITTING_MAX
        lengths.add(len(answers))
        rank(catalogue, answers)  # every finished sitting can be ranked
    assert len(lengths) > 1  # clear results stop sooner than unclear ones


def test_the_next_question_depends_on_the_answers_so_far(catalogue):
    designer = take_sitting(catalogue, lambda q: _fitting(q, "graphic-designer"))
    analyst = take_sitting(catalogue, lambda q: _fitting(q, "social-media-analyst"))
    # Same start (nothing is known yet), then each sitting follows its own answers.
    assert list(designer)[:2] == list(analyst)[:2]
    assert list(designer)[2:] != list(analyst)[2:]


def _fitting(question, role_id):
    return next((o.id for o in question.options if role_id in o.fits), question.options[0].id)


def test_all_questions_asks_the_whole_bank(catalogue):
    answers = take_sitting(catalogue, lambda q: q.options[0].id, all_questions=True)
    assert set(answers) == {q.id for q in catalogue.questions}


def test_a_sitting_with_many_skips_goes_on_until_it_has_enough_answers(catalogue):
    chooser = random.Random(9)

    def pick(question):
        if question.kind == "experience" or chooser.random() < 0.4:
            return question.options[0].id
        return SKIP

    answers = take_sitting(catalogue, pick)
    real = sum(1 for q in catalogue.bank if answers.get(q.id, SKIP) != SKIP)
    assert real >= 8 or len(answers) == len(catalogue.questions)


def test_progress_counts_down(catalogue):
    answers: dict[str, str] = {}
    step = next_question(catalogue, answers)
    assert (step.number, step.left) == (1, SITTING_MAX)  # the outlook question comes on top
    answers[step.question.id] = step.question.options[0].id
    step = next_question(catalogue, answers)
    assert step.number == 2 and step.left <= SITTING_MAX - 1


def test_scores_match_rank(catalogue):
    sheet = PERSONAS["community-manager"]
    points = dict(zip((r.id for r in catalogue.roles), scores(catalogue, sheet), strict=True))
    for match in rank(catalogue, sheet).matches:
        assert points[match.id] == pytest.approx(match.score)
