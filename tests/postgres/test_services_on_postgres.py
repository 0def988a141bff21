"""The service, concurrency and exchange behaviour that matters with several desks, on a real PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intake_app.domain import Patient
from intake_app.errors import IntakeError, StaleRecord
from intake_app.services import Clinic
from intake_app.storage import IntakeRecord
from tests.conftest import CLINICIAN_SIGNS as SIGNER
from tests.conftest import FULL_ANSWERS, secret, signed_in_clinic

BORN = dt.date(1970, 1, 2)


@pytest.fixture
def desks(pg_url: str) -> Iterator[tuple[Clinic, Clinic]]:
    """Two desks: two programs, each with its own connection pool, on one server."""
    first = signed_in_clinic(pg_url, "clinician", desk="desk-1")
    second = signed_in_clinic(pg_url, "clinician", desk="desk-2")
    yield first, second
    for desk in (first, second):
        desk.close()


def _answers(record: IntakeRecord, **changes: Any) -> dict[str, Any]:
    answers = {**copy.deepcopy(FULL_ANSWERS), "age_years": record.document.answers["age_years"]}
    answers.update(changes)
    return answers


def _draft(clinic: Clinic, mrn: str = "PG-1", family: str = "Desk") -> IntakeRecord:
    patient = clinic.register_patient(Patient(family, "Alex", BORN, "female", "", mrn))
    return clinic.start_intake(patient.id)


def test_the_second_desk_saving_the_same_intake_is_told_and_shown_the_first(desks: tuple[Clinic, Clinic]) -> None:
    first, second = desks
    draft = _draft(first)
    opened = second.intake(draft.id)
    saved = first.save_draft(draft.id, _answers(draft, pain_score_0_10=2), draft.document.visit_date,
                             expected_version=draft.row_version)
    with pytest.raises(StaleRecord) as refused:
        second.save_draft(draft.id, _answers(draft, pain_score_0_10=9), draft.document.visit_date,
                          expected_version=opened.row_version)
    current = refused.value.current
    assert isinstance(current, IntakeRecord)
    assert current.row_version == saved.row_version
    assert current.document.answers["pain_score_0_10"] == 2
    assert second.intake(draft.id).document.answers["pain_score_0_10"] == 2  # never silently overwritten


def test_two_desks_saving_at_the_same_moment_one_wins(desks: tuple[Clinic, Clinic]) -> None:
    first, second = desks
    draft = _draft(first)
    start = threading.Barrier(2)
    outcomes: dict[int, object] = {}

    def save(desk: Clinic, score: int) -> None:
        start.wait()
        try:
            outcomes[score] = desk.save_draft(draft.id, _answers(draft, pain_score_0_10=score),
                                              draft.document.visit_date, expected_version=draft.row_version)
        except StaleRecord as exc:
            outcomes[score] = exc

    threads = [threading.Thread(target=save, args=(desk, score)) for desk, score in ((first, 3), (second, 8))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    kinds = sorted(type(o).__name__ for o in outcomes.values())
    assert kinds == ["IntakeRecord", "StaleRecord"]
    (winner,) = [score for score, o in outcomes.items() if isinstance(o, IntakeRecord)]
    stored = first.intake(draft.id)
    assert stored.document.answers["pain_score_0_10"] == winner
    assert stored.row_version == draft.row_version + 1


def test_a_completed_intake_refuses_a_late_autosave_and_can_be_amended(desks: tuple[Clinic, Clinic]) -> None:
    first, second = desks
    draft = _draft(first)
    first.complete_intake(draft.id, _answers(draft), draft.document.visit_date)
    with pytest.raises(IntakeError, match="already complete"):
        second.save_draft(draft.id, _answers(draft, pain_score_0_10=1), draft.document.visit_date)
    amended = second.amend_intake(draft.id, "wrong side recorded")
    assert (amended.revision, amended.amends_id, amended.intake_uuid) == (2, draft.id, draft.intake_uuid)
    with pytest.raises(IntakeError, match="already amended"):
        first.amend_intake(draft.id, "again")
    assert [r.id for r in first.revisions(draft.id)] == [draft.id, amended.id]
    assert [s.id for s in first.intakes_for(draft.patient_id)] == [amended.id]


def test_today_puts_the_unacknowledged_urgent_draft_first(desks: tuple[Clinic, Clinic]) -> None:
    first, second = desks
    calm = _draft(first, "PG-2", "Calm")
    first.complete_intake(calm.id, _answers(calm), calm.document.visit_date)
    urgent = _draft(second, "PG-3", "Urgent")
    second.save_draft(urgent.id, _answers(urgent, rf_saddle_numbness="new"), urgent.document.visit_date)
    day = first.today(urgent.document.visit_date)
    assert [(s.id, s.level, s.acknowledged) for s in day[:1]] == [(urgent.id, "urgent", False)]
    second.acknowledge_red_flag(urgent.id, **SIGNER)
    assert [s.acknowledged for s in first.today(urgent.document.visit_date) if s.id == urgent.id] == [True]


def test_backup_points_to_pg_dump(desks: tuple[Clinic, Clinic], tmp_path: Path) -> None:
    first, _ = desks
    first.sign_in("admin", secret())
    with pytest.raises(IntakeError, match="pg_dump"):
        first.backup(tmp_path)
    assert first.daily_backup() is None
    with pytest.raises(IntakeError, match="restore it with the server's own tools") as refused:
        first.restore(tmp_path / "backup.db")
    assert "pg_restore" in str(refused.value) and "back it up" not in str(refused.value)


def test_search_by_name_accent_mrn_and_birth_date(desks: tuple[Clinic, Clinic]) -> None:
    first, _ = desks
    for family, given, mrn, born in (("Ødegård", "Åse", "N500", BORN), ("Odell", "Bo", "N501", dt.date(1981, 3, 4)),
                                     ("Smith", "Jo", "X1", dt.date(1981, 3, 4))):
        first.register_patient(Patient(family, given, born, "female", "", mrn))
    assert [r.patient.family_name for r in first.search_patients("ode")] == ["Odell"]
    assert [r.patient.family_name for r in first.search_patients("ase")] == ["Ødegård"]  # Åse, accent-free
    assert [r.patient.mrn for r in first.search_patients("n50")] == ["N500", "N501"]
    assert {r.patient.family_name for r in first.search_patients("1981-03-04")} == {"Odell", "Smith"}
    assert [r.patient.family_name for r in first.search_patients("smith jo")] == ["Smith"]
    assert first.count_patients() == 3


def test_fhir_export_and_import_between_two_servers_never_duplicates(
    desks: tuple[Clinic, Clinic], postgres_server: Any, tmp_path: Path
) -> None:
    first, _ = desks
    draft = _draft(first)
    first.complete_intake(draft.id, _answers(draft), draft.document.visit_date)
    stream = io.StringIO()
    assert first.export_documents(format="fhir", stream=stream).intake_ids == (draft.id,)
    path = tmp_path / "bundle.json"
    path.write_text(stream.getvalue(), encoding="utf-8")
    other = signed_in_clinic(postgres_server.create_database("intake_other_site"))
    try:
        (stored,) = other.import_file(path)
        assert (stored.intake_uuid, stored.revision) == (draft.intake_uuid, 1)
        assert [a.cause for a in other.repository.assessments(stored.id)] == ["import", "rescreen"]
        again = other.import_file(path)
        assert (list(again), again.skipped) == ([], [(draft.intake_uuid, 1)])
    finally:
        other.close()
    assert first.import_file(path).skipped == [(draft.intake_uuid, 1)]
    exported = io.StringIO()
    first.export_documents(stream=exported)
    assert len(json.loads(exported.getvalue())) == 1


def test_demo_data_on_postgresql(desks: tuple[Clinic, Clinic]) -> None:
    first, _ = desks
    first.sign_in("admin", secret())
    assert first.add_demo_data(25, seed=3) == 25
    first.sign_in("doctor", secret())
    records = list(first.repository.iter_intakes())
    assert len(records) == 25
    assert len({r.intake_uuid for r in records}) == 25
    assert first.search_patients(records[0].document.patient.family_name[:3])


def test_two_desks_appending_audit_entries_at_once_keep_one_unbroken_chain(desks: tuple[Clinic, Clinic]) -> None:
    """The audit head is read with SELECT ... FOR UPDATE in each write transaction, so two desks never
    chain after the same entry (on the old code there was no chain at all)."""
    failures: list[BaseException] = []
    start = threading.Barrier(2)

    def work(clinic: Clinic, mrn: str) -> None:
        try:
            start.wait()
            for n in range(15):
                record = clinic.register_patient(Patient("Chain", "Alex", BORN, "female", "", f"{mrn}-{n}"))
                clinic.start_intake(record.id)
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(desk, f"C{i}")) for i, desk in enumerate(desks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    first, second = desks
    first.sign_in("admin", secret())
    report = first.verify_audit()
    assert report.ok, report.message
    desks_seen = {e.event.desk for e in first.audit_entries()}
    assert {"desk-1", "desk-2"} <= desks_seen
    second.sign_in("admin", secret())
    assert second.verify_audit().ok  # the other desk's anchor accepts entries the first desk wrote

