"""Marking display words for translation below the gui, without Qt.

Rooms below the gui hold words people read (role names, audit actions, outcome findings, setting labels)
but never import Qt. They keep and store the English and wrap each word in `QT_TRANSLATE_NOOP(context,
text)`: pyside6-lupdate finds the call by its name and files the text under `context`; the gui shows it
with `QCoreApplication.translate(context, text)`. Kept in its own module with no imports of ours, so the
window's early imports (access roles, settings) do not load the questionnaire's room.
"""

from __future__ import annotations

from pathlib import Path

# The modules below the gui whose words are marked (paths inside the intake_app package). pyside6-lupdate
# reads them with the gui package; their translations are in resources/translations/admin_es.ts.
MARKED_SOURCES: tuple[str, ...] = (
    "access/roles.py",
    "access/audit_export.py",
    "domain/outcomes.py",
    "settings.py",
)


def marked_source_paths() -> list[Path]:
    """MARKED_SOURCES as paths (for pyside6-lupdate and the translation tests)."""
    package = Path(__file__).resolve().parent
    return [package / name for name in MARKED_SOURCES]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark `text` for translation in `context`; returns it unchanged (the English that is stored)."""
    del context
    return text
