"""The intake page built in idle time (issue 14: no stall over a frame while opening the first intake).

The window builds the page a small step per event-loop turn while the desk is idle. The steps now also lay
the hidden page out and draw it once, so showing it for the first intake finds its rows already placed
and styled; showing it early (an intake opened before the steps ran out) stops them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from intake_app.gui.intake_page import IntakePage
from intake_app.gui.question_row import QuestionRow
from tests.gui.stacked_page import Window, shown_window

pytestmark = pytest.mark.gui




@pytest.fixture
def window(qtbot: QtBot) -> Window:
    return shown_window(qtbot, build_now=False)


def run_steps(steps: Iterator[None], count: int | None = None) -> int:
    """Run the build steps one per event-loop turn, as the window does in idle time; how many ran."""
    ran = 0
    for _step in steps:
        ran += 1
        QApplication.processEvents()
        if count is not None and ran >= count:
            break
    return ran


class Geometry(QObject):
    """Counts the resizes and moves the rows of the form get."""

    def __init__(self) -> None:
        super().__init__()
        self.events = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.events += 1
        return False


def rows(page: IntakePage) -> list[QuestionRow]:
    return page.form.findChildren(QuestionRow)


def test_the_idle_build_leaves_the_page_laid_out_so_showing_it_places_nothing(qtbot: QtBot, window: Window) -> None:
    """Finding: the first intake opened laid out and drew the whole page at once (every row sized and placed
    for the first time, every style looked up, the map's drawing made): a 100-300 ms stall. Built in idle
    time, the page is now also laid out and drawn there, and showing it moves or resizes none of its rows."""
    page = window.page
    run_steps(page.build_steps())
    assert page.form.built and page.settled
    watch = Geometry()
    for row in rows(page):
        row.installEventFilter(watch)
    window.stack.setCurrentWidget(page)
    qtbot.waitExposed(page)
    QApplication.processEvents()
    assert page.isVisible() and page.form.isVisible()
    assert watch.events == 0
    first = next(r for r in rows(page) if r.isVisible())
    assert first.width() > 0 and first.height() > 0


def test_an_intake_opened_before_the_steps_ran_out_stops_them(qtbot: QtBot, window: Window) -> None:
    """Shown early, the page is laid out by showing it; the steps left do nothing more and end."""
    page = window.page
    steps = page.build_steps()
    run_steps(steps, count=3)
    page.finish_building()  # what the window does when an intake is opened before the idle build is done
    assert page.form.built and not page.settled
    window.stack.setCurrentWidget(page)
    qtbot.waitExposed(page)
    assert run_steps(steps) <= 1 and not page.settled
    assert all(r.width() > 0 for r in rows(page) if r.isVisible())
