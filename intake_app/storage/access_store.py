"""Accounts, the recovery key's hash and the clinic-wide settings in the database.

A mixin of `Repository`: every write takes the audit events that record it and appends them in the
same transaction (`audit_store.append`). Account data comes in and goes out as `access.Account`
(aware UTC times); the columns keep naive UTC like every other time in the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake_app.access.accounts import Account, name_key
from intake_app.access.audit_chain import AuditEvent
from intake_app.access.roles import Role
from intake_app.errors import IntakeError
from intake_app.storage import audit_store
from intake_app.storage.database import storage_errors
from intake_app.storage.models import AccessSecretRow, AccountRow, ClinicSettingRow
from intake_app.translation_marks import QT_TRANSLATE_NOOP

RECOVERY_KEY = "recovery_key"


def _aware(when: dt.datetime | None) -> dt.datetime | None:
    return when.replace(tzinfo=dt.UTC) if when is not None else None


def _naive(when: dt.datetime | None) -> dt.datetime | None:
    return audit_store.stored_time(when) if when is not None else None


def account_from_row(row: AccountRow) -> Account:
    return Account(
        name=row.name, display_name=row.display_name, role=Role(row.role), password_hash=row.password_hash,
        disabled=row.disabled, failed_sign_ins=row.failed_sign_ins, locked_until=_aware(row.locked_until),
        must_change_password=row.must_change_password, created_at=_aware(row.created_at),
        password_changed_at=_aware(row.password_changed_at), last_sign_in_at=_aware(row.last_sign_in_at),
    )


def _fill(row: AccountRow, account: Account) -> None:
    row.name = account.name
    row.name_key = name_key(account.name)
    row.display_name = account.display_name
    row.role = account.role.value
    row.password_hash = account.password_hash
    row.disabled = account.disabled
    row.failed_sign_ins = account.failed_sign_ins
    row.locked_until = _naive(account.locked_until)
    row.must_change_password = account.must_change_password
    row.created_at = _naive(account.created_at)
    row.password_changed_at = _naive(account.password_changed_at)
    row.last_sign_in_at = _naive(account.last_sign_in_at)


class AccountExists(IntakeError):
    def __init__(self, name: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("IntakeError", "There is already an account called {name}."),
                         hint=QT_TRANSLATE_NOOP("IntakeError", "Choose another name."), params={"name": name})


class AccountMissing(IntakeError):
    def __init__(self, name: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("IntakeError", "There is no account called {name}."),
                         hint=QT_TRANSLATE_NOOP("IntakeError", "Check the name in the list of accounts."),
                         params={"name": name})


class AccessStore:
    """Repository methods for accounts, secrets and clinic settings (see Repository for the rest)."""

    _session: Callable[[], Session]
    _writer: Callable[[], Session]

    # --- accounts ------------------------------------------------------------------------------

    def has_accounts(self) -> bool:
        with storage_errors(), self._session() as session:
            return session.scalar(select(AccountRow.id).limit(1)) is not None

    def get_account(self, name: str) -> Account | None:
        with storage_errors(), self._session() as session:
            row = session.scalars(select(AccountRow).where(AccountRow.name_key == name_key(name.strip()))).first()
            return account_from_row(row) if row is not None else None

    def list_accounts(self) -> list[Account]:
        with storage_errors(), self._session() as session:
            rows = session.scalars(select(AccountRow).order_by(AccountRow.name_key))
            return [account_from_row(row) for row in rows]

    def count_accounts(self) -> int:
        with storage_errors(), self._session() as session:
            return int(session.scalar(select(func.count()).select_from(AccountRow)) or 0)

    def add_account(self, account: Account, events: Sequence[AuditEvent], *, first: bool = False,
                    recovery_hash: str | None = None) -> Account:
        """Store a new account and its audit entries. With `first`, refused unless there are no accounts
        yet (checked under the write lock, so two first starts cannot both create an administrator)."""
        with storage_errors(), self._writer() as session, session.begin():
            if first and session.scalar(select(AccountRow.id).limit(1)) is not None:
                raise IntakeError(
                    QT_TRANSLATE_NOOP(
                        "IntakeError", "This database already has accounts; the first administrator was set up before."
                    ),
                    hint=QT_TRANSLATE_NOOP(
                        "IntakeError", "Sign in, or ask an administrator to add an account for you."
                    ),
                )
            key = name_key(account.name)
            if session.scalar(select(AccountRow.id).where(AccountRow.name_key == key)) is not None:
                raise AccountExists(account.name)
            row = AccountRow()
            _fill(row, account)
            session.add(row)
            if recovery_hash is not None:
                self._put_secret(session, RECOVERY_KEY, recovery_hash, account.created_at)
            audit_store.append(session, events)
            session.flush()
            return account_from_row(row)

    def save_account(self, account: Account, events: Sequence[AuditEvent] = (), *,
                     recovery_hash: str | None = None) -> Account:
        """Store an existing account's new state (a sign-in count, a lock, a new password) with its audit
        entries in one transaction."""
        with storage_errors(), self._writer() as session, session.begin():
            row = session.scalars(select(AccountRow).where(AccountRow.name_key == name_key(account.name))
                                  .with_for_update()).first()
            if row is None:
                raise AccountMissing(account.name)
            _fill(row, account)
            if recovery_hash is not None:
                self._put_secret(session, RECOVERY_KEY, recovery_hash, None)
            audit_store.append(session, events)
            session.flush()
            return account_from_row(row)

    def update_account(self, name: str, change: Callable[[Account], Account],
                       events: Callable[[Account], Sequence[AuditEvent]]) -> Account:
        """Read an account under the write lock, change it, store it with its audit entries."""
        with storage_errors(), self._writer() as session, session.begin():
            row = session.scalars(select(AccountRow).where(AccountRow.name_key == name_key(name.strip()))
                                  .with_for_update()).first()
            if row is None:
                raise AccountMissing(name.strip())
            changed = change(account_from_row(row))
            _fill(row, changed)
            audit_store.append(session, events(changed))
            session.flush()
            return account_from_row(row)

    # --- secrets -------------------------------------------------------------------------------

    def recovery_key_hash(self) -> str | None:
        with storage_errors(), self._session() as session:
            row = session.get(AccessSecretRow, RECOVERY_KEY)
            return row.value_hash if row is not None else None

    @staticmethod
    def _put_secret(session: Session, name: str, value_hash: str, when: dt.datetime | None) -> None:
        now = _naive(when) or audit_store.stored_time(dt.datetime.now(dt.UTC))
        row = session.get(AccessSecretRow, name, with_for_update=True)
        if row is None:
            session.add(AccessSecretRow(name=name, value_hash=value_hash, updated_at=now))
        else:
            row.value_hash, row.updated_at = value_hash, now

    # --- clinic settings -----------------------------------------------------------------------

    def clinic_settings(self) -> dict[str, Any]:
        """The clinic-wide settings stored in the database (only those an administrator has set)."""
        with storage_errors(), self._session() as session:
            return {row.name: row.value for row in session.scalars(select(ClinicSettingRow))}

    def save_clinic_settings(self, values: Mapping[str, Any], events: Sequence[AuditEvent],
                             now: dt.datetime) -> None:
        """Store changed clinic settings and their audit entries in one transaction."""
        with storage_errors(), self._writer() as session, session.begin():
            for name, value in values.items():
                row = session.get(ClinicSettingRow, name, with_for_update=True)
                if row is None:
                    session.add(ClinicSettingRow(name=name, value=value, updated_at=audit_store.stored_time(now)))
                else:
                    row.value, row.updated_at = value, audit_store.stored_time(now)
            audit_store.append(session, events)
