"""The --save cards: escaping, contents, and the HTML and SVG cards in a real headless browser.

The browser tests keep their screenshots in artifacts/cards/ at the repository root, for CI to
publish. Without Chromium they are skipped, except under CI (helpers.ci_is_set), where
they fail: there the cards must really have been looked at.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import ROOT
from helpers import check_screenshot, chromium_runner, contrast, measured
from personas import PERSONAS
from rolefinder.assess.codes import encode
from rolefinder.assess.engine import Evidence, rank
from rolefinder.assess.explain import explain
from rolefinder.catalogue.model import Catalogue, Text
from rolefinder.errors import SaveFormatError
from rolefinder.present.cardfacts import Facts, facts
from rolefinder.present.cards import CARDS, markdown_escape, result_file
from rolefinder.present.report import (
    band_text,
    flag_lines,
    ready_text,
    reason_lines,
    result_dict,
    what_if_line,
)
from rolefinder.present.save import FORMATS, check_target
from rolefinder.words.i18n import t

ARTIFACTS = ROOT / "artifacts" / "cards"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script> | x & y ]]> `*_[a](javascript:b)_*`"
# Half the analyst's answers and half the head of marketing's, from a beginner with related
# experience who is torn between paths: two roles listed, the best (head of marketing) one to
# apply for later, with a way up to it, the analyst one with junior posts to apply for now; a
# flag's note and a what-if.
SHEET = {
    "monday": "numbers",
    "trend": "measure",
    "compliment": "report",
    "small-business": "audit",
    "audience": "habits",
    "job-ad": "ad-data",
    "portfolio": "dashboards",
    "lead-meeting": "annual-plan",
    "who-to-meet": "directors",
    "five-years": "head-marketing",
    "disagreement": "coach",
    "learn-next": "budgeting",
    "big-win": "new-market",
    "experience": "related",
    "outlook": "torn",
}
BEST = "head-of-marketing"
SECOND = "social-media-analyst"  # the second listed role, with a "Why" heading of its own
WAY_UP = "Social Media Admin → Community Manager → Social Media Manager → Head of Marketing"


def explained(catalogue: Catalogue, sheet=SHEET, top: int = 3):
    """The result as the CLI explains it: with the reasons for the roles it lists."""
    evidence = Evidence(catalogue)
    result = rank(catalogue, sheet, evidence)
    listed = [m.id for m in result.listed[:top]]
    return result, explain(catalogue, result, listed, evidence)


def test_the_sheet_is_the_result_these_tests_need(catalogue):
    result, explanation = explained(catalogue)
    assert [(m.id, m.ready) for m in result.listed] == [(BEST, "later"), (SECOND, "junior")]
    assert len(result.listed) < len(result.matches)  # some roles are not listed
    assert explanation.paths[BEST][0].id == "social-media-admin"
    assert "torn" in explanation.flags and explanation.what_if is not None


def write_card(catalogue: Catalogue, kind: str, lang: str = "en", sheet=SHEET, top: int = 3):
    """The card as the CLI writes it."""
    result, explanation = explained(catalogue, sheet, top)
    return result_file(catalogue, result, explanation, lang, top, kind)


def card_facts(catalogue: Catalogue, lang: str = "en", sheet=SHEET, top: int = 3) -> Facts:
    """What the readable cards show for that result, not yet escaped."""
    result, explanation = explained(catalogue, sheet, top)
    return facts(catalogue, result, explanation, lang, top)


def hostile(catalogue: Catalogue) -> Catalogue:
    """The catalogue with every text a card shows replaced by markup and table breakers."""

    def bad(label: str) -> Text:
        return Text({"en": f"{HOSTILE} {label}", "id": f"{HOSTILE} {label} (id)"})

    roles = tuple(
        dataclasses.replace(
            role,
            name=bad(f"role{number}\n# heading"),
            summary=bad("summary"),
            duties=(bad("- duty"), bad("> quote")),
        )
        for number, role in enumerate(catalogue.roles)
    )
    traits = tuple(dataclasses.replace(trait, name=bad("trait")) for trait in catalogue.traits)
    questions = tuple(
        dataclasses.replace(
            question,
            options=tuple(
                dataclasses.replace(option, text=bad("1. option")) for option in question.options
            ),
        )
        for question in catalogue.questions
    )
    return dataclasses.replace(catalogue, roles=roles, traits=traits, questions=questions)


# --- The table of writers and the --save check --------------------------------------------


@pytest.mark.parametrize("module", ["cards.py", "cardfacts.py", "svgcard.py"])
def test_cards_import_neither_rich_nor_the_screen_nor_the_command_line(module):
    import ast

    tree = ast.parse((ROOT / "src" / "rolefinder" / "present" / module).read_text("utf-8"))
    imported = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    # a library or a part by any of its modules: rich.text, terminal.result
    banned = ("rich", "rolefinder.terminal", "rolefinder.cli", "typer")
    found = [name for name in imported if any(f"{name}.".startswith(f"{b}.") for b in banned)]
    assert not found


def test_the_save_check_and_the_writers_read_one_table():
    assert tuple(CARDS) == FORMATS  # which formats there are: SIGNATURES in test_registry.py


@pytest.mark.parametrize("name", ["result.rtf", "result.htm", "result.pdf", "result"])
def test_an_unknown_extension_is_refused_by_the_save_check(tmp_path, name):
    with pytest.raises(SaveFormatError):
        check_target(tmp_path / name, force=False)


def test_an_rtf_file_is_not_silently_written_as_html(catalogue):
    with pytest.raises(SaveFormatError):
        write_card(catalogue, ".rtf")


def test_the_extension_is_read_case_blind(catalogue):
    assert write_card(catalogue, ".HTML") == write_card(catalogue, ".html")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_json_is_the_json_document(catalogue, lang):
    data = json.loads(write_card(catalogue, ".json", lang))
    result, explanation = explained(catalogue)
    assert data == json.loads(json.dumps(result_dict(catalogue, result, explanation, lang)))
    assert data["best"] == data["matches"][0]["id"] == BEST
    assert data["code"] == encode(catalogue, SHEET, lang)


def test_the_table_lists_the_roles_the_answers_point_to_with_fit_and_readiness(catalogue):
    result, _ = explained(catalogue)
    card = card_facts(catalogue)
    assert card.columns == tuple(
        t(key, "en") for key in ("col_rank", "col_role", "col_match", "col_ready")
    )
    expected = [
        (place, m.role.name.get("en"), f"{m.fit}/100", ready_text(m, "en"))
        for place, m in enumerate(result.listed, start=1)
    ]
    assert [row[:4] for row in card.matches] == expected
    assert card.matches[1].ready == t("ready_junior_short", "en")
    assert [row.name for row in card_facts(catalogue, top=1).matches] == ["Head of Marketing"]


def test_readiness_says_when_to_apply_and_the_way_in(catalogue):
    card = card_facts(catalogue)
    role = catalogue.role(BEST)
    assert card.ready[0] == t("ready_later", "en", level="senior", junior="")
    assert card.ready[1] == t("path", "en", steps=WAY_UP)  # the way up, with real arrows
    assert card.ready[2] == t("way_in", "en", text=role.way_in.get("en"))
    assert card.ready[3] == t("ready_adjacent", "en")  # the related experience was named
    assert not any("->" in line for line in card.ready)
    # Someone who can apply now is told so, with no way up and nothing about related experience.
    ready_now = card_facts(catalogue, sheet=PERSONAS["social-media-analyst"])
    analyst = catalogue.role("social-media-analyst").way_in.get("en")
    assert ready_now.ready == (t("ready_now", "en"), t("way_in", "en", text=analyst))


def test_answers_with_no_clear_pattern_say_so_first(catalogue):
    by_position = {q.id: q.options[0].id for q in catalogue.bank}  # always the first option
    assert rank(catalogue, by_position).pattern == "same_position"
    card = card_facts(catalogue, sheet=by_position)
    assert card.band == t("how_sure_no_pattern", "en") and card.unsure
    assert card.notes[0] == t("flag_no_pattern_position", "en")
    page = html.unescape(write_card(catalogue, ".html", sheet=by_position))
    assert '<p class="band unsure">' in page
    assert page.index(t("flag_no_pattern_position", "en")) < page.index(card.matches_heading)


# --- HTML -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_html_card_is_a_real_page(catalogue, lang):
    page = write_card(catalogue, ".html", lang)
    assert page.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{lang}">' in page
    assert '<meta charset="utf-8">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    best = "Head of Marketing"
    assert re.search(rf"<title>{best}: [^<]+</title>", page)
    assert page.count("<h1>") == 1 and page.count("<h2>") >= 6
    assert "<table>" in page and '<th scope="row">Social Media Analyst</th>' in page
    assert "@media print" in page and "overflow-wrap: anywhere" in page
    code = encode(catalogue, SHEET, lang)
    assert f"<code>rolefinder result {code}</code>" in page


def test_the_html_card_fetches_nothing_and_runs_nothing(catalogue):
    page = write_card(catalogue, ".html")
    for banned in ("http://", "https://", "<script", "<link", "<img", "src=", "url(", "@import"):
        assert banned not in page


def test_the_html_card_says_what_the_screen_says(catalogue):
    page = html.unescape(write_card(catalogue, ".html"))
    result, explanation = explained(catalogue)
    (note,) = flag_lines(result, explanation, "en")
    best, second = result.listed
    for text in (
        band_text(explanation, result, "en"),
        note,  # torn between paths
        what_if_line(catalogue, explanation.what_if, "en"),
        "Why Social Media Analyst",
        *reason_lines(catalogue, explanation.reasons[SECOND], "en"),
        t("card_ready", "en"),
        WAY_UP,
        f">{best.fit}/100<",
        f">{second.fit}/100<",
        f">{t('ready_later_short', 'en', level='senior')}<",
        "Duties of the Head of Marketing",
        f"{t('related', 'en')}:",
        "Analytical",
        f">{result.profile['analytical']}%<",
    ):
        assert text in page, text


def test_hostile_catalogue_text_is_escaped_in_html(catalogue):
    page = write_card(hostile(catalogue), ".html")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | x &amp; y ]]&gt;" in page
    # the page's own markup is all that is left once the escaped texts are taken out
    assert page.count("<h1>") == 1 and page.count("<title>") == 1


# --- SVG --------------------------------------------------------------------------------------


def svg_texts(image: str) -> list[str]:
    root = ET.fromstring(image.encode("utf-8"))
    return ["".join(text.itertext()) for text in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_svg_card_is_valid_and_self_contained(catalogue, lang):
    image = write_card(catalogue, ".svg", lang)
    root = ET.fromstring(image.encode("utf-8"))
    assert root.tag == f"{SVG}svg" and root.get("width") == "100%"  # scaled to its container
    assert "max-width: 800px" in root.get("style") and "height: auto" in root.get("style")
    assert root.get("height") is None
    _, _, width, height = map(int, root.get("viewBox").split())
    assert width == 800 and height > 600
    assert root[0].tag == f"{SVG}title" and "Head of Marketing" in root[0].text
    assert root[1].tag == f"{SVG}desc" and "Head of Marketing" in root[1].text
    assert root.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    without_namespace = image.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for banned in ("http", "url(", "@import", "<script", "href", "<image", "<foreignObject"):
        assert banned not in without_namespace


def test_the_svg_card_keeps_each_line_as_real_text(catalogue):
    texts = svg_texts(write_card(catalogue, ".svg"))
    assert t("best_match", "en", name="Head of Marketing") in texts
    assert any(text.startswith("Leads all of the company's marketing") for text in texts)
    second = f"{rank(catalogue, SHEET).listed[1].fit}/100 {t('ready_junior_short', 'en')}"
    assert f"2. Social Media Analyst {second}" in texts  # a table row copies as one line
    assert not any(text == " " for text in texts)  # no space written as a fragment of its own


def test_the_svg_card_survives_hostile_text(catalogue):
    image = write_card(hostile(catalogue), ".svg")
    texts = svg_texts(image)  # parses: the text is escaped
    assert any("<script>alert(1)</script>" in text for text in texts)
    assert "<script>" not in image


# --- Markdown ---------------------------------------------------------------------------------


def table_rows(report: str) -> list[list[str]]:
    rows = [line for line in report.splitlines() if line.startswith("|")]
    return [re.split(r"(?<!\\)\|", row)[1:-1] for row in rows]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_markdown_card_has_code_reasons_notes_and_readiness(catalogue, lang):
    report = write_card(catalogue, ".md", lang)
    code = encode(catalogue, SHEET, lang)
    assert f"`rolefinder result {code}`" in report
    heading = markdown_escape(t("best_match", lang, name="Head of Marketing"))
    assert report.startswith(f"# {heading}\n")
    result, explanation = explained(catalogue)
    assert f"**{markdown_escape(band_text(explanation, result, lang))}**" in report
    assert f"### {t('card_why_role', lang, name='Social Media Analyst')}" in report
    ready = markdown_escape(t("path", lang, steps=WAY_UP))
    assert f"## {t('card_ready', lang)}\n\n- " in report and f"- {ready}\n" in report
    assert f"| 1 | Head of Marketing | {result.best.fit}/100 |" in report
    if lang == "en":
        assert '## Why\n\n- You chose "Marketing directors who set the course' in report
        assert "> You said you are torn between paths" in report


def test_a_pipe_in_a_name_keeps_the_markdown_table(catalogue):
    rows = table_rows(write_card(hostile(catalogue), ".md"))
    assert len(rows) == 2 + 2  # header, rule and the two listed roles
    assert {len(row) for row in rows} == {4}


def test_hostile_catalogue_text_is_literal_in_markdown(catalogue):
    report = write_card(hostile(catalogue), ".md")
    assert "<script>" not in report and "\\<script\\>" in report
    assert not re.search(r"(?<!\\)\]\(", report)  # no link can be formed: "](" is escaped
    for line in report.splitlines():
        # only the card's own structure starts a line
        assert not line.startswith(("-  ", "> \\<", "#\\<", "1.", "<")), line


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# not a heading", r"\# not a heading"),
        ("- not a list", r"\- not a list"),
        ("+ not a list", r"\+ not a list"),
        ("= not an underline", r"\= not an underline"),
        ("1. not a list", r"1\. not a list"),
        ("12) not a list", r"12\) not a list"),
        ("> not a quote", r"\> not a quote"),
        ("a | b", r"a \| b"),
        ("<b>bold</b> & co", r"\<b\>bold\</b\> & co"),
        ("&amp; &copy &#60;", r"\&amp; \&copy \&\#60;"),
        ("[link](http://x)", r"\[link\](http\://x)"),
        ("![image](x.png)", r"\!\[image\](x.png)"),
        ("*em* _em_ `code` ~~del~~", r"\*em\* \_em\_ \`code\` \~\~del\~\~"),
        ("$x^2$", r"\$x^2\$"),
        ("C #", r"C \#"),
        ("back\\slash", "back\\\\slash"),
        ("see www.example.com", r"see www\.example.com"),
        ("line\nbreak,\ttab  and\r\n  spaces", "line break, tab and spaces"),
        ("    indented", " indented"),
        # ordinary text is left as it is
        ("plain words, 3-5 yrs.", "plain words, 3-5 yrs."),
        ("Tim's role: 2.5 days (or 3) + 10% = fine!", "Tim's role: 2.5 days (or 3) + 10% = fine!"),
        ("Sales & marketing, 2024. Email: a@b.co", "Sales & marketing, 2024. Email: a@b.co"),
    ],
)
def test_markdown_escape(text, escaped):
    assert markdown_escape(text) == escaped


# --- One hostile text at a time, through a CommonMark renderer and a browser's parser ----------

# What a red team put in catalogue texts; each must come out of every card as its literal text.
HOSTILE_TEXTS = [
    "a | b",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "# Heading",
    "[click](javascript:alert(1))",
    "<javascript:alert(1)>",
    "![x](http://e/x.png)",
    "*bold* _it_ **b**",
    "`code`",
    "line\nbreak",
    "tab\there",
    "- item",
    "+ item",
    "1. item",
    "2) item",
    "> quote",
    "&lt;b&gt;",
    "&copy; &#60;b&#62;",
    "ab\\",
    "~~strike~~",
    "---",
    "===",
    "<!-- comment -->",
    "a  \nhard break",
    "    indented code",
    "[x]: http://e/ref",
    "x\\*y\\*",
]
# A renderer as strict as CommonMark with GitHub's tables: raw HTML is passed through by it.
COMMONMARK = MarkdownIt("commonmark").enable("table")
TEXT_BLOCKS = {"title", "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "th", "td"}


def with_text(catalogue: Catalogue, text: str) -> Catalogue:
    """``text`` as the two first roles' names, summaries and first duties, as every trait's
    name and as every question's prompt, short name and answers (a card quotes answers)."""
    same = Text.same(text)

    def role(role):
        if role.id not in (BEST, SECOND):
            return role
        duties = (same, *role.duties[1:])
        return dataclasses.replace(role, name=same, summary=same, duties=duties)

    def question(question):
        options = tuple(dataclasses.replace(option, text=same) for option in question.options)
        return dataclasses.replace(question, prompt=same, short=same, options=options)

    return dataclasses.replace(
        catalogue,
        roles=tuple(map(role, catalogue.roles)),
        traits=tuple(dataclasses.replace(trait, name=same) for trait in catalogue.traits),
        questions=tuple(map(question, catalogue.questions)),
    )


