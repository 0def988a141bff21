"""Screening results stored once: each distinct assessment JSON is one `assessment_results` row, found
by the SHA-256 of its canonical JSON (sorted keys, no spaces, UTF-8), and every assessment of every
intake refers to it by id (migration 0006). A clinic with a million intakes has a few thousand distinct
results, so the database holds a few thousand copies instead of a million.

The JSON kept is the one first stored with that digest; a later result with the same digest is equal
as data (same keys and values), so reading any assessment gives back exactly what was stored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from intake_app.storage.models import AssessmentResultRow


def canonical_json(result: Mapping[str, Any]) -> str:
    """The result as canonical JSON text: what the digest is taken of."""
    return json.dumps(result, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest_of(result: Mapping[str, Any]) -> str:
    """The SHA-256 (hex) of the result's canonical JSON."""
    return hashlib.sha256(canonical_json(result).encode("utf-8")).hexdigest()


def result_id(db: Session | Connection, result: Mapping[str, Any], *, digest: str | None = None) -> int:
    """The id of the stored result equal to `result`, stored now if it is new (in the caller's write
    transaction, which holds the write lock, so two desks cannot store the same digest twice; on
    PostgreSQL the unique index refuses the second, and the save is retried by the person)."""
    key = digest or digest_of(result)
    found = db.execute(select(AssessmentResultRow.id).where(AssessmentResultRow.digest == key)).scalar()
    if found is not None:
        return int(found)
    inserted = db.execute(insert(AssessmentResultRow).values(digest=key, result=dict(result))
                          .returning(AssessmentResultRow.id)).scalar_one()
    return int(inserted)
