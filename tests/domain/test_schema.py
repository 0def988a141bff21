"""The shipped JSON Schemas (one per questionnaire version) agree with the questionnaires and with
the validator."""

from __future__ import annotations

import json

import jsonschema
import pytest

from intake_app.domain import load_questionnaire
from intake_app.domain.questionnaire import installed_questionnaires
from intake_app.domain.schema import (
    SCHEMA_DIR,
    build_schema,
    load_shipped_schema,
    schema_for_document,
    schema_name,
    schema_path,
)
from tests.conftest import synthetic_document
from tests.domain.v2_documents import V1, V2, full_v2_document, v2_document

REFS = installed_questionnaires()


@pytest.mark.parametrize("ref", REFS)
def test_shipped_schema_is_current(ref: str) -> None:
    assert load_shipped_schema(ref) == build_schema(load_questionnaire(ref)), "run: python -m intake_app.domain.schema"


def test_one_schema_file_per_questionnaire_version_named_after_it() -> None:
    assert schema_name(V1) == "intake-document-1.foot-leg-intake-1.schema.json"
    assert schema_name(V2) == "intake-document-1.foot-leg-intake-2.schema.json"
    shipped = sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json"))
    assert shipped == sorted(schema_name(ref) for ref in REFS)
    for ref in REFS:
        schema = json.loads(schema_path(ref).read_text(encoding="utf-8"))
        assert schema["properties"]["questionnaire"] == {"const": ref}
        assert schema["properties"]["format"] == {"const": "intake-document/1"}


def test_the_schema_is_chosen_by_the_questionnaire_reference(full_document: dict) -> None:
    assert schema_for_document(full_document) == load_shipped_schema(V1)
    assert schema_for_document(full_v2_document()) == load_shipped_schema(V2)
    for ref in ("foot-leg-intake/9", "x" * 5000, None, 3):
        with pytest.raises(KeyError):
            schema_for_document({"questionnaire": ref})


@pytest.mark.parametrize("ref", REFS)
def test_schema_lists_every_question_with_its_allowed_values(ref: str) -> None:
    schema = load_shipped_schema(ref)
    answers = schema["properties"]["answers"]["properties"]
    q = load_questionnaire(ref)
    assert set(answers) == {question.id for question in q.answer_questions}
    for question in q.answer_questions:
        if question.type == "choice":
            assert answers[question.id]["enum"] == [*question.values, None]
        if question.type == "per_side_regions":
            assert answers[question.id]["properties"]["left"]["items"]["enum"] == list(q.region_ids)


def test_schema_accepts_a_valid_document(full_document: dict) -> None:
    jsonschema.validate(full_document, schema_for_document(full_document))


def test_version_2_schema_accepts_a_document_with_every_new_answer() -> None:
    document = full_v2_document()
    jsonschema.validate(document, schema_for_document(document))


def test_a_document_only_fits_the_schema_of_its_own_version(full_document: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(full_document, load_shipped_schema(V2))  # names foot-leg-intake/1
    v1_shaped = v2_document(weakness={"right": "foot_drop"}, weakness_course="worsening")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(v1_shaped, load_shipped_schema(V2))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(synthetic_document(leg_pain_new="yes"), load_shipped_schema(V1))


@pytest.mark.parametrize(
    "answers",
    [{"onset": "yesterday"}, {"age_years": 999}, {"pain": {"left": ["hoof"]}}, {"nope": 1}],
)
def test_schema_rejects_what_the_validator_rejects(answers: dict) -> None:
    for document in (synthetic_document(**answers), v2_document(**answers)):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(document, schema_for_document(document))


@pytest.mark.parametrize(
    "answers",
    [
        {"desk_note": "bell\x07"},
        {"interpreter_language": "Two\nlines"},
        {"weakness_other": {"left": "esc\x1b"}},
        {"allergies": "x" * 1001},
        {"weakness_course": {"left": "sometimes"}},
        {"leg_vs_back": "both"},
    ],
)
def test_version_2_schema_rejects_what_the_validator_rejects(answers: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(v2_document(**answers), load_shipped_schema(V2))


def test_version_2_schema_keeps_line_breaks_and_tabs_in_free_text() -> None:
    jsonschema.validate(v2_document(desk_note="One\n\tTwo\r\nThree"), load_shipped_schema(V2))
