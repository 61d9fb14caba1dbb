from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.credit_notes import approval, service
from app.credit_notes.estimate import ItemInput
from app.credit_notes.types import (
    CreateCreditNoteInput,
    CreditNoteIdInput,
    CreditNoteType,
    RejectCreditNoteInput,
    UpdateCreditNoteInput,
)
from app.graphql.context import Context


@strawberry.type
class CreditNoteMutations:
    @strawberry.mutation(
        extensions=requires(P.CREDIT_NOTES_CREATE),
        description="Credit part of a finalized invoice, as a balance for the next invoices and/or a refund.",
    )
    async def create_credit_note(
        self, info: Info[Context, Any], input: CreateCreditNoteInput
    ) -> CreditNoteType | None:
        ctx = info.context
        data = service.CreditNoteInput(
            invoice_id=str(input.invoice_id),
            reason=input.reason,
            items=[ItemInput(fee_id=str(i.fee_id), amount_cents=int(i.amount_cents)) for i in input.items],
            credit_amount_cents=int(input.credit_amount_cents),
            refund_amount_cents=int(input.refund_amount_cents),
            description=input.description,
        )
        return await ctx.mutate(info, lambda s: service.create_credit_note(s, ctx.actor, data))

    @strawberry.mutation(
        extensions=requires(P.CREDIT_NOTES_UPDATE),
        description="Change the reason or description, or record the refund's outcome.",
    )
    async def update_credit_note(
        self, info: Info[Context, Any], input: UpdateCreditNoteInput
    ) -> CreditNoteType | None:
        ctx, note_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(
            info,
            lambda s: service.update_credit_note(
                s, ctx.actor, note_id, input.reason, input.description, input.refund_status
            ),
        )

    @strawberry.mutation(
        extensions=requires(P.CREDIT_NOTES_VOID),
        description="Withdraw a credit note nothing has used yet; what it credited is creditable again.",
    )
    async def void_credit_note(
        self, info: Info[Context, Any], input: CreditNoteIdInput
    ) -> CreditNoteType | None:
        ctx, note_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: service.void_credit_note(s, ctx.actor, note_id))

    @strawberry.mutation(
        extensions=requires(P.CREDIT_NOTES_APPROVE),
        description="Approve a credit note waiting for a second person: it takes effect now. Never its "
        "requester.",
    )
    async def approve_credit_note(
        self, info: Info[Context, Any], input: CreditNoteIdInput
    ) -> CreditNoteType | None:
        ctx, note_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: approval.approve(s, ctx.actor, note_id))

    @strawberry.mutation(
        extensions=requires(P.CREDIT_NOTES_APPROVE),
        description="Reject a credit note waiting for approval, with a reason: what it reserved is freed.",
    )
    async def reject_credit_note(
        self, info: Info[Context, Any], input: RejectCreditNoteInput
    ) -> CreditNoteType | None:
        ctx, note_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: approval.reject(s, ctx.actor, note_id, input.reason))
