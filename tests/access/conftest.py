"""Fixtures for the access tests: a fast Argon2id hasher and a wall clock the test moves by hand."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from intake_app.access.passwords import Passwords

from .fakes import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fast_passwords() -> Passwords:
    """Argon2id with tiny costs, so lockout tests run quickly (production uses the library defaults)."""
    return Passwords(PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
