from __future__ import annotations

import enum
import uuid
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Model, SoftDeleted, TenantOwned, enum_column, live_code_index


class CouponKind(enum.Enum):
    FIXED_AMOUNT = "fixed_amount"
    PERCENTAGE = "percentage"


class CouponFrequency(enum.Enum):
    ONCE = "once"
    RECURRING = "recurring"
    FOREVER = "forever"


class CouponExpiration(enum.Enum):
    NO_EXPIRATION = "no_expiration"
    TIME_LIMIT = "time_limit"


class CouponStatus(enum.Enum):
    ACTIVE = "active"
    TERMINATED = "terminated"


class Coupon(TenantOwned, SoftDeleted, Model):
    __tablename__ = "coupons"
    __table_args__ = (
        live_code_index("coupons"),
        sa.CheckConstraint(
            "(coupon_type = 'fixed_amount' AND amount_cents IS NOT NULL AND percentage_rate IS NULL)"
            " OR (coupon_type = 'percentage' AND percentage_rate IS NOT NULL AND amount_cents IS NULL)",
            name="amount_matches_type",
        ),
    )

    name: Mapped[str] = mapped_column(String(255))
    code: Mapped[str] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(String(1000))
    coupon_type: Mapped[CouponKind] = mapped_column(enum_column(CouponKind))
    amount_cents: Mapped[int | None] = mapped_column(BigInteger)
    amount_currency: Mapped[str | None] = mapped_column(String(3))
    percentage_rate: Mapped[Decimal | None] = mapped_column(sa.Numeric())
    frequency: Mapped[CouponFrequency] = mapped_column(enum_column(CouponFrequency))
    frequency_duration: Mapped[int | None]  # periods, for RECURRING
    reusable: Mapped[bool] = mapped_column(default=True)
    expiration: Mapped[CouponExpiration] = mapped_column(enum_column(CouponExpiration))
    expiration_at: Mapped[datetime | None]
    status: Mapped[CouponStatus] = mapped_column(enum_column(CouponStatus), default=CouponStatus.ACTIVE)
    terminated_at: Mapped[datetime | None]


class CouponTarget(TenantOwned, Model):
    """Limits a coupon to some plans, or to some billable metrics (never both)."""

    __tablename__ = "coupon_targets"
    __table_args__ = (
        sa.CheckConstraint("(plan_id IS NULL) <> (billable_metric_id IS NULL)", name="one_target"),
    )

    coupon_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("coupons.id", ondelete="CASCADE"), index=True)
    plan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    billable_metric_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("billable_metrics.id", ondelete="CASCADE")
    )


class AppliedCouponStatus(enum.Enum):
    ACTIVE = "active"
    TERMINATED = "terminated"


class AppliedCoupon(TenantOwned, Model):
    """A coupon given to a customer, with the amount, rate and frequency agreed for them (by default the
    coupon's). What remains of it (periods, or cents of a fixed amount) is consumed by invoices."""

    __tablename__ = "applied_coupons"
    __table_args__ = (
        sa.Index(
            "uq_applied_coupons_once_per_customer",
            "customer_id",
            "coupon_id",
            unique=True,
            postgresql_where=sa.text("NOT coupon_reusable"),
        ),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), index=True
    )
    coupon_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("coupons.id", ondelete="RESTRICT"), index=True)
    coupon_reusable: Mapped[bool]
    status: Mapped[AppliedCouponStatus] = mapped_column(
        enum_column(AppliedCouponStatus), default=AppliedCouponStatus.ACTIVE
    )
    amount_cents: Mapped[int | None] = mapped_column(BigInteger)
    amount_cents_remaining: Mapped[int | None] = mapped_column(BigInteger)
    amount_currency: Mapped[str | None] = mapped_column(String(3))
    percentage_rate: Mapped[Decimal | None] = mapped_column(sa.Numeric())
    frequency: Mapped[CouponFrequency] = mapped_column(enum_column(CouponFrequency))
    frequency_duration: Mapped[int | None]
    frequency_duration_remaining: Mapped[int | None]
    terminated_at: Mapped[datetime | None]
