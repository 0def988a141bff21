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

Which index gives which list order, and which columns each index holds, is read from the models: an index
that holds every searched column lets an arm's terms be tested on it without a visit to the table.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import weakref
from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from intake_app.domain import fold
from intake_app.domain.dates import parse_search_date as parse_search_date  # re-exported (the GUI used it here)
from intake_app.storage.models import PatientCountRow, PatientRow

SEARCH_LIMIT = 50
_TOP = "\U0010ffff"  # above every character: `text <= x < text + _TOP` is "x starts with text"


# Each list order: its columns, then the id. Equal names are listed by birth date (missing first), then MRN.
ORDERS: dict[str, tuple[str, ...]] = {
    "name": ("family_fold", "given_fold", "date_of_birth", "mrn_fold"),
    "given": ("given_fold", "family_fold", "date_of_birth", "mrn_fold"),
    "born": ("date_of_birth",),
    "mrn": ("mrn_fold",),
}
_SEARCHED = ("family_fold", "given_fold", "date_of_birth", "mrn_fold")


def _patient_indexes() -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, ...]]]:
    """From the models: the index led by each searched column (the widest when several are), the index that
    gives each list order (its columns begin with the order's, then the id or nothing, as the id is the end
    of every SQLite index), and each index's columns. When an index changes in models.py, the plans follow."""
    table: Any = PatientRow.__table__
    columns = {str(index.name): tuple(str(c.name) for c in index.columns) for index in table.indexes}

    def widest(names: list[str]) -> str:
        return max(names, key=lambda name: (len(columns[name]), name))

    def gives(held: tuple[str, ...], keys: tuple[str, ...]) -> bool:
        return held[:len(keys)] == keys and held[len(keys):len(keys) + 1] in ((), ("id",))

    led = {column: widest([n for n, held in columns.items() if held[0] == column]) for column in _SEARCHED}
    ordered = {sort: widest([n for n, held in columns.items() if gives(held, keys)]) for sort, keys in ORDERS.items()}
    return led, ordered, columns


_INDEX_OF, _ORDER_INDEX, _INDEX_COLUMNS = _patient_indexes()
_SORT_KEYS = ORDERS
SORT_COLUMNS: dict[str, tuple[Any, ...]] = {
    sort: tuple(getattr(PatientRow, c) for c in columns) for sort, columns in ORDERS.items()}

# Plan costs, in units of one index entry stepped over in order (about 0.1 us here). Reading a row
# from the table by rowid (a B-tree descent) costs about 30 of those on a million patients; sorting
# a few more per row.
_STEP, _LOOKUP, _SORT = 1.0, 30.0, 4.0
# Ranges are counted up to this many entries (index only, about 0.06 ms per 1,000). For the name
# order that is enough: beyond it, walking the name index to the page (at most 50 x patients / 2,000
# steps) beats sorting the range (at least 2,000 table reads) up to millions of patients. In other
# orders an arm whose every range reaches it is counted again, further (see `_recount_cap`).
COUNT_CAP = 2000
COUNT_CAP_OTHER_ORDERS = 20_000
# In other orders, walking the order's index for a two-word arm whose ranges were both counted past the
# cap costs at most about need x (patients / cap)^2 entries; the second count's cap keeps that near this.
_WALK_BUDGET = 50_000


def _recount_cap(total: int, need: int) -> int:
    """How far to count the ranges of an arm that every range of reached COUNT_CAP, in an order other than
    the name: far enough that walking the order's index, if chosen, costs about _WALK_BUDGET entries at
    most (between COUNT_CAP and COUNT_CAP_OTHER_ORDERS x 2)."""
    wanted = int((need * max(total, 1) ** 2 / _WALK_BUDGET) ** 0.5)
    return max(COUNT_CAP, min(wanted, 2 * COUNT_CAP_OTHER_ORDERS))


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

    order_index = _ORDER_INDEX[sort]
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


def count_ranges(connection: Any, terms: Sequence[Term], cap: int = COUNT_CAP,
                 *, exact: bool = True) -> tuple[int, dict[Term, int]]:
    """About how many patients there are (the highest id) and each term's match count, capped: the count
    of a range is `cap` when the range holds at least that many entries.

    Whether it does is asked by stepping to its cap-th entry (SQLite skips an OFFSET inside the index,
    about half the cost of counting the entries one by one); only a smaller range is then counted, or
    (exact=False) given as cap - 1, the most it can hold."""
    parts, parameters = ["(SELECT max(id) FROM patients)"], list[str]()
    for term in terms:
        condition, values = term.sql()
        source = f"FROM patients INDEXED BY {_INDEX_OF[term.column]} WHERE {condition}"
        below = f"(SELECT count(*) {source})" if exact else str(cap - 1)
        parts.append(f"(SELECT CASE WHEN EXISTS (SELECT 1 {source} LIMIT 1 OFFSET {cap - 1}) THEN {cap} "
                     f"ELSE {below} END)")
        parameters.extend(values * 2 if exact else values)
    row = _driver(connection).execute(f"SELECT {', '.join(parts)}", tuple(parameters)).fetchone()
    return int(row[0] or 0), {term: int(n) for term, n in zip(terms, row[1:], strict=True)}


