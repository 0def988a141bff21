"""Paper, margins and structure: nothing clipped at any length, and files a strict reader accepts."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import mm

from intake_app.domain import load_questionnaire
from intake_app.reports import ReportOptions, build_handout, build_referral
from intake_app.screening.model import Assessment, Reason
from tests.reports.helpers import (
    OPTIONS,
    all_text,
    cases,
    chars,
    flat,
    make_document,
    page_sizes,
    page_texts,
    screened,
)

Q = load_questionnaire()
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
SAFE = 15 * mm

LONG_FAMILY = "Vandenberghe-Oyelaran-Papadimitriou de la Cruz y Montenegro-Szczepańska Featherstonehaugh"
LONG_GIVEN = "Maximiliana Konstantina Bartholomea Evangelina Wilhelmina Alexandrina Seraphina Anastasia"
UNBROKEN = "X" * 100


def long_document(family: str = LONG_FAMILY, given: str = LONG_GIVEN) -> object:
    every_region = list(Q.region_ids)
    answers = {
        "pain": {"left": every_region, "right": every_region},
        "numbness": {"left": every_region[5:], "right": every_region[::2]},
        "tingling": {"left": every_region[::3], "right": every_region[7:]},
        "radiates_to": {"left": "foot", "right": "below_knee"},
        "weakness": {"left": "foot_drop", "right": "tiptoe_weak"},
        "weakness_course": "worsening",
        "pain_character": list(Q.question("pain_character").values),
        "worse_with": list(Q.question("worse_with").values),
        "better_with": [v for v in Q.question("better_with").values if v != "nothing"],
        "back_conditions": [v for v in Q.question("back_conditions").values if v != "none"],
        "back_surgery": "microdiscectomy",
        "back_surgery_months_ago": 30,
        "pain_free_after_surgery": "yes",
    }
    return make_document(answers, family=family, given=given, questionnaire="foot-leg-intake/1")


def long_assessment() -> Assessment:
    reasons = [
        Reason(f"R{i % 6 + 1}", "red_flag", f"Red-flag finding {i} explained at some length for the clinician",
               {"rf_bilateral_leg_symptoms": "new_or_spreading", "weakness.left": "foot_drop"},
               "a long evidence phrase that needs more than one line in its narrow column", "[3][4][5]")
        for i in range(12)
    ]
    reasons += [
        Reason(f"S{i % 8 + 1}", "for", f"Supporting feature {i}", {"pain.left": ["calf", "heel", "sole", "arch"]},
               "supportive evidence", "[23]")
        for i in range(20)
    ]
    reasons += [Reason("L8", "against", "Tarsal tunnel pattern may co-exist", {"tingling.left": ["sole"]}, "", "[21]")]
    return Assessment("urgent", "E", True, tuple(reasons), "URGENT - made-up advice for a long case. " * 4, "test-1")


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return build_referral(long_document(), long_assessment(), OPTIONS)  # type: ignore[arg-type]


def _inside_safe_area(pdf: bytes) -> list[str]:
    problems = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages, start=1):
            width, height = float(page.width), float(page.height)
            for c in page.chars:
                if not str(c["text"]).strip():
                    continue
                if (c["x0"] < SAFE - 0.5 or c["x1"] > width - SAFE + 0.5
                        or c["top"] < SAFE - 0.5 or c["bottom"] > height - SAFE + 0.5):
                    problems.append(f"page {number}: {c['text']!r} at ({c['x0']:.0f}, {c['top']:.0f})")
            for shape in page.rects + page.lines + page.curves:
                if (shape["x0"] < SAFE - 2 or shape["x1"] > width - SAFE + 2
                        or shape["top"] < SAFE - 2 or shape["bottom"] > height - SAFE + 2):
                    problems.append(f"page {number}: a drawn shape at ({shape['x0']:.0f}, {shape['top']:.0f})")
    return problems


def test_a_long_case_flows_over_several_pages_with_nothing_outside_the_margins(long_pdf: bytes) -> None:
    pages = page_texts(long_pdf)
    assert len(pages) >= 3
    assert _inside_safe_area(long_pdf) == []
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in flat(text)


def test_a_very_long_name_prints_in_full_in_the_body_and_every_footer(long_pdf: bytes) -> None:
    name = f"{LONG_FAMILY}, {LONG_GIVEN}"
    for text in page_texts(long_pdf):
        assert name in flat(text)


def test_a_name_with_no_spaces_is_wrapped_not_cut_off() -> None:
    pdf = build_referral(*screened(long_document(UNBROKEN, UNBROKEN)), OPTIONS)  # type: ignore[arg-type]
    assert _inside_safe_area(pdf) == []
    squeezed = "".join(page_texts(pdf)[0].split())
    assert f"{UNBROKEN},{UNBROKEN}" in squeezed


def test_a_long_answer_list_is_printed_in_full(long_pdf: bytes) -> None:
    text = all_text(long_pdf)
    for field in ("worse_with", "pain_character", "back_conditions"):
        question = Q.question(field)
        for value in question.values:
            if value != "none":
                assert flat(question.option_label(value)) in text


@pytest.mark.parametrize("build", [build_referral, build_handout], ids=["referral", "handout"])
@pytest.mark.parametrize(("paper", "size"), [("A4", A4), ("Letter", LETTER)])
def test_the_paper_size_follows_the_options(build: object, paper: str, size: tuple[float, float]) -> None:
    options = ReportOptions(OPTIONS.clinic_name, OPTIONS.clinic_address, OPTIONS.clinic_phone, paper)
    pdf = build(*screened(make_document()), options)  # type: ignore[operator]
    for width, height in page_sizes(pdf):
        assert width == pytest.approx(size[0], abs=0.5)
        assert height == pytest.approx(size[1], abs=0.5)
    assert _inside_safe_area(pdf) == []


def test_the_long_case_on_letter_paper_also_stays_inside_the_margins() -> None:
    options = ReportOptions(OPTIONS.clinic_name, page_size="Letter")
    pdf = build_referral(long_document(), long_assessment(), options)  # type: ignore[arg-type]
    assert _inside_safe_area(pdf) == []


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_every_case_is_inside_the_margins(case: object) -> None:
    document, assessment = case.document, case.assessment  # type: ignore[attr-defined]
    for build in (build_referral, build_handout):
        assert _inside_safe_area(build(document, assessment, OPTIONS)) == []


def test_the_files_pass_a_strict_structure_check(tmp_path: Path, long_pdf: bytes) -> None:
    files = {"long-referral": long_pdf}
    for case in cases():
        files[f"{case.name}-referral"] = build_referral(case.document, case.assessment, OPTIONS)
        files[f"{case.name}-handout"] = build_handout(case.document, case.assessment, OPTIONS)
    for pdf in files.values():
        assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
        assert page_texts(pdf)  # pypdf in strict mode raises on a malformed file
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed; the strict pypdf read above still ran")
    for name, pdf in files.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, (name, result.stdout, result.stderr)
        assert "No syntax or stream encoding errors found" in result.stdout


def test_the_same_inputs_give_the_same_bytes() -> None:
    document = make_document()
    assert build_referral(*screened(document), OPTIONS) == build_referral(*screened(document), OPTIONS)


def test_the_patient_name_is_not_in_the_file_metadata() -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(build_referral(*screened(make_document()), OPTIONS)), strict=True)
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert "Testperson" not in metadata
    assert "Referral letter" in metadata


def test_the_body_text_is_embedded_dejavu(long_pdf: bytes) -> None:
    fonts = {str(c["fontname"]).split("+")[-1] for page in chars(long_pdf) for c in page}
    assert fonts <= {"DejaVuSans", "DejaVuSans-Bold"}, fonts
