"""The `outcomes` table: what the specialist found after a referral (issue 17), migration 0005.

A row is never changed once written. A correction is a new row with the next `row_version` for the same
intake, so every earlier version stays readable; the current outcome is the row with the highest
`row_version`. The unique (intake_id, row_version) index stops two desks from writing the same version:
the second one is refused as a stale save. Times are naive UTC, like every other time in the database.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column

from intake_app.storage.models import Base


class OutcomeRow(Base):
    __tablename__ = "outcomes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    intake_id: Mapped[int] = mapped_column(ForeignKey("intakes.id", ondelete="CASCADE"))
    finding: Mapped[str] = mapped_column(String(20))  # domain.outcomes.FINDINGS codes
    other_cause: Mapped[str] = mapped_column(String(200), server_default=text("''"))
    seen_by: Mapped[str] = mapped_column(String(200), server_default=text("''"))
    seen_on: Mapped[dt.date | None] = mapped_column(Date)
    imaging: Mapped[str] = mapped_column(String(200), server_default=text("''"))  # codes joined by ","
    urgent_route_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, server_default=text("''"))
    synthetic: Mapped[bool] = mapped_column(Boolean, server_default=false())
    recorded_by: Mapped[str] = mapped_column(String(100))  # the account name (staff, not patient data)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # 1 for the first outcome of the intake, 2 for its first correction, ...
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __table_args__ = (Index("ux_outcomes_intake_version", "intake_id", "row_version", unique=True),)
