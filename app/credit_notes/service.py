"""Credit notes: issued on finalized invoices within what remains creditable (see ``estimate``). The
invoice row is locked while a note is made, so two concurrent notes that together would exceed it leave
exactly one."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.api_keys.service import person_of
from app.auth.actor import Actor
from app.core import validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Page, PageRequest, Window
from app.credit_notes import approval
from app.credit_notes.approval import locked
from app.credit_notes.estimate import ItemInput, check_creditable, estimate, invoice_of
from app.credit_notes.models import (
    CreditNote,
    CreditNoteItem,
    CreditNoteReason,
    CreditNoteStatus,
    CreditStatus,
    RefundStatus,
)
from app.customers.models import Customer
from app.db.pagination import paginate, windowed_per
from app.invoices.builder import local_today
from app.organizations.models import Organization
from app.webhooks.models import WebhookEventType
from app.webhooks.outbox import emit


@dataclass(frozen=True)
class CreditNoteInput:
    invoice_id: str
    reason: CreditNoteReason
    items: list[ItemInput]
    credit_amount_cents: int = 0
    refund_amount_cents: int = 0
    description: str | None = None


async def next_number(session: AsyncSession, organization_id: uuid.UUID) -> tuple[int, str]:
    sequence, prefix = (
        await session.execute(
            sa.update(Organization)
            .where(Organization.id == organization_id)
            .values(credit_note_sequence=Organization.credit_note_sequence + 1)
            .returning(Organization.credit_note_sequence, Organization.invoice_prefix)
            .execution_options(synchronize_session=False)
        )
    ).one()
    return sequence, f"{prefix}-CN-{sequence:06d}"


async def create_credit_note(session: AsyncSession, actor: Actor, data: CreditNoteInput) -> CreditNote:
    invoice = await invoice_of(session, actor.org(), data.invoice_id, lock=True)
    check_creditable(invoice)
    errors = Collector()
    result = await estimate(session, invoice, data.items, errors)
    if not data.items:
        errors.add("items", "at least one item is required")
    description = (
        validation.text(errors, "description", data.description, required=False, max_length=1000) or None
    )
    credit = validation.integer(errors, "creditAmountCents", data.credit_amount_cents) or 0
    refund = validation.integer(errors, "refundAmountCents", data.refund_amount_cents) or 0
    if not errors.fields:
        if result.total_amount_cents > result.creditable_cents:
            errors.add(
                "items",
                f"the total {result.total_amount_cents} is more than what remains creditable "
                f"on the invoice ({result.creditable_cents})",
            )
        elif credit + refund != result.total_amount_cents:
            errors.add(
                "creditAmountCents",
                f"credit and refund must add up to the total ({result.total_amount_cents})",
            )
        elif refund > result.refundable_cents:
            errors.add(
                "refundAmountCents",
                f"is more than what was paid and not yet refunded ({result.refundable_cents})",
            )
    errors.raise_if_any()
    customer = await session.get_one(Customer, invoice.customer_id)
    organization = await session.get_one(Organization, invoice.organization_id)
    requester = await person_of(session, actor)  # a key requests for the person who created it
    sequential_id, number = await next_number(session, invoice.organization_id)
    note = CreditNote(
        id=uuid.uuid4(),
        organization_id=invoice.organization_id,
        customer_id=invoice.customer_id,
        invoice_id=invoice.id,
        sequential_id=sequential_id,
        number=number,
        reason=data.reason,
        description=description,
        status=CreditNoteStatus.PENDING_APPROVAL,  # no effect until it is finalized
        currency=invoice.currency,
        sub_total_excluding_taxes_amount_cents=result.sub_total_excluding_taxes_amount_cents,
        taxes_amount_cents=result.taxes_amount_cents,
        total_amount_cents=result.total_amount_cents,
        credit_amount_cents=credit,
        balance_amount_cents=0,
        refund_amount_cents=refund,
        issuing_date=await local_today(session, customer),
        created_by_user_id=requester,
        created_by_api_key_id=actor.api_key_id,
    )
    if approval.needs_approval(organization, note, datetime.now(UTC)):
        approval.ensure_attributable(requester)
    else:
        approval.take_effect(note)
    session.add(note)
    await session.flush()
    session.add_all(
        CreditNoteItem(
            organization_id=note.organization_id,
            credit_note_id=note.id,
            fee_id=fee.id,
            amount_cents=amount,
            taxes_amount_cents=taxes,
        )
        for fee, amount, taxes in result.items
    )
    await session.flush()
    await emit(session, WebhookEventType.CREDIT_NOTE_CREATED, [note])
    return note


async def update_credit_note(
    session: AsyncSession,
    actor: Actor,
    note_id: uuid.UUID,
    reason: CreditNoteReason | None,
    description: str | None,
    refund_status: RefundStatus | None,
) -> CreditNote:
    note = await locked(session, actor.org(), note_id)
    if note.status in (CreditNoteStatus.VOIDED, CreditNoteStatus.REJECTED):
        raise ValidationFailed.one("id", f"a {note.status.value} credit note cannot change")
    errors = Collector()
    if reason is not None:
        note.reason = reason
    if description is not None:
        note.description = (
            validation.text(errors, "description", description, required=False, max_length=1000) or None
        )
    if refund_status is not None:
        if note.status is CreditNoteStatus.PENDING_APPROVAL:
            errors.add("refundStatus", "the credit note waits for approval")
        elif note.refund_status is None:
            errors.add("refundStatus", "the credit note has no refund")
        elif note.refund_status is RefundStatus.SUCCEEDED:
            errors.add("refundStatus", "the refund already succeeded")
        else:
            note.refund_status = refund_status
            note.refunded_at = datetime.now(UTC) if refund_status is RefundStatus.SUCCEEDED else None
    errors.raise_if_any()
    await session.flush()
    return note


async def void_credit_note(session: AsyncSession, actor: Actor, note_id: uuid.UUID) -> CreditNote:
    """Withdraw a note nothing has used yet (no credit spent, no refund made); what it credited becomes
    creditable again."""
    note = await locked(session, actor.org(), note_id)
    if note.status is not CreditNoteStatus.FINALIZED:
        problem = {
            CreditNoteStatus.VOIDED: "the credit note is already voided",
            CreditNoteStatus.PENDING_APPROVAL: "a credit note waiting for approval is rejected, not voided",
        }.get(note.status, f"a {note.status.value} credit note cannot be voided")
        raise ValidationFailed.one("id", problem)
    if note.balance_amount_cents != note.credit_amount_cents:
        raise ValidationFailed.one("id", "part of its credit was already used by an invoice")
    if note.refund_status is RefundStatus.SUCCEEDED:
        raise ValidationFailed.one("id", "its refund was already made")
    note.status, note.voided_at = CreditNoteStatus.VOIDED, datetime.now(UTC)
    note.credit_status = CreditStatus.VOIDED if note.credit_amount_cents else None
    note.balance_amount_cents = 0
    await session.flush()
    return note


async def get_credit_note(
    session: AsyncSession, organization_id: uuid.UUID, note_id: uuid.UUID
) -> CreditNote:
    note = await session.scalar(
        sa.select(CreditNote).where(CreditNote.id == note_id, CreditNote.organization_id == organization_id)
    )
    if note is None:
        raise NotFound("Credit note")
    return note


@dataclass(frozen=True)
class CreditNoteFilter:
    customer_id: uuid.UUID | None = None
    invoice_id: uuid.UUID | None = None
    statuses: list[CreditNoteStatus] | None = None
    reasons: list[CreditNoteReason] | None = None
    issued_from: date | None = None
    issued_to: date | None = None
    search: str | None = None


async def list_credit_notes(
    session: AsyncSession, organization_id: uuid.UUID, filters: CreditNoteFilter, page: PageRequest
) -> Page[CreditNote]:
    query = sa.select(CreditNote).where(CreditNote.organization_id == organization_id)
    if filters.customer_id:
        query = query.where(CreditNote.customer_id == filters.customer_id)
    if filters.invoice_id:
        query = query.where(CreditNote.invoice_id == filters.invoice_id)
    if filters.statuses:
        query = query.where(CreditNote.status.in_(filters.statuses))
    if filters.reasons:
        query = query.where(CreditNote.reason.in_(filters.reasons))
    if filters.issued_from:
        query = query.where(CreditNote.issuing_date >= filters.issued_from)
    if filters.issued_to:
        query = query.where(CreditNote.issuing_date <= filters.issued_to)
    pattern = validation.search_pattern(filters.search)
    if pattern:
        query = query.where(CreditNote.number.ilike(pattern))
    return await paginate(session, query.order_by(CreditNote.sequential_id.desc()), page)


async def by_customer(
    session: AsyncSession, customer_ids: list[uuid.UUID], window: Window | None = None
) -> dict[uuid.UUID, list[CreditNote]]:
    grouped: dict[uuid.UUID, list[CreditNote]] = defaultdict(list)
    query = (
        sa.select(CreditNote)
        .where(CreditNote.customer_id.in_(customer_ids))
        .order_by(CreditNote.sequential_id.desc())
    )
    for note in await session.scalars(windowed_per(CreditNote, query, CreditNote.customer_id, window)):
        grouped[note.customer_id].append(note)
    return grouped


async def by_invoice(
    session: AsyncSession, invoice_ids: list[uuid.UUID], window: Window | None = None
) -> dict[uuid.UUID, list[CreditNote]]:
    grouped: dict[uuid.UUID, list[CreditNote]] = defaultdict(list)
    query = (
        sa.select(CreditNote)
        .where(CreditNote.invoice_id.in_(invoice_ids))
        .order_by(CreditNote.sequential_id.desc())
    )
    for note in await session.scalars(windowed_per(CreditNote, query, CreditNote.invoice_id, window)):
        grouped[note.invoice_id].append(note)
    return grouped


async def items_by_note(
    session: AsyncSession, note_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[CreditNoteItem]]:
    grouped: dict[uuid.UUID, list[CreditNoteItem]] = defaultdict(list)
    for item in await session.scalars(
        sa.select(CreditNoteItem).where(CreditNoteItem.credit_note_id.in_(note_ids))
    ):
        grouped[item.credit_note_id].append(item)
    return grouped
