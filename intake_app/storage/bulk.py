"""Bulk loading of synthetic demo data: many patients and completed intakes in one transaction.

Rows arrive in batches and are written batch by batch, so memory stays flat however many there
are. A batch may give each intake its own (created, completed) times (demo data: completed on the
visit day); without them every row is stamped with the moment of the load. On SQLite rows go straight
to the driver as tuples (several times faster than per-row parameter handling), the load's constants
('complete', the outcomes' recording time) written into the statements as literals, and without the
database's row-by-row foreign-key checks (the loader numbers every reference itself and checks the ones it
is given); when the load is at least as big as what the tables already hold, the tables' secondary
indexes are dropped first and rebuilt from their own stored definitions at the end (building an index
from sorted data beats a million random inserts into it), and the patient count's triggers step aside
for one UPDATE of the count. Each distinct assessment is stored once (storage/results.py): a million
intakes share a few thousand results. Demo data's synthetic outcomes (`BatchOutcomes`) are drawn and
written with each batch, from each intake's completion time. It is all one transaction: a failure
leaves the database as it was, indexes and triggers included. SQLite's stored forms, its INSERT statements
and the indexes' and triggers' stepping aside are in bulk_sqlite.py.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import operator
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine

from intake_app.access.audit_chain import AuditAction, AuditEvent
from intake_app.access.roles import SYSTEM
from intake_app.demo import DemoIntakes, DemoPatients, EpochTimes, from_epoch
from intake_app.demo_outcomes import DemoCase
from intake_app.domain import IntakeDocument, Patient
from intake_app.domain.outcomes import Outcome
from intake_app.storage import audit_store
from intake_app.storage.bulk_sqlite import (
    _JSON_CACHE_MAX,
    _bind_processor,
    _drop_count_triggers,
    _drop_indexes,
    _Encoder,
    _literal,  # noqa: F401 - kept importable here (tests check the load's literals as bulk._literal)
    _naive_utc,
    _TimeText,
    _Writer,
)
from intake_app.storage.database import storage_errors
from intake_app.storage.models import AssessmentResultRow, AssessmentRow, IntakeRow, PatientRow
from intake_app.storage.models_outcomes import OutcomeRow
from intake_app.storage.results import canonical_json, result_id
from intake_app.storage.rows import _patient_values, utcnow

BatchIntake = tuple[int, IntakeDocument, dict[str, Any]]  # (index into the batch's patients, document, result)
ResultColumns = tuple[str, str, str | None, int]  # rules version, level, tier, stored result id
IntakeTimes = tuple[dt.datetime, dt.datetime]  # an intake's (created, completed) time, aware
# Patients and their intakes; optionally each intake's times (in the intakes' order). A patient is created when
# its first intake in the batch was, or at the moment of the load.
Batch = (tuple[Sequence[Patient], Sequence[BatchIntake]]
         | tuple[Sequence[Patient], Sequence[BatchIntake], Sequence[IntakeTimes]])
# Below this many new patients, rebuilding the indexes costs more than it saves.
REBUILD_MIN_ROWS = 10_000
# Page cache while loading (KiB): index builds sort in it. The connection's default comes back after.
LOAD_CACHE_KIB = 128 * 1024
# The collector's young-generation threshold while loading (Python's default is 700 allocations; see
# `_collections_spaced_out`).
LOAD_GC_THRESHOLD = 50_000


def bulk_insert(
    engine: Engine, patients: Sequence[Patient], intakes: Iterable[tuple[int, IntakeDocument, dict[str, Any]]]
) -> None:
    """Insert patients and their completed intakes in one transaction (synthetic demo data).

    `intakes` holds (index into patients, document, assessment JSON).
    """
    bulk_load(engine, [(patients, list(intakes))], expected=len(patients))


@dataclass(frozen=True)
class BatchOutcomes:
    """Made-up outcomes written with each batch (demo data): `draw` gets the batch's new completed intakes
    in id order and gives (intake id, outcome) for those that have one (each marked synthetic); they are
    recorded by `recorded_by` at `recorded_at` (aware), and `audit(count)` is the one entry saying how many."""

    draw: Callable[[list[DemoCase]], Iterable[tuple[int, Outcome]]]
    recorded_by: str
    recorded_at: dt.datetime
    audit: Callable[[int], AuditEvent]


def demo_event(patients: int, intakes: int) -> AuditEvent:
    """The audit entry of a load nobody asked for by name: recorded as the program itself."""
    return AuditEvent(at=dt.datetime.now(dt.UTC), who=SYSTEM.name, role=SYSTEM.role.value,
                      action=AuditAction.DEMO_DATA.value, desk="", detail=f"{patients} patients, {intakes} intakes")


def bulk_load(engine: Engine, batches: Iterable[Batch], *, expected: int = 0,
              audit: Callable[[int, int], AuditEvent] = demo_event, outcomes: BatchOutcomes | None = None) -> int:
    """Insert batches of patients with their completed intakes in ONE transaction; returns how many
    patients were added. In each batch an intake's index points into that batch's patients.
    `expected` (about how many patients will come) decides whether rebuilding the indexes pays off.
    `audit(patients, intakes)` gives the audit event, chained in the same transaction (then the
    outcomes' one, when `outcomes` drew any).
    """
    now = utcnow()
    with (_collections_spaced_out(), storage_errors(), _loading_connection(engine, expected) as connection,
          connection.begin()):
        loader = _SqliteLoader if connection.dialect.name == "sqlite" else _PortableLoader
        load = loader(connection, now, outcomes)
        added, intakes = load.run(batches, expected)
        events = [audit(added, intakes)]
        if outcomes is not None and load.outcomes_written:
            events.append(outcomes.audit(load.outcomes_written))
        audit_store.append(connection, events)
    return added


@contextmanager
def _collections_spaced_out() -> Iterator[None]:
    """The garbage collector stays on during a load, but runs after every LOAD_GC_THRESHOLD new objects instead
    of every 700. A batch's rows live until the batch is written, so with the default every batch's objects were
    promoted to the oldest generation and each batch set off a full collection, a walk over every object of the
    process (the libraries included): 17 of them for 200,000 patients, 1.7 s of 14 s of CPU. Spaced out, the
    same garbage is collected, in a few dozen young collections and no full one. Put back afterwards."""
    saved = gc.get_threshold()
    gc.set_threshold(max(saved[0], LOAD_GC_THRESHOLD), *saved[1:])
    try:
        yield
    finally:
        gc.set_threshold(*saved)


@contextmanager
def _loading_connection(engine: Engine, expected: int) -> Iterator[Connection]:
    """A connection for the load. On SQLite:

    - The foreign keys are not checked row by row (a lookup per row in the parent's table, about a fifth
      of the inserts' CPU): the loader makes every reference itself (ids it numbers, results it stored)
      and checks the ones it is given (an intake's patient inside its batch, an outcome's intake inside
      the batch drawn). Checking is back on before the connection goes back to the pool.
    - For a large load into a file that nobody else has open, the file leaves WAL mode for the load: in
      WAL every new page is written twice (to the log, then into the file), with a rollback journal once,
      as pages added at the end need no journal. Atomicity is the same (the journal, FULL sync). WAL comes
      back at the end; every new connection sets it anyway.
    """
    if engine.dialect.name != "sqlite":
        with engine.connect() as connection:
            yield connection
        return
    large = expected >= REBUILD_MIN_ROWS
    if large:
        engine.dispose()  # idle pooled connections of this process would keep the file in WAL mode
    with engine.connect() as connection:
        # Straight to the driver: these pragmas change only outside a transaction, and SQLAlchemy would
        # begin one first.
        driver = connection.connection.dbapi_connection
        assert driver is not None
        mode = "wal"
        if large:
            try:
                mode = driver.execute("PRAGMA journal_mode=TRUNCATE").fetchone()[0]
            except sqlite3.Error:  # another program has the file open: stay in WAL
                mode = "wal"
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            yield connection
        finally:
            try:
                driver.execute("PRAGMA foreign_keys=ON")
                if mode != "wal":
                    driver.execute("PRAGMA journal_mode=WAL").fetchone()
            except sqlite3.Error:
                # Never back to the pool like this: the connection is closed, and the next one is opened
                # with foreign keys and WAL as every new connection is (the load itself stands).
                connection.invalidate()


def _next_id(connection: Connection, model: Any) -> int:
    return int(connection.scalar(select(model.id).order_by(model.id.desc()).limit(1)) or 0) + 1


_VARIANT = "89ab" * 4  # the RFC 4122 variant: the 17th hex digit is 8, 9, a or b


def uuid4_batch(count: int) -> list[str]:
    """`count` random (version 4) UUIDs as text, about twice as fast as str(uuid.uuid4()) one by one."""
    raw = os.urandom(16 * count).hex()
    return [f"{raw[i:i + 8]}-{raw[i + 8:i + 12]}-4{raw[i + 13:i + 16]}-{_VARIANT[int(raw[i + 16], 16)]}"
            f"{raw[i + 17:i + 20]}-{raw[i + 20:i + 32]}" for i in range(0, 32 * count, 32)]


class _Loader:
    """What both loaders share: the next ids, the results stored once, the outcomes drawn per batch."""

    def __init__(self, connection: Connection, now: dt.datetime, outcomes: BatchOutcomes | None) -> None:
        self.connection = connection
        self.now = now
        self.outcomes = outcomes
        self.outcomes_written = 0
        self.next_patient, self.next_intake = _next_id(connection, PatientRow), _next_id(connection, IntakeRow)
        self.next_assessment = _next_id(connection, AssessmentRow)
        # id(result object) -> (object, (rules version, level, tier, stored id)); the object is kept so that
        # its id is not reused while cached.
        self._results: dict[int, tuple[Any, ResultColumns]] = {}
        self._by_digest: dict[str, int] = {}

    def result_columns(self, result: dict[str, Any], new: list[tuple[int, str, str]]) -> ResultColumns:
        """The rules version, level, tier and stored id of a result (its object is shared by every intake
        with the same answers, so all this is worked out once per object); a result not stored yet is
        appended to `new` as (id, digest, JSON text)."""
        cached = self._results.get(id(result))
        if cached is not None:
            return cached[1]
        text = canonical_json(result)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        found = self._by_digest.get(digest)
        if found is None:
            found = self.connection.execute(
                select(AssessmentResultRow.id).where(AssessmentResultRow.digest == digest)).scalar()
        if found is None:
            found = self._new_result(result, digest, new)
        self._by_digest[digest] = found
        if len(self._results) >= _JSON_CACHE_MAX:
            self._results.clear()
        columns = (result["rules_version"], result["level"], result["tier"], int(found))
        self._results[id(result)] = (result, columns)
        return columns

    def _new_result(self, result: dict[str, Any], digest: str, new: list[tuple[int, str, str]]) -> int:
        raise NotImplementedError

    def cases(self, documents: Sequence[BatchIntake], first_intake: int,
              completed: Sequence[dt.datetime]) -> list[DemoCase]:
        return [DemoCase(first_intake + n, result["level"], result["tier"], document.visit_date, done)
                for n, ((_index, document, result), done) in enumerate(zip(documents, completed, strict=True))]

    def times(self, batch: Batch) -> Sequence[IntakeTimes]:
        """The batch's (created, completed) time of each intake (aware): its own, else the moment of the load."""
        documents = batch[1]
        if len(batch) == 2:
            now = self.now.replace(tzinfo=dt.UTC)
            return [(now, now)] * len(documents)
        times = batch[2]
        if len(times) != len(documents):
            raise ValueError(f"a batch gives the times of {len(times)} intakes for {len(documents)} intakes")
        if isinstance(times, EpochTimes):  # UTC by definition; the order checked a column at a time
            if not all(map(operator.le, times.created, times.completed)):
                raise ValueError("an intake completed before it was created")
            return times
        for created, completed in times:
            if created.tzinfo is None or completed.tzinfo is None:
                raise ValueError("an intake's times must be aware (with their time zone)")
            if completed < created:
                raise ValueError("an intake completed before it was created")
        return times

    def drawn_outcomes(self, cases: list[DemoCase]) -> Iterator[tuple[int, Outcome]]:
        """The outcomes drawn for these cases, each checked: synthetic, and for one of these intakes (the
        loader writes without the database's foreign-key checks)."""
        assert self.outcomes is not None
        if not cases:
            return
        first, last = cases[0].intake_id, cases[-1].intake_id
        for intake_id, outcome in self.outcomes.draw(cases):
            if not outcome.synthetic:
                raise ValueError("only synthetic outcomes are stored in bulk")
            if not first <= intake_id <= last:
                raise ValueError(f"an outcome drawn for intake {intake_id}, not one of this batch's")
            yield intake_id, outcome

    def run(self, batches: Iterable[Batch], expected: int) -> tuple[int, int]:
        raise NotImplementedError


class _PortableLoader(_Loader):
    """Any database: Core executemany per batch."""

    def _new_result(self, result: dict[str, Any], digest: str, new: list[tuple[int, str, str]]) -> int:
        return result_id(self.connection, result, digest=digest)

    def run(self, batches: Iterable[Batch], expected: int) -> tuple[int, int]:
        connection, now = self.connection, self.now
        added = intakes = 0
        for batch in batches:
            patients, documents = batch[0], batch[1]
            times = self.times(batch)
            registered = [now] * len(patients)  # each patient: when its first intake was created
            intake_rows, assessment_rows = [], []
            uuids = uuid4_batch(len(documents))
            for n, ((index, document, assessment), (began, ended)) in enumerate(zip(documents, times, strict=True)):
                _check_index(index, len(patients))
                created, completed = _naive_utc(began), _naive_utc(ended)
                registered[index] = min(registered[index], created)
                rules, level, tier, stored = self.result_columns(assessment, [])
                intake_rows.append({
                    "id": self.next_intake + n, "patient_id": self.next_patient + index, "status": "complete",
                    "questionnaire": document.questionnaire, "visit_date": document.visit_date,
                    "answers": document.answers, "entered_by": dict(document.entered_by),
                    "rules_version": rules, "level": level, "tier": tier, "red_flags_not_asked": False,
                    "created_at": created, "updated_at": completed, "completed_at": completed,
                    "intake_uuid": uuids[n]})
                assessment_rows.append({
                    "intake_id": self.next_intake + n, "rules_version": rules, "level": level, "tier": tier,
                    "result_id": stored, "cause": "complete", "created_at": completed})
            connection.execute(insert(PatientRow), [
                dict(_patient_values(p), id=self.next_patient + i, created_at=registered[i], updated_at=registered[i])
                for i, p in enumerate(patients)])
            if intake_rows:
                connection.execute(insert(IntakeRow), intake_rows)
                connection.execute(insert(AssessmentRow), assessment_rows)
                self._outcomes(documents, [ended for _began, ended in times])
            self.next_patient += len(patients)
            self.next_intake += len(intake_rows)
            added += len(patients)
            intakes += len(intake_rows)
        return added, intakes

    def _outcomes(self, documents: Sequence[BatchIntake], completed: list[dt.datetime]) -> None:
        if self.outcomes is None:
            return
        recorded_at = _naive_utc(self.outcomes.recorded_at)
        rows = [{"intake_id": intake_id, **_outcome_values(outcome), "recorded_by": self.outcomes.recorded_by,
                 "recorded_at": recorded_at, "row_version": 1}
                for intake_id, outcome in self.drawn_outcomes(self.cases(documents, self.next_intake, completed))]
        if rows:
            self.connection.execute(insert(OutcomeRow), rows)
            self.outcomes_written += len(rows)


def _check_index(index: int, patients: int) -> None:
    if not 0 <= index < patients:
        raise ValueError(f"an intake refers to patient {index} of a batch of {patients}")


def _outcome_values(outcome: Outcome) -> dict[str, Any]:
    route = outcome.urgent_route_at
    return {"finding": outcome.finding, "other_cause": outcome.other_cause, "seen_by": outcome.seen_by,
            "seen_on": outcome.seen_on, "imaging": ",".join(outcome.imaging),
            "urgent_route_at": _naive_utc(route) if route is not None else None,
            "note": outcome.note, "synthetic": True}


class _SqliteLoader(_Loader):
    """SQLite: rows straight to the driver as tuples, values already in stored form."""

    def _new_result(self, result: dict[str, Any], digest: str, new: list[tuple[int, str, str]]) -> int:
        stored = self.next_result
        self.next_result += 1
        new.append((stored, digest, self.encode.json(result)))
        return stored

    def run(self, batches: Iterable[Batch], expected: int) -> tuple[int, int]:
        connection = self.connection
        self.next_result = _next_id(connection, AssessmentResultRow)
        rebuild = expected >= REBUILD_MIN_ROWS and expected >= self.next_patient - 1
        saved_cache = int(connection.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
        connection.exec_driver_sql(f"PRAGMA cache_size=-{LOAD_CACHE_KIB}")
        try:
            indexes = _drop_indexes(connection) if rebuild else []
            triggers = _drop_count_triggers(connection) if rebuild else []
            self.encode = _Encoder(connection)
            stamp = _bind_processor(connection, PatientRow.__table__.c.created_at)
            self.stamp = stamp or (lambda v: v)
            added, intakes = self._write(batches)
            for sql in indexes:
                connection.exec_driver_sql(sql)
            if triggers:
                connection.exec_driver_sql("UPDATE patient_count SET patients = patients + ? WHERE id = 1", (added,))
                for sql in triggers:
                    connection.exec_driver_sql(sql)
        finally:
            connection.exec_driver_sql(f"PRAGMA cache_size={saved_cache}")
        return added, intakes

    def _write(self, batches: Iterable[Batch]) -> tuple[int, int]:
        connection, encode, outcomes = self.connection, self.encode, self.outcomes
        when = self.stamp(self.now)
        # Each intake's times are bound per row (they differ: demo intakes are completed on their visit days), as
        # text made here, not by the driver's adapter; the load's constants are literals.
        patients_out = _Writer(connection, PatientRow.__table__, (
            "id", "family_name", "given_name", "family_fold", "given_fold", "date_of_birth", "sex", "phone",
            "phone_digits", "mrn", "mrn_fold", "created_at", "updated_at"))
        intakes_out = _Writer(connection, IntakeRow.__table__, (
            "id", "patient_id", "questionnaire", "visit_date", "answers", "entered_by", "rules_version", "level",
            "tier", "intake_uuid", "created_at", "updated_at", "completed_at"),
            {"status": "complete", "red_flags_not_asked": 0})
        results_out = _Writer(connection, AssessmentResultRow.__table__, ("id", "digest", "result"))
        assessments_out = _Writer(connection, AssessmentRow.__table__, (
            "id", "intake_id", "rules_version", "level", "tier", "result_id", "created_at"), {"cause": "complete"})
        if outcomes is not None:
            # The account name stays a bound value; only what the loader made itself becomes a literal.
            outcomes_out = _Writer(connection, OutcomeRow.__table__, (
                "intake_id", "finding", "other_cause", "seen_by", "seen_on", "imaging", "urgent_route_at", "note",
                "recorded_by"), {"synthetic": 1, "recorded_at": self.stamp(_naive_utc(outcomes.recorded_at)),
                                 "row_version": 1})
        text = self.time_text()
        text_of_epoch = text.epoch_column if isinstance(text, _TimeText) else (
            lambda values: [text(from_epoch(v)) for v in values])
        date, json_text, columns = encode.date, encode.json, self.result_columns
        added = intakes = 0
        for batch in batches:
            patients, documents = batch[0], batch[1]
            next_patient, next_intake, next_assessment = self.next_patient, self.next_intake, self.next_assessment
            size = len(patients)
            if len(batch) == 2:
                began = ended = [when] * len(documents)
                completed = [self.now.replace(tzinfo=dt.UTC)] * len(documents)
            else:
                times = self.times(batch)
                if isinstance(times, EpochTimes):  # no datetime per row: text straight from the numbers
                    began, ended = text_of_epoch(times.created), text_of_epoch(times.completed)
                    completed = times.completed_times() if outcomes is not None else []  # for the outcomes
                else:
                    began, ended = [text(c) for c, _d in times], [text(d) for _c, d in times]
                    completed = [d for _c, d in times]
            new_results = list[tuple[int, str, str]]()
            uuids = uuid4_batch(len(documents))
            if isinstance(documents, DemoIntakes) and isinstance(patients, DemoPatients) \
                    and documents.patients is patients:
                patient_rows, intake_rows, assessment_rows, levels = self._column_rows(
                    patients, documents, began, ended, uuids, when, new_results)
                patients_out.write(patient_rows)
                intakes_out.write(intake_rows)
                results_out.write(new_results)
                assessments_out.write(assessment_rows)
                if outcomes is not None:
                    cases = list(map(DemoCase, range(next_intake, next_intake + len(documents)), *levels,
                                     documents.visit, completed))
                    outcomes_out.write(self._outcome_rows(cases, outcomes.recorded_by))
                self.next_patient += size
                self.next_intake += len(intake_rows)
                self.next_assessment += len(assessment_rows)
                added += size
                intakes += len(intake_rows)
                continue
            registered = [when] * size  # each patient: when its first intake was created
            intake_rows, assessment_rows = [], []
            for n, (index, document, result) in enumerate(documents):
                if not 0 <= index < size:
                    _check_index(index, size)
                rules, level, tier, stored = columns(result, new_results)
                intake_id = next_intake + n
                entered = json_text(document.entered_by) if document.entered_by else "{}"
                created, done = began[n], ended[n]
                if created < registered[index]:  # texts of one format: compared as times
                    registered[index] = created
                intake_rows.append((intake_id, next_patient + index, document.questionnaire, date(document.visit_date),
                                    json_text(document.answers), entered, rules, level, tier, uuids[n], created, done,
                                    done))
                assessment_rows.append((next_assessment + n, intake_id, rules, level, tier, stored, done))
            patients_out.write([
                (next_patient + i, p.family_name, p.given_name, encode.fold(p.family_name), encode.fold(p.given_name),
                 date(p.date_of_birth), p.sex, p.phone, encode.digits(p.phone), p.mrn, encode.fold_unique(p.mrn),
                 registered[i], registered[i])
                for i, p in enumerate(patients)])
            intakes_out.write(intake_rows)
            results_out.write(new_results)
            assessments_out.write(assessment_rows)
            if outcomes is not None:
                outcomes_out.write(self._outcome_rows(self.cases(documents, next_intake, completed),
                                                      outcomes.recorded_by))
            self.next_patient += size
            self.next_intake += len(intake_rows)
            self.next_assessment += len(assessment_rows)
            added += size
            intakes += len(intake_rows)
        return added, intakes

    def _column_rows(self, patients: DemoPatients, documents: DemoIntakes, began: list[str], ended: list[str],
                     uuids: list[str], when: str, new_results: list[tuple[int, str, str]],
                     ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]],
                                tuple[Sequence[str], Sequence[str | None]]]:
        """The rows of a demo batch made a column at a time (`zip` builds each row's tuple), the same rows the
        row-by-row path makes of the same batch: intake n is patient n's, so each patient is registered when its
        one intake was started (or at the moment of the load, whichever is first). Also the level and tier
        columns, for the outcomes."""
        encode, json_text, columns = self.encode, self.encode.json, self.result_columns
        size = len(patients)
        first_patient, first_intake, first_assessment = self.next_patient, self.next_intake, self.next_assessment
        patient_ids = range(first_patient, first_patient + size)
        intake_ids = range(first_intake, first_intake + size)
        rules, levels, tiers, stored = zip(*[columns(result, new_results) for _answers, result in documents.found],
                                           strict=True) if size else ((), (), (), ())
        answers = [json_text(answers) for answers, _result in documents.found]
        visits = list(map(encode.date, documents.visit))
        registered = [created if created < when else when for created in began]  # texts of one format
        fold = encode.fold
        patient_rows = list(zip(
            patient_ids, patients.family, patients.given, map(fold, patients.family), map(fold, patients.given),
            map(encode.date, patients.born), patients.sex, patients.phone, map(encode.digits, patients.phone),
            patients.mrn, map(encode.fold_unique, patients.mrn), registered, registered, strict=True))
        questionnaire, entered = [documents.questionnaire] * size, ["{}"] * size
        intake_rows = list(zip(intake_ids, patient_ids, questionnaire, visits, answers, entered, rules, levels, tiers,
                               uuids, began, ended, ended, strict=True))
        assessment_rows = list(zip(range(first_assessment, first_assessment + size), intake_ids, rules, levels, tiers,
                                   stored, ended, strict=True))
        return patient_rows, intake_rows, assessment_rows, (levels, tiers)

    def time_text(self) -> Callable[[dt.datetime], str]:
        """How an aware time becomes its stored text: the fast way (a `_TimeText`) when it agrees with
        SQLAlchemy's."""
        samples = (dt.datetime(2025, 3, 30, 1, 59, 59, tzinfo=dt.UTC), dt.datetime(1969, 12, 31, 23, 0, tzinfo=dt.UTC),
                   dt.datetime(2026, 11, 30, 9, 5, 7, 4321, tzinfo=dt.timezone(dt.timedelta(hours=-5))))
        fast = _TimeText()
        if all(fast(value) == self.stamp(_naive_utc(value)) for value in samples):
            return fast
        stamp = self.stamp
        return lambda value: str(stamp(_naive_utc(value)))

    def _outcome_rows(self, cases: list[DemoCase], by: str) -> list[tuple[Any, ...]]:
        date, stamp = self.encode.date, self.stamp
        rows = [(intake_id, outcome.finding, outcome.other_cause, outcome.seen_by, date(outcome.seen_on),
                 ",".join(outcome.imaging), None if outcome.urgent_route_at is None
                 else stamp(_naive_utc(outcome.urgent_route_at)), outcome.note, by)
                for intake_id, outcome in self.drawn_outcomes(cases)]
        self.outcomes_written += len(rows)
        return rows
