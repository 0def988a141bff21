"""Worked cases for each (v2) change of clinical-logic.md, named by the rule they prove (version 1 and
version 2 documents)."""

from __future__ import annotations

import pytest

from tests.screening.builders import CORE_RIGHT, fired, reason, rules_of, screen, screen_v2

SAFETY_LINE = "Safety answer(s) to check before the patient leaves:"
BACK = {"back_pain": "moderate", "back_pain_new": "yes"}


# --- (b0) derived facts and Q4 -----------------------------------------------------------------


def test_b0_BACK_PAIN_from_back_pain_new_when_back_pain_is_unanswered_has_no_Q4_line() -> None:
    a = screen({"back_pain_new": "yes", "rf_infection_risk": "yes"})
    assert (a.level, a.tier) == ("urgent", "P") and "R3" in fired(a)
    assert "Q4" not in rules_of(a)


def test_Q4_back_pain_new_with_no_back_pain_reads_as_new_back_pain() -> None:
    a = screen({"back_pain": "none", "back_pain_new": "yes", "rf_infection_risk": "yes"})
    assert "R3" in fired(a)
    assert reason(a, "Q4").because == {"back_pain_new": "yes", "back_pain": "none"}


def test_Q4_back_pain_with_leg_vs_back_no_back_pain_keeps_the_back_pain_and_never_lowers_the_level() -> None:
    a = screen({"back_pain": "mild", "leg_vs_back": "no_back_pain", "rf_weight_loss_unexplained": "yes"})
    assert (a.level, a.tier) == ("urgent", "P")  # R4 reads the back as painful
    q4 = reason(a, "Q4")
    assert "Mild" in q4.text and "No back pain" in q4.text and "ask again" in q4.text


def test_Q4_leg_symptoms_above_the_ankle_with_no_leg_pain_answer() -> None:
    a = screen({"back_pain": "mild", "leg_vs_back": "no_leg_pain", "numbness": {"left": ["calf"]}})
    q4 = reason(a, "Q4")
    assert q4.because == {"leg_vs_back": "no_leg_pain", "numbness.left": ["calf"]}
    assert a.recommendation.startswith(SAFETY_LINE)


def test_Q4_neither_with_leg_pain_travelling_down_the_leg_in_version_2() -> None:
    a = screen_v2({"back_pain": "none", "leg_vs_back": "neither", "radiates_to": {"right": "thigh"}})
    assert reason(a, "Q4").because == {"leg_vs_back": "neither", "radiates_to.right": "thigh"}


def test_b0_NEW_LEG_PAIN_version_1_default_from_a_duration_of_90_days_or_less() -> None:
    answers = {"back_pain": "none", "radiates_to": {"left": "below_knee"}, "rf_cancer_history": "yes"}
    assert "R4" in fired(screen({**answers, "duration_days": 90}))
    a = screen({**answers, "duration_days": 91})  # unknown newness: P, never E, and asked for
    assert (a.level, a.tier) == ("urgent", "P")
    assert "not recorded whether the leg pain is new" in reason(a, "R4").text


def test_b0_NEW_NEURO_from_the_weakness_course_gives_R4_tier_E() -> None:
    a = screen_v2({**BACK, "rf_cancer_history": "yes", "weakness": {"left": "tiptoe_weak"},
                   "weakness_course": {"left": "new_stable"}})
    assert (a.level, a.tier) == ("urgent", "E")


def test_b0_course_in_version_1_applies_only_to_the_sides_with_weakness() -> None:
    a = screen({"weakness": {"left": "none", "right": "foot_drop"}, "weakness_course": "worsening"})
    assert reason(a, "R2").because == {"weakness.right": "foot_drop", "weakness_course": "worsening"}
    assert "R1" not in fired(a)  # one leg only


# --- R2, R3, R5, R6 (v2) ----------------------------------------------------------------------


