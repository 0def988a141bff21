"""The referral summary, read back from the PDF: what the spine specialist actually sees."""

from __future__ import annotations

import re

import pytest

from intake_app.domain import load_questionnaire
from intake_app.reports import ReportOptions, build_referral
from intake_app.reports.wording import NOT_ANSWERED, NOT_ASKED
from intake_app.screening import RULES_VERSION, assess
from intake_app.screening.model import GROUP_ORDER, GROUP_TITLES, Assessment, Reason
from tests.reports.helpers import (
    GENERATED,
    OPTIONS,
    VISIT,
    Case,
    all_text,
    birth_date,
    case,
    cases,
    chars,
    flat,
    make_document,
    page_texts,
    synthetic_assessment,
)

Q = load_questionnaire()


@pytest.fixture(scope="module")
def likely_pdf() -> bytes:
    likely = case("likely")
    assert likely.assessment.level == "likely"
    return build_referral(likely.document, likely.assessment, OPTIONS)


def _referral(name: str, **patient: object) -> tuple[Case, bytes]:
    c = case(name, **patient)
    return c, build_referral(c.document, c.assessment, OPTIONS)


def test_a_clinic_address_on_several_lines_keeps_its_line_breaks() -> None:
    likely = case("likely")
    options = ReportOptions("Harbourside Foot Clinic", "4 Quay Street\nExampleton\nEX9 9ZZ", "01632 960 123", "A4")
    first = page_texts(build_referral(likely.document, likely.assessment, options))[0]
    assert "4 Quay Street\nExampleton\nEX9 9ZZ\nPhone 01632 960 123" in first


def test_the_header_names_the_clinic_the_title_and_when_it_was_generated(likely_pdf: bytes) -> None:
    first = flat(page_texts(likely_pdf)[0])
    assert "Harbourside Foot Clinic" in first
    assert "4 Quay Street, Exampleton EX9 9ZZ" in first
    assert "01632 960 123" in first
    assert "Referral summary" in first
    assert f"Generated {GENERATED:%Y-%m-%d %H:%M}" in first


def test_the_patient_block_shows_name_birth_date_age_sex_mrn_phone_and_visit(likely_pdf: bytes) -> None:
    first = flat(page_texts(likely_pdf)[0])
    assert "Testperson, Alex" in first
    assert f"{birth_date(46).isoformat()} (age 46 at the visit)" in first
    assert "Female" in first
    assert "SYN-0001" in first
    assert "0700 000001" in first
    assert VISIT.isoformat() in first


def test_an_empty_phone_and_mrn_read_not_answered() -> None:
    _, pdf = _referral("likely", phone="", mrn="")
    first = flat(page_texts(pdf)[0])
    assert f"{Q.question('mrn').label} {NOT_ANSWERED}" in first
    assert f"{Q.question('phone').label} {NOT_ANSWERED}" in first


@pytest.mark.parametrize(
    ("name", "level", "tier", "headline"),
    [
        ("urgent", "urgent", "E", "URGENT - EMERGENCY ASSESSMENT TODAY"),
        ("urgent_p", "urgent", "P", "URGENT - CLINICIAN REVIEW TODAY"),
        ("likely", "likely", None, "SPINAL ORIGIN LIKELY"),
        ("possible", "possible", None, "SPINAL ORIGIN POSSIBLE"),
        ("not_indicated", "not_indicated", None, "SPINAL ORIGIN NOT INDICATED"),
    ],
)
def test_the_outcome_banner_and_recommendation_lead_the_first_page(
    name: str, level: str, tier: str | None, headline: str
) -> None:
    c, pdf = _referral(name)
    assessment = c.assessment
    assert (assessment.level, assessment.tier) == (level, tier)
    first = flat(page_texts(pdf)[0])
    assert headline in first
    assert flat(assessment.recommendation) in first
    # The outcome comes before the rule trace.
    assert first.index(headline) < first.index("Why: the rule trace")
    tier = {"E": "E (same-day emergency)", "P": "P (urgent priority)", None: "none"}[assessment.tier]
    assert f"Tier: {tier}" in first


