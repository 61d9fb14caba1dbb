"""Time paid in advance and not used is given back: a subscription paid in advance that ends before its
period does gets a credit note for the days left, which its customer's next invoices consume."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from app.db.engine import Database
from app.subscriptions.models import Subscription
from tests.invoicing.conftest import Setup, bill, customer, invoices, subscribe

NOTES = """query($c: ID!) { creditNotes(customerId: $c) { collection {
  reason description status creditStatus totalAmountCents taxesAmountCents creditAmountCents
  balanceAmountCents refundAmountCents invoice { number } items { amountCents fee { description } } } } }"""


async def _end_at(db: Database, subscription: str, at: datetime) -> None:
    """As if its end date had been set to ``at`` (in the past by the time the run comes)."""
    async with db.sessionmaker() as session:
        await session.execute(
            sa.update(Subscription).where(Subscription.id == subscription).values(ending_at=at)
        )
        await session.commit()


async def _notes(setup: Setup, customer_id: str) -> list[dict[str, Any]]:
    return list((await setup.org.admin(NOTES, c=customer_id)).ok("creditNotes")["collection"])


async def test_a_termination_gives_back_the_days_paid_in_advance_and_not_served(
    setup: Setup, db: Database
) -> None:
    # given March paid in advance (31 days of 3100 cents, VAT 20 %: 3720 cents)
    org = setup.org
    acme = await customer(org, "acme")
    subscription = await subscribe(org, acme, setup.plans["advance"], "sub_acme", "2026-03-01T00:00:00+00:00")
    await bill(db, "2026-03-01T00:00:00+00:00")

    # when it ends on March 11th at noon and the next run bills its termination
    await _end_at(db, subscription, datetime(2026, 3, 11, 12, tzinfo=UTC))
    await bill(db, "2026-03-12T00:00:00+00:00")

    # then March 11th to 31st (21 days, the day it ends on included: it is nobody's) come back:
    # 3100 x 21 / 31 = 2100 cents, plus 20 % VAT = 420: a credit of 2520 on the March invoice
    advance, *_ = await invoices(org, acme)
    assert [(f["feeType"], f["amountCents"]) for f in advance["fees"]] == [("SUBSCRIPTION", 3100)]
    (note,) = await _notes(setup, acme)
    assert note == {
        "reason": "ORDER_CANCELLATION",
        "description": "Unused time of Advance (monthly), paid in advance: 2026-03-11 to 2026-03-31",
        "status": "FINALIZED",
        "creditStatus": "AVAILABLE",
        "totalAmountCents": 2520,
        "taxesAmountCents": 420,
        "creditAmountCents": 2520,
        "balanceAmountCents": 2520,
        "refundAmountCents": 0,
        "invoice": {"number": advance["number"]},
        "items": [{"amountCents": 2100, "fee": {"description": "Advance (monthly)"}}],
    }


async def test_runs_repeated_give_the_days_back_once(setup: Setup, db: Database) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    subscription = await subscribe(org, acme, setup.plans["advance"], "sub_acme", "2026-03-01T00:00:00+00:00")
    await bill(db, "2026-03-01T00:00:00+00:00")
    await _end_at(db, subscription, datetime(2026, 3, 11, 12, tzinfo=UTC))

    for at in ("2026-03-12T00:00:00+00:00", "2026-03-12T00:00:00+00:00", "2026-04-02T00:00:00+00:00"):
        await bill(db, at)

    assert [n["items"][0]["amountCents"] for n in await _notes(setup, acme)] == [2100]


async def test_an_end_known_before_the_period_is_billed_is_never_billed_past(
    setup: Setup, db: Database
) -> None:
    # given a subscription paid in advance that ends on March 11th at noon, known before any run
    org = setup.org
    acme = await customer(org, "acme")
    subscription = await subscribe(org, acme, setup.plans["advance"], "sub_acme", "2026-03-01T00:00:00+00:00")
    await _end_at(db, subscription, datetime(2026, 3, 11, 12, tzinfo=UTC))

    # when the first run comes after its end
    await bill(db, "2026-03-20T00:00:00+00:00")

    # then only March 1st to 10th is billed (3100 x 10 / 31 = 1000), and nothing needs giving back
    fees = [(f["feeType"], f["amountCents"]) for i in await invoices(org, acme) for f in i["fees"]]
    assert fees == [("SUBSCRIPTION", 1000)]
    assert await _notes(setup, acme) == []


async def test_a_draft_still_open_is_cut_instead(setup: Setup, db: Database) -> None:
    # given invoices kept as drafts for 5 days, and March paid in advance on a draft
    org = setup.org
    await org.admin("mutation { updateOrganization(input: {invoiceGracePeriod: 5}) { id } }")
    acme = await customer(org, "acme")
    subscription = await subscribe(org, acme, setup.plans["advance"], "sub_acme", "2026-03-01T00:00:00+00:00")
    await bill(db, "2026-03-01T00:00:00+00:00")

    # when it ends on March 3rd, before the draft is finalized (on March 6th)
    await _end_at(db, subscription, datetime(2026, 3, 3, 9, tzinfo=UTC))
    await bill(db, "2026-03-07T00:00:00+00:00")

    # then the finalized invoice bills March 1st and 2nd only (3100 x 2 / 31 = 200) and no note is made
    advance, *_ = await invoices(org, acme)
    assert advance["status"] == "FINALIZED"
    assert [(f["feeType"], f["amountCents"]) for f in advance["fees"]] == [("SUBSCRIPTION", 200)]
    assert await _notes(setup, acme) == []
