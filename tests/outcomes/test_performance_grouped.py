"""The screening's record counted by kind (case_groups + measure_groups, issue 17's 100,000-intake speed) gives
exactly the figures of the per-intake rows (case_rows + measure) on randomized hand-made databases: levels,
rules, re-screens, versions, outcome corrections, synthetic outcomes, urgent cases in order, and periods
whose ends fall on the local day's edges in time zones east and west of UTC (a half-hour offset included)."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from intake_app.domain.outcomes import Outcome
from intake_app.screening.performance import CaseRow, measure, measure_groups
from intake_app.storage.outcomes_store import (
    AuditContext,
    case_groups,
    case_rows,
    insert_synthetic_outcomes,
    record_outcome,
)
from tests.outcomes.conftest import (
    CLINICIAN,
    LIKELY,
    NOT_INDICATED,
    NOW,
    OPEN_SAFETY,
    POSSIBLE,
    URGENT,
    add_intake,
    add_rescreen,
)

SCENARIOS = (URGENT, LIKELY, POSSIBLE, NOT_INDICATED, OPEN_SAFETY)
FINDINGS = ("spinal_confirmed", "not_spinal", "other_cause", "not_seen")
FIRST_DAY = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


@pytest.fixture(params=["UTC", "Asia/Kolkata", "America/New_York"])
def local_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """This computer's time zone for the test (the report's local dates and times depend on it)."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def _outcome(rng: random.Random, completed: dt.datetime, *, synthetic: bool = False) -> Outcome:
    finding = rng.choice(FINDINGS)
    route = completed + dt.timedelta(minutes=rng.randrange(10, 3000)) if rng.random() < 0.6 else None
    return Outcome(finding=finding, other_cause="Gout" if finding == "other_cause" else "",
                   urgent_route_at=route, synthetic=synthetic)


def _fill(engine: Engine, seed: int) -> None:
    """About 60 intakes over five days (many in the hours around local midnight), some re-screened, some with
    corrected outcomes, some with synthetic ones, a few drafts."""
    rng = random.Random(seed)
    audit = AuditContext(CLINICIAN, "desk-7", NOW)
    synthetic: list[tuple[int, Outcome]] = []
    for _ in range(60):
        completed = FIRST_DAY + dt.timedelta(days=rng.randrange(5), hours=rng.choice([0, 4, 5, 6, 18, 19, 23]),
                                             minutes=rng.choice([0, 15, 29, 30, 31, 59]))
        status = "draft" if rng.random() < 0.05 else "complete"
        version = rng.choice([None, "2026.1", "2026.2"])
        intake_id = add_intake(engine, rng.choice(SCENARIOS), completed, status=status, rules_version=version)
        if status != "complete":
            continue
        if rng.random() < 0.25:
            add_rescreen(engine, intake_id, rng.choice(SCENARIOS), rng.choice(["2026.2", "2026.3"]))
        draw = rng.random()
        if draw < 0.5:
            for _version in range(rng.choice([1, 1, 2, 3])):  # a correction is the next version
                record_outcome(engine, intake_id, _outcome(rng, completed), audit)
        elif draw < 0.7:
            synthetic.append((intake_id, _outcome(rng, completed, synthetic=True)))
    insert_synthetic_outcomes(engine, synthetic, audit)


def _periods() -> list[tuple[dt.date | None, dt.date | None]]:
    days = [FIRST_DAY.date() + dt.timedelta(days=n) for n in range(-1, 6)]
    return [(None, None), (days[1], None), (None, days[3])] + [
        (first, last) for first in days for last in days if first <= last]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_grouped_figures_equal_the_per_intake_figures(engine: Engine, local_zone: str, seed: int) -> None:
    _fill(engine, seed)
    every = case_rows(engine)
    assert any(row.rescreen for row in every) and any(row.level == "urgent" for row in every)
    for start, end in _periods():
        expected = measure(case_rows(engine, start, end), start=start, end=end)
        assert measure_groups(case_groups(engine, start, end), start=start, end=end) == expected, (start, end)


def test_grouped_figures_keep_the_urgent_cases_in_intake_order_and_count_every_case(engine: Engine) -> None:
    _fill(engine, 7)
    report = measure_groups(case_groups(engine))
    rows = [row for row in case_rows(engine) if not row.rescreen]
    assert report.overall.cases == len(rows)
    assert [case.intake_id for case in report.overall.urgent] == [
        row.intake_id for row in rows if row.level == "urgent"]
    assert sum(level.screened for level in report.overall.levels) == len(rows)


def test_measure_of_rows_in_any_order_lists_urgent_cases_in_that_order() -> None:
    done = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
    rows = [CaseRow(n, "v1", "urgent" if n % 2 else "possible", "E", ("R1",), False, done) for n in (5, 3, 8, 1)]
    report = measure(rows)
    assert [case.intake_id for case in report.overall.urgent] == [5, 3, 1]
    assert [(level.level, level.screened) for level in report.overall.levels if level.screened] == [
        ("urgent", 3), ("possible", 1)]
