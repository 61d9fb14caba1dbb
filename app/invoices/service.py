"""Invoices: one-off invoices of add-ons, reading, and recording payment."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.addons.models import AddOn, AddOnTax
from app.auth.actor import Actor
from app.core import decimals, validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Page, PageRequest, Window
from app.customers.models import Customer
from app.customers.service import live as live_customers
from app.db.pagination import paginate, windowed_per
from app.invoices.builder import Line, applicable_taxes, build
from app.invoices.models import Fee, FeeKind, FeeTax, Invoice, InvoiceKind, InvoiceStatus, PaymentStatus
from app.taxes import service as taxes
from app.wallets.balance import settle_purchase

# Fees of one invoice: a one-off invoice's add-ons; a subscription's holds its fee and its charges'
# (two fees and ``plans.service.MAX_CHARGES``, fewer). Credit notes credit at most each fee once.
MAX_FEES = 50


@dataclass(frozen=True)
class OneOffFee:
    add_on_id: str
    units: str | None = None
    unit_amount_cents: int | None = None
    description: str | None = None


@dataclass(frozen=True)
class InvoiceFilter:
    customer_id: uuid.UUID | None = None
    statuses: list[InvoiceStatus] | None = None
    types: list[InvoiceKind] | None = None
    payment_statuses: list[PaymentStatus] | None = None
    issued_from: date | None = None
    issued_to: date | None = None
    search: str | None = None


async def list_invoices(
    session: AsyncSession, organization_id: uuid.UUID, filters: InvoiceFilter, page: PageRequest
) -> Page[Invoice]:
    query = sa.select(Invoice).where(Invoice.organization_id == organization_id)
    if filters.customer_id:
        query = query.where(Invoice.customer_id == filters.customer_id)
    if filters.statuses:
        query = query.where(Invoice.status.in_(filters.statuses))
    if filters.types:
        query = query.where(Invoice.invoice_type.in_(filters.types))
    if filters.payment_statuses:
        query = query.where(Invoice.payment_status.in_(filters.payment_statuses))
    if filters.issued_from:
        query = query.where(Invoice.issuing_date >= filters.issued_from)
    if filters.issued_to:
        query = query.where(Invoice.issuing_date <= filters.issued_to)
    pattern = validation.search_pattern(filters.search)
    if pattern:
        query = query.where(Invoice.number.ilike(pattern))
    return await paginate(session, query.order_by(Invoice.sequential_id.desc()), page)


async def get_invoice(session: AsyncSession, organization_id: uuid.UUID, invoice_id: uuid.UUID) -> Invoice:
    invoice = await session.scalar(
        sa.select(Invoice).where(Invoice.id == invoice_id, Invoice.organization_id == organization_id)
    )
    if invoice is None:
        raise NotFound("Invoice")
    return invoice


async def customer_in_currency(
    session: AsyncSession,
    errors: Collector,
    organization_id: uuid.UUID,
    customer_id: str,
    currency: str | None,
) -> Customer | None:
    """The live customer, locked; its currency is set by its first bill and must match afterwards."""
    try:
        parsed = uuid.UUID(str(customer_id))
    except ValueError:
        errors.add("customerId", "is not a valid ID")
        return None
    customer = await session.scalar(
        sa.select(Customer)
        .where(Customer.id == parsed, *live_customers(organization_id))
        .with_for_update(key_share=True)
    )
    if customer is None:
        errors.add("customerId", "no such customer")
        return None
    if currency and "currency" not in errors.fields:
        if customer.currency is None:
            customer.currency = currency
        elif customer.currency != currency:
            errors.add("currency", f"the customer is billed in {customer.currency}")
    return customer


async def create_one_off(
    session: AsyncSession, actor: Actor, customer_id: str, currency: str, fees: list[OneOffFee]
) -> Invoice:
    """A finalized invoice of add-ons, each with its units and unit amount (default: the add-on's)."""
    organization_id = actor.org()
    errors = Collector()
    currency_code = validation.currency(errors, "currency", currency)
    customer = await customer_in_currency(session, errors, organization_id, customer_id, currency_code)
    if not fees:
        errors.add("fees", "at least one fee is required")
    elif len(fees) > MAX_FEES:
        errors.add("fees", f"an invoice has at most {MAX_FEES} fees")
        fees = []
    add_ons = await _add_ons(session, errors, organization_id, fees)
    lines = []
    for index, (spec, add_on) in enumerate(zip(fees, add_ons, strict=True)):
        path = f"fees.{index}"
        units = decimals.parse(errors, f"{path}.units", spec.units or "1", above_minimum=True)
        unit_cents = validation.integer(errors, f"{path}.unitAmountCents", spec.unit_amount_cents)
        if add_on is None or units is None or currency_code is None:
            continue
        if unit_cents is None:
            if add_on.amount_currency != currency_code:
                errors.add(
                    f"{path}.unitAmountCents",
                    f"is required: the add-on is priced in {add_on.amount_currency}",
                )
                continue
            unit_cents = add_on.amount_cents
        if not validation.amount_within(errors, f"{path}.units", units * unit_cents, "units x unit amount"):
            continue
        description = validation.text(errors, f"{path}.description", spec.description, required=False) or (
            add_on.invoice_display_name or add_on.name
        )
        lines.append(Line(FeeKind.ADD_ON, description, units, Decimal(unit_cents), [], add_on_id=add_on.id))
    errors.raise_if_any()
    assert customer is not None
    assert currency_code is not None
    own = await taxes.taxes_by_owner(session, AddOnTax, "add_on_id", [line.add_on_id for line in lines])
    for line in lines:
        line.taxes = await applicable_taxes(session, customer, own.get(line.add_on_id, []))
    return await build(session, customer, InvoiceKind.ONE_OFF, currency_code, lines)


async def _add_ons(
    session: AsyncSession, errors: Collector, organization_id: uuid.UUID, fees: list[OneOffFee]
) -> list[AddOn | None]:
    ids: list[uuid.UUID | None] = []
    for index, spec in enumerate(fees):
        try:
            ids.append(uuid.UUID(str(spec.add_on_id)))
        except ValueError:
            errors.add(f"fees.{index}.addOnId", "is not a valid ID")
            ids.append(None)
    found = {
        add_on.id: add_on
        for add_on in await session.scalars(
            sa.select(AddOn).where(
                AddOn.organization_id == organization_id,
                AddOn.deleted_at.is_(None),
                AddOn.id.in_([i for i in ids if i]),
            )
        )
    }
    for index, add_on_id in enumerate(ids):
        if add_on_id and add_on_id not in found:
            errors.add(f"fees.{index}.addOnId", "no such add-on")
    return [found.get(add_on_id) if add_on_id else None for add_on_id in ids]


async def record_payment(
    session: AsyncSession, actor: Actor, invoice_id: uuid.UUID, status: PaymentStatus
) -> Invoice:
    """Record the outcome of a payment. A paid credit purchase makes its credits spendable."""
    invoice = await session.scalar(
        sa.select(Invoice)
        .where(Invoice.id == invoice_id, Invoice.organization_id == actor.org())
        .with_for_update(key_share=True)
    )
    if invoice is None:
        raise NotFound("Invoice")
    if invoice.status is not InvoiceStatus.FINALIZED:
        raise ValidationFailed.one("id", f"a {invoice.status.value} invoice takes no payment")
    if invoice.payment_status is PaymentStatus.SUCCEEDED:
        raise ValidationFailed.one("paymentStatus", "the invoice is already paid")
    invoice.payment_status = status
    if status is PaymentStatus.SUCCEEDED:
        invoice.paid_at = datetime.now(UTC)
        if invoice.invoice_type is InvoiceKind.CREDIT:
            await settle_purchase(session, invoice.id)
    await session.flush()
    return invoice


async def fees_by_invoice(session: AsyncSession, invoice_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Fee]]:
    rows = await session.scalars(sa.select(Fee).where(Fee.invoice_id.in_(invoice_ids)).order_by(Fee.position))
    grouped: dict[uuid.UUID, list[Fee]] = defaultdict(list)
    for fee in rows:
        grouped[fee.invoice_id].append(fee)
    return grouped


