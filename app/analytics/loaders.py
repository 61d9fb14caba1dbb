from __future__ import annotations

import uuid
from datetime import UTC, datetime

from aiodataloader import DataLoader

from app.analytics.service import contracted_mrr_by_customer, gross_revenue_by_customer
from app.graphql.context import Context


def gross_revenue_of(ctx: Context) -> DataLoader[uuid.UUID, dict[str, int]]:
    """All-time gross revenue of many customers (already scoped to the caller), by currency."""

    async def batch(ids: list[uuid.UUID]) -> list[dict[str, int]]:
        found = await ctx.read(lambda session: gross_revenue_by_customer(session, ids))
        return [dict(found.get(customer_id, {})) for customer_id in ids]

    return ctx.loader("gross_revenue_of", batch)


def contracted_mrr_of(ctx: Context) -> DataLoader[uuid.UUID, dict[str, int]]:
    async def batch(ids: list[uuid.UUID]) -> list[dict[str, int]]:
        now = datetime.now(UTC)
        found = await ctx.read(lambda session: contracted_mrr_by_customer(session, ids, now))
        return [found.get(customer_id, {}) for customer_id in ids]

    return ctx.loader("contracted_mrr_of", batch)
