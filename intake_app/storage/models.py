"""SQLAlchemy 2 typed models. Only the repository uses them; everything else gets domain objects.

Every change here needs an Alembic migration in storage/migrations/versions (a test compares the
models with the migrated schema).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class PatientRow(Base):
    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_name: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(100))
    # Lower-case, accent-free copies for prefix search and duplicate checks.
    family_fold: Mapped[str] = mapped_column(String(100))
    given_fold: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(10), default="unknown")
    phone: Mapped[str] = mapped_column(String(40), default="")
    phone_digits: Mapped[str] = mapped_column(String(40), default="")
    mrn: Mapped[str] = mapped_column(String(40), default="")
    mrn_fold: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Bumped by every UPDATE (SQLAlchemy's version counter); a save naming an older one is refused.
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    intakes: Mapped[list[IntakeRow]] = relationship(back_populates="patient", cascade="all, delete-orphan")
    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 - SQLAlchemy reads it once

    __table_args__ = (
        # The two name indexes also hold the date of birth and the MRN (migration 0007): a name range is
        # sorted into any list order, and a two-word query tested on both names, from the index alone,
        # without a visit to the table per match (storage/search.py reads these columns).
        Index("ix_patients_family_given", "family_fold", "given_fold", "date_of_birth", "mrn_fold"),
        # Given name then family name: a given-name range is read in the list's name order (migration 0006).
        Index("ix_patients_given_fold", "given_fold", "family_fold", "date_of_birth", "mrn_fold"),
        # The birth-date and MRN indexes give those list orders (then the id) and hold every other searched
        # column: a name search listed by birth date or MRN walks the index in order, testing the names on it,
        # without a visit to the table per entry (migration 0008).
        Index("ix_patients_date_of_birth", "date_of_birth", "id", "family_fold", "given_fold", "mrn_fold"),
        Index("ix_patients_mrn_fold", "mrn_fold", "id", "family_fold", "given_fold", "date_of_birth"),
        Index("ix_patients_phone_digits", "phone_digits"),
    )


class IntakeRow(Base):
    __tablename__ = "intakes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10))  # draft | complete
    questionnaire: Mapped[str] = mapped_column(String(60))
    visit_date: Mapped[dt.date] = mapped_column(Date)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The latest assessment, copied here for lists; the full history is in assessments.
    rules_version: Mapped[str | None] = mapped_column(String(40))
    level: Mapped[str | None] = mapped_column(String(16))
    tier: Mapped[str | None] = mapped_column(String(1))
    red_flags_not_asked: Mapped[bool] = mapped_column(Boolean, default=False)
    red_flag_ack_by: Mapped[str | None] = mapped_column(String(100))
    red_flag_ack_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The row version counter (not the questionnaire, rules or revision number): bumped by every UPDATE.
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    # Amendments: revision N+1 is a new row with amends_id = revision N; revision N gets superseded_by.
    revision: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    amends_id: Mapped[int | None] = mapped_column(Integer)
    superseded_by: Mapped[int | None] = mapped_column(Integer)
    amend_reason: Mapped[str | None] = mapped_column(Text)
    amended_by: Mapped[str | None] = mapped_column(String(100))
    amended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The role of the signed-in account that amended (front-desk, clinician); amended_by is its full name.
    amended_role: Mapped[str | None] = mapped_column(String(40))
    red_flag_ack_role: Mapped[str | None] = mapped_column(String(40))
    # The urgent rules the acknowledgement covered (rule ids, comma-separated; no patient data).
    red_flag_ack_rules: Mapped[str | None] = mapped_column(String(200))
    # The intake's stable identifier (exchange files): set on create, the same for all its revisions.
    intake_uuid: Mapped[str | None] = mapped_column(String(36))
    # Who entered each answer: answer field name -> "patient" or "staff" (IntakeDocument.entered_by);
    # {} when nobody is recorded (every intake stored before migration 0006).
    entered_by: Mapped[dict[str, str]] = mapped_column(JSON, server_default=text("'{}'"))

    patient: Mapped[PatientRow] = relationship(back_populates="intakes")

    __table_args__ = (
        Index("ix_intakes_patient_id", "patient_id"),
        Index("ix_intakes_status_updated", "status", "updated_at"),
        Index("ix_intakes_visit_date", "visit_date"),
        Index("ix_intakes_amends_id", "amends_id"),
        Index("ux_intakes_uuid_revision", "intake_uuid", "revision", unique=True),
    )
    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 - SQLAlchemy reads it once


class AssessmentResultRow(Base):
    """One distinct screening result (the assessment's JSON), stored once however many intakes share it.

    `digest` is the SHA-256 of its canonical JSON (storage/results.py); `result` is the JSON as first
    stored. Rows are never changed or deleted (migration 0006).
    """

    __tablename__ = "assessment_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (Index("ux_assessment_results_digest", "digest", unique=True),)


class AssessmentRow(Base):
    """Every screening result ever stored for an intake, with the rules version that made it; the
    result itself is in assessment_results, shared by every assessment with the same one."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    intake_id: Mapped[int] = mapped_column(ForeignKey("intakes.id", ondelete="CASCADE"))
    rules_version: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(16))
    tier: Mapped[str | None] = mapped_column(String(1))
    result_id: Mapped[int] = mapped_column(ForeignKey("assessment_results.id"))
    cause: Mapped[str] = mapped_column(String(20))  # complete | rescreen | import
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_assessments_intake_id", "intake_id"),)


