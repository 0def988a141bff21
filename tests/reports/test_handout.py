"""The patient handout, read back from the PDF: plain words, big type, the emergency list."""

from __future__ import annotations

import pytest
import textstat

from intake_app.reports import ReportOptions, build_handout
from tests.reports.helpers import (
    OPTIONS,
    RULE_ID,
    VISIT,
    Case,
    all_text,
    case,
    cases,
    chars,
    make_document,
    screened,
)

EMERGENCY = "Go to the emergency department now if:"
JARGON = ("radicul", "cauda", "equina", "dermatom", "neuropath", "claudication", "red flag", "red-flag",
          "tier", "mscc", "spinal origin", "pathway", "recommendation", "screening", "herniat")

CASES = cases()


@pytest.fixture(scope="module")
def handouts() -> dict[str, bytes]:
    return {case.name: build_handout(case.document, case.assessment, OPTIONS) for case in CASES}


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


@pytest.mark.usefixtures("syllables_offline")
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_handout_reads_at_about_age_eleven_to_twelve(case: Case, handouts: dict[str, bytes]) -> None:
    text = all_text(handouts[case.name])
    grade = textstat.flesch_kincaid_grade(text)
    ease = textstat.flesch_reading_ease(text)
    assert grade <= 7.0, (grade, text)
    assert ease >= 60, ease  # "plain English" or easier


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_all_type_is_at_least_12_point(case: Case, handouts: dict[str, bytes]) -> None:
    sizes = [float(c["size"]) for page in chars(handouts[case.name]) for c in page if str(c["text"]).strip()]
    assert sizes and min(sizes) >= 12.0 - 1e-6


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_no_rule_ids_and_no_jargon(case: Case, handouts: dict[str, bytes]) -> None:
    text = all_text(handouts[case.name])
    assert not RULE_ID.search(text), RULE_ID.search(text)
    lowered = text.lower()
    assert [word for word in JARGON if word in lowered] == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_emergency_list_is_always_there(case: Case, handouts: dict[str, bytes]) -> None:
    text = all_text(handouts[case.name])
    assert EMERGENCY in text
    for sign in ("around your bottom or between your legs", "cannot pee", "poo", "weaker", "both legs",
                 "high temperature"):
        assert sign in text
    assert "call an ambulance" in text


def _first_page_top(pdf: bytes, phrase: str) -> float:
    page = chars(pdf)[0]
    text = "".join(str(c["text"]) for c in page)
    return float(page[text.index(phrase)]["top"])  # type: ignore[arg-type]


def test_for_an_urgent_outcome_the_emergency_box_comes_first(handouts: dict[str, bytes]) -> None:
    urgent = handouts["urgent"]
    text = all_text(urgent)
    assert text.index(EMERGENCY) < text.index(OPTIONS.clinic_name)
    assert _first_page_top(urgent, "Go to the emergency") < _first_page_top(urgent, "Your foot and leg symptoms")
    # ... and it is big: larger type than the body text.
    page = chars(urgent)[0]
    joined = "".join(str(c["text"]) for c in page)
    assert float(page[joined.index("Go to the emergency")]["size"]) >= 18  # type: ignore[arg-type]


def test_otherwise_the_emergency_box_follows_what_happens_next(handouts: dict[str, bytes]) -> None:
    text = all_text(handouts["likely"])
    assert text.index("What happens next") < text.index(EMERGENCY)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_clinic_phone_patient_and_date_are_printed(case: Case, handouts: dict[str, bytes]) -> None:
    text = all_text(handouts[case.name])
    assert OPTIONS.clinic_name in text
    assert f"Call {OPTIONS.clinic_name} on {OPTIONS.clinic_phone}" in text
    assert "For: Testperson, Alex" in text
    assert f"Date: {VISIT.isoformat()}" in text
    assert "This sheet is not a diagnosis" in text


def test_without_a_clinic_phone_the_patient_is_told_to_ask_the_staff() -> None:
    options = ReportOptions("Harbourside Foot Clinic", page_size="A4")
    text = all_text(build_handout(*screened(make_document()), options))
    assert "Ask the staff at Harbourside Foot Clinic" in text
    assert "Call " not in text


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("urgent", "You need to be checked today, in the emergency department."),
        ("urgent_p", "a clinician needs to see you today"),
        ("likely", "A nerve in your lower back may be causing the pain in your foot."),
        ("possible", "Some of your answers fit a nerve problem in your lower back, but not all of them."),
    ],
)
def test_each_outcome_is_explained_in_everyday_words(name: str, phrase: str) -> None:
    c = case(name)
    assert phrase in all_text(build_handout(c.document, c.assessment, OPTIONS))


def test_not_indicated_says_the_cause_is_more_likely_in_the_foot(handouts: dict[str, bytes]) -> None:
    text = all_text(handouts["not_indicated"])
    assert "do not point to a problem in your back" in text
    # That case also has a hot, swollen joint with fever (a safety alert): the patient is told.
    assert "a foot problem that a clinician should check today" in text


def test_unasked_safety_questions_keep_the_patient_here(handouts: dict[str, bytes]) -> None:
    assert "Please do not leave before we have asked them." in all_text(handouts["urgent"])
    assert "Please do not leave before we have asked them." not in all_text(handouts["likely"])
