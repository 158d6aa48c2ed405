"""The shipped catalogue's invariants, the personas, and the loader's error messages."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from personas import PERSONAS
from rolefinder import load_catalogue, rank
from rolefinder.model import Catalogue, Text

ROLE_IDS = [
    "social-media-specialist",
    "social-media-admin",
    "graphic-designer",
    "social-media-strategist",
    "social-media-analyst",
    "social-media-manager",
    "head-of-marketing",
    "social-media-influencer",
    "marketing-consultant",
    "community-manager",
]


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
        assert text.en.strip() and text.id.strip(), where


def test_sentences_are_translated_not_copied(catalogue):
    # Names and skill labels may stay the same (job titles are used in English in Indonesia),
    # but every sentence must exist in both languages.
    for where, text in all_texts(catalogue):
        if len(text.en.split()) > 5:
            assert text.en != text.id, where


def test_every_role_is_complete(catalogue):
    for role in catalogue.roles:
        assert role.duties and role.skills and role.related, role.id
        assert role.level in ("entry", "mid", "senior"), role.id
        assert abs(sum(role.profile.values()) - 1) < 1e-9, role.id


def test_strategist_says_it_is_kept_apart_from_specialist(catalogue):
    note = catalogue.role("social-media-strategist").note
    assert note is not None and "specialist" in note.en and "specialist" in note.id


def test_manager_carries_the_articles_years(catalogue):
    assert str(catalogue.role("social-media-manager").years) == "3-5"


def test_questions_are_scenarios_with_three_or_four_options(catalogue):
    trait_questions = [q for q in catalogue.questions if q.kind == "trait"]
    assert 10 <= len(trait_questions) <= 15
    assert [q.kind for q in catalogue.questions].count("experience") == 1
    for question in catalogue.questions:
        assert 3 <= len(question.options) <= 4, question.id
        assert all(o.id != "skip" for o in question.options)
    for question in trait_questions:
        assert all(o.weights and sum(o.weights.values()) > 0 for o in question.options)


def test_pressing_enter_throughout_does_not_favour_one_trait(catalogue):
    first = {q.id: q.options[0].id for q in catalogue.questions}
    assert max(rank(catalogue, first).profile.values()) < 50


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_a_person_in_the_role_gets_it_as_top_match(catalogue, role_id):
    result = rank(catalogue, PERSONAS[role_id])
    assert set(PERSONAS[role_id]) == {q.id for q in catalogue.questions}
    assert result.best.id == role_id, [(m.id, m.match) for m in result.matches[:3]]


def best_sheet_for(catalogue: Catalogue, role_id: str) -> dict[str, str]:
    """Hill-climb an answer sheet towards ``role_id``'s lead over the runner-up."""

    def lead(sheet: dict[str, str]) -> float:
        matches = rank(catalogue, sheet).matches
        mine = next(m.match for m in matches if m.id == role_id)
        return mine - max(m.match for m in matches if m.id != role_id)

    sheet = {q.id: q.options[0].id for q in catalogue.questions}
    for _ in range(3):
        for q in catalogue.questions:
            sheet[q.id] = max((o.id for o in q.options), key=lambda o: lead({**sheet, q.id: o}))
    return sheet


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_every_role_can_come_out_on_top(catalogue, role_id):
    assert rank(catalogue, best_sheet_for(catalogue, role_id)).best.id == role_id


def write(tmp_path: Path, text: str, name: str = "roles.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


MINIMAL = """\
traits:
  - {id: creative, name: {en: Creative, id: Kreatif}, description: {en: Makes, id: Membuat}}
roles:
  - id: designer
    name: {en: Designer, id: Desainer}
    summary: {en: Draws, id: Menggambar}
    duties: [{en: Draw, id: Menggambar}]
    skills: []
    level: entry
    profile: {creative: 1}
    related: []
questions:
  - id: q1
    prompt: {en: Pick, id: Pilih}
    options:
      - {id: a, text: {en: A, id: A}, weights: {creative: 1}}
      - {id: b, text: {en: B, id: B}, weights: {creative: 2}}
"""


def test_the_minimal_catalogue_is_valid(tmp_path):
    loaded = load_catalogue(write(tmp_path, MINIMAL))
    assert [r.id for r in loaded.roles] == ["designer"]


def test_a_bom_and_crlf_line_ends_are_fine(tmp_path):
    shipped = (Path(__file__).resolve().parents[1] / "data" / "roles.yaml").read_text("utf-8")
    copy = tmp_path / "windows.yaml"
    copy.write_bytes(b"\xef\xbb\xbf" + shipped.replace("\n", "\r\n").encode("utf-8"))
    assert len(load_catalogue(copy).roles) == 10
