"""The busy bar waits before it shows (issue 14: no flash and relayout of the status bar for a 5-10 ms search).

The delay is a timer the test hands in and fires itself: no sleeps, no real clock."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from intake_app.gui.busy import SHOW_AFTER_MS, BusyIndicator

pytestmark = pytest.mark.gui


class FakeRunner(QObject):
    """What the indicator listens to on a TaskRunner."""

    busy_changed = Signal(bool, str)


class ManualTimer(QTimer):
    """A single-shot timer that fires only when the test says the time has come."""

    def __init__(self) -> None:
        super().__init__()
        self.started = 0

    def start(self, *_args: Any) -> None:  # type: ignore[override]
        self.started += 1
        self._running = True

    def stop(self) -> None:
        self._running = False

    def isActive(self) -> bool:  # type: ignore[override]  # noqa: N802 (Qt override)
        return getattr(self, "_running", False)

    def elapse(self) -> None:
        """The interval has passed: fire if still started."""
        if self.isActive():
            self._running = False
            self.timeout.emit()


def indicator_with(qtbot: Any) -> tuple[BusyIndicator, ManualTimer, FakeRunner, FakeRunner]:
    timer = ManualTimer()
    indicator = BusyIndicator(delay=timer)
    qtbot.addWidget(indicator)
    indicator.show()  # as in the status bar: its own visibility is what the bar's state sets
    indicator.hide()
    first, second = FakeRunner(), FakeRunner()
    indicator.track(first)  # type: ignore[arg-type]
    indicator.track(second)  # type: ignore[arg-type]
    return indicator, timer, first, second


def test_the_busy_bar_is_not_shown_for_a_task_that_finishes_in_under_300_ms(qtbot: Any) -> None:
    """Finding: the bar appeared and animated for every search of 5-10 ms, moving the status bar each time."""
    indicator, timer, runner, _other = indicator_with(qtbot)
    labels: list[str] = []
    indicator.changed.connect(labels.append)
    runner.busy_changed.emit(True, "Searching...")
    assert indicator.running == 1 and indicator.label() == "Searching..." and labels == ["Searching..."]
    assert indicator.isHidden() and timer.interval() == SHOW_AFTER_MS == 300 and timer.isActive()
    runner.busy_changed.emit(False, "")  # done before the delay ran out
    assert not timer.isActive()
    timer.elapse()  # nothing left to fire
    assert indicator.isHidden() and indicator.running == 0 and labels == ["Searching...", ""]


def test_the_busy_bar_shows_once_work_has_gone_on_past_the_delay_and_goes_when_all_work_ends(qtbot: Any) -> None:
    indicator, timer, first, second = indicator_with(qtbot)
    first.busy_changed.emit(True, "Building the referral...")
    second.busy_changed.emit(True, "Saving draft...")  # more work while busy: the delay is not restarted
    assert timer.started == 1
    timer.elapse()
    assert not indicator.isHidden() and indicator.label() == "Saving draft..."
    second.busy_changed.emit(False, "")
    assert not indicator.isHidden() and indicator.running == 1  # the other runner still works
    assert indicator.label() == "Building the referral..."
    first.busy_changed.emit(False, "")
    assert indicator.isHidden()
    first.busy_changed.emit(True, "Searching...")  # a new stretch of work waits again
    assert timer.started == 2 and indicator.isHidden()
