"""The Revenue screen against the live demo server: members with analytics:view land on it and see
it linked, others get the Forbidden page and no link; with the customer filter the four tables show
exactly the graph's figures for a customer of this module's own (one-off invoices from the demo's
add-on); the currency and month filters live in the URL and come back on reload; axe-core finds no
serious or critical violation."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from playwright.async_api import Page, expect

from tests.console.conftest import DEMO_MEMBERS, DEMO_PASSWORD, LiveServer, serious_violations
from tests.console.test_invoices import create_invoice, money
from tests.console.test_shell import expected_landing, expected_navigation, sign_in

FIGURES = """query($c: ID) {
  mrrs(customerId: $c) { month currency amountCents }
  grossRevenues(customerId: $c) { month currency invoicesCount invoicedAmountCents refundedAmountCents amountCents }
  outstandingInvoices(customerId: $c) { month currency invoicesCount amountCents overdueInvoicesCount overdueAmountCents }
}"""
NO_ANALYTICS = ("noanalytics@demo.example", "no analytics password 1", ["customers:view", "invoices:view"])


@pytest.fixture(scope="module")
def customer(live_server: LiveServer) -> dict[str, Any]:
    admin = live_server.login(DEMO_MEMBERS[0])
    code = f"rev_{uuid.uuid4().hex[:8]}"
    created = live_server.ok(
        'mutation($x: String!) { createCustomer(input: {externalId: $x, name: $x, currency: "EUR"}) { id name } }',
        admin,
        x=code,
    )["createCustomer"]
    add_on = next(
        a["id"]
        for a in live_server.ok("{ addOns(limit: 100) { collection { id code } } }", admin)["addOns"][
            "collection"
        ]
        if a["code"] == "onboarding"
    )
    for units in ("1", "3"):
        assert create_invoice(live_server, admin, created["id"], add_on, units)["status"] == "FINALIZED"
    return {**created, "token": admin}


@pytest.mark.parametrize("email", DEMO_MEMBERS)
async def test_members_land_per_the_route_table_and_see_revenue_exactly_with_analytics(
    page: Page, live_server: LiveServer, email: str
) -> None:
    permissions = live_server.permissions(email)
    await page.goto("/")
    await sign_in(page, email)
    await expect(page).to_have_url(re.compile(re.escape(expected_landing(permissions)) + "$"))
    nav = page.get_by_role("navigation", name="Main")
    await expect(nav.get_by_role("link")).to_have_text(expected_navigation(permissions))
    await page.goto("/revenue")
    if "analytics:view" in permissions:
        await expect(page.get_by_role("heading", name="Revenue", level=1)).to_be_visible()
    else:
        await expect(page.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()
        await expect(nav.get_by_role("link", name="Revenue")).to_have_count(0)


async def test_a_member_without_analytics_gets_the_forbidden_page(
    page: Page, live_server: LiveServer
) -> None:
    admin = live_server.login(DEMO_MEMBERS[0])
    email, password, granted = NO_ANALYTICS
    live_server.ok(
        'mutation($p: [String!]!) { createRole(input: {code: "rev_reader", name: "Rev reader", permissions: $p}) { id } }',
        admin,
        p=granted,
    )
    invite = live_server.ok(
        'mutation($e: String!) { createInvite(input: {email: $e, roles: ["rev_reader"]}) { invite { token } } }',
        admin,
        e=email,
    )["createInvite"]["invite"]["token"]
    live_server.ok(
        "mutation($t: String!, $p: String!) { acceptInvite(input: {token: $t, password: $p}) { token } }",
        t=invite,
        p=password,
    )
    await page.goto("/revenue")
    await sign_in(page, email, password)
    await expect(page.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()
    await expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Revenue")
    ).to_have_count(0)


async def test_the_customer_filter_shows_exactly_the_graphs_figures(
    page: Page, live_server: LiveServer, customer: dict[str, Any]
) -> None:
    answer = live_server.ok(FIGURES, customer["token"], c=customer["id"])
    await page.goto(f"/revenue?customer={customer['id']}")
    await sign_in(page, DEMO_MEMBERS[2], DEMO_PASSWORD)
    await expect(page.get_by_text(f"Figures of {customer['name']}")).to_be_visible()
    gross = page.get_by_role("table", name="Gross revenue figures")
    rows = [r for r in answer["grossRevenues"] if r["currency"] == "EUR"]
    await expect(gross.get_by_role("row")).to_have_count(len(rows) + 1)
    total = sum(int(r["amountCents"]) for r in rows)
    assert total > 0
    for row in rows:
        if int(row["amountCents"]):
            await expect(
                gross.get_by_role("row").filter(has_text=money(int(row["amountCents"]), "EUR"))
            ).to_have_count(1)
    outstanding = page.get_by_role("table", name="Outstanding invoices figures")
    await expect(outstanding.get_by_role("row")).to_have_count(len(answer["outstandingInvoices"]) + 1)
    if not answer["mrrs"]:
        await expect(page.get_by_text("No recurring revenue in these months.")).to_be_visible()
    await expect(page.get_by_role("img", name="Gross revenue chart")).to_be_visible()


async def test_the_currency_and_months_are_in_the_url_and_restore_on_reload(page: Page) -> None:
    await page.goto("/revenue?currency=EUR&from=2026-01&to=2026-06")
    await sign_in(page, DEMO_MEMBERS[0], DEMO_PASSWORD)
    await expect(page.get_by_label("From month")).to_have_value("2026-01")
    await page.get_by_label("To month").fill("2026-09")
    await expect(page).to_have_url(re.compile(r"to=2026-09"))
    await page.reload()
    await expect(page.get_by_label("To month")).to_have_value("2026-09")
    await expect(page.get_by_label("From month")).to_have_value("2026-01")
    await expect(page.get_by_role("combobox", name="Currency")).to_have_value("EUR")


async def test_the_revenue_screen_is_accessible(axe_page: Page, customer: dict[str, Any]) -> None:
    await axe_page.goto(f"/revenue?customer={customer['id']}")
    await sign_in(axe_page, DEMO_MEMBERS[0], DEMO_PASSWORD)
    await expect(axe_page.get_by_role("table", name="Gross revenue figures")).to_be_visible()
    await expect(axe_page.get_by_label(re.compile(r"^Loading"))).to_have_count(0)
    assert await serious_violations(axe_page) == []
