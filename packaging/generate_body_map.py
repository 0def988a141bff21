#!/usr/bin/env python3
"""Writes resources/body_map.json, the leg and foot map used by the intake screen and the PDFs.

The JSON file is what the application reads and is the source of truth; this script is only how it was
made, kept so the drawing can be changed by editing a few dozen numbers instead of thousands of
coordinates. Run it from the repository root and commit the JSON it writes:

    .venv/bin/python packaging/generate_body_map.py

Coordinates are map units with y pointing down. Each body part is built as a "patch": a smooth outline
given by width profiles, and a parameter grid inside it. Regions are polygons in that grid, so
neighbouring regions share their borders exactly and the outer borders follow the smooth silhouette.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path

Point = tuple[float, float]
Profile = Callable[[float], float]

OUT = Path(__file__).resolve().parent.parent / "resources" / "body_map.json"

MAP_WIDTH = 800.0
MAP_HEIGHT = 1270.0
TITLE_SIZE = 25.0
SIDE_LABEL_SIZE = 22.0

NOTES = [
    "Map units, y pointing down. Views sit side by side in one coordinate space; shapes are polygons "
    "(clickable regions), outlines are silhouettes drawn underneath and stroked on top (not clickable).",
    "Sides: the left column (views 'front' and 'top': legs from the front, tops of the feet with toes "
    "down) shows the patient facing the viewer, so the patient's right is on the viewer's left. The right "
    "column (views 'back' and 'sole': legs from behind, soles with heels up as if kneeling) shows the "
    "patient from behind, so the right is on the viewer's right. The bottom row ('inner', 'whole', "
    "'toes') puts the right foot on the viewer's left. Every leg and foot has a Right/Left label.",
    "whole_foot: the feet at the bottom of the front view, and a separate 'Whole foot' view with one "
    "small outline of each foot. all_toes: a separate 'All toes' view where one shape covers every toe of "
    "a foot, so it is distinct from big_toe and little_toes.",
    "little_toes means the four smaller toes (2nd to 5th), one polygon each. between_toes_3_4 is the web "
    "between the 3rd and 4th toes and the forefoot just behind it, on the top view and the sole view. "
    "sole is the middle of the underside between the heel and the ball, beside the arch and the outer edge.",
    "Shapes are listed in painting order; within a view they tile without overlapping, and hit testing "
    "picks the smallest shape under a point.",
    "Made by packaging/generate_body_map.py; edit that script and re-run it rather than editing by hand.",
]


# --- curves ----------------------------------------------------------------------------------


def hermite(knots: Sequence[tuple[float, float] | tuple[float, float, float]]) -> Profile:
    """A smooth C1 profile through (x, y[, slope]) knots; missing slopes are chosen PCHIP-style.

    PCHIP slopes never overshoot, so a silhouette never bulges past its control points.
    """
    xs = [float(k[0]) for k in knots]
    ys = [float(k[1]) for k in knots]
    n = len(xs)
    h = [xs[i + 1] - xs[i] for i in range(n - 1)]
    delta = [(ys[i + 1] - ys[i]) / h[i] for i in range(n - 1)]
    slopes = [0.0] * n
    for i in range(n):
        if len(knots[i]) == 3:
            slopes[i] = float(knots[i][2])  # type: ignore[misc]
        elif i == 0:
            slopes[i] = delta[0]
        elif i == n - 1:
            slopes[i] = delta[-1]
        elif delta[i - 1] * delta[i] <= 0:
            slopes[i] = 0.0
        else:
            w1 = 2 * h[i] + h[i - 1]
            w2 = h[i] + 2 * h[i - 1]
            slopes[i] = (w1 + w2) / (w1 / delta[i - 1] + w2 / delta[i])

    def profile(x: float) -> float:
        x = min(max(x, xs[0]), xs[-1])
        i = min(max(bisect.bisect_right(xs, x) - 1, 0), n - 2)
        t = (x - xs[i]) / h[i]
        t2, t3 = t * t, t * t * t
        return (
            (2 * t3 - 3 * t2 + 1) * ys[i]
            + (t3 - 2 * t2 + t) * h[i] * slopes[i]
            + (-2 * t3 + 3 * t2) * ys[i + 1]
            + (t3 - t2) * h[i] * slopes[i + 1]
        )

    return profile


def rounded_start(radius: float, rest: Profile) -> Profile:
    """A profile that starts as a circle of `radius` (a round heel or toe end), then follows `rest`."""

    def profile(s: float) -> float:
        if s <= 0:
            return 0.0
        if s < radius:
            return math.sqrt(max(radius * radius - (radius - s) ** 2, 0.0))
        return rest(s)

    return profile


Mapping2D = Callable[[float, float], Point]


def trace(mapping: Mapping2D, corners: Sequence[Point], max_gap: float = 3.0,
          kinks: Sequence[float] = ()) -> list[Point]:
    """Map a polygon drawn in a patch's (a, b) parameter grid to map units.

    Each edge is split until consecutive points are at most `max_gap` map units apart, so curved borders
    stay smooth where the patch bends sharply (a round heel) without bloating straight stretches. `kinks`
    are b values where the patch has a corner (the step between two toes); edges always get a point there.
    """
    points: list[Point] = []
    closed = [*corners, corners[0]]
    for (a0, b0), (a1, b1) in itertools.pairwise(closed):
        points.extend(_edge(mapping, a0, b0, a1, b1, max_gap, kinks))
    return dedupe(points)


def curve(mapping: Mapping2D, a0: float, b0: float, a1: float, b1: float,
          kinks: Sequence[float] = ()) -> list[Point]:
    """Points along one straight line of a patch's parameter grid (a curve in map units), both ends."""
    return [*_edge(mapping, a0, b0, a1, b1, 3.0, kinks), mapping(a1, b1)]


