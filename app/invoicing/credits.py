"""Coupons, credit-note balances and prepaid credits on a subscription invoice: which apply (and to
which fees), and what finalizing the invoice consumes of them."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.billing.invoice import CouponInput, InvoiceAmounts
from app.billing.money import to_minor
from app.coupons.models import AppliedCoupon, AppliedCouponStatus, CouponFrequency, CouponTarget
from app.credit_notes.models import CreditNote, CreditNoteApplication, CreditNoteStatus, CreditStatus
from app.invoices.builder import Adjustments, Line
from app.invoices.models import Invoice
from app.invoicing.compose import BillingData
from app.wallets.balance import cents_of
from app.wallets.models import (
    TransactionSource,
    TransactionStatus,
    TransactionType,
    Wallet,
    WalletStatus,
    WalletTransaction,
)


@dataclass
class CustomerCredits:
    coupons: list[AppliedCoupon] = field(default_factory=list)
    plan_targets: dict[uuid.UUID, set[uuid.UUID]] = field(default_factory=dict)  # by coupon id
    metric_targets: dict[uuid.UUID, set[uuid.UUID]] = field(default_factory=dict)
    wallets: list[Wallet] = field(default_factory=list)
    credit_notes: list[CreditNote] = field(default_factory=list)  # oldest first


@dataclass(frozen=True)
class Selection:
    """What reduces one invoice, and the rows that finalizing it draws on."""

    adjustments: Adjustments
    coupons: list[AppliedCoupon]
    credit_notes: list[CreditNote]
    wallet: Wallet | None


async def load(session: AsyncSession, customer_ids: set[uuid.UUID]) -> dict[uuid.UUID, CustomerCredits]:
    credits: dict[uuid.UUID, CustomerCredits] = defaultdict(CustomerCredits)
    applied = (
        await session.scalars(
            sa.select(AppliedCoupon)
            .where(
                AppliedCoupon.customer_id.in_(customer_ids),
                AppliedCoupon.status == AppliedCouponStatus.ACTIVE,
            )
            .order_by(AppliedCoupon.created_at, AppliedCoupon.id)
            .with_for_update(key_share=True)
        )
    ).all()
    coupon_ids = {a.coupon_id for a in applied}
    targets = (
        await session.scalars(sa.select(CouponTarget).where(CouponTarget.coupon_id.in_(coupon_ids)))
    ).all()
    plan_targets: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    metric_targets: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for target in targets:
        if target.plan_id is not None:
            plan_targets[target.coupon_id].add(target.plan_id)
        if target.billable_metric_id is not None:
            metric_targets[target.coupon_id].add(target.billable_metric_id)
    for coupon in applied:
        entry = credits[coupon.customer_id]
        entry.coupons.append(coupon)
        entry.plan_targets, entry.metric_targets = plan_targets, metric_targets
    for wallet in await session.scalars(
        sa.select(Wallet)
        .where(Wallet.customer_id.in_(customer_ids), Wallet.status == WalletStatus.ACTIVE)
        .with_for_update(key_share=True)
    ):
        credits[wallet.customer_id].wallets.append(wallet)
    for note in await session.scalars(
        sa.select(CreditNote)
        .where(
            CreditNote.customer_id.in_(customer_ids),
            CreditNote.status == CreditNoteStatus.FINALIZED,
            CreditNote.credit_status == CreditStatus.AVAILABLE,
            CreditNote.balance_amount_cents > 0,
        )
        .order_by(CreditNote.sequential_id)
        .with_for_update(key_share=True)
    ):
        credits[note.customer_id].credit_notes.append(note)
    return credits


def _covered(
    coupon: AppliedCoupon, credits: CustomerCredits, lines: list[Line], data: BillingData
) -> tuple[int, ...] | None:
    plans = credits.plan_targets.get(coupon.coupon_id)
    metrics = credits.metric_targets.get(coupon.coupon_id)
    if not plans and not metrics:
        return None
    charge_metric = {c.id: c.billable_metric_id for cs in data.charges.values() for c in cs}
    covered = []
    for index, line in enumerate(lines):
        if plans and line.subscription_id is not None:
            plan = data.plans[data.plan_of_subscription[line.subscription_id]]
            if plan.id in plans or plan.parent_id in plans:
                covered.append(index)
        elif metrics and line.charge_id is not None and charge_metric.get(line.charge_id) in metrics:
            covered.append(index)
    return tuple(covered)


def select(
    credits: CustomerCredits, lines: list[Line], data: BillingData, currency: str, at: datetime
) -> Selection:
    """What may reduce this invoice: the customer's coupons in the order they were applied, then the
    balances of credit notes in the invoice's currency (oldest first), then the balance of a wallet in
    that currency that has not expired."""
    usable = [  # still active (an earlier invoice of this run may have used a coupon up)
        c
        for c in credits.coupons
        if c.status is AppliedCouponStatus.ACTIVE and c.amount_currency in (None, currency)
    ]
    coupons = []
    for coupon in usable:
        fixed = (
            coupon.amount_cents_remaining if coupon.frequency is CouponFrequency.ONCE else coupon.amount_cents
        )
        coupons.append(
            CouponInput(
                amount_cents=fixed if coupon.percentage_rate is None else None,
                rate=coupon.percentage_rate,
                fee_indexes=_covered(coupon, credits, lines, data),
            )
        )
    wallet = next(
        (
            w
            for w in credits.wallets
            if w.currency == currency
            and (w.expiration_at is None or w.expiration_at > at)
            and w.balance_cents > 0
        ),
        None,
    )
    notes = [n for n in credits.credit_notes if n.currency == currency and n.balance_amount_cents > 0]
    return Selection(
        Adjustments(
            coupons=coupons,
            credit_note_cents=sum(n.balance_amount_cents for n in notes),
            wallet_cents=wallet.balance_cents if wallet else 0,
        ),
        usable,
        notes,
        wallet,
    )


def consume(
    invoice: Invoice, amounts: InvoiceAmounts, chosen: Selection
) -> list[WalletTransaction | CreditNoteApplication]:
    """Finalizing spends what the invoice used: the coupons' remaining amount or periods, the credit
    notes' balances, the prepaid credits. Returns the rows recording what was spent, for the caller to
    add once the invoice itself is written."""
    now = datetime.now(UTC)
    _consume_coupons(chosen.coupons, amounts.coupon_breakdown, now)
    spent: list[WalletTransaction | CreditNoteApplication] = []
    spent.extend(_consume_credit_notes(invoice, chosen.credit_notes, amounts.credit_notes_amount_cents))
    spent.extend(_consume_wallet(invoice, chosen.wallet, amounts.prepaid_credit_amount_cents, now))
    return spent


def _consume_credit_notes(
    invoice: Invoice, notes: list[CreditNote], amount_cents: int
) -> list[CreditNoteApplication]:
    applications = []
    for note in notes:
        if amount_cents <= 0:
            break
        used = min(amount_cents, note.balance_amount_cents)
        note.balance_amount_cents -= used
        if note.balance_amount_cents == 0:
            note.credit_status = CreditStatus.CONSUMED
        amount_cents -= used
        applications.append(
            CreditNoteApplication(
                organization_id=invoice.organization_id,
                credit_note_id=note.id,
                invoice_id=invoice.id,
                amount_cents=used,
            )
        )
    return applications


def _consume_coupons(coupons: list[AppliedCoupon], granted_each: tuple[int, ...], now: datetime) -> None:
    for coupon, granted in zip(coupons, granted_each, strict=True):
        if granted <= 0:
            continue
        if coupon.frequency is CouponFrequency.ONCE:
            if coupon.amount_cents_remaining is not None:
                coupon.amount_cents_remaining -= granted
            if coupon.amount_cents_remaining in (None, 0):
                coupon.status, coupon.terminated_at = AppliedCouponStatus.TERMINATED, now
        elif (
            coupon.frequency is CouponFrequency.RECURRING and coupon.frequency_duration_remaining is not None
        ):
            coupon.frequency_duration_remaining -= 1
            if coupon.frequency_duration_remaining <= 0:
                coupon.status, coupon.terminated_at = AppliedCouponStatus.TERMINATED, now


def _consume_wallet(
    invoice: Invoice, wallet: Wallet | None, spent: int, now: datetime
) -> list[WalletTransaction]:
    if wallet is None or spent <= 0:
        return []
    credits = Decimal(spent) / to_minor(wallet.rate_amount, wallet.currency)
    wallet.credits_balance -= credits
    wallet.balance_cents = cents_of(wallet, wallet.credits_balance)
    wallet.consumed_credits += credits
    wallet.consumed_amount_cents += spent
    return [
        WalletTransaction(
            organization_id=wallet.organization_id,
            wallet_id=wallet.id,
            transaction_type=TransactionType.OUTBOUND,
            status=TransactionStatus.SETTLED,
            source=TransactionSource.INVOICED,
            credit_amount=credits,
            amount_cents=spent,
            invoice_id=invoice.id,
            settled_at=now,
        )
    ]
