"""Category names in other languages, and the Brazilian Portuguese names of the reference categories.

A client names its language in Accept-Language; /categories answers in it where a name exists, so the
marketplace's filters read "Arte e decoração" in a Portuguese app instead of the English reference name.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PT_BR = {
    "home": "Casa e decoração", "planters": "Vasos de planta e cachepôs", "vases": "Vasos decorativos",
    "kitchen": "Cozinha", "storage": "Caixas e organização", "tools": "Ferramentas e oficina",
    "organisers": "Organizadores", "brackets": "Suportes de parede e ganchos", "gadgets": "Acessórios",
    "stands": "Suportes e apoios", "mechanical": "Peças mecânicas", "gears": "Engrenagens",
    "enclosures": "Caixas para eletrônicos", "art": "Arte e decoração", "toys": "Brinquedos e jogos",
    "education": "Educação", "other": "Outros",
}


def upgrade() -> None:
    op.create_table(
        "category_titles",
        sa.Column("slug", sa.String(length=60), nullable=False),
        sa.Column("language", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["slug"], ["categories.slug"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("slug", "language"),
    )
    titles = sa.table("category_titles", sa.column("slug"), sa.column("language"), sa.column("title"))
    op.bulk_insert(titles, [{"slug": slug, "language": "pt-BR", "title": title} for slug, title in PT_BR.items()])


def downgrade() -> None:
    op.drop_table("category_titles")
