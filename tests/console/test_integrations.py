"""The accounting integrations' screens in a real browser against the live demo server. The admin
connects a Xero integration (a missing credential refused at its input), and neither the graph nor any
page or response ever gives a credential back; edits its settings, replaces its credentials (their
date moves), maps the demo's onboarding add-on, a tax of its own and the fallback item (a missing
account code refused at its input), downloads the invoices in Xero's format (the lines of its own
invoice carry the mapped codes), sees a bad range refused at the field, and disconnects after the
dialog says what that erases. Every control is offered exactly with its permission (checked for each
demo member from their permissions): finance reads and exports, the graph refuses its writes; the
manager sees neither link nor screen. The console's kinds agree with the server's; axe-core runs on
the list, the connect form, the detail and the mapping dialog."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.async_api import Browser, Locator, Page, expect

from app.exports import xero
from app.integrations.kinds import KINDS
from tests.console.conftest import (
    DEMO_MEMBERS,
    ROOT,
    LiveServer,
    console_context,
    record_problems,
    route_table,
    serious_violations,
)
from tests.console.test_invoices import signed_in
from tests.console.test_shell import expected_navigation

ADMIN, MANAGER, FINANCE = DEMO_MEMBERS
VIEW, CREATE = "organization:integrations:view", "organization:integrations:create"
UPDATE, DELETE = "organization:integrations:update", "organization:integrations:delete"
FIELDS = "id kind name code settings credentialsUpdatedAt mappings { mappableType mappableId itemCode accountCode taxCode name }"
CREATE_INTEGRATION = (
    "mutation($c: String!, $s: String!) { createIntegration(input: {kind: XERO, name: $c, code: $c, "
    'credentials: {clientId: "graph-client", clientSecret: $s}}) { id } }'
)


@dataclass(frozen=True)
class Own:
    """What the admin's workflow bills: its own customer, taxed by its own tax, invoiced the demo's
    onboarding add-on (a finalized one-off invoice)."""

    suffix: str
    tax: dict[str, str]
    add_on: str
    invoice: dict[str, Any]


@pytest.fixture(scope="module")
def own(live_server: LiveServer) -> Own:
    admin, suffix = live_server.login(ADMIN), uuid.uuid4().hex[:8]
    tax = live_server.ok(
        'mutation($c: String!) { createTax(input: {name: $c, code: $c, rate: "10"}) { id name code } }',
        admin,
        c=f"int_tax_{suffix}",
    )["createTax"]
    customer = live_server.ok(
        "mutation($e: String!, $t: [String!]) { createCustomer(input: {externalId: $e, name: $e, "
        'currency: "EUR", taxCodes: $t}) { id } }',
        admin,
        e=f"int_customer_{suffix}",
        t=[tax["code"]],
    )["createCustomer"]["id"]
    add_ons = live_server.ok("{ addOns(limit: 100) { collection { id code } } }", admin)["addOns"][
        "collection"
    ]
    add_on = next(a["id"] for a in add_ons if a["code"] == "onboarding")
    invoice = live_server.ok(
        'mutation($c: ID!, $a: ID!) { createInvoice(input: {customerId: $c, currency: "EUR", '
        "fees: [{addOnId: $a}]}) { id number status issuingDate fees { appliedTaxes { taxCode } } } }",
        admin,
        c=customer,
        a=add_on,
    )["createInvoice"]
    assert invoice["status"] == "FINALIZED", invoice
    assert [t["taxCode"] for f in invoice["fees"] for t in f["appliedTaxes"]] == [tax["code"]], invoice
    return Own(suffix, tax, add_on, invoice)


@pytest.fixture
async def recorded(
    browser: Browser, live_server: LiveServer
) -> AsyncIterator[tuple[Page, list[str], list[str]]]:
    """A page, its problems (a refused export's 400, logged by Chromium, is expected) and the text of
    every response it received."""
    context = await console_context(browser, live_server)
    page = await context.new_page()
    problems, bodies = record_problems(page), []

    async def keep(response: Any) -> None:
        with contextlib.suppress(Exception):  # redirects and aborted requests have no body
            bodies.append((await response.body()).decode("utf-8", "replace"))

    page.on("response", keep)
    yield page, problems, bodies
    await context.close()


def integration(live_server: LiveServer, token: str, integration_id: str) -> dict[str, Any]:
    query = f"query($id: ID!) {{ integration(id: $id) {{ {FIELDS} }} }}"
    return live_server.ok(query, token, id=integration_id)["integration"]  # type: ignore[no-any-return]


def labelled(within: Page | Locator, label: str) -> Locator:
    """The input of that label, marked required (" *") or not."""
    return within.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


async def choose(page: Page, box: str, option: str) -> None:
    await page.get_by_role("combobox", name=box).click()
    await page.get_by_role("option", name=option, exact=True).click()


async def add_mapping(page: Page, maps: str, target: str | None, codes: dict[str, str]) -> None:
    await page.get_by_role("button", name="Add mapping").click()
    dialog = page.get_by_role("dialog", name="Add mapping")
    await choose(page, "Maps", maps)
    if target is not None:
        await choose(page, maps, target)
    for label, value in codes.items():
        await labelled(dialog, label).fill(value)
    await dialog.get_by_role("button", name="Save mapping").click()


async def check_controls(page: Page, permissions: frozenset[str], mappings: int) -> None:
    """The detail page offers each control exactly with its permissions."""
    counts = {
        "Save settings": UPDATE in permissions,
        "Replace credentials": UPDATE in permissions,
        "Add mapping": UPDATE in permissions,
        "Disconnect": DELETE in permissions,
        "Download invoices": {"invoices:export", VIEW} <= permissions,
        "Download credit notes": {"credit_notes:export", VIEW} <= permissions,
    }
    for name, shown in counts.items():
        await expect(page.get_by_role("button", name=name, exact=True)).to_have_count(1 if shown else 0)
    for verb in ("Edit", "Remove"):
        found = page.get_by_role("button", name=re.compile(rf"^{verb} mapping of "))
        await expect(found).to_have_count(mappings if UPDATE in permissions else 0)
    await expect(page.get_by_label("Name", exact=True)).to_be_editable(editable=UPDATE in permissions)


def kinds_of_console() -> dict[str, dict[str, Any]]:
    source = (ROOT / "console" / "src" / "integrations" / "kinds.ts").read_text()
    table = source.split("export const KINDS", 1)[1].split("\n};", 1)[0]
    found = {}
    for name, block in re.findall(r"\n  (\w+): \{(.*?)\n    itemCodeField", table, flags=re.S):
        credentials, settings = block.split("settings:", 1)
        found[name] = {
            "credentials": re.findall(r'key: "(\w+)"', credentials),
            "settings": re.findall(r'key: "(\w+)"', settings),
            "defaults": {
                key: default
                for entry in re.split(r"\{\s*key: ", settings)[1:]
                for key, default in re.findall(r'^"(\w+)".*?defaultValue: "([^"]+)"', entry, flags=re.S)
            },
        }
    return found


def test_the_consoles_kinds_are_the_servers() -> None:
    expected = {
        kind.name: {
            "credentials": list(spec.credentials),
            "settings": [s.key for s in spec.settings],
            "defaults": spec.defaults(),
        }
        for kind, spec in KINDS.items()
    }
    assert kinds_of_console() == expected


async def test_the_admin_connects_maps_exports_and_disconnects_without_a_secret_coming_back(
    recorded: tuple[Page, list[str], list[str]], live_server: LiveServer, own: Own
) -> None:
    page, problems, bodies = recorded
    admin, suffix = live_server.login(ADMIN), own.suffix
    secret, client, code = f"first-secret-{suffix}", f"client-{suffix}", f"xero_{suffix}"
    await signed_in(page, ADMIN, "/integrations")
    await page.get_by_role("link", name="Connect integration").click()
    await expect(page.get_by_role("heading", name="Connect an integration", level=1)).to_be_visible()
    await expect(page.get_by_role("radio", name="Xero")).to_be_checked()
    await labelled(page, "Name").fill(f"Xero {suffix}")
    await labelled(page, "Code").fill(code)
    await page.get_by_label("Client ID").fill(client)
    await page.get_by_role("button", name="Connect integration").click()  # no client secret
    await expect(page.get_by_label("Client secret")).to_have_attribute("aria-invalid", "true")
    await expect(page.get_by_text("is required")).to_be_visible()
    await page.get_by_label("Client secret").fill(secret)
    await choose(page, "Date format", "YYYY-MM-DD")
    await page.get_by_label("Branding theme").fill("Standard")
    await page.get_by_role("button", name="Connect integration").click()
    await expect(page).to_have_url(re.compile(r"/integrations/[0-9a-f-]{36}$"))
    await expect(page.get_by_role("heading", name=f"Integration Xero {suffix}", level=1)).to_be_visible()
    integration_id = page.url.rsplit("/", 1)[1]
    found = integration(live_server, admin, integration_id)
    assert (found["kind"], found["code"]) == ("XERO", code)
    assert found["settings"] == {
        "dateFormat": "YYYY-MM-DD",
        "noTaxType": "Tax Exempt",
        "brandingTheme": "Standard",
    }
    fields = live_server.ok('{ __type(name: "Integration") { fields { name } } }', admin)["__type"]["fields"]
    assert [f["name"] for f in fields if "credential" in f["name"].lower()] == ["credentialsUpdatedAt"]
    await check_controls(page, live_server.permissions(ADMIN), 0)

    # settings
    await page.get_by_label("Tax rate of untaxed lines").fill("No VAT")
    await page.get_by_role("button", name="Save settings").click()
    await expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    assert integration(live_server, admin, integration_id)["settings"]["noTaxType"] == "No VAT"

    # credentials, replaced in a dialog that says they cannot be shown
    await expect(page.get_by_text("are stored encrypted and cannot be shown")).to_be_visible()
    await expect(page.get_by_label("Client secret")).to_have_count(0)
    before, second = found["credentialsUpdatedAt"], f"second-secret-{suffix}"
    await page.get_by_role("button", name="Replace credentials").click()
    dialog = page.get_by_role("dialog", name="Replace the Xero credentials")
    await expect(dialog.get_by_label("Client secret")).to_have_value("")
    await dialog.get_by_label("Client ID").fill(client)
    await dialog.get_by_label("Client secret").fill(second)
    await dialog.get_by_role("button", name="Replace credentials").click()
    await expect(page.get_by_role("status").filter(has_text="Credentials replaced.")).to_be_visible()
    after = integration(live_server, admin, integration_id)["credentialsUpdatedAt"]
    assert after > before

    # mappings: the add-on, a tax, the fallback item (Xero needs an account code on every item)
    await add_mapping(
        page, "Add-on", "Onboarding (onboarding)", {"Item code": f"ONB-{suffix}", "Account code": "200"}
    )
    await expect(page.get_by_role("rowheader", name="Add-on Onboarding", exact=True)).to_be_visible()
    tax_option = f"{own.tax['name']} ({own.tax['code']})"
    await add_mapping(page, "Tax", tax_option, {"Tax code": f"OUTPUT-{suffix}"})
    await expect(page.get_by_role("rowheader", name=f"Tax {own.tax['name']}", exact=True)).to_be_visible()
    await add_mapping(page, "Fallback item", None, {"Item code": "MISC"})
    dialog = page.get_by_role("dialog", name="Add mapping")
    await expect(labelled(dialog, "Account code")).to_have_attribute("aria-invalid", "true")
    await expect(dialog.get_by_text("is required by XERO for an item")).to_be_visible()
    await labelled(dialog, "Account code").fill("400")
    await dialog.get_by_role("button", name="Save mapping").click()
    await expect(page.get_by_role("rowheader", name="Fallback item", exact=True)).to_be_visible()
    mappings = integration(live_server, admin, integration_id)["mappings"]
    assert sorted(
        (m["mappableType"], m["mappableId"], m["itemCode"], m["accountCode"], m["taxCode"]) for m in mappings
    ) == [
        ("ADD_ON", own.add_on, f"ONB-{suffix}", "200", None),
        ("FALLBACK_ITEM", None, "MISC", "400", None),
        ("TAX", own.tax["id"], None, None, f"OUTPUT-{suffix}"),
    ]
    await check_controls(page, live_server.permissions(ADMIN), 3)

    # the invoices in Xero's format for the day of its own invoice
    day = own.invoice["issuingDate"]
    await page.get_by_label("Export from").fill(day)
    await page.get_by_label("Export to").fill(day)
    async with page.expect_download() as info:
        await page.get_by_role("button", name="Download invoices").click()
    download = await info.value
    assert download.suggested_filename == f"xero-invoices-{day}-{day}.csv"
    rows = list(csv.DictReader(io.StringIO((await download.path()).read_text(encoding="utf-8-sig"))))
    assert rows
    assert list(rows[0]) == list(xero.INVOICE_HEADER)
    mine = [row for row in rows if row["*InvoiceNumber"] == own.invoice["number"]]
    assert [
        (r["InventoryItemCode"], r["*AccountCode"], r["*TaxType"], r["*InvoiceDate"], r["BrandingTheme"])
        for r in mine
    ] == [(f"ONB-{suffix}", "200", f"OUTPUT-{suffix}", day, "Standard")]
    await page.get_by_label("Export from").fill("2026-02-01")
    await page.get_by_label("Export to").fill("2026-01-01")
    await page.get_by_role("button", name="Download invoices").click()
    await expect(page.get_by_text("must not be after to")).to_be_visible()
    await expect(page.get_by_label("Export from")).to_have_attribute("aria-invalid", "true")

    # no credential in any page or response, nor in the audit log
    html = await page.content()
    audit = live_server.ok(
        "query($id: ID!) { auditLogs(objectId: $id) { collection { changes } } }", admin, id=integration_id
    )
    for secret_text in (secret, second):
        assert secret_text not in html
        assert [body for body in bodies if secret_text in body] == []
        assert secret_text not in json.dumps(audit)

    # disconnect, the consequence said first
    await page.get_by_role("button", name="Disconnect").click()
    dialog = page.get_by_role("dialog", name=f"Disconnect Xero {suffix}")
    await expect(dialog).to_contain_text(
        "credentials are erased, every mapping of this integration is deleted"
    )
    await dialog.get_by_role("button", name="Disconnect").click()
    await expect(page).to_have_url(re.compile(r"/integrations$"))
    answer = live_server.graphql("query($id: ID!) { integration(id: $id) { id } }", admin, id=integration_id)
    assert [e["extensions"]["code"] for e in answer["errors"]] == ["NOT_FOUND"]
    listed = live_server.ok("{ integrations(limit: 100) { code } }", admin)["integrations"]
    assert code not in [i["code"] for i in listed]
    await expect(page.get_by_role("link", name=f"Xero {suffix}")).to_have_count(0)
    assert [p for p in problems if "status of 400" not in p] == []


@pytest.fixture(scope="module")
def connected(live_server: LiveServer, own: Own) -> str:
    """An integration made through the graph, with a mapping: what finance and the manager look at."""
    admin = live_server.login(ADMIN)
    found = live_server.ok(CREATE_INTEGRATION, admin, c=f"seen_{own.suffix}", s=f"s-{own.suffix}")
    integration_id: str = found["createIntegration"]["id"]
    live_server.ok(
        'mutation($id: ID!) { setIntegrationMappings(input: {integrationId: $id, mappings: [{mappableType: FALLBACK_ITEM, accountCode: "400"}]}) { id } }',
        admin,
        id=integration_id,
    )
    return integration_id


async def test_finance_reads_and_exports_but_connects_and_changes_nothing(
    page: Page, browser: Browser, live_server: LiveServer, own: Own, connected: str
) -> None:
    permissions = live_server.permissions(FINANCE)
    assert VIEW in permissions
    assert not {CREATE, UPDATE, DELETE} & permissions
    await signed_in(page, FINANCE, "/")
    await (
        page.get_by_role("navigation", name="Main")
        .get_by_role("link", name="Integrations", exact=True)
        .click()
    )
    await expect(page.get_by_role("table", name="Integrations")).to_be_visible()
    await expect(page.get_by_role("link", name="Connect integration")).to_have_count(0)
    await page.get_by_role("link", name=f"seen_{own.suffix}", exact=True).click()
    await expect(page.get_by_role("heading", name=f"Integration seen_{own.suffix}", level=1)).to_be_visible()
    await expect(page.get_by_role("rowheader", name="Fallback item", exact=True)).to_be_visible()
    await check_controls(page, permissions, 1)
    day = own.invoice["issuingDate"]
    await page.get_by_label("Export from").fill(day)
    await page.get_by_label("Export to").fill(day)
    async with page.expect_download() as info:
        await page.get_by_role("button", name="Download credit notes").click()
    text = (await (await info.value).path()).read_text(encoding="utf-8-sig")
    assert next(csv.reader(io.StringIO(text))) == list(xero.CREDIT_NOTE_HEADER)
    await page.goto("/integrations/new")
    await expect(page.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()

    token = live_server.login(FINANCE)
    writes = {
        "createIntegration": 'createIntegration(input: {kind: XERO, name: "f", code: "f", credentials: {clientId: "c", clientSecret: "s"}})',
        "updateIntegration": 'updateIntegration(input: {id: $id, name: "x"})',
        "setIntegrationMappings": 'setIntegrationMappings(input: {integrationId: $id, mappings: [{mappableType: COUPON, accountCode: "1"}]})',
        "destroyIntegration": "destroyIntegration(input: {id: $id})",
    }
    for name, call in writes.items():
        arguments = "($id: ID!)" if "$id" in call else ""
        answer = live_server.graphql(f"mutation{arguments} {{ {call} {{ id }} }}", token, id=connected)
        assert [e["extensions"]["code"] for e in answer["errors"]] == ["FORBIDDEN"], (name, answer)
    assert integration(live_server, live_server.login(ADMIN), connected)["name"] == f"seen_{own.suffix}"


async def test_the_manager_sees_neither_the_link_nor_the_screens(
    page: Page, live_server: LiveServer, connected: str
) -> None:
    permissions = live_server.permissions(MANAGER)
    assert VIEW not in permissions
    await signed_in(page, MANAGER, "/")
    await expect(page.get_by_role("navigation", name="Main").get_by_role("link")).to_have_text(
        expected_navigation(permissions)
    )
    assert "Integrations" not in expected_navigation(permissions)
    for route in (r for r in route_table() if r.path.startswith("/integrations")):
        await page.goto(route.path.replace(":id", connected))
        await expect(page.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()
    answer = live_server.graphql("{ integrations { id } }", live_server.login(MANAGER))
    assert [e["extensions"]["code"] for e in answer["errors"]] == ["FORBIDDEN"]


async def test_the_integration_screens_are_accessible(axe_page: Page, own: Own, connected: str) -> None:
    await signed_in(axe_page, ADMIN, "/integrations")
    await expect(axe_page.get_by_role("table", name="Integrations")).to_be_visible()
    assert await serious_violations(axe_page) == []
    await axe_page.goto("/integrations/new")
    await expect(axe_page.get_by_label("Client secret")).to_be_visible()
    assert await serious_violations(axe_page) == []
    await axe_page.get_by_role("radio", name="NetSuite").check()
    await expect(axe_page.get_by_label("Token secret")).to_be_visible()
    assert await serious_violations(axe_page) == []
    await axe_page.goto(f"/integrations/{connected}")
    await expect(axe_page.get_by_role("table", name="Mappings")).to_be_visible()
    assert await serious_violations(axe_page) == []
    await axe_page.get_by_role("button", name="Add mapping").click()
    await expect(axe_page.get_by_role("dialog", name="Add mapping")).to_be_visible()
    assert await serious_violations(axe_page) == []
