"""Four eyes on credit notes: a note whose total is above the organization's threshold in force for its
currency (``approval_policy``) is created waiting for approval and has no effect (no balance, no refund,
not on any invoice) until a holder of ``credit_notes:approve`` who did not request it approves it; it may
be rejected with a reason instead. While it waits, what it would credit stays reserved on the invoice
against other people's notes, but not against the billing's own (unused time given back at a
termination is owed whatever was asked): approved later, it must still fit what those left.

A key acts for the person who created it (``api_keys.person_of``): the requester and the decider of a
note are people, whether they act themselves or through any key of theirs, so nobody decides on a note
they requested in either way. A key with no recorded creator acts for nobody: it can neither decide on a
note nor request one that needs approval."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.api_keys.service import person_of
from app.auth.actor import Actor
from app.auth.permissions import P
from app.core import validation
from app.core.errors import Collector, Forbidden, NotFound, ValidationFailed
from app.credit_notes.estimate import SETTLED, ItemInput, estimate, invoice_of
from app.credit_notes.models import (
    CreditNote,
    CreditNoteItem,
    CreditNoteStatus,
    CreditStatus,
    RefundStatus,
)
from app.invoices.models import Invoice
from app.organizations import approval_policy
from app.organizations.models import Organization
from app.webhooks.models import WebhookEventType
from app.webhooks.outbox import emit


async def locked(session: AsyncSession, organization_id: uuid.UUID, note_id: uuid.UUID) -> CreditNote:
    note = await session.scalar(
        sa.select(CreditNote)
        .where(CreditNote.id == note_id, CreditNote.organization_id == organization_id)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    if note is None:
        raise NotFound("Credit note")
    return note


def needs_approval(organization: Organization, note: CreditNote, now: datetime) -> bool:
    """Read with the policy in force at ``now``: a loosening that still waits does not count."""
    threshold = approval_policy.in_force(organization, now).get(note.currency)
    return threshold is not None and note.total_amount_cents > threshold


def ensure_attributable(person_id: uuid.UUID | None) -> None:
    """A note that waits for a second person needs a known requester."""
    if person_id is None:
        raise Forbidden(
            [P.CREDIT_NOTES_CREATE.value],
            "This API key has no recorded creator: a credit note that needs approval is requested by a "
            "person or a key a person created",
        )


def take_effect(note: CreditNote) -> None:
    """Finalized: its credit becomes a balance the next invoices consume, its refund is due."""
    note.status = CreditNoteStatus.FINALIZED
    note.balance_amount_cents = note.credit_amount_cents
    note.credit_status = CreditStatus.AVAILABLE if note.credit_amount_cents else None
    note.refund_status = RefundStatus.PENDING if note.refund_amount_cents else None


async def _decide(
    session: AsyncSession, note: CreditNote, actor: Actor, *, withdrawing: bool = False
) -> None:
    """Record who decides, as a person; refuse the requester unless they withdraw their own note."""
    if note.status is not CreditNoteStatus.PENDING_APPROVAL:
        raise ValidationFailed.one(
            "id", f"the credit note does not wait for approval (it is {note.status.value})"
        )
    person = await person_of(session, actor)
    if person is None:
        raise Forbidden(
            [P.CREDIT_NOTES_APPROVE.value],
            "This API key has no recorded creator, so it acts for nobody and cannot decide on credit notes",
        )
    requested = person == note.created_by_user_id or (
        actor.api_key_id is not None and actor.api_key_id == note.created_by_api_key_id
    )
    if requested and not withdrawing:
        raise Forbidden([P.CREDIT_NOTES_APPROVE.value], "The requester of a credit note cannot approve it")
    note.decided_by_user_id, note.decided_by_api_key_id = person, actor.api_key_id
    note.decided_at = datetime.now(UTC)


async def _ensure_it_still_fits(session: AsyncSession, note: CreditNote, invoice: Invoice) -> None:
    """What the note credits and refunds, against what the finalized notes left of each fee, of the
    invoice and of what was paid (the billing may have given unused time back while it waited)."""
    items = await session.scalars(sa.select(CreditNoteItem).where(CreditNoteItem.credit_note_id == note.id))
    wanted = [ItemInput(str(item.fee_id), item.amount_cents) for item in items]
    errors = Collector()
    left = await estimate(session, invoice, wanted, errors, SETTLED)
    if (
        errors.fields
        or note.total_amount_cents > left.creditable_cents
        or note.refund_amount_cents > left.refundable_cents
    ):
        raise ValidationFailed.one(
            "id",
            "the invoice was credited since this note was requested and it no longer fits what remains "
            f"creditable ({left.creditable_cents} on the invoice): reject it and request a new one",
        )


async def approve(session: AsyncSession, actor: Actor, note_id: uuid.UUID) -> CreditNote:
    # the invoice first, then the note, as every note on an invoice locks them: notes made meanwhile
    # on the invoice are all counted
    invoice_id = await session.scalar(
        sa.select(CreditNote.invoice_id).where(
            CreditNote.id == note_id, CreditNote.organization_id == actor.org()
        )
    )
    if invoice_id is None:
        raise NotFound("Credit note")
    invoice = await invoice_of(session, actor.org(), str(invoice_id), lock=True)
    note = await locked(session, actor.org(), note_id)
    await _decide(session, note, actor)
    await _ensure_it_still_fits(session, note, invoice)
    take_effect(note)
    await session.flush()
    await emit(session, WebhookEventType.CREDIT_NOTE_APPROVED, [note])
    return note


async def reject(session: AsyncSession, actor: Actor, note_id: uuid.UUID, reason: str) -> CreditNote:
    """Refuse a waiting note (its requester may withdraw it this way too); what it reserved is freed."""
    note = await locked(session, actor.org(), note_id)
    errors = Collector()
    cleaned = validation.text(errors, "reason", reason, max_length=1000)
    errors.raise_if_any()
    await _decide(session, note, actor, withdrawing=True)  # refusing lets nothing through
    note.status, note.rejection_reason = CreditNoteStatus.REJECTED, cleaned
    await session.flush()
    await emit(session, WebhookEventType.CREDIT_NOTE_REJECTED, [note])
    return note
