"""One busy indicator for the whole window, fed by every task runner.

Each runner reports when it starts and finishes work; the indicator stays on while any of them is busy
(the first runner to finish no longer hides the bar while another is still working) and shows what the
most recently started task is doing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressBar, QWidget

from intake_app.gui.tasks import TaskRunner


class BusyIndicator(QProgressBar):
    """A moving bar, visible while at least one tracked runner has work; `changed(label)` for the status."""

    changed = Signal(str)  # what is being done now ("" when idle)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setMaximumWidth(120)
        self.setTextVisible(False)
        self.setAccessibleName(self.tr("Working"))
        self.setVisible(False)
        self._busy: dict[int, str] = {}  # id(runner) -> label of its current task
        self._order: list[int] = []

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
        if busy:
            self._busy[key] = label
            if key in self._order:
                self._order.remove(key)
            self._order.append(key)
        else:
            self._busy.pop(key, None)
            if key in self._order:
                self._order.remove(key)
        self.setVisible(bool(self._busy))
        self.changed.emit(self.label())

