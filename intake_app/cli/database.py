"""Database commands for administrators: db upgrade, backup, restore, demo-data.

On a database with no staff accounts yet (a new installation, or one made before accounts existed),
`db upgrade` and `restore` need no sign-in: there is nobody to check a password against, and whoever can
reach the file could replace it anyway. Once accounts exist they need an administrator.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from intake_app.cli.common import EXIT_OK, EXIT_USAGE, clinic_session, close, err, sign_in
from intake_app.errors import IntakeError

if TYPE_CHECKING:
    import argparse

    from intake_app.services import Clinic
    from intake_app.settings import Settings

# The first schema revision with staff accounts: an older database has none.
ACCOUNTS_REVISION = "0004"


def configure(parser: argparse.ArgumentParser, command: str) -> None:
    if command == "db":
        actions = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
        actions.add_parser("upgrade", help="apply schema migrations").set_defaults(func=cmd_db_upgrade)
    elif command == "demo-data":
        parser.add_argument("count", type=int, metavar="N")
        parser.add_argument("--seed", type=int, default=20261125)
        parser.set_defaults(func=cmd_demo_data)
    elif command == "backup":
        parser.add_argument("folder", nargs="?", metavar="DIR")
        parser.set_defaults(func=cmd_backup)
    else:
        parser.add_argument("file", metavar="FILE")
        parser.set_defaults(func=cmd_restore)


def cmd_demo_data(args: argparse.Namespace) -> int:
    import time

    if args.count < 1 or args.count > 1_000_000:
        err("demo-data: N must be between 1 and 1000000")
        return EXIT_USAGE
    with clinic_session(args, "demo-data") as clinic:
        started = time.perf_counter()
        added = clinic.add_demo_data(args.count, seed=args.seed)
    print(f"added {added} synthetic patients with one completed intake each "
          f"in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with clinic_session(args, "backup") as clinic:
        path = clinic.backup(args.folder)
    print(f"backup written and checked: {path}")
    return EXIT_OK


def _settings_and_group() -> tuple[Settings, str | None]:
    from intake_app.services import shared_group
    from intake_app.settings import load_settings

    settings = load_settings()
    return settings, shared_group(settings)


def _administrator_check(clinic: Clinic, args: argparse.Namespace, command: str, action: str) -> None:
    """With accounts in the database: sign in for `command` and refuse anyone but an administrator."""
    from intake_app.access.roles import Action, require

    if not clinic.has_accounts():
        return
    actor = sign_in(clinic, args, command)
    require(actor, Action(action))


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    """Checked (integrity) before anything changes; an administrator signs in first once accounts exist."""
    from intake_app.services import Clinic
    from intake_app.storage import Repository, close_engine, create_database_engine, describe_url, resolve_database_url
    from intake_app.storage.database import check_not_too_new, current_revision, sqlite_file, upgrade
    from intake_app.storage.safety import check_integrity

    settings, group = _settings_and_group()
    url = resolve_database_url(args.database, group=group)
    engine = create_database_engine(url, group=group)
    clinic: Clinic | None = None
    try:
        path = sqlite_file(url)
        if path is not None:
            check_integrity(path, quick=True)
        revision = current_revision(engine)
        check_not_too_new(revision)
        if revision is not None and revision >= ACCOUNTS_REVISION:  # older schemas have no accounts
            clinic = Clinic(Repository(engine), settings)
            _administrator_check(clinic, args, "db upgrade", "database.upgrade")
        changed = upgrade(engine)
    finally:
        if clinic is not None:
            close(clinic)
        else:
            close_engine(engine)
    print(f"{describe_url(url)}: {'upgraded to the newest schema' if changed else 'already up to date'}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from intake_app.storage import resolve_database_url
    from intake_app.storage.backup import POSTGRES_MESSAGE, restore_sqlite
    from intake_app.storage.database import sqlite_file

    _settings, group = _settings_and_group()
    url = resolve_database_url(args.database, group=group)
    database = sqlite_file(url)
    if database is None:
        raise IntakeError(POSTGRES_MESSAGE.replace("back it up", "restore it"))
    backup = Path(args.file)
    if not backup.is_file():
        raise IntakeError(f"{backup}: no such backup file; nothing was changed.")
    if database.exists():
        _check_restore_allowed(args)
    aside = restore_sqlite(database, backup, group=group)
    print(f"restored {database} from {backup}")
    if aside is not None:
        print(f"the replaced database was kept as {aside}")
    return EXIT_OK


def _check_restore_allowed(args: argparse.Namespace) -> None:
    """An administrator of the database being replaced signs in (when it has accounts). A database too
    damaged to open cannot check anyone; restoring it is what it needs."""
    from intake_app.errors import StorageError
    from intake_app.services import Clinic

    try:
        clinic = Clinic.open(args.database, _settings_and_group()[0])
    except StorageError:
        return
    try:
        _administrator_check(clinic, args, "restore", "database.restore")
    finally:
        close(clinic)
