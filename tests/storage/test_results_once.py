"""Issue 14 items 1 and 3, migration 0006: each distinct assessment stored once (every path), the patient
count kept by triggers, who entered each answer stored with the intake, and a 0005 database moved intact."""

from __future__ import annotations

import copy
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from intake_app.domain import IntakeDocument, Patient
from intake_app.errors import IntakeError, StaleRecord
from intake_app.services import Clinic
from intake_app.storage import Repository, close_engine, create_database_engine, upgrade
from intake_app.storage.bulk import bulk_load
from intake_app.storage.results import digest_of
from tests.conftest import FULL_ANSWERS, synthetic_document
from tests.reliability.helpers import database_at


def _patient(family: str, mrn: str) -> Patient:
    return Patient(family, "Alex", dt.date(1970, 1, 2), "female", "", mrn)


def _answers(**changes: Any) -> dict[str, Any]:
    answers = copy.deepcopy(FULL_ANSWERS)
    answers["age_years"] = Patient("x", "y", dt.date(1970, 1, 2)).age_on(dt.date.today())
    answers.update(changes)
    return answers


def _file(clinic: Clinic) -> Path:
    return Path(str(clinic.repository.engine.url.database))


def _count(path: Path, sql: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(sql).fetchone()[0])
    finally:
        connection.close()


# --- a 0005 database moved by the migration ------------------------------------------------------------

RESULTS = [  # as 0005 stored them: one JSON copy per assessment, key order as written
    {"level": "likely", "tier": None, "rules_version": "2026.1", "reasons": [{"rule": "S1", "text": "Schmerz"}]},
    {"tier": None, "level": "likely", "rules_version": "2026.1", "reasons": [{"text": "Schmerz", "rule": "S1"}]},
    {"level": "urgent", "tier": "E", "rules_version": "2026.1", "reasons": [{"rule": "R1", "text": "ü 🙂"}]},
    {"level": "possible", "tier": None, "rules_version": "2025.9", "reasons": []},
]


def _database_0005(tmp_path: Path) -> Path:
    path = database_at(tmp_path / "old.db", "0005")  # patient 1 with draft intake 1
    connection = sqlite3.connect(path)
    with connection:
        for n in range(2, 7):
            connection.execute(
                "INSERT INTO patients (id, family_name, given_name, family_fold, given_fold, sex, phone, phone_digits,"
                " mrn, mrn_fold, created_at, updated_at) VALUES (?, 'Person', 'Sam', 'person', 'sam', 'male', '', '',"
                " ?, ?, '2026-01-01 00:00:00', '2026-01-01 00:00:00')", (n, f"M{n}", f"m{n}"))
            connection.execute(
                "INSERT INTO intakes (id, patient_id, status, questionnaire, visit_date, answers, red_flags_not_asked,"
                " created_at, updated_at, completed_at, level) VALUES (?, ?, 'complete', 'foot-leg-intake/1',"
                " '2026-01-02', '{\"age_years\": 45}', 0, '2026-01-02 00:00:00', '2026-01-02 00:00:00',"
                " '2026-01-02 00:00:00', 'likely')", (n, n))
        rows = [(n, RESULTS[n % len(RESULTS)]) for n in range(2, 7)] + [(2, RESULTS[2]), (3, RESULTS[0])]
        for intake_id, result in rows:
            connection.execute(
                "INSERT INTO assessments (intake_id, rules_version, level, tier, result, cause, created_at) "
                "VALUES (?, ?, ?, ?, ?, 'complete', '2026-01-02 00:00:00')",
                (intake_id, result["rules_version"], result["level"], result["tier"], json.dumps(result)))
    connection.close()
    return path


