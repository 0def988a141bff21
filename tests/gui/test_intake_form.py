"""The intake form, driven the way the front desk drives it: keyboard, mouse, what is on screen.

All answers are synthetic. The questionnaire is the shipped forms/foot-leg-intake/1.yaml, plus small
edited copies of it where a test needs a question that version 1 does not have.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
import yaml
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from intake_app.domain.document import parse_document
from intake_app.domain.questionnaire import Questionnaire, load_questionnaire, parse_questionnaire, questionnaire_path
from intake_app.errors import InvalidInput
from intake_app.gui.intake_form import IntakeForm
from intake_app.gui.style import FOCUS_STYLE

pytestmark = pytest.mark.gui

QUESTIONNAIRE = load_questionnaire()
RED_FLAGS = QUESTIONNAIRE.red_flag_ids

# Every answer question answered, consistent with the show_if conditions (so all are shown).
FULL_ANSWERS: dict[str, Any] = {
    "age_years": 52,
    "pain": {"left": ["heel"], "right": ["buttock", "back_of_thigh", "calf", "top_of_foot"]},
    "numbness": {"right": ["outer_shin", "top_of_foot"]},
    "tingling": {"left": ["sole", "all_toes"], "right": ["top_of_foot", "big_toe"]},
    "radiates_to": {"left": "none", "right": "foot"},
    "weakness": {"left": "other", "right": "foot_drop"},
    "weakness_other": {"left": "Knee buckles on stairs"},
    "weakness_course": {"left": "longstanding_stable", "right": "new_stable"},
    "leg_pain_new": "yes",
    "neuro_new": "yes",
    "pain_score_0_10": 0,
    "pain_character": ["shooting_electric", "burning", "pebble_in_shoe"],
    "onset": "gradual",
    "duration_days": 21,
    "trauma": "minor_fall_or_lift",
    "worse_with": ["sitting", "walking", "cough_sneeze_strain", "lying_at_night"],
    "better_with": ["bending_forward_or_leaning", "rest"],
    "walking_distance_consistent": "no",
    "back_pain": "moderate",
    "back_pain_new": "yes",
    "first_back_episode": "no",
    "leg_vs_back": "leg_worse",
    "back_conditions": ["herniated_disc", "previous_sciatica", "other"],
    "back_conditions_other": "Scoliosis",
    "back_surgery": "microdiscectomy",
    "back_surgery_months_ago": 18,
    "pain_free_after_surgery": "yes",
    "rf_saddle_numbness": "no",
    "rf_bladder_change": "longstanding_unchanged",
    "rf_bowel_change": "no",
    "rf_sexual_dysfunction": "unknown",
    "rf_bilateral_leg_symptoms": "new_or_spreading",
    "new_symptom_started": "over_2_weeks",
    "rf_fever_or_unwell": "no",
    "rf_infection_risk": "no",
    "rf_cancer_history": "yes",
    "rf_weight_loss_unexplained": "no",
    "rf_night_pain_constant": "no",
    "rf_osteoporosis_or_steroids": "no",
    "diabetes": "unknown",
    "smoker": "yes",
    "known_circulation_problem": "no",
    "sock_distribution": "n/a",
    "foot_red_hot_swollen": "big_toe_joint",
    "foot_cold_or_pale": "no",
    "foot_ulcer_or_rest_pain": "no",
    "can_bear_weight": "yes",
    "bony_spot_tender": "unknown",
    "recent_activity_increase": "yes",
    "inner_ankle_tap_tingles": "no",
    "current_medicines": "Ibuprofen 400 mg\nOmeprazole",
    "blood_thinner": "no",
    "allergies": "Penicillin",
    "preferred_language": "other",
    "interpreter_needed": "yes",
    "interpreter_language": "Polish",
    "desk_note": "Walks with a stick.",
}


@pytest.fixture
def form(qtbot: Any) -> Iterator[IntakeForm]:
    widget = IntakeForm(QUESTIONNAIRE)
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    yield widget


def control(form: IntakeForm, name: str) -> QWidget:
    """A control by its object name: "age_years", "onset=gradual", "pain.right"."""
    found = form.findChild(QWidget, name)
    assert found is not None, name
    return found


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: Any, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key)


def changes(form: IntakeForm) -> list[None]:
    """Collects one entry per answersChanged emission."""
    seen: list[None] = []
    form.answersChanged.connect(lambda: seen.append(None))
    return seen


def edited_questionnaire(change: Any) -> Questionnaire:
    """The shipped questionnaire with an edit applied to its YAML data (what a form author does)."""
    path = questionnaire_path(QUESTIONNAIRE.ref)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    return parse_questionnaire(data, path)


# --- built from the questionnaire ------------------------------------------------------------------


def test_every_answer_question_gets_a_row_in_questionnaire_order_and_patient_fields_none(form: IntakeForm) -> None:
    rows = [form.row(q.id) for q in QUESTIONNAIRE.answer_questions]
    tops = [(form.section_ids().index(r.section_id), r.y()) for r in rows]
    assert tops == sorted(tops)  # on screen in questionnaire order
    for patient_field in ("family_name", "given_name", "date_of_birth", "sex", "phone", "mrn", "visit_date"):
        assert form.findChild(QWidget, patient_field) is None
    titles = [form.nav.item(i).text() for i in range(form.nav.count())]
    sections = [s.title for s in QUESTIONNAIRE.sections if any(q.part == "answers" for q in s.questions)]
    assert [title.rsplit(" ", 1)[0] for title in titles] == sections  # each with its progress, "Safety 0/11"


def test_a_question_added_to_the_yaml_appears_in_the_form(qtbot: Any) -> None:
    def add_question(data: dict[str, Any]) -> None:
        health = next(s for s in data["sections"] if s["id"] == "health")
        health["fields"].append({
            "id": "wears_orthotics", "type": "choice", "label": "Does the patient wear shoe inserts?",
            "help": "Insoles made for the patient.",
            "options": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}],
        })

    form = IntakeForm(edited_questionnaire(add_question))
    qtbot.addWidget(form)
    labels = [label.text() for label in form.findChildren(QLabel)]
    assert "Does the patient wear shoe inserts?" in labels
    assert "Insoles made for the patient." in labels
    form.findChild(QRadioButton, "wears_orthotics=yes").click()
    assert form.answers()["wears_orthotics"] == "yes"


def test_a_choice_with_many_options_is_a_combo_with_a_not_answered_entry(qtbot: Any) -> None:
    def widen_trauma(data: dict[str, Any]) -> None:
        behaviour = next(s for s in data["sections"] if s["id"] == "behaviour")
        trauma = next(f for f in behaviour["fields"] if f["id"] == "trauma")
        trauma["options"].append({"value": "sports_injury", "label": "Sports injury"})
        trauma["options"].append({"value": "work_injury", "label": "Injury at work"})

    form = IntakeForm(edited_questionnaire(widen_trauma))
    qtbot.addWidget(form)
    form.show()
    form.show_section("behaviour")
    combo = form.findChild(QComboBox, "trauma")
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Not answered"
    assert "trauma" not in form.answers()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert form.answers()["trauma"] == "none"
    qtbot.keyClick(combo, Qt.Key.Key_End)
    assert form.answers()["trauma"] == "work_injury"


# --- choosing answers as a user --------------------------------------------------------------------


def test_choosing_answers_by_keyboard_changes_answers(form: IntakeForm, qtbot: Any) -> None:
    form.show_section("behaviour")
    control(form, "pain_score_0_10").setFocus()
    qtbot.keyClicks(focused(), "6")
    press(qtbot, Qt.Key.Key_Tab)  # into "what does it feel like"
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab, 2)
    press(qtbot, Qt.Key.Key_Space)  # aching
    character = form.editor("pain_character").controls()
    press(qtbot, Qt.Key.Key_Tab, len(character) - 2)  # past the other feelings, into "how did it start"
    assert focused().objectName() == "onset=sudden"
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Down)

    answers = form.answers()
    assert answers["pain_score_0_10"] == 6
    assert answers["pain_character"] == ["shooting_electric", "aching"]
    assert answers["onset"] == "gradual"


def test_arrow_keys_move_the_choice_the_same_way_in_every_radio_group(form: IntakeForm, qtbot: Any) -> None:
    """Finding: sideways groups needed Left/Right and downward ones Up/Down. Now both pairs work in all."""
    for question_id in ("onset", "back_pain", "rf_bladder_change"):
        editor = form.editor(question_id)
        values = list(editor.question.values)
        form.focus_field(question_id)
        editor.set_value(values[0])
        editor.focus_control().setFocus()
        press(qtbot, Qt.Key.Key_Right)
        assert form.answers()[question_id] == values[1], question_id
        press(qtbot, Qt.Key.Key_Down)
        assert form.answers()[question_id] == values[2], question_id
        press(qtbot, Qt.Key.Key_Left)
        assert form.answers()[question_id] == values[1], question_id
        press(qtbot, Qt.Key.Key_Up)
        assert form.answers()[question_id] == values[0], question_id


def test_letter_keys_answer_a_focused_safety_question(form: IntakeForm, qtbot: Any) -> None:
    form.focus_field("rf_bladder_change")
    for key, expected in ((Qt.Key.Key_Y, "new"), (Qt.Key.Key_L, "longstanding_unchanged"), (Qt.Key.Key_N, "no"),
                          (Qt.Key.Key_0, "unknown")):
        press(qtbot, key)
        assert form.answers()["rf_bladder_change"] == expected
    form.focus_field("rf_fever_or_unwell")
    press(qtbot, Qt.Key.Key_Y)
    assert form.answers()["rf_fever_or_unwell"] == "yes"
    press(qtbot, Qt.Key.Key_L)  # no long-standing answer offered here: nothing changes
    assert form.answers()["rf_fever_or_unwell"] == "yes"


def test_tab_order_follows_reading_order_and_enters_a_radio_group_at_its_answer(
    form: IntakeForm, qtbot: Any
) -> None:
    form.show_section("back")
    form.set_answers({"leg_vs_back": "back_worse"})
    form.nav.setFocus()
    visited = []
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Tab)
        visited.append(focused().objectName())
    assert visited == ["back_pain=none", "first_back_episode=yes", "leg_vs_back=back_worse", "back_conditions=none"]
    assert all(isinstance(focused_widget, QRadioButton) for focused_widget in [control(form, "back_pain=none")])
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused().objectName() == "leg_vs_back=back_worse"


def test_regions_are_added_by_typing_their_name_right_first_and_tell_the_body_map(
    form: IntakeForm, qtbot: Any
) -> None:
    """Finding: choosing a region meant arrowing through 21 items. Now a few letters and Enter."""
    form.show_section("where")
    form.nav.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "pain.right"
    with qtbot.waitSignal(form.regions_changed) as blocker:
        qtbot.keyClicks(focused(), "calf")
        press(qtbot, Qt.Key.Key_Return)
    assert blocker.args == ["pain", {"left": [], "right": ["calf"]}]
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "pain.right.calf"  # the new mark, reachable by keyboard
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "pain.left"
    qtbot.keyClicks(focused(), "whole")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(focused(), "butt")
    press(qtbot, Qt.Key.Key_Return)
    assert form.answers()["pain"] == {"left": ["buttock", "whole_foot"], "right": ["calf"]}
    chips = form.editor("pain").chip_buttons()
    assert [chip.accessibleName() for chip in chips] == ["Right: Calf", "Left: Buttock", "Left: Whole foot"]
    # The marks can be reached and taken away by keyboard: they follow their side's box in the Tab order.
    control(form, "pain.right").setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "pain.right.calf"
    press(qtbot, Qt.Key.Key_Delete)
    assert form.answers()["pain"] == {"left": ["buttock", "whole_foot"]}


def test_a_region_chip_removes_its_mark_when_clicked(form: IntakeForm, qtbot: Any) -> None:
    """Finding: clicking a region's check box square did nothing yet marked the intake changed."""
    form.show_section("where")
    form.set_regions("numbness", {"left": ["heel"], "right": []})
    seen = changes(form)
    chip = form.findChild(QWidget, "numbness.left.heel")
    assert chip is not None
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert "numbness" not in form.answers()
    assert len(seen) == 1


