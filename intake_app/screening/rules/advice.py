"""D8 (open safety answers lead the recommendation) and the recommendation text of each level
(clinical-logic.md (d) table, in our own words). Everything here is plain words: no field keys,
value codes or rule ids."""

from __future__ import annotations

from intake_app.screening.facts import ABOVE_ANKLE, SIDES, Facts
from intake_app.screening.rules.alerts_gaps import ALERT_RULES
from intake_app.screening.rules.base import Hit, Rule, _hit
from intake_app.screening.rules.decision import Decision, open_safety_items
from intake_app.screening.rules.local_patterns import pattern_list, patterns
from intake_app.screening.rules.red_flags import red_flag_hits

SAFETY_LEAD = "Safety answer(s) to check before the patient leaves"
DEFAULT_EMERGENCY_DEPARTMENT = "the emergency department"


def safety_line(f: Facts) -> str:
    """D8: "Safety answer(s) to check before the patient leaves: {plain list}." or ""."""
    items = open_safety_items(f)
    if not items:
        return ""
    return f"{SAFETY_LEAD}: {'; '.join(text for text, _ in items)}."


def _d8(f: Facts) -> tuple[Hit, ...]:
    items = open_safety_items(f)
    if not items:
        return ()
    because = {k: v for _, answers in items for k, v in answers.items()}
    return _hit(safety_line(f).rstrip("."), because)


D8 = Rule("D8", "Open safety answers lead the recommendation", "red_flag",
          "Any positive red-flag answer that did not fire its rule (an R .unmet line with a yes, new, new or "
          "spreading answer, new or worsening weakness, or a major fall or collision), any red-flag question not "
          "asked, any conflicting answers (Q4), or a weakness without its course.",
          "None on the level. The recommendation, at any level, begins with 'Safety answer(s) to check before "
          "the patient leaves: ...' (after the URGENT line for an urgent result), and the words 'no red flags' "
          "are never printed.",
          "an open or conflicting safety answer must be settled while the patient is still there",
          ("2", "3", "5"), _d8)


def _watch_for(f: Facts) -> str:
    """The re-screen advice, never asking to watch for a symptom already recorded (D8)."""
    leg_pain = any(f.radiates(s) is not None or f.regions_in("pain", s, ABOVE_ANKLE) for s in SIDES)
    numb = any(f.regions(name, s) for name in ("numbness", "tingling") for s in SIDES)
    weak = any(f.weakness(s) is not None for s in SIDES)
    watch = [word for word, recorded in (("leg pain", leg_pain), ("numbness", numb), ("weakness", weak))
             if not recorded]
    watch.append("any red flag")
    listed = ", ".join(watch[:-1]) + (" or " if len(watch) > 1 else "") + watch[-1]
    tail = ", or if the symptoms already recorded change" if len(watch) < 4 else ""
    return f"Screen again if {listed} appears{tail}."


def recommendation(f: Facts, decision: Decision, *, emergency_department: str = DEFAULT_EMERGENCY_DEPARTMENT) -> str:
    """The printed advice for the level, always for clinician review; D8 leads it."""
    found = patterns(f)
    safety = safety_line(f)
    listed = "; ".join(hit.text for _, hit in red_flag_hits(f))
    if decision.level == "urgent" and decision.tier == "E":
        parts = [
            "URGENT - SAME-DAY EMERGENCY ASSESSMENT.", safety,
            f"Red-flag answer(s): {listed}. Tell the duty clinician now and do not give a routine appointment. A "
            "suspected cauda equina or other serious spinal problem goes down the local emergency route "
            f"({emergency_department} or the on-call spinal team). Give the patient the red-flag safety-net sheet.",
        ]
    elif decision.level == "urgent":
        parts = [
            "URGENT - a clinician should review the patient today.", safety,
            "Arrange urgent spinal assessment through the local pathway for the reason found (cancer: the "
            "metastatic spinal cord compression (MSCC) route; fracture, infection or a child: their own "
            f"routes). Reason(s): {listed}.",
        ]
    elif decision.level == "likely":
        text = ("The answers fit a spinal (nerve-root, sciatica-type) source of the foot symptoms. For clinician "
                "assessment; referral to a spine specialist for a full diagnosis is advisable. Safety-net: come "
                "back at once if bladder, bowel or saddle symptoms or worsening weakness appear.")
        if found:
            text += f" May co-exist: {pattern_list(found)}."
        parts = [safety, text]
    elif decision.level == "possible":
        alternatives = pattern_list(found) if found else "none found in the answers"
        parts = [safety, (
            "Some answers fit a spinal source, but the pattern is incomplete. The clinician should examine "
            "(straight-leg raise, power, reflexes, sensation) and decide whether to refer to a spine "
            f"specialist. Other patterns to consider: {alternatives}.")]
    else:
        fits = pattern_list(found) if found else "no specific pattern"
        parts = [safety, (
            f"No spinal pattern in the answers given. The features fit: {fits}; for clinician assessment - this "
            f"is not a diagnosis. {_watch_for(f)}")]
    alerts = [rule.name.lower() for rule in ALERT_RULES if rule.hits(f)]
    if alerts:
        parts.append(f"Separate safety alert(s), whatever the spinal level: {'; '.join(alerts)}.")
    return " ".join(part for part in parts if part)
