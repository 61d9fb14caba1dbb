from __future__ import annotations

from datetime import date
from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.credit_notes import estimate, service
from app.credit_notes.models import CreditNoteReason, CreditNoteStatus
from app.credit_notes.types import CreditNoteEstimateType, CreditNoteItemInput, CreditNoteType
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request


@strawberry.type
class CreditNoteQueries:
    @strawberry.field(extensions=requires(P.CREDIT_NOTES_VIEW), description="Credit notes, newest first.")
    async def credit_notes(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        customer_id: strawberry.ID | None = None,
        invoice_id: strawberry.ID | None = None,
        status: list[CreditNoteStatus] | None = None,
        reason: list[CreditNoteReason] | None = None,
        issuing_date_from: date | None = None,
        issuing_date_to: date | None = None,
        search_term: str | None = None,
    ) -> Collection[CreditNoteType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        filters = service.CreditNoteFilter(
            customer_id=parse_id("customerId", customer_id) if customer_id else None,
            invoice_id=parse_id("invoiceId", invoice_id) if invoice_id else None,
            statuses=status,
            reasons=reason,
            issued_from=issuing_date_from,
            issued_to=issuing_date_to,
            search=search_term,
        )
        return collection(await ctx.read(lambda s: service.list_credit_notes(s, org, filters, request)))

    @strawberry.field(extensions=requires(P.CREDIT_NOTES_VIEW))
    async def credit_note(self, info: Info[Context, Any], id: strawberry.ID) -> CreditNoteType | None:
        org, note_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_credit_note(s, org, note_id))

    @strawberry.field(
        extensions=requires(P.CREDIT_NOTES_CREATE),
        description="What a credit note with these items would be, before making it.",
    )
    async def credit_note_estimate(
        self, info: Info[Context, Any], invoice_id: strawberry.ID, items: list[CreditNoteItemInput]
    ) -> CreditNoteEstimateType | None:
        ctx, org = info.context, info.context.actor.org()
        wanted = [estimate.ItemInput(fee_id=str(i.fee_id), amount_cents=int(i.amount_cents)) for i in items]

        async def run(session: Any) -> CreditNoteEstimateType:
            invoice = await estimate.invoice_of(session, org, str(invoice_id), lock=False)
            result = await estimate.estimate_for(session, org, str(invoice_id), wanted)
            return CreditNoteEstimateType.of(result, invoice.currency)

        return await ctx.read(run)
