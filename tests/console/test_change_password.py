"""Changing one's password in a real browser against the live demo server: the user menu (the signed-in
person's email, Change password, Sign out) leads to /account/password; after the change the member stays
signed in (the session carries on with the token the graph returned), every earlier token ends, the new
password signs in and the old one no longer does; a wrong current password and a too short new one are
shown at their inputs; the screen has no serious accessibility violation. Each test changes the password
of a member it creates through the graph (never a demo member's: other tests sign in with them)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import pytest
from playwright.async_api import Browser, Page, expect

from tests.console.conftest import DEMO_MEMBERS, LiveServer, axe_script, console_context, serious_violations
from tests.console.test_shell import sign_in

NEW_PASSWORD = "a brand new password 42"


@dataclass(frozen=True)
class Member:
    email: str
    password: str


@pytest.fixture
def member(live_server: LiveServer) -> Member:
    """A new member of the demo organization (the built-in manager role), invited by the admin."""
    admin = live_server.login(DEMO_MEMBERS[0])
    email, password = f"password.{uuid.uuid4().hex[:8]}@demo.example", "the first password 1"
    invite = live_server.ok(
        'mutation($e: String!) { createInvite(input: {email: $e, roles: ["manager"]}) { invite { token } } }',
        admin,
        e=email,
    )["createInvite"]["invite"]["token"]
    live_server.ok(
        "mutation($t: String!, $p: String!) { acceptInvite(input: {token: $t, password: $p}) { token } }",
        t=invite,
        p=password,
    )
    return Member(email, password)


def login_error(live_server: LiveServer, email: str, password: str) -> str | None:
    """The code of the graph's refusal of this sign-in, or None when it signs in."""
    answer = live_server.graphql(
        "mutation($e: String!, $p: String!) { loginUser(input: {email: $e, password: $p}) { token } }",
        e=email,
        p=password,
    )
    errors = answer.get("errors") or []
    return str(errors[0]["extensions"]["code"]) if errors else None


async def open_change_password(page: Page, member: Member) -> None:
    await page.goto("/sign-in")
    await sign_in(page, member.email, member.password)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    menu = page.get_by_role("button", name=re.compile(re.escape(member.email)))
    await expect(menu).to_have_text(member.email)
    await menu.click()
    account = page.get_by_role("dialog", name="Account")
    await expect(account.get_by_role("button", name="Sign out")).to_be_visible()
    await account.get_by_role("link", name="Change password").click()
    await expect(account).to_have_count(0)  # the menu closes
    await expect(page).to_have_url(re.compile(r"/account/password$"))
    await expect(page.get_by_role("heading", name="Change password", level=1)).to_be_visible()


async def fill(page: Page, current: str, new: str, confirm: str | None = None) -> None:
    await page.get_by_label(re.compile(r"^Current password\b")).fill(current)
    await page.get_by_label(re.compile(r"^New password\b")).fill(new)
    await page.get_by_label(re.compile(r"^Confirm new password\b")).fill(new if confirm is None else confirm)
    await page.get_by_role("button", name="Change password", exact=True).click()


async def test_a_member_changes_their_password_and_stays_signed_in(
    page: Page, live_server: LiveServer, member: Member
) -> None:
    elsewhere = live_server.login(member.email, member.password)  # another device's session
    await open_change_password(page, member)
    before = await page.evaluate("JSON.parse(window.sessionStorage.getItem('billgraph.session')).token")
    await fill(page, member.password, NEW_PASSWORD)
    await expect(page.get_by_role("status").filter(has_text="Password changed")).to_be_visible()

    # this tab carries on with the new token; every earlier one ended
    after = await page.evaluate("JSON.parse(window.sessionStorage.getItem('billgraph.session')).token")
    assert after != before
    for ended in (before, elsewhere):
        answer = live_server.graphql("{ currentUser { id } }", ended)
        assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", answer
    assert live_server.ok("{ currentUser { email } }", after)["currentUser"]["email"] == member.email
    await page.get_by_role("navigation", name="Main").get_by_role("link", name="Customers").click()
    await expect(page.get_by_role("table", name="Customers")).to_be_visible()
    await page.reload()
    await expect(page.get_by_role("table", name="Customers")).to_be_visible()

    # the new password signs in, the old one no longer does
    assert login_error(live_server, member.email, NEW_PASSWORD) is None
    assert login_error(live_server, member.email, member.password) == "UNAUTHENTICATED"
    await page.get_by_role("button", name=re.compile(re.escape(member.email))).click()
    await page.get_by_role("dialog", name="Account").get_by_role("button", name="Sign out").click()
    await expect(page).to_have_url(re.compile(r"/sign-in$"))
    await sign_in(page, member.email, member.password)
    await expect(page.get_by_role("alert")).to_contain_text("Sign-in failed")
    await sign_in(page, member.email, NEW_PASSWORD)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()


async def test_a_wrong_current_password_and_a_short_new_one_show_at_their_inputs(
    page: Page, live_server: LiveServer, member: Member
) -> None:
    await open_change_password(page, member)
    current = page.get_by_label(re.compile(r"^Current password\b"))
    new = page.get_by_label(re.compile(r"^New password\b"))
    await fill(page, "not my password", NEW_PASSWORD)
    await expect(page.get_by_text("is not your current password")).to_be_visible()
    await expect(current).to_have_accessible_description(re.compile("is not your current password"))
    await expect(new).not_to_have_accessible_description(re.compile("is not your current password"))

    await fill(page, member.password, "short")
    await expect(page.get_by_text("must be at least 8 characters")).to_be_visible()
    await expect(new).to_have_accessible_description(re.compile("must be at least 8 characters"))

    await fill(page, member.password, NEW_PASSWORD, "another new password")
    await expect(page.get_by_text("Does not match the new password")).to_be_visible()
    await expect(page.get_by_label(re.compile(r"^Confirm new password\b"))).to_have_accessible_description(
        "Does not match the new password"
    )

    await expect(page.get_by_role("status").filter(has_text="Password changed")).to_have_count(0)
    assert login_error(live_server, member.email, member.password) is None  # unchanged


async def test_the_screen_is_accessible(browser: Browser, live_server: LiveServer, member: Member) -> None:
    axe_script()
    context = await console_context(browser, live_server, bypass_csp=True)  # axe is injected
    try:
        page = await context.new_page()
        await open_change_password(page, member)
        await page.wait_for_load_state("networkidle")
        found = {"empty": await serious_violations(page)}
        await fill(page, "not my password", NEW_PASSWORD)
        await expect(page.get_by_text("is not your current password")).to_be_visible()
        found["errors"] = await serious_violations(page)
        await fill(page, member.password, NEW_PASSWORD)
        await expect(page.get_by_role("status").filter(has_text="Password changed")).to_be_visible()
        found["changed"] = await serious_violations(page)
        await page.get_by_role("button", name=re.compile(re.escape(member.email))).click()
        await expect(page.get_by_role("dialog", name="Account").get_by_role("link")).to_be_visible()
        await page.wait_for_timeout(400)  # the dropdown's opening transition (opacity) is over
        found["menu"] = await serious_violations(page)
        assert {state: v for state, v in found.items() if v} == {}
    finally:
        await context.close()
