"""A password or key in memory (`Secret`) and the password length limits, apart from the hashing.

Kept in a module of its own so that a screen which only collects a password (the sign-in and lock screens,
the dialogs) does not load the Argon2 library: that is loaded only where a password is hashed or checked
(access.passwords.Passwords).
"""

from __future__ import annotations

from typing import Any, NoReturn

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024

_MASK = "********"


class Secret:
    """A password or key held in memory. Its repr/str never show it; `reveal()` is the one way in."""

    __slots__ = ("_value",)
    _value: str

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("Secret holds text")
        object.__setattr__(self, "_value", value)

    def reveal(self) -> str:
        return self._value

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise AttributeError("Secret is read-only")

    def __repr__(self) -> str:
        return f"Secret('{_MASK}')"

    def __str__(self) -> str:
        return _MASK

    def __format__(self, spec: str) -> str:
        return _MASK

    def __len__(self) -> int:
        return len(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        import hmac  # here, not at the top: it loads OpenSSL's hashing, which a sign-in screen never needs

        return hmac.compare_digest(self._value.encode("utf-8"), other._value.encode("utf-8"))

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Secret cannot be pickled or copied to disk")
