"""A year of the demo organization's life, written through the services with past dates: subscriptions
started up to twelve months ago (some at negotiated prices), usage spread over the months, wallets, a
coupon, the billing engine run at ``now`` over every period since (so each invoice is computed as it
would have been), payments, a voided invoice, credit notes (one waiting for the second finance member)
and a plan change and a termination today. Flushes; the caller commits."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.core.errors import Collector
from app.coupons import applied as applied_coupons
from app.coupons.models import Coupon
from app.credit_notes import service as credit_notes
from app.credit_notes.estimate import ItemInput, estimate
from app.credit_notes.models import CreditNoteReason
from app.customers.models import Customer
from app.db.engine import session_fetch
from app.events import ingest
from app.events.service import REST_NAMES
from app.invoices import service as invoices
from app.invoices.models import Fee, Invoice, InvoiceStatus, PaymentStatus
from app.invoicing import drafts
from app.invoicing import service as billing
from app.plans.models import Plan
from app.plans.overrides import PlanOverrides
from app.subscriptions import service as subscriptions
from app.subscriptions.models import Subscription
from app.wallets import service as wallets

# customer, plan, months ago it started (None: no subscription), negotiated fixed price (cents)
SUBSCRIPTIONS: list[tuple[str, str, int, int | None]] = [
    ("cus_acme", "pro", 12, None),
    ("cus_globex", "pro", 11, 8900),
    ("cus_initech", "starter", 12, None),
    ("cus_umbrella", "starter", 9, None),
    ("cus_hooli", "pro", 8, None),
    ("cus_stark", "enterprise", 11, 1_080_000),
    ("cus_wayne", "pro", 6, None),
    ("cus_tyrell", "starter", 5, None),
    ("cus_cyberdyne", "starter", 10, None),
    ("cus_soylent", "pro", 3, None),
]
UPGRADED, TERMINATED, WITH_COUPON, WITH_WALLET = "cus_initech", "cus_cyberdyne", "cus_hooli", "cus_acme"


def _months_ago(now: datetime, months: int) -> datetime:
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    return datetime(year, month + 1, 1, tzinfo=UTC) + timedelta(days=3)


async def _events(session: AsyncSession, organization_id: uuid.UUID, subs: dict[str, datetime]) -> None:
    rng = random.Random(2026)  # noqa: S311 - the same history on every machine, no secret
    now = datetime.now(UTC)
    raw: list[dict[str, object]] = []
    for external_id, started in subs.items():
        at = started + timedelta(hours=1)
        while at < now - timedelta(hours=1):
            raw.append({"code": "api_calls", "timestamp": at.isoformat(), "properties": {}})
            raw[-1].update(transaction_id=f"{external_id}-c-{len(raw)}", external_subscription_id=external_id)
            if rng.random() < 0.3:
                props = {"gb": str(rng.randint(5, 60))}
                raw.append({"code": "storage_gb", "timestamp": at.isoformat(), "properties": props})
                raw[-1].update(
                    transaction_id=f"{external_id}-g-{len(raw)}", external_subscription_id=external_id
                )
                props = {"user_id": f"u{rng.randint(1, 14)}"}
                raw.append({"code": "seats", "timestamp": at.isoformat(), "properties": props})
                raw[-1].update(
                    transaction_id=f"{external_id}-s-{len(raw)}", external_subscription_id=external_id
                )
                props = {"amount": str(rng.randint(10, 900))}
                raw.append({"code": "payment_volume", "timestamp": at.isoformat(), "properties": props})
                raw[-1].update(
                    transaction_id=f"{external_id}-p-{len(raw)}", external_subscription_id=external_id
                )
            at += timedelta(hours=rng.randint(20, 60))
    for start in range(0, len(raw), 100):
        await ingest.ingest(session_fetch(session), organization_id, raw[start : start + 100], REST_NAMES)


async def _bill(session: AsyncSession, now: datetime) -> None:
    await subscriptions.apply_due_transitions(session, now)
    held: set[uuid.UUID] = set()
    while due := (
        await session.scalars(
            sa.select(Subscription).where(Subscription.next_billing_at <= now, Subscription.id.not_in(held))
        )
    ).all():
        await billing.bill(session, list(due), now, held)
    while await drafts.finalize_due_drafts(session, now.date()):
        pass


# Days their invoices stay drafts (editable) before finalizing: the latest ones are still drafts.
GRACE = {"cus_wayne": 10, "cus_tyrell": 10}


async def load(session: AsyncSession, admin: Actor, finance: Actor) -> None:
    now = datetime.now(UTC)
    org = admin.org()
    customers = {
        c.external_id: c
        for c in await session.scalars(sa.select(Customer).where(Customer.organization_id == org))
    }
    for external_id, days in GRACE.items():
        customers[external_id].invoice_grace_period = days
    await session.flush()
    plans = {p.code: p for p in await session.scalars(sa.select(Plan).where(Plan.organization_id == org))}
    started: dict[str, datetime] = {}
    for customer, plan, months, price in SUBSCRIPTIONS:
        external_id = f"sub_{customer.removeprefix('cus_')}"
        started[external_id] = _months_ago(now, months)
        overrides = PlanOverrides(amount_cents=price) if price is not None else None
        data = subscriptions.SubscriptionInput(
            str(customers[customer].id),
            str(plans[plan].id),
            external_id,
            subscription_at=started[external_id],
            overrides=overrides,
        )
        await subscriptions.create_subscription(session, admin, data)
    coupon = await session.scalar(
        sa.select(Coupon).where(Coupon.organization_id == org, Coupon.code == "welcome")
    )
    assert coupon is not None
    await applied_coupons.apply_coupon(
        session, admin, applied_coupons.AppliedCouponInput(str(customers[WITH_COUPON].id), str(coupon.id))
    )
    wallet = await wallets.create_wallet(
        session,
        admin,
        wallets.WalletInput(
            str(customers[WITH_WALLET].id), "EUR", "1", "Prepaid", wallets.Credits(granted="50")
        ),
    )
    await wallets.top_up(session, admin, wallet.id, wallets.Credits(paid="200"))
    await _events(session, org, started)
    await _bill(session, now)
    await _settle(session, admin, finance, now)
    for sub in await session.scalars(sa.select(Subscription).where(Subscription.organization_id == org)):
        if sub.external_id == f"sub_{UPGRADED.removeprefix('cus_')}":
            await subscriptions.change_plan(session, admin, sub.id, str(plans["pro"].id), None)
        elif sub.external_id == f"sub_{TERMINATED.removeprefix('cus_')}":
            await subscriptions.terminate_subscription(session, admin, sub.id)
    await session.flush()


async def _settle(session: AsyncSession, admin: Actor, finance: Actor, now: datetime) -> None:
    finalized = list(
        await session.scalars(
            sa.select(Invoice)
            .where(Invoice.organization_id == admin.org(), Invoice.status == InvoiceStatus.FINALIZED)
            .order_by(Invoice.issuing_date, Invoice.id)
        )
    )
    old = [i for i in finalized if i.issuing_date < (now - timedelta(days=45)).date()]
    for index, invoice in enumerate(old):
        if invoice.total_amount_cents and index % 7 != 3:
            await invoices.record_payment(session, admin, invoice.id, PaymentStatus.SUCCEEDED)
    voided = next(i for i in reversed(finalized) if i not in old)
    await drafts.void_invoice(session, admin, voided.id)
    largest = max(old, key=lambda i: i.total_amount_cents)  # above the threshold: waits for finance2
    small = next(i for i in old if 0 < i.total_amount_cents < 10_000)
    for invoice, actor, share in ((small, finance, 4), (largest, finance, 1)):
        fee = await session.scalar(
            sa.select(Fee).where(Fee.invoice_id == invoice.id).order_by(Fee.amount_cents.desc())
        )
        assert fee is not None
        amount = fee.amount_cents // share
        items = [ItemInput(str(fee.id), amount)]
        total = (await estimate(session, invoice, items, Collector())).total_amount_cents
        reason = CreditNoteReason.PRODUCT_UNSATISFACTORY
        data = credit_notes.CreditNoteInput(str(invoice.id), reason, items, credit_amount_cents=total)
        await credit_notes.create_credit_note(session, actor, data)
