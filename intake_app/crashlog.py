"""Local crash log for unexpected errors. Nothing is sent anywhere.

Exception messages can carry patient details (a name inside a KeyError, say), so only the
exception type and the code locations are written, never the message or any variable.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import traceback
from pathlib import Path
from types import TracebackType

from intake_app import __version__

ENV_LOG_DIR = "INTAKE_APP_LOG_DIR"


def log_dir() -> Path:
    override = os.environ.get(ENV_LOG_DIR)
    if override:
        return Path(override)
    from platformdirs import user_log_path

    return user_log_path("intake-app", appauthor=False)


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """A privacy-safe description: type and stack locations, no message, no values."""
    lines = [
        f"time: {dt.datetime.now().isoformat(timespec='seconds')}",
        f"intake-app {__version__}, Python {platform.python_version()}, {platform.system()} {platform.release()}",
        f"error type: {exc_type.__module__}.{exc_type.__qualname__}",
        "(the error message is not recorded: it may contain patient details)",
        "stack:",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_crash_log(exc_type: type[BaseException], tb: TracebackType | None) -> Path | None:
    """Append one entry to crash.log (folder 0700, file 0600, a symlink there is never followed);
    returns its path, or None when even that failed."""
    from intake_app.errors import IntakeError
    from intake_app.files import FILE_MODE, private_dir

    try:
        folder = private_dir(log_dir())
        path = folder / "crash.log"
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags, FILE_MODE)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, FILE_MODE)
            os.write(fd, (describe(exc_type, tb) + "\n").encode("utf-8"))
        finally:
            os.close(fd)
        return path
    except (OSError, IntakeError):
        return None
