from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any, TypeVar

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info

from app.analytics import service
from app.analytics.types import GrossRevenueType, InvoicedUsageType, MrrType, OutstandingInvoicesType
from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context

T = TypeVar("T")
RANGE = "Months from fromMonth to toMonth (any day of each; default: the last twelve months)."


async def _figures(
    info: Info[Context, Any],
    figures: Callable[[AsyncSession, service.Filters], Awaitable[list[T]]],
    from_month: date | None,
    to_month: date | None,
    currency: str | None,
    customer_id: strawberry.ID | None,
) -> list[T]:
    org = info.context.actor.org()
    customer = parse_id("customerId", customer_id) if customer_id else None

    async def run(session: AsyncSession) -> list[T]:
        filters = await service.filters_for(session, org, from_month, to_month, currency, customer)
        return await figures(session, filters)

    return await info.context.read(run)


@strawberry.type
class AnalyticsQueries:
    @strawberry.field(extensions=requires(P.ANALYTICS_VIEW), description=f"Gross revenue by month. {RANGE}")
    async def gross_revenues(
        self,
        info: Info[Context, Any],
        from_month: date | None = None,
        to_month: date | None = None,
        currency: str | None = None,
        customer_id: strawberry.ID | None = None,
    ) -> list[GrossRevenueType] | None:
        return await _figures(info, service.gross_revenues, from_month, to_month, currency, customer_id)

    @strawberry.field(extensions=requires(P.ANALYTICS_VIEW), description=f"MRR by month. {RANGE}")
    async def mrrs(
        self,
        info: Info[Context, Any],
        from_month: date | None = None,
        to_month: date | None = None,
        currency: str | None = None,
        customer_id: strawberry.ID | None = None,
    ) -> list[MrrType] | None:
        return await _figures(info, service.mrrs, from_month, to_month, currency, customer_id)

    @strawberry.field(
        extensions=requires(P.ANALYTICS_VIEW), description=f"Invoiced usage by month and metric. {RANGE}"
    )
    async def invoiced_usages(
        self,
        info: Info[Context, Any],
        from_month: date | None = None,
        to_month: date | None = None,
        currency: str | None = None,
        customer_id: strawberry.ID | None = None,
    ) -> list[InvoicedUsageType] | None:
        return await _figures(info, service.invoiced_usages, from_month, to_month, currency, customer_id)

    @strawberry.field(
        extensions=requires(P.ANALYTICS_VIEW), description=f"Unpaid invoices by month of issue. {RANGE}"
    )
    async def outstanding_invoices(
        self,
        info: Info[Context, Any],
        from_month: date | None = None,
        to_month: date | None = None,
        currency: str | None = None,
        customer_id: strawberry.ID | None = None,
    ) -> list[OutstandingInvoicesType] | None:
        return await _figures(info, service.outstanding_invoices, from_month, to_month, currency, customer_id)
