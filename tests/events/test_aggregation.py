"""Aggregation in SQL, checked against sums worked out by hand from the events."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from app.billing.charges import ChargeModel, Usage
from app.db.engine import Database
from app.events.aggregation import UsageRequest, aggregate
from app.events.models import Event
from app.metrics.models import AggregationType as A
from tests.helpers import Factory

START, END = datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)


async def _events(
    db: Database, org: uuid.UUID, rows: list[tuple[str, datetime, dict[str, Any]]], sub: str = "s1"
) -> None:
    async with db.sessionmaker() as session:
        session.add_all(
            Event(
                organization_id=org,
                external_subscription_id=sub,
                transaction_id=f"t{i}",
                code=code,
                timestamp=at,
                properties=props,
            )
            for i, (code, at, props) in enumerate(rows)
        )
        await session.commit()


def day(n: int, hour: int = 0) -> datetime:
    return START + timedelta(days=n - 1, hours=hour)


async def _usage(db: Database, org: uuid.UUID, request: UsageRequest) -> Usage:
    async with db.fetcher() as fetch:
        return (await aggregate(fetch, org, [request]))[0]


def request(code: str, aggregation: A, field: str | None = None, **extra: Any) -> UsageRequest:
    return UsageRequest("s1", code, aggregation, field, START, END, **extra)


async def test_count_sum_max_unique_and_latest_over_the_period_only(factory: Factory, db: Database) -> None:
    org = (await factory.organization()).id
    await _events(
        db,
        org,
        [
            ("m", day(1), {"gb": 10, "user": "a"}),
            ("m", day(2), {"gb": "2.5", "user": "b"}),
            ("m", day(20), {"gb": 7, "user": "a"}),
            ("m", START - timedelta(seconds=1), {"gb": 100, "user": "z"}),  # before the period
            ("m", END, {"gb": 100, "user": "y"}),  # the period is half-open
            ("other", day(3), {"gb": 1000, "user": "x"}),
        ],
    )

    results = {
        aggregation: await _usage(
            db, org, request("m", aggregation, "user" if aggregation is A.UNIQUE_COUNT_AGG else "gb")
        )
        for aggregation in (A.COUNT_AGG, A.SUM_AGG, A.MAX_AGG, A.UNIQUE_COUNT_AGG, A.LATEST_AGG)
    }

    assert {a: r.units for a, r in results.items()} == {
        A.COUNT_AGG: Decimal(3),
        A.SUM_AGG: Decimal("19.5"),
        A.MAX_AGG: Decimal(10),
        A.UNIQUE_COUNT_AGG: Decimal(2),
        A.LATEST_AGG: Decimal(7),
    }


async def test_a_recurring_sum_counts_from_the_beginning(factory: Factory, db: Database) -> None:
    org = (await factory.organization()).id
    await _events(db, org, [("m", START - timedelta(days=40), {"gb": 5}), ("m", day(4), {"gb": 2})])

    recurring = await _usage(db, org, request("m", A.SUM_AGG, "gb", recurring=True))
    plain = await _usage(db, org, request("m", A.SUM_AGG, "gb"))

    assert (recurring.units, plain.units) == (Decimal(7), Decimal(2))


async def test_a_weighted_sum_weighs_each_running_total_by_how_long_it_held(
    factory: Factory, db: Database
) -> None:
    org = (await factory.organization()).id
    # 10 GB before the period (recurring), +20 on day 11 at 00:00, -25 on day 21 at 00:00 (31-day month)
    await _events(
        db,
        org,
        [
            ("m", START - timedelta(days=3), {"gb": 10}),
            ("m", day(11), {"gb": 20}),
            ("m", day(21), {"gb": -25}),
        ],
    )

    recurring = await _usage(db, org, request("m", A.WEIGHTED_SUM_AGG, "gb", recurring=True))
    fresh = await _usage(db, org, request("m", A.WEIGHTED_SUM_AGG, "gb"))

    assert recurring.units == (Decimal(10) * 10 + Decimal(30) * 10 + Decimal(5) * 11) / 31
    assert fresh.units == (Decimal(0) * 10 + Decimal(20) * 10 + Decimal(-5) * 11) / 31


async def test_percentage_usage_skips_the_free_events_and_limits_each_transaction(
    factory: Factory, db: Database
) -> None:
    org = (await factory.organization()).id
    amounts = [Decimal("100"), Decimal("5"), Decimal("2000"), Decimal("40")]
    await _events(db, org, [("pay", day(i + 1), {"amount": str(a)}) for i, a in enumerate(amounts)])

    free = await _usage(
        db,
        org,
        request(
            "pay",
            A.SUM_AGG,
            "amount",
            charge_model=ChargeModel.PERCENTAGE,
            properties={"rate": "2", "free_units_per_events": 1},
        ),
    )
    limited = await _usage(
        db,
        org,
        request(
            "pay",
            A.SUM_AGG,
            "amount",
            charge_model=ChargeModel.PERCENTAGE,
            properties={
                "rate": "2",
                "fixed_amount": "0.3",
                "per_transaction_min_amount": "0.5",
                "per_transaction_max_amount": "10",
            },
        ),
    )

    assert (free.events, free.paying_events, free.paying_amount) == (4, 3, Decimal("2045"))
    fees = [min(max(a * 2 / 100 + Decimal("0.3"), Decimal("0.5")), Decimal(10)) for a in amounts]
    assert fees == [Decimal("2.3"), Decimal("0.5"), Decimal("10"), Decimal("1.1")]
    assert limited.clamped_fees == sum(fees)


async def test_no_events_is_zero_not_missing(factory: Factory, db: Database) -> None:
    org = (await factory.organization()).id

    usages = [
        await _usage(db, org, request("m", a, "gb"))
        for a in (A.COUNT_AGG, A.SUM_AGG, A.MAX_AGG, A.LATEST_AGG)
    ]

    assert [u.units for u in usages] == [Decimal(0)] * 4