def test_R2_judged_per_side_with_the_course_of_that_side() -> None:
    a = screen_v2({"weakness": {"left": "foot_drop", "right": "tiptoe_weak"},
                   "weakness_course": {"left": "longstanding_stable", "right": "worsening"}})
    assert (a.level, a.tier) == ("urgent", "E")
    r2 = reason(a, "R2")
    assert r2.because == {"weakness.right": "tiptoe_weak", "weakness_course.right": "worsening"}
    assert any(r.rule == "R2.unmet" and "left" in r.text for r in a.reasons)


def test_R2_foot_drop_with_no_course_fires_P_and_Q3_asks_for_that_side() -> None:
    a = screen_v2({"weakness": {"left": "foot_drop"}})
    assert (a.level, a.tier) == ("urgent", "P")
    assert "Course of the weakness, left leg" in reason(a, "Q3").text
    assert "new or getting worse (not recorded)" in a.recommendation


def test_R2_weakness_with_no_course_is_a_red_flag_data_gap_that_leads_the_recommendation() -> None:
    a = screen_v2({**CORE_RIGHT, "weakness": {"left": "none", "right": "other"}})
    assert a.level == "possible"
    assert a.recommendation.startswith(SAFETY_LINE)
    assert "no red flags" not in reason(a, "D0").text


def test_R3_fever_fires_and_the_infection_risk_answer_that_met_no_rule_is_still_listed() -> None:
    a = screen({"back_pain": "mild", "back_pain_new": "no", "rf_fever_or_unwell": "yes", "rf_infection_risk": "yes"})
    assert (a.level, a.tier) == ("urgent", "E")
    assert reason(a, "R3.unmet").because["rf_infection_risk"] == "yes"
    first, _, rest = a.recommendation.partition(". ")
    assert first == "URGENT - SAME-DAY EMERGENCY ASSESSMENT" and rest.startswith(SAFETY_LINE)


def test_R3_diabetes_with_a_foot_ulcer_is_an_infection_risk() -> None:
    a = screen({**BACK, "diabetes": "yes", "foot_ulcer_or_rest_pain": "yes"})
    assert (a.level, a.tier) == ("urgent", "P")
    assert reason(a, "R3").because["foot_ulcer_or_rest_pain"] == "yes"


def test_R3_a_back_operation_more_than_3_months_ago_is_not_recent() -> None:
    a = screen({"back_pain": "severe", "back_pain_new": "no", "back_surgery": "fusion", "back_surgery_months_ago": 4})
    assert "R3" not in fired(a)


def test_R5_new_severe_back_pain_with_osteoporosis_fires_without_any_injury() -> None:
    a = screen({"back_pain": "severe", "back_pain_new": "yes", "trauma": "none", "rf_osteoporosis_or_steroids": "yes"})
    assert (a.level, a.tier) == ("urgent", "P")
    assert "R5" in fired(a)


def test_R5_minor_fall_needs_back_pain_new_yes() -> None:
    a = screen({"back_pain": "mild", "trauma": "minor_fall_or_lift", "rf_osteoporosis_or_steroids": "yes"})
    assert "R5" not in fired(a)
    assert "not recorded whether the back pain is new" in reason(a, "R5.unmet").text
    assert a.recommendation.startswith(SAFETY_LINE)


def test_R5_major_fall_without_back_pain_is_positive_and_leads_the_recommendation() -> None:
    a = screen({"trauma": "major_fall_or_collision", "back_pain": "none"})
    assert "R5" not in fired(a)
    assert a.recommendation.startswith(SAFETY_LINE)


@pytest.mark.parametrize("legs", [{"radiates_to": {"left": "thigh"}}, {"pain": {"right": ["back_of_thigh"]}},
                                  {"tingling": {"left": ["knee"]}}])
def test_R6_child_with_back_pain_and_leg_symptoms_above_the_foot(legs: dict[str, object]) -> None:
    a = screen({"back_pain": "mild", **legs}, age=13)
    assert (a.level, a.tier) == ("urgent", "P") and "R6" in fired(a)


def test_R6_child_with_back_pain_and_foot_pain_only_does_not_fire() -> None:
    a = screen({"back_pain": "mild", "pain": {"left": ["heel"]}}, age=13)
    assert "R6" not in fired(a)


