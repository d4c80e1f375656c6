"""The local store: projects, their append-only versions, conversations and settings in SQLite.

Depends only on core (document, assistant's Message model, paths, errors) and SQLAlchemy/Alembic.
The desktop's composition root opens one `Store` and hands it down; nothing here is a singleton.
"""

from core.store.store import Store, default_path

__all__ = ["Store", "default_path"]
