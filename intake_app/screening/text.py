"""A plain-text rendering of an Assessment for a clinician (`intake-app assess FILE --format text`).

This is the clinician's trace: one line per reason, grouped in the clinical order, the rule id beside
the rule's plain name, then the answers in the questionnaire's own words, then the evidence:
    [R1] Suspected cauda equina - New saddle numbness - Numbness around the back passage: Yes, new - <evidence> [3]
A key to the rule ids ends the text. Field keys and value codes never appear (they stay in the JSON).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from intake_app.domain.document import IntakeDocument
from intake_app.screening.model import GROUP_ORDER, GROUP_TITLES, LEVEL_TITLES, Assessment, Reason
from intake_app.screening.rules import RULE_BY_ID

TIER_WORDS: Mapping[str, str] = {"E": "same-day emergency", "P": "urgent priority"}
WIDTH = 100


# What an id suffix means (information lines: the rule itself did not fire).
SUFFIX_KEY: Mapping[str, str] = {
    "no": "asked and answered no",
    "unmet": "an answer that did not meet the rule, listed for the clinician",
    "absent": "looked for and not found",
    "note": "a note",
}


def rule_name(rule_id: str) -> str:
    rule = RULE_BY_ID.get(rule_id.partition(".")[0])
    return rule.name if rule is not None else ""


def reason_line(reason: Reason) -> str:
    """`[id] rule name - text - plain answers - evidence [sources]` (parts without content are left out)."""
    name = rule_name(reason.rule)
    parts = [f"[{reason.rule}] {name}" if name else f"[{reason.rule}]", reason.text]
    if reason.answers:
        parts.append("; ".join(reason.answers))
    evidence = " ".join(p for p in (reason.evidence, reason.source) if p)
    if evidence:
        parts.append(evidence)
    return " - ".join(parts)


def rule_key(assessment: Assessment) -> list[str]:
    """The key to the rule ids in the trace: each id that appears, with its plain name."""
    ids = sorted({r.base_rule for r in assessment.reasons}, key=lambda rid: (rid[0], int(rid[1:] or 0)))
    lines = ["Key to the rule ids (clinical-logic rule table; docs/rules.md):"]
    lines += [f"  {rid} {rule_name(rid)}" for rid in ids]
    suffixes = sorted({r.rule.partition(".")[2] for r in assessment.reasons if r.is_information})
    if suffixes:
        lines.append("  Suffixes: " + "; ".join(f".{s} {SUFFIX_KEY.get(s, s)}" for s in suffixes))
    return lines


def level_heading(assessment: Assessment) -> str:
    heading = LEVEL_TITLES[assessment.level]
    if assessment.tier:
        heading += f" - tier {assessment.tier} ({TIER_WORDS[assessment.tier]})"
    return heading


def format_text(assessment: Assessment, document: IntakeDocument) -> str:
    """The whole assessment as text: result, alerts banner, recommendation, grouped reasons, version."""
    patient = document.patient
    born = patient.date_of_birth.isoformat() if patient.date_of_birth else "not given"
    age = document.answers.get("age_years")
    lines = [
        "Foot & Leg Intake - screening for clinician review (not a diagnosis)",
        f"Patient: {patient.display_name}   born {born}   visit {document.visit_date.isoformat()}"
        + (f"   age {age}" if age is not None else ""),
        f"Questionnaire {document.questionnaire}   rules version {assessment.rules_version}",
        "",
        f"RESULT: {level_heading(assessment)}",
        f"Spinal flag: {'yes' if assessment.spinal_flag else 'no'}",
    ]
    alerts = assessment.in_group("alert")
    if alerts:
        lines += ["", "*** SAFETY ALERT - separate from the spinal result, act on it whatever the level ***"]
        lines += [f"*** [{r.rule}] {rule_name(r.rule)} - {r.text}" for r in alerts]
    if not assessment.red_flag_screen_complete:
        lines += ["", "!!! Red-flag screen incomplete: ask the unanswered safety questions before the patient "
                      "leaves (see Data gaps) !!!"]
    lines += ["", "Recommendation:"]
    lines += textwrap.wrap(assessment.recommendation, WIDTH, initial_indent="  ", subsequent_indent="  ")
    for group in GROUP_ORDER:
        lines += ["", GROUP_TITLES[group]]
        reasons = assessment.in_group(group)
        lines += [f"  {reason_line(r)}" for r in reasons] or ["  (none)"]
    lines += ["", *rule_key(assessment)]
    lines += ["", f"Rules version {assessment.rules_version} - screening aid for clinician review, not a diagnosis."]
    return "\n".join(lines) + "\n"
