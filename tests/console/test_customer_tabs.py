"""A customer's page in a real browser: its invoices, credit notes, current usage and revenue tabs show
exactly what the graph says of that customer, and each tab is shown exactly when the member holds the
permissions console/src/customers/tabs.ts declares for it. The customer, its subscription (Starter:
0.002 EUR per API call), 1,500 events, a one-off invoice and a credit note on it are made through the
graph for this module."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from playwright.async_api import Page, expect

from tests.console.conftest import DEMO_MEMBERS, LiveServer, axe_script, serious_violations
from tests.console.test_every_screen import customer_tabs
from tests.console.test_invoices import money, signed_in

ADMIN, MANAGER, FINANCE = DEMO_MEMBERS
EVENTS = 1500  # 1,500 API calls at 0.002 EUR: 3.00 EUR of usage


@dataclass(frozen=True)
class Customer:
    id: str
    name: str
    subscription_external_id: str
    invoice_number: str
    invoice_total_cents: int
    credit_note_number: str
    credit_note_total_cents: int


@pytest.fixture(scope="module")
def customer(live_server: LiveServer) -> Customer:
    admin = live_server.login(ADMIN)
    suffix = uuid.uuid4().hex[:8]
    name = f"Tabs Customer {suffix}"
    made = live_server.ok(
        'mutation($x: String!, $n: String!) { createCustomer(input: {externalId: $x, name: $n, currency: "EUR"}) '
        "{ id } }",
        admin,
        x=f"cus_tabs_{suffix}",
        n=name,
    )["createCustomer"]
    plans = live_server.ok("{ plans { collection { id code } } }", admin)["plans"]["collection"]
    starter = next(p["id"] for p in plans if p["code"] == "starter")
    external = f"sub_tabs_{suffix}"
    live_server.ok(
        "mutation($c: ID!, $p: ID!, $x: String!) { createSubscription(input: {customerId: $c, planId: $p, "
        "externalId: $x}) { id status } }",
        admin,
        c=made["id"],
        p=starter,
        x=external,
    )
    events = [
        {"transactionId": f"tabs-{suffix}-{n}", "externalSubscriptionId": external, "code": "api_calls"}
        for n in range(EVENTS)
    ]
    for start in range(0, EVENTS, 1000):
        sent = live_server.ok(
            "mutation($e: [EventInput!]!) { createEvents(input: {events: $e}) { created rejected } }",
            admin,
            e=events[start : start + 1000],
        )["createEvents"]
        assert sent["rejected"] == 0, sent
    add_ons = live_server.ok("{ addOns(limit: 100) { collection { id code } } }", admin)["addOns"][
        "collection"
    ]
    add_on = next(a["id"] for a in add_ons if a["code"] == "onboarding")  # the demo's, in EUR
    invoice = live_server.ok(
        'mutation($c: ID!, $a: ID!) { createInvoice(input: {customerId: $c, currency: "EUR", '
        'fees: [{addOnId: $a, units: "1"}]}) { id number totalAmountCents fees { id amountCents } } }',
        admin,
        c=made["id"],
        a=add_on,
    )["createInvoice"]
    fee = invoice["fees"][0]
    note = live_server.ok(
        "mutation($i: ID!, $f: ID!) { createCreditNote(input: {invoiceId: $i, reason: ORDER_CHANGE, "
        'items: [{feeId: $f, amountCents: "1000"}], creditAmountCents: "1200"}) '
        "{ number totalAmountCents } }",
        admin,
        i=invoice["id"],
        f=fee["id"],
    )["createCreditNote"]
    return Customer(
        made["id"],
        name,
        external,
        invoice["number"],
        int(invoice["totalAmountCents"]),
        note["number"],
        int(note["totalAmountCents"]),
    )


async def open_tab(page: Page, customer: Customer, label: str) -> None:
    await expect(page.get_by_role("heading", name=customer.name, level=1)).to_be_visible()
    await page.get_by_role("tablist", name="Customer sections").get_by_role("tab", name=label).click()
    await expect(page.get_by_role("tab", name=label, selected=True)).to_be_visible()


@pytest.mark.parametrize("member", [ADMIN, MANAGER, FINANCE])
async def test_the_tabs_shown_are_those_the_member_holds_the_permissions_of(
    page: Page, live_server: LiveServer, customer: Customer, member: str
) -> None:
    permissions = live_server.permissions(member)
    expected = [tab.label for tab in customer_tabs() if tab.permissions <= permissions]
    await signed_in(page, member, f"/customers/{customer.id}")
    tabs = page.get_by_role("tablist", name="Customer sections").get_by_role("tab")
    await expect(tabs).to_have_text(expected)
    # the revenue tab needs analytics:view: finance and admin have it, the manager has not
    assert ("Revenue" in expected) == ("analytics:view" in permissions)
    assert ("Revenue" in expected) == (member != MANAGER)


async def test_the_invoices_tab_lists_the_customers_invoices_with_exact_totals(
    page: Page, customer: Customer
) -> None:
    await signed_in(page, FINANCE, f"/customers/{customer.id}")
    await open_tab(page, customer, "Invoices")
    table = page.get_by_role("table", name=f"Invoices of {customer.name}")
    rows = table.get_by_role("row")
    await expect(rows).to_have_count(2)  # the header and the one invoice
    await expect(rows.nth(1)).to_contain_text(customer.invoice_number)
    await expect(rows.nth(1)).to_contain_text(money(customer.invoice_total_cents, "EUR"))
    await expect(page).to_have_url(f"{page.url.split('?')[0]}?tab=invoices")
    await rows.nth(1).get_by_role("link", name=customer.invoice_number).click()
    await expect(page.get_by_role("heading", name=f"Invoice {customer.invoice_number}")).to_be_visible()


async def test_the_credit_notes_tab_lists_the_customers_credit_notes(page: Page, customer: Customer) -> None:
    await signed_in(page, FINANCE, f"/customers/{customer.id}?tab=credit-notes")
    await expect(page.get_by_role("tab", name="Credit notes", selected=True)).to_be_visible()
    rows = page.get_by_role("table", name=f"Credit notes of {customer.name}").get_by_role("row")
    await expect(rows).to_have_count(2)
    await expect(rows.nth(1)).to_contain_text(customer.credit_note_number)
    await expect(rows.nth(1)).to_contain_text(money(customer.credit_note_total_cents, "EUR"))


async def test_the_usage_tab_rates_the_period_so_far_as_the_graph_does(
    page: Page, live_server: LiveServer, customer: Customer
) -> None:
    token = live_server.login(MANAGER)
    subscription = live_server.ok(
        "query($id: ID!) { customer(id: $id) { subscriptions { id externalId } } }", token, id=customer.id
    )["customer"]["subscriptions"][0]
    usage = live_server.ok(
        "query($c: ID!, $s: ID!) { customerUsage(customerId: $c, subscriptionId: $s) "
        "{ amountCents chargesUsage { units amountCents billableMetric { code } } } }",
        token,
        c=customer.id,
        s=subscription["id"],
    )["customerUsage"]
    assert int(usage["amountCents"]) == 300
    calls = next(c for c in usage["chargesUsage"] if c["billableMetric"]["code"] == "api_calls")
    assert (calls["units"], int(calls["amountCents"])) == ("1500", 300)

    await signed_in(page, MANAGER, f"/customers/{customer.id}")
    await open_tab(page, customer, "Current usage")
    await expect(page.get_by_text(f"({customer.subscription_external_id}): usage from")).to_contain_text(
        money(300, "EUR")
    )
    row = page.get_by_role("table", name="Usage by charge").get_by_role("row", name="API calls (api_calls)")
    await expect(row).to_contain_text("1,500")
    await expect(row).to_contain_text(money(300, "EUR"))


async def test_the_revenue_tab_shows_the_customers_gross_revenue(
    page: Page, live_server: LiveServer, customer: Customer
) -> None:
    token = live_server.login(FINANCE)
    gross = live_server.ok(
        "query($c: ID!) { grossRevenues(customerId: $c) { month amountCents } }", token, c=customer.id
    )["grossRevenues"]
    this_month = [row for row in gross if int(row["amountCents"]) != 0]
    assert len(this_month) == 1, gross
    await signed_in(page, FINANCE, f"/customers/{customer.id}?tab=revenue")
    await expect(page.get_by_role("tab", name="Revenue", selected=True)).to_be_visible()
    await expect(page.get_by_role("heading", name="Gross revenue")).to_be_visible()
    amount = money(int(this_month[0]["amountCents"]), "EUR")
    await expect(
        page.get_by_role("table", name="Gross revenue figures").get_by_text(amount).first
    ).to_be_visible()
    await page.get_by_role("link", name="Open in Revenue, with every figure and filter").click()
    await expect(page.get_by_role("heading", name="Revenue", level=1)).to_be_visible()
    await expect(page.get_by_text(f"Figures of {customer.name}")).to_be_visible()


@pytest.mark.parametrize("tab", ["invoices", "credit-notes", "usage", "revenue"])
async def test_each_tab_has_no_serious_accessibility_violation(
    axe_page: Page, customer: Customer, tab: str
) -> None:
    axe_script()
    await signed_in(axe_page, FINANCE, f"/customers/{customer.id}?tab={tab}")
    await expect(axe_page.get_by_role("tabpanel")).to_be_visible()
    await expect(axe_page.get_by_label("Loading", exact=False)).to_have_count(0)
    assert await serious_violations(axe_page) == []
