"""demo-data: batches straight into the bulk loader; a missing Faker extra is a sentence, not a traceback; demo
intakes completed on their visit days, so their outcomes, the screening's record and the due list follow."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from intake_app import demo
from intake_app.cli import main
from intake_app.services import Clinic
from tests.cli.conftest import signed_in


def test_demo_data_without_faker_exits_1_with_the_install_line(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "faker", None)  # `import faker` now raises ImportError
    assert main(["--database", database_url, "--user", "admin", "demo-data", "5"]) == 1
    captured = capsys.readouterr()
    assert "pip install 'intake-app[demo]'" in captured.err
    assert "Traceback" not in captured.err + captured.out
    clinic = signed_in(database_url, "doctor")
    assert clinic.count_patients() == 0
    clinic.close()


def test_demo_data_streams_batches_into_the_bulk_loader(
    admin_clinic: Clinic, clinic: Clinic, monkeypatch: pytest.MonkeyPatch
) -> None:
    def everything_at_once(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the demo data must not be generated all at once")

    monkeypatch.setattr(demo, "generate", everything_at_once)
    assert admin_clinic.add_demo_data(30, seed=7) == 30
    assert clinic.count_patients() == 30


# --- demo intakes are completed on their visit days; outcomes, the report and the due list follow -------------


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    """zone(rule) makes the computer's local time zone `rule` (POSIX) for the test; it comes back after."""
    saved = os.environ.get("TZ")

    def use(rule: str) -> None:
        os.environ["TZ"] = rule
        time.tzset()

    yield use
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def stored(database_url: str, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
        return connection.execute(sql).fetchall()


def local(text: str) -> dt.datetime:
    """A stored time (naive UTC text) as an aware local time."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC).astimezone()


@pytest.mark.parametrize("rule", ["UTC0", "NZST-12NZDT,M9.5.0,M4.1.0/3", "PST8PDT,M3.2.0,M11.1.0"])
def test_demo_intakes_are_completed_on_their_visit_days_and_their_outcomes_come_after(
    admin_clinic: Clinic, database_url: str, zone: Callable[[str], None], rule: str
) -> None:
    zone(rule)
    before = dt.datetime.now(dt.UTC)
    assert admin_clinic.add_demo_data(300, seed=11) == 300
    today = dt.datetime.now(dt.UTC).astimezone().date()
    intakes = stored(database_url, "SELECT id, visit_date, created_at, completed_at FROM intakes ORDER BY id")
    completed = {}
    for intake_id, visit, created, done in intakes:
        completed[intake_id] = local(done)
        assert local(done).date().isoformat() == visit and dt.date.fromisoformat(visit) <= today
        assert local(created) < local(done) <= dt.datetime.now(dt.UTC)
    assert min(completed.values()) < before - dt.timedelta(days=300)  # spread over the past two years
    outcomes = stored(database_url, "SELECT intake_id, seen_on, urgent_route_at FROM outcomes")
    routes = [(intake_id, local(route)) for intake_id, _seen, route in outcomes if route is not None]
    assert len(outcomes) > 100 and routes
    for intake_id, seen_on, _route in outcomes:
        assert seen_on is None or dt.date.fromisoformat(seen_on) >= completed[intake_id].date()
    for intake_id, route in routes:
        assert completed[intake_id] <= route and route.date() <= today


def test_a_report_over_a_past_period_counts_the_demo_cases(
    admin_clinic: Clinic, clinic: Clinic, database_url: str
) -> None:
    admin_clinic.add_demo_data(300, seed=11)
    today = dt.date.today()
    start, end = today - dt.timedelta(days=500), today - dt.timedelta(days=200)
    [(visits,)] = stored(database_url, f"SELECT count(*) FROM intakes WHERE visit_date BETWEEN '{start}' AND '{end}'")
    report = clinic.outcomes_performance(start, end)
    assert 0 < report.overall.cases == visits
    assert sum(level.seen for level in report.overall.levels) > 0 and report.overall.synthetic
    assert report.overall.urgent and all(case.completed_at.date() >= start for case in report.overall.urgent)


def test_the_outcome_due_list_holds_the_referred_demo_intakes_left_without_an_outcome(
    admin_clinic: Clinic, clinic: Clinic, database_url: str
) -> None:
    """What the Today list shows on demo data: the referred (urgent, likely) intakes the synthetic outcomes left
    without one, completed at least the set weeks ago, oldest first (in time: a few in seven of them)."""
    admin_clinic.add_demo_data(300, seed=11)
    due = clinic.outcomes_due(6, limit=None)
    cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(weeks=6)
    expected = stored(database_url, (
        "SELECT id FROM intakes WHERE level IN ('urgent', 'likely') AND id NOT IN (SELECT intake_id FROM outcomes) "
        f"AND completed_at < '{cutoff.replace(tzinfo=None).isoformat(' ')}' ORDER BY completed_at, id"))
    [(referred,)] = stored(database_url, "SELECT count(*) FROM intakes WHERE level IN ('urgent', 'likely')")
    assert due and [item.intake_id for item in due] == [intake_id for (intake_id,) in expected]
    assert len(due) < referred / 4  # most referred demo intakes have their outcome
    for item in due:
        assert item.completed_at.astimezone().date() == item.visit_date
        assert item.completed_at < cutoff and item.level in ("urgent", "likely")
    assert [item.completed_at for item in due] == sorted(item.completed_at for item in due)