def _edge(mapping: Mapping2D, a0: float, b0: float, a1: float, b1: float, max_gap: float,
          kinks: Sequence[float]) -> list[Point]:
    """Points from (a0, b0) up to but excluding (a1, b1), with a point at every kink crossed."""
    cuts = sorted({(k - b0) / (b1 - b0) for k in kinks if b0 != b1 and 0 < (k - b0) / (b1 - b0) < 1})
    stops = [0.0, *cuts, 1.0]
    points: list[Point] = []
    for f0, f1 in itertools.pairwise(stops):
        points.extend(_split(mapping, a0 + (a1 - a0) * f0, b0 + (b1 - b0) * f0,
                             a0 + (a1 - a0) * f1, b0 + (b1 - b0) * f1, max_gap, 0))
    return points


def dedupe(points: Sequence[Point]) -> list[Point]:
    """Rounded points without consecutive repeats (a patch collapses to a point at a round end)."""
    out: list[Point] = []
    for x, y in points:
        p = (round(x, 1), round(y, 1))
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def _split(mapping: Mapping2D, a0: float, b0: float, a1: float, b1: float, max_gap: float,
           depth: int) -> list[Point]:
    """Points from (a0, b0) up to but excluding (a1, b1), halving until short and nearly straight."""
    p0, p1 = mapping(a0, b0), mapping(a1, b1)
    am, bm = (a0 + a1) / 2, (b0 + b1) / 2
    pm = mapping(am, bm)
    chord = math.hypot(p1[0] - p0[0], p1[1] - p0[1])
    bend = math.hypot(pm[0] - (p0[0] + p1[0]) / 2, pm[1] - (p0[1] + p1[1]) / 2)
    if depth >= 12 or (chord <= max_gap and bend < 0.2) or (depth >= 3 and chord < 0.5):
        return [p0]
    return [*_split(mapping, a0, b0, am, bm, max_gap, depth + 1),
            *_split(mapping, am, bm, a1, b1, max_gap, depth + 1)]


def mirror(points: Sequence[Point], axis_x: float) -> list[Point]:
    return [(round(2 * axis_x - x, 1), y) for x, y in reversed(points)]


# --- the map being built -----------------------------------------------------------------------


class MapBuilder:
    def __init__(self) -> None:
        self.views: list[dict[str, object]] = []
        self.shapes: list[dict[str, object]] = []
        self.outlines: list[dict[str, object]] = []
        self.labels: list[dict[str, object]] = []

    def view(self, view_id: str, label: str, x: float, y: float, width: float, height: float) -> None:
        self.views.append({"id": view_id, "label": label, "x": x, "y": y, "width": width, "height": height})

    def shape(self, view: str, region: str, side: str, points: Sequence[Point]) -> None:
        self.shapes.append(
            {"region": region, "side": side, "view": view, "points": [list(p) for p in dedupe(points)]}
        )

    def outline(self, view: str, points: Sequence[Point], *, closed: bool = True) -> None:
        pts = dedupe(points)
        if closed:
            pts.append(pts[0])
        self.outlines.append({"view": view, "points": [list(p) for p in pts]})

    def side_label(self, view: str, side: str, x: float, y: float) -> None:
        text = "Right" if side == "right" else "Left"
        self.labels.append(
            {"view": view, "side": side, "text": text, "x": round(x, 1), "y": round(y, 1),
             "size": SIDE_LABEL_SIZE}
        )

    def mirrored(self, view: str, axis_x: float, pairs: Sequence[tuple[str, Sequence[Point]]],
                 left_side: str) -> None:
        """Add shapes drawn for the leg or foot on the viewer's left, and their mirror images."""
        right_side = "left" if left_side == "right" else "right"
        for region, points in pairs:
            self.shape(view, region, left_side, points)
        for region, points in pairs:
            self.shape(view, region, right_side, mirror(points, axis_x))

    def to_json(self) -> dict[str, object]:
        return {
            "format": "body-map/1",
            "notes": NOTES,
            "width": MAP_WIDTH,
            "height": MAP_HEIGHT,
            "title_size": TITLE_SIZE,
            "views": self.views,
            "shapes": self.shapes,
            "outlines": self.outlines,
            "labels": self.labels,
        }


