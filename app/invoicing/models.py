from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Model, TenantOwned


class InvoiceSubscription(TenantOwned, Model):
    """What an invoice bills of a subscription: the boundary it was issued at, the period billed in
    arrears (usage, and the fee of a plan paid in arrears) and the period paid in advance.

    Unique per subscription and boundary: whatever runs twice or at once, one invoice per period."""

    __tablename__ = "invoice_subscriptions"
    __table_args__ = (
        sa.UniqueConstraint("subscription_id", "billed_at", name="uq_invoice_subscriptions_boundary"),
    )

    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), index=True)
    subscription_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("subscriptions.id", ondelete="RESTRICT"))
    billed_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(16))  # start, period or termination
    arrears_start: Mapped[datetime | None]
    arrears_end: Mapped[datetime | None]
    advance_start: Mapped[datetime | None]
    advance_end: Mapped[datetime | None]
