"""A patient walks through patient mode in English and in Spanish to a finished draft."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from intake_app.domain.document import parse_document
from intake_app.domain.questionnaire import load_questionnaire
from intake_app.gui.patient import PatientMode
from intake_app.gui.patient.flow import STAFF_FIELDS, PatientFlow, Step
from intake_app.gui.patient.style import MIN_POINT_SIZE, MIN_TARGET
from tests.domain.v2_documents import V2, v2_document
from tests.gui.patient.helpers import Desk, close_for_good, open_mode, question_page, visible_buttons, walk

TEXT_WIDGETS = (QLabel, QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractSpinBox)
PLAN: dict[str, Any] = {
    "pain": {"right": ["heel", "sole"], "left": ["calf"]},
    "numbness": {"right": ["big_toe"]},
    "radiates_to.left": "none",
    "radiates_to.right": "foot",
    "weakness.left": "none",
    "weakness.right": "foot_drop",
    "weakness_course.right": "worsening",
    "pain_score_0_10": 7,
    "pain_character": ["burning", "sharp_stabbing"],
    "duration_days": 21,
    "back_pain": "mild",
    "back_conditions": ["none"],
    "rf_cancer_history": "unknown",  # "I don't know"
    "diabetes": "unknown",
    "current_medicines": "Ibuprofen",
    "interpreter_needed": "no",
}


@pytest.mark.parametrize(("language", "next_word", "pain_question"), [
    ("en", "Next", "Where does it hurt?"),
    ("es", "Siguiente", "¿Dónde le duele?"),
])
def test_a_walk_in_each_language_ends_in_a_valid_draft_marked_as_the_patients(
        qtbot: QtBot, language: str, next_word: str, pain_question: str) -> None:
    desk = Desk()
    mode = open_mode(qtbot, desk)
    seen: list[str] = []

    def check(m: PatientMode) -> None:
        if m.page_kind() == "question":
            seen.append(question_page(m).step.key)
            if question_page(m).step.key == "pain":
                assert question_page(m).question_label.text() == pain_question
            assert m.next_button.text() == next_word
        small = [b.accessibleName() for b in visible_buttons(m) if b.height() < MIN_TARGET or b.width() < MIN_TARGET]
        assert small == [], f"buttons under {MIN_TARGET} px on the {m.page_kind()} page"
        assert m.font().pointSizeF() >= MIN_POINT_SIZE
        texts = [w for w in m.findChildren(QWidget) if isinstance(w, TEXT_WIDGETS) and w.isVisibleTo(m)]
        tiny = [f"{type(w).__name__} {w.font().pointSizeF()}" for w in texts if w.font().pointSizeF() < MIN_POINT_SIZE]
        assert tiny == [], f"text under {MIN_POINT_SIZE} pt on the {m.page_kind()} page"

    result = walk(qtbot, mode, language, PLAN, on_page=check)
    assert result.finished and result.language == language
    assert desk.saved and desk.saved[-1] == result
    # The answers make a valid version 2 intake document.
    document = parse_document(v2_document(**copy.deepcopy(dict(result.answers))))
    assert document.questionnaire == V2
    answers = dict(document.answers)
    assert answers["pain"] == {"left": ["calf"], "right": ["heel", "sole"]}
    assert answers["weakness_course"] == {"right": "worsening"}
    assert answers["rf_cancer_history"] == "unknown"
    assert answers["preferred_language"] == language
    assert answers["pain_score_0_10"] == 7 and answers["duration_days"] == 21
    # Every answer the patient gave is marked as the patient's; the desk's age is not.
    assert "age_years" not in result.entered_by
    patient_fields = set(result.answers) - {"age_years"}
    assert set(result.entered_by) == patient_fields
    assert set(result.entered_by.values()) == {"patient"}
    # Per side, only the legs it applies to; staff-only questions never.
    assert "weakness_course.right" in seen and "weakness_course.left" not in seen
    asked = {key.split(".")[0] for key in seen}
    assert not asked & (STAFF_FIELDS | {"family_name", "mrn", "age_years", "sex", "phone", "visit_date"})
    assert {"leg_pain_new", "neuro_new", "back_pain_new"} <= asked  # shown once their condition held
    assert "back_surgery_months_ago" not in asked  # no operation: not asked
    close_for_good(mode, desk)


def test_the_review_page_is_in_the_patients_language(qtbot: QtBot) -> None:
    desk = Desk()
    mode = open_mode(qtbot, desk)
    texts: list[str] = []

    def grab(m: PatientMode) -> None:
        if m.page_kind() == "review":
            texts.extend(label.text() for label in m.page().findChildren(QLabel))

    walk(qtbot, mode, "es", PLAN, on_page=grab)
    joined = "\n".join(texts)
    assert "Por favor, revise sus respuestas" in joined
    assert "¿Ha tenido cáncer alguna vez?" in joined and "No lo sé" in joined
    assert "Derecha: talón, planta del pie" in joined
    assert "Not asked" not in joined and "not asked" not in joined
    close_for_good(mode, desk)


def test_a_change_from_the_review_page_goes_back_to_that_question(qtbot: QtBot) -> None:
    from tests.gui.patient.helpers import answer, touch

    desk = Desk()
    mode = open_mode(qtbot, desk)
    touch(qtbot, mode.page().buttons["en"])  # type: ignore[attr-defined]
    mode._show_review()  # noqa: SLF001 - jump to the review as a patient who pressed Next throughout
    review = mode.page()
    touch(qtbot, review.change_buttons[0])  # type: ignore[attr-defined]
    page = question_page(mode)
    assert page.step.key == "pain"
    answer(qtbot, page, {"left": ["heel"]})
    assert mode.result().answers["pain"] == {"left": ["heel"]}
    close_for_good(mode, desk)


def test_the_flow_asks_per_side_and_forgets_answers_that_no_longer_apply() -> None:
    q = load_questionnaire(V2)
    flow = PatientFlow(q, {"age_years": 50, "desk_note": "from the desk"})
    weakness = q.question("weakness")
    course = q.question("weakness_course")
    flow.set_value(Step(weakness, "left"), "tiptoe_weak")
    assert [s.key for s in flow.steps() if s.question.id == "weakness_course"] == ["weakness_course.left"]
    flow.set_value(Step(course, "left"), "new_stable")
    flow.set_value(Step(weakness, "left"), "none")
    assert "weakness_course" not in flow.answers and "weakness_course" not in flow.entered_by
    result = flow.result()
    assert result.answers["desk_note"] == "from the desk" and "desk_note" not in result.entered_by
    assert result.entered_by == {"weakness": "patient"}
