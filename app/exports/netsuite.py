"""NetSuite CSV imports (Setup > Import/Export > Import CSV Records) of invoices and credit memos: one
row per line, grouped by External ID (``billgraph-<id>``, so that importing a file twice updates
instead of duplicating), the item and account of each line from the mappings, its tax code and
amount, the integration's subsidiary, location and department, dates as its ``dateFormat`` says."""

from __future__ import annotations

from typing import Any

from app.core.decimals import text_of
from app.exports.csv_format import code, money, price, text
from app.exports.ledger import Line
from app.exports.xero import DATE_FORMATS

_HEAD = ("External ID", "Document Number")
_CUSTOMER = ("Customer External ID", "Customer")
_TRANSACTION = ("Currency", "Subsidiary", "Location", "Department", "Memo")
_LINE = (
    "Item",
    "Account",
    "Description",
    "Quantity",
    "Rate",
    "Amount",
    "Tax Code",
    "Tax Amount",
    "Gross Amount",
)
INVOICE_HEADER = (*_HEAD, *_CUSTOMER, "Date", "Due Date", *_TRANSACTION, *_LINE)
CREDIT_NOTE_HEADER = (*_HEAD, "Created From", *_CUSTOMER, "Date", *_TRANSACTION, *_LINE)


def _transaction(line: Line, settings: dict[str, Any], memo: str) -> list[str]:
    return [
        line.document.currency,
        text(settings.get("subsidiary")),
        text(settings.get("location")),
        text(settings.get("department")),
        text(memo),
    ]


def _line(line: Line) -> list[str]:
    currency = line.document.currency
    return [
        code(line.codes.item_code),
        code(line.codes.account_code),
        text(line.description),
        text_of(line.quantity),
        price(line.unit_amount, currency),
        money(line.amount_cents, currency),
        code(line.tax_code),
        money(line.tax_cents, currency),
        money(line.amount_cents + line.tax_cents, currency),
    ]


def _customer(line: Line) -> list[str]:
    return [
        text(line.document.customer["customer_external_id"]),
        text(line.document.customer["customer_name"]),
    ]


def invoice_row(line: Line, settings: dict[str, Any]) -> list[str]:
    document, dates = line.document, DATE_FORMATS[settings.get("dateFormat", "MM/DD/YYYY")]
    return [
        f"billgraph-{document.id}",
        text(document.number),
        *_customer(line),
        document.issuing_date.strftime(dates),
        document.due_date.strftime(dates),
        *_transaction(line, settings, f"billgraph invoice {document.number}"),
        *_line(line),
    ]


def credit_note_row(line: Line, settings: dict[str, Any]) -> list[str]:
    document, dates = line.document, DATE_FORMATS[settings.get("dateFormat", "MM/DD/YYYY")]
    return [
        f"billgraph-{document.id}",
        text(document.number),
        text(document.reference),
        *_customer(line),
        document.issuing_date.strftime(dates),
        *_transaction(line, settings, f"billgraph credit note {document.number} on {document.reference}"),
        *_line(line),
    ]
