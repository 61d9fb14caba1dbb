"""Billable metrics. Once a plan prices a metric, what it measures (code, aggregation, field, recurrence)
is fixed: changing it would silently change what customers on that plan pay."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.core import validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Page, PageRequest
from app.db.errors import constraint_errors
from app.db.pagination import paginate
from app.metrics.models import RECURRING_AGGREGATIONS, AggregationType, BillableMetric
from app.plans.models import Charge, Plan

MAX_FILTERS = 20  # filters of one billable metric
MAX_FILTER_VALUES = 50  # values of one filter
_UNIQUE_CODE = {"uq_billable_metrics_live_code": ("code", "is already used by another billable metric")}
_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,99}$")
_LOCKED_WHEN_PRICED = ("code", "aggregation_type", "field_name", "recurring")
_CAMEL = {
    "code": "code",
    "aggregation_type": "aggregationType",
    "field_name": "fieldName",
    "recurring": "recurring",
}


def _live(organization_id: uuid.UUID) -> list[sa.ColumnElement[bool]]:
    return [BillableMetric.organization_id == organization_id, BillableMetric.deleted_at.is_(None)]


async def list_metrics(
    session: AsyncSession,
    organization_id: uuid.UUID,
    page: PageRequest,
    search: str | None = None,
    aggregation_types: list[AggregationType] | None = None,
) -> Page[BillableMetric]:
    query = sa.select(BillableMetric).where(*_live(organization_id))
    pattern = validation.search_pattern(search)
    if pattern:
        query = query.where(sa.or_(BillableMetric.name.ilike(pattern), BillableMetric.code.ilike(pattern)))
    if aggregation_types:
        query = query.where(BillableMetric.aggregation_type.in_(aggregation_types))
    return await paginate(session, query.order_by(BillableMetric.name, BillableMetric.id), page)


async def get_metric(
    session: AsyncSession, organization_id: uuid.UUID, metric_id: uuid.UUID
) -> BillableMetric:
    metric = await session.scalar(
        sa.select(BillableMetric).where(BillableMetric.id == metric_id, *_live(organization_id))
    )
    if metric is None:
        raise NotFound("Billable metric")
    return metric


async def metrics_by_id(
    session: AsyncSession, organization_id: uuid.UUID, ids: list[uuid.UUID]
) -> dict[uuid.UUID, BillableMetric]:
    """Metrics by id, destroyed ones included: charges of history still name them."""
    rows = await session.scalars(
        sa.select(BillableMetric).where(
            BillableMetric.organization_id == organization_id, BillableMetric.id.in_(ids)
        )
    )
    return {metric.id: metric for metric in rows}


@dataclass(frozen=True)
class MetricInput:
    name: str | None = None
    code: str | None = None
    description: str | None = None
    aggregation_type: AggregationType | None = None
    field_name: str | None = None
    recurring: bool | None = None
    filters: list[dict[str, Any]] | None = None


def _filters(errors: Collector, filters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    cleaned: list[dict[str, Any]] = []
    seen: set[str] = set()
    if len(filters) > MAX_FILTERS:
        errors.add("filters", f"at most {MAX_FILTERS} filters")
        return cleaned
    for index, item in enumerate(filters):
        path = f"filters.{index}"
        key = validation.text(errors, f"{path}.key", item.get("key"), max_length=100) or ""
        if key in seen:
            errors.add(f"{path}.key", f"'{key}' is given twice")
        seen.add(key)
        values = [
            validation.text(errors, f"{path}.values", v, max_length=100) or ""
            for v in item.get("values") or []
        ]
        if not values:
            errors.add(f"{path}.values", "at least one value is required")
        elif len(values) > MAX_FILTER_VALUES:
            errors.add(f"{path}.values", f"at most {MAX_FILTER_VALUES} values")
        elif len(set(values)) != len(values):
            errors.add(f"{path}.values", "values must be distinct")
        cleaned.append({"key": key, "values": values})
    return cleaned


def _apply(errors: Collector, metric: BillableMetric, data: MetricInput, creating: bool) -> None:
    if creating or data.name is not None:
        metric.name = validation.text(errors, "name", data.name) or ""
    if creating or data.code is not None:
        metric.code = validation.code(errors, "code", data.code or "")
    if data.description is not None:
        metric.description = validation.text(
            errors, "description", data.description, required=False, max_length=1000
        )
    if creating or data.aggregation_type is not None:
        if data.aggregation_type is None:
            errors.add("aggregationType", "is required")
        else:
            metric.aggregation_type = data.aggregation_type
    if creating or data.field_name is not None:
        metric.field_name = (data.field_name or "").strip() or None
    if data.recurring is not None:
        metric.recurring = data.recurring
    if data.filters is not None:
        metric.filters = _filters(errors, data.filters)
    aggregation = metric.aggregation_type
    if aggregation is None:
        return
    if aggregation is AggregationType.COUNT_AGG and data.field_name is None:
        metric.field_name = None  # a count has no field: switching to it drops the old one
    if aggregation is AggregationType.COUNT_AGG:
        if metric.field_name is not None:
            errors.add("fieldName", "is not used by COUNT_AGG (it counts events)")
    elif metric.field_name is None:
        errors.add("fieldName", f"is required for {aggregation.name}")
    elif not _FIELD_NAME.match(metric.field_name):
        errors.add("fieldName", "must be an event property name (letters, digits, '_', '.', '-')")
    if metric.recurring and aggregation not in RECURRING_AGGREGATIONS:
        errors.add("recurring", "is only possible for SUM_AGG, UNIQUE_COUNT_AGG and WEIGHTED_SUM_AGG")


async def _ensure_code_free(session: AsyncSession, metric: BillableMetric) -> None:
    taken = await session.scalar(
        sa.select(sa.literal(True)).where(
            *_live(metric.organization_id), BillableMetric.code == metric.code, BillableMetric.id != metric.id
        )
    )
    if taken:
        raise ValidationFailed(dict([_UNIQUE_CODE["uq_billable_metrics_live_code"]]))


async def is_priced(session: AsyncSession, metric_id: uuid.UUID) -> bool:
    """Whether any plan (any version, overrides included) has priced this metric."""
    return bool(
        await session.scalar(
            sa.select(sa.literal(True)).where(Charge.billable_metric_id == metric_id).limit(1)
        )
    )


async def create_metric(session: AsyncSession, actor: Actor, data: MetricInput) -> BillableMetric:
    metric = BillableMetric(id=uuid.uuid4(), organization_id=actor.org(), recurring=False, filters=[])
    errors = Collector()
    _apply(errors, metric, data, creating=True)
    errors.raise_if_any()
    await _ensure_code_free(session, metric)
    session.add(metric)
    async with constraint_errors(_UNIQUE_CODE):
        await session.flush()
    return metric


async def update_metric(
    session: AsyncSession, actor: Actor, metric_id: uuid.UUID, data: MetricInput
) -> BillableMetric:
    metric = await get_metric(session, actor.org(), metric_id)
    before = {name: getattr(metric, name) for name in _LOCKED_WHEN_PRICED}
    errors = Collector()
    _apply(errors, metric, data, creating=False)
    errors.raise_if_any()
    changed = [name for name in _LOCKED_WHEN_PRICED if getattr(metric, name) != before[name]]
    if changed and await is_priced(session, metric.id):
        raise ValidationFailed(
            {_CAMEL[name]: "cannot change once a plan prices this metric" for name in changed}
        )
    await _ensure_code_free(session, metric)
    async with constraint_errors(_UNIQUE_CODE):
        await session.flush()
    return metric


async def destroy_metric(session: AsyncSession, actor: Actor, metric_id: uuid.UUID) -> BillableMetric:
    metric = await get_metric(session, actor.org(), metric_id)
    in_use = await session.scalars(
        sa.select(Plan.code)
        .join(Charge, Charge.plan_version_id == Plan.current_version_id)
        .where(Charge.billable_metric_id == metric.id, Plan.deleted_at.is_(None))
        .distinct()
    )
    codes = sorted(in_use)
    if codes:
        raise ValidationFailed.one("id", "the metric is priced by plans: " + ", ".join(codes))
    metric.deleted_at = datetime.now(UTC)
    await session.flush()
    return metric
