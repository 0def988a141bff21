"""See the referral summary and the patient handout before they leave the desk, then print or save them.

The PDFs are built by the reports room (through `Clinic`) off the GUI thread. Printing sends each PDF page
to the printer as a picture rendered at the printer's resolution, so what is printed is exactly what was
previewed, whatever the printer driver makes of PDF files.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMargins,
    QObject,
    QPoint,
    QRect,
    QSize,
    QSizeF,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QColor, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.document import IntakeDocument
from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.tasks import TaskRunner

# Test hooks. A string skips the dialog and is taken as the user's choice ("" means the user cancelled);
# None opens the real print / save dialog.
AUTO_PRINT_TARGET: str | None = None  # printing goes to this PDF file instead of a printer
AUTO_SAVE_TARGET: str | None = None  # the path "chosen" in the Save PDF dialog
SAVE_SUGGESTIONS: list[str] = []  # every path the Save PDF dialog offered (or would have offered)

# Pages are rendered at the printer's resolution up to this limit: a 1200 dpi printer would take four times
# as long to feed for no visible gain on text; Qt scales the 600 dpi picture up.
MAX_PRINT_DPI = 600
# Pixels in one band of a page (rendered and painted at once): about 4 MB, a few tens of milliseconds.
BAND_PIXELS = 1_000_000
# Resolution of pictures in a PDF file written instead of printing (print_to_pdf_file).
PDF_FILE_DPI = 300

# What each document is called on screen, in the print queue and in suggested file names.
KINDS = ("referral", "handout")
_TITLES = {"referral": "Referral summary", "handout": "Patient handout"}
_FILE_STEMS = {"referral": "referral-summary", "handout": "patient-handout"}

Progress = Callable[[int, int], bool | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("preview", text)


class PrintError(IntakeError):
    """A PDF could not be read or the printer (or output file) could not be started."""


# --- printing: usable without the dialog ---------------------------------------------------------


def open_pdf(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument over PDF bytes; the bytes stay alive as long as the document (it reads them lazily)."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        shiboken6.delete(document)  # at once: this may run on a worker thread with no event loop
        raise PrintError(_tr("The document could not be read as a PDF."),
                         hint=_tr("Close the preview and open it again; if this keeps happening, report it."))
    return document


def suggested_file_name(kind: str, visit_date: dt.date) -> str:
    """A file name that says what the document is and when, never who it is about: file names show up in
    folder listings, mail attachments and recent-files menus that anyone at the desk can see."""
    return f"{_FILE_STEMS[kind]}-{visit_date.isoformat()}.pdf"


def _fit(page_points: QSizeF, dpi: int, area: QRect) -> QRect:
    """Where a page goes on the paper: as large as fits, aspect ratio kept, centred."""
    natural = QSizeF(page_points.width() * dpi / 72.0, page_points.height() * dpi / 72.0)
    scale = min(area.width() / natural.width(), area.height() / natural.height())
    width, height = round(natural.width() * scale), round(natural.height() * scale)
    left = area.left() + (area.width() - width) // 2
    top = area.top() + (area.height() - height) // 2
    return QRect(left, top, width, height)


def _render_band(document: QPdfDocument, index: int, page_size: QSize, top: int, rows: int) -> QImage:
    """Rows `top` to `top + rows` of a page rendered at `page_size`, as an opaque picture.

    Qt 6.12 scales a clipped render by (n - 1) / n of the clip's width and height (it measures the clip with
    QRect.right() and bottom()), which would shrink every band a little and break the page at each seam;
    the requested page size is enlarged by n / (n - 1) to cancel that. A test compares a banded page with a
    whole-page render, so a change in Qt shows up there. PDFium leaves the paper transparent and some printer
    drivers print transparent pixels black, so the band is laid on white.
    """
    width = page_size.width()
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(QSize(round(width * width / (width - 1)), round(page_size.height() * rows / (rows - 1))))
    options.setScaledClipRect(QRect(0, top, width, rows))
    rendered = document.render(index, QSize(width, rows), options)
    if rendered.isNull():
        raise PrintError(_tr("A page could not be prepared for printing (not enough memory?)."),
                         hint=_tr("Close other programs and try again."))
    band = QImage(rendered.size(), QImage.Format.Format_RGB32)
    band.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(band)
    painter.drawImage(QPoint(0, 0), rendered)
    painter.end()
    return band


def print_documents(pdfs: list[bytes], printer: QPrinter, progress: Progress | None = None) -> int:
    """Print the PDFs in order as one job; returns the number of pages that reached the printer.

    Each page is rendered at the printer's resolution (at most MAX_PRINT_DPI), fitted to the paper with its
    aspect ratio kept, and painted in bands of rows. Qt allows painting on a QPrinter from a worker thread,
    so the dialog runs all of this in its TaskRunner and the window stays responsive.
    `progress(done, total)` is called (on the calling thread) before the first page and after each one;
    returning False cancels: the job is aborted where the printer can, otherwise the pages so far are kept.
    Raises PrintError for an unreadable PDF or a printer (or output file) that does not start.
    """
    holder = QObject()  # parent of the documents: they go when it goes, on whichever thread runs this
    try:
        documents = [open_pdf(pdf, holder) for pdf in pdfs]
        pages = [(document, index) for document in documents for index in range(document.pageCount())]
        if not pages:
            return 0
        return _paint_pages(pages, printer, progress)
    finally:
        shiboken6.delete(holder)


def _paint_pages(pages: list[tuple[QPdfDocument, int]], printer: QPrinter, progress: Progress | None) -> int:
    total = len(pages)
    printer.setFullPage(True)  # the PDFs carry their own margins; place them on the whole sheet
    dpi = printer.resolution()
    render_dpi = min(dpi, MAX_PRINT_DPI)
    paper = printer.pageLayout().fullRectPixels(dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_tr("The printer could not be started."),
                         hint=_tr("Check that it is switched on and connected, or choose another printer."))
    printed = 0
    cancelled = progress is not None and progress(0, total) is False
    try:
        for number, (document, index) in enumerate(pages):
            if cancelled:
                break
            target = _fit(document.pagePointSize(index), dpi, paper)
            size = QSize(max(1, round(target.width() * render_dpi / dpi)),
                         max(1, round(target.height() * render_dpi / dpi)))
            if number and not printer.newPage():
                raise PrintError(_tr("The printer stopped accepting pages."),
                                 hint=_tr("Check the printer, then print again."))
            _paint_page(painter, document, index, size, target)
            printed += 1
            cancelled = progress is not None and progress(printed, total) is False and printed < total
    except BaseException:
        printer.abort()
        painter.end()
        raise
    if cancelled and printer.abort():
        printed = 0
    painter.end()
    return printed


def _paint_page(painter: QPainter, document: QPdfDocument, index: int, size: QSize, target: QRect) -> None:
    """Render the page at `size` and paint it into `target`, a band of rows at a time.

    Bands keep memory small (a whole A4 page at 600 dpi would be a 140 MB picture) and keep each call into
    Qt short: PySide6 holds the Python interpreter lock while Qt paints, so one big picture would freeze the
    window for a third of a second even though the job runs on a worker thread.
    """
    rows_per_band = _band_rows(size)
    for top in range(0, size.height(), rows_per_band):
        rows = min(rows_per_band, size.height() - top)
        band = _render_band(document, index, size, top, rows_per_band)
        # Band edges mapped onto the target with the same rounding, so neighbouring bands meet exactly.
        y0 = target.top() + round(top * target.height() / size.height())
        y1 = target.top() + round((top + rows) * target.height() / size.height())
        painter.drawImage(QRect(target.left(), y0, target.width(), y1 - y0), band, QRect(0, 0, size.width(), rows))


def _band_rows(size: QSize) -> int:
    """Rows in every band of a page (the last band is cut when painted), so all share one scale.

    Of the heights near BAND_PIXELS, the one whose enlarged page height (see _render_band) is closest to a
    whole number of pixels, so bands line up to a small fraction of a pixel down the whole page.
    """
    height = size.height()
    most = max(16, min(height, BAND_PIXELS // max(1, size.width())))
    candidates = range(max(2, most * 3 // 4), most + 1)
    return min(candidates, key=lambda rows: abs(height * rows / (rows - 1) - round(height * rows / (rows - 1))))


def _pdf_file_printer(path: str, first_pdf: bytes | None) -> QPrinter:
    """A QPrinter that writes a PDF file, on paper the size of the first document's first page."""
    folder = Path(path).resolve().parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise PrintError(_tr("The PDF file cannot be written in that folder."),
                         hint=_tr("Choose a folder you can write to."))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setResolution(PDF_FILE_DPI)
    printer.setCreator("Foot & Leg Intake")
    if first_pdf is not None:
        _match_paper(printer, first_pdf)
    return printer


