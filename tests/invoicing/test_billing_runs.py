"""Billing runs are idempotent and safe in parallel: one invoice per subscription and period, numbers
without gaps, also when two runs race."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.db.engine import Database
from app.invoicing.models import InvoiceSubscription
from app.invoicing.run import run
from app.settings import Settings
from tests.catalogue import metric, plan, standard
from tests.conftest import make_client
from tests.helpers import Api, Factory
from tests.invoicing.conftest import customer, invoices, subscribe, usage


async def test_two_concurrent_runs_then_a_third_give_the_same_invoices(
    committed_db: Database, settings: Settings
) -> None:
    async with make_client(settings, committed_db) as client:
        org = await Factory(committed_db, settings, Api(client)).organization()
        calls = await metric(org.admin, "api_calls")
        monthly = await plan(org.admin, "monthly", [standard(calls["id"], "0.01")], amountCents=1000)
        customers = []
        for index in range(30):
            customer_id = await customer(org, f"c{index:02}")
            await subscribe(org, customer_id, monthly["id"], f"s{index:02}", "2026-01-01T00:00:00+00:00")
            await usage(org, f"s{index:02}", ["2026-01-15T00:00:00+00:00"] * (index + 1))
            customers.append(customer_id)
        at = datetime(2026, 7, 1, tzinfo=UTC)  # six months each

        reports = await asyncio.gather(run(committed_db, at, batch=7), run(committed_db, at, batch=7))
        third = await run(committed_db, at)

        assert sum(r.invoices for r in reports) == 30 * 6
        assert third.invoices == 0
        everything = [i for c in customers for i in await invoices(org, c)]
        assert sorted(i["sequentialId"] for i in everything) == list(range(1, 181))
        first = {c: (await invoices(org, c))[0] for c in customers[:3]}
        assert [first[c]["feesAmountCents"] for c in customers[:3]] == [1001, 1002, 1003]


async def test_the_database_refuses_a_second_invoice_for_the_same_boundary(
    factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    monthly = await plan(org.admin, "monthly", [], amountCents=1000)
    customer_id = await customer(org, "c")
    subscription = await subscribe(org, customer_id, monthly["id"], "s", "2026-01-01T00:00:00+00:00")
    await run(db, datetime(2026, 2, 1, tzinfo=UTC))

    async with db.sessionmaker() as session:
        link = await session.scalar(sa.select(InvoiceSubscription))
        assert link is not None
        session.add(
            InvoiceSubscription(
                organization_id=org.id,
                invoice_id=link.invoice_id,
                subscription_id=subscription,
                billed_at=link.billed_at,
                kind="period",
            )
        )
        with pytest.raises(IntegrityError, match="uq_invoice_subscriptions_boundary"):
            await session.flush()
