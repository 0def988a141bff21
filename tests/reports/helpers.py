"""Synthetic cases for the report tests (made-up people only) and ways to read PDFs back."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pypdf import PdfReader

from intake_app.domain import IntakeDocument, load_questionnaire, parse_document
from intake_app.reports import ReportOptions
from intake_app.screening import assess
from intake_app.screening.model import Assessment, Reason
from tests.conftest import FULL_ANSWERS

VISIT = dt.date(2026, 3, 2)
GENERATED = dt.datetime(2026, 3, 2, 9, 41)
RED_FLAGS: tuple[str, ...] = load_questionnaire().red_flag_ids

OPTIONS = ReportOptions(
    clinic_name="Harbourside Foot Clinic",
    clinic_address="4 Quay Street, Exampleton EX9 9ZZ",
    clinic_phone="01632 960 123",
    page_size="A4",
    generated_at=GENERATED,
    clinic_hours="Monday to Friday, 8am to 6pm",
    referrer_name="Sam Okafor",
    referrer_role="Advanced practice physiotherapist",
    referrer_phone="01632 960 777",
    emergency_number="999",
    emergency_department="A&E",
)


def birth_date(age: int) -> dt.date:
    """A date of birth that makes the patient exactly `age` on the visit date."""
    return dt.date(VISIT.year - age - 1, 11, 20)


def make_document(answers: dict[str, Any] | None = None, *, family: str = "Testperson", given: str = "Alex",
                  age: int = 46, base: dict[str, Any] | None = None, phone: str = "0700 000001",
                  mrn: str = "SYN-0001", questionnaire: str = "foot-leg-intake/2") -> IntakeDocument:
    """A valid intake document through parse_document, starting from the full synthetic answer set."""
    merged = copy.deepcopy(FULL_ANSWERS if base is None else base)
    merged["age_years"] = age
    merged.update(copy.deepcopy(answers or {}))
    data = {
        "format": "intake-document/1",
        "questionnaire": questionnaire,
        "patient": {"family_name": family, "given_name": given, "date_of_birth": birth_date(age).isoformat(),
                    "sex": "female", "phone": phone, "mrn": mrn},
        "visit_date": VISIT.isoformat(),
        "answers": {k: v for k, v in merged.items() if v is not None},
    }
    return parse_document(data, today=VISIT)


# --- cases: hand-written documents, judged by the real screening engine ---------------------------

HEEL_PAIN = {
    "pain": {"right": ["heel", "arch"]}, "tingling": {}, "radiates_to": {"right": "none"},
    "worse_with": ["first_steps_after_rest", "standing"], "back_pain": "none", "back_pain_new": None,
    "leg_vs_back": "no_back_pain", "back_conditions": ["none"],
}

SCENARIOS: dict[str, dict[str, Any]] = {
    # New saddle numbness (R1, tier E); the cancer question was not asked (Q1).
    "urgent": {"rf_saddle_numbness": "new", "rf_cancer_history": None},
    # Cancer history with new back pain and leg pain but no new numbness or weakness (R4, tier P).
    "urgent_p": {"rf_cancer_history": "yes", "tingling": {},
                 "pain": {"right": ["buttock", "back_of_thigh", "calf", "heel"]}},
    # The full sciatica pattern on the right with five supporting points.
    "likely": {},
    # Pain from the thigh into the left foot, nothing else in support.
    "possible": {"pain": {"left": ["back_of_thigh", "calf", "heel"]}, "tingling": {}, "radiates_to": {"left": "foot"},
                 "back_pain": "none", "back_pain_new": None, "leg_vs_back": "about_equal",
                 "back_conditions": ["none"], "worse_with": ["walking"]},
    # Heel pain on the first steps (L1), plus a red, hot, swollen big toe joint with fever (N1 alert).
    "not_indicated": {**HEEL_PAIN, "foot_red_hot_swollen": "big_toe_joint", "rf_fever_or_unwell": "yes"},
    # Three safety questions never asked, nothing else positive (Q1, D8).
    "incomplete": {"rf_bladder_change": None, "rf_bowel_change": None, "rf_weight_loss_unexplained": None},
}


def longest_answers() -> dict[str, Any]:
    """Everything answered, every region marked on both legs, every list answer ticked."""
    q = load_questionnaire()
    regions = list(q.region_ids)
    return {
        "pain": {"left": regions, "right": regions},
        "numbness": {"left": regions[5:], "right": regions[::2]},
        "tingling": {"left": regions[::3], "right": regions[7:]},
        "radiates_to": {"left": "foot", "right": "foot"},
        "weakness": {"left": "foot_drop", "right": "tiptoe_weak"},
        "weakness_course": {"left": "worsening", "right": "new_stable"},
        "leg_pain_new": "yes",
        "neuro_new": "yes",
        "new_symptom_started": "1_to_3_days",
        "pain_score_0_10": 9,
        "pain_character": list(q.question("pain_character").values),
        "onset": "gradual",
        "duration_days": 60,
        "worse_with": list(q.question("worse_with").values),
        "better_with": [v for v in q.question("better_with").values if v != "nothing"],
        "walking_distance_consistent": "no",
        "back_pain": "severe",
        "back_pain_new": "yes",
        "leg_vs_back": "leg_worse",
        "back_conditions": [v for v in q.question("back_conditions").values if v != "none"],
        "back_surgery": "microdiscectomy",
        "back_surgery_months_ago": 30,
        "pain_free_after_surgery": "yes",
        "rf_bilateral_leg_symptoms": "new_or_spreading",
        "rf_bladder_change": "longstanding_unchanged",
        "rf_cancer_history": "yes",
        "rf_night_pain_constant": "yes",
        "diabetes": "yes",
        "smoker": "yes",
        "known_circulation_problem": "yes",
        "foot_cold_or_pale": "yes",
        "foot_ulcer_or_rest_pain": "yes",
        "current_medicines": "Naproxen 500 mg twice a day\nOmeprazole 20 mg",
        "blood_thinner": "yes",
        "allergies": "Penicillin (rash)",
        "preferred_language": "other",
        "interpreter_needed": "yes",
        "interpreter_language": "Polish",
        "desk_note": "Came with her daughter; walks with a stick.",
    }


LONG_FAMILY = "Vandenberghe-Oyelaran-Papadimitriou de la Cruz y Montenegro"
LONG_GIVEN = "Maximiliana Konstantina Bartholomea Evangelina"


@dataclass(frozen=True)
class Case:
    name: str
    document: IntakeDocument
    assessment: Assessment


def case(name: str, **patient: Any) -> Case:
    """A scenario's document and the assessment assess() gives it ("longest": everything answered)."""
    if name == "longest":
        patient = {"family": LONG_FAMILY, "given": LONG_GIVEN, **patient}
        document = make_document(longest_answers(), **patient)
    else:
        document = make_document(SCENARIOS[name], **patient)
    return Case(name, document, assess(document, emergency_department=OPTIONS.emergency_department))


