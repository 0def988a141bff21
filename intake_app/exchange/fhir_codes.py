"""The project's own FHIR names: identifier systems, code systems, extensions and item link ids.

These URIs are names, not addresses: nothing needs to answer at them. They sit under the reserved
top-level domain ".invalid" (RFC 2606), which can never belong to anyone else, so they cannot clash
with another organisation's codes. A receiving system matches on them exactly; change them only
together with every system that reads the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FHIR_BASE = "https://foot-leg-intake.invalid/fhir"

INTAKE_IDENTIFIER_SYSTEM = f"{FHIR_BASE}/identifier/intake"
MRN_SYSTEM = f"{FHIR_BASE}/identifier/mrn"
REVISION_EXTENSION = f"{FHIR_BASE}/StructureDefinition/intake-revision"
ASSESSMENT_JSON_EXTENSION = f"{FHIR_BASE}/StructureDefinition/assessment-json"

SCREENING_SYSTEM = f"{FHIR_BASE}/CodeSystem/screening"
SCREENING_CODE = "spinal-origin-screening"
SCREENING_DISPLAY = "Screening for a spinal origin of foot and leg symptoms"
COMPONENT_LEVEL = "level"
COMPONENT_TIER = "tier"
COMPONENT_RULES_VERSION = "rules-version"
COMPONENT_SPINAL_FLAG = "spinal-flag"
COMPONENT_DISPLAYS = {
    COMPONENT_LEVEL: "Screening level",
    COMPONENT_TIER: "Urgency tier",
    COMPONENT_RULES_VERSION: "Screening rules version",
    COMPONENT_SPINAL_FLAG: "Spinal origin flagged",
}
LEVEL_SYSTEM = f"{FHIR_BASE}/CodeSystem/screening-level"
TIER_SYSTEM = f"{FHIR_BASE}/CodeSystem/screening-tier"

# Standard HL7 names used alongside our own.
HL7_MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
HL7_MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
HL7_UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
HL7_ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
HL7_ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
HL7_IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203"
HL7_OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
HL7_DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
# Who entered an answer, on a QuestionnaireResponse item (core extension, Reference(Patient |
# RelatedPerson | Device | Practitioner) in R4/R4B): the intake's Patient, or clinic staff as a
# Practitioner reference without an address (no one person is named).
HL7_QR_AUTHOR = "http://hl7.org/fhir/StructureDefinition/questionnaireresponse-author"
STAFF_REFERENCE_TYPE = "Practitioner"
STAFF_DISPLAY = "Clinic staff"
PATIENT_REFERENCE_TYPE = "Patient"

QR_STATUS = {"complete": "completed", "draft": "in-progress"}
OBSERVATION_STATUS = {"complete": "final", "draft": "preliminary"}


def questionnaire_url(questionnaire_id: str) -> str:
    return f"{FHIR_BASE}/Questionnaire/{questionnaire_id}"


def answer_system(questionnaire_id: str, field: str) -> str:
    """The code system of one question's options (codes are the questionnaire's value codes)."""
    return f"{FHIR_BASE}/CodeSystem/{questionnaire_id}/answers/{field}"


def region_system(questionnaire_id: str) -> str:
    """The code system of the body regions (codes are the questionnaire's region ids)."""
    return f"{FHIR_BASE}/CodeSystem/{questionnaire_id}/regions"


def section_link_id(section_id: str) -> str:
    return f"section/{section_id}"


def side_link_id(field: str, side: str) -> str:
    """Same spelling as the screening's `because` keys: "weakness.right"."""
    return f"{field}.{side}"


def help_link_id(field: str) -> str:
    return f"{field}/help"


def intro_link_id(section_id: str) -> str:
    return f"section/{section_id}/intro"


Kind = Literal["integer", "coding", "codings", "regions", "string"]


@dataclass(frozen=True)
class Shape:
    """How one questionnaire field type becomes FHIR answers: per side or not, and the value kind."""

    per_side: bool
    kind: Kind


# Every answer type the questionnaire loader allows must be here: a type without a shape cannot be
# exported (ExchangeError), so nothing is ever dropped silently.
SHAPES: dict[str, Shape] = {
    "integer": Shape(False, "integer"),
    "choice": Shape(False, "coding"),
    "multi": Shape(False, "codings"),
    "text": Shape(False, "string"),
    "per_side_regions": Shape(True, "regions"),
    "per_side_choice": Shape(True, "coding"),
    "per_side_text": Shape(True, "string"),
}
