"""Finance's day in the console, end to end in a real browser, as finance@ and finance2@ of the demo:
land on Revenue and see its charts, find an invoice, review its fees, taxes and total, credit it through
the wizard (above the approval threshold, so it waits), have the second finance member approve it from
the queue, see the customer's revenue, and download the CSV export. Each step is checked through the
graph. The invoice is a one-off invoice of a taxed add-on made for this test through the graph."""

from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import UTC, datetime
from decimal import Decimal

from playwright.async_api import Browser, Page, expect

from app.exports.invoices import HEADER
from tests.console.conftest import DEMO_MEMBERS, LiveServer, console_context
from tests.console.test_invoices import money, signed_in
from tests.console.test_shell import sign_in

ADMIN, _, FINANCE = DEMO_MEMBERS
FINANCE2 = "finance2@demo.billgraph.dev"
ADD_ON_CENTS = 60_000  # 600.00 EUR before a 20 % tax: above any approval threshold the tests set


def taxed_invoice(live_server: LiveServer) -> dict[str, object]:
    admin = live_server.login(ADMIN)
    suffix = uuid.uuid4().hex[:8]
    customer = live_server.ok(
        'mutation($x: String!, $n: String!) { createCustomer(input: {externalId: $x, name: $n, currency: "EUR"}) '
        "{ id name } }",
        admin,
        x=f"cus_fin_{suffix}",
        n=f"Finance Workflow {suffix}",
    )["createCustomer"]
    tax = f"fin_vat_{suffix}"
    live_server.ok(
        'mutation($c: String!) { createTax(input: {name: "Workflow VAT", code: $c, rate: "20"}) { id } }',
        admin,
        c=tax,
    )
    add_on = live_server.ok(
        'mutation($c: String!, $a: BigInt!, $t: [String!]) { createAddOn(input: {name: "Migration project", '
        'code: $c, amountCents: $a, amountCurrency: "EUR", taxCodes: $t}) { id } }',
        admin,
        c=f"migration_{suffix}",
        a=ADD_ON_CENTS,
        t=[tax],
    )["createAddOn"]["id"]
    invoice = live_server.ok(
        'mutation($c: ID!, $a: ID!) { createInvoice(input: {customerId: $c, currency: "EUR", fees: [{addOnId: $a}]}) '
        "{ id number status totalAmountCents taxesAmountCents fees { id amountCents } } }",
        admin,
        c=customer["id"],
        a=add_on,
    )["createInvoice"]
    assert invoice["status"] == "FINALIZED", invoice
    return {"customer": customer, **invoice}


def credit_note_of(live_server: LiveServer, invoice_id: str) -> list[dict[str, object]]:
    token = live_server.login(ADMIN)
    notes = live_server.ok(
        "query($i: ID!) { creditNotes(invoiceId: $i) { collection { id number status totalAmountCents "
        "creditAmountCents } } }",
        token,
        i=invoice_id,
    )["creditNotes"]["collection"]
    return notes  # type: ignore[no-any-return]


