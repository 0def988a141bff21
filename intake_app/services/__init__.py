"""The application layer: one method per user action, shared by the GUI and the command line.

`Clinic` (clinic.py) composes the rooms (domain, screening, storage, reports, exchange) and owns
transactions and the audit trail; inputs.py checks what can be stored; results.py screens with the
clinic's wording; reports.py builds the printouts; exchange.py writes and reads exchange files.
Heavy modules are imported when first needed, so the window can paint before they load.
"""

from intake_app.errors import AcknowledgementNeeded, DatabaseTooNew, StaleRecord, StorageError
from intake_app.services.access import PasswordChangeNeeded, WindowLocked
from intake_app.services.clinic import DEMO_EXTRA_HINT, DEMO_EXTRA_MISSING, Clinic, shared_group
from intake_app.services.inputs import MAX_FILE_BYTES, check_input, documents_in, read_json_file
from intake_app.services.reports import build_report_pdf, report_options
from intake_app.services.results import IncompleteIntake, RescreenChange, rose_to_recall, screen, urgent_rules

__all__ = [
    "DEMO_EXTRA_HINT", "DEMO_EXTRA_MISSING", "MAX_FILE_BYTES", "AcknowledgementNeeded", "Clinic",
    "DatabaseTooNew", "IncompleteIntake", "PasswordChangeNeeded", "RescreenChange", "StaleRecord", "StorageError",
    "WindowLocked", "build_report_pdf", "check_input", "documents_in", "read_json_file", "report_options",
    "rose_to_recall", "screen", "shared_group", "urgent_rules",
]
