"""The main window's arrangement for intake-page tests: a stack whose front page is the patient list, the
intake page behind it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget
from pytestqt.qtbot import QtBot

from intake_app.gui.intake_page import IntakePage


class Window(QMainWindow):
    def __init__(self, *, build_now: bool = True) -> None:
        super().__init__()
        self.resize(1320, 720)
        self.stack = QStackedWidget(self)
        self.front = QLabel("Patients", self.stack)
        self.stack.addWidget(self.front)
        self.setCentralWidget(self.stack)
        self.page = IntakePage(parent=self, build_now=build_now)
        self.stack.addWidget(self.page)


def shown_window(qtbot: QtBot, *, build_now: bool = True) -> Window:
    """The window, shown and exposed, closed with the test."""
    shown = Window(build_now=build_now)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown
