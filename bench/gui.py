"""GUI benchmark: cold start, answer-to-result latency, search as you type over 100,000 patients,
event-loop stalls during slow work, and memory. Prints one table of figures with their targets.

Printing is a real print job of the referral and the handout from the preview, through the printer path
(pages rendered at the printer's resolution and painted on a QPrinter writing a PDF file in the bench's
temporary folder).

Cold start and memory are measured in fresh child processes (this script run with --child) and compared
with a bare PySide6 window holding the same number of widgets under the same style sheet, measured in the
same run, alternately (A B A B). For the cold start the bare window also loads the same Qt libraries the app
had loaded at its first paint (the same PySide6 modules, and the `Qt` namespace, whose enums PySide6 makes
on first use: about 35 ms that every PySide6 window reading `Qt` pays); the plain bare window, without them,
is printed beside it. For memory it imports every module the app had loaded. The rest runs in
this process on a private copy of the cached 100k demo database (built first when missing, ~1 minute).

How "first paint" is taken: an event filter on the main window sees its first QEvent.Paint; a zero-delay
timer started there fires once that paint pass (the window and all its children) has finished. That
moment on the system-wide monotonic clock, minus the moment the parent started the child process, is the
cold-start time: it includes starting Python and every import. Children keep compiled bytecode in a
private cache (PYTHONPYCACHEPREFIX), warmed by one unmeasured run each, as an installed app would have.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui.py
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from _common import Stats

# The children import nothing from the bench folder, so the app and the bare window each pay only for
# themselves; the parent imports the shared helpers inside its functions.

COLD_RUNS = 7
MEMORY_RUNS = 3
START_RATIO_TARGET = 1.3  # first paint, app / bare window with the same widgets and style sheet
MEMORY_RATIO_TARGET = 1.3  # after the intake page is built / bare window, same widgets and libraries
ANSWER_TARGET_MS = 16.0  # answer or map click -> panel repainted, p95 (one frame)
ANSWER_CHANGES = 40  # changes timed for each way of answering (after 4 unmeasured)
SEARCH_ROUNDS = 4  # times each typed text is searched
SEARCH_TARGET_MS = 16.0  # search -> first page painted, p95
STALL_TARGET_MS = 16.0  # longest event-loop gap above the idle noise floor
PRINT_RUNS = 3  # real print jobs (referral and handout) timed for the printing stall
HEARTBEAT_MS = 5
WINDOW_SIZE = (1320, 720)  # the main window's default size; the bare window paints the same area
CHILD_TIMEOUT_S = 120
HEAVY_MODULES = ("sqlalchemy", "alembic", "reportlab", "yaml", "jsonschema", "faker", "argon2")


def _memory_mb(field: str) -> float:
    """VmRSS (resident now) or VmHWM (peak) of this process, in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


# --- children: one cold start each, reporting JSON on stdout -------------------------------------------


