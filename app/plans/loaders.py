from __future__ import annotations

import uuid

import sqlalchemy as sa
from aiodataloader import DataLoader
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.pagination import Window
from app.graphql.context import Context
from app.plans.models import Charge, Plan, PlanVersion
from app.plans.service import charges_by_version, plans_by_id, versions_by_plan


def charges_of(ctx: Context) -> DataLoader[uuid.UUID, list[Charge]]:
    """Charges by plan version id (versions come from plans already scoped to the caller)."""

    async def batch(ids: list[uuid.UUID]) -> list[list[Charge]]:
        grouped = await ctx.read(lambda session: charges_by_version(session, ids))
        return [grouped.get(version_id, []) for version_id in ids]

    return ctx.loader("charges", batch)


def charges(ctx: Context) -> DataLoader[uuid.UUID, Charge | None]:
    """Charges by id within the caller's organization, of any plan version (an invoice's fee points at
    the charge of the version it was billed under, a negotiated copy's included)."""

    async def batch(ids: list[uuid.UUID]) -> list[Charge | None]:
        org = ctx.actor.org()

        async def by_id(session: AsyncSession) -> dict[uuid.UUID, Charge]:
            rows = await session.scalars(
                sa.select(Charge).where(Charge.organization_id == org, Charge.id.in_(ids))
            )
            return {charge.id: charge for charge in rows}

        found = await ctx.read(by_id)
        return [found.get(charge_id) for charge_id in ids]

    return ctx.loader("charges_by_id", batch)


def plans(ctx: Context) -> DataLoader[uuid.UUID, Plan | None]:
    """Plans by id within the caller's organization, negotiated copies and destroyed ones included
    (subscriptions and invoices still point at them)."""

    async def batch(ids: list[uuid.UUID]) -> list[Plan | None]:
        org = ctx.actor.org()
        found = await ctx.read(lambda session: plans_by_id(session, org, ids))
        return [found.get(plan_id) for plan_id in ids]

    return ctx.loader("plans", batch)


def versions_of(ctx: Context, window: Window) -> DataLoader[uuid.UUID, list[PlanVersion]]:
    """A plan's versions by plan id, newest first, ``window`` of each (plans come already scoped to the
    caller)."""

    async def batch(ids: list[uuid.UUID]) -> list[list[PlanVersion]]:
        grouped = await ctx.read(lambda session: versions_by_plan(session, ids, window))
        return [grouped.get(plan_id, []) for plan_id in ids]

    return ctx.loader(f"plan_versions:{window.key}", batch)
