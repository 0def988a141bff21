"""Printing PDFs page by page at the printer's resolution, and writing PDF bytes to files.

Used by the preview dialog (preview.py) off the GUI thread; nothing here opens a window. The pages are
rendered and painted on the printer in the application's report process (report_process.py), given the
printer as the person set it up (`printer_settings`): PySide6 holds Python's lock through each render and
paint call, so on a worker thread of the window's process every band of every page made the window wait
(39-331 ms stalls while printing). Where there is no report process the calling thread prints as before.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QObject,
    QPoint,
    QRect,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintEngine, QPrinter

from intake_app.errors import IntakeError
from intake_app.gui import report_process

# Pages are rendered at the printer's resolution up to this limit: a 1200 dpi printer would take four times
# as long to feed for no visible gain on text; Qt scales the 600 dpi picture up.
MAX_PRINT_DPI = 600
# Pixels in one band of a page (rendered and painted at once): about 1 MB and a few milliseconds. PySide6 holds
# Python's lock through each render and paint call, so the band's size is how long the window can wait.
BAND_PIXELS = 250_000
# Width of the tiles a band is cut into to leave its blank parts unpainted (see _inked_runs): about 1 cm at
# 600 dpi, a multiple of JPEG's 8-pixel blocks.
TILE_PIXELS = 256
# Resolution of pictures when printing to a PDF file through the printer path (print_to_pdf_file).
PDF_FILE_DPI = 300

Progress = Callable[[int, int], bool | None]

# What each document is called on screen, in the print queue and in suggested file names.
KINDS = ("referral", "handout")
TITLES = {"referral": "Referral summary", "handout": "Patient handout"}
FILE_STEMS = {"referral": "referral-summary", "handout": "patient-handout"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("preview", text)


class PrintError(IntakeError):
    """A PDF could not be read or the printer (or output file) could not be started."""


# --- printing: usable without the dialog ---------------------------------------------------------


def open_pdf(data: bytes, parent: QObject) -> QPdfDocument:
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


def suggested_file_name(kind: str, visit_date: dt.date, intake_id: int | None = None, revision: int = 1) -> str:
    """A file name that says what the document is and when, never who it is about: file names show up in
    folder listings, mail attachments and recent-files menus that anyone at the desk can see. The intake's
    number (a short id, not patient data) keeps two patients' letters of one day apart."""
    tag = f"-i{intake_id}" if intake_id is not None else ""
    if revision > 1:
        tag += f"-r{revision}"
    return f"{FILE_STEMS[kind]}-{visit_date.isoformat()}{tag}.pdf"


def free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `name-2.pdf`, `name-3.pdf`... if that file exists already (never overwrite)."""
    candidate = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def writes_pdf_file(printer: QPrinter) -> bool:
    """Whether a printer (as the print dialog left it) writes a PDF file rather than paper."""
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())


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


def print_documents(pdfs: list[bytes], printer: QPrinter, progress: Progress | None = None, *,
                    reports: report_process.ReportProcess | None = None) -> int:
    """Print the PDFs in order as one job; returns the number of pages that reached the printer.

    Each page is rendered at the printer's resolution (at most MAX_PRINT_DPI), fitted to the paper with its
    aspect ratio kept, and painted in bands of rows: in the report process (`reports`, else the
    application's one) on a printer set up as `printer` is, or on the calling thread when there is none.
    `progress(done, total)` is called (on the calling thread) before the first page and after each one;
    returning False cancels: the job is aborted where the printer can, otherwise the pages so far are kept.
    Raises PrintError for an unreadable PDF or a printer (or output file) that does not start.
    """
    if not pdfs:
        return 0
    process = reports if reports is not None else report_process.shared()
    if process.prints:
        settings = printer_settings(printer)
        try:
            return process.print_pdfs(pdfs, settings, progress)
        except report_process.Unavailable:
            pass  # printed here instead (nothing reached the printer: see ReportProcess.print_pdfs)
        except PrintError as error:  # worded in the process, which has no translations: worded again here
            raise PrintError(_tr(error.message.template), hint=_tr(error.hint.template)) from None
    return print_here(pdfs, printer, progress)


def print_here(pdfs: list[bytes], printer: QPrinter, progress: Progress | None = None, *,
               max_dpi: int | None = None, band_pixels: int | None = None) -> int:
    """`print_documents` on this thread (the report process runs this; so does the window's worker thread
    when there is no process). `max_dpi` and `band_pixels`: the window's MAX_PRINT_DPI and BAND_PIXELS."""
    holder = QObject()  # parent of the documents: they go when it goes, on whichever thread runs this
    try:
        documents = [open_pdf(pdf, holder) for pdf in pdfs]
        pages = [(document, index) for document in documents for index in range(document.pageCount())]
        if not pages:
            return 0
        return _paint_pages(pages, printer, progress, max_dpi or MAX_PRINT_DPI, band_pixels or BAND_PIXELS)
    finally:
        shiboken6.delete(holder)


# --- the printer as the person set it up, as plain values for the report process -----------------

#: Qt's key for the CUPS job options a print dialog's "Options" page sets (qcups_p.h: PPK_CupsOptions).
_CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)


