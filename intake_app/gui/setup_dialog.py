"""First start on an empty database: create the administrator, then show the one-time recovery key.

The key is shown once, here, and never again (the database keeps only its hash): the dialog cannot be
closed on that page until the person confirms they have written it down (Print and Copy help).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.access.passwords import Secret
from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.sign_in import KeyGuardedDialog, password_box, password_rule, take_secret
from intake_app.gui.tasks import TaskRunner


class SetupDialog(KeyGuardedDialog):
    """`created(name)` once the administrator exists and the person confirmed the recovery key."""

    created = Signal(str)

    def __init__(self, clinic: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.runner = TaskRunner(self)
        self._key: Secret | None = None
        self._account = ""
        self.setWindowTitle(self.tr("Set up Foot & Leg Intake"))
        self.pages = QStackedWidget(self)

        first = QWidget(self.pages)
        column = QVBoxLayout(first)
        intro = QLabel(self.tr("There are no staff accounts yet. Create the administrator account: it looks "
                               "after the other accounts, the clinic settings, backups and the audit trail. "
                               "It does not open patients, so create your own everyday account with it next."), first)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.name = QLineEdit(first)
        self.name.setObjectName("setupName")
        self.name.setMaxLength(40)
        self.name.setPlaceholderText(self.tr("e.g. admin or ana.ruiz-admin"))
        self.display_name = QLineEdit(first)
        self.display_name.setObjectName("setupDisplayName")
        self.display_name.setMaxLength(100)
        self.display_name.setPlaceholderText(self.tr("As it should appear in the records"))
        self.password = password_box(first, "setupPassword")
        self.repeat = password_box(first, "setupRepeat")
        form.addRow(self.tr("Account &name"), self.name)
        form.addRow(self.tr("&Full name"), self.display_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Repeat password"), self.repeat)
        rule = QLabel(password_rule(), first)
        rule.setObjectName("help")
        rule.setWordWrap(True)
        self.error = QLabel(first)
        self.error.setObjectName("problem")
        self.error.setWordWrap(True)
        self.error.hide()
        self.create_button = QPushButton(self.tr("&Create the administrator"), first)
        self.create_button.setObjectName("primaryButton")
        self.cancel_button = QPushButton(self.tr("Cancel"), first)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(rule)
        column.addWidget(self.error)
        column.addStretch(1)
        column.addLayout(buttons)
        self.pages.addWidget(first)

        second = QWidget(self.pages)
        key_column = QVBoxLayout(second)
        heading = QLabel(self.tr("The recovery key"), second)
        heading.setObjectName("sectionTitle")
        explain = QLabel(self.tr("If the only administrator is ever locked out or forgets the password, this key "
                                 "lets the owner back in. It is shown only now. Write it down or print it and keep "
                                 "it like the key to the building: whoever holds it can take over the "
                                 "administrator account."), second)
        explain.setWordWrap(True)
        self.key_label = QLabel(second)
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setWordWrap(True)
        # Large, fixed-width letters (the shared style sheet sets label fonts, so the size is set here too).
        self.key_label.setStyleSheet("QLabel#recoveryKey { background: #fff6db; border: 1px solid #e8cf7d;"
                                     " border-radius: 4px; padding: 14px; font-family: 'DejaVu Sans Mono',"
                                     " 'Consolas', monospace; font-size: 20px; font-weight: bold; }")
        self.print_button = QPushButton(self.tr("&Print..."), second)
        self.copy_button = QPushButton(self.tr("C&opy"), second)
        self.copy_note = QLabel(second)
        self.copy_note.setObjectName("help")
        key_buttons = QHBoxLayout()
        key_buttons.addWidget(self.print_button)
        key_buttons.addWidget(self.copy_button)
        key_buttons.addWidget(self.copy_note, 1)
        self.written = QCheckBox(self.tr("I have written it down (or printed it) and put it somewhere safe"), second)
        self.written.setObjectName("keyWrittenDown")
        self.done_button = QPushButton(self.tr("&Continue to sign in"), second)
        self.done_button.setObjectName("primaryButton")
        self.done_button.setEnabled(False)
        done_row = QHBoxLayout()
        done_row.addStretch(1)
        done_row.addWidget(self.done_button)
        key_column.addWidget(heading)
        key_column.addWidget(explain)
        key_column.addWidget(self.key_label)
        key_column.addLayout(key_buttons)
        key_column.addStretch(1)
        key_column.addWidget(self.written)
        key_column.addLayout(done_row)
        self.pages.addWidget(second)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumWidth(480)
        self.resize(580, 380)

        self.create_button.clicked.connect(self.create_administrator)
        self.repeat.returnPressed.connect(self.create_administrator)
        self.cancel_button.clicked.connect(self.reject)
        self.print_button.clicked.connect(self.print_key)
        self.copy_button.clicked.connect(self.copy_key)
        self.written.toggled.connect(self.done_button.setEnabled)
        self.done_button.clicked.connect(self._finish)

    # --- creating ------------------------------------------------------------------------------

    def create_administrator(self) -> None:
        if self.password.text() != self.repeat.text():
            self.repeat.clear()
            self._refuse(self.tr("The two passwords are not the same. Type them again."))
            return
        name, display = self.name.text().strip(), self.display_name.text().strip()
        password = take_secret(self.password)
        self.repeat.clear()
        clinic = self.clinic
        self.create_button.setEnabled(False)
        self.error.hide()

        def failed(error: BaseException) -> None:
            self.create_button.setEnabled(True)
            if not isinstance(error, IntakeError):
                raise error
            self._refuse(messages.error_text(error))

        self.runner.run(lambda: clinic.create_first_administrator(name, display, password),
                        lambda key: self._show_key(name, key), failed,
                        label=self.tr("Creating the administrator..."))

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.setFocus()

    def _show_key(self, name: str, key: Secret) -> None:
        self._account, self._key = name, key
        self.key_label.setText(key.reveal())
        self.pages.setCurrentIndex(1)
        self.written.setFocus()

    @property
    def showing_key(self) -> bool:
        return self.pages.currentIndex() == 1

    def copy_key(self) -> None:
        if self._key is not None:
            QGuiApplication.clipboard().setText(self._key.reveal())
            self.copy_note.setText(self.tr("Copied. Paste it somewhere private, then clear the clipboard."))

    def print_key(self) -> None:
        """Print the key (and the account it belongs to) on one page through the print dialog."""
        if self._key is None:
            return
        from PySide6.QtPrintSupport import QPrinter

        printer = messages.chooser_for(self).printer(self, QPrinter(QPrinter.PrinterMode.HighResolution),
                                                     self.tr("Print the recovery key"))
        if printer is None:
            return
        printer.setDocName(self.tr("Recovery key"))
        page = QTextDocument()
        page.setHtml(self.tr("<h2>Foot &amp; Leg Intake: recovery key</h2><p>Administrator account: <b>{0}</b></p>"
                             "<p style='font-size:18pt; font-family:monospace'><b>{1}</b></p>"
                             "<p>Keep this like the key to the building. It lets the owner back into an "
                             "administrator account; it is used up when used, and a new one is shown then.</p>")
                     .format(self._account, self._key.reveal()))
        page.print_(printer)
        self.copy_note.setText(self.tr("Sent to the printer."))

    def _finish(self) -> None:
        self._key = None
        self.key_label.clear()
        self.created.emit(self._account)
        self.accept()
