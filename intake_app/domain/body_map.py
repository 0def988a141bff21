"""The leg and foot map: region geometry read from resources/body_map.json, with no Qt in sight.

The same data drives the clickable map on the intake screen and the drawing in the PDF reports, so a
region is drawn in exactly one place. Coordinates are map units with y pointing down; several views
(legs from the front and from behind, tops of the feet, soles, the inner side of each foot, and two small
views for the whole foot and all the toes) sit side by side in one coordinate space.

Design choices, also recorded under "notes" in the JSON:
- In the front column the patient faces the viewer (their right is on the viewer's left); in the back
  column (legs from behind, soles shown heels up) the patient is seen from behind (right on the right).
  Every leg and foot carries a Right/Left label from the data.
- ``whole_foot`` is the foot at the bottom of the front view and one small outline per foot in its own
  "Whole foot" view. ``all_toes`` has its own "All toes" view in which one shape covers every toe, so it
  never competes with ``big_toe`` or ``little_toes``.
- ``little_toes`` are the four smaller toes; ``between_toes_3_4`` is the web between the 3rd and 4th
  toes with the forefoot just behind it.

Shapes are listed in painting order. Within a view they tile without overlapping; where shapes do
overlap, a point belongs to the smallest one. Outlines are silhouettes: a closed one (last point equal to
the first) may be filled under the regions; all are stroked, none is clickable.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from intake_app.domain.questionnaire import SIDES, load_questionnaire
from intake_app.errors import IntakeError
from intake_app.resources import resource_path
from intake_app.translation_marks import QT_TRANSLATE_NOOP

BODY_MAP_FILE = "body_map.json"
BODY_MAP_FORMAT = "body-map/1"

Point = tuple[float, float]


class BodyMapError(IntakeError):
    """The body map file is missing or broken; the message names the file and the key."""


@dataclass(frozen=True)
class MapView:
    """One drawing (e.g. legs from the front) and the rectangle it occupies in map units."""

    id: str
    label: str
    x: float
    y: float
    width: float
    height: float

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height


@dataclass(frozen=True)
class MapShape:
    """A clickable polygon for one region on one side (y down); a region may have several shapes."""

    region: str
    side: str
    view: str
    points: tuple[Point, ...]

    @cached_property
    def area(self) -> float:
        """Unsigned polygon area; hit testing prefers the smallest shape under a point."""
        return abs(_signed_area(self.points))

    @cached_property
    def bounds(self) -> tuple[float, float, float, float]:
        """(min x, min y, max x, max y)."""
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        return min(xs), min(ys), max(xs), max(ys)

    @cached_property
    def centroid(self) -> Point:
        """The area centroid (where a label or a test click naturally goes)."""
        a = _signed_area(self.points)
        cx = cy = 0.0
        pts = self.points
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        return cx / (6 * a), cy / (6 * a)

    def contains(self, x: float, y: float) -> bool:
        """Even-odd point-in-polygon test."""
        min_x, min_y, max_x, max_y = self.bounds
        if not (min_x <= x <= max_x and min_y <= y <= max_y):
            return False
        inside = False
        pts = self.points
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
        return inside


@dataclass(frozen=True)
class MapLabel:
    """Text drawn on the map (the Right/Left of each leg and foot); (x, y) is the centre of the text."""

    view: str
    text: str
    x: float
    y: float
    size: float
    side: str = ""


@dataclass(frozen=True)
class BodyMap:
    width: float
    height: float
    views: tuple[MapView, ...]
    shapes: tuple[MapShape, ...]
    outlines: tuple[tuple[Point, ...], ...]
    labels: tuple[MapLabel, ...] = ()
    title_size: float = 22.0
    notes: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def view(self, view_id: str) -> MapView:
        for view in self.views:
            if view.id == view_id:
                return view
        raise KeyError(view_id)

    def shapes_for(self, region: str, side: str) -> tuple[MapShape, ...]:
        """Every shape that stands for `region` on `side`, in painting order."""
        return tuple(s for s in self.shapes if s.region == region and s.side == side)

    def shape_at(self, x: float, y: float) -> MapShape | None:
        """The smallest shape under a point, or None."""
        best: MapShape | None = None
        for shape in self.shapes:
            if shape.contains(x, y) and (best is None or shape.area < best.area):
                best = shape
        return best

    def hit(self, x: float, y: float) -> tuple[str, str] | None:
        """(region, side) under a point in map units, the smallest shape winning; None off the regions."""
        shape = self.shape_at(x, y)
        return None if shape is None else (shape.region, shape.side)


def _signed_area(points: Sequence[Point]) -> float:
    total = 0.0
    for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True):
        total += x0 * y1 - x1 * y0
    return total / 2


# --- loading and validation ----------------------------------------------------------------------

_TOP_KEYS = frozenset({"format", "notes", "width", "height", "title_size", "views", "shapes", "outlines",
                       "labels"})
_VIEW_KEYS = frozenset({"id", "label", "x", "y", "width", "height"})
_SHAPE_KEYS = frozenset({"region", "side", "view", "points"})
_OUTLINE_KEYS = frozenset({"view", "points"})
_LABEL_KEYS = frozenset({"view", "text", "x", "y", "size", "side"})
_EDGE_TOLERANCE = 1e-6


class _Reader:
    """Reads the JSON with errors that name the file and the key path."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, key: str, problem: str) -> BodyMapError:
        return BodyMapError(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: {key}: {problem}"),
            params={"name": self.name, "key": key, "problem": problem},
        )

    def mapping(self, value: Any, key: str, allowed: frozenset[str]) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(key, "expected an object")
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise self.fail(f"{key}.{unknown[0]}", "unknown key")
        return value

    def items(self, value: Any, key: str, *, allow_empty: bool = False) -> list[Any]:
        if not isinstance(value, list) or (not value and not allow_empty):
            raise self.fail(key, "expected a non-empty list" if not allow_empty else "expected a list")
        return value

    def number(self, data: Mapping[str, Any], name: str, key: str, *, positive: bool = False) -> float:
        value = data.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise self.fail(f"{key}.{name}", "expected a number")
        if positive and value <= 0:
            raise self.fail(f"{key}.{name}", "expected a number above zero")
        return float(value)

    def text(self, data: Mapping[str, Any], name: str, key: str) -> str:
        value = data.get(name)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key}.{name}", "expected non-empty text")
        return value

    def points(self, value: Any, key: str, minimum: int, view: MapView) -> tuple[Point, ...]:
        raw = self.items(value, key)
        if len(raw) < minimum:
            raise self.fail(key, f"expected at least {minimum} points, found {len(raw)}")
        points: list[Point] = []
        for i, item in enumerate(raw):
            if (not isinstance(item, list) or len(item) != 2
                    or not all(isinstance(c, int | float) and not isinstance(c, bool) and math.isfinite(c)
                               for c in item)):
                raise self.fail(f"{key}[{i}]", "expected a point [x, y]")
            x, y = float(item[0]), float(item[1])
            if not (view.x - _EDGE_TOLERANCE <= x <= view.x + view.width + _EDGE_TOLERANCE
                    and view.y - _EDGE_TOLERANCE <= y <= view.y + view.height + _EDGE_TOLERANCE):
                raise self.fail(f"{key}[{i}]", f"point ({x:g}, {y:g}) lies outside view {view.id!r}")
            points.append((x, y))
        return tuple(points)

    def view_ref(self, data: Mapping[str, Any], key: str, views: Mapping[str, MapView]) -> MapView:
        view_id = self.text(data, "view", key)
        if view_id not in views:
            raise self.fail(f"{key}.view", f"unknown view {view_id!r}")
        return views[view_id]


