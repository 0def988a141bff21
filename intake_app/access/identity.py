"""Who runs a command: the account name and password for the command line, never from an argument.

The name comes from `--user NAME` (a global option, before the command) or $INTAKE_APP_USER. The password
comes from a prompt when standard input is a terminal, else from the file named by
$INTAKE_APP_PASSWORD_FILE, which must be a regular file owned by the user running the command with no
group or other permission bits; its first line is the password (the line break is dropped). The
environment, the terminal test and the prompt are passed in, so tests need no terminal.
"""

from __future__ import annotations

import errno
import getpass
import os
import stat
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from intake_app.access.secret import MAX_PASSWORD_LENGTH, Secret
from intake_app.errors import IntakeError
from intake_app.translation_marks import QT_TRANSLATE_NOOP

ENV_USER = "INTAKE_APP_USER"
ENV_PASSWORD_FILE = "INTAKE_APP_PASSWORD_FILE"
ENV_NEW_PASSWORD_FILE = "INTAKE_APP_NEW_PASSWORD_FILE"
MAX_PASSWORD_FILE_BYTES = 4 * MAX_PASSWORD_LENGTH + 2

MAX_DESK_NAME = 100

Prompt = Callable[[str], str]


class IdentityMissing(IntakeError):
    """The command needs an account and none (or no password) was given. The CLI exits 1."""


class PasswordFileRefused(IntakeError):
    """The password file is missing, unsafe or empty. The message names the file, never its content."""


@dataclass(frozen=True)
class CliIdentity:
    name: str
    password: Secret


def desk_name(node: str | None = None) -> str:
    """Which desk an audit entry came from: this computer's network name (never a setting a user can
    edit), trimmed to what an audit entry holds; "unknown desk" when there is none."""
    import platform
    import unicodedata

    raw = platform.node() if node is None else node
    cleaned = "".join(c for c in raw if unicodedata.category(c)[0] not in ("C", "Z") or c == " ").strip()
    return cleaned[:MAX_DESK_NAME] or "unknown desk"


def resolve_user_name(option: str | None, env: Mapping[str, str]) -> str:
    """`--user NAME` beats $INTAKE_APP_USER; neither is a plain error."""
    for value in (option, env.get(ENV_USER)):
        if value is not None and value.strip():
            return value.strip()
    raise IdentityMissing(
        QT_TRANSLATE_NOOP(
            "IntakeError", "This command reads or changes patient data, so it must run as a staff account."
        ),
        hint=QT_TRANSLATE_NOOP("IntakeError", "Give --user NAME before the command, or set {env_user}."),
        params={"env_user": ENV_USER},
    )


