from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, TenantOwned, utcnow


class Event(TenantOwned, Base):
    """One usage event. Immutable: no update time. ``transaction_id`` makes it idempotent per
    subscription; events name their subscription by its ``external_id`` and are billed by timestamp."""

    __tablename__ = "events"
    __table_args__ = (
        sa.UniqueConstraint(
            "organization_id", "external_subscription_id", "transaction_id", name="uq_events_transaction"
        ),
        sa.Index("ix_events_usage", "organization_id", "external_subscription_id", "code", "timestamp"),
        sa.Index("ix_events_organization_id_created_at", "organization_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(
        primary_key=True, default=uuid.uuid4, server_default=sa.text("gen_random_uuid()"), sort_order=-10
    )
    # No index of its own: the three indexes below all lead with it (fewer indexes, faster ingestion).
    organization_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE"), sort_order=-5
    )
    external_subscription_id: Mapped[str] = mapped_column(String(255))
    transaction_id: Mapped[str] = mapped_column(String(255))
    code: Mapped[str] = mapped_column(String(64))
    timestamp: Mapped[datetime]
    properties: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default="{}")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=sa.func.now())
