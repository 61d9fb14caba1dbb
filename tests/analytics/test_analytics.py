"""Analytics by month and currency, on small histories worked out by hand: how MRR spreads a fee over
its service days, how refunds and unpaid invoices show, the range rules, and who may see them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from app.db.engine import Database
from tests.catalogue import plan
from tests.credit_notes.conftest import CREATE, PAY, Billed, note
from tests.helpers import Factory
from tests.invoicing.conftest import Setup, bill, customer, invoices, subscribe, usage

MRRS = """query($from: Date, $to: Date, $currency: String, $customer: ID) {
  mrrs(fromMonth: $from, toMonth: $to, currency: $currency, customerId: $customer) { month currency amountCents } }"""
GROSS = """query($from: Date, $to: Date) {
  grossRevenues(fromMonth: $from, toMonth: $to) { month currency invoicesCount invoicedAmountCents
    refundedAmountCents amountCents } }"""


def _spread(amount: int, days: list[int]) -> list[int]:
    whole = sum(days)
    return [int((Decimal(amount) * d / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)) for d in days]


async def test_a_yearly_fee_spreads_over_its_months_by_their_days(
    setup: Setup, db: Database, factory: Factory
) -> None:
    org = setup.org
    yearly = await plan(org.admin, "yearly", [], interval="YEARLY", amountCents=36500, payInAdvance=True)
    acme = await customer(org, "acme")
    await subscribe(org, acme, yearly["id"], "sub_acme", "2026-01-01T00:00:00+00:00")
    await bill(db, "2026-01-01T00:00:01+00:00")

    got = (await org.admin(MRRS, **{"from": "2026-01-01", "to": "2026-12-01"})).ok("mrrs")

    days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    assert [(m["month"], m["amountCents"]) for m in got] == [
        (f"2026-{i:02}-01", cents) for i, cents in enumerate(_spread(36500, days), start=1)
    ]
    assert got[0]["amountCents"] == 3100  # 100 a day


async def test_an_anniversary_month_lands_in_the_two_months_it_serves(setup: Setup, db: Database) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    await subscribe(
        org, acme, setup.plans["arrears"], "sub_acme", "2026-01-15T00:00:00+00:00", billingTime="ANNIVERSARY"
    )
    await bill(db, "2026-02-15T00:00:01+00:00")

    got = (await org.admin(MRRS, **{"from": "2026-01-01", "to": "2026-03-01", "currency": "eur"})).ok("mrrs")

    # 1000 for 15 January to 14 February: 17 days in January, 14 in February
    assert [(m["month"], m["amountCents"]) for m in got] == [
        ("2026-01-01", 548),
        ("2026-02-01", 452),
        ("2026-03-01", 0),
    ]


async def test_gross_revenue_counts_invoice_totals_less_refunds_by_month(billed: Billed) -> None:
    invoice = billed.invoice["id"]
    (await billed.org.admin(PAY, id=invoice)).ok()
    (await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 500)], credit=100, refund=500))).ok()
    month = billed.invoice["issuingDate"][:8] + "01"

    got = (await billed.finance(GROSS, **{"from": month, "to": month})).ok("grossRevenues")
    none = (await billed.finance(GROSS, **{"from": "2020-01-01", "to": "2020-02-01"})).ok("grossRevenues")

    assert got == [
        {
            "month": month,
            "currency": "EUR",
            "invoicesCount": 1,
            "invoicedAmountCents": 1600,
            "refundedAmountCents": 500,
            "amountCents": 1100,
        }
    ]
    assert none == []  # no currency has a figure in the range


async def test_outstanding_invoices_and_invoiced_usage(setup: Setup, db: Database) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    await usage(org, "sub_acme", ["2026-01-10T00:00:00+00:00"] * 40 + ["2026-02-10T00:00:00+00:00"] * 10)
    await bill(db, "2026-03-01T00:00:00+00:00")
    january, _ = await invoices(org, acme)
    await org.admin(
        "mutation($id: ID!) { updateInvoice(input: {id: $id, paymentStatus: SUCCEEDED}) { id } }",
        id=january["id"],
    )
    query = """query { outstandingInvoices(fromMonth: "2026-02-01", toMonth: "2026-03-01") {
        month invoicesCount amountCents overdueInvoicesCount overdueAmountCents }
      invoicedUsages(fromMonth: "2026-02-01", toMonth: "2026-03-01") {
        month billableMetricCode billableMetricName units amountCents } }"""

    got = (await org.admin(query)).ok()

    assert got["outstandingInvoices"] == [
        {
            "month": "2026-02-01",
            "invoicesCount": 0,
            "amountCents": 0,
            "overdueInvoicesCount": 0,
            "overdueAmountCents": 0,
        },
        {
            "month": "2026-03-01",
            "invoicesCount": 1,
            "amountCents": 1212,
            "overdueInvoicesCount": 1,
            "overdueAmountCents": 1212,
        },
    ]
    assert got["invoicedUsages"] == [
        {
            "month": "2026-02-01",
            "billableMetricCode": "api_calls",
            "billableMetricName": "Api Calls",
            "units": "40",
            "amountCents": 40,
        },
        {
            "month": "2026-03-01",
            "billableMetricCode": "api_calls",
            "billableMetricName": "Api Calls",
            "units": "10",
            "amountCents": 10,
        },
    ]


async def test_a_range_is_checked(factory: Factory) -> None:
    org = await factory.organization()

    backwards = await org.admin(MRRS, **{"from": "2026-05-01", "to": "2026-01-01"})
    too_long = await org.admin(MRRS, **{"from": "2000-01-01", "to": "2026-01-01"})
    bad_currency = await org.admin(MRRS, currency="EURO")

    assert backwards.error()["extensions"]["fields"] == {"fromMonth": "must not be after toMonth"}
    assert too_long.error()["extensions"]["fields"] == {"fromMonth": "a range covers at most 120 months"}
    assert bad_currency.error()["extensions"]["fields"] == {
        "currency": "'EURO' is not an ISO 4217 currency code"
    }


async def test_managers_see_no_revenue_figures_finance_does(billed: Billed) -> None:
    figures = "query($id: ID!) { customer(id: $id) { name mrrCents grossRevenueCents } }"

    by_manager = await billed.manager(figures, id=billed.customer_id)
    query_by_manager = await billed.manager(GROSS)
    by_finance = (await billed.finance(figures, id=billed.customer_id)).ok("customer")

    assert by_manager.data == {"customer": {"name": "Acme", "mrrCents": None, "grossRevenueCents": None}}
    assert sorted(e["extensions"]["code"] for e in by_manager.errors) == ["FORBIDDEN", "FORBIDDEN"]
    assert query_by_manager.code == "FORBIDDEN"
    assert query_by_manager.error()["extensions"]["requiredPermissions"] == ["analytics:view"]
    assert by_finance == {"name": "Acme", "mrrCents": 0, "grossRevenueCents": 1600}


async def test_another_organizations_figures_never_mix_in(billed: Billed, factory: Factory) -> None:
    other = await factory.organization()
    month = billed.invoice["issuingDate"][:8] + "01"

    theirs = (await other.admin(GROSS, **{"from": month, "to": month})).ok("grossRevenues")
    by_customer = (await other.admin(MRRS, customer=billed.customer_id)).ok("mrrs")

    assert theirs == []
    assert by_customer == []


async def test_unused_time_given_back_comes_off_the_months_it_gives_back(setup: Setup, db: Database) -> None:
    from tests.invoicing.lifecycle import Clock, at, create, terminate

    # given a yearly plan of 36500 paid in advance (100 a day), from January 1st
    org = setup.org
    yearly = await plan(org.admin, "yearly", [], interval="YEARLY", amountCents=36500, payInAdvance=True)
    acme = await customer(org, "acme")
    with Clock(at("2026-01-01T00:00:00+00:00")).installed() as clock:
        subscription = await create(org, acme, yearly["id"], "sub_acme")
        await bill(db, "2026-01-01T00:00:01+00:00")
        # when it ends on April 1st: April 1st to December 31st (275 days) come back, 27500 (+VAT)
        clock.set("2026-04-01T00:00:00+00:00")
        await terminate(org, subscription["id"])

    got = (await org.admin(MRRS, **{"from": "2026-01-01", "to": "2026-12-01"})).ok("mrrs")

    # then MRR is the three months served, and nothing after
    assert [(m["month"], m["amountCents"]) for m in got] == [
        ("2026-01-01", 3100),
        ("2026-02-01", 2800),
        ("2026-03-01", 3100),
    ] + [(f"2026-{i:02}-01", 0) for i in range(4, 13)]
    notes = (
        await org.admin("{ creditNotes { collection { reason subTotalExcludingTaxesAmountCents } } }")
    ).ok("creditNotes")["collection"]
    assert notes == [{"reason": "ORDER_CANCELLATION", "subTotalExcludingTaxesAmountCents": 27500}]
