"""A credit note's credit is a balance the customer's next invoices consume after taxes, oldest note
first and before prepaid credits; a draft shows it, finalizing spends it, voiding gives it back."""

from __future__ import annotations

from typing import Any

from app.db.engine import Database
from tests.credit_notes.conftest import ADD_ON, CREATE, note, one_off
from tests.helpers import Member
from tests.invoicing.conftest import Setup, bill, customer, invoices, subscribe

NOTE = "query($id: ID!) { creditNote(id: $id) { creditStatus balanceAmountCents } }"


async def _credit(finance: Member, invoice: dict[str, Any], cents: int, refund: int = 0) -> dict[str, Any]:
    """A note on the invoice's first fee for ``cents`` before its 20% tax, all as credit (or refund)."""
    total = cents * 6 // 5
    args = note(invoice["id"], [(invoice["fees"][0]["id"], cents)], credit=total - refund, refund=refund)
    return dict((await finance(CREATE, **args)).ok("createCreditNote"))


async def _fees(org: Any, invoice_id: str) -> dict[str, Any]:
    query = "query($id: ID!) { invoice(id: $id) { id totalAmountCents fees { id } } }"
    return dict((await org.admin(query, id=invoice_id)).ok("invoice"))


async def test_the_next_invoice_consumes_the_credit_and_shows_it(
    setup: Setup, db: Database, factory: Any
) -> None:
    org = setup.org
    finance = await factory.member(org, "finance")
    acme = await customer(org, "acme")
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    await bill(db, "2026-02-01T00:00:00+00:00")
    (january,) = await invoices(org, acme)
    credit = await _credit(finance, await _fees(org, january["id"]), 500)

    await bill(db, "2026-03-01T00:00:00+00:00")

    _, february = await invoices(org, acme)
    assert credit["totalAmountCents"] == 600
    assert (
        february["taxesAmountCents"],
        february["creditNotesAmountCents"],
        february["totalAmountCents"],
    ) == (
        200,
        600,
        600,
    )
    assert (await finance(NOTE, id=credit["id"])).ok("creditNote") == {
        "creditStatus": "CONSUMED",
        "balanceAmountCents": 0,
    }


async def test_a_large_credit_lasts_several_invoices_before_prepaid_credits(
    setup: Setup, db: Database, factory: Any
) -> None:
    org = setup.org
    finance = await factory.member(org, "finance")
    acme = await customer(org, "acme", currency="EUR")
    add_on = (
        await org.admin(
            ADD_ON, input={"name": "Setup", "code": "setup", "amountCents": 2000, "amountCurrency": "EUR"}
        )
    ).ok("createAddOn")["id"]
    setup_invoice = await one_off(org, acme, [add_on])
    credit = await _credit(finance, setup_invoice, 2000)  # 2400 of credit
    await org.admin(
        'mutation($c: ID!) { createCustomerWallet(input: {customerId: $c, currency: "EUR", rateAmount: "1",'
        ' grantedCredits: "10"}) { id } }',
        c=acme,
    )
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")

    await bill(db, "2026-02-01T00:00:00+00:00")
    after_one = (await finance(NOTE, id=credit["id"])).ok("creditNote")
    await bill(db, "2026-04-01T00:00:00+00:00")

    billed = [i for i in await invoices(org, acme) if i["invoiceType"] == "SUBSCRIPTION"]
    assert [
        (i["creditNotesAmountCents"], i["prepaidCreditAmountCents"], i["totalAmountCents"]) for i in billed
    ] == [
        (1200, 0, 0),
        (1200, 0, 0),
        (0, 1000, 200),
    ]
    assert after_one == {"creditStatus": "AVAILABLE", "balanceAmountCents": 1200}
    assert (await finance(NOTE, id=credit["id"])).ok("creditNote") == {
        "creditStatus": "CONSUMED",
        "balanceAmountCents": 0,
    }


