"""Revision 0004 on a hub that already has data, on SQLite and PostgreSQL: purchases made before it
stay bought, unlisting takes a listing out of the database's own search index and listing it again
puts it back, and going down again keeps the paid purchases."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from hub.db import MIGRATIONS, make_engine
from tests.hub.services import Postgres


def _to(engine: Engine, revision: str, down: bool = False) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _found(engine: Engine, word: str) -> list[int]:
    """Listing ids the database's full-text index itself matches (FTS5 table / tsvector column)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.execute(text("SELECT rowid FROM listings_fts WHERE listings_fts MATCH :w"), {"w": word})
        else:
            rows = conn.execute(text("SELECT id FROM listings WHERE search @@ to_tsquery('english', :w)"), {"w": word})
        return sorted(r[0] for r in rows)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Engine:
    if request.param == "postgresql":
        pg: Postgres = request.getfixturevalue("postgres")
        return make_engine(pg.create_database())
    return make_engine(f"sqlite:///{tmp_path / 'hub.db'}")


def test_0004_keeps_buyers_and_keeps_the_search_index_in_step(engine: Engine) -> None:
    _to(engine, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO users (id, username, display_name, password_hash) "
                          "VALUES (1, 'maker', '', 'x'), (2, 'buyer', '', 'x')"))
        conn.execute(text(
            "INSERT INTO listings (id, slug, title, description, creator_id, category, licence, price_cents, "
            "tags_text, has_parameters, images, downloads, likes, makes) VALUES "
            "(7, 'terracotta-7', 'Terracotta planter', '', 1, 'planters', 'CC-BY', 300, '', false, '[]', 0, 0, 0)"))
        conn.execute(text("INSERT INTO purchases (user_id, listing_id, price_cents) VALUES (2, 7, 300)"))
    _to(engine, "0004")

    with engine.connect() as conn:
        bought = conn.execute(text("SELECT id, state, provider, price_cents FROM purchases WHERE user_id = 2")).one()
    assert bought.state == "paid" and bought.provider == "legacy" and bought.price_cents == 300
    assert bought.id.startswith("pur_")
    assert _found(engine, "terracotta") == [7]
    with engine.begin() as conn:
        conn.execute(text("UPDATE listings SET unlisted_at = CURRENT_TIMESTAMP WHERE id = 7"))
    assert _found(engine, "terracotta") == []
    with engine.begin() as conn:
        conn.execute(text("UPDATE listings SET downloads = downloads + 1 WHERE id = 7"))  # counters leave it out
    assert _found(engine, "terracotta") == []
    with engine.begin() as conn:
        conn.execute(text("UPDATE listings SET unlisted_at = NULL WHERE id = 7"))
    assert _found(engine, "terracotta") == [7]

    with engine.begin() as conn:
        conn.execute(text("UPDATE listings SET unlisted_at = CURRENT_TIMESTAMP WHERE id = 7"))
    _to(engine, "0003", down=True)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT user_id, listing_id FROM purchases")).all() == [(2, 7)]
    assert _found(engine, "terracotta") == [7]  # without the mark, every listing is searchable again
    engine.dispose()
