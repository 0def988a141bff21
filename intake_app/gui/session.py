"""Who is at the desk: first-run setup, sign-in, the idle lock, unlocking and switching users.

The window opens on the sign-in screen. Password checks (slow by design) run off the GUI thread. An
application-wide event filter touches the idle timer on every key press and click; the wall-clock timer
(access.idle.IdleTimer, so a sleeping laptop counts) is looked at on a timer tick, when the application
becomes active again (waking) and before input is handled. Locking covers every patient detail with the
lock screen while the work underneath stays open (its unsaved answers are saved first). While locked or
signed out, the screen shows "Urgent red flag - sign in" when an urgent intake waits, without patient data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from intake_app.access.idle import IdleTimer, idle_limit, utc_now
from intake_app.access.roles import Actor
from intake_app.access.secret import Secret
from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.lock_screen import LockScreen
from intake_app.gui.sign_in import SignInScreen, show_urgent
from intake_app.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from intake_app.gui.main_window import MainWindow

#: How often the idle time is looked at (the lock comes at most this late; input checks at once).
IDLE_TICK_MS = 5000
#: How often the lock and sign-in screens ask whether an urgent red flag waits.
URGENT_POLL_MS = 15000
_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick})


def refusal_text(error: IntakeError) -> str:
    """A refusal (sign-in, unlock) in the desk's language: what happened and what to do."""
    return messages.error_text(error)


