"""The referral letter as the receiving clinician reads it: page 1 stands alone, short letters,
plain words, the appendix with the trace, its key and its sources."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
from pathlib import Path

import pytest

from intake_app.domain import load_questionnaire
from intake_app.domain.wording import question_text
from intake_app.reports import ReportOptions, build_referral
from intake_app.reports.letter import level_style
from intake_app.reports.wording import SOURCE_TITLES, cited_sources, source_ids
from intake_app.screening import RULES
from tests.reports.helpers import (
    CASE_NAMES,
    DOTTED_ASSIGNMENT,
    FIELD_KEY,
    OPTIONS,
    RED_FLAGS,
    Case,
    case,
    flat,
    make_document,
    page_count,
    page_texts,
    pdftotext,
    screened,
)

Q = load_questionnaire()
Q2 = load_questionnaire("foot-leg-intake/2")
# Page targets of the issue: a typical letter (urgent or routine) at most 2 pages, the longest 3.
TARGETS = {name: 2 for name in CASE_NAMES} | {"longest": 3}
ALL = {name: case(name) for name in CASE_NAMES}


@pytest.fixture(scope="module", params=["A4", "Letter"])
def letters(request: pytest.FixtureRequest) -> dict[str, bytes]:
    options = dataclasses.replace(OPTIONS, page_size=request.param)
    return {name: build_referral(c.document, c.assessment, options) for name, c in ALL.items()}


def page1(pdf: bytes) -> str:
    return flat(pdftotext(pdf, first=1, last=1))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_page_count_per_case_type_within_target(letters: dict[str, bytes], name: str) -> None:
    assert page_count(letters[name]) <= TARGETS[name], name


def test_the_expected_levels_are_built() -> None:
    got = {name: (c.assessment.level, c.assessment.tier) for name, c in ALL.items()}
    assert got["urgent"] == ("urgent", "E")
    assert got["urgent_p"] == ("urgent", "P")
    assert got["likely"][0] == "likely"
    assert got["possible"][0] == "possible"
    assert got["not_indicated"][0] == "not_indicated"
    assert not ALL["incomplete"].assessment.red_flag_screen_complete


@pytest.mark.parametrize("name", CASE_NAMES)
def test_page_one_stands_alone(letters: dict[str, bytes], name: str) -> None:
    first, *rest = [flat(t) for t in page_texts(letters[name])]
    assert "Questions and answers" not in first
    assert rest and "Questions and answers Where it hurts" in rest[0]
    for needed in ("From", "To", "When", "Reason for referral:", "Red flags", "Summary",
                   "For the clinician to complete", "Signature", "Registration no."):
        assert needed in first, (name, needed)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_page_one_holds_decision_reason_positive_red_flags_and_referrer_phone(
        letters: dict[str, bytes], name: str) -> None:
    c = ALL[name]
    text = page1(letters[name])
    style = level_style(c.assessment.level, c.assessment.tier, OPTIONS.emergency_department)
    assert style.headline in text
    assert style.tier_words in text
    assert style.addressee in text
    assert "Reason for referral:" in text
    assert OPTIONS.referrer_phone in text and OPTIONS.referrer_name in text
    for reason in c.assessment.red_flags:
        assert flat(reason.text) in text
    for rf in RED_FLAGS:
        if c.document.answers.get(rf) not in (None, "no", "unknown"):
            assert question_text(Q, rf, short=True) in text, rf


@pytest.mark.parametrize("name", CASE_NAMES)
def test_no_page_holds_a_field_key_or_value_code(letters: dict[str, bytes], name: str) -> None:
    text = pdftotext(letters[name])
    assert not FIELD_KEY.findall(text), FIELD_KEY.findall(text)[:5]
    assert not DOTTED_ASSIGNMENT.findall(text)


def test_the_addressee_follows_the_level(letters: dict[str, bytes]) -> None:
    assert "On-call spinal team (via A&E)" in page1(letters["urgent"])
    assert "Urgent spinal pathway" in page1(letters["urgent_p"])
    assert "Spine clinic" in page1(letters["likely"])
    assert "Spine clinic" in page1(letters["possible"])


def test_age_is_printed_once_with_the_date_of_birth(letters: dict[str, bytes]) -> None:
    text = page1(letters["likely"])
    assert "(age 46)" in text
    assert len(re.findall(r"\bage 46\b|\bAge: 46\b", text)) == 1


def test_unasked_safety_questions_are_named_and_lead_the_checks(letters: dict[str, bytes]) -> None:
    text = page1(letters["incomplete"])
    assert "NOT ASKED" in text
    for rf in ("rf_bladder_change", "rf_bowel_change", "rf_weight_loss_unexplained"):
        assert question_text(Q, rf, short=True) in text
    # The D8 line sits directly under the reason for referral, before the red-flag list.
    assert text.index("Reason for referral:") < text.index("Safety answer") < text.index("Red flags")
    assert "No red flags" not in text
    assert "All other safety questions (8) answered no." in text


def test_no_red_flags_only_where_the_screening_allows_it(letters: dict[str, bytes]) -> None:
    assert "No red flags: all 11 safety questions asked and answered no." in page1(letters["likely"])
    for name in ("urgent", "urgent_p", "not_indicated", "incomplete", "longest"):
        assert "No red flags" not in page1(letters[name]), name


def test_a_positive_answer_that_did_not_fire_is_listed_on_page_one(letters: dict[str, bytes]) -> None:
    text = page1(letters["not_indicated"])
    assert "Positive answer, rule not met:" in text
    assert "NON-SPINAL SAFETY ALERT" in text


def test_the_summary_gives_side_duration_score_and_history(letters: dict[str, bytes]) -> None:
    text = page1(letters["likely"])
    summary = text[text.index("Summary"):text.index("For the clinician")]
    for needed in ("Right leg:", "21 days", "7 out of 10", "Leg and back:", "Spinal history:", "Health:"):
        assert needed in summary
    lines = [line for line in pdftotext(letters["likely"], first=1, last=1).splitlines()
             if line.strip().startswith(("Right leg:", "Left leg:", "Course:", "Leg and back:", "Spinal history:",
                                         "Health:"))]
    assert 4 <= len(lines) <= 6


def test_the_urgent_completion_block_asks_for_a_bladder_scan(letters: dict[str, bytes]) -> None:
    assert "Bladder scan" in page1(letters["urgent"])
    assert "Bladder scan" not in page1(letters["likely"])


def test_the_appendix_lists_every_safety_question_and_answer(letters: dict[str, bytes]) -> None:
    text = flat(" ".join(page_texts(letters["likely"])[1:]))
    appendix = text[text.index("Every safety question"):]
    for rf in RED_FLAGS:
        assert question_text(Q, rf, short=True) in appendix


def test_the_trace_has_a_key_to_every_rule_id_it_shows(letters: dict[str, bytes]) -> None:
    names = {rule.id: rule.name for rule in RULES}
    text = flat(" ".join(page_texts(letters["longest"])[1:]))
    trace = text[text.index("Why: the rule trace"):text.index("Key to the rule ids")]
    key = text[text.index("Key to the rule ids"):]
    shown = {r.base_rule for r in ALL["longest"].assessment.reasons if not r.rule.endswith(".no")}
    assert shown and all(rule in trace for rule in shown)
    for rule in shown:
        assert f"{rule} {names[rule]}" in key, rule


@pytest.mark.parametrize("name", ["likely", "urgent", "longest"])
def test_every_source_the_trace_cites_is_in_the_numbered_list(letters: dict[str, bytes], name: str) -> None:
    c = ALL[name]
    text = flat(" ".join(page_texts(letters[name])[1:]))
    sources = text[text.index("Sources cited in the trace"):]
    keys = cited_sources(r.source for r in c.assessment.reasons if not r.rule.endswith(".no"))
    assert keys
    for key in keys:
        label = "[A1-A9]" if key == "A" else f"[{key}]"
        assert f"{label} {SOURCE_TITLES[key]}" in sources


def test_source_ids_read_every_citation_form() -> None:
    assert source_ids("[3][4][5]") == ["3", "4", "5"]
    assert source_ids("[A1][A2][23]") == ["A", "23"]
    assert source_ids("18") == ["18"]
    assert all(key in SOURCE_TITLES for r in RULES for key in source_ids(" ".join(f"[{s}]" for s in r.sources)))


def test_the_appendix_names_the_questionnaire_and_rules_versions(letters: dict[str, bytes]) -> None:
    text = flat(" ".join(page_texts(letters["likely"])[1:]))
    heading = text[text.index("Appendix for the clinician"):text.index("Every safety question")]
    assert f"rules version {ALL['likely'].assessment.rules_version}" in heading
    assert "(version 2)" in heading


def test_levels_stay_distinct_in_greyscale() -> None:
    looks = [level_style(level, tier, "A&E") for level, tier in
             (("urgent", "E"), ("urgent", "P"), ("likely", None), ("possible", None), ("not_indicated", None))]

    def grey(color: object) -> float:
        r, g, b = color.rgb()  # type: ignore[attr-defined]
        return round(0.299 * r + 0.587 * g + 0.114 * b, 2)

    signatures = {(grey(look.fill), look.border, look.dash, look.double) for look in looks}
    assert len(signatures) == len(looks)
    # Any two levels differ in the kind of line, or clearly in the grey of the fill.
    for i, one in enumerate(looks):
        for other in looks[i + 1:]:
            same_line = (one.border, one.dash, one.double) == (other.border, other.dash, other.double)
            assert not same_line or abs(grey(one.fill) - grey(other.fill)) >= 0.08
    # Likely and possible differ in the line itself (double versus dashed), not only in colour.
    likely, possible = looks[2], looks[3]
    assert (likely.dash, likely.double) != (possible.dash, possible.double)


def test_an_amended_letter_says_so_on_every_page() -> None:
    c = ALL["likely"]
    pdf = build_referral(c.document, c.assessment, dataclasses.replace(OPTIONS, revision=3))
    pages = [flat(t) for t in page_texts(pdf)]
    assert "amended (revision 3)" in pages[0]
    assert all("amended (revision 3)" in page for page in pages)
    assert "amended" not in pdftotext(build_referral(c.document, c.assessment, OPTIONS))


def test_the_referrer_can_be_changed_for_one_letter() -> None:
    c = ALL["likely"]
    options = OPTIONS.per_letter(referrer_name="Dr Rana Haddad", referrer_role="GP", referrer_phone="0161 496 0000")
    text = page1(build_referral(c.document, c.assessment, options))
    assert "Dr Rana Haddad" in text and "GP" in text and "0161 496 0000" in text
    assert OPTIONS.referrer_name not in text


def test_without_a_referrer_the_letter_leaves_a_line_to_write_on() -> None:
    c = ALL["likely"]
    options = dataclasses.replace(OPTIONS, referrer_name="", referrer_role="", referrer_phone="")
    text = page1(build_referral(c.document, c.assessment, options))
    assert "Referrer: ____" in text
    assert f"Clinic phone: {OPTIONS.clinic_phone}" in text


def test_table_rows_are_never_split_across_pages(letters: dict[str, bytes]) -> None:
    c = ALL["longest"]
    pages = [flat(t) for t in page_texts(letters["longest"])]
    for reason in c.assessment.reasons:
        if reason.rule.endswith(".no"):
            continue
        assert any(flat(reason.text) in page for page in pages[1:]), reason.rule


def test_a_draft_with_almost_nothing_answered_still_prints_a_letter() -> None:
    document = make_document(base={}, answers={"back_pain": "none"})
    pdf = build_referral(*screened(document), OPTIONS)
    text = page1(pdf)
    assert "NOT ASKED" in text
    assert page_count(pdf) <= 2


def test_case_type_is_checked_on_letter_paper_too() -> None:
    c: Case = ALL["longest"]
    pdf = build_referral(c.document, c.assessment, ReportOptions.per_letter(OPTIONS, page_size="Letter"))
    assert page_count(pdf) <= 3


def test_conflicting_answers_sit_directly_under_the_safety_line() -> None:
    document = make_document({"back_pain": "none", "leg_vs_back": "back_worse", "back_pain_new": None})
    text = page1(build_referral(*screened(document), OPTIONS))
    assert "Conflicting answers:" in text
    assert text.index("Reason for referral:") < text.index("Safety answer") < text.index("Conflicting answers:")
    assert text.index("Conflicting answers:") < text.index("Red flags")


def test_onset_interpreter_and_blood_thinner_are_on_page_one(letters: dict[str, bytes]) -> None:
    text = page1(letters["longest"])
    onset = question_text(Q2, "new_symptom_started", short=True)
    assert f"{onset}: 1 to 3 days ago" in text
    assert "Interpreter needed: Polish" in text
    assert question_text(Q2, "blood_thinner", short=True) in text


def test_a_version_1_document_still_prints_a_letter() -> None:
    document = make_document(questionnaire="foot-leg-intake/1")
    pdf = build_referral(*screened(document), OPTIONS)
    assert page_count(pdf) <= 2
    assert not FIELD_KEY.findall(pdftotext(pdf))


def test_decision_boxes_differ_when_printed_in_grey(tmp_path: Path) -> None:
    """Render page 1 in greyscale and read the grey inside each decision box, beside its headline."""
    import pdfplumber

    greys = {}
    for name in ("urgent", "urgent_p", "likely", "possible"):
        c = ALL[name]
        pdf = build_referral(c.document, c.assessment, OPTIONS)
        headline = level_style(c.assessment.level, c.assessment.tier, "A&E").headline
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            page = doc.pages[0]
            words = page.search(headline)
            x, top = float(words[0]["x1"]) + 20, float(words[0]["top"]) + 3
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-gray", "-r", "72", "-f", "1", "-l", "1", "-singlefile", str(path),
                        str(tmp_path / name)], check=True)
        image = (tmp_path / f"{name}.pgm").read_bytes()
        greys[name] = _pgm_pixel(image, int(x), int(top))
    assert greys["urgent"] < 60  # black
    assert greys["possible"] > 240  # white, told apart by its dashed line
    assert abs(greys["likely"] - greys["urgent_p"]) >= 20


def _pgm_pixel(data: bytes, x: int, y: int) -> int:
    """One pixel of a binary PGM (P5) image."""
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match
    width = int(match.group(1))
    return data[match.end() + y * width + x]
