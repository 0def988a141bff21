"""CLI identity: --user or $INTAKE_APP_USER; the password from a prompt on a terminal or a private file."""

from __future__ import annotations

import datetime as dt
import os
import platform
from collections.abc import Callable
from pathlib import Path

import pytest

from intake_app.access.audit_chain import AuditEvent
from intake_app.access.identity import (
    ENV_NEW_PASSWORD_FILE,
    ENV_PASSWORD_FILE,
    ENV_USER,
    IdentityMissing,
    PasswordFileRefused,
    cli_identity,
    desk_name,
    needs_sign_in,
    read_new_password,
    read_password,
    read_password_file,
    resolve_user_name,
)
from intake_app.access.passwords import Secret
from intake_app.errors import IntakeError

SECRET = "file password 123"


def answers(*typed: str) -> tuple[Callable[[str], str], list[str]]:
    """A prompt that answers from a list and remembers what it was asked."""
    asked: list[str] = []
    pending = list(typed)

    def prompt(label: str) -> str:
        asked.append(label)
        return pending.pop(0)

    return prompt, asked


def never_prompt(label: str) -> str:
    raise AssertionError("no prompt expected")


def password_file(tmp_path: Path, content: bytes, mode: int = 0o600, name: str = "pw") -> str:
    path = tmp_path / name
    path.write_bytes(content)
    path.chmod(mode)
    return str(path)


def test_the_option_beats_the_environment() -> None:
    assert resolve_user_name("ana", {ENV_USER: "ben"}) == "ana"
    assert resolve_user_name(None, {ENV_USER: " ben "}) == "ben"


def test_no_name_is_a_plain_error() -> None:
    with pytest.raises(IdentityMissing) as caught:
        resolve_user_name(None, {})
    assert "--user NAME" in str(caught.value) and ENV_USER in str(caught.value)
    with pytest.raises(IdentityMissing):
        resolve_user_name("  ", {ENV_USER: ""})


def test_a_terminal_is_prompted(tmp_path: Path) -> None:
    prompt, asked = answers("typed password")
    env = {ENV_PASSWORD_FILE: password_file(tmp_path, SECRET.encode())}
    assert read_password(env, stdin_is_tty=True, prompt=prompt, name="ana").reveal() == "typed password"
    assert asked == ["Password for ana: "]


@pytest.mark.parametrize("content", [SECRET.encode(), (SECRET + "\n").encode(), (SECRET + "\r\n").encode(),
                                     (SECRET + "\nsecond line\n").encode()])
def test_without_a_terminal_the_first_line_of_the_file(tmp_path: Path, content: bytes) -> None:
    env = {ENV_PASSWORD_FILE: password_file(tmp_path, content)}
    secret = read_password(env, stdin_is_tty=False, prompt=never_prompt)
    assert secret.reveal() == SECRET


def test_spaces_in_the_password_are_kept(tmp_path: Path) -> None:
    env = {ENV_PASSWORD_FILE: password_file(tmp_path, b"  padded password  \n")}
    assert read_password(env, stdin_is_tty=False).reveal() == "  padded password  "


def test_neither_terminal_nor_file_is_a_plain_error() -> None:
    with pytest.raises(IdentityMissing) as caught:
        read_password({}, stdin_is_tty=False, prompt=never_prompt)
    assert ENV_PASSWORD_FILE in str(caught.value)
    assert isinstance(caught.value, IntakeError)


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o620, 0o602, 0o660, 0o644, 0o601, 0o610])
def test_a_file_others_may_read_or_write_is_refused(tmp_path: Path, mode: int) -> None:
    path = password_file(tmp_path, SECRET.encode(), mode)
    with pytest.raises(PasswordFileRefused, match="other users") as caught:
        read_password_file(path)
    assert SECRET not in str(caught.value)
    assert "chmod 600" in str(caught.value)


