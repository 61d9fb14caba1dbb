"""Exports in the accounting tools' own import formats (a Xero sales-invoice and credit-note CSV, a
NetSuite invoice and credit-memo CSV), coded with the integration's mappings: each document's lines add
up to its total to the cent, discounts and deductions are lines of their own, and the endpoints declare
both permissions and never show another organization's integration."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
import pytest

from app.db.engine import Database
from tests.credit_notes.conftest import CREATE as CREATE_NOTE
from tests.credit_notes.conftest import note
from tests.helpers import Factory, Member, Org
from tests.invoicing.conftest import Setup, bill, customer, invoices, subscribe

RANGE = {"from": "2026-02-01", "to": "2026-03-31"}
EVER = {"from": "2000-01-01", "to": "2100-12-31"}  # credit notes are issued today
INTEGRATION = "mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { id } }"
MAP = """mutation($id: ID!, $mappings: [IntegrationMappingInput!]!) {
  setIntegrationMappings(input: {integrationId: $id, mappings: $mappings}) { id } }"""
COUPON = """mutation { createCoupon(input: {name: "Welcome", code: "welcome", couponType: FIXED_AMOUNT,
  amountCents: 300, amountCurrency: "EUR", frequency: ONCE}) { id } }"""
APPLY = "mutation($c: ID!, $k: ID!) { createAppliedCoupon(input: {customerId: $c, couponId: $k}) { id } }"
WALLET = """mutation($c: ID!) { createCustomerWallet(input: {customerId: $c, currency: "EUR",
  rateAmount: "1", grantedCredits: "5"}) { id } }"""
TAX_ID = "{ taxes { collection { id code } } }"


@dataclass
class Books:
    org: Org
    finance: Member
    january: dict[str, Any]
    february: dict[str, Any]
    credit_note: dict[str, Any]
    xero: str
    netsuite: str


async def _integration(org: Org, kind: str, code: str, setup: Setup, tax_id: str, **codes: str) -> str:
    credentials = (
        {"clientId": "id", "clientSecret": "s"}
        if kind == "XERO"
        else {"consumerKey": "k", "consumerSecret": "s", "tokenId": "t", "tokenSecret": "s"}
    )
    settings = {"subsidiary": "Billgraph Ltd", "location": "EU"} if kind == "NETSUITE" else {}
    created = await org.admin(
        INTEGRATION,
        input={"kind": kind, "name": code, "code": code, "credentials": credentials, "settings": settings},
    )
    integration = str(created.ok("createIntegration")["id"])
    field = "accountCode" if kind == "XERO" else "itemCode"
    mappings = [
        {
            "mappableType": "BILLABLE_METRIC",
            "mappableId": setup.metric_id,
            "itemCode": "API" if kind == "XERO" else codes["metric"],
            field: codes["metric"],
        },
        {"mappableType": "SUBSCRIPTION_FEE", field: codes["subscription"]},
        {"mappableType": "COUPON", field: codes["coupon"]},
        {"mappableType": "CREDIT_NOTE", field: codes["credit_note"]},
        {"mappableType": "PREPAID_CREDIT", field: codes["prepaid"]},
        {"mappableType": "TAX", "mappableId": tax_id, "taxCode": codes["tax"]},
    ]
    (await org.admin(MAP, id=integration, mappings=mappings)).ok()
    return integration


@pytest.fixture
async def books(setup: Setup, db: Database, factory: Factory) -> Books:
    """January: a subscription fee and 1,234 API calls, a 3.00 coupon, 5.00 of prepaid credits; a
    credit note of 1.00 (+ tax) on its subscription fee, spent by February's invoice."""
    org = setup.org
    acme = await customer(org, "acme", name="Acme Ltd", email="ap@acme.test")
    coupon = (await org.admin(COUPON)).ok("createCoupon")["id"]
    (await org.admin(APPLY, c=acme, k=coupon)).ok()
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    (await org.admin(WALLET, c=acme)).ok()
    await _calls(org, 1234)
    await bill(db, "2026-02-01T00:00:00+00:00")
    (january,) = await invoices(org, acme)
    fees = (
        await org.admin("query($id: ID!) { invoice(id: $id) { fees { id feeType } } }", id=january["id"])
    ).ok("invoice")["fees"]
    subscription_fee = next(f["id"] for f in fees if f["feeType"] == "SUBSCRIPTION")
    finance = await factory.member(org, "finance")
    credit_note = (
        await finance(CREATE_NOTE, **note(january["id"], [(subscription_fee, 100)], credit=120))
    ).ok("createCreditNote")
    await bill(db, "2026-03-01T00:00:00+00:00")
    _, february = await invoices(org, acme)
    tax_id = (await org.admin(TAX_ID)).ok("taxes")["collection"][0]["id"]
    xero = await _integration(
        org,
        "XERO",
        "xero",
        setup,
        tax_id,
        metric="200",
        subscription="210",
        coupon="260",
        credit_note="855",
        prepaid="850",
        tax="20% (VAT on Income)",
    )
    netsuite = await _integration(
        org,
        "NETSUITE",
        "netsuite",
        setup,
        tax_id,
        metric="API-CALLS",
        subscription="SUB-FEE",
        coupon="DISCOUNT",
        credit_note="CN-APPLIED",
        prepaid="PREPAID",
        tax="VAT:S-20",
    )
    return Books(org, finance, january, february, credit_note, xero, netsuite)


