"""Issue 15 item 1: a database server on another host needs sslmode=verify-full unless an administrator
turns the check off in the address; a password in an address never reaches a message, a log or the title."""

from __future__ import annotations

import logging

import pytest

from intake_app.errors import StorageError
from intake_app.services import Clinic
from intake_app.storage import Repository, create_database_engine, describe_url
from intake_app.storage.database import TLS_OPT_OUT

SECRET = "s3cret-Pw-471"


@pytest.fixture(autouse=True)
def no_libpq_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGSSLMODE", raising=False)


@pytest.mark.parametrize("query", ["", "?sslmode=require", "?sslmode=verify-ca", "?sslmode=prefer"])
def test_a_remote_server_without_verify_full_is_refused(query: str) -> None:
    with pytest.raises(StorageError) as refused:
        create_database_engine(f"postgresql+psycopg://desk:{SECRET}@db.clinic.example:5432/intake{query}")
    message = str(refused.value)
    assert "sslmode=verify-full" in message
    assert "db.clinic.example" in message
    assert SECRET not in message


def test_a_remote_server_with_verify_full_is_accepted() -> None:
    engine = create_database_engine("postgresql+psycopg://desk@db.clinic.example/intake?sslmode=verify-full")
    assert engine.url.query["sslmode"] == "verify-full"
    engine.dispose()


def test_verify_full_from_the_libpq_environment_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGSSLMODE", "verify-full")
    create_database_engine("postgresql+psycopg://desk@10.0.0.5/intake").dispose()


def test_an_administrator_can_turn_the_check_off_in_the_address() -> None:
    engine = create_database_engine(f"postgresql+psycopg://desk@10.0.0.5/intake?{TLS_OPT_OUT}=yes")
    assert TLS_OPT_OUT not in engine.url.query  # never sent to the server
    engine.dispose()
    with pytest.raises(StorageError, match="sslmode=verify-full"):
        create_database_engine(f"postgresql+psycopg://desk@10.0.0.5/intake?{TLS_OPT_OUT}=no")
    with pytest.raises(StorageError, match="yes or no"):
        create_database_engine(f"postgresql+psycopg://desk@10.0.0.5/intake?{TLS_OPT_OUT}=maybe")


@pytest.mark.parametrize("address", [
    "postgresql+psycopg://desk@localhost/intake",
    "postgresql+psycopg://desk@127.0.0.1:5433/intake",
    "postgresql+psycopg://desk@[::1]:5433/intake",
    "postgresql+psycopg://desk@/intake?host=/var/run/postgresql",
    "postgresql+psycopg:///intake",
])
def test_local_servers_and_sockets_need_no_tls(address: str) -> None:
    create_database_engine(address).dispose()


def test_the_database_description_never_shows_the_password(clinic: Clinic) -> None:
    engine = create_database_engine(f"postgresql+psycopg://desk:{SECRET}@127.0.0.1:5432/intake")
    own = clinic.repository
    clinic.repository = Repository(engine)  # describing needs no connection to the server
    try:
        described = clinic.describe_database()
    finally:
        clinic.repository = own
        engine.dispose()
    assert SECRET not in described
    assert "127.0.0.1" in described
    assert SECRET not in describe_url(f"postgresql+psycopg://desk:{SECRET}@db.example/intake")


def test_a_failed_connection_never_quotes_the_password(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(StorageError) as failed:
        # Nothing listens on port 1: the connection is refused at once.
        Clinic.open(f"postgresql+psycopg://desk:{SECRET}@127.0.0.1:1/intake?connect_timeout=3")
    shown = f"{failed.value} {failed.value!r} {failed.value.hint}"
    assert "Cannot reach the database server" in shown
    assert SECRET not in shown
    assert SECRET not in caplog.text
