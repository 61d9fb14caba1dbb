"""Credit notes the billing itself issues (time paid in advance and not used): computed, not decided,
so they take effect at once, outside the approval policy that holds people's notes above a threshold,
and name nobody as their requester."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import Collector
from app.credit_notes import approval
from app.credit_notes.estimate import SETTLED, ItemInput, estimate, invoice_of
from app.credit_notes.models import CreditNote, CreditNoteItem, CreditNoteReason, CreditNoteStatus
from app.credit_notes.service import next_number
from app.customers.models import Customer
from app.invoices.builder import local_today
from app.invoices.models import Fee, Invoice, InvoiceStatus
from app.webhooks.models import WebhookEventType
from app.webhooks.outbox import emit


async def credit_fee(
    session: AsyncSession,
    invoice: Invoice,
    fee: Fee,
    amount_cents: int,
    reason: CreditNoteReason,
    description: str,
) -> CreditNote | None:
    """A finalized note crediting ``amount_cents`` of ``fee`` (with its share of taxes), capped at what
    remains creditable on it after the finalized notes (a person's note still waiting for approval
    reserves nothing here); None when nothing does."""
    # locked as a person's note locks it: two notes made at once never credit more than it holds
    invoice = await invoice_of(session, invoice.organization_id, str(invoice.id), lock=True)
    if invoice.status is not InvoiceStatus.FINALIZED:  # voided meanwhile: nothing left to credit
        return None
    errors = Collector()
    result = await estimate(session, invoice, [ItemInput(str(fee.id), 1)], errors, SETTLED)
    amount = min(amount_cents, result.creditable_by_fee.get(fee.id, 0))
    if amount < 1:
        return None
    result = await estimate(session, invoice, [ItemInput(str(fee.id), amount)], errors, SETTLED)
    errors.raise_if_any()
    total = min(result.total_amount_cents, result.creditable_cents)
    if total < 1:
        return None
    customer = await session.get_one(Customer, invoice.customer_id)
    sequential_id, number = await next_number(session, invoice.organization_id)
    note = CreditNote(
        id=uuid.uuid4(),
        organization_id=invoice.organization_id,
        customer_id=invoice.customer_id,
        invoice_id=invoice.id,
        sequential_id=sequential_id,
        number=number,
        reason=reason,
        description=description,
        status=CreditNoteStatus.FINALIZED,
        currency=invoice.currency,
        sub_total_excluding_taxes_amount_cents=result.sub_total_excluding_taxes_amount_cents,
        taxes_amount_cents=total - result.sub_total_excluding_taxes_amount_cents,
        total_amount_cents=total,
        credit_amount_cents=total,
        balance_amount_cents=0,
        refund_amount_cents=0,
        issuing_date=await local_today(session, customer),
    )
    approval.take_effect(note)
    session.add(note)
    await session.flush()
    ((_, item_amount, _),) = result.items
    session.add(
        CreditNoteItem(
            organization_id=note.organization_id,
            credit_note_id=note.id,
            fee_id=fee.id,
            amount_cents=item_amount,
            taxes_amount_cents=total - item_amount,
        )
    )
    await session.flush()
    await emit(session, WebhookEventType.CREDIT_NOTE_CREATED, [note])
    return note
