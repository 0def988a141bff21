"""The patient handout, read back from the PDF: what to do now, plain words, big type, one page."""

from __future__ import annotations

import dataclasses

import pytest
import textstat

from intake_app.reports import ReportOptions, build_handout
from intake_app.reports import handout_text as words
from intake_app.reports.handout import LARGE_SIZE, NORMAL_SIZE, STRIP_SIZE, handout_sentences
from intake_app.settings import Settings, with_article
from tests.reports.helpers import (
    CASE_NAMES,
    DOTTED_ASSIGNMENT,
    FIELD_KEY,
    OPTIONS,
    RULE_ID,
    VISIT,
    Case,
    all_text,
    case,
    chars,
    flat,
    make_document,
    page_count,
    pdftotext,
    screened,
)

STAY = "Stay here. Do not leave on your own. We are arranging an urgent check today."
STRIP = "For the emergency department"
JARGON = ("radicul", "cauda", "equina", "dermatom", "neuropath", "claudication", "red flag", "red-flag",
          "tier", "mscc", "spinal origin", "pathway", "recommendation", "screening", "herniat", "clinician")
ALL = {name: case(name) for name in CASE_NAMES}
CHILD = case("likely", age=12)


@pytest.fixture(scope="module")
def handouts() -> dict[str, bytes]:
    return {name: build_handout(c.document, c.assessment, OPTIONS) for name, c in ALL.items()}


@pytest.fixture(scope="module")
def large() -> dict[str, bytes]:
    return {name: build_handout(c.document, c.assessment, OPTIONS, large_print=True) for name, c in ALL.items()}


@pytest.fixture
def syllables_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count syllables with textstat's Pyphen fallback when NLTK's CMU dictionary is not installed.

    textstat fetches that dictionary from the internet on first use; tests must not depend on the
    network, and Pyphen's English hyphenation is what textstat uses for words the dictionary lacks.
    """
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        from textstat.backend.counts import _count_syllables

        monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)
        _count_syllables.count_syllables.cache_clear()


def patient_part(pdf: bytes) -> str:
    """The text a patient reads: everything before the tear-off strip for staff."""
    text = all_text(pdf)
    return text.split("\u2702")[0]


@pytest.mark.usefixtures("syllables_offline")
@pytest.mark.parametrize("name", [*CASE_NAMES, "child"])
def test_reading_grade_is_six_or_lower(name: str, handouts: dict[str, bytes]) -> None:
    c = CHILD if name == "child" else ALL[name]
    sentences = handout_sentences(c.document, c.assessment, OPTIONS)
    pdf = handouts[name] if name != "child" else build_handout(c.document, c.assessment, OPTIONS)
    printed = flat(patient_part(pdf))
    assert all(flat(sentence) in printed for sentence in sentences)  # the measured text is what prints
    grade = textstat.flesch_kincaid_grade(" ".join(sentences))
    assert grade <= 6.0, (grade, sentences)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_one_page_in_normal_print_at_14_point_or_more(name: str, handouts: dict[str, bytes]) -> None:
    pdf = handouts[name]
    assert page_count(pdf) == 1
    sizes = [float(c["size"]) for c in _patient_chars(pdf)]
    assert sizes and min(sizes) >= NORMAL_SIZE - 1e-6


@pytest.mark.parametrize("name", CASE_NAMES)
def test_two_pages_at_most_in_large_print_at_18_point(name: str, large: dict[str, bytes]) -> None:
    pdf = large[name]
    assert page_count(pdf) <= 2
    sizes = [float(c["size"]) for c in _patient_chars(pdf)]
    assert sizes and min(sizes) >= LARGE_SIZE - 1e-6


def test_large_print_comes_from_the_options_unless_the_print_says_otherwise() -> None:
    c = ALL["likely"]
    big = build_handout(c.document, c.assessment, dataclasses.replace(OPTIONS, large_print=True))
    assert min(float(ch["size"]) for ch in _patient_chars(big)) >= LARGE_SIZE - 1e-6
    small = build_handout(c.document, c.assessment, dataclasses.replace(OPTIONS, large_print=True),
                          large_print=False)
    assert min(float(ch["size"]) for ch in _patient_chars(small)) < LARGE_SIZE


def _patient_chars(pdf: bytes) -> list[dict[str, object]]:
    """Characters of the patient's text: not the staff strip (small type on purpose), not the footer."""
    found = []
    for page in chars(pdf):
        text = "".join(str(c["text"]) for c in page)
        cut = text.find("\u2702")
        body = page[:cut] if cut >= 0 else page
        footer_top = max(float(c["top"]) for c in page) - 15  # the footer line at the page foot
        found += [c for c in body if str(c["text"]).strip() and float(c["top"]) < footer_top]
    return found


