"""Issue 14 target 2: on SQLite a draft save runs on the process's one connection as the pool lends it.

The save takes the pool's connection without a SQLAlchemy Connection or the pool's proxy around it
(storage/database.py `lent`), runs its four statements there in one BEGIN IMMEDIATE ... COMMIT, and gives
the connection back, also after a failure and with no transaction left open. It is still the one
connection every thread of the program shares, one thread at a time. Whatever listens to SQLAlchemy's
statement or checkout events is served the ordinary way (a pooled Connection), so it sees every statement.
What a save keeps (the version check, refusals that change nothing, the audit entry in the same
transaction) is tested on this path too, in test_save_path.py (the "lent" way).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from intake_app.access.audit_chain import verify
from intake_app.domain import Patient
from intake_app.errors import StaleRecord
from intake_app.storage import database, drafts
from tests.conftest import signed_in_clinic

BORN = dt.date(1970, 1, 2)


def _draft(clinic: Any, mrn: str = "L-1") -> Any:
    return clinic.start_intake(clinic.register_patient(Patient("Lentsave", "Alex", BORN, "female", "", mrn)).id)


def _pools_connection(engine: Any) -> sqlite3.Connection:
    pooled = engine.raw_connection()
    try:
        driver: sqlite3.Connection = pooled.driver_connection
        return driver
    finally:
        pooled.close()


def test_a_save_checks_out_no_sqlalchemy_connection(clinic: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = _draft(clinic)
    engine = clinic.repository.engine
    opened: list[str] = []
    original = engine.connect

    def connect() -> Any:
        opened.append("connect")
        return original()

    monkeypatch.setattr(engine, "connect", connect)
    visit = draft.document.visit_date
    record = draft
    for score in range(3):  # the first save reads the intake; the next ones use the record this desk holds
        record = clinic.save_draft(record.id, {"pain_score_0_10": score}, visit, expected_version=record.row_version,
                                   by="staff")
    assert opened == ["connect"]  # only the first save's read of the intake
    monkeypatch.undo()
    assert record == clinic.repository.get_intake(draft.id)


def test_a_save_runs_on_the_pools_one_connection_and_gives_it_back(clinic: Any) -> None:
    draft = _draft(clinic)
    engine = clinic.repository.engine
    visit = draft.document.visit_date
    held = clinic.save_draft(draft.id, {"pain_score_0_10": 1}, visit, expected_version=draft.row_version)
    driver = _pools_connection(engine)
    seen: list[str] = []
    driver.set_trace_callback(seen.append)
    try:
        clinic.save_draft(draft.id, {"pain_score_0_10": 2}, visit, expected_version=held.row_version)
    finally:
        driver.set_trace_callback(None)
    words = [" ".join(sql.split()[:3]).upper() for sql in seen]
    # The anchor's thread may read the new entries after the commit; the save itself is these six.
    assert words[:6] == ["BEGIN IMMEDIATE", "UPDATE INTAKES SET", "SELECT AUDIT_HEAD.SEQ, AUDIT_HEAD.HASH",
                         "INSERT INTO AUDIT_LOG", "UPDATE AUDIT_HEAD SET", "COMMIT"]
    assert engine.pool.checkedout() == 0
    assert not driver.in_transaction
    assert _pools_connection(engine) is driver  # the same connection, still the pool's


def test_while_lent_the_connection_is_out_of_the_pool(clinic: Any) -> None:
    engine = clinic.repository.engine
    driver = _pools_connection(engine)
    with database.lent(engine) as lent:
        assert lent is driver
        assert engine.pool.checkedout() == 1  # a checkout now waits, as for any other thread holding it
    assert engine.pool.checkedout() == 0


def test_a_failure_while_lent_rolls_back_and_gives_the_connection_back(clinic: Any) -> None:
    engine = clinic.repository.engine
    before = clinic.repository.audit_head()
    with pytest.raises(RuntimeError), database.lent(engine) as lent:
        lent.execute("BEGIN IMMEDIATE")
        lent.execute("UPDATE audit_head SET seq = seq + 100")
        raise RuntimeError("failed half way")
    assert engine.pool.checkedout() == 0
    assert not _pools_connection(engine).in_transaction
    assert clinic.repository.audit_head() == before


def test_listeners_of_sqlalchemys_events_are_served_the_ordinary_way(clinic: Any) -> None:
    engine = clinic.repository.engine
    assert database.lends(engine)

    def statement(*_args: Any) -> None:
        return None

    def checkout(*_args: Any) -> None:
        return None

    for target, name, listener in ((engine, "before_cursor_execute", statement),
                                   (engine, "after_cursor_execute", statement), (engine.pool, "checkout", checkout),
                                   (engine.pool, "checkin", checkout)):
        event.listen(target, name, listener)
        try:
            assert not database.lends(engine), name
        finally:
            event.remove(target, name, listener)
        assert database.lends(engine)
    draft = _draft(clinic)
    visit = draft.document.visit_date
    held = clinic.save_draft(draft.id, {"pain_score_0_10": 2}, visit, expected_version=draft.row_version)
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda _c, _cursor, sql, *_rest: seen.append(sql.split()[0]))
    clinic.save_draft(draft.id, {"pain_score_0_10": 3}, visit, expected_version=held.row_version)
    assert [word.upper() for word in seen] == ["UPDATE", "SELECT", "INSERT", "UPDATE"]


def test_a_stale_save_on_the_lent_connection_is_refused_with_the_current_record(
    clinic: Any, database_url: str
) -> None:
    draft = _draft(clinic)
    visit = draft.document.visit_date
    mine = clinic.save_draft(draft.id, {"pain_score_0_10": 1}, visit, expected_version=draft.row_version)
    other = signed_in_clinic(database_url, "front-desk")
    try:
        theirs = other.save_draft(draft.id, {"pain_score_0_10": 8}, visit, expected_version=mine.row_version)
    finally:
        other.close()
    with pytest.raises(StaleRecord) as refused:
        clinic.save_draft(draft.id, {"pain_score_0_10": 2}, visit, expected_version=mine.row_version)
    assert refused.value.current == theirs
    assert clinic.repository.engine.pool.checkedout() == 0
    assert clinic.repository.get_intake(draft.id) == theirs


def test_threads_saving_at_once_share_the_one_connection_one_at_a_time(
    clinic: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = clinic.repository.engine
    lent_connections: set[int] = set()
    inside = [0]
    overlapped: list[int] = []
    original = database.lent

    @contextmanager
    def watched(engine: Any) -> Iterator[sqlite3.Connection]:
        with original(engine) as driver:
            lent_connections.add(id(driver))
            inside[0] += 1
            if inside[0] > 1:
                overlapped.append(inside[0])
            try:
                yield driver
            finally:
                inside[0] -= 1

    monkeypatch.setattr(drafts, "lent", watched)
    drafts_of = [_draft(clinic, f"L-T{n}") for n in range(6)]
    failures: list[BaseException] = []

    def work(draft: Any) -> None:
        try:
            record = draft
            for score in range(20):
                record = clinic.save_draft(record.id, {"pain_score_0_10": score % 11}, record.document.visit_date,
                                           expected_version=record.row_version, by="staff")
                clinic.search_patients("lentsave")
        except BaseException as exc:  # collected and reported by the test
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(draft,)) for draft in drafts_of]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert overlapped == []
    assert lent_connections == {id(_pools_connection(engine))}
    for draft in drafts_of:
        assert clinic.repository.get_intake(draft.id).row_version == draft.row_version + 20
    assert engine.pool.checkedout() == 0
    assert verify(clinic.repository.iter_audit()).ok


def test_the_update_returns_nothing_unless_an_acknowledgement_could_lapse(clinic: Any) -> None:
    from tests.conftest import CLINICIAN_SIGNS, FULL_ANSWERS

    answers = {**FULL_ANSWERS, "age_years": Patient("x", "y", BORN).age_on(dt.date.today())}
    draft = _draft(clinic)
    visit = draft.document.visit_date
    driver = _pools_connection(clinic.repository.engine)
    seen: list[str] = []

    def update_of_a_held_record(answers: dict[str, Any], version: int) -> tuple[Any, str]:
        seen.clear()
        driver.set_trace_callback(seen.append)
        try:
            saved = clinic.save_draft(draft.id, answers, visit, expected_version=version)
        finally:
            driver.set_trace_callback(None)
        return saved, next(sql for sql in seen if sql.upper().startswith("UPDATE INTAKES"))

    held = clinic.save_draft(draft.id, {**answers, "rf_saddle_numbness": "new"}, visit,
                             expected_version=draft.row_version)
    saved, update = update_of_a_held_record({**answers, "rf_saddle_numbness": "new", "pain_score_0_10": 2},
                                            held.row_version)
    assert "RETURNING" not in update.upper()  # urgent, but nothing acknowledged that could lapse
    acknowledged = clinic.acknowledge_red_flag(draft.id, **CLINICIAN_SIGNS)
    clinic.save_draft(draft.id, {**answers, "rf_saddle_numbness": "new", "pain_score_0_10": 3}, visit,
                      expected_version=acknowledged.row_version)  # this desk holds the acknowledged record
    held = clinic.repository.get_intake(draft.id)
    lapsed, update = update_of_a_held_record({**answers, "rf_saddle_numbness": "new", "rf_fever_or_unwell": "yes"},
                                             held.row_version)
    assert "RETURNING" in update.upper()  # an urgent rule fires on an acknowledged draft: the lapse is checked
    assert lapsed.acknowledged_at is None and lapsed == clinic.repository.get_intake(draft.id)
    assert saved.row_version + 3 == lapsed.row_version
