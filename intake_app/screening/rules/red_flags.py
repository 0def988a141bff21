"""Red flags R1-R6 (clinical-logic.md (b), version 2): each rule's condition, then its wording and
evidence.

A positive red-flag answer (b0) that does not meet its rule is never dropped: it becomes an
`Rn.unmet` information line carrying the answer in `Hit.open`, and D8 puts it at the head of the
recommendation. Long-standing answers are listed the same way but are not positive.
"""

from __future__ import annotations

from typing import Any

from intake_app.screening.facts import SIDES, Facts, side_key
from intake_app.screening.rules.base import (
    CES_QUESTIONS,
    RED_FLAG_LABELS,
    Hit,
    Rule,
    _asked_no,
    _hit,
    answer_text,  # cached wording
)
from intake_app.screening.rules.derived import above_ankle as _above_ankle
from intake_app.screening.rules.derived import (
    back_pain,
    core_sides,
    foot_nerve,
    infection_risk,
    leg_symptom,
    nerve_symptoms,
    new_back_pain,
    new_leg_pain,
    new_neuro_sides,
    radicular_pain,
    recent_spinal_procedure,
    weak_both_legs_new,
)


def _no_back_pain(back: str) -> str:
    """Why a back-pain condition failed: recorded as absent, or never recorded (ask now)."""
    return "no back pain is recorded" if back == "no" else "back pain is not recorded (ask now)"


def _weakness_words(f: Facts, side: str) -> str:
    return answer_text(f.questionnaire, "weakness", f.weakness(side)).lower()


# --- R1 suspected cauda equina --------------------------------------------------------------------


