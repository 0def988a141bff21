"""Benchmark of the screening engine: median time of one assessment and throughput.

Builds 10,000 valid synthetic documents, half on questionnaire version 1 and half on version 2
(random answers to every question, some left out as in drafts; fixed seed), then times `assess` on
each. Prints figures only; the target is < 1 ms per document. The garbage collector stays on.
Run: `.venv/bin/python bench/assess.py` (or `make bench`).
"""

from __future__ import annotations

import datetime as dt
import platform
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from intake_app.domain import IntakeDocument, Question, load_questionnaire, parse_document  # noqa: E402
from intake_app.screening import RULES_VERSION, assess  # noqa: E402

COUNT = 10_000
SEED = 20261125
VISIT = dt.date(2026, 3, 2)


def random_answer(rng: random.Random, question: Question, regions: tuple[str, ...]) -> Any:
    if question.type == "text":
        return rng.choice(["", "stiff in the mornings", "see letter"])
    if question.type == "per_side_text":
        return {side: "hard to describe" for side in ("left", "right") if rng.random() < 0.3}
    if question.type == "per_side_regions":
        return {side: rng.sample(regions, rng.randint(0, 4)) for side in ("left", "right") if rng.random() < 0.7}
    if question.type == "per_side_choice":
        return {side: rng.choice(question.values) for side in ("left", "right") if rng.random() < 0.8}
    if question.type == "choice":
        if question.red_flag:  # most patients answer no; a few were not asked or say yes
            return "no" if rng.random() < 0.93 else rng.choice(question.values)
        return rng.choice(question.values)
    if question.type == "multi":
        free = [v for v in question.values if v not in question.exclusive]
        if question.exclusive and rng.random() < 0.3:
            return [question.exclusive[0]]
        return rng.sample(free, rng.randint(0, min(3, len(free))))
    if question.type == "integer":
        assert question.minimum is not None and question.maximum is not None
        return rng.randint(question.minimum, min(question.maximum, 400))
    raise ValueError(question.type)


def make_documents(count: int, seed: int, ref: str | None = None) -> list[IntakeDocument]:
    rng = random.Random(seed)
    questionnaire = load_questionnaire(ref) if ref else load_questionnaire()
    regions = questionnaire.region_ids
    questions = [q for q in questionnaire.answer_questions if q.id != "age_years"]
    documents = []
    for i in range(count):
        age = rng.randint(5, 95)
        answers = {q.id: random_answer(rng, q, regions) for q in questions if rng.random() < 0.85}
        answers["age_years"] = age
        raw = {
            "format": "intake-document/1",
            "questionnaire": questionnaire.ref,
            "patient": {"family_name": f"Bench{i}", "given_name": "Synthetic",
                        "date_of_birth": dt.date(VISIT.year - age - 1, 11, 20).isoformat(), "sex": "unknown"},
            "visit_date": VISIT.isoformat(),
            "answers": answers,
        }
        documents.append(parse_document(raw, today=VISIT))
    return documents


def main() -> None:
    documents = (make_documents(COUNT // 2, SEED, "foot-leg-intake/1")
                 + make_documents(COUNT - COUNT // 2, SEED + 1, "foot-leg-intake/2"))
    for document in documents[:200]:  # warm caches (questionnaire, imports)
        assess(document)
    # The garbage collector stays on: the figures are what the application sees.
    cpu_start = time.process_time()
    single = []
    for document in documents:
        start = time.perf_counter_ns()
        assess(document)
        single.append(time.perf_counter_ns() - start)
    start = time.perf_counter()
    results = [assess(document) for document in documents]
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    single_ms = [ns / 1e6 for ns in single]
    levels = Counter(a.level for a in results)
    print(f"screening benchmark, rules {RULES_VERSION}, Python {platform.python_version()} on {platform.machine()}")
    print(f"documents: {COUNT} (seed {SEED}); levels: "
          + ", ".join(f"{level} {levels[level]}" for level in ("urgent", "likely", "possible", "not_indicated")))
    print(f"CPU time of all timed runs: {cpu:.1f} s (wall time is inflated when other work shares the cores)")
    print(f"one assessment: median {statistics.median(single_ms):.3f} ms, "
          f"p95 {statistics.quantiles(single_ms, n=20)[-1]:.3f} ms, max {max(single_ms):.3f} ms (target < 1 ms)")
    print(f"throughput: {COUNT / elapsed:,.0f} documents/s ({elapsed * 1000:.0f} ms for {COUNT})")


if __name__ == "__main__":
    main()
