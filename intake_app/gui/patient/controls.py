"""The answer controls of patient mode: big buttons that wrap their text, option lists worked with
arrow keys, a 0-10 scale, a number with - and + buttons, and text boxes.

Every control emits `changed(value)` with the answer as the intake document stores it (None when
cleared) and has an accessible name and description.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.patient.style import MIN_TARGET, TARGET_HEIGHT

_PAD_H, _PAD_V = 20, 10


class WrapButton(QPushButton):
    """A push button whose text wraps onto more lines instead of being cut off."""

    def __init__(self, text: str, parent: QWidget | None = None, *, description: str = "",
                 checkable: bool = False) -> None:
        super().__init__(parent)
        self._label = QLabel(text, self)
        self._label.setObjectName("optionText")
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(_PAD_H, _PAD_V, _PAD_H, _PAD_V)
        layout.addWidget(self._label)
        self.setCheckable(checkable)
        self.setAccessibleName(text)
        self.setAccessibleDescription(description or text)
        self.setMinimumHeight(TARGET_HEIGHT)
        self.setMinimumWidth(MIN_TARGET)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(self._restyle)

    def label(self) -> QLabel:
        return self._label

    def caption(self) -> str:
        return self._label.text()

    def set_caption(self, text: str, description: str = "") -> None:
        self._label.setText(text)
        self.setAccessibleName(text)
        self.setAccessibleDescription(description or text)
        self.updateGeometry()

    def _restyle(self, checked: bool) -> None:
        self._label.setProperty("checked", checked)
        self._label.style().unpolish(self._label)
        self._label.style().polish(self._label)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        inner = max(width - 2 * _PAD_H - 8, 1)
        return max(TARGET_HEIGHT, self._label.heightForWidth(inner) + 2 * _PAD_V + 8)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = self._label.sizeHint()
        width = min(hint.width(), 900) + 2 * _PAD_H + 8
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(MIN_TARGET * 3, TARGET_HEIGHT)


class _ArrowKeys(QObject):
    """Up/Down (and Left/Right) move between the buttons of a list; in a one-answer list the
    button reached is chosen, as with radio buttons."""

    def __init__(self, owner: OptionList | ScoreScale, select: bool) -> None:
        super().__init__(owner)
        self._owner = owner
        self._select = select

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1}.get(
                Qt.Key(event.key()))
            buttons = self._owner.buttons()
            if step is not None and watched in buttons:
                index = (buttons.index(watched) + step) % len(buttons)  # type: ignore[arg-type]
                target = buttons[index]
                target.setFocus(Qt.FocusReason.TabFocusReason)
                if self._select:
                    target.click()
                return True
        return False


class OptionList(QWidget):
    """The options of a question as big buttons, one under the other: one answer (`multiple=False`)
    or several (`exclusive` values such as "none" clear the others)."""

    changed = Signal(object)

    def __init__(self, options: Sequence[tuple[str, str]], parent: QWidget | None = None, *,
                 multiple: bool = False, exclusive: Sequence[str] = (), description: str = "") -> None:
        super().__init__(parent)
        self._multiple = multiple
        self._exclusive = frozenset(exclusive)
        self._buttons: list[WrapButton] = []
        self._values: list[str] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(not multiple)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        arrows = _ArrowKeys(self, select=not multiple)
        for value, text in options:
            button = WrapButton(text, self, description=description, checkable=True)
            button.installEventFilter(arrows)
            self._group.addButton(button)
            self._buttons.append(button)
            self._values.append(value)
            layout.addWidget(button)
            button.clicked.connect(partial(self._clicked, value))
        self.setAccessibleName(description)
        self.setAccessibleDescription(description)

    def buttons(self) -> list[WrapButton]:
        return list(self._buttons)

    def button(self, value: str) -> WrapButton:
        return self._buttons[self._values.index(value)]

    def value(self) -> Any:
        chosen = [v for v, b in zip(self._values, self._buttons, strict=True) if b.isChecked()]
        if self._multiple:
            return chosen or None
        return chosen[0] if chosen else None

    def set_value(self, value: Any) -> None:
        wanted = set(value) if isinstance(value, list | tuple) else ({value} if value is not None else set())
        self._group.setExclusive(False)
        for v, button in zip(self._values, self._buttons, strict=True):
            button.setChecked(v in wanted)
        self._group.setExclusive(not self._multiple)

    def _clicked(self, value: str, _checked: bool = False) -> None:
        if self._multiple and self.button(value).isChecked():
            if value in self._exclusive:
                for v, b in zip(self._values, self._buttons, strict=True):
                    if v != value:
                        b.setChecked(False)
            else:
                for v in self._exclusive & set(self._values):
                    self.button(v).setChecked(False)
        self.changed.emit(self.value())


class ScoreScale(QWidget):
    """0 to 10 as a row of square buttons (Left and Right move and choose)."""

    changed = Signal(object)

    def __init__(self, minimum: int, maximum: int, parent: QWidget | None = None, *, description: str = "",
                 low: str = "", high: str = "") -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._buttons: list[QPushButton] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        arrows = _ArrowKeys(self, select=True)
        for column, number in enumerate(range(minimum, maximum + 1)):
            button = QPushButton(str(number), self)
            button.setCheckable(True)
            button.setMinimumSize(TARGET_HEIGHT, TARGET_HEIGHT)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(str(number))
            button.setAccessibleDescription(description)
            button.installEventFilter(arrows)
            button.clicked.connect(partial(self._chosen, number))
            self._group.addButton(button, number)
            self._buttons.append(button)
            grid.addWidget(button, 0, column)
        ends = QHBoxLayout()
        for text, align in ((low, Qt.AlignmentFlag.AlignLeft), (high, Qt.AlignmentFlag.AlignRight)):
            label = QLabel(text, self)
            label.setObjectName("help")
            label.setWordWrap(True)
            label.setAlignment(align)
            ends.addWidget(label)
        grid.addLayout(ends, 1, 0, 1, len(self._buttons))
        self.setAccessibleName(description)
        self.setAccessibleDescription(description)

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def _chosen(self, number: int, _checked: bool = False) -> None:
        self.changed.emit(number)

    def value(self) -> int | None:
        number = self._group.checkedId()
        return None if self._group.checkedButton() is None else number

    def set_value(self, value: Any) -> None:
        button = self._group.button(value) if isinstance(value, int) else None
        if button is not None:
            button.setChecked(True)
        else:
            self._group.setExclusive(False)
            for b in self._buttons:
                b.setChecked(False)
            self._group.setExclusive(True)


class NumberEntry(QWidget):
    """A whole number: type it, or use the big - and + buttons. Empty until the patient sets it."""

    changed = Signal(object)

    def __init__(self, minimum: int, maximum: int, unit: str, parent: QWidget | None = None, *,
                 description: str = "", less: str = "-", more: str = "+") -> None:
        super().__init__(parent)
        self._minimum = minimum
        self.spin = QSpinBox(self)
        self.spin.setRange(minimum - 1, maximum)  # minimum - 1 stands for "no answer yet"
        self.spin.setSpecialValueText(" ")
        self.spin.setValue(minimum - 1)
        self.spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.spin.setMinimumHeight(TARGET_HEIGHT)
        self.spin.setMinimumWidth(200)
        for box in (self.spin, self.spin.lineEdit()):
            box.setAccessibleName(description)
            box.setAccessibleDescription(unit)
        self.minus = QPushButton(less, self)
        self.plus = QPushButton(more, self)
        for button, name in ((self.minus, less), (self.plus, more)):
            button.setMinimumSize(TARGET_HEIGHT + 16, TARGET_HEIGHT)
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
            button.setAutoRepeat(True)
        self.minus.clicked.connect(partial(self._step, -1))
        self.plus.clicked.connect(partial(self._step, 1))
        unit_label = QLabel(unit, self)
        unit_label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.minus)
        row.addWidget(self.spin)
        row.addWidget(self.plus)
        row.addWidget(unit_label, 1)
        self.setTabOrder(self.minus, self.spin)
        self.setTabOrder(self.spin, self.plus)
        self.spin.valueChanged.connect(self._emit)

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.value())

    def value(self) -> int | None:
        number = self.spin.value()
        return None if number < self._minimum else number

    def set_value(self, value: Any) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value if isinstance(value, int) and not isinstance(value, bool) else self._minimum - 1)
        self.spin.blockSignals(False)

    def _step(self, delta: int, _checked: bool = False) -> None:
        current = self.value()
        self.spin.setValue(self._minimum if current is None else current + delta)


class TextAnswer(QWidget):
    """The patient's own words: one line, or several (`multiline`, Tab still moves on)."""

    changed = Signal(object)

    def __init__(self, max_length: int | None, multiline: bool, parent: QWidget | None = None, *,
                 description: str = "") -> None:
        super().__init__(parent)
        self._max = max_length
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit: QLineEdit | QPlainTextEdit
        if multiline:
            box = QPlainTextEdit(self)
            box.setTabChangesFocus(True)
            box.setMinimumHeight(TARGET_HEIGHT * 3)
            box.textChanged.connect(self._emit)
            self.edit = box
        else:
            line = QLineEdit(self)
            line.setMinimumHeight(TARGET_HEIGHT)
            if max_length:
                line.setMaxLength(max_length)
            line.textChanged.connect(self._emit)
            self.edit = line
        self.edit.setAccessibleName(description)
        self.edit.setAccessibleDescription(description)
        layout.addWidget(self.edit)

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.value())

    def value(self) -> str | None:
        text = self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()
        if self._max is not None:
            text = text[: self._max]
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        self.edit.blockSignals(True)
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)
        self.edit.blockSignals(False)
