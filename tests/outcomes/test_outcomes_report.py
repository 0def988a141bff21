"""The screening-record PDF: figures with counts, charts with labels in the text layer, synthetic marked."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from intake_app.domain.outcomes import Outcome
from intake_app.reports.outcomes import SYNTHETIC_NOTE, build_outcomes_report
from intake_app.screening.performance import measure
from tests.outcomes.test_performance import CASES

NAMES = {"R1": "Suspected cauda equina", "R4": "Possible malignancy", "S1": "Pain travels into the foot"}


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "record.pdf"
    path.write_bytes(pdf)
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_report_for_a_period_with_cases_has_figures_charts_and_counts(tmp_path: Path) -> None:
    report = measure(CASES, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 10))
    pdf = build_outcomes_report(report, clinic_name="Test Clinic", rule_names=NAMES,
                                generated=dt.datetime(2026, 11, 29, 9, 0))
    text = _text(pdf, tmp_path)
    for expected in ("How the screening does", "By level", "Spinal origin likely", "3 of 4 (75%",
                     "fewer than 10 cases", "Confirmed among seen, by level", "Times fired (light)",
                     "R1 Suspected cauda equina", "median 16.2 hours", "Rules version 2026.11-1",
                     "Re-screened with newer rules", "100%", "0%"):
        assert expected in text, expected
    assert SYNTHETIC_NOTE not in text
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(tmp_path / "record.pdf")], capture_output=True, text=True).stdout
        rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
        assert rows and all(row[-5] == "yes" for row in rows), fonts  # every font embedded
    assert PdfReader(tmp_path / "record.pdf").metadata.title == "Screening record"


@pytest.mark.parametrize("period", [(dt.date(2025, 1, 1), dt.date(2025, 1, 2)), (dt.date(2026, 11, 20), None)])
def test_report_for_an_empty_period_and_for_one_case(period: tuple[dt.date, dt.date | None], tmp_path: Path) -> None:
    report = measure(CASES, start=period[0], end=period[1])
    text = _text(build_outcomes_report(report, clinic_name="Test Clinic", rule_names=NAMES), tmp_path)
    assert "How the screening does" in text
    if report.overall.cases == 0:
        assert "0 completed intakes" in text and "No rule fired in this period." in text
    else:
        assert "1 completed intakes" in text and "1 of 1 (100%" in text


def test_synthetic_outcomes_are_labelled_on_every_page(tmp_path: Path) -> None:
    synthetic = [
        row.__class__(**{**row.__dict__, "outcome": Outcome(finding="spinal_confirmed", synthetic=True)})
        for row in CASES
    ] * 8
    pdf = build_outcomes_report(measure(synthetic), clinic_name="Demo Clinic", rule_names=NAMES)
    path = tmp_path / "synthetic.pdf"
    path.write_bytes(pdf)
    pages = PdfReader(path).pages
    assert all(SYNTHETIC_NOTE in page.extract_text() for page in pages)
