"""Patient search against a naive filter: random queries over a few thousand patients give exactly the patients
a plain Python filter of the documented rules finds, in the list's order, page by page; the rows carry the same
columns and types as the ORM's rows.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from intake_app.domain import Patient, fold
from intake_app.storage import Repository, create_database_engine, search, upgrade
from intake_app.storage.bulk import bulk_insert
from intake_app.storage.models import PatientRow

FAMILIES = ["Smith", "Smithson", "Müller", "Mueller", "Martin", "Martínez", "Mason", "Ma", "van der Berg", "Jones",
            "Ødegård", "O'Brien", "Zhang", "Åberg", "Marsh", "Berg", "Jo", "Anders", "Schmidt", "Ng"]
GIVENS = ["Mary", "Mark", "Marta", "Jo", "Joanna", "John", "Anna", "Åse", "Zoe", "Jörg", "Berg", "Ma", "Émile"]
PATIENTS = 3000


@pytest.fixture(scope="module")
def population(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, list[Patient]]]:
    rng = random.Random(2026)
    patients = [
        Patient(rng.choice(FAMILIES), rng.choice(GIVENS),
                None if rng.random() < 0.05 else dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(400)),
                rng.choice(["female", "male", "other", "unknown"]), f"07{rng.randrange(10**8):08d}",
                f"{rng.choice(['D', 'MRN', 'x'])}{rng.randrange(10**4):04d}")
        for _ in range(PATIENTS)
    ]
    engine = create_database_engine(f"sqlite:///{tmp_path_factory.mktemp('scale') / 'search.db'}")
    upgrade(engine)
    bulk_insert(engine, patients, [])
    yield engine, patients
    engine.dispose()


def naive(patients: list[Patient], query: str, sort: str, descending: bool) -> list[int]:
    """Every patient (id = position + 1) matching any arm of the query, each term tested on the patient's own
    folded values, sorted by the order's keys then the id (a missing birth date first)."""
    parsed = search.parse_query(query, sort)

    def value(patient: Patient, column: str) -> str | None:
        if column == "date_of_birth":
            return patient.date_of_birth.isoformat() if patient.date_of_birth else None
        return fold({"family_fold": patient.family_name, "given_fold": patient.given_name,
                     "mrn_fold": patient.mrn}[column])

    def holds(patient: Patient, term: search.Term) -> bool:
        found = value(patient, term.column)
        return found is not None and (found.startswith(term.value) if term.prefix else found == term.value)

    # The name orders then list equal names by birth date and MRN (the name indexes hold both, migration 0007).
    keys = {"name": ("family_fold", "given_fold", "date_of_birth", "mrn_fold"),
            "given": ("given_fold", "family_fold", "date_of_birth", "mrn_fold"),
            "born": ("date_of_birth",), "mrn": ("mrn_fold",)}[parsed.sort]

    def order(item: tuple[int, Patient]) -> tuple[Any, ...]:
        found = [value(item[1], key) for key in keys]
        return (*((v is not None, v or "") for v in found), item[0])

    matches = [(n + 1, p) for n, p in enumerate(patients)
               if any(all(holds(p, term) for term in arm) for arm in parsed.arms)]
    return [n for n, _p in sorted(matches, key=order, reverse=descending)]


def random_query(rng: random.Random, patients: list[Patient]) -> str:
    patient = rng.choice(patients)
    family, given = patient.family_name, patient.given_name
    kind = rng.randrange(8)
    if kind == 0:
        return family[:rng.randint(1, len(family))]
    if kind == 1:
        return given[:rng.randint(1, len(given))].upper()
    if kind == 2:
        return f"{family[:rng.randint(2, max(2, len(family)))]} {given[:rng.randint(1, len(given))]}"
    if kind == 3:
        return f"{given[:rng.randint(1, len(given))]}  {family[:rng.randint(1, len(family))]}"
    if kind == 4 and patient.date_of_birth is not None:
        born = patient.date_of_birth
        return born.isoformat() if rng.random() < 0.5 else born.strftime("%d.%m.%Y")
    if kind == 5:
        return patient.mrn[:rng.randint(2, len(patient.mrn))]
    if kind == 6:
        return rng.choice(["", " ", "m", "ma", "mar", "s", "zz", "å", "o'", "van d", "a b"])
    return rng.choice("abcdefghijklmnopqrstuvwxyzæøéü") + rng.choice(["", "a", "e", "o"])


