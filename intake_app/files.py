"""Files that hold patient data: private folders and atomic, never-following, never-clobbering writes.

Every file the program writes with patient data in it (exports, PDFs, the recovery journal, backups,
settings, logs) goes through `atomic_write_bytes`: the bytes go to a temporary file in the same folder,
are flushed to the disk, and only then take the target's name, so a power cut or a full disk leaves the
old file or the new one, never half of one. A symbolic link at the target is never followed, and an
existing file is replaced only when the caller says so (`overwrite=True`, e.g. `--overwrite`).

Permissions do not depend on the umask: folders are 0700 and files 0600, or 0770/0660 with a named
group when a clinic shares one SQLite file between several accounts on one PC (`group=`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from intake_app.errors import IntakeError
from intake_app.translation_marks import QT_TRANSLATE_NOOP

FILE_MODE = 0o600
DIR_MODE = 0o700
SHARED_FILE_MODE = 0o660
SHARED_DIR_MODE = 0o770


class TargetExists(IntakeError):
    """The target file is already there and the caller did not ask to replace it."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("IntakeError", "{path} already exists; nothing was written."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Choose another name, or repeat with --overwrite to replace it."),
            params={"path": path},
        )
        self.path = path


def private_file_mode(group: str | None = None) -> int:
    """0600, or 0660 when the files are shared with a named group."""
    return SHARED_FILE_MODE if group else FILE_MODE


def private_dir_mode(group: str | None = None) -> int:
    """0700, or 0770 when the folder is shared with a named group."""
    return SHARED_DIR_MODE if group else DIR_MODE


def group_id(group: str) -> int:
    """The numeric id of a named group; a clear IntakeError when there is no such group."""
    try:
        import grp
    except ImportError:  # Windows: folders inherit the access rules of their parent
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "A shared group can only be set on Linux and macOS."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Leave the shared group setting empty."),
        ) from None
    try:
        return grp.getgrnam(group).gr_gid
    except KeyError:
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "The shared group {group} does not exist on this computer."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Ask IT to create it, or correct the shared group setting."),
            params={"group": repr(group)},
        ) from None


def _apply_owner_and_mode(fd_or_path: int | Path, mode: int, group: str | None) -> None:
    if sys.platform == "win32":
        return
    if group:
        gid = group_id(group)
        if isinstance(fd_or_path, int):
            os.fchown(fd_or_path, -1, gid)
        else:
            os.chown(fd_or_path, -1, gid)
    if isinstance(fd_or_path, int):
        os.fchmod(fd_or_path, mode)
    else:
        os.chmod(fd_or_path, mode)


#: What was being done when the system refused, one message each.
_OS_PROBLEMS = {
    "create the folder": QT_TRANSLATE_NOOP("IntakeError", "Cannot create the folder {path} ({reason})."),
    "write": QT_TRANSLATE_NOOP("IntakeError", "Cannot write {path} ({reason})."),
    "protect": QT_TRANSLATE_NOOP("IntakeError", "Cannot protect {path} ({reason})."),
}


def _os_problem(action: str, path: Path, exc: OSError) -> IntakeError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "The disk is full; {path} was not written."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Free some disk space, then try again."),
            params={"path": path},
        )
    reason = exc.strerror or type(exc).__name__
    return IntakeError(
        _OS_PROBLEMS[action],
        hint=QT_TRANSLATE_NOOP("IntakeError", "Check the folder and its permissions."),
        params={"path": path, "reason": reason},

    )


def private_dir(path: str | Path, *, group: str | None = None) -> Path:
    """Create a folder 0700 (0770 with a shared group) whatever the umask; tighten an existing one.

    Parent folders that do not exist are created with the usual permissions; only the folder itself
    is made private. An existing folder owned by someone else is left as it is.
    """
    folder = Path(path)
    mode = private_dir_mode(group)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        try:
            folder.mkdir(mode=mode)
        except FileExistsError:
            if not folder.is_dir():
                raise IntakeError(
                    QT_TRANSLATE_NOOP("IntakeError", "{folder} is a file, not a folder."),
                    hint=QT_TRANSLATE_NOOP("IntakeError", "Move the file away."),
                    params={"folder": folder},
                ) from None
        if sys.platform != "win32":
            info = folder.stat()
            if info.st_uid == os.getuid():
                if group:
                    os.chown(folder, -1, group_id(group))
                if stat.S_IMODE(info.st_mode) != mode:
                    os.chmod(folder, mode)
    except OSError as exc:
        raise _os_problem("create the folder", folder, exc) from None
    return folder


def _refuse_link(target: Path) -> None:
    if target.is_symlink():
        raise IntakeError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "{target} is a symbolic link; it is never written through, so nothing was written."
            ),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Remove the link or choose another name."),
            params={"target": target},
        )


def available_path(path: str | Path) -> Path:
    """`path` if nothing is there yet, else the first free `stem-2.suffix`, `stem-3.suffix`, ..."""
    target = Path(path)
    if not os.path.lexists(target):
        return target
    n = 2
    while True:
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
        if not os.path.lexists(candidate):
            return candidate
        n += 1


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (no-op where folders cannot be opened, e.g. Windows)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(
    path: str | Path, data: bytes, *, overwrite: bool = False, mode: int = FILE_MODE, group: str | None = None
) -> Path:
    """Write `data` to `path` all at once: temp file in the same folder, fsync, rename, fsync folder.

    An existing symlink at `path` is refused (even with overwrite=True); an existing file raises
    TargetExists unless overwrite=True. With `group` the file is shared with that group (0660).
    Returns the path written. A failure (disk full, no permission) leaves nothing behind.
    """
    target = Path(path)
    if group:
        mode |= (mode & 0o700) >> 3
    _refuse_link(target)
    if os.path.lexists(target):
        if not overwrite:
            raise TargetExists(target)
        if not target.is_file():
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "{target} is not a regular file; nothing was written."),
                params={"target": target},
            )
    folder = target.parent
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
        try:
            _apply_owner_and_mode(fd, mode, group)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            _refuse_link(target)  # checked again just before the rename
            os.replace(tmp_name, target)
        else:
            place_new(Path(tmp_name), target)
        tmp_name = None
        fsync_dir(folder)
    except OSError as exc:
        raise _os_problem("write", target, exc) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return target


def place_new(tmp: Path, target: Path) -> None:
    """Give `tmp` the name `target` only if nothing has that name (a hard link fails if it exists)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise TargetExists(target) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links (FAT, some network shares): check, then rename.
        if os.path.lexists(target):
            raise TargetExists(target) from None
        os.rename(tmp, target)
        return
    os.unlink(tmp)


def atomic_write_text(
    path: str | Path, text: str, *, overwrite: bool = False, mode: int = FILE_MODE, group: str | None = None,
    encoding: str = "utf-8",
) -> Path:
    """`atomic_write_bytes` for text (UTF-8 unless told otherwise)."""
    return atomic_write_bytes(path, text.encode(encoding), overwrite=overwrite, mode=mode, group=group)


def make_private(path: str | Path, *, group: str | None = None) -> None:
    """Set an existing file we own to 0600 (0660 with a shared group), e.g. SQLite's -wal and -shm."""
    target = Path(path)
    if sys.platform == "win32" or target.is_symlink() or not target.exists():
        return
    try:
        if target.stat().st_uid == os.getuid():
            _apply_owner_and_mode(target, private_file_mode(group), group)
    except OSError as exc:
        raise _os_problem("protect", target, exc) from None
