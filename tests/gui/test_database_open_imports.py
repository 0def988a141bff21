"""Issue 14 target 4 (no stall at start): when the database has opened on its thread, the window's part
(`set_clinic`: the clinic's language, the sign-in screen, the pages' start) loads no module of ours on the
window's thread (the day's backup it starts loads its own, on its worker thread). It used to import the
desk's translations there, and with them the questionnaire's room: 8-9 ms of the window's thread in one
turn, just as the sign-in screen came up."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.gui.staff import add_staff

CODE = """
import sys
import threading
from intake_app.gui.app import build_window, create_application
from intake_app.gui.main_window import MainWindow
from intake_app.settings import Settings
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = create_application()
loaded = []
inside = []


class Watch:
    \"\"\"Told of every module about to be loaded (first on the finder list, it finds nothing itself).\"\"\"

    def find_spec(self, name, path=None, target=None):
        if inside and threading.current_thread() is threading.main_thread() and name.startswith("intake_app"):
            loaded.append(name)
        return None


sys.meta_path.insert(0, Watch())
set_clinic = MainWindow.set_clinic

def watched(self, *args, **kwargs):
    inside.append(True)
    try:
        return set_clinic(self, *args, **kwargs)
    finally:
        inside.clear()
        QTimer.singleShot(0, QApplication.quit)

MainWindow.set_clinic = watched
window = build_window(sys.argv[1], Settings())
window.show()
QTimer.singleShot(60000, QApplication.quit)
app.exec()
sys.stderr.write("\\nLOADED " + repr(loaded))
"""


def test_the_window_loads_nothing_of_ours_when_the_database_has_opened(tmp_path: Path) -> None:
    env = {"INTAKE_APP_CONFIG_DIR": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
           "QT_QPA_PLATFORM": "offscreen"}
    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    add_staff(url)  # a clinic with accounts: the window waits at the sign-in screen, as every working day
    done = subprocess.run([sys.executable, "-c", CODE, url], capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    assert "LOADED " in done.stderr, done.stderr[-2000:]
    loaded = ast.literal_eval(done.stderr.rsplit("LOADED ", 1)[1].strip())
    assert loaded == []
