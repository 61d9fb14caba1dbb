"""The plan screens in a real browser against the live demo server: the catalogue (`/plans`, searched),
the plan editor (`/plans/new`) with charges in the form of their model (the negotiated-price editor's
components), the plan page with its versions, its edit (a price change adds a version, said before
saving) and its deletion (the consequence said before the click; refused while live subscriptions use
the plan). An admin creates a plan with a graduated charge (3 tiers, the last open) and a package
charge, checked through the graph in exact minor units and normalized properties; a tier that does
not start where the previous one ends is refused at that input; a manager sees the plans read-only,
exactly as console/src/routes.ts and console/src/plans/actions.ts say; axe-core finds no serious or
critical violation on the list, the editor (every charge model open) and the page. The plans are made
here, with unique codes: the demo's own plans are never changed."""

from __future__ import annotations

import re
import uuid
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
from tests.console.test_shell import sign_in

ADMIN, MANAGER, _FINANCE = DEMO_MEMBERS
# What console/src/plans/actions.ts's predicates need (the mutations' @requires, and the billable
# metrics the editor prices with).
UPDATE_NEEDS = frozenset({"plans:update", "billable_metrics:view"})
DESTROY_NEEDS = frozenset({"plans:delete"})
PLAN_FIELDS = """
  id code name amountCents amountCurrency interval trialPeriod payInAdvance taxes { code }
  charges {
    chargeModel minAmountCents invoiceDisplayName billableMetric { code }
    properties {
      amount packageSize freeUnits graduatedRanges { fromValue toValue perUnitAmount flatAmount }
    }
  }
  versions { number amountCents charges { properties { amount } } }
"""


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


def route(route_id: str) -> frozenset[str]:
    (found,) = [r for r in route_table() if r.id == route_id]
    return found.permissions


def metric_id(live_server: LiveServer, token: str, code: str) -> str:
    metrics = live_server.ok("{ billableMetrics(limit: 100) { collection { id code } } }", token)
    return next(m["id"] for m in metrics["billableMetrics"]["collection"] if m["code"] == code)


def make_plan(live_server: LiveServer, token: str, name: str) -> dict[str, Any]:
    """A plan of this test's own (a fee and a standard charge on API calls), through the graph."""
    return live_server.ok(  # type: ignore[no-any-return]
        "mutation($c: String!, $n: String!, $m: ID!) { createPlan(input: {name: $n, code: $c, "
        'interval: MONTHLY, amountCents: 4900, amountCurrency: "EUR", charges: [{billableMetricId: $m, '
        'chargeModel: STANDARD, properties: {amount: "0.002"}}]}) { id code name } }',
        token,
        c=unique("plan_console"),
        n=name,
        m=metric_id(live_server, token, "api_calls"),
    )["createPlan"]


def read(live_server: LiveServer, token: str, plan_id: str) -> Any:
    answer = live_server.graphql(
        f"query($id: ID!) {{ plan(id: $id) {{ {PLAN_FIELDS} }} }}", token, id=plan_id
    )
    return answer.get("data", {}).get("plan") if answer.get("data") else None


async def signed_in(page: Page, email: str, path: str) -> None:
    await page.goto(path)
    await sign_in(page, email)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()


async def choose(page: Page, label: str, option: str) -> None:
    await page.get_by_role("combobox", name=label, exact=True).click()
    await page.get_by_role("option", name=re.compile(f"^{re.escape(option)}")).click()


async def add_charge(page: Page, metric: str, model: str) -> None:
    await choose(page, "New charge: billable metric", metric)
    await choose(page, "New charge: charge model", model)
    await page.get_by_role("button", name="Add the charge").click()


