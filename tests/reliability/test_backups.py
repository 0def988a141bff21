"""Issue 12 item 6: verified online backups with a rotation and a manifest; restore checks the backup,
needs every desk closed and keeps the replaced database; PostgreSQL is pointed to pg_dump."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from intake_app.cli import main
from intake_app.domain import parse_document
from intake_app.errors import StorageError
from intake_app.services import Clinic
from intake_app.storage import default_database_path
from intake_app.storage.backup import KEEP_DAILY, KEEP_WEEKLY, backup_files, backup_sqlite
from tests.conftest import signed_in_clinic, synthetic_document


def add_patients(clinic: Clinic, count: int) -> list[int]:
    patient = parse_document(synthetic_document()).patient
    return [clinic.register_patient(patient).id for _ in range(count)]


def rows(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def patient_data(path: Path) -> list[tuple[Any, ...]]:
    """Every row of the patient-data tables (a refused restore changes none; signing in to try it adds
    audit entries, as it should)."""
    connection = sqlite3.connect(path)
    try:
        return [row for table in ("patients", "intakes", "assessments", "recalls")
                for row in connection.execute(f"SELECT * FROM {table} ORDER BY id")]
    finally:
        connection.close()


def test_backup_writes_a_verified_file_in_the_data_folder_with_a_manifest(
    capsys: pytest.CaptureFixture[str], cli_as: Callable[[Any, str], None],
) -> None:
    clinic = signed_in_clinic(None)
    add_patients(clinic, 3)
    clinic.close()
    cli_as(None, "administrator")
    assert main(["backup"]) == 0
    out = capsys.readouterr().out
    folder = default_database_path().parent / "backups"
    (backup,) = backup_files(folder)
    assert re.fullmatch(r"intake-\d{8}-\d{6}\.db", backup.name)
    assert str(backup) in out and "checked" in out
    assert rows(backup, "patients") == 3
    connection = sqlite3.connect(backup)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    manifest = json.loads((folder / "manifest.json").read_text())
    (entry,) = manifest["backups"]
    assert entry["file"] == backup.name and entry["rows"]["patients"] == 3
    assert entry["sqlite_version"] == sqlite3.sqlite_version and len(entry["sha256"]) == 64
    connection = sqlite3.connect(backup)
    head = connection.execute("SELECT seq, hash FROM audit_head").fetchone()
    connection.close()
    assert (entry["audit_entries"], entry["audit_head"]) == head and head[0] > 0  # the anchor as backed up


def test_backup_into_a_chosen_folder(tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str],
                                     cli_as: Callable[[Any, str], None]) -> None:
    cli_as(database_url, "administrator")
    assert main(["--database", database_url, "backup", str(tmp_path / "usb")]) == 0
    assert len(backup_files(tmp_path / "usb")) == 1


def test_the_default_folder_keeps_7_daily_and_4_weekly_backups(clinic: Clinic) -> None:
    start = dt.datetime(2026, 9, 1, 9, 0, 0)
    for day in range(40):
        for hour in (9, 17) if day >= 36 else (17,):  # two a day at the end: only the newest stays
            backup_sqlite(clinic.repository.engine, now=start + dt.timedelta(days=day, hours=hour - 9))
    folder = Path(clinic.describe_database().removeprefix("sqlite:///")).parent / "backups"
    kept = backup_files(folder)
    stamps = [dt.datetime.strptime(p.name[7:22], "%Y%m%d-%H%M%S") for p in kept]
    days = sorted({s.date() for s in stamps}, reverse=True)
    last = start + dt.timedelta(days=39)
    assert days[:KEEP_DAILY] == [(last - dt.timedelta(days=n)).date() for n in range(KEEP_DAILY)]
    assert all(s.hour == 17 for s in stamps)  # the newest of each day
    weeks = {tuple(s.isocalendar())[:2] for s in stamps}
    assert len(weeks) == KEEP_WEEKLY
    assert len(kept) <= KEEP_DAILY + KEEP_WEEKLY
    manifest = json.loads((folder / "manifest.json").read_text())
    assert sorted(e["file"] for e in manifest["backups"]) == sorted(p.name for p in kept)


def test_daily_backup_happens_once_a_day(clinic: Clinic) -> None:
    first = clinic.daily_backup()
    assert first is not None and first.is_file()
    assert clinic.daily_backup() is None
    assert clinic.daily_backup(today=dt.date.today() + dt.timedelta(days=1)) is not None


def test_postgresql_backups_point_to_pg_dump() -> None:
    engine: Any = SimpleNamespace(url=make_url("postgresql+psycopg://desk@server/intake"),
                                  dialect=SimpleNamespace(name="postgresql"))
    with pytest.raises(StorageError, match="pg_dump"):
        backup_sqlite(engine)


def test_restore_refuses_while_a_desk_has_the_database_open(
    clinic: Clinic, admin_clinic: Clinic, database_url: str, capsys: pytest.CaptureFixture[str],
    cli_as: Callable[[Any, str], None],
) -> None:
    backup = admin_clinic.backup()
    admin_clinic.close()
    cli_as(database_url, "administrator")
    add_patients(clinic, 2)
    path = Path(database_url.removeprefix("sqlite:///"))
    clinic.repository.engine.dispose()
    before = patient_data(path)
    assert main(["--database", database_url, "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "open at another desk" in err and "nothing was changed" in err
    assert patient_data(path) == before


def test_restore_checks_the_backup_first(tmp_path: Path, clinic: Clinic, database_url: str,
                                         capsys: pytest.CaptureFixture[str],
                                         cli_as: Callable[[Any, str], None]) -> None:
    clinic.close()
    cli_as(database_url, "administrator")
    path = Path(database_url.removeprefix("sqlite:///"))
    before = patient_data(path)
    for name, content in (("empty.db", b""), ("text.db", b"not a database" * 100)):
        bad = tmp_path / name
        bad.write_bytes(content)
        assert main(["--database", database_url, "restore", str(bad)]) == 1
    assert main(["--database", database_url, "restore", str(tmp_path / "missing.db")]) == 1
    assert patient_data(path) == before


def test_restore_keeps_the_replaced_database(clinic: Clinic, admin_clinic: Clinic, database_url: str,
                                            capsys: pytest.CaptureFixture[str],
                                            cli_as: Callable[[Any, str], None]) -> None:
    add_patients(clinic, 2)
    backup = admin_clinic.backup()
    add_patients(clinic, 3)
    clinic.close()
    admin_clinic.close()
    cli_as(database_url, "administrator")
    assert main(["--database", database_url, "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    aside = Path(out.split("kept as ")[1].strip())
    assert rows(aside, "patients") == 5  # the replaced database, whole, with its WAL folded in
    reopened = signed_in_clinic(database_url)
    assert reopened.count_patients() == 2
    reopened.close()


def test_a_backup_taken_during_writes_restores_every_committed_intake(
    clinic: Clinic, admin_clinic: Clinic, database_url: str, cli_as: Callable[[Any, str], None]
) -> None:
    patient = parse_document(synthetic_document()).patient
    committed: list[tuple[int, dict[str, Any]]] = []
    stop = threading.Event()
    enough = threading.Event()
    failures: list[BaseException] = []

    def write() -> None:
        try:
            n = 0
            while not stop.is_set():
                record = clinic.register_patient(patient)
                draft = clinic.start_intake(record.id)
                answers = dict(draft.document.answers) | {"pain_score_0_10": n % 11, "duration_days": n}
                clinic.save_draft(draft.id, answers, draft.document.visit_date, expected_version=draft.row_version)
                committed.append((draft.id, answers))
                n += 1
                if n >= 30:
                    enough.set()
        except BaseException as exc:  # reported by the test
            failures.append(exc)
            enough.set()

    writer = threading.Thread(target=write)
    writer.start()
    assert enough.wait(60)
    before_backup = list(committed)
    backup = admin_clinic.backup()
    after = len(committed)
    enough.clear()
    while len(committed) < after + 20 and not failures:
        threading.Event().wait(0.01)
    stop.set()
    writer.join()
    assert failures == []
    clinic.close()
    admin_clinic.close()
    cli_as(database_url, "administrator")
    assert main(["--database", database_url, "restore", str(backup)]) == 0
    restored = signed_in_clinic(database_url)
    for intake_id, answers in before_backup:
        assert dict(restored.intake(intake_id).document.answers) == answers
    assert rows(backup, "intakes") >= len(before_backup)
    restored.close()
