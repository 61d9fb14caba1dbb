"""axe-core on the pages outside the walk of test_every_screen.py (which checks every screen for every
member): no serious or critical violation. axe-core is a pinned devDependency of console/ (`npm ci` in console/ installs it);
it is injected into the page, so these pages are opened with the CSP bypassed (only here)."""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from tests.console.conftest import (
    DEMO_MEMBERS,
    DEMO_PASSWORD,
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


async def test_the_not_found_page_is_accessible(axe_page: Page) -> None:
    await sign_in(axe_page, DEMO_MEMBERS[0], DEMO_PASSWORD)
    await axe_page.goto("/no/such/page")
    await expect(axe_page.get_by_role("heading", name="Page not found")).to_be_visible()
    assert await serious_violations(axe_page) == []
