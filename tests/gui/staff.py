"""Staff accounts for the GUI tests: a cheap password hasher, three synthetic accounts, signing in.

Accounts: "desk" (front desk), "doctor" (clinician), "admin" (administrator), each with PASSWORD and no
pending password change. Clinics are opened with a cheap Argon2id hasher (passwords=...), as the
services contract allows for tests; the window gets the same through build_window(clinic_options=...).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from argon2 import PasswordHasher
from PySide6.QtCore import Qt

from intake_app.access.passwords import Passwords, Secret
from intake_app.access.roles import Role

PASSWORD = "correct horse battery"
FIRST_PASSWORD = "first password for today"
STAFF: dict[str, tuple[str, Role]] = {
    "admin": ("Ada Admin", Role.ADMINISTRATOR),
    "desk": ("Dee Desk", Role.FRONT_DESK),
    "doctor": ("Dr Dana Example", Role.CLINICIAN),
}
SIGN_IN_MS = 15000


def fast_passwords() -> Passwords:
    """Argon2id with the smallest cost (tests only: real accounts use argon2-cffi's defaults)."""
    return Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def open_clinic(url: str, user: str | None = None, **options: Any) -> Any:
    """A Clinic on `url` with the cheap hasher, signed in as `user` when given."""
    from intake_app.services import Clinic

    clinic = Clinic.open(url, passwords=fast_passwords(), **options)
    if user is not None:
        clinic.sign_in(user, Secret(PASSWORD))
    return clinic


def add_staff(url: str) -> None:
    """The three accounts on a database without any, each with PASSWORD already chosen by its owner."""
    clinic = open_clinic(url)
    try:
        clinic.create_first_administrator("admin", STAFF["admin"][0], Secret(PASSWORD))
        clinic.sign_in("admin", Secret(PASSWORD))
        for name in ("desk", "doctor"):
            display, role = STAFF[name]
            clinic.add_account(name, display, role, Secret(FIRST_PASSWORD))
        clinic.sign_out()
        for name in ("desk", "doctor"):
            clinic.sign_in(name, Secret(FIRST_PASSWORD), new_password=Secret(PASSWORD))
            clinic.sign_out()
    finally:
        clinic.close()


class FakeClock:
    """A wall clock the test moves by hand (aware UTC)."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def type_sign_in(qtbot: Any, window: Any, user: str, password: str = PASSWORD) -> None:
    """Type a name and password into the sign-in screen and press Sign in (no wait)."""
    screen = window.session.sign_in_screen
    screen.name.setText(user)
    screen.password.setText(password)
    qtbot.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)


def sign_in(qtbot: Any, window: Any, user: str, password: str = PASSWORD) -> None:
    """Sign in through the screen, as a person does, and wait until the work is shown."""
    with qtbot.waitSignal(window.session.signed_in, timeout=SIGN_IN_MS):
        type_sign_in(qtbot, window, user, password)


def wait_idle(qtbot: Any, *runners: Any) -> None:
    qtbot.waitUntil(lambda: not any(r.is_busy for r in runners), timeout=SIGN_IN_MS)

