"""`intake-app` with no command (or `gui`): the window, which asks for a sign-in itself."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from intake_app.cli.common import EXIT_BAD_INPUT, err

if TYPE_CHECKING:
    import argparse


def configure(parser: argparse.ArgumentParser, command: str) -> None:
    parser.set_defaults(func=cmd_gui)


def display_available() -> bool:
    """False when Qt would abort for lack of a display (Linux/BSD with no X11 or Wayland, no platform chosen)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(args: argparse.Namespace) -> int:
    if not display_available():
        err("No display found: the Foot & Leg Intake window needs a graphical desktop.")
        err("To run without a screen set QT_QPA_PLATFORM=offscreen (for tests), or use the commands in "
            "'intake-app --help' (assess, report, import, export).")
        return EXIT_BAD_INPUT
    from intake_app.gui.app import run

    return int(run(database_url=args.database))
