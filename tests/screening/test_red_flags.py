"""Red flags R1-R6, D0, D1 and tiers: worked cases written from clinical-logic.md (b) and (d)."""

from __future__ import annotations

import pytest

from tests.screening.builders import CORE_RIGHT, fired, reason, rules_of, screen, screen_v2

BACK = {"back_pain": "moderate", "back_pain_new": "yes"}


# --- R1 suspected cauda equina ------------------------------------------------------------------


def test_R1_new_saddle_numbness_is_urgent_E() -> None:
    a = screen({**BACK, "rf_saddle_numbness": "new"})
    assert (a.level, a.tier, a.spinal_flag) == ("urgent", "E", True)
    line = reason(a, "R1")
    assert line.group == "red_flag"
    assert line.because == {"rf_saddle_numbness": "new"}
    assert "saddle numbness" in line.text.lower()


@pytest.mark.parametrize("question", ["rf_bladder_change", "rf_bowel_change", "rf_sexual_dysfunction"])
def test_R1_new_bladder_bowel_or_sexual_change_is_urgent_E(question: str) -> None:
    a = screen({"pain": {"left": ["calf"]}, question: "new"})
    assert (a.level, a.tier) == ("urgent", "E")
    assert reason(a, "R1").because == {question: "new"}


def test_R1_fires_whatever_the_pain_severity_and_without_back_pain() -> None:
    a = screen({"back_pain": "none", "pain": {"right": ["heel"]}, "pain_score_0_10": 1, "rf_bladder_change": "new"})
    assert (a.level, a.tier) == ("urgent", "E")


def test_R1_new_or_spreading_symptoms_in_both_legs_is_urgent_E() -> None:
    a = screen({"rf_bilateral_leg_symptoms": "new_or_spreading"})
    assert (a.level, a.tier) == ("urgent", "E")
    assert reason(a, "R1").because == {"rf_bilateral_leg_symptoms": "new_or_spreading"}


def test_R1_longstanding_symptoms_in_both_legs_alone_do_not_fire_but_are_listed() -> None:
    a = screen({**CORE_RIGHT, "rf_bilateral_leg_symptoms": "longstanding"})
    assert a.level != "urgent"
    assert "R1" not in fired(a)
    unmet = reason(a, "R1.unmet")
    assert unmet.group == "red_flag"
    assert unmet.because == {"rf_bilateral_leg_symptoms": "longstanding"}
    assert "does not fire" in unmet.text


def test_R1_longstanding_unchanged_urinary_symptom_is_information_with_the_reason() -> None:
    a = screen({**CORE_RIGHT, "rf_bladder_change": "longstanding_unchanged"})
    assert a.level == "possible"
    unmet = reason(a, "R1.unmet")
    assert unmet.because == {"rf_bladder_change": "longstanding_unchanged"}
    assert "long-standing and unchanged" in unmet.text and "needs a new change" in unmet.text


def test_R1_worsening_weakness_in_both_legs_is_urgent_E() -> None:
    a = screen({"weakness": {"left": "tiptoe_weak", "right": "other"}, "weakness_course": "worsening"})
    assert (a.level, a.tier) == ("urgent", "E")
    assert any(r.rule == "R1" and "both legs" in r.text for r in a.reasons)


def test_R1_new_weakness_in_both_legs_is_urgent_E() -> None:
    a = screen({"weakness": {"left": "leg_gives_way", "right": "foot_drop"}, "weakness_course": "new_stable"})
    assert any(r.rule == "R1" and "New weakness in both legs" in r.text for r in a.reasons)
    assert a.tier == "E"


def test_R1_weakness_in_both_legs_worsening_on_one_side_is_urgent_E_in_version_2() -> None:
    a = screen_v2({"weakness": {"left": "other", "right": "tiptoe_weak"},
                   "weakness_course": {"left": "longstanding_stable", "right": "worsening"}})
    r1 = reason(a, "R1")
    assert r1.because == {"weakness.left": "other", "weakness_course.left": "longstanding_stable",
                          "weakness.right": "tiptoe_weak", "weakness_course.right": "worsening"}
    assert a.tier == "E"


