"""Billing subscriptions at their boundaries: every boundary due, its lines, and the invoices that come
out of it, numbered and written in a few batched statements (their later life: ``app.invoicing.drafts``)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from app.billing.charges import Usage
from app.core.errors import AmountOutOfRange
from app.credit_notes.models import CreditNoteApplication
from app.db.engine import session_fetch
from app.events.aggregation import aggregate
from app.invoices import builder
from app.invoices.models import Fee, FeeTax, Invoice, InvoiceKind, InvoiceStatus
from app.invoicing import compose, credits
from app.invoicing.models import InvoiceSubscription
from app.invoicing.schedule import Boundary, next_boundary
from app.plans.models import Charge
from app.subscriptions.models import Subscription
from app.wallets.models import (
    WalletTransaction,
)

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


async def aggregated_usages(
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
    for (subscription, boundary), usages in zip(
        work, await aggregated_usages(session, work, data), strict=True
    ):
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
