"""The settings dialogs, built from the Settings dataclass itself: every field becomes a row with its
label and description, so a setting added to settings.py appears here without a change to this file.

Two dialogs share the builder: the desk's own preferences (large print, autosave...) go to this computer's
settings file (validated first, written atomically by save_settings); the clinic-wide settings
(intake_app.settings.CLINIC_FIELDS: clinic name, referrer, emergency numbers, paper, idle lock time...)
live in the database, are shown only to administrators and are saved through
`Clinic.save_clinic_settings` (checked and recorded in the audit trail by the service).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.tasks import TaskRunner
from intake_app.settings import CLINIC_FIELDS, PAGE_SIZES, Settings, save_settings

#: Settings whose values come from a fixed list.
CHOICES: dict[str, tuple[str, ...]] = {"page_size": PAGE_SIZES}
#: Text settings at least this long get a box that keeps line breaks.
MULTILINE_FROM = 200

Editor = QLineEdit | QPlainTextEdit | QCheckBox | QSpinBox | QComboBox


def desk_fields() -> tuple[str, ...]:
    """The settings this desk keeps for itself in its settings file (everything not clinic-wide)."""
    return tuple(f.name for f in dataclasses.fields(Settings) if f.name not in CLINIC_FIELDS)


class SettingsDialog(QDialog):
    """Edit and save this desk's preferences; `saved(settings)` after the file was written."""

    saved = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None, *, path: Path | None = None,
                 fields: tuple[str, ...] | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Desk preferences"))
        self.settings = settings
        self.path = path
        self.editors: dict[str, Editor] = {}
        shown = desk_fields() if fields is None else fields
        body = QWidget(self)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for field in dataclasses.fields(Settings):
            if field.name not in shown:
                continue
            editor = self._editor(field, getattr(settings, field.name), body)
            editor.setObjectName(f"setting_{field.name}")
            # The labels and descriptions are English in settings.py, marked for translation there.
            label_text = QCoreApplication.translate(
                "Setting", str(field.metadata.get("label") or field.name.replace("_", " ").capitalize()))
            editor.setAccessibleName(label_text)
            description = str(field.metadata.get("description", ""))
            description = QCoreApplication.translate("Setting", description) if description else ""
            editor.setAccessibleDescription(description)
            editor.setToolTip(description)
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(editor)
            if description:
                help_label = QLabel(description, body)
                help_label.setObjectName("help")
                help_label.setWordWrap(True)
                column.addWidget(help_label)
            label = QLabel(label_text, body)
            label.setBuddy(editor)
            label.setWordWrap(True)
            form.addRow(label, column)
            self.editors[field.name] = editor
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.note = QLabel(self)
        self.note.setObjectName("help")
        self.note.setWordWrap(True)
        self.note.setText(self.tr("Only this computer's preferences. The clinic's name, referrer, emergency "
                                  "numbers, paper and idle lock time are set by an administrator."))
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(620, min(560, 160 + 64 * len(self.editors)))  # two desk preferences need little room

    def _editor(self, field: dataclasses.Field[Any], value: Any, parent: QWidget) -> Editor:
        if isinstance(value, bool):
            box = QCheckBox(parent)
            box.setChecked(value)
            return box
        if isinstance(value, int):
            spin = QSpinBox(parent)
            spin.setRange(0, 100000)
            spin.setValue(value)
            return spin
        if field.name in CHOICES:
            combo = QComboBox(parent)
            for choice in CHOICES[field.name]:
                combo.addItem(choice, choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        limit = field.metadata.get("max_length")
        if isinstance(limit, int) and limit >= MULTILINE_FROM:
            text = QPlainTextEdit(parent)
            text.setPlainText(str(value))
            text.setTabChangesFocus(True)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 3 + 14)
            return text
        line = QLineEdit(str(value), parent)
        if isinstance(limit, int):
            line.setMaxLength(limit)
        return line

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QCheckBox):
                result[name] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                result[name] = editor.value()
            elif isinstance(editor, QComboBox):
                result[name] = editor.currentData()
            elif isinstance(editor, QPlainTextEdit):
                result[name] = editor.toPlainText().strip()
            else:
                result[name] = editor.text().strip()
        return result

    def show_problem(self, error: IntakeError) -> None:
        self.problem.setText(messages.error_text(error))
        self.problem.show()

    def submit(self) -> None:
        """Check every value, then write the file; a problem is shown and nothing is written."""
        try:
            settings = dataclasses.replace(self.settings, **self.values()).validated()
            save_settings(settings, self.path)
        except IntakeError as exc:
            self.show_problem(exc)
            return
        self.settings = settings
        self.saved.emit(settings)
        self.accept()


class ClinicSettingsDialog(SettingsDialog):
    """The clinic-wide settings (administrators): saved in the database through the clinic, audited there."""

    def __init__(self, clinic: Any, parent: QWidget | None = None) -> None:
        super().__init__(clinic.settings, parent, fields=tuple(CLINIC_FIELDS), title=self.tr("Clinic settings"))
        self.clinic = clinic
        self.runner = TaskRunner(self)
        self.note.setText(self.tr("Shared by every desk. Changes are recorded in the audit trail (which settings "
                                  "changed, never their values)."))

    def submit(self) -> None:
        values = self.values()
        clinic = self.clinic
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(False)
        self.problem.hide()

        def done(settings: Settings) -> None:
            self.settings = settings
            self.saved.emit(settings)
            self.accept()

        def failed(error: BaseException) -> None:
            save.setEnabled(True)
            if not isinstance(error, IntakeError):
                raise error
            self.show_problem(error)

        self.runner.run(lambda: clinic.save_clinic_settings(values), done, failed, label=self.tr("Saving..."))
