"""Credit notes as accounting lines: one line per item (the fee it credits, before tax, its tax, its
total), so that a note's lines add up to its total; the note's split into credit and refund is on its
first line. Each line carries the note's own reason and description (why it was issued) beside the
name of the fee it credits, as on the invoice. Finalized credit notes issued in the range."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any

from app.core.decimals import text_of
from app.exports.csv_format import money, text

HEADER = (
    "credit_note_number",
    "invoice_number",
    "issuing_date",
    "reason",
    "credit_note_description",
    "customer_external_id",
    "customer_name",
    "customer_tax_identification_number",
    "description",
    "amount",
    "tax_rate",
    "tax_amount",
    "total",
    "credit_amount",
    "refund_amount",
    "refund_status",
    "currency",
)

LINES = """
SELECT n.id AS note_id, n.number, i.number AS invoice_number, n.issuing_date, n.reason,
       n.description AS note_description, n.currency,
       i.customer_snapshot->>'external_id' AS customer_external_id,
       i.customer_snapshot->>'name' AS customer_name,
       i.customer_snapshot->>'tax_identification_number' AS customer_tax_id,
       n.credit_amount_cents, n.refund_amount_cents, n.refund_status,
       f.description, f.taxes_rate, ni.amount_cents, ni.taxes_amount_cents
FROM credit_notes n
JOIN invoices i ON i.id = n.invoice_id
JOIN credit_note_items ni ON ni.credit_note_id = n.id
JOIN fees f ON f.id = ni.fee_id
WHERE n.organization_id = $1 AND n.status = 'finalized' AND n.issuing_date BETWEEN $2 AND $3
ORDER BY n.issuing_date, n.sequential_id, f.position"""

Rows = Callable[..., AsyncIterator[Any]]


async def lines(rows: Rows, organization_id: uuid.UUID, first: date, last: date) -> AsyncIterator[list[str]]:
    previous: uuid.UUID | None = None
    async for row in rows(LINES, organization_id, first, last):
        currency, first_line = row["currency"], row["note_id"] != previous
        previous = row["note_id"]
        yield [
            text(row["number"]),
            text(row["invoice_number"]),
            row["issuing_date"].isoformat(),
            row["reason"],
            text(row["note_description"]),
            text(row["customer_external_id"]),
            text(row["customer_name"]),
            text(row["customer_tax_id"]),
            text(row["description"]),
            money(row["amount_cents"], currency),
            text_of(row["taxes_rate"]),
            money(row["taxes_amount_cents"], currency),
            money(row["amount_cents"] + row["taxes_amount_cents"], currency),
            money(row["credit_amount_cents"], currency) if first_line else "",
            money(row["refund_amount_cents"], currency) if first_line else "",
            (row["refund_status"] or "") if first_line else "",
            currency,
        ]
