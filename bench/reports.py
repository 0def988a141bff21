"""How long a referral summary and a patient handout take to build (figures only, no asserts).

Two synthetic cases (made-up people): a typical sciatica intake, and a long case with symptoms in
every region of both legs, every list answer ticked and a red-flag trace. Each report is built a few
times to warm up (fonts registered, body map simplified), then timed; the median and fastest wall
times and the median CPU time are printed (CPU time is steadier on a busy machine). The first, cold
build in this process is printed too.

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

from intake_app.demo import NO_RED_FLAGS, SCIATICA  # noqa: E402
from intake_app.domain import IntakeDocument, load_questionnaire, parse_document  # noqa: E402
from intake_app.reports import ReportOptions, build_handout, build_referral  # noqa: E402
from intake_app.screening import Assessment, assess  # noqa: E402

VISIT = dt.date(2026, 3, 2)
OPTIONS = ReportOptions("Harbourside Foot Clinic", "4 Quay Street, Exampleton EX9 9ZZ", "01632 960 123", "A4",
                        dt.datetime(2026, 3, 2, 9, 41))


def document(answers: dict[str, Any], family: str, given: str) -> IntakeDocument:
    data = {
        "format": "intake-document/1",
        "questionnaire": "foot-leg-intake/1",
        "patient": {"family_name": family, "given_name": given, "date_of_birth": "1979-11-20", "sex": "female",
                    "phone": "0700 000001", "mrn": "BENCH-0001"},
        "visit_date": VISIT.isoformat(),
        "answers": {"age_years": 46, **answers},
    }
    return parse_document(data, today=VISIT)


def typical_case() -> IntakeDocument:
    return document({**NO_RED_FLAGS, **SCIATICA, "pain_score_0_10": 7, "duration_days": 21}, "Testperson", "Alex")


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
        "weakness_course": "worsening",
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
    }
    family = "Vandenberghe-Oyelaran-Papadimitriou de la Cruz y Montenegro"
    return document(answers, family, "Maximiliana Konstantina Bartholomea Evangelina")


def timed(build: Callable[[IntakeDocument, Assessment, ReportOptions], bytes], doc: IntakeDocument,
          assessment: Assessment, runs: int) -> tuple[float, float, float, int]:
    """Median wall time, fastest wall time and median CPU time (ms), and the page count."""
    for _ in range(3):
        build(doc, assessment, OPTIONS)
    wall, cpu = [], []
    pdf = b""
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = build(doc, assessment, OPTIONS)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    return statistics.median(wall) * 1000, min(wall) * 1000, statistics.median(cpu) * 1000, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    cases = {"typical": typical_case(), "long": long_case()}
    assessments = {name: assess(doc) for name, doc in cases.items()}

    start = time.perf_counter()
    build_referral(cases["typical"], assessments["typical"], OPTIONS)
    print(f"first referral in this process (cold: fonts, body map): {(time.perf_counter() - start) * 1000:.1f} ms")
    for name, doc in cases.items():
        for label, build in (("referral", build_referral), ("handout", build_handout)):
            median, fastest, cpu, pages = timed(build, doc, assessments[name], args.runs)
            print(f"{name:8s} {label:8s} ({assessments[name].level}, {pages} page{'s' if pages > 1 else ''}): "
                  f"median {median:6.1f} ms, fastest {fastest:6.1f} ms, median CPU {cpu:6.1f} ms "
                  f"over {args.runs} runs")


if __name__ == "__main__":
    main()
