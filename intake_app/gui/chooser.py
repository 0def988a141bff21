"""Every question the program puts to the person at the desk goes through one Chooser.

The window is given a chooser when it is built and hands it to its dialogs; `DialogChooser` asks with
real dialogs. Tests pass their own chooser (answers in a list, a record of what was asked), so no test
hook lives in the program and nothing grows for the life of the application.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

# The dialogs' own classes (message boxes, the print and file dialogs, QtPrintSupport itself) load
# when a question is first asked, not while the window starts.
if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QMessageBox

    from intake_app.access.passwords import Secret

    Button = QMessageBox.StandardButton
    BUTTON_NAMES: dict[Button, str]


def _button_names() -> dict[Button, str]:
    """What each standard button is called in the answers ("yes", "ok", ...), made on first use."""
    names = globals().get("BUTTON_NAMES")
    if names is None:
        from PySide6.QtWidgets import QMessageBox

        button = QMessageBox.StandardButton
        names = {
            button.Yes: "yes", button.No: "no", button.Ok: "ok", button.Cancel: "cancel",
            button.Save: "save", button.Discard: "discard", button.Retry: "retry", button.Close: "close",
        }
        globals().update(Button=button, BUTTON_NAMES=names)
    return names


def __getattr__(name: str) -> Any:
    """`Button` (the message box's standard buttons) and `BUTTON_NAMES` for importers, made on first use."""
    if name not in ("Button", "BUTTON_NAMES"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    _button_names()
    return globals()[name]


class Chooser:
    """What the program asks; each method returns the person's answer."""

    def ask(self, parent: QWidget | None, kind: str, title: str, text: str, buttons: Sequence[Button],
            default: Button, informative: str = "") -> str:
        """A message box; returns the name of the button pressed ("yes", "ok", "cancel", ...)."""
        from PySide6.QtWidgets import QMessageBox

        icon = {"error": QMessageBox.Icon.Warning, "question": QMessageBox.Icon.Question}.get(
            kind, QMessageBox.Icon.Information)
        box = QMessageBox(icon, title, text, parent=parent)
        if informative:
            box.setInformativeText(informative)
        for button in buttons:
            box.addButton(button)
        box.setDefaultButton(default)
        return _button_names().get(QMessageBox.StandardButton(box.exec()), "cancel")

    def crash_choice(self, parent: QWidget | None, where: str) -> str:
        """After an unexpected error: "continue" or "quit"."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Critical, QCoreApplication.translate("Chooser", "Unexpected error"),
            QCoreApplication.translate("Chooser", "Something went wrong that the program did not expect."),
            parent=parent)
        box.setInformativeText(QCoreApplication.translate(
            "Chooser", "{0}\nThe log holds no patient details; nothing was sent anywhere. Everything saved so far is "
            "safe.\nYou can carry on working, or save open drafts and quit.").format(where))
        carry_on = box.addButton(QCoreApplication.translate("Chooser", "Carry on"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("Chooser", "Save and quit"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(carry_on)
        box.exec()
        return "continue" if box.clickedButton() is carry_on else "quit"

    def duplicate_choice(self, parent: QWidget | None, lines: list[str], editing: bool) -> str:
        """A likely duplicate patient: "open", "register" or "cancel"."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Chooser", "Possible duplicate"),
                          QCoreApplication.translate("Chooser", "This patient may already be registered:"),
                          parent=parent)
        box.setInformativeText("\n".join(lines))
        open_button = box.addButton(QCoreApplication.translate("Chooser", "Open existing record"),
                                    QMessageBox.ButtonRole.AcceptRole)
        register = box.addButton(QCoreApplication.translate("Chooser", "Save anyway") if editing
                                 else QCoreApplication.translate("Chooser", "Save as new patient"),
                                 QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        box.exec()
        clicked = box.clickedButton()
        return "open" if clicked is open_button else "register" if clicked is register else "cancel"

    def printer(self, parent: QWidget | None, printer: QPrinter, title: str) -> QPrinter | None:
        """The print dialog over a prepared printer; None when cancelled. A printer set to write a PDF
        file (the dialog's "Print to file") is returned as it is; the caller writes the PDF itself."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def save_folder(self, parent: QWidget | None, title: str, suggestion: Path) -> Path | None:
        """A folder to save files in; None when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(parent, title, str(suggestion))
        return Path(folder) if folder else None

    def save_file(self, parent: QWidget | None, title: str, suggestion: Path, filter_text: str) -> Path | None:
        """A file to write (e.g. the audit trail as CSV); None when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggestion), filter_text)
        return Path(chosen) if chosen else None

    def clinician(self, parent: QWidget | None, summary: str) -> tuple[str, Secret] | None:
        """The account name and password of the clinician who signs off a red flag; None when cancelled."""
        from intake_app.gui.acknowledge_dialog import AcknowledgeDialog

        dialog = AcknowledgeDialog(summary, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()

    def text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """A line of text (the reason for an amendment); None when cancelled."""
        from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

        dialog = QDialog(parent)
        dialog.setWindowTitle(title)
        edit = QLineEdit(dialog)
        edit.setMaxLength(200)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        caption = QLabel(label, dialog)
        caption.setWordWrap(True)
        caption.setBuddy(edit)
        layout.addWidget(caption)
        layout.addWidget(edit)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted or not edit.text().strip():
            return None
        return edit.text().strip()


def documents_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()
