"""Synthetic demo data: generated in batches, loaded in one transaction with the indexes rebuilt."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from intake_app import demo
from intake_app.domain import IntakeDocument, Patient, fold
from intake_app.storage import Repository, bulk, create_database_engine, upgrade

TODAY = dt.date(2026, 3, 2)
# What the row-by-row generator made of the default seed (see the test that checks it).
PINNED_DATA = "b9d0650e32dcc760"
# The intakes' (created, completed) times from the default seed, in UTC with the computer's zone UTC: made
# on purpose when demo intakes began to be completed on their visit days (before, all at the moment of the load).
PINNED_TIMES = "fcd65040b1709b03"
# Time zones as POSIX rules (no time-zone database needed), with their offset on 1 January at noon.
ZONES = {"UTC0": 0, "NZST-12NZDT,M9.5.0,M4.1.0/3": 13, "PST8PDT,M3.2.0,M11.1.0": -8, "GMT0BST,M3.5.0/1,M10.5.0": 0}


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'demo.db'}")
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    """zone(rule) makes the computer's local time zone `rule` for the test; the zone comes back after it."""
    saved = os.environ.get("TZ")

    def use(rule: str) -> None:
        os.environ["TZ"] = rule
        time.tzset()
        offset = dt.datetime(2026, 1, 1, 12).astimezone().utcoffset()
        assert offset == dt.timedelta(hours=ZONES[rule])  # the zone is in force

    yield use
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def schema(engine: Engine) -> list[tuple[str, str]]:
    database = engine.url.database
    assert database is not None
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()


def journal_mode(engine: Engine) -> str:
    database = engine.url.database
    assert database is not None
    with sqlite3.connect(database) as connection:
        return str(connection.execute("PRAGMA journal_mode").fetchone()[0])


def test_batches_are_repeatable_bounded_and_point_into_their_own_patients() -> None:
    first = list(demo.generate_batches(250, today=TODAY, batch=100))
    again = list(demo.generate_batches(250, today=TODAY, batch=100))
    assert [len(p) for p, _i, _t in first] == [100, 100, 50]
    assert [[x.patient for _n, x, _a in i] for _p, i, _t in first] == [
        [x.patient for _n, x, _a in i] for _p, i, _t in again]
    assert [t for _p, _i, t in first] == [t for _p, _i, t in again]
    for patients, intakes, times in first:
        assert [n for n, _document, _result in intakes] == list(range(len(patients)))
        assert len(times) == len(intakes)
        for n, document, result in intakes:
            assert document.patient is patients[n]
            # The age answered is the age on the day of the visit, exactly.
            assert document.patient.age_on(document.visit_date) == document.answers["age_years"]
            assert result["level"] in {"urgent", "likely", "possible", "not_indicated"}
    mrns = [p.mrn for patients, _i, _t in first for p in patients]
    assert mrns[0] == "D0000001" and mrns[-1] == "D0000250" and len(set(mrns)) == 250


def test_generate_is_all_batches_with_indexes_into_one_list() -> None:
    patients, intakes = demo.generate(120, today=TODAY)
    batches = list(demo.generate_batches(120, today=TODAY, batch=50))
    assert patients == [p for batch, _i, _t in batches for p in batch]
    assert [(patients[n], d.answers) for n, d, _r in intakes] == [
        (batch[n], d.answers) for batch, docs, _t in batches for n, d, _r in docs]


