"""The idle build of the intake page never makes the map's whole drawing in one step (issue 14).

Before, one step (the map's first paint, inside the build's drawing of the hidden page) turned all of the map's
~14,000 points into shapes and drew both its layers: 20-50 ms without a break for the event loop. And the
hidden page's pieces were laid out at stale sizes (a hidden scroll area or splitter places its children only
when shown or drawn), so the map's drawing was made at whatever size it happened to have."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from intake_app.gui import body_map
from tests.gui.stacked_page import Window, shown_window

pytestmark = pytest.mark.gui




@pytest.fixture
def window(qtbot: QtBot) -> Window:
    return shown_window(qtbot, build_now=False)


def test_no_build_step_makes_more_than_a_dozen_map_shapes_and_the_map_is_drawn_at_its_shown_size(
    qtbot: QtBot, window: Window, monkeypatch: Any
) -> None:
    made: list[int] = [0]
    original = body_map._polygon

    def counted(*args: Any) -> Any:
        made[0] += 1
        return original(*args)

    monkeypatch.setattr(body_map, "_polygon", counted)
    page = window.page
    per_step: list[int] = []
    for _step in page.build_steps():
        per_step.append(made[0])
        made[0] = 0
        QApplication.processEvents()
    assert page.settled
    assert sum(per_step) == len(page.map._map.shapes) + len(page.map._map.outlines)
    assert max(per_step) <= body_map.BASE_CHUNK
    drawn = page.map._under
    assert drawn is not None
    window.stack.setCurrentWidget(page)
    qtbot.waitExposed(page)
    QApplication.processEvents()
    assert page.map._under is drawn  # drawn for the size it is shown at: nothing drawn again
    assert made[0] == 0
