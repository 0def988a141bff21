"""Issue 12 item 4: exports, PDFs and the journal are written atomically; a symlink at the target is
never followed and an existing file is never silently overwritten (a new name or --overwrite)."""

from __future__ import annotations

import datetime as dt
import errno
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from intake_app import files
from intake_app.cli import main
from intake_app.errors import IntakeError
from tests.conftest import synthetic_document


@pytest.fixture
def stored(tmp_path: Path, database_url: str, cli_as: Callable[[str, str], None]) -> str:
    cli_as(database_url, "clinician")
    source = tmp_path / "in.json"
    source.write_text(json.dumps([synthetic_document(), synthetic_document(pain_score_0_10=4)]), encoding="utf-8")
    assert main(["--database", database_url, "import", str(source)]) == 0
    return database_url


def fill_the_disk_after(monkeypatch: pytest.MonkeyPatch, calls: int) -> None:
    real_write = files.os.write
    count = {"n": 0}

    def write(fd: int, data: Any) -> int:
        count["n"] += 1
        if count["n"] > calls:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data)[:16])

    monkeypatch.setattr(files.os, "write", write)


def test_export_never_follows_a_symlink_planted_in_the_folder(
    tmp_path: Path, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (out / "intake-000001.json").symlink_to(victim)
    for extra in ([], ["--overwrite"]):
        code = main(["--database", stored, "export", "--out", str(out), *extra])
        assert code == 1
        assert victim.read_text() == "precious"
    assert "symbolic link" in capsys.readouterr().err


def test_earlier_exports_are_not_overwritten_without_overwrite(
    tmp_path: Path, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["--database", stored, "export", "--out", str(out)]) == 0
    (out / "intake-000001.json").write_text("an earlier export, edited by hand")
    capsys.readouterr()
    assert main(["--database", stored, "export", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "already exist" in err and "--overwrite" in err
    assert (out / "intake-000001.json").read_text() == "an earlier export, edited by hand"
    assert main(["--database", stored, "export", "--out", str(out), "--overwrite"]) == 0
    assert json.loads((out / "intake-000001.json").read_text())["format"] == "intake-document/1"


def test_a_full_disk_during_export_leaves_no_empty_or_partial_file(
    tmp_path: Path, stored: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    fill_the_disk_after(monkeypatch, 1)
    assert main(["--database", stored, "export", "--out", str(out)]) == 1
    assert "disk is full" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_a_full_disk_during_report_leaves_no_truncated_pdf(
    tmp_path: Path, full_document: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(full_document), encoding="utf-8")
    fill_the_disk_after(monkeypatch, 2)
    target = tmp_path / "referral.pdf"
    assert main(["report", str(source), "--referral", str(target)]) == 1
    assert "disk is full" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_report_never_overwrites_or_follows_without_being_told(
    tmp_path: Path, full_document: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(full_document), encoding="utf-8")
    earlier = tmp_path / "referral.pdf"
    earlier.write_bytes(b"an earlier letter")
    assert main(["report", str(source), "--referral", str(earlier)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert earlier.read_bytes() == b"an earlier letter"
    assert main(["report", str(source), "--referral", str(earlier), "--overwrite"]) == 0
    assert earlier.read_bytes().startswith(b"%PDF")
    victim = tmp_path / "victim"
    victim.write_text("precious")
    link = tmp_path / "handout.pdf"
    link.symlink_to(victim)
    assert main(["report", str(source), "--handout", str(link), "--overwrite"]) == 1
    assert victim.read_text() == "precious"


def test_the_journal_never_follows_a_symlink(tmp_path: Path) -> None:
    from intake_app.recovery import RecoveryJournal

    journal = RecoveryJournal(tmp_path / "recovery")
    journal.write(1, dt.date(2026, 1, 2), {"pain_score_0_10": 1})
    victim = tmp_path / "victim"
    victim.write_text("precious")
    (tmp_path / "recovery" / "intake-2.json").symlink_to(victim)
    with pytest.raises(IntakeError, match="symbolic link"):
        journal.write(2, dt.date(2026, 1, 2), {"pain_score_0_10": 2})
    assert victim.read_text() == "precious"
    assert [d.intake_id for d in journal.pending()] == [1]