async def test_an_admin_creates_a_plan_with_a_graduated_and_a_package_charge(
    page: Page, live_server: LiveServer
) -> None:
    admin = live_server.login(ADMIN)
    assert route("plan-new") <= live_server.permissions(ADMIN)
    taxes = live_server.ok("{ taxes(limit: 100) { collection { code name rate } } }", admin)["taxes"]
    tax = (taxes["collection"] or [None])[0]
    code = unique("plan_tiers")
    await signed_in(page, ADMIN, "/plans")
    await page.get_by_role("link", name="New plan").click()
    await expect(page.get_by_role("heading", name="New plan", level=1)).to_be_visible()
    await page.get_by_role("textbox", name="Name", exact=True).fill("Tiered console plan")
    await page.get_by_role("textbox", name="Code", exact=True).fill(code)
    await page.get_by_label("Fee per month (EUR)").fill("49.90")
    await page.get_by_label("Trial period (days)").fill("14")
    if tax is not None:
        await page.get_by_role("combobox", name="Taxes").click(force=True)
        await page.get_by_role("option", name=f"{tax['name']} ({tax['rate']} %)").click()
        await page.keyboard.press("Escape")

    await add_charge(page, "Active seats", "Graduated")
    await page.get_by_role("button", name="Add a tier to Charge 1").click()
    await page.get_by_role("button", name="Add a tier to Charge 1").click()
    await expect(page.get_by_label("Charge 1: tier 1, from")).to_have_value("0")
    await expect(page.get_by_text("and above (open-ended)")).to_have_count(1)  # the last tier
    await page.get_by_label("Charge 1: tier 1, to").fill("10")
    await expect(page.get_by_label("Charge 1: tier 2, from")).to_have_value("10")  # follows
    await page.get_by_label("Charge 1: tier 1, per unit").fill("5")
    await page.get_by_label("Charge 1: tier 2, to").fill("100")
    await page.get_by_label("Charge 1: tier 2, per unit").fill("4")
    await page.get_by_label("Charge 1: tier 3, from").fill("90")  # not where tier 2 ends
    await page.get_by_label("Charge 1: tier 3, per unit").fill("3")
    await page.get_by_label("Charge 1: tier 3, flat fee").fill("20")
    await page.get_by_label("Charge 1: invoice display name").fill("Seats")

    await add_charge(page, "Storage (GB)", "Package")
    await page.get_by_label("Charge 2: price per package (EUR)").fill("2.5")
    await page.get_by_label("Charge 2: package size (units)").fill("10")
    await page.get_by_label("Charge 2: free units").fill("5")
    await page.get_by_label("Charge 2: minimum per period (EUR)").fill("1.25")

    await page.get_by_role("button", name="Create plan").click()
    tier = page.get_by_label("Charge 1: tier 3, from")
    await expect(tier).to_have_attribute("aria-invalid", "true")
    await expect(page.get_by_text("must equal the previous tier's toValue (100)")).to_be_visible()
    await expect(page).to_have_url(re.compile(r"/plans/new$"))  # nothing was created
    await tier.fill("100")
    await page.get_by_role("button", name="Create plan").click()
    await expect(page).to_have_url(re.compile(r"/plans/[0-9a-f-]{36}$"))
    await expect(page.get_by_role("heading", name="Tiered console plan", level=1)).to_be_visible()
    await expect(page.get_by_role("button", name="Edit plan")).to_have_count(1)
    await expect(page.get_by_role("button", name="Delete plan")).to_have_count(1)

    made = read(live_server, admin, page.url.rsplit("/", 1)[1])
    assert made["code"] == code
    assert int(made["amountCents"]) == 4990  # €49.90 in minor units
    assert made["amountCurrency"] == "EUR"
    assert made["interval"] == "MONTHLY"
    assert made["trialPeriod"] == 14
    assert made["payInAdvance"] is False
    assert [t["code"] for t in made["taxes"]] == ([tax["code"]] if tax else [])
    seats, storage = made["charges"]
    assert seats["chargeModel"] == "GRADUATED"
    assert seats["billableMetric"]["code"] == "seats"
    assert seats["invoiceDisplayName"] == "Seats"
    assert seats["properties"]["graduatedRanges"] == [
        {"fromValue": "0", "toValue": "10", "perUnitAmount": "5", "flatAmount": "0"},
        {"fromValue": "10", "toValue": "100", "perUnitAmount": "4", "flatAmount": "0"},
        {"fromValue": "100", "toValue": None, "perUnitAmount": "3", "flatAmount": "20"},
    ]
    assert storage["chargeModel"] == "PACKAGE"
    assert storage["billableMetric"]["code"] == "storage_gb"
    assert int(storage["minAmountCents"]) == 125
    assert storage["properties"]["amount"] == "2.5"
    assert storage["properties"]["packageSize"] == 10
    assert storage["properties"]["freeUnits"] == 5
    assert [v["number"] for v in made["versions"]] == [1]

    # the catalogue finds it by its code
    await page.get_by_role("link", name="Plans").first.click()
    await page.get_by_label("Search plans").fill(code)
    rows = page.get_by_role("table", name="Plans").get_by_role("row")
    await expect(rows).to_have_count(2)  # the header and the plan
    await expect(rows.nth(1)).to_contain_text("Tiered console plan")


