"""Screenshots of the access screens (issue 13): sign-in, the lock screen with the urgent notice, the
first-run setup with its recovery key, the staff accounts and the audit trail. Synthetic data only.

Run (one screen size per run; the window fills the screen less a 40-pixel taskbar):
  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_access_screenshots.py
  xvfb-run -a -s "-screen 0 1024x600x24" .venv/bin/python docs/screenshots/take_access_screenshots.py
Writes sign-in.png, lock-screen.png, admin-page.png, accounts.png, audit-viewer.png, clinic-settings.png,
setup.png and setup-recovery-key.png
next to this file (at 1024x600 with "-1024x600" added).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
TASKBAR = 40
PASSWORD = "correct horse battery"


def wait_for(signal: Any, timeout_ms: int = 20000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def pause(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def suffix() -> str:
    screen = QApplication.primaryScreen().geometry()
    size = f"{screen.width()}x{screen.height()}"
    return "" if size == "1366x768" else f"-{size}"


def shoot(name: str, widget: QWidget | None = None) -> None:
    pause()
    screen = QApplication.primaryScreen()
    image = screen.grabWindow(0) if widget is None else widget.grab()
    target = HERE / f"{name}{suffix()}.png"
    image.save(str(target))
    print(f"wrote {target.name} ({image.width()}x{image.height()})")


def prepare(url: str) -> Any:
    """Staff accounts, demonstration patients, a day's intakes and an urgent draft nobody acknowledged."""
    from intake_app.access.passwords import Secret
    from intake_app.access.roles import Role
    from intake_app.demo import NO_RED_FLAGS
    from intake_app.services import Clinic

    clinic = Clinic.open(url)
    key = clinic.create_first_administrator("admin", "Ada Admin", Secret(PASSWORD))
    clinic.sign_in("admin", Secret(PASSWORD))
    for name, display, role in (("desk1", "Dee Desk", Role.FRONT_DESK), ("desk2", "Sam Front", Role.FRONT_DESK),
                                ("dr.okafor", "Dr Ngozi Okafor", Role.CLINICIAN),
                                ("physio.lee", "Jin Lee", Role.CLINICIAN)):
        clinic.add_account(name, display, role, Secret("first password " + name))
    clinic.add_demo_data(40)
    clinic.sign_out()
    for name in ("desk1", "dr.okafor"):
        clinic.sign_in(name, Secret("first password " + name), new_password=Secret(PASSWORD))
    patient = clinic.search_patients("")[3]
    draft = clinic.start_intake(patient.id)
    answers = {**dict(draft.document.answers), **NO_RED_FLAGS, "rf_saddle_numbness": "new"}
    clinic.save_draft(draft.id, answers, dt.date.today())
    clinic.sign_out()
    for _attempt in range(5):  # someone mistyped: the accounts list shows a locked account
        try:
            clinic.sign_in("physio.lee", Secret("not the password"))
        except Exception:  # noqa: BLE001,S112 - refusals are the point here
            continue
    clinic.close()
    return key


def sign_in(window: Any, name: str) -> None:
    screen = window.session.sign_in_screen
    screen.name.setText(name)
    screen.password.setText(PASSWORD)
    screen.sign_in_button.click()
    wait_for(window.session.signed_in)


def main() -> int:
    if os.environ.get("QT_QPA_PLATFORM", "") == "offscreen" or not os.environ.get("DISPLAY"):
        print("run under xvfb-run (a real X display), see the docstring", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="intake-shots-"))
    os.environ["INTAKE_APP_CONFIG_DIR"] = str(folder / "config")
    os.environ["INTAKE_APP_STATE_DIR"] = str(folder / "state")
    url = f"sqlite:///{folder / 'demo.db'}"
    prepare(url)
    from intake_app.gui.app import build_window, create_application
    from intake_app.gui.setup_dialog import SetupDialog
    from intake_app.services import Clinic
    from intake_app.settings import Settings

    create_application()
    window = build_window(url, Settings())
    screen = QApplication.primaryScreen().availableGeometry()
    window.setGeometry(0, 0, screen.width(), screen.height() - round(TASKBAR / window.devicePixelRatioF()))
    window.show()
    wait_for(window.clinic_ready)
    sign_in_screen = window.session.sign_in_screen
    wait_for(window.session.urgent_checked)
    sign_in_screen.name.setText("desk1")
    shoot("sign-in")

    sign_in(window, "desk1")
    window.session.lock()
    wait_for(window.session.urgent_checked)
    shoot("lock-screen")
    lock = window.session.lock_screen
    lock.password.setText(PASSWORD)
    lock.unlock_button.click()
    wait_for(window.session.locked_changed)
    window.session.sign_out()

    sign_in(window, "admin")
    shoot("admin-page")
    window.admin.accounts()
    accounts = window.accounts_dialog
    wait_for(accounts.listed)
    accounts.resize(min(720, window.width() - 40), min(420, window.height() - 60))
    accounts.select("physio.lee")
    shoot("accounts", accounts)
    accounts.close()
    window.admin.audit()
    viewer = window.audit_viewer
    wait_for(viewer.shown)
    viewer.check_button.click()
    wait_for(viewer.checked)
    shoot("audit-viewer", viewer)
    viewer.close()
    window.admin.clinic_settings()
    clinic_settings = window.clinic_settings_dialog
    clinic_settings.resize(min(640, window.width() - 40), min(600, window.height() - 60))
    shoot("clinic-settings", clinic_settings)
    clinic_settings.close()

    empty = Clinic.open(f"sqlite:///{folder / 'empty.db'}")
    setup = SetupDialog(empty, window)
    setup.name.setText("owner")
    setup.display_name.setText("Olu Owner")
    setup.show()
    shoot("setup", setup)
    setup.password.setText(PASSWORD)
    setup.repeat.setText(PASSWORD)
    setup.create_administrator()
    wait_for(setup.runner.idle)
    shoot("setup-recovery-key", setup)
    setup.written.setChecked(True)
    setup.done_button.click()
    empty.close()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
