"""The life of the invoices billing makes: drafts while a grace period lasts (refreshable, and cut
where their subscription ended since), then finalized (coupons and credits consumed, never to change
again), possibly voided (credits given back)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.billing.periods import Period
from app.core.errors import NotFound, ValidationFailed
from app.credit_notes.estimate import COUNTED
from app.credit_notes.models import CreditNote, CreditNoteApplication, CreditStatus
from app.customers.models import Customer
from app.invoices import builder
from app.invoices.models import Invoice, InvoiceStatus, PaymentStatus
from app.invoicing import compose, credits
from app.invoicing.models import InvoiceSubscription
from app.invoicing.schedule import Boundary, cut_at_end
from app.invoicing.service import aggregated_usages
from app.organizations.models import Organization
from app.subscriptions.models import Subscription
from app.wallets.balance import credit
from app.wallets.models import (
    TransactionSource,
    TransactionStatus,
    TransactionType,
    Wallet,
    WalletTransaction,
)
from app.webhooks.models import WebhookEventType
from app.webhooks.outbox import emit


def _advance(link: InvoiceSubscription, subscription: Subscription) -> Period | None:
    """A draft's period paid in advance, cut at its subscription's end if it ended since."""
    if link.advance_start is None or link.advance_end is None:
        return None
    return cut_at_end(Period(link.advance_start, link.advance_end), subscription.terminated_at)


async def _recompute(session: AsyncSession, invoice: Invoice, *, final: bool) -> None:
    """A draft's fees again from today's usage (late events count); with ``final``, consume credits."""
    link = await session.scalar(
        sa.select(InvoiceSubscription).where(InvoiceSubscription.invoice_id == invoice.id)
    )
    if link is None:
        raise ValidationFailed.one("id", "only subscription invoices are recomputed")
    # locked (shared) and read afresh: a termination in flight is either committed before this reads
    # its end (and the period is cut here) or waits for this (and credits the finalized invoice)
    subscription = await session.get_one(
        Subscription, link.subscription_id, with_for_update={"read": True}, populate_existing=True
    )
    boundary = Boundary(
        link.billed_at,
        link.kind,
        Period(link.arrears_start, link.arrears_end) if link.arrears_start and link.arrears_end else None,
        _advance(link, subscription),
    )
    data = await compose.load(session, [subscription])
    usages = (await aggregated_usages(session, [(subscription, boundary)], data))[0]
    lines = compose.lines_for(subscription, boundary, data, usages)
    customer_credits = (await credits.load(session, {subscription.customer_id}))[subscription.customer_id]
    chosen = credits.select(customer_credits, lines, data, invoice.currency, boundary.at)
    amounts = builder.amounts_of(lines, chosen.adjustments)
    await builder.rewrite(session, invoice, lines, amounts)
    if final:
        invoice.status, invoice.finalized_at = InvoiceStatus.FINALIZED, datetime.now(UTC)
        session.add_all(credits.consume(invoice, amounts, chosen))
    await session.flush()
    if final:
        await emit(session, WebhookEventType.INVOICE_FINALIZED, [invoice])


async def _locked_invoice(
    session: AsyncSession, organization_id: uuid.UUID, invoice_id: uuid.UUID
) -> Invoice:
    invoice = await session.scalar(
        sa.select(Invoice)
        .where(Invoice.id == invoice_id, Invoice.organization_id == organization_id)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    if invoice is None:
        raise NotFound("Invoice")
    return invoice


async def refresh_invoice(session: AsyncSession, actor: Actor, invoice_id: uuid.UUID) -> Invoice:
    invoice = await _locked_invoice(session, actor.org(), invoice_id)
    if invoice.status is not InvoiceStatus.DRAFT:
        raise ValidationFailed.one("id", "only a draft can be refreshed; finalized invoices never change")
    await _recompute(session, invoice, final=False)
    return invoice


async def finalize_invoice(session: AsyncSession, actor: Actor, invoice_id: uuid.UUID) -> Invoice:
    invoice = await _locked_invoice(session, actor.org(), invoice_id)
    if invoice.status is not InvoiceStatus.DRAFT:
        raise ValidationFailed.one("id", f"the invoice is already {invoice.status.value}")
    await _recompute(session, invoice, final=True)
    return invoice


async def void_invoice(session: AsyncSession, actor: Actor, invoice_id: uuid.UUID) -> Invoice:
    """A finalized, unpaid invoice is voided; the prepaid credits it used go back to the wallet."""
    invoice = await _locked_invoice(session, actor.org(), invoice_id)
    if invoice.status is not InvoiceStatus.FINALIZED:
        raise ValidationFailed.one(
            "id", f"only a finalized invoice can be voided (this one is {invoice.status.value})"
        )
    if invoice.payment_status is PaymentStatus.SUCCEEDED:
        raise ValidationFailed.one("id", "a paid invoice cannot be voided; issue a credit note instead")
    credited = await session.scalar(
        sa.select(sa.func.count())
        .select_from(CreditNote)
        .where(CreditNote.invoice_id == invoice.id, CreditNote.status.in_(COUNTED))
    )
    if credited:
        raise ValidationFailed.one("id", "the invoice has credit notes; void them first")
    invoice.status, invoice.voided_at = InvoiceStatus.VOIDED, datetime.now(UTC)
    await _restore_credit_notes(session, invoice)
    spent = (
        await session.scalars(
            sa.select(WalletTransaction).where(
                WalletTransaction.invoice_id == invoice.id,
                WalletTransaction.transaction_type == TransactionType.OUTBOUND,
            )
        )
    ).all()
    for transaction in spent:
        wallet = await session.scalar(
            sa.select(Wallet).where(Wallet.id == transaction.wallet_id).with_for_update(key_share=True)
        )
        assert wallet is not None
        credit(wallet, transaction.credit_amount)
        session.add(
            WalletTransaction(
                organization_id=wallet.organization_id,
                wallet_id=wallet.id,
                transaction_type=TransactionType.INBOUND,
                status=TransactionStatus.SETTLED,
                source=TransactionSource.VOIDED,
                credit_amount=transaction.credit_amount,
                amount_cents=transaction.amount_cents,
                invoice_id=invoice.id,
                settled_at=datetime.now(UTC),
            )
        )
    await session.flush()
    await emit(session, WebhookEventType.INVOICE_VOIDED, [invoice])
    return invoice


async def _restore_credit_notes(session: AsyncSession, invoice: Invoice) -> None:
    """The credit-note balances a voided invoice used become available again."""
    applications = (
        await session.scalars(
            sa.select(CreditNoteApplication).where(CreditNoteApplication.invoice_id == invoice.id)
        )
    ).all()
    for application in applications:
        note = await session.scalar(
            sa.select(CreditNote)
            .where(CreditNote.id == application.credit_note_id)
            .with_for_update(key_share=True)
            .execution_options(populate_existing=True)
        )
        assert note is not None
        note.balance_amount_cents += application.amount_cents
        note.credit_status = CreditStatus.AVAILABLE
        await session.delete(application)


async def finalize_due_drafts(session: AsyncSession, today: date, limit: int = 200) -> int:
    """Finalize drafts whose grace period (the customer's, else the organization's) is over."""
    grace = sa.func.coalesce(Customer.invoice_grace_period, Organization.invoice_grace_period)
    due = (
        await session.scalars(
            sa.select(Invoice)
            .join(Customer, Customer.id == Invoice.customer_id)
            .join(Organization, Organization.id == Invoice.organization_id)
            .where(Invoice.status == InvoiceStatus.DRAFT, Invoice.issuing_date + grace <= today)
            .limit(limit)
            .with_for_update(of=Invoice, key_share=True, skip_locked=True)
        )
    ).all()
    for invoice in due:
        await _recompute(session, invoice, final=True)
    return len(due)
