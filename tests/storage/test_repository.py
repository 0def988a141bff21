"""The repository: patients, search, duplicates, intakes and their assessments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from intake_app.access.roles import Actor, Role
from intake_app.domain import IntakeDocument, Patient
from intake_app.storage import NotFound, PatientRecord, Repository, create_database_engine, upgrade

ACTOR = Actor("frontdesk", Role.FRONT_DESK, "Fran Desk")
CLINICIAN = Actor("doctor", Role.CLINICIAN, "Dr Example")


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'r.db'}")
    upgrade(engine)
    return Repository(engine)


def add(repo: Repository, family: str, given: str, born: str = "1970-05-06", mrn: str = "", phone: str = "") -> int:
    return repo.add_patient(Patient(family, given, dt.date.fromisoformat(born), "female", phone, mrn), actor=ACTOR).id


def names(records: list[PatientRecord]) -> list[str]:
    return [f"{r.patient.family_name} {r.patient.given_name}" for r in records]


@pytest.fixture
def people(repo: Repository) -> Repository:
    add(repo, "Smith", "Joanna", "1980-01-02", "MRN100")
    add(repo, "Smithers", "Paul", "1955-03-04", "MRN200")
    add(repo, "Jones", "Smita", "1990-07-08", "X300")
    add(repo, "Müller", "Jörg", "1961-11-12", "M400")
    add(repo, "Ødegård", "Åse", "1975-05-05", "N500")
    return repo


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("smi", ["Jones Smita", "Smith Joanna", "Smithers Paul"]),
        ("SMITH", ["Smith Joanna", "Smithers Paul"]),
        ("smith jo", ["Smith Joanna"]),
        ("joanna smith", ["Smith Joanna"]),
        ("muller", ["Müller Jörg"]),
        ("MÜL", ["Müller Jörg"]),
        ("jorg", ["Müller Jörg"]),
        ("mrn2", ["Smithers Paul"]),
        ("s", ["Smith Joanna", "Smithers Paul"]),  # one letter: family names only
        ("x3", ["Jones Smita"]),
        ("1961-11-12", ["Müller Jörg"]),
        ("12.11.1961", ["Müller Jörg"]),
        ("zzz", []),
    ],
)
def test_search_by_prefix_case_and_accent_insensitive(people: Repository, query: str, expected: list[str]) -> None:
    assert names(people.search_patients(query)) == expected


def test_empty_search_lists_everyone_in_name_order(people: Repository) -> None:
    assert names(people.search_patients(""))[0] == "Jones Smita"
    assert len(people.search_patients("", limit=2)) == 2
    assert people.count_patients() == 5


def test_likely_duplicates(repo: Repository) -> None:
    add(repo, "Smith", "Joanna", "1980-01-02", "MRN100", "0700 123456")
    same_born_similar = Patient("Smyth", "Jo", dt.date(1980, 1, 2))
    same_mrn = Patient("Other", "Person", dt.date(1999, 9, 9), mrn="mrn100")
    same_phone = Patient("Other", "Person", dt.date(1999, 9, 9), phone="0700-123-456")
    stranger = Patient("Smith", "Joanna", dt.date(1981, 1, 2))
    different_name_same_birthday = Patient("Brown", "Kim", dt.date(1980, 1, 2))
    assert len(repo.find_similar(same_born_similar)) == 1
    assert len(repo.find_similar(same_mrn)) == 1
    assert len(repo.find_similar(same_phone)) == 1
    assert repo.find_similar(stranger) == []
    assert repo.find_similar(different_name_same_birthday) == []


def test_editing_a_patient_keeps_the_intakes(repo: Repository) -> None:
    pid = add(repo, "Smith", "Joanna")
    patient = repo.get_patient(pid).patient
    intake = repo.create_intake(pid, IntakeDocument(patient, dt.date.today(), {"age_years": 50}), actor=ACTOR)
    renamed = Patient("Smith-Brown", "Joanna", patient.date_of_birth, "female", "", "MRN9")
    repo.update_patient(pid, renamed, actor=ACTOR)
    again = repo.get_intake(intake.id)
    assert again.patient_id == pid
    assert again.document.patient.family_name == "Smith-Brown"
    assert [s.id for s in repo.list_intakes(pid)] == [intake.id]


def test_drafts_save_and_completion_stores_the_assessment_history(repo: Repository) -> None:
    pid = add(repo, "Smith", "Joanna")
    patient = repo.get_patient(pid).patient
    record = repo.create_intake(pid, IntakeDocument(patient, dt.date.today(), {}), actor=ACTOR)
    assert record.status == "draft"
    saved = repo.save_draft(record.id, IntakeDocument(patient, dt.date.today(), {"onset": "sudden"}), actor=ACTOR)
    assert saved.document.answers == {"onset": "sudden"}
    result = {"level": "possible", "tier": None, "rules_version": "test-1", "reasons": [], "recommendation": "x",
              "spinal_flag": True}
    done = repo.complete_intake(record.id, saved.document, result, red_flags_not_asked=True, actor=ACTOR)
    assert (done.status, done.level, done.rules_version, done.red_flags_not_asked) == ("complete", "possible",
                                                                                          "test-1", True)
    repo.store_assessment(record.id, dict(result, level="likely", rules_version="test-2"), "rescreen", actor=ACTOR)
    history = repo.assessments(record.id)
    assert [(h.level, h.rules_version, h.cause) for h in history] == [
        ("possible", "test-1", "complete"), ("likely", "test-2", "rescreen")]
    assert repo.get_intake(record.id).level == "likely"


def test_acknowledging_a_red_flag_records_who_and_when(repo: Repository) -> None:
    pid = add(repo, "Smith", "Joanna")
    record = repo.create_intake(pid, IntakeDocument(repo.get_patient(pid).patient, dt.date.today(), {}), actor=ACTOR)
    acked = repo.acknowledge_red_flag(record.id, CLINICIAN, actor=ACTOR)
    assert (acked.red_flag_ack_by, acked.red_flag_ack_role) == ("Dr Example", "clinician")
    assert acked.red_flag_ack_at is not None
    assert repo.audit_entries()[-1][:2] == ("doctor", "intake.red_flag_ack")


def test_audit_trail_holds_ids_and_actions_only(repo: Repository) -> None:
    pid = repo.add_patient(Patient("Secretname", "Hidden", dt.date(1970, 1, 1)), actor=ACTOR).id
    repo.create_intake(pid, IntakeDocument(repo.get_patient(pid).patient, dt.date.today(), {}), actor=ACTOR)
    entries = repo.audit_entries()
    assert [e[1] for e in entries] == ["patient.add", "intake.start"]
    assert all("Secretname" not in str(e) for e in entries)


def test_missing_records_raise_not_found(repo: Repository) -> None:
    with pytest.raises(NotFound):
        repo.get_patient(999)
    with pytest.raises(NotFound):
        repo.get_intake(999)


def test_an_intake_for_a_missing_patient_is_refused_by_foreign_keys(repo: Repository) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    pid = add(repo, "Smith", "Joanna")
    repo.create_intake(pid, IntakeDocument(repo.get_patient(pid).patient, dt.date.today(), {}), actor=ACTOR)
    with pytest.raises(IntegrityError), repo.engine.begin() as connection:
        connection.execute(text("INSERT INTO intakes (patient_id, status, questionnaire, visit_date, answers, "
                                "red_flags_not_asked, created_at, updated_at) VALUES (12345, 'draft', 'q', "
                                "'2026-01-01', '{}', 0, '2026-01-01', '2026-01-01')"))


def test_search_sorts_by_any_column_both_ways(people: Repository) -> None:
    born = [r.patient.date_of_birth for r in people.search_patients("", sort="born")]
    assert born == sorted(born)
    assert names(people.search_patients("", sort="born", descending=True))[0] == "Jones Smita"
    assert names(people.search_patients("smi", sort="mrn")) == ["Smith Joanna", "Smithers Paul", "Jones Smita"]
    with pytest.raises(ValueError, match="unknown sort key"):
        people.search_patients("", sort="shoe_size")
