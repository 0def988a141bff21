"""Migration 0004: accounts, clinic settings and the audit chain; existing audit rows become a chain."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from intake_app.access.audit_chain import MAX_DETAIL_LENGTH, readable_entries, verify
from intake_app.storage import close_engine, create_database_engine, upgrade
from tests.reliability.helpers import database_at

OLD_ROWS = [
    ("2026-01-02 09:00:00.123456", "Reception 2", "patient.add", 1, None, ""),
    ("2026-01-02 09:01:00.000001", "", "intake.start", 1, 1, ""),
    ("2026-01-02 09:02:00", "Dr. Line\nBreak", "intake.red_flag_ack", 1, 1, ""),
    ("2026-01-02 09:03:00", "desk", "intake.export", None, None,
     "json: 900 intake(s): " + ",".join(str(n) for n in range(1, 1800, 2))),
]


def _old_database(tmp_path: Path) -> Path:
    path = database_at(tmp_path / "old.db", "0003")
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO audit_log (at, actor, action, patient_id, intake_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
            OLD_ROWS)
    connection.close()
    return path


def _rows(path: Path) -> list[dict[str, object]]:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in connection.execute("SELECT * FROM audit_log ORDER BY id")]
    finally:
        connection.close()


def test_existing_audit_rows_become_a_chain_that_verifies(tmp_path: Path) -> None:
    path = _old_database(tmp_path)
    engine = create_database_engine(f"sqlite:///{path}")
    assert upgrade(engine) is True
    assert {"accounts", "access_secrets", "clinic_settings", "audit_head"} <= set(inspect(engine).get_table_names())
    close_engine(engine)
    rows = _rows(path)
    for row in rows:  # sqlite3 hands back text; the chain reads datetimes as storage does
        import datetime as dt

        row["at"] = dt.datetime.fromisoformat(str(row["at"]))
    report = verify(readable_entries(rows))
    assert report.ok, report.message
    assert report.count == len(OLD_ROWS)
    assert [r["seq"] for r in rows] == [1, 2, 3, 4]
    assert [r["who"] for r in rows[:3]] == ["Reception 2", "desk", "Dr. Line Break"]  # actor kept as who
    assert rows[0]["at"].microsecond == 123456  # type: ignore[union-attr]
    detail = str(rows[3]["detail"])
    assert len(detail) <= MAX_DETAIL_LENGTH and detail.endswith(",...")  # cut after a whole id
    assert detail.startswith("json: 900 intake(s): 1,3,5")
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT seq, hash FROM audit_head").fetchone() == (4, rows[3]["entry_hash"])
    connection.close()


def test_an_empty_audit_log_gets_an_empty_head(tmp_path: Path) -> None:
    path = database_at(tmp_path / "empty.db", "0003")
    engine = create_database_engine(f"sqlite:///{path}")
    upgrade(engine)
    close_engine(engine)
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT id, seq, hash FROM audit_head").fetchall() == [(1, 0, "0" * 64)]
    connection.close()
