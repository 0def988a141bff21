"""Three minutes without a touch: "Are you still there?"; a minute later the draft is saved and a
start page shows nothing of the intake. The clock is injected; nothing sleeps."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from intake_app.gui.patient import IDLE_PROMPT_S, IDLE_SAVE_S
from tests.gui.patient.helpers import Desk, close_for_good, open_mode, question_page, touch


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_idle_asks_then_saves_and_shows_a_blank_start_page(qtbot: QtBot) -> None:
    clock, desk = Clock(), Desk()
    mode = open_mode(qtbot, desk, clock=clock)
    touch(qtbot, mode.page().buttons["en"])  # type: ignore[attr-defined]
    touch(qtbot, question_page(mode).control.lists["right"].button("heel"))
    clock.now += IDLE_PROMPT_S - 1
    mode.check_idle()
    assert mode.page_kind() == "question"
    clock.now += 1
    mode.check_idle()
    assert mode.page_kind() == "still_there"
    clock.now += IDLE_SAVE_S - 1
    mode.check_idle()
    assert mode.page_kind() == "still_there" and desk.saved == []
    with qtbot.waitSignal(mode.saved, timeout=2000):
        clock.now += 1
        mode.check_idle()
    assert mode.page_kind() == "start"
    assert desk.saved[0].answers["pain"] == {"right": ["heel"]}
    assert desk.saved[0].entered_by["pain"] == "patient"
    shown = " ".join(label.text() for label in mode.findChildren(QLabel) if label.isVisibleTo(mode))
    assert "heel" not in shown.lower() and "pain" not in shown.lower() and "hurt" not in shown.lower()
    assert not mode.back_button.isVisible() and not mode.next_button.isVisible()
    clock.now += 10 * IDLE_PROMPT_S
    mode.check_idle()  # nothing more happens on the start page
    assert len(desk.saved) == 1
    close_for_good(mode, desk)


def test_a_touch_resets_the_idle_time_and_the_patient_can_carry_on(qtbot: QtBot) -> None:
    clock, desk = Clock(), Desk()
    mode = open_mode(qtbot, desk, clock=clock)
    touch(qtbot, mode.page().buttons["es"])  # type: ignore[attr-defined]
    clock.now += IDLE_PROMPT_S - 10
    touch(qtbot, mode.next_button)  # a touch
    clock.now += 20
    mode.check_idle()
    assert mode.page_kind() == "question"
    clock.now += IDLE_PROMPT_S
    mode.check_idle()
    assert mode.page_kind() == "still_there"
    assert mode.page().buttons[0].caption() == "Sí, aquí estoy"  # type: ignore[attr-defined]
    touch(qtbot, mode.page().buttons[0])  # type: ignore[attr-defined]
    assert question_page(mode).step.key == "numbness"
    assert desk.saved == []
    close_for_good(mode, desk)
