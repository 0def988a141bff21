"""The leg and foot map for patients: the desk's map widget, with its words in the patient's
language, and beside it the same places as big buttons for the keyboard and screen readers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from intake_app.domain.body_map import BodyMap, load_body_map
from intake_app.domain.questionnaire import SIDES, Question, Questionnaire
from intake_app.gui.body_map import BodyMapWidget
from intake_app.gui.patient.controls import OptionList
from intake_app.gui.patient.style import patient_font


class PatientBodyMap(BodyMapWidget):
    """The desk's map widget with its titles and Left/Right labels in the patient's language."""

    def __init__(self, questionnaire: Questionnaire, language: str, parent: QWidget | None = None) -> None:
        self._language = language
        super().__init__(parent, body_map=self._translated(load_body_map(), questionnaire, language),
                         questionnaire=questionnaire, language=language)  # its captions' short forms too
        # The legend's words (the map widget draws them through tr(), in this class's context first).
        self.symptom_names = {"pain": self.tr("Pain"), "numbness": self.tr("Numbness"),
                              "tingling": self.tr("Pins and needles")}
        self.setAccessibleName(self.tr("Drawing of your legs and feet"))
        self.setAccessibleDescription(self.tr(
            "Touch a place on the drawing to mark it, and touch it again to clear it. "
            "The buttons beside the drawing mark the same places."))

    def _translated(self, body_map: BodyMap, questionnaire: Questionnaire, language: str) -> BodyMap:
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
            replace(label, text=questionnaire.side_label(label.side, language)) if label.side in SIDES else label
            for label in body_map.labels
        )
        return replace(body_map, views=views, labels=labels)

    def describe(self, region: str, side: str) -> str:
        q = self._questionnaire
        return f"{q.side_label(side, self._language)} - {q.region_label(region, self._language)}"


class RegionPicker(QWidget):
    """Where a symptom is, on the map (the main way) and in one list of places per leg."""

    changed = Signal(object)

    def __init__(self, questionnaire: Questionnaire, question: Question, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._question = question
        self.map = PatientBodyMap(questionnaire, language, self)
        self.map.set_symptom(question.id)
        self.map.setMinimumSize(360, 360)
        self.lists: dict[str, OptionList] = {}
        column = QWidget(self)
        column.setObjectName("pageBody")
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 12, 0)
        regions = [(r.value, r.label.text(language)) for r in questionnaire.regions]
        for side in SIDES:
            caption = QLabel(self._side_caption(side), column)
            caption.setFont(patient_font(1.0, bold=True))
            caption.setWordWrap(True)
            column_layout.addWidget(caption)
            places = OptionList(regions, column, multiple=True, description=self._side_caption(side))
            places.changed.connect(partial(self._list_changed, side))
            self.lists[side] = places
            column_layout.addWidget(places)
        column_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(360)
        scroll.setAccessibleName(self.tr("Places to choose from"))
        scroll.setAccessibleDescription(self.tr("The same places as on the drawing, as a list for each leg."))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.map, 3)
        row.addWidget(scroll, 2)
        self.map.marksChanged.connect(self._map_changed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # Modest, so that the page fits a 1280x800 screen without scrolling; the map grows into
        # whatever room the page has.
        return QSize(900, 400)

    def _side_caption(self, side: str) -> str:
        return self.tr("Left leg") if side == "left" else self.tr("Right leg")

    def value(self) -> dict[str, list[str]] | None:
        marks = {side: regions for side, regions in self.map.marks(self._question.id).items() if regions}
        return marks or None

    def set_value(self, value: Any) -> None:
        marks = value if isinstance(value, Mapping) else {}
        self.map.set_marks(self._question.id, {side: list(marks.get(side) or ()) for side in SIDES})
        for side in SIDES:
            self.lists[side].set_value(list(marks.get(side) or ()))

    def _map_changed(self, symptom: str, marks: dict[str, list[str]]) -> None:
        for side in SIDES:
            self.lists[side].set_value(marks.get(side, []))
        self.changed.emit(self.value())

    def _list_changed(self, side: str, _value: object = None) -> None:
        current = self.map.marks(self._question.id)
        current[side] = list(self.lists[side].value() or [])
        self.map.set_marks(self._question.id, current)
        self.changed.emit(self.value())
