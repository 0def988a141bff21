"""Non-spinal safety alerts N1-N4 and the data gaps and cautions Q1-Q3 (clinical-logic.md (b), (d))."""

from __future__ import annotations

from typing import Any

from intake_app.screening.facts import SIDES, Facts
from intake_app.screening.rules.base import GAP_FIELDS, RED_FLAG_LABELS, Hit, Rule, _hit
from intake_app.screening.rules.decision import unknown_red_flags

# --- safety alerts (N) -------------------------------------------------------------------------


def _n1(f: Facts) -> tuple[Hit, ...]:
    joint = f.get("foot_red_hot_swollen")
    if joint in (None, "no") or f.get("rf_fever_or_unwell") != "yes":
        return ()
    return _hit(f"Red, hot, swollen {str(joint).replace('_', ' ')} with fever or feeling unwell: possible "
                "septic arthritis - refer immediately",
                {"foot_red_hot_swollen": joint, "rf_fever_or_unwell": "yes"})


N1 = Rule("N1", "Possible septic arthritis", "alert",
          "A red, hot, swollen joint or foot with fever or feeling unwell.",
          "Safety alert, shown whatever the level; never changes the level.",
          "a hot swollen joint with fever needs same-day assessment to exclude infection", ("17",), _n1)


def _n2(f: Facts) -> tuple[Hit, ...]:
    because: dict[str, Any] = {}
    if f.get("trauma") not in (None, "none"):
        because["trauma"] = f.get("trauma")
    elif f.get("onset") == "after_injury":
        because["onset"] = "after_injury"
    if not because:
        return ()
    signs = {}
    if f.get("can_bear_weight") == "no":
        signs["can_bear_weight"] = "no"
    if f.get("bony_spot_tender") == "yes":
        signs["bony_spot_tender"] = "yes"
    if not signs:
        return ()
    return _hit("Injury with inability to take 4 steps or a tender spot on the bone: needs fracture "
                "assessment (Ottawa rules)", {**because, **signs})


N2 = Rule("N2", "Fracture assessment", "alert",
          "An injury (any answer to the injury question other than none, or onset after an injury) with "
          "inability to take 4 steps or a tender spot on the bone.",
          "Safety alert, shown whatever the level; never changes the level.",
          "the Ottawa ankle and foot rules call for an X-ray in this situation", ("18",), _n2)


def _n3(f: Facts) -> tuple[Hit, ...]:
    if f.get("diabetes") != "yes":
        return ()
    because: dict[str, Any] = {}
    if f.get("foot_red_hot_swollen") not in (None, "no"):
        because["foot_red_hot_swollen"] = f.get("foot_red_hot_swollen")
    if f.get("foot_ulcer_or_rest_pain") == "yes":
        because["foot_ulcer_or_rest_pain"] = "yes"
    if not because:
        return ()
    return _hit("Diabetes with a hot, swollen foot (possible Charcot foot) or a non-healing sore: "
                "urgent foot-service review", {"diabetes": "yes", **because})


N3 = Rule("N3", "Diabetic foot emergency", "alert",
          "Diabetes with a red, hot, swollen foot or joint (possible Charcot foot), or with a non-healing "
          "sore or rest pain.",
          "Safety alert, shown whatever the level; never changes the level.",
          "a hot swollen diabetic foot or an ulcer needs urgent review by the foot service", ("20",), _n3)


def _n4(f: Facts) -> tuple[Hit, ...]:
    if f.get("foot_ulcer_or_rest_pain") != "yes" or f.get("foot_cold_or_pale") != "yes":
        return ()
    return _hit("Non-healing sore or rest pain with a cold or pale foot: possible critical limb "
                "ischaemia - urgent vascular review",
                {"foot_ulcer_or_rest_pain": "yes", "foot_cold_or_pale": "yes"})


N4 = Rule("N4", "Possible critical limb ischaemia", "alert",
          "A non-healing sore or pain at rest, with a cold or pale foot.",
          "Safety alert, shown whatever the level; never changes the level.",
          "rest pain or tissue loss with a cold foot needs urgent vascular review", ("14",), _n4)


# --- data gaps and cautions (Q) ------------------------------------------------------------------


def _q1(f: Facts) -> tuple[Hit, ...]:
    missing = unknown_red_flags(f)
    if not missing:
        return ()
    labels = "; ".join(RED_FLAG_LABELS.get(rf, rf) for rf in missing)
    return _hit(f"Red-flag screen incomplete - not asked: {labels}. Ask before the patient leaves; red "
                "flags cannot be ruled out until then",
                {rf: "unknown" for rf in missing if f.get(rf) == "unknown"})


Q1 = Rule("Q1", "Red-flag screen incomplete", "gap",
          "Any red-flag question is unknown (not asked).",
          "None on the level; the recommendation asks for the questions before the patient leaves, and no "
          "output may say there are no red flags.",
          "patients rarely volunteer saddle or bladder symptoms, so the questions must be asked",
          ("2", "5"), _q1)


def _q2(f: Facts) -> tuple[Hit, ...]:
    age = f.age
    if age is None or age <= 60 or f.get("first_back_episode") != "yes":
        return ()
    because: dict[str, Any] = {"age_years": age} if f.age_answered else {}
    return _hit(f"Age {age} (over 60) with a first-ever episode of back pain: a caution for the clinician, "
                "not a trigger", {**because, "first_back_episode": "yes"})


Q2 = Rule("Q2", "Over 60, first episode of back pain", "gap",
          "Age over 60 with a first-ever episode of back pain.",
          "A caution note only; never a trigger.",
          "one community list treats this as a priority sign, but single red flags are poor predictors",
          ("7",), _q2)


def _q3(f: Facts) -> tuple[Hit, ...]:
    missing = [q.id for q in f.answer_questions
               if q.id in GAP_FIELDS and not f.has(q.id) and f.questionnaire.is_shown(q, f.answers)]
    course = f.get("weakness_course")
    because: dict[str, Any] = {}
    if course == "n/a" and any(f.weakness(s) is not None for s in SIDES):
        missing.append("weakness_course")
        because["weakness_course"] = course
    if not missing:
        return ()
    return _hit(f"Not answered, so screened as nothing reported: {', '.join(missing)}", because)


Q3 = Rule("Q3", "Answers missing", "gap",
          "One of the single-choice answers that decide the level or a red flag (age_years, radiates_to, "
          "weakness, weakness_course, trauma, back_pain, back_pain_new, leg_vs_back, back_conditions, "
          "back_surgery) was not given while its question applies, or weakness_course is n/a although "
          "weakness is marked. Empty region or tick lists mean none and are not gaps.",
          "None; the screening treats the missing answer as nothing reported and says so.",
          "a draft is screened as far as it goes; a missing answer is a gap, not a negative finding",
          (), _q3, local=True)
