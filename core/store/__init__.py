"""The local store: projects, their append-only versions, conversations and settings in SQLite.

Depends only on core (document, assistant's Message model, paths, errors) and SQLAlchemy/Alembic.
The desktop's composition root opens one `Store` and hands it down; nothing here is a singleton.
`Store` is imported on first use (PEP 562), so `core.store.projectfile` — plain JSON files — does not
pay for loading SQLAlchemy and Alembic (the CLI starts faster).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.store.store import Store, default_path

__all__ = ["Store", "default_path"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from core.store import store

        return getattr(store, name)
    raise AttributeError(f"module 'core.store' has no attribute '{name}'")
