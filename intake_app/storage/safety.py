"""Guards around the SQLite file: what is refused before SQLite ever touches it, and who has it open.

- A network share (SMB, NFS, SSHFS, 9p, ...) is refused: SQLite's locking is unreliable there.
- An empty, foreign or damaged file gets a clear message and is never changed or "repaired".
- A new database is created whole and private under a temporary name, then linked into place, so
  nobody ever sees a half-made or 0-byte file.
- Every program that opens the database holds a shared lock on `<name>.lock`; `restore` needs the
  exclusive lock, so it refuses while any desk has the database open.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import tempfile
import weakref
from pathlib import Path
from typing import Any

from intake_app.errors import StorageError
from intake_app.files import fsync_dir, private_file_mode
from intake_app.translation_marks import QT_TRANSLATE_NOOP

SQLITE_HEADER = b"SQLite format 3\x00"
PROC_MOUNTS = Path("/proc/mounts")
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "ncpfs", "coda",
    "ceph", "fuse.ceph", "glusterfs", "fuse.glusterfs", "davfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs",
    "lustre", "gfs2", "ocfs2", "gpfs", "beegfs", "orangefs", "vboxsf", "prl_fs", "vmhgfs", "fuse.vmhgfs-fuse",
})
NETWORK_SHARE_HINT = QT_TRANSLATE_NOOP(
    "IntakeError",
    "SQLite's file locking does not work reliably over a network, so several desks writing there can "
    "damage the database. Keep the database on this PC's own disk, or let several PCs share a "
    "PostgreSQL server (see docs/data-safety.md).",
)


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes spaces and tabs in paths as octal escapes (\\040)."""
    out, i = [], 0
    while i < len(field):
        digits = field[i + 1:i + 4]
        if field[i] == "\\" and len(digits) == 3 and digits.isdigit():
            out.append(chr(int(digits, 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def filesystem_type(folder: Path) -> str | None:
    """The file system type of the mount holding `folder` (Linux, from /proc/mounts), else None."""
    try:
        lines = PROC_MOUNTS.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = str(folder)
    best, best_type = "", None
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount = _unescape_mount(parts[1])
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, best_type = mount, parts[2]
    return best_type


def _windows_remote(folder: Path) -> bool:
    text = str(folder)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform != "win32":
        return False
    import ctypes

    drive = os.path.splitdrive(text)[0]
    if not drive:
        return False
    DRIVE_REMOTE = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE)


def refuse_network_share(folder: Path) -> None:
    """StorageError when the database folder is on a network share (checked by file system type)."""
    if _windows_remote(folder):
        raise StorageError(
            QT_TRANSLATE_NOOP("IntakeError", "The database folder {folder} is on a network share; it cannot be used."),
            hint=NETWORK_SHARE_HINT,
            params={"folder": folder},
        )
    kind = filesystem_type(folder)
    if kind is not None and kind.lower() in NETWORK_FILESYSTEMS:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "The database folder {folder} is on a network share ({kind}); it cannot be used."
            ),
            hint=NETWORK_SHARE_HINT,
            params={"folder": folder, "kind": kind},
        )


# --- the file itself -----------------------------------------------------------------------------


def apply_private_mode(fd: int, group: str | None) -> None:
    if sys.platform == "win32":
        return
    if group:
        from intake_app.files import group_id

        os.fchown(fd, -1, group_id(group))
    os.fchmod(fd, private_file_mode(group))


def create_if_missing(path: Path, *, group: str | None = None) -> bool:
    """Create a new, empty SQLite database at `path` if nothing is there. True when this call made it.

    The file is made under a temporary name (0600, or 0660 with `group`), given its header, our
    application id and WAL mode, flushed, and only then linked to `path`; a program that loses the race
    to another one simply uses the other's file. SQLite gives -wal and -shm the database file's mode.
    """
    from intake_app.storage.database import APPLICATION_ID

    if os.path.lexists(path):
        return False
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".new-", suffix=".db")
    try:
        try:
            apply_private_mode(fd, group)
        finally:
            os.close(fd)
        connection = sqlite3.connect(tmp, isolation_level=None)
        try:
            connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
            connection.execute("PRAGMA journal_mode=WAL")
        finally:
            connection.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links on this file system: check, then rename
            if os.path.lexists(path):
                return False
            os.rename(tmp, path)
        fsync_dir(path.parent)
        return True
    except OSError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("IntakeError", "A new database cannot be created in {parent} ({strerror})."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Check the folder's permissions and free space."),
            params={"parent": path.parent, "strerror": exc.strerror},
        ) from None
    finally:
        for leftover in (tmp, tmp + "-wal", tmp + "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=5)


def check_file(path: Path) -> None:
    """Refuse, without changing it, a file that is not an intake database (empty, another kind, foreign)."""
    from intake_app.storage.database import APPLICATION_ID

    if path.is_dir():
        raise StorageError(
            QT_TRANSLATE_NOOP("IntakeError", "{path} is a folder, not a database file; nothing was changed."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Check the --database path."),
            params={"path": path},
        )
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("IntakeError", "The database file {path} cannot be read ({strerror})."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Check its permissions."),
            params={"path": path, "strerror": exc.strerror},
        ) from None
    if not header:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "IntakeError",
                "The database file {path} is empty (0 bytes), so it holds no intakes; nothing was changed.",
            ),
            hint=QT_TRANSLATE_NOOP(
                "IntakeError",
                "If it should hold your intakes, restore the latest backup (intake-app restore "
                "FILE); otherwise delete it or choose another --database path.",
            ),
            params={"path": path},
        )
    if not header.startswith(SQLITE_HEADER):
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "IntakeError",
                "The file {path} is not an intake database (it is some other kind of file); nothing was changed.",
            ),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Check the --database path."),
            params={"path": path},
        )
    try:
        connection = _read_only(path)
        try:
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            connection.close()
    except sqlite3.Error as exc:
        from intake_app.storage.database import translate_error

        raise translate_error(exc) from None
    ours = app_id == APPLICATION_ID or (app_id == 0 and ("alembic_version" in tables or not tables))
    if not ours:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "IntakeError",
                "The file {path} is a database of another program, not an intake database; nothing was changed.",
            ),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Check the --database path."),
            params={"path": path},
        )


