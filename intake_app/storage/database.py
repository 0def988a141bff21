"""Opening the database: where it lives, SQLite settings, migrations, and errors a person can act on.

On SQLite every process uses ONE connection for all its reads, writes and checkpoints (a pool of one:
a thread that needs the database waits for the thread that has it). A pool per thread
(SingletonThreadPool) would open several connections in one process, which is exactly the situation of
the WAL-reset corruption bug of SQLite 3.7.0-3.51.2 (fixed in 3.51.3, backported to 3.44.6 and 3.50.7;
distributions patch without changing the number, so the version alone cannot tell); a shared
connection without a lock (StaticPool) would let two threads interleave statements in one transaction.
Transactions are begun by us, not by the driver: `BEGIN IMMEDIATE` for writes (the row-version check
and the write happen under the write lock) and `BEGIN EXCLUSIVE` for migrations.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.pool import QueuePool

from intake_app.errors import DatabaseTooNew, IntakeError, StorageError, phrase
from intake_app.files import private_dir
from intake_app.translation_marks import QT_TRANSLATE_NOOP

ENV_DATABASE_URL = "INTAKE_APP_DATABASE_URL"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000
# How long a thread waits for the process's one connection (a long bulk load may hold it a while).
POOL_TIMEOUT_S = 120
# Written into every SQLite database this program creates ("INTK"), so other programs' files are told apart.
APPLICATION_ID = 0x494E544B
BEGIN_OPTION = "intake_begin"  # execution option: "IMMEDIATE" or "EXCLUSIVE" (SQLite); default deferred


def default_database_path() -> Path:
    """The SQLite file in the user's data folder (platformdirs), e.g. ~/.local/share/intake-app/."""
    from platformdirs import user_data_path

    return user_data_path("intake-app", appauthor=False) / "intake.db"


def resolve_database_url(explicit: str | None = None, *, group: str | None = None) -> str:
    """--database beats INTAKE_APP_DATABASE_URL beats the default local file (its folder made private)."""
    if explicit:
        return explicit
    from_env = os.environ.get(ENV_DATABASE_URL, "").strip()
    if from_env:
        return from_env
    path = default_database_path()
    try:
        private_dir(path.parent, group=group)
    except StorageError:
        raise
    except Exception as exc:  # IntakeError from files.py: re-raise as a storage problem
        raise StorageError(
            _with_advice(exc),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Check the permissions of your home folder, or pass --database."),
        ) from None
    return f"sqlite:///{path}"


# A database server on another host is reached only over TLS that checks the certificate and the host name
# (libpq's sslmode=verify-full). An administrator who must use a server without it says so in the URL
# with this query flag (taken out before connecting); see docs/data-safety.md.
TLS_OPT_OUT = "intake_allow_unverified_tls"
_LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1", "[::1]"})


def _is_local(host: str) -> bool:
    """Loopback or a Unix socket folder (a host that is a path)."""
    return all(part.strip().lower() in _LOCAL_HOSTS or part.strip().startswith("/") for part in host.split(","))


def server_url(parsed: URL) -> URL:
    """The URL to connect with, after the transport check: a server on another host needs
    sslmode=verify-full (in the URL, or PGSSLMODE) unless the URL carries `intake_allow_unverified_tls=yes`.
    Refused with a plain StorageError (never quoting a password)."""
    query = dict(parsed.query)
    opt_out = str(query.get(TLS_OPT_OUT, "")).strip().lower()
    if TLS_OPT_OUT in query:
        if opt_out not in ("yes", "true", "1", "no", "false", "0"):
            raise StorageError(
                QT_TRANSLATE_NOOP("IntakeError", "{tls_opt_out} in the database address must be yes or no."),
                params={"tls_opt_out": TLS_OPT_OUT},
            )
        parsed = parsed.difference_update_query([TLS_OPT_OUT])
    socket_host = query.get("host")
    hosts = ",".join(h for h in (parsed.host or "", *([socket_host] if isinstance(socket_host, str) else []))
                     if h)
    if _is_local(hosts) or opt_out in ("yes", "true", "1"):
        return parsed
    mode = query.get("sslmode") or os.environ.get("PGSSLMODE", "")
    if mode != "verify-full":
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "IntakeError",
                "The database server {host} is on another computer, and the address does not ask "
                "for an encrypted connection that checks the server's certificate and name "
                "(sslmode=verify-full); nothing was sent to it.",
            ),
            hint=QT_TRANSLATE_NOOP(
                "IntakeError",
                "Add ?sslmode=verify-full to the address (with the server's CA certificate in "
                "~/.postgresql/root.crt or sslrootcert=...). Only an administrator may turn the "
                "check off, with {tls_opt_out}=yes.",
            ),
            params={"host": parsed.host, "tls_opt_out": TLS_OPT_OUT},
        )
    return parsed


