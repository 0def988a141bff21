"""Register or edit a patient. Fields come from the questionnaire's patient section; a likely
duplicate is shown before a new record is made, with the choice to open the existing one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain import DocumentInvalid, Patient, load_questionnaire
from intake_app.domain.dates import parse_search_date
from intake_app.domain.records import PatientRecord
from intake_app.domain.wording import option_text, question_text
from intake_app.errors import IntakeError, InvalidInput, phrase
from intake_app.gui import messages
from intake_app.gui.field_widgets import desk_language
from intake_app.gui.tasks import TaskRunner
from intake_app.services import Clinic
from intake_app.translation_marks import QT_TRANSLATE_NOOP


class PatientDialog(QDialog):
    """Emits `saved(patient_id)` for a new or edited record, or `open_existing(patient_id)`."""

    saved = Signal(int)
    open_existing = Signal(int)

    def __init__(self, clinic: Clinic, record: PatientRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.record = record
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("Edit patient") if record else self.tr("New patient"))
        self.setModal(True)
        questionnaire = load_questionnaire()
        self.questions = [q for q in questionnaire.questions if q.part == "patient"]
        language = desk_language()
        #: Each field's name as this desk reads it (the questionnaire's wording in the desk's language).
        self.labels = {q.id: question_text(questionnaire, q, language=language) for q in self.questions}
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for question in self.questions:
            editor: QLineEdit | QComboBox
            if question.type == "sex":
                # No answer chosen at first: "Not stated" must be a choice someone made, not a default.
                editor = QComboBox(self)
                editor.setPlaceholderText(self.tr("Choose..."))
                for option in question.options:
                    editor.addItem(option_text(questionnaire, question, option.value, language=language),
                                   option.value)
                editor.setCurrentIndex(-1)
            else:
                editor = QLineEdit(self)
                if question.max_length:
                    editor.setMaxLength(question.max_length)
                if question.type == "date":
                    editor.setPlaceholderText(self.tr("YYYY-MM-DD or DD.MM.YYYY"))
            editor.setObjectName(f"patient_{question.id}")
            editor.setAccessibleName(self.labels[question.id])
            label = QLabel(self.labels[question.id] + (" *" if question.required else ""), self)
            label.setBuddy(editor)
            error = QLabel(self)
            error.setObjectName("fieldError")
            error.setVisible(False)
            error.setWordWrap(True)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(error)
            form.addRow(label, column)
            self.editors[question.id] = editor
            self.errors[question.id] = error
            # A problem shown beside a field goes as soon as the person changes that field.
            if isinstance(editor, QComboBox):
                editor.currentIndexChanged.connect(lambda _i, error=error: error.setVisible(False))
            else:
                editor.textEdited.connect(lambda _t, error=error: error.setVisible(False))
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("* required"), self))
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        if record is not None:
            self._fill(record.patient)

    def _fill(self, patient: Patient) -> None:
        for key, editor in self.editors.items():
            value = getattr(patient, key)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            else:
                editor.setText(value.isoformat() if isinstance(value, dt.date) else str(value or ""))

    def patient(self) -> Patient:
        values: dict[str, object] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                values[key] = editor.currentData()
            else:
                values[key] = editor.text().strip()
        problems: list[tuple[str, str]] = []
        born_text = str(values["date_of_birth"])
        born = parse_search_date(born_text) if born_text else None
        if born_text and born is None:
            problems.append(("patient.date_of_birth", phrase(QT_TRANSLATE_NOOP(
                "IntakeError", "is not a real date (YYYY-MM-DD or DD.MM.YYYY)"))))
        for question in self.questions:
            if question.type == "sex" and question.required and values.get(question.id) is None:
                problems.append((f"patient.{question.id}", phrase(QT_TRANSLATE_NOOP(
                    "IntakeError", "is required: choose one (\u201cNot stated\u201d if unknown)"))))
        if problems:
            raise DocumentInvalid(problems)

        def text(key: str) -> str:
            return str(values.get(key) or "")

        return Patient(family_name=text("family_name"), given_name=text("given_name"), date_of_birth=born,
                       sex=text("sex") or "unknown", phone=text("phone"), mrn=text("mrn"))

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        for label in self.errors.values():
            label.setVisible(False)
        first = None
        for where, message in problems:
            key = where.removeprefix("patient.")
            if key in self.errors:
                self.errors[key].setText(messages.problem_text(self.labels[key], message))
                self.errors[key].setVisible(True)
                first = first or key
        if first:
            self.editors[first].setFocus()

    def submit(self) -> None:
        try:
            patient = self.clinic.check_patient(self.patient())
        except InvalidInput as exc:  # a detail that breaks the rules, or text that cannot be stored
            self._show_invalid(exc)
            return
        self.show_problems([])
        self._busy(True)
        exclude = self.record.id if self.record else None
        self.runner.run(lambda: self.clinic.likely_duplicates(patient, exclude_id=exclude),
                        lambda similar: self._after_duplicates(patient, similar), self._failed,
                        label=self.tr("Checking for duplicates..."))

    def _after_duplicates(self, patient: Patient, similar: list[PatientRecord]) -> None:
        if similar:
            choice = self._ask_duplicate(similar)
            if choice == "open":
                self.open_existing.emit(similar[0].id)
                self.accept()
                return
            if choice != "register":
                self._busy(False)
                return
        if self.record is None:
            work = lambda: self.clinic.register_patient(patient)  # noqa: E731
        else:
            record_id = self.record.id
            expected = self.record.row_version
            work = lambda: self.clinic.update_patient(record_id, patient, expected_version=expected)  # noqa: E731
        self.runner.run(work, self._saved, self._failed, label=self.tr("Saving patient..."))

    def _ask_duplicate(self, similar: list[PatientRecord]) -> str:
        lines = [
            f"{r.patient.family_name}, {r.patient.given_name} - born "
            f"{r.patient.date_of_birth.isoformat() if r.patient.date_of_birth else '?'}"
            + (f" - MRN {r.patient.mrn}" if r.patient.mrn else "")
            for r in similar[:5]
        ]
        return messages.chooser_for(self).duplicate_choice(self, lines, editing=self.record is not None)

    def _saved(self, record: PatientRecord) -> None:
        self.saved.emit(record.id)
        self.accept()

    def _show_invalid(self, error: InvalidInput) -> None:
        """The problems beside their fields; a problem with no field here (or none at all) as a message."""
        self.show_problems(error.problems)
        if not any(where.removeprefix("patient.") in self.errors for where, _ in error.problems):
            messages.show_error(self, error)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, InvalidInput):
            self._show_invalid(error)

        elif isinstance(error, IntakeError):
            messages.show_error(self, error)
        else:
            raise error

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.status.setText(self.tr("Checking...") if busy else "")
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)
