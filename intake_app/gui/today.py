"""Today's worklist: every intake of the day (draft or complete), unacknowledged urgent ones first.

It refreshes itself while the desk works: on a timer (other desks save into the same database) and
whenever this desk saves. The query runs on a TaskRunner, never on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.patients import level_words
from intake_app.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from intake_app.domain.records import IntakeSummary
    from intake_app.services import Clinic

REFRESH_MS = 15000
URGENT_OPEN = QColor("#fbe3e1")


class TodayPanel(QWidget):
    """A table of today's intakes; `intake_open_requested(intake_id)` on Enter or double-click."""

    intake_open_requested = Signal(int)
    refreshed = Signal(int)  # rows shown (tests wait on it)
    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic: Clinic | None = None
        self.runner = TaskRunner(self)
        self.rows: list[IntakeSummary] = []
        title = QLabel(self.tr("Today's intakes"), self)
        title.setObjectName("sectionTitle")
        self.note = QLabel(self.tr("Urgent intakes that no clinician has acknowledged yet come first."), self)
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("todayTable")
        self.table.setAccessibleName(self.tr("Today's intakes"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Patient"), self.tr("Status"), self.tr("Screen result"), self.tr("Revision"),
             self.tr("Last saved")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.itemActivated.connect(lambda item: self._open(item.row()))
        self.open_button = QPushButton(self.tr("&Open intake"), self)
        self.open_button.clicked.connect(lambda: self._open(self.table.currentRow()))
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.count = QLabel(self)
        self.count.setObjectName("muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def set_clinic(self, clinic: Clinic) -> None:
        self.clinic = clinic
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        """Ask for today's intakes in the background; a refresh already running is not repeated."""
        if self.clinic is None or self.runner.is_busy:
            return
        clinic = self.clinic
        self.runner.run(clinic.today, self._show, self.failed.emit, label=self.tr("Updating today's list..."))

    def _show(self, rows: list[IntakeSummary]) -> None:
        selected = self.selected_id()
        self.rows = list(rows)
        self.table.setRowCount(len(rows))
        for index, summary in enumerate(rows):
            urgent_open = summary.level == "urgent" and not summary.acknowledged
            cells = (
                summary.patient_name,
                self.tr("Complete") if summary.status == "complete" else self.tr("Draft"),
                # A draft's live result is not stored yet: say so rather than suggest there is nothing to see.
                level_words(summary.level, summary.tier, summary.acknowledged)
                or self.tr("not stored for drafts - open it to see"),
                str(summary.revision),
                summary.updated_at.strftime("%H:%M"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                if urgent_open:
                    item.setBackground(URGENT_OPEN)
                self.table.setItem(index, column, item)
            if summary.id == selected:
                self.table.selectRow(index)
        self.count.setText(self.tr("{0} today").format(len(rows)))
        self.open_button.setEnabled(bool(rows))
        self.refreshed.emit(len(rows))

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.intake_open_requested.emit(self.rows[row].id)
