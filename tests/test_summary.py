"""The class summary files (summary.md, summary.html): contents, escaping, and the page in a
real headless browser.

Summaries are built directly from classroom's types, one student at a time, so each count and
chart has a known answer. The browser tests keep their screenshots in artifacts/class/ at the
repository root, for CI to publish; without Chromium they are skipped, except under CI
(helpers.ci_is_set), where they fail, as the cards' do.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import ROOT
from helpers import check_screenshot, chromium_runner, contrast, measured
from personas import PERSONAS
from rolefinder.assess.engine import needed_answers, rank
from rolefinder.assess.explain import reasons as reasons_for
from rolefinder.catalogue.model import Catalogue
from rolefinder.classroom.pages import class_view_html, html_summary
from rolefinder.classroom.scoring import ROSTER_MAX, TALK_FIRST_MAX, Scorer, Student, Summary
from rolefinder.classroom.summary import class_facts, markdown_summary, share_text
from rolefinder.present.report import summary_reason, sure_text
from rolefinder.words.i18n import t


def summary_html(summary):
    return html_summary(class_facts(summary))


def summary_markdown(summary):
    return markdown_summary(class_facts(summary))


def class_html(summary):
    return class_view_html(class_facts(summary))


ARTIFACTS = ROOT / "artifacts" / "class"
SOURCE = "responses.csv"

ANALYST, STRATEGIST, SPECIALIST = (
    "social-media-analyst",
    "social-media-strategist",
    "social-media-specialist",
)
DESIGNER, INFLUENCER = "graphic-designer", "social-media-influencer"

# What a red team would call a student (or name a form export), each to come out as itself.
HOSTILE_LABELS = [
    "<script>alert(1)</script>",
    "[click](javascript:x)",
    "| a | b |",
    '=HYPERLINK("x")',
    "\x1b[31mred\x1b[0m",
    '<img src=x onerror="alert(1)">',
    "# Heading",
    "*bold* _it_ `code`",
    "1. item",
    "> quote",
    "&lt;b&gt; &amp;",
    "line\nbreak",
    "www.example.com http://e.com/x",
    "\"quoted\" 'single'",
]


def scored(
    label: str,
    row: int,
    top: tuple[tuple[str, int], ...],
    profile: dict[str, int],
    band: str = "strong",
    flags: tuple[str, ...] = (),
    source: str = SOURCE,
    sure: float = 0.95,
    seconds: float | None = None,
) -> Student:
    return Student(
        source=source,
        row=row,
        kept={"name": label},
        label=label,
        lang="en",
        status="scored",
        answered=14,
        top=top,
        sure=sure,
        ready="now",
        way_in="A portfolio gets you in.",
        band=band,
        flags=flags,
        profile=profile,
        code="4NGT-TEST",
        asked=16,
        seconds=seconds,
    )


def too_few(label: str, row: int, answered: int = 5, source: str = SOURCE) -> Student:
    return Student(
        source=source,
        row=row,
        kept={"name": label},
        label=label,
        lang="en",
        status="too_few",
        answered=answered,
    )


def failed(label: str, row: int) -> Student:
    return Student(
        source=SOURCE,
        row=row,
        kept={"name": label},
        label=label,
        lang="en",
        status="failed",
        problem="unknown option",
    )


ANALYTICAL = {"creative": 0, "strategic": 20, "analytical": 80, "people": 0}
CREATIVE = {"creative": 60, "strategic": 20, "analytical": 0, "people": 20}


def a_class(
    catalogue: Catalogue, lang: str = "en", labels: list[str] | None = None, sources=None
) -> Summary:
    """Ten students: 8 scored (4 analysts, 2 strategists, 2 designers; one unsure, one near
    tie, one both), one with too few answers and one that failed. ``labels`` replace the
    students' names, in order."""
    names = iter(labels or [])

    def name(default: str) -> str:
        return next(names, default)

    strong = ((ANALYST, 82), (STRATEGIST, 40), (SPECIALIST, 30))
    students = [
        scored(name("Ayu"), 2, strong, ANALYTICAL),
        too_few(name("Budi"), 3, answered=5),
        scored(name("Citra"), 4, strong, ANALYTICAL),
        scored(
            name("Dewi"),
            5,
            ((STRATEGIST, 58), (ANALYST, 55), (DESIGNER, 30)),
            ANALYTICAL,
            band="unsure",
            flags=("unsure", "near_tie"),
            sure=0.38,
        ),
        scored(name("Eko"), 6, strong, ANALYTICAL),
        failed(name("Fajar"), 7),
        scored(name("Gita"), 8, ((DESIGNER, 75), (INFLUENCER, 30)), CREATIVE),
        scored(
            name("Hadi"),
            9,
            ((DESIGNER, 61), (SPECIALIST, 58), (INFLUENCER, 30)),
            CREATIVE,
            band="good",
            flags=("near_tie",),
            sure=0.8,
        ),
        scored(
            name("Indah"),
            10,
            ((STRATEGIST, 52), (SPECIALIST, 40), (ANALYST, 38)),
            CREATIVE,
            band="unsure",
            flags=("unsure",),
            sure=0.41,
        ),
        scored(name("Joko"), 11, strong, ANALYTICAL),
    ]
    summary = Summary(
        catalogue=catalogue, lang=lang, sources=[SOURCE] if sources is None else sources
    )
    for student in students:
        summary.add(student)
    return summary


