"""Invoices and credit notes as the lines an accounting tool imports, whatever the tool: one line per
fee at its amount before discounts; a discount line after each fee a coupon reduced; then the credit
notes and prepaid credits the invoice consumed as negative lines. Each line carries its tax (a fee's
tax split between the fee and its discount, half-up, to the cent), so an invoice's lines add up to its
total exactly. Credit notes: one line per item, positive. Read from a server-side cursor."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.billing.money import minor_per_major, percent_of, round_minor
from app.exports.mappings import Codes, Mappings
from app.integrations.models import MappableType

Rows = Callable[..., AsyncIterator[Any]]
UNIT_PLACES = 4  # places of a unit price or a quantity the tools keep; finer ones are written as 1 x amount

_CUSTOMER = """
       d.customer_snapshot->>'name' AS customer_name, d.customer_snapshot->>'email' AS customer_email,
       d.customer_snapshot->>'external_id' AS customer_external_id,
       d.customer_snapshot->'billing_address'->>'address_line1' AS address_line1,
       d.customer_snapshot->'billing_address'->>'address_line2' AS address_line2,
       d.customer_snapshot->'billing_address'->>'city' AS city,
       d.customer_snapshot->'billing_address'->>'state' AS region,
       d.customer_snapshot->'billing_address'->>'zipcode' AS postal_code,
       d.customer_snapshot->'billing_address'->>'country' AS country"""
_FEE = """
       f.fee_type, f.add_on_id, ch.billable_metric_id, f.description, f.units, f.unit_amount_cents,
       (SELECT coalesce(array_agg(coalesce(t.tax_id::text, '') || ' ' || t.tax_code
                                  ORDER BY t.tax_code), '{}')
          FROM fee_taxes t WHERE t.fee_id = f.id) AS taxes"""
INVOICE_LINES = f"""
SELECT d.id AS document_id, d.number, d.issuing_date, d.payment_due_date AS due_date, d.currency,
       NULL AS reference, d.total_amount_cents, d.credit_notes_amount_cents, d.prepaid_credit_amount_cents,
       f.amount_cents, f.coupons_amount_cents, f.taxes_rate, f.taxes_amount_cents, {_CUSTOMER}, {_FEE}
FROM invoices d
LEFT JOIN fees f ON f.invoice_id = d.id
LEFT JOIN charges ch ON ch.id = f.charge_id
WHERE d.organization_id = $1 AND d.status = 'finalized' AND d.issuing_date BETWEEN $2 AND $3
ORDER BY d.issuing_date, d.sequential_id, f.position"""
CREDIT_NOTE_LINES = f"""
SELECT n.id AS document_id, n.number, n.issuing_date, n.issuing_date AS due_date, n.currency,
       d.number AS reference, n.total_amount_cents, 0 AS credit_notes_amount_cents,
       0 AS prepaid_credit_amount_cents, ni.amount_cents, 0 AS coupons_amount_cents, f.taxes_rate,
       ni.taxes_amount_cents, {_CUSTOMER}, {_FEE}
