"""Starting the window: paint first, then open the database in the background, then setup (on an empty
database) and the sign-in screen.

PySide6 slows every import that follows it, so SQLAlchemy, Alembic and reportlab are loaded only
after the first paint, off the GUI thread. The background thread starts only once the window has been
painted: started earlier, its imports hold the interpreter lock while the first paint waits for it.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from intake_app.errors import IntakeError
from intake_app.gui import crash, messages
from intake_app.gui.chooser import Chooser
from intake_app.gui.main_window import MainWindow
from intake_app.gui.sign_in import SIGN_IN_STYLE
from intake_app.gui.style import FOCUS_STYLE, FORM_STYLE
from intake_app.gui.tasks import TaskRunner
from intake_app.resources import resource_path
from intake_app.settings import Settings, config_dir, load_settings


def window_state() -> QSettings:
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Foot & Leg Intake")
    app.setOrganizationName("intake-app")
    app.setStyleSheet(resource_path("style.qss").read_text(encoding="utf-8") + FORM_STYLE + FOCUS_STYLE
                      + SIGN_IN_STYLE)
    return app


def open_database_later(window: MainWindow, database_url: str | None, runner: TaskRunner,
                        clinic_options: Mapping[str, Any] | None = None) -> None:
    """Open (and migrate) the database off the GUI thread, then hand the clinic to the window (with
    whether any staff account exists yet). `clinic_options` go to Clinic.open (e.g. a password hasher)."""

    def work() -> tuple[Any, str, bool]:
        from intake_app.services import Clinic

        clinic = Clinic.open(database_url, window.settings, **dict(clinic_options or {}))
        return clinic, clinic.describe_database(), clinic.has_accounts()

    def failed(error: BaseException) -> None:
        if isinstance(error, IntakeError):
            title = QCoreApplication.translate("MainWindow", "The database cannot be opened")
            messages.show_error(window, error, title)
            window.patients._show_empty(
                QCoreApplication.translate("MainWindow", "The database could not be opened.\n{0}").format(
                    messages.error_text(error)))
            return
        raise error

    runner.run(work, lambda result: window.set_clinic(*result), failed,
               label=QCoreApplication.translate("MainWindow", "Opening the database..."))


#: A window that never paints (started minimised) still opens its database after this long.
PAINT_WAIT_MS = 1500


class _AfterFirstPaint(QObject):
    """Runs `action` once, on the event-loop turn after the window's first paint (or when the window
    is not shown at all once the event loop runs, or after PAINT_WAIT_MS at the latest)."""

    def __init__(self, window: MainWindow, action: Any) -> None:
        super().__init__(window)
        self._window = window
        self._action = action
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(0, self._if_not_shown)
        QTimer.singleShot(PAINT_WAIT_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window and event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self._run)
        return False

    def _if_not_shown(self) -> None:
        if not self._window.isVisible():
            self._run()

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        self._action()


def build_window(database_url: str | None = None, settings: Settings | None = None,
                 chooser: Chooser | None = None, *, clock: Callable[[], dt.datetime] | None = None,
                 clinic_options: Mapping[str, Any] | None = None) -> MainWindow:
    """The window; `clock` measures the idle time, `clinic_options` go to Clinic.open (tests pass a cheap
    password hasher and a simulated clock)."""
    window = MainWindow(settings or load_settings(), window_state(), chooser=chooser, clock=clock)
    runner = TaskRunner(window)
    window.busy.track(runner)
    def after_first_paint() -> None:
        # What is loaded by now lives as long as the program: out of the garbage collector's full passes,
        # which the database's loading (SQLAlchemy, on its thread) would otherwise trigger over it all,
        # pausing the sign-in screen for 90-140 ms.
        gc.freeze()
        open_database_later(window, database_url, runner, clinic_options)

    _AfterFirstPaint(window, after_first_paint)
    return window


def run(database_url: str | None = None) -> int:
    try:
        settings = load_settings()
    except IntakeError as exc:
        print(exc, file=sys.stderr)
        return 1
    app = create_application()
    chooser = Chooser()
    crash.install(chooser)
    window = build_window(database_url, settings, chooser)
    crash.save_before_quit = window.save_open_draft
    window.show()
    code = int(app.exec())
    if window.clinic is not None:  # records the sign-out and writes any queued views and searches
        try:
            if window.clinic.signed_in is not None:
                window.clinic.sign_out()
        except IntakeError as exc:
            print(exc, file=sys.stderr)
        finally:
            window.clinic.close()
    return code
