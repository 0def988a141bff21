"""The screening's record PDF through the clinic (from the database): an empty period, one case, the hand-made
set; the chart's labels and axes are in the text layer, every rate with its counts."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.engine import Engine

from intake_app.reports.outcomes import SYNTHETIC_NOTE

from .conftest import LIKELY, NOT_INDICATED, NOW, POSSIBLE, URGENT, OutcomeDesk, add_intake
from .test_outcomes_gui import hand_made


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "record.pdf"
    path.write_bytes(pdf)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    else:
        text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())  # table cells wrap; the words stay in order


def test_an_empty_period(engine: Engine, desk: OutcomeDesk, tmp_path: Path) -> None:
    add_intake(engine, LIKELY, NOW - dt.timedelta(days=30))
    text = text_of(desk.outcomes_report_pdf(dt.date(2020, 1, 1), dt.date(2020, 12, 31)), tmp_path)
    assert "0 completed intakes" in text and "intakes completed 2020-01-01 to 2020-12-31" in text
    assert "No rule fired in this period." in text and "0 of 0 (no cases)" in text
    assert "Confirmed among seen, by level" not in text  # no chart of nothing


def test_one_case(engine: Engine, desk: OutcomeDesk, tmp_path: Path) -> None:
    completed = NOW - dt.timedelta(days=30)
    intake_id = add_intake(engine, URGENT, completed)
    route = (completed + dt.timedelta(hours=4)).astimezone().strftime("%Y-%m-%d %H:%M")
    desk.record_outcome(intake_id, {"finding": "spinal_confirmed", "urgent_route_at": route})
    day = completed.astimezone().date()
    text = text_of(desk.outcomes_report_pdf(day, day), tmp_path)
    assert "1 completed intakes" in text and "1 of 1 (100%, 95% CI 21-100%)" in text and "fewer than 10" in text
    assert "Confirme d" not in text  # the rule table's headings fit their columns
    assert "median 4.0 hours" in text and "R1 Suspected cauda equina" in text


def test_the_hand_made_set_has_its_chart_labels_and_axes_in_the_text_layer(
    engine: Engine, desk: OutcomeDesk, tmp_path: Path
) -> None:
    hand_made(engine, desk)
    pdf = desk.outcomes_report_pdf()
    text = text_of(pdf, tmp_path)
    for expected in ("Confirmed among seen, by level (bars), with 95% intervals", "Times fired (light) and cases "
                     "confirmed (dark), per rule", "0%", "20%", "100%", "3 of 4", "Spinal origin likely",
                     "3 of 4 (75%, 95% CI 30-95%)", "Rules version 2026.11-1",
                     "Re-screened with newer rules", "S1 CORE: pain into the foot"):
        assert expected in text, expected
    assert SYNTHETIC_NOTE not in text
    assert "spinal_confirmed" not in text and "not_indicated" not in text  # codes never printed
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(tmp_path / "record.pdf"), str(tmp_path / "page")],
                       check=True)
        assert (tmp_path / "page-1.png").stat().st_size > 10_000


@pytest.mark.parametrize("scenario", [POSSIBLE, NOT_INDICATED])
def test_an_unreferred_level_with_no_outcome_is_counted_as_screened_only(
    engine: Engine, desk: OutcomeDesk, scenario: str
) -> None:
    add_intake(engine, scenario, NOW - dt.timedelta(days=30))
    levels = {f.level: f for f in desk.outcomes_performance().overall.levels}
    level = "possible" if scenario == POSSIBLE else "not_indicated"
    assert (levels[level].screened, levels[level].seen, levels[level].confirmed) == (1, 0, 0)


def test_a_long_urgent_list_is_cut_to_the_cases_to_look_at_first(tmp_path: Path) -> None:
    from intake_app.domain.outcomes import Outcome
    from intake_app.reports.outcomes import URGENT_LISTED, build_outcomes_report
    from intake_app.screening.performance import CaseRow, measure

    start = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)
    rows = [CaseRow(n, "v1", "urgent", "E", ("R1",), False, start, Outcome(
        finding="spinal_confirmed", urgent_route_at=start + dt.timedelta(hours=n) if n % 10 else None))
        for n in range(1, 61)]
    text = text_of(build_outcomes_report(measure(rows), clinic_name="Test", rule_names={}), tmp_path)
    assert f"Listed: the {URGENT_LISTED} cases with no time recorded or the longest times, of 60." in text
    assert "59 2026-10-01 09:00 2026-10-03 20:00 59.0" in text.replace("same-day emergency ", "")
    assert text.count("not recorded") == 6 and " 1 same-day emergency" not in text  # the quickest is left out


def test_the_listed_urgent_case_shows_local_times(engine: Engine, desk: OutcomeDesk, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The figures keep urgent times in UTC (no conversion per case); the cases listed read in local time."""
    import time

    monkeypatch.setenv("TZ", "NZST-12NZDT,M9.5.0,M4.1.0/3")  # a POSIX rule: no time-zone database needed
    time.tzset()
    try:
        completed = NOW - dt.timedelta(days=30)
        intake_id = add_intake(engine, URGENT, completed)
        route = (completed + dt.timedelta(hours=4)).astimezone().strftime("%Y-%m-%d %H:%M")
        desk.record_outcome(intake_id, {"finding": "spinal_confirmed", "urgent_route_at": route})
        text = text_of(desk.outcomes_report_pdf(), tmp_path)
        assert completed.astimezone().strftime("%Y-%m-%d %H:%M") in text and route in text
        assert "median 4.0 hours" in text
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
