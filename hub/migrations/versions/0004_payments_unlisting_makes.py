"""Purchases that wait for the payment provider, unlisted listings, and one "made it" per person.

- purchases get an id, a state (pending / paid / refunded) and the provider's checkout; a purchase
  recorded before this revision had no payment check at all, but the hub cannot tell who paid the
  operator some other way, so those rows become paid rather than locking buyers out.
- payment_events remembers every webhook event applied, so a replayed event is refused.
- listings.unlisted_at marks a creator's unpublished listing. The search index drops it at once
  and takes it back if it is ever listed again: SQLite's FTS triggers skip unlisted rows, and
  PostgreSQL's generated tsvector is NULL for them. The SQLite update trigger now fires only when an
  indexed column changes, not on every download or like count.
- makes holds one row per person and listing; listings.makes keeps its count so far and only
  grows when a new row goes in.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FTS_COLUMNS = "title, description, tags_text"
SQLITE_TRIGGERS_UP = [
    "CREATE TRIGGER listings_fts_ai AFTER INSERT ON listings WHEN new.unlisted_at IS NULL BEGIN "
    f"INSERT INTO listings_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, new.title, new.description, new.tags_text); "
    "END",
    "CREATE TRIGGER listings_fts_ad AFTER DELETE ON listings WHEN old.unlisted_at IS NULL BEGIN "
    f"INSERT INTO listings_fts(listings_fts, rowid, {FTS_COLUMNS}) "
    "VALUES ('delete', old.id, old.title, old.description, old.tags_text); END",
    f"CREATE TRIGGER listings_fts_au AFTER UPDATE OF {FTS_COLUMNS}, unlisted_at ON listings BEGIN "
    f"INSERT INTO listings_fts(listings_fts, rowid, {FTS_COLUMNS}) "
    "SELECT 'delete', old.id, old.title, old.description, old.tags_text WHERE old.unlisted_at IS NULL; "
    f"INSERT INTO listings_fts(rowid, {FTS_COLUMNS}) "
    "SELECT new.id, new.title, new.description, new.tags_text WHERE new.unlisted_at IS NULL; END",
]
SQLITE_TRIGGERS_DOWN = [  # revision 0002's
    "CREATE TRIGGER listings_fts_ai AFTER INSERT ON listings BEGIN "
    f"INSERT INTO listings_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, new.title, new.description, new.tags_text); "
    "END",
    "CREATE TRIGGER listings_fts_ad AFTER DELETE ON listings BEGIN "
    f"INSERT INTO listings_fts(listings_fts, rowid, {FTS_COLUMNS}) "
    "VALUES ('delete', old.id, old.title, old.description, old.tags_text); END",
    "CREATE TRIGGER listings_fts_au AFTER UPDATE ON listings BEGIN "
    f"INSERT INTO listings_fts(listings_fts, rowid, {FTS_COLUMNS}) "
    "VALUES ('delete', old.id, old.title, old.description, old.tags_text); "
    f"INSERT INTO listings_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, new.title, new.description, new.tags_text); "
    "END",
]
TSVECTOR = ("setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', coalesce(tags_text, '')), 'B') || "
            "setweight(to_tsvector('english', coalesce(description, '')), 'C')")


def _postgres_search_column(expression: str) -> None:
    """A generated column's expression cannot be altered before PostgreSQL 17: drop and add it again."""
    op.execute("DROP INDEX ix_listings_search")
    op.execute("ALTER TABLE listings DROP COLUMN search")
    op.execute(f"ALTER TABLE listings ADD COLUMN search tsvector GENERATED ALWAYS AS ({expression}) STORED")
    op.execute("CREATE INDEX ix_listings_search ON listings USING GIN (search)")


def _sqlite_triggers(statements: list[str]) -> None:
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER listings_fts_{suffix}")
    for statement in statements:
        op.execute(statement)


def _purchases(*extra: sa.ColumnClause[object]) -> sa.TableClause:
    """The columns both shapes of purchases share, typed so that SQLite's stored timestamps come back
    as datetimes the other shape's table accepts."""
    return sa.table("purchases", sa.column("user_id", sa.Integer()), sa.column("listing_id", sa.Integer()),
                    sa.column("price_cents", sa.Integer()), sa.column("created_at", sa.DateTime(timezone=True)),
                    *extra)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column("listings", sa.Column("unlisted_at", sa.DateTime(timezone=True), nullable=True))
    if sqlite:
        _sqlite_triggers(SQLITE_TRIGGERS_UP)
    else:
        _postgres_search_column(f"CASE WHEN unlisted_at IS NULL THEN {TSVECTOR} END")

    old = op.get_bind().execute(sa.select(_purchases())).all()
    op.drop_table("purchases")
    purchases = op.create_table(
        "purchases",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("listing_id", sa.Integer(), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("provider", sa.String(length=20), nullable=False),
        sa.Column("checkout_id", sa.String(length=200), nullable=True),
        sa.Column("checkout_url", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["listing_id"], ["listings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("checkout_id"),
        sa.UniqueConstraint("user_id", "listing_id", name="uq_purchases_user_listing"),
    )
    op.create_index(op.f("ix_purchases_listing_id"), "purchases", ["listing_id"], unique=False)
    op.bulk_insert(purchases, [
        {"id": f"pur_{uuid.uuid4().hex}", "user_id": r.user_id, "listing_id": r.listing_id,
         "price_cents": r.price_cents, "state": "paid", "provider": "legacy", "checkout_id": None,
         "checkout_url": None, "created_at": r.created_at, "updated_at": r.created_at}
        for r in old
    ])

    op.create_table(
        "payment_events",
        sa.Column("provider", sa.String(length=20), nullable=False),
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("provider", "event_id"),
    )
    op.create_table(
        "makes",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("listing_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["listing_id"], ["listings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "listing_id"),
    )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_table("makes")
    op.drop_table("payment_events")
    current = _purchases(sa.column("state", sa.String()))
    paid = op.get_bind().execute(sa.select(current.c.user_id, current.c.listing_id, current.c.price_cents,
                                           current.c.created_at).where(current.c.state == "paid")).all()
    op.drop_index(op.f("ix_purchases_listing_id"), table_name="purchases")
    op.drop_table("purchases")
    purchases = op.create_table(
        "purchases",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("listing_id", sa.Integer(), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.ForeignKeyConstraint(["listing_id"], ["listings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "listing_id"),
    )
    op.bulk_insert(purchases, [dict(r._mapping) for r in paid])

    if sqlite:
        # the old triggers index every row: put the unlisted ones back into the index before dropping the mark
        _sqlite_triggers(SQLITE_TRIGGERS_DOWN)
        op.execute(f"INSERT INTO listings_fts(rowid, {FTS_COLUMNS}) "
                   "SELECT id, title, description, tags_text FROM listings WHERE unlisted_at IS NOT NULL")
        op.execute("ALTER TABLE listings DROP COLUMN unlisted_at")
    else:
        _postgres_search_column(TSVECTOR)
        op.drop_column("listings", "unlisted_at")
