from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.billing.charges import ChargeModel
from app.billing.periods import Interval
from app.db.base import Base, Model, SoftDeleted, TenantOwned, enum_column
from app.taxes.models import TaxLink

PlanInterval = Interval  # the billing engine's own enum: one definition of what an interval is


class Plan(TenantOwned, SoftDeleted, Model):
    """A plan; ``amount_cents`` and the charges of ``current_version_id`` are today's prices.

    A plan with a ``parent_id`` is a subscription's negotiated copy of its parent: it is never listed in
    the catalogue and its code need not be unique."""

    __tablename__ = "plans"
    __table_args__ = (
        sa.Index(
            "uq_plans_live_code",
            "organization_id",
            "code",
            unique=True,
            postgresql_where=sa.text("deleted_at IS NULL AND parent_id IS NULL"),
        ),
    )

    name: Mapped[str] = mapped_column(String(255))
    code: Mapped[str] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(String(1000))
    interval: Mapped[PlanInterval] = mapped_column(enum_column(PlanInterval))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    amount_currency: Mapped[str] = mapped_column(String(3))
    pay_in_advance: Mapped[bool] = mapped_column(default=False)
    trial_period: Mapped[int] = mapped_column(default=0, server_default="0")  # days
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("plans.id", ondelete="RESTRICT"), index=True
    )
    current_version_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="RESTRICT", use_alter=True)
    )


class PlanVersion(TenantOwned, Model):
    """The prices of a plan from ``effective_from`` on: a billing period uses the version in force at
    its start. Versions are never changed; a price change adds one."""

    __tablename__ = "plan_versions"
    __table_args__ = (sa.UniqueConstraint("plan_id", "number"),)

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    effective_from: Mapped[datetime]
    amount_cents: Mapped[int] = mapped_column(BigInteger)


class Charge(TenantOwned, Model):
    """How one billable metric is priced in one plan version."""

    __tablename__ = "charges"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    plan_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    billable_metric_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("billable_metrics.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    charge_model: Mapped[ChargeModel] = mapped_column(enum_column(ChargeModel))
    # Decimal amounts as canonical strings; keys in snake_case (see app.plans.charge_models).
    properties: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    pay_in_advance: Mapped[bool] = mapped_column(default=False)
    invoiceable: Mapped[bool] = mapped_column(default=True)
    min_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    invoice_display_name: Mapped[str | None] = mapped_column(String(255))


class PlanTax(TenantOwned, TaxLink, Base):
    __tablename__ = "plan_taxes"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
