"""Billing subscriptions at their boundaries, and the life of the invoices that come out of it:
drafts while a grace period lasts (refreshable), then finalized (coupons and credits consumed, never to
change again), possibly voided (credits given back)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.billing.charges import Usage
from app.billing.periods import Period
from app.core.errors import AmountOutOfRange, NotFound, ValidationFailed
from app.credit_notes.estimate import COUNTED
from app.credit_notes.models import CreditNote, CreditNoteApplication, CreditStatus
from app.customers.models import Customer
from app.db.engine import session_fetch
from app.events.aggregation import aggregate
from app.invoices import builder
from app.invoices.models import Fee, FeeTax, Invoice, InvoiceKind, InvoiceStatus, PaymentStatus
from app.invoicing import compose, credits, unused
from app.invoicing.models import InvoiceSubscription
from app.invoicing.schedule import Boundary, next_boundary
from app.organizations.models import Organization
from app.plans.models import Charge
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

AGGREGATION_CHUNK = 2000
log = logging.getLogger("billgraph.billing")


def _following(
    subscription: Subscription, data: compose.BillingData, billed_through: datetime | None
) -> Boundary | None:
    if subscription.started_at is None:
        return None
    plan = data.plans[subscription.plan_id]
    return next_boundary(
        subscription.started_at,
        billed_through,
        subscription.terminated_at,
        plan.interval,
        subscription.billing_time,
        data.timezone(data.customers[subscription.customer_id]),
        plan.pay_in_advance,
    )


def _boundaries(subscription: Subscription, data: compose.BillingData, at: datetime) -> list[Boundary]:
    """Every boundary due by ``at`` (several when billing catches up)."""
    due, billed_through = [], subscription.billed_through
    while (boundary := _following(subscription, data, billed_through)) is not None and boundary.at <= at:
        due.append(boundary)
        billed_through = boundary.at
    return due


async def _usages(
    session: AsyncSession, work: list[tuple[Subscription, Boundary]], data: compose.BillingData
) -> list[list[tuple[Charge, Usage]]]:
    """The usage of every charge of every boundary's arrears period, aggregated in a few statements."""
    requests = [compose.usage_requests(subscription, boundary, data) for subscription, boundary in work]
    flat = [(i, charge, request) for i, pairs in enumerate(requests) for charge, request in pairs]
    results: list[list[tuple[Charge, Usage]]] = [[] for _ in work]
    fetch = session_fetch(session)
    by_organization: dict[uuid.UUID, list[tuple[int, Charge, object]]] = {}
    for i, charge, request in flat:
        by_organization.setdefault(charge.organization_id, []).append((i, charge, request))
    for organization_id, items in by_organization.items():
        for start in range(0, len(items), AGGREGATION_CHUNK):
            chunk = items[start : start + AGGREGATION_CHUNK]
            usages = await aggregate(fetch, organization_id, [request for _, _, request in chunk])  # type: ignore[misc]
            for (i, charge, _), usage in zip(chunk, usages, strict=True):
                results[i].append((charge, usage))
    return results


def _grace(data: compose.BillingData, subscription: Subscription) -> int:
    customer = data.customers[subscription.customer_id]
    if customer.invoice_grace_period is not None:
        return customer.invoice_grace_period
    return data.organizations[customer.organization_id].invoice_grace_period


@dataclass
class _Issued:
    invoice: Invoice
    fees: list[Fee]
    fee_taxes: list[FeeTax]
    link: InvoiceSubscription
    spent: list[WalletTransaction | CreditNoteApplication]


