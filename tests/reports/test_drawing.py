"""The leg and foot drawing: the GUI's region geometry, marked per symptom, legible in mono print."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.graphics.shapes import Drawing, Group, Path, Polygon, String

from intake_app.domain import load_questionnaire
from intake_app.domain.body_map import load_body_map
from intake_app.reports import drawing as d

Q = load_questionnaire()
MAP = load_body_map()
L_SHAPE = [(0.0, 0.0), (40.0, 0.0), (40.0, 10.0), (10.0, 10.0), (10.0, 40.0), (0.0, 40.0)]


def _walk(node: object) -> Iterator[object]:
    yield node
    if isinstance(node, Group | Drawing):
        for child in node.contents:
            yield from _walk(child)


def _distance_to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


points = st.lists(st.tuples(st.floats(-500, 500), st.floats(-500, 500)), min_size=2, max_size=40)


@settings(max_examples=150, deadline=None)
@given(points, st.floats(0.1, 5))
def test_simplifying_keeps_the_ends_and_every_point_within_tolerance(line: list[tuple[float, float]],
                                                                     tolerance: float) -> None:
    kept = d.simplify(line, tolerance)
    assert kept[0] == line[0] and kept[-1] == line[-1]
    assert all(p in line for p in kept)
    for p in line:
        nearest = min(_distance_to_segment(p, a, b) for a, b in itertools.pairwise(kept)) if len(kept) > 1 else 0.0
        assert nearest <= tolerance + 1e-6


def test_the_print_geometry_keeps_every_region_shape_but_far_fewer_points() -> None:
    geometry = d._geometry(MAP)
    assert len(geometry.shapes) == len(MAP.shapes)
    before = sum(len(s.points) for s in MAP.shapes)
    after = sum(len(s.points) for s in geometry.shapes)
    assert after < before / 4
    for original, printed in zip(MAP.shapes, geometry.shapes, strict=True):
        assert (printed.region, printed.side, printed.view) == (original.region, original.side, original.view)
        ring = list(printed.points)
        edges = list(zip(ring, [*ring[1:], ring[0]], strict=True))
        # On paper one map unit is about 0.1 mm: the printed outline never strays further than that.
        for point in original.points:
            assert min(_distance_to_segment(point, a, b) for a, b in edges) <= d.TOLERANCE + 1e-6


def test_hatching_stays_inside_a_concave_region() -> None:
    segments = d.hatch(L_SHAPE, 3.0)
    assert len(segments) > 10
    for (x1, y1), (x2, y2) in segments:
        assert d.inside(((x1 + x2) / 2, (y1 + y2) / 2), L_SHAPE)
        assert math.isclose(x1 + y1, x2 + y2, abs_tol=1e-6)  # every piece lies on one diagonal


def test_dots_fall_inside_the_region_only() -> None:
    found = d.dots(L_SHAPE, 3.0)
    assert len(found) > 20
    assert all(d.inside(p, L_SHAPE) for p in found)
    assert not d.inside((30.0, 30.0), L_SHAPE)


def test_marked_symptoms_read_each_side_separately() -> None:
    answers = {"pain": {"left": ["heel"]}, "numbness": {"left": ["heel"], "right": ["sole"]}, "tingling": {}}
    assert d.marked_symptoms(answers, "heel", "left") == ("pain", "numbness")
    assert d.marked_symptoms(answers, "heel", "right") == ()
    assert d.marked_symptoms(answers, "sole", "right") == ("numbness",)


def _fills(drawing: Drawing, color: object) -> int:
    return sum(1 for n in _walk(drawing) if isinstance(n, Polygon) and n.fillColor == color)


def _subpaths(drawing: Drawing, **style: object) -> int:
    """How many pieces (hatch lines, dots) the paths of one style hold."""
    from reportlab.graphics.shapes import _MOVETO

    return sum(
        n.operators.count(_MOVETO) for n in _walk(drawing)
        if isinstance(n, Path) and all(getattr(n, k) == v for k, v in style.items())
    )


def test_the_drawing_shades_exactly_the_shapes_of_the_marked_regions() -> None:
    answers = {"pain": {"left": ["heel", "calf"]}, "numbness": {"right": ["sole"]},
               "tingling": {"right": ["big_toe"]}}
    drawing = d.row_drawing(MAP, answers, Q, 480)
    expected_pain = len(MAP.shapes_for("heel", "left")) + len(MAP.shapes_for("calf", "left"))
    assert _fills(drawing, d.PAIN_FILL) == expected_pain + 1  # + the key's swatch
    blank = d.row_drawing(MAP, {}, Q, 480)
    assert _fills(blank, d.PAIN_FILL) == 1
    # The key always shows hatching and dots; the marked regions add more of each.
    assert _subpaths(drawing, strokeColor=d.NUMB_INK) > _subpaths(blank, strokeColor=d.NUMB_INK) > 0
    assert _subpaths(drawing, fillColor=d.TINGLE_INK) > _subpaths(blank, fillColor=d.TINGLE_INK) > 0
    # Each marked region gets a dark edge; the key's three swatches have one each.
    marked = sum(len(MAP.shapes_for(r, s)) for r, s in [("heel", "left"), ("calf", "left"), ("sole", "right"),
                                                         ("big_toe", "right")])
    assert _subpaths(drawing, strokeColor=d.MARKED_LINE) == marked + 3
    assert _subpaths(blank, strokeColor=d.MARKED_LINE) == 3


def test_the_drawing_labels_views_and_sides_from_the_map() -> None:
    drawing = d.row_drawing(MAP, {}, Q, 480)
    texts = [n.text for n in _walk(drawing) if hasattr(n, "text")]
    for view in MAP.views:
        assert view.label in texts
    assert texts.count("Left") == sum(1 for label in MAP.labels if label.side == "left")
    assert {"Pain (shaded)", "Numbness (diagonal lines)", "Pins and needles (dots)"} <= set(texts)


def test_the_drawing_fits_the_width_and_flips_y() -> None:
    drawing = d.row_drawing(MAP, {"pain": {"right": ["buttock"]}}, Q, 480)
    assert drawing.width == 480
    assert drawing.height <= d.ROW_MAX_HEIGHT + 1e-6
    # The map's y points down: in each view a thigh (near the top) must end up above an ankle.
    front = next(n for n in drawing.contents if isinstance(n, Group))
    a, _, _, dd, _, f = front.transform
    thigh_y = min(p[1] for s in MAP.shapes_for("front_of_thigh", "right") if s.view == "front" for p in s.points)
    ankle_y = max(p[1] for s in MAP.shapes_for("ankle", "right") if s.view == "front" for p in s.points)
    assert dd < 0 < a
    assert dd * thigh_y + f > dd * ankle_y + f


def test_the_fitted_drawing_shrinks_into_a_short_gap_or_waits_for_the_next_page() -> None:
    fit = d.FitDrawing(d.row_drawing(MAP, {}, Q, 480))
    natural = float(fit.drawing.height)
    assert fit.wrap(480, natural + 10) == (480, natural)
    width, height = fit.wrap(480, natural * 0.8)
    assert height == pytest.approx(natural * 0.8) and width < 480
    assert fit.wrap(480, natural * 0.5)[1] == natural  # too small: keep full size on the next page


def test_the_letter_map_lays_every_view_side_by_side_in_one_row() -> None:
    from tests.reports.helpers import case

    likely = case("likely")
    flowable = d.symptom_row(likely.document, load_questionnaire(), 480, max_height=120)
    width, height = flowable.wrap(480, 1000)
    assert width <= 480 and height <= 120
    titles = [item for item in flowable.drawing.contents if isinstance(item, String) and item.fontName == d.BOLD_FONT]
    assert [t.text for t in titles] == [v.label for v in MAP.views]
    # One row: every view title on the same baseline, left to right in the map's order.
    assert len({round(t.y, 3) for t in titles}) == 1
    assert [t.x for t in titles] == sorted(t.x for t in titles)