async def test_a_price_change_adds_a_version_with_what_changed(page: Page, live_server: LiveServer) -> None:
    admin = live_server.login(ADMIN)
    plan = make_plan(live_server, admin, "Versioned console plan")
    await signed_in(page, ADMIN, f"/plans/{plan['id']}")
    versions = page.get_by_role("table", name="Plan versions").get_by_role("row")
    await expect(versions).to_have_count(2)  # the header and version 1
    await page.get_by_role("button", name="Edit plan").click()
    await expect(
        page.get_by_text(re.compile("applies to billing periods that start after now"))
    ).to_be_visible()
    await expect(page.get_by_label("Fee per month (EUR)")).to_have_value("49.00")
    await expect(page.get_by_label("Charge 1: price per unit (EUR)")).to_have_value("0.002")
    await page.get_by_label("Fee per month (EUR)").fill("59.00")
    await page.get_by_label("Charge 1: price per unit (EUR)").fill("0.0015")
    await page.get_by_role("button", name="Save the plan").click()
    await expect(page.get_by_text("The plan was saved")).to_be_visible()
    await expect(versions).to_have_count(3)
    newest = versions.nth(1)
    await expect(newest.get_by_role("rowheader")).to_contain_text("2")
    await expect(newest).to_contain_text("Fee €49.00 → €59.00")
    await expect(newest).to_contain_text("prices changed")
    await expect(versions.nth(2)).to_contain_text("The first prices of the plan.")

    saved = read(live_server, admin, plan["id"])
    assert int(saved["amountCents"]) == 5900
    assert [(v["number"], int(v["amountCents"])) for v in saved["versions"]] == [(2, 5900), (1, 4900)]
    assert saved["versions"][0]["charges"][0]["properties"]["amount"] == "0.0015"
    assert saved["versions"][1]["charges"][0]["properties"]["amount"] == "0.002"


async def test_an_admin_deletes_a_plan_and_one_with_live_subscriptions_is_refused(
    page: Page, live_server: LiveServer
) -> None:
    admin = live_server.login(ADMIN)
    doomed = make_plan(live_server, admin, "Doomed console plan")
    used = make_plan(live_server, admin, "Used console plan")
    customer = live_server.ok(
        'mutation($e: String!) { createCustomer(input: {externalId: $e, name: "Plan Console Co", currency: "EUR"}) { id } }',
        admin,
        e=unique("cus_console_plans"),
    )["createCustomer"]
    live_server.ok(
        "mutation($c: ID!, $p: ID!, $e: String!) { createSubscription(input: {customerId: $c, planId: $p, externalId: $e}) { id } }",
        admin,
        c=customer["id"],
        p=used["id"],
        e=unique("sub_console_plans"),
    )
    await signed_in(page, ADMIN, f"/plans/{used['id']}")
    await expect(page.get_by_text(re.compile("frees its code"))).to_be_visible()  # said before the click
    await page.get_by_role("button", name="Delete plan").click()
    dialog = page.get_by_role("dialog", name=f"Delete {used['name']}")
    await expect(dialog).to_contain_text(f"its code “{used['code']}” is freed")
    await dialog.get_by_role("button", name="Delete", exact=True).click()
    await expect(dialog.get_by_role("alert").filter(has_text="live subscriptions")).to_be_visible()
    assert read(live_server, admin, used["id"]) is not None

    await page.goto(f"/plans/{doomed['id']}")
    await expect(
        page.get_by_text(re.compile("pending or active subscriptions use is refused"))
    ).to_be_visible()
    await page.get_by_role("button", name="Delete plan").click()
    dialog = page.get_by_role("dialog", name=f"Delete {doomed['name']}")
    await dialog.get_by_role("button", name="Cancel").click()  # nothing happens until confirmed
    await expect(dialog).to_have_count(0)
    assert read(live_server, admin, doomed["id"]) is not None
    await page.get_by_role("button", name="Delete plan").click()
    await dialog.get_by_role("button", name="Delete", exact=True).click()
    await expect(page).to_have_url(re.compile(r"/plans$"))
    assert read(live_server, admin, doomed["id"]) is None
    # its code is free again
    live_server.ok(
        'mutation($c: String!) { createPlan(input: {name: "Reused", code: $c, interval: MONTHLY, '
        'amountCents: 0, amountCurrency: "EUR"}) { id } }',
        admin,
        c=doomed["code"],
    )


