"""Synthetic outcomes for demo data: made-up specialist findings for completed demo intakes, always marked
synthetic (the report, the page and every export label them so).

Drawn so the screening's record looks like a real one, uneven: an urgent referral is confirmed less often
than a "likely" one (a suspected cauda equina is usually not one), "possible" is confirmed about one time in
three, a few patients never turn up, recent referrals have no outcome yet, and the time to the urgent route
spreads from an hour to days. Every date and time follows the intake's completion (on its visit day), and
nothing is dated after the moment of drawing. A fixed seed gives the same outcomes every time.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from intake_app.domain.outcomes import Outcome


# Per level: P(outcome recorded), P(not seen | recorded), then the finding shares among the seen:
# (spinal confirmed, not spinal, another cause); and the days from the visit to the specialist (low, high).
@dataclass(frozen=True)
class LevelPattern:
    recorded: float
    not_seen: float
    findings: tuple[float, float, float]
    days: tuple[int, int]


PATTERNS: Mapping[str, LevelPattern] = {
    "urgent": LevelPattern(0.97, 0.03, (0.38, 0.47, 0.15), (0, 2)),
    "likely": LevelPattern(0.85, 0.12, (0.71, 0.17, 0.12), (10, 60)),
    "possible": LevelPattern(0.60, 0.20, (0.34, 0.38, 0.28), (14, 90)),
    "not_indicated": LevelPattern(0.12, 0.25, (0.07, 0.38, 0.55), (20, 120)),
}
OTHER_CAUSES = ("Plantar fasciitis", "Gout", "Peripheral arterial disease", "Diabetic neuropathy",
                "Tarsal tunnel syndrome", "Hip osteoarthritis", "Stress fracture", "Morton's neuroma")
SEEN_BY = ("Spinal clinic (synthetic)", "Orthopaedic clinic (synthetic)", "Emergency department (synthetic)",
           "Neurology clinic (synthetic)", "Podiatry (synthetic)")
SEEN_BY_LEVEL = {"urgent": 2, "likely": 0, "possible": 1, "not_indicated": 4}
MEDIAN_HOURS_TO_ROUTE = {"E": 2.5, "P": 30.0}
FOUND = ("spinal_confirmed", "not_spinal", "other_cause")
_CUMULATIVE = {level: list(accumulate(p.findings)) for level, p in PATTERNS.items()}
_TOTAL = {level: cumulative[-1] + 0.0 for level, cumulative in _CUMULATIVE.items()}


class DemoCase(NamedTuple):
    """A completed demo intake as the generator needs it (ids and dates, no patient details). A named tuple:
    demo-data makes one per intake, and a tuple is made several times faster than a frozen dataclass."""

    intake_id: int
    level: str
    tier: str | None
    visit_date: dt.date
    completed_at: dt.datetime  # aware


def _imaging(rng: random.Random, level: str, finding: str) -> tuple[str, ...]:
    if level == "urgent" or (finding == "spinal_confirmed" and rng.random() < 0.8):
        return ("mri",)
    if finding == "other_cause":
        return rng.choice((("x_ray",), ("ultrasound",), ("nerve_studies",), ()))
    return ("x_ray",) if rng.random() < 0.25 else ()


class OutcomeDrawer:
    """Draws outcomes from one random stream over successive lists of cases, so drawing batch by batch (as
    demo-data writes them) gives the same outcomes as drawing all the cases at once in the same order.

    Nothing is seen after `today` (local), and no urgent route is reached after `now` (aware; by default the
    end of `today`): such a case has no outcome yet, or no route time yet. The random stream is the same.
    """

    def __init__(self, *, seed: int, today: dt.date, now: dt.datetime | None = None) -> None:
        self.rng = random.Random(seed ^ 0x0C7C0E)
        self.today = today
        self.now = now if now is not None else dt.datetime.combine(today, dt.time.max).astimezone()

    def draw(self, cases: Iterable[DemoCase]) -> Iterator[tuple[int, Outcome]]:
        """(intake id, synthetic outcome) for the cases that have one by `today` (the others: not yet seen)."""
        rng, today, now = self.rng, self.today, self.now
        chance, randint = rng.random, rng.randint
        for case in cases:
            level = case.level
            drawn = _DRAWN.get(level)
            if drawn is None or chance() >= drawn.recorded:
                continue
            seen_on = case.visit_date + _DAYS[randint(*drawn.days)]
            if seen_on > today:
                continue  # the appointment has not happened yet
            route = None
            if level == "urgent" and chance() < 0.9:  # one in ten is never written down
                median = MEDIAN_HOURS_TO_ROUTE.get(case.tier or "P", 30.0)
                route = case.completed_at + dt.timedelta(hours=round(rng.lognormvariate(0, 0.8) * median, 1))
                if route > now:
                    route = None  # not reached yet when drawn
            if chance() < drawn.not_seen:
                yield case.intake_id, Outcome("not_seen", urgent_route_at=route, synthetic=True)
                continue
            # What rng.choices(FOUND, weights=pattern.findings) draws, from the same one random number.
            finding = FOUND[bisect(drawn.cumulative, chance() * drawn.total, 0, 2)]
            yield case.intake_id, Outcome(
                finding, drawn.seen_by, seen_on, rng.choice(OTHER_CAUSES) if finding == "other_cause" else "",
                _imaging(rng, level, finding), route, NOTE, True)


class _Drawn(NamedTuple):
    """A level's pattern as the drawing loop reads it (one lookup per case)."""

    recorded: float
    not_seen: float
    days: tuple[int, int]
    cumulative: list[float]
    total: float
    seen_by: str


_DRAWN = {level: _Drawn(p.recorded, p.not_seen, p.days, _CUMULATIVE[level], _TOTAL[level],
                        SEEN_BY[SEEN_BY_LEVEL[level]]) for level, p in PATTERNS.items()}
_DAYS = [dt.timedelta(days=n) for n in range(max(p.days[1] for p in PATTERNS.values()) + 1)]
NOTE = "Synthetic outcome for demonstration."


def draw_outcomes(cases: Iterable[DemoCase], *, seed: int, today: dt.date,
                  now: dt.datetime | None = None) -> Iterator[tuple[int, Outcome]]:
    """(intake id, synthetic outcome) for the cases that have one by `today` (the others: not yet seen)."""
    return OutcomeDrawer(seed=seed, today=today, now=now).draw(cases)
