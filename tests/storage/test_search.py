"""Patient search plans: the same rows as one plain statement, read through indexes in list order.

The single OR statement (`search_statement`) is the reference for what matches and in which order;
`search_patients` must return exactly its rows while reading each arm of the query on its own.
EXPLAIN QUERY PLAN shows which index each arm uses and that no arm sorts a large set.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from intake_app.domain import Patient
from intake_app.storage import create_database_engine, search, upgrade
from intake_app.storage.bulk import bulk_insert

FAMILIES = ["Smith", "Smithers", "Müller", "Mueller", "Ma", "Martin", "Mason", "van der Berg", "van Dam", "Jones",
            "Ødegård", "Zhang", "O'Brien", "Anders", "Marsh", "Jo"]
GIVENS = ["Joanna", "Jo", "Mary", "Mark", "Smita", "Anna", "Åse", "Martin", "Zoe", "Jörg", "Marsh", "Berg"]


def engine_with(tmp_path: Path, patients: list[Patient]) -> Engine:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'search.db'}")
    upgrade(engine)
    bulk_insert(engine, patients, [])
    return engine


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """700 patients over few names (many ties, accents, two-word family names, missing birth dates)."""
    rng = random.Random(7)
    patients = [
        Patient(rng.choice(FAMILIES), rng.choice(GIVENS),
                None if rng.random() < 0.1 else dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(60)),
                "unknown", "", rng.choice(["MRN", "X3", "D00", "d01"]) + str(rng.randrange(1000)))
        for _ in range(700)
    ]
    engine = engine_with(tmp_path_factory.mktemp("mixed"), patients)
    yield engine
    engine.dispose()


QUERIES = ["", "s", "m", "sm", "smith", "ma", "mar", "marsh", "jo", "smith jo", "jo smith", "ma ma", "van der",
           "van der b", "van", "mü", "mue", "MÜL", "å", "o'b", "1950-01-07", "07.01.1950", "d0", "x3", "mrn1", "zz",
           "berg", "zz top"]


@pytest.mark.parametrize("sort", ["name", "given", "born", "mrn"])
@pytest.mark.parametrize("descending", [False, True])
def test_every_query_returns_the_rows_of_the_plain_statement_in_its_order(
    mixed: Engine, sort: str, descending: bool
) -> None:
    with Session(mixed) as session:
        for query in QUERIES:
            for limit, offset in ((50, 0), (13, 0), (13, 13), (9, 40), (500, 0)):
                expected = [r.id for r in session.scalars(search.search_statement(
                    query, limit=limit, offset=offset, sort=sort, descending=descending))]
                found = [r.id for r in search.search_patients(
                    session, query, limit=limit, offset=offset, sort=sort, descending=descending)]
                assert found == expected, (query, sort, descending, limit, offset)


def test_pages_follow_on_without_gaps_or_repeats(mixed: Engine) -> None:
    with Session(mixed) as session:
        pages = [search.search_ids(session, "ma", limit=17, offset=offset) for offset in range(0, 400, 17)]
        everyone = search.search_ids(session, "ma", limit=1000)
    joined = [i for page in pages for i in page]
    assert joined == everyone[:len(joined)]
    assert len(set(joined)) == len(joined)


def test_a_patient_matching_two_arms_is_listed_once(tmp_path: Path) -> None:
    engine = engine_with(tmp_path, [Patient("Martin", "Martin", dt.date(1970, 1, 1)),
                                    Patient("Mason", "Anna", dt.date(1970, 1, 1))])
    with Session(engine) as session:
        names = [(r.family_name, r.given_name) for r in search.search_patients(session, "mar")]
        assert names == [("Martin", "Martin")]
        assert len(search.search_patients(session, "martin martin")) == 1
    engine.dispose()


def test_an_unknown_sort_key_is_refused(mixed: Engine) -> None:
    with Session(mixed) as session, pytest.raises(ValueError, match="unknown sort key"):
        search.search_patients(session, "", sort="shoe_size")


def test_query_classes_become_the_documented_arms() -> None:
    def arms(text: str) -> list[list[tuple[str, str]]]:
        return [[(t.column, t.value) for t in arm] for arm in search.parse_query(text).arms]

    assert arms("") == [[]]
    assert arms("S") == [[("family_fold", "s")]]
    assert arms("Mü") == [[("family_fold", "mu")], [("given_fold", "mu")]]
    assert arms("Smith  Jo") == [[("family_fold", "smith"), ("given_fold", "jo")],
                                 [("given_fold", "smith"), ("family_fold", "jo")], [("family_fold", "smith  jo")]]
    assert arms("03.02.1970") == [[("date_of_birth", "1970-02-03")]]
    assert search.parse_query("D0012").sort == "mrn"  # an MRN lists in MRN order
    assert search.parse_query("D0012", "born").sort == "born"


# --- plans ---------------------------------------------------------------------------------------


COMMON_FAMILY, COMMON_GIVEN = ["Martin", "Smith", "Mason", "Jones"], ["Mary", "Mark", "John", "Anna"]


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """30,000 patients where "ma", "mar", "jo", "smith" are common first letters of both name parts
    (more than COUNT_CAP matches), "zo"/"zed" rare ones."""
    rng = random.Random(11)
    patients = []
    for i in range(30_000):
        family = rng.choice(COMMON_FAMILY) if rng.random() < 0.7 else f"Q{rng.randrange(10**6):06d}"
        given = "Zoe" if i % 1000 == 0 else rng.choice(COMMON_GIVEN) if rng.random() < 0.7 else "Xavier"
        patients.append(Patient(family, given, dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(20_000)),
                                "unknown", "", f"D{i:07d}"))
    engine = engine_with(tmp_path_factory.mktemp("large"), patients)
    yield engine
    engine.dispose()


def plans(engine: Engine, query: str, sort: str = "name", descending: bool = False) -> list[tuple[search.Plan, str]]:
    """Each arm's chosen plan and SQLite's EXPLAIN QUERY PLAN for its statement."""
    parsed = search.parse_query(query, sort)
    out = []
    with Session(engine) as session:
        connection = session.connection()
        terms = list(dict.fromkeys(t for arm in parsed.arms for t in arm))
        total, counts = search.count_ranges(connection, terms)
        for arm in parsed.arms:
            plan = search.choose_plan(arm, parsed.sort, counts, total, search.SEARCH_LIMIT)
            sql, parameters = search.arm_sql(arm, parsed.sort, plan, descending=descending,
                                             need=search.SEARCH_LIMIT)
            steps = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters).all()
            out.append((plan, " | ".join(str(step[-1]) for step in steps)))
    return out


@pytest.mark.parametrize("query", ["", "m", "s", "ma", "mar", "jo", "mary martin", "mark smith", "mary mason"])
@pytest.mark.parametrize("descending", [False, True])
def test_common_names_are_read_in_name_order_from_the_name_index_without_a_sort(
    large: Engine, query: str, descending: bool
) -> None:
    for plan, explained in plans(large, query, descending=descending):
        assert "TEMP B-TREE" not in explained, (query, explained)
        assert "USING COVERING INDEX ix_patients_family_given" in explained, (query, explained)
        assert not plan.sorted


def test_the_old_single_statement_needed_a_multi_index_or_and_a_sort(large: Engine) -> None:
    """What the arms replace: one OR statement collects every match and sorts them all."""
    statement = search.search_statement("ma")
    with Session(large) as session:
        compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        steps = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
    explained = " | ".join(str(step[-1]) for step in steps)
    assert "MULTI-INDEX OR" in explained and "TEMP B-TREE" in explained


@pytest.mark.parametrize("query", ["smith", "zo", "smith jo", "jo smith", "x", "zed", "smith zoe", "q"])
def test_a_sort_happens_only_over_a_range_counted_under_the_cap(large: Engine, query: str) -> None:
    for plan, explained in plans(large, query):
        if "TEMP B-TREE" in explained:
            assert plan.sorted and ("SEARCH patients USING INDEX" in explained
                                    or "SEARCH patients USING COVERING INDEX" in explained), explained
        else:
            assert "ix_patients_family_given" in explained, explained


def test_a_rare_given_name_is_read_from_its_own_index_and_only_that_small_range_is_sorted(large: Engine) -> None:
    family_arm, given_arm = plans(large, "zo")
    assert "ix_patients_family_given" in family_arm[1] and "TEMP B-TREE" not in family_arm[1]
    plan, explained = given_arm
    assert plan.sorted and plan.index == "ix_patients_given_fold"
    # The index holds (given_fold, family_fold) since migration 0006: the range is sorted into name order
    # from the index alone, with no visit to the table per match.
    assert "SEARCH patients USING COVERING INDEX ix_patients_given_fold (given_fold>? AND given_fold<?)" in explained
    with Session(large) as session:
        _total, counts = search.count_ranges(session.connection(), [search.Term("given_fold", "zo")])
    assert counts[search.Term("given_fold", "zo")] < search.COUNT_CAP  # the sort is over at most this many


@pytest.mark.parametrize(("query", "index"), [
    ("1975-03-04", "ix_patients_date_of_birth"), ("D00123", "ix_patients_mrn_fold"), ("d", "ix_patients_family_given"),
])
def test_birth_dates_and_mrns_search_their_own_index(large: Engine, query: str, index: str) -> None:
    [(_plan, explained)] = plans(large, query)
    assert f"INDEX {index}" in explained and "SCAN" not in explained


@pytest.mark.parametrize("sort", ["given", "born", "mrn"])
@pytest.mark.parametrize("query", ["", "ma", "smith jo", "zo", "m"])
def test_other_orders_never_scan_the_table_and_sort_only_small_ranges(large: Engine, query: str, sort: str) -> None:
    for plan, explained in plans(large, query, sort):
        assert "SCAN patients" not in explained or "INDEX" in explained, explained  # an index, never the table
        if "TEMP B-TREE" in explained:
            assert plan.sorted  # chosen because the range was counted under COUNT_CAP


def test_choose_plan_weighs_walking_the_order_against_sorting_a_small_range() -> None:
    given = search.Term("given_fold", "ma")
    arm = (given,)
    common = search.choose_plan(arm, "name", {given: search.COUNT_CAP}, 1_000_000, 50)
    assert (common.index, common.sorted) == ("ix_patients_family_given", False)
    rare = search.choose_plan(arm, "name", {given: 12}, 1_000_000, 50)
    assert (rare.index, rare.sorted) == ("ix_patients_given_fold", True)
    # In given-name order the given-name index is the order itself.
    ordered = search.choose_plan(arm, "given", {given: 12}, 1_000_000, 50)
    assert (ordered.index, ordered.sorted) == ("ix_patients_given_fold", False)


def test_count_is_the_number_of_patients(mixed: Engine) -> None:
    with Session(mixed) as session:
        assert search.count_patients(session) == 700
