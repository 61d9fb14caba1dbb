"""The organization's Settings and the Team screens in a real browser against the live demo server.

Settings: the admin changes a setting (checked through the graph, then restored); the graph's
VALIDATION_ERROR shows at its field; raising a credit-note approval threshold says before saving when it
takes effect and after saving when the graph applies it (the pending change is then cancelled, so the
demo's policy is unchanged). Team: the admin invites someone (unique email), the invitation link opens in a
second browser context where they set a password, are signed in, and sign in again; the admin changes
their roles and revokes them (both checked through the graph); the last-admin rule and the "only an admin
grants admin" rule are explained before any click (a member with a custom role that may change roles
but is no admin sees the reason). Manager and finance see what the route table and the predicates
allow them (Settings read-only, no Team). axe-core finds no serious violation on the screens and their
modals. No demo member is revoked or demoted."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from playwright.async_api import Browser, Page, expect

from tests.console.conftest import (
    DEMO_MEMBERS,
    LiveServer,
    axe_script,
    console_context,
    record_problems,
    serious_violations,
)
from tests.console.test_shell import expected_navigation, sign_in

ADMIN = DEMO_MEMBERS[0]
SETTINGS = """{ organization { id name billingEmail timezone invoiceGracePeriod netPaymentTerm
  creditNoteApprovalThresholds { currency amountCents pendingAmountCents effectiveAt } } }"""
MEMBERS = "{ organization { members { id status user { email } roles { code builtin } } } }"
# The reasons console/src/team/actions.ts gives (REASON).
LAST_ADMIN = "The organization must keep at least one admin: this is its last one."
ONLY_ADMIN = "Only an admin can grant or remove the admin role."
# A custom role that may change roles but is no admin.
LEAD_PERMISSIONS = [
    "organization:view",
    "organization:members:view",
    "organization:members:update",
    "roles:view",
    "customers:view",
]


@pytest.fixture
async def tab(browser: Browser, live_server: LiveServer) -> AsyncIterator[Page]:
    """A context with the CSP bypassed (for axe-core) that records the console's problems."""
    axe_script()
    context = await console_context(browser, live_server, bypass_csp=True, timezone_id="UTC")
    page = await context.new_page()
    problems = record_problems(page)
    yield page
    await context.close()
    assert not problems, problems


def settings(live_server: LiveServer, token: str) -> dict[str, Any]:
    return live_server.ok(SETTINGS, token)["organization"]  # type: ignore[no-any-return]


def members(live_server: LiveServer, token: str) -> list[dict[str, Any]]:
    return live_server.ok(MEMBERS, token)["organization"]["members"]  # type: ignore[no-any-return]


def update(live_server: LiveServer, token: str, **values: Any) -> None:
    live_server.ok(
        "mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { id } }", token, i=values
    )


def unique_email(what: str) -> str:
    return f"{what}-{uuid.uuid4().hex[:10]}@team.example"


async def open_as(page: Page, email: str, path: str, password: str = "billgraph-demo") -> None:
    await page.goto("/sign-in")
    await sign_in(page, email, password)
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    await page.goto(path)
    await expect(page.get_by_role("heading", level=1).first).to_be_visible()
    await expect(page.get_by_label(re.compile(r"^Loading"))).to_have_count(0)


async def no_violations(page: Page, where: str) -> None:
    # a modal fades in: its colours are only themselves once the transitions have ended
    await page.evaluate("Promise.allSettled(document.getAnimations().map((a) => a.finished))")
    assert await serious_violations(page) == [], where


async def test_the_admin_changes_a_setting_and_the_graph_has_it(tab: Page, live_server: LiveServer) -> None:
    admin = live_server.login(ADMIN)
    before = settings(live_server, admin)
    wanted = unique_email("billing")
    try:
        await open_as(tab, ADMIN, "/settings")
        await expect(tab.get_by_role("heading", name="Settings", level=1)).to_be_visible()
        await expect(tab.get_by_label(re.compile(r"^Name\b"))).to_have_value(before["name"])
        await no_violations(tab, "settings")
        await tab.get_by_label("Billing email").fill(wanted)
        await tab.get_by_role("button", name="Save settings").click()
        await expect(tab.get_by_role("status").filter(has_text="Settings saved")).to_be_visible()
        await no_violations(tab, "settings saved")
        after = settings(live_server, admin)
        assert after["billingEmail"] == wanted
        assert after["creditNoteApprovalThresholds"] == before["creditNoteApprovalThresholds"]
        assert after["timezone"] == before["timezone"]
    finally:
        update(live_server, admin, billingEmail=before["billingEmail"])
    assert settings(live_server, admin) == before


