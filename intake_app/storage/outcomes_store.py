"""Outcomes in the database: record (with its audit entry), read, the "outcome due" list, the report's rows.

Functions over an Engine, each in its own transaction; they hand out domain objects (domain/outcomes.py,
screening/performance.py), never ORM rows. An outcome belongs to the intake as a whole: it is written on
the newest revision and read across all revisions of the intake (the same intake_uuid), so amending an
intake after its outcome was recorded keeps the outcome. Rows are never changed: a correction is the next
version (storage/models_outcomes.py). The audit entry (ids and the version only) is appended
(storage/audit_store.py, the chained trail) in the same transaction as the outcome.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Text, and_, cast, exists, func, insert, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from intake_app.access.audit_chain import AuditAction, AuditEntry, AuditEvent, event_for
from intake_app.access.roles import Actor
from intake_app.demo_outcomes import DemoCase
from intake_app.domain.outcomes import FIELD_LABELS, Outcome, OutcomeDue, OutcomeRecord
from intake_app.errors import IntakeError, InvalidInput, Phrase, phrase
from intake_app.screening.performance import CaseGroup, CaseRow, UrgentCase
from intake_app.storage import audit_store
from intake_app.storage.database import storage_errors, writing
from intake_app.storage.models import AssessmentResultRow, AssessmentRow, IntakeRow
from intake_app.storage.models_outcomes import OutcomeRow
from intake_app.translation_marks import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class AuditContext:
    """Who records, at which desk, when (aware), and what to tell once the entries are committed (the
    repository's `audit_committed`, which moves this computer's anchor)."""

    actor: Actor
    desk: str
    at: dt.datetime
    committed: Callable[[AuditEntry], None] | None = None

    def event(self, *, patient_id: int, intake_id: int, detail: str) -> AuditEvent:
        return event_for(self.actor, AuditAction.OUTCOME_RECORD, at=self.at, desk=self.desk,
                         patient_id=patient_id, intake_id=intake_id, detail=detail)

    def after_commit(self, entries: Sequence[AuditEntry]) -> None:
        if entries and self.committed is not None:
            self.committed(entries[-1])

STALE_MESSAGE = QT_TRANSLATE_NOOP("IntakeError", "The outcome of intake {intake} was recorded or corrected at another "
                                                 "desk after you opened it; yours was not saved.")
STALE_HINT = QT_TRANSLATE_NOOP("IntakeError",
                               "Open the intake again to see the outcome stored now, then correct it if needed.")


def to_utc(value: dt.datetime) -> dt.datetime:
    """A time as stored: naive UTC. A naive value is read as this computer's local time."""
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def from_utc(value: dt.datetime | None) -> dt.datetime:
    """A stored (naive UTC) time as an aware local time: durations stay exact, display is local. Only for
    columns the query has already required (a missing time there is a broken row)."""
    if value is None:
        raise ValueError("a stored time is missing")
    return value.replace(tzinfo=dt.UTC).astimezone()


def _outcome(row: OutcomeRow) -> Outcome:
    return Outcome(
        finding=row.finding, seen_by=row.seen_by, seen_on=row.seen_on, other_cause=row.other_cause,
        imaging=tuple(code for code in row.imaging.split(",") if code),
        urgent_route_at=from_utc(row.urgent_route_at) if row.urgent_route_at is not None else None,
        note=row.note, synthetic=row.synthetic,
    )


_OUTCOME_COLUMNS = (OutcomeRow.finding, OutcomeRow.seen_by, OutcomeRow.seen_on, OutcomeRow.other_cause,
                    OutcomeRow.imaging, OutcomeRow.urgent_route_at, OutcomeRow.note, OutcomeRow.synthetic,
                    OutcomeRow.row_version)


