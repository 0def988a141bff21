"""Questionnaire versions: version 2 is the default for new intakes, version 1 stays loadable and
means what it meant, and each document is checked against the version it names."""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any

import pytest

from intake_app.domain import DocumentInvalid, missing_required, parse_document, unanswered_red_flags
from intake_app.domain.questionnaire import (
    DEFAULT_QUESTIONNAIRE,
    SIDES,
    AnyOf,
    Condition,
    Question,
    Questionnaire,
    load_questionnaire,
)
from intake_app.domain.wording import describe
from tests.conftest import FULL_ANSWERS, synthetic_document
from tests.domain.v2_documents import FULL_ANSWERS_V2, V1, V2, full_v2_document, v2_document


def problems_of(data: Any) -> dict[str, str]:
    with pytest.raises(DocumentInvalid) as excinfo:
        parse_document(data)
    return dict(excinfo.value.problems)


def _condition(c: Condition | AnyOf | None) -> Any:
    if c is None:
        return None
    if isinstance(c, AnyOf):
        return {"any": [_condition(x) for x in c.conditions]}
    return [c.field, sorted(c.values), c.negate, c.answered, c.per_side]


def _meaning(q: Question) -> dict[str, Any]:
    """Everything about a question that gives an answer its meaning (display-only keys left out)."""
    return {
        "id": q.id, "type": q.type, "label": q.label, "part": q.part, "required": q.required,
        "red_flag": q.red_flag, "options": [[o.value, o.label] for o in q.options], "min": q.minimum,
        "max": q.maximum, "max_length": q.max_length, "unit": q.unit, "show_if": _condition(q.show_if),
        "exclusive": list(q.exclusive), "multiline": q.multiline, "counts_as_unanswered": list(q.counts_as_unanswered),
    }


def _fingerprint(q: Questionnaire) -> str:
    meaning = {
        "ref": q.ref,
        "regions": [[r.value, r.label] for r in q.regions],
        "region_groups": {k: list(v) for k, v in q.region_groups.items()},
        "sides": [[s.value, s.label] for s in q.sides],
        "questions": [_meaning(x) for x in q.questions],
    }
    return hashlib.sha256(json.dumps(meaning, sort_keys=True).encode()).hexdigest()


# The meaning of the released version 1 file. Adding display-only keys (short labels, translations)
# leaves this unchanged; changing a field, an option, a label or a condition does not.
V1_FINGERPRINT = "af4e1fedabcc1a74ce5088bd38009f8aa4922242d61720fe00caf29d0f73e59c"


def test_released_version_1_still_means_what_it_meant() -> None:
    assert _fingerprint(load_questionnaire(V1)) == V1_FINGERPRINT


def test_version_2_is_the_default_and_loads() -> None:
    q = load_questionnaire()
    assert DEFAULT_QUESTIONNAIRE == V2 == q.ref
    assert q.version == 2


def test_version_2_keeps_every_field_and_option_of_version_1() -> None:
    v1, v2 = load_questionnaire(V1), load_questionnaire(V2)
    assert v1.regions == v2.regions
    assert v1.region_groups == v2.region_groups
    assert v1.sides == v2.sides
    for old in v1.questions:
        new = v2.question(old.id)
        assert new.part == old.part and new.red_flag == old.red_flag, old.id
        assert (new.minimum, new.maximum, new.unit) == (old.minimum, old.maximum, old.unit), old.id
        # Same option ids in the same order, with the same labels; version 2 may only add options.
        assert [(o.value, o.label) for o in new.options[: len(old.options)]] == [
            (o.value, o.label) for o in old.options
        ], old.id
        if old.id == "weakness_course":
            assert (old.type, new.type) == ("choice", "per_side_choice")  # now one value per side
        else:
            assert new.type == old.type, old.id
    added = {q.id: q.values[len(v1.question(q.id).values):] for q in v2.questions if v1.has_question(q.id)}
    assert {k: v for k, v in added.items() if v} == {"leg_vs_back": ("neither",)}


