"""How well the screening does: levels and rules against what the specialist found.

Pure functions over plain case rows (one completed intake each, with the assessment that judged it and
its outcome if one was recorded). The storage layer gathers the rows; the report and the GUI page show
the figures. Small numbers stay visible as counts: every rate carries its numerator and denominator, and
a group with fewer than SMALL_GROUP cases is marked.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from intake_app.domain.outcomes import Outcome
from intake_app.screening.model import LEVELS

SMALL_GROUP = 10
Z_95 = 1.959963984540054  # the two-sided 95 % point of the normal distribution


def wilson_interval(successes: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval for a proportion (95 % by default); (0, 0) when total is 0.

    Unlike the simple normal interval it stays inside 0-1 and behaves for small counts and for 0 or
    100 %, which is what a clinic's figures look like.
    """
    if total < 0 or successes < 0 or successes > total:
        raise ValueError("successes must be between 0 and total")
    if total == 0:
        return (0.0, 0.0)
    p = successes / total
    z2 = z * z
    denominator = 1 + z2 / total
    centre = (p + z2 / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / denominator
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == total else min(1.0, centre + half)
    return (low, high)


@dataclass(frozen=True)
class Rate:
    """A proportion that never travels without its counts."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson_interval(self.numerator, self.denominator) if self.denominator else None

    @property
    def small(self) -> bool:
        return self.denominator < SMALL_GROUP

    def text(self) -> str:
        """"7 of 9 (78%, 95% CI 45-94%)"; "0 of 0 (no cases)"; a small group is marked."""
        if not self.denominator:
            return "0 of 0 (no cases)"
        low, high = self.interval or (0.0, 0.0)
        text = (f"{self.numerator} of {self.denominator} ({self.value or 0:.0%}, "
                f"95% CI {low * 100:.0f}-{high * 100:.0f}%)")
        return text + (" - fewer than 10 cases" if self.small else "")


@dataclass(frozen=True)
class CaseRow:
    """One completed intake as judged by one rules version, with its outcome if recorded."""

    intake_id: int
    rules_version: str
    level: str
    tier: str | None
    fired_rules: tuple[str, ...]  # rule ids that fired (no information lines)
    open_safety: bool  # the recommendation carried open safety answers (D8) or NOT ASKED questions
    completed_at: dt.datetime
    outcome: Outcome | None = None
    rescreen: bool = False  # judged again by `rescreen`, kept apart from the original results


@dataclass(frozen=True)
class LevelFigures:
    level: str
    screened: int
    seen: int  # an outcome other than "not seen" was recorded
    confirmed: int

    @property
    def confirmation(self) -> Rate:
        """Positive predictive value: confirmed among those the specialist saw."""
        return Rate(self.confirmed, self.seen)


@dataclass(frozen=True)
class RuleFigures:
    rule: str
    fired: int
    seen: int
    confirmed: int

    @property
    def confirmation(self) -> Rate:
        return Rate(self.confirmed, self.seen)


@dataclass(frozen=True)
class UrgentCase:
    intake_id: int
    tier: str | None
    completed_at: dt.datetime
    reached_route_at: dt.datetime | None

    @property
    def hours_to_route(self) -> float | None:
        if self.reached_route_at is None:
            return None
        return (self.reached_route_at - self.completed_at).total_seconds() / 3600


@dataclass(frozen=True)
class Performance:
    """Every figure for one group of cases (one rules version, or all of them)."""

    rules_version: str  # "all" for the combined figures
    cases: int
    levels: tuple[LevelFigures, ...]
    rules: tuple[RuleFigures, ...]
    urgent: tuple[UrgentCase, ...]
    open_safety: Rate
    synthetic: bool  # any outcome in the group is synthetic (demo data)

    @property
    def median_hours_to_route(self) -> float | None:
        hours = [h for case in self.urgent if (h := case.hours_to_route) is not None]
        return statistics.median(hours) if hours else None


@dataclass(frozen=True)
class PerformanceReport:
    period: tuple[dt.date | None, dt.date | None]
    overall: Performance
    by_version: tuple[Performance, ...] = field(default_factory=tuple)
    rescreened: Performance | None = None  # results of `rescreen`, never mixed into the above


@dataclass(frozen=True)
class CaseGroup:
    """Completed intakes that count alike: the same judgement (rules version, level, fired rules, open safety
    answers), the same part of the record (original or re-screen) and the same outcome class. `cases` of them,
    `seen` and `confirmed` as in LevelFigures; the urgent ones are listed one by one, each with its place in
    the intakes' order (they are shown case by case)."""

    rules_version: str
    level: str
    fired_rules: tuple[str, ...]
    open_safety: bool
    rescreen: bool
    cases: int
    seen: int
    confirmed: int
    synthetic: bool  # an outcome of one of the cases is synthetic
    urgent: tuple[tuple[int, UrgentCase], ...] = ()


def _add(table: dict[str, list[int]], key: str, group: CaseGroup) -> None:
    counts = table.get(key)
    if counts is None:
        counts = table[key] = [0, 0, 0]
    counts[0] += group.cases
    counts[1] += group.seen
    counts[2] += group.confirmed


def _figures(groups: Sequence[CaseGroup], version: str) -> Performance:
    """Every figure in one pass over the groups: per level and per rule [cases, seen, confirmed]. Levels and
    rules beyond the known ones keep the order the groups first show them in."""
    by_level: dict[str, list[int]] = {level: [0, 0, 0] for level in LEVELS}
    by_rule: dict[str, list[int]] = {}
    urgent: list[tuple[int, UrgentCase]] = []
    cases = open_safety = 0
    synthetic = False
    for group in groups:
        cases += group.cases
        synthetic = synthetic or group.synthetic
        _add(by_level, group.level, group)
        for rule in dict.fromkeys(group.fired_rules):
            _add(by_rule, rule, group)
        urgent += group.urgent
        open_safety += group.cases if group.open_safety else 0
    urgent.sort(key=lambda item: item[0])
    return Performance(
        rules_version=version,
        cases=cases,
        levels=tuple(LevelFigures(level, *counts) for level, counts in by_level.items()),
        rules=tuple(RuleFigures(rule, *counts) for rule, counts in sorted(by_rule.items(), key=_rule_key)),
        urgent=tuple(case for _place, case in urgent),
        open_safety=Rate(open_safety, cases),
        synthetic=synthetic,
    )


def group_rows(rows: Iterable[CaseRow]) -> list[CaseGroup]:
    """The rows as groups (in the order each group's first row comes), urgent cases in the rows' order."""
    tallies: dict[tuple[str, str, tuple[str, ...], bool, bool, bool, bool, bool], list[Any]] = {}
    for place, row in enumerate(rows):
        outcome = row.outcome
        seen = outcome is not None and outcome.finding != "not_seen"
        confirmed = seen and outcome is not None and outcome.finding == "spinal_confirmed"
        synthetic = outcome is not None and outcome.synthetic
        key = (row.rules_version, row.level, row.fired_rules, row.open_safety, row.rescreen, seen, confirmed,
               synthetic)
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = [0, []]
        tally[0] += 1
        if row.level == "urgent":
            tally[1].append((place, UrgentCase(row.intake_id, row.tier, row.completed_at,
                                               outcome.urgent_route_at if outcome is not None else None)))
    return [CaseGroup(version, level, fired, open_safety_, rescreen, count, count * seen, count * confirmed,
                      synthetic, tuple(urgent))
            for (version, level, fired, open_safety_, rescreen, seen, confirmed, synthetic), (count, urgent)
            in tallies.items()]


def _rule_key(item: tuple[str, object]) -> tuple[int, int]:
    """Rules in the order the clinician reads them: R, S, L, N, Q, D, each by number."""
    rule = item[0]
    family = "RSLNQDA".find(rule[:1])
    digits = "".join(c for c in rule if c.isdigit())
    return (family if family >= 0 else 9, int(digits or 0))


def measure(
    rows: Iterable[CaseRow], *, start: dt.date | None = None, end: dt.date | None = None
) -> PerformanceReport:
    """The figures for the cases completed between start and end (inclusive), split by rules version."""

    def in_period(row: CaseRow) -> bool:
        day = row.completed_at.date()
        return (start is None or day >= start) and (end is None or day <= end)

    return measure_groups(group_rows(row for row in rows if in_period(row)), start=start, end=end)


def measure_groups(
    groups: Iterable[CaseGroup], *, start: dt.date | None = None, end: dt.date | None = None
) -> PerformanceReport:
    """The figures for groups of cases already chosen for the period start..end, split by rules version
    (the groups in the order their first case comes: it orders levels and rules beyond the known ones)."""
    chosen = list(groups)
    original = [group for group in chosen if not group.rescreen]
    rescreened = [group for group in chosen if group.rescreen]
    versions: dict[str, list[CaseGroup]] = defaultdict(list)
    for group in original:
        versions[group.rules_version].append(group)
    return PerformanceReport(
        period=(start, end),
        overall=_figures(original, "all"),
        by_version=tuple(_figures(group, version) for version, group in sorted(versions.items())),
        rescreened=_figures(rescreened, "rescreen") if rescreened else None,
    )
