"""A fixed set of synthetic documents whose assessments pin the engine's behaviour per rules version.

A refactor (moving rules between modules) must leave the digest unchanged; a rule change bumps
RULES_VERSION and adds a new digest. Seeded, so the same documents come back on every run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from typing import Any

from intake_app.domain import IntakeDocument, Question, load_questionnaire, parse_document
from intake_app.screening import assess

VISIT = dt.date(2026, 3, 2)


def _answer(rng: random.Random, question: Question, regions: tuple[str, ...]) -> Any:
    if question.type == "per_side_text":
        return {side: "hard to describe" for side in ("left", "right") if rng.random() < 0.3}
    if question.type == "per_side_regions":
        return {side: rng.sample(regions, rng.randint(0, 3)) for side in ("left", "right") if rng.random() < 0.7}
    if question.type == "per_side_choice":
        return {side: rng.choice(question.values) for side in ("left", "right") if rng.random() < 0.8}
    if question.type == "choice":
        if question.red_flag:
            return "no" if rng.random() < 0.85 else rng.choice(question.values)
        return rng.choice(question.values)
    if question.type == "multi":
        free = [v for v in question.values if v not in question.exclusive]
        if question.exclusive and rng.random() < 0.3:
            return [question.exclusive[0]]
        return rng.sample(free, rng.randint(0, min(3, len(free))))
    if question.type == "integer":
        assert question.minimum is not None and question.maximum is not None
        return rng.randint(question.minimum, min(question.maximum, 200))
    return None


def golden_documents(ref: str, count: int = 600, seed: int = 20261129) -> list[IntakeDocument]:
    rng = random.Random(seed)
    questionnaire = load_questionnaire(ref)
    regions = questionnaire.region_ids
    questions = [q for q in questionnaire.answer_questions if q.id != "age_years" and q.type != "text"]
    documents = []
    for i in range(count):
        age = rng.randint(5, 95)
        answers = {q.id: _answer(rng, q, regions) for q in questions if rng.random() < 0.8}
        answers["age_years"] = age
        raw = {
            "format": "intake-document/1",
            "questionnaire": ref,
            "patient": {"family_name": f"Golden{i}", "given_name": "Synthetic",
                        "date_of_birth": dt.date(VISIT.year - age - 1, 11, 20).isoformat(), "sex": "unknown"},
            "visit_date": VISIT.isoformat(),
            "answers": {k: v for k, v in answers.items() if v is not None},
        }
        documents.append(parse_document(raw, today=VISIT))
    return documents


def behaviour_digest(refs: tuple[str, ...] = ("foot-leg-intake/1", "foot-leg-intake/2")) -> str:
    """sha256 over the JSON of every golden document's assessment (documents of each version)."""
    digest = hashlib.sha256()
    for ref in refs:
        for document in golden_documents(ref):
            digest.update(json.dumps(assess(document).to_json(), sort_keys=True).encode())
    return digest.hexdigest()
