"""The examples of issue 9, each a worked case of a (v2) rule of clinical-logic.md, named by its rule.

Each failed on the 2026.11-1 engine (a reassuring or softened result while a safety answer was open).
"""

from __future__ import annotations

from typing import Any

import pytest

from intake_app.screening import Assessment, assess
from intake_app.screening.text import format_text
from tests.screening.builders import CORE_RIGHT, fired, make_document, reason, rules_of, screen, screen_v2

SAFETY_LINE = "Safety answer(s) to check before the patient leaves:"


def everything_said(a: Assessment, answers: dict[str, Any], **kw: Any) -> str:
    document = make_document(answers, **kw)
    return " ".join([a.recommendation, *(r.text for r in a.reasons), format_text(assess(document), document)]).lower()


@pytest.mark.parametrize("version", [1, 2])
def test_R1_new_saddle_numbness_with_a_new_bladder_change_and_no_pain_is_urgent_E(version: int) -> None:
    answers: dict[str, Any] = {"back_pain": "none", "pain": {}, "rf_saddle_numbness": "new", "rf_bladder_change": "new"}
    a = screen_v2({**answers, "leg_vs_back": "neither"}) if version == 2 else screen(answers)
    assert (a.level, a.tier) == ("urgent", "E")
    assert reason(a, "R1").because == {"rf_saddle_numbness": "new"}
    # The bladder change met no rule of its own (no back or leg symptom): listed and put first (D8).
    assert reason(a, "R1.unmet").because["rf_bladder_change"] == "new"
    assert a.recommendation.startswith("URGENT - SAME-DAY EMERGENCY ASSESSMENT.")
    assert SAFETY_LINE in a.recommendation
    assert "no spinal pattern" not in a.recommendation.lower()


def test_R3_back_pain_implied_by_leg_vs_back_fires_the_infection_rule_and_Q4_names_the_conflict() -> None:
    a = screen({"back_pain": "none", "leg_vs_back": "back_worse", "rf_fever_or_unwell": "yes",
                "rf_infection_risk": "yes"})
    assert (a.level, a.tier) == ("urgent", "E")
    assert "R3" in fired(a)
    q4 = reason(a, "Q4")
    assert q4.group == "gap"
    assert q4.because == {"back_pain": "none", "leg_vs_back": "back_worse"}
    assert "no back pain" in q4.text.lower() and "the back is worse" in q4.text.lower()
    assert "ask again" in q4.text


def test_R3_back_operation_five_weeks_ago_with_new_severe_back_pain_is_urgent_P() -> None:
    a = screen({"back_pain": "severe", "back_pain_new": "yes", "leg_vs_back": "back_worse",
                "back_surgery": "microdiscectomy", "back_surgery_months_ago": 1, "pain": {}})
    assert (a.level, a.tier) == ("urgent", "P")
    r3 = reason(a, "R3")
    assert r3.because["back_surgery_months_ago"] == 1
    # The infection-risk question was answered no, but a recent spinal procedure is a risk (Q4).
    assert any(r.rule == "Q4" and "rf_infection_risk" in r.because for r in a.reasons)


def test_R4_long_standing_unchanged_sciatica_with_old_cancer_is_information_not_urgent_E() -> None:
    sciatica = {"radiates_to": {"left": "none", "right": "foot"}, "pain": {"right": ["calf", "sole"]},
                "numbness": {"right": ["sole"]}, "back_pain": "none", "leg_vs_back": "no_back_pain",
                "duration_days": 6 * 365, "leg_pain_new": "no", "neuro_new": "no", "rf_cancer_history": "yes"}
    a = screen_v2(sciatica)
    assert a.level != "urgent"
    assert "R4" not in fired(a)
    unmet = reason(a, "R4.unmet")
    assert "pain not new" in unmet.text and "clinician to consider" in unmet.text
    assert a.recommendation.startswith(SAFETY_LINE)
    assert "cancer" in a.recommendation.split(".")[0].lower()
    assert "new numbness" not in " ".join(r.text for r in a.reasons).lower()


def test_R4_version_1_long_standing_sciatica_with_old_cancer_is_P_never_E_and_asks_for_leg_pain_new() -> None:
    a = screen({"radiates_to": {"left": "none", "right": "foot"}, "pain": {"right": ["calf", "sole"]},
                "numbness": {"right": ["sole"]}, "back_pain": "none", "leg_vs_back": "no_back_pain",
                "duration_days": 6 * 365, "rf_cancer_history": "yes"})
    assert (a.level, a.tier) == ("urgent", "P")
    assert "new or changed in the last 3 months" in reason(a, "Q3").text.lower()


@pytest.mark.parametrize(("rule", "answers", "age"), [
    ("R2", {"weakness": {"right": "foot_drop"}, "weakness_course": "new_stable"}, 45),
    ("R5", {"trauma": "major_fall_or_collision", "back_pain": "moderate"}, 45),
    ("R6", CORE_RIGHT, 12),
])
def test_D0_an_urgent_result_never_says_no_red_flags(rule: str, answers: dict[str, Any], age: int) -> None:
    a = screen(answers, age=age)
    assert a.level == "urgent" and rule in fired(a)
    assert "no red flags" not in everything_said(a, answers, age=age)
    assert "no red flags" not in str(a.to_json()).lower()


V1_RIGHT_FOOT_WEAKNESS = {
    "pain": {"left": ["heel"]}, "worse_with": ["first_steps_after_rest"], "numbness": {"right": ["top_of_foot"]},
    "weakness": {"left": "none", "right": "tiptoe_weak"}, "weakness_course": "new_stable",
    "back_pain": "none", "leg_vs_back": "no_back_pain", "radiates_to": {"left": "none", "right": "none"},
}


@pytest.mark.parametrize("version", [1, 2])
def test_D6_left_heel_plantar_fasciitis_does_not_hide_new_numbness_and_weakness_in_the_right_foot(
        version: int) -> None:
    answers = dict(V1_RIGHT_FOOT_WEAKNESS)
    if version == 2:
        answers.update({"weakness_course": {"right": "new_stable"}, "neuro_new": "yes", "leg_vs_back": "neither"})
    a = screen_v2(answers) if version == 2 else screen(answers)
    assert "L1" in fired(a)
    assert "D6" not in fired(a)
    assert a.recommendation.startswith(SAFETY_LINE)
    assert "tiptoe" in a.recommendation.split(". ")[0].lower()
    assert "R2.unmet" in rules_of(a)


@pytest.mark.parametrize("course", ["new_stable", {"left": "new_stable", "right": "new_stable"}])
def test_R1_new_inability_to_rise_on_tiptoe_in_both_legs_is_urgent_E(course: Any) -> None:
    answers = {"weakness": {"left": "tiptoe_weak", "right": "tiptoe_weak"}, "weakness_course": course}
    a = screen_v2(answers) if isinstance(course, dict) else screen(answers)
    assert (a.level, a.tier) == ("urgent", "E")
    assert any(r.rule == "R1" and "both legs" in r.text for r in a.reasons)
