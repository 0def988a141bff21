"""The same app and migrations on PostgreSQL: the several-desks set-up, against a real server."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import create_engine, inspect, text

from intake_app.domain import Patient
from intake_app.services import Clinic
from intake_app.storage.database import SCHEMA_HEAD, current_revision
from tests.conftest import signed_in_clinic


def _patient(family: str, given: str, mrn: str) -> Patient:
    return Patient(family_name=family, given_name=given, date_of_birth=dt.date(1970, 1, 2), sex="female",
                   phone="", mrn=mrn)


def test_migrations_build_the_whole_schema_on_postgresql(pg_url: str) -> None:
    clinic = signed_in_clinic(pg_url)
    engine = clinic.repository.engine
    assert current_revision(engine) == SCHEMA_HEAD
    tables = set(inspect(engine).get_table_names())
    assert {"patients", "intakes", "assessments", "audit_log"} <= tables
    with engine.connect() as connection:
        assert connection.execute(text("SHOW server_version")).scalar()
    engine.dispose()


def test_register_search_and_save_a_draft_on_postgresql(pg_url: str, full_document: dict[str, Any]) -> None:
    clinic = signed_in_clinic(pg_url)
    record = clinic.register_patient(_patient("Müller", "Ana", "PG-1"))
    clinic.register_patient(_patient("Muñoz", "Bea", "PG-2"))
    assert [r.patient.family_name for r in clinic.search_patients("mu")] == ["Müller", "Muñoz"]
    assert [r.patient.mrn for r in clinic.search_patients("pg-2")] == ["PG-2"]
    intake = clinic.start_intake(record.id)
    answers = {k: v for k, v in full_document["answers"].items() if k != "age_years"}
    saved = clinic.save_draft(intake.id, answers, intake.document.visit_date)
    again = clinic.intake(saved.id)
    assert again.document.answers["pain"] == full_document["answers"]["pain"]
    clinic.repository.engine.dispose()


def test_a_second_open_finds_the_schema_current(pg_url: str) -> None:
    Clinic.open(pg_url).repository.engine.dispose()
    engine = create_engine(pg_url)
    assert current_revision(engine) == SCHEMA_HEAD
    engine.dispose()
