"""The leg and foot map widget, driven with the mouse the way the front desk uses it.

Positions come from the map's own geometry (the centre of a region's polygon), turned into widget
coordinates by the widget's public `map_to_widget`, so the tests click where a person would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QLineEdit, QToolTip, QVBoxLayout, QWidget

from intake_app.domain.body_map import MapShape, load_body_map
from intake_app.gui.body_map import SYMPTOM_STYLES, BodyMapWidget

pytestmark = pytest.mark.gui

BODY_MAP = load_body_map()


def shape(region: str, side: str, view: str) -> MapShape:
    return next(s for s in BODY_MAP.shapes_for(region, side) if s.view == view)


@pytest.fixture
def widget(qtbot: Any) -> BodyMapWidget:
    w = BodyMapWidget()
    qtbot.addWidget(w)
    w.resize(480, w.heightForWidth(480))
    w.show()
    qtbot.waitExposed(w)
    return w


def centre_of(widget: BodyMapWidget, target: MapShape) -> QPoint:
    return widget.map_to_widget(*target.centroid).toPoint()


def click(qtbot: Any, widget: BodyMapWidget, target: MapShape) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre_of(widget, target))


def colour_at(widget: BodyMapWidget, point: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(point)


def is_tinted_like(colour: QColor, reference: str, strength: int = 40) -> bool:
    """A drawn fill (blended with white) leans the same way as the symptom colour and is not white."""
    ref = QColor(reference)
    rgb = (colour.red(), colour.green(), colour.blue())
    ref_rgb = (ref.red(), ref.green(), ref.blue())
    return max(rgb) - min(rgb) > strength and rgb.index(min(rgb)) == ref_rgb.index(min(ref_rgb))


def test_clicking_the_right_heel_marks_it_and_clicking_again_clears_it(qtbot: Any, widget: BodyMapWidget) -> None:
    heel = shape("heel", "right", "sole")
    with qtbot.waitSignal(widget.marksChanged) as blocker:
        click(qtbot, widget, heel)
    assert blocker.args == ["pain", {"right": ["heel"], "left": []}]
    assert widget.marks("pain") == {"left": [], "right": ["heel"]}

    with qtbot.waitSignal(widget.marksChanged) as blocker:
        click(qtbot, widget, heel)
    assert blocker.args == ["pain", {"right": [], "left": []}]


def test_a_marked_region_is_painted_in_the_symptom_colour(qtbot: Any, widget: BodyMapWidget) -> None:
    heel = shape("heel", "right", "sole")
    point = centre_of(widget, heel)
    before = colour_at(widget, point)
    assert min(before.red(), before.green(), before.blue()) > 235  # an unmarked region is near white
    with qtbot.waitSignal(widget.marksChanged):
        click(qtbot, widget, heel)
    after = colour_at(widget, point)
    assert is_tinted_like(after, SYMPTOM_STYLES["pain"].colour)
    assert after.blue() > after.red() + 60


def test_the_left_heel_is_the_other_foot(qtbot: Any, widget: BodyMapWidget) -> None:
    with qtbot.waitSignal(widget.marksChanged) as blocker:
        click(qtbot, widget, shape("heel", "left", "sole"))
    assert blocker.args == ["pain", {"right": [], "left": ["heel"]}]


def test_marks_come_back_in_vocabulary_order_and_accumulate(qtbot: Any, widget: BodyMapWidget) -> None:
    for region in ("little_toes", "calf", "buttock"):
        with qtbot.waitSignal(widget.marksChanged) as blocker:
            click(qtbot, widget, BODY_MAP.shapes_for(region, "right")[0])
    assert blocker.args == ["pain", {"right": ["buttock", "calf", "little_toes"], "left": []}]


def test_the_current_symptom_decides_what_a_click_marks(qtbot: Any, widget: BodyMapWidget) -> None:
    widget.set_marks("pain", {"right": ["calf"]})
    widget.set_symptom("numbness")
    with qtbot.waitSignal(widget.marksChanged) as blocker:
        click(qtbot, widget, shape("sole", "right", "sole"))
    assert blocker.args == ["numbness", {"right": ["sole"], "left": []}]
    assert widget.marks("pain") == {"left": [], "right": ["calf"]}

    widget.set_symptom("tingling")
    with qtbot.waitSignal(widget.marksChanged) as blocker:
        click(qtbot, widget, shape("sole", "right", "sole"))
    assert blocker.args == ["tingling", {"right": ["sole"], "left": []}]
    assert widget.marks("numbness") == {"left": [], "right": ["sole"]}


def test_the_other_symptoms_stay_visible_but_the_current_one_is_solid(qtbot: Any, widget: BodyMapWidget) -> None:
    sole = shape("sole", "right", "sole")
    point = centre_of(widget, sole)
    widget.set_marks("numbness", {"right": ["sole"]})
    widget.set_symptom("pain")
    hatched = widget.grab().toImage()
    widget.set_symptom("numbness")
    solid = widget.grab().toImage()
    # sample a small patch: hatching mixes white and colour, a solid fill is colour everywhere
    def patch(image: Any) -> list[QColor]:
        return [image.pixelColor(point + QPoint(dx, dy)) for dx in range(-3, 4) for dy in range(-3, 4)]
    assert any(is_tinted_like(c, SYMPTOM_STYLES["numbness"].colour) for c in patch(hatched))
    assert any(min(c.red(), c.green(), c.blue()) > 200 for c in patch(hatched))
    assert all(is_tinted_like(c, SYMPTOM_STYLES["numbness"].colour) for c in patch(solid))


def test_set_marks_round_trips_without_emitting(qtbot: Any, widget: BodyMapWidget) -> None:
    with qtbot.assertNotEmitted(widget.marksChanged):
        widget.set_marks("tingling", {"left": ["whole_foot", "big_toe", "heel"], "right": ["all_toes"]})
    assert widget.marks("tingling") == {"left": ["heel", "big_toe", "whole_foot"], "right": ["all_toes"]}
    assert widget.marks("pain") == {"left": [], "right": []}
    widget.set_marks("tingling", {"left": []})
    assert widget.marks("tingling") == {"left": [], "right": []}


def test_set_marks_rejects_what_the_map_cannot_show(widget: BodyMapWidget) -> None:
    with pytest.raises(ValueError, match="unknown region 'elbow'"):
        widget.set_marks("pain", {"left": ["elbow"]})
    with pytest.raises(ValueError, match="unknown side 'middle'"):
        widget.set_marks("pain", {"middle": ["heel"]})
    with pytest.raises(ValueError, match="unknown symptom 'itching'"):
        widget.set_symptom("itching")


def test_a_region_drawn_twice_lights_up_in_both_places(qtbot: Any, widget: BodyMapWidget) -> None:
    small = shape("whole_foot", "left", "whole")
    front = shape("whole_foot", "left", "front")
    with qtbot.waitSignal(widget.marksChanged) as blocker:
        click(qtbot, widget, small)
    assert blocker.args == ["pain", {"right": [], "left": ["whole_foot"]}]
    assert is_tinted_like(colour_at(widget, centre_of(widget, front)), SYMPTOM_STYLES["pain"].colour)


def test_clicking_off_the_body_changes_nothing(qtbot: Any, widget: BodyMapWidget) -> None:
    corner = widget.map_to_widget(BODY_MAP.view("sole").x + 3, BODY_MAP.view("sole").y + 3).toPoint()
    with qtbot.assertNotEmitted(widget.marksChanged):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=corner)
        qtbot.mouseClick(widget, Qt.MouseButton.RightButton, pos=centre_of(widget, shape("heel", "right", "sole")))
    assert widget.marks("pain") == {"left": [], "right": []}


def test_hover_names_the_region_and_side(qtbot: Any, widget: BodyMapWidget) -> None:
    heel = shape("heel", "right", "sole")
    pos = centre_of(widget, heel)
    assert widget.region_at(QPointF(pos)) == ("heel", "right")
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QToolTip.hideText()
    widget.event(event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == "Right - Heel"
    # moving on to another region while the tooltip is open renames it
    arch = centre_of(widget, shape("arch", "right", "sole"))
    qtbot.mouseMove(widget, arch)
    qtbot.waitUntil(lambda: QToolTip.text() == "Right - Arch")
    QToolTip.hideText()
    assert widget.describe("between_toes_3_4", "left") == "Left - Between 3rd and 4th toes"


def test_hover_highlights_the_region_under_the_pointer(qtbot: Any, widget: BodyMapWidget) -> None:
    arch = shape("arch", "left", "sole")
    point = centre_of(widget, arch)
    plain = colour_at(widget, point)
    qtbot.mouseMove(widget, point)
    qtbot.waitUntil(lambda: colour_at(widget, point) != plain)
    # a light wash of the current symptom's colour, lighter than a mark
    assert is_tinted_like(colour_at(widget, point), SYMPTOM_STYLES["pain"].colour, strength=20)
    assert widget.cursor().shape() == Qt.CursorShape.PointingHandCursor


def test_the_map_scales_with_the_widget_and_keeps_its_shape(qtbot: Any, widget: BodyMapWidget) -> None:
    for width, height in ((420, 700), (520, 500), (900, 1200)):
        widget.resize(width, height)
        top_left = widget.map_to_widget(0, 0)
        bottom_right = widget.map_to_widget(BODY_MAP.width, BODY_MAP.height)
        assert top_left.x() >= 0 and top_left.y() >= 0
        assert bottom_right.x() <= width and bottom_right.y() <= height
        drawn_ratio = (bottom_right.x() - top_left.x()) / (bottom_right.y() - top_left.y())
        assert drawn_ratio == pytest.approx(BODY_MAP.width / BODY_MAP.height, rel=1e-6)
        heel = shape("heel", "right", "sole")
        assert widget.region_at(QPointF(centre_of(widget, heel))) == ("heel", "right")


def test_size_hints_suit_a_column_beside_a_form_on_a_small_screen(widget: BodyMapWidget) -> None:
    hint, minimum = widget.sizeHint(), widget.minimumSizeHint()
    assert 420 <= hint.width() <= 520 and hint.height() <= 680  # 1366 x 768, beside the form
    assert minimum.width() <= hint.width() and minimum.height() <= hint.height()
    # a box of the hinted size shows the whole map at a usable scale, centred
    widget.resize(hint)
    top_left = widget.map_to_widget(0, 0)
    bottom_right = widget.map_to_widget(BODY_MAP.width, BODY_MAP.height)
    assert bottom_right.y() - top_left.y() >= hint.height() - 60
    assert top_left.x() >= 0 and bottom_right.x() <= hint.width()


def test_the_map_is_described_for_assistive_technology_and_points_to_the_lists(widget: BodyMapWidget) -> None:
    assert widget.accessibleName() == "Leg and foot map"
    description = widget.accessibleDescription()
    assert "mouse" in description and "keyboard" in description and "lists" in description


def test_tab_moves_past_the_map_without_stopping(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    before, body_map, after = QLineEdit(window), BodyMapWidget(window), QLineEdit(window)
    for child in (before, body_map, after):
        layout.addWidget(child)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)
    assert not body_map.hasFocus()
    assert body_map.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_a_disabled_map_ignores_clicks(qtbot: Any, widget: BodyMapWidget) -> None:
    widget.setEnabled(False)
    with qtbot.assertNotEmitted(widget.marksChanged):
        click(qtbot, widget, shape("heel", "right", "sole"))
    assert widget.marks("pain") == {"left": [], "right": []}


def test_a_long_session_of_repaints_does_not_abort_the_program() -> None:
    """Thousands of repaints (hovering for an afternoon) must not end in a fatal interpreter error.

    PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that returns nothing; the gui
    package guards against it. Run in a child process, because the failure is an abort at exit.
    """
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from intake_app.gui.body_map import BodyMapWidget\n"
        "w = BodyMapWidget(); w.resize(480, w.heightForWidth(480))\n"
        "w.set_marks('pain', {'right': ['heel', 'calf'], 'left': ['all_toes']})\n"
        "for i in range(150):\n"
        "    w.set_symptom(('pain', 'numbness', 'tingling')[i % 3]); w.grab()\n"
        "print('painted')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                            env=env, cwd=Path(__file__).resolve().parents[2], timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "painted"