def parse_body_map(data: Any, regions: Sequence[str], name: str = BODY_MAP_FILE) -> BodyMap:
    """Build a BodyMap from loaded JSON, checking every key against the region vocabulary `regions`."""
    r = _Reader(name)
    top = r.mapping(data, "(top)", _TOP_KEYS)
    if top.get("format") != BODY_MAP_FORMAT:
        raise r.fail("format", f"expected {BODY_MAP_FORMAT!r}")
    width = r.number(top, "width", "(top)", positive=True)
    height = r.number(top, "height", "(top)", positive=True)
    title_size = r.number(top, "title_size", "(top)", positive=True) if "title_size" in top else 22.0
    notes_raw = top.get("notes", [])
    notes = [notes_raw] if isinstance(notes_raw, str) else notes_raw
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        raise r.fail("notes", "expected text or a list of text")

    views: dict[str, MapView] = {}
    for i, raw in enumerate(r.items(top.get("views"), "views")):
        key = f"views[{i}]"
        item = r.mapping(raw, key, _VIEW_KEYS)
        view = MapView(
            id=r.text(item, "id", key), label=r.text(item, "label", key),
            x=r.number(item, "x", key), y=r.number(item, "y", key),
            width=r.number(item, "width", key, positive=True),
            height=r.number(item, "height", key, positive=True),
        )
        if view.id in views:
            raise r.fail(f"{key}.id", f"view {view.id!r} defined twice")
        if view.x < 0 or view.y < 0 or view.x + view.width > width or view.y + view.height > height:
            raise r.fail(key, f"view {view.id!r} does not fit inside the {width:g} x {height:g} map")
        views[view.id] = view

    known_regions = set(regions)
    shapes: list[MapShape] = []
    for i, raw in enumerate(r.items(top.get("shapes"), "shapes")):
        key = f"shapes[{i}]"
        item = r.mapping(raw, key, _SHAPE_KEYS)
        region = r.text(item, "region", key)
        if region not in known_regions:
            raise r.fail(f"{key}.region", f"unknown region {region!r}")
        side = r.text(item, "side", key)
        if side not in SIDES:
            raise r.fail(f"{key}.side", f"unknown side {side!r}; expected one of {list(SIDES)}")
        view = r.view_ref(item, key, views)
        shape = MapShape(region, side, view.id, r.points(item.get("points"), f"{key}.points", 3, view))
        if shape.area <= _EDGE_TOLERANCE:
            raise r.fail(f"{key}.points", "the polygon has no area")
        shapes.append(shape)

    outlines: list[tuple[Point, ...]] = []
    for i, raw in enumerate(r.items(top.get("outlines", []), "outlines", allow_empty=True)):
        key = f"outlines[{i}]"
        item = r.mapping(raw, key, _OUTLINE_KEYS)
        view = r.view_ref(item, key, views)
        outlines.append(r.points(item.get("points"), f"{key}.points", 2, view))

    labels: list[MapLabel] = []
    for i, raw in enumerate(r.items(top.get("labels", []), "labels", allow_empty=True)):
        key = f"labels[{i}]"
        item = r.mapping(raw, key, _LABEL_KEYS)
        view = r.view_ref(item, key, views)
        side = item.get("side", "")
        if side and side not in SIDES:
            raise r.fail(f"{key}.side", f"unknown side {side!r}; expected one of {list(SIDES)}")
        label = MapLabel(view.id, r.text(item, "text", key), r.number(item, "x", key),
                         r.number(item, "y", key), r.number(item, "size", key, positive=True), side)
        if not view.contains(label.x, label.y):
            raise r.fail(key, f"label position lies outside view {view.id!r}")
        labels.append(label)

    covered = {(s.region, s.side) for s in shapes}
    for region in regions:
        for side in SIDES:
            if (region, side) not in covered:
                raise r.fail("shapes", f"region {region!r} has no shape on the {side} side")

    return BodyMap(width=width, height=height, views=tuple(views.values()), shapes=tuple(shapes),
                   outlines=tuple(outlines), labels=tuple(labels), title_size=title_size,
                   notes=tuple(notes))


def load_body_map_file(path: Path, regions: Sequence[str] | None = None) -> BodyMap:
    """Read and check a body map file; `regions` defaults to the intake questionnaire's vocabulary."""
    if regions is None:
        regions = load_questionnaire().region_ids
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BodyMapError(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: cannot be read ({strerror})"),
            params={"name": path.name, "strerror": exc.strerror or exc},
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BodyMapError(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: not valid JSON at line {lineno}"),
            params={"name": path.name, "lineno": exc.lineno},
        ) from None
    return parse_body_map(data, regions, path.name)


@cache
def load_body_map() -> BodyMap:
    """The application's body map (resources/body_map.json), loaded and checked once."""
    try:
        path = resource_path(BODY_MAP_FILE)
    except FileNotFoundError:
        raise BodyMapError(
            QT_TRANSLATE_NOOP("IntakeError", "{body_map_file}: missing from the resources folder"),
            params={"body_map_file": BODY_MAP_FILE},
        ) from None
    return load_body_map_file(path)
