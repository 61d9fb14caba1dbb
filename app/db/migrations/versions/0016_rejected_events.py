"""rejected events: the usage events refused at ingestion and why, under row-level security

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03

An integrator sees what was sent and why it was refused (the Developers screen, ``rejectedEvents``)
without having to listen to ``events.rejected`` webhooks.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

TENANT_TABLES = ("rejected_events",)


def upgrade() -> None:
    op.create_table(
        "rejected_events",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("transaction_id", sa.String(length=255), nullable=True),
        sa.Column("external_subscription_id", sa.String(length=255), nullable=True),
        sa.Column("code", sa.String(length=255), nullable=True),
        sa.Column("errors", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("sent", sa.Text(), nullable=False),
        sa.Column(
            "source",
            sa.Enum("graph", "api", name="eventsource", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_rejected_events_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejected_events")),
    )
    op.create_index(
        "ix_rejected_events_organization_id_created_at",
        "rejected_events",
        ["organization_id", "created_at"],
        unique=False,
    )
    for table in TENANT_TABLES:  # as in 0008
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY tenant_isolation ON {table} "
            "USING (billgraph_tenant_id() IS NULL OR organization_id = billgraph_tenant_id()) "
            "WITH CHECK (billgraph_tenant_id() IS NULL OR organization_id = billgraph_tenant_id())"
        )


def downgrade() -> None:
    op.drop_index("ix_rejected_events_organization_id_created_at", table_name="rejected_events")
    op.drop_table("rejected_events")
