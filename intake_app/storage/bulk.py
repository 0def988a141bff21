"""Bulk loading of synthetic demo data: many patients and completed intakes in one transaction.

Rows arrive in batches and are written batch by batch, so memory stays flat however many there
are. On SQLite they go straight to the driver as tuples (several times faster than per-row
parameter handling), and when the load is at least as big as what the tables already hold, the
tables' secondary indexes are dropped first and rebuilt from their own stored definitions at the
end (building an index from sorted data beats a million random inserts into it). It is all one
transaction: a failure leaves the database as it was, indexes included.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection, Engine

from intake_app.access.audit_chain import AuditAction, AuditEvent
from intake_app.access.roles import SYSTEM
from intake_app.domain import IntakeDocument, Patient, fold
from intake_app.storage import audit_store
from intake_app.storage.database import storage_errors
from intake_app.storage.models import AssessmentRow, IntakeRow, PatientRow
from intake_app.storage.rows import _patient_values, utcnow

Batch = tuple[Sequence[Patient], Sequence[tuple[int, IntakeDocument, dict[str, Any]]]]
TABLES: tuple[Any, ...] = (PatientRow.__table__, IntakeRow.__table__, AssessmentRow.__table__)
# Below this many new patients, rebuilding the indexes costs more than it saves.
REBUILD_MIN_ROWS = 10_000
# Page cache while loading (KiB): index builds sort in it. The connection's default comes back after.
LOAD_CACHE_KIB = 128 * 1024
_JSON_CACHE_MAX = 8192


def bulk_insert(
    engine: Engine, patients: Sequence[Patient], intakes: Iterable[tuple[int, IntakeDocument, dict[str, Any]]]
) -> None:
    """Insert patients and their completed intakes in one transaction (synthetic demo data).

    `intakes` holds (index into patients, document, assessment JSON).
    """
    bulk_load(engine, [(patients, list(intakes))], expected=len(patients))


def demo_event(patients: int, intakes: int) -> AuditEvent:
    """The audit entry of a load nobody asked for by name: recorded as the program itself."""
    return AuditEvent(at=dt.datetime.now(dt.UTC), who=SYSTEM.name, role=SYSTEM.role.value,
                      action=AuditAction.DEMO_DATA.value, desk="", detail=f"{patients} patients, {intakes} intakes")


def bulk_load(engine: Engine, batches: Iterable[Batch], *, expected: int = 0,
              audit: Callable[[int, int], AuditEvent] = demo_event) -> int:
    """Insert batches of patients with their completed intakes in ONE transaction; returns how many
    patients were added. In each batch an intake's index points into that batch's patients.
    `expected` (about how many patients will come) decides whether rebuilding the indexes pays off.
    `audit(patients, intakes)` gives the audit event, chained in the same transaction.
    """
    now = utcnow()
    with storage_errors(), _loading_connection(engine, expected) as connection, connection.begin():
        if connection.dialect.name == "sqlite":
            added, intakes = _load_sqlite(connection, batches, now, expected)
        else:
            added, intakes = _load_portable(connection, batches, now)
        audit_store.append(connection, [audit(added, intakes)])
    return added


@contextmanager
def _loading_connection(engine: Engine, expected: int) -> Iterator[Connection]:
    """A connection for the load. For a large load into SQLite that nobody else has open, the file
    leaves WAL mode for the load: in WAL every new page is written twice (to the log, then into the
    file), with a rollback journal once, as pages added at the end need no journal. Atomicity is the
    same (the journal, FULL sync). WAL comes back at the end; every new connection sets it anyway."""
    if engine.dialect.name != "sqlite" or expected < REBUILD_MIN_ROWS:
        with engine.connect() as connection:
            yield connection
        return
    engine.dispose()  # idle pooled connections of this process would keep the file in WAL mode
    with engine.connect() as connection:
        # Straight to the driver: a journal mode changes only outside a transaction, and SQLAlchemy
        # would begin one first.
        driver = connection.connection.dbapi_connection
        assert driver is not None
        try:
            mode = driver.execute("PRAGMA journal_mode=TRUNCATE").fetchone()[0]
        except sqlite3.Error:  # another program has the file open: stay in WAL
            mode = "wal"
        try:
            yield connection
        finally:
            if mode != "wal":
                driver.execute("PRAGMA journal_mode=WAL").fetchone()


def _bind_processor(connection: Connection, column: Any) -> Any:
    """How SQLAlchemy converts a value of this column for this database (None: as it is)."""
    return column.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)


def _next_id(connection: Connection, model: Any) -> int:
    return int(connection.scalar(select(model.id).order_by(model.id.desc()).limit(1)) or 0) + 1


def _load_portable(connection: Connection, batches: Iterable[Batch], now: Any) -> tuple[int, int]:
    """Any database: Core executemany per batch."""
    next_patient, next_intake = _next_id(connection, PatientRow), _next_id(connection, IntakeRow)
    added = intakes = 0
    for patients, documents in batches:
        connection.execute(insert(PatientRow), [
            dict(_patient_values(p), id=next_patient + i, created_at=now, updated_at=now)
            for i, p in enumerate(patients)])
        intake_rows, assessment_rows = [], []
        uuids = uuid4_batch(len(documents))
        for n, (index, document, assessment) in enumerate(documents):
            intake_rows.append(dict(_intake_values(document, assessment, now), id=next_intake + n,
                                    patient_id=next_patient + index, intake_uuid=uuids[n]))
            assessment_rows.append(dict(_assessment_values(assessment, now), intake_id=next_intake + n))
        if intake_rows:
            connection.execute(insert(IntakeRow), intake_rows)
            connection.execute(insert(AssessmentRow), assessment_rows)
        next_patient += len(patients)
        next_intake += len(intake_rows)
        added += len(patients)
        intakes += len(intake_rows)
    return added, intakes


_VARIANT = "89ab" * 4  # the RFC 4122 variant: the 17th hex digit is 8, 9, a or b


def uuid4_batch(count: int) -> list[str]:
    """`count` random (version 4) UUIDs as text, about twice as fast as str(uuid.uuid4()) one by one."""
    raw = os.urandom(16 * count).hex()
    return [f"{raw[i:i + 8]}-{raw[i + 8:i + 12]}-4{raw[i + 13:i + 16]}-{_VARIANT[int(raw[i + 16], 16)]}"
            f"{raw[i + 17:i + 20]}-{raw[i + 20:i + 32]}" for i in range(0, 32 * count, 32)]


def _intake_values(document: IntakeDocument, assessment: dict[str, Any], now: Any) -> dict[str, Any]:
    return {
        "status": "complete", "questionnaire": document.questionnaire, "visit_date": document.visit_date,
        "answers": document.answers, "rules_version": assessment["rules_version"], "level": assessment["level"],
        "tier": assessment["tier"], "red_flags_not_asked": False, "created_at": now, "updated_at": now,
        "completed_at": now,
    }


def _assessment_values(assessment: dict[str, Any], now: Any) -> dict[str, Any]:
    return {"rules_version": assessment["rules_version"], "level": assessment["level"], "tier": assessment["tier"],
            "result": assessment, "cause": "complete", "created_at": now}


class _Writer:
    """INSERTs for one table straight through the sqlite3 driver, values already in stored form.

    Columns the caller does not give get their model default (a constant), so a column added to
    the model with a default does not break the loader.
    """

    def __init__(self, connection: Connection, table: Any, names: Sequence[str]) -> None:
        self.connection = connection
        given = set(names)
        defaults = []
        for column in table.columns:
            if column.name in given:
                continue
            default = column.default
            if default is not None and getattr(default, "is_scalar", False):
                bind = _bind_processor(connection, column)
                defaults.append((column.name, bind(default.arg) if bind else default.arg))
        self.extra = tuple(value for _name, value in defaults)
        columns = [*names, *(name for name, _value in defaults)]
        marks = ", ".join("?" for _ in columns)
        self.sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"

    def write(self, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            if self.extra:
                rows = [row + self.extra for row in rows]
            self.connection.exec_driver_sql(self.sql, rows)


class _Encoder:
    """Stored forms of repeating values, each computed once: dates, folded names, JSON documents.

    JSON is cached by object identity; the cache keeps each object alive, so an id is never reused
    for another object while it is cached, and it is emptied when it grows past a bound.
    """

    def __init__(self, connection: Connection) -> None:
        self._bind_date = _bind_processor(connection, PatientRow.__table__.c.date_of_birth) or (lambda v: v)
        self._dates: dict[Any, Any] = {}
        self._folds: dict[str, str] = {}
        self._json: dict[int, tuple[Any, str]] = {}

    def date(self, value: Any) -> Any:
        if value is None:
            return None
        stored = self._dates.get(value)
        if stored is None:
            stored = self._dates[value] = self._bind_date(value)
        return stored

    def fold(self, name: str) -> str:
        folded = self._folds.get(name)
        if folded is None:
            if len(self._folds) > 100_000:
                self._folds.clear()
            folded = self._folds[name] = fold(name)
        return folded

    @staticmethod
    def fold_unique(value: str) -> str:
        """`fold` for values that rarely repeat (MRNs): plain ASCII needs only lower case and no
        surrounding blanks, which is what `fold` makes of it."""
        return value.lower().strip() if value.isascii() else fold(value)

    @staticmethod
    def digits(phone: str) -> str:
        return "".join(filter(str.isdigit, phone))

    def json(self, value: Any) -> str:
        cached = self._json.get(id(value))
        if cached is None:
            if len(self._json) >= _JSON_CACHE_MAX:
                self._json.clear()
            cached = self._json[id(value)] = (value, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        return cached[1]


def _load_sqlite(connection: Connection, batches: Iterable[Batch], now: Any, expected: int) -> tuple[int, int]:
    next_patient, next_intake = _next_id(connection, PatientRow), _next_id(connection, IntakeRow)
    next_assessment = _next_id(connection, AssessmentRow)
    rebuild = expected >= REBUILD_MIN_ROWS and expected >= next_patient - 1
    saved_cache = int(connection.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
    connection.exec_driver_sql(f"PRAGMA cache_size=-{LOAD_CACHE_KIB}")
    try:
        indexes = _drop_indexes(connection) if rebuild else []
        encode = _Encoder(connection)
        stamp = _bind_processor(connection, PatientRow.__table__.c.created_at)
        when = stamp(now) if stamp else now
        patients_out = _Writer(connection, PatientRow.__table__, (
            "id", "family_name", "given_name", "family_fold", "given_fold", "date_of_birth", "sex", "phone",
            "phone_digits", "mrn", "mrn_fold", "created_at", "updated_at"))
        intakes_out = _Writer(connection, IntakeRow.__table__, (
            "id", "patient_id", "status", "questionnaire", "visit_date", "answers", "rules_version", "level",
            "tier", "red_flags_not_asked", "created_at", "updated_at", "completed_at", "intake_uuid"))
        assessments_out = _Writer(connection, AssessmentRow.__table__, (
            "id", "intake_id", "rules_version", "level", "tier", "result", "cause", "created_at"))
        added = intakes = 0
        for patients, documents in batches:
            patients_out.write([
                (next_patient + i, p.family_name, p.given_name, encode.fold(p.family_name), encode.fold(p.given_name),
                 encode.date(p.date_of_birth), p.sex, p.phone, encode.digits(p.phone), p.mrn,
                 encode.fold_unique(p.mrn), when, when)
                for i, p in enumerate(patients)])
            intake_rows, assessment_rows = [], []
            uuids = uuid4_batch(len(documents))
            for n, (index, document, result) in enumerate(documents):
                rules, level, tier = result["rules_version"], result["level"], result["tier"]
                intake_rows.append((
                    next_intake + n, next_patient + index, "complete", document.questionnaire,
                    encode.date(document.visit_date), encode.json(document.answers), rules, level, tier, 0, when,
                    when, when, uuids[n]))
                assessment_rows.append((next_assessment + n, next_intake + n, rules, level, tier,
                                        encode.json(result), "complete", when))
            intakes_out.write(intake_rows)
            assessments_out.write(assessment_rows)
            next_patient += len(patients)
            next_intake += len(intake_rows)
            next_assessment += len(assessment_rows)
            added += len(patients)
            intakes += len(intake_rows)
        for sql in indexes:
            connection.exec_driver_sql(sql)
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={saved_cache}")
    return added, intakes


def _drop_indexes(connection: Connection) -> list[str]:
    """Drop the models' secondary indexes of the loaded tables; returns the SQL that recreates them
    exactly as the database had them."""
    names = {index.name for table in TABLES for index in table.indexes}
    found = connection.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
             "AND tbl_name IN ('patients', 'intakes', 'assessments') ORDER BY name")
    ).all()
    statements = []
    for name, sql in found:
        if name in names:
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
            statements.append(str(sql))
    return statements
