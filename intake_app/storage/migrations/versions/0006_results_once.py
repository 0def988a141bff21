"""Each distinct screening result stored once; the patient count kept by triggers; who entered each answer.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

- `assessment_results` (id, digest unique, result): one row per distinct assessment JSON, the digest the
  SHA-256 of its canonical JSON (sorted keys, no spaces, UTF-8; storage/results.py). `assessments`
  loses its `result` column and refers to the row by `result_id`. Existing rows are moved in batches of
  BATCH, read in id order (never all in memory): each stored JSON text is kept exactly as it was (the
  first of equal ones), so every assessment reads back as before.
- `patient_count` (one row, id 1): the number of patients, kept by insert and delete triggers on
  `patients` (row triggers on SQLite, statement triggers with transition tables on PostgreSQL), so the
  patient list's count reads one row instead of scanning the table.
- `ix_patients_given_fold` becomes (given_fold, family_fold): a given-name match is read or sorted in the
  list's name order from the index alone (storage/search.py).
- `intakes.entered_by` (JSON, NOT NULL, default {}): who entered each answer, "patient" or "staff"
  (issue 16); {} for every intake stored before.

All inside the one upgrade transaction (storage/database.py): a kill at any point leaves 0005 as it was.
"""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 2000

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER tr_patients_count_insert AFTER INSERT ON patients BEGIN "
    "UPDATE patient_count SET patients = patients + 1 WHERE id = 1; END",
    "CREATE TRIGGER tr_patients_count_delete AFTER DELETE ON patients BEGIN "
    "UPDATE patient_count SET patients = patients - 1 WHERE id = 1; END",
)
_POSTGRES_TRIGGERS = (
    "CREATE FUNCTION patient_count_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP = 'INSERT' THEN UPDATE patient_count SET patients = patients + (SELECT count(*) FROM new_rows) "
    "WHERE id = 1; ELSE UPDATE patient_count SET patients = patients - (SELECT count(*) FROM old_rows) "
    "WHERE id = 1; END IF; RETURN NULL; END $$",
    "CREATE TRIGGER tr_patients_count_insert AFTER INSERT ON patients REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION patient_count_change()",
    "CREATE TRIGGER tr_patients_count_delete AFTER DELETE ON patients REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION patient_count_change()",
)


def _digest(text: str) -> str:
    canonical = json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _move_results(connection: sa.Connection) -> None:
    """Old assessments into the new table, each distinct result once (batches in id order)."""
    old = sa.table("assessments", sa.column("id", sa.Integer), sa.column("intake_id", sa.Integer),
                   sa.column("rules_version"), sa.column("level"), sa.column("tier"), sa.column("result", sa.JSON),
                   sa.column("cause"), sa.column("created_at"))
    new = sa.table("assessments_new", sa.column("id", sa.Integer), sa.column("intake_id", sa.Integer),
                   sa.column("rules_version"), sa.column("level"), sa.column("tier"),
                   sa.column("result_id", sa.Integer), sa.column("cause"), sa.column("created_at"))
    # The text exactly as stored (a JSON column would parse and re-serialise it).
    results = sa.table("assessment_results", sa.column("id", sa.Integer), sa.column("digest", sa.String),
                       sa.column("result", sa.Text))
    ids: dict[str, int] = {}
    last_id, next_result = 0, 1
    while True:
        rows = connection.execute(
            sa.select(old.c.id, old.c.intake_id, old.c.rules_version, old.c.level, old.c.tier,
                      sa.cast(old.c.result, sa.Text), old.c.cause, old.c.created_at)
            .where(old.c.id > last_id).order_by(old.c.id).limit(BATCH)
        ).all()
        if not rows:
            return
        fresh, moved = [], []
        for row_id, intake_id, rules_version, level, tier, text, cause, created_at in rows:
            digest = _digest(text)
            found = ids.get(digest)
            if found is None:
                found = ids[digest] = next_result
                next_result += 1
                fresh.append({"id": found, "digest": digest, "result": text})
            moved.append({"id": row_id, "intake_id": intake_id, "rules_version": rules_version, "level": level,
                          "tier": tier, "result_id": found, "cause": cause, "created_at": created_at})
        if fresh:
            connection.execute(sa.insert(results), fresh)
        connection.execute(sa.insert(new), moved)
        last_id = rows[-1][0]


def upgrade() -> None:
    connection = op.get_bind()
    postgres = connection.dialect.name == "postgresql"
    op.create_table(
        "assessment_results",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
    )
    op.create_index("ux_assessment_results_digest", "assessment_results", ["digest"], unique=True)
    op.create_table(
        "assessments_new",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("intake_id", sa.Integer(), sa.ForeignKey("intakes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rules_version", sa.String(40), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("tier", sa.String(1), nullable=True),
        sa.Column("result_id", sa.Integer(), sa.ForeignKey("assessment_results.id"), nullable=False),
        sa.Column("cause", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    _move_results(connection)
    op.drop_index("ix_assessments_intake_id", "assessments")
    op.drop_table("assessments")
    op.rename_table("assessments_new", "assessments")
    if postgres:
        op.execute("ALTER INDEX assessments_new_pkey RENAME TO assessments_pkey")
        op.execute("ALTER SEQUENCE assessments_new_id_seq RENAME TO assessments_id_seq")
        op.execute("SELECT setval('assessments_id_seq', COALESCE((SELECT max(id) FROM assessments), 0) + 1, false)")
        op.execute("SELECT setval(pg_get_serial_sequence('assessment_results', 'id'), "
                   "COALESCE((SELECT max(id) FROM assessment_results), 0) + 1, false)")
    op.create_index("ix_assessments_intake_id", "assessments", ["intake_id"])

    op.create_table(
        "patient_count",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("patients", sa.Integer(), nullable=False),
    )
    op.execute("INSERT INTO patient_count (id, patients) SELECT 1, count(*) FROM patients")
    for statement in _POSTGRES_TRIGGERS if postgres else _SQLITE_TRIGGERS:
        op.execute(statement)

    op.drop_index("ix_patients_given_fold", "patients")
    op.create_index("ix_patients_given_fold", "patients", ["given_fold", "family_fold"])

    op.add_column("intakes", sa.Column("entered_by", sa.JSON(), server_default=sa.text("'{}'"), nullable=False))


def downgrade() -> None:
    connection = op.get_bind()
    postgres = connection.dialect.name == "postgresql"
    op.drop_column("intakes", "entered_by")
    op.drop_index("ix_patients_given_fold", "patients")
    op.create_index("ix_patients_given_fold", "patients", ["given_fold"])
    if postgres:
        op.execute("DROP TRIGGER tr_patients_count_insert ON patients")
        op.execute("DROP TRIGGER tr_patients_count_delete ON patients")
        op.execute("DROP FUNCTION patient_count_change()")
    else:
        op.execute("DROP TRIGGER tr_patients_count_insert")
        op.execute("DROP TRIGGER tr_patients_count_delete")
    op.drop_table("patient_count")
    # Each assessment gets its own copy of its result back.
    op.add_column("assessments", sa.Column("result", sa.JSON(), nullable=True))
    op.execute("UPDATE assessments SET result = (SELECT r.result FROM assessment_results r "
               "WHERE r.id = assessments.result_id)")
    with op.batch_alter_table("assessments") as batch:
        batch.alter_column("result", existing_type=sa.JSON(), nullable=False)
        batch.drop_column("result_id")
    op.drop_index("ux_assessment_results_digest", "assessment_results")
    op.drop_table("assessment_results")
