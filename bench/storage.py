"""Storage benchmark: building 100,000 demo patients, saving a draft, searching, exporting.

Prints one table. Times are compared with the target of the issue where there is one, otherwise as a
ratio to a floor measured in this same run (raw sqlite3 doing the same SQL), never with figures from
another machine. The freshly built database is left in the cache folder for bench/gui.py.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/storage.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import (
    DEMO_COUNT,
    Table,
    build_demo_database,
    cli,
    fmt_ms,
    fmt_stats_ms,
    isolate_user_folders,
    ms,
    run_measured,
    sqlite_url,
    stats,
    store_in_cache,
    verdict,
)

DEMO_TARGET_S = 15.0  # issue 6: demo-data 100000 on this machine
SEARCH_BUDGET_MS = 30.0  # the GUI's budget for a whole search (bench/gui.py); the query must fit well inside
SEARCH_RUNS = 200
SAVE_RUNS = 300
WARM_UP = 10
# Toolchain floors (toolchain.md), printed for reference only: single-row save with commit, median.
TOOLCHAIN_SAVE_MS = {"raw sqlite3": 0.36, "SQLAlchemy ORM, session per save": 0.68}

ANSWER_SETS: tuple[dict[str, Any], dict[str, Any]] = (
    {"pain": {"right": ["heel", "arch"]}, "radiates_to": {"right": "none"}, "onset": "gradual",
     "pain_score_0_10": 5, "rf_saddle_numbness": "no", "rf_bladder_change": "no"},
    {"pain": {"left": ["back_of_thigh", "calf", "heel"]}, "radiates_to": {"left": "foot"}, "onset": "sudden",
     "pain_score_0_10": 7, "rf_saddle_numbness": "no", "rf_bladder_change": "no"},
)


def timed(fn: Callable[[], Any], runs: int, warm_up: int = WARM_UP) -> list[float]:
    for _ in range(warm_up):
        fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(ms(time.perf_counter() - started))
    return samples


class LastStatement:
    """Remembers the SQL and bound parameters of the last query an engine ran, to replay it raw."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.sql = ""
        self.parameters: Any = ()
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        self.sql, self.parameters = statement, parameters


