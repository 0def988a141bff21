"""The audit trail in the database: ONE append function that chains entries, and the reads.

`append` runs inside the caller's write transaction: it reads the chain's head (`audit_head`, one row)
with the write lock held (BEGIN IMMEDIATE on SQLite; SELECT ... FOR UPDATE on PostgreSQL, so two desks
appending at once wait for each other), chains the events after it (access/audit_chain.py), inserts them
and moves the head, all in the same transaction as the change they record. The last entry appended is
left in `session.info` for the repository to advance this computer's anchor after the commit. On a
connection (the bulk load) or the driver's connection lent to a draft save (`Statements`), the three
statements run through the driver on SQLite (rows.DriverStatement: the same SQL, in the caller's
transaction).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from sqlalchemy import Select, bindparam, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from intake_app.access.audit_chain import (
    GENESIS_HASH,
    MAX_DETAIL_LENGTH,
    AuditEntry,
    AuditEvent,
    content_hash,
    readable_entries,
)
from intake_app.access.roles import Actor
from intake_app.storage.database import storage_errors
from intake_app.storage.models import AuditHeadRow, AuditRow
from intake_app.storage.rows import DriverStatement, execute_on_cursor

LAST_APPENDED = "intake_audit_last"  # session.info key: the newest AuditEntry this transaction wrote
READ_BATCH = 2000
S = TypeVar("S", bound=Select)  # type: ignore[type-arg]


def stored_time(at: dt.datetime) -> dt.datetime:
    """An aware time as the columns keep it: naive UTC."""
    return at.astimezone(dt.UTC).replace(tzinfo=None)


def shortened(text: str, limit: int = MAX_DETAIL_LENGTH) -> str:
    """At most `limit` characters, cut after the last list separator that fits and marked with "...",
    so a list of ids never ends in a truncated (wrong) number."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 3]
    for separator in (",", " "):
        if separator in cut:
            cut = cut[:cut.rindex(separator) + 1]
            break
    return cut + "..."


# Built once: every write appends an entry, and building a statement costs more than running it.
_HEAD = select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1).with_for_update()
_ENTRY_COLUMNS = ("seq", "at", "who", "role", "action", "desk", "patient_id", "intake_id", "detail", "prev_hash",
                  "entry_hash")
_INSERT = insert(AuditRow).values({name: bindparam(name, type_=AuditRow.__table__.c[name].type)
                                   for name in _ENTRY_COLUMNS})
_MOVE_HEAD = (update(AuditHeadRow).where(AuditHeadRow.id == 1)
              .values(seq=bindparam("new_seq"), hash=bindparam("new_hash")))
_DRIVER_HEAD, _DRIVER_INSERT = DriverStatement(_HEAD), DriverStatement(_INSERT)
_DRIVER_MOVE = DriverStatement(_MOVE_HEAD)
_NEWEST = DriverStatement(select(AuditRow.seq, AuditRow.entry_hash).order_by(AuditRow.seq.desc()).limit(1))
_NEW_HEAD = DriverStatement(insert(AuditHeadRow).values(id=1, seq=bindparam("seq"), hash=bindparam("hash")))


class Statements(Protocol):
    """Where the statements of a transaction run: `OnConnection` (a SQLAlchemy connection), or the
    driver's connection the pool lent a draft save (storage/drafts.py)."""

    def rows(self, statement: DriverStatement, values: Mapping[str, Any]) -> list[dict[str, Any]]: ...

    def changed(self, statement: DriverStatement, values: Mapping[str, Any]) -> int:
        """How many rows the statement (an UPDATE or DELETE) changed."""

    def run(self, statement: DriverStatement, values: Sequence[Mapping[str, Any]]) -> None: ...


