"""Repository methods for moving intakes in and out (import, export, re-screening's walk) and for storing
a screening result with an intake (see Repository, which they are part of, for the rest)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake_app.access.audit_chain import AuditAction
from intake_app.access.roles import Actor
from intake_app.domain import IntakeDocument, Patient
from intake_app.storage import audit_store
from intake_app.storage.database import storage_errors
from intake_app.storage.models import AssessmentResultRow, AssessmentRow, IntakeRow, PatientRow
from intake_app.storage.records import ImportedRecords, ImportItem, IntakeRecord, LiveResult
from intake_app.storage.results import result_id
from intake_app.storage.rows import _intake_record, _patient, _patient_values, id_ranges, new_uuid, utcnow


class ExchangeStore:
    """Import and export of intakes, and the stored screening results they carry."""

    _session: Callable[[], Session]
    _writer: Callable[[], Session]
    _audit: Callable[..., Any]

    def iter_intakes(
        self, *, status: str | None = None, batch: int = 500, latest_only: bool = False
    ) -> Iterator[IntakeRecord]:
        """Every intake with its patient, streamed in id order (exports and re-screening).

        With latest_only, revisions that were amended are left out (each intake once, as amended).
        """
        last_id = 0
        while True:
            statement = select(IntakeRow, PatientRow).join(PatientRow).where(IntakeRow.id > last_id)
            if latest_only:
                statement = statement.where(IntakeRow.superseded_by.is_(None))
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
        self, items: Sequence[tuple[IntakeDocument, dict[str, Any] | None]], *, actor: Actor,
        live: Sequence[LiveResult | None] | None = None,
    ) -> list[IntakeRecord]:
        """Store documents in ONE transaction (all or nothing): each patient matched exactly or added.

        An item with an assessment is stored as a completed intake, one without as a draft; `live` (one
        per item) gives a draft's screening result now (level, tier) for the lists.
        """
        return list(self.import_intakes([
            ImportItem(document, "complete" if assessment else "draft", assessment=assessment,
                       live=live[n] if live is not None and not assessment else None)
            for n, (document, assessment) in enumerate(items)
        ], actor=actor))

    def import_intakes(self, items: Sequence[ImportItem], *, actor: Actor) -> ImportedRecords:
        """Store intakes in ONE transaction (all or nothing); each patient matched exactly or added.

        An item whose (intake_uuid, revision) is already stored is skipped (listed in `.skipped`), so a
        file imported twice adds nothing. A revision joins the revisions of the same intake already here
        (amends / superseded_by). `history` is kept with cause "import"; `assessment` (a complete intake's
        result with the current rules) becomes the intake's result, `live` a draft's.
        """
        now = utcnow()
        records = ImportedRecords()
        with storage_errors(), self._writer() as session, session.begin():
            for item in items:
                if item.intake_uuid is not None and session.scalar(
                    select(IntakeRow.id).where(IntakeRow.intake_uuid == item.intake_uuid,
                                               IntakeRow.revision == item.revision)
                ) is not None:
                    records.skipped.append((item.intake_uuid, item.revision))
                    continue
                patient_row = self._import_patient(session, item.document.patient, now)
                row = self._import_row(session, item, patient_row.id, now)
                if item.history is not None:
                    self._store_assessment(session, row, item.history, "import", now)
                if item.assessment is not None:
                    self._store_assessment(session, row, item.assessment,
                                           "rescreen" if item.history is not None else "import", now)
                elif item.live is not None:
                    row.level, row.tier = item.live
                self._audit(session, actor, "intake.import", patient_id=patient_row.id, intake_id=row.id)
                session.flush()
                records.append(_intake_record(row, _patient(patient_row)))
        return records

    @staticmethod
    def _import_patient(session: Session, patient: Patient, now: dt.datetime) -> PatientRow:
        patient_row = session.scalars(
            select(PatientRow).where(
                PatientRow.family_name == patient.family_name, PatientRow.given_name == patient.given_name,
                PatientRow.date_of_birth == patient.date_of_birth, PatientRow.mrn == patient.mrn,
            ).order_by(PatientRow.id).limit(1)
        ).first()
        if patient_row is None:
            patient_row = PatientRow(**_patient_values(patient), created_at=now, updated_at=now)
            session.add(patient_row)
            session.flush()
        return patient_row

    @staticmethod
    def _import_row(session: Session, item: ImportItem, patient_id: int, now: dt.datetime) -> IntakeRow:
        document = item.document
        complete = item.status == "complete"
        row = IntakeRow(
            patient_id=patient_id, status=item.status, questionnaire=document.questionnaire,
            visit_date=document.visit_date, answers=dict(document.answers), entered_by=dict(document.entered_by),
            red_flags_not_asked=item.red_flags_not_asked, created_at=now, updated_at=now,
            completed_at=now if complete else None, revision=item.revision,
            intake_uuid=item.intake_uuid or new_uuid(),
        )
        session.add(row)
        session.flush()
        if item.intake_uuid is None:
            return row
        # Join the revisions of this intake already stored: the one before and the one after.
        for other in session.scalars(select(IntakeRow).where(
            IntakeRow.intake_uuid == item.intake_uuid, IntakeRow.revision.in_((item.revision - 1, item.revision + 1))
        ).with_for_update()):
            if other.revision < row.revision and other.superseded_by is None:
                other.superseded_by, row.amends_id = row.id, other.id
            elif other.revision > row.revision and other.amends_id is None:
                row.superseded_by, other.amends_id = other.id, row.id
        return row

    def iter_for_export(
        self, *, status: str | None = None, batch: int = 500
    ) -> Iterator[tuple[IntakeRecord, dict[str, Any] | None]]:
        """Each intake's latest revision with its latest stored assessment (None for a draft that was
        never completed), streamed in id order."""
        last_id = 0
        while True:
            statement = (select(IntakeRow, PatientRow).join(PatientRow)
                         .where(IntakeRow.id > last_id, IntakeRow.superseded_by.is_(None)))
            if status is not None:
                statement = statement.where(IntakeRow.status == status)
            statement = statement.order_by(IntakeRow.id).limit(batch)
            with storage_errors(), self._session() as session:
                rows = list(session.execute(statement))
                records = [_intake_record(intake, _patient(patient)) for intake, patient in rows]
                latest = select(func.max(AssessmentRow.id)).where(
                    AssessmentRow.intake_id.in_([r.id for r in records])).group_by(AssessmentRow.intake_id)
                result_of = {intake: result for intake, result in session.execute(
                    select(AssessmentRow.intake_id, AssessmentResultRow.result)
                    .join(AssessmentResultRow, AssessmentResultRow.id == AssessmentRow.result_id)
                    .where(AssessmentRow.id.in_(latest)))} if records else {}
                results = {intake: dict(result) for intake, result in result_of.items()}
            if not records:
                return
            for record in records:
                yield record, results.get(record.id)
            last_id = records[-1].id

    def record_export(self, fmt: str, intake_ids: Sequence[int], *, actor: Actor) -> None:
        """The audit entry of an export: format, how many intakes and their ids (never names or answers)."""
        with storage_errors(), self._writer() as session, session.begin():
            self._audit(session, actor, AuditAction.DATA_EXPORT,
                        detail=audit_store.shortened(f"{fmt}: {len(intake_ids)} intake(s): {id_ranges(intake_ids)}"))

    @staticmethod
    def _store_assessment(
        session: Session, row: IntakeRow, assessment: dict[str, Any], cause: str, now: dt.datetime
    ) -> None:
        row.rules_version = assessment["rules_version"]
        row.level = assessment["level"]
        row.tier = assessment["tier"]
        session.add(AssessmentRow(
            intake_id=row.id, rules_version=assessment["rules_version"], level=assessment["level"],
            tier=assessment["tier"], result_id=result_id(session, assessment), cause=cause, created_at=now,
        ))
