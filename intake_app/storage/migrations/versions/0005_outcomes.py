"""Outcomes: what the specialist found after a referral (issue 17), one table.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

CREATE TABLE and CREATE INDEX only, inside the one upgrade transaction (storage/database.py). Rows are
never updated: a correction is the next row_version of the same intake (storage/models_outcomes.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outcomes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("intake_id", sa.Integer(), sa.ForeignKey("intakes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("finding", sa.String(20), nullable=False),
        sa.Column("other_cause", sa.String(200), server_default=sa.text("''"), nullable=False),
        sa.Column("seen_by", sa.String(200), server_default=sa.text("''"), nullable=False),
        sa.Column("seen_on", sa.Date(), nullable=True),
        sa.Column("imaging", sa.String(200), server_default=sa.text("''"), nullable=False),
        sa.Column("urgent_route_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("synthetic", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default=sa.text("1"), nullable=False),
    )
    op.create_index("ux_outcomes_intake_version", "outcomes", ["intake_id", "row_version"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_outcomes_intake_version", "outcomes")
    op.drop_table("outcomes")
