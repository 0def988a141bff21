"""Outcomes at the desk (issue 17): the clinicians' Outcomes page from the menu, "Record outcome..." from the
patient's intake history, and the "Outcome due" list on Today that clears once the outcome is recorded; a
front-desk account sees none of it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from intake_app.storage.database import close_engine, create_database_engine
from tests.gui.test_front_desk import open_window, seeded_url  # noqa: F401 (fixture)
from tests.outcomes.conftest import LIKELY, add_intake

WAIT_MS = 10000


def referred_weeks_ago(url: str, weeks: int) -> int:
    """A completed "spinal origin likely" intake of a made-up patient (Testperson, Sam), `weeks` ago."""
    engine = create_database_engine(url)
    try:
        return add_intake(engine, LIKELY, dt.datetime.now(dt.UTC) - dt.timedelta(weeks=weeks))
    finally:
        close_engine(engine)


def today_shown(qtbot: QtBot, window: Any) -> None:
    with qtbot.waitSignal(window.today.refreshed, timeout=WAIT_MS):
        window.show_today()


def test_a_clinician_records_an_outcome_from_the_intake_history_and_the_due_list_clears(
        qtbot: QtBot, seeded_url: str) -> None:  # noqa: F811
    intake_id = referred_weeks_ago(seeded_url, 8)
    window = open_window(qtbot, seeded_url, user="doctor")
    today_shown(qtbot, window)
    today = window.today
    assert [entry.intake_id for entry in today.due] == [intake_id]
    assert today.due_table.isVisibleTo(window) and "Outcome due" in today.due_title.text()
    assert today.due_table.item(0, 3).text() == "Spinal origin likely"

    # From the patient's intake history.
    window.home_tabs.setCurrentWidget(window.patients)
    with qtbot.waitSignal(window.patients.search_finished, timeout=WAIT_MS):
        window.patients.search_now("Testperson")
    window.patients.table.selectRow(0)
    qtbot.waitUntil(lambda: window.patients.intakes.rowCount() == 1, timeout=WAIT_MS)
    window.patients.intakes.selectRow(0)
    assert window.record_outcome_button.isVisible()
    qtbot.mouseClick(window.record_outcome_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(window, "outcome_dialog", None) is not None
                    and window.outcome_dialog.isVisible(), timeout=WAIT_MS)
    dialog = window.outcome_dialog
    assert dialog.intake_id == intake_id and dialog.current is None
    dialog.finding_buttons["spinal_confirmed"].setChecked(True)
    dialog.seen_by.setText("Ms Example, spinal surgeon")
    with qtbot.waitSignal(window.today.refreshed, timeout=WAIT_MS), \
            qtbot.waitSignal(dialog.recorded, timeout=WAIT_MS):
        dialog.save()
    assert today.due == [] and not today.due_table.isVisibleTo(window)

    # Recording again corrects the current outcome (the dialog opens on it).
    window.record_outcome(intake_id)
    qtbot.waitUntil(lambda: window.outcome_dialog is not dialog and window.outcome_dialog.isVisible(),
                    timeout=WAIT_MS)
    assert window.outcome_dialog.current is not None
    window.outcome_dialog.reject()


def test_the_due_list_records_an_outcome_and_the_outcomes_page_opens_from_the_menu(
        qtbot: QtBot, seeded_url: str) -> None:  # noqa: F811
    intake_id = referred_weeks_ago(seeded_url, 7)
    window = open_window(qtbot, seeded_url, user="doctor")
    today_shown(qtbot, window)
    window.today.due_table.selectRow(0)
    qtbot.mouseClick(window.today.record_due_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(window, "outcome_dialog", None) is not None
                    and window.outcome_dialog.isVisible(), timeout=WAIT_MS)
    assert window.outcome_dialog.intake_id == intake_id
    window.outcome_dialog.finding_buttons["not_spinal"].setChecked(True)
    with qtbot.waitSignal(window.today.refreshed, timeout=WAIT_MS):
        window.outcome_dialog.save()
    assert window.today.due == []

    assert window.act_outcomes.isVisible()
    window.act_outcomes.trigger()  # built on first use; its figures are read in the background
    page = window.outcomes_page
    assert page is not None
    qtbot.waitUntil(lambda: page.report is not None, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.outcomes_holder
    assert page.levels_table.rowCount() > 0
    window.show_today()  # the menu takes the desk back to its lists
    assert window.stack.currentWidget() is window.patients_page


def test_a_front_desk_account_sees_no_outcomes(qtbot: QtBot, seeded_url: str) -> None:  # noqa: F811
    referred_weeks_ago(seeded_url, 8)
    window = open_window(qtbot, seeded_url, user="desk")
    today_shown(qtbot, window)
    assert window.today.due == [] and not window.today.due_table.isVisibleTo(window)
    assert not window.act_outcomes.isVisible() and not window.act_outcomes.isEnabled()
    assert not window.act_record_outcome.isVisible()
    assert not window.record_outcome_button.isVisible()
    assert window.outcomes_page is None
    assert window.patient_answers_button.isVisible()  # patient mode is the front desk's too
