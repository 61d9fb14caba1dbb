from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.metrics import service
from app.metrics.types import (
    BillableMetricType,
    CreateBillableMetricInput,
    DestroyBillableMetricInput,
    DestroyBillableMetricPayload,
    UpdateBillableMetricInput,
    filters_of,
)


@strawberry.type
class MetricMutations:
    @strawberry.mutation(extensions=requires(P.BILLABLE_METRICS_CREATE))
    async def create_billable_metric(
        self, info: Info[Context, Any], input: CreateBillableMetricInput
    ) -> BillableMetricType | None:
        ctx = info.context
        data = service.MetricInput(
            input.name,
            input.code,
            input.description,
            input.aggregation_type,
            input.field_name,
            input.recurring,
            filters_of(input.filters),
        )
        return await ctx.mutate(info, lambda s: service.create_metric(s, ctx.actor, data))

    @strawberry.mutation(extensions=requires(P.BILLABLE_METRICS_UPDATE))
    async def update_billable_metric(
        self, info: Info[Context, Any], input: UpdateBillableMetricInput
    ) -> BillableMetricType | None:
        ctx, metric_id = info.context, parse_id("id", input.id)
        data = service.MetricInput(
            input.name,
            input.code,
            input.description,
            input.aggregation_type,
            input.field_name,
            input.recurring,
            filters_of(input.filters),
        )
        return await ctx.mutate(info, lambda s: service.update_metric(s, ctx.actor, metric_id, data))

    @strawberry.mutation(extensions=requires(P.BILLABLE_METRICS_DELETE))
    async def destroy_billable_metric(
        self, info: Info[Context, Any], input: DestroyBillableMetricInput
    ) -> DestroyBillableMetricPayload | None:
        ctx, metric_id = info.context, parse_id("id", input.id)
        metric = await ctx.mutate(info, lambda s: service.destroy_metric(s, ctx.actor, metric_id))
        return DestroyBillableMetricPayload(id=strawberry.ID(str(metric.id)))
