"""Bulk loading of synthetic demo data: many patients and completed intakes in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import JSON, func, insert, select
from sqlalchemy.engine import Engine

from intake_app.domain import IntakeDocument, Patient
from intake_app.storage.database import storage_errors
from intake_app.storage.models import AssessmentRow, AuditRow, IntakeRow, PatientRow
from intake_app.storage.repository import _patient_values, utcnow


def bulk_insert(
    engine: Engine, patients: Sequence[Patient], intakes: Iterable[tuple[int, IntakeDocument, dict[str, Any]]]
) -> None:
    """Insert patients and their completed intakes in one transaction (synthetic demo data).

    `intakes` holds (index into patients, document, assessment JSON). Many intakes share one
    assessment object; each distinct one is encoded once. On SQLite the rows go straight to the
    driver as tuples, which is several times faster than per-row parameter handling.
    """
    now = utcnow()
    with storage_errors(), engine.begin() as connection:
        first_id = int(connection.scalar(select(func.coalesce(func.max(PatientRow.id), 0))) or 0) + 1
        first_intake = int(connection.scalar(select(func.coalesce(func.max(IntakeRow.id), 0))) or 0) + 1
        patient_rows = [
            dict(_patient_values(p), id=first_id + i, created_at=now, updated_at=now)
            for i, p in enumerate(patients)
        ]
        intake_rows, assessment_rows = [], []
        for n, (index, document, assessment) in enumerate(intakes):
            intake_id = first_intake + n
            intake_rows.append({
                "id": intake_id, "patient_id": first_id + index, "status": "complete",
                "questionnaire": document.questionnaire, "visit_date": document.visit_date,
                "answers": document.answers, "rules_version": assessment["rules_version"],
                "level": assessment["level"], "tier": assessment["tier"], "red_flags_not_asked": False,
                "created_at": now, "updated_at": now, "completed_at": now,
            })
            assessment_rows.append({
                "intake_id": intake_id, "rules_version": assessment["rules_version"],
                "level": assessment["level"], "tier": assessment["tier"], "result": assessment,
                "cause": "complete", "created_at": now,
            })
        tables = ((PatientRow, patient_rows), (IntakeRow, intake_rows), (AssessmentRow, assessment_rows))
        for model, rows in tables:
            if not rows:
                continue
            if connection.dialect.name == "sqlite":
                _insert_rows_sqlite(connection, model.__table__, rows)
            else:
                connection.execute(insert(model), rows)
        connection.execute(
            insert(AuditRow),
            [{"at": now, "actor": "demo-data", "action": "demo.insert", "patient_id": None, "intake_id": None,
              "detail": f"{len(patients)} patients, {len(intake_rows)} intakes"}],
        )


def _insert_rows_sqlite(connection: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """executemany straight to the sqlite3 driver, values converted exactly as the column types would."""
    columns = [c for c in table.columns if c.name in rows[0]]
    processors: list[Callable[[Any], Any]] = []
    for column in columns:
        if isinstance(column.type, JSON):
            cache: dict[int, str] = {}

            def encode(value: Any, cache: dict[int, str] = cache) -> str | None:
                if value is None:
                    return None
                key = id(value)
                if key not in cache:  # shared assessment objects are encoded once
                    cache[key] = json.dumps(value, ensure_ascii=False)
                return cache[key]

            processors.append(encode)
        else:
            convert = column.type.bind_processor(connection.dialect)
            if convert is None:
                processors.append(lambda value: value)
            else:  # dates and times repeat a lot (one "now" for every row): convert each value once
                memo: dict[Any, Any] = {}

                def converted(value: Any, convert: Callable[[Any], Any] = convert, memo: dict[Any, Any] = memo) -> Any:
                    if value not in memo:
                        memo[value] = convert(value)
                    return memo[value]

                processors.append(converted)
    names = ", ".join(c.name for c in columns)
    marks = ", ".join("?" for _ in columns)
    values = [tuple(p(row[c.name]) for p, c in zip(processors, columns, strict=True)) for row in rows]
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", values)
