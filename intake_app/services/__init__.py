"""The application layer: one method per user action, shared by the GUI and the command line.

`Clinic` (clinic.py) composes the rooms (domain, screening, storage, reports, exchange) and owns
transactions and the audit trail; inputs.py checks what can be stored; results.py screens with the
clinic's wording; reports.py builds the printouts; exchange.py writes and reads exchange files.
Names are loaded on first use (PEP 562), so `intake_app.services.inputs` and `.results` (what
`intake-app assess FILE` needs) load without the Clinic, the access rooms or argon2.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intake_app.errors import AcknowledgementNeeded, DatabaseTooNew, StaleRecord, StorageError
    from intake_app.services.access import PasswordChangeNeeded, WindowLocked
    from intake_app.services.clinic import DEMO_EXTRA_HINT, DEMO_EXTRA_MISSING, Clinic, shared_group
    from intake_app.services.inputs import MAX_FILE_BYTES, check_input, documents_in, read_json_file
    from intake_app.services.reports import build_report_pdf, report_options
    from intake_app.services.results import IncompleteIntake, RescreenChange, rose_to_recall, screen, urgent_rules

_WHERE = {
    "AcknowledgementNeeded": "intake_app.errors", "DatabaseTooNew": "intake_app.errors",
    "StaleRecord": "intake_app.errors", "StorageError": "intake_app.errors",
    "PasswordChangeNeeded": "intake_app.services.access", "WindowLocked": "intake_app.services.access",
    "DEMO_EXTRA_HINT": "intake_app.services.clinic", "DEMO_EXTRA_MISSING": "intake_app.services.clinic",
    "Clinic": "intake_app.services.clinic", "shared_group": "intake_app.services.clinic",
    "MAX_FILE_BYTES": "intake_app.services.inputs", "check_input": "intake_app.services.inputs",
    "documents_in": "intake_app.services.inputs", "read_json_file": "intake_app.services.inputs",
    "build_report_pdf": "intake_app.services.reports", "report_options": "intake_app.services.reports",
    "IncompleteIntake": "intake_app.services.results", "RescreenChange": "intake_app.services.results",
    "rose_to_recall": "intake_app.services.results", "screen": "intake_app.services.results",
    "urgent_rules": "intake_app.services.results",
}

__all__ = [
    "DEMO_EXTRA_HINT", "DEMO_EXTRA_MISSING", "MAX_FILE_BYTES", "AcknowledgementNeeded", "Clinic",
    "DatabaseTooNew", "IncompleteIntake", "PasswordChangeNeeded", "RescreenChange", "StaleRecord", "StorageError",
    "WindowLocked", "build_report_pdf", "check_input", "documents_in", "read_json_file", "report_options",
    "rose_to_recall", "screen", "shared_group", "urgent_rules",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