class Rendered(HTMLParser):
    """HTML as elements: how many of each, the cells of each table row, and the text each
    block holds and the whole page holds, character references read as a browser reads them."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.rows: list[int] = []
        self.blocks: list[tuple[str, str]] = []
        self.open: list[list[str]] = []
        self.text = ""  # all of it
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        if tag == "tr":
            self.rows.append(0)
        if tag in ("th", "td"):
            self.rows[-1] += 1
        if tag in TEXT_BLOCKS:
            self.open.append([tag, ""])

    def handle_startendtag(self, tag, attrs):
        self.tags[tag] += 1

    def handle_endtag(self, tag):
        if tag in TEXT_BLOCKS:
            opened, text = self.open.pop()
            assert opened == tag, (opened, tag)
            self.blocks.append((tag, text))

    def handle_data(self, data):
        self.text += data
        for block in self.open:
            block[1] += data

    def texts(self, tag: str) -> list[str]:
        return [text for name, text in self.blocks if name == tag]


def literal(text: str) -> str:
    """The text as a reader should see it: a card's line holds no newline or tab."""
    return " ".join(text.split())


# Each place the Markdown card puts a text in (the texts it sets in bold or italics are trimmed).
PLACES = [
    "{}",
    "- {}",
    "> {}",
    "# {}",
    "### {}",
    "**{}**",
    "- **{}** (mid): {}",
    "*{}*",
    "| {} | x |\n| ---: | --- |\n| 1 | {} |",
    "{}`rolefinder result X`{}",
]


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("text", [*HOSTILE_TEXTS, "a\n# b", "a\n\n- b", "a\r\n===", "  1. a"])
def test_an_escaped_text_renders_as_itself_wherever_the_card_puts_it(text, place):
    if "*" in place:
        text = text.strip()
    plain = Rendered(COMMONMARK.render(place.replace("{}", "TEXT")))
    shown = Rendered(COMMONMARK.render(place.replace("{}", markdown_escape(text))))
    assert shown.tags == plain.tags, (place, markdown_escape(text), shown.tags - plain.tags)
    assert " ".join(shown.text.split()) == " ".join(plain.text.replace("TEXT", text).split())