async def bill(
    session: AsyncSession,
    subscriptions: Sequence[Subscription],
    at: datetime,
    held: set[uuid.UUID] | None = None,
) -> list[Invoice]:
    """Bill every boundary due by ``at`` of the given subscriptions (locked by the caller). The
    invoices of the whole batch are numbered in one statement and written in a few batched INSERTs.

    A subscription whose invoice would carry an amount past the largest one (usage times price beyond
    anything billable) is held: not billed, still due, logged, and added to ``held``; the others of the
    batch are billed as usual."""
    held = held if held is not None else set()
    data = await compose.load(session, subscriptions)
    work = sorted(
        ((s, b) for s in subscriptions for b in _boundaries(s, data, at)),
        # numbers follow time; at the same moment the older subscription first (an upgrade's end
        # before the new plan's start)
        key=lambda item: (item[1].at, item[0].started_at or item[0].subscription_at, str(item[0].id)),
    )
    customers = {s.customer_id for s in subscriptions}
    wallets_and_coupons = await credits.load(session, customers)
    issued: list[_Issued] = []
    for (subscription, boundary), usages in zip(work, await _usages(session, work, data), strict=True):
        if subscription.id in held:
            continue  # its earlier boundary is held: never bill a later one past it
        lines = compose.lines_for(subscription, boundary, data, usages)
        if lines:
            try:
                issuing = _issue(
                    subscription, boundary, lines, data, wallets_and_coupons[subscription.customer_id]
                )
            except AmountOutOfRange as error:
                log.error(
                    "billing held subscription=%s organization=%s boundary=%s: %s",
                    subscription.id,
                    subscription.organization_id,
                    boundary.at.isoformat(),
                    error.fields["id"],
                )
                held.add(subscription.id)
                continue
            issued.append(issuing)
        subscription.billed_through = boundary.at
    for subscription in subscriptions:
        following = _following(subscription, data, subscription.billed_through)
        subscription.next_billing_at = following.at if following else None
    by_organization: dict[uuid.UUID, list[Invoice]] = {}
    for item in issued:  # in boundary order: numbers follow time
        by_organization.setdefault(item.invoice.organization_id, []).append(item.invoice)
    for organization_id, invoices in by_organization.items():
        numbers = await builder.reserve_numbers(session, organization_id, len(invoices))
        for invoice, (sequential_id, number) in zip(invoices, numbers, strict=True):
            invoice.sequential_id, invoice.number = sequential_id, number
    await builder.insert(
        session,
        [i.invoice for i in issued],
        [fee for i in issued for fee in i.fees],
        [tax for i in issued for tax in i.fee_taxes],
    )
    session.add_all([i.link for i in issued] + [t for i in issued for t in i.spent])
    await session.flush()
    ended = [s for s, b in work if b.kind == "termination" and s.id not in held]
    await unused.give_back(session, ended, data)
    return [i.invoice for i in issued]


def _issue(
    subscription: Subscription,
    boundary: Boundary,
    lines: list[builder.Line],
    data: compose.BillingData,
    customer_credits: credits.CustomerCredits,
) -> _Issued:
    customer = data.customers[subscription.customer_id]
    currency = data.plans[subscription.plan_id].amount_currency
    chosen = credits.select(customer_credits, lines, data, currency, boundary.at)
    amounts = builder.amounts_of(lines, chosen.adjustments)
    draft = _grace(data, subscription) > 0
    invoice, fees, fee_taxes = builder.assemble(
        customer,
        data.organizations[customer.organization_id],
        InvoiceKind.SUBSCRIPTION,
        currency,
        lines,
        amounts,
        InvoiceStatus.DRAFT if draft else InvoiceStatus.FINALIZED,
        boundary.at.astimezone(ZoneInfo(data.timezone(customer))).date(),
    )
    link = InvoiceSubscription(
        organization_id=invoice.organization_id,
        invoice_id=invoice.id,
        subscription_id=subscription.id,
        billed_at=boundary.at,
        kind=boundary.kind,
        arrears_start=boundary.arrears.start if boundary.arrears else None,
        arrears_end=boundary.arrears.end if boundary.arrears else None,
        advance_start=boundary.advance.start if boundary.advance else None,
        advance_end=boundary.advance.end if boundary.advance else None,
    )
    spent = [] if draft else credits.consume(invoice, amounts, chosen)
    return _Issued(invoice, fees, fee_taxes, link, spent)


def _advance(link: InvoiceSubscription, subscription: Subscription) -> Period | None:
    """A draft's period paid in advance, cut at its subscription's end if it ended since."""
    if link.advance_start is None or link.advance_end is None:
        return None
    end = link.advance_end
    if subscription.terminated_at is not None:
        end = max(link.advance_start, min(end, subscription.terminated_at))
    return Period(link.advance_start, end)


async def _recompute(session: AsyncSession, invoice: Invoice, *, final: bool) -> None:
    """A draft's fees again from today's usage (late events count); with ``final``, consume credits."""
    link = await session.scalar(
        sa.select(InvoiceSubscription).where(InvoiceSubscription.invoice_id == invoice.id)
    )
    if link is None:
        raise ValidationFailed.one("id", "only subscription invoices are recomputed")
    subscription = await session.get_one(Subscription, link.subscription_id)
    boundary = Boundary(
        link.billed_at,
        link.kind,
        Period(link.arrears_start, link.arrears_end) if link.arrears_start and link.arrears_end else None,
        _advance(link, subscription),
    )
    data = await compose.load(session, [subscription])
    usages = (await _usages(session, [(subscription, boundary)], data))[0]
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
