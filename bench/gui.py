"""GUI benchmark: cold start, answer-to-result latency, search as you type over 100,000 patients,
event-loop stalls during slow work, and memory. Prints one table of figures with their targets.

Cold start and memory are measured in fresh child processes (this script run with --child) and compared
with a bare PySide6 window holding the same number of widgets, measured in the same run. The rest runs in
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
    from _common import Stats, Table

# The children import nothing from the bench folder, so the app and the bare window each pay only for
# themselves; the parent imports the shared helpers inside its functions.

COLD_RUNS = 7
START_RATIO_TARGET = 1.5
ANSWER_TARGET_MS = 50.0
SEARCH_TARGET_MS = 30.0
STALL_TARGET_MS = 50.0
HEARTBEAT_MS = 5
WINDOW_SIZE = (1320, 720)  # the main window's default size; the bare window paints the same area
CHILD_TIMEOUT_S = 120
HEAVY_MODULES = ("sqlalchemy", "alembic", "reportlab", "yaml", "jsonschema", "faker")


def _memory_mb(field: str) -> float:
    """VmRSS (resident now) or VmHWM (peak) of this process, in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


# --- children: one cold start each, reporting JSON on stdout -------------------------------------------


def child_app(database: str) -> None:
    """Start the app the way `intake-app` does and report when its window has first been painted."""
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

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
            if watched is window and event.type() == QEvent.Type.Paint and "paint_event" not in result:
                result["paint_event"] = time.monotonic()
                result["heavy_before_paint"] = sorted(m for m in HEAVY_MODULES if m in sys.modules)
                QTimer.singleShot(0, painted)
            return False

    def listed(_rows: int) -> None:
        """The database is open and the (empty) patient list is shown: the app is ready for work."""
        if "listed" in result:
            return
        result["listed"] = time.monotonic()
        result["rss_listed"] = _memory_mb("VmRSS")
        QTimer.singleShot(0, QApplication.quit)

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.patients.search_finished.connect(listed)
    QTimer.singleShot(CHILD_TIMEOUT_S * 1000, QApplication.quit)
    window.show()
    app.exec()
    window.close()
    print(json.dumps(result))


