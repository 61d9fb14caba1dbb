"""Time paid in advance and not used. A plan paid in advance is billed each period at its start; when
its subscription ends before that period does (an upgrade now, a termination, an end date reached), the
days from its end to the period's end were paid and will not be served: they are given back the moment
it ends, as a credit note on the invoice that billed them (the same share of the fee, after coupons, as
the days are of the days it billed, with its taxes), which the customer's next invoices consume. A
draft still open is recomputed with its period cut instead (``app.invoicing.drafts``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.billing.money import round_minor
from app.billing.periods import service_days
from app.credit_notes.models import CreditNote, CreditNoteReason
from app.credit_notes.system import credit_fee
from app.invoices.models import Fee, FeeKind, Invoice, InvoiceStatus
from app.invoicing.compose import BillingData, load
from app.subscriptions.models import Subscription, SubscriptionStatus

_CHANGED, _CANCELED = CreditNoteReason.ORDER_CHANGE, CreditNoteReason.ORDER_CANCELLATION


async def give_back_on_termination(session: AsyncSession, ended: Sequence[Subscription]) -> list[CreditNote]:
    """``give_back`` for subscriptions just terminated (a termination, an upgrade, an end date reached)."""
    if not ended:
        return []
    return await give_back(session, ended, await load(session, ended))


async def give_back(
    session: AsyncSession, ended: Sequence[Subscription], data: BillingData
) -> list[CreditNote]:
    """Credit notes for the unused days of the ``ended`` subscriptions' periods paid in advance."""
    ended = [s for s in ended if s.terminated_at is not None and data.plans[s.plan_id].pay_in_advance]
    if not ended:
        return []
    by_id = {s.id: s for s in ended}
    rows = (
        await session.execute(
            sa.select(Fee, Invoice)
            .join(Invoice, Invoice.id == Fee.invoice_id)
            .where(
                Fee.subscription_id.in_(list(by_id)),
                Fee.fee_type == FeeKind.SUBSCRIPTION,
                Invoice.status == InvoiceStatus.FINALIZED,
            )
            .order_by(Fee.period_start)
        )
    ).all()
    changed = set(
        await session.scalars(
            sa.select(Subscription.previous_subscription_id).where(
                Subscription.previous_subscription_id.in_(list(by_id)),
                Subscription.status != SubscriptionStatus.CANCELED,
            )
        )
    )
    notes = []
    for fee, invoice in rows:
        subscription = by_id[fee.subscription_id]  # type: ignore[index]
        amount = _unused_cents(fee, subscription, data)
        if amount < 1:
            continue
        note = await credit_fee(
            session,
            invoice,
            fee,
            amount,
            CreditNoteReason.ORDER_CHANGE
            if subscription.id in changed
            else CreditNoteReason.ORDER_CANCELLATION,
            _description(fee, subscription, data),
        )
        if note is not None:
            notes.append(note)
    return notes


def _unused_cents(fee: Fee, subscription: Subscription, data: BillingData) -> int:
    ended_at = subscription.terminated_at
    if fee.period_start is None or fee.period_end is None or ended_at is None or ended_at >= fee.period_end:
        return 0
    timezone = data.timezone(data.customers[subscription.customer_id])
    billed_from = max(fee.period_start, subscription.trial_ends_at or fee.period_start)
    billed = service_days(billed_from, fee.period_end, timezone)
    unused = service_days(max(ended_at, billed_from), fee.period_end, timezone)
    if billed == 0 or unused == 0:
        return 0
    paid = Decimal(fee.amount_cents - fee.coupons_amount_cents)
    return round_minor(paid * unused / billed)


def _description(fee: Fee, subscription: Subscription, data: BillingData) -> str:
    assert subscription.terminated_at is not None
    assert fee.period_end is not None
    zone = ZoneInfo(data.timezone(data.customers[subscription.customer_id]))
    credited_from = max(subscription.terminated_at, subscription.trial_ends_at or subscription.terminated_at)
    first = credited_from.astimezone(zone).date()
    last = fee.period_end.astimezone(zone).date() - timedelta(days=1)
    return f"Unused time of {fee.description}, paid in advance: {first.isoformat()} to {last.isoformat()}"
