"""Reading a bundle back refuses anything unsound, names the place in the file, never the patient,
and returns nothing unless every intake is sound."""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from intake_app.exchange import ExchangeInvalid, from_fhir_bundle, is_fhir_bundle, to_fhir_bundle
from intake_app.exchange import fhir_codes as c
from tests.exchange.documents import NAMES, document, flat_items, item, resources

V1 = "foot-leg-intake/1"


@pytest.fixture
def bundle() -> dict[str, Any]:
    doc = document(V1, {"rf_saddle_numbness": "new", "pain": {"left": ["heel"]}, "duration_days": 4,
                        "pain_character": ["burning"]}, names=NAMES["arabic"])
    return to_fhir_bundle([item(doc, intake_uuid="0f8fad5b-d9cb-469f-a165-70867728950e")])


def response(bundle: dict[str, Any]) -> dict[str, Any]:
    return resources(bundle, "QuestionnaireResponse")[0]


def answer_item(bundle: dict[str, Any], link: str) -> dict[str, Any]:
    return flat_items(response(bundle)["item"])[link]


def problems_of(bundle: Any) -> list[tuple[str, str]]:
    with pytest.raises(ExchangeInvalid) as caught:
        from_fhir_bundle(bundle)
    assert "nothing was imported" in str(caught.value)
    return caught.value.problems


def _set_code(b: dict[str, Any], link: str, code: str) -> None:
    answer_item(b, link)["answer"][0]["valueCoding"]["code"] = code


def _component(b: dict[str, Any], code: str) -> dict[str, Any]:
    observation = resources(b, "Observation")[0]
    return next(comp for comp in observation["component"] if comp["code"]["coding"][0]["code"] == code)


