"""Turning lines into an invoice: its number, its fees and their taxes, and its amounts (computed by
the pure engine in ``app.billing.invoice``). Used for one-off, credit purchase and subscription
invoices alike."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.billing.invoice import CouponInput, FeeInput, InvoiceAmounts, TaxRate, compute
from app.core.errors import AmountOutOfRange
from app.core.validation import MAX_AMOUNT_CENTS
from app.customers.models import Customer, CustomerTax
from app.invoices.models import Fee, FeeKind, FeeTax, Invoice, InvoiceKind, InvoiceStatus
from app.organizations.models import Organization
from app.taxes import service as taxes
from app.taxes.models import Tax
from app.webhooks.models import WebhookEventType
from app.webhooks.outbox import emit


@dataclass
class Line:
    fee_type: FeeKind
    description: str
    units: Decimal
    unit_amount_cents: Decimal  # precise minor units per unit
    taxes: list[Tax]
    add_on_id: uuid.UUID | None = None
    charge_id: uuid.UUID | None = None
    subscription_id: uuid.UUID | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None
    coupon_eligible: bool = True
    precise_amount_cents: Decimal | None = None  # when not simply units x unit amount (a charge model)

    @property
    def amount(self) -> Decimal:
        return (
            self.units * self.unit_amount_cents
            if self.precise_amount_cents is None
            else self.precise_amount_cents
        )


@dataclass
class Adjustments:
    coupons: list[CouponInput] = field(default_factory=list)
    credit_note_cents: int = 0
    wallet_cents: int = 0


async def reserve_numbers(
    session: AsyncSession, organization_id: uuid.UUID, count: int = 1
) -> list[tuple[int, str]]:
    """The organization's next ``count`` invoice numbers. The counter row stays locked until the
    transaction ends, so numbers are given in order and rolled-back invoices give theirs back: no gaps."""
    last, prefix = (
        await session.execute(
            sa.update(Organization)
            .where(Organization.id == organization_id)
            .values(invoice_sequence=Organization.invoice_sequence + count)
            .returning(Organization.invoice_sequence, Organization.invoice_prefix)
            .execution_options(synchronize_session=False)
        )
    ).one()
    return [(sequence, f"{prefix}-{sequence:06d}") for sequence in range(last - count + 1, last + 1)]


async def applicable_taxes(session: AsyncSession, customer: Customer, own: list[Tax]) -> list[Tax]:
    """The object's own taxes (add-on, plan), else the customer's, else the organization's defaults."""
    if own:
        return own
    attached = (await taxes.taxes_by_owner(session, CustomerTax, "customer_id", [customer.id])).get(
        customer.id
    )
    if attached:
        return attached
    return [
        tax for tax in await taxes.all_taxes(session, customer.organization_id) if tax.applied_to_organization
    ]


async def local_today(session: AsyncSession, customer: Customer) -> date:
    organization = await session.get_one(Organization, customer.organization_id)
    return datetime.now(ZoneInfo(customer.timezone or organization.timezone)).date()


def snapshot(customer: Customer) -> dict[str, Any]:
    return {
        "external_id": customer.external_id,
        "name": customer.name,
        "legal_name": customer.legal_name,
        "email": customer.email,
        "tax_identification_number": customer.tax_identification_number,
        "billing_address": customer.billing_address,
    }


def amounts_of(lines: list[Line], adjustments: Adjustments | None = None) -> InvoiceAmounts:
    """The invoice's amounts; ``AmountOutOfRange`` when a fee passes the largest amount (huge usage
    times a price), so that nothing past PostgreSQL's ``bigint`` is ever written."""
    for line in lines:
        if abs(line.amount) > MAX_AMOUNT_CENTS:
            raise AmountOutOfRange(round(line.amount), MAX_AMOUNT_CENTS)
    adjustments = adjustments or Adjustments()
    return compute(
        [
            FeeInput(line.amount, tuple(TaxRate(str(t.id), t.rate) for t in line.taxes), line.coupon_eligible)
            for line in lines
        ],
        adjustments.coupons,
        adjustments.credit_note_cents,
        adjustments.wallet_cents,
    )


def _set_amounts(invoice: Invoice, amounts: InvoiceAmounts) -> None:
    invoice.fees_amount_cents = amounts.fees_amount_cents
    invoice.coupons_amount_cents = amounts.coupons_amount_cents
    invoice.sub_total_excluding_taxes_amount_cents = amounts.sub_total_excluding_taxes_amount_cents
    invoice.taxes_amount_cents = amounts.taxes_amount_cents
    invoice.sub_total_including_taxes_amount_cents = amounts.sub_total_including_taxes_amount_cents
    invoice.credit_notes_amount_cents = amounts.credit_notes_amount_cents
    invoice.prepaid_credit_amount_cents = amounts.prepaid_credit_amount_cents
    invoice.total_amount_cents = amounts.total_amount_cents


