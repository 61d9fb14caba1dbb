"""The catalogue screens (billable metrics, add-ons, coupons, taxes) in a real browser against the live
demo server. As admin@demo.billgraph.dev one object of each is created, changed and destroyed on the
screens (unique codes; the demo's own catalogue is never changed), and each step is checked through the
graph with exact values (integer minor units, decimal strings). A metric a demo plan prices shows its
locked fields with the reason and offers no Destroy; a duplicate code is shown at the Code input;
manager@demo.billgraph.dev (no catalogue write permission) sees the lists and objects read-only and the
"new" screens Forbidden, exactly as the route table and console/src/<domain>/actions.ts say; axe-core
finds no serious or critical violation on any of these screens."""

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

ADMIN, MANAGER = DEMO_MEMBERS[0], DEMO_MEMBERS[1]
METRIC = "id name code description aggregationType fieldName recurring filters { key values }"
ADD_ON = "id name code description amountCents amountCurrency taxes { code }"
COUPON = (
    "id name code couponType amountCents amountCurrency percentageRate frequency frequencyDuration"
    " reusable expiration expirationAt status plans { code } billableMetrics { code }"
)
TAX = "id name code description rate appliedToOrganization"
# What each catalogue's "create" needs (the graph's @requires), as console/src/<domain>/actions.ts says.
CREATE = {
    "metrics": "billable_metrics:create",
    "add-ons": "addons:create",
    "coupons": "coupons:create",
    "taxes": "organization:taxes:update",
}
UPDATE = {
    "metrics": "billable_metrics:update",
    "add-ons": "addons:update",
    "coupons": "coupons:update",
    "taxes": "organization:taxes:update",
}
DELETE = {
    "metrics": "billable_metrics:delete",
    "add-ons": "addons:delete",
    "coupons": "coupons:delete",
    "taxes": "organization:taxes:update",
}
PATHS = {"metrics": "/billable-metrics", "add-ons": "/add-ons", "coupons": "/coupons", "taxes": "/taxes"}
HEADINGS = {"metrics": "Billable metrics", "add-ons": "Add-ons", "coupons": "Coupons", "taxes": "Taxes"}
NEW = {"metrics": "New billable metric", "add-ons": "New add-on", "coupons": "New coupon", "taxes": "New tax"}
DESTROY = {
    "metrics": "Destroy billable metric",
    "add-ons": "Destroy add-on",
    "coupons": "Destroy coupon",
    "taxes": "Destroy tax",
}
SAVE = {
    "metrics": "Save billable metric",
    "add-ons": "Save add-on",
    "coupons": "Save coupon",
    "taxes": "Save tax",
}


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def demo_objects(live_server: LiveServer, token: str) -> dict[str, Any]:
    """The demo's own catalogue (read only): a metric with the plans pricing it, an add-on, a coupon, a tax."""
    found = live_server.ok(
        "{ billableMetrics(limit: 50) { collection { id code } }"
        " plans(limit: 50) { collection { name code charges { billableMetric { id } } } }"
        " addOns(limit: 50) { collection { id code } } coupons(limit: 50) { collection { id code } }"
        " taxes(limit: 50) { collection { id code } } }",
        token,
    )
    metric = next(m for m in found["billableMetrics"]["collection"] if m["code"] == "api_calls")
    pricing = [
        p
        for p in found["plans"]["collection"]
        if any((c["billableMetric"] or {}).get("id") == metric["id"] for c in p["charges"])
    ]
    assert pricing, "a demo plan prices api_calls"
    return {
        "metrics": metric["id"],
        "metric_plans": pricing,
        "add-ons": next(a["id"] for a in found["addOns"]["collection"] if a["code"] == "onboarding"),
        "coupons": next(c["id"] for c in found["coupons"]["collection"] if c["code"] == "welcome"),
        "taxes": next(t["id"] for t in found["taxes"]["collection"] if t["code"] == "vat_20"),
    }


@pytest.fixture(scope="module")
def admin(live_server: LiveServer) -> str:
    return live_server.login(ADMIN)


async def signed_in(page: Page, member: str, path: str) -> None:
    await page.goto(path)
    await sign_in(page, member)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()


