"""Reading a FHIR Bundle written by `to_fhir_bundle` back into intake documents.

The installed questionnaire (forms/) decides what an answer may be, not the Questionnaire resource in
the file: every document is checked with `parse_document` exactly as a JSON import is. Problems are
collected for the whole file and reported together with their place in it; nothing is returned
unless every intake in the file is sound. An intake's outcome (its own Observation, exchange/outcomes_fhir.py)
is read onto the intake it names; it is never taken for the screening Observation. The response's items are
read into answers by its base, fhir_answers.ItemReader.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from intake_app.domain import (
    DOCUMENT_FORMAT,
    DocumentInvalid,
    Questionnaire,
    QuestionnaireError,
    load_questionnaire,
    parse_document,
)
from intake_app.errors import phrase
from intake_app.exchange import fhir_codes as c
from intake_app.exchange.fhir_answers import ItemReader, Problems, as_list, as_mapping
from intake_app.exchange.items import (
    STATUSES,
    ExchangeError,
    ExchangeInvalid,
    ImportedIntake,
    Status,
    canonical_uuid,
)
from intake_app.exchange.outcomes_fhir import is_outcome_observation, outcome_from_observation
from intake_app.translation_marks import QT_TRANSLATE_NOOP

_STATUS_FROM_FHIR: dict[str, Status] = {c.QR_STATUS[ours]: ours for ours in STATUSES}


def is_fhir_bundle(data: Any) -> bool:
    """Whether JSON read from a file is a FHIR Bundle (else: intake documents, today's format)."""
    return isinstance(data, Mapping) and data.get("resourceType") == "Bundle"


def from_fhir_bundle(bundle: Any, *, today: dt.date | None = None) -> list[ImportedIntake]:
    """Every intake (QuestionnaireResponse) in the bundle, in file order, with its stored assessment.

    Raises ExchangeInvalid naming every problem (with its place in the file) when any intake is
    unsound; then nothing should be imported.
    """
    problems = Problems()
    if not is_fhir_bundle(bundle):
        raise ExchangeInvalid([("(file)", phrase(QT_TRANSLATE_NOOP("IntakeError", "is not a FHIR Bundle")))])
    if bundle.get("type") != "collection":
        problems.add("Bundle.type", phrase(QT_TRANSLATE_NOOP("IntakeError", "must be collection")))
    by_url: dict[str, tuple[int, Mapping[str, Any]]] = {}
    responses: list[tuple[int, str, Mapping[str, Any]]] = []
    observations: dict[str, list[tuple[int, Mapping[str, Any]]]] = {}
    outcomes: list[tuple[int, Mapping[str, Any]]] = []
    for index, raw in enumerate(as_list(bundle.get("entry"))):
        entry = as_mapping(raw)
        resource = as_mapping(entry.get("resource"))
        url = entry.get("fullUrl")
        kind = resource.get("resourceType")
        if not isinstance(url, str) or not url:
            problems.add(f"entry[{index}]", phrase(QT_TRANSLATE_NOOP("IntakeError", "has no fullUrl")))
            continue
        if url in by_url:
            problems.add(
                f"entry[{index}]", phrase(QT_TRANSLATE_NOOP("IntakeError", "repeats the fullUrl of an earlier entry"))
            )
            continue
        by_url[url] = (index, resource)
        if kind == "QuestionnaireResponse":
            responses.append((index, url, resource))
        elif kind == "Observation" and _is_screening(resource) and is_outcome_observation(resource):
            problems.add(
                f"entry[{index}] Observation code",
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "names both the screening and the outcome; it must be one of them")
                ),
            )
        elif kind == "Observation" and is_outcome_observation(resource):
            outcomes.append((index, resource))
        elif kind == "Observation" and _is_screening(resource):
            targets = [t for ref in as_list(resource.get("derivedFrom"))
                       if isinstance(t := as_mapping(ref).get("reference"), str)]
            for target in targets:
                observations.setdefault(target, []).append((index, resource))
            if not targets:
                problems.add(
                    f"entry[{index}] Observation derivedFrom",
                    phrase(QT_TRANSLATE_NOOP("IntakeError", "must name the intake it screened")),
                )
    response_urls = {url for _, url, _ in responses}
    for target, found in observations.items():
        if target not in response_urls:
            for index, _ in found:
                problems.add(
                    f"entry[{index}] Observation derivedFrom",
                    phrase(QT_TRANSLATE_NOOP("IntakeError", "names no intake in the bundle")),
                )
    if not responses:
        problems.add(
            "Bundle.entry", phrase(QT_TRANSLATE_NOOP("IntakeError", "holds no QuestionnaireResponse (no intake)"))
        )
    imported: dict[str, ImportedIntake] = {}  # by the response's full URL, in file order
    seen: dict[tuple[str, int], int] = {}
    for index, url, resource in responses:
        reader = _ResponseReader(index, resource, by_url, problems, today)
        result = reader.read(observations.get(url, []))
        if result is None:
            continue
        key = (result.intake_uuid, result.revision)
        if key in seen:
            problems.add(
                f"entry[{index}]",
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "repeats the intake and revision of entry[{seen}]"),
                    {"seen": seen[key]},
                ),
            )
            continue
        seen[key] = index
        imported[url] = result
    _read_outcomes(outcomes, imported, {url: resource for _, url, resource in responses}, problems, today)
    if problems.items:
        raise ExchangeInvalid(problems.items)
    return list(imported.values())


