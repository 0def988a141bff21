"""A Chooser for tests: answers come from lists, and every question asked is recorded.

Passed into the window (build_window(..., chooser=...)) or a dialog, so no test hook lives in the
program. When a list runs out, the dialog's default answer is taken.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from intake_app.access.passwords import Secret
from intake_app.gui.chooser import BUTTON_NAMES, Button, Chooser


class ScriptedChooser(Chooser):
    def __init__(self) -> None:
        self.answers: list[str] = []
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text + informative)
        self.crash_answer = "continue"
        self.duplicate_answer = "cancel"
        self.print_target: Path | None = None  # "Print to file" as PDF; None cancels the print dialog
        self.printers: list[QPrinter] = []  # or a real printer object to hand back
        self.folder: Path | None = None
        self.folders_offered: list[Path] = []
        self.clinicians: list[tuple[str, str] | None] = []  # (account name, password) or None (Cancel)
        self.files: list[Path | None] = []
        self.texts: list[str | None] = []

    def ask(self, parent: QWidget | None, kind: str, title: str, text: str, buttons: Sequence[Button],
            default: Button, informative: str = "") -> str:
        self.shown.append((kind, title, text + (f"\n{informative}" if informative else "")))
        return self.answers.pop(0) if self.answers else BUTTON_NAMES[default]

    def titles(self) -> list[str]:
        return [title for _kind, title, _text in self.shown]

    def crash_choice(self, parent: QWidget | None, where: str) -> str:
        self.shown.append(("crash", "Unexpected error", where))
        return self.crash_answer

    def duplicate_choice(self, parent: QWidget | None, lines: list[str], editing: bool) -> str:
        self.shown.append(("duplicate", "Possible duplicate", str(len(lines))))
        return self.duplicate_answer

    def printer(self, parent: QWidget | None, printer: QPrinter, title: str) -> QPrinter | None:
        self.shown.append(("print", title, ""))
        if self.printers:
            return self.printers.pop(0)
        if self.print_target is None:
            return None
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_target))
        return printer

    def save_folder(self, parent: QWidget | None, title: str, suggestion: Path) -> Path | None:
        self.folders_offered.append(suggestion)
        return self.folder

    def clinician(self, parent: QWidget | None, summary: str) -> tuple[str, Secret] | None:
        self.shown.append(("acknowledge", "Acknowledge the red flag", summary))
        answer = self.clinicians.pop(0) if self.clinicians else None
        return None if answer is None else (answer[0], Secret(answer[1]))

    def save_file(self, parent: QWidget | None, title: str, suggestion: Path, filter_text: str) -> Path | None:
        self.shown.append(("save file", title, suggestion.name))
        return self.files.pop(0) if self.files else None

    def text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        self.shown.append(("text", title, label))
        return self.texts.pop(0) if self.texts else None
