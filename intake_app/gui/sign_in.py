"""The sign-in screen the window opens on: account name, password, Sign in; and, when an administrator
has just set the password, a second step that asks for a new one (twice, with the rule in plain words).

The screen only collects what was typed; the window's session (session.py) checks it off the GUI thread
and calls back `show_refusal`, `ask_new_password` or `reset`. Passwords leave the boxes only inside a
`Secret`, and the boxes are cleared as soon as they are read.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.access.secret import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, Secret

URGENT_STYLE = ("QLabel#urgentNotice { color: #ffffff; background: #b3261e; border-radius: 4px; padding: 8px 12px;"
                " font-weight: bold; font-size: 15px; }")
RECOVER_STYLE = ("QPushButton#recoverButton { border: 2px solid transparent; background: transparent; color: #1d5fa8;"
                 " text-decoration: underline; text-align: left; padding: 2px 0; }"
                 " QPushButton#recoverButton:focus { border: 2px solid #1d5fa8; }")
# The sign-in and lock screens' own rules, part of the application's style sheet (app.py): a style sheet set
# on a single widget is parsed and polished apart, which the first paint would wait for.
SIGN_IN_STYLE = "\n" + URGENT_STYLE + "\n" + RECOVER_STYLE + "\n"


def password_rule() -> str:
    """The new-password rule in plain words, in the desk's language (the service checks the same rule)."""
    return QCoreApplication.translate(
        "PasswordRule", "At least {0} characters, not only spaces, and not the account name. "
        "A few unrelated words make a long password that is easy to remember.").format(MIN_PASSWORD_LENGTH)


def password_box(parent: QWidget, name: str) -> QLineEdit:
    box = QLineEdit(parent)
    box.setObjectName(name)
    box.setEchoMode(QLineEdit.EchoMode.Password)
    box.setMaxLength(MAX_PASSWORD_LENGTH)
    return box


def take_secret(box: QLineEdit) -> Secret:
    """What the box holds, as a Secret; the box is emptied."""
    secret = Secret(box.text())
    box.clear()
    return secret


def card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """A framed column centred on the page (the sign-in and lock screens share the look)."""
    frame = QFrame(parent)
    frame.setObjectName("signInCard")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setMaximumWidth(460)
    frame.setMinimumWidth(340)
    inner = QVBoxLayout(frame)
    inner.setContentsMargins(20, 14, 20, 14)
    inner.setSpacing(8)
    return frame, inner


def centred(page: QWidget, frame: QFrame, urgent: QLabel) -> None:
    outer = QVBoxLayout(page)
    outer.setContentsMargins(12, 8, 12, 8)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    column = QVBoxLayout()
    column.setSpacing(8)
    column.addWidget(urgent)
    column.addWidget(frame)
    row.addLayout(column, 3)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)