def test_marking_a_region_keeps_the_chips_already_shown(form: IntakeForm, qtbot: Any) -> None:
    """Finding (issue 14): every change deleted and rebuilt all the region chips, each polished and laid out
    again, most of the time a click on the map took. The chips that stay are the same widgets now."""
    form.show_section("where")
    editor = form.editor("pain")
    form.set_regions("pain", {"right": ["heel"], "left": ["calf"]})
    heel, calf = control(form, "pain.right.heel"), control(form, "pain.left.calf")
    form.set_regions("pain", {"right": ["calf", "heel"], "left": ["calf"]})
    assert control(form, "pain.right.heel") is heel and control(form, "pain.left.calf") is calf
    new = control(form, "pain.right.calf")
    # Placed in reading order among the chips that stayed: right before left, regions in the map's order.
    assert [chip.accessibleName() for chip in editor.chip_buttons()] == ["Right: Calf", "Right: Heel", "Left: Calf"]
    placed = editor.chips_box.items()
    assert placed[1:] == [new, heel, calf]
    qtbot.waitUntil(lambda: new.isVisible() and new.geometry().right() < heel.geometry().left())
    form.set_regions("pain", {"right": ["heel"], "left": ["calf"]})
    assert editor.chip_buttons() == [heel, calf] and new.isHidden()
    qtbot.waitUntil(lambda: not shiboken6.isValid(new))  # deleted when the event loop runs


