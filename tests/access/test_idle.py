"""The idle lock by a simulated wall clock: five minutes by default, a sleeping laptop counts."""

from __future__ import annotations

import datetime as dt

import pytest

from intake_app.access.idle import DEFAULT_IDLE_LIMIT, IdleTimer, idle_limit, should_lock
from intake_app.errors import IntakeError

from .fakes import FakeClock


def test_the_default_is_five_minutes() -> None:
    assert dt.timedelta(minutes=5) == DEFAULT_IDLE_LIMIT


def test_locks_after_the_idle_limit(clock: FakeClock) -> None:
    timer = IdleTimer(clock=clock)
    clock.advance(minutes=4, seconds=59)
    assert not timer.should_lock()
    assert timer.remaining() == dt.timedelta(seconds=1)
    clock.advance(seconds=1)
    assert timer.should_lock()
    assert timer.remaining() == dt.timedelta(0)


def test_activity_starts_the_count_again(clock: FakeClock) -> None:
    timer = IdleTimer(clock=clock)
    for _ in range(10):  # typing every four minutes keeps the window open for forty
        clock.advance(minutes=4)
        assert not timer.should_lock()
        timer.touch()
    clock.advance(minutes=5)
    assert timer.should_lock()


def test_a_sleeping_laptop_counts(clock: FakeClock) -> None:
    timer = IdleTimer(clock=clock)
    clock.advance(hours=2)  # lid closed: a monotonic clock would barely have moved, the wall clock did
    assert timer.should_lock()


def test_a_clock_set_far_back_locks(clock: FakeClock) -> None:
    timer = IdleTimer(clock=clock)
    clock.advance(minutes=-1)  # a small correction (time sync) is tolerated
    assert not timer.should_lock()
    assert timer.remaining() == DEFAULT_IDLE_LIMIT
    clock.advance(hours=-3)
    assert timer.should_lock()


def test_the_administrator_sets_the_limit(clock: FakeClock) -> None:
    timer = IdleTimer(limit=idle_limit(15), clock=clock)
    clock.advance(minutes=14)
    assert not timer.should_lock()
    clock.advance(minutes=1)
    assert timer.should_lock()


@pytest.mark.parametrize("minutes", [0, -5, 61, True])
def test_limits_outside_one_to_sixty_minutes_are_refused(minutes: int) -> None:
    with pytest.raises(IntakeError, match="from 1 to 60"):
        idle_limit(minutes)


def test_the_pure_rule() -> None:
    start = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    assert not should_lock(start, start + dt.timedelta(minutes=4))
    assert should_lock(start, start + dt.timedelta(minutes=5))
    with pytest.raises(ValueError):
        should_lock(start.replace(tzinfo=None), start)
