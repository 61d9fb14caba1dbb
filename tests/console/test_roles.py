"""The roles screens in a real browser: the admin composes a custom role while the live preview lists
what it unlocks (computed here from the console's route table), creates it (checked through the
graph), sees the graph's refusal at the field, and compares two roles side by side; a member holding
the composed role opens exactly the screens the preview listed as unlocked, and every locked one is
Forbidden; a member without roles:create sees no New role."""

from __future__ import annotations

import random
import re
import uuid

import pytest
from graphql import get_named_type, is_leaf_type, is_required_argument
from playwright.async_api import Browser, Page, expect

from app.auth.permissions import ALL_PERMISSIONS
from app.graphql.schema import schema
from app.reference import declarations
from scripts.fuzz import _valid
from tests.console.conftest import DEMO_MEMBERS, LiveServer, console_context, route_table, serious_violations
from tests.console.test_invoices import signed_in
from tests.console.test_shell import sign_in

ADMIN, MANAGER, FINANCE = DEMO_MEMBERS
COMPOSED = ["customers:view", "invoices:view", "invoices:export"]


async def compose(page: Page, code: str, name: str, permissions: list[str]) -> None:
    await page.get_by_label("Code").fill(code)
    await page.get_by_label("Name").fill(name)
    for permission in permissions:
        await page.get_by_role("checkbox", name=permission, exact=True).check()


async def test_the_admin_composes_a_role_with_its_live_preview_and_creates_it(
    page: Page, live_server: LiveServer
) -> None:
    code = f"clerk_{uuid.uuid4().hex[:6]}"
    await signed_in(page, ADMIN, "/roles")
    await page.get_by_role("link", name="New role").click()
    await expect(page.get_by_role("heading", name="New role", level=1)).to_be_visible()
    unlocked = page.get_by_role("list", name="Unlocked screens", exact=True)
    await expect(page.get_by_role("list", name="Locked screens", exact=True)).to_contain_text("Customers")

    await compose(page, code, "Clerk", COMPOSED)

    expected = [r.title for r in route_table() if r.permissions <= frozenset(COMPOSED)]
    await expect(unlocked.get_by_role("listitem")).to_have_text(expected)
    locked = page.get_by_role("list", name="Locked screens", exact=True)
    await expect(locked.get_by_role("listitem").filter(has_text="Revenue")).to_contain_text(
        "needs analytics:view"
    )
    actions = page.get_by_role("list", name="Unlocked actions", exact=True)
    await expect(actions).to_contain_text("Download invoices as CSV")
    await expect(page.get_by_role("list", name="Locked actions", exact=True)).to_contain_text(
        "Void an invoice"
    )

    await page.get_by_role("button", name="Create role").click()
    await expect(page).to_have_url(re.compile(r"/roles/[0-9a-f-]{36}$"))
    await expect(page.get_by_role("heading", name="Role Clerk", level=1)).to_be_visible()
    roles = live_server.ok("{ roles { code permissions } }", live_server.login(ADMIN))["roles"]
    assert next(r["permissions"] for r in roles if r["code"] == code) == sorted(COMPOSED)


async def test_a_code_the_graph_refuses_is_shown_at_the_field(page: Page) -> None:
    await signed_in(page, ADMIN, "/roles/new")
    await compose(page, "admin", "Another admin", ["customers:view"])
    await page.get_by_role("button", name="Create role").click()
    code = page.get_by_label("Code")
    await expect(code).to_have_attribute("aria-invalid", "true")
    await expect(page.get_by_text("is the code of a built-in role")).to_be_visible()


async def test_two_roles_side_by_side(page: Page) -> None:
    await signed_in(page, ADMIN, "/roles")
    await page.get_by_role("combobox", name="First role").click()
    await page.get_by_role("option", name="Account Manager", exact=True).click()
    await page.get_by_role("combobox", name="Second role").click()
    await page.get_by_role("option", name="Finance & Analyst", exact=True).click()
    table = page.get_by_role("table", name="Account Manager and Finance & Analyst side by side")
    revenue = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Revenue", exact=True))
    await expect(revenue.get_by_label("not granted to Account Manager")).to_be_visible()
    await expect(revenue.get_by_label("granted to Finance & Analyst", exact=True)).to_be_visible()
    analytics = table.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="analytics:view", exact=True)
    )
    await expect(analytics.get_by_label("granted to Finance & Analyst", exact=True)).to_be_visible()


def probe_documents() -> dict[str, str]:
    """One document per operation of the schema, labelled as the composer lists it ("query customers"):
    its required arguments with valid literals, and only `__typename` selected."""
    documents = {}
    for kind, root in (("query", schema._schema.query_type), ("mutation", schema._schema.mutation_type)):
        for name, field in root.fields.items():
            required = [f"{n}: {_valid(a.type)}" for n, a in field.args.items() if is_required_argument(a)]
            arguments = f"({', '.join(required)})" if required else ""
            selection = "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"
            documents[f"{kind} {name}"] = (
                f"{'mutation ' if kind == 'mutation' else ''}{{ {name}{arguments}{selection} }}"
            )
    return documents


