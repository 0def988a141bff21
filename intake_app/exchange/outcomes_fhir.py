"""An intake's outcome as a FHIR R4 Observation linked to the intake, and read back.

The Observation's value is the specialist's finding (a code of our own code system with its plain words;
the text adds the other cause); the other cause, each kind of imaging and the time the patient reached the
urgent route are components; the note is a note; `performer` names who saw the patient (as typed) and
`effectiveDateTime` the day. It is linked to the intake by `derivedFrom` (the intake's
QuestionnaireResponse in the same bundle) and by its identifier: the intake's UUID and the outcome's
version. A synthetic (demo) outcome carries the HL7 "test health data" security label (HTEST).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from intake_app.domain.outcomes import FINDINGS, IMAGING, Outcome, OutcomeRecord, parse_outcome
from intake_app.errors import InvalidInput
from intake_app.exchange import fhir_codes as c
from intake_app.exchange.items import ExchangeError, canonical_uuid
from intake_app.translation_marks import QT_TRANSLATE_NOOP

OUTCOME_IDENTIFIER_SYSTEM = f"{c.FHIR_BASE}/identifier/outcome"
OUTCOME_SYSTEM = f"{c.FHIR_BASE}/CodeSystem/outcome"
OUTCOME_CODE = "specialist-outcome"
OUTCOME_DISPLAY = "What the specialist found after the referral"
FINDING_SYSTEM = f"{c.FHIR_BASE}/CodeSystem/outcome-finding"
IMAGING_SYSTEM = f"{c.FHIR_BASE}/CodeSystem/outcome-imaging"
COMPONENT_OTHER_CAUSE = "other-cause"
COMPONENT_IMAGING = "imaging"
COMPONENT_URGENT_ROUTE = "urgent-route-reached"
COMPONENT_DISPLAYS = {
    COMPONENT_OTHER_CAUSE: "Other cause",
    COMPONENT_IMAGING: "Imaging",
    COMPONENT_URGENT_ROUTE: "Reached the emergency or urgent route",
}
# HL7 v3 ActReason HTEST: "test health data" - the standard label for made-up records.
SECURITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
SYNTHETIC_LABEL = {"system": SECURITY_SYSTEM, "code": "HTEST", "display": "test health data"}


def _coding(system: str, code: str, display: str, text: str | None = None) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code, "display": display}], "text": text or display}


def _component(code: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"code": _coding(OUTCOME_SYSTEM, code, COMPONENT_DISPLAYS[code]), **value}


def outcome_observation(
    record: OutcomeRecord, *, intake_uuid: str, patient_url: str, response_url: str
) -> dict[str, Any]:
    """The Observation for an intake's (current) outcome; `patient_url` and `response_url` are the full URLs
    of the intake's Patient and QuestionnaireResponse in the same bundle."""
    outcome = record.outcome
    resource: dict[str, Any] = {"resourceType": "Observation"}
    if outcome.synthetic:
        resource["meta"] = {"security": [dict(SYNTHETIC_LABEL)]}
    resource.update({
        "identifier": [{"system": OUTCOME_IDENTIFIER_SYSTEM,
                        "value": f"{canonical_uuid(intake_uuid)}/{record.version}"}],
        "status": "final" if record.version == 1 else "corrected",
        "code": _coding(OUTCOME_SYSTEM, OUTCOME_CODE, OUTCOME_DISPLAY),
        "subject": {"reference": patient_url},
    })
    if outcome.seen_on is not None:
        resource["effectiveDateTime"] = outcome.seen_on.isoformat()
    resource["issued"] = record.recorded_at.astimezone(dt.UTC).isoformat(timespec="seconds")
    if outcome.seen_by:
        resource["performer"] = [{"display": outcome.seen_by}]
    resource["valueCodeableConcept"] = _coding(FINDING_SYSTEM, outcome.finding, FINDINGS[outcome.finding],
                                               outcome.finding_text)
    components = []
    if outcome.other_cause:
        components.append(_component(COMPONENT_OTHER_CAUSE, {"valueString": outcome.other_cause}))
    components += [_component(COMPONENT_IMAGING, {"valueCodeableConcept": _coding(IMAGING_SYSTEM, code, IMAGING[code])})
                   for code in outcome.imaging]
    if outcome.urgent_route_at is not None:
        components.append(_component(COMPONENT_URGENT_ROUTE,
                                     {"valueDateTime": outcome.urgent_route_at.isoformat(timespec="seconds")}))
    if components:
        resource["component"] = components
    if outcome.note:
        resource["note"] = [{"text": outcome.note}]
    resource["derivedFrom"] = [{"reference": response_url}]
    return resource


