"""Staff accounts as plain data: what storage keeps for each person who signs in.

Times are timezone-aware UTC datetimes (storage that keeps naive UTC adds `tzinfo=UTC` on the way out).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from intake_app.access.roles import ACCOUNT_ROLES, Actor, Role
from intake_app.errors import IntakeError
from intake_app.translation_marks import QT_TRANSLATE_NOOP

MAX_NAME_LENGTH = 40
MAX_DISPLAY_NAME_LENGTH = 100
RESERVED_NAMES = frozenset({"system"})
_NAME = re.compile(r"[^\W_][\w.\-]*\Z")
_BIDI_CONTROLS = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


@dataclass(frozen=True)
class Account:
    """One staff account. `name` signs in and is recorded in the audit trail; `display_name` is what
    people read (on an acknowledgement, a letter); `role` decides what the account may do."""

    name: str
    display_name: str
    role: Role
    password_hash: str
    disabled: bool = False
    failed_sign_ins: int = 0
    locked_until: dt.datetime | None = None
    must_change_password: bool = False
    created_at: dt.datetime | None = None
    password_changed_at: dt.datetime | None = None
    last_sign_in_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if self.role not in ACCOUNT_ROLES:
            raise ValueError("an account has a front-desk, clinician or administrator role")
        for when in (self.locked_until, self.created_at, self.password_changed_at, self.last_sign_in_at):
            if when is not None:
                require_utc(when)

    def __repr__(self) -> str:  # the hash stays out of logs and tracebacks too
        return f"Account(name={self.name!r}, role={self.role.value!r}, disabled={self.disabled})"

    @property
    def key(self) -> str:
        return name_key(self.name)

    def actor(self) -> Actor:
        return Actor(name=self.name, role=self.role, display_name=self.display_name)


def require_utc(when: dt.datetime) -> dt.datetime:
    """The same instant in UTC; a naive datetime is refused (it could be local time)."""
    if not isinstance(when, dt.datetime):
        raise ValueError("a time must be a datetime")
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("times in accounts and the audit trail must be timezone-aware")
    return when.astimezone(dt.UTC)


def name_key(name: str) -> str:
    """The unique form of an account name: "Ana.Ruiz" and "ana.ruiz" are the same account."""
    return unicodedata.normalize("NFKC", name).casefold()


def check_account_name(name: str) -> str:
    """A sign-in name: letters, digits, dot, dash, underscore; starts with a letter or digit; <= 40."""
    text = unicodedata.normalize("NFKC", name.strip())
    if not text:
        raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "The account name is empty."),
                          hint=QT_TRANSLATE_NOOP("IntakeError", "Type a short name such as ana.ruiz."))
    if len(text) > MAX_NAME_LENGTH:
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "The account name is too long (at most {count} characters)."),
            params={"count": MAX_NAME_LENGTH},
        )
    if not _NAME.match(text):
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "The account name may hold only letters, digits, dots, dashes and "
                                             "underscores, and must start with a letter or digit."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "For example ana.ruiz or desk-2."),
        )
    if name_key(text) in RESERVED_NAMES:
        raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "The name {name} is kept for the program itself."),
                          hint=QT_TRANSLATE_NOOP("IntakeError", "Choose another name."), params={"name": repr(text)})
    return text


def check_display_name(display_name: str) -> str:
    """The name people read: 1-100 characters, no control characters or bidi overrides."""
    text = display_name.strip()
    if not text:
        raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "The full name is empty."),
                          hint=QT_TRANSLATE_NOOP("IntakeError", "Type the name as it should appear on a sign-off."))
    if len(text) > MAX_DISPLAY_NAME_LENGTH:
        raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "The full name is too long (at most {count} characters)."),
                          params={"count": MAX_DISPLAY_NAME_LENGTH})
    if any(unicodedata.category(c) == "Cc" for c in text):
        raise IntakeError(QT_TRANSLATE_NOOP("IntakeError",
                                            "The full name cannot contain control characters such as line breaks "
                                            "or tabs."))
    if any(c in _BIDI_CONTROLS for c in text):
        raise IntakeError(QT_TRANSLATE_NOOP("IntakeError",
                                            "The full name cannot contain text-direction override characters."))

    return text