def raw_connection(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the app's settings (WAL, FULL sync): the floor to compare with."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="intake-bench-storage-") as scratch:
        folder = Path(scratch)
        isolate_user_folders(folder / "home")
        table = Table(f"Storage benchmark ({DEMO_COUNT:,} synthetic patients, SQLite file)",
                      ("measure", "median / p95 or figure", "target or floor (same run)", ""))
        database = folder / "demo.db"
        url = sqlite_url(database)

        # 1. demo-data into a fresh file, as a user runs it.
        built = build_demo_database(database)
        own = re.search(r"in ([\d.]+) s", built.stdout)
        table.add(f"demo-data {DEMO_COUNT:,}: whole command", f"{built.wall_s:.1f} s", f"< {DEMO_TARGET_S:.0f} s",
                  verdict(built.wall_s, DEMO_TARGET_S))
        if own:
            table.add("  generate + insert (the command's own clock)", f"{float(own[1]):.1f} s")
        table.add("  peak RSS of the command", f"{built.peak_rss_mb:.0f} MiB")
        table.add("  database file size", f"{database.stat().st_size / 1e6:.0f} MB")
        store_in_cache(database)

        from intake_app.services import Clinic

        clinic = Clinic.open(url)
        last = LastStatement(clinic.repository.engine)
        raw = raw_connection(database)

        # 2. Patient search, first page of 50, against the same SQL run through raw sqlite3.
        sample = clinic.search_patients("sm", limit=1)[0].patient
        if sample.date_of_birth is None:
            raise SystemExit("the demo data should give every patient a date of birth")
        searches = [
            ("'s' (one letter)", "s", "name"), ("'d' (every MRN starts so)", "d", "name"),
            ("'sm'", "sm", "name"), ("'mü'", "mü", "name"), ("'sch'", "sch", "name"),
            ("date of birth", sample.date_of_birth.isoformat(), "name"), ("MRN prefix 'D00123'", "D00123", "name"),
            ("two words 'smith jo'", "smith jo", "name"),
            ("empty query, by name", "", "name"), ("empty query, by date of birth", "", "born"),
        ]
        for label, query, sort in searches:
            def search(query: str = query, sort: str = sort) -> Any:
                return clinic.search_patients(query, limit=50, sort=sort)

            found = len(search())
            app_ms = stats(timed(search, SEARCH_RUNS))
            search()
            sql, parameters = last.sql, last.parameters
            floor = stats(timed(lambda sql=sql, parameters=parameters: raw.execute(sql, parameters).fetchall(),
                                SEARCH_RUNS))
            table.add(f"search {label}: {found} rows", fmt_stats_ms(app_ms),
                      f"SQL alone {fmt_ms(floor.median)} (x{app_ms.median / floor.median:.1f}); "
                      f"budget < {SEARCH_BUDGET_MS:.0f} ms", verdict(app_ms.p95, SEARCH_BUDGET_MS))
        count_ms = stats(timed(clinic.count_patients, 50))
        table.add("count of patients (the empty query adds it)", fmt_stats_ms(count_ms))

        # 3. Export of every intake, streamed, as a separate process: throughput and peak memory.
        exported = folder / "export.json"
        export = run_measured(cli("--database", url, "export"), stdout_path=exported)
        if export.returncode != 0:
            raise SystemExit(f"export failed:\n{export.stderr}")
        with open(exported, "rb") as handle:
            documents = sum(chunk.count(b"\n{") for chunk in iter(lambda: handle.read(1 << 20), b""))
        size_mb = exported.stat().st_size / 1e6
        exported.unlink()
        idle = run_measured(cli("--database", url, "db", "upgrade"))  # same imports and database, no export
        table.add(f"export (JSON to a file): {documents:,} documents, {size_mb:.0f} MB",
                  f"{documents / export.wall_s:,.0f} docs/s ({export.wall_s:.1f} s)")
        table.add("  peak RSS of export", f"{export.peak_rss_mb:.0f} MiB",
                  f"'db upgrade' alone {idle.peak_rss_mb:.0f} MiB (+{export.peak_rss_mb - idle.peak_rss_mb:.0f})")
        started = time.perf_counter()
        streamed = sum(1 for _ in clinic.export_documents())
        rate = streamed / (time.perf_counter() - started)
        table.add("  export_documents() in-process, no JSON", f"{rate:,.0f} docs/s")

        # 4. Draft save with commit, against the same writes through raw sqlite3.
        patient_id = clinic.search_patients("", limit=1)[0].id
        intake_id = clinic.start_intake(patient_id).id
        visit = dt.date.today()
        turn = iter(range(10**9))

        def save() -> Any:
            return clinic.save_draft(intake_id, ANSWER_SETS[next(turn) % 2], visit)

        saves = stats(timed(save, SAVE_RUNS))
        texts = [json.dumps(a) for a in ANSWER_SETS]

        def raw_save() -> None:
            now = dt.datetime.now().isoformat(" ")
            raw.execute("BEGIN")
            raw.execute("UPDATE intakes SET answers = ?, visit_date = ?, updated_at = ? WHERE id = ?",
                        (texts[next(turn) % 2], visit.isoformat(), now, intake_id))
            raw.execute("INSERT INTO audit_log (at, actor, action, patient_id, intake_id, detail) "
                        "VALUES (?, 'bench', 'intake.save', ?, ?, '')", (now, patient_id, intake_id))
            raw.execute("COMMIT")

        raw_saves = stats(timed(raw_save, SAVE_RUNS))
        table.add("Clinic.save_draft (read, validate, write, commit)", fmt_stats_ms(saves),
                  f"raw sqlite3, same writes {fmt_ms(raw_saves.median)} (x{saves.median / raw_saves.median:.1f})")
        record = clinic.intake(intake_id)
        parts = {
            "  read the intake (get_intake)": lambda: clinic.intake(intake_id),
            "  validate (parse_document)": lambda: clinic.document(record.document.patient, visit, ANSWER_SETS[0]),
            "  write + commit (Repository.save_draft)":
                lambda: clinic.repository.save_draft(intake_id, record.document, actor="bench"),
        }
        for label, part in parts.items():
            table.add(label, fmt_stats_ms(stats(timed(part, SAVE_RUNS // 2))))
        toolchain = "; ".join(f"{k} {v} ms" for k, v in TOOLCHAIN_SAVE_MS.items())
        table.add("  toolchain.md floors (another run)", "(reference only)", toolchain)
        raw.close()
        clinic.repository.engine.dispose()
        table.print()


if __name__ == "__main__":
    main()
