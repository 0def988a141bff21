"""Synthetic demo data: generated in batches, loaded in one transaction with the indexes rebuilt."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
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


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'demo.db'}")
    upgrade(engine)
    yield engine
    engine.dispose()


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
    assert [len(p) for p, _i in first] == [100, 100, 50]
    assert [[x.patient for _n, x, _a in i] for _p, i in first] == [[x.patient for _n, x, _a in i] for _p, i in again]
    for patients, intakes in first:
        assert [n for n, _document, _result in intakes] == list(range(len(patients)))
        for n, document, result in intakes:
            assert document.patient is patients[n]
            # The age answered is the age on the day of the visit, exactly.
            assert document.patient.age_on(document.visit_date) == document.answers["age_years"]
            assert result["level"] in {"urgent", "likely", "possible", "not_indicated"}
    mrns = [p.mrn for patients, _i in first for p in patients]
    assert mrns[0] == "D0000001" and mrns[-1] == "D0000250" and len(set(mrns)) == 250


def test_generate_is_all_batches_with_indexes_into_one_list() -> None:
    patients, intakes = demo.generate(120, today=TODAY)
    batches = list(demo.generate_batches(120, today=TODAY, batch=50))
    assert patients == [p for batch, _i in batches for p in batch]
    assert [(patients[n], d.answers) for n, d, _r in intakes] == [
        (batch[n], d.answers) for batch, docs in batches for n, d, _r in docs]


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
    for patients, intakes in demo.generate_batches(300, today=TODAY, batch=128):
        for n, document, _result in intakes:
            p = patients[n]
            digest.update(json.dumps([p.date_of_birth.isoformat() if p.date_of_birth else None, p.sex, p.phone, p.mrn,
                                      document.visit_date.isoformat(), document.answers], sort_keys=True).encode())
    assert digest.hexdigest()[:16] == PINNED_DATA


def test_the_portable_loader_stores_what_the_sqlite_loader_stores(tmp_path: Path) -> None:
    """The loader for other databases (PostgreSQL), run here on SQLite: the same rows, results and outcomes
    (the urgent route's time follows the moment of the load, so only whether there is one is compared)."""
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
                "mrn, mrn_fold FROM patients ORDER BY id",
                "SELECT id, patient_id, status, questionnaire, visit_date, answers, entered_by, rules_version, level, "
                "tier, red_flags_not_asked, row_version, revision FROM intakes ORDER BY id",
                "SELECT intake_id, rules_version, level, tier, result_id, cause FROM assessments ORDER BY id",
                "SELECT id, digest FROM assessment_results ORDER BY id",
                "SELECT intake_id, finding, other_cause, seen_by, seen_on, imaging, urgent_route_at IS NULL, note, "
                "synthetic, recorded_by, recorded_at, row_version FROM outcomes ORDER BY intake_id")]
        engine.dispose()
        return [[tuple(json.loads(v) if isinstance(v, str) and v[:1] == "{" else v for v in row) for row in table]
                for table in rows]

    sqlite_rows = load("sqlite.db", bulk._SqliteLoader)
    assert all(sqlite_rows) and len(sqlite_rows[0]) == 60
    assert load("portable.db", bulk._PortableLoader) == sqlite_rows