def read_password_file(path_text: str) -> Secret:
    """The first line of a private password file (owned by us, no group/other bits), line break dropped."""
    if sys.platform == "win32":
        raise PasswordFileRefused(
            QT_TRANSLATE_NOOP(
                "IntakeError", "Password files are not supported on Windows (their privacy cannot be checked)."
            ),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Run the command in a terminal and type the password when asked."),
        )
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path_text, flags)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise PasswordFileRefused(QT_TRANSLATE_NOOP("IntakeError", "The password file {path_text} does not exist."),
                                      params={"path_text": path_text}) from None
        raise PasswordFileRefused(
            QT_TRANSLATE_NOOP("IntakeError", "The password file {path_text} cannot be read ({reason})."),
            params={"path_text": path_text, "reason": exc.strerror},
        ) from None

    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PasswordFileRefused(
                QT_TRANSLATE_NOOP("IntakeError", "The password file {path_text} is not a regular file."),
                params={"path_text": path_text},
            )
        if info.st_uid != os.geteuid():
            raise PasswordFileRefused(
                QT_TRANSLATE_NOOP("IntakeError", "The password file {path_text} belongs to another user."),
                hint=QT_TRANSLATE_NOOP("IntakeError", "It must belong to the account that runs the command."),
                params={"path_text": path_text},
            )
        if stat.S_IMODE(info.st_mode) & 0o077:
            raise PasswordFileRefused(
                QT_TRANSLATE_NOOP(
                    "IntakeError", "The password file {path_text} can be read or changed by other users."
                ),
                hint=QT_TRANSLATE_NOOP("IntakeError", "Make it private first: chmod 600 {path_text}"),
                params={"path_text": path_text},
            )
        data = os.read(fd, MAX_PASSWORD_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_PASSWORD_FILE_BYTES:
        raise PasswordFileRefused(
            QT_TRANSLATE_NOOP("IntakeError", "The password file {path_text} is too large to hold a password."),
            params={"path_text": path_text},
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PasswordFileRefused(
            QT_TRANSLATE_NOOP("IntakeError", "The password file {path_text} is not UTF-8 text."),
            params={"path_text": path_text},
        ) from None
    first = text.split("\n", 1)[0]
    first = first.removesuffix("\r")
    if not first:
        raise PasswordFileRefused(
            QT_TRANSLATE_NOOP("IntakeError", "The first line of the password file {path_text} is empty."),
            params={"path_text": path_text},
        )
    return Secret(first)


def read_password(
    env: Mapping[str, str], *, stdin_is_tty: bool, prompt: Prompt = getpass.getpass, name: str = ""
) -> Secret:
    """The signing-in account's password: a prompt on a terminal, else $INTAKE_APP_PASSWORD_FILE."""
    if stdin_is_tty:
        label = f"Password for {name}: " if name else "Password: "
        return _prompted(prompt, label)
    path = env.get(ENV_PASSWORD_FILE)
    if path:
        return read_password_file(path)
    raise IdentityMissing(
        QT_TRANSLATE_NOOP("IntakeError", "No password: standard input is not a terminal, so there is nobody to ask."),
        hint=QT_TRANSLATE_NOOP(
            "IntakeError", "Set {env_password_file} to a private file whose first line is the password."
        ),
        params={"env_password_file": ENV_PASSWORD_FILE},
    )


def read_new_password(
    env: Mapping[str, str], *, stdin_is_tty: bool, prompt: Prompt = getpass.getpass, first_account: bool = False,
    name: str = "",
) -> Secret:
    """The NEW account's password for `users add` (typed twice on a terminal), else
    $INTAKE_APP_NEW_PASSWORD_FILE; for the very first account also $INTAKE_APP_PASSWORD_FILE."""
    if stdin_is_tty:
        label = f"New password for {name}: " if name else "New password: "
        first = _prompted(prompt, label)
        again = _prompted(prompt, "Type it again: ")
        if first != again:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "The two passwords are not the same; nothing was changed.")
            )
        return first
    for var in (ENV_NEW_PASSWORD_FILE, *((ENV_PASSWORD_FILE,) if first_account else ())):
        path = env.get(var)
        if path:
            return read_password_file(path)
    where = ENV_NEW_PASSWORD_FILE + (f" (or {ENV_PASSWORD_FILE})" if first_account else "")
    raise IdentityMissing(
        QT_TRANSLATE_NOOP(
            "IntakeError",
            "No password for the new account: standard input is not a terminal, so there is nobody to ask.",
        ),
        hint=QT_TRANSLATE_NOOP("IntakeError", "Set {where} to a private file whose first line is the new password."),
        params={"where": where},
    )


def _prompted(prompt: Prompt, label: str) -> Secret:
    try:
        return Secret(prompt(label))
    except (EOFError, KeyboardInterrupt):
        raise IdentityMissing(QT_TRANSLATE_NOOP("IntakeError", "No password was typed; nothing was done.")) from None


def cli_identity(
    option: str | None, env: Mapping[str, str], *, stdin_is_tty: bool, prompt: Prompt = getpass.getpass
) -> CliIdentity:
    """The account name and password for a command that needs one."""
    name = resolve_user_name(option, env)
    return CliIdentity(name, read_password(env, stdin_is_tty=stdin_is_tty, prompt=prompt, name=name))


# Commands that never touch a database (no account needed), by their command path.
NO_DATABASE_COMMANDS = frozenset({"validate", "assess", "report"})
# The window asks for a sign-in itself.
WINDOW_COMMANDS = frozenset({"gui"})
# With no accounts in the database yet, these run without signing in (they create or prepare it).
FIRST_RUN_COMMANDS = frozenset({"users add", "db upgrade"})


def needs_sign_in(command: str, *, accounts_exist: bool) -> bool:
    """Does `command` ("export", "users add", "db upgrade", ...) need a sign-in on the command line?"""
    if command in NO_DATABASE_COMMANDS or command in WINDOW_COMMANDS:
        return False
    return not (command in FIRST_RUN_COMMANDS and not accounts_exist)