async def test_a_draft_shows_the_credit_and_only_finalizing_spends_it(
    setup: Setup, db: Database, factory: Any
) -> None:
    org = setup.org
    finance = await factory.member(org, "finance")
    acme = await customer(org, "acme")
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    await bill(db, "2026-02-01T00:00:00+00:00")
    (january,) = await invoices(org, acme)
    credit = await _credit(finance, await _fees(org, january["id"]), 250)
    await org.admin("mutation { updateOrganization(input: {invoiceGracePeriod: 3}) { id } }")

    await bill(db, "2026-03-01T00:00:00+00:00")
    _, draft = await invoices(org, acme)
    on_draft = await finance(CREATE, **note(draft["id"], [], credit=0))
    before = (await finance(NOTE, id=credit["id"])).ok("creditNote")
    finalized = (
        await org.admin(
            "mutation($id: ID!) { finalizeInvoice(input: {id: $id}) { creditNotesAmountCents totalAmountCents } }",
            id=draft["id"],
        )
    ).ok("finalizeInvoice")

    assert (draft["status"], draft["creditNotesAmountCents"], draft["totalAmountCents"]) == (
        "DRAFT",
        300,
        900,
    )
    assert on_draft.error()["extensions"]["fields"] == {
        "invoiceId": "credit notes are for finalized invoices (this one is draft)"
    }
    assert before == {"creditStatus": "AVAILABLE", "balanceAmountCents": 300}
    assert finalized == {"creditNotesAmountCents": 300, "totalAmountCents": 900}
    assert (await finance(NOTE, id=credit["id"])).ok("creditNote") == {
        "creditStatus": "CONSUMED",
        "balanceAmountCents": 0,
    }


async def test_voiding_an_invoice_gives_the_credit_back(setup: Setup, db: Database, factory: Any) -> None:
    org = setup.org
    finance = await factory.member(org, "finance")
    acme = await customer(org, "acme")
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    await bill(db, "2026-02-01T00:00:00+00:00")
    (january,) = await invoices(org, acme)
    credit = await _credit(finance, await _fees(org, january["id"]), 1000)
    await bill(db, "2026-03-01T00:00:00+00:00")
    _, february = await invoices(org, acme)

    (
        await org.admin("mutation($id: ID!) { voidInvoice(input: {id: $id}) { status } }", id=february["id"])
    ).ok("voidInvoice")

    assert february["creditNotesAmountCents"] == 1200
    assert (await finance(NOTE, id=credit["id"])).ok("creditNote") == {
        "creditStatus": "AVAILABLE",
        "balanceAmountCents": 1200,
    }


async def test_a_refund_never_passes_what_was_paid_after_credits(
    setup: Setup, db: Database, factory: Any
) -> None:
    org = setup.org
    finance = await factory.member(org, "finance")
    acme = await customer(org, "acme")
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    await bill(db, "2026-02-01T00:00:00+00:00")
    (january,) = await invoices(org, acme)
    await _credit(finance, await _fees(org, january["id"]), 500)  # 600 of credit
    await bill(db, "2026-03-01T00:00:00+00:00")
    _, february = await invoices(org, acme)
    await org.admin(
        "mutation($id: ID!) { updateInvoice(input: {id: $id, paymentStatus: SUCCEEDED}) { id } }",
        id=february["id"],
    )
    fees = await _fees(org, february["id"])

    over = await finance(
        CREATE, **note(february["id"], [(fees["fees"][0]["id"], 1000)], credit=500, refund=700)
    )
    within = (
        await finance(CREATE, **note(february["id"], [(fees["fees"][0]["id"], 1000)], credit=600, refund=600))
    ).ok("createCreditNote")

    assert february["totalAmountCents"] == 600  # paid in money: 1200 less the 600 credit
    assert over.error()["extensions"]["fields"] == {
        "refundAmountCents": "is more than what was paid and not yet refunded (600)"
    }
    assert (within["creditAmountCents"], within["refundAmountCents"]) == (600, 600)
