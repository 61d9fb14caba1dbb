"""Coupons. Amounts are cents in one currency, rates are percent; a coupon may be limited to plans or
to billable metrics. Terminated or expired coupons can no longer be applied."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.core import decimals, validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Page, PageRequest
from app.coupons.models import (
    AppliedCoupon,
    Coupon,
    CouponExpiration,
    CouponFrequency,
    CouponKind,
    CouponStatus,
    CouponTarget,
)
from app.db.errors import constraint_errors
from app.db.pagination import paginate
from app.metrics.models import BillableMetric
from app.plans.models import Plan
from app.plans.service import catalogue

MAX_TARGETS = 100  # plans, or billable metrics, one coupon is limited to
_UNIQUE_CODE = {"uq_coupons_live_code": ("code", "is already used by another coupon")}


def _live(organization_id: uuid.UUID) -> list[sa.ColumnElement[bool]]:
    return [Coupon.organization_id == organization_id, Coupon.deleted_at.is_(None)]


def is_expired(coupon: Coupon, now: datetime | None = None) -> bool:
    return (
        coupon.expiration is CouponExpiration.TIME_LIMIT
        and coupon.expiration_at is not None
        and coupon.expiration_at <= (now or datetime.now(UTC))
    )


async def list_coupons(
    session: AsyncSession,
    organization_id: uuid.UUID,
    page: PageRequest,
    search: str | None = None,
    status: CouponStatus | None = None,
) -> Page[Coupon]:
    query = sa.select(Coupon).where(*_live(organization_id))
    pattern = validation.search_pattern(search)
    if pattern:
        query = query.where(sa.or_(Coupon.name.ilike(pattern), Coupon.code.ilike(pattern)))
    if status is not None:
        query = query.where(Coupon.status == status)
    return await paginate(session, query.order_by(Coupon.name, Coupon.id), page)


async def get_coupon(session: AsyncSession, organization_id: uuid.UUID, coupon_id: uuid.UUID) -> Coupon:
    coupon = await session.scalar(sa.select(Coupon).where(Coupon.id == coupon_id, *_live(organization_id)))
    if coupon is None:
        raise NotFound("Coupon")
    return coupon


@dataclass(frozen=True)
class CouponInput:
    name: str | None = None
    code: str | None = None
    description: str | None = None
    coupon_type: CouponKind | None = None
    amount_cents: int | None = None
    amount_currency: str | None = None
    percentage_rate: str | None = None
    frequency: CouponFrequency | None = None
    frequency_duration: int | None = None
    reusable: bool | None = None
    expiration: CouponExpiration | None = None
    expiration_at: datetime | None = None
    plan_ids: list[str] | None = None
    billable_metric_ids: list[str] | None = None


def _apply(errors: Collector, coupon: Coupon, data: CouponInput, creating: bool) -> None:
    if creating or data.name is not None:
        coupon.name = validation.text(errors, "name", data.name) or ""
    if creating or data.code is not None:
        coupon.code = validation.code(errors, "code", data.code or "")
    if data.description is not None:
        coupon.description = validation.text(
            errors, "description", data.description, required=False, max_length=1000
        )
    for attribute, path in (
        ("coupon_type", "couponType"),
        ("frequency", "frequency"),
        ("expiration", "expiration"),
    ):
        value = getattr(data, attribute)
        if value is not None:
            setattr(coupon, attribute, value)
        elif creating:
            errors.add(path, "is required")
    if data.reusable is not None:
        coupon.reusable = data.reusable
    _apply_amount(errors, coupon, data)
    if coupon.frequency is CouponFrequency.RECURRING:
        if data.frequency_duration is not None:
            coupon.frequency_duration = validation.integer(
                errors, "frequencyDuration", data.frequency_duration, minimum=1
            )
        if coupon.frequency_duration is None:
            errors.add("frequencyDuration", "is required for a RECURRING coupon (how many periods)")
    else:
        if data.frequency_duration is not None:
            errors.add("frequencyDuration", "applies only to RECURRING coupons")
        coupon.frequency_duration = None
    if coupon.expiration is CouponExpiration.TIME_LIMIT:
        if data.expiration_at is not None:
            if data.expiration_at <= datetime.now(UTC):
                errors.add("expirationAt", "must be in the future")
            coupon.expiration_at = data.expiration_at
        if coupon.expiration_at is None:
            errors.add("expirationAt", "is required for a TIME_LIMIT coupon")
    else:
        if data.expiration_at is not None:
            errors.add("expirationAt", "applies only to TIME_LIMIT coupons")
        coupon.expiration_at = None


def _apply_amount(errors: Collector, coupon: Coupon, data: CouponInput) -> None:
    if coupon.coupon_type is CouponKind.FIXED_AMOUNT:
        if data.percentage_rate is not None:
            errors.add("percentageRate", "applies only to PERCENTAGE coupons")
        if data.amount_cents is not None:
            coupon.amount_cents = validation.integer(errors, "amountCents", data.amount_cents, minimum=1)
        if data.amount_currency is not None:
            coupon.amount_currency = validation.currency(errors, "amountCurrency", data.amount_currency)
        if coupon.amount_cents is None:
            errors.add("amountCents", "is required for a FIXED_AMOUNT coupon")
        if coupon.amount_currency is None:
            errors.add("amountCurrency", "is required for a FIXED_AMOUNT coupon")
        coupon.percentage_rate = None
    elif coupon.coupon_type is CouponKind.PERCENTAGE:
        if data.amount_cents is not None or data.amount_currency is not None:
            errors.add("amountCents", "applies only to FIXED_AMOUNT coupons")
        if data.percentage_rate is not None:
            rate = decimals.parse(
                errors,
                "percentageRate",
                data.percentage_rate,
                maximum=decimals.HUNDRED,
                above_minimum=True,
                places=4,
            )
            coupon.percentage_rate = rate
        if coupon.percentage_rate is None and "percentageRate" not in errors.fields:
            errors.add("percentageRate", "is required for a PERCENTAGE coupon")
        coupon.amount_cents = coupon.amount_currency = None


async def _targets(
    session: AsyncSession, errors: Collector, organization_id: uuid.UUID, data: CouponInput
) -> tuple[list[uuid.UUID], list[uuid.UUID]] | None:
    if data.plan_ids is None and data.billable_metric_ids is None:
        return None
    if data.plan_ids and data.billable_metric_ids:
        errors.add("billableMetricIds", "a coupon is limited to plans or to billable metrics, not both")
        return None
    found: dict[str, list[uuid.UUID]] = {"planIds": [], "billableMetricIds": []}
    for path, given, model, scope in (
        ("planIds", data.plan_ids, Plan, catalogue(organization_id)),
        (
            "billableMetricIds",
            data.billable_metric_ids,
            BillableMetric,
            [BillableMetric.organization_id == organization_id, BillableMetric.deleted_at.is_(None)],
        ),
    ):
        wanted = []
        if len(given or []) > MAX_TARGETS:
            errors.add(path, f"a coupon is limited to at most {MAX_TARGETS}")
            continue
        for index, raw in enumerate(given or []):
            try:
                wanted.append(uuid.UUID(str(raw)))
            except ValueError:
                errors.add(f"{path}.{index}", "is not a valid ID")
        existing = set((await session.scalars(sa.select(model.id).where(model.id.in_(wanted), *scope))).all())
        missing = [str(item) for item in wanted if item not in existing]
        if missing:
            errors.add(path, "not found: " + ", ".join(missing))
        found[path] = list(dict.fromkeys(wanted))
    return found["planIds"], found["billableMetricIds"]


async def _set_targets(
    session: AsyncSession, coupon: Coupon, targets: tuple[list[uuid.UUID], list[uuid.UUID]]
) -> None:
    plan_ids, metric_ids = targets
    for row in (
        await session.scalars(sa.select(CouponTarget).where(CouponTarget.coupon_id == coupon.id))
    ).all():
        await session.delete(row)
    for plan_id in plan_ids:
        session.add(
            CouponTarget(organization_id=coupon.organization_id, coupon_id=coupon.id, plan_id=plan_id)
        )
    for metric_id in metric_ids:
        session.add(
            CouponTarget(
                organization_id=coupon.organization_id, coupon_id=coupon.id, billable_metric_id=metric_id
            )
        )
    await session.flush()


async def _save(session: AsyncSession, coupon: Coupon, data: CouponInput, errors: Collector) -> Coupon:
    targets = await _targets(session, errors, coupon.organization_id, data)
    errors.raise_if_any()
    taken = await session.scalar(
        sa.select(sa.literal(True)).where(
            *_live(coupon.organization_id), Coupon.code == coupon.code, Coupon.id != coupon.id
        )
    )
    if taken:
        raise ValidationFailed(dict([_UNIQUE_CODE["uq_coupons_live_code"]]))
    session.add(coupon)
    async with constraint_errors(_UNIQUE_CODE):
        await session.flush()
    if targets is not None:
        await _set_targets(session, coupon, targets)
    return coupon


async def create_coupon(session: AsyncSession, actor: Actor, data: CouponInput) -> Coupon:
    coupon = Coupon(id=uuid.uuid4(), organization_id=actor.org(), reusable=True, status=CouponStatus.ACTIVE)
    errors = Collector()
    _apply(errors, coupon, data, creating=True)
    return await _save(session, coupon, data, errors)


async def update_coupon(
    session: AsyncSession, actor: Actor, coupon_id: uuid.UUID, data: CouponInput
) -> Coupon:
    coupon = await get_coupon(session, actor.org(), coupon_id)
    if coupon.status is CouponStatus.TERMINATED:
        raise ValidationFailed.one("id", "a terminated coupon cannot be changed")
    terms = _terms(coupon)
    errors = Collector()
    _apply(errors, coupon, data, creating=False)
    changed = [path for path, value in _terms(coupon).items() if value != terms[path]]
    if changed and await session.scalar(
        sa.select(sa.literal(True)).where(AppliedCoupon.coupon_id == coupon.id).limit(1)
    ):
        for path in changed:
            errors.add(path, "cannot change once the coupon is applied to a customer")
    return await _save(session, coupon, data, errors)


def _terms(coupon: Coupon) -> dict[str, object]:
    """What a customer who has the coupon was promised: fixed once it is applied."""
    return {
        "couponType": coupon.coupon_type,
        "amountCents": coupon.amount_cents,
        "amountCurrency": coupon.amount_currency,
        "percentageRate": coupon.percentage_rate,
        "frequency": coupon.frequency,
        "frequencyDuration": coupon.frequency_duration,
    }


async def terminate_coupon(session: AsyncSession, actor: Actor, coupon_id: uuid.UUID) -> Coupon:
    """No new customer may get it; customers who have it keep it until it runs out."""
    coupon = await get_coupon(session, actor.org(), coupon_id)
    if coupon.status is CouponStatus.TERMINATED:
        raise ValidationFailed.one("id", "the coupon is already terminated")
    coupon.status, coupon.terminated_at = CouponStatus.TERMINATED, datetime.now(UTC)
    await session.flush()
    return coupon


async def destroy_coupon(session: AsyncSession, actor: Actor, coupon_id: uuid.UUID) -> Coupon:
    coupon = await get_coupon(session, actor.org(), coupon_id)
    coupon.deleted_at = datetime.now(UTC)
    await session.flush()
    return coupon


async def targets_by_coupon(
    session: AsyncSession, model: Any, coupon_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[Any]]:
    """The plans (``model`` Plan) or billable metrics a coupon is limited to, for many coupons at once."""
    column = CouponTarget.plan_id if model is Plan else CouponTarget.billable_metric_id
    rows = await session.execute(
        sa.select(CouponTarget.coupon_id, model)
        .join(model, model.id == column)
        .where(CouponTarget.coupon_id.in_(coupon_ids))
        .order_by(model.name)
    )
    grouped: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for coupon_id, target in rows:
        grouped[coupon_id].append(target)
    return grouped
