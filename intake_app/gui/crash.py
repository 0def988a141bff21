"""The one crash handler: unexpected errors reach a dialog that writes a local log and lets the user
carry on or quit safely. Expected failures (IntakeError) never come here; widgets show them plainly."""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from intake_app.errors import IntakeError

if TYPE_CHECKING:
    from intake_app.gui.chooser import Chooser

# Called before quitting after a crash, so open drafts are saved (set by the main window).
save_before_quit: Callable[[], None] | None = None


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                     chooser: Chooser | None = None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    # Loaded here rather than at start (the log writer, the dialogs); the window loads them soon
    # after its first paint anyway (IdleWork in main_window.py), so a crash does not wait for them.
    from intake_app.crashlog import write_crash_log
    from intake_app.gui import messages

    parent = QApplication.activeWindow()
    if isinstance(exc, IntakeError):
        messages.show_error(parent, exc)
        return
    path = write_crash_log(exc_type, tb)
    where = (QCoreApplication.translate("Crash", "Details were written to {0}.").format(path) if path
             else QCoreApplication.translate("Crash", "The crash log could not be written."))
    choice = (chooser or messages.chooser_for(parent)).crash_choice(parent, where)
    if choice == "quit":
        if save_before_quit is not None:
            with contextlib.suppress(Exception):  # quitting must not fail on a second error
                save_before_quit()
        QApplication.exit(70)


def install(chooser: Chooser | None = None) -> None:
    sys.excepthook = functools.partial(handle_exception, chooser=chooser)