class OnConnection:
    """DriverStatements on a SQLAlchemy connection, in its transaction (rows.DriverStatement)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def rows(self, statement: DriverStatement, values: Mapping[str, Any]) -> list[dict[str, Any]]:
        return statement.rows(self.connection, values)

    def changed(self, statement: DriverStatement, values: Mapping[str, Any]) -> int:
        compiled = statement.prepared(self.connection)
        if compiled is None:  # Core, in SQLAlchemy's transaction
            return int(self.connection.execute(statement.statement, dict(values)).rowcount)
        # Through the driver's cursor in the transaction begun on it, as DriverStatement.run does
        parameters = DriverStatement.parameters(compiled, values)
        cursor = execute_on_cursor(self.connection, compiled.sql, parameters, many=False)
        return int(cursor.rowcount)

    def run(self, statement: DriverStatement, values: Sequence[Mapping[str, Any]]) -> None:
        statement.run(self.connection, values)


def _head(db: Session | Statements) -> tuple[int, str]:
    """The head under the write lock (FOR UPDATE: PostgreSQL holds the row until the commit)."""
    if isinstance(db, Session):
        head = db.execute(_HEAD).first()
        if head is not None:
            return int(head[0]), str(head[1])
    else:
        found = db.rows(_DRIVER_HEAD, {})
        if found:
            return int(found[0]["seq"]), str(found[0]["hash"])
    # The head row went missing (deleted by hand): rebuild it from the newest entry; `verify` still
    # judges the chain itself.
    newest = [dict(row._mapping) for row in db.execute(_NEWEST.statement)] if isinstance(db, Session) else (
        db.rows(_NEWEST, {}))
    seq, hash_ = (int(newest[0]["seq"]), str(newest[0]["entry_hash"])) if newest else (0, GENESIS_HASH)
    if isinstance(db, Session):
        db.execute(_NEW_HEAD.statement, {"seq": seq, "hash": hash_})
    else:
        db.run(_NEW_HEAD, [{"seq": seq, "hash": hash_}])
    return seq, hash_


def append(db: Session | Connection | Statements, events: Sequence[AuditEvent]) -> list[AuditEntry]:
    """Chain `events` after the current head and store them, in the caller's (write) transaction."""
    if not events:
        return []
    if isinstance(db, Connection):
        db = OnConnection(db)
    seq, prev_hash = _head(db)
    entries = []
    for event in events:
        seq += 1
        entry = AuditEntry(seq, event, prev_hash, content_hash(seq, event, prev_hash))
        entries.append(entry)
        prev_hash = entry.entry_hash
    rows, moved = [_row(entry) for entry in entries], {"new_seq": seq, "new_hash": prev_hash}
    if not isinstance(db, Session):
        db.run(_DRIVER_INSERT, rows)
        db.run(_DRIVER_MOVE, [moved])
        return entries
    db.execute(_INSERT, rows)
    db.execute(_MOVE_HEAD, moved)
    db.info[LAST_APPENDED] = entries[-1]
    return entries


def _row(entry: AuditEntry) -> dict[str, Any]:
    e = entry.event
    return {"seq": entry.seq, "at": stored_time(e.at), "who": e.who, "role": e.role, "action": e.action,
            "desk": e.desk, "patient_id": e.patient_id, "intake_id": e.intake_id, "detail": e.detail,
            "prev_hash": entry.prev_hash, "entry_hash": entry.entry_hash}


_COLUMNS = (AuditRow.id, AuditRow.seq, AuditRow.at, AuditRow.who, AuditRow.role, AuditRow.action, AuditRow.desk,
            AuditRow.patient_id, AuditRow.intake_id, AuditRow.detail, AuditRow.prev_hash, AuditRow.entry_hash)


def _mapping(row: Any) -> dict[str, Any]:
    values = dict(row._mapping)
    values.pop("id", None)
    return values


def _batch(session: Session, after_id: int, from_seq: int, size: int = READ_BATCH) -> list[Any]:
    """The next `size` stored rows after row id `after_id` (id order), from position `from_seq` on."""
    statement = select(*_COLUMNS).where(AuditRow.id > after_id)
    if from_seq:
        statement = statement.where(AuditRow.seq >= from_seq)
    return list(session.execute(statement.order_by(AuditRow.id).limit(size)).all())


def stored_entries(session: Session, *, from_seq: int = 0) -> Iterator[AuditEntry]:
    """The stored entries in the order they were written (id order) from position `from_seq` on, read in
    batches; a row holding what the program never writes comes out as an entry that fails its check."""
    last_id = 0
    while rows := _batch(session, last_id, from_seq):
        yield from readable_entries(_mapping(row) for row in rows)
        last_id = rows[-1][0]


def filtered(statement: S, *, account: str | None, patient_id: int | None,
             start: dt.datetime | None, end: dt.datetime | None) -> S:
    if account is not None:
        statement = statement.where(func.lower(AuditRow.who) == account.casefold())
    if patient_id is not None:
        statement = statement.where(AuditRow.patient_id == patient_id)
    if start is not None:
        statement = statement.where(AuditRow.at >= stored_time(start))
    if end is not None:
        statement = statement.where(AuditRow.at < stored_time(end))
    return statement


