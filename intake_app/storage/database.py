"""Opening the database: where it lives, SQLite settings, migrations, and errors a person can act on."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from intake_app.errors import StorageError

ENV_DATABASE_URL = "INTAKE_APP_DATABASE_URL"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000


def default_database_path() -> Path:
    """The SQLite file in the user's data folder (platformdirs), e.g. ~/.local/share/intake-app/."""
    from platformdirs import user_data_path

    return user_data_path("intake-app", appauthor=False) / "intake.db"


def resolve_database_url(explicit: str | None = None) -> str:
    """--database beats INTAKE_APP_DATABASE_URL beats the default local file."""
    if explicit:
        return explicit
    from_env = os.environ.get(ENV_DATABASE_URL, "").strip()
    if from_env:
        return from_env
    path = default_database_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"The data folder {path.parent} cannot be created ({exc.strerror}).",
            hint="Check the permissions of your home folder, or pass --database.",
        ) from None
    return f"sqlite:///{path}"


def describe_url(url: str) -> str:
    """The URL without a password, safe to show and to log."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable database address)"


def _check_sqlite_location(url: URL) -> None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    folder = Path(database).expanduser().resolve().parent
    if not folder.is_dir():
        raise StorageError(
            f"The database folder {folder} does not exist.",
            hint="Create it first, or choose another --database location.",
        )
    if not os.access(folder, os.W_OK):
        raise StorageError(
            f"The database folder {folder} is read-only.",
            hint="Choose a folder you can write to, or ask IT to fix its permissions.",
        )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def create_database_engine(url: str) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite gets WAL, foreign keys, FULL sync and a busy timeout."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(
            "The database address is not a valid URL.",
            hint="Use e.g. sqlite:////path/to/intake.db or postgresql+psycopg://user@host/dbname.",
        ) from None
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_location(parsed)
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (ImportError, ArgumentError) as exc:
        raise StorageError(
            f"No database driver for {parsed.get_backend_name()} is installed ({type(exc).__name__}).",
            hint="For PostgreSQL install the 'postgres' extra: pip install 'intake-app[postgres]'.",
        ) from None


_SQLITE_MESSAGES = {
    sqlite3.SQLITE_BUSY: ("The database is busy (another desk is writing).", "Wait a moment and try again."),
    sqlite3.SQLITE_LOCKED: ("The database is locked by another program.", "Wait a moment and try again."),
    sqlite3.SQLITE_FULL: ("The disk is full; nothing more can be saved.", "Free some disk space, then save again."),
    sqlite3.SQLITE_READONLY: ("The database file is read-only.", "Ask IT to make it writable."),
    sqlite3.SQLITE_CANTOPEN: ("The database file cannot be opened.", "Check that its folder exists and is writable."),
    sqlite3.SQLITE_IOERR: ("The disk reported a read or write error.", "Check the disk; ask IT if it repeats."),
    sqlite3.SQLITE_CORRUPT: ("The database file is damaged.", "Stop using it and restore the latest backup."),
    sqlite3.SQLITE_NOTADB: ("The file is not an intake database.", "Check the --database path."),
    sqlite3.SQLITE_PERM: ("No permission to use the database file.", "Ask IT to fix its permissions."),
}


def translate_error(exc: BaseException) -> StorageError:
    """Turn a driver error into a StorageError a person can act on (branching on types and codes)."""
    if isinstance(exc, StorageError):
        return exc
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", None)
        if code is not None:
            primary = code & 0xFF
            if primary in _SQLITE_MESSAGES:
                message, hint = _SQLITE_MESSAGES[primary]
                return StorageError(message, hint=hint)
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return StorageError("The connection to the database was lost.", hint="Check the network, then try again.")
    return StorageError(
        f"The database reported an error ({type(original).__name__}).",
        hint="Try again; if it repeats, ask IT and quote this message.",
    )


@contextmanager
def storage_errors() -> Iterator[None]:
    """Re-raise database failures as StorageError (nothing half-written: the session rolls back)."""
    try:
        yield
    except StorageError:
        raise
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise translate_error(exc) from exc


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


# The newest migration's revision. Checking it needs no Alembic import, which keeps every start
# fast; a test keeps it equal to the head of storage/migrations/versions.
SCHEMA_HEAD = "0001"


def head_revision() -> str:
    """The head of the migration scripts, as Alembic sees it (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database (None for a new, empty database)."""
    from sqlalchemy import inspect, text

    with storage_errors(), engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        revisions = [row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))]
    return revisions[0] if len(revisions) == 1 else ",".join(sorted(revisions)) or None


def upgrade(engine: Engine) -> bool:
    """Bring the schema to the newest migration. Returns True when something was applied."""
    if current_revision(engine) == SCHEMA_HEAD:
        return False
    from alembic import command

    config = _alembic_config()
    with storage_errors(), engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return True
