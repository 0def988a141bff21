"""The draft save (the desk saves a draft every few seconds while answers change): its transaction and statements.

An intake is read in ONE statement with its patient's columns (`read_intake`). A save is ONE UPDATE whose
WHERE clause is the whole check (`update_draft`): the row is still a draft, not amended, and (when the
desk names one) still at the version the desk read; the row comes back through RETURNING (every column
but the answers and who entered them, which are the document's), or, when the desk holds the record at
that version, only what an acknowledgement's lapse needs, or nothing (the count of rows changed). Only
when the UPDATE changed nothing is the row read, to say why (`refusal`), and the transaction is then
rolled back, so nothing changed. The audit entry is appended on the same connection
(storage/audit_store.py).

`save` is the whole save in ONE transaction. On SQLite the pool lends the save the process's one
connection itself (database.lent: no SQLAlchemy Connection or pool proxy around it), every statement runs
on it with SQLAlchemy's own SQL and conversions (`OnDriver`, rows.DriverStatement), and the transaction is
begun there with the write lock (BEGIN IMMEDIATE), committed, or rolled back on any failure: SQLAlchemy's
checkout, execution and transaction machinery cost several times what SQLite takes for this work. When
something listens to SQLAlchemy's statement or checkout events (a trace, a test's statement count), the
same statements run on a pooled SQLAlchemy connection instead, so the listeners see them. On any other
database it is SQLAlchemy's transaction and Core statements (PostgreSQL: the audit head is read FOR
UPDATE).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any, Protocol

from sqlalchemy import Update, bindparam, select, update
from sqlalchemy.engine import Connection, Dialect, Engine

from intake_app.access.audit_chain import AuditAction, AuditEntry, AuditEvent
from intake_app.access.roles import Actor
from intake_app.domain import IntakeDocument
from intake_app.errors import IntakeError, StaleRecord
from intake_app.storage import audit_store
from intake_app.storage.audit_store import OnConnection, Statements
from intake_app.storage.database import lends, lent, storage_errors
from intake_app.storage.models import IntakeRow, PatientRow
from intake_app.storage.records import IntakeRecord, LiveResult
from intake_app.storage.rows import _RECORD_COLUMNS, DriverStatement, _intake_record, _patient, _rules, utcnow
from intake_app.translation_marks import QT_TRANSLATE_NOOP

_INTAKES: Any = IntakeRow.__table__
# What the UPDATE returns: every column but the two JSON ones, which the saved document holds.
_RETURNED = tuple(c for c in _INTAKES.c if c.name not in ("answers", "entered_by"))

# The statements are built once, with bound parameters: building a statement costs far more than
# running it (about 0.9 ms of CPU against 0.25 ms for this read), and a draft is saved every few seconds.
_READ = DriverStatement(select(*_RECORD_COLUMNS).join(PatientRow, PatientRow.id == IntakeRow.patient_id)
                        .where(IntakeRow.id == bindparam("intake_id")))


def _draft_update(*, live: bool, versioned: bool, returned: tuple[Any, ...] = _RETURNED) -> Update:
    """UPDATE of a draft's answers; its WHERE clause is the whole check (see `update_draft`). `returned`:
    the columns it returns (none: no RETURNING, the count of rows changed says it all)."""
    def value(name: str) -> Any:
        return bindparam(f"new_{name}", type_=_INTAKES.c[name].type)

    names = ["answers", "visit_date", "entered_by", "updated_at", *(["level", "tier"] if live else [])]
    statement = update(_INTAKES).where(
        _INTAKES.c.id == bindparam("intake_id"), _INTAKES.c.status == "draft", _INTAKES.c.superseded_by.is_(None))
    if versioned:
        statement = statement.where(_INTAKES.c.row_version == bindparam("expected_version"))
    statement = statement.values({**{name: value(name) for name in names}, "row_version": _INTAKES.c.row_version + 1})
    return statement.returning(*returned) if returned else statement


_UPDATES = {(live, versioned): DriverStatement(_draft_update(live=live, versioned=versioned))
            for live in (False, True) for versioned in (False, True)}
# The same UPDATE when the desk holds the record at the version checked (its own last save): the row is
# then exactly that record (every change of an intake moves its version), so only what the lapse check
# needs comes back.
_ON_BASE = {live: DriverStatement(_draft_update(live=live, versioned=True, returned=(_INTAKES.c.red_flag_ack_rules,)))
            for live in (False, True)}
# ...and without RETURNING when no acknowledgement can lapse (no urgent rule fires, or the held record has
# no acknowledgement): the row changed or it did not (SQLite's RETURNING costs about a third of the UPDATE).
_ON_BASE_BARE = {live: DriverStatement(_draft_update(live=live, versioned=True, returned=())) for live in (False, True)}
_LAPSE = DriverStatement(update(_INTAKES).where(_INTAKES.c.id == bindparam("intake_id")).values(red_flag_ack_at=None))


class OnDriver:
    """DriverStatements on the driver's connection the pool lent (SQLite, database.lent), in the caller's
    transaction: the statement's SQL, parameter order and conversions both ways as SQLAlchemy compiled them
    for this database (the same as on a SQLAlchemy connection, rows.DriverStatement)."""

    def __init__(self, driver: sqlite3.Connection, dialect: Dialect) -> None:
        self.driver, self.dialect = driver, dialect

    def rows(self, statement: DriverStatement, values: Mapping[str, Any]) -> list[dict[str, Any]]:
        compiled = statement.compiled(self.dialect)
        found = self.driver.execute(compiled.sql, DriverStatement.parameters(compiled, values)).fetchall()
        names, result = compiled.names, compiled.result
        return [{name: (value if convert is None or value is None else convert(value))
                 for name, convert, value in zip(names, result, row, strict=True)} for row in found]

    def changed(self, statement: DriverStatement, values: Mapping[str, Any]) -> int:
        compiled = statement.compiled(self.dialect)
        return int(self.driver.execute(compiled.sql, DriverStatement.parameters(compiled, values)).rowcount)

    def run(self, statement: DriverStatement, values: Sequence[Mapping[str, Any]]) -> None:
        compiled = statement.compiled(self.dialect)
        if len(values) == 1:
            self.driver.execute(compiled.sql, DriverStatement.parameters(compiled, values[0]))
        else:
            self.driver.executemany(compiled.sql, [DriverStatement.parameters(compiled, v) for v in values])


def _on(db: Connection | Statements) -> Statements:
    return OnConnection(db) if isinstance(db, Connection) else db


def read_row(db: Connection | Statements, intake_id: int) -> Any | None:
    """The intake's columns and its patient's, in one statement (None: no such intake)."""
    found = _on(db).rows(_READ, {"intake_id": intake_id})
    return SimpleNamespace(**found[0]) if found else None


def read_intake(db: Connection | Statements, intake_id: int) -> IntakeRecord | None:
    row = read_row(db, intake_id)
    return None if row is None else _intake_record(row, _patient(row))


def refusal(db: Connection | Statements, intake_id: int, expected_version: int | None) -> Exception | None:
    """Why a draft change found nothing to change (None: no such intake). Stale first, as the desk then
    sees what the other desk stored."""
    row = read_row(db, intake_id)
    if row is None:
        return None
    if expected_version is not None and row.row_version != expected_version:
        return StaleRecord(_intake_record(row, _patient(row)), what="intake")
    if row.superseded_by is not None:
        return IntakeError(
            QT_TRANSLATE_NOOP("IntakeError",
                              "This intake was amended; a newer revision exists, so this one cannot be changed."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Open the newest revision from the patient's intake list."))
    if row.status == "complete":
        return IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "This intake is already complete; nothing was changed."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "To correct it, amend it (a new revision keeps the original)."))
    return IntakeError(  # pragma: no cover
        QT_TRANSLATE_NOOP("IntakeError", "This intake could not be saved as a draft; nothing was changed."))


def update_draft(
    db: Connection | Statements, intake_id: int, document: IntakeDocument, *, expected_version: int | None,
    live: LiveResult | None, urgent_rules: Sequence[str], now: dt.datetime, base: IntakeRecord | None = None,
) -> tuple[IntakeRecord | None, bool]:
    """Store the draft's answers in one UPDATE; returns (the stored record, whether the red-flag
    acknowledgement lapsed), or (None, False) when the row is not a draft at the expected version.

    `base`: the intake as the desk holds it; when it is at `expected_version`, the stored record is made
    from it (the row can only be that record: the version is checked in the same statement) instead of
    returning and converting every column, and the UPDATE returns nothing at all unless an acknowledgement
    could lapse (its count of rows changed says whether the check passed). An acknowledgement lapses when
    the answers now fire an urgent rule it did not cover: the draft is unacknowledged again (who
    acknowledged what stays on the row). That is a second, rare UPDATE in the same transaction, only when
    the answers fire an urgent rule at all."""
    values: dict[str, Any] = {
        "intake_id": intake_id, "new_answers": dict(document.answers), "new_visit_date": document.visit_date,
        "new_entered_by": dict(document.entered_by), "new_updated_at": now,
    }
    if live is not None:
        values["new_level"], values["new_tier"] = live
    if expected_version is not None:
        values["expected_version"] = expected_version
    on = _on(db)
    if base is not None and base.id == intake_id and expected_version == base.row_version:
        level, tier = live if live is not None else (base.level, base.tier)
        acknowledged_at = base.red_flag_ack_at
        if not urgent_rules or acknowledged_at is None:  # nothing can lapse: only whether the row changed
            if not on.changed(_ON_BASE_BARE[live is not None], values):
                return None, False
            return _on_top(base, document=document, level=level, tier=tier, updated_at=now,
                           row_version=base.row_version + 1), False
        returned = on.rows(_ON_BASE[live is not None], values)
        if not returned:
            return None, False
        lapsed = not set(urgent_rules) <= _rules(returned[0]["red_flag_ack_rules"])
        if lapsed:
            on.run(_LAPSE, [{"intake_id": intake_id}])
        return _on_top(base, document=document, level=level, tier=tier, updated_at=now,
                       row_version=base.row_version + 1, red_flag_ack_at=None if lapsed else acknowledged_at), lapsed
    returned = on.rows(_UPDATES[live is not None, expected_version is not None], values)
    if not returned:
        return None, False
    lapsed = (bool(urgent_rules) and returned[0]["red_flag_ack_at"] is not None
              and not set(urgent_rules) <= _rules(returned[0]["red_flag_ack_rules"]))
    if lapsed:
        on.run(_LAPSE, [{"intake_id": intake_id}])
    stored = SimpleNamespace(**returned[0], answers=document.answers, entered_by=document.entered_by)
    if lapsed:
        stored.red_flag_ack_at = None
    return _intake_record(stored, document.patient), lapsed


def _on_top(base: IntakeRecord, **changes: Any) -> IntakeRecord:
    """`dataclasses.replace(base, **changes)` without its walk over every field of the record (about a
    tenth of a save's own work): the fields are copied as they are, and the record has no checks of its
    own to run again (a test keeps the two equal)."""
    record = object.__new__(IntakeRecord)
    record.__dict__.update(base.__dict__, **changes)
    return record


class DraftStore(Protocol):
    """What a save needs of the repository: its engine, its audit events (this desk, its clock), and who
    hears of each commit that appended entries (this computer's anchor)."""

    engine: Engine
    audit_committed: Callable[[AuditEntry], None] | None

    def event(self, actor: Actor, action: str, *, patient_id: int | None = None, intake_id: int | None = None,
              detail: str = "", at: dt.datetime | None = None) -> AuditEvent: ...


def save(
    store: DraftStore, intake_id: int, document: IntakeDocument, *, expected_version: int | None, actor: Actor,
    live: LiveResult | None, urgent_rules: Sequence[str] = (), base: IntakeRecord | None = None,
) -> IntakeRecord:
    """Store a draft's answers and its audit entry in ONE transaction, and return the stored record.

    Refused with nothing changed (the transaction rolled back): StaleRecord (with `.current`) when
    `expected_version` is not the stored one, an IntakeError when the intake is complete or amended,
    NotFound when there is none. `live` (level, tier) goes on the row, so the day list puts an urgent
    draft first; `urgent_rules` are the urgent red flags the answers fire: one the acknowledgement did not
    cover makes the draft unacknowledged again, with its own audit entry. `base`: the intake as the caller
    holds it (see `update_draft`)."""
    with storage_errors(), _statements(store.engine) as on:
        record, lapsed = update_draft(on, intake_id, document, expected_version=expected_version,
                                      live=live, urgent_rules=urgent_rules, now=utcnow(), base=base)
        if record is None:
            refused = refusal(on, intake_id, expected_version)
            if refused is None:
                from intake_app.storage.repository import NotFound

                refused = NotFound(f"intake {intake_id}")
            raise refused
        events = [store.event(actor, AuditAction.INTAKE_RED_FLAG_ACK_LAPSED, patient_id=record.patient_id,
                              intake_id=intake_id)] if lapsed else []
        events.append(store.event(actor, AuditAction.INTAKE_SAVE, patient_id=record.patient_id, intake_id=intake_id))
        entries = audit_store.append(on, events)
    if store.audit_committed is not None:
        store.audit_committed(entries[-1])
    return record


@contextmanager
def _statements(engine: Engine) -> Iterator[Statements]:
    """Where the save's statements run, in ONE write transaction that is committed at the end and rolled
    back on any failure (an exception, a refusal): on SQLite the connection the pool lends (database.lent)
    when nobody listens to SQLAlchemy's events (`lends`), else a pooled SQLAlchemy connection."""
    if lends(engine):
        with lent(engine) as driver:
            driver.execute("BEGIN IMMEDIATE")  # the version check and the write under the write lock
            try:
                yield OnDriver(driver, engine.dialect)
                driver.execute("COMMIT")
            except BaseException:
                driver.rollback()
                raise
        return
    with engine.connect() as connection, _transaction(connection):
        yield OnConnection(connection)


@contextmanager
def _transaction(connection: Connection) -> Iterator[None]:
    """One write transaction on `connection`: on SQLite begun with the write lock on the driver's connection
    (so the version check and the write happen under it), committed at the end, rolled back on any failure
    (an exception, a refusal); elsewhere SQLAlchemy's own."""
    if not DriverStatement.runs_on(connection):
        with connection.begin():
            yield
        return
    driver = connection.connection.driver_connection
    assert driver is not None, "an open connection has its driver's connection"
    driver.execute("BEGIN IMMEDIATE")
    try:
        yield
        driver.execute("COMMIT")
    except BaseException:
        driver.rollback()
        raise
