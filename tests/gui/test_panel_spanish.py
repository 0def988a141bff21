"""The desk's result panel in the clinic's language (issue 16, item 3): with the clinic language Spanish the
level, the recommendation (its open-safety line leading), the reasons in the clinical order (red flags first,
a fired one in dark red and bold), the clinician trace and its key read Spanish, in the very words the Spanish
referral letter prints for the same result; an English desk is unchanged; a line without a Spanish rendering
reads in English, never dropped."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

import pytest
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from intake_app.domain import load_questionnaire
from intake_app.gui import assessment_panel
from intake_app.gui.assessment_panel import BULLET, AssessmentPanel, RedFlagBanner, level_heading
from intake_app.gui.patient import translations
from intake_app.reports import build_referral
from intake_app.reports.handout_text import patient_date
from intake_app.reports.referral_advice_es import SpanishWords, english_d8
from intake_app.reports.referral_reasons_es import RULE_NAMES_ES
from intake_app.reports.referral_text import DESK_LEVELS, GROUP_TITLES, NO_REASONS, NOT_SCREENED_YET, SAFETY_LEAD
from intake_app.screening import assess
from intake_app.screening.model import GROUP_ORDER, Assessment, Reason
from intake_app.screening.model import GROUP_TITLES as ENGLISH_GROUP_TITLES
from intake_app.services import results
from tests.reports.helpers import FIELD_KEY, OPTIONS, case, flat, make_document, pdftotext

pytestmark = pytest.mark.gui

Q = load_questionnaire()
OPTIONS_ES = dataclasses.replace(OPTIONS, clinic_language="es")
LEVEL_CASES = ("urgent", "urgent_p", "likely", "possible", "not_indicated", "incomplete")
CASES = {name: case(name) for name in LEVEL_CASES}
# What each case must show: its level, and whether safety answers are open (the D8 line).
EXPECTED = {"urgent": ("urgent", "E", True), "urgent_p": ("urgent", "P", False), "likely": ("likely", None, False),
            "possible": ("possible", None, True), "not_indicated": ("not_indicated", None, True),
            "incomplete": ("likely", None, True)}
# English words that are no Spanish words (and the screening's value codes in plain letters): none may be
# left in the Spanish panel.
ENGLISH_WORDS = re.compile(
    r"\b(and|the|with|not|answered|asked|more|leg|legs|foot|feet|pain|back|left|right|yes|none|but|of|to|is|"
    r"reason|reasons|urgent|spinal|tier|likely|possible|indicated|screening|safety|weakness|numbness|tingling|"
    r"clinician|patient|answers?|questions?|red|flags?|supports|against|alerts?|gaps?|data|key|rule|new|"
    r"recorded|unknown|longstanding|worsening|foot_drop)\b", re.I)
DARK_RED = "#8a1c1c"




def make_panel(qtbot: QtBot, language: str | None = None) -> AssessmentPanel:
    panel = AssessmentPanel(Q, language=language)
    qtbot.addWidget(panel)
    panel.resize(380, 700)
    return panel


def spanish(name: str) -> SpanishWords:
    c = CASES[name]
    return SpanishWords(c.document, c.assessment, Q, OPTIONS.emergency_department)


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


def first_lines(panel: AssessmentPanel) -> list[str]:
    return [text.split("\n")[0] for text, _bold, _colour in paragraphs(panel)]


def everything_shown(panel: AssessmentPanel) -> str:
    """Every word of the panel a person reads: chip, notices, reasons, trace (unfolded), footer, names."""
    return "\n".join([panel.title.text(), panel.heading(), panel.gap.text(), panel.reasons.toPlainText(),
                      panel.trace_button.text(), panel.trace_text(), panel.footer.text(),
                      panel.level.accessibleName(), panel.reasons.accessibleName(), panel.trace.accessibleName(),
                      panel.trace_button.accessibleDescription()])


# --- a Spanish desk -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", LEVEL_CASES)
def test_a_spanish_desk_shows_the_level_the_recommendation_and_the_reasons_in_spanish(
        qtbot: QtBot, spanish_desk: None, name: str) -> None:
    c, words = CASES[name], spanish(name)
    level, tier, open_safety = EXPECTED[name]
    assert (c.assessment.level, c.assessment.tier, bool(english_d8(c.assessment))) == (level, tier, open_safety)
    panel = make_panel(qtbot)  # the desk's language, not told
    assert panel.language == "es"
    panel.show_assessment(c.assessment, c.document)
    assert panel.heading() == DESK_LEVELS[tier or level].es != DESK_LEVELS[tier or level].en
    shown = paragraphs(panel)
    texts = [text for text, _bold, _colour in shown]
    # The recommendation first, as the letter words it; the open safety answers lead it (after URGENT).
    recommendation = words.recommendation()
    assert texts[0] == recommendation == panel.recommendation() != c.assessment.recommendation
    if open_safety:
        lead = words.d8_line()
        assert lead.startswith(SAFETY_LEAD.es + ": ") and lead != english_d8(c.assessment)
        if level == "urgent":
            assert recommendation.startswith("URGENTE") and recommendation.index(lead) == recommendation.index(". ") + 2
        else:
            assert recommendation.startswith(lead)
    else:
        assert SAFETY_LEAD.es not in recommendation
    # The groups in the clinical order, under their Spanish titles, red flags first; every reason as the
    # letter words it, with the answers behind it in Spanish.
    titles = [GROUP_TITLES[g].es for g in GROUP_ORDER if c.assessment.in_group(g)]
    assert [t for t in texts if t in {say.es for say in GROUP_TITLES.values()}] == titles
    assert titles[0] == "Señales de alarma"
    reasons = [t.split("\n")[0] for t in texts if t.startswith(BULLET)]
    assert reasons == [BULLET + words.reason(r) for g in GROUP_ORDER for r in c.assessment.in_group(g)]
    # A red flag that fired: in dark red and bold, before anything that is not a red-flag line.
    fired = [text.split("\n")[0] for text, bold, colour in shown if bold and colour == DARK_RED]
    assert fired == [BULLET + words.reason(r) for r in c.assessment.red_flags]
    assert all(text not in {BULLET + r.text for r in c.assessment.red_flags} for text in fired)
    heads = [text.split("\n")[0] for text in texts]
    if fired and len(titles) > 1:
        assert heads.index(titles[0]) < heads.index(fired[0]) < heads.index(titles[1])
    assert (not panel.gap.isHidden()) == bool(c.assessment.in_group("gap"))


@pytest.mark.parametrize("name", LEVEL_CASES)
def test_the_spanish_panel_says_what_the_spanish_referral_prints(qtbot: QtBot, spanish_desk: None, name: str) -> None:
    c = CASES[name]
    panel = make_panel(qtbot)
    panel.show_assessment(c.assessment, c.document)
    page1 = flat(pdftotext(build_referral(c.document, c.assessment, OPTIONS_ES), first=1, last=1))
    words = spanish(name)
    recommendation = panel.recommendation()
    d8 = words.d8_line()
    if d8:  # the letter prints the D8 line in its own box, the rest under "Actuación recomendada:"
        assert d8 in recommendation and flat(d8) in page1
    assert flat(words.recommendation(with_d8=False)) in page1
    assert flat(recommendation.replace(d8, "").replace("  ", " ")) == flat(words.recommendation(with_d8=False))
    for reason in c.assessment.red_flags:  # the fired red flags, in the same words
        shown = words.reason(reason)
        assert BULLET + shown in first_lines(panel) and f"■ {flat(shown)}." in page1


@pytest.mark.parametrize("name", LEVEL_CASES)
def test_no_field_key_value_code_or_english_word_in_the_spanish_panel(
        qtbot: QtBot, spanish_desk: None, name: str) -> None:
    c = CASES[name]
    panel = make_panel(qtbot)
    panel.show_assessment(c.assessment, c.document)
    text = everything_shown(panel)
    assert not FIELD_KEY.findall(text), FIELD_KEY.findall(text)[:5]
    assert not ENGLISH_WORDS.findall(text), ENGLISH_WORDS.findall(text)[:10]
    for group in GROUP_ORDER:
        assert ENGLISH_GROUP_TITLES[group] not in text


def test_the_spanish_trace_keeps_its_rule_ids_with_a_spanish_key(qtbot: QtBot, spanish_desk: None) -> None:
    c = CASES["urgent"]
    panel = make_panel(qtbot)
    panel.show_assessment(c.assessment, c.document)
    assert panel.trace_button.text() == "Detalle para el clínico"
    trace = panel.trace_text()
    assert "regla R1 " in trace and "rule R1" not in trace
    assert "Clave de las reglas: " in trace
    for rule in {r.base_rule for r in c.assessment.reasons}:
        assert f"{rule} {RULE_NAMES_ES[rule]}" in trace, rule
    assert "Una regla con sufijo es informativa" in trace  # the assessment has information lines (R2.no, ...)
    words = spanish("urgent")
    for reason in c.assessment.red_flags:
        assert f"regla {reason.rule} {words.reason(reason)}" in flat(trace)
    # The reasons themselves: plain words, no rule ids.
    assert "R1" not in panel.reasons.toPlainText()


def test_nothing_to_screen_reads_in_spanish(qtbot: QtBot, spanish_desk: None) -> None:
    panel = make_panel(qtbot)
    panel.show_not_screened()
    assert panel.heading() == NOT_SCREENED_YET.es
    assert panel.reasons.toPlainText().startswith("Marque dónde están los síntomas")
    assert panel.footer.text().startswith("Ayuda de cribado")


def test_the_spanish_desk_changes_only_the_paragraphs_whose_words_changed(qtbot: QtBot, spanish_desk: None) -> None:
    """The in-place update of the English panel holds in Spanish: a result whose reasons read the same but
    whose recommendation changed rewrites the first paragraph only; a fresh panel reads the same."""
    def screened(**answers: Any) -> tuple[Any, Assessment]:
        document = make_document(answers, base={})
        return document, assess(document)

    heel = screened(pain={"right": ["heel", "arch"]})
    calf = screened(pain={"right": ["heel", "arch", "calf"]})
    panel = make_panel(qtbot)
    panel.show_assessment(heel[1], heel[0])
    before = panel.reasons.toPlainText()
    assert heel[1].reasons == calf[1].reasons and heel[1].recommendation != calf[1].recommendation
    edits: list[tuple[int, int, int]] = []
    panel.reasons.document().contentsChange.connect(lambda at, removed, added: edits.append((at, removed, added)))
    panel.show_assessment(heel[1], heel[0])  # the same result again: nothing written
    assert edits == [] and panel.reasons.toPlainText() == before
    panel.show_assessment(calf[1], calf[0])
    first = panel.reasons.document().firstBlock()
    assert edits and all(at + max(removed, added) <= first.position() + first.length() for at, removed, added in edits)
    fresh = make_panel(qtbot)
    fresh.show_assessment(calf[1], calf[0])
    assert paragraphs(panel) == paragraphs(fresh)
    for name in ("urgent", "likely", "incomplete", "urgent_p"):  # changed in place, read as a fresh panel
        c = CASES[name]
        panel.show_assessment(c.assessment, c.document)
        fresh = make_panel(qtbot)
        fresh.show_assessment(c.assessment, c.document)
        assert paragraphs(panel) == paragraphs(fresh), name


# --- never dropped ----------------------------------------------------------------------------------------


def test_without_the_answers_the_open_safety_line_reads_in_english_never_dropped(qtbot: QtBot) -> None:
    c = CASES["incomplete"]
    panel = make_panel(qtbot, "es")
    panel.show_assessment(c.assessment)  # no document: the D8 line cannot be rebuilt in Spanish
    english = english_d8(c.assessment)
    assert english and panel.recommendation().startswith(english)
    assert "origen en la columna" in panel.recommendation()  # the rest in Spanish
    panel.show_assessment(c.assessment, c.document)
    assert panel.recommendation().startswith(SAFETY_LEAD.es)


def test_a_line_without_a_spanish_rendering_reads_in_english(qtbot: QtBot) -> None:
    made_up = Reason("Z9", "for", "A finding no renderer knows", {"pain_score_0_10": 7})
    c = CASES["likely"]
    assessment = dataclasses.replace(c.assessment, reasons=(*c.assessment.reasons, made_up))
    panel = make_panel(qtbot, "es")
    panel.show_assessment(assessment, c.document)
    shown = [text for text, _b, _c in paragraphs(panel)]
    line = next(text for text in shown if "A finding no renderer knows" in text)
    assert line.split("\n")[0] == BULLET + "A finding no renderer knows"
    assert line.split("\n")[1].startswith("Intensidad del dolor") or "7" in line.split("\n")[1]


# --- an English desk ------------------------------------------------------------------------------------


OLD_HEADINGS = {("urgent", "E"): "URGENT - same-day emergency", ("urgent", "P"): "URGENT - urgent priority",
                ("likely", None): "Spinal origin LIKELY", ("possible", None): "Spinal origin POSSIBLE",
                ("not_indicated", None): "Spinal origin not indicated"}


@pytest.mark.parametrize("name", LEVEL_CASES)
def test_an_english_desk_is_unchanged(qtbot: QtBot, qapp: Any, name: str) -> None:
    c = CASES[name]
    assert translations.desk_language() == "en"
    panel = make_panel(qtbot)
    assert panel.language == "en"
    panel.show_assessment(c.assessment, c.document)
    assert panel.heading() == OLD_HEADINGS[(c.assessment.level, c.assessment.tier)]
    texts = [text for text, _b, _c in paragraphs(panel)]
    assert texts[0] == c.assessment.recommendation == panel.recommendation()
    reasons = [t.split("\n")[0] for t in texts if t.startswith(BULLET)]
    assert reasons == [BULLET + r.text for g in GROUP_ORDER for r in c.assessment.in_group(g)]
    assert next(t for t in texts if t in ENGLISH_GROUP_TITLES.values()) == "Red flags"
    trace = panel.trace_text()
    assert "rule R" in trace and "Key to the rule ids: " in trace
    assert "regla" not in trace and "Señales" not in panel.reasons.toPlainText()
    panel.show_not_screened()
    assert panel.heading() == "Not screened yet"


def test_the_english_desk_words_are_the_tables_english() -> None:
    """The desk's English and the table its Spanish is taken from say the same thing."""
    for (level, tier), heading in OLD_HEADINGS.items():
        assessment = dataclasses.replace(CASES["likely"].assessment, level=level, tier=tier)
        assert results.level_heading(assessment) == heading == DESK_LEVELS[tier or level].en
        assert level_heading(assessment, "es") == DESK_LEVELS[tier or level].es
    assert NOT_SCREENED_YET.en == results.NOT_SCREENED and NO_REASONS.en == results.NO_REASONS
    assert dict(ENGLISH_GROUP_TITLES) == {group: say.en for group, say in GROUP_TITLES.items()}
    assert assessment_panel.LEVEL_HEADINGS is results.LEVEL_HEADINGS


