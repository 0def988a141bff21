"""Validating intake documents: every kind of bad input gets a message naming the field."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from intake_app.domain import DocumentInvalid, parse_document
from tests.conftest import FULL_ANSWERS, synthetic_document


def problems_of(data: Any) -> dict[str, str]:
    with pytest.raises(DocumentInvalid) as excinfo:
        parse_document(data)
    return dict(excinfo.value.problems)


def test_a_complete_document_round_trips_unchanged(full_document: dict) -> None:
    assert parse_document(full_document).to_json() == full_document


def test_unanswered_red_flags_become_unknown_never_no() -> None:
    document = parse_document(synthetic_document())
    for field in ("rf_saddle_numbness", "rf_bladder_change", "rf_cancer_history", "rf_osteoporosis_or_steroids"):
        assert document.answers[field] == "unknown"
    assert "no" not in {v for k, v in document.answers.items() if k.startswith("rf_")}


def test_null_red_flag_is_unknown_and_other_nulls_are_left_out() -> None:
    document = parse_document(synthetic_document(rf_bowel_change=None, onset=None))
    assert document.answers["rf_bowel_change"] == "unknown"
    assert "onset" not in document.answers


def test_a_draft_with_few_answers_is_valid() -> None:
    document = parse_document(synthetic_document(pain={"left": ["heel"]}))
    assert document.answers["pain"] == {"left": ["heel"]}


def test_per_side_lists_are_put_in_vocabulary_order_without_repeats() -> None:
    document = parse_document(synthetic_document(pain={"right": ["heel", "calf", "heel"]}))
    assert document.answers["pain"] == {"right": ["calf", "heel"]}


@pytest.mark.parametrize(
    ("answers", "field", "words"),
    [
        ({"age_years": 999}, "answers.age_years", "outside 0-120"),
        ({"age_years": "forty"}, "answers.age_years", "not a whole number"),
        ({"age_years": True}, "answers.age_years", "not a whole number"),
        ({"pain_score_0_10": 11}, "answers.pain_score_0_10", "outside 0-10"),
        ({"onset": "yesterday"}, "answers.onset", "not one of sudden, gradual, after_injury"),
        ({"rf_saddle_numbness": "maybe"}, "answers.rf_saddle_numbness", "not one of new, no, unknown"),
        ({"worse_with": "sitting"}, "answers.worse_with", "must be a list"),
        ({"worse_with": ["dancing"]}, "answers.worse_with", "'dancing' is not one of"),
        ({"back_conditions": ["none", "herniated_disc"]}, "answers.back_conditions", "cannot be combined"),
        ({"pain": ["heel"]}, "answers.pain", "must be an object"),
        ({"pain": {"left": ["hoof"]}}, "answers.pain.left", "'hoof' is not a known region"),
        ({"pain": {"middle": ["heel"]}}, "answers.pain.middle", "not a side"),
        ({"radiates_to": {"right": "moon"}}, "answers.radiates_to.right", "not one of"),
        ({"favourite_colour": "blue"}, "answers.favourite_colour", "not a question"),
    ],
)
def test_bad_answers_are_named(answers: dict, field: str, words: str) -> None:
    problems = problems_of(synthetic_document(**answers))
    assert field in problems
    assert words in problems[field]


def test_every_problem_is_reported_at_once() -> None:
    problems = problems_of(synthetic_document(age_years=999, onset="x", trauma="y"))
    assert {"answers.age_years", "answers.onset", "answers.trauma"} <= set(problems)


def test_unknown_top_level_and_patient_fields_are_named() -> None:
    data = synthetic_document()
    data["colour"] = "red"
    data["patient"]["nickname"] = "Al"
    problems = problems_of(data)
    assert problems["colour"] == "is not a known document field"
    assert problems["patient.nickname"] == "is not a known patient field"


def test_wrong_format_and_wrong_types() -> None:
    data = synthetic_document()
    data["format"] = "intake-document/9"
    data["patient"]["family_name"] = 42
    data["answers"] = ["not", "an", "object"]
    problems = problems_of(data)
    assert "format" in problems
    assert problems["patient.family_name"] == "must be text"
    assert problems["answers"].startswith("must be an object")


def test_a_document_that_is_not_an_object() -> None:
    assert problems_of([1, 2, 3]) == {"(document)": "must be a JSON object"}


def test_unknown_questionnaire_is_named() -> None:
    data = synthetic_document()
    data["questionnaire"] = "foot-leg-intake/7"
    assert "questionnaire" in problems_of(data)


def test_visit_date_in_the_future_is_refused() -> None:
    data = synthetic_document()
    data["visit_date"] = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    assert "is in the future" in problems_of(data)["visit_date"]


@pytest.mark.parametrize("value", ["2026-02-30", "20-01-2026", "yesterday", "2026-1-5", 20260105])
def test_dates_must_be_real_iso_dates(value: Any) -> None:
    data = synthetic_document()
    data["patient"]["date_of_birth"] = value
    assert "is not a real date" in problems_of(data)["patient.date_of_birth"]


def test_date_of_birth_after_the_visit_is_refused() -> None:
    data = synthetic_document()
    data["patient"]["date_of_birth"] = data["visit_date"]
    data["visit_date"] = (dt.date.fromisoformat(data["visit_date"]) - dt.timedelta(days=2)).isoformat()
    data["answers"] = {}
    assert problems_of(data)["patient.date_of_birth"] == "is after the visit date"


def test_age_that_contradicts_the_date_of_birth_is_refused() -> None:
    assert "does not match the date of birth" in problems_of(synthetic_document(age_years=80))["answers.age_years"]


def test_a_ten_thousand_character_name_is_refused() -> None:
    data = synthetic_document()
    data["patient"]["family_name"] = "x" * 10_000
    assert "10000 characters long; at most 100" in problems_of(data)["patient.family_name"]


def test_required_patient_fields() -> None:
    data = synthetic_document()
    data["patient"]["given_name"] = "   "
    del data["patient"]["date_of_birth"]
    problems = problems_of(data)
    assert problems["patient.given_name"] == "is required"
    assert problems["patient.date_of_birth"] == "is required"


@pytest.mark.parametrize(
    ("family", "given"),
    [
        ("Кузнецова", "Анна"),  # Cyrillic
        ("Παπαδόπουλος", "Ελένη"),  # Greek
        ("Nguyễn", "Thị Minh Khai"),  # Vietnamese
        ("王", "秀英"),  # Chinese
        ("الحسيني", "مريم"),  # Arabic, right-to-left
        ("O'Brien-Smith 🦶", "Zoë 😀"),  # punctuation and emoji
    ],
)
def test_names_in_any_script_are_kept_exactly(family: str, given: str) -> None:
    data = synthetic_document()
    data["patient"]["family_name"] = family
    data["patient"]["given_name"] = given
    patient = parse_document(data).patient
    assert (patient.family_name, patient.given_name) == (family, given)


def test_control_characters_are_stripped_from_names() -> None:
    data = synthetic_document()
    data["patient"]["family_name"] = "Test\x00person\x1b"
    assert parse_document(data).patient.family_name == "Testperson"


def test_full_answers_fixture_is_valid_and_complete() -> None:
    from intake_app.domain import missing_required, unanswered_red_flags

    document = parse_document(synthetic_document(**copy.deepcopy(FULL_ANSWERS)))
    assert missing_required(document) == []
    assert unanswered_red_flags(document) == []
