"""Sign-in decisions, lockout and the one-time recovery key, as pure functions over `Account` data.

Five wrong passwords in a row lock an account for 15 minutes, measured by the wall clock the caller
passes in (`now`, timezone-aware). Attempts while locked are neither checked nor counted, so nobody
learns anything from them and they do not stretch the lock. A successful sign-in clears the count; an
administrator can unlock an account or reset its password. Storage stores every returned `Account`,
also after a failure (the count must survive a restart).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from intake_app.access.accounts import Account, require_utc
from intake_app.access.passwords import Passwords
from intake_app.access.roles import Action, Actor, PermissionDenied, Role, require
from intake_app.access.secret import Secret
from intake_app.errors import IntakeError
from intake_app.translation_marks import QT_TRANSLATE_NOOP

MAX_FAILED_SIGN_INS = 5
LOCK_DURATION = dt.timedelta(minutes=15)


class Outcome(StrEnum):
    SIGNED_IN = "signed_in"
    WRONG = "wrong"  # wrong password or no such account: the same words for both
    LOCKED = "locked"
    DISABLED = "disabled"


class SignInRefused(IntakeError):
    """A sign-in did not succeed; the message says what to do, never the password."""

    def __init__(self, outcome: Outcome, message: str, hint: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, hint=hint, params=params)
        self.outcome = outcome


@dataclass(frozen=True)
class SignInAttempt:
    outcome: Outcome
    account: Account | None  # the state to store (None: no such account)
    locked_now: bool = False  # this attempt locked the account (audit it)
    rehashed: bool = False  # the stored hash was upgraded to stronger parameters

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.SIGNED_IN

    def refusal(self, tz: dt.tzinfo | None = None) -> SignInRefused:
        """The plain-words error for a failed attempt (lock end shown in local time, or `tz`)."""
        if self.outcome is Outcome.LOCKED and self.account is not None and self.account.locked_until:
            until = self.account.locked_until.astimezone(tz).strftime("%H:%M")
            return SignInRefused(
                self.outcome,
                QT_TRANSLATE_NOOP("IntakeError",
                                  "This account is locked after {count} wrong passwords. Try again after {until}."),
                hint=QT_TRANSLATE_NOOP("IntakeError", "An administrator can unlock it sooner."),
                params={"count": MAX_FAILED_SIGN_INS, "until": until},
            )
        if self.outcome is Outcome.DISABLED:
            return SignInRefused(self.outcome, QT_TRANSLATE_NOOP("IntakeError", "This account is switched off."),
                                 hint=QT_TRANSLATE_NOOP("IntakeError", "Ask an administrator."))
        return SignInRefused(
            Outcome.WRONG, QT_TRANSLATE_NOOP("IntakeError", "Wrong account name or password."),
            hint=QT_TRANSLATE_NOOP("IntakeError",
                                   "After {count} wrong passwords the account is locked for {minutes} minutes."),
            params={"count": MAX_FAILED_SIGN_INS, "minutes": int(LOCK_DURATION.total_seconds() // 60)},
        )


    def raise_unless_signed_in(self, tz: dt.tzinfo | None = None) -> Account:
        if not self.ok or self.account is None:
            raise self.refusal(tz)
        return self.account


def is_locked(account: Account, now: dt.datetime) -> bool:
    return account.locked_until is not None and require_utc(now) < account.locked_until


def _lock_expired(account: Account, now: dt.datetime) -> Account:
    """After the lock ends the count starts again from zero."""
    if account.locked_until is not None and not is_locked(account, now):
        return replace(account, locked_until=None, failed_sign_ins=0)
    return account


def attempt_sign_in(
    account: Account | None, password: Secret, now: dt.datetime, passwords: Passwords
) -> SignInAttempt:
    """Decide one sign-in and return the account state to store."""
    now = require_utc(now)
    if account is None:
        passwords.verify_nobody(password)
        return SignInAttempt(Outcome.WRONG, None)
    account = _lock_expired(account, now)
    if is_locked(account, now):
        return SignInAttempt(Outcome.LOCKED, account)
    matches = passwords.verify(account.password_hash, password)
    if account.disabled:
        # Only someone who knows the password learns that the account is switched off.
        return SignInAttempt(Outcome.DISABLED if matches else Outcome.WRONG, account)
    if not matches:
        failed = account.failed_sign_ins + 1
        if failed >= MAX_FAILED_SIGN_INS:
            locked = replace(account, failed_sign_ins=failed, locked_until=now + LOCK_DURATION)
            return SignInAttempt(Outcome.LOCKED, locked, locked_now=True)
        return SignInAttempt(Outcome.WRONG, replace(account, failed_sign_ins=failed))
    signed_in = replace(account, failed_sign_ins=0, locked_until=None, last_sign_in_at=now)
    if passwords.needs_rehash(account.password_hash):
        return SignInAttempt(
            Outcome.SIGNED_IN, replace(signed_in, password_hash=passwords.hash(password)), rehashed=True
        )
    return SignInAttempt(Outcome.SIGNED_IN, signed_in)


def unlock(account: Account) -> Account:
    """An administrator lifts a lock (and the count of wrong passwords)."""
    return replace(account, failed_sign_ins=0, locked_until=None)


def reset_password(account: Account, new_hash: str, now: dt.datetime) -> Account:
    """An administrator sets a new password; the owner must change it at the next sign-in."""
    return replace(
        unlock(account), password_hash=new_hash, must_change_password=True, password_changed_at=require_utc(now)
    )


def change_password(account: Account, new_hash: str, now: dt.datetime) -> Account:
    """The owner chose a new password (after signing in with the old one)."""
    return replace(account, password_hash=new_hash, must_change_password=False, password_changed_at=require_utc(now))


def administrators_available(accounts: list[Account], now: dt.datetime) -> bool:
    """Is there an administrator who can sign in (switched on, not locked)?"""
    return any(a.role is Role.ADMINISTRATOR and not a.disabled and not is_locked(a, now) for a in accounts)


@dataclass(frozen=True)
class Countersignature:
    """The result of `countersign`: the account state to store, and who signed (None: refused)."""

    attempt: SignInAttempt
    action: Action
    signer: Actor | None

    def signed_by(self, tz: dt.tzinfo | None = None) -> Actor:
        """The signer; or the reason it did not count, raised in plain words."""
        if self.signer is not None:
            return self.signer
        account = self.attempt.account
        if not self.attempt.ok or account is None:
            raise self.attempt.refusal(tz)
        if account.must_change_password:
            raise SignInRefused(
                Outcome.SIGNED_IN, QT_TRANSLATE_NOOP("IntakeError", "{name} must first choose their own password."),
                hint=QT_TRANSLATE_NOOP("IntakeError",
                                       "Sign in once with the password an administrator set, then choose a new one."),
                params={"name": account.display_name or account.name},
            )
        raise PermissionDenied(account.actor(), self.action)


def countersign(
    account: Account | None, password: Secret, now: dt.datetime, passwords: Passwords, action: Action
) -> Countersignature:
    """A second person signs one action with their own password at someone else's desk (a clinician
    acknowledging a red flag where it fired) without taking over the session.

    The attempt counts towards the signer's lockout like any sign-in, so the caller stores
    `attempt.account` whatever the outcome, then calls `signed_by()`. The signer's role must allow the
    action, and a password an administrator has just set (must change) cannot sign: the administrator
    knows it.
    """
    attempt = attempt_sign_in(account, password, now, passwords)
    signer = None
    if attempt.ok and attempt.account is not None and not attempt.account.must_change_password:
        actor = attempt.account.actor()
        with contextlib.suppress(PermissionDenied):
            signer = require(actor, action)
    return Countersignature(attempt, action, signer)


# --- the one-time recovery key ------------------------------------------------------------------

RECOVERY_KEY_BYTES = 20  # 160 bits: 32 base32 letters, printed in groups of four
_KEY_PREFIX = "sha256:"


class RecoveryRefused(IntakeError):
    """The recovery key was wrong or cannot be used for that account."""


@dataclass(frozen=True)
class Recovery:
    account: Account  # the administrator, unlocked, with the new password
    new_key: Secret  # show once, then forget
    new_key_hash: str  # store in place of the used key's hash


def new_recovery_key() -> tuple[Secret, str]:
    """A fresh key to show once (e.g. "ABCD-EFGH-...") and the hash to store instead of it.

    The key is 160 random bits, so a plain SHA-256 is enough: nobody can guess it back from the hash.
    """
    letters = base64.b32encode(secrets.token_bytes(RECOVERY_KEY_BYTES)).decode("ascii").rstrip("=")
    shown = "-".join(letters[i:i + 4] for i in range(0, len(letters), 4))
    return Secret(shown), _key_hash(_key_letters(shown))


def _key_letters(text: str) -> str:
    """What was typed, without spaces and dashes, upper case, 0/1 read as O/I (not in the alphabet)."""
    cleaned = "".join(c for c in text.upper() if c not in " -\t")
    return cleaned.replace("0", "O").replace("1", "I")


def _key_hash(letters: str) -> str:
    return _KEY_PREFIX + hashlib.sha256(letters.encode("ascii", "replace")).hexdigest()


def recovery_key_matches(stored_hash: str, key: Secret) -> bool:
    if not stored_hash.startswith(_KEY_PREFIX):
        return False
    return hmac.compare_digest(_key_hash(_key_letters(key.reveal())), stored_hash)


def recover_administrator(
    account: Account, stored_key_hash: str | None, key: Secret, new_password_hash: str, now: dt.datetime
) -> Recovery:
    """Let the owner back in: unlock an administrator, set the new password, and replace the used key.

    The key works once: the caller stores `new_key_hash` in the same transaction and shows `new_key`.
    """
    if stored_key_hash is None:
        raise RecoveryRefused(QT_TRANSLATE_NOOP("IntakeError", "No recovery key was set up for this database."))
    if not recovery_key_matches(stored_key_hash, key):
        raise RecoveryRefused(QT_TRANSLATE_NOOP("IntakeError", "That recovery key is not right."),
                              hint=QT_TRANSLATE_NOOP("IntakeError", "Type it exactly as printed at setup."))
    if account.role is not Role.ADMINISTRATOR:
        raise RecoveryRefused(QT_TRANSLATE_NOOP("IntakeError",
                                                "The recovery key can only let an administrator account back in."))

    new_key, new_key_hash = new_recovery_key()
    restored = replace(
        unlock(account), disabled=False, password_hash=new_password_hash, must_change_password=False,
        password_changed_at=require_utc(now),
    )
    return Recovery(restored, new_key, new_key_hash)
