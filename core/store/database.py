"""The SQLite engine and its migrations.

Every connection gets WAL (the desktop and a `potstudio export` in a terminal can read while the
other writes), foreign keys (SQLite leaves them off by default, and cascades depend on them) and a
busy timeout (a second writer waits instead of failing at once). Migrations run on open, so an
upgraded app finds its old database brought up to date, and a database from a newer app is
refused with a clear message instead of being damaged.

We issue BEGIN ourselves instead of letting the sqlite3 module do it (SQLAlchemy's documented
recipe): the module's own handling runs DDL outside any transaction, so a migration interrupted
half-way would leave a half-made schema. Write transactions start with BEGIN IMMEDIATE: in WAL mode
a deferred transaction that read first and then writes fails at once with SQLITE_BUSY when another
process wrote meanwhile, whereas IMMEDIATE takes the write lock up front and waits its turn.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from core.errors import StoreError

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000
_IMMEDIATE = "potstudio_begin_immediate"


def create_sqlite_engine(path: Path) -> Engine:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Cannot create the folder for the project database {path}: {exc.strerror}.") from None
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


class Database:
    """Sessions: `read()` for queries, `write()` for a transaction that commits on exit.

    Database failures (locked beyond the busy timeout, disk full, a damaged page) become a
    StoreError naming the file; IntegrityError passes through, since the stores turn each
    constraint into its own message (a duplicate name, an append-only version).
    """

    def __init__(self, engine: Engine, path: Path) -> None:
        self.path = path
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(**{_IMMEDIATE: True}), expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._translated("read"), self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._translated("written"), self._write.begin() as session:
            yield session

    @contextmanager
    def _translated(self, action: str) -> Iterator[None]:
        try:
            yield
        except IntegrityError:
            raise
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"The project database {self.path} could not be {action}: {reason}.") from exc


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_IMMEDIATE) else "BEGIN")


def _configure_connection(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # the "begin" event above issues BEGIN
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")  # a saved version survives a power cut, not just a crash
    finally:
        cursor.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def migrate(engine: Engine, where: Path) -> None:
    """Bring the database up to the newest schema (creating it when empty)."""
    config = _alembic_config()
    script = ScriptDirectory.from_config(config)
    try:
        with engine.connect().execution_options(**{_IMMEDIATE: True}) as conn, conn.begin():
            current = MigrationContext.configure(conn).get_current_revision()
            if current == script.get_current_head():
                return
            if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
                raise StoreError(
                    f"The project database {where} was written by a newer 3D Pot Studio (schema {current}); "
                    "please update the app. Your data has not been changed."
                )
            log.info("migrating %s from %s to %s", where, current or "empty", script.get_current_head())
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except (SQLAlchemyError, CommandError) as exc:
        raise StoreError(
            f"The project database {where} cannot be opened ({exc.__class__.__name__}: {exc}). "
            "If it is damaged, move it aside and restart; 3D Pot Studio will create a new one."
        ) from exc
