"""Issue 14 item 4, previewing without a stall: the preview's PDFs are built, and their pages rendered, in the
application's report process; the window's worker thread only asks the clinic and waits on a pipe.

Behaviour only (what the person sees, what is printed); the stall itself is measured in bench/gui.py.
"""

from __future__ import annotations

import copy
import os
import signal
import sys
import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from intake_app.domain.document import IntakeDocument, parse_document
from intake_app.gui import page_view, report_process
from intake_app.gui.preview import PreviewDialog
from intake_app.gui.report_process import ReportProcess
from intake_app.reports import ReportError
from intake_app.services import Clinic
from tests.conftest import FULL_ANSWERS, synthetic_document
from tests.gui.scripted import ScriptedChooser
from tests.gui.test_front_desk import open_window, seeded_url, start_intake  # noqa: F401 (fixture)
from tests.gui.test_preview import READY_MS, page_count, pdf_text

pytestmark = pytest.mark.gui


@pytest.fixture
def document() -> IntakeDocument:
    return parse_document(synthetic_document(**copy.deepcopy(FULL_ANSWERS)))


def shown_pdfs_match(dialog: PreviewDialog) -> None:
    """Every page of both PDFs is shown, each picture as wide as the pages were rendered for."""
    for kind in ("referral", "handout"):
        pages = dialog.pages[kind].view.pages
        assert pages is not None and pages.pdf == dialog.pdf(kind)
        assert len(pages.images) == dialog.pages[kind].page_count == page_count(pages.pdf) >= 1
        assert all(not image.isNull() and image.width() == pages.width for image in pages.images)


def test_without_a_report_process_the_worker_thread_makes_the_same_preview(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process that cannot start (here: one that exits at once) costs nothing but speed: the worker thread
    builds and renders, the window never does, and after a few failures the process is not tried again."""
    threads: list[int] = []
    render = page_view.render_pages

    def noted(pdf: bytes, width: int) -> Any:
        threads.append(threading.get_ident())
        return render(pdf, width)

    monkeypatch.setattr(page_view, "render_pages", noted)
    broken = ReportProcess([sys.executable, "-c", "pass"])
    dialog = PreviewDialog(clinic, document, chooser=ScriptedChooser(), reports=broken)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        dialog.show()
    shown_pdfs_match(dialog)
    assert threads and threading.get_ident() not in threads
    assert broken.failures == report_process.MAX_FAILURES and not broken.usable and broken.pid is None


def test_a_report_process_that_died_is_replaced_and_nothing_is_lost(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument
) -> None:
    reports = ReportProcess()
    dialog = PreviewDialog(clinic, document, chooser=ScriptedChooser(), reports=reports)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        dialog.show()
    first = reports.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        dialog.show_document(document)
    shown_pdfs_match(dialog)
    assert reports.pid not in (None, first)
    reports.close()
    assert reports.pid is None


def test_a_report_error_in_the_report_process_reaches_the_person_as_before(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument
) -> None:
    """The referral of an impossible revision fails in the report process; the person reads the same message
    (the error comes back whole: its class, words and template), and the handout is still shown."""
    chooser = ScriptedChooser()
    dialog = PreviewDialog(clinic, document, chooser=chooser, revision=0)
    qtbot.addWidget(dialog)
    with qtbot.assertNotEmitted(dialog.ready), qtbot.waitSignal(dialog.runner.idle, timeout=READY_MS):
        dialog.show()
    with pytest.raises(ReportError) as here:
        clinic.referral_pdf(document, revision=0)
    assert chooser.shown == [("error", "Preview and print", str(here.value))]
    assert dialog.pages["referral"].notice.text() == "The referral summary could not be prepared."
    assert dialog.pages["handout"].page_count == page_count(dialog.pdf("handout") or b"") >= 1

    with pytest.raises(ReportError) as there, report_process_builds():
        clinic.referral_pdf(document, revision=0)
    assert type(there.value) is ReportError
    assert (there.value.message, there.value.hint) == (here.value.message, here.value.hint)
    assert there.value.message.template == here.value.message.template


def report_process_builds() -> Any:
    from intake_app.services.reports import built_by

    return built_by(report_process.shared().build)


def test_closing_while_the_documents_are_made_leaves_the_closed_dialog_alone(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument
) -> None:
    """Closed at once: it does not wait for the builds, and their results never reach it."""
    dialog = PreviewDialog(clinic, document, chooser=ScriptedChooser())
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.assertNotEmitted(dialog.ready), qtbot.waitSignal(dialog.runner.idle, timeout=READY_MS):
        dialog.reject()
        assert dialog.runner.is_busy  # closing did not wait for the work under way
    assert not dialog.isVisible()
    assert dialog.pdf("referral") is None and dialog.pdf("handout") is None
    assert all(tab.stack.currentIndex() == 0 for tab in dialog.pages.values())

    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):  # shown again, it is filled again
        dialog.show_document(document)
        dialog.show()
    shown_pdfs_match(dialog)


def test_a_dialog_deleted_while_its_documents_are_made_is_never_written_to(
    qtbot: QtBot, clinic: Clinic, document: IntakeDocument
) -> None:
    dialog = PreviewDialog(clinic, document, chooser=ScriptedChooser())
    dialog.show()
    runner = dialog.runner
    assert runner.is_busy
    with qtbot.capture_exceptions() as raised:
        shiboken6.delete(dialog)  # the window closing: its worker's jobs end before the dialog is gone
        QCoreApplication.sendPostedEvents()  # their results, queued for the dialog
        QCoreApplication.processEvents()
    assert raised == []
    assert not shiboken6.isValid(runner)


def test_a_second_preview_after_an_answer_change_shows_the_new_answers(
    qtbot: QtBot, seeded_url: str  # noqa: F811
) -> None:
    window = open_window(qtbot, seeded_url, user="doctor")
    page = start_intake(qtbot, window, "abbott")
    page.form.finish_building()
    page.form.set_regions("pain", {"right": ["heel"], "left": []})
    window.preview()
    dialog = window.preview_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        pass
    first = pdf_text(dialog.pdf("referral") or b"")
    assert "Pain, right leg: heel" in first and "left leg: calf" not in first
    dialog.reject()

    page.form.set_regions("pain", {"right": ["heel"], "left": ["calf"]})
    window.preview()
    assert dialog.pdf("referral") is None  # the last preview's PDF is never shown as this one
    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        pass
    shown = dialog.pdf("referral") or b""
    assert "Pain, left leg: calf" in pdf_text(shown)
    assert dialog.pages["referral"].view.pages is not None and dialog.pages["referral"].view.pages.pdf is shown
    dialog.reject()
