"""First schema: patients, intakes, assessments, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("family_name", sa.String(100), nullable=False),
        sa.Column("given_name", sa.String(100), nullable=False),
        sa.Column("family_fold", sa.String(100), nullable=False),
        sa.Column("given_fold", sa.String(100), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(10), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("phone_digits", sa.String(40), nullable=False),
        sa.Column("mrn", sa.String(40), nullable=False),
        sa.Column("mrn_fold", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_patients_family_given", "patients", ["family_fold", "given_fold"])
    op.create_index("ix_patients_given_fold", "patients", ["given_fold"])
    op.create_index("ix_patients_date_of_birth", "patients", ["date_of_birth"])
    op.create_index("ix_patients_mrn_fold", "patients", ["mrn_fold"])
    op.create_index("ix_patients_phone_digits", "patients", ["phone_digits"])
    op.create_table(
        "intakes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("patient_id", sa.Integer(), sa.ForeignKey("patients.id", ondelete="CASCADE"), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("questionnaire", sa.String(60), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("rules_version", sa.String(40), nullable=True),
        sa.Column("level", sa.String(16), nullable=True),
        sa.Column("tier", sa.String(1), nullable=True),
        sa.Column("red_flags_not_asked", sa.Boolean(), nullable=False),
        sa.Column("red_flag_ack_by", sa.String(100), nullable=True),
        sa.Column("red_flag_ack_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_intakes_patient_id", "intakes", ["patient_id"])
    op.create_index("ix_intakes_status_updated", "intakes", ["status", "updated_at"])
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("intake_id", sa.Integer(), sa.ForeignKey("intakes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rules_version", sa.String(40), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("tier", sa.String(1), nullable=True),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("cause", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_assessments_intake_id", "assessments", ["intake_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("intake_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("assessments")
    op.drop_table("intakes")
    op.drop_table("patients")