def test_the_region_chip_style_applies_to_the_chips(form: IntakeForm, qtbot: Any) -> None:
    """Finding: each chip's object name (which mark it is) replaced "regionChip", so the chip rule of the
    style sheet never applied and the chips looked like plain buttons."""
    form.setStyleSheet(FOCUS_STYLE)
    form.show_section("where")
    form.set_regions("pain", {"right": ["heel"], "left": []})
    chip = control(form, "pain.right.heel")
    qtbot.waitUntil(chip.isVisible)
    picture = chip.grab().toImage()
    assert picture.pixelColor(4 * picture.width() // chip.width(), picture.height() // 2).name() == "#eef3f8"


def test_a_typed_name_that_is_no_region_adds_nothing(form: IntakeForm, qtbot: Any) -> None:
    form.show_section("where")
    seen = changes(form)
    adder = control(form, "tingling.right")
    adder.setFocus()
    qtbot.keyClicks(adder, "elbow")
    press(qtbot, Qt.Key.Key_Return)
    assert "tingling" not in form.answers() and seen == []


def test_per_side_choice_shows_right_before_left_and_stores_left_right_keys(form: IntakeForm, qtbot: Any) -> None:
    form.show_section("where")
    right = control(form, "radiates_to.right=none")
    left = control(form, "radiates_to.left=none")
    assert right.mapTo(form, QPoint(0, 0)).y() < left.mapTo(form, QPoint(0, 0)).y()
    right.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Right, 4)
    assert form.answers()["radiates_to"] == {"right": "foot"}
    control(form, "radiates_to.left=buttock").click()
    assert form.answers()["radiates_to"] == {"left": "buttock", "right": "foot"}
    left.setFocus()
    press(qtbot, Qt.Key.Key_Delete)  # clears that side only
    assert form.answers()["radiates_to"] == {"right": "foot"}


