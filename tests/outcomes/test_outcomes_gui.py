"""The clinicians' page (figures with counts, the bar chart, per rule, by rules version) and the outcome dialog
(plain-word findings, saving through the service, problems shown and the dialog kept open). pytest-qt,
offscreen, waiting on signals."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QDate  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from intake_app.access.roles import PermissionDenied  # noqa: E402
from intake_app.domain.outcomes import FINDINGS  # noqa: E402
from intake_app.gui.outcome_dialog import OutcomeDialog  # noqa: E402
from intake_app.gui.outcomes_page import ALL_VERSIONS, RESCREENED, SYNTHETIC_BANNER, OutcomesPage  # noqa: E402
from intake_app.storage import Repository  # noqa: E402
from tests.gui.scripted import ScriptedChooser  # noqa: E402

from .conftest import (  # noqa: E402
    FRONT_DESK,
    LIKELY,
    NOT_INDICATED,
    NOW,
    POSSIBLE,
    URGENT,
    OutcomeDesk,
    add_intake,
    add_rescreen,
)


def cells(table: object) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[attr-defined]
            for r in range(table.rowCount())]  # type: ignore[attr-defined]


def hand_made(engine: Engine, desk: OutcomeDesk) -> dict[str, int]:
    ids = {}
    for n, (scenario, finding) in enumerate([
        (LIKELY, "spinal_confirmed"), (LIKELY, "spinal_confirmed"), (LIKELY, "not_spinal"), (LIKELY, "not_seen"),
        (URGENT, "spinal_confirmed"), (POSSIBLE, "other_cause"), (NOT_INDICATED, None),
    ]):
        intake_id = add_intake(engine, scenario, NOW - dt.timedelta(days=60 - n))
        ids[f"{scenario}-{n}"] = intake_id
        if finding is not None:
            desk.record_outcome(intake_id, {"finding": finding, "other_cause": "Gout" if finding == "other_cause"
                                            else ""})
    old = add_intake(engine, LIKELY, NOW - dt.timedelta(days=70), rules_version="2026.11-1")
    desk.record_outcome(old, {"finding": "spinal_confirmed"})
    add_rescreen(engine, old, NOT_INDICATED, "2027.01-1")
    return ids


def test_the_page_shows_counts_beside_rates_the_chart_and_the_rules_by_version(
    qtbot: QtBot, engine: Engine, desk: OutcomeDesk, tmp_path: Path
) -> None:
    hand_made(engine, desk)
    page = OutcomesPage()
    qtbot.addWidget(page)
    page.resize(1100, 900)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.set_clinic(desk)
    levels = cells(page.levels_table)
    assert levels[1] == ["Spinal origin likely", "5", "4", "3", "3 of 4 (75%, 95% CI 30-95%) - fewer than 10 cases"]
    assert levels[0][0] == "URGENT" and levels[0][4].startswith("1 of 1 (100%")
    assert all(row[4].startswith(row[3] + " of ") or row[4] == "0 of 0 (no cases)" for row in levels)
    labels = page.chart.labels()
    assert labels[1] == "Spinal origin likely\n3 of 4\nfewer than 10"
    assert labels[3] == "Spinal origin not indicated\n0 of 0"
    rules = {row[0].split()[0]: row for row in cells(page.rules_table)}
    assert rules["R1"][0] == "R1 Suspected cauda equina"
    assert rules["S1"][1:4] == ["6", "5", "4"]
    assert page.banner.isHidden()
    assert "1 urgent result(s)" in page.urgent.text()
    # By rules version, and the re-screened results on their own.
    versions = [page.version.itemText(i) for i in range(page.version.count())]
    assert versions[0] == ALL_VERSIONS and "Rules version 2026.11-1" in versions and versions[-1] == RESCREENED
    page.version.setCurrentIndex(versions.index("Rules version 2026.11-1"))
    assert cells(page.levels_table)[1][1:4] == ["1", "1", "1"]
    page.version.setCurrentIndex(versions.index(RESCREENED))
    assert cells(page.levels_table)[3][1] == "1" and page.summary.text() == "1 re-screened intakes."
    page.version.setCurrentIndex(0)
    page.show()
    qtbot.waitExposed(page)
    image = page.chart.grab().toImage()
    assert image.save(str(tmp_path / "chart.png")) and not QImage(str(tmp_path / "chart.png")).isNull()
    # The bars are painted: the likely bar's colour is there, and the small-group hatching leaves light pixels.
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert "#3b6e99" in colours and "#dbe6f0" in colours


def test_an_empty_period_and_synthetic_outcomes(qtbot: QtBot, engine: Engine, desk: OutcomeDesk) -> None:
    from intake_app.domain.outcomes import Outcome
    from intake_app.storage.outcomes_store import AuditContext, record_outcome

    intake_id = add_intake(engine, LIKELY, NOW - dt.timedelta(days=60))
    record_outcome(engine, intake_id, Outcome(finding="spinal_confirmed", synthetic=True),
                   AuditContext(desk.actor, "demo", NOW))  # type: ignore[arg-type]
    page = OutcomesPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.set_clinic(desk)
    assert page.banner.isVisibleTo(page) and page.banner.text() == SYNTHETIC_BANNER
    page.whole.setChecked(False)
    page.start.setDate(QDate(2020, 1, 1))
    page.end.setDate(QDate(2020, 1, 31))
    with qtbot.waitSignal(page.loaded, timeout=10000) as blocker:
        page.refresh_button.click()
    assert blocker.args[0].overall.cases == 0
    assert all(row[4] == "0 of 0 (no cases)" for row in cells(page.levels_table))
    assert cells(page.rules_table) == [["No rule fired in this period.", "", "", "", ""]]
    assert page.chart.labels() == [] and not page.banner.isVisibleTo(page)


def test_the_page_passes_a_refusal_on(qtbot: QtBot, repository: Repository) -> None:
    page = OutcomesPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.failed, timeout=10000) as blocker:
        page.set_clinic(OutcomeDesk(repository, FRONT_DESK))
    assert isinstance(blocker.args[0], PermissionDenied)


def test_the_dialog_records_an_outcome_in_plain_words(qtbot: QtBot, engine: Engine, desk: OutcomeDesk) -> None:
    intake_id = add_intake(engine, URGENT, NOW - dt.timedelta(days=3))
    dialog = OutcomeDialog(desk, intake_id, urgent=True)
    qtbot.addWidget(dialog)
    assert [b.text() for b in dialog.finding_buttons.values()] == list(FINDINGS.values())
    assert not dialog.other_cause.isEnabled()
    dialog.finding_buttons["spinal_confirmed"].setChecked(True)
    dialog.seen_by.setText("Ms Example")
    dialog.seen_on_known.setChecked(True)
    dialog.seen_on.setDate(QDate(2026, 11, 20))
    dialog.imaging["mri"].setChecked(True)
    dialog.route_known.setChecked(True)
    completed = (NOW - dt.timedelta(days=3) + dt.timedelta(hours=2)).astimezone()
    dialog.route_at.setDateTime(completed.replace(tzinfo=None))
    dialog.note.setPlainText("Decompression the same night.")
    with qtbot.waitSignal(dialog.recorded, timeout=10000) as blocker:
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    record = blocker.args[0]
    assert (record.version, record.outcome.finding, record.outcome.imaging) == (1, "spinal_confirmed", ("mri",))
    assert record.outcome.seen_on == dt.date(2026, 11, 20)
    assert record.outcome.urgent_route_at == completed.replace(second=0, microsecond=0)
    # Correcting it opens with what is stored and names the version it started from.
    correction = OutcomeDialog(desk, intake_id, urgent=True, current=desk.outcomes_for(intake_id)[0])
    qtbot.addWidget(correction)
    assert correction.finding() == "spinal_confirmed" and correction.seen_by.text() == "Ms Example"
    assert correction.route_known.isChecked() and correction.imaging["mri"].isChecked()
    correction.finding_buttons["other_cause"].setChecked(True)
    correction.other_cause.setText("Vascular claudication")
    with qtbot.waitSignal(correction.recorded, timeout=10000) as blocker:
        correction.save()
    assert blocker.args[0].version == 2 and blocker.args[0].outcome.finding_text == (
        "Another cause: Vascular claudication")


def test_the_dialog_shows_problems_by_field_and_stays_open(qtbot: QtBot, engine: Engine, desk: OutcomeDesk) -> None:
    intake_id = add_intake(engine, LIKELY, NOW - dt.timedelta(days=3))
    dialog = OutcomeDialog(desk, intake_id)
    dialog.chooser = ScriptedChooser()  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    assert dialog.route_known.isHidden()  # not an urgent result
    dialog.finding_buttons["other_cause"].setChecked(True)
    with qtbot.waitSignal(dialog.failed, timeout=10000):
        dialog.save()
    [(kind, title, text)] = dialog.chooser.shown  # type: ignore[attr-defined]
    assert kind == "error" and title == f"Outcome of intake {intake_id}"
    assert "Other cause: say briefly what the other cause is" in text and "other_cause" not in text
    assert desk.outcomes_for(intake_id) == [] and dialog.result() == 0
    with pytest.raises(PermissionDenied):
        OutcomeDesk(desk.repository, FRONT_DESK).record_outcome(intake_id, dialog.values())
