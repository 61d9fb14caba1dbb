"""A form that creates an object gives way to a loader before the address changes to the object's page.

The router renders the new page in a transition, which keeps the old screen on view until the new one
is ready; on a loaded machine that left the "new" form on screen, under the new address, long enough to
be typed into (a CI run changed a tax's rate there: the edit was lost and the next step saved the old
rate). And React reused the resolved screen's instance for the other route of the same module, so the
object opened still holding the creation form's state; screens are now keyed by route. Here the browser
records how many inputs the page's main area holds at each history push (the form must already be gone:
none), and the object's page then opens, for a tax and for an add-on, as admin."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.async_api import Page, expect

from tests.console.conftest import DEMO_MEMBERS, LiveServer
from tests.console.test_shell import sign_in

ADMIN = DEMO_MEMBERS[0]
RECORD_INPUTS_AT_NAVIGATION = """() => {
  const push = history.pushState.bind(history);
  window.inputsAtNavigation = [];
  history.pushState = (state, unused, url) => {
    window.inputsAtNavigation.push(document.querySelectorAll("main input, main textarea").length);
    push(state, unused, url);
  };
}"""


# kind: (new form's path, its heading, the labelled values typed, the create button, the object's path
# and heading, the mutation that destroys it afterwards)
FORMS = {
    "tax": (
        "/taxes/new",
        "New tax",
        {"Name": "Opening tax", "Code": "", "Rate (%)": "1.5"},
        "Create tax",
        "/taxes",
        "Tax Opening tax",
        "destroyTax",
    ),
    "add-on": (
        "/add-ons/new",
        "New add-on",
        {"Name": "Opening add-on", "Code": "", "Amount": "12.34", "Currency": "EUR"},
        "Create add-on",
        "/add-ons",
        "Add-on Opening add-on",
        "destroyAddOn",
    ),
}


@pytest.mark.parametrize("kind", sorted(FORMS))
async def test_the_new_form_is_gone_when_the_object_opens(
    page: Page, live_server: LiveServer, kind: str
) -> None:
    path, heading, typed, create, opened, title, destroy = FORMS[kind]
    admin = live_server.login(ADMIN)
    await page.goto(path)
    await sign_in(page, ADMIN)
    await expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    await page.evaluate(RECORD_INPUTS_AT_NAVIGATION)
    for label, value in typed.items():
        await page.get_by_label(label, exact=True).fill(value or f"opening_{uuid.uuid4().hex[:8]}")

    await page.get_by_role("button", name=create).click()

    await expect(page).to_have_url(re.compile(rf"{opened}/[0-9a-f-]{{36}}$"))
    await expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    assert await page.evaluate("window.inputsAtNavigation") == [0]
    made = page.url.rsplit("/", 1)[1]
    live_server.ok(f"mutation($id: ID!) {{ {destroy}(input: {{id: $id}}) {{ id }} }}", admin, id=made)
