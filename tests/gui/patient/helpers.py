"""Driving patient mode the way a patient does: touching buttons, the map and the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from intake_app.domain.body_map import load_body_map
from intake_app.gui.patient import PatientMode, PatientResult
from intake_app.gui.patient.body_map import RegionPicker
from intake_app.gui.patient.controls import NumberEntry, OptionList, ScoreScale, TextAnswer
from intake_app.gui.patient.pages import QuestionPage

WAIT_MS = 5000
STAFF_DRAFT = {"age_years": 46}  # what the desk's start_intake puts in the draft


@dataclass
class Desk:
    """The staff side: sign-in answers, saved drafts, red flags seen."""

    sign_in_ok: bool = False
    sign_ins: int = 0
    saved: list[PatientResult] = field(default_factory=list)

    def sign_in(self, _parent: QWidget) -> bool:
        self.sign_ins += 1
        return self.sign_in_ok


OPENED: list[tuple[PatientMode, Desk]] = []


def open_mode(qtbot: QtBot, desk: Desk, clock: Callable[[], float] | None = None, **kwargs: Any) -> PatientMode:
    extra: dict[str, Any] = {"clock": clock} if clock is not None else {}
    mode = PatientMode(dict(STAFF_DRAFT), staff_sign_in=desk.sign_in, save_draft=desk.saved.append, **extra, **kwargs)
    qtbot.addWidget(mode)
    OPENED.append((mode, desk))
    mode.resize(1280, 800)
    mode.show()
    qtbot.waitExposed(mode)
    return mode


def close_for_good(mode: PatientMode, desk: Desk) -> None:
    """Teardown: staff sign in so the window may close."""
    desk.sign_in_ok = True
    mode.close()


def touch(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def touch_map(qtbot: QtBot, picker: RegionPicker, region: str, side: str) -> None:
    shape = load_body_map().shapes_for(region, side)[0]
    point = picker.map.map_to_widget(*shape.centroid)
    qtbot.mouseClick(picker.map, Qt.MouseButton.LeftButton, pos=QPoint(round(point.x()), round(point.y())))


def question_page(mode: PatientMode) -> QuestionPage:
    page = mode.page()
    assert isinstance(page, QuestionPage), mode.page_kind()
    return page


def default_answer(page: QuestionPage) -> Any:
    """What the walk answers when the plan says nothing: "no" to a safety question, else the first option."""
    question = page.step.question
    if question.red_flag:
        return "no"
    if question.type == "integer":
        return (question.minimum or 0) + 2
    if question.type in ("text", "per_side_text"):
        return "Walking stick"
    if question.type == "per_side_regions":
        return None
    return question.options[0].value if question.type != "multi" else [question.options[0].value]


def answer(qtbot: QtBot, page: QuestionPage, value: Any) -> None:
    """Give `value` the way a patient would on this page."""
    control = page.control
    if value is None:
        return
    if isinstance(control, OptionList):
        for v in value if isinstance(value, list) else [value]:
            touch(qtbot, control.button(v))
    elif isinstance(control, ScoreScale):
        touch(qtbot, control.buttons()[value])
    elif isinstance(control, NumberEntry):
        control.spin.setFocus()
        qtbot.keyClicks(control.spin, str(value))
    elif isinstance(control, TextAnswer):
        qtbot.keyClicks(control.edit, value)
    elif isinstance(control, RegionPicker):
        for side, regions in value.items():
            for region in regions:
                touch_map(qtbot, control, region, side)
    else:
        raise AssertionError(f"no way to answer {type(control).__name__}")


def walk(qtbot: QtBot, mode: PatientMode, language: str, plan: dict[str, Any],
         on_page: Callable[[PatientMode], None] | None = None) -> PatientResult:
    """From the language page to the finished draft, answering from `plan` (keys "field" or "field.side")."""
    touch(qtbot, mode.page().buttons[language])  # type: ignore[attr-defined]
    touches = 1
    pages = 1
    while mode.page_kind() in ("question", "tell_desk"):
        if on_page is not None:
            on_page(mode)
        if mode.page_kind() == "tell_desk":
            touch(qtbot, mode.page().buttons[0])  # type: ignore[attr-defined]
        else:
            page = question_page(mode)
            value = plan.get(page.step.key, plan.get(page.step.question.id, default_answer(page)))
            answer(qtbot, page, value)
            touches += len(value) if isinstance(value, list | dict) else (1 if value is not None else 0)
            touch(qtbot, mode.next_button)
        touches += 1
        pages += 1
    assert mode.page_kind() == "review"
    if on_page is not None:
        on_page(mode)
    with qtbot.waitSignal(mode.finished, timeout=WAIT_MS) as finished:
        touch(qtbot, mode.next_button)
    mode.walk_counts = (pages + 1, touches + 1)  # type: ignore[attr-defined]
    result = finished.args[0]
    assert isinstance(result, PatientResult)
    return result


def visible_buttons(widget: QWidget) -> list[QAbstractButton]:
    return [b for b in widget.findChildren(QAbstractButton) if b.isVisibleTo(widget)]


def app() -> QApplication:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    return instance
