"""Four eyes on credit notes: a note whose total is above the organization's threshold for its currency
is created waiting for approval and has no effect (no balance, no refund, not on any invoice) until a
member holding ``credit_notes:approve`` who did not request it approves it; it may be rejected with a
reason instead. While it waits, what it would credit stays reserved on the invoice."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.auth.permissions import P
from app.core import validation
from app.core.errors import Collector, Forbidden, NotFound, ValidationFailed
from app.credit_notes.models import CreditNote, CreditNoteStatus, CreditStatus, RefundStatus
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


def needs_approval(organization: Organization, note: CreditNote) -> bool:
    threshold = (organization.credit_note_approval_thresholds or {}).get(note.currency)
    return threshold is not None and note.total_amount_cents > threshold


def take_effect(note: CreditNote) -> None:
    """Finalized: its credit becomes a balance the next invoices consume, its refund is due."""
    note.status = CreditNoteStatus.FINALIZED
    note.balance_amount_cents = note.credit_amount_cents
    note.credit_status = CreditStatus.AVAILABLE if note.credit_amount_cents else None
    note.refund_status = RefundStatus.PENDING if note.refund_amount_cents else None


def _decide(note: CreditNote, actor: Actor) -> None:
    if note.status is not CreditNoteStatus.PENDING_APPROVAL:
        raise ValidationFailed.one(
            "id", f"the credit note does not wait for approval (it is {note.status.value})"
        )
    note.decided_by_user_id, note.decided_by_api_key_id = actor.user_id, actor.api_key_id
    note.decided_at = datetime.now(UTC)


def _requested_by(note: CreditNote, actor: Actor) -> bool:
    return (actor.user_id is not None and actor.user_id == note.created_by_user_id) or (
        actor.api_key_id is not None and actor.api_key_id == note.created_by_api_key_id
    )


async def approve(session: AsyncSession, actor: Actor, note_id: uuid.UUID) -> CreditNote:
    note = await locked(session, actor.org(), note_id)
    if _requested_by(note, actor):
        raise Forbidden([P.CREDIT_NOTES_APPROVE.value], "The requester of a credit note cannot approve it")
    _decide(note, actor)
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
    _decide(note, actor)
    note.status, note.rejection_reason = CreditNoteStatus.REJECTED, cleaned
    await session.flush()
    await emit(session, WebhookEventType.CREDIT_NOTE_REJECTED, [note])
    return note
