"""Intakes as a FHIR R4 Bundle (type "collection"), written as plain JSON-ready dicts.

Per intake revision the bundle holds a QuestionnaireResponse (the answers), a Patient (the patient
block of the document), once screened an Observation (the assessment) and, once the specialist's finding
is recorded, a second Observation (the outcome, exchange/outcomes_fhir.py) linked to the response. Each questionnaire
version used appears once as a Questionnaire carrying the questionnaire's own wording. Every
resource is addressed by a `urn:uuid:` full URL derived from the intake's UUID and revision, so the
same intakes always give the same bundle. Who entered an answer (the document's `entered_by`) is
HL7's questionnaireresponse-author extension on the answer's item. See docs/exchange.md for the mapping, field by field.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from intake_app.domain import (
    ENTERED_BY_PATIENT,
    ENTERED_BY_STAFF,
    IntakeDocument,
    Patient,
    Question,
    Questionnaire,
    load_questionnaire,
)
from intake_app.domain.questionnaire import SIDES
from intake_app.domain.wording import describe_because, question_text, readable
from intake_app.exchange import fhir_codes as c
from intake_app.exchange.items import ExchangeError, ExportItem
from intake_app.exchange.outcomes_fhir import outcome_observation
from intake_app.screening.model import GROUP_ORDER, GROUP_TITLES, LEVEL_TITLES
from intake_app.screening.text import TIER_WORDS
from intake_app.translation_marks import QT_TRANSLATE_NOOP

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, c.FHIR_BASE)
_GROUP_TITLES: dict[str, str] = {str(k): v for k, v in GROUP_TITLES.items()}
_LEVEL_TITLES: dict[str, str] = {str(k): v for k, v in LEVEL_TITLES.items()}


def full_url(name: str) -> str:
    """A stable `urn:uuid:` address for a resource, derived from a name only this module makes."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}"


def _bundle_head(timestamp: dt.datetime | None) -> dict[str, Any]:
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "collection"}
    if timestamp is not None:
        if timestamp.tzinfo is None:
            raise ExchangeError(QT_TRANSLATE_NOOP("IntakeError", "The bundle's time stamp needs a time zone."))
        bundle["timestamp"] = timestamp.isoformat()
    return bundle


def fhir_entries(items: Iterable[ExportItem], *, mrn_system: str = c.MRN_SYSTEM) -> Iterator[dict[str, Any]]:
    """The bundle's entries, item by item: a questionnaire version and a patient when first met, then
    the intake's QuestionnaireResponse, (when screened) its Observation and (when recorded) its outcome's."""
    builder = _BundleBuilder(mrn_system)
    for item in items:
        yield from builder.add(item)


def to_fhir_bundle(
    items: Iterable[ExportItem], *, timestamp: dt.datetime | None = None, mrn_system: str = c.MRN_SYSTEM
) -> dict[str, Any]:
    """A FHIR Bundle of type "collection" holding every item (see the module docstring).

    `timestamp` (timezone-aware) is written as the bundle's timestamp when given; without it the same
    items always give the same bundle. `mrn_system` names the clinic's medical record numbers.
    Raises ExchangeError when an answer cannot be written (never drops one silently).
    """
    bundle = _bundle_head(timestamp)
    entries = list(fhir_entries(items, mrn_system=mrn_system))
    if entries:  # FHIR JSON has no empty arrays
        bundle["entry"] = entries
    return bundle


def write_fhir_bundle(
    items: Iterable[ExportItem], stream: TextIO, *, timestamp: dt.datetime | None = None,
    mrn_system: str = c.MRN_SYSTEM,
) -> int:
    """`to_fhir_bundle` written to a text stream entry by entry, for exports too large to hold in memory;
    returns the number of entries. On ExchangeError the stream holds part of a bundle: write to a
    temporary file and rename it only after success."""
    head = json.dumps(_bundle_head(timestamp), ensure_ascii=False)
    stream.write(head[:-1])  # without its closing brace
    count = 0
    for entry in fhir_entries(items, mrn_system=mrn_system):
        stream.write((', "entry": [\n' if count == 0 else ",\n") + json.dumps(entry, ensure_ascii=False))
        count += 1
    stream.write("\n]}\n" if count else "}\n")  # FHIR JSON has no empty arrays
    return count


