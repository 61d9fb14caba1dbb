from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.decimals import text_of
from app.credit_notes.loaders import credit_notes_of_invoice
from app.customers.loaders import customers
from app.graphql.context import Context
from app.graphql.pagination import Limit, Offset, window
from app.graphql.scalars import BigInt
from app.invoices.loaders import fee_taxes_of, fees_of
from app.invoices.models import Fee, FeeKind, Invoice, InvoiceKind, InvoiceStatus, PaymentStatus
from app.plans.loaders import charges

if TYPE_CHECKING:
    from app.credit_notes.types import CreditNoteType
    from app.customers.types import CustomerType
    from app.metrics.types import BillableMetricType
    from app.plans.types import ChargeType

strawberry.enum(InvoiceKind, name="InvoiceTypeEnum")
strawberry.enum(InvoiceStatus, name="InvoiceStatus")
strawberry.enum(PaymentStatus, name="InvoicePaymentStatus")
strawberry.enum(FeeKind, name="FeeTypeEnum")


@strawberry.type(name="FeeAppliedTax", description="A tax on a fee, with its code, name and rate as applied.")
class FeeAppliedTaxType:
    tax_code: str
    tax_name: str
    tax_rate: str
    amount_cents: BigInt
    precise_amount_cents: str


@strawberry.type(
    name="Fee", description="An invoice line. Amounts in minor units; precise values as strings."
)
class FeeType:
    id: strawberry.ID
    fee_type: FeeKind
    description: str = strawberry.field(description="The line's name as printed on the invoice.")
    units: str
    unit_amount_cents: str = strawberry.field(description="Precise minor units per unit.")
    precise_amount_cents: str
    amount_cents: BigInt
    currency: str
    coupons_amount_cents: BigInt
    taxes_rate: str
    taxes_amount_cents: BigInt
    total_amount_cents: BigInt
    period_start: datetime | None
    period_end: datetime | None

    @strawberry.field
    async def applied_taxes(
        self, root: strawberry.Parent[Fee], info: Info[Context, Any]
    ) -> list[FeeAppliedTaxType]:
        return await fee_taxes_of(info.context).load(root.id)

    @strawberry.field(
        description="The name printed on the invoice for this line, fixed when it was issued: a charge's "
        "invoiceDisplayName (else its metric's name), an add-on's (else its name) or the given description, "
        "the plan's name and interval for a subscription fee. Same as description."
    )
    def invoice_display_name(self, root: strawberry.Parent[Fee]) -> str:
        return root.description

    @strawberry.field(
        description="The plan charge a usage line bills, as priced in the plan version it was billed "
        "under (its chargeModel, properties and invoiceDisplayName); null for other lines."
    )
    async def charge(
        self, root: strawberry.Parent[Fee], info: Info[Context, Any]
    ) -> Annotated[ChargeType, strawberry.lazy("app.plans.types")] | None:
        return None if root.charge_id is None else await charges(info.context).load(root.charge_id)


@strawberry.type(name="Invoice", description="Amounts in minor units of the invoice's currency.")
class InvoiceType:
    id: strawberry.ID
    number: str
    sequential_id: int
    invoice_type: InvoiceKind
    status: InvoiceStatus
    payment_status: PaymentStatus
    currency: str
    issuing_date: date
    payment_due_date: date
    net_payment_term: int
    fees_amount_cents: BigInt
    coupons_amount_cents: BigInt
    sub_total_excluding_taxes_amount_cents: BigInt
    taxes_amount_cents: BigInt
    sub_total_including_taxes_amount_cents: BigInt
    credit_notes_amount_cents: BigInt
    prepaid_credit_amount_cents: BigInt
    total_amount_cents: BigInt
    finalized_at: datetime | None
    voided_at: datetime | None
    paid_at: datetime | None
    created_at: datetime

    @strawberry.field
    async def fees(self, root: strawberry.Parent[Invoice], info: Info[Context, Any]) -> list[FeeType]:
        return await fees_of(info.context).load(root.id)

    @strawberry.field
    async def customer(
        self, root: strawberry.Parent[Invoice], info: Info[Context, Any]
    ) -> Annotated[CustomerType, strawberry.lazy("app.customers.types")]:
        return await customers(info.context).load(root.customer_id)

    @strawberry.field(extensions=requires(P.CREDIT_NOTES_VIEW), description="Credit notes on this invoice.")
    async def credit_notes(
        self,
        root: strawberry.Parent[Invoice],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[Annotated[CreditNoteType, strawberry.lazy("app.credit_notes.types")]] | None:
        page = window(info.context.settings, limit, offset)
        return await credit_notes_of_invoice(info.context, page).load(root.id)


@strawberry.input
class OneOffFeeInput:
    add_on_id: strawberry.ID
    units: str | None = strawberry.field(default=None, description="Decimal string; default 1.")
    unit_amount_cents: BigInt | None = strawberry.field(default=None, description="Default: the add-on's.")
    description: str | None = None


@strawberry.input
class CreateInvoiceInput:
    customer_id: strawberry.ID
    currency: str
    fees: list[OneOffFeeInput]


@strawberry.input
class UpdateInvoiceInput:
    id: strawberry.ID
    payment_status: PaymentStatus


@strawberry.type(name="ChargeUsage", description="One charge's usage so far this period, and its amount.")
class ChargeUsageType:
    amount_cents: BigInt

    @strawberry.field
    def units(self, root: strawberry.Parent[Any]) -> str:
        return text_of(root.units)

    @strawberry.field
    def billable_metric(
        self, root: strawberry.Parent[Any]
    ) -> Annotated[BillableMetricType, strawberry.lazy("app.metrics.types")]:
        return root.billable_metric

    @strawberry.field
    def charge(
        self, root: strawberry.Parent[Any]
    ) -> Annotated[ChargeType, strawberry.lazy("app.plans.types")]:
        return root.charge


@strawberry.type(name="CustomerUsage", description="The current period's usage, rated live (before taxes).")
class CustomerUsageType:
    from_datetime: datetime
    to_datetime: datetime
    currency: str
    amount_cents: BigInt

    @strawberry.field
    def charges_usage(self, root: strawberry.Parent[Any]) -> list[ChargeUsageType]:
        return root.charges


@strawberry.input
class InvoiceIdInput:
    id: strawberry.ID
