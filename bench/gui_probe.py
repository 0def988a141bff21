"""The GUI benchmark's instruments on the event loop: a heartbeat timer whose longest gap is the longest
stall, garbage collections with their durations, waiting for a signal or a widget's next paint, and running
the event loop for a while. Qt is imported inside the functions: bench/gui.py's children import this module
and pay only for the standard library."""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _common import Stats

HEARTBEAT_MS = 5


def quiet_offscreen_warnings() -> None:
    """The offscreen plugin warns on every dialog that it cannot pass size hints on; nothing is wrong."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(f"Qt {kind.name}: {message}", file=sys.stderr)

    qInstallMessageHandler(handler)


class Waiter:
    """Runs the event loop until a signal arrives (or a timeout), remembering when it arrived."""

    def __init__(self, signal: Any, timeout_s: float = 60) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        self.arrived: float | None = None
        self.args: tuple[Any, ...] = ()
        self._loop = QEventLoop()
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._loop.quit)
        self._timeout_ms = int(timeout_s * 1000)
        self._signal = signal
        signal.connect(self._on_signal)

    def _on_signal(self, *args: Any) -> None:
        if self.arrived is None:
            self.arrived = time.perf_counter()
            self.args = args
            self._loop.quit()

    def after(self, action: Callable[[], None]) -> float:
        """Run `action` from inside the running event loop, as a person's input arrives in the app, then
        wait for the signal; returns when the action started.

        Input sent from outside any event loop (QTest called from the top of a script) is handled at a
        deeper scope level than the loops the benchmark runs, so objects it deletes with deleteLater()
        (the form's region chips, rebuilt on every change) are never deleted: they pile up, stay visible
        and are all painted on every later change, which the app itself never does."""
        from PySide6.QtCore import QTimer

        started: list[float] = []

        def run() -> None:
            started.append(time.perf_counter())
            action()

        QTimer.singleShot(0, run)
        self.wait()
        if not started:
            raise SystemExit("the signal came before the action ran")
        return started[0]

    def wait(self) -> float:
        if self.arrived is None:
            self._timer.start(self._timeout_ms)
            self._loop.exec()
            self._timer.stop()
        if self._signal is not None:
            self._signal.disconnect(self._on_signal)
            self._signal = None
        if self.arrived is None:
            raise SystemExit("timed out waiting for a signal")
        return self.arrived


class PaintWatch:
    """When a widget has next been painted: the end of the paint pass after its next QEvent.Paint."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.done: float | None = None
        self._armed = False
        watch = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
                if watch._armed and event.type() == QEvent.Type.Paint:
                    watch._armed = False
                    QTimer.singleShot(0, watch._finished)
                return False

        self._filter = Filter()
        self._widget = widget
        widget.installEventFilter(self._filter)

    def _finished(self) -> None:
        self.done = time.perf_counter()

    def arm(self) -> None:
        self.done = None
        self._armed = True

    def wait(self, timeout_s: float = 10) -> float:
        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = time.perf_counter() + timeout_s
        while self.done is None:
            if time.perf_counter() > deadline:
                raise SystemExit(f"{self._widget.objectName() or self._widget} was never repainted")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        return self.done


def spin(seconds: float) -> None:
    """Keep the event loop running for a while (lets paints, timers and callbacks happen)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_s: float, failure: str) -> None:
    """Run the event loop until `condition` holds; stop the benchmark with `failure` after the timeout."""
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit(failure)
        spin(0.02)


@dataclass(frozen=True)
class PanelChange:
    signalled_ms: float  # the page's `assessed` signal: the new result computed and handed to the panel
    painted_ms: float | None  # the end of the paint pass that repainted the panel; None: not within 3 s


@dataclass(frozen=True)
class PanelTimes:
    signalled: Stats
    painted: Stats | None  # None when no change was ever repainted
    missed: int  # changes whose panel was not repainted within 3 s
    count: int

    @classmethod
    def of(cls, changes: list[PanelChange]) -> PanelTimes:
        from _common import stats

        painted = [c.painted_ms for c in changes if c.painted_ms is not None]
        return cls(stats(c.signalled_ms for c in changes), stats(painted) if painted else None,
                   len(changes) - len(painted), len(changes))


class GcPauses:
    """Every garbage collection with its generation and duration, on whichever thread ran it."""

    def __init__(self) -> None:
        self.pauses: list[tuple[float, float, int]] = []  # start, end, generation
        self._started: float | None = None

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        elif self._started is not None:
            self.pauses.append((self._started, time.perf_counter(), int(info["generation"])))
            self._started = None

    def within(self, start: float, end: float) -> float:
        """Milliseconds of collection inside [start, end]."""
        return sum(max(0.0, min(b, end) - max(a, start)) for a, b, _gen in self.pauses) * 1000


@dataclass(frozen=True)
class Stall:
    gap_ms: float  # longest gap between heartbeat ticks
    gc_ms: float  # garbage collection inside that gap
    cpu_ms: float  # the window thread's own CPU inside that gap (the rest: waiting, for a core or a lock)


class Heartbeat:
    """A 5 ms timer on the GUI thread; the longest gap between two ticks is the longest stall."""

    def __init__(self, collections: GcPauses) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[tuple[float, float]] = []  # wall clock, the window thread's CPU clock
        self._collections = collections
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(lambda: self.ticks.append((time.perf_counter(), time.thread_time())))

    def start(self) -> None:
        self.ticks.clear()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @contextmanager
    def during(self, stalls: list[Stall]) -> Iterator[None]:
        """Append the longest gap that overlaps the block; ticks go on briefly after it, so a stall at the
        very end is closed by a later tick."""
        spin(0.03)
        started = time.perf_counter()
        yield
        ended = time.perf_counter()
        spin(0.03)
        ticks = list(self.ticks)
        gaps = [(b - a, a, b, cpu_b - cpu_a) for (a, cpu_a), (b, cpu_b) in itertools.pairwise(ticks)
                if b > started and a < ended]
        gap, a, b, cpu = max(gaps) if gaps else (ended - started, started, ended, float("nan"))
        stalls.append(Stall(gap * 1000, self._collections.within(a, b), cpu * 1000))