async def taxes_by_fee(session: AsyncSession, fee_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[FeeTax]]:
    rows = await session.scalars(
        sa.select(FeeTax).where(FeeTax.fee_id.in_(fee_ids)).order_by(FeeTax.tax_code)
    )
    grouped: dict[uuid.UUID, list[FeeTax]] = defaultdict(list)
    for fee_tax in rows:
        grouped[fee_tax.fee_id].append(fee_tax)
    return grouped


async def by_customer(
    session: AsyncSession, customer_ids: list[uuid.UUID], window: Window | None = None
) -> dict[uuid.UUID, list[Invoice]]:
    query = (
        sa.select(Invoice).where(Invoice.customer_id.in_(customer_ids)).order_by(Invoice.sequential_id.desc())
    )
    rows = await session.scalars(windowed_per(Invoice, query, Invoice.customer_id, window))
    grouped: dict[uuid.UUID, list[Invoice]] = defaultdict(list)
    for invoice in rows:
        grouped[invoice.customer_id].append(invoice)
    return grouped


async def invoices_by_id(
    session: AsyncSession, organization_id: uuid.UUID, ids: list[uuid.UUID]
) -> dict[uuid.UUID, Invoice]:
    rows = await session.scalars(
        sa.select(Invoice).where(Invoice.organization_id == organization_id, Invoice.id.in_(ids))
    )
    return {invoice.id: invoice for invoice in rows}


async def fees_by_id(
    session: AsyncSession, organization_id: uuid.UUID, ids: list[uuid.UUID]
) -> dict[uuid.UUID, Fee]:
    rows = await session.scalars(
        sa.select(Fee).where(Fee.organization_id == organization_id, Fee.id.in_(ids))
    )
    return {fee.id: fee for fee in rows}
