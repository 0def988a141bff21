"""Opening an intake into the page the window built in idle time (issue 14, target 4: no stall over a frame).

Findings: the first intake opened sized and placed about 140 widgets (the idle build laid out only the
form's first section, and a new intake opens on "Where it hurts"); and opening an intake filled the page,
showed it and drew all of it in one turn of the event loop (20-50 ms). The page now draws its header, its
form, and its map and result in the turns after it comes forward; it is filled, and takes keys, at once."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from intake_app.domain import parse_document
from intake_app.domain.records import IntakeRecord
from intake_app.gui.intake_page import IntakePage
from intake_app.gui.question_row import QuestionRow
from intake_app.settings import Settings
from tests.conftest import synthetic_document
from tests.gui.stacked_page import Window, shown_window

pytestmark = pytest.mark.gui


def record(intake_id: int, family: str, **answers: Any) -> IntakeRecord:
    """A draft as the clinic hands it to the window (synthetic patient)."""
    raw = synthetic_document(**answers)
    raw["patient"]["family_name"] = family
    now = dt.datetime(2026, 1, 5, 9, 0)
    return IntakeRecord(id=intake_id, patient_id=intake_id, status="draft", document=parse_document(raw),
                        rules_version=None, level=None, tier=None, red_flags_not_asked=True, red_flag_ack_by=None,
                        red_flag_ack_at=None, created_at=now, updated_at=now, completed_at=None)


CLINIC: Any = SimpleNamespace(settings=Settings())


def open_in_front(window: Window, intake: IntakeRecord) -> IntakePage:
    """What the window does with an intake the clinic handed over: fill the page, bring it forward, focus."""
    page = window.page
    page.open_record(CLINIC, intake)
    window.stack.setCurrentWidget(page)
    page.focus_first_question()
    return page


def back_to_the_list(window: Window) -> None:
    window.page.close_record()
    window.stack.setCurrentWidget(window.front)
    QApplication.processEvents()


class Events(QObject):
    """Counts the events of the given types each watched widget gets."""

    def __init__(self, *types: QEvent.Type) -> None:
        super().__init__()
        self.types = types
        self.counts: dict[int, int] = {}

    def watch(self, *widgets: QWidget) -> Events:
        for widget in widgets:
            widget.installEventFilter(self)
        return self

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in self.types:
            self.counts[id(watched)] = self.counts.get(id(watched), 0) + 1
        return False

    def of(self, widget: QWidget) -> int:
        return self.counts.get(id(widget), 0)

    def total(self) -> int:
        return sum(self.counts.values())


@pytest.fixture
def built(qtbot: QtBot) -> Window:
    """The window with the intake page built and settled in idle steps, as at the first 'New intake'."""
    window = shown_window(qtbot, build_now=False)
    for _step in window.page.build_steps():
        QApplication.processEvents()
    assert window.page.settled
    return window


def test_the_first_intake_opens_on_a_section_the_idle_build_already_placed(qtbot: QtBot, built: Window) -> None:
    """Finding: the idle build placed only the form's first section (a stack places only the page in front);
    the first intake opens on "Where it hurts", and showing it sized and moved its ~140 widgets then."""
    page = built.page
    moves = Events(QEvent.Type.Resize, QEvent.Type.Move).watch(*page.form.findChildren(QuestionRow))
    paints = Events(QEvent.Type.Paint).watch(page.map)
    page.open_record(CLINIC, record(1, "Firstopen"))
    assert page.form.current_section() == "where"
    built.stack.setCurrentWidget(page)
    qtbot.waitUntil(lambda: paints.of(page.map) == 1)
    QApplication.processEvents()
    assert page.form.row("pain").isVisible()
    assert moves.total() == 0


@pytest.mark.parametrize("again", [False, True], ids=["first", "again"])
def test_the_page_comes_forward_then_draws_its_header_form_and_result_a_turn_apart(
    qtbot: QtBot, built: Window, again: bool
) -> None:
    """Finding: filling the page, showing it and drawing all of it were one turn of the event loop, and then
    its header in that turn and the whole workspace in the next (each the longest stall of an open). The
    turn that shows the page draws none of it; then the header (whose intake this is), then the form, then
    the map and the result, each piece once."""
    page = built.page
    if again:
        earlier = Events(QEvent.Type.Paint).watch(page.map)
        open_in_front(built, record(1, "Earlier"))
        qtbot.waitUntil(lambda: earlier.of(page.map) == 1)
        back_to_the_list(built)
    stages = StageOfPaints(page)
    open_in_front(built, record(2, "Later"))
    QApplication.processEvents()  # the turn that showed the page
    assert stages.seen == []
    qtbot.waitUntil(lambda: not page.paint_hold.held, timeout=3000)
    qtbot.waitUntil(lambda: len(stages.seen) >= 4, timeout=3000)
    for _turn in range(3):
        QApplication.processEvents()
    # Each piece drawn once, in the stage that let it go (1: the header, 2: the form, 3: map and result).
    assert sorted(stages.seen) == [("map", 3), ("nav", 2), ("panel", 3), ("title", 1)]


class StageOfPaints(QObject):
    """Which of the page's hold stages had been let go when each watched widget was drawn."""

    def __init__(self, page: IntakePage) -> None:
        super().__init__()
        self.page = page
        self.names = {id(page.title): "title", id(page.form.nav): "nav", id(page.map): "map", id(page.panel): "panel"}
        self.seen: list[tuple[str, int]] = []
        for widget in (page.title, page.form.nav, page.map, page.panel):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.seen.append((self.names[id(watched)], self.page.paint_hold.drawn_stages))
        return False