async def choose(page: Page, label: str, option: str | re.Pattern[str]) -> None:
    await page.get_by_role("combobox", name=label, exact=True).click()
    await page.get_by_role("option", name=option, exact=isinstance(option, str)).click()


async def destroy(page: Page, kind: str, title: str, consequence: str) -> None:
    await page.get_by_role("button", name=DESTROY[kind]).click()
    dialog = page.get_by_role("dialog", name=title)
    await expect(dialog).to_contain_text(consequence)  # said before the click
    await dialog.get_by_role("button", name="Destroy", exact=True).click()
    await expect(page.get_by_role("heading", name=HEADINGS[kind], level=1)).to_be_visible()


def object_id(page: Page, kind: str) -> str:
    found = re.search(rf"{PATHS[kind]}/([0-9a-f-]{{36}})$", page.url)
    assert found, page.url
    return found.group(1)


def gone(live_server: LiveServer, token: str, field: str, id_: str) -> bool:
    answer = live_server.graphql(f"query($id: ID!) {{ {field}(id: $id) {{ id }} }}", token, id=id_)
    return bool(answer.get("errors")) and not (answer.get("data") or {}).get(field)


async def test_a_billable_metric_is_created_changed_and_destroyed(
    page: Page, live_server: LiveServer, admin: str
) -> None:
    code = unique("bytes")
    await signed_in(page, ADMIN, "/billable-metrics")
    await page.get_by_role("link", name="New billable metric").click()
    await page.get_by_label("Name", exact=True).fill("Transferred bytes")
    await page.get_by_label("Code", exact=True).fill(code)
    await page.get_by_label("Description", exact=True).fill("Bytes out of the network")
    await choose(page, "Aggregation", "Sum of a property")
    await page.get_by_label("Field", exact=True).fill("bytes")
    await page.get_by_label("Recurring", exact=True).check()
    await page.get_by_role("button", name="Add a filter").click()
    await page.get_by_label("Filter 1 key").fill("region")
    values = page.get_by_role("combobox", name="Filter 1 values")
    for value in ("eu", "us"):
        await values.fill(value)
        await values.press("Enter")
    await page.get_by_role("button", name="Create billable metric").click()
    await expect(page).to_have_url(re.compile(r"/billable-metrics/[0-9a-f-]{36}$"))
    id_ = object_id(page, "metrics")
    metric = live_server.ok(f"query($id: ID!) {{ billableMetric(id: $id) {{ {METRIC} }} }}", admin, id=id_)
    assert metric["billableMetric"] == {
        "id": id_,
        "name": "Transferred bytes",
        "code": code,
        "description": "Bytes out of the network",
        "aggregationType": "SUM_AGG",
        "fieldName": "bytes",
        "recurring": True,
        "filters": [{"key": "region", "values": ["eu", "us"]}],
    }

    # the list finds it by its code
    await page.goto(f"/billable-metrics?q={code}")
    table = page.get_by_role("table", name="Billable metrics")
    await expect(table.get_by_role("row")).to_have_count(2)
    await table.get_by_role("link", name="Transferred bytes").click()

    # not priced: everything may change
    await page.get_by_label("Name", exact=True).fill("Egress bytes")
    await choose(page, "Aggregation", "Maximum of a property")
    await expect(page.get_by_label("Recurring", exact=True)).to_have_count(0)  # MAX_AGG never recurs
    await page.get_by_role("button", name=SAVE["metrics"]).click()
    await expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    metric = live_server.ok(f"query($id: ID!) {{ billableMetric(id: $id) {{ {METRIC} }} }}", admin, id=id_)
    assert metric["billableMetric"]["name"] == "Egress bytes"
    assert metric["billableMetric"]["aggregationType"] == "MAX_AGG"
    assert metric["billableMetric"]["recurring"] is False

    await destroy(page, "metrics", "Destroy Egress bytes", f"its code “{code}” is freed")
    assert gone(live_server, admin, "billableMetric", id_)
    # the code is free again
    again = live_server.ok(
        'mutation($c: String!) { createBillableMetric(input: {name: "Again", code: $c, aggregationType: COUNT_AGG}) { id } }',
        admin,
        c=code,
    )["createBillableMetric"]["id"]
    live_server.ok("mutation($id: ID!) { destroyBillableMetric(input: {id: $id}) { id } }", admin, id=again)


