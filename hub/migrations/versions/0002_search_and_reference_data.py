"""Full-text search over listings and the reference rows every hub starts with.

SQLite gets an external-content FTS5 table kept in step by triggers; PostgreSQL a stored generated
tsvector column with a GIN index. Both are maintained by the database, so no code path can forget
to update the index.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CATEGORIES = [
    ("home", "Home & living", None),
    ("planters", "Planters & pots", "home"),
    ("vases", "Vases", "home"),
    ("kitchen", "Kitchen", "home"),
    ("storage", "Storage & boxes", "home"),
    ("tools", "Tools & workshop", None),
    ("organisers", "Organisers", "tools"),
    ("brackets", "Brackets & hooks", "tools"),
    ("gadgets", "Gadgets", None),
    ("stands", "Stands & holders", "gadgets"),
    ("mechanical", "Mechanical parts", None),
    ("gears", "Gears", "mechanical"),
    ("enclosures", "Enclosures", "mechanical"),
    ("art", "Art & decor", None),
    ("toys", "Toys & games", None),
    ("education", "Education", None),
    ("other", "Other", None),
]

CLIENTS = [
    ("potstudio-desktop", "3D Pot Studio", "/callback", "authorization_code refresh_token"),
    ("potstudio-cli", "potstudio command line", "", "urn:ietf:params:oauth:grant-type:device_code refresh_token"),
]

SQLITE_UP = [
    "CREATE VIRTUAL TABLE listings_fts USING fts5(title, description, tags_text, content='listings', "
    "content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER listings_fts_ai AFTER INSERT ON listings BEGIN "
    "INSERT INTO listings_fts(rowid, title, description, tags_text) "
    "VALUES (new.id, new.title, new.description, new.tags_text); END",
    "CREATE TRIGGER listings_fts_ad AFTER DELETE ON listings BEGIN "
    "INSERT INTO listings_fts(listings_fts, rowid, title, description, tags_text) "
    "VALUES ('delete', old.id, old.title, old.description, old.tags_text); END",
    "CREATE TRIGGER listings_fts_au AFTER UPDATE ON listings BEGIN "
    "INSERT INTO listings_fts(listings_fts, rowid, title, description, tags_text) "
    "VALUES ('delete', old.id, old.title, old.description, old.tags_text); "
    "INSERT INTO listings_fts(rowid, title, description, tags_text) "
    "VALUES (new.id, new.title, new.description, new.tags_text); END",
]
POSTGRES_UP = [
    "ALTER TABLE listings ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(tags_text, '')), 'B') || "
    "setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED",
    "CREATE INDEX ix_listings_search ON listings USING GIN (search)",
]


def upgrade() -> None:
    bind = op.get_bind()
    for statement in SQLITE_UP if bind.dialect.name == "sqlite" else POSTGRES_UP:
        op.execute(statement)
    categories = sa.table("categories", sa.column("slug"), sa.column("title"), sa.column("parent"))
    op.bulk_insert(categories, [{"slug": s, "title": t, "parent": p} for s, t, p in CATEGORIES])
    clients = sa.table(
        "oauth_clients", sa.column("client_id"), sa.column("name"), sa.column("redirect_paths"),
        sa.column("grant_types"),
    )
    op.bulk_insert(clients, [
        {"client_id": c, "name": n, "redirect_paths": r, "grant_types": g} for c, n, r, g in CLIENTS
    ])


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE listings_fts")
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER listings_fts_{suffix}")
    else:
        op.execute("DROP INDEX ix_listings_search")
        op.execute("ALTER TABLE listings DROP COLUMN search")
    op.execute("DELETE FROM oauth_clients")
    op.execute("DELETE FROM categories")
