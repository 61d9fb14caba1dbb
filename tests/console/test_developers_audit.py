"""The developers page and the audit log in a real browser against the live demo server. As the demo's
admin: an API key is created in the console, its secret (shown once) sends a usage event through the
graph, and the event shows in the events tab; rotating it refuses the old secret and accepts the new one;
revoking it refuses both. A webhook endpoint pointing at a loopback receiver is created (its signing
secret shown once), edited and deleted; its deliveries show in the log, a failed one is retried. The
audit log lists the key's creation with its actor, and the entry's diff holds no secret (shown as
redacted); the operation filter lives in the URL; an invoice's and a customer's history links open the
log filtered to them. Members without the permissions see neither screen nor link (computed from the
route table and the tab table). axe-core runs on every screen, tab and modal."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from playwright.async_api import Browser, Locator, Page, expect
from sqlalchemy.engine import make_url

from app.db.engine import Database
from app.settings import Settings
from app.webhooks.delivery import deliver_due
from tests.console.conftest import (
    DEMO_MEMBERS,
    ROOT,
    LiveServer,
    axe_script,
    console_context,
    record_problems,
    route_table,
    serious_violations,
)
from tests.console.test_shell import expected_navigation, sign_in
from tests.receiver import Receiver, receiver  # noqa: F401 (the fixture)

ADMIN = DEMO_MEMBERS[0]
EVENT = (
    "mutation($t: String!, $s: String!, $c: String!) { createEvent(input: "
    "{transactionId: $t, externalSubscriptionId: $s, code: $c}) { status transactionId } }"
)


def developer_tabs() -> list[tuple[str, str, frozenset[str]]]:
    """console/src/developers/tabs.ts's table (id, label, permissions), read from the source."""
    source = (ROOT / "console" / "src" / "developers" / "tabs.ts").read_text()
    table = source.split("export const DEVELOPER_TABS", 1)[1].split("\n];", 1)[0]
    tabs = []
    for entry in re.findall(r"\{\s*id:.*?\n  \}", table, flags=re.S):

        def field(name: str, text: str = entry) -> Any:
            found = re.search(rf"\b{name}:\s*(.+?),\n", text)
            assert found, f"tabs.ts: no {name} in {text}"
            return json.loads(found.group(1))

        tabs.append((field("id"), field("label"), frozenset(field("permissions"))))
    assert tabs
    return tabs


@pytest.fixture
async def tab(browser: Browser, live_server: LiveServer) -> AsyncIterator[Page]:
    """A page with the CSP bypassed (axe-core is injected) that records script errors and the console's
    FORBIDDEN or INTERNAL_ERROR answers; the test fails if any happened."""
    axe_script()
    context = await console_context(browser, live_server, bypass_csp=True)
    page = await context.new_page()
    problems = record_problems(page)
    yield page
    await context.close()
    assert not problems, problems


async def axe(page: Page, where: str, found: dict[str, list[str]]) -> None:
    await page.wait_for_load_state("networkidle")
    await expect(page.get_by_label(re.compile(r"^Loading"))).to_have_count(0)
    found[where] = await serious_violations(page)


async def signed_in(page: Page, member: str, path: str) -> None:
    await page.goto(path)
    await sign_in(page, member)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()


async def column(table: Locator, index: int) -> list[str]:
    """The text of one column in each body row of a table."""
    rows = table.get_by_role("row").filter(has=table.page.get_by_role("cell"))
    return [await row.get_by_role("cell").nth(index).inner_text() for row in await rows.all()]


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def usage(live_server: LiveServer) -> dict[str, str]:
    """A subscription of the demo and a metric code to send usage for."""
    admin = live_server.login(ADMIN)
    found = live_server.ok(
        "{ subscriptions(limit: 1, status: [ACTIVE]) { collection { externalId } }"
        " billableMetrics(limit: 1) { collection { code } } }",
        admin,
    )
    return {
        "subscription": found["subscriptions"]["collection"][0]["externalId"],
        "code": found["billableMetrics"]["collection"][0]["code"],
    }


def send_event(
    live_server: LiveServer, secret: str, usage: dict[str, str], transaction: str
) -> dict[str, Any]:
    return live_server.graphql(EVENT, secret, t=transaction, s=usage["subscription"], c=usage["code"])


def refused(answer: dict[str, Any]) -> bool:
    return any(
        (e.get("extensions") or {}).get("code") == "UNAUTHENTICATED" for e in answer.get("errors") or []
    )


