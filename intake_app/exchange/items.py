"""What the exchange formats carry: one intake to export, one intake read back, and their errors.

Plain data, no storage: the services build `ExportItem`s from stored records and store what
`ImportedIntake` hands back.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from intake_app.domain import IntakeDocument
from intake_app.domain.outcomes import Outcome, OutcomeRecord
from intake_app.errors import IntakeError, InvalidInput
from intake_app.screening.model import Assessment
from intake_app.translation_marks import QT_TRANSLATE_NOOP

Status = Literal["draft", "complete"]
STATUSES: tuple[Status, ...] = ("draft", "complete")


class ExchangeError(IntakeError):
    """An intake cannot be written in an exchange format (the message names what and why)."""


class ExchangeInvalid(InvalidInput):
    """A file to import broke the rules; `problems` are (place in the file, what is wrong) pairs.

    Places are positions and field keys ("entry[3] QuestionnaireResponse item pain.left"), never
    patient details, so the message is safe to show and to log.
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        count = len(problems)
        message = (QT_TRANSLATE_NOOP("IntakeError", "1 problem in the file to import; nothing was imported")
                   if count == 1 else
                   QT_TRANSLATE_NOOP("IntakeError", "{count} problems in the file to import; nothing was imported"))
        super().__init__(message, problems, params={"count": count} if count != 1 else None)


def canonical_uuid(value: str | uuid.UUID) -> str:
    """The lower-case, hyphenated form of a UUID; ExchangeError when it is not one."""
    if isinstance(value, uuid.UUID):
        return str(value)
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise ExchangeError(
            QT_TRANSLATE_NOOP("IntakeError", "The intake identifier is not a UUID.")

        ) from None


def assessment_json(assessment: Assessment | Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The assessment as the database stores it (its JSON), whichever form it was given in."""
    if assessment is None:
        return None
    if isinstance(assessment, Assessment):
        return assessment.to_json()
    return dict(assessment)


@dataclass(frozen=True)
class ExportItem:
    """One intake revision to export.

    `intake_uuid` is the intake's stable identifier (the same for all its revisions); `revision` is
    1 for the original and N+1 for each amendment. `assessment` is the stored screening result (an
    Assessment or its JSON), None for a draft that was never screened. `patient_id` (the database's
    id) lets intakes of one patient share one Patient resource; it never appears in the output.
    `outcome` is the intake's current outcome (what the specialist found), None when none is recorded:
    the CSV's outcome columns, and in FHIR an Observation linked to the intake.
    """

    intake_uuid: str
    revision: int
    document: IntakeDocument
    status: Status = "complete"
    assessment: Assessment | Mapping[str, Any] | None = None
    patient_id: int | str | None = None
    outcome: OutcomeRecord | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "intake_uuid", canonical_uuid(self.intake_uuid))
        if isinstance(self.revision, bool) or not isinstance(self.revision, int) or self.revision < 1:
            raise ExchangeError(
                QT_TRANSLATE_NOOP("IntakeError", "An intake's revision must be a whole number of 1 or more.")
            )
        if self.status not in STATUSES:
            raise ExchangeError(QT_TRANSLATE_NOOP("IntakeError", "An intake's status must be draft or complete."))

    @property
    def assessment_json(self) -> dict[str, Any] | None:
        return assessment_json(self.assessment)


@dataclass(frozen=True)
class ImportedIntake:
    """One intake read back from an exchange file.

    `document` has been validated against its questionnaire. `assessment` is the screening result
    stored with it when it was exported (JSON, to keep as history; the importer re-screens with the
    current rules). `patient_ref` is the same for intakes of one patient within the file. `outcome` is
    the intake's outcome when the file carried one (its own Observation, never the assessment's), with
    the version it had where it was exported.
    """

    intake_uuid: str
    revision: int
    status: Status
    document: IntakeDocument
    assessment: dict[str, Any] | None
    patient_ref: str
    outcome: Outcome | None = None
    outcome_version: int | None = None
