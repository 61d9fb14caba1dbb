from __future__ import annotations

import uuid
from typing import Any

from aiodataloader import DataLoader

from app.coupons.service import targets_by_coupon
from app.graphql.context import Context


def targets(ctx: Context, model: Any) -> DataLoader[uuid.UUID, list[Any]]:
    """The plans (``model`` Plan) or billable metrics each coupon is limited to."""

    async def batch(ids: list[uuid.UUID]) -> list[list[Any]]:
        grouped = await ctx.read(lambda session: targets_by_coupon(session, model, ids))
        return [grouped.get(coupon_id, []) for coupon_id in ids]

    return ctx.loader(f"coupon_targets_{model.__tablename__}", batch)
