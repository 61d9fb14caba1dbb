from __future__ import annotations

import uuid

from aiodataloader import DataLoader

from app.core.pagination import Window
from app.graphql.context import Context
from app.subscriptions.models import Subscription, SubscriptionStatus
from app.subscriptions.service import by_customer, pending_successors, subscriptions_by_id


def subscriptions_of(
    ctx: Context, statuses: tuple[SubscriptionStatus, ...], window: Window | None = None
) -> DataLoader[uuid.UUID, list[Subscription]]:
    """Subscriptions of many customers (already scoped to the caller) in given statuses, oldest first,
    ``window`` of each (all without one)."""

    async def batch(ids: list[uuid.UUID]) -> list[list[Subscription]]:
        grouped = await ctx.read(lambda session: by_customer(session, ids, statuses, window))
        return [grouped.get(customer_id, []) for customer_id in ids]

    key = ",".join(sorted(status.value for status in statuses))
    return ctx.loader(f"subscriptions_of:{key}:{window.key if window else 'all'}", batch)


def subscriptions(ctx: Context) -> DataLoader[uuid.UUID, Subscription | None]:
    async def batch(ids: list[uuid.UUID]) -> list[Subscription | None]:
        org = ctx.actor.org()
        found = await ctx.read(lambda session: subscriptions_by_id(session, org, ids))
        return [found.get(subscription_id) for subscription_id in ids]

    return ctx.loader("subscriptions", batch)


def successors(ctx: Context) -> DataLoader[uuid.UUID, Subscription | None]:
    """The pending subscription scheduled to replace each one (a downgrade), if any."""

    async def batch(ids: list[uuid.UUID]) -> list[Subscription | None]:
        found = await ctx.read(lambda session: pending_successors(session, ids))
        return [found.get(subscription_id) for subscription_id in ids]

    return ctx.loader("successors", batch)