# A class of 35 as a teacher has one: names of different lengths, a sheet a student (each
# role's persona with a few answers changed), some torn or still exploring, one with too few
# answers.
CLASS_NAMES = [
    "Ayu Lestari", "Budi Santoso", "Citra Dewi", "Dimas Pratama", "Eka Putri",
    "Fajar Nugroho", "Gita Maharani", "Hadi Wijaya", "Indah Permata Sari", "Joko Susilo",
    "Kartika Sari", "Lukman Hakim", "Maya Anggraini", "Nanda Saputra", "Oki Ramadhan",
    "Putri Ayuningtyas Rahmawati", "Rizky Firmansyah", "Siti Nurhaliza", "Teguh Prasetyo",
    "Umi Kalsum", "Vina Melati", "Wahyu Hidayat", "Yoga Aditya", "Zahra Kamila",
    "Agus Salim", "Bella Oktaviani", "Cahya Purnama", "Dian Sastrowardoyo", "Erlangga Mahesa",
    "Farah Quinn", "Gilang Ramadhan", "Hana Pertiwi", "Ilham Akbar", "Jihan Aulia",
    "Kevin Sanjaya",
]  # fmt: skip


def persona_class(catalogue: Catalogue, lang: str, size: int = 35) -> Summary:
    """A class of ``size`` scored as `class` scores one; the 6th student answered too few."""
    import random

    scorer, chooser = Scorer(catalogue, lang), random.Random(3)
    questions = {question.id: question for question in catalogue.questions}
    sheets = list(PERSONAS.values())
    summary = Summary(catalogue=catalogue, lang=lang, sources=["9A.csv"])
    for index in range(size):
        answers = dict(sheets[index % len(sheets)])
        for question in chooser.sample(sorted(answers), k=index % 5):
            answers[question] = chooser.choice(questions[question].options).id
        answers["outlook"] = ("sure", "sure", "torn", "exploring")[index % 4]
        if index == 5:
            answers = dict(list(answers.items())[:5])
        name = CLASS_NAMES[index % len(CLASS_NAMES)] + (f" {index}" if index >= 35 else "")
        figures = scorer.figures(answers, lang)
        values = {"source": "9A.csv", "row": index + 2, "kept": {"name": name}, "label": name}
        summary.add(Student(**values, lang=lang, **figures._asdict(), asked=14))
    return summary


def role_name(catalogue: Catalogue, role: str, lang: str = "en") -> str:
    return catalogue.role(role).name.get(lang)


# --- Parsing what was written -------------------------------------------------------------------


BLOCKS = frozenset(
    {"title", "h1", "h2", "h3", "p", "li", "dt", "dd", "th", "td", "desc", "text", "strong"}
)


class Page(HTMLParser):
    """A page as a browser's parser reads it: its tags, attributes, text and text blocks."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: set[tuple[str, str]] = set()
        self.text = ""
        self.blocks: list[tuple[str, str]] = []
        self.open: list[list[str]] = []
        self.rows: list[list[str]] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        self.attributes |= {(tag, name) for name, _ in attrs}
        if tag == "tr":
            self.rows.append([])
        if tag in BLOCKS:
            self.open.append([tag, ""])

    def handle_startendtag(self, tag, attrs):
        self.tags[tag] += 1
        self.attributes |= {(tag, name) for name, _ in attrs}

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            opened, text = self.open.pop()
            assert opened == tag, (opened, tag)
            self.blocks.append((tag, text))
            if tag in ("th", "td"):
                self.rows[-1].append(text)

    def handle_data(self, data):
        self.text += data
        for block in self.open:
            block[1] += data

    def texts(self, tag: str) -> list[str]:
        return [text for name, text in self.blocks if name == tag]


def counts_shown(page: Page) -> dict[str, str]:
    """The page's counts: label -> figure (the <dt>s and <dd>s, in order)."""
    return dict(zip(page.texts("dt"), page.texts("dd"), strict=True))


def svg_bars(page: str) -> list[float]:
    """Each chart bar's width in percent, in order (the tracks are 100%)."""
    return [float(width) for width in re.findall(r'<rect [^>]*width="([\d.]+)%"', page)]


def md_table(report: str, heading: str) -> list[list[str]]:
    """The cells of the Markdown table under ``heading`` (its header and rule included)."""
    lines = report[report.index(f"## {heading}\n") :].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    rows = lines[start:end]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


COMMONMARK = MarkdownIt("commonmark").enable("table")


# --- What the files say ---------------------------------------------------------------------


def test_share_text_never_rounds_to_a_false_nobody_or_everybody():
    assert share_text(0, 10) == "0%" and share_text(3, 0) == "0%"
    assert share_text(1, 300) == "<1%" and share_text(299, 300) == ">99%"
    assert share_text(10, 10) == "100%" and share_text(1, 8) == "13%"  # 12.5 rounds up
    assert share_text(5, 22) == "23%"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_counts_are_right_in_both_languages(catalogue, lang):
    summary = a_class(catalogue, lang)
    assert (summary.students, summary.scored, summary.too_few, summary.failed) == (10, 8, 1, 1)
    assert summary.unsure == 2
    expected = {
        t("summary_students", lang): "10",
        t("summary_scored", lang): "8",
        t("summary_too_few", lang): "1",
        t("summary_failed", lang): "1",
        t("summary_unsure", lang): "2",
        t("summary_no_pattern", lang): "0",
    }  # and no count of rushed students: nobody's sitting was timed
    assert counts_shown(Page(summary_html(summary))) == expected
    report = summary_markdown(summary)
    for label, figure in expected.items():
        assert f"\n- {label}: {figure}\n" in report
    for text in (
        t("summary_unsure_share", lang, share="25%"),
        t("summary_unsure_meaning", lang),
        t("summary_failed_note", lang),
        t("summary_sources", lang, files=SOURCE),
    ):
        assert text in html.unescape(summary_html(summary)), text
        assert text in report.replace("\\", ""), text


