"""What a credit note on an invoice may be: what remains creditable per fee (its amount after coupons
less what earlier notes credited) and on the invoice (its total with taxes less earlier notes' totals),
and what may be refunded (what was paid less earlier refunds)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.billing.money import percent_of, round_minor
from app.core import validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.credit_notes.models import CreditNote, CreditNoteItem, CreditNoteStatus
from app.invoices.models import Fee, FeeTax, Invoice, InvoiceKind, InvoiceStatus, PaymentStatus

# notes that hold on to what they credit: a note waiting for approval reserves its amounts
COUNTED = (CreditNoteStatus.FINALIZED, CreditNoteStatus.PENDING_APPROVAL)
# what the billing's own notes count (unused time given back is owed whatever people have asked for):
# a request still waiting reserves nothing against them, and when it is approved later it must still
# fit what they left (approval.approve)
SETTLED = (CreditNoteStatus.FINALIZED,)


@dataclass(frozen=True)
class ItemInput:
    fee_id: str
    amount_cents: int


@dataclass
class Estimate:
    """A would-be credit note: each item with its taxes, the totals, and what is left to give."""

    items: list[tuple[Fee, int, int]] = field(default_factory=list)  # fee, amount, taxes
    creditable_by_fee: dict[uuid.UUID, int] = field(default_factory=dict)
    creditable_cents: int = 0  # on the whole invoice, taxes included
    refundable_cents: int = 0

    @property
    def sub_total_excluding_taxes_amount_cents(self) -> int:
        return sum(amount for _, amount, _ in self.items)

    @property
    def taxes_amount_cents(self) -> int:
        return sum(taxes for _, _, taxes in self.items)

    @property
    def total_amount_cents(self) -> int:
        return self.sub_total_excluding_taxes_amount_cents + self.taxes_amount_cents


async def invoice_of(
    session: AsyncSession, organization_id: uuid.UUID, invoice_id: str, lock: bool
) -> Invoice:
    parsed = validation.parse_id("invoiceId", invoice_id)
    query = sa.select(Invoice).where(Invoice.id == parsed, Invoice.organization_id == organization_id)
    if lock:
        query = query.with_for_update(key_share=True).execution_options(populate_existing=True)
    invoice = await session.scalar(query)
    if invoice is None:
        raise NotFound("Invoice")
    return invoice


async def estimate(
    session: AsyncSession,
    invoice: Invoice,
    items: list[ItemInput],
    errors: Collector,
    counted: tuple[CreditNoteStatus, ...] = COUNTED,
) -> Estimate:
    fees = {fee.id: fee for fee in await session.scalars(sa.select(Fee).where(Fee.invoice_id == invoice.id))}
    credited = {
        fee_id: (int(amount), int(taxes))
        for fee_id, amount, taxes in await session.execute(
            sa.select(
                CreditNoteItem.fee_id,
                sa.func.sum(CreditNoteItem.amount_cents),
                sa.func.sum(CreditNoteItem.taxes_amount_cents),
            )
            .join(CreditNote, CreditNote.id == CreditNoteItem.credit_note_id)
            .where(CreditNote.invoice_id == invoice.id, CreditNote.status.in_(counted))
            .group_by(CreditNoteItem.fee_id)
        )
    }
    given_totals, refunded = (
        await session.execute(
            sa.select(
                sa.func.coalesce(sa.func.sum(CreditNote.total_amount_cents), 0),
                sa.func.coalesce(sa.func.sum(CreditNote.refund_amount_cents), 0),
            ).where(CreditNote.invoice_id == invoice.id, CreditNote.status.in_(counted))
        )
    ).one()
    paid = invoice.total_amount_cents if invoice.payment_status is PaymentStatus.SUCCEEDED else 0
    result = Estimate(
        creditable_by_fee={
            fee.id: fee.amount_cents - fee.coupons_amount_cents - credited.get(fee.id, (0, 0))[0]
            for fee in fees.values()
        },
        creditable_cents=invoice.sub_total_including_taxes_amount_cents - int(given_totals),
        refundable_cents=max(0, paid - int(refunded)),
    )
    rates = defaultdict(list)
    for fee_tax in await session.scalars(sa.select(FeeTax).where(FeeTax.fee_id.in_(list(fees)))):
        rates[fee_tax.fee_id].append(fee_tax.tax_rate)
    seen: set[uuid.UUID] = set()
    for index, item in enumerate(items):
        path = f"items.{index}"
        try:
            fee = fees.get(uuid.UUID(str(item.fee_id)))
        except ValueError:
            fee = None
        if fee is None:
            errors.add(f"{path}.feeId", "is not a fee of the invoice")
            continue
        if fee.id in seen:
            errors.add(f"{path}.feeId", "is given twice")
            continue
        seen.add(fee.id)
        left = result.creditable_by_fee[fee.id]
        if item.amount_cents < 1:
            errors.add(f"{path}.amountCents", "must be at least 1")
        elif item.amount_cents > left:
            errors.add(f"{path}.amountCents", f"is more than what remains creditable on the fee ({left})")
        taxes_left = fee.taxes_amount_cents - credited.get(fee.id, (0, 0))[1]
        if item.amount_cents == left:  # the rest of the fee: the rest of its taxes, to the cent
            taxes = taxes_left
        else:
            taxes = sum(round_minor(percent_of(Decimal(item.amount_cents), rate)) for rate in rates[fee.id])
            taxes = max(0, min(taxes, taxes_left))
        result.items.append((fee, item.amount_cents, taxes))
    return result


def check_creditable(invoice: Invoice) -> None:
    if invoice.status is not InvoiceStatus.FINALIZED:
        raise ValidationFailed.one(
            "invoiceId", f"credit notes are for finalized invoices (this one is {invoice.status.value})"
        )
    if invoice.invoice_type is InvoiceKind.CREDIT:
        raise ValidationFailed.one(
            "invoiceId", "a purchase of prepaid credits is not credited; adjust or terminate the wallet"
        )


async def estimate_for(
    session: AsyncSession, organization_id: uuid.UUID, invoice_id: str, items: list[ItemInput]
) -> Estimate:
    """What a credit note with ``items`` would be, and what remains creditable and refundable."""
    invoice = await invoice_of(session, organization_id, invoice_id, lock=False)
    check_creditable(invoice)
    errors = Collector()
    result = await estimate(session, invoice, items, errors)
    errors.raise_if_any()
    return result
