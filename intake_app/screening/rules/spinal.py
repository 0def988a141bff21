"""Spinal-origin support S1-S8 and the article rules A3, A5 (clinical-logic.md (a), (b)).

The S rules are scored once per patient, on one leg (the scoring side); each rule's condition is
followed by its wording and evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from intake_app.screening.facts import BELOW_KNEE, FOOT, SIDES, Facts, side_key
from intake_app.screening.rules.base import (
    ROOT_PATTERNS,
    SPINAL_CONDITIONS,
    Condition,
    Hit,
    Rule,
    _hit,
    answer_text,  # cached wording
)
from intake_app.screening.rules.derived import back_pain, core_sides, foot_nerve_sides

# --- spinal support (S), scored once per patient on the CORE side -------------------------------

SideCheck = Callable[[Facts, str], Hit | None]


def _scored(check: SideCheck) -> Condition:
    def condition(f: Facts) -> tuple[Hit, ...]:
        hit = check(f, scoring_side(f))
        return () if hit is None else (hit,)
    return condition


def _s1(f: Facts, side: str) -> Hit | None:
    if f.side_value("radiates_to", side) != "foot":
        return None
    return Hit(f"Pain travels from the back or buttock down the {side} leg into the foot",
               {side_key("radiates_to", side): "foot"})



def _s1_rule(f: Facts) -> tuple[Hit, ...]:
    core = core_sides(f)
    if core:
        if len(core) == 2:
            return _hit("Pain travels from the back or buttock down both legs into the feet",
                        {side_key("radiates_to", s): "foot" for s in core})
        hit = _s1(f, core[0])
        assert hit is not None
        return (hit,)
    because = {side_key("radiates_to", s): f.side_value("radiates_to", s)
               for s in SIDES if f.has_side("radiates_to", s)}
    reach = [f.radiates(s) for s in SIDES if f.radiates(s) is not None]
    if not f.has("radiates_to"):
        text = "Pain travelling from the back into the foot: not recorded (question unanswered)"
    elif "below_knee" in reach:
        text = "Pain travels below the knee but not into the foot"
    elif reach:
        text = "Pain does not travel below the knee"
    else:
        text = "Pain does not travel from the back down the leg"
    return _hit(text, because, info="absent", group="against")


S1 = Rule("S1", "CORE: pain into the foot", "for",
          "On at least one leg, pain travels from the back or buttock into the foot (radiates_to = foot). "
          "When absent, an 'S1.absent' line under Against says how far the pain does travel.",
          "Defines CORE (D2); needed for LIKELY and for POSSIBLE by D4.",
          "back-to-foot pain down one leg is the main sciatica pattern; pain below the knee is the best "
          "single self-reported item", ("A1", "A2", "A7", "23"), _s1_rule)


def _s2(f: Facts, side: str) -> Hit | None:
    state, because = back_pain(f)  # S2 (v2): BACK_PAIN of (b0)
    if state != "yes":
        return None
    if "back_pain" in because:
        detail = answer_text(f.questionnaire, "back_pain", because["back_pain"]).lower()
    elif "leg_vs_back" in because:
        detail = "from the answer to which is worse, the leg or the back"
    else:
        detail = "new or changed back pain was recorded"
    return Hit(f"Low back pain ({detail})", because)


S2 = Rule("S2", "Back pain present (P1)", "for",
          "Back pain as defined once for all rules (b0): back pain mild, moderate or severe, or the "
          "leg-versus-back answer says the back hurts (leg worse, about equal, back worse, no leg pain), or back "
          "pain new or changed is answered yes. Where these disagree the back is taken to hurt and Q4 lists the "
          "conflict. When back pain is absent, A3 adds a line that this does not rule out a spinal origin.",
          "One point (P1); also supports D5.",
          "back pain alongside foot symptoms points towards a spinal source, though it is not required",
          ("A1", "A3"), _scored(_s2))


def _s3(f: Facts, side: str) -> Hit | None:
    dominance = f.get("leg_vs_back")
    below_knee = f.regions_in("pain", side, BELOW_KNEE)
    if dominance not in ("leg_worse", "no_back_pain") or not below_knee:
        return None
    what = "leg worse than back" if dominance == "leg_worse" else "leg pain without back pain"
    return Hit(f"Leg-dominant pain ({what}) with pain in the {side} calf or shin",
               {"leg_vs_back": dominance, side_key("pain", side): list(below_knee)})


S3 = Rule("S3", "Leg-dominant pain (P2)", "for",
          "leg_vs_back is leg_worse or no_back_pain, and pain is marked in the calf or shin of the leg scored.",
          "One point (P2).",
          "leg pain worse than back pain, below the knee, is part of the best self-reported cluster",
          ("23", "24", "A3"), _scored(_s3))


def _s4(f: Facts, side: str) -> Hit | None:
    because: dict[str, Any] = {}
    for region_field in ("numbness", "tingling"):
        found = f.regions_in(region_field, side, BELOW_KNEE + FOOT)
        if found:
            because[side_key(region_field, side)] = list(found)
    if f.weakness(side) is not None:
        because[side_key("weakness", side)] = f.weakness(side)
    if not because:
        return None
    text = f"Numbness, tingling or weakness below the knee on the {side}"
    caveat = []
    if f.get("diabetes") == "yes":
        caveat.append("diabetes")
    if f.get("sock_distribution") == "yes":
        caveat.append("both feet evenly affected")
    if caveat:
        text += (f" (counted although {' and '.join(caveat)} may explain it - a known neuropathy "
                 "is not excluded; clinician to judge)")
    return Hit(text, because)


def _s4_rule(f: Facts) -> tuple[Hit, ...]:
    side = scoring_side(f)
    hit = _s4(f, side)
    if hit is not None:
        return (hit,)
    other = "left" if side == "right" else "right"
    shown: dict[str, Any] = {}
    for s in (side,) if core_sides(f) else SIDES:
        if f.has_side("weakness", s):
            shown[side_key("weakness", s)] = f.side_value("weakness", s)
    if core_sides(f):
        text = f"No numbness, tingling or weakness below the knee on the {side} (the leg scored)"
        if _s4(f, other) is not None:
            text += f"; the {other} leg has some, but each leg is judged on its own"
    else:
        text = "No numbness, tingling or weakness below the knee on either leg"
    return _hit(text, shown, info="absent", group="against")


S4 = Rule("S4", "Nerve symptoms (P3)", "for",
          "Numbness or tingling below the knee (calf, shin or foot) on the leg scored, or any weakness on "
          "that leg. When absent, an 'S4.absent' line under Against says so.",
          "One point (P3).",
          "numbness, tingling or weakness in the foot can come from a compressed nerve root",
          ("A6", "23"), _s4_rule)


def _s5(f: Facts, side: str) -> Hit | None:
    if "cough_sneeze_strain" not in f.chosen("worse_with"):
        return None
    return Hit("Worse with coughing, sneezing or straining", {"worse_with": ["cough_sneeze_strain"]})


S5 = Rule("S5", "Worse with cough, sneeze or strain (P4)", "for",
          "worse_with includes cough_sneeze_strain.",
          "One point (P4).",
          "pain on coughing or straining belongs to a symptom cluster for nerve-root compression",
          ("25",), _scored(_s5))


def _s6(f: Facts, side: str) -> Hit | None:
    worse = f.chosen_of("worse_with", ("standing", "walking"))
    eased = f.chosen_of("better_with", ("sitting", "bending_forward_or_leaning"))
    if not worse or not eased:
        return None
    return Hit("Worse standing or walking, eased by sitting or bending forward (neurogenic claudication)",
               {"worse_with": list(worse), "better_with": list(eased)})


S6 = Rule("S6", "Neurogenic claudication (P5)", "for",
          "worse_with includes standing or walking, and better_with includes sitting or bending forward "
          "(leaning on a trolley).",
          "One point (P5); also supports D5.",
          "pain on standing or walking that eases on sitting or stooping suggests spinal stenosis",
          ("12", "13"), _scored(_s6))


def _s7(f: Facts, side: str) -> Hit | None:
    because: dict[str, Any] = {}
    conditions = f.chosen_of("back_conditions", SPINAL_CONDITIONS)
    if conditions:
        because["back_conditions"] = list(conditions)
    surgery = f.get("back_surgery")
    if surgery not in (None, "none"):
        because["back_surgery"] = surgery
    if not because:
        return None
    parts = [answer_text(f.questionnaire, "back_conditions", c).lower() for c in conditions]
    if "back_surgery" in because:
        parts.append(f"back operation ({answer_text(f.questionnaire, 'back_surgery', surgery).lower()})")
    return Hit(f"Spinal history: {', '.join(parts)}", because)


S7 = Rule("S7", "Spinal history (P6)", "for",
          "back_conditions includes a herniated disc, spinal stenosis, spondylolisthesis or previous "
          "sciatica, or there was any back operation.",
          "One point (P6); also supports D5.",
          "known disc, canal or slip problems and past surgery make a spinal source more likely; disc "
          "herniation recurs in 5-15% after discectomy", ("A4", "A5", "A6", "A7", "29", "30"), _scored(_s7))


# Plain names of the points, for the lines people read (D2, D7).
POINT_NAMES = {
    "S2": "back pain", "S3": "leg-dominant pain", "S4": "numbness, tingling or weakness",
    "S5": "worse with cough, sneeze or strain", "S6": "neurogenic claudication", "S7": "spinal history",
}

# P1-P6 in the order of clinical-logic.md (d) D2.
POINT_RULES: tuple[tuple[str, str, SideCheck], ...] = (
    ("S2", "P1", _s2), ("S3", "P2", _s3), ("S4", "P3", _s4),
    ("S5", "P4", _s5), ("S6", "P5", _s6), ("S7", "P6", _s7),
)


def points(f: Facts, side: str) -> tuple[tuple[str, Hit], ...]:
    """The supporting points (S2-S7) that fire for one leg."""
    def compute(facts: Facts) -> tuple[tuple[str, Hit], ...]:
        found = ((rid, check(facts, side)) for rid, _, check in POINT_RULES)
        return tuple((rid, hit) for rid, hit in found if hit is not None)
    return f.memo(f"points:{side}", compute)


def scoring_side(f: Facts) -> str:
    """The leg the S rules are scored on: a CORE leg if any, else a leg with foot nerve symptoms.

    Between two candidates the one with more points wins (the patient gets the benefit of the
    doubt); a tie goes to the left, which never changes the level because only the count matters.
    """
    def compute(facts: Facts) -> str:
        candidates = core_sides(facts) or tuple(foot_nerve_sides(facts)) or SIDES
        return max(candidates, key=lambda s: len(points(facts, s)))
    return f.memo("scoring_side", compute)


def _s8(f: Facts) -> tuple[Hit, ...]:
    from intake_app.screening.rules.decision import d5_support, d6_applies  # D5/D6 read the S rules

    core = core_sides(f)
    if core:
        side = scoring_side(f)
    else:
        d5 = d5_support(f)
        if not d5 or d6_applies(f):
            return ()
        side = next(iter(d5))
    hits: list[Hit] = []
    for root, regions in ROOT_PATTERNS:
        because = {}
        for region_field in ("numbness", "tingling", "pain"):
            found = f.regions_in(region_field, side, regions)
            if found:
                because[side_key(region_field, side)] = list(found)
        if because:
            label = "S1-root" if root == "S1" else f"{root}-root"
            hits.append(Hit(f"{label} pattern on the {side} (supportive only, never scored)", because))
    return tuple(hits)


S8 = Rule("S8", "Root pattern (supportive only)", "for",
          "Only when there is a spinal pattern (CORE, or D5): pain, numbness or tingling on that leg in the "
          "regions of a root: L4 inner shin, inner ankle, arch; L5 outer shin, top of foot, big toe; S1 calf, "
          "sole, heel, outer edge of the foot, little toes.",
          "None: never scored.",
          "dermatomes are unreliable: about two-thirds of radicular pain does not follow them",
          ("10", "11"), _s8)


# --- A-rules that drive a decision -------------------------------------------------------------


def _a3(f: Facts) -> tuple[Hit, ...]:
    back, because = back_pain(f)  # S2 (v2): the "for" line whenever BACK_PAIN is absent
    if back == "yes":
        return ()
    if back == "no":
        return _hit("No back pain - this does not rule out a spinal (nerve-root) source of leg and foot "
                    "symptoms", because)
    return _hit("Back pain not recorded - even no back pain would not rule out a spinal (nerve-root) source of "
                "leg and foot symptoms", because)


A3 = Rule("A3", "No back pain does not rule out", "for",
          "Back pain (as defined for all rules) is absent or not recorded.",
          "None; keeps the clinician from dismissing the pattern.",
          "sciatica can show as leg and foot pain without back pain", ("A3",), _a3)


def _a5(f: Facts) -> tuple[Hit, ...]:
    surgery = f.get("back_surgery")
    core = core_sides(f)
    if surgery in (None, "none") or f.get("pain_free_after_surgery") != "yes" or not core:
        return ()
    return _hit(
        "Pain into the foot has come back after a back operation that first relieved it - flagged again, "
        "not put down to the old problem",
        {"back_surgery": surgery, "pain_free_after_surgery": "yes",
         **{side_key("radiates_to", s): "foot" for s in core}})


A5 = Rule("A5", "Pattern back after surgery", "for",
          "A back operation, pain-free afterwards, and pain now travelling into the foot again.",
          "None beyond S7; the returning pattern is flagged again rather than explained away.",
          "leg and foot pain can return after microdiscectomy (recurrence 5-15%)", ("A5", "29"), _a5)