async def choose_option(page: Page, label: str, option: str) -> None:
    await page.get_by_role("combobox", name=label).click(force=True)  # its pill box takes the click
    await page.get_by_role("option", name=option, exact=True).click()


async def read_secret(page: Page, title: str, found: dict[str, list[str]], where: str) -> str:
    dialog = page.get_by_role("dialog", name=title)
    await expect(dialog).to_be_visible()
    await expect(dialog.get_by_role("alert")).to_contain_text("shown once")
    await expect(dialog.get_by_role("button", name="Copy secret")).to_be_visible()
    secret = await dialog.get_by_role("textbox", name="Secret").input_value()
    assert secret
    await axe(page, where, found)
    await dialog.get_by_role("button", name="I have stored it").click()
    await expect(dialog).to_have_count(0)
    return secret


async def test_an_api_key_made_in_the_console_sends_events_is_rotated_revoked_and_audited(
    tab: Page, live_server: LiveServer, usage: dict[str, str]
) -> None:
    page, found = tab, {}
    admin = live_server.login(ADMIN)
    name = unique("Partner sync")
    await signed_in(page, ADMIN, "/developers")
    await expect(page.get_by_role("heading", name="Developers", level=1)).to_be_visible()
    await expect(page.get_by_role("tab", name="API keys")).to_have_attribute("aria-selected", "true")
    await axe(page, "api-keys", found)

    await page.get_by_role("button", name="New API key").click()
    dialog = page.get_by_role("dialog", name="New API key")
    await dialog.get_by_label("Name").fill(name)
    await choose_option(page, "Roles", "Admin")
    await dialog.get_by_label("Name").click()  # closes the roles' dropdown
    await axe(page, "new-key-modal", found)
    await dialog.get_by_role("button", name="Create key").click()
    secret = await read_secret(page, f"API key {name}", found, "key-secret-modal")
    row = page.get_by_role("table", name="API keys").get_by_role("row").filter(has_text=name)
    await expect(row).to_contain_text("Admin")
    await expect(row).to_contain_text("Active")
    assert secret not in await page.content()  # shown once: gone with the modal

    transaction = unique("tx-console")
    answer = send_event(live_server, secret, usage, transaction)
    assert answer.get("errors") is None, answer
    assert answer["data"]["createEvent"]["status"] == "CREATED", answer
    await page.get_by_role("tab", name="Events").click()
    events = page.get_by_role("table", name="Recent events")
    await expect(events.get_by_role("row").filter(has_text=transaction)).to_have_count(1)
    await axe(page, "events", found)

    await page.get_by_role("tab", name="API keys").click()
    await page.get_by_role("button", name=f"Rotate {name}").click()
    rotated = await read_secret(page, f"New secret for {name}", found, "rotated-secret-modal")
    assert rotated != secret
    assert refused(send_event(live_server, secret, usage, unique("tx-old")))
    assert (
        send_event(live_server, rotated, usage, unique("tx-new"))["data"]["createEvent"]["status"]
        == "CREATED"
    )

    await page.get_by_role("button", name=f"Revoke {name}").click()
    confirm = page.get_by_role("dialog", name=f"Revoke {name}")
    await expect(confirm).to_contain_text("cannot be undone")
    await axe(page, "revoke-modal", found)
    await confirm.get_by_role("button", name="Revoke key").click()
    await expect(confirm).to_have_count(0)
    await expect(row).to_contain_text("Revoked")
    await expect(page.get_by_role("button", name=f"Revoke {name}")).to_have_count(0)
    assert refused(send_event(live_server, rotated, usage, unique("tx-revoked")))
    key = next(
        k for k in live_server.ok("{ apiKeys { id name status } }", admin)["apiKeys"] if k["name"] == name
    )
    assert key["status"] == "REVOKED"

    # the audit log: the key's creation, by the admin, with no secret in its diff
    await page.goto("/audit-log?operation=createApiKey")
    await expect(page.get_by_role("heading", name="Audit log", level=1)).to_be_visible()
    await expect(page.get_by_label("Operation")).to_have_value("createApiKey")
    log = page.get_by_role("table", name="Audit log")
    entry = log.get_by_role("row").filter(has_text=key["id"])
    await expect(entry).to_have_count(1)
    await expect(entry).to_contain_text(ADMIN)
    for operation in await column(log, 2):
        assert operation == "createApiKey"
    await entry.get_by_role("button", name="Show changes of createApiKey").click()
    diff = page.get_by_role("table", name="Changes of createApiKey: create ApiKey", exact=True)
    await expect(diff).to_contain_text(name)
    await expect(diff.get_by_role("row").filter(has_text="secret_hash")).to_contain_text("Redacted")
    content = await page.content()
    assert secret not in content
    assert rotated not in content
    await axe(page, "audit-log-diff", found)

    # typing another operation changes the URL, and a reload keeps it
    await page.get_by_label("Operation").fill("rotateApiKey")
    await page.get_by_label("Operation").press("Enter")
    await expect(page).to_have_url(re.compile(r"operation=rotateApiKey"))
    await page.reload()
    await expect(log.get_by_role("row").filter(has_text=key["id"])).to_have_count(1)
    assert {t for t in await column(log, 2)} == {"rotateApiKey"}
    assert {w: v for w, v in found.items() if v} == {}


