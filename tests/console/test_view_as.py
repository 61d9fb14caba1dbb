""" "View as" in a real browser: the admin opens a role's page and views the console as that role; a
banner says so on every screen, the navigation is the role's (computed from the route table), and each
GraphQL request the console sends under the header receives exactly what a member holding that role
receives for the same request (replayed as that member and compared); "Stop viewing as" gives the
admin's console back. For each built-in role and a custom one."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
from typing import Any

import pytest
from playwright.async_api import Page, Request, expect

from tests.console.conftest import DEMO_MEMBERS, DEMO_PASSWORD, LiveServer
from tests.console.test_invoices import signed_in
from tests.console.test_shell import expected_navigation

ADMIN, MANAGER, FINANCE = DEMO_MEMBERS
CUSTOM_PERMISSIONS = ["customers:view", "invoices:view", "credit_notes:view", "credit_notes:approve"]
CUSTOM_PASSWORD = "viewed password 123"


def replay(live_server: LiveServer, body: bytes, token: str, organization: str) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{live_server.url}/graphql",
        data=body,
        headers={
            "content-type": "application/json",
            "authorization": f"Bearer {token}",
            "x-organization-id": organization,
        },
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.loads(reply.read())  # type: ignore[no-any-return]


def outcome(answer: dict[str, Any]) -> tuple[Any, list[tuple[str, str]]]:
    errors = sorted((e["extensions"]["code"], json.dumps(e.get("path"))) for e in answer.get("errors") or [])
    return answer.get("data"), errors


@pytest.fixture(scope="module")
def custom_member(live_server: LiveServer) -> tuple[str, str, str]:
    """(role code, email, role id) of a custom role and a member holding it."""
    admin = live_server.login(ADMIN)
    code, email = f"viewed_{uuid.uuid4().hex[:6]}", f"viewed{uuid.uuid4().hex[:6]}@demo.example"
    role_id = live_server.ok(
        "mutation($c: String!, $p: [String!]!) { createRole(input: {code: $c, name: $c, permissions: $p}) { id } }",
        admin,
        c=code,
        p=CUSTOM_PERMISSIONS,
    )["createRole"]["id"]
    invite = live_server.ok(
        "mutation($e: String!, $r: [String!]!) { createInvite(input: {email: $e, roles: $r}) { invite { token } } }",
        admin,
        e=email,
        r=[code],
    )["createInvite"]["invite"]["token"]
    live_server.ok(
        "mutation($t: String!, $p: String!) { acceptInvite(input: {token: $t, password: $p}) { token } }",
        t=invite,
        p=CUSTOM_PASSWORD,
    )
    return code, email, role_id


@pytest.mark.parametrize("role", ["manager", "finance", "custom"])
async def test_viewing_as_a_role_gets_exactly_what_its_member_gets(
    page: Page, live_server: LiveServer, custom_member: tuple[str, str, str], role: str
) -> None:
    admin = live_server.login(ADMIN)
    roles = {r["code"]: r["id"] for r in live_server.ok("{ roles { id code } }", admin)["roles"]}
    if role == "custom":
        code, email, role_id = custom_member
        holder_token = live_server.login(email, CUSTOM_PASSWORD)
    else:
        code, role_id = role, roles[role]
        holder_token = live_server.login(MANAGER if role == "manager" else FINANCE, DEMO_PASSWORD)
    organization = live_server.ok("{ currentMembership { organization { id } } }", admin)["currentMembership"]
    organization_id = organization["organization"]["id"]
    held = frozenset(
        live_server.ok("{ currentMembership { permissions } }", holder_token)["currentMembership"][
            "permissions"
        ]
    )

    sent: list[Request] = []
    page.on(  # answered ones: clicking on through the navigation aborts a screen's pending requests
        "requestfinished",
        lambda r: sent.append(r) if r.url.endswith("/graphql") and "x-view-as-role" in r.headers else None,
    )
    await signed_in(page, ADMIN, f"/roles/{role_id}")
    await page.get_by_role("button", name="View the console as this role").click()
    banner = page.get_by_role("status", name=re.compile(r"^Viewing as the role"))
    await expect(banner).to_contain_text(code)
    navigation = page.get_by_role("navigation", name="Main")
    await expect(navigation.get_by_role("link")).to_have_text(expected_navigation(held))
    for link in expected_navigation(held):  # every screen the role may open, as the role
        await navigation.get_by_role("link", name=link, exact=True).click()
        await expect(page.get_by_role("heading", level=1).first).to_be_visible()
        await expect(banner).to_be_visible()
        await page.wait_for_load_state("networkidle")

    assert sent, "no request carried the header"
    for request in sent:
        assert request.headers["x-view-as-role"] == code
        body = request.post_data_buffer
        assert body is not None
        response = await request.response()
        assert response is not None
        viewed = await response.json()
        replayed = replay(live_server, body, holder_token, organization_id)
        if json.loads(body).get("operationName") == "Session":
            # who is signed in differs by design; what they may do does not
            permissions = [a["data"]["currentMembership"]["permissions"] for a in (viewed, replayed)]
            assert permissions[0] == permissions[1] == sorted(held)
            continue
        # the same request by a member holding the role: the same data, the same refusals
        assert outcome(viewed) == outcome(replayed), body

    await banner.get_by_role("button", name="Stop viewing as").click()
    await expect(banner).to_have_count(0)
    admin_permissions = live_server.permissions(ADMIN)
    await expect(navigation.get_by_role("link")).to_have_text(expected_navigation(admin_permissions))
