"""Record (or correct) what the specialist found for a completed intake: the clinician's outcome dialog.

The finding is a choice of plain words; the day seen, who saw the patient, the imaging and, for an urgent
result, when the patient reached the emergency or urgent route; a note. Saving calls
`Clinic.record_outcome` on a TaskRunner; a problem is shown field by field and the dialog stays open.
A correction names the version it started from, so one made meanwhile at another desk is not overwritten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.outcomes import FIELD_LABELS, FINDINGS, IMAGING, MAX_NOTE, MAX_SHORT_TEXT, OutcomeRecord
from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from intake_app.services.outcomes import OutcomesMixin


def outcome_words(words: str) -> str:
    """A finding, imaging or field label of domain.outcomes (English there) in the desk's language."""
    return QCoreApplication.translate("Outcome", words)


class OutcomeDialog(QDialog):
    """`recorded(OutcomeRecord)` once the outcome is stored (then the dialog closes)."""

    recorded = Signal(object)
    failed = Signal(object)  # the error shown (tests wait on it)

    def __init__(self, clinic: OutcomesMixin, intake_id: int, *, urgent: bool = False,
                 current: OutcomeRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.intake_id = intake_id
        self.current = current
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("Outcome of intake {0}").format(intake_id) if current is None
                            else self.tr("Correct the outcome of intake {0}").format(intake_id))
        heading = QLabel(self.tr("What did the specialist find?"), self)
        heading.setObjectName("sectionTitle")
        self.findings = QButtonGroup(self)
        self.finding_buttons: dict[str, QRadioButton] = {}
        finding_box = QVBoxLayout()
        for code, words in FINDINGS.items():
            button = QRadioButton(outcome_words(words), self)
            self.findings.addButton(button)
            self.finding_buttons[code] = button
            finding_box.addWidget(button)
            button.toggled.connect(self._finding_changed)
        self.other_cause = QLineEdit(self)
        self.other_cause.setMaxLength(MAX_SHORT_TEXT)
        self.other_cause.setPlaceholderText(self.tr("for example: gout, peripheral arterial disease"))
        self.seen_by = QLineEdit(self)
        self.seen_by.setMaxLength(MAX_SHORT_TEXT)
        self.seen_on_known = QCheckBox(self.tr("The day is known"), self)
        self.seen_on = QDateEdit(QDate.currentDate(), self)
        self.seen_on.setCalendarPopup(True)
        self.seen_on.setDisplayFormat("yyyy-MM-dd")
        self.seen_on.setMaximumDate(QDate.currentDate())
        self.seen_on_known.toggled.connect(self.seen_on.setEnabled)
        self.imaging: dict[str, QCheckBox] = {}
        imaging_grid = QGridLayout()
        for index, (code, words) in enumerate(IMAGING.items()):
            if code == "none":
                continue
            box = QCheckBox(outcome_words(words), self)
            self.imaging[code] = box
            imaging_grid.addWidget(box, (index - 1) // 3, (index - 1) % 3)
        self.route_known = QCheckBox(self.tr("Reached the emergency or urgent route"), self)
        self.route_at = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.route_at.setCalendarPopup(True)
        self.route_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.route_known.toggled.connect(self.route_at.setEnabled)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form = QFormLayout()
        form.addRow(outcome_words(FIELD_LABELS["other_cause"]), self.other_cause)
        form.addRow(outcome_words(FIELD_LABELS["seen_by"]), self.seen_by)
        form.addRow(self.seen_on_known, self.seen_on)
        form.addRow(outcome_words(FIELD_LABELS["imaging"]), imaging_grid)
        if urgent or (current is not None and current.outcome.urgent_route_at is not None):
            form.addRow(self.route_known, self.route_at)
        else:
            self.route_known.hide()
            self.route_at.hide()
        form.addRow(outcome_words(FIELD_LABELS["note"]), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(finding_box)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._load(current)

    def _load(self, current: OutcomeRecord | None) -> None:
        self.seen_on_known.setChecked(False)
        self.seen_on.setEnabled(False)
        self.route_known.setChecked(False)
        self.route_at.setEnabled(False)
        if current is None:
            self._finding_changed()
            return
        outcome = current.outcome
        self.finding_buttons[outcome.finding].setChecked(True)
        self.other_cause.setText(outcome.other_cause)
        self.seen_by.setText(outcome.seen_by)
        if outcome.seen_on is not None:
            self.seen_on_known.setChecked(True)
            self.seen_on.setDate(QDate(outcome.seen_on.year, outcome.seen_on.month, outcome.seen_on.day))
        for code in outcome.imaging:
            if code in self.imaging:
                self.imaging[code].setChecked(True)
        if outcome.urgent_route_at is not None:
            self.route_known.setChecked(True)
            self.route_at.setDateTime(QDateTime(outcome.urgent_route_at.astimezone().replace(tzinfo=None)))
        self.note.setPlainText(outcome.note)
        self._finding_changed()

    def _finding_changed(self, *_args: object) -> None:
        self.other_cause.setEnabled(self.finding() == "other_cause")

    def finding(self) -> str | None:
        for code, button in self.finding_buttons.items():
            if button.isChecked():
                return code
        return None

    def values(self) -> dict[str, Any]:
        """What the form holds, as `Clinic.record_outcome` takes it."""
        values: dict[str, Any] = {
            "finding": self.finding(),
            "other_cause": self.other_cause.text() if self.finding() == "other_cause" else "",
            "seen_by": self.seen_by.text(),
            "imaging": [code for code, box in self.imaging.items() if box.isChecked()],
            "note": self.note.toPlainText()[:MAX_NOTE + 1],
        }
        if self.seen_on_known.isChecked():
            values["seen_on"] = self.seen_on.date().toString("yyyy-MM-dd")
        if self.route_known.isChecked() and self.route_known.isVisibleTo(self):
            values["urgent_route_at"] = self.route_at.dateTime().toString("yyyy-MM-dd HH:mm")
        return values

    def save(self) -> None:
        if self.runner.is_busy:
            return
        values = self.values()
        expected = self.current.version if self.current is not None else 0
        clinic, intake_id = self.clinic, self.intake_id
        self.buttons.setEnabled(False)
        self.runner.run(lambda: clinic.record_outcome(intake_id, values, expected_version=expected),
                        self._saved, self._refused, label=self.tr("Saving the outcome..."))

    def _saved(self, record: OutcomeRecord) -> None:
        self.buttons.setEnabled(True)
        self.recorded.emit(record)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, IntakeError):
            messages.show_error(self, error, self.windowTitle())
            self.failed.emit(error)
            return
        raise error