def printer_settings(printer: QPrinter) -> dict[str, Any]:
    """What the print dialog set on `printer` (and what printing reads from it), as plain values that can be
    sent to the report process: `settings_printer` makes the same printer from them there. Also the window's
    MAX_PRINT_DPI and BAND_PIXELS, read now."""
    layout = printer.pageLayout()
    page_size = layout.pageSize()
    margins = layout.margins()
    engine = printer.printEngine()
    cups_options = engine.property(_CUPS_OPTIONS) if engine is not None and sys.platform != "win32" else None
    return {
        "output_format": printer.outputFormat().value,
        "output_file": printer.outputFileName(),
        "printer_name": printer.printerName(),
        "resolution": printer.resolution(),
        "page_size_id": page_size.id().value,
        "page_points": (page_size.sizePoints().width(), page_size.sizePoints().height()),
        "page_size_name": page_size.name(),
        "orientation": layout.orientation().value,
        "margins": (margins.left(), margins.top(), margins.right(), margins.bottom()),
        "margin_units": layout.units().value,
        "layout_mode": layout.mode().value,
        "copies": printer.copyCount(),
        "collate": printer.collateCopies(),
        "duplex": printer.duplex().value,
        "color_mode": printer.colorMode().value,
        "page_order": printer.pageOrder().value,
        "paper_source": printer.paperSource().value,
        "doc_name": printer.docName(),
        "creator": printer.creator(),
        "cups_options": list(cups_options) if isinstance(cups_options, list) else None,
        "max_dpi": MAX_PRINT_DPI,
        "band_pixels": BAND_PIXELS,
    }


