"""How long the referral letter and the patient handout take to build, as a ratio to plain reportlab.

For each report and case (made-up people: a typical sciatica intake, an urgent same-day case and
the longest case, everything answered), a plain reportlab document is built in the same run as the
floor: the same page count, from the same kinds of flowables (Paragraphs and ruled Tables holding
the report's own text, page by page, in the same embedded DejaVu Sans), through SimpleDocTemplate.
The report and its floor are built in pairs, alternating which goes first, with the garbage
collector left on as in the program; the median of the per-pair ratios is printed (target: at
most 2x), with median wall and CPU times. The first, cold build in this process is printed too.

Run: .venv/bin/python bench/reports.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    KeepInFrame,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from intake_app.demo import NO_RED_FLAGS, SCIATICA  # noqa: E402
from intake_app.domain import IntakeDocument, load_questionnaire, parse_document  # noqa: E402
from intake_app.reports import ReportOptions, build_handout, build_referral  # noqa: E402
from intake_app.reports.fonts import BASE_FONT, register_fonts, rich  # noqa: E402
from intake_app.screening import Assessment, assess  # noqa: E402

VISIT = dt.date(2026, 3, 2)
OPTIONS = ReportOptions("Harbourside Foot Clinic", "4 Quay Street, Exampleton EX9 9ZZ", "01632 960 123", "A4",
                        dt.datetime(2026, 3, 2, 9, 41), clinic_hours="Monday to Friday, 8am to 6pm",
                        referrer_name="Sam Okafor", referrer_role="Advanced practice physiotherapist",
                        referrer_phone="01632 960 777", emergency_number="999", emergency_department="A&E")
TARGET_RATIO = 2.0
MARGIN = 18 * mm


def document(answers: dict[str, Any], family: str, given: str) -> IntakeDocument:
    data = {
        "format": "intake-document/1",
        "questionnaire": "foot-leg-intake/2",
        "patient": {"family_name": family, "given_name": given, "date_of_birth": "1979-11-20", "sex": "female",
                    "phone": "0700 000001", "mrn": "BENCH-0001"},
        "visit_date": VISIT.isoformat(),
        "answers": {"age_years": 46, **answers},
    }
    return parse_document(data, today=VISIT)


def typical_case() -> IntakeDocument:
    return document({**NO_RED_FLAGS, **SCIATICA, "pain_score_0_10": 7, "duration_days": 21}, "Testperson", "Alex")


def urgent_case() -> IntakeDocument:
    answers = {**NO_RED_FLAGS, **SCIATICA, "pain_score_0_10": 7, "duration_days": 21, "rf_saddle_numbness": "new"}
    return document(answers, "Testperson", "Sam")


def long_case() -> IntakeDocument:
    q = load_questionnaire()
    regions = list(q.region_ids)
    answers = {
        **NO_RED_FLAGS,
        "pain": {"left": regions, "right": regions},
        "numbness": {"left": regions[5:], "right": regions[::2]},
        "tingling": {"left": regions[::3], "right": regions[7:]},
        "radiates_to": {"left": "foot", "right": "foot"},
        "weakness": {"left": "foot_drop", "right": "tiptoe_weak"},
        "weakness_course": {"left": "worsening", "right": "worsening"},
        "leg_pain_new": "yes",
        "neuro_new": "yes",
        "new_symptom_started": "1_to_3_days",
        "pain_score_0_10": 9,
        "pain_character": list(q.question("pain_character").values),
        "onset": "gradual",
        "duration_days": 60,
        "worse_with": list(q.question("worse_with").values),
        "better_with": [v for v in q.question("better_with").values if v != "nothing"],
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
        "diabetes": "yes",
        "smoker": "yes",
        "current_medicines": "Naproxen 500 mg twice a day",
        "blood_thinner": "no",
        "interpreter_needed": "yes",
        "interpreter_language": "Polish",
    }
    family = "Vandenberghe-Oyelaran-Papadimitriou de la Cruz y Montenegro"
    return document(answers, family, "Maximiliana Konstantina Bartholomea Evangelina")


Builder = Callable[[], bytes]


def floor_builder(pdf: bytes) -> Builder:
    """A plain reportlab document with the report's page count and text: on each page, half of the
    page's lines as Paragraphs (four lines each) and the other half as rows of a ruled two-column
    Table, each page held to one page by a KeepInFrame."""
    register_fonts()
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]
    body = ParagraphStyle("floor", fontName=BASE_FONT, fontSize=7.5, leading=9)
    width, height = A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN

    def build() -> bytes:
        story: list[Any] = []
        for number, text in enumerate(pages):
            lines = [line for line in text.splitlines() if line.strip()]
            half = len(lines) // 2
            page: list[Any] = [Paragraph("<br/>".join(rich(line) for line in lines[i:i + 4]), body)
                               for i in range(0, half, 4)]
            rows = [[Paragraph(rich(a), body), Paragraph(rich(b), body)]
                    for a, b in zip(lines[half::2], lines[half + 1::2], strict=False)]
            if rows:
                table = Table(rows, colWidths=[width / 2, width / 2])
                table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "#999999"),
                                           ("FONT", (0, 0), (-1, -1), BASE_FONT, 7.5)]))
                page.append(table)
            # Page 1 shrinks to fit as the letter's does; later pages are cut at the foot (one layout pass).
            story.append(KeepInFrame(width, height - 1, page, mode="shrink" if number == 0 else "truncate"))
            if number < len(pages) - 1:
                story.append(PageBreak())
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=A4, initialFontName=BASE_FONT, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN).build(story)
        return buffer.getvalue()

    return build


def timed(build: Builder) -> tuple[float, float, bytes]:
    start, start_cpu = time.perf_counter(), time.process_time()
    pdf = build()
    return time.perf_counter() - start, time.process_time() - start_cpu, pdf


def pages_of(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def compare(label: str, report: Builder, runs: int) -> float:
    """Paired runs of the report and its floor, alternating order; prints and returns the median ratio."""
    for _ in range(3):  # warm up: fonts, shaping tables, body map geometry
        pdf = report()
    floor = floor_builder(pdf)
    floor()
    ratios, cpu_ratios, wall, cpu, floor_wall = [], [], [], [], []
    floor_pdf = b""
    for i in range(runs):
        if i % 2:
            fw, fc, floor_pdf = timed(floor)
            rw, rc, pdf = timed(report)
        else:
            rw, rc, pdf = timed(report)
            fw, fc, floor_pdf = timed(floor)
        ratios.append(rw / fw)
        cpu_ratios.append(rc / fc)
        wall.append(rw)
        cpu.append(rc)
        floor_wall.append(fw)
    ratio = statistics.median(ratios)
    print(f"{label:28s} {pages_of(pdf)} p (floor {pages_of(floor_pdf)} p): "
          f"median {statistics.median(wall) * 1000:6.1f} ms"
          f" (CPU {statistics.median(cpu) * 1000:5.1f} ms), floor {statistics.median(floor_wall) * 1000:6.1f} ms;"
          f" ratio {ratio:4.2f}x wall, {statistics.median(cpu_ratios):4.2f}x CPU (target <= {TARGET_RATIO:.0f}x),"
          f" {runs} pairs")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    cases = {"typical": typical_case(), "urgent": urgent_case(), "long": long_case()}
    assessments: dict[str, Assessment] = {name: assess(doc) for name, doc in cases.items()}

    start = time.perf_counter()
    build_referral(cases["typical"], assessments["typical"], OPTIONS)
    print(f"first referral in this process (cold: fonts, body map): {(time.perf_counter() - start) * 1000:.1f} ms")
    for name, doc in cases.items():
        a = assessments[name]
        for label, build in (("referral", build_referral), ("handout", build_handout)):
            compare(f"{name} {label} ({a.level}{' ' + a.tier if a.tier else ''})",
                    lambda build=build, doc=doc, a=a: build(doc, a, OPTIONS), args.runs)


if __name__ == "__main__":
    main()
