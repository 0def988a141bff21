"""Screening performance: Wilson intervals against published worked values, counts on hand-made cases."""

from __future__ import annotations

import datetime as dt

import pytest

from intake_app.domain.outcomes import Outcome, parse_outcome
from intake_app.errors import InvalidInput
from intake_app.screening.performance import CaseRow, Rate, measure, wilson_interval

# Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score, no continuity
# correction), to four decimals.
NEWCOMBE = [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
]


@pytest.mark.parametrize(("successes", "total", "low", "high"), NEWCOMBE)
def test_wilson_interval_matches_worked_values(successes: int, total: int, low: float, high: float) -> None:
    got_low, got_high = wilson_interval(successes, total)
    assert got_low == pytest.approx(low, abs=5e-5)
    assert got_high == pytest.approx(high, abs=5e-5)


def test_wilson_interval_edges() -> None:
    assert wilson_interval(0, 0) == (0.0, 0.0)
    low, high = wilson_interval(10, 10)
    assert high == 1.0 and 0.70 < low < 0.73
    with pytest.raises(ValueError):
        wilson_interval(3, 2)


def test_a_rate_never_travels_without_its_counts() -> None:
    assert Rate(0, 0).text() == "0 of 0 (no cases)"
    small = Rate(7, 9).text()
    assert small.startswith("7 of 9 (78%, 95% CI 45-94%)") and "fewer than 10 cases" in small
    large = Rate(40, 50).text()
    assert large.startswith("40 of 50 (80%") and "fewer than" not in large


AT = dt.datetime(2026, 11, 2, 10, 0)


def row(intake_id: int, level: str, rules: tuple[str, ...], finding: str | None, *, version: str = "2026.12-1",
        tier: str | None = None, route_hours: float | None = None, open_safety: bool = False,
        rescreen: bool = False, day: int = 2) -> CaseRow:
    completed = AT.replace(day=day)
    outcome = None
    if finding is not None:
        route = completed + dt.timedelta(hours=route_hours) if route_hours is not None else None
        outcome = Outcome(finding=finding, other_cause="gout" if finding == "other_cause" else "",
                          urgent_route_at=route)
    return CaseRow(intake_id, version, level, tier, rules, open_safety, completed, outcome, rescreen)


CASES = [
    row(1, "likely", ("S1", "S2", "S4"), "spinal_confirmed"),
    row(2, "likely", ("S1", "S2", "S3"), "spinal_confirmed"),
    row(3, "likely", ("S1", "S2", "S4"), "not_spinal"),
    row(4, "likely", ("S1", "S2", "S4"), "not_seen"),
    row(5, "possible", ("S1", "S2"), "other_cause"),
    row(6, "possible", ("D5",), None, open_safety=True),
    row(7, "urgent", ("R1",), "spinal_confirmed", tier="E", route_hours=2.5),
    row(8, "urgent", ("R4",), "not_spinal", tier="P", route_hours=30),
    row(9, "not_indicated", ("L1", "D6"), "not_spinal"),
    row(10, "likely", ("S1", "S2", "S4"), "spinal_confirmed", version="2026.11-1"),
    row(11, "likely", ("S1", "S2", "S4"), "not_spinal", rescreen=True),
    row(12, "possible", ("S1",), "spinal_confirmed", day=20),
]


def test_per_level_counts_on_a_hand_made_set() -> None:
    report = measure(CASES, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 10))
    levels = {f.level: f for f in report.overall.levels}
    assert report.overall.cases == 10  # case 11 is a rescreen, case 12 is outside the period
    assert (levels["likely"].screened, levels["likely"].seen, levels["likely"].confirmed) == (5, 4, 3)
    assert (levels["possible"].screened, levels["possible"].seen, levels["possible"].confirmed) == (2, 1, 0)
    assert (levels["urgent"].screened, levels["urgent"].seen, levels["urgent"].confirmed) == (2, 2, 1)
    assert (levels["not_indicated"].screened, levels["not_indicated"].confirmed) == (1, 0)
    assert levels["likely"].confirmation.text().startswith("3 of 4 (75%")


def test_per_rule_counts_and_order() -> None:
    report = measure(CASES, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 10))
    rules = {f.rule: f for f in report.overall.rules}
    assert (rules["S4"].fired, rules["S4"].seen, rules["S4"].confirmed) == (4, 3, 2)
    assert (rules["R1"].fired, rules["R1"].confirmed) == (1, 1)
    assert [f.rule for f in report.overall.rules][:3] == ["R1", "R4", "S1"]


def test_urgent_cases_time_to_route_and_open_safety_share() -> None:
    report = measure(CASES, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 10))
    hours = sorted(case.hours_to_route or 0 for case in report.overall.urgent)
    assert hours == [2.5, 30.0]
    assert report.overall.median_hours_to_route == pytest.approx(16.25)
    assert (report.overall.open_safety.numerator, report.overall.open_safety.denominator) == (1, 10)


def test_figures_split_by_rules_version_and_rescreens_kept_apart() -> None:
    report = measure(CASES, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 10))
    assert [p.rules_version for p in report.by_version] == ["2026.11-1", "2026.12-1"]
    assert [p.cases for p in report.by_version] == [1, 9]
    assert report.rescreened is not None and report.rescreened.cases == 1


def test_an_empty_period_and_a_single_case() -> None:
    empty = measure(CASES, start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 31))
    assert empty.overall.cases == 0 and empty.by_version == () and empty.rescreened is None
    assert all(f.confirmation.text() == "0 of 0 (no cases)" for f in empty.overall.levels)
    one = measure(CASES, start=dt.date(2026, 11, 20), end=dt.date(2026, 11, 20))
    assert one.overall.cases == 1
    assert "fewer than 10 cases" in {f.level: f for f in one.overall.levels}["possible"].confirmation.text()


def test_outcome_entry_names_each_bad_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_outcome({"finding": "maybe", "seen_on": "31/02/2026", "imaging": "mri, pet"})
    fields = [key for key, _ in caught.value.problems]
    assert fields == ["finding", "seen_on", "imaging"]
    assert all("_" not in message.split(":")[0] for _, message in caught.value.problems)
    with pytest.raises(InvalidInput) as caught:
        parse_outcome({"finding": "other_cause"})
    assert caught.value.problems[0][0] == "other_cause"
    good = parse_outcome({"finding": "other_cause", "other_cause": "Gout", "seen_on": "2026-11-02",
                          "imaging": "mri; x_ray", "note": "Seen in clinic.\nNo surgery."})
    assert good.finding_text == "Another cause: Gout" and good.imaging == ("mri", "x_ray")
    assert good.note == "Seen in clinic.\nNo surgery."
    with pytest.raises(InvalidInput):
        parse_outcome({"finding": "not_spinal", "seen_on": (dt.date.today() + dt.timedelta(days=2)).isoformat()})
    with pytest.raises(InvalidInput):
        parse_outcome({"finding": "not_spinal", "note": "bad\x00text"})