def _luminance(color: tuple[float, ...] | None) -> float:
    if not color:
        return 0.0
    if len(color) == 1:
        return float(color[0])
    r, g, b = color[:3]
    return 0.299 * r + 0.587 * g + 0.114 * b


def _headline_chars(pdf: bytes, headline: str) -> list[dict[str, object]]:
    page = chars(pdf)[0]
    text = "".join(str(c["text"]) for c in page)
    start = text.index(headline)
    return page[start:start + len(headline)]


def test_the_urgent_banner_is_reversed_white_on_dark_with_a_heavy_frame_for_mono_print() -> None:
    _, pdf = _referral("urgent")
    headline = _headline_chars(pdf, "URGENT - EMERGENCY ASSESSMENT TODAY")
    # White letters ...
    assert all(_luminance(c["non_stroking_color"]) > 0.95 for c in headline if str(c["text"]).strip())  # type: ignore[arg-type]
    # ... on a dark fill that still prints dark in greyscale, inside a frame at least 3 pt thick.
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        top = min(float(c["top"]) for c in headline)  # type: ignore[arg-type]
        fills = [r for r in page.rects if r["fill"] and r["top"] <= top <= r["bottom"]]
        assert any(_luminance(r["non_stroking_color"]) < 0.35 for r in fills)
        frames = [ln for ln in page.lines + page.rects if float(ln.get("linewidth") or 0) >= 3]
        assert frames, "no heavy frame around the urgent banner"


def test_non_urgent_banners_use_dark_text_on_a_light_fill() -> None:
    _, pdf = _referral("possible")
    headline = _headline_chars(pdf, "SPINAL ORIGIN POSSIBLE")
    assert all(_luminance(c["non_stroking_color"]) < 0.2 for c in headline if str(c["text"]).strip())  # type: ignore[arg-type]


@pytest.mark.parametrize("c", cases(), ids=lambda c: c.name)
def test_every_reason_prints_with_rule_id_answers_evidence_and_source(c: Case) -> None:
    assessment = c.assessment
    assert assessment.reasons
    text = all_text(build_referral(c.document, assessment, OPTIONS))
    for reason in assessment.reasons:
        line = f"{reason.rule} {flat(reason.text)}"
        assert line in text, line
        for key, value in reason.because.items():
            shown = f"[{', '.join(value)}]" if isinstance(value, list) else str(value)
            assert f"{key} = {shown}" in text
        if reason.evidence:
            source = reason.source if reason.source.startswith("[") else f"[{reason.source}]"
            # References print one bracket group at a time ("[15] [16]") so long lists can wrap.
            assert flat(f"{reason.evidence} {source}") in text.replace("] [", "][")


def test_reason_groups_appear_in_the_clinical_order() -> None:
    reasons = tuple(
        Reason(rule, group, f"finding for {rule}", {}, "", "")
        for rule, group in [("Q1", "gap"), ("N2", "alert"), ("L1", "against"), ("S1", "for"), ("R2", "red_flag")]
    )
    # A made-up trace in scrambled order: the report, not the engine, puts the groups in order.
    assessment = Assessment("urgent", "P", True, reasons, "URGENT - review today.", "test-1")
    text = all_text(build_referral(make_document(), assessment, OPTIONS))
    trace = text[text.index("Why: the rule trace"):]
    positions = [trace.index(GROUP_TITLES[g]) for g in GROUP_ORDER]
    assert positions == sorted(positions)
    findings = [trace.index(f"finding for {rule}") for rule in ("R2", "S1", "L1", "N2", "Q1")]
    assert findings == sorted(findings)


def test_empty_reason_groups_say_so_instead_of_vanishing() -> None:
    c, pdf = _referral("possible")
    assert not c.assessment.in_group("alert") and not c.assessment.in_group("gap")
    text = all_text(pdf)
    assert "Safety alerts No non-spinal safety alert." in text
    assert "Data gaps No data gaps." in text
    empty = synthetic_assessment([Reason("S1", "for", "Pain into the foot", {"radiates_to.left": "foot"})])
    assert "Red flags No red-flag rule fired on the answers given." in all_text(
        build_referral(make_document(), empty, OPTIONS))