def test_urgent_e_opens_with_the_stay_here_box_then_the_emergency_number(handouts: dict[str, bytes]) -> None:
    text = flat(all_text(handouts["urgent"]))
    assert STAY in text
    assert text.index(STAY) < text.index("call 999 at once") < text.index("What we think")
    # It does not tell the patient to go to the emergency department "if" something they already have.
    assert "feels numb" not in text and "at once if:" not in text
    page = chars(handouts["urgent"])[0]
    joined = "".join(str(c["text"]) for c in page)
    assert float(page[joined.index("Stay here")]["size"]) > NORMAL_SIZE  # type: ignore[arg-type]


def test_the_stay_here_box_is_heavy_and_black() -> None:
    import io

    import pdfplumber

    c = ALL["urgent"]
    with pdfplumber.open(io.BytesIO(build_handout(c.document, c.assessment, OPTIONS))) as pdf:
        lines = pdf.pages[0].lines + pdf.pages[0].rects
        heavy = [ln for ln in lines if float(ln.get("linewidth", 0) or 0) >= 3.5]
        assert heavy
        assert all(tuple(ln.get("stroking_color") or (0,)) in ((0,), (0, 0, 0), (0.0,), (0.0, 0.0, 0.0))
                   for ln in heavy)


@pytest.mark.parametrize("name", [n for n in CASE_NAMES if n not in ("urgent", "longest")])
def test_other_outcomes_say_when_to_go_to_the_emergency_department(name: str, handouts: dict[str, bytes]) -> None:
    text = flat(all_text(handouts[name]))
    assert "Go to A&E or call 999 at once if:" in text
    for sign in ("around your bottom", "cannot pee", "poo", "weaker", "both legs", "fever"):
        assert sign in text
    assert STAY not in text and STRIP not in text


def test_emergency_number_and_department_follow_the_country() -> None:
    c = ALL["likely"]
    us = ReportOptions.from_settings(Settings(country="US", clinic_name="Lakeside Clinic"), page_size="Letter")
    text = flat(all_text(build_handout(c.document, c.assessment, us)))
    assert "Go to the ER (emergency room) or call 911 at once if:" in text
    de = ReportOptions.from_settings(Settings(country="DE"), page_size="A4")
    assert "call 112 at once" in flat(all_text(build_handout(c.document, c.assessment, de)))
    assert with_article("A&E") == "A&E" and with_article("emergency department") == "the emergency department"


def test_the_tear_off_strip_for_the_emergency_department(handouts: dict[str, bytes]) -> None:
    c = ALL["urgent"]
    text = flat(all_text(handouts["urgent"]))
    strip = text[text.index(STRIP):]
    for reason in c.assessment.red_flags:
        assert reason.text in strip
    assert OPTIONS.referrer_phone in strip and OPTIONS.referrer_name in strip
    assert "Testperson, Alex" in strip
    sizes = {round(float(ch["size"]), 1) for ch in chars(handouts["urgent"])[0]}
    assert STRIP_SIZE in sizes


@pytest.mark.parametrize("name", CASE_NAMES)
def test_no_rule_ids_no_jargon_and_doctor_or_nurse(name: str, handouts: dict[str, bytes]) -> None:
    text = patient_part(handouts[name])
    assert not RULE_ID.search(text), RULE_ID.search(text)
    lowered = text.lower()
    assert [word for word in JARGON if word in lowered] == []
    assert "doctor or nurse" in text


def test_what_we_think_next_meanwhile_and_contact(handouts: dict[str, bytes]) -> None:
    text = flat(all_text(handouts["likely"]))
    for heading in ("What we think", "What happens next", "What you can do now", "Questions"):
        assert heading in text
    assert "Your next appointment: ____" in text
    assert f"Call {OPTIONS.clinic_name} on {OPTIONS.clinic_phone}." in text
    assert f"Open: {OPTIONS.clinic_hours}." in text
    assert "This sheet is not a diagnosis" in text
    assert f"For: Testperson, Alex \u00b7 {VISIT.isoformat()}" in text


