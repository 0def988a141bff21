"""The map's drawing is prepared in pieces (issue 14: its first paint was one 20-50 ms step of the window).

Its ~14,000 points were turned into shapes on every first paint and every resize, and both layers drawn at
once. The shapes are now made once, a dozen per step of `prepare_steps`, and only mapped for each size."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from intake_app.gui import body_map
from intake_app.gui.body_map import BodyMapWidget

pytestmark = pytest.mark.gui


class Counter:
    """Counts the shapes made from the map's points."""

    def __init__(self, monkeypatch: Any) -> None:
        self.made = 0
        original = body_map._polygon

        def counted(*args: Any) -> Any:
            self.made += 1
            return original(*args)

        monkeypatch.setattr(body_map, "_polygon", counted)


def test_the_map_is_prepared_in_steps_and_its_first_paint_and_later_resizes_make_no_shapes(
    qtbot: Any, monkeypatch: Any
) -> None:
    widget = BodyMapWidget(language="en")
    qtbot.addWidget(widget)
    widget.resize(380, 560)
    shapes = len(widget._map.shapes) + len(widget._map.outlines)
    counter = Counter(monkeypatch)
    steps = list(widget.prepare_steps())
    # Many steps, each a dozen shapes at most (or one layer): no step does the whole drawing.
    assert len(steps) >= shapes // body_map.BASE_CHUNK + 2
    assert counter.made == shapes
    assert widget._under is not None and widget._over is not None
    counter.made = 0
    widget.show()
    qtbot.waitExposed(widget)
    widget.grab()
    assert counter.made == 0
    widget.resize(300, 480)  # a new size maps the shapes it has; it makes none
    QApplication.processEvents()
    widget.grab()
    assert counter.made == 0
    assert widget.region_at(widget.map_to_widget(*_centre(widget, "heel", "right"))) == ("heel", "right")


def test_a_map_painted_before_its_steps_ran_still_draws_everything(qtbot: Any) -> None:
    widget = BodyMapWidget(language="en")
    qtbot.addWidget(widget)
    widget.resize(380, 560)
    widget.show()
    qtbot.waitExposed(widget)
    picture = widget.grab().toImage()
    prepared = BodyMapWidget(language="en")
    qtbot.addWidget(prepared)
    prepared.resize(380, 560)
    for _step in prepared.prepare_steps():
        pass
    prepared.show()
    qtbot.waitExposed(prepared)
    assert prepared.grab().toImage() == picture


def _centre(widget: BodyMapWidget, region: str, side: str) -> tuple[float, float]:
    shape = widget._map.shapes_for(region, side)[0]
    return (sum(p[0] for p in shape.points) / len(shape.points), sum(p[1] for p in shape.points) / len(shape.points))
