"""Alembic environment: runs on the connection the application hands over.

That connection is already inside the one upgrade transaction (BEGIN EXCLUSIVE on SQLite), so
`begin_transaction` below adds none and nothing is committed between migrations.
"""

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
    transaction_per_migration=False,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
