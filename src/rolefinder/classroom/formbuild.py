"""The quiz as a form a teacher builds in one go: the questions as plain text to type in, a
Google Apps Script that creates the whole Google Form, or a document for Microsoft Forms'
Quick import.

Every form has the same items as ``report.form_questions`` gives them: a short-answer name
question, then every question, required, with its options and "doesn't apply" last, in the
order the quiz asks them. Their texts are the catalogue's own, so ``rolefinder class`` knows
the form's export without a word changed.

In the script, every text from the catalogue is a JSON string (all non-ASCII escaped, and
``<``, ``>`` and ``&`` too), so no text can end its string, its line or a surrounding
``<script>``: whatever it holds stays data. The script's comments come from ``words/i18n.py`` only.
"""

from __future__ import annotations

import json
from typing import Any

from rolefinder.catalogue.model import Catalogue
from rolefinder.present.report import form_questions, form_text
from rolefinder.version import __version__
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang

FORM_TOOLS = ("google", "microsoft", "text")  # --form's values; "text" is --form alone

# What the script does with the data above it: only FormApp and Logger, each method one that
# Apps Script's Form, TextItem and MultipleChoiceItem have. `var` and `function`, so the old
# Rhino runtime runs it as well as V8.
_GOOGLE_BUILD = """\
function createRolefinderForm() {
  var form = FormApp.create(FORM.title);
  form.setDescription(FORM.description);
  form.addTextItem().setTitle(FORM.name).setRequired(true);
  FORM.questions.forEach(function (question) {
    form
      .addMultipleChoiceItem()
      .setTitle(question.title)
      .setChoiceValues(question.options)
      .setRequired(true);
  });
  Logger.log(FORM.edit + form.getEditUrl());
  Logger.log(FORM.send + form.getPublishedUrl());
}
"""


def form_document(tool: str, catalogue: Catalogue, lang: Lang) -> str:
    """The form for ``tool`` (one of FORM_TOOLS) in ``lang``."""
    if tool == "google":
        return google_script(catalogue, lang)
    if tool == "microsoft":
        return microsoft_document(catalogue, lang)
    return form_text(catalogue, lang)


def google_script(catalogue: Catalogue, lang: Lang) -> str:
    """A Google Apps Script that, run once, creates the quiz as a Google Form and logs the
    links to edit it and to send to the students; how to run it is in its first lines."""
    questions = form_questions(catalogue, lang)
    data = {
        "title": t("form_title", lang),
        "description": t("form_description", lang, skip=t("form_skip", lang)),
        "name": t("form_name_question", lang),
        "questions": [{"title": title, "options": options} for title, options in questions],
        "edit": t("form_google_edit", lang) + " ",
        "send": t("form_google_send", lang) + " ",
    }
    steps = t("form_google_steps", lang, version=__version__, count=len(questions))
    # splitlines() ends a line wherever JavaScript does (U+2028 too): no comment runs into code.
    comment = "\n".join(f"// {line}".rstrip() for line in steps.splitlines())
    return f"{comment}\n\nvar FORM = {javascript(data)};\n\n{_GOOGLE_BUILD}"


def javascript(value: Any) -> str:
    """``value`` as a JavaScript literal that is only data: JSON, all ASCII (so no U+2028 or
    U+2029 ends a line inside a string in an older runtime), with ``<``, ``>`` and ``&``
    escaped (so ``</script>`` or ``<!--`` cannot end or hide an HTML script block)."""
    text = json.dumps(value, ensure_ascii=True, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def microsoft_document(catalogue: Catalogue, lang: Lang) -> str:
    """The quiz as a document for Microsoft Forms' Quick import: the form's title, then each
    question as a numbered line with its options on the lines below it, a blank line between
    questions, the name question first. Each text on one line, as the catalogue has it."""

    def line(text: str) -> str:
        return " ".join(text.split())

    questions = form_questions(catalogue, lang)
    lines = [t("form_title", lang), "", f"1. {t('form_name_question', lang)}"]
    for number, (title, options) in enumerate(questions, start=2):
        lines += ["", f"{number}. {line(title)}", *(line(option) for option in options)]
    return "\n".join(lines) + "\n"
