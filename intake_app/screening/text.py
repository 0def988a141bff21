"""A plain-text rendering of an Assessment for a clinician (`intake-app assess FILE --format text`).

One line per reason, grouped in the clinical order, so the output reads top-down and can be grepped:
    [R1] New saddle numbness - because rf_saddle_numbness=new - <evidence> [3][4][5]
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from intake_app.domain.document import IntakeDocument
from intake_app.screening.model import GROUP_ORDER, GROUP_TITLES, LEVEL_TITLES, Assessment, Reason

TIER_WORDS: Mapping[str, str] = {"E": "same-day emergency", "P": "urgent priority"}
WIDTH = 100


def value_text(value: Any) -> str:
    """An answer as it appears after `because`: lists in brackets, everything else as stored."""
    if isinstance(value, list | tuple):
        return "[" + ", ".join(value_text(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {value_text(v)}" for k, v in value.items()) + "}"
    return str(value)


def because_text(because: Mapping[str, Any]) -> str:
    return "; ".join(f"{key}={value_text(value)}" for key, value in because.items())


def reason_line(reason: Reason) -> str:
    """`[id] text - because field=value - evidence [sources]` (parts without content are left out)."""
    parts = [f"[{reason.rule}] {reason.text}"]
    if reason.because:
        parts.append(f"because {because_text(reason.because)}")
    evidence = " ".join(p for p in (reason.evidence, reason.source) if p)
    if evidence:
        parts.append(evidence)
    return " - ".join(parts)


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
        lines += [f"*** [{r.rule}] {r.text}" for r in alerts]
    if not assessment.red_flag_screen_complete:
        lines += ["", "!!! Red-flag screen incomplete: ask the unanswered safety questions before the patient "
                      "leaves (see Data gaps) !!!"]
    lines += ["", "Recommendation:"]
    lines += textwrap.wrap(assessment.recommendation, WIDTH, initial_indent="  ", subsequent_indent="  ")
    for group in GROUP_ORDER:
        lines += ["", GROUP_TITLES[group]]
        reasons = assessment.in_group(group)
        lines += [f"  {reason_line(r)}" for r in reasons] or ["  (none)"]
    lines += ["", f"Rules version {assessment.rules_version} - screening aid for clinician review, not a diagnosis."]
    return "\n".join(lines) + "\n"
