"""The console's shell in a real browser against a real server with the demo organization: sign in,
the navigation each member's permissions allow (computed from the route table and the permissions the
graph reports, never listed per role), the customers list, sign out, and an ended session."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Browser, Page, expect

from tests.console.conftest import (
    DEMO_MEMBERS,
    DEMO_PASSWORD,
    LiveServer,
    TwoOrganizationMember,
    console_context,
    landing_preference,
    route_table,
)


async def sign_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    await page.get_by_label(re.compile(r"^Email\b")).fill(email)
    await page.get_by_label(re.compile(r"^Password\b")).fill(password)
    await page.get_by_role("button", name="Sign in").click()


def expected_navigation(permissions: frozenset[str]) -> list[str]:
    return [r.title for r in route_table() if r.nav and r.permissions <= permissions]


def expected_landing(permissions: frozenset[str]) -> str:
    routes = {r.id: r for r in route_table()}
    for wanted in landing_preference():
        route = routes.get(wanted)
        if route and route.permissions <= permissions:
            return route.path
    return next(r.path for r in route_table() if r.nav and r.permissions <= permissions)


@pytest.mark.parametrize("email", DEMO_MEMBERS)
async def test_each_member_sees_the_navigation_their_permissions_allow(
    page: Page, live_server: LiveServer, email: str
) -> None:
    permissions = live_server.permissions(email)
    await page.goto("/")
    await expect(page).to_have_url(re.compile(r"/sign-in$"))
    await expect(page.get_by_role("heading", name="Sign in to billgraph")).to_be_visible()

    await sign_in(page, email)

    await expect(page).to_have_url(re.compile(re.escape(expected_landing(permissions)) + "$"))
    navigation = page.get_by_role("navigation", name="Main")
    await expect(navigation.get_by_role("link")).to_have_text(expected_navigation(permissions))
    await expect(page.get_by_text(email)).to_be_visible()


async def test_a_wrong_password_is_refused_on_the_sign_in_page(page: Page) -> None:
    await page.goto("/sign-in")
    await sign_in(page, DEMO_MEMBERS[1], "not the password")
    await expect(page.get_by_role("alert")).to_contain_text("Sign-in failed")
    await expect(page).to_have_url(re.compile(r"/sign-in$"))


async def test_the_customers_list_pages_and_searches(page: Page, live_server: LiveServer) -> None:
    token = live_server.login(DEMO_MEMBERS[1])
    answer = live_server.graphql(
        "{ customers(limit: 50) { collection { name } metadata { totalCount } } }", token
    )["data"]["customers"]
    names = [c["name"] for c in answer["collection"]]
    assert names, "the demo has no customers"

    await page.goto("/customers")
    await sign_in(page, DEMO_MEMBERS[1])  # back to the page asked for
    await expect(page).to_have_url(re.compile(r"/customers$"))
    await page.get_by_role("navigation", name="Main").get_by_role("link", name="Customers").click()
    await expect(page.get_by_role("heading", name="Customers", level=1)).to_be_visible()
    table = page.get_by_role("table", name="Customers")
    # the header row, then one row a customer
    await expect(table.get_by_role("row")).to_have_count(len(names) + 1)
    await expect(page.get_by_text(f"{answer['metadata']['totalCount']} customers")).to_be_visible()

    wanted = names[-1]
    await page.get_by_label("Search customers").fill(wanted)
    await expect(page).to_have_url(re.compile(r"\?q="))
    await expect(table.get_by_role("row").filter(has_text=wanted).first).to_be_visible()
    found = live_server.graphql(
        "query($q: String) { customers(searchTerm: $q, limit: 50) { collection { name } } }", token, q=wanted
    )["data"]["customers"]["collection"]
    await expect(table.get_by_role("row")).to_have_count(len(found) + 1)

    await page.reload()  # the session and the search survive a reload of the tab
    await expect(page.get_by_label("Search customers")).to_have_value(wanted)
    await expect(table.get_by_role("row")).to_have_count(len(found) + 1)


async def test_sign_out_ends_the_session(page: Page) -> None:
    await page.goto("/sign-in")
    await sign_in(page, DEMO_MEMBERS[2])
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    await page.get_by_role("button", name=DEMO_MEMBERS[2]).click()  # the user menu: the email opens it
    await page.get_by_role("button", name="Sign out").click()
    await expect(page).to_have_url(re.compile(r"/sign-in$"))
    assert await page.evaluate("window.sessionStorage.getItem('billgraph.session')") is None
    await page.goto("/customers")
    await expect(page).to_have_url(re.compile(r"/sign-in\?next=%2Fcustomers$"))


async def test_an_ended_session_signs_in_again_then_returns_to_the_same_page(
    page: Page, live_server: LiveServer
) -> None:
    await page.goto("/sign-in")
    await sign_in(page, DEMO_MEMBERS[1])
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    await page.goto("/customers?q=a")
    await expect(page.get_by_role("table", name="Customers")).to_be_visible()

    token = await page.evaluate("JSON.parse(window.sessionStorage.getItem('billgraph.session')).token")
    ended = live_server.graphql("mutation { logoutUser { id } }", token)  # signed out elsewhere
    assert not ended.get("errors"), ended

    await page.get_by_label("Search customers").fill("b")  # the next request is refused
    await expect(page).to_have_url(re.compile(r"/sign-in\?next="))
    await expect(page.get_by_text("Your session has ended")).to_be_visible()
    await sign_in(page, DEMO_MEMBERS[1])
    await expect(page).to_have_url(re.compile(r"/customers\?q=b$"))
    await expect(page.get_by_role("table", name="Customers")).to_be_visible()


async def test_an_unknown_page_says_so_inside_the_shell(page: Page) -> None:
    await page.goto("/sign-in")
    await sign_in(page, DEMO_MEMBERS[0])
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    await page.goto("/no/such/page")
    await expect(page.get_by_role("heading", name="Page not found")).to_be_visible()


async def test_a_member_of_two_organizations_switches_between_them(
    page: Page, live_server: LiveServer, two_organization_member: TwoOrganizationMember
) -> None:
    member = two_organization_member
    token = live_server.login(member.email, member.password)
    permissions = {
        name: frozenset(
            live_server.ok("{ currentMembership { permissions } }", token, organization)["currentMembership"][
                "permissions"
            ]
        )
        for organization, name in (member.own, member.demo)
    }
    assert permissions[member.demo[1]] == member.custom_role_permissions
    await page.goto("/sign-in")
    await sign_in(page, member.email, member.password)
    navigation = page.get_by_role("navigation", name="Main")
    await expect(navigation).to_be_visible()
    switcher = page.get_by_role("combobox", name="Organization")

    for _, name in (member.demo, member.own, member.demo):
        await switcher.click()
        await page.get_by_role("option", name=name).click()
        await expect(switcher).to_have_value(name)
        expected = expected_navigation(permissions[name])
        await expect(navigation.get_by_role("link")).to_have_text(expected)
        if expected:
            await expect(page).to_have_url(re.compile(re.escape(expected_landing(permissions[name])) + "$"))
        else:  # no screen opens: the start page says so
            await expect(page.get_by_role("heading", name="Forbidden")).to_be_visible()


async def test_a_page_the_permissions_do_not_open_is_forbidden(
    page: Page, two_organization_member: TwoOrganizationMember
) -> None:
    member = two_organization_member
    await page.goto("/sign-in")
    await sign_in(page, member.email, member.password)
    switcher = page.get_by_role("combobox", name="Organization")
    await switcher.click()
    await page.get_by_role("option", name=member.demo[1]).click()
    await expect(switcher).to_have_value(member.demo[1])
    await page.get_by_role("link", name="billgraph").click()
    await page.goto("/customers")  # a reload: the chosen organization is kept for this tab
    await expect(switcher).to_have_value(member.demo[1])
    await expect(page.get_by_role("heading", name="Forbidden")).to_be_visible()
    # what the custom role opens is computed from the route table (the audit log; GraphiQL needs no
    # permission: the graph checks each field itself)
    await expect(page.get_by_role("navigation", name="Main").get_by_role("link")).to_have_text(
        expected_navigation(member.custom_role_permissions)
    )


@pytest.mark.parametrize("last", ["own", "demo"])
async def test_signing_in_again_after_the_session_ended_returns_to_the_same_organization(
    page: Page, live_server: LiveServer, two_organization_member: TwoOrganizationMember, last: str
) -> None:
    member = two_organization_member
    organization = member.own if last == "own" else member.demo
    await page.goto("/sign-in")
    await sign_in(page, member.email, member.password)
    switcher = page.get_by_role("combobox", name="Organization")
    await expect(switcher).to_be_visible()
    await switcher.click()
    await page.get_by_role("option", name=organization[1]).click()
    await expect(switcher).to_have_value(organization[1])
    await page.goto("/customers")
    token = await page.evaluate("JSON.parse(window.sessionStorage.getItem('billgraph.session')).token")
    live_server.ok("mutation { logoutUser { id } }", token)

    await page.reload()
    await expect(page).to_have_url(re.compile(r"/sign-in\?next=%2Fcustomers$"))
    await sign_in(page, member.email, member.password)
    await expect(page).to_have_url(re.compile(r"/customers$"))
    await expect(switcher).to_have_value(organization[1])
    if last == "own":  # a new organization: no customer yet
        await expect(page.get_by_text("No customers yet.")).to_be_visible()
    else:
        await expect(page.get_by_role("heading", name="Forbidden")).to_be_visible()


async def test_permissions_taken_away_meanwhile_refresh_the_session_and_say_so(
    browser: Browser, live_server: LiveServer
) -> None:
    admin = live_server.login(DEMO_MEMBERS[0])
    role = live_server.ok(
        'mutation { createRole(input: {code: "reader", name: "Reader", permissions: ["customers:view"]}) { id } }',
        admin,
    )["createRole"]["id"]
    # not test_every_screen's reader@demo.example: both share the session's live server
    email, password = "shell-reader@demo.example", "reader password 123"
    invite = live_server.ok(
        'mutation($e: String!) { createInvite(input: {email: $e, roles: ["reader"]}) { invite { token } } }',
        admin,
        e=email,
    )["createInvite"]["invite"]["token"]
    live_server.ok(
        "mutation($t: String!, $p: String!) { acceptInvite(input: {token: $t, password: $p}) { token } }",
        t=invite,
        p=password,
    )

    context = await console_context(browser, live_server)
    try:
        page = await context.new_page()
        await page.goto("/sign-in")
        await sign_in(page, email, password)
        await expect(page.get_by_role("table", name="Customers")).to_be_visible()

        live_server.ok(
            'mutation($id: ID!) { updateRole(input: {id: $id, permissions: ["audit_logs:view"]}) { id } }',
            admin,
            id=role,
        )
        await page.get_by_label("Search customers").fill("a")  # this query is refused: FORBIDDEN
        await expect(page.get_by_text("Your permissions changed")).to_be_visible()
        await expect(page.get_by_role("heading", name="Forbidden")).to_be_visible()
        await expect(page.get_by_role("navigation", name="Main").get_by_role("link")).to_have_text(
            expected_navigation(frozenset({"audit_logs:view"}))  # the audit log, and GraphiQL (no permission)
        )
    finally:
        await context.close()
