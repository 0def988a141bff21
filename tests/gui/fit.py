"""Does every visible piece of text fit its room? Used by the size-and-scale tests.

A label, button, check box or radio button whose words are wider (or, when they wrap, taller) than the
space the layout gave it is clipped or elided on screen: each such widget is reported with its text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QPushButton, QRadioButton, QToolButton, QWidget

from intake_app.gui.options import WrapCheckBox, WrapRadioButton

SLACK = 1  # pixels of rounding


def plain(text: str, rich: bool) -> str:
    if rich:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.isVisible() and widget.width() > 0


def clipped(top: QWidget) -> list[str]:
    """Every visible text widget under `top` whose text does not fit, described for a failure message."""
    problems: list[str] = []
    for widget in top.findChildren(QWidget):
        if not shown(widget, top):
            continue
        if isinstance(widget, WrapRadioButton | WrapCheckBox):
            if not widget.sizes.text_fits():
                need = widget.heightForWidth(widget.width())
                name = type(widget).__name__
                problems.append(f"{name} {widget.text()!r}: needs {need} px high, has {widget.height()}")
        elif isinstance(widget, QLabel):
            text = widget.text()
            if not text.strip() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
                continue
            rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText and "<" in text)
            room = widget.contentsRect()
            margin = widget.margin() * 2 + widget.indent() if widget.indent() > 0 else widget.margin() * 2
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + SLACK:
                    problems.append(f"QLabel {plain(text, rich)[:60]!r}: needs {need} px high, has {widget.height()}")
            else:
                lines = plain(text, rich).splitlines() or [""]
                need = max(widget.fontMetrics().horizontalAdvance(line) for line in lines) + margin
                if need > room.width() + SLACK:
                    problems.append(f"QLabel {plain(text, rich)[:60]!r}: needs {need} px wide, has {room.width()}")
        elif isinstance(widget, QPushButton | QToolButton | QCheckBox | QRadioButton):
            button: QAbstractButton = widget
            if not button.text().strip():
                continue
            need = button.sizeHint().width()
            if need > button.width() + SLACK:
                problems.append(f"{type(button).__name__} {plain(button.text(), False)!r}: needs {need} px wide, "
                                f"has {button.width()}")
    return problems
