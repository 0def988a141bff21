"""Patient search: how a typed query becomes index-backed reads (name, MRN, date of birth).

A query is a union of "arms", each a conjunction of index ranges: "ma" is family names from "ma"
OR given names from "ma"; "smith jo" is three arms. One SQL statement with an OR makes SQLite
collect every match of every arm and sort them all (a `MULTI-INDEX OR` and a temporary B-tree:
hundreds of milliseconds for a common prefix at a million patients). Instead, on SQLite each arm
is read on its own, already in the list's order where an index gives it, and only as far as the
page needs (`LIMIT offset + limit`); the arms are merged in Python and the page's rows are then
loaded by id. Where an arm's range is small, reading it whole and sorting it is cheaper than
walking the sort index until enough rows match: a few capped counts (one round trip) choose.
Other databases get the single statement (`search_statement`) and their own planner.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session

from intake_app.domain import fold
from intake_app.domain.dates import parse_search_date as parse_search_date  # re-exported (the GUI used it here)
from intake_app.storage.models import PatientCountRow, PatientRow

SEARCH_LIMIT = 50
_TOP = "\U0010ffff"  # above every character: `text <= x < text + _TOP` is "x starts with text"


def _patient_indexes() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """The index led by each searched column (the widest when several are), and each index's columns,
    read from the models: what an index holds besides the rowid can be tested or sorted on without a
    visit to the table. When an index changes in models.py, the plans follow."""
    led: dict[str, tuple[str, tuple[str, ...]]] = {}
    table: Any = PatientRow.__table__
    for index in table.indexes:
        columns = tuple(str(c.name) for c in index.columns)
        if columns[0] not in led or len(columns) > len(led[columns[0]][1]):
            led[columns[0]] = (str(index.name), columns)
    searched = ("family_fold", "given_fold", "date_of_birth", "mrn_fold")
    return {column: led[column][0] for column in searched}, {name: columns for name, columns in led.values()}


_INDEX_OF, _INDEX_COLUMNS = _patient_indexes()
# Each list order is its index's order (then the id), so the first page is read off the index.
_SORT_KEYS = {sort: _INDEX_COLUMNS[_INDEX_OF[column]] for sort, column in (
    ("name", "family_fold"), ("given", "given_fold"), ("born", "date_of_birth"), ("mrn", "mrn_fold"))}
SORT_COLUMNS: dict[str, tuple[Any, ...]] = {
    sort: tuple(getattr(PatientRow, c) for c in columns) for sort, columns in _SORT_KEYS.items()}

# Plan costs, in units of one index entry stepped over in order (about 0.1 us here). Reading a row
# from the table by rowid (a B-tree descent) costs about 30 of those on a million patients; sorting
# a few more per row.
_STEP, _LOOKUP, _SORT = 1.0, 30.0, 4.0
# Ranges are counted up to this many entries (index only, about 0.1 ms per 1,000). For the name
# order that is enough: beyond it, walking the name index to the page (at most 50 x patients / 2,000
# steps) beats sorting the range (at least 2,000 table reads) up to millions of patients. Other
# orders look further, as their plans differ more (rows read from the table to test or sort them).
COUNT_CAP = 2000
COUNT_CAP_OTHER_ORDERS = 20_000


@dataclass(frozen=True)
class Term:
    """One indexed condition: `column` starts with `value` (a prefix), or equals it."""

    column: str
    value: str
    prefix: bool = True

    def sql(self) -> tuple[str, tuple[str, ...]]:
        if self.prefix:
            return f"{self.column} >= ? AND {self.column} < ?", (self.value, self.value + _TOP)
        return f"{self.column} = ?", (self.value,)

    def clause(self) -> Any:
        column = getattr(PatientRow, self.column)
        if self.prefix:
            return and_(column >= self.value, column < self.value + _TOP)
        return column == dt.date.fromisoformat(self.value)


Arm = tuple[Term, ...]  # all must hold


@dataclass(frozen=True)
class Query:
    """What a typed text means: rows matching any arm, listed in `sort` order."""

    arms: tuple[Arm, ...]
    sort: str


def parse_query(query: str, sort: str = "name") -> Query:
    """The arms of a search (see `search_patients` for what matches what)."""
    if sort not in SORT_COLUMNS:
        raise ValueError(f"unknown sort key {sort!r}")
    text = query.strip()
    if not text:
        return Query(((),), sort)
    born = parse_search_date(text)
    if born is not None:
        return Query(((Term("date_of_birth", born.isoformat(), prefix=False),),), sort)
    words = fold(text).split()
    if len(words) >= 2:
        first, rest = words[0], " ".join(words[1:])
        return Query((
            (Term("family_fold", first), Term("given_fold", rest)),
            (Term("given_fold", first), Term("family_fold", rest)),
            (Term("family_fold", fold(text)),),
        ), sort)
    word = words[0]
    if any(c.isdigit() for c in word):
        # Names carry no digits, MRNs do: an MRN lookup, listed in MRN order so the index answers it
        # directly however many records share the prefix.
        return Query(((Term("mrn_fold", word),),), "mrn" if sort == "name" else sort)
    if len(word) == 1:
        # One letter matches a large share of the list: family names only.
        return Query(((Term("family_fold", word),),), sort)
    return Query(((Term("family_fold", word),), (Term("given_fold", word),)), sort)


def search_statement(
    query: str, *, limit: int = SEARCH_LIMIT, offset: int = 0, sort: str = "name", descending: bool = False
) -> Select[Any]:
    """The whole search as one statement, for databases with a planner that combines ranges well
    (PostgreSQL). On SQLite `search_patients` reads the same rows far faster."""
    parsed = parse_query(query, sort)
    statement = select(PatientRow)
    if parsed.arms != ((),):
        statement = statement.where(or_(*(and_(*(t.clause() for t in arm)) for arm in parsed.arms)))
    columns = SORT_COLUMNS[parsed.sort]
    order = [c.desc() if descending else c.asc() for c in (*columns, PatientRow.id)]
    return statement.order_by(*order).limit(limit).offset(offset)


@dataclass(frozen=True)
class Plan:
    """How one arm is read: through `index`, in sort order or (sorted=True) whole and then sorted."""

    index: str
    sorted: bool
    cost: float


def choose_plan(arm: Arm, sort: str, counts: dict[Term, int], total: int, need: int,
                cap: int = COUNT_CAP) -> Plan:
    """The cheapest way to get the first `need` rows of `arm` in `sort` order.

    `counts` holds how many rows each term matches, up to `cap` (a count at the cap means "at
    least"); `total` is about how many patients there are.
    """
    keys = _SORT_KEYS[sort]
    total = max(total, 1)

    def share(term: Term) -> float:
        return min(1.0, max(counts[term], 1) / total)

    def cost(index: str, walk_order: bool) -> float | None:
        """Walking `index` (its range when the arm has a term on its first column), testing the
        other terms on the index where it holds their column, else on the row read from the table."""
        columns = _INDEX_COLUMNS[index]
        lead = next((t for t in arm if t.column == columns[0]), None)
        others = [t for t in arm if t is not lead]
        in_index = [t for t in others if t.column in columns]
        in_table = [t for t in others if t.column not in columns]
        passing = 1.0  # share of walked entries passing the tests on the index
        for term in in_index:
            passing *= share(term)
        found = passing
        for term in in_table:
            found *= share(term)
        bounded = lead is not None and counts[lead] < cap
        if walk_order:
            entries = min(need / found, float(counts[lead]) if bounded and lead else total)
        elif lead is not None:
            # A range counted past the cap is priced as if it held every patient (it holds fewer): a sort of it is
            # chosen only where even that beats walking the order, e.g. two common prefixes that rarely meet.
            entries = float(counts[lead]) if bounded else float(total)
        else:
            return None  # no range to read: walking the order's index is the plan
        reads = entries * passing if in_table or (not walk_order and not set(keys) <= set(columns)) else 0.0
        sorting = 0.0 if walk_order else entries * passing * _SORT
        return entries * _STEP + reads * _LOOKUP + sorting

    order_index = _INDEX_OF[keys[0]]
    walk = cost(order_index, True)
    assert walk is not None
    best = Plan(order_index, False, walk)
    for term in arm:
        index = _INDEX_OF[term.column]
        if index == order_index:
            continue
        price = cost(index, False)
        if price is not None and price < best.cost:
            best = Plan(index, True, price)
    return best


def count_ranges(connection: Any, terms: Sequence[Term], cap: int = COUNT_CAP) -> tuple[int, dict[Term, int]]:
    """About how many patients there are (the highest id) and each term's match count, capped."""
    parts, parameters = ["(SELECT max(id) FROM patients)"], list[str]()
    for term in terms:
        condition, values = term.sql()
        parts.append(f"(SELECT count(*) FROM (SELECT 1 FROM patients INDEXED BY {_INDEX_OF[term.column]} "
                     f"WHERE {condition} LIMIT {cap}))")
        parameters.extend(values)
    row = _driver(connection).execute(f"SELECT {', '.join(parts)}", tuple(parameters)).fetchone()
    return int(row[0] or 0), {term: int(n) for term, n in zip(terms, row[1:], strict=True)}


def _driver(connection: Any) -> Any:
    """The sqlite3 connection under a SQLAlchemy connection (same transaction): the search's statements are
    plain SQL with plain values, and the driver's own execute and fetchall cost a fraction of SQLAlchemy's
    per-statement and per-row handling (a first page is read in about 1 ms, where that handling was a third)."""
    return connection.connection.driver_connection


def arm_sql(arm: Arm, sort: str, plan: Plan, *, descending: bool, need: int) -> tuple[str, tuple[Any, ...]]:
    """SELECT the sort keys and id of the first `need` rows of one arm, in order, through the plan's index."""
    keys = (*_SORT_KEYS[sort], "id")
    direction = " DESC" if descending else ""
    conditions, parameters = list[str](), list[str]()
    for term in arm:
        condition, values = term.sql()
        conditions.append(condition)
        parameters.extend(values)
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    order = ", ".join(f"{k}{direction}" for k in keys)
    sql = f"SELECT {', '.join(keys)} FROM patients INDEXED BY {plan.index}{where} ORDER BY {order} LIMIT {need}"
    return sql, tuple(parameters)


def _merge_key(sort: str) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """A row's keys as Python compares them in SQLite's order: a missing birth date (NULL) before any date,
    wherever the order's index holds it (the name indexes hold it after the names, migration 0007)."""
    dated = [n for n, column in enumerate(_SORT_KEYS[sort]) if column == "date_of_birth"]
    if not dated:
        return lambda row: row

    def key(row: tuple[Any, ...]) -> tuple[Any, ...]:
        values = list(row)
        for n in dated:
            values[n] = (row[n] is not None, row[n] or "")
        return tuple(values)

    return key


def search_ids(
    session: Session, query: str, *, limit: int = SEARCH_LIMIT, offset: int = 0, sort: str = "name",
    descending: bool = False,
) -> list[int]:
    """The ids of one page of a search, in list order (SQLite)."""
    parsed = parse_query(query, sort)
    need = offset + limit
    if limit <= 0:
        return []
    connection = session.connection()
    driver = _driver(connection)
    order_index = _INDEX_OF[_SORT_KEYS[parsed.sort][0]]
    # An arm that is at most a range on the order's own index is read in order: nothing to choose.
    direct = {arm for arm in parsed.arms
              if len(arm) == 0 or (len(arm) == 1 and _INDEX_OF[arm[0].column] == order_index)}
    terms = list(dict.fromkeys(t for arm in parsed.arms if arm not in direct for t in arm))
    cap = COUNT_CAP if parsed.sort == "name" else COUNT_CAP_OTHER_ORDERS
    total, counts = count_ranges(connection, terms, cap) if terms else (0, {})
    runs = []
    for arm in parsed.arms:
        if arm in direct:
            plan = Plan(order_index, False, 0.0)
        else:
            plan = choose_plan(arm, parsed.sort, counts, total, need, cap)
        sql, parameters = arm_sql(arm, parsed.sort, plan, descending=descending, need=need)
        runs.append(driver.execute(sql, parameters).fetchall())
    if len(runs) == 1:
        return [row[-1] for row in runs[0][offset:need]]
    merged = heapq.merge(*runs, key=_merge_key(parsed.sort), reverse=descending)
    unique = (row_id for row_id, _ in itertools.groupby(merged, key=lambda row: row[-1]))
    # A row matched by two arms comes out of the merge twice in a row (same keys); groupby drops it.
    return list(itertools.islice(unique, offset, need))


# The page's rows by id: one Core statement, built once (building it per search cost more than running it), its
# rows holding every column of the patient by name, as the ORM's would, without an ORM object per row.
_PATIENTS: Any = PatientRow.__table__
_PAGE_ROWS = select(_PATIENTS).where(_PATIENTS.c.id.in_(bindparam("ids", expanding=True)))


def search_patients(
    session: Session, query: str, *, limit: int = SEARCH_LIMIT, offset: int = 0, sort: str = "name",
    descending: bool = False,
) -> list[Any]:
    """Prefix search, case- and accent-insensitive, by family name, given name, MRN or date of birth: one page
    of rows holding the patients' columns by name (PatientRow objects, or on SQLite Core rows of the same
    columns and types).

    Two words match family and given name in either order ("smith jo", "jo smith"), or a family
    name holding both. A single letter matches family names only; a word with a digit is an MRN
    prefix (listed in MRN order); a date (1970-02-03, 03.02.1970) matches the date of birth.
    """
    if session.get_bind().dialect.name != "sqlite":
        return list(session.scalars(search_statement(query, limit=limit, offset=offset, sort=sort,
                                                     descending=descending)))
    ids = search_ids(session, query, limit=limit, offset=offset, sort=sort, descending=descending)
    if not ids:
        return []
    rows = {row.id: row for row in session.connection().execute(_PAGE_ROWS, {"ids": ids}).all()}
    return [rows[i] for i in ids]


def count_patients(session: Session) -> int:
    """How many patients there are: the one row the insert and delete triggers keep (migration 0006), read
    without a scan; counted only when that row is missing (deleted by hand)."""
    kept = session.scalar(select(PatientCountRow.patients).where(PatientCountRow.id == 1))
    if kept is not None:
        return int(kept)
    return int(session.scalar(select(func.count(PatientRow.id))) or 0)