def test_large_counts_are_written_the_readers_way(catalogue):
    for lang, written in (("en", "1,200"), ("id", "1.200")):
        summary = Summary(catalogue=catalogue, lang=lang, sources=[SOURCE])
        for row in range(1200):
            summary.add(too_few(f"Student {row}", row + 2))
        assert counts_shown(Page(summary_html(summary)))[t("summary_students", lang)] == written
        assert f"- {t('summary_too_few', lang)}: {written}\n" in summary_markdown(summary)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_first_roles_chart_has_every_role_most_first(catalogue, lang):
    summary = a_class(catalogue, lang)
    page = summary_html(summary)
    shown = Page(page)
    # drawn once: every role in first_roles' order, its figures as the bar's label
    names = [role_name(catalogue, role, lang) for role, _ in summary.first_roles]
    drawn = shown.texts("text")[: 2 * len(catalogue.roles)]
    assert drawn[::2] == names
    assert drawn[1:6:2] == ["4 (50%)", "2 (25%)", "2 (25%)"]
    assert names[:3] == [role_name(catalogue, r, lang) for r in (ANALYST, DESIGNER, STRATEGIST)]
    assert set(drawn[7::2]) == {"0 (0%)"}
    # and not again as a table: the figure holds the image alone
    figures = re.findall(r"<figure>(.*?)</figure>", page, flags=re.S)
    assert len(figures) == 2 and all("<table" not in figure for figure in figures)
    # the chart: an image with a title and a description that gives the figures too
    assert page.count('role="img"') == 2
    heading = t("summary_first_heading", lang)
    assert f'<title id="first-title">{html.escape(heading)}</title>' in page
    description = shown.texts("desc")[0]
    assert f"{role_name(catalogue, ANALYST, lang)} 4 (50%)" in description
    assert description.startswith(t("summary_chart_desc", lang, figures="")[:-1])
    assert drawn[:4] == [
        role_name(catalogue, ANALYST, lang),
        "4 (50%)",
        role_name(catalogue, DESIGNER, lang),
        "2 (25%)",
    ]
    # the bars: the first chart's, in order, as shares of the 8 scored; then the profile's
    assert svg_bars(page)[: 3 + len(catalogue.roles)] == pytest.approx(
        [100.0, 50.0, 100.0, 25.0, 100.0, 25.0] + [100.0] * (len(catalogue.roles) - 3)
    )


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_markdown_charts_are_tables_with_text_bars(catalogue, lang):
    summary = a_class(catalogue, lang)
    report = summary_markdown(summary)
    rows = md_table(report, t("summary_first_heading", lang))
    assert rows[0][0] == t("summary_col_role", lang) and rows[0][2:] == [
        t("summary_students", lang),
        t("summary_col_share", lang),
    ]
    assert rows[2] == [role_name(catalogue, ANALYST, lang), "█" * 10 + "░" * 10, "4", "50%"]
    assert rows[3] == [role_name(catalogue, DESIGNER, lang), "█" * 5 + "░" * 15, "2", "25%"]
    assert len(rows) == 2 + len(catalogue.roles)
    assert {len(row) for row in rows} == {4}
    profile = md_table(report, t("summary_profile_heading", lang))
    expected = summary.profile
    assert [row[0] for row in profile[2:]] == [trait.name.get(lang) for trait in catalogue.traits]
    assert [row[2] for row in profile[2:]] == [f"{expected[t.id]}%" for t in catalogue.traits]
    # it renders as two real tables
    rendered = Page(COMMONMARK.render(report))
    assert rendered.tags["table"] == 2


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_average_profile_is_charted(catalogue, lang):
    summary = a_class(catalogue, lang)
    # 5 analytical students and 3 creative ones
    assert summary.profile == {"creative": 23, "strategic": 20, "analytical": 50, "people": 7}
    page = Page(summary_html(summary))
    drawn = page.texts("text")[-2 * len(catalogue.traits) :]
    assert drawn == [
        text
        for trait in catalogue.traits
        for text in (trait.name.get(lang), f"{summary.profile[trait.id]}%")
    ]
    assert svg_bars(summary_html(summary))[-8:] == pytest.approx(
        [100.0, 23.0, 100.0, 20.0, 100.0, 50.0, 100.0, 7.0]
    )
    assert t("summary_profile_heading", lang) in page.texts("h2")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_students_to_talk_to_first_and_why(catalogue, lang):
    summary = a_class(catalogue, lang)
    need = needed_answers(catalogue)
    name = lambda role: role_name(catalogue, role, lang)  # noqa: E731
    expected = [  # too few answers first, then unsure, then near ties; each as read
        ("Budi", "3", [t("summary_reason_too_few", lang, have=5, need=need)]),
        (
            "Dewi",
            "5",
            [
                t("summary_reason_unsure", lang, name=name(STRATEGIST), fit="58/100", sure="38%"),
                t(
                    "summary_reason_near_tie",
                    lang,
                    a=name(STRATEGIST),
                    x="58/100",
                    b=name(ANALYST),
                    y="55/100",
                ),
            ],
        ),
        (
            "Indah",
            "10",
            [t("summary_reason_unsure", lang, name=name(STRATEGIST), fit="52/100", sure="41%")],
        ),
        (
            "Hadi",
            "9",
            [
                t(
                    "summary_reason_near_tie",
                    lang,
                    a=name(DESIGNER),
                    x="61/100",
                    b=name(SPECIALIST),
                    y="58/100",
                )
            ],
        ),
    ]
    page = summary_html(summary)
    items = re.findall(r'<li><strong>(.*?)</strong> <span class="where">\((.*?)\)</span>', page)
    where = lambda row: t("summary_where_row", lang, source=SOURCE, row=row)  # noqa: E731
    assert items == [(label, where(row)) for label, row, _ in expected]
    shown = Page(page).texts("li")
    report = summary_markdown(summary)
    for place, (label, row, reasons) in enumerate(expected, start=1):
        for reason in reasons:
            assert reason in shown
        line = f"{place}. **{label}** ({where(row)}): {' '.join(reasons)}"
        assert line in report.replace("\\>", ">").replace("\\<", "<"), line
    talk = page[page.index(t("summary_talk_heading", lang)) :]
    talk = talk[: talk.index("</section>")]
    assert "Fajar" not in talk and "Ayu" not in talk  # failed and clear results are not listed
    assert t("summary_talk_more", lang, count=0) not in page