def child_app(database: str, wait_for_database: bool = False) -> None:
    """Start the app the way `intake-app` does and report when its window has first been painted (and, when
    `wait_for_database`, go on until the database is open and the sign-in screen waits)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    import intake_app.cli  # noqa: F401 - `intake-app` loads it first (imports are sorted; its cost is small)
    from intake_app.gui import crash
    from intake_app.gui.app import build_window, create_application
    from intake_app.settings import load_settings

    result: dict[str, Any] = {}
    app = create_application()
    crash.install()
    window = build_window(database, load_settings())

    def painted() -> None:
        result["painted"] = time.monotonic()
        result["widgets"] = len(window.findChildren(QWidget))
        result["rss_painted"] = _memory_mb("VmRSS")
        result["heavy_at_paint"] = sorted(m for m in HEAVY_MODULES if m in sys.modules)
        result["qt_modules"] = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
        if not wait_for_database:
            # Measured: leave at once (the database opens on a background thread that need not finish).
            print(json.dumps(result), flush=True)
            os._exit(0)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
            if watched is window and event.type() == QEvent.Type.Paint and "paint_event" not in result:
                result["paint_event"] = time.monotonic()
                result["heavy_before_paint"] = sorted(m for m in HEAVY_MODULES if m in sys.modules)
                QTimer.singleShot(0, painted)
            return False

    def listed() -> None:
        """The database is open and the sign-in screen waits for a name: the app is ready for work."""
        if "listed" in result:
            return
        result["listed"] = time.monotonic()
        result["rss_listed"] = _memory_mb("VmRSS")
        QTimer.singleShot(0, QApplication.quit)

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.clinic_ready.connect(listed)
    QTimer.singleShot(CHILD_TIMEOUT_S * 1000, QApplication.quit)
    window.show()
    app.exec()
    window.close()
    print(json.dumps(result))


def child_app_intake(database: str, run: int, user: str, password_file: str) -> None:
    """Start the app on a database with patients, sign in as `user` (password in the file; stored with a
    cheap hasher, which this child uses too), open a new intake for the run-th patient listed (one nobody
    opened an intake for today), let the page finish building, then report memory, the widget count and
    every module loaded."""
    import gc

    from argon2 import PasswordHasher
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    import intake_app.cli  # noqa: F401
    from intake_app.access.passwords import Passwords, Secret
    from intake_app.gui import crash, messages
    from intake_app.gui.app import build_window, create_application
    from intake_app.settings import load_settings

    messages.AUTO_ANSWERS = []
    result: dict[str, Any] = {}
    app = create_application()
    crash.install()
    passwords = Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    window = build_window(database, load_settings(), clinic_options={"passwords": passwords})
    secret = Secret(Path(password_file).read_text(encoding="utf-8").rstrip("\n"))
    window.clinic_ready.connect(lambda: window.session.sign_in(user, secret))

    def measured() -> None:
        gc.collect()
        result["rss"] = _memory_mb("VmRSS")
        result["widgets"] = len(window.findChildren(QWidget))
        result["modules"] = sorted(m for m in sys.modules if not m.startswith("__"))
        QApplication.quit()

    def listed(rows: int) -> None:
        if "listed" in result or rows == 0:
            return
        result["listed"] = True
        patient_id = None
        if window.clinic is not None:
            patient_id = window.clinic.search_patients("", limit=run + 1)[run].id
        if patient_id is None:
            QApplication.quit()
            return
        # Opening the intake finishes building the page; half a second lets the last slices and paints settle.
        window.intake_opened.connect(lambda _id: QTimer.singleShot(500, measured))
        window.new_intake(patient_id)

    window.patients.search_finished.connect(listed)
    QTimer.singleShot(CHILD_TIMEOUT_S * 1000, QApplication.quit)
    window.show()
    app.exec()
    print(json.dumps(result))


def child_bare_libraries(count: int, style_file: str, modules_file: str) -> None:
    """The bare window of `count` widgets in a process that has imported the same modules as the app."""
    import contextlib
    import importlib

    for name in json.loads(Path(modules_file).read_text()):
        if name.startswith(("intake_app", "_pytest", "pytest")):
            continue
        with contextlib.suppress(Exception):  # a platform-specific submodule; the rest still count
            importlib.import_module(name)
    child_bare(count, style_file)


def child_bare_qt(count: int, style_file: str, modules_file: str) -> None:
    """The bare window of `count` widgets after loading the Qt libraries the app had loaded at its first paint:
    the same PySide6 modules, and the `Qt` namespace read (PySide6 makes its enums on first use)."""
    import importlib

    for name in json.loads(Path(modules_file).read_text()):
        importlib.import_module(name)
    from PySide6.QtCore import Qt

    assert Qt.AlignmentFlag.AlignLeft is not None
    child_bare(count, style_file)


def child_bare(count: int, style_file: str) -> None:
    """A bare QMainWindow with `count` widgets in all (labels and line edits in a scroll area), under the
    application's own style sheet (read from `style_file`, set before the widgets are made, as the app does)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QMainWindow, QScrollArea, QWidget

    result: dict[str, Any] = {}
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(Path(style_file).read_text(encoding="utf-8"))
    window = QMainWindow()
    window.resize(*WINDOW_SIZE)
    scroll = QScrollArea(window)
    scroll.setWidgetResizable(True)
    content = QWidget()
    form = QFormLayout(content)
    scroll.setWidget(content)
    window.setCentralWidget(scroll)
    missing = count - len(window.findChildren(QWidget))
    while missing > 0:
        if missing >= 2:
            form.addRow(QLabel(f"Question {form.rowCount() + 1}", content), QLineEdit(content))
            missing -= 2
        else:
            form.addRow(QLabel("Last question", content))
            missing -= 1

    def painted() -> None:
        result["painted"] = time.monotonic()
        result["widgets"] = len(window.findChildren(QWidget))
        result["rss_painted"] = _memory_mb("VmRSS")
        QApplication.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
            if watched is window and event.type() == QEvent.Type.Paint and "paint_event" not in result:
                result["paint_event"] = time.monotonic()
                QTimer.singleShot(0, painted)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    QTimer.singleShot(CHILD_TIMEOUT_S * 1000, QApplication.quit)
    window.show()
    app.exec()
    print(json.dumps(result))


