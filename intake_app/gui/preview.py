"""See the referral summary and the patient handout before they leave the desk, then print or save them.

The PDFs are asked of the clinic on the dialog's worker thread and built, and their pages rendered, in the
application's report process (report_process.py; on the worker thread when there is none): the window only
draws finished pictures and never waits for Python's lock while they are made. Printing sends each PDF page
to the printer as a picture rendered at the printer's resolution, so what is printed is exactly what was
previewed, whatever the printer driver makes of PDF files.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.document import IntakeDocument
from intake_app.errors import IntakeError
from intake_app.gui import messages, report_process
from intake_app.gui.chooser import Chooser, documents_folder
from intake_app.gui.document_tab import DocumentTab
from intake_app.gui.letter_options import LetterOptions
from intake_app.gui.page_view import RenderedPages
from intake_app.gui.printing import (
    BAND_PIXELS,
    FILE_STEMS,
    KINDS,
    MAX_PRINT_DPI,
    TITLES,
    PrintError,
    _page_count,
    _set_paper,
    free_path,
    open_pdf,
    print_documents,
    print_to_pdf_file,
    suggested_file_name,
    write_pdf,
    writes_pdf_file,
)
from intake_app.gui.tasks import TaskRunner
from intake_app.services.reports import built_by

__all__ = ["BAND_PIXELS", "MAX_PRINT_DPI", "PreviewDialog", "PrintError", "open_pdf", "print_documents",
           "print_to_pdf_file", "suggested_file_name", "write_pdf"]


# --- the dialog ---------------------------------------------------------------------------------

#: Widgets styled per step when the dialog is made ahead (about a millisecond a step).
POLISH_STEP = 8


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

    `ready()` once both PDFs are showing; `printed(pages)` after a print job was sent. A window keeps one
    dialog and shows each new intake in it (`show_document`): making the dialog and styling it the first
    time costs the window tens of milliseconds, which a preview would otherwise wait for every time.
    """

    ready = Signal()
    printed = Signal(int)

    def __init__(self, clinic: Any, document: IntakeDocument | None, parent: QWidget | None = None, *,
                 intake_id: int | None = None, revision: int = 1, chooser: Chooser | None = None,
                 build_now: bool = True, reports: report_process.ReportProcess | None = None) -> None:
        """With `document` None the dialog shows nothing until `show_document`. With `build_now` False its
        widgets are made by `build_steps()` a few at a time (a window makes its dialog ahead, in idle time);
        `show_document` finishes whatever is left. `reports`: the process that builds and renders the PDFs
        (the application's one unless given)."""
        super().__init__(parent)
        self.clinic = clinic
        self.document: IntakeDocument | None = None
        self.intake_id = intake_id
        self.revision = revision
        self.chooser = chooser or messages.chooser_for(parent)
        self.runner = TaskRunner(self)
        self.reports = reports or report_process.shared()
        self._printing = False
        self._rendering: set[str] = set()  # documents being rendered again for a new width
        self._generation = 0  # which document the builds under way are for (older results are dropped)
        self._asked: dict[str, int] = {}  # each document's latest build (an earlier one's result is dropped)
        self._print_when_ready: list[str] = []
        self._job: _PrintJob | None = None  # the print job under way
        # Made with the dialog's widgets, in idle time: the first QPrinter of a process loads Qt's print
        # plugin and the first progress box styles a new kind of window (about 5 ms each on the window's
        # thread), which a print job would otherwise pay as it starts.
        self._progress_box: QProgressDialog | None = None
        self._spare_printer: QPrinter | None = None
        self.pages: dict[str, DocumentTab] = {}
        self.built = False
        self._steps: Iterator[None] | None = None
        self.setWindowTitle(self.tr("Preview and print"))
        self.setSizeGripEnabled(True)
        if build_now:
            self.finish_building()
        if document is not None:
            self.show_document(document, intake_id=intake_id, revision=revision)

    def build_steps(self) -> Iterator[None]:
        """The dialog's widgets, a piece per step (each a few milliseconds); then styled a few at a time."""
        if self._steps is None:
            self._steps = self._build()
        return self._steps

    def finish_building(self) -> None:
        for _step in self.build_steps():
            pass

    def _build(self) -> Iterator[None]:
        self.letter_options = LetterOptions(getattr(self.clinic, "settings", None), self)
        self.letter_options.changed.connect(self._build_document)
        yield
        self.tabs = QTabWidget(self)
        self.tabs.setMinimumHeight(280)
        for kind in KINDS:
            tab = DocumentTab(self.tr(TITLES[kind]), self)
            tab.retry_requested.connect(lambda kind=kind: self._build_document(kind))
            tab.view.width_wanted.connect(lambda width, kind=kind: self._render_again(kind, width))
            self.pages[kind] = tab
            self.tabs.addTab(tab, tab.title)
            yield

        self.print_referral_button = QPushButton(self.tr("Print &referral..."), self)
        self.print_handout_button = QPushButton(self.tr("Print &handout..."), self)
        self.print_both_button = QPushButton(self.tr("Print &both..."), self)
        self.print_both_button.setToolTip(self.tr("One print dialog; the referral summary prints first"))
        self.save_button = QPushButton(self.tr("&Save PDFs..."), self)
        self.save_button.setToolTip(self.tr("Save both documents as PDF files in a folder you choose"))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.print_referral_button.clicked.connect(lambda: self.print_kinds(["referral"]))
        self.print_handout_button.clicked.connect(lambda: self.print_kinds(["handout"]))
        self.print_both_button.clicked.connect(lambda: self.print_kinds(["referral", "handout"]))
        self.save_button.clicked.connect(self.save_all)
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
        layout.addWidget(self.letter_options)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        yield
        # Styled under the application's style sheet a few widgets a step, each after its children (the list
        # is parents first), so that sizing the dialog below finds them all styled.
        widgets = self.findChildren(QWidget)
        for end in range(len(widgets), 0, -POLISH_STEP):
            for widget in reversed(widgets[max(0, end - POLISH_STEP):end]):
                widget.ensurePolished()
            yield
        self._progress_box = self._make_progress_box()
        yield
        self._spare_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        yield
        self.runner.busy_changed.connect(self._show_work)
        self.reports.start()  # loads its modules meanwhile, in a process of its own
        self._fit_to_screen(QSize(900, 700))
        self.tabs.currentChanged.connect(self._update_buttons)
        self.built = True
        self._update_buttons()

    def show_document(self, document: IntakeDocument, *, intake_id: int | None = None, revision: int = 1,
                      print_when_ready: list[str] | None = None) -> None:
        """Show (build) the referral summary and handout of `document`, dropping whatever was shown before:
        the pages, the letter's one-off details, any build under way. `print_when_ready`: these documents
        go to one print dialog as soon as both are showing."""
        self.finish_building()
        self._generation += 1
        self.document = document
        self.intake_id = intake_id
        self.revision = revision
        self._print_when_ready = list(print_when_ready or [])
        self._rendering.clear()
        self._reset_letter_options()
        self.status.clear()
        self.tabs.setCurrentIndex(0)
        for tab in self.pages.values():
            tab.clear()
        for kind in KINDS:
            self._build_document(kind)

    def _reset_letter_options(self) -> None:
        """The clinic's referrer and handout size again (a change in the dialog was for one letter only)."""
        settings = getattr(self.clinic, "settings", None)
        options = self.letter_options
        for edit, name in ((options.referrer_name, "referrer_name"), (options.referrer_role, "referrer_role"),
                           (options.referrer_phone, "referrer_phone")):
            edit.setText(getattr(settings, name, "") or "")
        options.large_print.blockSignals(True)
        options.large_print.setChecked(bool(getattr(settings, "large_print", False)))
        options.large_print.blockSignals(False)
        options.apply_button.setEnabled(False)

    # --- building -------------------------------------------------------------------------------

    def pdf(self, kind: str) -> bytes | None:
        return self.pages[kind].pdf

    @property
    def is_ready(self) -> bool:
        return self.built and self.document is not None and all(tab.shown for tab in self.pages.values())

    def _render_width(self) -> int:
        """Pixels across for the pages: the view's, once laid out, else what the dialog's width will give."""
        view = self.pages[KINDS[0]].view
        if view.isVisible():
            return view.render_width()
        return round(max(200, self.width() - 80) * self.devicePixelRatioF())

    def _build_document(self, kind: str) -> None:
        document = self.document
        if document is None:
            return
        tab = self.pages[kind]
        busy = (self.tr("Preparing the referral summary...") if kind == "referral"
                else self.tr("Preparing the patient handout..."))
        tab.show_busy(busy)
        self._update_buttons()
        clinic, generation, reports = self.clinic, self._generation, self.reports
        asked = self._asked[kind] = self._asked.get(kind, 0) + 1
        overrides = self.letter_options.overrides(kind)
        if kind == "referral":
            overrides["revision"] = self.revision
        make = clinic.referral_pdf if kind == "referral" else clinic.handout_pdf
        width = self._render_width()

        def wanted() -> bool:
            """Still the document shown and its latest build (else another intake or letter is asked for)."""
            return (shiboken6.isValid(self) and generation == self._generation
                    and asked == self._asked.get(kind))

        def work() -> RenderedPages | None:
            if not wanted():
                return None  # dropped before it started: no time spent on it
            with built_by(reports.build):  # the clinic checks the access, the report process builds
                pdf = make(document, **overrides)
            return reports.render(pdf, width) if wanted() else None

        def built(pages: RenderedPages | None) -> None:
            if pages is not None and wanted():
                self._built(kind, pages)

        def failed(error: BaseException) -> None:
            if wanted():
                self._build_failed(kind, error)
            elif not isinstance(error, IntakeError):
                raise error  # a fault all the same: the crash handler logs it

        self.runner.run(work, built, failed, label=busy)

    def _render_again(self, kind: str, width: int) -> None:
        """The view was widened or narrowed a lot: its pages rendered again for the new width (off this thread;
        one at a time per document, the width checked again when it is done)."""
        tab = self.pages[kind]
        pdf = tab.pdf
        if pdf is None or kind in self._rendering:
            return
        self._rendering.add(kind)

        def shown(pages: RenderedPages) -> None:
            self._rendering.discard(kind)
            if tab.pdf is pdf:  # else a new build replaced the document meanwhile
                tab.show_pages(pages)
                tab.view.check_width()

        def failed(error: BaseException) -> None:
            self._rendering.discard(kind)
            raise error  # it rendered a moment ago: a failure now is a fault for the crash handler

        reports = self.reports
        self.runner.run(lambda: reports.render(pdf, width), shown, failed)

    def _show_work(self, busy: bool, label: str) -> None:
        if busy and label:
            self.status.setText(label)

    def _built(self, kind: str, pages: RenderedPages) -> None:
        self.pages[kind].show_pages(pages)
        self.pages[kind].view.check_width()  # the dialog may have been laid out wider than guessed
        if not self.runner.is_busy and not any(tab.failed for tab in self.pages.values()):
            self.status.clear()
        self._update_buttons()
        if self.is_ready:
            self.ready.emit()
            kinds, self._print_when_ready = self._print_when_ready, []
            if kinds:
                self.print_kinds(kinds)

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
            printer = self._choose_printer(kinds)
        except IntakeError as error:
            messages.show_error(self, error, self.windowTitle())
            return False
        if printer is None:
            return False
        if writes_pdf_file(printer):
            self._write_pdf_files(kinds, pdfs, Path(printer.outputFileName()))
            return True
        self._printing = True
        self._update_buttons()
        self._job = job = _PrintJob(printer, self)
        job.advanced.connect(self._show_print_progress)
        box = self._progress_box
        if box is not None:
            box.reset()  # a cancel of an earlier job is forgotten
            box.setLabelText(self.tr("Printing..."))
            box.setRange(0, 1)

        def finished() -> None:
            if box is not None:
                box.reset()  # its timer stopped: it does not show after the job
                box.hide()  # hidden, not closed: closing a progress box counts as Cancel
            job.deleteLater()
            self._job = None
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

        def work() -> int:
            pages = print_documents(pdfs, printer, job.progress, reports=self.reports)
            if pages and not job.cancelled.is_set():
                self._note("note_printed", kinds)
            return pages

        self.status.setText(self.tr("Printing..."))
        self.runner.run(work, done, failed, label=self.tr("Printing..."))
        return True

    def _note(self, method: str, kinds: list[str]) -> None:
        """Record the print or PDF save in the audit trail (runs on the runner's thread)."""
        if self.intake_id is None:
            return
        for kind in kinds:
            getattr(self.clinic, method)(self.intake_id, kind)

    def _make_progress_box(self) -> QProgressDialog:
        """The print job's progress box, one for the dialog's life: shown by each job that takes longer than a
        moment, hidden when it ends; its Cancel cancels the job under way."""
        box = QProgressDialog(self.tr("Printing..."), self.tr("Cancel"), 0, 1, self)
        box.setWindowTitle(self.windowTitle())
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setMinimumDuration(800)  # short jobs finish without a flash of a window
        box.setAutoClose(False)
        box.setAutoReset(False)
        box.canceled.connect(self._cancel_print)
        box.reset()  # no value yet: it shows only once a job sets one
        box.ensurePolished()
        return box

    def _cancel_print(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _show_print_progress(self, done: int, total: int) -> None:
        text = (self.tr("Printing page {0} of {1}...").format(done + 1, total) if done < total
                else self.tr("Finishing the print job..."))
        self.status.setText(text)
        if self._progress_box is not None and self._job is not None:
            self._progress_box.setLabelText(text)
            self._progress_box.setMaximum(total)
            self._progress_box.setValue(done)

    def _choose_printer(self, kinds: list[str]) -> QPrinter | None:
        """The printer the person chose, or None when they cancelled. Each job starts on a fresh printer (the
        default one, one copy), on the paper of the first document's first page as it was rendered."""
        name = " + ".join(TITLES[kind] for kind in kinds)
        printer, self._spare_printer = self._spare_printer, None
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        shown = self.pages[kinds[0]].view.pages
        if shown is not None:
            _set_paper(printer, shown.points[0])
        QTimer.singleShot(0, self._make_spare_printer)  # the next job's, after this one has started
        chosen = self.chooser.printer(self, printer, self.tr("Print: {0}").format(name))
        if chosen is not None:
            chosen.setDocName(name)  # the print queue shows this: what, never who
        return chosen

    def _make_spare_printer(self) -> None:
        if self._spare_printer is None and shiboken6.isValid(self):
            self._spare_printer = QPrinter(QPrinter.PrinterMode.HighResolution)

    def _write_pdf_files(self, kinds: list[str], pdfs: list[bytes], target: Path) -> None:
        """"Print to file" as PDF: the documents' own PDF pages (small, sharp text), not pictures of them.

        The first document goes to the chosen file; any further one beside it, named by its kind.
        """
        folder = target.parent
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            messages.show_error(self, PrintError(self.tr("The PDF file cannot be written in that folder."),
                                                 hint=self.tr("Choose a folder you can write to.")),
                                self.windowTitle())
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        paths = [target] + [free_path(folder, f"{target.stem}-{FILE_STEMS[kind]}.pdf") for kind in kinds[1:]]
        self._write_files(list(zip(paths, pdfs, strict=True)), printed=True, kinds=kinds)

    # --- saving ---------------------------------------------------------------------------------

    def current_kind(self) -> str:
        return KINDS[max(0, self.tabs.currentIndex())]

    def suggested_paths(self, folder: Path) -> list[Path]:
        """Where Save PDFs would put each document in `folder` (names never collide, hold no patient data)."""
        if self.document is None:
            return []
        visit_date = self.document.visit_date
        return [free_path(folder, suggested_file_name(kind, visit_date, self.intake_id, self.revision))
                for kind in KINDS]

    def save_all(self) -> None:
        """Save both documents (the referral summary and the handout) in one chosen folder."""
        if not all(self.pages[kind].pdf for kind in KINDS):
            return
        folder = self.chooser.save_folder(self, self.tr("Save both PDFs in a folder"), documents_folder())
        if folder is None:
            return
        pdfs = [self.pages[kind].pdf or b"" for kind in KINDS]
        self._write_files(list(zip(self.suggested_paths(folder), pdfs, strict=True)), printed=False,
                          kinds=list(KINDS))

    def _write_files(self, files: list[tuple[Path, bytes]], *, printed: bool, kinds: list[str]) -> None:
        self.save_button.setEnabled(False)

        def work() -> None:
            for path, pdf in files:
                write_pdf(pdf, path)
            self._note("note_pdf_saved", kinds)

        def done(_result: object) -> None:
            names = ", ".join(path.name for path, _pdf in files)
            self.status.setText(self.tr("Saved {0}.").format(names))
            self._update_buttons()
            if printed:
                self.printed.emit(sum(_page_count(pdf) for _path, pdf in files))

        def failed(error: BaseException) -> None:
            self._update_buttons()
            if not isinstance(error, IntakeError):
                raise error
            self.status.setText(self.tr("The PDF was not saved."))
            messages.show_error(self, error, self.windowTitle())

        self.runner.run(work, done, failed, label=self.tr("Saving..."))

    # --- window ---------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        idle = not self._printing
        has = {kind: tab.pdf is not None for kind, tab in self.pages.items()}
        self.print_referral_button.setEnabled(idle and has["referral"])
        self.print_handout_button.setEnabled(idle and has["handout"])
        self.print_both_button.setEnabled(idle and all(has.values()))
        self.save_button.setEnabled(idle and all(has.values()))
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
        # Builds still under way are dropped, not waited for: their results never reach the closed dialog.
        self._generation += 1
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._printing:
            event.ignore()
            return
        super().closeEvent(event)


