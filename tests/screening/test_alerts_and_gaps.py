"""Safety alerts N1-N4 (shown whatever the level) and data gaps Q1-Q3."""

from __future__ import annotations

from intake_app.screening import assess
from intake_app.screening.text import format_text
from tests.screening.builders import CORE_RIGHT, RED_FLAGS, fired, make_document, reason, rules_of, screen, screen_v2

BACK = {"back_pain": "moderate", "back_pain_new": "yes"}


def test_N1_red_hot_swollen_joint_with_fever_is_a_septic_arthritis_alert() -> None:
    a = screen({"foot_red_hot_swollen": "ankle_or_other_joint", "rf_fever_or_unwell": "yes", "back_pain": "none"})
    n1 = reason(a, "N1")
    assert n1.group == "alert"
    assert n1.because == {"foot_red_hot_swollen": "ankle_or_other_joint", "rf_fever_or_unwell": "yes"}
    assert "refer immediately" in n1.text
    assert a.level == "not_indicated"  # alerts never change the spinal level
    assert "possible septic arthritis" in a.recommendation


def test_N1_is_shown_with_an_urgent_level_too() -> None:
    a = screen({**BACK, "foot_red_hot_swollen": "whole_foot", "rf_fever_or_unwell": "yes"})
    assert a.level == "urgent"
    assert "N1" in fired(a)


def test_N2_injury_with_inability_to_bear_weight_needs_fracture_assessment() -> None:
    a = screen({"trauma": "ankle_or_foot_twist", "can_bear_weight": "no", "pain": {"left": ["ankle"]}})
    assert reason(a, "N2").because == {"trauma": "ankle_or_foot_twist", "can_bear_weight": "no"}
    assert a.level == "not_indicated"  # L4 by D6; N2 alongside


def test_N2_bony_tenderness_after_injury_alone_is_enough() -> None:
    a = screen({"onset": "after_injury", "bony_spot_tender": "yes"})
    assert reason(a, "N2").because == {"onset": "after_injury", "bony_spot_tender": "yes"}


def test_N2_not_without_an_injury() -> None:
    a = screen({"trauma": "none", "bony_spot_tender": "yes", "can_bear_weight": "no"})
    assert "N2" not in fired(a)


def test_N3_diabetes_with_hot_swollen_foot_is_a_diabetic_foot_alert() -> None:
    a = screen({"diabetes": "yes", "foot_red_hot_swollen": "whole_foot"})
    assert reason(a, "N3").because == {"diabetes": "yes", "foot_red_hot_swollen": "whole_foot"}


def test_N3_diabetes_with_ulcer_is_a_diabetic_foot_alert_alongside_a_spinal_level() -> None:
    a = screen({**CORE_RIGHT, "diabetes": "yes", "foot_ulcer_or_rest_pain": "yes"})
    assert "N3" in fired(a)
    assert a.level == "possible"


def test_N3_not_without_diabetes() -> None:
    a = screen({"diabetes": "no", "foot_ulcer_or_rest_pain": "yes"})
    assert "N3" not in fired(a)


def test_N4_ulcer_or_rest_pain_with_a_cold_pale_foot_is_a_limb_ischaemia_alert() -> None:
    a = screen({"foot_ulcer_or_rest_pain": "yes", "foot_cold_or_pale": "yes"})
    assert reason(a, "N4").because == {"foot_ulcer_or_rest_pain": "yes", "foot_cold_or_pale": "yes"}
    assert "vascular" in reason(a, "N4").text


def test_N_alerts_are_printed_as_a_banner_in_the_text() -> None:
    document = make_document({"foot_ulcer_or_rest_pain": "yes", "foot_cold_or_pale": "yes"})
    text = format_text(assess(document), document)
    banner = text.index("*** SAFETY ALERT")
    assert text.index("*** [N4] Possible critical limb ischaemia - ") > banner
    assert banner < text.index("Recommendation:")


