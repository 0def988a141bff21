"""Safety questions in patient mode, and leaving it only with a staff sign-in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from intake_app.gui.patient import PatientMode
from tests.gui.patient.helpers import WAIT_MS, Desk, close_for_good, open_mode, question_page, touch

FRIGHTENING = ("emergency", "urgent", "danger", "serious", "cancer", "warning", "alarm", "red flag",
               "urgencia", "peligro", "grave", "alarma")


def to_step(qtbot: QtBot, mode: PatientMode, language: str, key: str) -> None:
    touch(qtbot, mode.page().buttons[language])  # type: ignore[attr-defined]
    index = mode.flow.index_of(key)
    assert index is not None
    mode._show_step(index)  # noqa: SLF001 - as after pressing Next on the pages before
    assert question_page(mode).step.key == key


def page_words(mode: PatientMode) -> str:
    return "\n".join(label.text() for label in mode.page().findChildren(QLabel)).lower()


def test_a_safety_question_needs_an_answer_or_i_dont_know(qtbot: QtBot) -> None:
    desk = Desk()
    mode = open_mode(qtbot, desk)
    to_step(qtbot, mode, "en", "rf_night_pain_constant")
    page = question_page(mode)
    assert not mode.next_button.isEnabled()
    qtbot.keyClick(mode.next_button, Qt.Key.Key_Return)  # Enter does not skip it either
    assert question_page(mode).step.key == "rf_night_pain_constant"
    captions = [b.caption() for b in page.control.buttons()]
    assert captions == ["Yes", "No", "I don't know"]
    assert page.question_label.text() == "At night, is the pain there all the time, whatever position you lie in?"
    touch(qtbot, page.control.button("unknown"))
    assert mode.next_button.isEnabled()
    assert mode.result().answers["rf_night_pain_constant"] == "unknown"
    touch(qtbot, mode.next_button)
    assert question_page(mode).step.key == "rf_osteoporosis_or_steroids"
    close_for_good(mode, desk)


def test_a_positive_red_flag_reaches_the_desk_at_once_and_the_patient_sees_a_calm_page(qtbot: QtBot) -> None:
    desk = Desk()
    mode = open_mode(qtbot, desk)
    to_step(qtbot, mode, "es", "rf_bladder_change")
    page = question_page(mode)
    with qtbot.waitSignal(mode.redFlagAnswered, timeout=WAIT_MS) as signal:
        touch(qtbot, page.control.button("new"))
    assert signal.args == ["rf_bladder_change", "new"]
    assert mode.page_kind() == "question"  # well before the end
    touch(qtbot, mode.next_button)
    assert mode.page_kind() == "tell_desk"
    words = page_words(mode)
    assert "avise ahora en recepción" in words
    assert not [w for w in FRIGHTENING if w in words]
    touch(qtbot, mode.page().buttons[0])  # type: ignore[attr-defined]
    assert question_page(mode).step.key == "rf_bowel_change"
    assert mode.flow.index_of("new_symptom_started") is not None  # asked now that an answer is "new"
    close_for_good(mode, desk)


def test_on_a_second_screen_the_desk_is_told_without_a_page_for_the_patient(qtbot: QtBot) -> None:
    desk = Desk()
    mode = open_mode(qtbot, desk, single_screen=False)
    to_step(qtbot, mode, "en", "rf_cancer_history")
    with qtbot.waitSignal(mode.redFlagAnswered, timeout=WAIT_MS):
        touch(qtbot, question_page(mode).control.button("yes"))
    touch(qtbot, mode.next_button)
    assert question_page(mode).step.key == "rf_weight_loss_unexplained"
    close_for_good(mode, desk)


def test_no_and_i_dont_know_do_not_signal(qtbot: QtBot) -> None:
    desk = Desk()
    mode = open_mode(qtbot, desk)
    to_step(qtbot, mode, "en", "rf_saddle_numbness")
    with qtbot.assertNotEmitted(mode.redFlagAnswered):
        touch(qtbot, question_page(mode).control.button("no"))
        touch(qtbot, question_page(mode).control.button("unknown"))
    close_for_good(mode, desk)


def test_leaving_needs_a_staff_sign_in(qtbot: QtBot) -> None:
    desk = Desk(sign_in_ok=False)
    mode = open_mode(qtbot, desk)
    to_step(qtbot, mode, "en", "pain")
    assert mode.close() is False  # Alt+F4 and the window's close button end here
    assert mode.isVisible() and desk.sign_ins == 1
    qtbot.keyClick(mode, Qt.Key.Key_Escape)
    assert mode.isVisible() and mode.page_kind() == "question"
    touch(qtbot, mode.staff_button)  # refused: the patient's page stays
    assert desk.sign_ins == 2 and mode.page_kind() == "question"
    assert desk.saved == []
    desk.sign_in_ok = True
    touch(qtbot, mode.staff_button)
    assert mode.page_kind() == "staff"
    assert "pain" not in page_words(mode)
    with qtbot.waitSignal(mode.left, timeout=WAIT_MS):
        touch(qtbot, mode.page().buttons[1])  # type: ignore[attr-defined]
    assert not mode.isVisible()
    assert len(desk.saved) == 1 and not desk.saved[0].finished


def test_staff_can_hand_back_to_the_patient(qtbot: QtBot) -> None:
    desk = Desk(sign_in_ok=True)
    mode = open_mode(qtbot, desk)
    to_step(qtbot, mode, "en", "onset")
    touch(qtbot, mode.staff_button)
    touch(qtbot, mode.page().buttons[0])  # type: ignore[attr-defined]
    assert question_page(mode).step.key == "onset"
    close_for_good(mode, desk)


def test_staff_hand_back_after_the_tell_desk_page_returns_to_the_questions(qtbot: QtBot) -> None:
    desk = Desk(sign_in_ok=True)
    mode = open_mode(qtbot, desk)
    to_step(qtbot, mode, "en", "rf_fever_or_unwell")
    touch(qtbot, question_page(mode).control.button("yes"))
    touch(qtbot, mode.next_button)
    assert mode.page_kind() == "tell_desk"
    touch(qtbot, mode.staff_button)
    touch(qtbot, mode.page().buttons[0])  # type: ignore[attr-defined]
    assert question_page(mode).step.key == "rf_fever_or_unwell"
    assert mode.result().answers["rf_fever_or_unwell"] == "yes"
    close_for_good(mode, desk)
