"""Invoices as accounting lines: one line per fee (quantity, unit amount, discount, net, tax, total),
then one line per invoice-level deduction (credit-note credits and prepaid credits spent, as negative
totals), so that an invoice's lines add up to its total. Finalized invoices issued in the range.

Amounts are the fees' own rounded cents, so the lines add up to the invoice to the cent; quantity and
unit amount are written at ``csv_format.PLACES`` decimals (half-up), so their product may differ from
the amount by the rounding (a prorated 30/31 of 10.00: quantity 0.967742, unit amount 10, amount 9.68)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any

from app.core.decimals import text_of
from app.exports.csv_format import decimal, money, precise_money, text

HEADER = (
    "invoice_number",
    "invoice_type",
    "issuing_date",
    "payment_due_date",
    "payment_status",
    "customer_external_id",
    "customer_name",
    "customer_tax_identification_number",
    "line_type",
    "description",
    "period_start",
    "period_end",
    "quantity",
    "unit_amount",
    "amount",
    "discount",
    "net_amount",
    "tax_codes",
    "tax_rate",
    "tax_amount",
    "total",
    "currency",
)

LINES = """
SELECT i.id AS invoice_id, i.number, i.invoice_type, i.issuing_date, i.payment_due_date, i.payment_status,
       i.currency, i.customer_snapshot->>'external_id' AS customer_external_id,
       i.customer_snapshot->>'name' AS customer_name,
       i.customer_snapshot->>'tax_identification_number' AS customer_tax_id,
       i.credit_notes_amount_cents, i.prepaid_credit_amount_cents,
       f.fee_type, f.description, f.units, f.unit_amount_cents, f.amount_cents, f.coupons_amount_cents,
       f.taxes_rate, f.taxes_amount_cents, f.total_amount_cents,
       (f.period_start AT TIME ZONE tz.name)::date AS period_start,
       ((f.period_end AT TIME ZONE tz.name) - interval '1 microsecond')::date AS period_end,
       (SELECT string_agg(t.tax_code, ' ' ORDER BY t.tax_code) FROM fee_taxes t WHERE t.fee_id = f.id)
         AS tax_codes
FROM invoices i
JOIN customers c ON c.id = i.customer_id
JOIN organizations o ON o.id = i.organization_id
CROSS JOIN LATERAL (SELECT coalesce(c.timezone, o.timezone) AS name) tz
LEFT JOIN fees f ON f.invoice_id = i.id
WHERE i.organization_id = $1 AND i.status = 'finalized' AND i.issuing_date BETWEEN $2 AND $3
ORDER BY i.issuing_date, i.sequential_id, f.position"""

Rows = Callable[..., AsyncIterator[Any]]


def _invoice_cells(row: Any) -> list[str]:
    return [
        text(row["number"]),
        row["invoice_type"],
        row["issuing_date"].isoformat(),
        row["payment_due_date"].isoformat(),
        row["payment_status"],
        text(row["customer_external_id"]),
        text(row["customer_name"]),
        text(row["customer_tax_id"]),
    ]


def _fee_line(row: Any) -> list[str]:
    currency = row["currency"]
    return [
        *_invoice_cells(row),
        row["fee_type"],
        text(row["description"]),
        row["period_start"].isoformat() if row["period_start"] else "",
        row["period_end"].isoformat() if row["period_end"] else "",
        decimal(row["units"]),
        precise_money(row["unit_amount_cents"], currency),
        money(row["amount_cents"], currency),
        money(row["coupons_amount_cents"], currency),
        money(row["amount_cents"] - row["coupons_amount_cents"], currency),
        row["tax_codes"] or "",
        text_of(row["taxes_rate"]),
        money(row["taxes_amount_cents"], currency),
        money(row["total_amount_cents"], currency),
        currency,
    ]


def _deductions(head: Any) -> list[list[str]]:
    """The invoice-level lines after its fees: what credit notes and prepaid credits paid."""
    currency, lines = head["currency"], []
    for line_type, cents, description in (
        ("credit_note", head["credit_notes_amount_cents"], "Credit notes applied"),
        ("prepaid_credit", head["prepaid_credit_amount_cents"], "Prepaid credits applied"),
    ):
        if cents:
            total = money(-cents, currency)
            empty = ["", "", "1", total, total, money(0, currency), total, "", "0", money(0, currency)]
            lines.append([*_invoice_cells(head), line_type, description, *empty, total, currency])
    return lines


async def lines(rows: Rows, organization_id: uuid.UUID, first: date, last: date) -> AsyncIterator[list[str]]:
    """The export's lines, invoice after invoice, as the cursor gives them."""
    head: Any = None
    async for row in rows(LINES, organization_id, first, last):
        if head is not None and row["invoice_id"] != head["invoice_id"]:
            for line in _deductions(head):
                yield line
        if head is None or row["invoice_id"] != head["invoice_id"]:
            head = row
        if row["fee_type"] is not None:  # an invoice without fees has only its deductions
            yield _fee_line(row)
    if head is not None:
        for line in _deductions(head):
            yield line
