"""The front-desk window driven as a user would: search, register, take an intake, act on a red flag,
save without losing work, recover after a crash. Offscreen; waits on signals, never on fixed sleeps."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from intake_app.domain import Patient
from intake_app.gui import crash
from intake_app.gui.app import build_window, create_application
from intake_app.gui.main_window import MainWindow
from intake_app.recovery import RecoveryJournal
from intake_app.settings import Settings
from tests.gui.scripted import ScriptedChooser
from tests.gui.staff import PASSWORD, fast_passwords, open_clinic, sign_in

pytestmark = pytest.mark.gui


@pytest.fixture
def chooser() -> ScriptedChooser:
    """Dialogs never block: the window asks this chooser, which answers from lists and records."""
    return ScriptedChooser()


@pytest.fixture
def scripted_dialogs(chooser: ScriptedChooser) -> Iterator[list[str]]:
    """The answers to message boxes, in order (the default button when it runs out)."""
    yield chooser.answers


@pytest.fixture
def seeded_url(staffed_url: str) -> str:
    """Staff accounts (tests/gui/staff.py) and four patients registered by the front desk."""
    clinic = open_clinic(staffed_url, "desk")
    for family, given, born, mrn in [
        ("Abbott", "Maria", "1961-04-02", "A-100"), ("Abel", "Jonas", "1990-08-09", "A-200"),
        ("Berger", "Anna", "1975-01-30", "B-300"), ("Björk", "Elin", "1983-12-24", "B-400"),
    ]:
        clinic.register_patient(Patient(family, given, dt.date.fromisoformat(born), "female", "", mrn))
    clinic.close()
    return staffed_url


def open_window(qtbot: Any, url: str, journal: RecoveryJournal | None = None,
                chooser: ScriptedChooser | None = None, *, user: str | None = "desk", clock: Any = None,
                settings: Settings | None = None) -> MainWindow:
    """The window on `url`, signed in through its sign-in screen as `user` (None: left at the screen)."""
    create_application()
    window = build_window(url, settings or Settings(autosave_seconds=2), chooser or ScriptedChooser(),
                          clock=clock, clinic_options={"passwords": fast_passwords()})
    if journal is not None:
        window.journal = journal
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.clinic_ready, timeout=10000):
        window.show()
    if user is not None:
        sign_in(qtbot, window, user)
        qtbot.waitUntil(lambda: not window.patients.runner.is_busy, timeout=10000)
    return window


def names_shown(window: MainWindow) -> list[str]:
    return [f"{r.patient.family_name} {r.patient.given_name}" for r in window.patients.model.records]


def start_intake(qtbot: Any, window: MainWindow, search: str) -> Any:
    with qtbot.waitSignal(window.patients.search_finished, timeout=10000):
        window.patients.search_now(search)
    window.patients.table.selectRow(0)
    with qtbot.waitSignal(window.intake_opened, timeout=10000):
        qtbot.mouseClick(window.patients.new_intake_button, Qt.MouseButton.LeftButton)
    return window.intake_page


def choose_sex(dialog: Any, value: str) -> None:
    combo = dialog.editors["sex"]
    combo.setCurrentIndex(combo.findData(value))


def complete_from_review(qtbot: Any, page: Any) -> None:
    """Complete as a person does: Review and complete, then Complete now on the summary page."""
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    assert page.review_is_open()
    qtbot.mouseClick(page.review.complete_button, Qt.MouseButton.LeftButton)


def click(qtbot: Any, widget: QWidget, name: str) -> None:
    target = widget.findChild(QAbstractButton, name)
    assert target is not None, name
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Space)


def settle(qtbot: Any, page: Any) -> None:
    qtbot.waitUntil(lambda: not page.runner.is_busy, timeout=10000)


# --- patients ------------------------------------------------------------------------------------


def test_an_empty_database_shows_a_friendly_empty_state(
    qtbot: Any, staffed_url: str, chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, staffed_url, chooser=chooser)  # staff accounts, no patients yet
    assert window.patients.stack.currentWidget() is window.patients.empty
    assert "No patients yet" in window.patients.empty.text()


def test_typing_a_name_filters_the_list(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    assert names_shown(window) == ["Abbott Maria", "Abel Jonas", "Berger Anna", "Björk Elin"]
    with qtbot.waitSignal(window.patients.search_finished, timeout=10000):
        qtbot.keyClicks(window.patients.search, "ab")
    assert names_shown(window) == ["Abbott Maria", "Abel Jonas"]
    with qtbot.waitSignal(window.patients.search_finished, timeout=10000):
        qtbot.keyClicks(window.patients.search, "e")
    assert names_shown(window) == ["Abel Jonas"]
    with qtbot.waitSignal(window.patients.search_finished, timeout=10000):
        window.patients.search.setText("bjork")  # accents folded
    assert names_shown(window) == ["Björk Elin"]
    with qtbot.waitSignal(window.patients.search_finished, timeout=10000):
        window.patients.search.setText("zz")
    assert "No patient matches" in window.patients.empty.text()


def audit_actions(window: MainWindow) -> list[tuple[str, int | None]]:
    """The audit trail as stored (action, patient id), after the queued views and searches are written."""
    assert window.clinic is not None
    window.clinic._views.flush()
    return [(action, patient) for _who, action, patient, _intake in window.clinic.repository.audit_entries()]


def test_a_patient_a_search_highlights_is_not_recorded_as_viewed(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    """Finding (issue 14): every search selected its first row and loaded that patient's intakes, which
    recorded in the audit trail that a patient had been viewed whom nobody opened (at each keystroke)."""
    window = open_window(qtbot, seeded_url, chooser=chooser)
    patients = window.patients
    before = audit_actions(window)
    for text in ("a", "ab", "abe"):
        with qtbot.waitSignal(patients.search_finished, timeout=10000):
            patients.search_now(text)
    qtbot.waitUntil(lambda: not patients.runner.is_busy, timeout=10000)
    after = audit_actions(window)[len(before):]
    assert ("patient.search", None) in after and not [a for a in after if a[0] == "patient.view"]
    assert not patients._choice_pause.isActive()  # nothing waits to load either
    assert names_shown(window) == ["Abel Jonas"] and patients.current_patient_id() is not None
    assert patients.intakes_stack.currentWidget() is patients.intakes_hint and patients.intakes.rowCount() == 0
    assert not patients.table.selectionModel().hasSelection()  # highlighted, not selected
    # Chosen on purpose (Enter in the search box): now the intakes are listed and the view is recorded.
    abel = patients.current_patient_id()
    with qtbot.waitSignal(patients.intakes_shown, timeout=10000) as shown:
        qtbot.keyClick(patients.search, Qt.Key.Key_Return)
    assert shown.args == [abel]
    assert [a for a in audit_actions(window)[len(before):] if a[0] == "patient.view"] == [("patient.view", abel)]


def test_arrowing_down_the_list_records_only_the_patient_chosen(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    """The intakes are loaded (and the view recorded) for the row the person stops at, not every row passed."""
    window = open_window(qtbot, seeded_url, chooser=chooser)
    patients = window.patients
    before = len(audit_actions(window))
    patients.table.setFocus()
    with qtbot.waitSignal(patients.intakes_shown, timeout=10000) as shown:
        qtbot.keyClick(patients.table, Qt.Key.Key_Down)
        qtbot.keyClick(patients.table, Qt.Key.Key_Down)
        qtbot.keyClick(patients.table, Qt.Key.Key_Down)
    assert names_shown(window)[patients.table.currentIndex().row()] == "Björk Elin"
    assert shown.args == [patients.current_patient_id()]
    qtbot.waitUntil(lambda: not patients.runner.is_busy, timeout=10000)
    views = [a for a in audit_actions(window)[before:] if a[0] == "patient.view"]
    assert views == [("patient.view", patients.current_patient_id())]


def test_enter_on_a_highlighted_patient_lists_their_intakes_before_choosing_what_to_open(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    """Enter (or a double click) on a patient whose intakes are not listed yet lists them first, so a patient
    with intakes gets the list to open one from, not a new intake by mistake."""
    window = open_window(qtbot, seeded_url, chooser=chooser)
    patients = window.patients
    with qtbot.waitSignal(patients.search_finished, timeout=10000):
        patients.search_now("abel")
    patient_id = patients.current_patient_id()
    assert patient_id is not None and window.clinic is not None
    window.clinic.start_intake(patient_id)
    patients.table.setFocus()
    with qtbot.waitSignal(patients.intakes_shown, timeout=10000):
        qtbot.keyClick(patients.table, Qt.Key.Key_Return)
    assert patients.intakes.rowCount() == 1 and patients.intakes.item(0, 1).text() == "Draft"
    assert QApplication.focusWidget() is patients.intakes  # to open it (Enter again), not a new intake


def test_clicking_a_column_header_sorts_by_that_column(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    with qtbot.waitSignal(window.patients.search_finished, timeout=10000):
        window.patients.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # date of birth
    assert names_shown(window)[0] == "Abel Jonas"


def test_ctrl_f_goes_to_the_search_box(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    window.patients.table.setFocus()
    window.act_find.trigger()
    assert QApplication.focusWidget() is window.patients.search


def test_registering_a_likely_duplicate_warns_and_can_open_the_existing_record(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    window.act_new_patient.trigger()
    dialog = window.patient_dialog
    qtbot.keyClicks(dialog.editors["family_name"], "Abbot")
    qtbot.keyClicks(dialog.editors["given_name"], "Marie")
    qtbot.keyClicks(dialog.editors["date_of_birth"], "02.04.1961")
    choose_sex(dialog, "female")
    chooser.duplicate_answer = "open"
    with qtbot.waitSignal(dialog.open_existing, timeout=10000) as opened:
        dialog.submit()
    assert ("duplicate", "Possible duplicate", "1") in chooser.shown
    clinic = window.clinic
    assert clinic.patient(opened.args[0]).patient.family_name == "Abbott"
    assert clinic.count_patients() == 4  # nothing new was saved


def test_registering_a_new_patient_with_a_bad_date_shows_the_problem_beside_the_field(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    window.act_new_patient.trigger()
    dialog = window.patient_dialog
    qtbot.keyClicks(dialog.editors["family_name"], "Neumann")
    qtbot.keyClicks(dialog.editors["given_name"], "Ida")
    qtbot.keyClicks(dialog.editors["date_of_birth"], "31.02.1970")
    choose_sex(dialog, "male")
    dialog.submit()
    assert dialog.errors["date_of_birth"].isVisibleTo(dialog)
    assert "not a real date" in dialog.errors["date_of_birth"].text()
    dialog.editors["date_of_birth"].setText("1970-02-28")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.submit()
    assert window.clinic.count_patients() == 5


def test_editing_patient_details_keeps_their_intakes(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "berger")
    intake_id = page.record.id
    window.show_patients()
    qtbot.waitUntil(lambda: window.patients.current_patient_id() is not None, timeout=10000)
    patient_id = window.patients.current_patient_id()
    window.edit_patient(patient_id)
    dialog = window.patient_dialog
    dialog.editors["family_name"].setText("Berger-Lind")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.submit()
    assert [s.id for s in window.clinic.intakes_for(patient_id)] == [intake_id]
    assert window.clinic.intake(intake_id).document.patient.family_name == "Berger-Lind"


# --- the intake --------------------------------------------------------------------------------


def test_clicking_the_map_marks_the_region_in_the_form_and_back(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abbott")
    body_map = page.map
    shape = body_map._map.shapes_for("heel", "right")[0]
    x = sum(p[0] for p in shape.points) / len(shape.points)
    y = sum(p[1] for p in shape.points) / len(shape.points)
    qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=body_map.map_to_widget(x, y).toPoint())
    assert page.form.answers()["pain"] == {"right": ["heel"]}
    click(qtbot, page, "symptom_numbness")
    page.form.show_section("where")
    numbness_left = page.form.findChild(QWidget, "numbness.left")
    numbness_left.setFocus()
    qtbot.keyClicks(numbness_left, "butt")
    qtbot.keyClick(numbness_left, Qt.Key.Key_Return)  # buttock, by keyboard
    assert body_map.marks("numbness") == {"left": ["buttock"], "right": []}
    assert page.dirty


def test_the_level_changes_live_as_answers_change(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    page.form.show_section("where")
    page.form.set_regions("pain", {"right": ["back_of_thigh", "calf", "heel"], "left": []})
    with qtbot.waitSignal(page.assessed) as result:
        page.form.set_regions("numbness", {"right": ["heel"], "left": []})
    assert result.args[0].level in {"possible", "not_indicated"}
    with qtbot.waitSignal(page.assessed) as result:
        click(qtbot, page.form, "radiates_to.right=foot")
    assert page.form.answers()["radiates_to"] == {"right": "foot"}
    assert result.args[0].level in {"possible", "likely"}
    assert any(r.rule == "S1" for r in result.args[0].reasons)
    # Plain words for people; the rule id only in the clinician's trace.
    assert "rule S1" not in page.panel.reasons.toPlainText() and "[S1]" not in page.panel.reasons.toPlainText()
    assert "rule S1" in page.panel.trace_text()
    assert page.panel.heading().startswith("Spinal origin")


def test_a_red_flag_raises_the_banner_and_the_acknowledgement_is_stored(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "berger")
    assert not page.banner.isVisible()
    page.form.show_section("safety")
    click(qtbot, page.form, "rf_bladder_change=no")
    with qtbot.waitSignal(page.assessed) as result:
        click(qtbot, page.form, "rf_saddle_numbness=new")
    assert result.args[0].level == "urgent"
    assert "R1.no" not in page.banner.text.text()  # questions answered "no" are not shown as flags
    assert page.banner.isVisible()
    assert "URGENT" in page.banner.text.text()
    assert "R1" not in page.banner.text.text()
    chooser.clinicians.append(("doctor", PASSWORD))  # the clinician signs at the front desk's window
    with qtbot.waitSignal(page.acknowledged, timeout=10000):
        qtbot.mouseClick(page.banner.button, Qt.MouseButton.LeftButton)
    stored = window.clinic.intake(page.record.id)
    assert (stored.red_flag_ack_by, stored.red_flag_ack_role) == ("Dr Dana Example", "clinician")
    assert stored.red_flag_ack_at is not None
    assert window.session.actor.name == "desk"  # the desk stays signed in
    assert "Acknowledged by Dr Dana Example (clinician)" in page.banner.ack_state.text()
    assert not page.banner.button.isEnabled()


def test_drafts_save_automatically(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "bj")
    page.form.set_regions("pain", {"right": ["heel"], "left": []})
    with qtbot.waitSignal(page.saved, timeout=10000):
        pass  # the 2-second autosave timer fires without any user action
    assert window.clinic.intake(page.record.id).document.answers["pain"] == {"right": ["heel"]}
    assert not page.dirty


def test_moving_to_another_section_saves_the_draft(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    page.autosave.stop()
    page.form.set_regions("tingling", {"left": ["sole"], "right": []})
    with qtbot.waitSignal(page.saved, timeout=10000):
        page.form.show_section("safety")
        page.form.sectionChanged.emit("safety")
    assert window.clinic.intake(page.record.id).document.answers["tingling"] == {"left": ["sole"]}


def test_closing_with_unsaved_changes_asks_first(
    qtbot: Any, seeded_url: str, scripted_dialogs: list[str], chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abbott")
    page.autosave.stop()
    intake_id = page.record.id
    page.form.set_regions("pain", {"left": ["arch"], "right": []})
    scripted_dialogs.append("cancel")
    assert window.close() is False  # the user chose Cancel: the window stays
    assert chooser.shown[-1][1] == "Unsaved changes"
    scripted_dialogs.append("save")
    assert window.close() is True
    assert window.clinic.intake(intake_id).document.answers["pain"] == {"left": ["arch"]}


def test_switching_patient_with_unsaved_changes_asks_and_can_discard(
    qtbot: Any, seeded_url: str, scripted_dialogs: list[str], chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abbott")
    page.autosave.stop()
    intake_id = page.record.id
    page.form.set_regions("pain", {"left": ["arch"], "right": []})
    scripted_dialogs.append("discard")
    window.act_find.trigger()
    assert window.stack.currentWidget() is window.patients_page
    assert "pain" not in window.clinic.intake(intake_id).document.answers


def test_after_a_crash_the_unsaved_draft_is_offered_back(
    qtbot: Any, seeded_url: str, tmp_path: Path, scripted_dialogs: list[str], chooser: ScriptedChooser) -> None:
    journal = RecoveryJournal(tmp_path / "recovery")
    window = open_window(qtbot, seeded_url, journal, chooser=chooser)
    page = start_intake(qtbot, window, "berger")
    page.autosave.stop()
    intake_id = page.record.id
    page.form.set_regions("pain", {"right": ["big_toe"], "left": []})
    page._write_journal()  # the journal is written within 300 ms of a change
    # Simulate a crash: the process dies, nothing is saved, the window never closes cleanly.
    page.autosave.stop()
    page.runner.wait()
    window.closeEvent = lambda event: event.accept()  # type: ignore[method-assign]
    window.hide()
    assert "pain" not in open_clinic(seeded_url, "desk").intake(intake_id).document.answers

    scripted_dialogs.append("yes")
    again = open_window(qtbot, seeded_url, journal, chooser=chooser)
    again.offer_recovery()
    qtbot.waitUntil(lambda: again.intake_page is not None and again.intake_page.record is not None, timeout=10000)
    assert any(title == "Restore unsaved answers?" for _kind, title, _text in chooser.shown)
    restored = again.intake_page
    assert restored.record.id == intake_id
    assert restored.form.answers()["pain"] == {"right": ["big_toe"]}
    assert restored.dirty


def test_completing_asks_about_unasked_red_flags_and_records_not_asked(
    qtbot: Any, seeded_url: str, scripted_dialogs: list[str], chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    page.form.set_answers({**page.form.answers(), "back_pain": "mild"})
    scripted_dialogs.extend(["yes", "ok"])  # complete with NOT ASKED; then the confirmation
    with qtbot.waitSignal(page.completed, timeout=10000):
        complete_from_review(qtbot, page)
    assert "Safety questions not asked" in chooser.titles()
    asked = next(text for _k, title, text in chooser.shown if title == "Safety questions not asked")
    assert not re.search(r"\brf_\w+", asked)  # in the questions' own words, no field keys
    assert page.questionnaire.question("rf_saddle_numbness").label in asked
    stored = window.clinic.intake(page.record.id)
    assert stored.status == "complete"
    assert stored.red_flags_not_asked is True
    assert not page.form.editor("back_pain").isEnabled()  # completed intakes are read-only


def test_completing_refused_when_not_asked_is_declined(
    qtbot: Any, seeded_url: str, scripted_dialogs: list[str], chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    page.form.set_answers({**page.form.answers(), "back_pain": "mild"})
    scripted_dialogs.append("no")
    complete_from_review(qtbot, page)
    settle(qtbot, page)
    assert window.clinic.intake(page.record.id).status == "draft"
    assert page.form.current_section() == "safety"


def test_a_database_failure_while_saving_is_explained_and_loses_nothing(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    from intake_app.errors import StorageError

    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    page.autosave.stop()
    page.form.set_regions("pain", {"right": ["calf"], "left": []})
    original = window.clinic.save_draft

    def locked(*_args: Any, **_kwargs: Any) -> Any:
        raise StorageError("The database is busy (another desk is writing).", hint="Wait a moment and try again.")

    window.clinic.save_draft = locked
    page.save()
    settle(qtbot, page)
    assert ("error", "Foot & Leg Intake", "The database is busy (another desk is writing).\nWait a moment and "
            "try again.") in chooser.shown
    assert page.dirty  # the answers are still on screen, still marked unsaved
    assert page.form.answers()["pain"] == {"right": ["calf"]}
    window.clinic.save_draft = original
    with qtbot.waitSignal(page.saved, timeout=10000):
        page.save()
    assert window.clinic.intake(page.record.id).document.answers["pain"] == {"right": ["calf"]}


def test_an_unexpected_error_writes_a_private_log_and_lets_the_user_carry_on(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chooser: ScriptedChooser) -> None:
    monkeypatch.setenv("INTAKE_APP_LOG_DIR", str(tmp_path / "log"))
    try:
        raise KeyError("Secretname Hidden, born 1970-01-01")
    except KeyError as exc:
        crash.handle_exception(type(exc), exc, exc.__traceback__, chooser=chooser)
    log = (tmp_path / "log" / "crash.log").read_text(encoding="utf-8")
    assert "builtins.KeyError" in log
    assert "test_front_desk.py" in log
    assert "Secretname" not in log and "1970" not in log
    assert chooser.shown[-1][0] == "crash"


def test_the_about_box_and_window_title(qtbot: Any, staffed_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, staffed_url, chooser=chooser)
    assert window.windowTitle().startswith("Foot & Leg Intake - ")  # and where the data is
    assert window.act_print.shortcut().toString() == "Ctrl+P"
    assert window.act_save.shortcut().toString() == "Ctrl+S"
    assert window.act_new_intake.shortcut().toString() == "Ctrl+N"


def test_the_window_fits_a_1366_by_768_screen(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    page.form.show_section("safety")
    click(qtbot, page.form, "rf_saddle_numbness=new")  # the banner takes room too
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 740


def test_window_size_and_splitters_are_remembered(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    window.resize(1360, 650)
    qtbot.waitUntil(lambda: page.mode == "wide")
    page.splitter.setSizes([500, 300, 300])
    sizes = page.splitter.sizes()
    window.show_patients()
    assert window.close()
    again = open_window(qtbot, seeded_url, chooser=chooser)
    assert again.size().toTuple() == (1360, 650)
    chooser.answers.append("yes")  # a second intake today: yes, start another
    page = start_intake(qtbot, again, "abel")
    assert page.splitter.sizes() == sizes


def test_completing_without_a_required_answer_goes_to_that_question(
    qtbot: Any, seeded_url: str, scripted_dialogs: list[str], chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    assert page.review_is_open()
    # The problem is named in the question's own words, with a link to it; completing is not offered.
    text = page.review.text()
    assert page.questionnaire.question("back_pain").label in text
    assert "back_pain" not in text and "answers." not in text
    assert "Go to question" in text
    assert not page.review.complete_button.isEnabled()
    page.review.edit_requested.emit("back_pain")  # the "Go to question" link
    assert not page.review_is_open()
    assert window.clinic.intake(page.record.id).status == "draft"
    assert page.form.current_section() == "back"
    assert QApplication.focusWidget() in page.form.editor("back_pain").controls()