@pytest.mark.parametrize(
    "text", ["see http://e.com/x", "HTTPS://E.COM/x", "ftp://e.com", "www.e.com", "(WWW.e.com)"]
)
def test_an_escaped_text_leaves_github_no_bare_url_to_link(text):
    # GitHub links http://, https://, ftp:// and www. in text; a backslash before the ':' or
    # the '.' stops it (as cmark-gfm shows), and the text still renders as itself
    escaped = markdown_escape(text)
    assert not re.search(r"(?<!\\)://|(?i:www)\.", escaped)
    assert Rendered(COMMONMARK.render(escaped)).text.strip() == text


@pytest.fixture(scope="module")
def plain_markdown(catalogue):
    return Rendered(COMMONMARK.render(write_card(catalogue, ".md")))


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_text_renders_as_itself_from_the_markdown_card(catalogue, plain_markdown, text):
    report = write_card(with_text(catalogue, text), ".md")
    shown = Rendered(COMMONMARK.render(report))
    # not one element more or less than the card has of its own: no script, img or a, no
    # extra heading, em, strong, code, li, blockquote, hr, s or del, no <br> or <pre>
    assert shown.tags == plain_markdown.tags, (
        f"added {dict(shown.tags - plain_markdown.tags)}, "
        f"lost {dict(plain_markdown.tags - shown.tags)}\n{report}"
    )
    assert shown.rows == [4] * len(plain_markdown.rows)  # the table keeps its columns
    # the hostile text is what the card has to show, unchanged but for its newlines and tabs ...
    card = card_facts(with_text(catalogue, text))
    same = literal(text)
    assert card.summary == card.duties[0] == card.matches[0].name == card.matches[1].name == same
    assert card.heading == t("best_match", "en", name=same)
    assert {name for name, _ in card.profile} == {same}
    assert any(line.startswith('You chose "') for line in card.why)  # answers are quoted
    if text.isprintable():  # (one with a newline or tab may be written out by i18n.t)
        assert any(literal(f'"{text}"') in line for line in card.why)
    # ... and every text the card shows renders as exactly itself, in its own element
    for tag, expected in markdown_blocks(card):
        assert expected in shown.texts(tag), (tag, expected, shown.texts(tag))