def test_R1_weakness_in_both_legs_new_on_one_side_only_is_not_R1() -> None:
    a = screen_v2({"weakness": {"left": "tiptoe_weak", "right": "tiptoe_weak"},
                   "weakness_course": {"left": "longstanding_stable", "right": "new_stable"}})
    assert "R1" not in fired(a)
    assert "R2.unmet" in rules_of(a)
    assert a.recommendation.startswith("Safety answer(s) to check before the patient leaves:")


def test_R1_longstanding_stable_weakness_in_both_legs_does_not_fire() -> None:
    a = screen({"weakness": {"left": "tiptoe_weak", "right": "tiptoe_weak"}, "weakness_course": "longstanding_stable"})
    assert "R1" not in fired(a)
    assert a.level != "urgent"
    assert rules_of(a).count("R2.unmet") == 2  # each leg's long-standing weakness is listed


def test_R1_new_saddle_numbness_with_pain_not_yet_recorded_is_flagged() -> None:
    a = screen({"rf_saddle_numbness": "new"})  # a draft: no pain answers yet
    assert (a.level, a.tier) == ("urgent", "E")


def test_R1_new_saddle_numbness_fires_with_no_pain_recorded_at_all() -> None:
    a = screen({"back_pain": "none", "pain": {}, "rf_saddle_numbness": "new"})
    assert (a.level, a.tier) == ("urgent", "E")


@pytest.mark.parametrize("question", ["rf_bladder_change", "rf_bowel_change", "rf_sexual_dysfunction"])
def test_R1_new_bladder_bowel_or_sexual_change_without_any_back_or_leg_symptom_leads_the_recommendation(
        question: str) -> None:
    a = screen({"back_pain": "none", "pain": {}, question: "new"})
    assert "R1" not in fired(a)
    unmet = reason(a, "R1.unmet")
    assert "no back pain and no leg or foot symptom" in unmet.text
    assert a.recommendation.startswith("Safety answer(s) to check before the patient leaves:")
    assert "no red flags" not in str(a.to_json()).lower()


def test_R1_new_bladder_change_with_back_pain_implied_by_leg_vs_back_fires() -> None:
    a = screen({"back_pain": "none", "leg_vs_back": "about_equal", "rf_bladder_change": "new"})
    assert (a.level, a.tier) == ("urgent", "E")
    assert "Q4" in rules_of(a)


def test_R1_conflict_when_pain_below_the_knee_in_both_legs_but_both_legs_answer_is_no() -> None:
    a = screen({"radiates_to": {"left": "foot", "right": "below_knee"}})
    q4 = reason(a, "Q4")
    assert q4.because == {"rf_bilateral_leg_symptoms": "no", "radiates_to.left": "foot",
                          "radiates_to.right": "below_knee"}
    assert "R1" not in fired(a)  # the conflict never fires R1 by itself
    assert a.recommendation.startswith("Safety answer(s) to check before the patient leaves:")


def test_R1_no_conflict_when_pain_reaches_only_the_thigh_on_one_leg() -> None:
    a = screen({"radiates_to": {"left": "thigh", "right": "below_knee"}})
    assert "Q4" not in rules_of(a)


# --- R2 motor deficit -------------------------------------------------------------------------------


def test_R2_new_stable_foot_drop_is_urgent_P() -> None:
    a = screen({"weakness": {"right": "foot_drop"}, "weakness_course": "new_stable"})
    assert (a.level, a.tier) == ("urgent", "P")
    assert reason(a, "R2").because == {"weakness.right": "foot_drop", "weakness_course": "new_stable"}


def test_R2_worsening_foot_drop_is_urgent_E() -> None:
    a = screen({"weakness": {"left": "foot_drop"}, "weakness_course": "worsening"})
    assert (a.level, a.tier) == ("urgent", "E")
    assert "getting worse" in reason(a, "R2").text


def test_R2_any_worsening_weakness_is_urgent_E() -> None:
    a = screen({"weakness": {"left": "tiptoe_weak"}, "weakness_course": "worsening"})
    assert (a.level, a.tier) == ("urgent", "E")
    assert reason(a, "R2").because == {"weakness.left": "tiptoe_weak", "weakness_course": "worsening"}


def test_R2_foot_drop_with_unrecorded_course_is_treated_as_new() -> None:
    a = screen({"weakness": {"right": "foot_drop"}})
    assert (a.level, a.tier) == ("urgent", "P")
    assert "treated as new" in reason(a, "R2").text


