"""Derived facts (clinical-logic.md (b0)): one definition each, used by every rule that needs it.

Each fact returns what it found as `because` entries (field keys, per-leg answers as
"field.side"), so the rule that uses it can show the answers behind it. Facts are memoised per
assessment in `Facts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake_app.screening.facts import ABOVE_ANKLE, FOOT, REGION_FIELDS, SIDES, Facts, Tristate, side_key
from intake_app.screening.rules.base import answer_text, question_text  # cached wording

BACK_PAIN_LEVELS = ("mild", "moderate", "severe")
# leg_vs_back answers that say the back hurts, and those that say it does not (b0 BACK_PAIN).
BACK_HURTS = ("leg_worse", "about_equal", "back_worse", "no_leg_pain")
NO_BACK = ("no_back_pain", "neither")
NO_LEG = ("no_leg_pain", "neither")
FOOT_WEAKNESS = ("foot_drop", "tiptoe_weak")  # (b0) FOOT_SYMPTOM, D5 "FOOT"
ABOVE_ANKLE_WEAKNESS = ("leg_gives_way", "other")  # (b0) ABOVE_ANKLE
NEW_COURSES = ("new_stable", "worsening")
NEW_WINDOW_DAYS = 90  # (b0): "new" = in the last 3 months; version 1 documents use duration_days
CES_POSITIVE = ("yes", "new", "new_or_spreading")  # (b0) positive red-flag answer


def core_sides(f: Facts) -> tuple[str, ...]:
    """D2: the legs where pain travels from the back or buttock into the foot."""
    return tuple(side for side in SIDES if f.side_value("radiates_to", side) == "foot")


# --- BACK_PAIN -------------------------------------------------------------------------------------


def back_pain(f: Facts) -> tuple[Tristate, dict[str, Any]]:
    """BACK_PAIN (b0): back_pain mild or worse, OR leg_vs_back says the back hurts, OR
    back_pain_new = yes. Where the answers disagree, the reading in which the back hurts wins (Q4
    lists the conflict). "unknown" only when nothing about the back is answered."""
    def compute(facts: Facts) -> tuple[Tristate, dict[str, Any]]:
        value, versus, new = facts.get("back_pain"), facts.get("leg_vs_back"), facts.get("back_pain_new")
        if value in BACK_PAIN_LEVELS:
            return "yes", {"back_pain": value}
        if versus in BACK_HURTS:
            return "yes", {"leg_vs_back": versus}
        if new == "yes":
            return "yes", {"back_pain_new": new}
        if value == "none":
            return "no", {"back_pain": value}
        if versus in NO_BACK:
            return "no", {"leg_vs_back": versus}
        return "unknown", {}
    return f.memo("BACK_PAIN", compute)


def new_back_pain(f: Facts) -> dict[str, Any]:
    """back_pain_new = yes (R3, R4, R5 "new back pain"); BACK_PAIN is then present by (b0)."""
    if f.get("back_pain_new") != "yes":
        return {}
    _, because = back_pain(f)
    return {**because, "back_pain_new": "yes"}


# --- legs ---------------------------------------------------------------------------------------


def _regions(f: Facts, side: str, fields: tuple[str, ...], group: tuple[str, ...] | None) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in fields:
        marked = f.regions(name, side) if group is None else f.regions_in(name, side, group)
        if marked:
            found[side_key(name, side)] = list(marked)
    return found


def leg_symptom(f: Facts, side: str) -> dict[str, Any]:
    """LEG_SYMPTOM(side): any pain, numbness or tingling region, pain travelling down the leg, or
    weakness on that side."""
    found = _regions(f, side, REGION_FIELDS, None)
    if f.radiates(side) is not None:
        found[side_key("radiates_to", side)] = f.radiates(side)
    if f.weakness(side) is not None:
        found[side_key("weakness", side)] = f.weakness(side)
    return found


def foot_symptom(f: Facts, side: str) -> dict[str, Any]:
    """FOOT_SYMPTOM(side): numbness, tingling or pain in a FOOT region, or foot drop / weakness
    rising on tiptoe."""
    found = _regions(f, side, REGION_FIELDS, FOOT)
    if f.weakness(side) in FOOT_WEAKNESS:
        found[side_key("weakness", side)] = f.weakness(side)
    return found


def foot_nerve(f: Facts, side: str) -> dict[str, Any]:
    """FOOT_SYMPTOM(side) with numbness, tingling or weakness (D5 (a), D7): pain alone excluded."""
    found = _regions(f, side, ("numbness", "tingling"), FOOT)
    if f.weakness(side) in FOOT_WEAKNESS:
        found[side_key("weakness", side)] = f.weakness(side)
    return found


def foot_nerve_sides(f: Facts) -> dict[str, dict[str, Any]]:
    return f.memo("foot_nerve_sides", lambda facts: {s: b for s in SIDES if (b := foot_nerve(facts, s))})


def above_ankle(f: Facts, side: str) -> dict[str, Any]:
    """ABOVE_ANKLE(side): a pain, numbness or tingling region above the ankle, pain travelling down
    the leg, or the leg giving way / other weakness (site not stated)."""
    found = _regions(f, side, REGION_FIELDS, ABOVE_ANKLE)
    if f.radiates(side) is not None:
        found[side_key("radiates_to", side)] = f.radiates(side)
    if f.weakness(side) in ABOVE_ANKLE_WEAKNESS:
        found[side_key("weakness", side)] = f.weakness(side)
    return found


def radicular_pain(f: Facts, side: str) -> dict[str, Any]:
    """RADICULAR_PAIN(side): pain travelling down the leg, or a PAIN region above the ankle (pain in
    the foot only is not radicular)."""
    found = _regions(f, side, ("pain",), ABOVE_ANKLE)
    if f.radiates(side) is not None:
        found[side_key("radiates_to", side)] = f.radiates(side)
    return found


def nerve_symptoms(f: Facts) -> dict[str, Any]:
    """Any numbness, tingling or weakness in either leg (R5 tier E, R6)."""
    found: dict[str, Any] = {}
    for side in SIDES:
        found.update(_regions(f, side, ("numbness", "tingling"), None))
        if f.weakness(side) is not None:
            found[side_key("weakness", side)] = f.weakness(side)
    return found


# --- newness -------------------------------------------------------------------------------------


def _recent(f: Facts) -> dict[str, Any]:
    """The version 1 default of the newness questions: duration_days <= 90."""
    days = f.get("duration_days")
    return {"duration_days": days} if isinstance(days, int) and days <= NEW_WINDOW_DAYS else {}


def new_leg_pain(f: Facts) -> tuple[Tristate, dict[str, Any]]:
    """NEW_LEG_PAIN: leg_pain_new; without that answer, yes when duration_days <= 90, else unknown."""
    answer = f.get("leg_pain_new")
    if answer in ("yes", "no"):
        return answer, {"leg_pain_new": answer}
    recent = _recent(f)
    return ("yes", recent) if recent else ("unknown", {})


def _neuro_new(f: Facts) -> tuple[Tristate, dict[str, Any]]:
    answer = f.get("neuro_new")
    if answer in ("yes", "no"):
        return answer, {"neuro_new": answer}
    recent = _recent(f)
    return ("yes", recent) if recent else ("unknown", {})


def new_neuro(f: Facts, side: str) -> tuple[Tristate, dict[str, Any]]:
    """NEW_NEURO(side): weakness on that side that is new or getting worse, OR numbness or tingling
    on that side that is new (neuro_new, or duration_days <= 90 without that answer)."""
    course, course_because = f.course(side)
    if course in NEW_COURSES:
        return "yes", {side_key("weakness", side): f.weakness(side), **course_because}
    sensory = _regions(f, side, ("numbness", "tingling"), None)
    if not sensory:
        return "no", {}
    state, because = _neuro_new(f)
    return state, {**sensory, **because}


def new_neuro_sides(f: Facts) -> dict[str, tuple[Tristate, dict[str, Any]]]:
    return f.memo("NEW_NEURO", lambda facts: {s: new_neuro(facts, s) for s in SIDES})


# --- weakness ---------------------------------------------------------------------------------


def missing_course_sides(f: Facts) -> dict[str, dict[str, Any]]:
    """Sides with weakness but no course recorded (missing or n/a): a red-flag data gap (R2, D0)."""
    found: dict[str, dict[str, Any]] = {}
    for side in SIDES:
        weak = f.weakness(side)
        course, because = f.course(side)
        if weak is not None and course is None:
            found[side] = {side_key("weakness", side): weak, **because}
    return found


def weak_both_legs_new(f: Facts) -> dict[str, Any]:
    """WEAK_BOTH_LEGS_NEW: weakness on both sides, and the course on at least one side is worsening
    or on both sides is new_stable."""
    if f.weakness("left") is None or f.weakness("right") is None:
        return {}
    courses = {side: f.course(side) for side in SIDES}
    values = [course for course, _ in courses.values()]
    if "worsening" not in values and values != ["new_stable", "new_stable"]:
        return {}
    because: dict[str, Any] = {}
    for side in SIDES:
        because[side_key("weakness", side)] = f.weakness(side)
        because.update(courses[side][1])
    return because


# --- spine ------------------------------------------------------------------------------------


def recent_spinal_procedure(f: Facts) -> dict[str, Any]:
    """RECENT_SPINAL_PROCEDURE: a back operation no more than 3 months ago."""
    surgery, months = f.get("back_surgery"), f.get("back_surgery_months_ago")
    if surgery in (None, "none") or not isinstance(months, int) or months > 3:
        return {}
    return {"back_surgery": surgery, "back_surgery_months_ago": months}


def infection_risk(f: Facts) -> dict[str, Any]:
    """R3 (v2) infection risk: rf_infection_risk = yes, a recent spinal procedure, or diabetes with a
    foot ulcer (a skin source)."""
    found: dict[str, Any] = {}
    if f.get("rf_infection_risk") == "yes":
        found["rf_infection_risk"] = "yes"
    found.update(recent_spinal_procedure(f))
    if f.get("diabetes") == "yes" and f.get("foot_ulcer_or_rest_pain") == "yes":
        found.update({"diabetes": "yes", "foot_ulcer_or_rest_pain": "yes"})
    return found


# --- conflicting answers (Q4) ----------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """Two answers that disagree (Q4). Every Q4 conflict is safety-relevant (b0)."""

    text: str
    because: dict[str, Any]
    topic: str  # a short plain name for the D8 list


def _answer(f: Facts, field: str, value: Any, side: str | None = None) -> str:
    return answer_text(f.questionnaire, field, value, side=side)


def _question(f: Facts, field: str) -> str:
    return question_text(f.questionnaire, field, short=True)


def conflicts(f: Facts) -> tuple[Conflict, ...]:
    """The conflicts of (b0) and R1, each naming both answers in the questionnaire's words."""
    def compute(facts: Facts) -> tuple[Conflict, ...]:
        found: list[Conflict] = []
        value, versus, new = facts.get("back_pain"), facts.get("leg_vs_back"), facts.get("back_pain_new")

        def pair(first: str, second: str, what: str, reading: str) -> None:
            a, b = facts.get(first), facts.get(second)
            found.append(Conflict(
                f"{_question(facts, first)} answered '{_answer(facts, first, a)}', but "
                f"{_question(facts, second).lower()} answered '{_answer(facts, second, b)}' - ask again; "
                f"until then {reading}",
                {first: a, second: b}, what))

        back_reading = "the back is taken to hurt (safety first)"
        if value == "none" and versus in BACK_HURTS:
            pair("back_pain", "leg_vs_back", "whether the back hurts", back_reading)
        if value in BACK_PAIN_LEVELS and versus in NO_BACK:
            pair("back_pain", "leg_vs_back", "whether the back hurts", back_reading)
        if new == "yes" and value == "none":
            pair("back_pain_new", "back_pain", "whether there is new back pain",
                 "the back is taken to hurt newly (safety first)")
        if new == "yes" and versus in NO_BACK:
            pair("back_pain_new", "leg_vs_back", "whether there is new back pain",
                 "the back is taken to hurt newly (safety first)")
        procedure = recent_spinal_procedure(facts)
        if facts.get("rf_infection_risk") == "no" and procedure:
            found.append(Conflict(
                f"{_question(facts, 'rf_infection_risk')} answered 'No', but a back operation "
                f"{_answer(facts, 'back_surgery_months_ago', procedure['back_surgery_months_ago'])} ago is "
                "recorded (a recent spine procedure is an infection risk) - ask again; until then the "
                "infection risk is taken as present",
                {"rf_infection_risk": "no", **procedure}, "infection risk after a recent back operation"))
        if versus in NO_LEG:
            legs: dict[str, Any] = {}
            for side in SIDES:
                legs.update(_regions(facts, side, REGION_FIELDS, ABOVE_ANKLE))
                if facts.radiates(side) is not None:
                    legs[side_key("radiates_to", side)] = facts.radiates(side)
            if legs:
                found.append(Conflict(
                    f"{_question(facts, 'leg_vs_back')} answered '{_answer(facts, 'leg_vs_back', versus)}', "
                    "but leg pain, numbness or pins and needles above the ankle is recorded - ask again; "
                    "until then the leg symptoms count",
                    {"leg_vs_back": versus, **legs}, "whether the leg hurts"))
        # R1: pain down both legs to below the knee or further, but the both-legs question says no.
        reach = {side: facts.radiates(side) for side in SIDES}
        if facts.get("rf_bilateral_leg_symptoms") == "no" and all(
                r in ("below_knee", "foot") for r in reach.values()):
            found.append(Conflict(
                f"{_question(facts, 'rf_bilateral_leg_symptoms')} answered 'No', but pain is recorded "
                "travelling below the knee in both legs - ask the both-legs question again (new symptoms "
                "in both legs are an emergency)",
                {"rf_bilateral_leg_symptoms": "no",
                 **{side_key("radiates_to", side): r for side, r in reach.items()}},
                "pain down both legs"))
        return tuple(found)
    return f.memo("conflicts", compute)
