"""How `rolefinder class` words what it tells the teacher: questions named as the quiz names
them, not by the catalogue's ids; the note for a student torn between directions within social
media; a near tie only where explain says one is."""

from __future__ import annotations

import csv
import io

import pytest

from personas import PERSONAS
from rolefinder.catalogue.model import Catalogue
from rolefinder.classroom.forms import read
from rolefinder.classroom.records import Note
from rolefinder.words.i18n import t


def form_csv(catalogue: Catalogue, lang: str, left_out: set[str], twice: str | None) -> str:
    """A form export of one student (the analyst's persona) whose form leaves out the
    questions ``left_out`` and asks ``twice`` in two columns."""
    sheet = PERSONAS["social-media-analyst"]
    asked = [q for q in catalogue.questions if q.id not in left_out]
    if twice is not None:
        asked.append(next(q for q in catalogue.questions if q.id == twice))
    header, cells = ["Name"], ["Ayu"]
    for question in asked:
        option = question.option(sheet.get(question.id, "")) or question.options[0]
        header.append(question.prompt.get(lang))
        cells.append(option.text.get(lang))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, cells])
    return out.getvalue()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_questions_are_named_by_their_short_label_not_their_id(catalogue, tmp_path, lang):
    label = {q.id: f'"{q.label.get(lang)}"' for q in catalogue.questions}
    path = tmp_path / "form.csv"
    path.write_text(form_csv(catalogue, lang, {"monday", "flop"}, twice="tool"), "utf-8")
    notes = [item for item in read([path], catalogue, lang) if isinstance(item, Note)]
    source = notes[0].source
    left_out = [label[q.id] for q in catalogue.questions if q.id in ("monday", "flop")]
    missing = t("form_missing", lang, source=source, count=2, questions=", ".join(left_out))
    assert missing in [note.text for note in notes]
    twice = [note.text for note in notes if label["tool"] in note.text]
    assert len(twice) == 1 and twice[0].startswith(
        t("form_duplicate", lang, source=source, question=label["tool"], columns="").split("(")[0]
    )
    for question in ("monday", "flop", "tool"):  # the labels say more than the ids
        assert label[question].strip('"') != question


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_notes_say_what_the_student_answered_about_the_field(catalogue, lang):
    """Torn is torn between directions within social media (the outlook answer), never
    "between social media and another field"; still exploring is the one about other fields;
    a near tie is explain's: a runner-up within NEAR_TIE_FIT points, so 41 against 22 is none."""
    import random

    from rolefinder.assess.explain import NEAR_TIE_FIT
    from rolefinder.classroom.scoring import Scorer, Student, student_note

    scorer, chooser = Scorer(catalogue, lang), random.Random(5)
    personas = list(PERSONAS.values())
    torn_text = t("class_note_torn", lang)
    near_tie = t("summary_reason_near_tie", lang, a="", x="", b="", y="").split(":")[0]
    ties = gaps = 0
    for index in range(300):
        one, other = chooser.sample(personas, 2)  # half of one role's answers, half another's
        sheet = {**one, **{key: value for key, value in other.items() if chooser.random() < 0.5}}
        outlook = ("sure", "torn", "exploring")[index % 3]
        sheet["outlook"] = outlook
        figures = scorer.figures(sheet, lang)
        student = Student("a.csv", index + 2, {}, "x", lang, **figures._asdict(), asked=14)
        note = student_note(student, catalogue, lang)
        assert (torn_text in note) == (outlook == "torn"), note
        assert "another field" not in note and "bidang lain" not in note
        if len(student.top) > 1 and "no_pattern" not in student.flags:
            close = student.top[0][1] - student.top[1][1] <= NEAR_TIE_FIT
            ties += close
            gaps += not close
            assert (near_tie in note) == close, (student.top, note)
    assert ties and gaps, (ties, gaps)  # both cases were seen
