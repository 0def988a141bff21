"""Spinal support S1-S8, A3, A5 and the decision rules D2-D5, D7 (clinical-logic.md (b), (d))."""

from __future__ import annotations

from typing import Any

import pytest

from tests.screening.builders import CORE_RIGHT, fired, reason, rules_of, screen

# CORE on the right plus exactly two points (S2 back pain, S7 spinal history): POSSIBLE by D4.
TWO_POINTS: dict[str, Any] = {**CORE_RIGHT, "back_pain": "mild", "back_pain_new": "no", "leg_vs_back": "about_equal",
                              "back_conditions": ["previous_sciatica"]}

# What each of the other points needs on top of TWO_POINTS.
THIRD_POINT: dict[str, dict[str, Any]] = {
    "S3": {"leg_vs_back": "leg_worse", "pain": {"right": ["calf", "sole"]}},
    "S4": {"numbness": {"right": ["outer_edge_of_foot"]}},
    "S5": {"worse_with": ["cough_sneeze_strain"]},
    "S6": {"worse_with": ["walking"], "better_with": ["bending_forward_or_leaning"]},
}


def test_S1_pain_into_the_foot_is_CORE_and_alone_gives_possible() -> None:
    a = screen(CORE_RIGHT)
    assert (a.level, a.tier, a.spinal_flag) == ("possible", None, True)
    assert reason(a, "S1").because == {"radiates_to.right": "foot"}
    assert "D4" in fired(a)


def test_S1_absent_is_named_under_against_when_pain_stops_above_the_knee() -> None:
    a = screen({"radiates_to": {"right": "thigh"}, "back_pain": "mild"})
    absent = reason(a, "S1.absent")
    assert absent.group == "against"
    assert "does not travel below the knee" in absent.text
    assert absent.because == {"radiates_to.right": "thigh"}
    assert "S1" not in fired(a)


def test_S1_absent_says_below_the_knee_but_not_into_the_foot() -> None:
    a = screen({"radiates_to": {"left": "below_knee", "right": "none"}})
    assert "below the knee but not into the foot" in reason(a, "S1.absent").text


def test_D3_CORE_with_three_points_is_likely() -> None:
    a = screen({**TWO_POINTS, **THIRD_POINT["S5"]})
    assert (a.level, a.spinal_flag) == ("likely", True)
    assert "3 supporting points" in reason(a, "D3").text
    assert "spine specialist" in a.recommendation


def test_D4_CORE_with_two_points_is_possible() -> None:
    a = screen(TWO_POINTS)
    assert a.level == "possible"
    assert "only 2 supporting point" in reason(a, "D4").text
    assert "2 of 6 points (back pain, spinal history)" in reason(a, "D2").text


@pytest.mark.parametrize("rule", sorted(THIRD_POINT))
def test_each_of_S3_to_S6_adds_the_point_that_makes_CORE_likely(rule: str) -> None:
    a = screen({**TWO_POINTS, **THIRD_POINT[rule]})
    assert rule in fired(a)
    assert a.level == "likely"


def test_S2_back_pain_is_a_point() -> None:
    without = {**TWO_POINTS, "back_pain": "none", "leg_vs_back": "no_back_pain", **THIRD_POINT["S5"]}
    assert screen(without).level == "possible"
    a = screen({**without, "back_pain": "moderate", "leg_vs_back": "about_equal"})
    assert reason(a, "S2").because == {"back_pain": "moderate"}
    assert a.level == "likely"


def test_S3_needs_calf_or_shin_pain_on_the_CORE_leg() -> None:
    a = screen({**TWO_POINTS, "leg_vs_back": "leg_worse", "pain": {"left": ["calf"], "right": ["sole"]}})
    assert "S3" not in fired(a)
    assert a.level == "possible"


def test_S3_and_A3_no_back_pain_counts_like_leg_worse_and_does_not_rule_out() -> None:
    a = screen({**CORE_RIGHT, "leg_vs_back": "no_back_pain", "pain": {"right": ["inner_shin", "arch"]}})
    assert reason(a, "S3").because == {"leg_vs_back": "no_back_pain", "pain.right": ["inner_shin"]}
    a3 = reason(a, "A3")
    assert a3.group == "for" and "does not rule out" in a3.text
    assert a.level == "possible"


def test_S4_weakness_counts_as_a_nerve_symptom() -> None:
    a = screen({**TWO_POINTS, "weakness": {"right": "tiptoe_weak"}, "weakness_course": "longstanding_stable"})
    assert reason(a, "S4").because == {"weakness.right": "tiptoe_weak"}
    assert a.level == "likely"


def test_S4_on_the_other_leg_does_not_count_and_is_named_absent() -> None:
    a = screen({**TWO_POINTS, "tingling": {"left": ["sole"]}})
    assert "S4" not in fired(a)
    absent = reason(a, "S4.absent")
    assert absent.group == "against" and "judged on its own" in absent.text
    assert a.level == "possible"


def test_S4_numbness_with_diabetes_is_counted_with_a_caveat() -> None:
    a = screen({**TWO_POINTS, "numbness": {"right": ["all_toes"]}, "diabetes": "yes"})
    assert "diabetes" in reason(a, "S4").text
    assert a.level == "likely"


