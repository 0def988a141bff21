"""Patient mode: the patient answers their own intake, one question a page, in English or Spanish.

Start it with `PatientMode(draft_answers, staff_sign_in=..., save_draft=...)` and `showFullScreen()`
(or show it on a second screen); see docs/patient-mode.md.

The pages and the flow load on first use (PEP 562), so the desk can read `gui.patient.translations` at
start-up without loading patient mode's pages; the reference-count guard is applied on import, as before.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from intake_app.gui.patient.refcount_guard import TRUE_GUARD_APPLIED

if TYPE_CHECKING:
    from intake_app.gui.patient.flow import PatientFlow, PatientResult, Step
    from intake_app.gui.patient.window import IDLE_PROMPT_S, IDLE_SAVE_S, PatientMode

_WHERE = {
    "PatientFlow": "flow", "PatientResult": "flow", "Step": "flow",
    "IDLE_PROMPT_S": "window", "IDLE_SAVE_S": "window", "PatientMode": "window",
}

__all__ = ["IDLE_PROMPT_S", "IDLE_SAVE_S", "TRUE_GUARD_APPLIED", "PatientFlow", "PatientMode", "PatientResult", "Step"]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
