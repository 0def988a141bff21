"""Who entered each answer (issue 16, item 1): the optional `entered_by` object of the intake
document (answer field name -> "patient" or "staff"), for both questionnaire versions, in the
document, its JSON Schemas and its validation."""

from __future__ import annotations

import copy
import json
from collections import OrderedDict
from typing import Any

import jsonschema
import pytest

from intake_app.domain import (
    ENTERED_BY_VALUES,
    DocumentInvalid,
    load_questionnaire,
    parse_document,
)
from intake_app.domain.questionnaire import installed_questionnaires
from intake_app.domain.schema import load_shipped_schema
from tests.conftest import synthetic_document
from tests.domain.v2_documents import V1, V2, full_v2_document

VERSIONS = installed_questionnaires()


def v1_document(**extra: Any) -> dict[str, Any]:
    data = synthetic_document(pain={"left": ["heel"]}, onset="gradual", rf_cancer_history="unknown")
    data.update(extra)
    return data


def v2_document(**extra: Any) -> dict[str, Any]:
    data = full_v2_document()
    data.update(extra)
    return data


def sample(ref: str) -> dict[str, Any]:
    return v1_document() if ref == V1 else v2_document()


def who_for(data: dict[str, Any]) -> dict[str, str]:
    """Every answer of the sample marked: the first half by the patient, the rest by staff."""
    keys = list(data["answers"])
    return {key: ("patient" if i < len(keys) // 2 else "staff") for i, key in enumerate(keys)}


def problems_of(data: Any) -> list[tuple[str, str]]:
    with pytest.raises(DocumentInvalid) as excinfo:
        parse_document(data)
    return list(excinfo.value.problems)


def test_both_versions_have_a_sample_with_several_answers_and_a_per_side_one() -> None:
    """Guards the tests below: the samples hold per-side answers, plain ones and red flags."""
    for ref in VERSIONS:
        data = sample(ref)
        assert data["questionnaire"] == ref
        q = load_questionnaire(ref)
        per_side = {question.id for question in q.answer_questions if question.per_side}
        assert per_side & set(data["answers"])
        assert set(data["answers"]) - per_side
        assert set(q.red_flag_ids) & set(data["answers"])


# --- round trips ---------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", VERSIONS)
def test_a_document_without_entered_by_writes_exactly_what_it_wrote_before(ref: str) -> None:
    data = sample(ref)
    document = parse_document(data)
    assert document.entered_by == {}
    written = document.to_json()
    assert "entered_by" not in written
    assert list(written) == ["format", "questionnaire", "patient", "visit_date", "answers"]
    again = parse_document(written).to_json()
    assert json.dumps(again, ensure_ascii=False) == json.dumps(written, ensure_ascii=False)


def test_the_full_fixture_document_is_written_back_as_it_was(full_document: dict[str, Any]) -> None:
    written = parse_document(full_document).to_json()
    assert written == full_document
    assert "entered_by" not in written


@pytest.mark.parametrize("ref", VERSIONS)
def test_entered_by_comes_back_exactly_from_the_document_json(ref: str) -> None:
    data = sample(ref)
    written_once = parse_document(data).to_json()  # red flags filled in as "unknown"
    data = copy.deepcopy(written_once)
    data["entered_by"] = who_for(written_once)
    document = parse_document(data)
    assert dict(document.entered_by) == data["entered_by"]
    assert set(document.entered_by.values()) == set(ENTERED_BY_VALUES)
    written = document.to_json()
    assert written == data
    assert list(written)[-1] == "entered_by"
    assert parse_document(json.loads(json.dumps(written))) == document


@pytest.mark.parametrize("ref", VERSIONS)
def test_a_per_side_answer_has_one_entry_under_its_field_name(ref: str) -> None:
    data = sample(ref)
    data["entered_by"] = {"pain": "patient"}
    assert parse_document(data).entered_by == {"pain": "patient"}
    data["entered_by"] = {"pain_left": "patient"}
    assert problems_of(data) == [("entered_by.pain_left", "is not a question of this questionnaire")]
    data["entered_by"] = {"pain.left": "patient"}  # how patient mode names a page, not an answer
    assert problems_of(data) == [("entered_by.pain.left", "is recorded once for both sides, under pain")]


def test_entries_are_put_in_questionnaire_order() -> None:
    data = v1_document(entered_by=OrderedDict([("rf_cancer_history", "staff"), ("onset", "patient"),
                                               ("pain", "patient")]))
    assert list(parse_document(data).entered_by) == ["pain", "onset", "rf_cancer_history"]


def test_an_empty_entered_by_is_read_as_nobody_recorded_and_left_out() -> None:
    document = parse_document(v1_document(entered_by={}))
    assert document.entered_by == {}
    assert "entered_by" not in document.to_json()


def test_version_2_fields_are_accepted_and_version_1_refuses_them() -> None:
    v2 = v2_document(entered_by={"preferred_language": "patient", "weakness_course": "staff"})
    assert parse_document(v2).entered_by == {"preferred_language": "patient", "weakness_course": "staff"}
    v1 = v1_document(entered_by={"preferred_language": "patient"})
    assert problems_of(v1) == [("entered_by.preferred_language", "is not a question of this questionnaire")]


# --- entries without an answer ------------------------------------------------------------------


def test_an_entry_for_a_field_the_document_does_not_answer_is_dropped() -> None:
    document = parse_document(v1_document(entered_by={"onset": "patient", "trauma": "patient",
                                                      "duration_days": "staff"}))
    assert "trauma" not in document.answers and "duration_days" not in document.answers
    assert document.entered_by == {"onset": "patient"}


def test_a_red_flag_filled_in_as_unknown_was_entered_by_nobody() -> None:
    """A red flag the document leaves out becomes "unknown" (not asked): nobody entered it. One
    answered "unknown" ("I don't know" in patient mode) keeps its entry."""
    document = parse_document(v1_document(entered_by={"rf_saddle_numbness": "patient",
                                                      "rf_cancer_history": "patient"}))
    assert document.answers["rf_saddle_numbness"] == "unknown"
    assert document.answers["rf_cancer_history"] == "unknown"
    assert document.entered_by == {"rf_cancer_history": "patient"}


def test_a_null_answer_has_no_entry() -> None:
    data = v1_document(entered_by={"onset": "patient"})
    data["answers"]["onset"] = None
    assert parse_document(data).entered_by == {}


# --- hostile values: refused, naming the field, nothing returned ----------------------------------


class Weird:
    def __repr__(self) -> str:
        return "Weird()"


HOSTILE_OBJECTS: list[tuple[str, Any]] = [
    ("null", None),
    ("a list", ["pain", "patient"]),
    ("text", "patient"),
    ("a number", 1),
    ("true", True),
]


@pytest.mark.parametrize("ref", VERSIONS)
@pytest.mark.parametrize(("case", "value"), HOSTILE_OBJECTS, ids=[c for c, _ in HOSTILE_OBJECTS])
def test_entered_by_that_is_not_an_object_is_refused(ref: str, case: str, value: Any) -> None:
    assert problems_of(sample(ref) | {"entered_by": value}) == [
        ("entered_by", "must be an object of answer field names to patient, staff")
    ]


HOSTILE_VALUES: list[Any] = ["Patient", "STAFF", "nurse", "", " patient", "patient\x00", None, 1, True, 0.5,
                             ["patient"], {"who": "patient"}, "staff" * 10_000]


@pytest.mark.parametrize("ref", VERSIONS)
@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=[repr(v)[:20] for v in HOSTILE_VALUES])
def test_a_value_other_than_patient_or_staff_is_refused_naming_the_field(ref: str, value: Any) -> None:
    ((where, message),) = problems_of(sample(ref) | {"entered_by": {"pain": value}})
    assert where == "entered_by.pain"
    if isinstance(value, str):
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        assert message == f"{shown} is not one of patient, staff"
    else:
        assert message == "must be one of patient, staff, as text"
    assert len(message) < 100


def test_a_huge_list_as_a_value_is_not_repeated_back() -> None:
    ((where, message),) = problems_of(v1_document(entered_by={"pain": ["patient"] * 1_000_000}))
    assert (where, message) == ("entered_by.pain", "must be one of patient, staff, as text")


@pytest.mark.parametrize("ref", VERSIONS)
@pytest.mark.parametrize("key", ["nope", "family_name", "visit_date", "answers", "Pain"])
def test_a_field_name_the_questionnaire_does_not_answer_is_refused(ref: str, key: str) -> None:
    assert problems_of(sample(ref) | {"entered_by": {key: "patient"}}) == [
        (f"entered_by.{key}", "is not a question of this questionnaire")
    ]


@pytest.mark.parametrize("key", [1, None, ("pain",), Weird(), True], ids=["int", "None", "tuple", "object", "true"])
def test_a_key_that_is_not_text_is_refused_without_showing_it(key: Any) -> None:
    assert problems_of(v1_document(entered_by={key: "patient"})) == [
        ("entered_by", "holds a name that is not text; names are the questionnaire's field names")
    ]


@pytest.mark.parametrize(
    "key",
    ["", "pain\x00", "pain\n", "a" * 1_000_000, "../../etc", "pain left", "ñame", "\ud83d"],
    ids=["empty", "nul", "newline", "huge", "path", "space", "accent", "lone surrogate"],
)
def test_a_key_that_is_no_field_name_is_refused_quoted_and_cut_short(key: Any) -> None:
    ((where, message),) = problems_of(v1_document(entered_by={key: "patient"}))
    assert where == "entered_by"
    assert message.endswith("is not a field name of this questionnaire")
    assert len(message) < 100
    assert "\x00" not in message and "\n" not in message


def test_a_huge_entered_by_is_refused_in_one_message() -> None:
    huge = {f"field_{i}": "patient" for i in range(100_000)}
    assert problems_of(v1_document(entered_by=huge)) == [
        ("entered_by", f"holds 100000 entries; this questionnaire has only "
                       f"{len(load_questionnaire(V1).answer_questions)} questions")
    ]


def test_every_bad_entry_is_named_together_with_other_problems() -> None:
    data = v1_document(entered_by={"pain": "nurse", "nope": "staff", "onset": "patient"})
    data["answers"]["onset"] = "yesterday"
    problems = dict(problems_of(data))
    assert set(problems) == {"entered_by.pain", "entered_by.nope", "answers.onset"}


# --- the JSON Schemas -----------------------------------------------------------------------------


@pytest.mark.parametrize("ref", VERSIONS)
def test_each_schema_accepts_entered_by(ref: str) -> None:
    data = parse_document(sample(ref)).to_json()
    data["entered_by"] = who_for(data)
    jsonschema.validate(data, load_shipped_schema(ref))
    data["entered_by"] = {}
    jsonschema.validate(data, load_shipped_schema(ref))


@pytest.mark.parametrize("ref", VERSIONS)
@pytest.mark.parametrize(
    "entered_by",
    [None, ["pain"], "patient", {"pain": "nurse"}, {"pain": None}, {"nope": "patient"}, {"pain.left": "staff"},
     {"family_name": "staff"}],
)
def test_each_schema_refuses_what_the_validator_refuses(ref: str, entered_by: Any) -> None:
    data = sample(ref) | {"entered_by": entered_by}
    with pytest.raises(DocumentInvalid):
        parse_document(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_shipped_schema(ref))


def test_only_version_2_schema_knows_version_2_fields() -> None:
    v2 = v2_document(entered_by={"preferred_language": "patient"})
    jsonschema.validate(v2, load_shipped_schema(V2))
    v1 = v1_document(entered_by={"preferred_language": "patient"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(v1, load_shipped_schema(V1))


# --- with_answers ---------------------------------------------------------------------------------


def test_with_answers_keeps_an_entry_only_while_its_answer_is_unchanged() -> None:
    document = parse_document(v1_document(entered_by={"pain": "patient", "onset": "patient"}))
    answers = dict(document.answers)
    answers["onset"] = "sudden"  # changed by someone with_answers does not know
    changed = document.with_answers(answers)
    assert changed.entered_by == {"pain": "patient"}
    del answers["pain"]
    assert document.with_answers(answers).entered_by == {}
    told = document.with_answers(answers, entered_by={"onset": "staff"})
    assert told.entered_by == {"onset": "staff"}
    assert document.entered_by == {"pain": "patient", "onset": "patient"}  # the original is unchanged


def test_with_answers_by_staff_marks_what_the_desk_changed_and_keeps_the_patients_other_answers() -> None:
    document = parse_document(v1_document(entered_by={"pain": "patient", "onset": "patient"}))
    answers = dict(document.answers)
    answers["onset"] = "sudden"  # the desk corrects one answer
    answers["trauma"] = "none"  # and adds one
    del answers["pain"]  # and clears one
    edited = document.with_answers(answers, by="staff")
    assert edited.entered_by == {"onset": "staff", "trauma": "staff"}
    unchanged = document.with_answers(dict(document.answers), by="staff")
    assert unchanged.entered_by == document.entered_by
    reparsed = parse_document(edited.to_json())
    assert reparsed.entered_by == {"onset": "staff", "trauma": "staff"}


@pytest.mark.parametrize("kwargs", [{"by": "nurse"}, {"by": "staff", "entered_by": {}}])
def test_with_answers_refuses_a_wrong_call(kwargs: dict[str, Any]) -> None:
    document = parse_document(v1_document())
    with pytest.raises(ValueError):
        document.with_answers(document.answers, **kwargs)