def test_a_sheet_file_is_named_without_a_row(catalogue):
    summary = Summary(catalogue=catalogue, lang="en", sources=["ayu.yaml"])
    summary.add(too_few("Ayu", 0, source="ayu.yaml"))
    assert '<li><strong>Ayu</strong> <span class="where">(ayu.yaml)</span>' in summary_html(summary)
    assert "1. **Ayu** (ayu.yaml): Too few answers" in summary_markdown(summary)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_notes_about_whole_files_are_listed_as_text(catalogue, lang):
    from rolefinder.classroom.records import Note

    summary = a_class(catalogue, lang)
    summary.notes += [
        Note("9A.csv", "9A.csv: 2 columns ignored: <b>Kelas</b>, | x |"),
        Note("9B.xlsx", "9B.xlsx: [save it](javascript:x) as CSV", failed=True),
    ]
    page, report = summary_html(summary), summary_markdown(summary)
    assert Page(page).texts("li")[:2] == [note.text for note in summary.notes]
    assert t("summary_file_notes", lang) in Page(page).texts("p")
    shown = Page(COMMONMARK.render(report))
    plain = Page(COMMONMARK.render(summary_markdown(a_class(catalogue, lang))))
    assert shown.texts("li")[6:8] == [note.text for note in summary.notes]  # after the counts
    assert shown.tags - plain.tags == Counter({"li": 2, "ul": 1, "p": 1})  # a list of its own
    assert "<b>" not in page and "b" not in shown.tags and "a" not in shown.tags