class _BundleBuilder:
    def __init__(self, mrn_system: str) -> None:
        self.mrn_system = mrn_system
        self.questionnaires: set[str] = set()
        self.patients: dict[tuple[str, str], str] = {}  # (patient key, details as JSON) -> full URL
        self.patient_variants: dict[str, int] = {}
        self.seen: set[tuple[str, int]] = set()
        self.outcomes: set[str] = set()  # intakes whose outcome is written

    def add(self, item: ExportItem) -> list[dict[str, Any]]:
        """The entries one item adds (its questionnaire and patient only when not already there)."""
        key = (item.intake_uuid, item.revision)
        if key in self.seen:
            raise ExchangeError(
                QT_TRANSLATE_NOOP("IntakeError", "Revision {revision} of one intake was given twice for one export."),
                params={"revision": item.revision},
            )
        self.seen.add(key)
        entries: list[dict[str, Any]] = []
        document = item.document
        questionnaire = load_questionnaire(document.questionnaire)
        if questionnaire.ref not in self.questionnaires:
            self.questionnaires.add(questionnaire.ref)
            entries.append({
                "fullUrl": full_url(f"Questionnaire/{questionnaire.ref}"),
                "resource": questionnaire_resource(questionnaire),
            })
        patient_url = self._patient(item, entries)
        response_url = full_url(f"QuestionnaireResponse/{item.intake_uuid}/{item.revision}")
        entries.append({
            "fullUrl": response_url,
            "resource": questionnaire_response(item, questionnaire, patient_url),
        })
        result = item.assessment_json
        if result is not None:
            entries.append({
                "fullUrl": full_url(f"Observation/{item.intake_uuid}/{item.revision}"),
                "resource": assessment_observation(
                    result, document, questionnaire, status=item.status,
                    patient_url=patient_url, response_url=response_url,
                ),
            })
        if item.outcome is not None:
            if item.intake_uuid in self.outcomes:
                raise ExchangeError(
                    QT_TRANSLATE_NOOP(
                        "IntakeError",
                        "One intake's outcome was given with two of its revisions for one export; give "
                        "it with the newest only.",
                    )
                )
            self.outcomes.add(item.intake_uuid)
            entries.append({
                "fullUrl": full_url(f"Observation/outcome/{item.intake_uuid}/{item.revision}"),
                "resource": outcome_observation(item.outcome, intake_uuid=item.intake_uuid, patient_url=patient_url,
                                                response_url=response_url),
            })
        return entries

    def _patient(self, item: ExportItem, entries: list[dict[str, Any]]) -> str:
        """One Patient resource per patient and set of details: intakes with the same details share it."""
        owner = f"id/{item.patient_id}" if item.patient_id is not None else f"intake/{item.intake_uuid}"
        details = json.dumps(item.document.patient.to_json(), sort_keys=True, ensure_ascii=False)
        known = self.patients.get((owner, details))
        if known is not None:
            return known
        variant = self.patient_variants.get(owner, 0) + 1
        self.patient_variants[owner] = variant
        url = full_url(f"Patient/{owner}/{variant}")
        self.patients[(owner, details)] = url
        entries.append({"fullUrl": url, "resource": patient_resource(item.document.patient, self.mrn_system)})
        return url


# --- Patient -----------------------------------------------------------------------------------


