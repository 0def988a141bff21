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


# --- hand-built assessments (the shape assess() returns) ------------------------------------------

URGENT_RECOMMENDATION = (
    "URGENT - SAME-DAY EMERGENCY ASSESSMENT. Red-flag answer(s): rf_saddle_numbness=new. Tell the duty "
    "clinician now; do not book routinely."
)


def urgent_assessment(tier: str = "E") -> Assessment:
    return Assessment(
        level="urgent", tier=tier, spinal_flag=True, rules_version="test-1",  # type: ignore[arg-type]
        recommendation=URGENT_RECOMMENDATION if tier == "E" else "URGENT - clinician review today. Reason(s): R4.",
        reasons=(
            Reason("R1", "red_flag", "New saddle numbness", {"rf_saddle_numbness": "new"},
                   "cauda equina warning sign; emergency pathway", "[3]"),
            Reason("S1", "for", "Pain travels from the back down the right leg into the foot",
                   {"radiates_to.right": "foot"}, "pain below the knee is the best single item", "[23]"),
            Reason("S8", "for", "L5-root pattern on the right (supportive only)",
                   {"tingling.right": ["top_of_foot", "big_toe"]}, "dermatomes are unreliable", "[10][11]"),
            Reason("Q1", "gap", "Red-flag screen incomplete: cancer history not asked",
                   {"rf_cancer_history": "unknown"}, "ask every question out loud", "[2]"),
        ),
    )


def likely_assessment() -> Assessment:
    return Assessment(
        level="likely", tier=None, spinal_flag=True, rules_version="test-1",
        recommendation="Pattern suggests a spinal origin of the foot symptoms; referral to a spine specialist.",
        reasons=(
            Reason("R4.no", "red_flag", "Asked and answered no: history of cancer", {"rf_cancer_history": "no"},
                   "asked on purpose", "[2]"),
            Reason("S1", "for", "Pain travels from the back down the right leg into the foot",
                   {"radiates_to.right": "foot"}, "main sciatica pattern", "[A1][23]"),
            Reason("S2", "for", "Low back pain (moderate)", {"back_pain": "moderate"}, "", "A3"),
            Reason("S5", "for", "Worse with coughing, sneezing or straining",
                   {"worse_with": ["cough_sneeze_strain"]}, "symptom cluster for root compression", "25"),
            Reason("S7", "for", "Spinal history: herniated disc", {"back_conditions": ["herniated_disc"]},
                   "recurs in 5-15% after discectomy", "[29]"),
            Reason("L2", "against", "Morton's neuroma pattern may co-exist",
                   {"pain.right": ["ball_of_foot"], "worse_with": ["tight_or_high_heeled_shoes"]},
                   "pebble feeling, worse in tight shoes", "[16]"),
        ),
    )


def possible_assessment() -> Assessment:
    return Assessment(
        level="possible", tier=None, spinal_flag=True, rules_version="test-1",
        recommendation="Some features fit a spinal origin but the pattern is incomplete. Clinician to examine.",
        reasons=(
            Reason("S1", "for", "Pain travels down the left leg into the foot", {"radiates_to.left": "foot"},
                   "main sciatica pattern", "[23]"),
            Reason("S4.absent", "against", "No numbness, tingling or weakness", {}, "", ""),
        ),
    )


def not_indicated_assessment() -> Assessment:
    return Assessment(
        level="not_indicated", tier=None, spinal_flag=False, rules_version="test-1",
        recommendation="No spinal pattern in the answers given. Features fit plantar fasciitis.",
        reasons=(
            Reason("L1", "against", "Plantar fasciitis pattern",
                   {"pain.right": ["heel", "arch"], "worse_with": ["first_steps_after_rest"]},
                   "worst on the first steps after rest", "[15]"),
            Reason("N1", "alert", "Possible septic arthritis: red, hot, swollen joint with fever",
                   {"foot_red_hot_swollen": "big_toe_joint", "rf_fever_or_unwell": "yes"},
                   "refer immediately", "[17]"),
        ),
    )


HEEL_PAIN = {
    "pain": {"right": ["heel", "arch"]}, "tingling": {}, "radiates_to": {"right": "none"},
    "worse_with": ["first_steps_after_rest", "standing"], "back_pain": "none", "back_pain_new": None,
    "leg_vs_back": "no_back_pain", "back_conditions": ["none"],
}


@dataclass(frozen=True)
class Case:
    name: str
    document: IntakeDocument
    assessment: Assessment


def cases() -> list[Case]:
    """One case per outcome level, each with a document that fits it."""
    return [
        Case("urgent", make_document({"rf_saddle_numbness": "new", "rf_cancer_history": "unknown"}),
             urgent_assessment()),
        Case("likely", make_document(), likely_assessment()),
        Case("possible", make_document({"pain": {"left": ["back_of_thigh", "calf", "heel"]}, "tingling": {},
                                        "radiates_to": {"left": "foot"}}), possible_assessment()),
        Case("not_indicated", make_document({**HEEL_PAIN, "foot_red_hot_swollen": "big_toe_joint",
                                             "rf_fever_or_unwell": "yes"}), not_indicated_assessment()),
    ]


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