async def _calls(org: Org, count: int) -> None:
    document = "mutation($input: CreateEventsInput!) { createEvents(input: $input) { created } }"
    for start in range(0, count, 500):
        events = [
            {
                "transactionId": f"call-{n}",
                "externalSubscriptionId": "sub_acme",
                "code": "api_calls",
                "timestamp": "2026-01-20T10:00:00+00:00",
            }
            for n in range(start, min(count, start + 500))
        ]
        (await org.admin(document, input={"events": events})).ok()


async def _get(client: httpx.AsyncClient, who: Member, path: str, **params: str) -> httpx.Response:
    return await client.get(
        f"/api/v1/exports/{path}", params=params or RANGE, headers={"authorization": f"Bearer {who.token}"}
    )


def _rows(reply: httpx.Response) -> list[dict[str, str]]:
    assert reply.status_code == 200, reply.text
    return list(csv.DictReader(io.StringIO(reply.text)))


def _cents(value: str) -> int:
    return int(Decimal(value) * 100)


async def test_xero_invoices_are_coded_and_add_up(books: Books, client: httpx.AsyncClient) -> None:
    rows = _rows(await _get(client, books.finance, f"integrations/{books.xero}/invoices.csv"))

    totals: dict[str, int] = defaultdict(int)
    for r in rows:
        line = Decimal(r["*Quantity"]) * Decimal(r["*UnitAmount"])
        totals[r["*InvoiceNumber"]] += _cents(str(line)) + _cents(r["TaxAmount"])
    by_number = {b["number"]: b for b in (books.january, books.february)}
    january = [r for r in rows if r["*InvoiceNumber"] == books.january["number"]]
    charge = next(r for r in january if r["InventoryItemCode"] == "API")

    assert list(rows[0])[:3] == ["*ContactName", "EmailAddress", "POAddressLine1"]
    assert totals == {number: invoice["totalAmountCents"] for number, invoice in by_number.items()}
    assert [(r["*Description"], r["*AccountCode"], r["*TaxType"]) for r in january] == [
        ("Arrears (monthly)", "210", "20% (VAT on Income)"),
        ("Discount: Arrears (monthly)", "260", "20% (VAT on Income)"),
        ("Api Calls", "200", "20% (VAT on Income)"),
        ("Discount: Api Calls", "260", "20% (VAT on Income)"),
        ("Prepaid credits applied", "850", "Tax Exempt"),
    ]
    assert (charge["*Quantity"], charge["*UnitAmount"], charge["Currency"]) == ("1234", "0.01", "EUR")
    assert (charge["*ContactName"], charge["EmailAddress"]) == ("Acme Ltd", "ap@acme.test")
    assert (charge["*InvoiceDate"], charge["*DueDate"]) == ("01/02/2026", "01/02/2026")
    assert sum(_cents(r["*UnitAmount"]) for r in january if r["*AccountCode"] == "260") == -300
    assert [
        (r["*Description"], r["*UnitAmount"], r["*AccountCode"])
        for r in rows
        if r["*InvoiceNumber"] == books.february["number"]
    ][-1] == (
        "Credit notes applied",
        "-1.20",
        "855",
    )


async def test_xero_credit_notes_use_the_credit_note_template(
    books: Books, client: httpx.AsyncClient
) -> None:
    rows = _rows(await _get(client, books.finance, f"integrations/{books.xero}/credit_notes.csv", **EVER))
    issued = date.fromisoformat(books.credit_note["issuingDate"])

    assert [
        (
            r["*CreditNoteNumber"],
            r["Reference"],
            r["*CreditNoteDate"],
            r["*Description"],
            r["*Quantity"],
            r["*UnitAmount"],
            r["*AccountCode"],
            r["*TaxType"],
            r["TaxAmount"],
            r["Total"],
        )
        for r in rows
    ] == [
        (
            books.credit_note["number"],
            books.january["number"],
            issued.strftime("%d/%m/%Y"),
            "Arrears (monthly)",
            "1",
            "1.00",
            "210",
            "20% (VAT on Income)",
            "0.20",
            "1.20",
        )
    ]


