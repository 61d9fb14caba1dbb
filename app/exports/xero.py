"""Xero's sales invoice and credit note import templates (Business > Invoices > Import): one row per
line, amounts tax exclusive in major units, the tax amount of each line given, dates as the
integration's ``dateFormat`` says. Credit notes use Xero's credit note template, amounts positive,
their invoice's number as the reference."""

from __future__ import annotations

from typing import Any

from app.core.decimals import text_of
from app.exports.csv_format import code, money, price, text
from app.exports.ledger import Line

_CONTACT = (
    "*ContactName",
    "EmailAddress",
    "POAddressLine1",
    "POAddressLine2",
    "POAddressLine3",
    "POAddressLine4",
    "POCity",
    "PORegion",
    "POPostalCode",
    "POCountry",
)
_LINE = (
    "InventoryItemCode",
    "*Description",
    "*Quantity",
    "*UnitAmount",
    "Discount",
    "*AccountCode",
    "*TaxType",
    "TaxAmount",
    "TrackingName1",
    "TrackingOption1",
    "TrackingName2",
    "TrackingOption2",
    "Currency",
    "BrandingTheme",
)
INVOICE_HEADER = (*_CONTACT, "*InvoiceNumber", "Reference", "*InvoiceDate", "*DueDate", "Total", *_LINE)
CREDIT_NOTE_HEADER = (*_CONTACT, "*CreditNoteNumber", "Reference", "*CreditNoteDate", "Total", *_LINE)

DATE_FORMATS = {"DD/MM/YYYY": "%d/%m/%Y", "MM/DD/YYYY": "%m/%d/%Y", "YYYY-MM-DD": "%Y-%m-%d"}


def _contact(line: Line) -> list[str]:
    c = line.document.customer
    return [
        text(c["customer_name"]),
        text(c["customer_email"]),
        text(c["address_line1"]),
        text(c["address_line2"]),
        "",
        "",
        text(c["city"]),
        text(c["region"]),
        text(c["postal_code"]),
        text(c["country"]),
    ]


def _line(line: Line, settings: dict[str, Any]) -> list[str]:
    currency = line.document.currency
    return [
        code(line.codes.item_code),
        text(line.description),
        text_of(line.quantity),
        price(line.unit_amount, currency),
        "",
        code(line.codes.account_code),
        code(line.tax_code),
        money(line.tax_cents, currency),
        "",
        "",
        "",
        "",
        currency,
        text(settings.get("brandingTheme")),
    ]


def invoice_row(line: Line, settings: dict[str, Any]) -> list[str]:
    document, dates = line.document, DATE_FORMATS[settings.get("dateFormat", "DD/MM/YYYY")]
    return [
        *_contact(line),
        text(document.number),
        "",
        document.issuing_date.strftime(dates),
        document.due_date.strftime(dates),
        money(document.total_cents, document.currency),
        *_line(line, settings),
    ]


def credit_note_row(line: Line, settings: dict[str, Any]) -> list[str]:
    document, dates = line.document, DATE_FORMATS[settings.get("dateFormat", "DD/MM/YYYY")]
    return [
        *_contact(line),
        text(document.number),
        text(document.reference),
        document.issuing_date.strftime(dates),
        money(document.total_cents, document.currency),
        *_line(line, settings),
    ]
