"""demo-data's synthetic outcomes: deterministic by seed, always marked synthetic, uneven like a real record."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy.engine import Engine

from intake_app.demo_outcomes import DemoCase, draw_outcomes
from intake_app.screening.performance import measure

from .conftest import ADMINISTRATOR, LIKELY, NOT_INDICATED, NOW, POSSIBLE, URGENT, OutcomeDesk, add_intake, audit_rows

TODAY = dt.date(2026, 11, 29)
COMPLETED = dt.datetime(2026, 8, 1, 10, 0, tzinfo=dt.UTC)


def cases(n: int) -> list[DemoCase]:
    levels = ("likely", "possible", "not_indicated", "urgent")
    return [DemoCase(i, levels[i % 4], "E" if i % 8 == 3 else ("P" if i % 4 == 3 else None),
                     dt.date(2026, 8, 1), COMPLETED) for i in range(1, n + 1)]


def test_the_same_seed_gives_the_same_outcomes_and_all_are_synthetic() -> None:
    first = list(draw_outcomes(cases(400), seed=7, today=TODAY))
    assert first == list(draw_outcomes(cases(400), seed=7, today=TODAY))
    assert first != list(draw_outcomes(cases(400), seed=8, today=TODAY))
    assert first and all(outcome.synthetic for _id, outcome in first)
    assert all(o.seen_on is None or o.seen_on <= TODAY for _id, o in first)


def test_the_figures_are_uneven_like_a_real_record() -> None:
    by_id = {c.intake_id: c for c in cases(4000)}
    drawn = dict(draw_outcomes(by_id.values(), seed=20261125, today=TODAY))
    confirmed: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for intake_id, outcome in drawn.items():
        level = by_id[intake_id].level
        seen[level] += outcome.seen
        confirmed[level] += outcome.confirmed
    share = {level: confirmed[level] / seen[level] for level in seen}
    assert share["likely"] > share["urgent"] > share["possible"] > share["not_indicated"]
    assert 0.6 < share["likely"] < 0.8 and share["not_indicated"] < 0.15
    recorded = Counter(by_id[i].level for i in drawn)
    assert recorded["not_indicated"] < recorded["possible"] < recorded["likely"]  # few unreferred ones come back
    hours = [(o.urgent_route_at - COMPLETED).total_seconds() / 3600 for o in drawn.values() if o.urgent_route_at]
    assert min(hours) < 3 < 24 < max(hours)  # from within hours to days


def test_recent_referrals_have_no_outcome_yet() -> None:
    recent = [DemoCase(1, "likely", None, TODAY - dt.timedelta(days=2), COMPLETED)] * 50
    assert list(draw_outcomes(recent, seed=1, today=TODAY)) == []


def test_demo_outcomes_are_stored_once_labelled_and_audited_as_a_whole(engine: Engine, desk: OutcomeDesk) -> None:
    for n, scenario in enumerate([LIKELY, URGENT, POSSIBLE, NOT_INDICATED] * 30):
        add_intake(engine, scenario, NOW - dt.timedelta(days=120 + n))
    admin = OutcomeDesk(desk.repository, ADMINISTRATOR)
    added = admin._add_synthetic_outcomes(seed=3, newest=100)  # the 20 older intakes are not demo-data's
    assert 40 < added < 100
    assert all(desk.outcomes_for(intake_id) == [] for intake_id in range(1, 21))
    report = desk.outcomes_performance()
    assert report.overall.synthetic
    assert sum(f.seen for f in report.overall.levels) > 0
    [entry] = audit_rows(engine)
    assert (entry.action, entry.intake_id, entry.detail) == ("outcome.record", None,
                                                             f"synthetic demo outcomes: {added}")
    assert measure([]).overall.synthetic is False


def test_no_urgent_route_is_dated_after_the_moment_of_drawing() -> None:
    now = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)
    urgent = [DemoCase(i, "urgent", "E" if i % 2 else "P", now.date(), now - dt.timedelta(hours=3))
              for i in range(1, 201)]
    drawn = list(draw_outcomes(urgent, seed=5, today=now.date(), now=now))
    later = list(draw_outcomes(urgent, seed=5, today=now.date(), now=now + dt.timedelta(days=30)))
    routes = [o.urgent_route_at for _i, o in drawn if o.urgent_route_at is not None]
    assert routes and max(routes) <= now
    assert len(routes) < len([o for _i, o in later if o.urgent_route_at is not None])  # some not reached yet
    # The same random stream: only the routes not reached by `now` are left out.
    assert [(i, o.finding, o.seen_on) for i, o in drawn] == [(i, o.finding, o.seen_on) for i, o in later]
    by_default = list(draw_outcomes(urgent, seed=5, today=now.date()))  # until the end of `today`
    assert all(o.urgent_route_at.astimezone().date() <= now.date() for _i, o in by_default if o.urgent_route_at)


def test_outcomes_follow_each_cases_completion() -> None:
    """Seen on or after the day of completion; the urgent route reached after the completion."""
    by_id = {c.intake_id: c for c in cases(2000)}
    for intake_id, outcome in draw_outcomes(by_id.values(), seed=20261125, today=TODAY):
        case = by_id[intake_id]
        assert outcome.seen_on is None or outcome.seen_on >= case.completed_at.astimezone().date()
        assert outcome.urgent_route_at is None or outcome.urgent_route_at >= case.completed_at