class _LocalTimes:
    """from_utc for many stored times: the local offset is looked up once per hour of UTC time (the offset
    only changes on the hour), which keeps the report's 100,000 conversions cheap."""

    def __init__(self) -> None:
        self.zones: dict[int, tuple[dt.timedelta, dt.tzinfo]] = {}
        self.last: tuple[dt.datetime, dt.datetime] | None = None

    def __call__(self, value: dt.datetime | None) -> dt.datetime:
        if value is None:
            raise ValueError("a stored time is missing")
        last = self.last
        if last is not None and last[0] == value:  # intakes completed together (an import, demo data)
            return last[1]
        hour = value.toordinal() * 24 + value.hour  # the UTC hour, as one number (cheaper than a tuple key)
        found = self.zones.get(hour)
        if found is None:
            zone = from_utc(value).tzinfo or dt.UTC
            found = self.zones[hour] = (zone.utcoffset(None) or dt.timedelta(), zone)
        converted = (value + found[0]).replace(tzinfo=found[1])  # = astimezone(zone): a fixed offset
        self.last = (value, converted)
        return converted


def _outcome_from(values: Sequence[Any], local: _LocalTimes) -> Outcome:
    finding, seen_by, seen_on, other_cause, imaging, route, note, synthetic, _version = values
    return Outcome(finding=finding, seen_by=seen_by, seen_on=seen_on, other_cause=other_cause,
                   imaging=tuple(code for code in imaging.split(",") if code),
                   urgent_route_at=local(route) if route is not None else None, note=note, synthetic=bool(synthetic))


def _record(row: OutcomeRow) -> OutcomeRecord:
    return OutcomeRecord(row.id, row.intake_id, _outcome(row), row.row_version, row.recorded_by,
                         from_utc(row.recorded_at))


def _row_values(outcome: Outcome) -> dict[str, Any]:
    return {
        "finding": outcome.finding, "other_cause": outcome.other_cause, "seen_by": outcome.seen_by,
        "seen_on": outcome.seen_on, "imaging": ",".join(outcome.imaging),
        "urgent_route_at": to_utc(outcome.urgent_route_at) if outcome.urgent_route_at is not None else None,
        "note": outcome.note, "synthetic": outcome.synthetic,
    }


def _same_intake(row: IntakeRow) -> Any:
    """Every revision of the intake `row` belongs to (rows from before 0003 may lack a uuid)."""
    if row.intake_uuid:
        return IntakeRow.intake_uuid == row.intake_uuid
    return IntakeRow.id == row.id


def _newest_revision(session: Session, intake_id: int, *, lock: bool) -> IntakeRow:
    row = session.get(IntakeRow, intake_id, with_for_update=lock or None)
    if row is None:
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "There is no intake {intake_id}; nothing was recorded."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Check the intake number on the patient's intake list."),
            params={"intake_id": intake_id},
        )
    seen = {row.id}
    while row.superseded_by is not None and row.superseded_by not in seen:
        newer = session.get(IntakeRow, row.superseded_by, with_for_update=lock or None)
        if newer is None:
            break
        seen.add(newer.id)
        row = newer
    return row


def not_complete_message(intake_id: int) -> Phrase:
    return phrase(QT_TRANSLATE_NOOP("IntakeError", "Intake {intake} is not complete yet; an outcome is recorded only "
                                                   "for a completed intake, so nothing was recorded."),
                  {"intake": intake_id})


def _current_version(session: Session, row: IntakeRow) -> int:
    return int(session.scalar(
        select(func.max(OutcomeRow.row_version)).join(IntakeRow, OutcomeRow.intake_id == IntakeRow.id)
        .where(_same_intake(row))
    ) or 0)


