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
from intake_app.translation_marks import QT_TRANSLATE_NOOP

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
            if clinic.has_accounts():
                sign_in(clinic, args, "db upgrade")
                changed = clinic.upgrade()  # checks the role and records the upgrade
            else:
                changed = upgrade(engine)
        else:
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
    from intake_app.storage.backup import POSTGRES_RESTORE_MESSAGE
    from intake_app.storage.database import sqlite_file

    _settings, group = _settings_and_group()
    url = resolve_database_url(args.database, group=group)
    database = sqlite_file(url)
    if database is None:
        raise IntakeError(POSTGRES_RESTORE_MESSAGE)
    backup = Path(args.file)
    if not backup.is_file():
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "{backup}: no such backup file; nothing was changed."),
            params={"backup": backup},
        )
    clinic = _open_if_usable(args) if database.exists() else None
    if clinic is not None and clinic.has_accounts():
        try:
            sign_in(clinic, args, "restore")
            aside = clinic.restore(backup)  # checks the role; recorded in the restored trail
        finally:
            close(clinic)
    else:
        if clinic is not None:
            close(clinic)
        from intake_app.storage.backup import restore_sqlite

        aside = restore_sqlite(database, backup, group=group)
    print(f"restored {database} from {backup}")
    if aside is not None:
        print(f"the replaced database was kept as {aside}")
    return EXIT_OK


def _open_if_usable(args: argparse.Namespace) -> Clinic | None:
    """The database being replaced, to check who asks; None when it is too damaged to open (then nobody can
    be checked against it, and putting a backup back is what it needs)."""
    from intake_app.errors import StorageError
    from intake_app.services import Clinic

    try:
        return Clinic.open(args.database, _settings_and_group()[0])
    except StorageError:
        return None