# --- conditional questions -------------------------------------------------------------------------


def test_weakness_course_is_asked_for_each_side_with_weakness(form: IntakeForm, qtbot: Any) -> None:
    form.show_section("where")
    course = form.row("weakness_course")
    assert not course.isVisible()
    control(form, "weakness.left=foot_drop").click()
    assert course.isVisible()
    assert control(form, "weakness_course.left=worsening").isVisible()
    assert not control(form, "weakness_course.right=worsening").isVisible()  # no weakness on the right
    control(form, "weakness_course.left=worsening").click()
    assert form.answers()["weakness_course"] == {"left": "worsening"}

    control(form, "weakness.left=none").click()
    assert not course.isVisible()
    assert "weakness_course" not in form.answers()
    assert form.answers()["weakness"] == {"left": "none"}


def test_other_weakness_and_multiline_text_are_kept(form: IntakeForm, qtbot: Any) -> None:
    control(form, "weakness.right=other").click()
    other = control(form, "weakness_other.right")
    assert isinstance(other, QLineEdit)
    form.focus_field("weakness_other.right")
    qtbot.keyClicks(other, "Toes curl")
    medicines = control(form, "current_medicines")
    form.focus_field("current_medicines")
    qtbot.keyClicks(medicines, "Aspirin")
    qtbot.keyClick(medicines, Qt.Key.Key_Return)
    qtbot.keyClicks(medicines, "Ramipril")
    answers = form.answers()
    assert answers["weakness_other"] == {"right": "Toes curl"}
    assert answers["current_medicines"] == "Aspirin\nRamipril"
    control(form, "weakness.right=none").click()
    assert "weakness_other" not in form.answers()


