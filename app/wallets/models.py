from __future__ import annotations

import enum
import uuid
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Model, TenantOwned, enum_column


class WalletStatus(enum.Enum):
    ACTIVE = "active"
    TERMINATED = "terminated"


class TransactionType(enum.Enum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class TransactionStatus(enum.Enum):
    PENDING = "pending"
    SETTLED = "settled"
    FAILED = "failed"


class TransactionSource(enum.Enum):
    PURCHASED = "purchased"
    GRANTED = "granted"
    INVOICED = "invoiced"  # spent on an invoice
    VOIDED = "voided"  # given back when that invoice was voided


class Wallet(TenantOwned, Model):
    """Credits worth ``rate_amount`` (major units of ``currency``) each. The balance in minor units is
    always the credits balance at that rate, rounded half-up (never summed from rounded parts)."""

    __tablename__ = "wallets"
    __table_args__ = (
        sa.Index(
            "uq_wallets_active_customer",
            "customer_id",
            unique=True,
            postgresql_where=sa.text("status = 'active'"),
        ),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str | None] = mapped_column(String(255))
    currency: Mapped[str] = mapped_column(String(3))
    rate_amount: Mapped[Decimal] = mapped_column(sa.Numeric())
    status: Mapped[WalletStatus] = mapped_column(enum_column(WalletStatus), default=WalletStatus.ACTIVE)
    credits_balance: Mapped[Decimal] = mapped_column(sa.Numeric(), default=Decimal(0))
    balance_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    consumed_credits: Mapped[Decimal] = mapped_column(sa.Numeric(), default=Decimal(0))
    consumed_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    expiration_at: Mapped[datetime | None]
    terminated_at: Mapped[datetime | None]


class WalletTransaction(TenantOwned, Model):
    __tablename__ = "wallet_transactions"

    wallet_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("wallets.id", ondelete="CASCADE"), index=True)
    transaction_type: Mapped[TransactionType] = mapped_column(enum_column(TransactionType))
    status: Mapped[TransactionStatus] = mapped_column(enum_column(TransactionStatus))
    source: Mapped[TransactionSource] = mapped_column(enum_column(TransactionSource))
    credit_amount: Mapped[Decimal] = mapped_column(sa.Numeric())
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("invoices.id", ondelete="RESTRICT"), index=True
    )
    settled_at: Mapped[datetime | None]
