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
