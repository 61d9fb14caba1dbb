from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Model, TenantOwned, enum_column


class CreditNoteReason(enum.Enum):
    DUPLICATED_CHARGE = "duplicated_charge"
    PRODUCT_UNSATISFACTORY = "product_unsatisfactory"
    ORDER_CHANGE = "order_change"
    ORDER_CANCELLATION = "order_cancellation"
    FRAUDULENT_CHARGE = "fraudulent_charge"
    OTHER = "other"


class CreditNoteStatus(enum.Enum):
    PENDING_APPROVAL = "pending_approval"  # above the organization's threshold: waits for a second person
    FINALIZED = "finalized"
    VOIDED = "voided"
    REJECTED = "rejected"


class CreditStatus(enum.Enum):
    AVAILABLE = "available"
    CONSUMED = "consumed"
    VOIDED = "voided"


class RefundStatus(enum.Enum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class CreditNote(TenantOwned, Model):
    """Items credit fees (amounts before tax); their taxes follow the fees' rates. The total is split
    into credit (a balance later invoices consume) and refund (money paid back)."""

    __tablename__ = "credit_notes"
    __table_args__ = (
        sa.UniqueConstraint("organization_id", "sequential_id"),
        sa.CheckConstraint(
            "credit_amount_cents >= 0 AND refund_amount_cents >= 0 "
            "AND credit_amount_cents + refund_amount_cents = total_amount_cents",
            name="credit_and_refund_make_total",
        ),
        sa.CheckConstraint(
            "balance_amount_cents BETWEEN 0 AND credit_amount_cents", name="balance_within_credit"
        ),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), index=True
    )
    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invoices.id", ondelete="RESTRICT"), index=True)
    sequential_id: Mapped[int]
    number: Mapped[str] = mapped_column(String(32))
    reason: Mapped[CreditNoteReason] = mapped_column(enum_column(CreditNoteReason))
    description: Mapped[str | None] = mapped_column(String(1000))
    status: Mapped[CreditNoteStatus] = mapped_column(enum_column(CreditNoteStatus))
    credit_status: Mapped[CreditStatus | None] = mapped_column(enum_column(CreditStatus))
    refund_status: Mapped[RefundStatus | None] = mapped_column(enum_column(RefundStatus))
    currency: Mapped[str] = mapped_column(String(3))
    sub_total_excluding_taxes_amount_cents: Mapped[int] = mapped_column(BigInteger)
    taxes_amount_cents: Mapped[int] = mapped_column(BigInteger)
    total_amount_cents: Mapped[int] = mapped_column(BigInteger)
    credit_amount_cents: Mapped[int] = mapped_column(BigInteger)
    balance_amount_cents: Mapped[int] = mapped_column(BigInteger)
    refund_amount_cents: Mapped[int] = mapped_column(BigInteger)
    issuing_date: Mapped[date]
    voided_at: Mapped[datetime | None]
    refunded_at: Mapped[datetime | None]
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_by_api_key_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("api_keys.id", ondelete="SET NULL")
    )
    # the second pair of eyes on a note that needed approval
    decided_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_by_api_key_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("api_keys.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None]
    rejection_reason: Mapped[str | None] = mapped_column(String(1000))


class CreditNoteItem(TenantOwned, Model):
    __tablename__ = "credit_note_items"
    __table_args__ = (sa.CheckConstraint("amount_cents > 0", name="positive"),)

    credit_note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("credit_notes.id", ondelete="CASCADE"), index=True
    )
    fee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fees.id", ondelete="RESTRICT"), index=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger)  # before tax
    taxes_amount_cents: Mapped[int] = mapped_column(BigInteger)


class CreditNoteApplication(TenantOwned, Model):
    """Credit of a note spent on a later invoice."""

    __tablename__ = "credit_note_applications"
    __table_args__ = (sa.CheckConstraint("amount_cents > 0", name="positive"),)

    credit_note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("credit_notes.id", ondelete="RESTRICT"), index=True
    )
    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), index=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