def describe_url(url: str) -> str:
    """The URL without a password, safe to show and to log."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable database address)"


def sqlite_file(url: str | URL) -> Path | None:
    """The database file of a SQLite URL (None for other databases, :memory: and file: URIs)."""
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser().absolute()


def _check_sqlite_location(path: Path) -> None:
    from intake_app.storage.safety import refuse_network_share

    folder = path.resolve().parent
    if not folder.is_dir():
        raise StorageError(
            QT_TRANSLATE_NOOP("IntakeError", "The database folder {folder} does not exist."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Create it first, or choose another --database location."),
            params={"folder": folder},
        )
    if not os.access(folder, os.W_OK):
        raise StorageError(
            QT_TRANSLATE_NOOP("IntakeError", "The database folder {folder} is read-only."),
            hint=QT_TRANSLATE_NOOP(
                "IntakeError", "Choose a folder you can write to, or ask IT to fix its permissions."
            ),
            params={"folder": folder},
        )
    refuse_network_share(folder)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # We begin transactions ourselves (see _sqlite_begin): the driver must not open or commit any.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(BEGIN_OPTION, "")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


def create_database_engine(url: str, *, group: str | None = None) -> Engine:
    """An engine for any SQLAlchemy URL.

    SQLite gets one connection per process (see the module notes), WAL, foreign keys, FULL sync, a
    busy timeout, and our own BEGINs. A new SQLite file is created complete and private (0600, or 0660
    with `group`) before anyone can see it; an existing one is checked first (empty, foreign, network
    share), and the file is held with a shared lock so `restore` knows it is open.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(
            QT_TRANSLATE_NOOP("IntakeError", "The database address is not a valid URL."),
            hint=QT_TRANSLATE_NOOP(
                "IntakeError", "Use e.g. sqlite:////path/to/intake.db or postgresql+psycopg://user@host/dbname."
            ),
        ) from None
    if parsed.get_backend_name() == "sqlite":
        from intake_app.storage import safety

        path = sqlite_file(parsed)
        lock = None
        if path is not None:
            _check_sqlite_location(path)
            lock = safety.OpenLock.shared(path, group=group)
            try:
                safety.create_if_missing(path, group=group)
                safety.check_file(path)
            except BaseException:
                lock.release()
                raise
        engine = create_engine(
            parsed, poolclass=QueuePool, pool_size=1, max_overflow=0, pool_timeout=POOL_TIMEOUT_S,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        if lock is not None:
            lock.attach(engine)
        return engine
    parsed = server_url(parsed)
    try:
        return create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
    except (ImportError, ArgumentError) as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("IntakeError", "No database driver for {backend} is installed ({kind})."),
            hint=QT_TRANSLATE_NOOP(
                "IntakeError", "For PostgreSQL install the 'postgres' extra: pip install 'intake-app[postgres]'."
            ),
            params={"backend": parsed.get_backend_name(), "kind": type(exc).__name__},
        ) from None


def _with_advice(exc: Exception) -> str:
    """An error's words (with its own advice) as the first part of another message."""
    if not isinstance(exc, IntakeError):
        return str(exc)
    if not exc.hint:
        return exc.message
    return phrase(QT_TRANSLATE_NOOP("IntakeError", "{problem} {advice}"), {"problem": exc.message, "advice": exc.hint})