def _store(
    session: Session, intake_id: int, outcome: Outcome, audit: AuditContext, *, expected_version: int | None,
) -> tuple[OutcomeRow, list[AuditEntry]]:
    if outcome.urgent_route_at is not None and outcome.urgent_route_at.tzinfo is None:
        outcome = replace(outcome, urgent_route_at=outcome.urgent_route_at.astimezone())  # typed as local time
    row = _newest_revision(session, intake_id, lock=True)
    if row.status != "complete":
        raise IntakeError(
            not_complete_message(intake_id), hint=QT_TRANSLATE_NOOP("IntakeError", "Complete the intake first.")
        )
    current = _current_version(session, row)
    if expected_version is not None and expected_version != current:
        raise IntakeError(STALE_MESSAGE, hint=STALE_HINT, params={"intake": intake_id})
    if (outcome.urgent_route_at is not None and row.completed_at is not None
            and outcome.urgent_route_at < from_utc(row.completed_at) - dt.timedelta(hours=1)):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "The outcome was not recorded."),
            problems=[
                (
                    "urgent_route_at",
                    phrase(
                        QT_TRANSLATE_NOOP("IntakeError", "{field}: is before the intake was completed ({completed})"),
                        {
                            "field": Phrase.word("Outcome", FIELD_LABELS["urgent_route_at"]),
                            "completed": f"{from_utc(row.completed_at):%Y-%m-%d %H:%M}",
                        },
                    ),
                )
            ],
        )
    stored = OutcomeRow(intake_id=row.id, **_row_values(outcome), recorded_by=audit.actor.name,
                        recorded_at=to_utc(audit.at), row_version=current + 1)
    session.add(stored)
    session.flush()
    # Ids only: the finding and the text are clinical, so the entry names the version, nothing else.
    entries = audit_store.append(session, [audit.event(patient_id=row.patient_id, intake_id=row.id,
                                                       detail=f"version {stored.row_version}")])
    return stored, entries


def record_outcome(
    engine: Engine, intake_id: int, outcome: Outcome, audit: AuditContext, *, expected_version: int | None = None,
) -> OutcomeRecord:
    """Store the outcome of a completed intake (on its newest revision) as its next version, with its audit
    entry, in one transaction. `expected_version` (the version shown when the form was opened; 0 for none)
    refuses a save over a correction made meanwhile at another desk."""
    try:
        with storage_errors(), Session(writing(engine), expire_on_commit=False) as session, session.begin():
            stored, entries = _store(session, intake_id, outcome, audit, expected_version=expected_version)
            record = _record(stored)
        audit.after_commit(entries)
        return record
    except IntakeError as exc:
        if isinstance(exc.__cause__, IntegrityError):  # two desks wrote the same version at once
            raise IntakeError(STALE_MESSAGE, hint=STALE_HINT, params={"intake": intake_id}) from None
        raise


@dataclass(frozen=True)
class ImportLine:
    """One outcome read from an import file: the line it came from (for messages) and the intake id."""

    line: int
    intake_id: int
    outcome: Outcome


def intake_states(engine: Engine, intake_ids: Iterable[int]) -> dict[int, str]:
    """The status ("complete" or "draft") of the newest revision of each stored intake among `intake_ids`."""
    wanted = sorted(set(intake_ids))
    states: dict[int, str] = {}
    with storage_errors(), Session(engine) as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for intake_id in session.scalars(select(IntakeRow.id).where(IntakeRow.id.in_(chunk))):
                states[intake_id] = _newest_revision(session, intake_id, lock=False).status
    return states


def import_outcomes(engine: Engine, lines: Sequence[ImportLine], audit: AuditContext) -> list[OutcomeRecord]:
    """Store every outcome in ONE transaction (all or nothing), each as the next version of its intake's
    outcome with its own audit entry. A line whose intake is missing or not complete stops the import
    with InvalidInput naming the line; nothing is stored then."""
    with storage_errors(), Session(writing(engine), expire_on_commit=False) as session, session.begin():
        stored = []
        entries: list[AuditEntry] = []
        problems: list[tuple[str, str]] = []
        for item in lines:
            try:
                row, appended = _store(session, item.intake_id, item.outcome, audit, expected_version=None)
            except InvalidInput as exc:
                problems += [(f"line {item.line}", message) for _key, message in exc.problems]
                continue
            except IntakeError as exc:
                problems.append(
                    (
                        f"line {item.line}",
                        phrase(QT_TRANSLATE_NOOP("IntakeError", "Intake number: {message}"), {"message": exc.message}),
                    )
                )
                continue
            stored.append(row)
            entries += appended
        if problems:
            raise InvalidInput(QT_TRANSLATE_NOOP("IntakeError", "No outcome was imported."), problems=problems)
        records = [_record(row) for row in stored]
    audit.after_commit(entries)
    return records


