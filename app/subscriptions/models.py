from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.billing.periods import BillingTime
from app.db.base import Model, TenantOwned, enum_column


class SubscriptionStatus(enum.Enum):
    PENDING = "pending"
    ACTIVE = "active"
    TERMINATED = "terminated"
    CANCELED = "canceled"


LIVE = (SubscriptionStatus.PENDING, SubscriptionStatus.ACTIVE)


class Subscription(TenantOwned, Model):
    """One period of a customer on one plan. A plan change ends it and starts its successor, which keeps
    the ``external_id`` (usage events name the subscription by it) and links back through
    ``previous_subscription_id``."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        sa.Index(
            "uq_subscriptions_active_external_id",
            "organization_id",
            "external_id",
            unique=True,
            postgresql_where=sa.text("status = 'active'"),
        ),
        sa.Index(
            "uq_subscriptions_pending_external_id",
            "organization_id",
            "external_id",
            unique=True,
            postgresql_where=sa.text("status = 'pending'"),
        ),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), index=True
    )
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="RESTRICT"), index=True)
    external_id: Mapped[str] = mapped_column(String(255))
    name: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[SubscriptionStatus] = mapped_column(enum_column(SubscriptionStatus), index=True)
    billing_time: Mapped[BillingTime] = mapped_column(enum_column(BillingTime))
    subscription_at: Mapped[datetime]
    started_at: Mapped[datetime | None]
    ending_at: Mapped[datetime | None]
    terminated_at: Mapped[datetime | None]
    canceled_at: Mapped[datetime | None]
    trial_ends_at: Mapped[datetime | None]
    previous_subscription_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("subscriptions.id", ondelete="RESTRICT"), index=True
    )
    # Billing progress: everything up to ``billed_through`` is invoiced; the next invoice is due at
    # ``next_billing_at`` (none: nothing left to bill). Kept by app.invoicing.schedule.
    billed_through: Mapped[datetime | None]
    next_billing_at: Mapped[datetime | None] = mapped_column(index=True)