CASE_NAMES = (*SCENARIOS, "longest")


def cases() -> list[Case]:
    """One case per outcome level (and both urgent tiers), the incomplete screen and the longest case."""
    return [case(name) for name in CASE_NAMES]


def screened(document: IntakeDocument) -> tuple[IntakeDocument, Assessment]:
    """A document with its real assessment, ready to unpack into build_referral / build_handout."""
    return document, assess(document)


def synthetic_assessment(reasons: list[Reason] | tuple[Reason, ...], level: str = "likely",
                         tier: str | None = None) -> Assessment:
    """An assessment with a made-up rule trace, for layout tests that need a trace of a given length."""
    return Assessment(level, tier, level != "not_indicated", tuple(reasons),  # type: ignore[arg-type]
                      "Made-up recommendation for a layout test.", "test-1")


# --- reading PDFs back ---------------------------------------------------------------------------


def flat(text: str) -> str:
    """Whitespace collapsed to single spaces, so wrapped lines compare like one line."""
    return " ".join(text.split())


def page_texts(pdf: bytes) -> list[str]:
    """The text layer of each page, read with pypdf in strict mode (a malformed file raises)."""
    reader = PdfReader(io.BytesIO(pdf), strict=True)
    return [page.extract_text() or "" for page in reader.pages]


def all_text(pdf: bytes) -> str:
    return flat(" ".join(page_texts(pdf)))


def nfkc(text: str) -> str:
    """Presentation forms (shaped Arabic) folded back to plain letters, for comparing names."""
    return unicodedata.normalize("NFKC", text)


def chars(pdf: bytes) -> list[list[dict[str, Any]]]:
    """Every character pdfplumber finds, page by page, with its font, size and position."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [list(page.chars) for page in doc.pages]


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf), strict=True)
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


RULE_ID = re.compile(r"\b[ARSLNQD]\d\b")


def pdftotext(pdf: bytes, *, first: int | None = None, last: int | None = None) -> str:
    """The text layer as poppler's pdftotext reads it (what a receiving system would index)."""
    args = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(pdf)
        result = subprocess.run([*args, str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pdffonts(pdf: bytes) -> list[dict[str, str]]:
    """Each font poppler's pdffonts lists: name, type and whether it is embedded."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(pdf)
        result = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True)
    rows = result.stdout.decode("utf-8").splitlines()[2:]
    fonts = []
    for row in rows:
        parts = row.split()
        # name, type (may be two words), encoding, emb, sub, uni, object, id
        fonts.append({"name": parts[0], "emb": parts[-5], "line": row})
    return fonts


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf), strict=True).pages)


# Field keys and value codes as they would leak: "rf_saddle_numbness", "radiates_to.left = foot".
FIELD_KEY = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")
DOTTED_ASSIGNMENT = re.compile(r"\b\w+\.\w+\s*=")
