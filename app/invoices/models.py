from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Model, TenantOwned, enum_column


class InvoiceKind(enum.Enum):
    SUBSCRIPTION = "subscription"
    ONE_OFF = "one_off"
    CREDIT = "credit"


class InvoiceStatus(enum.Enum):
    DRAFT = "draft"
    FINALIZED = "finalized"
    VOIDED = "voided"


class PaymentStatus(enum.Enum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class FeeKind(enum.Enum):
    SUBSCRIPTION = "subscription"
    CHARGE = "charge"
    ADD_ON = "add_on"
    CREDIT = "credit"


class Invoice(TenantOwned, Model):
    """Amounts are minor units of ``currency``. A finalized invoice never changes."""

    __tablename__ = "invoices"
    __table_args__ = (
        sa.UniqueConstraint("organization_id", "sequential_id"),
        sa.UniqueConstraint("organization_id", "number"),
        sa.Index("ix_invoices_organization_id_issuing_date", "organization_id", "issuing_date"),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), index=True
    )
    sequential_id: Mapped[int]
    number: Mapped[str] = mapped_column(String(32))
    invoice_type: Mapped[InvoiceKind] = mapped_column(enum_column(InvoiceKind))
    status: Mapped[InvoiceStatus] = mapped_column(enum_column(InvoiceStatus))
    payment_status: Mapped[PaymentStatus] = mapped_column(
        enum_column(PaymentStatus), default=PaymentStatus.PENDING
    )
    currency: Mapped[str] = mapped_column(String(3))
    issuing_date: Mapped[date]
    payment_due_date: Mapped[date]
    net_payment_term: Mapped[int] = mapped_column(default=0)
    fees_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    coupons_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    sub_total_excluding_taxes_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    taxes_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    sub_total_including_taxes_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    credit_notes_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    prepaid_credit_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    total_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    # Who was billed, as they were on the issuing date (name, legal name, email, tax number, address).
    customer_snapshot: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    finalized_at: Mapped[datetime | None]
    voided_at: Mapped[datetime | None]
    paid_at: Mapped[datetime | None]


class Fee(TenantOwned, Model):
    """One line of an invoice: ``units`` at ``unit_amount_cents`` (precise), then its coupon share,
    its taxes and its total, each rounded to a minor unit with the precise value kept."""

    __tablename__ = "fees"

    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), index=True)
    fee_type: Mapped[FeeKind] = mapped_column(enum_column(FeeKind))
    subscription_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("subscriptions.id", ondelete="RESTRICT")
    )
    charge_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("charges.id", ondelete="RESTRICT"))
    add_on_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("add_ons.id", ondelete="RESTRICT"))
    description: Mapped[str] = mapped_column(String(500))
    units: Mapped[Decimal] = mapped_column(sa.Numeric())
    unit_amount_cents: Mapped[Decimal] = mapped_column(sa.Numeric())
    precise_amount_cents: Mapped[Decimal] = mapped_column(sa.Numeric())
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    coupons_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    taxes_rate: Mapped[Decimal] = mapped_column(sa.Numeric(), default=Decimal(0))
    taxes_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    total_amount_cents: Mapped[int] = mapped_column(BigInteger)
    period_start: Mapped[datetime | None]
    period_end: Mapped[datetime | None]
    position: Mapped[int] = mapped_column(default=0)


class FeeTax(TenantOwned, Model):
    """A tax applied to a fee, with the tax's code, name and rate as they were (a tax may change later)."""

    __tablename__ = "fee_taxes"

    fee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fees.id", ondelete="CASCADE"), index=True)
    tax_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("taxes.id", ondelete="SET NULL"))
    tax_code: Mapped[str] = mapped_column(String(64))
    tax_name: Mapped[str] = mapped_column(String(255))
    tax_rate: Mapped[Decimal] = mapped_column(sa.Numeric())
    precise_amount_cents: Mapped[Decimal] = mapped_column(sa.Numeric())
    amount_cents: Mapped[int] = mapped_column(BigInteger)
