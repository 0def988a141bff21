"""Issue 14 item 4, the first window: the sign-in screen is painted alone and the pages behind it (the patient
list with Today, the administrator's page, patient mode's banner) are built after that paint, a piece per
event-loop turn; asked for earlier, they are built at once. What happens when, not how fast (bench/gui.py
measures the speed).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from intake_app.gui.app import build_window, create_application
from intake_app.gui.main_window import MainWindow
from intake_app.settings import Settings
from tests.gui.scripted import ScriptedChooser
from tests.gui.staff import PASSWORD, fast_passwords, open_clinic, type_sign_in
from tests.gui.test_desk_findings import import_urgent
from tests.gui.test_front_desk import seeded_url  # noqa: F401 (fixture)

pytestmark = pytest.mark.gui

WORK_PARTS = ("patients", "today", "patients_page", "home_tabs", "admin_page", "patient_desk")


def built_parts(window: MainWindow) -> list[str]:
    """The work pages that exist (looked up without building them)."""
    return [name for name in WORK_PARTS if window.__dict__.get(f"_work_{name}") is not None]


def new_window(url: str) -> MainWindow:
    create_application()
    return build_window(url, Settings(), ScriptedChooser(), clinic_options={"passwords": fast_passwords()})


def test_the_first_paint_shows_the_sign_in_screen_alone_then_the_pages_follow_a_piece_a_turn(
    qtbot: Any, seeded_url: str  # noqa: F811
) -> None:
    window = new_window(seeded_url)
    qtbot.addWidget(window)
    at_paint: dict[str, Any] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
            if watched is window and event.type() == QEvent.Type.Paint and not at_paint:
                at_paint["parts"] = built_parts(window)
                at_paint["screen"] = window.shell.currentWidget()
                at_paint["widgets"] = len(window.findChildren(QWidget))
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    turns: list[list[str]] = []
    window.work_builder._timer.timeout.connect(lambda: turns.append(built_parts(window)))
    with qtbot.waitSignal(window.clinic_ready, timeout=10000):
        window.show()
    qtbot.waitUntil(lambda: window.work_builder.done, timeout=10000)
    assert at_paint["parts"] == [] and at_paint["screen"] is window.session.sign_in_screen
    assert at_paint["widgets"] < len(window.findChildren(QWidget)) / 2
    # One piece per turn of the event loop: never two pages made in the same turn.
    assert len(turns) >= len(WORK_PARTS)
    grown = [len(b) - len(a) for a, b in zip([[], *turns], turns, strict=False)]
    assert max(grown) <= 2  # the tab holder and its page are one piece
    assert built_parts(window) == list(WORK_PARTS)
    assert window.stack.indexOf(window.patients_page) == 0 and window.shell.indexOf(window.admin_page) >= 0
    assert window.centralWidget().layout().itemAt(0).widget() is window.patient_desk.banner
    # Still the sign-in screen, the name box has the keyboard, and the urgent banner stays hidden over it.
    screen = window.session.sign_in_screen
    assert window.shell.currentWidget() is screen
    assert window.focusWidget() is screen.name
    assert not window.patient_desk.banner.isVisible()
    type_sign_in(qtbot, window, "desk", PASSWORD)
    qtbot.waitUntil(lambda: window.shell.currentWidget() is window.stack, timeout=15000)
    assert window.stack.currentWidget() is window.patients_page
    qtbot.waitUntil(lambda: not window.patients.runner.is_busy, timeout=10000)


def test_a_page_asked_for_before_its_turn_is_built_at_once(qtbot: Any, seeded_url: str) -> None:  # noqa: F811
    window = new_window(seeded_url)
    qtbot.addWidget(window)
    assert built_parts(window) == [] and not window.work_builder.done
    assert window.home_tabs.currentWidget() is window.patients  # reading one page builds them all
    assert window.work_builder.done and built_parts(window) == list(WORK_PARTS)
    assert window.stack.currentWidget() is window.patients_page
    assert window.patient_answers_button.parent() is window.home_tabs.cornerWidget()
    with qtbot.waitSignal(window.clinic_ready, timeout=10000):
        window.show()
    window.work_builder.start()  # nothing left: starting again builds nothing twice
    assert len(window.findChildren(type(window.patients))) == 1
    qtbot.waitUntil(lambda: not window.patients.runner.is_busy, timeout=10000)


def test_the_sign_in_screen_counts_urgent_red_flags_while_the_pages_are_built(
    qtbot: Any, seeded_url: str, tmp_path: Path  # noqa: F811
) -> None:
    other_desk = open_clinic(seeded_url, "doctor")
    import_urgent(other_desk, tmp_path)  # an urgent intake nobody has acknowledged yet
    other_desk.close()
    window = new_window(seeded_url)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.session.urgent_checked, timeout=10000) as checked:
        window.show()
    assert checked.args[0] == 1
    urgent = window.session.sign_in_screen.urgent
    assert urgent.isVisible() and urgent.text() == "Urgent red flag - sign in"
    # Its look comes from the application's style sheet (a style sheet of its own was parsed apart).
    assert urgent.styleSheet() == "" and "QLabel#urgentNotice" in QApplication.instance().styleSheet()
    qtbot.waitUntil(lambda: window.work_builder.done, timeout=10000)
    qtbot.waitUntil(lambda: not window.patients.runner.is_busy, timeout=10000)


def test_nothing_behind_the_sign_in_screen_is_loaded_before_the_first_paint(tmp_path: Path) -> None:
    """In a fresh process, as the app starts: at the first paint neither the Argon2 library nor the modules of
    the work pages are loaded (before: argon2 through the session's password type, and every page)."""
    url = f"sqlite:///{tmp_path / 'first.db'}"
    code = (
        "import sys\n"
        "from PySide6.QtCore import QEvent, QObject, QTimer\n"
        "from intake_app.gui.app import build_window, create_application\n"
        "from intake_app.settings import Settings\n"
        "app = create_application()\n"
        f"window = build_window({url!r}, Settings())\n"
        "class FirstPaint(QObject):\n"
        "    def eventFilter(self, watched, event):\n"
        "        if watched is window and event.type() == QEvent.Type.Paint:\n"
        "            sys.stderr.write('\\nMODULES ' + repr(sorted(sys.modules)))\n"
        "            sys.stderr.flush()\n"
        "            import os; os._exit(0)\n"
        "        return False\n"
        "watcher = FirstPaint()\n"
        "window.installEventFilter(watcher)\n"
        "window.show()\n"
        "QTimer.singleShot(60000, app.quit)\n"
        "app.exec()\n"
    )
    env = {"INTAKE_APP_CONFIG_DIR": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                          check=False)
    assert "MODULES " in done.stderr, done.stderr[-2000:]
    modules = ast.literal_eval(done.stderr.rsplit("MODULES ", 1)[1])
    assert "intake_app.gui.sign_in" in modules
    late = ("argon2", "intake_app.gui.patients", "intake_app.gui.today", "intake_app.gui.patient_desk",
            "intake_app.recovery", "sqlalchemy", "reportlab")
    assert not [m for m in modules if m.startswith(late)]


def test_no_qt_module_is_loaded_off_the_gui_thread(tmp_path: Path) -> None:
    """PySide6 makes its types on first use, which is not safe from another thread: the intake workspace's
    and the preview's modules loaded on a worker thread after start-up crashed the window now and then
    (a segmentation fault). In a fresh process: every module of PySide6 and of the gui package loaded while
    the window starts, builds its pages, the intake workspace and the preview dialog comes in on the GUI
    thread."""
    url = f"sqlite:///{tmp_path / 'threads.db'}"
    code = (
        "import sys, threading\n"
        "off_thread = []\n"
        "class Watch:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.startswith(('PySide6', 'intake_app.gui')) and threading.current_thread() is not \\\n"
        "                threading.main_thread():\n"
        "            off_thread.append(name)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Watch())\n"
        "from PySide6.QtCore import QTimer\n"
        "from intake_app.gui.app import build_window, create_application\n"
        "from intake_app.settings import Settings\n"
        "app = create_application()\n"
        f"window = build_window({url!r}, Settings())\n"
        "def check():\n"
        "    if window.preview_dialog is not None and window._building is None and window.work_builder.done:\n"
        "        sys.stderr.write('\\nOFF ' + repr(off_thread) + ' ' + repr('intake_app.gui.preview' in sys.modules))\n"
        "        sys.stderr.flush()\n"
        "        import os; os._exit(0)\n"
        "    QTimer.singleShot(50, check)\n"
        "window.show()\n"
        "QTimer.singleShot(50, check)\n"
        "QTimer.singleShot(90000, app.quit)\n"
        "app.exec()\n"
    )
    env = {"INTAKE_APP_CONFIG_DIR": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=150,
                          check=False)
    assert "OFF " in done.stderr, done.stderr[-2000:]
    off_thread, preview_loaded = done.stderr.rsplit("OFF ", 1)[1].rsplit(" ", 1)
    assert preview_loaded == "True"
    assert ast.literal_eval(off_thread) == []


def test_what_start_up_loaded_is_kept_out_of_full_collections_before_the_database_loads(
    qtbot: Any, seeded_url: str, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """Loading the database (SQLAlchemy, on its thread) set off full garbage collections over everything the
    window had loaded, pausing the sign-in screen for 90-140 ms; the pages behind it were built while it
    loaded, each step waiting for Python's lock. Now start-up's objects are frozen after the first paint and
    again once the database is open, and the pages are built after that."""
    import gc

    from intake_app.gui import app as app_module

    gc.unfreeze()  # whatever earlier tests in this process froze
    seen: list[tuple[int, bool]] = []
    opening = app_module.open_database_later

    def recorded(window: MainWindow, *args: Any) -> None:
        seen.append((gc.get_freeze_count(), window.work_builder.done or bool(built_parts(window))))
        opening(window, *args)

    monkeypatch.setattr(app_module, "open_database_later", recorded)
    window = new_window(seeded_url)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.clinic_ready, timeout=10000):
        window.show()
    frozen_at_open, pages_begun = seen[0]
    assert frozen_at_open > 0 and not pages_begun
    assert gc.get_freeze_count() > frozen_at_open  # the clinic and the database's modules too
    qtbot.waitUntil(lambda: window.work_builder.done, timeout=10000)
    qtbot.waitUntil(lambda: not window.patients.runner.is_busy, timeout=10000)