def patient_resource(patient: Patient, mrn_system: str = c.MRN_SYSTEM) -> dict[str, Any]:
    """Name (family and given names as typed), birth date, gender, phone and MRN."""
    resource: dict[str, Any] = {"resourceType": "Patient"}
    if patient.mrn:
        resource["identifier"] = [{
            "use": "usual",
            "type": {"coding": [{"system": c.HL7_IDENTIFIER_TYPE_SYSTEM, "code": "MR",
                                 "display": "Medical record number"}]},
            "system": mrn_system,
            "value": patient.mrn,
        }]
    name: dict[str, Any] = {"use": "official"}
    if patient.display_name:
        name["text"] = patient.display_name
    if patient.family_name:
        name["family"] = patient.family_name
    if patient.given_name:
        # Kept whole as typed ("Anna Maria"): splitting at spaces could not be undone exactly.
        name["given"] = [patient.given_name]
    resource["name"] = [name]
    if patient.phone:
        resource["telecom"] = [{"system": "phone", "value": patient.phone}]
    resource["gender"] = patient.sex  # female, male, other, unknown: FHIR's AdministrativeGender codes
    if patient.date_of_birth is not None:
        resource["birthDate"] = patient.date_of_birth.isoformat()
    return resource


# --- Questionnaire -----------------------------------------------------------------------------


def _computable_name(questionnaire_id: str) -> str:
    """"foot-leg-intake" -> "FootLegIntake" (FHIR's machine-friendly name)."""
    parts = [p for p in questionnaire_id.replace("_", "-").split("-") if p]
    name = "".join(p[:1].upper() + p[1:] for p in parts)
    return name if name[:1].isalpha() else f"Q{name}"


def shape_of(question: Question) -> c.Shape:
    shape = c.SHAPES.get(question.type)
    if shape is None:
        raise ExchangeError(
            QT_TRANSLATE_NOOP(
                "IntakeError", 'Answers of the kind used by the question "{label}" cannot be exported to FHIR yet.'
            ),
            params={"label": question.label},
        )
    return shape


def _item_type(question: Question, shape: c.Shape) -> str:
    if shape.kind == "integer":
        return "integer"
    if shape.kind == "string":
        return "text" if question.multiline else "string"
    return "choice"


def _option_codings(questionnaire: Questionnaire, question: Question, shape: c.Shape) -> list[dict[str, Any]]:
    if shape.kind == "regions":
        system = c.region_system(questionnaire.id)
        return [{"valueCoding": {"system": system, "code": r.value, "display": r.label}}
                for r in questionnaire.regions]
    system = c.answer_system(questionnaire.id, question.id)
    return [{"valueCoding": {"system": system, "code": o.value, "display": o.label}} for o in question.options]


def _answer_definition(questionnaire: Questionnaire, question: Question, shape: c.Shape) -> dict[str, Any]:
    """The parts of a Questionnaire item that say what an answer looks like."""
    item: dict[str, Any] = {"type": _item_type(question, shape)}
    extensions: list[dict[str, Any]] = []
    if shape.kind == "integer":
        if question.minimum is not None:
            extensions.append({"url": c.HL7_MIN_VALUE, "valueInteger": question.minimum})
        if question.maximum is not None:
            extensions.append({"url": c.HL7_MAX_VALUE, "valueInteger": question.maximum})
        if question.unit:
            extensions.append({"url": c.HL7_UNIT, "valueCoding": {"display": question.unit}})
    if shape.kind in ("codings", "regions"):
        item["repeats"] = True
    if shape.kind == "string" and question.max_length is not None:
        item["maxLength"] = question.max_length
    if shape.kind in ("coding", "codings", "regions"):
        item["answerOption"] = _option_codings(questionnaire, question, shape)
    if extensions:
        item = {"extension": extensions, **item}
    return item


def _question_item(questionnaire: Questionnaire, question: Question) -> dict[str, Any]:
    shape = shape_of(question)
    item: dict[str, Any] = {"linkId": question.id, "text": question.label}
    if shape.per_side:
        item["type"] = "group"
        children = [
            {"linkId": c.side_link_id(question.id, side), "text": questionnaire.side_label(side),
             **_answer_definition(questionnaire, question, shape)}
            for side in SIDES
        ]
    else:
        item.update(_answer_definition(questionnaire, question, shape))
        children = []
    if question.required:
        item["required"] = True
    if question.help:
        children.insert(0, {
            "extension": [{"url": c.HL7_ITEM_CONTROL, "valueCodeableConcept": {"coding": [
                {"system": c.HL7_ITEM_CONTROL_SYSTEM, "code": "help", "display": "Help-Button"}]}}],
            "linkId": c.help_link_id(question.id), "text": question.help, "type": "display",
        })
    if children:
        item["item"] = children
    return item


