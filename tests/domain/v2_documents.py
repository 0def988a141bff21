"""Synthetic version 2 intake documents (questionnaire foot-leg-intake/2) for the domain tests."""

from __future__ import annotations

import copy
from typing import Any

from tests.conftest import FULL_ANSWERS, synthetic_document

V1 = "foot-leg-intake/1"
V2 = "foot-leg-intake/2"

# Every answer of version 1's full fixture, with version 2's per-side weakness course, and every new
# question answered.
FULL_ANSWERS_V2: dict[str, Any] = {
    **copy.deepcopy(FULL_ANSWERS),
    "numbness": {"right": ["sole"]},
    "weakness": {"left": "other", "right": "tiptoe_weak"},
    "weakness_other": {"left": "Knee buckles on stairs"},
    "weakness_course": {"left": "longstanding_stable", "right": "worsening"},
    "leg_pain_new": "yes",
    "neuro_new": "no",
    "rf_saddle_numbness": "new",
    "new_symptom_started": "1_to_3_days",
    "leg_vs_back": "leg_worse",
    "back_conditions": ["herniated_disc", "other"],
    "back_conditions_other": "Scoliosis",
    "current_medicines": "Ibuprofen 400 mg\tthree times a day\nOmeprazole 20 mg",
    "blood_thinner": "no",
    "allergies": "Penicillin (rash)\nLatex",
    "preferred_language": "other",
    "interpreter_needed": "yes",
    "interpreter_language": "Portuguese",
    "desk_note": "Came with daughter.\n\tPrefers afternoon appointments.",
}


def v2_document(**answers: Any) -> dict[str, Any]:
    """A valid version 2 document for a made-up patient, with the given answers only."""
    data = synthetic_document(**answers)
    data["questionnaire"] = V2
    return data


def full_v2_document() -> dict[str, Any]:
    return v2_document(**copy.deepcopy(FULL_ANSWERS_V2))
