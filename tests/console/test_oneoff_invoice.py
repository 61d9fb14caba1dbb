"""A one-off invoice of add-ons in a real browser against the live demo server: the customer page offers
"New one-off invoice" exactly when console/src/invoices/actions.ts's canCreateInvoice says
(invoices:create and addons:view, whatever the role); the manager fills two lines of the demo's add-on
(one at its price, one with a unit amount and a description of their own), the invoice's page opens, and
the graph holds the invoice with exact amounts; the graph's validation errors show at their inputs; the
form has no serious accessibility violation. The customers are created through the graph for these tests."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from playwright.async_api import Browser, Page, expect

from tests.console.conftest import (
    DEMO_MEMBERS,
    DEMO_PASSWORD,
    LiveServer,
    axe_script,
    console_context,
    route_table,
    serious_violations,
)
from tests.console.test_shell import sign_in

MANAGER = DEMO_MEMBERS[1]
CLERK_EMAIL, CLERK_PASSWORD = "oneoff.clerk@demo.example", "oneoff clerk password"
# everything the form reads, but not invoices:create
CLERK_PERMISSIONS = ["customers:view", "invoices:view", "addons:view"]
CLERK = "clerk"
MEMBERS = [*DEMO_MEMBERS, CLERK]


@dataclass(frozen=True)
class Demo:
    admin: str  # token
    add_on: dict[str, Any]


def credentials(member: str) -> tuple[str, str]:
    return (CLERK_EMAIL, CLERK_PASSWORD) if member == CLERK else (member, DEMO_PASSWORD)


def may_create(permissions: frozenset[str]) -> bool:
    """canCreateInvoice in console/src/invoices/actions.ts."""
    return {"invoices:create", "addons:view"} <= permissions


def new_customer(live_server: LiveServer, admin: str, name: str) -> str:
    external = f"cus_oneoff_{uuid.uuid4().hex[:8]}"
    return str(
        live_server.ok(
            "mutation($e: String!, $n: String!) { createCustomer(input: {externalId: $e, name: $n}) { id } }",
            admin,
            e=external,
            n=name,
        )["createCustomer"]["id"]
    )


@pytest.fixture(scope="module")
def demo(live_server: LiveServer) -> Demo:
    admin = live_server.login(DEMO_MEMBERS[0])
    add_on = next(
        a
        for a in live_server.ok(
            "{ addOns { collection { id code name amountCents amountCurrency } } }", admin
        )["addOns"]["collection"]
        if a["code"] == "onboarding"
    )
    live_server.ok(
        'mutation($p: [String!]!) { createRole(input: {code: "oneoff_clerk", name: "One-off clerk", '
        "permissions: $p}) { id } }",
        admin,
        p=CLERK_PERMISSIONS,
    )
    invite = live_server.ok(
        'mutation($e: String!) { createInvite(input: {email: $e, roles: ["oneoff_clerk"]}) { invite { token } } }',
        admin,
        e=CLERK_EMAIL,
    )["createInvite"]["invite"]["token"]
    live_server.ok(
        "mutation($t: String!, $p: String!) { acceptInvite(input: {token: $t, password: $p}) { token } }",
        t=invite,
        p=CLERK_PASSWORD,
    )
    return Demo(admin, add_on)


async def signed_in(page: Page, member: str, path: str) -> None:
    email, password = credentials(member)
    await page.goto(path)
    await sign_in(page, email, password)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()


async def choose_add_on(page: Page, line: int, name: str) -> None:
    group = page.get_by_role("group", name=f"Line {line}")
    await group.get_by_role("combobox", name="Add-on").click()
    await page.get_by_role("option", name=re.compile(rf"^{re.escape(name)}\b")).click()


@pytest.mark.parametrize("member", MEMBERS)
async def test_the_button_is_offered_exactly_when_the_predicate_says(
    page: Page, live_server: LiveServer, demo: Demo, member: str
) -> None:
    email, password = credentials(member)
    permissions = live_server.permissions(email, password)
    if member == CLERK:
        assert "invoices:create" not in permissions
    if member == MANAGER:
        assert may_create(permissions)
    customer = new_customer(live_server, demo.admin, f"Button check {member}")
    await signed_in(page, member, f"/customers/{customer}")
    await expect(page.get_by_role("heading", name=f"Button check {member}", level=1)).to_be_visible()
    button = page.get_by_role("link", name="New one-off invoice")
    await expect(button).to_have_count(1 if may_create(permissions) else 0)
    # the route agrees: whoever lacks a permission of its route gets the Forbidden page
    (route,) = [r for r in route_table() if r.id == "customer-invoice-new"]
    await page.goto(f"/customers/{customer}/invoices/new")
    if route.permissions <= permissions:
        await expect(page.get_by_role("heading", name="New one-off invoice", level=1)).to_be_visible()
    else:
        await expect(page.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()


async def test_the_manager_creates_a_one_off_invoice_with_exact_amounts(
    page: Page, live_server: LiveServer, demo: Demo
) -> None:
    assert demo.add_on["amountCents"] == 150_000
    assert demo.add_on["amountCurrency"] == "EUR"
    customer = new_customer(live_server, demo.admin, "One-off Ltd")
    await signed_in(page, MANAGER, f"/customers/{customer}")
    await page.get_by_role("link", name="New one-off invoice").click()
    await expect(page).to_have_url(re.compile(rf"/customers/{customer}/invoices/new$"))
    await expect(page.get_by_role("heading", name="New one-off invoice", level=1)).to_be_visible()
    await expect(page.get_by_role("combobox", name="Currency")).to_have_value("EUR")

    await choose_add_on(page, 1, demo.add_on["name"])
    first = page.get_by_role("group", name="Line 1")
    await first.get_by_label("Units").fill("2")
    await page.get_by_role("button", name="Add a line").click()
    await choose_add_on(page, 2, demo.add_on["name"])
    second = page.get_by_role("group", name="Line 2")
    await second.get_by_label("Units").fill("3")
    await second.get_by_label("Unit amount").fill("99.99")
    await second.get_by_label("Description").fill("Extra workshop")
    await page.get_by_role("button", name="Create invoice").click()

    await expect(page).to_have_url(re.compile(r"/invoices/[0-9a-f-]{36}$"))
    invoice_id = page.url.rsplit("/", 1)[1]
    invoice = live_server.ok(
        "query($id: ID!) { invoice(id: $id) { number invoiceType status currency customer { id }"
        " feesAmountCents taxesAmountCents totalAmountCents"
        " fees { invoiceDisplayName units unitAmountCents amountCents taxesAmountCents totalAmountCents } } }",
        demo.admin,
        id=invoice_id,
    )["invoice"]
    await expect(page.get_by_role("heading", name=f"Invoice {invoice['number']}", level=1)).to_be_visible()
    assert invoice["customer"]["id"] == customer
    assert (invoice["invoiceType"], invoice["status"], invoice["currency"]) == ("ONE_OFF", "FINALIZED", "EUR")
    fees = [
        (f["invoiceDisplayName"], f["units"], int(Decimal(f["unitAmountCents"])), f["amountCents"])
        for f in invoice["fees"]
    ]
    assert fees == [("Onboarding", "2", 150_000, 300_000), ("Extra workshop", "3", 9_999, 29_997)]
    # the demo's VAT (20 %) on each fee, rounded per fee
    assert [f["taxesAmountCents"] for f in invoice["fees"]] == [60_000, 5_999]
    assert [f["totalAmountCents"] for f in invoice["fees"]] == [360_000, 35_996]
    assert (invoice["feesAmountCents"], invoice["taxesAmountCents"], invoice["totalAmountCents"]) == (
        329_997,
        65_999,
        395_996,
    )
    totals = page.get_by_role("table", name="Totals")
    await expect(totals.get_by_role("row", name=re.compile("^Total due"))).to_contain_text("€3,959.96")


async def test_the_graphs_validation_errors_show_at_their_inputs(
    page: Page, live_server: LiveServer, demo: Demo
) -> None:
    customer = new_customer(live_server, demo.admin, "Validation Ltd")
    await signed_in(page, MANAGER, f"/customers/{customer}/invoices/new")
    await expect(page.get_by_role("heading", name="New one-off invoice", level=1)).to_be_visible()
    # no add-on chosen: the form says so at the input, before asking the graph
    await page.get_by_role("button", name="Create invoice").click()
    line = page.get_by_role("group", name="Line 1")
    await expect(line.get_by_text("Choose an add-on")).to_be_visible()
    await expect(line.get_by_role("combobox", name="Add-on")).to_have_attribute("aria-invalid", "true")

    await choose_add_on(page, 1, demo.add_on["name"])
    await line.get_by_label("Units").fill("0")
    await page.get_by_role("button", name="Create invoice").click()
    await expect(line.get_by_text("must be greater than 0")).to_be_visible()
    await expect(line.get_by_label("Units")).to_have_attribute("aria-invalid", "true")
    # the add-on is priced in EUR: in another currency the unit amount is required, at its input
    await line.get_by_label("Units").fill("1")
    await page.get_by_role("combobox", name="Currency").click()
    await page.get_by_role("option", name="USD", exact=True).click()
    await page.get_by_role("button", name="Create invoice").click()
    await expect(line.get_by_text("is required: the add-on is priced in EUR")).to_be_visible()
    await expect(line.get_by_label("Unit amount")).to_have_attribute("aria-invalid", "true")
    await expect(page).to_have_url(re.compile(r"/invoices/new$"))
    answer = live_server.ok(
        "query($c: ID) { invoices(customerId: $c) { metadata { totalCount } } }", demo.admin, c=customer
    )
    assert answer["invoices"]["metadata"]["totalCount"] == 0


async def test_the_form_is_accessible(browser: Browser, live_server: LiveServer, demo: Demo) -> None:
    axe_script()
    customer = new_customer(live_server, demo.admin, "Accessible Ltd")
    context = await console_context(browser, live_server, bypass_csp=True)  # axe is injected
    try:
        page = await context.new_page()
        await signed_in(page, MANAGER, f"/customers/{customer}/invoices/new")
        await expect(page.get_by_role("heading", name="New one-off invoice", level=1)).to_be_visible()
        await page.get_by_role("button", name="Add a line").click()
        await page.get_by_role("button", name="Create invoice").click()  # the errors shown too
        await expect(page.get_by_text("Choose an add-on").first).to_be_visible()
        await page.wait_for_load_state("networkidle")
        assert await serious_violations(page) == []
    finally:
        await context.close()