BROKEN: dict[str, tuple[Callable[[dict[str, Any]], object], str, str]] = {
    "wrong bundle type": (lambda b: b.update(type="transaction"), "Bundle.type", "collection"),
    "no identifier": (lambda b: response(b).pop("identifier"), "identifier", "intake's identifier"),
    "identifier not a uuid": (lambda b: response(b)["identifier"].update(value="17"), "identifier.value", "UUID"),
    "no revision": (lambda b: (response(b).pop("extension"), response(b).pop("meta")), "intake-revision",
                    "revision"),
    "revision zero": (lambda b: response(b)["extension"][0].update(valuePositiveInt=0), "intake-revision",
                      "1 or more"),
    "revision and version id differ": (lambda b: response(b)["meta"].update(versionId="7"), "meta.versionId",
                                       "differs"),
    "status": (lambda b: response(b).update(status="amended"), "status", "completed or in-progress"),
    "questionnaire not ours": (lambda b: response(b).update(questionnaire="http://example.org/Q|1"),
                               "questionnaire", "our questionnaires"),
    "questionnaire not installed": (
        lambda b: response(b).update(questionnaire=f"{c.questionnaire_url('foot-leg-intake')}|99"),
        "questionnaire", "not installed"),
    "no patient": (lambda b: response(b).update(subject={"reference": "urn:uuid:nowhere"}), "subject", "Patient"),
    "no visit date": (lambda b: response(b).pop("authored"), "authored", "visit date"),
    "unknown question": (lambda b: response(b)["item"][0]["item"].append({"linkId": "shoe_size"}),
                         "item(shoe_size)", "not a question"),
    "answered twice": (lambda b: response(b)["item"].append(copy.deepcopy(response(b)["item"][-1])),
                       "item(section/", "is answered twice"),
    "code from another system": (
        lambda b: answer_item(b, "rf_saddle_numbness")["answer"][0]["valueCoding"].update(system="http://x"),
        "rf_saddle_numbness", "code system"),
    "code not an option": (lambda b: _set_code(b, "rf_saddle_numbness", "maybe"), "answers.rf_saddle_numbness",
                           "is not one of"),
    "region not known": (lambda b: _set_code(b, "pain.left", "elbow"), "answers.pain.left", "not a known region"),
    "side not a side": (lambda b: answer_item(b, "pain.left").update(linkId="pain.middle"), "pain.middle",
                        "one item per side"),
    "answer beside the sides": (lambda b: answer_item(b, "pain").update(answer=[{"valueInteger": 1}]), "item(pain)",
                                "each side"),
    "integer as text": (lambda b: answer_item(b, "duration_days").update(answer=[{"valueString": "4"}]),
                        "duration_days", "whole number"),
    "two answers to one choice": (
        lambda b: answer_item(b, "rf_saddle_numbness")["answer"].append(
            copy.deepcopy(answer_item(b, "rf_saddle_numbness")["answer"][0])), "rf_saddle_numbness", "exactly one"),
    "integer out of range": (lambda b: answer_item(b, "duration_days").update(answer=[{"valueInteger": -1}]),
                             "answers.duration_days", "outside"),
    "observation tampered": (
        lambda b: _component(b, "level")["valueCodeableConcept"]["coding"][0].update(code="not_indicated"),
        "component(level)", "differs from the stored assessment"),
    "observation of no intake": (
        lambda b: resources(b, "Observation")[0].update(derivedFrom=[{"reference": "urn:uuid:nowhere"}]),
        "Observation derivedFrom", "names no intake"),
    "observation without its intake": (lambda b: resources(b, "Observation")[0].pop("derivedFrom"),
                                       "Observation derivedFrom", "must name the intake"),
    "stored assessment missing": (lambda b: resources(b, "Observation")[0].pop("extension"), "assessment-json",
                                  "stored assessment"),
    "stored assessment not json": (
        lambda b: resources(b, "Observation")[0]["extension"][0]["valueAttachment"].update(
            data=base64.b64encode(b"level: urgent").decode()), "assessment-json", "not a stored assessment"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_bundle_is_refused_naming_the_place(bundle: dict[str, Any], case: str) -> None:
    break_it, where, message = BROKEN[case]
    break_it(bundle)
    problems = problems_of(bundle)
    assert any(where in place and message in text for place, text in problems), problems
    # The place is a position and field keys, never the patient's details.
    for place, text in problems:
        for name in NAMES["arabic"]:
            assert name not in place and name not in text


@pytest.mark.parametrize("value", [None, [], "Bundle", {"resourceType": "Patient"}])
def test_something_that_is_not_a_bundle_is_refused(value: Any) -> None:
    assert problems_of(value) == [("(file)", "is not a FHIR Bundle")]


def test_a_bundle_without_intakes_is_refused() -> None:
    assert ("Bundle.entry", "holds no QuestionnaireResponse (no intake)") in problems_of(
        {"resourceType": "Bundle", "type": "collection", "entry": []})


def test_the_same_intake_and_revision_twice_is_refused(bundle: dict[str, Any]) -> None:
    twice = copy.deepcopy(bundle)
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == "QuestionnaireResponse":
            again = copy.deepcopy(entry)
            again["fullUrl"] = "urn:uuid:9b6c6f0e-0000-4000-8000-000000000001"
            twice["entry"].append(again)
    assert any("repeats the intake and revision" in text for _, text in problems_of(twice))


def test_a_repeated_full_url_is_refused(bundle: dict[str, Any]) -> None:
    bundle["entry"].append(copy.deepcopy(bundle["entry"][-1]))
    assert any("repeats the fullUrl" in text for _, text in problems_of(bundle))


def test_one_bad_intake_stops_the_whole_file() -> None:
    good = item(document(V1, {}))
    bad = item(document(V1, {"back_pain": "mild"}))
    bundle = to_fhir_bundle([good, bad])
    resources(bundle, "QuestionnaireResponse")[1]["status"] = "stopped"
    problems = problems_of(bundle)
    assert len(problems) == 1 and "status" in problems[0][0]


def test_the_revision_may_come_from_the_version_id_alone(bundle: dict[str, Any]) -> None:
    response(bundle).pop("extension")
    assert from_fhir_bundle(bundle)[0].revision == 1


def test_a_bundle_written_to_json_and_read_back_imports(bundle: dict[str, Any]) -> None:
    text = json.dumps(bundle, ensure_ascii=False)
    (back,) = from_fhir_bundle(json.loads(text))
    assert back.document.patient.family_name == NAMES["arabic"][0]


def test_a_bundle_is_told_apart_from_intake_documents(bundle: dict[str, Any]) -> None:
    assert is_fhir_bundle(bundle)
    doc = document(V1, {}).to_json()
    assert not is_fhir_bundle(doc) and not is_fhir_bundle([doc]) and not is_fhir_bundle(None)


def test_resources_that_are_not_ours_are_passed_over(bundle: dict[str, Any]) -> None:
    bundle["entry"].append({"fullUrl": "urn:uuid:7d3c1f52-0000-4000-8000-000000000002", "resource": {
        "resourceType": "Observation", "status": "final", "code": {"text": "Body weight"}}})
    bundle["entry"].append({"fullUrl": "urn:uuid:7d3c1f52-0000-4000-8000-000000000003",
                            "resource": {"resourceType": "Encounter", "status": "finished"}})
    (back,) = from_fhir_bundle(bundle)
    assert back.assessment is not None