def test_a_bulk_load_stores_everything_readably_and_rebuilds_identical_indexes(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 1)  # rebuild even for this small load
    before = schema(engine)
    added = bulk.bulk_load(engine, demo.generate_batches(130, today=TODAY, batch=40), expected=130)
    assert added == 130
    assert schema(engine) == before  # same names, same definitions
    assert journal_mode(engine) == "wal"
    repository = Repository(engine)
    assert repository.count_patients() == 130
    patients, intakes = demo.generate(130, today=TODAY)
    for n in (0, 64, 129):
        record = repository.get_intake(n + 1)
        assert record.document.patient == patients[n]
        assert dict(record.document.answers) == dict(intakes[n][1].answers)
        [stored] = repository.assessments(n + 1)
        assert stored.result == intakes[n][2] and stored.cause == "complete"
    with sqlite3.connect(str(engine.url.database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        folded = connection.execute("SELECT family_fold, given_fold, mrn_fold, phone_digits FROM patients "
                                    "WHERE id = 1").fetchone()
    first = patients[0]
    assert folded == (fold(first.family_name), fold(first.given_name), fold(first.mrn),
                      "".join(c for c in first.phone if c.isdigit()))


def test_a_second_load_continues_the_ids(engine: Engine) -> None:
    bulk.bulk_load(engine, demo.generate_batches(30, today=TODAY, batch=20), expected=30)
    bulk.bulk_load(engine, demo.generate_batches(20, today=TODAY, batch=20), expected=20)
    repository = Repository(engine)
    assert repository.count_patients() == 50
    assert repository.get_intake(50).patient_id == 50


def test_a_failed_load_leaves_nothing_behind_indexes_and_wal_included(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 1)
    before = schema(engine)

    def failing() -> Iterator[bulk.Batch]:
        yield from demo.generate_batches(40, today=TODAY, batch=20)
        patient = Patient("Broken", "Row", dt.date(1970, 1, 1))
        # An intake pointing at a patient that is not in its batch: the loader refuses it (it writes
        # without the database's row-by-row foreign-key checks, so it checks what it is given itself).
        yield [patient], [(5, IntakeDocument(patient, TODAY, {}), {"rules_version": "x", "level": "possible",
                                                                 "tier": None})]

    with pytest.raises(ValueError, match="patient 5 of a batch of 1"):
        bulk.bulk_load(engine, failing(), expected=60)
    assert schema(engine) == before
    assert journal_mode(engine) == "wal"
    assert Repository(engine).count_patients() == 0
    assert foreign_keys_checked(engine)


def foreign_keys_checked(engine: Engine) -> bool:
    """Whether the connection the engine hands out next checks foreign keys."""
    with engine.connect() as connection:
        return bool(connection.exec_driver_sql("PRAGMA foreign_keys").scalar())


@pytest.mark.parametrize("expected", [5, 20_000])  # a small load, and one that rebuilds the indexes
def test_the_load_writes_without_row_by_row_key_checks_and_gives_them_back(engine: Engine, expected: int) -> None:
    seen: list[int] = []
    real = bulk._SqliteLoader._write

    def spy(self: Any, batches: Any) -> Any:
        seen.append(int(self.connection.exec_driver_sql("PRAGMA foreign_keys").scalar()))
        return real(self, batches)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bulk._SqliteLoader, "_write", spy)
        bulk.bulk_load(engine, demo.generate_batches(5, today=TODAY), expected=expected)
    assert seen == [0]
    assert foreign_keys_checked(engine)
    with sqlite3.connect(str(engine.url.database)) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_an_outcome_drawn_for_an_intake_outside_the_batch_is_refused(engine: Engine) -> None:
    from intake_app.domain.outcomes import Outcome

    def stray(cases: list[Any]) -> Iterator[tuple[int, Outcome]]:
        yield cases[-1].intake_id + 1, Outcome(finding="not_seen", synthetic=True)

    outcomes = bulk.BatchOutcomes(stray, "admin", dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC),
                                  lambda n: bulk.demo_event(n, n))
    with pytest.raises(ValueError, match="not one of this batch's"):
        bulk.bulk_load(engine, demo.generate_batches(10, today=TODAY), expected=10, outcomes=outcomes)
    assert Repository(engine).count_patients() == 0
    assert foreign_keys_checked(engine)


@pytest.mark.parametrize(("value", "literal"), [
    (None, "NULL"), (True, "1"), (0, "0"), ("complete", "'complete'"), ("O'Brien", "'O''Brien'"),
    ("2026-03-02 12:00:00", "'2026-03-02 12:00:00'")])
def test_constants_of_the_load_become_sql_literals(value: Any, literal: str) -> None:
    assert bulk._literal(value) == literal


@pytest.mark.parametrize("value", ["a\x00b", 1.5, b"bytes"])
def test_values_that_are_no_plain_literal_are_refused(value: Any) -> None:
    with pytest.raises(TypeError):
        bulk._literal(value)