def test_new_symptom_started_is_printed_not_a_red_flag_question() -> None:
    q = load_questionnaire(V2)
    assert not q.question("new_symptom_started").red_flag
    assert "new_symptom_started" not in q.red_flag_ids
    assert q.red_flag_ids == load_questionnaire(V1).red_flag_ids
    document = parse_document(v2_document())
    assert "new_symptom_started" not in document.answers  # never defaulted to "unknown"
    assert "new_symptom_started" not in unanswered_red_flags(document)


# --- version 1 documents ------------------------------------------------------------------------


def test_a_version_1_document_validates_and_round_trips_exactly(full_document: dict) -> None:
    full_document["answers"]["weakness"] = {"right": "foot_drop", "left": "tiptoe_weak"}
    full_document["answers"]["weakness_course"] = "worsening"
    document = parse_document(full_document)
    assert document.questionnaire == V1
    assert document.answers["weakness_course"] == "worsening"
    assert parse_document(document.to_json()).to_json() == document.to_json() == full_document


def test_a_version_1_document_is_checked_against_version_1() -> None:
    problems = problems_of(synthetic_document(leg_pain_new="yes", weakness_course={"right": "worsening"}))
    assert problems["answers.leg_pain_new"] == "is not a question of this questionnaire"
    assert "not one of" in problems["answers.weakness_course"]
    assert "not one of" in problems_of(synthetic_document(leg_vs_back="neither"))["answers.leg_vs_back"]


def test_version_1_does_not_require_a_weakness_course() -> None:
    document = parse_document(synthetic_document(**{**FULL_ANSWERS, "weakness": {"right": "foot_drop"}}))
    assert missing_required(document) == []


# --- version 2 documents ------------------------------------------------------------------------


def test_a_version_2_document_with_every_new_answer_validates_and_round_trips() -> None:
    data = full_v2_document()
    document = parse_document(data)
    assert document.questionnaire == V2
    assert document.to_json() == data
    assert parse_document(document.to_json()) == document
    assert missing_required(document) == []
    for field in ("leg_pain_new", "neuro_new", "new_symptom_started", "current_medicines", "desk_note",
                  "weakness_other", "back_conditions_other", "interpreter_language"):
        assert document.answers[field] == FULL_ANSWERS_V2[field]


def test_a_version_1_shaped_weakness_course_in_a_version_2_document_is_named() -> None:
    problems = problems_of(v2_document(weakness={"right": "foot_drop"}, weakness_course="worsening"))
    assert problems["answers.weakness_course"] == "must be an object with 'left' and/or 'right'"


@pytest.mark.parametrize(
    ("weakness", "course", "missing"),
    [
        ({}, None, []),
        ({"left": "none", "right": "none"}, None, []),
        ({"right": "foot_drop"}, None, ["weakness_course.right"]),
        ({"right": "foot_drop"}, {"right": "worsening"}, []),
        ({"right": "foot_drop"}, {"left": "worsening"}, ["weakness_course.right"]),
        ({"right": "foot_drop"}, {"right": "n/a"}, ["weakness_course.right"]),
        ({"left": "other", "right": "tiptoe_weak"}, {"right": "new_stable"}, ["weakness_course.left"]),
        ({"left": "other", "right": "tiptoe_weak"}, None, ["weakness_course.left", "weakness_course.right"]),
        ({"left": "leg_gives_way", "right": "none"}, {"left": "longstanding_stable"}, []),
    ],
)
def test_weakness_course_is_required_for_each_side_with_weakness_only(
    weakness: dict, course: dict | None, missing: list[str]
) -> None:
    answers = {**copy.deepcopy(FULL_ANSWERS), "weakness": weakness}
    if course is not None:
        answers["weakness_course"] = course
    assert missing_required(parse_document(v2_document(**answers))) == missing


@pytest.mark.parametrize(
    ("field", "answers", "sides"),
    [
        ("weakness_course", {}, ()),
        ("weakness_course", {"weakness": {"left": "none", "right": "foot_drop"}}, ("right",)),
        ("weakness_course", {"weakness": {"left": "other", "right": "tiptoe_weak"}}, SIDES),
        ("weakness_other", {"weakness": {"left": "other", "right": "tiptoe_weak"}}, ("left",)),
        ("weakness_other", {"weakness": {"right": "foot_drop"}}, ()),
    ],
)
def test_per_side_questions_are_asked_only_for_the_sides_they_concern(
    field: str, answers: dict, sides: tuple[str, ...]
) -> None:
    q = load_questionnaire(V2)
    assert q.shown_sides(q.question(field), answers) == sides
    assert q.is_shown(q.question(field), answers) is bool(sides)


