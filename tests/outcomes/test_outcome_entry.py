"""Recording outcomes through the services: roles, audit (ids only), versions, completed intakes only,
the "outcome due" list, and the report's rows from the database."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from intake_app.access.audit_chain import AuditAction, verify
from intake_app.access.roles import PermissionDenied
from intake_app.errors import IntakeError, InvalidInput
from intake_app.storage import Repository
from intake_app.storage.audit_store import stored_entries
from intake_app.storage.models import IntakeRow
from intake_app.storage.models_outcomes import OutcomeRow

from .conftest import (
    ADMINISTRATOR,
    FRONT_DESK,
    LIKELY,
    NOT_INDICATED,
    NOW,
    OPEN_SAFETY,
    POSSIBLE,
    URGENT,
    OutcomeDesk,
    add_intake,
    add_rescreen,
    audit_rows,
)

SEEN = {"finding": "spinal_confirmed", "seen_by": "Ms Example, spinal surgeon", "seen_on": "2026-11-20",
        "imaging": "MRI", "note": "L5 root compression on MRI."}


def test_a_clinician_records_an_outcome_audited_with_ids_only(engine: Engine, desk: OutcomeDesk) -> None:
    intake_id = add_intake(engine, LIKELY, NOW - dt.timedelta(days=30))
    record = desk.record_outcome(intake_id, SEEN)
    assert (record.intake_id, record.version, record.recorded_by) == (intake_id, 1, "doctor")
    assert record.outcome.imaging == ("mri",) and record.outcome.finding_text == "Spinal origin confirmed"
    [entry] = audit_rows(engine)
    assert (entry.action, entry.who, entry.role, entry.desk) == (AuditAction.OUTCOME_RECORD.value, "doctor",
                                                                "clinician", "desk-7")
    assert entry.intake_id == intake_id and entry.patient_id is not None and entry.detail == "version 1"
    stored_text = " ".join(str(v) for v in (entry.who, entry.detail, entry.desk, entry.action))
    for secret in ("Example", "L5", "MRI", "spinal_confirmed", "confirmed"):
        assert secret not in stored_text
    with Session(engine) as session:
        assert verify(list(stored_entries(session))).ok


@pytest.mark.parametrize("actor", [FRONT_DESK, ADMINISTRATOR, None])
def test_front_desk_administrator_and_nobody_are_refused_and_nothing_is_stored(
    engine: Engine, repository: Repository, actor: object
) -> None:
    intake_id = add_intake(engine, LIKELY, NOW - dt.timedelta(days=30))
    other = OutcomeDesk(repository, actor)  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied) as refused:
        other.record_outcome(intake_id, SEEN)
    assert "record an outcome" in refused.value.message
    for call in (lambda: other.outcomes_due(6), lambda: other.outcomes_performance(),
                 lambda: other.outcomes_report_pdf()):
        with pytest.raises(PermissionDenied):
            call()
    with Session(engine) as session:
        assert session.scalars(select(OutcomeRow)).all() == []
    assert audit_rows(engine) == []


def test_only_a_completed_intake_takes_an_outcome(engine: Engine, desk: OutcomeDesk) -> None:
    draft = add_intake(engine, LIKELY, NOW - dt.timedelta(days=3), status="draft")
    with pytest.raises(IntakeError, match="not complete yet"):
        desk.record_outcome(draft, SEEN)
    with pytest.raises(IntakeError, match="There is no intake 999"):
        desk.record_outcome(999, SEEN)
    assert audit_rows(engine) == []


def test_bad_values_are_named_by_field_in_plain_words(engine: Engine, desk: OutcomeDesk) -> None:
    intake_id = add_intake(engine, URGENT, NOW - dt.timedelta(days=3))
    with pytest.raises(InvalidInput) as caught:
        desk.record_outcome(intake_id, {"finding": "maybe", "seen_on": "2026-02-31", "imaging": "PET"})
    messages = [message for _key, message in caught.value.problems]
    assert [m.split(":")[0] for m in messages] == ["Specialist's finding", "Seen on", "Imaging"]
    completed = NOW - dt.timedelta(days=3)
    before = (completed - dt.timedelta(hours=5)).astimezone().strftime("%Y-%m-%d %H:%M")
    with pytest.raises(InvalidInput, match="not recorded") as caught:
        desk.record_outcome(intake_id, {"finding": "spinal_confirmed", "urgent_route_at": before})
    assert "before the intake was completed" in caught.value.problems[0][1]
    assert audit_rows(engine) == []


def test_a_correction_is_a_new_version_and_the_earlier_one_stays(engine: Engine, desk: OutcomeDesk) -> None:
    intake_id = add_intake(engine, LIKELY, NOW - dt.timedelta(days=30))
    desk.record_outcome(intake_id, {"finding": "not_seen"}, expected_version=0)
    desk.record_outcome(intake_id, SEEN, expected_version=1)
    history = desk.outcomes_for(intake_id)
    assert [(r.version, r.outcome.finding) for r in history] == [(2, "spinal_confirmed"), (1, "not_seen")]
    with pytest.raises(IntakeError, match="another desk") as stale:
        desk.record_outcome(intake_id, {"finding": "not_spinal"}, expected_version=1)
    assert "Open the intake again" in stale.value.hint
    assert [r.detail for r in audit_rows(engine)] == ["version 1", "version 2"]


def test_an_amended_intake_keeps_its_outcome(engine: Engine, desk: OutcomeDesk) -> None:
    original = add_intake(engine, LIKELY, NOW - dt.timedelta(days=30))
    desk.record_outcome(original, SEEN)
    amended = add_intake(engine, LIKELY, NOW - dt.timedelta(days=29))
    with Session(engine) as session, session.begin():
        uuid = session.get(IntakeRow, original).intake_uuid  # type: ignore[union-attr]
        session.execute(update(IntakeRow).where(IntakeRow.id == amended).values(intake_uuid=uuid, revision=2,
                                                                                 amends_id=original))
        session.execute(update(IntakeRow).where(IntakeRow.id == original).values(superseded_by=amended))
    assert [r.version for r in desk.outcomes_for(amended)] == [1]
    correction = desk.record_outcome(original, {"finding": "not_spinal"})
    assert (correction.intake_id, correction.version) == (amended, 2)  # written on the newest revision
    rows = [row for row in desk.outcomes_performance().overall.levels if row.level == "likely"]
    assert (rows[0].screened, rows[0].seen, rows[0].confirmed) == (1, 1, 0)


def test_outcome_due_lists_referred_intakes_without_an_outcome_after_the_weeks(
    engine: Engine, desk: OutcomeDesk
) -> None:
    old_likely = add_intake(engine, LIKELY, NOW - dt.timedelta(weeks=8))
    old_urgent = add_intake(engine, URGENT, NOW - dt.timedelta(weeks=7))
    add_intake(engine, POSSIBLE, NOW - dt.timedelta(weeks=8))  # not sent on
    add_intake(engine, NOT_INDICATED, NOW - dt.timedelta(weeks=9))
    add_intake(engine, LIKELY, NOW - dt.timedelta(weeks=2))  # too recent
    answered = add_intake(engine, LIKELY, NOW - dt.timedelta(weeks=10))
    desk.record_outcome(answered, {"finding": "not_seen"})
    due = desk.outcomes_due(6)
    assert [(d.intake_id, d.level) for d in due] == [(old_likely, "likely"), (old_urgent, "urgent")]
    assert set(vars(due[0])) == {"intake_id", "patient_id", "visit_date", "completed_at", "level", "tier"}
    assert [d.intake_id for d in desk.outcomes_due(1)][-1] not in (answered,)
    with pytest.raises(IntakeError, match="from 1 to 104"):
        desk.outcomes_due(0)


def test_report_rows_from_the_database_split_by_version_with_rescreens_apart(
    engine: Engine, desk: OutcomeDesk
) -> None:
    a = add_intake(engine, LIKELY, NOW - dt.timedelta(days=40))
    b = add_intake(engine, LIKELY, NOW - dt.timedelta(days=39), rules_version="2026.11-1")
    c = add_intake(engine, URGENT, NOW - dt.timedelta(days=38))
    add_intake(engine, OPEN_SAFETY, NOW - dt.timedelta(days=37))
    desk.record_outcome(a, SEEN)
    desk.record_outcome(b, {"finding": "not_spinal"})
    route = (NOW - dt.timedelta(days=38) + dt.timedelta(hours=3)).astimezone().strftime("%Y-%m-%d %H:%M")
    desk.record_outcome(c, {"finding": "spinal_confirmed", "urgent_route_at": route})
    add_rescreen(engine, b, NOT_INDICATED, "2027.01-1")
    report = desk.outcomes_performance()
    assert report.overall.cases == 4
    levels = {f.level: f for f in report.overall.levels}
    assert (levels["likely"].screened, levels["likely"].seen, levels["likely"].confirmed) == (3, 2, 1)
    assert report.overall.median_hours_to_route == pytest.approx(3.0)
    assert (report.overall.open_safety.numerator, report.overall.open_safety.denominator) == (1, 4)
    rules = {f.rule: f for f in report.overall.rules}
    assert (rules["R1"].fired, rules["R1"].confirmed) == (1, 1) and "R1.no" not in rules
    assert [p.rules_version for p in report.by_version] == ["2026.11-1", result_version()]
    assert report.rescreened is not None and report.rescreened.cases == 1
    assert {f.level: f.screened for f in report.rescreened.levels}["not_indicated"] == 1
    empty = desk.outcomes_performance(dt.date(2020, 1, 1), dt.date(2020, 1, 31))
    assert empty.overall.cases == 0
    with pytest.raises(IntakeError, match="starts"):
        desk.outcomes_performance(dt.date(2026, 2, 1), dt.date(2026, 1, 1))


def result_version() -> str:
    from intake_app.screening import RULES_VERSION

    return RULES_VERSION
