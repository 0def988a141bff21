"""The patient list as a person types: each search's first page, the highlighted patient's card, and what a
search costs the window (issue 14: search typed -> first page painted within a frame).

The panel runs on a stand-in clinic that answers from a list in memory (the searches themselves are the
services' business, tested there); the list and the card are what is checked here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from intake_app.domain import Patient
from intake_app.domain.records import PatientRecord
from intake_app.gui.patients import PAGE, PatientsPanel

pytestmark = pytest.mark.gui

STAMP = dt.datetime(2026, 1, 1, 9, 0)


def record(number: int, family: str, given: str = "Ann", *, phone: str = "01234 567890") -> PatientRecord:
    patient = Patient(family, given, dt.date(1960, 1, 1) + dt.timedelta(days=number), "female", phone,
                      f"M{number:05d}")
    return PatientRecord(number, patient, STAMP, STAMP)


class ListClinic:
    """Answers searches from a list: names starting with the query, in name order, a page at a time."""

    def __init__(self, records: list[PatientRecord]) -> None:
        self.records = sorted(records, key=lambda r: (r.patient.family_name, r.patient.given_name))

    def search_patients(self, query: str, *, limit: int, offset: int = 0, sort: str = "name",
                        descending: bool = False) -> list[PatientRecord]:
        found = [r for r in self.records if r.patient.family_name.lower().startswith(query.strip().lower())]
        return found[offset:offset + limit]

    def count_patients(self) -> int:
        return len(self.records)

    def intakes_for(self, _patient_id: int) -> list[Any]:
        return []


def many() -> list[PatientRecord]:
    """60 Millers (more than a page), 3 Moores, 2 Morgans."""
    names = [("Miller", f"Given{n:02d}") for n in range(60)] + [("Moore", g) for g in ("Ada", "Ben", "Cy")]
    names += [("Morgan", "Dee"), ("Morgan", "Eve")]
    return [record(n + 1, family, given) for n, (family, given) in enumerate(names)]


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


def search(qtbot: QtBot, panel: PatientsPanel, text: str) -> None:
    with qtbot.waitSignal(panel.search_finished, timeout=10000):
        panel.search_now(text)


def shown_rows(panel: PatientsPanel) -> list[str]:
    model = panel.table.model()
    return [" ".join(str(model.index(row, column).data()) for column in range(2)) for row in range(model.rowCount())]


def test_each_search_shows_its_own_first_page_and_highlights_its_first_patient(qtbot: QtBot,
                                                                             panel: PatientsPanel) -> None:
    """Rows are changed in place from one search to the next; what the list and the card say must always be
    the new search's: the rows, their number, the highlighted (not selected) first patient and its card."""
    assert panel.model.rowCount() == PAGE and panel.model.has_more
    search(qtbot, panel, "mo")
    assert shown_rows(panel) == ["Moore Ada", "Moore Ben", "Moore Cy", "Morgan Dee", "Morgan Eve"]
    assert panel.current_patient_id() == panel.model.records[0].id
    assert panel.detail.text().startswith("Moore, Ada\nBorn ")
    assert not panel.table.selectionModel().hasSelection()
    assert panel.count_label.text() == "5 found"
    search(qtbot, panel, "mor")
    assert shown_rows(panel) == ["Morgan Dee", "Morgan Eve"]
    assert panel.table.currentIndex().row() == 0 and panel.detail.text().startswith("Morgan, Dee\n")
    search(qtbot, panel, "mi")
    assert shown_rows(panel) == [f"Miller Given{n:02d}" for n in range(PAGE)] and panel.model.has_more
    assert panel.detail.text().startswith("Miller, Given00\n")
    assert panel.count_label.text() == f"{PAGE}+ found"
    search(qtbot, panel, "x")
    assert panel.stack.currentWidget() is panel.empty and panel.model.rowCount() == 0
    search(qtbot, panel, "moore")
    assert shown_rows(panel) == ["Moore Ada", "Moore Ben", "Moore Cy"]
    assert panel.detail.text().startswith("Moore, Ada\n")


def test_a_search_does_not_reset_the_list_it_changes(qtbot: QtBot, panel: PatientsPanel) -> None:
    """Finding: every search reset the whole table model (the view dropped its current row and selection and
    laid out and repainted its header); now the rows shown are changed in place, rows added or taken at the
    end, and only the rows whose words changed are reported changed."""
    resets: list[None] = []
    changed: list[tuple[int, int]] = []
    panel.model.modelReset.connect(lambda: resets.append(None))
    panel.model.dataChanged.connect(lambda first, last, _roles: changed.append((first.row(), last.row())))
    search(qtbot, panel, "mo")
    search(qtbot, panel, "moo")  # the first three rows are the same patients: nothing to repaint but the end
    assert resets == [] and changed == [(0, 4)]
    assert shown_rows(panel) == ["Moore Ada", "Moore Ben", "Moore Cy"]


def test_a_chosen_patient_stays_chosen_and_a_stale_selection_never_marks_someone_else(
        qtbot: QtBot, panel: PatientsPanel) -> None:
    """The person chose the second Moore; a search that still lists them keeps them chosen (their row, now
    elsewhere); a search without them leaves nobody selected, the first row highlighted."""
    search(qtbot, panel, "mo")
    panel.table.setFocus()
    with qtbot.waitSignal(panel.intakes_shown, timeout=10000):
        qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    chosen = panel.current_patient_id()
    assert panel.model.records[1].id == chosen
    search(qtbot, panel, "moore")
    assert panel.current_patient_id() == chosen and panel.table.selectionModel().isRowSelected(1)
    search(qtbot, panel, "morgan")
    assert not panel.table.selectionModel().hasSelection()
    assert panel.current_patient_id() == panel.model.records[0].id
    assert panel.intakes_stack.currentWidget() is panel.intakes_hint


def test_a_new_search_scrolls_the_list_back_to_its_first_row(qtbot: QtBot, panel: PatientsPanel) -> None:
    panel.table.scrollToBottom()
    assert panel.table.verticalScrollBar().value() > 0
    search(qtbot, panel, "mil")
    assert panel.table.verticalScrollBar().value() == 0


class LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_a_new_card_of_the_same_height_lays_out_nothing_around_it(qtbot: QtBot, panel: PatientsPanel) -> None:
    """Finding: each search changed the highlighted patient's card, a plain label, and every change of its
    words laid out the whole window again, which repainted the whole page (half the GUI thread's work for a
    search). The card now takes its changes inside itself; only a card needing more lines grows."""
    search(qtbot, panel, "mi")
    requests = LayoutRequests()
    column = panel.card.parentWidget()
    column.installEventFilter(requests)  # the column beside the list, which the card sits in
    height = panel.card.height()
    for text in ("mill", "mo", "moo", "mor"):
        search(qtbot, panel, text)
    QApplication.processEvents()  # the layout requests a change posted, if any
    assert requests.count == 0 and panel.card.height() == height
    assert panel.detail.text().startswith("Morgan, Dee\n")
    lines = panel.detail.text().count("\n")
    # A card with more lines (a long name wraps) is made taller, so every line stays readable.
    panel.resize(700, 600)
    panel.card.set_text("Someone, With A Very Long Given Name Indeed That Wraps Onto Further Lines\n" * 2
                        + "Born 1960-01-01")
    assert panel.card.height() > height
    assert panel.card.label.heightForWidth(panel.card.viewport().width()) <= panel.card.height()
    assert lines == 3
