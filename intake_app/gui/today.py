"""Today's worklist: every intake of the day (draft or complete), unacknowledged urgent ones first, the
patients to contact because a re-screen raised their result after they left (the recall list), and, for
clinicians, the referred intakes whose outcome is due (no specialist's finding recorded some weeks on).

It refreshes itself while the desk works: on a timer (other desks save into the same database) and
whenever this desk saves. The queries run on a TaskRunner, never on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent
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

from intake_app.access.roles import Action, allowed
from intake_app.gui import messages
from intake_app.gui.patient_table import level_words
from intake_app.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from intake_app.domain.outcomes import OutcomeDue
    from intake_app.domain.records import IntakeSummary, RecallEntry
    from intake_app.services import Clinic

REFRESH_MS = 15000
URGENT_OPEN = QColor("#fbe3e1")


class TodayPanel(QWidget):
    """A table of today's intakes; `intake_open_requested(intake_id)` on Enter or double-click."""

    intake_open_requested = Signal(int)
    outcome_requested = Signal(int)  # intake id: record what the specialist found
    refreshed = Signal(int)  # rows shown (tests wait on it)
    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic: Clinic | None = None
        self.runner = TaskRunner(self)
        self.runner.idle.connect(self._run_again)
        self.rows: list[IntakeSummary] = []
        self._shown_rows: list[tuple[int, bool, tuple[str, ...]]] = []  # each row as last written (id, urgent, words)
        self.recalls: list[RecallEntry] = []
        self.recalls_allowed = True  # the recall list is a clinician's (set by the window at sign-in)
        self._again = False  # a refresh was asked for while one ran: run once more after it
        self._stale = False  # asked for while hidden (refresh_when_shown): refreshed when next shown
        self.title = title = QLabel(self)
        title.setObjectName("sectionTitle")
        self.note = QLabel(self)
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("todayTable")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.itemActivated.connect(lambda item: self._open(item.row()))
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(lambda: self._open(self.table.currentRow()))
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.count = QLabel(self)
        self.count.setObjectName("muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        self.recall_title = QLabel(self)
        self.recall_title.setObjectName("sectionTitle")
        self.recall_table = QTableWidget(0, 4, self)
        self.recall_table.setObjectName("recallTable")
        self.recall_table.verticalHeader().setVisible(False)
        self.recall_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.recall_table.horizontalHeader().setStretchLastSection(True)
        self.recall_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recall_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recall_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recall_table.setTabKeyNavigation(False)
        self.recall_table.itemActivated.connect(lambda item: self._open_recall(item.row()))
        self.contacted_button = QPushButton(self)
        self.contacted_button.clicked.connect(self.mark_contacted)
        self.open_recall_button = QPushButton(self)
        self.open_recall_button.clicked.connect(lambda: self._open_recall(self.recall_table.currentRow()))
        recall_buttons = QHBoxLayout()
        recall_buttons.addWidget(self.open_recall_button)
        recall_buttons.addWidget(self.contacted_button)
        recall_buttons.addStretch(1)
        self.due: list[OutcomeDue] = []
        self.due_title = QLabel(self)
        self.due_title.setObjectName("sectionTitle")
        self.due_table = QTableWidget(0, 4, self)
        self.due_table.setObjectName("outcomeDueTable")
        self.due_table.verticalHeader().setVisible(False)
        self.due_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.due_table.horizontalHeader().setStretchLastSection(True)
        self.due_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.due_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due_table.setTabKeyNavigation(False)
        self.due_table.itemActivated.connect(lambda item: self._record_due(item.row()))
        self.open_due_button = QPushButton(self)
        self.open_due_button.clicked.connect(lambda: self._open_due(self.due_table.currentRow()))
        self.record_due_button = QPushButton(self)
        self.record_due_button.clicked.connect(lambda: self._record_due(self.due_table.currentRow()))
        due_buttons = QHBoxLayout()
        due_buttons.addWidget(self.open_due_button)
        due_buttons.addWidget(self.record_due_button)
        due_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.recall_title)
        layout.addWidget(self.recall_table, 1)
        layout.addLayout(recall_buttons)
        layout.addWidget(self.due_title)
        layout.addWidget(self.due_table, 1)
        layout.addLayout(due_buttons)
        self.retranslate()
        self._show_recalls([])
        self._show_due([])
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh_when_shown)  # hidden lists wait until shown

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # The lists' words (status, result, counts) again, from the rows already read (if any were).
            if self.count.text():
                self._shown_rows.clear()
                self._show(self.rows, announce=False)
            self._show_recalls(self.recalls)
            self._show_due(self.due)

    def retranslate(self) -> None:
        """The panel's own words in the desk's language (at first, and when the clinic's language changes)."""
        self.title.setText(self.tr("Today's intakes"))
        self.note.setText(self.tr("Urgent intakes that no clinician has acknowledged yet come first."))
        self.table.setAccessibleName(self.tr("Today's intakes"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Patient"), self.tr("Status"), self.tr("Screen result"), self.tr("Revision"),
             self.tr("Last saved")])
        self.open_button.setText(self.tr("&Open intake"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.recall_title.setText(self.tr("To contact: results that rose after the patient left"))
        self.recall_table.setAccessibleName(self.tr("Patients to contact"))
        self.recall_table.setHorizontalHeaderLabels(
            [self.tr("Patient"), self.tr("Visit"), self.tr("Result then"), self.tr("Result now")])
        self.contacted_button.setText(self.tr("&Mark contacted..."))
        self.open_recall_button.setText(self.tr("Open &recalled intake"))
        self.due_table.setAccessibleName(self.tr("Outcomes due"))
        self.due_table.setHorizontalHeaderLabels(
            [self.tr("Intake"), self.tr("Visit"), self.tr("Completed"), self.tr("Result")])
        self.open_due_button.setText(self.tr("Open intake"))
        self.record_due_button.setText(self.tr("Record &outcome..."))

    def set_clinic(self, clinic: Clinic) -> None:
        """Signed in: the lists are read now if they are on screen, else when first shown. At a large
        clinic reading them is a second or two of the worker's Python and about a hundred milliseconds of
        this window's (the outcomes due), which the desk would otherwise pay behind the patient list while
        the first searches run."""
        self.clinic = clinic
        self.timer.start()
        self.refresh_when_shown()

    def refresh(self) -> None:
        """Ask for today's intakes in the background. Asked while one runs (which may have read the database
        before the change that asked), it runs once more after that one, however often it was asked."""
        if self.clinic is None:
            return
        self._stale = False
        if self.runner.is_busy:
            self._again = True
            return
        self._again = False
        clinic = self.clinic

        def shown(result: tuple[list[IntakeSummary], list[RecallEntry], list[OutcomeDue]]) -> None:
            self._show_recalls(result[1])
            self._show_due(result[2])
            self._show(result[0])

        recalls = self.recalls_allowed
        weeks = self.due_weeks

        def work() -> tuple[list[IntakeSummary], list[RecallEntry], list[OutcomeDue]]:
            actor = clinic.signed_in
            outcomes = actor is not None and allowed(actor.role, Action.RECORD_OUTCOME)
            return (clinic.today(), clinic.recall_list() if recalls else [],
                    clinic.outcomes_due(weeks) if outcomes else [])

        self.runner.run(work, shown, self.failed.emit, label=self.tr("Updating today's list..."))

    def refresh_when_shown(self) -> None:
        """Refresh now when the lists are on screen, else the next time they are shown. A draft saved while
        the intake page is in front changes nothing the person sees here, and a refresh is the worker's
        Python for a second or two at a large clinic (the outcomes due) plus tens of milliseconds of this
        window's, after every autosave."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _run_again(self) -> None:
        """The runner has finished everything: a refresh asked for meanwhile runs now."""
        if self._again:
            self.refresh()

    @property
    def due_weeks(self) -> int:
        """Weeks after completion before an outcome is due: the clinic's setting when it has one, else 6."""
        from intake_app.services.outcomes import DEFAULT_DUE_WEEKS

        weeks = getattr(getattr(self.clinic, "settings", None), "outcome_due_weeks", None)
        return weeks if isinstance(weeks, int) and not isinstance(weeks, bool) else DEFAULT_DUE_WEEKS

    def _show_due(self, entries: list[OutcomeDue]) -> None:
        """Referred intakes with no outcome yet (a clinician's list): ids, dates and the result only."""
        self.due = list(entries)
        self.due_table.setRowCount(len(entries))
        for index, entry in enumerate(entries):
            cells = (str(entry.intake_id), entry.visit_date.isoformat(),
                     entry.completed_at.astimezone().date().isoformat(), self._result(entry.level))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.intake_id)
                self.due_table.setItem(index, column, item)
        self.due_title.setText(self.tr("Outcome due: what did the specialist find? ({0})").format(len(entries)))
        has = bool(entries)
        for widget in (self.due_title, self.due_table, self.open_due_button, self.record_due_button):
            widget.setVisible(has)

    def _open_due(self, row: int) -> None:
        if 0 <= row < len(self.due):
            self.intake_open_requested.emit(self.due[row].intake_id)

    def _record_due(self, row: int) -> None:
        if 0 <= row < len(self.due):
            self.outcome_requested.emit(self.due[row].intake_id)

    def _show_recalls(self, entries: list[RecallEntry]) -> None:
        self.recalls = list(entries)
        self.recall_table.setRowCount(len(entries))
        for index, entry in enumerate(entries):
            cells = (entry.patient_name, entry.visit_date.isoformat(), self._result(entry.old_level),
                     self._result(entry.new_level))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.intake_id)
                self.recall_table.setItem(index, column, item)
        has = bool(entries)
        for widget in (self.recall_title, self.recall_table, self.contacted_button, self.open_recall_button):
            widget.setVisible(has)

    def _result(self, level: str | None) -> str:
        """A recalled result in words (the acknowledgement belongs to the day list, not here)."""
        if level == "urgent":
            from intake_app.gui.outcomes_chart import level_title

            return level_title(level)
        return level_words(level, None, True) or self.tr("no result")

    def _open_recall(self, row: int) -> None:
        if 0 <= row < len(self.recalls):
            self.intake_open_requested.emit(self.recalls[row].intake_id)

    def mark_contacted(self) -> None:
        """The signed-in clinician has contacted the selected patient: confirm, then take the intake off the
        list (recorded under the clinician's own name)."""
        row = self.recall_table.currentRow()
        if self.clinic is None or not 0 <= row < len(self.recalls):
            return
        entry = self.recalls[row]
        if not messages.ask_yes_no(self, self.tr("Mark contacted"),
                                   self.tr("Have you contacted {0}?").format(entry.patient_name),
                                   self.tr("The intake leaves this list, recorded under your name."),
                                   default_yes=True):
            return
        clinic = self.clinic
        self.runner.run(lambda: clinic.mark_contacted(entry.intake_id),
                        lambda _closed: QTimer.singleShot(0, self.refresh),
                        self.failed.emit, label=self.tr("Saving..."))

    def _show(self, rows: list[IntakeSummary], *, announce: bool = True) -> None:
        """The day's list; only rows that read differently from those shown are written again (a refresh
        after each draft save changes one row's time: making every cell of the day anew cost tens of
        milliseconds of the window's time per save at a busy clinic)."""
        selected = self.selected_id()
        self.rows = list(rows)
        self.table.setRowCount(len(rows))
        del self._shown_rows[len(rows):]
        complete, draft = self.tr("Complete"), self.tr("Draft")
        not_stored = self.tr("not stored for drafts - open it to see")
        for index, summary in enumerate(rows):
            urgent_open = summary.level == "urgent" and not summary.acknowledged
            cells = (
                summary.patient_name,
                complete if summary.status == "complete" else draft,
                # A draft's live result is not stored yet: say so rather than suggest there is nothing to see.
                level_words(summary.level, summary.tier, summary.acknowledged) or not_stored,
                str(summary.revision),
                summary.updated_at.strftime("%H:%M"),
            )
            shown = (summary.id, urgent_open, cells)
            if index < len(self._shown_rows) and self._shown_rows[index] == shown:
                continue
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                if urgent_open:
                    item.setBackground(URGENT_OPEN)
                self.table.setItem(index, column, item)
            if index < len(self._shown_rows):
                self._shown_rows[index] = shown
            else:
                self._shown_rows.append(shown)
        for index, summary in enumerate(rows):
            if summary.id == selected:
                self.table.selectRow(index)
        self.count.setText(self.tr("{0} today").format(len(rows)))
        self.open_button.setEnabled(bool(rows))
        if announce:
            self.refreshed.emit(len(rows))

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.intake_open_requested.emit(self.rows[row].id)
