from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ForeignKey, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, Model, SoftDeleted, TenantOwned
from app.taxes.models import TaxLink


class Customer(TenantOwned, SoftDeleted, Model):
    __tablename__ = "customers"
    __table_args__ = (
        sa.Index(
            "uq_customers_live_external_id",
            "organization_id",
            "external_id",
            unique=True,
            postgresql_where=sa.text("deleted_at IS NULL"),
        ),
    )

    external_id: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(255))
    legal_name: Mapped[str | None] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(64))
    # {"address_line1", "address_line2", "city", "zipcode", "state", "country"}
    billing_address: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    shipping_address: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    currency: Mapped[str | None] = mapped_column(String(3))
    timezone: Mapped[str | None] = mapped_column(String(64))
    tax_identification_number: Mapped[str | None] = mapped_column(String(64))
    invoice_grace_period: Mapped[int | None]  # days; none: the organization's
    net_payment_term: Mapped[int | None]  # days; none: the organization's


class CustomerTax(TenantOwned, TaxLink, Base):
    __tablename__ = "customer_taxes"

    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
