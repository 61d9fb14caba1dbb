"""The subscriptions screens in a real browser against the live demo server: a customer's Subscriptions
tab (shown by console/src/customers/tabs.ts's table) lists every subscription and offers "New
subscription" exactly when the form's route may be opened; an account manager creates a subscription
with negotiated prices (the fee, a standard charge and a graduated charge's tiers, one tier added),
checked through the graph in exact minor units and normalized properties; the graph's validation
errors show at their inputs; on the subscription page the prices in force are set against the plan's,
and the actions of console/src/subscriptions/actions.ts (live subscription + subscriptions:update)
change the plan (an upgrade now, a downgrade at the period's end), set an end date and terminate
after a confirmation; finance (no subscriptions:create nor update) sees the same screens read-only;
axe-core finds no serious or critical violation on the tab, the form and the page. The customer and
the subscriptions are made through the graph, with unique external ids."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from playwright.async_api import Browser, Page, expect

from tests.console.conftest import (
    DEMO_MEMBERS,
    LiveServer,
    axe_script,
    console_context,
    route_table,
    serious_violations,
)
from tests.console.test_every_screen import customer_tabs
from tests.console.test_shell import sign_in

ADMIN, MANAGER, FINANCE = DEMO_MEMBERS

SUBSCRIPTION_FIELDS = """
  id externalId status endingAt terminatedAt canceledAt subscriptionAt
  nextSubscription { id status plan { code } }
  plan {
    id code amountCents trialPeriod parent { id code amountCents }
    charges {
      id chargeModel billableMetric { code }
      properties {
        amount graduatedRanges { fromValue toValue perUnitAmount flatAmount }
        volumeRanges { fromValue toValue perUnitAmount flatAmount }
      }
    }
  }
