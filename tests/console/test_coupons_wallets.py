"""A customer's Coupons and Wallets tabs in a real browser against the live demo server. As the demo's
account manager, on customers made through the graph: a coupon is applied with overrides (a percentage
with a frequency and number of periods; a fixed amount) and terminated after a confirmation; a wallet is
created, topped up (paid credits: pending until its invoice is paid), granted free credits and
terminated; each result is read back through the graph with exact values. The graph's VALIDATION_ERROR
shows at its field. Who sees which tab follows console/src/customers/tabs.ts and the permissions; who
sees which action follows console/src/coupons/actions.ts and console/src/wallets/actions.ts (computed
here from the permissions the graph reports, never listed per role). axe-core finds no serious or
critical violation on both tabs and their modals."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from playwright.async_api import Browser, Locator, Page, expect

from tests.console.conftest import (
    DEMO_MEMBERS,
    DEMO_PASSWORD,
    ROOT,
    LiveServer,
    axe_script,
    console_context,
    serious_violations,
)
from tests.console.test_every_screen import customer_tabs
from tests.console.test_shell import sign_in

ADMIN, MANAGER, FINANCE = DEMO_MEMBERS
CUSTOM = "custom role"
CUSTOM_EMAIL, CUSTOM_PASSWORD = "detacher@demo.example", "detacher password 123"
# sees coupons and may terminate one, but not coupons:attach (no Apply); sees wallets, changes none
CUSTOM_PERMISSIONS = ["customers:view", "coupons:view", "coupons:detach", "wallets:view"]
MEMBERS = [MANAGER, FINANCE, CUSTOM]
SCREENSHOTS = ROOT / "var" / "screenshots" / "coupons-wallets"  # ignored by git, to be looked at

APPLIED = """appliedCoupons { id status amountCents amountCentsRemaining amountCurrency percentageRate
  frequency frequencyDuration frequencyDurationRemaining terminatedAt coupon { id code } }"""
WALLETS = """wallets { id name currency rateAmount status creditsBalance balanceCents expirationAt
  terminatedAt }"""
TRANSACTIONS = """query($w: ID!) { walletTransactions(walletId: $w, limit: 50) { collection {
  transactionType status source creditAmount amountCents } } }"""


@dataclass(frozen=True)
class Setup:
    admin: str  # token
    percentage: dict[str, Any]  # a 10 % coupon, once
    fixed: dict[str, Any]  # EUR 10.00, once
    viewed: str  # a customer with an applied coupon and an active wallet, made by the admin
    bare: str  # a customer with neither


def credentials(member: str) -> tuple[str, str]:
    return (CUSTOM_EMAIL, CUSTOM_PASSWORD) if member == CUSTOM else (member, DEMO_PASSWORD)


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


def new_customer(live_server: LiveServer, token: str) -> str:
    external = unique("cus_cw")
    return str(
        live_server.ok(
            'mutation($e: String!) { createCustomer(input: {externalId: $e, name: $e, currency: "EUR"}) { id } }',
            token,
            e=external,
        )["createCustomer"]["id"]
    )


def create_coupon(live_server: LiveServer, token: str, terms: str) -> dict[str, Any]:
    code = unique("cw")
    return live_server.ok(  # type: ignore[no-any-return]
        f"mutation($c: String!) {{ createCoupon(input: {{name: $c, code: $c, frequency: ONCE, {terms}}}) {{ id name code }} }}",
        token,
        c=code,
    )["createCoupon"]


def applied_coupons(live_server: LiveServer, token: str, customer: str) -> list[dict[str, Any]]:
    answer = live_server.ok(f"query($id: ID!) {{ customer(id: $id) {{ {APPLIED} }} }}", token, id=customer)
    return answer["customer"]["appliedCoupons"]  # type: ignore[no-any-return]


def wallets_of(live_server: LiveServer, token: str, customer: str) -> list[dict[str, Any]]:
    answer = live_server.ok(f"query($id: ID!) {{ customer(id: $id) {{ {WALLETS} }} }}", token, id=customer)
    return answer["customer"]["wallets"]  # type: ignore[no-any-return]


def transactions_of(
    live_server: LiveServer, token: str, wallet: str
) -> list[tuple[str, str, str, Decimal, int]]:
    found = live_server.ok(TRANSACTIONS, token, w=wallet)["walletTransactions"]["collection"]
    return sorted(
        (t["transactionType"], t["source"], t["status"], Decimal(t["creditAmount"]), int(t["amountCents"]))
        for t in found
    )


@pytest.fixture(scope="module")
def setup(live_server: LiveServer) -> Setup:
    admin = live_server.login(ADMIN)
    percentage = create_coupon(live_server, admin, 'couponType: PERCENTAGE, percentageRate: "10"')
    fixed = create_coupon(
        live_server, admin, 'couponType: FIXED_AMOUNT, amountCents: 1000, amountCurrency: "EUR"'
    )
    viewed = new_customer(live_server, admin)
    live_server.ok(
        "mutation($c: ID!, $k: ID!) { createAppliedCoupon(input: {customerId: $c, couponId: $k}) { id } }",
        admin,
        c=viewed,
        k=percentage["id"],
    )
    live_server.ok(
        'mutation($c: ID!) { createCustomerWallet(input: {customerId: $c, currency: "EUR", rateAmount: "1", '
        'name: "Viewed wallet", grantedCredits: "5"}) { id } }',
        admin,
        c=viewed,
    )
    live_server.ok(
        'mutation($p: [String!]!) { createRole(input: {code: "cw_detacher", name: "Detacher", permissions: $p}) { id } }',
        admin,
        p=CUSTOM_PERMISSIONS,
    )
    invite = live_server.ok(
        'mutation($e: String!) { createInvite(input: {email: $e, roles: ["cw_detacher"]}) { invite { token } } }',
        admin,
        e=CUSTOM_EMAIL,
    )["createInvite"]["invite"]["token"]
    live_server.ok(
        "mutation($t: String!, $p: String!) { acceptInvite(input: {token: $t, password: $p}) { token } }",
        t=invite,
        p=CUSTOM_PASSWORD,
    )
    return Setup(admin, percentage, fixed, viewed, new_customer(live_server, admin))


async def signed_in(page: Page, member: str, path: str) -> None:
    email, password = credentials(member)
    await page.goto(path)
    await sign_in(page, email, password)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()


def field(within: Page | Locator, label: str) -> Locator:
    """An input by its label, exactly (a required one's label ends with an asterisk)."""
    return within.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


async def done(page: Page, text: str) -> None:
    await expect(page.get_by_role("status").filter(has_text=text)).to_be_visible()


async def open_dialog(page: Page, button: Locator, title: str) -> Locator:
    await button.click()
    dialog = page.get_by_role("dialog", name=title)
    await expect(dialog).to_be_visible()
    return dialog


async def test_the_manager_applies_coupons_with_overrides_and_terminates_one(
    page: Page, live_server: LiveServer, setup: Setup
) -> None:
    customer = new_customer(live_server, setup.admin)
    await signed_in(page, MANAGER, f"/customers/{customer}?tab=coupons")
    await expect(page.get_by_text("No coupon applies to this customer.")).to_be_visible()
    apply = page.get_by_role("button", name="Apply a coupon")

    dialog = await open_dialog(page, apply, re.compile("^Apply a coupon to"))
    await field(dialog, "Coupon").select_option(setup.percentage["id"])
    await field(dialog, "Percentage").fill("12.5")
    await field(dialog, "Frequency").select_option("RECURRING")
    await field(dialog, "Number of periods").fill("3")
    await dialog.get_by_role("button", name="Apply coupon").click()
    await done(page, f"{setup.percentage['name']} now applies")
    table = page.get_by_role("table", name="Applied coupons")
    row = table.get_by_role("row").filter(has_text=setup.percentage["code"])
    await expect(row.get_by_role("cell")).to_have_text(
        [
            re.compile(setup.percentage["name"]),
            "Percentage",
            "12.5 %",
            "Recurring, 3 periods",
            "3 periods",
            "Active",
            re.compile(r"\d{4}"),
            "Terminate",
        ]
    )

    dialog = await open_dialog(page, apply, re.compile("^Apply a coupon to"))
    await field(dialog, "Coupon").select_option(setup.fixed["id"])
    await field(dialog, "Amount").fill("7.50")
    await dialog.get_by_role("button", name="Apply coupon").click()
    fixed_row = table.get_by_role("row").filter(has_text=setup.fixed["code"])
    await expect(fixed_row.get_by_role("cell").nth(2)).to_have_text("€7.50")
    await expect(fixed_row.get_by_role("cell").nth(4)).to_have_text("€7.50")

    found = {a["coupon"]["code"]: a for a in applied_coupons(live_server, setup.admin, customer)}
    percentage, fixed = found[setup.percentage["code"]], found[setup.fixed["code"]]
    assert (percentage["status"], Decimal(percentage["percentageRate"]), percentage["frequency"]) == (
        "ACTIVE",
        Decimal("12.5"),
        "RECURRING",
    )
    assert (percentage["frequencyDuration"], percentage["frequencyDurationRemaining"]) == (3, 3)
    assert percentage["amountCents"] is None
    assert (int(fixed["amountCents"]), int(fixed["amountCentsRemaining"]), fixed["amountCurrency"]) == (
        750,
        750,
        "EUR",
    )
    assert (fixed["percentageRate"], fixed["frequency"], fixed["frequencyDuration"]) == (None, "ONCE", None)

    dialog = await open_dialog(
        page,
        row.get_by_role("button", name=f"Terminate {setup.percentage['name']}"),
        f"Terminate {setup.percentage['name']}",
    )
    async with page.expect_response(
        lambda r: r.url.endswith("/graphql") and "terminateAppliedCoupon" in (r.request.post_data or "")
    ) as reply:
        await dialog.get_by_role("button", name="Terminate coupon").click()
    answer = await (await reply.value).json()
    assert answer["data"]["terminateAppliedCoupon"]["id"] == percentage["id"]
    assert answer["data"]["terminateAppliedCoupon"]["status"] == "TERMINATED"
    await done(page, f"{setup.percentage['name']} no longer applies")
    await expect(row).to_have_count(0)
    # the customer's coupons are those applying now: the fixed one only
    assert [a["id"] for a in applied_coupons(live_server, setup.admin, customer)] == [fixed["id"]]


async def test_an_override_the_graph_refuses_is_shown_at_its_field(
    page: Page, live_server: LiveServer, setup: Setup
) -> None:
    customer = new_customer(live_server, setup.admin)
    await signed_in(page, MANAGER, f"/customers/{customer}?tab=coupons")
    dialog = await open_dialog(
        page, page.get_by_role("button", name="Apply a coupon"), re.compile("^Apply a coupon to")
    )
    await field(dialog, "Coupon").select_option(setup.percentage["id"])
    percentage = field(dialog, "Percentage")
    await percentage.fill("150")
    await dialog.get_by_role("button", name="Apply coupon").click()
    await expect(percentage).to_have_attribute("aria-invalid", "true")
    await expect(dialog.get_by_text("must be at most 100")).to_be_visible()
    await expect(dialog).to_be_visible()
    assert applied_coupons(live_server, setup.admin, customer) == []


async def test_the_manager_creates_tops_up_grants_and_terminates_a_wallet(
    page: Page, live_server: LiveServer, setup: Setup
) -> None:
    customer = new_customer(live_server, setup.admin)
    name = unique("Prepaid")
    await signed_in(page, MANAGER, f"/customers/{customer}?tab=wallets")
    await expect(page.get_by_text("This customer has no wallet.")).to_be_visible()
    create = page.get_by_role("button", name="Create a wallet")
    dialog = await open_dialog(page, create, re.compile("^Create a wallet for"))
    await expect(field(dialog, "Currency")).to_have_value("EUR")  # the customer's
    await field(dialog, "Name").fill(name)
    await field(dialog, "Rate").fill("1.5")
    await field(dialog, "Paid credits").fill("10")
    await field(dialog, "Granted credits").fill("20")
    await field(dialog, "Expiry date").fill("2030-01-01")
    await dialog.get_by_role("button", name="Create wallet").click()
    await done(page, f"{name} was created")
    card = page.get_by_role("region", name=f"Wallet {name}")
    await expect(card).to_contain_text("Balance (credits)20")
    await expect(card).to_contain_text("Balance (amount)€30.00")
    await expect(card).to_contain_text("Rate (one credit)€1.50")
    await expect(card).to_contain_text("ExpiresJan 1, 2030")
    await expect(create).to_have_count(0)  # one active wallet per customer

    (wallet,) = wallets_of(live_server, setup.admin, customer)
    assert (wallet["name"], wallet["currency"], wallet["status"]) == (name, "EUR", "ACTIVE")
    assert (
        Decimal(wallet["rateAmount"]),
        Decimal(wallet["creditsBalance"]),
        int(wallet["balanceCents"]),
    ) == (
        Decimal("1.5"),
        Decimal(20),
        3000,
    )
    assert wallet["expirationAt"].startswith("2030-01-01T00:00:00")
    granted = ("INBOUND", "GRANTED", "SETTLED", Decimal(20), 3000)
    purchased = ("INBOUND", "PURCHASED", "PENDING", Decimal(10), 1500)
    assert transactions_of(live_server, setup.admin, wallet["id"]) == sorted([granted, purchased])

    dialog = await open_dialog(page, card.get_by_role("button", name="Top up"), f"Top up {name}")
    await field(dialog, "Paid credits").fill("4")
    await dialog.get_by_role("button", name="Top up wallet").click()
    await done(page, f"4 paid credits were invoiced for {name}")
    transactions = card.get_by_role("table", name=f"Transactions of {name}")
    await expect(transactions.get_by_role("row")).to_have_count(4)
    topped = ("INBOUND", "PURCHASED", "PENDING", Decimal(4), 600)
    assert transactions_of(live_server, setup.admin, wallet["id"]) == sorted([granted, purchased, topped])
    assert Decimal(wallets_of(live_server, setup.admin, customer)[0]["creditsBalance"]) == 20  # pending

    dialog = await open_dialog(
        page, card.get_by_role("button", name="Grant credits"), f"Grant credits to {name}"
    )
    await field(dialog, "Granted credits").fill("2.5")
    await dialog.get_by_role("button", name="Grant credits").click()
    await done(page, f"2.5 credits were granted to {name}")
    await expect(card).to_contain_text("Balance (credits)22.5")
    await expect(card).to_contain_text("Balance (amount)€33.75")
    await expect(transactions.get_by_role("row")).to_have_count(5)
    (wallet,) = wallets_of(live_server, setup.admin, customer)
    assert (Decimal(wallet["creditsBalance"]), int(wallet["balanceCents"])) == (Decimal("22.5"), 3375)
    extra = ("INBOUND", "GRANTED", "SETTLED", Decimal("2.5"), 375)
    assert transactions_of(live_server, setup.admin, wallet["id"]) == sorted(
        [granted, purchased, topped, extra]
    )

    dialog = await open_dialog(page, card.get_by_role("button", name="Terminate"), f"Terminate {name}")
    await dialog.get_by_role("button", name="Terminate wallet").click()
    await done(page, f"{name} is terminated")
    await expect(card).to_contain_text("Terminated")
    await expect(card.get_by_role("button")).to_have_count(0)
    await expect(create).to_be_visible()  # no active wallet left
    (wallet,) = wallets_of(live_server, setup.admin, customer)
    assert wallet["status"] == "TERMINATED"
    assert wallet["terminatedAt"] is not None
    assert (Decimal(wallet["creditsBalance"]), int(wallet["balanceCents"])) == (Decimal("22.5"), 3375)


async def test_wallet_values_the_graph_refuses_are_shown_at_their_fields(
    page: Page, live_server: LiveServer, setup: Setup
) -> None:
    customer = new_customer(live_server, setup.admin)
    await signed_in(page, MANAGER, f"/customers/{customer}?tab=wallets")
    dialog = await open_dialog(
        page, page.get_by_role("button", name="Create a wallet"), re.compile("^Create a wallet for")
    )
    rate = field(dialog, "Rate")
    await rate.fill("0")
    await dialog.get_by_role("button", name="Create wallet").click()
    await expect(rate).to_have_attribute("aria-invalid", "true")
    await expect(dialog.get_by_text("must be greater than 0")).to_be_visible()
    assert wallets_of(live_server, setup.admin, customer) == []

    await page.goto(f"/customers/{setup.viewed}?tab=wallets")
    card = page.get_by_role("region", name="Wallet Viewed wallet")
    dialog = await open_dialog(page, card.get_by_role("button", name="Top up"), "Top up Viewed wallet")
    paid = field(dialog, "Paid credits")
    await paid.fill("1.123456")  # at most 5 decimal places
    await dialog.get_by_role("button", name="Top up wallet").click()
    await expect(paid).to_have_attribute("aria-invalid", "true")
    await expect(dialog.get_by_text("must have at most 5 decimal places")).to_be_visible()
    (wallet,) = wallets_of(live_server, setup.admin, setup.viewed)
    assert len(transactions_of(live_server, setup.admin, wallet["id"])) == 1


@pytest.mark.parametrize("member", MEMBERS)
async def test_the_tabs_and_actions_follow_the_permissions(
    page: Page, live_server: LiveServer, setup: Setup, member: str
) -> None:
    email, password = credentials(member)
    permissions = live_server.permissions(email, password)
    if member == CUSTOM:
        assert "coupons:attach" not in permissions
    await signed_in(page, member, f"/customers/{setup.viewed}")
    expected = [t.label for t in customer_tabs() if t.permissions <= permissions]
    await expect(page.get_by_role("tablist", name="Customer sections").get_by_role("tab")).to_have_text(
        expected
    )
    coupon, wallet = setup.percentage["name"], "Viewed wallet"
    if "Coupons" in expected:
        await page.get_by_role("tab", name="Coupons").click()
        await expect(page.get_by_role("table", name="Applied coupons")).to_contain_text(coupon)
        # canApply, canTerminate (an active applied coupon)
        await expect(page.get_by_role("button", name="Apply a coupon")).to_have_count(
            int("coupons:attach" in permissions)
        )
        await expect(page.get_by_role("button", name=f"Terminate {coupon}")).to_have_count(
            int("coupons:detach" in permissions)
        )
    if "Wallets" in expected:
        await page.get_by_role("tab", name="Wallets").click()
        card = page.get_by_role("region", name=f"Wallet {wallet}")
        await expect(card).to_contain_text("Balance (credits)5")
        await expect(page.get_by_role("button", name="Create a wallet")).to_have_count(0)  # one is active
        await expect(card.get_by_role("button", name="Top up")).to_have_count(
            int("wallets:top_up" in permissions)
        )
        await expect(card.get_by_role("button", name="Grant credits")).to_have_count(
            int("wallets:top_up" in permissions)
        )
        await expect(card.get_by_role("button", name="Terminate")).to_have_count(
            int("wallets:terminate" in permissions)
        )
        # canCreate: wallets:create, on a customer without an active wallet
        await page.goto(f"/customers/{setup.bare}?tab=wallets")
        await expect(page.get_by_text("This customer has no wallet.")).to_be_visible()
        await expect(page.get_by_role("button", name="Create a wallet")).to_have_count(
            int("wallets:create" in permissions)
        )


@pytest.fixture
async def axe_tab(browser: Browser, live_server: LiveServer) -> AsyncIterator[Page]:
    axe_script()
    context = await console_context(browser, live_server, bypass_csp=True)  # axe is injected
    yield await context.new_page()
    await context.close()


async def test_the_tabs_and_their_modals_are_accessible(
    axe_tab: Page, live_server: LiveServer, setup: Setup
) -> None:
    page, found = axe_tab, {}

    async def check(name: str) -> None:
        await page.wait_for_load_state("networkidle")
        await expect(page.get_by_label(re.compile(r"^Loading"))).to_have_count(0)
        # a modal fades in: its colours are checked once the transition is over
        await page.wait_for_function("document.getAnimations().every((a) => a.playState !== 'running')")
        found[name] = await serious_violations(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        await page.screenshot(
            path=str(SCREENSHOTS / f"{re.sub(r'[^a-z0-9]+', '-', name.lower())}.png"), full_page=True
        )

    async def close(dialog: Locator) -> None:
        await dialog.get_by_role("button", name="Cancel").click()
        await expect(dialog).to_have_count(0)

    await signed_in(page, MANAGER, f"/customers/{setup.viewed}?tab=coupons")
    await expect(page.get_by_role("table", name="Applied coupons")).to_be_visible()
    await check("coupons")
    dialog = await open_dialog(
        page, page.get_by_role("button", name="Apply a coupon"), re.compile("^Apply a coupon to")
    )
    await field(dialog, "Coupon").select_option(setup.fixed["id"])
    await check("apply a fixed coupon")
    await field(dialog, "Coupon").select_option(setup.percentage["id"])
    await field(dialog, "Frequency").select_option("RECURRING")
    await dialog.get_by_role("button", name="Apply coupon").click()  # no number of periods: refused
    await expect(field(dialog, "Number of periods")).to_have_attribute("aria-invalid", "true")
    await check("apply a coupon, a field in error")
    await close(dialog)
    dialog = await open_dialog(
        page,
        page.get_by_role("button", name=f"Terminate {setup.percentage['name']}").first,
        f"Terminate {setup.percentage['name']}",
    )
    await check("terminate a coupon")
    await close(dialog)

    await page.get_by_role("tab", name="Wallets").click()
    card = page.get_by_role("region", name="Wallet Viewed wallet")
    await expect(card.get_by_role("table", name="Transactions of Viewed wallet")).to_be_visible()
    await check("wallets")
    for button, title in (
        ("Top up", "Top up Viewed wallet"),
        ("Grant credits", "Grant credits to Viewed wallet"),
        ("Terminate", "Terminate Viewed wallet"),
    ):
        dialog = await open_dialog(page, card.get_by_role("button", name=button), title)
        await check(title)
        await close(dialog)

    await page.goto(f"/customers/{new_customer(live_server, setup.admin)}?tab=wallets")
    dialog = await open_dialog(
        page, page.get_by_role("button", name="Create a wallet"), re.compile("^Create a wallet for")
    )
    await field(dialog, "Rate").fill("")
    await dialog.get_by_role("button", name="Create wallet").click()  # a field in error, too
    await expect(field(dialog, "Rate")).to_have_attribute("aria-invalid", "true")
    await check("create a wallet")
    assert {name: v for name, v in found.items() if v} == {}
