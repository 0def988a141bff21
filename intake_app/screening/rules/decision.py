"""The decision procedure D0-D7 (clinical-logic.md (d)): the level, and the lines that explain it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake_app.screening.facts import SIDES, Facts, side_key
from intake_app.screening.model import Level, Tier
from intake_app.screening.rules.base import LEG_WEAKNESS, LIKELY_THRESHOLD, Hit, Rule, _hit
from intake_app.screening.rules.derived import above_ankle, core_sides, foot_nerve_sides
from intake_app.screening.rules.local_patterns import pattern_list, patterns
from intake_app.screening.rules.red_flags import red_flag_hits
from intake_app.screening.rules.spinal import _s2, _s6, _s7, points, scoring_side

# --- decision (D) --------------------------------------------------------------------------------


def d5_support(f: Facts) -> dict[str, tuple[dict[str, Any], list[str]]]:
    """D5 per leg: foot nerve symptoms plus P1, P5, P6 or same-side symptoms above the ankle."""
    def compute(facts: Facts) -> dict[str, tuple[dict[str, Any], list[str]]]:
        result: dict[str, tuple[dict[str, Any], list[str]]] = {}
        for side, nerve in foot_nerve_sides(facts).items():
            because = dict(nerve)
            support = []
            for label, check in (("back pain (P1)", _s2), ("neurogenic claudication (P5)", _s6),
                                 ("spinal history (P6)", _s7)):
                hit = check(facts, side)
                if hit is not None:
                    support.append(label)
                    because.update(hit.because)
            above = {k: v for k, v in above_ankle(facts, side).items() if not k.startswith("weakness.")
                     or v in LEG_WEAKNESS}
            if above:
                support.append(f"symptoms above the ankle on the same ({side}) leg")
                because.update(above)
            if support:
                result[side] = (because, support)
        return result
    return f.memo("d5", compute)


def all_symptoms_in_foot(f: Facts) -> bool:
    """Nothing above the ankle on either leg (weakness of unknown site counts as above)."""
    return not any(above_ankle(f, side) for side in SIDES)


def d6_applies(f: Facts) -> bool:
    return not core_sides(f) and all_symptoms_in_foot(f) and bool(patterns(f))


@dataclass(frozen=True)
class Decision:
    level: Level
    tier: Tier | None
    rule: str  # the D rule that set the level


def decide(f: Facts) -> Decision:
    """D1-D7 in the specification's order (D6 before D5)."""
    def compute(facts: Facts) -> Decision:
        red = red_flag_hits(facts)
        if red:
            tier: Tier = "E" if any(h.tier == "E" for _, h in red) else "P"
            return Decision("urgent", tier, "D1")
        if core_sides(facts):
            score = len(points(facts, scoring_side(facts)))
            return Decision("likely", None, "D3") if score >= LIKELY_THRESHOLD else Decision("possible", None, "D4")
        if d6_applies(facts):
            return Decision("not_indicated", None, "D6")
        if d5_support(facts):
            return Decision("possible", None, "D5")
        return Decision("not_indicated", None, "D7")
    return f.memo("decision", compute)


def unknown_red_flags(f: Facts) -> tuple[str, ...]:
    """Red-flag questions not asked (stored as "unknown", or absent from a hand-made document)."""
    return f.memo("unknown_red_flags",
                  lambda facts: tuple(rf for rf in facts.red_flag_ids if facts.get(rf) in (None, "unknown")))


def _d1(f: Facts) -> tuple[Hit, ...]:
    decision = decide(f)
    if decision.rule != "D1":
        return ()
    ids = sorted({rid for rid, _ in red_flag_hits(f)})
    return _hit(f"Red-flag rule(s) {', '.join(ids)} fired: URGENT, tier {decision.tier}"
                + (" (E outranks P)" if decision.tier == "E" else ""), {})


D1 = Rule("D1", "Red flags decide", "red_flag",
          "Any R1-R6 line fired.",
          "Level URGENT; tier E if any fired line is E, else P. Scoring still runs and is shown.",
          "red flags override the spinal scoring", ("3", "4", "5", "6"), _d1)


def _d0(f: Facts) -> tuple[Hit, ...]:
    if unknown_red_flags(f):
        return ()  # Q1 reports the incomplete screen
    asked = f.red_flag_ids
    if all(f.get(rf) == "no" for rf in asked):
        return _hit(f"Red-flag screen complete: all {len(asked)} questions asked and answered no - "
                    "no red flags", {})
    return _hit(f"Red-flag screen complete: all {len(asked)} questions asked; the positive answers are "
                "listed in this section", {})


D0 = Rule("D0", "Red-flag screen complete", "red_flag",
          "Every red-flag question has an answer other than unknown. Only when all are no does the line say "
          "there are no red flags.",
          "None; information for the clinician (the incomplete case is Q1).",
          "patients rarely volunteer saddle or bladder symptoms, so each question must be asked",
          ("2", "5"), _d0)


