"""Who is signed in at this desk, staff accounts, clinic settings and the audit trail: the Clinic's side.

`AccessMixin` holds the session (the signed-in account, locked or not) and every method that decides or
changes access. `requires(action)` guards the other Clinic methods: nobody signed in, a locked window or a
role the permission table (access/roles.py) does not allow raise `PermissionDenied` before the method
body runs. Every decision and change is recorded in the audit trail with the account that made it (never
a setting), this computer's name and the injected clock.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from intake_app.access import lockout
from intake_app.access.accounts import Account, check_account_name, check_display_name
from intake_app.access.audit_chain import AuditAction, AuditEntry, AuditEvent, ChainReport, failed_sign_in_event
from intake_app.access.audit_export import AuditFilter, audit_csv
from intake_app.access.passwords import Passwords, Secret, check_new_password
from intake_app.access.roles import ACCOUNT_ROLES, Action, Actor, PermissionDenied, Role, parse_role, require
from intake_app.access.roles import requires as role_requires
from intake_app.access.secret import MIN_PASSWORD_LENGTH
from intake_app.errors import IntakeError, phrase
from intake_app.settings import CLINIC_FIELDS, Settings, check_value, with_clinic_values
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from intake_app.services.audit_trail import AnchorKeeper, ViewRecorder
    from intake_app.storage import Repository


class PasswordChangeNeeded(IntakeError):
    """The password was right, but an administrator set it: the owner must choose a new one first."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("IntakeError",
                              "This password was set by an administrator; choose your own password to sign in."),
            hint=QT_TRANSLATE_NOOP("IntakeError",
                                   "Type the password you were given, then a new one of at least {count} characters."),
            params={"count": MIN_PASSWORD_LENGTH})


class WindowLocked(PermissionDenied):
    """The window is locked: nothing is shown or changed until the same person (or another) signs in."""

    def __init__(self, actor: Actor, action: Action) -> None:
        super().__init__(actor, action)
        self.message = phrase(QT_TRANSLATE_NOOP("IntakeError", "The window is locked: sign in again to continue."))
        self.hint = phrase(QT_TRANSLATE_NOOP(
            "IntakeError", "{name} can unlock it with their password, or another person can sign in."),
            {"name": actor.shown_name})
        self.args = (str(self.message),)



P = ParamSpec("P")
R = TypeVar("R")
C = TypeVar("C", bound="AccessMixin")


def requires(action: Action) -> Callable[[Callable[Concatenate[C, P], R]], Callable[Concatenate[C, P], R]]:
    """`roles.requires` plus the lock: a locked window refuses every checked call."""

    def decorate(method: Callable[Concatenate[C, P], R]) -> Callable[Concatenate[C, P], R]:
        checked = role_requires(action)(method)

        @functools.wraps(method)
        def guarded(self: C, /, *args: P.args, **kwargs: P.kwargs) -> R:
            if self._locked and self._actor is not None:
                raise WindowLocked(self._actor, action)
            return checked(self, *args, **kwargs)

        guarded.__required_action__ = action  # type: ignore[attr-defined]
        guarded.__lock_checked__ = True  # type: ignore[attr-defined]
        return guarded

    return decorate


T = TypeVar("T", bound=type)


def lock_checked(cls: T) -> T:
    """Class decorator: a method checked with plain `roles.requires` (e.g. from another mixin) also refuses
    while the window is locked, so no checked call slips past the lock."""
    for name in dir(cls):
        method = getattr(cls, name, None)
        action = getattr(method, "__required_action__", None)
        if action is None or getattr(method, "__lock_checked__", False) or not callable(method):
            continue

        def guard(original: Callable[..., Any], needed: Action) -> Callable[..., Any]:
            @functools.wraps(original)
            def guarded(self: AccessMixin, /, *args: Any, **kwargs: Any) -> Any:
                if self._locked and self._actor is not None:
                    raise WindowLocked(self._actor, needed)
                return original(self, *args, **kwargs)

            guarded.__lock_checked__ = True  # type: ignore[attr-defined]
            return guarded

        setattr(cls, name, guard(method, action))
    return cls


