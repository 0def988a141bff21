"""The leg and foot map data: loaded from resources/, checked on load, and hit-tested without Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from intake_app.domain.body_map import (
    BodyMap,
    BodyMapError,
    load_body_map,
    load_body_map_file,
    parse_body_map,
)
from intake_app.domain.questionnaire import SIDES, load_questionnaire
from intake_app.errors import IntakeError
from intake_app.resources import resource_path

REGIONS = load_questionnaire().region_ids


@pytest.fixture
def raw_map() -> dict[str, Any]:
    """A fresh, editable copy of the shipped JSON."""
    data: dict[str, Any] = json.loads(resource_path("body_map.json").read_text(encoding="utf-8"))
    return data


def write_copy(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "body_map.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def shape_index(data: dict[str, Any], region: str, side: str) -> int:
    return next(i for i, s in enumerate(data["shapes"]) if s["region"] == region and s["side"] == side)


# --- the shipped map ---------------------------------------------------------------------------


def test_every_region_of_the_vocabulary_has_a_shape_on_both_sides() -> None:
    body_map = load_body_map()
    assert len(REGIONS) == 21
    for region in REGIONS:
        for side in SIDES:
            assert body_map.shapes_for(region, side), f"{region} missing on the {side} side"


def test_only_vocabulary_regions_and_known_views_are_used() -> None:
    body_map = load_body_map()
    view_ids = {v.id for v in body_map.views}
    assert {s.region for s in body_map.shapes} == set(REGIONS)
    assert {s.side for s in body_map.shapes} == set(SIDES)
    assert {s.view for s in body_map.shapes} <= view_ids
    assert {label.view for label in body_map.labels} <= view_ids


def test_every_shape_can_be_clicked_somewhere_inside_it() -> None:
    """No shape is hidden under another: some point of each one hits its own region and side."""
    body_map = load_body_map()
    for shape in body_map.shapes:
        min_x, min_y, max_x, max_y = shape.bounds
        steps = 24
        found = any(
            body_map.hit(min_x + (max_x - min_x) * (i + 0.5) / steps,
                         min_y + (max_y - min_y) * (j + 0.5) / steps) == (shape.region, shape.side)
            for i in range(steps) for j in range(steps)
        )
        assert found, f"{shape.side} {shape.region} in view {shape.view} cannot be hit"


def test_shapes_of_one_view_do_not_overlap() -> None:
    """Regions tile: the centre of a shape is not claimed by a second shape of the same view."""
    body_map = load_body_map()
    for shape in body_map.shapes:
        x, y = shape.centroid
        if not shape.contains(x, y):
            continue
        others = [s for s in body_map.shapes if s is not shape and s.view == shape.view and s.contains(x, y)]
        assert others == [], f"{shape.region} ({shape.view}) overlaps {[o.region for o in others]}"


def test_hit_finds_the_right_heel_at_its_centre_and_nothing_off_the_body() -> None:
    body_map = load_body_map()
    sole_heel = next(s for s in body_map.shapes_for("heel", "right") if s.view == "sole")
    assert body_map.hit(*sole_heel.centroid) == ("heel", "right")
    left_calf = body_map.shapes_for("calf", "left")[0]
    assert body_map.hit(*left_calf.centroid) == ("calf", "left")
    sole = body_map.view("sole")
    assert body_map.hit(sole.x + 2, sole.y + 2) is None  # the empty corner of a view
    assert body_map.hit(-10, -10) is None
    assert body_map.hit(body_map.width + 10, body_map.height / 2) is None


def test_front_views_show_the_patients_right_on_the_viewers_left_and_back_views_the_reverse() -> None:
    body_map = load_body_map()

    def mean_x(view: str, side: str) -> float:
        xs = [s.centroid[0] for s in body_map.shapes if s.view == view and s.side == side]
        return sum(xs) / len(xs)

    for view in ("front", "top", "inner", "whole", "toes"):
        assert mean_x(view, "right") < mean_x(view, "left"), view
    for view in ("back", "sole"):
        assert mean_x(view, "right") > mean_x(view, "left"), view


def test_each_leg_and_foot_is_labelled_with_its_side_under_it() -> None:
    body_map = load_body_map()
    for view in body_map.views:
        for side in SIDES:
            shapes = [s for s in body_map.shapes if s.view == view.id and s.side == side]
            labels = [lb for lb in body_map.labels if lb.view == view.id and lb.side == side]
            assert len(labels) == 1, (view.id, side)
            label = labels[0]
            assert label.text == side.capitalize()
            lo = min(s.bounds[0] for s in shapes)
            hi = max(s.bounds[2] for s in shapes)
            assert lo <= label.x <= hi, (view.id, side)
            assert label.y > max(s.bounds[3] for s in shapes), (view.id, side)


def test_the_file_explains_its_conventions() -> None:
    notes = " ".join(load_body_map().notes)
    for term in ("whole_foot", "all_toes", "viewer's left", "little_toes"):
        assert term in notes


def test_load_body_map_is_cached() -> None:
    assert load_body_map() is load_body_map()


def test_the_domain_map_does_not_need_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from intake_app.domain.body_map import load_body_map\n"
        "m = load_body_map(); print(len(m.shapes))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 40


# --- hit testing rules ----------------------------------------------------------------------------


def square(x: float, y: float, size: float) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size]]


def tiny_map(shapes: list[dict[str, Any]]) -> BodyMap:
    data = {
        "format": "body-map/1",
        "width": 100, "height": 100,
        "views": [{"id": "v", "label": "View", "x": 0, "y": 0, "width": 100, "height": 100}],
        "shapes": shapes,
    }
    return parse_body_map(data, regions=["heel", "sole"])


def test_the_smallest_shape_under_a_point_wins() -> None:
    body_map = tiny_map([
        {"region": "sole", "side": "left", "view": "v", "points": square(10, 10, 60)},
        {"region": "heel", "side": "left", "view": "v", "points": square(30, 30, 10)},
        {"region": "heel", "side": "right", "view": "v", "points": square(80, 80, 10)},
        {"region": "sole", "side": "right", "view": "v", "points": square(75, 5, 20)},
    ])
    assert body_map.hit(35, 35) == ("heel", "left")
    assert body_map.hit(15, 15) == ("sole", "left")
    assert body_map.hit(85, 85) == ("heel", "right")
    assert body_map.hit(72, 72) is None
    assert body_map.shapes_for("heel", "left")[0].area == pytest.approx(100)


def test_a_concave_polygon_is_hit_only_inside_it() -> None:
    notch = [[10, 10], [60, 10], [60, 60], [40, 60], [40, 30], [30, 30], [30, 60], [10, 60]]
    body_map = tiny_map([
        {"region": "sole", "side": "left", "view": "v", "points": notch},
        {"region": "sole", "side": "right", "view": "v", "points": square(70, 70, 10)},
        {"region": "heel", "side": "left", "view": "v", "points": square(70, 10, 10)},
        {"region": "heel", "side": "right", "view": "v", "points": square(85, 10, 10)},
    ])
    assert body_map.hit(20, 50) == ("sole", "left")
    assert body_map.hit(35, 50) is None  # inside the notch
    assert body_map.hit(50, 50) == ("sole", "left")


# --- a broken file is rejected with a message naming the key -------------------------------------


def test_a_valid_copy_loads_from_any_path(tmp_path: Path, raw_map: dict[str, Any]) -> None:
    body_map = load_body_map_file(write_copy(tmp_path, raw_map))
    assert body_map == load_body_map()


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda d: d["shapes"][3].update(region="heal"), "shapes[3].region: unknown region 'heal'"),
        (lambda d: d["shapes"][0].update(side="both"), "shapes[0].side: unknown side 'both'"),
        (lambda d: d["shapes"][5].update(view="sideways"), "shapes[5].view: unknown view 'sideways'"),
        (lambda d: d["shapes"][2].update(points=[[100, 100], [110, 100]]),
         "shapes[2].points: expected at least 3 points, found 2"),
        (lambda d: d["shapes"][1]["points"].__setitem__(0, [-40, 5]),
         "shapes[1].points[0]: point (-40, 5) lies outside view"),
        (lambda d: d["shapes"][1]["points"].__setitem__(0, ["x", 5]), "shapes[1].points[0]: expected a point"),
        (lambda d: d["shapes"][4].update(colour="blue"), "shapes[4].colour: unknown key"),
        (lambda d: d["views"][0].update(width=5000), "views[0]: view 'front' does not fit"),
        (lambda d: d["views"].append(dict(d["views"][0])), "views[7].id: view 'front' defined twice"),
        (lambda d: d.update(width="wide"), "(top).width: expected a number"),
        (lambda d: d.update(format="body-map/9"), "format: expected 'body-map/1'"),
        (lambda d: d.pop("shapes"), "shapes: expected a non-empty list"),
        (lambda d: d["labels"][0].update(x=-300), "labels[0]: label position lies outside view"),
        (lambda d: d["outlines"][0].update(view="nowhere"), "outlines[0].view: unknown view 'nowhere'"),
    ],
)
def test_a_broken_copy_is_rejected_naming_the_file_and_key(
    tmp_path: Path, raw_map: dict[str, Any], breakage: Any, expected: str
) -> None:
    breakage(raw_map)
    with pytest.raises(BodyMapError) as caught:
        load_body_map_file(write_copy(tmp_path, raw_map))
    message = str(caught.value)
    assert message.startswith("body_map.json: ")
    assert expected in message
    assert isinstance(caught.value, IntakeError)


def test_a_region_missing_on_one_side_is_named(tmp_path: Path, raw_map: dict[str, Any]) -> None:
    raw_map["shapes"] = [s for s in raw_map["shapes"] if not (s["region"] == "arch" and s["side"] == "left")]
    with pytest.raises(BodyMapError, match=r"body_map.json: shapes: region 'arch' has no shape on the left side"):
        load_body_map_file(write_copy(tmp_path, raw_map))


def test_a_flat_polygon_is_rejected(tmp_path: Path, raw_map: dict[str, Any]) -> None:
    index = shape_index(raw_map, "knee", "right")
    x, y = raw_map["shapes"][index]["points"][0]
    raw_map["shapes"][index]["points"] = [[x, y], [x + 5, y], [x + 10, y]]
    with pytest.raises(BodyMapError, match=rf"shapes\[{index}\].points: the polygon has no area"):
        load_body_map_file(write_copy(tmp_path, raw_map))


def test_text_that_is_not_json_is_rejected_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "body_map.json"
    path.write_text('{\n"format": "body-map/1",\n"width": ,\n}', encoding="utf-8")
    with pytest.raises(BodyMapError, match=r"body_map.json: not valid JSON at line 3"):
        load_body_map_file(path)


def test_a_missing_file_is_an_intake_error(tmp_path: Path) -> None:
    with pytest.raises(BodyMapError, match=r"nothere.json: cannot be read"):
        load_body_map_file(tmp_path / "nothere.json")
