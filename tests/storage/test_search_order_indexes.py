"""Issue 14 target 1, migration 0008: the birth-date and MRN indexes give their list order (then the id) and hold
the other searched columns, so a name search listed by birth date or MRN walks that index in order, testing the
names on it, and stops at the page; a 0007 database keeps every patient and search result through 0008 and back;
the bulk loader builds the wide indexes again after a load."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from intake_app.storage import close_engine, create_database_engine, search, upgrade
from intake_app.storage.database import _alembic_config, current_revision
from tests.storage import index_migrations

WIDE = {"ix_patients_date_of_birth": ("date_of_birth", "id", "family_fold", "given_fold", "mrn_fold"),
        "ix_patients_mrn_fold": ("mrn_fold", "id", "family_fold", "given_fold", "date_of_birth")}
NARROW = {"ix_patients_date_of_birth": ("date_of_birth",), "ix_patients_mrn_fold": ("mrn_fold",)}
QUERIES = ("", "m", "b", "ma", "m b", "ma va", "b m", "mason", "1971-03-04", "d0", "d00", "va ma")














def test_a_0007_database_keeps_every_patient_and_search_result_through_0008_and_back(tmp_path: Path) -> None:
    path = index_migrations.database_with_people(tmp_path, "0007")
    rows = index_migrations.patient_rows(path)
    assert index_migrations.index_columns(path, WIDE) == NARROW
    engine = create_database_engine(f"sqlite:///{path}")
    expected = index_migrations.expected(engine, QUERIES)
    assert sum(len(ids) for ids in expected.values()) > 10_000  # the queries do find patients
    assert upgrade(engine)
    assert current_revision(engine) == "0008"
    assert index_migrations.index_columns(path, WIDE) == WIDE
    assert index_migrations.patient_rows(path) == rows
    assert index_migrations.found(engine, QUERIES) == expected  # the same patients in the same order

    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    assert current_revision(engine) == "0007"
    assert index_migrations.index_columns(path, WIDE) == NARROW
    assert index_migrations.patient_rows(path) == rows
    assert upgrade(engine)  # and up again
    assert index_migrations.index_columns(path, WIDE) == WIDE
    assert index_migrations.patient_rows(path) == rows
    assert index_migrations.found(engine, QUERIES) == expected
    close_engine(engine)


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = index_migrations.crowd(tmp_path_factory.mktemp("crowd") / "crowd.db")
    yield engine
    close_engine(engine)


def _explained(engine: Engine, query: str, sort: str, descending: bool = False) -> list[tuple[search.Plan, str]]:
    """Each arm's plan as the search chooses it, and SQLite's EXPLAIN QUERY PLAN of its statement."""
    parsed = search.parse_query(query, sort)
    with Session(engine) as session:
        connection = session.connection()
        plans = search._plans(connection, parsed, search.SEARCH_LIMIT)
        out = []
        for arm, plan in zip(parsed.arms, plans, strict=True):
            sql, parameters = search.arm_sql(arm, parsed.sort, plan, descending=descending, need=search.SEARCH_LIMIT)
            steps = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters).all()
            out.append((plan, " | ".join(str(step[-1]) for step in steps)))
    return out


@pytest.mark.parametrize(("sort", "index"), [("born", "ix_patients_date_of_birth"), ("mrn", "ix_patients_mrn_fold")])
@pytest.mark.parametrize("descending", [False, True])
def test_two_common_first_letters_walk_the_order_index_testing_both_names_on_it(
    crowd: Engine, sort: str, index: str, descending: bool
) -> None:
    """'m b' and 'b m': both arms of two crowded ranges are read in the list's order from the order's own index,
    the names tested on its entries: no table read, no sort (before 0008: each name range read whole from a name
    index and sorted, about 190,000 entries at a million patients)."""
    for query in ("m b", "b m"):
        walked = [(plan, explained) for plan, explained in _explained(crowd, query, sort, descending)
                  if plan.index == index]
        assert len(walked) == 2, (query, walked)
        for plan, explained in walked:
            assert not plan.sorted
            assert explained == f"SCAN patients USING COVERING INDEX {index}", explained


@pytest.mark.parametrize("sort", ["born", "mrn"])
def test_an_mrn_or_birth_date_search_in_the_other_order_never_reads_the_table_per_entry(
    crowd: Engine, sort: str
) -> None:
    """An MRN prefix listed by birth date (or a birth date by MRN): the order's index holds the other column."""
    query = "d00" if sort == "born" else "1971-03-04"
    [(_plan, explained)] = _explained(crowd, query, sort)
    assert "COVERING INDEX" in explained, explained


def test_the_bulk_loader_rebuilds_the_wide_order_indexes(tmp_path: Path) -> None:
    assert index_migrations.index_columns_after_bulk_load(tmp_path / "load.db", WIDE) == WIDE
