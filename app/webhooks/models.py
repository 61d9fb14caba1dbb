from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ForeignKey, String
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Model, TenantOwned, enum_column


class WebhookEventType(enum.Enum):
    INVOICE_CREATED = "invoice.created"
    INVOICE_FINALIZED = "invoice.finalized"
    INVOICE_VOIDED = "invoice.voided"
    CREDIT_NOTE_CREATED = "credit_note.created"
    CREDIT_NOTE_APPROVED = "credit_note.approved"
    CREDIT_NOTE_REJECTED = "credit_note.rejected"
    SUBSCRIPTION_STARTED = "subscription.started"
    SUBSCRIPTION_CHANGED = "subscription.changed"
    SUBSCRIPTION_TERMINATED = "subscription.terminated"
    WALLET_TOPPED_UP = "wallet.topped_up"
    EVENTS_REJECTED = "events.rejected"
    APPROVAL_POLICY_UPDATED = "approval_policy.updated"  # credit-note approval thresholds (four eyes)
    EVENTS_WARNED = "events.warned"  # stored events that no period will bill


class SignatureAlgorithm(enum.Enum):
    HMAC_SHA256 = "hmac_sha256"


class WebhookStatus(enum.Enum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class WebhookEndpoint(TenantOwned, Model):
    """Where an organization's webhooks go. ``event_types`` empty: every type."""

    __tablename__ = "webhook_endpoints"
    __secret_columns__ = frozenset({"secret_encrypted"})

    url: Mapped[str] = mapped_column(String(2048))
    event_types: Mapped[list[str]] = mapped_column(ARRAY(String(64)), default=list)
    signature_algorithm: Mapped[SignatureAlgorithm] = mapped_column(enum_column(SignatureAlgorithm))
    secret_encrypted: Mapped[str] = mapped_column(String(500))  # never returned after creation
    deleted_at: Mapped[datetime | None]


class Webhook(TenantOwned, Model):
    """One delivery to one endpoint: written in the transaction of the change it tells (the outbox),
    sent by the worker, retried with backoff, kept as the delivery log."""

    __tablename__ = "webhooks"
    __audited__ = False  # the outbox: bookkeeping of the change it tells, not a change of its own
    __table_args__ = (
        sa.Index("ix_webhooks_due", "next_attempt_at", postgresql_where=sa.text("status = 'pending'")),
    )

    endpoint_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), index=True
    )
    event_type: Mapped[WebhookEventType] = mapped_column(enum_column(WebhookEventType))
    object_type: Mapped[str] = mapped_column(String(64))
    object_id: Mapped[uuid.UUID | None]
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    status: Mapped[WebhookStatus] = mapped_column(enum_column(WebhookStatus), default=WebhookStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    last_attempt_at: Mapped[datetime | None]
    last_response_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(String(500))
    delivered_at: Mapped[datetime | None]
