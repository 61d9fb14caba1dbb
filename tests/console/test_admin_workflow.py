"""The admin's workflow from an empty organization, end to end in real browsers against the live server.

A brand-new organization and its first admin are registered through the graph (the console has no
sign-up); everything else the admin does in the console: two billable metrics (sums of a property), a
20 % tax applied to the organization by default, a plan with a graduated charge (three tiers, the last
open, with a flat fee) and a package charge, a customer, invitations for an account manager and a
finance member, and an API key (its secret shown once). The manager accepts in a second browser
context and subscribes the customer from the first day of last month with a negotiated package price;
usage is sent with the key over the REST API (httpx); the billing run is `billgraph bill`, as the worker
runs it; finance accepts in a third context and reads the invoice's fees, taxes and total, computed here
by hand. Every step is checked through the graph, amounts in integer minor units."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta

import httpx
from playwright.async_api import Browser, BrowserContext, Page, expect

from tests.console.conftest import ROOT, LiveServer, console_context, record_problems
from tests.console.test_invoices import money
from tests.console.test_shell import sign_in

PASSWORD = "workflow password 123"
# The plan's prices (EUR), and the manager's negotiated price for a package of storage.
FEE_CENTS = 3000
TIERS = [("0", "10", "2", "0"), ("10", "50", "1.5", "0"), ("50", None, "1", "5")]
PACKAGE = {"amount": "2.5", "packageSize": 10, "freeUnits": 5}
NEGOTIATED_PACKAGE = "2"
# The usage of last month: 62.5 compute hours and 37 GB.
HOURS = ["12.5", "20", "30"]
GIGABYTES = ["30", "7"]
# By hand: 10 * 2 + 40 * 1.5 + 12.5 * 1 + 5 = 97.50; ceil((37 - 5) / 10) = 4 packages * 2 = 8.00.
COMPUTE_CENTS = 9750
STORAGE_CENTS = 800
TAX_RATE = 20
SUBTOTAL_CENTS = FEE_CENTS + COMPUTE_CENTS + STORAGE_CENTS  # 135.50
TAXES_CENTS = SUBTOTAL_CENTS * TAX_RATE // 100  # 27.10, exact
TOTAL_CENTS = SUBTOTAL_CENTS + TAXES_CENTS  # 162.60

INVOICES = """query($c: ID!) { invoices(customerId: $c) { collection { id number status invoiceType currency
  feesAmountCents subTotalExcludingTaxesAmountCents taxesAmountCents totalAmountCents
  fees { feeType invoiceDisplayName units amountCents taxesRate taxesAmountCents totalAmountCents } } } }"""


async def browser_of(browser: Browser, live_server: LiveServer) -> tuple[BrowserContext, Page, list[str]]:
    """Another person's browser: its own context, recording the console's problems."""
    context = await console_context(browser, live_server, timezone_id="UTC")
    page = await context.new_page()
    return context, page, record_problems(page)


async def choose(page: Page, label: str, option: str) -> None:
    await page.get_by_role("combobox", name=label, exact=True).click()
    await page.get_by_role("option", name=re.compile(f"^{re.escape(option)}")).click()


async def accept(page: Page, link: str, email: str) -> None:
    """The invited person opens the link, sets a password and is signed in."""
    await page.goto(link)
    await expect(page.get_by_role("heading", name="Join an organization")).to_be_visible()
    await page.get_by_label(re.compile(r"^Password")).fill(PASSWORD)
    await page.get_by_label("Confirm password").fill(PASSWORD)
    await page.get_by_role("button", name="Join").click()
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    await expect(page.get_by_role("button", name=f"Account of {email}")).to_be_visible()


async def create_metric(page: Page, name: str, code: str, field: str) -> None:
    await page.goto("/billable-metrics")
    await page.get_by_role("link", name="New billable metric").click()
    await page.get_by_label("Name", exact=True).fill(name)
    await page.get_by_label("Code", exact=True).fill(code)
    await choose(page, "Aggregation", "Sum of a property")
    await page.get_by_label("Field", exact=True).fill(field)
    await page.get_by_role("button", name="Create billable metric").click()
    await expect(page).to_have_url(re.compile(r"/billable-metrics/[0-9a-f-]{36}$"))


async def invite(page: Page, email: str, role: str, previous: str = "") -> str:
    form = page.get_by_role("form", name="Invite someone")
    await form.get_by_label("Email").fill(email)
    await form.get_by_label(role).check()
    await form.get_by_role("button", name="Send invitation").click()
    link = page.get_by_label("Invitation link")
    await expect(link).to_have_value(re.compile(r"/invite/.+"))
    if previous:
        await expect(link).not_to_have_value(previous)
    await expect(page.get_by_role("table", name="Pending invitations")).to_contain_text(email)
    return await link.input_value()


def bill(console_database: str) -> str:
    """The billing run the worker makes, once, now (`billgraph bill`) on the live server's database."""
    env = {"DATABASE_URL": console_database, "BILLGRAPH_SECRET_KEY": "console-test-key-" + "k" * 40}
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "bill"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.stdout