def questionnaire_resource(questionnaire: Questionnaire) -> dict[str, Any]:
    """One questionnaire version: its sections as groups, every question in its own wording.

    Only the answer questions are items: the patient's details travel as the Patient resource and
    the visit date as the response's `authored` date. `show_if` conditions are not written as
    `enableWhen` (FHIR cannot say "either side meets it"); a response holds only shown answers.
    """
    sections = []
    for section in questionnaire.sections:
        questions = [q for q in section.questions if q.part == "answers"]
        if not questions:
            continue
        children = [_question_item(questionnaire, q) for q in questions]
        if section.intro:
            children.insert(0, {"linkId": c.intro_link_id(section.id), "text": section.intro, "type": "display"})
        sections.append({"linkId": c.section_link_id(section.id), "text": section.title, "type": "group",
                         "item": children})
    return {
        "resourceType": "Questionnaire",
        "url": c.questionnaire_url(questionnaire.id),
        "version": str(questionnaire.version),
        "name": _computable_name(questionnaire.id),
        "title": questionnaire.title,
        "status": "active",
        "subjectType": ["Patient"],
        "item": sections,
    }


# --- QuestionnaireResponse ---------------------------------------------------------------------


def _problem(questionnaire: Questionnaire, question: Question) -> ExchangeError:
    return ExchangeError(
        QT_TRANSLATE_NOOP(
            "IntakeError",
            'The answer to "{question_text}" is not in a form the questionnaire allows, so '
            "the intake cannot be exported.",
        ),
        params={"question_text": question_text(questionnaire, question, short=True)},
    )


def _answers(questionnaire: Questionnaire, question: Question, kind: c.Kind, value: Any) -> list[dict[str, Any]]:
    """FHIR answers for one value; an empty list or empty text gives no answers (the item stays)."""
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _problem(questionnaire, question)
        return [{"valueInteger": value}]
    if kind == "string":
        if not isinstance(value, str):
            raise _problem(questionnaire, question)
        return [{"valueString": value}] if value else []
    if kind == "coding":
        values = [value]
    elif isinstance(value, list | tuple):
        values = list(value)
    else:
        raise _problem(questionnaire, question)
    if kind == "regions":
        system = c.region_system(questionnaire.id)
        known = {r.value: r.label for r in questionnaire.regions}
    else:
        system = c.answer_system(questionnaire.id, question.id)
        known = {o.value: o.label for o in question.options}
    if any(not isinstance(v, str) or v not in known for v in values):
        raise _problem(questionnaire, question)
    return [{"valueCoding": {"system": system, "code": v, "display": known[v]}} for v in values]


def author_extension(who: str, patient_url: str) -> dict[str, Any]:
    """The item extension saying who entered an answer: the intake's Patient, or clinic staff."""
    if who == ENTERED_BY_PATIENT:
        reference = {"reference": patient_url, "type": c.PATIENT_REFERENCE_TYPE}
    elif who == ENTERED_BY_STAFF:
        reference = {"type": c.STAFF_REFERENCE_TYPE, "display": c.STAFF_DISPLAY}
    else:
        raise ExchangeError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "Who entered an answer must be the patient or staff, so the intake cannot be exported."
            )
        )
    return {"url": c.HL7_QR_AUTHOR, "valueReference": reference}


def _response_item(questionnaire: Questionnaire, question: Question, value: Any,
                   author: dict[str, Any] | None = None) -> dict[str, Any]:
    shape = shape_of(question)
    item: dict[str, Any] = {"linkId": question.id, "text": question.label}
    if author is not None:
        item = {"extension": [author], **item}
    if not shape.per_side:
        answers = _answers(questionnaire, question, shape.kind, value)
        if answers:
            item["answer"] = answers
        return item
    if not isinstance(value, Mapping) or any(side not in SIDES for side in value):
        raise _problem(questionnaire, question)
    sides = []
    for side in SIDES:
        if side not in value or value[side] is None:
            continue
        side_item: dict[str, Any] = {"linkId": c.side_link_id(question.id, side),
                                     "text": questionnaire.side_label(side)}
        answers = _answers(questionnaire, question, shape.kind, value[side])
        if answers:
            side_item["answer"] = answers
        sides.append(side_item)
    if sides:
        item["item"] = sides
    return item