def _r1(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    back, back_because = back_pain(f)
    legs = {k: v for side in SIDES for k, v in leg_symptom(f, side).items()}
    for rf in CES_QUESTIONS:
        value = f.get(rf)
        label = RED_FLAG_LABELS[rf]
        if value == "new" and rf == "rf_saddle_numbness":
            # R1 (a): new saddle numbness fires whatever else is or is not recorded.
            hits.append(Hit(f"New {label}", {rf: value}, tier="E"))
        elif value == "new" and (back == "yes" or legs):
            # R1 (b): a new bladder, bowel or sexual change with BACK_PAIN or a LEG_SYMPTOM.
            hits.append(Hit(f"New {label}", {rf: value}, tier="E"))
        elif value == "new":
            hits.append(Hit(
                f"New {label}, but no back pain and no leg or foot symptom is recorded, so the cauda equina "
                "rule does not fire - clinician to check this answer and the pain answers before the patient "
                "leaves", {rf: value, **back_because}, info="unmet", open={rf: value}))
        elif value == "longstanding_unchanged":
            hits.append(Hit(
                f"{label.capitalize()}: long-standing and unchanged, so the cauda equina rule (which needs a "
                "new change) does not fire - clinician to confirm nothing has changed",
                {rf: value}, info="unmet"))
    both = f.get("rf_bilateral_leg_symptoms")
    if both == "new_or_spreading":
        # R1 (c): new bilateral radicular symptoms, including pain that has spread to the other leg.
        hits.append(Hit("New or spreading pain or numbness in both legs", {"rf_bilateral_leg_symptoms": both},
                        tier="E"))
    elif both == "longstanding":
        hits.append(Hit(
            "Symptoms in both legs: long-standing and unchanged, which on its own does not fire the cauda "
            "equina rule - clinician to confirm they have not spread or changed",
            {"rf_bilateral_leg_symptoms": both}, info="unmet"))
    weak = weak_both_legs_new(f)
    if weak:
        # R1 (d): WEAK_BOTH_LEGS_NEW.
        worse = any(v == "worsening" for k, v in weak.items() if k.startswith("weakness_course"))
        hits.append(Hit("Weakness in both legs, getting worse" if worse else "New weakness in both legs",
                        weak, tier="E"))
    return (*hits, *_asked_no(f, "R1"))


R1 = Rule("R1", "Suspected cauda equina", "red_flag",
          "Any of: (a) new saddle numbness, whatever else is recorded; (b) a new change in passing urine, "
          "bowel control or sexual function together with back pain or any leg or foot symptom; (c) new or "
          "spreading symptoms in both legs; (d) weakness in both legs that is getting worse on at least one "
          "side or new on both. Pain severity is not considered and pain is not required. A new change with no "
          "back or leg symptom at all, and long-standing unchanged answers, are listed as information (R1.unmet); "
          "pain below the knee in both legs with the both-legs question answered no is a Q4 conflict.",
          "URGENT, tier E.",
          "cauda equina compression has no fixed pattern; any one of these warrants emergency hospital "
          "assessment", ("3", "4", "5"), _r1)


# --- R2 motor deficit ------------------------------------------------------------------------


def _r2(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    both_new = weak_both_legs_new(f)
    for side in SIDES:
        weak = f.weakness(side)
        if weak is None:
            continue
        course, course_because = f.course(side)
        because: dict[str, Any] = {side_key("weakness", side): weak, **course_because}
        words = _weakness_words(f, side)
        if course == "worsening":
            what = "Foot drop" if weak == "foot_drop" else f"Weakness ({words})"
            hits.append(Hit(f"{what} in the {side} leg, getting worse", because, tier="E"))
        elif weak == "foot_drop" and course == "new_stable":
            hits.append(Hit(f"New foot drop in the {side} leg, not getting worse", because, tier="P"))
        elif weak == "foot_drop" and course is None:
            hits.append(Hit(f"Foot drop in the {side} leg; not recorded whether it is new - treated as new "
                            "(ask whether it is new or getting worse)", because, tier="P"))
        elif course == "new_stable" and not both_new:
            hits.append(Hit(
                f"New weakness in the {side} leg ({words}), not foot drop and not getting worse, so the "
                "motor-deficit rule does not fire - clinician to examine power before the patient leaves",
                because, info="unmet", open=because))
        elif course == "longstanding_stable":
            hits.append(Hit(
                f"Weakness in the {side} leg ({words}) is long-standing and unchanged: not a new motor "
                "deficit, so the motor-deficit rule does not fire - clinician to confirm", because, info="unmet"))
    return tuple(hits)


R2 = Rule("R2", "Motor deficit", "red_flag",
          "Judged per leg with that leg's weakness course: foot drop that is new (tier P) or getting worse (tier "
          "E), or any weakness that is getting worse (tier E). Foot drop with no course recorded fires tier P and "
          "Q3 asks for the course; other weakness with no course recorded is a red-flag data gap (D8). New, "
          "stable weakness other than foot drop (and not part of R1) is listed as R2.unmet and leads the "
          "recommendation; long-standing weakness is listed as information.",
          "URGENT, tier E or P.",
          "a new or worsening motor deficit needs an early specialist opinion; the desk cannot tell a nerve "
          "root from the peroneal nerve", ("4", "6", "22"), _r2)


# --- R3 suspected spinal infection -----------------------------------------------------------


def _r3(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    back, back_because = back_pain(f)
    if f.get("rf_fever_or_unwell") == "yes":
        if back == "yes":
            hits.append(Hit("Back pain with fever or feeling unwell", {"rf_fever_or_unwell": "yes", **back_because},
                            tier="E"))
        else:
            hits.append(Hit(
                f"Fever or feeling unwell, but {_no_back_pain(back)}; the spinal-infection rule needs back pain "
                "(a red, hot, swollen joint with fever is checked by the septic-arthritis alert)",
                {"rf_fever_or_unwell": "yes", **back_because}, info="unmet", open={"rf_fever_or_unwell": "yes"}))
    risk = infection_risk(f)
    procedure = recent_spinal_procedure(f)
    # R3 (v2): "new back pain" = back_pain_new = yes, or a recent spinal procedure with BACK_PAIN.
    new = new_back_pain(f) or ({**back_because, **procedure} if procedure and back == "yes" else {})
    if risk and new:
        hits.append(Hit("New back pain with an infection risk (injecting drug use, weakened immunity, a recent "
                        "spine operation or a diabetic foot ulcer)", {**risk, **new}, tier="P"))
    elif "rf_infection_risk" in risk:
        if back != "yes":
            why = _no_back_pain(back)
        elif f.get("back_pain_new") == "no":
            why = "the back pain is not new or changed"
        else:
            why = "it is not recorded whether the back pain is new (ask now)"
        hits.append(Hit(f"Infection risk, but {why}; the spinal-infection rule needs new back pain",
                        {"rf_infection_risk": "yes", **back_because}, info="unmet", open={"rf_infection_risk": "yes"}))
    return (*hits, *_asked_no(f, "R3"))


R3 = Rule("R3", "Suspected spinal infection", "red_flag",
          "Back pain with fever or feeling unwell (tier E), or new back pain with an infection risk (tier P). "
          "Infection risk: the infection-risk question answered yes, a back operation no more than 3 months ago, "
          "or diabetes with a foot ulcer. New back pain: back pain new or changed in the last 3 months, or back "
          "pain after a back operation no more than 3 months ago. A positive answer that does not meet the rule "
          "is listed as R3.unmet and leads the recommendation.",
          "URGENT, tier E or P.",
          "spinal infection often lacks the full textbook picture, so fever or risk with back pain is enough",
          ("4", "6", "7", "31"), _r3)


# --- R4 possible malignancy ------------------------------------------------------------------


def _r4(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    back, back_because = back_pain(f)
    if f.get("rf_cancer_history") == "yes":
        hits.append(_r4_cancer(f, back, back_because))
    for rf, label in (("rf_weight_loss_unexplained", "Unexplained weight loss"),
                      ("rf_night_pain_constant", "Constant night pain")):
        if f.get(rf) != "yes":
            continue
        if back == "yes":
            hits.append(Hit(f"{label} with back pain", {rf: "yes", **back_because}, tier="P"))
        else:
            hits.append(Hit(f"{label}, but {_no_back_pain(back)}; the malignancy rule needs back pain - clinician "
                            "to consider other causes", {rf: "yes", **back_because}, info="unmet", open={rf: "yes"}))
    return (*hits, *_asked_no(f, "R4"))


def _r4_cancer(f: Facts, back: str, back_because: dict[str, Any]) -> Hit:
    """R4 (v2): cancer history with new or changed back pain, or NEW_LEG_PAIN with RADICULAR_PAIN."""
    cancer = {"rf_cancer_history": "yes"}
    leg_new, leg_because = new_leg_pain(f)
    radicular = {k: v for side in SIDES for k, v in radicular_pain(f, side).items()}
    basis: dict[str, Any] = {}
    pains = []
    new_back = new_back_pain(f)
    if new_back:
        basis.update(new_back)
        pains.append("new or changed back pain")
    if leg_new == "yes" and radicular:
        basis.update({**leg_because, **radicular})
        pains.append("new or changed pain down the leg")
    if basis:
        neuro = {s: v for s, v in new_neuro_sides(f).items() if v[0] == "yes"}
        if neuro:  # E: that AND NEW_NEURO on a side with symptoms
            nerve = {k: v for _, because in neuro.values() for k, v in because.items()}
            return Hit(f"History of cancer with {' and '.join(pains)}, and new numbness, tingling or weakness",
                       {**cancer, **basis, **nerve}, tier="E")
        return Hit(f"History of cancer with {' and '.join(pains)}", {**cancer, **basis}, tier="P")
    if leg_new == "unknown" and radicular:
        # Only basis: an unknown NEW_LEG_PAIN with radicular pain -> P, never E; Q3 asks for it.
        return Hit("History of cancer with pain down the leg; not recorded whether the leg pain is new "
                   "(ask now) - treated as urgent priority", {**cancer, **radicular}, tier="P")
    foot_pain = {k: v for side in SIDES for k, v in foot_nerve(f, side).items()} or {
        side_key("pain", s): list(f.regions("pain", s)) for s in SIDES if f.regions("pain", s)}
    if radicular or back == "yes":
        not_new = {**back_because, **radicular, **leg_because}
        if back == "yes" and not radicular and f.get("back_pain_new") is None:
            text = ("Cancer history with back pain; not recorded whether the back pain is new (ask now) - "
                    "clinician to consider")
        else:
            text = ("Cancer history; pain not new - clinician to consider (long-standing, unchanged pain does "
                    "not fire the malignancy rule)")
        return Hit(text, {**cancer, **not_new}, info="unmet", open=cancer)
    if foot_pain:
        return Hit("Cancer history with symptoms in the foot only, which is not pain down the leg - clinician to "
                   "consider", {**cancer, **foot_pain}, info="unmet", open=cancer)
    return Hit(f"Cancer history, but {_no_back_pain(back)} and there is no pain down the leg - clinician to "
               "consider", {**cancer, **back_because}, info="unmet", open=cancer)


R4 = Rule("R4", "Possible malignancy", "red_flag",
          "A history of cancer with new or changed pain: back pain new or changed in the last 3 months, or new "
          "leg pain (the leg-pain question, or a duration of 90 days or less when it was not asked) travelling "
          "down the leg or above the ankle. Tier P, or tier E when new numbness, tingling or weakness is on a "
          "side with symptoms. When the only basis is leg pain of unknown newness, tier P, never E. Unexplained "
          "weight loss or constant night pain with back pain: tier P. A cancer history with only long-standing "
          "pain, or pain in the foot only, is listed as R4.unmet (pain not new - clinician to consider).",
          "URGENT, tier E or P.",
          "new spinal pain after cancer may be spinal metastasis; nerve symptoms call for the MSCC pathway",
          ("2", "6", "7", "8"), _r4)


# --- R5 possible fracture --------------------------------------------------------------------


def _r5(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    trauma = f.get("trauma")
    back, back_because = back_pain(f)
    if trauma == "major_fall_or_collision":
        because = {"trauma": trauma, **back_because}
        if back == "yes":
            nerve = nerve_symptoms(f)
            if nerve:
                hits.append(Hit("Major fall or collision with back pain and numbness, tingling or weakness in a leg",
                                {**because, **nerve}, tier="E"))
            else:
                hits.append(Hit("Major fall or collision with back pain", because, tier="P"))
        else:
            hits.append(Hit(f"Major fall or collision, but {_no_back_pain(back)}; the fracture rule needs back pain "
                            "(the fracture-assessment alert checks the foot and ankle)", because, info="unmet",
                            open={"trauma": trauma}))
    if f.get("rf_osteoporosis_or_steroids") == "yes":
        hits.append(_r5_fragility(f, trauma, back, back_because))
    return (*hits, *_asked_no(f, "R5"))


def _r5_fragility(f: Facts, trauma: Any, back: str, back_because: dict[str, Any]) -> Hit:
    fragile = {"rf_osteoporosis_or_steroids": "yes"}
    new = new_back_pain(f)  # R5 (v2): "new back pain" = back_pain_new = yes
    if new and trauma == "minor_fall_or_lift":
        return Hit("New back pain after a minor fall or lift with osteoporosis or long-term steroids",
                   {**fragile, **new, "trauma": trauma}, tier="P")
    if new and f.get("back_pain") == "severe":
        return Hit("New severe back pain with osteoporosis or long-term steroids (fragile bones often break with "
                   "no injury)", {**fragile, **new, "back_pain": "severe"}, tier="P")
    why = []
    if back != "yes":
        why.append(_no_back_pain(back))
    elif f.get("back_pain_new") == "no":
        why.append("the back pain is not new or changed")
    elif f.get("back_pain_new") is None:
        why.append("it is not recorded whether the back pain is new (ask now)")
    if trauma is None:
        why.append("the injury question is unanswered (ask now)")
    elif trauma != "minor_fall_or_lift" and back == "yes" and f.get("back_pain_new") == "yes":
        why.append("no minor fall or lift is recorded and the back pain is not severe")
    elif trauma != "minor_fall_or_lift":
        why.append("no minor fall or lift is recorded")
    because = {**fragile, **back_because, **({"trauma": trauma} if trauma is not None else {})}
    return Hit(f"Osteoporosis or long-term steroids, but {' and '.join(why)}; the fragility-fracture part of the "
               "fracture rule needs new back pain after a minor fall or lift, or new severe back pain",
               because, info="unmet", open=fragile)


R5 = Rule("R5", "Possible fracture", "red_flag",
          "A major fall or road collision with back pain (tier E with numbness, tingling or weakness in a leg, "
          "else P); or, with osteoporosis or long-term steroids, back pain new or changed in the last 3 months "
          "after a minor fall or lift, or new back pain that is severe whatever the injury answer (tier P). A "
          "positive answer that does not meet the rule is listed as R5.unmet and leads the recommendation.",
          "URGENT, tier E or P.",
          "major trauma, or minor or no trauma on fragile bone, can fracture the spine",
          ("6", "7"), _r5)


# --- R6 child or adolescent --------------------------------------------------------------------


def _r6(f: Facts) -> tuple[Hit, ...]:
    age = f.age
    if age is None or age >= 16:
        return ()
    age_because: dict[str, Any] = {"age_years": age} if f.age_answered else {}
    core = core_sides(f)
    if core:
        return _hit(f"Age {age} (under 16) with pain travelling into the foot",
                    {**age_because, **{side_key("radiates_to", s): "foot" for s in core}}, tier="P")
    back, back_because = back_pain(f)
    # R6 (v2): BACK_PAIN with numbness, tingling or weakness anywhere in a leg, or with any leg symptom
    # above the foot (pain travelling into the buttock, thigh or below the knee).
    legs = {**nerve_symptoms(f), **{k: v for s in SIDES for k, v in _above_ankle(f, s).items()}}
    if legs and back == "yes":
        return _hit(f"Age {age} (under 16) with back pain and leg symptoms (nerve symptoms, or pain travelling "
                    "into the leg)", {**age_because, **back_because, **legs}, tier="P")
    why = (f"leg symptoms but {_no_back_pain(back)}" if legs
           else "neither pain into the foot nor leg symptoms above the foot or nerve symptoms")
    return _hit(
        f"Age {age} (under 16) with {why}, so the child rule does not fire; adult guidance (NICE NG59) does not "
        "apply - clinician to assess", {**age_because, **back_because, **legs}, info="unmet")


R6 = Rule("R6", "Child or adolescent", "red_flag",
          "Age under 16 (the answer, or worked out from the date of birth) with pain travelling into the foot, "
          "or with back pain together with numbness, tingling or weakness anywhere in a leg or any leg symptom "
          "above the foot (pain travelling into the buttock, thigh or below the knee).",
          "URGENT, tier P.",
          "in children nerve-root pain is itself a reason for urgent referral; NICE NG59 covers 16 and over",
          ("9", "1"), _r6)


RED_FLAG_RULES: tuple[Rule, ...] = (R1, R2, R3, R4, R5, R6)


def red_flag_hits(f: Facts) -> tuple[tuple[str, Hit], ...]:
    """Every fired R-rule line as (rule id, hit)."""
    return tuple((rule.id, h) for rule in RED_FLAG_RULES for h in rule.hits(f) if h.fired)


def open_red_flag_answers(f: Facts) -> tuple[Hit, ...]:
    """The `.unmet` lines of positive red-flag answers (b0): each leads the recommendation (D8)."""
    return tuple(h for rule in RED_FLAG_RULES for h in rule.hits(f) if h.open)
