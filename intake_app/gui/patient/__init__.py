"""Patient mode: the patient answers their own intake, one question a page, in English or Spanish.

Start it with `PatientMode(draft_answers, staff_sign_in=..., save_draft=...)` and `showFullScreen()`
(or show it on a second screen); see docs/patient-mode.md.
"""

from intake_app.gui.patient.flow import PatientFlow, PatientResult, Step
from intake_app.gui.patient.refcount_guard import TRUE_GUARD_APPLIED
from intake_app.gui.patient.window import IDLE_PROMPT_S, IDLE_SAVE_S, PatientMode

__all__ = ["IDLE_PROMPT_S", "IDLE_SAVE_S", "TRUE_GUARD_APPLIED", "PatientFlow", "PatientMode", "PatientResult", "Step"]