def _match_paper(printer: QPrinter, pdf: bytes) -> None:
    """Start the printer on the paper the document was laid out for (the user can still change it)."""
    holder = QObject()
    try:
        document = open_pdf(pdf, holder)
        size = document.pagePointSize(0)
        printer.setPageSize(QPageSize(size, QPageSize.Unit.Point))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    finally:
        shiboken6.delete(holder)


def print_to_pdf_file(pdfs: list[bytes], path: str | os.PathLike[str], progress: Progress | None = None) -> int:
    """Print to a PDF file through the same path as a real printer (tests; desks with no printer)."""
    printer = _pdf_file_printer(os.fspath(path), pdfs[0] if pdfs else None)
    return print_documents(pdfs, printer, progress)


# --- the dialog ---------------------------------------------------------------------------------


class _DocumentTab(QWidget):
    """One document: a busy or error notice until the PDF is there, then the pages, fitted to the width."""

    retry_requested = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.pdf: bytes | None = None
        self.document: QPdfDocument | None = None
        self.failed = False

        self.notice = QLabel(self)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # moving bar: how long it takes is not known
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(240)
        self.busy_bar.setAccessibleName(self.tr("Working"))
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.clicked.connect(self.retry_requested)
        notice_page = QWidget(self)
        notice_layout = QVBoxLayout(notice_page)
        notice_layout.addStretch(2)
        notice_layout.addWidget(self.notice)
        notice_layout.addSpacing(8)
        notice_layout.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        notice_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        notice_layout.addStretch(3)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocumentMargins(QMargins(12, 12, 12, 12))
        self.view.setAccessibleName(title)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(notice_page)
        self.stack.addWidget(self.view)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageCount")
        self.page_label.setContentsMargins(6, 0, 6, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.page_label)
        self.show_busy(self.tr("Preparing..."))

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def show_busy(self, text: str) -> None:
        self.failed = False
        self.notice.setText(text)
        self.busy_bar.show()
        self.retry_button.hide()
        self.page_label.clear()
        self.stack.setCurrentIndex(0)

    def show_failure(self, text: str) -> None:
        self.failed = True
        self.notice.setText(text)
        self.busy_bar.hide()
        self.retry_button.show()
        self.page_label.clear()
        self.stack.setCurrentIndex(0)

    def show_pdf(self, pdf: bytes) -> None:
        """Raises PrintError when the bytes are not a readable PDF."""
        document = open_pdf(pdf, self)
        if self.document is not None:
            self.view.setDocument(None)
            self.document.deleteLater()
        self.pdf = pdf
        self.document = document
        self.view.setDocument(document)
        self.view.pageNavigator().jump(0, QPoint(0, 0))
        self.stack.setCurrentIndex(1)
        self._show_page_number(0)

    def _show_page_number(self, page: int) -> None:
        if self.document is None:
            return
        count = self.document.pageCount()
        pages = self.tr("1 page") if count == 1 else self.tr("{0} pages").format(count)
        self.page_label.setText(self.tr("{0} \u00b7 showing page {1} of {2}").format(pages, page + 1, count))


