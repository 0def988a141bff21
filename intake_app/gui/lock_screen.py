"""The lock screen: covers every patient detail after the idle time; the work underneath stays open.

It names who is signed in, takes that person's password to unlock, and offers "Sign in as someone else"
(which closes the first person's intake after saving its draft). While locked, an urgent red flag that
fires at another desk shows as "Urgent red flag - sign in", without any patient data.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from intake_app.access.roles import ROLE_WORDS, Actor
from intake_app.gui.sign_in import card, centred, password_box, show_urgent, take_secret, urgent_notice


class LockScreen(QWidget):
    """`unlock_requested(Secret)`; `switch_requested()` for "Sign in as someone else"."""

    unlock_requested = Signal(object)
    switch_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._actor: Actor | None = None
        frame, inner = card(self)
        self.title = QLabel(frame)
        self.title.setObjectName("sectionTitle")
        self.who = QLabel(frame)
        self.who.setObjectName("lockedUser")
        self.who.setWordWrap(True)
        self.note = QLabel(frame)
        self.note.setObjectName("help")
        self.note.setWordWrap(True)
        self.password = password_box(frame, "unlockPassword")
        self.unlock_button = QPushButton(frame)
        self.unlock_button.setObjectName("primaryButton")
        self.unlock_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        self.error = QLabel(frame)
        self.error.setObjectName("problem")
        self.error.setWordWrap(True)
        self.error.hide()
        self.switch_button = QPushButton(frame)
        self.switch_button.setObjectName("switchUser")
        inner.addWidget(self.title)
        inner.addWidget(self.who)
        inner.addWidget(self.note)
        inner.addLayout(row)
        inner.addWidget(self.error)
        inner.addWidget(self.switch_button)
        self.urgent = urgent_notice(self)
        centred(self, frame, self.urgent)
        self.unlock_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.switch_button.clicked.connect(self.switch_requested)
        self.retranslate()

    def retranslate(self) -> None:
        """Every word of the screen in the desk's language (again when the language changes)."""
        self.title.setText(self.tr("The window is locked"))
        self.note.setText(self.tr("Nothing was lost: open work is kept as it was. Type your password to carry on."))
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.switch_button.setText(self.tr("Sign in as &someone else..."))
        if self._actor is not None:
            self.who.setText(self.tr("Signed in: {0} ({1})").format(
                self._actor.shown_name, QCoreApplication.translate("Role", ROLE_WORDS[self._actor.role])))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def show_for(self, actor: Actor) -> None:
        """Locked for `actor`: the box empty, ready for their password."""
        self._actor = actor
        self.retranslate()
        self.password.clear()
        self.error.hide()
        self.set_busy(False)
        self.password.setFocus()

    def set_urgent(self, count: int) -> None:
        show_urgent(self.urgent, count)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.password, self.unlock_button, self.switch_button):
            widget.setEnabled(not busy)

    def show_refusal(self, text: str) -> None:
        self.set_busy(False)
        self.error.setText(text)
        self.error.show()
        self.password.setFocus()

    def _submit(self) -> None:
        if not self.password.text():
            self.show_refusal(self.tr("Type your password."))
            return
        self.error.hide()
        self.set_busy(True)
        self.unlock_requested.emit(take_secret(self.password))
