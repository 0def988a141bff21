"""Option buttons whose words wrap instead of being cut off, and radio groups that all behave alike.

A Qt radio button or check box never wraps its text: at 125 % scaling "Yes, long-standing and
unchanged" was cut to "Yes, long-sta...". These buttons wrap their words to the width they are given,
and a click anywhere on the option counts. Every radio group in
the form moves its choice with the arrow keys the same way (Left/Up: previous, Right/Down: next),
whichever way its options happen to be laid out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from intake_app.gui.flow_layout import FlowLayout

PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up)
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down)


def escape_mnemonic(text: str) -> str:
    """Labels come from data; a literal '&' must not turn into a keyboard shortcut."""
    return text.replace("&", "&&")


class WrapSizes:
    """Sizes and painting of a radio button or check box whose words wrap instead of being cut off.

    The indicator is drawn by the style, the words beside it wrapped to the width the layout gives;
    measurements are cached per width (forgotten when the font or style changes).
    """

    PAD = 4

    def __init__(self, button: QAbstractButton) -> None:
        self.button = button
        self._heights: dict[int, int] = {}
        self._indicator: int | None = None
        self._hint: QSize | None = None

    def forget(self) -> None:
        self._heights.clear()
        self._indicator = None
        self._hint = None

    def indicator(self) -> int:
        if self._indicator is None:
            style, button = self.button.style(), self.button
            if isinstance(button, QRadioButton):
                width = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, button)
                spacing = style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing, None, button)
            else:
                width = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, button)
                spacing = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, button)
            self._indicator = int(width + spacing)
        return self._indicator

    def line_height(self) -> int:
        return max(self.button.fontMetrics().height(), self.indicator() - 4) + 2 * self.PAD

    def size_hint(self) -> QSize:
        """Everything on one line (what the option would like)."""
        if self._hint is None:
            text = self.button.text().replace("&&", "&")
            # A few pixels to spare: measured exactly, the words would wrap on rounding at the hint's width.
            width = self.button.fontMetrics().horizontalAdvance(text) + self.indicator() + 2 * self.PAD + 6
            self._hint = QSize(width, self.line_height())
        return QSize(self._hint)

    def minimum(self) -> QSize:
        """As narrow as the longest word."""
        words = self.button.text().replace("&&", "&").split() or [""]
        widest = max(self.button.fontMetrics().horizontalAdvance(word) for word in words)
        return QSize(widest + self.indicator() + 2 * self.PAD + 2, self.line_height())

    def height_for(self, width: int) -> int:
        if width not in self._heights:
            text_width = max(1, width - self.indicator() - 2 * self.PAD - 2)
            rect = self.button.fontMetrics().boundingRect(QRect(0, 0, text_width, 100000),
                                                          int(Qt.TextFlag.TextWordWrap),
                                                          self.button.text().replace("&&", "&"))
            self._heights[width] = max(self.line_height(), rect.height() + 2 * self.PAD)
        return self._heights[width]

    def text_fits(self) -> bool:
        """Whether the words fit the option's present size (the layout test asks)."""
        return self.height_for(self.button.width()) <= self.button.height()

    def paint(self, option: QStyleOptionButton) -> None:
        button = self.button
        painter = QStylePainter(button)
        text = option.text.replace("&&", "&")
        option.text = ""
        element = (QStyle.ControlElement.CE_RadioButton if isinstance(button, QRadioButton)
                   else QStyle.ControlElement.CE_CheckBox)
        option.rect = QRect(self.PAD, 0, self.indicator(), self.line_height())
        painter.drawControl(element, option)
        area = QRect(self.PAD + self.indicator(), self.PAD, button.width() - self.indicator() - 2 * self.PAD,
                     button.height())
        painter.setPen(button.palette().color(button.foregroundRole()))
        painter.drawText(area, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         text)


def _wrapping_policy() -> QSizePolicy:
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    return policy