def test_keys_typed_before_the_workspace_is_drawn_are_kept_in_the_intake_opened(qtbot: Any, built: Window) -> None:
    """Nothing lost: the page is filled with the intake opened before any key is handled, so a person who
    types at once types into that intake, and sees it (never the one before) when the workspace is drawn."""
    page = built.page
    open_in_front(built, record(1, "Before", pain={"right": ["heel"]}, onset="sudden"))
    qtbot.waitUntil(lambda: not page.paint_hold.held)
    back_to_the_list(built)
    page.open_record(CLINIC, record(2, "Opened"))
    built.stack.setCurrentWidget(page)
    page.focus_first_question()
    assert page.paint_hold.held  # the workspace is not drawn yet
    assert page.form.answers_view().get("pain") is None and page.map.marks("pain") == {"left": [], "right": []}
    typing = QApplication.focusWidget()
    assert typing is not None and page.form.row("pain").isAncestorOf(typing)
    with qtbot.waitSignal(page.assessed, timeout=3000):
        qtbot.keyClicks(typing, "arch")
        qtbot.keyClick(typing, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.paint_hold.held)
    assert page.form.answers()["pain"] == {"right": ["arch"]}
    assert page.map.marks("pain")["right"] == ["arch"]
    assert page.record is not None and page.record.id == 2 and page.dirty
    assert "Opened" in page.title.text()


def test_leaving_before_the_workspace_is_drawn_lets_it_draw_next_time(qtbot: QtBot, built: Window) -> None:
    page = built.page
    open_in_front(built, record(1, "Quickly"))
    back_to_the_list(built)
    assert not page.paint_hold.held and page.pages.updatesEnabled()
    open_in_front(built, record(2, "Again"))
    qtbot.waitUntil(lambda: not page.paint_hold.held)
    assert page.pages.updatesEnabled()


def test_the_idle_build_leaves_the_result_panel_as_a_new_intake_shows_it(qtbot: QtBot, built: Window) -> None:
    """Finding: the result panel was built empty and got its first words ("not screened yet"), its level
    chip's style and its reasons in the turn that opened the first intake. The idle build sets them, so the
    first new intake finds the panel as it must show it and changes nothing in it."""
    page = built.page
    chip = page.panel.level
    assert chip.property("level") == "none" and chip.text()
    changes = Events(QEvent.Type.DynamicPropertyChange, QEvent.Type.StyleChange, QEvent.Type.FontChange).watch(chip)
    reasons = page.panel.reasons.toPlainText()
    open_in_front(built, record(1, "Firstopen"))
    qtbot.waitUntil(lambda: not page.paint_hold.held)
    assert page.assessment is None
    assert changes.total() == 0
    assert page.panel.reasons.toPlainText() == reasons
