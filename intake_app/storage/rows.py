"""Rows to records and back: the conversions and small helpers every storage module shares."""

from __future__ import annotations

import datetime as dt
import uuid
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.selectable import Select

from intake_app.domain import IntakeDocument, Patient, fold
from intake_app.storage.models import IntakeRow, PatientRow
from intake_app.storage.records import IntakeRecord, IntakeSummary, PatientRecord


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_uuid() -> str:
    """A new intake identifier (random, so it says nothing about the patient or the desk)."""
    return str(uuid.uuid4())


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


class Compiled(NamedTuple):
    """A DriverStatement as SQLAlchemy compiled it for one database."""

    sql: str
    order: tuple[str, ...]  # the bound parameters' names, in the SQL's order
    fixed: dict[str, Any]  # values the statement itself holds ('draft', 1)
    bind: dict[str, Callable[[Any], Any] | None]  # each parameter's conversion for the driver
    names: tuple[str, ...]  # the returned or selected columns
    result: tuple[Callable[[Any], Any] | None, ...]  # each returned column's conversion back


class DriverStatement:
    """A Core statement compiled once per SQLite database and run through the driver's own cursor, on the
    caller's SQLAlchemy connection and inside its transaction (SQLAlchemy began it, and commits or rolls
    it back); on any other database it is executed as the Core statement it is.

    The draft save runs four statements every few seconds per desk, and SQLAlchemy's execution of one
    (events, contexts, result objects) costs several times what SQLite takes to run it. The SQL, the
    parameters' order and the conversions of values both ways (dates, JSON) are SQLAlchemy's own, taken
    from the compiled statement and the columns' types, so both ways store and read the same values.
    """

    def __init__(self, statement: UpdateBase | Select[*tuple[Any, ...]]) -> None:
        self.statement = statement
        self._compiled: weakref.WeakKeyDictionary[Dialect, Compiled] = weakref.WeakKeyDictionary()

    def _compile(self, dialect: Dialect) -> Compiled:
        compiled = self.statement.compile(dialect=dialect)
        order = tuple(compiled.positiontup or ())
        binds = {name: compiled.binds[name] for name in order}
        columns = list(self.statement.exported_columns)
        made = Compiled(
            sql=compiled.string, order=order,
            fixed={name: b.value for name, b in binds.items() if not b.required},
            bind={name: b.type.dialect_impl(dialect).bind_processor(dialect) for name, b in binds.items()},
            names=tuple(str(c.name) for c in columns),
            result=tuple(c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns),
        )
        self._compiled[dialect] = made
        return made

    @staticmethod
    def runs_on(connection: Connection) -> bool:
        """True where statements run through the driver (SQLite); elsewhere they run as Core."""
        return connection.dialect.name == "sqlite"

    def compiled(self, dialect: Dialect) -> Compiled:
        """The SQL, parameter order and conversions for `dialect` (compiled once per database)."""
        return self._compiled.get(dialect) or self._compile(dialect)

    def prepared(self, connection: Connection) -> Compiled | None:
        """The compiled form where the statement runs through the driver (SQLite), else None (Core)."""
        if not DriverStatement.runs_on(connection):
            return None
        return self.compiled(connection.dialect)

    @staticmethod
    def parameters(compiled: Compiled, values: Mapping[str, Any]) -> tuple[Any, ...]:
        """`values` (and the statement's own) in the SQL's order, converted for the driver."""
        bind, fixed = compiled.bind, compiled.fixed
        out = []
        for name in compiled.order:
            value = values[name] if name in values else fixed[name]
            convert = bind[name]
            out.append(value if convert is None or value is None else convert(value))
        return tuple(out)

    def rows(self, connection: Connection, values: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The rows the statement returns (RETURNING, or a SELECT), each as column name -> value."""
        compiled = self.prepared(connection)
        if compiled is None:
            return [dict(row._mapping) for row in connection.execute(self.statement, dict(values))]
        found = execute_on_cursor(connection, compiled.sql, self.parameters(compiled, values), many=False).fetchall()
        names, result = compiled.names, compiled.result
        return [{name: (value if convert is None or value is None else convert(value))
                 for name, convert, value in zip(names, result, row, strict=True)} for row in found]

    def run(self, connection: Connection, values: Sequence[Mapping[str, Any]]) -> None:
        """The statement once per set of values (an INSERT of several rows, an UPDATE)."""
        compiled = self.prepared(connection)
        if compiled is None:
            connection.execute(self.statement, [dict(v) for v in values])
        elif len(values) == 1:
            execute_on_cursor(connection, compiled.sql, self.parameters(compiled, values[0]), many=False)
        else:
            execute_on_cursor(connection, compiled.sql, [self.parameters(compiled, v) for v in values], many=True)


def execute_on_cursor(connection: Connection, sql: str, parameters: Any, *, many: bool) -> Any:
    """Run SQL on the driver's cursor of `connection`. Listeners of the connection's cursor events are told,
    as SQLAlchemy tells them (statement tracing, the tests' statement counts), before and after."""
    driver = connection.connection.driver_connection
    assert driver is not None, "an open connection has its driver's connection"
    cursor = driver.cursor()
    dispatch = connection.dispatch
    try:
        for listener in dispatch.before_cursor_execute:
            listener(connection, cursor, sql, parameters, None, many)
        if many:
            cursor.executemany(sql, parameters)
        else:
            cursor.execute(sql, parameters)
        for listener in dispatch.after_cursor_execute:
            listener(connection, cursor, sql, parameters, None, many)
    except connection.dialect.loaded_dbapi.Error as exc:
        # Raised as SQLAlchemy raises it (a DBAPIError wrapping it; the parameters hidden, as they hold
        # patient data), so callers and `storage_errors` see one kind of failure whichever way it ran.
        raise DBAPIError.instance(sql, None, exc, connection.dialect.loaded_dbapi.Error, hide_parameters=True,
                                  dialect=connection.dialect) from exc
    return cursor


def _patient_values(patient: Patient) -> dict[str, Any]:
    return {
        "family_name": patient.family_name,
        "given_name": patient.given_name,
        "family_fold": fold(patient.family_name),
        "given_fold": fold(patient.given_name),
        "date_of_birth": patient.date_of_birth,
        "sex": patient.sex,
        "phone": patient.phone,
        "phone_digits": digits(patient.phone),
        "mrn": patient.mrn,
        "mrn_fold": fold(patient.mrn),
    }


def _patient(row: Any) -> Patient:
    """The patient of a PatientRow, or of any row holding the patient's columns by name."""
    return Patient(row.family_name, row.given_name, row.date_of_birth, row.sex, row.phone, row.mrn)


def _patient_record(row: PatientRow) -> PatientRecord:
    return PatientRecord(row.id, _patient(row), row.created_at, row.updated_at, row.row_version)


def _intake_record(row: Any, patient: Patient) -> IntakeRecord:
    """The record of an IntakeRow, or of any row holding the intake's columns by name (a Core row)."""
    document = IntakeDocument(
        patient=patient, visit_date=row.visit_date, answers=dict(row.answers), questionnaire=row.questionnaire,
        entered_by=dict(row.entered_by or {}),
    )
    return IntakeRecord(
        id=row.id, patient_id=row.patient_id, status=row.status, document=document,
        rules_version=row.rules_version, level=row.level, tier=row.tier,
        red_flags_not_asked=row.red_flags_not_asked, red_flag_ack_by=row.red_flag_ack_by,
        red_flag_ack_at=row.red_flag_ack_at, created_at=row.created_at, updated_at=row.updated_at,
        completed_at=row.completed_at, row_version=row.row_version, revision=row.revision, amends_id=row.amends_id,
        superseded_by=row.superseded_by, amend_reason=row.amend_reason, amended_by=row.amended_by,
        amended_at=row.amended_at, red_flag_ack_role=row.red_flag_ack_role, intake_uuid=row.intake_uuid or "",
    )


# One Core statement's columns for an intake record: every intake column, and the patient's by name (the
# two tables share no other column name), so `_intake_record(row, _patient(row))` reads one row.
_PATIENT_COLUMNS = (PatientRow.family_name, PatientRow.given_name, PatientRow.date_of_birth, PatientRow.sex,
                    PatientRow.phone, PatientRow.mrn)
_RECORD_COLUMNS: tuple[Any, ...] = (*IntakeRow.__table__.c, *_PATIENT_COLUMNS)


_SUMMARY_COLUMNS = (
    IntakeRow.id, IntakeRow.patient_id, IntakeRow.status, IntakeRow.visit_date, IntakeRow.level, IntakeRow.tier,
    IntakeRow.updated_at, IntakeRow.revision, IntakeRow.red_flag_ack_at, IntakeRow.row_version,
    PatientRow.family_name, PatientRow.given_name, IntakeRow.amends_id,
)


def _summary(row: Any) -> IntakeSummary:
    (intake_id, patient_id, status, visit_date, level, tier, updated_at, revision, ack_at, row_version,
     family, given, amends_id) = row
    return IntakeSummary(
        intake_id, patient_id, status, visit_date, level, tier, updated_at, revision=revision,
        acknowledged=ack_at is not None, row_version=row_version, patient_name=f"{family}, {given}".strip(", "),
        amends_id=amends_id,
    )


def _rules(text: str | None) -> set[str]:
    return {part for part in (text or "").split(",") if part}


def id_ranges(ids: Iterable[int]) -> str:
    """"1-3,7,9-10": record ids, short however many there are."""
    parts: list[str] = []
    start = end = None
    for value in sorted(set(ids)):
        if end is not None and value == end + 1:
            end = value
            continue
        if start is not None:
            parts.append(f"{start}-{end}" if end != start else str(start))
        start = end = value
    if start is not None:
        parts.append(f"{start}-{end}" if end != start else str(start))
    return ",".join(parts)


def names_similar(a: Patient, b: Patient) -> bool:
    """Same family name (folded) and given names that share a first letter, or swapped names."""
    fa, ga, fb, gb = fold(a.family_name), fold(a.given_name), fold(b.family_name), fold(b.given_name)
    if fa == fb and (ga[:1] == gb[:1] or not ga or not gb):
        return True
    if fa == gb and ga == fb:
        return True
    return _edit_distance_at_most_one(fa, fb) and ga[:1] == gb[:1]


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        edits += 1
        if edits > 1:
            return False
        if len(a) == len(b):
            i += 1
        j += 1
    return edits + (len(b) - j) + (len(a) - i) <= 1
