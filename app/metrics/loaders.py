from __future__ import annotations

import uuid

from aiodataloader import DataLoader

from app.graphql.context import Context
from app.metrics.models import BillableMetric
from app.metrics.service import metrics_by_id


def metrics(ctx: Context) -> DataLoader[uuid.UUID, BillableMetric | None]:
    """Billable metrics by id, within the caller's organization."""

    async def batch(ids: list[uuid.UUID]) -> list[BillableMetric | None]:
        org = ctx.actor.org()
        found = await ctx.read(lambda session: metrics_by_id(session, org, ids))
        return [found.get(metric_id) for metric_id in ids]

    return ctx.loader("billable_metrics", batch)
