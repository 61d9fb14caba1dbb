"""Huge usage times a price past anything billable: the billing run holds that subscription (not billed,
still due, logged) instead of overflowing PostgreSQL's ``bigint`` and failing every subscription of its
batch; the others are billed. Refreshing such a draft is a ``VALIDATION_ERROR``, never a server error."""

from __future__ import annotations

import logging

import pytest

from app.db.engine import Database
from app.plans.charge_models import MAX_PRICE
from tests.catalogue import metric, plan, standard
from tests.invoicing.conftest import Setup, bill, customer, invoices, subscribe, usage


async def test_a_fee_past_the_largest_amount_holds_its_subscription_and_bills_the_others(
    setup: Setup, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    org = setup.org
    tokens = await metric(org.admin, "tokens", "SUM_AGG", "tokens")
    priced = await plan(org.admin, "priced", [standard(tokens["id"], str(MAX_PRICE))], amountCents=0)
    huge, normal = await customer(org, "huge"), await customer(org, "normal")
    held = await subscribe(org, huge, priced["id"], "sub_huge", "2026-01-01T00:00:00+00:00")
    await subscribe(org, normal, setup.plans["arrears"], "sub_normal", "2026-01-01T00:00:00+00:00")
    await usage(org, "sub_huge", ["2026-01-10T00:00:00+00:00"], code="tokens", tokens=10**12)

    with caplog.at_level(logging.ERROR, logger="billgraph.billing"):
        first = await bill(db, "2026-02-01T00:00:01+00:00")
        again = await bill(db, "2026-02-01T00:00:02+00:00")

    assert {str(s) for s in first.held} == {held} == {str(s) for s in again.held}
    assert (first.invoices, again.invoices) == (1, 0)
    assert await invoices(org, huge) == []
    assert [i["totalAmountCents"] for i in await invoices(org, normal)] == [1200]
    logged = [
        r.getMessage() for r in caplog.records if r.name == "billgraph.billing" and "held" in r.getMessage()
    ]
    assert len(logged) == 2  # once per run, until the usage or the price is corrected
    assert all(held in line and "passes the largest amount" in line for line in logged)
    assert "1 subscriptions held" in first.line()
