"""Issue 14 item 4, printing without a stall: the pages are rendered and painted on the printer in the
application's report process (the window's worker thread only waits on a pipe), on a printer set up as the
person chose it; without the process the worker thread prints as before.

Behaviour only (what is printed, what the person sees); the stall itself is measured in bench/gui.py.
"""

from __future__ import annotations

import copy
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMarginsF, QObject, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from intake_app.domain.document import IntakeDocument, parse_document
from intake_app.gui import preview, printing, report_process
from intake_app.gui.printing import (
    PrintError,
    open_pdf,
    print_documents,
    print_to_pdf_file,
    printer_settings,
    settings_printer,
)
from intake_app.gui.report_process import ReportProcess
from intake_app.services import Clinic
from tests.conftest import FULL_ANSWERS, synthetic_document
from tests.gui.scripted import ScriptedChooser
from tests.gui.test_preview import READY_MS, errors_shown, page_count

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def document() -> IntakeDocument:
    return parse_document(synthetic_document(**copy.deepcopy(FULL_ANSWERS)))


@pytest.fixture
def pdfs(clinic: Clinic, document: IntakeDocument) -> list[bytes]:
    return [clinic.referral_pdf(document), clinic.handout_pdf(document)]


@pytest.fixture
def chooser() -> ScriptedChooser:
    return ScriptedChooser()


@pytest.fixture
def process() -> Any:
    started = ReportProcess()
    yield started
    started.close()