"""


@dataclass(frozen=True)
class Setup:
    admin: str  # token
    customer: dict[str, Any]
    plans: dict[str, dict[str, Any]]  # by code


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="module")
def setup(live_server: LiveServer) -> Setup:
    admin = live_server.login(ADMIN)
    customer = live_server.ok(
        'mutation($e: String!) { createCustomer(input: {externalId: $e, name: "Subscribed Console Co", '
        'currency: "EUR"}) { id externalId name } }',
        admin,
        e=unique("cus_console_subs"),
    )["createCustomer"]
    plans = live_server.ok(
        "{ plans(limit: 100) { collection { id code name amountCents interval"
        " charges { id chargeModel billableMetric { code name } } } } }",
        admin,
    )["plans"]["collection"]
    return Setup(admin, customer, {plan["code"]: plan for plan in plans})


def subscribe(live_server: LiveServer, setup: Setup, plan: str, name: str | None = None) -> dict[str, Any]:
    """A subscription made through the graph (as the admin), on a catalogue plan."""
    return live_server.ok(  # type: ignore[no-any-return]
        "mutation($c: ID!, $p: ID!, $e: String!, $n: String) { createSubscription(input: "
        f"{{customerId: $c, planId: $p, externalId: $e, name: $n}}) {{ {SUBSCRIPTION_FIELDS} }} }}",
        setup.admin,
        c=setup.customer["id"],
        p=setup.plans[plan]["id"],
        e=unique("sub_console"),
        n=name,
    )["createSubscription"]


def read(live_server: LiveServer, setup: Setup, subscription_id: str) -> dict[str, Any]:
    return live_server.ok(  # type: ignore[no-any-return]
        f"query($id: ID!) {{ subscription(id: $id) {{ {SUBSCRIPTION_FIELDS} }} }}",
        setup.admin,
        id=subscription_id,
    )["subscription"]


def form_route_permissions() -> frozenset[str]:
    (form,) = [route for route in route_table() if route.id == "subscription-new"]
    return form.permissions


async def signed_in(page: Page, email: str, path: str) -> None:
    await page.goto(path)
    await sign_in(page, email)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()


async def choose(page: Page, label: str, option: str) -> None:
    await page.get_by_role("combobox", name=label, exact=True).click()
    await page.get_by_role("option", name=re.compile(f"^{re.escape(option)}")).click()


@pytest.mark.parametrize("member", [MANAGER, FINANCE])
async def test_the_tab_lists_the_subscriptions_and_offers_new_exactly_when_permitted(
    page: Page, live_server: LiveServer, setup: Setup, member: str
) -> None:
    permissions = live_server.permissions(member)
    (tab,) = [t for t in customer_tabs() if t.id == "subscriptions"]
    assert tab.permissions <= permissions
    listed = subscribe(live_server, setup, "starter", name=unique("Listed"))
    await signed_in(page, member, f"/customers/{setup.customer['id']}?tab=subscriptions")
    await expect(page.get_by_role("tab", name="Subscriptions", exact=True)).to_have_attribute(
        "aria-selected", "true"
    )
    table = page.get_by_role("table", name="Subscriptions")
    row = table.get_by_role("row").filter(has_text=listed["externalId"])
    await expect(row.get_by_role("cell").nth(1)).to_have_text("Starter")
    await expect(row.get_by_role("cell").nth(2)).to_have_text("Active")
    await expect(row.get_by_role("cell").nth(3)).to_have_text("Calendar")
    may_create = form_route_permissions() <= permissions
    assert may_create == (member == MANAGER)  # the contract: manager creates, finance does not
    await expect(page.get_by_role("link", name="New subscription")).to_have_count(1 if may_create else 0)

    await row.get_by_role("link").click()
    await expect(page).to_have_url(re.compile(rf"/subscriptions/{listed['id']}$"))
    await expect(page.get_by_role("table", name="Prices in force")).to_be_visible()
    may_update = "subscriptions:update" in permissions
    assert may_update == (member == MANAGER)
    for action in ("Change plan", "Set end date", "Terminate"):
        await expect(page.get_by_role("button", name=action, exact=True)).to_have_count(
            1 if may_update else 0
        )


async def test_a_manager_creates_a_subscription_with_negotiated_prices(
    page: Page, live_server: LiveServer, setup: Setup
) -> None:
    external_id = unique("sub_negotiated")
    await signed_in(page, MANAGER, f"/customers/{setup.customer['id']}?tab=subscriptions")
    await page.get_by_role("link", name="New subscription").click()
    await expect(page.get_by_role("heading", name="New subscription", level=1)).to_be_visible()
    await choose(page, "Plan", "Enterprise")
    await page.get_by_role("radio", name=re.compile("^Anniversary")).check()
    await page.get_by_label("External id").fill(external_id)
    await page.get_by_label("Name", exact=True).fill("Negotiated contract")

    await page.get_by_role("checkbox", name="Negotiate the subscription fee").check()
    await page.get_by_label("Subscription fee per year (EUR)").fill("9500.50")
    await page.get_by_role("checkbox", name="Negotiate Storage (GB)").check()
    storage = page.get_by_label("Storage (GB): price per unit (EUR)")
    await expect(storage).to_have_value("0.1")  # filled with the plan's price
    await storage.fill("0,08x")  # not a decimal: the graph says so at the input
    await page.get_by_role("checkbox", name="Negotiate Active seats").check()
    await expect(page.get_by_label("Active seats: tier 1, per unit")).to_have_value("10")
    await page.get_by_role("button", name="Add a tier to Active seats").click()
    await page.get_by_label("Active seats: tier 1, per unit").fill("9")
    await page.get_by_label("Active seats: tier 2, to").fill("500")
    await expect(page.get_by_label("Active seats: tier 3, from")).to_have_value("500")  # follows
    await page.get_by_label("Active seats: tier 2, per unit").fill("5.5")
    await page.get_by_label("Active seats: tier 3, from").fill("400")  # not where tier 2 ends
    await page.get_by_label("Active seats: tier 3, per unit").fill("4")
    await page.get_by_label("Active seats: tier 3, flat fee").fill("100")

    await page.get_by_role("button", name="Create subscription").click()
    tier = page.get_by_label("Active seats: tier 3, from")
    await expect(tier).to_have_attribute("aria-invalid", "true")
    await expect(page.get_by_text("must equal the previous tier's toValue (500)")).to_be_visible()
    await expect(storage).to_have_attribute("aria-invalid", "true")
    await expect(page).to_have_url(re.compile(r"/subscriptions/new$"))  # nothing was created
    await tier.fill("500")
    await storage.fill("0.08")
    await page.get_by_role("button", name="Create subscription").click()
    await expect(page).to_have_url(re.compile(r"/subscriptions/[0-9a-f-]{36}$"))
    await expect(
        page.get_by_role("heading", name="Subscription Negotiated contract", level=1)
    ).to_be_visible()

    subscription_id = page.url.rsplit("/", 1)[1]
    made = read(live_server, setup, subscription_id)
    assert made["externalId"] == external_id
    assert made["status"] == "ACTIVE"
    plan = made["plan"]
    assert plan["parent"]["code"] == "enterprise"
    assert int(plan["amountCents"]) == 950_050  # €9,500.50 in minor units
    assert int(plan["parent"]["amountCents"]) == 1_200_000
    charges = {charge["billableMetric"]["code"]: charge for charge in plan["charges"]}
    assert charges["storage_gb"]["properties"]["amount"] == "0.08"
    assert charges["seats"]["properties"]["graduatedRanges"] == [
        {"fromValue": "0", "toValue": "100", "perUnitAmount": "9", "flatAmount": "0"},
        {"fromValue": "100", "toValue": "500", "perUnitAmount": "5.5", "flatAmount": "0"},
        {"fromValue": "500", "toValue": None, "perUnitAmount": "4", "flatAmount": "100"},
    ]
    # not negotiated: the plan's own tiers
    volume = charges["api_calls"]["properties"]["volumeRanges"]
    assert [Decimal(t["perUnitAmount"]) for t in volume] == [Decimal("0.0004"), Decimal("0.0002")]

    prices = page.get_by_role("table", name="Prices in force")
    fee = prices.get_by_role("row", name=re.compile("^Subscription fee"))
    await expect(fee).to_contain_text("€9,500.50 per year")
    await expect(fee).to_contain_text("€12,000.00 per year")
    await expect(fee).to_contain_text("Negotiated")
    seats = prices.get_by_role("row", name=re.compile("^Active seats"))
    await expect(seats).to_contain_text("above 500: €4.00 per unit + €100.00 flat")
    await expect(seats).to_contain_text("Negotiated")
    api = prices.get_by_role("row", name=re.compile("^API calls"))
    await expect(api).not_to_contain_text("Negotiated")


async def test_a_downgrade_waits_for_the_period_end_and_an_upgrade_happens_now(
    page: Page, live_server: LiveServer, setup: Setup
) -> None:
    dear = subscribe(live_server, setup, "enterprise", name=unique("Downgraded"))
    await signed_in(page, MANAGER, f"/subscriptions/{dear['id']}")
    await page.get_by_role("button", name="Change plan").click()
    dialog = page.get_by_role("dialog")
    await choose(page, "New plan", "Pro")
    await expect(dialog).to_contain_text("A downgrade: the change waits for the end of the current period")
    await dialog.get_by_role("button", name="Schedule the downgrade").click()
    await expect(
        page.get_by_role("status").filter(has_text="at the end of the current period")
    ).to_be_visible()
    await expect(page.get_by_text("Plan change scheduled")).to_be_visible()
    changed = read(live_server, setup, dear["id"])
    assert changed["status"] == "ACTIVE"
    assert changed["nextSubscription"]["status"] == "PENDING"
    assert changed["nextSubscription"]["plan"]["code"] == "pro"

    cheap = subscribe(live_server, setup, "starter", name=unique("Upgraded"))
    await page.goto(f"/subscriptions/{cheap['id']}")
    await page.get_by_role("button", name="Change plan").click()
    await choose(page, "New plan", "Pro")
    await expect(page.get_by_role("dialog")).to_contain_text("An upgrade")
    await page.get_by_role("dialog").get_by_role("button", name="Change plan").click()
    await expect(page.get_by_role("status").filter(has_text="Now on Pro.")).to_be_visible()
    await expect(page).not_to_have_url(re.compile(cheap["id"]))
    successor = read(live_server, setup, page.url.rsplit("/", 1)[1])
    assert successor["status"] == "ACTIVE"
    assert successor["plan"]["code"] == "pro"
    assert successor["externalId"] == cheap["externalId"]
    assert read(live_server, setup, cheap["id"])["status"] == "TERMINATED"


async def test_an_end_date_is_set_and_a_past_one_is_refused_at_its_input(
    page: Page, live_server: LiveServer, setup: Setup
) -> None:
    subscription = subscribe(live_server, setup, "starter", name=unique("Ending"))
    await signed_in(page, MANAGER, f"/subscriptions/{subscription['id']}")
    await page.get_by_role("button", name="Set end date").click()
    end = page.get_by_role("textbox", name="End date")
    await end.fill("2020-01-31")
    await page.get_by_role("button", name="Save end date").click()
    await expect(end).to_have_attribute("aria-invalid", "true")
    await expect(page.get_by_role("dialog")).to_contain_text("must be after the start and in the future")
    day = (datetime.now(UTC) + timedelta(days=200)).date().isoformat()
    await end.fill(day)
    await page.get_by_role("button", name="Save end date").click()
    await expect(page.get_by_role("status").filter(has_text="ends on")).to_be_visible()
    ending = read(live_server, setup, subscription["id"])["endingAt"]
    assert ending is not None
    assert datetime.fromisoformat(ending) == datetime.fromisoformat(f"{day}T00:00:00+00:00")

    # and removed again: it renews until terminated
    await page.get_by_role("button", name="Set end date").click()
    await page.get_by_role("dialog").get_by_role("button", name="Remove the end date").click()
    await expect(page.get_by_role("status").filter(has_text="has no end date")).to_be_visible()
    assert read(live_server, setup, subscription["id"])["endingAt"] is None


async def test_the_plan_versions_say_what_changed_and_which_prices_the_period(
    page: Page, live_server: LiveServer, setup: Setup
) -> None:
    # given a plan of its own, repriced after the subscription started (the period keeps version 1)
    metric = live_server.ok("{ billableMetrics(limit: 1) { collection { id } } }", setup.admin)[
        "billableMetrics"
    ]["collection"][0]["id"]
    code = unique("versioned")
    charge = {"billableMetricId": metric, "chargeModel": "STANDARD", "properties": {"amount": "0.01"}}
    plan = live_server.ok(
        "mutation($c: String!, $ch: [ChargeInput!]) { createPlan(input: {name: $c, code: $c, interval: MONTHLY, "
        'amountCents: 1000, amountCurrency: "EUR", charges: $ch}) { id code } }',
        setup.admin,
        c=code,
        ch=[charge],
    )["createPlan"]
    subscription = live_server.ok(
        "mutation($c: ID!, $p: ID!, $e: String!) { createSubscription(input: {customerId: $c, planId: $p, "
        "externalId: $e}) { id } }",
        setup.admin,
        c=setup.customer["id"],
        p=plan["id"],
        e=unique("sub_versioned"),
    )["createSubscription"]
    repriced = {**charge, "properties": {"amount": "0.02"}}
    live_server.ok(
        "mutation($id: ID!, $ch: [ChargeInput!]) { updatePlan(input: {id: $id, amountCents: 1200, charges: $ch}) "
        "{ id } }",
        setup.admin,
        id=plan["id"],
        ch=[repriced],
    )
    # when the manager opens the subscription
    await signed_in(page, MANAGER, f"/subscriptions/{subscription['id']}")
    versions = page.get_by_role("table", name="Plan versions")
    rows = versions.get_by_role("row")
    # then both versions show, newest first, with what changed; version 1 prices the current period
    await expect(rows).to_have_count(3)
    await expect(rows.nth(1)).to_contain_text("Fee €10.00 → €12.00")
    await expect(rows.nth(1)).to_contain_text("prices changed")
    await expect(rows.nth(2)).to_contain_text("The first prices of the plan.")
    await expect(rows.nth(2)).to_contain_text("In force now")
    await expect(rows.nth(1)).not_to_contain_text("In force now")


async def test_terminate_asks_for_confirmation_and_ends_the_subscription(
    page: Page, live_server: LiveServer, setup: Setup
) -> None:
    subscription = subscribe(live_server, setup, "starter", name=unique("Terminated"))
    await signed_in(page, MANAGER, f"/subscriptions/{subscription['id']}")
    await page.get_by_role("button", name="Terminate", exact=True).click()
    dialog = page.get_by_role("dialog")
    await expect(dialog).to_contain_text("ends now: a last invoice bills the time used")
    await expect(dialog).to_contain_text("This cannot be undone.")
    await dialog.get_by_role("button", name="Keep the subscription").click()
    await expect(dialog).to_have_count(0)
    assert read(live_server, setup, subscription["id"])["status"] == "ACTIVE"  # nothing happened
    await page.get_by_role("button", name="Terminate", exact=True).click()
    await page.get_by_role("dialog").get_by_role("button", name="Terminate now").click()
    await expect(page.get_by_role("status").filter(has_text="was terminated")).to_be_visible()
    await expect(page.get_by_text("Terminated", exact=True).first).to_be_visible()
    for action in ("Change plan", "Set end date", "Terminate"):
        await expect(page.get_by_role("button", name=action, exact=True)).to_have_count(0)
    ended = read(live_server, setup, subscription["id"])
    assert ended["status"] == "TERMINATED"
    assert ended["terminatedAt"] is not None


@pytest.mark.parametrize("member", [MANAGER, FINANCE])
async def test_the_subscription_screens_are_accessible(
    browser: Browser, live_server: LiveServer, setup: Setup, member: str
) -> None:
    axe_script()
    subscription = subscribe(live_server, setup, "pro", name=unique("Audited"))
    # negotiated prices, so that the page shows both columns and the badges
    live_server.ok(
        "mutation($id: ID!, $c: ID!) { updateSubscription(input: {id: $id, planOverrides: "
        '{amountCents: 8900, charges: [{id: $c, properties: {rate: "1", fixedAmount: "0.05"}}]}}) { id } }',
        setup.admin,
        id=subscription["id"],
        c=next(c["id"] for c in setup.plans["pro"]["charges"] if c["chargeModel"] == "PERCENTAGE"),
    )
    terminated = subscribe(live_server, setup, "starter", name=unique("Audited ended"))
    live_server.ok(
        "mutation($id: ID!) { terminateSubscription(input: {id: $id}) { id } }",
        setup.admin,
        id=terminated["id"],
    )
    context = await console_context(browser, live_server, bypass_csp=True)  # axe is injected
    found: dict[str, list[str]] = {}
    try:
        page = await context.new_page()
        await signed_in(page, member, f"/customers/{setup.customer['id']}?tab=subscriptions")
        await expect(page.get_by_role("table", name="Subscriptions")).to_be_visible()
        await page.wait_for_load_state("networkidle")
        found["tab"] = await serious_violations(page)

        await page.goto(f"/subscriptions/{subscription['id']}")
        await expect(page.get_by_role("table", name="Prices in force")).to_be_visible()
        await page.wait_for_load_state("networkidle")
        found["page"] = await serious_violations(page)
        if member == MANAGER:
            await page.get_by_role("button", name="Terminate", exact=True).click()
            await expect(page.get_by_role("button", name="Terminate now")).to_be_visible()
            found["terminate"] = await serious_violations(page)
            await page.get_by_role("button", name="Keep the subscription").click()

            await page.goto(f"/customers/{setup.customer['id']}/subscriptions/new")
            await choose(page, "Plan", "Pro")
            for charge in ("API calls", "Active seats", "Payment volume"):
                await page.get_by_role("checkbox", name=f"Negotiate {charge}").check()
            await page.get_by_role("checkbox", name="Negotiate the subscription fee").check()
            await page.get_by_label("Payment volume: rate (%)").fill("")
            await page.get_by_role("button", name="Create subscription").click()
            await expect(page.get_by_label("Payment volume: rate (%)")).to_have_attribute(
                "aria-invalid", "true"
            )
            found["form"] = await serious_violations(page)
        else:
            await page.goto(f"/customers/{setup.customer['id']}/subscriptions/new")
            await expect(page.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()
        await page.goto(f"/subscriptions/{terminated['id']}")
        await expect(page.get_by_role("table", name="Prices in force")).to_be_visible()
        found["terminated"] = await serious_violations(page)
    finally:
        await context.close()
    assert {screen: v for screen, v in found.items() if v} == {}