def _driver(connection: Any) -> Any:
    """The sqlite3 connection under a SQLAlchemy connection (same transaction): the search's statements are
    plain SQL with plain values, and the driver's own execute and fetchall cost a fraction of SQLAlchemy's
    per-statement and per-row handling (a first page is read in about 1 ms, where that handling was a third)."""
    return connection.connection.driver_connection


def arm_sql(arm: Arm, sort: str, plan: Plan, *, descending: bool, need: int) -> tuple[str, tuple[Any, ...]]:
    """SELECT the sort keys and id of the first `need` rows of one arm, in order, through the plan's index.

    A missing birth date is selected as '' (it sorts first, as NULL does in SQLite), so the arms' rows are
    plain tuples of text and the id that Python compares in SQLite's order (text by code point, as SQLite
    compares UTF-8 bytes) and merges without a key function."""
    keys = (*_SORT_KEYS[sort], "id")
    direction = " DESC" if descending else ""
    conditions, parameters = list[str](), list[str]()
    for term in arm:
        condition, values = term.sql()
        conditions.append(condition)
        parameters.extend(values)
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    order = ", ".join(f"{k}{direction}" for k in keys)
    selected = ", ".join("ifnull(date_of_birth, '')" if k == "date_of_birth" else k for k in keys)
    sql = f"SELECT {selected} FROM patients INDEXED BY {plan.index}{where} ORDER BY {order} LIMIT {need}"
    return sql, tuple(parameters)


def _plans(connection: Any, parsed: Query, need: int) -> list[Plan]:
    """Each arm's plan. An arm that is at most a range on the order's own index is read in order. The others
    are priced from their ranges' counts (one round trip), up to COUNT_CAP where the order's index holds every
    searched column (walking it never reads the table), else up to COUNT_CAP_OTHER_ORDERS (a walk reads the
    table per entry, and the smallest range is sorted instead). In the first case an arm of two crowded ranges
    in birth-date or MRN order is counted again, further, in a second round trip (`_crowded`)."""
    order_index = _ORDER_INDEX[parsed.sort]
    direct = [len(arm) == 0 or (len(arm) == 1 and _INDEX_OF[arm[0].column] == order_index) for arm in parsed.arms]
    terms = list(dict.fromkeys(t for arm, d in zip(parsed.arms, direct, strict=True) if not d for t in arm))
    if not terms:
        return [Plan(order_index, False, 0.0) for _arm in parsed.arms]
    cap = COUNT_CAP if set(_SEARCHED) <= set(_INDEX_COLUMNS[order_index]) else COUNT_CAP_OTHER_ORDERS
    total, counts = count_ranges(connection, terms, cap)
    caps = dict.fromkeys(parsed.arms, cap)
    if parsed.sort != "name" and cap == COUNT_CAP:
        crowded = _crowded(parsed, direct, counts, total, need)
        if crowded:
            further = _recount_cap(total, need)
            again = list(dict.fromkeys(t for arm in crowded for t in arm))
            # Only whether each range reaches the further cap: a range below it is priced at the most it holds.
            _total, recounted = count_ranges(connection, again, further, exact=False)
            counts = {**counts, **recounted}
            caps.update(dict.fromkeys(crowded, further))
    return [Plan(order_index, False, 0.0) if d else choose_plan(arm, parsed.sort, counts, total, need, caps[arm])
            for arm, d in zip(parsed.arms, direct, strict=True)]


def _crowded(parsed: Query, direct: list[bool], counts: dict[Term, int], total: int, need: int) -> list[Arm]:
    """The arms to count again, up to `_recount_cap`: those of several terms whose every range reached COUNT_CAP,
    none of them on the order index's first column (that range would bound the walk). Walking the order's index
    for one of these costs about need x (patients / cap)^2 entries, unknown until the ranges are counted further;
    one term's walk costs at most need x patients / COUNT_CAP."""
    if _recount_cap(total, need) <= COUNT_CAP:
        return []
    lead = _INDEX_COLUMNS[_ORDER_INDEX[parsed.sort]][0]
    return [arm for arm, d in zip(parsed.arms, direct, strict=True)
            if not d and len(arm) > 1 and all(t.column != lead and counts[t] >= COUNT_CAP for t in arm)]