class _PrintJob(QObject):
    """Carries progress from the printing thread to the window, and the window's Cancel back."""

    advanced = Signal(int, int)  # pages done, pages in the job

    def __init__(self, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self.cancelled = threading.Event()

    def cancel(self) -> None:
        self.cancelled.set()

    def progress(self, done: int, total: int) -> bool:
        """Called on the printing thread; the signal is queued to the window's thread."""
        self.advanced.emit(done, total)
        return not self.cancelled.is_set()


class PreviewDialog(QDialog):
    """The referral summary and the patient handout side by side in tabs, ready to print or save.

    `ready()` once both PDFs are showing; `printed(pages)` after a print job was sent.
    """

    ready = Signal()
    printed = Signal(int)

    def __init__(self, clinic: Any, document: IntakeDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.document = document
        self.runner = TaskRunner(self)
        self._printing = False
        self._progress_box: QProgressDialog | None = None
        self.setWindowTitle(self.tr("Preview and print"))
        self.setSizeGripEnabled(True)

        self.tabs = QTabWidget(self)
        self.tabs.setMinimumHeight(280)
        self.pages: dict[str, _DocumentTab] = {}
        for kind in KINDS:
            tab = _DocumentTab(self.tr(_TITLES[kind]), self)
            tab.retry_requested.connect(lambda kind=kind: self._build(kind))
            self.pages[kind] = tab
            self.tabs.addTab(tab, tab.title)

        self.print_referral_button = QPushButton(self.tr("Print &referral..."), self)
        self.print_handout_button = QPushButton(self.tr("Print &handout..."), self)
        self.print_both_button = QPushButton(self.tr("Print &both..."), self)
        self.print_both_button.setToolTip(self.tr("One print dialog; the referral summary prints first"))
        self.save_button = QPushButton(self.tr("&Save PDF..."), self)
        self.save_button.setToolTip(self.tr("Save the document in the open tab as a PDF file"))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.print_referral_button.clicked.connect(lambda: self.print_kinds(["referral"]))
        self.print_handout_button.clicked.connect(lambda: self.print_kinds(["handout"]))
        self.print_both_button.clicked.connect(lambda: self.print_kinds(["referral", "handout"]))
        self.save_button.clicked.connect(self.save_current)
        self.close_button.clicked.connect(self.reject)
        for button in (self.print_referral_button, self.print_handout_button, self.print_both_button,
                       self.save_button, self.close_button):
            button.setAutoDefault(False)

        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(120)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in (self.print_referral_button, self.print_handout_button, self.print_both_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.save_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.status, 1)  # what just happened, beside the buttons that did it
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.runner.busy_changed.connect(self._show_work)
        self._fit_to_screen(QSize(900, 700))
        self.tabs.currentChanged.connect(self._update_buttons)
        self._update_buttons()
        for kind in KINDS:
            self._build(kind)

    # --- building -------------------------------------------------------------------------------

    def pdf(self, kind: str) -> bytes | None:
        return self.pages[kind].pdf

    @property
    def is_ready(self) -> bool:
        return all(tab.document is not None for tab in self.pages.values())

    def _build(self, kind: str) -> None:
        tab = self.pages[kind]
        busy = (self.tr("Preparing the referral summary...") if kind == "referral"
                else self.tr("Preparing the patient handout..."))
        tab.show_busy(busy)
        self._update_buttons()
        clinic, document = self.clinic, self.document
        make = clinic.referral_pdf if kind == "referral" else clinic.handout_pdf
        self.runner.run(lambda: make(document), lambda pdf: self._built(kind, pdf),
                        lambda error: self._build_failed(kind, error), label=busy)

    def _show_work(self, busy: bool, label: str) -> None:
        if busy and label:
            self.status.setText(label)

    def _built(self, kind: str, pdf: bytes) -> None:
        try:
            self.pages[kind].show_pdf(pdf)
        except IntakeError as error:
            self._build_failed(kind, error)
            return
        if not self.runner.is_busy and not any(tab.failed for tab in self.pages.values()):
            self.status.clear()
        self._update_buttons()
        if self.is_ready:
            self.ready.emit()

    def _build_failed(self, kind: str, error: BaseException) -> None:
        what = (self.tr("The referral summary could not be prepared.") if kind == "referral"
                else self.tr("The patient handout could not be prepared."))
        self.pages[kind].show_failure(what)
        self.status.setText(what)
        self._update_buttons()
        if not isinstance(error, IntakeError):
            raise error  # not an expected failure: the crash handler logs it
        messages.show_error(self, error, self.windowTitle())

    # --- printing -------------------------------------------------------------------------------

    def print_kinds(self, kinds: list[str]) -> bool:
        """One print dialog, then the documents in the order given as one job, printed off the GUI thread.

        Returns whether a job was started; `printed(pages)` follows when it has gone to the printer.
        """
        if self._printing or not all(self.pages[kind].pdf for kind in kinds):
            return False
        pdfs = [pdf for pdf in (self.pages[kind].pdf for kind in kinds) if pdf is not None]
        try:
            printer = self._choose_printer(kinds, pdfs[0])
        except IntakeError as error:
            messages.show_error(self, error, self.windowTitle())
            return False
        if printer is None:
            return False
        self._printing = True
        self._update_buttons()
        job = _PrintJob(printer, self)
        job.advanced.connect(self._show_print_progress)
        self._progress_box = box = QProgressDialog(self.tr("Printing..."), self.tr("Cancel"), 0, 1, self)
        box.setWindowTitle(self.windowTitle())
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setMinimumDuration(800)  # short jobs finish without a flash of a window
        box.setAutoClose(False)
        box.setAutoReset(False)
        box.canceled.connect(job.cancel)

        def finished() -> None:
            box.canceled.disconnect(job.cancel)  # closing a progress dialog counts as Cancel otherwise
            box.close()
            box.deleteLater()
            job.deleteLater()
            self._progress_box = None
            self._printing = False
            self._update_buttons()

        def done(pages: int) -> None:
            finished()
            if job.cancelled.is_set():
                self.status.setText(self.tr("Printing cancelled.") if pages == 0
                                    else self.tr("Printing cancelled after {0} page(s).").format(pages))
                return
            self.status.setText(self.tr("Sent {0} page(s) to the printer.").format(pages))
            self.printed.emit(pages)

        def failed(error: BaseException) -> None:
            finished()
            self.status.setText(self.tr("Nothing was printed."))
            if not isinstance(error, IntakeError):
                raise error
            messages.show_error(self, error, self.windowTitle())

        self.status.setText(self.tr("Printing..."))
        self.runner.run(lambda: print_documents(pdfs, printer, job.progress), done, failed,
                        label=self.tr("Printing..."))
        return True

    def _show_print_progress(self, done: int, total: int) -> None:
        text = (self.tr("Printing page {0} of {1}...").format(done + 1, total) if done < total
                else self.tr("Finishing the print job..."))
        self.status.setText(text)
        if self._progress_box is not None:
            self._progress_box.setLabelText(text)
            self._progress_box.setMaximum(total)
            self._progress_box.setValue(done)

    def _choose_printer(self, kinds: list[str], first_pdf: bytes) -> QPrinter | None:
        """The printer to use, or None when the user cancelled. Raises PrintError (unwritable test target)."""
        name = " + ".join(_TITLES[kind] for kind in kinds)
        if AUTO_PRINT_TARGET is not None:
            if not AUTO_PRINT_TARGET:
                return None
            printer = _pdf_file_printer(AUTO_PRINT_TARGET, first_pdf)
        else:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            _match_paper(printer, first_pdf)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("Print: {0}").format(name))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        printer.setDocName(name)  # the print queue shows this: what, never who
        return printer

    # --- saving ---------------------------------------------------------------------------------

    def current_kind(self) -> str:
        return KINDS[max(0, self.tabs.currentIndex())]

    def save_current(self) -> None:
        """Save the document in the open tab; the file is written off the GUI thread."""
        kind = self.current_kind()
        pdf = self.pages[kind].pdf
        if pdf is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggestion = str(Path(folder) / suggested_file_name(kind, self.document.visit_date))
        SAVE_SUGGESTIONS.append(suggestion)
        if AUTO_SAVE_TARGET is not None:
            path = AUTO_SAVE_TARGET
        else:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save {0} as PDF").format(self.tr(_TITLES[kind]).lower()), suggestion,
                self.tr("PDF files (*.pdf)"),
            )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.save_button.setEnabled(False)

        def done(_result: object) -> None:
            self.status.setText(self.tr("Saved {0}.").format(Path(path).name))
            self._update_buttons()

        def failed(error: BaseException) -> None:
            self._update_buttons()
            if not isinstance(error, IntakeError):
                raise error
            self.status.setText(self.tr("The PDF was not saved."))
            messages.show_error(self, error, self.windowTitle())

        self.runner.run(lambda: write_pdf(pdf, path), done, failed, label=self.tr("Saving..."))

    # --- window ---------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        idle = not self._printing
        has = {kind: tab.pdf is not None for kind, tab in self.pages.items()}
        self.print_referral_button.setEnabled(idle and has["referral"])
        self.print_handout_button.setEnabled(idle and has["handout"])
        self.print_both_button.setEnabled(idle and all(has.values()))
        self.save_button.setEnabled(idle and has[self.current_kind()])
        self.close_button.setEnabled(idle)

    def _fit_to_screen(self, wanted: QSize) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry().size() - QSize(40, 60)  # window frame and title bar
            wanted = wanted.boundedTo(room).expandedTo(self.minimumSizeHint())
        self.resize(wanted)

    def done(self, result: int) -> None:
        if self._printing:  # Esc or the window's close box during a print job: the job must finish first
            return
        self.runner.wait(10000)
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._printing:
            event.ignore()
            return
        super().closeEvent(event)


def write_pdf(pdf: bytes, path: str | os.PathLike[str]) -> None:
    """Write the bytes whole or not at all (a temporary file beside the target, then a rename)."""
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".saving-", suffix=".pdf", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(pdf)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise IntakeError(_tr("The PDF could not be saved ({0}).").format(reason),
                          hint=_tr("Choose another folder or file name.")) from None
