"""Take the README screenshots of the real window on a virtual X display (synthetic demo data only).

Run:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_screenshots.py
Writes patients.png, intake-map.png, urgent-banner.png and preview.png next to this file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent


def wait_for(signal: object, timeout_ms: int = 15000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def pause(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(name: str) -> None:
    pause()
    screen = QApplication.primaryScreen()
    image = screen.grabWindow(0)
    image.save(str(HERE / name))
    print(f"wrote {name} ({image.width()}x{image.height()})")


def main() -> int:
    if os.environ.get("QT_QPA_PLATFORM", "") == "offscreen" or not os.environ.get("DISPLAY"):
        print("run under xvfb-run (a real X display), see the docstring", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="intake-shots-"))
    os.environ["INTAKE_APP_CONFIG_DIR"] = str(folder / "config")
    os.environ["INTAKE_APP_STATE_DIR"] = str(folder / "state")
    url = f"sqlite:///{folder / 'demo.db'}"
    from intake_app.services import Clinic
    from intake_app.settings import Settings

    Clinic.open(url).add_demo_data(400)
    from intake_app.gui.app import build_window, create_application

    create_application()
    window = build_window(url, Settings(clinic_name="Riverside Foot & Spine Clinic", desk_user="Front desk"))
    window.setGeometry(0, 0, 1366, 740)
    window.show()
    wait_for(window.clinic_ready)
    wait_for(window.patients.search_finished)
    window.patients.search_now("ma")
    wait_for(window.patients.search_finished)
    window.patients.table.selectRow(2)
    wait_for(window.patients.runner.idle)
    shoot("patients.png")

    window.new_intake(window.patients.current_patient_id())
    wait_for(window.intake_opened)
    page = window.intake_page
    answers = dict(page.form.answers())
    answers.update({
        "pain": {"right": ["buttock", "back_of_thigh", "calf", "outer_shin", "top_of_foot", "big_toe"]},
        "tingling": {"right": ["top_of_foot", "big_toe"]},
        "radiates_to": {"right": "foot"}, "weakness": {"right": "none"},
    })
    page.form.set_answers(answers)
    for symptom in ("pain", "tingling"):
        page.map.set_marks(symptom, {"left": [], "right": answers[symptom]["right"]})
    page.form.show_section("where")
    page._on_answers_changed()
    shoot("intake-map.png")

    answers.update({"rf_saddle_numbness": "new", "rf_bladder_change": "new"})
    page.form.set_answers(answers)
    page.form.show_section("safety")
    page._on_answers_changed()
    shoot("urgent-banner.png")

    window.preview()
    dialog = window.preview_dialog
    if not dialog.is_ready:
        wait_for(dialog.ready)
    shoot("preview.png")
    dialog.close()
    page._set_dirty(False)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