def test_R2_longstanding_stable_foot_drop_does_not_fire_and_says_why() -> None:
    a = screen({"weakness": {"right": "foot_drop"}, "weakness_course": "longstanding_stable"})
    assert "R2" not in fired(a)
    assert "not a new motor deficit" in reason(a, "R2.unmet").text


def test_R2_new_stable_weakness_other_than_foot_drop_does_not_fire() -> None:
    a = screen({"weakness": {"right": "tiptoe_weak"}, "weakness_course": "new_stable"})
    assert "R2" not in fired(a)


# --- R3 spinal infection ------------------------------------------------------------------------------


def test_R3_back_pain_with_fever_is_urgent_E() -> None:
    a = screen({"back_pain": "mild", "back_pain_new": "no", "rf_fever_or_unwell": "yes"})
    assert (a.level, a.tier) == ("urgent", "E")
    assert reason(a, "R3").because == {"rf_fever_or_unwell": "yes", "back_pain": "mild"}


def test_R3_new_back_pain_with_infection_risk_is_urgent_P() -> None:
    a = screen({**BACK, "rf_infection_risk": "yes"})
    assert (a.level, a.tier) == ("urgent", "P")
    assert reason(a, "R3").because == {"rf_infection_risk": "yes", "back_pain": "moderate", "back_pain_new": "yes"}


def test_R3_infection_risk_with_old_back_pain_is_information_only() -> None:
    a = screen({"back_pain": "moderate", "back_pain_new": "no", "rf_infection_risk": "yes"})
    assert a.level != "urgent"
    assert "not new" in reason(a, "R3.unmet").text


def test_R3_fever_without_back_pain_does_not_fire_and_points_to_N1() -> None:
    a = screen({"back_pain": "none", "rf_fever_or_unwell": "yes"})
    assert "R3" not in fired(a)
    assert "septic-arthritis alert" in reason(a, "R3.unmet").text


def test_R3_fever_with_back_pain_not_recorded_is_listed_for_the_clinician_to_ask() -> None:
    a = screen({"rf_fever_or_unwell": "yes", "foot_red_hot_swollen": "big_toe_joint", "onset": "sudden"})
    assert a.level != "urgent"
    assert "back pain is not recorded (ask now)" in reason(a, "R3.unmet").text
    assert "Low back pain" in reason(a, "Q3").text
    assert "N1" in fired(a)


# --- R4 malignancy ---------------------------------------------------------------------------------


def test_R4_cancer_history_with_new_back_pain_is_urgent_P() -> None:
    a = screen({**BACK, "rf_cancer_history": "yes"})
    assert (a.level, a.tier) == ("urgent", "P")
    assert reason(a, "R4").because == {"rf_cancer_history": "yes", "back_pain": "moderate", "back_pain_new": "yes"}


def test_R4_cancer_history_with_new_back_pain_and_new_tingling_is_urgent_E() -> None:
    a = screen({**BACK, "rf_cancer_history": "yes", "tingling": {"left": ["sole"]}, "duration_days": 20})
    assert (a.level, a.tier) == ("urgent", "E")
    assert reason(a, "R4").because["tingling.left"] == ["sole"]


def test_R4_cancer_history_with_new_back_pain_and_tingling_of_unknown_newness_is_P_and_asks() -> None:
    a = screen({**BACK, "rf_cancer_history": "yes", "tingling": {"left": ["sole"]}})  # version 1, no duration
    assert (a.level, a.tier) == ("urgent", "P")
    assert "pins and needles is new" in reason(a, "Q3").text


def test_R4_version_2_new_tingling_gives_E_and_old_tingling_gives_P() -> None:
    answers = {**BACK, "rf_cancer_history": "yes", "tingling": {"left": ["sole"]}, "duration_days": 400}
    assert screen_v2({**answers, "neuro_new": "yes"}).tier == "E"
    assert screen_v2({**answers, "neuro_new": "no"}).tier == "P"


def test_R4_version_2_new_leg_pain_down_the_leg_fires_without_back_pain() -> None:
    a = screen_v2({"back_pain": "none", "leg_vs_back": "leg_worse", "radiates_to": {"left": "thigh"},
                   "leg_pain_new": "yes", "rf_cancer_history": "yes"})
    assert (a.level, a.tier) == ("urgent", "P")
    assert reason(a, "R4").because == {"rf_cancer_history": "yes", "leg_pain_new": "yes", "radiates_to.left": "thigh"}