def test_Q1_unknown_red_flag_answer_is_a_data_gap() -> None:
    a = screen({**CORE_RIGHT, "rf_cancer_history": "unknown"})
    q1 = reason(a, "Q1")
    assert q1.group == "gap"
    assert q1.because == {"rf_cancer_history": "unknown"}
    assert "history of cancer" in q1.text
    assert not a.red_flag_screen_complete
    assert "D0" not in rules_of(a)
    assert "before the patient leaves" in a.recommendation


def test_Q1_a_draft_with_no_red_flag_answers_lists_every_question() -> None:
    a = screen(CORE_RIGHT, red_flags=None)
    assert set(reason(a, "Q1").because) == set(RED_FLAGS)
    assert all("no red flag" not in r.text.lower() for r in a.reasons)
    assert "no red flag" not in a.recommendation.lower()


def test_Q1_does_not_hide_a_fired_red_flag() -> None:
    a = screen({**BACK, "rf_saddle_numbness": "new", "rf_bladder_change": "unknown"})
    assert (a.level, a.tier) == ("urgent", "E")
    assert "Q1" in fired(a)


def test_Q2_over_60_with_first_episode_of_back_pain_adds_a_caution_note() -> None:
    a = screen({"back_pain": "mild", "first_back_episode": "yes"}, age=67)
    q2 = reason(a, "Q2")
    assert q2.group == "gap"
    assert q2.because == {"age_years": 67, "first_back_episode": "yes"}
    assert a.level == "not_indicated"  # a note, not a trigger


def test_Q2_not_at_exactly_60() -> None:
    a = screen({"back_pain": "mild", "first_back_episode": "yes"}, age=60)
    assert "Q2" not in rules_of(a)


def test_Q3_missing_deciding_answers_are_data_gaps_not_errors() -> None:
    a = screen({"pain": {"left": ["heel"]}})
    q3 = reason(a, "Q3")
    assert q3.group == "gap"
    for words in ("Pain travels down the leg as far as", "Low back pain"):  # radiates_to, back_pain (v2 list)
        assert words in q3.text
    assert "_" not in q3.text  # plain words, never field keys
    assert "new or changed" not in q3.text  # back_pain_new: no rule depends on it here


def test_Q3_weakness_course_is_asked_for_when_weakness_is_marked() -> None:
    a = screen({**CORE_RIGHT, "weakness": {"right": "tiptoe_weak"}})
    assert "Course of the weakness, right leg" in reason(a, "Q3").text
    assert reason(a, "Q3").because == {"weakness.right": "tiptoe_weak"}


def test_Q3_weakness_course_is_asked_per_side_in_version_2() -> None:
    a = screen_v2({**CORE_RIGHT, "weakness": {"left": "tiptoe_weak", "right": "other"},
                   "weakness_course": {"left": "longstanding_stable", "right": "n/a"}})
    q3 = reason(a, "Q3")
    assert "Course of the weakness, right leg" in q3.text and "left leg" not in q3.text
    assert q3.because == {"weakness.right": "other", "weakness_course.right": "n/a"}


def test_Q3_asks_how_long_ago_the_back_operation_was() -> None:
    a = screen({**CORE_RIGHT, "back_surgery": "fusion"})
    assert reason(a, "Q3").because == {"back_surgery": "fusion"}


def test_Q3_asks_whether_back_pain_is_new_only_where_R3_R4_or_R5_depend_on_it() -> None:
    assert "Q3" not in rules_of(screen({**CORE_RIGHT, "back_pain": "mild", "leg_vs_back": "about_equal"}))
    a = screen({**CORE_RIGHT, "back_pain": "mild", "leg_vs_back": "about_equal", "rf_osteoporosis_or_steroids": "yes"})
    assert reason(a, "Q3").because["rf_osteoporosis_or_steroids"] == "yes"


def test_Q3_absent_when_the_deciding_answers_are_given() -> None:
    a = screen({**CORE_RIGHT})
    assert "Q3" not in rules_of(a)