async def test_a_validation_error_shows_at_its_field(tab: Page, live_server: LiveServer) -> None:
    admin = live_server.login(ADMIN)
    before = settings(live_server, admin)
    await open_as(tab, ADMIN, "/settings")
    timezone = tab.get_by_label("Timezone")
    await timezone.fill("Mars/Olympus_Mons")
    await tab.get_by_role("button", name="Save settings").click()
    await expect(timezone).to_have_attribute("aria-invalid", "true")
    described = await timezone.get_attribute("aria-describedby")
    assert described
    errors = [
        await tab.locator(f"#{ident}").inner_text() for ident in described.split() if ident.endswith("error")
    ]
    assert errors, described
    assert all(e.strip() for e in errors), errors
    await no_violations(tab, "settings with an error")
    assert settings(live_server, admin) == before


async def test_raising_a_threshold_says_when_it_takes_effect(tab: Page, live_server: LiveServer) -> None:
    admin = live_server.login(ADMIN)
    before = settings(live_server, admin)
    eur = next(t for t in before["creditNoteApprovalThresholds"] if t["currency"] == "EUR")
    assert eur["effectiveAt"] is None, eur
    raised = int(eur["amountCents"]) + 15_000
    tomorrow = datetime.now(UTC) + timedelta(hours=24)
    day = f"{tomorrow:%b} {tomorrow.day}, {tomorrow.year}"  # en-US medium date
    try:
        await open_as(tab, ADMIN, "/settings")
        row = 1 + [t["currency"] for t in before["creditNoteApprovalThresholds"]].index("EUR")
        await expect(tab.get_by_label(f"Currency of threshold {row}")).to_have_value("EUR")
        await tab.get_by_label(f"Amount of threshold {row}").fill(f"{raised // 100}.{raised % 100:02d}")
        waits = tab.get_by_label("Loosening waits")
        await expect(waits).to_contain_text("Raising the EUR threshold to")
        await expect(waits).to_contain_text(re.compile(rf"takes effect at {re.escape(day)}"))
        await no_violations(tab, "settings with a loosening")
        await tab.get_by_role("button", name="Save settings").click()
        saved = tab.get_by_role("status").filter(has_text="Settings saved")
        await expect(saved).to_contain_text(
            re.compile(rf"Raising the EUR threshold to .* takes effect at {re.escape(day)}")
        )
        now = settings(live_server, admin)
        changed = next(t for t in now["creditNoteApprovalThresholds"] if t["currency"] == "EUR")
        assert int(changed["amountCents"]) == int(eur["amountCents"])  # still in force
        assert int(changed["pendingAmountCents"]) == raised
        effective = datetime.fromisoformat(changed["effectiveAt"])
        assert abs(effective - tomorrow) < timedelta(minutes=5), effective
        await expect(tab.get_by_role("table", name="Thresholds in force")).to_contain_text("from")
    finally:
        # asking for the value in force cancels the waiting change
        update(
            live_server,
            admin,
            creditNoteApprovalThresholds=[
                {"currency": t["currency"], "amountCents": t["amountCents"]}
                for t in before["creditNoteApprovalThresholds"]
            ],
        )
    assert settings(live_server, admin) == before


