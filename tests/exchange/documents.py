"""Synthetic intakes for the exchange tests: every answer kind of a questionnaire version, edge
shapes (an empty side, an empty list), red flags left "unknown", free text with line breaks and
names in several scripts. All people here are made up."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from intake_app.domain import IntakeDocument, Questionnaire, load_questionnaire, parse_document
from intake_app.domain.questionnaire import installed_questionnaires
from intake_app.exchange import ExportItem
from intake_app.exchange.items import Status
from intake_app.screening import assess

VISIT = dt.date(2025, 6, 30)
BORN = dt.date(1979, 2, 28)
AGE = 46
FREE_TEXT = "First line: ibuprofen 400 mg\nSecond line — naproxen\tat night; 痛み止め"
ONE_LINE = "Weak when climbing stairs (ünïcödé, 漢字, عربى)"

NAMES = {
    "latin": ("Testperson", "Alex"),
    "accented": ("Nguyễn-Øster", "Zoë Anaïs"),
    "cjk": ("王", "小明"),
    "arabic": ("الحسيني", "ليلى"),
    "greek": ("Παπαδοπούλου", "Ελένη"),
}

VERSIONS = tuple(installed_questionnaires())


def patient(names: tuple[str, str] = NAMES["latin"], *, sex: str = "female", phone: str = "+44 7000 000001",
            mrn: str = "SYN-0001") -> dict[str, Any]:
    return {"family_name": names[0], "given_name": names[1], "date_of_birth": BORN.isoformat(), "sex": sex,
            "phone": phone, "mrn": mrn}


def document(ref: str, answers: dict[str, Any], **patient_details: Any) -> IntakeDocument:
    names = patient_details.pop("names", NAMES["latin"])
    data = {"format": "intake-document/1", "questionnaire": ref, "patient": patient(names, **patient_details),
            "visit_date": VISIT.isoformat(), "answers": {"age_years": AGE, **answers}}
    return parse_document(data)


def _text(question_max: int | None, multiline: bool) -> str:
    text = FREE_TEXT if multiline else ONE_LINE
    return text[:question_max] if question_max else text


def every_answer(questionnaire: Questionnaire) -> dict[str, Any]:
    """An answer to every question of the version, of every kind; odd red flags left unanswered.

    Per-side answers hold one side only or an empty region list on the other; a multiple choice
    takes every option that may go together.
    """
    answers: dict[str, Any] = {}
    red_flags = 0
    regions = list(questionnaire.region_ids)
    for question in questionnaire.answer_questions:
        kind = question.type
        if question.id == "age_years":
            continue
        if question.red_flag:
            red_flags += 1
            if red_flags % 2:
                continue  # left unanswered: stored as "unknown"
            answers[question.id] = next(v for v in question.values if v != "unknown")
        elif kind == "integer":
            assert question.maximum is not None
            answers[question.id] = question.maximum
        elif kind == "choice":
            answers[question.id] = question.values[-1]
        elif kind == "multi":
            answers[question.id] = [v for v in question.values if v not in question.exclusive]
        elif kind == "text":
            answers[question.id] = _text(question.max_length, question.multiline)
        elif kind == "per_side_regions":
            answers[question.id] = {"left": [], "right": regions[:3] + regions[-2:]}
        elif kind == "per_side_choice":
            answers[question.id] = {"left": question.values[-1]}
        elif kind == "per_side_text":
            answers[question.id] = {"right": _text(question.max_length, question.multiline)}
        else:  # pragma: no cover - a new kind must be added here (and to the exchange)
            raise AssertionError(f"no sample answer for {kind}")
    return answers


def rich_document(ref: str, names: tuple[str, str] = NAMES["latin"]) -> IntakeDocument:
    return document(ref, every_answer(load_questionnaire(ref)), names=names)


def item(doc: IntakeDocument, *, revision: int = 1, status: Status = "complete", screened: bool = True,
         patient_id: int | None = 1, intake_uuid: str | None = None) -> ExportItem:
    return ExportItem(
        intake_uuid=intake_uuid or str(uuid.uuid4()), revision=revision, document=doc,
        status=status,
        assessment=assess(doc) if screened else None, patient_id=patient_id,
    )


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def entries(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def flat_items(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every item of a response or questionnaire by linkId, at any depth."""
    found: dict[str, dict[str, Any]] = {}
    for entry in items:
        found[entry["linkId"]] = entry
        found.update(flat_items(entry.get("item", [])))
    return found
