"""Reliability tests run under the usual umask 022, so permissions are checked as a clinic PC sets them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: long-running reliability test (still part of the default run)")


@pytest.fixture
def cli_as(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], None]:
    """`cli_as(database_url, role)`: the test accounts exist in that database and the command line signs in
    with the account of `role` ($INTAKE_APP_USER and a private $INTAKE_APP_PASSWORD_FILE)."""
    from tests.conftest import ACCOUNTS, PASSWORD, signed_in_clinic

    def use(database_url: str, role: str = "administrator") -> None:
        signed_in_clinic(database_url, role).close()
        secret_file = tmp_path_factory.mktemp("identity") / "password"
        secret_file.write_text(PASSWORD + "\n", encoding="utf-8")
        secret_file.chmod(0o600)
        monkeypatch.setenv("INTAKE_APP_USER", ACCOUNTS[role][0])
        monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(secret_file))

    return use
