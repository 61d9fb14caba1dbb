"""A day belongs to exactly one subscription, the one in force when the (customer's local) day ends:
worked examples with the cents written out by hand. Plan changes and terminations happen at the
subscription service's now, set by the test's clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.db.engine import Database
from tests.catalogue import plan, standard
from tests.invoicing.conftest import Setup, bill, customer
from tests.invoicing.lifecycle import Clock, at, change, create, invoices, lines, send, terminate


@pytest.fixture
def clock() -> Iterator[Clock]:
    with Clock(at("2026-01-01T00:00:00+00:00")).installed() as installed:
        yield installed


@pytest.fixture
async def pro(setup: Setup) -> str:
    """A dearer plan in arrears, 3100 cents a month (31 days of January: 100 cents a day)."""
    created = await plan(setup.org.admin, "pro", [standard(setup.metric_id, "0.01")], amountCents=3100)
    return str(created["id"])


async def test_an_upgrade_on_the_2nd_of_a_31_day_month_bills_one_day_of_the_old_plan(
    setup: Setup, db: Database, clock: Clock, pro: str
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    clock.set("2026-03-01T00:00:00+00:00")
    old = await create(org, acme, setup.plans["arrears"], "sub_acme")

    clock.set("2026-03-02T10:00:00+00:00")
    new = await change(org, old["id"], pro)
    await bill(db, "2026-04-01T00:00:01+00:00")

    assert new["status"] == "ACTIVE"
    assert lines(await invoices(org, acme), "SUBSCRIPTION") == [
        # March 1st only: 1000 x 1/31 = 32.26 -> 32
        ("2026-03-01T00:00:00+00:00", "2026-03-02T10:00:00+00:00", "0.03225806451612903225806451613", 32),
        # March 2nd to 31st: 3100 x 30/31 = 3000
        ("2026-03-02T10:00:00+00:00", "2026-04-01T00:00:00+00:00", "0.9677419354838709677419354839", 3000),
    ]


async def test_an_upgrade_on_15_january_bills_14_days_of_the_old_plan_and_17_of_the_new(
    setup: Setup, db: Database, clock: Clock, pro: str
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    old = await create(org, acme, setup.plans["arrears"], "sub_acme")

    clock.set("2026-01-15T09:30:00+00:00")
    await change(org, old["id"], pro)
    await bill(db, "2026-02-01T00:00:00+00:00")

    fees = [(start, end, cents) for start, end, _, cents in lines(await invoices(org, acme), "SUBSCRIPTION")]
    assert fees == [
        ("2026-01-01T00:00:00+00:00", "2026-01-15T09:30:00+00:00", 452),  # 1000 x 14/31 = 451.61 -> 452
        ("2026-01-15T09:30:00+00:00", "2026-02-01T00:00:00+00:00", 1700),  # 3100 x 17/31 = 1700
    ]


async def test_an_upgrade_on_15_january_in_tokyo_counts_tokyo_days(
    setup: Setup, db: Database, clock: Clock, pro: str
) -> None:
    org = setup.org
    acme = await customer(org, "acme", timezone="Asia/Tokyo")
    clock.set("2025-12-31T15:00:00+00:00")  # January 1st, 00:00 in Tokyo
    old = await create(org, acme, setup.plans["arrears"], "sub_acme")

    clock.set("2026-01-14T16:00:00+00:00")  # January 15th, 01:00 in Tokyo (still the 14th in UTC)
    await change(org, old["id"], pro)
    await bill(db, "2026-02-01T00:00:00+00:00")

    fees = [(start, end, cents) for start, end, _, cents in lines(await invoices(org, acme), "SUBSCRIPTION")]
    assert fees == [
        ("2025-12-31T15:00:00+00:00", "2026-01-14T16:00:00+00:00", 452),  # 14 Tokyo days: 451.61 -> 452
        ("2026-01-14T16:00:00+00:00", "2026-01-31T15:00:00+00:00", 1700),  # 17 Tokyo days: 1700
    ]


async def test_a_downgrade_takes_effect_at_the_period_end_and_shares_no_day(
    setup: Setup, db: Database, clock: Clock, pro: str
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    old = await create(org, acme, pro, "sub_acme")

    clock.set("2026-01-20T12:00:00+00:00")
    scheduled = await change(org, old["id"], setup.plans["arrears"])
    await bill(db, "2026-03-01T00:00:00+00:00")

    assert scheduled["status"] == "PENDING"
    fees = [(start, end, cents) for start, end, _, cents in lines(await invoices(org, acme), "SUBSCRIPTION")]
    assert fees == [
        ("2026-01-01T00:00:00+00:00", "2026-02-01T00:00:00+00:00", 3100),  # all of January on pro
        ("2026-02-01T00:00:00+00:00", "2026-03-01T00:00:00+00:00", 1000),  # all of February on basic
    ]


async def test_a_termination_then_a_new_subscription_the_same_day_gives_that_day_to_the_new_one(
    setup: Setup, db: Database, clock: Clock, pro: str
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    old = await create(org, acme, setup.plans["arrears"], "sub_acme")
    clock.set("2026-01-10T12:00:00+00:00")
    await terminate(org, old["id"])

    clock.set("2026-01-10T15:00:00+00:00")
    await create(org, acme, pro, "sub_acme")
    await bill(db, "2026-02-01T00:00:00+00:00")

    fees = [(start, end, cents) for start, end, _, cents in lines(await invoices(org, acme), "SUBSCRIPTION")]
    assert fees == [
        ("2026-01-01T00:00:00+00:00", "2026-01-10T12:00:00+00:00", 290),  # January 1-9: 290.32 -> 290
        ("2026-01-10T15:00:00+00:00", "2026-02-01T00:00:00+00:00", 2200),  # January 10-31: 3100 x 22/31
    ]


async def test_a_termination_then_a_new_subscription_the_next_day_leaves_the_day_of_the_end_unbilled(
    setup: Setup, db: Database, clock: Clock, pro: str
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    old = await create(org, acme, setup.plans["arrears"], "sub_acme")
    clock.set("2026-01-10T12:00:00+00:00")
    await terminate(org, old["id"])

    clock.set("2026-01-11T09:00:00+00:00")
    await create(org, acme, pro, "sub_acme")
    await bill(db, "2026-02-01T00:00:00+00:00")

    fees = [(start, end, cents) for start, end, _, cents in lines(await invoices(org, acme), "SUBSCRIPTION")]
    assert fees == [
        ("2026-01-01T00:00:00+00:00", "2026-01-10T12:00:00+00:00", 290),  # January 1-9
        ("2026-01-11T09:00:00+00:00", "2026-02-01T00:00:00+00:00", 2100),  # January 11-31: 3100 x 21/31
    ]


async def test_an_upgrade_on_the_first_day_of_a_period_bills_nothing_of_the_old_plan(
    setup: Setup, db: Database, clock: Clock, pro: str
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    old = await create(org, acme, setup.plans["arrears"], "sub_acme")  # January 1st, 00:00

    clock.set("2026-01-01T10:00:00+00:00")
    await change(org, old["id"], pro)
    await bill(db, "2026-02-01T00:00:00+00:00")

    fees = [(start, end, cents) for start, end, _, cents in lines(await invoices(org, acme), "SUBSCRIPTION")]
    # the old plan ran ten hours of January 1st, a day the new plan owns: 0 days, no line
    assert fees == [("2026-01-01T10:00:00+00:00", "2026-02-01T00:00:00+00:00", 3100)]


async def test_an_upgrade_on_the_last_day_of_a_period_gives_that_day_to_the_new_plan(
    setup: Setup, db: Database, clock: Clock, pro: str
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    old = await create(org, acme, setup.plans["arrears"], "sub_acme")

    clock.set("2026-01-31T10:00:00+00:00")
    await change(org, old["id"], pro)
    await bill(db, "2026-02-01T00:00:00+00:00")

    fees = [(start, end, cents) for start, end, _, cents in lines(await invoices(org, acme), "SUBSCRIPTION")]
    assert fees == [
        ("2026-01-01T00:00:00+00:00", "2026-01-31T10:00:00+00:00", 968),  # 1000 x 30/31 = 967.74 -> 968
        ("2026-01-31T10:00:00+00:00", "2026-02-01T00:00:00+00:00", 100),  # 3100 x 1/31 = 100
    ]


async def test_a_downgrade_asked_on_the_last_day_starts_the_next_morning(
    setup: Setup, db: Database, clock: Clock, pro: str
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    old = await create(org, acme, pro, "sub_acme")

    clock.set("2026-01-31T23:30:00+00:00")
    await change(org, old["id"], setup.plans["arrears"])
    await bill(db, "2026-02-02T00:00:00+00:00")

    fees = [(start, end, cents) for start, end, _, cents in lines(await invoices(org, acme), "SUBSCRIPTION")]
    assert fees == [("2026-01-01T00:00:00+00:00", "2026-02-01T00:00:00+00:00", 3100)]  # February not yet due


RUN_ORDERS = {
    "one run": ["2026-02-01T00:00:00+00:00"],
    "after the end, then at the period end": ["2026-01-25T00:00:00+00:00", "2026-02-01T00:00:00+00:00"],
    "at the period end, then after the end": ["2026-02-01T00:00:00+00:00", "2026-01-25T00:00:00+00:00"],
    "twice, late": ["2026-03-15T00:00:00+00:00", "2026-03-15T00:00:00+00:00"],
}


@pytest.mark.parametrize("runs", list(RUN_ORDERS.values()), ids=list(RUN_ORDERS))
async def test_a_pending_subscription_ended_inside_its_first_period_bills_start_to_end_only(
    setup: Setup, db: Database, clock: Clock, runs: list[str]
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    clock.set("2026-01-05T00:00:00+00:00")
    pending = await create(
        org,
        acme,
        setup.plans["arrears"],
        "sub_acme",
        subscriptionAt="2026-01-10T08:00:00+00:00",
        endingAt="2026-01-20T18:00:00+00:00",
    )
    counted = ["2026-01-10T08:00:00+00:00", "2026-01-15T00:00:00+00:00", "2026-01-20T17:59:59+00:00"]
    outside = ["2026-01-10T07:59:59+00:00", "2026-01-20T18:00:00+00:00", "2026-01-25T00:00:00+00:00"]
    await send(org, "sub_acme", [at(t) for t in counted + outside])

    for run_at in runs:
        await bill(db, run_at)

    billed = await invoices(org, acme)
    assert pending["status"] == "PENDING"
    assert len(billed) == 1
    assert [
        (f["feeType"], f["periodStart"], f["periodEnd"], f["units"], f["amountCents"])
        for f in billed[0]["fees"]
    ] == [
        # January 10-19: 1000 x 10/31 = 322.58 -> 323
        (
            "SUBSCRIPTION",
            "2026-01-10T08:00:00+00:00",
            "2026-01-20T18:00:00+00:00",
            "0.3225806451612903225806451613",
            323,
        ),
        # the three events inside [start, end), 1 cent each
        ("CHARGE", "2026-01-10T08:00:00+00:00", "2026-01-20T18:00:00+00:00", "3", 3),
    ]


@pytest.mark.parametrize("runs", list(RUN_ORDERS.values()), ids=list(RUN_ORDERS))
async def test_a_pending_subscription_paid_in_advance_ended_inside_its_first_period_bills_start_to_end(
    setup: Setup, db: Database, clock: Clock, runs: list[str]
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    clock.set("2026-01-05T00:00:00+00:00")
    await create(
        org,
        acme,
        setup.plans["advance"],
        "sub_acme",
        subscriptionAt="2026-01-10T08:00:00+00:00",
        endingAt="2026-01-20T18:00:00+00:00",
    )
    await send(org, "sub_acme", [at("2026-01-12T00:00:00+00:00"), at("2026-01-21T00:00:00+00:00")])

    for run_at in runs:
        await bill(db, run_at)

    fees = [
        (f["feeType"], f["periodStart"], f["periodEnd"], f["amountCents"])
        for invoice in await invoices(org, acme)
        for f in invoice["fees"]
    ]
    assert sorted(fees) == [
        ("CHARGE", "2026-01-10T08:00:00+00:00", "2026-01-20T18:00:00+00:00", 1),  # January 12th's event
        # January 10-19 in advance, stopped at the end already known: 3100 x 10/31 = 1000
        ("SUBSCRIPTION", "2026-01-10T08:00:00+00:00", "2026-01-20T18:00:00+00:00", 1000),
    ]


async def test_a_subscription_paid_in_advance_with_an_end_date_this_period_gets_the_rest_back(
    setup: Setup, db: Database, clock: Clock
) -> None:
    # given a subscription paid in advance, started now (January 10th, 08:00) with an end date on the 20th
    org = setup.org
    acme = await customer(org, "acme")
    clock.set("2026-01-10T08:00:00+00:00")
    await create(org, acme, setup.plans["advance"], "sub_acme", endingAt="2026-01-20T18:00:00+00:00")

    # when the start is billed, and a run comes after the end date
    await bill(db, "2026-01-10T08:00:01+00:00")
    await bill(db, "2026-01-21T00:00:00+00:00")

    # then the period is billed in advance as paid for (an end date may still move): January 10-31,
    # 3100 x 22/31 = 2200; and the end gives back January 20-31, 2200 x 12/22 = 1200 + 20 % VAT = 1440,
    # so that January 10-19 alone is paid for: 2200 - 1200 = 1000 = 3100 x 10/31
    billed = await invoices(org, acme)
    fees = [(start, end, cents) for start, end, _, cents in lines(billed, "SUBSCRIPTION")]
    assert fees == [("2026-01-10T08:00:00+00:00", "2026-02-01T00:00:00+00:00", 2200)]
    notes = [(n["reason"], n["creditAmountCents"]) for i in billed for n in i["creditNotes"] or []]
    assert notes == [("ORDER_CANCELLATION", 1440)]


async def test_a_termination_at_the_very_start_of_a_period_billed_in_advance_credits_all_of_it(
    setup: Setup, db: Database, clock: Clock
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    subscription = await create(org, acme, setup.plans["advance"], "sub_acme")  # January 1st, 00:00
    await bill(db, "2026-02-01T00:00:00+00:00")  # February billed in advance: 3100

    clock.set("2026-02-01T00:00:00+00:00")  # ended the instant February began
    await terminate(org, subscription["id"])
    await bill(db, "2026-02-01T00:00:01+00:00")

    billed = await invoices(org, acme)
    notes = [(n["reason"], n["creditAmountCents"]) for i in billed for n in i["creditNotes"] or []]
    # none of February's 28 days used: all of its 3100, plus 20 % VAT
    assert notes == [("ORDER_CANCELLATION", 3720)]