# --- legs (front and back views) ---------------------------------------------------------------
# Distances from the body's midline, as functions of y measured from the top of the view.

LEG_OUTER = hermite([
    (42, 100), (70, 117), (104, 128), (140, 126), (190, 117), (240, 104), (268, 95), (292, 92),
    (322, 95), (352, 99), (392, 95), (440, 86), (482, 79), (505, 78),
])
LEG_INNER = hermite([
    (42, 0.0, 0.0), (116, 0.0, 0.0), (121, 2.5), (130, 7.5), (145, 11.5), (190, 17), (240, 22),
    (268, 24), (292, 23.5), (322, 25), (352, 24.5), (392, 28), (440, 34), (482, 39), (505, 40),
])
WAIST_Y = 42.0
ANKLE_Y = 505.0


def leg_mapping(view_x: float, view_y: float, centre: float) -> Mapping2D:
    """(y, u) -> map point for the leg on the viewer's left: u = 0 outer edge, u = 1 inner edge."""

    def mapping(y: float, u: float) -> Point:
        outer, inner = LEG_OUTER(y), LEG_INNER(y)
        return (view_x + centre - (outer + u * (inner - outer)), view_y + y)

    return mapping


def front_foot(view_x: float, view_y: float, centre: float) -> list[Point]:
    """The viewer-left foot seen from the front: it points at the viewer, toes along the bottom."""
    outer, inner = LEG_OUTER(ANKLE_Y), LEG_INNER(ANKLE_Y)
    side = hermite([(ANKLE_Y, 0.0, 0.0), (522, 5.5), (538, 10.0, 0.0)])  # flare below the ankle bones
    pts: list[Point] = [(centre - (outer + side(y)), y) for y in range(int(ANKLE_Y), 539, 3)]
    # the toes along the bottom from the little toe (outer) to the big toe (inner): width, lowest point
    toes = [(8.0, 543.0), (8.5, 544.5), (9.5, 545.5), (10.5, 546.5), (15.0, 548.5)]
    d = outer + 10.0
    for width, low in toes:
        top = low - width * 0.42
        for k in range(0, 13):
            angle = math.pi * k / 12
            pts.append((centre - (d - width / 2 + width / 2 * math.cos(angle)), top + (low - top) * math.sin(angle)))
        d -= width
    inner_side = hermite([(ANKLE_Y, 0.0, 0.0), (525, -3.0), (541, -(inner - d), 0.0)])
    pts += [(centre - (inner + inner_side(y)), y) for y in range(541, int(ANKLE_Y) - 1, -3)]
    return [(view_x + x, view_y + y) for x, y in pts]


def back_heel(view_x: float, view_y: float, centre: float) -> list[Point]:
    """The viewer-left heel seen from behind, a rounded cap under the ankle."""
    outer, inner = LEG_OUTER(ANKLE_Y), LEG_INNER(ANKLE_Y)
    mid = (outer + inner) / 2
    half = (outer - inner) / 2
    pts: list[Point] = [(centre - outer, ANKLE_Y)]
    for k in range(0, 21):
        angle = math.pi * k / 20
        d = mid + (half + 3) * math.cos(angle)
        y = ANKLE_Y + 10 + 30 * math.sin(angle)
        pts.append((centre - d, y))
    pts.append((centre - inner, ANKLE_Y))
    return [(view_x + x, view_y + y) for x, y in pts]


def legs_silhouette(view_x: float, view_y: float, centre: float, feet: Sequence[Point]) -> list[Point]:
    """One closed outline: waist, both legs and both feet (the viewer-left half, then its mirror)."""
    mapping = leg_mapping(view_x, view_y, centre)
    half: list[Point] = []
    y = WAIST_Y
    while y < ANKLE_Y:
        half.append(mapping(y, 0.0))
        y += 3.0
    half.extend(feet)  # runs outer ankle -> around the foot -> inner ankle
    y = ANKLE_Y
    while y > 118:
        half.append(mapping(y, 1.0))
        y -= 3.0
    half.append(mapping(116.0, 1.0))
    axis = view_x + centre
    return half + mirror(half, axis)


