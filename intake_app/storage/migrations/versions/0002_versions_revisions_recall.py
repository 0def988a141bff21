"""Row version counters, amended revisions, acknowledgement role and rules, recall list.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

Only ADD COLUMN and CREATE: no table is rebuilt (a rebuild of `intakes` with foreign keys on would
cascade-delete its assessments). Runs inside the one upgrade transaction (storage/database.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("patients", sa.Column("row_version", sa.Integer(), server_default=sa.text("1"), nullable=False))
    op.add_column("intakes", sa.Column("row_version", sa.Integer(), server_default=sa.text("1"), nullable=False))
    op.add_column("intakes", sa.Column("revision", sa.Integer(), server_default=sa.text("1"), nullable=False))
    op.add_column("intakes", sa.Column("amends_id", sa.Integer(), nullable=True))
    op.add_column("intakes", sa.Column("superseded_by", sa.Integer(), nullable=True))
    op.add_column("intakes", sa.Column("amend_reason", sa.Text(), nullable=True))
    op.add_column("intakes", sa.Column("amended_by", sa.String(100), nullable=True))
    op.add_column("intakes", sa.Column("amended_at", sa.DateTime(), nullable=True))
    op.add_column("intakes", sa.Column("red_flag_ack_role", sa.String(40), nullable=True))
    op.add_column("intakes", sa.Column("red_flag_ack_rules", sa.String(200), nullable=True))
    op.create_index("ix_intakes_visit_date", "intakes", ["visit_date"])
    op.create_index("ix_intakes_amends_id", "intakes", ["amends_id"])
    op.create_table(
        "recalls",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("intake_id", sa.Integer(), sa.ForeignKey("intakes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("rules_version", sa.String(40), nullable=False),
        sa.Column("old_level", sa.String(16), nullable=True),
        sa.Column("old_tier", sa.String(1), nullable=True),
        sa.Column("new_level", sa.String(16), nullable=False),
        sa.Column("new_tier", sa.String(1), nullable=True),
        sa.Column("contacted_by", sa.String(100), nullable=True),
        sa.Column("contacted_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_recalls_intake_id", "recalls", ["intake_id"])


def downgrade() -> None:
    op.drop_index("ix_recalls_intake_id", "recalls")
    op.drop_table("recalls")
    op.drop_index("ix_intakes_amends_id", "intakes")
    op.drop_index("ix_intakes_visit_date", "intakes")
    for column in ("red_flag_ack_rules", "red_flag_ack_role", "amended_at", "amended_by", "amend_reason",
                   "superseded_by", "amends_id", "revision", "row_version"):
        op.drop_column("intakes", column)
    op.drop_column("patients", "row_version")