def select_entries(session: Session, *, account: str | None = None, patient_id: int | None = None,
                   start: dt.datetime | None = None, end: dt.datetime | None = None, newest_first: bool = True,
                   limit: int | None = None, offset: int = 0) -> list[AuditEntry]:
    """Entries matching a filter (the viewer): newest first unless asked otherwise."""
    statement = filtered(select(*_COLUMNS), account=account, patient_id=patient_id, start=start, end=end)
    statement = statement.order_by(AuditRow.id.desc() if newest_first else AuditRow.id).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    return list(readable_entries(_mapping(row) for row in session.execute(statement)))


def count_entries(session: Session, *, account: str | None = None, patient_id: int | None = None,
                  start: dt.datetime | None = None, end: dt.datetime | None = None) -> int:
    statement = filtered(select(func.count()).select_from(AuditRow), account=account, patient_id=patient_id,
                         start=start, end=end)
    return int(session.scalar(statement) or 0)


class AuditTrailStore:
    """Repository methods for the audit trail: events stamped with the repository's desk and clock, and
    the reads (see Repository for the rest)."""

    desk: str
    clock: Callable[[], dt.datetime]
    _session: Callable[[], Session]
    _writer: Callable[[], Session]

    def event(self, actor: Actor, action: str, *, patient_id: int | None = None, intake_id: int | None = None,
              detail: str = "", at: dt.datetime | None = None) -> AuditEvent:
        """An audit event by `actor` at this desk, now (or `at`)."""
        return AuditEvent(at=at or self.clock(), who=actor.name, role=actor.role.value, action=str(action),
                          desk=self.desk, patient_id=patient_id, intake_id=intake_id, detail=detail)

    def _audit(self, session: Session, actor: Actor, action: str, *, patient_id: int | None = None,
               intake_id: int | None = None, detail: str = "") -> None:
        append(session, [self.event(actor, action, patient_id=patient_id, intake_id=intake_id,
                                                detail=detail)])

    # --- the audit trail ---------------------------------------------------------------------

    def record(self, actor: Actor, action: str, *, patient_id: int | None = None, intake_id: int | None = None,
               detail: str = "") -> None:
        """An audit entry on its own (a sign-in, a print, a backup), in its own transaction."""
        self.record_events([self.event(actor, action, patient_id=patient_id, intake_id=intake_id, detail=detail)])

    def record_events(self, events: Sequence[AuditEvent]) -> list[AuditEntry]:
        """Several audit entries in one transaction (the view/search queue's writer)."""
        with storage_errors(), self._writer() as session, session.begin():
            return append(session, events)

    def audit_head(self) -> tuple[int, str]:
        """(position, hash) of the newest entry, as the head row says."""
        with storage_errors(), self._session() as session:
            head = session.get(AuditHeadRow, 1)
            return (head.seq, head.hash) if head is not None else (0, "0" * 64)

    def iter_audit(self, *, from_seq: int = 0, batch: int = READ_BATCH) -> Iterator[AuditEntry]:
        """The stored entries in written order from position `from_seq` (streamed for `verify`). Each batch
        (of `batch` entries) is read in its own short session and the connection given back before its
        entries are made and checked: the process has one connection, and a save waits for whoever holds
        it (the anchor's background check, an `audit verify` of a long chain)."""
        last_id = 0
        while True:
            with storage_errors(), self._session() as session:
                rows = _batch(session, last_id, from_seq, batch)
            if not rows:
                return
            yield from readable_entries(_mapping(row) for row in rows)
            last_id = rows[-1][0]

    def audit_log(self, *, account: str | None = None, patient_id: int | None = None,
                  start: dt.datetime | None = None, end: dt.datetime | None = None, newest_first: bool = True,
                  limit: int | None = None, offset: int = 0) -> list[AuditEntry]:
        with storage_errors(), self._session() as session:
            return select_entries(session, account=account, patient_id=patient_id, start=start,
                                              end=end, newest_first=newest_first, limit=limit, offset=offset)

    def count_audit(self, *, account: str | None = None, patient_id: int | None = None,
                    start: dt.datetime | None = None, end: dt.datetime | None = None) -> int:
        with storage_errors(), self._session() as session:
            return count_entries(session, account=account, patient_id=patient_id, start=start, end=end)

    def audit_entries(self) -> list[tuple[str, str, int | None, int | None]]:
        """(who, action, patient id, intake id) of every entry in written order (tests, quick checks)."""
        with storage_errors(), self._session() as session:
            rows = session.execute(
                select(AuditRow.who, AuditRow.action, AuditRow.patient_id, AuditRow.intake_id).order_by(AuditRow.id)
            )
            return [tuple(r) for r in rows]  # type: ignore[misc]