def test_a_hidden_answer_is_left_out_but_comes_back_when_its_question_does(form: IntakeForm, qtbot: Any) -> None:
    form.show_section("back")
    control(form, "back_surgery=fusion").click()
    months = control(form, "back_surgery_months_ago")
    months.setFocus()
    qtbot.keyClicks(months, "30")
    assert form.answers()["back_surgery_months_ago"] == 30
    control(form, "back_surgery=none").click()
    assert not months.isVisible()
    assert "back_surgery_months_ago" not in form.answers()
    control(form, "back_surgery=decompression").click()
    assert form.answers()["back_surgery_months_ago"] == 30


# --- the document shape ----------------------------------------------------------------------------


def test_set_answers_then_answers_gives_back_the_full_answer_set(form: IntakeForm) -> None:
    form.set_answers(copy.deepcopy(FULL_ANSWERS))
    answers = form.answers()
    assert answers == FULL_ANSWERS
    assert list(answers) == [q.id for q in QUESTIONNAIRE.answer_questions]  # questionnaire order
    form.show_section("safety")
    assert control(form, "rf_cancer_history=yes").isChecked()
    form.show_section("where")
    assert form.row("weakness_course").isVisible()


def test_answers_from_the_form_are_a_valid_intake_document(form: IntakeForm) -> None:
    form.set_answers(copy.deepcopy(FULL_ANSWERS))
    visit = dt.date(2024, 5, 2)
    document = {
        "format": "intake-document/1", "questionnaire": QUESTIONNAIRE.ref,
        "patient": {"family_name": "Samplewood", "given_name": "Robin", "date_of_birth": "1972-01-10",
                    "sex": "other", "phone": "", "mrn": ""},
        "visit_date": visit.isoformat(), "answers": form.answers(),
    }
    parsed = parse_document(document, today=visit)
    assert dict(parsed.answers) == form.answers()


def test_lists_come_back_in_vocabulary_order(form: IntakeForm) -> None:
    form.set_answers({"tingling": {"right": ["big_toe", "buttock", "heel"]}, "worse_with": ["walking", "sitting"]})
    answers = form.answers()
    assert answers["tingling"] == {"right": ["buttock", "heel", "big_toe"]}
    assert answers["worse_with"] == ["sitting", "walking"]


