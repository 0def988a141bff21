"""Synthetic cases for the report tests (made-up people only) and ways to read PDFs back."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass
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
)


def birth_date(age: int) -> dt.date:
    """A date of birth that makes the patient exactly `age` on the visit date."""
    return dt.date(VISIT.year - age - 1, 11, 20)


def make_document(answers: dict[str, Any] | None = None, *, family: str = "Testperson", given: str = "Alex",
                  age: int = 46, base: dict[str, Any] | None = None, phone: str = "0700 000001",
                  mrn: str = "SYN-0001") -> IntakeDocument:
    """A valid intake document through parse_document, starting from the full synthetic answer set."""
    merged = copy.deepcopy(FULL_ANSWERS if base is None else base)
    merged["age_years"] = age
    merged.update(copy.deepcopy(answers or {}))
    data = {
        "format": "intake-document/1",
        "questionnaire": "foot-leg-intake/1",
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
}


@dataclass(frozen=True)
class Case:
    name: str
    document: IntakeDocument
    assessment: Assessment


def case(name: str, **patient: Any) -> Case:
    """A scenario's document and the assessment assess() gives it."""
    document = make_document(SCENARIOS[name], **patient)
    return Case(name, document, assess(document))


def cases() -> list[Case]:
    """One case per outcome level (and both urgent tiers)."""
    return [case(name) for name in SCENARIOS]


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
