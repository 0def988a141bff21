"""Test doubles for the access tests."""

from __future__ import annotations

import datetime as dt

START = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC)


class FakeClock:
    """A wall clock that only moves when told to (e.g. across a laptop's sleep)."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now
