"""Storage: SQLAlchemy 2 over SQLite (default) or PostgreSQL, behind one repository.

Hands out detached domain records, never live ORM rows. Schema changes are Alembic migrations.
"""

from intake_app.storage.database import (
    close_engine,
    create_database_engine,
    default_database_path,
    describe_url,
    open_database,
    resolve_database_url,
    upgrade,
)
from intake_app.storage.records import IntakeRecord, IntakeSummary, PatientRecord, RecallEntry, StoredAssessment
from intake_app.storage.repository import NotFound, Repository

__all__ = [
    "IntakeRecord",
    "IntakeSummary",
    "NotFound",
    "PatientRecord",
    "RecallEntry",
    "Repository",
    "StoredAssessment",
    "close_engine",
    "create_database_engine",
    "default_database_path",
    "describe_url",
    "open_database",
    "resolve_database_url",
    "upgrade",
]
