"""Intakes as one CSV file for spreadsheets: one row per intake, one column per answer.

The columns cover every installed questionnaire version (or the ones given), so intakes of version
1 and 2 share one file: a field asked once for both legs in one version and per side in another gets
both its plain column and its `_left`/`_right` columns. Lists are joined with "; ". The file starts
with a UTF-8 byte-order mark so spreadsheet programs read names in any script correctly, and every
cell that a spreadsheet could take for a formula is neutralised with a leading apostrophe.
Values are the questionnaire's codes and field keys, as in the JSON export. After the answers, two
columns say who entered them (the field keys the patient entered, and those staff entered), and the
outcome columns (exchange/outcomes_csv.py) hold the intake's current outcome, empty when none is
recorded.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from intake_app.domain import (
    ENTERED_BY_PATIENT,
    ENTERED_BY_STAFF,
    ENTERED_BY_VALUES,
    Questionnaire,
    load_questionnaire,
)
from intake_app.domain.document import PATIENT_KEYS
from intake_app.domain.questionnaire import SIDES, installed_questionnaires
from intake_app.exchange.cells import BOM, neutralise
from intake_app.exchange.items import ExchangeError, ExportItem
from intake_app.exchange.outcomes_csv import OUTCOME_COLUMNS, outcome_cells
from intake_app.translation_marks import QT_TRANSLATE_NOOP

LIST_SEPARATOR = "; "
INTAKE_COLUMNS = ("intake_uuid", "revision", "status", "questionnaire", "visit_date")
RESULT_COLUMNS = ("level", "tier", "rules_version")
PATIENT_COLUMNS: tuple[str, ...] = PATIENT_KEYS
# Last, after the answers (so the earlier columns keep their places): the answer fields (keys, in
# questionnaire order, "; "-joined) the patient entered and those staff entered. A field in
# neither has no record of who entered it.
ENTERED_BY_COLUMNS = ("entered_by_patient", "entered_by_staff")
# Then, last of all, OUTCOME_COLUMNS: the intake's current outcome (empty cells when none is recorded).


@dataclass(frozen=True)
class AnswerColumn:
    """One answer column: the field, and the side for a per-side field (None for a plain one)."""

    name: str
    field: str
    side: str | None


def _questionnaires(questionnaires: Sequence[Questionnaire] | None) -> list[Questionnaire]:
    if questionnaires is None:
        return [load_questionnaire(ref) for ref in installed_questionnaires()]
    return list(questionnaires)


def answer_columns(questionnaires: Sequence[Questionnaire] | None = None) -> list[AnswerColumn]:
    """The answer columns for these questionnaire versions (default: every installed version).

    Order: the first version's questions in its order; a question new in a later version follows the
    question it follows there.
    """
    ordered: list[AnswerColumn] = []
    for questionnaire in _questionnaires(questionnaires):
        previous: str | None = None
        for question in questionnaire.answer_questions:
            if question.per_side:
                new = [AnswerColumn(f"{question.id}_{side}", question.id, side) for side in SIDES]
            else:
                new = [AnswerColumn(question.id, question.id, None)]
            new = [col for col in new if col not in ordered]
            if new:
                at = _after(ordered, previous)
                ordered[at:at] = new
            previous = question.id
    names = [col.name for col in ordered]
    clashes = sorted({n for n in names if names.count(n) > 1} | (set(names) & _fixed_names()))
    if clashes:
        raise ExchangeError(
            QT_TRANSLATE_NOOP("IntakeError", "Two CSV columns would share the name {clashes}; rename a question."),
            params={"clashes": clashes[0]},
        )
    return ordered


def _after(columns: list[AnswerColumn], field: str | None) -> int:
    """The position just after the last column of `field` (the end when it has none)."""
    if field is None:
        return 0
    positions = [i for i, col in enumerate(columns) if col.field == field]
    return positions[-1] + 1 if positions else len(columns)


def _fixed_names() -> set[str]:
    return (set(INTAKE_COLUMNS) | set(RESULT_COLUMNS) | set(PATIENT_COLUMNS) | set(ENTERED_BY_COLUMNS)
            | set(OUTCOME_COLUMNS))


def csv_columns(questionnaires: Sequence[Questionnaire] | None = None, *, patient_details: bool = True) -> list[str]:
    """The header row: intake columns, result columns, patient columns (unless left out), answers,
    who entered them, the intake's outcome."""
    columns = list(INTAKE_COLUMNS) + list(RESULT_COLUMNS)
    if patient_details:
        columns += PATIENT_COLUMNS
    return (columns + [col.name for col in answer_columns(questionnaires)] + list(ENTERED_BY_COLUMNS)
            + list(OUTCOME_COLUMNS))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    if isinstance(value, Mapping):
        raise ExchangeError(QT_TRANSLATE_NOOP("IntakeError", "A per-side answer reached a single CSV column."))
    return str(value)


