from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Model


class Organization(Model):
    __tablename__ = "organizations"

    name: Mapped[str] = mapped_column(String(255))
    default_currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    billing_email: Mapped[str | None] = mapped_column(String(320))
    net_payment_term: Mapped[int] = mapped_column(
        default=0, server_default="0"
    )  # days, unless the customer's
    invoice_grace_period: Mapped[int] = mapped_column(
        default=0, server_default="0"
    )  # days invoices stay drafts
    invoice_prefix: Mapped[str] = mapped_column(String(12), default="INV", server_default="INV")
    invoice_sequence: Mapped[int] = mapped_column(default=0, server_default="0")  # the last number given
    credit_note_sequence: Mapped[int] = mapped_column(default=0, server_default="0")
    # currency -> cents: a credit note whose total is above it waits for approval (four eyes)
    credit_note_approval_thresholds: Mapped[dict[str, int]] = mapped_column(
        JSONB, default=dict, server_default=sa.text("'{}'::jsonb")
    )
    # currency -> {"amount_cents": cents or None (removed), "effective_at": ISO 8601}: a loosening that
    # waits (see ``approval_policy``); what is in force is read through ``approval_policy.in_force``
    credit_note_approval_pending: Mapped[dict[str, dict[str, Any]]] = mapped_column(
        JSONB, default=dict, server_default=sa.text("'{}'::jsonb")
    )
