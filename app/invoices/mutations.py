from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.invoices import service
from app.invoices.types import CreateInvoiceInput, InvoiceIdInput, InvoiceType, UpdateInvoiceInput
from app.invoicing import drafts as invoicing


@strawberry.type
class InvoiceMutations:
    @strawberry.mutation(
        extensions=requires(P.INVOICES_CREATE), description="A finalized one-off invoice of add-ons, taxed."
    )
    async def create_invoice(self, info: Info[Context, Any], input: CreateInvoiceInput) -> InvoiceType | None:
        ctx = info.context
        fees = [
            service.OneOffFee(
                add_on_id=str(fee.add_on_id),
                units=fee.units,
                unit_amount_cents=None if fee.unit_amount_cents is None else int(fee.unit_amount_cents),
                description=fee.description,
            )
            for fee in input.fees
        ]
        return await ctx.mutate(
            info, lambda s: service.create_one_off(s, ctx.actor, str(input.customer_id), input.currency, fees)
        )

    @strawberry.mutation(
        extensions=requires(P.INVOICES_UPDATE), description="Recompute a draft from the latest usage."
    )
    async def refresh_invoice(self, info: Info[Context, Any], input: InvoiceIdInput) -> InvoiceType | None:
        ctx, invoice_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: invoicing.refresh_invoice(s, ctx.actor, invoice_id))

    @strawberry.mutation(
        extensions=requires(P.INVOICES_UPDATE),
        description="Finalize a draft now: it will never change again.",
    )
    async def finalize_invoice(self, info: Info[Context, Any], input: InvoiceIdInput) -> InvoiceType | None:
        ctx, invoice_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: invoicing.finalize_invoice(s, ctx.actor, invoice_id))

    @strawberry.mutation(
        extensions=requires(P.INVOICES_VOID), description="Void an unpaid finalized invoice; credits go back."
    )
    async def void_invoice(self, info: Info[Context, Any], input: InvoiceIdInput) -> InvoiceType | None:
        ctx, invoice_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: invoicing.void_invoice(s, ctx.actor, invoice_id))

    @strawberry.mutation(extensions=requires(P.INVOICES_UPDATE), description="Record a payment's outcome.")
    async def update_invoice(self, info: Info[Context, Any], input: UpdateInvoiceInput) -> InvoiceType | None:
        ctx, invoice_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(
            info, lambda s: service.record_payment(s, ctx.actor, invoice_id, input.payment_status)
        )
