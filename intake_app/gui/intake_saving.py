"""Saving an open intake: drafts (autosave, on demand, before closing), a save that another desk
overtook, completing (after a clinician signed off the red flag with their own password), and amending.

A mixin of IntakePage, kept apart so each file reads as one concern.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from intake_app.domain import DocumentInvalid, IntakeDocument
from intake_app.domain.wording import answer_text
from intake_app.errors import AcknowledgementNeeded, IntakeError, StaleRecord
from intake_app.gui import messages
from intake_app.gui.review import problem_name
from intake_app.services import IncompleteIntake

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, SignalInstance
    from PySide6.QtWidgets import QLabel

    from intake_app.domain.questionnaire import Questionnaire
    from intake_app.domain.records import IntakeRecord
    from intake_app.gui.assessment_panel import RedFlagBanner
    from intake_app.gui.intake_form import IntakeForm
    from intake_app.gui.tasks import TaskRunner
    from intake_app.recovery import RecoveryJournal
    from intake_app.screening.model import Assessment
    from intake_app.services import Clinic


if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget as _Base
else:
    _Base = object


class IntakeSaving(_Base):
    """Saving, completing, acknowledging and amending; the page supplies the widgets named below."""

    if TYPE_CHECKING:
        clinic: Clinic | None
        record: IntakeRecord | None
        assessment: Assessment | None
        journal: RecoveryJournal
        runner: TaskRunner
        form: IntakeForm
        banner: RedFlagBanner
        state: QLabel
        autosave: QTimer
        questionnaire: Questionnaire
        _dirty: bool
        _row_version: int
        saved: SignalInstance
        completed: SignalInstance
        failed: SignalInstance
        dirty_changed: SignalInstance
        amended: SignalInstance
        acknowledged: SignalInstance
        print_requested: SignalInstance

        def document(self) -> IntakeDocument: ...
        def current_visit_date(self) -> dt.date: ...
        def open_record(self, clinic: Clinic, record: IntakeRecord, answers: dict[str, Any] | None = None) -> None: ...
        def rescreen(self) -> None: ...
        def show_review(self) -> None: ...
        def show_form(self) -> None: ...
        def needs_acknowledgement(self) -> bool: ...
        def review_is_open(self) -> bool: ...

    # --- state ---------------------------------------------------------------------------------

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
            revision = self.record.revision
            self.state.setText(self.tr("Completed, read-only") + (
                self.tr(" (revision {0})").format(revision) if revision > 1 else ""))
        elif self._dirty:
            self.state.setText(self.tr("Unsaved changes"))
        else:
            saved = self.record.updated_at.replace(tzinfo=dt.UTC).astimezone()
            self.state.setText(self.tr("Draft saved {0}").format(saved.strftime("%H:%M:%S")))

    # --- drafts --------------------------------------------------------------------------------

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

        def work() -> IntakeRecord:
            # Jobs run one after another on the runner's thread: each save expects the version the one
            # before it wrote (read here, not when queued), so this desk never overtakes itself.
            record = clinic.save_draft(intake_id, dict(answers), visit, expected_version=self._row_version,
                                      by="staff")
            self._row_version = record.row_version
            return record

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

        self.runner.run(work, done, self._failed, label=self.tr("Saving draft..."))
        return True

    def save_now_blocking(self) -> None:
        """Save synchronously (closing, crash quit): the event loop may not run again."""
        if self.record is None or self.clinic is None or not self._dirty or self.record.status == "complete":
            return
        self.runner.wait()
        answers = self.document().answers
        self.record = self.clinic.save_draft(self.record.id, dict(answers), self.current_visit_date(),
                                             expected_version=self._row_version, by="staff")
        self._row_version = self.record.row_version
        self.journal.clear(self.record.id)
        self._set_dirty(False)

    def _resolve_stale(self, error: StaleRecord) -> None:
        """Another desk saved this intake first: show both versions in plain words and let the person choose."""
        current = error.current
        if self.record is None or self.clinic is None or not isinstance(current, type(self.record)):
            messages.show_error(self, error)
            return
        mine = self.form.answers()
        theirs = dict(current.document.answers)
        lines = []
        for question in self.questionnaire.answer_questions:
            a, b = mine.get(question.id), theirs.get(question.id)
            if a != b:
                lines.append(f"{question.label}\n    yours: {answer_text(self.questionnaire, question, a)}"
                             f"\n    other desk: {answer_text(self.questionnaire, question, b)}")
        keep = messages.ask_yes_no(
            self,
            self.tr("Saved at another desk"),
            self.tr("Another desk saved this intake while you were working on it. Keep your answers?"),
            self.tr("Yes keeps your answers (they replace the other desk's); No shows the other desk's "
                    "answers instead.\n\n") + ("\n".join(lines[:20]) or self.tr("The answers are the same.")),
            default_yes=False,
        )
        if keep:
            self.record = replace(self.record, row_version=current.row_version)
            self._row_version = current.row_version
            self.save()
        else:
            self.journal.clear(self.record.id)
            self._dirty = False
            self.open_record(self.clinic, current)

    # --- completing ----------------------------------------------------------------------------

    def complete(self, *, print_after: bool = False) -> None:
        """Complete from the review page; `print_after` then prints both documents."""
        if self.record is None or self.clinic is None:
            return
        try:
            document = self.document()
        except DocumentInvalid as exc:
            self.form.show_problems(exc.problems)
            self.show_review()
            return
        if self.needs_acknowledgement():
            self.show_review()
            return
        self._complete(document, red_flags_not_asked=False, print_after=print_after)

    def _complete(self, document: IntakeDocument, *, red_flags_not_asked: bool, print_after: bool = False) -> None:
        assert self.record is not None and self.clinic is not None
        clinic, intake_id = self.clinic, self.record.id

        def work() -> tuple[IntakeRecord, Assessment]:
            result = clinic.complete_intake(intake_id, dict(document.answers), document.visit_date,
                                            red_flags_not_asked=red_flags_not_asked,
                                            expected_version=self._row_version, by="staff")
            self._row_version = result[0].row_version
            return result

        def done(result: tuple[IntakeRecord, Assessment]) -> None:
            record, assessment = result
            self.journal.clear(intake_id)
            self._set_dirty(False)
            self.open_record(clinic, record)
            self.completed.emit(intake_id)
            from intake_app.gui.assessment_panel import level_heading

            # No box to click away: the state line says it, and the result panel shows it.
            self.state.setText(self.tr("Completed: {0}").format(level_heading(assessment)))
            if print_after:
                self.print_requested.emit()

        def failed(error: BaseException) -> None:
            if isinstance(error, IncompleteIntake):
                self._handle_incomplete(document, error, print_after)
            elif isinstance(error, AcknowledgementNeeded):
                self.show_review()
            else:
                self._failed(error)

        self.runner.run(work, done, failed, label=self.tr("Completing..."))

    def _handle_incomplete(self, document: IntakeDocument, error: IncompleteIntake, print_after: bool) -> None:
        if error.missing:
            self.form.show_problems([(f"answers.{f}", "is required") for f in error.missing])
            self.show_review()
            return
        unasked = [problem_name(self.questionnaire, f) for f in error.red_flags_unanswered]
        confirm = messages.ask_yes_no(
            self,
            self.tr("Safety questions not asked"),
            self.tr("{0} safety question(s) have not been asked.").format(len(unasked)),
            self.tr("Complete anyway with them recorded as NOT ASKED? They will print as NOT ASKED - ask before "
                    "the patient leaves.\n\n") + "\n".join(f"- {label}" for label in unasked),
        )
        if confirm:
            self._complete(document, red_flags_not_asked=True, print_after=print_after)
        else:
            self.show_form()
            self.form.focus_field(error.red_flags_unanswered[0])

    # --- acknowledging and amending ------------------------------------------------------------

    def acknowledge(self) -> None:
        """A clinician signs off the red flag at this desk with their own account name and password (the
        desk stays signed in as it is); a refusal (wrong password, a front-desk account) is shown in words."""
        if self.record is None or self.clinic is None or self.assessment is None:
            return
        answer = messages.chooser_for(self).clinician(self, self.banner.summary(self.assessment))
        if answer is None:
            return
        clinician, password = answer
        clinic, intake_id = self.clinic, self.record.id
        on_review = self.review_is_open()
        snapshot = self.form.answers()
        visit = self.current_visit_date()

        def done(record: IntakeRecord) -> None:
            if self.record is None or self.record.id != intake_id:
                return
            self.record = record  # the draft was saved with the acknowledgement
            if self.form.answers() == snapshot:
                self.journal.clear(intake_id)
                self._set_dirty(False)
            self.banner.update_for(self.assessment, record.acknowledged_by, record.acknowledged_at,
                                   acknowledged_role=record.acknowledged_role)
            self.acknowledged.emit(intake_id)
            if on_review:
                self.show_review()

        def work() -> IntakeRecord:
            record = clinic.acknowledge_red_flag(intake_id, clinician=clinician, password=password,
                                                 answers=dict(snapshot), visit_date=visit)
            self._row_version = record.row_version
            return record

        def failed(error: BaseException) -> None:
            if isinstance(error, IntakeError) and not isinstance(error, StaleRecord):
                messages.show_error(self, error, self.tr("The red flag was not acknowledged"))
            else:
                self._failed(error)

        self.runner.run(work, done, failed, label=self.tr("Checking the clinician's password..."))

    def amend(self) -> None:
        """A completed intake gets a new numbered revision (the original and its result are kept)."""
        if self.record is None or self.clinic is None or self.record.status != "complete":
            return
        reason = messages.chooser_for(self).text(
            self, self.tr("Amend the intake"), self.tr("Why is it amended? (kept with the new revision)"))
        if not reason:
            return
        clinic, intake_id = self.clinic, self.record.id

        def done(record: IntakeRecord) -> None:
            self.open_record(clinic, record)
            self.amended.emit(record.id)

        self.runner.run(lambda: clinic.amend_intake(intake_id, reason), done, self._failed,
                        label=self.tr("Starting a new revision..."))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, StaleRecord):
            self._resolve_stale(error)
        elif isinstance(error, IntakeError):
            messages.show_error(self, error, describe=lambda f: problem_name(self.questionnaire, f))
            self._update_state_label()
        else:
            self.failed.emit(error)