async def test_invite_accept_change_roles_and_revoke(
    tab: Page, browser: Browser, live_server: LiveServer
) -> None:
    admin = live_server.login(ADMIN)
    email, password = unique_email("invited"), "invited password 123"
    await open_as(tab, ADMIN, "/team")
    await expect(tab.get_by_role("table", name="Members")).to_contain_text(ADMIN)
    await no_violations(tab, "team")
    form = tab.get_by_role("form", name="Invite someone")
    await form.get_by_label("Email").fill(email)
    await form.get_by_label("Account Manager").check()
    await form.get_by_role("button", name="Send invitation").click()
    link_input = tab.get_by_label("Invitation link")
    await expect(link_input).to_have_value(re.compile(r"/invite/.+"))
    link = await link_input.input_value()
    assert link.startswith(live_server.url + "/invite/"), link
    await expect(tab.get_by_role("button", name="Copy link")).to_be_visible()
    await expect(tab.get_by_role("table", name="Pending invitations")).to_contain_text(email)
    await no_violations(tab, "team with an invitation")

    # the invited person, in a browser of their own
    context = await console_context(browser, live_server, bypass_csp=True)
    invited = await context.new_page()
    invited_problems = record_problems(invited)
    try:
        await invited.goto(link)
        await expect(invited.get_by_role("heading", name="Join an organization")).to_be_visible()
        await no_violations(invited, "invitation page")
        await invited.get_by_label(re.compile(r"^Password")).fill(password)
        await invited.get_by_label("Confirm password").fill(password)
        await invited.get_by_role("button", name="Join").click()
        navigation = invited.get_by_role("navigation", name="Main")
        await expect(navigation).to_be_visible()
        permissions = live_server.permissions(email, password)
        await expect(navigation.get_by_role("link")).to_have_text(expected_navigation(permissions))
        # and signs in again later (Sign out is in the user menu, opened by the email)
        await invited.get_by_role("button", name=f"Account of {email}").click()
        await invited.get_by_role("button", name="Sign out").click()
        await expect(invited.get_by_role("heading", name="Sign in to billgraph")).to_be_visible()
        await sign_in(invited, email, password)
        await expect(navigation).to_be_visible()
    finally:
        await context.close()
    assert not invited_problems, invited_problems

    member = next(m for m in members(live_server, admin) if m["user"]["email"] == email)
    assert [r["code"] for r in member["roles"]] == ["manager"]

    # change their roles
    await tab.reload()
    await tab.get_by_role("button", name=f"Change roles of {email}").click()
    dialog = tab.get_by_role("dialog", name=f"Roles of {email}")
    await expect(dialog).to_be_visible()
    await no_violations(tab, "roles modal")
    await dialog.get_by_label("Finance & Analyst").check()
    await dialog.get_by_label("Account Manager").uncheck()
    await dialog.get_by_role("button", name="Save roles").click()
    await expect(dialog).to_have_count(0)
    member = next(m for m in members(live_server, admin) if m["user"]["email"] == email)
    assert [r["code"] for r in member["roles"]] == ["finance"]
    await expect(tab.get_by_role("row").filter(has_text=email)).to_contain_text("Finance & Analyst")

    # revoke them, confirmed in a modal
    await tab.get_by_role("button", name=f"Revoke {email}").click()
    confirm = tab.get_by_role("dialog", name=f"Revoke {email}")
    await expect(confirm).to_be_visible()
    await no_violations(tab, "revoke modal")
    await confirm.get_by_role("button", name="Revoke member").click()
    await expect(confirm).to_have_count(0)
    member = next(m for m in members(live_server, admin) if m["user"]["email"] == email)
    assert member["status"] == "REVOKED"
    await expect(tab.get_by_role("row").filter(has_text=email)).to_contain_text("Revoked")


async def test_a_pending_invitation_is_revoked(tab: Page, live_server: LiveServer) -> None:
    admin = live_server.login(ADMIN)
    email = unique_email("revoked")
    live_server.ok(
        'mutation($e: String!) { createInvite(input: {email: $e, roles: ["finance"]}) { invite { id } } }',
        admin,
        e=email,
    )
    await open_as(tab, ADMIN, "/team")
    pending = tab.get_by_role("table", name="Pending invitations")
    await expect(pending).to_contain_text(email)
    await tab.get_by_role("button", name=f"Revoke the invitation of {email}").click()
    await expect(pending.get_by_text(email)).to_have_count(0)
    invites = live_server.ok("{ invites { email status } }", admin)["invites"]
    assert {"email": email, "status": "REVOKED"} in invites


async def test_the_last_admin_rule_is_explained_before_the_click(tab: Page, live_server: LiveServer) -> None:
    admin = live_server.login(ADMIN)
    before = members(live_server, admin)
    admins = [
        m
        for m in before
        if m["status"] == "ACTIVE" and any(r["code"] == "admin" and r["builtin"] for r in m["roles"])
    ]
    assert [m["user"]["email"] for m in admins] == [ADMIN], "the demo's only admin"
    await open_as(tab, ADMIN, "/team")
    row = tab.get_by_role("row").filter(has_text=ADMIN)
    revoke = row.get_by_role("button", name=f"Revoke {ADMIN}")
    await expect(revoke).to_be_disabled()
    await expect(row).to_contain_text(LAST_ADMIN)
    await row.get_by_role("button", name=f"Change roles of {ADMIN}").click()
    dialog = tab.get_by_role("dialog", name=f"Roles of {ADMIN}")
    admin_box = dialog.get_by_role("checkbox", name="Admin", exact=True)
    await expect(admin_box).to_be_checked()
    await expect(admin_box).to_be_disabled()
    await expect(dialog).to_contain_text(LAST_ADMIN)
    await no_violations(tab, "roles modal of the last admin")
    await dialog.get_by_role("button", name="Cancel").click()
    await expect(dialog).to_have_count(0)
    assert members(live_server, admin) == before