def test_the_red_flag_screen_lists_every_question_with_its_answer_label(likely_pdf: bytes) -> None:
    text = all_text(likely_pdf)
    screen = text[text.index("Red-flag screen (every safety question)"):text.index("Symptoms by side")]
    for rf in Q.red_flag_ids:
        question = Q.question(rf)
        assert f"{flat(question.label)} {question.option_label('no')}" in screen


def test_an_unasked_red_flag_prints_not_asked_never_no() -> None:
    document = make_document({"rf_cancer_history": None, "rf_bowel_change": None})
    assert document.answers["rf_cancer_history"] == "unknown"
    text = all_text(build_referral(document, assess(document), OPTIONS))
    screen = text[text.index("Red-flag screen (every safety question)"):text.index("Symptoms by side")]
    for rf in ("rf_cancer_history", "rf_bowel_change"):
        label = flat(Q.question(rf).label)
        assert f"{label} {NOT_ASKED}" in screen
        assert not re.search(rf"{re.escape(label)} No\b", screen)
    assert "RED-FLAG SCREEN INCOMPLETE: 2 safety questions not asked" in text


def test_a_complete_red_flag_screen_has_no_incomplete_warning(likely_pdf: bytes) -> None:
    assert "RED-FLAG SCREEN INCOMPLETE" not in all_text(likely_pdf)
    assert NOT_ASKED not in all_text(likely_pdf)


def test_positive_red_flag_answers_print_in_bold() -> None:
    _, pdf = _referral("urgent")
    heading = "Red-flag screen (every safety question)"
    page = next(p for p in chars(pdf) if heading in "".join(str(c["text"]) for c in p))
    text = "".join(str(c["text"]) for c in page)
    label = Q.question("rf_saddle_numbness").option_label("new")
    start = text.index(label, text.index(heading))
    assert all("Bold" in str(c["fontname"]) for c in page[start:start + len(label)] if str(c["text"]).strip())


def test_symptoms_by_side_tick_each_marked_region_under_its_side_and_symptom(likely_pdf: bytes) -> None:
    text = all_text(likely_pdf)
    section = text[text.index("Symptoms by side"):text.index("History")]
    assert "Region Left Right Pain Numbness Tingling Pain Numbness Tingling" in section
    # FULL_ANSWERS: right pain in buttock, back of thigh, calf, top of foot; right tingling in top of foot, big toe.
    for region in ("buttock", "back_of_thigh", "calf", "top_of_foot", "big_toe"):
        assert Q.region_label(region) in section
    assert Q.region_label("heel") not in section.split("Pain (shaded)")[0]
    assert f"Not answered: {Q.question('numbness').label}" in section
    assert "Pain (shaded) Numbness (diagonal lines) Pins and needles (dots)" in section


def test_tick_marks_sit_in_the_right_side_columns(likely_pdf: bytes) -> None:
    page = next(p for p in chars(likely_pdf) if "Symptoms by side" in "".join(str(c["text"]) for c in p))
    ticks = [c for c in page if c["text"] == "\u2713"]
    headers = "".join(str(c["text"]) for c in page)
    right_header = page[headers.index("Right", headers.index("Symptoms by side"))]
    # FULL_ANSWERS marks the right leg only: 4 pain ticks and 2 tingling ticks, all under "Right".
    assert len(ticks) == 6
    assert all(float(t["x0"]) > float(right_header["x0"]) - 60 for t in ticks)  # type: ignore[arg-type]


def test_no_marked_symptoms_say_so_and_leave_out_the_drawing() -> None:
    document = make_document({"pain": {}, "tingling": {}, "numbness": {}})
    text = all_text(build_referral(document, assess(document), OPTIONS))
    assert "No pain, numbness or tingling was marked on either leg." in text
    assert "Pain (shaded)" not in text