def test_R4_pain_in_the_foot_only_is_not_radicular_and_is_listed() -> None:
    a = screen_v2({"back_pain": "none", "leg_vs_back": "neither", "pain": {"left": ["sole"]},
                   "leg_pain_new": "yes", "rf_cancer_history": "yes"})
    assert "R4" not in fired(a)
    assert "foot only" in reason(a, "R4.unmet").text


def test_R4_cancer_history_with_pain_down_the_leg_is_urgent_P() -> None:
    a = screen({"back_pain": "none", "rf_cancer_history": "yes", "radiates_to": {"right": "below_knee"}})
    assert (a.level, a.tier) == ("urgent", "P")
    assert reason(a, "R4").because == {"rf_cancer_history": "yes", "radiates_to.right": "below_knee"}


def test_R4_cancer_history_without_back_or_leg_pain_is_listed_with_why_it_did_not_fire() -> None:
    a = screen({"back_pain": "none", "pain": {}, "rf_cancer_history": "yes"})
    assert a.level != "urgent"
    unmet = reason(a, "R4.unmet")
    assert unmet.group == "red_flag"
    assert "no back pain is recorded and there is no pain down the leg" in unmet.text
    assert a.recommendation.startswith("Safety answer(s) to check before the patient leaves: Cancer")


def test_R4_cancer_history_with_back_pain_of_unrecorded_newness_is_listed_and_asks_for_it() -> None:
    a = screen({"back_pain": "mild", "rf_cancer_history": "yes"})
    assert "R4" not in fired(a)  # v2: "new or changed" back pain means back_pain_new = yes
    assert "not recorded whether the back pain is new" in reason(a, "R4.unmet").text
    assert "new, or has it changed" in reason(a, "Q3").text.lower() or "new or changed" in reason(a, "Q3").text
    assert a.recommendation.startswith("Safety answer(s) to check before the patient leaves:")


def test_R4_weight_loss_with_back_pain_is_urgent_P() -> None:
    a = screen({"back_pain": "mild", "rf_weight_loss_unexplained": "yes"})
    assert (a.level, a.tier) == ("urgent", "P")


def test_R4_constant_night_pain_with_back_pain_is_urgent_P() -> None:
    a = screen({"back_pain": "severe", "back_pain_new": "no", "rf_night_pain_constant": "yes"})
    assert (a.level, a.tier) == ("urgent", "P")
    assert reason(a, "R4").because == {"rf_night_pain_constant": "yes", "back_pain": "severe"}


def test_R4_weight_loss_without_back_pain_is_information_only() -> None:
    a = screen({"back_pain": "none", "rf_weight_loss_unexplained": "yes"})
    assert a.level != "urgent"
    assert "R4.unmet" in rules_of(a)


# --- R5 fracture -----------------------------------------------------------------------------------


def test_R5_major_trauma_with_back_pain_is_urgent_P() -> None:
    a = screen({"trauma": "major_fall_or_collision", "back_pain": "severe"})
    assert (a.level, a.tier) == ("urgent", "P")


def test_R5_major_trauma_with_back_pain_and_numbness_is_urgent_E() -> None:
    a = screen({"trauma": "major_fall_or_collision", "back_pain": "severe", "numbness": {"left": ["sole"]}})
    assert (a.level, a.tier) == ("urgent", "E")


def test_R5_new_back_pain_after_minor_fall_with_osteoporosis_is_urgent_P() -> None:
    a = screen({**BACK, "trauma": "minor_fall_or_lift", "rf_osteoporosis_or_steroids": "yes"})
    assert (a.level, a.tier) == ("urgent", "P")
    assert reason(a, "R5").because["trauma"] == "minor_fall_or_lift"


def test_R5_osteoporosis_without_a_fall_is_information_only() -> None:
    a = screen({**BACK, "trauma": "none", "rf_osteoporosis_or_steroids": "yes"})
    assert a.level != "urgent"
    assert "no minor fall or lift" in reason(a, "R5.unmet").text


