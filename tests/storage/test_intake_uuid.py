"""Migration 0003: every intake has a stable UUID, shared by its revisions; (uuid, revision) is unique."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import inspect

from intake_app.errors import StorageError
from intake_app.services import Clinic
from intake_app.storage import close_engine, create_database_engine, upgrade
from intake_app.storage.models import IntakeRow
from tests.reliability.helpers import database_at


def _add_revision(path: Path) -> None:
    """An amended revision 2 of intake 1, and a second original, as 0002 stored them."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE intakes SET status = 'complete', superseded_by = 2 WHERE id = 1")
        for intake_id, amends, revision in ((2, 1, 2), (3, None, 1)):
            connection.execute(
                "INSERT INTO intakes (id, patient_id, status, questionnaire, visit_date, answers,"
                " red_flags_not_asked, created_at, updated_at, revision, amends_id) VALUES"
                " (?, 1, 'draft', 'foot-leg-intake/1', '2026-01-02', '{\"age_years\": 45}', 0,"
                " '2026-01-02 00:00:00', '2026-01-02 00:00:00', ?, ?)", (intake_id, revision, amends))
    connection.close()


def test_the_migration_gives_originals_a_uuid_and_revisions_inherit_it(tmp_path: Path) -> None:
    path = database_at(tmp_path / "old.db", "0002")
    _add_revision(path)
    engine = create_database_engine(f"sqlite:///{path}")
    assert upgrade(engine) is True
    indexes = {i["name"]: i for i in inspect(engine).get_indexes("intakes")}
    assert indexes["ux_intakes_uuid_revision"]["unique"]
    close_engine(engine)
    connection = sqlite3.connect(path)
    found = dict(connection.execute("SELECT id, intake_uuid FROM intakes").fetchall())
    connection.close()
    assert found[1] == found[2]
    assert found[3] != found[1]
    assert all(uuid.UUID(value).version == 4 for value in found.values())


def test_create_sets_a_uuid_and_amend_copies_it(clinic: Clinic, full_document: dict[str, object]) -> None:
    import json

    path = Path(clinic.repository.engine.url.database or "").with_name("in.json")
    path.write_text(json.dumps(full_document), encoding="utf-8")
    (done,) = clinic.import_file(path)
    assert uuid.UUID(done.intake_uuid).version == 4
    amended = clinic.amend_intake(done.id, "a correction")
    assert (amended.intake_uuid, amended.revision) == (done.intake_uuid, 2)
    assert clinic.intake(amended.id).intake_uuid == done.intake_uuid
    started = clinic.start_intake(done.patient_id)
    assert started.intake_uuid not in ("", done.intake_uuid)


def test_the_same_uuid_and_revision_cannot_be_stored_twice(clinic: Clinic) -> None:
    from intake_app.domain import Patient
    from intake_app.storage.database import storage_errors

    patient = clinic.register_patient(Patient("Uniq", "Ue", dt.date(1970, 1, 2), "female", "", "U-1"))
    first = clinic.start_intake(patient.id)
    second = clinic.start_intake(patient.id)
    with pytest.raises(StorageError), storage_errors(), clinic.repository._writer() as session, session.begin():
        row = session.get(IntakeRow, second.id)
        assert row is not None
        row.intake_uuid = first.intake_uuid


def test_bulk_loaded_intakes_get_distinct_version_4_uuids(admin_clinic: Clinic) -> None:
    clinic = admin_clinic
    from intake_app.storage.bulk import uuid4_batch

    for text in uuid4_batch(2000):
        parsed = uuid.UUID(text)
        assert (str(parsed), parsed.version, parsed.variant) == (text, 4, uuid.RFC_4122)
    assert clinic.add_demo_data(40, seed=5) == 40
    found = {r.intake_uuid for r in clinic.repository.iter_intakes()}
    assert len(found) == 40 and all(uuid.UUID(u).version == 4 for u in found)
