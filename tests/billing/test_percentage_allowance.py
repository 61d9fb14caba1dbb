"""A percentage charge's free allowance is ONE allowance: the first N events or the first amount,
whichever is reached first. Payments of 40, 50, 60, 200 and 100 (running sums 40, 90, 150, 350, 450)
at 2.5 % plus 0.10 a paying event, amounts worked out by hand."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from app.billing.charges import ChargeModel, amount
from app.db.engine import Database
from app.events.aggregation import UsageRequest, aggregate
from app.events.models import Event
from app.metrics.models import AggregationType
from tests.catalogue import metric, plan
from tests.helpers import Factory, Org
from tests.invoicing.conftest import bill, customer, invoices, subscribe

PAYMENTS = ["40", "50", "60", "200", "100"]
CREATE_EVENTS = "mutation($input: CreateEventsInput!) { createEvents(input: $input) { created rejected } }"
USAGE = """query($customer: ID!, $subscription: ID!) {
  customerUsage(customerId: $customer, subscriptionId: $subscription) { amountCents chargesUsage { units } } }"""


def percentage(metric_id: str, **properties: Any) -> dict[str, Any]:
    return {
        "billableMetricId": metric_id,
        "chargeModel": "PERCENTAGE",
        "properties": {"rate": "2.5", "fixedAmount": "0.10", **properties},
    }


async def pay(org: Org, subscription: str, at: datetime, amounts: list[str]) -> None:
    """One payment event a second apart from ``at``, in the order given."""
    events = [
        {
            "transactionId": f"{subscription}-{i}",
            "externalSubscriptionId": subscription,
            "code": "payments",
            "timestamp": (at + timedelta(seconds=i)).isoformat(),
            "properties": {"amount": value},
        }
        for i, value in enumerate(amounts)
    ]
    result = (await org.admin(CREATE_EVENTS, input={"events": events})).ok("createEvents")
    assert result == {"created": len(events), "rejected": 0}


async def charge_fee(factory: Factory, db: Database, **properties: Any) -> tuple[str, int]:
    """Given a plan with the percentage charge, the five payments in March, and the billing run of
    1 April: the invoice's charge fee (units, cents)."""
    org = await factory.organization()
    payments = await metric(org.admin, "payments", "SUM_AGG", "amount")
    shop = await plan(org.admin, "shop", [percentage(payments["id"], **properties)])
    acme = await customer(org, "acme")
    await subscribe(org, acme, shop["id"], "sub_acme", "2026-03-01T00:00:00+00:00")
    await pay(org, "sub_acme", datetime(2026, 3, 10, tzinfo=UTC), PAYMENTS)

    await bill(db, "2026-04-01T00:00:01+00:00")

    (invoice,) = await invoices(org, acme)
    (fee,) = [f for f in invoice["fees"] if f["feeType"] == "CHARGE"]
    return fee["units"], fee["amountCents"]


async def test_the_first_two_events_end_the_allowance_before_the_first_150(
    factory: Factory, db: Database
) -> None:
    units, cents = await charge_fee(factory, db, freeUnitsPerEvents=2, freeUnitsPerTotalAggregation="150")

    # the first two events (90.00) are free: (450 - 90) x 2.5 % = 9.00, plus 3 paying events x 0.10
    assert (units, cents) == ("450", 930)


async def test_the_first_100_end_the_allowance_inside_the_third_event(factory: Factory, db: Database) -> None:
    units, cents = await charge_fee(factory, db, freeUnitsPerEvents=3, freeUnitsPerTotalAggregation="100")

    # 100 free (the running sum passes 100 in event 3): (450 - 100) x 2.5 % = 8.75, plus events 3, 4, 5
    # x 0.10 = 0.30: 9.05
    assert (units, cents) == ("450", 905)


async def test_only_a_count_allowance(factory: Factory, db: Database) -> None:
    units, cents = await charge_fee(factory, db, freeUnitsPerEvents=1)

    # event 1 (40) free: 410 x 2.5 % = 10.25, plus 4 x 0.10 = 0.40: 10.65
    assert (units, cents) == ("450", 1065)


async def test_only_an_amount_allowance_keeps_an_event_that_reaches_it_exactly_free(
    factory: Factory, db: Database
) -> None:
    units, cents = await charge_fee(factory, db, freeUnitsPerTotalAggregation="150")

    # 150 free, reached exactly by event 3, so events 1-3 are wholly inside: 300 x 2.5 % = 7.50,
    # plus events 4 and 5 x 0.10 = 0.20: 7.70
    assert (units, cents) == ("450", 770)


async def test_per_transaction_limits_clamp_each_fee(factory: Factory, db: Database) -> None:
    units, cents = await charge_fee(factory, db, perTransactionMinAmount="1.20", perTransactionMaxAmount="3")

    # each x 2.5 % + 0.10: 40 -> 1.10 (min 1.20), 50 -> 1.35, 60 -> 1.60, 200 -> 5.10 (max 3.00),
    # 100 -> 2.60: 1.20 + 1.35 + 1.60 + 3.00 + 2.60 = 9.75
    assert (units, cents) == ("450", 975)


