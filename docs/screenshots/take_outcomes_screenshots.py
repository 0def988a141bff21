"""Take the outcome screenshots (issue 17) from synthetic demo data only: the clinicians' page
(outcomes-page.png) and page 1 of the screening's record PDF (outcomes-report-page1.png, pdftoppm at 70 dpi).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_outcomes_screenshots.py [--count N]
A fresh database in a temporary folder gets demo-data's patients with completed intakes and their synthetic
outcomes; nothing outside that folder and the two PNG files is touched.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2500)
    args = parser.parse_args()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from intake_app.access.roles import Actor, Role
    from intake_app.demo import generate_batches
    from intake_app.gui.outcomes_page import OutcomesPage
    from intake_app.services.outcomes import OutcomesMixin
    from intake_app.settings import Settings
    from intake_app.storage import Repository, close_engine, create_database_engine, upgrade
    from intake_app.storage.bulk import bulk_load

    @dataclass
    class Desk(OutcomesMixin):
        repository: Repository
        signed_in: Actor | None  # type: ignore[assignment]
        settings: Settings = field(default_factory=lambda: Settings(clinic_name="Harbourside Foot Clinic"))

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory(prefix="intake-outcome-shots-") as folder:
        engine = create_database_engine(f"sqlite:///{Path(folder) / 'demo.db'}")
        try:
            upgrade(engine)
            added = bulk_load(engine, generate_batches(args.count, seed=20261125), expected=args.count)
            repository = Repository(engine, desk="screenshots")
            Desk(repository, Actor("admin", Role.ADMINISTRATOR))._add_synthetic_outcomes(20261125, newest=added)
            desk = Desk(repository, Actor("doctor", Role.CLINICIAN, "Dr Demo"))
            page = OutcomesPage()
            page.resize(1326, 1000)
            loop = QEventLoop()
            page.loaded.connect(loop.quit)
            page.failed.connect(lambda error: (print(error, file=sys.stderr), loop.quit()))
            QTimer.singleShot(60000, loop.quit)
            page.set_clinic(desk)
            loop.exec()
            page.show()
            app.processEvents()
            page.grab().save(str(HERE / "outcomes-page.png"))
            pdf = Path(folder) / "record.pdf"
            pdf.write_bytes(desk.outcomes_report_pdf())
            subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(HERE / "outcomes-report-page1")], check=True)
        finally:
            close_engine(engine)
    print(f"wrote {HERE / 'outcomes-page.png'} and {HERE / 'outcomes-report-page1.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
