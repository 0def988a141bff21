"""Issue 14 target 2: the audit anchor is moved off the save path, and an anchor left behind is caught up.

A draft save used to check the entries since this computer's anchor and rewrite the anchor file (an
fsync) on the saving thread after a pause: 3-4 ms of every autosave. Now a background thread does it (at
most once per ANCHOR_INTERVAL). If the program stops before that thread moved the anchor, the next open
checks the chain since the anchor and moves it forward, as it does for other desks' entries; a chain
broken meanwhile is still found.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

from intake_app.access.anchor import read_anchor
from intake_app.access.audit_chain import verify
from intake_app.services import Clinic, audit_trail
from intake_app.services.audit_trail import AnchorKeeper
from tests.conftest import fast_passwords, signed_in_clinic

REPOSITORY = Path(__file__).resolve().parents[2]


def _head(url: str) -> tuple[int, str]:
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        newest = "SELECT seq, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1"
        seq, entry_hash = connection.execute(newest).fetchone()
        return int(seq), str(entry_hash)
    finally:
        connection.close()


def test_a_draft_save_leaves_the_anchor_to_a_background_thread(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_trail, "ANCHOR_INTERVAL", 0.0)
    clinic = signed_in_clinic(database_url, "clinician")
    try:
        patient = clinic.register_patient(clinic.check_patient(_patient()))
        record = clinic.start_intake(patient.id)
        moved = threading.Event()
        movers: list[threading.Thread] = []
        original = AnchorKeeper.catch_up

        def catch_up(keeper: AnchorKeeper, upto: int | None = None) -> None:
            original(keeper, upto)
            movers.append(threading.current_thread())
            moved.set()

        monkeypatch.setattr(AnchorKeeper, "catch_up", catch_up)
        saved = clinic.save_draft(record.id, {"onset": "gradual"}, record.document.visit_date)
        assert moved.wait(30), "the anchor was never moved after the save"
        assert movers and all(thread is not threading.main_thread() for thread in movers)
        # The background move reaches the entry the save wrote (stop: waits for a move under way).
        head = _head(database_url)
        clinic._anchors.stop()
        anchor = read_anchor(clinic._anchors.path)
        assert anchor is not None and (anchor.count, anchor.head_hash) == head
        assert saved.row_version == record.row_version + 1
    finally:
        clinic.close()


def test_the_anchor_is_current_after_close(database_url: str) -> None:
    clinic = signed_in_clinic(database_url, "clinician")
    patient = clinic.register_patient(clinic.check_patient(_patient()))
    record = clinic.start_intake(patient.id)
    for score in range(3):
        record = clinic.save_draft(record.id, {"pain_score_0_10": score}, record.document.visit_date,
                                   expected_version=record.row_version)
    path = clinic._anchors.path
    clinic.close()
    anchor = read_anchor(path)
    assert anchor is not None and (anchor.count, anchor.head_hash) == _head(database_url)


def _crashing_saver(database_url: str) -> str:
    """A program that saves drafts and dies (os._exit: no close, no clean-up, threads killed) before the
    background thread could move the anchor (its interval is an hour here)."""
    return textwrap.dedent(f"""
        import os
        from intake_app.services import audit_trail
        from tests.conftest import signed_in_clinic
        from tests.access.test_anchor_follows import _patient

        audit_trail.ANCHOR_INTERVAL = 3600.0
        clinic = signed_in_clinic({database_url!r}, "clinician")
        patient = clinic.register_patient(clinic.check_patient(_patient()))
        record = clinic.start_intake(patient.id)
        for score in range(4):
            record = clinic.save_draft(record.id, {{"pain_score_0_10": score}}, record.document.visit_date,
                                       expected_version=record.row_version)
        print(clinic._anchors.path, flush=True)
        os._exit(0)
    """)


def _run(script: str) -> str:
    done = subprocess.run([sys.executable, "-c", script], cwd=REPOSITORY, env=dict(os.environ),
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def test_an_anchor_left_behind_by_a_crash_is_caught_up_at_the_next_open(database_url: str) -> None:
    path = Path(_run(_crashing_saver(database_url)))
    before = read_anchor(path)
    head = _head(database_url)
    assert before is not None and before.count < head[0], "the saves themselves moved the anchor"
    reopened = Clinic.open(database_url, passwords=fast_passwords())
    try:
        assert reopened._anchors.problem is None and reopened._anchors.unreadable is None
        after = read_anchor(path)
        assert after is not None and (after.count, after.head_hash) == head
        assert verify(reopened.repository.iter_audit(), after).ok
    finally:
        reopened.close()


def test_an_entry_edited_after_a_crash_left_the_anchor_behind_is_found_at_the_next_open(database_url: str) -> None:
    path = Path(_run(_crashing_saver(database_url)))
    before = read_anchor(path)
    assert before is not None
    last = _head(database_url)[0]
    connection = sqlite3.connect(database_url.removeprefix("sqlite:///"))
    with connection:
        connection.execute("UPDATE audit_log SET detail = 'x' WHERE seq = ?", (last,))
    connection.close()
    reopened = Clinic.open(database_url, passwords=fast_passwords())
    try:
        assert reopened._anchors.problem is not None and reopened._anchors.problem.first_bad == last
        assert read_anchor(path) == before  # never moved onto the broken chain
    finally:
        reopened.close()


def _patient() -> Any:
    from intake_app.domain import Patient

    return Patient("Testperson", "Anchor", dt.date(1970, 1, 2), "female", "555 0100", "")


def test_a_database_closed_without_the_clinic_is_left_alone_by_the_anchor_thread(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine disposed behind the clinic's back (some callers do): the waiting anchor thread must not
    open a connection on it afterwards (nobody would close it); the next open catches the anchor up."""
    monkeypatch.setattr(audit_trail, "ANCHOR_INTERVAL", 0.5)
    clinic = signed_in_clinic(database_url, "clinician")
    patient = clinic.register_patient(clinic.check_patient(_patient()))
    record = clinic.start_intake(patient.id)
    clinic.save_draft(record.id, {"onset": "gradual"}, record.document.visit_date, expected_version=record.row_version)
    thread = clinic._anchors._thread
    engine = clinic.repository.engine
    engine.dispose()
    assert thread is not None
    thread.join(30)
    assert not thread.is_alive()
    assert engine.pool.checkedin() == 0 and engine.pool.checkedout() == 0
    anchor = read_anchor(clinic._anchors.path)
    assert anchor is not None and anchor.count < _head(database_url)[0]
    engine.dispose()
    reopened = Clinic.open(database_url, passwords=fast_passwords())
    try:
        after = read_anchor(reopened._anchors.path)
        assert after is not None and (after.count, after.head_hash) == _head(database_url)
    finally:
        reopened.close()
