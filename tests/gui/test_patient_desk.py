"""Patient mode from the desk (issue 16): started on the selected draft, the patient's answers saved as
that draft with who entered them, the desk's urgent banner at a "yes" to a safety question, and leaving
only after a real staff sign-in checked by the services."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from intake_app.access.passwords import Secret
from intake_app.gui.main_window import MainWindow
from tests.gui.patient.helpers import answer, default_answer, question_page, touch, walk
from tests.gui.patient.test_walk import PLAN
from tests.gui.scripted import ScriptedChooser
from tests.gui.staff import PASSWORD, open_clinic
from tests.gui.test_front_desk import open_window, seeded_url, settle, start_intake  # noqa: F401 (fixture)

WAIT_MS = 10000


class Asker:
    """The staff sign-in prompt: answers from a list (None: Cancel); the refusal shown each time."""

    def __init__(self, *answers: tuple[str, str] | None) -> None:
        self.answers = list(answers)
        self.refusals: list[str] = []

    def __call__(self, _parent: QWidget, refusal: str) -> tuple[str, Secret] | None:
        self.refusals.append(refusal)
        entry = self.answers.pop(0) if self.answers else None
        return None if entry is None else (entry[0], Secret(entry[1]))


def patient_mode(qtbot: QtBot, window: MainWindow, search: str = "Abbott") -> tuple[int, Any]:
    """A new draft for the first patient found, then File > Patient answers on it."""
    page = start_intake(qtbot, window, search)
    intake_id = page.record.id
    assert window.act_patient_answers.isVisible()
    with qtbot.waitSignal(window.patient_desk.started, timeout=WAIT_MS) as started:
        window.act_patient_answers.trigger()
    mode = started.args[0]
    qtbot.waitExposed(mode)
    assert mode.isFullScreen()
    return intake_id, mode


def leave(qtbot: QtBot, window: MainWindow, mode: Any, user: str = "desk") -> None:
    window.patient_desk.ask = Asker((user, PASSWORD))
    with qtbot.waitSignal(window.patient_desk.ended, timeout=WAIT_MS):
        mode.close()


def stored(url: str, intake_id: int) -> Any:
    clinic = open_clinic(url, "doctor")
    try:
        return clinic.intake(intake_id)
    finally:
        clinic.close()


def test_the_patient_answers_from_the_desk_and_the_draft_says_who_entered_each_answer(
        qtbot: QtBot, seeded_url: str) -> None:  # noqa: F811
    window = open_window(qtbot, seeded_url, user="desk")
    assert window.patient_answers_button.isVisible()
    intake_id, mode = patient_mode(qtbot, window)
    result = walk(qtbot, mode, "en", PLAN)
    assert result.finished
    record = stored(seeded_url, intake_id)
    assert record.status == "draft"
    assert record.document.answers["pain"] == {"right": ["heel", "sole"], "left": ["calf"]}
    entered = dict(record.document.entered_by)
    assert entered["pain"] == entered["rf_cancer_history"] == entered["current_medicines"] == "patient"
    assert entered.get("age_years") != "patient"  # the desk's (from the date of birth), not the patient's
    leave(qtbot, window, mode)

    # The desk reviews the draft and changes one answer: that one is the desk's, the rest stay the patient's.
    with qtbot.waitSignal(window.intake_opened, timeout=WAIT_MS):
        window.open_intake(intake_id)
    page = window.intake_page
    assert page is not None and page.form.answers()["current_medicines"] == "Ibuprofen"
    page.form.set_regions("pain", {"right": ["heel"], "left": ["calf"]})
    with qtbot.waitSignal(page.saved, timeout=WAIT_MS):
        page.save()
    entered = dict(stored(seeded_url, intake_id).document.entered_by)
    assert entered["pain"] == "staff"
    assert entered["current_medicines"] == entered["rf_cancer_history"] == "patient"


def test_leaving_patient_mode_needs_a_real_staff_sign_in(qtbot: QtBot, seeded_url: str) -> None:  # noqa: F811
    window = open_window(qtbot, seeded_url, user="desk")
    _intake_id, mode = patient_mode(qtbot, window)
    # Cancelled, then a wrong password: patient mode stays.
    window.patient_desk.ask = Asker(None)
    mode.close()
    assert mode.isVisible()
    asker = Asker(("desk", "not the password"), None)
    window.patient_desk.ask = asker
    mode.close()
    assert mode.isVisible()
    assert asker.refusals[0] == "" and asker.refusals[1]  # the refusal is shown on the next try
    assert "password" in asker.refusals[1].lower()
    # The Staff button with a clinician's own password: the desk now works as the clinician.
    window.patient_desk.ask = Asker(("doctor", PASSWORD))
    mode.staff_requested()
    assert mode.page_kind() == "staff"
    assert window.session.actor is not None and window.session.actor.name == "doctor"
    with qtbot.waitSignal(window.patient_desk.ended, timeout=WAIT_MS):
        touch(qtbot, mode.page().buttons[1])  # Leave patient mode
    assert window.patient_desk.mode is None
    assert window.act_outcomes.isVisible()  # the clinician's menu


def test_a_front_desk_password_ends_patient_mode(qtbot: QtBot, seeded_url: str) -> None:  # noqa: F811
    window = open_window(qtbot, seeded_url, user="desk")
    _intake_id, mode = patient_mode(qtbot, window)
    leave(qtbot, window, mode, "desk")
    assert window.patient_desk.mode is None
    assert window.session.actor is not None and window.session.actor.name == "desk"


def test_a_yes_to_a_safety_question_shows_the_desk_banner_at_once(qtbot: QtBot, seeded_url: str) -> None:  # noqa: F811
    window = open_window(qtbot, seeded_url, user="desk")
    intake_id, mode = patient_mode(qtbot, window)
    assert not window.patient_desk.banner.isVisible()
    touch(qtbot, mode.page().buttons["en"])
    while question_page(mode).step.question.id != "rf_saddle_numbness":
        page = question_page(mode)
        if mode.flow.needs_answer(page.step):
            answer(qtbot, page, default_answer(page))
        touch(qtbot, mode.next_button)
        if mode.page_kind() != "question":
            raise AssertionError(f"the saddle question never came ({mode.page_kind()})")
    with qtbot.waitSignal(window.patient_desk.red_flag, timeout=WAIT_MS) as flagged:
        saddle = question_page(mode)
        positive = next(o.value for o in saddle.step.question.options if o.value not in ("no", "unknown"))
        answer(qtbot, saddle, positive)
    assert flagged.args[0] == intake_id
    banner = window.patient_desk.banner
    assert banner.isVisibleTo(window)
    assert "URGENT" in banner.text.text() and "Abbott" in banner.text.text()
    assert "rf_" not in banner.text.text()
    # Saved at once: the day list (this and every other desk) shows the urgent draft first.
    with qtbot.waitSignal(window.today.refreshed, timeout=WAIT_MS):
        window.today.refresh()
    assert window.today.rows[0].id == intake_id and window.today.rows[0].level == "urgent"
    # The banner opens the intake at the desk (the patient carries on).
    with qtbot.waitSignal(window.intake_opened, timeout=WAIT_MS):
        qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    leave(qtbot, window, mode)


def test_a_version_1_draft_is_refused_in_plain_words(qtbot: QtBot, seeded_url: str) -> None:  # noqa: F811
    chooser = ScriptedChooser()
    window = open_window(qtbot, seeded_url, user="desk", chooser=chooser)
    page = start_intake(qtbot, window, "Abbott")
    record = page.record
    v1 = dataclasses.replace(record, document=dataclasses.replace(record.document, questionnaire="foot-leg-intake/1"))
    why = window.patient_desk.refusal(v1)
    assert why is not None and "version 2" in why and "foot-leg-intake" not in why
    assert window.patient_desk.refusal(record) is None
    settle(qtbot, page)