async def test_finance_reviews_credits_gets_approval_and_exports(
    page: Page, browser: Browser, live_server: LiveServer
) -> None:
    # given a finalized, taxed invoice of 600.00 EUR + 120.00 EUR VAT
    invoice = taxed_invoice(live_server)
    number, total = str(invoice["number"]), int(str(invoice["totalAmountCents"]))
    assert (total, int(str(invoice["taxesAmountCents"]))) == (72_000, 12_000)

    # finance lands on Revenue (analytics:view) with its four charts
    await signed_in(page, FINANCE, "/")
    await expect(page.get_by_role("heading", name="Revenue", level=1)).to_be_visible()
    for title in ("MRR", "Gross revenue", "Invoiced usage", "Outstanding invoices"):
        await expect(page.get_by_role("img", name=f"{title} chart")).to_be_visible()

    # finds the invoice by its number and reviews it
    await page.get_by_role("navigation", name="Main").get_by_role("link", name="Invoices").click()
    await page.get_by_label("Search invoices").fill(number)
    rows = page.get_by_role("table", name="Invoices").get_by_role("row")
    await expect(rows).to_have_count(2)
    await rows.nth(1).get_by_role("link", name=number).click()
    await expect(page.get_by_role("heading", name=f"Invoice {number}", level=1)).to_be_visible()
    fee = page.get_by_role("table", name="Fees").get_by_role("row").filter(has_text="Migration project")
    await expect(fee).to_contain_text(money(ADD_ON_CENTS, "EUR"))
    totals = page.get_by_role("table", name="Totals")
    await expect(totals.get_by_role("row", name=re.compile(r"^Taxes"))).to_contain_text(money(12_000, "EUR"))
    await expect(totals.get_by_role("row", name=re.compile(r"^Total due"))).to_contain_text(
        money(total, "EUR")
    )

    # credits half the fee through the wizard: the estimate's tax split, credited as a balance
    await (
        page.get_by_role("group", name="Invoice actions").get_by_role("link", name="New credit note").click()
    )
    await expect(page.get_by_role("heading", name="New credit note", level=1)).to_be_visible()
    fees = page.get_by_role("table", name="Fees of the invoice")
    await fees.get_by_label(re.compile(r"^Amount to credit on ")).fill("300")
    estimate = page.get_by_role("region", name="Estimate")
    await expect(estimate.get_by_role("group", name="Taxes", exact=True)).to_contain_text("60.00")
    await expect(estimate.get_by_role("group", name="Total", exact=True)).to_contain_text("360.00")
    await page.get_by_role("combobox", name="Reason").click()
    await page.get_by_role("option", name="Order change").click()
    await page.get_by_role("button", name="Credit the whole total").click()
    await page.get_by_role("button", name="Create credit note").click()
    await expect(page).to_have_url(re.compile(r"/credit-notes/[0-9a-f-]{36}$"))
    await expect(page.get_by_text("Pending approval").first).to_be_visible()
    [note] = credit_note_of(live_server, str(invoice["id"]))
    assert (note["status"], int(str(note["totalAmountCents"])), int(str(note["creditAmountCents"]))) == (
        "PENDING_APPROVAL",
        36_000,
        36_000,
    )

    # the second finance member approves it from the queue (four eyes)
    context = await console_context(browser, live_server)
    try:
        second = await context.new_page()
        await second.goto("/credit-notes/approvals")
        await sign_in(second, FINANCE2)
        queue = second.get_by_role("table", name="Credit notes waiting for approval")
        row = queue.get_by_role("row").filter(has_text=str(note["number"]))
        await row.get_by_role("button", name=f"Approve {note['number']}").click()
        await expect(row).to_have_count(0)
    finally:
        await context.close()
    [note] = credit_note_of(live_server, str(invoice["id"]))
    assert note["status"] == "FINALIZED"

    # the customer's revenue: this month's gross revenue as the graph gives it
    customer = invoice["customer"]
    assert isinstance(customer, dict)
    gross = live_server.ok(
        "query($c: ID!) { grossRevenues(customerId: $c) { month amountCents } }",
        live_server.login(FINANCE),
        c=customer["id"],
    )["grossRevenues"]
    month = datetime.now(UTC).strftime("%Y-%m")
    [this_month] = [row for row in gross if row["month"].startswith(month)]
    await page.goto(f"/customers/{customer['id']}?tab=revenue")
    figures = page.get_by_role("table", name="Gross revenue figures")
    await expect(figures).to_contain_text(money(int(this_month["amountCents"]), "EUR"))

    # and downloads the invoices of today as CSV: the invoice is there with its total
    today = datetime.now(UTC).date().isoformat()
    await page.goto("/invoices")
    await page.get_by_label("Export from").fill(today)
    await page.get_by_label("Export to").fill(today)
    async with page.expect_download() as info:
        await page.get_by_role("button", name="Download CSV").click()
    text = (await (await info.value).path()).read_text(encoding="utf-8-sig")
    exported = list(csv.DictReader(io.StringIO(text), fieldnames=list(HEADER)))[1:]
    mine = [row for row in exported if row["invoice_number"] == number]
    assert mine, exported
    # its lines add up to its total
    assert sum(Decimal(row["total"]) for row in mine) == Decimal(total) / 100
    assert {row["currency"] for row in mine} == {"EUR"}