def test_untouched_red_flags_are_unknown_and_show_not_asked(form: IntakeForm) -> None:
    assert form.answers() == {rf: "unknown" for rf in RED_FLAGS}
    form.show_section("safety")
    for rf in RED_FLAGS:
        not_asked = control(form, f"{rf}=unknown")
        assert isinstance(not_asked, QRadioButton)
        assert not_asked.text() == "Not asked"
        assert not_asked.isChecked()
    assert form.row("diabetes").badge is None
    # Finding: all 11 safety questions wore a red badge, dulling the real alarm. Only fired ones do now.
    assert not any(form.row(rf).is_fired() for rf in RED_FLAGS)
    assert all(form.row(rf).badge is not None and not form.row(rf).badge.isVisible() for rf in RED_FLAGS)
    form.mark_fired({"rf_cancer_history"})
    assert form.row("rf_cancer_history").badge.isVisible()
    assert form.fired_fields() == ["rf_cancer_history"]


def test_delete_takes_a_red_flag_back_to_not_asked_and_clears_other_choices(form: IntakeForm, qtbot: Any) -> None:
    form.show_section("safety")
    control(form, "rf_fever_or_unwell=yes").setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert form.answers()["rf_fever_or_unwell"] == "yes"
    press(qtbot, Qt.Key.Key_Delete)
    assert form.answers()["rf_fever_or_unwell"] == "unknown"
    form.show_section("health")
    control(form, "smoker=no").setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert form.answers()["smoker"] == "no"
    press(qtbot, Qt.Key.Key_Delete)
    assert "smoker" not in form.answers()


def test_set_answers_empties_questions_it_does_not_mention(form: IntakeForm) -> None:
    form.set_answers(copy.deepcopy(FULL_ANSWERS))
    form.set_answers({"age_years": 30})
    assert form.answers() == {"age_years": 30, **{rf: "unknown" for rf in RED_FLAGS}}


def test_set_answers_refuses_values_the_form_cannot_show_and_changes_nothing(form: IntakeForm) -> None:
    form.set_answers({"onset": "sudden"})
    with pytest.raises(InvalidInput) as caught:
        form.set_answers({"onset": "gradual", "pain": {"left": ["elbow"]}, "shoe_size": 9})
    assert [field for field, _ in caught.value.problems] == ["answers.pain", "answers.shoe_size"]
    assert form.answers()["onset"] == "sudden"


