"""Unfinished uploads expire (tus Expiration extension).

uploads.expires_at is when an unfinished upload that nobody touched is removed with its bytes; each
accepted chunk moves it on. Uploads already pending when the hub upgrades get a full day from now.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("uploads") as batch:
        batch.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_uploads_expires_at", ["expires_at"])
    uploads = sa.table("uploads", sa.column("sha256", sa.String), sa.column("expires_at", sa.DateTime(timezone=True)))
    op.execute(uploads.update().where(uploads.c.sha256.is_(None))
               .values(expires_at=datetime.now(UTC) + timedelta(days=1)))


def downgrade() -> None:
    with op.batch_alter_table("uploads") as batch:
        batch.drop_index("ix_uploads_expires_at")
        batch.drop_column("expires_at")
