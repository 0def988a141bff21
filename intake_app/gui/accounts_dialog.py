"""Staff accounts (administrators): the list, add one with its role, switch off or on, unlock, reset a
password. Every change goes through the clinic, which checks the role and records it; hashing a password
is slow, so the calls run off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_app.access.accounts import Account
from intake_app.access.audit_export import local_time_text
from intake_app.access.passwords import Secret
from intake_app.access.roles import ACCOUNT_ROLES, ROLE_WORDS, Role
from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.sign_in import password_box, password_rule, take_secret
from intake_app.gui.tasks import TaskRunner


def account_state(account: Account, now: dt.datetime | None = None) -> str:
    """An account's state in words (the desk's language): active, switched off, locked until, must choose
    a new password."""
    now = now or dt.datetime.now(dt.UTC)
    words = []
    if account.disabled:
        words.append(QCoreApplication.translate("AccountsDialog", "switched off"))
    if account.locked_until is not None and account.locked_until > now:
        words.append(QCoreApplication.translate("AccountsDialog", "locked until {0}").format(
            local_time_text(account.locked_until)[11:16]))
    if account.must_change_password:
        words.append(QCoreApplication.translate("AccountsDialog", "must choose a new password"))
    return ", ".join(words) or QCoreApplication.translate("AccountsDialog", "active")


def role_text(role: Role) -> str:
    """A role's plain words (access.roles.ROLE_WORDS) in the desk's language."""
    return QCoreApplication.translate("Role", ROLE_WORDS[role])


class AccountForm(QDialog):
    """Add an account (name, full name, role, first password) or reset a password (`name` given)."""

    def __init__(self, parent: QWidget | None = None, *, reset_for: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset the password of {0}").format(reset_for) if reset_for
                            else self.tr("Add an account"))
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("accountName")
        self.name.setMaxLength(40)
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("accountDisplayName")
        self.display_name.setMaxLength(100)
        self.role = QComboBox(self)
        self.role.setObjectName("accountRole")
        for role in ACCOUNT_ROLES:
            self.role.addItem(role_text(role), role.value)
        self.password = password_box(self, "accountPassword")
        self.repeat = password_box(self, "accountRepeat")
        if reset_for is None:
            form.addRow(self.tr("Account &name"), self.name)
            form.addRow(self.tr("&Full name"), self.display_name)
            form.addRow(self.tr("&Role"), self.role)
        else:
            self.name.setText(reset_for)
            self.name.hide()
            self.display_name.hide()
            self.role.hide()
        form.addRow(self.tr("First &password") if reset_for is None else self.tr("New &password"), self.password)
        form.addRow(self.tr("R&epeat it"), self.repeat)
        note = QLabel(self.tr(
            "{0} Give it to the person privately: they must choose their own at their first sign-in.").format(
                password_rule()), self)
        note.setObjectName("help")
        note.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Reset password") if reset_for else self.tr("Add account"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.secret: Secret | None = None

    def _check(self) -> None:
        if self.password.text() != self.repeat.text():
            self.repeat.clear()
            self.problem.setText(self.tr("The two passwords are not the same. Type them again."))
            self.problem.show()
            return
        self.secret = take_secret(self.password)
        self.repeat.clear()
        self.accept()

    def chosen_role(self) -> Role:
        return Role(str(self.role.currentData()))


class AccountsDialog(QDialog):
    """The accounts table with its actions; `changed()` after each change reached the database."""

    changed = Signal()
    listed = Signal(int)

    def __init__(self, clinic: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.runner = TaskRunner(self)
        self.accounts: list[Account] = []
        self.setWindowTitle(self.tr("Staff accounts"))
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Full name"), self.tr("Role"),
                                              self.tr("State")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("&Add..."), self)
        self.toggle_button = QPushButton(self.tr("Switch &off"), self)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.reset_button = QPushButton(self.tr("&Reset password..."), self)
        close = QPushButton(self.tr("Close"), self)
        self.add_button.clicked.connect(self.add)
        self.toggle_button.clicked.connect(self.toggle)
        self.unlock_button.clicked.connect(self.unlock)
        self.reset_button.clicked.connect(self.reset_password)
        close.clicked.connect(self.accept)
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.unlock_button, self.reset_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(720, 420)
        self._update_buttons()
        self.refresh()

    # --- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        clinic = self.clinic
        self.runner.run(clinic.list_accounts, self._show, self._failed, label=self.tr("Reading accounts..."))

    def _show(self, accounts: list[Account]) -> None:
        selected = self.selected()
        self.accounts = list(accounts)
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            cells = (account.name, account.display_name, role_text(account.role), account_state(account))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, account.name)
                self.table.setItem(row, column, item)
            if selected is not None and account.name == selected.name:
                self.table.selectRow(row)
        self._update_buttons()
        self.listed.emit(len(accounts))

    def selected(self) -> Account | None:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) and self.table.selectedItems() else None

    def select(self, name: str) -> None:
        for row, account in enumerate(self.accounts):
            if account.name == name:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        account = self.selected()
        for button in (self.toggle_button, self.unlock_button, self.reset_button):
            button.setEnabled(account is not None)
        if account is not None:
            self.toggle_button.setText(self.tr("Switch &on") if account.disabled else self.tr("Switch &off"))

    # --- changes -------------------------------------------------------------------------------

    def _change(self, work: Any, done_text: str) -> None:
        def done(_result: object) -> None:
            self.status.setText(done_text)
            self.changed.emit()
            self.refresh()

        self.runner.run(work, done, self._failed, label=self.tr("Saving..."))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, IntakeError):
            raise error
        messages.show_error(self, error, self.tr("Staff accounts"))

    def add(self) -> None:
        form = AccountForm(self)
        if form.exec() != QDialog.DialogCode.Accepted or form.secret is None:
            return
        self.add_account(form.name.text().strip(), form.display_name.text().strip(), form.chosen_role(), form.secret)

    def add_account(self, name: str, display_name: str, role: Role, password: Secret) -> None:
        clinic = self.clinic
        self._change(lambda: clinic.add_account(name, display_name, role, password),
                     self.tr("Added {0} ({1}); they choose their own password at their first sign-in.")
                     .format(name, role_text(role)))

    def toggle(self) -> None:
        account = self.selected()
        if account is None:
            return
        clinic, name = self.clinic, account.name
        if account.disabled:
            self._change(lambda: clinic.enable_account(name), self.tr("{0} is switched on.").format(name))
        elif messages.ask_yes_no(self, self.tr("Switch off an account"),
                                 self.tr("Switch off {0}? They can no longer sign in.").format(name)):
            self._change(lambda: clinic.disable_account(name), self.tr("{0} is switched off.").format(name))

    def unlock(self) -> None:
        account = self.selected()
        if account is not None:
            clinic, name = self.clinic, account.name
            self._change(lambda: clinic.unlock_account(name), self.tr("{0} can sign in again.").format(name))

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        form = AccountForm(self, reset_for=account.name)
        if form.exec() != QDialog.DialogCode.Accepted or form.secret is None:
            return
        self.reset_to(account.name, form.secret)

    def reset_to(self, name: str, password: Secret) -> None:
        clinic = self.clinic
        self._change(lambda: clinic.reset_password(name, password),
                     self.tr("The password of {0} is reset; they choose their own at their next sign-in.")
                     .format(name))
