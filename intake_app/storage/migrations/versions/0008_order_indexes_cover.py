"""The birth-date and MRN indexes also hold the id and the other searched columns.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30

- `ix_patients_date_of_birth` becomes (date_of_birth, id, family_fold, given_fold, mrn_fold) and
  `ix_patients_mrn_fold` (mrn_fold, id, family_fold, given_fold, date_of_birth). Each still gives its list
  order (birth date or MRN, then the id), and a search listed in that order tests the names, MRN or birth
  date on the index entries it walks, without reading each entry's row from the table (storage/search.py).
  Two common prefixes as two words ("m b") listed by birth date read about 190,000 entries of the name
  indexes at a million patients before; now about 20,000 of the birth-date index, in order, up to the page.

Indexes only: no row changes. Inside the one upgrade transaction (storage/database.py).
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_WIDE = {
    "ix_patients_date_of_birth": ["date_of_birth", "id", "family_fold", "given_fold", "mrn_fold"],
    "ix_patients_mrn_fold": ["mrn_fold", "id", "family_fold", "given_fold", "date_of_birth"],
}
_NARROW = {
    "ix_patients_date_of_birth": ["date_of_birth"],
    "ix_patients_mrn_fold": ["mrn_fold"],
}


def _rebuild(indexes: dict[str, list[str]]) -> None:
    for name, columns in indexes.items():
        op.drop_index(name, "patients")
        op.create_index(name, "patients", columns)


def upgrade() -> None:
    _rebuild(_WIDE)


def downgrade() -> None:
    _rebuild(_NARROW)
