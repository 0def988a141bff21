"""What a print job does on the window's thread as it starts and ends: the printer and the progress box are
made ahead with the dialog (not by each job), and the paper is taken from the pages already rendered (the
PDF is not opened again). What the person sees stays the same: the print dialog, the progress, Cancel."""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from intake_app.domain.document import IntakeDocument, parse_document
from intake_app.gui import preview, printing
from intake_app.gui.preview import PreviewDialog
from intake_app.services import Clinic
from tests.conftest import FULL_ANSWERS, synthetic_document
from tests.gui.scripted import ScriptedChooser

pytestmark = pytest.mark.gui

READY_MS = 30000


class RecordingChooser(ScriptedChooser):
    """The print dialog "chooses" a PDF file; it keeps each printer it was offered, and what it showed."""

    def __init__(self) -> None:
        super().__init__()
        self.offered: list[QPrinter] = []
        self.paper: list[tuple[float, float]] = []
        self.copies_at_start: list[int] = []

    def printer(self, parent: QWidget | None, printer: QPrinter, title: str) -> QPrinter | None:
        self.offered.append(printer)
        size = printer.pageLayout().pageSize().sizePoints()
        self.paper.append((size.width(), size.height()))
        self.copies_at_start.append(printer.copyCount())
        chosen = super().printer(parent, printer, title)
        if chosen is not None:
            chosen.setCopyCount(2)  # the person asked for two copies of this job
        return chosen


@pytest.fixture
def chooser(tmp_path: Path) -> RecordingChooser:
    recording = RecordingChooser()
    recording.print_target = tmp_path / "printed.pdf"
    return recording


@pytest.fixture
def dialog(qtbot: QtBot, clinic: Clinic, chooser: RecordingChooser, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[PreviewDialog]:
    monkeypatch.setattr(preview, "writes_pdf_file", lambda _printer: False)  # the printer path, into a file
    document: IntakeDocument = parse_document(synthetic_document(**copy.deepcopy(FULL_ANSWERS)))
    patient = clinic.register_patient(document.patient)
    intake_id = int(clinic.start_intake(patient.id, document.visit_date).id)
    opened = PreviewDialog(clinic, document, intake_id=intake_id, chooser=chooser)
    qtbot.addWidget(opened)
    with qtbot.waitSignal(opened.ready, timeout=READY_MS):
        opened.show()
    yield opened
    opened.runner.wait()


def print_both(qtbot: QtBot, dialog: PreviewDialog) -> None:
    with qtbot.waitSignal(dialog.printed, timeout=READY_MS):
        assert dialog.print_kinds(["referral", "handout"])
    qtbot.waitUntil(lambda: not dialog.runner.is_busy, timeout=READY_MS)


def test_a_print_job_makes_no_printer_as_it_starts(
    qtbot: QtBot, dialog: PreviewDialog, chooser: RecordingChooser, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[QPrinter] = []

    class CountedPrinter(QPrinter):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[call-overload]
            made.append(self)

    monkeypatch.setattr(preview, "QPrinter", CountedPrinter)
    with qtbot.waitSignal(dialog.printed, timeout=READY_MS):
        assert dialog.print_kinds(["referral", "handout"])
        assert made == []  # the print dialog was offered the printer made with the dialog
    assert len(chooser.offered) == 1


def test_each_job_starts_on_a_fresh_printer(qtbot: QtBot, dialog: PreviewDialog, chooser: RecordingChooser) -> None:
    print_both(qtbot, dialog)
    print_both(qtbot, dialog)
    first, second = chooser.offered
    assert first is not second
    # The two copies asked for in the first job are not carried into the next one.
    assert chooser.copies_at_start == [1, 1]


def test_the_paper_comes_from_the_rendered_pages_not_the_pdf_opened_again(
    qtbot: QtBot, dialog: PreviewDialog, chooser: RecordingChooser, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened_here: list[bytes] = []
    real_open = printing.open_pdf

    def watched_open(data: bytes, parent: object) -> object:
        if threading.current_thread() is threading.main_thread():
            opened_here.append(data)
        return real_open(data, parent)  # type: ignore[arg-type]

    monkeypatch.setattr(printing, "open_pdf", watched_open)
    print_both(qtbot, dialog)
    assert opened_here == []
    shown = dialog.pages["referral"].view.pages
    assert shown is not None
    assert chooser.paper == [(pytest.approx(shown.points[0].width(), abs=1),
                              pytest.approx(shown.points[0].height(), abs=1))]


def test_the_progress_box_is_made_once_with_the_dialog(qtbot: QtBot, dialog: PreviewDialog) -> None:
    boxes = dialog.findChildren(QProgressDialog)
    assert len(boxes) == 1  # there before any print job
    box = boxes[0]
    print_both(qtbot, dialog)
    print_both(qtbot, dialog)
    assert dialog.findChildren(QProgressDialog) == [box]
    assert not box.isVisible()


def test_cancel_in_the_progress_box_stops_a_later_job(
    qtbot: QtBot, dialog: PreviewDialog, chooser: RecordingChooser
) -> None:
    print_both(qtbot, dialog)  # the box served a job already
    box = dialog.findChild(QProgressDialog)
    assert box is not None
    with qtbot.assertNotEmitted(dialog.printed), qtbot.waitSignal(dialog.runner.idle, timeout=READY_MS):
        assert dialog.print_kinds(["referral", "handout"])
        box.show()  # it appears by itself once a job takes longer than a moment
        cancel = box.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        cancel.click()
    assert dialog.status.text().startswith("Printing cancelled")
    assert not box.isVisible()
    # The cancel is not remembered: the next job prints.
    print_both(qtbot, dialog)
    assert dialog.status.text().startswith("Sent ")
