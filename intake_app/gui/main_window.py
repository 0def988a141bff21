"""The main window: composes the sign-in and lock screens, the patient list and the intake workspace
(or, for administrators, their tools), menus, shortcuts, status bar.

It holds no business logic: feature widgets call the services; this only wires them together. The menus
show only what the signed-in role may do (access.roles.allowed); the services check again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from intake_app import __version__
from intake_app.access.roles import Action, PermissionDenied
from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.admin_page import AdminTools
from intake_app.gui.busy import BusyIndicator
from intake_app.gui.chooser import Chooser
from intake_app.gui.desk_actions import DeskActions
from intake_app.gui.session import Session
from intake_app.gui.tasks import TaskRunner
from intake_app.gui.window_access import AccessViews, language_at_start
from intake_app.gui.window_language import DeskLanguage
from intake_app.gui.work_pages import (
    PREVIEW_MODULES,
    WORKSPACE_MODULES,
    WorkBuilder,
    WorkPart,
    import_steps,
    load_in_background,
)
from intake_app.settings import Settings
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QTabWidget

    from intake_app.gui.admin_page import AdminPage
    from intake_app.gui.intake_page import IntakePage
    from intake_app.gui.patient_desk import PatientDesk
    from intake_app.gui.patients import PatientsPanel
    from intake_app.gui.preview import PreviewDialog
    from intake_app.gui.today import TodayPanel
    from intake_app.recovery import RecoveryJournal

DEFAULT_SIZE = (1320, 720)
#: The intake workspace is built in idle time, one step (a question, under 10 ms) per event-loop turn,
#: so a search or a key press never waits behind more than one step.
IDLE_STEP_MS = 0
#: ... and only once no task has started or finished for this long (a person typing a search).
QUIET_S = 0.1
WAIT_MS = 50
_BUILT = object()
class MainWindow(DeskActions, DeskLanguage, AccessViews, QMainWindow):
    clinic_ready = Signal()
    intake_opened = Signal(int)
    # The pages behind the sign-in screen: built after the first paint a piece at a time (work_pages.py).
    patients: WorkPart[PatientsPanel] = WorkPart()
    today: WorkPart[TodayPanel] = WorkPart()
    patients_page: WorkPart[QWidget] = WorkPart()
    home_tabs: WorkPart[QTabWidget] = WorkPart()
    admin_page: WorkPart[AdminPage] = WorkPart()
    patient_desk: WorkPart[PatientDesk] = WorkPart()

    def __init__(self, settings: Settings, window_state: QSettings, journal: RecoveryJournal | None = None,
                 chooser: Chooser | None = None, *, clock: Callable[[], dt.datetime] | None = None) -> None:
        """`clock` (aware UTC now) measures the idle time; tests pass a simulated one."""
        super().__init__()
        self.desk_language = language_at_start(window_state)  # before any widget: words from the first paint
        self._words: list[tuple[Callable[[str], None], str]] = []  # (setter, English) of the menus' words
        self._description: str | None = None  # the database, once open
        self.chooser = chooser or Chooser()  # every question to the person goes through it (tests pass their own)
        self.settings = settings
        self.window_state = window_state
        self._journal = journal
        self.clinic: Any = None
        self.intake_page: IntakePage | None = None  # built on first use, after the first paint
        self._show_database()  # the window's title, with the database's name once open
        # The first paint shows the sign-in screen alone; the work pages (patients and Today, the
        # administrator's page, patient mode's banner) are built after it by `work_builder`, a piece per
        # event-loop turn, or at once when something asks for one of them first.
        self.work_builder = WorkBuilder(self)
        self.stack = QStackedWidget(self)
        # The outer stack: the work (list and intake) stays alive under the sign-in and lock screens.
        self.shell = QStackedWidget(self)
        self.session = Session(self, clock)
        for screen in (self.session.sign_in_screen, self.session.lock_screen, self.stack):
            self.shell.addWidget(screen)
        self.shell.setCurrentWidget(self.session.sign_in_screen)
        central = QWidget(self)
        self.central_layout = QVBoxLayout(central)
        self.central_layout.setContentsMargins(0, 0, 0, 0)
        self.central_layout.setSpacing(0)
        self.central_layout.addWidget(self.shell, 1)
        self.setCentralWidget(central)
        self.outcomes_page: Any = None  # the clinicians' "How the screening does", built on first use
        self.admin = AdminTools(self)
        self._hidden_dialogs: list[QWidget] = []

        self.busy = BusyIndicator(self)
        self.busy.changed.connect(self._on_busy)
        self.db_label = QLabel(self)
        self.db_label.setObjectName("muted")
        self.user_label = QLabel(self)
        self.user_label.setObjectName("signedInUser")
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.busy)
        self.background = TaskRunner(self)  # daily backup, loading modules after start
        self._idle = QTimer(self)
        self._idle.setInterval(IDLE_STEP_MS)
        self._idle.timeout.connect(self._idle_step)
        self._building: Iterator[None] | None = None
        self._started_up = False
        self.preview_dialog: PreviewDialog | None = None  # one per window, made ahead in idle time
        self._last_work = 0.0  # when a task runner last started or finished (time.monotonic)
        for runner in (self.background, self.session.runner, self.admin.runner):
            self.busy.track(runner)
        self._build_actions()
        self._restore_geometry()

    # --- set-up --------------------------------------------------------------------------------

    @property
    def journal(self) -> RecoveryJournal:
        """The recovery journal of unsaved answers (opened on first use: the sign-in screen needs none)."""
        if self._journal is None:
            from intake_app.recovery import RecoveryJournal

            self._journal = RecoveryJournal()
        return self._journal

    @journal.setter
    def journal(self, journal: RecoveryJournal) -> None:
        self._journal = journal

    def _build_actions(self) -> None:
        bar, keys = self.menuBar(), QKeySequence.StandardKey
        file_menu = self._menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&File"))
        self.act_new_patient = self._action(QT_TRANSLATE_NOOP("MainWindow", "New &patient..."), "Ctrl+Shift+N",
                                            self.new_patient, file_menu)
        self.act_new_intake = self._action(QT_TRANSLATE_NOOP("MainWindow", "&New intake"), keys.New,
                                           self.new_intake_for_selected, file_menu)
        self.act_save = self._action(QT_TRANSLATE_NOOP("MainWindow", "&Save draft"), keys.Save, self.save, file_menu)
        self.act_print = self._action(QT_TRANSLATE_NOOP("MainWindow", "&Preview and print..."),
                                      keys.Print, lambda: self.preview(), file_menu)
        self.act_patient_answers = self._action(QT_TRANSLATE_NOOP("MainWindow", "Patient &answers..."),
                                                "Ctrl+Shift+A", self.patient_answers, file_menu)
        self.act_record_outcome = self._action(QT_TRANSLATE_NOOP("MainWindow", "Record &outcome..."), None,
                                               self.record_outcome, file_menu)
        file_menu.addSeparator()
        self.act_lock = self._action(QT_TRANSLATE_NOOP("MainWindow", "&Lock the window"), "Ctrl+L",
                                     self.session.lock, file_menu)
        self.act_change_password = self._action(QT_TRANSLATE_NOOP("MainWindow", "Change my pass&word..."), None,
                                                self.session.change_password, file_menu)
        self.act_sign_out = self._action(QT_TRANSLATE_NOOP("MainWindow", "Sign &out"), None, self.session.sign_out,
                                         file_menu)
        self._action(QT_TRANSLATE_NOOP("MainWindow", "&Quit"), keys.Quit, self.close, file_menu)
        edit_menu = self._menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&Edit"))
        self.act_find = self._action(QT_TRANSLATE_NOOP("MainWindow", "&Find patient"), keys.Find, self.find_patient,
                                     edit_menu)
        self.act_today = self._action(QT_TRANSLATE_NOOP("MainWindow", "&Today's intakes"), "Ctrl+T",
                                      self.show_today, edit_menu)
        self.act_outcomes = self._action(QT_TRANSLATE_NOOP("MainWindow", "&Outcomes: how the screening does"),
                                         "Ctrl+Shift+O", self.show_outcomes, edit_menu)
        edit_menu.addSeparator()
        self.act_settings = self._action(QT_TRANSLATE_NOOP("MainWindow", "&Desk preferences..."), "Ctrl+,",
                                         self.open_settings, edit_menu)
        admin_menu = self._menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&Administration"))
        self.act_accounts = self._action(QT_TRANSLATE_NOOP("MainWindow", "Staff &accounts..."), None,
                                         self.admin.accounts, admin_menu)
        self.act_clinic_settings = self._action(QT_TRANSLATE_NOOP("MainWindow", "&Clinic settings..."), None,
                                                self.admin.clinic_settings, admin_menu)
        self.act_audit = self._action(QT_TRANSLATE_NOOP("MainWindow", "Audit &trail..."), None, self.admin.audit,
                                      admin_menu)
        self.act_backup = self._action(QT_TRANSLATE_NOOP("MainWindow", "&Back up now"), None, self.admin.backup,
                                       admin_menu)
        help_menu = self._menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&Help"))
        self._action(QT_TRANSLATE_NOOP("MainWindow", "&About Foot & Leg Intake"), None, self.about, help_menu)
        self.menus = (file_menu, edit_menu, admin_menu)
        #: what each action needs; None: anyone signed in and not locked
        self._needs: dict[QAction, Action | None] = {
            self.act_new_patient: Action.REGISTER_PATIENT, self.act_new_intake: Action.START_INTAKE,
            self.act_save: Action.SAVE_INTAKE, self.act_print: Action.PRINT, self.act_find: Action.SEARCH,
            self.act_today: Action.SEARCH, self.act_accounts: Action.MANAGE_ACCOUNTS,
            self.act_clinic_settings: Action.CLINIC_SETTINGS, self.act_audit: Action.AUDIT_VIEW,
            self.act_backup: Action.BACKUP, self.act_lock: None, self.act_sign_out: None, self.act_settings: None,
            self.act_change_password: None, self.act_patient_answers: Action.SAVE_INTAKE,
            self.act_outcomes: Action.RECORD_OUTCOME, self.act_record_outcome: Action.RECORD_OUTCOME,
        }
        self._update_actions()

    def _update_actions(self) -> None:
        super()._update_actions()
        if self.__dict__.get("patient_answers_button") is not None:  # the desk's buttons, once built
            self._sync_desk_buttons()

    def _say(self, setter: Callable[[str], None], english: str) -> None:
        """A word of the menus, in the desk's language now and again whenever it changes (retranslate)."""
        self._words.append((setter, english))
        setter(self.tr(english))

    def _menu(self, bar: Any, english: str) -> Any:
        menu = bar.addMenu("")
        self._say(menu.setTitle, english)
        return menu

    def _action(self, english: str, shortcut: Any, slot: Any, menu: Any) -> QAction:
        action = QAction(self)
        self._say(action.setText, english)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _restore_geometry(self) -> None:
        geometry = self.window_state.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)

    def _save_geometry(self) -> None:
        self.window_state.setValue("window/geometry", self.saveGeometry())
        if self.intake_page is not None:
            self.window_state.setValue("intake/splitter", self.intake_page.splitter.saveState())
        self.window_state.sync()

    def set_clinic(self, clinic: Any, description: str, has_accounts: bool = True) -> None:
        """Called once the database is open (after the first paint): setup on an empty database, then the
        sign-in screen. The lists fill only once someone has signed in (start_work)."""
        self.clinic = clinic
        gc.freeze()  # the database's modules and the clinic live as long as the program (see app.py)
        self._description = description
        self.use_clinic_language()
        self._show_database()
        self.background.run(clinic.daily_backup, None, self._backup_failed, label=self.tr("Daily backup..."))
        self.session.begin(clinic, has_accounts)
        # The pages behind the sign-in screen, a piece per event-loop turn: from now on, not while the
        # database opens (its thread loads SQLAlchemy, and each step would wait for Python's lock).
        self.work_builder.start()
        self.clinic_ready.emit()
        # Build the intake workspace while the desk is idle, so the first "New intake" opens at once:
        # the modules load on the background thread, the widgets a question at a time on this one.
        self.background.run(load_in_background, lambda _none: self._start_building())

    def _start_building(self) -> None:
        """The workspace's modules, then its frame (one piece) and its questions in idle time, one a step."""
        if self.intake_page is None:
            self._building = self._workspace_steps()
        self._idle.start()

    def _workspace_steps(self) -> Iterator[None]:
        yield from import_steps(WORKSPACE_MODULES)
        if self.intake_page is None:
            yield from self._new_intake_page(build_now=False).build_steps()

    def _idle_step(self) -> None:
        """One small piece of the intake workspace (a few milliseconds), unless the desk is busy."""
        if self.busy.running or time.monotonic() - self._last_work < QUIET_S:
            self._idle.setInterval(WAIT_MS)  # a search or a save is under way or just answered: look again later
            return
        self._idle.setInterval(IDLE_STEP_MS)
        if self._building is None or next(self._building, _BUILT) is _BUILT:
            self._idle.stop()
            self._building = None
            self._after_start_up()

    def _after_start_up(self) -> None:
        if self._started_up:
            return
        self._started_up = True
        # Start-up objects live as long as the program: keep them out of the garbage collector's full
        # passes, which would otherwise pause the window for 60-90 ms at random moments. (No collection
        # first: that would be such a pause itself.)
        gc.freeze()
        # Then the preview dialog, in idle time too: made, then styled a few widgets a step, so the first
        # preview only fills it (making and styling it then stalled the window for 40-90 ms).
        if self.preview_dialog is None and self.clinic is not None:
            self._building = self._preview_steps()
            self._idle.start()

    def _preview_steps(self) -> Iterator[None]:
        yield from import_steps(PREVIEW_MODULES)
        dialog = self._preview(build_now=False)
        yield
        yield from dialog.build_steps()
        gc.freeze()  # the dialog lives as long as the window: out of the full collections too

    def _ensure_intake_page(self) -> IntakePage:
        page = self.intake_page or self._new_intake_page(build_now=True)
        if not page.form.built:
            self._idle.stop()
            page.finish_building()
            self._after_start_up()
        return page

    def _new_intake_page(self, *, build_now: bool) -> IntakePage:
        if self.intake_page is None:
            from intake_app.gui.intake_page import IntakePage

            page = IntakePage(self.journal, self, build_now=build_now)
            page.back_requested.connect(self.show_patients)
            page.preview_requested.connect(self.preview)
            page.print_requested.connect(lambda: self.preview(print_both=True))
            page.failed.connect(self.on_failure)
            self.busy.track(page.runner)
            page.saved.connect(lambda _id: self.statusBar().showMessage(self.tr("Draft saved"), 3000))
            page.saved.connect(lambda _id: self.today.refresh_when_shown())
            page.completed.connect(self._after_complete)
            page.amended.connect(lambda _id: self._after_complete(_id))
            for key, splitter in (("intake/splitter", page.splitter),):
                state = self.window_state.value(key)
                if isinstance(state, QByteArray) and not state.isEmpty():
                    splitter.restoreState(state)
            self.stack.addWidget(page)
            self.intake_page = page
        return self.intake_page

    # --- actions -------------------------------------------------------------------------------

    def find_patient(self) -> None:
        if self.leave_intake():
            self.patients.search.setFocus()
            self.patients.search.selectAll()

    def show_patients(self) -> None:
        if self.leave_intake():
            self.patients.refresh()

    def leave_intake(self) -> bool:
        """Go back to the list; unsaved changes are saved, discarded or kept by asking first."""
        page = self.intake_page
        current = self.stack.currentWidget()
        if page is None or current is not page:
            if current is not self.patients_page:  # e.g. the outcomes page: back to the list
                self.stack.setCurrentWidget(self.patients_page)
                self._update_actions()
            return True
        if not self.confirm_unsaved():
            return False
        page.close_record()
        self.stack.setCurrentWidget(self.patients_page)
        self._update_actions()
        return True

    def confirm_unsaved(self) -> bool:
        page = self.intake_page
        if page is None or page.record is None or not page.dirty:
            return True
        answer = messages.ask_save_discard_cancel(
            self, self.tr("Unsaved changes"), self.tr("This intake has changes that are not saved yet.")
        )
        if answer == "cancel":
            return False
        if answer == "save":
            try:
                page.save_now_blocking()
            except IntakeError as exc:
                messages.show_error(self, exc)
                return False
        else:
            self.journal.clear(page.record.id)
            page._set_dirty(False)
        return True

    def new_patient(self) -> None:
        self._open_patient_dialog(None)

    def edit_patient(self, patient_id: int) -> None:
        if self.clinic is not None:
            try:
                record = self.clinic.patient(patient_id)
            except IntakeError as exc:
                messages.show_error(self, exc)
                return
            self._open_patient_dialog(record)

    def _open_patient_dialog(self, record: Any) -> None:
        if self.clinic is None:
            return
        from intake_app.gui.patient_dialog import PatientDialog

        dialog = PatientDialog(self.clinic, record, self)
        dialog.saved.connect(self._patient_saved)
        dialog.open_existing.connect(self._patient_saved)
        dialog.open()
        self.patient_dialog = dialog

    def _patient_saved(self, patient_id: int) -> None:
        record = self.clinic.patient(patient_id)
        self.patients.search.setText(record.patient.family_name)
        self.patients.refresh()
        self.patients.runner.idle.connect(lambda: self.patients.select_patient(patient_id),
                                          Qt.ConnectionType.SingleShotConnection)

    def new_intake_for_selected(self) -> None:
        patient_id = self.patients.current_patient_id()
        if patient_id is None:
            messages.inform(self, self.tr("New intake"), self.tr("Choose a patient in the list first."))
            return
        self.new_intake(patient_id)

    def new_intake(self, patient_id: int) -> None:
        """Start a fresh intake; if the patient already has one today, ask first (it is usually a mistake)."""
        if self.clinic is None or not self.leave_intake():
            return
        clinic = self.clinic

        def check() -> bool:
            today = dt.date.today()
            return any(summary.visit_date == today for summary in clinic.intakes_for(patient_id))

        def start(already: bool) -> None:
            if already and not messages.ask_yes_no(
                self, self.tr("Second intake today"),
                self.tr("This patient already has an intake today."),
                self.tr("Start another, separate intake? (No: open the existing one from the list instead.)"),
            ):
                return
            self.patients.runner.run(lambda: clinic.start_intake(patient_id), self._show_intake, self.on_failure,
                                     label=self.tr("Starting intake..."))

        self.patients.runner.run(check, start, self.on_failure, label=self.tr("Starting intake..."))

    def open_intake(self, intake_id: int, answers: dict[str, Any] | None = None) -> None:
        if self.clinic is None or not self.leave_intake():
            return
        clinic = self.clinic
        self.patients.runner.run(lambda: clinic.intake(intake_id), lambda r: self._show_intake(r, answers),
                                 self.on_failure, label=self.tr("Opening intake..."))

    def _show_intake(self, record: Any, answers: dict[str, Any] | None = None) -> None:
        page = self._ensure_intake_page()
        page.open_record(self.clinic, record, answers)
        self.stack.setCurrentWidget(page)
        self._update_actions()
        page.focus_first_question()
        self.intake_opened.emit(record.id)

    def _after_complete(self, _intake_id: int) -> None:
        patient_id = self.patients.current_patient_id()
        if patient_id is not None:
            self.patients.load_intakes(patient_id)
        self.today.refresh()

    def show_today(self) -> None:
        if self.leave_intake():
            self.home_tabs.setCurrentWidget(self.today)
            self.today.refresh()
            self.today.table.setFocus()

    def open_settings(self) -> None:
        """This desk's own preferences (the settings file); clinic-wide settings are the administrator's."""
        from intake_app.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.saved.connect(self.apply_settings)
        dialog.open()
        self.settings_dialog = dialog

    def apply_settings(self, settings: Settings) -> None:
        """The desk's preferences were saved: the clinic keeps its clinic-wide values, takes the desk's."""
        from intake_app.gui.settings_dialog import desk_fields

        self.settings = settings
        if self.clinic is not None:
            changes = {name: getattr(settings, name) for name in desk_fields()}
            self.clinic.settings = dataclasses.replace(self.clinic.settings, **changes)
        self.statusBar().showMessage(self.tr("Settings saved"), 3000)

    def _backup_failed(self, error: BaseException) -> None:
        if isinstance(error, IntakeError):
            failed = self.tr("The daily backup failed: {0}").format(messages.desk_text(error.message))
            self.statusBar().showMessage(failed, 10000)
        else:
            raise error

    def save(self) -> None:
        if self.intake_page is not None and self.stack.currentWidget() is self.intake_page:
            self.intake_page.save()

    def preview(self, *, print_both: bool = False) -> None:
        page = self.intake_page
        if page is None or page.record is None or self.stack.currentWidget() is not page:
            return
        from intake_app.domain import DocumentInvalid

        try:
            document = page.document()
        except DocumentInvalid as exc:
            messages.show_error(self, exc, self.tr("Cannot print yet"))
            return
        dialog = self._preview()
        dialog.show_document(document, intake_id=page.record.id, revision=page.record.revision,
                             print_when_ready=["referral", "handout"] if print_both else None)
        dialog.open()

    def _preview(self, *, build_now: bool = True) -> PreviewDialog:
        """The window's one preview dialog: made ahead in idle time, or now; each preview fills it anew."""
        dialog = self.preview_dialog
        if dialog is None or not shiboken6.isValid(dialog) or dialog.clinic is not self.clinic:
            from intake_app.gui.preview import PreviewDialog

            dialog = PreviewDialog(self.clinic, None, self, chooser=self.chooser, build_now=build_now)
            self.preview_dialog = dialog
        return dialog

    def about(self) -> None:
        from html import escape

        from PySide6.QtWidgets import QMessageBox

        from intake_app.domain import load_questionnaire
        from intake_app.screening import RULES_VERSION

        database = escape(self.clinic.describe_database()) if self.clinic is not None else self.tr("not open")
        sqlite = self.clinic.sqlite_version() if self.clinic is not None else None
        QMessageBox.about(
            self, self.tr("About Foot & Leg Intake"),
            self.tr("<h3>Foot &amp; Leg Intake {0}</h3><p>Questionnaire {1}<br>Screening rules {2}</p>"
                    "<p>Database: {3}{4}</p>"
                    "<p>A front-desk screening aid for a possible spinal (lower-back) origin of foot pain. "
                    "For clinician review; it does not make a diagnosis.</p>").format(
                __version__, load_questionnaire().ref, RULES_VERSION, database,
                f"<br>SQLite {escape(sqlite)}" if sqlite else ""),
        )

    # --- errors, busy, closing -----------------------------------------------------------------

    def on_failure(self, error: BaseException) -> None:
        if isinstance(error, PermissionDenied) and (self.session.locked or self.session.actor is None):
            return  # a refresh that was under way when the window locked: nothing was shown
        if isinstance(error, IntakeError):
            messages.show_error(self, error)
        else:
            raise error

    def _on_busy(self, label: str) -> None:
        self._last_work = time.monotonic()
        if label:
            self.statusBar().showMessage(label)
        elif not self.busy.running:
            self.statusBar().clearMessage()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.session.locked and not self.confirm_unsaved():
            event.ignore()
            return
        built = self.work_builder.done
        self.work_builder.stop()
        if built and self.patient_desk.mode is not None:  # the desk closes: the patient's answers are saved first
            self.patient_desk.mode.leave()
        self.session.stop()
        if self.intake_page is not None:
            self.intake_page.close_record()
            self.intake_page.runner.wait()
        if built:
            self.patients.runner.wait()
            self.today.timer.stop()
            self.today.runner.wait()
        self.background.wait()
        if self.clinic is not None:
            try:
                self.clinic.daily_backup()  # the day's copy, if start-up did not make it
            except IntakeError as exc:
                messages.show_error(self, exc, self.tr("The daily backup failed"))
        self._save_geometry()
        for dialog in self.findChildren(QDialog):  # the admin tools, a preview: they close with the window
            dialog.close()
        event.accept()

    def save_open_draft(self) -> None:
        if self.intake_page is not None:
            self.intake_page.save_now_blocking()