def search_ids(
    session: Session, query: str, *, limit: int = SEARCH_LIMIT, offset: int = 0, sort: str = "name",
    descending: bool = False,
) -> list[int]:
    """The ids of one page of a search, in list order (SQLite)."""
    return _page_ids(session.connection(), parse_query(query, sort), limit, offset, descending)


def _page_ids(connection: Any, parsed: Query, limit: int, offset: int, descending: bool) -> list[int]:
    need = offset + limit
    if limit <= 0:
        return []
    driver = _driver(connection)
    runs = []
    for arm, plan in zip(parsed.arms, _plans(connection, parsed, need), strict=True):
        sql, parameters = arm_sql(arm, parsed.sort, plan, descending=descending, need=need)
        runs.append(driver.execute(sql, parameters).fetchall())
    if len(runs) == 1:
        return [row[-1] for row in runs[0][offset:need]]
    # At most `need` rows per arm, each run already in order: sorting them together is the merge (in C).
    merged = sorted(itertools.chain.from_iterable(runs), reverse=descending)
    # A row matched by two arms comes out twice in a row (the same keys and id); groupby drops it.
    unique = (row[-1] for row, _ in itertools.groupby(merged))
    return list(itertools.islice(unique, offset, need))


# The page's rows, read by id through the driver: every column of the patient, converted as SQLAlchemy's
# column types convert them (dates and times from SQLite's text), as a named tuple, so the repository reads
# each column as an attribute the way it reads an ORM row, at a fraction of the cost of a Core row's.
_PATIENTS: Any = PatientRow.__table__
_COLUMNS = tuple(str(c.name) for c in _PATIENTS.columns)
PatientColumns = namedtuple("PatientColumns", _COLUMNS)  # type: ignore[misc]  # noqa: PYI024 - names from the table
_MAKE = functools.partial(tuple.__new__, PatientColumns)  # what _make does, without its Python frame


@functools.cache
def _page_sql(count: int) -> str:
    return f"SELECT {', '.join(_COLUMNS)} FROM patients WHERE id IN ({', '.join('?' * count)})"


_CONVERTERS: weakref.WeakKeyDictionary[Any, tuple[tuple[int, Callable[[Any], Any]], ...]] = weakref.WeakKeyDictionary()


def _converters(dialect: Any) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    """(position, conversion) of each column the dialect's types convert when read (SQLite: dates, times)."""
    found = _CONVERTERS.get(dialect)
    if found is None:
        processors = (c.type.dialect_impl(dialect).result_processor(dialect, None) for c in _PATIENTS.columns)
        found = tuple((n, p) for n, p in enumerate(processors) if p is not None)
        _CONVERTERS[dialect] = found
    return found


def _page_rows(connection: Any, ids: list[int]) -> list[Any]:
    """The patients of `ids`, in that order."""
    found = _driver(connection).execute(_page_sql(len(ids)), ids).fetchall()
    converters = _converters(connection.dialect)
    rows = {}
    for row in found:
        values = list(row)
        for n, convert in converters:
            value = values[n]
            if value is not None:
                values[n] = convert(value)
        rows[values[0]] = _MAKE(values)
    return [rows[i] for i in ids]


def search_patients(
    session: Session, query: str, *, limit: int = SEARCH_LIMIT, offset: int = 0, sort: str = "name",
    descending: bool = False,
) -> list[Any]:
    """Prefix search, case- and accent-insensitive, by family name, given name, MRN or date of birth: one page
    of rows holding the patients' columns by name (PatientRow objects, or on SQLite named tuples of the same
    columns and types).

    Two words match family and given name in either order ("smith jo", "jo smith"), or a family
    name holding both. A single letter matches family names only; a word with a digit is an MRN
    prefix (listed in MRN order); a date (1970-02-03, 03.02.1970) matches the date of birth.
    """
    if session.get_bind().dialect.name != "sqlite":
        return list(session.scalars(search_statement(query, limit=limit, offset=offset, sort=sort,
                                                     descending=descending)))
    parsed = parse_query(query, sort)
    connection = session.connection()
    ids = _page_ids(connection, parsed, limit, offset, descending)
    return _page_rows(connection, ids) if ids else []


def count_patients(session: Session) -> int:
    """How many patients there are: the one row the insert and delete triggers keep (migration 0006), read
    without a scan; counted only when that row is missing (deleted by hand)."""
    kept = session.scalar(select(PatientCountRow.patients).where(PatientCountRow.id == 1))
    if kept is not None:
        return int(kept)
    return int(session.scalar(select(func.count(PatientRow.id))) or 0)
