"""The leg and foot drawing, from the same region geometry the GUI's body map uses.

Each symptom has its own mark so the drawing still reads in black-and-white print: pain is a
shaded fill, numbness diagonal hatching, pins and needles a dot pattern. A region with several
symptoms carries all of their marks. Hatching and dots are cut to the region's outline here,
because reportlab drawings cannot clip.

The GUI's outlines are finely sampled (about 13,000 points). At print size a tenth of a
millimetre is invisible, so each polygon is simplified once per process; that keeps a referral
with the drawing well inside its time budget.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import _CLOSEPATH, _LINETO, _MOVETO, Drawing, Group, Path, Polygon, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from intake_app.domain.body_map import BodyMap, load_body_map
from intake_app.domain.document import IntakeDocument
from intake_app.domain.questionnaire import Questionnaire
from intake_app.reports.fonts import BASE_FONT, BOLD_FONT, register_fonts

Point = tuple[float, float]

PAIN_FILL = colors.HexColor("#F3A5A5")
NUMB_INK = colors.HexColor("#1D4E9E")
TINGLE_INK = colors.HexColor("#17753A")
REGION_LINE = colors.HexColor("#9AA0A6")
MARKED_LINE = colors.HexColor("#222222")
OUTLINE_LINE = colors.HexColor("#4A4F55")
LABEL_INK = colors.HexColor("#222222")

# Sizes on paper, in points.
HATCH_SPACING = 3.0
DOT_SPACING = 3.4
DOT_RADIUS = 0.75
TITLE_BASELINE = 32  # map units below the top of a view
# Simplification tolerance in map units (the map is about 1,000 units across 100 mm of paper).
TOLERANCE = 1.0


@dataclass(frozen=True)
class LegendEntry:
    symptom: str
    label: str


LEGEND = (
    LegendEntry("pain", "Pain (shaded)"),
    LegendEntry("numbness", "Numbness (diagonal lines)"),
    LegendEntry("tingling", "Pins and needles (dots)"),
)


def marked_symptoms(answers: Mapping[str, Any], region: str, side: str) -> tuple[str, ...]:
    """Which of pain, numbness and tingling the patient marked for one region on one side."""
    found = []
    for entry in LEGEND:
        per_side = answers.get(entry.symptom) or {}
        if isinstance(per_side, Mapping) and region in (per_side.get(side) or []):
            found.append(entry.symptom)
    return tuple(found)


# --- geometry --------------------------------------------------------------------------------


def _segment_distance(point: Point, start: Point, end: Point) -> float:
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Ramer-Douglas-Peucker: drop points closer than `tolerance` to the segment kept in their place.

    Distance is measured to the segment, not its infinite line, so a path that doubles back is kept.
    """
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = -1.0, first
        for i in range(first + 1, last):
            distance = _segment_distance(points[i], points[first], points[last])
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Simplify a closed polygon (split at its far point so both halves keep their ends)."""
    if len(points) < 4:
        return list(points)
    start = points[0]
    far = max(range(len(points)), key=lambda i: (points[i][0] - start[0]) ** 2 + (points[i][1] - start[1]) ** 2)
    first = simplify(points[: far + 1], tolerance)
    second = simplify([*points[far:], start], tolerance)
    return first[:-1] + second[:-1]


def hatch(points: Sequence[Point], spacing: float) -> list[tuple[Point, Point]]:
    """Pieces of the diagonal lines x + y = c (spaced `spacing` apart along x) inside the polygon.

    In map coordinates (y down) these lines run from lower left to upper right on paper.
    """
    values = [x + y for x, y in points]
    edges = list(zip(points, [*points[1:], points[0]], strict=True))
    segments: list[tuple[Point, Point]] = []
    c = min(values) + spacing / 2
    while c < max(values):
        hits: list[Point] = []
        for (x1, y1), (x2, y2) in edges:
            f1, f2 = x1 + y1 - c, x2 + y2 - c
            if (f1 < 0) != (f2 < 0):
                t = f1 / (f1 - f2)
                hits.append((x1 + t * (x2 - x1), y1 + t * (y2 - y1)))
        hits.sort()
        segments.extend((hits[i], hits[i + 1]) for i in range(0, len(hits) - 1, 2))
        c += spacing
    return segments


def inside(point: Point, polygon: Sequence[Point]) -> bool:
    """Even-odd rule point-in-polygon test."""
    x, y = point
    result = False
    j = len(polygon) - 1
    for i in range(len(polygon)):
        xi, yi = polygon[i]
        xj, yj = polygon[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            result = not result
        j = i
    return result


def dots(points: Sequence[Point], spacing: float) -> list[Point]:
    """A staggered grid of dot centres inside the polygon."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    found: list[Point] = []
    y, row = min(ys) + spacing / 2, 0
    while y < max(ys):
        x = min(xs) + (spacing / 2 if row % 2 else 0.0) + spacing / 4
        while x < max(xs):
            if inside((x, y), points):
                found.append((x, y))
            x += spacing
        y += spacing
        row += 1
    return found


