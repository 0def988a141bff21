"""The questionnaire file: complete against the clinical field list, validated on load."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intake_app.domain.questionnaire import (
    DEFAULT_QUESTIONNAIRE,
    QuestionnaireError,
    load_questionnaire,
    load_questionnaire_file,
    questionnaire_path,
)

V1 = "foot-leg-intake/1"
V2 = "foot-leg-intake/2"

# Every intake field of the clinical specification, section (c), as version 1 asks them.
SPEC_FIELDS = {
    "age_years": "integer", "pain": "per_side_regions", "numbness": "per_side_regions",
    "tingling": "per_side_regions", "radiates_to": "per_side_choice", "weakness": "per_side_choice",
    "weakness_course": "choice", "pain_score_0_10": "integer", "pain_character": "multi", "onset": "choice",
    "duration_days": "integer", "trauma": "choice", "worse_with": "multi", "better_with": "multi",
    "walking_distance_consistent": "choice", "back_pain": "choice", "back_pain_new": "choice",
    "first_back_episode": "choice", "leg_vs_back": "choice", "back_conditions": "multi", "back_surgery": "choice",
    "back_surgery_months_ago": "integer", "pain_free_after_surgery": "choice", "rf_saddle_numbness": "choice",
    "rf_bladder_change": "choice", "rf_bowel_change": "choice", "rf_sexual_dysfunction": "choice",
    "rf_bilateral_leg_symptoms": "choice", "rf_fever_or_unwell": "choice", "rf_infection_risk": "choice",
    "rf_cancer_history": "choice", "rf_weight_loss_unexplained": "choice", "rf_night_pain_constant": "choice",
    "rf_osteoporosis_or_steroids": "choice", "diabetes": "choice", "smoker": "choice",
    "known_circulation_problem": "choice", "sock_distribution": "choice", "foot_red_hot_swollen": "choice",
    "foot_cold_or_pale": "choice", "foot_ulcer_or_rest_pain": "choice", "can_bear_weight": "choice",
    "bony_spot_tender": "choice", "recent_activity_increase": "choice", "inner_ankle_tap_tingles": "choice",
}

# Version 2 adds these (section c, "(v2)") and asks weakness_course for each side.
SPEC_FIELDS_V2 = {
    **SPEC_FIELDS,
    "weakness_course": "per_side_choice", "leg_pain_new": "choice", "neuro_new": "choice",
    "new_symptom_started": "choice", "back_conditions_other": "text", "weakness_other": "per_side_text",
    "current_medicines": "text", "blood_thinner": "choice", "allergies": "text", "preferred_language": "choice",
    "interpreter_needed": "choice", "interpreter_language": "text", "desk_note": "text",
}

SPEC_VALUES = {
    "radiates_to": ["none", "buttock", "thigh", "below_knee", "foot"],
    "weakness": ["none", "foot_drop", "tiptoe_weak", "leg_gives_way", "other"],
    "weakness_course": ["new_stable", "worsening", "longstanding_stable", "n/a"],
    "onset": ["sudden", "gradual", "after_injury"],
    "rf_saddle_numbness": ["new", "no", "unknown"],
    "rf_bladder_change": ["new", "longstanding_unchanged", "no", "unknown"],
    "rf_bilateral_leg_symptoms": ["new_or_spreading", "longstanding", "no", "unknown"],
    "rf_cancer_history": ["yes", "no", "unknown"],
    "foot_red_hot_swollen": ["no", "big_toe_joint", "ankle_or_other_joint", "whole_foot"],
    "back_conditions": ["none", "herniated_disc", "spinal_stenosis", "spondylolisthesis", "previous_sciatica", "other"],
    "back_surgery": ["none", "microdiscectomy", "decompression", "fusion", "other"],
    "leg_vs_back": ["leg_worse", "about_equal", "back_worse", "no_back_pain", "no_leg_pain"],
}

SPEC_REGIONS = [
    "buttock", "back_of_thigh", "front_of_thigh", "knee", "calf", "outer_shin", "inner_shin", "ankle", "inner_ankle",
    "heel", "arch", "sole", "ball_of_foot", "between_toes_3_4", "top_of_foot", "outer_edge_of_foot", "big_toe",
    "big_toe_joint", "little_toes", "all_toes", "whole_foot",
]


def test_new_intakes_use_version_2() -> None:
    assert DEFAULT_QUESTIONNAIRE == V2
    assert load_questionnaire().ref == V2


@pytest.mark.parametrize(("ref", "fields"), [(V1, SPEC_FIELDS), (V2, SPEC_FIELDS_V2)])
def test_every_clinical_field_is_asked_with_its_type(ref: str, fields: dict[str, str]) -> None:
    q = load_questionnaire(ref)
    asked = {question.id: question.type for question in q.answer_questions}
    assert asked == fields


@pytest.mark.parametrize("ref", [V1, V2])
def test_allowed_values_follow_the_specification(ref: str) -> None:
    q = load_questionnaire(ref)
    for field, values in SPEC_VALUES.items():
        expected = [*values, "neither"] if (ref, field) == (V2, "leg_vs_back") else values
        assert sorted(q.question(field).values) == sorted(expected), field


@pytest.mark.parametrize("ref", [V1, V2])
def test_regions_are_the_specified_vocabulary_in_order(ref: str) -> None:
    q = load_questionnaire(ref)
    assert list(q.region_ids) == SPEC_REGIONS
    assert q.region_groups["foot"] == tuple(SPEC_REGIONS[SPEC_REGIONS.index("ankle"):])
    assert q.region_groups["below_knee"] == ("calf", "outer_shin", "inner_shin")


def test_sections_are_in_front_desk_order() -> None:
    titles = [s.id for s in load_questionnaire(V1).sections]
    assert titles == ["patient", "where", "behaviour", "back", "safety", "health"]
    titles = [s.id for s in load_questionnaire(V2).sections]
    assert titles == ["patient", "where", "behaviour", "back", "safety", "health", "referral"]


@pytest.mark.parametrize("ref", [V1, V2])
def test_every_red_flag_question_can_be_left_not_asked(ref: str) -> None:
    q = load_questionnaire(ref)
    assert len(q.red_flag_ids) == 11
    for rf in q.red_flag_ids:
        assert rf.startswith("rf_")
        assert "unknown" in q.question(rf).values


@pytest.mark.parametrize(
    ("field", "answers", "shown"),
    [
        ("weakness_course", {}, False),
        ("weakness_course", {"weakness": {"left": "none", "right": "none"}}, False),
        ("weakness_course", {"weakness": {"right": "foot_drop"}}, True),
        ("back_surgery_months_ago", {"back_surgery": "none"}, False),
        ("back_surgery_months_ago", {"back_surgery": "fusion"}, True),
        ("pain_free_after_surgery", {"back_surgery": "microdiscectomy"}, True),
        ("back_pain_new", {"back_pain": "none"}, False),
        ("back_pain_new", {"back_pain": "mild"}, True),
        ("back_pain_new", {}, False),
    ],
)
def test_conditional_questions_show_only_when_they_apply(field: str, answers: dict, shown: bool) -> None:
    q = load_questionnaire(V1)
    assert q.is_shown(q.question(field), answers) is shown


def _broken_copy(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(questionnaire_path("foot-leg-intake/1").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "1.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["sections"][1]["fields"][0].update(type="slider"), "sections(where).fields[0](pain).type"),
        (lambda d: d["sections"][1]["fields"][3].pop("options"), "radiates_to).options"),
        (lambda d: d["sections"][4]["fields"][0]["options"].pop(), "rf_saddle_numbness).options"),
        (lambda d: d["sections"][1]["fields"][0].update(colour="red"), "pain).colour: unknown key"),
        (lambda d: d["sections"][1]["fields"][5].update(show_if={"field": "nope", "in": ["x"]}), "nope"),
        (lambda d: d.update(region_groups={"foot": ["knee", "hoof"]}), "region_groups.foot"),
        (lambda d: d.pop("sections"), "sections"),
    ],
)
def test_a_broken_questionnaire_names_the_file_and_key(tmp_path: Path, change, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = _broken_copy(tmp_path, change)
    with pytest.raises(QuestionnaireError) as excinfo:
        load_questionnaire_file(path)
    assert excinfo.value.message.startswith("1.yaml: ")
    assert expected in excinfo.value.message


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "1.yaml"
    path.write_text("id: x\nversion: [1\n", encoding="utf-8")
    with pytest.raises(QuestionnaireError, match=r"1.yaml: not valid YAML at line \d"):
        load_questionnaire_file(path)


def test_unknown_questionnaire_reference_is_a_clear_error() -> None:
    with pytest.raises(QuestionnaireError, match="not installed"):
        load_questionnaire("foot-leg-intake/99")
    with pytest.raises(QuestionnaireError, match="not a questionnaire reference"):
        load_questionnaire("../../etc/passwd")


def test_an_option_label_cut_at_a_comma_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "1.yaml"
    text = questionnaire_path("foot-leg-intake/1").read_text(encoding="utf-8")
    quoted = 'en: "Coughing, sneezing or straining"'
    assert quoted in text
    path.write_text(text.replace(quoted, "en: Coughing, sneezing or straining"), encoding="utf-8")
    with pytest.raises(QuestionnaireError, match="unknown language"):
        load_questionnaire_file(path)
    # The same cut in a plain (untranslated) label is caught as an unknown key of the option.
    plain = text.replace('label: {en: "Coughing, sneezing or straining", es: "Toser, estornudar o hacer fuerza"}',
                         "label: Coughing, sneezing or straining")
    assert plain != text
    path.write_text(plain, encoding="utf-8")
    with pytest.raises(QuestionnaireError, match="unknown key"):
        load_questionnaire_file(path)


def _broken_v2(tmp_path: Path, field: str, **changes: object) -> Path:
    data = yaml.safe_load(questionnaire_path(V2).read_text(encoding="utf-8"))
    for section in data["sections"]:
        for question in section["fields"]:
            if question["id"] == field:
                question.update(changes)
    path = tmp_path / "2.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("field", "changes", "expected"),
    [
        ("age_years", {"show_if": {"field": "weakness", "in": ["other"], "per_side": True}},
         "only a per-side question can be asked per side"),
        ("weakness_other", {"show_if": {"field": "onset", "in": ["sudden"], "per_side": True}},
         "'onset' is not a per-side field"),
        ("neuro_new", {"show_if": {"any": [{"field": "pain", "answered": True}], "field": "x"}}, "nothing beside it"),
        ("neuro_new", {"show_if": {"field": "pain", "answered": False}}, "answered: true"),
        ("neuro_new", {"show_if": {"field": "pain", "answered": True, "in": ["x"]}}, "exactly one of"),
        ("neuro_new", {"show_if": {"field": "pain", "colour": "red", "in": ["x"]}}, "colour: unknown key"),
        ("neuro_new", {"show_if": {"any": [{"field": "nope", "answered": True}]}}, "unknown field 'nope'"),
        ("onset", {"multiline": True}, "only a text question can be multiline"),
        ("onset", {"max_length": 5}, "only a text question has a maximum length"),
        ("desk_note", {"multiline": "yes"}, "expected true or false"),
        ("weakness_course", {"counts_as_unanswered": ["maybe"]}, "'maybe' is not one of the options"),
        ("radiates_to", {"short": "Pain down the {leg}"}, 'one "{side}"'),
    ],
)
def test_a_broken_version_2_feature_names_the_file_and_key(
    tmp_path: Path, field: str, changes: dict, expected: str
) -> None:
    with pytest.raises(QuestionnaireError) as excinfo:
        load_questionnaire_file(_broken_v2(tmp_path, field, **changes))
    assert excinfo.value.message.startswith("2.yaml: ")
    assert expected in excinfo.value.message


def test_the_version_2_model_is_explicit() -> None:
    q = load_questionnaire(V2)
    course = q.question("weakness_course")
    assert course.required and course.per_side and course.counts_as_unanswered == ("n/a",)
    assert course.show_if is not None and course.show_if.per_side
    assert q.question("weakness_other").type == "per_side_text"
    assert [x.id for x in q.questions if x.multiline] == ["current_medicines", "allergies", "desk_note"]
    assert [x.id for x in q.sections[-1].questions] == [
        "current_medicines", "blood_thinner", "allergies", "preferred_language", "interpreter_needed",
        "interpreter_language", "desk_note",
    ]
    assert q.sections[-1].title == "For the referral"
    assert q.question("blood_thinner").values == ("yes", "no", "unknown")
    assert q.question("new_symptom_started").values == (
        "within_24h", "1_to_3_days", "4_to_14_days", "over_2_weeks", "unknown",
    )


def test_installed_questionnaires_lists_both_versions() -> None:
    from intake_app.domain.questionnaire import installed_questionnaires

    assert installed_questionnaires() == (V1, V2)
