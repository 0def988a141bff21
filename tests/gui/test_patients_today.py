"""Today's list refreshed after every draft save (issue 14: saving a draft stalls the window no longer than
a frame): only the rows that read differently are written again; what the list says stays right."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pytestqt.qtbot import QtBot
from shiboken6 import getCppPointer

from intake_app.domain.records import IntakeSummary
from intake_app.gui.today import URGENT_OPEN, TodayPanel

pytestmark = pytest.mark.gui

DAY = dt.date(2026, 3, 2)


def summary(number: int, name: str, *, level: str | None = None, status: str = "draft", minute: int = 0,
            acknowledged: bool = False) -> IntakeSummary:
    return IntakeSummary(number, 100 + number, status, DAY, level, "E" if level == "urgent" else None,
                         dt.datetime(2026, 3, 2, 9, minute), acknowledged=acknowledged, patient_name=name)


def cells(panel: TodayPanel) -> list[tuple[str, ...]]:
    table = panel.table
    return [tuple(table.item(row, column).text() for column in range(table.columnCount()))
            for row in range(table.rowCount())]


def cell_objects(panel: TodayPanel, row: int) -> list[int]:
    return [getCppPointer(panel.table.item(row, column))[0] for column in range(panel.table.columnCount())]


def test_a_refresh_writes_again_only_the_rows_that_changed(qtbot: QtBot) -> None:
    """Finding: every refresh (one after each draft save) made every cell of the day's list anew, a few
    milliseconds per hundred intakes of the window's time, for a change of one row's time."""
    panel = TodayPanel()
    qtbot.addWidget(panel)
    day = [summary(n, f"Patient {n:03d}, Ann", minute=n % 60) for n in range(1, 121)]
    panel._show(day)
    kept = [cell_objects(panel, row) for row in range(len(day))]
    saved = dataclasses.replace(day[7], updated_at=dt.datetime(2026, 3, 2, 11, 42))
    panel._show([*day[:7], saved, *day[8:]])
    assert cells(panel)[7] == ("Patient 008, Ann", "Draft", "not stored for drafts - open it to see", "1", "11:42")
    assert [cell_objects(panel, row) for row in range(len(day)) if row != 7] == kept[:7] + kept[8:]
    assert cell_objects(panel, 7) != kept[7]


def test_the_list_reads_right_as_rows_come_go_and_turn_urgent(qtbot: QtBot) -> None:
    panel = TodayPanel()
    qtbot.addWidget(panel)
    panel._show([summary(1, "Abel, Jonas"), summary(2, "Berger, Anna", status="complete", level="likely")])
    panel.table.selectRow(1)
    urgent = summary(3, "Cole, Ray", level="urgent", status="complete")
    panel._show([urgent, summary(1, "Abel, Jonas"), summary(2, "Berger, Anna", status="complete", level="likely")])
    assert [row[0] for row in cells(panel)] == ["Cole, Ray", "Abel, Jonas", "Berger, Anna"]
    assert cells(panel)[0][1:3] == ("Complete", "URGENT - not acknowledged")
    assert panel.table.item(0, 0).background().color() == URGENT_OPEN
    assert panel.table.item(1, 0).background().color() != URGENT_OPEN
    assert panel.selected_id() == 2  # the selected intake stays selected where it moved
    panel._show([dataclasses.replace(urgent, acknowledged=True), summary(1, "Abel, Jonas")])
    assert cells(panel) == [("Cole, Ray", "Complete", "URGENT - acknowledged", "1", "09:00"),
                            ("Abel, Jonas", "Draft", "not stored for drafts - open it to see", "1", "09:00")]
    assert panel.table.item(0, 0).background().color() != URGENT_OPEN
    assert panel.count.text() == "2 today"
    panel._show([])
    assert panel.table.rowCount() == 0
    panel._show([summary(1, "Abel, Jonas")])
    assert cells(panel) == [("Abel, Jonas", "Draft", "not stored for drafts - open it to see", "1", "09:00")]