@dataclass(frozen=True)
class ReadOutcome:
    """An outcome read from an Observation: which intake (UUID), which version, and the outcome."""

    intake_uuid: str
    version: int
    outcome: Outcome
    response_reference: str


def is_outcome_observation(resource: Mapping[str, Any]) -> bool:
    coding = (resource.get("code") or {}).get("coding") or [{}]
    return (resource.get("resourceType") == "Observation"
            and any(isinstance(x, Mapping) and x.get("system") == OUTCOME_SYSTEM and x.get("code") == OUTCOME_CODE
                    for x in coding))


def _code(concept: Any, system: str) -> str | None:
    if not isinstance(concept, Mapping):
        return None
    for coding in concept.get("coding") or []:
        if isinstance(coding, Mapping) and coding.get("system") == system and isinstance(coding.get("code"), str):
            return str(coding["code"])
    return None


def outcome_from_observation(resource: Mapping[str, Any], *, today: dt.date | None = None) -> ReadOutcome:
    """The outcome an Observation written by `outcome_observation` holds. ExchangeError names what is
    missing or wrong (positions and field names, never the values)."""
    if not is_outcome_observation(resource):
        raise ExchangeError(
            QT_TRANSLATE_NOOP("IntakeError", "The resource is not an outcome Observation written by this program.")
        )
    identifiers = [i for i in resource.get("identifier") or [] if isinstance(i, Mapping)
                   and i.get("system") == OUTCOME_IDENTIFIER_SYSTEM]
    value = str(identifiers[0].get("value", "")) if identifiers else ""
    uuid_text, _, version_text = value.rpartition("/")
    if not version_text.isdigit() or int(version_text) < 1:
        raise ExchangeError(
            QT_TRANSLATE_NOOP("IntakeError", "The outcome Observation has no intake identifier with a version.")
        )
    finding = _code(resource.get("valueCodeableConcept"), FINDING_SYSTEM)
    data: dict[str, Any] = {"finding": finding, "imaging": [], "note": ""}
    for component in resource.get("component") or []:
        kind = _code(component.get("code") if isinstance(component, Mapping) else None, OUTCOME_SYSTEM)
        if kind == COMPONENT_OTHER_CAUSE:
            data["other_cause"] = component.get("valueString")
        elif kind == COMPONENT_IMAGING:
            data["imaging"].append(_code(component.get("valueCodeableConcept"), IMAGING_SYSTEM) or "?")
        elif kind == COMPONENT_URGENT_ROUTE:
            data["urgent_route_at"] = component.get("valueDateTime")
    data["seen_on"] = resource.get("effectiveDateTime")
    performers = [p for p in resource.get("performer") or [] if isinstance(p, Mapping)]
    data["seen_by"] = performers[0].get("display") if performers else ""
    notes = [n.get("text") for n in resource.get("note") or [] if isinstance(n, Mapping)]
    data["note"] = "\n".join(str(n) for n in notes if n)
    labels = (resource.get("meta") or {}).get("security") or []
    synthetic = any(isinstance(x, Mapping) and x.get("system") == SECURITY_SYSTEM and x.get("code") == "HTEST"
                    for x in labels)
    try:
        outcome = parse_outcome(data, today=today, synthetic=synthetic)
    except InvalidInput as exc:
        fields = ", ".join(key for key, _ in exc.problems)
        raise ExchangeError(
            QT_TRANSLATE_NOOP("IntakeError", "The outcome Observation holds values that cannot be read ({fields})."),
            params={"fields": fields},
        ) from None
    derived = [d.get("reference") for d in resource.get("derivedFrom") or [] if isinstance(d, Mapping)]
    return ReadOutcome(canonical_uuid(uuid_text), int(version_text), outcome, str(derived[0]) if derived else "")