def test_S4_absent_when_no_numbness_tingling_or_weakness_anywhere() -> None:
    a = screen({"pain": {"left": ["knee"]}})
    assert "on either leg" in reason(a, "S4.absent").text


def test_S6_needs_relief_by_sitting_or_bending_not_standing_still() -> None:
    a = screen({**TWO_POINTS, "worse_with": ["walking"], "better_with": ["standing_still"]})
    assert "S6" not in fired(a)


def test_S7_back_surgery_counts_as_spinal_history() -> None:
    a = screen({**CORE_RIGHT, "back_surgery": "microdiscectomy"})
    assert reason(a, "S7").because == {"back_surgery": "microdiscectomy"}


def test_S7_other_back_condition_does_not_count() -> None:
    a = screen({**CORE_RIGHT, "back_conditions": ["other"]})
    assert "S7" not in fired(a)


def test_S8_root_pattern_is_reported_but_never_scored() -> None:
    base = {**TWO_POINTS}
    with_root = {**TWO_POINTS, "pain": {"right": ["outer_shin", "top_of_foot"]}}
    a = screen(with_root)
    line = next(r for r in a.reasons if r.rule == "S8" and "L5" in r.text)
    assert line.because == {"pain.right": ["outer_shin", "top_of_foot"]}
    assert "supportive only" in line.text
    assert a.level == screen(base).level == "possible"


def test_S8_is_not_shown_without_a_spinal_pattern() -> None:
    a = screen({"pain": {"right": ["heel"]}, "worse_with": ["first_steps_after_rest"]})
    assert "S8" not in rules_of(a)


def test_D2_two_CORE_legs_are_scored_on_the_leg_with_more_points() -> None:
    a = screen({**TWO_POINTS, "radiates_to": {"left": "foot", "right": "foot"},
                "tingling": {"left": ["sole"]}})
    assert "Scored on the left leg" in reason(a, "D2").text
    assert a.level == "likely"


def test_A5_pattern_back_after_surgery_is_flagged_again() -> None:
    a = screen({**CORE_RIGHT, "back_surgery": "microdiscectomy", "back_surgery_months_ago": 18,
                "pain_free_after_surgery": "yes"})
    a5 = reason(a, "A5")
    assert a5.because == {"back_surgery": "microdiscectomy", "pain_free_after_surgery": "yes",
                          "radiates_to.right": "foot"}
    assert a.spinal_flag


def test_A5_not_reported_when_the_pain_never_went_away() -> None:
    a = screen({**CORE_RIGHT, "back_surgery": "fusion", "pain_free_after_surgery": "no"})
    assert "A5" not in rules_of(a)


# --- D5, D7 -------------------------------------------------------------------------------------------


def test_D5_foot_numbness_with_back_pain_is_possible() -> None:
    a = screen({"numbness": {"left": ["top_of_foot"]}, "back_pain": "mild"})
    assert (a.level, a.spinal_flag) == ("possible", True)
    d5 = reason(a, "D5")
    assert d5.because == {"numbness.left": ["top_of_foot"], "back_pain": "mild"}


def test_D5_foot_tingling_with_same_leg_thigh_symptoms_is_possible() -> None:
    a = screen({"tingling": {"right": ["big_toe"]}, "pain": {"right": ["back_of_thigh"]}, "back_pain": "none"})
    assert a.level == "possible"
    assert "same (right) leg" in reason(a, "D5").text


def test_D5_same_leg_means_same_leg() -> None:
    a = screen({"tingling": {"right": ["big_toe"]}, "pain": {"left": ["back_of_thigh"]}, "back_pain": "none"})
    assert a.level == "not_indicated"
    assert "D7" in fired(a)


def test_D5_foot_weakness_with_spinal_history_is_possible() -> None:
    a = screen({"weakness": {"left": "tiptoe_weak"}, "weakness_course": "longstanding_stable",
                "back_conditions": ["spinal_stenosis"], "back_pain": "none"})
    assert a.level == "possible"


def test_D5_foot_numbness_with_neurogenic_claudication_is_possible() -> None:
    a = screen({"numbness": {"left": ["sole"]}, "back_pain": "none", "worse_with": ["standing"],
                "better_with": ["sitting"]})
    assert a.level == "possible"
    assert "neurogenic claudication" in reason(a, "D5").text


def test_D7_foot_numbness_alone_is_not_indicated() -> None:
    a = screen({"numbness": {"left": ["sole"]}, "back_pain": "none"})
    assert (a.level, a.spinal_flag) == ("not_indicated", False)
    assert "no specific pattern" in a.recommendation


def test_D7_no_spinal_features_is_named_when_nothing_fits() -> None:
    a = screen({"pain": {"right": ["knee"]}, "back_pain": "none", "radiates_to": {"right": "none"}})
    d7 = reason(a, "D7")
    assert d7.group == "against"
    assert "No spinal features" in d7.text
    assert a.level == "not_indicated"


def test_back_pain_alone_is_not_a_spinal_pattern() -> None:
    a = screen({"back_pain": "severe", "back_pain_new": "no", "pain": {}})
    assert a.level == "not_indicated"
