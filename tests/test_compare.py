"""`rolefinder compare A B`: two results side by side, the pure comparison and the command."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from catalogues import MINIMAL
from helpers import result_code
from personas import MIXED, PERSONAS
from rolefinder import load_catalogue
from rolefinder.assess.engine import rank
from rolefinder.assess.explain import what_if
from rolefinder.catalogue.model import SKIP, Catalogue, Text
from rolefinder.cli.app import app
from rolefinder.present.compare import (
    REASONS_SHOWN,
    TOP,
    compare_dict,
    compare_results,
    difference_line,
    difference_lines,
    how_sure,
    moved_lines,
    place_text,
    why_line,
)
from rolefinder.terminal.lists import render_compare
from rolefinder.words.i18n import t

DESIGNER, ANALYST = PERSONAS["graphic-designer"], PERSONAS["social-media-analyst"]
SPECIALIST = PERSONAS["social-media-specialist"]
PAIRS = {
    "designer, analyst": (DESIGNER, ANALYST),
    "designer, specialist": (DESIGNER, SPECIALIST),
    "mixed, mixed": (MIXED["plans-and-measures"][0], MIXED["makes-and-talks"][0]),
    "admin, community manager": (
        PERSONAS["social-media-admin"],
        PERSONAS["community-manager"],
    ),
    # the same #1, and neither side lists another role: the pair is the #1 and a runner-up
    "designer, one answer changed": (DESIGNER, {**DESIGNER, "monday": "numbers"}),
}
HIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # controls but newline: ESC among them


def flipped(catalogue: Catalogue, sheet: dict[str, str]) -> tuple[dict[str, str], str, str]:
    """``sheet`` with the one changed answer that puts its runner-up first (explain.what_if),
    the question changed and the role that comes first after it."""
    change = what_if(catalogue, rank(catalogue, sheet))
    assert change is not None
    return {**sheet, change.question: change.new}, change.question, change.role


def screen(catalogue, comparison, lang="en", width=80, plain=False) -> str:
    console = Console(file=io.StringIO(), width=width, no_color=True, highlight=False)
    render_compare(console, catalogue, comparison, lang, plain=plain)
    return console.file.getvalue()


# The comparison, as data -----------------------------------------------------------------------


def fit(sheet: dict[str, str], role: str | None = None) -> int:
    """The fit of ``role`` (the best fit's by default) for ``sheet``, on the shipped catalogue."""
    result = rank(load_catalogue(), sheet)
    return next(m.fit for m in result.matches if m.id in (role or result.best.id,))


@pytest.mark.parametrize("pair", PAIRS)
def test_profiles_and_the_roles_listed_are_what_rank_gives_each_side(catalogue, pair):
    a, b = PAIRS[pair]
    comparison = compare_results(catalogue, a, b)
    for side, sheet in ((comparison.a, a), (comparison.b, b)):
        ranked = rank(catalogue, sheet)
        assert side.profile == ranked.profile
        # the roles its result screen lists, numbered as it numbers them, with their fits
        assert [tuple(p) for p in side.top] == [
            (m.id, place, m.fit) for place, m in enumerate(ranked.listed[:TOP], start=1)
        ]
        assert side.result.best.id == side.top[0].id


def test_a_side_lists_only_the_roles_its_answers_point_to(catalogue):
    mixed = compare_results(catalogue, *PAIRS["mixed, mixed"])
    assert [p.id for p in mixed.a.top] == ["social-media-strategist", "social-media-analyst"]
    designer = compare_results(catalogue, DESIGNER, ANALYST).a
    assert [p.id for p in designer.top] == ["graphic-designer"]  # not padded to three
    assert len(designer.result.matches) > 1 and not designer.result.matches[1].listed


def test_a_changed_answer_that_flips_the_first_role_is_named_as_a_reason(catalogue):
    sheet = MIXED["plans-and-measures"][0]
    before = rank(catalogue, sheet).best.id
    changed, question, first = flipped(catalogue, sheet)
    comparison = compare_results(catalogue, sheet, changed)
    assert comparison.b.result.best.id == first != before
    assert (comparison.ahead, comparison.behind) == (first, before)
    assert [d.question for d in comparison.differences] == [question]
    (reason,) = comparison.reasons
    assert reason.question == question and reason.points > 0
    line = difference_line(catalogue, comparison, reason, "en")
    names = [catalogue.role(role).name.get("en") for role in (first, before)]
    assert line.index(names[0]) < line.index(names[1])  # "gives FIRST n points more than BEFORE"
    assert catalogue.question(question).label.get("en") in line
    moved = {move.id: move for move in comparison.moved}
    assert moved[first].after.place == 1 and moved[before].before.place == 1


@pytest.mark.parametrize("pair", PAIRS)
def test_the_differences_add_up_to_the_whole_move(catalogue, pair):
    a, b = PAIRS[pair]
    comparison = compare_results(catalogue, a, b)
    ahead, behind = comparison.ahead, comparison.behind
    assert ahead is not None and behind is not None

    def gap(side):
        return side.result.score_of(ahead) - side.result.score_of(behind)

    total = sum(d.points for d in comparison.differences)
    assert total == pytest.approx(gap(comparison.b) - gap(comparison.a), abs=1e-9)
    sizes = [abs(d.points) for d in comparison.differences]
    assert sizes == sorted(sizes, reverse=True)
    assert 1 <= len(comparison.reasons) <= REASONS_SHOWN


def test_the_pair_is_the_two_first_roles_or_the_first_and_the_role_that_moved_most(catalogue):
    one = compare_results(catalogue, DESIGNER, ANALYST)
    assert (one.ahead, one.behind) == ("social-media-analyst", "graphic-designer")
    # The same #1 on both sides: what widened or narrowed its lead where a fit moved most.
    sheet = MIXED["plans-and-measures"][0]
    first = rank(catalogue, sheet).best.id
    question = next(
        q.id
        for q in catalogue.bank
        if q.id not in sheet and rank(catalogue, {**sheet, q.id: q.options[0].id}).best.id == first
    )
    same_first = compare_results(
        catalogue, sheet, {**sheet, question: catalogue.question(question).options[0].id}
    )
    assert same_first.ahead == first and same_first.behind not in (None, first)
    listed = {p.id for p in (*same_first.a.top, *same_first.b.top)}
    assert same_first.behind in listed
    changes = {
        role: abs(fit(same_first.b.answers, role) - fit(sheet, role)) for role in listed - {first}
    }
    assert changes[same_first.behind] == max(changes.values())
    # Neither side lists a second role: the runner-up of either side, whose fit moved most.
    alone = compare_results(catalogue, *PAIRS["designer, one answer changed"])
    assert [p.id for p in (*alone.a.top, *alone.b.top)] == ["graphic-designer"] * 2
    runners_up = {alone.a.result.matches[1].id, alone.b.result.matches[1].id}
    assert alone.ahead == "graphic-designer" and alone.behind in runners_up
    (reason,) = alone.reasons  # and so the changed answer is still a reason, in points
    assert reason.question == "monday" and reason.points < 0  # it narrowed the lead


def test_the_same_answers_are_the_same_result(catalogue):
    comparison = compare_results(catalogue, DESIGNER, dict(DESIGNER))
    assert comparison.same and not comparison.differences and not comparison.moved
    assert moved_lines(catalogue, comparison, "en") == [
        "A and B are the same result: the same answers to every question."
    ]
    assert (
        why_line(comparison, "en") is None and difference_lines(catalogue, comparison, "en") == []
    )
    assert "hasil yang sama" in moved_lines(catalogue, comparison, "id")[0]
    # A skipped question and one never asked both count for nothing: still the same result.
    unasked = next(q.id for q in catalogue.bank if q.id not in DESIGNER)
    assert compare_results(catalogue, DESIGNER, {**DESIGNER, unasked: SKIP}).same


def test_a_changed_answer_makes_a_different_result(catalogue):
    changed = {**DESIGNER, "monday": "numbers"}
    comparison = compare_results(catalogue, DESIGNER, changed)
    assert not comparison.same
    assert [(d.question, d.a, d.b) for d in comparison.differences] == [
        ("monday", "layouts", "numbers")
    ]
    assert why_line(comparison, "en") == "One answer differs:"
    assert comparison.a.result.best.id == comparison.b.result.best.id  # it only narrowed the lead
    (reason,) = difference_lines(catalogue, comparison, "en")
    assert reason.startswith("Monday's first task: A chose \"Finish the layouts")
    # the same place, a lower fit: a move, said in fits
    (move,) = comparison.moved
    before, after = fit(DESIGNER), fit(changed)
    assert move.id == "graphic-designer" and after < before
    assert moved_lines(catalogue, comparison, "en") == [
        f"Graphic Designer: from #1 ({before}/100) to #1 ({after}/100)"
    ]


@pytest.mark.parametrize(
    "changed", [{"outlook": "torn"}, {"experience": "long"}], ids=["outlook", "experience"]
)
def test_how_sure_or_how_ready_someone_is_moves_no_role(catalogue, changed):
    # Experience says how ready, the outlook how sure: neither says which work fits, so the
    # roles listed keep their places and fits, and the changed answer counts for nothing.
    comparison = compare_results(catalogue, DESIGNER, {**DESIGNER, **changed})
    assert not comparison.same and comparison.moved == ()
    assert comparison.a.top == comparison.b.top
    (difference,) = comparison.differences
    assert difference.question in changed and difference.points == 0
    assert comparison.reasons == ()
    assert moved_lines(catalogue, comparison, "en") == [t("compare_nothing_moved", "en")]
    assert why_line(comparison, "en") == t("compare_why_one_small", "en")


@pytest.mark.parametrize("pair", PAIRS)
def test_swapping_the_sides_mirrors_the_comparison(catalogue, pair):
    a, b = PAIRS[pair]
    forward, back = compare_results(catalogue, a, b), compare_results(catalogue, b, a)
    assert (back.a.profile, back.b.profile) == (forward.b.profile, forward.a.profile)
    assert (back.a.top, back.b.top) == (forward.b.top, forward.a.top)
    assert [(m.id, m.before, m.after) for m in back.moved] == [
        (m.id, m.after, m.before) for m in forward.moved
    ]
    assert {back.ahead, back.behind} == {forward.ahead, forward.behind}
    assert len(back.differences) == len(forward.differences)
    pair_ = {forward.ahead, forward.behind}
    for there, here in zip(forward.differences, back.differences, strict=True):
        assert (here.question, here.a, here.b) == (there.question, there.b, there.a)
        assert abs(here.points) == pytest.approx(abs(there.points))
        # The role the change favoured one way is the other role of the pair the other way.
        assert {favoured(forward, there), favoured(back, here)} == pair_


def favoured(comparison, difference) -> str | None:
    return comparison.ahead if difference.points > 0 else comparison.behind


def test_the_json_shape(catalogue):
    comparison = compare_results(catalogue, DESIGNER, ANALYST, ("last term", "now"))
    data = json.loads(json.dumps(compare_dict(catalogue, comparison, "en")))
    assert set(data) == {"same", "a", "b", "moved", "why", "text", "language", "catalogue"}
    assert data["same"] is False and data["language"] == "en"
    for key, label, sheet in (("a", "last term", DESIGNER), ("b", "now", ANALYST)):
        side, ranked = data[key], rank(catalogue, sheet)
        keys = {"label", "profile", "experience", "best", "sure", "band", "pattern", "top"}
        assert set(side) == keys | {"answers"}
        assert side["label"] == label and side["answers"] == sheet
        assert sum(side["profile"].values()) == 100
        assert side["experience"] == {"level": ranked.level, "related": ranked.adjacent}
        assert side["best"] == ranked.best.id and side["sure"] == round(ranked.best.sure, 3)
        assert side["band"] == "strong" and side["pattern"] is None
        assert side["top"] == [
            {"id": m.id, "name": m.role.name.get("en"), "place": place, "fit": m.fit}
            for place, m in enumerate(ranked.listed[:TOP], start=1)
        ]
    assert data["a"]["top"][0]["id"] == "graphic-designer"
    assert data["b"]["top"][0]["id"] == "social-media-analyst"
    moved = {move["id"]: move for move in data["moved"]}
    for move in moved.values():
        assert set(move) == {"id", "name", "before", "after", "text"}
    # off the list: no place, but still a fit
    designer = fit(DESIGNER, "graphic-designer"), fit(ANALYST, "graphic-designer")
    assert moved["graphic-designer"]["before"] == {"place": 1, "fit": designer[0]}
    assert moved["graphic-designer"]["after"] == {"place": None, "fit": designer[1]}
    why = data["why"]
    assert (why["ahead"], why["behind"]) == ("social-media-analyst", "graphic-designer")
    assert all(set(d) == {"question", "a", "b", "points", "text"} for d in why["differences"])
    assert data["text"][0] == data["moved"][0]["text"]


def test_the_sentences_are_in_both_languages(catalogue):
    comparison = compare_results(catalogue, DESIGNER, ANALYST)
    for lang, words in (
        ("en", ("from #", "which gives")),
        ("id", ("di A peringkat", "karena itu")),
    ):
        text = " ".join(
            [
                *moved_lines(catalogue, comparison, lang),
                *difference_lines(catalogue, comparison, lang),
            ]
        )
        assert all(word in text for word in words), text


# Drawn on a console ---------------------------------------------------------------------------


def side_by_side(line: str) -> bool:
    """Whether ``line`` is the first row of both lists, A's on the left, each with its fit."""
    a, b = fit(DESIGNER), fit(ANALYST)
    first_rows = rf"^1 +Graphic Designer +{a}/100 +1 +Social Media Analyst +{b}/100"
    return re.search(first_rows, line) is not None


def test_place_text_says_the_place_and_the_fit_or_off_the_list(catalogue):
    from rolefinder.present.compare import Placed

    assert place_text(Placed("x", 2, 82), "en") == "#2 (82/100)"
    assert place_text(Placed("x", None, 7), "en") == "off the list (7/100)"
    assert place_text(Placed("x", None, 7), "id") == "tidak masuk daftar (7/100)"


def test_how_sure_is_told_for_each_side_as_under_its_result(catalogue):
    from rolefinder.present.report import sure_text

    exploring = {**DESIGNER, "outlook": "exploring"}
    by_position = {q.id: q.options[0].id for q in catalogue.bank}  # always the first option
    comparison = compare_results(catalogue, exploring, by_position)
    # Said of whoever took it: a comparison may hold a friend's result, not "you".
    low = t("how_sure_exploring_side", "en", sure=sure_text(comparison.a.result.best.sure))
    assert how_sure(comparison.a, "en") == low
    assert comparison.b.result.pattern == "same_position" and comparison.b.band == "unsure"
    assert how_sure(comparison.b, "en") == t("how_sure_no_pattern", "en")
    data = compare_dict(catalogue, comparison, "en")
    assert (data["a"]["band"], data["b"]["pattern"]) == ("unsure", "same_position")
    high = compare_results(catalogue, DESIGNER, ANALYST).a
    sure = sure_text(high.result.best.sure)
    assert how_sure(high, "en") == t("how_sure", "en", band=t("band_strong", "en"), sure=sure)
    out = screen(catalogue, comparison, width=240)  # each side's line unwrapped
    assert low in out and t("how_sure_no_pattern", "en") in out


def test_narrow_terminals_stack_the_two_top_3(catalogue):
    comparison = compare_results(catalogue, DESIGNER, ANALYST)
    for width in (50, 30):
        lines = screen(catalogue, comparison, width=width).splitlines()
        assert all(len(line) <= width for line in lines), width
        assert not any(side_by_side(line) for line in lines)
        assert lines.index("A") < lines.index("B")  # a heading over each list


@pytest.mark.parametrize("width", [80, 120])
def test_wide_terminals_put_the_two_top_3_side_by_side(catalogue, width):
    comparison = compare_results(catalogue, DESIGNER, ANALYST)
    lines = screen(catalogue, comparison, width=width).splitlines()
    assert all(len(line) <= width for line in lines)
    assert any(side_by_side(line) for line in lines)
    assert any(re.match(r"^Creative +A +█+░* +100%", line) for line in lines)
    assert any(re.match(r"^ +B +░+ +0% +-100$", line.rstrip()) for line in lines)


def test_plain_shows_the_figures_without_bars(catalogue):
    out = screen(catalogue, compare_results(catalogue, DESIGNER, ANALYST), plain=True)
    assert "█" not in out and "░" not in out
    assert re.search(r"^Creative +A +100%", out, flags=re.M)


def test_hostile_catalogue_texts_are_shown_as_typed_and_never_as_escapes(catalogue):
    typed = "[bold]Designer[/] \x1b[31mred"
    roles = tuple(
        dataclasses.replace(role, name=Text.same(typed)) if role.id == "graphic-designer" else role
        for role in catalogue.roles
    )
    hostile = Catalogue(catalogue.traits, roles, catalogue.questions)
    out = screen(hostile, compare_results(hostile, DESIGNER, ANALYST))
    assert "[bold]Designer[/] \\x1b[31mred" in out  # markup as typed, the escape spelled out
    assert not HIDDEN.search(out)


# The command ---------------------------------------------------------------------------------


def test_compare_two_codes(runner):
    a, b = result_code(DESIGNER), result_code(ANALYST)
    done = runner.invoke(app, ["compare", a, b], env={"TERM": "xterm"})  # not plain: "#1"
    assert done.exit_code == 0, done.output
    out = done.stdout
    assert f"A  {a}" in out and f"B  {b}" in out
    for key in ("compare_title", "compare_profiles", "compare_matches", "compare_what_moved"):
        assert t(key, "en") in out
    before, after = fit(DESIGNER), fit(ANALYST, "graphic-designer")
    assert f"Graphic Designer: from #1 ({before}/100) to off the list ({after}/100)" in out
    assert "answers differ; the ones that counted most:" in out


def test_compare_speaks_the_language_of_a_unless_told(runner):
    a, b = result_code(DESIGNER, "id"), result_code(ANALYST, "en")
    shown = runner.invoke(app, ["compare", a, b]).stdout
    assert "Perbandingan dua hasil" in shown and "Yang berubah" in shown
    assert "jawaban yang berbeda" in shown
    told = runner.invoke(app, ["compare", a, b, "--lang", "en"]).stdout
    assert "Two results side by side" in told
    swapped = runner.invoke(app, ["compare", b, a]).stdout
    assert "Two results side by side" in swapped


def test_compare_json(runner):
    a, b = result_code(DESIGNER), result_code(ANALYST, "id")
    done = runner.invoke(app, ["compare", a, b, "--json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert data["a"]["label"] == a and data["b"]["label"] == b
    assert data["language"] == "en"
    assert data["b"]["top"][0]["name"] == "Social Media Analyst"
    assert data["why"]["differences"][0]["points"] > 0


def test_the_same_code_twice_is_the_same_result(runner):
    a = result_code(DESIGNER)
    out = runner.invoke(app, ["compare", a, a.lower().replace("-", "")]).stdout
    assert "A and B are the same result" in out
    assert f"B  {a}" in out  # the code as printed, however it was typed


@pytest.mark.parametrize("place", [0, 1])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_bad_code_is_one_line_and_exit_1(runner, place, lang):
    refs = [result_code(DESIGNER), result_code(ANALYST)]
    refs[place] = refs[place][:-1] + ("0" if refs[place][-1] != "0" else "1")
    done = runner.invoke(app, ["compare", *refs, "--lang", lang])
    assert done.exit_code == 1
    assert isinstance(done.exception, SystemExit)
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    word = "is not a valid result code" if lang == "en" else "bukan kode hasil yang valid"
    assert word in done.stderr and refs[place] in done.stderr


def test_codes_from_another_catalogue_are_refused(runner, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text(MINIMAL, "utf-8")
    refs = [result_code(DESIGNER), result_code(ANALYST)]
    done = runner.invoke(app, ["compare", *refs, "--catalogue", str(other)])
    assert done.exit_code == 1
    assert "made with another catalogue" in done.stderr and done.stderr.count("\n") == 1


def test_a_role_name_with_markup_is_shown_as_typed(runner, tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        catalogue_text().replace("{en: Graphic Designer,", "{en: '[bold]Graphic[/] Designer',", 1),
        "utf-8",
    )
    refs = [result_code(DESIGNER), result_code(ANALYST)]  # wording is not in the fingerprint
    done = runner.invoke(app, ["compare", *refs, "--catalogue", str(path)], color=True)
    assert done.exit_code == 0, done.output
    assert "[bold]Graphic[/] Designer" in done.stdout


def test_a_role_name_with_an_escape_is_refused_and_never_obeyed(runner, tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        catalogue_text().replace("{en: Graphic Designer,", '{en: "\\e[31mGraphic Designer",', 1),
        "utf-8",
    )
    refs = [result_code(DESIGNER), result_code(ANALYST)]
    done = runner.invoke(app, ["compare", *refs, "--catalogue", str(path)], color=True)
    assert done.exit_code == 1
    assert "U+001B" in done.stderr
    assert not HIDDEN.search(done.stdout + done.stderr)


def catalogue_text() -> str:
    text = (Path(__file__).resolve().parents[1] / "data" / "roles.yaml").read_text("utf-8")
    assert "{en: Graphic Designer," in text
    return text


@pytest.mark.parametrize(("columns", "stacked"), [("50", True), ("80", False), ("120", False)])
def test_the_command_fits_narrow_and_wide_terminals(runner, columns, stacked):
    refs = [result_code(DESIGNER), result_code(ANALYST)]
    env = {"COLUMNS": columns, "TERM": "xterm-256color"}
    out = runner.invoke(app, ["compare", *refs], env=env).stdout
    lines = out.splitlines()
    assert all(len(line) <= int(columns) for line in lines)
    assert "█" in out  # bars: neither --plain nor TERM=dumb
    assert any(side_by_side(line) for line in lines) != stacked


def test_term_dumb_and_no_color_draw_no_bars_and_no_escapes(runner):
    refs = [result_code(DESIGNER), result_code(ANALYST)]
    out = runner.invoke(app, ["compare", *refs], color=True).stdout  # runner: TERM=dumb
    assert "█" not in out and "\x1b[" not in out
    assert re.search(r"^Creative +A +100%", out, flags=re.M)


# Saved results (the history) -------------------------------------------------------------------


@pytest.fixture
def saved(tmp_path, monkeypatch, catalogue):
    """A history holding the designer's result (#1, in Indonesian) and the analyst's (#2)."""
    from rolefinder.assess.codes import encode, fingerprint
    from rolefinder.history.store import record

    monkeypatch.setenv("ROLEFINDER_HISTORY", str(tmp_path / "history.sqlite3"))

    def keep(sheet, lang, taken, mark=None):
        top = [(m.id, m.fit) for m in rank(catalogue, sheet).listed[:3]]
        code = encode(catalogue, sheet, lang)
        mark = mark or fingerprint(catalogue)
        assert (
            record(lang=lang, fingerprint=mark, answers=sheet, top=top, code=code, taken=taken)
            is None
        )

    keep(DESIGNER, "id", "2026-05-02T08:00:00Z")
    keep(ANALYST, "en", "2026-11-24T09:30:00Z")
    return keep


def test_compare_two_saved_results(runner, saved):
    done = runner.invoke(app, ["compare", "1", "last"], env={"TERM": "xterm"})  # not plain: "#1"
    assert done.exit_code == 0, done.output
    out = done.stdout
    assert "A  #1, 2026-05-02" in out and "B  #2, 2026-11-24" in out
    assert "Perbandingan dua hasil" in out  # the language #1 was taken in
    before, after = fit(DESIGNER), fit(ANALYST, "graphic-designer")
    moved = f"di A peringkat 1 ({before}/100), di B tidak masuk daftar ({after}/100)"
    assert f"Graphic Designer: {moved}" in out


def test_a_saved_result_beside_a_code(runner, saved):
    code = result_code(SPECIALIST)
    done = runner.invoke(app, ["compare", "#2", code, "--json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert data["a"]["label"] == "#2, 2026-11-24" and data["b"]["label"] == code
    assert data["language"] == "en" and data["a"]["answers"] == ANALYST
    assert data["b"]["top"][0]["id"] == "social-media-specialist"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Saved result 3 was taken with another catalogue"),
        ("id", "Hasil tersimpan nomor 3 diambil dengan katalog lain"),
    ],
)
def test_a_result_saved_with_another_catalogue_is_refused(runner, saved, lang, message):
    saved(SPECIALIST, "en", "2026-11-25T10:00:00Z", mark="0000ZZZZ")
    done = runner.invoke(app, ["compare", "1", "3", "--lang", lang])
    assert done.exit_code == 1
    assert isinstance(done.exception, SystemExit) and done.stdout == ""
    assert message in done.stderr and done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["7", "last"], "There is no saved result '7'"),
        (["last", "next"], "'next' is not a valid result code"),
    ],
)
def test_a_saved_result_that_is_not_there_is_one_line(runner, saved, args, message):
    done = runner.invoke(app, ["compare", *args])
    assert done.exit_code == 1
    assert message in done.stderr and done.stderr.count("\n") == 1
    assert "Traceback" not in done.output


def test_saved_results_with_the_history_off(runner, monkeypatch):
    monkeypatch.setenv("ROLEFINDER_HISTORY", "off")
    done = runner.invoke(app, ["compare", "last", result_code(DESIGNER)])
    assert done.exit_code == 1
    assert "The history is off" in done.stderr and done.stderr.count("\n") == 1


# A side that cannot be ranked ------------------------------------------------------------------

TOO_FEW = {"experience": "none", "monday": "layouts"}  # 1 of the answers a ranking needs


@pytest.mark.parametrize("place", [0, 1])
def test_a_side_with_too_few_answers_is_named(catalogue, place):
    from rolefinder.errors import AnswersError

    sheets = [DESIGNER, ANALYST]
    sheets[place] = TOO_FEW
    side = "AB"[place]
    with pytest.raises(AnswersError) as raised:
        compare_results(catalogue, *sheets)
    assert raised.value.describe("en").startswith(f"Result {side} has too few answers")
    with pytest.raises(AnswersError) as raised:
        compare_results(catalogue, *sheets, labels=("#1, 2026-05-02", "#2, 2026-11-24"))
    label = ("#1, 2026-05-02", "#2, 2026-11-24")[place]
    assert raised.value.describe("en").startswith(f"Result {side} ({label}) has too few answers")
    assert raised.value.describe("id").startswith(f"Jawaban hasil {side} ({label}) belum cukup")


@pytest.mark.parametrize("place", [0, 1])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_code_with_too_few_answers_says_which_side(runner, place, lang):
    refs = [result_code(DESIGNER), result_code(ANALYST)]
    refs[place] = result_code(TOO_FEW)
    done = runner.invoke(app, ["compare", *refs, "--lang", lang])
    assert done.exit_code == 1
    assert isinstance(done.exception, SystemExit) and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    side = "AB"[place]
    if lang == "en":
        assert f"Result {side} ({refs[place]}) has too few answers to rank the roles" in done.stderr
        assert "so the two cannot be compared" in done.stderr
    else:
        assert f"Jawaban hasil {side} ({refs[place]}) belum cukup" in done.stderr
        assert "jadi keduanya tidak bisa dibandingkan" in done.stderr
    assert "answer" not in done.stderr.split(" more")[0][-12:]  # not "answer N more"
    assert "more." not in done.stderr and "lagi." not in done.stderr


def test_a_side_with_unknown_answers_is_named(catalogue):
    from rolefinder.errors import AnswersError

    with pytest.raises(AnswersError) as raised:
        compare_results(
            catalogue, DESIGNER, {**ANALYST, "no-such-question": "x"}, labels=("#1", "#2")
        )
    (line,) = raised.value.describe("en").splitlines()  # one problem: one line
    assert line.startswith("Result B (#2) cannot be ranked: Unknown question 'no-such-question'")


LATER = "2026-12-01T10:00:00Z"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_saved_result_that_cannot_be_ranked_says_error_once_a_line(
    runner, saved, catalogue, lang
):
    # Two unknown answers kept in the history (a catalogue edited since): each problem is one
    # line led by one "Error:" and the result it is about, never "Error: ...:" over "Error: ...".
    from rolefinder.assess.codes import fingerprint
    from rolefinder.history.store import record

    odd = {**ANALYST, "no-such-question": "x", "no-such-either": "y"}
    mark = fingerprint(catalogue)
    assert record(lang=lang, fingerprint=mark, answers=odd, top=[], code="", taken=LATER) is None
    done = runner.invoke(app, ["compare", "1", "last", "--lang", lang])
    assert done.exit_code == 1 and done.stdout == ""
    label = t("error", lang)
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    lead = t("compare_cannot_rank", lang, who="B (#3, 2026-12-01)", problem="")
    for line, question in zip(lines, ("no-such-question", "no-such-either"), strict=True):
        assert line.startswith(f"{label}: {lead}") and question in line
        assert line.count(f"{label}:") == 1
