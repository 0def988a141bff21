"""A real PostgreSQL server for this folder's tests (see server.py); one per test session."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from tests.postgres.server import PostgresServer, start_server

_names = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = start_server()
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty database on the shared server for each test."""
    return postgres_server.create_database(f"intake_t{next(_names)}")
