"""The desk's lists in the clinic's language (session 10 finding, screenshots patients-es.png and today-es.png):
with Spanish installed the patient list's column headers, the chosen patient's card, the intake list's result
column and Today's rows read Spanish (no English left of the known words); an English desk is unchanged."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from intake_app.domain import Patient
from intake_app.domain.records import IntakeSummary, PatientRecord
from intake_app.gui.outcomes_chart import level_title
from intake_app.gui.patient import translations
from intake_app.gui.patients import PatientsPanel, PatientTableModel, patient_card
from intake_app.gui.today import TodayPanel

pytestmark = pytest.mark.gui

STAMP = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
DAY = dt.date(2026, 3, 2)
# The English the screenshots showed on a Spanish desk.
ENGLISH = ("Family name", "Given name", "Date of birth", "MRN", "Phone", "Born", "age", "male", "female",
           "sex not stated", "Not stated", "URGENT", "acknowledged", "Spinal origin", "Not indicated", "not indicated",
           "likely", "possible", "unknown")
LEVELS = ("urgent", "likely", "possible", "not_indicated")




def patient(sex: str = "male", *, born: dt.date | None = dt.date(1983, 6, 6)) -> PatientRecord:
    return PatientRecord(7, Patient("Moreno", "Ana", born, sex, "612 345 678", "H-00042"), STAMP, STAMP)


def summaries() -> list[IntakeSummary]:
    rows = [IntakeSummary(n, 7, "complete", DAY, level, "E" if level == "urgent" else None,
                          dt.datetime(2026, 3, 2, 9, n), acknowledged=False, patient_name="Moreno, Ana")
            for n, level in enumerate(LEVELS, start=1)]
    rows.append(IntakeSummary(9, 7, "complete", DAY, "urgent", "P", dt.datetime(2026, 3, 2, 10, 0),
                              acknowledged=True, patient_name="Moreno, Ana"))
    return rows


def headers(model: PatientTableModel) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            for c in range(model.columnCount())]


def column(table: Any, index: int) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


def english_in(texts: list[str]) -> list[tuple[str, str]]:
    return [(text, word) for text in texts for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", text)]


def test_a_spanish_desk_shows_the_lists_in_spanish(qtbot: QtBot, spanish_desk: None) -> None:
    panel = PatientsPanel()
    qtbot.addWidget(panel)
    assert headers(panel.model) == ["Apellidos", "Nombre", "Fecha de nacimiento", "N.º de historia", "Teléfono"]

    card = patient_card(patient("male"))
    assert "Sexo: Hombre" in card and "N.º de historia H-00042" in card and "Teléfono 612 345 678" in card
    assert "Fecha de nacimiento 1983-06-06 (" in card and " años)" in card
    unknown = patient_card(patient("unknown", born=None))
    assert "Sexo: No consta" in unknown
    assert english_in([card, unknown, patient_card(patient("female"))]) == []

    panel._set_intakes(summaries())
    results = column(panel.intakes, 2)
    assert results[0] == "URGENTE - sin dar por vista" and results[-1] == "URGENTE - dada por vista"
    # The level titles are the desk's one Spanish for them (the outcomes chart's "Level" words).
    assert results[1:4] == [level_title(level) for level in LEVELS[1:]]
    assert english_in(results) == []

    today = TodayPanel()
    qtbot.addWidget(today)
    today._show(summaries())
    day_results = column(today.table, 2)
    assert day_results == results
    assert english_in(day_results + column(today.table, 1)) == []
    assert today._result("urgent") == "URGENTE" and today._result("likely") == level_title("likely")
    assert english_in([today._result(level) for level in LEVELS]) == []


def test_an_english_desk_is_unchanged(qtbot: QtBot, qapp: Any) -> None:
    assert translations.desk_language() == "en"
    assert QCoreApplication.translate("PatientsPanel", "MRN {0}") == "MRN {0}"
    panel = PatientsPanel()
    qtbot.addWidget(panel)
    assert headers(panel.model) == ["Family name", "Given name", "Date of birth", "MRN", "Phone"]
    card = patient_card(patient("male"))
    lines = card.split("\n")
    assert lines[0] == "Moreno, Ana" and lines[1].startswith("Born 1983-06-06 (age ")
    assert lines[1].endswith("), Sex: Male") and lines[2:] == ["MRN H-00042", "Phone 612 345 678"]
    assert patient_card(patient("unknown", born=None)).split("\n")[1] == "Born unknown, Sex: Not stated"
    panel._set_intakes(summaries())
    assert column(panel.intakes, 2) == ["URGENT - not acknowledged", "Spinal origin likely", "Spinal origin possible",
                                        "Spinal origin not indicated", "URGENT - acknowledged"]
    today = TodayPanel()
    qtbot.addWidget(today)
    today._show(summaries())
    assert column(today.table, 2) == column(panel.intakes, 2)
    assert today._result("urgent") == "URGENT"


def test_no_heading_of_the_patient_list_is_cut_off_in_spanish(qtbot: QtBot, spanish_desk: None) -> None:
    """Finding (patients-es.png): the widths were set for the English headings, so "Fecha de nacimiento"
    and "N.º de historia" showed as "ha de nacimie" and ".º de histori"."""
    panel = PatientsPanel()
    qtbot.addWidget(panel)
    header = panel.table.horizontalHeader()
    for column_index in range(header.count() - 1):  # the last one stretches
        assert header.sectionSize(column_index) >= header.sectionSizeHint(column_index), column_index
