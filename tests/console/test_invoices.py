"""The invoices screens in a real browser against the live demo server: the navigation shows Invoices
exactly when the route table and the member's permissions say; the list filters by status (kept in the
URL); the detail shows the fees with exact amounts from integer minor units; Void is offered exactly
when console/src/invoices/actions.ts's canVoid says (finalized, unpaid, invoices:void) and works; the
graph's refusal shows in a notification; a draft (billed by `billgraph bill`) offers Refresh and
Finalize exactly with invoices:update, and both work; the CSV export downloads a file whose header row is the
export's. The invoices are one-off invoices from the demo's add-on, made through the graph."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from playwright.async_api import Browser, Page, expect

from app.exports.invoices import HEADER
from tests.console.conftest import (
    DEMO_MEMBERS,
    DEMO_PASSWORD,
    ROOT,
    LiveServer,
    axe_script,
    console_context,
    route_table,
    serious_violations,
)
from tests.console.test_shell import expected_navigation, sign_in

CUSTOM = "custom role"
CUSTOM_EMAIL, CUSTOM_PASSWORD = "clerk@demo.example", "clerk password 123"
# invoices:view, update and export, but not invoices:void
CUSTOM_PERMISSIONS = [
    "customers:view",
    "invoices:view",
    "invoices:update",
    "invoices:export",
    "credit_notes:view",
]
MEMBERS = [*DEMO_MEMBERS, CUSTOM]

INVOICE_FIELDS = """
  id number status paymentStatus currency totalAmountCents
  fees { invoiceDisplayName units unitAmountCents amountCents taxesAmountCents totalAmountCents currency }
