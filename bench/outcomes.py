"""How long the screening's record takes over 100,000 completed intakes (issue 17; target under 2 s).

Builds a fresh database in a temporary folder: demo-data's 100,000 made-up patients, each with one
completed intake (storage/bulk.py, as `intake-app demo-data` does), and demo-data's synthetic outcomes for
them (demo_outcomes.py). Then, in this process, with the garbage collector on as in the program:

- "rows + figures": reading the report's rows from the database counted by kind (outcomes_store.case_groups)
  and computing every figure (screening.performance.measure_groups) - what `Clinic.outcomes_performance`
  does; checked once (untimed) against the per-intake path (case_rows + measure), which must give the same;
- "PDF": the same plus building the PDF (reports/outcomes.py) - what `intake-app outcomes report` does;
- "distinct results": the rows + figures again after giving every assessment a stored result of its own
  (migration 0006 stores each distinct result once), so the figures cannot reuse the reading of identical
  results (demo data repeats a few scenarios; a real clinic's results differ more). This is the worst case.

Medians of N runs after one warm-up run, wall-clock and CPU time of this process; printed, never asserted.
Run: .venv/bin/python bench/outcomes.py [--count N] [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_S = 2.0


def build(path: Path, count: int) -> Any:
    from intake_app.access.roles import SYSTEM
    from intake_app.demo import generate_batches
    from intake_app.demo_outcomes import draw_outcomes
    from intake_app.storage import create_database_engine, upgrade
    from intake_app.storage.bulk import bulk_load
    from intake_app.storage.outcomes_store import AuditContext, demo_cases, insert_synthetic_outcomes

    engine = create_database_engine(f"sqlite:///{path}")
    upgrade(engine)
    bulk_load(engine, generate_batches(count, seed=20261125), expected=count)
    now = dt.datetime.now(dt.UTC)
    added = insert_synthetic_outcomes(
        engine, draw_outcomes(list(demo_cases(engine, count)), seed=20261125, today=now.date() + dt.timedelta(90)),
        AuditContext(SYSTEM, "bench", now))
    print(f"built {count:,} intakes with {added:,} synthetic outcomes", file=sys.stderr)
    return engine


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float, float]:
    """(median wall, worst wall, median CPU) seconds; CPU time tells a busy shared machine from slow code."""
    fn()  # warm-up: bytecode, SQLite page cache
    samples = []
    cpu = []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        samples.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(samples), max(samples), statistics.median(cpu)


def make_results_distinct(engine: Any) -> None:
    from sqlalchemy import text

    with engine.begin() as connection:  # the intake id as an extra key: every assessment its own result
        offset = int(connection.execute(text("SELECT coalesce(max(id), 0) FROM assessment_results")).scalar() or 0)
        connection.execute(text(
            "INSERT INTO assessment_results (id, digest, result) SELECT a.id + :offset, 'bench-' || a.id, "
            "json_set(r.result, '$.bench_intake', a.intake_id) FROM assessments a "
            "JOIN assessment_results r ON r.id = a.result_id"), {"offset": offset})
        connection.execute(text("UPDATE assessments SET result_id = id + :offset"), {"offset": offset})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    gc.enable()
    from intake_app.reports.outcomes import build_outcomes_report
    from intake_app.screening.performance import measure, measure_groups
    from intake_app.services.outcomes import rule_names
    from intake_app.storage import close_engine
    from intake_app.storage.outcomes_store import case_groups, case_rows

    names = rule_names()
    with tempfile.TemporaryDirectory(prefix="intake-bench-outcomes-") as folder:
        engine = build(Path(folder) / "outcomes.db", args.count)
        try:
            def figures() -> Any:
                return measure_groups(case_groups(engine))

            if figures() != measure(case_rows(engine)):
                raise SystemExit("the grouped figures differ from the per-intake figures")

            def pdf() -> bytes:
                return build_outcomes_report(figures(), clinic_name="Bench Clinic", rule_names=names)

            rows: list[tuple[str, float, float, float]] = [("rows + figures", *timed(figures, args.runs)),
                                                    ("rows + figures + PDF", *timed(pdf, args.runs))]
            make_results_distinct(engine)
            rows.append(("rows + figures, every result distinct", *timed(figures, args.runs)))
            report = figures()
        finally:
            close_engine(engine)
    print(f"\nscreening's record over {args.count:,} completed intakes ({report.overall.cases:,} counted), "
          f"median of {args.runs} runs")
    print(f"{'measure':<40} {'median':>9} {'worst':>9} {'CPU':>9}  target")
    for label, median, worst, cpu in rows:
        verdict = "ok" if median < TARGET_S else "OVER"
        print(f"{label:<40} {median:>8.2f}s {worst:>8.2f}s {cpu:>8.2f}s  < {TARGET_S:.0f} s {verdict}")


if __name__ == "__main__":
    main()