def spawn(*args: str) -> dict[str, Any]:
    """One child run; its times become seconds since the child process was started."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                          timeout=CHILD_TIMEOUT_S + 30, env=os.environ.copy(), check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise SystemExit(f"child {args} failed (exit {done.returncode}):\n{done.stderr}")
    result: dict[str, Any] = json.loads(lines[-1])
    if "painted" not in result and args[0] in ("app", "bare", "bare-qt"):
        raise SystemExit(f"child {args} never painted its window:\n{done.stderr}")
    for key in ("paint_event", "painted", "listed"):
        if key in result:
            result[key] -= started
    return result


# --- in-process helpers ----------------------------------------------------------------------------


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


class Heartbeat:
    """A 5 ms timer on the GUI thread; the longest gap between two ticks is the longest stall."""

    def __init__(self, collections: GcPauses) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self._collections = collections
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

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
        gaps = [(b - a, a, b) for a, b in itertools.pairwise(ticks) if b > started and a < ended]
        gap, a, b = max(gaps) if gaps else (ended - started, started, ended)
        stalls.append(Stall(gap * 1000, self._collections.within(a, b)))


# --- the in-process measurements -------------------------------------------------------------------


def commonest_names(database: Path) -> tuple[str, str]:
    """The commonest family name among those sharing the commonest first two letters, and the same for given
    names (folded, as the search reads them)."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        def commonest(column: str) -> str:
            prefix = connection.execute(f"SELECT substr({column}, 1, 2) p FROM patients GROUP BY p "
                                        "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
            return str(connection.execute(f"SELECT {column} FROM patients WHERE {column} >= ? AND {column} < ? "
                                          f"GROUP BY {column} ORDER BY count(*) DESC LIMIT 1",
                                          (prefix, prefix + "\uffff")).fetchone()[0])

        return commonest("family_fold"), commonest("given_fold")


def measure_in_process(database: Path) -> dict[str, Any]:
    from _common import BENCH_CLINICIAN, BENCH_PASSWORD, fast_passwords, ms, rss_mb, sqlite_url, stats
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

    from intake_app.access.passwords import Secret
    from intake_app.gui import messages
    from intake_app.gui.app import build_window, create_application
    from intake_app.settings import Settings

    messages.AUTO_ANSWERS = []  # a message box must never wait for a person here
    create_application()
    quiet_offscreen_warnings()
    collections = GcPauses()
    gc.callbacks.append(collections)
    # The longest autosave interval, and the timer is stopped below: saves happen only when measured.
    window = build_window(sqlite_url(database), Settings(autosave_seconds=120),
                          clinic_options={"passwords": fast_passwords()})
    ready = Waiter(window.clinic_ready, 120)
    heartbeat = Heartbeat(collections)
    heartbeat.start()
    first_paint = PaintWatch(window)
    first_paint.arm()
    window.show()
    first_paint.wait(60)
    figures: dict[str, Any] = {}
    # 4. Stalls after the first paint while the pages behind the sign-in screen are built (the database
    # opens on its thread meanwhile, as at every start).
    opening: list[Stall] = []
    with heartbeat.during(opening):
        ready.wait()
    figures["stall_database_opens"] = opening
    builder = getattr(window, "work_builder", None)  # (absent in trees before issue 14's window work)
    if builder is not None:
        work_stalls: list[Stall] = []
        with heartbeat.during(work_stalls):
            wait_until(lambda: builder.done, 60, "the pages behind the sign-in screen were never built")
        figures["stall_work_pages"] = work_stalls
    heartbeat.stop()
    listed = Waiter(window.patients.search_finished, 60)
    signed_in = Waiter(window.session.signed_in, 60)
    window.session.sign_in(BENCH_CLINICIAN, Secret(BENCH_PASSWORD))
    signed_in.wait()
    listed.wait()
    patients = window.patients
    clinic = window.clinic

    # 3. Search as you type over the 100k patients: every prefix of a few family names, MRNs, a birth date.
    # The worst cases first: the family and given names whose first two letters are the commonest in this
    # database (typed a letter at a time, and the two together), then a rarer family name, MRNs, a birth date.
    family, given = commonest_names(database)
    typed: list[str] = []
    for name in (family, given, clinic.search_patients("sch", limit=1)[0].patient.family_name):
        typed += [name[:n] for n in range(1, min(len(name), 7) + 1)]
    typed += [f"{given[:2]} {family[:2]}", f"{family} {given[:2]}"]
    sample = clinic.search_patients(family, limit=1)[0].patient
    typed += ["D", "D0", "D00", "D001", "D0012", "D00123", sample.date_of_birth.isoformat(), ""]
    table_paint = PaintWatch(patients.table.viewport())
    per_text: dict[str, list[float]] = {}
    to_signal: list[float] = []
    to_paint: list[float] = []

    def search(text: str) -> tuple[float, float]:
        finished = Waiter(patients.search_finished)
        table_paint.arm()
        started = time.perf_counter()
        patients.search_now(text)
        arrived = finished.wait()
        shown = table_paint.wait() if finished.args[0] else arrived  # no rows: the empty notice instead
        return ms(arrived - started), ms(shown - started)

    for text in typed[:5]:
        search(text)  # warm-up
    for _round in range(SEARCH_ROUNDS):
        for text in typed:
            signal_ms, paint_ms = search(text)
            to_signal.append(signal_ms)
            to_paint.append(paint_ms)
            per_text.setdefault(text, []).append(signal_ms)
    figures["search"] = stats(to_signal)
    figures["search_painted"] = stats(to_paint)
    slowest = sorted(((stats(v).median, k) for k, v in per_text.items()), reverse=True)[:4]
    figures["search_slowest"] = slowest

    sorts: list[float] = []
    for column, order in [(2, Qt.SortOrder.DescendingOrder), (0, Qt.SortOrder.AscendingOrder)] * 10:
        finished = Waiter(patients.search_finished)
        started = time.perf_counter()
        patients.table.sortByColumn(column, order)
        sorts.append(ms(finished.wait() - started))
    figures["sort"] = stats(sorts)

    # 4a. Stalls while searching (the list is on screen) and while opening an intake.
    heartbeat.start()
    idle: list[Stall] = []
    with heartbeat.during(idle):
        spin(1.0)
    figures["idle_gaps"] = [idle[0].gap_ms]
    search_stalls: list[Stall] = []
    for text in typed[:20]:
        with heartbeat.during(search_stalls):
            finished = Waiter(patients.search_finished)
            patients.search_now(text)
            finished.wait()
    figures["stall_search"] = search_stalls

    found = Waiter(patients.search_finished)
    patients.search_now(sample.family_name)
    found.wait()
    # Patients nobody opened an intake for today (a second one the same day asks first); the memory
    # children used the first few of the list.
    fresh = [r.id for r in clinic.search_patients("", limit=MEMORY_RUNS + 13)[MEMORY_RUNS + 10:]]
    # The first intake is opened once the idle build has made and placed the page, as at a desk where a
    # few seconds pass between signing in and the first patient (the searches above keep the desk busy, so
    # without this wait the first open would time the build itself). An open ends when the workspace (the
    # result panel) has been drawn: the page draws its header first and the workspace a turn later, and
    # both turns are inside the measured stretch.
    wait_until(lambda: window.intake_page is not None and window.intake_page.settled, 120,
               "the intake page was never built in idle time")
    workspace = PaintWatch(window.intake_page.panel)
    open_stalls: list[Stall] = []
    for attempt in range(3):
        with heartbeat.during(open_stalls):
            opened = Waiter(window.intake_opened)
            workspace.arm()
            window.new_intake(fresh[attempt])
            opened.wait()
            workspace.wait(timeout_s=10)
        if attempt < 2:
            window.show_patients()
            spin(0.1)
    figures["stall_open_first"] = open_stalls[:1]
    figures["stall_open_again"] = open_stalls[1:]
    # The preview dialog is made ahead and styled in idle time once the intake page is built.
    if hasattr(window, "_preview_steps"):
        ahead: list[Stall] = []
        with heartbeat.during(ahead):
            wait_until(lambda: window._building is None and window.preview_dialog is not None, 60,
                       "the preview dialog was never made ahead")
        figures["stall_preview_ahead"] = ahead
    idle_again: list[Stall] = []
    with heartbeat.during(idle_again):
        spin(1.0)
    figures["idle_gaps"].append(idle_again[0].gap_ms)
    heartbeat.stop()

    page = window.intake_page
    page.autosave.stop()
    form = page.form
    wait_until(lambda: form.built, 30, "the intake form was never finished")
    form.show_section("where")
    spin(0.2)

    # 2. From a person's answer (a click on the map, a click in the form, a key) to the result panel
    # repainted with the new result. Map and form start in step, as a person leaves them: the right heel
    # and arch marked by clicks on the map. Each action then alternates between two answers that both give
    # a result (never "not screened"), and each change must change the panel's words: a change that left
    # the panel as it was would time nothing, so the benchmark stops and says so.
    panel = page.panel
    if not panel.reasons.viewport().isVisible():
        raise SystemExit(f"the result panel is not on screen (layout {page.mode!r}, window {window.width()}x"
                         f"{window.height()})")
    panel_paint = PaintWatch(panel.reasons.viewport())
    body_map = page.map
    body_map.set_symptom("pain")

    def map_point(region: str, side: str) -> Any:
        shape = body_map._map.shapes_for(region, side)[0]
        centre = QPointF(sum(p[0] for p in shape.points) / len(shape.points),
                         sum(p[1] for p in shape.points) / len(shape.points))
        return body_map.map_to_widget(centre.x(), centre.y()).toPoint()

    def click(widget: Any, point: Any = None) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    for region in ("heel", "arch"):
        Waiter(page.assessed, 5).after(lambda r=region: click(body_map, map_point(r, "right")))
    if form.answers().get("pain") != {"right": ["heel", "arch"]}:
        raise SystemExit(f"the map clicks did not mark the right heel and arch: {form.answers().get('pain')}")

    def change(action: Callable[[], None]) -> PanelChange:
        before = panel.reasons.toPlainText()
        assessed = Waiter(page.assessed, 5)
        panel_paint.arm()
        started = assessed.after(action)
        signalled = assessed.wait()
        try:
            shown: float | None = panel_paint.wait(timeout_s=3)
        except SystemExit:
            shown = None
        if panel.reasons.toPlainText() == before:
            raise SystemExit("bench: an answer change left the result panel's words as they were; "
                             "choose answers that change the result")
        return PanelChange(ms(signalled - started), None if shown is None else ms(shown - started))

    def run_changes(actions: list[Callable[[], None]]) -> PanelTimes:
        for action in actions[:4]:  # warm-up
            change(action)
        return PanelTimes.of([change(action) for action in actions])

    calf = map_point("calf", "right")  # pain reaching the calf changes the reasons (the heel alone would not)
    figures["answer_map"] = run_changes([lambda: click(body_map, calf)] * ANSWER_CHANGES)

    page_where = form.findChild(QScrollArea, "page_where")
    buttons = [form.findChild(QWidget, f"radiates_to.right={value}") for value in ("thigh", "foot")]
    page_where.ensureWidgetVisible(buttons[0])
    spin(0.1)
    figures["answer_click"] = run_changes(
        [lambda i=i: click(buttons[i % 2], buttons[i % 2].rect().center()) for i in range(ANSWER_CHANGES)])

    # The arrow keys move the choice along the row (from "foot" to "below the knee" and back).
    keys = (Qt.Key.Key_Left, Qt.Key.Key_Right)
    buttons[1].setFocus()
    spin(0.05)
    figures["answer_key"] = run_changes(
        [lambda i=i: QTest.keyClick(QApplication.focusWidget(), keys[i % 2]) for i in range(ANSWER_CHANGES)])
    region_sets = ({"right": ["back_of_thigh", "calf", "heel"], "left": []}, {"right": ["heel", "arch"], "left": []})

    # 4b. Stalls while saving a draft, writing the recovery journal and building PDFs.
    heartbeat.start()
    save_stalls: list[Stall] = []
    for i in range(20):
        form.set_regions("pain", region_sets[i % 2])
        with heartbeat.during(save_stalls):
            saved = Waiter(page.saved)
            page.save()
            saved.wait()
    figures["stall_save"] = save_stalls

    journal_stalls: list[Stall] = []
    for i in range(5):
        with heartbeat.during(journal_stalls):
            form.set_regions("pain", region_sets[i % 2])
            spin(0.5)  # the journal is written 300 ms after the last change, on this thread
    figures["stall_answer_journal"] = journal_stalls

    preview_stalls: list[Stall] = []
    close_stalls: list[Stall] = []
    for _attempt in range(4):
        with heartbeat.during(preview_stalls):
            window.preview()
            dialog = window.preview_dialog
            if not dialog.is_ready:
                Waiter(dialog.ready, 60).wait()
            spin(0.3)  # the pages are drawn into the view after the PDFs arrive
        # Closed as a person closes it (the window shows the next preview in it again). A window-modal
        # dialog's closing sends "window unblocked" through every widget of the window (their event filters).
        with heartbeat.during(close_stalls):
            dialog.reject()
            spin(0.05)
    figures["stall_preview_first"] = preview_stalls[:1]
    figures["stall_preview_again"] = preview_stalls[1:]
    figures["stall_preview_close"] = close_stalls
    figures["stall_print"], figures["print_job_s"] = real_prints(window, database.parent / "printed.pdf", heartbeat)
    idle_end: list[Stall] = []
    with heartbeat.during(idle_end):
        spin(1.0)
    figures["idle_gaps"].append(idle_end[0].gap_ms)
    heartbeat.stop()

    gc.callbacks.remove(collections)
    full = [b - a for a, b, generation in collections.pauses if generation == 2]
    figures["gc_full"] = (len(full), ms(max(full)) if full else 0.0, len(gc.get_objects()))
    figures["rss_end"] = rss_mb()
    page.close_record()
    window.close()
    clinic.close()
    return figures


def real_prints(window: Any, target: Path, heartbeat: Heartbeat) -> tuple[list[Stall], list[float]]:
    """The referral and the handout printed from the preview as a person prints them, through the printer
    path: each page rendered at the printer's resolution (at most MAX_PRINT_DPI) and painted on a QPrinter,
    here one that writes a PDF file in the bench's folder (offscreen, no paper). The print dialog's answer
    is a printer; the dialog is told it is not a PDF file, else it would copy the documents' own PDFs."""
    from PySide6.QtPrintSupport import QPrinter

    from intake_app.gui import preview

    class PrinterChooser:
        def printer(self, _parent: Any, printer: QPrinter, _title: str) -> QPrinter:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))
            return printer

    writes_pdf_file = preview.writes_pdf_file
    preview.writes_pdf_file = lambda _printer: False
    stalls: list[Stall] = []
    jobs: list[float] = []
    try:
        for _attempt in range(PRINT_RUNS):
            window.preview()
            dialog = window.preview_dialog
            if not dialog.is_ready:
                Waiter(dialog.ready, 60).wait()
            spin(0.3)
            chooser, dialog.chooser = dialog.chooser, PrinterChooser()
            with heartbeat.during(stalls):
                printed = Waiter(dialog.printed, 300)
                started = time.perf_counter()
                dialog.print_kinds(["referral", "handout"])
                printed.wait()
                jobs.append(time.perf_counter() - started)
            dialog.chooser = chooser
            dialog.reject()
            spin(0.05)
    finally:
        preview.writes_pdf_file = writes_pdf_file
    return stalls, jobs