def settings_printer(settings: dict[str, Any]) -> QPrinter:
    """A printer set up as `printer_settings` describes (in the report process): the same printer or PDF
    file, paper, orientation, margins, copies, duplex, colour mode and resolution."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat(settings["output_format"]))
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
        printer.setPrinterName(settings["printer_name"])  # first: a printer brings its own defaults
    else:
        printer.setOutputFileName(settings["output_file"])
    size_id = QPageSize.PageSizeId(settings["page_size_id"])
    if size_id == QPageSize.PageSizeId.Custom:
        width, height = settings["page_points"]
        page_size = QPageSize(QSizeF(width, height), QPageSize.Unit.Point, settings["page_size_name"])
    else:
        page_size = QPageSize(size_id)
    layout = QPageLayout(page_size, QPageLayout.Orientation(settings["orientation"]),
                         QMarginsF(*settings["margins"]), QPageLayout.Unit(settings["margin_units"]))
    layout.setMode(QPageLayout.Mode(settings["layout_mode"]))
    printer.setPageLayout(layout)
    printer.setResolution(settings["resolution"])
    printer.setCopyCount(settings["copies"])
    printer.setCollateCopies(settings["collate"])
    printer.setDuplex(QPrinter.DuplexMode(settings["duplex"]))
    printer.setColorMode(QPrinter.ColorMode(settings["color_mode"]))
    printer.setPageOrder(QPrinter.PageOrder(settings["page_order"]))
    printer.setPaperSource(QPrinter.PaperSource(settings["paper_source"]))
    printer.setDocName(settings["doc_name"])
    printer.setCreator(settings["creator"])
    engine = printer.printEngine()
    if settings["cups_options"] is not None and engine is not None:
        engine.setProperty(_CUPS_OPTIONS, settings["cups_options"])
    return printer


def _paint_pages(pages: list[tuple[QPdfDocument, int]], printer: QPrinter, progress: Progress | None,
                 max_dpi: int, band_pixels: int) -> int:
    total = len(pages)
    printer.setFullPage(True)  # the PDFs carry their own margins; place them on the whole sheet
    dpi = printer.resolution()
    render_dpi = min(dpi, max_dpi)
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
            _paint_page(painter, document, index, size, target, band_pixels)
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


def _paint_page(painter: QPainter, document: QPdfDocument, index: int, size: QSize, target: QRect,
                band_pixels: int = BAND_PIXELS) -> None:
    """Render the page at `size` and paint it into `target`, a band of rows at a time.

    Bands keep memory small (a whole A4 page at 600 dpi would be a 140 MB picture) and keep each call into
    Qt short: PySide6 holds the Python interpreter lock while Qt paints, so one big picture would freeze the
    window for a third of a second even though the job runs on a worker thread. Only the inked parts of a
    band are painted (`_inked_runs`): the paper is white already.
    """
    rows_per_band = _band_rows(size, band_pixels)
    edges = _tile_edges(size.width())
    blanks: dict[tuple[int, int], QImage] = {}
    for top in range(0, size.height(), rows_per_band):
        rows = min(rows_per_band, size.height() - top)
        band = _render_band(document, index, size, top, rows_per_band)
        # Band edges mapped onto the target with the same rounding, so neighbouring bands meet exactly.
        y0 = target.top() + round(top * target.height() / size.height())
        y1 = target.top() + round((top + rows) * target.height() / size.height())
        for left, right in _inked_runs(band, rows, edges, blanks):
            x0 = target.left() + round(left * target.width() / size.width())
            x1 = target.left() + round(right * target.width() / size.width())
            painter.drawImage(QRect(x0, y0, x1 - x0, y1 - y0), band, QRect(left, 0, right - left, rows))


def _tile_edges(width: int) -> list[int]:
    """Where a band is cut across into tiles (TILE_PIXELS wide, on 8-pixel JPEG blocks) to find its ink."""
    inner = range(TILE_PIXELS, width - TILE_PIXELS // 2, TILE_PIXELS)
    return [0, *inner, width]


def _inked_runs(band: QImage, rows: int, edges: list[int], blanks: dict[tuple[int, int], QImage]
                ) -> list[tuple[int, int]]:
    """The stretches of the band's first `rows` rows (left, right) that hold anything but white paper: runs of
    neighbouring tiles with ink, joined. Qt's PDF writer (which prints on Linux and writes PDF files) encodes
    every painted pixel as JPEG, about two thirds of a print job's time; a letter is mostly margins and
    space beside and between its lines. What is printed is the same: white is left as paper."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for left, right in itertools.pairwise(edges):
        blank = blanks.get((right - left, rows))
        if blank is None:
            blank = blanks[(right - left, rows)] = QImage(right - left, rows, band.format())
            blank.fill(QColor(Qt.GlobalColor.white))
        inked = band.copy(left, 0, right - left, rows) != blank
        if inked and start is None:
            start = left
        elif not inked and start is not None:
            runs.append((start, left))
            start = None
    if start is not None:
        runs.append((start, edges[-1]))
    return runs


def _band_rows(size: QSize, pixels: int | None = None) -> int:
    """Rows in every band of a page (the last band is cut when painted), so all share one scale.

    Of the heights near `pixels` (BAND_PIXELS) per band, the one whose enlarged page height (see _render_band)
    is closest to a whole number of pixels, so bands line up to a small fraction of a pixel down the page.
    """
    height = size.height()
    most = max(16, min(height, (pixels or BAND_PIXELS) // max(1, size.width())))
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
        _set_paper(printer, open_pdf(pdf, holder).pagePointSize(0))
    finally:
        shiboken6.delete(holder)


def _set_paper(printer: QPrinter, page_points: QSizeF) -> None:
    """Start the printer on paper of a page's size in points (the preview has it from the rendered pages)."""
    printer.setPageSize(QPageSize(page_points, QPageSize.Unit.Point))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)


def print_to_pdf_file(pdfs: list[bytes], path: str | os.PathLike[str], progress: Progress | None = None, *,
                      reports: report_process.ReportProcess | None = None) -> int:
    """Print to a PDF file through the same path as a real printer (tests; desks with no printer)."""
    printer = _pdf_file_printer(os.fspath(path), pdfs[0] if pdfs else None)
    return print_documents(pdfs, printer, progress, reports=reports)



def _page_count(pdf: bytes) -> int:
    holder = QObject()
    try:
        return open_pdf(pdf, holder).pageCount()
    finally:
        shiboken6.delete(holder)


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
