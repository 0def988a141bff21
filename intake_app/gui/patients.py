"""Find or register the patient: search as you type, a sortable list, and the patient's intakes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.patient_table import PAGE, PatientCard, PatientTableModel, level_words, patient_card
from intake_app.gui.tasks import TaskRunner

if TYPE_CHECKING:  # type names only: importing these loads SQLAlchemy, which must wait until after the first paint
    from intake_app.domain.records import IntakeSummary, PatientRecord
    from intake_app.services import Clinic

__all__ = ["PAGE", "PatientTableModel", "PatientsPanel", "level_words", "patient_card"]
#: The list's first columns' widths; a column is never narrower than its heading's words (see retranslate).
COLUMN_WIDTHS = (150, 130, 110, 100)
# A patient chosen in the list has their intakes loaded once the choice rests this long (arrowing down the
# list loads, and records a view of, only the patient the person stops at).
CHOICE_PAUSE_MS = 250


class PatientsPanel(QWidget):
    """Search, list and choose patients; start or open their intakes."""

    patient_chosen = Signal(int)  # patient id, chosen by the person (not merely highlighted by a search)
    new_patient_requested = Signal()
    edit_patient_requested = Signal(int)
    new_intake_requested = Signal(int)  # patient id
    intake_open_requested = Signal(int)  # intake id
    search_finished = Signal(int)  # number of rows shown (tests and benchmarks wait on it)
    intakes_shown = Signal(int)  # patient id whose intakes are now listed
    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic: Clinic | None = None
        self.runner = TaskRunner(self)
        self._generation = 0
        self._sort = ("name", False)
        self._total = 0
        # Whose intakes the list on the right shows (None: nobody's). The first row of a search result is
        # only highlighted (the list's current row, not selected): its intakes are loaded, and a view recorded
        # in the audit trail, once the person chooses it (a click or the arrow keys in the list, Enter, a double
        # click, or an action on the patient).
        self._intakes_of: int | None = None
        self._highlighting = False

        self.search = QLineEdit(self)
        self.search.setObjectName("patientSearch")
        self.search.setClearButtonEnabled(True)
        self.search_label = search_label = QLabel(self)
        search_label.setBuddy(self.search)
        search_label.setObjectName("sectionTitle")

        self.model = PatientTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("patientTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)

        self.empty = QLabel(self)
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("muted")
        # Right-aligned in a width that only grows (see _say_count): its words change with every search.
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.new_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.edit_button.setEnabled(False)

        self.intakes_title = intakes_title = QLabel(self)
        intakes_title.setObjectName("sectionTitle")
        self.intakes = QTableWidget(0, 3, self)
        self.intakes.setObjectName("intakeTable")
        self.intakes.verticalHeader().setVisible(False)
        self.intakes.horizontalHeader().setStretchLastSection(True)
        self.intakes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.intakes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.intakes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.intakes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.intakes.setTabKeyNavigation(False)
        self.new_intake_button = QPushButton(self)
        self.new_intake_button.setEnabled(False)
        self.open_intake_button = QPushButton(self)
        self.open_intake_button.setEnabled(False)

        self.card = PatientCard(self)
        self.detail = self.card.label

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(search_label)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.stack, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        left_layout.addLayout(row)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(6)
        self.selected_title = selected_title = QLabel(self)
        selected_title.setObjectName("sectionTitle")
        right_layout.addWidget(selected_title)
        right_layout.addWidget(self.card)
        right_layout.addSpacing(4)
        self.intakes_hint = QLabel(self)
        self.intakes_hint.setObjectName("help")
        self.intakes_hint.setWordWrap(True)
        self.intakes_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.intakes_stack = QStackedWidget(self)
        self.intakes_stack.addWidget(self.intakes)
        self.intakes_stack.addWidget(self.intakes_hint)
        right_layout.addWidget(intakes_title)
        right_layout.addWidget(self.intakes_stack, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_intake_button)
        row.addWidget(self.open_intake_button)
        row.addStretch(1)
        right_layout.addLayout(row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("patientsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        # The splitter fills the panel without a layout (resizeEvent), so that the list's changes stop here unless
        # they change the panel's sizes (event): see _pass_on_size_change.
        self._hints = (self.splitter.sizeHint(), self._smallest())

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.refresh)
        self._choice_pause = QTimer(self)
        self._choice_pause.setSingleShot(True)
        self._choice_pause.setInterval(CHOICE_PAUSE_MS)
        self._choice_pause.timeout.connect(self._load_chosen)
        self.search.textChanged.connect(self._on_text)
        self.search.returnPressed.connect(self._choose_highlighted)
        self.model.more_wanted.connect(self._fetch_more)
        self.model.sort_wanted.connect(self._on_sort)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)
        self.table.activated.connect(lambda _index: self._request_new_or_open())
        self.new_button.clicked.connect(self.new_patient_requested)
        self.edit_button.clicked.connect(self._request_edit)
        self.new_intake_button.clicked.connect(self._request_new_intake)
        self.open_intake_button.clicked.connect(self._request_open_intake)
        self.intakes.itemSelectionChanged.connect(
            lambda: self.open_intake_button.setEnabled(bool(self.intakes.selectedItems()))
        )
        self.intakes.itemActivated.connect(lambda _item: self._request_open_intake())
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        clear.activated.connect(self.search.clear)
        self._intake_rows: list[IntakeSummary] = []
        self._empty_words: Callable[[], str] = lambda: self.tr("Opening the database...")
        self.retranslate()
        self._show_empty(self._empty_words)

    # --- geometry ------------------------------------------------------------------------------

    def _smallest(self) -> QSize:
        return self.splitter.minimumSizeHint().expandedTo(self.splitter.minimumSize())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self._hints[0]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self._hints[1]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.splitter.setGeometry(self.rect())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._pass_on_size_change()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._pass_on_size_change()
        return super().event(event)

    def _pass_on_size_change(self) -> None:
        """Tell the page only when the panel's wanted or smallest size changed. Every search changes something
        inside (the count's words, the list's scroll bar, the card's height) and the splitter passes each change
        on as a new layout; the page's tabs lay out again on every one, and that repaints the whole page: three
        times the list's own drawing, in the same turn."""
        hints = (self.splitter.sizeHint(), self._smallest())
        if hints != self._hints:
            self._hints = hints
            self.updateGeometry()

    # --- words ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Every word of the panel in the desk's language: at first and whenever the language changes (the
        clinic's setting), keeping the search, the list, the patient chosen and their intakes as they are."""
        self.search.setPlaceholderText(self.tr("Search: family or given name, date of birth or MRN"))
        self.search.setAccessibleName(self.tr("Search patients"))
        self.search.setAccessibleDescription(
            self.tr("Type the start of a name, an MRN, or a date of birth as YYYY-MM-DD or DD.MM.YYYY"))
        self.search_label.setText(self.tr("&Find patient"))
        self.table.setAccessibleName(self.tr("Patients"))
        self.new_button.setText(self.tr("&New patient..."))
        self.edit_button.setText(self.tr("&Edit patient..."))
        self.intakes_title.setText(self.tr("Intakes of the selected patient"))
        self.intakes.setAccessibleName(self.tr("Intakes of the selected patient"))
        self.intakes.setHorizontalHeaderLabels([self.tr("Visit"), self.tr("Status"), self.tr("Screen result")])
        self.new_intake_button.setText(self.tr("New &intake"))
        self.open_intake_button.setText(self.tr("&Open intake"))
        self.selected_title.setText(self.tr("Selected patient"))
        self.intakes_hint.setText(self.tr("Press Enter or click the patient to see their intakes."))
        # The list's headings (the model's words), each column at least as wide as its heading.
        self.model.retranslate()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMN_WIDTHS)):
            self.table.setColumnWidth(column, max(self.table.columnWidth(column), header.sectionSizeHint(column)))
        if self.stack.currentWidget() is self.table and self.table.currentIndex().isValid():
            self._show_count()
            self._on_current(self.table.currentIndex(), QModelIndex())
        elif self.stack.currentWidget() is self.table:
            self._show_count()
            self.card.set_text(self.tr("Choose a patient in the list to see their intakes."))
        else:
            self.empty.setText(self._empty_words())
            self.card.set_text(self.tr("Choose a patient in the list to see their intakes."))
        for row, summary in enumerate(self._intake_rows):
            for column, text in enumerate(self._intake_cells(summary)):
                item = self.intakes.item(row, column)
                if item is not None:
                    item.setText(text)

    # --- data ----------------------------------------------------------------------------------

    def set_clinic(self, clinic: Clinic) -> None:
        self.clinic = clinic
        self.refresh()

    def _on_text(self, _text: str) -> None:
        self._debounce.start()

    def refresh(self) -> None:
        """Run the search for the current text (off the GUI thread; the newest search wins)."""
        if self.clinic is None:
            return
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        clinic, query, (sort, descending) = self.clinic, self.search.text(), self._sort

        def work() -> tuple[list[PatientRecord], int]:
            records = clinic.search_patients(query, limit=PAGE, sort=sort, descending=descending)
            total = clinic.count_patients() if not query.strip() else -1
            return records, total

        self.runner.run(work, lambda result: self._on_results(generation, *result), self.failed.emit,
                        label=self.tr("Searching..."))

    def search_now(self, text: str) -> None:
        """Set the search text and search at once (used by tests and the benchmark)."""
        self.search.setText(text)
        self.refresh()

    def _on_results(self, generation: int, records: list[PatientRecord], total: int) -> None:
        if generation != self._generation:
            return
        selected = self.current_patient_id()
        self.model.reset(records)
        if total >= 0:
            self._total = total
        if records:
            self.stack.setCurrentWidget(self.table)
            self._show_count()
            row = next((i for i, r in enumerate(records) if r.id == selected), 0)
            if records[row].id == self._intakes_of:
                self._select(row)  # the patient chosen before is still in the list: still chosen
            else:
                self._highlighting = True
                try:
                    # The rows were changed in place: a selection left from before would now mark whoever
                    # took that row's place.
                    self.table.selectionModel().clearSelection()
                    self.table.selectionModel().setCurrentIndex(
                        self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
                finally:
                    self._highlighting = False
                self._show_not_chosen()
            # The current row may keep its number with another patient in it (no currentChanged then).
            self._on_current(self.table.currentIndex(), QModelIndex())
            self.table.scrollTo(self.table.currentIndex())
        elif self.search.text().strip():
            query = self.search.text().strip()
            self._show_empty(lambda: self.tr(
                "No patient matches \u201c{0}\u201d.\nCheck the spelling, or register a new "
                "patient with New patient.").format(query))
        else:
            self._show_empty(lambda: self.tr(
                "No patients yet.\nRegister the first patient with New patient (Ctrl+Shift+N)."))
        self.search_finished.emit(len(records))

    def _show_count(self) -> None:
        """How many patients the list shows, in the desk's language."""
        shown = f"{self.model.rowCount()}{'+' if self.model.has_more else ''}"
        self._say_count(
            self.tr("{0} of {1} patients").format(shown, self._total) if not self.search.text().strip()
            else self.tr("{0} found").format(shown))

    def _say_count(self, text: str) -> None:
        """The count's words, in a width that never shrinks. The label's narrowest width is the list side's
        (it is the widest thing in its row), so a narrower count ("11 found" after "50+ found") changed the
        splitter's smallest size; that went up to the page's tabs, which lay out and repaint the whole page
        (three times the list's own drawing), on the searches that changed the count's width."""
        self.count_label.setText(text)
        needed = self.count_label.sizeHint().width()
        if needed > self.count_label.minimumWidth():
            self.count_label.setMinimumWidth(needed)

    def _show_empty(self, text: str | Callable[[], str]) -> None:
        """The list's place says `text` (a function of the desk's language: worded again when it changes)."""
        self._empty_words = text if callable(text) else (lambda: text)
        self.model.reset([])
        self.card.set_text(self.tr("Choose a patient in the list to see their intakes."))
        self.empty.setText(self._empty_words())
        self._say_count("")
        self.stack.setCurrentWidget(self.empty)
        self._choice_pause.stop()
        self._show_not_chosen(hint=False)
        self.edit_button.setEnabled(False)
        self.new_intake_button.setEnabled(False)

    def _fetch_more(self) -> None:
        if self.clinic is None:
            return
        generation = self._generation
        clinic, query, (sort, descending) = self.clinic, self.search.text(), self._sort
        offset = self.model.rowCount()

        def work() -> list[PatientRecord]:
            return clinic.search_patients(query, limit=PAGE, offset=offset, sort=sort, descending=descending)

        def done(records: list[PatientRecord]) -> None:
            if generation == self._generation:
                self.model.append(records)

        self.runner.run(work, done, self.failed.emit)

    def _on_sort(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        self.refresh()

    # --- selection and intakes -----------------------------------------------------------------

    def current_patient_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.stack.currentWidget() is not self.table:
            return None
        return self.model.records[index.row()].id

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        has = current.isValid()
        self.edit_button.setEnabled(has)
        self.new_intake_button.setEnabled(has)
        if not has:
            return
        self.card.set_text(patient_card(self.model.records[current.row()]))

    def _on_selected(self, *_changed: Any) -> None:
        """A row selected by the person: their intakes are loaded once the choice rests (CHOICE_PAUSE_MS)."""
        if self._highlighting or not self.table.selectionModel().hasSelection():
            return
        if self.current_patient_id() != self._intakes_of:
            self._show_not_chosen(hint=False)  # the list stays empty for the moment until they are loaded
            self._choice_pause.start()

    def _select(self, row: int) -> None:
        """Select a row without counting it as a new choice (its intakes are listed, or about to be)."""
        self._highlighting = True
        try:
            self.table.selectRow(row)
        finally:
            self._highlighting = False

    def _load_chosen(self) -> None:
        patient_id = self.current_patient_id()
        if patient_id is not None and patient_id != self._intakes_of:
            self.patient_chosen.emit(patient_id)
            self.load_intakes(patient_id)

    def choose_current(self) -> None:
        """The person chose the highlighted patient (Enter in the search box): list their intakes now."""
        self._choice_pause.stop()
        index = self.table.currentIndex()
        if index.isValid() and self.stack.currentWidget() is self.table:
            self._select(index.row())
            self._load_chosen()

    def load_intakes(self, patient_id: int, then: Callable[[], None] | None = None) -> None:
        """List the patient's intakes (the service records that the patient was viewed); `then` runs after."""
        if self.clinic is None:
            return
        clinic = self.clinic

        def shown(rows: list[IntakeSummary]) -> None:
            if self.current_patient_id() != patient_id:
                return
            self._set_intakes(rows)
            self.intakes_stack.setCurrentWidget(self.intakes)
            self._intakes_of = patient_id
            self.intakes_shown.emit(patient_id)
            if then is not None:
                then()

        self.runner.run(lambda: clinic.intakes_for(patient_id), shown, self.failed.emit)

    def _show_not_chosen(self, *, hint: bool = True) -> None:
        """Until the highlighted patient is chosen the intakes list holds no one's intakes (and says how)."""
        self._intakes_of = None
        self._set_intakes([])
        self.intakes_stack.setCurrentWidget(self.intakes_hint if hint else self.intakes)

    def _intake_cells(self, summary: IntakeSummary) -> tuple[str, str, str]:
        status = self.tr("Complete") if summary.status == "complete" else self.tr("Draft")
        if summary.revision > 1:
            status += self.tr(" (revision {0})").format(summary.revision)
        return summary.visit_date.isoformat(), status, level_words(summary.level, summary.tier, summary.acknowledged)

    def _set_intakes(self, rows: list[IntakeSummary]) -> None:
        self._intake_rows = list(rows)
        self.intakes.setRowCount(len(rows))
        for i, summary in enumerate(rows):
            for column, text in enumerate(self._intake_cells(summary)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                self.intakes.setItem(i, column, item)
        self.open_intake_button.setEnabled(False)

    def select_patient(self, patient_id: int) -> None:
        """Choose a patient in the list (after registering or editing them): their intakes are listed."""
        for row, record in enumerate(self.model.records):
            if record.id == patient_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.choose_current()
                return

    def _choose_highlighted(self) -> None:
        if self.stack.currentWidget() is self.table:
            self.table.setFocus()
            self.choose_current()

    def _request_edit(self) -> None:
        patient_id = self.current_patient_id()
        if patient_id is not None:
            self.edit_patient_requested.emit(patient_id)

    def _request_new_intake(self) -> None:
        patient_id = self.current_patient_id()
        if patient_id is not None:
            self.new_intake_requested.emit(patient_id)

    def _request_new_or_open(self) -> None:
        patient_id = self.current_patient_id()
        if patient_id is not None and patient_id != self._intakes_of:
            self._choice_pause.stop()  # chosen now: list the intakes, then go on
            self._select(self.table.currentIndex().row())
            self.patient_chosen.emit(patient_id)
            self.load_intakes(patient_id, then=self._request_new_or_open)
            return
        if self.intakes.rowCount():
            self.intakes.selectRow(0)
            self.intakes.setFocus()
        else:
            self._request_new_intake()

    def _request_open_intake(self) -> None:
        items = self.intakes.selectedItems()
        if items:
            self.intake_open_requested.emit(int(items[0].data(Qt.ItemDataRole.UserRole)))
