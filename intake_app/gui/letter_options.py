"""For this letter only: who refers (name, role, direct phone) and large print for the handout.

Filled from the clinic's settings; a change here alters the documents being previewed, never the settings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from intake_app.gui.flow_layout import FlowLayout


class LetterOptions(QWidget):
    """A row of fields above the preview; `changed(kind)` asks for that document to be built again."""

    changed = Signal(str)

    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.referrer_name = self._field(self.tr("Referrer's name"), getattr(settings, "referrer_name", ""), 100)
        self.referrer_role = self._field(self.tr("Referrer's role"), getattr(settings, "referrer_role", ""), 60)
        self.referrer_phone = self._field(self.tr("Referrer's direct phone"), getattr(settings, "referrer_phone", ""),
                                          40)
        self.large_print = QCheckBox(self.tr("Large-print handout"), self)
        self.large_print.setChecked(bool(getattr(settings, "large_print", False)))
        self.large_print.setAccessibleDescription(self.tr("Print the patient handout in 18 point type"))
        self.apply_button = QPushButton(self.tr("&Update letter"), self)
        self.apply_button.setAutoDefault(False)
        self.apply_button.setToolTip(self.tr("Rebuild the referral with these details (this letter only)"))
        self.apply_button.setEnabled(False)

        layout = FlowLayout(self, spacing=8)
        for label, edit in ((self.tr("Referrer"), self.referrer_name), (self.tr("Role"), self.referrer_role),
                            (self.tr("Direct phone"), self.referrer_phone)):
            pair = QWidget(self)
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            caption = QLabel(label, pair)
            caption.setBuddy(edit)
            row.addWidget(caption)
            row.addWidget(edit)
            layout.addWidget(pair)
        layout.addWidget(self.apply_button)
        layout.addWidget(self.large_print)

        for edit in (self.referrer_name, self.referrer_role, self.referrer_phone):
            edit.textEdited.connect(lambda _text: self.apply_button.setEnabled(True))
            edit.returnPressed.connect(self._apply)
        self.apply_button.clicked.connect(self._apply)
        self.large_print.toggled.connect(lambda _on: self.changed.emit("handout"))

    def _field(self, name: str, value: str, limit: int) -> QLineEdit:
        edit = QLineEdit(value or "", self)
        edit.setMaxLength(limit)
        edit.setAccessibleName(name)
        edit.setMinimumWidth(140)
        return edit

    def _apply(self) -> None:
        self.apply_button.setEnabled(False)
        self.changed.emit("referral")

    def overrides(self, kind: str) -> dict[str, Any]:
        """What this print changes: the referrer for the letter, large print for the handout."""
        if kind == "referral":
            return {
                "referrer_name": self.referrer_name.text().strip(),
                "referrer_role": self.referrer_role.text().strip(),
                "referrer_phone": self.referrer_phone.text().strip(),
            }
        return {"large_print": self.large_print.isChecked()}
