"""The settings dialog, built from the Settings dataclass itself: every field becomes a row with its
label and description, so a setting added to settings.py appears here without a change to this file.

Saving validates all values first (a bad value is named and nothing is written), then writes the
settings file atomically through save_settings.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
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
from intake_app.settings import PAGE_SIZES, Settings, save_settings

#: Settings whose values come from a fixed list.
CHOICES: dict[str, tuple[str, ...]] = {"page_size": PAGE_SIZES}
#: Text settings at least this long get a box that keeps line breaks.
MULTILINE_FROM = 200

Editor = QLineEdit | QPlainTextEdit | QCheckBox | QSpinBox | QComboBox


class SettingsDialog(QDialog):
    """Edit and save every setting; `saved(settings)` after the file was written."""

    saved = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None, *, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.path = path
        self.editors: dict[str, Editor] = {}
        body = QWidget(self)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for field in dataclasses.fields(Settings):
            editor = self._editor(field, getattr(settings, field.name), body)
            editor.setObjectName(f"setting_{field.name}")
            label_text = str(field.metadata.get("label") or field.name.replace("_", " ").capitalize())
            editor.setAccessibleName(label_text)
            description = str(field.metadata.get("description", ""))
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
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(620, 560)

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

    def submit(self) -> None:
        """Check every value, then write the file; a problem is shown and nothing is written."""
        try:
            settings = dataclasses.replace(self.settings, **self.values()).validated()
            save_settings(settings, self.path)
        except IntakeError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.settings = settings
        self.saved.emit(settings)
        self.accept()