def lends(engine: Engine) -> bool:
    """True where `lent` may take the connection: SQLite, with nobody listening to what a lent connection
    leaves out (SQLAlchemy's statement events on the engine, the pool's checkout and checkin events: a
    trace or a test counting them is then served the ordinary way, a Connection from the pool)."""
    if engine.dialect.name != "sqlite":
        return False
    statements, pool = engine.dispatch, engine.pool.dispatch
    return not (statements.before_cursor_execute or statements.after_cursor_execute or pool.checkout
                or pool.checkin)


@contextmanager
def lent(engine: Engine) -> Iterator[sqlite3.Connection]:
    """The process's one SQLite connection, taken from the engine's pool as every checkout takes it (the
    thread waits for the thread that has it, up to POOL_TIMEOUT_S; a connection lost or invalidated is
    opened again with our settings), and given back at the end; the caller begins and ends its own
    transaction on it. SQLAlchemy's Connection and the pool's proxy around the connection, their events and
    bookkeeping, cost a draft save more than SQLite's own work for its transaction (`lends` says when no
    one listens to them). A transaction left open (a failure between BEGIN and COMMIT) is rolled back
    before the connection goes back, as the pool does on a checkin; a connection whose rollback fails is
    closed and opened again at the next use."""
    pool = engine.pool
    record: Any = pool._do_get()  # the pool's own slot (QueuePool: its queue), as a checkout takes it
    try:
        try:
            driver: sqlite3.Connection = record.get_connection()
        except BaseException as exc:
            record.invalidate(exc)  # as a failed checkout does: opened afresh next time
            raise
        try:
            yield driver
        finally:
            if driver.in_transaction:
                try:
                    driver.rollback()
                except sqlite3.Error as exc:
                    record.invalidate(exc)
    finally:
        pool._do_return_conn(record)


def writing(engine: Engine) -> Engine:
    """The same engine, beginning its transactions with the write lock (BEGIN IMMEDIATE on SQLite)."""
    if engine.dialect.name != "sqlite":
        return engine
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})


_SQLITE_MESSAGES = {
    sqlite3.SQLITE_BUSY: (
        QT_TRANSLATE_NOOP("IntakeError", "The database is busy (another desk is writing)."),
        QT_TRANSLATE_NOOP("IntakeError", "Wait a moment and try again."),
    ),
    sqlite3.SQLITE_LOCKED: (
        QT_TRANSLATE_NOOP("IntakeError", "The database is locked by another program."),
        QT_TRANSLATE_NOOP("IntakeError", "Wait a moment and try again."),
    ),
    sqlite3.SQLITE_FULL: (
        QT_TRANSLATE_NOOP("IntakeError", "The disk is full; nothing more can be saved."),
        QT_TRANSLATE_NOOP("IntakeError", "Free some disk space, then save again."),
    ),
    sqlite3.SQLITE_READONLY: (
        QT_TRANSLATE_NOOP("IntakeError", "The database file is read-only."),
        QT_TRANSLATE_NOOP("IntakeError", "Ask IT to make it writable."),
    ),
    sqlite3.SQLITE_CANTOPEN: (
        QT_TRANSLATE_NOOP("IntakeError", "The database file cannot be opened."),
        QT_TRANSLATE_NOOP("IntakeError", "Check that its folder exists and is writable."),
    ),
    sqlite3.SQLITE_IOERR: (
        QT_TRANSLATE_NOOP("IntakeError", "The disk reported a read or write error."),
        QT_TRANSLATE_NOOP("IntakeError", "Check the disk; ask IT if it repeats."),
    ),
    sqlite3.SQLITE_CORRUPT: (
        QT_TRANSLATE_NOOP("IntakeError", "The database file is damaged; nothing was changed."),
        QT_TRANSLATE_NOOP(
            "IntakeError", "Keep the file as it is and restore the latest backup (intake-app restore FILE)."
        ),
    ),
    sqlite3.SQLITE_NOTADB: (
        QT_TRANSLATE_NOOP("IntakeError", "The file is not an intake database; nothing was changed."),
        QT_TRANSLATE_NOOP("IntakeError", "Check the --database path."),
    ),
    sqlite3.SQLITE_PERM: (
        QT_TRANSLATE_NOOP("IntakeError", "No permission to use the database file."),
        QT_TRANSLATE_NOOP("IntakeError", "Ask IT to fix its permissions."),
    ),
}