# --- S2, D5, D6, D7, D8 (v2) --------------------------------------------------------------------


def test_S2_no_back_pain_for_line_says_it_does_not_rule_out_whatever_the_level() -> None:
    a = screen({"back_pain": "none", "pain": {"left": ["heel"]}, "worse_with": ["first_steps_after_rest"]})
    assert a.level == "not_indicated"
    assert "does not rule out" in reason(a, "A3").text and reason(a, "A3").group == "for"


def test_D5_b_foot_pain_with_neurogenic_claudication_is_possible() -> None:
    a = screen({"back_pain": "none", "pain": {"left": ["heel"]}, "worse_with": ["walking"], "better_with": ["sitting"]})
    assert a.level == "possible" and "D5" in fired(a)
    assert "stenosis pattern" in reason(a, "D5").text


@pytest.mark.parametrize("support", [{"back_pain": "mild"}, {"back_pain": "none", "radiates_to": {"left": "thigh"}},
                                     {"back_pain": "none", "pain": {"left": ["knee"]}}])
def test_D5_c_leg_giving_way_with_back_pain_or_same_side_thigh_or_knee_pain_is_possible(
        support: dict[str, object]) -> None:
    a = screen({"weakness": {"left": "leg_gives_way"}, "weakness_course": "longstanding_stable", **support})
    assert a.level == "possible" and "D5" in fired(a)


def test_D5_c_leg_giving_way_with_thigh_pain_on_the_other_leg_is_not_enough() -> None:
    a = screen({"back_pain": "none", "weakness": {"left": "leg_gives_way"}, "weakness_course": "longstanding_stable",
                "pain": {"right": ["knee"]}})
    assert "D5" not in fired(a)


def test_D5_a_other_weakness_is_not_a_foot_weakness() -> None:
    a = screen({"back_pain": "mild", "weakness": {"left": "other"}, "weakness_course": "longstanding_stable"})
    assert a.level == "not_indicated"


def test_D6_sock_distribution_explains_both_feet() -> None:
    a = screen({"numbness": {"left": ["all_toes"], "right": ["all_toes"]}, "sock_distribution": "yes",
                "back_pain": "none"})
    assert a.level == "not_indicated" and "D6" in fired(a)


def test_D6_left_heel_pattern_does_not_explain_right_forefoot_pain() -> None:
    a = screen({"pain": {"left": ["heel"], "right": ["big_toe"]}, "worse_with": ["first_steps_after_rest"],
                "back_pain": "none"})
    assert "L1" in fired(a) and "D6" not in fired(a)
    assert "D7" in fired(a)


def test_D6_never_applies_to_a_side_with_new_weakness() -> None:
    a = screen_v2({"numbness": {"left": ["all_toes"], "right": ["all_toes"]}, "sock_distribution": "yes",
                   "back_pain": "none", "weakness": {"right": "tiptoe_weak"},
                   "weakness_course": {"right": "worsening"}})
    assert "D6" not in fired(a)


def test_D7_no_spinal_features_line_only_when_there_are_none() -> None:
    a = screen({"back_pain": "moderate", "back_pain_new": "no", "pain": {"left": ["knee"]}})
    assert a.level == "not_indicated"
    assert "No spinal features" not in reason(a, "D7").text
    assert "back pain" in reason(a, "D7").text


def test_D8_rescreen_advice_never_asks_to_watch_for_a_symptom_already_recorded() -> None:
    a = screen({"back_pain": "none", "numbness": {"left": ["sole"]}, "weakness": {"left": "tiptoe_weak"},
                "weakness_course": "longstanding_stable"})
    assert a.level == "not_indicated"
    advice = a.recommendation[a.recommendation.index("Screen again"):]
    assert "numbness" not in advice and "weakness" not in advice
    assert "leg pain" in advice and "already recorded change" in advice


def test_D8_unasked_safety_questions_are_named_at_the_head_in_plain_words() -> None:
    a = screen(CORE_RIGHT, red_flags=None)
    assert a.recommendation.startswith(SAFETY_LINE + " not asked: Numbness around the back passage")
    assert "rf_" not in a.recommendation