def test_json_is_encoded_per_object_even_when_objects_come_and_go(engine: Engine) -> None:
    """The encoder caches by object identity; objects freed after their batch must never be mistaken
    for new ones that got the same address."""
    def batches() -> Iterator[bulk.Batch]:
        for b in range(30):
            patients = [Patient(f"Name{b}", "Given", dt.date(1970, 1, 1)) for _ in range(5)]
            documents = [(i, IntakeDocument(p, TODAY, {"pain_score_0_10": (b * 5 + i) % 11}),
                          {"rules_version": "t", "level": "possible", "tier": None, "n": b * 5 + i})
                         for i, p in enumerate(patients)]
            yield patients, documents

    bulk.bulk_load(engine, batches())
    repository = Repository(engine)
    for intake_id in (1, 77, 150):
        n = intake_id - 1
        assert repository.get_intake(intake_id).document.answers == {"pain_score_0_10": n % 11}
        assert repository.assessments(intake_id)[0].result["n"] == n


@pytest.mark.parametrize("text", ["D0000001", "  MRN-12 ", "ÅSE-9", "x\u0301y", "Straße"])
def test_the_fast_fold_for_mrns_is_fold(text: str) -> None:
    assert bulk._Encoder.fold_unique(text) == fold(text)


def test_bulk_insert_keeps_its_old_contract(engine: Engine) -> None:
    patients, intakes = demo.generate(12, today=TODAY)
    bulk.bulk_insert(engine, patients, intakes)
    found: Any = Repository(engine).search_patients(patients[3].family_name)
    assert patients[3] in [r.patient for r in found]