def translate_error(exc: BaseException) -> StorageError:
    """Turn a driver error into a StorageError a person can act on (branching on types and codes)."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, PoolTimeout):
        return StorageError(
            QT_TRANSLATE_NOOP("IntakeError", "The database is busy in this program (a long task is running)."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Wait for it to finish, then try again."),
        )
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", None)
        if code is not None:
            primary = code & 0xFF
            if primary in _SQLITE_MESSAGES:
                message, hint = _SQLITE_MESSAGES[primary]
                return StorageError(message, hint=hint)
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return StorageError(
            QT_TRANSLATE_NOOP("IntakeError", "The connection to the database was lost."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Check the network, then try again."),
        )
    if isinstance(exc, OperationalError) and type(original).__module__.startswith("psycopg"):
        # The server's own words may quote the address; only the kind of failure is shown.
        return StorageError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "Cannot reach the database server, or it refused the connection ({kind})."
            ),
            hint=QT_TRANSLATE_NOOP(
                "IntakeError",
                "Check the address, the user name and password, and that the server is running; ask IT if it repeats.",
            ),
            params={"kind": type(original).__name__},
        )
    return StorageError(
        QT_TRANSLATE_NOOP("IntakeError", "The database reported an error ({kind})."),
        hint=QT_TRANSLATE_NOOP("IntakeError", "Try again; if it repeats, ask IT and quote this message."),
        params={"kind": type(original).__name__},
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


# The migrations this program knows, oldest first; the last is the head. Checking them needs no Alembic
# import, which keeps every start fast; a test keeps them equal to storage/migrations/versions.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]


def head_revision() -> str:
    """The head of the migration scripts, as Alembic sees it (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _revision(connection: Connection) -> str | None:
    from sqlalchemy import inspect

    if not inspect(connection).has_table("alembic_version"):
        return None
    revisions = [row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))]
    return revisions[0] if len(revisions) == 1 else ",".join(sorted(revisions)) or None


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database (None for a new, empty database)."""
    with storage_errors(), engine.connect() as connection:
        return _revision(connection)


def check_not_too_new(revision: str | None) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseTooNew()


# PostgreSQL: one advisory lock id for "a migration is running" (any constant shared by all desks).
_PG_MIGRATION_LOCK = 0x494E544B


def upgrade(engine: Engine) -> bool:
    """Bring the schema to the newest migration. Returns True when something was applied.

    The whole upgrade is ONE transaction under an exclusive lock (SQLite: BEGIN EXCLUSIVE; PostgreSQL:
    an advisory lock), so a kill at any point leaves the previous schema, and two programs opening a
    new database at the same moment wait for each other. A database from a newer program is refused.
    """
    revision = current_revision(engine)
    check_not_too_new(revision)
    if revision == SCHEMA_HEAD:
        return False
    from alembic import command

    config = _alembic_config()
    with storage_errors(), engine.connect() as base:
        connection = base.execution_options(**{BEGIN_OPTION: "EXCLUSIVE"})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            revision = _revision(connection)  # again, under the lock: another desk may have done it
            check_not_too_new(revision)
            if revision == SCHEMA_HEAD:
                return False
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
    return True


def open_database(url: str, *, group: str | None = None) -> Engine:
    """Open a database for use: the checks before anything is changed, then the migrations.

    SQLite: a network share, an empty, foreign or damaged file are refused with a clear message and
    left exactly as they were (a quick integrity check runs on every start); a newer schema is refused.
    """
    engine = create_database_engine(url, group=group)
    path = sqlite_file(url)
    try:
        if path is not None:
            from intake_app.storage.safety import check_integrity

            check_integrity(path, quick=True)
        upgrade(engine)
    except BaseException:
        close_engine(engine)
        raise
    return engine


def close_engine(engine: Engine) -> None:
    """Close the process's connection and let go of the database (restore can then take it)."""
    from intake_app.storage.safety import release_engine_lock

    engine.dispose()
    release_engine_lock(engine)


def sqlite_library_version() -> str:
    """The version of the SQLite library Python uses (e.g. 3.40.1)."""
    return sqlite3.sqlite_version
