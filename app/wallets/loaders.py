from __future__ import annotations

import uuid

from aiodataloader import DataLoader

from app.core.pagination import Window
from app.graphql.context import Context
from app.wallets.models import Wallet
from app.wallets.service import by_customer


def wallets_of(ctx: Context, window: Window) -> DataLoader[uuid.UUID, list[Wallet]]:
    """Wallets of many customers (already scoped to the caller), active first, ``window`` of each."""

    async def batch(ids: list[uuid.UUID]) -> list[list[Wallet]]:
        grouped = await ctx.read(lambda session: by_customer(session, ids, window))
        return [grouped.get(customer_id, []) for customer_id in ids]

    return ctx.loader(f"wallets_of:{window.key}", batch)
