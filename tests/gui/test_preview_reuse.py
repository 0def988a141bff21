"""Issue 14 item 4, previewing without a stall: a window keeps one preview dialog, made and styled in idle
time, and each preview fills it with the intake's documents; nothing of the document shown before stays
(its pages, a one-letter referrer, a print asked for with it, its builds still under way).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from intake_app.domain.document import IntakeDocument, parse_document
from intake_app.gui.preview import PreviewDialog
from intake_app.services import Clinic
from tests.conftest import FULL_ANSWERS, synthetic_document
from tests.gui.scripted import ScriptedChooser
from tests.gui.test_front_desk import open_window, seeded_url, start_intake  # noqa: F401 (fixture)
from tests.gui.test_preview import READY_MS, pdf_text

pytestmark = pytest.mark.gui


def document_for(family: str) -> IntakeDocument:
    data = synthetic_document(**copy.deepcopy(FULL_ANSWERS))
    data["patient"]["family_name"] = family
    return parse_document(data)


def test_a_new_document_drops_the_one_before_and_its_builds_under_way(qtbot: QtBot, clinic: Clinic) -> None:
    dialog = PreviewDialog(clinic, document_for("Firstdocument"), chooser=ScriptedChooser())
    qtbot.addWidget(dialog)
    readies: list[str] = []
    dialog.ready.connect(lambda: readies.append(pdf_text(dialog.pdf("referral") or b"")))
    # The first document's PDFs are still being built when the second is asked for.
    dialog.show_document(document_for("Seconddocument"), intake_id=None, revision=1)
    assert dialog.pdf("referral") is None and dialog.pages["referral"].stack.currentIndex() == 0
    assert not dialog.print_both_button.isEnabled()
    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        dialog.show()
    dialog.runner.wait()
    qtbot.wait(0)  # the dropped results' callbacks have run
    assert len(readies) == 1 and "Seconddocument" in readies[0] and "Firstdocument" not in readies[0]
    assert "Firstdocument" not in pdf_text(dialog.pdf("handout") or b"")


def test_the_window_keeps_one_dialog_made_ahead_and_each_preview_starts_afresh(
    qtbot: QtBot, seeded_url: str, tmp_path: Path  # noqa: F811
) -> None:
    chooser = ScriptedChooser()
    window = open_window(qtbot, seeded_url, chooser=chooser, user="doctor")
    start_intake(qtbot, window, "abbott")
    # Made and styled in idle time once the intake page is built, before anyone asks for a preview.
    qtbot.waitUntil(lambda: window._building is None and window.preview_dialog is not None, timeout=20000)
    made = window.preview_dialog
    assert made is not None and not made.isVisible() and made.document is None
    assert all(w.testAttribute(Qt.WidgetAttribute.WA_WState_Polished) for w in made.findChildren(QWidget))

    window.preview()
    dialog = window.preview_dialog
    assert dialog is made and dialog.isVisible()
    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        pass
    assert "Abbott" in pdf_text(dialog.pdf("referral") or b"")
    options = dialog.letter_options
    qtbot.keyClicks(options.referrer_name, " Override")  # for this letter only
    dialog.tabs.setCurrentIndex(1)
    dialog.reject()

    chooser.print_target = tmp_path / "both.pdf"
    window.preview(print_both=True)
    assert window.preview_dialog is made
    assert dialog.pdf("referral") is None and dialog.tabs.currentIndex() == 0  # nothing of the last preview
    assert options.referrer_name.text() == (window.clinic.settings.referrer_name or "")
    with qtbot.waitSignal(dialog.printed, timeout=READY_MS):
        pass
    assert [kind for kind, *_rest in chooser.shown].count("print") == 1
    dialog.reject()

    window.preview()  # the print asked for with the last preview is not asked again
    with qtbot.waitSignal(dialog.ready, timeout=READY_MS):
        pass
    qtbot.wait(0)
    assert [kind for kind, *_rest in chooser.shown].count("print") == 1
    assert len(window.findChildren(PreviewDialog)) == 1
    dialog.reject()


def test_a_deleted_dialog_is_made_again(qtbot: QtBot, seeded_url: str) -> None:  # noqa: F811
    window = open_window(qtbot, seeded_url, user="doctor")
    start_intake(qtbot, window, "abbott")
    window.preview()
    first = window.preview_dialog
    assert first is not None
    with qtbot.waitSignal(first.ready, timeout=READY_MS):
        pass
    first.reject()
    first.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=5000)
    window.preview()
    again = window.preview_dialog
    assert again is not None and again is not first and again.isVisible()
    with qtbot.waitSignal(again.ready, timeout=READY_MS):
        pass
    again.reject()