"""


@dataclass(frozen=True)
class Demo:
    admin: str  # token
    invoices: list[dict[str, Any]]  # finalized, unpaid, one per customer


def credentials(member: str) -> tuple[str, str]:
    return (CUSTOM_EMAIL, CUSTOM_PASSWORD) if member == CUSTOM else (member, DEMO_PASSWORD)


def may_void(invoice: dict[str, Any], permissions: frozenset[str]) -> bool:
    """canVoid in console/src/invoices/actions.ts."""
    return (
        invoice["status"] == "FINALIZED"
        and invoice["paymentStatus"] != "SUCCEEDED"
        and "invoices:void" in permissions
    )


def money(cents: int, currency: str) -> str:
    """Integer minor units as en-US Chromium prints them (the demo's currency is EUR)."""
    assert currency == "EUR", currency
    sign = "-" if cents < 0 else ""
    whole, minor = divmod(abs(int(cents)), 100)
    return f"{sign}€{whole:,}.{minor:02d}"


def create_invoice(
    live_server: LiveServer, token: str, customer: str, add_on: str, units: str
) -> dict[str, Any]:
    return live_server.ok(  # type: ignore[no-any-return]
        'mutation($c: ID!, $a: ID!, $u: String) { createInvoice(input: {customerId: $c, currency: "EUR", '
        f"fees: [{{addOnId: $a, units: $u}}]}}) {{ {INVOICE_FIELDS} }} }}",
        token,
        c=customer,
        a=add_on,
        u=units,
    )["createInvoice"]


@pytest.fixture(scope="module")
def demo(live_server: LiveServer) -> Demo:
    admin = live_server.login(DEMO_MEMBERS[0])
    add_on = next(
        a["id"]
        for a in live_server.ok("{ addOns(limit: 100) { collection { id code } } }", admin)["addOns"][
            "collection"
        ]
        if a["code"] == "onboarding"
    )
    customers = live_server.ok("{ customers(limit: 4) { collection { id } } }", admin)["customers"][
        "collection"
    ]
    invoices = [
        create_invoice(live_server, admin, c["id"], add_on, units)
        for c, units in zip(customers, ("1", "2.5", "3", "1"), strict=True)
    ]
    assert all(i["status"] == "FINALIZED" for i in invoices), invoices
    # one already voided, for the status filter
    extra = create_invoice(live_server, admin, customers[0]["id"], add_on, "1")
    live_server.ok("mutation($id: ID!) { voidInvoice(input: {id: $id}) { id } }", admin, id=extra["id"])
    # a custom role without invoices:void
    live_server.ok(
        'mutation($p: [String!]!) { createRole(input: {code: "clerk", name: "Clerk", permissions: $p}) { id } }',
        admin,
        p=CUSTOM_PERMISSIONS,
    )
    invite = live_server.ok(
        'mutation($e: String!) { createInvite(input: {email: $e, roles: ["clerk"]}) { invite { token } } }',
        admin,
        e=CUSTOM_EMAIL,
    )["createInvite"]["invite"]["token"]
    live_server.ok(
        "mutation($t: String!, $p: String!) { acceptInvite(input: {token: $t, password: $p}) { token } }",
        t=invite,
        p=CUSTOM_PASSWORD,
    )
    return Demo(admin, invoices)


def permissions_of(live_server: LiveServer, member: str) -> frozenset[str]:
    email, password = credentials(member)
    return live_server.permissions(email, password)


async def toggle(page: Page, name: str, checked: bool) -> None:
    """Clicks a filter's checkbox; the URL, then the box, follow (react-router updates in a transition)."""
    box = page.get_by_role("checkbox", name=name, exact=True)
    await box.click()
    if checked:
        await expect(box).to_be_checked()
    else:
        await expect(box).not_to_be_checked()


async def signed_in(page: Page, member: str, path: str) -> None:
    email, password = credentials(member)
    await page.goto(path)
    await sign_in(page, email, password)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()


@pytest.mark.parametrize("member", MEMBERS)
async def test_the_navigation_shows_invoices_exactly_when_permitted(
    page: Page, live_server: LiveServer, demo: Demo, member: str
) -> None:
    permissions = permissions_of(live_server, member)
    if member == CUSTOM:
        assert "invoices:void" not in permissions
    await signed_in(page, member, "/sign-in")
    navigation = page.get_by_role("navigation", name="Main")
    await expect(navigation.get_by_role("link")).to_have_text(expected_navigation(permissions))
    invoices = next(r for r in route_table() if r.id == "invoices")
    link = navigation.get_by_role("link", name="Invoices", exact=True)
    if invoices.permissions <= permissions:
        await link.click()
        await expect(page.get_by_role("heading", name="Invoices", level=1)).to_be_visible()
        await expect(page.get_by_role("table", name="Invoices")).to_be_visible()
        export = page.get_by_role("button", name="Download CSV")
        await expect(export).to_have_count(1 if "invoices:export" in permissions else 0)
    else:
        await expect(link).to_have_count(0)


async def test_the_list_filters_by_status_in_the_url(page: Page, live_server: LiveServer, demo: Demo) -> None:
    token = live_server.login(DEMO_MEMBERS[2])
    counts = {
        status: live_server.ok(
            "query($s: [InvoiceStatus!]) { invoices(status: $s, limit: 50) { metadata { totalCount } } }",
            token,
            s=[status],
        )["invoices"]["metadata"]["totalCount"]
        for status in ("FINALIZED", "VOIDED")
    }
    assert counts["VOIDED"] >= 1
    assert counts["FINALIZED"] >= 1
    # one page of the list at most (console/src/invoices/InvoicesList.tsx PAGE_SIZE): the living demo
    # has more finalized invoices than that
    rows = {status: min(count, 50) + 1 for status, count in counts.items()}
    await signed_in(page, DEMO_MEMBERS[2], "/invoices")
    table = page.get_by_role("table", name="Invoices")
    await expect(table).to_be_visible()
    await toggle(page, "Voided", True)
    await expect(page).to_have_url(re.compile(r"status=VOIDED"))
    await expect(table.get_by_role("row")).to_have_count(rows["VOIDED"])
    await expect(table.get_by_role("row").nth(1)).to_contain_text("Voided")

    await page.reload()  # the filter survives a reload
    await expect(page.get_by_role("checkbox", name="Voided")).to_be_checked()
    await expect(table.get_by_role("row")).to_have_count(rows["VOIDED"])
    await toggle(page, "Voided", False)
    await toggle(page, "Finalized", True)
    await expect(page).to_have_url(re.compile(r"status=FINALIZED"))
    await expect(table.get_by_role("row")).to_have_count(rows["FINALIZED"])


async def test_the_detail_shows_the_fees_with_exact_amounts(
    page: Page, live_server: LiveServer, demo: Demo
) -> None:
    invoice = demo.invoices[1]  # 2.5 units
    await signed_in(page, DEMO_MEMBERS[2], "/invoices")
    await page.get_by_role("link", name=invoice["number"], exact=True).click()
    await expect(page).to_have_url(re.compile(rf"/invoices/{invoice['id']}$"))
    await expect(page.get_by_role("heading", name=f"Invoice {invoice['number']}", level=1)).to_be_visible()
    fees = page.get_by_role("table", name="Fees")
    await expect(fees.get_by_role("row")).to_have_count(len(invoice["fees"]) + 1)
    for fee in invoice["fees"]:
        row = fees.get_by_role("row").filter(has_text=fee["invoiceDisplayName"])
        cells = row.get_by_role("cell")
        await expect(cells.nth(0)).to_contain_text(fee["invoiceDisplayName"])
        await expect(cells.nth(2)).to_have_text(fee["units"])
        unit = Decimal(fee["unitAmountCents"])  # precise minor units ("1.5E+5"): an add-on's are whole
        assert unit == unit.to_integral_value(), fee
        await expect(cells.nth(3)).to_have_text(money(int(unit), fee["currency"]))
        await expect(cells.nth(4)).to_have_text(money(int(fee["amountCents"]), fee["currency"]))
        await expect(cells.nth(5)).to_contain_text(money(int(fee["taxesAmountCents"]), fee["currency"]))
        await expect(cells.nth(6)).to_have_text(money(int(fee["totalAmountCents"]), fee["currency"]))
    totals = page.get_by_role("table", name="Totals")
    await expect(totals.get_by_role("row", name=re.compile("^Total due"))).to_contain_text(
        money(int(invoice["totalAmountCents"]), invoice["currency"])
    )


@pytest.mark.parametrize("member", MEMBERS)
async def test_void_is_offered_exactly_when_the_predicate_says(
    page: Page, live_server: LiveServer, demo: Demo, member: str
) -> None:
    permissions = permissions_of(live_server, member)
    invoice = live_server.ok(
        f"query($id: ID!) {{ invoice(id: $id) {{ {INVOICE_FIELDS} }} }}",
        demo.admin,
        id=demo.invoices[3]["id"],
    )["invoice"]
    await signed_in(page, member, f"/invoices/{invoice['id']}")
    await expect(page.get_by_role("heading", name=f"Invoice {invoice['number']}", level=1)).to_be_visible()
    await expect(page.get_by_role("button", name="Void")).to_have_count(
        1 if may_void(invoice, permissions) else 0
    )
    # a finalized invoice is never refreshed nor finalized again
    await expect(page.get_by_role("button", name="Refresh")).to_have_count(0)
    await expect(page.get_by_role("button", name="Finalize")).to_have_count(0)


@pytest.mark.parametrize("member", MEMBERS)
async def test_a_credit_note_is_one_click_from_a_finalized_invoice_for_whoever_may_issue_one(
    page: Page, live_server: LiveServer, demo: Demo, member: str
) -> None:
    # the wizard's route decides who may issue one (the route table, not a list per role)
    (wizard,) = [route for route in route_table() if route.id == "credit-note-new"]
    may = wizard.permissions <= permissions_of(live_server, member)
    invoice = demo.invoices[3]
    await signed_in(page, member, f"/invoices/{invoice['id']}")
    link = page.get_by_role("link", name="New credit note")
    await expect(link).to_have_count(1 if may else 0)
    if may:
        await link.click()
        await expect(page.get_by_role("heading", name="New credit note", level=1)).to_be_visible()
        await expect(page.get_by_text(f"Invoice {invoice['number']}")).to_be_visible()


async def test_void_works_and_the_status_becomes_voided(
    page: Page, live_server: LiveServer, demo: Demo
) -> None:
    invoice = demo.invoices[0]
    await signed_in(page, DEMO_MEMBERS[0], f"/invoices/{invoice['id']}")
    await page.get_by_role("button", name="Void").click()
    dialog = page.get_by_role("dialog", name=f"Void invoice {invoice['number']}")
    await expect(dialog).to_contain_text("The customer no longer owes it")  # said before it happens
    await dialog.get_by_role("button", name="Cancel").click()
    await expect(dialog).to_have_count(0)
    assert (
        live_server.ok("query($id: ID!) { invoice(id: $id) { status } }", demo.admin, id=invoice["id"])[
            "invoice"
        ]["status"]
        == "FINALIZED"
    )
    await page.get_by_role("button", name="Void").click()
    await dialog.get_by_role("button", name="Void invoice").click()
    notification = page.get_by_role("status").filter(has_text="The invoice was voided")
    await expect(notification).to_contain_text(f"Invoice {invoice['number']} is now voided.")
    await expect(page.get_by_text("Voided", exact=True).first).to_be_visible()
    await expect(page.get_by_role("button", name="Void")).to_have_count(0)
    answer = live_server.ok("query($id: ID!) { invoice(id: $id) { status } }", demo.admin, id=invoice["id"])
    assert answer["invoice"]["status"] == "VOIDED"


async def test_the_graphs_refusal_shows_in_a_notification(
    page: Page, live_server: LiveServer, demo: Demo
) -> None:
    invoice = demo.invoices[2]
    await signed_in(page, DEMO_MEMBERS[0], f"/invoices/{invoice['id']}")
    void = page.get_by_role("button", name="Void")
    await expect(void).to_be_visible()
    # voided elsewhere meanwhile: the graph refuses with a VALIDATION_ERROR, shown as it says it
    live_server.ok(
        "mutation($id: ID!) { voidInvoice(input: {id: $id}) { id } }", demo.admin, id=invoice["id"]
    )
    await void.click()
    await page.get_by_role("dialog").get_by_role("button", name="Void invoice").click()
    alert = page.get_by_role("alert").filter(has_text="Void failed")
    await expect(alert).to_contain_text("only a finalized invoice can be voided")
    await expect(page.get_by_role("button", name="Void")).to_have_count(0)  # the screen was reloaded


def finalized_numbers(live_server: LiveServer, token: str) -> set[str]:
    """Every finalized invoice's number, page by page (the other suites add invoices as they run)."""
    numbers: set[str] = set()
    page, pages = 1, 1
    while page <= pages:
        found = live_server.ok(
            "query($p: Int) { invoices(status: [FINALIZED], limit: 100, page: $p) "
            "{ collection { number } metadata { totalPages } } }",
            token,
            p=page,
        )["invoices"]
        numbers |= {invoice["number"] for invoice in found["collection"]}
        page, pages = page + 1, found["metadata"]["totalPages"]
    return numbers


@pytest.mark.parametrize("member", [DEMO_MEMBERS[2], CUSTOM])
async def test_the_csv_download_has_the_exports_header(
    page: Page, live_server: LiveServer, demo: Demo, member: str
) -> None:
    assert "invoices:export" in permissions_of(live_server, member)
    await signed_in(page, member, "/invoices")
    await page.get_by_label("Export from").fill("2000-01-01")
    await page.get_by_label("Export to").fill("2100-12-31")
    async with page.expect_download() as info:
        await page.get_by_role("button", name="Download CSV").click()
    download = await info.value
    assert download.suggested_filename == "invoices-2000-01-01-2100-12-31.csv"
    text = (await download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(HEADER)
    finalized = finalized_numbers(live_server, demo.admin)
    assert finalized, "no finalized invoice to export"
    assert {row[0] for row in rows[1:]} == finalized  # voided ones are not exported


async def test_an_export_range_the_server_refuses_is_shown_at_its_input(
    browser: Browser, live_server: LiveServer, demo: Demo
) -> None:
    # its own context: the refused request's 400 is logged by Chromium, which the `page` fixture counts
    context = await console_context(browser, live_server)
    try:
        page = await context.new_page()
        await signed_in(page, DEMO_MEMBERS[2], "/invoices")
        await page.get_by_label("Export from").fill("2026-02-01")
        await page.get_by_label("Export to").fill("2026-01-01")
        await page.get_by_role("button", name="Download CSV").click()
        await expect(page.get_by_text("must not be after to")).to_be_visible()
        await expect(page.get_by_label("Export from")).to_have_attribute("aria-invalid", "true")
    finally:
        await context.close()


@pytest.mark.parametrize("member", MEMBERS)
async def test_the_invoice_screens_with_data_are_accessible(
    browser: Browser, live_server: LiveServer, demo: Demo, member: str
) -> None:
    axe_script()
    context = await console_context(browser, live_server, bypass_csp=True)  # axe is injected
    try:
        page = await context.new_page()
        await signed_in(page, member, "/invoices")
        await expect(page.get_by_role("table", name="Invoices")).to_be_visible()
        await page.wait_for_load_state("networkidle")
        found = {"list": await serious_violations(page)}
        await page.goto(f"/invoices/{demo.invoices[3]['id']}")
        await expect(page.get_by_role("table", name="Fees")).to_be_visible()
        await page.wait_for_load_state("networkidle")
        found["detail"] = await serious_violations(page)
        if may_void(demo.invoices[3], permissions_of(live_server, member)):  # the admin's dialog
            await page.get_by_role("button", name="Void").click()
            dialog = page.get_by_role("dialog", name=f"Void invoice {demo.invoices[3]['number']}")
            await expect(dialog).to_be_visible()
            found["void dialog"] = await serious_violations(page)
            await dialog.get_by_role("button", name="Cancel").click()
        assert {screen: v for screen, v in found.items() if v} == {}
    finally:
        await context.close()


@pytest.fixture(scope="module")
def draft(live_server: LiveServer, console_database: str, demo: Demo) -> dict[str, Any]:
    """A draft invoice: a subscription to a plan paid in advance, for a customer whose drafts wait 30
    days, billed once by `billgraph bill` on the live server's database."""
    admin = demo.admin
    customer = live_server.ok("{ customers(limit: 6) { collection { id } } }", admin)["customers"][
        "collection"
    ][5]
    live_server.ok(
        "mutation($id: ID!) { updateCustomer(input: {id: $id, invoiceGracePeriod: 30}) { id } }",
        admin,
        id=customer["id"],
    )
    plan = next(
        p
        for p in live_server.ok("{ plans { collection { id code } } }", admin)["plans"]["collection"]
        if p["code"] == "starter"
    )
    live_server.ok(
        'mutation($c: ID!, $p: ID!) { createSubscription(input: {customerId: $c, planId: $p, externalId: "sub_draft"}) { id } }',
        admin,
        c=customer["id"],
        p=plan["id"],
    )
    env = {
        **os.environ,
        "DATABASE_URL": console_database,
        "BILLGRAPH_SECRET_KEY": "console-test-key-" + "k" * 40,
    }
    subprocess.run(
        [sys.executable, "-m", "app.cli", "bill"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    drafts = live_server.ok(
        f"query($c: ID!) {{ invoices(customerId: $c, status: [DRAFT]) {{ collection {{ {INVOICE_FIELDS} }} }} }}",
        admin,
        c=customer["id"],
    )["invoices"]["collection"]
    assert drafts, "billing made no draft"
    return drafts[0]  # type: ignore[no-any-return]


@pytest.mark.parametrize("member", MEMBERS)
async def test_a_draft_offers_refresh_and_finalize_exactly_when_the_predicate_says(
    page: Page, live_server: LiveServer, draft: dict[str, Any], member: str
) -> None:
    permissions = permissions_of(live_server, member)
    await signed_in(page, member, f"/invoices/{draft['id']}")
    await expect(page.get_by_role("heading", name=f"Invoice {draft['number']}", level=1)).to_be_visible()
    offered = (
        1 if "invoices:update" in permissions else 0
    )  # canRefresh and canFinalize: a draft + invoices:update
    await expect(page.get_by_role("button", name="Refresh")).to_have_count(offered)
    await expect(page.get_by_role("button", name="Finalize")).to_have_count(offered)
    await expect(page.get_by_role("button", name="Void")).to_have_count(0)


async def test_a_draft_is_refreshed_then_finalized(
    page: Page, live_server: LiveServer, draft: dict[str, Any], demo: Demo
) -> None:
    await signed_in(page, DEMO_MEMBERS[0], f"/invoices/{draft['id']}")
    await page.get_by_role("button", name="Refresh").click()
    await expect(page.get_by_role("status").filter(has_text="The draft was refreshed")).to_be_visible()
    await page.get_by_role("button", name="Finalize").click()
    dialog = page.get_by_role("dialog", name=f"Finalize invoice {draft['number']}")
    await expect(dialog).to_contain_text("Its fees and totals are fixed for good")
    await dialog.get_by_role("button", name="Finalize invoice").click()
    await expect(page.get_by_role("status").filter(has_text="The invoice was finalized")).to_be_visible()
    await expect(page.get_by_role("button", name="Finalize")).to_have_count(0)
    await expect(page.get_by_role("button", name="Void")).to_be_visible()
    answer = live_server.ok("query($id: ID!) { invoice(id: $id) { status } }", demo.admin, id=draft["id"])
    assert answer["invoice"]["status"] == "FINALIZED"
