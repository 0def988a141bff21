"""Take the README screenshots of the real window on a virtual X display (synthetic demo data only).

Run (one screen size per run; the window fills the screen less a 40-pixel taskbar):
  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_screenshots.py
  xvfb-run -a -s "-screen 0 1024x600x24" .venv/bin/python docs/screenshots/take_screenshots.py
  QT_SCALE_FACTOR=1.25 xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_screenshots.py
Writes patients.png (the list), intake-map.png, summary.png, urgent-banner.png, today.png and settings.png
next to this file: at 1366x768 under those names, otherwise with "-1024x600" or "-125" added.
With SHOT_LANGUAGE=es the clinic's language is Spanish and "-es" is added to every name.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
TASKBAR = 40


def wait_for(signal: object, timeout_ms: int = 15000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def pause(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def suffix() -> str:
    language = os.environ.get("SHOT_LANGUAGE", "en")
    return ("" if language == "en" else f"-{language}") + _size_suffix()


def _size_suffix() -> str:
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    if abs(scale - 1) > 0.01:
        return f"-{round(scale * 100)}"
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


def main() -> int:
    if os.environ.get("QT_QPA_PLATFORM", "") == "offscreen" or not os.environ.get("DISPLAY"):
        print("run under xvfb-run (a real X display), see the docstring", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="intake-shots-"))
    os.environ["INTAKE_APP_CONFIG_DIR"] = str(folder / "config")
    os.environ["INTAKE_APP_STATE_DIR"] = str(folder / "state")
    url = f"sqlite:///{folder / 'demo.db'}"
    from intake_app.access.passwords import Secret
    from intake_app.access.roles import Role
    from intake_app.demo import NO_RED_FLAGS, SCENARIOS
    from intake_app.services import Clinic
    from intake_app.settings import Settings

    password = Secret("correct horse battery")
    clinic = Clinic.open(url)
    clinic.create_first_administrator("admin", "Ada Admin", password)
    clinic.sign_in("admin", password)
    clinic.add_demo_data(400)
    clinic.save_clinic_settings({"clinic_name": "Riverside Foot & Spine Clinic",
                                 "clinic_language": os.environ.get("SHOT_LANGUAGE", "en")})
    clinic.add_account("desk1", "Dee Desk", Role.FRONT_DESK, Secret("first password desk1"))
    clinic.sign_in("desk1", Secret("first password desk1"), new_password=password)
    clinic.close()
    from intake_app.gui.app import build_window, create_application
    from intake_app.gui.settings_dialog import SettingsDialog

    create_application()
    settings = Settings()
    window = build_window(url, settings)
    screen = QApplication.primaryScreen().availableGeometry()
    window.setGeometry(0, 0, screen.width(), screen.height() - round(TASKBAR / window.devicePixelRatioF()))
    window.show()
    wait_for(window.clinic_ready)
    window.session.sign_in_screen.name.setText("desk1")
    window.session.sign_in_screen.password.setText(password.reveal())
    window.session.sign_in_screen.sign_in_button.click()
    wait_for(window.session.signed_in)
    wait_for(window.patients.search_finished)
    window.patients.search_now("ma")
    wait_for(window.patients.search_finished)
    window.patients.table.selectRow(2)
    wait_for(window.patients.runner.idle)
    shoot("patients")

    window.new_intake(window.patients.current_patient_id())
    wait_for(window.intake_opened)
    page = window.intake_page
    assert page is not None
    likely = dict(next(answers for name, answers in SCENARIOS if name == "sciatica, full pattern"))
    answers = {**page.form.answers(), **likely}
    page.form.set_answers(answers)
    for symptom in ("pain", "numbness", "tingling"):
        page.map.set_marks(symptom, {"left": [], "right": list(answers.get(symptom, {}).get("right", []))})
    page.form.show_section("where")
    page._on_answers_changed()
    if page.mode == "narrow":
        page.all_tabs.setCurrentWidget(page.map_box)
    shoot("intake-map")

    page.form.set_answers({**answers, **{k: v for k, v in NO_RED_FLAGS.items() if k != "rf_cancer_history"}})
    page._on_answers_changed()
    page.show_review()
    shoot("summary")
    page.show_form()

    page.form.set_answers({**answers, "rf_saddle_numbness": "new", "rf_bladder_change": "new"})
    page.form.show_section("safety")
    page._on_answers_changed()
    if page.mode == "narrow":
        page.all_tabs.setCurrentWidget(page.form)
    page.form.focus_field("rf_saddle_numbness")
    shoot("urgent-banner")

    page.save_now_blocking()
    window.show_patients()
    window.show_today()
    wait_for(window.today.refreshed)
    shoot("today")

    dialog = SettingsDialog(settings, window)
    dialog.resize(min(640, window.width() - 40), min(dialog.height(), window.height() - 40))
    dialog.show()
    shoot("settings", dialog)
    dialog.close()

    window.home_tabs.setCurrentWidget(window.patients)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