def edge(y: float, sag: float, u0: float = 0.0, u1: float = 1.0) -> list[Point]:
    """A border across the leg at height y, dipping by `sag` in the middle (kneecap, knee crease)."""
    return [(y + sag * math.sin(math.pi * (u0 + (u1 - u0) * k / 10)), u0 + (u1 - u0) * k / 10)
            for k in range(11)]


def build_legs(b: MapBuilder) -> None:
    width, height = 395.0, 600.0
    for view_id, label, vx, left_side in (("front", "Legs from the front", 0.0, "right"),
                                           ("back", "Legs from behind", 405.0, "left")):
        vy = 0.0
        b.view(view_id, label, vx, vy, width, height)
        centre = width / 2
        axis = vx + centre
        m = leg_mapping(vx, vy, centre)
        if view_id == "front":
            feet = front_foot(vx, vy, centre)
            above_knee, below_knee = edge(263, 7), edge(321, 6)
            shin_split = 0.52
            pairs: list[tuple[str, Sequence[Point]]] = [
                # the groin crease runs from the hip down to the crotch
                ("front_of_thigh", trace(m, [(100, 0), *above_knee, (121, 1)])),
                ("knee", trace(m, [*above_knee, *reversed(below_knee)])),
                ("outer_shin", trace(m, [*edge(321, 6, 0, shin_split), (470, shin_split), (470, 0)])),
                ("inner_shin", trace(m, [*edge(321, 6, shin_split, 1), (470, 1), (470, shin_split)])),
                ("ankle", trace(m, [(470, 0), (ANKLE_Y, 0), (ANKLE_Y, 1), (470, 1)])),
                ("whole_foot", feet),
            ]
        else:
            feet = back_heel(vx, vy, centre)
            # the buttock ends at the gluteal fold, which sags towards the middle of each buttock
            fold = [(140 + 12 * math.sin(math.pi * (0.15 + 0.85 * k / 10)), k / 10) for k in range(11)]
            fold[-1] = (121.0, 1.0)
            top = [(66 - 10 * k / 10, 1 - k / 10) for k in range(11)]
            above_knee, below_knee = edge(265, 4), edge(323, 5)
            pairs = [
                ("buttock", trace(m, [*fold, *top])),
                ("back_of_thigh", trace(m, [*reversed(fold), *above_knee])),
                ("knee", trace(m, [*above_knee, *reversed(below_knee)])),
                ("calf", trace(m, [*below_knee, (470, 1), (470, 0)])),
                ("ankle", trace(m, [(470, 0), (ANKLE_Y, 0), (ANKLE_Y, 1), (470, 1)])),
                ("heel", feet),
            ]
        b.outline(view_id, legs_silhouette(vx, vy, centre, feet))
        b.mirrored(view_id, axis, pairs, left_side)
        right_side = "left" if left_side == "right" else "right"
        leg_mid = (LEG_OUTER(300) + LEG_INNER(300)) / 2
        b.side_label(view_id, left_side, axis - leg_mid, vy + 580)
        b.side_label(view_id, right_side, axis + leg_mid, vy + 580)


# --- feet seen from above or below ------------------------------------------------------------
# Lengths in units of the foot length L, along the foot's axis from the back of the heel.

FOOT_MEDIAL = rounded_start(0.125, hermite([
    (0.125, 0.125, 0.0), (0.3, 0.118), (0.42, 0.12), (0.56, 0.142), (0.68, 0.178), (0.75, 0.186),
    (0.8, 0.18),
]))
FOOT_LATERAL = rounded_start(0.125, hermite([
    (0.125, 0.125, 0.0), (0.3, 0.14), (0.45, 0.158), (0.58, 0.183), (0.66, 0.198), (0.72, 0.194),
]))
BASE_MEDIAL, BASE_LATERAL = 0.8, 0.735  # where the toes begin, on the inner and the outer edge
# (first u, last u, length) of each toe from the big toe outwards; u runs 0 (inner) to 1 (outer edge)
TOES = [(0.0, 0.33, 0.18), (0.345, 0.5, 0.15), (0.515, 0.66, 0.13), (0.675, 0.81, 0.112),
        (0.825, 0.965, 0.096)]


def _slant(u: float) -> float:
    return BASE_MEDIAL + (BASE_LATERAL - BASE_MEDIAL) * u


def toe_line(u: float) -> float:
    """Where the toes begin (distance from the heel) at u: square across each toe, stepping at the webs.

    The line of the toe bases slants back from the big toe to the little toe; each toe's own base is
    square to the foot, so the steps between toes read as webs rather than slanted cuts.
    """
    mids = [_slant((u0 + u1) / 2) for u0, u1, _ in TOES]
    if u <= TOES[0][1]:
        return mids[0]
    for index, (u0, u1, _) in enumerate(TOES):
        if u0 <= u <= u1:
            return mids[index]
        if index + 1 < len(TOES) and u1 < u < TOES[index + 1][0]:
            f = (u - u1) / (TOES[index + 1][0] - u1)
            return mids[index] + (mids[index + 1] - mids[index]) * f
    return mids[-1]


