"""The desk's side of patient mode (issue 16): start it on a selected patient's draft, save what the patient
answers as that draft, show the desk's urgent banner the moment the patient answers a safety question "yes",
and let a real staff sign-in (an account name and password checked by the services) end it.

The staff check signs the account in through `Clinic.sign_in` (the services have no way to check a password
without signing in): the desk then works as whoever signed in, exactly as "Sign in as someone else" at the
lock screen does. Patient mode is a window of its own: the desk's idle lock does not hide it (it shows only
the patient's own intake), and the patient's touches do not keep the desk's session awake. A save the
services refuse while the desk is locked waits (in memory and in the recovery journal) until staff unlock.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.access.passwords import Secret
from intake_app.access.roles import PermissionDenied
from intake_app.domain.wording import is_blank
from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from intake_app.domain.questionnaire import Questionnaire
    from intake_app.domain.records import IntakeRecord
    from intake_app.gui.main_window import MainWindow
    from intake_app.gui.patient import PatientMode, PatientResult

#: The questionnaire patient mode asks from: drafts of other versions are finished at the desk.
PATIENT_QUESTIONNAIRE = "foot-leg-intake/2"

#: (parent, refusal text of the attempt before, "" at first) -> (account name, password), None: cancelled.
AskStaff = Callable[[QWidget, str], "tuple[str, Secret] | None"]


class StaffSignInDialog(QDialog):
    """A staff account name and password, to leave (or help in) patient mode."""

    def __init__(self, refusal: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Staff sign-in"))
        intro = QLabel(self.tr("Staff only: sign in with your own account to leave patient mode or help the "
                               "patient. The desk then works as the account that signed in."), self)
        intro.setWordWrap(True)
        self.refusal = QLabel(refusal, self)
        self.refusal.setObjectName("error")
        self.refusal.setWordWrap(True)
        self.refusal.setVisible(bool(refusal))
        self.name = QLineEdit(self)
        self.name.setObjectName("staffAccount")
        self.name.setMaxLength(40)
        self.name.setAccessibleName(self.tr("Account name"))
        self.password = QLineEdit(self)
        self.password.setObjectName("staffPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(1024)
        self.password.setAccessibleName(self.tr("Password"))
        form = QFormLayout()
        form.addRow(self.tr("&Account"), self.name)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.refusal)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def answer(self) -> tuple[str, Secret]:
        secret = Secret(self.password.text())
        self.password.clear()
        return self.name.text().strip(), secret


def ask_with_dialog(parent: QWidget, refusal: str) -> tuple[str, Secret] | None:
    dialog = StaffSignInDialog(refusal, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer()


class UrgentBanner(QFrame):
    """Across the top of the staff screen: a safety answer in patient mode needs a clinician now."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskUrgentBanner")
        self.setStyleSheet("#deskUrgentBanner { background: #b3261e; } "
                           "#deskUrgentBanner QLabel { color: white; font-weight: bold; }")
        self.intake_id: int | None = None
        self._shown: tuple[str, Questionnaire, str] | None = None  # patient, questionnaire, field
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self._open)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)
        self.retranslate()
        self.hide()

    def show_for(self, intake_id: int, patient: str, questionnaire: Questionnaire, field: str) -> None:
        self.intake_id = intake_id
        self._shown = (patient, questionnaire, field)
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        """The banner's words in the desk's language, the question worded by the questionnaire in it too;
        again whenever the desk's language changes (a banner already showing included)."""
        from intake_app.domain.wording import question_text
        from intake_app.gui.patient.translations import desk_language

        self.text.setAccessibleName(self.tr("Urgent"))
        self.open_button.setText(self.tr("Open the intake"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        if self._shown is not None:
            patient, questionnaire, field = self._shown
            question = question_text(questionnaire, field, language=desk_language())
            self.text.setText(self.tr("URGENT - {0} answered a safety question in patient mode: {1} "
                                      "A clinician should see the patient now.").format(patient, question))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _open(self) -> None:
        if self.intake_id is not None:
            self.open_requested.emit(self.intake_id)


class PatientDesk(QObject):
    """Starts and ends patient mode for the window; one patient at a time."""

    started = Signal(object)  # the PatientMode shown
    saved = Signal(int)  # intake id, after the patient's answers reached the database
    red_flag = Signal(int, str)  # intake id, field: the banner is showing
    ended = Signal(int)  # intake id: patient mode closed

    def __init__(self, window: MainWindow, ask: AskStaff = ask_with_dialog) -> None:
        super().__init__(window)
        self.window = window
        self.ask = ask
        self.runner = TaskRunner(self)
        self.checker = TaskRunner(self)
        self.mode: PatientMode | None = None
        self.record: IntakeRecord | None = None
        self.pending: PatientResult | None = None  # refused while the desk was locked: saved at unlock
        self.banner = UrgentBanner(window)
        self.banner.open_requested.connect(window.open_intake)
        window.session.locked_changed.connect(lambda locked: None if locked else self.save_pending())
        window.session.signed_in.connect(lambda _actor: self.save_pending())

    @property
    def active(self) -> bool:
        return self.mode is not None

    # --- starting -------------------------------------------------------------------------------

    def start(self, intake_id: int) -> None:
        """Patient mode on this intake (a version 2 draft), after the record is read in the background."""
        clinic = self.window.clinic
        if clinic is None:
            return
        if self.mode is not None:
            messages.inform(self.window, self.tr("Patient answers"),
                            self.tr("Patient mode is already open for a patient. Leave it first (Staff button)."))
            return
        self.runner.run(lambda: clinic.intake(intake_id), self._open, self.window.on_failure,
                        label=self.tr("Opening patient mode..."))

    def refusal(self, record: IntakeRecord) -> str | None:
        """Why this intake cannot go to patient mode, in plain words; None when it can."""
        if record.status != "draft":
            return self.tr("This intake is complete. Patient mode fills in a draft: start a new intake first.")
        if record.document.questionnaire != PATIENT_QUESTIONNAIRE:
            return self.tr("Patient mode needs the current questionnaire (version 2), and this draft uses an older "
                           "one. Finish this draft at the desk, or start a new intake for the patient to answer.")
        return None

    def _open(self, record: IntakeRecord) -> None:
        from intake_app.gui.patient import PatientMode

        why = self.refusal(record)
        if why is not None:
            messages.inform(self.window, self.tr("Patient answers"), why)
            return
        screens = QGuiApplication.screens()
        second = [s for s in screens if s is not self.window.screen()]
        mode = PatientMode(dict(record.document.answers), staff_sign_in=self.verify_staff,
                           save_draft=self._save, single_screen=not second)
        mode.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        mode.chooser = self.window.chooser  # type: ignore[attr-defined]  # its questions go through the desk's
        mode.redFlagAnswered.connect(self._red_flag)
        mode.finished.connect(lambda _result: self.window.statusBar().showMessage(
            self.tr("The patient has finished: their answers are in the draft."), 10000))
        mode.destroyed.connect(lambda _obj=None: self._closed(record.id))
        self.mode = mode
        self.record = record
        self.window.session.ignore_input_of(mode)
        if second:
            mode.setScreen(second[0])
            mode.move(second[0].geometry().topLeft())
        mode.showFullScreen()
        self.started.emit(mode)

    def _closed(self, intake_id: int) -> None:
        self.mode = None
        self.window.session.ignore_input_of(None)
        self.window.today.refresh()
        self.ended.emit(intake_id)

    # --- saving ---------------------------------------------------------------------------------

    def _save(self, result: PatientResult) -> None:
        """The patient's answers into the draft: every answer the patient gave is the patient's (also one
        that happens to equal what was there, such as "I don't know" to a safety question); the answers the
        patient left alone keep who entered them."""
        record = self.record
        clinic = self.window.clinic
        if record is None or clinic is None:
            return
        answers = {key: value for key, value in result.answers.items() if not is_blank(value)}
        entered = {key: who for key, who in record.document.entered_by.items() if key in answers}
        entered.update({key: who for key, who in result.entered_by.items() if key in answers})
        self.window.journal.write(record.id, record.document.visit_date, answers)
        try:
            clinic.save_draft(record.id, answers, record.document.visit_date, entered_by=entered)
        except PermissionDenied:  # the desk locked or signed out meanwhile: saved when staff are back
            self.pending = result
            return
        except IntakeError as exc:
            self.pending = result
            self.window.statusBar().showMessage(
                self.tr("The patient's answers could not be saved yet: {0}").format(messages.desk_text(exc.message)),
                15000)

            return
        self.pending = None
        self.window.journal.clear(record.id)
        self.window.session.pending_urgent = 0
        self.saved.emit(record.id)
        self.window.today.refresh()

    def save_pending(self) -> None:
        if self.pending is not None and self.window.session.actor is not None and not self.window.session.locked:
            self._save(self.pending)

    # --- the urgent banner ----------------------------------------------------------------------

    def _red_flag(self, field: str, _value: str) -> None:
        """A "yes" to a safety question: the staff screen shows it at once; the draft is saved now, so the
        Today list and every other desk see the urgent intake (while locked, the lock screen says so)."""
        record, mode = self.record, self.mode
        if record is None or mode is None:
            return
        from intake_app.domain.questionnaire import load_questionnaire

        questionnaire = load_questionnaire(record.document.questionnaire)
        patient = record.document.patient
        self.banner.show_for(record.id, f"{patient.family_name}, {patient.given_name}", questionnaire, field)
        self.window.session.pending_urgent = 1
        self.window.session.show_urgent_now()
        self._save(mode.result())
        self.red_flag.emit(record.id, field)

    # --- leaving: a real staff sign-in ----------------------------------------------------------

    def verify_staff(self, parent: QWidget) -> bool:
        """Ask a staff account name and password until one signs in (True) or the person cancels (False)."""
        clinic = self.window.clinic
        if clinic is None:
            return False
        refusal = ""
        while True:
            answer = self.ask(parent, refusal)
            if answer is None:
                return False
            name, password = answer
            outcome = self._check(partial(clinic.sign_in, name, password))
            if isinstance(outcome, BaseException):
                if not isinstance(outcome, IntakeError):
                    raise outcome
                refusal = messages.error_text(outcome)
                continue
            self.window.session.adopt(outcome, clinic.idle_minutes)
            return True

    def _check(self, work: Callable[[], Any]) -> Any:
        """The password check off the GUI thread (it is slow by design); the caller waits in a local loop."""
        loop = QEventLoop(self)
        box: list[Any] = []

        def done(value: Any) -> None:
            box.append(value)
            loop.quit()

        self.checker.run(work, done, done, label=self.tr("Checking the password..."))
        if not box:
            loop.exec()
        return box[0]
