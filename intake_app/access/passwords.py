"""Staff passwords: Argon2id hashes (argon2-cffi), a wrapper that never shows the secret, a length rule.

A password exists in clear only inside a `Secret`, whose repr and str are masked, which refuses to be
pickled or formatted, and which only `reveal()` opens. Hashes use argon2-cffi's defaults (Argon2id,
RFC 9106 low-memory profile: 3 passes, 64 MiB, 4 lanes) or stronger; `needs_rehash` says when a stored
hash was made with weaker parameters so the sign-in can upgrade it.

`Secret` and the length limits live in access.secret (re-exported here), and argon2 is imported only when a
`Passwords` is made: a screen that only collects a password never loads it.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from intake_app.access.secret import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, Secret
from intake_app.errors import IntakeError
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from argon2 import PasswordHasher

__all__ = ["MAX_PASSWORD_LENGTH", "MIN_PASSWORD_LENGTH", "Passwords", "Secret", "WeakPassword", "check_new_password",
           "default_hasher", "normalized"]


class WeakPassword(IntakeError):
    """A new password breaks the rules. The message names the rule, never the password."""


def normalized(secret: Secret) -> str:
    """NFKC form, so the same password typed on another keyboard layout or input method matches."""
    return unicodedata.normalize("NFKC", secret.reveal())


def check_new_password(secret: Secret, *, account_name: str = "") -> Secret:
    """Refuse a password that is too short, too long, only spaces, or the account name; return it."""
    text = normalized(secret)
    if len(text) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(
            QT_TRANSLATE_NOOP("IntakeError", "The password is too short: it needs at least {count} characters."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "A few unrelated words make a long password that is easy to "
                                                  "remember."),
            params={"count": MIN_PASSWORD_LENGTH},
        )
    if len(text) > MAX_PASSWORD_LENGTH:
        raise WeakPassword(QT_TRANSLATE_NOOP("IntakeError", "The password is too long: at most {count} characters."),
                           params={"count": MAX_PASSWORD_LENGTH})
    if not text.strip():
        raise WeakPassword(QT_TRANSLATE_NOOP("IntakeError", "The password cannot be only spaces."))
    if any(unicodedata.category(c) == "Cc" for c in text):
        raise WeakPassword(QT_TRANSLATE_NOOP("IntakeError",
                                             "The password cannot contain control characters (such as a line break)."))
    if account_name and text.casefold() == unicodedata.normalize("NFKC", account_name).casefold():
        raise WeakPassword(QT_TRANSLATE_NOOP("IntakeError", "The password cannot be the account name."))

    return secret


def default_hasher() -> PasswordHasher:
    """argon2-cffi's default parameters (Argon2id, RFC 9106 low-memory profile)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


class Passwords:
    """Hash and verify passwords with one Argon2id hasher (the default unless a stronger one is given)."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        from argon2 import Type
        from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

        self.hasher = hasher or default_hasher()
        if self.hasher.type is not Type.ID:
            raise ValueError("staff passwords use Argon2id")
        self._refused = (VerifyMismatchError, VerificationError, InvalidHashError)
        self._invalid = InvalidHashError
        self._dummy: str | None = None

    def hash(self, secret: Secret) -> str:
        return self.hasher.hash(normalized(secret))

    def verify(self, stored_hash: str, secret: Secret) -> bool:
        """True when `secret` matches; False for a wrong password or an unreadable stored hash."""
        try:
            return bool(self.hasher.verify(stored_hash, normalized(secret)))
        except self._refused:
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        """True when the stored hash was made with other (weaker) parameters than this hasher's."""
        try:
            return bool(self.hasher.check_needs_rehash(stored_hash))
        except self._invalid:
            return True

    def verify_nobody(self, secret: Secret) -> None:
        """Spend the time of one verification for an unknown account name, so timing does not tell."""
        if self._dummy is None:
            self._dummy = self.hasher.hash("not a real password: " + "x" * MIN_PASSWORD_LENGTH)
        self.verify(self._dummy, secret)