async def test_a_metric_a_plan_prices_shows_its_locked_fields_and_why(
    page: Page, live_server: LiveServer, admin: str
) -> None:
    demo = demo_objects(live_server, admin)
    await signed_in(page, ADMIN, f"/billable-metrics/{demo['metrics']}")
    await expect(page.get_by_role("heading", name="Billable metric API calls", level=1)).to_be_visible()
    why = page.get_by_role("alert").filter(has_text="Priced by a plan")
    for plan in demo["metric_plans"]:
        await expect(why).to_contain_text(f"{plan['name']} ({plan['code']})")
    await expect(why).to_contain_text("cannot change once a plan prices this metric")
    for field in (page.get_by_label("Code", exact=True), page.get_by_role("combobox", name="Aggregation")):
        await expect(field).to_be_disabled()
        await expect(field).to_have_accessible_description(re.compile(r"^Locked: priced by "))
    await expect(page.get_by_label("Name", exact=True)).to_be_enabled()  # what it is called may change
    await expect(page.get_by_role("button", name=DESTROY["metrics"])).to_have_count(0)


async def test_a_duplicate_code_is_shown_at_the_code_input(page: Page, live_server: LiveServer) -> None:
    await signed_in(page, ADMIN, "/billable-metrics/new")
    await page.get_by_label("Name", exact=True).fill("Another count")
    await page.get_by_label("Code", exact=True).fill("api_calls")  # the demo's
    await page.get_by_role("button", name="Create billable metric").click()
    code = page.get_by_label("Code", exact=True)
    await expect(code).to_have_attribute("aria-invalid", "true")
    await expect(code).to_have_accessible_description(
        re.compile("is already used by another billable metric")
    )
    await expect(page).to_have_url(re.compile(r"/billable-metrics/new$"))


async def test_an_add_on_is_created_changed_and_destroyed(
    page: Page, live_server: LiveServer, admin: str
) -> None:
    code = unique("setup")
    await signed_in(page, ADMIN, "/add-ons")
    await page.get_by_role("link", name="New add-on").click()
    await page.get_by_label("Name", exact=True).fill("Premium setup")
    await page.get_by_label("Code", exact=True).fill(code)
    await page.get_by_label("Amount", exact=True).fill("1234.56")
    await page.get_by_label("Currency", exact=True).fill("EUR")
    await page.get_by_label("Description", exact=True).fill("A day of setup")
    await choose(page, "Taxes", re.compile(r"^VAT \(vat_20, 20(\.0*)? %\)$"))
    await page.keyboard.press("Escape")
    await page.get_by_role("button", name="Create add-on").click()
    await expect(page).to_have_url(re.compile(r"/add-ons/[0-9a-f-]{36}$"))
    id_ = object_id(page, "add-ons")
    query = f"query($id: ID!) {{ addOn(id: $id) {{ {ADD_ON} }} }}"
    assert live_server.ok(query, admin, id=id_)["addOn"] == {
        "id": id_,
        "name": "Premium setup",
        "code": code,
        "description": "A day of setup",
        "amountCents": 123456,
        "amountCurrency": "EUR",
        "taxes": [{"code": "vat_20"}],
    }
    await expect(page.get_by_label("Amount", exact=True)).to_have_value("1234.56")

    await page.get_by_label("Amount", exact=True).fill("0.5")
    await page.get_by_label("Currency", exact=True).fill("JPY")  # no minor unit: 0.5 is no amount
    await page.get_by_role("button", name=SAVE["add-ons"]).click()
    await expect(page.get_by_label("Amount", exact=True)).to_have_attribute("aria-invalid", "true")
    await page.get_by_label("Currency", exact=True).fill("EUR")
    await page.get_by_role("button", name=SAVE["add-ons"]).click()
    await expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    added = live_server.ok(query, admin, id=id_)["addOn"]
    assert (added["amountCents"], added["amountCurrency"]) == (50, "EUR")

    await destroy(page, "add-ons", "Destroy Premium setup", "no new invoice can include it")
    assert gone(live_server, admin, "addOn", id_)


