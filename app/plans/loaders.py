from __future__ import annotations

import uuid

from aiodataloader import DataLoader

from app.graphql.context import Context
from app.plans.models import Charge
from app.plans.service import charges_by_version


def charges_of(ctx: Context) -> DataLoader[uuid.UUID, list[Charge]]:
    """Charges by plan version id (versions come from plans already scoped to the caller)."""

    async def batch(ids: list[uuid.UUID]) -> list[list[Charge]]:
        grouped = await ctx.read(lambda session: charges_by_version(session, ids))
        return [grouped.get(version_id, []) for version_id in ids]

    return ctx.loader("charges", batch)
