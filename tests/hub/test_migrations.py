"""Alembic owns the schema: a fresh database migrates to the models exactly, and back down again."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

import hub.models  # noqa: F401
from hub.db import MIGRATIONS, Base, make_engine, migrate


def _search_objects(diff: object) -> bool:
    """The FTS table and its shadow tables are made by migration 0002 on purpose, outside the models."""
    return "listings_fts" in repr(diff)


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'hub.db'}")
    migrate(engine)
    migrate(engine)  # running again at start-up is a no-op
    with engine.connect() as conn:
        diffs = [d for d in compare_metadata(MigrationContext.configure(conn), Base.metadata)
                 if not _search_objects(d)]
        assert diffs == []
        assert conn.execute(text("SELECT count(*) FROM oauth_clients")).scalar() == 2


def test_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'hub.db'}")
    migrate(engine)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate(engine)
    assert "listings" in inspect(engine).get_table_names()