# --- the report --------------------------------------------------------------------------------------


Row = tuple[str, str, str, str, str, "bool | None"]


def stall_row(rows: list[Row], label: str, stalls: list[Stall], idle_ms: float) -> None:
    """The longest event-loop gap while doing `label`, against the idle noise floor plus one frame."""
    from _common import fmt_ms

    worst = max(stalls, key=lambda s: s.gap_ms)
    runs = f", worst of {len(stalls)}" if len(stalls) > 1 else ""
    collected = f"; {fmt_ms(worst.gc_ms)} garbage collection" if worst.gc_ms >= 1 else ""
    rows.append((f"stall: {label}{runs}{collected}", fmt_ms(worst.gap_ms), f"idle gap {fmt_ms(idle_ms)}",
                 f"+{fmt_ms(worst.gap_ms - idle_ms)}", f"<= idle + {STALL_TARGET_MS:.0f} ms",
                 worst.gap_ms - idle_ms <= STALL_TARGET_MS))


def answer_row(label: str, times: PanelTimes) -> Row:
    """Answer -> result panel repainted, p95 against one frame; a change never repainted fails the row."""
    from _common import fmt_ms, fmt_stats_ms

    measure = f"{label} -> result panel repainted (p95)"
    handler = f"; result handed to the panel {fmt_ms(times.signalled.median)} median"
    target = f"p95 < {ANSWER_TARGET_MS:.0f} ms"
    if times.painted is None:
        return (measure, f"never repainted in {times.count} changes{handler}", "", "", target, False)
    missed = f"; NOT repainted after {times.missed} of {times.count} changes" if times.missed else ""
    return (measure, fmt_stats_ms(times.painted) + handler + missed, "", "", target,
            times.painted.p95 < ANSWER_TARGET_MS and not times.missed)


