"""Issue 12 item 1: folders 0700 and every file holding patient data 0600, whatever the umask (here the
usual 022): the database and its side files, the journal, exports, PDFs, backups and the crash log."""

from __future__ import annotations

import datetime as dt
import grp
import json
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from intake_app.cli import main
from intake_app.services import Clinic
from intake_app.storage import close_engine, create_database_engine, default_database_path, upgrade
from tests.conftest import signed_in_clinic, synthetic_document

pytestmark = pytest.mark.usefixtures("umask_022")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_the_default_database_its_side_files_and_folder_are_private(full_document: dict[str, Any]) -> None:
    clinic = signed_in_clinic(None)  # type: ignore[arg-type]
    from intake_app.domain import parse_document

    clinic.register_patient(parse_document(full_document).patient)  # a write: the WAL now holds patient data
    path = default_database_path()
    assert mode(path.parent) == 0o700
    for name in ("intake.db", "intake.db-wal", "intake.db-shm", "intake.db.lock"):
        assert mode(path.parent / name) == 0o600, name
    clinic.close()


def test_an_existing_data_folder_is_tightened() -> None:
    folder = default_database_path().parent
    folder.mkdir(parents=True)
    os.chmod(folder, 0o755)
    Clinic.open().close()
    assert mode(folder) == 0o700


def test_backups_and_their_manifest_are_private(admin_clinic: Clinic) -> None:
    backup = admin_clinic.backup()
    assert mode(backup.parent) == 0o700
    assert mode(backup) == 0o600
    assert mode(backup.parent / "manifest.json") == 0o600


def test_the_recovery_journal_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from intake_app.recovery import RecoveryJournal

    monkeypatch.setenv("INTAKE_APP_STATE_DIR", str(tmp_path / "state"))
    journal = RecoveryJournal()
    journal.write(7, dt.date(2026, 1, 2), {"pain_score_0_10": 3})
    assert mode(journal.folder) == 0o700
    assert mode(journal.folder / "intake-7.json") == 0o600
    assert [d.answers for d in journal.pending()] == [{"pain_score_0_10": 3}]


def test_the_crash_log_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from intake_app.crashlog import write_crash_log

    monkeypatch.setenv("INTAKE_APP_LOG_DIR", str(tmp_path / "logs"))
    try:
        raise KeyError("Testperson")
    except KeyError:
        info = sys.exc_info()
        path = write_crash_log(info[0], info[2])  # type: ignore[arg-type]
    assert path is not None
    assert mode(path.parent) == 0o700 and mode(path) == 0o600
    assert "Testperson" not in path.read_text()


def test_a_symlink_in_place_of_the_crash_log_is_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from intake_app.crashlog import write_crash_log

    logs = tmp_path / "logs"
    logs.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("precious")
    (logs / "crash.log").symlink_to(victim)
    monkeypatch.setenv("INTAKE_APP_LOG_DIR", str(logs))
    assert write_crash_log(KeyError, None) is None
    assert victim.read_text() == "precious"


def test_exports_are_private(tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str],
                             cli_as: Callable[[str, str], None]) -> None:
    cli_as(database_url, "clinician")
    source = tmp_path / "in.json"
    source.write_text(json.dumps(synthetic_document()), encoding="utf-8")
    assert main(["--database", database_url, "import", str(source)]) == 0
    out = tmp_path / "exports"
    assert main(["--database", database_url, "export", "--out", str(out)]) == 0
    assert mode(out) == 0o700
    files = list(out.iterdir())
    assert files and all(mode(f) == 0o600 for f in files)


def test_report_pdfs_are_private(tmp_path: Path, full_document: dict[str, Any]) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(full_document), encoding="utf-8")
    referral, handout = tmp_path / "r.pdf", tmp_path / "h.pdf"
    assert main(["report", str(source), "--referral", str(referral), "--handout", str(handout)]) == 0
    assert mode(referral) == 0o600 and mode(handout) == 0o600


def test_a_shared_group_gives_the_database_and_side_files_0660(tmp_path: Path) -> None:
    group = grp.getgrgid(os.getgid()).gr_name
    folder = tmp_path / "shared"
    folder.mkdir()
    engine = create_database_engine(f"sqlite:///{folder / 'intake.db'}", group=group)
    upgrade(engine)
    close_engine(engine)
    for name in ("intake.db", "intake.db.lock"):
        assert mode(folder / name) == 0o660, name
        assert (folder / name).stat().st_gid == os.getgid()
