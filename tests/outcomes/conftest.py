"""A small clinic database for the outcome tests: made-up patients with completed intakes screened by the
real rules (demo scenarios), written straight into the tables so the tests do not depend on the desk's
intake flow; and a clinic with the outcome methods for each role."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from intake_app.access.roles import Actor, Role
from intake_app.demo import NO_RED_FLAGS, SCENARIOS
from intake_app.domain import parse_document
from intake_app.screening import assess
from intake_app.services.outcomes import OutcomesMixin
from intake_app.settings import Settings
from intake_app.storage import Repository, close_engine, create_database_engine, upgrade
from intake_app.storage.models import AssessmentRow, AuditRow, IntakeRow, PatientRow
from intake_app.storage.results import result_id

CLINICIAN = Actor("doctor", Role.CLINICIAN, "Dr Test")
FRONT_DESK = Actor("desk", Role.FRONT_DESK, "Desk Person")
ADMINISTRATOR = Actor("admin", Role.ADMINISTRATOR, "Admin Person")
NOW = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.UTC)

# scenario name -> level it screens to (checked in `result_of`)
URGENT, LIKELY, POSSIBLE, NOT_INDICATED, OPEN_SAFETY = (
    "cauda equina warning", "sciatica, full pattern", "foot numbness with back pain", "heel pain on first steps",
    "sciatica, red-flag screen not finished")


@cache
def result_of(scenario: str) -> dict[str, Any]:
    answers = dict(SCENARIOS)[scenario]
    document = parse_document({
        "format": "intake-document/1", "questionnaire": "foot-leg-intake/2",
        "patient": {"family_name": "Testperson", "given_name": "Sam", "date_of_birth": "1980-01-01",
                    "sex": "female"},
        "visit_date": "2026-11-02", "answers": {**NO_RED_FLAGS, **answers, "age_years": 46},
    })
    return assess(document).to_json()


def add_intake(engine: Engine, scenario: str, completed: dt.datetime, *, status: str = "complete",
               rules_version: str | None = None) -> int:
    """A made-up patient with one intake screened as `scenario`; returns the intake id."""
    result = dict(result_of(scenario))
    if rules_version is not None:
        result["rules_version"] = rules_version
    stored = completed.astimezone(dt.UTC).replace(tzinfo=None)
    with Session(engine) as session, session.begin():
        patient = PatientRow(family_name="Testperson", given_name="Sam", family_fold="testperson", given_fold="sam",
                             created_at=stored, updated_at=stored)
        session.add(patient)
        session.flush()
        intake = IntakeRow(
            patient_id=patient.id, status=status, questionnaire="foot-leg-intake/2", visit_date=stored.date(),
            answers={}, rules_version=result["rules_version"] if status == "complete" else None,
            level=result["level"] if status == "complete" else None, tier=result["tier"], red_flags_not_asked=False,
            created_at=stored, updated_at=stored, completed_at=stored if status == "complete" else None,
            intake_uuid=str(uuid.uuid4()),
        )
        session.add(intake)
        session.flush()
        if status == "complete":
            session.add(AssessmentRow(intake_id=intake.id, rules_version=result["rules_version"],
                                      level=result["level"], tier=result["tier"],
                                      result_id=result_id(session, result), cause="complete",
                                      created_at=stored))
        return intake.id


def add_rescreen(engine: Engine, intake_id: int, scenario: str, rules_version: str) -> None:
    result = {**result_of(scenario), "rules_version": rules_version}
    with Session(engine) as session, session.begin():
        session.add(AssessmentRow(intake_id=intake_id, rules_version=rules_version, level=result["level"],
                                  tier=result["tier"], result_id=result_id(session, result), cause="rescreen",
                                  created_at=NOW.replace(tzinfo=None)))


def audit_rows(engine: Engine) -> list[AuditRow]:
    with Session(engine) as session:
        return list(session.scalars(select(AuditRow).order_by(AuditRow.seq)))


@dataclass
class OutcomeDesk(OutcomesMixin):
    """The clinic's outcome methods over a repository, as `Clinic(OutcomesMixin, ...)` has them, with the
    signed-in account set by the test."""

    repository: Repository
    actor: Actor | None
    settings: Settings = field(default_factory=Settings)

    @property
    def signed_in(self) -> Actor | None:
        return self.actor


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'outcomes.db'}")
    upgrade(engine)  # the migrations, 0005 included: the outcome tests run on the migrated schema
    yield engine
    close_engine(engine)


@pytest.fixture
def repository(engine: Engine) -> Repository:
    return Repository(engine, desk="desk-7", clock=lambda: NOW)


@pytest.fixture
def desk(repository: Repository) -> OutcomeDesk:
    """Signed in as a clinician."""
    return OutcomeDesk(repository, CLINICIAN)
