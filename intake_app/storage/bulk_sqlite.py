"""SQLite's side of the bulk load (storage/bulk.py): values in the form the driver stores them.

The INSERT statements with the load's constants written in as literals, the stored forms of repeating
values (dates, folded names, JSON documents, times as SQLAlchemy's text), and the secondary indexes and
the patient count's triggers that step aside for a large load, recreated from their own stored SQL.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from intake_app.demo import MICROSECONDS, from_epoch
from intake_app.domain import fold
from intake_app.storage.models import AssessmentRow, IntakeRow, PatientRow

TABLES: tuple[Any, ...] = (PatientRow.__table__, IntakeRow.__table__, AssessmentRow.__table__)
_JSON_CACHE_MAX = 8192


def _bind_processor(connection: Connection, column: Any) -> Any:
    """How SQLAlchemy converts a value of this column for this database (None: as it is)."""
    return column.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)


class _Writer:
    """INSERTs for one table straight through the sqlite3 driver, values already in stored form.

    `fixed` columns hold the same value in every row of this load (the load's time stamps, 'complete'):
    they are written into the statement as SQL literals, so the driver does not bind them again for each
    row (about a sixth of the inserts' CPU). Columns the caller does not give get their model default (a
    constant) the same way, so a column added to the model with a default does not break the loader.
    """

    def __init__(self, connection: Connection, table: Any, names: Sequence[str],
                 fixed: Mapping[str, Any] | None = None) -> None:
        self.connection = connection
        constants = dict(fixed or {})
        given = set(names) | set(constants)
        for column in table.columns:
            if column.name in given:
                continue
            default = column.default
            if default is not None and getattr(default, "is_scalar", False):
                bind = _bind_processor(connection, column)
                constants[column.name] = bind(default.arg) if bind else default.arg
        columns = [*names, *constants]
        values = ["?" for _ in names] + [_literal(value) for value in constants.values()]
        self.sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join(values)})"

    def write(self, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            self.connection.exec_driver_sql(self.sql, rows)


def _literal(value: Any) -> str:
    """An SQL literal for a constant of the load (integers, None and text that the loader made itself)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, str) and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no literal for a {type(value).__name__}")


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
        """The phone number's digits (what rows.digits keeps); most numbers are digits and spaces."""
        bare = phone.replace(" ", "")
        return bare if bare.isdigit() else "".join(filter(str.isdigit, phone))

    def json(self, value: Any) -> str:
        cached = self._json.get(id(value))
        if cached is None:
            if len(self._json) >= _JSON_CACHE_MAX:
                self._json.clear()
            cached = self._json[id(value)] = (value, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        return cached[1]


def _naive_utc(value: dt.datetime) -> dt.datetime:
    """A time as stored: naive UTC (aware values converted; naive ones are already stored form)."""
    return value if value.tzinfo is None else value.astimezone(dt.UTC).replace(tzinfo=None)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_SECOND = dt.timedelta(seconds=1)


class _TimeText:
    """Aware times as SQLAlchemy stores a DateTime on SQLite: naive UTC text, microseconds always written
    ("2025-04-10 12:42:50.000000"); the loader checks that the two agree before using this. A whole second in
    UTC is a day's text and a time of day's text, each made once per load (several times faster than
    SQLAlchemy's bind processor, twice as fast as isoformat); any other time goes through isoformat."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}
        self._clock: dict[int, str] = {}

    def __call__(self, value: dt.datetime) -> str:
        if value.tzinfo is not dt.UTC or value.microsecond:
            return value.astimezone(dt.UTC).isoformat(" ", "microseconds")[:26]
        day, second = divmod((value - _EPOCH) // _SECOND, 86400)
        date = self._days.get(day)
        if date is None:
            date = self._days[day] = (_EPOCH + dt.timedelta(days=day)).date().isoformat() + " "
        clock = self._clock.get(second)
        if clock is None:
            clock = self._clock[second] = f"{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}.000000"
        return date + clock

    def epoch_column(self, values: Sequence[int]) -> list[str]:
        """The stored text of each time given as whole microseconds since 1970 UTC (`EpochTimes`' columns):
        whole seconds from the day's and the time of day's texts, without a datetime per value."""
        days, clock, texts = self._days, self._clock, list[str]()
        append = texts.append
        for value in values:
            seconds, fraction = divmod(value, MICROSECONDS)
            day, second = divmod(seconds, 86400)
            if fraction or day not in days or second not in clock:
                append(self(from_epoch(value)))  # also fills both caches for a whole second
            else:
                append(days[day] + clock[second])
        return texts


def _drop_count_triggers(connection: Connection) -> list[str]:
    """Drop the patient count's triggers (migration 0006); returns the SQL that recreates them as stored.
    The load then adds its count in one UPDATE."""
    found = connection.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'patients' ORDER BY name")).all()
    for name, _sql in found:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    return [str(sql) for _name, sql in found]


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
