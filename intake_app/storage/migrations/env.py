"""Alembic environment: runs on the connection the application hands over."""

from __future__ import annotations

from alembic import context

from intake_app.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app always passes its own connection
    raise RuntimeError("intake_app migrations run through intake_app.storage.database.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
