"""When a subscription is billed: its boundaries.

* start: a plan paid in advance is billed when the subscription starts (its first period, prorated);
* period: at the end of each period, the usage of the period (and the fee of a plan paid in arrears),
  plus, in advance, the next period's fee if the subscription goes on;
* termination: ending mid-period, the usage so far (and a prorated fee if paid in arrears).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.billing.periods import BillingTime, Interval, Period, period_at
from app.customers.models import Customer
from app.organizations.models import Organization
from app.plans.models import Plan
from app.subscriptions.models import Subscription, SubscriptionStatus


@dataclass(frozen=True)
class Boundary:
    at: datetime
    kind: str
    arrears: Period | None  # billed in arrears: usage, and the fee of a plan paid in arrears
    advance: Period | None  # paid in advance: the fee of a plan paid in advance


def next_boundary(
    started_at: datetime,
    billed_through: datetime | None,
    terminated_at: datetime | None,
    interval: Interval,
    billing_time: BillingTime,
    timezone: str,
    pay_in_advance: bool,
) -> Boundary | None:
    if billed_through is None:
        if pay_in_advance and (terminated_at is None or terminated_at > started_at):
            first = period_at(started_at, started_at, interval, billing_time, timezone)
            return Boundary(started_at, "start", None, cut_at_end(first, terminated_at))
        billed_through = started_at
    if terminated_at is not None and terminated_at <= billed_through:
        return None
    end = period_at(billed_through, started_at, interval, billing_time, timezone).end
    if terminated_at is not None and terminated_at <= end:
        kind = "period" if terminated_at == end else "termination"
        return Boundary(terminated_at, kind, Period(billed_through, terminated_at), None)
    advance = (
        cut_at_end(period_at(end, started_at, interval, billing_time, timezone), terminated_at)
        if pay_in_advance
        else None
    )
    return Boundary(end, "period", Period(billed_through, end), advance)


def cut_at_end(period: Period, terminated_at: datetime | None) -> Period:
    """A period paid in advance, cut at the end already known: nothing is billed past it."""
    if terminated_at is None or terminated_at >= period.end:
        return period
    return Period(period.start, max(period.start, terminated_at))


async def billing_timezone(session: AsyncSession, customer: Customer) -> str:
    if customer.timezone:
        return customer.timezone
    return (await session.get_one(Organization, customer.organization_id)).timezone


def boundary_of(subscription: Subscription, plan: Plan, timezone: str) -> Boundary | None:
    if subscription.started_at is None or subscription.status not in (
        SubscriptionStatus.ACTIVE,
        SubscriptionStatus.TERMINATED,
    ):
        return None
    return next_boundary(
        subscription.started_at,
        subscription.billed_through,
        subscription.terminated_at,
        plan.interval,
        subscription.billing_time,
        timezone,
        plan.pay_in_advance,
    )


async def reschedule(session: AsyncSession, subscription: Subscription) -> None:
    """Set when the subscription is next billed (after a start, a termination, a bill)."""
    plan = await session.get_one(Plan, subscription.plan_id)
    customer = await session.get_one(Customer, subscription.customer_id)
    boundary = boundary_of(subscription, plan, await billing_timezone(session, customer))
    subscription.next_billing_at = boundary.at if boundary else None
