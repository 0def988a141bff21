"""The GUI benchmark's measurements in fresh child processes (bench/gui.py run with --child): the cold start
of the app against bare windows with the same widgets, style sheet and libraries, and the memory after the
intake page is built against a bare window in a process that imported the same modules.

The children import nothing from the bench folder but this module and the instruments' (standard library
only), so the app and the bare window each pay only for themselves; the parent imports the shared helpers
inside its functions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

COLD_RUNS = 7
MEMORY_RUNS = 3
START_RATIO_TARGET = 1.3  # first paint, app / bare window with the same widgets and style sheet
MEMORY_RATIO_TARGET = 1.3  # after the intake page is built / bare window, same widgets and libraries
WINDOW_SIZE = (1320, 720)  # the main window's default size; the bare window paints the same area
CHILD_TIMEOUT_S = 120
HEAVY_MODULES = ("sqlalchemy", "alembic", "reportlab", "yaml", "jsonschema", "faker", "argon2")
GUI_SCRIPT = Path(__file__).with_name("gui.py")  # the children's entry point (`gui.py --child KIND ...`)

# A row of the table: measure, ours, floor, ratio, target, verdict (None: context only).
Row = tuple[str, str, str, str, str, "bool | None"]


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
    done = subprocess.run([sys.executable, str(GUI_SCRIPT), "--child", *args], capture_output=True, text=True,
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


def run_child(args: list[str]) -> None:
    """One child, from `gui.py --child KIND ARGS...` (`args` is KIND ARGS...)."""
    if args[0] == "app":
        child_app(args[1], args[2:] == ["wait"])
    elif args[0] == "app-intake":
        child_app_intake(args[1], int(args[2]), args[3], args[4])
    elif args[0] == "bare-libraries":
        child_bare_libraries(int(args[1]), args[2], args[3])
    elif args[0] == "bare-qt":
        child_bare_qt(int(args[1]), args[2], args[3])
    else:
        child_bare(int(args[1]), args[2])


# --- the parent: children started in turn, paired ----------------------------------------------------


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

