"""axe-core on every screen of the console, for every demo member and a custom role: no serious or
critical violation. axe-core is a pinned devDependency of console/ (`npm ci` in console/ installs it);
it is injected into the page, so these pages are opened with the CSP bypassed (only here)."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Page, expect

from tests.console.conftest import (
    DEMO_MEMBERS,
    DEMO_PASSWORD,
    LiveServer,
    TwoOrganizationMember,
    route_table,
    serious_violations,
)


async def sign_in(page: Page, email: str, password: str) -> None:
    await page.goto("/sign-in")
    await expect(page.get_by_role("heading", name="Sign in to billgraph")).to_be_visible()
    await page.get_by_label(re.compile(r"^Email\b")).fill(email)
    await page.get_by_label(re.compile(r"^Password\b")).fill(password)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()


async def test_the_sign_in_page_is_accessible(axe_page: Page) -> None:
    await axe_page.goto("/sign-in")
    await expect(axe_page.get_by_role("button", name="Sign in")).to_be_visible()
    assert await serious_violations(axe_page) == []


@pytest.mark.parametrize("email", [*DEMO_MEMBERS, "custom role"])
async def test_every_screen_a_member_may_open_is_accessible(
    axe_page: Page, live_server: LiveServer, two_organization_member: TwoOrganizationMember, email: str
) -> None:
    page = axe_page
    if email == "custom role":
        member = two_organization_member
        token = live_server.login(member.email, member.password)
        answer = live_server.ok("{ currentMembership { permissions } }", token, member.demo[0])
        await sign_in(page, member.email, member.password)
        switcher = page.get_by_role("combobox", name="Organization")
        await switcher.click()
        await page.get_by_role("option", name=member.demo[1]).click()
        await expect(switcher).to_have_value(member.demo[1])
    else:
        answer = live_server.ok("{ currentMembership { permissions } }", live_server.login(email))
        await sign_in(page, email, DEMO_PASSWORD)
    permissions = frozenset(answer["currentMembership"]["permissions"])

    found: dict[str, list[str]] = {}
    for route in route_table():
        await page.goto(route.path)
        if route.permissions <= permissions:
            await expect(page.get_by_role("heading", name=route.title, level=1)).to_be_visible()
            await page.wait_for_load_state("networkidle")
        else:
            await expect(page.get_by_role("heading", name="Forbidden")).to_be_visible()
        found[route.path] = await serious_violations(page)
    await page.goto("/no/such/page")
    await expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    found["not found"] = await serious_violations(page)
    assert {path: v for path, v in found.items() if v} == {}
