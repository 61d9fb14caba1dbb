"""Subscriptions: start (now or later), negotiated prices, plan changes, termination, and the clock-driven
transitions (a pending start comes due, an end date passes) that the billing run applies."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.billing.periods import BillingTime, period_at, yearly_factor
from app.core import validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Page, PageRequest, Window
from app.customers.models import Customer
from app.customers.service import live as live_customers
from app.db.errors import constraint_errors
from app.db.pagination import paginate, windowed_per
from app.invoicing import unused
from app.invoicing.schedule import reschedule
from app.organizations.models import Organization
from app.plans import overrides as plan_overrides
from app.plans.models import Plan
from app.plans.service import catalogue
from app.subscriptions.models import LIVE, Subscription, SubscriptionStatus
from app.webhooks.models import WebhookEventType
from app.webhooks.outbox import emit, emit_data
from app.webhooks.payloads import columns

_UNIQUE = {
    name: ("externalId", "is already used by a live subscription")
    for name in ("uq_subscriptions_active_external_id", "uq_subscriptions_pending_external_id")
}


@dataclass(frozen=True)
class SubscriptionInput:
    customer_id: str
    plan_id: str
    external_id: str
    name: str | None = None
    billing_time: BillingTime = BillingTime.CALENDAR
    subscription_at: datetime | None = None
    ending_at: datetime | None = None
    overrides: plan_overrides.PlanOverrides | None = None


async def list_subscriptions(
    session: AsyncSession,
    organization_id: uuid.UUID,
    page: PageRequest,
    customer_id: uuid.UUID | None = None,
    plan_id: uuid.UUID | None = None,
    statuses: list[SubscriptionStatus] | None = None,
) -> Page[Subscription]:
    query = sa.select(Subscription).where(Subscription.organization_id == organization_id)
    if customer_id:
        query = query.where(Subscription.customer_id == customer_id)
    if plan_id:  # the plan or any subscription's negotiated copy of it
        query = query.join(Plan, Plan.id == Subscription.plan_id).where(
            sa.or_(Plan.id == plan_id, Plan.parent_id == plan_id)
        )
    if statuses:
        query = query.where(Subscription.status.in_(statuses))
    return await paginate(session, query.order_by(Subscription.created_at.desc(), Subscription.id), page)


async def get_subscription(
    session: AsyncSession, organization_id: uuid.UUID, subscription_id: uuid.UUID
) -> Subscription:
    subscription = await session.scalar(
        sa.select(Subscription).where(
            Subscription.id == subscription_id, Subscription.organization_id == organization_id
        )
    )
    if subscription is None:
        raise NotFound("Subscription")
    return subscription


async def subscriptions_by_id(
    session: AsyncSession, organization_id: uuid.UUID, ids: list[uuid.UUID]
) -> dict[uuid.UUID, Subscription]:
    rows = await session.scalars(
        sa.select(Subscription).where(
            Subscription.organization_id == organization_id, Subscription.id.in_(ids)
        )
    )
    return {subscription.id: subscription for subscription in rows}


async def pending_successors(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, Subscription]:
    rows = await session.scalars(
        sa.select(Subscription).where(
            Subscription.previous_subscription_id.in_(ids), Subscription.status == SubscriptionStatus.PENDING
        )
    )
    return {subscription.previous_subscription_id: subscription for subscription in rows}  # type: ignore[misc]


async def by_customer(
    session: AsyncSession,
    customer_ids: list[uuid.UUID],
    statuses: tuple[SubscriptionStatus, ...],
    window: Window | None = None,
) -> dict[uuid.UUID, list[Subscription]]:
    query = (
        sa.select(Subscription)
        .where(Subscription.customer_id.in_(customer_ids), Subscription.status.in_(statuses))
        .order_by(Subscription.created_at, Subscription.id)
    )
    rows = await session.scalars(windowed_per(Subscription, query, Subscription.customer_id, window))
    grouped: dict[uuid.UUID, list[Subscription]] = defaultdict(list)
    for subscription in rows:
        grouped[subscription.customer_id].append(subscription)
    return grouped


def _reference(errors: Collector, path: str, value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        errors.add(path, "is not a valid ID")
        return None


async def _catalogue_plan(
    session: AsyncSession, errors: Collector, organization_id: uuid.UUID, plan_id: str
) -> Plan | None:
    parsed = _reference(errors, "planId", plan_id)
    if parsed is None:
        return None
    plan = await session.scalar(sa.select(Plan).where(Plan.id == parsed, *catalogue(organization_id)))
    if plan is None:
        errors.add("planId", "no such plan")
    return plan


def _match_currency(errors: Collector, customer: Customer, plan: Plan) -> None:
    """A customer is billed in one currency: the first subscription sets it, the next must match."""
    if customer.currency is None:
        customer.currency = plan.amount_currency
    elif customer.currency != plan.amount_currency:
        errors.add(
            "planId", f"the plan is in {plan.amount_currency}, the customer is billed in {customer.currency}"
        )


def _trial_end(started_at: datetime, plan: Plan) -> datetime | None:
    return started_at + timedelta(days=plan.trial_period) if plan.trial_period else None


async def create_subscription(session: AsyncSession, actor: Actor, data: SubscriptionInput) -> Subscription:
    organization_id, now = actor.org(), datetime.now(UTC)
    errors = Collector()
    customer_id = _reference(errors, "customerId", data.customer_id)
    customer = None
    if customer_id is not None:
        customer = await session.scalar(
            sa.select(Customer)
            .where(Customer.id == customer_id, *live_customers(organization_id))
            .with_for_update(key_share=True)
        )
        if customer is None:
            errors.add("customerId", "no such customer")
    plan = await _catalogue_plan(session, errors, organization_id, data.plan_id)
    external_id = validation.text(errors, "externalId", data.external_id) or ""
    name = validation.text(errors, "name", data.name, required=False) or None
    starts = data.subscription_at or now
    if data.ending_at is not None and data.ending_at <= max(starts, now):
        errors.add("endingAt", "must be after the start and in the future")
    if customer and plan:
        _match_currency(errors, customer, plan)
    errors.raise_if_any()
    assert customer is not None
    assert plan is not None
    await _ensure_external_id_free(session, organization_id, external_id)
    if data.overrides is not None:
        plan = await plan_overrides.create_override(session, plan, data.overrides)
    pending = starts > now
    subscription = Subscription(
        organization_id=organization_id,
        customer_id=customer.id,
        plan_id=plan.id,
        external_id=external_id,
        name=name,
        status=SubscriptionStatus.PENDING if pending else SubscriptionStatus.ACTIVE,
        billing_time=data.billing_time,
        subscription_at=starts,
        started_at=None if pending else starts,
        trial_ends_at=None if pending else _trial_end(starts, plan),
        ending_at=data.ending_at,
    )
    session.add(subscription)
    async with constraint_errors(_UNIQUE):
        await session.flush()
    await reschedule(session, subscription)
    await session.flush()
    if not pending:
        await emit(session, WebhookEventType.SUBSCRIPTION_STARTED, [subscription])
    return subscription


async def _ensure_external_id_free(
    session: AsyncSession, organization_id: uuid.UUID, external_id: str
) -> None:
    taken = await session.scalar(
        sa.select(sa.literal(True)).where(
            Subscription.organization_id == organization_id,
            Subscription.external_id == external_id,
            Subscription.status.in_(LIVE),
        )
    )
    if taken:
        raise ValidationFailed(dict([_UNIQUE["uq_subscriptions_active_external_id"]]))


async def _live(session: AsyncSession, actor: Actor, subscription_id: uuid.UUID) -> Subscription:
    """The subscription, locked for this change, if it is still pending or active."""
    subscription = await session.scalar(
        sa.select(Subscription)
        .where(Subscription.id == subscription_id, Subscription.organization_id == actor.org())
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    if subscription is None:
        raise NotFound("Subscription")
    if subscription.status not in LIVE:
        raise ValidationFailed.one("id", f"the subscription is {subscription.status.value}")
    return subscription


@dataclass(frozen=True)
class EndDate:
    """What an update does to the end date: set a new one, remove it (``clear``), or neither."""

    ending_at: datetime | None = None
    clear: bool = False


async def update_subscription(
    session: AsyncSession,
    actor: Actor,
    subscription_id: uuid.UUID,
    name: str | None,
    end: EndDate,
    overrides: plan_overrides.PlanOverrides | None,
) -> Subscription:
    subscription = await _live(session, actor, subscription_id)
    errors = Collector()
    if name is not None:
        subscription.name = validation.text(errors, "name", name, required=False) or None
    if end.clear and end.ending_at is not None:
        errors.add("clearEndingAt", "cannot be given with endingAt")
    elif end.clear:
        subscription.ending_at = None
    elif end.ending_at is not None:
        if end.ending_at <= max(subscription.subscription_at, datetime.now(UTC)):
            errors.add("endingAt", "must be after the start and in the future")
        subscription.ending_at = end.ending_at
    errors.raise_if_any()
    if overrides is not None:
        plan = await session.get_one(Plan, subscription.plan_id)
        if plan.parent_id is not None:
            await plan_overrides.update_override(session, plan, overrides)
        else:
            running = subscription.status is SubscriptionStatus.ACTIVE
            copy = await plan_overrides.create_override(
                session, plan, overrides, keep_parent_until=datetime.now(UTC) if running else None
            )
            subscription.plan_id = copy.id
    await session.flush()
    await emit(session, WebhookEventType.SUBSCRIPTION_CHANGED, [subscription])
    return subscription


async def _pending_successor(session: AsyncSession, subscription: Subscription) -> Subscription | None:
    return await session.scalar(
        sa.select(Subscription).where(
            Subscription.previous_subscription_id == subscription.id,
            Subscription.status == SubscriptionStatus.PENDING,
        )
    )


async def terminate_subscription(
    session: AsyncSession, actor: Actor, subscription_id: uuid.UUID
) -> Subscription:
    """An active subscription ends now (its scheduled successor is canceled); a pending one is canceled."""
    subscription = await _live(session, actor, subscription_id)
    now = datetime.now(UTC)
    successor = await _pending_successor(session, subscription)
    if successor is not None:
        successor.status, successor.canceled_at = SubscriptionStatus.CANCELED, now
    if subscription.status is SubscriptionStatus.PENDING:
        subscription.status, subscription.canceled_at = SubscriptionStatus.CANCELED, now
    else:
        subscription.status, subscription.terminated_at = SubscriptionStatus.TERMINATED, now
        await reschedule(session, subscription)  # a last invoice for the time used
        await unused.give_back_on_termination(session, [subscription])
    await session.flush()
    await emit(session, WebhookEventType.SUBSCRIPTION_TERMINATED, [subscription])
    return subscription


async def _timezone(session: AsyncSession, customer: Customer) -> str:
    if customer.timezone:
        return customer.timezone
    return (await session.get_one(Organization, customer.organization_id)).timezone


async def change_plan(
    session: AsyncSession,
    actor: Actor,
    subscription_id: uuid.UUID,
    plan_id: str,
    overrides: plan_overrides.PlanOverrides | None,
) -> Subscription:
    """Move to another plan: an upgrade (a dearer plan per year) at once, a downgrade at the end of the
    current period. Either way a new subscription linked to the previous one; the old one is returned
    with its successor reachable as ``nextSubscription``."""
    current = await _live(session, actor, subscription_id)
    errors = Collector()
    new_plan = await _catalogue_plan(session, errors, current.organization_id, plan_id)
    customer = await session.get_one(Customer, current.customer_id)
    old_plan = await session.get_one(Plan, current.plan_id)
    if new_plan is not None:
        _match_currency(errors, customer, new_plan)
        if new_plan.id in (old_plan.id, old_plan.parent_id):
            errors.add("planId", "the subscription is already on this plan")
    errors.raise_if_any()
    assert new_plan is not None
    now = datetime.now(UTC)
    replaced = await _pending_successor(session, current)
    if replaced is not None:  # a change scheduled before is replaced by this one
        replaced.status, replaced.canceled_at = SubscriptionStatus.CANCELED, now
        await session.flush()
    if overrides is not None:
        new_plan = await plan_overrides.create_override(session, new_plan, overrides)
    upgrade = new_plan.amount_cents * yearly_factor(
        new_plan.interval
    ) >= old_plan.amount_cents * yearly_factor(old_plan.interval)
    if current.status is SubscriptionStatus.PENDING or upgrade:
        starts = current.subscription_at if current.status is SubscriptionStatus.PENDING else now
        if current.status is SubscriptionStatus.PENDING:
            current.status, current.canceled_at = SubscriptionStatus.CANCELED, now
        else:
            current.status, current.terminated_at = SubscriptionStatus.TERMINATED, now
            await reschedule(session, current)
        await session.flush()
        status = SubscriptionStatus.PENDING if starts > now else SubscriptionStatus.ACTIVE
    else:
        tz = await _timezone(session, customer)
        assert current.started_at is not None
        starts = period_at(now, current.started_at, old_plan.interval, current.billing_time, tz).end
        status = SubscriptionStatus.PENDING
    successor = Subscription(
        organization_id=current.organization_id,
        customer_id=current.customer_id,
        plan_id=new_plan.id,
        external_id=current.external_id,
        name=current.name,
        status=status,
        billing_time=current.billing_time,
        subscription_at=starts,
        started_at=starts if status is SubscriptionStatus.ACTIVE else None,
        ending_at=current.ending_at,
        previous_subscription_id=current.id,
    )
    session.add(successor)
    async with constraint_errors(_UNIQUE):
        await session.flush()
    await reschedule(session, successor)
    await session.flush()
    if current.status is SubscriptionStatus.TERMINATED:  # an upgrade now: its successor is known
        await unused.give_back_on_termination(session, [current])
    await emit_data(
        session,
        current.organization_id,
        WebhookEventType.SUBSCRIPTION_CHANGED,
        "subscription",
        {**columns(current), "next_subscription": columns(successor)},
        current.id,
    )
    if current.status is not SubscriptionStatus.ACTIVE:  # ended now (an upgrade) or canceled
        await emit(session, WebhookEventType.SUBSCRIPTION_TERMINATED, [current])
    if successor.status is SubscriptionStatus.ACTIVE:
        await emit(session, WebhookEventType.SUBSCRIPTION_STARTED, [successor])
    return successor


async def apply_due_transitions(session: AsyncSession, now: datetime) -> int:
    """Start what is due and end what has reached its end date, in every organization; returns how many
    subscriptions changed. Run by the billing run before it bills."""
    changed = 0
    started: list[Subscription] = []
    ended: list[Subscription] = []
    ending = await session.scalars(
        sa.select(Subscription)
        .where(Subscription.status == SubscriptionStatus.ACTIVE, Subscription.ending_at <= now)
        .with_for_update(key_share=True, skip_locked=True)
    )
    for subscription in ending.all():
        subscription.status, subscription.terminated_at = (
            SubscriptionStatus.TERMINATED,
            subscription.ending_at,
        )
        successor = await _pending_successor(session, subscription)
        if successor is not None:  # a plan change scheduled past the end: it never starts
            successor.status, successor.canceled_at = SubscriptionStatus.CANCELED, now
        await reschedule(session, subscription)
        ended.append(subscription)
        changed += 1
    await session.flush()
    due = await session.scalars(
        sa.select(Subscription)
        .where(Subscription.status == SubscriptionStatus.PENDING, Subscription.subscription_at <= now)
        .order_by(Subscription.subscription_at)
        .with_for_update(key_share=True, skip_locked=True)
    )
    for subscription in due.all():
        if subscription.previous_subscription_id is not None:
            previous = await session.get_one(Subscription, subscription.previous_subscription_id)
            if previous.status is SubscriptionStatus.ACTIVE:
                previous.status, previous.terminated_at = (
                    SubscriptionStatus.TERMINATED,
                    subscription.subscription_at,
                )
                await reschedule(session, previous)
                await session.flush()
                ended.append(previous)
        if subscription.ending_at is not None and subscription.ending_at <= subscription.subscription_at:
            # its end came first (a predecessor's end date it inherited): it never starts
            subscription.status, subscription.canceled_at = SubscriptionStatus.CANCELED, now
            await session.flush()
            changed += 1
            continue
        plan = await session.get_one(Plan, subscription.plan_id)
        subscription.status, subscription.started_at = SubscriptionStatus.ACTIVE, subscription.subscription_at
        if subscription.previous_subscription_id is None:
            subscription.trial_ends_at = _trial_end(subscription.subscription_at, plan)
        started.append(subscription)
        if subscription.ending_at is not None and subscription.ending_at <= now:
            # started and ended since the last run: both, in time order, before anything is billed
            subscription.status, subscription.terminated_at = (
                SubscriptionStatus.TERMINATED,
                subscription.ending_at,
            )
            ended.append(subscription)
        await reschedule(session, subscription)
        await session.flush()
        changed += 1
    await session.flush()
    await unused.give_back_on_termination(session, ended)
    await emit(session, WebhookEventType.SUBSCRIPTION_TERMINATED, ended)
    await emit(session, WebhookEventType.SUBSCRIPTION_STARTED, started)
    return changed
