"""The one repository: a session per operation, domain objects in and out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from intake_app.domain import IntakeDocument, Patient, fold
from intake_app.storage import search
from intake_app.storage.database import storage_errors
from intake_app.storage.models import AssessmentRow, AuditRow, IntakeRow, PatientRow
from intake_app.storage.records import IntakeRecord, IntakeSummary, PatientRecord, StoredAssessment


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _patient_values(patient: Patient) -> dict[str, Any]:
    return {
        "family_name": patient.family_name,
        "given_name": patient.given_name,
        "family_fold": fold(patient.family_name),
        "given_fold": fold(patient.given_name),
        "date_of_birth": patient.date_of_birth,
        "sex": patient.sex,
        "phone": patient.phone,
        "phone_digits": digits(patient.phone),
        "mrn": patient.mrn,
        "mrn_fold": fold(patient.mrn),
    }


def _patient(row: PatientRow) -> Patient:
    return Patient(row.family_name, row.given_name, row.date_of_birth, row.sex, row.phone, row.mrn)


def _patient_record(row: PatientRow) -> PatientRecord:
    return PatientRecord(row.id, _patient(row), row.created_at, row.updated_at)


def _intake_record(row: IntakeRow, patient: Patient) -> IntakeRecord:
    document = IntakeDocument(
        patient=patient, visit_date=row.visit_date, answers=dict(row.answers), questionnaire=row.questionnaire
    )
    return IntakeRecord(
        id=row.id, patient_id=row.patient_id, status=row.status, document=document,
        rules_version=row.rules_version, level=row.level, tier=row.tier,
        red_flags_not_asked=row.red_flags_not_asked, red_flag_ack_by=row.red_flag_ack_by,
        red_flag_ack_at=row.red_flag_ack_at, created_at=row.created_at, updated_at=row.updated_at,
        completed_at=row.completed_at,
    )


class NotFound(LookupError):
    pass


class Repository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def _session(self) -> Session:
        return self._sessions()

    # --- patients ------------------------------------------------------------------------------

    def add_patient(self, patient: Patient, *, actor: str = "") -> PatientRecord:
        now = utcnow()
        with storage_errors(), self._session() as session, session.begin():
            row = PatientRow(**_patient_values(patient), created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            self._audit(session, actor, "patient.add", patient_id=row.id)
            return _patient_record(row)

    def update_patient(self, patient_id: int, patient: Patient, *, actor: str = "") -> PatientRecord:
        with storage_errors(), self._session() as session, session.begin():
            row = session.get(PatientRow, patient_id)
            if row is None:
                raise NotFound(f"patient {patient_id}")
            for key, value in _patient_values(patient).items():
                setattr(row, key, value)
            row.updated_at = utcnow()
            self._audit(session, actor, "patient.update", patient_id=patient_id)
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
        """Prefix search by name, MRN or date of birth (see `storage/search.py`)."""
        return self._patients(
            search.search_statement(query, limit=limit, offset=offset, sort=sort, descending=descending)
        )

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

    def create_intake(self, patient_id: int, document: IntakeDocument, *, actor: str = "") -> IntakeRecord:
        now = utcnow()
        with storage_errors(), self._session() as session, session.begin():
            patient_row = session.get(PatientRow, patient_id)
            if patient_row is None:
                raise NotFound(f"patient {patient_id}")
            row = IntakeRow(
                patient_id=patient_id, status="draft", questionnaire=document.questionnaire,
                visit_date=document.visit_date, answers=dict(document.answers), red_flags_not_asked=False,
                created_at=now, updated_at=now,
            )
            session.add(row)
            session.flush()
            self._audit(session, actor, "intake.start", patient_id=patient_id, intake_id=row.id)
            return _intake_record(row, _patient(patient_row))

    def save_draft(self, intake_id: int, document: IntakeDocument, *, actor: str = "") -> IntakeRecord:
        with storage_errors(), self._session() as session, session.begin():
            row = self._intake_row(session, intake_id)
            row.answers = dict(document.answers)
            row.visit_date = document.visit_date
            row.updated_at = utcnow()
            self._audit(session, actor, "intake.save", patient_id=row.patient_id, intake_id=intake_id)
            return _intake_record(row, _patient(row.patient))

    def complete_intake(
        self, intake_id: int, document: IntakeDocument, assessment: dict[str, Any], *,
        red_flags_not_asked: bool, actor: str = "",
    ) -> IntakeRecord:
        now = utcnow()
        with storage_errors(), self._session() as session, session.begin():
            row = self._intake_row(session, intake_id)
            row.answers = dict(document.answers)
            row.visit_date = document.visit_date
            row.status = "complete"
            row.red_flags_not_asked = red_flags_not_asked
            row.updated_at = now
            row.completed_at = now
            self._store_assessment(session, row, assessment, "complete", now)
            self._audit(session, actor, "intake.complete", patient_id=row.patient_id, intake_id=intake_id)
            return _intake_record(row, _patient(row.patient))

    def store_assessment(self, intake_id: int, assessment: dict[str, Any], cause: str, *, actor: str = "") -> None:
        with storage_errors(), self._session() as session, session.begin():
            row = self._intake_row(session, intake_id)
            self._store_assessment(session, row, assessment, cause, utcnow())
            self._audit(session, actor, f"intake.{cause}", patient_id=row.patient_id, intake_id=intake_id)

    def acknowledge_red_flag(self, intake_id: int, who: str, *, actor: str = "") -> IntakeRecord:
        now = utcnow()
        with storage_errors(), self._session() as session, session.begin():
            row = self._intake_row(session, intake_id)
            row.red_flag_ack_by = who
            row.red_flag_ack_at = now
            row.updated_at = now
            self._audit(session, actor or who, "intake.red_flag_ack", patient_id=row.patient_id, intake_id=intake_id)
            return _intake_record(row, _patient(row.patient))

    def get_intake(self, intake_id: int) -> IntakeRecord:
        with storage_errors(), self._session() as session:
            row = self._intake_row(session, intake_id)
            return _intake_record(row, _patient(row.patient))

    def list_intakes(self, patient_id: int) -> list[IntakeSummary]:
        statement = (
            select(IntakeRow.id, IntakeRow.patient_id, IntakeRow.status, IntakeRow.visit_date, IntakeRow.level,
                   IntakeRow.tier, IntakeRow.updated_at)
            .where(IntakeRow.patient_id == patient_id)
            .order_by(IntakeRow.visit_date.desc(), IntakeRow.id.desc())
        )
        with storage_errors(), self._session() as session:
            return [IntakeSummary(*row) for row in session.execute(statement)]

    def assessments(self, intake_id: int) -> list[StoredAssessment]:
        statement = select(AssessmentRow).where(AssessmentRow.intake_id == intake_id).order_by(AssessmentRow.id)
        with storage_errors(), self._session() as session:
            return [
                StoredAssessment(r.id, r.intake_id, r.rules_version, r.level, r.tier, dict(r.result), r.cause,
                                 r.created_at)
                for r in session.scalars(statement)
            ]

    def iter_intakes(self, *, status: str | None = None, batch: int = 500) -> Iterator[IntakeRecord]:
        """Every intake with its patient, streamed in id order (exports and re-screening)."""
        last_id = 0
        while True:
            statement = select(IntakeRow, PatientRow).join(PatientRow).where(IntakeRow.id > last_id)
            if status is not None:
                statement = statement.where(IntakeRow.status == status)
            statement = statement.order_by(IntakeRow.id).limit(batch)
            with storage_errors(), self._session() as session:
                rows = list(session.execute(statement))
                records = [_intake_record(intake, _patient(patient)) for intake, patient in rows]
            if not records:
                return
            yield from records
            last_id = records[-1].id

    def import_documents(
        self, items: Sequence[tuple[IntakeDocument, dict[str, Any] | None]], *, actor: str = ""
    ) -> list[IntakeRecord]:
        """Store documents in ONE transaction (all or nothing): each patient matched exactly or added.

        An item with an assessment is stored as a completed intake, one without as a draft.
        """
        now = utcnow()
        records = []
        with storage_errors(), self._session() as session, session.begin():
            for document, assessment in items:
                patient = document.patient
                patient_row = session.scalars(
                    select(PatientRow).where(
                        PatientRow.family_name == patient.family_name, PatientRow.given_name == patient.given_name,
                        PatientRow.date_of_birth == patient.date_of_birth, PatientRow.mrn == patient.mrn,
                    ).limit(1)
                ).first()
                if patient_row is None:
                    patient_row = PatientRow(**_patient_values(patient), created_at=now, updated_at=now)
                    session.add(patient_row)
                    session.flush()
                row = IntakeRow(
                    patient_id=patient_row.id, status="complete" if assessment else "draft",
                    questionnaire=document.questionnaire, visit_date=document.visit_date,
                    answers=dict(document.answers), red_flags_not_asked=False, created_at=now, updated_at=now,
                    completed_at=now if assessment else None,
                )
                session.add(row)
                session.flush()
                if assessment is not None:
                    self._store_assessment(session, row, assessment, "import", now)
                self._audit(session, actor, "intake.import", patient_id=patient_row.id, intake_id=row.id)
                records.append(_intake_record(row, _patient(patient_row)))
        return records

    def bulk_insert(
        self, patients: Sequence[Patient], intakes: Iterable[tuple[int, IntakeDocument, dict[str, Any]]]
    ) -> None:
        """Insert patients and their completed intakes in one transaction (see `storage/bulk.py`)."""
        from intake_app.storage.bulk import bulk_insert

        bulk_insert(self.engine, patients, intakes)

    # --- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _intake_row(session: Session, intake_id: int) -> IntakeRow:
        row = session.get(IntakeRow, intake_id)
        if row is None:
            raise NotFound(f"intake {intake_id}")
        return row

    @staticmethod
    def _store_assessment(
        session: Session, row: IntakeRow, assessment: dict[str, Any], cause: str, now: dt.datetime
    ) -> None:
        row.rules_version = assessment["rules_version"]
        row.level = assessment["level"]
        row.tier = assessment["tier"]
        session.add(AssessmentRow(
            intake_id=row.id, rules_version=assessment["rules_version"], level=assessment["level"],
            tier=assessment["tier"], result=assessment, cause=cause, created_at=now,
        ))

    @staticmethod
    def _audit(session: Session, actor: str, action: str, *, patient_id: int | None = None,
               intake_id: int | None = None) -> None:
        session.add(AuditRow(at=utcnow(), actor=actor or "desk", action=action, patient_id=patient_id,
                             intake_id=intake_id, detail=""))

    def audit_entries(self) -> list[tuple[str, str, int | None, int | None]]:
        with storage_errors(), self._session() as session:
            rows = session.execute(
                select(AuditRow.actor, AuditRow.action, AuditRow.patient_id, AuditRow.intake_id).order_by(AuditRow.id)
            )
            return [tuple(r) for r in rows]  # type: ignore[misc]


def names_similar(a: Patient, b: Patient) -> bool:
    """Same family name (folded) and given names that share a first letter, or swapped names."""
    fa, ga, fb, gb = fold(a.family_name), fold(a.given_name), fold(b.family_name), fold(b.given_name)
    if fa == fb and (ga[:1] == gb[:1] or not ga or not gb):
        return True
    if fa == gb and ga == fb:
        return True
    return _edit_distance_at_most_one(fa, fb) and ga[:1] == gb[:1]


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        edits += 1
        if edits > 1:
            return False
        if len(a) == len(b):
            i += 1
        j += 1
    return edits + (len(b) - j) + (len(a) - i) <= 1
