from __future__ import annotations

import uuid

from aiodataloader import DataLoader

from app.graphql.context import Context
from app.plans.models import Charge, Plan
from app.plans.service import charges_by_version, plans_by_id


def charges_of(ctx: Context) -> DataLoader[uuid.UUID, list[Charge]]:
    """Charges by plan version id (versions come from plans already scoped to the caller)."""

    async def batch(ids: list[uuid.UUID]) -> list[list[Charge]]:
        grouped = await ctx.read(lambda session: charges_by_version(session, ids))
        return [grouped.get(version_id, []) for version_id in ids]

    return ctx.loader("charges", batch)


def plans(ctx: Context) -> DataLoader[uuid.UUID, Plan | None]:
    """Plans by id within the caller's organization, negotiated copies and destroyed ones included
    (subscriptions and invoices still point at them)."""

    async def batch(ids: list[uuid.UUID]) -> list[Plan | None]:
        org = ctx.actor.org()
        found = await ctx.read(lambda session: plans_by_id(session, org, ids))
        return [found.get(plan_id) for plan_id in ids]

    return ctx.loader("plans", batch)