def markdown_blocks(card: Facts) -> list[tuple[str, str]]:
    """Each element the Markdown card renders to, with the text it must hold."""
    blocks = [("h1", card.heading), ("p", card.summary), ("p", card.band)]
    blocks += [("p", note) for note in card.notes]
    blocks += [("li", line) for line in card.why]
    blocks += [("th", column) for column in card.columns]
    blocks += [("h2", card.ready_heading)] + [("li", line) for line in card.ready]
    for row in card.matches:
        blocks += [("td", str(row.place)), ("td", row.name), ("td", row.fit), ("td", row.ready)]
    for row in card.matches[1:]:
        blocks += [("h3", t("card_why_role", card.lang, name=row.name))]
        blocks += [("li", line) for line in row.reasons]
    blocks += [("h2", card.duties_heading)] + [("li", duty) for duty in card.duties]
    if card.onward is not None:
        blocks.append(("p", "{}: {}".format(*card.onward)))
    blocks += [("li", f"{name}: {percent}%") for name, percent in card.profile]
    return blocks


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_text_is_inert_in_the_html_and_svg_cards(catalogue, text):
    same = literal(text)
    page = write_card(with_text(catalogue, text), ".html")
    shown, plain = Rendered(page), Rendered(write_card(catalogue, ".html"))
    assert shown.tags == plain.tags, dict(shown.tags - plain.tags)
    assert shown.rows == plain.rows
    assert same in shown.texts("p") and same in shown.texts("th")
    heading = html.escape(t("best_match", "en", name=same))
    assert f'content="A rolefinder quiz result. {heading}.' in page
    image = write_card(with_text(catalogue, text), ".svg")
    root = ET.fromstring(image.encode("utf-8"))  # well-formed XML whatever the text
    plain_svg = ET.fromstring(write_card(catalogue, ".svg").encode("utf-8"))
    assert {element.tag for element in root.iter()} == {e.tag for e in plain_svg.iter()}
    assert not any(name.endswith("href") for e in root.iter() for name in e.attrib)
    assert same in svg_texts(image)  # the summary, on a line of its own