class PatientCountRow(Base):
    """How many patients there are (one row, id 1), kept by insert and delete triggers on `patients`
    (migration 0006), so the list's count needs no scan of the table."""

    __tablename__ = "patient_count"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patients: Mapped[int] = mapped_column(Integer)


class RecallRow(Base):
    """An intake whose result rose to urgent or likely after the patient left (found by re-screening).

    It stays on the recall list until a clinician marks the patient contacted.
    """

    __tablename__ = "recalls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    intake_id: Mapped[int] = mapped_column(ForeignKey("intakes.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    rules_version: Mapped[str] = mapped_column(String(40))
    old_level: Mapped[str | None] = mapped_column(String(16))
    old_tier: Mapped[str | None] = mapped_column(String(1))
    new_level: Mapped[str] = mapped_column(String(16))
    new_tier: Mapped[str | None] = mapped_column(String(1))
    contacted_by: Mapped[str | None] = mapped_column(String(100))
    contacted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_recalls_intake_id", "intake_id"),)


class AuditRow(Base):
    """Who did what and when, hash-chained (access/audit_chain.py). Record ids only, never patient details.

    `seq` is the entry's position in the chain (1, 2, ...), `prev_hash` the hash of the entry before it and
    `entry_hash` its own; rows are read in `id` order (the order they were written). `at` is naive UTC.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    who: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    desk: Mapped[str] = mapped_column(String(100))
    patient_id: Mapped[int | None] = mapped_column(Integer)
    intake_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ux_audit_log_seq", "seq", unique=True),
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_who", "who"),
        Index("ix_audit_log_patient_id", "patient_id"),
    )


class AuditHeadRow(Base):
    """The chain's newest entry (one row, id 1): read and moved in the same transaction as every append,
    under the write lock (BEGIN IMMEDIATE on SQLite, SELECT ... FOR UPDATE on PostgreSQL)."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class AccountRow(Base):
    """A staff account (access/accounts.py). `name_key` is the case-folded name, unique."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    name_key: Mapped[str] = mapped_column(String(40))
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ux_accounts_name_key", "name_key", unique=True),)


class AccessSecretRow(Base):
    """Hashes of secrets that are not passwords: the one-time recovery key ("recovery_key")."""

    __tablename__ = "access_secrets"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value_hash: Mapped[str] = mapped_column(String(255))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ClinicSettingRow(Base):
    """A clinic-wide setting (settings.CLINIC_FIELDS), one row per field, value as JSON."""

    __tablename__ = "clinic_settings"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


# Tables described in their own modules join the one metadata here (migrations and the schema test see
# every table): they import Base from this module, so they come after it.
from intake_app.storage import models_outcomes  # noqa: E402, F401 - registers the outcomes table