def members_of(live_server: LiveServer, token: str) -> dict[str, list[str]]:
    found = live_server.ok("{ organization { members { status user { email } roles { code } } } }", token)
    return {
        m["user"]["email"]: [r["code"] for r in m["roles"]]
        for m in found["organization"]["members"]
        if m["status"] == "ACTIVE"
    }


async def test_the_admin_takes_an_empty_organization_to_an_invoice_finance_reads(
    page: Page, browser: Browser, live_server: LiveServer, console_database: str
) -> None:
    suffix = uuid.uuid4().hex[:8]
    admin_email = f"admin-{suffix}@workflow.example"
    manager_email = f"manager-{suffix}@workflow.example"
    finance_email = f"finance-{suffix}@workflow.example"
    compute, storage = f"compute_hours_{suffix}", f"storage_gb_{suffix}"
    plan_code, tax_code = f"workflow_{suffix}", f"vat_{suffix}"
    customer_name, customer_external = f"Workflow Customer {suffix}", f"cus_workflow_{suffix}"
    subscription_external = f"sub_workflow_{suffix}"
    first_of_month = datetime.now(UTC).date().replace(day=1)
    started = (first_of_month - timedelta(days=1)).replace(day=1)  # the first day of last month

    # given an empty organization and its first admin (the console has no sign-up)
    admin = live_server.ok(
        "mutation($e: String!, $p: String!, $n: String!) { registerUser(input: {email: $e, password: $p, "
        "organizationName: $n}) { token } }",
        e=admin_email,
        p=PASSWORD,
        n=f"Workflow Organization {suffix}",
    )["registerUser"]["token"]
    empty = live_server.ok(
        "{ billableMetrics { metadata { totalCount } } plans { metadata { totalCount } }"
        " customers { metadata { totalCount } } taxes { metadata { totalCount } } }",
        admin,
    )
    assert {name: found["metadata"]["totalCount"] for name, found in empty.items()} == dict.fromkeys(empty, 0)

    # the admin signs in and defines the metering
    await page.goto("/sign-in")
    await sign_in(page, admin_email, PASSWORD)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    await create_metric(page, "Compute hours", compute, "hours")
    await create_metric(page, "Storage GB", storage, "gb")
    metrics = live_server.ok("{ billableMetrics { collection { code aggregationType fieldName } } }", admin)[
        "billableMetrics"
    ]["collection"]
    assert sorted((m["code"], m["aggregationType"], m["fieldName"]) for m in metrics) == [
        (compute, "SUM_AGG", "hours"),
        (storage, "SUM_AGG", "gb"),
    ]

    # a tax every customer pays
    await page.goto("/taxes")
    await page.get_by_role("link", name="New tax").click()
    await page.get_by_label("Name", exact=True).fill("VAT")
    await page.get_by_label("Code", exact=True).fill(tax_code)
    await page.get_by_label("Rate (%)", exact=True).fill(str(TAX_RATE))
    await page.get_by_label("Applied to the organization by default").check()
    await page.get_by_role("button", name="Create tax").click()
    await expect(page).to_have_url(re.compile(r"/taxes/[0-9a-f-]{36}$"))
    defaults = live_server.ok("{ taxes(appliedToOrganization: true) { collection { code rate } } }", admin)
    assert [(t["code"], float(t["rate"])) for t in defaults["taxes"]["collection"]] == [(tax_code, TAX_RATE)]

    # a plan: a monthly fee, compute hours in graduated tiers, storage by the package
    await page.goto("/plans")
    await page.get_by_role("link", name="New plan").click()
    await page.get_by_role("textbox", name="Name", exact=True).fill("Workflow plan")
    await page.get_by_role("textbox", name="Code", exact=True).fill(plan_code)
    await page.get_by_label("Fee per month (EUR)").fill("30")
    await choose(page, "New charge: billable metric", "Compute hours")
    await choose(page, "New charge: charge model", "Graduated")
    await page.get_by_role("button", name="Add the charge").click()
    for _ in TIERS[1:]:
        await page.get_by_role("button", name="Add a tier to Charge 1").click()
    for index, (_, to, per_unit, flat) in enumerate(TIERS, start=1):
        if to is not None:
            await page.get_by_label(f"Charge 1: tier {index}, to").fill(to)
        await page.get_by_label(f"Charge 1: tier {index}, per unit").fill(per_unit)
        await page.get_by_label(f"Charge 1: tier {index}, flat fee").fill(flat)
    await page.get_by_label("Charge 1: invoice display name").fill("Compute time")
    await choose(page, "New charge: billable metric", "Storage GB")
    await choose(page, "New charge: charge model", "Package")
    await page.get_by_role("button", name="Add the charge").click()
    await page.get_by_label("Charge 2: price per package (EUR)").fill(PACKAGE["amount"])
    await page.get_by_label("Charge 2: package size (units)").fill(str(PACKAGE["packageSize"]))
    await page.get_by_label("Charge 2: free units").fill(str(PACKAGE["freeUnits"]))
    await page.get_by_label("Charge 2: invoice display name").fill("Storage")
    await page.get_by_role("button", name="Create plan").click()
    await expect(page.get_by_role("heading", name="Workflow plan", level=1)).to_be_visible()
    plan = live_server.ok(
        "{ plans { collection { code amountCents amountCurrency interval payInAdvance charges { chargeModel "
        "invoiceDisplayName billableMetric { code } properties { amount packageSize freeUnits "
        "graduatedRanges { fromValue toValue perUnitAmount flatAmount } } } } } }",
        admin,
    )["plans"]["collection"]
    assert [(p["code"], int(p["amountCents"]), p["amountCurrency"], p["interval"]) for p in plan] == [
        (plan_code, FEE_CENTS, "EUR", "MONTHLY")
    ]
    graduated, package = plan[0]["charges"]
    assert (graduated["chargeModel"], graduated["billableMetric"]["code"]) == ("GRADUATED", compute)
    assert graduated["properties"]["graduatedRanges"] == [
        {"fromValue": f, "toValue": t, "perUnitAmount": u, "flatAmount": a} for f, t, u, a in TIERS
    ]
    assert (package["chargeModel"], package["billableMetric"]["code"]) == ("PACKAGE", storage)
    assert {k: package["properties"][k] for k in PACKAGE} == PACKAGE

    # a customer billed in euros
    await page.get_by_role("navigation", name="Main").get_by_role("link", name="Customers").click()
    await page.get_by_role("link", name="New customer").click()
    await page.get_by_role("textbox", name="Name", exact=True).fill(customer_name)
    await page.get_by_role("textbox", name="External id", exact=True).fill(customer_external)
    await page.get_by_label("Email", exact=True).fill(f"billing-{suffix}@customer.example")
    await page.get_by_role("combobox", name="Currency").fill("EUR")
    await page.get_by_role("option", name="EUR", exact=True).click()
    await page.get_by_role("button", name="Create customer").click()
    await expect(page.get_by_role("heading", name=customer_name, level=1)).to_be_visible()
    customer_id = page.url.split("?")[0].rsplit("/", 1)[1]
    customer = live_server.ok(
        "query($id: ID!) { customer(id: $id) { externalId name email currency } }", admin, id=customer_id
    )["customer"]
    assert customer == {
        "externalId": customer_external,
        "name": customer_name,
        "email": f"billing-{suffix}@customer.example",
        "currency": "EUR",
    }

    # invitations for an account manager and a finance member
    await page.get_by_role("navigation", name="Main").get_by_role("link", name="Team").click()
    manager_link = await invite(page, manager_email, "Account Manager")
    finance_link = await invite(page, finance_email, "Finance & Analyst", manager_link)

    # the manager accepts in a browser of their own and subscribes the customer at a negotiated price
    context, manager, manager_problems = await browser_of(browser, live_server)
    try:
        await accept(manager, manager_link, manager_email)
        await manager.get_by_role("navigation", name="Main").get_by_role("link", name="Customers").click()
        await manager.get_by_role("searchbox", name="Search customers").fill(suffix)
        await manager.get_by_role("table", name="Customers").get_by_role("link", name=customer_name).click()
        await manager.get_by_role("tab", name="Subscriptions", exact=True).click()
        await manager.get_by_role("link", name="New subscription").click()
        await choose(manager, "Plan", "Workflow plan")
        await manager.get_by_label("Start date", exact=True).fill(started.isoformat())
        await manager.get_by_label("External id", exact=True).fill(subscription_external)
        await manager.get_by_role("checkbox", name="Negotiate Storage GB").check()
        price = manager.get_by_label("Storage GB: price per package (EUR)")
        await expect(price).to_have_value(PACKAGE["amount"])  # the plan's, to change
        await price.fill(NEGOTIATED_PACKAGE)
        await manager.get_by_role("button", name="Create subscription").click()
        await expect(manager).to_have_url(re.compile(r"/subscriptions/[0-9a-f-]{36}$"))
        prices = manager.get_by_role("table", name="Prices in force")
        await expect(prices.get_by_role("row", name=re.compile("^Storage GB"))).to_contain_text("Negotiated")
    finally:
        await context.close()
    assert not manager_problems, manager_problems
    assert members_of(live_server, admin) == {admin_email: ["admin"], manager_email: ["manager"]}
    manager_token = live_server.login(manager_email, PASSWORD)
    (subscription,) = live_server.ok(
        "query($id: ID!) { customer(id: $id) { subscriptions { externalId status startedAt plan { "
        "parent { code } amountCents charges { billableMetric { code } properties { amount packageSize "
        "freeUnits graduatedRanges { fromValue toValue perUnitAmount flatAmount } } } } } } }",
        manager_token,
        id=customer_id,
    )["customer"]["subscriptions"]
    assert (subscription["externalId"], subscription["status"]) == (subscription_external, "ACTIVE")
    assert datetime.fromisoformat(subscription["startedAt"]) == datetime(
        started.year, started.month, started.day, tzinfo=UTC
    )
    negotiated = subscription["plan"]
    assert (negotiated["parent"]["code"], int(negotiated["amountCents"])) == (plan_code, FEE_CENTS)
    charges = {c["billableMetric"]["code"]: c["properties"] for c in negotiated["charges"]}
    assert charges[storage] == {**package["properties"], "amount": NEGOTIATED_PACKAGE}
    assert charges[compute] == graduated["properties"]  # not negotiated: the plan's

    # the admin makes an API key for the usage integration; its secret is shown once
    await page.get_by_role("navigation", name="Main").get_by_role("link", name="Developers").click()
    await page.get_by_role("button", name="New API key").click()
    dialog = page.get_by_role("dialog", name="New API key")
    await dialog.get_by_label("Name").fill(f"Usage sync {suffix}")
    await page.get_by_role("combobox", name="Roles").click(force=True)
    await page.get_by_role("option", name="Admin", exact=True).click()
    await dialog.get_by_label("Name").click()  # closes the roles' dropdown
    await dialog.get_by_role("button", name="Create key").click()
    shown = page.get_by_role("dialog", name=f"API key Usage sync {suffix}")
    await expect(shown.get_by_role("alert")).to_contain_text("shown once")
    secret = await shown.get_by_role("textbox", name="Secret").input_value()
    await shown.get_by_role("button", name="I have stored it").click()
    await expect(shown).to_have_count(0)
    assert secret
    assert secret not in await page.content()
    keys = live_server.ok("{ apiKeys { name status } }", admin)["apiKeys"]
    assert keys == [{"name": f"Usage sync {suffix}", "status": "ACTIVE"}]

    # last month's usage, sent with the key over the REST API
    day = datetime(started.year, started.month, started.day, 12, tzinfo=UTC)
    events = [
        {
            "transaction_id": f"tx_{code}_{index}_{suffix}",
            "external_subscription_id": subscription_external,
            "code": code,
            "timestamp": (day + timedelta(days=index)).isoformat(),
            "properties": {field: value},
        }
        for code, field, values in ((compute, "hours", HOURS), (storage, "gb", GIGABYTES))
        for index, value in enumerate(values)
    ]
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as client:
        sent = await client.post(
            "/api/v1/events/batch", json={"events": events}, headers={"authorization": f"Bearer {secret}"}
        )
    assert sent.status_code == 200, sent.text
    assert (sent.json()["created"], sent.json()["rejected"]) == (len(events), 0), sent.json()

    # the billing run closes last month
    assert "billing run at" in bill(console_database)
    (invoice,) = live_server.ok(INVOICES, admin, c=customer_id)["invoices"]["collection"]
    assert (invoice["status"], invoice["invoiceType"], invoice["currency"]) == (
        "FINALIZED",
        "SUBSCRIPTION",
        "EUR",
    )
    fees = sorted(
        (f["feeType"], f["invoiceDisplayName"], int(f["amountCents"]), int(f["taxesAmountCents"]))
        for f in invoice["fees"]
    )
    subscription_fee = next(
        f["invoiceDisplayName"] for f in invoice["fees"] if f["feeType"] == "SUBSCRIPTION"
    )
    assert fees == sorted(
        [
            ("SUBSCRIPTION", subscription_fee, FEE_CENTS, FEE_CENTS * TAX_RATE // 100),
            ("CHARGE", "Compute time", COMPUTE_CENTS, COMPUTE_CENTS * TAX_RATE // 100),
            ("CHARGE", "Storage", STORAGE_CENTS, STORAGE_CENTS * TAX_RATE // 100),
        ]
    )
    units = {f["invoiceDisplayName"]: float(f["units"]) for f in invoice["fees"] if f["feeType"] == "CHARGE"}
    assert units == {"Compute time": 62.5, "Storage": 37.0}
    assert [int(invoice[k]) for k in ("subTotalExcludingTaxesAmountCents", "taxesAmountCents")] == [
        SUBTOTAL_CENTS,
        TAXES_CENTS,
    ]
    assert int(invoice["totalAmountCents"]) == TOTAL_CENTS

    # finance accepts in a third browser and reads the invoice
    context, finance, finance_problems = await browser_of(browser, live_server)
    try:
        await accept(finance, finance_link, finance_email)
        await finance.get_by_role("navigation", name="Main").get_by_role("link", name="Invoices").click()
        await finance.get_by_label("Search invoices").fill(invoice["number"])
        rows = finance.get_by_role("table", name="Invoices").get_by_role("row")
        await expect(rows).to_have_count(2)
        await rows.nth(1).get_by_role("link", name=invoice["number"]).click()
        await expect(
            finance.get_by_role("heading", name=f"Invoice {invoice['number']}", level=1)
        ).to_be_visible()
        lines = finance.get_by_role("table", name="Fees").get_by_role("row")
        await expect(lines).to_have_count(4)
        for name, cents in (
            (subscription_fee, FEE_CENTS),
            ("Compute time", COMPUTE_CENTS),
            ("Storage", STORAGE_CENTS),
        ):
            line = lines.filter(has=finance.get_by_role("cell", name=re.compile(f"^{re.escape(name)}")))
            await expect(line).to_have_count(1)
            for shown_cents in (cents, cents * TAX_RATE // 100, cents * (100 + TAX_RATE) // 100):
                await expect(line).to_contain_text(money(shown_cents, "EUR"))
        totals = finance.get_by_role("table", name="Totals")
        for label, cents in (
            ("Subtotal excluding taxes", SUBTOTAL_CENTS),
            ("Taxes", TAXES_CENTS),
            ("Total due", TOTAL_CENTS),
        ):
            await expect(totals.get_by_role("row", name=re.compile(f"^{label}"))).to_contain_text(
                money(cents, "EUR")
            )
    finally:
        await context.close()
    assert not finance_problems, finance_problems
    assert members_of(live_server, admin) == {
        admin_email: ["admin"],
        manager_email: ["manager"],
        finance_email: ["finance"],
    }
    finance_token = live_server.login(finance_email, PASSWORD)
    seen = live_server.ok(INVOICES, finance_token, c=customer_id)["invoices"]["collection"]
    assert seen == [invoice]  # finance reads the same invoice the admin's graph gives
