"""Mappings of many integrations in one statement per request."""

from __future__ import annotations

import uuid

from aiodataloader import DataLoader

from app.core.pagination import Window
from app.graphql.context import Context
from app.integrations.models import IntegrationMapping
from app.integrations.service import mappings_by_integration


def mappings_of(ctx: Context, window: Window) -> DataLoader[uuid.UUID, list[IntegrationMapping]]:
    """Integration ids come from objects already scoped to the caller's organization; ``window`` of
    each integration's mappings."""

    async def batch(ids: list[uuid.UUID]) -> list[list[IntegrationMapping]]:
        grouped = await ctx.read(lambda session: mappings_by_integration(session, ids, window))
        return [grouped.get(integration_id, []) for integration_id in ids]

    return ctx.loader(f"integration_mappings:{window.key}", batch)
