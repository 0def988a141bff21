"""One busy indicator for the whole window, fed by every task runner.

Each runner reports when it starts and finishes work; the indicator counts as busy while any of them is
(the first runner to finish no longer ends the busy state while another is still working) and says what the
most recently started task is doing.

The moving bar itself appears only once the work has gone on for `SHOW_AFTER_MS`: most tasks (a search, a
draft save) finish in a few milliseconds, and a bar flashed on and off for each of them moved the status bar,
relaid it out and animated for nothing, several times a second while typing. `running`, `label()` and
`changed` follow the work at once; only the bar waits.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QWidget

from intake_app.gui.tasks import TaskRunner

#: Work shorter than this never shows the bar.
SHOW_AFTER_MS = 300


class BusyIndicator(QProgressBar):
    """A moving bar, visible once at least one tracked runner has had work for SHOW_AFTER_MS;
    `changed(label)` for the status."""

    changed = Signal(str)  # what is being done now ("" when idle)

    def __init__(self, parent: QWidget | None = None, *, delay: QTimer | None = None) -> None:
        """`delay`: the single-shot timer that shows the bar (made here unless given; tests pass their own)."""
        super().__init__(parent)
        self.setRange(0, 0)
        self.setMaximumWidth(120)
        self.setTextVisible(False)
        self.setAccessibleName(self.tr("Working"))
        self.setVisible(False)
        self._busy: dict[int, str] = {}  # id(runner) -> label of its current task
        self._order: list[int] = []
        self._delay = delay if delay is not None else QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SHOW_AFTER_MS)
        self._delay.timeout.connect(self._show_if_still_busy)

    def track(self, runner: TaskRunner) -> None:
        key = id(runner)
        runner.busy_changed.connect(lambda busy, label: self._update(key, busy, label))

    @property
    def running(self) -> int:
        """How many runners are busy now."""
        return len(self._busy)

    def label(self) -> str:
        return self._busy[self._order[-1]] if self._order else ""

    def _update(self, key: int, busy: bool, label: str) -> None:
        was_busy = bool(self._busy)
        if busy:
            self._busy[key] = label
            if key in self._order:
                self._order.remove(key)
            self._order.append(key)
        else:
            self._busy.pop(key, None)
            if key in self._order:
                self._order.remove(key)
        if self._busy and not was_busy:
            self._delay.start()  # a new stretch of work: the bar shows if it is still going on then
        elif not self._busy:
            self._delay.stop()
            if not self.isHidden():
                self.setVisible(False)
        self.changed.emit(self.label())

    def _show_if_still_busy(self) -> None:
        if self._busy and self.isHidden():
            self.setVisible(True)