# Key presses and focus of the option buttons are handled through these lists, which the button's own
# keyPressEvent / focusInEvent consult (the newest handler first, as Qt calls event filters), instead of an
# event filter per button: a filter is a Python call for every event a button gets (each show, move, paint
# and a modal dialog's "window blocked"), a few hundred buttons at each intake opened.
KeyHandler = Callable[[QAbstractButton, QKeyEvent], bool]
FocusHandler = Callable[[QAbstractButton, QFocusEvent], bool]


def on_key(button: QAbstractButton, handler: KeyHandler) -> None:
    """`handler(button, event)` sees the button's key presses first; True means it dealt with the key."""
    button.key_handlers.insert(0, handler)  # type: ignore[attr-defined]


def on_focus_in(button: QAbstractButton, handler: FocusHandler) -> None:
    """`handler(button, event)` sees the button's focus-in first; True means the button keeps no focus-in."""
    button.focus_handlers.insert(0, handler)  # type: ignore[attr-defined]


if TYPE_CHECKING:
    _ButtonBase = QAbstractButton
else:
    _ButtonBase = object


def _key_pressed(button: QAbstractButton, event: QKeyEvent) -> bool:
    return any(handler(button, event) for handler in button.key_handlers)  # type: ignore[attr-defined]


def _focused(button: QAbstractButton, event: QFocusEvent) -> bool:
    return any(handler(button, event) for handler in button.focus_handlers)  # type: ignore[attr-defined]


class _Wrapping(_ButtonBase):
    """What both wrapping buttons share (a mixin before the Qt class): words that wrap, a click anywhere on the
    button, and the key and focus handlers (on_key, on_focus_in)."""

    sizes: WrapSizes
    key_handlers: list[KeyHandler]
    focus_handlers: list[FocusHandler]

    def _set_up(self, text: str) -> None:
        self.sizes = WrapSizes(self)
        self.key_handlers = []
        self.focus_handlers = []
        self.setAccessibleName(text)
        self.setSizePolicy(_wrapping_policy())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizes.size_hint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizes.minimum()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self.sizes.height_for(width)

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 (Qt override)
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        option = QStyleOptionButton()
        self.initStyleOption(option)  # type: ignore[attr-defined]  # QRadioButton's and QCheckBox's own
        self.sizes.paint(option)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.sizes.forget()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if not _key_pressed(self, event):
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        if not _focused(self, event):
            super().focusInEvent(event)


class WrapRadioButton(_Wrapping, QRadioButton):
    """A radio button whose words wrap; a click anywhere on it chooses it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(escape_mnemonic(text), parent)
        self._set_up(text)


class WrapCheckBox(_Wrapping, QCheckBox):
    """A check box whose words wrap; a click anywhere on it ticks it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(escape_mnemonic(text), parent)
        self._set_up(text)


class OptionRow(QWidget):
    """Option buttons in a wrapping row; for radios, one exclusive group with uniform arrow keys."""

    chosen = Signal()

    def __init__(self, labels: list[tuple[str, str]], *, radio: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = FlowLayout(self, spacing=14, line_spacing=2)
        self.buttons: list[QAbstractButton] = []
        self.group = QButtonGroup(self)
        self.group.setExclusive(radio)
        for index, (name, label) in enumerate(labels):
            button: QAbstractButton = WrapRadioButton(label, self) if radio else WrapCheckBox(label, self)
            button.setObjectName(name)
            layout.addWidget(button)
            self.buttons.append(button)
            if radio:  # check boxes stay out of a group: Tab visits each of them
                self.group.addButton(button, index)
                on_key(button, self._arrow_key)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _arrow_key(self, watched: QAbstractButton, event: QKeyEvent) -> bool:
        """The arrow keys choose the previous or next option and keep the focus on it."""
        key = event.key()
        if key in PREVIOUS_KEYS or key in NEXT_KEYS:
            buttons = self.buttons
            index = buttons.index(watched) if watched in buttons else 0
            step = -1 if key in PREVIOUS_KEYS else 1
            target = buttons[max(0, min(len(buttons) - 1, index + step))]
            if not target.isChecked():
                target.click()
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False