def test_the_name_pools_are_the_ones_a_faker_with_every_provider_draws() -> None:
    from faker import Faker

    full = Faker(["en_GB", "en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "pl_PL", "nl_NL"])
    full.seed_instance(99)
    families = sorted({full.last_name() for _ in range(1500)})
    givens = sorted({full.first_name() for _ in range(1500)})
    assert demo._name_pools(99) == (families, givens)


def test_the_same_seed_gives_the_same_data_as_before_the_column_wise_generator() -> None:
    """Everything but the names (Faker's) and the screening's result, pinned: birth dates, sexes, phones,
    MRNs, visit dates and answers of 300 patients from the default seed (built row by row before)."""
    import hashlib
    import json

    digest = hashlib.sha256()
    for patients, intakes, _times in demo.generate_batches(300, today=TODAY, batch=128):
        for n, document, _result in intakes:
            p = patients[n]
            digest.update(json.dumps([p.date_of_birth.isoformat() if p.date_of_birth else None, p.sex, p.phone, p.mrn,
                                      document.visit_date.isoformat(), document.answers], sort_keys=True).encode())
    assert digest.hexdigest()[:16] == PINNED_DATA


def test_the_portable_loader_stores_what_the_sqlite_loader_stores(tmp_path: Path) -> None:
    """The loader for other databases (PostgreSQL), run here on SQLite: the same rows, times, results and
    outcomes."""
    from intake_app.demo_outcomes import OutcomeDrawer

    def load(name: str, loader: Any) -> list[Any]:
        engine = create_database_engine(f"sqlite:///{tmp_path / name}")
        upgrade(engine)
        outcomes = bulk.BatchOutcomes(OutcomeDrawer(seed=3, today=TODAY).draw, "admin",
                                      dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC), lambda n: bulk.demo_event(n, n))
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(bulk, "_SqliteLoader", loader)
            bulk.bulk_load(engine, demo.generate_batches(60, today=TODAY, batch=25), expected=60, outcomes=outcomes)
        with engine.connect() as connection:
            rows = [connection.exec_driver_sql(sql).all() for sql in (
                "SELECT id, family_name, given_name, family_fold, given_fold, date_of_birth, sex, phone, phone_digits, "
                "mrn, mrn_fold, created_at, updated_at FROM patients ORDER BY id",
                "SELECT id, patient_id, status, questionnaire, visit_date, answers, entered_by, rules_version, level, "
                "tier, red_flags_not_asked, row_version, revision, created_at, updated_at, completed_at FROM intakes "
                "ORDER BY id",
                "SELECT intake_id, rules_version, level, tier, result_id, cause, created_at FROM assessments "
                "ORDER BY id",
                "SELECT id, digest FROM assessment_results ORDER BY id",
                "SELECT intake_id, finding, other_cause, seen_by, seen_on, imaging, urgent_route_at, note, "
                "synthetic, recorded_by, recorded_at, row_version FROM outcomes ORDER BY intake_id")]
        engine.dispose()
        return [[tuple(json.loads(v) if isinstance(v, str) and v[:1] == "{" else v for v in row) for row in table]
                for table in rows]

    sqlite_rows = load("sqlite.db", bulk._SqliteLoader)
    assert all(sqlite_rows) and len(sqlite_rows[0]) == 60
    assert any(row[6] is not None for row in sqlite_rows[4])  # urgent routes, compared to the second
    assert load("portable.db", bulk._PortableLoader) == sqlite_rows


@pytest.mark.parametrize("rule", list(ZONES))
def test_each_intake_is_completed_on_its_visit_day_in_clinic_hours_minutes_after_it_was_started(
    zone: Callable[[str], None], rule: str
) -> None:
    """Local time as the app reads it (this computer's zone), summer time changes included: TODAY's 720 days
    of visits hold two spring and two autumn changes in each zone with summer time."""
    zone(rule)
    count = 0
    for _patients, intakes, times in demo.generate_batches(500, today=TODAY, batch=200):
        for (_n, document, _result), (created, completed) in zip(intakes, times, strict=True):
            assert created.utcoffset() is not None and completed.utcoffset() is not None  # aware
            local = completed.astimezone()
            assert local.date() == document.visit_date <= TODAY
            assert dt.time(8) <= local.time() < dt.time(18)
            assert dt.timedelta(minutes=4) <= completed - created <= dt.timedelta(minutes=20)
            count += 1
    assert count == 500
    for back in range(721):  # every visit day's clinic hours, the days the clocks change included
        day = TODAY - dt.timedelta(days=back)
        for hour in (8, 17):
            assert (demo._local_midnight(day) + dt.timedelta(hours=hour)).astimezone().replace(tzinfo=None) == (
                dt.datetime.combine(day, dt.time(hour)))


def test_no_intake_is_completed_after_the_moment_of_the_load(zone: Callable[[str], None]) -> None:
    """A visit today at an hour not come yet is completed at the moment of the load, started minutes before
    (never before the day began)."""
    zone("UTC0")
    now = dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)  # before the clinic opens
    today = []
    for _patients, intakes, times in demo.generate_batches(1000, now=now, batch=400):
        for (_n, document, _result), (created, completed) in zip(intakes, times, strict=True):
            assert completed <= now and document.visit_date <= now.date()
            if document.visit_date == now.date():
                today.append((created, completed))
    assert today == [(dt.datetime(2026, 3, 2, 6, 50, tzinfo=dt.UTC), now)]
    assert [t for *_rest, t in demo.generate_batches(40, now=now)] == [
        t for *_rest, t in demo.generate_batches(40, today=now.date(), now=now)]


def test_the_same_seed_gives_the_same_times(zone: Callable[[str], None]) -> None:
    import hashlib

    zone("UTC0")
    digest = hashlib.sha256()
    for _patients, _intakes, times in demo.generate_batches(300, today=TODAY, batch=128):
        for created, completed in times:
            digest.update(f"{created.isoformat()} {completed.isoformat()}".encode())
    assert digest.hexdigest()[:16] == PINNED_TIMES


def test_the_loaders_store_each_intakes_own_times_and_register_its_patient_when_it_was_started(
    zone: Callable[[str], None], engine: Engine
) -> None:
    zone("NZST-12NZDT,M9.5.0,M4.1.0/3")
    expected = [(f"{created.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S}.000000",
                 f"{completed.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S}.000000")
                for _p, _i, times in demo.generate_batches(45, today=TODAY, batch=20) for created, completed in times]
    bulk.bulk_load(engine, demo.generate_batches(45, today=TODAY, batch=20), expected=45)
    with sqlite3.connect(str(engine.url.database)) as connection:
        stored = connection.execute(
            "SELECT i.created_at, i.updated_at, i.completed_at, p.created_at, p.updated_at, a.created_at, i.visit_date "
            "FROM intakes i JOIN patients p ON p.id = i.patient_id JOIN assessments a ON a.intake_id = i.id "
            "ORDER BY i.id").fetchall()
    assert [(row[0], row[2]) for row in stored] == expected
    for created, updated, completed, registered, changed, assessed, visit in stored:
        assert updated == completed == assessed and registered == changed == created
        local = dt.datetime.fromisoformat(completed).replace(tzinfo=dt.UTC).astimezone()
        assert local.date().isoformat() == visit
    record = Repository(engine).get_intake(1)
    assert record.completed_at is not None and record.created_at < record.completed_at


