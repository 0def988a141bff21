"""Issue 11's findings at the front desk, each as a test that failed on the old window.

Offscreen; the window's questions are answered by a ScriptedChooser; waits on signals, never sleeps.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import json
import re
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from intake_app.domain import Patient
from intake_app.gui.busy import BusyIndicator
from intake_app.gui.settings_dialog import SettingsDialog, desk_fields
from intake_app.gui.tasks import TaskRunner
from intake_app.settings import CLINIC_FIELDS, Settings, load_settings, settings_path
from tests.conftest import synthetic_document
from tests.gui.scripted import ScriptedChooser
from tests.gui.staff import PASSWORD, open_clinic
from tests.gui.test_front_desk import choose_sex, click, open_window, settle, start_intake

pytestmark = pytest.mark.gui

GUI = Path(__file__).resolve().parents[2] / "intake_app" / "gui"
CODES = re.compile(r"\[[A-Z]\d+\]|\brf_\w+|\banswers\.\w+|\btier [EP]\b|\bbecause \w+[.=]|[a-z]+_[a-z_]+=")


@pytest.fixture
def chooser() -> ScriptedChooser:
    return ScriptedChooser()


@pytest.fixture
def seeded_url(staffed_url: str) -> str:
    clinic = open_clinic(staffed_url, "desk")
    for family, given, born in [("Abbott", "Maria", "1961-04-02"), ("Abel", "Jonas", "1990-08-09"),
                                ("Berger", "Anna", "1975-01-30")]:
        clinic.register_patient(Patient(family, given, dt.date.fromisoformat(born), "female", "", ""))
    clinic.close()
    return staffed_url


def raise_urgent(qtbot: Any, page: Any) -> None:
    page.form.focus_field("rf_saddle_numbness")
    with qtbot.waitSignal(page.assessed):
        click(qtbot, page.form, "rf_saddle_numbness=new")


# --- 1. plain words --------------------------------------------------------------------------------


def test_the_panel_banner_and_list_speak_plain_words(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    page.form.set_regions("pain", {"right": ["back_of_thigh", "calf", "heel"], "left": []})
    click(qtbot, page.form, "radiates_to.right=foot")
    raise_urgent(qtbot, page)
    shown = "\n".join([page.panel.heading(), page.panel.reasons.toPlainText(), page.banner.text.text(),
                       page.panel.gap.text()])
    assert not CODES.search(shown), CODES.search(shown)
    assert "Numbness around the back passage" in page.panel.reasons.toPlainText()  # the answer behind a reason
    assert "URGENT" in page.banner.text.text()
    # The rule ids are there for the clinician, folded away.
    assert not page.panel.trace.isVisible()
    qtbot.mouseClick(page.panel.trace_button, Qt.MouseButton.LeftButton)
    assert page.panel.trace.isVisible() and "rule R1" in page.panel.trace.toPlainText()
    # The list says what still has to happen (an urgent intake that came in from another system).
    window.show_patients()
    import_urgent(open_clinic(seeded_url, "doctor"), tmp_path)  # a clinician imports
    with qtbot.waitSignal(window.patients.search_finished, timeout=10000):
        window.patients.search_now("testperson")
    qtbot.keyClick(window.patients.search, Qt.Key.Key_Return)  # chosen: the patient's intakes are listed
    qtbot.waitUntil(lambda: window.patients.intakes.rowCount() == 1, timeout=10000)
    assert window.patients.intakes.item(0, 2).text() == "URGENT - not acknowledged"


def import_urgent(clinic: Any, folder: Path) -> Any:
    """A completed urgent intake nobody has acknowledged (imported), for today's date."""
    document = synthetic_document(**{rf: "no" for rf in clinic_red_flags()}, back_pain="mild")
    document["answers"]["rf_saddle_numbness"] = "new"
    document["visit_date"] = dt.date.today().isoformat()
    born = dt.date.fromisoformat(document["patient"]["date_of_birth"])
    age = dt.date.today().year - born.year - ((dt.date.today().month, dt.date.today().day) < (born.month, born.day))
    document["answers"]["age_years"] = age
    path = folder / "urgent.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    (record,) = clinic.import_file(path)
    return record


