from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from app.core.decimals import text_of
from app.graphql.scalars import BigInt


@strawberry.type(
    name="GrossRevenue",
    description="A month's finalized invoice totals (taxes included, net of credits spent) less refunds.",
)
class GrossRevenueType:
    month: date = strawberry.field(description="The first day of the month.")
    currency: str
    invoices_count: int
    invoiced_amount_cents: BigInt
    refunded_amount_cents: BigInt
    amount_cents: BigInt


@strawberry.type(
    name="Mrr",
    description="A month's recurring revenue: subscription fees (after coupons, before taxes) spread "
    "over the days of their service period.",
)
class MrrType:
    month: date
    currency: str
    amount_cents: BigInt


@strawberry.type(
    name="InvoicedUsage", description="Usage fees of the month's finalized invoices, per metric."
)
class InvoicedUsageType:
    month: date
    currency: str
    billable_metric_code: str
    billable_metric_name: str
    amount_cents: BigInt

    @strawberry.field(description="Units invoiced, as a decimal string.")
    def units(self, root: strawberry.Parent[Any]) -> str:
        return text_of(root.units)


@strawberry.type(
    name="OutstandingInvoices",
    description="Finalized invoices of the month not paid yet, and the part past its due date.",
)
class OutstandingInvoicesType:
    month: date
    currency: str
    invoices_count: int
    amount_cents: BigInt
    overdue_invoices_count: int
    overdue_amount_cents: BigInt