class Session(QObject):
    """Signed in (`actor`), locked or signed out; drives the window's sign-in and lock screens."""

    signed_in = Signal(object)  # the Actor
    signed_out = Signal()
    locked_changed = Signal(bool)
    urgent_checked = Signal(int)  # intakes with an unacknowledged urgent red flag (a count only)

    def __init__(self, window: MainWindow, clock: Callable[[], dt.datetime] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock or utc_now
        self.clinic: Any = None
        self.actor: Actor | None = None
        self.locked = False
        self.idle: IdleTimer | None = None
        self.runner = TaskRunner(self)  # sign-in, unlock: password checks
        self.poller = TaskRunner(self)  # the urgent count (never shown as busy)
        self.sign_in_screen = SignInScreen(window)
        self.lock_screen = LockScreen(window)
        self.tick = QTimer(self)
        self.tick.setInterval(IDLE_TICK_MS)
        self.tick.timeout.connect(self.check_idle)
        self.urgent_timer = QTimer(self)
        self.urgent_timer.setInterval(URGENT_POLL_MS)
        self.urgent_timer.timeout.connect(self.poll_urgent)
        self.sign_in_screen.sign_in_requested.connect(self.sign_in)
        self.sign_in_screen.new_password_requested.connect(self.sign_in_with_new_password)
        self.sign_in_screen.back_requested.connect(self._back_to_lock)
        self.sign_in_screen.setup_button.clicked.connect(self.open_setup)
        self.sign_in_screen.recover_button.clicked.connect(self.open_recovery)
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.lock_screen.switch_requested.connect(self._switch)
        self._watching = False
        self._windows: dict[int, QWindow] = {}  # watched top-level windows, by identity
        self._ignored: QWidget | None = None  # patient mode: its touches are the patient's, not the desk's
        #: urgent red flags answered in patient mode and not yet in the database (shown while locked)
        self.pending_urgent = 0
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._on_application_state)

    # --- starting ------------------------------------------------------------------------------

    def begin(self, clinic: Any, has_accounts: bool) -> None:
        """The database is open: first-run setup on an empty one, then the sign-in screen."""
        self.clinic = clinic
        self._show_sign_in()
        if not has_accounts:
            self.open_setup()

    def open_setup(self) -> None:
        from intake_app.gui.setup_dialog import SetupDialog

        dialog = SetupDialog(self.clinic, self.window)
        dialog.created.connect(self._after_setup)
        dialog.rejected.connect(self._setup_cancelled)
        self.window.busy.track(dialog.runner)
        self.setup_dialog = dialog
        dialog.open()

    def open_recovery(self) -> None:
        """The owner's way back into an administrator account with the one-time recovery key."""
        from intake_app.gui.password_dialogs import RecoveryDialog

        if self.clinic is None:
            return
        dialog = RecoveryDialog(self.clinic, self.window)
        dialog.accepted.connect(lambda: self._after_setup(dialog.account.text().strip()))
        self.window.busy.track(dialog.runner)
        self.recovery_dialog = dialog
        dialog.open()

    def change_password(self) -> None:
        """The signed-in person changes their own password."""
        from intake_app.gui.password_dialogs import ChangePasswordDialog

        if self.actor is None or self.locked:
            return
        dialog = ChangePasswordDialog(self.clinic, self.window)
        dialog.accepted.connect(lambda: self.window.statusBar().showMessage(self.tr("Password changed"), 5000))
        self.window.busy.track(dialog.runner)
        self.password_dialog = dialog
        dialog.open()

    def _after_setup(self, name: str) -> None:
        self.sign_in_screen.setup_button.hide()
        self.sign_in_screen.reset()
        self.sign_in_screen.name.setText(name)
        self.sign_in_screen.password.setFocus()

    def _setup_cancelled(self) -> None:
        self.sign_in_screen.show_no_accounts()

    # --- signing in ----------------------------------------------------------------------------

    def sign_in(self, name: str, password: Secret, new_password: Secret | None = None) -> None:
        clinic = self.clinic
        if clinic is None:
            self.sign_in_screen.show_refusal(self.tr("The database is not open yet."))
            return

        def work() -> tuple[Actor, int]:
            actor = clinic.sign_in(name, password, new_password=new_password)
            return actor, clinic.idle_minutes

        def refused(error: BaseException) -> None:
            from intake_app.services import PasswordChangeNeeded

            if isinstance(error, PasswordChangeNeeded):
                self.sign_in_screen.ask_new_password(name, password, refusal_text(error))
            elif isinstance(error, IntakeError):
                self.sign_in_screen.show_refusal(refusal_text(error))
            else:
                self.sign_in_screen.set_busy(False)
                raise error

        self.runner.run(work, lambda result: self._signed_in(*result), refused, label=self.tr("Signing in..."))

    def sign_in_with_new_password(self, name: str, old: Secret, new: Secret) -> None:
        self.sign_in(name, old, new)

    def _signed_in(self, actor: Actor, idle_minutes: int) -> None:
        if self.locked:  # "Sign in as someone else": the first person's intake closes (already saved)
            self.window.close_for_switch()
        self.actor = actor
        self.locked = False
        self.idle = IdleTimer(self._limit(idle_minutes), self.clock)
        self._watch_input(True)
        self.tick.start()
        self.urgent_timer.stop()
        self.sign_in_screen.reset()
        self.sign_in_screen.name.clear()
        self.window.start_work(actor)
        self.locked_changed.emit(False)
        self.signed_in.emit(actor)

    @staticmethod
    def _limit(minutes: int) -> dt.timedelta:
        try:
            return idle_limit(minutes)
        except IntakeError:
            return idle_limit(5)

    def adopt(self, actor: Actor, idle_minutes: int) -> None:
        """Someone signed in outside the sign-in screen (staff leaving patient mode): the same person
        carries on (unlocked, if the desk was locked); another person takes over the desk, as "Sign in as
        someone else" does (the first person's open intake is saved and closed)."""
        if self.actor is not None and actor.name == self.actor.name:
            self.actor = actor
            if self.locked:
                self._unlocked(actor)
            elif self.idle is not None:
                self.idle.touch()
            return
        if self.actor is not None and not self.locked:
            self.window.before_lock()  # saves the open intake, hides dialogs (closed by the switch)
            self.locked = True
        self._signed_in(actor, idle_minutes)

    def sign_out(self) -> None:
        """Save and close the open intake (asking first), then back to the sign-in screen."""
        if self.actor is None or self.locked or not self.window.leave_intake():
            return
        try:
            self.clinic.sign_out()
        except IntakeError as exc:
            self.window.statusBar().showMessage(messages.desk_text(exc.message), 10000)
        self.actor = None
        self.idle = None
        self._watch_input(False)
        self.tick.stop()
        self.window.end_work()
        self._show_sign_in()
        self.signed_out.emit()

    def _show_sign_in(self) -> None:
        self.sign_in_screen.set_switching(None)
        self.sign_in_screen.reset()
        self.window.show_screen(self.sign_in_screen)
        self._watch_urgent()

    # --- the idle lock -------------------------------------------------------------------------

    def _watch_input(self, on: bool) -> None:
        """Keys and clicks are watched where the platform hands them in: at each top-level window's QWindow,
        before any widget sees them, and only while someone works (not while signed out, locked, or before
        anyone signs in). Not an application-wide filter: that is a Python call for every event of every
        widget (paints, moves, a modal dialog's "window blocked" to each of ~1,000 widgets), which held the
        window up tens of milliseconds while a preview opened. Windows that appear later (dialogs, patient
        mode) are watched when they take the focus, which they do before their first key."""
        app = QGuiApplication.instance()
        if on == self._watching or not isinstance(app, QGuiApplication):
            return
        if on:
            app.focusWindowChanged.connect(self._watch_window)
            for window in app.topLevelWindows():
                self._watch_window(window)
        else:
            app.focusWindowChanged.disconnect(self._watch_window)
            for window in self._windows.values():
                if shiboken6.isValid(window):
                    window.removeEventFilter(self)
            self._windows.clear()
        self._watching = on

    def _watch_window(self, window: QWindow | None) -> None:
        if window is None or id(window) in self._windows or not shiboken6.isValid(window):
            return
        key = id(window)
        self._windows[key] = window
        window.installEventFilter(self)
        window.destroyed.connect(lambda _gone=None, key=key: self._windows.pop(key, None))

    def ignore_input_of(self, window: QWidget | None) -> None:
        """Input in this window (patient mode) neither keeps the desk awake nor is taken by the lock."""
        self._ignored = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() not in _INPUT:  # every other event of the window (expose, timers...) returns at once
            return False
        if self.idle is not None and not self.locked:
            ignored = self._ignored
            if ignored is not None and shiboken6.isValid(ignored) and watched == ignored.windowHandle():
                return False
            if self.idle.should_lock():
                self.lock()
                return True  # the first key or click after the idle time only shows the lock screen
            self.idle.touch()
        return False

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_idle()  # e.g. the laptop woke up: the wall clock counted the sleep

    def check_idle(self) -> None:
        """On a tick: lock once the idle time has passed."""
        if self.idle is not None and not self.locked and self.idle.should_lock():
            self.lock()

    def lock(self) -> None:
        """Hide all patient data behind the lock screen; unsaved answers are saved first, work stays open."""
        if self.actor is None or self.locked:
            return
        self.window.before_lock()
        self.locked = True
        self._watch_input(False)
        try:
            self.clinic.lock()
        except IntakeError as exc:  # the screen locks all the same
            self.window.statusBar().showMessage(messages.desk_text(exc.message), 10000)
        self.lock_screen.show_for(self.actor)
        self.window.show_screen(self.lock_screen)
        self._watch_urgent()
        self.locked_changed.emit(True)

    def unlock(self, password: Secret) -> None:
        clinic = self.clinic

        def refused(error: BaseException) -> None:
            if isinstance(error, IntakeError):
                self.lock_screen.show_refusal(refusal_text(error))
            else:
                self.lock_screen.set_busy(False)
                raise error

        self.runner.run(lambda: clinic.unlock_session(password), self._unlocked, refused,
                        label=self.tr("Unlocking..."))

    def _unlocked(self, _actor: Actor) -> None:
        self.locked = False
        self._watch_input(True)
        self.urgent_timer.stop()
        if self.idle is not None:
            self.idle.touch()
        self.window.after_unlock()
        self.locked_changed.emit(False)

    def _switch(self) -> None:
        assert self.actor is not None
        self.sign_in_screen.reset()
        self.sign_in_screen.set_switching(self.actor.shown_name)
        self.window.show_screen(self.sign_in_screen)

    def _back_to_lock(self) -> None:
        if self.locked and self.actor is not None:
            self.lock_screen.show_for(self.actor)
            self.window.show_screen(self.lock_screen)

    # --- "Urgent red flag - sign in" -------------------------------------------------------------

    def _watch_urgent(self) -> None:
        self.urgent_timer.start()
        self.poll_urgent()

    def poll_urgent(self) -> None:
        clinic = self.clinic
        if clinic is None or self.poller.is_busy or (self.actor is not None and not self.locked):
            return

        def shown(count: int) -> None:
            count = max(count, self.pending_urgent)
            for label in (self.lock_screen.urgent, self.sign_in_screen.urgent):
                show_urgent(label, count)
            self.urgent_checked.emit(count)

        def failed(error: BaseException) -> None:
            if not isinstance(error, IntakeError):
                raise error  # a database hiccup: the next poll asks again

        self.poller.run(clinic.urgent_waiting, shown, failed)

    def show_urgent_now(self) -> None:
        """A red flag just answered in patient mode: the lock and sign-in screens say so at once (a count
        only), before the next poll."""
        if self.actor is None or self.locked:
            for label in (self.lock_screen.urgent, self.sign_in_screen.urgent):
                show_urgent(label, max(1, self.pending_urgent))
            self.poll_urgent()

    def stop(self) -> None:
        """The window closes: no more ticks or polls."""
        self.tick.stop()
        self.urgent_timer.stop()
        self._watch_input(False)
        self.runner.wait()
        self.poller.wait()
