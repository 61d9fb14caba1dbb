from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, TenantOwned, enum_column, utcnow


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


class EventSource(enum.Enum):
    GRAPH = "graph"
    API = "api"


class RejectedEvent(TenantOwned, Base):
    """A usage event refused at ingestion, kept so that an integrator can see what was sent and why it
    was refused: the 30 most recent days, at most ``REJECTED_KEPT`` per organization (pruned as new ones
    arrive). ``sent`` is the event as received, as JSON cut at ``SENT_LIMIT`` characters; the three ids
    are the sent values that were valid strings."""

    __tablename__ = "rejected_events"
    __table_args__ = (
        sa.Index("ix_rejected_events_organization_id_created_at", "organization_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(
        primary_key=True, default=uuid.uuid4, server_default=sa.text("gen_random_uuid()"), sort_order=-10
    )
    organization_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE"), sort_order=-5
    )
    transaction_id: Mapped[str | None] = mapped_column(String(255))
    external_subscription_id: Mapped[str | None] = mapped_column(String(255))
    code: Mapped[str | None] = mapped_column(String(255))
    errors: Mapped[dict[str, str]] = mapped_column(JSONB)
    sent: Mapped[str] = mapped_column(sa.Text)
    source: Mapped[EventSource] = mapped_column(enum_column(EventSource))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=sa.func.now())
