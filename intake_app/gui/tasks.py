"""Run slow work (database, PDFs, printing preparation) off the GUI thread; results come back by signal.

One small helper, used by every feature widget: `runner.run(fn, on_done, on_error)`. The callbacks run
on the GUI thread. Tests wait for `runner.idle` instead of sleeping.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, number: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.number = number
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # every failure is reported back to the GUI thread
            self._emit(self.relay.failed, exc)
        else:
            self._emit(self.relay.finished, result)

    def _emit(self, signal: Any, value: Any) -> None:
        # The window that asked may have closed while the job ran: then nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(self.number, value)


class TaskRunner(QObject):
    """Runs callables on a private thread pool, one at a time by default, in submission order."""

    busy_changed = Signal(bool, str)  # busy?, what is being done (for a status bar)
    idle = Signal()

    def __init__(self, parent: QObject | None = None, *, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._pending: dict[int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None, str]] = {}
        self._numbers = itertools.count(1)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        label: str = "",
    ) -> int:
        number = next(self._numbers)
        self._pending[number] = (on_done, on_error, label)
        if len(self._pending) == 1:
            self.busy_changed.emit(True, label)
        self._pool.start(_Job(number, fn, self._relay))
        return number

    @property
    def is_busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is empty (shutdown, tests); callbacks still need the event loop."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object)
    def _on_finished(self, number: int, result: Any) -> None:
        on_done, _on_error, _label = self._pending.pop(number, (None, None, ""))
        try:
            if on_done is not None:
                on_done(result)
        finally:
            self._after()

    @Slot(int, object)
    def _on_failed(self, number: int, error: BaseException) -> None:
        _on_done, on_error, _label = self._pending.pop(number, (None, None, ""))
        try:
            if on_error is not None:
                on_error(error)
            else:
                raise error
        finally:
            self._after()

    def _after(self) -> None:
        if not self._pending:
            self.busy_changed.emit(False, "")
            self.idle.emit()
        else:
            next_label = next(iter(self._pending.values()))[2]
            self.busy_changed.emit(True, next_label)