def test_a_batch_without_times_is_stamped_with_the_moment_of_the_load(engine: Engine) -> None:
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    patients, intakes = demo.generate(5, today=TODAY)
    bulk.bulk_insert(engine, patients, intakes)
    with sqlite3.connect(str(engine.url.database)) as connection:
        stamps = connection.execute("SELECT DISTINCT i.created_at, i.completed_at, p.created_at FROM intakes i "
                                    "JOIN patients p ON p.id = i.patient_id").fetchall()
    [(created, completed, registered)] = stamps
    assert created == completed == registered and dt.datetime.fromisoformat(completed) >= before


@pytest.mark.parametrize(("times", "message"), [
    (lambda t: t[:-1], "the times of 4 intakes for 5 intakes"),
    (lambda t: [(c.replace(tzinfo=None), d) for c, d in t], "aware"),
    (lambda t: [(d, c) for c, d in t], "completed before it was created"),
])
@pytest.mark.parametrize("loader", ["_SqliteLoader", "_PortableLoader"])
def test_a_batch_with_times_that_do_not_fit_is_refused_whole(
    engine: Engine, times: Callable[[list[Any]], list[Any]], message: str, loader: str
) -> None:
    [(patients, intakes, good)] = list(demo.generate_batches(5, today=TODAY))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bulk, "_SqliteLoader", getattr(bulk, loader))
        with pytest.raises(ValueError, match=message):
            bulk.bulk_load(engine, [(patients, intakes, times(list(good)))], expected=5)
    assert Repository(engine).count_patients() == 0


@pytest.mark.parametrize("value", [
    dt.datetime(2025, 4, 10, 12, 42, 50, tzinfo=dt.UTC), dt.datetime(2024, 2, 29, 23, 59, 59, tzinfo=dt.UTC),
    dt.datetime(1969, 12, 31, 0, 0, 1, tzinfo=dt.UTC), dt.datetime(999, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
    dt.datetime(2026, 3, 2, 9, 0, 0, 7, tzinfo=dt.UTC),
    dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=13))),
])
def test_the_loaders_time_text_is_what_sqlalchemy_stores(engine: Engine, value: dt.datetime) -> None:
    from intake_app.storage.models import IntakeRow

    with engine.connect() as connection:
        column = IntakeRow.__table__.c.completed_at
        stamp = column.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)
    assert stamp is not None
    made = bulk._TimeText()
    assert made(value) == made(value) == stamp(value.astimezone(dt.UTC).replace(tzinfo=None))


def test_the_times_are_two_columns_of_microseconds_read_as_aware_utc_pairs(zone: Callable[[str], None]) -> None:
    """The generator's times are integer columns (no datetime per row); read as pairs they are the aware UTC
    times the pinned test hashes, and a completion time with microseconds (the moment of the load) is exact."""
    zone("PST8PDT,M3.2.0,M11.1.0")
    now = dt.datetime(2026, 3, 2, 20, 15, 7, 123457, tzinfo=dt.UTC)  # 12:15 in the clinic: later visits capped
    [(_patients, intakes, times)] = list(demo.generate_batches(6000, now=now, batch=6000))  # ~8 visits today
    assert isinstance(times, demo.EpochTimes) and len(times) == 6000
    pairs = list(times)
    assert pairs == [times[n] for n in range(6000)] == times[:] and times == pairs
    assert all(created.tzinfo is dt.UTC and completed.tzinfo is dt.UTC for created, completed in pairs)
    assert [demo.to_epoch(c) for c, _d in pairs] == times.created
    assert times.completed_times() == [d for _c, d in pairs]
    capped = [d for (_n, document, _r), (_c, d) in zip(intakes, pairs, strict=True)
              if document.visit_date == now.astimezone().date() and d == now]
    assert capped  # completed at the moment of the load, to the microsecond
    assert max(d for _c, d in pairs) == now


