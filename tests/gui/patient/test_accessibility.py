"""Accessible names, the keyboard alone, contrast, and text that grows with the system font."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from intake_app.gui.patient import PatientMode
from intake_app.gui.patient.controls import WrapButton
from intake_app.gui.patient.style import MIN_POINT_SIZE, MIN_TARGET, STYLE_SHEET, colour_pairs, contrast_ratio
from tests.gui.patient.helpers import Desk, app, close_for_good, open_mode, question_page, walk
from tests.gui.patient.test_walk import PLAN

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractSpinBox)


def unnamed_controls(mode: PatientMode) -> list[str]:
    bad = []
    for widget in mode.findChildren(QWidget):
        named = widget.accessibleName().strip() and widget.accessibleDescription().strip()
        if isinstance(widget, CONTROLS) and widget.isVisibleTo(mode) and not named:
            bad.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    return bad


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_control_has_an_accessible_name_and_description(qtbot: QtBot, language: str) -> None:
    desk = Desk()
    mode = open_mode(qtbot, desk)
    problems: list[str] = []

    def check(m: PatientMode) -> None:
        problems.extend(f"{m.page_kind()}: {p}" for p in unnamed_controls(m))

    check(mode)
    walk(qtbot, mode, language, PLAN, on_page=check)
    assert problems == []
    close_for_good(mode, desk)


def test_the_keyboard_alone_works(qtbot: QtBot) -> None:
    desk = Desk()
    mode = open_mode(qtbot, desk)
    focused = mode.focusWidget()
    assert isinstance(focused, QAbstractButton) and focused.accessibleName() == "English"
    qtbot.keyClick(focused, Qt.Key.Key_Down)  # arrows move through the languages
    assert mode.focusWidget().accessibleName() == "Español"  # type: ignore[union-attr]
    qtbot.keyClick(mode.focusWidget(), Qt.Key.Key_Up)
    qtbot.keyClick(mode.focusWidget(), Qt.Key.Key_Space)  # choose English
    assert mode.page_kind() == "question" and question_page(mode).step.key == "pain"
    # The map page: Space on a place in the list marks it, as touching the map does.
    qtbot.keyClick(mode.focusWidget(), Qt.Key.Key_Space)
    assert mode.result().answers["pain"] == {"left": ["buttock"]}
    qtbot.keyClick(mode.focusWidget(), Qt.Key.Key_Return)  # Enter = Next
    assert question_page(mode).step.key == "numbness"
    mode._show_step(mode.flow.index_of("onset"))  # noqa: SLF001 - a one-answer list
    first = mode.focusWidget()
    assert isinstance(first, WrapButton)
    qtbot.keyClick(first, Qt.Key.Key_Down)  # arrows move and choose, as radio buttons do
    assert mode.result().answers["onset"] == "gradual"
    qtbot.keyClick(mode.focusWidget(), Qt.Key.Key_Return)
    assert question_page(mode).step.key == "duration_days"
    # Tab reaches Back and Next in order after the answer controls.
    order = []
    widget = mode.focusWidget()
    for _ in range(8):
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = mode.focusWidget()
        order.append(widget.accessibleName() if widget is not None else "")
    assert order.index("Back") < order.index("Next")
    close_for_good(mode, desk)


def test_contrast_is_at_least_4_5_to_1() -> None:
    pairs = colour_pairs(STYLE_SHEET)
    assert len(pairs) >= 10
    low = [(sel, fg, bg, round(contrast_ratio(fg, bg), 2)) for sel, fg, bg in pairs if contrast_ratio(fg, bg) < 4.5]
    assert low == []
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") < 4.5  # the measure catches a pale grey


@pytest.fixture
def larger_system_font() -> Iterator[float]:
    original = QFont(app().font())
    bigger = QFont(original)
    bigger.setPointSizeF(16)
    app().setFont(bigger)
    yield 16.0
    app().setFont(original)


def clipped(mode: PatientMode) -> list[str]:
    """Labels whose wrapped text needs more height than they have, and buttons narrower than their text."""
    bad = []
    for label in mode.findChildren(QLabel):
        if not label.isVisibleTo(mode) or not label.text():
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 1:
                bad.append(f"label {label.text()[:40]!r}: {label.height()} < {need}")
        elif label.fontMetrics().horizontalAdvance(label.text()) > label.width() + 1:
            bad.append(f"label {label.text()[:40]!r} too narrow")
    for button in mode.findChildren(QAbstractButton):
        shown = button.isVisibleTo(mode)
        if shown and button.text() and button.fontMetrics().horizontalAdvance(button.text()) > button.width():
            bad.append(f"button {button.text()!r} too narrow")
        if button.isVisibleTo(mode) and button.height() < MIN_TARGET:
            bad.append(f"button {button.accessibleName()!r} under {MIN_TARGET} px")
    return bad


@pytest.mark.parametrize("language", ["en", "es"])
def test_text_grows_with_the_system_font_without_clipping(qtbot: QtBot, larger_system_font: float,
                                                          language: str) -> None:
    desk = Desk()
    mode = open_mode(qtbot, desk)
    assert mode.font().pointSizeF() >= max(MIN_POINT_SIZE, 2 * larger_system_font)
    problems: list[str] = []

    def check(m: PatientMode) -> None:
        qtbot.waitUntil(lambda: m.page().isVisible())
        layout = m.layout()
        assert layout is not None
        layout.activate()
        problems.extend(f"{m.page_kind()}: {p}" for p in clipped(m))

    check(mode)
    walk(qtbot, mode, language, PLAN, on_page=check)
    assert problems == []
    close_for_good(mode, desk)


def test_a_disabled_next_looks_disabled(qtbot: QtBot) -> None:
    desk = Desk()
    mode = open_mode(qtbot, desk)
    qtbot.keyClick(mode.focusWidget(), Qt.Key.Key_Space)
    mode._show_step(mode.flow.index_of("rf_fever_or_unwell"))  # noqa: SLF001
    assert not mode.next_button.isEnabled()
    image = mode.next_button.grab().toImage()
    centre = image.pixelColor(image.width() // 2, 4)
    assert centre.name() != "#1d5fa8"  # not the blue of an enabled Next
    close_for_good(mode, desk)
