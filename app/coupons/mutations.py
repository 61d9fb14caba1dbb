from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.coupons import applied, service
from app.coupons.types import (
    AppliedCouponType,
    CouponIdInput,
    CouponType,
    CreateAppliedCouponInput,
    CreateCouponInput,
    DestroyCouponPayload,
    TerminateAppliedCouponInput,
    UpdateCouponInput,
)
from app.graphql.context import Context


def _data(given: CreateCouponInput | UpdateCouponInput) -> service.CouponInput:
    return service.CouponInput(
        name=given.name,
        code=given.code,
        description=given.description,
        coupon_type=given.coupon_type,
        amount_cents=None if given.amount_cents is None else int(given.amount_cents),
        amount_currency=given.amount_currency,
        percentage_rate=given.percentage_rate,
        frequency=given.frequency,
        frequency_duration=given.frequency_duration,
        reusable=given.reusable,
        expiration=given.expiration,
        expiration_at=given.expiration_at,
        plan_ids=None if given.plan_ids is None else [str(i) for i in given.plan_ids],
        billable_metric_ids=None
        if given.billable_metric_ids is None
        else [str(i) for i in given.billable_metric_ids],
    )


@strawberry.type
class CouponMutations:
    @strawberry.mutation(extensions=requires(P.COUPONS_ATTACH), description="Apply a coupon to a customer.")
    async def create_applied_coupon(
        self, info: Info[Context, Any], input: CreateAppliedCouponInput
    ) -> AppliedCouponType | None:
        ctx = info.context
        data = applied.AppliedCouponInput(
            customer_id=str(input.customer_id),
            coupon_id=str(input.coupon_id),
            amount_cents=None if input.amount_cents is None else int(input.amount_cents),
            amount_currency=input.amount_currency,
            percentage_rate=input.percentage_rate,
            frequency=input.frequency,
            frequency_duration=input.frequency_duration,
        )
        return await ctx.mutate(info, lambda s: applied.apply_coupon(s, ctx.actor, data))

    @strawberry.mutation(extensions=requires(P.COUPONS_DETACH), description="Stop a customer's coupon.")
    async def terminate_applied_coupon(
        self, info: Info[Context, Any], input: TerminateAppliedCouponInput
    ) -> AppliedCouponType | None:
        ctx, applied_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: applied.terminate_applied_coupon(s, ctx.actor, applied_id))

    @strawberry.mutation(extensions=requires(P.COUPONS_CREATE))
    async def create_coupon(self, info: Info[Context, Any], input: CreateCouponInput) -> CouponType | None:
        ctx, data = info.context, _data(input)
        return await ctx.mutate(info, lambda s: service.create_coupon(s, ctx.actor, data))

    @strawberry.mutation(extensions=requires(P.COUPONS_UPDATE))
    async def update_coupon(self, info: Info[Context, Any], input: UpdateCouponInput) -> CouponType | None:
        ctx, coupon_id, data = info.context, parse_id("id", input.id), _data(input)
        return await ctx.mutate(info, lambda s: service.update_coupon(s, ctx.actor, coupon_id, data))

    @strawberry.mutation(
        extensions=requires(P.COUPONS_UPDATE),
        description="No new customer may get it; existing ones keep it.",
    )
    async def terminate_coupon(self, info: Info[Context, Any], input: CouponIdInput) -> CouponType | None:
        ctx, coupon_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: service.terminate_coupon(s, ctx.actor, coupon_id))

    @strawberry.mutation(extensions=requires(P.COUPONS_DELETE))
    async def destroy_coupon(
        self, info: Info[Context, Any], input: CouponIdInput
    ) -> DestroyCouponPayload | None:
        ctx, coupon_id = info.context, parse_id("id", input.id)
        coupon = await ctx.mutate(info, lambda s: service.destroy_coupon(s, ctx.actor, coupon_id))
        return DestroyCouponPayload(id=strawberry.ID(str(coupon.id)))
