"""The audit anchor file: the chain's length and latest hash, kept in the app's state folder.

One small JSON file per database, named by a hash of the database's location (never the location itself:
a PostgreSQL address can carry a password), written atomically and privately (0600 in a 0700 folder).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import sys
from pathlib import Path

from intake_app.access.audit_chain import Anchor
from intake_app.errors import IntakeError
from intake_app.files import atomic_write_bytes, private_dir
from intake_app.recovery import ENV_STATE_DIR
from intake_app.translation_marks import QT_TRANSLATE_NOOP

ANCHOR_FORMAT = "intake-audit-anchor/1"
MAX_ANCHOR_BYTES = 4096


def state_dir() -> Path:
    """The app's state folder ($INTAKE_APP_STATE_DIR, else the platform's user state folder)."""
    override = os.environ.get(ENV_STATE_DIR)
    if override:
        return Path(override)
    from platformdirs import user_state_path

    return user_state_path("intake-app", appauthor=False)


def database_key(database_url: str) -> str:
    """A stable name for a database that reveals nothing about where it is or how to reach it."""
    return hashlib.sha256(database_url.strip().encode("utf-8")).hexdigest()[:32]


def anchor_path(database_url: str, folder: Path | None = None) -> Path:
    return (folder or state_dir()) / "audit-anchors" / f"{database_key(database_url)}.json"


class AnchorUnreadable(IntakeError):
    """The anchor file exists but cannot be trusted (damaged, a link, someone else's, too open)."""


def _unreadable(path: Path, message: str, reason: str = "") -> AnchorUnreadable:
    """`message` a marked template naming the anchor as {path} (and {reason}, the system's words)."""
    return AnchorUnreadable(
        message,
        hint=QT_TRANSLATE_NOOP("IntakeError",
                               "The audit trail cannot be checked against it; an administrator should find out why."),
        params={"path": path, "reason": reason} if reason else {"path": path},
    )


def read_anchor(path: Path) -> Anchor | None:
    """The anchor stored at `path`, or None when there is none yet.

    A symbolic link, a file that is not ours or that others may write, or damaged content is an error:
    the anchor exists to be trusted, so nothing about it is guessed.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _unreadable(
                path, QT_TRANSLATE_NOOP("IntakeError", "The audit anchor {path} is a symbolic link.")
            ) from None
        raise _unreadable(path, QT_TRANSLATE_NOOP("IntakeError", "The audit anchor {path} cannot be read ({reason})."),
                          exc.strerror or type(exc).__name__) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _unreadable(path, QT_TRANSLATE_NOOP("IntakeError", "The audit anchor {path} is not a regular file."))
        if sys.platform != "win32":
            if info.st_uid != os.geteuid():
                raise _unreadable(
                    path, QT_TRANSLATE_NOOP("IntakeError", "The audit anchor {path} belongs to another user.")
                )
            if info.st_mode & 0o022:
                raise _unreadable(
                    path, QT_TRANSLATE_NOOP("IntakeError", "The audit anchor {path} can be changed by other users.")
                )
        data = os.read(fd, MAX_ANCHOR_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_ANCHOR_BYTES:
        raise _unreadable(
            path, QT_TRANSLATE_NOOP("IntakeError", "The audit anchor {path} is too large to be an anchor.")
        )
    try:
        body = json.loads(data.decode("utf-8"))
        if not isinstance(body, dict) or body.get("format") != ANCHOR_FORMAT:
            raise ValueError("not an anchor")
        return Anchor(body["count"], body["head"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise _unreadable(path, QT_TRANSLATE_NOOP("IntakeError", "The audit anchor {path} is damaged.")) from None


def write_anchor(path: Path, anchor: Anchor) -> Path:
    """Replace the anchor atomically: temp file, fsync, rename; 0600 in a 0700 folder."""
    private_dir(path.parent)
    body = {"format": ANCHOR_FORMAT, "count": anchor.count, "head": anchor.head_hash}
    data = (json.dumps(body, sort_keys=True) + "\n").encode("ascii")
    return atomic_write_bytes(path, data, overwrite=True)


def move_anchor_forward(path: Path, anchor: Anchor) -> Anchor:
    """Write `anchor` unless the file already records as many entries or more (another program on this
    computer, e.g. the command line beside the window, got there first); return what the file holds.

    The caller has checked that the chain up to `anchor` extends the stored one (`verify_since`).
    """
    current = read_anchor(path)
    if current is not None and current.count >= anchor.count:
        return current
    write_anchor(path, anchor)
    return anchor
