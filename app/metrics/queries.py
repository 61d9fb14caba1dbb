from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request
from app.metrics import service
from app.metrics.models import AggregationType
from app.metrics.types import BillableMetricType


@strawberry.type
class MetricQueries:
    @strawberry.field(extensions=requires(P.BILLABLE_METRICS_VIEW), description="Billable metrics, by name.")
    async def billable_metrics(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        search_term: str | None = None,
        aggregation_types: list[AggregationType] | None = None,
    ) -> Collection[BillableMetricType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        return collection(
            await ctx.read(lambda s: service.list_metrics(s, org, request, search_term, aggregation_types))
        )

    @strawberry.field(extensions=requires(P.BILLABLE_METRICS_VIEW))
    async def billable_metric(self, info: Info[Context, Any], id: strawberry.ID) -> BillableMetricType | None:
        org, metric_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_metric(s, org, metric_id))