def clinic_red_flags() -> tuple[str, ...]:
    from intake_app.domain import load_questionnaire

    return load_questionnaire("foot-leg-intake/1").red_flag_ids


def test_a_blank_form_is_not_screened_yet_and_a_red_flag_shows_at_once(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abbott")
    assert page.panel.heading() == "Not screened yet"
    assert "not indicated" not in page.panel.reasons.toPlainText().lower()
    raise_urgent(qtbot, page)  # everything else still blank
    assert page.panel.heading().startswith("URGENT")
    assert page.banner.isVisible()
    assert page.form.fired_fields() == ["rf_saddle_numbness"]  # only the fired question wears red


# --- 4. an urgent intake cannot slip through --------------------------------------------------------


def test_an_urgent_intake_completes_only_after_a_clinician_signs_it_off_with_their_password(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "berger")
    page.form.set_answers({**page.form.answers(), "back_pain": "mild"})
    raise_urgent(qtbot, page)
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    assert page.review_is_open()
    assert not page.review.complete_button.isEnabled()
    assert "acknowledge" in page.review.text().lower()
    # The service refuses too, whatever the screen does.
    from intake_app.errors import AcknowledgementNeeded

    with pytest.raises(AcknowledgementNeeded):
        window.clinic.complete_intake(page.record.id, page.form.answers(), page.current_visit_date(),
                                      red_flags_not_asked=True)
    chooser.clinicians.append(None)  # cancelled: nothing recorded
    qtbot.mouseClick(page.review.ack_button, Qt.MouseButton.LeftButton)
    assert window.clinic.intake(page.record.id).acknowledged_by is None
    # A front-desk password cannot sign it off, nor a wrong one: refused in plain words, nothing recorded.
    for account, password in (("desk", PASSWORD), ("doctor", "not the password at all")):
        chooser.clinicians.append((account, password))
        qtbot.mouseClick(page.review.ack_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: chooser.shown[-1][0] == "error", timeout=10000)
        _kind, title, text = chooser.shown.pop()
        assert title == "The red flag was not acknowledged" and "Traceback" not in text
        assert window.clinic.intake(page.record.id).acknowledged_by is None
        assert not page.review.complete_button.isEnabled()
    chooser.clinicians.append(("doctor", PASSWORD))
    with qtbot.waitSignal(page.acknowledged, timeout=10000):
        qtbot.mouseClick(page.review.ack_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    stored = window.clinic.intake(page.record.id)
    assert stored.acknowledged_by == "Dr Dana Example"  # the clinician's account's name, never the desk's
    assert stored.acknowledged_role == "clinician"
    assert window.session.actor.name == "desk"
    assert page.review_is_open() and page.review.complete_button.isEnabled()
    chooser.answers.append("yes")  # complete with the other safety questions NOT ASKED
    with qtbot.waitSignal(page.completed, timeout=10000):
        qtbot.mouseClick(page.review.complete_button, Qt.MouseButton.LeftButton)
    assert window.clinic.intake(page.record.id).status == "complete"


# --- 5. completed intakes: read section by section, amend ------------------------------------------


def test_a_completed_intake_can_be_read_section_by_section_and_amended(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abbott")
    page.form.set_answers({**page.form.answers(), "back_pain": "mild",
                           **{rf: "no" for rf in page.questionnaire.red_flag_ids}})
    first_id = page.record.id
    with qtbot.waitSignal(page.completed, timeout=10000):
        qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(page.review.complete_button, Qt.MouseButton.LeftButton)
    assert page.form.nav.isEnabled()  # the old window disabled the whole form, section list included
    page.form.nav.setCurrentRow(page.form.section_ids().index("back"))
    assert page.form.current_section() == "back"
    assert not page.form.editor("back_pain").isEnabled()
    assert page.amend_button.isVisible() and not page.complete_button.isVisible()
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    assert "Mild" in page.review.text() and not page.review.complete_button.isVisible()
    chooser.texts.append("Back pain was moderate, not mild")
    with qtbot.waitSignal(page.amended, timeout=10000) as amended:
        qtbot.mouseClick(page.amend_button, Qt.MouseButton.LeftButton)
    new_id = amended.args[0]
    assert new_id != first_id
    assert page.record.revision == 2 and page.record.status == "draft"
    assert page.form.editor("back_pain").isEnabled()
    assert "revision 2" in page.title.text()
    revisions = window.clinic.revisions(new_id)
    assert [r.revision for r in revisions] == [1, 2]
    assert window.clinic.intake(first_id).status == "complete"  # the original is kept


# --- 6. today ---------------------------------------------------------------------------------------


def test_today_lists_unacknowledged_urgent_first_and_follows_other_desks(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    other_desk = open_clinic(seeded_url, "doctor")
    calm = other_desk.start_intake(other_desk.search_patients("abbott")[0].id)
    other_desk.save_draft(calm.id, {**dict(calm.document.answers), "pain": {"right": ["heel"]}},
                          calm.document.visit_date)
    # The first refresh (at sign-in) may still be running and may have read the day before the save above:
    # the one asked for now runs after it, so the list ends showing the draft.
    window.act_today.trigger()
    qtbot.waitUntil(lambda: [row.id for row in window.today.rows] == [calm.id] and not window.today.runner.is_busy,
                    timeout=10000)
    urgent = import_urgent(other_desk, tmp_path)
    window.today.timer.setInterval(50)  # another desk saved: the list follows by itself
    qtbot.waitUntil(lambda: len(window.today.rows) == 2, timeout=10000)
    assert window.today.rows[0].id == urgent.id
    assert window.today.table.item(0, 2).text() == "URGENT - not acknowledged"
    assert window.today.table.item(0, 0).text().startswith("Testperson")
    with qtbot.waitSignal(window.intake_opened, timeout=10000):
        window.today._open(0)
    other_desk.close()


def test_a_refresh_asked_for_while_one_runs_runs_once_more_after_it(qtbot: Any) -> None:
    """A change made while Today's list was being read used to be lost: the second refresh was dropped
    because one was running, and the list showed what the first read found until the next timer tick."""
    from intake_app.domain.records import IntakeSummary
    from intake_app.gui.today import TodayPanel

    release = threading.Event()
    now = dt.datetime.now(dt.UTC)

    class SlowClinic:
        signed_in = None
        settings = None

        def __init__(self) -> None:
            self.rows: list[IntakeSummary] = []
            self.reads = 0

        def today(self) -> list[IntakeSummary]:
            found = list(self.rows)  # read first, then the slow part: the change below comes after the read
            self.reads += 1
            if self.reads == 1:
                release.wait(10)
            return found

        def recall_list(self) -> list[Any]:
            return []

    clinic = SlowClinic()
    panel = TodayPanel()
    qtbot.addWidget(panel)
    panel.clinic = clinic  # type: ignore[assignment]
    panel.refresh()
    qtbot.waitUntil(lambda: clinic.reads == 1, timeout=5000)
    clinic.rows = [IntakeSummary(7, 1, "draft", now.date(), None, None, now, patient_name="Abbott, Ann")]
    panel.refresh()  # another desk saved while the first read runs
    panel.refresh()  # asked twice: still one more read, not two
    release.set()
    qtbot.waitUntil(lambda: [row.id for row in panel.rows] == [7] and not panel.runner.is_busy, timeout=10000)
    assert clinic.reads == 2
    panel.runner.wait()


# --- 7. settings ------------------------------------------------------------------------------------


def test_the_desk_preferences_dialog_has_every_desk_setting_and_writes_the_file(qtbot: Any) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    names = [field.name for field in dataclasses.fields(Settings) if field.name not in CLINIC_FIELDS]
    assert list(dialog.editors) == names == list(desk_fields())
    assert "clinic_name" not in dialog.editors and "idle_minutes" not in dialog.editors  # the administrator's
    for name, editor in dialog.editors.items():
        assert editor.accessibleDescription(), name  # every setting explains itself
    dialog.editors["autosave_seconds"].setValue(500)
    dialog.submit()
    assert dialog.problem.isVisibleTo(dialog) and "Autosave" in dialog.problem.text()
    assert not settings_path().exists()  # a bad value writes nothing
    dialog.editors["autosave_seconds"].setValue(10)
    dialog.editors["large_print"].setChecked(True)
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()
    saved = load_settings()
    assert (saved.autosave_seconds, saved.large_print) == (10, True)
    assert json.loads(settings_path().read_text(encoding="utf-8"))["large_print"] is True


# --- 8. smaller findings ----------------------------------------------------------------------------


def test_a_second_intake_the_same_day_warns_and_starts_fresh(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    first = page.record.id
    page.form.show_section("safety")
    click(qtbot, page, "symptom_tingling")
    window.show_patients()
    chooser.answers.append("no")
    window.new_intake(window.patients.current_patient_id())
    settle_runner(qtbot, window)
    assert "Second intake today" in chooser.titles()
    assert page.record is None or page.record.id == first
    chooser.answers.append("yes")
    with qtbot.waitSignal(window.intake_opened, timeout=10000):
        window.new_intake(window.patients.current_patient_id())
    assert window.intake_page.record.id != first
    assert window.intake_page.form.current_section() == "where"  # fresh: not the previous section
    assert window.intake_page.map.symptom() == "pain"


def settle_runner(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: not window.patients.runner.is_busy, timeout=10000)


def test_a_date_of_birth_error_goes_when_the_date_is_corrected(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    window.act_new_patient.trigger()
    dialog = window.patient_dialog
    qtbot.keyClicks(dialog.editors["date_of_birth"], "31.02.1970")
    dialog.submit()
    assert dialog.errors["date_of_birth"].isVisibleTo(dialog)
    qtbot.keyClick(dialog.editors["date_of_birth"], Qt.Key.Key_Backspace)
    assert not dialog.errors["date_of_birth"].isVisibleTo(dialog)


def test_sex_has_no_misleading_default_and_must_be_chosen(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    window.act_new_patient.trigger()
    dialog = window.patient_dialog
    assert dialog.editors["sex"].currentIndex() == -1 and dialog.editors["sex"].currentData() is None
    qtbot.keyClicks(dialog.editors["family_name"], "Neumann")
    qtbot.keyClicks(dialog.editors["given_name"], "Ida")
    qtbot.keyClicks(dialog.editors["date_of_birth"], "1970-02-28")
    dialog.submit()
    assert dialog.errors["sex"].isVisibleTo(dialog) and "required" in dialog.errors["sex"].text()
    choose_sex(dialog, "unknown")  # "Not stated", chosen on purpose
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.submit()


def test_the_busy_bar_stays_while_any_task_still_runs(qtbot: Any) -> None:
    """The old window had three runners share one bar: the first to finish hid it while others worked."""
    indicator = BusyIndicator()
    qtbot.addWidget(indicator)
    indicator.show()
    quick, slow = TaskRunner(), TaskRunner()
    indicator.track(quick)
    indicator.track(slow)
    release = threading.Event()
    slow.run(lambda: release.wait(10), label="Searching...")
    with qtbot.waitSignal(quick.idle, timeout=10000):
        quick.run(lambda: None, label="Saving draft...")
    assert indicator.running == 1 and not indicator.isHidden()
    assert indicator.label() == "Searching..."
    with qtbot.waitSignal(slow.idle, timeout=10000):
        release.set()
    assert indicator.running == 0 and indicator.isHidden()


def test_keys_1_2_3_choose_the_symptom_the_map_marks(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abbott")
    page.form.focus_field("onset")
    for key, symptom in ((Qt.Key.Key_3, "tingling"), (Qt.Key.Key_2, "numbness"), (Qt.Key.Key_1, "pain")):
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert page.map.symptom() == symptom
    assert "onset" not in page.form.answers()


def test_a_save_overtaken_by_another_desk_shows_both_versions_and_lets_the_person_choose(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    page.autosave.stop()
    other_desk = open_clinic(seeded_url, "desk")
    record = other_desk.intake(page.record.id)
    other_desk.save_draft(record.id, {**dict(record.document.answers), "back_pain": "severe"},
                          record.document.visit_date,
                          expected_version=record.row_version)
    page.form.set_regions("pain", {"right": ["calf"], "left": []})
    click(qtbot, page.form, "back_pain=mild")
    chooser.answers.append("no")  # take the other desk's answers
    page.save()
    qtbot.waitUntil(lambda: "Saved at another desk" in chooser.titles(), timeout=10000)
    text = next(t for _k, title, t in chooser.shown if title == "Saved at another desk")
    assert "yours: Mild" in text and "other desk: Severe" in text
    assert "back_pain" not in text
    settle(qtbot, page)
    assert page.form.answers()["back_pain"] == "severe" and not page.dirty
    other_desk.close()


# --- 9. no test hooks in the program ----------------------------------------------------------------


def test_no_test_hooks_live_in_the_gui_code() -> None:
    hooks = {"AUTO_ANSWERS", "SHOWN", "AUTO_CHOICE", "AUTO_DUPLICATE_CHOICE", "AUTO_PRINT_TARGET",
             "AUTO_SAVE_TARGET", "SAVE_SUGGESTIONS"}
    for path in GUI.glob("*.py"):
        names = {node.id for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Name)}
        assert not names & hooks, (path.name, names & hooks)


def test_gui_modules_stay_small() -> None:
    for path in GUI.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 620, path.name


def test_a_visible_focus_ring_is_part_of_the_style(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    sheet = QApplication.instance().styleSheet()  # type: ignore[union-attr]
    for selector in ("QPushButton:focus", "QRadioButton:focus", "QCheckBox:focus", "QLineEdit:focus"):
        assert re.search(re.escape(selector) + r"[^{]*\{[^}]*2px solid", sheet), selector
    page = start_intake(qtbot, window, "abbott")
    button = page.form.findChild(QWidget, "onset=gradual")
    page.form.focus_field("onset")
    button.setFocus()
    focused = button.grab().toImage()
    page.form.nav.setFocus()
    unfocused = button.grab().toImage()
    assert focused != unfocused  # the ring changes what is drawn


def test_today_lists_the_recall_list_until_a_clinician_marks_each_contacted(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    """Issue 9 item 6: an intake whose result rose to urgent after the patient left is on Today's recall list."""
    from intake_app.domain.document import parse_document

    other_desk = open_clinic(seeded_url, "doctor")
    urgent = synthetic_document(rf_saddle_numbness="new", rf_bladder_change="new", back_pain="moderate")
    old = {"level": "possible", "tier": None, "spinal_flag": True, "reasons": [], "recommendation": "old",
           "rules_version": "2000.01-1"}
    rose = other_desk.repository.import_documents([(parse_document(urgent), old)], actor=other_desk.signed_in)[0]
    assert [change.intake_id for change in other_desk.rescreen()] == [rose.id]
    window = open_window(qtbot, seeded_url, chooser=chooser, user="doctor")  # the recall list is a clinician's
    today = window.today
    window.act_today.trigger()  # after the sign-in's refresh, if that one still runs
    qtbot.waitUntil(lambda: [entry.intake_id for entry in today.recalls] == [rose.id] and not today.runner.is_busy,
                    timeout=10000)
    assert today.recall_table.isVisible()
    assert [today.recall_table.item(0, c).text() for c in (2, 3)] == ["Spinal origin possible", "URGENT"]
    today.recall_table.selectRow(0)
    chooser.answers.append("yes")  # "Have you contacted ...?": recorded under the clinician's own name
    qtbot.mouseClick(today.contacted_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: today.recalls == [] and not today.runner.is_busy, timeout=10000)
    assert not today.recall_table.isVisible()
    assert chooser.shown[-1][:2] == ("question", "Mark contacted") and "Testperson" in chooser.shown[-1][2]
    assert other_desk.recall_list() == []
    other_desk.close()