def integrity_problems(connection: Any, *, quick: bool = True) -> list[str]:
    """The lines of PRAGMA quick_check / integrity_check other than "ok" (empty when the file is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    return [str(row[0]) for row in rows if str(row[0]) != "ok"]


def damaged(path: Path) -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP(
            "IntakeError", "The database file {path} is damaged (its integrity check failed); nothing was changed."
        ),
        hint=QT_TRANSLATE_NOOP(
            "IntakeError", "Keep the file as it is and restore the latest backup (intake-app restore FILE)."
        ),
        params={"path": path},
    )


def check_integrity(path: Path, *, quick: bool = True) -> None:
    """Run SQLite's integrity check on the file (read-only); StorageError when it finds damage."""
    try:
        connection = _read_only(path)
        try:
            problems = integrity_problems(connection, quick=quick)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise damaged(path) from None
        from intake_app.storage.database import translate_error

        raise translate_error(exc) from None
    if problems:
        raise damaged(path)


# --- who has the database open -------------------------------------------------------------------


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class OpenLock:
    """A lock on `<database>.lock`: shared while a program has the database open, exclusive for restore."""

    def __init__(self, fd: int | None) -> None:
        self.fd = fd

    @classmethod
    def _open(cls, path: Path, group: str | None) -> int | None:
        if sys.platform == "win32":
            return None  # Windows refuses to replace a file another program has open
        target = lock_path(path)
        try:
            fd = os.open(target, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, private_file_mode(group))
        except OSError as exc:
            raise StorageError(
                QT_TRANSLATE_NOOP("IntakeError", "The lock file {target} cannot be opened ({strerror})."),
                hint=QT_TRANSLATE_NOOP("IntakeError", "Check the database folder's permissions."),
                params={"target": target, "strerror": exc.strerror},
            ) from None
        try:
            if os.fstat(fd).st_uid == os.getuid():
                apply_private_mode(fd, group)
        except OSError:
            pass
        return fd

    @classmethod
    def shared(cls, path: Path, *, group: str | None = None, wait_s: float = 10.0) -> OpenLock:
        """Held by every program that has the database open; waits while a restore runs."""
        import time

        fd = cls._open(path, group)
        if fd is None:
            return cls(None)
        import fcntl

        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                return cls(fd)
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise StorageError(
                        QT_TRANSLATE_NOOP("IntakeError", "The database is being restored from a backup right now."),
                        hint=QT_TRANSLATE_NOOP("IntakeError", "Wait until the restore has finished, then start again."),
                    ) from None
                time.sleep(0.05)

    @classmethod
    def exclusive(cls, path: Path, *, group: str | None = None) -> OpenLock:
        """Only when no program has the database open; refuses at once otherwise."""
        fd = cls._open(path, group)
        if fd is None:
            return cls(None)
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "IntakeError",
                    "The database is open at another desk (or in another window of this program); nothing was changed.",
                ),
                hint=QT_TRANSLATE_NOOP(
                    "IntakeError", "Close Foot & Leg Intake everywhere it is open, then run the restore again."
                ),
            ) from None
        return cls(fd)

    def attach(self, owner: object) -> None:
        """Keep the lock for as long as `owner` (the engine) lives; release_engine_lock ends it sooner."""
        _HELD[id(owner)] = self
        weakref.finalize(owner, _release_id, id(owner))

    def release(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)  # closing the descriptor drops the flock
            self.fd = None


_HELD: dict[int, OpenLock] = {}


def _release_id(key: int) -> None:
    lock = _HELD.pop(key, None)
    if lock is not None:
        lock.release()


def release_engine_lock(engine: object) -> None:
    """Drop the shared lock an engine holds (after engine.dispose(), when the program closes the database)."""
    _release_id(id(engine))