def outcome_history(engine: Engine, intake_id: int) -> list[OutcomeRecord]:
    """Every version of the intake's outcome (all its revisions), the current one first."""
    with storage_errors(), Session(engine) as session:
        row = session.get(IntakeRow, intake_id)
        if row is None:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "There is no intake {intake_id}."), params={"intake_id": intake_id}
            )
        statement = (select(OutcomeRow).join(IntakeRow, OutcomeRow.intake_id == IntakeRow.id)
                     .where(_same_intake(row)).order_by(OutcomeRow.row_version.desc(), OutcomeRow.id.desc()))
        return [_record(r) for r in session.scalars(statement)]


def _has_outcome() -> Any:
    """True for an intake row one of whose revisions has an outcome."""
    revision = aliased(IntakeRow)
    return exists().where(
        OutcomeRow.intake_id == revision.id,
        or_(and_(IntakeRow.intake_uuid.is_not(None), revision.intake_uuid == IntakeRow.intake_uuid),
            revision.id == IntakeRow.id),
    )


def outcomes_due(
    engine: Engine, completed_before: dt.datetime, levels: Sequence[str], *, limit: int | None = None
) -> list[OutcomeDue]:
    """Completed intakes (newest revisions) with a result in `levels`, completed before `completed_before`
    (aware) and with no outcome on any revision: the oldest first."""
    statement = (
        select(IntakeRow.id, IntakeRow.patient_id, IntakeRow.visit_date, IntakeRow.completed_at, IntakeRow.level,
               IntakeRow.tier)
        .where(IntakeRow.status == "complete", IntakeRow.superseded_by.is_(None),
               IntakeRow.level.in_(list(levels)), IntakeRow.completed_at < to_utc(completed_before),
               ~_has_outcome())
        .order_by(IntakeRow.completed_at, IntakeRow.id)
    )
    if limit is not None:
        statement = statement.limit(limit)
    with storage_errors(), Session(engine) as session:
        return [OutcomeDue(i, p, visit, from_utc(done), str(level), tier)
                for i, p, visit, done, level, tier in session.execute(statement)]


# --- the performance report's rows -----------------------------------------------------------------


@dataclass(frozen=True)
class _Judgement:
    rules_version: str
    level: str
    tier: str | None
    fired: tuple[str, ...]
    open_safety: bool


def _judgement(text: str) -> _Judgement:
    result = json.loads(text)
    reasons = [r for r in result.get("reasons", []) if isinstance(r, Mapping)]
    rules = [str(r.get("rule", "")) for r in reasons]
    return _Judgement(
        rules_version=str(result.get("rules_version", "")), level=str(result.get("level", "")),
        tier=result.get("tier"),
        fired=tuple(dict.fromkeys(rule for rule in rules if rule and "." not in rule)),
        # D8 leads the recommendation with open safety answers; Q1 is a red-flag screen not finished.
        open_safety=any(rule in ("D8", "Q1") for rule in rules),
    )


def _period_bounds(start: dt.date | None, end: dt.date | None) -> list[Any]:
    """Conditions on completed_at (naive UTC) for local dates start..end, one day of slack each side;
    `measure` then keeps exactly the local dates asked for."""
    conditions: list[Any] = []
    if start is not None:
        conditions.append(IntakeRow.completed_at >= dt.datetime.combine(start, dt.time()) - dt.timedelta(days=1))
    if end is not None:
        conditions.append(IntakeRow.completed_at < dt.datetime.combine(end, dt.time()) + dt.timedelta(days=2))
    return conditions