def test_R5_major_trauma_without_back_pain_is_not_a_red_flag() -> None:
    a = screen({"trauma": "major_fall_or_collision", "back_pain": "none"})
    assert "R5" not in fired(a)
    assert "R5.unmet" in rules_of(a)


def test_R5_osteoporosis_with_the_injury_question_unanswered_asks_for_it() -> None:
    a = screen({**BACK, "rf_osteoporosis_or_steroids": "yes"})
    assert a.level != "urgent"
    assert "injury question is unanswered" in reason(a, "R5.unmet").text


# --- R6 children -----------------------------------------------------------------------------------


def test_R6_child_with_pain_into_the_foot_is_urgent_P() -> None:
    a = screen(CORE_RIGHT, age=12)
    assert (a.level, a.tier) == ("urgent", "P")
    assert reason(a, "R6").because == {"age_years": 12, "radiates_to.right": "foot"}


def test_R6_adolescent_with_back_pain_and_foot_numbness_is_urgent_P() -> None:
    a = screen({"back_pain": "mild", "numbness": {"left": ["big_toe"]}}, age=15)
    assert (a.level, a.tier) == ("urgent", "P")


def test_R6_uses_the_date_of_birth_when_age_is_not_answered() -> None:
    a = screen(CORE_RIGHT, age=11, age_answered=False)
    assert (a.level, a.tier) == ("urgent", "P")
    assert "Age 11" in reason(a, "R6").text


def test_R6_child_without_a_spinal_pattern_is_not_urgent_and_notes_adult_guidance() -> None:
    a = screen({"pain": {"left": ["heel"]}, "back_pain": "none"}, age=10)
    assert a.level == "not_indicated"
    assert "NG59" in reason(a, "R6.unmet").text


def test_R6_child_with_foot_numbness_and_back_pain_not_recorded_is_listed() -> None:
    a = screen({"numbness": {"left": ["big_toe"]}}, age=9)
    assert "R6" not in fired(a)
    assert "back pain is not recorded" in reason(a, "R6.unmet").text


def test_R6_does_not_apply_at_16() -> None:
    a = screen(CORE_RIGHT, age=16)
    assert "R6" not in fired(a)
    assert a.level == "possible"


# --- D1 tiers, D0 -----------------------------------------------------------------------------------


def test_D1_when_several_red_flags_fire_E_wins_over_P() -> None:
    a = screen({**BACK, "rf_infection_risk": "yes", "rf_saddle_numbness": "new"})
    assert {"R1", "R3"} <= fired(a)
    assert (a.level, a.tier) == ("urgent", "E")
    assert "suspected cauda equina; suspected spinal infection" in reason(a, "D1").text


def test_D1_urgent_P_only_when_every_fired_red_flag_is_P() -> None:
    a = screen({**BACK, "rf_infection_risk": "yes", "rf_cancer_history": "yes"})
    assert {"R3", "R4"} <= fired(a)
    assert (a.level, a.tier) == ("urgent", "P")


def test_D1_red_flags_override_a_likely_spinal_score() -> None:
    likely = {**CORE_RIGHT, **BACK, "worse_with": ["cough_sneeze_strain"], "back_conditions": ["herniated_disc"]}
    assert screen(likely).level == "likely"
    a = screen({**likely, "rf_bowel_change": "new"})
    assert (a.level, a.tier) == ("urgent", "E")
    assert "D2" in rules_of(a, "for")  # the scoring is still shown


def test_D0_all_red_flag_questions_no_is_the_only_way_to_say_no_red_flags() -> None:
    a = screen(CORE_RIGHT)
    line = reason(a, "D0")
    assert "no red flags" in line.text
    asked = [r for r in a.reasons if r.rule.endswith(".no")]
    assert sum(len(r.because) for r in asked) == 11
    assert all("not a red flag" in r.text for r in asked)


def test_D0_does_not_say_no_red_flags_when_one_was_positive() -> None:
    a = screen({**CORE_RIGHT, "rf_cancer_history": "yes"})
    assert "no red flags" not in reason(a, "D0").text


def test_red_flag_answers_listed_no_are_information_not_fired_flags() -> None:
    a = screen(CORE_RIGHT)
    assert a.red_flags == ()
    assert all(r.is_information for r in a.in_group("red_flag") if r.rule.startswith("R"))
