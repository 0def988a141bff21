"""The anchor file: in the state folder, one per database, written atomically 0600, never trusted blindly."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from intake_app.access.anchor import (
    AnchorUnreadable,
    anchor_path,
    database_key,
    move_anchor_forward,
    read_anchor,
    state_dir,
    write_anchor,
)
from intake_app.access.audit_chain import Anchor

HEAD = "ab" * 32
URL = "postgresql+psycopg://clinic:s3cret-pw@db.local/intake"


def test_the_anchor_lives_in_the_state_folder_named_without_the_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTAKE_APP_STATE_DIR", str(tmp_path / "state"))
    assert state_dir() == tmp_path / "state"
    path = anchor_path(URL)
    assert path.parent == tmp_path / "state" / "audit-anchors"
    assert "s3cret" not in str(path) and "db.local" not in str(path)
    assert path.name == f"{database_key(URL)}.json"
    assert anchor_path("sqlite:///a.db") != anchor_path("sqlite:///b.db")


def test_write_then_read_private_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "state" / "audit-anchors" / "x.json"
    old = os.umask(0o022)
    try:
        write_anchor(path, Anchor(3, HEAD))
        write_anchor(path, Anchor(4, HEAD))  # replaced, not refused
    finally:
        os.umask(old)
    assert read_anchor(path) == Anchor(4, HEAD)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert URL not in path.read_text()
    assert [p.name for p in path.parent.iterdir()] == ["x.json"]  # no temporary files left behind


def test_no_anchor_yet_is_none(tmp_path: Path) -> None:
    assert read_anchor(tmp_path / "missing.json") is None


def test_a_damaged_anchor_is_an_error_not_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    for content in [b"", b"{", b'{"format": "other"}', b'{"format": "intake-audit-anchor/1", "count": -1, "head": ""}',
                    b"\xff\xfe", b"x" * 5000]:
        path.write_bytes(content)
        path.chmod(0o600)
        with pytest.raises(AnchorUnreadable, match="audit anchor"):
            read_anchor(path)


def test_a_symlinked_or_world_writable_anchor_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    write_anchor(real, Anchor(1, HEAD))
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with pytest.raises(AnchorUnreadable, match="symbolic link"):
        read_anchor(link)
    with pytest.raises(Exception, match="symbolic link"):
        write_anchor(link, Anchor(2, HEAD))
    assert read_anchor(real) == Anchor(1, HEAD)
    real.chmod(0o666)
    with pytest.raises(AnchorUnreadable, match="changed by other users"):
        read_anchor(real)


def test_the_anchor_file_only_moves_forward(tmp_path: Path) -> None:
    path = tmp_path / "state" / "a.json"
    assert move_anchor_forward(path, Anchor(5, HEAD)) == Anchor(5, HEAD)
    other = "cd" * 32
    assert move_anchor_forward(path, Anchor(3, other)) == Anchor(5, HEAD)  # a slower program wrote later
    assert read_anchor(path) == Anchor(5, HEAD)
    assert move_anchor_forward(path, Anchor(6, other)) == Anchor(6, other)