@dataclass(frozen=True)
class _Shape:
    region: str
    side: str
    view: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class _Geometry:
    """The body map with polygons simplified for print; built once per loaded map."""

    source: BodyMap
    shapes: tuple[_Shape, ...]
    outlines: tuple[tuple[Point, ...], ...]


_GEOMETRY: dict[int, _Geometry] = {}


def _geometry(body_map: BodyMap) -> _Geometry:
    cached = _GEOMETRY.get(id(body_map))
    if cached is not None and cached.source is body_map:
        return cached
    shapes = tuple(
        _Shape(s.region, s.side, s.view,
               tuple(simplify_ring([(float(x), float(y)) for x, y in s.points], TOLERANCE)))
        for s in body_map.shapes
    )
    outlines = tuple(
        tuple(simplify([(float(x), float(y)) for x, y in outline], TOLERANCE)) for outline in body_map.outlines
    )
    geometry = _Geometry(body_map, shapes, outlines)
    _GEOMETRY.clear()
    _GEOMETRY[id(body_map)] = geometry
    return geometry


def _flat(points: Sequence[Point]) -> list[float]:
    return [round(v, 1) for p in points for v in p]


# --- drawing ---------------------------------------------------------------------------------


class _Layers:
    """Marks collected per style, then added as one path each.

    Drawing every hatch line, dot and region edge as its own shape made the map cost more than
    the rest of the referral; one path per style is the same picture for a fraction of the work.
    """

    def __init__(self, unit: float) -> None:
        self.unit = unit
        self.fills: list[tuple[list[float], colors.Color]] = []
        self.hatch: tuple[list[float], list[int]] = ([], [])
        self.dots: tuple[list[float], list[int]] = ([], [])
        self.marked_edges: tuple[list[float], list[int]] = ([], [])
        self.plain_edges: tuple[list[float], list[int]] = ([], [])

    @staticmethod
    def _ring(target: tuple[list[float], list[int]], points: Sequence[Point], close: bool = True) -> None:
        coords, ops = target
        for i, (x, y) in enumerate(points):
            coords += (round(x, 1), round(y, 1))
            ops.append(_LINETO if i else _MOVETO)
        if close:
            ops.append(_CLOSEPATH)

    def region(self, points: Sequence[Point], symptoms: tuple[str, ...]) -> None:
        if not symptoms:
            self._ring(self.plain_edges, points)
            return
        self.fills.append((_flat(points), PAIN_FILL if "pain" in symptoms else colors.white))
        if "numbness" in symptoms:
            for start, end in hatch(points, HATCH_SPACING * self.unit):
                self._ring(self.hatch, (start, end), close=False)
        if "tingling" in symptoms:
            # Small squares: at this size they print as dots, with a quarter of a circle's path.
            half = DOT_RADIUS * self.unit
            for x, y in dots(points, DOT_SPACING * self.unit):
                self._ring(self.dots, ((x - half, y - half), (x + half, y - half), (x + half, y + half),
                                       (x - half, y + half)))
        self._ring(self.marked_edges, points)

    def outline(self, points: Sequence[Point]) -> None:
        self._ring(self.plain_edges, points, close=False)

    def add_to(self, group: Group, outlines: Sequence[Sequence[Point]] = (), *, plain: bool = True) -> None:
        """Paint order: fills, hatching, dots, then edges on top.

        With `plain=False` the unmarked edges and silhouettes are left out: the caller lays them
        down underneath from a cached layer (see `underlay`).
        """
        unit = self.unit
        for coords, fill in self.fills:
            group.add(Polygon(coords, fillColor=fill, strokeColor=None, strokeWidth=0))

        def path(target: tuple[list[float], list[int]], **style: Any) -> None:
            if target[1]:
                group.add(Path(target[0], target[1], autoclose="pdf", **style))

        path(self.hatch, fillColor=None, strokeColor=NUMB_INK, strokeWidth=0.7 * unit)
        path(self.dots, fillColor=TINGLE_INK, strokeColor=None, strokeWidth=0)
        if plain:
            path(self.plain_edges, fillColor=None, strokeColor=REGION_LINE, strokeWidth=0.35 * unit)
        if outlines and plain:
            silhouettes: tuple[list[float], list[int]] = ([], [])
            for outline in outlines:
                self._ring(silhouettes, outline, close=False)
            path(silhouettes, fillColor=None, strokeColor=OUTLINE_LINE, strokeWidth=0.8 * unit)
        path(self.marked_edges, fillColor=None, strokeColor=MARKED_LINE, strokeWidth=0.9 * unit)


