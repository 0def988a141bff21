"""A clinician signs off a red flag at the desk where it fired: their own account name and password.

The front desk's session is not taken over: the clinician countersigns this one action
(`Clinic.acknowledge_red_flag(..., clinician=..., password=...)`); a front-desk or administrator password
is refused by the service in plain words.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from intake_app.access.passwords import Secret


class AcknowledgeDialog(QDialog):
    """Asks the clinician's account name and password; `answer()` gives them once accepted."""

    def __init__(self, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acknowledge the red flag"))
        text = QLabel(summary, self)
        text.setWordWrap(True)
        who = QLabel(self.tr("A clinician signs with their own account. The desk stays signed in as it is."), self)
        who.setObjectName("help")
        who.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("clinicianAccount")
        self.name.setMaxLength(40)
        self.name.setPlaceholderText(self.tr("e.g. ana.ruiz"))
        self.password = QLineEdit(self)
        self.password.setObjectName("clinicianPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(1024)
        form = QFormLayout()
        form.addRow(self.tr("Clinician's &account"), self.name)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Acknowledge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update)
        self.password.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.account()) and bool(self.password.text()))

    def account(self) -> str:
        return self.name.text().strip()

    def answer(self) -> tuple[str, Secret]:
        """The account name and the password (masked in every repr); the box is cleared."""
        secret = Secret(self.password.text())
        self.password.clear()
        return self.account(), secret
