"""What the commands share: messages, and opening the database as a signed-in staff account.

`clinic_session(args, "export")` opens the database, signs in as the account named by `--user` (or
$INTAKE_APP_USER) with the password from a prompt or $INTAKE_APP_PASSWORD_FILE, and on the way out
signs out and closes the database (which also writes the queued audit entries). The services check
the account's role for every call, so the command line obeys the same rules as the window.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from intake_app.errors import IntakeError, InvalidInput
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import argparse

    from intake_app.access.passwords import Secret
    from intake_app.access.roles import Actor
    from intake_app.services import Clinic

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
ENV_RECOVERY_KEY_FILE = "INTAKE_APP_RECOVERY_KEY_FILE"

KEEP_KEY_SAFE = (
    "Keep this recovery key somewhere safe and private, for example written on paper in a locked drawer: "
    "it is shown only this once, and it is the only way back in if every administrator is locked out."
)


def err(line: str) -> None:
    print(line, file=sys.stderr)


def report_invalid(exc: InvalidInput, source: str = "") -> None:
    """One line per problem, each naming its field."""
    prefix = f"{source}: " if source else ""
    if exc.problems:
        for where, message in exc.problems:
            err(f"{prefix}{where}: {message}")
    else:
        err(f"{prefix}{exc.message}" if prefix and not exc.message.startswith(source) else exc.message)


def stdin_is_tty() -> bool:
    stream = sys.stdin
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # replaced or closed
        return False


def group(args: argparse.Namespace) -> str | None:
    from intake_app.services import shared_group
    from intake_app.settings import load_settings

    return shared_group(load_settings())


def open_clinic(args: argparse.Namespace) -> Clinic:
    """The database named by --database (or the environment, or the default file); nobody signed in."""
    from intake_app.services import Clinic
    from intake_app.settings import load_settings

    return Clinic.open(args.database, load_settings())


def no_accounts_yet() -> IntakeError:
    return IntakeError(
        QT_TRANSLATE_NOOP("IntakeError", "This database has no staff accounts yet, so nobody can sign in."),
        hint=QT_TRANSLATE_NOOP(
            "IntakeError", "Create the first administrator: intake-app users add NAME --role administrator"
        ),
    )


def must_change_password(name: str) -> IntakeError:
    from intake_app.access.identity import ENV_NEW_PASSWORD_FILE

    return IntakeError(
        QT_TRANSLATE_NOOP(
            "IntakeError",
            "The account {name} must choose a new password before it can do anything else "
            "(its password was set by an administrator).",
        ),
        hint=QT_TRANSLATE_NOOP(
            "IntakeError",
            "Choose one with: intake-app --user {name} users passwd (it asks for the current "
            "and the new password, or reads them from the files named by "
            "INTAKE_APP_PASSWORD_FILE and {env_new_password_file}).",
        ),
        params={"name": name, "env_new_password_file": ENV_NEW_PASSWORD_FILE},
    )


def sign_in(clinic: Clinic, args: argparse.Namespace, command: str) -> Actor | None:
    """Sign in for `command` ("export", "users add", ...) unless it needs no account here (see
    access.identity.needs_sign_in). Returns the account signed in, or None."""
    from intake_app.access.identity import cli_identity, needs_sign_in

    accounts = clinic.has_accounts()
    if not needs_sign_in(command, accounts_exist=accounts):
        return None
    if not accounts:
        raise no_accounts_yet()
    identity = cli_identity(args.user, os.environ, stdin_is_tty=stdin_is_tty())
    return sign_in_as(clinic, identity.name, identity.password)


def sign_in_as(clinic: Clinic, name: str, password: Secret) -> Actor:
    from intake_app.services import PasswordChangeNeeded

    try:
        return clinic.sign_in(name, password)
    except PasswordChangeNeeded:
        raise must_change_password(name) from None


def close(clinic: Clinic) -> None:
    """Sign out (recorded) and close the database; the queued audit entries are written on the way."""
    try:
        if clinic.signed_in is not None:
            clinic.sign_out()
    finally:
        clinic.close()


@contextmanager
def clinic_session(args: argparse.Namespace, command: str) -> Iterator[Clinic]:
    """The database, signed in as the command's account (when `command` needs one)."""
    clinic = open_clinic(args)
    try:
        sign_in(clinic, args, command)
        yield clinic
    finally:
        close(clinic)


def read_secret_file_or_prompt(env_var: str, label: str) -> Secret:
    """The recovery key typed at a prompt on a terminal, else from the private file named by `env_var` (same
    rules as the password file)."""
    import getpass

    from intake_app.access.identity import IdentityMissing, read_password_file
    from intake_app.access.passwords import Secret

    if stdin_is_tty():
        try:
            return Secret(getpass.getpass(label).strip())
        except (EOFError, KeyboardInterrupt):
            raise IdentityMissing(
                QT_TRANSLATE_NOOP("IntakeError", "No recovery key was typed; nothing was done.")
            ) from None
    path = os.environ.get(env_var)
    if path:
        return read_password_file(path)
    raise IdentityMissing(
        QT_TRANSLATE_NOOP("IntakeError",
                          "No recovery key: standard input is not a terminal, so there is nobody to ask."),
        hint=QT_TRANSLATE_NOOP("IntakeError", "Set {env_var} to a private file whose first line is the recovery key."),
        params={"env_var": env_var},

    )
