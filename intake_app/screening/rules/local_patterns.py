"""Local and other causes L1-L8 (clinical-logic.md (b)): they name a pattern and lower the level only
through D6."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake_app.screening.facts import SIDES, Facts, side_key
from intake_app.screening.rules.base import (
    PATTERN_NAMES,
    Hit,
    Rule,
    answer_text,  # cached wording
)
from intake_app.screening.rules.derived import core_sides

# --- local and other patterns (L) --------------------------------------------------------------


def _pattern(rule_id: str, f: Facts, detail: str, because: Mapping[str, Any], side: str | None = None) -> Hit:
    name = PATTERN_NAMES[rule_id]
    tail = "may co-exist with the spinal pattern" if core_sides(f) else "a non-spinal pattern to consider"
    return Hit(f"Fits a {name} ({detail}) - {tail}", dict(because), side=side)
def _l1(f: Facts) -> tuple[Hit, ...]:
    if "first_steps_after_rest" not in f.chosen("worse_with"):
        return ()
    hits = []
    for side in SIDES:
        heel = f.regions_in("pain", side, ("heel", "arch", "sole"))
        if heel and not f.regions("numbness", side) and not f.regions("tingling", side):
            hits.append(_pattern("L1", f, f"{side} heel/arch/sole pain, worst on the first steps after rest",
                                 {side_key("pain", side): list(heel), "worse_with": ["first_steps_after_rest"]}, side))
    return tuple(hits)


L1 = Rule("L1", "Plantar fasciitis pattern", "against",
          "Pain in the heel, arch or sole of one foot, worse on the first steps after rest, and no numbness or "
          "tingling on that leg.",
          "Names the pattern; sets NOT INDICATED only through D6.",
          "heel pain worst on the first steps after rest is typical of plantar fasciitis", ("15",), _l1)


def _l2(f: Facts) -> tuple[Hit, ...]:
    cues: dict[str, Any] = {}
    if "pebble_in_shoe" in f.chosen("pain_character"):
        cues["pain_character"] = ["pebble_in_shoe"]
    if "tight_or_high_heeled_shoes" in f.chosen("worse_with"):
        cues["worse_with"] = ["tight_or_high_heeled_shoes"]
    if "removing_shoes_or_massage" in f.chosen("better_with"):
        cues["better_with"] = ["removing_shoes_or_massage"]
    if not cues:
        return ()
    hits = []
    for side in SIDES:
        forefoot = f.regions_in("pain", side, ("ball_of_foot", "between_toes_3_4"))
        if forefoot:
            hits.append(_pattern("L2", f, f"{side} forefoot pain with shoe-related cues",
                                 {side_key("pain", side): list(forefoot), **cues}, side))
    return tuple(hits)


L2 = Rule("L2", "Morton's neuroma pattern", "against",
          "Pain in the ball of the foot or between the 3rd and 4th toes, with a pebble-in-the-shoe feeling, "
          "worse in tight or high shoes, or eased by taking shoes off.",
          "Names the pattern; sets NOT INDICATED only through D6.",
          "forefoot nerve pain between the 3rd and 4th toes made worse by tight shoes suggests a neuroma",
          ("16",), _l2)


def _l3(f: Facts) -> tuple[Hit, ...]:
    joint = f.get("foot_red_hot_swollen")
    if joint in (None, "no") or f.get("onset") != "sudden":
        return ()
    return (_pattern("L3", f, f"sudden red, hot, swollen {str(joint).replace('_', ' ')}",
                     {"foot_red_hot_swollen": joint, "onset": "sudden"}),)


L3 = Rule("L3", "Gout pattern", "against",
          "A red, hot, swollen joint or foot that came on suddenly.",
          "Names the pattern; sets NOT INDICATED only through D6.",
          "a joint that becomes red, hot and swollen within hours is the picture of acute gout", ("17",), _l3)


def _l4(f: Facts) -> tuple[Hit, ...]:
    trauma = f.get("trauma")
    if trauma not in ("ankle_or_foot_twist", "direct_foot_injury"):
        return ()
    return (_pattern("L4", f, answer_text(f.questionnaire, "trauma", trauma).lower(), {"trauma": trauma}),)


L4 = Rule("L4", "Acute ankle/foot injury", "against",
          "The injury was a twisted ankle or foot, or a blow to the foot.",
          "Names the pattern; sets NOT INDICATED only through D6 (N2 checks for a fracture).",
          "a twist or a blow explains foot pain locally; the Ottawa rules decide on an X-ray", ("18",), _l4)


def _l5(f: Facts) -> tuple[Hit, ...]:
    load = f.chosen_of("worse_with", ("running_or_impact", "walking"))
    if f.get("recent_activity_increase") != "yes" or f.get("bony_spot_tender") != "yes" or not load:
        return ()
    return (_pattern("L5", f, "more activity lately, a tender spot on the bone, worse with load",
                     {"recent_activity_increase": "yes", "bony_spot_tender": "yes", "worse_with": list(load)}),)


L5 = Rule("L5", "Stress fracture pattern", "against",
          "More running, walking or standing lately, a tender spot on the bone, and worse with running or "
          "walking.",
          "Names the pattern; sets NOT INDICATED only through D6.",
          "forefoot pain after a rise in training with point tenderness suggests a stress fracture",
          ("19",), _l5)


def _l6(f: Facts) -> tuple[Hit, ...]:
    if f.get("sock_distribution") != "yes":
        return ()
    return (_pattern("L6", f, "numbness or tingling in both feet evenly, starting in the toes",
                     {"sock_distribution": "yes"}),)


L6 = Rule("L6", "Peripheral neuropathy pattern", "against",
          "Numbness or tingling in both feet evenly, starting in the toes (sock_distribution = yes).",
          "Names the pattern; sets NOT INDICATED only through D6.",
          "symmetrical numbness starting in the toes of both feet fits a peripheral (often diabetic) "
          "neuropathy", ("20",), _l6)


def _l7(f: Facts) -> tuple[Hit, ...]:
    if ("walking" not in f.chosen("worse_with") or "standing_still" not in f.chosen("better_with")
            or f.get("walking_distance_consistent") != "yes"):
        return ()
    risks = [label for fld, label in (("smoker", "smoking"), ("diabetes", "diabetes"),
                                     ("known_circulation_problem", "known circulation problem"),
                                     ("foot_cold_or_pale", "cold or pale foot")) if f.get(fld) == "yes"]
    detail = "comes on at the same walking distance, eased by standing still"
    if risks:
        detail += f"; risk factors: {', '.join(risks)}"
    return (_pattern("L7", f, detail, {"worse_with": ["walking"], "better_with": ["standing_still"],
                                       "walking_distance_consistent": "yes"}),)


L7 = Rule("L7", "Vascular claudication pattern", "against",
          "Worse with walking, eased by standing still, and coming on at the same walking distance each time "
          "(risk factors are named when present but not required).",
          "Names the pattern; sets NOT INDICATED only through D6.",
          "calf pain at a fixed walking distance that eases on standing still suggests arterial disease",
          ("12", "14"), _l7)


def _l8(f: Facts) -> tuple[Hit, ...]:
    load = f.chosen_of("worse_with", ("standing", "walking"))
    if not load:
        return ()
    hits = []
    for side in SIDES:
        because: dict[str, Any] = {}
        for region_field in ("numbness", "tingling"):
            found = f.regions_in(region_field, side, ("sole", "arch", "all_toes"))
            if found:
                because[side_key(region_field, side)] = list(found)
        if not because:
            continue
        if f.get("inner_ankle_tap_tingles") == "yes":
            because["inner_ankle_tap_tingles"] = "yes"
        elif "inner_ankle" in f.regions("pain", side):
            because[side_key("pain", side)] = ["inner_ankle"]
        else:
            continue
        because["worse_with"] = list(load)
        spared = "" if "heel" in f.regions("numbness", side) + f.regions("tingling", side) else ", heel spared"
        hits.append(_pattern("L8", f, f"{side} sole/toe numbness or tingling with an inner-ankle sign{spared}",
                             because, side))
    return tuple(hits)


L8 = Rule("L8", "Tarsal tunnel pattern", "against",
          "Numbness or tingling in the sole, arch or all toes of one foot, with tingling on tapping the inner "
          "ankle or pain at the inner ankle of that leg, and worse standing or walking.",
          "Names the pattern; sets NOT INDICATED only through D6 (with same-side leg symptoms it stays "
          "POSSIBLE).",
          "a trapped tibial nerve at the inner ankle mimics an S1 root but usually stays below the ankle",
          ("21",), _l8)


def patterns(f: Facts) -> tuple[str, ...]:
    """Ids of the L-patterns that match."""
    return tuple(rule.id for rule in PATTERN_RULES if rule.hits(f))


def pattern_list(ids: tuple[str, ...]) -> str:
    """The pattern names in plain words, for the recommendation and the decision lines."""
    return ", ".join(PATTERN_NAMES[rid] for rid in ids)


PATTERN_RULES: tuple[Rule, ...] = (L1, L2, L3, L4, L5, L6, L7, L8)
# D6 (v2): L1, L2 and L8 explain only the leg whose answers matched them; these explain both legs.
BOTH_SIDE_PATTERNS = ("L3", "L4", "L5", "L6", "L7")
