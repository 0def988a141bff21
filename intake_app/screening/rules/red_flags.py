"""Red flags R1-R6 (clinical-logic.md (b)): each rule's condition, then its wording and evidence."""

from __future__ import annotations

from typing import Any

from intake_app.screening.facts import ABOVE_ANKLE, FOOT, SIDES, Facts, side_key
from intake_app.screening.rules.base import (
    CES_QUESTIONS,
    RADICULAR_REACH,
    RED_FLAG_LABELS,
    SEVERE_WEAKNESS,
    Hit,
    Rule,
    _asked_no,
    _hit,
    _new_nerve_symptoms,
    _note_if_unknown,
)
from intake_app.screening.rules.derived import core_sides


# --- red flags (R) ------------------------------------------------------------------------------
def _r1(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    pain, _ = f.leg_or_back_symptoms()
    for rf in CES_QUESTIONS:
        value = f.get(rf)
        label = RED_FLAG_LABELS[rf]
        if value == "new":
            if pain == "no":
                hits.append(Hit(
                    f"New {label}, but no back, leg or foot pain is recorded, which R1 requires - "
                    "clinician to check the pain answers now",
                    {rf: value}, info="unmet"))
            else:
                hits.append(Hit(f"New {label}{_note_if_unknown(pain, 'leg or back pain')}", {rf: value}, tier="E"))
        elif value == "longstanding_unchanged":
            hits.append(Hit(
                f"{label.capitalize()}: long-standing and unchanged, so R1 (which needs a new change) "
                "does not fire - clinician to confirm nothing has changed",
                {rf: value}, info="unmet"))
    both = f.get("rf_bilateral_leg_symptoms")
    if both == "new_or_spreading":
        hits.append(Hit("New or spreading pain or numbness in both legs", {"rf_bilateral_leg_symptoms": both},
                        tier="E"))
    elif both == "longstanding":
        hits.append(Hit(
            "Symptoms in both legs: long-standing and unchanged, which on its own does not fire R1 - "
            "clinician to confirm they have not spread or changed",
            {"rf_bilateral_leg_symptoms": both}, info="unmet"))
    elif both == "no":
        legs: dict[str, Any] = {}
        for side in SIDES:
            reach = f.radiates(side)
            if reach is not None:
                legs[side_key("radiates_to", side)] = reach
            for region_field in ("pain", "numbness", "tingling"):
                above = f.regions_in(region_field, side, ABOVE_ANKLE)
                if above:
                    legs[side_key(region_field, side)] = list(above)
        if all(any(k.endswith(f".{side}") for k in legs) for side in SIDES):
            hits.append(Hit(
                "Leg symptoms are marked on both legs although the both-legs question was answered no - "
                "clinician to check (new symptoms in both legs would fire R1)",
                {"rf_bilateral_leg_symptoms": both, **legs}, info="note"))
    left, right = f.weakness("left"), f.weakness("right")
    if left is not None and right is not None:
        course = f.get("weakness_course")
        because: dict[str, Any] = {"weakness.left": left, "weakness.right": right}
        if course is not None:
            because["weakness_course"] = course
        severe = left in SEVERE_WEAKNESS and right in SEVERE_WEAKNESS
        if course == "worsening":
            hits.append(Hit("Weakness in both legs, getting worse", because, tier="E"))
        elif course == "new_stable" and severe:
            hits.append(Hit("New severe weakness in both legs", because, tier="E"))
        elif course in (None, "n/a"):
            hits.append(Hit(
                "Weakness in both legs; not recorded whether it is new or getting worse - treated as progressive",
                because, tier="E"))
        else:
            hits.append(Hit(
                f"Weakness in both legs ({course.replace('_', ' ')}), neither severe and new nor getting "
                "worse, so R1 does not fire - clinician to examine",
                because, info="unmet"))
    return (*hits, *_asked_no(f, "R1"))


R1 = Rule("R1", "Suspected cauda equina", "red_flag",
          "Leg, foot or back pain (or pain not yet recorded) together with any of: new saddle numbness; a new "
          "change in passing urine, bowel control or sexual function; new or spreading symptoms in both legs "
          "(rf_bilateral_leg_symptoms = new_or_spreading); weakness in both legs that is getting worse, is new "
          "and severe (foot drop or leg giving way on both sides), or whose course is not recorded. Pain "
          "severity is not considered. Long-standing unchanged answers are listed as information only.",
          "URGENT, tier E.",
          "cauda equina compression has no fixed pattern; any one of these warrants emergency hospital "
          "assessment", ("3", "4", "5"), _r1)


def _r2(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    course = f.get("weakness_course")
    for side in SIDES:
        weak = f.weakness(side)
        if weak is None:
            continue
        because: dict[str, Any] = {side_key("weakness", side): weak}
        if course is not None:
            because["weakness_course"] = course
        if course == "worsening":
            what = "Foot drop" if weak == "foot_drop" else "Weakness"
            hits.append(Hit(f"{what} in the {side} leg, getting worse", because, tier="E"))
        elif weak == "foot_drop":
            if course == "new_stable":
                hits.append(Hit(f"New foot drop ({side}), not getting worse", because, tier="P"))
            elif course == "longstanding_stable":
                hits.append(Hit(
                    f"Foot drop ({side}) is long-standing and unchanged: not a new motor deficit, so R2 "
                    "does not fire - clinician to confirm",
                    because, info="unmet"))
            else:
                hits.append(Hit(f"Foot drop ({side}); not recorded whether it is new - treated as new",
                                because, tier="P"))
    return tuple(hits)


R2 = Rule("R2", "Motor deficit", "red_flag",
          "Foot drop on either leg that is new (tier P) or getting worse (tier E), or any weakness that is "
          "getting worse (tier E). Foot drop whose course is not recorded is treated as new (P).",
          "URGENT, tier E or P.",
          "a new or worsening motor deficit needs an early specialist opinion; the desk cannot tell a nerve "
          "root from the peroneal nerve", ("4", "6", "22"), _r2)


def _no_back_pain(back: str) -> str:
    """Why a back-pain condition failed: recorded as absent, or never recorded (ask now)."""
    return "no back pain" if back == "no" else "back pain is not recorded (ask now)"
def _newness_note(new: str) -> str:
    return " (not recorded whether the back pain is new - treated as new)" if new == "unknown" else ""
def _r3(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    back, back_because = f.back_pain()
    if f.get("rf_fever_or_unwell") == "yes":
        if back == "yes":
            hits.append(Hit("Back pain with fever or feeling unwell", {"rf_fever_or_unwell": "yes", **back_because},
                            tier="E"))
        else:
            hits.append(Hit(
                f"Fever or feeling unwell, but {_no_back_pain(back)}; R3 needs back pain (a red, hot, swollen "
                "joint with fever is checked by N1)",
                {"rf_fever_or_unwell": "yes", **back_because}, info="unmet"))
    if f.get("rf_infection_risk") == "yes":
        new, new_because = f.new_back_pain()
        if back == "yes" and new != "no":
            hits.append(Hit(f"New back pain with an infection risk{_newness_note(new)}",
                            {"rf_infection_risk": "yes", **new_because}, tier="P"))
        else:
            why = "the back pain is not new or changed" if back == "yes" else _no_back_pain(back)
            hits.append(Hit(f"Infection risk, but {why}; R3 needs new back pain",
                            {"rf_infection_risk": "yes", **new_because}, info="unmet"))
    return (*hits, *_asked_no(f, "R3"))


R3 = Rule("R3", "Suspected spinal infection", "red_flag",
          "Back pain with fever or feeling unwell (tier E), or new or changed back pain with an infection risk "
          "(injecting drug use, immune-suppressing treatment, recent spinal procedure) (tier P). Back pain whose "
          "newness is not recorded counts as new; a positive answer without back pain is listed as R3.unmet.",
          "URGENT, tier E or P.",
          "spinal infection often lacks the full textbook picture, so fever or risk with back pain is enough",
          ("4", "6", "7", "31"), _r3)


def _r4(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    back, back_because = f.back_pain()
    if f.get("rf_cancer_history") == "yes":
        new, new_because = f.new_back_pain()
        radicular = {
            side_key("radiates_to", side): f.radiates(side)
            for side in SIDES if f.radiates(side) in RADICULAR_REACH
        }
        new_back = back == "yes" and new != "no"
        if new_back or radicular:
            because: dict[str, Any] = {"rf_cancer_history": "yes"}
            pains = []
            if new_back:
                because.update(new_because)
                pains.append("new or changed back pain")
            because.update(radicular)
            if radicular:
                pains.append("pain down the leg")
            note = _newness_note(new) if new_back and not radicular else ""
            nerve = _new_nerve_symptoms(f)
            if nerve:
                hits.append(Hit(
                    f"History of cancer with {' and '.join(pains)}, and new numbness, tingling or weakness{note}",
                    {**because, **nerve}, tier="E"))
            else:
                hits.append(Hit(f"History of cancer with {' and '.join(pains)}{note}", because, tier="P"))
        else:
            why = "the back pain is not new or changed" if back == "yes" else _no_back_pain(back)
            hits.append(Hit(
                f"History of cancer, but {why} and there is no pain down the leg, so R4 does not fire - "
                "clinician to confirm",
                {"rf_cancer_history": "yes", **new_because}, info="unmet"))
    for rf, label in (("rf_weight_loss_unexplained", "Unexplained weight loss"),
                      ("rf_night_pain_constant", "Constant night pain")):
        if f.get(rf) != "yes":
            continue
        if back == "yes":
            hits.append(Hit(f"{label} with back pain", {rf: "yes", **back_because}, tier="P"))
        else:
            hits.append(Hit(f"{label}, but {_no_back_pain(back)}; R4 needs back pain - clinician to consider "
                            "other causes", {rf: "yes", **back_because}, info="unmet"))
    return (*hits, *_asked_no(f, "R4"))


R4 = Rule("R4", "Possible malignancy", "red_flag",
          "A history of cancer with new or changed back pain or with pain travelling down the leg (thigh or "
          "further): tier P, or tier E when numbness, tingling or weakness (not known to be long-standing) is "
          "reported with it. Unexplained weight loss or constant night pain with back pain: tier P. Back pain "
          "whose newness is not recorded counts as new.",
          "URGENT, tier E or P.",
          "new spinal pain after cancer may be spinal metastasis; nerve symptoms call for the MSCC pathway",
          ("2", "6", "7", "8"), _r4)


def _r5(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    trauma = f.get("trauma")
    back, back_because = f.back_pain()
    if trauma == "major_fall_or_collision":
        because = {"trauma": trauma, **back_because}
        if back == "yes":
            nerve = f.nerve_symptoms()
            if nerve:
                hits.append(Hit("Major fall or collision with back pain and nerve symptoms", {**because, **nerve},
                                tier="E"))
            else:
                hits.append(Hit("Major fall or collision with back pain", because, tier="P"))
        else:
            hits.append(Hit(f"Major fall or collision, but {_no_back_pain(back)}; R5 needs back pain (N2 checks "
                            "the foot and ankle for a fracture)", because, info="unmet"))
    if f.get("rf_osteoporosis_or_steroids") == "yes":
        new, new_because = f.new_back_pain()
        because = {"rf_osteoporosis_or_steroids": "yes", **new_because}
        if trauma is not None:
            because["trauma"] = trauma
        if back == "yes" and new != "no" and trauma == "minor_fall_or_lift":
            hits.append(Hit(f"New back pain after a minor fall or lift with osteoporosis or long-term "
                            f"steroids{_newness_note(new)}", because, tier="P"))
        else:
            why = []
            if back != "yes":
                why.append(_no_back_pain(back))
            elif new == "no":
                why.append("the back pain is not new or changed")
            if trauma is None:
                why.append("the injury question is unanswered (ask now)")
            elif trauma != "minor_fall_or_lift":
                why.append("no minor fall or lift is recorded")
            hits.append(Hit(
                f"Osteoporosis or long-term steroids, but {' and '.join(why)}; the fragility-fracture part of "
                "R5 needs new back pain after a minor fall or lift",
                because, info="unmet"))
    return (*hits, *_asked_no(f, "R5"))


R5 = Rule("R5", "Possible fracture", "red_flag",
          "A major fall or road collision with back pain (tier E with numbness, tingling or weakness, else "
          "P), or new back pain after a minor fall or lift in someone with osteoporosis or long-term steroids "
          "(tier P). Back pain whose newness is not recorded counts as new.",
          "URGENT, tier E or P.",
          "major trauma, or minor trauma on fragile bone, can fracture the spine",
          ("6", "7"), _r5)


def _r6(f: Facts) -> tuple[Hit, ...]:
    age = f.age
    if age is None or age >= 16:
        return ()
    age_because: dict[str, Any] = {"age_years": age} if f.age_answered else {}
    core = core_sides(f)
    if core:
        return _hit(f"Age {age} (under 16) with pain travelling into the foot",
                    {**age_because, **{side_key("radiates_to", s): "foot" for s in core}}, tier="P")
    back, back_because = f.back_pain()
    foot_nerve: dict[str, Any] = {}
    for side in SIDES:
        for region_field in ("numbness", "tingling"):
            in_foot = f.regions_in(region_field, side, FOOT)
            if in_foot:
                foot_nerve[side_key(region_field, side)] = list(in_foot)
        if f.weakness(side) is not None:
            foot_nerve[side_key("weakness", side)] = f.weakness(side)
    if foot_nerve and back == "yes":
        return _hit(f"Age {age} (under 16) with back pain and nerve symptoms in the foot",
                    {**age_because, **back_because, **foot_nerve}, tier="P")
    why = (f"nerve symptoms in the foot but {_no_back_pain(back)}" if foot_nerve
           else "neither pain into the foot nor nerve symptoms in the foot")
    return _hit(
        f"Age {age} (under 16) with {why}, so R6 does not fire; adult guidance (NICE NG59) does not apply - "
        "clinician to assess", {**age_because, **back_because, **foot_nerve}, info="unmet")


R6 = Rule("R6", "Child or adolescent", "red_flag",
          "Age under 16 (the answer, or worked out from the date of birth) with pain travelling into the "
          "foot, or with back pain and numbness, tingling or weakness in the foot.",
          "URGENT, tier P.",
          "in children nerve-root pain is itself a reason for urgent referral; NICE NG59 covers 16 and over",
          ("9", "1"), _r6)


def red_flag_hits(f: Facts) -> tuple[tuple[str, Hit], ...]:
    """Every fired R-rule line as (rule id, hit)."""
    return tuple((rule.id, h) for rule in RED_FLAG_RULES for h in rule.hits(f) if h.fired)


RED_FLAG_RULES: tuple[Rule, ...] = (R1, R2, R3, R4, R5, R6)
