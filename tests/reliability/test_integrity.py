"""Issue 12 item 5: a quick integrity check at start and before every backup; empty, foreign and damaged
files get a clear message and are never changed; versions on show; one connection per process; no
database on a network share."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from intake_app.cli import main
from intake_app.errors import StorageError
from intake_app.services import Clinic
from intake_app.storage import safety
from intake_app.storage.backup import backup_files
from tests.conftest import signed_in_clinic, synthetic_document
from tests.reliability.helpers import fingerprint


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


@pytest.mark.parametrize("command", [["export"], ["db", "upgrade"], ["backup"], ["recall"]])
def test_an_empty_file_is_refused_and_left_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = tmp_path / "intake.db"
    path.write_bytes(b"")
    code, err = run(capsys, "--database", f"sqlite:///{path}", *command)
    assert code == 1
    assert "is empty (0 bytes)" in err and "nothing was changed" in err
    assert path.read_bytes() == b""
    assert side_files(path) == []


def test_a_file_of_another_kind_is_refused_and_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the pages of a database\n" * 200)
    before = fingerprint(path)
    code, err = run(capsys, "--database", f"sqlite:///{path}", "db", "upgrade")
    assert code == 1 and "not an intake database" in err
    assert fingerprint(path) == before


def test_another_programs_database_is_refused_and_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "contacts.db"
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('someone')")
    connection.close()
    before = fingerprint(path)
    code, err = run(capsys, "--database", f"sqlite:///{path}", "db", "upgrade")
    assert code == 1 and "database of another program" in err
    assert fingerprint(path) == before
    assert side_files(path) == []


def damage(path: Path) -> None:
    """Overwrite the b-tree page header of a table page with garbage (a torn or rotten sector)."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'patients'").fetchone()[0]
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff")


def filled(tmp_path: Path, patients: int = 50) -> Path:
    path = tmp_path / "intake.db"
    clinic = signed_in_clinic(f"sqlite:///{path}")
    from intake_app.domain import parse_document

    patient = parse_document(synthetic_document()).patient
    for _ in range(patients):
        clinic.register_patient(patient)
    clinic.close()
    return path


@pytest.mark.parametrize("command", [["db", "upgrade"], ["export"], ["backup"]])
def test_a_damaged_database_is_refused_and_never_repaired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], cli_as: Callable[[str, str], None]
) -> None:
    path = filled(tmp_path)
    cli_as(f"sqlite:///{path}", "administrator")
    damage(path)
    before = fingerprint(path)
    code, err = run(capsys, "--database", f"sqlite:///{path}", *command)
    assert code == 1
    assert "damaged" in err and "nothing was changed" in err and "already up to date" not in err
    assert fingerprint(path) == before
    assert backup_files(path.parent / "backups") == []


def test_the_integrity_check_runs_again_before_every_backup(tmp_path: Path) -> None:
    path = filled(tmp_path)
    clinic = signed_in_clinic(f"sqlite:///{path}", "administrator")
    assert clinic.backup().is_file()
    clinic.repository.engine.dispose()  # the file goes bad while the program is running
    damage(path)
    with pytest.raises(StorageError, match="damaged"):
        clinic.backup()
    assert len(backup_files(path.parent / "backups")) == 1
    clinic.close()


def test_version_shows_app_questionnaire_rules_and_sqlite(capsys: pytest.CaptureFixture[str]) -> None:
    from intake_app import __version__
    from intake_app.domain.questionnaire import DEFAULT_QUESTIONNAIRE
    from intake_app.screening import RULES_VERSION

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for expected in (__version__, DEFAULT_QUESTIONNAIRE, RULES_VERSION, f"SQLite library {sqlite3.sqlite_version}"):
        assert expected in out


def test_the_clinic_reports_its_sqlite_version_and_database(clinic: Clinic, database_url: str) -> None:
    assert clinic.sqlite_version() == sqlite3.sqlite_version
    assert clinic.describe_database() == database_url


def test_every_thread_of_a_program_uses_the_one_connection(clinic: Clinic) -> None:
    engine = clinic.repository.engine
    seen: set[int] = set()

    def checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        seen.add(id(dbapi_connection))

    event.listen(engine, "checkout", checkout)
    from intake_app.domain import parse_document

    patient = parse_document(synthetic_document()).patient
    failures: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(20):
                record = clinic.register_patient(patient)
                draft = clinic.start_intake(record.id)
                clinic.save_draft(draft.id, dict(draft.document.answers), draft.document.visit_date,
                                  expected_version=draft.row_version)
                clinic.search_patients("testp")
        except BaseException as exc:  # collected and reported by the test
            failures.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(seen) == 1
    assert clinic.count_patients() == 120


def mounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    table = tmp_path / "mounts"
    table.write_text("/dev/vda / ext4 rw 0 0\n" + line + "\n")
    monkeypatch.setattr(safety, "PROC_MOUNTS", table)


@pytest.mark.parametrize("kind", ["nfs4", "cifs", "smb3", "fuse.sshfs", "9p"])
def test_a_database_on_a_network_share_is_refused_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    share = tmp_path / "clinic share"
    share.mkdir()
    escaped = str(share).replace(" ", "\\040")
    mounts(tmp_path, monkeypatch, f"server:/export {escaped} {kind} rw 0 0")
    with pytest.raises(StorageError, match=f"network share \\({kind}\\)") as refused:
        Clinic.open(f"sqlite:///{share / 'intake.db'}")
    assert "PostgreSQL" in str(refused.value)
    assert not (share / "intake.db").exists()


def test_a_local_disk_below_a_share_mount_point_is_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mounts(tmp_path, monkeypatch, f"server:/export {tmp_path / 'elsewhere'} nfs rw 0 0")
    Clinic.open(f"sqlite:///{tmp_path / 'intake.db'}").close()


def test_a_windows_network_path_is_refused() -> None:
    with pytest.raises(StorageError, match="network share"):
        safety.refuse_network_share(Path("//server/share/intake"))
