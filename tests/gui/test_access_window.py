"""Issue 13 at the window: first-run setup, sign-in, the idle lock (simulated wall clock), unlocking,
switching users, the urgent notice on the lock screen, role-filtered menus and the administrator's tools.

End to end against the real Clinic (cheap password hasher); waits on signals, never sleeps.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from intake_app.access.lockout import SignInRefused
from intake_app.access.passwords import Secret
from intake_app.access.roles import PermissionDenied, Role
from intake_app.gui.main_window import MainWindow
from tests.gui.scripted import ScriptedChooser
from tests.gui.staff import PASSWORD, FakeClock, open_clinic, sign_in, type_sign_in, wait_idle
from tests.gui.test_desk_findings import import_urgent
from tests.gui.test_front_desk import open_window, seeded_url, start_intake  # noqa: F401 (fixture)

pytestmark = pytest.mark.gui

KEY = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){7}")


@pytest.fixture
def chooser() -> ScriptedChooser:
    return ScriptedChooser()


def visible_texts(widget: QWidget) -> str:
    """Every label's text a person can see in `widget` (and its window's other visible labels)."""
    labels = [label for label in widget.window().findChildren(QLabel) if label.isVisible()]
    return "\n".join(label.text() for label in labels)


def lock_now(qtbot: Any, window: MainWindow) -> None:
    with qtbot.waitSignal(window.session.locked_changed, timeout=5000):
        window.act_lock.trigger()


# --- 1. first start: setup, then sign-in ------------------------------------------------------------


def test_an_empty_database_sets_up_the_administrator_shows_the_key_once_then_signs_in(
    qtbot: Any, database_url: str, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    window = open_window(qtbot, database_url, chooser=chooser, user=None)
    qtbot.waitUntil(lambda: getattr(window.session, "setup_dialog", None) is not None, timeout=5000)
    setup = window.session.setup_dialog
    assert setup.isVisible() and window.shell.currentWidget() is window.session.sign_in_screen
    assert not window.act_new_patient.isVisible() and not window.act_accounts.isVisible()
    setup.name.setText("owner")
    setup.display_name.setText("Olu Owner")
    setup.password.setText("short")
    setup.repeat.setText("short")
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.error.isVisibleTo(setup), timeout=10000)
    assert "too short" in setup.error.text() and "12 characters" in setup.error.text()
    setup.password.setText(PASSWORD)
    setup.repeat.setText(PASSWORD + "!")
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    assert "not the same" in setup.error.text()
    setup.password.setText(PASSWORD)
    setup.repeat.setText(PASSWORD)
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.showing_key, timeout=10000)
    key = setup.key_label.text()
    assert KEY.fullmatch(key) or len(re.sub(r"[^A-Z0-9]", "", key)) == 32, key
    assert not setup.done_button.isEnabled()
    setup.reject()  # Esc / the close box: the key would be lost, so the page stays
    assert setup.isVisible() and setup.showing_key
    chooser.print_target = tmp_path / "key.pdf"
    qtbot.mouseClick(setup.print_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "key.pdf").stat().st_size > 0
    qtbot.mouseClick(setup.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == key
    QApplication.clipboard().clear()
    setup.written.setChecked(True)
    with qtbot.waitSignal(setup.created, timeout=5000):
        qtbot.mouseClick(setup.done_button, Qt.MouseButton.LeftButton)
    assert not setup.isVisible() and setup.key_label.text() == ""
    screen = window.session.sign_in_screen
    assert screen.name.text() == "owner"
    sign_in(qtbot, window, "owner")
    # Administrators do not open patients: their main view is the admin tools, their menus say so.
    assert window.shell.currentWidget() is window.admin_page
    assert "Olu Owner (administrator)" in window.admin_page.who.text()
    assert window.act_accounts.isVisible() and window.act_audit.isVisible()
    assert not window.act_new_patient.isVisible() and not window.act_find.isVisible()


# --- 2. sign-in refusals in plain words --------------------------------------------------------------


def test_sign_in_refusals_are_plain_words_and_a_reset_password_asks_for_a_new_one(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser  # noqa: F811
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser, user=None)
    screen = window.session.sign_in_screen
    type_sign_in(qtbot, window, "desk", "not the password")
    qtbot.waitUntil(lambda: screen.error.isVisibleTo(screen), timeout=10000)
    assert screen.error.text().startswith("Wrong account name or password")
    assert screen.password.text() == ""  # never left in the box
    assert window.shell.currentWidget() is screen and window.session.actor is None
    type_sign_in(qtbot, window, "nobody.here", "not the password")
    qtbot.waitUntil(lambda: not window.session.runner.is_busy, timeout=10000)
    assert screen.error.text().startswith("Wrong account name or password")  # the same words: no hint
    # Five wrong passwords lock the account; the screen says until when.
    for _attempt in range(5):
        type_sign_in(qtbot, window, "doctor", "still not the password")
        wait_idle(qtbot, window.session.runner)
    assert re.search(r"\b\d\d:\d\d\b", screen.error.text()), screen.error.text()
    assert "Traceback" not in screen.error.text()
    # After an administrator reset, the owner chooses a new password first.
    admin = open_clinic(seeded_url, "admin")
    admin.reset_password("desk", Secret("set by the administrator"))
    admin.close()
    type_sign_in(qtbot, window, "desk", "set by the administrator")
    qtbot.waitUntil(lambda: screen.step == 1, timeout=10000)
    screen.new_password.setText("my own new password")
    screen.repeat_password.setText("my own new password!")
    qtbot.mouseClick(screen.change_button, Qt.MouseButton.LeftButton)
    assert "not the same" in screen.error.text()
    screen.new_password.setText("my own new password")
    screen.repeat_password.setText("my own new password")
    with qtbot.waitSignal(window.session.signed_in, timeout=10000):
        qtbot.mouseClick(screen.change_button, Qt.MouseButton.LeftButton)
    assert window.session.actor.name == "desk"
    assert window.shell.currentWidget() is window.stack
    assert window.act_new_patient.isVisible() and not window.act_accounts.isVisible()


# --- 3. the idle lock --------------------------------------------------------------------------------


def test_the_window_locks_after_the_idle_time_by_the_wall_clock_and_keeps_unsaved_answers(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser  # noqa: F811
) -> None:
    clock = FakeClock()
    window = open_window(qtbot, seeded_url, chooser=chooser, clock=clock)
    page = start_intake(qtbot, window, "berger")
    page.autosave.stop()
    intake_id = page.record.id
    page.form.set_regions("pain", {"right": ["heel"], "left": []})
    assert page.dirty
    session = window.session
    clock.advance(minutes=4, seconds=59)
    session.check_idle()
    assert not session.locked
    # A click counts as activity: delivered as the platform delivers it, to the window first.
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     page.title.mapTo(window, page.title.rect().center()))
    clock.advance(minutes=4, seconds=59)
    session.check_idle()
    assert not session.locked
    clock.advance(seconds=2)  # five minutes since the last key press: a tick locks (a sleeping laptop too)
    session.tick.setInterval(10)
    with qtbot.waitSignal(session.locked_changed, timeout=5000):
        pass
    assert session.locked and window.shell.currentWidget() is window.session.lock_screen
    assert not page.isVisible()
    shown = visible_texts(window)
    assert "Berger" not in shown and "Dee Desk (front-desk)" in shown
    assert not window.act_new_patient.isVisible() and not window.act_find.isVisible()
    # The unsaved answers were saved first, through the page's own save path, and are still on the page.
    assert open_clinic(seeded_url, "desk").intake(intake_id).document.answers["pain"] == {"right": ["heel"]}
    with pytest.raises(PermissionDenied):
        window.clinic.search_patients("berger")  # the services refuse too while locked
    lock = session.lock_screen
    lock.password.setText("not my password")
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lock.error.isVisibleTo(lock), timeout=10000)
    assert session.locked and "Traceback" not in lock.error.text()
    lock.password.setText(PASSWORD)
    with qtbot.waitSignal(session.locked_changed, timeout=10000):
        qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert not session.locked and window.stack.currentWidget() is page and page.isVisible()
    assert page.record.id == intake_id and page.form.answers()["pain"] == {"right": ["heel"]}
    assert window.act_new_patient.isVisible()


def test_the_first_key_after_the_idle_time_locks_instead_of_typing(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser  # noqa: F811
) -> None:
    clock = FakeClock()
    window = open_window(qtbot, seeded_url, chooser=chooser, clock=clock)
    search = window.patients.search
    search.setText("ab")
    clock.advance(hours=2)  # e.g. the laptop slept: the wall clock counted it
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=5000)
    search.setFocus()
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_C)  # as the platform delivers it, to the window first
    assert window.session.locked and search.text() == "ab"


def test_unsaved_answers_that_cannot_be_saved_at_the_lock_stay_on_the_page(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    from intake_app.errors import StorageError

    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abel")
    page.autosave.stop()
    page.form.set_regions("numbness", {"right": ["sole"], "left": []})

    def unreachable(*_args: Any, **_kwargs: Any) -> Any:
        raise StorageError("The database cannot be reached.")

    monkeypatch.setattr(window.clinic, "save_draft", unreachable)
    lock_now(qtbot, window)  # the lock still comes; the answers stay on the page (and in the journal)
    monkeypatch.undo()
    assert window.session.locked and page.dirty
    lock = window.session.lock_screen
    lock.password.setText(PASSWORD)
    with qtbot.waitSignal(window.session.locked_changed, timeout=10000):
        qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert page.form.answers()["numbness"] == {"right": ["sole"]} and page.dirty
    with qtbot.waitSignal(page.saved, timeout=10000):
        page.save()
    assert window.clinic.intake(page.record.id).document.answers["numbness"] == {"right": ["sole"]}


# --- 4. someone else signs in at the lock screen ------------------------------------------------------


def test_signing_in_as_someone_else_closes_the_first_intake_with_its_draft_saved(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser  # noqa: F811
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "abbott")
    page.autosave.stop()
    intake_id = page.record.id
    page.form.set_regions("tingling", {"left": ["sole"], "right": []})
    lock_now(qtbot, window)
    session = window.session
    qtbot.mouseClick(session.lock_screen.switch_button, Qt.MouseButton.LeftButton)
    screen = session.sign_in_screen
    assert window.shell.currentWidget() is screen and screen.back_button.isVisible()
    assert "Dee Desk" in screen.switch_note.text()
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)  # changed their mind
    assert window.shell.currentWidget() is session.lock_screen and session.locked
    qtbot.mouseClick(session.lock_screen.switch_button, Qt.MouseButton.LeftButton)
    type_sign_in(qtbot, window, "doctor", "wrong password here")
    qtbot.waitUntil(lambda: screen.error.isVisibleTo(screen), timeout=10000)
    assert session.locked and page.record is not None  # a failed sign-in closes nothing
    sign_in(qtbot, window, "doctor")
    assert session.actor.name == "doctor" and not session.locked
    assert page.record is None and window.stack.currentWidget() is window.patients_page
    assert "Dr Dana Example (clinician)" in window.user_label.text()
    stored = window.clinic.intake(intake_id)
    assert stored.document.answers["tingling"] == {"left": ["sole"]}


# --- 5. the urgent notice while locked ----------------------------------------------------------------


def test_a_red_flag_elsewhere_shows_on_the_lock_screen_without_patient_data(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser, tmp_path: Path  # noqa: F811
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    lock_now(qtbot, window)
    session = window.session
    qtbot.waitUntil(lambda: not session.poller.is_busy, timeout=5000)
    assert not session.lock_screen.urgent.isVisible()
    other_desk = open_clinic(seeded_url, "doctor")
    import_urgent(other_desk, tmp_path)  # an urgent intake nobody has acknowledged, at another desk
    other_desk.close()
    with qtbot.waitSignal(session.urgent_checked, timeout=5000) as checked:
        session.urgent_timer.setInterval(10)
    assert checked.args[0] == 1
    urgent = session.lock_screen.urgent
    assert urgent.isVisible() and urgent.text() == "Urgent red flag - sign in"
    assert "Testperson" not in visible_texts(window)


# --- 6. roles: menus, refusals ------------------------------------------------------------------------


def test_menus_show_only_what_the_role_may_do_and_a_refusal_is_plain_words(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser  # noqa: F811
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    visible = {a.text() for a in (window.act_new_patient, window.act_find, window.act_accounts, window.act_audit,
                                  window.act_clinic_settings, window.act_backup) if a.isVisible()}
    assert visible == {"New &patient...", "&Find patient"}
    window.admin.accounts()  # reached some other way: the service refuses, the window says why
    qtbot.waitUntil(lambda: any(kind == "error" for kind, _t, _x in chooser.shown), timeout=10000)
    assert chooser.shown[-1][:2] == ("error", "Staff accounts")
    text = chooser.shown[-1][2]
    assert "front-desk account, which cannot manage staff accounts" in text and "Traceback" not in text
    window.accounts_dialog.close()
    with qtbot.waitSignal(window.session.signed_out, timeout=5000):
        window.act_sign_out.trigger()
    assert window.shell.currentWidget() is window.session.sign_in_screen
    assert not window.act_new_patient.isVisible() and not window.act_sign_out.isVisible()


# --- 7. administrators: accounts, clinic settings, the audit trail ---------------------------------------


def test_an_administrator_manages_accounts(qtbot: Any, seeded_url: str, chooser: ScriptedChooser) -> None:  # noqa: F811
    window = open_window(qtbot, seeded_url, chooser=chooser, user="admin")
    with qtbot.waitSignal(window.admin_page.accounts_requested):
        qtbot.mouseClick(window.admin_page.buttons[next(iter(window.admin_page.buttons))], Qt.MouseButton.LeftButton)
    dialog = window.accounts_dialog
    qtbot.waitUntil(lambda: len(dialog.accounts) == 3, timeout=10000)
    assert [dialog.table.item(r, 0).text() for r in range(3)] == ["admin", "desk", "doctor"]
    assert dialog.table.item(1, 2).text() == "front-desk" and dialog.table.item(1, 3).text() == "active"
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        dialog.add_account("nurse.kim", "Kim Nurse", Role.CLINICIAN, Secret("a first password here"))
    assert "nurse.kim" in [a.name for a in dialog.accounts]
    row = [a.name for a in dialog.accounts].index("nurse.kim")
    assert dialog.table.item(row, 3).text() == "must choose a new password"
    dialog.select("desk")
    chooser.answers.append("yes")
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert dialog.selected().disabled and dialog.table.item(1, 3).text() == "switched off"
    assert dialog.toggle_button.text() == "Switch &on"
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert not dialog.selected().disabled
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        dialog.reset_to("desk", Secret("temporary password 1"))
    assert dialog.selected().must_change_password
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "desk can sign in again."
    dialog.add_account("nurse.kim", "Kim Again", Role.CLINICIAN, Secret("a first password here"))
    qtbot.waitUntil(lambda: chooser.shown[-1][0] == "error", timeout=10000)  # the same name twice: refused
    assert chooser.shown[-1][1] == "Staff accounts" and "Traceback" not in chooser.shown[-1][2]


def test_an_administrator_changes_clinic_settings_and_a_desk_cannot(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser  # noqa: F811
) -> None:
    from intake_app.settings import CLINIC_FIELDS

    window = open_window(qtbot, seeded_url, chooser=chooser, user="admin")
    window.admin.clinic_settings()
    dialog = window.clinic_settings_dialog
    assert set(dialog.editors) == set(CLINIC_FIELDS) and "large_print" not in dialog.editors
    dialog.editors["clinic_name"].setText("Riverside Foot Clinic")
    dialog.editors["idle_minutes"].setValue(12)
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.submit()
    desk = open_clinic(seeded_url, "desk")
    assert desk.settings.clinic_name == "Riverside Foot Clinic" and desk.idle_minutes == 12
    with pytest.raises(PermissionDenied):
        desk.save_clinic_settings({"clinic_name": "Spoofed"})
    desk.close()
    dialog2 = type(dialog)(window.clinic, window)
    qtbot.addWidget(dialog2)
    dialog2.editors["idle_minutes"].setValue(500)
    dialog2.submit()
    qtbot.waitUntil(lambda: dialog2.problem.isVisibleTo(dialog2), timeout=10000)
    assert "idle" in dialog2.problem.text().lower()


def test_the_audit_viewer_filters_checks_and_exports(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser, tmp_path: Path  # noqa: F811
) -> None:
    desk = open_clinic(seeded_url, "desk")
    patient_id = desk.search_patients("abel")[0].id
    desk.patient(patient_id)
    desk.close()
    window = open_window(qtbot, seeded_url, chooser=chooser, user="admin")
    window.admin.audit()
    viewer = window.audit_viewer
    qtbot.waitUntil(lambda: viewer.table.rowCount() > 0, timeout=10000)
    column = {name: i for i, name in enumerate(("When", "Account", "Role", "What", "Desk", "Patient", "Intake",
                                                 "Detail"))}
    words = {viewer.table.item(r, column["What"]).text() for r in range(viewer.table.rowCount())}
    assert "Signed in" in words and "Registered a patient" in words
    assert not any("." in w and " " not in w for w in words)  # plain words, never action keys
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", viewer.table.item(0, column["When"]).text())
    viewer.account.setText("desk")
    with qtbot.waitSignal(viewer.shown, timeout=10000):
        viewer.apply()
    assert {viewer.table.item(r, column["Account"]).text() for r in range(viewer.table.rowCount())} == {"desk"}
    viewer.account.clear()
    viewer.patient.setText(str(patient_id))
    with qtbot.waitSignal(viewer.shown, timeout=10000):
        viewer.apply()
    rows = viewer.table.rowCount()
    assert rows >= 2 and {viewer.table.item(r, column["Patient"]).text() for r in range(rows)} == {str(patient_id)}
    with qtbot.waitSignal(viewer.checked, timeout=10000) as checked:
        qtbot.mouseClick(viewer.check_button, Qt.MouseButton.LeftButton)
    assert checked.args[0].ok and viewer.verdict.text() == checked.args[0].message
    chooser.files.append(tmp_path / "trail")
    with qtbot.waitSignal(viewer.exported, timeout=10000) as exported:
        qtbot.mouseClick(viewer.export_button, Qt.MouseButton.LeftButton)
    path = exported.args[0]
    assert path.name == "trail.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert table and {row["patient_id"] for row in table} == {str(patient_id)}
    assert all(row["time_utc"].endswith("Z") for row in table)


# --- 8. one's own password, and the owner's way back in ------------------------------------------------


def test_a_person_changes_their_own_password_from_the_file_menu(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser  # noqa: F811
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    assert window.act_change_password.isVisible()
    window.act_change_password.trigger()
    dialog = window.session.password_dialog
    dialog.old.setText("not my password at all")
    dialog.new.setText("a brand new passphrase")
    dialog.repeat.setText("a brand new passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.problem.isVisibleTo(dialog), timeout=10000)
    assert dialog.isVisible() and "Traceback" not in dialog.problem.text()
    dialog.old.setText(PASSWORD)
    dialog.new.setText("a brand new passphrase")
    dialog.repeat.setText("a brand new passphrase")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    other = open_clinic(seeded_url)
    assert other.sign_in("desk", Secret("a brand new passphrase")).name == "desk"
    other.close()


def test_the_recovery_key_lets_the_owner_back_in_and_a_new_key_is_shown_once(
    qtbot: Any, database_url: str, chooser: ScriptedChooser
) -> None:
    owner = open_clinic(database_url)
    key = owner.create_first_administrator("owner", "Olu Owner", Secret(PASSWORD))
    for _attempt in range(5):
        with pytest.raises(SignInRefused):
            owner.sign_in("owner", Secret("forgotten, sadly"))
    owner.close()
    window = open_window(qtbot, database_url, chooser=chooser, user=None)
    screen = window.session.sign_in_screen
    qtbot.mouseClick(screen.recover_button, Qt.MouseButton.LeftButton)
    dialog = window.session.recovery_dialog
    dialog.account.setText("owner")
    dialog.key.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    dialog.new.setText("the owner's new passphrase")
    dialog.repeat.setText("the owner's new passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.problem.isVisibleTo(dialog), timeout=10000)
    assert not dialog.showing_key and dialog.key.text() == ""
    dialog.key.setText(key.reveal())
    dialog.new.setText("the owner's new passphrase")
    dialog.repeat.setText("the owner's new passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.showing_key, timeout=10000)
    new_key = dialog.new_key.text()
    assert new_key and new_key != key.reveal() and not dialog.ok_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()  # not without confirming the new key is written down
    dialog.written.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert screen.name.text() == "owner" and dialog.new_key.text() == ""
    sign_in(qtbot, window, "owner", "the owner's new passphrase")
    assert window.shell.currentWidget() is window.admin_page


def test_keys_in_a_dialog_opened_later_keep_the_desk_awake(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser  # noqa: F811
) -> None:
    """Input is watched at each window as the platform hands it in (not by an application-wide filter), so a
    window that appears after the sign-in, such as a dialog, must be watched too."""
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    clock = FakeClock()
    window = open_window(qtbot, seeded_url, chooser=chooser, clock=clock)
    session = window.session
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle(), timeout=5000)
    field.setFocus()
    clock.advance(minutes=4, seconds=59)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_A)
    assert field.text() == "a"
    clock.advance(minutes=4, seconds=59)
    session.check_idle()
    assert not session.locked  # the key in the dialog counted
    clock.advance(minutes=5, seconds=1)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_B)
    assert session.locked and field.text() == "a"  # the first key after the idle time locks instead
    dialog.close()
