"""Starting the window: paint first, then open the database in the background.

PySide6 slows every import that follows it, so SQLAlchemy, Alembic and reportlab are loaded only
after the first paint, off the GUI thread.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from intake_app.errors import IntakeError
from intake_app.gui import crash, messages
from intake_app.gui.chooser import Chooser
from intake_app.gui.main_window import MainWindow
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
    app.setStyleSheet(resource_path("style.qss").read_text(encoding="utf-8") + FORM_STYLE + FOCUS_STYLE)
    return app


def open_database_later(window: MainWindow, database_url: str | None, runner: TaskRunner) -> None:
    """Open (and migrate) the database off the GUI thread, then hand the clinic to the window."""

    def work() -> tuple[Any, str]:
        from intake_app.services import Clinic
        from intake_app.storage import describe_url, resolve_database_url

        url = resolve_database_url(database_url)
        return Clinic.open(url, window.settings), describe_url(url)

    def failed(error: BaseException) -> None:
        if isinstance(error, IntakeError):
            messages.show_error(window, error, window.tr("The database cannot be opened"))
            window.patients._show_empty(window.tr("The database could not be opened.\n{0}").format(error))
            return
        raise error

    runner.run(work, lambda result: window.set_clinic(*result), failed, label=window.tr("Opening the database..."))


def build_window(database_url: str | None = None, settings: Settings | None = None,
                 chooser: Chooser | None = None) -> MainWindow:
    window = MainWindow(settings or load_settings(), window_state(), chooser=chooser)
    runner = TaskRunner(window)
    window.busy.track(runner)
    QTimer.singleShot(0, lambda: open_database_later(window, database_url, runner))
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
    return int(app.exec())
