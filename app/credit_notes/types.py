from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.credit_notes.estimate import Estimate
from app.credit_notes.loaders import items_of
from app.credit_notes.models import (
    CreditNote,
    CreditNoteItem,
    CreditNoteReason,
    CreditNoteStatus,
    CreditStatus,
    RefundStatus,
)
from app.customers.loaders import customers
from app.graphql.context import Context
from app.graphql.scalars import BigInt
from app.invoices.loaders import fees, invoices
from app.invoices.types import FeeType, InvoiceType

if TYPE_CHECKING:
    from app.customers.types import CustomerType

strawberry.enum(CreditNoteReason, name="CreditNoteReasonEnum")
strawberry.enum(CreditNoteStatus, name="CreditNoteStatus")
strawberry.enum(CreditStatus, name="CreditNoteCreditStatus")
strawberry.enum(RefundStatus, name="CreditNoteRefundStatus")


@strawberry.type(name="CreditNoteItem", description="What a credit note gives back of one fee.")
class CreditNoteItemType:
    id: strawberry.ID
    amount_cents: BigInt = strawberry.field(description="Before taxes.")
    taxes_amount_cents: BigInt

    @strawberry.field
    def total_amount_cents(self, root: strawberry.Parent[CreditNoteItem]) -> BigInt:
        return BigInt(root.amount_cents + root.taxes_amount_cents)

    @strawberry.field
    async def fee(self, root: strawberry.Parent[CreditNoteItem], info: Info[Context, Any]) -> FeeType:
        return await fees(info.context).load(root.fee_id)


@strawberry.type(
    name="CreditNote",
    description="Gives back part of a finalized invoice: its total (taxes included) is split into a "
    "credit, a balance the customer's next invoices consume, and a refund of money paid.",
)
class CreditNoteType:
    id: strawberry.ID
    number: str
    sequential_id: int
    reason: CreditNoteReason
    description: str | None
    status: CreditNoteStatus
    credit_status: CreditStatus | None = strawberry.field(description="None: the note has no credit.")
    refund_status: RefundStatus | None = strawberry.field(description="None: the note has no refund.")
    currency: str
    sub_total_excluding_taxes_amount_cents: BigInt
    taxes_amount_cents: BigInt
    total_amount_cents: BigInt
    credit_amount_cents: BigInt
    balance_amount_cents: BigInt = strawberry.field(description="What is left of the credit to consume.")
    refund_amount_cents: BigInt
    issuing_date: date
    voided_at: datetime | None
    refunded_at: datetime | None
    created_at: datetime
    created_by_user_id: strawberry.ID | None = strawberry.field(description="Who requested it.")
    created_by_api_key_id: strawberry.ID | None
    decided_by_user_id: strawberry.ID | None = strawberry.field(
        description="Who approved or rejected it, when it needed approval."
    )
    decided_by_api_key_id: strawberry.ID | None
    decided_at: datetime | None
    rejection_reason: str | None

    @strawberry.field
    async def items(
        self, root: strawberry.Parent[CreditNote], info: Info[Context, Any]
    ) -> list[CreditNoteItemType]:
        return await items_of(info.context).load(root.id)

    @strawberry.field(extensions=requires(P.INVOICES_VIEW), description="The invoice it credits.")
    async def invoice(
        self, root: strawberry.Parent[CreditNote], info: Info[Context, Any]
    ) -> InvoiceType | None:
        return await invoices(info.context).load(root.invoice_id)

    @strawberry.field
    async def customer(
        self, root: strawberry.Parent[CreditNote], info: Info[Context, Any]
    ) -> Annotated[CustomerType, strawberry.lazy("app.customers.types")]:
        return await customers(info.context).load(root.customer_id)


@strawberry.type(name="CreditNoteEstimateItem")
class CreditNoteEstimateItemType:
    fee_id: strawberry.ID
    amount_cents: BigInt
    taxes_amount_cents: BigInt


@strawberry.type(
    name="CreditNoteCreditableFee",
    description="What remains creditable on one fee of the invoice (before taxes) before the note.",
)
class CreditNoteCreditableFeeType:
    fee_id: strawberry.ID
    creditable_amount_cents: BigInt


@strawberry.type(
    name="CreditNoteEstimate",
    description="A credit note before it is made: its amounts, and what remains creditable (taxes "
    "included) and refundable on the invoice before it.",
)
class CreditNoteEstimateType:
    currency: str
    sub_total_excluding_taxes_amount_cents: BigInt
    taxes_amount_cents: BigInt
    total_amount_cents: BigInt
    max_creditable_amount_cents: BigInt
    max_refundable_amount_cents: BigInt
    items: list[CreditNoteEstimateItemType]
    creditable_fees: list[CreditNoteCreditableFeeType] = strawberry.field(
        description="Every fee of the invoice with what remains creditable on it (before taxes)."
    )

    @classmethod
    def of(cls, estimate: Estimate, currency: str) -> CreditNoteEstimateType:
        return cls(
            currency=currency,
            sub_total_excluding_taxes_amount_cents=BigInt(estimate.sub_total_excluding_taxes_amount_cents),
            taxes_amount_cents=BigInt(estimate.taxes_amount_cents),
            total_amount_cents=BigInt(estimate.total_amount_cents),
            max_creditable_amount_cents=BigInt(estimate.creditable_cents),
            max_refundable_amount_cents=BigInt(estimate.refundable_cents),
            items=[
                CreditNoteEstimateItemType(
                    fee_id=strawberry.ID(str(fee.id)),
                    amount_cents=BigInt(amount),
                    taxes_amount_cents=BigInt(taxes),
                )
                for fee, amount, taxes in estimate.items
            ],
            creditable_fees=[
                CreditNoteCreditableFeeType(
                    fee_id=strawberry.ID(str(fee_id)), creditable_amount_cents=BigInt(left)
                )
                for fee_id, left in estimate.creditable_by_fee.items()
            ],
        )


@strawberry.input
class CreditNoteItemInput:
    fee_id: strawberry.ID
    amount_cents: BigInt = strawberry.field(description="Before taxes; the fee's taxes follow.")


@strawberry.input
class CreateCreditNoteInput:
    invoice_id: strawberry.ID
    reason: CreditNoteReason
    items: list[CreditNoteItemInput]
    credit_amount_cents: BigInt = strawberry.field(
        default=BigInt(0), description="The part of the total given as a balance for the next invoices."
    )
    refund_amount_cents: BigInt = strawberry.field(
        default=BigInt(0), description="The part paid back; never more than was paid."
    )
    description: str | None = None


@strawberry.input
class UpdateCreditNoteInput:
    id: strawberry.ID
    reason: CreditNoteReason | None = None
    description: str | None = None
    refund_status: RefundStatus | None = strawberry.field(
        default=None, description="Record the refund's outcome (PENDING, SUCCEEDED or FAILED)."
    )


@strawberry.input
class CreditNoteIdInput:
    id: strawberry.ID


@strawberry.input
class RejectCreditNoteInput:
    id: strawberry.ID
    reason: str
