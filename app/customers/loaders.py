from __future__ import annotations

import uuid

from aiodataloader import DataLoader

from app.customers.models import Customer
from app.customers.service import customers_by_id
from app.graphql.context import Context


def customers(ctx: Context) -> DataLoader[uuid.UUID, Customer | None]:
    """Customers by id within the caller's organization (destroyed ones too: history points at them)."""

    async def batch(ids: list[uuid.UUID]) -> list[Customer | None]:
        org = ctx.actor.org()
        found = await ctx.read(lambda session: customers_by_id(session, org, ids))
        return [found.get(customer_id) for customer_id in ids]

    return ctx.loader("customers", batch)
