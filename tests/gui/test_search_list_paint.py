"""Drawing the patient list runs no Python (issue 14: search typed -> first page painted, no stall while
searching).

Finding: the list's model answered the view in Python. Drawing one page of results asked it about nine
things per visible cell plus a row count and an index for each: about 620 calls into Python on the GUI
thread per search, most of the window's Python. Each call waited for Python's lock whenever another thread
(the next query, the audit writer) held it, so a page took up to a switch interval (5 ms) longer per call
that had to wait. The cells now live in the model's own items; the view reads them without Python."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from intake_app.gui import patient_table
from intake_app.gui.patients import PatientsPanel
from tests.gui.test_patients_list import ListClinic, many, search

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[PatientsPanel]:
    widget = PatientsPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.search_finished, timeout=10000):
        widget.set_clinic(ListClinic(many()))  # type: ignore[arg-type]
    yield widget


class PythonCalls:
    """Counts calls of Python functions defined in the list's model module (on this thread)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def __call__(self, frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call" and frame.f_code.co_filename == patient_table.__file__:
            self.names.append(frame.f_code.co_name)

    def __enter__(self) -> PythonCalls:
        sys.setprofile(self)
        return self

    def __exit__(self, *_exc: object) -> None:
        sys.setprofile(None)


def test_drawing_a_page_of_results_calls_no_python(qtbot: QtBot, panel: PatientsPanel) -> None:
    search(qtbot, panel, "mi")  # a full page, all rows changed from the first listing's order
    assert panel.model.rowCount() > 10
    viewport = panel.table.viewport()
    with PythonCalls() as calls:
        viewport.repaint()  # every visible cell drawn now, synchronously
        panel.table.horizontalHeader().viewport().repaint()
    assert calls.names == []


def test_the_cells_still_say_the_patients_words_to_the_view_and_to_assistive_technology(
        qtbot: QtBot, panel: PatientsPanel) -> None:
    search(qtbot, panel, "moo")
    model = panel.table.model()
    assert [model.index(0, column).data() for column in range(5)] == [
        "Moore", "Ada", panel.model.records[0].patient.date_of_birth.isoformat(),
        panel.model.records[0].patient.mrn, panel.model.records[0].patient.phone]
    from PySide6.QtGui import QAccessible

    table = QAccessible.queryAccessibleInterface(panel.table)
    names = [table.child(i).text(QAccessible.Text.Name) for i in range(table.childCount())
             if table.child(i).role() == QAccessible.Role.Cell]
    assert names[:2] == ["Moore", "Ada"]


def test_a_cell_can_be_chosen_but_never_edited_or_dragged(qtbot: QtBot, panel: PatientsPanel) -> None:
    search(qtbot, panel, "mo")
    flags = panel.model.flags(panel.model.index(0, 0))
    assert flags & Qt.ItemFlag.ItemIsSelectable and flags & Qt.ItemFlag.ItemIsEnabled
    assert not flags & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)


def test_pages_fetched_on_scrolling_are_added_with_their_words(qtbot: QtBot, panel: PatientsPanel) -> None:
    search(qtbot, panel, "mi")  # 60 Millers: the first page of 50, more to fetch
    assert panel.model.has_more
    with qtbot.waitSignal(panel.runner.idle, timeout=10000):
        panel.table.scrollToBottom()
        QApplication.processEvents()
    model = panel.table.model()
    assert model.rowCount() == 60
    assert [model.index(row, 1).data() for row in (0, 49, 50, 59)] == ["Given00", "Given49", "Given50", "Given59"]
