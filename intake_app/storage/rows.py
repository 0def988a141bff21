"""Rows to records and back: the conversions and small helpers every storage module shares."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from intake_app.domain import IntakeDocument, Patient, fold
from intake_app.storage.models import IntakeRow, PatientRow
from intake_app.storage.records import IntakeRecord, IntakeSummary, PatientRecord


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_uuid() -> str:
    """A new intake identifier (random, so it says nothing about the patient or the desk)."""
    return str(uuid.uuid4())


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


def _patient(row: Any) -> Patient:
    """The patient of a PatientRow, or of any row holding the patient's columns by name."""
    return Patient(row.family_name, row.given_name, row.date_of_birth, row.sex, row.phone, row.mrn)


def _patient_record(row: PatientRow) -> PatientRecord:
    return PatientRecord(row.id, _patient(row), row.created_at, row.updated_at, row.row_version)


def _intake_record(row: Any, patient: Patient) -> IntakeRecord:
    """The record of an IntakeRow, or of any row holding the intake's columns by name (a Core row)."""
    document = IntakeDocument(
        patient=patient, visit_date=row.visit_date, answers=dict(row.answers), questionnaire=row.questionnaire,
        entered_by=dict(row.entered_by or {}),
    )
    return IntakeRecord(
        id=row.id, patient_id=row.patient_id, status=row.status, document=document,
        rules_version=row.rules_version, level=row.level, tier=row.tier,
        red_flags_not_asked=row.red_flags_not_asked, red_flag_ack_by=row.red_flag_ack_by,
        red_flag_ack_at=row.red_flag_ack_at, created_at=row.created_at, updated_at=row.updated_at,
        completed_at=row.completed_at, row_version=row.row_version, revision=row.revision, amends_id=row.amends_id,
        superseded_by=row.superseded_by, amend_reason=row.amend_reason, amended_by=row.amended_by,
        amended_at=row.amended_at, red_flag_ack_role=row.red_flag_ack_role, intake_uuid=row.intake_uuid or "",
    )


# One Core statement's columns for an intake record: every intake column, and the patient's by name (the
# two tables share no other column name), so `_intake_record(row, _patient(row))` reads one row.
_PATIENT_COLUMNS = (PatientRow.family_name, PatientRow.given_name, PatientRow.date_of_birth, PatientRow.sex,
                    PatientRow.phone, PatientRow.mrn)
_RECORD_COLUMNS: tuple[Any, ...] = (*IntakeRow.__table__.c, *_PATIENT_COLUMNS)


_SUMMARY_COLUMNS = (
    IntakeRow.id, IntakeRow.patient_id, IntakeRow.status, IntakeRow.visit_date, IntakeRow.level, IntakeRow.tier,
    IntakeRow.updated_at, IntakeRow.revision, IntakeRow.red_flag_ack_at, IntakeRow.row_version,
    PatientRow.family_name, PatientRow.given_name, IntakeRow.amends_id,
)


def _summary(row: Any) -> IntakeSummary:
    (intake_id, patient_id, status, visit_date, level, tier, updated_at, revision, ack_at, row_version,
     family, given, amends_id) = row
    return IntakeSummary(
        intake_id, patient_id, status, visit_date, level, tier, updated_at, revision=revision,
        acknowledged=ack_at is not None, row_version=row_version, patient_name=f"{family}, {given}".strip(", "),
        amends_id=amends_id,
    )


def _rules(text: str | None) -> set[str]:
    return {part for part in (text or "").split(",") if part}


def id_ranges(ids: Iterable[int]) -> str:
    """"1-3,7,9-10": record ids, short however many there are."""
    parts: list[str] = []
    start = end = None
    for value in sorted(set(ids)):
        if end is not None and value == end + 1:
            end = value
            continue
        if start is not None:
            parts.append(f"{start}-{end}" if end != start else str(start))
        start = end = value
    if start is not None:
        parts.append(f"{start}-{end}" if end != start else str(start))
    return ",".join(parts)


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