def test_a_foot_alert_gives_its_warning_signs(handouts: dict[str, bytes]) -> None:
    text = flat(all_text(handouts["not_indicated"]))
    assert "Your foot needs a check today." in text
    for sign in ("cold or pale", "hot or swollen", "a sore will not heal"):
        assert sign in text
    assert "Your foot needs a check today." not in flat(all_text(handouts["likely"]))


def test_a_child_is_written_about_to_a_parent_or_carer() -> None:
    text = flat(all_text(build_handout(CHILD.document, CHILD.assessment, OPTIONS)))
    assert "For the parent or carer of: Testperson, Alex" in text
    assert "your child" in text.lower()
    adult = flat(all_text(build_handout(ALL["likely"].document, ALL["likely"].assessment, OPTIONS)))
    assert "parent or carer" not in adult


def test_unasked_safety_questions_keep_the_patient_here(handouts: dict[str, bytes]) -> None:
    assert "Please do not leave yet." in all_text(handouts["incomplete"])
    assert "Please do not leave yet." not in all_text(handouts["likely"])


def test_without_a_clinic_phone_the_patient_is_told_to_ask_the_staff() -> None:
    options = ReportOptions("Harbourside Foot Clinic", page_size="A4")
    text = all_text(build_handout(*screened(make_document()), options))
    assert "Ask the staff at Harbourside Foot Clinic" in text


@pytest.mark.parametrize("name", CASE_NAMES)
def test_no_field_key_or_value_code_in_the_handout(name: str, handouts: dict[str, bytes]) -> None:
    text = pdftotext(handouts[name])
    assert not FIELD_KEY.findall(text), FIELD_KEY.findall(text)[:5]
    assert not DOTTED_ASSIGNMENT.findall(text)


# --- D8 on the patient's page ---------------------------------------------------------------------

OPEN_SAFETY = {
    "possible": ALL["possible"],
    "incomplete": ALL["incomplete"],
    # Fever with no back pain: a positive red-flag answer that fires no rule (D8 only, nothing unanswered).
    "positive_unmet": ALL["not_indicated"],
    "weakness_without_course": Case("weakness_without_course", *screened(make_document(
        {"weakness": {"right": "foot_drop"}, "weakness_course": {}}))),
}
REASSURING = {"en": ("What we think", "Your answers do not point to your back", "Keep moving gently",
                     "Rest the foot when it hurts"),
              "es": ("Lo que pensamos", "Sus respuestas no apuntan a la espalda", "Siga moviéndose con calma",
                     "Descanse el pie cuando le duela")}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", list(OPEN_SAFETY))
def test_an_open_safety_answer_leads_the_handout_before_any_reassuring_word(name: str, language: str) -> None:
    """Finding: with a safety answer open, the handout printed "What we think ... Your answers do not point
    to your back" first and "Please do not leave yet" only at the end, under "What you can do now"; and
    for a positive answer that fired no rule (fever with no back pain) it never asked the patient to stay."""
    c = OPEN_SAFETY[name]
    assert c.assessment.safety_open
    text = flat(pdftotext(build_handout(c.document, c.assessment, OPTIONS, language=language)))
    stay = words.MORE_QUESTIONS(language, child=False)
    assert text.count(stay) == 1
    at = text.index(stay)
    for phrase in REASSURING[language]:
        if phrase in text:
            assert at < text.index(phrase), phrase


def test_a_closed_safety_screen_prints_no_stay_line() -> None:
    for name in ("likely", "urgent_p"):
        c = ALL[name]
        assert not c.assessment.safety_open
        assert words.MORE_QUESTIONS("en", child=False) not in flat(pdftotext(
            build_handout(c.document, c.assessment, OPTIONS)))


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_empty_what_you_told_us_heading_when_nothing_was_marked(language: str) -> None:
    """Finding: with no region marked and no pain score, the heading "What you told us" printed alone."""
    document = make_document({"pain": {}, "numbness": {}, "tingling": {}, "pain_score_0_10": None})
    document, assessment = screened(document)
    text = flat(pdftotext(build_handout(document, assessment, OPTIONS, language=language)))
    assert words.YOU_TOLD_US(language, child=False) not in text