def _d2(f: Facts) -> tuple[Hit, ...]:
    core = core_sides(f)
    if not core:
        return ()
    side = scoring_side(f)
    scored = points(f, side)
    names = ", ".join(f"{rid}" for rid, _ in scored) or "none"
    both = " (both legs reach the foot; the one with more points is scored)" if len(core) == 2 else ""
    return _hit(f"Scored on the {side} leg, where pain reaches the foot{both}: {len(scored)} of 6 points "
                f"({names})", {side_key("radiates_to", side): "foot"})


D2 = Rule("D2", "Scoring side and points", "for",
          "There is CORE on at least one leg. Points P1-P6 (S2-S7) are counted on a CORE leg; with two, "
          "the leg with more points.",
          "Gives the score used by D3 and D4.",
          "each leg has its own sciatic nerve, so each leg is judged on its own", ("A1", "A2"), _d2)


def _d3(f: Facts) -> tuple[Hit, ...]:
    if decide(f).rule != "D3":
        return ()
    side = scoring_side(f)
    score = len(points(f, side))
    return _hit(f"LIKELY: pain into the {side} foot with {score} supporting points (3 or more; the threshold "
                "is a design choice, not a validated cut-off)", {side_key("radiates_to", side): "foot"})


D3 = Rule("D3", "Likely", "for",
          "No red flag, CORE, and 3 or more points.",
          "Level LIKELY (spinal_flag true).",
          "several independent features together fit a nerve-root source; the cut-off of 3 is a design choice",
          ("23", "A9"), _d3)


def _d4(f: Facts) -> tuple[Hit, ...]:
    if decide(f).rule != "D4":
        return ()
    side = scoring_side(f)
    score = len(points(f, side))
    return _hit(f"POSSIBLE: pain into the {side} foot but only {score} supporting point(s) (fewer than 3)",
                {side_key("radiates_to", side): "foot"})


D4 = Rule("D4", "Possible with CORE", "for",
          "No red flag, CORE, and 2 or fewer points.",
          "Level POSSIBLE (spinal_flag true).",
          "pain into the foot alone is a weak but real sign of a spinal source", ("A1", "23"), _d4)


def _d5(f: Facts) -> tuple[Hit, ...]:
    if decide(f).rule != "D5":
        return ()
    hits = []
    for side, (because, support) in d5_support(f).items():
        hits.append(Hit(f"POSSIBLE: numbness, tingling or weakness in the {side} foot with "
                        f"{', '.join(support)}; pain does not reach the foot from the back", because))
    return tuple(hits)


D5 = Rule("D5", "Possible without CORE", "for",
          "No red flag, no CORE, D6 does not apply, and on one leg numbness or tingling in a foot region (or "
          "foot weakness: foot drop, cannot rise on tiptoe, other) together with back pain (P1), neurogenic "
          "claudication (P5), spinal history (P6), or symptoms on the same leg above the ankle (buttock, "
          "thigh, knee, calf or shin, pain spreading from the back, or the leg giving way).",
          "Level POSSIBLE (spinal_flag true).",
          "foot nerve symptoms with a spinal context can be radicular even without pain into the foot",
          ("A3", "A6"), _d5)


def _d6(f: Facts) -> tuple[Hit, ...]:
    if decide(f).rule != "D6":
        return ()
    shown = {side_key(fld, side): list(f.regions(fld, side))
             for side in SIDES for fld in ("pain", "numbness", "tingling") if f.regions(fld, side)}
    return _hit(f"NOT INDICATED: all symptoms stay at or below the ankle and fit a local pattern: "
                f"{pattern_list(patterns(f))}", shown)


D6 = Rule("D6", "Local pattern, foot only", "against",
          "No red flag, no CORE, no symptom above the ankle on either leg (no pain, numbness or tingling "
          "above the ankle, no pain spreading from the back, no leg giving way or weakness of unstated site), "
          "and an L-pattern matches. Back pain alone does not block it. Checked before D5.",
          "Level NOT INDICATED, naming the pattern(s).",
          "symptoms confined to the foot with a matching local picture point away from the spine",
          ("15", "16", "17", "18", "19", "20", "21"), _d6)


def _d7(f: Facts) -> tuple[Hit, ...]:
    if decide(f).rule != "D7":
        return ()
    return _hit("No spinal features fit a pattern: pain does not reach the foot from the back, and there "
                "is no numbness, tingling or weakness in the foot with supporting features", {})


D7 = Rule("D7", "No spinal pattern", "against",
          "No red flag and none of D3-D6 applies.",
          "Level NOT INDICATED; any matching L-pattern is named, else 'no specific pattern'.",
          "only a physician can diagnose; the tool reports that no spinal pattern was found", ("A8",), _d7)
