"""Opening an intake paints the page once (issue 14: the page swap drew the whole page twice).

A scroll area fills its widget's background, which makes the widget "opaque" to Qt's repaint manager: when
the window's stack switched to the intake page, such a widget (the page's body, each section's content) was
drawn on its own first, and then again as part of the stack's repaint, with every question row, the map and
the result panel inside it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.stacked_page import Window, shown_window

pytestmark = pytest.mark.gui




class Paints(QObject):
    """Counts the paint events each watched widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[int, int] = {}

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.counts[id(watched)] = self.counts.get(id(watched), 0) + 1
        return False

    def of(self, widget: QWidget) -> int:
        return self.counts.get(id(widget), 0)


@pytest.fixture
def window(qtbot: QtBot) -> Window:
    return shown_window(qtbot)


def show_page(qtbot: QtBot, window: Window, paints: Paints) -> None:
    window.stack.setCurrentWidget(window.page)
    qtbot.waitUntil(lambda: paints.of(window.page.map) > 0)
    for _turn in range(5):
        QApplication.processEvents()


def test_showing_the_intake_page_paints_the_map_the_panel_and_the_questions_once(qtbot: QtBot, window: Window) -> None:
    page = window.page
    paints = Paints()
    shown_rows = [page.form.row(q) for q in ("onset", "pain")]
    for widget in (page.map, page.panel, *shown_rows):
        paints.watch(widget)
    page.form.show_section("where")
    for _round in range(2):  # the first intake, then another after going back to the list
        paints.counts.clear()
        show_page(qtbot, window, paints)
        assert paints.of(page.map) == 1 and paints.of(page.panel) == 1
        window.stack.setCurrentWidget(window.front)
        for _turn in range(3):
            QApplication.processEvents()


def test_no_scroll_area_of_the_page_fills_its_own_background(qtbot: QtBot, window: Window) -> None:
    """What made the double paint: a filled background (the page's body and each section's content are the
    widgets of scroll areas, which fill them by default). The page's body paints the same colour itself."""
    areas = window.page.findChildren(QScrollArea)
    assert areas
    for area in areas:
        assert not area.viewport().autoFillBackground()
        content: Any = area.widget()
        assert content is None or not content.autoFillBackground()
