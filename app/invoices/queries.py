from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request
from app.invoices import service
from app.invoices.models import InvoiceKind, InvoiceStatus, PaymentStatus
from app.invoices.types import CustomerUsageType, InvoiceType
from app.invoicing.usage import current_usage


@strawberry.type
class InvoiceQueries:
    @strawberry.field(extensions=requires(P.INVOICES_VIEW), description="Invoices, newest number first.")
    async def invoices(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        customer_id: strawberry.ID | None = None,
        status: list[InvoiceStatus] | None = None,
        invoice_type: list[InvoiceKind] | None = None,
        payment_status: list[PaymentStatus] | None = None,
        issuing_date_from: date | None = None,
        issuing_date_to: date | None = None,
        search_term: str | None = None,
    ) -> Collection[InvoiceType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        filters = service.InvoiceFilter(
            customer_id=parse_id("customerId", customer_id) if customer_id else None,
            statuses=status,
            types=invoice_type,
            payment_statuses=payment_status,
            issued_from=issuing_date_from,
            issued_to=issuing_date_to,
            search=search_term,
        )
        return collection(await ctx.read(lambda s: service.list_invoices(s, org, filters, request)))

    @strawberry.field(
        extensions=requires(P.CUSTOMERS_VIEW), description="A subscription's usage so far this period, rated."
    )
    async def customer_usage(
        self, info: Info[Context, Any], customer_id: strawberry.ID, subscription_id: strawberry.ID
    ) -> CustomerUsageType | None:
        ctx = info.context
        org, customer, subscription = (
            ctx.actor.org(),
            parse_id("customerId", customer_id),
            parse_id("subscriptionId", subscription_id),
        )
        return await ctx.read(lambda s: current_usage(s, org, customer, subscription, datetime.now(UTC)))

    @strawberry.field(extensions=requires(P.INVOICES_VIEW))
    async def invoice(self, info: Info[Context, Any], id: strawberry.ID) -> InvoiceType | None:
        org, invoice_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_invoice(s, org, invoice_id))
