"""When to hide the window behind the lock screen: after an idle time measured by the wall clock.

The wall clock, not a monotonic one: a laptop that slept for an hour has been unattended for an hour,
though a monotonic clock (which stops during sleep on most systems) would say a few seconds. A clock
that jumps backwards by more than a little is not trusted either: the window locks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from intake_app.access.accounts import require_utc
from intake_app.errors import IntakeError
from intake_app.translation_marks import QT_TRANSLATE_NOOP

DEFAULT_IDLE_LIMIT = dt.timedelta(minutes=5)
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 60
CLOCK_BACK_TOLERANCE = dt.timedelta(minutes=2)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def idle_limit(minutes: int) -> dt.timedelta:
    """The administrator's idle setting as a duration; a plain error outside 1-60 minutes."""
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        raise IntakeError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "The idle lock time must be a whole number of minutes from {least} to {most}."
            ),
            params={"least": MIN_IDLE_MINUTES, "most": MAX_IDLE_MINUTES},
        )

    return dt.timedelta(minutes=minutes)


def should_lock(last_activity: dt.datetime, now: dt.datetime, limit: dt.timedelta = DEFAULT_IDLE_LIMIT) -> bool:
    """True once `limit` has passed since the last activity, or when the clock went back too far."""
    elapsed = require_utc(now) - require_utc(last_activity)
    return elapsed >= limit or elapsed < -CLOCK_BACK_TOLERANCE


@dataclass
class IdleTimer:
    """The policy object the window keeps: `touch()` on every key press or click, `should_lock()` on a
    timer tick, on waking from sleep and before handling input; `remaining()` says when to look again."""

    limit: dt.timedelta = DEFAULT_IDLE_LIMIT
    clock: Callable[[], dt.datetime] = utc_now
    last_activity: dt.datetime = field(init=False)

    def __post_init__(self) -> None:
        if self.limit <= dt.timedelta(0):
            raise ValueError("the idle limit must be positive")
        self.last_activity = require_utc(self.clock())

    def touch(self) -> None:
        self.last_activity = require_utc(self.clock())

    def should_lock(self) -> bool:
        return should_lock(self.last_activity, self.clock(), self.limit)

    def remaining(self) -> dt.timedelta:
        """Time left before locking (zero when it is due)."""
        if self.should_lock():
            return dt.timedelta(0)
        left = self.limit - (require_utc(self.clock()) - self.last_activity)
        return min(self.limit, max(dt.timedelta(0), left))
