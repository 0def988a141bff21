"""Atomic, private file writes (intake_app/files.py) under umask 022."""

from __future__ import annotations

import errno
import grp
import os
import stat
from pathlib import Path

import pytest

from intake_app import files
from intake_app.errors import IntakeError
from intake_app.files import TargetExists, atomic_write_bytes, atomic_write_text, available_path, private_dir

pytestmark = pytest.mark.usefixtures("umask_022")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_new_file_is_0600_and_whole(tmp_path: Path) -> None:
    target = atomic_write_bytes(tmp_path / "a.pdf", b"%PDF-1.4 data")
    assert target.read_bytes() == b"%PDF-1.4 data"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]  # no temporary file left


def test_text_is_utf8(tmp_path: Path) -> None:
    target = atomic_write_text(tmp_path / "a.json", "Zoë\n")
    assert target.read_text(encoding="utf-8") == "Zoë\n"


def test_an_existing_file_is_never_silently_replaced(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_text("earlier export")
    with pytest.raises(TargetExists, match="already exists"):
        atomic_write_text(target, "new")
    assert target.read_text() == "earlier export"
    atomic_write_text(target, "new", overwrite=True)
    assert target.read_text() == "new"
    assert mode(target) == 0o600


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_symlink_at_the_target_is_never_followed(tmp_path: Path, overwrite: bool) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "out.json"
    link.symlink_to(victim)
    with pytest.raises(IntakeError, match="symbolic link"):
        atomic_write_text(link, "planted", overwrite=overwrite)
    assert victim.read_text() == "precious"
    assert link.is_symlink()


def test_a_dangling_symlink_is_refused_too(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    with pytest.raises(IntakeError, match="symbolic link"):
        atomic_write_text(link, "planted")
    assert not (tmp_path / "elsewhere.json").exists()


def test_a_full_disk_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the earlier, complete report")
    real_write = os.write
    calls = {"n": 0}

    def write_then_fill(fd: int, data: object) -> int:
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data)[:3])  # type: ignore[call-overload]

    monkeypatch.setattr(files.os, "write", write_then_fill)
    with pytest.raises(IntakeError, match="disk is full"):
        atomic_write_bytes(target, b"a long new report", overwrite=True)
    assert target.read_bytes() == b"the earlier, complete report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_available_path_picks_a_new_name(tmp_path: Path) -> None:
    (tmp_path / "a.db").write_text("")
    (tmp_path / "a-2.db").write_text("")
    assert available_path(tmp_path / "a.db") == tmp_path / "a-3.db"
    assert available_path(tmp_path / "b.db") == tmp_path / "b.db"


def test_private_dir_is_0700_whatever_the_umask_and_tightens_an_old_folder(tmp_path: Path) -> None:
    new = private_dir(tmp_path / "data" / "intake-app")
    assert mode(new) == 0o700
    old = tmp_path / "old"
    old.mkdir(mode=0o755)
    os.chmod(old, 0o755)
    private_dir(old)
    assert mode(old) == 0o700


def test_a_file_in_place_of_the_folder_is_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("")
    with pytest.raises(IntakeError, match="not a folder"):
        private_dir(tmp_path / "f")


def test_a_shared_group_gives_0770_folders_and_0660_files(tmp_path: Path) -> None:
    group = grp.getgrgid(os.getgid()).gr_name
    folder = private_dir(tmp_path / "shared", group=group)
    assert mode(folder) == 0o770
    target = atomic_write_bytes(folder / "x.db", b"x", group=group)
    assert mode(target) == 0o660
    assert target.stat().st_gid == os.getgid()
    assert files.private_file_mode(group) == 0o660 and files.private_file_mode() == 0o600


def test_an_unknown_group_is_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(IntakeError, match="does not exist"):
        private_dir(tmp_path / "x", group="no-such-group-here")
