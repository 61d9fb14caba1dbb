"""Unused time paid in advance, at its edges: a termination racing a draft's finalization or an
invoice's void, a plan whose payment timing cannot change under running subscriptions, the event of a
recurring metric sent before its subscription starts (billed, so not warned), and a note waiting for
approval while the unused time comes back. Cents are worked out by hand in the comments."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa

from app.credit_notes.models import CreditNote
from app.db.engine import Database
from app.invoices.models import Invoice, InvoiceStatus
from app.invoicing import drafts
from app.settings import Settings
from app.subscriptions import service as subscriptions
from tests.catalogue import metric, plan, standard, tax
from tests.conftest import make_client
from tests.helpers import Api, Factory, Org, actor_for
from tests.invoicing.conftest import bill, customer, invoices, subscribe
from tests.invoicing.lifecycle import Clock, at


@pytest.fixture
def clock() -> Iterator[Clock]:
    with Clock(at("2026-03-01T00:00:00+00:00")).installed() as installed:
        yield installed


async def _advance_setup(org: Org) -> tuple[str, str]:
    """VAT 20 %, a plan of 3100 cents a month paid in advance, a UTC customer subscribed on March 1st."""
    await tax(org.admin, "vat", "20", applied=True)
    calls = await metric(org.admin, "api_calls")
    advance = await plan(
        org.admin, "advance", [standard(calls["id"], "0.01")], amountCents=3100, payInAdvance=True
    )
    acme = await customer(org, "acme")
    subscription = await subscribe(org, acme, advance["id"], "sub_acme", "2026-03-01T00:00:00+00:00")
    return acme, subscription


async def _notes(db: Database, invoice_id: str) -> list[CreditNote]:
    async with db.sessionmaker() as session:
        return list(
            await session.scalars(sa.select(CreditNote).where(CreditNote.invoice_id == uuid.UUID(invoice_id)))
        )


async def test_a_draft_finalized_while_a_termination_is_in_flight_bills_the_whole_month_and_gives_nothing_back(
    committed_db: Database, settings: Settings, clock: Clock
) -> None:
    """Race: ``terminate_subscription`` (locks the subscription, skips the draft as not finalized) and
    ``finalize_due_drafts`` run at once: finalizing locks the subscription too, so it waits for the
    termination and cuts March at its end."""
    async with make_client(settings, committed_db) as client:
        org = await Factory(committed_db, settings, Api(client)).organization()
        await org.admin("mutation { updateOrganization(input: {invoiceGracePeriod: 5}) { id } }")
        acme, subscription = await _advance_setup(org)
        await bill(committed_db, "2026-03-01T00:00:00+00:00")  # March on a draft, finalized on March 6th

        # a termination on March 3rd at 09:00, not committed yet ...
        clock.set("2026-03-03T09:00:00+00:00")
        async with committed_db.sessionmaker() as terminating:
            await subscriptions.terminate_subscription(
                terminating, actor_for(org.admin), uuid.UUID(subscription)
            )

            # ... while the billing run finalizes due drafts: it waits for the termination's commit
            async def finalize() -> int:
                async with committed_db.sessionmaker() as finalizing, finalizing.begin():
                    return await drafts.finalize_due_drafts(finalizing, date(2026, 3, 7))

            finalizing = asyncio.create_task(finalize())
            await asyncio.sleep(0.3)
            assert not finalizing.done()
            await terminating.commit()
            finalized = await asyncio.wait_for(finalizing, 10)
        assert finalized == 1

        advance, *_ = await invoices(org, acme)
        fee = advance["fees"][0]["amountCents"]
        notes = await _notes(committed_db, advance["id"])
        # Expected: March 1st and 2nd only are kept: 3100 x 2/31 = 200 (+40 VAT) -- either the draft is
        # cut to 200, or it bills 3100 and a note gives back 3100 x 29/31 = 2900 (+580 VAT = 3480).
        kept = fee - sum(n.sub_total_excluding_taxes_amount_cents for n in notes)
        assert kept == 200, f"fee {fee}, notes {[n.total_amount_cents for n in notes]}"


async def test_a_termination_racing_a_void_credits_a_voided_invoice(
    committed_db: Database, settings: Settings, clock: Clock
) -> None:
    """Race: ``give_back`` selects FINALIZED invoices without a lock; ``credit_fee`` then locks the
    invoice (waiting for the void), reloads it VOIDED and never checks its status again."""
    async with make_client(settings, committed_db) as client:
        org = await Factory(committed_db, settings, Api(client)).organization()
        acme, subscription = await _advance_setup(org)
        await bill(committed_db, "2026-03-01T00:00:00+00:00")  # March finalized: 3100 + 620 VAT = 3720
        advance, *_ = await invoices(org, acme)
        assert advance["status"] == "FINALIZED"
        actor = actor_for(org.admin)

        clock.set("2026-03-11T12:00:00+00:00")
        async with committed_db.sessionmaker() as voiding:
            await drafts.void_invoice(voiding, actor, uuid.UUID(advance["id"]))  # holds the invoice's lock

            async def terminate() -> None:
                async with committed_db.sessionmaker() as terminating, terminating.begin():
                    await subscriptions.terminate_subscription(terminating, actor, uuid.UUID(subscription))

            termination = asyncio.create_task(terminate())
            await asyncio.sleep(1.0)  # the termination has read the invoice as FINALIZED and waits for it
            await voiding.commit()
            await asyncio.wait_for(termination, 10)

        async with committed_db.sessionmaker() as session:
            status = await session.scalar(
                sa.select(Invoice.status).where(Invoice.id == uuid.UUID(advance["id"]))
            )
        notes = await _notes(committed_db, advance["id"])
        assert status is InvoiceStatus.VOIDED
        # Expected: nothing is given back on an invoice the customer no longer owes (a void owes 0).
        # Actual: a finalized note of 2100 + 420 VAT = 2520 (March 11th-31st: 3100 x 21/31), i.e. 2520 of
        # free credit that the customer's next invoices consume.
        assert [n.total_amount_cents for n in notes] == []


# ---------------------------------------------------------------------------------------------------
# Deterministic findings (through the graph, with the service clock)

NOTES = """query($c: ID!) { creditNotes(customerId: $c) { collection {
  reason status totalAmountCents taxesAmountCents creditAmountCents
  items { amountCents } } } }"""


async def _all_notes(org: Org, customer_id: str) -> list[tuple[str, int, int, int]]:
    collection = (await org.admin(NOTES, c=customer_id)).ok("creditNotes")["collection"]
    return sorted(
        (n["reason"], sum(i["amountCents"] for i in n["items"]), n["taxesAmountCents"], n["totalAmountCents"])
        for n in collection
    )


@pytest.fixture
def svc_clock() -> Iterator[Clock]:
    with Clock(at("2026-03-01T00:00:00+00:00")).installed() as installed:
        yield installed


async def test_an_event_of_a_recurring_metric_before_the_start_is_billed_yet_warned_as_never_billed(
    setup: Any, db: Database
) -> None:
    """``Coverage`` judges by the event's instant only, but a recurring metric's running total starts at
    the beginning (``aggregation._period_start`` -> BEGINNING): an event before the subscription starts
    (or in a period already invoiced) counts in every period billed after it."""
    from tests.catalogue import CREATE_METRIC

    org = setup.org
    seats = (
        await org.admin(
            CREATE_METRIC,
            input={
                "name": "Seats",
                "code": "seats",
                "aggregationType": "SUM_AGG",
                "fieldName": "seats",
                "recurring": True,
            },
        )
    ).ok("createBillableMetric")
    monthly = (await plan(org.admin, "seats_plan", [standard(seats["id"], "1")], amountCents=0))["id"]
    acme = await customer(org, "acme")
    await subscribe(org, acme, monthly, "sub_acme", "2026-03-01T00:00:00+00:00")

    result = (
        await org.admin(
            """mutation($input: CreateEventsInput!) { createEvents(input: $input) {
               warned events { warnings } } }""",
            input={
                "events": [
                    {
                        "transactionId": "seats-feb",
                        "externalSubscriptionId": "sub_acme",
                        "code": "seats",
                        "timestamp": "2026-02-20T00:00:00Z",
                        "properties": {"seats": 5},
                    }
                ]
            },
        )
    ).ok("createEvents")
    await bill(db, "2026-04-01T00:00:00+00:00")

    charges = [
        (f["units"], f["amountCents"])
        for i in await invoices(org, acme)
        for f in i["fees"]
        if f["feeType"] == "CHARGE"
    ]
    # the February event IS billed: March carries 5 seats at 1.00 = 500 cents
    assert charges == [("5", 500)] or charges == [("5.0", 500)], charges
    # Expected: no warning (it will be billed). Actual: BEFORE_SUBSCRIPTION_START "no period will bill it".
    assert result["events"][0]["warnings"] == [], result["events"][0]["warnings"]


APPROVE = "mutation($id: ID!) { approveCreditNote(input: {id: $id}) { status } }"
REJECT = "mutation($id: ID!, $r: String!) { rejectCreditNote(input: {id: $id, reason: $r}) { status } }"


async def _waiting_note_then_termination(
    setup: Any, db: Database, factory: Factory, svc_clock: Clock, credit: int
) -> Any:
    """March billed in advance (3100 + 620 VAT); a person asks for ``credit`` cents of the fee back
    (with its VAT, above the 1000 threshold: it waits for a second person); the subscription ends on
    March 11th, 12:00. Returns the waiting note, the customer and a second finance member."""
    from tests.credit_notes.conftest import CREATE, note
    from tests.invoicing.lifecycle import create, terminate
    from tests.invoicing.lifecycle import invoices as full_invoices

    org = setup.org
    await org.admin(
        """mutation { updateOrganization(input: {creditNoteApprovalThresholds:
           [{currency: "EUR", amountCents: 1000}]}) { id } }"""
    )
    acme = await customer(org, "acme")
    sub = await create(org, acme, setup.plans["advance"], "sub_acme")
    await bill(db, "2026-03-01T00:00:00+00:00")
    (advance,) = await full_invoices(org, acme)
    fee = advance["fees"][0]["id"]
    waiting = (
        await org.admin(CREATE, **note(advance["id"], [(fee, credit)], credit=credit + credit // 5))
    ).ok("createCreditNote")
    assert waiting["status"] == "PENDING_APPROVAL"
    svc_clock.set("2026-03-11T12:00:00+00:00")
    await terminate(org, sub["id"])
    return waiting, acme, await factory.member(org, "finance")


async def test_a_note_waiting_for_approval_does_not_hold_back_the_unused_time_and_its_rejection_changes_nothing(
    setup: Any, db: Database, svc_clock: Clock, factory: Factory
) -> None:
    # given a request for the whole fee back, still waiting when the subscription ends
    waiting, acme, second = await _waiting_note_then_termination(setup, db, factory, svc_clock, 3100)

    # then March 11th-31st came back at the termination: 3100 x 21/31 = 2100 (+420 VAT)
    notes = [n for n in await _all_notes(setup.org, acme) if n[0] == "ORDER_CANCELLATION"]
    assert notes == [("ORDER_CANCELLATION", 2100, 420, 2520)]

    # and approving the request now is refused (3720 no longer fits the 1200 left), and it still waits
    refused = await second(APPROVE, id=waiting["id"])
    assert refused.code == "VALIDATION_ERROR"
    assert refused.error()["extensions"]["fields"] == {
        "id": "the invoice was credited since this note was requested and it no longer fits what remains "
        "creditable (1200 on the invoice): reject it and request a new one"
    }
    # when it is rejected, nothing else changes
    assert (await second(REJECT, id=waiting["id"], r="not agreed")).ok("rejectCreditNote") == {
        "status": "REJECTED"
    }
    assert [n for n in await _all_notes(setup.org, acme) if n[0] == "ORDER_CANCELLATION"] == notes


async def test_a_note_waiting_for_approval_that_still_fits_after_the_unused_time_is_approved(
    setup: Any, db: Database, svc_clock: Clock, factory: Factory
) -> None:
    # given a request for 1000 of the fee back (+200 VAT), waiting while 2100 (+420) of unused time
    # comes back: 1000 remain of the fee and 1200 of the invoice, exactly what it asks
    waiting, acme, second = await _waiting_note_then_termination(setup, db, factory, svc_clock, 1000)

    # when a second person approves it
    approved = await second(APPROVE, id=waiting["id"])

    # then it takes effect, and the fee is credited exactly once in all: 2100 + 1000 = 3100
    assert approved.ok("approveCreditNote") == {"status": "FINALIZED"}
    notes = sorted(n[1:] for n in await _all_notes(setup.org, acme))
    assert notes == [(1000, 200, 1200), (2100, 420, 2520)]


async def test_a_plan_cannot_switch_between_advance_and_arrears_while_subscriptions_use_it(
    setup: Any, db: Database, svc_clock: Clock
) -> None:
    """How a running subscription's periods are paid (at their start or end) decides what it owes and
    what is given back at its end: it cannot change under it (a new plan and a plan change can)."""
    from tests.catalogue import UPDATE_PLAN
    from tests.invoicing.lifecycle import create, terminate

    org = setup.org
    acme = await customer(org, "acme")
    sub = await create(org, acme, setup.plans["advance"], "sub_acme")
    await bill(db, "2026-03-01T00:00:00+00:00")  # March paid in advance: 3100
    switched = await org.admin(UPDATE_PLAN, input={"id": setup.plans["advance"], "payInAdvance": False})
    svc_clock.set("2026-03-11T12:00:00+00:00")
    await terminate(org, sub["id"])
    await bill(db, "2026-03-12T00:00:00+00:00")

    assert switched.code == "VALIDATION_ERROR"
    assert switched.error()["extensions"]["fields"] == {
        "payInAdvance": "cannot change while subscriptions use the plan"
    }
    fees = [
        f["amountCents"]
        for i in await invoices(org, acme)
        for f in i["fees"]
        if f["feeType"] == "SUBSCRIPTION"
    ]
    notes = await _all_notes(org, acme)
    # March billed once (3100) and March 11th-31st given back (3100 x 21/31 = 2100): 1000 kept
    assert sum(fees) - sum(n[1] for n in notes) == 1000, (fees, notes)
