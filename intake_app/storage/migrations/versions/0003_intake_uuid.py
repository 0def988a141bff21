"""A stable identifier for each intake (FHIR exchange): `intakes.intake_uuid`.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

Every existing original intake gets a fresh uuid4; its amended revisions inherit the original's (each
revision's `amends_id` points at the one before). (intake_uuid, revision) is unique. ADD COLUMN and
CREATE INDEX only, inside the one upgrade transaction (storage/database.py).
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    op.add_column("intakes", sa.Column("intake_uuid", sa.String(36), nullable=True))
    connection = op.get_bind()
    intakes = sa.table("intakes", sa.column("id", sa.Integer), sa.column("amends_id", sa.Integer),
                       sa.column("revision", sa.Integer), sa.column("intake_uuid", sa.String))
    # Revision order: an amendment's earlier revision always has its identifier before it is reached.
    rows = connection.execute(
        sa.select(intakes.c.id, intakes.c.amends_id).order_by(intakes.c.revision, intakes.c.id)
    ).all()
    given: dict[int, str] = {}
    for intake_id, amends_id in rows:
        inherited = given.get(amends_id) if amends_id is not None else None
        given[intake_id] = inherited or str(uuid.uuid4())
    update = (sa.update(intakes).where(intakes.c.id == sa.bindparam("row_id"))
              .values(intake_uuid=sa.bindparam("new_uuid")))
    pending = [{"row_id": i, "new_uuid": u} for i, u in given.items()]
    for start in range(0, len(pending), BATCH):
        connection.execute(update, pending[start:start + BATCH])
    op.create_index("ux_intakes_uuid_revision", "intakes", ["intake_uuid", "revision"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_intakes_uuid_revision", "intakes")
    op.drop_column("intakes", "intake_uuid")