def response_items(
    questionnaire: Questionnaire, document: IntakeDocument, patient_url: str | None = None
) -> list[dict[str, Any]]:
    """The answered questions, grouped by section as in the Questionnaire; each answer whose
    `entered_by` is recorded carries the questionnaireresponse-author extension (needs `patient_url`)."""
    known = {q.id for q in questionnaire.answer_questions}
    unknown = [key for key in document.answers if key not in known]
    if unknown:
        raise ExchangeError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "The intake holds an answer its questionnaire does not ask, so it cannot be exported."
            )
        )
    if any(key not in known for key in document.entered_by):
        raise ExchangeError(
            QT_TRANSLATE_NOOP(
                "IntakeError",
                "The intake records who entered a question its questionnaire does not ask, so it cannot be exported.",
            )
        )
    authors: dict[str, dict[str, Any]] = {}
    if document.entered_by:
        if patient_url is None:
            raise ExchangeError(
                QT_TRANSLATE_NOOP("IntakeError", "Who entered the answers needs the patient's address in the bundle.")
            )
        # An entry for a field without an answer has nothing to mark (parse_document drops it too).
        authors = {key: author_extension(who, patient_url) for key, who in document.entered_by.items()}
    groups = []
    for section in questionnaire.sections:
        children = [
            _response_item(questionnaire, q, document.answers[q.id], authors.get(q.id))
            for q in section.questions
            if q.part == "answers" and q.id in document.answers and document.answers[q.id] is not None
        ]
        if children:
            groups.append({"linkId": c.section_link_id(section.id), "text": section.title, "item": children})
    return groups


def questionnaire_response(item: ExportItem, questionnaire: Questionnaire, patient_url: str) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "meta": {"versionId": str(item.revision)},
        "extension": [{"url": c.REVISION_EXTENSION, "valuePositiveInt": item.revision}],
        "identifier": {"system": c.INTAKE_IDENTIFIER_SYSTEM, "value": item.intake_uuid},
        "questionnaire": f"{c.questionnaire_url(questionnaire.id)}|{questionnaire.version}",
        "status": c.QR_STATUS[item.status],
        "subject": {"reference": patient_url},
        "authored": item.document.visit_date.isoformat(),
    }
    groups = response_items(questionnaire, item.document, patient_url)
    if groups:
        resource["item"] = groups
    return resource


# --- Observation (the assessment) --------------------------------------------------------------


def _coding(system: str, code: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code, "display": display}], "text": display}


def _component(code: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"code": _coding(c.SCREENING_SYSTEM, code, c.COMPONENT_DISPLAYS[code]), **value}


def trace_text(result: Mapping[str, Any], questionnaire: Questionnaire) -> str:
    """The rule trace in plain words, grouped as the clinician reads it.

    Each line names the rule (its id in brackets, as in the printed trace) and the answers behind
    it in the questionnaire's wording.
    """
    version = str(result.get("rules_version", ""))
    lines = [f"Rule trace (screening rules version {version}; rule ids in brackets name the rules of that "
             "version, listed in the project's rules document)."]
    reasons = [r for r in result.get("reasons", []) if isinstance(r, Mapping)]
    groups: list[str] = list(GROUP_ORDER)
    groups += sorted({str(r.get("group")) for r in reasons} - set(groups))
    for group in groups:
        in_group = [r for r in reasons if r.get("group") == group]
        title = _GROUP_TITLES.get(group) or readable(group).capitalize()
        lines.append(f"{title}:")
        if not in_group:
            lines.append("- none")
        lines += [f"- {_reason_line(reason, questionnaire)}" for reason in in_group]
    return "\n".join(lines)


