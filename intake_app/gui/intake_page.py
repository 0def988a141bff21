"""The intake workspace: the form, the leg and foot map, the live result and the red-flag banner.

Owns one open intake: it re-screens on every change, keeps a crash-recovery journal, autosaves the
draft every few seconds and on every section change, and completes the intake when asked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain import DocumentInvalid, IntakeDocument, load_questionnaire, parse_document
from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.assessment_panel import AssessmentPanel, RedFlagBanner
from intake_app.gui.body_map import BodyMapWidget
from intake_app.gui.intake_form import IntakeForm
from intake_app.gui.tasks import TaskRunner
from intake_app.recovery import RecoveryJournal
from intake_app.screening import assess
from intake_app.screening.model import Assessment
from intake_app.services import Clinic, IncompleteIntake
from intake_app.storage import IntakeRecord

SYMPTOMS = (("pain", "Pain"), ("numbness", "Numbness"), ("tingling", "Pins and needles"))


class IntakePage(QWidget):
    """One open intake. Signals report saves and completion to the window (status bar, lists)."""

    saved = Signal(int)  # intake id, after a draft save reached the database
    completed = Signal(int)
    assessed = Signal(object)  # the Assessment, after every change
    back_requested = Signal()
    preview_requested = Signal()
    failed = Signal(object)
    dirty_changed = Signal(bool)

    def __init__(self, journal: RecoveryJournal | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic: Clinic | None = None
        self.record: IntakeRecord | None = None
        self.assessment: Assessment | None = None
        self.journal = journal or RecoveryJournal()
        self.runner = TaskRunner(self)
        self._dirty = False
        self._loading = False
        questionnaire = load_questionnaire()

        # Header: who, when, state.
        self.back_button = QPushButton(self.tr("\u2190 Patients"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.setAccessibleName(self.tr("Back to the patient list"))
        self.title = QLabel(self)
        self.title.setObjectName("intakeTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        # A long name must not widen the window past a 1366-pixel screen: it is elided instead.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setMinimumWidth(120)
        self.visit_date = QDateEdit(self)
        self.visit_date.setCalendarPopup(True)
        self.visit_date.setDisplayFormat("yyyy-MM-dd")
        self.visit_date.setMaximumDate(QDate.currentDate())
        self.visit_date.setAccessibleName(self.tr("Visit date"))
        visit_label = QLabel(self.tr("&Visit date"), self)
        visit_label.setBuddy(self.visit_date)
        self.state = QLabel(self)
        self.state.setObjectName("muted")
        self.save_button = QPushButton(self.tr("&Save draft"), self)
        self.complete_button = QPushButton(self.tr("&Complete intake"), self)
        self.complete_button.setObjectName("primaryButton")
        self.preview_button = QPushButton(self.tr("&Preview and print..."), self)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(8)
        header.addWidget(self.title, 1)
        header.addWidget(visit_label)
        header.addWidget(self.visit_date)
        header.addSpacing(12)
        header.addWidget(self.state)
        header.addWidget(self.save_button)
        header.addWidget(self.complete_button)
        header.addWidget(self.preview_button)

        self.banner = RedFlagBanner(self)
        self.form = IntakeForm(questionnaire, self)

        # Right column: symptom chooser + map, then the live result.
        self.map = BodyMapWidget(self)
        self.symptom_group = QButtonGroup(self)
        chooser = QHBoxLayout()
        chooser_label = QLabel(self.tr("Map marks:"), self)
        chooser.addWidget(chooser_label)
        for n, (key, label) in enumerate(SYMPTOMS):
            button = QRadioButton(self.tr(label), self)
            button.setObjectName(f"symptom_{key}")
            button.setProperty("symptom", key)
            self.symptom_group.addButton(button, n)
            chooser.addWidget(button)
            if n == 0:
                button.setChecked(True)
        chooser.addStretch(1)
        map_box = QFrame(self)
        map_box.setObjectName("mapBox")
        map_layout = QVBoxLayout(map_box)
        map_layout.setContentsMargins(8, 6, 8, 6)
        map_layout.addLayout(chooser)
        map_layout.addWidget(self.map, 1)
        self.map.setToolTip(self.tr("Click a region to mark it for the chosen symptom; click again to clear. "
                                    "The lists in the form do the same from the keyboard."))
        self.map.setMinimumSize(260, 300)  # fits a 768-pixel-high screen under the banner
        self.panel = AssessmentPanel(self)
        # Three columns fit a 1366x768 screen best: the form, the tall map, the live result.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("intakeSplitter")
        self.splitter.addWidget(self.form)
        self.splitter.addWidget(map_box)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([540, 380, 400])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        self.autosave = QTimer(self)
        self.autosave.timeout.connect(self._autosave)
        self._journal_timer = QTimer(self)
        self._journal_timer.setSingleShot(True)
        self._journal_timer.setInterval(300)
        self._journal_timer.timeout.connect(self._write_journal)

        self.form.answersChanged.connect(self._on_answers_changed)
        self.form.sectionChanged.connect(lambda _section: self._autosave())
        self.form.regions_changed.connect(self._on_form_regions)
        self.map.marksChanged.connect(self._on_map_marks)
        self.symptom_group.idToggled.connect(self._on_symptom)
        self.visit_date.dateChanged.connect(lambda _d: self._on_answers_changed())
        self.banner.acknowledge_requested.connect(self.acknowledge)
        self.back_button.clicked.connect(self.back_requested)
        self.save_button.clicked.connect(lambda: self.save())
        self.complete_button.clicked.connect(self.complete)
        self.preview_button.clicked.connect(self.preview_requested)

    # --- opening -------------------------------------------------------------------------------

    def open_record(self, clinic: Clinic, record: IntakeRecord, answers: dict[str, Any] | None = None) -> None:
        """Show an intake; `answers` (from crash recovery) replaces the stored ones and marks it unsaved."""
        self.clinic = clinic
        self.record = record
        self.autosave.setInterval(clinic.settings.autosave_seconds * 1000)
        self._loading = True
        try:
            visit = record.document.visit_date
            self.visit_date.setDate(QDate(visit.year, visit.month, visit.day))
            self.form.set_answers(answers if answers is not None else dict(record.document.answers))
            for key, _label in SYMPTOMS:
                self.map.set_marks(key, record_regions(self.form.answers(), key))
            self.form.clear_problems()
        finally:
            self._loading = False
        patient = record.document.patient
        born = patient.date_of_birth.isoformat() if patient.date_of_birth else "?"
        self.title.setText(f"{patient.family_name}, {patient.given_name}  \u00b7  born {born}")
        self.title.setToolTip(self.title.text() + (f"  \u00b7  MRN {patient.mrn}" if patient.mrn else ""))
        complete = record.status == "complete"
        self.form.setEnabled(not complete)
        self.map.setEnabled(not complete)
        self.visit_date.setEnabled(not complete)
        self.save_button.setEnabled(not complete)
        self.complete_button.setEnabled(not complete)
        self._set_dirty(answers is not None)
        self._update_state_label()
        self.rescreen()
        if not complete:
            self.autosave.start()
        else:
            self.autosave.stop()
        if answers is not None:
            self._write_journal()

    def close_record(self) -> None:
        self.autosave.stop()
        self._journal_timer.stop()
        if self.record is not None and not self._dirty:
            self.journal.clear(self.record.id)
        self.record = None

    # --- live screening ------------------------------------------------------------------------

    def document(self) -> IntakeDocument:
        """The current answers as an intake document (validated; raises DocumentInvalid)."""
        assert self.record is not None
        raw = IntakeDocument(self.record.document.patient, self.current_visit_date(), self.form.answers(),
                             self.record.document.questionnaire).to_json()
        return parse_document(raw)

    def current_visit_date(self) -> dt.date:
        return self.visit_date.date().toPython()  # type: ignore[no-any-return]

    def rescreen(self) -> None:
        try:
            document = self.document()
        except DocumentInvalid as exc:
            shown = self.form.show_problems(exc.problems)
            leftover = [p for p in exc.problems if p not in shown]
            if leftover:
                self.state.setText("; ".join(f"{w}: {m}" for w, m in leftover[:2]))
            return
        self.form.clear_problems()
        self.assessment = assess(document)
        self.panel.show_assessment(self.assessment)
        assert self.record is not None
        self.banner.update_for(self.assessment, self.record.red_flag_ack_by, self.record.red_flag_ack_at)
        self.assessed.emit(self.assessment)

    def _on_answers_changed(self) -> None:
        if self._loading or self.record is None:
            return
        self._set_dirty(True)
        self.rescreen()
        self._journal_timer.start()

    def _write_journal(self) -> None:
        if self.record is not None and self._dirty:
            try:
                self.journal.write(self.record.id, self.current_visit_date(), self.form.answers())
            except OSError:
                self.state.setText(self.tr("Warning: the recovery copy could not be written."))

    # --- map and lists in sync -----------------------------------------------------------------

    def _on_form_regions(self, field: str, regions: dict) -> None:
        self.map.set_marks(field, regions)

    def _on_map_marks(self, symptom: str, regions: dict) -> None:
        self.form.set_regions(symptom, regions)

    def _on_symptom(self, button_id: int, checked: bool) -> None:
        if checked:
            self.map.set_symptom(SYMPTOMS[button_id][0])

    # --- saving --------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self._update_state_label()

    def _update_state_label(self) -> None:
        if self.record is None:
            self.state.setText("")
        elif self.record.status == "complete":
            self.state.setText(self.tr("Completed (read-only)"))
        elif self._dirty:
            self.state.setText(self.tr("Unsaved changes"))
        else:
            saved = self.record.updated_at.replace(tzinfo=dt.UTC).astimezone()
            self.state.setText(self.tr("Draft saved {0}").format(saved.strftime("%H:%M:%S")))

    def _autosave(self) -> None:
        if self._dirty and not self.runner.is_busy:
            self.save()

    def save(self, on_saved: Any = None) -> bool:
        """Save the draft in the background. Returns False when the answers are invalid (shown inline)."""
        if self.record is None or self.clinic is None or self.record.status == "complete":
            return False
        try:
            answers = self.document().answers
        except DocumentInvalid as exc:
            self.form.show_problems(exc.problems)
            return False
        clinic, intake_id, visit = self.clinic, self.record.id, self.current_visit_date()
        snapshot = dict(self.form.answers())

        def done(record: IntakeRecord) -> None:
            if self.record is None or self.record.id != intake_id:
                self.saved.emit(intake_id)  # the user moved on; the save itself is done
                return
            self.record = record
            if self.form.answers() == snapshot:
                self.journal.clear(intake_id)
                self._set_dirty(False)
            self._update_state_label()
            self.saved.emit(intake_id)
            if on_saved is not None:
                on_saved()

        self.runner.run(lambda: clinic.save_draft(intake_id, dict(answers), visit), done, self._failed,
                        label=self.tr("Saving draft..."))
        return True

    def save_now_blocking(self) -> None:
        """Save synchronously (closing, crash quit): the event loop may not run again."""
        if self.record is None or self.clinic is None or not self._dirty or self.record.status == "complete":
            return
        self.runner.wait()
        answers = self.document().answers
        self.record = self.clinic.save_draft(self.record.id, dict(answers), self.current_visit_date())
        self.journal.clear(self.record.id)
        self._set_dirty(False)

    def complete(self) -> None:
        if self.record is None or self.clinic is None:
            return
        try:
            document = self.document()
        except DocumentInvalid as exc:
            self.form.show_problems(exc.problems)
            messages.show_error(self, exc, self.tr("Cannot complete"))
            return
        self._complete(document, red_flags_not_asked=False)

    def _complete(self, document: IntakeDocument, *, red_flags_not_asked: bool) -> None:
        assert self.record is not None and self.clinic is not None
        clinic, intake_id = self.clinic, self.record.id

        def done(result: tuple[IntakeRecord, Assessment]) -> None:
            record, assessment = result
            self.journal.clear(intake_id)
            self._set_dirty(False)
            self.open_record(clinic, record)
            self.completed.emit(intake_id)
            messages.inform(self, self.tr("Intake complete"),
                            self.tr("The intake is complete: {0}.").format(assessment.level.replace("_", " ")))

        def failed(error: BaseException) -> None:
            if isinstance(error, IncompleteIntake):
                self._handle_incomplete(document, error)
            else:
                self._failed(error)

        self.runner.run(
            lambda: clinic.complete_intake(intake_id, dict(document.answers), document.visit_date,
                                           red_flags_not_asked=red_flags_not_asked),
            done, failed, label=self.tr("Completing..."),
        )

    def _handle_incomplete(self, document: IntakeDocument, error: IncompleteIntake) -> None:
        questionnaire = load_questionnaire()
        if error.missing:
            self.form.show_problems([(f"answers.{f}", "is required") for f in error.missing])
            self.form.focus_field(error.missing[0])
            messages.show_error(self, error, self.tr("Cannot complete"))
            return
        unasked = [questionnaire.question(f).label for f in error.red_flags_unanswered]
        confirm = messages.ask_yes_no(
            self, self.tr("Red-flag questions not asked"),
            self.tr("{0} safety question(s) have not been asked.").format(len(unasked)),
            self.tr("Complete anyway with them recorded as NOT ASKED? They will print as NOT ASKED - ask before "
                    "the patient leaves.\n\n") + "\n".join(f"- {label}" for label in unasked),
        )
        if confirm:
            self._complete(document, red_flags_not_asked=True)
        else:
            self.form.focus_field(error.red_flags_unanswered[0])

    def acknowledge(self) -> None:
        if self.record is None or self.clinic is None:
            return
        clinic, intake_id = self.clinic, self.record.id

        def done(record: IntakeRecord) -> None:
            if self.record is None or self.record.id != intake_id:
                return
            self.record = _with_ack(self.record, record)
            if self.assessment is not None:
                self.banner.update_for(self.assessment, record.red_flag_ack_by, record.red_flag_ack_at)

        self.runner.run(lambda: clinic.acknowledge_red_flag(intake_id), done, self._failed,
                        label=self.tr("Recording acknowledgement..."))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, IntakeError):
            messages.show_error(self, error)
            self._update_state_label()
        else:
            self.failed.emit(error)


def record_regions(answers: dict[str, Any], field: str) -> dict[str, list[str]]:
    value = answers.get(field) or {}
    return {"left": list(value.get("left", [])), "right": list(value.get("right", []))}


def _with_ack(current: IntakeRecord, acked: IntakeRecord) -> IntakeRecord:
    from dataclasses import replace

    return replace(current, red_flag_ack_by=acked.red_flag_ack_by, red_flag_ack_at=acked.red_flag_ack_at)