def case_rows(engine: Engine, start: dt.date | None = None, end: dt.date | None = None) -> list[CaseRow]:
    """One row per completed intake (newest revision) completed in the period, judged by the result it was
    completed with (or that its import file carried), with its current outcome; plus one `rescreen` row for
    each intake re-screened since, judged by its latest re-screen. Each distinct stored result (migration
    0006: assessments refer to it by id) is read and judged once, however many intakes share it."""
    intakes = _chosen_assessments(_period_bounds(start, end))
    current = (select(OutcomeRow.intake_id.label("intake_id"), func.max(OutcomeRow.row_version).label("version"))
               .group_by(OutcomeRow.intake_id).subquery())
    outcomes = (
        select(IntakeRow.id, IntakeRow.intake_uuid, *_OUTCOME_COLUMNS)
        .join(OutcomeRow, OutcomeRow.intake_id == IntakeRow.id)
        .join(current, and_(current.c.intake_id == OutcomeRow.intake_id, current.c.version == OutcomeRow.row_version))
    )
    rows: list[CaseRow] = []
    local = _LocalTimes()
    # Outcomes are immutable values: equal ones (same finding, place, day...) are made once and shared.
    made: dict[tuple[Any, ...], Outcome] = {}
    with storage_errors(), engine.connect() as session:  # Core rows: no ORM loading for 100,000 of them
        by_intake: dict[object, tuple[int, Outcome]] = {}
        for intake_id, uuid, *values in session.execute(outcomes):
            key = uuid or intake_id
            version = values[-1]
            if key not in by_intake or by_intake[key][0] < version:
                fields = tuple(values[:-1])
                outcome = made.get(fields)
                if outcome is None:
                    outcome = made[fields] = _outcome_from(values, local)
                by_intake[key] = (version, outcome)
        found_rows = session.execute(intakes).all()
        judged = _judgements(session, (row[3] for row in found_rows))
        seen_original: set[int] = set()
        for intake_id, uuid, completed_at, result_id in found_rows:
            judgement = judged[result_id]
            rescreen = intake_id in seen_original
            seen_original.add(intake_id)
            found = by_intake.get(uuid or intake_id)
            rows.append(CaseRow(
                intake_id=intake_id, rules_version=judgement.rules_version, level=judgement.level,
                tier=judgement.tier, fired_rules=judgement.fired, open_safety=judgement.open_safety,
                completed_at=local(completed_at), outcome=found[1] if found else None, rescreen=rescreen,
            ))
    return rows


def _chosen_assessments(period: list[Any]) -> Any:
    """(intake id, uuid, completed_at, result id) of each completed newest revision in the period: its first
    non-rescreen assessment and its latest re-screen, in intake and assessment order."""
    original_id = (select(func.min(AssessmentRow.id)).where(AssessmentRow.cause != "rescreen")
                   .group_by(AssessmentRow.intake_id))
    rescreen_id = (select(func.max(AssessmentRow.id)).where(AssessmentRow.cause == "rescreen")
                   .group_by(AssessmentRow.intake_id))
    return (
        select(IntakeRow.id, IntakeRow.intake_uuid, IntakeRow.completed_at, AssessmentRow.result_id)
        .join(AssessmentRow, AssessmentRow.intake_id == IntakeRow.id)
        .where(IntakeRow.status == "complete", IntakeRow.superseded_by.is_(None), IntakeRow.completed_at.is_not(None),
               or_(AssessmentRow.id.in_(original_id), AssessmentRow.id.in_(rescreen_id)), *period)
        .order_by(IntakeRow.id, AssessmentRow.id)
    )


