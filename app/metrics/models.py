from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Model, SoftDeleted, TenantOwned, enum_column, live_code_index


class AggregationType(enum.Enum):
    COUNT_AGG = "count_agg"
    SUM_AGG = "sum_agg"
    MAX_AGG = "max_agg"
    UNIQUE_COUNT_AGG = "unique_count_agg"
    LATEST_AGG = "latest_agg"
    WEIGHTED_SUM_AGG = "weighted_sum_agg"


# Aggregations whose value carries over from one period to the next when recurring.
RECURRING_AGGREGATIONS = frozenset(
    {AggregationType.SUM_AGG, AggregationType.UNIQUE_COUNT_AGG, AggregationType.WEIGHTED_SUM_AGG}
)


class BillableMetric(TenantOwned, SoftDeleted, Model):
    __tablename__ = "billable_metrics"
    __table_args__ = (live_code_index("billable_metrics"),)

    name: Mapped[str] = mapped_column(String(255))
    code: Mapped[str] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(String(1000))
    aggregation_type: Mapped[AggregationType] = mapped_column(enum_column(AggregationType))
    field_name: Mapped[str | None] = mapped_column(String(100))
    recurring: Mapped[bool] = mapped_column(default=False)
    # [{"key": "region", "values": ["eu", "us"]}]: the event properties a charge may price apart.
    filters: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list, server_default="[]")
