"""The Clinic: one method per user action over one database, shared by the GUI and the command line.

It composes the rooms (domain, screening, storage, reports, exchange) and owns transactions and the
audit trail. Every public method that touches patient data or administration checks the signed-in
account's role first (`@requires`, access/roles.py), so the window and the command line obey one table;
sign-in, accounts, clinic settings and the audit trail are in services/access.py, the database itself (backups,
restore, upgrade) in services/maintenance.py, outcomes in services/outcomes.py. Heavy modules are
imported when first needed, so the window can paint before they load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from intake_app.access import lockout
from intake_app.access.audit_chain import AuditAction, AuditEvent
from intake_app.access.identity import desk_name
from intake_app.access.passwords import Passwords, Secret
from intake_app.access.roles import Action
from intake_app.domain import (
    IntakeDocument,
    Patient,
    missing_required,
    parse_document,
    unanswered_red_flags,
)
from intake_app.domain.document import ENTERED_BY_VALUES
from intake_app.domain.questionnaire import DEFAULT_QUESTIONNAIRE
from intake_app.domain.records import IntakeRecord as IntakeRecordType
from intake_app.errors import IntakeError, StaleRecord
from intake_app.services import live
from intake_app.services.access import countersigned, lock_checked, requires
from intake_app.services.audit_trail import AnchorKeeper, ViewRecorder
from intake_app.services.inputs import _person, _refuse_unstorable, documents_in, read_json_file
from intake_app.services.maintenance import MaintenanceMixin
from intake_app.services.maintenance import shared_group as shared_group  # re-exported (services.shared_group)
from intake_app.services.outcomes import OutcomesMixin
from intake_app.services.reports import build_report_pdf
from intake_app.services.results import (
    IncompleteIntake,
    RescreenChange,
    rose_to_recall,
    screen,
    urgent_rules,
)
from intake_app.settings import Settings
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from intake_app.screening.model import Assessment
    from intake_app.services.exchange import ExportResult
    from intake_app.storage import IntakeRecord, IntakeSummary, PatientRecord, RecallEntry, Repository
    from intake_app.storage.records import ImportedRecords

DEMO_EXTRA_MISSING = QT_TRANSLATE_NOOP(
    "IntakeError", "Demo data needs the optional Faker package, which is not installed; nothing was added.")
DEMO_EXTRA_HINT = QT_TRANSLATE_NOOP("IntakeError", "Install it with: pip install 'intake-app[demo]'")


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


REPORT_KINDS = ("referral", "handout")


@lock_checked
class Clinic(MaintenanceMixin, OutcomesMixin):
    """Everything the front desk does, over one database. Nobody is signed in after construction."""

    def __init__(
        self, repository: Repository, settings: Settings | None = None, *, passwords: Passwords | None = None,
        clock: Callable[[], dt.datetime] | None = None, desk: str | None = None, anchor_folder: Path | None = None,
    ) -> None:
        self.repository = repository
        self.passwords = passwords or Passwords()
        self._clock = clock or _utc_now
        self.desk = desk if desk is not None else desk_name()
        repository.desk, repository.clock = self.desk, self._now
        self._actor = None
        self._locked = False
        self._file_settings = settings or Settings()
        self.settings = self._file_settings
        self._overlay_clinic_settings()
        self._anchors = AnchorKeeper(repository, anchor_folder)
        repository.audit_committed = self._anchors.committed
        self._anchors.check()  # cheap: only the entries added since this computer's anchor are read
        self._views = ViewRecorder(repository.record_events)
        # The draft this desk saved last, as stored: the next save of it needs no read (see save_draft).
        self._last_draft: IntakeRecord | None = None

    @classmethod
    def open(
        cls, database_url: str | None = None, settings: Settings | None = None, *,
        passwords: Passwords | None = None, clock: Callable[[], dt.datetime] | None = None, desk: str | None = None,
        anchor_folder: Path | None = None,
    ) -> Clinic:
        """Open (check, and migrate) the database named by --database, the environment, or the default file.

        Refused with a StorageError a person can act on: a network share, an empty, foreign or damaged
        file (left unchanged), a database made by a newer version (DatabaseTooNew).
        """
        from intake_app.storage import Repository, close_engine, open_database, resolve_database_url

        group = shared_group(settings)
        engine = open_database(resolve_database_url(database_url, group=group), group=group)
        try:
            return cls(Repository(engine), settings, passwords=passwords, clock=clock, desk=desk,
                       anchor_folder=anchor_folder)
        except BaseException:
            close_engine(engine)
            raise

    def close(self) -> None:
        """Write the queued views and searches, then close the database (restore can then take it)."""
        from intake_app.storage import close_engine

        self._views.close()
        self._anchors.stop()  # and moved over what is still pending
        close_engine(self.repository.engine)

    def _screen(self, document: IntakeDocument) -> Assessment:
        """The screening result for a document, worded with this clinic's settings."""
        return screen(document, self.settings)

    # --- patients ------------------------------------------------------------------------------

    @requires(Action.SEARCH)
    def search_patients(
        self, query: str, *, limit: int = 50, offset: int = 0, sort: str = "name", descending: bool = False
    ) -> list[PatientRecord]:
        found = self.repository.search_patients(query, limit=limit, offset=offset, sort=sort, descending=descending)
        self._queue_view(AuditAction.PATIENT_SEARCH)  # the fact of searching, never the text
        return found

    @requires(Action.SEARCH)
    def count_patients(self) -> int:
        return self.repository.count_patients()

    def check_patient(self, patient: Patient) -> Patient:
        """Validate patient details with the questionnaire's rules; raises InvalidInput naming fields."""
        _refuse_unstorable({"patient": patient.to_json()})
        probe = {
            "format": "intake-document/1", "questionnaire": DEFAULT_QUESTIONNAIRE,
            "patient": patient.to_json(), "visit_date": dt.date.today().isoformat(), "answers": {},
        }
        return parse_document(probe).patient

    @requires(Action.REGISTER_PATIENT)
    def likely_duplicates(self, patient: Patient, *, exclude_id: int | None = None) -> list[PatientRecord]:
        return self.repository.find_similar(patient, exclude_id=exclude_id)

    @requires(Action.REGISTER_PATIENT)
    def register_patient(self, patient: Patient) -> PatientRecord:
        return self.repository.add_patient(self.check_patient(patient), actor=self._current())

    @requires(Action.UPDATE_PATIENT)
    def update_patient(
        self, patient_id: int, patient: Patient, *, expected_version: int | None = None
    ) -> PatientRecord:
        """Change a patient's details; StaleRecord (with `.current`) when another desk saved them since
        `expected_version` was read."""
        self._last_draft = None  # it holds the patient's details
        return self.repository.update_patient(
            patient_id, self.check_patient(patient), expected_version=expected_version, actor=self._current()
        )

    @requires(Action.VIEW_PATIENT)
    def patient(self, patient_id: int) -> PatientRecord:
        record = self.repository.get_patient(patient_id)
        self._queue_view(AuditAction.PATIENT_VIEW, patient_id=patient_id)
        return record

    # --- intakes -------------------------------------------------------------------------------

    @requires(Action.VIEW_PATIENT)
    def intakes_for(self, patient_id: int) -> list[IntakeSummary]:
        """A patient's intakes, newest first, each shown as its latest revision."""
        intakes = self.repository.list_intakes(patient_id)
        self._queue_view(AuditAction.PATIENT_VIEW, patient_id=patient_id)
        return intakes

    @requires(Action.VIEW_INTAKE)
    def intake(self, intake_id: int) -> IntakeRecord:
        record = self.repository.get_intake(intake_id)
        self._queue_view(AuditAction.INTAKE_VIEW, patient_id=record.patient_id, intake_id=intake_id)
        return record

    @requires(Action.SEARCH)
    def today(self, day: dt.date | None = None) -> list[IntakeSummary]:
        """The day's intakes (latest revisions), unacknowledged urgent ones first."""
        return self.repository.intakes_on(day or dt.date.today())

    @requires(Action.START_INTAKE)
    def start_intake(self, patient_id: int, visit_date: dt.date | None = None) -> IntakeRecord:
        """A new draft for a patient; age is filled in from the date of birth."""
        patient = self.repository.get_patient(patient_id).patient
        visit = visit_date or dt.date.today()
        answers: dict[str, Any] = {}
        age = patient.age_on(visit)
        if age is not None and 0 <= age <= 120:
            answers["age_years"] = age
        document = self.document(patient, visit, answers)
        return self.repository.create_intake(patient_id, document, actor=self._current())

    def document(
        self, patient: Patient, visit_date: dt.date, answers: dict[str, Any], questionnaire: str | None = None
    ) -> IntakeDocument:
        """A validated intake document (unanswered red flags become "unknown"); raises DocumentInvalid."""
        document = IntakeDocument(patient=patient, visit_date=visit_date, answers=answers)
        if questionnaire is not None:
            document = replace(document, questionnaire=questionnaire)
        return live.checked_document(document)

    def _answered(
        self, record: IntakeRecord, answers: dict[str, Any], visit_date: dt.date, by: str | None,
        entered_by: Mapping[str, str] | None, checked: Mapping[str, Any] | None = None,
    ) -> IntakeDocument:
        """The stored intake's document with these answers, checked, and who entered each answer: `by`
        ("patient" or "staff") marks the new and changed answers, `entered_by` replaces the record whole;
        with neither, unchanged answers keep their entry and changed ones lose it (IntakeDocument.with_answers).
        `checked`: the answers as the checks already made them (`live.kept`)."""
        stored = record.document
        if checked is None:
            checked = self.document(stored.patient, visit_date, answers, stored.questionnaire).answers
        if by is not None and by not in ENTERED_BY_VALUES:
            raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "Who entered the answers must be the patient or staff."))
        document = replace(stored.with_answers(checked, by=by, entered_by=entered_by), visit_date=visit_date)
        if entered_by is not None:  # checked against the questionnaire and the answers given
            document = parse_document(document.to_json())
        return document

    @requires(Action.SAVE_INTAKE)
    def save_draft(
        self, intake_id: int, answers: dict[str, Any], visit_date: dt.date, *, expected_version: int | None = None,
        by: str | None = None, entered_by: Mapping[str, str] | None = None,
    ) -> IntakeRecord:
        """Store a draft. Refused, with nothing changed, when the intake was completed or amended meanwhile
        (checked in the write transaction) or, given `expected_version`, when another desk saved it since
        (StaleRecord, whose `.current` is the stored intake). `by` / `entered_by`: who entered the answers
        (see `_answered`).

        The save is one version-checked UPDATE. The intake is read first, except when this desk saved it
        last: that record is used, and the UPDATE is made to check that the row still has its version (so
        it is still exactly what the record says); if another change came in between, the row is read and
        the save done as if no record had been kept."""
        last = self._last_draft
        if last is not None and last.id == intake_id and expected_version in (None, last.row_version):
            try:
                return self._save_draft(last, answers, visit_date, last.row_version, by, entered_by)
            except StaleRecord as stale:
                if expected_version is not None:
                    raise
                current = stale.current
            self._last_draft = None
            record = current if isinstance(current, IntakeRecordType) else self.repository.get_intake(intake_id)
        else:
            self._last_draft = None
            record = self.repository.get_intake(intake_id)
        return self._save_draft(record, answers, visit_date, expected_version, by, entered_by)

    def _save_draft(
        self, record: IntakeRecord, answers: dict[str, Any], visit_date: dt.date, expected_version: int | None,
        by: str | None, entered_by: Mapping[str, str] | None,
    ) -> IntakeRecord:
        # When the window screened exactly these inputs today and they passed the checks unchanged
        # (`screen_draft`), the save checks and screens nothing again (`kept` gives a fresh copy of the
        # checked answers).
        was = record.document
        checked, found = live.kept(was.questionnaire, was.patient, visit_date, answers)
        document = self._answered(record, answers, visit_date, by, entered_by, checked)
        if checked is None:  # checked here: the window may have screened them as they are now
            d = document
            found = live.kept(d.questionnaire, d.patient, d.visit_date, d.answers)[1]
        if found is None:  # the live result goes on the row: an urgent draft leads the day list at once
            assessment = self._screen(document)
            found = (assessment.level, assessment.tier), urgent_rules(assessment)
        from intake_app.storage import drafts

        saved = drafts.save(self.repository, record.id, document, expected_version=expected_version,
                            actor=self._current(), live=found[0], urgent_rules=found[1], base=record)
        self._last_draft = saved
        return saved

    @requires(Action.COMPLETE_INTAKE)
    def complete_intake(
        self, intake_id: int, answers: dict[str, Any], visit_date: dt.date, *, red_flags_not_asked: bool = False,
        expected_version: int | None = None, by: str | None = None, entered_by: Mapping[str, str] | None = None,
    ) -> tuple[IntakeRecord, Assessment]:
        """Check, screen and store. Unasked red-flag questions need the explicit "not asked" choice; an
        URGENT result needs the red flag acknowledged (AcknowledgementNeeded) after it last fired. `by` /
        `entered_by`: who entered the answers (see `_answered`)."""
        record = self.repository.get_intake(intake_id)
        document = self._answered(record, answers, visit_date, by, entered_by)
        missing = missing_required(document)
        unasked = unanswered_red_flags(document)
        if missing or (unasked and not red_flags_not_asked):
            raise IncompleteIntake(missing, [] if red_flags_not_asked else unasked)
        assessment = self._screen(document)
        stored = self.repository.complete_intake(
            intake_id, document, assessment.to_json(), red_flags_not_asked=bool(unasked),
            expected_version=expected_version, urgent_rules=urgent_rules(assessment), actor=self._current(),
        )
        return stored, assessment

    @countersigned(Action.ACKNOWLEDGE_RED_FLAG, session=Action.SAVE_INTAKE)
    def acknowledge_red_flag(
        self, intake_id: int, *, clinician: str, password: Secret, answers: dict[str, Any] | None = None,
        visit_date: dt.date | None = None,
    ) -> IntakeRecord:
        """A clinician signs the red flag off at this desk with their own account name and password, without
        taking over the session (the attempt counts towards their lockout; a front-desk or administrator
        password cannot sign). The acknowledgement names the clinician's full name and role and covers the
        urgent rules the stored answers fire now; with `answers` the draft is saved first, so it covers
        exactly what is on the screen."""
        session_actor = self._current()
        account = self.repository.get_account(clinician)
        signature = lockout.countersign(account, password, self._now(), self.passwords, Action.ACKNOWLEDGE_RED_FLAG)
        attempt = signature.attempt
        if not attempt.ok:
            self._store_failure(account, attempt)
        elif attempt.account is not None:
            self.repository.save_account(attempt.account)
        signer = signature.signed_by()
        if answers is not None:
            record = self.repository.get_intake(intake_id)
            self.save_draft(intake_id, answers, visit_date or record.document.visit_date)
        return self.repository.acknowledge_red_flag(
            intake_id, signer, urgent_rules=lambda d: urgent_rules(self._screen(d)), actor=session_actor
        )

    @requires(Action.AMEND_INTAKE)
    def amend_intake(self, intake_id: int, reason: str) -> IntakeRecord:
        """A new draft revision N+1 of a completed intake (the original and its assessments are kept)."""
        why = _person("reason", reason, limit=500, single_line=False)
        return self.repository.amend_intake(intake_id, why, actor=self._current())

    @requires(Action.VIEW_INTAKE)
    def revisions(self, intake_id: int) -> list[IntakeSummary]:
        """Every revision of an intake, the original first."""
        return self.repository.revisions(intake_id)

    @requires(Action.RESCREEN)
    def rescreen(self) -> list[RescreenChange]:
        """Re-assess completed intakes judged by other rules; keep the old result, store the new one.

        Returns every intake whose level or tier changed. One whose result rose to urgent or likely goes
        on the recall list (the patient has left) until a clinician marks it contacted.
        """
        from intake_app.screening import RULES_VERSION

        changes = []
        for record in self.repository.iter_intakes(status="complete", latest_only=True):
            if record.rules_version == RULES_VERSION:
                continue
            assessment = self._screen(record.document)
            recall = rose_to_recall(record.level, assessment.level)
            self.repository.store_assessment(
                record.id, assessment.to_json(), "rescreen", recall_from=(record.level, record.tier) if recall
                else None, actor=self._current(),
            )
            if assessment.level != record.level or assessment.tier != record.tier:
                changes.append(RescreenChange(
                    record.id, record.level, assessment.level, record.rules_version, old_tier=record.tier,
                    new_tier=assessment.tier, recall=recall,
                ))
        return changes

    @requires(Action.RECALL_LIST)
    def recall_list(self) -> list[RecallEntry]:
        """Intakes whose result rose to urgent or likely after the patient left, not yet contacted."""
        return self.repository.recall_list()

    @requires(Action.RECALL_LIST)
    def mark_contacted(self, intake_id: int, who: str | None = None) -> int:
        """A clinician contacted the patient: the intake leaves the recall list. Returns recalls closed.
        `who` (who made the call) defaults to the signed-in account's full name."""
        actor = self._current()
        closed = self.repository.mark_contacted(intake_id, _person("who", who if who is not None else actor.shown_name),
                                                actor=actor)
        if not closed:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "Intake {intake} is not on the recall list; nothing was changed."),
                params={"intake": intake_id})
        return closed

    # --- documents: validate, import, export --------------------------------------------------

    def validate_file(self, path: str | Path) -> list[IntakeDocument]:
        return [parse_document(item) for item in documents_in(read_json_file(path))]

    @requires(Action.IMPORT)
    def import_file(self, path: str | Path) -> ImportedRecords:
        """Store what the file holds - intake documents or a FHIR Bundle written by this program - in one
        transaction (all or nothing), after every document has been validated.

        From a bundle, an intake whose UUID and revision are already stored is left alone (listed in
        `.skipped`); the assessment it carried is kept as history (cause "import") and a complete
        intake is re-screened with the current rules. Drafts carry their live result for the lists."""
        from intake_app.services.exchange import import_items

        # Checked below: a bundle's documents once read from it, plain documents as they are.
        data = read_json_file(path, check=False)
        return self.repository.import_intakes(import_items(data, self._screen, source=str(path)), actor=self._current())

    @requires(Action.EXPORT)
    def export_documents(
        self, status: str | None = None, *, format: str = "json", out: str | Path | None = None,
        overwrite: bool = False, stream: TextIO | None = None,
    ) -> ExportResult:
        """Export every intake (its latest revision) as `format` json, fhir or csv; recorded in the audit
        trail (format, count, intake ids).

        With `out`: json and fhir write one private file per intake into that folder (an existing file
        stops the export before anything is written unless `overwrite`), csv writes that one file. Else
        the export goes to `stream` (json: an array of documents, fhir: one Bundle, csv: the file, on a
        stream opened with newline="")."""
        from intake_app.services import exchange

        if format not in exchange.EXPORT_FORMATS:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "Unknown export format {format}; choose json, fhir or csv."),
                params={"format": repr(format)})

        def pairs() -> Iterator[tuple[IntakeRecord, dict[str, Any] | None]]:
            return self.repository.iter_for_export(status=status)

        outcomes = self._export_outcomes  # each intake's current outcome, one look-up per 500 intakes
        if out is not None and format == "csv":
            result = exchange.write_csv_file(pairs(), Path(out), overwrite=overwrite, group=self.group,
                                             outcomes=outcomes)
        elif out is not None:
            result = exchange.write_per_intake(pairs, format, Path(out), overwrite=overwrite, group=self.group,
                                               outcomes=outcomes)
        elif stream is not None:
            result = exchange.write_stream(pairs(), format, stream, outcomes=outcomes)
        else:
            raise IntakeError(QT_TRANSLATE_NOOP(
                "IntakeError", "Nothing to export to: give a folder or file (--out), or a stream."))
        self.repository.record_export(format, result.intake_ids, actor=self._current())
        return result

    # --- reports ------------------------------------------------------------------------------

    @requires(Action.PRINT)
    def referral_pdf(self, /, document: IntakeDocument, *, revision: int | None = None, **overrides: Any) -> bytes:
        """The referral summary from the clinic's settings; `revision` above 1 prints "amended (revision N)"
        (pass the record's revision); `overrides` change this letter only (referrer_name, ...)."""
        if revision is not None:
            overrides["revision"] = revision
        return build_report_pdf("referral", document, self.settings, **overrides)

    @requires(Action.PRINT)
    def handout_pdf(self, /, document: IntakeDocument, *, language: str | None = None, **overrides: Any) -> bytes:
        """The patient handout from the clinic's settings, in `language` ("en", "es"; None: the patient's
        preferred language, else the clinic's); `overrides` change this print only (large_print)."""
        return build_report_pdf("handout", document, self.settings, language=language, **overrides)

    @requires(Action.PRINT)
    def note_printed(self, intake_id: int, what: str) -> None:
        """Record that a report ("referral" or "handout") of the intake was printed."""
        self._note_report(AuditAction.REPORT_PRINT, intake_id, what)

    @requires(Action.SAVE_PDF)
    def note_pdf_saved(self, intake_id: int, what: str) -> None:
        """Record that a report ("referral" or "handout") of the intake was saved as a PDF file."""
        self._note_report(AuditAction.REPORT_SAVE_PDF, intake_id, what)

    def _note_report(self, action: AuditAction, intake_id: int, what: str) -> None:
        if what not in REPORT_KINDS:
            raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "Unknown report {what}; it is a referral or a handout."),
                              params={"what": repr(what)})
        record = self.repository.get_intake(intake_id)
        self._record(self._current(), action, patient_id=record.patient_id, intake_id=intake_id, detail=what)

    # --- synthetic data -----------------------------------------------------------------------

    @requires(Action.DEMO_DATA)
    def add_demo_data(self, count: int, *, seed: int = 20261125) -> int:
        """Add `count` synthetic patients, each with one completed intake, in one transaction (generated and
        written in batches, so memory stays flat), then made-up outcomes for them (marked synthetic). Needs
        the optional Faker package (the `demo` extra). Recorded as the signed-in administrator."""
        try:
            import faker  # noqa: F401 - only checked here, so a missing extra is a message, not a traceback
        except ImportError:
            raise IntakeError(DEMO_EXTRA_MISSING, hint=DEMO_EXTRA_HINT) from None
        from intake_app.demo import generate_batches
        from intake_app.demo_outcomes import OutcomeDrawer
        from intake_app.storage.bulk import BatchOutcomes, bulk_load

        actor = self._current()

        def audit(patients: int, intakes: int) -> AuditEvent:
            return self._event(actor, AuditAction.DEMO_DATA, detail=f"{patients} patients, {intakes} intakes")

        def outcomes_audit(count: int) -> AuditEvent:
            return self._event(actor, AuditAction.OUTCOME_RECORD, detail=f"synthetic demo outcomes: {count}")

        now = self._now()
        # Made-up outcomes, marked synthetic, drawn and written with each batch of intakes.
        drawer = OutcomeDrawer(seed=seed, today=now.astimezone().date(), now=now)
        outcomes = BatchOutcomes(drawer.draw, actor.name, now, outcomes_audit)
        added = bulk_load(self.repository.engine, generate_batches(count, seed=seed, now=now), expected=count,
                          audit=audit, outcomes=outcomes)
        self._anchors.catch_up()
        return added