TOE_KINKS = tuple(sorted({u for u0, u1, _ in TOES for u in (u0, u1)} - {0.0}))


class Foot:
    """A foot seen from above or below: `mapping(t, u)` covers it up to the base of the toes.

    t runs 0 (back of the heel) to 1 (base of the toes); u runs 0 (inner edge) to 1 (outer edge).
    """

    def __init__(self, heel: Point, axis: Point, lateral: Point, length: float) -> None:
        self.heel, self.axis, self.lateral, self.length = heel, axis, lateral, length

    def mapping(self, t: float, u: float) -> Point:
        # the steps between the toes fade out behind the toes, so inner borders stay smooth
        step = min(max((t - 0.84) / 0.16, 0.0), 1.0) ** 2
        s = t * (_slant(u) + (toe_line(u) - _slant(u)) * step)
        wm, wl = FOOT_MEDIAL(s), FOOT_LATERAL(s)
        across = (-wm + u * (wm + wl)) * self.length
        along = s * self.length
        return (self.heel[0] + self.axis[0] * along + self.lateral[0] * across,
                self.heel[1] + self.axis[1] * along + self.lateral[1] * across)

    def toe_outline(self, index: int) -> list[Point]:
        """Toe `index` (0 = big toe) from its inner base corner, round the tip, to its outer corner."""
        u0, u1, length = TOES[index]
        x0, y0 = self.mapping(1.0, u0)
        x1, y1 = self.mapping(1.0, u1)
        width = math.hypot(x1 - x0, y1 - y0)
        sx, sy = (x1 - x0) / width, (y1 - y0) / width  # across the toe, inner to outer
        # out along the foot, the smaller toes fanning a little outwards
        tilt = 0.1 * ((u0 + u1) / 2 - 0.2)
        ax = self.axis[0] * math.cos(tilt) + self.lateral[0] * math.sin(tilt)
        ay = self.axis[1] * math.cos(tilt) + self.lateral[1] * math.sin(tilt)
        half = width / 2
        tip_half = half * 0.9  # a touch narrower at the tip
        tip_depth = tip_half * 1.15
        straight = max(length * self.length - tip_depth, half * 0.3)
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        pts: list[Point] = []
        for k in range(0, 7):  # inner side, bulging very slightly
            f = k / 6
            w = half + (tip_half - half) * f + half * 0.05 * math.sin(math.pi * f)
            pts.append((mx - sx * w + ax * straight * f, my - sy * w + ay * straight * f))
        cx, cy = mx + ax * straight, my + ay * straight
        for k in range(1, 24):  # the rounded tip
            angle = math.pi * k / 24
            c, sn = -math.cos(angle), math.sin(angle)
            pts.append((cx + sx * tip_half * c + ax * tip_depth * sn,
                        cy + sy * tip_half * c + ay * tip_depth * sn))
        for k in range(6, -1, -1):  # outer side back to the base
            f = k / 6
            w = half + (tip_half - half) * f + half * 0.05 * math.sin(math.pi * f)
            pts.append((mx + sx * w + ax * straight * f, my + sy * w + ay * straight * f))
        return pts

    def toe(self, index: int) -> list[Point]:
        """The closed polygon of toe `index`: its outline and its base line."""
        u0, u1, _ = TOES[index]
        return [*self.toe_outline(index), *curve(self.mapping, 1.0, u1, 1.0, u0)[1:-1]]

    def toes_and_forefoot(self, from_t: float) -> list[Point]:
        """One polygon: the strip of foot from `from_t` to the toe bases, and every toe."""
        pts = curve(self.mapping, from_t, 0.0, 1.0, 0.0)[:-1]
        pts += self._toe_row()
        pts += curve(self.mapping, 1.0, 1.0, from_t, 1.0, TOE_KINKS)[1:]
        pts += curve(self.mapping, from_t, 1.0, from_t, 0.0)[1:-1]
        return pts

    def _toe_row(self) -> list[Point]:
        """Every toe outline from big to little, joined along the webs between them."""
        pts: list[Point] = []
        for index in range(len(TOES)):
            pts += self.toe_outline(index)
            if index + 1 < len(TOES):
                pts += curve(self.mapping, 1.0, TOES[index][1], 1.0, TOES[index + 1][0])[1:-1]
        return pts

    def nail(self, index: int) -> list[Point]:
        """A small nail near the tip of toe `index`, drawn on the top view only."""
        u0, u1, length = TOES[index]
        x0, y0 = self.mapping(1.0, u0)
        x1, y1 = self.mapping(1.0, u1)
        width = math.hypot(x1 - x0, y1 - y0)
        sx, sy = (x1 - x0) / width, (y1 - y0) / width
        tilt = 0.1 * ((u0 + u1) / 2 - 0.2)
        ax = self.axis[0] * math.cos(tilt) + self.lateral[0] * math.sin(tilt)
        ay = self.axis[1] * math.cos(tilt) + self.lateral[1] * math.sin(tilt)
        reach = length * self.length  # from the base of the toe to its tip
        nail_len = min(width * 0.62, reach * 0.45)
        half_w = width * 0.3
        centre_along = reach - width * 0.1 - nail_len / 2
        cx = (x0 + x1) / 2 + ax * centre_along
        cy = (y0 + y1) / 2 + ay * centre_along
        pts: list[Point] = []
        for k in range(28):
            angle = 2 * math.pi * k / 28
            c, sn = math.cos(angle), math.sin(angle)
            # squarish at the cuticle end (c < 0), round at the free edge
            r = 1.0 / (abs(c) ** 3 + abs(sn) ** 3) ** (1 / 3) if c < 0 else 1.0
            pts.append((cx + ax * nail_len / 2 * c * r + sx * half_w * sn * r,
                        cy + ay * nail_len / 2 * c * r + sy * half_w * sn * r))
        return pts

    def silhouette(self) -> list[Point]:
        """The whole foot outline: outer edge, heel, inner edge, then the toes from big to little."""
        pts = curve(self.mapping, 1.0, 1.0, 0.0, 1.0)  # outer edge, toes -> heel
        pts += curve(self.mapping, 0.0, 0.0, 1.0, 0.0)[1:-1]  # inner edge, heel -> big toe
        return pts + self._toe_row()