@pytest.mark.parametrize("member", [ADMIN, MANAGER])
async def test_the_plan_actions_show_exactly_as_the_routes_and_predicates_say(
    page: Page, live_server: LiveServer, member: str
) -> None:
    permissions = live_server.permissions(member)
    plan = make_plan(live_server, live_server.login(ADMIN), "Seen console plan")
    assert route("plans") <= permissions
    assert route("plan") <= permissions
    may_create = route("plan-new") <= permissions
    may_update, may_destroy = permissions >= UPDATE_NEEDS, permissions >= DESTROY_NEEDS
    if member == MANAGER:  # the contract (docs/permissions.md): a manager reads the plans only
        assert not may_create
        assert not may_update
        assert not may_destroy
    await signed_in(page, member, "/plans")
    await expect(page.get_by_role("table", name="Plans")).to_be_visible()
    await expect(page.get_by_role("link", name="New plan")).to_have_count(1 if may_create else 0)
    await page.goto(f"/plans/{plan['id']}")
    await expect(page.get_by_role("table", name="Plan versions")).to_be_visible()
    await expect(page.get_by_role("button", name="Edit plan")).to_have_count(1 if may_update else 0)
    await expect(page.get_by_role("button", name="Delete plan")).to_have_count(1 if may_destroy else 0)
    if not may_create:
        await page.goto("/plans/new")
        await expect(page.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()


async def test_the_plan_screens_are_accessible(browser: Browser, live_server: LiveServer) -> None:
    axe_script()
    admin = live_server.login(ADMIN)
    plan = make_plan(live_server, admin, "Audited console plan")
    live_server.ok(
        "mutation($id: ID!) { updatePlan(input: {id: $id, amountCents: 5900}) { id } }", admin, id=plan["id"]
    )
    context = await console_context(browser, live_server, bypass_csp=True)  # axe is injected
    found: dict[str, list[str]] = {}
    try:
        page = await context.new_page()
        await signed_in(page, ADMIN, "/plans")
        await expect(page.get_by_role("table", name="Plans")).to_be_visible()
        await page.wait_for_load_state("networkidle")
        found["list"] = await serious_violations(page)

        await page.goto("/plans/new")
        for model in ("Standard", "Graduated", "Volume", "Package", "Percentage"):
            await add_charge(page, "Payment volume", model)
        await page.get_by_role("button", name="Add a tier to Charge 2").click()
        await page.get_by_role("button", name="Create plan").click()
        await expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_attribute(
            "aria-invalid", "true"
        )
        await expect(page.get_by_label("Charge 5: rate (%)")).to_be_visible()
        found["editor"] = await serious_violations(page)

        await page.goto(f"/plans/{plan['id']}")
        await expect(page.get_by_role("table", name="Plan versions").get_by_role("row")).to_have_count(3)
        found["page"] = await serious_violations(page)
    finally:
        await context.close()
    assert {screen: v for screen, v in found.items() if v} == {}