def test_a_missing_empty_or_odd_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PasswordFileRefused, match="does not exist"):
        read_password_file(str(tmp_path / "nope"))
    with pytest.raises(PasswordFileRefused, match="empty"):
        read_password_file(password_file(tmp_path, b"\nsecond", name="empty"))
    with pytest.raises(PasswordFileRefused, match="not a regular file"):
        read_password_file(str(tmp_path))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo, 0o600)
    with pytest.raises(PasswordFileRefused, match="not a regular file"):
        read_password_file(str(fifo))  # opened without blocking
    with pytest.raises(PasswordFileRefused, match="not UTF-8"):
        read_password_file(password_file(tmp_path, b"\xff\xfe\n", name="binary"))
    with pytest.raises(PasswordFileRefused, match="too large"):
        read_password_file(password_file(tmp_path, b"x" * 10_000, name="big"))


def test_a_file_owned_by_someone_else_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = password_file(tmp_path, SECRET.encode())
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(path).st_uid + 1)
    with pytest.raises(PasswordFileRefused, match="another user"):
        read_password_file(path)


def test_cli_identity_puts_name_and_password_together(tmp_path: Path) -> None:
    env = {ENV_USER: "ana", ENV_PASSWORD_FILE: password_file(tmp_path, SECRET.encode())}
    identity = cli_identity(None, env, stdin_is_tty=False, prompt=never_prompt)
    assert identity.name == "ana"
    assert identity.password == Secret(SECRET)
    assert SECRET not in repr(identity)


def test_a_new_password_is_typed_twice_on_a_terminal() -> None:
    prompt, asked = answers("new password 123", "new password 123")
    assert read_new_password({}, stdin_is_tty=True, prompt=prompt, name="ben").reveal() == "new password 123"
    assert asked == ["New password for ben: ", "Type it again: "]
    prompt, _ = answers("new password 123", "new password 124")
    with pytest.raises(IntakeError, match="not the same"):
        read_new_password({}, stdin_is_tty=True, prompt=prompt)


def test_a_new_password_from_its_own_file(tmp_path: Path) -> None:
    env = {ENV_NEW_PASSWORD_FILE: password_file(tmp_path, b"the new one here\n", name="new"),
           ENV_PASSWORD_FILE: password_file(tmp_path, SECRET.encode())}
    assert read_new_password(env, stdin_is_tty=False).reveal() == "the new one here"


def test_the_first_account_may_take_its_password_from_the_sign_in_file(tmp_path: Path) -> None:
    env = {ENV_PASSWORD_FILE: password_file(tmp_path, SECRET.encode())}
    assert read_new_password(env, stdin_is_tty=False, first_account=True).reveal() == SECRET
    with pytest.raises(IdentityMissing, match=ENV_NEW_PASSWORD_FILE):
        read_new_password(env, stdin_is_tty=False, first_account=False)


def test_end_of_input_at_the_prompt_is_a_plain_error() -> None:
    def closed(label: str) -> str:
        raise EOFError

    with pytest.raises(IdentityMissing, match="No password was typed"):
        read_password({}, stdin_is_tty=True, prompt=closed)


@pytest.mark.parametrize(
    ("command", "accounts_exist", "needed"),
    [
        ("validate", True, False), ("assess", True, False), ("report", True, False), ("gui", True, False),
        ("export", True, True), ("import", False, True), ("users add", True, True), ("users add", False, False),
        ("db upgrade", True, True), ("db upgrade", False, False), ("demo-data", False, True),
        ("backup", True, True), ("restore", False, True), ("audit verify", True, True),
    ],
)
def test_which_commands_need_a_sign_in(command: str, accounts_exist: bool, needed: bool) -> None:
    assert needs_sign_in(command, accounts_exist=accounts_exist) is needed


def test_the_desk_is_the_computers_name_not_a_setting() -> None:
    assert desk_name("frontdesk-2") == "frontdesk-2"
    assert desk_name("") == "unknown desk"
    assert desk_name("desk\n\u202e1" + "x" * 200) == ("desk1" + "x" * 200)[:100]
    here = desk_name()
    assert here == desk_name(platform.node()) and here
    AuditEvent(at=dt.datetime.now(dt.UTC), who="a", action="session.sign_in", desk=here)  # always fits an entry