def test_a_0005_database_keeps_every_assessment_identical_and_stores_each_result_once(tmp_path: Path) -> None:
    path = _database_0005(tmp_path)
    connection = sqlite3.connect(path)
    before = connection.execute("SELECT id, intake_id, rules_version, level, tier, result, cause, created_at "
                                "FROM assessments ORDER BY id").fetchall()
    connection.close()
    engine = create_database_engine(f"sqlite:///{path}")
    assert upgrade(engine) is True
    repository = Repository(engine)
    try:
        after = [a for intake_id in range(1, 7) for a in repository.assessments(intake_id)]
        assert [(a.id, a.intake_id, a.rules_version, a.level, a.tier, a.cause) for a in after] == [
            (*row[:5], row[6]) for row in sorted(before, key=lambda r: (r[1], r[0]))]
        by_id = {a.id: a.result for a in after}
        for row in before:
            stored = json.loads(row[5])
            assert by_id[row[0]] == stored
        # The first two results are equal as data (keys in another order): stored once, as first written.
        assert _count(path, "SELECT count(*) FROM assessment_results") == len({digest_of(r) for r in RESULTS})
        first_text = sqlite3.connect(path).execute("SELECT result FROM assessment_results ORDER BY id").fetchone()[0]
        assert first_text == before[0][5]  # the JSON text exactly as 0005 stored it
        assert repository.count_patients() == 6
        assert all(repository.get_intake(n).document.entered_by == {} for n in range(1, 7))
        assert _count(path, "SELECT count(*) FROM intakes WHERE entered_by = '{}'") == 6
    finally:
        close_engine(engine)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("PRAGMA foreign_key_check").fetchall() == []
    check.close()


# --- every path stores a result once -------------------------------------------------------------------


def test_completing_and_rescreening_store_each_distinct_result_once(clinic: Clinic) -> None:
    records = []
    for n in range(3):
        draft = clinic.start_intake(clinic.register_patient(_patient(f"Same{n}", f"S-{n}")).id)
        records.append(clinic.complete_intake(draft.id, _answers(), draft.document.visit_date)[0])
    other = clinic.start_intake(clinic.register_patient(_patient("Other", "O-1")).id)
    clinic.complete_intake(other.id, _answers(pain_score_0_10=2), other.document.visit_date)
    path = _file(clinic)
    assert _count(path, "SELECT count(*) FROM assessments") == 4
    assert _count(path, "SELECT count(DISTINCT result_id) FROM assessments") == _count(
        path, "SELECT count(*) FROM assessment_results")
    stored = clinic.repository.assessments(records[0].id)[0].result
    assert all(clinic.repository.assessments(r.id)[0].result == stored for r in records)
    results_before = _count(path, "SELECT count(*) FROM assessment_results")
    clinic.repository.store_assessment(records[1].id, stored, "rescreen", actor=clinic.signed_in)  # type: ignore[arg-type]
    assert _count(path, "SELECT count(*) FROM assessment_results") == results_before
    assert [a.result for a in clinic.repository.assessments(records[1].id)] == [stored, stored]


def test_an_import_and_the_bulk_loader_store_each_distinct_result_once(clinic: Clinic, tmp_path: Path) -> None:
    documents = [synthetic_document(**copy.deepcopy(FULL_ANSWERS)) for _ in range(3)]  # complete: screened
    path = tmp_path / "three.json"
    path.write_text(json.dumps(documents), encoding="utf-8")
    clinic.import_file(path)
    database = _file(clinic)
    assert _count(database, "SELECT count(*) FROM assessment_results") == 1
    result = clinic.repository.assessments(1)[0].result

    patients = [_patient(f"Bulk{n}", f"B-{n}") for n in range(30)]
    shared = dict(result)  # the same result as another object, and a new one
    other = dict(result, rules_version="test-other")
    batches = [(patients[i:i + 10], [(k, IntakeDocument(p, dt.date(2026, 1, 2), {"age_years": 40}),
                                       shared if k % 2 else other) for k, p in enumerate(patients[i:i + 10])])
               for i in range(0, 30, 10)]
    assert bulk_load(clinic.repository.engine, batches, expected=30) == 30
    assert _count(database, "SELECT count(*) FROM assessment_results") == 2
    assert _count(database, "SELECT count(*) FROM assessments") == 33
    assert clinic.repository.assessments(4)[0].result == other
    assert clinic.repository.assessments(5)[0].result == shared


# --- the patient count ---------------------------------------------------------------------------------


def test_the_patient_count_is_read_from_the_kept_row_and_follows_inserts_and_deletes(clinic: Clinic) -> None:
    for n in range(3):
        clinic.register_patient(_patient(f"Count{n}", f"C-{n}"))
    assert clinic.count_patients() == 3
    path = _file(clinic)
    batches = [([_patient(f"Bulk{n}", f"K-{n}") for n in range(5)], [])]
    bulk_load(clinic.repository.engine, batches, expected=5)
    assert clinic.count_patients() == 8 == _count(path, "SELECT count(*) FROM patients")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("DELETE FROM patients WHERE id IN (1, 2)")
    assert clinic.count_patients() == 6
    with connection:  # the count is the kept row, not a scan of the table
        connection.execute("UPDATE patient_count SET patients = 12345")
    connection.close()
    assert clinic.count_patients() == 12345


