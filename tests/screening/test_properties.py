"""Properties that hold for every valid document, complete or draft (hypothesis)."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from intake_app.domain import IntakeDocument
from intake_app.screening import Assessment, assess
from intake_app.screening.model import GROUP_ORDER, LEVELS
from intake_app.screening.text import format_text
from tests.screening.strategies import (
    PER_SIDE_FIELDS,
    POSITIVE_RED_FLAG_VALUES,
    RED_FLAGS,
    V2,
    documents,
    parse,
    raw_documents,
    v1_documents,
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Answers that meet an R rule on their own, whatever else the document says, with the tier they give.
RED_FLAG_INJECTIONS: tuple[tuple[dict[str, Any], str | None], ...] = (
    ({"rf_saddle_numbness": "new", "back_pain": "moderate"}, "E"),
    ({"rf_bladder_change": "new", "back_pain": "mild"}, "E"),
    ({"rf_bilateral_leg_symptoms": "new_or_spreading"}, "E"),
    ({"weakness": {"right": "foot_drop"}, "weakness_course": "worsening"}, "E"),  # per side in version 2
    ({"back_pain": "severe", "rf_fever_or_unwell": "yes"}, "E"),
    ({"back_pain": "mild", "back_pain_new": "yes", "rf_infection_risk": "yes"}, None),
    ({"back_pain": "mild", "back_pain_new": "yes", "rf_cancer_history": "yes"}, None),
    ({"back_pain": "moderate", "rf_weight_loss_unexplained": "yes"}, None),
    ({"trauma": "major_fall_or_collision", "back_pain": "moderate"}, None),
)


def level_rank(assessment: Assessment) -> tuple[int, int]:
    """Lower is more serious: the level, then the tier (E before P)."""
    return LEVELS.index(assessment.level), {"E": 0, "P": 1, None: 2}[assessment.tier]


def with_answers(document: IntakeDocument, changes: Mapping[str, Any]) -> IntakeDocument:
    """The document with some answers replaced (per-side answers merged side by side), re-validated.

    A single weakness course (the version 1 shape) becomes that course on the right leg in version 2.
    """
    raw = document.to_json()
    if raw["questionnaire"] == V2 and isinstance(changes.get("weakness_course"), str):
        changes = {**changes, "weakness_course": {"right": changes["weakness_course"]}}
    for key, value in changes.items():
        if isinstance(value, Mapping) and isinstance(raw["answers"].get(key), Mapping):
            raw["answers"][key] = {**raw["answers"][key], **value}
        else:
            raw["answers"][key] = copy.deepcopy(value)
    return parse(raw)


def swapped(document: IntakeDocument) -> IntakeDocument:
    raw = document.to_json()
    for name in PER_SIDE_FIELDS:
        value = raw["answers"].get(name)
        if isinstance(value, Mapping):
            raw["answers"][name] = {{"left": "right", "right": "left"}[side]: v for side, v in value.items()}
    return parse(raw)


@SETTINGS
@given(documents)
def test_assessment_is_deterministic(document: IntakeDocument) -> None:
    first = assess(document)
    assert assess(document) == first
    assert assess(parse(document.to_json())).to_json() == first.to_json()


@SETTINGS
@given(documents, st.sampled_from(RED_FLAG_INJECTIONS))
def test_any_R_rule_gives_urgent_whatever_else_is_present(document: IntakeDocument,
                                                          injection: tuple[dict[str, Any], str | None]) -> None:
    changes, tier = injection
    a = assess(with_answers(document, changes))
    assert a.level == "urgent" and a.spinal_flag
    assert a.red_flags
    if tier is not None:
        assert a.tier == tier


@SETTINGS
@given(documents)
def test_urgent_exactly_when_a_red_flag_rule_fired(document: IntakeDocument) -> None:
    a = assess(document)
    assert (a.level == "urgent") == bool(a.red_flags)
    assert (a.tier is not None) == (a.level == "urgent")
    assert a.tier != "P" or all("tier E" not in r.text for r in a.reasons)


@SETTINGS
@given(documents, st.sampled_from(RED_FLAGS), st.data())
def test_adding_a_red_flag_never_lowers_the_level(document: IntakeDocument, question: str, data: st.DataObject) -> None:
    assume(document.answers.get(question) in ("no", "unknown"))  # adding, not changing a positive answer
    value = data.draw(st.sampled_from(POSITIVE_RED_FLAG_VALUES[question]))
    before = assess(document)
    after = assess(with_answers(document, {question: value}))
    assert level_rank(after) <= level_rank(before)


@SETTINGS
@given(documents)
def test_swapping_left_and_right_never_changes_the_level(document: IntakeDocument) -> None:
    a, b = assess(document), assess(swapped(document))
    assert (a.level, a.tier, a.spinal_flag) == (b.level, b.tier, b.spinal_flag)


@SETTINGS
@given(documents, st.sampled_from(RED_FLAGS))
def test_an_unknown_red_flag_answer_always_yields_Q1(document: IntakeDocument, question: str) -> None:
    a = assess(with_answers(document, {question: "unknown"}))
    q1 = [r for r in a.reasons if r.rule == "Q1"]
    assert q1 and q1[0].group == "gap"
    assert q1[0].because.get(question) == "unknown"
    assert not a.red_flag_screen_complete


@SETTINGS
@given(documents)
def test_Q1_only_when_a_red_flag_question_is_unknown(document: IntakeDocument) -> None:
    unknown = [rf for rf in RED_FLAGS if document.answers.get(rf) == "unknown"]
    assert bool(unknown) == any(r.rule == "Q1" for r in assess(document).reasons)


def says_no_red_flags(a: Assessment, document: IntakeDocument) -> bool:
    """Whether any output (recommendation, reason texts and answers, text rendering) says "no red flags"."""
    return "no red flags" in format_text(a, document).lower() or "no red flags" in repr(a.to_json()).lower()


@SETTINGS
@given(documents)
def test_nothing_says_no_red_flags_unless_D0_allows_it(document: IntakeDocument) -> None:
    a = assess(document)
    all_no = all(document.answers.get(rf) == "no" for rf in RED_FLAGS)
    unmet = any(r.rule.endswith(".unmet") for r in a.reasons)
    conflict = any(r.rule == "Q4" for r in a.reasons)
    safety_line = a.recommendation.startswith("Safety answer(s)") or "Safety answer(s)" in a.recommendation
    allowed = all_no and not a.red_flags and not unmet and not conflict and not safety_line
    if says_no_red_flags(a, document):
        assert allowed
    if allowed:
        assert says_no_red_flags(a, document)  # the clinician is told when the screen is clear


POSITIVE = ("yes", "new", "new_or_spreading", "major_fall_or_collision")


def positive_unmet(a: Assessment) -> bool:
    """A red-flag answer that is positive (b0) but listed as not meeting its rule."""
    for r in a.reasons:
        if r.rule[:1] == "R" and r.rule.endswith(".unmet"):
            values = {k: v for k, v in r.because.items() if k.startswith(("rf_", "trauma", "weakness_course"))}
            if any(v in POSITIVE or v in ("new_stable", "worsening") for v in values.values()):
                return True
    return False


def weakness_without_course(document: IntakeDocument) -> bool:
    weak = document.answers.get("weakness", {})
    course = document.answers.get("weakness_course")
    for side, value in weak.items():
        if value == "none":
            continue
        given = course.get(side) if isinstance(course, Mapping) else course
        if given in (None, "n/a"):
            return True
    return False


@SETTINGS
@given(documents)
def test_an_open_safety_answer_leads_the_recommendation(document: IntakeDocument) -> None:
    a = assess(document)
    lead = "Safety answer(s) to check before the patient leaves:"
    if (positive_unmet(a) or any(document.answers.get(rf) == "unknown" for rf in RED_FLAGS)
            or any(r.rule == "Q4" for r in a.reasons) or weakness_without_course(document)):
        if a.level == "urgent":
            first, _, rest = a.recommendation.partition(". ")
            assert first.startswith("URGENT") and rest.startswith(lead)
        else:
            assert a.recommendation.startswith(lead)
    else:
        assert lead not in a.recommendation
    if a.level == "not_indicated" and "no spinal pattern" in a.recommendation.lower():
        assert a.recommendation.lower().index("no spinal pattern") == 0 or a.recommendation.startswith(lead)


FIELD_KEY = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b|\b\w+=\w")
RULE_ID = re.compile(r"\b[RDNQA]\d\b|\bP[1-6]\b|\.(?:unmet|no|absent|note)\b")


@SETTINGS
@given(documents)
def test_what_people_read_has_no_field_keys_value_codes_or_rule_ids(document: IntakeDocument) -> None:
    a = assess(document)
    for text in (a.recommendation, *(r.text for r in a.reasons), *(line for r in a.reasons for line in r.answers)):
        assert not FIELD_KEY.search(text), text
        assert not RULE_ID.search(text), text


def as_version_2(document: IntakeDocument, duration: int) -> tuple[IntakeDocument, IntakeDocument]:
    """A version 1 document with duration_days <= 90, and the same answers as a version 2 document."""
    raw = document.to_json()
    raw["answers"]["duration_days"] = duration
    v1 = parse(raw)
    v2 = copy.deepcopy(raw)
    v2["questionnaire"] = V2
    course = v2["answers"].pop("weakness_course", None)
    weak = v2["answers"].get("weakness", {})
    sides = {side: course for side, value in weak.items() if value != "none"} if course is not None else {}
    if sides:
        v2["answers"]["weakness_course"] = sides
    return v1, parse(v2)


@SETTINGS
@given(v1_documents, st.integers(0, 90))
def test_a_version_1_document_and_the_same_answers_in_version_2_give_the_same_level(
        document: IntakeDocument, duration: int) -> None:
    v1, v2 = as_version_2(document, duration)
    a, b = assess(v1), assess(v2)
    assert (a.level, a.tier, a.spinal_flag) == (b.level, b.tier, b.spinal_flag)


def _answer_present(answers: Mapping[str, Any], key: str, value: Any) -> bool:
    name, _, side = key.partition(".")
    if name not in answers:
        return False
    given = answers[name]
    if side:
        if not isinstance(given, Mapping) or side not in given:
            return False
        given = given[side]
    if isinstance(value, list):
        return isinstance(given, list) and bool(value) and set(value) <= set(given)
    return bool(value == given)


@SETTINGS
@given(documents)
def test_every_because_names_only_answers_present_in_the_document(document: IntakeDocument) -> None:
    for reason in assess(document).reasons:
        for key, value in reason.because.items():
            assert _answer_present(document.answers, key, value), (reason.rule, key, value)


@SETTINGS
@given(documents)
def test_output_is_well_formed(document: IntakeDocument) -> None:
    a = assess(document)
    order = [GROUP_ORDER.index(r.group) for r in a.reasons]
    assert order == sorted(order)
    assert a.spinal_flag == (a.level != "not_indicated")
    assert a.recommendation and "clinician" in a.recommendation
    deciding = {r.rule for r in a.reasons if r.rule in ("D3", "D4", "D5", "D6", "D7")}
    assert len(deciding) == (0 if a.level == "urgent" else 1)
    for reason in a.reasons:
        assert reason.text and reason.base_rule
    assert [r.rule for r in a.in_group("alert")] == [r for r in ("N1", "N2", "N3", "N4")
                                                      if any(x.rule == r for x in a.reasons)]


@SETTINGS
@given(raw_documents())
def test_drafts_never_raise(raw: dict[str, Any]) -> None:
    raw["answers"] = {k: v for i, (k, v) in enumerate(raw["answers"].items()) if i % 2 == 0}
    document = parse(raw)
    assert assess(document).level in LEVELS