def test_history_uses_the_questionnaire_wording_for_questions_and_answers(likely_pdf: bytes) -> None:
    text = all_text(likely_pdf)
    history = text[text.index("History"):text.index("Other answers")]
    for field, value in [("onset", "gradual"), ("back_pain", "moderate"), ("leg_vs_back", "leg_worse"),
                         ("back_surgery", "none"), ("trauma", "none")]:
        question = Q.question(field)
        assert f"{flat(question.label)} {question.option_label(value)}" in history
    assert f"{flat(Q.question('duration_days').label)} 21 days" in history
    conditions = Q.question("back_conditions")
    assert f"{flat(conditions.label)} {conditions.option_label('herniated_disc')}" in history


def test_unanswered_questions_read_not_answered_never_no() -> None:
    document = make_document({"onset": None, "diabetes": None, "back_surgery": None})
    text = all_text(build_referral(document, assess(document), OPTIONS))
    for field in ("onset", "diabetes", "back_surgery"):
        label = flat(Q.question(field).label)
        assert f"{label} {NOT_ANSWERED}" in text
        assert not re.search(rf"{re.escape(label)} No\b", text)


def test_hidden_follow_up_questions_are_left_out(likely_pdf: bytes) -> None:
    # No back operation: the "how many months ago" follow-up was never shown, so it is not printed.
    assert flat(Q.question("back_surgery_months_ago").label) not in all_text(likely_pdf)


def test_the_versions_disclaimer_and_signature_line_close_the_summary(likely_pdf: bytes) -> None:
    last = flat(page_texts(likely_pdf)[-1])
    assert "Questionnaire foot-leg-intake/1" in last
    assert f"rules version {RULES_VERSION}" in last
    assert "Screening aid for clinician review - not a diagnosis" in last
    assert re.search(r"Referring clinician.*Signature.*Date", last)


def test_every_page_carries_the_patient_birth_date_and_page_x_of_y() -> None:
    many = tuple(
        Reason(f"S{i % 8 + 1}", "for", f"Supporting feature number {i} with a longer explanation",
               {"pain.right": ["calf"]}, "evidence phrase for the test", "[23]")
        for i in range(45)
    )
    pages = page_texts(build_referral(make_document(), synthetic_assessment(many), OPTIONS))
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        flat_text = flat(text)
        assert "Testperson, Alex" in flat_text
        assert f"born {birth_date(46).isoformat()}" in flat_text
        assert f"Page {number} of {len(pages)}" in flat_text


def test_table_headers_repeat_when_the_rule_trace_flows_onto_another_page() -> None:
    many = tuple(
        Reason("S4", "for", f"Row {i:02d} of a long trace", {"tingling.right": ["sole"]}, "evidence", "[23]")
        for i in range(70)
    )
    pages = [flat(t) for t in page_texts(build_referral(make_document(), synthetic_assessment(many), OPTIONS))]
    with_rows = [t for t in pages if "of a long trace" in t]
    assert len(with_rows) >= 2
    for text in with_rows:
        assert "Rule Finding, with evidence [source] Answers that fired it" in text


def test_a_draft_with_almost_nothing_answered_still_prints_every_section() -> None:
    document = make_document(base={})
    assert set(document.answers) == {"age_years", *Q.red_flag_ids}
    text = all_text(build_referral(document, assess(document), OPTIONS))
    assert f"RED-FLAG SCREEN INCOMPLETE: {len(Q.red_flag_ids)} safety questions not asked" in text
    assert text.count(NOT_ASKED) >= len(Q.red_flag_ids)
    assert "No pain, numbness or tingling was marked on either leg." in text
    assert f"Not answered: {Q.question('pain').label}; {Q.question('numbness').label}" in text
    for field in ("onset", "back_pain", "diabetes", "pain_score_0_10"):
        assert f"{flat(Q.question(field).label)} {NOT_ANSWERED}" in text
    for heading in ("Why: the rule trace", "Red-flag screen", "Symptoms by side", "History", "Other answers",
                    "Versions"):
        assert heading in text