# --- In a real browser ------------------------------------------------------------------------

PHONE, SMALL_PHONE, DESKTOP = 390, 360, 1280
MIN_CONTRAST = 4.5
MIN_FONT_PX = 12

# A page beside the card that shows it in a frame of the given width (a browser window cannot
# be made narrower than 500 px, a frame can), then writes what it measured into the DOM. The
# card itself stays as saved: it has no script, and needs none.
MEASURE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>html, body { margin: 0 } iframe { border: 0;
display: block }</style></head><body>
<iframe id="card" src="%(card)s" width="%(width)d" height="%(height)d"></iframe>
<pre id="measure"></pre>
<script>
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
function measureHtml(win, doc) {
  const root = doc.documentElement, texts = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.data.trim()) continue;
    const element = node.parentElement, style = win.getComputedStyle(element);
    const range = doc.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    texts.push({text: node.data.trim().slice(0, 50), size: parseFloat(style.fontSize),
      color: style.color, background: background(win, element), left: box.left,
      right: box.right, width: box.width, height: box.height,
      hidden: hidden(win, element, root)});
  }
  return {viewport: win.innerWidth, scrollWidth: root.scrollWidth,
    height: Math.ceil(root.getBoundingClientRect().height), texts: texts};
}
function measureSvg(win, doc) {
  // Where each text is drawn in the frame, after the image is scaled to it; its font size as
  // drawn (the size in the image, times the scale).
  const svg = doc.documentElement, frame = svg.getBoundingClientRect();
  const scale = frame.width / svg.viewBox.baseVal.width;
  const texts = [...doc.querySelectorAll("text")].map(function (text) {
    const box = text.getBoundingClientRect(), style = win.getComputedStyle(text);
    return {text: text.textContent.slice(0, 50), size: parseFloat(style.fontSize) * scale,
      color: style.fill, background: "rgb(255, 255, 255)", left: box.left,
      right: box.right, width: box.width, height: box.height, hidden: ""};
  });
  return {viewport: win.innerWidth, scrollWidth: Math.max(doc.documentElement.scrollWidth,
    Math.ceil(frame.right)), width: frame.width, height: frame.height, texts: texts};
}
document.getElementById("card").addEventListener("load", function () {
  const win = this.contentWindow, doc = this.contentDocument;
  const measured = doc.documentElement.tagName.toLowerCase() === "svg"
    ? measureSvg(win, doc) : measureHtml(win, doc);
  // anything the card fetched (fonts, images, styles) is listed here
  measured.fetched = win.performance.getEntriesByType("resource").map(e => e.name);
  document.getElementById("measure").textContent = JSON.stringify(measured);
});
</script></body></html>
"""


@pytest.fixture
def chromium(tmp_path):
    """Run headless Chromium with a private profile and no network; return its stdout."""
    return chromium_runner(tmp_path / "profile", "the cards")


def measure(chromium, card: Path, width: int, height: int = 900) -> dict:
    frame = card.with_name(f"measure-{card.stem}-{width}.html")
    frame.write_text(MEASURE % {"card": card.name, "width": width, "height": height}, "utf-8")
    return measured(chromium, frame, width, height)


def screenshot(chromium, card: Path, width: int, height: int, shot: Path) -> None:
    """A screenshot of the card at ``width``: a frame that wide, cut to its height."""
    frame = card.with_name(f"shot-{card.stem}-{width}.html")
    frame.write_text(MEASURE % {"card": card.name, "width": width, "height": height}, "utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    chromium(f"--window-size={width},{height}", f"--screenshot={shot}", frame.as_uri())
    check_screenshot(shot, width)


def test_contrast_is_computed_as_wcag_says():
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)


def check_layout(measured: dict) -> None:
    """No sideways scrolling, nothing fetched, every text readable, in view and unclipped."""
    assert measured["fetched"] == []
    assert measured["scrollWidth"] <= measured["viewport"], "the card scrolls sideways"
    assert len(measured["texts"]) > 30
    for text in measured["texts"]:
        where = f"{text['text']!r}"
        assert not text["hidden"], f"{where} is {text['hidden']}"
        assert text["width"] > 0 and text["height"] > 0, f"{where} takes no room"
        assert text["left"] >= 0 and text["right"] <= measured["viewport"] + 0.5, where
        assert text["size"] >= MIN_FONT_PX, f"{where} is {text['size']}px"
        ratio = contrast(text["color"], text["background"])
        assert ratio >= MIN_CONTRAST, f"{where}: contrast {ratio:.2f}"


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_html_card_in_a_browser(chromium, catalogue, tmp_path, lang):
    card = tmp_path / f"card-{lang}.html"
    card.write_text(write_card(catalogue, ".html", lang), "utf-8")
    for width in (SMALL_PHONE, PHONE, DESKTOP):
        measured = measure(chromium, card, width)
        assert measured["viewport"] == width
        check_layout(measured)
        if width != SMALL_PHONE:
            height = min(measured["height"], 8000)
            screenshot(chromium, card, width, height, ARTIFACTS / f"card-{lang}-{width}.png")


@pytest.mark.browser
def test_long_and_hostile_names_still_fit_a_small_phone(chromium, catalogue, tmp_path):
    card = tmp_path / "card-hostile.html"
    long_word = "Pneumonoultramicroscopicsilicovolcanoconiosis-" * 3
    bad = dataclasses.replace(
        hostile(catalogue),
        roles=tuple(
            dataclasses.replace(
                role, name=Text({"en": long_word + role.name.get("en"), "id": role.name.get("id")})
            )
            for role in hostile(catalogue).roles
        ),
    )
    card.write_text(write_card(bad, ".html"), "utf-8")
    measured = measure(chromium, card, SMALL_PHONE)
    check_layout(measured)
    assert any(long_word[:20] in text["text"] for text in measured["texts"])


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_svg_card_in_a_browser(chromium, catalogue, tmp_path, lang):
    card = tmp_path / f"card-{lang}.svg"
    card.write_text(write_card(catalogue, ".svg", lang), "utf-8")
    measured = measure(chromium, card, 800)
    check_layout(measured)
    assert all(text["left"] >= 40 and text["right"] <= 760 for text in measured["texts"])
    screenshot(chromium, card, 800, round(measured["height"]), ARTIFACTS / f"card-{lang}-svg.png")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_svg_card_scales_to_a_phone_and_no_further_than_its_width(
    chromium, catalogue, tmp_path, lang
):
    card = tmp_path / f"card-{lang}.svg"
    card.write_text(write_card(catalogue, ".svg", lang), "utf-8")
    for width, drawn in ((PHONE, PHONE), (DESKTOP, 800)):
        measured = measure(chromium, card, width, 2000)
        assert measured["viewport"] == width and measured["width"] == drawn
        assert measured["scrollWidth"] <= width, "the card is cut off or scrolls sideways"
        for text in measured["texts"]:  # every line whole, in view (a phone can zoom the image)
            assert text["width"] > 0 and text["left"] >= 0 and text["right"] <= drawn, text
    height = round(measure(chromium, card, PHONE, 2000)["height"])
    screenshot(chromium, card, PHONE, height, ARTIFACTS / f"card-{lang}-svg-{PHONE}.png")
