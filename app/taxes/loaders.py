"""Taxes of many plans, add-ons or customers in one statement per request."""

from __future__ import annotations

import uuid
from typing import Any

from aiodataloader import DataLoader

from app.graphql.context import Context
from app.taxes.models import Tax
from app.taxes.service import taxes_by_owner


def taxes_of(ctx: Context, link: Any, owner_field: str) -> DataLoader[uuid.UUID, list[Tax]]:
    """Owner ids come from objects already scoped to the caller's organization."""

    async def batch(ids: list[uuid.UUID]) -> list[list[Tax]]:
        grouped = await ctx.read(lambda session: taxes_by_owner(session, link, owner_field, ids))
        return [grouped.get(owner_id, []) for owner_id in ids]

    return ctx.loader(f"taxes_of_{link.__tablename__}", batch)