async def test_netsuite_invoices_and_credit_memos(books: Books, client: httpx.AsyncClient) -> None:
    invoice_rows = _rows(await _get(client, books.finance, f"integrations/{books.netsuite}/invoices.csv"))
    memo_rows = _rows(
        await _get(client, books.finance, f"integrations/{books.netsuite}/credit_notes.csv", **EVER)
    )

    gross: dict[str, int] = defaultdict(int)
    for r in invoice_rows:
        gross[r["Document Number"]] += _cents(r["Gross Amount"])
        assert _cents(r["Amount"]) + _cents(r["Tax Amount"]) == _cents(r["Gross Amount"])
    january = [r for r in invoice_rows if r["Document Number"] == books.january["number"]]

    assert gross == {b["number"]: b["totalAmountCents"] for b in (books.january, books.february)}
    assert [(r["Item"], r["Tax Code"]) for r in january] == [
        ("SUB-FEE", "VAT:S-20"),
        ("DISCOUNT", "VAT:S-20"),
        ("API-CALLS", "VAT:S-20"),
        ("DISCOUNT", "VAT:S-20"),
        ("PREPAID", "-Not Taxable-"),
    ]
    assert {r["External ID"] for r in january} == {f"billgraph-{books.january['id']}"}
    assert (
        january[0]["Date"],
        january[0]["Subsidiary"],
        january[0]["Location"],
        january[0]["Customer External ID"],
    ) == (
        "02/01/2026",
        "Billgraph Ltd",
        "EU",
        "acme",
    )
    assert [
        (r["Document Number"], r["Created From"], r["Item"], r["Amount"], r["Tax Amount"], r["Gross Amount"])
        for r in memo_rows
    ] == [(books.credit_note["number"], books.january["number"], "SUB-FEE", "1.00", "0.20", "1.20")]


async def test_the_fee_and_its_discount_share_the_fees_tax_to_the_cent(
    books: Books, client: httpx.AsyncClient
) -> None:
    rows = _rows(await _get(client, books.finance, f"integrations/{books.netsuite}/invoices.csv"))
    fees = (
        await books.org.admin(
            "query($id: ID!) { invoice(id: $id) { fees { amountCents couponsAmountCents taxesAmountCents } } }",
            id=books.january["id"],
        )
    ).ok("invoice")["fees"]
    january = [r for r in rows if r["Document Number"] == books.january["number"]]

    pairs = [(january[0], january[1]), (january[2], january[3])]
    assert [
        (_cents(f["Amount"]), -_cents(d["Amount"]), _cents(f["Tax Amount"]) + _cents(d["Tax Amount"]))
        for f, d in pairs
    ] == [(fee["amountCents"], fee["couponsAmountCents"], fee["taxesAmountCents"]) for fee in fees]


async def test_both_permissions_are_needed_and_other_organizations_are_not_found(
    books: Books, factory: Factory, client: httpx.AsyncClient
) -> None:
    manager = await factory.member(books.org, "manager")
    await factory.role(books.org, "exporter", ["invoices:export"])
    exporter = await factory.member(books.org, "exporter")
    other = await factory.organization()

    as_manager = await _get(client, manager, f"integrations/{books.xero}/invoices.csv")
    as_exporter = await _get(client, exporter, f"integrations/{books.xero}/invoices.csv")
    foreign = await _get(client, other.admin, f"integrations/{books.xero}/invoices.csv")
    malformed = await _get(client, books.finance, "integrations/not-an-id/invoices.csv")
    audit = (
        await books.org.admin('{ auditLogs(operation: "exportInvoices") { collection { changes } } }')
    ).ok("auditLogs")["collection"]

    assert (as_manager.status_code, as_exporter.status_code) == (403, 403)
    assert as_exporter.json()["errors"][0]["extensions"]["requiredPermissions"] == [
        "invoices:export",
        "organization:integrations:view",
    ]
    assert (foreign.status_code, foreign.json()["errors"][0]["extensions"]["code"]) == (404, "NOT_FOUND")
    assert malformed.status_code == 404
    assert audit == []  # nothing was exported
    await _get(client, books.finance, f"integrations/{books.xero}/invoices.csv")
    logged = (
        await books.org.admin('{ auditLogs(operation: "exportInvoices") { collection { changes } } }')
    ).ok("auditLogs")["collection"]
    assert logged[0]["changes"][0]["changes"] == {
        "from": "2026-02-01",
        "to": "2026-03-31",
        "integration_id": books.xero,
        "format": "xero",
    }
