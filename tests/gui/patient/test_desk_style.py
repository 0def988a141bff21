"""Patient mode under the desk's application style sheet: the desk's sizes stop at patient mode.

The desk's sheet (gui/app.py, create_application) sets `QWidget { font-size: 10pt }`, and a style sheet's
size wins over a font given with setFont: patient mode opened at a running desk showed 10 pt text (and
the font-size tests failed whenever a desk test had run before them in the same process)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from intake_app.gui.patient.style import MIN_POINT_SIZE, base_point_size
from tests.gui.patient.helpers import Desk, open_mode


@pytest.fixture
def desk_style(qapp: Any) -> Iterator[None]:
    """The application styled as the desk starts it, and as before afterwards."""
    from intake_app.gui.app import create_application

    old_sheet, old_font = qapp.styleSheet(), QFont(qapp.font())
    create_application()
    assert "font-size: 10pt" in qapp.styleSheet()  # the desk's size this test is about
    yield
    qapp.setStyleSheet(old_sheet)
    qapp.setFont(old_font)


@pytest.mark.parametrize("system_size", [None, 16.0])
def test_patient_mode_keeps_its_large_type_under_the_desk_style(qtbot: QtBot, qapp: Any, desk_style: None,
                                                                system_size: float | None) -> None:
    if system_size is not None:  # a larger system font: the text grows with it at a running desk too
        bigger = QFont(qapp.font())
        bigger.setPointSizeF(system_size)
        qapp.setFont(bigger)
    mode = open_mode(qtbot, Desk())
    base = base_point_size()
    assert base >= max(MIN_POINT_SIZE, 2 * (system_size or 0))
    widgets: list[QLabel | QAbstractButton] = [*mode.findChildren(QLabel), *mode.findChildren(QAbstractButton)]
    shown = [w for w in widgets if w.isVisibleTo(mode) and w.text()]
    assert shown
    small = [(w.text()[:30], w.font().pointSizeF()) for w in shown if w.font().pointSizeF() < base - 0.01]
    assert not small, small
    assert mode.font().pointSizeF() >= base
    # The headings keep their larger size ("Choose your language" is 1.4 times the base).
    heading = next(w for w in shown if isinstance(w, QLabel) and w.text() == "Choose your language")
    assert heading.font().pointSizeF() == pytest.approx(1.4 * base)
