"""An account manager's day in the console, end to end in a real browser, as manager@ of the demo: find
the customer, subscribe them to Starter at a negotiated price, apply a coupon, open a wallet and top it
up, and invoice an add-on once. Each step is checked through the graph. The customer (the manager may
not create customers) and the coupon are made for this test by the admin, through the graph."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

from playwright.async_api import Page, expect

from tests.console.conftest import DEMO_MEMBERS, LiveServer
from tests.console.test_coupons_wallets import (
    applied_coupons,
    done,
    field,
    open_dialog,
    transactions_of,
    wallets_of,
)
from tests.console.test_invoices import money, signed_in

ADMIN, MANAGER, _ = DEMO_MEMBERS


async def choose(page: Page, label: str, option: str) -> None:
    await page.get_by_role("combobox", name=label, exact=True).click()
    await page.get_by_role("option", name=re.compile(f"^{re.escape(option)}")).click()


async def test_the_manager_subscribes_with_a_negotiated_price_applies_a_coupon_tops_up_and_invoices(
    page: Page, live_server: LiveServer
) -> None:
    # given a new customer and a 10 EUR coupon
    admin = live_server.login(ADMIN)
    suffix = uuid.uuid4().hex[:8]
    name = f"Manager Workflow {suffix}"
    customer = live_server.ok(
        'mutation($x: String!, $n: String!) { createCustomer(input: {externalId: $x, name: $n, currency: "EUR"}) '
        "{ id } }",
        admin,
        x=f"cus_mgr_{suffix}",
        n=name,
    )["createCustomer"]["id"]
    coupon = live_server.ok(
        "mutation($c: String!) { createCoupon(input: {name: $c, code: $c, frequency: ONCE, couponType: FIXED_AMOUNT, "
        'amountCents: 1000, amountCurrency: "EUR"}) { id name code } }',
        admin,
        c=f"loyal_{suffix}",
    )["createCoupon"]
    manager = live_server.login(MANAGER)

    # the manager finds the customer from the list
    await signed_in(page, MANAGER, "/")
    await expect(page.get_by_role("heading", name="Customers", level=1)).to_be_visible()
    await page.get_by_role("searchbox", name="Search customers").fill(suffix)
    await page.get_by_role("table", name="Customers").get_by_role("link", name=name).click()
    await expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()

    # subscribes them to Starter with a negotiated price per API call
    await page.get_by_role("tab", name="Subscriptions", exact=True).click()
    await page.get_by_role("link", name="New subscription").click()
    await expect(page.get_by_role("heading", name="New subscription", level=1)).to_be_visible()
    await choose(page, "Plan", "Starter")
    await page.get_by_label("External id").fill(f"sub_mgr_{suffix}")
    await page.get_by_role("checkbox", name="Negotiate API calls").check()
    await page.get_by_label("API calls: price per unit (EUR)").fill("0.0015")
    await page.get_by_role("button", name="Create subscription").click()
    await expect(page).to_have_url(re.compile(r"/subscriptions/[0-9a-f-]{36}$"))
    api_calls = page.get_by_role("table", name="Prices in force").get_by_role(
        "row", name=re.compile("^API calls")
    )
    await expect(api_calls).to_contain_text("Negotiated")
    subscription = live_server.ok(
        "query($id: ID!) { customer(id: $id) { subscriptions { externalId status plan { parent { code } "
        "charges { properties { amount } billableMetric { code } } } } } }",
        manager,
        id=customer,
    )["customer"]["subscriptions"]
    assert [(s["externalId"], s["status"], s["plan"]["parent"]["code"]) for s in subscription] == [
        (f"sub_mgr_{suffix}", "ACTIVE", "starter")
    ]
    prices = {
        c["billableMetric"]["code"]: c["properties"]["amount"] for c in subscription[0]["plan"]["charges"]
    }
    assert prices["api_calls"] == "0.0015"

    # applies the coupon
    await page.goto(f"/customers/{customer}?tab=coupons")
    dialog = await open_dialog(
        page, page.get_by_role("button", name="Apply a coupon"), re.compile("^Apply a coupon to")
    )
    await field(dialog, "Coupon").select_option(coupon["id"])
    await dialog.get_by_role("button", name="Apply coupon").click()
    await done(page, f"{coupon['name']} now applies")
    applied = applied_coupons(live_server, manager, customer)
    assert [a["coupon"]["code"] for a in applied] == [coupon["code"]]

    # opens a wallet and tops it up
    await page.get_by_role("tab", name="Wallets", exact=True).click()
    dialog = await open_dialog(
        page, page.get_by_role("button", name="Create a wallet"), re.compile("^Create a wallet for")
    )
    await field(dialog, "Name").fill("Prepaid usage")
    await field(dialog, "Rate").fill("1")
    await field(dialog, "Granted credits").fill("25")
    await dialog.get_by_role("button", name="Create wallet").click()
    await done(page, "Prepaid usage was created")
    card = page.get_by_role("region", name="Wallet Prepaid usage")
    dialog = await open_dialog(page, card.get_by_role("button", name="Top up"), "Top up Prepaid usage")
    await field(dialog, "Paid credits").fill("50")
    await dialog.get_by_role("button", name="Top up wallet").click()
    await expect(
        card.get_by_role("table", name="Transactions of Prepaid usage").get_by_role("row")
    ).to_have_count(3)
    (wallet,) = wallets_of(live_server, manager, customer)
    assert (Decimal(wallet["creditsBalance"]), int(wallet["balanceCents"])) == (Decimal(25), 2500)
    assert transactions_of(live_server, manager, wallet["id"]) == sorted(
        [
            ("INBOUND", "GRANTED", "SETTLED", Decimal(25), 2500),
            ("INBOUND", "PURCHASED", "PENDING", Decimal(50), 5000),
        ]
    )

    # and invoices the onboarding add-on once
    await page.goto(f"/customers/{customer}")
    await page.get_by_role("link", name="New one-off invoice").click()
    line = page.get_by_role("group", name="Line 1")
    await line.get_by_role("combobox", name="Add-on").click()
    await page.get_by_role("option", name=re.compile(r"^Onboarding\b")).click()
    await line.get_by_label("Units").fill("1")
    await page.get_by_role("button", name="Create invoice").click()
    await expect(page).to_have_url(re.compile(r"/invoices/[0-9a-f-]{36}$"))
    invoice_id = page.url.rsplit("/", 1)[1]
    invoice = live_server.ok(
        "query($id: ID!) { invoice(id: $id) { number invoiceType status totalAmountCents customer { id } "
        "fees { units feeType invoiceDisplayName } } }",
        manager,
        id=invoice_id,
    )["invoice"]
    assert (invoice["invoiceType"], invoice["status"], invoice["customer"]["id"]) == (
        "ONE_OFF",
        "FINALIZED",
        customer,
    )
    assert [(f["units"], f["feeType"], f["invoiceDisplayName"]) for f in invoice["fees"]] == [
        ("1", "ADD_ON", "Onboarding")
    ]
    await expect(page.get_by_role("heading", name=f"Invoice {invoice['number']}", level=1)).to_be_visible()
    totals = page.get_by_role("table", name="Totals")
    await expect(totals.get_by_role("row", name=re.compile("^Total due"))).to_contain_text(
        money(int(invoice["totalAmountCents"]), "EUR")
    )
