"""The live result panel beside the form: it repaints only what changed (issue 14: answer -> panel in a frame)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from intake_app.domain import load_questionnaire, parse_document
from intake_app.gui.assessment_panel import AssessmentPanel
from intake_app.screening import assess
from intake_app.screening.model import Assessment
from tests.conftest import FULL_ANSWERS, synthetic_document

pytestmark = pytest.mark.gui

QUESTIONNAIRE = load_questionnaire()


def assessed(**answers: Any) -> Assessment:
    return assess(parse_document(synthetic_document(**copy.deepcopy(answers))))


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[AssessmentPanel]:
    widget = AssessmentPanel(QUESTIONNAIRE)
    qtbot.addWidget(widget)
    widget.resize(360, 640)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def counted(signal: Any) -> list[None]:
    seen: list[None] = []
    signal.connect(lambda *_args: seen.append(None))
    return seen


def test_reasons_are_not_laid_out_again_when_their_words_did_not_change(panel: AssessmentPanel) -> None:
    """Finding: every change set the reasons' HTML again (a few milliseconds of text layout and a repaint)
    even when the result read the same, as after a second mark in a region already counted."""
    panel.show_assessment(assessed(pain={"right": ["heel", "arch"]}))
    shown = panel.reasons.toPlainText()
    resets = counted(panel.reasons.textChanged)
    panel.show_assessment(assessed(pain={"right": ["heel", "arch"]}))  # the same result, computed again
    assert resets == [] and panel.reasons.toPlainText() == shown
    panel.show_assessment(assessed(**FULL_ANSWERS))
    assert len(resets) == 1 and panel.reasons.toPlainText() != shown
    panel.show_not_screened()
    panel.show_not_screened()
    assert len(resets) == 2 and "result appears here" in panel.reasons.toPlainText()


def test_the_folded_trace_is_built_only_when_it_is_opened(panel: AssessmentPanel, qtbot: QtBot) -> None:
    """Finding: the clinician trace's HTML was built and laid out on every change though it sat folded."""
    traced = counted(panel.trace.textChanged)
    panel.show_assessment(assessed(pain={"right": ["heel", "arch"]}))
    panel.show_assessment(assessed(**FULL_ANSWERS))
    assert traced == [] and panel.trace.toPlainText() == ""
    panel.trace_button.click()
    qtbot.waitUntil(panel.trace.isVisible)
    assert len(traced) == 1 and "rule S1 " in panel.trace.toPlainText()  # the result shown now, with rule ids
    panel.show_assessment(assessed(pain={"right": ["heel", "arch"]}))  # open: it follows the result
    assert len(traced) == 2 and "rule S1.absent" in panel.trace.toPlainText()
    panel.trace_button.click()
    panel.show_assessment(assessed(**FULL_ANSWERS))
    assert len(traced) == 2  # folded again: left as it was until it is next opened
    assert "rule S1 " in panel.trace_text()


def test_the_reasons_stay_put_when_the_safety_gap_notice_comes_and_goes(panel: AssessmentPanel, qtbot: QtBot) -> None:
    """Finding: the "safety questions not asked" notice appearing or going moved the reasons box, so the
    whole panel was laid out and repainted again."""
    panel.show_assessment(assessed(**FULL_ANSWERS))  # every safety question asked: no notice
    panel.layout().activate()  # the layout settled now, not when the event loop gets to it
    assert panel.gap.isHidden()
    top = panel.reasons.geometry()
    panel.show_assessment(assessed(pain={"right": ["heel", "arch"]}))  # safety questions not asked
    panel.layout().activate()
    qtbot.waitUntil(panel.gap.isVisible)
    assert "Safety questions not asked yet" in panel.gap.text()
    assert panel.gap.geometry().bottom() < panel.reasons.y()
    assert panel.reasons.geometry() == top
