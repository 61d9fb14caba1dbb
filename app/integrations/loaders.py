"""Mappings of many integrations in one statement per request."""

from __future__ import annotations

import uuid

from aiodataloader import DataLoader

from app.graphql.context import Context
from app.integrations.models import IntegrationMapping
from app.integrations.service import mappings_by_integration


def mappings_of(ctx: Context) -> DataLoader[uuid.UUID, list[IntegrationMapping]]:
    """Integration ids come from objects already scoped to the caller's organization."""

    async def batch(ids: list[uuid.UUID]) -> list[list[IntegrationMapping]]:
        grouped = await ctx.read(lambda session: mappings_by_integration(session, ids))
        return [grouped.get(integration_id, []) for integration_id in ids]

    return ctx.loader("integration_mappings", batch)
