"""The FHIR export: a Bundle that fhir.resources' R4B models accept, with our identifiers, codes and
the questionnaire's own wording (issue 15, item 3)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient as FhirPatient
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from intake_app.domain import Question, load_questionnaire
from intake_app.domain.wording import describe_because
from intake_app.exchange import ExchangeError, ExportItem, to_fhir_bundle
from intake_app.exchange import fhir_codes as c
from intake_app.exchange.fhir_export import shape_of
from intake_app.screening import assess
from tests.exchange.documents import (
    AGE,
    BORN,
    FREE_TEXT,
    NAMES,
    VERSIONS,
    document,
    entries,
    flat_items,
    item,
    resources,
    rich_document,
)

V1 = "foot-leg-intake/1"


@pytest.fixture(scope="module")
def urgent_v1() -> ExportItem:
    doc = document(V1, {"rf_saddle_numbness": "new", "back_pain": "severe",
                        "pain": {"left": ["buttock", "back_of_thigh"], "right": ["calf"]},
                        "radiates_to": {"left": "foot"}, "pain_character": ["shooting_electric", "burning"],
                        "duration_days": 3})
    return item(doc, intake_uuid="6F1C2B84-3D0E-4B8A-9C55-0E2D7A1B9C01", revision=2, patient_id=17)


@pytest.fixture(scope="module")
def bundle(urgent_v1: ExportItem) -> dict[str, Any]:
    return to_fhir_bundle([urgent_v1])


def test_every_resource_passes_the_r4b_models(bundle: dict[str, Any]) -> None:
    model = Bundle.model_validate(bundle)
    assert model.type == "collection"
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert sorted(kinds) == ["Observation", "Patient", "Questionnaire", "QuestionnaireResponse"]
    checks = {"Questionnaire": FhirQuestionnaire, "QuestionnaireResponse": QuestionnaireResponse,
              "Patient": FhirPatient, "Observation": Observation}
    for entry in bundle["entry"]:
        checks[entry["resource"]["resourceType"]].model_validate(entry["resource"])
        assert entry["fullUrl"].startswith("urn:uuid:")


@pytest.mark.parametrize("ref", VERSIONS)
def test_every_version_and_every_answer_kind_passes_the_r4b_models(ref: str) -> None:
    for names in NAMES.values():
        Bundle.model_validate(to_fhir_bundle([item(rich_document(ref, names))]))


def test_the_response_carries_the_intakes_uuid_revision_status_and_questionnaire_version(
    bundle: dict[str, Any], urgent_v1: ExportItem
) -> None:
    response = resources(bundle, "QuestionnaireResponse")[0]
    assert response["identifier"] == {"system": c.INTAKE_IDENTIFIER_SYSTEM,
                                      "value": "6f1c2b84-3d0e-4b8a-9c55-0e2d7a1b9c01"}
    assert response["extension"] == [{"url": c.REVISION_EXTENSION, "valuePositiveInt": 2}]
    assert response["meta"]["versionId"] == "2"
    assert response["status"] == "completed"
    assert response["questionnaire"] == f"{c.FHIR_BASE}/Questionnaire/foot-leg-intake|1"
    assert response["authored"] == urgent_v1.document.visit_date.isoformat()
    patient_url = entries(bundle, "Patient")[0]["fullUrl"]
    assert response["subject"] == {"reference": patient_url}


def test_a_draft_is_in_progress_and_without_a_screening_it_has_no_observation() -> None:
    draft = item(document(V1, {"back_pain": "mild"}), status="draft", screened=False)
    bundle = to_fhir_bundle([draft])
    assert resources(bundle, "QuestionnaireResponse")[0]["status"] == "in-progress"
    assert resources(bundle, "Observation") == []
    screened_draft = item(document(V1, {"back_pain": "mild"}), status="draft")
    assert resources(to_fhir_bundle([screened_draft]), "Observation")[0]["status"] == "preliminary"


def test_answers_use_our_code_systems_integers_and_nested_per_side_items(bundle: dict[str, Any]) -> None:
    items = flat_items(resources(bundle, "QuestionnaireResponse")[0]["item"])
    q = load_questionnaire(V1)
    assert items["duration_days"]["answer"] == [{"valueInteger": 3}]
    saddle = items["rf_saddle_numbness"]["answer"][0]["valueCoding"]
    assert saddle == {"system": f"{c.FHIR_BASE}/CodeSystem/foot-leg-intake/answers/rf_saddle_numbness",
                      "code": "new", "display": "Yes, new"}
    assert [a["valueCoding"]["code"] for a in items["pain_character"]["answer"]] == ["shooting_electric", "burning"]
    # Per side: a group item for the question with one item per side that was answered.
    assert "answer" not in items["pain"]
    assert [i["linkId"] for i in items["pain"]["item"]] == ["pain.left", "pain.right"]
    left = items["pain.left"]["answer"]
    assert [a["valueCoding"]["code"] for a in left] == ["buttock", "back_of_thigh"]
    assert left[0]["valueCoding"]["system"] == f"{c.FHIR_BASE}/CodeSystem/foot-leg-intake/regions"
    assert left[0]["valueCoding"]["display"] == q.region_label("buttock")
    assert [i["linkId"] for i in items["radiates_to"]["item"]] == ["radiates_to.left"]
    # Unasked red flags travel as "unknown", in the questionnaire's words.
    bladder = items["rf_bladder_change"]["answer"][0]["valueCoding"]
    assert (bladder["code"], bladder["display"]) == ("unknown", "Not asked")
    # Sections group the answers as in the Questionnaire; unanswered questions have no item.
    assert "section/safety" in items and "onset" not in items


def test_the_questionnaire_carries_its_wording_options_and_version(bundle: dict[str, Any]) -> None:
    resource = resources(bundle, "Questionnaire")[0]
    q = load_questionnaire(V1)
    assert (resource["url"], resource["version"]) == (f"{c.FHIR_BASE}/Questionnaire/foot-leg-intake", "1")
    assert resource["title"] == q.title and resource["status"] == "active"
    items = flat_items(resource["item"])
    for question in q.answer_questions:
        assert items[question.id]["text"] == question.label
    assert items["section/safety"]["text"] == "Safety questions"
    assert items["section/safety/intro"]["type"] == "display"
    assert items["pain"]["type"] == "group" and items["pain.left"]["repeats"] is True
    assert items["pain.right"]["text"] == "Right"
    options = [o["valueCoding"] for o in items["rf_bladder_change"]["answerOption"]]
    assert [(o["code"], o["display"]) for o in options] == [(o.value, o.label) for o in
                                                            q.question("rf_bladder_change").options]
    assert items["back_pain"]["required"] is True
    age = items["age_years"]
    assert age["type"] == "integer"
    assert {e["url"]: next(v for k, v in e.items() if k.startswith("value")) for e in age["extension"]} == {
        c.HL7_MIN_VALUE: 0, c.HL7_MAX_VALUE: 120, c.HL7_UNIT: {"display": "years"}}
    assert items["pain/help"]["text"] == q.question("pain").help
    # The patient's details are the Patient resource, not questions of the response.
    assert "family_name" not in items and "visit_date" not in items


TEXT_VERSIONS = [ref for ref in VERSIONS
                 if any(q.type in ("text", "per_side_text") for q in load_questionnaire(ref).answer_questions)]


@pytest.mark.parametrize("ref", TEXT_VERSIONS)
def test_free_text_is_a_text_item_and_keeps_its_line_breaks(ref: str) -> None:
    q = load_questionnaire(ref)
    texts = [question for question in q.answer_questions if question.type in ("text", "per_side_text")]
    bundle = to_fhir_bundle([item(rich_document(ref))])
    questionnaire_items = flat_items(resources(bundle, "Questionnaire")[0]["item"])
    response_items = flat_items(resources(bundle, "QuestionnaireResponse")[0]["item"])
    for question in texts:
        if question.type == "text":
            assert questionnaire_items[question.id]["type"] == ("text" if question.multiline else "string")
            if question.multiline:
                assert response_items[question.id]["answer"] == [{"valueString": FREE_TEXT}]
        else:
            assert questionnaire_items[f"{question.id}.right"]["type"] in ("string", "text")
            assert response_items[f"{question.id}.right"]["answer"][0]["valueString"]


@pytest.mark.parametrize(("sex", "gender"), [("female", "female"), ("male", "male"), ("other", "other"),
                                             ("unknown", "unknown")])
def test_the_patient_has_name_birth_date_gender_phone_and_mrn(sex: str, gender: str) -> None:
    doc = document(V1, {}, names=NAMES["accented"], sex=sex, phone="+44 7000 000002", mrn="SYN-42")
    resource = resources(to_fhir_bundle([item(doc)]), "Patient")[0]
    assert resource["gender"] == gender
    assert resource["birthDate"] == BORN.isoformat()
    assert resource["name"] == [{"use": "official", "text": "Nguyễn-Øster, Zoë Anaïs", "family": "Nguyễn-Øster",
                                 "given": ["Zoë Anaïs"]}]
    assert resource["telecom"] == [{"system": "phone", "value": "+44 7000 000002"}]
    (mrn,) = resource["identifier"]
    assert (mrn["system"], mrn["value"]) == (c.MRN_SYSTEM, "SYN-42")
    assert mrn["type"]["coding"][0]["code"] == "MR"
    FhirPatient.model_validate(resource)


def test_empty_phone_and_mrn_are_left_out() -> None:
    resource = resources(to_fhir_bundle([item(document(V1, {}, phone="", mrn=""))]), "Patient")[0]
    assert "telecom" not in resource and "identifier" not in resource


def test_the_observation_has_level_tier_rules_version_and_a_plain_words_trace(
    bundle: dict[str, Any], urgent_v1: ExportItem
) -> None:
    observation = resources(bundle, "Observation")[0]
    assessment = assess(urgent_v1.document)
    assert assessment.level == "urgent"
    assert observation["code"]["coding"][0] == {"system": c.SCREENING_SYSTEM, "code": c.SCREENING_CODE,
                                                "display": c.SCREENING_DISPLAY}
    components = {comp["code"]["coding"][0]["code"]: comp for comp in observation["component"]}
    assert components["level"]["valueCodeableConcept"]["coding"][0]["code"] == "urgent"
    assert components["level"]["valueCodeableConcept"]["coding"][0]["system"] == c.LEVEL_SYSTEM
    assert components["tier"]["valueCodeableConcept"]["coding"][0]["code"] == assessment.tier
    assert components["rules-version"]["valueString"] == assessment.rules_version
    assert components["spinal-flag"]["valueBoolean"] is True
    response_url = entries(bundle, "QuestionnaireResponse")[0]["fullUrl"]
    assert observation["derivedFrom"] == [{"reference": response_url}]
    assert observation["subject"] == {"reference": entries(bundle, "Patient")[0]["fullUrl"]}
    assert observation["status"] == "final"
    notes = "\n".join(n["text"] for n in observation["note"])
    assert assessment.recommendation in notes
    q = load_questionnaire(V1)
    for reason in assessment.reasons:
        assert f"[{reason.rule}] {reason.text}" in notes
        for line in describe_because(q, reason.because):
            assert line in notes
    assert "Numbness around the back passage: Yes, new" in notes
    # Plain words: no field keys and no value codes in what a person reads.
    for key in ("rf_saddle_numbness", "back_of_thigh", "radiates_to", "=new"):
        assert key not in notes
    stored = json.loads(base64.b64decode(observation["extension"][0]["valueAttachment"]["data"]))
    assert stored == assessment.to_json()


def test_no_tier_is_written_as_not_applicable() -> None:
    doc = document(V1, {"back_pain": "none"})
    observation = resources(to_fhir_bundle([item(doc)]), "Observation")[0]
    tier = next(comp for comp in observation["component"] if comp["code"]["coding"][0]["code"] == "tier")
    assert assess(doc).tier is None
    assert tier["dataAbsentReason"]["coding"][0]["code"] == "not-applicable"
    assert "valueCodeableConcept" not in tier


def test_the_same_intakes_always_give_the_same_bundle(urgent_v1: ExportItem) -> None:
    assert to_fhir_bundle([urgent_v1]) == to_fhir_bundle([urgent_v1])
    other = ExportItem(urgent_v1.intake_uuid, 3, urgent_v1.document, assessment=urgent_v1.assessment)
    urls = [e["fullUrl"] for e in to_fhir_bundle([urgent_v1, other])["entry"]]
    assert len(urls) == len(set(urls))


def test_intakes_of_one_patient_share_a_patient_unless_the_details_differ() -> None:
    first = item(document(V1, {}), patient_id=5)
    second = item(document(V1, {"back_pain": "mild"}), patient_id=5)
    renamed = item(document(V1, {}, names=NAMES["greek"]), patient_id=5)
    stranger = item(document(V1, {}), patient_id=6)
    bundle = to_fhir_bundle([first, second, renamed, stranger])
    assert len(resources(bundle, "Patient")) == 3
    subjects = [r["subject"]["reference"] for r in resources(bundle, "QuestionnaireResponse")]
    assert subjects[0] == subjects[1] != subjects[2] != subjects[3]
    assert len(resources(bundle, "Questionnaire")) == 1


def test_one_questionnaire_resource_per_version_used() -> None:
    docs = [rich_document(ref) for ref in VERSIONS]
    bundle = to_fhir_bundle([item(d) for d in docs])
    assert [r["version"] for r in resources(bundle, "Questionnaire")] == [ref.split("/")[1] for ref in VERSIONS]


def test_a_revision_given_twice_is_refused(urgent_v1: ExportItem) -> None:
    with pytest.raises(ExchangeError, match="twice"):
        to_fhir_bundle([urgent_v1, urgent_v1])


def test_an_item_needs_a_uuid_and_a_revision_of_one_or_more(urgent_v1: ExportItem) -> None:
    with pytest.raises(ExchangeError, match="not a UUID"):
        ExportItem("intake-17", 1, urgent_v1.document)
    with pytest.raises(ExchangeError, match="revision"):
        ExportItem(urgent_v1.intake_uuid, 0, urgent_v1.document)


def test_a_timestamp_is_written_only_when_given_and_needs_a_time_zone(urgent_v1: ExportItem) -> None:
    import datetime as dt

    assert "timestamp" not in to_fhir_bundle([urgent_v1])
    stamp = dt.datetime(2026, 11, 29, 17, 0, tzinfo=dt.UTC)
    assert to_fhir_bundle([urgent_v1], timestamp=stamp)["timestamp"] == "2026-11-29T17:00:00+00:00"
    with pytest.raises(ExchangeError, match="time zone"):
        to_fhir_bundle([urgent_v1], timestamp=stamp.replace(tzinfo=None))


@pytest.mark.parametrize("ref", VERSIONS)
def test_every_answer_question_of_every_installed_version_can_be_exported(ref: str) -> None:
    for question in load_questionnaire(ref).answer_questions:
        shape_of(question)


def test_a_kind_of_answer_without_a_mapping_stops_the_export_instead_of_dropping_it() -> None:
    with pytest.raises(ExchangeError, match="cannot be exported"):
        shape_of(Question(id="x", type="date", label="When did the pain start?"))


def test_the_age_on_the_visit_day_is_exported_as_given() -> None:
    items = flat_items(resources(to_fhir_bundle([item(document(V1, {}))]), "QuestionnaireResponse")[0]["item"])
    assert items["age_years"]["answer"] == [{"valueInteger": AGE}]


ANSWER_TYPES = {"choice": "valueCoding", "integer": "valueInteger", "string": "valueString", "text": "valueString"}


def _conforms(response_items: list[dict[str, Any]], definitions: list[dict[str, Any]], where: str) -> None:
    """Each response item has its Questionnaire item at the same place, with answers of its type
    (codes from its answer options, at most one answer unless it repeats)."""
    by_link = {d["linkId"]: d for d in definitions}
    for response_item in response_items:
        definition = by_link.get(response_item["linkId"])
        assert definition is not None, f"{where}/{response_item['linkId']}"
        assert definition["type"] != "display"
        assert response_item["text"] == definition["text"]
        answers = response_item.get("answer", [])
        if definition["type"] == "group":
            assert not answers
        else:
            assert len(answers) <= 1 or definition.get("repeats") is True
            for answer in answers:
                (key,) = answer
                assert key == ANSWER_TYPES[definition["type"]]
                if key == "valueCoding":
                    assert answer[key] in [o["valueCoding"] for o in definition["answerOption"]]
        _conforms(response_item.get("item", []), definition.get("item", []), f"{where}/{response_item['linkId']}")


@pytest.mark.parametrize("ref", VERSIONS)
def test_every_response_item_matches_its_questionnaire_item(ref: str) -> None:
    bundle = to_fhir_bundle([item(rich_document(ref, NAMES["arabic"]))])
    (questionnaire,) = resources(bundle, "Questionnaire")
    (response,) = resources(bundle, "QuestionnaireResponse")
    assert response["questionnaire"] == f"{questionnaire['url']}|{questionnaire['version']}"
    _conforms(response["item"], questionnaire["item"], ref)
    link_ids = _all_link_ids(questionnaire["item"])
    assert len(link_ids) == len(set(link_ids)) > len(load_questionnaire(ref).answer_questions)


def _all_link_ids(items: list[dict[str, Any]]) -> list[str]:
    return [link for i in items for link in [i["linkId"], *_all_link_ids(i.get("item", []))]]


def test_the_streamed_bundle_is_the_same_bundle() -> None:
    import io

    from intake_app.exchange import write_fhir_bundle

    items = [item(rich_document(ref, NAMES["arabic"])) for ref in VERSIONS]
    items.append(item(document(V1, {}), status="draft", screened=False))
    stream = io.StringIO()
    count = write_fhir_bundle(items, stream)
    streamed = json.loads(stream.getvalue())
    assert streamed == to_fhir_bundle(items)
    assert count == len(streamed["entry"])
    Bundle.model_validate(streamed)
    empty = io.StringIO()
    assert write_fhir_bundle([], empty) == 0
    assert json.loads(empty.getvalue()) == to_fhir_bundle([]) == {"resourceType": "Bundle", "type": "collection"}
    Bundle.model_validate(to_fhir_bundle([]))


def _notes(doc_answers: dict[str, Any]) -> list[str]:
    observation = resources(to_fhir_bundle([item(document(V1, doc_answers))]), "Observation")[0]
    return [n["text"] for n in observation["note"]]


def test_a_safety_alert_gets_its_own_note_ahead_of_the_trace() -> None:
    notes = _notes({"foot_red_hot_swollen": "whole_foot", "rf_fever_or_unwell": "yes"})
    alert = next(r for r in assess(document(V1, {"foot_red_hot_swollen": "whole_foot",
                                                 "rf_fever_or_unwell": "yes"})).reasons if r.group == "alert")
    (note,) = [n for n in notes if n.startswith("Safety alert")]
    assert notes.index(note) < len(notes) - 1
    assert f"[{alert.rule}] {alert.text}" in note and "Red, hot, swollen joint or foot: The whole foot" in note


def test_an_incomplete_red_flag_screen_is_said_ahead_of_the_trace() -> None:
    notes = _notes({"back_pain": "mild", "rf_saddle_numbness": "no"})
    (note,) = [n for n in notes if n.startswith("Red-flag screen incomplete")]
    assert "Change in passing urine: not asked" in note and "Numbness around the back passage" not in note
    complete = {rf: "no" for rf in load_questionnaire(V1).red_flag_ids}
    assert not [n for n in _notes({"back_pain": "mild", **complete}) if n.startswith(("Red-flag", "Safety alert"))]


@pytest.mark.parametrize("broken", [{"level": ""}, {"level": None}, {"rules_version": ""}])
def test_a_stored_result_without_level_or_rules_version_is_not_exported(broken: dict[str, Any]) -> None:
    doc = document(V1, {})
    result = {**assess(doc).to_json(), **broken}
    with pytest.raises(ExchangeError, match="no level or no rules version"):
        to_fhir_bundle([ExportItem("0f8fad5b-d9cb-469f-a165-70867728950e", 1, doc, assessment=result)])