@pytest.mark.parametrize("micros", [0, 1, 999_999, 1_772_409_600_000_000, 1_772_409_600_000_001, -1, -86_400_000_001])
def test_the_loaders_text_of_epoch_columns_is_what_sqlalchemy_stores(engine: Engine, micros: int) -> None:
    from intake_app.storage.models import IntakeRow

    with engine.connect() as connection:
        column = IntakeRow.__table__.c.completed_at
        stamp = column.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)
    assert stamp is not None
    value = demo.from_epoch(micros)
    made = bulk._TimeText()
    assert made.epoch_column([micros, micros]) == [stamp(value.replace(tzinfo=None))] * 2


@pytest.mark.parametrize("loader", ["_SqliteLoader", "_PortableLoader"])
def test_epoch_times_completed_before_they_were_created_are_refused_whole(engine: Engine, loader: str) -> None:
    [(patients, intakes, good)] = list(demo.generate_batches(5, today=TODAY))
    swapped = demo.EpochTimes(good.completed, good.created)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bulk, "_SqliteLoader", getattr(bulk, loader))
        with pytest.raises(ValueError, match="completed before it was created"):
            bulk.bulk_load(engine, [(patients, intakes, swapped)], expected=5)
    assert Repository(engine).count_patients() == 0


@pytest.mark.parametrize("fails", [False, True])
def test_the_collector_runs_less_often_during_a_load_and_as_before_after_it(
    engine: Engine, fails: bool
) -> None:
    """A load's batches live until written; with Python's default thresholds each batch set off a full
    collection. The collector stays on (it still runs) with a higher young threshold, given back after."""
    import gc

    seen: list[tuple[int, int, int]] = []
    collections = [0]

    def batches() -> Iterator[Any]:
        for batch in demo.generate_batches(30, today=TODAY, batch=10):
            seen.append(gc.get_threshold())
            yield batch
        if fails:
            raise RuntimeError("the generator broke")

    def counted(phase: str, info: dict[str, Any]) -> None:
        collections[0] += phase == "start"

    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    gc.callbacks.append(counted)
    try:
        if fails:
            with pytest.raises(RuntimeError):
                bulk.bulk_load(engine, batches(), expected=30)
        else:
            bulk.bulk_load(engine, batches(), expected=30)
            gc.collect()
        assert seen and all(t == (bulk.LOAD_GC_THRESHOLD, 10, 10) for t in seen)
        assert gc.get_threshold() == (700, 10, 10) and gc.isenabled()
        assert fails or collections[0] >= 1
    finally:
        gc.callbacks.remove(counted)
        gc.set_threshold(*saved)


def test_a_demo_batch_read_a_column_at_a_time_stores_the_rows_read_one_by_one(tmp_path: Path) -> None:
    """The SQLite loader reads a demo batch's columns (no Patient or IntakeDocument per row); the same batches as
    plain lists of objects go row by row. Every stored row is the same (ids, names, folds, dates, answers,
    results, times, registration), outcomes included."""
    from intake_app.demo_outcomes import OutcomeDrawer

    def load(name: str, plain: bool) -> list[list[tuple[Any, ...]]]:
        engine = create_database_engine(f"sqlite:///{tmp_path / name}")
        upgrade(engine)
        batches: Iterator[Any] = demo.generate_batches(70, today=TODAY, batch=30)
        if plain:
            batches = ((list(p), list(i), list(t)) for p, i, t in batches)
        outcomes = bulk.BatchOutcomes(OutcomeDrawer(seed=5, today=TODAY).draw, "admin",
                                      dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC), lambda n: bulk.demo_event(n, n))
        bulk.bulk_load(engine, batches, expected=70, outcomes=outcomes)
        with engine.connect() as connection:
            rows = [connection.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1").all()
                    for table in ("patients", "intakes", "assessments", "assessment_results", "outcomes")]
        engine.dispose()
        return [[tuple(v for v in row if not (isinstance(v, str) and len(v) == 36 and v.count("-") == 4))
                 for row in table] for table in rows]  # the intakes' random UUIDs aside

    columns, plain = load("columns.db", False), load("plain.db", True)
    assert all(columns) and len(columns[0]) == 70
    assert columns == plain