def _row(item: ExportItem, answers: list[AnswerColumn], patient_details: bool,
         versions: Mapping[str, Questionnaire]) -> list[str]:
    document = item.document
    questionnaire = versions.get(document.questionnaire)
    if questionnaire is None:
        raise ExchangeError(
            QT_TRANSLATE_NOOP("IntakeError", "The CSV columns do not cover questionnaire {questionnaire}."),
            params={"questionnaire": document.questionnaire},
        )
    result = item.assessment_json or {}
    row: list[Any] = [item.intake_uuid, item.revision, item.status, document.questionnaire,
                      document.visit_date.isoformat(), result.get("level"), result.get("tier"),
                      result.get("rules_version")]
    if patient_details:
        patient = document.patient.to_json()
        row += [patient.get(key) for key in PATIENT_COLUMNS]
    per_side = {q.id: q.per_side for q in questionnaire.answer_questions}
    for column in answers:
        value = document.answers.get(column.field)
        if per_side.get(column.field) is not (column.side is not None):
            value = None  # this version asks the field the other way (or not at all)
        elif column.side is not None:
            value = value.get(column.side) if isinstance(value, Mapping) else None
        row.append(value)
    if any(key not in per_side or who not in ENTERED_BY_VALUES for key, who in document.entered_by.items()):
        raise ExchangeError(
            QT_TRANSLATE_NOOP(
                "IntakeError",
                "An intake records who entered an answer in a form the CSV cannot hold (a "
                "question its questionnaire does not ask, or someone other than the patient or "
                "staff).",
            )
        )
    for who in (ENTERED_BY_PATIENT, ENTERED_BY_STAFF):
        row.append([q.id for q in questionnaire.answer_questions
                    if q.id in document.answers and document.entered_by.get(q.id) == who])
    return [neutralise(_cell(v)) for v in row] + outcome_cells(item.outcome)  # those cells come neutralised


def write_csv(
    items: Iterable[ExportItem],
    stream: TextIO,
    *,
    questionnaires: Sequence[Questionnaire] | None = None,
    patient_details: bool = True,
) -> int:
    """Write the byte-order mark, the header and one row per item to `stream`; return the row count.

    `stream` is a text stream opened with newline="" and encoding "utf-8" (rows end in CRLF as
    RFC 4180 asks; a line break inside an answer stays inside its quoted cell). Give only the
    latest revision of each intake. `patient_details=False` leaves out name, birth date, sex,
    phone and MRN (the intake's UUID still identifies the row).
    """
    versions = _questionnaires(questionnaires)
    answers = answer_columns(versions)
    by_ref = {q.ref: q for q in versions}
    writer = csv.writer(stream, lineterminator="\r\n")
    stream.write(BOM)
    writer.writerow([neutralise(name) for name in csv_columns(versions, patient_details=patient_details)])
    count = 0
    for item in items:
        writer.writerow(_row(item, answers, patient_details, by_ref))
        count += 1
    return count


def csv_bytes(
    items: Iterable[ExportItem],
    *,
    questionnaires: Sequence[Questionnaire] | None = None,
    patient_details: bool = True,
) -> bytes:
    """The whole CSV file as bytes (UTF-8 with its byte-order mark), e.g. for an atomic write."""
    buffer = io.StringIO(newline="")
    write_csv(items, buffer, questionnaires=questionnaires, patient_details=patient_details)
    return buffer.getvalue().encode("utf-8")
