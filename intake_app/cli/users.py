"""`intake-app users ...`: staff accounts from the command line (administrators; see docs/access.md).

Passwords and recovery keys are never arguments: a prompt on a terminal, else a private file named by an
environment variable (INTAKE_APP_PASSWORD_FILE for the account signing in, INTAKE_APP_NEW_PASSWORD_FILE
for a new password, INTAKE_APP_RECOVERY_KEY_FILE for the recovery key).

On a database with no accounts yet, `users add NAME --role administrator` needs no sign-in: it creates the
first administrator and prints the one-time recovery key.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from intake_app.cli.common import (
    ENV_RECOVERY_KEY_FILE,
    EXIT_OK,
    KEEP_KEY_SAFE,
    clinic_session,
    close,
    open_clinic,
    read_secret_file_or_prompt,
    sign_in,
    stdin_is_tty,
)
from intake_app.errors import IntakeError
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import argparse

    from intake_app.access.accounts import Account
    from intake_app.access.passwords import Secret


def configure(parser: argparse.ArgumentParser, command: str) -> None:
    actions = parser.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    p = actions.add_parser("add", help="add an account (the first one, on a new database, is the administrator)")
    p.add_argument("name", metavar="NAME", help="the sign-in name, e.g. ana.ruiz")
    p.add_argument("--role", required=True, metavar="ROLE", help="front-desk, clinician or administrator")
    p.add_argument("--display-name", metavar="TEXT", help="the name people read on sign-offs (default: NAME)")
    p.set_defaults(func=cmd_add)
    actions.add_parser("list", help="every account: name, full name, role, and whether it is switched off or "
                       "locked").set_defaults(func=cmd_list)
    for action, help_text, func in (
        ("disable", "switch an account off (it can no longer sign in; its history stays)", cmd_disable),
        ("enable", "switch an account back on", cmd_enable),
        ("unlock", "lift the lock after too many wrong passwords", cmd_unlock),
        ("reset-password", "set a new password that the owner must change at the next sign-in", cmd_reset),
        ("recover", "an administrator locked out uses the one-time recovery key (no sign-in)", cmd_recover),
    ):
        p = actions.add_parser(action, help=help_text)
        p.add_argument("name", metavar="NAME")
        p.set_defaults(func=func)
    actions.add_parser("passwd", help="choose a new password for your own account (--user NAME); also how an "
                       "account whose password was reset sets its own").set_defaults(func=cmd_passwd)


def _new_password(name: str, *, first_account: bool = False) -> Secret:
    from intake_app.access.identity import read_new_password

    return read_new_password(os.environ, stdin_is_tty=stdin_is_tty(), first_account=first_account, name=name)


def cmd_add(args: argparse.Namespace) -> int:
    from intake_app.access.accounts import check_account_name
    from intake_app.access.roles import Role, parse_role

    role = parse_role(args.role)
    name = check_account_name(args.name)
    display = args.display_name if args.display_name is not None else name
    clinic = open_clinic(args)
    try:
        if not clinic.has_accounts():
            if role is not Role.ADMINISTRATOR:
                raise IntakeError(
                    QT_TRANSLATE_NOOP(
                        "IntakeError",
                        "This database has no accounts yet: the first account must be an administrator, "
                        "who then adds everyone else.",
                    ),
                    hint=QT_TRANSLATE_NOOP(
                        "IntakeError",
                        "Repeat with --role administrator, e.g. intake-app users add {name} --role administrator",
                    ),
                    params={"name": name},
                )
            key = clinic.create_first_administrator(name, display, _new_password(name, first_account=True))
            print(f"created {name}, the first administrator account")
            print(f"recovery key: {key.reveal()}")
            print(KEEP_KEY_SAFE)
            return EXIT_OK
        sign_in(clinic, args, "users add")
        account = clinic.add_account(name, display, role, _new_password(name))
    finally:
        close(clinic)
    print(f"added {account.name} ({account.role.value}); the new password must be changed at the first sign-in "
          f"(intake-app --user {account.name} users passwd, or in the window)")
    return EXIT_OK


def _status(account: Account, now: object) -> str:
    import datetime as dt

    from intake_app.access.audit_export import local_time_text

    parts = []
    if account.disabled:
        parts.append("switched off")
    if account.locked_until is not None and isinstance(now, dt.datetime) and account.locked_until > now:
        parts.append(f"locked until {local_time_text(account.locked_until)[11:16]}")
    if account.must_change_password:
        parts.append("must choose a new password")
    return ", ".join(parts) or "active"


def cmd_list(args: argparse.Namespace) -> int:
    import datetime as dt

    with clinic_session(args, "users list") as clinic:
        accounts = clinic.list_accounts()
    now = dt.datetime.now(dt.UTC)
    rows = [(a.name, a.display_name, a.role.value, _status(a, now)) for a in accounts]
    header = ("name", "full name", "role", "status")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(3)]
    for row in (header, *rows):
        print("  ".join(f"{cell:<{widths[i]}}" for i, cell in enumerate(row[:3])) + "  " + row[3])
    return EXIT_OK


def cmd_disable(args: argparse.Namespace) -> int:
    with clinic_session(args, "users disable") as clinic:
        account = clinic.disable_account(args.name)
    print(f"{account.name} is switched off: it can no longer sign in (its history is kept)")
    return EXIT_OK


def cmd_enable(args: argparse.Namespace) -> int:
    with clinic_session(args, "users enable") as clinic:
        account = clinic.enable_account(args.name)
    print(f"{account.name} is switched on again")
    return EXIT_OK


def cmd_unlock(args: argparse.Namespace) -> int:
    with clinic_session(args, "users unlock") as clinic:
        account = clinic.unlock_account(args.name)
    print(f"{account.name} is unlocked and can sign in again")
    return EXIT_OK


def cmd_reset(args: argparse.Namespace) -> int:
    with clinic_session(args, "users reset-password") as clinic:
        account = clinic.reset_password(args.name, _new_password(args.name))
    print(f"{account.name} has a new password, which they must change at their next sign-in "
          f"(intake-app --user {account.name} users passwd, or in the window)")
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    key = read_secret_file_or_prompt(ENV_RECOVERY_KEY_FILE, "Recovery key: ")
    new_password = _new_password(args.name)
    clinic = open_clinic(args)
    try:
        new_key = clinic.recover_with_key(args.name, key, new_password)
    finally:
        close(clinic)
    print(f"{args.name} has the new password and is unlocked; the old recovery key no longer works")
    print(f"new recovery key: {new_key.reveal()}")
    print(KEEP_KEY_SAFE)
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    """Your own new password: the current one signs in (prompt or INTAKE_APP_PASSWORD_FILE), the new one is
    typed twice (or INTAKE_APP_NEW_PASSWORD_FILE). Works for an account that must change its password."""
    from intake_app.access.identity import cli_identity
    from intake_app.services import PasswordChangeNeeded

    identity = cli_identity(args.user, os.environ, stdin_is_tty=stdin_is_tty())
    clinic = open_clinic(args)
    try:
        if not clinic.has_accounts():
            from intake_app.cli.common import no_accounts_yet

            raise no_accounts_yet()
        try:
            clinic.sign_in(identity.name, identity.password)
        except PasswordChangeNeeded:
            clinic.sign_in(identity.name, identity.password, new_password=_new_password(identity.name))
        else:
            clinic.change_own_password(identity.password, _new_password(identity.name))
    finally:
        close(clinic)
    print(f"the password of {identity.name} is changed")
    return EXIT_OK
