"""Helpers for subscription life-cycle tests: a settable clock for the subscription service (plan changes
and terminations happen at its ``datetime.now``), the life events through the graph, and the invoices
read back as finance would (fees with their periods, credit notes)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from unittest.mock import patch
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from app.db.engine import Database
from app.invoices.models import Fee
from tests.helpers import Org


class Clock:
    """The subscription service's now, set by the test (everything else keeps the real clock)."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def set(self, at: str | datetime) -> None:
        self.at = datetime.fromisoformat(at) if isinstance(at, str) else at

    @contextmanager
    def installed(self) -> Iterator[Clock]:
        clock = self

        class _Frozen(datetime):
            @classmethod
            def now(cls, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
                return clock.at if tz is None else clock.at.astimezone(tz)

        with patch("app.subscriptions.service.datetime", _Frozen):
            yield self


CREATE = "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id status } }"
CHANGE = "mutation($id: ID!, $p: ID!) { changeSubscriptionPlan(input: {id: $id, planId: $p}) { id status } }"
TERMINATE = "mutation($id: ID!) { terminateSubscription(input: {id: $id}) { id status } }"
EVENTS = "mutation($input: CreateEventsInput!) { createEvents(input: $input) { created rejected } }"
INVOICES = """query($c: ID) { invoices(customerId: $c, limit: 40) { collection {
  id sequentialId status issuingDate feesAmountCents creditNotesAmountCents
  fees { id feeType description units amountCents periodStart periodEnd }
  creditNotes(limit: 4) { reason status creditStatus creditAmountCents refundAmountCents totalAmountCents
    subTotalExcludingTaxesAmountCents taxesAmountCents items { amountCents taxesAmountCents fee { id } } }
} } }"""
SUBSCRIPTIONS = """query($c: ID) { subscriptions(customerId: $c, limit: 100,
  status: [PENDING, ACTIVE, TERMINATED, CANCELED]) { collection {
  id externalId status subscriptionAt startedAt endingAt terminatedAt canceledAt trialEndsAt
  plan { code } previousSubscription { id } } } }"""


async def create(org: Org, customer_id: str, plan_id: str, external_id: str, **extra: Any) -> dict[str, Any]:
    given = {"customerId": customer_id, "planId": plan_id, "externalId": external_id, **extra}
    return dict((await org.admin(CREATE, input=given)).ok("createSubscription"))


async def change(org: Org, subscription_id: str, plan_id: str) -> dict[str, Any]:
    return dict((await org.admin(CHANGE, id=subscription_id, p=plan_id)).ok("changeSubscriptionPlan"))


async def terminate(org: Org, subscription_id: str) -> dict[str, Any]:
    return dict((await org.admin(TERMINATE, id=subscription_id)).ok("terminateSubscription"))


async def send(org: Org, external_id: str, times: list[datetime], tag: str = "") -> None:
    events = [
        {
            "transactionId": f"{external_id}-{tag}-{i}-{at.isoformat()}",
            "externalSubscriptionId": external_id,
            "code": "api_calls",
            "timestamp": at.isoformat(),
        }
        for i, at in enumerate(times)
    ]
    if events:
        result = (await org.admin(EVENTS, input={"events": events})).ok("createEvents")
        assert result == {"created": len(events), "rejected": 0}


async def invoices(org: Org, customer_id: str) -> list[dict[str, Any]]:
    collection = (await org.admin(INVOICES, c=customer_id)).ok("invoices")["collection"]
    return sorted(collection, key=lambda invoice: invoice["sequentialId"])


async def subscriptions(org: Org, customer_id: str) -> list[dict[str, Any]]:
    return list((await org.admin(SUBSCRIPTIONS, c=customer_id)).ok("subscriptions")["collection"])


async def fee_owners(db: Database, fee_ids: list[str]) -> dict[str, str]:
    """Which subscription each fee bills. The graph's Fee has no subscription field, so this one link is
    read from the database; everything else comes from the graph."""
    if not fee_ids:
        return {}
    async with db.sessionmaker() as session:
        rows = await session.execute(sa.select(Fee.id, Fee.subscription_id).where(Fee.id.in_(fee_ids)))
        return {str(fee_id): str(owner) for fee_id, owner in rows}


def lines(invoice_list: list[dict[str, Any]], kind: str) -> list[tuple[str, str, str, int]]:
    """(periodStart, periodEnd, units, amountCents) of every fee of ``kind``, in invoice order."""
    return [
        (f["periodStart"], f["periodEnd"], f["units"], f["amountCents"])
        for invoice in invoice_list
        for f in invoice["fees"]
        if f["feeType"] == kind
    ]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def local_date(instant: datetime, timezone: str) -> date:
    return instant.astimezone(ZoneInfo(timezone)).date()


def local_midnight(day: date, timezone: str) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def utc() -> datetime:
    return datetime.now(UTC)
