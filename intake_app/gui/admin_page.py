"""The administrator's main view: staff accounts, clinic settings, the audit trail and backups.

Administrators do not open patients, so this page takes the place of the patient list for them. Each
tool opens its own dialog; every refusal the services make is shown in their plain words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake_app.access.roles import ROLE_WORDS, Action, Actor, allowed
from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from intake_app.settings import Settings


class AdminPage(QWidget):
    """Buttons for the administrator's tools; `*_requested` signals, wired by the window."""

    accounts_requested = Signal()
    settings_requested = Signal()
    audit_requested = Signal()
    backup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self.actor: Actor | None = None
        self.title = title = QLabel(self)
        title.setObjectName("sectionTitle")
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.note = note = QLabel(self)
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.buttons: dict[Action, QPushButton] = {}
        self.help: dict[Action, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        signals = ((Action.MANAGE_ACCOUNTS, self.accounts_requested), (Action.CLINIC_SETTINGS, self.settings_requested),
                   (Action.AUDIT_VIEW, self.audit_requested), (Action.BACKUP, self.backup_requested))
        for row, (action, signal) in enumerate(signals):
            button = QPushButton(self)
            button.setMinimumWidth(190)
            button.clicked.connect(signal)
            label = QLabel(self)
            label.setObjectName("help")
            label.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)
            self.buttons[action] = button
            self.help[action] = label
        grid.setColumnStretch(1, 1)
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.who)
        layout.addWidget(note)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """The page's words in the desk's language (at first, and when the clinic's language changes)."""
        self.title.setText(self.tr("Administration"))
        self.note.setText(self.tr("This account looks after the program; it does not open patients. For desk or "
                                  "clinical work, sign in with an everyday account."))
        words = {
            Action.MANAGE_ACCOUNTS: (self.tr("Staff &accounts..."),
                                     self.tr("Add accounts, switch them off or on, unlock them, reset a password.")),
            Action.CLINIC_SETTINGS: (self.tr("&Clinic settings..."),
                                     self.tr("Clinic name and address, referrer, emergency numbers, paper, idle "
                                             "lock time.")),
            Action.AUDIT_VIEW: (self.tr("Audit &trail..."),
                                self.tr("Who did what and when; check that nothing was changed; export as CSV.")),
            Action.BACKUP: (self.tr("&Back up now"), self.tr("A checked copy of the database in the backup folder.")),
        }
        for action, (text, help_text) in words.items():
            self.buttons[action].setText(text)
            self.help[action].setText(help_text)
        if self.actor is not None:
            self._show_who(self.actor)

    def show_for(self, actor: Actor) -> None:
        self.actor = actor
        self._show_who(actor)
        for action, button in self.buttons.items():
            button.setVisible(allowed(actor.role, action))

    def _show_who(self, actor: Actor) -> None:
        self.who.setText(self.tr("Signed in: {0} ({1})").format(
            actor.shown_name, QCoreApplication.translate("Role", ROLE_WORDS[actor.role])))


class AdminTools:
    """Opens the administrator's dialogs for a window (kept apart so the window stays small)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.runner = TaskRunner(window)  # the window tracks it in its status bar

    def accounts(self) -> None:
        from intake_app.gui.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.window.clinic, self.window)
        self.window.busy.track(dialog.runner)
        dialog.open()
        self.window.accounts_dialog = dialog

    def audit(self) -> None:
        from intake_app.gui.audit_viewer import AuditViewer

        dialog = AuditViewer(self.window.clinic, self.window, chooser=self.window.chooser)
        self.window.busy.track(dialog.runner)
        dialog.open()
        self.window.audit_viewer = dialog

    def clinic_settings(self) -> None:
        from intake_app.gui.settings_dialog import ClinicSettingsDialog

        dialog = ClinicSettingsDialog(self.window.clinic, self.window)
        dialog.saved.connect(self._clinic_settings_saved)
        dialog.open()
        self.window.clinic_settings_dialog = dialog

    def _clinic_settings_saved(self, settings: Settings) -> None:
        self.window.settings = settings
        self.window.use_clinic_language()  # a new clinic language applies on this desk at once
        self.window.statusBar().showMessage(QCoreApplication.translate("AdminPage", "Clinic settings saved"), 3000)

    def backup(self) -> None:
        clinic = self.window.clinic
        if clinic is None:
            return
        page: AdminPage = self.window.admin_page

        def done(path: Any) -> None:
            page.status.setText(QCoreApplication.translate("AdminPage", "Backed up: {0}").format(
                getattr(path, "name", path)))

        def failed(error: BaseException) -> None:
            if not isinstance(error, IntakeError):
                raise error
            messages.show_error(self.window, error, QCoreApplication.translate("AdminPage", "The backup failed"))

        self.runner.run(clinic.backup, done, failed, label=QCoreApplication.translate("AdminPage", "Backing up..."))