def test_the_completed_status_names_the_level_in_the_desks_language(spanish_desk: None) -> None:
    """`level_heading` without a language follows the desk (the intake page's "Completed: ..." line)."""
    assert level_heading(CASES["urgent"].assessment) == "URGENTE - urgencia hoy mismo"


# --- the red-flag banner across the intake --------------------------------------------------------------------


def banner_text(banner: RedFlagBanner) -> str:
    return re.sub(r"<[^>]+>", " ", banner.text.text())


@pytest.mark.parametrize("name", ["urgent", "urgent_p"])
def test_a_spanish_desk_names_the_red_flags_of_the_banner_in_spanish(
        qtbot: QtBot, spanish_desk: None, name: str) -> None:
    c, words = CASES[name], spanish(name)
    banner = RedFlagBanner(questionnaire=Q)
    qtbot.addWidget(banner)
    assert banner.language == "es"
    banner.update_for(c.assessment, None, None)
    text = banner_text(banner)
    fired = "; ".join(words.reason(r) for r in c.assessment.red_flags)
    assert banner.summary(c.assessment) == fired
    assert text.startswith(" SEÑAL DE ALARMA URGENTE. ") and text.endswith(fired)
    assert "Avise" in text  # the action, from the desk's translation
    assert not ENGLISH_WORDS.findall(text + banner.ack_state.text()), ENGLISH_WORDS.findall(text)
    moment = dt.datetime(2026, 3, 2, 9, 41)  # stored in UTC, shown in local time
    banner.update_for(c.assessment, "Ana Ruiz", moment, acknowledged_role="clínica")
    local = moment.replace(tzinfo=dt.UTC).astimezone()
    day = patient_date(local.date(), "es")  # the letter's dates: "2 de marzo de 2026"
    assert re.fullmatch(r"\d{1,2} de (febrero|marzo) de 2026", day)
    assert banner.ack_state.text() == f"Dada por vista por Ana Ruiz (clínica) a las {local:%H:%M} del {day}."
    assert not banner.button.isEnabled()


def test_an_english_desk_banner_is_unchanged(qtbot: QtBot, qapp: Any) -> None:
    c = CASES["urgent"]
    banner = RedFlagBanner()
    qtbot.addWidget(banner)
    banner.update_for(c.assessment, None, None)
    fired = "; ".join(r.text for r in c.assessment.red_flags)
    assert banner.text.text() == ("<b>URGENT RED FLAG.</b> Tell the duty clinician NOW. Same-day emergency "
                                  f"assessment; do not book routinely.<br>{fired}")
    moment = dt.datetime(2026, 3, 2, 9, 41)
    banner.update_for(c.assessment, "Sam Lee", moment)
    local = moment.replace(tzinfo=dt.UTC).astimezone()
    assert banner.ack_state.text() == f"Acknowledged by Sam Lee at {local:%H:%M on %d %b %Y}."