def trace_foot(mapping: Mapping2D, corners: Sequence[Point]) -> list[Point]:
    return trace(mapping, corners, kinks=TOE_KINKS)


def foot_frame(angle_deg: float, toes_down: bool) -> tuple[Point, Point]:
    """Axis (heel to toes) and lateral direction for the foot on the viewer's left.

    That foot's inner edge faces the middle of the view (viewer's right); `angle_deg` splays the toes
    outwards, as feet naturally rest.
    """
    a = math.radians(angle_deg)
    if toes_down:
        return (-math.sin(a), math.cos(a)), (-math.cos(a), -math.sin(a))
    return (-math.sin(a), -math.cos(a)), (-math.cos(a), math.sin(a))


def open_at_the_back(polygon: Sequence[Point], x_a: float, x_b: float) -> list[Point]:
    """The polygon's outline minus its top-most stretch between the vertical lines x = x_a and x = x_b.

    Returns an open chain that starts where the outline crosses one line and ends where it crosses the
    other, going round the far (lower) side. Used to stand a leg on the back of a foot seen from above.
    """
    n = len(polygon)
    top = min(range(n), key=lambda i: polygon[i][1])

    def crossing(direction: int) -> tuple[int, Point]:
        i = top
        for _ in range(n):
            j = (i + direction) % n
            (x0, y0), (x1, y1) = polygon[i], polygon[j]
            for line in (x_a, x_b):
                if (x0 - line) * (x1 - line) <= 0 and x0 != x1:
                    f = (line - x0) / (x1 - x0)
                    return j, (round(line, 1), round(y0 + (y1 - y0) * f, 1))
            i = j
        raise ValueError("the lines do not cross the outline")

    after, start = crossing(1)
    before, end = crossing(-1)
    chain = [start]
    i = after
    while i != (before - 1) % n:
        chain.append(polygon[i])
        i = (i + 1) % n
    chain.append(polygon[before] if chain[-1] != polygon[before] else chain[-1])
    chain.append(end)
    return dedupe(chain)


