"""The decision procedure D0-D7 (clinical-logic.md (d), version 2): the level, and the lines that
explain it. D8 (open safety answers) and the recommendation text are in `advice`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake_app.screening.facts import FOOT, REGION_FIELDS, SIDES, Facts, side_key
from intake_app.screening.model import Level, Tier
from intake_app.screening.rules.base import (
    LIKELY_THRESHOLD,
    Hit,
    Rule,
    _hit,
    answer_text,
    describe,
    describe_lines,
    question_text,
)
from intake_app.screening.rules.derived import (
    NEW_COURSES,
    above_ankle,
    back_pain,
    conflicts,
    core_sides,
    foot_nerve_sides,
    leg_symptom,
    missing_course_sides,
)
from intake_app.screening.rules.local_patterns import BOTH_SIDE_PATTERNS, PATTERN_RULES, pattern_list, patterns
from intake_app.screening.rules.red_flags import RED_FLAG_RULES, open_red_flag_answers, red_flag_hits
from intake_app.screening.rules.spinal import POINT_NAMES, _s6, _s7, points, scoring_side

THIGH_OR_KNEE = ("back_of_thigh", "front_of_thigh", "knee")


# --- D5 and D6: the level without CORE ------------------------------------------------------------


def _d5_side(f: Facts, side: str) -> tuple[dict[str, Any], list[str]] | None:
    """D5 (v2) on one leg: (a) foot nerve symptoms with support, (b) foot pain with neurogenic
    claudication, (c) the leg giving way with back pain or same-side thigh or knee pain."""
    because: dict[str, Any] = {}
    found: list[str] = []
    back, back_because = back_pain(f)
    claudication = _s6(f, side)
    nerve = foot_nerve_sides(f).get(side)
    if nerve:
        support = []
        if back == "yes":
            support.append("back pain")
            because.update(back_because)
        if claudication is not None:
            support.append("neurogenic claudication")
            because.update(claudication.because)
        history = _s7(f, side)
        if history is not None:
            support.append("spinal history")
            because.update(history.because)
        # Same-side symptoms in buttock/thigh/knee/calf/shin; radiates_to other than none counts (v2);
        # the leg giving way counts too (a local choice: a buckling knee is a symptom above the ankle).
        above = {k: v for k, v in above_ankle(f, side).items() if v != "other"}
        if above:
            support.append(f"symptoms above the ankle on the same ({side}) leg")
            because.update(above)
        if support:
            because.update(nerve)
            found.append(f"numbness, tingling or weakness in the {side} foot with {', '.join(support)}")
    foot_pain = f.regions_in("pain", side, FOOT)
    if foot_pain and claudication is not None:
        because.update({side_key("pain", side): list(foot_pain), **claudication.because})
        found.append(f"pain in the {side} foot, worse standing or walking and eased by sitting or bending forward "
                     "(the stenosis pattern is often pain alone)")
    if f.weakness(side) == "leg_gives_way":
        thigh = {**({side_key("pain", side): list(p)} if (p := f.regions_in("pain", side, THIGH_OR_KNEE)) else {}),
                 **({side_key("radiates_to", side): r} if (r := f.radiates(side)) in ("thigh", "below_knee") else {})}
        if back == "yes" or thigh:
            because.update({side_key("weakness", side): "leg_gives_way", **thigh,
                            **(back_because if back == "yes" else {})})
            found.append(f"the {side} leg giving way with "
                         + ("back pain" if back == "yes" else "thigh or knee pain on the same leg"))
    return (because, found) if found else None


def d5_support(f: Facts) -> dict[str, tuple[dict[str, Any], list[str]]]:
    """D5 per leg (the legs that meet it)."""
    return f.memo("d5", lambda facts: {s: r for s in SIDES if (r := _d5_side(facts, s)) is not None})


def d6_applies(f: Facts) -> bool:
    """D6 (v2): no CORE, nothing above the ankle, a symptom region recorded, an L-pattern, and every
    side with a symptom explained by a matching pattern (L1, L2, L8 only their own side; L3-L7 both);
    never a side whose weakness is new or getting worse."""
    def compute(facts: Facts) -> bool:
        if core_sides(facts) or any(above_ankle(facts, s) for s in SIDES):
            return False
        if not any(facts.regions(name, s) for name in REGION_FIELDS for s in SIDES):
            return False
        found = patterns(facts)
        if not found:
            return False
        both = any(pid in BOTH_SIDE_PATTERNS for pid in found)
        explained = {h.side for rule in PATTERN_RULES for h in rule.hits(facts) if h.side}
        for side in SIDES:
            if not leg_symptom(facts, side):
                continue
            if facts.course(side)[0] in NEW_COURSES:
                return False
            if not both and side not in explained:
                return False
        return True
    return f.memo("d6", compute)


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
    names = [rule.name.lower() for rule in RED_FLAG_RULES if any(h.fired for h in rule.hits(f))]
    urgency = ("same-day emergency (an emergency outranks urgent priority)" if decision.tier == "E"
               else "urgent priority")
    return _hit(f"Red flags found ({'; '.join(names)}): URGENT, {urgency}", {})


D1 = Rule("D1", "Red flags decide", "red_flag",
          "Any R1-R6 line fired.",
          "Level URGENT; tier E if any fired line is E, else P. Scoring still runs and is shown.",
          "red flags override the spinal scoring", ("3", "4", "5", "6"), _d1)


def open_safety_items(f: Facts) -> tuple[tuple[str, dict[str, Any]], ...]:
    """D8: what must be checked before the patient leaves, in plain words, with the answers behind it.

    Positive red-flag answers that did not fire their rule, red-flag questions not asked, Q4
    conflicts (all safety-relevant) and weakness without its course.
    """
    def compute(facts: Facts) -> tuple[tuple[str, dict[str, Any]], ...]:
        q = facts.questionnaire
        items: list[tuple[str, dict[str, Any]]] = []
        for hit in open_red_flag_answers(facts):
            answers = dict(hit.open or {})
            weak = [k for k in answers if k.startswith("weakness.")]
            if weak:
                side = weak[0].partition(".")[2]
                course = facts.course(side)[0]
                text = describe(q, "weakness", answers[weak[0]], side=side)
                if course:
                    text += f" ({answer_text(q, 'weakness_course', course).lower()})"
            else:
                text = ", ".join(describe_lines(q, answers))
            items.append((text, answers))
        missing = [rf for rf in facts.red_flag_ids if facts.get(rf) in (None, "unknown")]
        if missing:
            names = ", ".join(question_text(q, rf) for rf in missing)
            items.append((f"not asked: {names}", {rf: "unknown" for rf in missing if facts.get(rf) == "unknown"}))
        for conflict in conflicts(facts):
            asked = list(dict.fromkeys(question_text(q, key.partition(".")[0]) for key in conflict.because))
            items.append((f"answers that disagree about {conflict.topic} ({' / '.join(asked)})", conflict.because))
        for side, because in missing_course_sides(facts).items():
            words = answer_text(q, "weakness", facts.weakness(side)).lower()
            items.append((f"whether the weakness of the {side} leg ({words}) is new or getting worse (not recorded)",
                          because))
        return tuple(items)
    return f.memo("open_safety_items", compute)


def no_red_flags(f: Facts) -> bool:
    """D0 (v2): the only case in which the words "no red flags" may appear."""
    if any(f.get(rf) != "no" for rf in f.red_flag_ids):
        return False
    if any(h.fired or h.info == "unmet" for rule in RED_FLAG_RULES for h in rule.hits(f)):
        return False
    return not conflicts(f) and not missing_course_sides(f) and not open_safety_items(f)


def _d0(f: Facts) -> tuple[Hit, ...]:
    if unknown_red_flags(f):
        return ()  # Q1 reports the incomplete screen, D8 leads the recommendation with it
    asked = f.red_flag_ids
    if no_red_flags(f):
        return _hit(f"Red-flag screen complete: all {len(asked)} questions asked and answered no - "
                    "no red flags", {})
    open_parts = []
    if any(f.get(rf) != "no" for rf in asked):
        open_parts.append("some answers are yes, new or long-standing (listed in this section)")
    if red_flag_hits(f):
        open_parts.append("a red-flag rule fired")
    if any(h.info == "unmet" for rule in RED_FLAG_RULES for h in rule.hits(f)):
        open_parts.append("answers that did not meet their rule are listed for the clinician")
    if conflicts(f):
        open_parts.append("some answers disagree (see data gaps)")
    if missing_course_sides(f):
        open_parts.append("a weakness has no course recorded")
    return _hit(f"Red-flag screen complete: all {len(asked)} questions asked; open: {'; '.join(open_parts)}", {})


D0 = Rule("D0", "Red-flag screen complete", "red_flag",
          "Every red-flag question has an answer other than unknown. The line says there are no red flags "
          "only when every red-flag question is answered no, no R rule fired, no red-flag answer is listed as "
          "not meeting its rule, no conflicting answers are listed, no weakness lacks its course and the "
          "recommendation carries no safety line (D8); otherwise it says what is open.",
          "None; information for the clinician (the incomplete case is Q1).",
          "patients rarely volunteer saddle or bladder symptoms, so each question must be asked",
          ("2", "5"), _d0)


def _d2(f: Facts) -> tuple[Hit, ...]:
    core = core_sides(f)
    if not core:
        return ()
    side = scoring_side(f)
    scored = points(f, side)
    names = ", ".join(POINT_NAMES[rid] for rid, _ in scored) or "none"
    both = " (both legs reach the foot; the one with more points is scored)" if len(core) == 2 else ""
    return _hit(f"Scored on the {side} leg, where pain reaches the foot{both}: {len(scored)} of 6 points "
                f"({names})", {side_key("radiates_to", side): "foot"})


D2 = Rule("D2", "Scoring side and points", "for",
          "There is CORE on at least one leg. Points P1-P6 (S2-S7) are counted on a CORE leg; with two, "
          "the leg with more points (a tie goes to the left leg; only the count matters).",
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
    for because, found in d5_support(f).values():
        hits.append(Hit(f"POSSIBLE: {'; '.join(found)}; pain does not reach the foot from the back", because))
    return tuple(hits)


D5 = Rule("D5", "Possible without CORE", "for",
          "No red flag, no CORE, D6 does not apply, and on one leg: (a) numbness or tingling in a foot region, or "
          "foot drop or weakness rising on tiptoe, together with back pain (P1), neurogenic claudication (P5), "
          "spinal history (P6), or symptoms on the same leg above the ankle (buttock, thigh, knee, calf or "
          "shin, pain spreading down the leg, or the leg giving way); or (b) pain in a foot region with "
          "neurogenic claudication; or (c) the leg giving way with back pain or with thigh or knee pain on the "
          "same leg (pain spreading to the thigh or below the knee counts).",
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
          "above the ankle, no pain spreading from the back, no leg giving way or other weakness), at least one "
          "symptom region recorded, and every leg with a symptom explained by a matching L-pattern: L1, L2 and "
          "L8 explain only the leg whose answers matched them, L3-L7 both legs. Never a leg whose weakness is "
          "new or getting worse. Back pain alone does not block it. Checked before D5.",
          "Level NOT INDICATED, naming the pattern(s).",
          "symptoms confined to the foot with a matching local picture point away from the spine",
          ("15", "16", "17", "18", "19", "20", "21"), _d6)


def _d7(f: Facts) -> tuple[Hit, ...]:
    if decide(f).rule != "D7":
        return ()
    if not foot_nerve_sides(f) and not any(points(f, s) for s in SIDES):
        return _hit("No spinal features: pain does not reach the foot from the back, there is no numbness, "
                    "tingling or weakness in the foot, and none of the supporting features", {})
    found = sorted({POINT_NAMES[rid] for s in SIDES for rid, _ in points(f, s)})
    what = f"the features found ({', '.join(found)})" if found else "the features found"
    return _hit(f"NOT INDICATED: {what} do not make a spinal pattern without pain into the foot, or foot "
                "symptoms with support", {})


D7 = Rule("D7", "No spinal pattern", "against",
          "No red flag and none of D3-D6 applies. The 'no spinal features' line appears only when there is no "
          "CORE, no numbness, tingling or weakness in the foot, and none of S2-S7 on either leg.",
          "Level NOT INDICATED; any matching L-pattern is named, else 'no specific pattern'.",
          "only a physician can diagnose; the tool reports that no spinal pattern was found", ("A8",), _d7)
