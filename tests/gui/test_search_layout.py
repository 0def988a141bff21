"""A search lays out only the patient list's own corner, never the page around it (issue 14: no stall while
searching).

Finding: the count under the list ("50+ found", "11 found", "50+ of 100000 patients") is the widest thing in
its row, so each change of its width changed the list side's smallest width; the list's scroll bar coming or
going and the card's height did the same kind of thing. The splitter passed every such change on as a new
layout of the panel, and the page's tabs, laying out again, repaint the whole page: about three times the
list's own drawing, in the same turn as the results (15-29 ms of the window's thread for one search). Now the
count only ever grows wider (its words right-aligned, where they always ended), and the panel passes a change
on to the page only when its own wanted or smallest size changed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTabWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from intake_app.gui.patients import PAGE, PatientsPanel
from tests.gui.test_patients_list import ListClinic, many, search

pytestmark = pytest.mark.gui


class LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def settle() -> None:
    for _ in range(8):  # each layout request posts the next one up a level
        QApplication.processEvents()


@pytest.fixture
def tabs(qtbot: QtBot) -> Iterator[QTabWidget]:
    """The panel on a tab of a page in a window, as in the application."""
    window = QWidget()
    qtbot.addWidget(window)
    page = QTabWidget(window)
    QVBoxLayout(window).addWidget(page)
    panel = PatientsPanel()
    page.addTab(panel, "Patients")
    page.addTab(QWidget(), "Today")
    window.resize(1200, 600)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(panel.search_finished, timeout=10000):
        panel.set_clinic(ListClinic(many()))  # type: ignore[arg-type]
    settle()
    yield page


def test_searches_that_change_the_count_and_the_scroll_bar_never_lay_out_the_page(
        qtbot: QtBot, tabs: QTabWidget) -> None:
    panel = tabs.widget(0)
    assert isinstance(panel, PatientsPanel)
    assert panel.count_label.text() == f"{PAGE}+ of 65 patients"
    requests = LayoutRequests()
    tabs.installEventFilter(requests)
    bar = panel.table.verticalScrollBar()
    seen = []
    for text in ("mi", "mo", "mor", "mi", "", "mo"):
        search(qtbot, panel, text)
        settle()
        seen.append((panel.count_label.text(), bar.isVisible()))
    # The count's words went narrower and wider again, and the scroll bar came and went ...
    assert seen == [(f"{PAGE}+ found", True), ("5 found", False), ("2 found", False), (f"{PAGE}+ found", True),
                    (f"{PAGE}+ of 65 patients", True), ("5 found", False)]
    # ... and the page around the panel was never laid out again (it was once or more per search).
    assert requests.count == 0


def test_the_count_keeps_its_place_and_only_grows(qtbot: QtBot, tabs: QTabWidget) -> None:
    panel = tabs.widget(0)
    assert isinstance(panel, PatientsPanel)
    label = panel.count_label
    widest = label.width()
    right = label.geometry().right()
    search(qtbot, panel, "mor")
    settle()
    assert label.text() == "2 found" and label.isVisible()
    assert label.width() == widest and label.geometry().right() == right  # the words end where they did
    assert label.minimumWidth() >= label.sizeHint().width()


def test_the_page_still_hears_of_a_real_change_of_the_panels_size(qtbot: QtBot, tabs: QTabWidget) -> None:
    """The panel passes on what matters to the page: a larger smallest size (here a wider list side)."""
    panel = tabs.widget(0)
    assert isinstance(panel, PatientsPanel)
    assert panel.splitter.geometry() == panel.rect()  # the splitter fills the panel
    window = tabs.window()
    smallest = panel.minimumSizeHint().width()
    assert window.minimumWidth() < smallest + 50
    panel.count_label.setMinimumWidth(smallest)  # the list side now needs more than the whole panel did
    settle()
    assert panel.minimumSizeHint().width() > smallest + 50
    assert window.minimumWidth() > smallest + 50  # the window heard of it: it cannot be made that narrow now
    window.resize(1400, 600)
    settle()
    assert panel.splitter.geometry() == panel.rect()
