"""Accounting integrations (Xero, NetSuite) and the mappings from billing objects to the tool's item,
account and tax codes, which the tool-specific exports use."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ForeignKey, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Model, SoftDeleted, TenantOwned, enum_column, live_code_index


class IntegrationKind(enum.Enum):
    XERO = "xero"
    NETSUITE = "netsuite"


class MappableType(enum.Enum):
    """What a mapping maps. The first three name one object (``mappable_id``); the others are the
    organization-wide lines of an invoice or a credit note, and ``FALLBACK_ITEM`` is for any item
    without a mapping of its own."""

    ADD_ON = "add_on"
    BILLABLE_METRIC = "billable_metric"
    TAX = "tax"
    SUBSCRIPTION_FEE = "subscription_fee"
    COUPON = "coupon"
    CREDIT_NOTE = "credit_note"
    PREPAID_CREDIT = "prepaid_credit"
    FALLBACK_ITEM = "fallback_item"


OBJECT_MAPPINGS = frozenset({MappableType.ADD_ON, MappableType.BILLABLE_METRIC, MappableType.TAX})


class Integration(TenantOwned, SoftDeleted, Model):
    __tablename__ = "integrations"
    __table_args__ = (live_code_index("integrations"),)
    __secret_columns__ = frozenset({"credentials_encrypted"})

    kind: Mapped[IntegrationKind] = mapped_column(enum_column(IntegrationKind))
    name: Mapped[str] = mapped_column(String(255))
    code: Mapped[str] = mapped_column(String(64))
    settings: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    credentials_encrypted: Mapped[str] = mapped_column(sa.Text)  # write-only: never returned
    credentials_updated_at: Mapped[datetime]


class IntegrationMapping(TenantOwned, Model):
    __tablename__ = "integration_mappings"
    __table_args__ = (
        sa.Index(
            "uq_integration_mappings_target",
            "integration_id",
            "mappable_type",
            "mappable_id",
            unique=True,
            postgresql_nulls_not_distinct=True,
        ),
    )

    integration_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("integrations.id", ondelete="CASCADE"), index=True
    )
    mappable_type: Mapped[MappableType] = mapped_column(enum_column(MappableType))
    mappable_id: Mapped[uuid.UUID | None]
    item_code: Mapped[str | None] = mapped_column(String(255))
    account_code: Mapped[str | None] = mapped_column(String(255))
    tax_code: Mapped[str | None] = mapped_column(String(255))
    name: Mapped[str | None] = mapped_column(String(255))
