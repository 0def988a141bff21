"""Issue 13 items 1, 2 (service side) and 4: signing in, lockout and its expiry, the lock, accounts, the
recovery key, and who an acknowledgement or amendment names, through the REAL Clinic with a clock the
test moves. On the old code there was no sign-in at all and the acknowledgement named a typed string."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intake_app.access.lockout import RecoveryRefused, SignInRefused
from intake_app.access.passwords import Secret, WeakPassword
from intake_app.access.roles import PermissionDenied, Role
from intake_app.errors import IntakeError
from intake_app.services import Clinic, PasswordChangeNeeded, WindowLocked
from tests.conftest import PASSWORD, add_test_accounts, secret
from tests.conftest import fast_passwords as cheap_passwords

from .fakes import FakeClock


@pytest.fixture
def desk(database_url: str, clock: FakeClock) -> Iterator[Clinic]:
    """A clinic with the test accounts and a hand-moved clock; nobody signed in."""
    clinic = Clinic.open(database_url, passwords=cheap_passwords(), clock=clock, desk="desk-7")
    add_test_accounts(clinic)
    yield clinic
    clinic.close()


def actions(clinic: Clinic) -> list[tuple[str, str]]:
    clinic._views.flush()
    return [(who, action) for who, action, _p, _i in clinic.repository.audit_entries()]


def test_nobody_is_signed_in_after_opening(desk: Clinic) -> None:
    assert desk.signed_in is None and not desk.locked
    with pytest.raises(PermissionDenied, match="Sign in first"):
        desk.search_patients("a")


def test_five_wrong_passwords_lock_the_account_for_15_minutes_by_the_wall_clock(
    desk: Clinic, clock: FakeClock
) -> None:
    for _ in range(4):
        with pytest.raises(SignInRefused, match="Wrong account name or password"):
            desk.sign_in("desk", secret("wrong password here"))
    with pytest.raises(SignInRefused, match="locked"):
        desk.sign_in("desk", secret("wrong password here"))
    with pytest.raises(SignInRefused, match="locked"):  # the right password does not help while locked
        desk.sign_in("desk", secret())
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(SignInRefused, match="locked"):
        desk.sign_in("desk", secret())
    clock.advance(seconds=2)  # e.g. the laptop slept through the rest
    assert desk.sign_in("desk", secret()).name == "desk"
    recorded = actions(desk)
    # five wrong passwords, then two attempts while locked (refused unchecked, still recorded)
    assert recorded.count(("desk", "session.sign_in_failed")) == 7
    assert ("desk", "account.locked") in recorded
    assert recorded[-1] == ("desk", "session.sign_in")


def test_the_count_survives_a_restart(database_url: str, clock: FakeClock, desk: Clinic) -> None:
    for _ in range(3):
        with pytest.raises(SignInRefused):
            desk.sign_in("desk", secret("wrong password here"))
    again = Clinic.open(database_url, passwords=cheap_passwords(), clock=clock)
    try:
        for _ in range(2):
            with pytest.raises(SignInRefused):
                again.sign_in("desk", secret("wrong password here"))
        account = again.repository.get_account("desk")
        assert account is not None and account.locked_until is not None
    finally:
        again.close()


def test_an_administrator_unlocks_and_resets(desk: Clinic) -> None:
    for _ in range(5):
        with pytest.raises(SignInRefused):
            desk.sign_in("doctor", secret("wrong password here"))
    desk.sign_in("admin", secret())
    desk.unlock_account("doctor")
    desk.reset_password("doctor", secret("a temporary password"))
    desk.sign_out()
    with pytest.raises(PasswordChangeNeeded):
        desk.sign_in("doctor", secret("a temporary password"))
    with pytest.raises(WeakPassword):
        desk.sign_in("doctor", secret("a temporary password"), new_password=secret("short"))
    actor = desk.sign_in("doctor", secret("a temporary password"), new_password=secret("my very own password"))
    assert actor.role is Role.CLINICIAN
    desk.sign_out()
    assert desk.sign_in("doctor", secret("my very own password")).name == "doctor"
    recorded = actions(desk)
    assert ("admin", "account.unlock") in recorded and ("admin", "account.password_reset") in recorded
    assert ("doctor", "account.password_change") in recorded


def test_a_disabled_account_cannot_sign_in_and_nobody_disables_themselves(desk: Clinic) -> None:
    desk.sign_in("admin", secret())
    with pytest.raises(IntakeError, match="cannot switch off the account you are signed in with"):
        desk.disable_account("admin")
    desk.disable_account("desk")
    with pytest.raises(SignInRefused, match="switched off"):
        desk.sign_in("desk", secret())


def test_signing_in_as_another_replaces_the_session_and_records_the_sign_out(desk: Clinic) -> None:
    desk.sign_in("desk", secret())
    desk.sign_in("doctor", secret())
    assert desk.signed_in is not None and desk.signed_in.name == "doctor"
    assert actions(desk)[-2:] == [("desk", "session.sign_out"), ("doctor", "session.sign_in")]


def test_the_lock_hides_everything_until_the_same_password(desk: Clinic) -> None:
    desk.sign_in("desk", secret())
    desk.lock()
    assert desk.locked and desk.signed_in is not None and desk.signed_in.name == "desk"
    with pytest.raises(WindowLocked, match="The window is locked"):
        desk.search_patients("a")
    with pytest.raises(SignInRefused):
        desk.unlock_session(secret("not my password"))
    assert desk.locked
    desk.unlock_session(secret())
    assert not desk.locked and desk.search_patients("a") == []
    recorded = actions(desk)
    assert ("desk", "session.lock") in recorded and ("desk", "session.unlock") in recorded


def test_urgent_waiting_needs_nobody_signed_in_and_shows_a_count_only(desk: Clinic) -> None:
    assert desk.urgent_waiting() == 0
    assert desk.idle_minutes == 5


def test_the_first_administrator_only_once_and_the_recovery_key_works_once(
    tmp_path: Path, clock: FakeClock
) -> None:
    clinic = Clinic.open(f"sqlite:///{tmp_path / 'new.db'}", passwords=cheap_passwords(), clock=clock)
    try:
        assert not clinic.has_accounts()
        key = clinic.create_first_administrator("owner", "Olive Owner", secret())
        assert clinic.has_accounts() and clinic.signed_in is None
        with pytest.raises(IntakeError, match="already has accounts"):
            clinic.create_first_administrator("second", "Sam Second", secret())
        for _ in range(5):
            with pytest.raises(SignInRefused):
                clinic.sign_in("owner", secret("forgotten password"))
        new_key = clinic.recover_with_key("owner", key, secret("a brand new password"))
        assert new_key != key
        with pytest.raises(RecoveryRefused):  # used up
            clinic.recover_with_key("owner", key, secret("another new password"))
        assert clinic.sign_in("owner", secret("a brand new password")).role is Role.ADMINISTRATOR
        assert ("owner", "account.recovery_key_used") in actions(clinic)
    finally:
        clinic.close()


def test_the_acknowledgement_names_the_countersigning_clinician_and_role(
    database_url: str, desk: Clinic, full_document: dict[str, Any]
) -> None:
    """At the front desk's session the clinician signs with their own password; the session stays the
    desk's. On the old code the acknowledgement stored whatever name was typed, and the audit row said
    "root" or the settings file's name."""
    import json

    desk.sign_in("desk", secret())
    path = Path(database_url.removeprefix("sqlite:///")).with_name("urgent.json")
    full_document["answers"]["rf_saddle_numbness"] = "new"
    path.write_text(json.dumps(full_document), encoding="utf-8")
    desk.sign_out()
    desk.sign_in("doctor", secret())
    (record,) = desk.import_file(path)
    desk.sign_in("desk", secret())
    draft = desk.amend_intake(record.id, "a correction") if record.status == "complete" else record
    with pytest.raises(PermissionDenied, match="cannot acknowledge"):
        desk.acknowledge_red_flag(draft.id, clinician="desk", password=secret())
    acked = desk.acknowledge_red_flag(draft.id, clinician="Doctor", password=Secret(PASSWORD))
    assert (acked.red_flag_ack_by, acked.red_flag_ack_role) == ("Dr. Cora Clinician", "clinician")
    assert desk.signed_in is not None and desk.signed_in.name == "desk"  # the session was not taken over
    entries = desk.repository.audit_log(limit=1)
    (last,) = entries
    assert (last.event.who, last.event.role, last.event.action) == ("doctor", "clinician", "intake.red_flag_ack")
    assert last.event.detail == "signed at the session of desk" and last.event.desk == "desk-7"
    if record.status == "complete":  # the amendment names the signed-in account and its role
        connection = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        row = connection.execute("SELECT amended_by, amended_role FROM intakes WHERE id = ?", (draft.id,)).fetchone()
        connection.close()
        assert row == ("Dee Desk", "front-desk")


def test_an_administrator_session_cannot_host_an_acknowledgement(desk: Clinic) -> None:
    desk.sign_in("admin", secret())
    with pytest.raises(PermissionDenied, match="cannot save an intake"):
        desk.acknowledge_red_flag(1, clinician="doctor", password=secret())
