"""Staff accounts, clinic settings in the database, and the hash-chained audit trail.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

`intakes` gains amended_role (the role of whoever amended). New tables: accounts, access_secrets (the recovery
key's hash), clinic_settings, audit_head (the chain's newest entry, one row). `audit_log` gains seq, role,
desk, prev_hash and entry_hash, and `actor` becomes `who`. Every existing row is chained in id order
(intake_app/access/audit_chain.py): its actor is kept as who (control characters become spaces; an empty one
becomes "desk", what the program wrote for it), a detail longer than 200 characters is cut at a list separator
and ends in "...", role and desk are empty (not recorded then). Runs inside the one upgrade transaction
(storage/database.py); `audit_log` holds no foreign keys, so rebuilding it on SQLite (to make the new columns
NOT NULL) touches no other table.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import sqlalchemy as sa
from alembic import op

from intake_app.access.audit_chain import MAX_DETAIL_LENGTH, MAX_WHO_LENGTH, AuditEntry, AuditEvent, chain_next

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 5000


def _plain(text: str | None) -> str:
    """Control and format characters (the chain refuses them) become spaces."""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text or "")


def shortened(text: str, limit: int = MAX_DETAIL_LENGTH) -> str:
    """At most `limit` characters, cut after the last list separator that fits and marked with "..."."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 3]
    for separator in (",", " "):
        if separator in cut:
            cut = cut[:cut.rindex(separator) + 1]
            break
    return cut + "..."


def _event(row: Any) -> AuditEvent:
    _id, at, actor, action, patient_id, intake_id, detail = row
    assert isinstance(at, dt.datetime)
    who = _plain(str(actor or "")).strip()[:MAX_WHO_LENGTH].strip() or "desk"
    return AuditEvent(at=at.replace(tzinfo=dt.UTC), who=who, action=str(action), desk="", role="",
                      patient_id=patient_id if isinstance(patient_id, int) else None,
                      intake_id=intake_id if isinstance(intake_id, int) else None,
                      detail=shortened(_plain(str(detail or ""))))


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("name_key", sa.String(40), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("password_changed_at", sa.DateTime(), nullable=True),
        sa.Column("last_sign_in_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ux_accounts_name_key", "accounts", ["name_key"], unique=True)
    op.create_table(
        "access_secrets",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value_hash", sa.String(255), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "clinic_settings",
        sa.Column("name", sa.String(60), primary_key=True),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )

    op.add_column("intakes", sa.Column("amended_role", sa.String(40), nullable=True))
    for name, kind in (("seq", sa.Integer()), ("role", sa.String(20)), ("desk", sa.String(100)),
                       ("prev_hash", sa.String(64)), ("entry_hash", sa.String(64))):
        op.add_column("audit_log", sa.Column(name, kind, nullable=True))
    _chain_existing_rows()
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column("actor", new_column_name="who", existing_type=sa.String(100), nullable=False)
        for name, kind in (("seq", sa.Integer()), ("role", sa.String(20)), ("desk", sa.String(100)),
                           ("prev_hash", sa.String(64)), ("entry_hash", sa.String(64))):
            batch.alter_column(name, existing_type=kind, nullable=False)
    op.create_index("ux_audit_log_seq", "audit_log", ["seq"], unique=True)
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_who", "audit_log", ["who"])
    op.create_index("ix_audit_log_patient_id", "audit_log", ["patient_id"])


def _chain_existing_rows() -> None:
    connection = op.get_bind()
    log = sa.table(
        "audit_log", sa.column("id", sa.Integer), sa.column("at", sa.DateTime), sa.column("actor", sa.String),
        sa.column("action", sa.String), sa.column("patient_id", sa.Integer), sa.column("intake_id", sa.Integer),
        sa.column("detail", sa.Text), sa.column("seq", sa.Integer), sa.column("role", sa.String),
        sa.column("desk", sa.String), sa.column("prev_hash", sa.String), sa.column("entry_hash", sa.String),
    )
    update = (sa.update(log).where(log.c.id == sa.bindparam("row_id")).values(
        seq=sa.bindparam("new_seq"), actor=sa.bindparam("new_who"), role="", desk="",
        detail=sa.bindparam("new_detail"), prev_hash=sa.bindparam("new_prev"), entry_hash=sa.bindparam("new_hash")))
    previous: AuditEntry | None = None
    last_id = 0
    while True:
        rows = connection.execute(
            sa.select(log.c.id, log.c.at, log.c.actor, log.c.action, log.c.patient_id, log.c.intake_id,
                      log.c.detail).where(log.c.id > last_id).order_by(log.c.id).limit(BATCH)
        ).all()
        if not rows:
            break
        pending = []
        for row in rows:
            previous = chain_next(previous, _event(row))
            pending.append({"row_id": row[0], "new_seq": previous.seq, "new_who": previous.event.who,
                            "new_detail": previous.event.detail, "new_prev": previous.prev_hash,
                            "new_hash": previous.entry_hash})
        connection.execute(update, pending)
        last_id = rows[-1][0]
    head = sa.table("audit_head", sa.column("id", sa.Integer), sa.column("seq", sa.Integer),
                    sa.column("hash", sa.String))
    connection.execute(sa.insert(head).values(
        id=1, seq=previous.seq if previous else 0, hash=previous.entry_hash if previous else "0" * 64))


def downgrade() -> None:
    for index in ("ix_audit_log_patient_id", "ix_audit_log_who", "ix_audit_log_at", "ux_audit_log_seq"):
        op.drop_index(index, "audit_log")
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column("who", new_column_name="actor", existing_type=sa.String(100), nullable=False)
        for column in ("entry_hash", "prev_hash", "desk", "role", "seq"):
            batch.drop_column(column)
    op.drop_table("audit_head")
    op.drop_table("clinic_settings")
    op.drop_table("access_secrets")
    op.drop_index("ux_accounts_name_key", "accounts")
    op.drop_table("accounts")
    op.drop_column("intakes", "amended_role")
