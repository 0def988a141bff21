"""Shared helpers for the reliability tests: databases at a given schema, file fingerprints, child runs."""

from __future__ import annotations

import hashlib
import multiprocessing
import multiprocessing.context
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def database_at(path: Path, revision: str) -> Path:
    """A database migrated to `revision` (not the head), holding one synthetic patient and intake."""
    from alembic import command

    from intake_app.storage import close_engine, create_database_engine
    from intake_app.storage.database import _alembic_config

    engine = create_database_engine(f"sqlite:///{path}")
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    close_engine(engine)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO patients (id, family_name, given_name, family_fold, given_fold, date_of_birth, sex, phone,"
            " phone_digits, mrn, mrn_fold, created_at, updated_at) VALUES (1, 'Testperson', 'Alex', 'testperson',"
            " 'alex', '1980-01-15', 'female', '', '', 'SYN-1', 'syn-1', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
        connection.execute(
            "INSERT INTO intakes (id, patient_id, status, questionnaire, visit_date, answers, red_flags_not_asked,"
            " created_at, updated_at) VALUES (1, 1, 'draft', 'foot-leg-intake/1', '2026-01-02', '{\"age_years\": 45}',"
            " 0, '2026-01-02 00:00:00', '2026-01-02 00:00:00')"
        )
    connection.close()
    return path


def columns(path: Path, table: str) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
    finally:
        connection.close()


def tables(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        connection.close()


def revision_of(path: Path) -> str | None:
    if "alembic_version" not in tables(path):
        return None
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        connection.close()
    return rows[0][0] if rows else None


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_child(script: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run a Python snippet in a fresh interpreter from the project root."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT, env=env, check=False)


# --- children forked from a forkserver with the program preloaded (a fork costs milliseconds, a new
# interpreter about a second; the kill tests start hundreds of children) ------------------------------

PRELOAD = ["intake_app.services", "intake_app.storage", "intake_app.storage.repository", "alembic.command",
           "alembic.operations", "tests.reliability.helpers", "tests.reliability.warm"]


def forkserver() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def run_forked(target: Callable[..., Any], *args: Any, timeout: float = 60) -> int:
    """Run target(*args) in a forked child; returns its exit code (-9 when it was SIGKILLed)."""
    process = forkserver().Process(target=target, args=args)
    process.start()
    process.join(timeout)
    if process.exitcode is None:
        process.kill()
        process.join()
        raise AssertionError("child did not finish")
    return process.exitcode


def kill_after_step(url: str, step: int, result: Any = None) -> None:
    """Upgrade the database, SIGKILLing this process right after Alembic operation number `step`
    (create_table, add_column, create_index, ...): a power cut between two steps. step 0: no kill;
    the number of operations goes to `result` (a queue)."""
    from alembic.operations import Operations

    from intake_app.storage import create_database_engine, upgrade

    done = [0]
    real_invoke = Operations.invoke

    def invoke(self: Any, operation: Any) -> Any:
        outcome = real_invoke(self, operation)
        done[0] += 1
        if done[0] == step:
            os.kill(os.getpid(), signal.SIGKILL)
        return outcome

    Operations.invoke = invoke  # type: ignore[method-assign]
    upgrade(create_database_engine(url))
    if result is not None:
        result.put(done[0])


def crash_answers(k: int) -> dict[str, Any]:
    """The answers of save number k: recognisable whole (a half-written save would not equal any of them)."""
    return {"age_years": 46, "pain_score_0_10": k % 11, "duration_days": k % 3650,
            "desk_note": f"save {k} " + "x" * (k * 37 % 1500)}


def stored_form(k: int) -> dict[str, Any]:
    """crash_answers(k) as validation stores it (unasked red-flag questions become "unknown")."""
    from intake_app.domain import parse_document
    from tests.conftest import synthetic_document

    document = synthetic_document(**crash_answers(k))
    document["questionnaire"] = "foot-leg-intake/2"
    return dict(parse_document(document).answers)


def save_loop(url: str, pipe: Any, seed: int) -> None:
    """Open the database, say ("ready",) and wait for "go", then save drafts in a loop until killed:
    ("try", intake, k) before each save, ("done", intake, version, k) after it returned, ("new", intake)
    for a new intake. Never returns on its own."""
    import datetime as dt
    import random

    from intake_app.domain import Patient
    from intake_app.services import Clinic
    from tests.conftest import fast_passwords, secret

    clinic = Clinic.open(url, passwords=fast_passwords())
    clinic.sign_in("doctor", secret())
    rng = random.Random(seed)
    ids = [record.id for record in clinic.repository.iter_intakes(status="draft")]
    patient = Patient("Testperson", "Alex", dt.date(1980, 1, 15), "female", "0700 000001", f"SYN-{seed}")
    n = 0
    while True:
        n += 1
        k = seed * 100_000 + n
        if n == 1:  # opened and read: the kill comes at a random moment after "go"
            if ids:
                clinic.intake(ids[0])
            pipe.send(("ready",))
            pipe.recv()
        if not ids or rng.random() < 0.15:
            record = clinic.register_patient(patient)
            draft = clinic.start_intake(record.id)
            ids.append(draft.id)
            pipe.send(("new", draft.id))
            continue
        intake_id = rng.choice(ids)
        pipe.send(("try", intake_id, k))
        saved = clinic.save_draft(intake_id, crash_answers(k), clinic.intake(intake_id).document.visit_date)
        pipe.send(("done", intake_id, saved.row_version, k))