def build_feet_views(b: MapBuilder) -> None:
    width, height = 395.0, 420.0
    vy = 610.0
    length = 300.0
    spacing = 84.0  # from the middle of the view to each foot's axis at the heel
    for view_id, label, vx, left_side in (("top", "Tops of the feet", 0.0, "right"),
                                           ("sole", "Soles, heels up", 405.0, "left")):
        b.view(view_id, label, vx, vy, width, height)
        axis_x = vx + width / 2
        axis, lateral = foot_frame(4.0, toes_down=True)
        heel_y = vy + (80 if view_id == "top" else 50)
        foot = Foot((axis_x - spacing, heel_y), axis, lateral, length)
        m = foot.mapping
        toes: list[tuple[str, Sequence[Point]]] = [
            ("big_toe" if i == 0 else "little_toes", foot.toe(i)) for i in range(len(TOES))
        ]
        web = (0.59, 0.755)  # u range of the 3rd/4th toe web
        if view_id == "top":
            pairs: list[tuple[str, Sequence[Point]]] = [
                ("ankle", trace_foot(m, [(0, 0), (0.27, 0), (0.27, 1), (0, 1)])),
                ("top_of_foot", trace_foot(m, [(0.27, 0), (0.8, 0), (0.8, 0.33), (1, 0.33), (1, web[0]),
                                          (0.8, web[0]), (0.8, web[1]), (1, web[1]), (1, 0.8),
                                          (0.27, 0.8)])),
                ("outer_edge_of_foot", trace_foot(m, [(0.27, 0.8), (1, 0.8), (1, 1), (0.27, 1)])),
                ("big_toe_joint", trace_foot(m, [(0.8, 0), (1, 0), (1, 0.33), (0.8, 0.33)])),
                ("between_toes_3_4", trace_foot(m, [(0.8, web[0]), (1, web[0]), (1, web[1]), (0.8, web[1])])),
                *toes,
            ]
        else:
            pairs = [
                ("heel", trace_foot(m, [(0, 0), (0.29, 0), (0.29, 1), (0, 1)])),
                ("arch", trace_foot(m, [(0.29, 0), (0.64, 0), (0.64, 0.47), (0.29, 0.47)])),
                ("sole", trace_foot(m, [(0.29, 0.47), (0.64, 0.47), (0.64, 0.8), (0.29, 0.8)])),
                ("outer_edge_of_foot", trace_foot(m, [(0.29, 0.8), (1, 0.8), (1, 1), (0.29, 1)])),
                ("ball_of_foot", trace_foot(m, [(0.64, 0), (1, 0), (1, web[0]), (0.8, web[0]), (0.8, web[1]),
                                           (1, web[1]), (1, 0.8), (0.64, 0.8)])),
                ("between_toes_3_4", trace_foot(m, [(0.8, web[0]), (1, web[0]), (1, web[1]), (0.8, web[1])])),
                *toes,
            ]
        outline = foot.silhouette()
        if view_id == "top":
            # The lower leg comes down onto the foot, so the feet read as seen from the front and above;
            # the ankle region is where leg and foot meet, the rest of the leg is not clickable.
            half = 0.1 * length
            x_a, x_b = axis_x - spacing - half, axis_x - spacing + half
            rear = open_at_the_back(pairs[0][1], x_a, x_b)
            joint_y = min(rear[0][1], rear[-1][1]) - 24
            pairs[0] = ("ankle", [*rear, (rear[-1][0], joint_y), (rear[0][0], joint_y)])
            body = open_at_the_back(outline, x_a, x_b)
            outline = [*body, (body[-1][0], vy + 40), (body[0][0], vy + 40)]
        b.outline(view_id, outline)
        b.outline(view_id, mirror(outline, axis_x))
        if view_id == "top":
            for i in range(len(TOES)):
                nail = foot.nail(i)
                b.outline(view_id, nail)
                b.outline(view_id, mirror(nail, axis_x))
        b.mirrored(view_id, axis_x, pairs, left_side)
        right_side = "left" if left_side == "right" else "right"
        b.side_label(view_id, left_side, axis_x - spacing - 4, vy + 400)
        b.side_label(view_id, right_side, axis_x + spacing + 4, vy + 400)


# --- the inner side of each foot ---------------------------------------------------------------
# Heights above the ground (units of the foot length) along the foot from the heel (s = 0) to the toe
# tip (s = 1).

INNER_BOTTOM = hermite([
    (0.0, 0.1, -2.5), (0.03, 0.03), (0.08, 0.006), (0.2, 0.0, 0.0), (0.3, 0.03), (0.45, 0.068, 0.0),
    (0.6, 0.033), (0.72, 0.003), (0.8, 0.0, 0.0), (0.9, 0.006), (0.96, 0.022), (1.0, 0.065, 2.6),
])
INNER_TOP = hermite([
    (0.0, 0.1, 5.0), (0.03, 0.24), (0.07, 0.33), (0.12, 0.37, 0.0), (0.3, 0.37, 0.0), (0.42, 0.335),
    (0.55, 0.272), (0.68, 0.2), (0.78, 0.152), (0.86, 0.128), (0.94, 0.112), (1.0, 0.065, -2.6),
])
STUB = (0.045, 0.34)  # where the lower leg stands on the foot (s range)


