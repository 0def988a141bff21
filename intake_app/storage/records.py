"""Detached records the repository hands out: plain frozen data, never live ORM rows.

The record types themselves live in intake_app/domain/records.py (the GUI reads them without importing
storage) and are re-exported here; what only storage takes (import items) is defined here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake_app.domain import IntakeDocument
from intake_app.domain.records import IntakeRecord, IntakeSummary, PatientRecord, RecallEntry, StoredAssessment

__all__ = [
    "ImportItem", "ImportedRecords", "IntakeRecord", "IntakeSummary", "LiveResult", "PatientRecord", "RecallEntry",
    "StoredAssessment",
]


# A draft's screening result while it is being answered: (level, tier).
LiveResult = tuple[str, str | None]


@dataclass(frozen=True)
class ImportItem:
    """One intake to store from an import file.

    `intake_uuid` None gives a new identifier (a plain JSON document); an item whose (intake_uuid,
    revision) is already stored is skipped. `history` is the assessment the file carried (kept, cause
    "import"); `assessment` the result now (stored for a complete intake); `live` a draft's (level, tier).
    """

    document: IntakeDocument
    status: str = "draft"  # draft | complete
    intake_uuid: str | None = None
    revision: int = 1
    history: dict[str, Any] | None = None
    assessment: dict[str, Any] | None = None
    live: LiveResult | None = None
    red_flags_not_asked: bool = False


class ImportedRecords(list[IntakeRecord]):
    """The intakes an import stored, in file order; `.skipped` lists the (intake_uuid, revision) pairs
    that were already stored and so left alone."""

    def __init__(self) -> None:
        super().__init__()
        self.skipped: list[tuple[str, int]] = []
