"""Credit notes in a real browser against the live demo server: the wizard with the graph's live
estimate, a note above the approval threshold waiting, a second member approving it from the queue, a
rejection without a reason refused at its field, and the navigation each member's permissions allow
(computed from the route table, never listed per role). The data is made through the live graph."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import pytest
from playwright.async_api import Page, expect

from tests.console.conftest import DEMO_MEMBERS, DEMO_PASSWORD, LiveServer, route_table, serious_violations
from tests.console.test_shell import expected_navigation, sign_in

ADMIN, MANAGER, FINANCE = DEMO_MEMBERS
THRESHOLD = 5_000  # minor units: a note above it waits for a second person
FEE = 10_000
TAX_RATE = "20"


@dataclass(frozen=True)
class Billing:
    customer: str
    currency: str
    add_on: str


@pytest.fixture(scope="module")
def billing(live_server: LiveServer) -> Billing:
    """A taxed add-on and an approval threshold in the currency of a demo customer."""
    admin = live_server.login(ADMIN)
    customer = live_server.ok("{ customers(limit: 1) { collection { id currency } } }", admin)["customers"][
        "collection"
    ][0]
    currency = customer["currency"] or "USD"
    code = f"cn_vat_{uuid.uuid4().hex[:8]}"
    live_server.ok(
        'mutation($c: String!, $r: String!) { createTax(input: {name: "Credit note VAT", code: $c, rate: $r}) { id } }',
        admin,
        c=code,
        r=TAX_RATE,
    )
    add_on = live_server.ok(
        'mutation($c: String!, $cur: String!, $t: [String!]) { createAddOn(input: {name: "Setup", code: $c, '
        "amountCents: 10000, amountCurrency: $cur, taxCodes: $t}) { id } }",
        admin,
        c=f"setup_{uuid.uuid4().hex[:8]}",
        cur=currency,
        t=[code],
    )["createAddOn"]["id"]
    live_server.ok(
        "mutation($t: [CreditNoteApprovalThresholdInput!]) { updateOrganization(input: "
        "{creditNoteApprovalThresholds: $t}) { id } }",
        admin,
        t=[{"currency": currency, "amountCents": THRESHOLD}],
    )
    return Billing(customer["id"], currency, add_on)


def finalized_invoice(live_server: LiveServer, billing: Billing) -> dict[str, str]:
    admin = live_server.login(ADMIN)
    invoice = live_server.ok(
        "mutation($c: ID!, $cur: String!, $a: ID!) { createInvoice(input: {customerId: $c, currency: $cur, "
        "fees: [{addOnId: $a}]}) { id number status fees { id } } }",
        admin,
        c=billing.customer,
        cur=billing.currency,
        a=billing.add_on,
    )["createInvoice"]
    if invoice["status"] == "DRAFT":  # a one-off invoice may be issued finalized already
        live_server.ok(
            "mutation($i: ID!) { finalizeInvoice(input: {id: $i}) { id } }", admin, i=invoice["id"]
        )
    return {"id": invoice["id"], "number": invoice["number"], "fee": invoice["fees"][0]["id"]}


def waiting_note(live_server: LiveServer, billing: Billing, email: str) -> dict[str, str]:
    """A note above the threshold, requested by ``email`` through the graph."""
    invoice = finalized_invoice(live_server, billing)
    token = live_server.login(email)
    estimate = live_server.ok(
        "query($i: ID!, $f: ID!) { creditNoteEstimate(invoiceId: $i, items: [{feeId: $f, amountCents: 6000}]) "
        "{ totalAmountCents } }",
        token,
        i=invoice["id"],
        f=invoice["fee"],
    )["creditNoteEstimate"]
    note = live_server.ok(
        "mutation($i: ID!, $f: ID!, $t: BigInt!) { createCreditNote(input: {invoiceId: $i, reason: OTHER, "
        "items: [{feeId: $f, amountCents: 6000}], creditAmountCents: $t}) { id number status } }",
        token,
        i=invoice["id"],
        f=invoice["fee"],
        t=estimate["totalAmountCents"],
    )["createCreditNote"]
    assert note["status"] == "PENDING_APPROVAL", note
    return note


def note_status(live_server: LiveServer, note_id: str) -> str:
    token = live_server.login(ADMIN)
    return str(
        live_server.ok("query($i: ID!) { creditNote(id: $i) { status } }", token, i=note_id)["creditNote"][
            "status"
        ]
    )


async def test_finance_creates_a_note_with_the_live_estimate_and_it_waits(
    page: Page, live_server: LiveServer, billing: Billing
) -> None:
    invoice = finalized_invoice(live_server, billing)
    token = live_server.login(FINANCE)
    expected = live_server.ok(
        "query($i: ID!, $f: ID!) { creditNoteEstimate(invoiceId: $i, items: [{feeId: $f, amountCents: 6000}]) "
        "{ taxesAmountCents totalAmountCents } }",
        token,
        i=invoice["id"],
        f=invoice["fee"],
    )["creditNoteEstimate"]
    assert int(expected["totalAmountCents"]) > THRESHOLD

    await page.goto(f"/credit-notes/new?invoice={invoice['id']}")
    await sign_in(page, FINANCE)
    await expect(page.get_by_role("heading", name="New credit note", level=1)).to_be_visible()
    fees = page.get_by_role("table", name="Fees of the invoice")
    await expect(fees.get_by_role("row")).to_have_count(2)
    await expect(fees.get_by_role("row").nth(1)).to_contain_text("100.00")  # remains creditable

    await fees.get_by_label(re.compile(r"^Amount to credit on ")).fill("60")
    estimate = page.get_by_role("region", name="Estimate")

    def money(cents: str) -> str:
        return f"{int(cents) // 100}.{int(cents) % 100:02d}"

    await expect(estimate.get_by_role("group", name="Taxes", exact=True)).to_contain_text(
        money(expected["taxesAmountCents"])
    )
    await expect(estimate.get_by_role("group", name="Total", exact=True)).to_contain_text(
        money(expected["totalAmountCents"])
    )
    await expect(fees.get_by_role("row").nth(1)).to_contain_text(money(expected["taxesAmountCents"]))

    await page.get_by_role("combobox", name="Reason").click()
    await page.get_by_role("option", name="Order change").click()
    await page.get_by_label("Description").fill("Set-up done twice")
    await page.get_by_role("button", name="Credit the whole total").click()
    await expect(page.get_by_label("Credit amount")).to_have_value(money(expected["totalAmountCents"]))
    await page.get_by_role("button", name="Create credit note").click()

    await expect(page).to_have_url(re.compile(r"/credit-notes/[0-9a-f-]{36}$"))
    await expect(page.get_by_text("Pending approval").first).to_be_visible()
    await expect(page.get_by_text("Set-up done twice")).to_be_visible()
    # the requester never sees Approve on their own note
    await expect(page.get_by_role("button", name=re.compile(r"^Approve"))).to_have_count(0)
    await expect(page.get_by_role("button", name=re.compile(r"^Reject"))).to_be_visible()


async def test_the_wizard_shows_the_graphs_error_at_the_fee(
    page: Page, live_server: LiveServer, billing: Billing
) -> None:
    invoice = finalized_invoice(live_server, billing)
    await page.goto(f"/credit-notes/new?invoice={invoice['id']}")
    await sign_in(page, FINANCE)
    amount = page.get_by_role("table", name="Fees of the invoice").get_by_label(
        re.compile(r"^Amount to credit on ")
    )
    await amount.fill("150")  # more than the fee's 100.00
    await expect(
        page.get_by_text(re.compile("is more than what remains creditable on the fee"))
    ).to_be_visible()
    await expect(amount).to_have_attribute("aria-invalid", "true")


async def test_another_member_approves_a_waiting_note_from_the_queue(
    page: Page, live_server: LiveServer, billing: Billing
) -> None:
    note = waiting_note(live_server, billing, FINANCE)
    await page.goto("/credit-notes/approvals")
    await sign_in(page, ADMIN)
    queue = page.get_by_role("table", name="Credit notes waiting for approval")
    row = queue.get_by_role("row").filter(has_text=note["number"])
    await expect(row).to_have_count(1)
    await row.get_by_role("button", name=f"Approve {note['number']}").click()
    await expect(row).to_have_count(0)
    assert note_status(live_server, note["id"]) == "FINALIZED"


async def test_the_requester_sees_no_approve_on_their_note_in_the_queue(
    page: Page, live_server: LiveServer, billing: Billing
) -> None:
    note = waiting_note(live_server, billing, FINANCE)
    await page.goto("/credit-notes/approvals")
    await sign_in(page, FINANCE)
    row = (
        page.get_by_role("table", name="Credit notes waiting for approval")
        .get_by_role("row")
        .filter(has_text=note["number"])
    )
    await expect(row.get_by_role("button", name=f"Reject {note['number']}")).to_be_visible()
    await expect(row.get_by_role("button", name=f"Approve {note['number']}")).to_have_count(0)


async def test_a_rejection_needs_a_reason_shown_at_the_field(
    page: Page, live_server: LiveServer, billing: Billing
) -> None:
    note = waiting_note(live_server, billing, FINANCE)
    await page.goto("/credit-notes/approvals")
    await sign_in(page, ADMIN)
    row = (
        page.get_by_role("table", name="Credit notes waiting for approval")
        .get_by_role("row")
        .filter(has_text=note["number"])
    )
    await row.get_by_role("button", name=f"Reject {note['number']}").click()
    dialog = page.get_by_role("dialog", name=f"Reject {note['number']}")
    await dialog.get_by_role("button", name="Reject credit note").click()
    reason = dialog.get_by_label("Reason")
    await expect(reason).to_have_attribute("aria-invalid", "true")
    await expect(dialog.get_by_text("must not be blank")).to_be_visible()
    assert note_status(live_server, note["id"]) == "PENDING_APPROVAL"

    await reason.fill("Not a duplicate")
    await dialog.get_by_role("button", name="Reject credit note").click()
    await expect(dialog).to_be_hidden()
    await expect(row).to_have_count(0)
    assert note_status(live_server, note["id"]) == "REJECTED"


@pytest.fixture(scope="module")
def custom_member(live_server: LiveServer) -> tuple[str, str]:
    """A member whose custom role sees credit notes and customers, and decides nothing."""
    email, password = "credit.viewer@example.test", "credit viewer password"
    registered = live_server.ok(
        "mutation($e: String!, $p: String!) { registerUser(input: {email: $e, password: $p, "
        'organizationName: "Viewer Org"}) { token } }',
        e=email,
        p=password,
    )["registerUser"]
    admin = live_server.login(ADMIN)
    live_server.ok(
        'mutation($p: [String!]!) { createRole(input: {code: "credit_viewer", name: "Credit viewer", '
        "permissions: $p}) { id } }",
        admin,
        p=["credit_notes:view", "customers:view"],
    )
    invite = live_server.ok(
        'mutation($e: String!) { createInvite(input: {email: $e, roles: ["credit_viewer"]}) { invite { token } } }',
        admin,
        e=email,
    )["createInvite"]["invite"]["token"]
    live_server.ok(
        "mutation($t: String!) { acceptInvite(input: {token: $t}) { token } }", registered["token"], t=invite
    )
    return email, password


@pytest.mark.parametrize("who", ["admin", "manager", "finance", "custom"])
async def test_the_navigation_shows_credit_notes_and_approvals_as_the_permissions_say(
    page: Page, live_server: LiveServer, custom_member: tuple[str, str], who: str
) -> None:
    email, password = {
        "admin": (ADMIN, DEMO_PASSWORD),
        "manager": (MANAGER, DEMO_PASSWORD),
        "finance": (FINANCE, DEMO_PASSWORD),
        "custom": custom_member,
    }[who]
    token = live_server.login(email, password)
    organizations = live_server.ok("{ currentUser { memberships { organization { id name } } } }", token)
    demo = live_server.ok("{ currentMembership { organization { id } } }", live_server.login(ADMIN))[
        "currentMembership"
    ]["organization"]["id"]
    assert any(m["organization"]["id"] == demo for m in organizations["currentUser"]["memberships"])
    permissions = frozenset(
        live_server.ok("{ currentMembership { permissions } }", token, demo)["currentMembership"][
            "permissions"
        ]
    )
    expected = expected_navigation(permissions)
    titles = {r.id: r.title for r in route_table()}
    assert titles["credit-notes"] in [r.title for r in route_table() if r.nav]

    await page.goto("/sign-in")
    await sign_in(page, email, password)
    navigation = page.get_by_role("navigation", name="Main")
    await expect(navigation).to_be_visible()
    switcher = page.get_by_role("combobox", name="Organization")
    if await switcher.count():
        await switcher.click()
        await page.get_by_role("option", name=re.compile("Demo", re.I)).click()
    await expect(navigation.get_by_role("link")).to_have_text(expected)

    approvals = next(r for r in route_table() if r.id == "credit-note-approvals")
    await page.goto(approvals.path)
    if approvals.permissions <= permissions:
        await expect(page.get_by_role("heading", name="Approvals", level=1)).to_be_visible()
    else:
        await expect(page.get_by_role("heading", name="Forbidden")).to_be_visible()


async def test_the_list_filters_by_status_and_opens_a_note(
    page: Page, live_server: LiveServer, billing: Billing
) -> None:
    note = waiting_note(live_server, billing, FINANCE)
    token = live_server.login(MANAGER)
    waiting = live_server.ok(
        "{ creditNotes(status: [PENDING_APPROVAL], limit: 50) { metadata { totalCount } } }", token
    )["creditNotes"]["metadata"]["totalCount"]
    await page.goto("/credit-notes")
    await sign_in(page, MANAGER)  # sees credit notes, creates none
    await expect(page.get_by_role("heading", name="Credit notes", level=1)).to_be_visible()
    await expect(page.get_by_role("button", name="New credit note")).to_have_count(0)
    await page.get_by_role("combobox", name="Status").click(force=True)  # its pill box takes the click
    await page.get_by_role("option", name="Pending approval").click()
    await expect(page).to_have_url(re.compile(r"status=PENDING_APPROVAL"))
    table = page.get_by_role("table", name="Credit notes")
    await expect(table.get_by_role("row")).to_have_count(min(waiting, 50) + 1)
    await table.get_by_role("link", name=note["number"]).click()
    await expect(page.get_by_role("heading", name=f"Credit note {note['number']}")).to_be_visible()
    await expect(page.get_by_role("table", name="Credited fees").get_by_role("row")).to_have_count(2)
    # the manager holds no credit_notes:approve nor :void: no decision is offered
    await expect(page.get_by_role("button", name=re.compile(r"^(Approve|Reject|Void)"))).to_have_count(0)


async def test_the_new_credit_note_button_asks_for_the_invoice_number(
    page: Page, live_server: LiveServer, billing: Billing
) -> None:
    invoice = finalized_invoice(live_server, billing)
    await page.goto("/credit-notes")
    await sign_in(page, FINANCE)
    await page.get_by_role("button", name="New credit note").click()
    dialog = page.get_by_role("dialog", name="New credit note")
    await dialog.get_by_label("Invoice number or id").fill(invoice["number"])
    await dialog.get_by_role("button", name="Continue").click()
    await expect(page).to_have_url(re.compile(rf"/credit-notes/new\?invoice={invoice['id']}$"))
    await expect(page.get_by_text(f"Invoice {invoice['number']}")).to_be_visible()


async def test_a_finalized_note_is_voided_from_its_page(
    page: Page, live_server: LiveServer, billing: Billing
) -> None:
    invoice = finalized_invoice(live_server, billing)
    token = live_server.login(FINANCE)
    estimate = live_server.ok(
        "query($i: ID!, $f: ID!) { creditNoteEstimate(invoiceId: $i, items: [{feeId: $f, amountCents: 1000}]) "
        "{ totalAmountCents } }",
        token,
        i=invoice["id"],
        f=invoice["fee"],
    )["creditNoteEstimate"]
    assert int(estimate["totalAmountCents"]) <= THRESHOLD  # below the threshold: in effect at once
    note = live_server.ok(
        "mutation($i: ID!, $f: ID!, $t: BigInt!) { createCreditNote(input: {invoiceId: $i, reason: OTHER, "
        "items: [{feeId: $f, amountCents: 1000}], creditAmountCents: $t}) { id number status } }",
        token,
        i=invoice["id"],
        f=invoice["fee"],
        t=estimate["totalAmountCents"],
    )["createCreditNote"]
    assert note["status"] == "FINALIZED"
    await page.goto(f"/credit-notes/{note['id']}")
    await sign_in(page, FINANCE)
    await expect(page.get_by_text("Finalized").first).to_be_visible()
    await page.get_by_role("button", name="Void", exact=True).click()
    dialog = page.get_by_role("dialog", name=f"Void {note['number']}")
    await dialog.get_by_role("button", name="Void credit note").click()
    await expect(dialog).to_be_hidden()
    await expect(page.get_by_text("Voided").first).to_be_visible()
    await expect(page.get_by_role("button", name="Void", exact=True)).to_have_count(0)
    assert note_status(live_server, note["id"]) == "VOIDED"


async def test_the_queue_and_a_note_with_decisions_are_accessible(
    axe_page: Page, live_server: LiveServer, billing: Billing
) -> None:

    note = waiting_note(live_server, billing, FINANCE)
    await axe_page.goto("/credit-notes/approvals")
    await sign_in(axe_page, ADMIN)
    await expect(axe_page.get_by_role("button", name=f"Approve {note['number']}")).to_be_visible()
    found = {"queue": await serious_violations(axe_page)}
    await axe_page.goto(f"/credit-notes/{note['id']}")
    await expect(axe_page.get_by_role("heading", name=f"Credit note {note['number']}")).to_be_visible()
    found["detail"] = await serious_violations(axe_page)
    await axe_page.get_by_role("button", name=f"Reject {note['number']}").click()
    await expect(axe_page.get_by_role("dialog")).to_be_visible()
    await axe_page.wait_for_timeout(500)  # the modal's opening transition (contrast is read at full opacity)
    found["reject"] = await serious_violations(axe_page)
    assert {where: v for where, v in found.items() if v} == {}
