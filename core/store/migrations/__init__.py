"""Alembic migrations of the local store, run programmatically by `core.store.database.migrate`."""
