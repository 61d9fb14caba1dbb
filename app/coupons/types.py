from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from app.coupons.loaders import coupons, targets
from app.coupons.models import (
    AppliedCoupon,
    AppliedCouponStatus,
    Coupon,
    CouponExpiration,
    CouponFrequency,
    CouponKind,
    CouponStatus,
)
from app.coupons.service import is_expired
from app.graphql.context import Context
from app.graphql.scalars import BigInt
from app.metrics.models import BillableMetric
from app.metrics.types import BillableMetricType
from app.plans.models import Plan
from app.plans.types import PlanType

strawberry.enum(CouponKind, name="CouponTypeEnum")
strawberry.enum(CouponFrequency, name="CouponFrequency")
strawberry.enum(CouponExpiration, name="CouponExpiration")


@strawberry.enum(name="CouponStatus")
class CouponStatusType(enum.Enum):
    ACTIVE = "active"
    TERMINATED = "terminated"
    EXPIRED = "expired"


@strawberry.type(name="Coupon")
class CouponType:
    id: strawberry.ID
    name: str
    code: str
    description: str | None
    coupon_type: CouponKind
    amount_cents: BigInt | None
    amount_currency: str | None
    percentage_rate: str | None = strawberry.field(description="Percent off, as a decimal string.")
    frequency: CouponFrequency
    frequency_duration: int | None = strawberry.field(description="Periods, for a RECURRING coupon.")
    reusable: bool = strawberry.field(description="Whether one customer may have it more than once.")
    expiration: CouponExpiration
    expiration_at: datetime | None
    terminated_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @strawberry.field
    def status(self, root: strawberry.Parent[Coupon]) -> CouponStatusType:
        if root.status is CouponStatus.TERMINATED:
            return CouponStatusType.TERMINATED
        return CouponStatusType.EXPIRED if is_expired(root) else CouponStatusType.ACTIVE

    @strawberry.field(description="The plans it is limited to (none: every plan).")
    async def plans(self, root: strawberry.Parent[Coupon], info: Info[Context, Any]) -> list[PlanType]:
        return await targets(info.context, Plan).load(root.id)

    @strawberry.field(description="The billable metrics it is limited to (none: not limited to metrics).")
    async def billable_metrics(
        self, root: strawberry.Parent[Coupon], info: Info[Context, Any]
    ) -> list[BillableMetricType]:
        return await targets(info.context, BillableMetric).load(root.id)


strawberry.enum(AppliedCouponStatus, name="AppliedCouponStatus")


@strawberry.type(
    name="AppliedCoupon", description="A coupon given to a customer, on the terms agreed for them."
)
class AppliedCouponType:
    id: strawberry.ID
    status: AppliedCouponStatus
    amount_cents: BigInt | None
    amount_cents_remaining: BigInt | None = strawberry.field(description="What is left of a fixed amount.")
    amount_currency: str | None
    percentage_rate: str | None
    frequency: CouponFrequency
    frequency_duration: int | None
    frequency_duration_remaining: int | None = strawberry.field(description="Periods left, when RECURRING.")
    terminated_at: datetime | None
    created_at: datetime

    @strawberry.field
    async def coupon(self, root: strawberry.Parent[AppliedCoupon], info: Info[Context, Any]) -> CouponType:
        return await coupons(info.context).load(root.coupon_id)


@strawberry.input
class CreateAppliedCouponInput:
    customer_id: strawberry.ID
    coupon_id: strawberry.ID
    amount_cents: BigInt | None = None
    amount_currency: str | None = None
    percentage_rate: str | None = None
    frequency: CouponFrequency | None = None
    frequency_duration: int | None = None


@strawberry.input
class TerminateAppliedCouponInput:
    id: strawberry.ID


@strawberry.input
class CreateCouponInput:
    name: str
    code: str
    coupon_type: CouponKind
    frequency: CouponFrequency
    expiration: CouponExpiration = CouponExpiration.NO_EXPIRATION
    description: str | None = None
    amount_cents: BigInt | None = None
    amount_currency: str | None = None
    percentage_rate: str | None = None
    frequency_duration: int | None = None
    reusable: bool = True
    expiration_at: datetime | None = None
    plan_ids: list[strawberry.ID] | None = None
    billable_metric_ids: list[strawberry.ID] | None = None


@strawberry.input
class UpdateCouponInput:
    id: strawberry.ID
    name: str | None = None
    code: str | None = None
    description: str | None = None
    coupon_type: CouponKind | None = None
    amount_cents: BigInt | None = None
    amount_currency: str | None = None
    percentage_rate: str | None = None
    frequency: CouponFrequency | None = None
    frequency_duration: int | None = None
    reusable: bool | None = None
    expiration: CouponExpiration | None = None
    expiration_at: datetime | None = None
    plan_ids: list[strawberry.ID] | None = None
    billable_metric_ids: list[strawberry.ID] | None = None


@strawberry.input
class CouponIdInput:
    id: strawberry.ID


@strawberry.type
class DestroyCouponPayload:
    id: strawberry.ID
