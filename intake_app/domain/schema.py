"""The JSON Schema of the intake document, derived from the questionnaire.

The schema file shipped in the package (intake-document-1.schema.json) is this function's output;
a test fails when the two disagree. Regenerate with `python -m intake_app.domain.schema`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from intake_app.domain.questionnaire import SIDES, Question, Questionnaire, load_questionnaire

SCHEMA_PATH = Path(__file__).resolve().parent / "intake-document-1.schema.json"


def _answer_schema(question: Question, regions: list[str]) -> dict[str, Any]:
    if question.type == "integer":
        return {"type": ["integer", "null"], "minimum": question.minimum, "maximum": question.maximum}
    if question.type == "choice":
        return {"enum": [*question.values, None]}
    if question.type == "multi":
        return {"type": ["array", "null"], "items": {"enum": list(question.values)}, "uniqueItems": True}
    if question.type == "per_side_regions":
        side: dict[str, Any] = {"type": ["array", "null"], "items": {"enum": regions}, "uniqueItems": True}
    else:
        side = {"enum": [*question.values, None]}
    return {
        "type": ["object", "null"],
        "properties": {s: side for s in SIDES},
        "additionalProperties": False,
    }


def build_schema(questionnaire: Questionnaire | None = None) -> dict[str, Any]:
    q = questionnaire or load_questionnaire()
    regions = list(q.region_ids)
    patient_props: dict[str, Any] = {}
    for key in ("family_name", "given_name", "date_of_birth", "sex", "phone", "mrn"):
        question = q.question(key)
        if question.type == "text":
            patient_props[key] = {"type": "string", "maxLength": question.max_length}
            if question.required:
                patient_props[key]["minLength"] = 1
        elif question.type == "date":
            patient_props[key] = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        else:
            patient_props[key] = {"enum": list(question.values)}
    required_patient = [k for k in patient_props if q.question(k).required]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://intake-app.invalid/schemas/intake-document-1.schema.json",
        "title": "Foot & Leg Intake document (intake-document/1)",
        "type": "object",
        "required": ["format", "questionnaire", "patient", "visit_date", "answers"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": "intake-document/1"},
            "questionnaire": {"const": q.ref},
            "patient": {
                "type": "object",
                "required": required_patient,
                "additionalProperties": False,
                "properties": patient_props,
            },
            "visit_date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "answers": {
                "type": "object",
                "additionalProperties": False,
                "properties": {question.id: _answer_schema(question, regions) for question in q.answer_questions},
            },
        },
    }


def render_schema() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def load_shipped_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


if __name__ == "__main__":
    SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH.name}")