@pytest.mark.parametrize("lang", ["en", "id"])
def test_more_students_to_talk_to_than_listed_are_counted(catalogue, lang):
    summary = Summary(catalogue=catalogue, lang=lang, sources=[SOURCE])
    for row in range(TALK_FIRST_MAX + 7):
        summary.add(too_few(f"Student {row}", row + 2))
    assert summary.talk_more == 7
    page, report = summary_html(summary), summary_markdown(summary)
    more = t("summary_talk_more", lang, count=7)
    assert more in page and more in report
    assert page.count('<span class="where">') == TALK_FIRST_MAX
    assert f"\n{TALK_FIRST_MAX}. **Student {TALK_FIRST_MAX - 1}**" in report
    assert f"**Student {TALK_FIRST_MAX}**" not in report


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_clear_class_has_nobody_to_talk_to_first(catalogue, lang):
    summary = Summary(catalogue=catalogue, lang=lang, sources=[SOURCE])
    summary.add(scored("Ayu", 2, ((ANALYST, 82), (STRATEGIST, 40)), ANALYTICAL, seconds=300))
    page = summary_html(summary)
    assert t("summary_talk_none", lang) in Page(page).texts("p")
    assert t("summary_talk_none", lang) in summary_markdown(summary)
    assert '<ol class="talk">' not in page
    assert t("summary_unsure_share", lang, share="0%") in page
    # a timed sitting: the count of rushed students is shown, nobody in it
    assert counts_shown(Page(page))[t("summary_rushed", lang)] == "0"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_clear_pattern_rushed_and_half_empty_come_after_too_few(catalogue, lang):
    summary = Summary(catalogue=catalogue, lang=lang, sources=[SOURCE])
    strong = ((ANALYST, 82), (STRATEGIST, 40))
    tied = ((DESIGNER, 40), (SPECIALIST, 38))
    students = [
        scored("Ayu", 2, strong, ANALYTICAL, flags=("near_tie",), sure=0.8, seconds=300),
        scored("Budi", 3, strong, ANALYTICAL, flags=("rushed",), seconds=40.4),
        scored(
            "Citra", 4, tied, CREATIVE, "unsure", ("no_pattern", "unsure", "near_tie"), sure=0.3
        ),
        scored("Dewi", 5, strong, ANALYTICAL, flags=("half_empty",), seconds=600),
        too_few("Eko", 6),
        scored("Fajar", 7, tied, CREATIVE, "unsure", ("no_pattern", "rushed"), seconds=20),
    ]
    for student in students:
        summary.add(student)
    assert (summary.no_pattern, summary.timed, summary.rushed, summary.half_empty) == (2, 4, 2, 1)
    page, report = summary_html(summary), summary_markdown(summary)
    counts = counts_shown(Page(page))
    assert counts[t("summary_no_pattern", lang)] == "2"
    assert counts[t("summary_rushed", lang)] == "2"
    order = [(e.student.label, e.reasons) for e in summary.talk_order()]
    assert order == [
        ("Eko", ("too_few",)),
        ("Citra", ("no_pattern",)),  # an unsure ranking or near tie says nothing then
        ("Fajar", ("no_pattern", "rushed")),
        ("Budi", ("rushed",)),
        ("Dewi", ("half_empty",)),
        ("Ayu", ("near_tie",)),
    ]
    rushed = t("summary_reason_rushed", lang, seconds=40, limit=3)
    half = t("summary_reason_half_empty", lang, have=14, asked=16)
    for text in (t("summary_reason_no_pattern", lang), rushed, half):
        assert text in Page(page).texts("li")
        assert text in report.replace("\\", "")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_clear_pattern_shows_no_certainty_figure(catalogue, lang):
    # The result screen says "it cannot say yet" for such answers; the roster and the
    # student's page must not show the leader's share (a high one, from noise) as a certainty.
    summary = Summary(catalogue=catalogue, lang=lang, sources=[SOURCE])
    tied = ((DESIGNER, 40), (SPECIALIST, 38))
    summary.add(scored("Fajar", 7, tied, CREATIVE, "unsure", ("no_pattern",), sure=0.93))
    page = summary_html(summary)
    assert sure_text(0.93) not in page
    shown = t("summary_student_best_no_pattern", lang, name="Graphic Designer", fit="40/100")
    assert shown in html.unescape(page)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_nobody_scored_says_so_instead_of_empty_charts(catalogue, lang):
    summary = Summary(catalogue=catalogue, lang=lang, sources=[SOURCE])
    summary.add(too_few("Ayu", 2))
    summary.add(failed("Budi", 3))
    page, report = summary_html(summary), summary_markdown(summary)
    shown = Page(page)
    assert t("summary_none_scored", lang) in shown.texts("p")
    assert t("summary_none_scored", lang) in report
    assert "<svg" not in page and "<figure" not in page and "|" not in report
    assert t("summary_first_heading", lang) not in page + report
    assert t("summary_profile_heading", lang) not in page + report
    assert "Ayu" in page and "Ayu" in report  # still listed, to be talked to first
    assert counts_shown(shown)[t("summary_scored", lang)] == "0"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_an_empty_class(catalogue, lang):
    summary = Summary(catalogue=catalogue, lang=lang)
    page, report = summary_html(summary), summary_markdown(summary)
    assert t("summary_none_read", lang) in Page(page).texts("p")
    assert t("summary_none_read", lang) in report
    assert "<svg" not in page and "<ol" not in page
    assert t("summary_talk_heading", lang) not in page + report
    assert 'class="sources"' not in page  # no "Read from:" line: no file was named
    assert set(counts_shown(Page(page)).values()) == {"0"}
    assert report.startswith(f"# {t('summary_title', lang)}\n\n- ")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_html_page_is_real_and_self_contained(catalogue, lang):
    page = summary_html(a_class(catalogue, lang, sources=["9A.csv", "9B.csv"]))
    assert page.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{lang}">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    shown = Page(page)
    assert shown.texts("title")[0] == f"{t('summary_title', lang)}: 9A.csv, 9B.csv"
    # the roster, two charts, whom to talk to first, then a page for each of the 10 students
    assert shown.tags["h1"] == 1 and shown.tags["h2"] == 5 + 10 and shown.tags["article"] == 10
    assert shown.tags["svg"] == 2 and shown.tags["table"] == 1  # the roster: charts are drawn
    assert "@media print" in page and "@media (max-width" in page
    lowered = page.lower()
    for banned in ("<script", "http", "url(", "@import", "href", "src=", "<link", "<img", "on"):
        if banned == "on":  # no event handler attribute at all
            assert not any(name.startswith("on") for _, name in shown.attributes)
        else:
            assert banned not in lowered, banned


def test_the_files_are_the_same_every_time(catalogue):
    one, two = a_class(catalogue), a_class(catalogue)
    assert summary_html(one) == summary_html(two)
    assert summary_markdown(one) == summary_markdown(two)
    assert not re.search(r"\b20\d\d\b", summary_html(one) + summary_markdown(one))  # no date


# --- Hostile labels and file names ------------------------------------------------------------


