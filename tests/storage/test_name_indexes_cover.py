"""Issue 14 target 1, migration 0007: the two name indexes also hold the date of birth and the MRN, so a name
range is sorted into birth-date or MRN order from the index alone (no table read per match); equal names are
listed by birth date then MRN; a 0006 database keeps every patient and search result through 0007 and back."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from intake_app.domain import Patient
from intake_app.storage import close_engine, create_database_engine, search, upgrade
from intake_app.storage.bulk import bulk_insert
from intake_app.storage.database import SCHEMA_HEAD, _alembic_config, current_revision
from tests.storage import index_migrations

WIDE = {"ix_patients_family_given": ("family_fold", "given_fold", "date_of_birth", "mrn_fold"),
        "ix_patients_given_fold": ("given_fold", "family_fold", "date_of_birth", "mrn_fold")}
NARROW = {"ix_patients_family_given": ("family_fold", "given_fold"),
          "ix_patients_given_fold": ("given_fold", "family_fold")}
QUERIES = ("", "m", "b", "ma", "m b", "ma va", "b m", "mason", "1971-03-04", "d0")














def test_a_0006_database_keeps_every_patient_and_search_result_through_0007_and_back(tmp_path: Path) -> None:
    path = index_migrations.database_with_people(tmp_path, "0006")
    rows = index_migrations.patient_rows(path)
    assert index_migrations.index_columns(path, WIDE) == NARROW
    engine = create_database_engine(f"sqlite:///{path}")
    before = index_migrations.found(engine, QUERIES)
    assert upgrade(engine)
    assert current_revision(engine) == SCHEMA_HEAD  # 0007, and any index migration after it
    assert index_migrations.index_columns(path, WIDE) == WIDE
    assert index_migrations.patient_rows(path) == rows
    after = index_migrations.found(engine, QUERIES)
    # Every query finds the same patients, now in the list's order (equal names by birth date, then MRN).
    assert {key: sorted(ids) for key, ids in after.items()} == {key: sorted(ids) for key, ids in before.items()}
    assert after == index_migrations.expected(engine, QUERIES)
    assert sum(len(ids) for ids in after.values()) > 10_000  # the queries do find patients

    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
    assert current_revision(engine) == "0006"
    assert index_migrations.index_columns(path, WIDE) == NARROW
    assert index_migrations.patient_rows(path) == rows
    assert upgrade(engine)  # and up again
    assert index_migrations.index_columns(path, WIDE) == WIDE
    assert index_migrations.patient_rows(path) == rows
    close_engine(engine)


def test_equal_names_are_listed_by_birth_date_then_mrn_a_missing_birth_date_first(tmp_path: Path) -> None:
    """The name orders follow the name index, which now holds the birth date and MRN after the names: on the old
    code equal names came in the order they were added."""
    engine = create_database_engine(f"sqlite:///{tmp_path / 'ties.db'}")
    upgrade(engine)
    added = [("B", dt.date(1990, 5, 1)), ("A", None), ("C", dt.date(1980, 5, 1)), ("A", dt.date(1980, 5, 1)),
             ("D", None)]
    bulk_insert(engine, [Patient("Berg", "Ann", born, "female", "", mrn) for mrn, born in added], [])
    with Session(engine) as session:
        for query, sort in (("berg", "name"), ("berg ann", "name"), ("ann", "given"), ("ann berg", "given")):
            listed = [(r.date_of_birth, r.mrn) for r in search.search_patients(session, query, sort=sort)]
            assert listed == [(None, "A"), (None, "D"), (dt.date(1980, 5, 1), "A"), (dt.date(1980, 5, 1), "C"),
                              (dt.date(1990, 5, 1), "B")], (query, sort)
            backwards = [(r.date_of_birth, r.mrn)
                         for r in search.search_patients(session, query, sort=sort, descending=True)]
            assert backwards == listed[::-1]
    close_engine(engine)


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = index_migrations.crowd(tmp_path_factory.mktemp("crowd") / "crowd.db")
    yield engine
    close_engine(engine)


def _statements(engine: Engine, query: str, sort: str) -> list[str]:
    """EXPLAIN QUERY PLAN of each arm statement the search really runs (its values bound)."""
    ran: list[str] = []
    with Session(engine) as session:
        driver = session.connection().connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        driver.set_trace_callback(ran.append)
        try:
            assert search.search_patients(session, query, sort=sort)
        finally:
            driver.set_trace_callback(None)
        arms = [sql for sql in ran if " INDEXED BY " in sql and sql.startswith("SELECT") and "count(*)" not in sql]
        assert arms, ran
        return [" | ".join(str(step[-1]) for step in driver.execute(f"EXPLAIN QUERY PLAN {sql}"))
                for sql in arms]


@pytest.mark.parametrize("sort", ["born", "mrn"])
@pytest.mark.parametrize("query", ["m b", "ma va", "b m"])
def test_two_word_queries_in_birth_date_and_mrn_order_read_only_a_name_index(
    crowd: Engine, query: str, sort: str
) -> None:
    """Each arm is read from a covering index (a name range sorted, or since migration 0008 the order's own index
    walked): the old index held only the names, so every match was read from the table to sort it (about 14,000
    rows for "m b" at a million patients)."""
    for explained in _statements(crowd, query, sort):
        assert "COVERING INDEX ix_patients_" in explained, explained
        assert "SCAN patients" not in explained or "SCAN patients USING COVERING INDEX" in explained, explained


@pytest.mark.parametrize("query", ["m b", "ma va", "b", "ma", "mason ma"])
def test_name_order_still_reads_the_name_index_in_order_without_a_sort(crowd: Engine, query: str) -> None:
    for explained in _statements(crowd, query, "name"):
        if "ix_patients_family_given" in explained:
            assert "TEMP B-TREE" not in explained, explained
        assert "COVERING INDEX" in explained, explained


def test_the_bulk_loader_rebuilds_the_wide_name_indexes(tmp_path: Path) -> None:
    assert index_migrations.index_columns_after_bulk_load(tmp_path / "load.db", WIDE) == WIDE