async def test_the_current_usage_rates_the_one_allowance_too(factory: Factory) -> None:
    org = await factory.organization()
    payments = await metric(org.admin, "payments", "SUM_AGG", "amount")
    shop = await plan(
        org.admin,
        "shop",
        [percentage(payments["id"], freeUnitsPerEvents=2, freeUnitsPerTotalAggregation="150")],
    )
    acme = await customer(org, "acme")
    now = datetime.now(UTC).replace(microsecond=0)
    subscription = await subscribe(
        org, acme, shop["id"], "sub_acme", (now - timedelta(minutes=2)).isoformat()
    )
    await pay(org, "sub_acme", now - timedelta(minutes=1), PAYMENTS)

    got = (await org.admin(USAGE, customer=acme, subscription=subscription)).ok("customerUsage")

    # as the worked example: (450 - 90) x 2.5 % + 3 x 0.10 = 9.30
    assert got == {"amountCents": 930, "chargesUsage": [{"units": "450"}]}


# --- the aggregation itself, for what the API refuses (limits with free units) ---------------------------

START, END = datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)


async def _store(db: Database, org: uuid.UUID, amounts: list[str | None]) -> None:
    """Events a day apart from 2 March; ``None``: an event without the amount field."""
    async with db.sessionmaker() as session:
        session.add_all(
            Event(
                organization_id=org,
                external_subscription_id="s1",
                transaction_id=f"t{i}",
                code="payments",
                timestamp=START + timedelta(days=i + 1),
                properties={} if value is None else {"amount": value},
            )
            for i, value in enumerate(amounts)
        )
        await session.commit()


def _request(**properties: Any) -> UsageRequest:
    return UsageRequest(
        "s1",
        "payments",
        AggregationType.SUM_AGG,
        "amount",
        START,
        END,
        charge_model=ChargeModel.PERCENTAGE,
        properties={"rate": "2.5", "fixed_amount": "0.10", **properties},
    )


@pytest.mark.parametrize(
    ("properties", "paying_events", "paying_amount", "fee"),
    [
        # F = min(cum_2 = 90, 150) = 90; events 3-5 pay: 360 x 2.5 % + 0.30
        ({"free_units_per_events": 2, "free_units_per_total_aggregation": "150"}, 3, "360", "9.30"),
        # F = min(cum_3 = 150, 100) = 100; event 3 straddles: 350 x 2.5 % + 0.30
        ({"free_units_per_events": 3, "free_units_per_total_aggregation": "100"}, 3, "350", "9.05"),
        # more free events than events: all 450 free, nothing pays
        ({"free_units_per_events": 9}, 0, "0", "0"),
        # no allowance (0 is none): 450 x 2.5 % + 5 x 0.10
        ({"free_units_per_events": 0, "free_units_per_total_aggregation": "0"}, 5, "450", "11.75"),
    ],
)
async def test_the_allowance_counts_only_events_carrying_the_field(
    factory: Factory,
    db: Database,
    properties: dict[str, Any],
    paying_events: int,
    paying_amount: str,
    fee: str,
) -> None:
    org = (await factory.organization()).id
    await _store(db, org, [None, "40", None, "50", "60", "200", "100"])  # 2 events without an amount
    request = _request(**properties)

    async with db.fetcher() as fetch:
        (usage,) = await aggregate(fetch, org, [request])

    assert (usage.events, usage.paying_events, usage.paying_amount) == (
        5,
        paying_events,
        Decimal(paying_amount),
    )
    assert amount(ChargeModel.PERCENTAGE, request.properties or {}, usage) == Decimal(fee)


async def test_limits_with_free_units_clamp_each_paying_part_in_one_batch(
    factory: Factory, db: Database
) -> None:
    org = (await factory.organization()).id
    await _store(db, org, PAYMENTS)
    limits = {"per_transaction_min_amount": "1.40", "per_transaction_max_amount": "3"}
    both = _request(free_units_per_events=3, free_units_per_total_aggregation="100", **limits)
    plain = _request(**limits)

    async with db.fetcher() as fetch:
        with_free, without = await aggregate(fetch, org, [both, plain])

    # F = 100: events 1, 2 pay nothing; event 3 pays on 60 - (100 - 90) = 50: 1.25 + 0.10 = 1.35 (min 1.40);
    # event 4: 5.10 (max 3.00); event 5: 2.60. 1.40 + 3.00 + 2.60 = 7.00
    assert with_free.clamped_fees == Decimal("7.00")
    # no allowance: 1.10 (min 1.40) + 1.35 (min 1.40) + 1.60 + 5.10 (max 3.00) + 2.60 = 10.00
    assert without.clamped_fees == Decimal("10.00")
