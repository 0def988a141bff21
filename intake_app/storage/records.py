"""Detached records the repository hands out: plain frozen data, never live ORM rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from intake_app.domain import IntakeDocument, Patient


@dataclass(frozen=True)
class PatientRecord:
    id: int
    patient: Patient
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class IntakeRecord:
    id: int
    patient_id: int
    status: str  # draft | complete
    document: IntakeDocument
    rules_version: str | None
    level: str | None
    tier: str | None
    red_flags_not_asked: bool
    red_flag_ack_by: str | None
    red_flag_ack_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    completed_at: dt.datetime | None


@dataclass(frozen=True)
class StoredAssessment:
    id: int
    intake_id: int
    rules_version: str
    level: str
    tier: str | None
    result: dict[str, Any]
    cause: str
    created_at: dt.datetime


@dataclass(frozen=True)
class IntakeSummary:
    """One row of an intake list: enough to show, without loading the answers."""

    id: int
    patient_id: int
    status: str
    visit_date: dt.date
    level: str | None
    tier: str | None
    updated_at: dt.datetime