def _read_outcomes(
    outcomes: list[tuple[int, Mapping[str, Any]]], imported: dict[str, ImportedIntake],
    responses: Mapping[str, Mapping[str, Any]], problems: Problems, today: dt.date | None,
) -> None:
    """Each outcome Observation onto the intake it names (`imported` is updated): it must name one
    response of the bundle (derivedFrom), that response's intake (identifier) and its Patient (subject),
    and no intake may have two."""
    taken: dict[str, int] = {}
    for index, resource in outcomes:
        where = f"entry[{index}] Observation (outcome)"
        try:
            read = outcome_from_observation(resource, today=today)
        except ExchangeError as exc:
            problems.add(where, exc.message)
            continue
        response = responses.get(read.response_reference)
        if response is None:
            problems.add(
                f"{where} derivedFrom",
                phrase(QT_TRANSLATE_NOOP("IntakeError", "must name the intake's QuestionnaireResponse in the bundle")),
            )
            continue
        intake = imported.get(read.response_reference)
        if intake is None:
            continue  # the response itself has problems, already listed
        if read.intake_uuid != intake.intake_uuid:
            problems.add(
                f"{where} identifier",
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "names another intake than the QuestionnaireResponse it follows")
                ),
            )
            continue
        subject = as_mapping(resource.get("subject")).get("reference")
        if subject != as_mapping(response.get("subject")).get("reference"):
            problems.add(
                f"{where} subject",
                phrase(QT_TRANSLATE_NOOP("IntakeError", "must be the Patient of the intake it follows")),
            )
            continue
        if read.intake_uuid in taken:
            problems.add(
                where,
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "repeats the outcome of entry[{taken}]: one outcome per intake"),
                    {"taken": taken[read.intake_uuid]},
                ),
            )
            continue
        taken[read.intake_uuid] = index
        imported[read.response_reference] = dataclasses.replace(intake, outcome=read.outcome,
                                                                outcome_version=read.version)