class UrgentNotice(QLabel):
    """'Urgent red flag - sign in' over the sign-in and lock screens: shown while an urgent intake waits
    (a count only, never any patient data), in the desk's language, worded again when it changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgentNotice")  # styled by URGENT_STYLE in the application's style sheet
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.count = 0
        self.hide()

    def show_count(self, count: int) -> None:
        self.count = count
        if count > 0:
            self.setText(self.tr("Urgent red flag - sign in") if count == 1
                         else self.tr("Urgent red flags ({0}) - sign in").format(count))
        self.setVisible(count > 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.count > 0:
            self.show_count(self.count)


def urgent_notice(parent: QWidget) -> UrgentNotice:
    return UrgentNotice(parent)


def show_urgent(label: UrgentNotice, count: int) -> None:
    label.show_count(count)



class KeyGuardedDialog(QDialog):
    """A dialog that cannot be closed (Escape, the window's close button, reject) while it shows a one-time
    recovery key: the key is shown once and would be lost. Subclasses say when with `showing_key`."""

    @property
    def showing_key(self) -> bool:
        return False

    def reject(self) -> None:
        if not self.showing_key:
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if self.showing_key and event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.showing_key:
            event.ignore()
            return
        super().closeEvent(event)

class SignInScreen(QWidget):
    """`sign_in_requested(name, Secret)`, `new_password_requested(name, old Secret, new Secret)`,
    `back_requested()` (only offered while switching from the lock screen)."""

    sign_in_requested = Signal(str, object)
    new_password_requested = Signal(str, object, object)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInScreen")
        self._old: Secret | None = None
        self._name = ""
        self._switching: str | None = None
        frame, inner = card(self)
        self.title = QLabel(frame)
        self.title.setObjectName("sectionTitle")
        self.subtitle = QLabel(frame)
        self.subtitle.setWordWrap(True)
        # Two steps, one shown at a time (plain visibility, so the card is only as tall as the step).
        first = QWidget(frame)
        form = QFormLayout(first)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(first)
        self.name.setObjectName("signInName")
        self.name.setMaxLength(40)
        self.password = password_box(first, "signInPassword")
        self.name_label, self.password_label = QLabel(first), QLabel(first)
        form.addRow(self.name_label, self.name)
        form.addRow(self.password_label, self.password)
        self.name_label.setBuddy(self.name)
        self.password_label.setBuddy(self.password)
        self.sign_in_button = QPushButton(first)
        self.sign_in_button.setObjectName("primaryButton")
        self.sign_in_button.setDefault(True)
        self.back_button = QPushButton(first)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        form.addRow(buttons)

        second = QWidget(frame)
        column = QVBoxLayout(second)
        column.setContentsMargins(0, 0, 0, 0)
        self.change_note = QLabel(second)
        self.change_note.setWordWrap(True)
        self.rule = QLabel(second)
        self.rule.setObjectName("help")
        self.rule.setWordWrap(True)
        change_form = QFormLayout()
        self.new_password = password_box(second, "newPassword")
        self.repeat_password = password_box(second, "repeatPassword")
        self.new_label, self.repeat_label = QLabel(second), QLabel(second)
        change_form.addRow(self.new_label, self.new_password)
        change_form.addRow(self.repeat_label, self.repeat_password)
        self.new_label.setBuddy(self.new_password)
        self.repeat_label.setBuddy(self.repeat_password)
        self.change_button = QPushButton(second)
        self.change_button.setObjectName("primaryButton")
        self.cancel_change = QPushButton(second)
        change_buttons = QHBoxLayout()
        change_buttons.addWidget(self.cancel_change)
        change_buttons.addStretch(1)
        change_buttons.addWidget(self.change_button)
        column.addWidget(self.change_note)
        column.addWidget(self.rule)
        column.addLayout(change_form)
        column.addLayout(change_buttons)
        self._steps = (first, second)

        self.error = QLabel(frame)
        self.error.setObjectName("problem")
        self.error.setWordWrap(True)
        self.error.hide()
        self.switch_note = QLabel(frame)
        self.switch_note.setObjectName("help")
        self.switch_note.setWordWrap(True)
        self.switch_note.hide()
        self.setup_button = QPushButton(frame)
        self.setup_button.setObjectName("setupButton")
        self.setup_button.hide()
        self.recover_button = QPushButton(frame)
        self.recover_button.setObjectName("recoverButton")  # styled by RECOVER_STYLE (application style sheet)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addWidget(self.switch_note)
        inner.addWidget(first)
        inner.addWidget(second)
        inner.addWidget(self.error)
        inner.addWidget(self.setup_button)
        inner.addWidget(self.recover_button)
        self.urgent = urgent_notice(self)
        centred(self, frame, self.urgent)

        self.sign_in_button.clicked.connect(self._submit)
        self.name.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._submit)
        self.change_button.clicked.connect(self._submit_new)
        self.repeat_password.returnPressed.connect(self._submit_new)
        self.cancel_change.clicked.connect(self.reset)
        self.back_button.clicked.connect(self.back_requested)
        self.retranslate()
        self.set_switching(None)
        self._show_step(0)

    def retranslate(self) -> None:
        """Every fixed word of the screen in the desk's language (again when the language changes: the
        screen is built before the database, which holds the clinic's language, is open)."""
        self.title.setText(self.tr("Foot & Leg Intake"))
        self.subtitle.setText(self.tr("Sign in with your own account."))
        self.name_label.setText(self.tr("Account &name"))
        self.password_label.setText(self.tr("&Password"))
        self.sign_in_button.setText(self.tr("&Sign in"))
        self.back_button.setText(self.tr("Back to the lock screen"))
        self.rule.setText(password_rule())
        self.new_label.setText(self.tr("&New password"))
        self.repeat_label.setText(self.tr("&Repeat it"))
        self.change_button.setText(self.tr("Set password and sign in"))
        self.cancel_change.setText(self.tr("Cancel"))
        self.setup_button.setText(self.tr("Set up the &administrator account..."))
        self.recover_button.setText(self.tr("Administrator locked out? Use the &recovery key..."))
        self.set_switching(self._switching)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    @property
    def step(self) -> int:
        """0: name and password; 1: choosing a new password."""
        return 1 if self._steps[1].isVisibleTo(self) else 0

    def _show_step(self, step: int) -> None:
        self._steps[1 - step].hide()
        self._steps[step].show()

    # --- what the session calls ----------------------------------------------------------------

    def set_switching(self, current: str | None) -> None:
        """Switching users from the lock screen (`current` is who is locked out) or a plain sign-in."""
        self._switching = current
        self.back_button.setVisible(current is not None)
        if current is not None:
            self.switch_note.setText(self.tr("Signing in closes the intake {0} has open; its draft is saved first.")
                                     .format(current))
        self.switch_note.setVisible(current is not None)

    def reset(self) -> None:
        """Back to the first step, boxes empty, ready to type a name."""
        self._old = None
        for box in (self.password, self.new_password, self.repeat_password):
            box.clear()
        self._show_step(0)
        self.set_busy(False)
        self.error.hide()
        self.name.setFocus()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.sign_in_button, self.change_button, self.name, self.password):
            widget.setEnabled(not busy)

    def show_no_accounts(self) -> None:
        """Setup was cancelled on an empty database: say what to do (the setup button shows again)."""
        self.show_refusal(self.tr("There are no staff accounts yet: set up the administrator account first."))
        self.setup_button.show()

    def show_refusal(self, text: str) -> None:
        self.set_busy(False)
        self.error.setText(text)
        self.error.show()
        if self.step == 0:
            self.password.setFocus()
        else:
            self.new_password.setFocus()

    def ask_new_password(self, name: str, old: Secret, reason: str) -> None:
        """The account must choose its own password before it can sign in."""
        self._name, self._old = name, old
        self.change_note.setText(reason)
        self._show_step(1)
        self.set_busy(False)
        self.error.hide()
        self.new_password.setFocus()

    # --- typing --------------------------------------------------------------------------------

    def _submit(self) -> None:
        name = self.name.text().strip()
        if not name or not self.password.text():
            self.show_refusal(self.tr("Type your account name and password."))
            return
        self.error.hide()
        self.set_busy(True)
        self.sign_in_requested.emit(name, take_secret(self.password))

    def _submit_new(self) -> None:
        if self._old is None:
            self.reset()
            return
        if self.new_password.text() != self.repeat_password.text():
            self.repeat_password.clear()
            self.show_refusal(self.tr("The two new passwords are not the same. Type them again."))
            return
        self.error.hide()
        self.set_busy(True)
        new = take_secret(self.new_password)
        self.repeat_password.clear()
        self.new_password_requested.emit(self._name, self._old, new)
