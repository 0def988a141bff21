"""The command line runs as a staff account: every test database here has three, and the environment names
the clinician with a private password file, as a script at the clinic would.

Accounts (all with PASSWORD, none needing a new one): "admin" (administrator), "doctor" (clinician),
"desk" (front-desk). Argon2id runs with tiny costs in these tests (production keeps the library's
defaults): the hasher is swapped by monkeypatch, never by a switch in the program.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

PASSWORD = "correct horse battery"
FIRST_PASSWORD = "first password to change"
ACCOUNTS = (("doctor", "Dr Test Doctor", "clinician"), ("desk", "Desk Person", "front-desk"))


def cheap_hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    from intake_app.access import passwords

    monkeypatch.setattr(passwords, "default_hasher", cheap_hasher)


def private_file(path: Path, text: str, mode: int = 0o600) -> Path:
    """A password file as the rules want it: ours, no group or other bits (unless `mode` says otherwise)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    os.chmod(path, mode)
    return path


def add_accounts(url: str) -> None:
    """The administrator (first account), a clinician and a front-desk account, each with PASSWORD."""
    from intake_app.access.passwords import Passwords, Secret
    from intake_app.access.roles import Role
    from intake_app.services import Clinic

    clinic = Clinic.open(url, passwords=Passwords(cheap_hasher()))
    try:
        clinic.create_first_administrator("admin", "Ada Admin", Secret(PASSWORD))
        clinic.sign_in("admin", Secret(PASSWORD))
        for name, display, role in ACCOUNTS:
            clinic.add_account(name, display, Role(role), Secret(FIRST_PASSWORD))
        clinic.sign_out()
        for name, _display, _role in ACCOUNTS:
            clinic.sign_in(name, Secret(FIRST_PASSWORD), new_password=Secret(PASSWORD))
            clinic.sign_out()
    finally:
        clinic.close()


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    return private_file(tmp_path / "password.txt", PASSWORD)


@pytest.fixture(autouse=True)
def identity_env(monkeypatch: pytest.MonkeyPatch, password_file: Path) -> None:
    """Commands run as the clinician "doctor" unless a test says otherwise (--user, or the environment)."""
    monkeypatch.setenv("INTAKE_APP_USER", "doctor")
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(password_file))
    for name in ("INTAKE_APP_NEW_PASSWORD_FILE", "INTAKE_APP_RECOVERY_KEY_FILE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fresh_database_url(tmp_path: Path) -> str:
    """A database file that does not exist yet (no accounts)."""
    return f"sqlite:///{tmp_path / 'fresh.db'}"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A database with the three accounts."""
    url = f"sqlite:///{tmp_path / 'intake-test.db'}"
    add_accounts(url)
    return url


@pytest.fixture
def staffed_database(tmp_path: Path) -> Callable[[str], str]:
    """Another database with the three accounts: staffed_database("other") -> its URL."""

    def make(name: str) -> str:
        url = f"sqlite:///{tmp_path / (name + '.db')}"
        add_accounts(url)
        return url

    return make


def signed_in(url: str, name: str, settings: Any = None) -> Any:
    from intake_app.access.passwords import Passwords, Secret
    from intake_app.services import Clinic

    clinic = Clinic.open(url, settings, passwords=Passwords(cheap_hasher()))
    clinic.sign_in(name, Secret(PASSWORD))
    return clinic


@pytest.fixture
def clinic(database_url: str) -> Iterator[Any]:
    """The services signed in as the clinician."""
    opened = signed_in(database_url, "doctor")
    yield opened
    opened.close()


@pytest.fixture
def admin_clinic(database_url: str) -> Iterator[Any]:
    opened = signed_in(database_url, "admin")
    yield opened
    opened.close()