class _ResponseReader(ItemReader):
    def __init__(
        self,
        index: int,
        resource: Mapping[str, Any],
        by_url: Mapping[str, tuple[int, Mapping[str, Any]]],
        problems: Problems,
        today: dt.date | None,
    ) -> None:
        super().__init__(index, resource, problems)
        self.by_url = by_url
        self.today = today

    def read(self, observations: list[tuple[int, Mapping[str, Any]]]) -> ImportedIntake | None:
        r = self.resource
        intake_uuid = self.identifier()
        revision = self.revision()
        status = _STATUS_FROM_FHIR.get(str(r.get("status")))
        if status is None:
            self.problem("status", phrase(QT_TRANSLATE_NOOP("IntakeError", "must be completed or in-progress")))
        questionnaire = self.questionnaire()
        patient_ref, patient = self.patient()
        visit = r.get("authored")
        visit_date = visit[:10] if isinstance(visit, str) else None
        if visit_date is None:
            self.problem("authored", phrase(QT_TRANSLATE_NOOP("IntakeError", "must give the visit date")))
        answers = self.answers(questionnaire) if questionnaire is not None else {}
        assessment = self.assessment(observations)
        if not self.ok or questionnaire is None or intake_uuid is None or revision is None or status is None:
            return None
        data: dict[str, Any] = {"format": DOCUMENT_FORMAT, "questionnaire": questionnaire.ref, "patient": patient,
                                "visit_date": visit_date, "answers": answers}
        if self.entered_by:
            data["entered_by"] = self.entered_by
        try:
            document = parse_document(data, today=self.today)
        except DocumentInvalid as exc:
            for field, message in exc.problems:
                self.problem(f"({field})", message)
            return None
        return ImportedIntake(intake_uuid=intake_uuid, revision=revision, status=status, document=document,
                              assessment=assessment, patient_ref=patient_ref)

    # --- identity ------------------------------------------------------------------------------

    def identifier(self) -> str | None:
        identifier = as_mapping(self.resource.get("identifier"))
        if identifier.get("system") != c.INTAKE_IDENTIFIER_SYSTEM:
            self.problem(
                "identifier",
                phrase(QT_TRANSLATE_NOOP("IntakeError", "must be the intake's identifier (our intake system)")),
            )
            return None
        try:
            return canonical_uuid(str(identifier.get("value", "")))
        except ExchangeError:
            self.problem("identifier.value", phrase(QT_TRANSLATE_NOOP("IntakeError", "is not a UUID")))
            return None

    def revision(self) -> int | None:
        values = [as_mapping(e).get("valuePositiveInt") for e in as_list(self.resource.get("extension"))
                  if as_mapping(e).get("url") == c.REVISION_EXTENSION]
        version_id = as_mapping(self.resource.get("meta")).get("versionId")
        if not values and isinstance(version_id, str) and version_id.isdigit():
            values = [int(version_id)]
        if len(values) != 1 or isinstance(values[0], bool) or not isinstance(values[0], int) or values[0] < 1:
            self.problem(
                "extension(intake-revision)",
                phrase(QT_TRANSLATE_NOOP("IntakeError", "must give the revision once, as a whole number of 1 or more")),
            )
            return None
        if isinstance(version_id, str) and version_id != str(values[0]):
            self.problem("meta.versionId", phrase(QT_TRANSLATE_NOOP("IntakeError", "differs from the revision")))
            return None
        return values[0]

    def questionnaire(self) -> Questionnaire | None:
        canonical = self.resource.get("questionnaire")
        prefix = c.questionnaire_url("")
        if not isinstance(canonical, str) or not canonical.startswith(prefix) or "|" not in canonical:
            self.problem(
                "questionnaire",
                phrase(
                    QT_TRANSLATE_NOOP(
                        "IntakeError", "must name one of our questionnaires with its version (url|version)"
                    )
                ),
            )
            return None
        qid, _, version = canonical[len(prefix):].partition("|")
        try:
            return load_questionnaire(f"{qid}/{version}")
        except QuestionnaireError:
            self.problem(
                "questionnaire",
                phrase(QT_TRANSLATE_NOOP("IntakeError", "names a questionnaire version that is not installed")),
            )
            return None

    def patient(self) -> tuple[str, dict[str, Any]]:
        ref = as_mapping(self.resource.get("subject")).get("reference")
        found = self.by_url.get(ref) if isinstance(ref, str) else None
        if found is None or found[1].get("resourceType") != "Patient":
            self.problem("subject", phrase(QT_TRANSLATE_NOOP("IntakeError", "must refer to a Patient in the bundle")))
            return "", {}
        assert isinstance(ref, str)
        self.subject_ref = ref
        return ref, _patient_details(found[1], f"entry[{found[0]}] Patient", self.problems)

    # --- the stored assessment -----------------------------------------------------------------

    def assessment(self, observations: list[tuple[int, Mapping[str, Any]]]) -> dict[str, Any] | None:
        if not observations:
            return None
        if len(observations) > 1:
            self.problem("", phrase(QT_TRANSLATE_NOOP("IntakeError", "has more than one screening Observation")))
            return None
        index, observation = observations[0]
        where = f"entry[{index}] Observation"
        stored = [as_mapping(as_mapping(e).get("valueAttachment")) for e in as_list(observation.get("extension"))
                  if as_mapping(e).get("url") == c.ASSESSMENT_JSON_EXTENSION]
        if len(stored) != 1 or stored[0].get("contentType") != "application/json":
            self.problems.add(
                f"{where} extension(assessment-json)",
                phrase(QT_TRANSLATE_NOOP("IntakeError", "must hold the stored assessment once, as JSON")),
            )
            self.ok = False
            return None
        try:
            result = json.loads(base64.b64decode(str(stored[0].get("data", "")), validate=True).decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError):
            result = None
        if not isinstance(result, dict) or not isinstance(result.get("level"), str):
            self.problems.add(
                f"{where} extension(assessment-json)",
                phrase(QT_TRANSLATE_NOOP("IntakeError", "is not a stored assessment")),
            )
            self.ok = False
            return None
        shown = _components(observation)
        expected = {c.COMPONENT_LEVEL: result.get("level"), c.COMPONENT_TIER: result.get("tier") or None,
                    c.COMPONENT_RULES_VERSION: result.get("rules_version")}
        for code, value in expected.items():
            if shown.get(code) != value:
                self.problems.add(
                    f"{where} component({code})",
                    phrase(QT_TRANSLATE_NOOP("IntakeError", "differs from the stored assessment")),
                )
                self.ok = False
        return result


