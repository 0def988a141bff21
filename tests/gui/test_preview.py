"""The preview dialog as the front desk uses it: wait for the two documents, print, save.

The dialog asks its questions through a ScriptedChooser: the print dialog "chooses" a PDF file, the save
dialog a folder. The patient is synthetic (tests/conftest.py).
"""

from __future__ import annotations

import copy
import io
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QObject, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from intake_app.domain.document import IntakeDocument, parse_document
from intake_app.errors import IntakeError
from intake_app.gui import page_view, preview, printing, report_process
from intake_app.gui.preview import PreviewDialog, PrintError, open_pdf, print_documents, print_to_pdf_file
from intake_app.reports import ReportError
from intake_app.services import Clinic
from tests.conftest import FULL_ANSWERS, synthetic_document
from tests.gui.scripted import ScriptedChooser

pytestmark = pytest.mark.gui

READY_MS = 30000
HOLDER = QObject()  # parent of PDF documents opened by the tests


@pytest.fixture
def chooser() -> ScriptedChooser:
    return ScriptedChooser()


@pytest.fixture
def printer_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The chosen "printer" is a file that the printer path fills (as a real printer would be fed):
    the dialog is told it is not a PDF file, so it renders pages instead of copying the PDF."""
    monkeypatch.setattr(preview, "writes_pdf_file", lambda _printer: False)


def errors_shown(chooser: ScriptedChooser) -> list[tuple[str, str, str]]:
    return [entry for entry in chooser.shown if entry[0] != "print"]


@pytest.fixture
def document() -> IntakeDocument:
    return parse_document(synthetic_document(**copy.deepcopy(FULL_ANSWERS)))


@pytest.fixture
def pdfs(clinic: Clinic, document: IntakeDocument) -> dict[str, bytes]:
    return {"referral": clinic.referral_pdf(document), "handout": clinic.handout_pdf(document)}


@pytest.fixture
def intake_id(clinic: Clinic, document: IntakeDocument) -> int:
    """A stored intake for the synthetic patient: prints and PDF saves are recorded against it."""
    patient = clinic.register_patient(document.patient)
    return int(clinic.start_intake(patient.id, document.visit_date).id)


def open_dialog(qtbot: QtBot, clinic: Any, document: IntakeDocument, chooser: ScriptedChooser,
                intake_id: int | None = None) -> PreviewDialog:
    dialog = PreviewDialog(clinic, document, intake_id=intake_id, chooser=chooser)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def dialog(qtbot: QtBot, clinic: Clinic, document: IntakeDocument, chooser: ScriptedChooser, intake_id: int
           ) -> Iterator[PreviewDialog]:
    opened = open_dialog(qtbot, clinic, document, chooser, intake_id)
    with qtbot.waitSignal(opened.ready, timeout=READY_MS):
        opened.show()
    yield opened
    opened.runner.wait()


def page_count(data: bytes | Path) -> int:
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    return len(pypdf.PdfReader(source).pages)


def pdf_text(data: bytes | Path) -> str:
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(source).pages)


def thumbnail(pdf: bytes, page: int) -> QImage:
    """A small picture of one page, to tell which document a printed page came from. It is rendered large
    and then shrunk, so a page printed as a picture and the same page drawn from text look alike."""
    holder = QObject()
    document = open_pdf(pdf, holder)
    image = document.render(page, QSize(680, 880))
    holder.deleteLater()
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat.scaled(QSize(85, 110), Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)


def difference(a: QImage, b: QImage) -> float:
    """Mean absolute grey-level difference of two equally sized pictures (0 = identical)."""
    assert a.size() == b.size()
    total = 0
    for y in range(a.height()):
        for x in range(a.width()):
            total += abs(a.pixelColor(x, y).value() - b.pixelColor(x, y).value())
    return total / (a.width() * a.height())


# --- opening -------------------------------------------------------------------------------------


def test_dialog_shows_busy_state_then_both_documents(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument, chooser: ScriptedChooser, intake_id: int
) -> None:
    dialog = open_dialog(qtbot, clinic, document, chooser, intake_id)
    referral, handout = dialog.pages["referral"], dialog.pages["handout"]
    # Before the worker reports back, the user sees what is being prepared and cannot print yet.
    assert referral.notice.text() == "Preparing the referral summary..."
    assert handout.notice.text() == "Preparing the patient handout..."
    assert referral.stack.currentIndex() == 0 and not referral.busy_bar.isHidden()
    assert not dialog.print_both_button.isEnabled() and not dialog.save_button.isEnabled()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["Referral summary", "Patient handout"]

    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        dialog.show()

    for tab in (referral, handout):
        assert tab.page_count >= 1
        assert tab.stack.currentWidget() is tab.view
        assert tab.view.pages is not None and tab.view.pages.pdf is tab.pdf
        assert f"showing page 1 of {tab.page_count}" in tab.page_label.text()
    assert referral.page_label.text().startswith(f"{referral.page_count} page")
    for button in (dialog.print_referral_button, dialog.print_handout_button, dialog.print_both_button,
                   dialog.save_button, dialog.close_button):
        assert button.isEnabled(), button.text()
    assert dialog.status.text() == ""


def test_the_pdfs_are_built_and_their_pages_rendered_off_the_gui_thread(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument, chooser: ScriptedChooser,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding (issue 14): the preview opened each PDF and its view laid out and rendered the pages on the GUI
    thread (150-330 ms without a frame; a page render holds Python's lock as well as PDFium's). Then the
    worker thread built and rendered them, which still took Python's lock from the window for 5 ms at each of
    its event filters' calls (50-150 ms stalls while the dialog opened). Now the clinic is asked for each PDF
    on the worker thread (its access checks), and the report process builds it and renders its pages: this
    process never builds, opens or renders a PDF for the preview."""
    threads: dict[str, set[int]] = {"ask": set(), "here": set()}

    def noted(what: str, function: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            threads[what].add(threading.get_ident())
            return function(*args, **kwargs)
        return call

    monkeypatch.setattr(clinic, "referral_pdf", noted("ask", clinic.referral_pdf))
    monkeypatch.setattr(clinic, "handout_pdf", noted("ask", clinic.handout_pdf))
    monkeypatch.setattr(report_process, "build_here", noted("here", report_process.build_here))
    monkeypatch.setattr(page_view, "render_pages", noted("here", page_view.render_pages))
    monkeypatch.setattr(page_view, "open_pdf", noted("here", page_view.open_pdf))
    dialog = open_dialog(qtbot, clinic, document, chooser)
    assert not dialog.is_ready  # nothing was built on this thread while the dialog was made
    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        dialog.show()
    assert threads["ask"] and threading.get_ident() not in threads["ask"]
    assert not threads["here"]
    assert dialog.reports.pid is not None and dialog.reports.failures == 0
    for kind in ("referral", "handout"):
        pages = dialog.pages[kind].view.pages
        assert pages is not None and len(pages.images) == page_count(pages.pdf) >= 1
        assert all(image.width() == pages.width for image in pages.images)
        assert pages.images[0].pixelColor(pages.width // 2, 3).name() == "#ffffff"  # the paper, laid on white


def test_pages_are_rendered_again_for_a_much_wider_view(qtbot: QtBot, dialog: PreviewDialog) -> None:
    """Widened a lot, the pages are rendered again (off the GUI thread) for the new width, at the same place."""
    view = dialog.pages["referral"].view
    before = view.pages
    assert before is not None
    dialog.resize(dialog.width() * 2, dialog.height())
    qtbot.waitUntil(lambda: view.pages is not before and not dialog.runner.is_busy, timeout=READY_MS)
    assert view.pages is not None
    assert abs(view.pages.width - view.render_width()) <= page_view.RENDER_AGAIN * view.render_width()
    assert view.pages.pdf is before.pdf and view.page_count() == len(before.images)


def test_shown_page_counts_match_the_pdfs(dialog: PreviewDialog) -> None:
    for kind in ("referral", "handout"):
        pdf = dialog.pdf(kind)
        assert pdf is not None and pdf.startswith(b"%PDF")
        assert dialog.pages[kind].page_count == page_count(pdf)


def test_page_label_follows_scrolling(dialog: PreviewDialog) -> None:
    tab = dialog.pages["referral"]
    count = tab.page_count
    assert count >= 2, "the full synthetic referral runs over several pages"
    bar = tab.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert tab.page_label.text() == f"{count} pages \u00b7 showing page {count} of {count}"
    bar.setValue(bar.minimum())
    assert tab.page_label.text() == f"{count} pages \u00b7 showing page 1 of {count}"


def test_dialog_fits_a_small_laptop_screen(dialog: PreviewDialog) -> None:
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 - 40 and hint.height() <= 768 - 60
    assert dialog.minimumWidth() <= 900 and dialog.minimumHeight() <= 700


# --- printing ------------------------------------------------------------------------------------


def test_print_both_sends_referral_then_handout_in_one_job(
    qtbot: QtBot, dialog: PreviewDialog, chooser: ScriptedChooser, tmp_path: Path, printer_path: None,
    intake_id: int, database_url: str
) -> None:
    target = tmp_path / "printed.pdf"
    chooser.print_target = target
    referral, handout = dialog.pdf("referral"), dialog.pdf("handout")
    assert referral is not None and handout is not None
    expected = page_count(referral) + page_count(handout)

    with qtbot.waitSignal(dialog.printed, timeout=READY_MS) as printed:
        qtbot.mouseClick(dialog.print_both_button, Qt.MouseButton.LeftButton)
        # The job runs in the background: the window stays live, but cannot start a second job or close.
        assert not dialog.print_both_button.isEnabled() and not dialog.close_button.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()

    assert printed.args == [expected]
    assert dialog.print_both_button.isEnabled() and dialog.close_button.isEnabled()
    assert target.exists()
    assert page_count(target) == expected
    assert dialog.status.text() == f"Sent {expected} page(s) to the printer."
    assert errors_shown(chooser) == []
    assert recorded(database_url, intake_id) == [("report.print", "referral"), ("report.print", "handout")]
    # Order and content: printed page k looks like source page k of "referral pages, then handout pages",
    # and more like it than like any other source page.
    out = target.read_bytes()
    sources = [(referral, i) for i in range(page_count(referral))] + [(handout, i) for i in range(page_count(handout))]
    source_pictures = [thumbnail(pdf, i) for pdf, i in sources]
    for k in range(expected):
        printed_picture = thumbnail(out, k)
        distances = [difference(printed_picture, picture) for picture in source_pictures]
        assert distances[k] < 6, (k, distances)
        assert distances[k] == min(distances), (k, distances)
    # The paper follows the documents (Letter or A4 from the clinic's settings).
    source_box = pypdf.PdfReader(io.BytesIO(referral)).pages[0].mediabox
    printed_box = pypdf.PdfReader(target).pages[0].mediabox
    assert abs(float(printed_box.width) - float(source_box.width)) < 2
    assert abs(float(printed_box.height) - float(source_box.height)) < 2


def test_print_one_document_from_its_button(
    qtbot: QtBot, dialog: PreviewDialog, chooser: ScriptedChooser, tmp_path: Path, printer_path: None
) -> None:
    target = tmp_path / "handout-only.pdf"
    chooser.print_target = target
    handout = dialog.pdf("handout")
    assert handout is not None
    with qtbot.waitSignal(dialog.printed, timeout=READY_MS) as printed:
        qtbot.mouseClick(dialog.print_handout_button, Qt.MouseButton.LeftButton)
    assert printed.args == [page_count(handout)]
    assert page_count(target) == page_count(handout)


def test_cancel_during_printing_stops_the_job(
    qtbot: QtBot, dialog: PreviewDialog, chooser: ScriptedChooser, tmp_path: Path, printer_path: None
) -> None:
    target = tmp_path / "cancelled.pdf"
    chooser.print_target = target
    referral, handout = dialog.pdf("referral"), dialog.pdf("handout")
    assert referral is not None and handout is not None
    total = page_count(referral) + page_count(handout)
    with qtbot.assertNotEmitted(dialog.printed), qtbot.waitSignal(dialog.runner.idle, timeout=READY_MS):
        qtbot.mouseClick(dialog.print_both_button, Qt.MouseButton.LeftButton)
        box = dialog.findChild(QProgressDialog)
        assert box is not None
        box.show()  # it appears by itself once a job takes longer than a moment
        cancel = box.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("Printing cancelled")
    # A PDF file cannot be aborted, so what was made before the cancel is kept, and no more.
    assert page_count(target) < total
    assert dialog.print_both_button.isEnabled()


def test_cancelled_print_dialog_prints_nothing(
    qtbot: QtBot, dialog: PreviewDialog, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    chooser.print_target = None  # the person pressed Cancel in the print dialog
    with qtbot.assertNotEmitted(dialog.printed):
        qtbot.mouseClick(dialog.print_both_button, Qt.MouseButton.LeftButton)
    assert list(tmp_path.glob("*.pdf")) == []
    assert dialog.print_both_button.isEnabled()


def test_unwritable_print_target_is_a_plain_message(
    qtbot: QtBot, dialog: PreviewDialog, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    chooser.print_target = tmp_path / "no-such-folder" / "printed.pdf"
    with qtbot.assertNotEmitted(dialog.printed):
        qtbot.mouseClick(dialog.print_referral_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _title, _text in errors_shown(chooser)] == ["error"]
    assert "cannot be written" in errors_shown(chooser)[0][2]
    # Still usable: the next print works.
    chooser.print_target = tmp_path / "printed.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=READY_MS):
        qtbot.mouseClick(dialog.print_referral_button, Qt.MouseButton.LeftButton)


def test_printing_to_a_pdf_file_writes_the_documents_own_pages_not_pictures(
    qtbot: QtBot, dialog: PreviewDialog, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    """Finding: "Print to file" gave 12 MB of page images. Now the PDF's own pages are written: the
    same bytes, text that can be extracted, and each extra document in a file beside the chosen one."""
    chooser.print_target = tmp_path / "printed.pdf"
    referral, handout = dialog.pdf("referral"), dialog.pdf("handout")
    assert referral is not None and handout is not None
    with qtbot.waitSignal(dialog.printed, timeout=READY_MS) as printed:
        qtbot.mouseClick(dialog.print_both_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "printed.pdf").read_bytes() == referral
    assert (tmp_path / "printed-patient-handout.pdf").read_bytes() == handout
    assert printed.args == [page_count(referral) + page_count(handout)]
    assert "Testperson" in pdf_text(tmp_path / "printed.pdf")
    assert (tmp_path / "printed.pdf").stat().st_size < 1_000_000


def test_print_to_pdf_file_keeps_page_count(qtbot: QtBot, pdfs: dict[str, bytes], tmp_path: Path) -> None:
    for kind, pdf in pdfs.items():
        target = tmp_path / f"{kind}.pdf"
        assert print_to_pdf_file([pdf], target) == page_count(pdf)
        assert page_count(target) == page_count(pdf)


def test_print_documents_reports_progress_and_can_be_cancelled(
    qtbot: QtBot, pdfs: dict[str, bytes], tmp_path: Path
) -> None:
    both = [pdfs["referral"], pdfs["handout"]]
    total = page_count(pdfs["referral"]) + page_count(pdfs["handout"])
    seen: list[tuple[int, int]] = []
    assert print_to_pdf_file(both, tmp_path / "all.pdf", lambda done, of: seen.append((done, of))) == total
    assert seen == [(n, total) for n in range(total + 1)]

    # Cancelling after the first page: a PDF file cannot be aborted, so the page already made is kept.
    def stop_after_one(done: int, of: int) -> bool:
        return done < 1

    assert print_to_pdf_file(both, tmp_path / "one.pdf", stop_after_one) == 1
    assert page_count(tmp_path / "one.pdf") == 1


def test_print_documents_uses_the_printer_it_is_given(qtbot: QtBot, pdfs: dict[str, bytes], tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "a4.pdf"))
    printer.setResolution(150)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    assert print_documents([pdfs["handout"]], printer) == page_count(pdfs["handout"])
    box = pypdf.PdfReader(tmp_path / "a4.pdf").pages[0].mediabox
    assert round(float(box.width)) == 595 and round(float(box.height)) == 842


def black_page_pdf() -> bytes:
    """One Letter page painted black to its edges: any gap between printed bands would show as a pale line."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=letter)
    sheet.rect(0, 0, letter[0], letter[1], stroke=0, fill=1)
    sheet.showPage()
    sheet.save()
    return out.getvalue()


@pytest.mark.parametrize("max_dpi", [printing.MAX_PRINT_DPI, 72])
def test_printed_page_is_whole_with_no_seams(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, max_dpi: int
) -> None:
    # 72: a printer finer than the render limit gets a smaller picture scaled up, band by band.
    monkeypatch.setattr(printing, "MAX_PRINT_DPI", max_dpi)
    target = tmp_path / "black.pdf"
    assert print_to_pdf_file([black_page_pdf()], target) == 1
    document = open_pdf(target.read_bytes(), HOLDER)
    size = QSize(round(8.5 * printing.PDF_FILE_DPI), round(11 * printing.PDF_FILE_DPI))
    image = document.render(0, size)
    document.deleteLater()
    pale_rows = [y for y in range(2, size.height() - 2)
                 if any(image.pixelColor(x, y).alpha() < 200 or image.pixelColor(x, y).value() > 60
                        for x in (2, size.width() // 2, size.width() - 3))]
    assert pale_rows == []


def row_darkness(pdf: bytes, page: int, size: QSize) -> list[int]:
    """How much ink each pixel row of a rendered page holds (0 for a blank row)."""
    document = open_pdf(pdf, HOLDER)
    rendered = document.render(page, size)
    document.deleteLater()
    flat = QImage(rendered.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, rendered)
    painter.end()
    grey = flat.convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(grey.constBits()), grey.bytesPerLine()
    width = grey.width()
    return [255 * width - sum(data[y * stride:y * stride + width]) for y in range(grey.height())]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_bands_line_up_with_the_whole_page(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument, paper: str, tmp_path: Path
) -> None:
    # Rows of text and table rules sit where a whole-page render fitted to the paper puts them, at the top,
    # middle and foot of the page: no band is shifted or stretched. Both papers are printed whatever this
    # computer's locale would choose (finding: the A4 page was never checked where the locale picked Letter;
    # Qt's PDF writer gives A4 as 595 x 842 whole points, so the page is fitted 0.05 % smaller and centred).
    referral = clinic.referral_pdf(document, page_size=paper)
    target = tmp_path / "referral.pdf"
    print_to_pdf_file([referral], target)
    dpi = printing.PDF_FILE_DPI
    paper_points = open_pdf(target.read_bytes(), HOLDER).pagePointSize(0)
    size = QSize(round(paper_points.width() * dpi / 72), round(paper_points.height() * dpi / 72))
    fitted = printing._fit(open_pdf(referral, HOLDER).pagePointSize(0), dpi, QRect(0, 0, size.width(), size.height()))
    printed = row_darkness(target.read_bytes(), 0, size)
    source = [0] * fitted.top() + row_darkness(referral, 0, fitted.size())
    source += [0] * (len(printed) + 8 - len(source))
    height = size.height()
    inked = [y for y, ink in enumerate(source) if ink]
    top, bottom = inked[0], inked[-1] - height // 10  # the top, middle and foot of what is printed
    for start in (top, (top + bottom) // 2, bottom):
        window = range(start, start + height // 10)

        def mismatch(shift: int, window: range = window) -> int:
            return sum(abs(printed[y] - source[y + shift]) for y in window)

        assert sum(source[y] for y in window) > 0, "the window must hold some ink to prove anything"
        assert abs(min(range(-4, 5), key=mismatch)) <= 1  # within one pixel at 300 dpi (0.08 mm)


def test_unreadable_pdf_is_a_print_error(qtbot: QtBot, tmp_path: Path) -> None:
    with pytest.raises(PrintError):
        print_to_pdf_file([b"this is not a PDF"], tmp_path / "x.pdf")
    assert print_to_pdf_file([], tmp_path / "empty.pdf") == 0


# --- saving --------------------------------------------------------------------------------------


def test_save_pdfs_writes_both_documents_whichever_tab_is_open(
    qtbot: QtBot, dialog: PreviewDialog, chooser: ScriptedChooser, document: IntakeDocument, tmp_path: Path,
    intake_id: int, database_url: str
) -> None:
    """Finding: Save PDF saved only the visible tab. Now one folder choice saves both (and the audit trail
    records each PDF save, by intake id)."""
    chooser.folder = tmp_path
    dialog.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.runner.idle, timeout=READY_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    visit = document.visit_date.isoformat()
    referral = tmp_path / f"referral-summary-{visit}-i{intake_id}.pdf"
    handout = tmp_path / f"patient-handout-{visit}-i{intake_id}.pdf"
    assert referral.read_bytes() == dialog.pdf("referral")
    assert handout.read_bytes() == dialog.pdf("handout")
    assert dialog.status.text() == f"Saved {referral.name}, {handout.name}."
    assert chooser.shown == []
    assert recorded(database_url, intake_id) == [("report.save_pdf", "referral"), ("report.save_pdf", "handout")]


def recorded(url: str, intake_id: int) -> list[tuple[str, str]]:
    """The print and PDF-save entries of the audit trail for an intake, oldest first."""
    from tests.conftest import signed_in_clinic

    admin = signed_in_clinic(url, "administrator")
    try:
        entries = admin.audit_entries()
    finally:
        admin.close()
    return [(e.event.action, e.event.detail) for e in reversed(entries)
            if e.event.intake_id == intake_id and e.event.action.startswith("report.")]


def test_saving_again_never_overwrites_an_earlier_file(
    qtbot: QtBot, dialog: PreviewDialog, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    chooser.folder = tmp_path
    for _ in range(2):
        with qtbot.waitSignal(dialog.runner.idle, timeout=READY_MS):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(list(tmp_path.glob("*.pdf"))) == 4


def test_suggested_file_names_hold_no_patient_details_and_differ_between_patients(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    """Finding: two patients seen on one day got the same suggested file names."""
    names = []
    for intake_id in (41, 42):
        dialog = open_dialog(qtbot, clinic, document, chooser, intake_id=intake_id)
        names += [path.name for path in dialog.suggested_paths(tmp_path)]
    visit = document.visit_date.isoformat()
    assert names == [f"referral-summary-{visit}-i41.pdf", f"patient-handout-{visit}-i41.pdf",
                     f"referral-summary-{visit}-i42.pdf", f"patient-handout-{visit}-i42.pdf"]
    assert len(set(names)) == 4
    patient = document.patient
    private = [patient.family_name, patient.given_name, patient.mrn, patient.phone, str(patient.date_of_birth)]
    for name in names:
        for detail in private:
            assert detail and detail.casefold() not in name.casefold()


def test_cancelled_save_writes_nothing(qtbot: QtBot, dialog: PreviewDialog, chooser: ScriptedChooser,
                                       tmp_path: Path) -> None:
    chooser.folder = None
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert chooser.folders_offered  # the dialog was asked
    assert list(tmp_path.glob("*.pdf")) == []


def test_unwritable_save_folder_is_a_plain_message_and_dialog_stays_usable(
    qtbot: QtBot, dialog: PreviewDialog, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    chooser.folder = tmp_path / "missing"
    with qtbot.waitSignal(dialog.runner.idle, timeout=READY_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(chooser.shown) == 1
    kind, _title, text = chooser.shown[0]
    assert kind == "error" and text.startswith("The PDF could not be saved")
    assert "Testperson" not in text
    assert dialog.status.text() == "The PDF was not saved."
    assert dialog.save_button.isEnabled() and dialog.close_button.isEnabled()

    chooser.folder = tmp_path
    with qtbot.waitSignal(dialog.runner.idle, timeout=READY_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(list(tmp_path.glob("*.pdf"))) == 2


# --- build failures ------------------------------------------------------------------------------


class FlakyHandoutClinic:
    """A real clinic whose handout fails with a chosen error until `fixed` is set."""

    def __init__(self, clinic: Clinic, error: BaseException) -> None:
        self.clinic = clinic
        self.error = error
        self.fixed = False

    @property
    def settings(self) -> Any:
        return self.clinic.settings

    def referral_pdf(self, document: IntakeDocument, **overrides: Any) -> bytes:
        return self.clinic.referral_pdf(document, **overrides)

    def handout_pdf(self, document: IntakeDocument, **overrides: Any) -> bytes:
        if not self.fixed:
            raise self.error
        return self.clinic.handout_pdf(document, **overrides)

    def note_printed(self, intake_id: int, what: str) -> None:
        self.clinic.note_printed(intake_id, what)


def test_report_failure_is_shown_and_the_other_document_still_prints(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument, chooser: ScriptedChooser, tmp_path: Path
) -> None:
    flaky = FlakyHandoutClinic(clinic, ReportError("The handout could not be laid out."))
    dialog = open_dialog(qtbot, flaky, document, chooser)
    with qtbot.assertNotEmitted(dialog.ready), qtbot.waitSignal(dialog.runner.idle, timeout=READY_MS):
        dialog.show()
    assert chooser.shown == [("error", "Preview and print", "The handout could not be laid out.")]
    handout = dialog.pages["handout"]
    assert handout.notice.text() == "The patient handout could not be prepared."
    assert handout.busy_bar.isHidden() and not handout.retry_button.isHidden()
    assert dialog.status.text() == "The patient handout could not be prepared."
    assert not dialog.print_both_button.isEnabled() and not dialog.print_handout_button.isEnabled()

    chooser.print_target = tmp_path / "referral.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=READY_MS):
        qtbot.mouseClick(dialog.print_referral_button, Qt.MouseButton.LeftButton)

    flaky.fixed = True
    qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=dialog.tabs.tabBar().tabRect(1).center())
    assert dialog.tabs.currentIndex() == 1
    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        qtbot.mouseClick(handout.retry_button, Qt.MouseButton.LeftButton)
    assert handout.page_count >= 1 and dialog.print_both_button.isEnabled()
    assert dialog.status.text() == ""


def test_unexpected_failure_reaches_the_crash_handler(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument, chooser: ScriptedChooser
) -> None:
    flaky = FlakyHandoutClinic(clinic, ZeroDivisionError("bug"))
    dialog = open_dialog(qtbot, flaky, document, chooser)
    with qtbot.capture_exceptions() as raised, qtbot.waitSignal(dialog.runner.idle, timeout=READY_MS):
        dialog.show()
    assert [kind for kind, _value, _tb in raised] == [ZeroDivisionError]
    assert chooser.shown == []
    assert dialog.pages["handout"].notice.text() == "The patient handout could not be prepared."
    assert issubclass(PrintError, IntakeError)


def test_close_button_closes(qtbot: QtBot, dialog: PreviewDialog) -> None:
    with qtbot.waitSignal(dialog.rejected, timeout=READY_MS):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


# --- for this letter only: referrer and large print (issue 10 item 1 and handout item 6) ------------------


def test_the_referrer_can_be_changed_for_one_letter_without_touching_the_settings(
    qtbot: QtBot, dialog: PreviewDialog, clinic: Clinic
) -> None:
    options = dialog.letter_options
    assert options.referrer_name.text() == clinic.settings.referrer_name
    qtbot.keyClicks(options.referrer_name, "Dr Quill Override")
    qtbot.keyClicks(options.referrer_phone, "0100 555 0199")
    assert options.apply_button.isEnabled()
    qtbot.mouseClick(options.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Quill Override" in pdf_text(dialog.pdf("referral") or b""), timeout=READY_MS)
    first_page = pypdf.PdfReader(io.BytesIO(dialog.pdf("referral") or b"")).pages[0].extract_text()
    assert "Dr Quill Override" in first_page and "0100 555 0199" in first_page
    assert "Quill" not in clinic.settings.referrer_name  # the settings are unchanged


def test_large_print_handout_for_one_print(qtbot: QtBot, dialog: PreviewDialog) -> None:
    normal = dialog.pdf("handout") or b""
    dialog.letter_options.large_print.setChecked(True)
    qtbot.waitUntil(lambda: (dialog.pdf("handout") or normal) != normal, timeout=READY_MS)
    normal_body = Counter(round(size) for size in _font_sizes(normal)).most_common(1)[0][0]
    large_body = Counter(round(size) for size in _font_sizes(dialog.pdf("handout") or b"")).most_common(1)[0][0]
    assert normal_body >= 14 and large_body >= 18  # the text people read; the small footer is for staff


def _font_sizes(pdf: bytes) -> list[float]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [char["size"] for page in document.pages for char in page.chars if char["text"].strip()]


def test_an_amended_intake_prints_its_revision(qtbot: QtBot, clinic: Clinic, document: IntakeDocument,
                                               chooser: ScriptedChooser) -> None:
    opened = PreviewDialog(clinic, document, intake_id=None, revision=2, chooser=chooser)
    qtbot.addWidget(opened)
    with qtbot.waitSignal(opened.ready, timeout=READY_MS):
        opened.show()
    assert "amended (revision 2)" in pdf_text(opened.pdf("referral") or b"")
    opened.runner.wait()
