"""Backups of the SQLite database, and restoring one.

A backup is made with SQLite's online backup API through the program's one connection (the app keeps
running), counted and copied inside one read transaction, then checked (full integrity check, the same
row counts) before it gets its name `intake-YYYYMMDD-HHMMSS.db` (0600). The default folder keeps a
rotation (the newest backup of each of the last 7 days and of each of the last 4 weeks) and a
`manifest.json` describing every file, with the audit trail's anchor (entries and newest hash) as the
backup holds it. Restoring checks the backup first, needs the database closed
everywhere (the exclusive lock of storage/safety.py), and keeps the replaced database beside it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from intake_app.access.audit_chain import EMPTY_ANCHOR, Anchor
from intake_app.errors import StorageError
from intake_app.files import atomic_write_text, available_path, fsync_dir, place_new, private_dir
from intake_app.storage.database import KNOWN_REVISIONS, check_not_too_new, sqlite_file
from intake_app.storage.safety import (
    OpenLock,
    apply_private_mode,
    check_file,
    damaged,
    integrity_problems,
)
from intake_app.translation_marks import QT_TRANSLATE_NOOP

BACKUP_NAME = re.compile(r"^intake-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.db$")
MANIFEST = "manifest.json"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
COUNTED_TABLES = ("patients", "intakes", "assessments", "recalls", "audit_log", "accounts")
POSTGRES_MESSAGE = QT_TRANSLATE_NOOP(
    "IntakeError",
    "This database is on a PostgreSQL server; back it up with the server's own tools (pg_dump), "
    "which your IT set up with the server.",
)
POSTGRES_RESTORE_MESSAGE = QT_TRANSLATE_NOOP(
    "IntakeError",
    "This database is on a PostgreSQL server; restore it with the server's own tools (pg_restore), "
    "which your IT set up with the server.",
)


@dataclass(frozen=True)
class BackupCheck:
    """What a verified backup holds."""

    counts: dict[str, int]
    schema: str | None


def default_backup_folder(database: Path) -> Path:
    """`backups/` beside the database file (in the data folder for the default database)."""
    return database.parent / "backups"


def _counts(connection: sqlite3.Connection) -> dict[str, int]:
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {t: int(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in COUNTED_TABLES
            if t in tables}


def _schema(connection: sqlite3.Connection) -> str | None:
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _audit_anchor(connection: sqlite3.Connection) -> Anchor:
    """The audit chain's length and newest hash as the backup holds it (kept in the manifest, so a cut-off
    or rebuilt chain in the backup, or after restoring it, shows)."""
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "audit_head" not in tables:
        return EMPTY_ANCHOR
    row = connection.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    return Anchor(int(row[0]), str(row[1])) if row else EMPTY_ANCHOR


def manifest_anchor(backup: Path) -> Anchor | None:
    """The audit anchor the manifest beside `backup` recorded for it; None when there is none."""
    path = backup.parent / MANIFEST
    if not path.is_file() or path.is_symlink():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("backups", []) if isinstance(data, dict) else []:
            if isinstance(entry, dict) and entry.get("file") == backup.name:
                return Anchor.from_manifest(entry)
    except (OSError, ValueError, TypeError):
        return None
    return None


def _fsync_file(path: str | Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stamp(path: Path) -> dt.datetime | None:
    match = BACKUP_NAME.match(path.name)
    return dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S") if match else None


def backup_files(folder: Path) -> list[Path]:
    """The backups in a folder (regular files named like ours), oldest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _stamp(p) is not None and p.is_file() and not p.is_symlink()]
    return sorted(found, key=lambda p: (_stamp(p), p.name))


def verify_backup_file(path: Path, expected: dict[str, int] | None = None) -> BackupCheck:
    """A full integrity check of a backup file (read-only), its schema, and (if given) its row counts."""
    check_file(path)
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            if integrity_problems(connection, quick=False):
                raise damaged(path)
            counts, schema = _counts(connection), _schema(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        raise damaged(path) from None
    if schema is None or "intakes" not in counts:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "{path} holds no intake data, so it is not a usable backup; nothing was changed."
            ),
            params={"path": path},
        )
    check_not_too_new(schema)
    if expected is not None and counts != expected:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "The backup {name} does not hold the same records as the database; it was discarded."
            ),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Try the backup again; if it repeats, ask IT to check the disk."),
            params={"name": path.name},
        )
    return BackupCheck(counts, schema)


