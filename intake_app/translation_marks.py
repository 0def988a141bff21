"""Marking display words for translation below the gui, without Qt.

Rooms below the gui hold words people read (role names, audit actions, outcome findings, setting labels)
but never import Qt. They keep and store the English and wrap each word in `QT_TRANSLATE_NOOP(context,
text)`: pyside6-lupdate finds the call by its name and files the text under `context`; the gui shows it
with `QCoreApplication.translate(context, text)`. Kept in its own module with no imports of ours, so the
window's early imports (access roles, settings) do not load the questionnaire's room.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing costs every start a few milliseconds (see errors.py)
if TYPE_CHECKING:
    from pathlib import Path

# The modules below the gui whose display words are marked (roles, audit actions, outcome findings, setting
# labels; paths inside the intake_app package): translated in resources/translations/admin_es.ts.
WORD_SOURCES: tuple[str, ...] = (
    "access/roles.py",
    "access/audit_export.py",
    "domain/outcomes.py",
    "settings.py",
)

# The modules whose error messages, hints and problem texts are marked templates (context "IntakeError",
# see errors.py): translated in resources/translations/messages_es.ts. tests/test_messages_translatable.py
# checks that none of their messages is a bare literal or an f-string.
MESSAGE_SOURCES: tuple[str, ...] = (
    "errors.py",
    "files.py",
    "settings.py",
    "access/accounts.py",
    "access/anchor.py",
    "access/audit_export.py",
    "access/identity.py",
    "access/idle.py",
    "access/lockout.py",
    "access/passwords.py",
    "access/roles.py",
    "cli/common.py",
    "cli/database.py",
    "cli/documents.py",
    "cli/outcomes.py",
    "cli/users.py",
    "domain/body_map.py",
    "domain/document.py",
    "domain/document_values.py",
    "domain/outcomes.py",
    "domain/questionnaire.py",
    "exchange/csv_export.py",
    "exchange/fhir_answers.py",
    "exchange/fhir_export.py",
    "exchange/fhir_import.py",
    "exchange/items.py",
    "exchange/outcomes_fhir.py",
    "exchange/output.py",
    "reports/handout.py",
    "reports/options.py",
    "reports/referral.py",
    "services/access.py",
    "services/clinic.py",
    "services/exchange.py",
    "services/inputs.py",
    "services/maintenance.py",
    "services/outcomes.py",
    "services/reports.py",
    "services/results.py",
    "storage/access_store.py",
    "storage/backup.py",
    "storage/database.py",
    "storage/drafts.py",
    "storage/outcomes_store.py",
    "storage/repository.py",
    "storage/safety.py",
)


# Every module below the gui with marked words: pyside6-lupdate reads them with the gui package.
MARKED_SOURCES: tuple[str, ...] = WORD_SOURCES + tuple(name for name in MESSAGE_SOURCES if name not in WORD_SOURCES)


def marked_source_paths() -> list[Path]:
    """MARKED_SOURCES as paths (for pyside6-lupdate and the translation tests)."""
    from pathlib import Path  # here: the command line's --help loads errors (and so this module) only

    package = Path(__file__).resolve().parent
    return [package / name for name in MARKED_SOURCES]



def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark `text` for translation in `context`; returns it unchanged (the English that is stored)."""
    del context
    return text