def assemble(
    customer: Customer,
    organization: Organization,
    invoice_type: InvoiceKind,
    currency: str,
    lines: list[Line],
    amounts: InvoiceAmounts,
    status: InvoiceStatus,
    issued: date,
) -> tuple[Invoice, list[Fee], list[FeeTax]]:
    """An invoice with its fees and their taxes, not yet numbered nor added to a session."""
    term = (
        customer.net_payment_term if customer.net_payment_term is not None else organization.net_payment_term
    )
    invoice = Invoice(
        id=uuid.uuid4(),
        organization_id=customer.organization_id,
        customer_id=customer.id,
        invoice_type=invoice_type,
        status=status,
        currency=currency,
        issuing_date=issued,
        payment_due_date=issued + timedelta(days=term),
        net_payment_term=term,
        customer_snapshot=snapshot(customer),
        finalized_at=datetime.now(UTC) if status is InvoiceStatus.FINALIZED else None,
    )
    _set_amounts(invoice, amounts)
    fees, fee_taxes = _fee_rows(invoice, lines, amounts)
    return invoice, fees, fee_taxes


async def create(
    session: AsyncSession,
    customer: Customer,
    invoice_type: InvoiceKind,
    currency: str,
    lines: list[Line],
    amounts: InvoiceAmounts,
    *,
    status: InvoiceStatus = InvoiceStatus.FINALIZED,
    issuing_date: date | None = None,
) -> Invoice:
    """A new invoice with its number, its fees and its amounts."""
    organization = await session.get_one(Organization, customer.organization_id)
    issued = issuing_date or await local_today(session, customer)
    invoice, fees, fee_taxes = assemble(
        customer, organization, invoice_type, currency, lines, amounts, status, issued
    )
    ((invoice.sequential_id, invoice.number),) = await reserve_numbers(session, customer.organization_id)
    await insert(session, [invoice], fees, fee_taxes)
    return invoice


async def insert(
    session: AsyncSession, invoices: list[Invoice], fees: list[Fee], fee_taxes: list[FeeTax]
) -> None:
    """Each table in one batched INSERT, in the order the foreign keys need (no relationships order them).
    New invoices are announced to webhooks (``invoice.created``, and ``invoice.finalized`` for those
    issued final)."""
    for rows in (invoices, fees, fee_taxes):
        if rows:
            session.add_all(rows)
            await session.flush()
    if invoices:
        await emit(session, WebhookEventType.INVOICE_CREATED, invoices)
        final = [invoice for invoice in invoices if invoice.status is InvoiceStatus.FINALIZED]
        await emit(session, WebhookEventType.INVOICE_FINALIZED, final)


async def rewrite(
    session: AsyncSession, invoice: Invoice, lines: list[Line], amounts: InvoiceAmounts
) -> None:
    """Replace a draft's fees and amounts (a refresh, or the final computation when finalizing)."""
    assert invoice.status is InvoiceStatus.DRAFT, "finalized invoices never change"
    await session.execute(sa.delete(Fee).where(Fee.invoice_id == invoice.id))
    _set_amounts(invoice, amounts)
    fees, fee_taxes = _fee_rows(invoice, lines, amounts)
    await insert(session, [], fees, fee_taxes)


async def build(
    session: AsyncSession,
    customer: Customer,
    invoice_type: InvoiceKind,
    currency: str,
    lines: list[Line],
    *,
    status: InvoiceStatus = InvoiceStatus.FINALIZED,
    issuing_date: date | None = None,
    adjustments: Adjustments | None = None,
) -> Invoice:
    return await create(
        session,
        customer,
        invoice_type,
        currency,
        lines,
        amounts_of(lines, adjustments),
        status=status,
        issuing_date=issuing_date,
    )


def _fee_rows(invoice: Invoice, lines: list[Line], amounts: InvoiceAmounts) -> tuple[list[Fee], list[FeeTax]]:
    currency = invoice.currency
    fees, fee_taxes = [], []
    for position, (line, result) in enumerate(zip(lines, amounts.fees, strict=True)):
        fee = Fee(
            id=uuid.uuid4(),
            organization_id=invoice.organization_id,
            invoice_id=invoice.id,
            fee_type=line.fee_type,
            subscription_id=line.subscription_id,
            charge_id=line.charge_id,
            add_on_id=line.add_on_id,
            description=line.description,
            units=line.units,
            unit_amount_cents=line.unit_amount_cents,
            precise_amount_cents=result.precise_amount_cents,
            amount_cents=result.amount_cents,
            currency=currency,
            coupons_amount_cents=result.coupons_amount_cents,
            taxes_rate=result.taxes_rate,
            taxes_amount_cents=result.taxes_amount_cents,
            total_amount_cents=result.total_amount_cents,
            period_start=line.period_start,
            period_end=line.period_end,
            position=position,
        )
        fees.append(fee)
        by_id = {str(tax.id): tax for tax in line.taxes}
        for applied in result.taxes:
            tax = by_id[applied.key]
            fee_taxes.append(
                FeeTax(
                    organization_id=invoice.organization_id,
                    fee_id=fee.id,
                    tax_id=tax.id,
                    tax_code=tax.code,
                    tax_name=tax.name,
                    tax_rate=tax.rate,
                    precise_amount_cents=applied.precise_amount_cents,
                    amount_cents=applied.amount_cents,
                )
            )
    return fees, fee_taxes
