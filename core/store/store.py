"""`Store`: one open database with its projects, conversations and settings."""

from __future__ import annotations

import logging
from pathlib import Path
from types import TracebackType

from core.paths import data_dir
from core.store.conversations import ConversationStore
from core.store.database import Database, create_sqlite_engine, migrate
from core.store.projects import ProjectStore
from core.store.settings import SettingsStore

log = logging.getLogger(__name__)
DB_NAME = "studio.db"


def default_path() -> Path:
    return data_dir() / DB_NAME


class Store:
    """Open with `Store.open()` (migrates on the way), close with `close()` or a `with` block."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine = create_sqlite_engine(path)
        try:
            migrate(self._engine, path)
        except BaseException:
            self._engine.dispose()
            raise
        db = Database(self._engine, path)
        self.projects = ProjectStore(db)
        self.conversations = ConversationStore(db, self.projects)
        self.settings = SettingsStore(db)

    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        return cls(path or default_path())

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
