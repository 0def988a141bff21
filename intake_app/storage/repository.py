"""The one repository: a session per operation, domain objects in and out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Select, case, event, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from intake_app.access.audit_chain import AuditAction, AuditEntry
from intake_app.access.roles import Actor
from intake_app.domain import IntakeDocument, Patient, fold
from intake_app.errors import AcknowledgementNeeded, IntakeError, StaleRecord
from intake_app.storage import audit_store, drafts, search
from intake_app.storage.access_store import AccessStore
from intake_app.storage.audit_store import AuditTrailStore
from intake_app.storage.database import storage_errors, writing
from intake_app.storage.exchange_store import ExchangeStore
from intake_app.storage.models import AssessmentResultRow, AssessmentRow, IntakeRow, PatientRow, RecallRow
from intake_app.storage.records import (
    IntakeRecord,
    IntakeSummary,
    LiveResult,
    PatientRecord,
    RecallEntry,
    StoredAssessment,
)
from intake_app.storage.rows import (
    _SUMMARY_COLUMNS,
    _intake_record,
    _patient,
    _patient_record,
    _patient_values,
    _rules,
    _summary,
    digits,
    names_similar,
    new_uuid,
    utcnow,
)
from intake_app.translation_marks import QT_TRANSLATE_NOOP


class NotFound(LookupError):
    pass


_DELIVER = "intake_audit_deliver"  # session.info: the repository's hook for committed audit entries
_COMMITTED = "intake_audit_committed"  # session.info: the newest entry of the committed transaction


def _committed(session: Session) -> None:
    entry = session.info.pop(audit_store.LAST_APPENDED, None)
    if entry is not None:
        session.info[_COMMITTED] = entry


def _rolled_back(session: Session) -> None:
    session.info.pop(audit_store.LAST_APPENDED, None)


class _WriteSession(Session):
    """A write session that, once closed (its connection back in the pool), hands the newest committed
    audit entry to the repository's hook, which moves this computer's anchor."""

    def close(self) -> None:
        entry = self.info.pop(_COMMITTED, None)
        super().close()
        deliver = self.info.get(_DELIVER)
        if entry is not None and deliver is not None:
            deliver(entry)


def utc_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Repository(AccessStore, AuditTrailStore, ExchangeStore):
    """Every read and write of the clinic's data. Each write records its audit entry in the same
    transaction (`audit_store.append`), stamped with `desk` (this computer) and `clock` (aware UTC);
    after the commit `audit_committed` (if set) gets the newest entry, to move this computer's anchor."""

    def __init__(self, engine: Engine, *, desk: str = "", clock: Callable[[], dt.datetime] | None = None) -> None:
        self.engine = engine
        self.desk = desk
        self.clock: Callable[[], dt.datetime] = clock or utc_clock
        self.audit_committed: Callable[[AuditEntry], None] | None = None
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Writes begin with the write lock (BEGIN IMMEDIATE on SQLite), so a row version read at the
        # start of the transaction is still the stored one when the UPDATE runs.
        self._write_engine = writing(engine)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False, class_=_WriteSession,
                                            info={_DELIVER: self._deliver})
        event.listen(self._write_sessions, "after_commit", _committed)
        event.listen(self._write_sessions, "after_rollback", _rolled_back)

    def _deliver(self, entry: AuditEntry) -> None:
        if self.audit_committed is not None:
            self.audit_committed(entry)

    def _session(self) -> Session:
        return self._sessions()

    def _writer(self) -> Session:
        return self._write_sessions()

    # --- patients ------------------------------------------------------------------------------

    def add_patient(self, patient: Patient, *, actor: Actor) -> PatientRecord:
        now = utcnow()
        with storage_errors(), self._writer() as session, session.begin():
            row = PatientRow(**_patient_values(patient), created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            self._audit(session, actor, "patient.add", patient_id=row.id)
            return _patient_record(row)

    def update_patient(
        self, patient_id: int, patient: Patient, *, expected_version: int | None = None, actor: Actor
    ) -> PatientRecord:
        """Change a patient's details; refused with StaleRecord when expected_version is not the stored one."""
        with storage_errors(), _stale_guard(), self._writer() as session, session.begin():
            row = session.get(PatientRow, patient_id, with_for_update=True)
            if row is None:
                raise NotFound(f"patient {patient_id}")
            if expected_version is not None and row.row_version != expected_version:
                raise StaleRecord(_patient_record(row), what="patient")
            for key, value in _patient_values(patient).items():
                setattr(row, key, value)
            row.updated_at = utcnow()
            self._audit(session, actor, "patient.update", patient_id=patient_id)
            session.flush()
            return _patient_record(row)

    def get_patient(self, patient_id: int) -> PatientRecord:
        with storage_errors(), self._session() as session:
            row = session.get(PatientRow, patient_id)
            if row is None:
                raise NotFound(f"patient {patient_id}")
            return _patient_record(row)

    def count_patients(self) -> int:
        with storage_errors(), self._session() as session:
            return search.count_patients(session)

    def search_patients(
        self, query: str, *, limit: int = search.SEARCH_LIMIT, offset: int = 0, sort: str = "name",
        descending: bool = False,
    ) -> list[PatientRecord]:
        """Prefix search by name, MRN or date of birth (see `storage/search.py`: on SQLite the planner
        picks the cheapest index per word, elsewhere one statement)."""
        with storage_errors(), self._session() as session:
            return [_patient_record(row) for row in search.search_patients(
                session, query, limit=limit, offset=offset, sort=sort, descending=descending)]

    def _patients(self, statement: Select[Any]) -> list[PatientRecord]:
        with storage_errors(), self._session() as session:
            return [_patient_record(row) for row in session.scalars(statement)]

    def find_similar(self, patient: Patient, *, exclude_id: int | None = None) -> list[PatientRecord]:
        """Likely duplicates: same MRN, same phone, or same date of birth with a similar name."""
        conditions = []
        if patient.mrn.strip():
            conditions.append(PatientRow.mrn_fold == fold(patient.mrn))
        phone = digits(patient.phone)
        if len(phone) >= 6:
            conditions.append(PatientRow.phone_digits == phone)
        if patient.date_of_birth is not None:
            conditions.append(PatientRow.date_of_birth == patient.date_of_birth)
        if not conditions:
            return []
        statement = select(PatientRow).where(or_(*conditions)).limit(200)
        if exclude_id is not None:
            statement = statement.where(PatientRow.id != exclude_id)
        similar = []
        for record in self._patients(statement):
            other = record.patient
            same_mrn = bool(patient.mrn.strip()) and fold(other.mrn) == fold(patient.mrn)
            same_phone = len(phone) >= 6 and digits(other.phone) == phone
            same_born = patient.date_of_birth is not None and other.date_of_birth == patient.date_of_birth
            if same_mrn or same_phone or (same_born and names_similar(patient, other)):
                similar.append(record)
        return similar

    # --- intakes -------------------------------------------------------------------------------

    def create_intake(self, patient_id: int, document: IntakeDocument, *, actor: Actor) -> IntakeRecord:
        now = utcnow()
        with storage_errors(), self._writer() as session, session.begin():
            patient_row = session.get(PatientRow, patient_id)
            if patient_row is None:
                raise NotFound(f"patient {patient_id}")
            row = IntakeRow(
                patient_id=patient_id, status="draft", questionnaire=document.questionnaire,
                visit_date=document.visit_date, answers=dict(document.answers), red_flags_not_asked=False,
                created_at=now, updated_at=now, revision=1, intake_uuid=new_uuid(),
                entered_by=dict(document.entered_by),
            )
            session.add(row)
            session.flush()
            self._audit(session, actor, "intake.start", patient_id=patient_id, intake_id=row.id)
            return _intake_record(row, _patient(patient_row))

    def _editable_draft(self, session: Session, intake_id: int, expected_version: int | None) -> IntakeRow:
        """The intake row, locked for this write transaction, if it may still be changed as a draft."""
        row = self._intake_row(session, intake_id, lock=True)
        if expected_version is not None and row.row_version != expected_version:
            raise StaleRecord(_intake_record(row, _patient(row.patient)), what="intake")
        if row.superseded_by is not None:
            raise IntakeError(
                QT_TRANSLATE_NOOP(
                    "IntakeError", "This intake was amended; a newer revision exists, so this one cannot be changed."
                ),
                hint=QT_TRANSLATE_NOOP("IntakeError", "Open the newest revision from the patient's intake list."),
            )
        if row.status == "complete":
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "This intake is already complete; nothing was changed."),
                hint=QT_TRANSLATE_NOOP("IntakeError", "To correct it, amend it (a new revision keeps the original)."),
            )
        return row

    def save_draft(
        self, intake_id: int, document: IntakeDocument, *, expected_version: int | None = None, actor: Actor,
        live: LiveResult | None = None, urgent_rules: Sequence[str] = (),
    ) -> IntakeRecord:
        """Store the draft's answers. The completed-intake guard and the row version are checked inside
        the same write transaction as the UPDATE, so an autosave can never overwrite a completed intake.

        `live` (level, tier) is the draft's screening result now: it goes on the intake row in the same
        UPDATE, so the day list can put an unacknowledged urgent draft first (the assessments table stays
        the record of completed and re-screened results). `urgent_rules` are the urgent red flags the
        answers fire now: one the acknowledgement did not cover makes the draft unacknowledged again.

        One save path: `drafts.save` (the version-checked UPDATE and the audit entry in one transaction)."""
        return drafts.save(self, intake_id, document, expected_version=expected_version, actor=actor, live=live,
                           urgent_rules=urgent_rules)

    def complete_intake(
        self, intake_id: int, document: IntakeDocument, assessment: dict[str, Any], *,
        red_flags_not_asked: bool, expected_version: int | None = None, urgent_rules: Sequence[str] = (),
        actor: Actor,
    ) -> IntakeRecord:
        """Store the final answers and their assessment. Inside the write transaction: still a draft, the
        expected row version, and (for an URGENT result) an acknowledgement covering every urgent rule."""
        now = utcnow()
        with storage_errors(), _stale_guard(), self._writer() as session, session.begin():
            row = self._editable_draft(session, intake_id, expected_version)
            acknowledged = _rules(row.red_flag_ack_rules) if row.red_flag_ack_at is not None else set()
            if not set(urgent_rules) <= acknowledged:
                raise AcknowledgementNeeded()
            row.answers = dict(document.answers)
            row.entered_by = dict(document.entered_by)
            row.visit_date = document.visit_date
            row.status = "complete"
            row.red_flags_not_asked = red_flags_not_asked
            row.updated_at = now
            row.completed_at = now
            self._store_assessment(session, row, assessment, "complete", now)
            self._audit(session, actor, "intake.complete", patient_id=row.patient_id, intake_id=intake_id)
            session.flush()
            return _intake_record(row, _patient(row.patient))

    def store_assessment(
        self, intake_id: int, assessment: dict[str, Any], cause: str, *, recall_from: tuple[str | None, str | None]
        | None = None, actor: Actor,
    ) -> None:
        """Keep a new assessment (the old ones stay). With `recall_from` (old level, old tier) the intake
        also goes on the recall list, in the same transaction."""
        now = utcnow()
        with storage_errors(), self._writer() as session, session.begin():
            row = self._intake_row(session, intake_id, lock=True)
            self._store_assessment(session, row, assessment, cause, now)
            if recall_from is not None:
                session.add(RecallRow(
                    intake_id=intake_id, created_at=now, rules_version=assessment["rules_version"],
                    old_level=recall_from[0], old_tier=recall_from[1], new_level=assessment["level"],
                    new_tier=assessment["tier"],
                ))
                self._audit(session, actor, "intake.recall", patient_id=row.patient_id, intake_id=intake_id)
            self._audit(session, actor, f"intake.{cause}", patient_id=row.patient_id, intake_id=intake_id)

    def acknowledge_red_flag(
        self, intake_id: int, signer: Actor, *,
        urgent_rules: Callable[[IntakeDocument], Sequence[str]] | None = None, actor: Actor,
    ) -> IntakeRecord:
        """Record who acknowledged the red flag (the signer's full name and role; the audit entry names
        the signer's account and, when it is not the signed-in one, the session it was signed at), and
        which urgent rules it covered: those `urgent_rules` finds in the answers stored at this moment
        (read in the same transaction)."""
        now = utcnow()
        with storage_errors(), _stale_guard(), self._writer() as session, session.begin():
            row = self._intake_row(session, intake_id, lock=True)
            record = _intake_record(row, _patient(row.patient))
            rules = list(urgent_rules(record.document)) if urgent_rules is not None else []
            row.red_flag_ack_by = signer.shown_name
            row.red_flag_ack_role = signer.role.value
            row.red_flag_ack_rules = ",".join(sorted(set(rules)))
            row.red_flag_ack_at = now
            row.updated_at = now
            at_session = f"signed at the session of {actor.name}" if actor.name != signer.name else ""
            self._audit(session, signer, AuditAction.INTAKE_RED_FLAG_ACK, patient_id=row.patient_id,
                        intake_id=intake_id, detail=at_session)
            session.flush()
            return _intake_record(row, _patient(row.patient))

    def amend_intake(self, intake_id: int, reason: str, *, actor: Actor) -> IntakeRecord:
        """A new draft revision N+1 of a completed intake, linked to it; the original and its assessments stay."""
        now = utcnow()
        with storage_errors(), _stale_guard(), self._writer() as session, session.begin():
            old = self._intake_row(session, intake_id, lock=True)
            if old.superseded_by is not None:
                raise IntakeError(
                    QT_TRANSLATE_NOOP(
                        "IntakeError", "This intake was already amended; amend its newest revision instead."
                    )
                )
            if old.status != "complete":
                raise IntakeError(
                    QT_TRANSLATE_NOOP(
                        "IntakeError", "Only a completed intake can be amended; a draft can simply be changed."
                    )
                )
            new = IntakeRow(
                patient_id=old.patient_id, status="draft", questionnaire=old.questionnaire,
                visit_date=old.visit_date, answers=dict(old.answers), entered_by=dict(old.entered_by or {}),
                red_flags_not_asked=False,
                level=old.level, tier=old.tier, red_flag_ack_by=old.red_flag_ack_by,
                red_flag_ack_at=old.red_flag_ack_at,
                red_flag_ack_role=old.red_flag_ack_role, red_flag_ack_rules=old.red_flag_ack_rules,
                created_at=now, updated_at=now, revision=old.revision + 1, amends_id=old.id,
                intake_uuid=old.intake_uuid or new_uuid(),
                amend_reason=reason, amended_by=actor.shown_name, amended_role=actor.role.value, amended_at=now,
            )
            session.add(new)
            session.flush()
            old.superseded_by = new.id
            self._audit(session, actor, "intake.amend", patient_id=old.patient_id, intake_id=new.id)
            session.flush()
            return _intake_record(new, _patient(new.patient))

    def revisions(self, intake_id: int) -> list[IntakeSummary]:
        """Every revision of the intake `intake_id` belongs to, original first."""
        with storage_errors(), self._session() as session:
            row = self._intake_row(session, intake_id)
            while row.amends_id is not None:
                row = self._intake_row(session, row.amends_id)
            ids = [row.id]
            while row.superseded_by is not None:
                row = self._intake_row(session, row.superseded_by)
                ids.append(row.id)
            statement = select(*_SUMMARY_COLUMNS).join(PatientRow).where(IntakeRow.id.in_(ids))
            found = {r.id: r for r in (_summary(x) for x in session.execute(statement))}
            return [found[i] for i in ids]

    def get_intake(self, intake_id: int) -> IntakeRecord:
        """The intake as stored (any revision)."""
        with storage_errors(), self.engine.connect() as connection:
            record = drafts.read_intake(connection, intake_id)
        if record is None:
            raise NotFound(f"intake {intake_id}")
        return record

    def list_intakes(self, patient_id: int) -> list[IntakeSummary]:
        """A patient's intakes, newest first, each as its latest revision."""
        statement = (
            select(*_SUMMARY_COLUMNS).join(PatientRow)
            .where(IntakeRow.patient_id == patient_id, IntakeRow.superseded_by.is_(None))
            .order_by(IntakeRow.visit_date.desc(), IntakeRow.id.desc())
        )
        with storage_errors(), self._session() as session:
            return [_summary(row) for row in session.execute(statement)]

    def intakes_on(self, day: dt.date) -> list[IntakeSummary]:
        """The day's intakes (latest revisions): unacknowledged urgent first, then urgent, then the rest."""
        unacknowledged_urgent = (IntakeRow.level == "urgent") & IntakeRow.red_flag_ack_at.is_(None)
        priority = case((unacknowledged_urgent, 0), (IntakeRow.level == "urgent", 1), else_=2)
        statement = (
            select(*_SUMMARY_COLUMNS).join(PatientRow)
            .where(IntakeRow.visit_date == day, IntakeRow.superseded_by.is_(None))
            .order_by(priority, IntakeRow.updated_at.desc(), IntakeRow.id.desc())
        )
        with storage_errors(), self._session() as session:
            return [_summary(row) for row in session.execute(statement)]

    def count_unacknowledged_urgent(self, day: dt.date) -> int:
        """How many of the day's intakes (latest revisions) are urgent and not acknowledged: a number only."""
        statement = select(func.count()).select_from(IntakeRow).where(
            IntakeRow.visit_date == day, IntakeRow.superseded_by.is_(None), IntakeRow.level == "urgent",
            IntakeRow.red_flag_ack_at.is_(None))
        with storage_errors(), self._session() as session:
            return int(session.scalar(statement) or 0)

    def recall_list(self) -> list[RecallEntry]:
        """Open recalls (not yet marked contacted), oldest first."""
        statement = (
            select(RecallRow, IntakeRow.patient_id, IntakeRow.visit_date, PatientRow.family_name,
                   PatientRow.given_name)
            .join(IntakeRow, RecallRow.intake_id == IntakeRow.id).join(PatientRow)
            .where(RecallRow.contacted_at.is_(None)).order_by(RecallRow.id)
        )
        with storage_errors(), self._session() as session:
            return [
                RecallEntry(
                    r.id, r.intake_id, patient_id, f"{family}, {given}".strip(", "), visit, r.old_level, r.old_tier,
                    r.new_level, r.new_tier, r.rules_version, r.created_at, r.contacted_by, r.contacted_at,
                )
                for r, patient_id, visit, family, given in session.execute(statement)
            ]

    def mark_contacted(self, intake_id: int, who: str, *, actor: Actor) -> int:
        """Close every open recall of the intake; returns how many were open."""
        now = utcnow()
        with storage_errors(), self._writer() as session, session.begin():
            row = self._intake_row(session, intake_id)
            open_recalls = list(session.scalars(
                select(RecallRow).where(RecallRow.intake_id == intake_id, RecallRow.contacted_at.is_(None))
            ))
            for recall in open_recalls:
                recall.contacted_by = who
                recall.contacted_at = now
            if open_recalls:
                self._audit(session, actor, "intake.contacted", patient_id=row.patient_id, intake_id=intake_id)
            return len(open_recalls)

    def assessments(self, intake_id: int) -> list[StoredAssessment]:
        statement = (select(AssessmentRow, AssessmentResultRow.result)
                     .join(AssessmentResultRow, AssessmentResultRow.id == AssessmentRow.result_id)
                     .where(AssessmentRow.intake_id == intake_id).order_by(AssessmentRow.id))
        with storage_errors(), self._session() as session:
            return [
                StoredAssessment(r.id, r.intake_id, r.rules_version, r.level, r.tier, dict(result), r.cause,
                                 r.created_at)
                for r, result in session.execute(statement)
            ]

    def bulk_insert(
        self, patients: Sequence[Patient], intakes: Iterable[tuple[int, IntakeDocument, dict[str, Any]]]
    ) -> None:
        """Insert patients and their completed intakes in one transaction (see `storage/bulk.py`)."""
        from intake_app.storage.bulk import bulk_insert

        bulk_insert(self.engine, patients, intakes)

    # --- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _intake_row(session: Session, intake_id: int, *, lock: bool = False) -> IntakeRow:
        row = session.get(IntakeRow, intake_id, with_for_update=lock or None)
        if row is None:
            raise NotFound(f"intake {intake_id}")
        return row

@contextmanager
def _stale_guard() -> Iterator[None]:
    """SQLAlchemy's own version check (UPDATE ... WHERE row_version = ?) failing means another desk won."""
    try:
        yield
    except StaleDataError:
        raise IntakeError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "This record was changed at another desk while saving; your changes were not saved."
            ),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Open it again and repeat the change."),
        ) from None
