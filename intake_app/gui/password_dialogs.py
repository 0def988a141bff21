"""Changing one's own password, and the owner's way back in with the one-time recovery key.

Both check passwords (slow by design) off the GUI thread and show every refusal in the service's plain
words. The recovery key is used up when used: the new one is shown once, like at setup, and the dialog
closes only after the person confirms they have written it down.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.access.passwords import Secret
from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.sign_in import KeyGuardedDialog, password_box, password_rule, take_secret
from intake_app.gui.tasks import TaskRunner

KEY_STYLE = ("QLabel#recoveryKey { background: #fff6db; border: 1px solid #e8cf7d; border-radius: 4px;"
             " padding: 14px; font-family: 'DejaVu Sans Mono', 'Consolas', monospace; font-size: 20px;"
             " font-weight: bold; }")


class _PasswordForm(KeyGuardedDialog):
    """Shared parts: a form, the rule, a problem line, OK/Cancel, a runner."""

    succeeded = Signal(object)

    def __init__(self, clinic: Any, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.runner = TaskRunner(self)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.new = password_box(self, "newPassword")
        self.repeat = password_box(self, "repeatPassword")
        rule = QLabel(password_rule(), self)
        rule.setObjectName("help")
        rule.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.ok_button = QPushButton(ok_text, self)
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(rule)
        self.body.addWidget(self.problem)
        self.body.addLayout(buttons)
        cancel.clicked.connect(self.reject)
        self.setMinimumWidth(440)

    def refuse(self, text: str) -> None:
        self.ok_button.setEnabled(True)
        self.problem.setText(text)
        self.problem.show()

    def new_password(self) -> Secret | None:
        if self.new.text() != self.repeat.text():
            self.repeat.clear()
            self.refuse(self.tr("The two new passwords are not the same. Type them again."))
            return None
        self.repeat.clear()
        return take_secret(self.new)

    def run(self, work: Any, label: str) -> None:
        def failed(error: BaseException) -> None:
            if not isinstance(error, IntakeError):
                self.ok_button.setEnabled(True)
                raise error
            self.refuse(messages.error_text(error))

        self.ok_button.setEnabled(False)
        self.problem.hide()
        self.runner.run(work, self.succeeded.emit, failed, label=label)


class ChangePasswordDialog(_PasswordForm):
    """The signed-in person changes their own password (the current one first)."""

    def __init__(self, clinic: Any, parent: QWidget | None = None) -> None:
        super().__init__(clinic, self.tr("Change my password"), self.tr("Change password"), parent)
        self.old = password_box(self, "currentPassword")
        self.form.addRow(self.tr("&Current password"), self.old)
        self.form.addRow(self.tr("&New password"), self.new)
        self.form.addRow(self.tr("&Repeat it"), self.repeat)
        self.ok_button.clicked.connect(self.submit)
        self.succeeded.connect(lambda _result: self.accept())

    def submit(self) -> None:
        new = self.new_password()
        if new is None:
            return
        old, clinic = take_secret(self.old), self.clinic
        self.run(lambda: clinic.change_own_password(old, new), self.tr("Changing the password..."))


class RecoveryDialog(_PasswordForm):
    """The owner is locked out of the only administrator account: the recovery key, the account name and
    a new password unlock it; the key is used up and the new one is shown once."""

    def __init__(self, clinic: Any, parent: QWidget | None = None) -> None:
        super().__init__(clinic, self.tr("Use the recovery key"), self.tr("Unlock the account"), parent)
        intro = QLabel(self.tr("For the owner, when the administrator account is locked or its password "
                               "forgotten. The key is used up: a new one is shown once."), self)
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        self.account = QLineEdit(self)
        self.account.setObjectName("recoveryAccount")
        self.account.setMaxLength(40)
        self.key = QLineEdit(self)
        self.key.setObjectName("recoveryKeyInput")
        self.key.setMaxLength(80)
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.form.addRow(self.tr("Administrator &account"), self.account)
        self.form.addRow(self.tr("Recovery &key"), self.key)
        self.form.addRow(self.tr("&New password"), self.new)
        self.form.addRow(self.tr("&Repeat it"), self.repeat)
        self.new_key = QLabel(self)
        self.new_key.setObjectName("recoveryKey")
        self.new_key.setStyleSheet(KEY_STYLE)
        self.new_key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_key.hide()
        self.copy_button = QPushButton(self.tr("C&opy the new key"), self)
        self.copy_button.hide()
        self.written = QCheckBox(self.tr("I have written the new key down and put it somewhere safe"), self)
        self.written.hide()
        for widget in (self.new_key, self.copy_button, self.written):
            self.body.insertWidget(self.body.count() - 1, widget)
        self.ok_button.clicked.connect(self.submit)
        self.copy_button.clicked.connect(self._copy)
        self.written.toggled.connect(self.ok_button.setEnabled)
        self.succeeded.connect(self._show_new_key)
        self._key: Secret | None = None

    def submit(self) -> None:
        if self._key is not None:
            self._key = None
            self.new_key.clear()
            self.accept()
            return
        new = self.new_password()
        if new is None:
            return
        name, key, clinic = self.account.text().strip(), Secret(self.key.text()), self.clinic
        self.key.clear()
        self.run(lambda: clinic.recover_with_key(name, key, new), self.tr("Checking the recovery key..."))

    def _show_new_key(self, key: Secret) -> None:
        self._key = key
        self.new_key.setText(key.reveal())
        for widget in (self.new_key, self.copy_button, self.written):
            widget.show()
        self.problem.setText(self.tr("The account is unlocked with the new password. The old key no longer "
                                     "works; here is the new one, shown only now."))
        self.problem.setObjectName("help")
        self.problem.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.problem.show()
        self.ok_button.setText(self.tr("&Continue to sign in"))
        self.ok_button.setEnabled(False)

    @property
    def showing_key(self) -> bool:
        return self._key is not None

    def _copy(self) -> None:
        if self._key is not None:
            QGuiApplication.clipboard().setText(self._key.reveal())