async def test_a_coupon_is_created_changed_terminated_and_destroyed(
    page: Page, live_server: LiveServer, admin: str
) -> None:
    code = unique("spring")
    await signed_in(page, ADMIN, "/coupons")
    await page.get_by_role("link", name="New coupon").click()
    await page.get_by_label("Name", exact=True).fill("Spring offer")
    await page.get_by_label("Code", exact=True).fill(code)
    await page.get_by_label("Percentage", exact=True).check()
    await page.get_by_label("Rate (%)", exact=True).fill("12.5")
    await page.get_by_label("Recurring", exact=True).check()
    await page.get_by_label("Duration (billing periods)").fill("3")
    await page.get_by_label("Until a date", exact=True).check()
    await page.get_by_label("Last day (UTC)").fill("2099-06-30")
    await page.get_by_label("Some plans", exact=True).check()
    await choose(page, "Plans", "Starter")
    await page.keyboard.press("Escape")
    await page.get_by_role("button", name="Create coupon").click()
    await expect(page).to_have_url(re.compile(r"/coupons/[0-9a-f-]{36}$"))
    id_ = object_id(page, "coupons")
    query = f"query($id: ID!) {{ coupon(id: $id) {{ {COUPON} }} }}"
    coupon = live_server.ok(query, admin, id=id_)["coupon"]
    assert coupon == {
        "id": id_,
        "name": "Spring offer",
        "code": code,
        "couponType": "PERCENTAGE",
        "amountCents": None,
        "amountCurrency": None,
        "percentageRate": coupon["percentageRate"],
        "frequency": "RECURRING",
        "frequencyDuration": 3,
        "reusable": True,
        "expiration": "TIME_LIMIT",
        "expirationAt": "2099-06-30T23:59:59+00:00",
        "status": "ACTIVE",
        "plans": [{"code": "starter"}],
        "billableMetrics": [],
    }
    assert re.fullmatch(r"12\.50*", coupon["percentageRate"]), coupon

    # a fixed amount, forever, without expiry nor limit
    await page.get_by_label("Fixed amount", exact=True).check()
    await page.get_by_label("Amount off", exact=True).fill("5")
    await page.get_by_label("Currency", exact=True).fill("EUR")
    await page.get_by_label("Forever", exact=True).check()
    await page.get_by_label("No expiry", exact=True).check()
    await page.get_by_label("No limit", exact=True).check()
    await page.get_by_role("button", name=SAVE["coupons"]).click()
    await expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    coupon = live_server.ok(query, admin, id=id_)["coupon"]
    assert {k: coupon[k] for k in ("couponType", "amountCents", "amountCurrency", "percentageRate")} == {
        "couponType": "FIXED_AMOUNT",
        "amountCents": 500,
        "amountCurrency": "EUR",
        "percentageRate": None,
    }
    assert (coupon["frequency"], coupon["frequencyDuration"]) == ("FOREVER", None)
    assert (coupon["expiration"], coupon["expirationAt"], coupon["plans"]) == ("NO_EXPIRATION", None, [])

    await page.get_by_role("button", name="Terminate coupon").click()
    dialog = page.get_by_role("dialog", name="Terminate Spring offer")
    await expect(dialog).to_contain_text("customers who have it keep it")
    await dialog.get_by_role("button", name="Terminate", exact=True).click()
    await expect(page.get_by_text("Terminated", exact=True)).to_be_visible()
    await expect(page.get_by_role("button", name="Terminate coupon")).to_have_count(0)
    await expect(page.get_by_role("button", name=SAVE["coupons"])).to_have_count(
        0
    )  # a terminated one is fixed
    assert live_server.ok(query, admin, id=id_)["coupon"]["status"] == "TERMINATED"

    await destroy(page, "coupons", "Destroy Spring offer", f"its code “{code}” is freed")
    assert gone(live_server, admin, "coupon", id_)