async def test_only_an_admin_grants_admin_is_explained(tab: Page, live_server: LiveServer) -> None:
    admin = live_server.login(ADMIN)
    code = f"lead_{uuid.uuid4().hex[:8]}"
    live_server.ok(
        "mutation($c: String!, $p: [String!]!) { createRole(input: {code: $c, name: $c, permissions: $p}) { id } }",
        admin,
        c=code,
        p=LEAD_PERMISSIONS,
    )
    email, password = unique_email("lead"), "team lead password 123"
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
    await open_as(tab, email, "/team", password)
    # may change roles, may neither revoke nor invite
    await expect(tab.get_by_role("button", name=re.compile("^Revoke "))).to_have_count(0)
    await expect(tab.get_by_role("form", name="Invite someone")).to_have_count(0)
    await tab.get_by_role("button", name=f"Change roles of {DEMO_MEMBERS[1]}").click()
    dialog = tab.get_by_role("dialog", name=f"Roles of {DEMO_MEMBERS[1]}")
    admin_box = dialog.get_by_role("checkbox", name="Admin", exact=True)
    await expect(admin_box).to_be_disabled()
    await expect(dialog).to_contain_text(ONLY_ADMIN)
    await no_violations(tab, "roles modal of a non-admin")
    await dialog.get_by_role("button", name="Cancel").click()


@pytest.mark.parametrize("email", DEMO_MEMBERS[1:])
async def test_manager_and_finance_see_only_what_they_may(
    tab: Page, live_server: LiveServer, email: str
) -> None:
    permissions = live_server.permissions(email)
    assert "organization:update" not in permissions
    assert "organization:members:view" not in permissions
    await open_as(tab, email, "/settings")
    navigation = tab.get_by_role("navigation", name="Main")
    await expect(navigation.get_by_role("link")).to_have_text(expected_navigation(permissions))
    await expect(navigation.get_by_role("link", name="Settings")).to_be_visible()
    await expect(navigation.get_by_role("link", name="Team")).to_have_count(0)
    await expect(tab.get_by_role("heading", name="Settings", level=1)).to_be_visible()
    await expect(tab.get_by_label(re.compile(r"^Name\b"))).to_be_disabled()
    await expect(tab.get_by_role("button", name="Save settings")).to_have_count(0)
    await expect(tab.get_by_role("button", name="Add threshold")).to_have_count(0)
    await no_violations(tab, f"settings for {email}")
    await tab.goto("/team")
    await expect(tab.get_by_role("heading", name="Forbidden", level=1)).to_be_visible()


async def test_a_signed_in_person_accepts_an_invitation_as_themselves(
    tab: Page, live_server: LiveServer
) -> None:
    email, password = unique_email("existing"), "existing account password"
    live_server.ok(
        "mutation($e: String!, $p: String!) { registerUser(input: {email: $e, password: $p, "
        'organizationName: "Existing Person Org"}) { token } }',
        e=email,
        p=password,
    )
    admin = live_server.login(ADMIN)
    demo = live_server.ok("{ organization { id name } }", admin)["organization"]
    token = live_server.ok(
        'mutation($e: String!) { createInvite(input: {email: $e, roles: ["manager"]}) { invite { token } } }',
        admin,
        e=email,
    )["createInvite"]["invite"]["token"]
    await tab.goto("/sign-in")
    await sign_in(tab, email, password)
    await expect(tab.get_by_role("navigation", name="Main")).to_be_visible()
    await tab.goto(f"/invite/{token}")
    await expect(tab.get_by_text(f"You are signed in as {email}")).to_be_visible()
    await no_violations(tab, "invitation page, signed in")
    await tab.get_by_role("button", name="Accept invitation").click()
    await expect(tab.get_by_role("combobox", name="Organization")).to_have_value(demo["name"])
    member = next(m for m in members(live_server, admin) if m["user"]["email"] == email)
    assert member["status"] == "ACTIVE"
    assert [r["code"] for r in member["roles"]] == ["manager"]