@pytest.mark.parametrize("sort", ["name", "given", "born", "mrn"])
def test_random_queries_find_what_a_naive_filter_finds_in_the_same_order(
    population: tuple[Engine, list[Patient]], sort: str
) -> None:
    engine, patients = population
    rng = random.Random(f"search/{sort}")
    with Session(engine) as session:
        for _ in range(60):
            query, descending = random_query(rng, patients), rng.random() < 0.4
            expected = naive(patients, query, sort, descending)
            limit = rng.choice([1, 7, 50, 50, 200])
            offset = rng.choice([0, 0, 0, 3, 50, len(expected) - 2 if len(expected) > 2 else 0])
            found = search.search_ids(session, query, limit=limit, offset=offset, sort=sort, descending=descending)
            assert found == expected[offset:offset + limit], (query, sort, descending, limit, offset)
            rows = search.search_patients(session, query, limit=limit, offset=offset, sort=sort,
                                          descending=descending)
            assert [row.id for row in rows] == found


def test_the_rows_of_a_page_hold_what_the_orm_reads(population: tuple[Engine, list[Patient]]) -> None:
    """The page's rows (Core rows on SQLite) have the ORM row's columns, values and types, so the repository's
    records are the same."""
    engine, _patients = population
    columns = [c.name for c in PatientRow.__table__.columns]
    with Session(engine) as session:
        for query in ("", "ma", "smith jo", "d0"):
            for row in search.search_patients(session, query, limit=20):
                stored = session.get(PatientRow, row.id)
                assert stored is not None
                for column in columns:
                    mine, theirs = getattr(row, column), getattr(stored, column)
                    assert mine == theirs and type(mine) is type(theirs), (query, column)
    records = Repository(engine).search_patients("ma", limit=5)
    assert [type(r.created_at) for r in records] == [dt.datetime] * 5
    assert all(r.patient.family_name and r.row_version >= 1 for r in records)


def test_the_search_reads_through_the_sessions_own_connection(population: tuple[Engine, list[Patient]]) -> None:
    """The planned reads run on the session's connection (its transaction): a patient added and not committed
    in the session is found by the session's search and by nobody else's."""
    engine, _patients = population
    with Session(engine) as session:
        session.add(PatientRow(family_name="Zzyzx", given_name="Uncommitted", family_fold="zzyzx",
                               given_fold="uncommitted", date_of_birth=dt.date(1970, 1, 1), sex="unknown", phone="",
                               phone_digits="", mrn="", mrn_fold="", created_at=dt.datetime(2026, 1, 1),
                               updated_at=dt.datetime(2026, 1, 1)))
        session.flush()
        assert [r.family_name for r in search.search_patients(session, "zzyzx")] == ["Zzyzx"]
        other = create_database_engine(str(engine.url))
        try:
            assert Repository(other).search_patients("zzyzx") == []
        finally:
            other.dispose()
        session.rollback()


def test_two_common_prefixes_that_rarely_meet_are_never_read_through_the_table_in_other_orders() -> None:
    """'ma va' in birth-date order at a million patients: both prefixes match past the count caps. Walking the
    birth-date index reading a table row for each entry until 50 match both took 56 ms. The plan is now either the
    family range read from a name index, the other name tested there, and the matches sorted (23 ms), or, where the
    order's index holds the names (migration 0008), that index walked in order testing both names on it."""
    given, family = search.Term("given_fold", "ma"), search.Term("family_fold", "va")
    for sort in ("born", "mrn"):
        for cap in (search.COUNT_CAP_OTHER_ORDERS, search._recount_cap(1_000_000, search.SEARCH_LIMIT)):
            plan = search.choose_plan((given, family), sort, {given: cap, family: cap}, 1_000_000,
                                      search.SEARCH_LIMIT, cap)
            held = search._INDEX_COLUMNS[plan.index]
            assert {"family_fold", "given_fold", *search.ORDERS[sort]} <= set(held), (sort, plan)
            assert plan.sorted == (plan.index in {"ix_patients_family_given", "ix_patients_given_fold"}), (sort, plan)
    # In name order the same arm is read from the name index in order, never sorted (no temporary B-tree), at any
    # size: walking the order's own index costs at most every patient, less than any sort.
    for total in (10_000, 1_000_000, 50_000_000):
        name_cap = search.COUNT_CAP
        named = search.choose_plan((given, family), "name", {given: name_cap, family: name_cap}, total,
                                   search.SEARCH_LIMIT, name_cap)
        assert not named.sorted and named.index == "ix_patients_family_given", (total, named)
    # One common prefix alone is still read in the order's index (sorting it would read every match).
    cap = search.COUNT_CAP_OTHER_ORDERS
    alone = search.choose_plan((family,), "born", {family: cap}, 1_000_000, search.SEARCH_LIMIT, cap)
    assert not alone.sorted and alone.index == "ix_patients_date_of_birth"
