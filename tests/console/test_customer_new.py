"""The new-customer screen (`/customers/new`) in a real browser against the live demo server: "New
customer" is offered on the list, and the screen opens, exactly when the route table and
console/src/customers/actions.ts say (customers:create, computed from each member's permissions, both
ways); the admin creates a customer (checked through the graph); an external id already in use is shown
at its input and nothing is created; axe-core finds no serious or critical violation on the form."""

from __future__ import annotations

import re
import uuid

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

ADMIN = DEMO_MEMBERS[0]
CREATE = "customers:create"  # createCustomer's @requires, as console/src/customers/actions.ts says


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


def customers_with(live_server: LiveServer, token: str, external_id: str) -> list[dict[str, object]]:
    found = live_server.ok(
        "query($q: String) { customers(searchTerm: $q, limit: 50) { collection { id externalId name email "
        "currency timezone } } }",
        token,
        q=external_id,
    )["customers"]["collection"]
    return [c for c in found if c["externalId"] == external_id]


async def signed_in(page: Page, member: str, path: str) -> None:
    await page.goto(path)
    await sign_in(page, member)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()


@pytest.mark.parametrize("member", DEMO_MEMBERS)
async def test_new_customer_is_offered_and_opens_exactly_when_permitted(
    page: Page, live_server: LiveServer, member: str
) -> None:
    permissions = live_server.permissions(member)
    (route,) = [r for r in route_table() if r.id == "customer-new"]
    may_create = CREATE in permissions
    assert (route.permissions <= permissions) == may_create
    assert may_create == (member == ADMIN)  # the contract: neither manager nor finance creates customers
    await signed_in(page, member, "/customers")
    await expect(page.get_by_role("table", name="Customers")).to_be_visible()
    await expect(page.get_by_role("link", name="New customer")).to_have_count(1 if may_create else 0)
    await page.goto("/customers/new")
    if may_create:
        await expect(page.get_by_role("heading", name="New customer", level=1)).to_be_visible()
        await expect(page.get_by_role("button", name="Create customer")).to_be_visible()
    else:
        await expect(page.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()
        await expect(page.get_by_role("button", name="Create customer")).to_have_count(0)


async def test_the_admin_creates_a_customer_and_a_taken_external_id_shows_at_its_input(
    page: Page, live_server: LiveServer
) -> None:
    admin = live_server.login(ADMIN)
    external_id, name = unique("cus_console_new"), f"New Console Co {uuid.uuid4().hex[:6]}"
    await signed_in(page, ADMIN, "/customers")
    await page.get_by_role("link", name="New customer").click()
    await page.get_by_role("textbox", name="Name", exact=True).fill(name)
    await page.get_by_role("textbox", name="External id", exact=True).fill(external_id)
    await page.get_by_role("textbox", name="Email", exact=True).fill("ap@new-console.example")
    await page.get_by_role("combobox", name="Currency").fill("EUR")
    await page.get_by_role("option", name="EUR", exact=True).click()
    await page.get_by_role("textbox", name="Timezone", exact=True).fill("Europe/Paris")
    await page.get_by_role("button", name="Create customer").click()
    await expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
    (made,) = customers_with(live_server, admin, external_id)
    assert made == {
        "id": page.url.split("?")[0].rsplit("/", 1)[1],
        "externalId": external_id,
        "name": name,
        "email": "ap@new-console.example",
        "currency": "EUR",
        "timezone": "Europe/Paris",
    }

    # the same external id again: refused at its input, nothing created
    await page.goto("/customers/new")
    await page.get_by_role("textbox", name="Name", exact=True).fill("Another one")
    taken = page.get_by_role("textbox", name="External id", exact=True)
    await taken.fill(external_id)
    await page.get_by_role("button", name="Create customer").click()
    await expect(taken).to_have_attribute("aria-invalid", "true")
    await expect(page).to_have_url(re.compile(r"/customers/new$"))
    assert len(customers_with(live_server, admin, external_id)) == 1


async def test_the_new_customer_form_is_accessible(browser: Browser, live_server: LiveServer) -> None:
    axe_script()
    context = await console_context(browser, live_server, bypass_csp=True)  # axe is injected
    try:
        page = await context.new_page()
        await signed_in(page, ADMIN, "/customers/new")
        await expect(page.get_by_role("heading", name="New customer", level=1)).to_be_visible()
        found = {"form": await serious_violations(page)}
        await page.get_by_role("button", name="Create customer").click()  # empty: refused at the inputs
        await expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_attribute(
            "aria-invalid", "true"
        )
        found["form with errors"] = await serious_violations(page)
    finally:
        await context.close()
    assert {where: v for where, v in found.items() if v} == {}