def build_inner_view(b: MapBuilder) -> None:
    vx, vy, width, height = 0.0, 1040.0, 430.0, 230.0
    b.view("inner", "Inner side of each foot", vx, vy, width, height)
    length = 182.0
    ground = vy + 196.0
    heel_x = vx + width / 2 - 12

    def mapping(s: float, v: float) -> Point:
        bottom, top = INNER_BOTTOM(s), INNER_TOP(s)
        return (heel_x - s * length, ground - (bottom + v * (top - bottom)) * length)

    split = 0.5
    pairs: list[tuple[str, Sequence[Point]]] = [
        ("heel", trace(mapping, [(0, 0), (0.26, 0), (0.26, split), (0, split)])),
        ("arch", trace(mapping, [(0.26, 0), (0.67, 0), (0.67, split), (0.26, split)])),
        ("inner_ankle", trace(mapping, [(0, split), (0.42, split), (0.42, 1), (0, 1)])),
        ("top_of_foot", trace(mapping, [(0.42, split), (0.67, split), (0.67, 1), (0.42, 1)])),
        ("big_toe_joint", trace(mapping, [(0.67, 0), (0.81, 0), (0.81, 1), (0.67, 1)])),
        ("big_toe", trace(mapping, [(0.81, 0), (1, 0), (1, 1), (0.81, 1)])),
    ]
    # silhouette: sole from toe to heel, up the back of the heel, the lower leg, then down the instep
    s0, s1 = STUB
    top_y = ground - 0.37 * length
    stub_top = vy + 42.0
    pts = curve(mapping, 1.0, 0.0, 0.0, 0.0)
    pts += curve(mapping, 0.0, 1.0, s0, 1.0)[1:]
    back_x = heel_x - s0 * length
    front_x = heel_x - s1 * length
    for k in range(1, 13):  # back of the lower leg (Achilles), narrowing slightly upwards
        f = k / 12
        pts.append((back_x - 6 * math.sin(f * math.pi / 2), top_y - (top_y - stub_top) * f))
    for k in range(0, 13):  # front of the shin
        f = 1 - k / 12
        pts.append((front_x + 4 * math.sin(f * math.pi / 2), top_y - (top_y - stub_top) * f))
    pts += curve(mapping, s1, 1.0, 1.0, 1.0)
    axis = vx + width / 2
    b.outline("inner", pts)
    b.outline("inner", mirror(pts, axis))
    # the inner ankle bone, a detail drawn over the inner_ankle region
    bone_x, bone_y = mapping(0.2, 0.8)
    bone = [(bone_x + 13 * math.cos(2 * math.pi * k / 24), bone_y + 10 * math.sin(2 * math.pi * k / 24))
            for k in range(24)]
    b.outline("inner", bone)
    b.outline("inner", mirror(bone, axis))
    b.mirrored("inner", axis, pairs, "right")
    b.side_label("inner", "right", heel_x - 0.45 * length, vy + 219)
    b.side_label("inner", "left", 2 * axis - (heel_x - 0.45 * length), vy + 219)


# --- small feet: whole foot and all toes --------------------------------------------------------


def build_small_feet(b: MapBuilder) -> None:
    vy, width, height = 1040.0, 175.0, 230.0
    length = 146.0
    spacing = 37.0
    for view_id, label, vx in (("whole", "Whole foot", 440.0), ("toes", "All toes", 625.0)):
        b.view(view_id, label, vx, vy, width, height)
        axis_x = vx + width / 2
        axis, lateral = foot_frame(4.0, toes_down=False)
        foot = Foot((axis_x - spacing, vy + 200), axis, lateral, length)
        outline = foot.silhouette()
        b.outline(view_id, outline)
        b.outline(view_id, mirror(outline, axis_x))
        if view_id == "whole":
            b.mirrored(view_id, axis_x, [("whole_foot", outline)], "right")
        else:
            band = foot.toes_and_forefoot(0.93)
            b.mirrored(view_id, axis_x, [("all_toes", band)], "right")
        b.side_label(view_id, "right", axis_x - spacing - 6, vy + 219)
        b.side_label(view_id, "left", axis_x + spacing + 6, vy + 219)


def build() -> dict[str, object]:
    b = MapBuilder()
    build_legs(b)
    build_feet_views(b)
    build_inner_view(b)
    build_small_feet(b)
    return b.to_json()


def main() -> None:
    data = build()
    # one view, shape, outline or label a line keeps diffs of the JSON readable
    lines = ["{"]
    for key, value in data.items():
        if key in {"views", "shapes", "outlines", "labels"}:
            continue
        lines.append(f"{json.dumps(key)}: {json.dumps(value)},")
    lists = ("views", "shapes", "outlines", "labels")
    for key in lists:
        items = data[key]
        assert isinstance(items, list)
        lines.append(f"{json.dumps(key)}: [")
        lines.extend(
            json.dumps(item, separators=(",", ":")) + ("," if i + 1 < len(items) else "")
            for i, item in enumerate(items)
        )
        lines.append("]" if key == lists[-1] else "],")
    lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