class FitDrawing(Flowable):  # type: ignore[misc]
    """A drawing that shrinks (down to MIN_SHRINK) to use the rest of a page instead of leaving a gap."""

    MIN_SHRINK = 0.7

    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        self.drawing = drawing
        self.factor = 1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        natural = float(self.drawing.height)
        self.factor = 1.0
        if natural > avail_height >= natural * self.MIN_SHRINK:
            self.factor = avail_height / natural
        self.width = float(self.drawing.width) * self.factor
        self.height = natural * self.factor
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.scale(self.factor, self.factor)
        renderPDF.draw(self.drawing, canvas, 0, 0)
        canvas.restoreState()


ROW_GAP = 18.0  # map units between views laid in one row
ROW_MAX_HEIGHT = 40 * mm
ROW_KEY_HEIGHT = 5 * mm


def symptom_row(document: IntakeDocument, questionnaire: Questionnaire, width: float,
                max_height: float = ROW_MAX_HEIGHT) -> Flowable:
    """The body map drawing for one intake (from the map that ships in resources/), as a flowable."""
    return FitDrawing(row_drawing(load_body_map(), document.answers, questionnaire, width, max_height))


def row_drawing(body_map: BodyMap, answers: Mapping[str, Any], questionnaire: Questionnaire, width: float,
                max_height: float = ROW_MAX_HEIGHT) -> Drawing:
    """Every view of the body map side by side in one row (for page 1 of the letter), tops
    aligned, at one scale, y flipped for paper, with a one-line key to the marks underneath."""
    register_fonts()
    geometry = _geometry(body_map)
    views = list(body_map.views)
    total_w = sum(v.width for v in views) + ROW_GAP * (len(views) - 1)
    tallest = max(v.height for v in views)
    scale = min(width / total_w, (max_height - ROW_KEY_HEIGHT) / tallest)
    row_h = tallest * scale
    drawing = Drawing(width, row_h + ROW_KEY_HEIGHT)
    cursor = 0.0
    for view in views:
        # Map units of this view -> paper: shift the view to the cursor, flip y, top-aligned.
        dx = cursor - view.x * scale
        transform = (scale, 0.0, 0.0, -scale, dx, ROW_KEY_HEIGHT + row_h + view.y * scale)
        group = Group(transform=transform)
        layers = _Layers(1 / scale)
        for shape in geometry.shapes:
            if shape.view == view.id:
                layers.region(shape.points, marked_symptoms(answers, shape.region, shape.side))
        outlines = [o for o in geometry.outlines if o and view.contains(*o[0])]
        layers.add_to(group, outlines, plain=True)
        drawing.add(group)

        def paper(x: float, y: float, _dx: float = dx, _top: float = ROW_KEY_HEIGHT + row_h + view.y * scale) -> Point:
            return (x * scale + _dx, _top - y * scale)

        cx, baseline = paper(view.x + view.width / 2, view.y + TITLE_BASELINE)
        size = min(6.5, 6.5 * 0.95 * view.width * scale / stringWidth(view.label, BOLD_FONT, 6.5))
        drawing.add(String(cx, baseline, view.label, fontName=BOLD_FONT, fontSize=size, fillColor=LABEL_INK,
                           textAnchor="middle"))
        for label in body_map.labels:
            if label.view != view.id:
                continue
            x, y = paper(label.x, label.y)
            text = questionnaire.side_label(label.side) if label.side else label.text
            drawing.add(String(x, y - 2, text, fontName=BASE_FONT, fontSize=5.5, fillColor=LABEL_INK,
                               textAnchor="middle"))
        cursor += view.width * scale + ROW_GAP * scale
    # The key, on one line under the row.
    x = 0.0
    box = 3 * mm
    for entry in LEGEND:
        square = [(x, -0.5), (x + box, -0.5), (x + box, -(0.5 + box)), (x, -(0.5 + box))]
        group = Group(transform=(1, 0, 0, -1, 0, 0))
        layers = _Layers(1.0)
        layers.region(square, (entry.symptom,))
        layers.add_to(group)
        drawing.add(group)
        drawing.add(String(x + box + 1.5 * mm, 1, entry.label, fontName=BASE_FONT, fontSize=7, fillColor=LABEL_INK))
        x += box + 3 * mm + stringWidth(entry.label, BASE_FONT, 7) + 4 * mm
    drawing.add(String(x, 1, "No mark: nothing reported.", fontName=BASE_FONT, fontSize=7, fillColor=LABEL_INK))
    return drawing