@pytest.fixture
def painted_here(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The threads of this process that painted a page on a printer (none when the report process prints)."""
    threads: list[int] = []
    paint = printing._paint_pages

    def noted(*args: Any) -> int:
        threads.append(threading.get_ident())
        return paint(*args)

    monkeypatch.setattr(printing, "_paint_pages", noted)
    return threads


def pictures(path: Path) -> list[QImage]:
    """Every page of a printed PDF file as a picture (the printer path writes pictures, not text)."""
    holder = QObject()
    document = open_pdf(path.read_bytes(), holder)
    images = []
    for index in range(document.pageCount()):
        rendered = document.render(index, QSize(425, 550))
        flat = QImage(rendered.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        painter = QPainter(flat)
        painter.drawImage(0, 0, rendered)
        painter.end()
        images.append(flat)
    holder.deleteLater()
    return images


def pdf_printer(path: Path, dpi: int = 150) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    return printer


def test_the_report_process_prints_the_same_pages_as_the_worker_thread_did(
    qtbot: QtBot, pdfs: list[bytes], tmp_path: Path, process: ReportProcess, painted_here: list[int]
) -> None:
    """Finding: printing painted 387 bands on the window's worker thread, each holding Python's lock (the
    window stalled 39-331 ms). Now the process paints them: nothing is painted in this process, and the
    printed pages are those the thread printed (same count, paper and pixels)."""
    seen: list[tuple[int, int, int]] = []
    total = sum(page_count(pdf) for pdf in pdfs)

    def progress(done: int, of: int) -> None:
        seen.append((done, of, threading.get_ident()))

    assert print_documents(pdfs, pdf_printer(tmp_path / "process.pdf"), progress, reports=process) == total
    assert painted_here == [] and process.pid is not None and process.failures == 0
    assert [(done, of) for done, of, _thread in seen] == [(n, total) for n in range(total + 1)]
    assert {thread for _done, _of, thread in seen} == {threading.get_ident()}  # on the calling thread

    no_process = ReportProcess([sys.executable, "-c", "pass"])  # exits at once: the thread prints
    assert print_documents(pdfs, pdf_printer(tmp_path / "thread.pdf"), reports=no_process) == total
    assert painted_here == [threading.get_ident()]

    assert page_count(tmp_path / "process.pdf") == page_count(tmp_path / "thread.pdf") == total
    for printed, before in zip(pictures(tmp_path / "process.pdf"), pictures(tmp_path / "thread.pdf"), strict=True):
        assert printed == before
    holder = QObject()
    assert (open_pdf((tmp_path / "process.pdf").read_bytes(), holder).pagePointSize(0)
            == open_pdf((tmp_path / "thread.pdf").read_bytes(), holder).pagePointSize(0))
    holder.deleteLater()


def test_printing_falls_back_to_the_calling_thread_when_the_process_is_unavailable(
    qtbot: QtBot, pdfs: list[bytes], tmp_path: Path, painted_here: list[int]
) -> None:
    """A process that cannot start (here: a program that is not there, then one that exits at once) costs
    nothing but the stall: the calling thread prints the whole job, and print jobs stay here afterwards."""
    total = sum(page_count(pdf) for pdf in pdfs)
    for command in ([str(ROOT / "no-such-program")], [sys.executable, "-c", "pass"]):
        broken = ReportProcess(command)
        seen: list[tuple[int, int]] = []
        printed = print_documents(pdfs, pdf_printer(tmp_path / "out.pdf"), lambda d, n, seen=seen: seen.append((d, n)),
                                  reports=broken)
        assert printed == total and page_count(tmp_path / "out.pdf") == total
        assert seen == [(n, total) for n in range(total + 1)]
        assert not broken.prints
    assert painted_here == [threading.get_ident()] * 2


def test_a_process_that_stops_during_a_job_is_printed_again_here(
    qtbot: QtBot, pdfs: list[bytes], tmp_path: Path, process: ReportProcess, painted_here: list[int]
) -> None:
    """The process ends after the first page (killed): the whole job is printed on this thread, no page
    missing (a printer's job is sent only when it ends, so nothing was printed twice)."""
    total = sum(page_count(pdf) for pdf in pdfs)

    def kill_after_first(done: int, of: int) -> bool:
        if done == 1 and process.pid is not None:
            process._discard()  # as if it had crashed
        return True

    assert print_documents(pdfs, pdf_printer(tmp_path / "out.pdf"), kill_after_first, reports=process) == total
    assert page_count(tmp_path / "out.pdf") == total
    assert painted_here == [threading.get_ident()]


def test_cancelling_in_the_window_stops_the_job_in_the_process(
    qtbot: QtBot, pdfs: list[bytes], tmp_path: Path, process: ReportProcess, painted_here: list[int]
) -> None:
    assert print_documents(pdfs, pdf_printer(tmp_path / "one.pdf"), lambda done, _of: done < 1,
                           reports=process) == 1
    assert page_count(tmp_path / "one.pdf") == 1 and painted_here == []
    assert print_documents(pdfs, pdf_printer(tmp_path / "none.pdf"), lambda _done, _of: False,
                           reports=process) == 0
    assert painted_here == [] and process.failures == 0


def test_a_print_error_in_the_process_reaches_the_caller_worded_here(
    qtbot: QtBot, pdfs: list[bytes], tmp_path: Path, process: ReportProcess, painted_here: list[int],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process has no translations: its PrintError's words are translated again in the window."""
    monkeypatch.setattr(printing, "_tr", lambda text: text.upper())
    with pytest.raises(PrintError) as unreadable:
        print_documents([b"this is not a PDF"], pdf_printer(tmp_path / "x.pdf"), reports=process)
    assert unreadable.value.message == "THE DOCUMENT COULD NOT BE READ AS A PDF."
    with pytest.raises(PrintError) as not_started:
        print_documents(pdfs, pdf_printer(tmp_path / "no-such-folder" / "x.pdf"), reports=process)
    assert not_started.value.message == "THE PRINTER COULD NOT BE STARTED."
    assert not_started.value.hint.startswith("CHECK THAT IT IS SWITCHED ON")
    assert painted_here == [] and process.failures == 0 and process.prints


def test_a_printer_that_does_not_start_in_the_process_is_a_plain_message_in_the_dialog(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument, chooser: ScriptedChooser, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, painted_here: list[int]
) -> None:
    monkeypatch.setattr(preview, "writes_pdf_file", lambda _printer: False)  # a printer, fed page by page
    dialog = preview.PreviewDialog(clinic, document, chooser=chooser)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        dialog.show()
    chooser.printers = [pdf_printer(tmp_path / "no-such-folder" / "printed.pdf")]
    with qtbot.assertNotEmitted(dialog.printed), qtbot.waitSignal(dialog.runner.idle, timeout=READY_MS):
        qtbot.mouseClick(dialog.print_referral_button, Qt.MouseButton.LeftButton)
    assert [(kind, text) for kind, _title, text in errors_shown(chooser)] == [
        ("error", "The printer could not be started.\nCheck that it is switched on and connected, or choose "
                  "another printer.")]
    assert dialog.status.text() == "Nothing was printed."
    assert painted_here == [] and dialog.print_referral_button.isEnabled()
    dialog.runner.wait()


def test_the_process_prints_on_a_printer_set_up_as_the_person_chose() -> None:
    """Paper, orientation, margins, copies, duplex, colour, order, resolution and the queue's name."""
    chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
    chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    chosen.setOutputFileName("/somewhere/printed.pdf")
    chosen.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Landscape,
                                     QMarginsF(5, 6, 7, 8), QPageLayout.Unit.Millimeter))
    chosen.setResolution(300)
    chosen.setCopyCount(3)
    chosen.setCollateCopies(False)
    chosen.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    chosen.setColorMode(QPrinter.ColorMode.GrayScale)
    chosen.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    chosen.setDocName("Referral summary")
    made = settings_printer(printer_settings(chosen))
    assert made.outputFormat() == QPrinter.OutputFormat.PdfFormat
    assert made.outputFileName() == "/somewhere/printed.pdf"
    assert made.pageLayout().isEquivalentTo(chosen.pageLayout())
    assert made.pageLayout().pageSize().id() == QPageSize.PageSizeId.A5
    assert made.resolution() == 300
    assert (made.copyCount(), made.collateCopies()) == (3, False)
    assert made.colorMode() == QPrinter.ColorMode.GrayScale
    assert made.pageOrder() == QPrinter.PageOrder.LastPageFirst
    # Whatever the printer kept of the rest (a PDF writer has no duplex) is kept the same.
    for read in ("duplex", "paperSource", "fullPage", "creator"):
        assert getattr(made, read)() == getattr(chosen, read)(), read
    assert made.docName() == "Referral summary"

    custom = QPrinter(QPrinter.PrinterMode.HighResolution)
    custom.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    custom.setPageSize(QPageSize(QSizeF(500, 700), QPageSize.Unit.Point, "Clinic card"))
    size = settings_printer(printer_settings(custom)).pageLayout().pageSize()
    assert size.sizePoints() == custom.pageLayout().pageSize().sizePoints()
    # The window's render limit travels with the job (a test or setting that changes it reaches the process).
    assert printer_settings(custom)["max_dpi"] == printing.MAX_PRINT_DPI


def test_the_process_runs_on_the_windows_platform(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    """Printers are reached through the window's Qt platform (offscreen here, the desktop's at a desk)."""
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert report_process._environment()["QT_QPA_PLATFORM"] == "offscreen"


def test_the_bundle_starts_its_report_process_through_its_own_executable(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert report_process.worker_command() == [sys.executable, "--report-process"]


def test_the_bundles_entry_serves_with_report_process(monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import entry
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    served: list[bool] = []
    monkeypatch.setattr(report_process, "serve", lambda: served.append(True))
    monkeypatch.setattr(sys, "argv", ["intake-app", "--report-process"])
    assert entry.main() == 0 and served == [True]


def test_printing_through_the_bundles_entry_point(
    qtbot: QtBot, pdfs: list[bytes], tmp_path: Path, painted_here: list[int]
) -> None:
    """The entry point the bundle runs (`intake-app --report-process`) is a working report process."""
    bundled = ReportProcess([sys.executable, str(ROOT / "packaging" / "entry.py"), "--report-process"])
    try:
        total = sum(page_count(pdf) for pdf in pdfs)
        assert print_to_pdf_file(pdfs, tmp_path / "out.pdf", reports=bundled) == total
        assert page_count(tmp_path / "out.pdf") == total
        assert painted_here == [] and bundled.failures == 0
    finally:
        bundled.close()
