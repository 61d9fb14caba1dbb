from __future__ import annotations

import uuid
from typing import Any

from aiodataloader import DataLoader

from app.core.pagination import Window
from app.coupons.applied import by_customer as applied_by_customer
from app.coupons.applied import coupons_by_id
from app.coupons.models import AppliedCoupon, AppliedCouponStatus, Coupon
from app.coupons.service import targets_by_coupon
from app.graphql.context import Context


def targets(ctx: Context, model: Any) -> DataLoader[uuid.UUID, list[Any]]:
    """The plans (``model`` Plan) or billable metrics each coupon is limited to."""

    async def batch(ids: list[uuid.UUID]) -> list[list[Any]]:
        grouped = await ctx.read(lambda session: targets_by_coupon(session, model, ids))
        return [grouped.get(coupon_id, []) for coupon_id in ids]

    return ctx.loader(f"coupon_targets_{model.__tablename__}", batch)


def coupons(ctx: Context) -> DataLoader[uuid.UUID, Coupon | None]:
    """Coupons by id in the caller's organization (destroyed ones too: applied coupons point at them)."""

    async def batch(ids: list[uuid.UUID]) -> list[Coupon | None]:
        org = ctx.actor.org()
        found = await ctx.read(lambda session: coupons_by_id(session, org, ids))
        return [found.get(coupon_id) for coupon_id in ids]

    return ctx.loader("coupons", batch)


def applied_coupons_of(
    ctx: Context, statuses: tuple[AppliedCouponStatus, ...], window: Window | None = None
) -> DataLoader[uuid.UUID, list[AppliedCoupon]]:
    """Applied coupons of many customers in given statuses, oldest first, ``window`` of each (all
    without one)."""

    async def batch(ids: list[uuid.UUID]) -> list[list[AppliedCoupon]]:
        grouped = await ctx.read(lambda session: applied_by_customer(session, ids, statuses, window))
        return [grouped.get(customer_id, []) for customer_id in ids]

    key = ",".join(sorted(status.value for status in statuses))
    return ctx.loader(f"applied_coupons_of:{key}:{window.key if window else 'all'}", batch)
