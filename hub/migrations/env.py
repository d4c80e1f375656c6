"""Alembic environment: the hub passes its live connection in `config.attributes["connection"]`."""

from __future__ import annotations

from alembic import context

import hub.models  # noqa: F401  (registers every table on Base.metadata)
from hub.db import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("hub migrations run through hub.db.migrate(), which supplies the connection")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
