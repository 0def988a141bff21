"""The live result panel beside the form: it repaints only what changed (issue 14: answer -> panel in a frame)."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from intake_app.domain import load_questionnaire, parse_document
from intake_app.gui.assessment_panel import AssessmentPanel
from intake_app.screening import assess
from intake_app.screening.model import GROUP_TITLES, Assessment
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


def with_red_flags(*fields: str, value: str = "new") -> dict[str, Any]:
    answers = copy.deepcopy(FULL_ANSWERS)
    for field in fields:
        answers[field] = value
    return answers


def paragraphs(panel: AssessmentPanel) -> list[tuple[str, bool, str]]:
    """Each paragraph of the reasons as a person sees it: its words, whether it is bold, its colour."""
    shown = []
    block = panel.reasons.document().begin()
    while block.isValid():
        fragment = next(iter(block), None)
        char = fragment.fragment().charFormat() if fragment is not None else block.charFormat()
        shown.append((block.text().replace("\u2028", "\n"), char.fontWeight() >= QFont.Weight.Bold,
                      char.foreground().color().name()))
        block = block.next()
    return shown


def test_the_reasons_read_in_the_clinical_order_with_the_red_flags_that_fired_first_and_in_bold(
        panel: AssessmentPanel) -> None:
    """The recommendation, then red flags before everything else; a red flag that fired stands out (bold,
    dark red), the safety questions answered no do not; the answers behind a reason follow it in grey."""
    panel.show_assessment(assessed(pain={"right": ["heel"]}))  # something else shown first: changed in place
    result = assessed(**with_red_flags("rf_saddle_numbness", "rf_bladder_change"))
    panel.show_assessment(result)
    shown = paragraphs(panel)
    texts = [text for text, _bold, _colour in shown]
    assert texts[0] == result.recommendation
    headings = [GROUP_TITLES[g] for g in ("red_flag", "for", "against", "alert", "gap") if result.in_group(g)]
    assert [t for t in texts if t in GROUP_TITLES.values()] == headings and headings[0] == "Red flags"
    fired = [(text, colour) for text, bold, colour in shown if bold]
    assert [text.split("\n")[0] for text, _c in fired] == ["\u2022\u00a0New saddle numbness",
                                                          "\u2022\u00a0New change in passing urine"]
    assert {colour for _t, colour in fired} == {"#8a1c1c"}
    assert fired[0][0].split("\n")[1] == "Numbness around the back passage: Yes, new"  # the answer behind it
    asked_no = next(t for t, bold, _c in shown if "Asked and answered no" in t)
    assert not next(bold for t, bold, _c in shown if t == asked_no)
    first_fired = texts.index(fired[0][0])
    assert texts.index("Supports spinal origin") > first_fired  # red flags lead
    plain = panel.reasons.toPlainText()
    assert "rf_saddle" not in plain and "rule R" not in plain  # plain words, no keys or rule ids


def test_a_new_result_rewrites_only_the_paragraphs_whose_words_changed(panel: AssessmentPanel) -> None:
    """Finding: every change of result set the whole reasons text again (setHtml: the markup parsed and every
    paragraph laid out, a few milliseconds), though a click on the map mostly changes one paragraph."""
    heel = assessed(pain={"right": ["heel", "arch"]})
    calf = assessed(pain={"right": ["heel", "arch", "calf"]})
    panel.show_assessment(heel)
    assert heel.recommendation != calf.recommendation and heel.reasons == calf.reasons
    edits: list[tuple[int, int, int]] = []
    panel.reasons.document().contentsChange.connect(lambda at, removed, added: edits.append((at, removed, added)))
    panel.show_assessment(calf)
    assert edits, "the recommendation changed: its paragraph must be written"
    first = panel.reasons.document().firstBlock()
    end = first.position() + first.length()
    assert all(at + max(removed, added) <= end for at, removed, added in edits)  # only the first paragraph
    assert panel.reasons.toPlainText().startswith(calf.recommendation + "\n")


ANSWER_SETS: list[dict[str, Any]] = [
    {"pain": {"right": ["heel"]}},
    {"pain": {"right": ["heel", "arch"]}},
    {"pain": {"right": ["heel", "arch", "calf"]}},
    {"pain": {"right": ["back_of_thigh", "calf", "heel"]}, "radiates_to": {"right": "foot"}},
    FULL_ANSWERS,
    with_red_flags("rf_saddle_numbness"),
    with_red_flags("rf_fever_or_unwell", "rf_cancer_history", value="yes"),
    {"rf_saddle_numbness": "no"},
]


def test_changed_in_place_the_reasons_read_exactly_as_a_new_panel_shows_them(qtbot: QtBot) -> None:
    """Whatever came before, the paragraphs rewritten in place read and look as a fresh panel shows them."""
    results = [assessed(**answers) for answers in ANSWER_SETS]
    order = list(range(len(results))) * 3
    random.Random(14).shuffle(order)
    live = AssessmentPanel(QUESTIONNAIRE)
    qtbot.addWidget(live)
    for index in order:
        live.show_assessment(results[index])
        fresh = AssessmentPanel(QUESTIONNAIRE)
        qtbot.addWidget(fresh)
        fresh.show_assessment(results[index])
        assert paragraphs(live) == paragraphs(fresh)
        assert live.reasons.toPlainText() == fresh.reasons.toPlainText()
    live.show_not_screened()
    assert live.reasons.toPlainText() == ("Mark where the symptoms are, or answer a safety question, and the "
                                          "result appears here.")


def test_the_reasons_are_plain_text_never_markup(panel: AssessmentPanel) -> None:
    """Words come in as plain text: an answer that looks like markup is shown as typed."""
    panel.reasons.set_lines([("recommendation", "<b>not bold</b> &amp;", ()),
                             ("reason", "Because", ("Other: <i>typed</i>",))])
    assert panel.reasons.toPlainText() == "<b>not bold</b> &amp;\nBecause\nOther: <i>typed</i>"


def test_line_breaks_typed_into_an_answer_stay_inside_their_reason(panel: AssessmentPanel) -> None:
    """An answer typed on two lines is shown on two lines under its reason, and later changes still replace
    the right paragraphs (a line break read as a new paragraph put the list out of step)."""
    view = panel.reasons
    view.set_lines([("recommendation", "First", ()), ("reason", "Because", ("Other: one\ntwo",)),
                    ("reason", "Last", ())])
    assert view.document().blockCount() == 3
    view.set_lines([("recommendation", "Second", ()), ("reason", "Because", ("Other: one\ntwo",)),
                    ("reason", "Last, changed", ())])
    assert view.toPlainText() == "Second\nBecause\nOther: one\ntwo\nLast, changed"
    assert view.document().blockCount() == 3


def test_a_panel_filled_before_it_is_shown_opens_on_the_recommendation_and_the_red_flags(qtbot: QtBot) -> None:
    """Finding: the reasons written before the view's own cursor pushed it to the end, and the view scrolled
    down to it when shown: an intake opened with its answers showed its last reason, the recommendation and
    the red flags out of sight. A place a person scrolled to is kept when the result changes."""
    fresh = AssessmentPanel(QUESTIONNAIRE)
    qtbot.addWidget(fresh)
    fresh.resize(360, 420)
    fresh.show_assessment(assessed(**with_red_flags("rf_saddle_numbness")))
    fresh.show()
    qtbot.waitExposed(fresh)
    bar = fresh.reasons.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    bar.setValue(bar.maximum() // 2)
    middle = bar.value()
    fresh.show_assessment(assessed(**with_red_flags("rf_saddle_numbness", "rf_bladder_change")))
    fresh.resize(360, 440)
    fresh.layout().activate()
    assert middle > 0 and bar.value() == middle