FROM credit_notes n
JOIN invoices d ON d.id = n.invoice_id
JOIN credit_note_items ni ON ni.credit_note_id = n.id
JOIN fees f ON f.id = ni.fee_id
LEFT JOIN charges ch ON ch.id = f.charge_id
WHERE n.organization_id = $1 AND n.status = 'finalized' AND n.issuing_date BETWEEN $2 AND $3
ORDER BY n.issuing_date, n.sequential_id, f.position"""


@dataclass(frozen=True)
class Document:
    """An invoice or a credit note, with its customer as it was when it was issued."""

    id: uuid.UUID
    number: str
    reference: str  # a credit note's invoice number
    issuing_date: date
    due_date: date
    currency: str
    total_cents: int
    customer: dict[str, str]


@dataclass(frozen=True)
class Line:
    document: Document
    kind: str  # fee, coupon, credit_note, prepaid_credit
    description: str
    quantity: Decimal
    unit_amount: Decimal  # major units, exact: quantity x unit_amount == amount_cents
    amount_cents: int  # before tax
    tax_cents: int
    tax_code: str
    codes: Codes


def _document(row: Any) -> Document:
    customer = {
        key: row[key] or ""
        for key in (
            "customer_name",
            "customer_email",
            "customer_external_id",
            "address_line1",
            "address_line2",
            "city",
            "region",
            "postal_code",
            "country",
        )
    }
    return Document(
        row["document_id"],
        row["number"],
        row["reference"] or "",
        row["issuing_date"],
        row["due_date"],
        row["currency"],
        row["total_amount_cents"],
        customer,
    )


def _taxes(row: Any) -> list[tuple[uuid.UUID | None, str]]:
    taxes = []
    for entry in row["taxes"]:
        tax_id, code = entry.split(" ", 1)
        taxes.append((uuid.UUID(tax_id) if tax_id else None, code))
    return taxes


def _quantity_and_price(row: Any, amount_cents: int, currency: str) -> tuple[Decimal, Decimal]:
    """The fee's own quantity and unit price when they multiply to its amount exactly and both fit the
    tools' precision (a prorated 30/31 does not), else 1 x the amount."""
    per_major = minor_per_major(currency)
    units, unit_cents = Decimal(row["units"]), Decimal(row["unit_amount_cents"])
    price = unit_cents / per_major
    exact = units > 0 and units * unit_cents == amount_cents
    if exact and max(_places(units), _places(price)) <= UNIT_PLACES:
        return units.normalize(), price.normalize()
    return Decimal(1), Decimal(amount_cents) / per_major


def _places(value: Decimal) -> int:
    return max(0, -int(value.normalize().as_tuple().exponent))


def _single(document: Document, kind: str, description: str, cents: int, tax_code: str, codes: Codes) -> Line:
    unit = Decimal(cents) / minor_per_major(document.currency)
    return Line(document, kind, description, Decimal(1), unit, cents, 0, tax_code, codes)


def _fee_lines(document: Document, row: Any, mappings: Mappings, no_tax: str) -> list[Line]:
    codes = mappings.fee(row["fee_type"], row["add_on_id"], row["billable_metric_id"])
    tax_code = mappings.tax(_taxes(row), no_tax)
    amount, discount, tax = row["amount_cents"], row["coupons_amount_cents"], row["taxes_amount_cents"]
    fee_tax = tax if not discount else round_minor(percent_of(Decimal(amount), Decimal(row["taxes_rate"])))
    quantity, price = _quantity_and_price(row, amount, document.currency)
    lines = [Line(document, "fee", row["description"], quantity, price, amount, fee_tax, tax_code, codes)]
    if discount:
        unit = Decimal(-discount) / minor_per_major(document.currency)
        coupon = mappings.line(MappableType.COUPON)
        description = f"Discount: {row['description']}"
        lines.append(
            Line(
                document, "coupon", description, Decimal(1), unit, -discount, tax - fee_tax, tax_code, coupon
            )
        )
    return lines


def _deductions(document: Document, head: Any, mappings: Mappings, no_tax: str) -> list[Line]:
    lines = []
    for kind, cents, description, mappable in (
        ("credit_note", head["credit_notes_amount_cents"], "Credit notes applied", MappableType.CREDIT_NOTE),
        (
            "prepaid_credit",
            head["prepaid_credit_amount_cents"],
            "Prepaid credits applied",
            MappableType.PREPAID_CREDIT,
        ),
    ):
        if cents:
            lines.append(_single(document, kind, description, -cents, no_tax, mappings.line(mappable)))
    return lines


async def documents(
    rows: Rows, sql: str, organization_id: uuid.UUID, first: date, last: date, mappings: Mappings, no_tax: str
) -> AsyncIterator[list[Line]]:
    """The lines of each document in the range, one document at a time, as the cursor gives them."""
    lines: list[Line] = []
    head: Any = None
    document: Document | None = None
    async for row in rows(sql, organization_id, first, last):
        if head is None or row["document_id"] != head["document_id"]:
            if document is not None:
                yield lines + _deductions(document, head, mappings, no_tax)
            head, document, lines = row, _document(row), []
        if row["fee_type"] is not None:
            assert document is not None
            lines.extend(_fee_lines(document, row, mappings, no_tax))
    if document is not None:
        yield lines + _deductions(document, head, mappings, no_tax)
