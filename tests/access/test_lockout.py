"""Five wrong passwords lock an account for 15 minutes (wall clock); administrators unlock and reset;
the one-time recovery key lets the owner back in."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from intake_app.access.accounts import Account, check_account_name, check_display_name
from intake_app.access.lockout import (
    LOCK_DURATION,
    MAX_FAILED_SIGN_INS,
    Outcome,
    RecoveryRefused,
    SignInRefused,
    administrators_available,
    attempt_sign_in,
    change_password,
    countersign,
    is_locked,
    new_recovery_key,
    recover_administrator,
    recovery_key_matches,
    reset_password,
    unlock,
)
from intake_app.access.passwords import Passwords, Secret
from intake_app.access.roles import Action, PermissionDenied, Role
from intake_app.errors import IntakeError

from .fakes import FakeClock

RIGHT = Secret("right password 1")
WRONG = Secret("wrong password 1")


@pytest.fixture
def account(fast_passwords: Passwords) -> Account:
    return Account("ana.ruiz", "Dr Ana Ruiz", Role.CLINICIAN, fast_passwords.hash(RIGHT))


def fail(account: Account, times: int, clock: FakeClock, passwords: Passwords) -> Account:
    for _ in range(times):
        result = attempt_sign_in(account, WRONG, clock(), passwords)
        assert result.account is not None
        account = result.account
    return account


def test_the_right_password_signs_in_and_clears_the_count(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    account = fail(account, MAX_FAILED_SIGN_INS - 1, clock, fast_passwords)
    assert account.failed_sign_ins == 4
    result = attempt_sign_in(account, RIGHT, clock(), fast_passwords)
    assert result.ok
    signed_in = result.raise_unless_signed_in()
    assert signed_in.failed_sign_ins == 0
    assert signed_in.last_sign_in_at == clock()


def test_five_wrong_passwords_lock_for_fifteen_minutes(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    account = fail(account, 4, clock, fast_passwords)
    assert not is_locked(account, clock())
    fifth = attempt_sign_in(account, WRONG, clock(), fast_passwords)
    assert fifth.outcome is Outcome.LOCKED and fifth.locked_now
    assert fifth.account is not None
    locked = fifth.account
    assert locked.locked_until == clock() + LOCK_DURATION == clock() + dt.timedelta(minutes=15)

    # While locked even the right password is refused, and the attempt neither counts nor stretches the lock.
    clock.advance(minutes=14, seconds=59)
    during = attempt_sign_in(locked, RIGHT, clock(), fast_passwords)
    assert during.outcome is Outcome.LOCKED and not during.locked_now
    assert during.account == locked
    refusal = during.refusal(dt.UTC)
    assert str(refusal).startswith("This account is locked after 5 wrong passwords. Try again after 10:15.")
    assert "administrator" in str(refusal)

    # At the end of the 15 minutes the right password works again.
    clock.advance(seconds=1)
    after = attempt_sign_in(locked, RIGHT, clock(), fast_passwords)
    assert after.ok
    assert after.account is not None and after.account.locked_until is None


def test_after_the_lock_ends_the_count_starts_again(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    locked = fail(account, 5, clock, fast_passwords)
    clock.advance(minutes=15)
    again = attempt_sign_in(locked, WRONG, clock(), fast_passwords)
    assert again.outcome is Outcome.WRONG
    assert again.account is not None and again.account.failed_sign_ins == 1


def test_a_sleeping_laptop_counts_towards_the_lock_end(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    locked = fail(account, 5, clock, fast_passwords)
    clock.advance(hours=8)  # wall clock moved on while the machine slept
    assert not is_locked(locked, clock())


def test_wrong_password_and_unknown_account_read_the_same(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    unknown = attempt_sign_in(None, RIGHT, clock(), fast_passwords)
    wrong = attempt_sign_in(account, WRONG, clock(), fast_passwords)
    assert unknown.outcome is wrong.outcome is Outcome.WRONG
    assert unknown.account is None
    assert str(unknown.refusal()) == str(wrong.refusal())
    assert str(wrong.refusal()).startswith("Wrong account name or password.")
    with pytest.raises(SignInRefused) as caught:
        unknown.raise_unless_signed_in()
    assert isinstance(caught.value, IntakeError)
    assert RIGHT.reveal() not in str(caught.value)


def test_a_switched_off_account_says_so_only_to_its_owner(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    off = dataclasses.replace(account, disabled=True)
    assert attempt_sign_in(off, RIGHT, clock(), fast_passwords).outcome is Outcome.DISABLED
    wrong = attempt_sign_in(off, WRONG, clock(), fast_passwords)
    assert wrong.outcome is Outcome.WRONG
    assert str(attempt_sign_in(off, RIGHT, clock(), fast_passwords).refusal()).startswith("This account is switched")


def test_a_weak_stored_hash_is_upgraded_at_sign_in(account: Account, clock: FakeClock) -> None:
    strong = Passwords()
    result = attempt_sign_in(account, RIGHT, clock(), strong)
    assert result.ok and result.rehashed
    assert result.account is not None
    assert not strong.needs_rehash(result.account.password_hash)
    assert strong.verify(result.account.password_hash, RIGHT)


def test_an_administrator_unlocks_and_resets(account: Account, clock: FakeClock, fast_passwords: Passwords) -> None:
    locked = fail(account, 5, clock, fast_passwords)
    assert is_locked(locked, clock())
    assert not is_locked(unlock(locked), clock())
    assert unlock(locked).failed_sign_ins == 0

    temporary = Secret("temporary pass 9")
    reset = reset_password(locked, fast_passwords.hash(temporary), clock())
    assert not is_locked(reset, clock()) and reset.must_change_password
    assert attempt_sign_in(reset, temporary, clock(), fast_passwords).ok
    changed = change_password(reset, fast_passwords.hash(RIGHT), clock())
    assert not changed.must_change_password and changed.password_changed_at == clock()


def test_times_must_say_their_zone(account: Account, fast_passwords: Passwords) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        attempt_sign_in(account, RIGHT, dt.datetime(2026, 11, 30, 10, 0), fast_passwords)
    with pytest.raises(ValueError):
        dataclasses.replace(account, locked_until=dt.datetime(2026, 11, 30, 10, 0))


def test_accounts_have_account_roles_only(fast_passwords: Passwords) -> None:
    with pytest.raises(ValueError):
        Account("robot", "Robot", Role.SYSTEM, fast_passwords.hash(RIGHT))


def test_is_there_an_administrator_who_can_sign_in(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    admin = dataclasses.replace(account, name="owner", role=Role.ADMINISTRATOR)
    assert administrators_available([account, admin], clock())
    assert not administrators_available([account, fail(admin, 5, clock, fast_passwords)], clock())
    assert not administrators_available([account, dataclasses.replace(admin, disabled=True)], clock())
    assert not administrators_available([account], clock())


# --- the recovery key -----------------------------------------------------------------------------


def test_a_recovery_key_is_long_random_and_stored_only_as_a_hash() -> None:
    key, stored = new_recovery_key()
    letters = key.reveal().replace("-", "")
    assert len(letters) == 32 and set(letters) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert key.reveal() not in stored and letters not in stored
    assert stored.startswith("sha256:")
    assert recovery_key_matches(stored, key)
    assert recovery_key_matches(stored, Secret(key.reveal().lower().replace("-", " ")))
    assert new_recovery_key()[0] != key


def test_the_recovery_key_lets_the_locked_out_owner_back_in_once(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    owner = fail(dataclasses.replace(account, name="owner", role=Role.ADMINISTRATOR), 5, clock, fast_passwords)
    assert not administrators_available([owner], clock())
    key, stored = new_recovery_key()
    new_password = Secret("a brand new password")
    recovery = recover_administrator(owner, stored, key, fast_passwords.hash(new_password), clock())
    assert not is_locked(recovery.account, clock())
    assert attempt_sign_in(recovery.account, new_password, clock(), fast_passwords).ok
    # one time: the used key no longer matches what is stored now; the new key does
    assert not recovery_key_matches(recovery.new_key_hash, key)
    assert recovery_key_matches(recovery.new_key_hash, recovery.new_key)
    with pytest.raises(RecoveryRefused, match="not right"):
        recover_administrator(owner, recovery.new_key_hash, key, fast_passwords.hash(new_password), clock())


def test_a_wrong_key_or_a_non_administrator_is_refused(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    key, stored = new_recovery_key()
    new_hash = fast_passwords.hash(Secret("a brand new password"))
    with pytest.raises(RecoveryRefused, match="not right"):
        recover_administrator(dataclasses.replace(account, role=Role.ADMINISTRATOR), stored, Secret("AAAA-BBBB"),
                              new_hash, clock())
    with pytest.raises(RecoveryRefused, match="administrator"):
        recover_administrator(account, stored, key, new_hash, clock())
    with pytest.raises(RecoveryRefused, match="No recovery key"):
        recover_administrator(account, None, key, new_hash, clock())


# --- names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ana.ruiz", "desk-2", "José_M", "ΑΝΝΑ"])
def test_good_account_names(name: str) -> None:
    assert check_account_name(f" {name} ") == name


@pytest.mark.parametrize(("name", "words"), [("", "empty"), ("-rf", "start with a letter"), ("a b", "only letters"),
                                             ("x" * 41, "too long"), ("System", "kept for the program")])
def test_bad_account_names_get_a_plain_message(name: str, words: str) -> None:
    with pytest.raises(IntakeError, match=words):
        check_account_name(name)


@pytest.mark.parametrize(("name", "words"), [("", "empty"), ("Ana\nRuiz", "control"), ("Ana\u202eRuiz", "direction"),
                                             ("x" * 101, "too long")])
def test_bad_full_names_get_a_plain_message(name: str, words: str) -> None:
    with pytest.raises(IntakeError, match=words):
        check_display_name(name)


def test_full_names_keep_joiners() -> None:
    assert check_display_name("Dr Mehr\u200cnaz") == "Dr Mehr\u200cnaz"


# --- a clinician countersigns at someone else's desk ---------------------------------------------


def test_a_clinician_acknowledges_with_their_own_password(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    result = countersign(account, RIGHT, clock(), fast_passwords, Action.ACKNOWLEDGE_RED_FLAG)
    signer = result.signed_by()
    assert (signer.name, signer.role, signer.display_name) == ("ana.ruiz", Role.CLINICIAN, "Dr Ana Ruiz")
    assert result.attempt.account is not None and result.attempt.account.last_sign_in_at == clock()


def test_a_wrong_countersignature_counts_towards_the_lock(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    for n in range(1, 6):
        result = countersign(account, WRONG, clock(), fast_passwords, Action.ACKNOWLEDGE_RED_FLAG)
        assert result.attempt.account is not None
        account = result.attempt.account
        assert account.failed_sign_ins == n
        with pytest.raises(SignInRefused):
            result.signed_by()
    assert is_locked(account, clock())


def test_front_desk_cannot_countersign_a_red_flag(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    desk = dataclasses.replace(account, name="desk1", display_name="Desk One", role=Role.FRONT_DESK)
    result = countersign(desk, RIGHT, clock(), fast_passwords, Action.ACKNOWLEDGE_RED_FLAG)
    assert result.attempt.ok and result.signer is None
    with pytest.raises(PermissionDenied, match="cannot acknowledge a red flag"):
        result.signed_by()


def test_a_password_an_administrator_just_set_cannot_countersign(
    account: Account, clock: FakeClock, fast_passwords: Passwords
) -> None:
    reset = reset_password(account, fast_passwords.hash(RIGHT), clock())
    result = countersign(reset, RIGHT, clock(), fast_passwords, Action.ACKNOWLEDGE_RED_FLAG)
    with pytest.raises(SignInRefused, match="must first choose their own password"):
        result.signed_by()
    unknown = countersign(None, RIGHT, clock(), fast_passwords, Action.ACKNOWLEDGE_RED_FLAG)
    with pytest.raises(SignInRefused, match="Wrong account name or password"):
        unknown.signed_by()
