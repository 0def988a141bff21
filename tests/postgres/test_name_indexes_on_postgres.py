"""Migration 0007 on PostgreSQL: the name indexes widened and narrowed again, every patient and search kept."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from intake_app.domain import Patient
from intake_app.storage import search
from intake_app.storage.database import SCHEMA_HEAD, _alembic_config, current_revision, upgrade
from tests.conftest import signed_in_clinic

WIDE = {("family_fold", "given_fold", "date_of_birth", "mrn_fold"), ("given_fold", "family_fold", "date_of_birth",
                                                                        "mrn_fold")}
NARROW = {("family_fold", "given_fold"), ("given_fold", "family_fold")}


def test_0007_widens_the_name_indexes_and_goes_back_keeping_every_patient(pg_url: str) -> None:
    clinic = signed_in_clinic(pg_url)
    engine = clinic.repository.engine
    for n, (family, given) in enumerate([("Mason", "Bo"), ("Berg", "Ma"), ("Mason", "Bo"), ("Vance", "Mary")]):
        clinic.register_patient(Patient(family, given, dt.date(1970, 1, 1 + n % 2), "female", "",
                                        f"PG-{n}"))

    def indexes() -> set[tuple[str, ...]]:
        found = {ix["name"]: tuple(ix["column_names"]) for ix in inspect(engine).get_indexes("patients")}
        return {found["ix_patients_family_given"], found["ix_patients_given_fold"]}

    def state() -> tuple[list[tuple[object, ...]], dict[tuple[str, str], list[int]]]:
        with Session(engine) as session:
            rows = [tuple(r) for r in session.execute(text("SELECT * FROM patients ORDER BY id"))]
            found = {(query, sort): sorted(int(r.id) for r in search.search_patients(session, query, sort=sort))
                     for query in ("m b", "b m", "mason", "", "pg") for sort in ("name", "born", "mrn")}
        return rows, found

    assert current_revision(engine) == SCHEMA_HEAD and indexes() == WIDE
    before = state()
    assert sum(len(ids) for ids in before[1].values()) > 10
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
    assert current_revision(engine) == "0006" and indexes() == NARROW
    assert state() == before
    assert upgrade(engine)
    assert current_revision(engine) == SCHEMA_HEAD and indexes() == WIDE
    assert state() == before
    engine.dispose()