async def test_a_tax_is_created_changed_and_destroyed(
    page: Page, live_server: LiveServer, admin: str
) -> None:
    code = unique("gst")
    await signed_in(page, ADMIN, "/taxes")
    await page.get_by_role("link", name="New tax").click()
    await page.get_by_label("Name", exact=True).fill("GST")
    await page.get_by_label("Code", exact=True).fill(code)
    await page.get_by_label("Rate (%)", exact=True).fill("7.5")
    await page.get_by_label("Description", exact=True).fill("Goods and services tax")
    await page.get_by_role("button", name="Create tax").click()
    await expect(page).to_have_url(re.compile(r"/taxes/[0-9a-f-]{36}$"))
    id_ = object_id(page, "taxes")
    try:
        query = f"query($id: ID!) {{ tax(id: $id) {{ {TAX} }} }}"
        tax = live_server.ok(query, admin, id=id_)["tax"]
        assert tax == {
            "id": id_,
            "name": "GST",
            "code": code,
            "description": "Goods and services tax",
            "rate": tax["rate"],
            "appliedToOrganization": False,
        }
        assert re.fullmatch(r"7\.50*", tax["rate"]), tax

        await page.get_by_label("Rate (%)", exact=True).fill("8.25")
        await page.get_by_label("Applied to the organization by default").check()
        await page.get_by_role("button", name=SAVE["taxes"]).click()
        await expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
        tax = live_server.ok(query, admin, id=id_)["tax"]
        assert re.fullmatch(r"8\.250*", tax["rate"]), tax
        assert tax["appliedToOrganization"] is True
        defaults = live_server.ok("{ taxes(appliedToOrganization: true) { collection { code } } }", admin)
        assert code in {t["code"] for t in defaults["taxes"]["collection"]}

        await page.get_by_label("Applied to the organization by default").uncheck()  # not left on the demo
        await page.get_by_role("button", name=SAVE["taxes"]).click()
        await expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
        assert live_server.ok(query, admin, id=id_)["tax"]["appliedToOrganization"] is False

        await destroy(page, "taxes", "Destroy GST", "no longer applied to anything")
        assert gone(live_server, admin, "tax", id_)
    finally:  # a default tax left behind would tax every later invoice of the demo
        live_server.graphql("mutation($id: ID!) { destroyTax(input: {id: $id}) { id } }", admin, id=id_)


@pytest.mark.parametrize("kind", ["metrics", "add-ons", "coupons", "taxes"])
async def test_a_member_without_catalogue_write_permissions_reads_only(
    page: Page, live_server: LiveServer, admin: str, kind: str
) -> None:
    permissions = live_server.permissions(MANAGER)
    assert not {CREATE[kind], UPDATE[kind], DELETE[kind]} & permissions
    routes = {r.path: r for r in route_table()}
    listing, new = routes[PATHS[kind]], routes[f"{PATHS[kind]}/new"]
    assert listing.permissions <= permissions
    assert not new.permissions <= permissions
    demo = demo_objects(live_server, admin)
    await signed_in(page, MANAGER, PATHS[kind])
    await expect(page.get_by_role("heading", name=HEADINGS[kind], level=1)).to_be_visible()
    await expect(page.get_by_role("table", name=HEADINGS[kind])).to_be_visible()
    await expect(page.get_by_role("link", name=NEW[kind])).to_have_count(0)
    await page.goto(f"{PATHS[kind]}/new")
    await expect(page.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()
    await page.goto(f"{PATHS[kind]}/{demo[kind]}")
    await expect(page.get_by_label("Name", exact=True)).to_be_disabled()
    await expect(page.get_by_label("Code", exact=True)).to_be_disabled()
    for name in (SAVE[kind], DESTROY[kind], "Terminate coupon"):
        await expect(page.get_by_role("button", name=name)).to_have_count(0)


@pytest.mark.parametrize("member", [ADMIN, MANAGER])
async def test_the_catalogue_screens_are_accessible(
    browser: Browser, live_server: LiveServer, admin: str, member: str
) -> None:
    axe_script()
    demo = demo_objects(live_server, admin)
    context = await console_context(browser, live_server, bypass_csp=True)  # axe is injected
    try:
        page = await context.new_page()
        await signed_in(page, member, "/billable-metrics")
        found: dict[str, list[str]] = {}
        for kind in ("metrics", "add-ons", "coupons", "taxes"):
            base = PATHS[kind]
            paths = [base, f"{base}/{demo[kind]}"] + ([f"{base}/new"] if member == ADMIN else [])
            for path in paths:
                await page.goto(path)
                await expect(page.get_by_role("heading", level=1).first).to_be_visible()
                await page.wait_for_load_state("networkidle")
                await expect(page.get_by_label(re.compile(r"^Loading"))).to_have_count(0)
                found[path] = await serious_violations(page)
        assert {path: v for path, v in found.items() if v} == {}
    finally:
        await context.close()
