"""assess(document) -> Assessment: run every rule once, decide the level, order the trace.

Pure and deterministic: the result depends only on the document's answers, patient and visit
date, never on the clock, the environment or earlier calls.
"""

from __future__ import annotations

from intake_app.domain.document import IntakeDocument
from intake_app.screening.facts import Facts
from intake_app.screening.model import GROUP_ORDER, Assessment, Reason
from intake_app.screening.rules import (
    RULE_BY_ID,
    RULES,
    RULES_VERSION,
    Decision,
    Hit,
    Rule,
    decide,
    format_sources,
    pattern_list,
    patterns,
    red_flag_hits,
    unknown_red_flags,
)

# Within a group: fired lines first, then notes and unmet red-flag answers, then "asked: no" lists.
_INFO_RANK = {"": 0, "absent": 0, "note": 1, "unmet": 1, "no": 2}
_GROUP_INDEX = {group: i for i, group in enumerate(GROUP_ORDER)}


# Evidence for information lines whose point is not the rule's own evidence.
_INFO_EVIDENCE = {
    "unmet": "listed so that no positive answer is dropped silently; the clinician confirms it",
    "note": "a check that the answers agree with each other",
}


def _reason(rule: Rule, hit: Hit) -> Reason:
    return Reason(
        rule=rule.id if hit.fired else f"{rule.id}.{hit.info}",
        group=hit.group or rule.group,
        text=hit.text,
        because=dict(hit.because),
        evidence=hit.evidence or _INFO_EVIDENCE.get(hit.info, rule.evidence),
        source=format_sources(hit.sources or rule.sources),
    )


def assess(document: IntakeDocument) -> Assessment:
    """Screen one intake document; see docs/rules.md for every rule it applies."""
    facts = Facts(document)
    ranked: list[tuple[tuple[int, int, int, int], Reason]] = []
    for index, rule in enumerate(RULES):
        for seq, hit in enumerate(rule.hits(facts)):
            reason = _reason(rule, hit)
            ranked.append(((_GROUP_INDEX[reason.group], _INFO_RANK[hit.info], index, seq), reason))
    ranked.sort(key=lambda item: item[0])
    decision = decide(facts)
    return Assessment(
        level=decision.level,
        tier=decision.tier,
        spinal_flag=decision.level != "not_indicated",
        reasons=tuple(reason for _, reason in ranked),
        recommendation=recommendation(facts, decision),
        rules_version=RULES_VERSION,
    )


def recommendation(facts: Facts, decision: Decision) -> str:
    """The printed advice for the level (clinical-logic.md (d) table), always for clinician review."""
    found = patterns(facts)
    listed = "; ".join(f"{rid} {hit.text}" for rid, hit in red_flag_hits(facts))
    if decision.level == "urgent" and decision.tier == "E":
        text = (
            "URGENT - SAME-DAY EMERGENCY ASSESSMENT, for clinician review. "
            f"Red-flag answer(s): {listed}. Tell the duty clinician straight away and do not give a routine "
            "appointment. A suspected cauda equina or other serious spinal problem goes down the local "
            "emergency route (A&E or the on-call spinal team). Hand the patient the red-flag safety-net sheet."
        )
    elif decision.level == "urgent":
        text = (
            "URGENT - a clinician should review the patient today and arrange urgent spinal assessment "
            "through the local pathway (for example the MSCC coordinator, or the fracture, infection or "
            f"paediatric route). Reason(s): {listed}."
        )
    elif decision.level == "likely":
        text = (
            "The answers fit a spinal (nerve-root, sciatica-type) source of the foot symptoms. For clinician "
            "assessment; referral to a spine specialist for a full diagnosis is advisable. Safety-net: come "
            "back at once if bladder, bowel or saddle symptoms or worsening weakness appear."
        )
        if found:
            text += f" May co-exist: {pattern_list(found)}."
    elif decision.level == "possible":
        alternatives = pattern_list(found) if found else "none found in the answers"
        text = (
            "Some answers fit a spinal source, but the pattern is incomplete. The clinician should examine "
            "(straight-leg raise, power, reflexes, sensation) and decide whether to refer to a spine "
            f"specialist. Other patterns to consider: {alternatives}."
        )
    else:
        fits = pattern_list(found) if found else "no specific pattern"
        text = (
            f"The answers given show no spinal pattern. They fit {fits}; for clinician assessment - this is "
            "not a diagnosis. Screen again if leg pain, numbness, weakness or any red flag appears."
        )
    if unknown_red_flags(facts):
        text += " Red-flag screen incomplete: ask the unanswered safety questions before the patient leaves."
    alerts = [f"{rid} {RULE_BY_ID[rid].name.lower()}" for rid in ("N1", "N2", "N3", "N4")
              if RULE_BY_ID[rid].hits(facts)]
    if alerts:
        text += f" Separate safety alert(s), whatever the spinal level: {'; '.join(alerts)}."
    return text
