"""GraphiQL from the bundled assets: the console's /graphiql screen runs operations as the signed-in
member (token and organization sent), nothing leaves this origin, the CSP refuses nothing; and GET
/graphql in a browser is the same local GraphiQL, with the console's policy."""

from __future__ import annotations

import asyncio
import json
import re
import urllib.request

from playwright.async_api import Page, expect

from app.console.serving import CONTENT_SECURITY_POLICY
from tests.console.conftest import DEMO_MEMBERS, LiveServer
from tests.console.test_shell import sign_in


def record_requests(page: Page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def fetch_page(live_server: LiveServer) -> tuple[str, str]:
    request = urllib.request.Request(f"{live_server.url}/graphql", headers={"accept": "text/html"})
    with urllib.request.urlopen(request, timeout=30) as reply:
        return reply.read().decode(), reply.headers["content-security-policy"]


def outside(urls: list[str], live_server: LiveServer) -> list[str]:
    return [u for u in urls if not u.startswith((live_server.url + "/", "data:", "blob:"))]


async def test_graphiql_runs_as_the_member_from_the_navigation(page: Page, live_server: LiveServer) -> None:
    email = DEMO_MEMBERS[2]
    permissions = live_server.permissions(email)
    urls = record_requests(page)
    await page.goto("/sign-in")
    await sign_in(page, email)
    await page.get_by_role("navigation", name="Main").get_by_role("link", name="GraphiQL").click()
    await expect(page.get_by_role("heading", name="GraphiQL", level=1)).to_be_visible()
    editor = page.locator(".graphiql-query-editor .monaco-editor").first
    await expect(editor).to_be_visible(timeout=20_000)
    await editor.click()
    await page.keyboard.press("Control+A")
    await page.keyboard.press("Delete")
    await page.keyboard.insert_text("{ currentMembership { permissions } }")
    async with page.expect_request(
        lambda r: (
            r.url.endswith("/graphql")
            and r.method == "POST"
            and "permissions" in (r.post_data or "")
            and "__schema" not in (r.post_data or "")
        )
    ) as sent:
        await page.get_by_role("button", name=re.compile("^Execute query")).click()
    request = await sent.value
    headers = await request.all_headers()
    assert headers["authorization"].startswith("Bearer ")
    assert headers["x-organization-id"]
    answer = await (await request.response()).json()  # type: ignore[union-attr]
    assert set(answer["data"]["currentMembership"]["permissions"]) == permissions
    response = page.locator(".graphiql-response")
    for permission in sorted(permissions)[:3]:
        await expect(response).to_contain_text(permission)
    assert outside(urls, live_server) == []


async def test_get_graphql_in_a_browser_is_the_local_graphiql(page: Page, live_server: LiveServer) -> None:
    html, policy = await asyncio.to_thread(fetch_page, live_server)
    assert policy == CONTENT_SECURITY_POLICY
    assert "GraphiQL" in html
    assert not re.search(r"https?://", html), "the page names another origin"

    urls = record_requests(page)
    await page.goto("/graphql")
    await expect(page.get_by_role("heading", name="billgraph GraphiQL")).to_be_visible()
    await expect(page.locator(".graphiql-query-editor .monaco-editor").first).to_be_visible(timeout=20_000)
    token = live_server.login(DEMO_MEMBERS[0])
    await page.get_by_label("Bearer token").fill(token)
    async with page.expect_response(
        lambda r: (
            r.url.endswith("/graphql")
            and r.request.method == "POST"
            and "currentMembership" in (r.request.post_data or "")
        )
    ) as answered:
        await page.get_by_role("button", name=re.compile("^Execute query")).click()
    body = await (await answered.value).json()
    assert body["data"]["currentMembership"]["permissions"], body
    assert outside(urls, live_server) == []

    post = live_server.ok("{ __typename }")
    assert post == {"__typename": "Query"}
    assert json.dumps(post)
