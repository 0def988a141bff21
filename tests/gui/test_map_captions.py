"""The map's side captions on small map panels (issue 16, item 3): in Spanish "Derecha" and "Izquierda" ran
into each other ("DerechaIzquierda") under the feet views when the map panel was small (the narrow intake
layout at 1024x600, 125 % scaling). Each caption is now measured with the font it is drawn in: inside its
view, apart from its neighbour and never cut; where the whole word does not fit, its short form ("Dcha.",
"Izda.", as the Spanish referral's map prints), the whole word as its tooltip."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from intake_app.domain.questionnaire import load_questionnaire
from intake_app.gui.body_map import CAPTION_GAP, MIN_CAPTION_PX, SHORT_SIDE_WORDS, BodyMapWidget
from intake_app.gui.patient.body_map import PatientBodyMap

pytestmark = pytest.mark.gui

Q = load_questionnaire()
#: Map panel sizes from the smallest the intake page allows (140 x 140) to the map's own minimum and beyond;
#: the narrow layout at 1024x600 and at 125 % scaling gives panels of about 250-330 x 200-330.
SIZES = [(w, h) for w in (140, 180, 220, 260, 300, 340, 400, 440) for h in (140, 200, 260, 330, 420, 520, 640)]


def make_map(kind: str, language: str) -> BodyMapWidget:
    return BodyMapWidget(language=language) if kind == "desk" else PatientBodyMap(Q, language)


def problems(body_map: BodyMapWidget) -> list[str]:
    """Captions that overlap, leave their view or are cut (their words wider than their rectangle)."""
    found: list[str] = []
    views = {view.id: view for view in body_map._map.views}
    per_view: dict[str, list[Any]] = {}
    for label in body_map._map.labels:
        per_view.setdefault(label.view, [])
    captions = body_map.captions()
    for caption in captions:
        metrics = QFontMetricsF(caption.font)
        if metrics.horizontalAdvance(caption.text) > caption.rect.width() + 0.5:
            found.append(f"{caption.text!r} cut")
        if caption.font.pixelSize() < MIN_CAPTION_PX:
            found.append(f"{caption.text!r} under {MIN_CAPTION_PX} px")
        # Which view holds it: the one whose drawn rectangle holds its centre.
        centre = caption.rect.center()
        holder = next((v for v in views.values()
                       if body_map.map_to_widget(v.x, v.y).x() <= centre.x()
                       <= body_map.map_to_widget(v.x + v.width, v.y).x()
                       and body_map.map_to_widget(v.x, v.y).y() <= centre.y()
                       <= body_map.map_to_widget(v.x, v.y + v.height).y() + caption.rect.height()), None)
        if holder is None:
            found.append(f"{caption.text!r} outside every view")
            continue
        left = body_map.map_to_widget(holder.x, holder.y).x()
        right = body_map.map_to_widget(holder.x + holder.width, holder.y).x()
        if caption.rect.left() < left - 0.5 or caption.rect.right() > right + 0.5:
            found.append(f"{caption.text!r} leaves its view {holder.id}")
        per_view.setdefault(holder.id, []).append(caption)
    for view_id, shown in per_view.items():
        for a, b in pairwise(sorted(shown, key=lambda c: c.rect.left())):
            if b.rect.left() - a.rect.right() < CAPTION_GAP - 0.01:
                found.append(f"{a.text!r} and {b.text!r} run together under {view_id}")
    return found


@pytest.mark.parametrize("kind", ["desk", "patient"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_side_captions_never_overlap_or_get_cut_on_small_map_panels(qtbot: Any, kind: str, language: str) -> None:
    body_map = make_map(kind, language)
    qtbot.addWidget(body_map)
    shortened = 0
    for width, height in SIZES:
        body_map.resize(width, height)
        found = problems(body_map)
        assert not found, (width, height, found)
        shortened += sum(c.text != c.full for c in body_map.captions())
    # At the map's usual size every view has both captions; the legs' in whole words (in Spanish the narrow
    # whole-foot and toes views already need "Dcha." and "Izda." there).
    body_map.resize(440, 640)
    captions = body_map.captions()
    assert len(captions) == len(body_map._map.labels)
    assert all(c.full == Q.side_label(c.side, language) for c in captions)
    assert all(c.text == c.full for c in captions[:4])  # the legs from the front and from behind
    if language == "es":
        assert shortened  # the small panels use "Dcha." and "Izda."
    else:
        assert not shortened  # English needs no short form: "Right" and "Left" fit or get smaller


def test_the_whole_spanish_words_did_run_together_on_a_small_panel(qtbot: Any) -> None:
    """The case the short forms are for: the whole words, drawn as the map used to (at the map's size, side
    by side), overlap under the feet views of a small panel; the captions drawn there are the short forms."""
    body_map = BodyMapWidget(language="es")
    qtbot.addWidget(body_map)
    body_map.resize(300, 330)
    drawn = body_map.captions()
    scale = body_map._transform.m11()
    overlapping = []
    pairs: dict[str, list[Any]] = {}
    for label in body_map._map.labels:
        pairs.setdefault(label.view, []).append(label)
    for view, pair in pairs.items():
        font = QFont(drawn[0].font)
        font.setPixelSize(max(6, round(pair[0].size * scale)))
        metrics = QFontMetricsF(font)
        spans = sorted((body_map.map_to_widget(lb.x, lb.y).x() - (metrics.horizontalAdvance(lb.text) + 4) / 2,
                        body_map.map_to_widget(lb.x, lb.y).x() + (metrics.horizontalAdvance(lb.text) + 4) / 2)
                       for lb in pair)
        if spans[1][0] < spans[0][1]:
            overlapping.append(view)
    assert overlapping  # e.g. "DerechaIzquierda" under the whole-foot and toes views
    assert set(SHORT_SIDE_WORDS["es"].values()) <= {c.text for c in drawn}
    assert not problems(body_map)


def test_a_short_caption_shows_its_whole_word_as_tooltip(qtbot: Any) -> None:
    body_map = BodyMapWidget(language="es")
    qtbot.addWidget(body_map)
    body_map.resize(300, 330)
    body_map.show()
    qtbot.waitExposed(body_map)
    caption = next(c for c in body_map.captions() if c.text != c.full)
    centre: QPointF = caption.rect.center()
    point = QPoint(round(centre.x()), round(centre.y()))
    assert body_map.region_at(QPointF(point)) is None  # the caption, not a region, is under the pointer
    QApplication.sendEvent(body_map, QHelpEvent(QEvent.Type.ToolTip, point, body_map.mapToGlobal(point)))
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() == caption.full, timeout=5000)
    assert caption.full in ("Derecha", "Izquierda")
    QToolTip.hideText()


def test_the_short_forms_are_the_spanish_referral_maps() -> None:
    from intake_app.reports.referral_text import MAP_WORDS_ES

    assert SHORT_SIDE_WORDS["es"] == {"right": MAP_WORDS_ES["Right"], "left": MAP_WORDS_ES["Left"]}