def test_exclusive_none_in_back_conditions_clears_the_others_and_vice_versa(form: IntakeForm, qtbot: Any) -> None:
    form.show_section("back")
    disc = control(form, "back_conditions=herniated_disc")
    stenosis = control(form, "back_conditions=spinal_stenosis")
    none = control(form, "back_conditions=none")
    qtbot.mouseClick(disc, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(stenosis, Qt.MouseButton.LeftButton)
    assert form.answers()["back_conditions"] == ["herniated_disc", "spinal_stenosis"]
    seen = changes(form)
    qtbot.mouseClick(none, Qt.MouseButton.LeftButton)
    assert form.answers()["back_conditions"] == ["none"]
    assert isinstance(disc, QCheckBox) and not disc.isChecked()
    assert len(seen) == 1
    disc.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert form.answers()["back_conditions"] == ["herniated_disc"]
    assert isinstance(none, QCheckBox) and not none.isChecked()


# --- numbers ---------------------------------------------------------------------------------------


def test_an_empty_number_is_absent_not_zero(form: IntakeForm, qtbot: Any) -> None:
    age = control(form, "age_years")
    assert isinstance(age, QLineEdit)
    assert "age_years" not in form.answers()
    age.setFocus()
    qtbot.keyClicks(age, "47")
    assert form.answers()["age_years"] == 47
    press(qtbot, Qt.Key.Key_Backspace, 2)
    assert age.text() == ""
    assert "age_years" not in form.answers()
    qtbot.keyClicks(age, "0")
    assert form.answers()["age_years"] == 0


def test_a_number_out_of_range_is_explained_beside_the_field_and_not_stored(form: IntakeForm, qtbot: Any) -> None:
    age = control(form, "age_years")
    age.setFocus()
    qtbot.keyClicks(age, "130")
    message = form.row("age_years").problem
    assert message.isVisible()
    assert message.text() == "Enter a whole number from 0 to 120"
    assert "age_years" not in form.answers()
    assert form.problems() == [("answers.age_years", "Enter a whole number from 0 to 120")]
    press(qtbot, Qt.Key.Key_Backspace)
    assert not message.isVisible()
    assert form.answers()["age_years"] == 13
    assert form.problems() == []


def test_letters_cannot_be_typed_into_a_number(form: IntakeForm, qtbot: Any) -> None:
    age = control(form, "age_years")
    age.setFocus()
    qtbot.keyClicks(age, "4x2-")
    assert form.answers()["age_years"] == 42


# --- problems --------------------------------------------------------------------------------------


def test_show_problems_puts_each_message_beside_its_field(form: IntakeForm, qtbot: Any) -> None:
    shown = form.show_problems([
        ("answers.age_years", "is required"),
        ("answers.pain.left", "'elbow' is not a known region"),
        ("patient.family_name", "is required"),
    ])
    assert shown == [("answers.age_years", "is required"), ("answers.pain.left", "'elbow' is not a known region")]
    assert form.problem_text("age_years") == "Is required"
    assert form.problem_text("pain") == "Left: 'elbow' is not a known region"
    assert form.problem_text("onset") == ""

    form.show_section("patient")
    age_row = form.row("age_years")
    assert age_row.problem.isVisible()
    editor_bottom = age_row.editor.geometry().bottom()
    assert 0 <= age_row.problem.geometry().top() - editor_bottom < 20  # right under the box
    assert "Is required" in control(form, "age_years").accessibleDescription()
    warning_marked = [bool(form.nav.item(i).data(Qt.ItemDataRole.UserRole + 1)) for i in range(form.nav.count())]
    assert warning_marked == [True, True, False, False, False, False, False]

    control(form, "age_years").setFocus()
    qtbot.keyClicks(focused(), "9")  # answering clears that field's complaint only
    assert form.problem_text("age_years") == ""
    assert form.problem_text("pain") != ""
    form.clear_problems()
    assert form.problem_text("pain") == ""


def test_loading_other_answers_clears_problems_shown_for_the_previous_ones(form: IntakeForm) -> None:
    form.show_problems([("answers.onset", "'slow' is not one of sudden, gradual, after_injury")])
    assert form.problem_text("onset") != ""
    form.set_answers({"onset": "sudden"})
    assert form.problem_text("onset") == ""
    assert not any(form.nav.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(form.nav.count()))


def test_focus_field_shows_the_section_scrolls_and_focuses(form: IntakeForm, qtbot: Any) -> None:
    with qtbot.waitSignal(form.sectionChanged) as blocker:
        assert form.focus_field("answers.rf_osteoporosis_or_steroids")
    assert blocker.args == ["safety"]
    target = control(form, "rf_osteoporosis_or_steroids=unknown")
    assert focused() is target
    page = form.page("safety")
    assert page.verticalScrollBar().value() > 0
    top_in_viewport = target.mapTo(page.viewport(), QPoint(0, 0)).y()
    assert 0 <= top_in_viewport <= page.viewport().height() - target.height()

    assert form.focus_field("answers.tingling.left")
    assert focused() is control(form, "tingling.left")
    assert not form.focus_field("weakness_course")  # not shown while there is no weakness


# --- signals ---------------------------------------------------------------------------------------


def test_answers_changed_fires_once_per_change_and_never_while_loading(form: IntakeForm, qtbot: Any) -> None:
    seen = changes(form)
    form.set_answers(copy.deepcopy(FULL_ANSWERS))
    form.set_answers({})
    assert seen == []

    form.show_section("back")
    with qtbot.waitSignal(form.answersChanged):
        control(form, "leg_vs_back=leg_worse").click()
    with qtbot.waitSignal(form.answersChanged):
        control(form, "leg_vs_back=about_equal").click()  # one button unticks, one ticks: one change
    control(form, "leg_vs_back=about_equal").click()  # choosing the same answer again changes nothing
    assert len(seen) == 2

    form.show_section("where")
    control(form, "radiates_to.right=none").setFocus()
    with qtbot.waitSignal(form.answersChanged):
        press(qtbot, Qt.Key.Key_Space)
    with qtbot.waitSignal(form.answersChanged):
        press(qtbot, Qt.Key.Key_Down)
    assert len(seen) == 4


def test_set_regions_from_the_map_changes_answers_once_without_echoing_to_the_map(
    form: IntakeForm, qtbot: Any
) -> None:
    seen = changes(form)
    echoed: list[Any] = []
    form.regions_changed.connect(lambda *args: echoed.append(args))
    with qtbot.waitSignal(form.answersChanged):
        form.set_regions("pain", {"left": ["heel", "arch"], "right": []})
    assert form.answers()["pain"] == {"left": ["heel", "arch"]}
    form.set_regions("pain", {"left": ["arch", "heel"]})  # the same regions: nothing changed
    assert len(seen) == 1
    assert echoed == []
    with pytest.raises(KeyError):
        form.set_regions("onset", {"left": ["heel"]})


def test_section_changed_is_emitted_when_the_user_moves_to_another_section(form: IntakeForm, qtbot: Any) -> None:
    form.nav.setFocus()
    with qtbot.waitSignal(form.sectionChanged) as blocker:
        press(qtbot, Qt.Key.Key_Down)
    assert blocker.args == ["where"]
    next_button = form.page("where").findChild(QPushButton, "nextSection")
    with qtbot.waitSignal(form.sectionChanged) as blocker:
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["behaviour"]
    assert form.current_section() == "behaviour"
    assert focused() is control(form, "pain_score_0_10")


# --- accessibility, layout, speed ------------------------------------------------------------------


def test_controls_carry_the_question_wording_and_help_for_screen_readers(form: IntakeForm) -> None:
    age_row = form.row("age_years")
    assert age_row.label.buddy() is control(form, "age_years")
    assert control(form, "age_years").accessibleName() == "Age"
    assert "Age in whole years on the day of the visit." in control(form, "age_years").accessibleDescription()
    assert age_row.label.accessibleDescription() == "required"
    assert "*" in age_row.label.text()
    assert "*" not in form.row("onset").label.text()
    assert control(form, "pain.right").accessibleName() == "Where is the pain? (Right)"
    gradual = control(form, "onset=gradual")
    assert gradual.accessibleName() == "Gradually"
    assert gradual.accessibleDescription().startswith("How did it start?")
    assert "Red-flag question" in control(form, "rf_cancer_history=yes").accessibleDescription()
    for question in QUESTIONNAIRE.answer_questions:
        for widget in form.editor(question.id).controls():
            assert widget.accessibleName(), question.id


def test_every_section_fits_700_px_without_sideways_scrolling(form: IntakeForm, qtbot: Any) -> None:
    form.set_answers(copy.deepcopy(FULL_ANSWERS))  # every conditional question shown
    for section_id in form.section_ids():
        form.show_section(section_id)
        page = form.page(section_id)
        qtbot.waitUntil(lambda page=page: page.widget().width() > 0)
        assert page.horizontalScrollBar().maximum() == 0, section_id
        assert page.widget().minimumSizeHint().width() <= page.viewport().width(), section_id
