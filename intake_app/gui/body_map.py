"""The clickable leg and foot map beside the intake form.

It draws the geometry of resources/body_map.json (loaded by ``intake_app.domain.body_map``, the same
data the PDF reports draw) and lets the front desk mark where each symptom is, per side. One symptom is
"current" at a time: a click toggles that symptom in the region under the pointer. The current symptom's
marks are drawn solid; the other symptoms stay visible as hatching in their own colours, so all three
can be read at once. Colours are calm blues, purples and teals, because red and orange mean urgency
everywhere else in the application.

The map is mouse-only by design. The form's region lists offer the same choices from the keyboard, so
the map takes no keyboard focus and never traps Tab.

Its words (view titles, Right/Left, the legend, the hover names) are in the desk's language (`language=`,
by default the clinic's): titles and legend through Qt's translation, sides and regions from the
questionnaire.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from intake_app.domain.body_map import BodyMap, MapLabel, load_body_map
from intake_app.domain.language import ENGLISH, SPANISH
from intake_app.domain.questionnaire import SIDES, Questionnaire, load_questionnaire


@dataclass(frozen=True)
class SymptomStyle:
    """How one symptom is drawn: solid when it is the one being marked, hatched otherwise."""

    colour: str
    hatch: Qt.BrushStyle
    name: str  # English legend text, translated through tr() when drawn


SYMPTOM_STYLES: dict[str, SymptomStyle] = {
    "pain": SymptomStyle("#2f6db5", Qt.BrushStyle.BDiagPattern, "Pain"),
    "numbness": SymptomStyle("#7446ad", Qt.BrushStyle.FDiagPattern, "Numbness"),
    "tingling": SymptomStyle("#0f8a84", Qt.BrushStyle.CrossPattern, "Pins and needles"),
}
_FALLBACK_STYLE = SymptomStyle("#4d5a6b", Qt.BrushStyle.Dense6Pattern, "")

PAPER = QColor("#ffffff")
VIEW_BACKGROUND = QColor("#f6f8fa")
BODY_FILL = QColor("#e4e8ed")  # silhouette parts that are not clickable
REGION_FILL = QColor("#fdfdfc")
REGION_EDGE = QColor("#a9b3c1")
OUTLINE = QColor("#56606e")
TITLE_TEXT = QColor("#46505c")
LABEL_TEXT = QColor("#1f2933")
LEGEND_HEIGHT = 26
MARGIN = 4
#: Shapes (or outlines) made per step of `prepare_steps`: about 1-3 ms.
BASE_CHUNK = 12
#: A side's caption where its word does not fit under a small view, by language: the abbreviations the
#: Spanish referral's map prints ("Derecha" and "Izquierda" ran into each other on a small map panel).
#: English keeps "Right" and "Left" (short already). The whole word is the caption's tooltip.
SHORT_SIDE_WORDS: dict[str, dict[str, str]] = {SPANISH: {"right": "Dcha.", "left": "Izda."}}
#: Pixels between the two captions of a view, and the smallest caption drawn (smaller: left out, as a
#: title that does not fit is; the hover text still names the side).
CAPTION_GAP = 4.0
MIN_CAPTION_PX = 6


@dataclass(frozen=True)
class Caption:
    """A side's caption as drawn under a view: its words (the whole word, or its short form where that does
    not fit), the font and the rectangle (widget coordinates, exactly as wide as the words)."""

    side: str
    text: str
    full: str
    font: QFont
    rect: QRectF


class BodyMapWidget(QWidget):
    """Leg and foot map: click a region to mark it for the current symptom; hover names it."""

    marksChanged = Signal(str, dict)  # symptom, {"left": [regions...], "right": [regions...]}

    def __init__(self, parent: QWidget | None = None, *, body_map: BodyMap | None = None,
                 questionnaire: Questionnaire | None = None, language: str | None = None) -> None:
        """A `body_map` given is drawn with its words as they are (patient mode passes its own, in the
        patient's language); the map of resources/body_map.json gets the words of `language`."""
        super().__init__(parent)
        if language is None:
            # Imported here: the patient-mode package builds on this widget.
            from intake_app.gui.patient.translations import desk_language

            language = desk_language()
        self.language = language
        self._questionnaire = questionnaire or load_questionnaire()
        self._map = body_map or self._in_language(load_body_map())
        # The legend's words, fixed when the map is made (a later translator, such as patient mode's,
        # never changes what the desk's map says).
        self._legend_names = {"pain": self.tr("Pain"), "numbness": self.tr("Numbness"),
                              "tingling": self.tr("Pins and needles")}
        self._region_order = {r: i for i, r in enumerate(self._questionnaire.region_ids)}
        self._symptoms = tuple(q.id for q in self._questionnaire.questions if q.type == "per_side_regions")
        if not self._symptoms:
            raise ValueError("the questionnaire has no region questions to draw on the map")
        self._symptom = self._symptoms[0]
        self._marks: dict[str, dict[str, set[str]]] = {s: {side: set() for side in SIDES} for s in self._symptoms}
        self._hover: tuple[str, str] | None = None
        self._transform = QTransform()
        # The shapes in map units, made once (about 14,000 points: 20-30 ms of Python at once, which every
        # resize used to pay again); each size only maps them (a millisecond or two).
        self._base_polygons: list[QPolygonF] = []
        self._base_outlines: list[tuple[QPolygonF, bool]] = []
        self._polygons: list[QPolygonF] = []
        self._outline_polygons: list[tuple[QPolygonF, bool]] = []
        self._cached_size = QSize()
        # What never changes with the marks, drawn once per size: under the marks (view panels, body,
        # empty regions) and over them (outlines, labels). A click then repaints the marked regions only.
        self._under: QPixmap | None = None
        self._over: QPixmap | None = None
        self._captions: list[Caption] | None = None  # for the present size (see captions)

        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Leg and foot map"))
        self.setAccessibleDescription(self.tr(
            "Drawing of both legs and feet for marking where the symptoms are, used with the mouse only. "
            "Clicking an area marks it for the chosen symptom and clicking again clears it. The region "
            "lists in the form offer the same choices from the keyboard."
        ))

    def _in_language(self, body_map: BodyMap) -> BodyMap:
        """The map's view titles and side labels in this map's language (English: the map as drawn)."""
        if self.language == ENGLISH:
            return body_map
        titles = {
            "Legs from the front": self.tr("Legs from the front"),
            "Legs from behind": self.tr("Legs from behind"),
            "Tops of the feet": self.tr("Tops of the feet"),
            "Soles, heels up": self.tr("Soles, heels up"),
            "Inner side of each foot": self.tr("Inner side of each foot"),
            "Whole foot": self.tr("Whole foot"),
            "All toes": self.tr("All toes"),
        }
        views = tuple(replace(v, label=titles.get(v.label, v.label)) for v in body_map.views)
        labels = tuple(
            replace(label, text=self._questionnaire.side_label(label.side, self.language))
            if label.side in SIDES else label
            for label in body_map.labels
        )
        return replace(body_map, views=views, labels=labels)

    # --- public API ------------------------------------------------------------------------------

    def symptoms(self) -> tuple[str, ...]:
        """The symptoms the map can mark (the questionnaire's region questions)."""
        return self._symptoms

    def symptom(self) -> str:
        """The symptom a click marks."""
        return self._symptom

    def set_symptom(self, name: str) -> None:
        """Choose which symptom a click marks; its marks are then drawn solid."""
        self._check_symptom(name)
        if name != self._symptom:
            self._symptom = name
            self.update()

    def set_marks(self, symptom: str, marks: Mapping[str, Iterable[str]]) -> None:
        """Replace the marked regions of one symptom without emitting marksChanged."""
        self._check_symptom(symptom)
        unknown_sides = sorted(set(marks) - set(SIDES))
        if unknown_sides:
            raise ValueError(f"unknown side {unknown_sides[0]!r}")
        new = {side: set(marks.get(side) or ()) for side in SIDES}
        for regions in new.values():
            unknown = sorted(regions - set(self._region_order))
            if unknown:
                raise ValueError(f"unknown region {unknown[0]!r}")
        if new != self._marks[symptom]:
            self._marks[symptom] = new
            self.update()

    def marks(self, symptom: str) -> dict[str, list[str]]:
        """{"left": [...], "right": [...]} for one symptom, regions in vocabulary order."""
        self._check_symptom(symptom)
        return {side: sorted(self._marks[symptom][side], key=self._region_order.__getitem__) for side in SIDES}

    def toggle(self, region: str, side: str) -> None:
        """Mark or unmark a region for the current symptom, as a click does, and emit marksChanged."""
        if region not in self._region_order or side not in SIDES:
            raise ValueError(f"unknown region or side: {region!r}, {side!r}")
        marked = self._marks[self._symptom][side]
        if region in marked:
            marked.remove(region)
        else:
            marked.add(region)
        self.update()
        self.marksChanged.emit(self._symptom, self.marks(self._symptom))

    def map_to_widget(self, x: float, y: float) -> QPointF:
        """Where a point of the map (map units) is drawn in widget coordinates."""
        self._ensure_geometry()
        return self._transform.map(QPointF(x, y))

    def widget_to_map(self, point: QPointF) -> tuple[float, float]:
        """The map point (map units) under a widget position."""
        self._ensure_geometry()
        inverse, _ok = self._transform.inverted()
        mapped = inverse.map(point)
        return mapped.x(), mapped.y()

    def region_at(self, point: QPointF) -> tuple[str, str] | None:
        """(region, side) under a widget position, or None."""
        return self._map.hit(*self.widget_to_map(point))

    def describe(self, region: str, side: str) -> str:
        """The hover text for a region, e.g. "Right - Heel" (labels from the questionnaire)."""
        q, language = self._questionnaire, self.language
        return f"{q.side_label(side, language)} - {q.region_label(region, language)}"

    # --- size ----------------------------------------------------------------------------------
    # The map keeps its proportions by painting centred in whatever box it gets, so it does not ask
    # layouts for height-for-width (which could push a window past the bottom of a 768-pixel screen).

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        """The height at which a map `width` pixels wide is limited by neither side."""
        inner = max(width - 2 * MARGIN, 1)
        return round(inner * self._map.height / self._map.width) + LEGEND_HEIGHT + 2 * MARGIN

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(440, 640)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(280, 420)

    # --- events --------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        # A hidden map gets its resize event only when first shown or drawn: drawing prepared at that
        # size already (prepare_steps) is kept.
        if event.size() != self._cached_size:
            self._cached_size = QSize()
            self._under = self._over = None
            self._captions = None
        super().resizeEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        hit = self.region_at(event.position())
        if hit != self._hover:
            self._hover = hit
            self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
            if hit is None:
                QToolTip.hideText()
            elif QToolTip.isVisible():  # keep an open tooltip in step with the region under the pointer
                QToolTip.showText(event.globalPosition().toPoint(), self.describe(*hit), self)
            self.update()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.region_at(event.position())
            if hit is not None:
                self.toggle(*hit)
                event.accept()
                return
        super().mousePressEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.region_at(QPointF(event.pos()))
            caption = next((c for c in self.captions() if c.rect.contains(QPointF(event.pos()))), None)
            if hit is not None:
                QToolTip.showText(event.globalPos(), self.describe(*hit), self)
            elif caption is not None:  # "Dcha.": the whole word
                QToolTip.showText(event.globalPos(), caption.full, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._under = self._over = None  # the titles and labels are drawn in the widget's font
            self._captions = None
        if event.type() == QEvent.Type.EnabledChange:
            self._hover = None
            self.update()
        super().changeEvent(event)

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        self._ensure_geometry()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), PAPER)
        if not self.isEnabled():
            painter.setOpacity(0.6)
        under, over = self._layers()
        painter.drawPixmap(0, 0, under)
        self._paint_regions(painter)
        painter.drawPixmap(0, 0, over)
        self._paint_legend(painter)
        painter.end()

    def prepare_steps(self) -> Iterator[None]:
        """Everything the first paint needs, a few milliseconds a step: the shapes (a dozen per step), then,
        at the present size, their mapping and each of the two layers. The window runs these in idle time
        while the map is hidden, so its first paint only puts the layers together. Whatever is not prepared
        when the map is painted is made then."""
        yield from self._base_steps()
        if self.size().isEmpty():
            return
        self._ensure_geometry()
        yield
        if self._under is None:
            self._under = self._layer(self._paint_under)
            yield
        if self._over is None:
            self._over = self._layer(self._paint_over)

    def _base_steps(self) -> Iterator[None]:
        """The shapes and outlines in map units, made once, a dozen a step."""
        shapes, outlines = self._map.shapes, self._map.outlines
        while len(self._base_polygons) < len(shapes):
            start = len(self._base_polygons)
            self._base_polygons.extend(_polygon(shape.points) for shape in shapes[start:start + BASE_CHUNK])
            yield
        while len(self._base_outlines) < len(outlines):
            start = len(self._base_outlines)
            self._base_outlines.extend((_polygon(points), points[0] == points[-1])
                                       for points in outlines[start:start + BASE_CHUNK])
            yield

    def _layers(self) -> tuple[QPixmap, QPixmap]:
        """The unchanging drawing under and over the marks, for the present size."""
        if self._under is None:
            self._under = self._layer(self._paint_under)
        if self._over is None:
            self._over = self._layer(self._paint_over)
        return self._under, self._over

    def _layer(self, paint: Callable[[QPainter, float], None]) -> QPixmap:
        """One layer drawn at the present size (and the screen's pixel ratio)."""
        self._ensure_geometry()
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        layer = QPainter(pixmap)
        layer.setRenderHint(QPainter.RenderHint.Antialiasing)
        layer.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        paint(layer, self._transform.m11())
        layer.end()
        return pixmap

    def _paint_under(self, painter: QPainter, scale: float) -> None:
        self._paint_views(painter, scale)
        self._paint_body(painter)
        edge = QPen(REGION_EDGE, 0.8)
        painter.setPen(edge)
        painter.setBrush(REGION_FILL)
        for polygon in self._polygons:
            painter.drawPolygon(polygon)

    def _paint_over(self, painter: QPainter, scale: float) -> None:
        self._paint_outlines(painter, scale)
        self._paint_labels(painter, scale)

    def _paint_views(self, painter: QPainter, scale: float) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(9, round(self._map.title_size * scale)))
        painter.setFont(font)
        for view in self._map.views:
            rect = self._transform.mapRect(QRectF(view.x, view.y, view.width, view.height))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(VIEW_BACKGROUND)
            radius = max(3.0, 10 * scale)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)
            painter.setPen(TITLE_TEXT)
            # A small map gets smaller titles, never cut ones; too small to read, a title is left out.
            fitted = QFont(font)
            room = rect.width() - 4
            while fitted.pixelSize() > 6 and QFontMetricsF(fitted).horizontalAdvance(view.label) > room:
                fitted.setPixelSize(fitted.pixelSize() - 1)
            if QFontMetricsF(fitted).horizontalAdvance(view.label) > room:
                continue
            painter.setFont(fitted)
            title_rect = QRectF(rect.left(), rect.top() + 3 * scale, rect.width(), 34 * scale)
            painter.drawText(title_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                             view.label)

    def _paint_body(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BODY_FILL)
        for polygon, closed in self._outline_polygons:
            if closed:
                painter.drawPolygon(polygon)

    def _paint_regions(self, painter: QPainter) -> None:
        """The marks and the hovered region over the empty regions of the layer below."""
        hover = self._hover if self.isEnabled() else None
        for shape, polygon in zip(self._map.shapes, self._polygons, strict=True):
            key = (shape.region, shape.side)
            marked = [s for s in self._symptoms if shape.region in self._marks[s][shape.side]]
            if not marked and key != hover:
                continue  # drawn empty in the layer below
            current = self._symptom in marked
            style = self._style(self._symptom)
            if current:
                fill = QColor(style.colour)
                fill.setAlpha(205)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawPolygon(polygon)
            for other in marked:
                if other == self._symptom:
                    continue
                other_style = self._style(other)
                colour = QColor("#ffffff") if current else QColor(other_style.colour)
                if not current:
                    tint = QColor(other_style.colour)
                    tint.setAlpha(28)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(tint)
                    painter.drawPolygon(polygon)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(colour, other_style.hatch))
                painter.drawPolygon(polygon)
            if key == self._hover and self.isEnabled():
                highlight = QColor(style.colour)
                highlight.setAlpha(70 if not current else 0)
                painter.setBrush(highlight)
                painter.setPen(QPen(QColor(style.colour).darker(130), 2.2))
                painter.drawPolygon(polygon)
            elif current:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor(style.colour).darker(140), 1.0))
                painter.drawPolygon(polygon)

    def _paint_outlines(self, painter: QPainter, scale: float) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pen = QPen(OUTLINE, max(1.0, 2.2 * scale))
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for polygon, _closed in self._outline_polygons:
            painter.drawPolyline(polygon)

    def _paint_labels(self, painter: QPainter, _scale: float) -> None:
        painter.setPen(LABEL_TEXT)
        for caption in self.captions():
            painter.setFont(caption.font)
            painter.drawText(caption.rect, Qt.AlignmentFlag.AlignCenter, caption.text)

    def captions(self) -> list[Caption]:
        """The side captions as drawn at the present size. Under each view its captions keep inside the view
        and CAPTION_GAP apart: the whole words at the map's size where they fit, else their short forms
        (SHORT_SIDE_WORDS), else smaller, down to MIN_CAPTION_PX; a view with no room at all has none."""
        if self._captions is None or self._cached_size != self.size():
            self._ensure_geometry()
            views = {view.id: view for view in self._map.views}
            groups: dict[str, list[MapLabel]] = {}
            for label in self._map.labels:
                groups.setdefault(label.view, []).append(label)
            self._captions = []
            for view_id, labels in groups.items():
                view = views.get(view_id)
                room = (self._transform.mapRect(QRectF(view.x, view.y, view.width, view.height)) if view is not None
                        else QRectF(self.rect()))
                self._captions += self._fit_captions(sorted(labels, key=lambda label: label.x), room)
        return self._captions

    def _fit_captions(self, labels: list[MapLabel], room: QRectF) -> list[Caption]:
        scale = self._transform.m11()
        short = SHORT_SIDE_WORDS.get(self.language, {})
        full = [label.text for label in labels]
        shortened = [short.get(label.side, label.text) for label in labels]
        wordings = [full] if shortened == full else [full, shortened]
        largest = max(MIN_CAPTION_PX, round(max(label.size for label in labels) * scale))
        for size in range(largest, MIN_CAPTION_PX - 1, -1):
            for words in wordings if size == largest else wordings[-1:]:
                font = QFont(self.font())
                font.setPixelSize(size)
                font.setBold(True)
                metrics = QFontMetricsF(font)
                rects = []
                for label, text in zip(labels, words, strict=True):
                    centre = self._transform.map(QPointF(label.x, label.y))
                    width = metrics.horizontalAdvance(text)
                    rects.append(QRectF(centre.x() - width / 2, centre.y() - metrics.height() / 2, width,
                                        metrics.height()))
                inside = all(room.left() <= r.left() and r.right() <= room.right() for r in rects)
                apart = all(b.left() - a.right() >= CAPTION_GAP for a, b in pairwise(rects))
                if inside and apart:
                    return [Caption(label.side, text, whole, font, rect)
                            for label, text, whole, rect in zip(labels, words, full, rects, strict=True)]
        return []

    def _paint_legend(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(11, min(15, round(26 * self._transform.m11()))))
        map_rect = self._transform.mapRect(QRectF(0, 0, self._map.width, self._map.height))
        top = map_rect.bottom() + 6
        items: list[tuple[str, float]] = []
        for symptom in self._symptoms:
            item_font = QFont(font)
            item_font.setBold(symptom == self._symptom)
            width = 16 + 5 + QFontMetricsF(item_font).horizontalAdvance(self._legend_name(symptom))
            items.append((symptom, width))
        gap = 18.0
        total = sum(w for _s, w in items) + gap * (len(items) - 1)
        x = map_rect.center().x() - total / 2
        for symptom, width in items:
            style = self._style(symptom)
            swatch = QRectF(x, top + (LEGEND_HEIGHT - 8 - 14) / 2, 16, 14)
            painter.setPen(QPen(QColor(style.colour).darker(130), 1.0))
            if symptom == self._symptom:
                fill = QColor(style.colour)
                fill.setAlpha(205)
                painter.setBrush(fill)
            else:
                painter.setBrush(QBrush(QColor(style.colour), style.hatch))
            painter.drawRect(swatch)
            item_font = QFont(font)
            item_font.setBold(symptom == self._symptom)
            painter.setFont(item_font)
            painter.setPen(LABEL_TEXT)
            text_rect = QRectF(x + 21, top, width - 21, LEGEND_HEIGHT - 8)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             self._legend_name(symptom))
            x += width + gap

    # --- helpers -------------------------------------------------------------------------------

    def _legend_name(self, symptom: str) -> str:
        return self._legend_names.get(symptom) or self._style(symptom).name or symptom

    def _style(self, symptom: str) -> SymptomStyle:
        return SYMPTOM_STYLES.get(symptom, _FALLBACK_STYLE)

    def _check_symptom(self, name: str) -> None:
        if name not in self._marks:
            raise ValueError(f"unknown symptom {name!r}; expected one of {list(self._symptoms)}")

    def _ensure_geometry(self) -> None:
        """Fit the map into the widget (keeping its aspect) and map every polygon once per size."""
        if self._cached_size == self.size() and self._polygons:
            return
        self._cached_size = self.size()
        avail_w = max(self.width() - 2 * MARGIN, 1)
        avail_h = max(self.height() - 2 * MARGIN - LEGEND_HEIGHT, 1)
        scale = min(avail_w / self._map.width, avail_h / self._map.height)
        dx = (self.width() - self._map.width * scale) / 2
        dy = MARGIN + (avail_h - self._map.height * scale) / 2
        self._transform = QTransform(scale, 0, 0, scale, dx, dy)
        for _step in self._base_steps():  # what idle time has not made yet (see prepare_steps)
            pass
        self._polygons = [self._transform.map(polygon) for polygon in self._base_polygons]
        self._outline_polygons = [(self._transform.map(polygon), closed) for polygon, closed in self._base_outlines]


def _polygon(points: Sequence[tuple[float, float]]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])

