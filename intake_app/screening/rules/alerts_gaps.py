"""Non-spinal safety alerts N1-N4 and the data gaps and cautions Q1-Q4 (clinical-logic.md (b), (d))."""

from __future__ import annotations

from typing import Any

from intake_app.screening.facts import SIDES, Facts
from intake_app.screening.rules.base import (  # cached wording
    RED_FLAG_LABELS,
    Hit,
    Rule,
    _hit,
    question_text,
    question_text_for_side,
)
from intake_app.screening.rules.decision import unknown_red_flags
from intake_app.screening.rules.derived import (
    back_pain,
    conflicts,
    infection_risk,
    missing_course_sides,
    new_neuro_sides,
    radicular_pain,
)
from intake_app.screening.rules.red_flags import R4

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



ALERT_RULES: tuple[Rule, ...] = (N1, N2, N3, N4)

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
          "None on the level; the recommendation opens with the questions to ask before the patient leaves "
          "(D8), and no output may say there are no red flags.",
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


def missing_answers(f: Facts) -> tuple[tuple[str, dict[str, Any]], ...]:
    """Q3 (v2): unanswered questions that decide a red flag or the level, in plain words, each with the
    answers that make it matter (only answers present in the document)."""
    q = f.questionnaire
    found: list[tuple[str, dict[str, Any]]] = []

    def name(field: str) -> str:
        return question_text(q, field, short=True)

    for side, because in missing_course_sides(f).items():
        found.append((question_text_for_side(q, "weakness_course", side), because))
    surgery = f.get("back_surgery")
    if surgery not in (None, "none") and not f.has("back_surgery_months_ago"):
        found.append((name("back_surgery_months_ago"), {"back_surgery": surgery}))
    back, back_because = back_pain(f)
    depends = {rf: "yes" for rf in ("rf_infection_risk", "rf_cancer_history", "rf_osteoporosis_or_steroids")
               if f.get(rf) == "yes"} | infection_risk(f)
    if back == "yes" and not f.has("back_pain_new") and depends:
        found.append((name("back_pain_new"), {**back_because, **depends}))
    cancer = f.get("rf_cancer_history") == "yes"
    radicular = {k: v for s in SIDES for k, v in radicular_pain(f, s).items()}
    if cancer and radicular and not f.has("leg_pain_new") and f.get("back_pain_new") != "yes" \
            and q.has_question("leg_pain_new"):
        found.append((name("leg_pain_new"), {"rf_cancer_history": "yes", **radicular}))
    elif cancer and radicular and not f.has("leg_pain_new") and f.get("back_pain_new") != "yes":
        found.append(("whether the leg pain is new or changed in the last 3 months (not asked in this version "
                      "of the form; the duration answer is used)", {"rf_cancer_history": "yes", **radicular}))
    # A local addition: whether numbness or tingling is new decides tier E of R4 when R4 fires.
    sensory = {k: v for s, (state, b) in new_neuro_sides(f).items() if state == "unknown" for k, v in b.items()}
    if cancer and sensory and any(h.fired for h in R4.hits(f)) and not f.has("neuro_new"):
        label = name("neuro_new") if q.has_question("neuro_new") else (
            "whether the numbness or pins and needles is new or changed in the last 3 months")
        found.append((label, {"rf_cancer_history": "yes", **sensory}))
    if not f.age_answered:
        found.append((name("age_years"), {}))
    if not f.has("radiates_to"):
        found.append((name("radiates_to"), {}))
    if not f.has("back_pain"):
        found.append((name("back_pain"), {}))
    return tuple(found)


def _q3(f: Facts) -> tuple[Hit, ...]:
    missing = missing_answers(f)
    if not missing:
        return ()
    because = {k: v for _, b in missing for k, v in b.items()}
    return _hit(f"Not answered, so screened as nothing reported: {'; '.join(text for text, _ in missing)}",
                because)


Q3 = Rule("Q3", "Answers missing", "gap",
          "Unanswered questions that decide a red flag or the level: the course of the weakness on a leg with "
          "weakness (missing or not applicable), how long ago a back operation was, whether the back pain is new "
          "where the infection, malignancy or fracture rule depends on it, whether the leg pain is new where the "
          "malignancy rule depends on it, age, how far the pain travels down the leg, and back pain. Also (a "
          "local addition) whether numbness or tingling is new when the malignancy rule fired and its tier "
          "depends on it. Empty region or tick lists mean none and are not gaps.",
          "None; the screening treats the missing answer as nothing reported (except where a rule says "
          "otherwise) and says so.",
          "a draft is screened as far as it goes; a missing answer is a gap, not a negative finding",
          ("A8",), _q3)


def _q4(f: Facts) -> tuple[Hit, ...]:
    return tuple(Hit(conflict.text, conflict.because) for conflict in conflicts(f))


Q4 = Rule("Q4", "Conflicting answers", "gap",
          "Answers that disagree: no back pain but the leg-versus-back answer says the back hurts; back pain but "
          "the leg-versus-back answer says there is none; back pain new with no back pain recorded; the "
          "infection-risk question answered no after a back operation no more than 3 months ago; leg symptoms "
          "above the ankle with 'no leg pain' or 'neither'; pain below the knee in both legs with the both-legs "
          "question answered no. Each line names both answers in the questionnaire's words.",
          "Never lowers a level: the rules read the answers in the way that fires a red flag (the back hurts, "
          "newly; the infection risk is present; the leg symptoms count). Each conflict leads the "
          "recommendation (D8).",
          "a conflicting answer is asked again before the patient leaves; until then, safety first",
          ("2", "5"), _q4)
