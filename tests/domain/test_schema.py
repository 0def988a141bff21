"""The shipped JSON Schema agrees with the questionnaire and with the validator."""

from __future__ import annotations

import jsonschema
import pytest

from intake_app.domain import load_questionnaire
from intake_app.domain.schema import build_schema, load_shipped_schema
from tests.conftest import synthetic_document


def test_shipped_schema_is_current() -> None:
    assert load_shipped_schema() == build_schema(), "run: python -m intake_app.domain.schema"


def test_schema_lists_every_question_with_its_allowed_values() -> None:
    schema = load_shipped_schema()
    answers = schema["properties"]["answers"]["properties"]
    q = load_questionnaire()
    assert set(answers) == {question.id for question in q.answer_questions}
    for question in q.answer_questions:
        if question.type == "choice":
            assert answers[question.id]["enum"] == [*question.values, None]
        if question.type == "per_side_regions":
            assert answers[question.id]["properties"]["left"]["items"]["enum"] == list(q.region_ids)


def test_schema_accepts_a_valid_document(full_document: dict) -> None:
    jsonschema.validate(full_document, load_shipped_schema())


@pytest.mark.parametrize(
    "answers",
    [{"onset": "yesterday"}, {"age_years": 999}, {"pain": {"left": ["hoof"]}}, {"nope": 1}],
)
def test_schema_rejects_what_the_validator_rejects(answers: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(synthetic_document(**answers), load_shipped_schema())
