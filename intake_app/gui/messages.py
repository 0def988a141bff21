"""One place for message boxes, so every dialog looks alike, and for an error's words on screen.

The question is put through the Chooser of the window the message belongs to (see chooser.py): the
real dialogs in the program, a scripted chooser in the tests.

An IntakeError's message, hint and problem texts are English Phrases that keep their marked template
(errors.py); `desk_text` shows one in the desk's language, and every screen shows an error through
`error_text` / `problem_text` (never `error.message` directly), so a Spanish desk reads Spanish.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from intake_app.errors import IntakeError, InvalidInput, Phrase
from intake_app.gui.chooser import Chooser

if TYPE_CHECKING:
    from intake_app.gui.chooser import Button


def _buttons() -> type[Button]:
    """The message box's standard buttons (QMessageBox loads with the first message, not at start)."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.StandardButton

_DIALOGS = Chooser()


def desk_text(text: str) -> str:
    """Words from below the gui in the desk's language: a Phrase's template translated in its context, then
    its parameters (each a Phrase translated the same way); plain text (a path, an older caller's English)
    as it is. English, or a template without a translation, gives the Phrase's own English."""
    if not isinstance(text, Phrase) or not text.template:
        return str(text)
    translated = QCoreApplication.translate(text.context, text.template)
    if not text.params:
        return translated
    if translated == text.template and not any(isinstance(v, Phrase) for v in text.params.values()):
        return str(text)
    try:
        return translated.format_map({k: desk_text(v) if isinstance(v, str) else str(v)
                                      for k, v in text.params.items()})
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder: the English
        return str(text)


def error_text(error: IntakeError, *, hint: bool = True) -> str:
    """An error's message (and hint) in the desk's language, as one line for a refusal or a status bar."""
    message = desk_text(error.message)
    shown_hint = desk_text(error.hint) if hint and error.hint else ""
    return f"{message} {shown_hint}".strip()


def problem_text(name: str, problem: str) -> str:
    """One field's problem as a sentence: the field in plain words (as the screen names it), then what
    is wrong, in the desk's language ("Date of birth is not a real date.")."""
    if not name:
        return desk_text(problem)
    return QCoreApplication.translate("IntakeError", "{field} {problem}.").format(
        field=name, problem=desk_text(problem))


def chooser_for(widget: QWidget | None) -> Chooser:
    """The chooser of the nearest window (or dialog) that carries one; real dialogs otherwise."""
    while widget is not None:
        chooser = getattr(widget, "chooser", None)
        if isinstance(chooser, Chooser):
            return chooser
        widget = widget.parentWidget()
    return _DIALOGS


def _ask(
    parent: QWidget | None, kind: str, title: str, text: str, buttons: list[Button], default: Button,
    informative: str = "",
) -> str:
    return chooser_for(parent).ask(parent, kind, title, text, buttons, default, informative)


def show_error(parent: QWidget | None, error: IntakeError, title: str = "",
               describe: object = None) -> None:
    """An expected failure: what happened and what to do. Nothing saved is lost.

    `describe(field) -> str` names a problem's field in plain words (the form passes the questionnaire's
    wording); without it, problems are listed by their message only, never by a field key.
    """
    button = _buttons()
    details = ""
    if isinstance(error, InvalidInput) and error.problems:
        lines = []
        for where, message in error.problems[:12]:
            name = describe(where) if callable(describe) else ""
            lines.append(f"- {name}: {desk_text(message)}" if name else f"- {desk_text(message)}")
        details = "\n".join(lines)
    informative = "\n".join(p for p in (desk_text(error.hint), details) if p)
    _ask(parent, "error", title or parent_title(parent), desk_text(error.message), [button.Ok], button.Ok,
         informative)


def inform(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    button = _buttons()
    _ask(parent, "info", title, text, [button.Ok], button.Ok, informative)


def ask_yes_no(
    parent: QWidget | None, title: str, text: str, informative: str = "", *, default_yes: bool = False
) -> bool:
    button = _buttons()
    default = button.Yes if default_yes else button.No
    return _ask(parent, "question", title, text, [button.Yes, button.No], default, informative) == "yes"


def ask_save_discard_cancel(parent: QWidget | None, title: str, text: str) -> str:
    """'save', 'discard' or 'cancel'."""
    button = _buttons()
    return _ask(
        parent, "question", title, text, [button.Save, button.Discard, button.Cancel], button.Save,
        "Unsaved answers are lost if you discard them.",
    )


def parent_title(parent: QWidget | None) -> str:
    return "Foot & Leg Intake"