@pytest.mark.parametrize(
    ("field", "answers", "shown"),
    [
        ("leg_pain_new", {}, False),
        ("leg_pain_new", {"pain": {"left": []}}, False),
        ("leg_pain_new", {"pain": {"left": ["calf"]}}, True),
        ("leg_pain_new", {"radiates_to": {"left": "none", "right": "none"}}, False),
        ("leg_pain_new", {"radiates_to": {"right": "thigh"}}, True),
        ("leg_pain_new", {"leg_vs_back": "leg_worse"}, True),
        ("leg_pain_new", {"leg_vs_back": "no_leg_pain"}, False),
        ("neuro_new", {"pain": {"left": ["calf"]}}, False),
        ("neuro_new", {"numbness": {"right": ["sole"]}}, True),
        ("neuro_new", {"tingling": {"left": ["big_toe"]}}, True),
        ("new_symptom_started", {"rf_saddle_numbness": "no", "rf_bladder_change": "longstanding_unchanged"}, False),
        ("new_symptom_started", {"rf_saddle_numbness": "unknown"}, False),
        ("new_symptom_started", {"rf_saddle_numbness": "new"}, True),
        ("new_symptom_started", {"rf_bladder_change": "new"}, True),
        ("new_symptom_started", {"rf_bowel_change": "new"}, True),
        ("new_symptom_started", {"rf_sexual_dysfunction": "new"}, True),
        ("new_symptom_started", {"rf_bilateral_leg_symptoms": "new_or_spreading"}, True),
        ("new_symptom_started", {"rf_bilateral_leg_symptoms": "longstanding"}, False),
        ("back_conditions_other", {"back_conditions": ["herniated_disc"]}, False),
        ("back_conditions_other", {"back_conditions": ["herniated_disc", "other"]}, True),
        ("interpreter_language", {"interpreter_needed": "no"}, False),
        ("interpreter_language", {"interpreter_needed": "yes"}, True),
        ("current_medicines", {}, True),
    ],
)
def test_version_2_questions_show_when_they_apply(field: str, answers: dict, shown: bool) -> None:
    q = load_questionnaire(V2)
    assert q.is_shown(q.question(field), answers) is shown


# --- free text ----------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["current_medicines", "allergies", "desk_note"])
def test_free_text_keeps_line_breaks_and_tabs(field: str) -> None:
    text = "First line\n\tindented second\n\nfourth"
    assert parse_document(v2_document(**{field: text})).answers[field] == text
    assert parse_document(v2_document(**{field: "a\r\nb\rc"})).answers[field] == "a\nb\nc"


@pytest.mark.parametrize("field", ["current_medicines", "allergies", "desk_note", "back_conditions_other",
                                   "interpreter_language"])
@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x0b", "\x0c"])
def test_other_control_characters_are_refused_naming_the_field(field: str, char: str) -> None:
    problems = problems_of(v2_document(**{field: f"text{char}more"}))
    assert f"answers.{field}" in problems
    assert "control character" in problems[f"answers.{field}"]


def test_per_side_text_is_checked_per_side() -> None:
    problems = problems_of(v2_document(weakness={"left": "other"}, weakness_other={"left": "ok", "right": "bad\x00"}))
    assert "control character" in problems["answers.weakness_other.right"]
    assert "answers.weakness_other.left" not in problems
    assert "must be text" in problems_of(v2_document(weakness_other={"left": 3}))["answers.weakness_other.left"]


def test_one_line_text_refuses_line_breaks() -> None:
    problems = problems_of(v2_document(interpreter_language="Portuguese\nSpanish"))
    assert problems["answers.interpreter_language"] == "must be one line (no line breaks)"


def test_free_text_length_and_type_are_checked() -> None:
    assert "at most 2000" in problems_of(v2_document(desk_note="x" * 2001))["answers.desk_note"]
    assert problems_of(v2_document(allergies=["nuts"]))["answers.allergies"] == "must be text"
    assert "allergies" not in parse_document(v2_document(allergies="   ")).answers


