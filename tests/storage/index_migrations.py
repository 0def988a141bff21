"""What the index migrations' tests share (0007 widened the name indexes, 0008 the birth-date and MRN ones): a
database at an older revision with a crowd of look-alike patients, its rows and an index's columns read
straight from SQLite, the search's results for every query in every order, and the plain statement's."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from intake_app.domain import Patient
from intake_app.storage import close_engine, create_database_engine, search, upgrade
from intake_app.storage.bulk import bulk_insert, bulk_load
from tests.reliability.helpers import database_at

SORTS = ("name", "given", "born", "mrn")
Found = dict[tuple[str, str, bool], list[int]]


def index_columns(path: Path, names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    connection = sqlite3.connect(path)
    try:
        return {name: tuple(str(row[2]) for row in connection.execute(f"PRAGMA index_info('{name}')"))
                for name in names}
    finally:
        connection.close()


def patient_rows(path: Path) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT * FROM patients ORDER BY id").fetchall()
    finally:
        connection.close()


def people(count: int) -> list[tuple[str, str, str | None, str]]:
    """Family, given, birth date (some missing), MRN: few names, so ties everywhere."""
    families, givens = ["Mason", "Martin", "Berg", "Vance", "Ma", "Brown"], ["Ma", "Berg", "Mary", "Bo", "Val"]
    return [(families[n % 6], givens[n * 7 % 5], None if n % 9 == 0 else f"19{70 + n % 5}-03-0{1 + n % 4}",
             f"D{(n * 37) % 500:04d}") for n in range(count)]


def database_with_people(tmp_path: Path, revision: str) -> Path:
    """A database at `revision` holding patient 1 (Testperson) and 400 look-alikes, written the way that
    revision's schema takes them."""
    path = database_at(tmp_path / "old.db", revision)
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO patients (family_name, given_name, family_fold, given_fold, date_of_birth, sex, phone,"
            " phone_digits, mrn, mrn_fold, created_at, updated_at) VALUES (?, ?, lower(?), lower(?), ?, 'unknown', '',"
            " '', ?, lower(?), '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
            [(f, g, f, g, born, mrn, mrn) for f, g, born, mrn in people(400)])
    connection.close()
    return path


def crowd(path: Path) -> Engine:
    """3,000 patients whose family and given names mostly start with m or b, at the newest schema."""
    engine = create_database_engine(f"sqlite:///{path}")
    upgrade(engine)
    bulk_insert(engine, [Patient(f, g, dt.date.fromisoformat(born) if born else None, "unknown", "", mrn)
                         for f, g, born, mrn in people(3000)], [])
    return engine


def found(engine: Engine, queries: Iterable[str]) -> Found:
    """The search's patients for each query in each order and direction."""
    with Session(engine) as session:
        return {(query, sort, descending): [int(r.id) for r in search.search_patients(
            session, query, limit=1000, sort=sort, descending=descending)]
            for query in queries for sort in SORTS for descending in (False, True)}


def expected(engine: Engine, queries: Iterable[str]) -> Found:
    """The plain single statement's rows: the reference for what matches and in which order."""
    with Session(engine) as session:
        return {(query, sort, descending): [int(r.id) for r in session.scalars(search.search_statement(
            query, limit=1000, sort=sort, descending=descending))]
            for query in queries for sort in SORTS for descending in (False, True)}


def index_columns_after_bulk_load(path: Path, names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The columns of the indexes `names` after demo-data's loader has loaded 100 patients into a new database
    at `path` (it drops the indexes for the load and builds them again from their stored definitions)."""
    engine = create_database_engine(f"sqlite:///{path}")
    upgrade(engine)
    patients = [Patient(f"Load{n}", "Sam", dt.date(1970, 1, 1), "male", "", f"L-{n}") for n in range(100)]
    try:
        assert bulk_load(engine, [(patients, [])], expected=20_000) == 100
        return index_columns(path, names)
    finally:
        close_engine(engine)
