"""JSON Schemas of the intake document, one per questionnaire version, derived from the questionnaire.

The document format is "intake-document/1" for every questionnaire version; which fields `answers`
may hold depends on the version its `questionnaire` reference names. So each installed
questionnaire version has its own schema file in this folder, named after both:
"intake-document-1.foot-leg-intake-2.schema.json" is the schema of an intake-document/1 whose
questionnaire is foot-leg-intake/2. The shipped files are `build_schema`'s output; a test fails when
one is stale. Regenerate all with `python -m intake_app.domain.schema`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from intake_app.domain.document import ENTERED_BY_VALUES
from intake_app.domain.questionnaire import (
    DEFAULT_QUESTIONNAIRE,
    SIDES,
    Question,
    Questionnaire,
    installed_questionnaires,
    is_reference,
    load_questionnaire,
)

SCHEMA_DIR = Path(__file__).resolve().parent
FORMAT_VERSION = 1  # the "1" of "intake-document/1"

# Text an answer may hold: no control characters except the tab and, in multiline text, line breaks.
_ONE_LINE = r"^[^\u0000-\u0008\u000a-\u001f\u007f-\u009f]*$"
_MULTILINE = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$"


def schema_name(ref: str) -> str:
    """The schema file of questionnaire `ref`: "foot-leg-intake/2" ->
    "intake-document-1.foot-leg-intake-2.schema.json"."""
    qid, _, version = ref.partition("/")
    return f"intake-document-{FORMAT_VERSION}.{qid}-{version}.schema.json"


def schema_path(ref: str) -> Path:
    return SCHEMA_DIR / schema_name(ref)


def _text_schema(question: Question) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": ["string", "null"], "pattern": _MULTILINE if question.multiline else _ONE_LINE}
    if question.max_length is not None:
        schema["maxLength"] = question.max_length
    return schema


def _answer_schema(question: Question, regions: list[str]) -> dict[str, Any]:
    if question.type == "integer":
        return {"type": ["integer", "null"], "minimum": question.minimum, "maximum": question.maximum}
    if question.type == "choice":
        return {"enum": [*question.values, None]}
    if question.type == "multi":
        return {"type": ["array", "null"], "items": {"enum": list(question.values)}, "uniqueItems": True}
    if question.type == "text":
        return _text_schema(question)
    if question.type == "per_side_regions":
        side: dict[str, Any] = {"type": ["array", "null"], "items": {"enum": regions}, "uniqueItems": True}
    elif question.type == "per_side_text":
        side = _text_schema(question)
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
        "$id": f"https://intake-app.invalid/schemas/{schema_name(q.ref)}",
        "title": f"Foot & Leg Intake document (intake-document/{FORMAT_VERSION}, questionnaire {q.ref})",
        "type": "object",
        "required": ["format", "questionnaire", "patient", "visit_date", "answers"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": f"intake-document/{FORMAT_VERSION}"},
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
            "entered_by": {
                "description": "Who entered each answer: answer field name -> patient or staff (optional).",
                "type": "object",
                "propertyNames": {"enum": [question.id for question in q.answer_questions]},
                "additionalProperties": {"enum": list(ENTERED_BY_VALUES)},
            },
        },
    }


def render_schema(ref: str = DEFAULT_QUESTIONNAIRE) -> str:
    return json.dumps(build_schema(load_questionnaire(ref)), indent=2, ensure_ascii=False) + "\n"


def load_shipped_schema(ref: str = DEFAULT_QUESTIONNAIRE) -> dict[str, Any]:
    """The schema file shipped for questionnaire `ref`."""
    data: dict[str, Any] = json.loads(schema_path(ref).read_text(encoding="utf-8"))
    return data


def schema_for_document(document: Mapping[str, Any]) -> dict[str, Any]:
    """The shipped schema for a document, chosen by its `questionnaire` reference (KeyError when
    the document names no installed questionnaire)."""
    ref = document.get("questionnaire")
    if not is_reference(ref) or ref not in installed_questionnaires():
        raise KeyError(f"no schema for questionnaire {str(ref)[:40]!r}")
    assert isinstance(ref, str)
    return load_shipped_schema(ref)


def write_schemas() -> list[Path]:
    """(Re)write the schema file of every installed questionnaire version."""
    written = []
    for ref in installed_questionnaires():
        path = schema_path(ref)
        path.write_text(render_schema(ref), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_schemas():
        print(f"wrote {written_path.name}")
