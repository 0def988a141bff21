"""The patient list's pieces: the table model of the search results (a page at a time, sorted by the
database), the highlighted patient's card, and a result in the desk's words (also Today's)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # type names only: importing these loads SQLAlchemy, which must wait until after the first paint
    from intake_app.domain.records import PatientRecord

PAGE = 50


def level_words(level: str | None, tier: str | None, acknowledged: bool) -> str:
    """A result in the desk's language: "URGENT - not acknowledged" until a clinician has; level_title's words."""
    if not level:
        return ""
    from intake_app.gui.outcomes_chart import level_title

    title = level_title(level).replace("_", " ")  # a level the screening does not know: as recorded, in words
    if level == "urgent" and acknowledged:
        return QCoreApplication.translate("PatientsPanel", "{0} - acknowledged").format(title)
    if level == "urgent":
        return QCoreApplication.translate("PatientsPanel", "{0} - not acknowledged").format(title)
    return title


_ModelIndex = QModelIndex | QPersistentModelIndex
_CELL_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


class PatientTableModel(QStandardItemModel):
    """Rows of PatientRecords; fetches further pages on demand; sorting asks the database.

    The words of each cell are kept in the model's own items, so drawing the list never calls Python: the
    view asks about nine things per cell it paints (a row count and an index for each too). Answered by a
    Python model, that was about a thousand Python calls on the GUI thread for one page drawn, each one
    waiting for Python's lock whenever another thread (the next query, the audit writer) held it."""

    COLUMNS = ((QT_TRANSLATE_NOOP("PatientTableModel", "Family name"), "name"),
               (QT_TRANSLATE_NOOP("PatientTableModel", "Given name"), "given"),
               (QT_TRANSLATE_NOOP("PatientTableModel", "Date of birth"), "born"),
               (QT_TRANSLATE_NOOP("PatientTableModel", "MRN"), "mrn"),
               (QT_TRANSLATE_NOOP("PatientTableModel", "Phone"), None))
    more_wanted = Signal()
    sort_wanted = Signal(str, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        prototype = QStandardItem()  # cells made by setData: shown and chosen, never edited or dragged
        prototype.setFlags(_CELL_FLAGS)
        self.setItemPrototype(prototype)
        self.records: list[PatientRecord] = []
        self._shown: list[tuple[str, str, str, str, str]] = []  # each row's words, as the cells hold them
        self.has_more = False
        self.retranslate()

    def retranslate(self) -> None:
        """The headings in the desk's language (at first and when the language changes)."""
        self.setHorizontalHeaderLabels([self.tr(label) for label, _key in self.COLUMNS])

    @staticmethod
    def _words(record: PatientRecord) -> tuple[str, str, str, str, str]:
        patient = record.patient
        born = patient.date_of_birth.isoformat() if patient.date_of_birth else ""
        return patient.family_name, patient.given_name, born, patient.mrn, patient.phone

    def reset(self, records: list[PatientRecord]) -> None:
        """Show a new first page. The rows already shown are changed in place (only cells whose words differ
        are written, and one dataChanged covers the rows that changed) and rows are added or taken away at the
        end: a model reset made the view drop its current row and selection and lay out and repaint its
        header, on every search."""
        words = [self._words(record) for record in records]
        self.has_more = len(records) >= PAGE
        kept = min(len(self.records), len(records))
        if len(self.records) > kept:
            self.removeRows(kept, len(self.records) - kept)
            del self.records[kept:], self._shown[kept:]
        changed = [row for row in range(kept) if self._shown[row] != words[row]]
        if changed:
            self._write(changed, words, self._shown)
        self.records[:kept], self._shown[:kept] = records[:kept], words[:kept]
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(self.COLUMNS) - 1),
                                  [Qt.ItemDataRole.DisplayRole])
        if len(records) > kept:
            self._add(records[kept:], words[kept:])

    def append(self, records: list[PatientRecord]) -> None:
        self.has_more = len(records) >= PAGE
        if records:
            self._add(records, [self._words(record) for record in records])

    def _add(self, records: list[PatientRecord], words: list[tuple[str, str, str, str, str]]) -> None:
        start = len(self.records)
        self.insertRows(start, len(records))  # the view learns of the rows here; their words follow at once
        self.records.extend(records)
        self._shown.extend(words)
        self._write(range(start, start + len(records)), self._shown, None)

    def _write(self, rows: Any, words: list[tuple[str, str, str, str, str]],
               before: list[tuple[str, str, str, str, str]] | None) -> None:
        """Set the cells of `rows` to `words[row]` (only those that differ from `before[row]`), telling nobody:
        the caller reports the change once (dataChanged, or the rows' insertion)."""
        blocked = self.blockSignals(True)
        try:
            for row in rows:
                old = before[row] if before is not None else None
                for column, text in enumerate(words[row]):
                    if old is None or old[column] != text:
                        self.setData(self.index(row, column), text)
        finally:
            self.blockSignals(blocked)

    def canFetchMore(self, parent: _ModelIndex) -> bool:
        return not parent.isValid() and self.has_more

    def fetchMore(self, parent: _ModelIndex) -> None:
        if self.has_more:
            self.has_more = False  # until the page arrives
            self.more_wanted.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][1]
        if key is not None:
            self.sort_wanted.emit(key, order == Qt.SortOrder.DescendingOrder)


class PatientCard(QScrollArea):
    """The highlighted patient's card: a few plain lines, as tall as they need at the column's width.

    Every search highlights a patient and so changes the card. A plain label changing its words asks the
    whole window to lay out again, and here that repainted the whole page (about half of the GUI thread's
    work for a search). Inside a scroll area the label's changes stop at the card: its height is set again
    only when the words need another number of lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientCardBox")
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to scroll: it is always as tall as its words
        self.label = QLabel(self)
        self.label.setObjectName("patientCard")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # names are never rendered as markup
        self.label.setWordWrap(True)
        self.setWidget(self.label)
        self.viewport().setAutoFillBackground(False)  # the card's rounded corners show the page behind

    def set_text(self, text: str) -> None:
        if self.label.text() != text:
            self.label.setText(text)
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.viewport().width()
        needed = self.label.heightForWidth(width) if width > 0 else self.label.sizeHint().height()
        if needed > 0 and needed != self.minimumHeight():
            self.setFixedHeight(needed)


def patient_card(record: PatientRecord) -> str:
    """A few plain lines about the patient in the desk's language; the sex as the patient form words it."""
    from intake_app.domain.questionnaire import load_questionnaire
    from intake_app.domain.wording import option_text, question_text
    from intake_app.gui.patient.translations import desk_language

    patient, born = record.patient, record.patient.date_of_birth
    language, questionnaire = desk_language(), load_questionnaire()
    age = patient.age_on(dt.date.today()) if born else None
    sex = (f"{question_text(questionnaire, 'sex', language=language)}: "
           f"{option_text(questionnaire, 'sex', patient.sex, language=language)}")
    born_words = born.isoformat() if born else QCoreApplication.translate("PatientsPanel", "unknown")
    if age is None:
        born_line = QCoreApplication.translate("PatientsPanel", "Born {0}, {1}").format(born_words, sex)
    else:
        born_line = QCoreApplication.translate("PatientsPanel", "Born {0} (age {1}), {2}").format(born_words, age, sex)
    lines = [f"{patient.family_name}, {patient.given_name}", born_line]
    lines += [QCoreApplication.translate("PatientsPanel", "MRN {0}").format(patient.mrn)] if patient.mrn else []
    lines += [QCoreApplication.translate("PatientsPanel", "Phone {0}").format(patient.phone)] if patient.phone else []
    return "\n".join(lines)
