"""One place for message boxes, so every dialog looks alike and tests can answer them without a click.

Tests set `AUTO_ANSWERS` (a list consumed in order) and read `SHOWN` (what would have been shown).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from intake_app.errors import IntakeError, InvalidInput

# Test hooks: when AUTO_ANSWERS is not None, no dialog opens; the next answer is taken from it.
AUTO_ANSWERS: list[str] | None = None
SHOWN: list[tuple[str, str, str]] = []  # (kind, title, text)

Button = QMessageBox.StandardButton
_NAMES = {
    Button.Yes: "yes", Button.No: "no", Button.Ok: "ok", Button.Cancel: "cancel",
    Button.Save: "save", Button.Discard: "discard", Button.Retry: "retry", Button.Close: "close",
}


def _ask(
    parent: QWidget | None, kind: str, title: str, text: str, buttons: list[Button], default: Button,
    informative: str = "",
) -> str:
    SHOWN.append((kind, title, text + (f"\n{informative}" if informative else "")))
    if AUTO_ANSWERS is not None:
        return AUTO_ANSWERS.pop(0) if AUTO_ANSWERS else _NAMES[default]
    icon = {"error": QMessageBox.Icon.Warning, "question": QMessageBox.Icon.Question}.get(
        kind, QMessageBox.Icon.Information
    )
    box = QMessageBox(icon, title, text, parent=parent)
    if informative:
        box.setInformativeText(informative)
    for button in buttons:
        box.addButton(button)
    box.setDefaultButton(default)
    return _NAMES.get(Button(box.exec()), "cancel")


def show_error(parent: QWidget | None, error: IntakeError, title: str = "") -> None:
    """An expected failure: what happened and what to do. Nothing saved is lost."""
    details = ""
    if isinstance(error, InvalidInput) and error.problems:
        details = "\n".join(f"- {where}: {message}" for where, message in error.problems[:12])
    informative = "\n".join(p for p in (error.hint, details) if p)
    _ask(parent, "error", title or parent_title(parent), error.message, [Button.Ok], Button.Ok, informative)


def inform(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    _ask(parent, "info", title, text, [Button.Ok], Button.Ok, informative)


def ask_yes_no(
    parent: QWidget | None, title: str, text: str, informative: str = "", *, default_yes: bool = False
) -> bool:
    default = Button.Yes if default_yes else Button.No
    return _ask(parent, "question", title, text, [Button.Yes, Button.No], default, informative) == "yes"


def ask_save_discard_cancel(parent: QWidget | None, title: str, text: str) -> str:
    """'save', 'discard' or 'cancel'."""
    return _ask(
        parent, "question", title, text, [Button.Save, Button.Discard, Button.Cancel], Button.Save,
        "Unsaved answers are lost if you discard them.",
    )


def parent_title(parent: QWidget | None) -> str:
    return "Foot & Leg Intake"
