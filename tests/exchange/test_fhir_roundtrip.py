"""Bundle -> documents gives back exactly what was exported, for every questionnaire version, also
after a pass through fhir.resources' R4B models (issue 15, item 3: "with nothing lost")."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from intake_app.domain import load_questionnaire
from intake_app.exchange import ExportItem, from_fhir_bundle, to_fhir_bundle
from intake_app.screening import assess
from tests.exchange.documents import FREE_TEXT, NAMES, VERSIONS, document, item, rich_document


def through_r4b(bundle: dict[str, Any]) -> dict[str, Any]:
    """The bundle as another FHIR program would write it back: parsed by the R4B models, serialised."""
    data: dict[str, Any] = json.loads(Bundle.model_validate(bundle).model_dump_json(exclude_none=True))
    return data


def round_trip(items: list[ExportItem]) -> list[Any]:
    return from_fhir_bundle(through_r4b(to_fhir_bundle(items)))


@pytest.mark.parametrize("ref", VERSIONS)
@pytest.mark.parametrize("script", sorted(NAMES))
def test_every_answer_of_every_version_comes_back_exactly(ref: str, script: str) -> None:
    doc = rich_document(ref, NAMES[script])
    exported = item(doc, revision=3, intake_uuid="0f8fad5b-d9cb-469f-a165-70867728950e")
    (back,) = round_trip([exported])
    assert back.document == doc
    assert back.document.to_json() == doc.to_json()
    assert back.intake_uuid == "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert (back.revision, back.status) == (3, "complete")
    assert back.assessment == assess(doc).to_json()


@pytest.mark.parametrize("ref", VERSIONS)
def test_the_sample_really_holds_the_hard_cases(ref: str) -> None:
    """Guards the test above: unknown red flags, an empty side, lists and (where asked) line breaks."""
    doc = rich_document(ref)
    q = load_questionnaire(ref)
    assert sum(doc.answers[rf] == "unknown" for rf in q.red_flag_ids) >= len(q.red_flag_ids) // 2
    assert any(doc.answers[rf] != "unknown" for rf in q.red_flag_ids)
    assert doc.answers["pain"]["left"] == [] and len(doc.answers["pain"]["right"]) == 5
    assert len(doc.answers["pain_character"]) > 1
    if any(question.multiline for question in q.answer_questions):
        assert FREE_TEXT in doc.answers.values()


def test_unknown_red_flags_stay_unknown_never_no() -> None:
    doc = document("foot-leg-intake/1", {"rf_saddle_numbness": "new"})
    (back,) = round_trip([item(doc)])
    q = load_questionnaire("foot-leg-intake/1")
    assert [back.document.answers[rf] for rf in q.red_flag_ids] == ["new"] + ["unknown"] * (len(q.red_flag_ids) - 1)


@pytest.mark.parametrize("answers", [
    {"pain": {}},
    {"pain": {"right": []}},
    {"back_conditions": []},
    {"weakness": {"right": "none", "left": "foot_drop"}},
    {"radiates_to": {"left": "none"}},
])
def test_empty_and_one_sided_answers_keep_their_shape(answers: dict[str, Any]) -> None:
    doc = document("foot-leg-intake/1", answers)
    (back,) = round_trip([item(doc)])
    key = next(iter(answers))
    assert back.document.answers[key] == doc.answers[key]
    assert back.document == doc


def test_several_intakes_and_revisions_come_back_in_order_with_drafts_and_their_patients() -> None:
    uuid = "5b1f0e0a-8c7e-4c2a-9d55-3a5e1c2b7f10"
    original = item(document("foot-leg-intake/1", {"back_pain": "mild"}), intake_uuid=uuid, patient_id=9)
    amended = item(document("foot-leg-intake/1", {"back_pain": "severe"}), intake_uuid=uuid, revision=2,
                   status="draft", screened=False, patient_id=9)
    other = item(rich_document(VERSIONS[-1], NAMES["cjk"]), patient_id=10)
    back = round_trip([original, amended, other])
    assert [(b.intake_uuid, b.revision, b.status) for b in back] == [
        (uuid, 1, "complete"), (uuid, 2, "draft"), (other.intake_uuid, 1, "complete")]
    assert [b.document for b in back] == [original.document, amended.document, other.document]
    assert back[1].assessment is None
    assert back[0].patient_ref == back[1].patient_ref != back[2].patient_ref


def test_a_stored_assessment_from_older_rules_is_kept_as_it_was() -> None:
    doc = document("foot-leg-intake/1", {"back_pain": "mild"})
    old = {**assess(doc).to_json(), "rules_version": "2025.01-1", "recommendation": "Older wording."}
    (back,) = round_trip([ExportItem("0f8fad5b-d9cb-469f-a165-70867728950e", 1, doc, assessment=old)])
    assert back.assessment == old
