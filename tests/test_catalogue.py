"""The shipped catalogue's invariants, the personas, and the loader's error messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogues import MINIMAL, ROLE_IDS, write
from personas import PERSONAS
from rolefinder import load_catalogue, rank
from rolefinder.catalogue.model import Catalogue, Text


def all_texts(catalogue: Catalogue) -> list[tuple[str, Text]]:
    """Every bilingual text in the catalogue, with where it is."""
    texts: list[tuple[str, Text]] = []
    for trait in catalogue.traits:
        texts += [(f"{trait.id}.name", trait.name), (f"{trait.id}.description", trait.description)]
    for role in catalogue.roles:
        texts += [(f"{role.id}.name", role.name), (f"{role.id}.summary", role.summary)]
        texts += [(f"{role.id}.duties", d) for d in role.duties]
        texts += [(f"{role.id}.skills", s) for s in role.skills]
        if role.note:
            texts.append((f"{role.id}.note", role.note))
    for question in catalogue.questions:
        texts.append((f"{question.id}.prompt", question.prompt))
        texts += [(f"{question.id}.{o.id}", o.text) for o in question.options]
    return texts


def test_the_ten_roles_of_the_articles(catalogue):
    assert [r.id for r in catalogue.roles] == ROLE_IDS


def test_headline_traits_come_first(catalogue):
    assert [t.id for t in catalogue.traits][:3] == ["creative", "strategic", "analytical"]


def test_every_text_is_in_english_and_indonesian(catalogue):
    for where, text in all_texts(catalogue):
        assert text.get("en").strip() and text.get("id").strip(), where


def test_sentences_are_translated_not_copied(catalogue):
    # Names and skill labels may stay the same (job titles are used in English in Indonesia),
    # but every sentence must exist in both languages.
    for where, text in all_texts(catalogue):
        if len(text.get("en").split()) > 5:
            assert text.get("en") != text.get("id"), where


def test_every_role_is_complete(catalogue):
    for role in catalogue.roles:
        assert role.duties and role.skills and role.related, role.id
        assert role.level in ("entry", "mid", "senior"), role.id
        assert abs(sum(role.profile.values()) - 1) < 1e-9, role.id


def test_strategist_says_it_is_kept_apart_from_specialist(catalogue):
    note = catalogue.role("social-media-strategist").note
    assert note is not None and "specialist" in note.get("en") and "specialist" in note.get("id")


def test_manager_carries_the_articles_years(catalogue):
    assert str(catalogue.role("social-media-manager").years) == "3-5"


def test_the_bank_is_larger_than_a_sitting_and_every_option_is_one_trait(catalogue):
    from rolefinder.assess.engine import SITTING_MAX

    assert len(catalogue.bank) > SITTING_MAX
    assert [q.kind.name for q in catalogue.questions].count("experience") == 1
    for question in catalogue.bank:
        assert 4 <= len(question.options) <= 7, question.id
        for option in question.options:
            assert option.id != "skip"
            if option.weights or not option.against:
                assert len(option.weights) == 1, (question.id, option.id)  # one trait an option
                assert 1 <= len(option.fits) <= 3, (question.id, option.id)
            else:  # work one would rather not do: no trait, counted against its roles
                assert not option.fits, (question.id, option.id)
                assert set(option.against) <= set(ROLE_IDS), (question.id, option.against)


def test_every_role_has_a_say_in_many_questions(catalogue):
    for role_id in ROLE_IDS:
        questions = [q.id for q in catalogue.bank if any(role_id in o.fits for o in q.options)]
        assert len(questions) >= 12, (role_id, questions)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("social-media-manager", "head-of-marketing"),
        ("social-media-admin", "community-manager"),
        ("social-media-specialist", "graphic-designer"),
        ("social-media-specialist", "social-media-influencer"),
        ("graphic-designer", "social-media-influencer"),
        ("social-media-analyst", "marketing-consultant"),
        ("social-media-strategist", "social-media-manager"),
        ("social-media-strategist", "marketing-consultant"),
    ],
)
def test_neighbours_are_told_apart_by_several_questions(catalogue, one, other):
    # A question separates two roles when they fit different options of it.
    apart = 0
    for question in catalogue.bank:
        ones = {o.id for o in question.options if one in o.fits}
        others = {o.id for o in question.options if other in o.fits}
        apart += bool(ones and others and ones != others)
    assert apart >= 5, (one, other, apart)


def test_pressing_enter_throughout_does_not_favour_one_trait(catalogue):
    from rolefinder.assess.engine import next_question

    answers: dict[str, str] = {}
    while (question := next_question(catalogue, answers).question) is not None:
        answers[question.id] = question.options[0].id
    assert max(rank(catalogue, answers).profile.values()) < 60


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_a_consistent_sheet_for_a_role_gets_it_first(catalogue, role_id):
    result = rank(catalogue, PERSONAS[role_id])
    assert result.best.id == role_id, [(m.id, m.score) for m in result.matches[:3]]


def best_sheet_for(catalogue: Catalogue, role_id: str) -> dict[str, str]:
    """Hill-climb an answer sheet towards ``role_id``'s lead over the runner-up."""

    def lead(sheet: dict[str, str]) -> float:
        matches = rank(catalogue, sheet).matches
        mine = next(m.score for m in matches if m.id == role_id)
        return mine - max(m.score for m in matches if m.id != role_id)

    level = catalogue.role(role_id).level
    sheet = {q.id: q.options[0].id for q in catalogue.bank}
    sheet["experience"] = next(o.id for o in catalogue.experience.options if o.level == level)
    for _ in range(2):
        for q in catalogue.bank:
            sheet[q.id] = max((o.id for o in q.options), key=lambda o: lead({**sheet, q.id: o}))
    return sheet


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_every_role_can_come_out_on_top(catalogue, role_id):
    assert rank(catalogue, best_sheet_for(catalogue, role_id)).best.id == role_id


def test_the_minimal_catalogue_is_valid(tmp_path):
    loaded = load_catalogue(write(tmp_path, MINIMAL))
    assert [r.id for r in loaded.roles] == ["designer"]


def test_a_bom_and_crlf_line_ends_are_fine(tmp_path):
    shipped = (Path(__file__).resolve().parents[1] / "data" / "roles.yaml").read_text("utf-8")
    copy = tmp_path / "windows.yaml"
    copy.write_bytes(b"\xef\xbb\xbf" + shipped.replace("\n", "\r\n").encode("utf-8"))
    assert len(load_catalogue(copy).roles) == 10