async def deliver(live_server: LiveServer, console_database: str) -> None:
    """One delivery round on the live server's database, failing a webhook after one attempt."""
    settings = Settings(
        database_url=console_database,
        secret_key="console-test-key-" + "k" * 40,
        webhook_max_attempts=1,
        webhook_allow_private_addresses=True,
    )
    db = Database.connect(make_url(console_database), settings)
    try:
        await deliver_due(db, settings)
    finally:
        await db.dispose()


async def test_a_webhook_endpoint_is_managed_and_its_failed_delivery_retried(
    tab: Page,
    live_server: LiveServer,
    console_database: str,
    receiver: Receiver,  # noqa: F811
) -> None:
    page, found = tab, {}
    admin = live_server.login(ADMIN)
    await signed_in(page, ADMIN, "/developers?tab=webhooks")
    await expect(page.get_by_role("tab", name="Webhook endpoints")).to_have_attribute("aria-selected", "true")
    await page.get_by_role("button", name="New endpoint").click()
    dialog = page.get_by_role("dialog", name="New webhook endpoint")
    await dialog.get_by_label("URL").fill(receiver.url)
    await choose_option(page, "Event types", "invoice.created")
    await dialog.get_by_label("URL").click()
    await axe(page, "endpoint-modal", found)
    await dialog.get_by_role("button", name="Create endpoint").click()
    assert await read_secret(page, f"Signing secret for {receiver.url}", found, "signing-secret-modal")
    endpoints = page.get_by_role("table", name="Webhook endpoints")
    await expect(endpoints.get_by_role("row").filter(has_text=receiver.url)).to_contain_text(
        "invoice.created"
    )
    await axe(page, "webhooks", found)
    (endpoint,) = [
        e
        for e in live_server.ok("{ webhookEndpoints { id url eventTypes } }", admin)["webhookEndpoints"]
        if e["url"] == receiver.url
    ]
    assert endpoint["eventTypes"] == ["INVOICE_CREATED"]

    # an invoice makes a delivery; the receiver answers 500 once: failed after one attempt
    add_on = next(
        a["id"]
        for a in live_server.ok("{ addOns(limit: 100) { collection { id code } } }", admin)["addOns"][
            "collection"
        ]
        if a["code"] == "onboarding"
    )
    customer = live_server.ok("{ customers(limit: 1) { collection { id } } }", admin)["customers"][
        "collection"
    ][0]["id"]
    invoice = live_server.ok(
        'mutation($c: ID!, $a: ID!) { createInvoice(input: {customerId: $c, currency: "EUR", fees: [{addOnId: $a}]}) { id } }',
        admin,
        c=customer,
        a=add_on,
    )["createInvoice"]
    receiver.answers.append(500)
    await deliver(live_server, console_database)
    assert len(receiver.received) == 1
    hooks = live_server.ok(
        "query($e: ID) { webhooks(endpointId: $e) { collection { id status } } }", admin, e=endpoint["id"]
    )
    (hook,) = hooks["webhooks"]["collection"]
    assert hook["status"] == "FAILED"

    await page.get_by_role("tab", name="Deliveries").click()
    await page.get_by_role("checkbox", name="Failed").click()
    await expect(page).to_have_url(re.compile(r"status=FAILED"))
    deliveries = page.get_by_role("table", name="Deliveries")
    failed = deliveries.get_by_role("row").filter(has_text="invoice.created").filter(has_text="500")
    await expect(failed.first).to_contain_text("Failed")
    await failed.first.get_by_role("button", name="Payload").click()
    await expect(deliveries).to_contain_text(invoice["id"])
    await axe(page, "deliveries", found)
    await failed.first.get_by_role("button", name="Retry").click()
    await expect(page.get_by_role("status").filter(has_text="sent again")).to_be_visible()
    hooks = live_server.ok(
        "query($e: ID) { webhooks(endpointId: $e) { collection { id status } } }", admin, e=endpoint["id"]
    )
    assert hooks["webhooks"]["collection"][0]["status"] == "PENDING"
    await deliver(live_server, console_database)
    assert len(receiver.received) == 2
    await page.get_by_role("checkbox", name="Failed").click()
    await page.get_by_role("checkbox", name="Succeeded").click()
    await expect(page).to_have_url(re.compile(r"status=SUCCEEDED"))
    await expect(deliveries.get_by_role("row").filter(has_text="invoice.created").first).to_contain_text(
        "Succeeded"
    )

    # edit, then delete
    await page.get_by_role("tab", name="Webhook endpoints").click()
    await page.get_by_role("button", name=f"Edit {receiver.url}").click()
    edit = page.get_by_role("dialog", name="Edit webhook endpoint")
    await choose_option(page, "Event types", "invoice.finalized")
    await edit.get_by_label("URL").click()
    await edit.get_by_role("button", name="Save").click()
    await expect(edit).to_have_count(0)
    await expect(endpoints.get_by_role("row").filter(has_text=receiver.url)).to_contain_text(
        "invoice.finalized"
    )
    urls = {
        e["url"]: e
        for e in live_server.ok("{ webhookEndpoints { url eventTypes } }", admin)["webhookEndpoints"]
    }
    assert set(urls[receiver.url]["eventTypes"]) == {"INVOICE_CREATED", "INVOICE_FINALIZED"}
    await page.get_by_role("button", name=f"Delete {receiver.url}").click()
    confirm = page.get_by_role("dialog", name="Delete the endpoint")
    await axe(page, "delete-endpoint-modal", found)
    await confirm.get_by_role("button", name="Delete endpoint").click()
    await expect(confirm).to_have_count(0)
    await expect(endpoints.get_by_role("row").filter(has_text=receiver.url)).to_have_count(0)
    assert receiver.url not in {
        e["url"] for e in live_server.ok("{ webhookEndpoints { url } }", admin)["webhookEndpoints"]
    }
    assert {w: v for w, v in found.items() if v} == {}


