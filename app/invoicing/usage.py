"""A subscription's usage in its current period, rated live: what the next invoice's charges would be
if the period ended now."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.billing import charges as rating
from app.billing.money import round_minor, to_minor
from app.billing.periods import Period
from app.core.errors import NotFound
from app.db.engine import session_fetch
from app.events.aggregation import aggregate
from app.invoicing import compose
from app.invoicing.schedule import Boundary, boundary_of
from app.metrics.models import BillableMetric
from app.plans.models import Charge
from app.subscriptions.models import Subscription, SubscriptionStatus


@dataclass(frozen=True)
class ChargeUsage:
    charge: Charge
    billable_metric: BillableMetric
    units: Decimal
    amount_cents: int


@dataclass(frozen=True)
class CurrentUsage:
    from_datetime: datetime
    to_datetime: datetime
    currency: str
    charges: list[ChargeUsage]

    @property
    def amount_cents(self) -> int:
        return sum(item.amount_cents for item in self.charges)


async def current_usage(
    session: AsyncSession,
    organization_id: uuid.UUID,
    customer_id: uuid.UUID,
    subscription_id: uuid.UUID,
    now: datetime,
) -> CurrentUsage:
    subscription = await session.scalar(
        sa.select(Subscription).where(
            Subscription.id == subscription_id,
            Subscription.customer_id == customer_id,
            Subscription.organization_id == organization_id,
        )
    )
    if subscription is None or subscription.status is not SubscriptionStatus.ACTIVE:
        raise NotFound("Active subscription")
    data = await compose.load(session, [subscription])
    plan = data.plans[subscription.plan_id]
    boundary = boundary_of(subscription, plan, data.timezone(data.customers[customer_id]))
    if boundary is None or boundary.arrears is None:  # paid in advance and not billed yet: starts now
        assert subscription.started_at is not None
        start = subscription.billed_through or subscription.started_at
        end = boundary.advance.end if boundary and boundary.advance else now
    else:
        start, end = boundary.arrears.start, boundary.arrears.end
    window = Boundary(now, "usage", Period(start, max(start, now)), None)
    requests = compose.usage_requests(subscription, window, data)
    usages = await aggregate(session_fetch(session), organization_id, [request for _, request in requests])
    items = [
        ChargeUsage(
            charge,
            data.metrics[charge.billable_metric_id],
            usage.units,
            round_minor(
                to_minor(rating.amount(charge.charge_model, charge.properties, usage), plan.amount_currency)
            ),
        )
        for (charge, _), usage in zip(requests, usages, strict=True)
    ]
    return CurrentUsage(start, end, plan.amount_currency, items)
