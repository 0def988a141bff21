"""Issue 12 item 2: migrations are one transaction under an exclusive lock; concurrent first opens wait
for each other; a database from a newer program is refused and left unchanged."""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from intake_app.cli import main
from intake_app.errors import DatabaseTooNew
from intake_app.storage import close_engine, create_database_engine, upgrade
from intake_app.storage.database import KNOWN_REVISIONS, SCHEMA_HEAD
from tests.reliability.helpers import (
    columns,
    database_at,
    fingerprint,
    forkserver,
    kill_after_step,
    revision_of,
    run_forked,
    tables,
)


def _steps(url: str) -> int:
    result = forkserver().Queue()
    assert run_forked(kill_after_step, url, 0, result) == 0
    return int(result.get(timeout=10))


def test_a_kill_after_any_step_of_an_upgrade_leaves_the_previous_schema_and_data(tmp_path: Path) -> None:
    template = database_at(tmp_path / "template.db", "0001")
    before_columns = {t: columns(template, t) for t in ("patients", "intakes")}
    steps = _steps(f"sqlite:///{database_at(tmp_path / 'count.db', '0001')}")
    assert steps >= 10  # every add_column, index and table of 0002
    for step in range(1, steps + 1):
        path = tmp_path / f"kill-{step}.db"
        path.write_bytes(template.read_bytes())
        assert run_forked(kill_after_step, f"sqlite:///{path}", step) == -signal.SIGKILL, step
        assert revision_of(path) == "0001", step
        assert {t: columns(path, t) for t in ("patients", "intakes")} == before_columns, step
        assert "recalls" not in tables(path), step
        connection = sqlite3.connect(path)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT answers FROM intakes WHERE id = 1").fetchone()[0] == '{"age_years": 45}'
        connection.close()
        # ...and the next start finishes the upgrade.
        engine = create_database_engine(f"sqlite:///{path}")
        assert upgrade(engine) is True
        close_engine(engine)
        assert revision_of(path) == SCHEMA_HEAD


def test_a_kill_while_creating_a_new_database_leaves_one_the_next_start_completes(tmp_path: Path) -> None:
    steps = _steps(f"sqlite:///{tmp_path / 'count.db'}")
    for step in (1, steps // 2, steps - 1):
        path = tmp_path / f"new-{step}.db"
        assert run_forked(kill_after_step, f"sqlite:///{path}", step) == -signal.SIGKILL
        assert tables(path) == set(), "a half-made schema was committed"
        engine = create_database_engine(f"sqlite:///{path}")
        assert upgrade(engine) is True
        close_engine(engine)
        assert revision_of(path) == SCHEMA_HEAD


def _open_together(paths: list[str], barrier: Any, results: Any) -> None:
    from intake_app.services import Clinic

    for url in paths:
        barrier.wait()
        try:
            clinic = Clinic.open(url)
            clinic.close()
            results.put("ok")
        except Exception as exc:  # reported to the parent, which fails the test
            results.put(f"{type(exc).__name__}: {exc}")


def test_two_programs_opening_a_new_database_at_the_same_moment_both_succeed(tmp_path: Path) -> None:
    context = forkserver()
    barrier, results = context.Barrier(2), context.Queue()
    urls = [f"sqlite:///{tmp_path / f'together-{n}.db'}" for n in range(8)]
    workers = [context.Process(target=_open_together, args=(urls, barrier, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * len(urls))]
    for worker in workers:
        worker.join(timeout=60)
    assert outcomes == ["ok"] * 16
    assert all(revision_of(Path(url.removeprefix("sqlite:///"))) == SCHEMA_HEAD for url in urls)


def _made_by_a_newer_program(tmp_path: Path) -> Path:
    path = database_at(tmp_path / "newer.db", "0001")
    engine = create_database_engine(f"sqlite:///{path}")
    upgrade(engine)
    close_engine(engine)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999'")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    assert "0999" not in KNOWN_REVISIONS
    return path


def test_a_database_from_a_newer_program_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = _made_by_a_newer_program(tmp_path)
    before = fingerprint(path)
    engine = create_database_engine(f"sqlite:///{path}")
    with pytest.raises(DatabaseTooNew, match="made by a newer version of the program; nothing was changed"):
        upgrade(engine)
    close_engine(engine)
    assert fingerprint(path) == before


@pytest.mark.parametrize("command", [["export"], ["db", "upgrade"], ["rescreen"], ["backup"]])
def test_the_cli_says_a_database_is_too_new_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = _made_by_a_newer_program(tmp_path)
    before = fingerprint(path)
    code = main(["--database", f"sqlite:///{path}", *command])
    err = capsys.readouterr().err
    assert code == 1
    assert "This database was made by a newer version of the program; nothing was changed." in err
    assert "Traceback" not in err and "alembic" not in err.lower()
    assert fingerprint(path) == before
