"""Coupons applied to customers (``coupons:attach`` / ``coupons:detach``).

A terminated or expired coupon cannot be applied; a fixed amount must be in the customer's currency; a
coupon that is not reusable is applied to a customer once, ever, also when two requests race (the
customer row is locked, and a unique index is the backstop)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.core import decimals, validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Window
from app.coupons.models import (
    AppliedCoupon,
    AppliedCouponStatus,
    Coupon,
    CouponFrequency,
    CouponKind,
    CouponStatus,
)
from app.coupons.service import is_expired
from app.customers.models import Customer
from app.customers.service import live as live_customers
from app.db.errors import constraint_errors
from app.db.pagination import windowed_per

_ONCE = {
    "uq_applied_coupons_once_per_customer": ("couponId", "is already applied to this customer (not reusable)")
}


@dataclass(frozen=True)
class AppliedCouponInput:
    customer_id: str
    coupon_id: str
    amount_cents: int | None = None
    amount_currency: str | None = None
    percentage_rate: str | None = None
    frequency: CouponFrequency | None = None
    frequency_duration: int | None = None


def _id(errors: Collector, path: str, value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        errors.add(path, "is not a valid ID")
        return None


async def _targets(
    session: AsyncSession, errors: Collector, organization_id: uuid.UUID, data: AppliedCouponInput
) -> tuple[Customer | None, Coupon | None]:
    customer_id, coupon_id = (
        _id(errors, "customerId", data.customer_id),
        _id(errors, "couponId", data.coupon_id),
    )
    customer = coupon = None
    if customer_id:
        customer = await session.scalar(
            sa.select(Customer)
            .where(Customer.id == customer_id, *live_customers(organization_id))
            .with_for_update(key_share=True)
        )
        if customer is None:
            errors.add("customerId", "no such customer")
    if coupon_id:
        coupon = await session.scalar(
            sa.select(Coupon).where(
                Coupon.id == coupon_id, Coupon.organization_id == organization_id, Coupon.deleted_at.is_(None)
            )
        )
        if coupon is None:
            errors.add("couponId", "no such coupon")
        elif coupon.status is CouponStatus.TERMINATED:
            errors.add("couponId", "the coupon is terminated")
        elif is_expired(coupon):
            errors.add("couponId", "the coupon has expired")
    return customer, coupon


def _terms(errors: Collector, coupon: Coupon, data: AppliedCouponInput) -> AppliedCoupon:
    applied = AppliedCoupon(
        organization_id=coupon.organization_id,
        coupon_id=coupon.id,
        coupon_reusable=coupon.reusable,
        status=AppliedCouponStatus.ACTIVE,
        frequency=data.frequency or coupon.frequency,
    )
    if coupon.coupon_type is CouponKind.FIXED_AMOUNT:
        if data.percentage_rate is not None:
            errors.add("percentageRate", "applies only to PERCENTAGE coupons")
        amount = coupon.amount_cents if data.amount_cents is None else data.amount_cents
        applied.amount_cents = applied.amount_cents_remaining = validation.integer(
            errors, "amountCents", amount, minimum=1
        )
        applied.amount_currency = validation.currency(errors, "amountCurrency", data.amount_currency) or (
            coupon.amount_currency
        )
    else:
        if data.amount_cents is not None or data.amount_currency is not None:
            errors.add("amountCents", "applies only to FIXED_AMOUNT coupons")
        rate = decimals.parse(
            errors,
            "percentageRate",
            data.percentage_rate,
            maximum=decimals.HUNDRED,
            above_minimum=True,
            places=4,
        )
        applied.percentage_rate = coupon.percentage_rate if rate is None else rate
    if applied.frequency is CouponFrequency.RECURRING:
        duration = (
            data.frequency_duration if data.frequency_duration is not None else coupon.frequency_duration
        )
        if duration is None:
            errors.add("frequencyDuration", "is required for a RECURRING coupon (how many periods)")
        applied.frequency_duration = applied.frequency_duration_remaining = validation.integer(
            errors, "frequencyDuration", duration, minimum=1
        )
    elif data.frequency_duration is not None:
        errors.add("frequencyDuration", "applies only to RECURRING coupons")
    return applied


async def apply_coupon(session: AsyncSession, actor: Actor, data: AppliedCouponInput) -> AppliedCoupon:
    organization_id = actor.org()
    errors = Collector()
    customer, coupon = await _targets(session, errors, organization_id, data)
    if coupon is None or customer is None:
        errors.raise_if_any()
    assert customer is not None
    assert coupon is not None
    applied = _terms(errors, coupon, data)
    applied.customer_id = customer.id
    if applied.amount_currency is not None:
        if customer.currency is None:
            customer.currency = applied.amount_currency
        elif customer.currency != applied.amount_currency:
            errors.add(
                "couponId",
                f"the coupon is in {applied.amount_currency}, the customer is billed in {customer.currency}",
            )
    errors.raise_if_any()
    if not coupon.reusable:
        already = await session.scalar(
            sa.select(sa.literal(True)).where(
                AppliedCoupon.customer_id == customer.id, AppliedCoupon.coupon_id == coupon.id
            )
        )
        if already:
            raise ValidationFailed(dict([_ONCE["uq_applied_coupons_once_per_customer"]]))
    session.add(applied)
    async with constraint_errors(_ONCE):
        await session.flush()
    return applied


async def terminate_applied_coupon(
    session: AsyncSession, actor: Actor, applied_id: uuid.UUID
) -> AppliedCoupon:
    applied = await session.scalar(
        sa.select(AppliedCoupon)
        .where(AppliedCoupon.id == applied_id, AppliedCoupon.organization_id == actor.org())
        .with_for_update(key_share=True)
    )
    if applied is None:
        raise NotFound("Applied coupon")
    if applied.status is AppliedCouponStatus.TERMINATED:
        raise ValidationFailed.one("id", "the applied coupon is already terminated")
    applied.status, applied.terminated_at = AppliedCouponStatus.TERMINATED, datetime.now(UTC)
    await session.flush()
    return applied


async def is_applied(session: AsyncSession, coupon_id: uuid.UUID) -> bool:
    return bool(
        await session.scalar(sa.select(sa.literal(True)).where(AppliedCoupon.coupon_id == coupon_id).limit(1))
    )


async def by_customer(
    session: AsyncSession,
    customer_ids: list[uuid.UUID],
    statuses: tuple[AppliedCouponStatus, ...],
    window: Window | None = None,
) -> dict[uuid.UUID, list[AppliedCoupon]]:
    query = (
        sa.select(AppliedCoupon)
        .where(AppliedCoupon.customer_id.in_(customer_ids), AppliedCoupon.status.in_(statuses))
        .order_by(AppliedCoupon.created_at, AppliedCoupon.id)
    )
    rows = await session.scalars(windowed_per(AppliedCoupon, query, AppliedCoupon.customer_id, window))
    grouped: dict[uuid.UUID, list[AppliedCoupon]] = defaultdict(list)
    for applied in rows:
        grouped[applied.customer_id].append(applied)
    return grouped


async def coupons_by_id(
    session: AsyncSession, organization_id: uuid.UUID, ids: list[uuid.UUID]
) -> dict[uuid.UUID, Coupon]:
    rows = await session.scalars(
        sa.select(Coupon).where(Coupon.organization_id == organization_id, Coupon.id.in_(ids))
    )
    return {coupon.id: coupon for coupon in rows}
