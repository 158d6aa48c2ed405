"""Property tests: the loader never crashes, and anything that loads can be ranked sensibly."""

from __future__ import annotations

import math
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolefinder import CatalogueError, load_catalogue, rank
from rolefinder.assess.engine import Result, answered, needed_answers
from rolefinder.catalogue.model import SKIP, Catalogue
from rolefinder.catalogue.schema import build_catalogue
from rolefinder.errors import AnswersError

SHIPPED = load_catalogue()
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

YAML_BITS = st.sampled_from(
    [
        "traits:",
        "roles:",
        "questions:",
        "\n",
        "  ",
        "- ",
        "id: ",
        "en: ",
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "&a ",
        "*a",
        "!x ",
        "'",
        '"',
        "#",
        "---",
        "? ",
        "|",
        ">",
        "no",
        "1.10",
        "2024-02-30",
        ".nan",
        "-1",
        "~",
        "\t",
        "\\e",
        "\x1b",
        "\ufeff",
        "é",
    ]
)
yaml_ish = st.lists(st.one_of(YAML_BITS, st.text(max_size=5)), max_size=40).map("".join)


def check_result(catalogue: Catalogue, result: Result) -> None:
    assert sum(result.profile.values()) == 100
    assert set(result.profile) == {t.id for t in catalogue.traits}
    assert sorted(m.id for m in result.matches) == sorted(r.id for r in catalogue.roles)
    reachable = list(result.matches)
    figures = [m.fit for m in reachable]
    assert figures == sorted(figures, reverse=True)
    assert all(math.isfinite(m.score) for m in result.matches)
    assert sum(m.sure for m in reachable) == pytest.approx(1.0)
    # A total order: the same answers always give the same ranking.
    assert [m.id for m in rank(catalogue, result.answers).matches] == [m.id for m in result.matches]


@SETTINGS
@given(text=yaml_ish)
def test_any_text_loads_or_is_refused_cleanly(tmp_path_factory, text):
    path = Path(tmp_path_factory.mktemp("cat")) / "roles.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_catalogue(path)
    except CatalogueError as error:
        assert error.problems


ids = st.text(string.ascii_lowercase, min_size=1, max_size=3)
texts = st.fixed_dictionaries(
    {"en": st.text(min_size=1, max_size=5), "id": st.text(min_size=1, max_size=5)}
)
weights = st.floats(min_value=0, max_value=1e6, allow_nan=False) | st.integers(0, 10**6)


@st.composite
def catalogue_data(draw: st.DrawFn) -> dict:
    trait_ids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    role_ids = draw(st.lists(ids, min_size=1, max_size=8, unique=True))

    def profile() -> dict:
        return draw(st.dictionaries(st.sampled_from(trait_ids), weights, min_size=1))

    roles = [
        {
            "id": r,
            "name": draw(texts),
            "summary": draw(texts),
            "duties": [draw(texts)],
            "skills": [],
            "level": draw(st.sampled_from(["entry", "mid", "senior"])),
            "profile": profile(),
            "related": draw(st.lists(st.sampled_from(role_ids), max_size=2)),
        }
        for r in role_ids
    ]
    questions = [
        {
            "id": q,
            "prompt": draw(texts),
            "options": [
                {
                    "id": o,
                    "text": draw(texts),
                    "weights": profile(),
                    "fits": draw(st.lists(st.sampled_from(role_ids), max_size=2)),
                }
                for o in draw(st.lists(ids, min_size=2, max_size=4, unique=True))
            ],
        }
        for q in draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    ]
    traits = [{"id": t, "name": draw(texts), "description": draw(texts)} for t in trait_ids]
    return {"traits": traits, "roles": roles, "questions": questions}


@SETTINGS
@given(data=catalogue_data(), choice=st.randoms(use_true_random=False))
def test_any_catalogue_that_validates_can_be_ranked(data, choice):
    catalogue, problems, _ = build_catalogue(data)
    if catalogue is None:  # e.g. a role related to itself, or text that is only spaces
        assert problems
        return
    answers = {
        q.id: choice.choice(q.options).id for q in catalogue.questions if choice.random() < 0.8
    }
    rank_or_too_few(catalogue, answers)


@SETTINGS
@given(choice=st.randoms(use_true_random=False))
def test_any_answer_sheet_on_the_shipped_catalogue(choice):
    answers = {
        q.id: choice.choice(q.options).id if choice.random() < 0.9 else SKIP
        for q in SHIPPED.questions
        if choice.random() < 0.7
    }
    rank_or_too_few(SHIPPED, answers)


def rank_or_too_few(catalogue: Catalogue, answers: dict[str, str]) -> None:
    """Rank, or be told exactly how many more answers are needed; nothing else."""
    if answered(catalogue, answers) < needed_answers(catalogue):
        with pytest.raises(AnswersError, match="more"):
            rank(catalogue, answers)
        return
    check_result(catalogue, rank(catalogue, answers))
