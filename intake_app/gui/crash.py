"""The one crash handler: unexpected errors reach a dialog that writes a local log and lets the user
carry on or quit safely. Expected failures (IntakeError) never come here; widgets show them plainly."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from intake_app.crashlog import write_crash_log
from intake_app.errors import IntakeError
from intake_app.gui import messages

# Called before quitting after a crash, so open drafts are saved (set by the main window).
save_before_quit: Callable[[], None] | None = None
# Test hook: when set, the choice is taken from here ("continue" or "quit") and no dialog opens.
AUTO_CHOICE: str | None = None


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(exc, IntakeError):
        messages.show_error(QApplication.activeWindow(), exc)
        return
    path = write_crash_log(exc_type, tb)
    where = f"Details were written to {path}." if path else "The crash log could not be written."
    choice = AUTO_CHOICE or _ask(QApplication.activeWindow(), where)
    messages.SHOWN.append(("crash", "Unexpected error", where))
    if choice == "quit":
        if save_before_quit is not None:
            with contextlib.suppress(Exception):  # quitting must not fail on a second error
                save_before_quit()
        QApplication.exit(70)


def _ask(parent: QWidget | None, where: str) -> str:
    box = QMessageBox(QMessageBox.Icon.Critical, "Unexpected error",
                      "Something went wrong that the program did not expect.", parent=parent)
    box.setInformativeText(
        f"{where}\nThe log holds no patient details; nothing was sent anywhere. Everything saved so far is safe.\n"
        "You can carry on working, or save open drafts and quit."
    )
    carry_on = box.addButton("Carry on", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Save and quit", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(carry_on)
    box.exec()
    return "continue" if box.clickedButton() is carry_on else "quit"


def install() -> None:
    sys.excepthook = handle_exception