def child_bare(count: int) -> None:
    """A bare QMainWindow with `count` widgets in all (labels and line edits in a scroll area)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QMainWindow, QScrollArea, QWidget

    result: dict[str, Any] = {}
    app = QApplication(sys.argv[:1])
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
    if "painted" not in result:
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

    def wait(self) -> float:
        if self.arrived is None:
            self._timer.start(self._timeout_ms)
            self._loop.exec()
            self._timer.stop()
        self._signal.disconnect(self._on_signal)
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


def measure_in_process(database: Path) -> dict[str, Any]:
    from _common import ms, rss_mb, sqlite_url, stats
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from intake_app.gui import messages
    from intake_app.gui.app import build_window, create_application
    from intake_app.settings import Settings

    messages.AUTO_ANSWERS = []  # a message box must never wait for a person here
    create_application()
    quiet_offscreen_warnings()
    collections = GcPauses()
    gc.callbacks.append(collections)
    # The longest autosave interval, and the timer is stopped below: saves happen only when measured.
    window = build_window(sqlite_url(database), Settings(autosave_seconds=120, desk_user="Bench Desk"))
    ready = Waiter(window.clinic_ready, 120)
    window.show()
    ready.wait()
    Waiter(window.patients.search_finished).wait()
    patients = window.patients
    clinic = window.clinic
    figures: dict[str, Any] = {}

    # 3. Search as you type over the 100k patients: every prefix of a few family names, MRNs, a birth date.
    typed: list[str] = []
    for prefix in ("sm", "mu", "sch"):
        name = clinic.search_patients(prefix, limit=1)[0].patient.family_name
        typed += [name[:n] for n in range(1, min(len(name), 7) + 1)]
    sample = clinic.search_patients("sm", limit=1)[0].patient
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
    for _round in range(5):
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
    heartbeat = Heartbeat(collections)
    heartbeat.start()
    idle: list[Stall] = []
    with heartbeat.during(idle):
        spin(1.0)
    figures["idle_gap"] = idle[0].gap_ms
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
    patient_id = patients.current_patient_id()
    open_stalls: list[Stall] = []
    for attempt in range(3):
        with heartbeat.during(open_stalls):
            opened = Waiter(window.intake_opened)
            window.new_intake(patient_id)
            opened.wait()
        if attempt < 2:
            window.show_patients()
            spin(0.1)
    figures["stall_open_first"] = open_stalls[:1]
    figures["stall_open_again"] = open_stalls[1:]
    heartbeat.stop()

    page = window.intake_page
    page.autosave.stop()
    form = page.form
    form.show_section("where")
    spin(0.2)

    # 2. From an answer changing to the result panel showing it.
    panel_paint = PaintWatch(page.panel.reasons.viewport())
    region_sets = ({"right": ["back_of_thigh", "calf", "heel"], "left": []}, {"right": ["heel", "arch"], "left": []})

    def change(action: Callable[[], None]) -> tuple[float, float]:
        assessed = Waiter(page.assessed)
        panel_paint.arm()
        started = time.perf_counter()
        action()
        signalled = assessed.wait()
        shown = panel_paint.wait()
        return ms(signalled - started), ms(shown - started)

    def run_changes(actions: list[Callable[[], None]]) -> tuple[Stats, Stats]:
        for action in actions[:4]:
            change(action)
        results = [change(action) for action in actions]
        return stats(r[0] for r in results), stats(r[1] for r in results)

    figures["answer_api"] = run_changes(
        [lambda i=i: form.set_regions("pain", region_sets[i % 2]) for i in range(100)])

    body_map = page.map
    shape = body_map._map.shapes_for("heel", "left")[0]
    centre = QPointF(sum(p[0] for p in shape.points) / len(shape.points),
                     sum(p[1] for p in shape.points) / len(shape.points))
    point = body_map.map_to_widget(centre.x(), centre.y()).toPoint()
    figures["answer_map"] = run_changes(
        [lambda: QTest.mouseClick(body_map, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)] * 100)

    combo = form.findChild(QWidget, "radiates_to.right")
    combo.setFocus()
    keys = (Qt.Key.Key_End, Qt.Key.Key_Home)
    figures["answer_key"] = run_changes([lambda i=i: QTest.keyClick(combo, keys[i % 2]) for i in range(100)])

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
    for _attempt in range(4):
        with heartbeat.during(preview_stalls):
            window.preview()
            dialog = window.preview_dialog
            if not dialog.is_ready:
                Waiter(dialog.ready, 60).wait()
            spin(0.3)  # the pages are drawn into the view after the PDFs arrive
        dialog.reject()
        dialog.deleteLater()
        spin(0.05)
    figures["stall_preview_first"] = preview_stalls[:1]
    figures["stall_preview_again"] = preview_stalls[1:]

    document = page.document()
    pdf_stalls: list[Stall] = []
    for _attempt in range(10):
        with heartbeat.during(pdf_stalls):
            built = Waiter(page.runner.idle, 60)
            page.runner.run(lambda: clinic.referral_pdf(document))
            built.wait()
    figures["stall_referral"] = pdf_stalls
    heartbeat.stop()

    gc.callbacks.remove(collections)
    full = [b - a for a, b, generation in collections.pauses if generation == 2]
    figures["gc_full"] = (len(full), ms(max(full)) if full else 0.0, len(gc.get_objects()))
    figures["rss_end"] = rss_mb()
    page.close_record()
    window.close()
    clinic.repository.engine.dispose()
    return figures


# --- the report --------------------------------------------------------------------------------------


def stall_row(table: Table, label: str, stalls: list[Stall]) -> None:
    from _common import fmt_ms, verdict

    worst = max(stalls, key=lambda s: s.gap_ms)
    runs = f" (worst of {len(stalls)})" if len(stalls) > 1 else ""
    note = f"{fmt_ms(worst.gc_ms)} of it garbage collection" if worst.gc_ms >= 1 else ""
    table.add(f"stall: {label}", f"{fmt_ms(worst.gap_ms)}{runs}", f"< {STALL_TARGET_MS:.0f} ms",
              verdict(worst.gap_ms, STALL_TARGET_MS), note)


def cold_starts(folder: Path, table: Table) -> None:
    """1 and 5: the app and a bare window with as many widgets, started alternately in fresh processes."""
    from _common import fmt_ms, sqlite_url, stats

    os.environ["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    small = sqlite_url(folder / "start.db")
    first = spawn("app", small)  # creates and migrates the database and fills the bytecode cache
    widgets = int(first["widgets"])
    spawn("bare", str(widgets))
    app_runs, bare_runs = [], []
    for _ in range(COLD_RUNS):
        app_runs.append(spawn("app", small))
        bare_runs.append(spawn("bare", str(widgets)))
    app_paint = stats(r["painted"] * 1000 for r in app_runs)
    bare_paint = stats(r["painted"] * 1000 for r in bare_runs)
    listed = stats(r["listed"] * 1000 for r in app_runs if "listed" in r)
    ratio = app_paint.median / bare_paint.median
    table.add(f"cold start to first paint: app ({widgets} widgets)",
              f"{fmt_ms(app_paint.min)} min / {fmt_ms(app_paint.median)} median (n={app_paint.n})")
    table.add(f"cold start to first paint: bare window ({int(bare_runs[0]['widgets'])} widgets)",
              f"{fmt_ms(bare_paint.min)} min / {fmt_ms(bare_paint.median)} median (n={bare_paint.n})")
    table.add("  ratio app / bare (medians)", f"{ratio:.2f}x", f"<= {START_RATIO_TARGET}x",
              "ok" if ratio <= START_RATIO_TARGET else "over")
    heavy = sorted({m for r in app_runs for m in r["heavy_before_paint"]})
    table.add("  heavy modules loaded before the first paint", ", ".join(heavy) or "none", "none")
    table.add("  app: database open, patient list shown", f"{fmt_ms(listed.min)} min / {fmt_ms(listed.median)} "
              "median", "(no target)")
    app_rss = stats(r["rss_listed"] for r in app_runs if "rss_listed" in r).median
    app_rss_paint = stats(r["rss_painted"] for r in app_runs).median
    bare_rss = stats(r["rss_painted"] for r in bare_runs).median
    table.add("RSS after start: app (list shown) / bare (painted)",
              f"{app_rss:.0f} / {bare_rss:.0f} MiB = {app_rss / bare_rss:.2f}x", "(no target)")
    table.add("  app at its first paint / bare", f"{app_rss_paint:.0f} MiB = {app_rss_paint / bare_rss:.2f}x")


def main() -> None:
    import tempfile

    from _common import Table, demo_database, fmt_ms, fmt_stats_ms, isolate_user_folders, verdict, working_copy

    with tempfile.TemporaryDirectory(prefix="intake-bench-gui-") as scratch:
        folder = Path(scratch)
        isolate_user_folders(folder / "home")
        table = Table("GUI benchmark (offscreen)", ("measure", "figure", "target", "", "note"))
        cold_starts(folder, table)

        database = working_copy(demo_database(), folder)
        figures = measure_in_process(database)
        for key, label in (("answer_api", "form.set_regions()"), ("answer_map", "click on the map"),
                           ("answer_key", "keyboard, End/Home in a list")):
            signal, painted = figures[key]
            table.add(f"answer -> assessed signal: {label}", fmt_stats_ms(signal), f"< {ANSWER_TARGET_MS:.0f} ms",
                      verdict(signal.p95, ANSWER_TARGET_MS))
            table.add(f"answer -> panel repainted: {label}", fmt_stats_ms(painted), f"< {ANSWER_TARGET_MS:.0f} ms",
                      verdict(painted.p95, ANSWER_TARGET_MS))
        search, painted = figures["search"], figures["search_painted"]
        slowest = ", ".join(f"'{text}' {fmt_ms(value)}" for value, text in figures["search_slowest"])
        table.add("search_now -> search_finished, 100k patients", fmt_stats_ms(search),
                  f"< {SEARCH_TARGET_MS:.0f} ms", verdict(search.p95, SEARCH_TARGET_MS), f"slowest: {slowest}")
        table.add("search_now -> first page painted", fmt_stats_ms(painted), f"< {SEARCH_TARGET_MS:.0f} ms",
                  verdict(painted.p95, SEARCH_TARGET_MS))
        table.add("sort by column (birth date / name) -> finished", fmt_stats_ms(figures["sort"]),
                  f"< {SEARCH_TARGET_MS:.0f} ms", verdict(figures["sort"].p95, SEARCH_TARGET_MS))
        table.add(f"heartbeat every {HEARTBEAT_MS} ms, idle 1 s: longest gap", fmt_ms(figures["idle_gap"]),
                  "(noise floor)")
        stall_row(table, "saving a draft", figures["stall_save"])
        stall_row(table, "searching", figures["stall_search"])
        stall_row(table, "print preview, first (reportlab loads)", figures["stall_preview_first"])
        stall_row(table, "print preview, again", figures["stall_preview_again"])
        stall_row(table, "referral_pdf through the TaskRunner", figures["stall_referral"])
        stall_row(table, "answer change + recovery journal write", figures["stall_answer_journal"])
        stall_row(table, "opening the first intake (builds the page)", figures["stall_open_first"])
        stall_row(table, "opening an intake again", figures["stall_open_again"])
        count, longest, objects = figures["gc_full"]
        table.add("full garbage collections during the session", f"{count}, longest {fmt_ms(longest)}",
                  "", "", f"{objects:,} live objects at the end")
        table.add("RSS of this process after the 100k session", f"{figures['rss_end']:.0f} MiB")
        table.print()


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--child":
        if sys.argv[2] == "app":
            child_app(sys.argv[3])
        else:
            child_bare(int(sys.argv[3]))
    else:
        main()
