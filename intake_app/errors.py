"""The one project error type: an expected failure with a message a person can act on.

A message is written once, in English, as a template marked for translation with named parameters:

    raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "The password is too long: at most {limit} characters."),
                      params={"limit": 128})

`str(error)`, `.message` and `.hint` are the English (logs, the command line and tests read them as
before); they are `Phrase`s, strings that also keep their template and parameters, so the gui shows them
in the desk's language (gui/messages.py, `QCoreApplication.translate("IntakeError", template)`, then the
parameters). A parameter that is itself a word people read is a Phrase too (`Phrase.word("Role", ...)`),
translated in its own context; a word that changes the sentence around it gets its own template instead.
The same holds for a problem's text in `InvalidInput.problems`. Parameters are never patient data.
"""

from __future__ import annotations

from collections.abc import Mapping

from intake_app.translation_marks import QT_TRANSLATE_NOOP

# `typing` costs a few milliseconds at every start of the command line (`intake-app --help` imports this
# module and little else); its names are needed only by the type checker, which reads this constant as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: The translation context of every error message, hint and problem text (messages_es.ts).
MESSAGE_CONTEXT = "IntakeError"


class Phrase(str):
    """English words (the string itself) that remember their marked template, context and parameters."""

    template: str
    context: str
    params: Mapping[str, object]

    def __new__(cls, template: str, params: Mapping[str, object] | None = None, *,
                context: str = MESSAGE_CONTEXT) -> Phrase:
        values = dict(params or {})
        english = template.format_map({k: str(v) for k, v in values.items()}) if values else template
        phrase = super().__new__(cls, english)
        phrase.template = template
        phrase.context = context
        phrase.params = values
        return phrase

    @classmethod
    def word(cls, context: str, text: str) -> Phrase:
        """A word marked in another context (a role, an action), used as a parameter."""
        return cls(text, context=context)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_phrase, (self.template, dict(self.params), self.context))


def word_list(context: str, words: list[str] | tuple[str, ...], *, quote: str = "") -> Phrase:
    """Marked words as one list ("'A', 'B', 'C'"): each word translated in `context`, the commas kept."""
    template = ", ".join(f"{quote}{{w{n}}}{quote}" for n in range(len(words)))
    return Phrase(template, {f"w{n}": Phrase.word(context, w) for n, w in enumerate(words)})


def _phrase(template: str, params: Mapping[str, object], context: str) -> Phrase:
    return Phrase(template, params, context=context)


def phrase(template: str, params: Mapping[str, object] | None = None) -> Phrase:
    """A problem's (or message's) text from a template marked with QT_TRANSLATE_NOOP("IntakeError", ...)."""
    if isinstance(template, Phrase):
        return template if not params else Phrase(template.template, {**template.params, **params},
                                                  context=template.context)
    return Phrase(template, params)


class IntakeError(Exception):
    """An expected failure (bad file, database locked, disk full) explained for a person.

    `message` and `hint` are marked templates; `params` fills their {named} places (the same mapping for
    both). The message never contains patient data, so it is safe to log.
    """

    def __init__(self, message: str, *, hint: str = "", params: Mapping[str, object] | None = None) -> None:
        self.message = phrase(message, params)
        self.hint = phrase(hint, params) if hint else Phrase("")
        super().__init__(str(self.message))

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class StorageError(IntakeError):
    """The database could not be opened, read or written."""


class InvalidInput(IntakeError):
    """Input (a document, a file, a form) broke the rules; `problems` names each field.

    Each problem is (field, text): the field a key the screen turns into words, the text a Phrase from a
    marked template (or, from older callers, plain English)."""

    def __init__(self, message: str, problems: list[tuple[str, str]] | None = None, *,
                 hint: str = "", params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, hint=hint, params=params)
        self.problems: list[tuple[str, str]] = problems or []


class DatabaseTooNew(StorageError):
    """The database schema is newer than this program knows; it was left exactly as it was."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("IntakeError",
                              "This database was made by a newer version of the program; nothing was changed."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Install the newer version of Foot & Leg Intake to open it."),
        )


#: A stale save's message for each kind of record (a word inside a sentence gets its own template).
STALE_MESSAGES: Mapping[str, str] = {
    "record": QT_TRANSLATE_NOOP(
        "IntakeError", "This record was changed at another desk after you opened it; your changes were not saved."),
    "patient": QT_TRANSLATE_NOOP(
        "IntakeError",
        "This patient's record was changed at another desk after you opened it; your changes were not saved."),
    "intake": QT_TRANSLATE_NOOP(
        "IntakeError", "This intake was changed at another desk after you opened it; your changes were not saved."),
}


class StaleRecord(IntakeError):
    """A save was refused: someone else saved this record since it was opened.

    `current` is the record as it is stored now (an IntakeRecord or a PatientRecord), so the screen
    can show the other desk's version beside this one and let the user choose. `what` is "record",
    "patient" (the patient's record) or "intake".
    """

    def __init__(self, current: object, *, what: str = "record") -> None:
        super().__init__(
            STALE_MESSAGES[what],
            hint=QT_TRANSLATE_NOOP("IntakeError", "Compare the two versions, choose what to keep, then save again."),
        )
        self.current = current


class AcknowledgementNeeded(IntakeError):
    """An URGENT result cannot be completed until a clinician has acknowledged the red flag."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("IntakeError", "The answers raise an URGENT red flag that has not been acknowledged "
                                             "yet; the intake was not completed."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "A clinician acknowledges the red flag (name and role), then "
                                                  "complete the intake again."),
        )