def _judgements(session: Any, wanted: Iterable[int]) -> dict[int, _Judgement]:
    """Each distinct stored result read and judged once."""
    ids = sorted(set(wanted))
    judged: dict[int, _Judgement] = {}
    for start_at in range(0, len(ids), 500):
        judged.update((result_id, _judgement(text)) for result_id, text in session.execute(
            select(AssessmentResultRow.id, cast(AssessmentResultRow.result, Text))
            .where(AssessmentResultRow.id.in_(ids[start_at:start_at + 500]))))
    return judged


def case_groups(engine: Engine, start: dt.date | None = None, end: dt.date | None = None) -> list[CaseGroup]:
    """The rows of `case_rows` counted by kind instead of one object per intake: per (stored result,
    original or re-screen, seen, confirmed, synthetic outcome), with the urgent cases listed one by one.
    `measure_groups` of these equals `measure` of case_rows(engine, start, end) for the same period. Times
    are converted to local time only where they are shown (urgent cases) or decide the period (the day of
    slack at each end of it)."""
    period = _period_bounds(start, end)
    # completed_at (naive UTC) inside these bounds has its local date inside start..end whatever the offset
    sure_from = dt.datetime.combine(start, dt.time()) + dt.timedelta(days=1) if start is not None else None
    sure_before = dt.datetime.combine(end, dt.time()) if end is not None else None
    # every stored version: the highest per intake (across its revisions) is kept below
    outcomes = (select(IntakeRow.id, IntakeRow.intake_uuid, OutcomeRow.finding, OutcomeRow.synthetic,
                       OutcomeRow.urgent_route_at, OutcomeRow.row_version)
                .join(OutcomeRow, OutcomeRow.intake_id == IntakeRow.id))
    local = _LocalTimes()
    with storage_errors(), engine.connect() as session:
        by_intake: dict[object, tuple[int, str, bool, dt.datetime | None]] = {}
        for intake_id, uuid, finding, synthetic, route, version in session.execute(outcomes):
            key = uuid or intake_id
            if key not in by_intake or by_intake[key][0] < version:
                by_intake[key] = (version, finding, bool(synthetic), route)
        found_rows = session.execute(_chosen_assessments(period)).all()
        judged = _judgements(session, (row[3] for row in found_rows))
    tallies: dict[tuple[int, bool, bool, bool, bool], list[Any]] = {}
    seen_original: set[int] = set()
    for place, (intake_id, uuid, completed_at, result_id) in enumerate(found_rows):
        rescreen = intake_id in seen_original
        seen_original.add(intake_id)
        sure = (sure_from is None or completed_at >= sure_from) and (sure_before is None or completed_at < sure_before)
        if not sure:
            day = local(completed_at).date()
            if (start is not None and day < start) or (end is not None and day > end):
                continue
        found = by_intake.get(uuid or intake_id)
        seen = found is not None and found[1] != "not_seen"
        confirmed = seen and found is not None and found[1] == "spinal_confirmed"
        kind = (result_id, rescreen, seen, confirmed, found is not None and found[2])
        tally = tallies.get(kind)
        if tally is None:
            tally = tallies[kind] = [0, []]
        tally[0] += 1
        judgement = judged[result_id]
        if judgement.level == "urgent":
            route = found[3] if found is not None else None
            # Aware UTC: the durations are exact and the report shows the few it lists in local time, so
            # the ~50,000 urgent times of a large clinic are not each converted (equal to the local ones).
            tally[1].append((place, UrgentCase(intake_id, judgement.tier, completed_at.replace(tzinfo=dt.UTC),
                                               route.replace(tzinfo=dt.UTC) if route is not None else None)))
    groups = []
    for (result_id, rescreen, seen, confirmed, synthetic), (count, urgent) in tallies.items():
        judgement = judged[result_id]
        groups.append(CaseGroup(judgement.rules_version, judgement.level, judgement.fired, judgement.open_safety,
                                rescreen, count, count * seen, count * confirmed, synthetic, tuple(urgent)))
    return groups


