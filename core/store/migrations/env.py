"""Alembic environment: always online, on the connection `core.store.database.migrate` passes in.

There is no alembic.ini: the app ships its migrations inside the package and runs them on open,
so a user never runs a migration tool by hand.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from core.store.models import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("The store's migrations run only through core.store.database.migrate().")
# render_as_batch: SQLite cannot ALTER most things, so later revisions use batch (copy-and-move) mode.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