async def listed(page: Page, name: str) -> set[str]:
    items = await page.get_by_role("list", name=name, exact=True).get_by_role("listitem").all_inner_texts()
    return {text.split(" (needs", 1)[0].strip() for text in items}


# Random custom roles (seeded, so a failure reproduces): a few permissions of the catalogue each.
ROLES = [sorted(random.Random(seed).sample(sorted(ALL_PERMISSIONS), 4 + seed)) for seed in range(3)]


@pytest.mark.parametrize("permissions", ROLES, ids=[",".join(p) for p in ROLES])
async def test_what_the_preview_unlocks_works_for_a_holder_and_what_it_locks_is_hidden_and_refused(
    page: Page, browser: Browser, live_server: LiveServer, permissions: list[str]
) -> None:
    # given a role composed through the graph, and a member holding it
    admin = live_server.login(ADMIN)
    code, email, password = (
        f"previewed_{uuid.uuid4().hex[:6]}",
        f"p{uuid.uuid4().hex[:6]}@demo.example",
        "pw-123456789",
    )
    role_id = live_server.ok(
        "mutation($c: String!, $p: [String!]!) { createRole(input: {code: $c, name: $c, permissions: $p}) { id } }",
        admin,
        c=code,
        p=permissions,
    )["createRole"]["id"]
    token = live_server.ok(
        "mutation($e: String!, $r: [String!]!) { createInvite(input: {email: $e, roles: $r}) { invite { token } } }",
        admin,
        e=email,
        r=[code],
    )["createInvite"]["invite"]["token"]
    live_server.ok(
        "mutation($t: String!, $p: String!) { acceptInvite(input: {token: $t, password: $p}) { token } }",
        t=token,
        p=password,
    )
    # when the admin opens the role, the preview lists its screens and the graph's operations
    await signed_in(page, ADMIN, f"/roles/{role_id}")
    await expect(page.get_by_role("list", name="Locked screens", exact=True)).to_be_visible()
    unlocked, locked = await listed(page, "Unlocked screens"), await listed(page, "Locked screens")
    await page.get_by_role("button", name=re.compile(r"^Graph operations")).click()
    await expect(page.get_by_role("list", name="Locked operations", exact=True)).to_be_visible()
    open_operations = await listed(page, "Unlocked operations")
    closed_operations = await listed(page, "Locked operations")
    guarded = {
        f"{d.kind} {d.name}"
        for d in declarations()
        if d.kind in ("query", "mutation") and ":" in "".join(d.needs)
    }
    assert open_operations | closed_operations == guarded

    # then the graph answers every unlocked query and refuses every locked operation to the member
    member_token = live_server.login(email, password)
    documents = probe_documents()
    for label in sorted(open_operations | closed_operations):
        if label in open_operations and label.startswith("mutation "):
            continue  # running it would write: the console's own tests cover the writes
        answer = live_server.graphql(documents[label], member_token)
        refused = any(
            (e.get("extensions") or {}).get("code") == "FORBIDDEN" for e in answer.get("errors") or []
        )
        assert refused == (label in closed_operations), (label, answer)

    # and the member opens each unlocked screen (those without :id), while every locked one is hidden
    # from the navigation and Forbidden
    context = await console_context(browser, live_server)
    try:
        member = await context.new_page()
        await member.goto("/sign-in")
        await sign_in(member, email, password)
        await expect(member.get_by_role("banner")).to_be_visible()
        navigation = member.get_by_role("navigation", name="Main")
        for route in route_table():
            if ":" in route.path:
                continue
            assert (route.title in unlocked) != (route.title in locked), route
            await member.goto(route.path)
            forbidden = member.get_by_role("heading", name="Forbidden", level=1)
            if route.title in unlocked:
                await expect(member.get_by_role("heading", level=1).first).to_be_visible()
                await expect(forbidden).to_have_count(0)
            else:
                await expect(forbidden).to_be_visible()
                if route.nav:
                    await expect(navigation.get_by_role("link", name=route.title, exact=True)).to_have_count(
                        0
                    )
    finally:
        await context.close()


async def test_members_without_roles_create_see_no_new_role(page: Page, live_server: LiveServer) -> None:
    for member in (MANAGER, FINANCE):
        permissions = live_server.permissions(member)
        assert "roles:create" not in permissions
    await signed_in(page, FINANCE, "/roles")
    if "roles:view" in live_server.permissions(FINANCE):
        await expect(page.get_by_role("heading", name="Roles", level=1)).to_be_visible()
        await expect(page.get_by_role("link", name="New role")).to_have_count(0)
    else:
        await expect(page.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()


async def test_the_composer_is_accessible(axe_page: Page) -> None:
    await signed_in(axe_page, ADMIN, "/roles/new")
    await compose(axe_page, "axe_role", "Axe", ["customers:view"])
    assert await serious_violations(axe_page) == []
    await axe_page.goto("/roles?a=&b=")
    await expect(axe_page.get_by_role("table", name="Roles")).to_be_visible()
    assert await serious_violations(axe_page) == []