def _is_screening(observation: Mapping[str, Any]) -> bool:
    """Whether an Observation is one of our screening results (other Observations are not read)."""
    codings = as_list(as_mapping(observation.get("code")).get("coding"))
    return any(as_mapping(x).get("system") == c.SCREENING_SYSTEM and as_mapping(x).get("code") == c.SCREENING_CODE
               for x in codings)


def _components(observation: Mapping[str, Any]) -> dict[str, Any]:
    """Level, tier and rules version as the Observation's components show them."""
    found: dict[str, Any] = {}
    for raw in as_list(observation.get("component")):
        component = as_mapping(raw)
        codings = as_list(as_mapping(component.get("code")).get("coding"))
        code = next((as_mapping(x).get("code") for x in codings if as_mapping(x).get("system") == c.SCREENING_SYSTEM),
                    None)
        if not isinstance(code, str):
            continue
        if "valueString" in component:
            found[code] = component["valueString"]
        elif "valueCodeableConcept" in component:
            value_codings = as_list(as_mapping(component["valueCodeableConcept"]).get("coding"))
            found[code] = as_mapping(value_codings[0]).get("code") if value_codings else None
        else:
            found[code] = None
    return found


def _patient_details(resource: Mapping[str, Any], where: str, problems: Problems) -> dict[str, Any]:
    """The document's patient block from a Patient resource."""
    names = [as_mapping(n) for n in as_list(resource.get("name"))]
    name = next((n for n in names if n.get("use") == "official"), names[0] if names else {})
    given = [g for g in as_list(name.get("given")) if isinstance(g, str)]
    phones = [as_mapping(t).get("value") for t in as_list(resource.get("telecom"))
              if as_mapping(t).get("system") == "phone"]
    mrn = ""
    for raw in as_list(resource.get("identifier")):
        identifier = as_mapping(raw)
        codings = as_list(as_mapping(identifier.get("type")).get("coding"))
        is_mrn = identifier.get("system") == c.MRN_SYSTEM or any(
            as_mapping(x).get("system") == c.HL7_IDENTIFIER_TYPE_SYSTEM and as_mapping(x).get("code") == "MR"
            for x in codings)
        if is_mrn and isinstance(identifier.get("value"), str):
            mrn = identifier["value"]
            break
    family = name.get("family", "")
    if not isinstance(family, str):
        problems.add(f"{where} name.family", phrase(QT_TRANSLATE_NOOP("IntakeError", "must be text")))
        family = ""
    return {
        "family_name": family,
        "given_name": " ".join(given),
        "date_of_birth": resource.get("birthDate"),
        "sex": resource.get("gender", "unknown"),
        "phone": phones[0] if phones and isinstance(phones[0], str) else "",
        "mrn": mrn,
    }