def test_a_large_load_adds_its_count_once_and_keeps_the_triggers(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'big.db'}")
    upgrade(engine)
    patients = [_patient(f"Big{n}", f"G-{n}") for n in range(200)]
    assert bulk_load(engine, [(patients, [])], expected=20_000) == 200  # the rebuild path
    repository = Repository(engine)
    assert repository.count_patients() == 200
    triggers = _count(tmp_path / "big.db", "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")
    assert triggers == 2
    repository.add_patient(_patient("After", "A-1"), actor=_system())
    assert repository.count_patients() == 201
    close_engine(engine)


def _system() -> Any:
    from intake_app.access.roles import SYSTEM

    return SYSTEM


# --- who entered each answer ---------------------------------------------------------------------------


def test_who_entered_each_answer_is_stored_by_every_write_and_read_back(clinic: Clinic, tmp_path: Path) -> None:
    draft = clinic.start_intake(clinic.register_patient(_patient("Who", "W-1")).id)
    visit = draft.document.visit_date
    age = draft.document.answers["age_years"]  # filled in from the date of birth: nobody entered it
    by_patient = clinic.save_draft(draft.id, {"age_years": age, "pain": {"right": ["heel"]}}, visit, by="patient")
    assert dict(by_patient.document.entered_by) == {"pain": "patient"}
    assert dict(clinic.intake(draft.id).document.entered_by) == {"pain": "patient"}
    answers = _answers(age_years=age, pain={"right": ["heel"]})
    record, _ = clinic.complete_intake(draft.id, answers, visit, by="staff")
    stored = dict(clinic.intake(record.id).document.entered_by)
    assert stored["pain"] == "patient" and stored["onset"] == "staff" and "age_years" not in stored
    amended = clinic.amend_intake(record.id, "typo")
    assert dict(amended.document.entered_by) == stored
    with pytest.raises(IntakeError):
        clinic.save_draft(amended.id, answers, visit, entered_by={"no_such_field": "patient"})

    document = synthetic_document(**copy.deepcopy(FULL_ANSWERS))
    document["entered_by"] = {"onset": "patient"}
    path = tmp_path / "who.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    (imported,) = clinic.import_file(path)
    assert dict(clinic.intake(imported.id).document.entered_by) == {"onset": "patient"}


# --- the draft save ------------------------------------------------------------------------------------


def test_a_draft_save_reads_the_intake_once_and_writes_it_in_one_update(clinic: Clinic) -> None:
    draft = clinic.start_intake(clinic.register_patient(_patient("Save", "V-1")).id)
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split()))

    engine = clinic.repository.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        saved = clinic.save_draft(draft.id, _answers(), draft.document.visit_date, expected_version=draft.row_version)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    on_intakes = [s for s in statements if " intakes" in s and "audit" not in s]
    assert len([s for s in on_intakes if s.startswith("SELECT")]) == 1, on_intakes
    updates = [s for s in on_intakes if s.startswith("UPDATE intakes")]
    assert len(updates) == 1 and "row_version =" in updates[0] and "superseded_by IS NULL" in updates[0]
    assert saved.row_version == draft.row_version + 1
    assert clinic.intake(draft.id) == saved


def test_a_stale_or_completed_draft_save_is_refused_and_changes_nothing(clinic: Clinic) -> None:
    draft = clinic.start_intake(clinic.register_patient(_patient("Stale", "T-1")).id)
    visit = draft.document.visit_date
    newer = clinic.save_draft(draft.id, _answers(pain_score_0_10=3), visit, expected_version=draft.row_version)
    path = _file(clinic)
    audit_before = _count(path, "SELECT count(*) FROM audit_log")
    with pytest.raises(StaleRecord) as stale:
        clinic.save_draft(draft.id, _answers(pain_score_0_10=9), visit, expected_version=draft.row_version)
    assert stale.value.current == newer
    assert clinic.intake(draft.id) == newer
    record, _ = clinic.complete_intake(draft.id, _answers(), visit)
    audit_before = _count(path, "SELECT count(*) FROM audit_log")
    with pytest.raises(IntakeError, match="already complete"):
        clinic.save_draft(draft.id, _answers(pain_score_0_10=1), visit)
    assert clinic.intake(draft.id) == record
    assert _count(path, "SELECT count(*) FROM audit_log") == audit_before
