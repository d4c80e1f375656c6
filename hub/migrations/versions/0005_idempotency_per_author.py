"""Idempotency keys of project ops belong to their author, and remember the request they answered.

- the unique key of an op's Idempotency-Key was (project, key): another member of the project
  sending the same key collided with it. It is now (project, author, key).
- body_hash keeps the sha256 of the op as first sent, so a reuse of the key with a different body
  is refused (422) instead of silently answering with the first op and dropping the edit. Ops
  written before this revision have none and are replayed as before.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# SQLite keeps 0001's unique constraints unnamed; batch mode names them by this convention to drop one
CONVENTION = {"uq": "uq_%(table_name)s_%(column_0_N_name)s"}
OLD_KEY = "uq_project_ops_project_id_op_id"
NEW_KEY = "uq_project_ops_author_key"


def _old_key_name() -> str:
    return OLD_KEY if op.get_bind().dialect.name == "sqlite" else "project_ops_project_id_op_id_key"


def upgrade() -> None:
    with op.batch_alter_table("project_ops", naming_convention=CONVENTION) as batch_op:
        batch_op.add_column(sa.Column("body_hash", sa.String(length=64), nullable=True))
        batch_op.drop_constraint(_old_key_name(), type_="unique")
        batch_op.create_unique_constraint(NEW_KEY, ["project_id", "author_id", "op_id"])


def downgrade() -> None:
    with op.batch_alter_table("project_ops", naming_convention=CONVENTION) as batch_op:
        batch_op.drop_constraint(NEW_KEY, type_="unique")
        batch_op.create_unique_constraint(_old_key_name(), ["project_id", "op_id"])
        batch_op.drop_column("body_hash")
