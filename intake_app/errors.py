"""The one project error type: an expected failure with a message a person can act on."""

from __future__ import annotations


class IntakeError(Exception):
    """An expected failure (bad file, database locked, disk full) explained for a person.

    The message never contains patient data, so it is safe to log.
    """

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class StorageError(IntakeError):
    """The database could not be opened, read or written."""


class InvalidInput(IntakeError):
    """Input (a document, a file, a form) broke the rules; `problems` names each field."""

    def __init__(self, message: str, problems: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.problems: list[tuple[str, str]] = problems or []


class DatabaseTooNew(StorageError):
    """The database schema is newer than this program knows; it was left exactly as it was."""

    def __init__(self) -> None:
        super().__init__(
            "This database was made by a newer version of the program; nothing was changed.",
            hint="Install the newer version of Foot & Leg Intake to open it.",
        )


class StaleRecord(IntakeError):
    """A save was refused: someone else saved this record since it was opened.

    `current` is the record as it is stored now (an IntakeRecord or a PatientRecord), so the screen
    can show the other desk's version beside this one and let the user choose.
    """

    def __init__(self, current: object, *, what: str = "record") -> None:
        super().__init__(
            f"This {what} was changed at another desk after you opened it; your changes were not saved.",
            hint="Compare the two versions, choose what to keep, then save again.",
        )
        self.current = current


class AcknowledgementNeeded(IntakeError):
    """An URGENT result cannot be completed until a clinician has acknowledged the red flag."""

    def __init__(self) -> None:
        super().__init__(
            "The answers raise an URGENT red flag that has not been acknowledged yet; the intake was not completed.",
            hint="A clinician acknowledges the red flag (name and role), then complete the intake again.",
        )