def style_sheet_file(folder: Path) -> Path:
    """The application's whole style sheet, exactly as the app sets it, for the bare windows to carry."""
    from intake_app.gui.app import create_application

    path = folder / "style.qss"
    path.write_text(create_application().styleSheet(), encoding="utf-8")
    return path


def paired_ratio(ours: list[float], floor: list[float]) -> float:
    """The median of the ratios of each pair (ours and the floor run one after the other)."""
    import statistics

    return statistics.median(a / b for a, b in zip(ours, floor, strict=True))


def with_accounts(url: str) -> None:
    """A new database with its first administrator (cheap hasher), so the window opens on the sign-in screen."""
    from _common import BENCH_ADMIN, BENCH_PASSWORD, fast_passwords

    from intake_app.access.passwords import Secret
    from intake_app.services import Clinic

    clinic = Clinic.open(url, passwords=fast_passwords())
    try:
        clinic.create_first_administrator(BENCH_ADMIN, "Bench Administrator", Secret(BENCH_PASSWORD))
    finally:
        clinic.close()


def cold_starts(folder: Path, style: Path, rows: list[Row]) -> None:
    """The app, a bare window with as many widgets, the same style sheet and the same Qt libraries, and the
    plain bare window, started in turn (A B C A B C) in fresh processes; each ratio is the median of the
    ratios of the runs started one after the other."""
    from _common import fmt_ms, sqlite_url, stats

    os.environ["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    small = sqlite_url(folder / "start.db")
    with_accounts(small)  # the first window is then the sign-in screen, as at a clinic
    first = spawn("app", small, "wait")  # fills the bytecode cache; the database must open
    if "listed" not in first:
        raise SystemExit("the app never opened its database (no sign-in screen)")
    widgets = str(int(first["widgets"]))
    qt_modules = folder / "qt-modules.json"
    qt_modules.write_text(json.dumps(first["qt_modules"]))
    spawn("bare", widgets, str(style))
    spawn("bare-qt", widgets, str(style), str(qt_modules))
    app_runs, bare_runs, plain_runs = [], [], []
    for _ in range(COLD_RUNS):
        app_runs.append(spawn("app", small))
        bare_runs.append(spawn("bare-qt", widgets, str(style), str(qt_modules)))
        plain_runs.append(spawn("bare", widgets, str(style)))
    if any(r["widgets"] != first["widgets"] for r in app_runs):
        raise SystemExit("the app's first window did not always hold the same widgets")
    app_paint = stats(r["painted"] * 1000 for r in app_runs)
    bare_paint = stats(r["painted"] * 1000 for r in bare_runs)
    plain_paint = stats(r["painted"] * 1000 for r in plain_runs)
    app_s = [r["painted"] for r in app_runs]
    pairs = sorted(a / b["painted"] for a, b in zip(app_s, bare_runs, strict=True))
    ratio = paired_ratio(app_s, [r["painted"] for r in bare_runs])
    plain = paired_ratio(app_s, [r["painted"] for r in plain_runs])
    rows.append((f"first window painted, cold start ({widgets} widgets), paired x{COLD_RUNS} "
                 f"(pairs {pairs[0]:.2f}-{pairs[-1]:.2f}x)",
                 fmt_ms(app_paint.median), f"bare window, same widgets, style sheet and Qt libraries "
                 f"{fmt_ms(bare_paint.median)}", f"{ratio:.2f}x", f"<= {START_RATIO_TARGET}x",
                 ratio <= START_RATIO_TARGET))
    rows.append(("  the same against the plain bare window (PySide6's Qt namespace not read)",
                 fmt_ms(app_paint.median), f"plain bare window {fmt_ms(plain_paint.median)}", f"{plain:.2f}x",
                 "(for comparison)", None))
    heavy = sorted({m for r in app_runs for m in r["heavy_before_paint"]})
    rows.append(("  heavy modules loaded before the first paint", ", ".join(heavy) or "none", "", "", "none",
                 not heavy))


def memory_after_intake_page(folder: Path, database: Path, style: Path, rows: list[Row]) -> None:
    """RSS once the intake page is built, against a bare window with as many widgets in a process that
    imported the same modules, alternately."""
    from _common import BENCH_CLINICIAN, password_file, sqlite_url, stats

    app_runs, bare_runs = [], []
    modules = folder / "modules.json"
    for _ in range(MEMORY_RUNS):
        app = spawn("app-intake", sqlite_url(database), str(len(app_runs)), BENCH_CLINICIAN, str(password_file()))
        if "rss" not in app:
            raise SystemExit("the intake page was never opened")
        modules.write_text(json.dumps(app["modules"]))
        app_runs.append(app)
        bare_runs.append(spawn("bare-libraries", str(app["widgets"]), str(style), str(modules)))
    app_rss = stats(r["rss"] for r in app_runs).median
    bare_rss = stats(r["rss_painted"] for r in bare_runs).median
    ratio = paired_ratio([r["rss"] for r in app_runs], [r["rss_painted"] for r in bare_runs])
    rows.append((f"memory after the intake page is built ({app_runs[0]['widgets']} widgets), paired x{MEMORY_RUNS}",
                 f"{app_rss:.0f} MiB", f"bare window, same widgets, modules and style sheet {bare_rss:.0f} MiB",
                 f"{ratio:.2f}x",
                 f"<= {MEMORY_RATIO_TARGET}x", ratio <= MEMORY_RATIO_TARGET))


def collect_rows(folder: Path) -> list[Row]:
    from _common import demo_database, fmt_ms, fmt_stats_ms, isolate_user_folders, working_copy

    rows: list[Row] = []
    style = style_sheet_file(folder)
    cold_starts(folder, style, rows)
    database = working_copy(demo_database(), folder)
    memory_after_intake_page(folder, database, style, rows)
    # Its own settings and window state: what the children left there (window size, splitter) stays out.
    isolate_user_folders(folder / "home-in-process")
    figures = measure_in_process(database)
    for key, label in (("answer_map", "click on the map"), ("answer_click", "click on an answer in the form"),
                       ("answer_key", "arrow key along an answer row")):
        rows.append(answer_row(label, figures[key]))
    search, painted = figures["search"], figures["search_painted"]
    slowest = ", ".join(f"'{text}' {fmt_ms(value)}" for value, text in figures["search_slowest"])
    rows.append((f"search typed -> results, 100k patients (slowest: {slowest})", fmt_stats_ms(search), "", "",
                 "(part of the next)", None))
    rows.append(("search typed -> first page painted", fmt_stats_ms(painted), "", "",
                 f"p95 < {SEARCH_TARGET_MS:.0f} ms", painted.p95 < SEARCH_TARGET_MS))
    rows.append(("sort by column (birth date / name) -> results", fmt_stats_ms(figures["sort"]), "", "",
                 "< 50 ms", figures["sort"].p95 < 50))
    # The noise floor: the longest gap of an idle event loop, measured three times (before, among and after
    # the stalls); the stalls are judged against the smallest, so a hiccup of the machine while measuring
    # the floor never excuses a stall.
    gaps = figures["idle_gaps"]
    idle = min(gaps)
    rows.append((f"event loop idle 1 s x{len(gaps)}, heartbeat every {HEARTBEAT_MS} ms: longest gap "
                 f"({', '.join(fmt_ms(g) for g in gaps)})", fmt_ms(idle), "", "",
                 "(noise floor: the smallest)", None))
    for key, label in (("stall_database_opens", "first paint -> database open (on its thread; sign-in screen up)"),
                       ("stall_work_pages", "pages behind the sign-in screen built (after the database opens)"),
                       ("stall_open_first", "first intake opened (page built while idle), to its workspace drawn"),
                       ("stall_preview_ahead", "preview dialog made and styled in idle time"),
                       ("stall_open_again", "opening an intake again, to its workspace drawn"),
                       ("stall_preview_first", "first preview"),
                       ("stall_preview_again", "preview again"), ("stall_save", "saving a draft"),
                       ("stall_preview_close", "closing the preview dialog"),
                       ("stall_search", "searching"),
                       ("stall_print", "printing the referral and the handout (printer path, "
                                       f"jobs {', '.join(f'{job:.1f}' for job in figures['print_job_s'])} s)"),
                       ("stall_answer_journal", "answer change + recovery journal")):
        if key in figures:
            stall_row(rows, label, figures[key], idle)
    count, longest, objects = figures["gc_full"]
    rows.append((f"full garbage collections in the session ({objects:,} objects live)", f"{count}, longest "
                 f"{fmt_ms(longest)}", "", "", "(inside the stalls above)", None))
    return rows


def main() -> None:
    import tempfile

    from _common import Table, isolate_user_folders

    rows_file = sys.argv[sys.argv.index("--rows") + 1] if "--rows" in sys.argv else None
    with tempfile.TemporaryDirectory(prefix="intake-bench-gui-") as scratch:
        folder = Path(scratch)
        isolate_user_folders(folder / "home")
        rows = collect_rows(folder)
    if rows_file:
        Path(rows_file).write_text(json.dumps(rows))
        return
    table = Table("GUI benchmark (offscreen)", ("measure", "ours", "floor", "ratio", "target", "verdict"))
    for measure, ours, floor, ratio, target, passed in rows:
        table.add(measure, ours, floor, ratio, target, "" if passed is None else "PASS" if passed else "FAIL")
    table.print()


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--child":
        if sys.argv[2] == "app":
            child_app(sys.argv[3], sys.argv[4:] == ["wait"])
        elif sys.argv[2] == "app-intake":
            child_app_intake(sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6])
        elif sys.argv[2] == "bare-libraries":
            child_bare_libraries(int(sys.argv[3]), sys.argv[4], sys.argv[5])
        elif sys.argv[2] == "bare-qt":
            child_bare_qt(int(sys.argv[3]), sys.argv[4], sys.argv[5])
        else:
            child_bare(int(sys.argv[3]), sys.argv[4])
    else:
        main()