async def test_an_invoices_and_a_customers_history_link_open_the_log_filtered_to_them(
    tab: Page, live_server: LiveServer
) -> None:
    page, found = tab, {}
    admin = live_server.login(ADMIN)
    add_on = next(
        a["id"]
        for a in live_server.ok("{ addOns(limit: 100) { collection { id code } } }", admin)["addOns"][
            "collection"
        ]
        if a["code"] == "onboarding"
    )
    customer = live_server.ok("{ customers(limit: 1) { collection { id } } }", admin)["customers"][
        "collection"
    ][0]["id"]
    invoice = live_server.ok(
        'mutation($c: ID!, $a: ID!) { createInvoice(input: {customerId: $c, currency: "EUR", fees: [{addOnId: $a}]}) { id number } }',
        admin,
        c=customer,
        a=add_on,
    )["createInvoice"]
    await signed_in(page, ADMIN, f"/invoices/{invoice['id']}")
    await expect(page.get_by_role("heading", name=f"Invoice {invoice['number']}", level=1)).to_be_visible()
    await page.get_by_role("link", name="History").click()
    await expect(page).to_have_url(re.compile(rf"/audit-log\?objectType=Invoice&objectId={invoice['id']}$"))
    log = page.get_by_role("table", name="Audit log")
    await expect(log.get_by_role("row").filter(has_text="createInvoice")).to_have_count(1)
    for cell in await column(log, 3):
        assert invoice["id"] in cell
        assert cell.startswith("Invoice")
    await axe(page, "audit-log-object", found)

    await page.goto(f"/customers/{customer}")
    await page.get_by_role("link", name="History").click()
    await expect(page).to_have_url(re.compile(rf"/audit-log\?objectType=Customer&objectId={customer}$"))
    await expect(page.get_by_role("heading", name="Audit log", level=1)).to_be_visible()
    assert {w: v for w, v in found.items() if v} == {}


