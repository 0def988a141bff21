"""The two name indexes also hold the date of birth and the MRN.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30

- `ix_patients_family_given` becomes (family_fold, given_fold, date_of_birth, mrn_fold) and
  `ix_patients_given_fold` (given_fold, family_fold, date_of_birth, mrn_fold): a name range is sorted
  into birth-date or MRN order, and a two-word query's second name tested, from the index alone, without
  reading each match's row from the table (storage/search.py). Two common prefixes as two words ("m b")
  listed in birth-date order read about 14,000 rows at a million patients without them.

Indexes only: no row changes. Inside the one upgrade transaction (storage/database.py).
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_WIDE = {
    "ix_patients_family_given": ["family_fold", "given_fold", "date_of_birth", "mrn_fold"],
    "ix_patients_given_fold": ["given_fold", "family_fold", "date_of_birth", "mrn_fold"],
}
_NARROW = {
    "ix_patients_family_given": ["family_fold", "given_fold"],
    "ix_patients_given_fold": ["given_fold", "family_fold"],
}


def _rebuild(indexes: dict[str, list[str]]) -> None:
    for name, columns in indexes.items():
        op.drop_index(name, "patients")
        op.create_index(name, "patients", columns)


def upgrade() -> None:
    _rebuild(_WIDE)


def downgrade() -> None:
    _rebuild(_NARROW)