def backup_sqlite(
    engine: Engine, folder: Path | None = None, *, group: str | None = None, now: dt.datetime | None = None,
    app_version: str = "",
) -> Path:
    """Back up a SQLite database while it is in use; returns the verified backup file.

    Without `folder` the backup goes to the default folder, which is then rotated.
    """
    database = sqlite_file(engine.url)
    if database is None:
        if engine.dialect.name == "postgresql":
            raise StorageError(POSTGRES_MESSAGE)
        raise StorageError(QT_TRANSLATE_NOOP("IntakeError", "Only a database file can be backed up this way."))
    rotate = folder is None
    target_folder = private_dir(folder or default_backup_folder(database), group=group)
    stamp = (now or dt.datetime.now()).replace(microsecond=0)
    fd, tmp = tempfile.mkstemp(dir=target_folder, prefix=".tmp-", suffix=".db")
    try:
        try:
            apply_private_mode(fd, group)
        finally:
            os.close(fd)
        raw = engine.raw_connection()  # the program's one connection: other threads wait meanwhile
        try:
            source: Any = raw.driver_connection
            if integrity_problems(source, quick=True):
                raise damaged(database)
            copy = sqlite3.connect(tmp, isolation_level=None)
            try:
                source.execute("BEGIN")  # one snapshot for the counts, the audit anchor and the copy
                try:
                    expected = _counts(source)
                    anchor = _audit_anchor(source)
                    source.backup(copy)
                finally:
                    source.execute("COMMIT")
                copy.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            finally:
                copy.close()
        finally:
            raw.close()
        _fsync_file(tmp)
        check = verify_backup_file(Path(tmp), expected)
        target = available_path(target_folder / f"intake-{stamp:%Y%m%d-%H%M%S}.db")
        place_new(Path(tmp), target)
        fsync_dir(target_folder)
    except sqlite3.Error as exc:
        from intake_app.storage.database import translate_error

        raise translate_error(exc) from None
    except OSError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("IntakeError", "The backup could not be written to {target_folder} ({strerror})."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Check the folder and free disk space."),
            params={"target_folder": target_folder, "strerror": exc.strerror},
        ) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    entry = {
        "file": target.name, "created": stamp.isoformat(), "bytes": target.stat().st_size,
        "sha256": _sha256(target), "schema": check.schema, "rows": check.counts, "app_version": app_version,
        "sqlite_version": sqlite3.sqlite_version, "verified": "integrity_check ok, row counts equal",
        **anchor.to_manifest(),
    }
    if rotate:
        rotate_backups(target_folder)
    _update_manifest(target_folder, entry, group)
    return target


def _keep(files: list[Path]) -> set[Path]:
    """Newest backup of each of the last KEEP_DAILY days and of each of the last KEEP_WEEKLY ISO weeks."""
    newest_per_day: dict[dt.date, Path] = {}
    newest_per_week: dict[tuple[int, int], Path] = {}
    for path in files:  # oldest first, so later ones replace earlier ones
        stamp = _stamp(path)
        assert stamp is not None
        newest_per_day[stamp.date()] = path
        newest_per_week[tuple(stamp.isocalendar())[:2]] = path  # type: ignore[index]
    days = sorted(newest_per_day, reverse=True)[:KEEP_DAILY]
    weeks = sorted(newest_per_week, reverse=True)[:KEEP_WEEKLY]
    return {newest_per_day[d] for d in days} | {newest_per_week[w] for w in weeks}


def rotate_backups(folder: Path) -> list[Path]:
    """Delete backups outside the rotation (only files named like ours); returns those deleted."""
    files = backup_files(folder)
    keep = _keep(files)
    removed = []
    for path in files:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _update_manifest(folder: Path, entry: dict[str, Any], group: str | None) -> None:
    path = folder / MANIFEST
    entries: list[dict[str, Any]] = []
    if path.is_file() and not path.is_symlink():
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("backups"), list):
                entries = [e for e in data["backups"] if isinstance(e, dict)]
    present = {p.name for p in backup_files(folder)}
    entries = [e for e in entries if e.get("file") in present and e.get("file") != entry["file"]] + [entry]
    manifest = {"format": "intake-backup-manifest/1", "backups": entries}
    atomic_write_text(path, json.dumps(manifest, indent=2) + "\n", overwrite=True, group=group)


def latest_backup_on(folder: Path, day: dt.date) -> Path | None:
    for path in reversed(backup_files(folder)):
        stamp = _stamp(path)
        if stamp is not None and stamp.date() == day:
            return path
    return None


def restore_sqlite(database: Path, backup: Path, *, group: str | None = None,
                   now: dt.datetime | None = None) -> Path | None:
    """Replace the database with a checked backup; returns where the replaced database was kept.

    Refuses (nothing changed) when the backup fails its checks or any program has the database open.
    """
    check = verify_backup_file(backup)
    if check.schema not in KNOWN_REVISIONS:  # pragma: no cover - verify_backup_file refused already
        raise StorageError(QT_TRANSLATE_NOOP("IntakeError", "The backup's schema is unknown."))
    lock = OpenLock.exclusive(database, group=group)
    stamp = (now or dt.datetime.now()).replace(microsecond=0)
    try:
        fd, tmp = tempfile.mkstemp(dir=database.parent, prefix=".restore-", suffix=".db")
        try:
            try:
                apply_private_mode(fd, group)
            finally:
                os.close(fd)
            source = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
            copy = sqlite3.connect(tmp, isolation_level=None)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=WAL")
                if integrity_problems(copy, quick=False):
                    raise damaged(backup)
            finally:
                copy.close()
                source.close()
            _fsync_file(tmp)
            aside = _set_aside(database, stamp)
            os.replace(tmp, database)
            fsync_dir(database.parent)
            return aside
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    except sqlite3.Error as exc:
        from intake_app.storage.database import translate_error

        raise translate_error(exc) from None
    except OSError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "The restore could not write in {parent} ({strerror}); the database was left as it was."
            ),
            params={"parent": database.parent, "strerror": exc.strerror},
        ) from None
    finally:
        lock.release()


def _set_aside(database: Path, stamp: dt.datetime) -> Path | None:
    """Keep the database about to be replaced (with its WAL) under a new name; None when there is none."""
    if not database.exists():
        return None
    with contextlib.suppress(sqlite3.Error):  # fold the WAL into the file first, if the file allows it
        connection = sqlite3.connect(database, isolation_level=None, timeout=1)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
    aside = available_path(database.with_name(f"{database.name}.replaced-{stamp:%Y%m%d-%H%M%S}"))
    try:
        os.link(database, aside)
    except OSError:
        import shutil

        shutil.copy2(database, aside)
    for suffix in ("-wal", "-journal"):
        side = Path(f"{database}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{aside}{suffix}"))
    Path(f"{database}-shm").unlink(missing_ok=True)
    return aside
