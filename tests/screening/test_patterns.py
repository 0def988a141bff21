"""Local and other patterns L1-L8 on their own and alongside CORE; D6 and its order before D5."""

from __future__ import annotations

from typing import Any

import pytest

from tests.screening.builders import CORE_RIGHT, fired, reason, rules_of, screen

# Each pattern on its own, with every symptom at or below the ankle (left foot).
FOOT_ONLY: dict[str, dict[str, Any]] = {
    "L1": {"pain": {"left": ["heel", "arch"]}, "worse_with": ["first_steps_after_rest"],
           "better_with": ["walking_about"]},
    "L2": {"pain": {"left": ["ball_of_foot", "between_toes_3_4"]}, "pain_character": ["burning", "pebble_in_shoe"]},
    "L3": {"pain": {"left": ["big_toe_joint"]}, "foot_red_hot_swollen": "big_toe_joint", "onset": "sudden"},
    "L4": {"pain": {"left": ["ankle"]}, "trauma": "ankle_or_foot_twist", "onset": "after_injury"},
    "L5": {"pain": {"left": ["top_of_foot"]}, "recent_activity_increase": "yes", "bony_spot_tender": "yes",
           "worse_with": ["running_or_impact"], "better_with": ["rest"]},
    "L6": {"numbness": {"left": ["all_toes"], "right": ["all_toes"]}, "sock_distribution": "yes"},
    "L7": {"pain": {"left": ["arch"]}, "worse_with": ["walking"], "better_with": ["standing_still"],
           "walking_distance_consistent": "yes", "smoker": "yes"},
    "L8": {"tingling": {"left": ["sole", "all_toes"]}, "inner_ankle_tap_tingles": "yes", "worse_with": ["standing"]},
}
NAMES = {"L1": "plantar fasciitis", "L2": "Morton's neuroma", "L3": "gout", "L4": "ankle/foot injury",
         "L5": "stress fracture", "L6": "peripheral neuropathy", "L7": "vascular claudication", "L8": "tarsal tunnel"}


@pytest.mark.parametrize("rule", sorted(FOOT_ONLY))
def test_each_L_pattern_on_its_own_in_the_foot_is_not_indicated_by_D6_naming_it(rule: str) -> None:
    a = screen({**FOOT_ONLY[rule], "back_pain": "none"})
    assert (a.level, a.tier, a.spinal_flag) == ("not_indicated", None, False)
    assert rule in fired(a) and "D6" in fired(a)
    line = reason(a, rule)
    assert line.group == "against" and NAMES[rule] in line.text
    assert NAMES[rule] in reason(a, "D6").text
    assert NAMES[rule] in a.recommendation and "not a diagnosis" in a.recommendation


@pytest.mark.parametrize("rule", sorted(FOOT_ONLY))
def test_each_L_pattern_alongside_CORE_may_co_exist_and_keeps_the_spinal_level(rule: str) -> None:
    answers = {**CORE_RIGHT, **FOOT_ONLY[rule]}
    answers["pain"] = {**CORE_RIGHT["pain"], **FOOT_ONLY[rule].get("pain", {})}
    a = screen(answers)
    assert a.level == "possible" and a.spinal_flag
    assert "may co-exist" in reason(a, rule).text
    assert "D6" not in fired(a)
    assert NAMES[rule] in a.recommendation  # "Other patterns to consider"


def test_L_pattern_alongside_a_likely_CORE_is_named_in_the_recommendation() -> None:
    likely = {**CORE_RIGHT, "back_pain": "moderate", "leg_vs_back": "about_equal", "worse_with":
              ["cough_sneeze_strain", "first_steps_after_rest"], "back_conditions": ["herniated_disc"],
              "pain": {"left": ["heel"], "right": ["sole"]}}
    a = screen(likely)
    assert a.level == "likely"
    assert "May co-exist: plantar fasciitis pattern." in a.recommendation


def test_L1_needs_no_numbness_or_tingling_on_that_side() -> None:
    a = screen({**FOOT_ONLY["L1"], "tingling": {"left": ["heel"]}})
    assert "L1" not in fired(a)


def test_L2_needs_a_shoe_or_pebble_cue() -> None:
    a = screen({"pain": {"left": ["ball_of_foot"]}, "pain_character": ["burning"]})
    assert "L2" not in fired(a)


def test_L3_needs_a_sudden_onset() -> None:
    a = screen({**FOOT_ONLY["L3"], "onset": "gradual"})
    assert "L3" not in fired(a)


def test_L7_with_calf_pain_is_not_D6_but_is_named_by_D7() -> None:
    a = screen({"pain": {"left": ["calf"]}, "worse_with": ["walking"], "better_with": ["standing_still"],
                "walking_distance_consistent": "yes", "back_pain": "none"})
    assert a.level == "not_indicated"
    assert {"L7", "D7"} <= fired(a) and "D6" not in fired(a)
    assert "vascular claudication pattern" in a.recommendation


def test_L7_names_risk_factors_when_present() -> None:
    a = screen(FOOT_ONLY["L7"])
    assert "smoking" in reason(a, "L7").text


def test_L8_with_same_leg_symptoms_above_the_ankle_stays_possible() -> None:
    a = screen({**FOOT_ONLY["L8"], "pain": {"left": ["calf"]}, "back_pain": "none"})
    assert a.level == "possible"
    assert {"L8", "D5"} <= fired(a)
    assert "tarsal tunnel pattern" in a.recommendation


def test_L8_via_inner_ankle_pain_of_the_same_leg() -> None:
    a = screen({"numbness": {"right": ["sole"]}, "pain": {"right": ["inner_ankle"]}, "worse_with": ["walking"]})
    assert reason(a, "L8").because == {"numbness.right": ["sole"], "pain.right": ["inner_ankle"],
                                       "worse_with": ["walking"]}


def test_D6_is_applied_before_D5() -> None:
    # Foot tingling with back pain is D5 (possible) ...
    d5 = {"tingling": {"left": ["sole"]}, "back_pain": "moderate", "worse_with": ["standing"]}
    assert screen(d5).level == "possible"
    assert "D5" in fired(screen(d5))
    # ... but when a local pattern explains it and nothing is above the ankle, D6 wins.
    a = screen({**d5, "inner_ankle_tap_tingles": "yes"})
    assert a.level == "not_indicated"
    assert "D6" in fired(a) and "D5" not in fired(a)


def test_D6_blocked_by_pain_spreading_from_the_back() -> None:
    a = screen({**FOOT_ONLY["L1"], "radiates_to": {"left": "buttock"}, "back_pain": "mild"})
    assert "D6" not in fired(a)


def test_D6_blocked_by_weakness_of_unstated_site() -> None:
    a = screen({**FOOT_ONLY["L8"], "weakness": {"left": "other"}, "weakness_course": "longstanding_stable",
                "back_pain": "mild"})
    assert "D6" not in fired(a)
    assert a.level == "possible"


def test_patterns_are_not_listed_when_none_match() -> None:
    a = screen({"pain": {"left": ["knee"]}})
    assert not [r for r in rules_of(a) if r.startswith("L")]