@pytest.mark.parametrize("member", DEMO_MEMBERS)
async def test_each_member_sees_the_screens_tabs_and_links_their_permissions_allow(
    tab: Page, live_server: LiveServer, member: str
) -> None:
    page, found = tab, {}
    permissions = live_server.permissions(member)
    if member != ADMIN:  # the contract: neither manager nor finance holds these
        assert not permissions & {"audit_logs:view", "developers:manage", "developers:keys:manage"}
    routes = {r.id: r for r in route_table()}
    await signed_in(page, member, "/sign-in")
    navigation = page.get_by_role("navigation", name="Main")
    await expect(navigation.get_by_role("link")).to_have_text(expected_navigation(permissions))
    for route_id, heading in (("audit-log", "Audit log"), ("developers", "Developers")):
        route = routes[route_id]
        await page.goto(route.path)
        if route.permissions <= permissions:
            await expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        else:
            await expect(page.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()
        await axe(page, route_id, found)
    if routes["developers"].permissions <= permissions:
        await page.goto("/developers")
        expected = [label for _, label, needs in developer_tabs() if needs <= permissions]
        tabs = page.get_by_role("tablist", name="Developer sections").get_by_role("tab")
        await expect(tabs).to_have_text(expected)
        for label in expected:
            await page.get_by_role("tab", name=label, exact=True).click()
            await axe(page, f"developers-{label}", found)
    admin = live_server.login(ADMIN)
    invoice = live_server.ok("{ invoices(limit: 1) { collection { id } } }", admin)["invoices"]["collection"][
        0
    ]
    await page.goto(f"/invoices/{invoice['id']}")
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    await expect(page.get_by_role("link", name="History")).to_have_count(
        1 if "audit_logs:view" in permissions else 0
    )
    customer = live_server.ok("{ customers(limit: 1) { collection { id } } }", admin)["customers"][
        "collection"
    ][0]
    await page.goto(f"/customers/{customer['id']}")
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    await expect(page.get_by_role("link", name="History")).to_have_count(
        1 if "audit_logs:view" in permissions else 0
    )
    assert {w: v for w, v in found.items() if v} == {}


async def test_the_events_tab_shows_rejected_events_as_sent_and_why(
    tab: Page, live_server: LiveServer
) -> None:
    page, found = tab, {}
    admin = live_server.login(ADMIN)
    batch, alone = unique("tx-batch"), unique("tx-alone")
    code = unique("no_such_metric")
    sent = live_server.ok(
        "mutation($t: String!, $c: String!) { createEvents(input: {events: [{transactionId: $t, "
        'externalSubscriptionId: "nobody", code: $c, properties: {seats: 3}}]}) { rejected events { errors } } }',
        admin,
        t=batch,
        c=code,
    )["createEvents"]
    refused = live_server.graphql(
        "mutation($t: String!, $c: String!) { createEvent(input: {transactionId: $t, "
        'externalSubscriptionId: "nobody", code: $c}) { status } }',
        admin,
        t=alone,
        c=code,
    )
    assert sent["rejected"] == 1, sent
    assert refused["errors"][0]["extensions"]["code"] == "VALIDATION_ERROR", refused

    await signed_in(page, ADMIN, "/developers?tab=events")
    await page.get_by_label("Metric code").fill(code)
    rejected = page.get_by_role("table", name="Rejected events")
    await expect(rejected.get_by_role("row")).to_have_count(3)  # the header and the two, newest first
    first, second = rejected.get_by_role("row").nth(1), rejected.get_by_role("row").nth(2)
    await expect(first).to_contain_text(alone)
    await expect(second).to_contain_text(batch)
    for problem in sent["events"][0]["errors"].values():
        await expect(second).to_contain_text(str(problem))
    await expect(second).to_contain_text('"seats": 3')
    await expect(second).to_contain_text("GraphQL")
    await axe(page, "rejected-events", found)
    assert {w: v for w, v in found.items() if v} == {}


async def test_the_time_range_and_the_actor_filter_the_log_from_the_url(
    tab: Page, live_server: LiveServer
) -> None:
    admin = live_server.login(ADMIN)
    me = live_server.ok("{ currentMembership { user { id } } }", admin)["currentMembership"]["user"]["id"]
    live_server.ok(  # an entry of the admin's, whatever ran before
        'mutation($n: String!) { createApiKey(input: {name: $n, roles: ["manager"]}) { apiKey { id } } }',
        admin,
        n=unique("Audited"),
    )
    await signed_in(tab, ADMIN, "/audit-log?from=2000-01-01&to=2000-01-02")
    await expect(tab.get_by_label("From")).to_have_value("2000-01-01")
    await expect(tab.get_by_text("No entry matches.")).to_be_visible()
    await tab.goto(f"/audit-log?actor=user:{me}")
    await expect(
        tab.get_by_role("textbox", name="Actor").or_(tab.get_by_role("combobox", name="Actor"))
    ).to_have_value(ADMIN)
    log = tab.get_by_role("table", name="Audit log")
    await expect(log).to_be_visible()
    for actor in await column(log, 1):
        assert ADMIN in actor
