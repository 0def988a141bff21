"""Plain words for people: every question and answer reads in the questionnaire's wording, never as
a field key or a value code."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_app.domain.questionnaire import SIDES, Question, Questionnaire, installed_questionnaires, load_questionnaire
from intake_app.domain.wording import (
    answer_text,
    describe,
    describe_because,
    question_text,
    readable,
)

REFS = installed_questionnaires()
CODE = re.compile(r"[a-z]+_[a-z_]+")
ASSIGNMENT = re.compile(r"\w+\.\w+ *=")


def assert_plain(text: str) -> None:
    assert text.strip(), "empty wording"
    assert not CODE.search(text), f"a field key or value code in {text!r}"
    assert not ASSIGNMENT.search(text), f"a 'field = value' form in {text!r}"
    assert "{" not in text and "}" not in text, f"an unfilled placeholder in {text!r}"


def test_both_questionnaire_versions_are_installed() -> None:
    assert {"foot-leg-intake/1", "foot-leg-intake/2"} <= set(REFS)


def sample_values(q: Questionnaire, question: Question) -> list[Any]:
    if question.type in ("choice", "sex"):
        return list(question.values)
    if question.type == "multi":
        return [[v] for v in question.values] + [list(question.values)]
    if question.type == "per_side_choice":
        return [{side: v} for v in question.values for side in SIDES]
    if question.type == "per_side_regions":
        return [{side: [r]} for r in q.region_ids for side in SIDES] + [{"left": list(q.region_ids)}]
    if question.type == "integer":
        assert question.minimum is not None and question.maximum is not None
        return [question.minimum, 1, question.maximum]
    if question.type == "date":
        return ["2026-01-02"]
    return ["Some text", "Two\nlines"]


@pytest.mark.parametrize("ref", REFS)
def test_every_question_and_option_reads_in_plain_words(ref: str) -> None:
    q = load_questionnaire(ref)
    for question in q.questions:
        assert_plain(question_text(q, question.id))
        assert_plain(question_text(q, question.id, short=True))
        for value in sample_values(q, question):
            for audience in ("desk", "patient"):
                assert_plain(answer_text(q, question.id, value, audience=audience))
                assert_plain(describe(q, question.id, value, audience=audience))
                if question.per_side:
                    for side in SIDES:
                        line = describe(q, question.id, value, side=side, audience=audience)
                        assert_plain(line)
                        assert side in line
            assert_plain(describe(q, question.id, None))
        for line in describe_because(q, {question.id: sample_values(q, question)[0]}):
            assert_plain(line)


@pytest.mark.parametrize("ref", REFS)
def test_a_per_side_label_reads_well_with_and_without_its_side(ref: str) -> None:
    q = load_questionnaire(ref)
    for question in q.questions:
        if not question.per_side and question.id != "weakness_course":
            continue
        without = question_text(q, question.id, short=True)
        assert "  " not in without and ", leg" not in without and not without.endswith(","), without
        for side in SIDES:
            line = describe(q, question.id, {side: None}, side=side)
            assert f"{side} leg" in line and line.count(side) == 1, line


@pytest.mark.parametrize("ref", REFS)
def test_every_option_label_is_what_the_answer_reads(ref: str) -> None:
    q = load_questionnaire(ref)
    for question in q.questions:
        for option in question.options:
            if option.value == "unknown":
                continue
            assert answer_text(q, question.id, option.value) == (option.short or option.label)


@pytest.mark.parametrize("ref", REFS)
def test_unknown_reads_not_asked_at_the_desk_and_i_dont_know_for_the_patient(ref: str) -> None:
    q = load_questionnaire(ref)
    assert q.red_flag_ids
    for field in q.red_flag_ids:
        assert answer_text(q, field, "unknown") == "not asked"
        assert answer_text(q, field, "unknown", audience="patient") == "I don't know"
        assert describe(q, field, "unknown").endswith(": not asked")
        assert answer_text(q, field, "unknown") != answer_text(q, field, "no")


def test_a_dont_know_choice_outside_the_safety_questions_reads_its_own_label() -> None:
    q = load_questionnaire("foot-leg-intake/1")
    assert answer_text(q, "diabetes", "unknown") == "Don't know"
    assert answer_text(q, "diabetes", "unknown", audience="patient") == "I don't know"


def test_the_examples_of_the_specification() -> None:
    for ref in REFS:
        q = load_questionnaire(ref)
        assert describe(q, "rf_saddle_numbness", "new") == "Numbness around the back passage: Yes, new"
        assert describe(q, "radiates_to", "foot", side="right") == "Pain travels down the right leg as far as: the foot"
        assert describe(q, "numbness", ["heel", "sole"], side="right") == "Numbness, right leg: heel, sole"
        assert answer_text(q, "pain", {"left": ["heel", "arch"]}, side="left") == "heel, arch"


@pytest.mark.parametrize("ref", REFS)
def test_no_answer_reads_not_answered(ref: str) -> None:
    q = load_questionnaire(ref)
    for value in (None, "", [], {}):
        assert answer_text(q, "onset", value) == "not answered"
    assert answer_text(q, "pain", {"right": ["heel"]}, side="left") == "none marked"
    assert answer_text(q, "weakness", {"right": "foot_drop"}, side="left") == "No weakness"


def test_numbers_carry_their_unit() -> None:
    q = load_questionnaire()
    assert answer_text(q, "duration_days", 21) == "21 days"
    assert answer_text(q, "duration_days", 1) == "1 day"
    assert answer_text(q, "age_years", 46) == "46 years"
    assert answer_text(q, "pain_score_0_10", 7) == "7 out of 10"
    assert answer_text(q, "back_surgery_months_ago", 5) == "5 months"


def test_lists_are_joined_in_words() -> None:
    q = load_questionnaire()
    worse = answer_text(q, "worse_with", ["sitting", "cough_sneeze_strain"])
    assert worse == "Sitting; Coughing, sneezing or straining"
    both = answer_text(q, "pain", {"left": ["heel"], "right": ["calf", "whole_foot"]})
    assert both == "Left: heel; Right: calf, whole foot"


def test_because_gives_one_line_per_key_and_per_side() -> None:
    q = load_questionnaire()
    lines = describe_because(
        q,
        {
            "rf_saddle_numbness": "new",
            "weakness": {"left": "foot_drop", "right": "tiptoe_weak"},
            "numbness.right": ["heel"],
            "duration_days": 200,
        },
    )
    assert lines == [
        "Numbness around the back passage: Yes, new",
        "Weakness, left leg: Foot slaps or catches (foot drop)",
        "Weakness, right leg: Cannot rise on tiptoe",
        "Numbness, right leg: heel",
        "Time since it started: 200 days",
    ]


@pytest.mark.parametrize(
    "because",
    [
        {"made_up_field": "made_up_value"},
        {"BACK_PAIN": True},
        {"derived.NEW_LEG_PAIN": "unknown"},
        {"weakness_course.right": "some_new_code"},
        {"weakness.middle": "foot_drop"},
        {"leg_vs_back": "not_a_listed_value"},
        {"pain": {"left": ["hoof_area"], "right": "weird_code"}},
        {"rf_bladder_change": ["list_of", "odd_values"]},
        {"back_conditions": {"nested_key": {"deeper_key": [1, None, True]}}},
        {"age_years": "forty_six"},
        {"x": None},
    ],
)
def test_unknown_fields_and_values_never_raise_and_never_print_codes(because: dict[str, Any]) -> None:
    for ref in REFS:
        lines = describe_because(load_questionnaire(ref), because)
        assert lines
        for line in lines:
            assert_plain(line)


def test_an_unknown_field_reads_in_words() -> None:
    q = load_questionnaire()
    assert question_text(q, "made_up_field") == "Made up field"
    assert readable("BACK_PAIN") == "back pain"
    assert readable("n/a") == "not applicable"


def test_free_text_stays_one_line_in_describe_and_whole_in_answer_text() -> None:
    q = load_questionnaire()
    assert answer_text(q, "family_name", "  Smith ") == "Smith"
    line = describe(q, "family_name", "One\n\tTwo")
    assert "\n" not in line and "One / Two" in line


def test_because_for_the_patient_says_i_dont_know() -> None:
    q = load_questionnaire()
    assert describe_because(q, {"rf_cancer_history": "unknown"}, audience="patient") == [
        "Cancer ever: I don't know"
    ]
    assert describe_because(q, {"rf_cancer_history": "unknown"}) == ["Cancer ever: not asked"]


_CODES = st.from_regex(r"[a-z]{1,6}(_[a-z0-9]{1,6}){0,3}", fullmatch=True)
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 500) | st.floats(allow_nan=False) | _CODES | st.just("unknown"),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["left", "right"]) | _CODES, inner, max_size=3)
    | st.frozensets(_CODES, max_size=2),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_because_never_raises_and_never_prints_a_code(data: st.DataObject) -> None:
    ref = data.draw(st.sampled_from(REFS))
    q = load_questionnaire(ref)
    fields = [x.id for x in q.questions if x.type not in ("text", "per_side_text")]
    field = data.draw(st.sampled_from(fields) | _CODES)
    key = field + data.draw(st.sampled_from(["", ".left", ".right", ".middle"]))
    value = data.draw(_VALUES)
    audience = data.draw(st.sampled_from(["desk", "patient"]))
    for line in describe_because(q, {key: value}, audience=audience):
        assert line.strip()
        assert not CODE.search(line), line
        assert not ASSIGNMENT.search(line), line
        assert "frozenset" not in line, line


def test_free_text_is_the_persons_own_words_even_unknown() -> None:
    q = load_questionnaire()
    assert answer_text(q, "allergies", "unknown") == "unknown"
    assert answer_text(q, "weakness_other", {"left": " unknown "}, side="left") == "unknown"
    assert answer_text(q, "sex", "unknown") == answer_text(q, "sex", "unknown", audience="patient") == "Not stated"
