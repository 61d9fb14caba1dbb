"""Finance closes the demo year: analytics figures match totals computed here from the independent
expectation of every invoice, a refund shows in gross revenue, and the accounting export re-imported
with the csv module adds up to the invoices' totals."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from decimal import Decimal
from typing import Any

from app.db.engine import Database
from app.settings import Settings
from tests.credit_notes.conftest import CREATE, note
from tests.helpers import Api, Response
from tests.workflows.demo_year import DemoYear, bill_demo_year, expected_invoices

RANGE = {"fromMonth": "2026-01-01", "toMonth": "2027-01-01"}
MONTHS = [f"2026-{m:02}-01" for m in range(1, 13)] + ["2027-01-01"]


def _month(year_month: tuple[int, int]) -> str:
    return f"{year_month[0]}-{year_month[1]:02}-01"


async def _finance(year: DemoYear, db: Database, settings: Settings, api: Api) -> Any:
    from app.users import service as users

    async with db.sessionmaker() as session:
        user = await users.find_by_email(session, "finance@demo.billgraph.dev")
    assert user is not None
    token = users.access_token(settings, user)

    async def call(document: str, **variables: Any) -> Response:
        return await api(document, variables, token=token)

    call.token = token  # type: ignore[attr-defined]
    return call


async def _invoices(year: DemoYear) -> dict[str, list[dict[str, Any]]]:
    listing = """query($c: ID) { invoices(customerId: $c, limit: 100) { collection {
      id number sequentialId issuingDate paymentDueDate totalAmountCents fees { id feeType } } } }"""
    found = {}
    for external_id, customer_id in year.ids.items():
        collection = (await year.admin(listing, c=customer_id)).ok("invoices")["collection"]
        found[external_id] = sorted(collection, key=lambda i: i["sequentialId"])
    return found


async def test_analytics_of_the_demo_year_match_independent_totals(
    db: Database, settings: Settings, api: Api
) -> None:
    year = await bill_demo_year(db, settings, api)
    finance = await _finance(year, db, settings, api)
    expected = {external_id: expected_invoices(c) for external_id, c in year.customers.items()}
    invoices = await _invoices(year)
    # given: acme pays everything, and gets its first fee (10.00 + VAT) refunded
    for invoice in invoices["cus_acme"]:
        paid = "mutation($id: ID!) { updateInvoice(input: {id: $id, paymentStatus: SUCCEEDED}) { id } }"
        (await year.admin(paid, id=invoice["id"])).ok()
    first = invoices["cus_acme"][0]
    refund = (await finance(CREATE, **note(first["id"], [(first["fees"][0]["id"], 1000)], refund=1200))).ok(
        "createCreditNote"
    )

    gross: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    mrr: dict[str, int] = defaultdict(int)
    usage: dict[tuple[str, str], int] = defaultdict(int)
    unpaid: dict[str, int] = defaultdict(int)
    for external_id, customer in year.customers.items():
        for index, (totals, lines) in enumerate(
            zip(expected[external_id], customer.billed_lines, strict=True)
        ):
            month = _month(year.issuing_month(external_id, index))
            gross[month] += totals["totalAmountCents"]
            counts[month] += 1
            if external_id != "cus_acme" and totals["totalAmountCents"] > 0:
                unpaid[month] += totals["totalAmountCents"]
            for metric, amount, discount in lines:
                if metric == "fee":  # invoice n carries the fee of month n+1 (in advance or in arrears)
                    served = index + 1
                    mrr[_month((2026, served) if served <= 12 else (2027, served - 12))] += amount - discount
                else:
                    usage[(month, metric)] += amount
    refund_month = refund["issuingDate"][:8] + "01"
    figures = """query($from: Date, $to: Date) {
      grossRevenues(fromMonth: $from, toMonth: $to) { month currency invoicesCount invoicedAmountCents
        refundedAmountCents amountCents }
      mrrs(fromMonth: $from, toMonth: $to, currency: "EUR") { month amountCents }
      invoicedUsages(fromMonth: $from, toMonth: $to) { month currency billableMetricCode amountCents }
      outstandingInvoices(fromMonth: $from, toMonth: $to) { month invoicesCount amountCents } }"""

    got = (await finance(figures, **{"from": "2026-01-01", "to": "2027-01-01"})).ok()
    acme = (
        await finance(
            "query($id: ID!) { customer(id: $id) { mrrCents grossRevenueCents } }", id=year.ids["cus_acme"]
        )
    ).ok("customer")
    mrr_of_all = (await finance("query { customers(limit: 100) { collection { externalId mrrCents } } }")).ok(
        "customers"
    )["collection"]

    assert [(g["month"], g["invoicesCount"], g["invoicedAmountCents"]) for g in got["grossRevenues"]] == [
        (month, counts[month], gross[month]) for month in MONTHS
    ]
    refunded = {
        g["month"]: g["refundedAmountCents"] for g in got["grossRevenues"] if g["refundedAmountCents"]
    }
    assert refunded == ({refund_month: 1200} if refund_month in MONTHS else {})
    assert all(
        g["amountCents"] == g["invoicedAmountCents"] - g["refundedAmountCents"] for g in got["grossRevenues"]
    )
    assert {(m["month"], m["amountCents"]) for m in got["mrrs"]} == {(month, mrr[month]) for month in MONTHS}
    assert {(u["month"], u["billableMetricCode"]): u["amountCents"] for u in got["invoicedUsages"]} == {
        key: amount for key, amount in usage.items()
    }
    assert {o["month"]: o["amountCents"] for o in got["outstandingInvoices"]} == {
        month: unpaid[month] for month in MONTHS
    }
    acme_total = sum(totals["totalAmountCents"] for totals in expected["cus_acme"])
    assert acme == {"mrrCents": 1000, "grossRevenueCents": acme_total - 1200}
    assert {c["externalId"]: c["mrrCents"] for c in mrr_of_all} == {
        external_id: customer.fee_cents for external_id, customer in year.customers.items()
    }


async def test_the_export_of_the_demo_year_adds_up_to_the_invoices_totals(
    db: Database, settings: Settings, api: Api
) -> None:
    year = await bill_demo_year(db, settings, api)
    finance = await _finance(year, db, settings, api)
    invoices = await _invoices(year)
    totals = {i["number"]: i["totalAmountCents"] for listed in invoices.values() for i in listed}

    reply = await api.client.get(
        "/api/v1/exports/invoices.csv",
        params={"from": "2026-01-01", "to": "2027-01-31"},
        headers={"authorization": f"Bearer {finance.token}"},
    )

    assert reply.status_code == 200
    assert reply.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    summed: dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        summed[row["invoice_number"]] += Decimal(row["total"])
        assert Decimal(row["net_amount"]) + Decimal(row["tax_amount"]) == Decimal(row["total"]), row
        assert Decimal(row["amount"]) - Decimal(row["discount"]) == Decimal(row["net_amount"]), row
    assert {number: int(amount * 100) for number, amount in summed.items()} == totals
    assert len(totals) == 148
    fees = sum(len(i["fees"]) for listed in invoices.values() for i in listed)
    prepaid = sum(1 for row in rows if row["line_type"] == "prepaid_credit")
    assert len(rows) == fees + prepaid