# --- demo data ---------------------------------------------------------------------------------------


def demo_cases(engine: Engine, newest: int, *, batch: int = 5000) -> Iterator[DemoCase]:
    """The `newest` intakes (by id: the ones demo-data just added) that are completed newest revisions with no
    outcome yet, in id order."""
    with storage_errors(), Session(engine) as session:
        ids = select(IntakeRow.id).order_by(IntakeRow.id.desc()).limit(max(0, newest)).subquery()
        last_id = int(session.scalar(select(func.min(ids.c.id))) or 0) - 1
    if newest < 1 or last_id < 0:
        return
    while True:
        statement = (
            select(IntakeRow.id, IntakeRow.level, IntakeRow.tier, IntakeRow.visit_date, IntakeRow.completed_at)
            .where(IntakeRow.id > last_id, IntakeRow.status == "complete", IntakeRow.superseded_by.is_(None),
                   IntakeRow.level.is_not(None), IntakeRow.completed_at.is_not(None), ~_has_outcome())
            .order_by(IntakeRow.id).limit(batch)
        )
        with storage_errors(), Session(engine) as session:
            rows = list(session.execute(statement))
        if not rows:
            return
        for intake_id, level, tier, visit, completed in rows:
            yield DemoCase(intake_id, str(level), tier, visit, from_utc(completed))
        last_id = rows[-1][0]


def insert_synthetic_outcomes(
    engine: Engine, outcomes: Iterable[tuple[int, Outcome]], audit: AuditContext, *, batch: int = 5000
) -> int:
    """Store made-up outcomes (each must be marked synthetic) as first versions, in ONE transaction with ONE
    audit entry that says how many (no ids: demo data is recorded as a whole). Returns how many."""
    count = 0
    with storage_errors(), Session(writing(engine), expire_on_commit=False) as session, session.begin():
        pending: list[dict[str, Any]] = []
        recorded_at = to_utc(audit.at)
        for intake_id, outcome in outcomes:
            if not outcome.synthetic:
                raise ValueError("only synthetic outcomes are stored in bulk")
            pending.append({"intake_id": intake_id, **_row_values(outcome), "recorded_by": audit.actor.name,
                            "recorded_at": recorded_at, "row_version": 1})
            if len(pending) >= batch:
                session.execute(insert(OutcomeRow), pending)
                count += len(pending)
                pending = []
        if pending:
            session.execute(insert(OutcomeRow), pending)
            count += len(pending)
        entries = audit_store.append(session, [event_for(
            audit.actor, AuditAction.OUTCOME_RECORD, at=audit.at, desk=audit.desk,
            detail=f"synthetic demo outcomes: {count}")]) if count else []
    audit.after_commit(entries)
    return count


def current_outcomes(engine: Engine, intake_ids: Iterable[int]) -> dict[int, OutcomeRecord]:
    """The current outcome of each given intake (looked for on all its revisions), by the id given; intakes
    without one are left out. For exports: one query per 500 intakes."""
    wanted = sorted(set(intake_ids))
    found: dict[int, OutcomeRecord] = {}
    revision = aliased(IntakeRow)
    with storage_errors(), Session(engine) as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            statement = (
                select(IntakeRow.id, OutcomeRow)
                .join(revision, or_(and_(IntakeRow.intake_uuid.is_not(None),
                                         revision.intake_uuid == IntakeRow.intake_uuid), revision.id == IntakeRow.id))
                .join(OutcomeRow, OutcomeRow.intake_id == revision.id)
                .where(IntakeRow.id.in_(chunk))
                .order_by(IntakeRow.id, OutcomeRow.row_version, OutcomeRow.id)
            )
            for intake_id, row in session.execute(statement):
                found[intake_id] = _record(row)  # the highest version comes last
    return found