def test_new_choices_are_checked_against_their_options() -> None:
    problems = problems_of(
        v2_document(new_symptom_started="last_week", preferred_language="fr", weakness_course={"left": "maybe"})
    )
    assert "not one of within_24h" in problems["answers.new_symptom_started"]
    assert "not one of en, es, other" in problems["answers.preferred_language"]
    assert "not one of" in problems["answers.weakness_course.left"]
    assert parse_document(v2_document(leg_vs_back="neither")).answers["leg_vs_back"] == "neither"


# --- the questionnaire reference ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        ("foot-leg-intake/" + "1" * 5000, "is not a questionnaire reference"),
        ("x" * 5000, "is not a questionnaire reference"),
        ("foot-leg-intake/7", "is not an installed questionnaire"),
        ("../../etc/passwd", "is not a questionnaire reference"),
        ("foot-leg-intake/1/../2", "is not a questionnaire reference"),
        ("FOOT-LEG-INTAKE/1", "is not a questionnaire reference"),
        ("foot-leg-intake/01", "is not a questionnaire reference"),
        (7, "must be text"),
        (["foot-leg-intake/1"], "must be text"),
        (None, "is required"),
        ("", "is required"),
    ],
)
def test_the_questionnaire_reference_is_checked_strictly(ref: Any, words: str) -> None:
    data = synthetic_document()
    data["questionnaire"] = ref
    problems = problems_of(data)
    assert words in problems["questionnaire"]
    assert len(problems["questionnaire"]) < 200
    assert V1 in problems["questionnaire"] and V2 in problems["questionnaire"]


def test_a_document_without_a_questionnaire_reference_is_read_as_version_1_as_before(full_document: dict) -> None:
    del full_document["questionnaire"]
    assert parse_document(full_document).questionnaire == V1
    data = synthetic_document(leg_pain_new="yes")
    del data["questionnaire"]
    assert problems_of(data) == {"answers.leg_pain_new": "is not a question of this questionnaire"}


# --- wording of the new questions ---------------------------------------------------------------


def test_the_new_answers_read_in_plain_words() -> None:
    q = load_questionnaire(V2)
    assert describe(q, "weakness_course", {"right": "worsening"}, side="right") == (
        "Course of the weakness, right leg: Getting worse"
    )
    other = describe(q, "weakness_other", {"left": "Knee buckles"}, side="left")
    assert other == "Other weakness, left leg: Knee buckles"
    assert describe(q, "new_symptom_started", "1_to_3_days").endswith(": 1 to 3 days ago")
    assert describe(q, "leg_vs_back", "neither") == "Worse in leg or back: Neither (the foot only)"
    assert describe(q, "current_medicines", "A\nB") == "Current medicines: A / B"
    assert describe(q, "preferred_language", "es") == "Preferred language: Spanish"


@pytest.mark.parametrize(
    ("condition", "answers", "side", "holds"),
    [
        (Condition("back_conditions", frozenset(), False, answered=True), {"back_conditions": ["none"]}, None, False),
        (Condition("back_conditions", frozenset(), False, answered=True), {"back_conditions": ["other"]}, None, True),
        (Condition("pain", frozenset({"heel"}), False), {"pain": {"right": ["calf", "heel"]}}, None, True),
        (Condition("pain", frozenset({"heel"}), False, per_side=True), {"pain": {"right": ["heel"]}}, "left", False),
        (Condition("pain", frozenset({"heel"}), False, per_side=True), {"pain": {"right": ["heel"]}}, "right", True),
        (Condition("pain", frozenset({"heel"}), False), {"pain": {"right": ["heel"]}}, "left", True),  # either side
        (Condition("weakness", frozenset({"none"}), True), {"weakness": {"left": None, "right": ""}}, None, False),
        (Condition("onset", frozenset({"sudden"}), False), {"onset": 3}, None, False),
    ],
)
def test_conditions_judge_lists_sides_and_odd_values(
    condition: Condition, answers: dict, side: str | None, holds: bool
) -> None:
    assert condition.holds(answers, side) is holds