def countersigned(
    action: Action, session: Action
) -> Callable[[Callable[Concatenate[C, P], R]], Callable[Concatenate[C, P], R]]:
    """For an action a second person signs at this desk (a clinician acknowledging a red flag): the
    session must be signed in, unlocked and allowed `session` (here: to save the intake); the method then
    checks the signer's own password and that the signer's role allows `action` (lockout.countersign)."""

    def decorate(method: Callable[Concatenate[C, P], R]) -> Callable[Concatenate[C, P], R]:
        @functools.wraps(method)
        def guarded(self: C, /, *args: P.args, **kwargs: P.kwargs) -> R:
            if self._locked and self._actor is not None:
                raise WindowLocked(self._actor, session)
            require(self._actor, session)
            return method(self, *args, **kwargs)

        guarded.__required_action__ = action  # type: ignore[attr-defined]
        guarded.__session_action__ = session  # type: ignore[attr-defined]
        guarded.__lock_checked__ = True  # type: ignore[attr-defined]
        return guarded

    return decorate


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class AccessMixin:
    """Sign-in state, accounts, clinic settings and the audit trail (mixed into `Clinic`)."""

    repository: Repository
    settings: Settings
    passwords: Passwords
    desk: str
    _clock: Callable[[], dt.datetime]
    _file_settings: Settings
    _anchors: AnchorKeeper
    _views: ViewRecorder
    _actor: Actor | None
    _locked: bool

    # --- the session ---------------------------------------------------------------------------

    @property
    def signed_in(self) -> Actor | None:
        """The signed-in account (also while the window is locked), or None."""
        return self._actor

    @property
    def locked(self) -> bool:
        return self._locked and self._actor is not None

    def _now(self) -> dt.datetime:
        return self._clock().astimezone(dt.UTC)

    def _event(self, actor: Actor, action: AuditAction, *, patient_id: int | None = None,
               intake_id: int | None = None, detail: str = "") -> AuditEvent:
        return AuditEvent(at=self._now(), who=actor.name, role=actor.role.value, action=action.value,
                          desk=self.desk, patient_id=patient_id, intake_id=intake_id, detail=detail)

    def _record(self, actor: Actor, action: AuditAction, **fields: Any) -> None:
        self.repository.record_events([self._event(actor, action, **fields)])

    def _queue_view(self, action: AuditAction, **fields: Any) -> None:
        """A view or search: queued, written within a second (never the search text)."""
        assert self._actor is not None  # @requires checked it
        self._views.put(self._event(self._actor, action, **fields))

    def _current(self) -> Actor:
        if self._actor is None:
            raise PermissionDenied(None, Action.VIEW_PATIENT)
        return self._actor

    def has_accounts(self) -> bool:
        """False on a new database: the first start shows the setup of the first administrator."""
        return self.repository.has_accounts()

    def create_first_administrator(self, name: str, display_name: str, password: Secret) -> Secret:
        """Create the first administrator; returns the one-time recovery key (show it once). Refused once
        any account exists. Does not sign in."""
        account_name = check_account_name(name)
        full_name = check_display_name(display_name)
        check_new_password(password, account_name=account_name)
        key, key_hash = lockout.new_recovery_key()
        now = self._now()
        account = Account(account_name, full_name, Role.ADMINISTRATOR, self.passwords.hash(password),
                          created_at=now, password_changed_at=now)
        actor = account.actor()
        self.repository.add_account(
            account, [self._event(actor, AuditAction.ACCOUNT_ADD, detail=f"{account_name}: first administrator")],
            first=True, recovery_hash=key_hash)
        return key

    def _failed(self, account: Account | None, attempt: lockout.SignInAttempt) -> list[AuditEvent]:
        events = [failed_sign_in_event(account, at=self._now(), desk=self.desk)]
        if attempt.locked_now and attempt.account is not None:
            locked = attempt.account
            events.append(AuditEvent(at=self._now(), who=locked.name, role=locked.role.value,
                                     action=AuditAction.ACCOUNT_LOCKED.value, desk=self.desk, detail=locked.name))
        return events

    def _store_failure(self, account: Account | None, attempt: lockout.SignInAttempt) -> None:
        if attempt.account is not None:
            self.repository.save_account(attempt.account, self._failed(account, attempt))
        else:
            self.repository.record_events(self._failed(None, attempt))

    def sign_in(self, name: str, password: Secret, *, new_password: Secret | None = None) -> Actor:
        """Sign in at this desk (replacing whoever was signed in). Slow on purpose (Argon2id): run it off
        the GUI thread. SignInRefused in plain words; PasswordChangeNeeded after an administrator reset."""
        account = self.repository.get_account(name)
        attempt = lockout.attempt_sign_in(account, password, self._now(), self.passwords)
        if not attempt.ok or attempt.account is None:
            self._store_failure(account, attempt)
            raise attempt.refusal()
        signed = attempt.account
        events: list[AuditEvent] = []
        if signed.must_change_password:
            if new_password is None:
                self.repository.save_account(signed)
                raise PasswordChangeNeeded()
            self._check_replacement(signed, password, new_password)
            signed = lockout.change_password(signed, self.passwords.hash(new_password), self._now())
            events.append(self._event(signed.actor(), AuditAction.PASSWORD_CHANGE, detail=signed.name))
        self._end_session()
        actor = signed.actor()
        self.repository.save_account(signed, [self._event(actor, AuditAction.SIGN_IN), *events])
        self._actor, self._locked = actor, False
        # Clinic-wide settings another desk changed since this one opened the database (its language
        # among them) apply from this sign-in on.
        self._overlay_clinic_settings()
        return actor

    def _check_replacement(self, account: Account, old: Secret, new: Secret) -> None:
        check_new_password(new, account_name=account.name)
        if new == old:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "The new password is the same as the old one."),
                hint=QT_TRANSLATE_NOOP("IntakeError", "Choose a new password."),
            )

    def _end_session(self) -> None:
        if self._actor is not None:
            self._views.flush()
            self._record(self._actor, AuditAction.SIGN_OUT)
        self._actor, self._locked = None, False

    def sign_out(self) -> None:
        """End this desk's session (recorded; queued views written first)."""
        self._end_session()

    def lock(self) -> None:
        """Hide patient data until the same account unlocks (or another signs in). Recorded."""
        if self._actor is None or self._locked:
            return
        self._locked = True
        self._record(self._actor, AuditAction.LOCK)

    def unlock_session(self, password: Secret) -> Actor:
        """Unlock the window with the signed-in account's own password (counts towards its lockout)."""
        actor = self._current()
        account = self.repository.get_account(actor.name)
        attempt = lockout.attempt_sign_in(account, password, self._now(), self.passwords)
        if not attempt.ok or attempt.account is None:
            self._store_failure(account, attempt)
            raise attempt.refusal()
        self.repository.save_account(attempt.account, [self._event(actor, AuditAction.UNLOCK)])
        self._locked = False
        return actor

    def change_own_password(self, old: Secret, new: Secret) -> None:
        """The signed-in account chooses a new password (the current one is checked like a sign-in)."""
        actor = self._current()
        if self._locked:
            raise WindowLocked(actor, Action.VIEW_PATIENT)
        account = self.repository.get_account(actor.name)
        attempt = lockout.attempt_sign_in(account, old, self._now(), self.passwords)
        if not attempt.ok or attempt.account is None:
            self._store_failure(account, attempt)
            raise attempt.refusal()
        self._check_replacement(attempt.account, old, new)
        changed = lockout.change_password(attempt.account, self.passwords.hash(new), self._now())
        self.repository.save_account(changed, [self._event(actor, AuditAction.PASSWORD_CHANGE, detail=actor.name)])

    def recover_with_key(self, name: str, key: Secret, new_password: Secret) -> Secret:
        """Let the owner back into an administrator account with the one-time recovery key; returns the NEW
        key (show it once). RecoveryRefused in plain words."""
        account = self.repository.get_account(name)
        if account is None:
            self.repository.record_events(
                [failed_sign_in_event(None, at=self._now(), desk=self.desk)])
            raise lockout.RecoveryRefused(
                QT_TRANSLATE_NOOP("IntakeError", "That recovery key is not right for that account."),
                hint=QT_TRANSLATE_NOOP("IntakeError", "Type the administrator's account name and the key as printed."),
            )
        check_new_password(new_password, account_name=account.name)
        try:
            recovery = lockout.recover_administrator(account, self.repository.recovery_key_hash(), key,
                                                     self.passwords.hash(new_password), self._now())
        except lockout.RecoveryRefused:
            self.repository.record_events([replace(failed_sign_in_event(account, at=self._now(), desk=self.desk),
                                                   detail="recovery key")])
            raise
        restored = recovery.account
        self.repository.save_account(
            restored, [self._event(restored.actor(), AuditAction.RECOVERY_KEY_USED, detail=restored.name)],
            recovery_hash=recovery.new_key_hash)
        return recovery.new_key

    def urgent_waiting(self) -> int:
        """How many of today's intakes have an urgent red flag nobody has acknowledged (no patient data):
        the lock screen's signal, available while locked and with nobody signed in."""
        return self.repository.count_unacknowledged_urgent(self._now().astimezone().date())

    @property
    def idle_minutes(self) -> int:
        """Minutes without input before the window locks (clinic setting, 1-60, default 5)."""
        return self.settings.idle_minutes

    # --- accounts (administrators) -------------------------------------------------------------

    def _admin_event(self, action: AuditAction, subject: str) -> AuditEvent:
        return self._event(self._current(), action, detail=subject)

    @requires(Action.MANAGE_ACCOUNTS)
    def add_account(self, name: str, display_name: str, role: Role | str, password: Secret) -> Account:
        """A new account; its owner chooses their own password at the first sign-in."""
        account_name = check_account_name(name)
        full_name = check_display_name(display_name)
        chosen = role if isinstance(role, Role) else parse_role(role)
        if chosen not in ACCOUNT_ROLES:
            raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "An account is front-desk, clinician or administrator."))
        check_new_password(password, account_name=account_name)
        now = self._now()
        account = Account(account_name, full_name, chosen, self.passwords.hash(password), must_change_password=True,
                          created_at=now, password_changed_at=now)
        return self.repository.add_account(
            account, [self._admin_event(AuditAction.ACCOUNT_ADD, f"{account_name}: {chosen.value}")])

    @requires(Action.MANAGE_ACCOUNTS)
    def list_accounts(self) -> list[Account]:
        """Every account, sorted by name."""
        return self.repository.list_accounts()

    def _change(self, name: str, change: Callable[[Account], Account], action: AuditAction,
                words: str = "") -> Account:
        return self.repository.update_account(
            name, change, lambda changed: [self._admin_event(action, f"{changed.name}{words}")])

    @requires(Action.MANAGE_ACCOUNTS)
    def disable_account(self, name: str) -> Account:
        """Switch an account off (it can no longer sign in; its entries stay). Not your own."""
        actor = self._current()
        if check_account_name(name).casefold() == actor.name.casefold():
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "You cannot switch off the account you are signed in with."),
                hint=QT_TRANSLATE_NOOP("IntakeError", "Another administrator can do it."),
            )
        return self._change(name, lambda a: replace(a, disabled=True), AuditAction.ACCOUNT_DISABLE)

    @requires(Action.MANAGE_ACCOUNTS)
    def enable_account(self, name: str) -> Account:
        return self._change(name, lambda a: replace(a, disabled=False), AuditAction.ACCOUNT_CHANGE, ": switched on")

    @requires(Action.MANAGE_ACCOUNTS)
    def unlock_account(self, name: str) -> Account:
        """Lift a lock after wrong passwords (and the count)."""
        return self._change(name, lockout.unlock, AuditAction.ACCOUNT_UNLOCK)

    @requires(Action.MANAGE_ACCOUNTS)
    def reset_password(self, name: str, new_password: Secret) -> Account:
        """Set a new password; the owner must choose their own at the next sign-in."""
        check_new_password(new_password, account_name=name.strip())
        new_hash, now = self.passwords.hash(new_password), self._now()
        return self._change(name, lambda a: lockout.reset_password(a, new_hash, now), AuditAction.PASSWORD_RESET)

    # --- clinic settings -----------------------------------------------------------------------

    def _overlay_clinic_settings(self) -> None:
        self.settings = with_clinic_values(self._file_settings, self.repository.clinic_settings())

    @requires(Action.CLINIC_SETTINGS)
    def save_clinic_settings(self, values: Mapping[str, Any]) -> Settings:
        """Change clinic-wide settings (checked with the settings file's rules; nothing changes when one is
        refused). Recorded with the names of the settings that changed, never their values."""
        for name, value in values.items():
            if name not in CLINIC_FIELDS:
                raise IntakeError(
                    QT_TRANSLATE_NOOP(
                        "IntakeError", "{name} is not a clinic setting; it stays in each desk's own settings."
                    ),
                    params={"name": repr(name)},
                )
            check_value(name, value, phrase(QT_TRANSLATE_NOOP("IntakeError", "The setting ")))

        proposed = replace(self.settings, **dict(values)).validated()
        changed = {name: value for name, value in values.items() if getattr(self.settings, name) != value}
        if changed:
            from intake_app.storage.audit_store import shortened

            event = self._event(self._current(), AuditAction.SETTINGS_CHANGE,
                                detail=shortened(", ".join(sorted(changed))))
            self.repository.save_clinic_settings(changed, [event], self._now())
        self.settings = proposed
        self._overlay_clinic_settings()
        return self.settings

    # --- the audit trail (administrators) ------------------------------------------------------

    @requires(Action.AUDIT_VIEW)
    def audit_entries(self, selection: AuditFilter | None = None, *, limit: int | None = None,
                      offset: int = 0) -> list[AuditEntry]:
        """Entries matching the filter, newest first (recorded as a view of the audit trail)."""
        chosen = selection or AuditFilter()
        start, end = chosen.bounds()
        entries = self.repository.audit_log(account=chosen.account, patient_id=chosen.patient_id, start=start,
                                            end=end, limit=limit, offset=offset)
        self._record(self._current(), AuditAction.AUDIT_VIEW)
        return entries

    @requires(Action.AUDIT_VIEW)
    def count_audit_entries(self, selection: AuditFilter | None = None) -> int:
        chosen = selection or AuditFilter()
        start, end = chosen.bounds()
        return self.repository.count_audit(account=chosen.account, patient_id=chosen.patient_id, start=start,
                                           end=end)

    @requires(Action.AUDIT_VIEW)
    def verify_audit(self) -> ChainReport:
        """The whole chain checked, and against this computer's anchor; recorded after the check."""
        self._views.flush()
        report = self._anchors.full_report()
        self._record(self._current(), AuditAction.AUDIT_VERIFY,
                     detail="intact" if report.ok else f"first bad entry {report.first_bad}")
        return report

    @requires(Action.AUDIT_EXPORT)
    def audit_csv(self, selection: AuditFilter | None = None) -> Iterator[str]:
        """CSV lines (header first) of the entries the filter selects; recorded as an export."""
        self._views.flush()
        self._record(self._current(), AuditAction.AUDIT_EXPORT)
        return audit_csv(self.repository.iter_audit(), selection)
