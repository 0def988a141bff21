"""How fast the intake form is built from the questionnaire and how cheap reading its answers is.

Prints figures only (no pass/fail): building the whole form (target well under 150 ms) and
`answers()` after a change (the app re-screens on every change; target under 2 ms).
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/form.py
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

import intake_app.gui  # noqa: E402,F401  (applies the PySide6 6.12 None guard first)
from intake_app.domain import load_questionnaire  # noqa: E402
from intake_app.gui.intake_form import IntakeForm  # noqa: E402


def main() -> None:
    app = QApplication.instance() or QApplication([])
    questionnaire = load_questionnaire()
    builds = []
    forms = []
    for _ in range(7):
        start = time.perf_counter()
        form = IntakeForm(questionnaire)
        builds.append((time.perf_counter() - start) * 1000)
        forms.append(form)
    form = forms[-1]
    reads = []
    for i in range(200):
        form.set_regions("pain", {"left": ["heel"] if i % 2 else ["arch"], "right": []})
        start = time.perf_counter()
        form.answers()
        reads.append((time.perf_counter() - start) * 1000)
    print(f"form build     median {statistics.median(builds):7.1f} ms   min {min(builds):7.1f} ms   target < 150 ms")
    print(f"answers()      median {statistics.median(reads):7.3f} ms   p95 "
          f"{sorted(reads)[int(len(reads) * 0.95)]:7.3f} ms   target < 2 ms")
    for f in forms:
        f.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    main()