def literal(text: str) -> str:
    """The label as the files show it: on one line, without control characters."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", text).split())


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("label", HOSTILE_LABELS)
def test_a_hostile_label_is_inert_text_in_html(catalogue, lang, label):
    plain = Page(summary_html(a_class(catalogue, lang)))
    labels = ["Ayu", label, "Citra", label, "Eko", label, "Gita", label, label, "Joko"]
    page = summary_html(a_class(catalogue, lang, labels=labels, sources=[label]))
    shown = Page(page)
    assert shown.tags == plain.tags, dict(shown.tags - plain.tags)
    assert shown.attributes == plain.attributes, shown.attributes ^ plain.attributes
    same = literal(label)
    assert shown.texts("strong").count(same) == 4  # the four listed students it names
    assert t("summary_sources", lang, files=same) in shown.texts("p")
    assert "\x1b" not in page and "<script" not in page


@pytest.mark.parametrize("label", HOSTILE_LABELS)
def test_a_hostile_label_is_inert_text_in_markdown(catalogue, label):
    plain = Page(COMMONMARK.render(summary_markdown(a_class(catalogue))))
    labels = ["Ayu", label, "Citra", label, "Eko", label, "Gita", label, label, "Joko"]
    report = summary_markdown(a_class(catalogue, labels=labels, sources=[label]))
    shown = Page(COMMONMARK.render(report))
    # not one element or attribute more or less: no script, img, a, heading, em, code, ...
    assert shown.tags == plain.tags, (dict(shown.tags - plain.tags), report)
    assert shown.attributes == plain.attributes
    assert {len(row) for row in shown.rows} == {4, 3}  # the tables keep their columns
    same = literal(label)
    assert shown.texts("strong").count(same) == 4
    assert t("summary_sources", "en", files=same) in shown.texts("p")
    assert "\x1b" not in report
    assert not re.search(r"(?<!\\)\]\(", report)  # no link can be formed
    assert not re.search(r"(?<!\\)://", report)  # nor a bare URL linked by GitHub


def test_hostile_catalogue_names_are_escaped(catalogue):
    import dataclasses

    from rolefinder.catalogue.model import Text

    bad = "<b>x</b> | [a](javascript:b)"
    worse = dataclasses.replace(
        catalogue,
        roles=tuple(dataclasses.replace(role, name=Text.same(bad)) for role in catalogue.roles),
        traits=tuple(dataclasses.replace(trait, name=Text.same(bad)) for trait in catalogue.traits),
    )
    page = summary_html(a_class(worse))
    assert "<b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    report = summary_markdown(a_class(worse))
    shown = Page(COMMONMARK.render(report))
    assert "b" not in shown.tags and "a" not in shown.tags
    assert {len(row) for row in shown.rows} == {4, 3}
    assert shown.rows[2][0] == bad


# --- In a real browser ------------------------------------------------------------------------

PHONE, SMALL_PHONE, DESKTOP = 390, 360, 1280
MIN_CONTRAST = 4.5
MIN_FONT_PX = 12

# As in test_cards.py (test modules do not import each other): a page that shows the summary
# in a frame of the given width (a window cannot be narrower than 500 px, a frame can) and
# writes what it measured into the DOM. Here the page has inline SVG too: its text is measured
# with its fill as its colour, and the image's <title> and <desc> (never drawn) are left out.
MEASURE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>html, body { margin: 0 } iframe { border: 0;
display: block }</style></head><body>
<iframe id="page" src="%(page)s" width="%(width)d" height="%(height)d"></iframe>
<pre id="measure"></pre>
<script>
const SVG = "http://www.w3.org/2000/svg";
function background(win, element) {
  for (let node = element; node; node = node.parentElement) {
    const colour = win.getComputedStyle(node).backgroundColor;
    if (colour !== "transparent" && !/^rgba\\(.*, 0\\)$/.test(colour)) return colour;
  }
  return "rgb(255, 255, 255)";  // the canvas
}
function hidden(win, element, root) {
  for (let node = element; node && node !== root; node = node.parentElement) {
    const style = win.getComputedStyle(node);
    if (style.display === "none" || style.visibility !== "visible" || style.opacity === "0")
      return "hidden";
    if (style.overflowX !== "visible" && node.scrollWidth > node.clientWidth + 1)
      return "clipped by " + node.tagName;
  }
  return "";
}
function measure(win, doc) {
  const root = doc.documentElement, texts = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.data.trim()) continue;
    if (element.namespaceURI === SVG && ["title", "desc"].includes(element.tagName)) continue;
    const style = win.getComputedStyle(element), svg = element.namespaceURI === SVG;
    const range = doc.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    const chart = svg ? element.ownerSVGElement.getBoundingClientRect() : null;
    texts.push({text: node.data.trim().slice(0, 50), size: parseFloat(style.fontSize),
      color: svg ? style.fill : style.color, background: background(win, element),
      left: box.left, right: box.right, width: box.width, height: box.height,
      inChart: chart ? box.left >= chart.left - 0.5 && box.right <= chart.right + 0.5 : true,
      hidden: hidden(win, element, root)});
  }
  return {viewport: win.innerWidth, scrollWidth: root.scrollWidth,
    height: Math.ceil(root.getBoundingClientRect().height), texts: texts,
    fetched: win.performance.getEntriesByType("resource").map(e => e.name)};
}
document.getElementById("page").addEventListener("load", function () {
  const measured = measure(this.contentWindow, this.contentDocument);
  document.getElementById("measure").textContent = JSON.stringify(measured);
});
</script></body></html>
"""


