"""The records the application hands out: plain frozen data describing stored patients and intakes.

The repository (storage/) builds them from its rows; the services and the GUI read them. They live in the
domain so the GUI never has to import storage (docs/architecture.md); storage re-exports them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from intake_app.domain.document import IntakeDocument, Patient

__all__ = ["IntakeRecord", "IntakeSummary", "PatientRecord", "RecallEntry", "StoredAssessment"]


@dataclass(frozen=True)
class PatientRecord:
    id: int
    patient: Patient
    created_at: dt.datetime
    updated_at: dt.datetime
    # The row version counter: pass it back as expected_version; a save naming an older one is refused.
    row_version: int = 1


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
    row_version: int = 1
    revision: int = 1  # 1 = the original; 2, 3, ... = amended revisions
    amends_id: int | None = None  # the revision this one amends
    superseded_by: int | None = None  # the newer revision that amends this one
    amend_reason: str | None = None
    amended_by: str | None = None
    amended_at: dt.datetime | None = None
    red_flag_ack_role: str | None = None
    intake_uuid: str = ""  # the stable identifier shared by all revisions (FHIR exchange)

    # The red flag's acknowledgement as it stands: None when there is none, or when a red flag fired
    # after it (red_flag_ack_at cleared; red_flag_ack_by/_role still say who acknowledged before).
    @property
    def acknowledged_by(self) -> str | None:
        return self.red_flag_ack_by if self.red_flag_ack_at is not None else None

    @property
    def acknowledged_at(self) -> dt.datetime | None:
        return self.red_flag_ack_at

    @property
    def acknowledged_role(self) -> str | None:
        return self.red_flag_ack_role if self.red_flag_ack_at is not None else None

    @property
    def is_latest(self) -> bool:
        return self.superseded_by is None


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
    revision: int = 1
    acknowledged: bool = False
    row_version: int = 1
    patient_name: str = ""  # "Family, Given" where the list shows several patients (today, recall)
    amends_id: int | None = None


@dataclass(frozen=True)
class RecallEntry:
    """An intake whose result rose to urgent or likely after the patient left; shown until contacted."""

    id: int
    intake_id: int
    patient_id: int
    patient_name: str
    visit_date: dt.date
    old_level: str | None
    old_tier: str | None
    new_level: str
    new_tier: str | None
    rules_version: str
    found_at: dt.datetime
    contacted_by: str | None
    contacted_at: dt.datetime | None