def _reason_line(reason: Mapping[str, Any], questionnaire: Questionnaire) -> str:
    line = f"[{reason.get('rule', '')}] {reason.get('text', '')}"
    because = reason.get("because")
    if isinstance(because, Mapping) and because:
        line += " - because " + "; ".join(describe_because(questionnaire, because))
    return line


def safety_notes(result: Mapping[str, Any], questionnaire: Questionnaire) -> list[str]:
    """What must not be missed, ahead of the trace: safety alerts (whatever the level) and an
    incomplete red-flag screen (rule Q1: safety questions not asked)."""
    reasons = [r for r in result.get("reasons", []) if isinstance(r, Mapping)]
    notes = []
    alerts = [r for r in reasons if r.get("group") == "alert"]
    if alerts:
        notes.append("Safety alert, separate from the spinal result - act on it whatever the level: "
                     + " | ".join(_reason_line(r, questionnaire) for r in alerts))
    unasked = [r for r in reasons if r.get("rule") == "Q1"]
    if unasked:
        notes.append("Red-flag screen incomplete, so this is not a clear result: "
                     + " | ".join(_reason_line(r, questionnaire) for r in unasked))
    return notes


def assessment_observation(
    result: Mapping[str, Any],
    document: IntakeDocument,
    questionnaire: Questionnaire,
    *,
    status: str,
    patient_url: str,
    response_url: str,
) -> dict[str, Any]:
    """The screening result: level, tier, rules version and spinal flag as components; the
    recommendation and the rule trace in plain words as notes; the stored assessment JSON whole in
    an extension, so that an import keeps it as history exactly."""
    level = result.get("level")
    tier = result.get("tier")
    if not isinstance(level, str) or not level or not str(result.get("rules_version") or "").strip():
        raise ExchangeError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "A stored screening result has no level or no rules version, so it cannot be exported."
            )
        )
    stored = json.dumps(dict(result), ensure_ascii=False, sort_keys=True).encode("utf-8")
    components = [
        _component(c.COMPONENT_LEVEL, {"valueCodeableConcept": _coding(
            c.LEVEL_SYSTEM, level, _LEVEL_TITLES.get(level) or readable(level))}),
    ]
    if tier:
        components.append(_component(c.COMPONENT_TIER, {"valueCodeableConcept": _coding(
            c.TIER_SYSTEM, str(tier), f"{tier} ({TIER_WORDS.get(str(tier), readable(tier))})")}))
    else:
        components.append(_component(c.COMPONENT_TIER, {"dataAbsentReason": {"coding": [
            {"system": c.HL7_DATA_ABSENT_REASON, "code": "not-applicable", "display": "Not Applicable"}]}}))
    components.append(_component(c.COMPONENT_RULES_VERSION, {"valueString": str(result.get("rules_version", ""))}))
    if isinstance(result.get("spinal_flag"), bool):
        components.append(_component(c.COMPONENT_SPINAL_FLAG, {"valueBoolean": result["spinal_flag"]}))
    notes = []
    recommendation = str(result.get("recommendation", "")).strip()
    if recommendation:
        notes.append({"text": f"Recommendation: {recommendation}"})
    notes += [{"text": text} for text in safety_notes(result, questionnaire)]
    notes.append({"text": trace_text(result, questionnaire)})
    return {
        "resourceType": "Observation",
        "extension": [{"url": c.ASSESSMENT_JSON_EXTENSION, "valueAttachment": {
            "contentType": "application/json", "data": base64.b64encode(stored).decode("ascii")}}],
        "status": c.OBSERVATION_STATUS[status],
        "category": [{"coding": [{"system": c.HL7_OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}],
        "code": _coding(c.SCREENING_SYSTEM, c.SCREENING_CODE, c.SCREENING_DISPLAY),
        "subject": {"reference": patient_url},
        "effectiveDateTime": document.visit_date.isoformat(),
        "derivedFrom": [{"reference": response_url}],
        "note": notes,
        "component": components,
    }