@pytest.fixture
def chromium(tmp_path):
    """Run headless Chromium with a private profile and no network; return its stdout."""
    return chromium_runner(tmp_path / "profile", "the summary")


def measure(chromium, page: Path, width: int, height: int = 900) -> dict:
    frame = page.with_name(f"measure-{page.stem}-{width}.html")
    frame.write_text(MEASURE % {"page": page.name, "width": width, "height": height}, "utf-8")
    return measured(chromium, frame, width, height)


def screenshot(chromium, page: Path, width: int, height: int, shot: Path) -> None:
    """A screenshot of the page at ``width``: a frame that wide, cut to its height."""
    frame = page.with_name(f"shot-{page.stem}-{width}.html")
    frame.write_text(MEASURE % {"page": page.name, "width": width, "height": height}, "utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    chromium(f"--window-size={width},{height}", f"--screenshot={shot}", frame.as_uri())
    check_screenshot(shot, width)


def check_layout(measured: dict, fewest: int = 40) -> None:
    """No sideways scrolling, nothing fetched, every text readable, in view and unclipped."""
    assert measured["fetched"] == []
    assert measured["scrollWidth"] <= measured["viewport"], "the page scrolls sideways"
    assert len(measured["texts"]) >= fewest
    for text in measured["texts"]:
        where = f"{text['text']!r}"
        assert not text["hidden"], f"{where} is {text['hidden']}"
        assert text["width"] > 0 and text["height"] > 0, f"{where} takes no room"
        assert text["left"] >= 0 and text["right"] <= measured["viewport"] + 0.5, where
        assert text["inChart"], f"{where} runs out of its chart"
        assert text["size"] >= MIN_FONT_PX, f"{where} is {text['size']}px"
        ratio = contrast(text["color"], text["background"])
        assert ratio >= MIN_CONTRAST, f"{where}: contrast {ratio:.2f}"


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_summary_in_a_browser(chromium, catalogue, tmp_path, lang):
    page = tmp_path / f"summary-{lang}.html"
    page.write_text(summary_html(a_class(catalogue, lang, sources=["9A.csv", "9B.csv"])), "utf-8")
    for width in (SMALL_PHONE, PHONE, DESKTOP):
        measured = measure(chromium, page, width)
        assert measured["viewport"] == width
        check_layout(measured)
        # the charts' own text is there: every role's name, drawn
        drawn = {text["text"] for text in measured["texts"]}
        assert {role.name.get(lang) for role in catalogue.roles} <= drawn
        if width != SMALL_PHONE:
            height = min(measured["height"], 8000)
            screenshot(chromium, page, width, height, ARTIFACTS / f"summary-{lang}-{width}.png")


@pytest.mark.browser
def test_hostile_and_long_labels_still_fit_a_small_phone(chromium, catalogue, tmp_path):
    import dataclasses

    from rolefinder.catalogue.model import Text

    long_word = "Pneumonoultramicroscopicsilicovolcanoconiosis-" * 3
    labels = [long_word, *HOSTILE_LABELS]
    long_names = dataclasses.replace(
        catalogue,
        roles=tuple(
            dataclasses.replace(role, name=Text.same(long_word + role.name.get("en")))
            for role in catalogue.roles
        ),
    )
    page = tmp_path / "summary-hostile.html"
    summary = a_class(long_names, labels=labels, sources=[long_word + ".csv"])
    page.write_text(summary_html(summary), "utf-8")
    measured = measure(chromium, page, SMALL_PHONE)
    check_layout(measured)
    assert any(long_word[:20] in text["text"] for text in measured["texts"])


# --- The roster, a page a student, and the class without names ---------------------------------


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_roster_lists_every_student_as_read(catalogue, lang):
    page = Page(summary_html(a_class(catalogue, lang)))
    roster = [row for row in page.rows if len(row) == 6]
    assert roster[0] == [
        t(f"summary_col_{column}", lang) for column in ("name", "best", "fit", "sure", "ready")
    ] + [t("summary_col_talk", lang)]
    assert [row[0] for row in roster[1:]] == [
        "Ayu", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi", "Indah", "Joko",
    ]  # fmt: skip
    now, analyst = t("ready_now_short", lang), role_name(catalogue, ANALYST, lang)
    marks = lambda *keys: ", ".join(t(f"summary_mark_{key}", lang) for key in keys)  # noqa: E731
    assert roster[1] == ["Ayu", analyst, "82/100", "95%", now, ""]
    assert roster[2] == ["Budi", t("summary_no_result", lang), "", "", "", marks("too_few")]
    assert roster[4][2:] == ["58/100", "38%", now, marks("unsure", "near_tie")]
    assert roster[6][1:] == [t("summary_no_result", lang), "", "", "", marks("failed")]
    assert t("summary_class_view", lang) in page.texts("p")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_student_has_a_page_with_the_result_in_words(catalogue, lang):
    scorer = Scorer(catalogue, lang)
    summary = Summary(catalogue=catalogue, lang=lang, sources=[SOURCE])
    sheet = {**PERSONAS[ANALYST], "outlook": "torn"}
    figures = scorer.figures(sheet, lang)
    summary.add(Student(SOURCE, 2, {}, "Ayu", lang, **figures._asdict(), asked=14))
    summary.add(too_few("Budi", 3))
    page = summary_html(summary)
    articles = re.findall(r'<article class="student">(.*?)</article>', page, flags=re.S)
    assert len(articles) == 2
    ayu, budi = Page(articles[0]), Page(articles[1])
    result = rank(catalogue, sheet)
    fit, sure = f"{result.best.fit}/100", sure_text(result.best.sure)
    analyst = role_name(catalogue, ANALYST, lang)
    why = summary_reason(catalogue, reasons_for(catalogue, result, ANALYST), lang, student=True)
    way_in = catalogue.role(ANALYST).way_in.get(lang)
    assert ayu.texts("h2") == ["Ayu"]
    assert t("summary_student_best", lang, name=analyst, fit=fit, sure=sure) in ayu.texts("p")
    assert t("way_in", lang, text=way_in) in ayu.texts("p")
    assert t("summary_student_why", lang, text=why) in ayu.texts("p")
    assert ayu.texts("h3") == [t("summary_student_roles", lang), t("summary_student_notes", lang)]
    assert ayu.texts("li")[0] == f"{analyst}: {fit}"
    assert ayu.texts("li")[-1] == t("class_note_torn", lang)  # what the student said
    need = needed_answers(catalogue)
    assert budi.texts("p")[-1] == t("summary_reason_too_few", lang, have=5, need=need)
    assert "<ol" not in articles[1]  # no roles without a result


def test_the_roster_stops_at_its_limit_and_counts_the_rest(catalogue):
    summary = Summary(catalogue=catalogue, lang="en", sources=[SOURCE])
    for row in range(ROSTER_MAX + 3):
        summary.add(too_few(f"Student {row}", row + 2))
    assert len(summary.roster) == ROSTER_MAX and summary.roster_more == 3
    page = summary_html(summary)
    assert page.count('<article class="student">') == ROSTER_MAX
    assert len([row for row in Page(page).rows if len(row) == 6]) == 1 + ROSTER_MAX
    roster = page[page.index('<section class="roster">') :]
    roster = roster[: roster.index("</section>")]
    assert t("summary_talk_more", "en", count=3) in roster


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_class_view_shows_the_class_without_a_name(catalogue, lang):
    labels = [f"Student{n}" for n in range(10)]
    summary = a_class(catalogue, lang, labels=labels, sources=["9A.csv"])
    page = class_html(summary)
    shown = Page(page)
    assert not any(label in page for label in labels)
    assert "9A.csv" not in page  # nor a file, nor a row
    assert shown.texts("h1") == [t("class_view_title", lang)]
    assert counts_shown(shown) == counts_shown(Page(summary_html(summary)))
    assert shown.tags["svg"] == 2 and "table" not in shown.tags and "article" not in shown.tags
    assert shown.texts("h2") == [
        t("summary_first_heading", lang),
        t("summary_profile_heading", lang),
    ]
    lowered = page.lower()
    assert not any(bad in lowered for bad in ("<script", "http", "url(", "<link", "<img"))


def pdf_pages(pdf: Path) -> int:
    """How many pages a PDF has: pdfinfo's count where it is installed, else its page objects
    (Chromium writes each page as a plain ``/Type /Page`` object)."""
    import shutil
    import subprocess

    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        return int(re.search(r"^Pages:\s+(\d+)", info.stdout, flags=re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))


def pdf_text(pdf: Path, page: int) -> str | None:
    """One page's text (pdftotext), or None without pdftotext."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        return None
    args = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def print_to_pdf(chromium, page: Path) -> Path:
    pdf = page.with_suffix(".pdf")
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    return pdf


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_class_of_35_prints_as_a_roster_then_a_page_a_student(
    chromium, catalogue, tmp_path, lang
):
    import shutil
    import subprocess

    summary = persona_class(catalogue, lang)
    names = [student.label for student in summary.roster]
    page = tmp_path / f"summary-{lang}.html"
    page.write_text(summary_html(summary), "utf-8")
    pdf = print_to_pdf(chromium, page)
    assert pdf_pages(pdf) == 1 + len(names) == 36
    headings = {
        t(key, lang)
        for key in ("summary_roster_heading", "summary_student_roles", "summary_student_notes")
    }
    first = pdf_text(pdf, 1)
    if first is None:  # no pdftotext: the roster holds every name, in order
        rows = [row for row in Page(page.read_text("utf-8")).rows if len(row) == 6]
        assert [row[0] for row in rows[1:]] == names
    else:
        words = first.split()
        assert all(word in words for name in names for word in name.split())
        for number, name in enumerate(names, start=2):
            text = pdf_text(pdf, number)
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            assert lines[0] == name, (number, lines[:2])  # each student on a page of their own
            assert lines[-1] not in headings, (number, lines[-1])  # no heading alone at the foot
        assert [line for line in first.splitlines() if line.strip()][-1] not in headings
    if shutil.which("pdftoppm"):  # a look at the roster and the first student's page, for CI
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        prefix = ARTIFACTS / f"summary-print-{lang}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-l", "2", str(pdf), str(prefix)], check=True
        )
    # the class without names prints on one page, to hand out or project
    view = tmp_path / f"class-{lang}.html"
    view.write_text(class_html(summary), "utf-8")
    assert pdf_pages(print_to_pdf(chromium, view)) == 1
