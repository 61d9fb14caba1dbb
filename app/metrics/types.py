from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from app.metrics.models import AggregationType, BillableMetric

strawberry.enum(AggregationType, name="AggregationType")


@strawberry.type(name="BillableMetricFilter", description="An event property a charge may price apart.")
class BillableMetricFilterType:
    key: str
    values: list[str]


@strawberry.type(name="BillableMetric", description="How usage events are aggregated into units.")
class BillableMetricType:
    id: strawberry.ID
    name: str
    code: str
    description: str | None
    aggregation_type: AggregationType
    field_name: str | None = strawberry.field(
        description="The event property aggregated (not for COUNT_AGG)."
    )
    recurring: bool = strawberry.field(description="The value carries over from one period to the next.")
    created_at: datetime
    updated_at: datetime

    @strawberry.field
    def filters(self, root: strawberry.Parent[BillableMetric]) -> list[BillableMetricFilterType]:
        return [BillableMetricFilterType(key=f["key"], values=list(f["values"])) for f in root.filters]


@strawberry.input
class BillableMetricFilterInput:
    key: str
    values: list[str]


@strawberry.input
class CreateBillableMetricInput:
    name: str
    code: str
    aggregation_type: AggregationType
    description: str | None = None
    field_name: str | None = None
    recurring: bool = False
    filters: list[BillableMetricFilterInput] | None = None


@strawberry.input
class UpdateBillableMetricInput:
    id: strawberry.ID
    name: str | None = None
    code: str | None = None
    description: str | None = None
    aggregation_type: AggregationType | None = None
    field_name: str | None = None
    recurring: bool | None = None
    filters: list[BillableMetricFilterInput] | None = None


@strawberry.input
class DestroyBillableMetricInput:
    id: strawberry.ID


@strawberry.type
class DestroyBillableMetricPayload:
    id: strawberry.ID


def filters_of(given: list[BillableMetricFilterInput] | None) -> list[dict[str, Any]] | None:
    return None if given is None else [{"key": f.key, "values": list(f.values)} for f in given]
